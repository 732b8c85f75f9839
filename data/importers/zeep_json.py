"""JSON dumps of SIPSA SOAP responses as written by a zeep client: a JSON array of flat objects whose values are
all strings (dates like '2024-03-07 00:00:00-05:00'). Read one object at a time from a sliding text buffer, so
memory stays bounded by the largest record, not the file."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

from data.importers.base import Batch
from data.importers.soap_records import Operation, Record, load_records
from data.importers.soap_xml import open_binary

BLOCK = 1 << 20
MAX_RECORD = 16 << 20  # a record larger than this is not a SIPSA record: stop reading
_WS = " \t\r\n"


def iter_records(path: str | Path) -> Iterator[tuple[Operation | None, Record]]:
    """Yield (None, record) for each object of the top-level array. Raises ValueError on malformed JSON."""
    decoder = json.JSONDecoder()
    with io.TextIOWrapper(open_binary(path), encoding="utf-8-sig") as fh:
        buf = fh.read(BLOCK)
        pos = len(buf) - len(buf.lstrip(_WS))
        if buf[pos : pos + 1] != "[":
            raise ValueError("el JSON no es una lista de registros")
        pos += 1
        expect_item = True  # after '[' or ','
        first = True
        while True:
            while True:  # skip whitespace, refilling the buffer when it runs out
                while pos < len(buf) and buf[pos] in _WS:
                    pos += 1
                if pos < len(buf):
                    break
                more = fh.read(BLOCK)
                if not more:
                    raise ValueError("JSON incompleto: falta el cierre ']'")
                buf, pos = more, 0
            ch = buf[pos]
            if ch == "]" and (first or not expect_item):
                break
            if ch == "," and not expect_item:
                pos, expect_item = pos + 1, True
                continue
            if not expect_item:
                raise ValueError(f"JSON mal formado cerca de {buf[pos : pos + 40]!r}")
            while True:
                try:
                    obj, end = decoder.raw_decode(buf, pos)
                    break
                except json.JSONDecodeError as exc:
                    more = fh.read(BLOCK) if len(buf) - pos < MAX_RECORD else ""
                    if not more:
                        raise ValueError(f"JSON incompleto o mal formado ({exc.msg})") from exc
                    buf, pos = buf[pos:] + more, 0
            if not isinstance(obj, dict):
                raise ValueError("el JSON no es una lista de objetos")
            yield None, {k: "" if v is None else str(v) for k, v in obj.items()}
            pos, expect_item, first = end, False, False
        if buf[pos + 1 :].strip(_WS) or fh.read(BLOCK).strip(_WS):
            raise ValueError("texto sobrante después de la lista JSON")


def load(batch: Batch, path: str | Path, source: str = "zeep-json") -> None:
    load_records(batch, iter_records(path), source)
