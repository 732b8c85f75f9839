"""Creating a subscription: checks, the series it follows, and the confirmation text."""

from __future__ import annotations

import html
import sqlite3
from dataclasses import dataclass

from data import alerts_store as store
from data.alerts_store import Obs, Subscription
from models.alerts.messages import SHORT_UNITS, cop, period_text, subscription_text
from models.alerts.rules import condition_met
from models.render import SOURCE

MAX_PER_CHAT = 50


# ---------------------------------------------------------------- creating a subscription


class AlertRequestError(ValueError):
    """A request that cannot become a subscription; the message is Spanish and safe to show."""


@dataclass(frozen=True)
class Created:
    subscription: Subscription
    text: str  # HTML confirmation


def pick_dataset(conn: sqlite3.Connection, product_id: int, market_id: int) -> tuple[str, list[Obs]] | None:
    """The most frequent price series that exists for product x market (daily, then weekly, then monthly)."""
    found = store.market_name(conn, market_id)
    order = ("daily-city",) if found and found[1] == "city" else ("daily", "weekly", "monthly")
    for dataset in order:
        tail = store.series_tail(conn, dataset, product_id, market_id)
        if tail:
            return dataset, tail
    return None


def create(conn: sqlite3.Connection, *, chat_id: int, user_id: int | None, product_id: int, market_id: int | None,
           rule: str, threshold: float | None = None, direction: str = "") -> Created:
    """Store a new subscription. Threshold rules that already hold start disarmed (they fire on the next crossing,
    not on data the user has already seen); the confirmation says where the price stands now."""
    if store.count_subscriptions(conn, chat_id) >= MAX_PER_CHAT:
        raise AlertRequestError(f"Este chat ya tiene {MAX_PER_CHAT} alertas, el máximo. Borra alguna con /alertas.")
    product = store.product_name(conn, product_id)
    if product is None:
        raise AlertRequestError("No conozco ese producto.")
    name, unit = product
    u = SHORT_UNITS.get(unit, "/kg")
    market: str | None = None
    now_line = ""
    armed = True
    last_period = ""
    dataset = "weekly"
    if market_id is not None:
        m = store.market_name(conn, market_id)
        if m is None:
            raise AlertRequestError("No conozco ese mercado.")
        market = m[0]
        picked = pick_dataset(conn, product_id, market_id)
        if picked is None:
            raise AlertRequestError(f"No tengo precios de {name} en {market}; elige otro mercado.")
        dataset, tail = picked
        latest = tail[0]
        last_period = latest.period
        when = period_text(dataset, latest.period, latest.period_end)
        now_line = f"Último dato: {cop(latest.value)}{u} ({when})."
        if condition_met(rule, threshold, latest.value):
            armed = False
            now_line += " Ya cumple la condición: te avisaré cuando vuelva a cruzar el umbral."
    else:
        if rule != "digest":
            raise AlertRequestError("Para una alerta de precio dime el mercado o la ciudad.")
        best = None
        for ds in ("daily", "weekly", "monthly"):
            newest = store.newest_period(conn, ds)
            has = newest is not None and store.latest_observations(conn, ds, newest, [product_id])
            if has:
                best = ds
                last_period = str(newest)
                break
        if best is None:
            raise AlertRequestError(f"No tengo precios de {name} todavía.")
        dataset = best
    try:
        sub = store.add_subscription(conn, chat_id=chat_id, user_id=user_id, product_id=product_id,
                                     market_id=market_id, rule=rule, dataset=dataset, threshold=threshold,
                                     direction=direction, armed=armed, last_period=last_period)
    except store.AlertError as exc:
        raise AlertRequestError(str(exc).capitalize() + ".") from None
    e = html.escape
    text = "\n".join(filter(None, [
        "✅ <b>Alerta creada</b>",
        e(subscription_text(sub, name, unit, market)) + ".",
        e(now_line),
        "Revisa, pausa o borra tus alertas con /alertas.",
        SOURCE,
    ]))
    return Created(sub, text)
