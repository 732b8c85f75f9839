"""The Telegram layer: `register(app)` is the one handler table.

Optional features live in their own modules and register themselves: when handlers/forecast.py or
handlers/alerts.py (or handlers/jobs.py) exists and defines `register(app)`, it is called here, after the core commands
and before the free-text and button catch-alls, so its commands, conversations and callback patterns take
precedence. Such a module may fill hooks.INTENT_HANDLERS (free-text answers with its intent) and the
send.on_blocked / send.on_migrated hooks; its commands' Spanish descriptions are in handlers/messages.py.
It may also define `async def post_init(app)`, awaited by bot/app.py once the bot is initialised (start worker
pools there, keep them in services(context).features[name] and append their stop to services.on_stop).
Blocking work belongs on `await services(context).run(fn, *args)`; replies go through handlers/send.py.
"""

from __future__ import annotations

import importlib
import importlib.util
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

from handlers import chat, commands, guard, hooks, messages

log = logging.getLogger(__name__)

# feature name -> module under handlers/ (jobs has no commands of its own)
OPTIONAL = {"forecast": "handlers.forecast", "alerts": "handlers.alerts", "jobs": "handlers.jobs"}

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


def register(app: Application) -> list[str]:  # type: ignore[type-arg]
    """Add every handler to `app`; returns the optional features that registered themselves."""
    app.add_handler(TypeHandler(Update, guard.flood_guard), group=-1)
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, guard.on_migrate))
    for name, callback in CORE_COMMANDS.items():
        app.add_handler(CommandHandler(name, callback))

    enabled = []
    for feature, module_name in OPTIONAL.items():
        if importlib.util.find_spec(module_name) is None:
            continue
        module = importlib.import_module(module_name)
        register_feature = getattr(module, "register", None)
        if register_feature is None:  # e.g. handlers/jobs.py: scheduled from bot/app.py's post_init instead
            continue
        register_feature(app)
        hooks.FEATURES.add(feature)
        enabled.append(feature)

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
    log.info("handlers registered (optional features: %s)", ", ".join(enabled) or "none")
    return enabled


def bot_commands() -> list[BotCommand]:
    """The command menu (setMyCommands): core commands plus those of the features that registered."""
    return [BotCommand(c.name, c.description) for c in messages.COMMANDS if c.feature in hooks.FEATURES]
