"""The typed context every handler and job receives (python-telegram-bot's ContextTypes).

`context.bot_data` is a BotData, not a dict of string keys: the services, the settings the jobs read, and the
wiring handlers/__init__.py decides once (which handler answers a forecast or alert question, who hears that a
chat blocked the bot or moved). Nothing here is filled at import time; an Application built without
CONTEXT_TYPES has a plain dict there and `services(context)` says so.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.ext import CallbackContext, ContextTypes, ExtBot

from handlers.common import Services
from models.answer import Answer, ChatState

if TYPE_CHECKING:
    from handlers.jobs import AlertJobs


class JobSettings(Protocol):
    """What the handlers and jobs read of bot/config.Settings (handlers cannot import bot/); read-only."""

    @property
    def db_path(self) -> Path: ...

    @property
    def state_path(self) -> Path: ...

    @property
    def backup_path(self) -> Path: ...

    @property
    def refresh_schedule(self) -> str: ...

    @property
    def refresh_on_start(self) -> bool: ...

    @property
    def timezone(self) -> str: ...

    @property
    def backup_keep(self) -> int: ...

    @property
    def backup_time(self) -> str: ...

    @property
    def model_dir(self) -> Path: ...

    @property
    def forecast_workers(self) -> int: ...

    @property
    def forecast_train(self) -> bool: ...

    @property
    def alert_concurrency(self) -> int: ...

    @property
    def alert_drain_s(self) -> float: ...


# someone who must act when a chat is gone (403) or moved to a supergroup id: (services, chat id, reason | new id)
ChatGone = Callable[[Services, int, str], Awaitable[None]]
ChatMoved = Callable[[Services, int, int], Awaitable[None]]


@dataclass
class BotData:
    services: Services | None = None
    settings: JobSettings | None = None
    features: frozenset[str] = frozenset({"core"})  # /ayuda and the command menu list these features' commands
    # free-text answers with these intents are delivered by their feature's handler instead of as text
    intent_handlers: dict[str, IntentHandler] = field(default_factory=dict)
    chat_gone: tuple[ChatGone, ...] = ()
    chat_moved: tuple[ChatMoved, ...] = ()
    alert_jobs: AlertJobs | None = None  # set by handlers/jobs.register_jobs
    admin_cache: dict[tuple[int, int], tuple[float, bool]] = field(default_factory=dict)


Context = CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]
IntentHandler = Callable[[Update, Context, Answer, ChatState], Awaitable[Any]]
CONTEXT_TYPES: ContextTypes[Context, dict[Any, Any], dict[Any, Any], BotData] = ContextTypes(
    context=CallbackContext, bot_data=BotData)


def bot_data(context: Context) -> BotData:
    found = context.bot_data
    if not isinstance(found, BotData):
        raise RuntimeError("the Application was built without handlers.context.CONTEXT_TYPES "
                           "(use bot.app.build_application)")
    return found


def services(context: Context) -> Services:
    found = bot_data(context).services
    if found is None:
        raise RuntimeError("bot_data.services is not set (use bot.app.build_application)")
    return found


# ------------------------------------------------------------------------------------------------- admin check

_ADMIN = {ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER}
_ADMIN_CACHE_S = 60.0


def is_private(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type == ChatType.PRIVATE


async def is_admin(update: Update, context: Context) -> bool:
    """True in private chats; in groups, for the group's administrators (and anonymous admins posting as the
    group). Answers are cached for a minute per (chat, user)."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None:
        return False
    if chat.type == ChatType.PRIVATE:
        return True
    message = update.effective_message
    if message is not None and message.sender_chat is not None and message.sender_chat.id == chat.id:
        return True
    if user is None:
        return False
    cache = bot_data(context).admin_cache
    hit = cache.get((chat.id, user.id))
    now = time.monotonic()
    if hit and now - hit[0] < _ADMIN_CACHE_S:
        return hit[1]
    member = await context.bot.get_chat_member(chat.id, user.id)
    admin = member.status in _ADMIN
    cache[(chat.id, user.id)] = (now, admin)
    return admin
