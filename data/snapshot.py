"""The offline snapshot: real SIPSA weekly prices shipped with the bot (data/snapshot/semanal_reciente.csv.gz,
built by tools/build_snapshot.py from DANE's weekly table; CC BY-SA 4.0, "Fuente: DANE – SIPSA").

A first start without internet loads it instead of inventing figures. The mirror then carries meta.snapshot =
the end of its newest week, so answers say the figures come from the bundled copy and how old they are; the first
successful weekly refresh from DANE replaces it (`retire`, in the refresh's own transaction)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from data.importers import long_csv
from data.importers.base import import_run

FILE = Path(__file__).resolve().parent / "snapshot" / "semanal_reciente.csv.gz"
SOURCE = "snapshot"


def available() -> bool:
    return FILE.is_file()


def load(conn: sqlite3.Connection, path: Path = FILE) -> str:
    """Import the snapshot into the mirror (one transaction) and flag it; returns its newest week's end."""
    with import_run(conn, source=SOURCE, fmt="csv-semanal", path=path, dataset="weekly_prices") as batch:
        long_csv.load(batch, path, source=SOURCE)
        newest = conn.execute("SELECT max(week_end) FROM weekly_prices WHERE source = ?", (SOURCE,)).fetchone()[0]
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('snapshot', ?)", (newest or "",))
    return str(newest or "")


def snapshot_of(conn: sqlite3.Connection) -> dt.date | None:
    """The end of the snapshot's newest week while the mirror still answers from the snapshot, else None."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'snapshot'").fetchone()
    if not row or not row[0]:
        return None
    try:
        return dt.date.fromisoformat(row[0])
    except ValueError:
        return None


def retire(conn: sqlite3.Connection, table: str) -> int:
    """Inside a real refresh's transaction: the refreshed table no longer keeps snapshot rows (DANE's answer holds
    the whole history, so nothing is lost), and the flag goes when no snapshot row is left anywhere."""
    if table != "weekly_prices":
        return 0
    gone = conn.execute("DELETE FROM weekly_prices WHERE source = ?", (SOURCE,)).rowcount
    conn.execute("DELETE FROM meta WHERE key = 'snapshot'")
    return int(gone)


def note(snapshot: dt.date, today: dt.date) -> str:
    """The line answers from the snapshot carry (Spanish)."""
    days = (today - snapshot).days
    age = "de esta semana" if days < 7 else f"de hace {days // 7} semanas" if days < 120 else \
        f"de hace {days // 30} meses"
    return (f"📦 Copia de precios reales de SIPSA incluida con el bot, con datos hasta el "
            f"{snapshot.strftime('%d/%m/%Y')} ({age}); se reemplaza con la primera actualización desde DANE.")
