"""/alertas (list, pause, resume, delete, quiet hours), the alert messages' forecast buttons, what happens to a
chat's alerts when it blocks the bot or moves, and the registration of the whole alerts feature (the /alerta
dialogue is handlers/alert_flow.py)."""

from __future__ import annotations

import html
import sqlite3

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from data import alerts_store as store
from handlers import alert_flow, forecast, send
from handlers.alert_flow import TEXT, allowed, chat_user, db, reply
from handlers.common import Services
from handlers.context import Context
from models import alerts
from models.render import SOURCE

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
    lines += ["", quiet_line, SOURCE]
    return "\n".join(lines), InlineKeyboardMarkup(rows[:50])


async def alertas(update: Update, context: Context) -> None:
    chat_id, _ = chat_user(update)
    args = [a.lower() for a in (context.args or [])]
    if args and args[0] in {"silencio", "quiet"}:
        if not await allowed(update, context):
            return
        await _quiet(update, context, args[1:])
        return
    text, markup = await db(context, _listing, chat_id)  # anyone may look; the buttons check for admins
    await reply(update, context, text, markup)


async def _quiet(update: Update, context: Context, args: list[str]) -> None:
    chat_id, _ = chat_user(update)
    spec = "".join(args).replace("a", "-").replace("–", "-")
    if spec in {"no", "n-d-", "off", "ninguna", "quitar"} or args[:1] == ["no"]:
        await db(context, store.set_quiet_hours, chat_id, None, None)
        await reply(update, context, TEXT["quiet_cleared"])
        return
    try:
        start_text, end_text = spec.split("-")
        start, end = alerts.parse_hhmm(start_text), alerts.parse_hhmm(end_text)
    except ValueError:
        await reply(update, context, TEXT["quiet_bad"])
        return
    await db(context, store.set_quiet_hours, chat_id, start, end)
    await reply(update, context, TEXT["quiet_set"].format(start=alerts.hhmm(start), end=alerts.hhmm(end)))


async def _manage(update: Update, context: Context, sub_id: int, action: str) -> None:
    chat_id, _ = chat_user(update)

    def act(conn: sqlite3.Connection) -> bool:
        if action == "del":
            return store.delete_subscription(conn, sub_id, chat_id)
        return store.set_paused(conn, sub_id, chat_id, action == "pause")

    done = await db(context, act)
    if not done and update.callback_query is not None:
        await send.answer_callback(update.callback_query, TEXT["gone"], show_alert=True)
    text, markup = await db(context, _listing, chat_id)
    note = {"del": TEXT["deleted"], "pause": TEXT["paused"], "resume": TEXT["resumed"]}.get(action, "")
    await reply(update, context, (f"✔️ {note}\n\n" if done else "") + text, markup)


# ---------------------------------------------------------------- forecast button, hooks, registration


async def on_forecast_button(update: Update, context: Context) -> None:
    """'📈 Pronóstico' under an alert: hand the alert's series to the forecast feature."""
    query = update.callback_query
    if query is None or not query.data:
        return
    chat_id, _ = chat_user(update)
    try:
        sub_id = int(query.data.split(":", 1)[1])
    except ValueError:
        await send.answer_callback(query, TEXT["expired"])
        return

    sub = await db(context, store.get_subscription, sub_id)
    if sub is None or sub.chat_id != chat_id:
        await send.answer_callback(query, TEXT["gone"], show_alert=True)
        return
    await send.answer_callback(query)
    freq = {"monthly": "M", "daily": "D", "daily-city": "D"}.get(sub.dataset, "W")
    await forecast.forecast_ids(update, context, chat_id, sub.product_id, sub.market_id, freq)


async def on_chat_gone(svc: Services, chat_id: int, reason: str) -> None:
    """A chat that blocked the bot gets no more alerts (they stay, deactivated, with the reason)."""
    await svc.store.write(store.deactivate_chat, chat_id, reason)


async def on_chat_moved(svc: Services, old: int, new: int) -> None:
    await svc.store.write(store.migrate_chat, old, new)


async def on_manage_button(update: Update, context: Context) -> None:
    """/alertas buttons: als:<id>:pause|resume|del."""
    query = update.callback_query
    if query is None or not query.data or not await allowed(update, context):
        return
    await send.answer_callback(query)
    try:
        sub_id, action = query.data.split(":")[1:3]
        await _manage(update, context, int(sub_id), action)
    except ValueError:
        await reply(update, context, TEXT["expired"])


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_handler(alert_flow.conversation())
    app.add_handler(CommandHandler("cancelar", alert_flow.nothing_to_cancel))
    app.add_handler(CommandHandler("alertas", alertas))
    app.add_handler(CallbackQueryHandler(on_forecast_button, pattern=r"^alfc:"))
    app.add_handler(CallbackQueryHandler(on_manage_button, pattern=r"^als:"))
