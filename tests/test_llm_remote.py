"""The LLM path over an OpenAI-compatible endpoint (SIPSABOT_LLM_URL), against llama-cpp-python's own server
(`python -m llama_cpp.server`) serving the tiny GGUF on 127.0.0.1: schema-valid output through the same guard,
deadlines, a server that is down (the rules answer), a busy server, a pool with a dead member."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from data import demo
from data.db import connect, open_db
from models.answer import ChatState
from models.llm.errors import BUSY_TEXT, LLMBusy, LLMTimeout
from models.llm.grammar import loads_lenient, schema_errors
from models.llm.remote import RemoteParser, endpoint, response_format
from models.llm.schema import decoding_schema
from models.router import Router
from models.slots import SLOT_SCHEMA
from tests.gguf_tiny import SPECIAL_TOKENS, vocabulary, write_tiny_llama

pytestmark = pytest.mark.slow
QUESTIONS = ["a como esta la papa criolla en corabastos", "hola", "avísame si la papa pastusa baja de 2.000",
             "¿cuánto valía la cebolla en Cali en marzo de 2024?", "quien gano el partido?"]
UNSURE = "asdfgh qwerty"
TODAY = dt.date(2025, 11, 3)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """llama-cpp-python's OpenAI-compatible server on the tiny model, on a random loopback port."""
    model = write_tiny_llama(tmp_path_factory.mktemp("remote") / "tiny.gguf")
    port = free_port()
    log = (tmp_path_factory.mktemp("remote-log") / "server.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1",
                             "--port", str(port), "--n_ctx", "4096", "--n_threads", "1", "--verbose", "false"],
                            stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "OMP_WAIT_POLICY": "PASSIVE"})
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            if httpx.get(url + "/v1/models", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"llama_cpp.server did not start: {Path(log.name).read_text()[-2000:]}")
        time.sleep(0.2)
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(15)
        log.close()


def hold_server(url: str, seconds_of_tokens: int = 1500) -> threading.Thread:
    """Keep the server busy with one long plain completion (end-of-text tokens banned so it cannot stop early)."""
    tokens, _types, _merges = vocabulary()
    banned = {str(tokens.index(t)): -100.0 for t in SPECIAL_TOKENS}

    def run() -> None:
        httpx.post(url + "/v1/completions", timeout=120, json={
            "prompt": "precio de la papa", "max_tokens": seconds_of_tokens, "temperature": 0.0, "logit_bias": banned})

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    time.sleep(0.5)  # the long request holds the model before the test's own request arrives
    return thread


def test_endpoint_and_response_format_forms():
    assert endpoint("http://h:8080") == "http://h:8080/v1/chat/completions"
    assert endpoint("http://h:8000/v1/") == "http://h:8000/v1/chat/completions"
    assert endpoint("http://h/x/chat/completions") == "http://h/x/chat/completions"
    schema = decoding_schema(SLOT_SCHEMA)
    assert response_format("json_schema", schema)["json_schema"]["schema"] is schema  # OpenAI, vLLM, llama-server
    assert response_format("json_object", schema) == {"type": "json_object", "schema": schema}  # llama-cpp-python


def test_server_output_is_schema_valid_and_guarded(server: str):
    parser = RemoteParser(server, timeout_s=60)
    state = ChatState(chat_id=1, intent="price", slots={"product": "Papa criolla limpia", "market": "Corabastos"})
    try:
        for question in QUESTIONS:
            call = parser.parse(question, state)
            assert call.outcome in ("ok", "invalid"), (call.outcome, call.notes)
            value = loads_lenient(call.raw)  # this server's grammar lets control characters into strings
            assert isinstance(value, dict) and value["intent"] in SLOT_SCHEMA["properties"]["intent"]["enum"]
            assert call.prompt_tokens > 500 and call.generated_tokens > 0
            if call.outcome == "ok":
                assert call.intent is not None and schema_errors(call.intent, SLOT_SCHEMA) == []
            else:  # the same guard as the local model: invented names, out-of-range numbers are refused
                assert call.intent is None and call.notes
                assert schema_errors(value, SLOT_SCHEMA) or "is not in the question" in call.notes[-1]
        # llama-cpp-python's server refuses the OpenAI json_schema form; the json_object form is remembered
        assert list(parser._style.values()) == ["json_object"]
    finally:
        parser.close()


def test_a_server_that_is_down_leaves_the_rules(tmp_path: Path):
    dead = f"http://127.0.0.1:{free_port()}"
    parser = RemoteParser(dead, timeout_s=5)
    t0 = time.monotonic()
    assert parser("precio de la papa") is None  # unavailable: the router keeps the rules' reading
    assert time.monotonic() - t0 < 2.5 and parser.calls[-1].outcome == "unavailable"
    mirror = tmp_path / "mirror.db"
    db = open_db(mirror)
    demo.build(db.conn, end_week=dt.date(2025, 10, 25), weeks=20)
    db.conn.close()
    conn = connect(mirror, readonly=True)
    try:
        router = Router(lambda: conn, llm=parser, today=lambda: TODAY)
        answer = router.answer("precio de la papa criolla en Corabastos", ChatState(chat_id=1))
        assert answer.values and "SIPSA" in answer.text  # the database answer, as without any model
        unsure = router.answer(UNSURE, ChatState(chat_id=2))
        assert not unsure.values and unsure.text  # no figures for unreadable text; the rules' reply stands
        assert [c.text for c in parser.calls][-1] == UNSURE
    finally:
        conn.close()
        parser.close()


def test_a_pool_skips_a_dead_server(server: str):
    parser = RemoteParser(f"http://127.0.0.1:{free_port()},{server}", timeout_s=60)
    try:
        calls = [parser.parse(q) for q in ("hola", "precio del tomate")]
        assert all(c.outcome in ("ok", "invalid") for c in calls), [c.notes for c in calls]
        assert any("cannot connect" in n for c in calls for n in c.notes)  # one of them met the dead server first
    finally:
        parser.close()


def test_a_busy_server_times_out_and_full_slots_answer_busy_at_once(server: str):
    parser = RemoteParser(server, timeout_s=1.0, max_in_flight=1)
    long_job = hold_server(server)
    try:
        waiting = threading.Thread(target=parser.parse, args=("precio de la papa",))
        waiting.start()
        time.sleep(0.2)
        t0 = time.monotonic()
        with pytest.raises(LLMBusy) as info:  # the one in-flight slot is taken: no pile-up behind a slow server
            parser("precio del tomate")
        assert time.monotonic() - t0 < 0.2 and info.value.message == BUSY_TEXT
        waiting.join(5)
        assert parser.calls[-1].outcome == "timeout" and parser.calls[-1].total_s < 1.8
        # the first long job may already be done on an idle machine (the tiny model is fast): hold the server again
        # so this timeout does not depend on the machine's load
        second_job = hold_server(server)
        t0 = time.monotonic()
        with pytest.raises(LLMTimeout):  # the router then asks the user to rephrase
            parser("precio de la mora", ChatState())
        assert 0.9 < time.monotonic() - t0 < 1.8
    finally:
        long_job.join(120)
        if "second_job" in locals():
            second_job.join(120)
        parser.close()
    assert [c.outcome for c in parser.calls] == ["busy", "timeout", "timeout"]


def test_http_429_and_503_mean_busy():
    answers = iter([503, 429])

    class Overloaded(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            body = json.dumps({"error": {"message": "no slot available"}}).encode()
            self.send_response(next(answers))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    stub = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Overloaded)
    threading.Thread(target=stub.serve_forever, daemon=True).start()
    parser = RemoteParser(f"http://127.0.0.1:{stub.server_address[1]}", timeout_s=5)
    try:
        for status in ("HTTP 503", "HTTP 429"):
            with pytest.raises(LLMBusy):
                parser("precio de la papa")
            assert parser.calls[-1].outcome == "busy" and status in parser.calls[-1].notes[-1]
    finally:
        stub.shutdown()
        parser.close()
