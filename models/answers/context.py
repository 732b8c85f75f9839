"""What every answer shares: the context of one answer (connection, vocabulary, today, notes) and its
footer, the figure value type, the slots an answer remembers, the question behind a clarification button and
the no-data answer."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from data import queries as q
from models import render as r
from models.answer import Answer, Choice, Value
from models.dates import MONTH_NAMES, Period, describe, fmt_date
from models.query import Query
from models.resolve import Vocabulary
from models.slots import Intent


def no_data(req: Query, ctx: Ctx, product: q.Product, market: q.Market | None,
             period: Period | None = None) -> Answer:
    slots = slots_of(ctx, req, product, market, period.start.isoformat() if period else None,
                        period.end.isoformat() if period else None)
    where = f" en {market.name}" if market else ""
    when = f" para {describe(period)}" if period else ""
    lines = [f"No hay precios de {product.name}{where}{when} en el espejo."]
    choices: list[Choice] = []
    values: list[Value] = []
    if market is not None:
        before = period.end.isoformat() if period is not None else None
        last = q.latest_price(ctx.conn, product.id, market.id, before) or q.latest_price(
            ctx.conn, product.id, market.id)
        if last is not None:
            lines.append(f"El dato más cercano{where} es de la {r.week(last.week_start, last.week_end)}: "
                         f"{r.price(last.price_mean, product.unit)}.")
            values.append(figure("price", last.price_mean, product, market, last.week_start, last.week_end,
                                 "dato más cercano"))
            choices.append(Choice("Último dato", question_for(Query(Intent.PRICE, req.product), product.name,
                                                            market.name)))
        if last is None and ctx.vocab.latest:
            head = product.key.split()[0]
            mine = set(product.key.split())
            kin = sorted((ctx.vocab.products[pid] for pid in q.products_in_market(ctx.conn, market.id,
                                                                                  ctx.vocab.latest)
                          if pid != product.id and ctx.vocab.products[pid].key.split()[0] == head),
                         key=lambda p: (-len(mine & set(p.key.split())), p.key))[:4]
            if kin:
                lines.append(f"En {market.name} sí hay: " + ", ".join(p.name for p in kin) + ".")
                choices += [Choice(p.name, question_for(req, p.name, market.name)) for p in kin]
        week = ctx.vocab.product_week(ctx.conn, product.id)
        if week is not None and last is None:
            others = q.across_markets(ctx.conn, product.id, week,
                                      [m.id for m in ctx.vocab.cities.get(fold(market.city), [])])
            for w in others[:4]:
                other = ctx.vocab.markets[w.market_id]
                choices.append(Choice(other.name, question_for(req, product.name, other.name)))
            if others:
                lines.append("Sí hay en otros mercados de la misma ciudad: "
                             + ", ".join(ctx.vocab.markets[w.market_id].name for w in others[:4]) + ".")
            elif not choices:
                elsewhere = sorted(q.across_markets(ctx.conn, product.id, week),
                                   key=lambda w: (-ctx.vocab.market_rows.get(w.market_id, 0), w.market_id))[:4]
                for w in elsewhere:
                    other = ctx.vocab.markets[w.market_id]
                    choices.append(Choice(other.name, question_for(req, product.name, other.name)))
                if elsewhere:
                    lines.append(f"{product.name} sí tiene precios en otros mercados, por ejemplo: "
                                 + ", ".join(c.label for c in choices) + ".")
    answer = Answer(intent=req.intent, text="\n".join(lines), slots=slots, clarify=choices, values=values)
    return ctx.finish(answer, None)


def slots_of(ctx: Ctx, req: Query, product: q.Product | None, market: q.Market | None, start: str | None = None,
           end: str | None = None, kind: str | None = None) -> dict[str, Any]:
    city = req.markets[0].city if req.markets and req.markets[0].city else None
    if product is None and req.product.status == "ambiguous":
        product_text: str | None = None  # the clarification carries the candidates
    elif product is None and req.product.status != "none":
        product_text = req.product.product.name if req.product.product else (
            req.product.text or (" ".join(req.unknown) if req.unknown else None))
    else:
        product_text = product.name if product else None
    if city is not None:
        city = market.city if market is not None else next(
            (m.city for m in ctx.vocab.cities.get(city, [])), city)
    return {"product": product_text, "market": market.name if market else None,
            "city": city, "start": start, "end": end, "period_kind": kind,
            "unit": req.unit.label if req.unit else None}  # the label reads back ("el bulto (50 kg)")


@dataclass
class Ctx:
    conn: sqlite3.Connection
    vocab: Vocabulary
    today: dt.date
    demo: bool
    notes: list[str] = field(default_factory=list)

    def finish(self, answer: Answer, data_date: str | None) -> Answer:
        """Append the data date notes, staleness, demo mark and the source line."""
        if self.notes:
            answer.text += "\n" + "\n".join(self.notes)
        answer.data_date = data_date
        answer.demo = self.demo
        note = r.staleness(self.vocab.latest, self.today, latest_day=self.vocab.latest_day)
        answer.stale = note is not None
        answer.text = answer.text + "\n\n" + r.footer(data_date, self.today, self.vocab.latest, self.demo,
                                                       self.vocab.latest_day)
        return answer


def the_product(req: Query) -> q.Product:
    assert req.product.product is not None
    return req.product.product


def figure(kind: str, value: float, product: q.Product, market: q.Market | None, start: str, end: str | None,
           label: str) -> Value:
    return Value(kind, float(value), r.value_unit(product.unit), start, end, product.name,
                 market.name if market else None, label)


def place_name(req: Query) -> str | None:
    if not req.markets:
        return None
    mm = req.markets[0]
    return mm.market.city if mm.city else mm.market.name


def question_for(req: Query, product: str, market: str | None) -> str:
    """A full question the router answers, used as the text behind a clarification button."""
    where = f" en {market}" if market else ""
    period = ""
    if req.period is not None:
        period = f" entre el {fmt_date(req.period.start)} y el {fmt_date(req.period.end)}"
    intent = req.intent
    if intent is Intent.HISTORY:
        return f"historial de {product}{where}{period}"
    if intent is Intent.CHEAPEST:
        return f"dónde está más barato {product}{where}"
    if intent is Intent.PRICIEST:
        return f"dónde está más caro {product}{where}"
    if intent is Intent.COMPARE:
        return f"compara {product} en todos los mercados"
    if intent is Intent.FORECAST:
        return f"pronóstico de {product}{where}"
    if intent is Intent.ALERT and req.threshold is not None:
        verb = "suba de" if req.direction == "above" else "baje de"
        return f"avísame si {product}{where} {verb} {round(req.threshold)}"
    if intent is Intent.SUPPLY_ORIGIN:
        return f"de dónde viene {product}{where}"
    return f"precio de {product}{where}{period}"


def fold(text: str) -> str:
    from data.text import fold

    return fold(text)


def month_words(month: str) -> str:

    try:
        day = dt.date.fromisoformat(month[:10] if len(month) >= 10 else month[:7] + "-01")
    except ValueError:
        return month
    return f"{MONTH_NAMES[day.month]} de {day.year}"


def neg_key(key: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in key)
