"""A small weekly-price mirror written by the tests themselves: a long CSV in the DANE column layout, imported
with the project's own importer into a real SQLite file. Used by the router phrasing tests."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from data.db import connect, open_db
from data.importer import import_file
from models.parse import parse
from models.query import Query
from models.resolve import vocabulary
from models.router import Router

TODAY = dt.date(2025, 11, 3)  # the pinned "today" of the labelled set
LATEST = dt.date(2025, 10, 25)  # the newest week the phrasing fixtures write

HEADER = ["semana_inicio", "semana_fin", "grupo", "producto", "mercado", "precio_min_cop_kg", "precio_max_cop_kg",
          "precio_medio_cop_kg", "tendencia"]


def build(folder: Path, rows: Iterable[tuple[dt.date, str, str, str, int]]) -> tuple[Path, int]:
    """Write rows (week start, group, product, market, mean price) and import them: (mirror path, rows inserted).

    Each row becomes one week Saturday..Friday with min/max 100 pesos around the mean and a flat trend.
    """
    path = folder / "semanal.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        for start, group, product, market, mean in rows:
            writer.writerow([start.isoformat(), (start + dt.timedelta(days=6)).isoformat(), group, product, market,
                             mean - 100, mean + 100, mean, "="])
    db = open_db(folder / "mirror.db")
    inserted = import_file(db.conn, path).inserted
    db.conn.close()
    return folder / "mirror.db", inserted


def router_on(mirror: Path) -> Router:
    """A router over a read-only connection to the mirror, with today pinned."""
    conn = connect(mirror, readonly=True)
    return Router(lambda: conn, today=lambda: TODAY)


def parse_on(mirror: Path, text: str) -> Query:
    """The rule parse of `text` against the mirror's vocabulary."""
    conn = connect(mirror, readonly=True)
    return parse(text, vocabulary(conn), TODAY, LATEST)
