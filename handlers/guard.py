"""Cross-cutting handlers: per-user flood protection, group -> supergroup migration, the one error handler."""

from __future__ import annotations

import html
import logging

from telegram import Update
from telegram.constants import ChatType
from telegram.error import NetworkError
from telegram.ext import ApplicationHandlerStop

from handlers import messages, send
from handlers.chat import ADDRESSED
from handlers.context import Context, bot_data, services
from handlers.send import answer_callback, send_html

log = logging.getLogger(__name__)


async def flood_guard(update: Update, context: Context) -> None:
    """Runs before every other handler (group -1): a user over the per-minute limit gets one polite
    message, then silence until the window has room. Inline queries (one per keystroke) are not counted."""
    user = update.effective_user
    if user is None or update.inline_query is not None or not _for_us(update):
        return
    verdict = services(context).flood.check(user.id)
    if verdict == "ok":
        return
    if verdict == "warn":
        limit = services(context).flood.per_minute
        if update.callback_query is not None:
            await answer_callback(update.callback_query, messages.text("flood", limit=limit)[:200], show_alert=True)
        elif update.effective_chat is not None:
            await send_html(context, update.effective_chat.id, messages.text("flood", limit=limit))
    log.info("flood: user %s over %d messages/minute (%s)", user.id, services(context).flood.per_minute, verdict)
    raise ApplicationHandlerStop


def _for_us(update: Update) -> bool:
    """Group chatter the bot ignores does not count against anybody's limit."""
    message = update.effective_message
    chat = update.effective_chat
    if update.callback_query is not None or message is None or chat is None or chat.type == ChatType.PRIVATE:
        return True
    if message.text and message.text.startswith("/"):
        return True
    return bool(ADDRESSED.check_update(update))


async def on_migrate(update: Update, context: Context) -> None:
    """A group became a supergroup: its chat state and settings move to the new id (and bot_data.chat_moved
    moves whatever else other features keep per chat)."""
    message = update.effective_message
    if message is None or message.migrate_to_chat_id is None:
        return
    old, new = message.chat_id, int(message.migrate_to_chat_id)
    await services(context).memory.migrate(old, new)
    await send.chat_moved(bot_data(context), old, new)
    log.info("chat %s migrated to %s", old, new)


def describe(update: object) -> str:
    """Who and what, for the log: chat, user, update kind and the first characters of the text."""
    if not isinstance(update, Update):
        return f"non-update {type(update).__name__}"
    kind = next((k for k in ("message", "edited_message", "callback_query", "inline_query", "my_chat_member")
                 if getattr(update, k, None) is not None), "other")
    chat = update.effective_chat.id if update.effective_chat else None
    user = update.effective_user.id if update.effective_user else None
    text = ""
    if update.effective_message is not None and update.effective_message.text:
        text = update.effective_message.text[:80]
    elif update.callback_query is not None:
        text = update.callback_query.data or ""
    elif update.inline_query is not None:
        text = update.inline_query.query[:80]
    return f"update {update.update_id} {kind} chat={chat} user={user} text={text!r}"


async def on_error(update: object, context: Context) -> None:
    """The one error handler: log with context (never the token: see bot/logs.py), apologise briefly.
    Network trouble while fetching updates (update is None) is transient: PTB retries, one warning line."""
    if update is None and isinstance(context.error, NetworkError):
        log.warning("fetching updates failed: %s (retrying)", context.error)
        return
    log.error("error handling %s", describe(update), exc_info=context.error)
    if not isinstance(update, Update):
        return
    try:
        if update.callback_query is not None:
            await answer_callback(update.callback_query, html.unescape(messages.text("error"))[:200], show_alert=True)
        elif update.effective_chat is not None and update.inline_query is None:
            await send_html(context, update.effective_chat.id, messages.text("error"))
    except Exception:  # the apology itself failed (network down): the log line above is what matters
        log.warning("could not send the apology for update %s", update.update_id)
