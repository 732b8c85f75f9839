"""Question commands: `sipsabot ask "pregunta"`, `sipsabot chat` (terminal assistant) and `sipsabot eval`."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable
from typing import Any

from bot.config import Settings
from data.store import Store
from models.answer import Answer, ChatState
from models.router import Router


def _router(settings: Settings, llm: Callable[..., Any] | None = None) -> Router:
    store = Store(settings.db_path)
    return Router(store.reader, llm=llm)


def _features() -> tuple[Any, Any]:
    """The forecasting feature (models.forecast) when ENG-FORECAST's package provides a text entry point."""
    try:
        forecast = importlib.import_module("models.forecast")
    except ImportError:
        return None, None
    return forecast, getattr(forecast, "forecast_answer", None)


def _render(answer: Answer, settings: Settings) -> str:
    """The answer's text, with a forecast run when the question asked for one and the feature exists."""
    text = answer.text
    if answer.intent == "forecast":
        _, run = _features()
        if run is None:
            text += "\n(El pronóstico se calcula con `sipsabot forecast`; esta versión no lo tiene disponible aquí.)"
        else:
            try:
                text = str(run(Store(settings.db_path).reader(), answer.slots))
            except Exception as exc:  # the forecast feature reports its own problems in Spanish
                text += f"\nNo pude calcular el pronóstico: {exc}"
    elif answer.intent == "alert":
        text += "\nLas alertas se crean y administran en Telegram (/alerta, /alertas)."
    for n, choice in enumerate(answer.clarify, 1):
        text += f"\n  {n}. {choice.label}"
    return text


def ask_cmd(args: argparse.Namespace, settings: Settings) -> int:
    router = _router(settings)
    answer = router.answer(args.question, ChatState())
    if args.json:
        print(json.dumps(answer.to_json(), ensure_ascii=False, indent=2))
    else:
        print(_render(answer, settings))
    return 0


def chat_cmd(args: argparse.Namespace, settings: Settings) -> int:
    router = _router(settings)
    state = ChatState(chat_id=0)
    print("SIPSABot en la terminal. Pregunta por precios de alimentos; «salir» para terminar.")
    while True:
        try:
            line = input("> ")
        except EOFError:
            print()
            return 0
        if line.strip().lower() in {"salir", "exit", "quit", "chao", "adios", "adiós"}:
            print("¡Hasta pronto!")
            return 0
        if not line.strip():
            continue
        answer = router.answer(line, state)
        print(_render(answer, settings))
        if answer.clarify:
            print("(responde con el número de la opción)")
        print()


def eval_cmd(args: argparse.Namespace, settings: Settings) -> int:
    import models.evaluation as evaluation

    llm = None
    if args.llm:
        llm = evaluation.build_llm(settings)
        if llm is None:
            print("No hay modelo de lenguaje configurado (SIPSABOT_LLM_MODEL) o el módulo models.llm no está "
                  "disponible: evalúo solo las reglas.", file=sys.stderr)
            return 2
    db = getattr(args, "db", None)
    report = evaluation.run(db_path=db, llm=llm, limit=args.limit, verbose=args.verbose, out=sys.stdout)
    print(evaluation.format_report(report))
    from models.llm import LLMParser, format_latency

    if isinstance(llm, LLMParser):  # the LLM path's own latency, per question
        print(format_latency(llm, per_question=True))
        llm.close()
    return 0
