"""A local fake Telegram Bot API server for tests and benchmarks (HTTP on 127.0.0.1, stdlib only).

It speaks the Bot API's wire format (``POST /bot<TOKEN>/<method>``, form-encoded, multipart or JSON bodies;
``{"ok": true, "result": ...}`` or ``{"ok": false, "error_code": ..., "description": ..., "parameters": ...}``),
keeps a queue of updates that tests inject and serves them through long-polling ``getUpdates`` (offset
confirms, timeout waits) or pushes them to a webhook set with ``setWebhook``, records every request, and can
be scripted to fail: 429 with ``retry_after``, 403 (bot blocked), 400, slow answers and dropped requests
(the client times out and nothing is delivered).

In-process use::

    with BotAPIServer(token="123:abc") as api:            # or api.start() / api.stop()
        env = {"SIPSABOT_BOT_API_URL": api.base_url, "TELEGRAM_BOT_TOKEN": api.token}
        api.inject(api.updates.private_text(1001, "precio papa criolla"))
        call = api.wait_for("sendMessage", where=lambda c: c.chat_id == 1001)
        api.fail_next("sendMessage", 429, retry_after=1)
        api.delay("sendMessage", 0.05)                    # every sendMessage answers 50 ms late
        api.drop_next("sendMessage", hold_s=3)            # the client times out, nothing delivered
        api.block(1001)                                   # 403 Forbidden: bot was blocked by the user

Without any socket, for unit tests: ``BotAPIServer(listen=False)`` plus ``RecordingRequest(api)`` as PTB's
transport (``api.observe(update)`` before ``Application.process_update`` so callback/inline ids are known).
The real bot process against it: ``BotProcess(api, db_path, log_path, env).start()`` / ``.kill()`` / ``.stop()``.

As a separate process: ``python -m tests.botapi --port 8081 --token 123:abc``. It then also answers a small
control API: ``POST /_control/inject`` (one update or a list, JSON), ``GET /_control/calls[?method=...]``,
``POST /_control/fail`` (``{"method", "error_code", "description", "retry_after", "times"}``),
``POST /_control/delay`` (``{"method", "seconds", "times"}``), ``POST /_control/block`` (``{"chat_id"}``),
``POST /_control/admins`` (``{"chat_id", "user_ids"}``) and ``POST /_control/reset``.
"""

from __future__ import annotations

import argparse
import email.parser
import email.policy
import html.parser
import itertools
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from telegram.error import TimedOut
from telegram.request import BaseRequest, RequestData

DEFAULT_TOKEN = "123456:TEST-token_for-the-local-bot-api"
BOT_ID = 777000111
BOT_USERNAME = "SipsaTestBot"

# Parameters that are plain strings on the wire (never JSON-decoded, so a text "123" stays a string).
TEXT_FIELDS = {
    "text", "caption", "callback_query_id", "inline_query_id", "parse_mode", "url", "secret_token",
    "next_offset", "action", "description", "short_description", "language_code", "ip_address", "query",
}
HTML_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre",
             "blockquote", "tg-emoji"}
MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64


# --------------------------------------------------------------------------------------------- recorded calls


@dataclass
class Call:
    """One request the server received, with what it answered."""

    method: str
    params: dict[str, Any]
    files: dict[str, tuple[str, str, bytes]]  # field -> (filename, content type, bytes)
    token: str
    received: float  # time.monotonic() when the request arrived
    answered: float = 0.0
    status: int = 0  # HTTP status answered; 0 = dropped (the client timed out, nothing delivered)
    result: Any = None
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.status == 200

    @property
    def chat_id(self) -> int | str | None:
        return self.params.get("chat_id")

    @property
    def text(self) -> str:
        return str(self.params.get("text") or self.params.get("caption") or "")

    @property
    def reply_markup(self) -> dict[str, Any] | None:
        markup = self.params.get("reply_markup")
        return markup if isinstance(markup, dict) else None

    def buttons(self) -> list[dict[str, Any]]:
        """Inline keyboard buttons, row by row, flattened."""
        markup = self.reply_markup or {}
        return [b for row in markup.get("inline_keyboard", []) for b in row]


class ApiError(Exception):
    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters


@dataclass
class _Rule:
    """A scripted behaviour for one method: fail, delay or drop, for `times` calls (None = until cleared)."""

    kind: str  # fail | delay | drop
    times: int | None
    where: Callable[[Call], bool] | None = None
    error_code: int = 0
    description: str = ""
    parameters: dict[str, Any] | None = None
    seconds: float = 0.0


@dataclass
class _Message:
    chat: dict[str, Any]
    message_id: int
    text: str = ""
    reply_markup: Any = None


@dataclass
class _State:
    updates: list[dict[str, Any]] = field(default_factory=list)  # pending, ascending update_id
    delivered_at: dict[int, float] = field(default_factory=dict)  # update_id -> first time served
    next_update_id: int = 1
    calls: list[Call] = field(default_factory=list)
    rules: dict[str, list[_Rule]] = field(default_factory=dict)
    blocked: set[int] = field(default_factory=set)
    chats: dict[int, dict[str, Any]] = field(default_factory=dict)
    admins: dict[int, set[int]] = field(default_factory=dict)
    messages: dict[tuple[int, int], _Message] = field(default_factory=dict)
    next_message_id: dict[int, int] = field(default_factory=dict)
    callback_ids: set[str] = field(default_factory=set)
    inline_ids: set[str] = field(default_factory=set)
    webhook: dict[str, Any] = field(default_factory=dict)
    commands: list[dict[str, Any]] = field(default_factory=list)


# ----------------------------------------------------------------------------------------- update builders


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _entities(text: str) -> list[dict[str, Any]]:
    """bot_command and mention entities as Telegram computes them (offsets in UTF-16 code units)."""
    found = []
    for match in re.finditer(r"(?<![\w/@])(/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?)|(@[A-Za-z0-9_]{5,32})", text):
        kind = "bot_command" if match.group(1) else "mention"
        found.append({"type": kind, "offset": _utf16_len(text[: match.start()]),
                      "length": _utf16_len(match.group(0))})
    return found


class Updates:
    """Builds Bot API-shaped update dicts (the JSON Telegram sends), for the server and for unit tests."""

    def __init__(self, bot_id: int = BOT_ID, bot_username: str = BOT_USERNAME) -> None:
        self.bot_id = bot_id
        self.bot_username = bot_username
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._query_ids = itertools.count(1)

    def bot_user(self) -> dict[str, Any]:
        return {"id": self.bot_id, "is_bot": True, "first_name": "SIPSABot", "username": self.bot_username}

    @staticmethod
    def user(user_id: int, first_name: str = "Ana", username: str | None = None) -> dict[str, Any]:
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": "es"}
        if username:
            user["username"] = username
        return user

    @staticmethod
    def private_chat(user_id: int, first_name: str = "Ana") -> dict[str, Any]:
        return {"id": user_id, "type": "private", "first_name": first_name}

    @staticmethod
    def group_chat(chat_id: int, title: str = "Comerciantes", kind: str = "group") -> dict[str, Any]:
        return {"id": chat_id, "type": kind, "title": title}

    def _update(self, key: str, payload: dict[str, Any]) -> dict[str, Any]:
        return {"update_id": next(self._update_ids), key: payload}

    def message(self, chat: dict[str, Any], sender: dict[str, Any], text: str,
                reply_to: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
        msg: dict[str, Any] = {"message_id": next(self._message_ids), "date": int(time.time()), "chat": chat,
                               "from": sender, "text": text}
        entities = _entities(text)
        if entities:
            msg["entities"] = entities
        if reply_to is not None:
            msg["reply_to_message"] = reply_to
        msg.update(extra)
        return msg

    def private_text(self, user_id: int, text: str, first_name: str = "Ana") -> dict[str, Any]:
        return self._update("message", self.message(self.private_chat(user_id, first_name),
                                                    self.user(user_id, first_name), text))

    def group_text(self, chat_id: int, user_id: int, text: str, *, title: str = "Comerciantes",
                   kind: str = "group", reply_to_bot: str | None = None, first_name: str = "Luis") -> dict[str, Any]:
        """A message in a group; `reply_to_bot` makes it a reply to a bot message with that text."""
        chat = self.group_chat(chat_id, title, kind)
        reply = None
        if reply_to_bot is not None:
            reply = {"message_id": next(self._message_ids), "date": int(time.time()), "chat": chat,
                     "from": self.bot_user(), "text": reply_to_bot}
        return self._update("message", self.message(chat, self.user(user_id, first_name), text, reply_to=reply))

    def callback(self, user_id: int, chat: dict[str, Any], message_id: int, data: str,
                 message_text: str = "…") -> dict[str, Any]:
        message = {"message_id": message_id, "date": int(time.time()), "chat": chat, "from": self.bot_user(),
                   "text": message_text}
        return self._update("callback_query", {"id": f"cb{next(self._query_ids)}", "from": self.user(user_id),
                                               "chat_instance": f"ci{chat['id']}", "message": message,
                                               "data": data})

    def inline_query(self, user_id: int, query: str, offset: str = "") -> dict[str, Any]:
        return self._update("inline_query", {"id": f"iq{next(self._query_ids)}", "from": self.user(user_id),
                                             "query": query, "offset": offset, "chat_type": "sender"})

    def migrate(self, old_chat_id: int, new_chat_id: int, user_id: int = 1, title: str = "Comerciantes") -> dict:
        """The service message a group gets when it becomes a supergroup."""
        msg = {"message_id": next(self._message_ids), "date": int(time.time()),
               "chat": self.group_chat(old_chat_id, title), "from": self.user(user_id),
               "migrate_to_chat_id": new_chat_id}
        return self._update("message", msg)


# ------------------------------------------------------------------------------------------ request parsing


def _decode_params(raw: dict[str, str]) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for key, value in raw.items():
        if key in TEXT_FIELDS:
            params[key] = value
            continue
        try:
            params[key] = json.loads(value)
        except (ValueError, TypeError):
            params[key] = value
    return params


def _parse_body(content_type: str, body: bytes) -> tuple[dict[str, Any], dict[str, tuple[str, str, bytes]]]:
    files: dict[str, tuple[str, str, bytes]] = {}
    if not body:
        return {}, files
    if content_type.startswith("application/json"):
        data = json.loads(body.decode("utf-8"))
        return (data if isinstance(data, dict) else {}), files
    if content_type.startswith("multipart/form-data"):
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body)
        raw: dict[str, str] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            filename = part.get_filename()
            payload = part.get_payload(decode=True) or b""
            if filename is not None:
                files[str(name)] = (filename, part.get_content_type(), payload)
            else:
                raw[str(name)] = payload.decode("utf-8")
        return _decode_params(raw), files
    pairs = urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True)
    return _decode_params(dict(pairs)), files


class _HTMLCheck(html.parser.HTMLParser):
    """Telegram's HTML parse mode: a few tags, balanced; every other < > & escaped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.visible: list[str] = []
        self.error = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in HTML_TAGS:
            self.error = self.error or f'Unsupported start tag "{tag}"'
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.error = self.error or f'Unmatched end tag "{tag}"'
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.visible.append(data)


def visible_html(text: str) -> str:
    """The text a user sees for an HTML-formatted message; raises ApiError(400) like Telegram does."""
    bad_amp = re.search(r"&(?!(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)", text)
    if bad_amp:
        raise ApiError(400, f"Bad Request: can't parse entities: unsupported entity at byte offset {bad_amp.start()}")
    if re.search(r"<(?![a-zA-Z/])", text):
        raise ApiError(400, "Bad Request: can't parse entities: unexpected < character")
    checker = _HTMLCheck()
    checker.feed(text)
    checker.close()
    if checker.error or checker.stack:
        raise ApiError(400, f"Bad Request: can't parse entities: {checker.error or 'unclosed tag'}")
    return "".join(checker.visible)


def _check_markup(markup: Any) -> None:
    if markup is None:
        return
    if not isinstance(markup, dict):
        raise ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")
    for row in markup.get("inline_keyboard", []):
        for button in row:
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode("utf-8")) <= MAX_CALLBACK_DATA:
                raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
            if not button.get("text"):
                raise ApiError(400, "Bad Request: text buttons are unallowed in the inline keyboard")


# ---------------------------------------------------------------------------------------------- the server


class BotAPIServer:
    """The fake Bot API. Thread-safe; every public method may be called from tests while the bot runs."""

    def __init__(self, token: str = DEFAULT_TOKEN, host: str = "127.0.0.1", port: int = 0,
                 bot_username: str = BOT_USERNAME, bot_id: int = BOT_ID, control: bool = True,
                 listen: bool = True) -> None:
        self.token = token
        self.host = host
        self.bot_username = bot_username
        self.bot_id = bot_id
        self.control = control
        self.updates = Updates(bot_id, bot_username)
        self._state = _State()
        self._cond = threading.Condition()
        self._stopping = False
        # listen=False: no socket at all, for RecordingRequest (unit tests call handle() directly)
        self._httpd = ThreadingHTTPServer((host, port), self._handler_class()) if listen else None
        if self._httpd is not None:
            self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None
        self._pusher: threading.Thread | None = None

    # lifecycle ---------------------------------------------------------------------------------------------
    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("this BotAPIServer does not listen (listen=False)")
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        """What to pass as PTB's base_url / SIPSABOT_BOT_API_URL (the token is appended by the client)."""
        return f"http://{self.host}:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://{self.host}:{self.port}/file/bot"

    def start(self) -> BotAPIServer:
        if self._httpd is None:
            raise RuntimeError("this BotAPIServer does not listen (listen=False)")
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="fake-bot-api", daemon=True)
        self._thread.start()
        self._pusher = threading.Thread(target=self._push_loop, name="fake-bot-api-webhook", daemon=True)
        self._pusher.start()
        return self

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread:
            self._thread.join(timeout=5)
        if self._pusher:
            self._pusher.join(timeout=5)

    def __enter__(self) -> BotAPIServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # updates -----------------------------------------------------------------------------------------------
    def inject(self, *updates: dict[str, Any]) -> list[int]:
        """Queue updates for the bot (update_id re-numbered by the server); returns their ids."""
        ids = []
        with self._cond:
            for update in updates:
                update = dict(update)
                update["update_id"] = self._state.next_update_id
                self._state.next_update_id += 1
                self._learn(update)
                self._state.updates.append(update)
                ids.append(update["update_id"])
            self._cond.notify_all()
        return ids

    def pending_updates(self) -> int:
        """Updates not yet confirmed by the bot (a later getUpdates offset, or a 200 from the webhook)."""
        with self._cond:
            return len(self._state.updates)

    def delivered_at(self, update_id: int) -> float | None:
        with self._cond:
            return self._state.delivered_at.get(update_id)

    def observe(self, update: dict[str, Any]) -> None:
        """Learn an update's chats and query ids without queueing it (for updates fed to the bot directly,
        e.g. Application.process_update in unit tests), so answers to them are accepted."""
        with self._cond:
            self._learn(update)

    def _learn(self, update: dict[str, Any]) -> None:
        for key in ("message", "edited_message", "channel_post"):
            msg = update.get(key)
            if msg and "chat" in msg:
                self._state.chats.setdefault(msg["chat"]["id"], msg["chat"])
        if "callback_query" in update:
            self._state.callback_ids.add(update["callback_query"]["id"])
        if "inline_query" in update:
            self._state.inline_ids.add(update["inline_query"]["id"])

    # scripted behaviour -----------------------------------------------------------------------------------
    def fail_next(self, method: str, error_code: int, description: str = "", *, retry_after: int | None = None,
                  times: int | None = 1, where: Callable[[Call], bool] | None = None,
                  migrate_to_chat_id: int | None = None) -> None:
        """The next `times` calls of `method` (matching `where`) answer with a Telegram-shaped error."""
        parameters: dict[str, Any] = {}
        if retry_after is not None:
            parameters["retry_after"] = retry_after
        if migrate_to_chat_id is not None:
            parameters["migrate_to_chat_id"] = migrate_to_chat_id
        if not description:
            description = {
                429: f"Too Many Requests: retry after {retry_after or 1}",
                403: "Forbidden: bot was blocked by the user",
                400: "Bad Request: chat not found",
                500: "Internal Server Error",
                502: "Bad Gateway",
            }.get(error_code, "Error")
        self._add_rule(method, _Rule("fail", times, where, error_code, description, parameters or None))

    def delay(self, method: str, seconds: float, *, times: int | None = None,
              where: Callable[[Call], bool] | None = None) -> None:
        """Answer `method` late: the request waits `seconds`, then is handled and answered."""
        self._add_rule(method, _Rule("delay", times, where, seconds=seconds))

    def drop_next(self, method: str, hold_s: float = 5.0, *, times: int | None = 1,
                  where: Callable[[Call], bool] | None = None) -> None:
        """Hold the request `hold_s` seconds, then close the connection without handling it (a timeout)."""
        self._add_rule(method, _Rule("drop", times, where, seconds=hold_s))

    def block(self, chat_id: int) -> None:
        """Every send to this chat gets 403 'bot was blocked by the user' until unblocked."""
        with self._cond:
            self._state.blocked.add(int(chat_id))

    def unblock(self, chat_id: int) -> None:
        with self._cond:
            self._state.blocked.discard(int(chat_id))

    def set_admins(self, chat_id: int, user_ids: Iterable[int]) -> None:
        with self._cond:
            self._state.admins[int(chat_id)] = {int(u) for u in user_ids}

    def add_chat(self, chat: dict[str, Any]) -> None:
        with self._cond:
            self._state.chats[int(chat["id"])] = chat

    def clear_behaviour(self) -> None:
        with self._cond:
            self._state.rules.clear()
            self._state.blocked.clear()

    def reset(self) -> None:
        """Forget everything but the update-id counter (so a running bot's offset stays valid)."""
        with self._cond:
            keep = self._state.next_update_id
            self._state = _State(next_update_id=keep)
            self._cond.notify_all()

    def _add_rule(self, method: str, rule: _Rule) -> None:
        with self._cond:
            self._state.rules.setdefault(method, []).append(rule)

    def _take_rule(self, call: Call) -> _Rule | None:
        with self._cond:
            rules = self._state.rules.get(call.method, [])
            for rule in rules:
                if rule.where is not None and not rule.where(call):
                    continue
                if rule.times is not None:
                    rule.times -= 1
                    if rule.times <= 0:
                        rules.remove(rule)
                return rule
        return None

    # recorded requests -------------------------------------------------------------------------------------
    def calls(self, method: str | None = None, *, ok: bool | None = None,
              where: Callable[[Call], bool] | None = None) -> list[Call]:
        with self._cond:
            found = list(self._state.calls)
        return [c for c in found if (method is None or c.method == method) and (ok is None or c.ok == ok)
                and (where is None or where(c))]

    def sent(self, chat_id: int | None = None) -> list[Call]:
        """Messages and photos actually delivered (status 200), optionally to one chat."""
        return [c for c in self.calls(ok=True) if c.method in {"sendMessage", "sendPhoto"}
                and (chat_id is None or c.chat_id == chat_id)]

    def wait_for(self, method: str, *, where: Callable[[Call], bool] | None = None, count: int = 1,
                 timeout: float = 10.0, ok: bool | None = True) -> list[Call]:
        """Block until `count` calls of `method` (matching) were answered; returns them, raises on timeout."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [c for c in self._state.calls if c.method == method and c.answered
                         and (ok is None or c.ok == ok) and (where is None or where(c))]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"{method}: {len(found)} of {count} calls after {timeout} s")
                self._cond.wait(left)

    def commands(self) -> list[dict[str, Any]]:
        with self._cond:
            return list(self._state.commands)

    def message(self, chat_id: int, message_id: int) -> dict[str, Any] | None:
        with self._cond:
            msg = self._state.messages.get((int(chat_id), int(message_id)))
            return None if msg is None else {"text": msg.text, "reply_markup": msg.reply_markup}

    # dispatch ----------------------------------------------------------------------------------------------
    def handle(self, token: str, method: str, params: dict[str, Any],
               files: dict[str, tuple[str, str, bytes]]) -> tuple[int, dict[str, Any], float]:
        """Answer one Bot API call: (HTTP status, JSON body, seconds to wait first). Status 0 = drop."""
        call = Call(method, params, files, token, time.monotonic())
        with self._cond:
            self._state.calls.append(call)
        try:
            if token != self.token:
                raise ApiError(401, "Unauthorized")
            chat_id = params.get("chat_id")
            if method.startswith(("send", "edit")) and isinstance(chat_id, int):
                with self._cond:
                    blocked = chat_id in self._state.blocked
                if blocked:
                    raise ApiError(403, "Forbidden: bot was blocked by the user")
            rule = self._take_rule(call)
            if rule is not None and rule.kind == "drop":
                self._finish(call, 0, None, "dropped")
                return 0, {}, rule.seconds
            if rule is not None and rule.kind == "fail":
                raise ApiError(rule.error_code, rule.description, rule.parameters)
            if rule is not None and rule.kind == "delay":
                time.sleep(rule.seconds)
            handler = getattr(self, "_m_" + method, None)
            if handler is None:
                raise ApiError(404, "Not Found")
            result = handler(params, call) if method == "getUpdates" else handler(params, files)
        except ApiError as err:
            body: dict[str, Any] = {"ok": False, "error_code": err.code, "description": err.description}
            if err.parameters:
                body["parameters"] = err.parameters
            self._finish(call, err.code, None, err.description)
            return err.code, body, 0.0
        self._finish(call, 200, result, "")
        return 200, {"ok": True, "result": result}, 0.0

    def _finish(self, call: Call, status: int, result: Any, error: str) -> None:
        with self._cond:
            call.status, call.result, call.error, call.answered = status, result, error, time.monotonic()
            self._cond.notify_all()

    # methods -----------------------------------------------------------------------------------------------
    def _m_getMe(self, params: dict[str, Any], files: Any) -> dict[str, Any]:
        return {**self.updates.bot_user(), "can_join_groups": True, "can_read_all_group_messages": False,
                "supports_inline_queries": True}

    def _m_deleteWebhook(self, params: dict[str, Any], files: Any) -> bool:
        with self._cond:
            self._state.webhook = {}
            if params.get("drop_pending_updates"):
                self._state.updates.clear()
        return True

    def _m_setWebhook(self, params: dict[str, Any], files: Any) -> bool:
        url = str(params.get("url") or "")
        with self._cond:
            self._state.webhook = {"url": url, "secret_token": params.get("secret_token") or ""} if url else {}
            if params.get("drop_pending_updates"):
                self._state.updates.clear()
            self._cond.notify_all()
        return True

    def _m_getWebhookInfo(self, params: dict[str, Any], files: Any) -> dict[str, Any]:
        with self._cond:
            return {"url": self._state.webhook.get("url", ""), "has_custom_certificate": False,
                    "pending_update_count": len(self._state.updates)}

    def _m_setMyCommands(self, params: dict[str, Any], files: Any) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise ApiError(400, "Bad Request: can't parse commands JSON object")
        for c in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", str(c.get("command", ""))) or not c.get("description"):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
        with self._cond:
            self._state.commands = commands
        return True

    def _m_getMyCommands(self, params: dict[str, Any], files: Any) -> list[dict[str, Any]]:
        return self.commands()

    def _m_getUpdates(self, params: dict[str, Any], call: Call) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        deadline = time.monotonic() + timeout
        with self._cond:
            if self._state.webhook:
                raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active; "
                                    "use deleteWebhook to delete the webhook first")
            if offset:
                self._state.updates = [u for u in self._state.updates if u["update_id"] >= offset]
            while not self._state.updates and not self._stopping:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._cond.wait(min(left, 0.5))
            batch = self._state.updates[:limit]
            now = time.monotonic()
            for u in batch:
                self._state.delivered_at.setdefault(u["update_id"], now)
            return batch

    def _chat(self, chat_id: Any) -> dict[str, Any]:
        if not isinstance(chat_id, int):
            raise ApiError(400, "Bad Request: chat not found")
        with self._cond:
            chat = self._state.chats.get(chat_id)
        if chat is None:
            chat = {"id": chat_id, "type": "private", "first_name": "Ana"} if chat_id > 0 else \
                {"id": chat_id, "type": "group", "title": "Grupo"}
        return chat

    def _store_message(self, chat: dict[str, Any], text: str, markup: Any, extra: dict[str, Any]) -> dict:
        with self._cond:
            message_id = self._state.next_message_id.get(chat["id"], 1000)
            self._state.next_message_id[chat["id"]] = message_id + 1
            self._state.messages[(chat["id"], message_id)] = _Message(chat, message_id, text, markup)
        msg = {"message_id": message_id, "date": int(time.time()), "chat": chat, "from": self.updates.bot_user(),
               **extra}
        if markup:
            msg["reply_markup"] = markup
        return msg

    @staticmethod
    def _visible(text: str, parse_mode: Any) -> str:
        return visible_html(text) if parse_mode == "HTML" else text

    def _m_sendMessage(self, params: dict[str, Any], files: Any) -> dict[str, Any]:
        chat = self._chat(params.get("chat_id"))
        text = str(params.get("text") or "")
        visible = self._visible(text, params.get("parse_mode"))
        if not visible.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if len(visible) > MAX_TEXT:
            raise ApiError(400, "Bad Request: message is too long")
        _check_markup(params.get("reply_markup"))
        return self._store_message(chat, visible, params.get("reply_markup"), {"text": visible})

    def _m_sendPhoto(self, params: dict[str, Any], files: dict[str, tuple[str, str, bytes]]) -> dict[str, Any]:
        chat = self._chat(params.get("chat_id"))
        photo = params.get("photo")
        data = b""
        if isinstance(photo, str) and photo.startswith("attach://"):
            data = files.get(photo.removeprefix("attach://"), ("", "", b""))[2]
        elif "photo" in files:
            data = files["photo"][2]
        if not data:
            raise ApiError(400, "Bad Request: there is no photo in the request")
        if not data.startswith(b"\x89PNG") and not data.startswith(b"\xff\xd8"):
            raise ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED")
        caption = self._visible(str(params.get("caption") or ""), params.get("parse_mode"))
        if len(caption) > MAX_CAPTION:
            raise ApiError(400, "Bad Request: message caption is too long")
        _check_markup(params.get("reply_markup"))
        size = {"file_id": f"photo{len(data)}", "file_unique_id": f"u{len(data)}", "width": 1000, "height": 600,
                "file_size": len(data)}
        extra: dict[str, Any] = {"photo": [size]}
        if caption:
            extra["caption"] = caption
        return self._store_message(chat, caption, params.get("reply_markup"), extra)

    def _m_sendChatAction(self, params: dict[str, Any], files: Any) -> bool:
        self._chat(params.get("chat_id"))
        if params.get("action") not in {"typing", "upload_photo", "upload_document", "find_location"}:
            raise ApiError(400, "Bad Request: wrong parameter action in request")
        return True

    def _edit(self, params: dict[str, Any], text: str | None) -> dict[str, Any] | bool:
        if params.get("inline_message_id"):
            return True
        key = (params.get("chat_id"), params.get("message_id"))
        with self._cond:
            msg = self._state.messages.get(key)  # type: ignore[arg-type]
        if msg is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        markup = params.get("reply_markup")
        _check_markup(markup)
        new_text = msg.text if text is None else text
        if new_text == msg.text and markup == msg.reply_markup:
            raise ApiError(400, "Bad Request: message is not modified: specified new message content and reply "
                                "markup are exactly the same as a current content and reply markup of the message")
        with self._cond:
            msg.text, msg.reply_markup = new_text, markup
        out = {"message_id": msg.message_id, "date": int(time.time()), "chat": msg.chat,
               "from": self.updates.bot_user(), "text": new_text, "edit_date": int(time.time())}
        if markup:
            out["reply_markup"] = markup
        return out

    def _m_editMessageText(self, params: dict[str, Any], files: Any) -> dict[str, Any] | bool:
        visible = self._visible(str(params.get("text") or ""), params.get("parse_mode"))
        if not visible.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if len(visible) > MAX_TEXT:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        return self._edit(params, visible)

    def _m_editMessageReplyMarkup(self, params: dict[str, Any], files: Any) -> dict[str, Any] | bool:
        return self._edit(params, None)

    def _m_answerCallbackQuery(self, params: dict[str, Any], files: Any) -> bool:
        with self._cond:
            known = params.get("callback_query_id") in self._state.callback_ids
            self._state.callback_ids.discard(str(params.get("callback_query_id")))
        if not known:
            raise ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
        if len(str(params.get("text") or "")) > 200:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        return True

    def _m_answerInlineQuery(self, params: dict[str, Any], files: Any) -> bool:
        with self._cond:
            known = params.get("inline_query_id") in self._state.inline_ids
            self._state.inline_ids.discard(str(params.get("inline_query_id")))
        if not known:
            raise ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
        results = params.get("results")
        if not isinstance(results, list) or len(results) > 50:
            raise ApiError(400, "Bad Request: RESULTS_TOO_MUCH" if isinstance(results, list) else
                           "Bad Request: can't parse inline query results JSON object")
        ids = set()
        for r in results:
            rid = str(r.get("id", ""))
            if not rid or len(rid.encode()) > 64 or rid in ids or not r.get("type"):
                raise ApiError(400, "Bad Request: RESULT_ID_INVALID")
            ids.add(rid)
            content = r.get("input_message_content") or {}
            if "message_text" in content:
                self._visible(str(content["message_text"]), content.get("parse_mode"))
            _check_markup(r.get("reply_markup"))
        return True

    def _member(self, chat_id: int, user_id: int) -> dict[str, Any]:
        with self._cond:
            admins = self._state.admins.get(chat_id, set())
        user = self.updates.user(user_id)
        if user_id in admins:
            return {"status": "administrator", "user": user, "can_be_edited": False, "is_anonymous": False,
                    "can_manage_chat": True, "can_delete_messages": True, "can_manage_video_chats": True,
                    "can_restrict_members": True, "can_promote_members": False, "can_change_info": True,
                    "can_invite_users": True, "can_post_stories": False, "can_edit_stories": False,
                    "can_delete_stories": False}
        return {"status": "member", "user": user}

    def _m_getChatMember(self, params: dict[str, Any], files: Any) -> dict[str, Any]:
        chat = self._chat(params.get("chat_id"))
        return self._member(chat["id"], int(params.get("user_id") or 0))

    def _m_getChatAdministrators(self, params: dict[str, Any], files: Any) -> list[dict[str, Any]]:
        chat = self._chat(params.get("chat_id"))
        if chat.get("type") == "private":
            raise ApiError(400, "Bad Request: there are no administrators in the private chat")
        with self._cond:
            admins = sorted(self._state.admins.get(chat["id"], set()))
        return [self._member(chat["id"], uid) for uid in admins]

    def _m_close(self, params: dict[str, Any], files: Any) -> bool:
        return True

    def _m_logOut(self, params: dict[str, Any], files: Any) -> bool:
        return True

    # webhook push ------------------------------------------------------------------------------------------
    def _push_loop(self) -> None:
        """With a webhook set, POST pending updates one by one; a 200 confirms, anything else retries."""
        while True:
            with self._cond:
                while not self._stopping and not (self._state.webhook and self._state.updates):
                    self._cond.wait(0.5)
                if self._stopping:
                    return
                hook = dict(self._state.webhook)
                update = self._state.updates[0]
                self._state.delivered_at.setdefault(update["update_id"], time.monotonic())
            headers = {"Content-Type": "application/json"}
            if hook.get("secret_token"):
                headers["X-Telegram-Bot-Api-Secret-Token"] = hook["secret_token"]
            req = urllib.request.Request(hook["url"], data=json.dumps(update).encode(), headers=headers)
            try:
                with urllib.request.urlopen(req, timeout=10) as resp:
                    delivered = 200 <= resp.status < 300
            except OSError:
                delivered = False
            with self._cond:
                if delivered and self._state.updates and self._state.updates[0] is update:
                    self._state.updates.pop(0)
                elif not delivered:
                    self._cond.wait(0.2)

    # HTTP plumbing -----------------------------------------------------------------------------------------
    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stall

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

            def _reply(self, status: int, body: Any) -> None:
                data = json.dumps(body, ensure_ascii=False).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                try:
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (its timeout)
                    self.close_connection = True

            def _body(self) -> bytes:
                length = int(self.headers.get("Content-Length") or 0)
                return self.rfile.read(length) if length else b""

            def do_GET(self) -> None:
                self._route(b"")

            def do_POST(self) -> None:
                self._route(self._body())

            def _route(self, body: bytes) -> None:
                url = urllib.parse.urlsplit(self.path)
                if url.path.startswith("/_control/") and server.control:
                    self._control(url.path.removeprefix("/_control/"), url.query, body)
                    return
                match = re.fullmatch(r"/bot([^/]+)/(\w+)", url.path)
                if not match:
                    self._reply(404, {"ok": False, "error_code": 404, "description": "Not Found"})
                    return
                try:
                    params, files = _parse_body(self.headers.get("Content-Type", ""), body)
                except (ValueError, UnicodeDecodeError):
                    self._reply(400, {"ok": False, "error_code": 400, "description": "Bad Request: bad body"})
                    return
                if url.query:
                    params = {**_decode_params(dict(urllib.parse.parse_qsl(url.query))), **params}
                status, answer, wait = server.handle(match.group(1), match.group(2), params, files)
                if wait:
                    time.sleep(wait)
                if status == 0:  # dropped: close without an answer
                    self.close_connection = True
                    return
                self._reply(status, answer)

            def _control(self, action: str, query: str, body: bytes) -> None:
                data = json.loads(body.decode("utf-8")) if body else {}
                if action == "inject":
                    items = data if isinstance(data, list) else [data]
                    self._reply(200, {"ok": True, "result": server.inject(*items)})
                elif action == "calls":
                    method = dict(urllib.parse.parse_qsl(query)).get("method")
                    self._reply(200, {"ok": True, "result": [
                        {"method": c.method, "params": c.params, "status": c.status, "error": c.error,
                         "files": sorted(c.files), "received": c.received, "answered": c.answered}
                        for c in server.calls(method)]})
                elif action == "fail":
                    server.fail_next(data["method"], int(data["error_code"]), data.get("description", ""),
                                     retry_after=data.get("retry_after"), times=data.get("times", 1))
                    self._reply(200, {"ok": True, "result": True})
                elif action == "delay":
                    server.delay(data["method"], float(data["seconds"]), times=data.get("times"))
                    self._reply(200, {"ok": True, "result": True})
                elif action == "block":
                    server.block(int(data["chat_id"]))
                    self._reply(200, {"ok": True, "result": True})
                elif action == "admins":
                    server.set_admins(int(data["chat_id"]), data.get("user_ids", []))
                    self._reply(200, {"ok": True, "result": True})
                elif action == "reset":
                    server.reset()
                    self._reply(200, {"ok": True, "result": True})
                else:
                    self._reply(404, {"ok": False, "error_code": 404, "description": "Not Found"})

        return Handler


class RecordingRequest(BaseRequest):
    """A PTB transport with no network: each Bot API call goes straight to `api.handle()` (same answers,
    validation and recording as over HTTP). For unit tests driving Application.process_update."""

    def __init__(self, api: BotAPIServer) -> None:
        self.api = api

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout: Any = BaseRequest.DEFAULT_NONE, write_timeout: Any = BaseRequest.DEFAULT_NONE,
                         connect_timeout: Any = BaseRequest.DEFAULT_NONE,
                         pool_timeout: Any = BaseRequest.DEFAULT_NONE) -> tuple[int, bytes]:
        match = re.search(r"/bot([^/]+)/(\w+)$", url)
        if match is None:
            return 404, b'{"ok": false, "error_code": 404, "description": "Not Found"}'
        params = _decode_params(request_data.json_parameters) if request_data else {}
        files: dict[str, tuple[str, str, bytes]] = {}
        if request_data is not None:
            for name, value in request_data.multipart_data.items():
                filename, content, mime = value[0], value[1], value[2] if len(value) > 2 else ""
                data = content if isinstance(content, bytes) else content.read()
                files[name] = (str(filename), str(mime), data)
        status, body, _ = self.api.handle(match.group(1), match.group(2), params, files)
        if status == 0:
            raise TimedOut("dropped by the fake Bot API")
        return status, json.dumps(body).encode("utf-8")


class BotProcess:
    """The real `sipsabot run` as a child process, pointed at a BotAPIServer (for end-to-end and kill -9 tests).

    env: TELEGRAM_BOT_TOKEN and SIPSABOT_BOT_API_URL from the server, SIPSABOT_DB=db_path, no refresh on start,
    a SOAP URL on a closed local port (so scheduled refreshes fail fast instead of reaching DANE), short HTTP and
    long-poll timeouts; `env` adds or overrides. Output goes to `log_path`."""

    def __init__(self, api: BotAPIServer, db_path: str | Path, log_path: str | Path,
                 env: dict[str, str] | None = None) -> None:
        self.api = api
        self.log_path = Path(log_path)
        self.env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": api.token,
            "SIPSABOT_BOT_API_URL": api.base_url,
            "SIPSABOT_DB": str(db_path),
            "SIPSABOT_REFRESH_ON_START": "0",
            "SIPSABOT_SOAP_URL": "http://127.0.0.1:9/sipsa",
            "SIPSABOT_HTTP_TIMEOUT": "2",
            "SIPSABOT_POLL_TIMEOUT": "1",
            "SIPSABOT_LLM_MODEL": "",
            "PYTHONUNBUFFERED": "1",
            **(env or {}),
        }
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, ready_timeout: float = 30.0) -> BotProcess:
        """Start and wait until the bot has registered its commands and polls (or set its webhook)."""
        seen = len(self.api.calls())
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen([sys.executable, "-m", "bot", "run"], env=self.env, stdout=log,
                                     stderr=subprocess.STDOUT, cwd=Path(__file__).resolve().parents[1])
        log.close()
        deadline = time.monotonic() + ready_timeout
        while time.monotonic() < deadline:
            calls = self.api.calls()[seen:]
            if any(c.method == "setMyCommands" for c in calls) and \
                    any(c.method in {"getUpdates", "setWebhook"} for c in calls):
                return self
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        raise RuntimeError(f"sipsabot run did not start; log:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def kill(self) -> None:
        """SIGKILL: no clean-up at all (what a crash or kill -9 does)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    def stop(self, timeout: float = 20.0) -> int:
        """SIGTERM and wait: PTB stops polling, finishes and shuts down; returns the exit code."""
        if self.proc is None:
            return 0
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        return int(self.proc.returncode)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fake Telegram Bot API on 127.0.0.1 (tests, benchmarks)")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--token", default=DEFAULT_TOKEN)
    parser.add_argument("--username", default=BOT_USERNAME)
    args = parser.parse_args(argv)
    server = BotAPIServer(token=args.token, port=args.port, bot_username=args.username).start()
    print(f"Bot API on {server.base_url} (token {args.token}); control API on /_control/", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
