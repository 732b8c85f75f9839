"""Question commands: `sipsabot ask "pregunta"`, `sipsabot chat` (terminal assistant) and `sipsabot eval`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from bot.config import Settings
from bot.llm_setup import terminal_llm
from data.store import Store
from models.answer import Answer, ChatState
from models.router import Router
from models.snapshot_note import SnapshotNotes


def _router(settings: Settings, llm: Callable[..., Any] | None = None) -> Router:
    store = Store(settings.db_path, settings.state_path)
    return SnapshotNotes(Router(store.reader, llm=llm), store.reader)  # type: ignore[return-value]


def _forecast_text(answer: Answer, settings: Settings) -> str:
    """Run the forecasting feature (models.forecast) for a recognised forecast request."""
    try:
        from models.forecast.render import forecast_text
        from models.forecast.request import resolve_series
        from models.forecast.service import compute
        from models.forecast.types import ForecastError
    except ImportError:
        return answer.text + "\n(El pronóstico no está disponible en esta instalación.)"
    slots = answer.slots
    try:
        conn = Store(settings.db_path, settings.state_path).reader()
        series = resolve_series(conn, str(slots.get("product") or ""), slots.get("market"), slots.get("freq") or "W")
        result, _ = compute(series, slots.get("horizon"), chart=False)
    except ForecastError as exc:
        return answer.text + "\n" + exc.message
    return str(forecast_text(result))


def _render(answer: Answer, settings: Settings) -> str:
    """The answer's text, with a forecast run when the question asked for one."""
    text = answer.text
    if answer.intent == "forecast" and answer.slots.get("product") and not answer.clarify:
        text = _forecast_text(answer, settings)
    elif answer.intent == "alert" and not answer.clarify:
        text += "\nLas alertas se crean y administran en Telegram (/alerta, /alertas)."
    for n, choice in enumerate(answer.clarify, 1):
        text += f"\n  {n}. {choice.label}"
    return text


def ask_cmd(args: argparse.Namespace, settings: Settings) -> int:
    llm = terminal_llm(settings, lazy=True)  # loads only if the rules are unsure of this question
    try:
        answer = _router(settings, llm).answer(args.question, ChatState())
    finally:
        if llm is not None:
            llm.close()
    if args.json:
        print(json.dumps(answer.to_json(), ensure_ascii=False, indent=2))
    else:
        print(_render(answer, settings))
    return 0


def chat_cmd(args: argparse.Namespace, settings: Settings) -> int:
    llm = terminal_llm(settings, lazy=False)  # starts loading now, while the user types
    try:
        return _chat(_router(settings, llm), settings)
    finally:
        if llm is not None:
            llm.close()


def _chat(router: Router, settings: Settings) -> int:
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

    llm: Callable[..., Any] | None = None
    if args.llm:
        llm = evaluation.build_llm(settings)
        if llm is None:
            print("No hay modelo de lenguaje configurado (SIPSABOT_LLM_MODEL o SIPSABOT_LLM_URL): "
                  "evalúo solo las reglas.", file=sys.stderr)
            return 2
    db = getattr(args, "db", None)
    report = evaluation.run(db_path=db, llm=llm, limit=args.limit, verbose=args.verbose, out=sys.stdout,
                            tag=getattr(args, "tag", ""))
    print(evaluation.format_report(report))
    from models.llm.calls import CallLog, format_latency

    if isinstance(llm, CallLog):  # the LLM path's own latency, per question
        print(format_latency(llm, per_question=True))
        llm.close()
    return 0
