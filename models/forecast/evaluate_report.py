"""The text of `sipsabot eval-forecast`: per horizon, the chosen rule and every candidate (median MASE, its ratio
to naive's median MASE, share of series beating naive, median sMAPE, coverage of the 80% and 95% conformal
intervals), the models chosen, and a table by food group."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from models.forecast.backtest import LEVELS
from models.forecast.evaluate import HORIZONS, TEST, SeriesScore
from models.forecast.rules import DEFAULT

LABELS = {"chosen": f"ELEGIDO ({DEFAULT})", "naive": "ingenuo", "seasonal_naive": "ingenuo estacional",
          "ets": "ETS", "theta": "Theta", "arima": "ARIMA", "linreg": "regresión local", "combo": "combinación local",
          "global": "global LightGBM", "global_lin": "global lineal", "blend": "mezcla global+ingenuo",
          "mix": "promedio global+comb. local", "mix3": "promedio ingenuo+global+comb."}


def summary(rows: list[SeriesScore], h: int, key: str) -> dict[str, float] | None:
    """Median MASE, median MASE / naive's median MASE, share beating naive, median sMAPE and coverages."""
    have = [s for s in rows if key in s.mae[h] and "naive" in s.mae[h]]
    if not have:
        return None
    mase = float(np.median([s.mae[h][key] / s.scale for s in have]))
    naive = float(np.median([s.mae[h]["naive"] / s.scale for s in have]))
    out = {"n": float(len(have)), "mase": mase, "ratio": mase / naive if naive > 0 else float("nan"),
           "beats": float(np.mean([s.mae[h][key] < s.mae[h]["naive"] for s in have]) * 100),
           "smape": float(np.median([s.smape[h][key] for s in have]))}
    for level in LEVELS:
        hits = [x for s in have for x in s.hits[h][key][level]]
        out[f"cov{int(level * 100)}"] = float(np.mean(hits) * 100) if hits else float("nan")
    return out


def report(scores: list[SeriesScore], horizons: Sequence[int] = HORIZONS) -> str:
    ok = [s for s in scores if s.ok]
    lines = [f"Series evaluadas: {len(ok)} (descartadas: {len(scores) - len(ok)}); año evaluado: últimas "
             f"{TEST} semanas de cada serie, orígenes móviles semanales; selección y calibración solo con "
             "errores anteriores a cada origen; semanas sin precio publicado no se califican."]
    for h in horizons:
        rows = [s for s in ok if h in s.mae and "chosen" in s.mae[h]]
        forecasts = sum(len(s.hits[h]["chosen"][LEVELS[0]]) for s in rows)
        lines += ["", f"Horizonte {h} semana{'s' if h > 1 else ''}: {len(rows)} series, {forecasts} pronósticos",
                  f"  {'modelo':<34}{'MASE med.':>10}{'/ingenuo':>10}{'supera':>9}{'sMAPE':>8}{'cob80':>8}"
                  f"{'cob95':>8}"]
        keys = ["chosen", *[k for k in LABELS if k != "chosen"],
                *sorted({k for s in rows for k in s.mae[h] if k.startswith("regla:")})]
        for key in keys:
            got = summary(rows, h, key)
            if got is None:
                continue
            beats = "-" if key == "naive" else f"{got['beats']:.1f}%"
            lines.append(f"  {LABELS.get(key, key):<34}{got['mase']:>10.3f}{got['ratio']:>10.3f}{beats:>9}"
                         f"{got['smape']:>7.2f}%{got['cov80']:>7.1f}%{got['cov95']:>7.1f}%")
        total: Counter[str] = Counter()
        for s in rows:
            total.update(s.chosen[h])
        n_total = sum(total.values()) or 1
        lines.append("  Modelos elegidos: " + ", ".join(f"{k} {v / n_total:.0%}" for k, v in total.most_common()))
    groups = sorted({s.group for s in ok})
    lines += ["", "Por grupo de alimentos (elegido): MASE mediana elegido / ingenuo, % de series que supera al "
              "ingenuo, por horizonte"]
    lines.append(f"  {'grupo':<36}{'series':>7}" + "".join(f"{f'h={h}':>22}" for h in horizons))
    for group in groups:
        members = [s for s in ok if s.group == group]
        cells = []
        for h in horizons:
            got = summary([s for s in members if h in s.mae and "chosen" in s.mae[h]], h, "chosen")
            if got is None:
                cells.append(f"{'-':>22}")
                continue
            naive = got["mase"] / got["ratio"] if got["ratio"] else float("nan")
            cells.append(f"{got['mase']:>8.2f}/{naive:<5.2f}{got['beats']:>7.0f}% ")
        lines.append(f"  {group or '(sin grupo)':<36}{len(members):>7}" + "".join(cells))
    return "\n".join(lines)
