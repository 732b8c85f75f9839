"""Analytical questions (intent STAT): resolve the market, then models.answers.analytics computes the statistic."""

from __future__ import annotations

import dataclasses

from data import queries as q
from models.answer import Answer
from models.answers import analytics
from models.answers.context import Ctx, no_data, slots_of, the_product
from models.answers.places import market_for
from models.answers.prices import trade_unit
from models.answers.problems import ask_market
from models.query import Query
from models.slots import PRODUCT_STATS, Intent, Stat


def stat(req: Query, ctx: Ctx) -> Answer:
    """An analytical question: the Query carries ids and the period; models.answers.analytics computes it."""
    stat = req.stat
    assert stat is not None
    product = the_product(req) if stat in PRODUCT_STATS else None
    market: q.Market | None = None
    note = ""
    if product is not None and stat is not Stat.COUNT_MARKETS:
        market, note = market_for(req, ctx, product)
        if market is None:
            return no_data(req, ctx, product, None)
    elif product is None:
        if not req.markets:
            return ask_market(req, ctx.vocab)
        mm = req.markets[0]
        market = (ctx.vocab.main_market(mm.city) if mm.city else None) or mm.market
    # a year-over-year or seasonal answer is about the newest data: the period words ("hace un año") were the
    # comparison itself, not a window to cut the series to
    period = None if stat in NEWEST_STATS else req.period
    result = analytics.answer(dataclasses.replace(req, period=period), product, market, ctx.conn,
                              ctx.vocab.products, ctx.vocab.latest)
    if result.missing:
        if product is not None:
            return no_data(req, ctx, product, market, period)
        return ctx.finish(Answer(intent=Intent.STAT, text=f"No hay precios en {market.name if market else ''}"
                                 " para ese periodo en el espejo."), None)
    lines, values = list(result.lines), list(result.values)
    main = values[0] if values else None
    if product is not None and main is not None and main.kind in {"max", "min", "mean", "median", "price"}:
        trade_unit(req, product, market, main, lines, values)
    if note:
        lines.append(note)
    slots = slots_of(ctx, req, product, market, period.start.isoformat() if period else None,
                        period.end.isoformat() if period else None, period.kind if period else None)
    slots.update({"stat": stat.value, "group": req.group})
    return ctx.finish(Answer(intent=Intent.STAT, text="\n".join(lines), values=values, slots=slots),
                      result.data_date)


NEWEST_STATS = frozenset({Stat.YOY, Stat.SEASON_LOW, Stat.SEASON_HIGH, Stat.SEASON_POSITION})
