"""What every handler shares: the services object, per-chat memory, server-side button payloads, the flood
guard and the admin check. No Spanish text here (see handlers/messages.py)."""

from __future__ import annotations

import asyncio
import functools
import itertools
import json
import secrets
import time
import weakref
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol, TypeVar

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.ext import ContextTypes

from data import chats
from data.store import Store
from models.answer import Answer, ChatState, Choice

T = TypeVar("T")


class AnswerSource(Protocol):
    """The router (models.router.Router) as the handlers use it."""

    def answer(self, text: str, state: ChatState) -> Answer: ...

    def answer_slots(self, slots: dict[str, Any], state: ChatState) -> Answer: ...


# ------------------------------------------------------------------------------------------------ chat memory


def state_to_dict(state: ChatState) -> dict[str, Any]:
    return {"intent": state.intent, "slots": state.slots, "pending": [asdict(c) for c in state.pending]}


def state_from_dict(chat_id: int, data: dict[str, Any]) -> ChatState:
    pending = [Choice(str(c.get("label", "")), str(c.get("text", ""))) for c in data.get("pending") or []
               if isinstance(c, dict)]
    slots = data.get("slots")
    return ChatState(chat_id=chat_id, intent=data.get("intent"), slots=slots if isinstance(slots, dict) else {},
                     pending=pending)


class ChatMemory:
    """ChatState and settings per chat: cached in memory, written through to SQLite (data/chats.py) so a
    restart or a group -> supergroup migration keeps them. One asyncio lock per chat keeps a chat's messages
    in order while other chats run concurrently."""

    def __init__(self, store: Store, run: Callable[..., Awaitable[Any]], size: int = 20_000) -> None:
        self.store = store
        self._run = run
        self._size = size
        self._cache: OrderedDict[int, tuple[str, dict[str, Any]]] = OrderedDict()  # chat -> (state json, settings)
        self._locks: weakref.WeakValueDictionary[int, asyncio.Lock] = weakref.WeakValueDictionary()

    def lock(self, chat_id: int) -> asyncio.Lock:
        lock = self._locks.get(chat_id)
        if lock is None:
            lock = asyncio.Lock()
            self._locks[chat_id] = lock
        return lock

    async def _entry(self, chat_id: int) -> tuple[str, dict[str, Any]]:
        entry = self._cache.get(chat_id)
        if entry is None:
            loaded = await self._run(self._load, chat_id)
            entry = self._cache.get(chat_id) or loaded
            self._remember(chat_id, entry)
        else:
            self._cache.move_to_end(chat_id)
        return entry

    def _load(self, chat_id: int) -> tuple[str, dict[str, Any]]:
        found = chats.load(self.store.reader(), chat_id)
        if found is None:
            return "{}", {}
        return json.dumps(found[0], ensure_ascii=False, default=str), found[1]

    def _remember(self, chat_id: int, entry: tuple[str, dict[str, Any]]) -> None:
        self._cache[chat_id] = entry
        self._cache.move_to_end(chat_id)
        while len(self._cache) > self._size:
            self._cache.popitem(last=False)

    async def state(self, chat_id: int) -> ChatState:
        text, _ = await self._entry(chat_id)
        return state_from_dict(chat_id, json.loads(text))

    async def save(self, chat_id: int, state: ChatState) -> None:
        data = state_to_dict(state)
        text = json.dumps(data, ensure_ascii=False, default=str)
        old_text, settings = await self._entry(chat_id)
        if text == old_text:
            return
        self._remember(chat_id, (text, settings))
        await self._run(self._write, chats.save_state, chat_id, json.loads(text))

    async def settings(self, chat_id: int) -> dict[str, Any]:
        return dict((await self._entry(chat_id))[1])

    async def set_setting(self, chat_id: int, key: str, value: Any) -> None:
        text, settings = await self._entry(chat_id)
        settings = {**settings, key: value}
        if value is None:
            settings.pop(key, None)
        self._remember(chat_id, (text, settings))
        await self._run(self._write, chats.save_settings, chat_id, settings)

    async def migrate(self, old_chat_id: int, new_chat_id: int) -> None:
        await self._run(self._write, chats.migrate, old_chat_id, new_chat_id)
        self._cache.pop(old_chat_id, None)
        self._cache.pop(new_chat_id, None)

    def _write(self, fn: Callable[..., Any], *args: Any) -> Any:
        with self.store.writer() as conn:
            return fn(conn, *args)


# ----------------------------------------------------------------------------------- button payloads (≤ 64 B)


@dataclass
class Keyed:
    chat_id: int
    kind: str  # choices | pages
    payload: Any
    created: float = field(default_factory=time.monotonic)


class KeyedStore:
    """Payloads behind inline buttons, keyed by short ids, so callback_data stays far below 64 bytes.

    Ids carry a per-process prefix: a button from before a restart is recognised as old, not confused with a
    new one. Entries expire after `ttl_s` and the oldest go first when `size` is reached."""

    def __init__(self, size: int = 50_000, ttl_s: float = 3 * 24 * 3600) -> None:
        self._items: OrderedDict[str, Keyed] = OrderedDict()
        self._size = size
        self._ttl = ttl_s
        self._prefix = secrets.token_hex(2)
        self._counter = itertools.count(1)

    def put(self, chat_id: int, kind: str, payload: Any) -> str:
        key = f"{self._prefix}{next(self._counter):x}"
        self._items[key] = Keyed(chat_id, kind, payload)
        while len(self._items) > self._size:
            self._items.popitem(last=False)
        return key

    def get(self, key: str) -> Keyed | None:
        item = self._items.get(key)
        if item is None:
            return None
        if time.monotonic() - item.created > self._ttl:
            del self._items[key]
            return None
        return item

    def drop(self, key: str) -> None:
        self._items.pop(key, None)


# ------------------------------------------------------------------------------------------------ flood guard


class FloodGuard:
    """At most `per_minute` messages per user in any 60 s window; the first message over the limit gets a
    polite warning ("warn"), the rest are ignored ("drop") until the window has room again."""

    def __init__(self, per_minute: int, window_s: float = 60.0) -> None:
        self.per_minute = per_minute
        self.window_s = window_s
        self._seen: dict[int, deque[float]] = {}
        self._warned: dict[int, float] = {}

    def check(self, user_id: int, now: float | None = None) -> str:
        if self.per_minute <= 0:
            return "ok"
        now = time.monotonic() if now is None else now
        seen = self._seen.setdefault(user_id, deque())
        while seen and now - seen[0] >= self.window_s:
            seen.popleft()
        if len(seen) < self.per_minute:
            seen.append(now)
            self._warned.pop(user_id, None)
            return "ok"
        if user_id in self._warned:
            return "drop"
        self._warned[user_id] = now
        return "warn"

    def forget_idle(self, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        for user_id in [u for u, s in self._seen.items() if not s or now - s[-1] >= self.window_s]:
            self._seen.pop(user_id, None)
            self._warned.pop(user_id, None)


# --------------------------------------------------------------------------------------------------- services


@dataclass
class Services:
    """Everything the handlers use, built by bot/services.py and kept in application.bot_data["services"]."""

    store: Store
    router: AnswerSource
    memory: ChatMemory
    keyed: KeyedStore
    flood: FloodGuard
    executor: ThreadPoolExecutor
    llm: Any = None
    features: dict[str, Any] = field(default_factory=dict)  # services other features attach (forecast, alerts)
    on_stop: list[Callable[[], Any]] = field(default_factory=list)

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run blocking work (SQLite, the router, charts) on the services' thread pool."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, functools.partial(fn, *args, **kwargs))


def runner(executor: ThreadPoolExecutor) -> Callable[..., Awaitable[Any]]:
    """`await run(fn, *args)`: blocking work on `executor` (what Services.run does, before Services exists)."""

    async def run(fn: Callable[..., Any], *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(executor, functools.partial(fn, *args))

    return run


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    found = context.bot_data.get("services")
    if not isinstance(found, Services):
        raise RuntimeError("application.bot_data['services'] is not set (use bot.app.build_application)")
    return found


# ------------------------------------------------------------------------------------------------- admin check

_ADMIN = {ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER}
_ADMIN_CACHE_S = 60.0


def is_private(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type == ChatType.PRIVATE


async def is_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
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
    cache: dict[tuple[int, int], tuple[float, bool]] = context.bot_data.setdefault("admin_cache", {})
    hit = cache.get((chat.id, user.id))
    now = time.monotonic()
    if hit and now - hit[0] < _ADMIN_CACHE_S:
        return hit[1]
    member = await context.bot.get_chat_member(chat.id, user.id)
    admin = member.status in _ADMIN
    cache[(chat.id, user.id)] = (now, admin)
    return admin
