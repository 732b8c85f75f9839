"""/alerta (guided: product -> market -> rule -> threshold), free-text alert requests from the router, /alertas
(list, pause, resume, delete, quiet hours), the alert messages' forecast buttons, and the 403 / migration hooks.

In groups only administrators manage the group's alerts. Every button carries its own ids in callback data
("al?:..."), so buttons keep working after a restart; a button of another chat or for a deleted alert gets a
polite answer.
"""

from __future__ import annotations

import functools
import html
import logging
import re
import sqlite3
import time
from collections.abc import Callable
from typing import Any, TypeVar

from telegram import ForceReply, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes, MessageHandler, filters

from data import alerts_store as store
from data.text import fold
from handlers import hooks, send
from handlers.common import is_admin, services
from models import alerts
from models.answer import Answer, ChatState
from models.lang import singular, words
from models.numbers import amounts
from models.resolve import vocabulary

log = logging.getLogger(__name__)
T = TypeVar("T")

FLOW_TTL_S = 15 * 60
PAGE = 8
FLOW_KEY = "alert_flow"

TEXT = {
    "admins_only": "En los grupos, solo los administradores pueden gestionar las alertas del grupo.",
    "ask_product": "🔔 <b>Nueva alerta</b>\n¿De qué producto? Escribe su nombre (por ejemplo: <i>papa criolla</i>).",
    "no_product": "No encontré el producto «{text}». Prueba con otro nombre (por ejemplo: <i>tomate chonto</i>).",
    "pick_product": "¿Cuál producto quieres decir con «{text}»? Elige uno o escribe otro nombre.",
    "pick_market": "<b>{product}</b>: ¿en qué mercado o ciudad? Elige uno o escribe su nombre.",
    "no_market": "No tengo precios de ese producto en «{text}». Elige un mercado de la lista o escribe otro nombre.",
    "no_markets": "No tengo precios de {product} en ningún mercado todavía.",
    "pick_rule": "<b>{product}</b> en <b>{market}</b>. Último dato: {latest}.\n¿Cuándo te aviso?",
    "pick_direction": "¿Qué cambio frente al periodo anterior?",
    "pick_pct": "¿De al menos cuánto por ciento?",
    "ask_threshold": "<b>{product}</b> en <b>{market}</b>. Último dato: {latest}.\n"
                     "Escribe el precio en pesos por {unit} (por ejemplo: <i>{example}</i>) o elige uno:",
    "bad_threshold": "No entendí el precio «{text}». Escribe un número en pesos, por ejemplo <i>2.000</i>.",
    "expired": "Este paso ya no está vigente. Empieza de nuevo con /alerta.",
    "none": "No tienes alertas en este chat. Crea una con /alerta o escribe, por ejemplo: "
            "<i>avísame si la papa criolla baja de 2.000 en Corabastos</i>.",
    "list_head": "🔔 <b>Alertas de este chat</b> ({n}):",
    "quiet_none": "Horas de silencio: ninguna. Para fijarlas: <code>/alertas silencio 21:00-06:00</code>.",
    "quiet_set": "🔕 Horas de silencio: {start} a {end} (hora de Colombia). Las alertas de esas horas llegan juntas "
                 "al terminar. Para quitarlas: <code>/alertas silencio no</code>.",
    "quiet_cleared": "Horas de silencio quitadas: las alertas llegan en cuanto se publican los datos.",
    "quiet_bad": "No entendí las horas. Usa, por ejemplo: <code>/alertas silencio 21:00-06:00</code>.",
    "gone": "Esa alerta ya no existe.",
    "deleted": "Alerta borrada.",
    "paused": "Alerta en pausa.",
    "resumed": "Alerta reactivada.",
    "no_forecast": "El pronóstico no está disponible ahora. Escribe: /pronostico {query}",
    "busy": "El espejo de datos se está actualizando. Intenta de nuevo en un momento; no se perdió nada.",
}
RULE_BUTTONS = (("below", "📉 Si baja de un precio"), ("above", "📈 Si sube de un precio"),
                ("change", "↕️ Si cambia un %"), ("digest", "📰 Cada vez que haya datos nuevos"))
DIRECTION_BUTTONS = (("down", "Si baja"), ("up", "Si sube"), ("any", "Si sube o baja"))
PCTS = (5, 10, 15, 20, 30)
NEW_DATA_WORDS = re.compile(r"\b(nuev[oa]s?|public\w*|salga\w*|actualiz\w*|cada (semana|dia|mes))\b")
GENERIC_MARKET_WORDS = {"mercado", "central", "mayorista", "plaza", "centro", "abastos", "bogota", "d c"}
ROUTER_DIRECTIONS = {"up": "up", "down": "down", "either": "any", "any": "any"}


# ---------------------------------------------------------------- small helpers


def _chat_user(update: Update) -> tuple[int, int]:
    chat, user = update.effective_chat, update.effective_user
    return (chat.id if chat else 0), (user.id if user else 0)


async def _db(context: ContextTypes.DEFAULT_TYPE, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run `fn(conn, ...)` on the store's single writer thread."""
    return await services(context).store.write(functools.partial(fn, **kwargs) if kwargs else fn, *args)


async def _reply(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str,
                 markup: InlineKeyboardMarkup | ForceReply | None = None) -> None:
    chat_id, _ = _chat_user(update)
    query = update.callback_query
    if query is not None and query.message is not None and not isinstance(markup, ForceReply) and \
            await send.edit_html(context.bot, chat_id, query.message.message_id, text, markup):
        return
    await send.send_html(context.bot, chat_id, text, reply_markup=markup)  # type: ignore[arg-type]


async def _allowed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    if await is_admin(update, context):
        return True
    if update.callback_query is not None:
        await send.answer_callback(update.callback_query, TEXT["admins_only"], show_alert=True)
    else:
        await _reply(update, context, TEXT["admins_only"])
    return False


def _flows(context: ContextTypes.DEFAULT_TYPE) -> dict[tuple[int, int], dict[str, Any]]:
    return context.application.bot_data.setdefault(FLOW_KEY, {})  # type: ignore[no-any-return]


def _set_flow(context: ContextTypes.DEFAULT_TYPE, chat_id: int, user_id: int, **state: Any) -> None:
    _flows(context)[(chat_id, user_id)] = {**state, "at": time.monotonic()}


def _pop_flow(context: ContextTypes.DEFAULT_TYPE, chat_id: int, user_id: int) -> dict[str, Any] | None:
    flow = _flows(context).pop((chat_id, user_id), None)
    if flow is None or time.monotonic() - flow["at"] > FLOW_TTL_S:
        return None
    return flow


class _Waiting(filters.MessageFilter):
    """Text from a (chat, user) whose /alerta flow waits for typed input. Filters see no context, so the
    application is bound at registration."""

    def __init__(self, app: Application) -> None:  # type: ignore[type-arg]
        super().__init__(name="alert_flow_waiting")
        self.app = app

    def filter(self, message: Any) -> bool:
        flows = self.app.bot_data.get(FLOW_KEY) or {}
        user = message.from_user.id if message.from_user else 0
        flow = flows.get((message.chat.id, user))
        if flow is None or time.monotonic() - flow["at"] > FLOW_TTL_S:
            return False
        if message.chat.type == "private":
            return True
        reply = message.reply_to_message  # in groups, only an answer to the bot's question counts
        return reply is not None and reply.from_user is not None and reply.from_user.is_bot


def _latest(conn: sqlite3.Connection, product_id: int, market_id: int) -> tuple[str, float | None, str]:
    """(text of the newest price, its value, unit) for the flow's prompts."""
    name = store.product_name(conn, product_id)
    unit = name[1] if name else "kg"
    picked = alerts.pick_dataset(conn, product_id, market_id)
    if picked is None:
        return "sin datos", None, unit
    dataset, tail = picked
    o = tail[0]
    return (f"{alerts.cop(o.value)}{alerts.SHORT_UNITS.get(unit, '/kg')} "
            f"({alerts.period_text(dataset, o.period, o.period_end)})", o.value, unit)


def _round_price(value: float) -> float:
    step = 50 if value >= 1000 else 10 if value >= 100 else 1
    return float(round(value / step) * step)


# ---------------------------------------------------------------- /alerta guided flow


async def alerta(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not await _allowed(update, context):
        return
    chat_id, user_id = _chat_user(update)
    args = " ".join(context.args or []).strip()
    if args:
        await _product_text(update, context, args)
        return
    _set_flow(context, chat_id, user_id, step="product")
    group = update.effective_chat is not None and update.effective_chat.type != "private"
    await _reply(update, context, TEXT["ask_product"],
                 ForceReply(selective=True, input_field_placeholder="papa criolla") if group else None)


async def on_flow_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    chat_id, user_id = _chat_user(update)
    flow = _pop_flow(context, chat_id, user_id)
    message = update.effective_message
    if flow is None or message is None or not message.text:
        return
    if flow["step"] == "product":
        await _product_text(update, context, message.text)
    elif flow["step"] == "market":
        await _market_text(update, context, flow, message.text)
    elif flow["step"] == "threshold":
        await _threshold_text(update, context, flow, message.text)


def _resolve_product(conn: sqlite3.Connection, text: str) -> tuple[bool, list[tuple[int, str]]]:
    """(sure, candidates) through the router's vocabulary (priced products, aliases, colloquial names, typos):
    one sure match, several to choose from, or suggestions for an unknown name."""
    vocab = vocabulary(conn)
    match = vocab.resolve_product_name(text)
    if match.status == "ok" and match.product is not None:
        return True, [(match.product.id, match.product.name)]
    if match.status == "ambiguous" and match.candidates:
        return False, [(p.id, p.name) for p in match.candidates]
    tokens = [singular(w) for w in words(fold(text))]
    return False, [(p.id, p.name) for p in vocab.suggest_products(tokens, limit=4)]


async def _product_text(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str) -> None:
    chat_id, user_id = _chat_user(update)
    sure, found = await _db(context, _resolve_product, text) if fold(text) else (False, [])
    if sure:
        await _markets(update, context, found[0][0], 0)
        return
    buttons = [[InlineKeyboardButton(name[:60], callback_data=f"alp:{pid}")] for pid, name in found[:PAGE]]
    if not buttons:
        _set_flow(context, chat_id, user_id, step="product")
        await _reply(update, context, TEXT["no_product"].format(text=html.escape(text[:60])))
        return
    _set_flow(context, chat_id, user_id, step="product")
    await _reply(update, context, TEXT["pick_product"].format(text=html.escape(text[:60])),
                 InlineKeyboardMarkup(buttons))


async def _markets(update: Update, context: ContextTypes.DEFAULT_TYPE, product_id: int, page: int) -> None:
    def load(conn: sqlite3.Connection) -> tuple[tuple[str, str] | None, list[tuple[int, str, str]]]:
        return store.product_name(conn, product_id), store.product_markets(conn, product_id)

    product, markets = await _db(context, load)
    if product is None:
        await _reply(update, context, TEXT["gone"])
        return
    name = html.escape(product[0])
    if not markets:
        await _reply(update, context, TEXT["no_markets"].format(product=name))
        return
    shown = markets[page * PAGE:(page + 1) * PAGE]
    rows = [[InlineKeyboardButton((m_name if kind != "city" else f"{m_name} (ciudad, precio diario)")[:60],
                                  callback_data=f"alm:{product_id}:{mid}")] for mid, m_name, kind in shown]
    nav = []
    if page > 0:
        nav.append(InlineKeyboardButton("◀️ Anteriores", callback_data=f"alpg:{product_id}:{page - 1}"))
    if (page + 1) * PAGE < len(markets):
        nav.append(InlineKeyboardButton("Más ▶️", callback_data=f"alpg:{product_id}:{page + 1}"))
    if nav:
        rows.append(nav)
    rows.append([InlineKeyboardButton("📰 Todos los mercados: avisar de datos nuevos",
                                      callback_data=f"alr:{product_id}:0:digest")])
    chat_id, user_id = _chat_user(update)
    _set_flow(context, chat_id, user_id, step="market", product_id=product_id)
    await _reply(update, context, TEXT["pick_market"].format(product=name), InlineKeyboardMarkup(rows))


async def _market_text(update: Update, context: ContextTypes.DEFAULT_TYPE, flow: dict[str, Any], text: str) -> None:
    """A market or city typed instead of pressed (the list can be long)."""
    product_id = int(flow["product_id"])

    def resolve(conn: sqlite3.Connection) -> int | None:
        found = vocabulary(conn).resolve_market_name(text)
        if found is None:
            return None
        priced = [mid for mid, _, _ in store.product_markets(conn, product_id)]  # most data first
        if found.market.id in priced:
            return found.market.id
        # a city: the market of that city with the most data for the product, else the city's daily series
        city = fold(found.city or found.market.city or found.market.name)
        markets = vocabulary(conn).markets
        return next((mid for mid in priced if mid in markets and fold(markets[mid].city) == city), None)

    market_id = await _db(context, resolve)
    if market_id is None:
        chat_id, user_id = _chat_user(update)
        _set_flow(context, chat_id, user_id, **{k: v for k, v in flow.items() if k != "at"})
        await _reply(update, context, TEXT["no_market"].format(text=html.escape(text[:60])))
        return
    await _rules(update, context, product_id, market_id)


async def _rules(update: Update, context: ContextTypes.DEFAULT_TYPE, product_id: int, market_id: int) -> None:
    def load(conn: sqlite3.Connection) -> tuple[str, str, str]:
        p = store.product_name(conn, product_id)
        m = store.market_name(conn, market_id)
        return (p[0] if p else "?"), (m[0] if m else "?"), _latest(conn, product_id, market_id)[0]

    product, market, latest = await _db(context, load)
    rows = [[InlineKeyboardButton(label, callback_data=f"alr:{product_id}:{market_id}:{rule}")]
            for rule, label in RULE_BUTTONS]
    await _reply(update, context, TEXT["pick_rule"].format(product=html.escape(product), market=html.escape(market),
                                                           latest=latest), InlineKeyboardMarkup(rows))


async def _ask_threshold(update: Update, context: ContextTypes.DEFAULT_TYPE, product_id: int, market_id: int,
                         rule: str) -> None:
    def load(conn: sqlite3.Connection) -> tuple[str, str, tuple[str, float | None, str]]:
        p = store.product_name(conn, product_id)
        m = store.market_name(conn, market_id)
        return (p[0] if p else "?"), (m[0] if m else "?"), _latest(conn, product_id, market_id)

    product, market, (latest, value, unit) = await _db(context, load)
    chat_id, user_id = _chat_user(update)
    _set_flow(context, chat_id, user_id, step="threshold", product_id=product_id, market_id=market_id, rule=rule)
    buttons = []
    if value:
        factors = (0.95, 0.9, 0.85) if rule == "below" else (1.05, 1.1, 1.15)
        for f in factors:
            price = _round_price(value * f)
            buttons.append(InlineKeyboardButton(f"{alerts.cop(price)} ({(f - 1) * 100:+.0f} %)",
                                                callback_data=f"alt:{product_id}:{market_id}:{rule}:{price:g}"))
    example = alerts.cop(_round_price(value * (0.9 if rule == "below" else 1.1))).lstrip("$") if value else "2.000"
    await _reply(update, context, TEXT["ask_threshold"].format(product=html.escape(product),
                                                               market=html.escape(market), latest=latest,
                                                               unit=unit if unit != "kg" else "kilo", example=example),
                 InlineKeyboardMarkup([buttons]) if buttons else None)


async def _threshold_text(update: Update, context: ContextTypes.DEFAULT_TYPE, flow: dict[str, Any],
                          text: str) -> None:
    found = [a for a in amounts(text.lower()) if not a.percent]
    if not found or found[0].value <= 0:
        chat_id, user_id = _chat_user(update)
        _set_flow(context, chat_id, user_id, **{k: v for k, v in flow.items() if k != "at"})
        await _reply(update, context, TEXT["bad_threshold"].format(text=html.escape(text[:40])))
        return
    await _create(update, context, flow["product_id"], flow["market_id"], flow["rule"], found[0].value, "")


async def _create(update: Update, context: ContextTypes.DEFAULT_TYPE, product_id: int, market_id: int | None,
                  rule: str, threshold: float | None, direction: str) -> None:
    chat_id, user_id = _chat_user(update)
    try:
        created = await _db(context, alerts.create, chat_id=chat_id, user_id=user_id, product_id=product_id,
                            market_id=market_id, rule=rule, threshold=threshold, direction=direction)
    except alerts.AlertRequestError as exc:
        await _reply(update, context, html.escape(str(exc)))
        return
    except sqlite3.OperationalError:
        log.warning("alert creation: database busy", exc_info=True)
        await _reply(update, context, TEXT["busy"])
        return
    log.info("alert %d created in chat %d: %s %s", created.subscription.id, chat_id, rule, threshold)
    await _reply(update, context, created.text)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """All /alerta and /alertas buttons: alp (product), alpg (market page), alm (market), alr (rule),
    ald (change direction), alt (threshold), als (manage)."""
    query = update.callback_query
    if query is None or not query.data:
        return
    kind, _, rest = query.data.partition(":")
    parts = rest.split(":")
    if not await _allowed(update, context):
        return
    await send.answer_callback(query)
    try:
        if kind == "alp":
            await _markets(update, context, int(parts[0]), 0)
        elif kind == "alpg":
            await _markets(update, context, int(parts[0]), int(parts[1]))
        elif kind == "alm":
            await _rules(update, context, int(parts[0]), int(parts[1]))
        elif kind == "alr":
            product_id, market_id, rule = int(parts[0]), int(parts[1]), parts[2]
            if rule == "digest":
                await _create(update, context, product_id, market_id or None, "digest", None, "")
            elif rule == "change":
                rows = [[InlineKeyboardButton(label, callback_data=f"ald:{product_id}:{market_id}:{d}")]
                        for d, label in DIRECTION_BUTTONS]
                await _reply(update, context, TEXT["pick_direction"], InlineKeyboardMarkup(rows))
            else:
                await _ask_threshold(update, context, product_id, market_id, rule)
        elif kind == "ald":
            product_id, market_id, direction = int(parts[0]), int(parts[1]), parts[2]
            rows = [[InlineKeyboardButton(f"{p} %", callback_data=f"alc:{product_id}:{market_id}:{direction}:{p}")
                     for p in PCTS]]
            await _reply(update, context, TEXT["pick_pct"], InlineKeyboardMarkup(rows))
        elif kind == "alc":
            await _create(update, context, int(parts[0]), int(parts[1]), "change", float(parts[3]), parts[2])
        elif kind == "alt":
            chat_id, user_id = _chat_user(update)
            _pop_flow(context, chat_id, user_id)
            await _create(update, context, int(parts[0]), int(parts[1]), parts[2], float(parts[3]), "")
        elif kind == "als":
            await _manage(update, context, int(parts[0]), parts[1])
    except (ValueError, IndexError):
        await _reply(update, context, TEXT["expired"])


# ---------------------------------------------------------------- free text from the router


async def on_alert_intent(update: Update, context: ContextTypes.DEFAULT_TYPE, answer: Answer,
                          state: ChatState) -> None:
    """The router understood an alert request ("avísame si la papa criolla baja de 2.000 en Corabastos")."""
    if not await _allowed(update, context):
        return
    slots = answer.slots
    product_text = slots.get("product")
    if not product_text:
        chat_id, user_id = _chat_user(update)
        _set_flow(context, chat_id, user_id, step="product")
        await _reply(update, context, TEXT["ask_product"])
        return

    def resolve(conn: sqlite3.Connection) -> tuple[int | None, int | None]:
        sure, products = _resolve_product(conn, str(product_text))
        found = vocabulary(conn).resolve_market_name(str(slots["market"])) if slots.get("market") else None
        return (products[0][0] if sure else None), (found.market.id if found else None)

    product_id, market_id = await _db(context, resolve)
    if product_id is None:
        await _product_text(update, context, str(product_text))
        return
    rule = slots.get("rule") or "new_data"
    direction = str(slots.get("direction") or "")
    said = fold(update.effective_message.text or "") if update.effective_message else ""
    if rule == "new_data":
        # The router falls back to new_data (and to the main market) when the request names no rule: only a
        # request that asks for new data gets a digest; the others choose a rule (or a market) with buttons.
        named_market = bool(slots.get("city")) or (market_id is not None and _named(said, str(slots.get("market"))))
        if not NEW_DATA_WORDS.search(said):
            if named_market and market_id is not None:
                await _rules(update, context, product_id, market_id)
            else:
                await _markets(update, context, product_id, 0)
            return
        await _create(update, context, product_id, market_id if named_market else None, "digest", None, "")
        return
    if market_id is None:
        await _markets(update, context, product_id, 0)
        return
    if rule == "threshold":
        mine = "above" if direction == "above" else "below"
        if slots.get("threshold"):
            await _create(update, context, product_id, market_id, mine, float(slots["threshold"]), "")
        else:
            await _ask_threshold(update, context, product_id, market_id, mine)
        return
    if rule == "change" and slots.get("change_pct"):
        await _create(update, context, product_id, market_id, "change", float(slots["change_pct"]),
                      ROUTER_DIRECTIONS.get(direction, "any"))
        return
    await _rules(update, context, product_id, market_id)


def _named(said: str, market: str) -> bool:
    """Whether the user's words name this market (a distinctive word of it, e.g. 'corabastos', 'medellin')."""
    words_ = set(said.split())
    return any(w in words_ for w in fold(market).split() if len(w) >= 4 and w not in GENERIC_MARKET_WORDS)


# ---------------------------------------------------------------- /alertas


def _listing(conn: sqlite3.Connection, chat_id: int) -> tuple[str, InlineKeyboardMarkup | None]:
    subs = store.list_subscriptions(conn, chat_id)
    quiet = store.quiet_hours(conn, [chat_id]).get(chat_id)
    quiet_line = TEXT["quiet_set"].format(start=alerts.hhmm(quiet[0]), end=alerts.hhmm(quiet[1])) if quiet \
        else TEXT["quiet_none"]
    if not subs:
        return TEXT["none"] + "\n\n" + quiet_line, None
    lines = [TEXT["list_head"].format(n=len(subs))]
    rows = []
    for n, sub in enumerate(subs, 1):
        product = store.product_name(conn, sub.product_id) or ("?", "kg")
        found = store.market_name(conn, sub.market_id) if sub.market_id is not None else None
        market = found[0] if found else None
        lines.append(f"{n}. {html.escape(alerts.subscription_text(sub, product[0], product[1], market))}")
        toggle = ("▶️ Reanudar", "resume") if sub.paused else ("⏸ Pausar", "pause")
        rows.append([InlineKeyboardButton(f"{toggle[0]} {n}", callback_data=f"als:{sub.id}:{toggle[1]}"),
                     InlineKeyboardButton(f"🗑 Borrar {n}", callback_data=f"als:{sub.id}:del")])
    lines += ["", quiet_line, "Fuente: DANE – SIPSA"]
    return "\n".join(lines), InlineKeyboardMarkup(rows[:50])


async def alertas(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    chat_id, _ = _chat_user(update)
    args = [a.lower() for a in (context.args or [])]
    if args and args[0] in {"silencio", "quiet"}:
        if not await _allowed(update, context):
            return
        await _quiet(update, context, args[1:])
        return
    text, markup = await _db(context, _listing, chat_id)  # anyone may look; the buttons check for admins
    await _reply(update, context, text, markup)


async def _quiet(update: Update, context: ContextTypes.DEFAULT_TYPE, args: list[str]) -> None:
    chat_id, _ = _chat_user(update)
    spec = "".join(args).replace("a", "-").replace("–", "-")
    if spec in {"no", "n-d-", "off", "ninguna", "quitar"} or args[:1] == ["no"]:
        await _db(context, store.set_quiet_hours, chat_id, None, None)
        await _reply(update, context, TEXT["quiet_cleared"])
        return
    try:
        start_text, end_text = spec.split("-")
        start, end = alerts.parse_hhmm(start_text), alerts.parse_hhmm(end_text)
    except ValueError:
        await _reply(update, context, TEXT["quiet_bad"])
        return
    await _db(context, store.set_quiet_hours, chat_id, start, end)
    await _reply(update, context, TEXT["quiet_set"].format(start=alerts.hhmm(start), end=alerts.hhmm(end)))


async def _manage(update: Update, context: ContextTypes.DEFAULT_TYPE, sub_id: int, action: str) -> None:
    chat_id, _ = _chat_user(update)

    def act(conn: sqlite3.Connection) -> bool:
        if action == "del":
            return store.delete_subscription(conn, sub_id, chat_id)
        return store.set_paused(conn, sub_id, chat_id, action == "pause")

    done = await _db(context, act)
    if not done and update.callback_query is not None:
        await send.answer_callback(update.callback_query, TEXT["gone"], show_alert=True)
    text, markup = await _db(context, _listing, chat_id)
    note = {"del": TEXT["deleted"], "pause": TEXT["paused"], "resume": TEXT["resumed"]}.get(action, "")
    await _reply(update, context, (f"✔️ {note}\n\n" if done else "") + text, markup)


# ---------------------------------------------------------------- forecast button, hooks, registration


async def on_forecast_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """'📈 Pronóstico' under an alert: hand the alert's series to the forecast feature."""
    query = update.callback_query
    if query is None or not query.data:
        return
    chat_id, _ = _chat_user(update)
    try:
        sub_id = int(query.data.split(":", 1)[1])
    except ValueError:
        await send.answer_callback(query, TEXT["expired"])
        return

    def load(conn: sqlite3.Connection) -> tuple[str, str | None, str] | None:
        sub = store.get_subscription(conn, sub_id)
        if sub is None or sub.chat_id != chat_id:
            return None
        product = store.product_name(conn, sub.product_id)
        market = store.market_name(conn, sub.market_id) if sub.market_id is not None else None
        return (product[0] if product else "?"), (market[0] if market else None), sub.dataset

    found = await _db(context, load)
    if found is None:
        await send.answer_callback(query, TEXT["gone"], show_alert=True)
        return
    await send.answer_callback(query)
    product, market, dataset = found
    freq = {"monthly": "M", "daily": "D", "daily-city": "D"}.get(dataset, "W")
    handler = hooks.INTENT_HANDLERS.get("forecast")
    query_text = alerts.forecast_query(product, market)
    if handler is None:
        await send.send_html(context.bot, chat_id, TEXT["no_forecast"].format(query=html.escape(query_text)))
        return
    answer = Answer(intent="forecast", text=f"Pronóstico pedido: {query_text}",
                    slots={"product": product, "market": market, "freq": freq})
    await handler(update, context, answer, ChatState(chat_id=chat_id, intent="forecast", slots=answer.slots))


async def _on_blocked(chat_id: int, reason: str) -> None:
    await _hook_write(store.deactivate_chat, chat_id, f"Forbidden: {reason}")


async def _on_migrated(old: int, new: int) -> None:
    await _hook_write(store.migrate_chat, old, new)


_HOOK_STORE: list[Any] = []  # the application's Store, bound at registration (hooks get no context)


async def _hook_write(fn: Callable[..., Any], *args: Any) -> None:
    if not _HOOK_STORE:
        return
    await _HOOK_STORE[-1].write(fn, *args)


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_handler(CommandHandler("alerta", alerta))
    app.add_handler(CommandHandler("alertas", alertas))
    app.add_handler(CallbackQueryHandler(on_forecast_button, pattern=r"^alfc:"))
    app.add_handler(CallbackQueryHandler(on_button, pattern=r"^al(p|pg|m|r|d|c|t|s):"))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & _Waiting(app), on_flow_text))
    hooks.INTENT_HANDLERS["alert"] = on_alert_intent
    svc = app.bot_data.get("services")
    if svc is not None:
        _HOOK_STORE.append(svc.store)
    if _on_blocked not in send.on_blocked:
        send.on_blocked.append(_on_blocked)
    if _on_migrated not in send.on_migrated:
        send.on_migrated.append(_on_migrated)
