"""Which market answers a question: the one named, a city's main wholesale market (or the city market that has
the product), and when none is named the first main market that priced the product in its newest week. One
policy, used by every answer."""

from __future__ import annotations

from data import queries as q
from models.answers.context import Ctx, fold
from models.dates import Period
from models.query import Query
from models.understanding.names import MAIN_MARKETS


def default_market(product_id: int, ctx: Ctx) -> q.Market | None:
    """The market used when the user names none: the first main market (Corabastos first) that priced the
    product in its newest week, else the busiest market that did."""
    week = ctx.vocab.product_week(ctx.conn, product_id)
    if week is None:
        return None
    rows = q.across_markets(ctx.conn, product_id, week)
    priced = {w.market_id for w in rows}
    for name in MAIN_MARKETS.values():
        m = ctx.vocab.market_by_key.get(fold(name))
        if m is not None and m.id in priced:
            return m
    if not rows:
        return None
    best = max(rows, key=lambda w: (ctx.vocab.market_rows.get(w.market_id, 0), -w.market_id))
    return ctx.vocab.markets[best.market_id]


def market_for(req: Query, ctx: Ctx, product: q.Product) -> tuple[q.Market | None, str]:
    """The market to answer for and a note saying how it was chosen."""
    if req.markets:
        mm = req.markets[0]
        if mm.city is None:
            return mm.market, ""
        chosen = city_market(mm.city, product.id, ctx, req.period) or mm.market
        city = ctx.vocab.markets[chosen.id].city
        main = ctx.vocab.main_market(mm.city)
        if main is None or main.id == chosen.id:
            return chosen, f"Para {city} usé {chosen.name}, su mercado mayorista principal."
        return chosen, (f"Para {city} usé {chosen.name}: el mercado principal ({main.name}) no tiene precios de "
                        "este producto en ese periodo.")
    market = default_market(product.id, ctx)
    if market is None:
        return None, ""
    return market, f"No indicaste mercado: uso {market.name}."


def city_market(city: str, product_id: int, ctx: Ctx, period: Period | None = None) -> q.Market | None:
    """The market that stands for a city: its main market if that has the product (in the period asked
    about, or ever); else the city market with the newest price of the product (in the period)."""
    main = ctx.vocab.main_market(city)
    last_day = period.end.isoformat() if period is not None else None
    first_day = period.start.isoformat() if period is not None else ""

    def newest(m: q.Market) -> str | None:
        found = q.latest_price(ctx.conn, product_id, m.id, last_day)
        if found is None or (found.week_start < first_day and found.week_end < first_day):
            return None
        return found.week_start

    if main is not None and newest(main) is not None:
        return main
    best: tuple[str, q.Market] | None = None
    for m in sorted(ctx.vocab.cities.get(city, []), key=lambda m: m.key):
        week = newest(m)
        if week is not None and (best is None or week > best[0]):
            best = (week, m)
    return best[1] if best else main
