"""The evaluated system prompt kept on disk, so a restart or a one-shot `sipsabot ask` skips re-evaluating it.

With the 1.5B model on 2 threads the ~1,000-token system prompt takes tens of seconds to evaluate and the
question only a few: the KV-cache entries of that constant prefix are worth keeping. llama-cpp-python's
`Llama.save_state()` is not used: it copies the whole logits matrix (n_batch x n_vocab floats, ~300 MB for a
152k vocabulary) and its `LlamaState` is only picklable, and unpickling a file runs code. Instead the file holds
llama.cpp's own per-sequence state (`llama_state_seq_get_data`, the KV cells of sequence 0, ~28 KB per token for
Qwen2.5-1.5B) behind a small header:

    b"SIPSAKV1" | uint32 header length | header JSON | int32 prefix token ids | state bytes

The header names the key (model file identity, the prefix tokens, context size, llama.cpp version and CPU
features), the token count and the payload's sha256. A file that is absent, truncated, corrupt, or written for
another key is ignored (and then rebuilt by the caller); files are written to a temporary name and renamed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import struct
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

MAGIC = b"SIPSAKV1"
FORMAT = 1
_MAX_HEADER = 64 * 1024


@dataclass(frozen=True)
class PrefixState:
    tokens: list[int]
    data: bytes


def state_key(model_path: str | Path, tokens: list[int], n_ctx: int, runtime: str) -> str:
    """What the saved KV cells depend on. The model file is identified by path, size and modification time
    (hashing 1 GB at every start would cost more than it saves); a re-downloaded file gets a new key."""
    path = Path(model_path).resolve()
    st = path.stat()
    digest = hashlib.sha256()
    for part in (FORMAT, str(path), st.st_size, st.st_mtime_ns, n_ctx, runtime):
        digest.update(f"{part}\x00".encode())
    digest.update(array("i", tokens).tobytes())
    return digest.hexdigest()


def state_path(state_dir: str | Path, model_path: str | Path, key: str) -> Path:
    return Path(state_dir) / f"{Path(model_path).stem}-{key[:20]}.state"


def save(path: Path, key: str, state: PrefixState) -> bool:
    """Write atomically (temporary file, fsync, rename); remove older states of the same model. False when the
    folder is not writable (a read-only model volume): the bot still works, it only re-evaluates at start."""
    tokens = array("i", state.tokens).tobytes()
    header = json.dumps({"format": FORMAT, "key": key, "n_tokens": len(state.tokens), "data_bytes": len(state.data),
                         "sha256": hashlib.sha256(tokens + state.data).hexdigest()}).encode()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as f:
            f.write(MAGIC + struct.pack("<I", len(header)) + header + tokens)
            f.write(state.data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("could not save the LLM prompt state to %s: %s", path, exc)
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        return False
    stem = path.name.rsplit("-", 1)[0]
    for old in path.parent.glob(f"{stem}-*.state"):
        if old != path and len(old.name) == len(path.name):
            try:
                old.unlink()
            except OSError:
                pass
    return True


def load(path: Path, key: str) -> PrefixState | None:
    """The saved prefix state when the file is complete, intact and written for `key`; None otherwise."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    why = _check(raw, key)
    if isinstance(why, str):
        log.warning("ignoring LLM prompt state %s: %s", path, why)
        return None
    return why


def _check(raw: bytes, key: str) -> PrefixState | str:
    if not raw.startswith(MAGIC) or len(raw) < len(MAGIC) + 4:
        return "not a state file"
    (size,) = struct.unpack_from("<I", raw, len(MAGIC))
    start = len(MAGIC) + 4
    if size > _MAX_HEADER or start + size > len(raw):
        return "truncated header"
    try:
        header: dict[str, Any] = json.loads(raw[start:start + size])
        n_tokens, n_data = int(header["n_tokens"]), int(header["data_bytes"])
    except (ValueError, KeyError, TypeError):
        return "unreadable header"
    if header.get("format") != FORMAT or header.get("key") != key:
        return "written for another model, prompt or llama.cpp build"
    body = raw[start + size:]
    if len(body) != 4 * n_tokens + n_data:
        return "truncated"
    if hashlib.sha256(body).hexdigest() != header.get("sha256"):
        return "checksum mismatch"
    tokens = array("i")
    tokens.frombytes(body[:4 * n_tokens])
    return PrefixState(tokens.tolist(), body[4 * n_tokens:])
