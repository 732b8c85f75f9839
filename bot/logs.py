"""Logging for the bot process: one format, quiet HTTP libraries, and the bot token never written anywhere.

httpx logs every request URL at INFO, and Bot API URLs contain the token (…/bot<TOKEN>/sendMessage); PTB's
error messages may too. A filter on every root handler replaces the token (and any bot-token-shaped string)
with "<token>", and httpx/httpcore are raised to WARNING so per-request lines do not flood the log."""

from __future__ import annotations

import logging
import re

TOKEN_SHAPE = re.compile(r"\b\d{5,12}:[A-Za-z0-9_-]{20,}\b")


class RedactToken(logging.Filter):
    def __init__(self, token: str = "") -> None:
        super().__init__()
        self.token = token

    def redact(self, text: str) -> str:
        if self.token:
            text = text.replace(self.token, "<token>")
        return TOKEN_SHAPE.sub("<token>", text)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = self.redact(message)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if clean != message:
            record.msg, record.args = clean, None
        return True


def setup_logging(level: str = "INFO", token: str = "") -> RedactToken:
    """Configure the root logger once (idempotent) and install the token filter on all its handlers."""
    root = logging.getLogger()
    if not root.handlers:
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(stream)
    root.setLevel(getattr(logging, level.upper(), logging.INFO))
    redact = RedactToken(token)
    for handler in root.handlers:
        for old in [f for f in handler.filters if isinstance(f, RedactToken)]:
            handler.removeFilter(old)
        handler.addFilter(redact)
    for noisy in ("httpx", "httpcore", "apscheduler"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return redact
