"""`import_file`: detect a file's format and load it into the mirror in one transaction."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from data.importers import anda, detect, long_csv, soap_xml, workbook, zeep_json
from data.importers.base import ImportError_, ImportResult, import_run

LOADERS = {
    detect.LONG_CSV: ("weekly_prices", long_csv.load),
    detect.SOAP_XML: ("", soap_xml.load),  # the table depends on the operation: the loader sets it
    detect.ZEEP_JSON: ("", zeep_json.load),
    detect.WORKBOOK: ("weekly_prices", workbook.load),
    detect.ANDA_SUPPLY: ("supply_origins", anda.load_supply),
    detect.ANDA_PRICES: ("monthly_prices", anda.load_prices),
}


def import_file(conn: sqlite3.Connection, path: str | Path) -> ImportResult:
    """Import one file. Raises ImportError_ (mirror untouched) when it cannot be read at all."""
    path = Path(path)
    if not path.is_file():
        raise ImportError_(f"No encuentro el archivo {path}.")
    try:
        fmt = detect.sniff(path)
    except (ValueError, OSError) as exc:
        raise ImportError_(f"No reconozco el formato de {path.name}: {exc}.") from exc
    dataset, loader = LOADERS[fmt]
    try:
        with import_run(conn, source=fmt, fmt=fmt, path=path, dataset=dataset) as batch:
            loader(batch, path)
    except ImportError_:
        raise
    except sqlite3.OperationalError as exc:
        if "full" in str(exc).lower():
            raise ImportError_(f"No hay espacio en el disco para importar {path.name} ({exc}). El espejo no "
                               "cambió; libere espacio y vuelva a intentarlo.") from exc
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise ImportError_(f"Otro proceso tiene el espejo ocupado escribiendo desde hace más de 30 s; no "
                               f"importé {path.name}. El espejo no cambió; vuelva a intentarlo.") from exc
        raise ImportError_(f"No pude escribir {path.name} en el espejo ({exc}). El espejo no cambió.") from exc
    except Exception as exc:  # any parse failure: the transaction was rolled back by import_run
        raise ImportError_(f"No pude leer {path.name} ({fmt}): {exc}. El espejo no cambió.") from exc
    return batch.result
