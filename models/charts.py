"""Charts as PNG bytes (matplotlib, Agg backend, imported lazily): Spanish titles and axes, source credited.

Uses matplotlib's object API (Figure + FigureCanvasAgg, no pyplot state), so charts can be drawn from worker
threads at the same time.
"""

from __future__ import annotations

import datetime as dt
import io

from models.answer import Chart
from models.render import SOURCE

MONTHS = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")
UNIT_LABELS = {
    "COP/kg": "Pesos por kilogramo (COP/kg)",
    "COP/unidad": "Pesos por unidad (COP/unidad)",
    "COP/litro": "Pesos por litro (COP/litro)",
    "t": "Toneladas",
    "%": "Porcentaje (%)",
    "kg": "Kilogramos",
}


class ChartError(ValueError):
    """A chart with nothing to draw."""


def _pesos(value: float, _pos: object = None) -> str:
    return "$" + f"{value:,.0f}".replace(",", ".")


def _plain(value: float, _pos: object = None) -> str:
    return f"{value:,.0f}".replace(",", ".") if abs(value) >= 100 else f"{value:.1f}".replace(".", ",")


def _date_label(day: dt.date, span_days: int) -> str:
    if span_days > 400:
        return f"{MONTHS[day.month - 1]} {day.year}"
    return f"{day.day} {MONTHS[day.month - 1]}"


def render_png(chart: Chart, *, subtitle: str = "", width: float = 8.0, height: float = 4.6, dpi: int = 110) -> bytes:
    """Draw `chart` (line: one line per series over dates; bar: one bar per label) and return PNG bytes."""
    series = {name: [(d, float(v)) for d, v in points if v is not None] for name, points in chart.series.items()}
    series = {name: points for name, points in series.items() if points}
    if not series:
        raise ChartError("no data to draw")

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    fig = Figure(figsize=(width, height), dpi=dpi)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot(1, 1, 1)
    money = chart.unit.startswith("COP")
    formatter = FuncFormatter(_pesos if money else _plain)

    if chart.kind == "bar":
        labels, values = zip(*[(name, points[-1][1]) for name, points in series.items()], strict=True)
        positions = range(len(labels))
        ax.barh(list(positions), list(values), color="#2f7d4a")
        ax.set_yticks(list(positions), [_short(label) for label in labels], fontsize=8)
        ax.invert_yaxis()
        ax.xaxis.set_major_formatter(formatter)
        ax.set_xlabel(UNIT_LABELS.get(chart.unit, chart.unit))
        for pos, value in zip(positions, values, strict=True):
            ax.text(value, pos, " " + formatter(value), va="center", fontsize=7)
    else:
        all_days: list[dt.date] = []
        for name, points in series.items():
            days = [dt.date.fromisoformat(d[:10]) for d, _ in points]
            all_days += days
            ys = [v for _, v in points]
            ax.plot(days, ys, marker="o" if len(points) <= 30 else None,  # type: ignore[arg-type]
                    markersize=3, linewidth=1.6, label=_short(name))
        span = (max(all_days) - min(all_days)).days if all_days else 0
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _p: _date_label(_num2date(x), span)))
        ax.yaxis.set_major_formatter(formatter)
        ax.set_ylabel(UNIT_LABELS.get(chart.unit, chart.unit))
        ax.set_xlabel("Fecha")
        if len(series) > 1:
            ax.legend(fontsize=8, loc="best")
        fig.autofmt_xdate(rotation=30)
    ax.grid(True, alpha=0.3)
    ax.set_title(chart.title, fontsize=11)
    fig.text(0.99, 0.01, SOURCE + (f" · {subtitle}" if subtitle else ""), ha="right", va="bottom", fontsize=7,
             color="#555555")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def _num2date(x: float) -> dt.date:
    from matplotlib.dates import num2date

    return num2date(x).date()


def _short(label: str, limit: int = 40) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
