"""The one Telegram delivery policy: what each error means, as an outcome the caller acts on.

Replies (handlers/send.py) and the alert fan-out (handlers/jobs.py) send the same way and read errors the same
way; they differ only in what they do with an outcome that is not SENT: a reply waits and tries again while the
user waits for it, the fan-out re-queues the alert in the outbox and moves on to the next chat.

| Telegram says                          | outcome   | a reply                         | the fan-out                 |
|----------------------------------------|-----------|---------------------------------|-----------------------------|
| 429 RetryAfter(n)                      | WAIT      | sleeps n s (≤ 120), tries again | pauses every chat n s       |
| ChatMigrated(new id)                   | MIGRATED  | moves the chat, sends there     | moves the chat, re-queues   |
| 403 Forbidden / 400 "chat not found"   | GONE      | told to the chat-gone listeners | deactivates the chat        |
| 400 "can't parse entities"             | MARKUP    | sends again as plain text       | drops the alert (logged)    |
| other 400                              | REJECTED  | once more as plain text, then   | drops the alert (logged)    |
|                                        |           | gives up (logged)               |                             |
| timeout / network error                | NETWORK   | backs off, tries again          | re-queues, flagged in doubt |
"""

from __future__ import annotations

import datetime as dt
import enum
import warnings
from dataclasses import dataclass
from typing import Any

from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter

MAX_WAIT_S = 120.0  # a reply never sleeps longer than this on a 429 (the user has given up by then)


class Outcome(enum.Enum):
    SENT = "sent"
    WAIT = "wait"
    MIGRATED = "migrated"
    GONE = "gone"
    MARKUP = "markup"
    REJECTED = "rejected"
    NETWORK = "network"


@dataclass(frozen=True)
class Delivery:
    """What one attempt came to. `message` when SENT; `wait_s` for WAIT; `new_chat_id` for MIGRATED;
    `in_doubt` for NETWORK when the request may have reached Telegram (only a failed connect proves it did not)."""

    outcome: Outcome
    detail: str = ""
    message: Any = None
    wait_s: float = 0.0
    new_chat_id: int | None = None
    in_doubt: bool = False

    @property
    def sent(self) -> bool:
        return self.outcome is Outcome.SENT


def retry_after_s(exc: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB 22 warns that retry_after will become a timedelta; both are handled
        warnings.simplefilter("ignore")
        wait = exc.retry_after
    return wait.total_seconds() if isinstance(wait, dt.timedelta) else float(wait)


def classify(exc: Exception) -> Delivery:
    """The policy: a Telegram error as an outcome (the table in the module doc). Anything that is not a Telegram
    error is NETWORK in doubt: we cannot know whether the message left."""
    if isinstance(exc, RetryAfter):
        return Delivery(Outcome.WAIT, f"RetryAfter {retry_after_s(exc)}", wait_s=retry_after_s(exc))
    if isinstance(exc, ChatMigrated):
        return Delivery(Outcome.MIGRATED, f"migrated to {exc.new_chat_id}", new_chat_id=int(exc.new_chat_id))
    if isinstance(exc, Forbidden):
        return Delivery(Outcome.GONE, f"Forbidden: {exc.message}")
    if isinstance(exc, BadRequest):
        text = exc.message.lower()
        if "chat not found" in text:
            return Delivery(Outcome.GONE, f"BadRequest: {exc.message}")
        if "can't parse entities" in text or "can't find end of the entity" in text or "unsupported start tag" in text:
            return Delivery(Outcome.MARKUP, f"BadRequest: {exc.message}")
        return Delivery(Outcome.REJECTED, f"BadRequest: {exc.message}")
    if isinstance(exc, NetworkError):  # TimedOut is a NetworkError
        doubt = not any(m in str(exc) for m in ("ConnectError", "ConnectTimeout"))
        return Delivery(Outcome.NETWORK, f"{type(exc).__name__}: {exc}", in_doubt=doubt)
    return Delivery(Outcome.NETWORK, f"{type(exc).__name__}: {exc}", in_doubt=True)
