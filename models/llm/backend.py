"""Runtime CPU-variant dispatch for llama.cpp builds made with GGML_BACKEND_DL=ON and GGML_CPU_ALL_VARIANTS=ON.

Such a build ships one CPU backend per instruction-set level (libggml-cpu-x64.so, -haswell, -skylakex, -icelake,
-zen4, …) and registers none at start: the program must call ggml_backend_load_all*() so ggml scores each variant
against the running CPU and loads the best one (AVX-512 where the CPU has it, AVX2 elsewhere). llama-cpp-python
does not call it (upstream issue abetlen/llama-cpp-python#2069: "no backends are loaded" at model load), so this
module calls it through ctypes on the libggml that libllama is linked to, pointing at the folder that holds the
variants. With an ordinary build (the CPU backend linked in) it does nothing.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from pathlib import Path
from types import ModuleType

log = logging.getLogger(__name__)

_loaded: str | None = None


def variant_dirs(llama_cpp: ModuleType) -> list[Path]:
    """Where a wheel may have put the libggml-cpu-*.so variants. llama-cpp-python 0.3.36 installs them in a `bin/`
    folder at the top of site-packages (beside llama_cpp/), where ggml's own search (the executable's folder and
    the working directory) never looks."""
    package = Path(str(llama_cpp.__file__)).parent
    return [package.parent / "bin", package / "lib", package, Path(sys.prefix) / "bin", Path(sys.prefix) / "lib"]


def _libggml_of_libllama() -> ctypes.CDLL:
    """The libggml instance libllama uses. A wheel cannot hold symlinks, so lib/ has libggml.so and libggml.so.0 as
    two copies of one file: llama_cpp._ggml opens the first, libllama links the second (its soname), and each copy
    keeps its own backend registry. Loading variants through the wrong copy leaves libllama with "no backends are
    loaded". RTLD_NOLOAD returns the copy already mapped for libllama (the soname), without loading anything."""
    try:
        return ctypes.CDLL("libggml.so.0", mode=os.RTLD_NOLOAD)
    except OSError:  # another soname (a future ggml): fall back to llama-cpp-python's own handle
        from llama_cpp import _ggml

        return _ggml.libggml


def ensure_cpu_backend(llama_cpp: ModuleType) -> str:
    """Load the best CPU variant when the build registered no backend; returns what happened (for logs and bench):
    "static" (ordinary build), "dispatch:<folder>" or "missing" (a dynamic build whose variants were not found)."""
    global _loaded
    if _loaded is not None:
        return _loaded
    lib = _libggml_of_libllama()
    lib.ggml_backend_dev_count.restype = ctypes.c_size_t
    if lib.ggml_backend_dev_count() > 0:
        _loaded = "static"
        return _loaded
    lib.ggml_backend_load_all_from_path.argtypes = [ctypes.c_char_p]
    lib.ggml_backend_load_all_from_path.restype = None
    for folder in variant_dirs(llama_cpp):
        if any(folder.glob("libggml-cpu-*.so")):
            lib.ggml_backend_load_all_from_path(str(folder).encode())
            if lib.ggml_backend_dev_count() > 0:
                _loaded = f"dispatch:{folder}"
                log.info("llama.cpp CPU backend chosen at run time from %s: %s", folder,
                         llama_cpp.llama_print_system_info().decode(errors="replace").strip())
                return _loaded
    log.error("this llama.cpp build loads its CPU backend at run time, but no libggml-cpu-*.so was found in %s",
              ", ".join(map(str, variant_dirs(llama_cpp))))
    _loaded = "missing"
    return _loaded
