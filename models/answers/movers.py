"""Biggest rises and falls between two periods, in a market or nationally, optionally within a food group."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from data import queries as q
from models import render as r
from models.answer import Answer, Value
from models.answers import analytics
from models.answers.context import Ctx
from models.dates import Period, describe, fmt_date, unit_end, unit_start
from models.lang import normalise
from models.query import Query
from models.slots import Intent


def movers(req: Query, ctx: Ctx) -> Answer:
    """Biggest rises and falls between two periods (newest week vs the one before by default), in a market or
    nationally, optionally within a food group."""
    latest = ctx.vocab.latest
    if latest is None:
        return ctx.finish(Answer(intent=Intent.MOVERS, text="El espejo aún no tiene precios semanales."),
                          None)
    period = req.period
    if period is not None and period.start.isoformat() > latest:
        ctx.notes.append(f"Aún no hay datos de {describe(period)}: uso la semana más reciente.")
        period = None
    sides = mover_periods(period, latest, lambda day: q.previous_week(ctx.conn, day))
    if sides is None:
        return ctx.finish(Answer(intent=Intent.MOVERS, text="Solo hay una semana de datos: no puedo "
                                 "calcular variaciones."), latest)
    (before, after), label = sides
    market = None
    if req.markets and not req.all_markets:  # "a nivel nacional" wins over a market word said in passing
        mm = req.markets[0]
        market = (ctx.vocab.main_market(mm.city) if mm.city else None) or mm.market
    market_id = market.id if market else None
    moves = ctx.vocab.memo(("movers", before, after, market_id, req.group),
                           lambda: analytics.movers(ctx.conn, before, after, market_id=market_id, group=req.group))
    what = f" de {req.group.lower()}" if req.group else ""
    where = f"en {market.name}" if market else "a nivel nacional (promedio de los mercados con precio en ambos " \
                                              "periodos)"
    if not moves:
        return ctx.finish(Answer(intent=Intent.MOVERS, text=f"No hay precios{what} en los dos periodos "
                                 f"{where}."), after[0])
    ups = [m for m in moves if m.change_pct > 0][:5]
    downs = [m for m in reversed(moves) if m.change_pct < 0][:5]
    lines = [f"Mayores cambios{what} {where}, {label}:"]

    def line(m: analytics.Move) -> str:
        p = ctx.vocab.products[m.product_id]
        return f"• {p.name}: {r.pct(m.change_pct)} ({r.price(m.before, p.unit)} → {r.price(m.after, p.unit)})"

    falls_first = bool(re.search(r"\b(baj|cay|caid|descen|abarat|barat)\w*", normalise(req.text)))
    sections = [("Bajaron:", downs), ("Subieron:", ups)] if falls_first else [("Subieron:", ups), ("Bajaron:", downs)]
    for title, rows in sections:  # what was asked first ("¿qué bajó más?" leads with the falls)
        if rows:
            lines += [title] + [line(m) for m in rows]
    ordered = downs + ups if falls_first else ups + downs
    values = [Value("change_pct", round(m.change_pct, 2), "%", after[0], after[1],
                    ctx.vocab.products[m.product_id].name, market.name if market else None,
                    "sube" if m.change_pct > 0 else "baja") for m in ordered]
    slots: dict[str, Any] = {"market": market.name if market else None, "start": before[0], "end": after[1],
                             "group": req.group}
    return ctx.finish(Answer(intent=Intent.MOVERS, text="\n".join(lines), values=values, slots=slots),
                      after[0])


def mover_periods(period: Period | None, latest: str, previous_week: Callable[[str], str | None]
                   ) -> tuple[tuple[tuple[str, str], tuple[str, str]], str] | None:
    """The two sides of a movers question and how to say them: a month against the month before, a year against
    the year before, a range against the range of the same length just before it; otherwise a week (the newest,
    or the one asked) against the previous week with data."""
    if period is not None and period.kind == "range" and period.grain:
        # "octubre frente a septiembre", "el tercer trimestre frente al segundo": the first unit against the last
        first_end = unit_end(period.start, period.grain)
        last_start = unit_start(period.end, period.grain)
        before_side = (period.start.isoformat(), first_end.isoformat())
        after_side = (last_start.isoformat(), period.end.isoformat())
        label = (f"{describe(Period(last_start, period.end, period.grain))} frente a "
                 f"{describe(Period(period.start, first_end, period.grain))}")
        return (before_side, after_side), label
    if period is not None and period.kind == "range":
        # "entre el 27 de septiembre y el 25 de octubre", "de hace un mes a la semana pasada": the week holding
        # each end (a range is two points, not a stretch set against the one before it)
        older = previous_week((period.start + dt.timedelta(days=1)).isoformat())
        newer = previous_week((period.end + dt.timedelta(days=1)).isoformat())
        if older is None or newer is None or older >= newer:
            return None
        return ((older, older), (newer, newer)), f"semana del {fmt_date(newer)} frente a la del {fmt_date(older)}"
    if period is not None and period.kind in {"month", "quarter", "semester", "year", "window"}:
        if period.kind == "year":
            before = (period.start.replace(year=period.start.year - 1), period.end.replace(year=period.end.year - 1))
        elif period.kind in {"month", "quarter", "semester"}:
            months = (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
            first = period.start
            for _ in range(months):
                first = (first - dt.timedelta(days=1)).replace(day=1)
            before = (first, period.start - dt.timedelta(days=1))
        else:
            length = period.end - period.start
            before = (period.start - length - dt.timedelta(days=1), period.start - dt.timedelta(days=1))
        after = (period.start.isoformat(), period.end.isoformat())
        label = f"{describe(period)} frente a {describe(Period(before[0], before[1], period.kind))}"
        return ((before[0].isoformat(), before[1].isoformat()), after), label
    week = latest
    if period is not None:
        week = (previous_week((period.end + dt.timedelta(days=1)).isoformat()) or latest)
    prev = previous_week(week)
    if prev is None:
        return None
    return ((prev, prev), (week, week)), f"semana del {fmt_date(week)} frente a la del {fmt_date(prev)}"
