"""End to end: the real `sipsabot run` process against the local fake Bot API (tests/botapi.py), a scripted
conversation, then Telegram-shaped failures (429 retry_after, 403, 400, timeouts) the bot must survive with
nothing lost. Network only to 127.0.0.1."""

from __future__ import annotations

import re
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.botapi import BotAPIServer, BotProcess, Call
from tests.test_bot_handlers import build_demo

pytestmark = pytest.mark.slow

USER, USER2, BLOCKED, ADMIN, MEMBER = 501, 502, 503, 504, 505
GROUP = -7001
SOURCE = "Fuente: DANE – SIPSA"


@pytest.fixture(scope="module")
def api() -> Iterator[BotAPIServer]:
    with BotAPIServer() as server:
        server.set_admins(GROUP, [ADMIN])
        yield server


@pytest.fixture(scope="module")
def bot(api: BotAPIServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotProcess]:
    tmp = tmp_path_factory.mktemp("e2e")
    process = BotProcess(api, build_demo(tmp / "mirror.db"), tmp / "bot.log").start()
    yield process
    process.stop()


def reply(api: BotAPIServer, chat_id: int, after: int, method: str = "sendMessage", timeout: float = 15.0) -> Call:
    """The first delivered message to `chat_id` among the calls after index `after`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [c for c in api.calls()[after:] if c.method == method and c.ok and c.chat_id == chat_id]
        if found:
            return found[0]
        time.sleep(0.02)
    raise AssertionError(f"no {method} to {chat_id}; calls: {[(c.method, c.status) for c in api.calls()[after:]]}")


def ask(api: BotAPIServer, update: dict, chat_id: int, method: str = "sendMessage") -> Call:
    mark = len(api.calls())
    api.inject(update)
    return reply(api, chat_id, mark, method)


def test_conversation(api: BotAPIServer, bot: BotProcess) -> None:
    u = api.updates
    commands = {c["command"]: c["description"] for c in api.commands()}
    assert {"precio", "historial", "fuente", "ayuda"} <= set(commands) and "Precio" in commands["precio"]

    price = ask(api, u.private_text(USER, "¿A cuánto está la papa criolla en Corabastos?"), USER)
    assert re.search(r"\$\d[\d.]*/kg", price.text) and SOURCE in price.text

    typo = ask(api, u.private_text(USER, "precio del tomate chonto en corabstos"), USER)
    assert "Tomate chonto" in typo.text and "Corabastos" in typo.text

    which = ask(api, u.private_text(USER, "precio de la papa"), USER)
    pastusa = next(b for b in which.buttons() if "pastusa" in b["text"].lower())
    picked = ask(api, u.callback(USER, u.private_chat(USER), which.result["message_id"], pastusa["callback_data"]),
                 USER)
    assert "Papa parda pastusa" in picked.text
    assert api.calls("answerCallbackQuery", ok=True)

    chart = ask(api, u.private_text(USER, "/historial papa criolla en corabastos"), USER, "sendPhoto")
    assert next(iter(chart.files.values()))[2].startswith(b"\x89PNG")

    follow = ask(api, u.private_text(USER, "¿y en Medellín?"), USER, "sendPhoto")  # same question, other market
    assert "Papa criolla limpia" in follow.text and "Medellín" in follow.text

    # a group: commands addressed to us are answered, chatter ignored, settings for admins only
    group = ask(api, u.group_text(GROUP, MEMBER, f"/precio@{api.bot_username} papa criolla en Cali"), GROUP)
    assert "Papa criolla limpia" in group.text and "Cali" in group.text
    mark = len(api.calls())
    api.inject(u.group_text(GROUP, MEMBER, "buenos días, ¿quién va a la plaza hoy?"))
    denied = ask(api, u.group_text(GROUP, MEMBER, "/mercado Medellín"), GROUP)
    assert "administradores" in denied.text
    between = [c for c in api.calls()[mark:] if c.method == "sendMessage" and c.chat_id == GROUP]
    assert len(between) == 1  # the chatter got nothing
    allowed = ask(api, u.group_text(GROUP, ADMIN, "/mercado Medellín"), GROUP)
    assert "Medellín" in allowed.text

    # inline mode
    mark = len(api.calls())
    api.inject(u.inline_query(USER, "papa criolla corabastos"))
    [inline] = api.wait_for("answerInlineQuery", where=lambda c: c.received >= api.calls()[mark].received)
    assert "$" in inline.params["results"][0]["input_message_content"]["message_text"]


def test_failures_lose_nothing(api: BotAPIServer, bot: BotProcess) -> None:
    u = api.updates
    # 429: AIORateLimiter (or our sender) waits retry_after and sends again
    api.fail_next("sendMessage", 429, retry_after=1)
    mark = len(api.calls())
    t0 = time.monotonic()
    api.inject(u.private_text(USER, "precio del aguacate hass en cali"))
    got = reply(api, USER, mark)
    assert "Aguacate Hass" in got.text and time.monotonic() - t0 >= 1.0
    assert [c.status for c in api.calls("sendMessage")[-2:]] == [429, 200]

    # 400 can't parse entities: sent again as plain text
    api.fail_next("sendMessage", 400, "Bad Request: can't parse entities: unsupported start tag at byte offset 3")
    got = ask(api, u.private_text(USER, "precio de la zanahoria en corabastos"), USER)
    assert "Zanahoria" in got.text and "parse_mode" not in got.params

    # a timeout: the request is dropped (nothing delivered), the client times out and sends again
    api.drop_next("sendMessage", hold_s=4)
    got = ask(api, u.private_text(USER, "precio del limón tahití en corabastos"), USER)
    assert "Limón Tahití" in got.text
    statuses = [c.status for c in api.calls("sendMessage", where=lambda c: "Limón" in c.text)]
    assert statuses == [0, 200]

    # 403: a user who blocked the bot does not stop anybody else
    api.block(BLOCKED)
    api.inject(u.private_text(BLOCKED, "precio de la papa criolla"))
    got = ask(api, u.private_text(USER2, "precio de la cebolla junca en corabastos"), USER2)
    assert "Cebolla junca" in got.text
    api.wait_for("sendMessage", where=lambda c: c.chat_id == BLOCKED, ok=False)

    # one slow chat does not hold up the others (concurrent updates)
    # (1.5 s: below the client's 2 s timeout, so the slow reply is not also resent as a timed-out one)
    api.delay("sendMessage", 1.5, times=1, where=lambda c: c.chat_id == USER)
    mark = len(api.calls())
    api.inject(u.private_text(USER, "precio de la papa superior en corabastos"))
    api.inject(u.private_text(USER2, "precio del banano criollo en cali"))
    fast, slow = reply(api, USER2, mark), reply(api, USER, mark)
    assert fast.answered < slow.answered - 1.0

    # getUpdates failing (502, then a timeout): updates wait on the server and all arrive, once each
    api.fail_next("getUpdates", 502, "Bad Gateway")
    api.drop_next("getUpdates", hold_s=4)
    mark = len(api.calls())
    questions = [f"precio del tomate chonto en {city}" for city in ("Cali", "Medellín", "Pereira")]
    ids = [api.inject(u.private_text(600 + i, q))[0] for i, q in enumerate(questions)]
    for i in range(len(questions)):
        assert "Tomate chonto" in reply(api, 600 + i, mark, timeout=25).text
    delivered = [c for c in api.calls()[mark:] if c.method == "sendMessage" and c.ok and c.chat_id >= 600]
    assert sorted(c.chat_id for c in delivered) == [600, 601, 602]  # each of these chats answered once
    api.wait_for("getUpdates", where=lambda c: int(c.params.get("offset") or 0) > max(ids))  # all confirmed
    assert api.pending_updates() == 0


def test_clean_stop_and_no_token_in_logs(api: BotAPIServer, bot: BotProcess) -> None:
    assert bot.stop() == 0
    log = bot.log()
    assert "ready" in log
    assert api.token not in log and api.token.split(":")[1] not in log
    assert "Traceback" not in log


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_webhook_mode(tmp_path: Path) -> None:
    with BotAPIServer() as api:
        port = _free_port()
        env = {"SIPSABOT_WEBHOOK_URL": f"http://127.0.0.1:{port}/telegram-hook", "SIPSABOT_WEBHOOK_LISTEN": "127.0.0.1",
               "SIPSABOT_WEBHOOK_PORT": str(port), "SIPSABOT_WEBHOOK_SECRET": "s3cret-Token"}
        process = BotProcess(api, build_demo(tmp_path / "mirror.db"), tmp_path / "bot.log", env).start()
        try:
            [hook] = api.calls("setWebhook")
            assert hook.params["url"].endswith("/telegram-hook") and hook.params["secret_token"] == "s3cret-Token"
            got = ask(api, api.updates.private_text(USER, "precio de la papa criolla en corabastos"), USER)
            assert "Papa criolla limpia" in got.text
        finally:
            assert process.stop() == 0


def test_without_token_explains_botfather_and_opens_the_terminal_assistant(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith(("SIPSABOT_", "TELEGRAM_"))}
    env.update(SIPSABOT_DB=str(tmp_path / "empty.db"), SIPSABOT_REFRESH_ON_START="0")
    out = subprocess.run([sys.executable, "-m", "bot", "run"], input="precio de la papa criolla en corabastos\nsalir\n",
                         env=env, capture_output=True, text=True, timeout=60,
                         cwd=Path(__file__).resolve().parents[1])
    assert out.returncode == 0, out.stderr
    assert "@BotFather" in out.stdout and "/newbot" in out.stdout
    assert "Copia de precios reales de SIPSA" in out.stdout  # the empty mirror got the bundled snapshot first
    assert "Papa criolla limpia" in out.stdout and "Fuente: DANE – SIPSA" in out.stdout


def test_a_rejected_token_gets_a_clear_message(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    with BotAPIServer(token="42:the-real-token-is-another-one") as api:
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": "42:not-this-one-at-all-xxxxxxxxxx",
               "SIPSABOT_BOT_API_URL": api.base_url,
               "SIPSABOT_DB": str(build_demo(tmp_path / "mirror.db")), "SIPSABOT_REFRESH_ON_START": "0"}
        out = subprocess.run([sys.executable, "-m", "bot", "run"], env=env, capture_output=True, text=True,
                             timeout=60, cwd=Path(__file__).resolve().parents[1])
    assert out.returncode == 2
    assert "Telegram rechazó el token" in out.stderr and "@BotFather" in out.stderr
    assert "not-this-one" not in out.stderr + out.stdout  # the token never reaches the log
