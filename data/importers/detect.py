"""Which importer a file needs, decided from its content (never its extension)."""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

from data.importers import anda
from data.text import fold

# Format names, one per importer.
LONG_CSV = "csv-semanal"
SOAP_XML = "soap-xml"
ZEEP_JSON = "zeep-json"
WORKBOOK = "boletin-semanal"
ANDA_SUPPLY = "anda-abastecimiento"
ANDA_PRICES = "anda-precios"
_SOAP_FIELDS = ('"fechaCaptura"', '"artiNombre"', '"insumoNombre"', '"cantidadTon"', '"fechaMesIni"', '"enmaFecha"')


def sniff(path: str | Path) -> str:
    """Return the format name for a file, or raise ValueError with a Spanish reason."""
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if head[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # OLE2: an Excel 97 workbook (.xls), whatever its name
        return WORKBOOK
    if head[:4] == b"PK\x03\x04":  # a zip: an .xlsx workbook (even named .xls); a damaged one fails in its loader
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                if "xl/workbook.xml" not in zf.namelist():
                    raise ValueError("es un archivo zip pero no un libro de Excel")
        return WORKBOOK
    if head[:2] == b"\x1f\x8b":
        with gzip.open(path, "rb") as gz:
            head = gz.read(4096)
    text = head.decode("utf-8-sig", errors="replace")
    first = text.splitlines()[0] if text else ""
    if first.startswith("semana_inicio,semana_fin,grupo,producto,mercado"):
        return LONG_CSV
    fields = [fold(f) for f in first.split(";")] if ";" in first else []
    if anda.is_supply(fields):
        return ANDA_SUPPLY
    if anda.is_prices(fields):
        return ANDA_PRICES
    lead = text.lstrip()
    if lead.startswith("<") and "Envelope" in text and "soap" in text.lower():
        return SOAP_XML
    if lead.startswith("[") and any(f in text for f in _SOAP_FIELDS):
        return ZEEP_JSON
    raise ValueError("formato no reconocido")
