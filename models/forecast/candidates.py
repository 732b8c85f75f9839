"""The candidate models (darts, no extras) and how each is backtested. darts is imported inside functions.

All models work on log prices (prices move in proportion); forecasts are turned back with exp.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SEASON = {"W": 52, "M": 12, "D": 7}
LAGS = {"W": 8, "M": 6, "D": 14}


@dataclass(frozen=True)
class Candidate:
    key: str
    label: str  # Spanish, for users
    transferable: bool  # can forecast from a longer series without refitting (darts retrain=False)
    min_train: dict[str, int]  # shortest training stretch per frequency


CANDIDATES: list[Candidate] = [
    Candidate("naive", "ingenuo (último valor)", False, {"W": 1, "M": 1, "D": 1}),
    Candidate("seasonal_naive", "ingenuo estacional (mismo periodo del año/semana anterior)", False,
              {"W": 52, "M": 12, "D": 7}),
    Candidate("ets", "suavizamiento exponencial con tendencia amortiguada", True, {"W": 20, "M": 12, "D": 20}),
    Candidate("theta", "Theta", True, {"W": 20, "M": 12, "D": 20}),
    Candidate("arima", "ARIMA(1,1,1)", True, {"W": 30, "M": 18, "D": 30}),
    Candidate("linreg", "regresión lineal sobre rezagos", True, {"W": 40, "M": 24, "D": 40}),
    Candidate("combo", "combinación (promedio de ETS, Theta, ARIMA y regresión)", True, {"W": 40, "M": 24, "D": 40}),
]
COMBO = ("ets", "theta", "arima", "linreg")  # the combination averages these forecasts (in log space)
# The combination is the default forecaster; another candidate (naive included) replaces it only when its backtest
# MAE is at least this much lower than the combination's. Chosen on the validation year (the year before the test
# year): plain lowest-MAE selection beat naive at 4 weeks on 42.9% of series, this rule on 62.5%.
SWITCH_MARGIN = 0.2
# Global models (globalmodel.py): trained once per data version on every weekly series, never fitted per series.
GLOBAL_CANDIDATES: list[Candidate] = [
    Candidate("global", "modelo global LightGBM (aprendido de todas las series semanales del SIPSA)", False,
              {"W": 1, "M": 10**6, "D": 10**6}),
    Candidate("global_lin", "modelo global lineal (aprendido de todas las series semanales del SIPSA)", False,
              {"W": 1, "M": 10**6, "D": 10**6}),
    Candidate("blend", "mezcla del modelo global LightGBM con el ingenuo (mitad del cambio que predice)", False,
              {"W": 1, "M": 10**6, "D": 10**6}),
    Candidate("mix", "promedio del modelo global LightGBM y la combinación local", False,
              {"W": 1, "M": 10**6, "D": 10**6}),
    Candidate("mix3", "promedio del ingenuo, el modelo global LightGBM y la combinación local", False,
              {"W": 1, "M": 10**6, "D": 10**6}),
]
BY_KEY = {c.key: c for c in [*CANDIDATES, *GLOBAL_CANDIDATES]}


def usable(freq: str, train_len: int) -> list[Candidate]:
    """Candidates whose shortest training stretch fits in `train_len` periods."""
    return [c for c in CANDIDATES if c.min_train[freq] <= train_len]


def make(key: str, freq: str) -> Any:
    """A fresh, unfitted darts model for candidate `key`."""
    import warnings

    warnings.filterwarnings("ignore", module="statsmodels")
    warnings.filterwarnings("ignore", category=UserWarning)
    warnings.filterwarnings("ignore", category=RuntimeWarning)
    from darts.models import ARIMA, ExponentialSmoothing, LinearRegressionModel, NaiveSeasonal, Theta
    from darts.utils.utils import ModelMode, SeasonalityMode

    if key == "naive":
        return NaiveSeasonal(K=1)
    if key == "seasonal_naive":
        return NaiveSeasonal(K=SEASON[freq])
    if key == "ets":
        return ExponentialSmoothing(trend=ModelMode.ADDITIVE, damped=True, seasonal=SeasonalityMode.NONE)
    if key == "theta":
        return Theta(theta=2, season_mode=SeasonalityMode.NONE)
    if key == "arima":
        return ARIMA(p=1, d=1, q=1)
    if key == "linreg":
        return LinearRegressionModel(lags=LAGS[freq])
    raise KeyError(key)
