"""The global model inside one forecast: its backtest forecasts (from the artefact's holdout model, honest only
for origins after its cutoff: earlier ones stay NaN) and its final forecast (the full model), plus the per-step
choice of rules.choose and conformal half-widths per step for the chosen models."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from models.forecast.backtest import LEVELS, conformal_q
from models.forecast.evaluate_global import BLEND, GLOBAL_KEYS
from models.forecast.global_store import Artifact
from models.forecast.globalmodel import Frames, series_panel
from models.forecast.prepare import Stretch
from models.forecast.rules import choose


@dataclass
class GlobalPart:
    backtest: dict[str, np.ndarray]  # key -> log forecasts (origins first..last, steps)
    final: dict[str, np.ndarray]  # key -> log forecasts from the last value (steps)


def global_part(artifact: Artifact, product: str, market: str, stretch: Stretch, logs: np.ndarray, first: int,
                last: int, horizon: int) -> GlobalPart | None:
    real = [(d, v) for d, v, f in zip(stretch.dates, stretch.values, stretch.filled, strict=True) if not f]
    full, holdout = artifact.full, artifact.holdout
    panel = series_panel(full, product, market, real)
    col0 = panel.week(stretch.dates[0])
    if col0 < 0 or panel.n_weeks < col0 + stretch.n:  # the series starts before the model's grid
        return None
    frames = Frames.build(panel, full.vocab, full.cross)
    origins = np.arange(first, last + 1)
    cols = col0 + origins
    honest = cols >= holdout.cutoff  # the holdout model saw no target at or after its cutoff
    backtest = {k: np.full((len(origins), horizon), np.nan) for k in GLOBAL_KEYS}
    if honest.any():
        pred = holdout.predict(frames, np.zeros(int(honest.sum()), dtype=int), cols[honest] - 1, horizon)
        base = logs[origins[honest] - 1][:, None]
        backtest["global"][honest] = base + pred["global"]
        backtest["global_lin"][honest] = base + pred["global_lin"]
        backtest["blend"][honest] = base + BLEND * pred["global"]
    now = full.predict(frames, np.zeros(1, dtype=int), np.array([col0 + stretch.n - 1]), horizon)
    final = {"global": logs[-1] + now["global"][0], "global_lin": logs[-1] + now["global_lin"][0],
             "blend": logs[-1] + BLEND * now["global"][0]}
    return GlobalPart(backtest, final)


@dataclass
class StepChoice:
    keys: list[str]  # answering model per step
    q: dict[float, np.ndarray]  # level -> conformal half-width per step (log space)
    coverage: dict[float, float | None]  # sequential coverage of the answering models' intervals


def choose_steps(forecasts: dict[str, np.ndarray], actuals: np.ndarray, horizon: int, k: int) -> StepChoice:
    """Per step s (horizon s+1): the rule's model given backtest MAE over the last `k` origins whose step-s target
    is known, and its split-conformal half-widths from the same errors."""
    n_rows = actuals.shape[0]
    keys: list[str] = []
    q = {level: np.full(horizon, math.inf) for level in LEVELS}
    hits: dict[float, list[bool]] = {level: [] for level in LEVELS}
    for s in range(horizon):
        rows = np.arange(max(0, n_rows - k), n_rows)
        truth = actuals[rows, s]
        known = np.isfinite(truth)
        past: dict[str, float] = {}
        for key, fc in forecasts.items():
            block = fc[rows, s]
            if known.any() and np.isfinite(block[known]).all():
                past[key] = float(np.mean(np.abs(np.exp(block[known]) - np.exp(truth[known]))))
        best = choose(s + 1, past)
        keys.append(best)
        resid = np.abs(truth - forecasts[best][rows, s])
        for level in LEVELS:
            q[level][s] = conformal_q(resid, level)
            # coverage measured as a user would have had it: each origin calibrated on the errors before it
            for i in range(10, len(resid)):
                if math.isfinite(resid[i]):
                    hits[level].append(bool(resid[i] <= conformal_q(resid[: max(0, i - s)], level)))
    coverage = {level: (float(np.mean(h)) if h else None) for level, h in hits.items()}
    return StepChoice(keys, q, coverage)
