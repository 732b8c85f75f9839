"""What every handler shares: the services object, per-chat memory, server-side button payloads and the flood
guard (the typed context and the admin check are in handlers/context.py). No Spanish text here (see
handlers/messages.py)."""

from __future__ import annotations

import asyncio
import functools
import itertools
import json
import logging
import secrets
import threading
import time
import weakref
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol, TypeVar

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
    """ChatState and settings per chat, cached in memory and kept in SQLite (data/chats.py) so a restart or a
    group -> supergroup migration keeps them. Settings are written at once; states (what a chat asked last,
    for follow-ups) are written behind, in one transaction per `flush_s`, so answering never waits on a write.
    The cache is thread-safe (worker threads load, the event loop remembers). One asyncio lock per chat keeps
    a chat's messages in order while other chats run concurrently."""

    def __init__(self, store: Store, run: Callable[..., Awaitable[Any]], size: int = 20_000,
                 flush_s: float = 1.0) -> None:
        self.store = store
        self._run = run
        self._size = size
        self.flush_s = flush_s
        self._cache: OrderedDict[int, tuple[str, dict[str, Any]]] = OrderedDict()  # chat -> (state json, settings)
        self._dirty: dict[int, str] = {}
        self._guard = threading.Lock()
        self._write_lock = threading.Lock()
        self._flush_handle: asyncio.TimerHandle | None = None
        self._locks: weakref.WeakValueDictionary[int, asyncio.Lock] = weakref.WeakValueDictionary()

    def lock(self, chat_id: int) -> asyncio.Lock:
        lock = self._locks.get(chat_id)
        if lock is None:
            lock = asyncio.Lock()
            self._locks[chat_id] = lock
        return lock

    # -- synchronous core (any thread) -------------------------------------------------------------------------
    def _entry(self, chat_id: int) -> tuple[str, dict[str, Any]]:
        with self._guard:
            entry = self._cache.get(chat_id)
            if entry is not None:
                self._cache.move_to_end(chat_id)
                return entry
        found = chats.load(self.store.reader(), chat_id)
        loaded = ("{}", {}) if found is None else (json.dumps(found[0], ensure_ascii=False, default=str), found[1])
        with self._guard:
            entry = self._cache.get(chat_id) or loaded
            self._put(chat_id, entry)
        return entry

    def _put(self, chat_id: int, entry: tuple[str, dict[str, Any]]) -> None:
        self._cache[chat_id] = entry
        self._cache.move_to_end(chat_id)
        while len(self._cache) > self._size:
            old, _ = self._cache.popitem(last=False)
            if old in self._dirty:  # keep unwritten states cached until flushed
                self._cache[old] = (self._dirty[old], {})
                break

    def load(self, chat_id: int) -> tuple[ChatState, dict[str, Any]]:
        """(state, settings) of a chat, from the cache or the mirror."""
        text, settings = self._entry(chat_id)
        return state_from_dict(chat_id, json.loads(text)), dict(settings)

    def remember(self, chat_id: int, state: ChatState) -> bool:
        """Keep a chat's new state (written by the next flush); False when nothing changed."""
        text = json.dumps(state_to_dict(state), ensure_ascii=False, default=str)
        old_text, settings = self._entry(chat_id)
        if text == old_text:
            return False
        with self._guard:
            self._put(chat_id, (text, settings))
            self._dirty[chat_id] = text
        return True

    def flush(self) -> int:
        """Write every changed state in one transaction; returns how many."""
        with self._write_lock:
            with self._guard:
                dirty, self._dirty = self._dirty, {}
            if not dirty:
                return 0
            try:
                self.store.write_sync(chats.save_states, {chat: json.loads(text) for chat, text in dirty.items()})
            except Exception:
                with self._guard:  # keep them for the next flush (newer states win)
                    self._dirty = {**dirty, **self._dirty}
                raise
            return len(dirty)

    # -- async API (event loop) ----------------------------------------------------------------------------------
    async def state(self, chat_id: int) -> ChatState:
        return (await self._run(self.load, chat_id))[0]

    async def settings(self, chat_id: int) -> dict[str, Any]:
        return (await self._run(self.load, chat_id))[1]

    async def save(self, chat_id: int, state: ChatState) -> None:
        if self.remember(chat_id, state):
            self.flush_soon()

    def flush_soon(self) -> None:
        """Schedule a flush in `flush_s` seconds unless one is pending."""
        if self._flush_handle is not None:
            return
        loop = asyncio.get_running_loop()

        def fire() -> None:
            self._flush_handle = None
            future: asyncio.Future[Any] = asyncio.ensure_future(self._run(self.flush))
            future.add_done_callback(_log_failure)

        self._flush_handle = loop.call_later(self.flush_s, fire)

    async def set_setting(self, chat_id: int, key: str, value: Any) -> None:
        text, settings = await self._run(self._entry, chat_id)
        settings = {**settings, key: value}
        if value is None:
            settings.pop(key, None)
        with self._guard:
            self._put(chat_id, (text, settings))
        await self._run(self._write, chats.save_settings, chat_id, settings)

    async def migrate(self, old_chat_id: int, new_chat_id: int) -> None:
        await self._run(self.flush)
        await self._run(self._write, chats.migrate, old_chat_id, new_chat_id)
        with self._guard:
            self._cache.pop(old_chat_id, None)
            self._cache.pop(new_chat_id, None)

    def _write(self, fn: Callable[..., Any], *args: Any) -> Any:
        with self._write_lock:  # orders settings writes after a pending flush of this object's states
            return self.store.write_sync(fn, *args)


def _log_failure(task: asyncio.Future[Any]) -> None:
    if not task.cancelled() and task.exception() is not None:
        logging.getLogger(__name__).error("saving chat states failed", exc_info=task.exception())


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
        self._checks = 0

    def check(self, user_id: int, now: float | None = None) -> str:
        if self.per_minute <= 0:
            return "ok"
        now = time.monotonic() if now is None else now
        self._checks += 1
        if self._checks % 5000 == 0:  # users who went quiet are forgotten now and then
            self.forget_idle(now)
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
    """Everything the handlers use, built by bot/services.py and kept in bot_data.services (handlers/context.py)."""

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
