"""Replies that survive Telegram's errors: every reply goes through `send_html` / `send_photo`, which act on the
outcomes of the one delivery policy (handlers/delivery.py) the way a waiting user needs:

- WAIT (429): sleep what Telegram asks (at most delivery.MAX_WAIT_S), then send again (AIORateLimiter already
  retries when it is on).
- NETWORK (timeouts, connection errors): back off and send again (a few attempts).
- MARKUP / REJECTED (400): send once more as plain text without HTML, then give up (logged).
- GONE (403, chat not found): nothing can reach the chat; logged, and bot_data.chat_gone is told.
- MIGRATED: bot_data.chat_moved is told, and the reply goes to the new supergroup id.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from telegram import Bot, InlineKeyboardMarkup, LinkPreviewOptions, Message, ReplyParameters
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, NetworkError

from handlers.context import BotData, Context
from handlers.delivery import MAX_WAIT_S, Delivery, Outcome, classify
from handlers.render import plain_from_html

log = logging.getLogger(__name__)

ATTEMPTS = 5
BACKOFF_S = (0.5, 1.0, 2.0, 4.0)
_NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


async def chat_gone(data: BotData, chat_id: int, reason: str) -> None:
    """Tell every feature that keeps something per chat that this chat can no longer be reached."""
    if data.services is not None:
        for listener in data.chat_gone:
            await listener(data.services, chat_id, reason)


async def chat_moved(data: BotData, old: int, new: int) -> None:
    """Tell every feature that keeps something per chat that the group became a supergroup with a new id."""
    if data.services is not None:
        for listener in data.chat_moved:
            await listener(data.services, old, new)


async def _deliver(context: Context, call: Callable[[int, bool], Awaitable[Message]], chat_id: int,
                   what: str) -> Delivery:
    """Run `call(chat_id, plain)` until it succeeds or cannot (the module doc says how each outcome is met)."""
    plain = False
    got = Delivery(Outcome.NETWORK, "not tried")
    for attempt in range(ATTEMPTS):
        try:
            return Delivery(Outcome.SENT, message=await call(chat_id, plain))
        except Exception as exc:
            got = classify(exc)
        if got.outcome is Outcome.WAIT:
            log.warning("%s to chat %s: flood control, retrying in %.1f s", what, chat_id, got.wait_s)
            await asyncio.sleep(min(got.wait_s, MAX_WAIT_S))
        elif got.outcome is Outcome.MIGRATED and got.new_chat_id is not None:
            log.info("chat %s migrated to %s; resending there", chat_id, got.new_chat_id)
            if isinstance(context.bot_data, BotData):
                await chat_moved(context.bot_data, chat_id, got.new_chat_id)
            chat_id = got.new_chat_id
        elif got.outcome is Outcome.GONE:
            log.info("%s to chat %s refused: %s", what, chat_id, got.detail)
            if isinstance(context.bot_data, BotData):
                await chat_gone(context.bot_data, chat_id, got.detail)
            return got
        elif got.outcome in (Outcome.MARKUP, Outcome.REJECTED):
            if plain:
                log.error("%s to chat %s rejected: %s", what, chat_id, got.detail)
                return got
            log.warning("%s to chat %s rejected (%s); resending as plain text", what, chat_id, got.detail)
            plain = True
        else:
            log.warning("%s to chat %s failed: %s (attempt %d)", what, chat_id, got.detail, attempt + 1)
            await asyncio.sleep(BACKOFF_S[min(attempt, len(BACKOFF_S) - 1)])
    log.error("%s to chat %s given up after %d attempts", what, chat_id, ATTEMPTS)
    return got


def _reply(reply_to: int | None) -> ReplyParameters | None:
    return None if reply_to is None else ReplyParameters(reply_to, allow_sending_without_reply=True)


async def send_html(context: Context, chat_id: int, text: str, *, reply_markup: InlineKeyboardMarkup | None = None,
                    reply_to: int | None = None) -> Message | None:
    async def call(target: int, plain: bool) -> Message:
        return await context.bot.send_message(
            target, plain_from_html(text) if plain else text, parse_mode=None if plain else ParseMode.HTML,
            reply_markup=reply_markup, reply_parameters=_reply(reply_to), link_preview_options=_NO_PREVIEW)

    return (await _deliver(context, call, chat_id, "sendMessage")).message


async def send_photo(context: Context, chat_id: int, png: bytes, caption: str, *,
                     reply_markup: InlineKeyboardMarkup | None = None, reply_to: int | None = None) -> Message | None:
    async def call(target: int, plain: bool) -> Message:
        return await context.bot.send_photo(
            target, png, caption=plain_from_html(caption) if plain else caption,
            parse_mode=None if plain else ParseMode.HTML, reply_markup=reply_markup, reply_parameters=_reply(reply_to))

    return (await _deliver(context, call, chat_id, "sendPhoto")).message


async def edit_html(bot: Bot, chat_id: int, message_id: int, text: str,
                    reply_markup: InlineKeyboardMarkup | None = None) -> bool:
    """Edit a message in place (paging); 'message is not modified' counts as done. Same policy as a reply, but
    an edit that cannot be made is simply not made (the message stays as it was)."""
    for attempt in range(ATTEMPTS):
        try:
            await bot.edit_message_text(text, chat_id=chat_id, message_id=message_id, parse_mode=ParseMode.HTML,
                                        reply_markup=reply_markup, link_preview_options=_NO_PREVIEW)
            return True
        except Exception as exc:
            got = classify(exc)
        if "not modified" in got.detail.lower():
            return True
        if got.outcome is Outcome.WAIT:
            await asyncio.sleep(min(got.wait_s, MAX_WAIT_S))
        elif got.outcome is Outcome.NETWORK:
            await asyncio.sleep(BACKOFF_S[min(attempt, len(BACKOFF_S) - 1)])
        else:
            log.warning("editMessageText in chat %s not made: %s", chat_id, got.detail)
            return False
    return False


async def answer_callback(query: Any, text: str | None = None, show_alert: bool = False) -> None:
    """Acknowledge a button press; an expired query id (400) or a network hiccup never stops the work."""
    try:
        await query.answer(text, show_alert=show_alert)
    except (BadRequest, NetworkError) as exc:
        log.info("answerCallbackQuery failed: %s", getattr(exc, "message", exc))


@contextlib.asynccontextmanager
async def typing(bot: Bot, chat_id: int, after_s: float = 0.4, action: str = ChatAction.TYPING) -> AsyncIterator[None]:
    """Show "escribiendo…" while the body runs, but only if it takes longer than `after_s` (fast answers
    need no indicator, and cost nothing: a timer, no task); repeated every 4.5 s, since Telegram clears it
    after 5 s."""
    loop = asyncio.get_running_loop()
    task: asyncio.Task[None] | None = None

    async def keep_typing() -> None:
        while True:
            try:
                await bot.send_chat_action(chat_id, action)
            except Exception as exc:  # the indicator is cosmetic: never let it fail the answer
                log.debug("sendChatAction failed: %s", exc)
            await asyncio.sleep(4.5)

    def start() -> None:
        nonlocal task
        task = loop.create_task(keep_typing())

    timer = loop.call_later(after_s, start)
    try:
        yield
    finally:
        timer.cancel()
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
