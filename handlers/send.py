"""Sending that survives Telegram's errors: every reply goes through `send_html` / `send_photo`.

- 429 RetryAfter: wait what Telegram asks, then send again (AIORateLimiter already retries when it is on).
- Timeouts and network errors: back off and send again (a few attempts).
- 400 "can't parse entities" and other bad requests: send once more as plain text without HTML.
- 403 (bot blocked, kicked): nothing can reach the chat; logged, the `on_blocked` hooks are told.
- ChatMigrated: send to the new supergroup id and tell the `on_migrated` hooks.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from telegram import Bot, InlineKeyboardMarkup, LinkPreviewOptions, Message, ReplyParameters
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TimedOut

from handlers.render import plain_from_html

log = logging.getLogger(__name__)

ATTEMPTS = 5
BACKOFF_S = (0.5, 1.0, 2.0, 4.0)
MAX_RETRY_AFTER_S = 120.0
_NO_PREVIEW = LinkPreviewOptions(is_disabled=True)

# Hooks other features fill (ENG-ALERTS: deactivate a blocked chat's subscriptions, move them on migration).
on_blocked: list[Callable[[int, str], Awaitable[None]]] = []
on_migrated: list[Callable[[int, int], Awaitable[None]]] = []


def _seconds(value: Any) -> float:
    return float(value.total_seconds()) if hasattr(value, "total_seconds") else float(value)


def _retry_after(exc: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB 22 warns that retry_after will become a timedelta; both are handled
        warnings.simplefilter("ignore")
        return min(_seconds(exc.retry_after), MAX_RETRY_AFTER_S)


async def _deliver(call: Callable[[int, bool], Awaitable[Message]], chat_id: int, what: str) -> Message | None:
    """Run `call(chat_id, plain)` until it succeeds or cannot: retries as described in the module doc."""
    plain = False
    for attempt in range(ATTEMPTS):
        try:
            return await call(chat_id, plain)
        except RetryAfter as exc:
            wait = _retry_after(exc)
            log.warning("%s to chat %s: flood control, retrying in %.1f s", what, chat_id, wait)
            await asyncio.sleep(wait)
        except ChatMigrated as exc:
            new_id = int(exc.new_chat_id)
            log.info("chat %s migrated to %s; resending there", chat_id, new_id)
            for hook in on_migrated:
                await hook(chat_id, new_id)
            chat_id = new_id
        except Forbidden as exc:
            log.info("%s to chat %s refused: %s", what, chat_id, exc.message)
            for blocked in on_blocked:
                await blocked(chat_id, exc.message)
            return None
        except TimedOut:
            log.warning("%s to chat %s timed out (attempt %d)", what, chat_id, attempt + 1)
            await asyncio.sleep(BACKOFF_S[min(attempt, len(BACKOFF_S) - 1)])
        except BadRequest as exc:
            if plain:
                log.error("%s to chat %s rejected: %s", what, chat_id, exc.message)
                return None
            log.warning("%s to chat %s rejected (%s); resending as plain text", what, chat_id, exc.message)
            plain = True
        except NetworkError as exc:
            log.warning("%s to chat %s failed: %s (attempt %d)", what, chat_id, exc.message, attempt + 1)
            await asyncio.sleep(BACKOFF_S[min(attempt, len(BACKOFF_S) - 1)])
    log.error("%s to chat %s given up after %d attempts", what, chat_id, ATTEMPTS)
    return None


def _reply(reply_to: int | None) -> ReplyParameters | None:
    return None if reply_to is None else ReplyParameters(reply_to, allow_sending_without_reply=True)


async def send_html(bot: Bot, chat_id: int, text: str, *, reply_markup: InlineKeyboardMarkup | None = None,
                    reply_to: int | None = None) -> Message | None:
    async def call(target: int, plain: bool) -> Message:
        return await bot.send_message(
            target, plain_from_html(text) if plain else text, parse_mode=None if plain else ParseMode.HTML,
            reply_markup=reply_markup, reply_parameters=_reply(reply_to), link_preview_options=_NO_PREVIEW)

    return await _deliver(call, chat_id, "sendMessage")


async def send_photo(bot: Bot, chat_id: int, png: bytes, caption: str, *,
                     reply_markup: InlineKeyboardMarkup | None = None, reply_to: int | None = None) -> Message | None:
    async def call(target: int, plain: bool) -> Message:
        return await bot.send_photo(
            target, png, caption=plain_from_html(caption) if plain else caption,
            parse_mode=None if plain else ParseMode.HTML, reply_markup=reply_markup, reply_parameters=_reply(reply_to))

    return await _deliver(call, chat_id, "sendPhoto")


async def edit_html(bot: Bot, chat_id: int, message_id: int, text: str,
                    reply_markup: InlineKeyboardMarkup | None = None) -> bool:
    """Edit a message in place (paging); 'message is not modified' counts as done."""
    for attempt in range(ATTEMPTS):
        try:
            await bot.edit_message_text(text, chat_id=chat_id, message_id=message_id, parse_mode=ParseMode.HTML,
                                        reply_markup=reply_markup, link_preview_options=_NO_PREVIEW)
            return True
        except RetryAfter as exc:
            await asyncio.sleep(_retry_after(exc))
        except BadRequest as exc:
            if "not modified" in exc.message.lower():
                return True
            log.warning("editMessageText in chat %s rejected: %s", chat_id, exc.message)
            return False
        except Forbidden:
            return False
        except NetworkError:
            await asyncio.sleep(BACKOFF_S[min(attempt, len(BACKOFF_S) - 1)])
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
