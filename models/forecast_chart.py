"""The forecast chart: recent history, forecast, 80% and 95% bands and the naive line, labelled in Spanish.
matplotlib is imported inside the function (Agg backend, no display)."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from models.forecast.render import SOURCE, pesos
from models.forecast.types import ForecastResult


def forecast_png(r: ForecastResult, width: float = 9.0, height: float = 5.0, dpi: int = 100) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    hist_x: list[Any] = [dt.date.fromisoformat(d) for d, _ in r.history]
    hist_y = [v for _, v in r.history]
    last_x: Any = dt.date.fromisoformat(r.last_date)
    fx: list[Any] = [last_x] + [dt.date.fromisoformat(p.date) for p in r.points]
    fy = [r.last_value] + [p.value for p in r.points]
    lo80 = [r.last_value] + [p.lo80 for p in r.points]
    hi80 = [r.last_value] + [p.hi80 for p in r.points]
    lo95 = [r.last_value] + [p.lo95 for p in r.points]
    hi95 = [r.last_value] + [p.hi95 for p in r.points]

    fig = Figure(figsize=(width, height), dpi=dpi)
    ax = fig.add_subplot(1, 1, 1)
    ax.plot(hist_x, hist_y, color="#1f4e79", linewidth=1.6, label="Precio observado")
    ax.fill_between(fx, lo95, hi95, color="#f4a261", alpha=0.25, linewidth=0, label="Intervalo 95%")
    ax.fill_between(fx, lo80, hi80, color="#e76f51", alpha=0.30, linewidth=0, label="Intervalo 80%")
    ax.plot(fx, fy, color="#c0392b", linewidth=2.0, marker="o", markersize=3, label=f"Pronóstico ({r.model_label})")
    ax.plot(fx, [r.last_value] * len(fx), color="#555555", linestyle="--", linewidth=1.2,
            label="Ingenuo (último valor)")
    ax.axvline(last_x, color="#999999", linewidth=0.8, linestyle=":")
    demo = " — DATOS DE DEMOSTRACIÓN" if r.demo else ""
    ax.set_title(f"{r.product} – {r.market}{demo}", fontsize=11)
    ax.set_ylabel(f"Precio ({r.unit})")
    ax.set_xlabel("Fecha")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: pesos(v)))
    ax.grid(True, alpha=0.3)
    ax.legend(loc="upper left", fontsize=8, framealpha=0.85)
    for label in ax.get_xticklabels():
        label.set_rotation(30)
        label.set_horizontalalignment("right")
    fig.text(0.01, 0.01, f"{SOURCE}. Último dato real: {last_x:%d/%m/%Y}.", fontsize=7, color="#555555")
    fig.subplots_adjust(left=0.11, right=0.98, top=0.93, bottom=0.17)  # fixed margins: tight_layout costs ~0.3 s
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()
