"""/alerta as a dialogue (python-telegram-bot's ConversationHandler): product -> market -> rule -> threshold, for
/alerta, for free text the router reads as an alert request ("avísame si la papa criolla baja de 2.000 en
Corabastos") and for the dialogue's buttons; plus the helpers handlers/alerts.py (/alertas) shares.

Every button carries its own ids in callback data ("al?:..."), so a button pressed after a restart, when no
dialogue is in memory, enters the dialogue at its step. Typed answers count in private chats, and in groups only
as replies to the bot. A dialogue left alone ends after FLOW_TTL_S; /cancelar ends it. In groups only
administrators manage the group's alerts.
"""

from __future__ import annotations

import functools
import html
import logging
import re
import sqlite3
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

from telegram import ForceReply, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, ConversationHandler, MessageHandler, filters
from telegram.warnings import PTBUserWarning

from data import alerts_store as store
from data.text import fold
from handlers import chat, send
from handlers.context import Context, is_admin, services
from models import alerts
from models.answer import Answer, ChatState
from models.lang import singular, words
from models.numbers import amounts
from models.parse import asks_alert
from models.resolve import vocabulary

log = logging.getLogger(__name__)
T = TypeVar("T")

FLOW_TTL_S = 15 * 60
PAGE = 8

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
    "cancelled": "Listo: no creé ninguna alerta. Cuando quieras, empieza de nuevo con /alerta.",
    "nothing_to_cancel": "No estabas creando ninguna alerta. Para crear una: /alerta.",
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
    "busy": "El espejo de datos se está actualizando. Intenta de nuevo en un momento; no se perdió nada.",
}
RULE_BUTTONS = (("below", "📉 Si baja de un precio"), ("above", "📈 Si sube de un precio"),
                ("change", "↕️ Si cambia un %"), ("digest", "📰 Cada vez que haya datos nuevos"))
DIRECTION_BUTTONS = (("down", "Si baja"), ("up", "Si sube"), ("any", "Si sube o baja"))
PCTS = (5, 10, 15, 20, 30)
NEW_DATA_WORDS = re.compile(r"\b(nuev[oa]s?|public\w*|salga\w*|actualiz\w*|cada (semana|dia|mes))\b")
GENERIC_MARKET_WORDS = {"mercado", "central", "mayorista", "plaza", "centro", "abastos", "bogota", "d c"}
ROUTER_DIRECTIONS = {"up": "up", "down": "down", "either": "any", "any": "any"}


END = ConversationHandler.END
PRODUCT, MARKET, RULE, THRESHOLD = range(4)  # what the dialogue waits for
FLOW_KEY = "alerta"  # user_data[FLOW_KEY][chat id]: what the dialogue has chosen so far in that chat


# ---------------------------------------------------------------- small helpers


def chat_user(update: Update) -> tuple[int, int]:
    chat, user = update.effective_chat, update.effective_user
    return (chat.id if chat else 0), (user.id if user else 0)


async def db(context: Context, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run `fn(conn, ...)` on the store's single writer thread."""
    return await services(context).store.write(functools.partial(fn, **kwargs) if kwargs else fn, *args)


async def reply(update: Update, context: Context, text: str,
                 markup: InlineKeyboardMarkup | ForceReply | None = None) -> None:
    chat_id, _ = chat_user(update)
    query = update.callback_query
    if query is not None and query.message is not None and not isinstance(markup, ForceReply) and \
            await send.edit_html(context.bot, chat_id, query.message.message_id, text, markup):
        return
    await send.send_html(context, chat_id, text, reply_markup=markup)  # type: ignore[arg-type]


async def allowed(update: Update, context: Context) -> bool:
    if await is_admin(update, context):
        return True
    if update.callback_query is not None:
        await send.answer_callback(update.callback_query, TEXT["admins_only"], show_alert=True)
    else:
        await reply(update, context, TEXT["admins_only"])
    return False


def _key(update: Update) -> int:
    return chat_user(update)[0]


def _remember(update: Update, context: Context, **chosen: Any) -> None:
    """What the dialogue has chosen so far, kept per user and chat (one user may run dialogues in two chats)."""
    if context.user_data is not None:
        context.user_data.setdefault(FLOW_KEY, {})[_key(update)] = chosen


def _recall(update: Update, context: Context) -> dict[str, Any]:
    if context.user_data is None:
        return {}
    return dict(context.user_data.get(FLOW_KEY, {}).get(_key(update), {}))


def _forget(update: Update, context: Context) -> None:
    if context.user_data is not None:
        context.user_data.get(FLOW_KEY, {}).pop(_key(update), None)


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


async def alerta(update: Update, context: Context) -> int:
    if not await allowed(update, context):
        return END
    args = " ".join(context.args or []).strip()
    if args:
        return await _product_text(update, context, args)
    return await _ask_product(update, context)


async def _ask_product(update: Update, context: Context) -> int:
    group = update.effective_chat is not None and update.effective_chat.type != "private"
    await reply(update, context, TEXT["ask_product"],
                ForceReply(selective=True, input_field_placeholder="papa criolla") if group else None)
    return PRODUCT


def _typed(update: Update) -> str:
    message = update.effective_message
    return message.text or "" if message is not None else ""


async def on_product_typed(update: Update, context: Context) -> int:
    return await _product_text(update, context, _typed(update))


async def on_market_typed(update: Update, context: Context) -> int:
    return await _market_text(update, context, _typed(update))


async def on_threshold_typed(update: Update, context: Context) -> int:
    return await _threshold_text(update, context, _typed(update))


async def nothing_to_cancel(update: Update, context: Context) -> None:
    """/cancelar outside a dialogue."""
    await reply(update, context, TEXT["nothing_to_cancel"])


async def cancel(update: Update, context: Context) -> int:
    _forget(update, context)
    await reply(update, context, TEXT["cancelled"])
    return END


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


async def _product_text(update: Update, context: Context, text: str) -> int:
    sure, found = await db(context, _resolve_product, text) if fold(text) else (False, [])
    if sure:
        return await _markets(update, context, found[0][0], 0)
    buttons = [[InlineKeyboardButton(name[:60], callback_data=f"alp:{pid}")] for pid, name in found[:PAGE]]
    if not buttons:
        await reply(update, context, TEXT["no_product"].format(text=html.escape(text[:60])))
        return PRODUCT
    await reply(update, context, TEXT["pick_product"].format(text=html.escape(text[:60])),
                InlineKeyboardMarkup(buttons))
    return PRODUCT


async def _markets(update: Update, context: Context, product_id: int, page: int) -> int:
    def load(conn: sqlite3.Connection) -> tuple[tuple[str, str] | None, list[tuple[int, str, str]]]:
        return store.product_name(conn, product_id), store.product_markets(conn, product_id)

    product, markets = await db(context, load)
    if product is None:
        await reply(update, context, TEXT["gone"])
        return END
    name = html.escape(product[0])
    if not markets:
        await reply(update, context, TEXT["no_markets"].format(product=name))
        return END
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
    _remember(update, context, product_id=product_id)
    await reply(update, context, TEXT["pick_market"].format(product=name), InlineKeyboardMarkup(rows))
    return MARKET


async def _market_text(update: Update, context: Context, text: str) -> int:
    """A market or city typed instead of pressed (the list can be long)."""
    product_id = _recall(update, context).get("product_id")
    if product_id is None:
        await reply(update, context, TEXT["expired"])
        return END

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

    market_id = await db(context, resolve)
    if market_id is None:
        await reply(update, context, TEXT["no_market"].format(text=html.escape(text[:60])))
        return MARKET
    return await _rules(update, context, product_id, market_id)


async def _rules(update: Update, context: Context, product_id: int, market_id: int) -> int:
    def load(conn: sqlite3.Connection) -> tuple[str, str, str]:
        p = store.product_name(conn, product_id)
        m = store.market_name(conn, market_id)
        return (p[0] if p else "?"), (m[0] if m else "?"), _latest(conn, product_id, market_id)[0]

    product, market, latest = await db(context, load)
    rows = [[InlineKeyboardButton(label, callback_data=f"alr:{product_id}:{market_id}:{rule}")]
            for rule, label in RULE_BUTTONS]
    await reply(update, context, TEXT["pick_rule"].format(product=html.escape(product), market=html.escape(market),
                                                          latest=latest), InlineKeyboardMarkup(rows))
    return RULE


async def _ask_threshold(update: Update, context: Context, product_id: int, market_id: int,
                         rule: str) -> int:
    def load(conn: sqlite3.Connection) -> tuple[str, str, tuple[str, float | None, str]]:
        p = store.product_name(conn, product_id)
        m = store.market_name(conn, market_id)
        return (p[0] if p else "?"), (m[0] if m else "?"), _latest(conn, product_id, market_id)

    product, market, (latest, value, unit) = await db(context, load)
    _remember(update, context, product_id=product_id, market_id=market_id, rule=rule)
    buttons = []
    if value:
        factors = (0.95, 0.9, 0.85) if rule == "below" else (1.05, 1.1, 1.15)
        for f in factors:
            price = _round_price(value * f)
            buttons.append(InlineKeyboardButton(f"{alerts.cop(price)} ({(f - 1) * 100:+.0f} %)",
                                                callback_data=f"alt:{product_id}:{market_id}:{rule}:{price:g}"))
    example = alerts.cop(_round_price(value * (0.9 if rule == "below" else 1.1))).lstrip("$") if value else "2.000"
    await reply(update, context, TEXT["ask_threshold"].format(product=html.escape(product),
                                                              market=html.escape(market), latest=latest,
                                                              unit=unit if unit != "kg" else "kilo", example=example),
                InlineKeyboardMarkup([buttons]) if buttons else None)
    return THRESHOLD


async def _threshold_text(update: Update, context: Context, text: str) -> int:
    flow = _recall(update, context)
    if "rule" not in flow:
        await reply(update, context, TEXT["expired"])
        return END
    found = [a for a in amounts(text.lower()) if not a.percent]
    if not found or found[0].value <= 0:
        await reply(update, context, TEXT["bad_threshold"].format(text=html.escape(text[:40])))
        return THRESHOLD
    return await _create(update, context, flow["product_id"], flow["market_id"], flow["rule"], found[0].value, "")


async def _create(update: Update, context: Context, product_id: int, market_id: int | None,
                  rule: str, threshold: float | None, direction: str) -> int:
    chat_id, user_id = chat_user(update)
    _forget(update, context)
    try:
        created = await db(context, alerts.create, chat_id=chat_id, user_id=user_id, product_id=product_id,
                            market_id=market_id, rule=rule, threshold=threshold, direction=direction)
    except alerts.AlertRequestError as exc:
        await reply(update, context, html.escape(str(exc)))
        return END
    except sqlite3.OperationalError:
        log.warning("alert creation: database busy", exc_info=True)
        await reply(update, context, TEXT["busy"])
        return END
    log.info("alert %d created in chat %d: %s %s", created.subscription.id, chat_id, rule, threshold)
    await reply(update, context, created.text)
    return END


async def on_button(update: Update, context: Context) -> int:
    """The dialogue's buttons: alp (product), alpg (market page), alm (market), alr (rule), ald (change
    direction), alc (change %), alt (threshold). Each carries its own ids, so a button pressed after a restart
    (no dialogue in memory) still works: it enters the dialogue at its step."""
    query = update.callback_query
    if query is None or not query.data:
        return END
    kind, _, rest = query.data.partition(":")
    parts = rest.split(":")
    if not await allowed(update, context):
        return END
    await send.answer_callback(query)
    try:
        if kind == "alp":
            return await _markets(update, context, int(parts[0]), 0)
        if kind == "alpg":
            return await _markets(update, context, int(parts[0]), int(parts[1]))
        if kind == "alm":
            return await _rules(update, context, int(parts[0]), int(parts[1]))
        if kind == "alr":
            product_id, market_id, rule = int(parts[0]), int(parts[1]), parts[2]
            if rule == "digest":
                return await _create(update, context, product_id, market_id or None, "digest", None, "")
            if rule == "change":
                rows = [[InlineKeyboardButton(label, callback_data=f"ald:{product_id}:{market_id}:{d}")]
                        for d, label in DIRECTION_BUTTONS]
                await reply(update, context, TEXT["pick_direction"], InlineKeyboardMarkup(rows))
                return RULE
            return await _ask_threshold(update, context, product_id, market_id, rule)
        if kind == "ald":
            product_id, market_id, direction = int(parts[0]), int(parts[1]), parts[2]
            rows = [[InlineKeyboardButton(f"{p} %", callback_data=f"alc:{product_id}:{market_id}:{direction}:{p}")
                     for p in PCTS]]
            await reply(update, context, TEXT["pick_pct"], InlineKeyboardMarkup(rows))
            return RULE
        if kind == "alc":
            return await _create(update, context, int(parts[0]), int(parts[1]), "change", float(parts[3]), parts[2])
        if kind == "alt":
            return await _create(update, context, int(parts[0]), int(parts[1]), parts[2], float(parts[3]), "")
    except (ValueError, IndexError):
        await reply(update, context, TEXT["expired"])
    return END


# ---------------------------------------------------------------- free text from the router


async def on_alert_text(update: Update, context: Context) -> int:
    """Free text that reads like an alert request enters the dialogue here: the router answers it, and when it is
    an alert the dialogue goes on from what was said; anything else is answered as usual."""
    got = await chat.answer_text(update, context)
    if got is None:
        return END
    answer, state, reply_to = got
    if answer.intent == "alert":
        return await on_alert_intent(update, context, answer, state)
    await chat.deliver(update, context, answer, state, reply_to=reply_to)
    return END


async def on_alert_intent(update: Update, context: Context, answer: Answer,
                          state: ChatState) -> int:
    """The router understood an alert request ("avísame si la papa criolla baja de 2.000 en Corabastos")."""
    if not await allowed(update, context):
        return END
    slots = answer.slots
    product_text = slots.get("product")
    if not product_text:
        return await _ask_product(update, context)

    def resolve(conn: sqlite3.Connection) -> tuple[int | None, int | None]:
        sure, products = _resolve_product(conn, str(product_text))
        found = vocabulary(conn).resolve_market_name(str(slots["market"])) if slots.get("market") else None
        return (products[0][0] if sure else None), (found.market.id if found else None)

    product_id, market_id = await db(context, resolve)
    if product_id is None:
        return await _product_text(update, context, str(product_text))
    rule = slots.get("rule") or "new_data"
    direction = str(slots.get("direction") or "")
    said = fold(update.effective_message.text or "") if update.effective_message else ""
    if rule == "new_data":
        # The router falls back to new_data (and to the main market) when the request names no rule: only a
        # request that asks for new data gets a digest; the others choose a rule (or a market) with buttons.
        named_market = bool(slots.get("city")) or (market_id is not None and _named(said, str(slots.get("market"))))
        if not NEW_DATA_WORDS.search(said):
            if named_market and market_id is not None:
                return await _rules(update, context, product_id, market_id)
            return await _markets(update, context, product_id, 0)
        return await _create(update, context, product_id, market_id if named_market else None, "digest", None, "")
    if market_id is None:
        return await _markets(update, context, product_id, 0)
    if rule == "threshold":
        mine = "above" if direction == "above" else "below"
        if slots.get("threshold"):
            return await _create(update, context, product_id, market_id, mine, float(slots["threshold"]), "")
        return await _ask_threshold(update, context, product_id, market_id, mine)
    if rule == "change" and slots.get("change_pct"):
        return await _create(update, context, product_id, market_id, "change", float(slots["change_pct"]),
                             ROUTER_DIRECTIONS.get(direction, "any"))
    return await _rules(update, context, product_id, market_id)


def _named(said: str, market: str) -> bool:
    """Whether the user's words name this market (a distinctive word of it, e.g. 'corabastos', 'medellin')."""
    words_ = set(said.split())
    return any(w in words_ for w in fold(market).split() if len(w) >= 4 and w not in GENERIC_MARKET_WORDS)




class _RepliesToBot(filters.MessageFilter):
    """In groups a typed answer counts only as a reply to the bot's question (others talk there too)."""

    def filter(self, message: Message) -> bool:
        reply_to = message.reply_to_message
        return reply_to is not None and reply_to.from_user is not None and reply_to.from_user.is_bot


class _AsksAlert(filters.MessageFilter):
    """Text with the words of an alert request ("avísame", "alerta", "notifícame"), as the router reads them."""

    def filter(self, message: Message) -> bool:
        return asks_alert(message.text or "")


def conversation() -> ConversationHandler:  # type: ignore[type-arg]
    typed = filters.TEXT & ~filters.COMMAND & (filters.ChatType.PRIVATE | _RepliesToBot())
    buttons: Any = CallbackQueryHandler(on_button, pattern=r"^al(p|pg|m|r|d|c|t):")  # in every state
    asked = filters.TEXT & ~filters.COMMAND & _AsksAlert() & (filters.ChatType.PRIVATE | chat.ADDRESSED)
    with warnings.catch_warnings():
        # PTB warns that with per_message=False a CallbackQueryHandler is not tracked per message: intended, the
        # buttons carry their own ids and one dialogue per chat and user is what we want
        warnings.simplefilter("ignore", PTBUserWarning)
        return ConversationHandler(
            entry_points=[CommandHandler("alerta", alerta), MessageHandler(asked, on_alert_text), buttons],
            states={PRODUCT: [MessageHandler(typed, on_product_typed), buttons],
                    MARKET: [MessageHandler(typed, on_market_typed), buttons],
                    RULE: [buttons],
                    THRESHOLD: [MessageHandler(typed, on_threshold_typed), buttons]},
            fallbacks=[CommandHandler("cancelar", cancel)],
            per_chat=True, per_user=True, allow_reentry=True, conversation_timeout=FLOW_TTL_S, name="alerta")
