"""All weekly price series at once, for the global forecasting model: one matrix (series x Saturday weeks) with
the static attributes of each series (product, food group, market, city). From the mirror or the long CSV.

Missing weeks stay NaN here: filling is the model's business (and must never look ahead).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

import numpy as np

from data.status import data_version
from data.text import fold


@dataclass(frozen=True)
class WeeklyPanel:
    products: list[str]  # per series (row), canonical names
    markets: list[str]
    groups: list[str]
    cities: list[str]
    start: dt.date  # the Saturday of column 0
    values: np.ndarray  # (series, weeks) mean price, NaN where SIPSA has no price
    version: str = ""  # data version of the source (the mirror's, or the CSV's size and mtime)

    @property
    def n_weeks(self) -> int:
        return int(self.values.shape[1])

    def week(self, day: dt.date) -> int:
        """Column of the grid week holding `day` (snapped to the nearest Saturday like the single series)."""
        return (snap_saturday(day) - self.start).days // 7

    def date(self, column: int) -> dt.date:
        return self.start + dt.timedelta(weeks=column)

    def row(self, product: str, market: str) -> int | None:
        key = (fold(product), fold(market))
        for i, (p, m) in enumerate(zip(self.products, self.markets, strict=True)):
            if (fold(p), fold(m)) == key:
                return i
        return None


def snap_saturday(day: dt.date) -> dt.date:
    # the same rule as models/forecast/prepare.snap for "W" (data/ may not import models/)
    offset = (5 - day.weekday()) % 7
    return day + dt.timedelta(days=offset if offset <= 3 else offset - 7)


def _build(records: dict[tuple[str, str], dict[dt.date, list[float]]], attrs: dict[tuple[str, str], tuple[str, ...]],
           min_weeks: int, version: str) -> WeeklyPanel:
    keys = sorted(k for k, obs in records.items() if len(obs) >= min_weeks)
    if not keys:
        return WeeklyPanel([], [], [], [], dt.date(2000, 1, 1), np.zeros((0, 0)), version)
    start = min(min(records[k]) for k in keys)
    end = max(max(records[k]) for k in keys)
    values = np.full((len(keys), (end - start).days // 7 + 1), np.nan)
    for i, key in enumerate(keys):
        for day, prices in records[key].items():
            values[i, (day - start).days // 7] = sum(prices) / len(prices)
    product, market, group, city = zip(*(attrs[k] for k in keys), strict=True)
    return WeeklyPanel(list(product), list(market), list(group), list(city), start, values, version)


def weekly_panel(conn: sqlite3.Connection, min_weeks: int = 26) -> WeeklyPanel:
    """Every product x market of the mirror's weekly prices with at least `min_weeks` prices."""
    rows = conn.execute(
        "SELECT p.name, m.name, p.group_name, m.city, w.week_start, w.price_mean FROM weekly_prices w "
        "JOIN products p ON p.id = w.product_id JOIN markets m ON m.id = w.market_id "
        "WHERE w.price_mean > 0").fetchall()
    records: dict[tuple[str, str], dict[dt.date, list[float]]] = {}
    attrs: dict[tuple[str, str], tuple[str, ...]] = {}
    for product, market, group, city, day, price in rows:
        key = (str(product), str(market))
        attrs.setdefault(key, (str(product), str(market), str(group or ""), str(city or market.split(",")[0])))
        records.setdefault(key, {}).setdefault(snap_saturday(dt.date.fromisoformat(str(day)[:10])), []).append(
            float(price))
    return _build(records, attrs, min_weeks, data_version(conn))


def mirror_version(db_path: str) -> str:
    """The data version of the mirror file, on a connection of its own (for the forecast worker process, which
    cannot share the bot's store)."""
    from data.db import connect
    from data.status import data_version

    conn = connect(db_path, readonly=True)
    try:
        return data_version(conn)
    finally:
        conn.close()


def mirror_panel(db_path: str, min_weeks: int = 26) -> WeeklyPanel:
    """The weekly panel of the mirror file, on a connection of its own (the forecast worker process)."""
    from data.db import connect

    conn = connect(db_path, readonly=True)
    try:
        return weekly_panel(conn, min_weeks)
    finally:
        conn.close()


def weekly_panel_from_csv(path: str, min_weeks: int = 26) -> WeeklyPanel:
    """The same panel from the long weekly CSV (semanal_precios layout); names grouped by their folded spelling
    exactly as data.series.weekly_series_from_csv groups them, so both name the same series."""
    import os

    import pandas as pd

    frame = pd.read_csv(path, usecols=["semana_inicio", "grupo", "producto", "mercado", "precio_medio_cop_kg"])
    frame = frame[pd.to_numeric(frame["precio_medio_cop_kg"], errors="coerce") > 0]
    # vectorised: fold each distinct spelling once (1.5 M rows, a few hundred names), then group with pandas
    clean_p = {p: str(p).strip().rstrip("*").strip() for p in frame["producto"].unique()}
    clean_m = {m: str(m).strip() for m in frame["mercado"].unique()}
    frame = frame.assign(
        kp=frame["producto"].map({p: fold(c) for p, c in clean_p.items()}),
        km=frame["mercado"].map({m: fold(c) for m, c in clean_m.items()}),
        day=frame["semana_inicio"].map({d: snap_saturday(dt.date.fromisoformat(str(d)[:10]))
                                        for d in frame["semana_inicio"].unique()}),
        price=pd.to_numeric(frame["precio_medio_cop_kg"]))
    first = frame.drop_duplicates(["kp", "km"])
    attrs: dict[tuple[str, str], tuple[str, ...]] = {
        (str(kp), str(km)): (clean_p[p], clean_m[m], str(g), clean_m[m].split(",")[0].strip())
             for kp, km, p, m, g in zip(first["kp"], first["km"], first["producto"], first["mercado"],
                                        first["grupo"], strict=True)}
    means = frame.groupby(["kp", "km", "day"])["price"].mean()
    records: dict[tuple[str, str], dict[dt.date, list[float]]] = {}
    for (kp, km, day), price in zip(means.index, means.to_numpy(), strict=True):
        records.setdefault((str(kp), str(km)), {})[day] = [float(price)]
    stat = os.stat(path)
    return _build(records, attrs, min_weeks, f"csv-{stat.st_size}-{int(stat.st_mtime)}")
