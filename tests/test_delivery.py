"""The one delivery policy (handlers/delivery.py): each Telegram answer read as the same outcome by replies and
by the alert fan-out."""

from __future__ import annotations

import pytest
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TimedOut

from handlers.delivery import Outcome, classify


@pytest.mark.parametrize("exc, outcome", [
    (RetryAfter(7), Outcome.WAIT),
    (ChatMigrated(-1009), Outcome.MIGRATED),
    (Forbidden("Forbidden: bot was blocked by the user"), Outcome.GONE),
    (BadRequest("Bad Request: chat not found"), Outcome.GONE),
    (BadRequest("Bad Request: can't parse entities: unsupported start tag"), Outcome.MARKUP),
    (BadRequest("Bad Request: message is too long"), Outcome.REJECTED),
    (TimedOut(), Outcome.NETWORK),
    (NetworkError("httpx.ConnectError: refused"), Outcome.NETWORK),
    (RuntimeError("something else"), Outcome.NETWORK),
])
def test_each_telegram_answer_has_one_outcome(exc: Exception, outcome: Outcome) -> None:
    assert classify(exc).outcome is outcome


def test_outcomes_carry_what_the_caller_needs() -> None:
    assert classify(RetryAfter(7)).wait_s == 7.0
    assert classify(ChatMigrated(-1009)).new_chat_id == -1009
    # a connection that was never made cannot have delivered; a timeout after sending may have
    assert not classify(NetworkError("httpx.ConnectError: refused")).in_doubt
    assert classify(TimedOut()).in_doubt and classify(RuntimeError("?")).in_doubt
