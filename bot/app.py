"""build_application(settings, services) -> a configured python-telegram-bot Application.

Local Bot API servers (and the tests' fake one) via settings.bot_api_base_url; Telegram's flood limits via
AIORateLimiter when settings.rate_limit; concurrent updates so one slow question never blocks other chats.
post_init registers the command menu (Spanish descriptions) and starts the scheduled jobs when that feature
exists; post_shutdown stops the services."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from telegram import LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, Defaults
from telegram.request import BaseRequest, HTTPXRequest

import handlers
from bot.config import Settings
from bot.services import close_services
from handlers import jobs
from handlers.common import Services
from handlers.context import CONTEXT_TYPES

log = logging.getLogger(__name__)

RATE_LIMIT_RETRIES = 3


class BoundedHTTPXRequest(HTTPXRequest):
    """HTTPXRequest that lets at most `pool` requests in at once: with more waiting inside httpcore, its pool
    rescans every queued request against every connection on each change, which costs more CPU than the
    requests themselves at a hundred updates per second."""

    def __init__(self, pool: int, **kwargs: Any) -> None:
        super().__init__(connection_pool_size=pool, **kwargs)
        self._slots_size = pool
        self._slots: asyncio.Semaphore | None = None

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        if self._slots is None:
            self._slots = asyncio.Semaphore(self._slots_size)
        async with self._slots:
            return await super().do_request(*args, **kwargs)


def build_application(settings: Settings, services: Services, request: BaseRequest | None = None,
                      get_updates_request: BaseRequest | None = None) -> Application:  # type: ignore[type-arg]
    """The Application with every handler registered, typed context (handlers/context.py) holding the services
    and settings, and Defaults: HTML parse mode and no link previews for every message the bot sends.

    `request` replaces PTB's HTTP transport (unit tests pass a recording BaseRequest); without it, httpx
    with SIPSABOT_HTTP_POOL connections (default 16) and SIPSABOT_HTTP_TIMEOUT seconds (default 10) per request."""
    if not settings.telegram_token:
        raise ValueError("TELEGRAM_BOT_TOKEN is empty")
    builder = ApplicationBuilder().context_types(CONTEXT_TYPES).token(settings.telegram_token)
    if settings.bot_api_base_url:
        base = settings.bot_api_base_url.rstrip("/")
        builder = builder.base_url(base).base_file_url(base.removesuffix("/bot") + "/file/bot")
    # httpcore scans every pooled connection on each request: a small pool (16 by default) is faster than one
    # per update, and 16 keep-alive connections carry far more than Telegram's 30 messages/s
    timeout, pool = settings.http_timeout_s, settings.http_pool
    builder = builder.request(request or BoundedHTTPXRequest(
        pool, read_timeout=timeout, write_timeout=timeout,
        connect_timeout=timeout, pool_timeout=timeout, media_write_timeout=max(20.0, timeout)))
    builder = builder.get_updates_request(get_updates_request or request or HTTPXRequest(
        connection_pool_size=2, read_timeout=timeout, connect_timeout=timeout))
    if request is not None and get_updates_request is None:
        builder = builder.updater(None)
    if settings.rate_limit:
        builder = builder.rate_limiter(AIORateLimiter(
            overall_max_rate=settings.rate_overall_per_s, overall_time_period=1,
            group_max_rate=settings.rate_group_per_min, group_time_period=60,
            max_retries=RATE_LIMIT_RETRIES))  # type: ignore[arg-type]
    builder = builder.concurrent_updates(max(1, settings.concurrent_updates))
    builder = builder.post_init(_post_init).post_shutdown(_post_shutdown)
    builder = builder.defaults(Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(
        is_disabled=True)))
    app = builder.build()
    app.bot_data.services = services
    app.bot_data.settings = settings
    handlers.register(app)
    return app


async def _post_init(app: Application) -> None:  # type: ignore[type-arg]
    settings = app.bot_data.settings
    try:
        await app.bot.set_my_commands(handlers.bot_commands())
    except TelegramError as exc:  # the menu is a convenience: the bot works without it
        log.warning("setMyCommands failed: %s", exc)
    if app.job_queue is not None and settings is not None:
        jobs.register_jobs(app, settings)
    log.info("SIPSABot @%s ready (%d commands)", app.bot.username, len(handlers.bot_commands()))


async def _post_shutdown(app: Application) -> None:  # type: ignore[type-arg]
    if app.bot_data.services is not None:
        close_services(app.bot_data.services)
