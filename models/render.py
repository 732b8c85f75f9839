"""Spanish wording of figures: Colombian pesos, units, percentages, dates and the footer every answer carries."""

from __future__ import annotations

import datetime as dt

from models.dates import fmt_date

SOURCE = "Fuente: DANE – SIPSA"
DEMO_NOTE = "⚠️ DATOS DE DEMOSTRACIÓN: estas cifras son ficticias, no son precios reales de SIPSA."
UNIT_LABEL = {"kg": "kg", "unidad": "unidad", "litro": "litro"}


def pesos(value: float) -> str:
    """3850.4 -> '$3.850' (Colombian thousands separator, no decimals)."""
    return "$" + f"{round(value):,}".replace(",", ".")


def price(value: float, unit: str) -> str:
    return f"{pesos(value)}/{UNIT_LABEL.get(unit, unit)}"


def kg(value: float) -> str:
    """12.5 -> '12,5 kg'."""
    return f"{value:g}".replace(".", ",") + " kg"


def value_unit(unit: str) -> str:
    return f"COP/{UNIT_LABEL.get(unit, unit)}"


def pct(value: float) -> str:
    sign = "+" if value > 0.05 else "" if value > -0.05 else "−"
    return f"{sign}{abs(value):.1f}%".replace(".", ",")


def tonnes(value: float) -> str:
    text = f"{value:,.1f}".replace(",", "\0").replace(".", ",").replace("\0", ".")
    return f"{text} t"


def week(start: str, end: str) -> str:
    return f"semana del {fmt_date(start)} al {fmt_date(end)}"


def staleness(latest: str | None, today: dt.date, period_days: int = 7, max_age_days: int = 14,
              latest_day: str | None = None) -> str | None:
    """A note when the newest data (weekly, or daily when that is newer) is older than it should be."""
    if not latest and not latest_day:
        return None
    ends = [dt.date.fromisoformat(latest) + dt.timedelta(days=period_days - 1)] if latest else []
    if latest_day:
        ends.append(dt.date.fromisoformat(latest_day[:10]))
    end = max(ends)
    age = (today - end).days
    if age <= max_age_days:
        return None
    months = age // 30
    ago = f"hace {age} días" if age < 60 else f"hace unos {months} meses"
    return (f"Ojo: el dato más reciente del espejo es de la semana que terminó el {fmt_date(end)} ({ago}); "
            "puede haber datos más nuevos en DANE.")


def footer(data_date: str | None, today: dt.date, latest: str | None, demo: bool,
           latest_day: str | None = None) -> str:
    lines = []
    note = staleness(latest, today, latest_day=latest_day)
    if note:
        lines.append(note)
    if demo:
        lines.append(DEMO_NOTE)
    lines.append(SOURCE)
    return "\n".join(lines)
