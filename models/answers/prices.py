"""Price answers: the newest price (weekly, or daily when newer), the price at a date or over a period, and
the price of a trade unit (libra, arroba, bulto, N kilos)."""

from __future__ import annotations

import re

from data import queries as q
from models import render as r
from models.answer import Answer, Value
from models.answers.context import Ctx, figure, month_words, no_data, slots_of, the_product
from models.answers.places import market_for
from models.dates import describe, fmt_date
from models.lang import normalise
from models.query import Query
from models.slots import Intent
from models.understanding.stats import unit_kg


def price(req: Query, ctx: Ctx) -> Answer:
    product = the_product(req)
    market, note = market_for(req, ctx, product)
    if market is None:
        return no_data(req, ctx, product, None)
    row = q.latest_price(ctx.conn, product.id, market.id)
    daily = q.latest_day_price(ctx.conn, product.id, market.id)
    city_daily = None
    if daily is None and req.markets and req.markets[0].city:
        city_row = ctx.vocab.city_rows.get(req.markets[0].city)
        if city_row is not None:
            city_daily = q.latest_day_price(ctx.conn, product.id, city_row.id, city=True)
    newest_daily = daily or city_daily
    if newest_daily is not None and (row is None or newest_daily.day > row.week_end):
        return price_daily(req, ctx, product, market, newest_daily, row, note)
    if row is None:
        return no_data(req, ctx, product, market)
    lines = [f"{product.name} en {market.name}: {r.price(row.price_mean, product.unit)} (precio medio, "
             f"{r.week(row.week_start, row.week_end)})."]
    if row.price_min is not None and row.price_max is not None:
        lines.append(f"Mínimo {r.price(row.price_min, product.unit)} · "
                     f"máximo {r.price(row.price_max, product.unit)}.")
    values = [figure("price", row.price_mean, product, market, row.week_start, row.week_end, "precio medio")]
    trade_unit(req, product, market, row, lines, values)
    if ctx.vocab.latest and row.week_start < ctx.vocab.latest:
        lines.append(f"Es el dato más reciente de este producto en ese mercado; el espejo llega hasta la "
                     f"semana del {fmt_date(ctx.vocab.latest)}.")
    if note:
        lines.append(note)
    if not req.markets:
        spread = q.across_markets(ctx.conn, product.id, row.week_start)
        if len(spread) >= 2:
            lo, hi = spread[0], spread[-1]
            lines.append(f"Esa semana, en {len(spread)} mercados: desde {r.price(lo.price_mean, product.unit)} "
                         f"({ctx.vocab.markets[lo.market_id].name}) hasta {r.price(hi.price_mean, product.unit)} "
                         f"({ctx.vocab.markets[hi.market_id].name}).")
    return ctx.finish(Answer(intent=Intent.PRICE, text="\n".join(lines), values=values,
                             slots=slots_of(ctx, req, product, market, row.week_start, row.week_end)),
                      row.week_start)


def price_daily(req: Query, ctx: Ctx, product: q.Product, market: q.Market, daily: q.DayPrice,
                 weekly: q.WeekPrice | None, note: str) -> Answer:
    """The newest price is a daily one (SIPSA's daily market or city series)."""
    where = ctx.vocab.markets[daily.market_id].name
    lines = [f"{product.name} en {where}: {r.price(daily.price_mean, product.unit)} (precio medio del día "
             f"{fmt_date(daily.day)}, serie diaria de SIPSA)."]
    if daily.price_min is not None and daily.price_max is not None:
        lines.append(f"Mínimo {r.price(daily.price_min, product.unit)} · "
                     f"máximo {r.price(daily.price_max, product.unit)}.")
    values = [figure("price", daily.price_mean, product, ctx.vocab.markets[daily.market_id], daily.day, None,
                     "precio diario")]
    if weekly is not None:
        lines.append(f"Precio semanal en {market.name}, {r.week(weekly.week_start, weekly.week_end)}: "
                     f"{r.price(weekly.price_mean, product.unit)}.")
        values.append(figure("price", weekly.price_mean, product, market, weekly.week_start, weekly.week_end,
                             "precio semanal"))
    if note:
        lines.append(note)
    return ctx.finish(Answer(intent=Intent.PRICE, text="\n".join(lines), values=values,
                             slots=slots_of(ctx, req, product, market, daily.day, daily.day)), daily.day)


def price_at(req: Query, ctx: Ctx) -> Answer:
    product = the_product(req)
    period = req.period
    assert period is not None
    market, note = market_for(req, ctx, product)
    if market is None:
        return no_data(req, ctx, product, None)
    start, end = period.start.isoformat(), period.end.isoformat()
    slots = slots_of(ctx, req, product, market, start, end, period.kind)
    if period.kind in {"day", "week"}:
        if period.kind == "day":
            row = q.price_on(ctx.conn, product.id, market.id, start)
        else:
            weeks = q.history(ctx.conn, product.id, market.id, start, end)
            row = weeks[0] if weeks else None
        if row is None:
            return no_data(req, ctx, product, market, period)
        lines = [f"{product.name} en {market.name}, {r.week(row.week_start, row.week_end)}: "
                 f"{r.price(row.price_mean, product.unit)} (precio medio)."]
        if row.price_min is not None and row.price_max is not None:
            lines.append(f"Mínimo {r.price(row.price_min, product.unit)} · máximo "
                         f"{r.price(row.price_max, product.unit)}.")
        if note:
            lines.append(note)
        values = [figure("price", row.price_mean, product, market, row.week_start, row.week_end, "precio medio")]
        trade_unit(req, product, market, row, lines, values)
        return ctx.finish(Answer(intent=Intent.PRICE_AT, text="\n".join(lines), values=values, slots=slots),
                          row.week_start)
    agg = q.period_price(ctx.conn, product.id, market.id, start, end)
    if agg is None:
        monthly = q.monthly_period_price(ctx.conn, product.id, market.id, start, end)
        if monthly is None:
            return no_data(req, ctx, product, market, period)
        lines = [f"{product.name} en {market.name}, {describe(period)}: {r.price(monthly.mean, product.unit)} "
                 f"en promedio (precios mensuales de SIPSA: {monthly.weeks} mes{'es' if monthly.weeks != 1 else ''}"
                 f", de {month_words(monthly.first_week)} a {month_words(monthly.last_week)}; no hay precios "
                 "semanales de ese periodo)."]
        if note:
            lines.append(note)
        values = [figure("price", monthly.mean, product, market, start, end, "promedio mensual")]
        return ctx.finish(Answer(intent=Intent.PRICE_AT, text="\n".join(lines), values=values,
                                 slots=slots), monthly.last_week)
    lines = [f"{product.name} en {market.name}, {describe(period)}: {r.price(agg.mean, product.unit)} "
             f"en promedio ({agg.weeks} semana{'s' if agg.weeks != 1 else ''} con datos, "
             f"de la del {fmt_date(agg.first_week)} a la del {fmt_date(agg.last_week)})."]
    if agg.weeks > 1:
        lines.append(f"Precio medio semanal entre {r.price(agg.low, product.unit)} y "
                     f"{r.price(agg.high, product.unit)}.")
    if note:
        lines.append(note)
    values = [figure("price", agg.mean, product, market, start, end, "promedio del periodo")]
    return ctx.finish(Answer(intent=Intent.PRICE_AT, text="\n".join(lines), values=values, slots=slots),
                      agg.last_week)


def trade_unit(req: Query, product: q.Product, market: q.Market | None, row: q.WeekPrice | Value,
                lines: list[str], values: list[Value]) -> None:
    """The price of the trade unit the question named (libra, arroba, bulto, N kilos), from the per-kg price;
    SIPSA's per-unit and per-litre products are never converted to weights."""
    unit = req.unit
    words_unit = re.search(r"\b(canastas?|canastillas?|cajas?|docenas?|toneladas?|cargas?|bultos?|arrobas?"
                           r"|libras?)\b", normalise(req.text))
    if unit is None and words_unit is None:
        return
    if product.unit != "kg":
        asked = unit.name if unit else words_unit.group(1) if words_unit else "kilo"
        lines.append(f"SIPSA publica {product.name} por {product.unit}, no por peso: no lo convierto a {asked}.")
        return
    if unit is None:
        assert words_unit is not None
        lines.append(f"SIPSA publica el precio por kilogramo, no por {words_unit.group(1).rstrip('s')}; "
                     "dime cuántos kilos y te hago la cuenta.")
        return
    kg = unit_kg(unit, product.key)
    if kg is None:
        lines.append(f"SIPSA publica el precio por kilogramo. El peso de un {unit.name} de {product.name} no es "
                     "estándar: dime cuántos kilos trae y te hago la cuenta (por ejemplo, «25 kilos de "
                     f"{product.name.lower()}»).")
        return
    price = row.price_mean if isinstance(row, q.WeekPrice) else row.value
    start = row.week_start if isinstance(row, q.WeekPrice) else row.date
    end = row.week_end if isinstance(row, q.WeekPrice) else row.date_end
    what = unit.label if unit.name != "kilos" else f"{unit.label} de {product.name}"
    lines.append(f"Por {what}: {r.pesos(price * kg)} ({r.kg(kg)} × {r.price(price, 'kg')}). Es una cuenta sobre "
                 "el precio mayorista por kilo; en la plaza el empaque y la calidad cambian el precio.")
    values.append(Value("trade_price", round(price * kg, 2), f"COP/{unit.name}", start, end, product.name,
                        market.name if market else None, unit.label))
