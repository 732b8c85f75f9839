"""The LLM path inside the real router on a real demo mirror: confident questions never touch (or wait for)
the model; unsure ones go to it, and a busy or slow model falls back to the rule answer."""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path

import pytest

from data import demo
from data.db import connect, open_db
from models.answer import ChatState
from models.llm.worker import LLMParser, LLMWorker, ModelRunner
from models.router import Router
from tests.gguf_tiny import write_tiny_llama

END_WEEK = dt.date(2025, 10, 25)
TODAY = dt.date(2025, 11, 3)
UNSURE = "asdfgh qwerty"  # the rules cannot read it: the router asks the LLM


@pytest.fixture(scope="module")
def mirror(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("llm_router") / "mirror.db"
    db = open_db(path)
    demo.build(db.conn, end_week=END_WEEK, weeks=20)
    db.conn.close()
    return path


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tiny_llama(tmp_path_factory.mktemp("llm_router_model") / "tiny.gguf")


def test_database_answers_do_not_wait_for_a_busy_model(mirror: Path, tiny: Path):
    worker = LLMWorker(tiny, threads=1, queue_size=1)
    assert worker.ready.wait(30) and worker.error is None
    started, release = threading.Event(), threading.Event()

    def hold(_runner: ModelRunner) -> None:  # the model is busy with someone else's long question
        started.set()
        release.wait(30)

    worker.submit(hold)
    assert started.wait(10)
    parser = LLMParser(worker, timeout_s=0.5)
    consulted: list[str] = []

    def llm(text: str, state: ChatState, today: dt.date, options: tuple[str, ...]):
        consulted.append(text)
        return parser(text, state, today, options)

    conn = connect(mirror, readonly=True)
    router = Router(lambda: conn, llm=llm, today=lambda: TODAY)
    try:
        t0 = time.monotonic()
        answer = router.answer("precio de la papa criolla en Corabastos", ChatState(chat_id=1))
        assert time.monotonic() - t0 < 0.4  # well under the LLM timeout: the model was never waited for
        assert answer.values and consulted == []
        t0 = time.monotonic()
        unsure = router.answer(UNSURE, ChatState(chat_id=2))
        waited = time.monotonic() - t0
        assert consulted == [UNSURE]
        assert 0.4 < waited < 3.0  # asked, waited the timeout, then asked the user back
        assert not unsure.values  # no figures invented for unreadable text
        assert unsure.clarify and "¿" in unsure.text  # a clarifying question, not a guess
        assert parser.calls[-1].outcome == "timeout"
    finally:
        release.set()
        worker.close()
        conn.close()


def test_unsure_questions_reach_the_model_and_answers_stay_sourced(mirror: Path, tiny: Path):
    worker = LLMWorker(tiny, threads=1, queue_size=2)
    parser = LLMParser(worker, timeout_s=30)
    conn = connect(mirror, readonly=True)
    router = Router(lambda: conn, llm=parser, today=lambda: TODAY)
    try:
        answer = router.answer(UNSURE, ChatState(chat_id=3))
        assert [c.text for c in parser.calls] == [UNSURE]
        assert parser.calls[0].outcome in ("ok", "invalid")
        if answer.values:  # whatever the random model said, figures come from the mirror, with their source
            assert "SIPSA" in answer.text and answer.data_date
    finally:
        worker.close()
        conn.close()
