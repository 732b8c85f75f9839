"""The one place that decides which LLM parser the router gets, for Telegram and for the terminal alike.

Every way of asking (the bot, `sipsabot ask`, `sipsabot chat`, the terminal assistant of `make run`, `eval --llm`)
goes through models.llm.worker.build_parser: the OpenAI-compatible endpoint when SIPSABOT_LLM_URL is set, else the
in-process model of SIPSABOT_LLM_MODEL, else none (rules only). The terminal differs only in patience: a question
asked while the model is still loading waits for it instead of falling back to the rules.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

from bot.config import Settings
from models.answer import ChatState

TERMINAL_LOAD_WAIT_S = 600.0  # a cold start evaluates the system prompt once (tens of seconds on 2 threads)


def configured(settings: Settings) -> bool:
    return bool(settings.llm_url.strip() or settings.llm_model_path.strip())


def bot_llm(settings: Settings) -> Any | None:
    """For the Telegram bot: loads in the background; questions never wait beyond SIPSABOT_LLM_TIMEOUT."""
    if not configured(settings):
        return None
    from models.llm.worker import build_parser

    return build_parser(settings)


class TerminalLLM:
    """The router's `llm` callable for the terminal. `lazy` (one-shot `ask`): nothing loads unless the rules are
    unsure, so a question the rules answer costs no model load. Otherwise (chat) the model starts loading at once,
    while the user types."""

    def __init__(self, settings: Settings, *, lazy: bool) -> None:
        self.settings = settings
        self.parser: Any | None = None
        self._started = False
        if not lazy:
            self._start()

    def _start(self) -> Any | None:
        if not self._started:
            from models.llm.worker import build_parser

            self._started = True
            self.parser = build_parser(self.settings, load_wait_s=TERMINAL_LOAD_WAIT_S)
        return self.parser

    def __call__(self, text: str, state: ChatState | None = None,
                 today: dt.date | None = None, options: tuple[str, ...] = ()) -> dict[str, Any] | None:
        parser = self._start()
        if parser is None:
            return None
        worker = getattr(parser, "worker", None)
        if worker is not None and not worker.ready.is_set():
            print("(cargando el modelo de lenguaje…)", file=sys.stderr, flush=True)
        result: dict[str, Any] | None = parser(text, state, today, options)
        return result

    def close(self) -> None:
        if self.parser is not None:
            self.parser.close()


def terminal_llm(settings: Settings, *, lazy: bool) -> TerminalLLM | None:
    return TerminalLLM(settings, lazy=lazy) if configured(settings) else None
