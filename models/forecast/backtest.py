"""Rolling-origin backtests, model selection by MASE and conformal intervals per horizon step.

An origin is the position of the first forecast point: the model sees values[:origin] and predicts H steps.
The same functions serve a single forecast (origins just before the end) and the evaluation (origins over a
held-out year, deciding at each test origin with only the errors known before it).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from models.forecast.candidates import BY_KEY, COMBO, SWITCH_MARGIN, make
from models.forecast.filters import arima_111, ets_damped, theta, theta_params

PANDAS_FREQ = {"W": "W-SAT", "M": "MS", "D": "D"}
LEVELS = (0.8, 0.95)
# candidates backtested by their own recursion with fitted parameters (filters.py): key -> (params, forecasts)
FAST: dict[str, tuple[Callable[[Any], Any], Callable[..., np.ndarray]]] = {
    "ets": (lambda m: m.model.params, ets_damped),
    "arima": (lambda m: m, arima_111),
    "theta": (theta_params, theta),
}


def to_series(dates: list[Any], logs: np.ndarray, freq: str) -> Any:
    import pandas as pd
    from darts import TimeSeries

    index = pd.DatetimeIndex(pd.to_datetime(dates), freq=PANDAS_FREQ[freq])
    return TimeSeries.from_times_and_values(index, logs.astype("float64"))


def forecast_matrix(dates: list[Any], logs: np.ndarray, freq: str, keys: list[str], first: int, last: int,
                    horizon: int, refit_every: int = 13, train_length: int | None = None) -> dict[str, np.ndarray]:
    """Log forecasts per candidate, shape (origins first..last, horizon); NaN where a model failed.

    The naive models are refitted at every origin (nothing to fit); ETS, Theta, ARIMA and the lag regression
    are fitted on the data before each block of `refit_every` origins and then forecast from each origin with
    those parameters (darts retrain=False; ETS, Theta and ARIMA through their exact recursions in filters.py).
    Targets beyond the data are not needed: last + horizon <= n.
    """
    import pandas as pd

    n_orig = last - first + 1
    series = to_series(dates, logs, freq)
    out: dict[str, np.ndarray] = {}
    for key in keys:
        if key == "combo":
            continue
        result = np.full((n_orig, horizon), np.nan)
        cand = BY_KEY[key]
        blocks = range(first, last + 1, refit_every) if cand.transferable else [first]
        for block in blocks:
            block_last = min(block + refit_every - 1, last) if cand.transferable else last
            fit_from = 0 if train_length is None else max(0, block - train_length)
            model = make(key, freq)
            try:
                if cand.transferable:
                    model.fit(series[fit_from:block])
                if key in FAST:
                    origins = [o - fit_from for o in range(block, block_last + 1)]
                    params, recursion = FAST[key]
                    rows = recursion(params(model), logs[fit_from: block_last + 1], origins, horizon)
                    result[block - first: block_last - first + 1] = rows
                    continue
                kwargs: dict[str, Any] = {"retrain": not cand.transferable}
                if not cand.transferable and train_length is not None:
                    kwargs["train_length"] = train_length
                preds = model.historical_forecasts(
                    series[: block_last + horizon], start=pd.Timestamp(dates[block]), forecast_horizon=horizon,
                    stride=1, last_points_only=False, overlap_end=False, verbose=False, show_warnings=False,
                    **kwargs)
            except Exception:  # a model that cannot fit this stretch simply drops out of the selection
                continue
            for i, pred in enumerate(preds):
                row = block - first + i
                if row < n_orig:
                    result[row] = pred.values(copy=False)[:, 0][:horizon]
        out[key] = result
    if "combo" in keys and all(k in out for k in COMBO):
        out["combo"] = np.mean([out[k] for k in COMBO], axis=0)  # NaN wherever a component failed
    return out


def final_forecast(dates: list[Any], logs: np.ndarray, freq: str, key: str, horizon: int,
                   train_length: int | None = None) -> np.ndarray:
    """The chosen model fitted on the whole stretch, forecasting `horizon` steps (log space)."""
    series = to_series(dates, logs, freq)
    if train_length is not None:
        series = series[-train_length:]
    if key == "combo":
        return np.mean([final_forecast(dates, logs, freq, k, horizon, train_length) for k in COMBO], axis=0)
    model = make(key, freq)
    model.fit(series)
    return np.asarray(model.predict(horizon).values(copy=False)[:, 0], dtype="float64")


def actual_matrix(logs: np.ndarray, first: int, last: int, horizon: int,
                  filled: list[bool] | np.ndarray | None = None) -> np.ndarray:
    """The true log values per (origin, step); NaN beyond the data and at filled points: a value SIPSA never
    published is never scored, nor used to select a model or calibrate an interval."""
    values = np.asarray(logs, dtype="float64")
    if filled is not None:
        values = np.where(np.asarray(filled, dtype=bool), np.nan, values)
    idx = np.arange(first, last + 1)[:, None] + np.arange(horizon)[None, :]
    return np.where(idx < len(values), values[np.minimum(idx, len(values) - 1)], np.nan)


def naive_scale(values: np.ndarray, filled: list[bool] | np.ndarray | None = None) -> float:
    """In-sample MAE of the one-step naive forecast (the MASE denominator), in price units; steps that end on a
    filled point are left out (they are not real one-week changes)."""
    diffs = np.abs(np.diff(values))
    if filled is not None and len(diffs):
        diffs = diffs[~np.asarray(filled, dtype=bool)[1: len(values)]]
    scale = float(np.mean(diffs)) if len(diffs) else 0.0
    return scale if scale > 0 else max(float(np.mean(np.abs(values))) * 1e-3, 1e-9)


def conformal_q(abs_resid: np.ndarray, level: float) -> float:
    """Split-conformal quantile: the ceil((n+1)*level)-th smallest error (the largest when n is too small)."""
    r = np.sort(abs_resid[np.isfinite(abs_resid)])
    if len(r) == 0:
        return math.inf
    k = math.ceil((len(r) + 1) * level)
    return float(r[min(k, len(r)) - 1])


@dataclass
class Decision:
    chosen: str
    mae: dict[str, float]  # backtest MAE per candidate (price units)
    scale: float
    q: dict[float, np.ndarray]  # level -> conformal half-width in log space per step
    n_origins: int


def select(mae: dict[str, float]) -> str:
    """The combination unless another candidate's backtest MAE is at least SWITCH_MARGIN lower (then the lowest,
    naive on ties); without a combination (a component could not be backtested), simply the lowest."""
    best = min(mae, key=lambda k: (mae[k], k != "naive"))
    if "combo" in mae and mae[best] > (1 - SWITCH_MARGIN) * mae["combo"]:
        return "combo"
    return best


def decide(forecasts: dict[str, np.ndarray], actuals: np.ndarray, first: int, cutoff: int, horizon: int,
           k_origins: int, prices: np.ndarray) -> Decision | None:
    """Select a model (`select`) and calibrate its intervals using only errors observed before position `cutoff`.

    Uses the latest `k_origins` origins whose targets up to `horizon` are all before `cutoff`.
    Returns None when fewer than 8 such origins exist.
    """
    last_ok = cutoff - horizon  # origin o is complete when o + horizon - 1 <= cutoff - 1
    rows = np.arange(max(first, last_ok - k_origins + 1), last_ok + 1) - first
    rows = rows[(rows >= 0) & (rows < actuals.shape[0])]
    if len(rows) < 8:
        return None
    truth = np.exp(actuals[rows, :horizon])
    known = np.isfinite(truth)  # filled points are NaN in `actuals` and simply not counted
    mae: dict[str, float] = {}
    for key, fc in forecasts.items():
        block = fc[rows, :horizon]
        if not np.all(np.isfinite(block)) or not known.any():
            continue
        err = float(np.mean(np.abs(np.exp(block) - truth)[known]))
        if math.isfinite(err):
            mae[key] = err
    best = select(mae)
    resid = np.abs(actuals[rows, :horizon] - forecasts[best][rows, :horizon])
    q = {level: np.array([conformal_q(resid[:, s], level) for s in range(horizon)]) for level in LEVELS}
    scale = naive_scale(prices[: first + int(rows[0]) + 1])
    return Decision(best, mae, scale, q, len(rows))


def sequential_coverage(forecast: np.ndarray, actuals: np.ndarray, horizon: int, min_calib: int = 10
                        ) -> dict[float, float | None]:
    """Honest coverage on a backtest: each origin's interval is calibrated only on earlier origins' errors."""
    resid = np.abs(actuals[:, :horizon] - forecast[:, :horizon])
    hits: dict[float, list[bool]] = {level: [] for level in LEVELS}
    for i in range(resid.shape[0]):
        for s in range(horizon):
            known = resid[: max(0, i - s), s]  # origin j's step-s target is known at origin i when j + s < i
            known = known[np.isfinite(known)]
            if len(known) < min_calib or not math.isfinite(resid[i, s]):
                continue
            for level in LEVELS:
                hits[level].append(bool(resid[i, s] <= conformal_q(known, level)))
    return {level: (float(np.mean(h)) if h else None) for level, h in hits.items()}
