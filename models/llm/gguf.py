"""Read a GGUF file's header and metadata without loading the model (for `sipsabot model info/download`).

Format: magic "GGUF", uint32 version, uint64 tensor count, uint64 key/value count, then the key/value pairs
(little-endian). Arrays are summarised by their length (a tokenizer holds 128k strings), except short ones.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

MAGIC = b"GGUF"
_SCALARS = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?", 10: "<Q", 11: "<q", 12: "<d"}
_STRING, _ARRAY = 8, 9
_MAX_KV = 100_000
_MAX_STRING = 64 * 1024 * 1024
FILE_TYPES = {
    0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 7: "Q8_0", 8: "Q5_0", 9: "Q5_1", 10: "Q2_K", 11: "Q3_K_S",
    12: "Q3_K_M", 13: "Q3_K_L", 14: "Q4_K_S", 15: "Q4_K_M", 16: "Q5_K_S", 17: "Q5_K_M", 18: "Q6_K", 19: "IQ2_XXS",
    20: "IQ2_XS", 21: "Q2_K_S", 22: "IQ3_XS", 23: "IQ3_XXS", 24: "IQ1_S", 25: "IQ4_NL", 26: "IQ3_S", 27: "IQ3_M",
    28: "IQ2_S", 29: "IQ2_M", 30: "IQ4_XS", 31: "IQ1_M", 32: "BF16", 36: "TQ1_0", 37: "TQ2_0", 38: "MXFP4",
}


class GGUFError(ValueError):
    """Not a readable GGUF file (message in Spanish, shown to the operator)."""


@dataclass(frozen=True)
class GGUFHeader:
    path: Path
    size_bytes: int
    version: int
    tensor_count: int
    metadata: dict[str, Any]

    @property
    def architecture(self) -> str:
        return str(self.metadata.get("general.architecture", "?"))

    @property
    def name(self) -> str:
        return str(self.metadata.get("general.name", self.path.stem))

    @property
    def context_length(self) -> int | None:
        value = self.metadata.get(f"{self.architecture}.context_length")
        return int(value) if value is not None else None

    @property
    def quantization(self) -> str:
        value = self.metadata.get("general.file_type")
        return FILE_TYPES.get(int(value), str(value)) if value is not None else "?"

    @property
    def vocab_size(self) -> int | None:
        tokens = self.metadata.get("tokenizer.ggml.tokens")
        return int(tokens["length"]) if isinstance(tokens, dict) else None

    @property
    def has_chat_template(self) -> bool:
        return bool(self.metadata.get("tokenizer.chat_template"))


def _read(f: BinaryIO, fmt: str) -> Any:
    size = struct.calcsize(fmt)
    raw = f.read(size)
    if len(raw) != size:
        raise GGUFError("el archivo GGUF está truncado (cabecera incompleta)")
    return struct.unpack(fmt, raw)[0]


def _string(f: BinaryIO) -> str:
    length = _read(f, "<Q")
    if length > _MAX_STRING:
        raise GGUFError("cabecera GGUF inválida (texto demasiado largo)")
    raw = f.read(length)
    if len(raw) != length:
        raise GGUFError("el archivo GGUF está truncado (cabecera incompleta)")
    return raw.decode("utf-8", errors="replace")


def _value(f: BinaryIO, kind: int, depth: int = 0) -> Any:
    if kind in _SCALARS:
        return _read(f, _SCALARS[kind])
    if kind == _STRING:
        return _string(f)
    if kind == _ARRAY and depth == 0:
        item_kind, count = _read(f, "<I"), _read(f, "<Q")
        items = [_value(f, item_kind, depth + 1) for _ in range(count)]
        return items if count <= 16 else {"length": count, "first": items[:3]}
    raise GGUFError(f"cabecera GGUF inválida (tipo de valor desconocido {kind})")


def read_header(path: str | Path) -> GGUFHeader:
    """Magic, version, counts and metadata of a GGUF file; GGUFError with a Spanish message otherwise."""
    path = Path(path)
    if not path.is_file():
        raise GGUFError(f"no existe el archivo del modelo: {path}")
    with path.open("rb") as f:
        if f.read(4) != MAGIC:
            raise GGUFError(f"{path.name} no es un archivo GGUF (firma inicial incorrecta)")
        version = _read(f, "<I")
        if version not in (2, 3):
            raise GGUFError(f"versión GGUF {version} no soportada")
        tensors, kv_count = _read(f, "<Q"), _read(f, "<Q")
        if kv_count > _MAX_KV:
            raise GGUFError("cabecera GGUF inválida (demasiadas claves)")
        metadata: dict[str, Any] = {}
        for _ in range(kv_count):
            key = _string(f)
            metadata[key] = _value(f, _read(f, "<I"))
    if tensors == 0:
        raise GGUFError(f"{path.name} no contiene tensores")
    return GGUFHeader(path=path, size_bytes=path.stat().st_size, version=version, tensor_count=tensors,
                      metadata=metadata)


def sha256(path: str | Path, chunk: int = 8 * 1024 * 1024) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as f:
        while block := f.read(chunk):
            digest.update(block)
    return digest.hexdigest()
