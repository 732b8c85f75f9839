"""Small mirrors for the alert tests: weekly and daily prices written through the real importer base, so each
write is an import run exactly like a refresh."""

from __future__ import annotations

import datetime as dt
import sqlite3

from data.importers.base import import_run

SATURDAY = dt.date(2026, 10, 3)  # a Saturday: SIPSA weeks run Saturday to Friday
PAPA = "Papa criolla limpia"
TOMATE = "Tomate chonto"
CORABASTOS = "Bogotá, D.C., Corabastos"
MEDELLIN = "Medellín, Central Mayorista de Antioquia"


def week(n: int) -> dt.date:
    return SATURDAY + dt.timedelta(weeks=n)


def add_week(conn: sqlite3.Connection, n: int, prices: dict[tuple[str, str], float]) -> None:
    """One weekly import run with the given mean prices for week n."""
    start = week(n)
    end = start + dt.timedelta(days=6)
    with import_run(conn, source="test", fmt="test", dataset="weekly_prices") as batch:
        batch.upsert("weekly_prices", [
            (batch.names.product(p), batch.names.market(m), start.isoformat(), end.isoformat(), None, None, v, "",
             "test") for (p, m), v in prices.items()
        ])


def add_day(conn: sqlite3.Connection, day: dt.date, prices: dict[tuple[str, str], float]) -> None:
    with import_run(conn, source="test", fmt="test", dataset="daily_prices") as batch:
        batch.upsert("daily_prices", [
            (batch.names.product(p), batch.names.market(m), day.isoformat(), None, None, v, "test")
            for (p, m), v in prices.items()
        ])


def ids(conn: sqlite3.Connection, product: str, market: str | None = None) -> tuple[int, int | None]:
    from data.text import fold

    pid = conn.execute("SELECT id FROM products WHERE key = ?", (fold(product),)).fetchone()[0]
    if market is None:
        return int(pid), None
    mid = conn.execute("SELECT id FROM markets WHERE key = ? UNION SELECT market_id FROM market_aliases WHERE key = ?",
                       (fold(market), fold(market))).fetchone()[0]
    return int(pid), int(mid)


def add_city_day(conn: sqlite3.Connection, day: dt.date, prices: dict[tuple[str, str], float]) -> None:
    with import_run(conn, source="test", fmt="test", dataset="daily_city_prices") as batch:
        batch.upsert("daily_city_prices", [
            (batch.names.product(p), batch.names.market(c, kind="city"), day.isoformat(), v, "test")
            for (p, c), v in prices.items()
        ])
