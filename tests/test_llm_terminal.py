"""Every way of asking consults the LLM when one is configured: `sipsabot ask`, `sipsabot chat` and the terminal
assistant of `sipsabot run` without a token (what `make run` opens), on a real demo mirror and the tiny GGUF."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from bot.cli import main
from bot.cmd_ask import _chat, _router
from bot.config import Settings
from bot.llm_setup import terminal_llm
from data import demo
from data.db import open_db
from tests.gguf_tiny import write_tiny_llama

UNSURE = "asdfgh qwerty"  # the rules cannot read it: the router asks the LLM
CONFIDENT = "precio de la papa criolla en Corabastos"


@pytest.fixture(scope="module")
def mirror(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("terminal") / "mirror.db"
    db = open_db(path)
    demo.build(db.conn)
    db.conn.close()
    return path


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tiny_llama(tmp_path_factory.mktemp("terminal_model") / "tiny.gguf")


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tiny: Path, tmp_path: Path) -> Path:
    """SIPSABOT_LLM_MODEL = the tiny model; its prompt state goes to a fresh folder (returned)."""
    for name in [k for k in os.environ if k.startswith(("SIPSABOT_", "TELEGRAM_"))]:
        monkeypatch.delenv(name)
    state = tmp_path / "state"
    monkeypatch.setenv("SIPSABOT_LLM_MODEL", str(tiny))
    monkeypatch.setenv("SIPSABOT_LLM_THREADS", "1")
    monkeypatch.setenv("SIPSABOT_LLM_TIMEOUT", "60")
    monkeypatch.setenv("SIPSABOT_LLM_STATE_DIR", str(state))
    return state


def test_ask_loads_the_model_only_when_the_rules_are_unsure(env: Path, mirror: Path, capsys):
    assert main(["ask", CONFIDENT, "--db", str(mirror)]) == 0
    out = capsys.readouterr()
    assert "SIPSA" in out.out and "cargando" not in out.err
    assert not env.exists()  # the rules answered: the model was never loaded
    assert main(["ask", UNSURE, "--db", str(mirror)]) == 0
    out = capsys.readouterr()
    assert out.out.strip()
    # loaded, asked, and its evaluated prompt kept for next time ("(cargando…)" shows only when the question beats
    # the tiny model's load, a race this test does not depend on)
    assert len(list(env.glob("tiny-*.state"))) == 1


def test_chat_consults_the_model_for_unsure_lines(env: Path, mirror: Path, monkeypatch, capsys):
    settings = Settings.from_env({**os.environ, "SIPSABOT_DB": str(mirror)})
    llm = terminal_llm(settings, lazy=False)
    assert llm is not None and llm.parser is not None  # chat starts loading at once
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{CONFIDENT}\n{UNSURE}\nsalir\n"))
    try:
        assert _chat(_router(settings, llm), settings) == 0
    finally:
        llm.close()
    assert [c.text for c in llm.parser.calls] == [UNSURE]
    assert llm.parser.calls[0].outcome in ("ok", "invalid")
    assert "¡Hasta pronto!" in capsys.readouterr().out


def test_run_without_a_token_opens_the_assistant_with_the_model(env: Path, mirror: Path, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{UNSURE}\nsalir\n"))
    assert main(["run", "--db", str(mirror)]) == 0
    out = capsys.readouterr().out
    assert "No hay token de Telegram" in out and "¡Hasta pronto!" in out
    assert len(list(env.glob("tiny-*.state"))) == 1  # the terminal assistant loaded and asked the model


def test_ask_with_a_server_that_is_down_answers_from_the_rules(env: Path, mirror: Path, monkeypatch, capsys):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("SIPSABOT_LLM_URL", f"http://127.0.0.1:{port}")
    assert main(["ask", UNSURE, "--db", str(mirror)]) == 0
    assert capsys.readouterr().out.strip()  # the rules' reply
    assert not env.exists()  # the URL wins over the local model: nothing was loaded in-process
