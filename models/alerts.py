"""Price alerts: pure rule evaluation, the Spanish alert text, quiet hours and the fan-out plan.

Pipeline after each successful refresh (handlers/jobs.py drives it):
1. `evaluate(conn)`: import runs newer than the durable cursor name the datasets that changed; only series with
   a period newer than the one last evaluated for them (alert_series) are evaluated, and only for subscriptions
   created before that period. Alerts are queued in the outbox (their facts as JSON, rendered at send time)
   under the key (subscription, observation period); the armed states, the series watermarks and the cursor
   advance in the same, single transaction. A kill during evaluation rolls it back and the next start redoes
   it; the key makes a repeated evaluation queue nothing twice. When several periods arrive at once (a bot
   that was down), only the newest counts: older periods are history, not news.
2. Fan-out (handlers/jobs.py): for each due batch, the keys are marked 'sending' (committed) BEFORE the HTTP
   request, and 'delivered' (committed) after Telegram answers.

Delivery guarantee, stated honestly. Telegram's sendMessage has no idempotency key, so no client can make a
send "exactly once" across a crash: if the process dies after Telegram accepted a message but before the
'delivered' commit, nobody can tell whether it arrived. We choose AT-LEAST-ONCE for those in-doubt keys: a
lost alert costs a trader money, a repeated one is an annoyance. At start-up, rows still 'sending' become
pending with `in_doubt` set and are resent with a visible note ("si ya recibiste esta alerta, ignórala").
Every key that is not in doubt is sent at most once (it is 'delivered' or it never left), so duplicates are
bounded by the sends in flight at the moment of the kill: at most `concurrency` messages (one per chat being
served; SIPSABOT_ALERT_CONCURRENCY, default 4; 1 gives the strict one-message window at a lower rate on slow
links), and zero when the kill does not land inside an HTTP round trip. Keys never change, so the same key is
never queued twice. tests/test_alerts_kill.py measures this against the real `sipsabot run` process.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
import sqlite3
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from data import alerts_store as store
from data.alerts_store import NewAlert, Obs, OutboxItem, Subscription

log = logging.getLogger(__name__)

SOURCE = "Fuente: DANE – SIPSA"
DEMO_NOTE = "⚠️ Datos de demostración: no son precios reales de SIPSA."
IN_DOUBT_NOTE = "♻️ Reenvío tras un reinicio del bot: si ya recibiste esta alerta, ignórala."
MAX_PER_CHAT = 50
MAX_MESSAGE = 3900  # below Telegram's 4,096 characters, leaving room for headers
MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
          "noviembre", "diciembre")
UNITS = {"kg": "COP/kg", "unidad": "COP/unidad", "litro": "COP/litro"}
SHORT_UNITS = {"kg": "/kg", "unidad": "/unidad", "litro": "/litro"}
DATASET_LABELS = {"daily": "precio diario", "daily-city": "precio diario de la ciudad", "weekly": "precio semanal",
                  "monthly": "precio mensual"}


# ---------------------------------------------------------------- pure rules


@dataclass(frozen=True)
class Decision:
    fire: bool
    armed: bool
    change_pct: float | None = None


def change_pct(latest: Obs, previous: Obs | None) -> float | None:
    if previous is None or previous.value <= 0:
        return None
    return (latest.value - previous.value) / previous.value * 100.0


def decide(rule: str, threshold: float | None, direction: str, armed: bool, latest: Obs,
           previous: Obs | None) -> Decision:
    """One subscription against the newest observation of its series.

    above/below fire once per crossing: they fire when armed and the condition holds, then stay disarmed until
    the price is back on the other side of the threshold. change compares with the previous period of the same
    series. digest fires on every new period."""
    pct = change_pct(latest, previous)
    if rule in ("above", "below"):
        assert threshold is not None
        met = latest.value >= threshold if rule == "above" else latest.value <= threshold
        return Decision(fire=armed and met, armed=not met, change_pct=pct)
    if rule == "change":
        assert threshold is not None
        if pct is None:
            return Decision(False, armed, None)
        hit = (pct >= threshold if direction == "up" else pct <= -threshold if direction == "down"
               else abs(pct) >= threshold)
        return Decision(hit, armed, pct)
    if rule == "digest":
        return Decision(True, armed, pct)
    raise ValueError(f"unknown rule {rule!r}")


def condition_met(rule: str, threshold: float | None, value: float) -> bool:
    """Whether a threshold rule already holds (at creation, such a rule starts disarmed)."""
    if rule == "above" and threshold is not None:
        return value >= threshold
    if rule == "below" and threshold is not None:
        return value <= threshold
    return False


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


# ---------------------------------------------------------------- evaluation


@dataclass
class EvalResult:
    datasets: list[str] = field(default_factory=list)
    evaluated: int = 0
    queued: int = 0
    run_id: int = 0
    seconds: float = 0.0


def _since(dataset: str, newest: str) -> str:
    """Series whose newest observation is on or after this date can hold news (a market that did not report
    this period keeps its older newest observation and is not evaluated again)."""
    days = {"daily": 7, "daily-city": 7, "weekly": 21, "monthly": 62}[dataset]
    return (dt.date.fromisoformat(newest[:10]) - dt.timedelta(days=days)).isoformat()


def evaluate(conn: sqlite3.Connection, *, force: Iterable[str] = ()) -> EvalResult:
    """Evaluate the subscriptions touched by import runs newer than the cursor, in one transaction.
    `force` adds datasets to evaluate even without a new run (used by tests and benchmarks)."""
    t0 = time.perf_counter()
    result = EvalResult()
    with store.transaction(conn):
        cursor = store.evaluated_run(conn)
        newest_run, datasets = store.runs_after(conn, cursor)
        datasets |= set(force)
        result.run_id = newest_run
        if newest_run == cursor and not datasets:
            return result
        demo = store.is_demo(conn)
        alerts: list[NewAlert] = []
        armed: list[tuple[int, int]] = []
        series: list[tuple[str, int, int, str]] = []
        for dataset in sorted(datasets):
            result.evaluated += _evaluate_dataset(conn, dataset, demo, alerts, armed, series)
            result.datasets.append(dataset)
        result.queued = store.write_evaluation(conn, alerts=alerts, armed=armed, series=series, run_id=newest_run)
    result.seconds = time.perf_counter() - t0
    log.info("alert evaluation: datasets=%s evaluated=%d queued=%d in %.2fs", result.datasets, result.evaluated,
             result.queued, result.seconds)
    return result


def _evaluate_dataset(conn: sqlite3.Connection, dataset: str, demo: bool, alerts: list[NewAlert],
                      armed: list[tuple[int, int]], evaluated: list[tuple[str, int, int, str]]) -> int:
    """Evaluate the subscriptions of the series that have a period newer than the one last evaluated."""
    newest = store.newest_period(conn, dataset)
    if newest is None:
        return 0
    subs = store.evaluable(conn, [dataset])
    if not subs:
        return 0
    seen = store.watermarks(conn, dataset)
    obs = store.latest_observations(conn, dataset, _since(dataset, newest), {s.product_id for s in subs})
    fresh = {k: v for k, v in obs.items() if v[0].period > seen.get(k, "")}
    by_product: dict[int, list[tuple[int, list[Obs]]]] = {}
    for (pid, mid), rows in obs.items():
        by_product.setdefault(pid, []).append((mid, rows))
    product_newest = {pid: max(r[0].period for _, r in rows) for pid, rows in by_product.items()}
    fresh_products = {pid: period for pid, period in product_newest.items() if period > seen.get((pid, 0), "")}
    touched = [s for s in subs if (s.market_id is None and fresh_products.get(s.product_id, "") > s.last_period)
               or (s.market_id is not None and (s.product_id, s.market_id) in fresh
                   and fresh[(s.product_id, s.market_id)][0].period > s.last_period)]
    evaluated.extend((dataset, pid, mid, rows[0].period) for (pid, mid), rows in fresh.items())
    if any(s.market_id is None for s in subs):
        evaluated.extend((dataset, pid, 0, period) for pid, period in fresh_products.items())
    if not touched:
        return 0
    names = store.names(conn, {s.product_id for s in touched}, {mid for _, mid in obs})
    shared: dict[tuple[int, int], str] = {}  # series -> JSON of its facts, shared by all its subscribers
    add = alerts.append
    for sub in touched:
        product, unit = names.products.get(sub.product_id, (f"producto {sub.product_id}", "kg"))
        if sub.market_id is None:  # product-wide digest
            period = product_newest[sub.product_id]
            payload = shared.get((sub.product_id, 0))
            if payload is None:
                at = [(mid, rows) for mid, rows in by_product[sub.product_id] if rows[0].period == period]
                payload = shared[(sub.product_id, 0)] = json.dumps({
                    "kind": "digest", "product": product, "unit": unit, "dataset": dataset,
                    "period": [period, at[0][1][0].period_end], "demo": demo,
                    "rows": [[names.markets.get(mid, (str(mid), ""))[0], rows[0].value,
                              change_pct(rows[0], _second(rows))] for mid, rows in at]})
            add(NewAlert(f"{sub.id}:{period}", sub.id, sub.chat_id, period, payload, forecast_query(product, None)))
            continue
        rows = obs[(sub.product_id, sub.market_id)]
        latest, previous = rows[0], _second(rows)
        decision = decide(sub.rule, sub.threshold, sub.direction, sub.armed, latest, previous)
        if decision.armed != bool(sub.armed):
            armed.append((sub.id, int(decision.armed)))
        if not decision.fire:
            continue
        market = names.markets.get(sub.market_id, (str(sub.market_id), ""))[0]
        facts = shared.get((sub.product_id, sub.market_id))
        if facts is None:
            facts = shared[(sub.product_id, sub.market_id)] = json.dumps({
                "product": product, "unit": unit, "market": market, "dataset": dataset, "demo": demo,
                "latest": list(latest), "previous": list(previous) if previous else None,
                "pct": decision.change_pct})[1:-1]
        if sub.rule == "digest":
            payload = f'{{"kind": "digest1", {facts}}}'
        else:  # rule and direction are fixed words, the threshold a finite positive number: valid JSON
            payload = (f'{{"kind": "alert", "rule": "{sub.rule}", "threshold": {float(sub.threshold or 0)!r}, '
                       f'"direction": "{sub.direction}", {facts}}}')
        add(NewAlert(f"{sub.id}:{latest.period}", sub.id, sub.chat_id, latest.period, payload,
                     forecast_query(product, market)))
    return len(touched)


def _second(series: list[Obs]) -> Obs | None:
    return series[1] if len(series) > 1 else None


# ---------------------------------------------------------------- quiet hours and fan-out plan


def in_quiet(minute: int, start: int, end: int) -> bool:
    """Whether a local minute-of-day falls in [start, end), a window that may cross midnight."""
    if start == end:
        return False
    return start <= minute < end if start < end else minute >= start or minute < end


def local_minute(moment: dt.datetime, tz: ZoneInfo) -> int:
    local = moment.astimezone(tz)
    return local.hour * 60 + local.minute


def parse_hhmm(text: str) -> int:
    """'22:00' / '22' / '6:30' -> minutes after midnight; ValueError with a Spanish message otherwise."""
    raw = text.strip().lower().replace("h", ":").rstrip(":")
    parts = raw.split(":")
    try:
        hour = int(parts[0])
        minute = int(parts[1]) if len(parts) > 1 and parts[1] else 0
    except ValueError:
        raise ValueError(f"hora no válida: {text!r} (usa HH:MM, por ejemplo 21:30)") from None
    if not (0 <= hour <= 23 and 0 <= minute <= 59) or len(parts) > 2:
        raise ValueError(f"hora no válida: {text!r} (usa HH:MM, por ejemplo 21:30)")
    return hour * 60 + minute


def hhmm(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


@dataclass(frozen=True)
class Batch:
    """One message to one chat carrying one or more alerts (their keys are marked together)."""

    chat_id: int
    keys: tuple[str, ...]
    text: str
    forecasts: tuple[tuple[int, str], ...]  # (subscription id, "producto en mercado") for buttons
    in_doubt: bool


def plan(items: Sequence[OutboxItem], quiet: dict[int, tuple[int, int]], now: dt.datetime, tz: ZoneInfo,
         ) -> tuple[list[Batch], list[str]]:
    """Group due alerts per chat into messages; chats in their quiet hours are held (their keys returned, the
    caller marks them held). Held alerts come out together once the hours end, under one header."""
    per_chat: dict[int, list[OutboxItem]] = {}
    for item in items:
        per_chat.setdefault(item.chat_id, []).append(item)
    batches: list[Batch] = []
    held: list[str] = []
    minute = local_minute(now, tz)
    for chat_id, chat_items in per_chat.items():
        window = quiet.get(chat_id)
        if window and in_quiet(minute, *window):
            held.extend(i.key for i in chat_items)
            continue
        batches.extend(_chat_batches(chat_id, chat_items, any(i.held for i in chat_items)))
    return batches, held


def _chat_batches(chat_id: int, items: list[OutboxItem], was_held: bool) -> list[Batch]:
    groups: list[list[tuple[OutboxItem, str]]] = [[]]
    size = 0
    for item in items:
        text = render(item.payload)
        if groups[-1] and (size + len(text) > MAX_MESSAGE or len(groups[-1]) >= 8):
            groups.append([])
            size = 0
        groups[-1].append((item, text))
        size += len(text) + 4
    out = []
    for group in groups:
        parts = []
        doubt = any(i.in_doubt for i, _ in group)
        if doubt:
            parts.append(IN_DOUBT_NOTE)
        if was_held:
            parts.append(f"🔕 Alertas retenidas durante tus horas de silencio ({len(group)}):")
        elif len(group) > 1:
            parts.append(f"🔔 {len(group)} alertas:")
        parts.append("\n\n".join(text for _, text in group))
        out.append(Batch(chat_id, tuple(i.key for i, _ in group), "\n\n".join(parts),
                         tuple((i.subscription_id, i.forecast) for i, _ in group if i.forecast), doubt))
    return out


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
