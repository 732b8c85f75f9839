"""Value types of the forecasting feature: what a forecast request names and what a forecast returns.

Plain dataclasses (picklable), so results travel back from the worker processes and into the cache.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Frequency -> (Spanish unit singular, plural, max horizon, default horizon)
FREQS: dict[str, tuple[str, str, int, int]] = {
    "W": ("semana", "semanas", 12, 8),
    "M": ("mes", "meses", 6, 3),
    "D": ("día", "días", 30, 7),
}


class ForecastError(Exception):
    """A request that cannot be forecast; `message` is the Spanish text for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Point:
    date: str  # ISO date of the period (week start, month start or day)
    value: float  # forecast (median)
    lo80: float
    hi80: float
    lo95: float
    hi95: float
    naive: float  # the naive forecast (last value) for comparison


@dataclass(frozen=True)
class Score:
    """Backtest score of one candidate: MASE and its mean absolute error relative to the naive forecast."""

    model: str
    mase: float
    vs_naive: float  # MAE(model) / MAE(naive) on the same backtest origins; < 1 beats naive


@dataclass
class ForecastResult:
    product: str
    market: str
    freq: str
    horizon: int
    unit: str  # COP/kg | COP/unidad | COP/litro
    model: str  # chosen model key
    model_label: str  # Spanish label
    beats_naive: bool
    scores: list[Score]
    points: list[Point]
    last_date: str
    last_value: float
    history: list[tuple[str, float]]  # recent real observations (for the chart), oldest first
    origins: int  # number of backtest origins used for selection and calibration
    coverage80: float | None  # measured coverage of the 80% interval on the backtest (sequential)
    coverage95: float | None
    notes: list[str] = field(default_factory=list)  # Spanish notes on gaps, stretch used, etc.
    source: str = ""  # Spanish description of the data set used
    demo: bool = False
    stale_days: int | None = None
    fallback_from: str | None = None  # the model the backtest chose, when its final fit failed
    step_models: list[str] = field(default_factory=list)  # answering model per step (global rule), else empty

    @property
    def chosen(self) -> Score:
        return next(s for s in self.scores if s.model == self.model)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["history"] = [{"date": d, "value": v} for d, v in self.history]
        return data
