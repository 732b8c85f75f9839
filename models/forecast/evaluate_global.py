"""The global candidates in the evaluation: backtest forecasts for every evaluated series from models retrained on
rolling calendar cutoffs, so each forecast comes from a model that saw no target on or after its origin.

Production retrains after every data refresh (weekly); here a model is retrained every BLOCK weeks of origins,
which is stricter than production (older models), never looser.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from data.panel import WeeklyPanel
from models.forecast.globalmodel import Frames, GlobalModel, fit, make_vocab

BLOCK = 52  # one model per year of origins: at most a year older than production's (2 shared cores)
GLOBAL_KEYS = ("global", "global_lin", "blend")
BLEND = 0.5  # the blend forecasts half the global model's log ratio: shrinkage toward naive
# Averages of the global model with the local combination (and naive), in log space: added after the first
# validation run showed the local combination and the global model winning on different series at 8 weeks.
MIXES = {"mix": ("global", "combo"), "mix3": ("naive", "global", "combo")}


def add_mixes(forecasts: dict[str, np.ndarray]) -> None:
    """Add each mix whose components are all present (NaN wherever one of them is)."""
    for key, parts in MIXES.items():
        if all(p in forecasts for p in parts):
            forecasts[key] = np.mean([forecasts[p] for p in parts], axis=0)


@dataclass(frozen=True)
class Window:
    """Where one evaluated series' backtest origins sit: its panel row, the panel column of stretch position 0,
    its origins first..last (stretch positions) and the log values of its stretch (the anchors)."""

    row: int | None
    col0: int
    first: int
    last: int
    logs: np.ndarray


def windows_of(panel: WeeklyPanel, chosen: list[Any], shift: int) -> tuple[list[Window], list[str]]:
    """The backtest window and the food group of each evaluated series (SeriesData), found in the panel by name."""
    from data.text import fold
    from models.forecast.evaluate import stretch_of, window

    rows = {(fold(p), fold(m)): i for i, (p, m) in enumerate(zip(panel.products, panel.markets, strict=True))}
    windows, groups = [], []
    for series in chosen:
        stretch = stretch_of(series, shift)
        first, last = window(stretch)
        row = rows.get((fold(series.product), fold(series.market)))
        windows.append(Window(row, panel.week(stretch.dates[0]), first, last,
                              np.log(np.asarray(stretch.values, dtype="float64"))))
        groups.append(panel.groups[row] if row is not None else "")
    return windows, groups


def global_forecasts(panel: WeeklyPanel, windows: list[Window], horizon: int,
                     progress: Callable[[str], None] | None = None, **fit_kwargs: Any
                     ) -> tuple[list[dict[str, np.ndarray]], list[float]]:
    """Per window: key -> log forecasts (origins first..last, steps 1..horizon), and the training times.
    `fit_kwargs` go to globalmodel.fit (variants compared on the validation year)."""
    frames = Frames.build(panel, make_vocab(panel))
    spans = [(w.col0 + w.first, w.col0 + w.last) for w in windows if w.row is not None]
    out: list[dict[str, np.ndarray]] = [{} for _ in windows]
    if not spans:
        return out, []
    base = min(a for a, _ in spans)
    top = max(b for _, b in spans)
    seconds = []
    for cutoff in range(base, top + 1, BLOCK):
        model: GlobalModel = fit(panel, cutoff, frames=frames, **fit_kwargs)
        seconds.append(model.seconds)
        if progress:
            progress(f"modelo global con corte {panel.date(cutoff)}: {model.seconds:.0f} s, {model.rows} filas")
        for i, w in enumerate(windows):
            if w.row is None:
                continue
            origins = np.arange(w.first, w.last + 1)
            cols = w.col0 + origins
            sel = (cols >= cutoff) & (cols < cutoff + BLOCK)  # origins this model may forecast (none before it)
            if not sel.any():
                continue
            anchors = cols[sel] - 1
            preds = model.predict(frames, np.full(len(anchors), w.row), anchors, horizon)
            base_logs = w.logs[origins[sel] - 1][:, None]
            for key in GLOBAL_KEYS:
                if key not in out[i]:
                    out[i][key] = np.full((len(origins), horizon), np.nan)
            out[i]["global"][sel] = base_logs + preds["global"]
            out[i]["global_lin"][sel] = base_logs + preds["global_lin"]
            out[i]["blend"][sel] = base_logs + BLEND * preds["global"]
    return out, seconds
