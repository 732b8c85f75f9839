"""Forecast and alert requests: the router resolves them and the forecast and alert features act on them."""

from __future__ import annotations

from models import render as r
from models.answer import Answer
from models.answers.context import Ctx, slots_of, the_product
from models.answers.places import market_for
from models.query import Query
from models.slots import Intent


def forecast(req: Query, ctx: Ctx) -> Answer:
    product = the_product(req)
    market, note = market_for(req, ctx, product)
    freq = req.freq or "W"
    limits = {"W": 12, "M": 6, "D": 30}
    horizon = min(req.horizon or {"W": 4, "M": 3, "D": 7}[freq], limits[freq])
    unit = {"W": "semana", "M": "mes", "D": "día"}[freq]
    plural = {"W": "semanas", "M": "meses", "D": "días"}[freq]
    slots = slots_of(ctx, req, product, market)
    slots.update({"freq": freq, "horizon": horizon})
    where = f" en {market.name}" if market else ""
    text = (f"Pronóstico pedido: {product.name}{where}, {horizon} {unit if horizon == 1 else plural} "
            f"hacia adelante (frecuencia {'semanal' if freq == 'W' else 'mensual' if freq == 'M' else 'diaria'}).")
    if note:
        text += "\n" + note
    return Answer(intent=Intent.FORECAST, text=text, slots=slots, demo=ctx.demo)


def alert(req: Query, ctx: Ctx) -> Answer:
    product = the_product(req)
    market, note = market_for(req, ctx, product)
    slots = slots_of(ctx, req, product, market)
    rule = req.rule or ("threshold" if req.threshold is not None else "change" if req.change_pct else "new_data")
    slots.update({"rule": rule, "threshold": req.threshold, "direction": req.direction,
                  "change_pct": req.change_pct})
    where = f" en {market.name}" if market else ""
    if rule == "threshold" and req.threshold is not None:
        direction = req.direction if req.direction in {"above", "below"} else "below"
        slots["direction"] = direction
        words_ = "baje a" if direction == "below" else "suba a"
        text = f"Alerta: te aviso cuando {product.name}{where} {words_} {r.price(req.threshold, product.unit)} o " \
               f"{'menos' if direction == 'below' else 'más'}."
    elif rule == "change" and req.change_pct is not None:
        direction = req.direction if req.direction in {"up", "down", "either"} else "either"
        slots["direction"] = direction
        verb = {"up": "suba", "down": "baje", "either": "cambie"}[direction]
        text = (f"Alerta: te aviso cuando {product.name}{where} {verb} al menos "
                f"{r.pct(req.change_pct).lstrip('+')} frente al periodo anterior.")
    else:
        slots["rule"] = "new_data"
        text = f"Alerta: te aviso cuando DANE publique datos nuevos de {product.name}{where}."
    if note:
        text += "\n" + note
    return Answer(intent=Intent.ALERT, text=text, slots=slots, demo=ctx.demo)
