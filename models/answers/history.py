"""How a price moved: over a window or since a date (first and last week, the change, the low and high weeks and
the mean), or between two named months, quarters or years (their means, and point to point)."""

from __future__ import annotations

import datetime as dt
import statistics

from data import queries as q
from models import render as r
from models.answer import Answer, Chart, Value
from models.answers.context import Ctx, figure, no_data, slots_of, the_product
from models.answers.places import market_for
from models.dates import Period, describe, fmt_date, unit_end, unit_start
from models.query import Query
from models.slots import Intent

DEFAULT_HISTORY_WEEKS = 12  # the window of a trend question that names no period


START_LOOKBACK_DAYS = 28


def history(req: Query, ctx: Ctx) -> Answer:
    product = the_product(req)
    market, note = market_for(req, ctx, product)
    if market is None:
        return no_data(req, ctx, product, None)
    period = req.period
    if period is None or period.kind not in {"window", "range", "since", "month", "quarter", "semester", "year"}:
        last = q.latest_price(ctx.conn, product.id, market.id)
        if last is None:
            return no_data(req, ctx, product, market)
        end_day = dt.date.fromisoformat(last.week_start)
        period = Period(end_day - dt.timedelta(weeks=DEFAULT_HISTORY_WEEKS - 1), end_day + dt.timedelta(days=6),
                        "window", f"las últimas {DEFAULT_HISTORY_WEEKS} semanas")
    start, end = period.start.isoformat(), period.end.isoformat()
    rows = q.history(ctx.conn, product.id, market.id, start, end)
    slots = slots_of(ctx, req, product, market, start, end, period.kind)
    if not rows:
        return no_data(req, ctx, product, market, period)
    if period.grain:
        return change_of_means(req, ctx, product, market, period, rows, note)
    first, last = rows[0], rows[-1]
    if period.kind in {"range", "since"} and first.week_start > start:
        # the week holding the first day has no price: the closest earlier week with one, at most
        # START_LOOKBACK_DAYS back (a change "from the 2nd of August" starts at the price in force then)
        before = q.latest_price(ctx.conn, product.id, market.id, on_or_before=start)
        if before is not None and (period.start - dt.date.fromisoformat(before.week_start)).days <= START_LOOKBACK_DAYS:
            first = before
            rows = [before, *rows]
    change = (last.price_mean - first.price_mean) / first.price_mean * 100.0
    lo = min(rows, key=lambda w: (w.price_mean, w.week_start))
    hi = max(rows, key=lambda w: (w.price_mean, w.week_start))
    verb = "subió" if change > 0.05 else "bajó" if change < -0.05 else "se mantuvo"
    lines = [f"{product.name} en {market.name}, {describe(period)} ({len(rows)} semanas con datos):",
             f"{verb} {r.pct(change)}: de {r.price(first.price_mean, product.unit)} (semana del "
             f"{fmt_date(first.week_start)}) a {r.price(last.price_mean, product.unit)} (semana del "
             f"{fmt_date(last.week_start)}).",
             f"Mínimo {r.price(lo.price_mean, product.unit)} (semana del {fmt_date(lo.week_start)}) · máximo "
             f"{r.price(hi.price_mean, product.unit)} (semana del {fmt_date(hi.week_start)})."]
    if note:
        lines.append(note)
    unit = r.value_unit(product.unit)
    values = [
        figure("price", first.price_mean, product, market, first.week_start, first.week_end, "inicio"),
        figure("price", last.price_mean, product, market, last.week_start, last.week_end, "final"),
        Value("change_pct", round(change, 2), "%", first.week_start, last.week_end, product.name, market.name,
              "variación"),
        figure("mean", statistics.fmean(w.price_mean for w in rows), product, market, first.week_start,
               last.week_end, "promedio del periodo"),
    ]
    lines.append(f"Promedio del periodo: {r.price(values[-1].value, product.unit)}.")
    chart = Chart(title=f"{product.name} – {market.name}", unit=unit,
                  series={market.name: [(w.week_start, w.price_mean) for w in rows]})
    return ctx.finish(Answer(intent=Intent.HISTORY, text="\n".join(lines), values=values, slots=slots,
                             chart=chart), last.week_start)


def change_of_means(req: Query, ctx: Ctx, product: q.Product, market: q.Market, period: Period,
                     rows: list[q.WeekPrice], note: str) -> Answer:
    """"Entre junio y septiembre", "de 2023 a 2024": the first month (or year) against the last, each by the
    mean of its weekly prices, as the labelling contract says."""
    unit_of = period.grain
    first_end = unit_end(period.start, unit_of)
    last_start = unit_start(period.end, unit_of)
    a = [w for w in rows if w.week_start <= first_end.isoformat()]
    b = [w for w in rows if w.week_start >= last_start.isoformat()]
    slots = slots_of(ctx, req, product, market, period.start.isoformat(), period.end.isoformat(), period.kind)
    if not a or not b:
        return no_data(req, ctx, product, market, period)
    mean_a = statistics.fmean(w.price_mean for w in a)
    mean_b = statistics.fmean(w.price_mean for w in b)
    change = (mean_b / mean_a - 1) * 100
    name_a = describe(Period(period.start, first_end, unit_of))
    name_b = describe(Period(last_start, period.end, unit_of))
    verb = "subió" if change > 0.05 else "bajó" if change < -0.05 else "se mantuvo"
    lines = [f"{product.name} en {market.name}: {verb} {r.pct(change)} entre {name_a} y {name_b}.",
             f"Promedio de {name_a}: {r.price(mean_a, product.unit)} ({len(a)} semanas con datos) · promedio de "
             f"{name_b}: {r.price(mean_b, product.unit)} ({len(b)} semanas con datos)."]
    first, last = rows[0], rows[-1]
    ends = (last.price_mean / first.price_mean - 1) * 100  # point to point: what a trader's ledger shows
    lines.append(f"De punta a punta: {r.price(first.price_mean, product.unit)} en la semana del "
                 f"{fmt_date(first.week_start)} y {r.price(last.price_mean, product.unit)} en la del "
                 f"{fmt_date(last.week_start)} ({r.pct(ends)}).")
    if note:
        lines.append(note)
    values = [figure("price", mean_a, product, market, period.start.isoformat(), first_end.isoformat(),
                     f"promedio de {name_a}"),
              figure("price", mean_b, product, market, last_start.isoformat(), period.end.isoformat(),
                     f"promedio de {name_b}"),
              Value("change_pct", round(change, 2), "%", period.start.isoformat(), period.end.isoformat(),
                    product.name, market.name, "variación de los promedios"),
              figure("price", first.price_mean, product, market, first.week_start, first.week_end, "inicio"),
              figure("price", last.price_mean, product, market, last.week_start, last.week_end, "final"),
              Value("change_pct", round(ends, 2), "%", first.week_start, last.week_end, product.name,
                    market.name, "variación de punta a punta")]
    chart = Chart(title=f"{product.name} – {market.name}", unit=r.value_unit(product.unit),
                  series={market.name: [(w.week_start, w.price_mean) for w in rows]})
    return ctx.finish(Answer(intent=Intent.HISTORY, text="\n".join(lines), values=values, slots=slots,
                             chart=chart), rows[-1].week_start)
