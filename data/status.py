"""What the mirror holds: per dataset, rows, date range, last import and whether the newest data is old."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import asdict, dataclass
from typing import Any

BOGOTA = dt.timezone(dt.timedelta(hours=-5))


@dataclass(frozen=True)
class Dataset:
    name: str
    table: str
    date_column: str
    label: str  # Spanish, for users
    max_age_days: int  # newest data older than this (vs. today) is stale
    period_days: int  # length of one period (the end of the newest period is date + period_days - 1)


DATASETS: dict[str, Dataset] = {
    d.name: d
    for d in (
        Dataset("weekly", "weekly_prices", "week_start", "precios semanales por mercado", 14, 7),
        Dataset("daily-city", "daily_city_prices", "day", "precios diarios por ciudad", 4, 1),
        Dataset("daily", "daily_prices", "day", "precios diarios por mercado", 4, 1),
        Dataset("monthly", "monthly_prices", "month", "precios mensuales", 70, 31),
        Dataset("supply", "monthly_supply", "month", "abastecimiento mensual (toneladas)", 75, 31),
        Dataset("weekly-supply", "weekly_group_supply", "week_start", "abastecimiento semanal por grupo", 21, 7),
        Dataset("origins", "supply_origins", "day", "abastecimiento por origen (microdatos)", 120, 1),
        Dataset("inputs", "input_prices", "month", "precios de insumos agropecuarios", 75, 31),
    )
}


def today() -> dt.date:
    return dt.datetime.now(BOGOTA).date()


@dataclass(frozen=True)
class DatasetStatus:
    name: str
    label: str
    rows: int
    first: str | None
    last: str | None
    last_import: str | None
    last_import_status: str | None
    stale: bool
    age_days: int | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def dataset_status(conn: sqlite3.Connection, name: str, on: dt.date | None = None) -> DatasetStatus:
    d = DATASETS[name]
    rows, first, last = conn.execute(
        f"SELECT count(*), min({d.date_column}), max({d.date_column}) FROM {d.table}"
    ).fetchone()
    run = conn.execute(
        "SELECT started_at, status FROM import_runs WHERE dataset = ? ORDER BY id DESC LIMIT 1", (d.table,)
    ).fetchone()
    age = None
    if last:
        age = ((on or today()) - dt.date.fromisoformat(last)).days - (d.period_days - 1)
    return DatasetStatus(
        name=name, label=d.label, rows=int(rows), first=first, last=last,
        last_import=run[0] if run else None, last_import_status=run[1] if run else None,
        stale=bool(rows) and age is not None and age > d.max_age_days, age_days=age,
    )


def mirror_status(conn: sqlite3.Connection, on: dt.date | None = None) -> list[DatasetStatus]:
    return [dataset_status(conn, name, on) for name in DATASETS]


def is_demo(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT value FROM meta WHERE key = 'demo'").fetchone()
    return bool(row and row[0] == "1")


def data_version(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()
    return row[0] if row else ""
