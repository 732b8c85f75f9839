"""Which importer a file needs, decided from its content (never its extension)."""

from __future__ import annotations

import gzip
from pathlib import Path

# Format names, one per importer.
LONG_CSV = "csv-semanal"


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
    raise ValueError("formato no reconocido")
