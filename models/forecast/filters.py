"""Forecasts from many backtest origins with parameters fitted once by darts.

Refitting ETS or ARIMA at each of dozens of origins costs seconds per series; with the parameters held
fixed, moving the origin only means running the model's own recursion over the new observations. These are
the exact recursions darts/statsmodels use for the two models (checked against `predict` in the tests), so a
backtest origin sees what `model.predict(h, series=history)` would return with those parameters.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def ets_damped(params: dict[str, Any], logs: np.ndarray, origins: list[int], horizon: int) -> np.ndarray:
    """Holt's damped additive trend (statsmodels parameterisation) started at logs[0]; forecasts per origin."""
    alpha, beta, phi = (float(params[k]) for k in ("smoothing_level", "smoothing_trend", "damping_trend"))
    level, trend = float(params["initial_level"]), float(params["initial_trend"])
    damp = np.cumsum(phi ** np.arange(1, horizon + 1))
    wanted = {o: i for i, o in enumerate(origins)}
    out = np.full((len(origins), horizon), np.nan)
    for t in range(max(origins)):
        previous = level
        level = alpha * logs[t] + (1 - alpha) * (level + phi * trend)
        trend = beta * (level - previous) + (1 - beta) * phi * trend
        if t + 1 in wanted:
            out[wanted[t + 1]] = level + damp * trend
    return out


def arima_111(model: Any, logs: np.ndarray, origins: list[int], horizon: int) -> np.ndarray:
    """ARIMA(1,1,1) without constant, fitted by darts: statsmodels' Kalman filter runs once over `logs` with the
    fitted parameters (no refit) and gives each origin's exact one-step prediction; for an ARMA(1,1) in the
    differences, the later steps decay by the AR coefficient: E[d(o+k)] = phi**k * E[d(o)]."""
    results = model.model.apply(logs, refit=False)
    phi = float(np.asarray(results.params)[0])
    one_step = np.asarray(results.fittedvalues, dtype="float64")  # prediction of logs[t] from logs[:t]
    decay = phi ** np.arange(horizon)
    out = np.full((len(origins), horizon), np.nan)
    for i, origin in enumerate(origins):
        first_step = one_step[origin] - logs[origin - 1]
        out[i] = logs[origin - 1] + np.cumsum(first_step * decay)
    return out


def theta_params(model: Any) -> dict[str, float]:
    """What a fitted darts Theta (no seasonality) needs to forecast from another origin."""
    return {"alpha": float(model.alpha), "initial_level": float(model.model.params["initial_level"]),
            "theta": float(model.theta)}


def theta(params: dict[str, float], logs: np.ndarray, origins: list[int], horizon: int) -> np.ndarray:
    """darts Theta (season_mode NONE) from each origin with its SES smoothing level held fixed: the SES level
    runs over the new observations and the drift is re-estimated on the data up to the origin, as darts does."""
    alpha, th = params["alpha"], params["theta"]
    level = params["initial_level"]
    wanted = {o: i for i, o in enumerate(origins)}
    out = np.full((len(origins), horizon), np.nan)
    steps = np.arange(horizon)
    for t in range(max(origins)):
        level = alpha * logs[t] + (1 - alpha) * level
        length = t + 1
        if length in wanted:
            b_theta = np.polyfit(np.arange(length), (1.0 - th) * logs[:length], 1)[0]
            coef = b_theta / (-th)
            drift = coef * (steps + (1 - (1 - alpha) ** length) / alpha)
            out[wanted[length]] = level + drift
    return out
