"""SOAP 1.2 XML responses of the six SIPSA operations, parsed incrementally: each `<return>` record is turned
into a row and dropped from the tree at once, so memory stays flat whatever the size of the response
(real responses are 100-310 MB). A SOAP Fault is a clear error and nothing is written."""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from data.importers.base import Batch, ImportError_
from data.importers.soap_records import OPERATIONS, Operation, Record, load_records

SOAP12 = "http://www.w3.org/2003/05/soap-envelope"
SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"


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
    return gzip.open(path, "rb") if magic == b"\x1f\x8b" else open(path, "rb")


def iter_records(path: str | Path, batch: Batch | None = None) -> Iterator[tuple[Operation | None, Record]]:
    """Yield (operation, record) for every `<return>` in a response. Raises ValueError when the XML is cut or
    malformed (ET.ParseError) or is not a SOAP response of a known operation, and SoapFault on a Fault."""
    with open_binary(path) as fh:
        yield from _records(fh, batch)


def _records(fh: IO[bytes], batch: Batch | None) -> Iterator[tuple[Operation | None, Record]]:
    container: ET.Element | None = None  # the <opResponse> element: cleared after each record
    op: Operation | None = None
    depth = 0
    try:
        for event, elem in ET.iterparse(fh, events=("start", "end")):
            if container is not None:
                if event == "end" and elem.tag == "return":
                    yield op, {_local(child.tag): (child.text or "") for child in elem}
                    container.clear()
                continue
            name = _local(elem.tag)
            if event == "end":
                if name == "Fault":
                    raise SoapFault(f"El servicio SOAP de DANE respondió con un error: {_fault_text(elem)}")
                depth -= 1
                continue
            depth += 1
            if depth == 1 and name != "Envelope":
                raise ValueError(f"no es un sobre SOAP (raíz <{name}>)")
            if depth == 3 and name.endswith("Response"):
                op = OPERATIONS.get(name[: -len("Response")])
                if op is None:
                    raise ValueError(f"operación SOAP desconocida: {name}")
                if batch is not None:
                    batch.result.dataset = op.table
                container = elem
    except ET.ParseError as exc:
        raise ValueError(f"respuesta XML incompleta o mal formada ({exc})") from exc
    if op is None:
        raise ValueError("la respuesta SOAP no trae ninguna operación conocida")


def load(batch: Batch, path: str | Path, source: str = "soap") -> None:
    """Import one SOAP response file into its fact table (one transaction, via the caller's import_run)."""
    load_records(batch, iter_records(path, batch), source)
