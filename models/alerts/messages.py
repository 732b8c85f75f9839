"""The Spanish text of alerts and subscriptions (rendered at send time from the facts kept in the outbox)."""

from __future__ import annotations

import datetime as dt
import html
import json
from typing import Any

from data.alerts_store import Subscription
from models.render import SOURCE

DEMO_NOTE = "⚠️ Datos de demostración: no son precios reales de SIPSA."
IN_DOUBT_NOTE = "♻️ Reenvío tras un reinicio del bot: si ya recibiste esta alerta, ignórala."
MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
          "noviembre", "diciembre")
UNITS = {"kg": "COP/kg", "unidad": "COP/unidad", "litro": "COP/litro"}
SHORT_UNITS = {"kg": "/kg", "unidad": "/unidad", "litro": "/litro"}
DATASET_LABELS = {"daily": "precio diario", "daily-city": "precio diario de la ciudad", "weekly": "precio semanal",
                  "monthly": "precio mensual"}




# ---------------------------------------------------------------- Spanish text


def cop(value: float) -> str:
    """Colombian pesos: 3850 -> '$3.850', 12.5 -> '$12,5'."""
    if abs(value - round(value)) < 0.005 or abs(value) >= 1000:
        return "$" + f"{round(value):,}".replace(",", ".")
    return "$" + f"{value:,.1f}".replace(",", "X").replace(".", ",").replace("X", ".")


def pct_text(value: float) -> str:
    return f"{value:+.1f}".replace(".", ",") + " %"


def _day(d: dt.date, year: bool = True) -> str:
    return f"{d.day} de {MONTHS[d.month - 1]}" + (f" de {d.year}" if year else "")


def period_text(dataset: str, period: str, period_end: str | None = None) -> str:
    start = dt.date.fromisoformat(period[:10])
    if dataset == "monthly":
        return f"{MONTHS[start.month - 1]} de {start.year}"
    if dataset == "weekly":
        end = dt.date.fromisoformat((period_end or period)[:10])
        if end == start:
            return f"semana del {_day(start)}"
        if (start.year, start.month) == (end.year, end.month):
            return f"semana del {start.day} al {_day(end)}"
        return f"semana del {_day(start, start.year != end.year)} al {_day(end)}"
    return _day(start)


def rule_text(rule: str, threshold: float | None, direction: str, unit: str) -> str:
    u = SHORT_UNITS.get(unit, "/kg")
    if rule == "above":
        return f"avisar cuando el precio llegue a {cop(threshold or 0)}{u} o más"
    if rule == "below":
        return f"avisar cuando el precio baje a {cop(threshold or 0)}{u} o menos"
    if rule == "change":
        way = {"up": "una subida", "down": "una bajada", "any": "un cambio"}[direction or "any"]
        return f"avisar ante {way} de al menos {f'{threshold or 0:g}'.replace('.', ',')} % frente al periodo anterior"
    return "avisar cada vez que DANE publique datos nuevos"


def subscription_text(sub: Subscription, product: str, unit: str, market: str | None) -> str:
    """One line describing a subscription (for /alertas and confirmations)."""
    where = f" en {market}" if market else " (todos los mercados)"
    state = " — ⏸ en pausa" if sub.paused else (" — inactiva (el chat bloqueó al bot)" if not sub.active else "")
    return f"{product}{where}, {DATASET_LABELS.get(sub.dataset, sub.dataset)}: " \
           f"{rule_text(sub.rule, sub.threshold, sub.direction, unit)}{state}"


def forecast_query(product: str, market: str | None) -> str:
    return f"{product} en {market}" if market else product


def alert_text(p: dict[str, Any]) -> str:
    """The HTML message of a price alert (from its payload): value, date, market, unit, the rule that fired,
    the previous period and change, the forecast command for the same series, the source."""
    e = html.escape
    unit, dataset = p["unit"], p["dataset"]
    u = SHORT_UNITS.get(unit, "/kg")
    period, period_end, value = p["latest"]
    lines = [f"🔔 <b>Alerta de precio: {e(p['product'])}</b>",
             f"{e(p['market'])}: <b>{cop(value)}{u}</b> ({DATASET_LABELS[dataset]}, "
             f"{period_text(dataset, period, period_end)}).",
             f"Regla: {e(rule_text(p['rule'], p['threshold'], p['direction'], unit))}."]
    if p.get("previous") and p.get("pct") is not None:
        before, before_end, before_value = p["previous"]
        lines.append(f"Periodo anterior: {cop(before_value)}{u} ({period_text(dataset, before, before_end)}); "
                     f"cambio {pct_text(p['pct'])}.")
    lines.append(f"Unidad: {UNITS.get(unit, 'COP/kg')}.")
    lines.append(f"¿Qué viene? /pronostico {e(forecast_query(p['product'], p['market']))}")
    if p.get("demo"):
        lines.append(DEMO_NOTE)
    lines.append(SOURCE)
    return "\n".join(lines)


def digest_text(p: dict[str, Any]) -> str:
    """New data published for a product: its price in each market (cheapest first), with change vs previous."""
    e = html.escape
    unit, dataset = p["unit"], p["dataset"]
    u = SHORT_UNITS.get(unit, "/kg")
    period, period_end = p["period"]
    lines = [f"📰 <b>Datos nuevos de SIPSA: {e(p['product'])}</b>",
             f"{DATASET_LABELS[dataset].capitalize()}, {period_text(dataset, period, period_end)}:"]
    shown = sorted(p["rows"], key=lambda r: r[1])
    for name, value, pct in shown[:12]:
        change = f" ({pct_text(pct)})" if pct is not None else ""
        lines.append(f"• {e(name)}: {cop(value)}{u}{change}")
    if len(shown) > 12:
        lines.append(f"… y {len(shown) - 12} mercados más.")
    lines.append(f"Unidad: {UNITS.get(unit, 'COP/kg')}. Cambio frente al periodo anterior entre paréntesis.")
    market = shown[0][0] if len(shown) == 1 else None
    lines.append(f"¿Qué viene? /pronostico {e(forecast_query(p['product'], market))}")
    if p.get("demo"):
        lines.append(DEMO_NOTE)
    lines.append(SOURCE)
    return "\n".join(lines)


def render(payload: str) -> str:
    """An outbox payload (JSON written at evaluation) -> the HTML message. Evaluation stores only the facts, so
    queuing 100,000 alerts stays cheap; text is built when a message is actually sent (at most 30/s)."""
    p = json.loads(payload)
    if p["kind"] == "digest1":  # a digest for one market
        p = {**p, "period": p["latest"][:2], "rows": [[p["market"], p["latest"][2], p["pct"]]]}
    return digest_text(p) if p["kind"] in ("digest", "digest1") else alert_text(p)
