"""Turning SIPSA observations into a regular series a model can use, without inventing data.

SIPSA weeks run Saturday to Friday but holiday weeks start on other days; some weeks are skipped; the weekly
bulletins have a two-year hole (2018-12 to 2021-01). Rules:
- each observation is placed on the regular grid (weeks on Saturdays, months on the 1st, days);
- gaps of at most MAX_FILL periods are filled by carrying the last real value forward: a filled point uses only
  values before it, so a backtest origin never sees the price that follows a gap (interpolating toward it would
  leak it); filled points are marked and never scored (backtest.actual_matrix);
- a longer gap breaks the series: only the latest contiguous stretch is used, nothing crosses the hole.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

MAX_FILL = {"W": 3, "M": 1, "D": 4}


@dataclass(frozen=True)
class Stretch:
    """The latest contiguous stretch on a regular grid: dates and values (filled points marked)."""

    freq: str
    dates: list[dt.date]
    values: list[float]
    filled: list[bool]
    dropped_before: dt.date | None  # start of the hole that cut older data off, when there was one
    gap_periods: int  # length of that hole in periods

    @property
    def n(self) -> int:
        return len(self.values)

    @property
    def n_filled(self) -> int:
        return sum(self.filled)


def snap(day: dt.date, freq: str) -> dt.date:
    """The grid point of an observation date: nearest Saturday for weeks, first day for months."""
    if freq == "W":
        offset = (5 - day.weekday()) % 7  # days forward to the next Saturday (0 when it is one)
        return day + dt.timedelta(days=offset if offset <= 3 else offset - 7)
    if freq == "M":
        return day.replace(day=1)
    return day


def step(day: dt.date, freq: str, k: int = 1) -> dt.date:
    """The grid point k periods after `day`."""
    if freq == "W":
        return day + dt.timedelta(weeks=k)
    if freq == "M":
        months = day.year * 12 + day.month - 1 + k
        return dt.date(months // 12, months % 12 + 1, 1)
    return day + dt.timedelta(days=k)


def periods_between(a: dt.date, b: dt.date, freq: str) -> int:
    if freq == "W":
        return (b - a).days // 7
    if freq == "M":
        return (b.year - a.year) * 12 + b.month - a.month
    return (b - a).days


def regularise(observations: Sequence[tuple[dt.date, float]], freq: str) -> Stretch:
    """The latest contiguous stretch of `observations` on the `freq` grid (see module doc)."""
    buckets: dict[dt.date, list[float]] = defaultdict(list)
    for day, value in observations:
        if value is not None and value > 0 and math.isfinite(value):
            buckets[snap(day, freq)].append(float(value))
    if not buckets:
        return Stretch(freq, [], [], [], None, 0)
    points = sorted((d, sum(v) / len(v)) for d, v in buckets.items())
    limit = MAX_FILL[freq]
    start = 0
    dropped: dt.date | None = None
    gap = 0
    for i in range(1, len(points)):
        missing = periods_between(points[i - 1][0], points[i][0], freq) - 1
        if missing > limit:
            start, dropped, gap = i, step(points[i - 1][0], freq), missing
    points = points[start:]
    dates: list[dt.date] = [points[0][0]]
    values: list[float] = [points[0][1]]
    filled: list[bool] = [False]
    for (d0, v0), (d1, v1) in itertools.pairwise(points):
        missing = periods_between(d0, d1, freq) - 1
        for k in range(1, missing + 1):  # short gap: the last real value carried forward (no look-ahead)
            dates.append(step(d0, freq, k))
            values.append(v0)
            filled.append(True)
        dates.append(d1)
        values.append(v1)
        filled.append(False)
    return Stretch(freq, dates, values, filled, dropped, gap)
