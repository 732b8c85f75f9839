"""The tidy long CSV of weekly prices (columns of semanal_precios_2017-2025.csv.gz), plain or gzipped.

Built for the 1.57M-row history: pandas' C parser reads the file in chunks, each chunk is reduced at once to
compact arrays (integer product/market ids, integer codes for the few hundred distinct dates and trends,
float prices), names are resolved once per distinct spelling, bad rows are found with vectorised tests, and
the whole file is sorted by the table's key with one numpy lexsort. On an empty date range (first load, new
weeks) duplicates are folded in numpy and the rows go in with a plain INSERT in key order, with the secondary
index rebuilt afterwards; otherwise the generic upsert counts inserted / updated / unchanged. Either way the rows
reach SQLite as multi-row statements (base._insert_flat), with whole prices bound as ints (stored as REAL)."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from typing import IO, Any

from data.importers.base import DUPLICATE, Batch
from data.importers.soap_xml import open_binary

COLUMNS = ["semana_inicio", "semana_fin", "grupo", "producto", "mercado",
           "precio_min_cop_kg", "precio_max_cop_kg", "precio_medio_cop_kg", "tendencia"]
CHUNK = 250_000  # rows parsed at a time
SLICE = 100_000  # rows turned back into Python tuples at a time when writing
TABLE = "weekly_prices"


def open_text(path: str | Path) -> IO[str]:
    return io.TextIOWrapper(open_binary(path), encoding="utf-8-sig", newline="")


class _Codes:
    """Distinct strings -> small integer codes (dates, trends), shared by all chunks."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.values: list[str] = []

    def code(self, value: str) -> int:
        found = self.index.get(value)
        if found is None:
            found = self.index[value] = len(self.values)
            self.values.append(value)
        return found


def _valid_day(text: str) -> bool:
    try:
        return len(text) == 10 and dt.date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def load(batch: Batch, path: str | Path, source: str = "csv-semanal") -> None:
    """Import every row into weekly_prices (one transaction: the caller's import_run)."""
    import numpy as np
    import pandas as pd

    with open_text(path) as fh:
        header = next(iter(fh), "").rstrip("\r\n").split(",")
    if [h.strip() for h in header[: len(COLUMNS)]] != COLUMNS:
        raise ValueError(f"cabecera inesperada: {header}")

    names = batch.names
    days, trends = _Codes(), _Codes()
    good_day: dict[int, bool] = {}
    products: dict[str, int] = {}
    markets: dict[str, int] = {}

    def categories(series: Any) -> tuple[Any, list[str]]:
        """Codes and distinct values of a column the C parser read as 'category': it hashes the raw bytes,
        so no Python string is made per row. Code -1 (missing) indexes the sentinel appended to lookups."""
        return series.cat.codes.to_numpy(), [str(c) for c in series.cat.categories]

    def coded(series: Any, book: _Codes) -> Any:
        codes, values = categories(series)
        return np.array([book.code(v) for v in values] + [-1], dtype=np.int32)[codes]

    prices = ["precio_min_cop_kg", "precio_max_cop_kg", "precio_medio_cop_kg"]

    def read_all(numeric: bool) -> tuple[dict[str, list[Any]], Counter[str]]:
        """All chunks as compact arrays. numeric=True lets the C parser read the prices as floats (fast) and
        raises ValueError on any non-numeric price; numeric=False reads text and coerces (bad -> empty)."""
        parts: dict[str, list[Any]] = {k: [] for k in ("pid", "mid", "start", "end", "min", "max", "mean", "trend")}
        rejected: Counter[str] = Counter()
        dtypes = {c: ((np.float64 if numeric else object) if c in prices else "category") for c in COLUMNS}
        reader = pd.read_csv(path, chunksize=CHUNK, dtype=dtypes, keep_default_na=False, usecols=COLUMNS,
                             na_values={c: [""] for c in prices}, encoding="utf-8-sig",
                             compression="gzip" if _is_gzip(path) else None)
        for chunk in reader:
            # pandas fills missing trailing fields with "": a short row shows up as an empty price (rejected)
            # or an empty trend (optional).
            pmin, pmax, mean = (chunk[c].to_numpy(np.float64) if numeric else
                                pd.to_numeric(chunk[c], errors="coerce").to_numpy(np.float64) for c in prices)
            start = coded(chunk["semana_inicio"], days)
            end = coded(chunk["semana_fin"], days)
            for code in range(len(good_day), len(days.values)):
                good_day[code] = _valid_day(days.values[code])
            day_ok = np.array([good_day[i] for i in range(len(days.values))] + [False], dtype=bool)
            pcodes, pvalues = categories(chunk["producto"])
            mcodes, mvalues = categories(chunk["mercado"])
            gcodes, gvalues = categories(chunk["grupo"])
            blank_p = np.array([not v.strip() for v in pvalues] + [True], dtype=bool)
            blank_m = np.array([not v.strip() for v in mvalues] + [True], dtype=bool)
            with np.errstate(invalid="ignore"):
                nonpositive = (mean <= 0) | (pmin <= 0) | (pmax <= 0)
                inverted = pmin > pmax
            problems = [
                ("precio vacío", np.isnan(mean)),
                ("producto o mercado vacío", blank_p[pcodes] | blank_m[mcodes]),
                ("precio cero o negativo", nonpositive),
                ("mínimo mayor que máximo", inverted),
                ("fecha ilegible", ~(day_ok[start] & day_ok[end])),
            ]
            bad = np.zeros(len(chunk), dtype=bool)
            for reason, mask in problems:
                new = mask & ~bad
                if new.any():
                    rejected[reason] += int(new.sum())
                    bad |= new
            trend = coded(chunk["tendencia"], trends)
            keep = ~bad
            if not keep.all():
                pmin, pmax, mean, start, end = pmin[keep], pmax[keep], mean[keep], start[keep], end[keep]
                pcodes, mcodes, gcodes, trend = pcodes[keep], mcodes[keep], gcodes[keep], trend[keep]
            # names resolved once per distinct spelling (the product's group: the first row's)
            pid_of = np.full(len(pvalues) + 1, -1, dtype=np.int64)
            present, first_row = np.unique(pcodes, return_index=True)
            for code, row in zip(present.tolist(), first_row.tolist(), strict=True):
                spelling = pvalues[code]
                found = products.get(spelling)
                if found is None:
                    group = gvalues[gcodes[row]] if gcodes[row] >= 0 else ""
                    found = products[spelling] = names.product(spelling, group)
                pid_of[code] = found
            mid_of = np.full(len(mvalues) + 1, -1, dtype=np.int64)
            for code in np.unique(mcodes).tolist():
                spelling = mvalues[code]
                found = markets.get(spelling)
                if found is None:
                    found = markets[spelling] = names.market(spelling)
                mid_of[code] = found
            parts["pid"].append(pid_of[pcodes])
            parts["mid"].append(mid_of[mcodes])
            for name, arr in (("start", start), ("end", end), ("min", pmin), ("max", pmax), ("mean", mean),
                              ("trend", trend)):
                parts[name].append(arr)
        return parts, rejected

    try:
        parts, rejected = read_all(numeric=True)
    except ValueError:  # some price is not a number: read again as text, those rows are rejected
        parts, rejected = read_all(numeric=False)
    for reason, count in rejected.items():
        batch.reject(reason, count)

    if not parts["pid"]:
        return
    col = {k: np.concatenate(v) for k, v in parts.items()}
    day_rank = np.argsort(np.argsort(np.array(days.values, dtype=object)))  # code -> position in date order
    order = np.lexsort((day_rank[col["start"]], col["mid"], col["pid"]))  # stable: file order within a key
    col = {k: v[order] for k, v in col.items()}
    n = len(order)
    day_values = np.array(days.values, dtype=object)
    trend_values = np.array([t or None for t in trends.values], dtype=object)

    def columns(part: Any, with_source: bool) -> Iterator[tuple[Any, ...]]:
        cols = [col["pid"][part].tolist(), col["mid"][part].tolist(),
                day_values[col["start"][part]].tolist(), day_values[col["end"][part]].tolist(),
                _numbers(col["min"][part]).tolist(), _numbers(col["max"][part]).tolist(),
                _numbers(col["mean"][part]).tolist(), trend_values[col["trend"][part]].tolist()]
        if with_source:
            cols.append([source] * len(part))
        return zip(*cols, strict=True)

    def rows(index: Any, with_source: bool = True) -> Iterator[tuple[Any, ...]]:
        """The rows as tuples, SLICE at a time; chained zips, so no Python frame runs per row."""
        return chain.from_iterable(columns(index[lo: lo + SLICE], with_source) for lo in range(0, len(index), SLICE))

    def flat(index: Any) -> Iterator[list[Any]]:
        """The rows without source, SLICE at a time, as one flat list of values (row after row): the columns
        are laid into a 2-D object array and read back in row order, no tuple per row."""
        for lo in range(0, len(index), SLICE):
            part = index[lo: lo + SLICE]
            grid = np.empty((len(part), 8), dtype=object)
            for j, values in enumerate((col["pid"][part], col["mid"][part], day_values[col["start"][part]],
                                        day_values[col["end"][part]], _numbers(col["min"][part]),
                                        _numbers(col["max"][part]), _numbers(col["mean"][part]),
                                        trend_values[col["trend"][part]])):
                grid[:, j] = values
            yield grid.ravel().tolist()

    same_key = np.zeros(n, dtype=bool)
    same_key[1:] = ((col["pid"][1:] == col["pid"][:-1]) & (col["mid"][1:] == col["mid"][:-1])
                    & (col["start"][1:] == col["start"][:-1]))
    index = np.arange(n)
    if same_key.any():  # the file repeats a key: keep the last row, as base.fold_duplicates does
        _fold(col, same_key, batch, trends)
        last_of_key = np.ones(n, dtype=bool)
        last_of_key[:-1] = ~same_key[1:]
        index = np.flatnonzero(last_of_key)
    first_day = min((d for i, d in enumerate(days.values) if good_day.get(i)), default="")
    last_day = max((d for i, d in enumerate(days.values) if good_day.get(i)), default="")
    if batch.range_is_empty(TABLE, first_day, last_day):
        empty_table = batch.conn.execute(f"SELECT 1 FROM {TABLE} LIMIT 1").fetchone() is None
        batch.insert_new(TABLE, flat=flat(index), rebuild_indexes=empty_table and n > 50_000, source=source)
        return
    for lo in range(0, len(index), SLICE):
        batch.upsert(TABLE, list(rows(index[lo: lo + SLICE])), presorted=True)


def _fold(col: dict[str, Any], same_key: Any, batch: Batch, trends: _Codes) -> None:
    """For each row repeating the previous row's key: carry the trend forward when empty; the previous row is
    dropped, counted unchanged when identical and rejected as a conflicting duplicate otherwise."""
    import numpy as np

    empty_trend = trends.index.get("")
    for i in np.flatnonzero(same_key).tolist():
        if empty_trend is not None and col["trend"][i] == empty_trend:
            col["trend"][i] = col["trend"][i - 1]
        same = all(col[k][i] == col[k][i - 1] or (k in ("min", "max", "mean") and np.isnan(col[k][i])
                                                   and np.isnan(col[k][i - 1]))
                   for k in ("end", "min", "max", "mean", "trend"))
        if same:
            batch.result.unchanged += 1
        else:
            batch.reject(DUPLICATE)


def _numbers(values: Any) -> Any:
    """Prices as an array whose items become Python ints when whole (SQLite binds and stores them faster; the
    REAL column still hands back floats) and floats otherwise (NaN, bound as NULL, stays a float)."""
    import numpy as np

    whole = np.isfinite(values) & (values == np.trunc(values)) & (np.abs(values) < 2.0 ** 53)
    if whole.all():
        return values.astype(np.int64)
    mixed = values.astype(object)
    mixed[whole] = values[whole].astype(np.int64)
    return mixed


def _is_gzip(path: str | Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(2) == b"\x1f\x8b"
