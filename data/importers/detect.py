"""Which importer a file needs, decided from its content (never its extension)."""

from __future__ import annotations

import gzip
from pathlib import Path

# Format names, one per importer.
LONG_CSV = "csv-semanal"
SOAP_XML = "soap-xml"
ZEEP_JSON = "zeep-json"
_SOAP_FIELDS = ('"fechaCaptura"', '"artiNombre"', '"insumoNombre"', '"cantidadTon"', '"fechaMesIni"', '"enmaFecha"')


def sniff(path: str | Path) -> str:
    """Return the format name for a file, or raise ValueError with a Spanish reason."""
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if head[:2] == b"\x1f\x8b":
        with gzip.open(path, "rb") as gz:
            head = gz.read(4096)
    text = head.decode("utf-8-sig", errors="replace")
    first = text.splitlines()[0] if text else ""
    if first.startswith("semana_inicio,semana_fin,grupo,producto,mercado"):
        return LONG_CSV
    lead = text.lstrip()
    if lead.startswith("<") and "Envelope" in text and "soap" in text.lower():
        return SOAP_XML
    if lead.startswith("[") and any(f in text for f in _SOAP_FIELDS):
        return ZEEP_JSON
    raise ValueError("formato no reconocido")
