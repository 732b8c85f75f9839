"""`sipsabot run`: the Telegram bot (long polling, or a webhook when SIPSABOT_WEBHOOK_URL is set).

Without TELEGRAM_BOT_TOKEN it explains how to get one and opens the terminal assistant instead. On an empty
mirror it first loads data: a refresh from DANE (SIPSABOT_REFRESH_ON_START, default on), else the demo mirror.
"""

from __future__ import annotations

import argparse
import logging
import sys
import urllib.parse
from typing import Any

from telegram import Update
from telegram.error import InvalidToken, NetworkError

from bot.config import Settings
from bot.logs import setup_logging
from data.store import Store

log = logging.getLogger("sipsabot")

NO_TOKEN = """\
No hay token de Telegram (TELEGRAM_BOT_TOKEN), así que abro el asistente en la terminal.

Para usar el bot en Telegram:
  1. Abre Telegram y escribe a @BotFather; envíale /newbot y sigue los pasos (nombre y usuario del bot).
  2. BotFather te da un token como 123456789:AAH...; guárdalo en secreto.
  3. Opcional: /setinline en @BotFather activa el modo en línea (@TuBot papa criolla corabastos).
  4. Ejecuta:  TELEGRAM_BOT_TOKEN=<token> make run   (o escríbelo en el archivo .env)
"""


def ensure_data(settings: Settings) -> Store:
    """An empty mirror gets data before the bot starts: DANE first (when allowed), else the bundled snapshot of
    real weekly prices (the invented demo figures only when that file is missing). Returns the process's store."""
    from data.refresh import bootstrap, is_empty

    store = Store(settings.db_path, settings.state_path)
    for note in store.notes:  # e.g. a damaged mirror moved aside: said on the console and in the log
        print(note, flush=True)
        log.warning("%s", note)
    if not is_empty(store.reader()):
        return store
    if settings.refresh_on_start:
        print("El espejo está vacío: lo cargo desde DANE – SIPSA (puede tardar unos minutos)…", flush=True)
        result = bootstrap(store, settings, log=lambda line: print(line, flush=True))
        print(result.message, flush=True)
        return store
    loaded = store.write_sync(_offline_data, mirror_only=True)
    if loaded == "demo":
        print("El espejo estaba vacío y SIPSABOT_REFRESH_ON_START=0: cargué el espejo de DEMOSTRACIÓN (cifras "
              "ficticias). Ejecute `sipsabot refresh` para traer los datos de DANE.", flush=True)
    elif loaded:
        print(f"El espejo estaba vacío y SIPSABOT_REFRESH_ON_START=0: cargué la copia de precios semanales "
              f"reales de SIPSA incluida con el bot (datos hasta {loaded}). Ejecute `sipsabot refresh` para "
              "traer los datos nuevos de DANE.", flush=True)
    return store


def _offline_data(conn: Any) -> str:
    """On the writer thread: the bundled snapshot (or, when its file is missing, the demo); '' when another
    process filled the mirror meanwhile."""
    from data import demo, snapshot
    from data.refresh import is_empty

    if not is_empty(conn):
        return ""
    if snapshot.available():
        return snapshot.load(conn)
    demo.build(conn)
    return "demo"


def run_cmd(args: argparse.Namespace, settings: Settings) -> int:
    if not settings.telegram_token:
        print(NO_TOKEN, flush=True)
        ensure_data(settings).close()
        from bot.cmd_ask import chat_cmd

        return chat_cmd(args, settings)
    setup_logging(settings.log_level, settings.telegram_token)
    store = ensure_data(settings)
    _log_mirror(settings, store)

    from bot.app import build_application
    from bot.services import build_services

    app = build_application(settings, build_services(settings, store=store))
    try:
        _serve(app, settings)
    except InvalidToken:
        print("Telegram rechazó el token (TELEGRAM_BOT_TOKEN): revísalo o pide uno nuevo a @BotFather.",
              file=sys.stderr, flush=True)
        return 2
    except NetworkError as exc:
        print(f"No pude conectarme con Telegram ({_redact(str(exc), settings)}). Revisa la conexión e "
              "inténtalo de nuevo.", file=sys.stderr, flush=True)
        return 1
    return 0


def _redact(text: str, settings: Settings) -> str:
    return text.replace(settings.telegram_token, "<token>") if settings.telegram_token else text


def _serve(app: Any, settings: Settings) -> None:
    if settings.webhook_url:
        path = urllib.parse.urlsplit(settings.webhook_url).path.lstrip("/")
        if not settings.webhook_secret:
            log.warning("webhook without SIPSABOT_WEBHOOK_SECRET: anyone who finds the URL can post updates")
        log.info("webhook mode: listening on %s:%d/%s", settings.webhook_listen, settings.webhook_port, path)
        app.run_webhook(listen=settings.webhook_listen, port=settings.webhook_port, url_path=path,
                        webhook_url=settings.webhook_url, secret_token=settings.webhook_secret or None,
                        allowed_updates=Update.ALL_TYPES, bootstrap_retries=5)
    else:
        log.info("long polling %s", "a local Bot API server" if settings.bot_api_base_url else "Telegram")
        app.run_polling(allowed_updates=Update.ALL_TYPES, bootstrap_retries=5, timeout=settings.poll_timeout_s)


def _log_mirror(settings: Settings, store: Store) -> None:
    from data.status import is_demo, mirror_status

    conn = store.reader()
    held = [f"{s.name} {s.first}..{s.last}" for s in mirror_status(conn) if s.rows]
    demo = is_demo(conn)
    log.info("mirror %s%s: %s", settings.db_path, " (DEMO data)" if demo else "", "; ".join(held) or "empty")


if __name__ == "__main__":
    from bot.cli import main

    sys.exit(main(["run", *sys.argv[1:]]))
