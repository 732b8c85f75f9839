"""Extension points for the features that live in their own handler modules (forecast, alerts).

- INTENT_HANDLERS: when the router answers a free-text question (or a button press) with one of these
  intents, the Telegram layer awaits `INTENT_HANDLERS[intent](update, context, answer, state)` instead of
  sending the router's text. handlers/forecast.py fills "forecast", handlers/alerts.py fills "alert"
  (inside their `register(app)`).
- FEATURES: names of the optional features whose module registered itself; /ayuda and the command menu
  (setMyCommands) list a feature's commands only when it is here (handlers/__init__.py adds them).
- send.on_blocked / send.on_migrated (handlers/send.py): told when a chat blocks the bot or migrates.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import ContextTypes

from models.answer import Answer, ChatState

IntentHandler = Callable[[Update, ContextTypes.DEFAULT_TYPE, Answer, ChatState], Awaitable[Any]]

INTENT_HANDLERS: dict[str, IntentHandler] = {}
FEATURES: set[str] = {"core"}
