"""SOAP 1.2 XML responses of the six SIPSA operations, parsed incrementally: each `<return>` record is turned
into a row as soon as its bytes arrive and is then dropped, so memory stays flat whatever the size of the response
(real responses are 100-310 MB). A SOAP Fault is a clear error and nothing is written."""

from __future__ import annotations

import codecs
import gzip
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import IO
from xml.parsers import expat

from data.importers.base import Batch, ImportError_
from data.importers.soap_records import OPERATIONS, Operation, Record, load_records


class SoapFault(ImportError_):
    """The service answered with a SOAP Fault instead of data."""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _fault_text(fault: ET.Element) -> str:
    """The human reason of a SOAP 1.2 (Reason/Text) or 1.1 (faultstring) fault."""
    for elem in fault.iter():
        if _local(elem.tag) in {"Text", "faultstring"} and (elem.text or "").strip():
            return (elem.text or "").strip()
    return "sin detalle"


def open_binary(path: str | Path) -> IO[bytes]:
    """The file's bytes, gunzipped on the fly when it is gzip (responses are sometimes kept compressed)."""
    with open(path, "rb") as fh:
        magic = fh.read(2)
    if magic == b"\x1f\x8b":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def iter_records(path: str | Path, batch: Batch | None = None) -> Iterator[tuple[Operation | None, Record]]:
    """Yield (operation, record) for every `<return>` in a response. Raises ValueError when the XML is cut or
    malformed or is not a SOAP response of a known operation, and SoapFault on a Fault."""
    with open_binary(path) as fh:
        yield from _records(fh, batch)


# The service writes flat records: <return><field>text</field>...</return>. Records are cut out of the stream
# with regular expressions (C speed) while expat checks, on the same bytes, that the document is well formed
# and complete; a record the expressions do not fully account for (CDATA, attributes, nesting) is parsed by
# ElementTree instead, so nothing is misread.
_RECORD = re.compile(r"<(?:[\w.-]+:)?return(?:\s[^>]*)?>(.*?)</(?:[\w.-]+:)?return\s*>", re.S)
_FIELD = re.compile(r"<(\w+)>([^<]*)</\w+>")  # tag names are checked by expat; a prefixed field falls back
_TAG = re.compile(r"<(/?)(?:[\w.-]+:)?([\w.-]+)(?:\s[^>]*?)?(/?)>")
_RESPONSE = re.compile(r"<(?:[\w.-]+:)?(\w+)Response[\s/>]")
_FAULT = re.compile(r"<(?:[\w.-]+:)?Fault[\s/>]")
_ENVELOPE = re.compile(r"<(?:[\w.-]+:)?Envelope[\s/>]")
_ENCODING = re.compile(rb"^\s*<\?xml[^>]*encoding=[\"']([\w.-]+)[\"']")
BLOCK = 1 << 20
FAULT_MAX = 1 << 20


def _slow_records(text: str) -> Iterator[dict[str, str]]:
    """Records read by ElementTree from a fragment ending with a record's end tag (rare forms)."""
    for match in _RECORD.finditer(text):
        # Prefixes and attributes (xsi:nil) are declared outside the fragment: drop them before parsing.
        elem = ET.fromstring(_TAG.sub(r"<\1\2\3>", match.group(0)))
        yield {_local(child.tag): (child.text or "") for child in elem}


def _records(fh: IO[bytes], batch: Batch | None) -> Iterator[tuple[Operation | None, Record]]:
    checker = expat.ParserCreate()
    first = fh.read(BLOCK)
    found = _ENCODING.match(first)
    decoder = codecs.getincrementaldecoder(found.group(1).decode() if found else "utf-8")(errors="strict")
    op: Operation | None = None
    buf = ""
    block = first
    try:
        while True:
            checker.Parse(block, not block)
            text = decoder.decode(block, final=not block)
            if op is None:
                head = buf + text
                if _FAULT.search(head) and not _RECORD.search(head):
                    rest = head + fh.read(FAULT_MAX).decode("utf-8", errors="replace")
                    try:
                        fault = ET.fromstring(rest.encode())
                        reason = next((_fault_text(e) for e in fault.iter() if _local(e.tag) == "Fault"), "")
                    except ET.ParseError:
                        reason = ""
                    raise SoapFault(f"El servicio SOAP de DANE respondió con un error: {reason or 'sin detalle'}")
                start = _RESPONSE.search(head)
                if start is None:
                    if _RECORD.search(head) or len(head) > BLOCK:
                        raise ValueError("no es una respuesta SOAP de SIPSA")
                    buf = head
                    if not block:
                        break
                    block = fh.read(BLOCK)
                    continue
                if not _ENVELOPE.search(head, 0, start.start()):
                    raise ValueError("no es un sobre SOAP")
                op = OPERATIONS.get(start.group(1))
                if op is None:
                    raise ValueError(f"operación SOAP desconocida: {start.group(1)}")
                if batch is not None:
                    batch.result.dataset = op.table
                buf, text = head[start.end():], ""
            buf += text
            pieces = buf.split("</return>")
            buf = pieces.pop()
            for piece in pieces:
                i = piece.rfind("<return>")
                content = piece[i + 8:]
                fields = _FIELD.findall(content)
                if i >= 0 and content.count("<") == 2 * len(fields) and "&" not in content:
                    yield op, dict(fields)
                else:
                    yield from ((op, rec) for rec in _slow_records(piece + "</return>"))
            if "</" in buf and _RECORD.search(buf):  # records closed with a prefixed or spaced end tag
                end = 0
                for match in _RECORD.finditer(buf):
                    yield from ((op, rec) for rec in _slow_records(match.group(0)))
                    end = match.end()
                buf = buf[end:]
            if not block:
                break
            block = fh.read(BLOCK)
    except expat.ExpatError as exc:
        raise ValueError(f"respuesta XML incompleta o mal formada ({expat.ErrorString(exc.code)}, "
                         f"línea {exc.lineno})") from exc
    except (UnicodeDecodeError, LookupError) as exc:
        raise ValueError(f"respuesta XML con codificación ilegible ({exc})") from exc
    if op is None:
        raise ValueError("la respuesta SOAP no trae ninguna operación conocida")


def load(batch: Batch, path: str | Path, source: str = "soap") -> None:
    """Import one SOAP response file into its fact table (one transaction, via the caller's import_run)."""
    load_records(batch, iter_records(path, batch), source)
