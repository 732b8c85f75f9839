"""`sipsabot eval-forecast`: the forecasting method measured on real weekly series with the last year held out.

For each series, every candidate is backtested from rolling origins over the stretch; at each test origin of
the held-out year the model is chosen and its intervals calibrated with only the errors known before that
origin (exactly what a user asking on that date would get), then scored on what really happened.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial

import numpy as np

from data.series import SeriesData
from models.forecast.backtest import LEVELS, actual_matrix, decide, forecast_matrix, naive_scale
from models.forecast.candidates import CANDIDATES, usable
from models.forecast.engine import MAX_ORIGINS, MIN_TRAIN, TRAIN_LENGTH
from models.forecast.prepare import regularise
from models.forecast.workers import init_worker

HORIZONS = (1, 4, 8)
TEST = 52  # the held-out year (weeks)
REFIT_EVERY = 26  # parameters of ETS, ARIMA and the lag regression re-estimated every 26 origins


@dataclass
class SeriesScore:
    name: str
    n: int
    ok: bool
    reason: str = ""
    # horizon -> per-model MAE over the test origins, chosen model's MAE, sMAPE, interval hits, chosen counts
    mae: dict[int, dict[str, float]] = field(default_factory=dict)
    scale: float = 1.0
    smape: dict[int, dict[str, float]] = field(default_factory=dict)
    hits: dict[int, dict[float, list[bool]]] = field(default_factory=dict)
    chosen: dict[int, Counter[str]] = field(default_factory=dict)


def evaluate_series(series: SeriesData, test: int = TEST, horizons: Sequence[int] = HORIZONS,
                    shift: int = 0) -> SeriesScore:
    """Score one series; `shift` > 0 drops that many final weeks first (a validation year before the test)."""
    import datetime as dt

    name = f"{series.product} | {series.market}"
    stretch = regularise([(dt.date.fromisoformat(d[:10]), v) for d, v in series.observations], "W")
    if shift:
        stretch = replace(stretch, dates=stretch.dates[:-shift], values=stretch.values[:-shift],
                          filled=stretch.filled[:-shift])
    n = stretch.n
    big_h = max(horizons)
    first = n - test - MAX_ORIGINS - big_h + 1
    if first < MIN_TRAIN["W"] + 14:
        return SeriesScore(name, n, False, f"tramo continuo corto ({n} semanas)")
    prices = np.asarray(stretch.values, dtype="float64")
    logs = np.log(prices)
    last = n - big_h
    keys = [c.key for c in usable("W", first)]
    forecasts = forecast_matrix(stretch.dates, logs, "W", keys, first, last, big_h, refit_every=REFIT_EVERY,
                                train_length=TRAIN_LENGTH["W"])
    actuals = actual_matrix(logs, first, last, big_h)
    score = SeriesScore(name, n, True, scale=naive_scale(prices[: n - test]))
    for h in horizons:
        errs: dict[str, list[float]] = {k: [] for k in [*keys, "chosen"]}
        smape: dict[str, list[float]] = {"chosen": [], "naive": []}
        hits: dict[float, list[bool]] = {level: [] for level in LEVELS}
        chosen: Counter[str] = Counter()
        for t in range(n - test, last + 1):  # test origins: forecasts of weeks inside the held-out year
            decision = decide(forecasts, actuals, first, t, h, MAX_ORIGINS, prices)
            if decision is None:
                continue
            row = t - first
            truth = math.exp(actuals[row, h - 1])
            for key in keys:
                if np.isfinite(forecasts[key][row, h - 1]):
                    errs[key].append(abs(math.exp(forecasts[key][row, h - 1]) - truth))
                else:  # a model that failed here is scored as the naive forecast would be
                    errs[key].append(abs(math.exp(forecasts["naive"][row, h - 1]) - truth))
            best = decision.chosen
            chosen[best] += 1
            centre = forecasts[best][row, h - 1]
            guess = math.exp(centre)
            errs["chosen"].append(abs(guess - truth))
            naive_guess = math.exp(forecasts["naive"][row, h - 1])
            smape["chosen"].append(200 * abs(guess - truth) / (abs(guess) + abs(truth)))
            smape["naive"].append(200 * abs(naive_guess - truth) / (abs(naive_guess) + abs(truth)))
            for level in LEVELS:
                hits[level].append(bool(abs(actuals[row, h - 1] - centre) <= decision.q[level][h - 1]))
        score.mae[h] = {k: float(np.mean(v)) for k, v in errs.items() if v}
        score.smape[h] = {k: float(np.mean(v)) for k, v in smape.items() if v}
        score.hits[h] = hits
        score.chosen[h] = chosen
    return score


def run_eval(series: list[SeriesData], workers: int = 2, shift: int = 0) -> list[SeriesScore]:
    job = partial(evaluate_series, shift=shift)
    if workers <= 1:
        init_worker()
        return [job(s) for s in series]
    with ProcessPoolExecutor(max_workers=workers, initializer=init_worker) as pool:
        return list(pool.map(job, series, chunksize=1))


def eligible(series: SeriesData, test: int = TEST, horizons: Sequence[int] = HORIZONS) -> bool:
    """The latest contiguous stretch holds the test year, a year of backtest origins and a training window."""
    import datetime as dt

    stretch = regularise([(dt.date.fromisoformat(d[:10]), v) for d, v in series.observations], "W")
    return stretch.n - test - MAX_ORIGINS - max(horizons) + 1 >= MIN_TRAIN["W"] + 14


def pick(series: list[SeriesData], count: int) -> list[SeriesData]:
    """`count` eligible series spread evenly over the sorted list (deterministic), or all when count <= 0."""
    series = [s for s in series if eligible(s)]
    if count <= 0 or count >= len(series):
        return series
    step = len(series) / count
    return [series[int(i * step)] for i in range(count)]


def report(scores: list[SeriesScore], horizons: Sequence[int] = HORIZONS) -> str:
    ok = [s for s in scores if s.ok]
    lines = [f"Series evaluadas: {len(ok)} (descartadas: {len(scores) - len(ok)}); año de prueba: últimas "
             f"{TEST} semanas de cada serie, orígenes móviles semanales; selección y calibración solo con "
             "errores anteriores a cada origen."]
    labels = {"chosen": "elegido por backtest", **{c.key: c.key for c in CANDIDATES}}
    for h in horizons:
        rows = [s for s in ok if h in s.mae and "chosen" in s.mae[h] and "naive" in s.mae[h]]
        forecasts = sum(len(s.hits[h][LEVELS[0]]) for s in rows)
        lines.append("")
        lines.append(f"Horizonte {h} semana{'s' if h > 1 else ''}: {len(rows)} series, {forecasts} pronósticos")
        lines.append(f"  {'modelo':<22}{'MASE mediana':>14}{'MAE/ingenuo med.':>18}{'supera ingenuo':>16}")
        for key in ["chosen", *[c.key for c in CANDIDATES]]:
            have = [s for s in rows if key in s.mae[h]]
            if not have:
                continue
            mase = float(np.median([s.mae[h][key] / s.scale for s in have]))
            rel = float(np.median([s.mae[h][key] / s.mae[h]["naive"] for s in have if s.mae[h]["naive"] > 0]))
            beats = np.mean([s.mae[h][key] < s.mae[h]["naive"] for s in have]) * 100
            beat_txt = "-" if key == "naive" else f"{beats:.1f}%"
            lines.append(f"  {labels[key]:<22}{mase:>14.3f}{rel:>18.3f}{beat_txt:>16}")
        sm_c = float(np.median([s.smape[h]["chosen"] for s in rows]))
        sm_n = float(np.median([s.smape[h]["naive"] for s in rows]))
        lines.append(f"  sMAPE mediana: elegido {sm_c:.2f}%, ingenuo {sm_n:.2f}%")
        cov = {level: np.mean([x for s in rows for x in s.hits[h][level]]) * 100 for level in LEVELS}
        lines.append(f"  Cobertura medida: intervalo 80% -> {cov[0.8]:.1f}%, intervalo 95% -> {cov[0.95]:.1f}%")
        total: Counter[str] = Counter()
        for s in rows:
            total.update(s.chosen[h])
        n_total = sum(total.values()) or 1
        lines.append("  Modelos elegidos: " + ", ".join(f"{k} {v / n_total:.0%}" for k, v in total.most_common()))
    return "\n".join(lines)
