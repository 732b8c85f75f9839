"""Slash commands. Each one turns its arguments into a router call (or a listing) and sends the result."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from typing import Any

from telegram import Update

from data import queries
from data.status import data_version, is_demo, mirror_status
from data.text import fold
from handlers import messages, render
from handlers.chat import respond, send_pages
from handlers.context import Context, bot_data, is_admin, is_private, services
from handlers.send import send_html
from models.answer import Choice

PAYLOAD_COMMANDS = {"ayuda", "help", "fuente", "mercados", "productos"}


def _reply_to(update: Update) -> int | None:
    message = update.effective_message
    return None if is_private(update) or message is None else message.message_id


def _chat_id(update: Update) -> int:
    chat = update.effective_chat
    assert chat is not None
    return chat.id


def split_product_market(args: str) -> tuple[str, str | None]:
    """'papa criolla en Corabastos' -> ('papa criolla', 'Corabastos'); the last ' en ' separates them."""
    parts = re.split(r"\s+en\s+", args.strip(), flags=re.IGNORECASE)
    if len(parts) == 1:
        return args.strip(), None
    return " en ".join(parts[:-1]).strip(), parts[-1].strip() or None


def _markets_list(text: str) -> list[str]:
    return [m.strip() for m in re.split(r",|\s+y\s+", text) if m.strip()]


# --------------------------------------------------------------------------------------------- welcome, help


async def start(update: Update, context: Context) -> None:
    """/start [payload]: welcome with tappable examples. Deep links: t.me/<bot>?start=ayuda|fuente|…, or a
    question with words joined by _ (t.me/<bot>?start=papa_criolla_corabastos)."""
    payload = context.args[0] if context.args else ""
    if payload in PAYLOAD_COMMANDS:
        await {"ayuda": help_, "help": help_, "fuente": source, "mercados": markets,
               "productos": products}[payload](update, context)
        return
    if payload and payload != "inline":
        question = " ".join(re.split(r"[_\-]+", payload))
        router = services(context).router
        await respond(update, context, lambda state: router.answer(question, state))
        return
    chat_id = _chat_id(update)
    user = update.effective_user
    if not is_private(update):
        await send_html(context, chat_id, messages.text("welcome_group", bot=context.bot.username or ""),
                        reply_to=_reply_to(update))
        return
    key = services(context).keyed.put(chat_id, "examples", [Choice(e, e) for e in messages.EXAMPLES])
    await send_html(context, chat_id, messages.text("welcome", name=user.first_name if user else ""),
                    reply_markup=render.examples_keyboard(key, messages.EXAMPLES))


def help_html(bot_username: str, features: frozenset[str]) -> str:
    lines = [messages.raw("help_intro")]
    lines += [c.usage for c in messages.COMMANDS if c.feature in features]
    examples = "\n".join(f"• {render.escape(e)}" for e in messages.EXAMPLES)
    lines.append(messages.raw("help_free_text", examples=examples, bot=render.escape(bot_username)))
    return "\n".join(lines)


async def help_(update: Update, context: Context) -> None:
    for piece in render.html_pieces(help_html(context.bot.username or "", bot_data(context).features)):
        await send_html(context, _chat_id(update), piece, reply_to=_reply_to(update))


# ---------------------------------------------------------------------------------------- data commands


async def _need_product(update: Update, context: Context, command: str) -> None:
    await send_html(context, _chat_id(update), messages.text("need_product", command=command),
                    reply_to=_reply_to(update))


def _args(context: Context) -> str:
    return " ".join(context.args or []).strip()


async def _slots_command(update: Update, context: Context, command: str, intent: str,
                         *, many_markets: bool = False) -> None:
    args = _args(context)
    if not args:
        await _need_product(update, context, command)
        return
    product, market = split_product_market(args)
    slots: dict[str, Any] = {"intent": intent, "product": product}
    if market and many_markets:
        found = _markets_list(market)
        if len(found) > 1:
            slots["markets"] = found
        else:
            slots["market"] = found[0]
    elif market:
        slots["market"] = market
    router = services(context).router
    await respond(update, context, lambda state: router.answer_slots(slots, state), reply_to=_reply_to(update),
                  question=args)


async def price(update: Update, context: Context) -> None:
    await _slots_command(update, context, "precio", "price")


async def compare(update: Update, context: Context) -> None:
    await _slots_command(update, context, "comparar", "compare", many_markets=True)


async def history(update: Update, context: Context) -> None:
    await _slots_command(update, context, "historial", "history")


async def supply(update: Update, context: Context) -> None:
    args = _args(context)
    router = services(context).router
    if not args:
        await respond(update, context, lambda state: router.answer_slots({"intent": "supply"}, state),
                      reply_to=_reply_to(update))
        return
    question = f"abastecimiento de {args}"
    await respond(update, context, lambda state: router.answer(question, state), reply_to=_reply_to(update))


# ------------------------------------------------------------------------------------------------ listings


def product_lines(conn: sqlite3.Connection, query: str = "") -> list[str]:
    """Products that have prices, grouped by food group, filtered by a text (accent-insensitive)."""
    items = queries.products(conn)
    priced = queries.products_with_prices(conn, [p.id for p in items])
    wanted = fold(query)
    lines: list[str] = []
    group = None
    for p in sorted((p for p in items if p.id in priced), key=lambda p: (p.group, p.name)):
        if wanted and wanted not in p.key:
            continue
        if p.group != group:
            group = p.group
            lines.append(f"<b>{render.escape(group or 'Otros')}</b>")
        unit = "" if p.unit == "kg" else f" (por {p.unit})"
        lines.append(f"• {render.escape(p.name)}{unit}")
    return lines


def market_lines(conn: sqlite3.Connection) -> list[str]:
    lines: list[str] = []
    city = None
    markets_ = [m for m in queries.markets(conn) if m.kind == "market"]
    in_use = _markets_with_prices(conn)
    for m in sorted(markets_, key=lambda m: (m.city, m.name)):
        if in_use and m.id not in in_use:
            continue
        if m.city != city:
            city = m.city
            lines.append(f"<b>{render.escape(city or 'Otras')}</b>")
        lines.append(f"• {render.escape(m.name)}")
    has_city_prices = any(s.rows for s in mirror_status(conn) if s.name == "daily-city")
    cities = sorted({m.name for m in queries.markets(conn) if m.kind == "city"}) if has_city_prices else []
    if cities:
        lines.append("<b>Ciudades (precios diarios por ciudad)</b>")
        lines += [f"• {render.escape(c)}" for c in cities]
    return lines


def _markets_with_prices(conn: sqlite3.Connection) -> set[int]:
    week = queries.latest_week(conn)
    return set(queries.markets_in_week(conn, week)) if week else set()


def _count(lines: Sequence[str]) -> int:
    return sum(1 for line in lines if line.startswith("•"))


async def products(update: Update, context: Context) -> None:
    svc = services(context)
    query = _args(context)
    lines = await svc.store.read(product_lines, query)
    if not lines:
        key = "products_none" if query else "mirror_empty"
        await send_html(context, _chat_id(update), messages.text(key, query=query), reply_to=_reply_to(update))
        return
    title = messages.text("products_filtered", query=query, count=_count(lines)) if query else \
        messages.text("products_title", count=_count(lines))
    await send_pages(context, _chat_id(update), title, lines, reply_to=_reply_to(update))


async def markets(update: Update, context: Context) -> None:
    svc = services(context)
    lines = await svc.store.read(market_lines)
    if not lines:
        await send_html(context, _chat_id(update), messages.text("mirror_empty"), reply_to=_reply_to(update))
        return
    await send_pages(context, _chat_id(update), messages.text("markets_title", count=_count(lines)), lines,
                     reply_to=_reply_to(update))


def source_html(conn: sqlite3.Connection) -> str:
    """/fuente: per dataset its date range and size, staleness, failed refreshes, demo mark, data version."""
    lines = [messages.text("source_title")]
    notes = []
    for s in mirror_status(conn):
        if not s.rows:
            lines.append(messages.text("source_empty_line", label=s.label))
        else:
            flag = messages.text("source_stale", days=s.age_days) if s.stale else ""
            rows = f"{s.rows:,}".replace(",", ".")
            lines.append(messages.text("source_line", label=s.label, first=_day(s.first), last=_day(s.last),
                                       rows=rows) + flag)
        if s.last_import_status == "failed":
            notes.append(messages.text("source_failed", label=s.label, when=(s.last_import or "")[:16]))
    lines += notes
    if is_demo(conn):
        lines.append(messages.text("source_demo"))
    lines.append(messages.text("source_footer", version=data_version(conn) or "—"))
    return "\n".join(lines)


def _day(iso: str | None) -> str:
    """2026-11-14 -> 14/11/2026 (as the answers write dates)."""
    if not iso or not re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", iso):
        return iso or "—"
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}"


async def source(update: Update, context: Context) -> None:
    svc = services(context)
    body = await svc.store.read(source_html)
    for piece in render.html_pieces(body):
        await send_html(context, _chat_id(update), piece, reply_to=_reply_to(update))


# ------------------------------------------------------------------------------------- chat settings (admins)


async def default_market(update: Update, context: Context) -> None:
    """/mercado [nombre|ninguno]: the chat's default market. Changing it in a group is for admins only."""
    svc = services(context)
    chat_id = _chat_id(update)
    args = _args(context)
    if not args:
        current = (await svc.memory.settings(chat_id)).get("market")
        key = "default_market_show" if current else "default_market_none"
        await send_html(context, chat_id, messages.text(key, market=current or ""), reply_to=_reply_to(update))
        return
    if not await is_admin(update, context):
        await send_html(context, chat_id, messages.text("admins_only"), reply_to=_reply_to(update))
        return
    if fold(args) in {"ninguno", "ninguna", "no", "quitar", "borrar"}:
        await svc.memory.set_setting(chat_id, "market", None)
        await send_html(context, chat_id, messages.text("default_market_cleared"), reply_to=_reply_to(update))
        return
    name = await svc.run(_resolve_market, svc.store.reader, args)
    if name is None:
        await send_html(context, chat_id, messages.text("default_market_unknown", market=args),
                        reply_to=_reply_to(update))
        return
    await svc.memory.set_setting(chat_id, "market", name)
    await send_html(context, chat_id, messages.text("default_market_set", market=name), reply_to=_reply_to(update))


def _resolve_market(reader: Any, text: str) -> str | None:
    from models.resolve import vocabulary

    match = vocabulary(reader()).resolve_market_name(text)
    return None if match is None else str(match.market.name)


async def unknown_command(update: Update, context: Context) -> None:
    """A command we do not know: answered in private chats and when addressed to us in groups."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    command = message.text.split()[0]
    if not is_private(update):
        username = (context.bot.username or "").casefold()
        if "@" not in command or command.split("@", 1)[1].casefold() != username:
            return
    name = command.lstrip("/").split("@", 1)[0].lower()
    known = {c.name for c in messages.COMMANDS}
    key = "feature_off" if name in known else "unknown_command"  # a feature this deployment does not have
    await send_html(context, _chat_id(update), messages.text(key), reply_to=_reply_to(update))
