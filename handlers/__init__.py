"""The Telegram layer: `register(app)` is the one handler table and the one place features are wired together.

Order matters (python-telegram-bot tries handlers in the order added, first match wins): the flood guard, the
core commands, then each feature's commands, conversations and button patterns, and last the free-text and
button catch-alls. The wiring between features is decided here too, into the typed bot_data
(handlers/context.py): which handler delivers a forecast or alert answer, and who hears that a chat blocked
the bot or moved to a supergroup. Blocking work goes through `await services(context).run(fn, *args)` or the
store; replies go through handlers/send.py.
"""

from __future__ import annotations

import logging

from telegram import BotCommand, Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from handlers import alert_flow, alerts, chat, commands, forecast, guard, messages
from handlers.context import BotData

log = logging.getLogger(__name__)

FEATURES = frozenset({"core", "forecast", "alerts"})  # whose commands /ayuda and the menu list

CORE_COMMANDS = {
    "start": commands.start,
    "ayuda": commands.help_,
    "help": commands.help_,
    "precio": commands.price,
    "comparar": commands.compare,
    "historial": commands.history,
    "abastecimiento": commands.supply,
    "mercados": commands.markets,
    "productos": commands.products,
    "fuente": commands.source,
    "mercado": commands.default_market,
}


def register(app: Application) -> None:  # type: ignore[type-arg]
    """Add every handler to `app` and wire the features into its bot_data."""
    data = app.bot_data
    if not isinstance(data, BotData):
        raise RuntimeError("build the Application with handlers.context.CONTEXT_TYPES (bot.app.build_application)")
    data.features = FEATURES
    data.intent_handlers = {"forecast": forecast.on_forecast_intent, "alert": alert_flow.on_alert_intent}
    data.chat_gone = (alerts.on_chat_gone,)
    data.chat_moved = (forecast.on_chat_moved, alerts.on_chat_moved)

    app.add_handler(TypeHandler(Update, guard.flood_guard), group=-1)
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, guard.on_migrate))
    for name, callback in CORE_COMMANDS.items():
        app.add_handler(CommandHandler(name, callback))
    forecast.register(app)
    alerts.register(app)

    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS
    text = filters.TEXT & ~filters.COMMAND
    app.add_handler(MessageHandler(text & private, chat.on_text))
    app.add_handler(MessageHandler(text & groups & chat.ADDRESSED, chat.on_text))
    app.add_handler(MessageHandler(filters.COMMAND, commands.unknown_command))
    app.add_handler(MessageHandler(private & ~filters.TEXT & ~filters.StatusUpdate.ALL, chat.on_not_text))
    app.add_handler(CallbackQueryHandler(chat.on_choice, pattern=r"^c:"))
    app.add_handler(CallbackQueryHandler(chat.on_page, pattern=r"^p:"))
    app.add_handler(CallbackQueryHandler(chat.on_unknown_button))
    app.add_handler(InlineQueryHandler(chat.on_inline))
    app.add_error_handler(guard.on_error)
    log.info("handlers registered")


def bot_commands() -> list[BotCommand]:
    """The command menu (setMyCommands)."""
    return [BotCommand(c.name, c.description) for c in messages.COMMANDS if c.feature in FEATURES]
