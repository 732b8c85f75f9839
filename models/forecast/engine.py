"""One forecast: regularise the series, backtest every candidate on recent origins, pick by backtest error (the
combination unless another candidate, naive included, is clearly better: backtest.select), calibrate conformal
intervals per step, fit the chosen model on the whole stretch and forecast. Runs in a worker.
With a trained global model (weekly series) the answering model is chosen per step instead, by the rule fixed on
the validation year (rules.py), among naive, the local models, the global ones and their mixes
(engine_global.py)."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import numpy as np

from data.series import SeriesData
from models.forecast.backtest import (
    LEVELS,
    actual_matrix,
    decide,
    final_forecast,
    forecast_matrix,
    sequential_coverage,
)
from models.forecast.candidates import BY_KEY, usable
from models.forecast.engine_global import GlobalPart, StepChoice, choose_steps, global_part
from models.forecast.evaluate_global import MIXES, add_mixes
from models.forecast.prepare import Stretch, regularise, step
from models.forecast.types import FREQS, ForecastError, ForecastResult, Point, Score

MIN_TRAIN = {"W": 26, "M": 12, "D": 28}  # periods before the first backtest origin
MAX_ORIGINS = 52  # a year of weekly origins: enough errors per step for a 95% conformal interval
MIN_ORIGINS = 8
TRAIN_LENGTH = {"W": 260, "M": 120, "D": 400}  # longest window a model is fitted on (speed; old data matters little)
HISTORY_POINTS = {"W": 104, "M": 48, "D": 90}


def check_horizon(freq: str, horizon: int | None) -> int:
    _singular, plural, top, default = FREQS[freq]
    if horizon is None:
        return default
    if not 1 <= horizon <= top:
        raise ForecastError(f"El horizonte debe estar entre 1 y {top} {plural} para una serie {_freq_word(freq)}.")
    return horizon


def _freq_word(freq: str) -> str:
    return {"W": "semanal", "M": "mensual", "D": "diaria"}[freq]


def _gap_notes(stretch: Stretch, freq: str) -> list[str]:
    singular, plural, _, _ = FREQS[freq]
    notes = []
    if stretch.dropped_before is not None:
        notes.append(f"Se usa solo el tramo continuo desde el {stretch.dates[0]:%d/%m/%Y}: antes hay un hueco de "
                     f"{stretch.gap_periods} {plural} sin datos que no se rellena.")
    if stretch.n_filled:
        word = singular if stretch.n_filled == 1 else plural
        notes.append(f"Se completaron {stretch.n_filled} {word} sin dato (festivos u omisiones cortas) "
                     "repitiendo el último precio real anterior (nunca con precios posteriores).")
    return notes


def prepare(series: SeriesData, horizon: int) -> tuple[Stretch, int]:
    """The stretch to model and the number of backtest origins, or a Spanish ForecastError when too short."""
    freq = series.freq
    observations = [(dt.date.fromisoformat(d[:10]), v) for d, v in series.observations]
    stretch = regularise(observations, freq)
    singular, plural, _, _ = FREQS[freq]
    needed = MIN_TRAIN[freq] + MIN_ORIGINS + horizon - 1
    if stretch.n < needed:
        where = f"{series.product} en {series.market}"
        if stretch.n == 0:
            raise ForecastError(f"No hay datos de {where} con frecuencia {_freq_word(freq)} en el espejo.")
        since = f" (desde el {stretch.dates[0]:%d/%m/%Y})" if stretch.dropped_before else ""
        raise ForecastError(
            f"La serie {_freq_word(freq)} de {where} tiene solo {stretch.n} {plural} continuas de datos{since}; "
            f"para elegir un modelo con un backtest honesto necesito al menos {needed} para un horizonte de "
            f"{horizon} {singular if horizon == 1 else plural}. Prueba un horizonte más corto, otra frecuencia "
            "u otro mercado.")
    k = min(MAX_ORIGINS, stretch.n - horizon - MIN_TRAIN[freq] + 1)
    return stretch, k


def run_forecast(series: SeriesData, horizon: int | None = None, artifact: Any = None) -> ForecastResult:
    """`artifact`: the trained global model (global_store.Artifact) or None; with it (weekly series) the answering
    model is chosen per step by rules.choose among naive, the local models and the global ones."""
    freq = series.freq
    h = check_horizon(freq, horizon)
    stretch, k = prepare(series, h)
    n = stretch.n
    prices = np.asarray(stretch.values, dtype="float64")
    logs = np.log(prices)
    first, last = n - h - k + 1, n - h
    keys = [c.key for c in usable(freq, first)]
    train_length = TRAIN_LENGTH[freq]
    forecasts = forecast_matrix(stretch.dates, logs, freq, keys, first, last, h, refit_every=k,
                                train_length=train_length)
    actuals = actual_matrix(logs, first, last, h, stretch.filled)
    decision = decide(forecasts, actuals, first, n, h, k, prices)
    if decision is None:  # cannot happen with k >= 8, kept as a clear message rather than an assertion
        raise ForecastError("No hay suficientes orígenes de backtest para esta serie.")
    chosen = decision.chosen
    fallback_from = None
    part = global_part(artifact, series.product, series.market, stretch, logs, first, last, h) if (
        artifact is not None and freq == "W") else None
    steps: StepChoice | None = None
    if part is not None:
        forecasts.update(part.backtest)
        add_mixes(forecasts)
        decision = decide(forecasts, actuals, first, n, h, k, prices) or decision  # scores incl. global models
        steps = choose_steps(forecasts, actuals, h, k)
        finals: dict[str, np.ndarray] = {}
        point_logs = np.array([_step_final(key, s, part, stretch, logs, freq, h, train_length, finals)
                               for s, key in enumerate(steps.keys)])
        chosen = steps.keys[-1]
        decision.q = steps.q
    else:
        try:
            point_logs = final_forecast(stretch.dates, logs, freq, chosen, h, train_length)
            if not np.all(np.isfinite(point_logs)):
                raise ValueError("non-finite forecast")
        except Exception:
            fallback_from, chosen = chosen, "naive"
            point_logs = np.full(h, logs[-1])
    naive_mae = decision.mae.get("naive", math.nan)
    scores = [Score(key, round(mae / decision.scale, 3), round(mae / naive_mae, 3) if naive_mae > 0 else math.nan)
              for key, mae in sorted(decision.mae.items(), key=lambda kv: kv[1])]
    coverage = steps.coverage if steps is not None else sequential_coverage(forecasts[chosen], actuals, h)
    q80, q95 = decision.q[LEVELS[0]], decision.q[LEVELS[1]]
    points = []
    for s in range(h):
        centre = float(point_logs[s])
        points.append(Point(
            date=step(stretch.dates[-1], freq, s + 1).isoformat(), value=round(math.exp(centre), 1),
            lo80=round(math.exp(centre - q80[s]), 1), hi80=round(math.exp(centre + q80[s]), 1),
            lo95=round(math.exp(centre - q95[s]), 1), hi95=round(math.exp(centre + q95[s]), 1),
            naive=round(float(prices[-1]), 1)))
    last_real = max((i for i in range(n) if not stretch.filled[i]), default=n - 1)
    stale_days = None
    if series.today:
        stale_days = (dt.date.fromisoformat(series.today) - stretch.dates[-1]).days
    chosen_score = next((s for s in scores if s.model == chosen), None)
    beats = chosen != "naive" and chosen_score is not None and chosen_score.vs_naive < 1
    hist_n = HISTORY_POINTS[freq]
    return ForecastResult(
        product=series.product, market=series.market, freq=freq, horizon=h, unit=series.unit, model=chosen,
        model_label=BY_KEY[chosen].label, beats_naive=beats, scores=scores, points=points,
        last_date=stretch.dates[last_real].isoformat(), last_value=round(float(prices[last_real]), 1),
        history=[(d.isoformat(), round(float(v), 1)) for d, v, f in
                 zip(stretch.dates[-hist_n:], prices[-hist_n:], stretch.filled[-hist_n:], strict=True) if not f],
        origins=decision.n_origins, coverage80=coverage[LEVELS[0]], coverage95=coverage[LEVELS[1]],
        notes=_gap_notes(stretch, freq), source=series.source, demo=series.demo, stale_days=stale_days,
        fallback_from=fallback_from, step_models=steps.keys if steps is not None else [])


def _step_final(key: str, s: int, part: GlobalPart, stretch: Stretch, logs: np.ndarray, freq: str, h: int,
                train_length: int, cache: dict[str, np.ndarray] | None = None) -> float:
    """Step s of the answering model's final forecast; naive when a local model's final fit fails. `cache` keeps
    each local model's final forecast, fitted once for all steps."""
    cache = {} if cache is None else cache
    if key in part.final:
        return float(part.final[key][s])
    if key in MIXES:
        return float(np.mean([_step_final(k, s, part, stretch, logs, freq, h, train_length, cache)
                              for k in MIXES[key]]))
    if key == "naive":
        return float(logs[-1])
    if key not in cache:
        try:
            cache[key] = final_forecast(stretch.dates, logs, freq, key, h, train_length)
        except Exception:
            cache[key] = np.full(h, np.nan)
    value = float(cache[key][s])
    return value if math.isfinite(value) else float(logs[-1])
