"""`sipsabot eval-forecast`: the forecasting method measured on real weekly series with the last year held out.

For each series every candidate (local models fitted on the series, and the global models trained on all series
before each origin: evaluate_global.py) is backtested from rolling origins; at each test origin of the held-out
year the rule (rules.choose) picks a model per horizon and conformal intervals are calibrated with only the errors
known before that origin (exactly what a user asking on that date would get), then scored on what really
happened. Weeks SIPSA did not publish are never scored (actual_matrix leaves them NaN).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial

import numpy as np

from data.series import SeriesData
from models.forecast.backtest import LEVELS, actual_matrix, conformal_q, forecast_matrix, naive_scale
from models.forecast.candidates import usable
from models.forecast.engine import MAX_ORIGINS, MIN_TRAIN, TRAIN_LENGTH
from models.forecast.evaluate_global import add_mixes
from models.forecast.prepare import Stretch, regularise
from models.forecast.rules import VARIANTS, choose
from models.forecast.workers import init_worker

HORIZONS = (1, 2, 4, 8)
TEST = 52  # the held-out year (weeks)
REFIT_EVERY = 26  # parameters of ETS, ARIMA and the lag regression re-estimated every 26 origins


@dataclass
class SeriesScore:
    name: str
    n: int
    ok: bool
    reason: str = ""
    group: str = ""
    # horizon -> key ("chosen" or a candidate) -> mean absolute error / mean sMAPE over the test origins
    mae: dict[int, dict[str, float]] = field(default_factory=dict)
    scale: float = 1.0
    smape: dict[int, dict[str, float]] = field(default_factory=dict)
    hits: dict[int, dict[str, dict[float, list[bool]]]] = field(default_factory=dict)  # h -> key -> level -> hits
    chosen: dict[int, Counter[str]] = field(default_factory=dict)


def stretch_of(series: SeriesData, shift: int = 0) -> Stretch:
    stretch = regularise([(dt.date.fromisoformat(d[:10]), v) for d, v in series.observations], "W")
    if shift:
        stretch = replace(stretch, dates=stretch.dates[:-shift], values=stretch.values[:-shift],
                          filled=stretch.filled[:-shift])
    return stretch


def window(stretch: Stretch, test: int = TEST, horizons: Sequence[int] = HORIZONS) -> tuple[int, int]:
    """(first, last) backtest origins: a year of origins before the test year, then the test year."""
    n = stretch.n
    return n - test - MAX_ORIGINS - max(horizons) + 1, n - max(horizons)


def evaluate_series(series: SeriesData, test: int = TEST, horizons: Sequence[int] = HORIZONS, shift: int = 0,
                    extra: dict[str, np.ndarray] | None = None, group: str = "", variants: bool = False,
                    local: dict[str, np.ndarray] | None = None) -> SeriesScore:
    """Score one series; `shift` > 0 drops that many final weeks first (a validation year before the test);
    `extra` adds candidates computed elsewhere (the global models), aligned on the same origins; `variants`
    also scores every rule in rules.VARIANTS (as "regla:<name>": only for the validation year); `local`: the local
    candidates' forecasts already computed by local_forecasts (the tuning tool reuses them across variants)."""
    name = f"{series.product} | {series.market}"
    stretch = stretch_of(series, shift)
    n = stretch.n
    big_h = max(horizons)
    first, last = window(stretch, test, horizons)
    if first < MIN_TRAIN["W"] + 14:
        return SeriesScore(name, n, False, f"tramo continuo corto ({n} semanas)", group)
    prices = np.asarray(stretch.values, dtype="float64")
    logs = np.log(prices)
    forecasts = dict(local) if local is not None else local_forecasts(series, test, horizons, shift)
    for key, matrix in (extra or {}).items():
        forecasts[key] = matrix
    add_mixes(forecasts)
    actuals = actual_matrix(logs, first, last, big_h, stretch.filled)
    resid = {k: np.abs(actuals - f) for k, f in forecasts.items()}
    score = SeriesScore(name, n, True, group=group,
                        scale=naive_scale(prices[: n - test], stretch.filled[: n - test]))
    naive = forecasts["naive"]
    rules = [f"regla:{name}" for name in VARIANTS] if variants else []
    scored = [*forecasts, "chosen", *rules]
    for h in horizons:
        s = h - 1
        errs: dict[str, list[float]] = {k: [] for k in scored}
        smape: dict[str, list[float]] = {k: [] for k in scored}
        hits: dict[str, dict[float, list[bool]]] = {k: {lv: [] for lv in LEVELS} for k in scored}
        chosen: Counter[str] = Counter()
        for t in range(n - test, last + 1):  # test origins: forecasts of weeks inside the held-out year
            row = t - first
            if not math.isfinite(actuals[row, s]):
                continue  # SIPSA published nothing that week: nothing to score
            known = np.arange(max(0, row - h + 1 - MAX_ORIGINS), max(0, row - h + 1))  # targets before t
            if len(known) < 8:
                continue
            truth = math.exp(actuals[row, s])
            past_mae = {}
            for key, fc in forecasts.items():
                block = np.abs(np.exp(fc[known, s]) - np.exp(actuals[known, s]))
                if np.isfinite(fc[row, s]) and np.isfinite(fc[known, s]).all():
                    past_mae[key] = float(np.nanmean(block))
            picks = {"chosen": choose(h, past_mae), **{r: choose(h, past_mae, r[6:]) for r in rules}}
            chosen[picks["chosen"]] += 1
            for key in scored:
                src = picks.get(key, key)
                centre = forecasts[src][row, s]
                if not math.isfinite(centre):  # a model that failed here is scored as naive would be
                    src, centre = "naive", naive[row, s]
                guess = math.exp(centre)
                errs[key].append(abs(guess - truth))
                smape[key].append(200 * abs(guess - truth) / (abs(guess) + abs(truth)))
                for level in LEVELS:
                    q = conformal_q(resid[src][known, s], level)
                    hits[key][level].append(bool(abs(actuals[row, s] - centre) <= q))
        score.mae[h] = {k: float(np.mean(v)) for k, v in errs.items() if v}
        score.smape[h] = {k: float(np.mean(v)) for k, v in smape.items() if v}
        score.hits[h] = hits
        score.chosen[h] = chosen
    return score


def local_forecasts(series: SeriesData, test: int = TEST, horizons: Sequence[int] = HORIZONS, shift: int = 0
                    ) -> dict[str, np.ndarray]:
    """The local candidates' log forecasts over the series' backtest origins (evaluate_series' window)."""
    stretch = stretch_of(series, shift)
    first, last = window(stretch, test, horizons)
    keys = [c.key for c in usable("W", first)]
    return forecast_matrix(stretch.dates, np.log(np.asarray(stretch.values, dtype="float64")), "W", keys, first,
                           last, max(horizons), refit_every=REFIT_EVERY, train_length=TRAIN_LENGTH["W"])


def _job(item: tuple[SeriesData, dict[str, np.ndarray], str], shift: int) -> SeriesScore:
    series, extra, group = item
    return evaluate_series(series, shift=shift, extra=extra, group=group, variants=shift > 0)


def run_eval(series: list[SeriesData], workers: int = 2, shift: int = 0,
             extras: list[dict[str, np.ndarray]] | None = None, groups: list[str] | None = None
             ) -> list[SeriesScore]:
    """Score every series (rule variants too when `shift` > 0, i.e. on the validation year)."""
    items = list(zip(series, extras or [{} for _ in series], groups or ["" for _ in series], strict=True))
    job = partial(_job, shift=shift)
    if workers <= 1:
        init_worker()
        return [job(item) for item in items]
    with ProcessPoolExecutor(max_workers=workers, initializer=init_worker) as pool:
        return list(pool.map(job, items, chunksize=1))


def eligible(series: SeriesData, test: int = TEST, horizons: Sequence[int] = HORIZONS) -> bool:
    """The latest contiguous stretch holds the test year, a year of backtest origins and a training window."""
    return window(stretch_of(series), test, horizons)[0] >= MIN_TRAIN["W"] + 14


def pick(series: list[SeriesData], count: int, exclude: Sequence[SeriesData] = ()) -> list[SeriesData]:
    """`count` eligible series spread evenly over the sorted list (deterministic), or all when count <= 0;
    `exclude`: series never to pick (a fresh sample that shares no series with one already seen)."""
    seen = {(s.product, s.market) for s in exclude}
    series = [s for s in series if (s.product, s.market) not in seen and eligible(s)]
    if count <= 0 or count >= len(series):
        return series
    step = len(series) / count
    return [series[int(i * step)] for i in range(count)]
