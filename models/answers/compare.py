"""One product across markets: the markets named, a city's markets or all of them, and the cheapest or dearest."""

from __future__ import annotations

from data import queries as q
from models import render as r
from models.answer import Answer, Chart, Choice
from models.answers.context import Ctx, figure, no_data, slots_of, the_product
from models.answers.places import city_market
from models.dates import describe, fmt_date
from models.query import Query
from models.slots import Intent


def _week_asked(req: Query, ctx: Ctx, product: q.Product) -> str | Answer | None:
    """The week markets are set side by side in: the newest, or the one holding the day or week asked. A month, a
    year or a range has no one week: the user picks (its last week, or the newest) rather than getting another
    week's figures under their period."""
    if req.period is None:
        return ctx.vocab.product_week(ctx.conn, product.id)
    last = q.product_latest_week(ctx.conn, product.id, req.period.end.isoformat())
    if req.period.kind in {"day", "week"} or last is None:
        return last
    asked = {Intent.CHEAPEST: "dónde es más barato el precio de", Intent.PRICIEST: "dónde es más caro el precio de"
             }.get(req.intent, "compara el precio de")
    places = [mm.city or mm.market.name for mm in req.markets]
    asked += f" {product.name}" + (f" en {' y '.join(places)}" if places else "")
    text = f"Comparo los mercados semana a semana, y {describe(req.period)} no es una sola semana. ¿Cuál quieres?"
    return Answer(intent=Intent.CLARIFY, text=text, clarify=[
        Choice(f"Semana del {fmt_date(last)}", f"{asked} la semana del {fmt_date(last)}"),
        Choice("El dato más reciente", asked)])


def compare(req: Query, ctx: Ctx) -> Answer:
    product = the_product(req)
    rows: list[tuple[q.Market, q.WeekPrice]] = []
    week = _week_asked(req, ctx, product)
    if isinstance(week, Answer):
        return week
    if week is None:
        return no_data(req, ctx, product, None)
    chosen: list[q.Market] = []
    missing: list[q.Market] = []
    if len(req.markets) >= 2:
        for mm in req.markets:
            m = city_market(mm.city, product.id, ctx, req.period) if mm.city else mm.market
            if m is not None and m not in chosen:
                chosen.append(m)
        for m in chosen:  # each market's newest price, or its newest up to the week asked
            found = q.latest_price(ctx.conn, product.id, m.id, week if req.period is not None else None)
            if found is not None:
                rows.append((m, found))
            else:
                missing.append(m)
    else:
        ids = None
        if req.markets and req.markets[0].city:
            ids = [m.id for m in ctx.vocab.cities.get(req.markets[0].city, [])]
        rows = [(ctx.vocab.markets[w.market_id], w) for w in q.across_markets(ctx.conn, product.id, week, ids)]
    if not rows:
        return no_data(req, ctx, product, None)
    rows.sort(key=lambda mr: (mr[1].price_mean, mr[0].id))
    when = f"semana del {fmt_date(week)}" if len(req.markets) < 2 or req.period is not None \
        else "último dato de cada mercado"
    lines = [f"{product.name}, precio medio por mercado ({when}):"]
    shown = rows if len(rows) <= 15 else rows[:7] + rows[-7:]
    for m, w in shown:
        when = "" if w.week_start == week else f" (semana del {fmt_date(w.week_start)})"
        lines.append(f"• {m.name}: {r.price(w.price_mean, product.unit)}{when}")
        if len(rows) > 15 and (m, w) == rows[6]:
            lines.append(f"• … {len(rows) - 14} mercados más …")
    lines += [f"• {m.name}: sin precios de este producto" for m in missing]
    if len(rows) >= 2:
        lo, hi = rows[0], rows[-1]
        gap = (hi[1].price_mean - lo[1].price_mean) / lo[1].price_mean * 100
        lines.append(f"El más caro ({hi[0].name}) cuesta {r.pct(gap)} más que el más barato ({lo[0].name}).")
    values = [figure("price", w.price_mean, product, m, w.week_start, w.week_end, "precio medio") for m, w in rows]
    chart = Chart(title=f"{product.name} por mercado", unit=r.value_unit(product.unit), kind="bar",
                  series={m.name: [(w.week_start, w.price_mean)] for m, w in rows[:20]})
    slots = slots_of(ctx, req, product, rows[0][0] if len(rows) == 1 else None, week, None)
    slots["markets"] = [m.name for m, _ in rows]
    return ctx.finish(Answer(intent=Intent.COMPARE, text="\n".join(lines), values=values, slots=slots,
                             chart=chart), max(w.week_start for _, w in rows))


def extreme(req: Query, ctx: Ctx) -> Answer:
    product = the_product(req)
    cheapest = req.intent is Intent.CHEAPEST
    week = _week_asked(req, ctx, product)
    if isinstance(week, Answer):
        return week
    if week is None:
        return no_data(req, ctx, product, None)
    ids = None
    where = ""
    if req.markets and req.markets[0].city:
        ids = [m.id for m in ctx.vocab.cities.get(req.markets[0].city, [])]
        where = f" en {ctx.vocab.markets[ids[0]].city}" if ids else ""
    rows = q.across_markets(ctx.conn, product.id, week, ids)
    if not rows:
        return no_data(req, ctx, product, None)
    ordered = rows if cheapest else list(reversed(rows))
    top = ordered[0]
    market = ctx.vocab.markets[top.market_id]
    word = "más barato" if cheapest else "más caro"
    lines = [f"{product.name}: el mercado {word}{where} en la {r.week(top.week_start, top.week_end)} fue "
             f"{market.name}, con {r.price(top.price_mean, product.unit)} (precio medio; {len(rows)} mercados "
             "con datos)."]
    if len(ordered) > 1:
        lines.append("Le siguen: " + "; ".join(
            f"{ctx.vocab.markets[w.market_id].name} {r.price(w.price_mean, product.unit)}" for w in ordered[1:5])
            + ".")
    values = [figure("price", w.price_mean, product, ctx.vocab.markets[w.market_id], w.week_start, w.week_end,
                     word if i == 0 else "") for i, w in enumerate(ordered[:5])]
    return ctx.finish(Answer(intent=req.intent, text="\n".join(lines), values=values,
                             slots=slots_of(ctx, req, product, market, week, top.week_end)), week)
