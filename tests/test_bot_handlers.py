"""The Telegram layer through Application.process_update: Bot API-shaped updates in, the Bot API calls the
bot makes recorded by tests.botapi.RecordingRequest (no network), over a real demo mirror in tmp_path."""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from telegram import Update
from telegram.ext import Application, CallbackContext, CommandHandler

import handlers
from bot.app import build_application
from bot.config import Settings
from bot.logs import RedactToken
from bot.services import build_services
from data import demo
from data.db import open_db
from handlers import messages, render
from models.answer import Answer
from tests.botapi import BotAPIServer, Call, RecordingRequest

USER, OTHER, ADMIN = 1001, 1002, 1003
GROUP = -2001
SOURCE = "Fuente: DANE – SIPSA"


def build_demo(path: Path) -> Path:
    db = open_db(path)
    demo.build(db.conn)
    db.conn.commit()
    db.conn.close()
    return path


@pytest.fixture(scope="module")
def mirror(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("bot") / "mirror.db")


@dataclass
class Bot:
    app: Application  # type: ignore[type-arg]
    api: BotAPIServer

    async def send(self, update: dict[str, Any]) -> list[Call]:
        """Process one update; returns the calls it caused."""
        before = len(self.api.calls())
        self.api.observe(update)
        await self.app.process_update(Update.de_json(update, self.app.bot))
        return self.api.calls()[before:]

    async def say(self, text: str, user: int = USER) -> list[Call]:
        return await self.send(self.api.updates.private_text(user, text))

    async def group(self, text: str, user: int = USER, **kw: Any) -> list[Call]:
        return await self.send(self.api.updates.group_text(GROUP, user, text, **kw))


def sent(calls: list[Call]) -> list[Call]:
    return [c for c in calls if c.method in {"sendMessage", "sendPhoto"} and c.ok]


async def _bot(mirror: Path, tmp_path: Path, **settings: Any) -> AsyncIterator[Bot]:
    db = tmp_path / "bot.db"
    db.write_bytes(mirror.read_bytes())
    api = BotAPIServer(listen=False)
    api.set_admins(GROUP, [ADMIN])
    base = Settings(db_path=db, telegram_token=api.token, rate_limit=False, flood_max_per_minute=1000)
    config = replace(base, **settings)
    app = build_application(config, build_services(config, with_llm=False), request=RecordingRequest(api))
    async with app:
        yield Bot(app, api)


@pytest.fixture
async def bot(mirror: Path, tmp_path: Path) -> AsyncIterator[Bot]:
    async for b in _bot(mirror, tmp_path):
        yield b


# ------------------------------------------------------------------------------------------- private chats


async def test_start_offers_tappable_examples_and_a_tap_answers(bot: Bot) -> None:
    [welcome] = sent(await bot.say("/start"))
    assert "SIPSABot" in welcome.text and welcome.params["parse_mode"] == "HTML"
    buttons = welcome.buttons()
    assert len(buttons) == len(messages.EXAMPLES)
    assert all(len(b["callback_data"].encode()) <= 64 for b in buttons)
    calls = await bot.send(bot.api.updates.callback(USER, bot.api.updates.private_chat(USER),
                                                    welcome.result["message_id"], buttons[0]["callback_data"]))
    assert any(c.method == "answerCallbackQuery" and c.ok for c in calls)
    [answer] = sent(calls)
    assert "Papa criolla limpia" in answer.text and SOURCE in answer.text and "$" in answer.text


async def test_deep_link_payload_is_a_question(bot: Bot) -> None:
    [answer] = sent(await bot.say("/start tomate_chonto_medellin"))
    assert "Tomate chonto" in answer.text and "Medellín" in answer.text
    [help_] = sent(await bot.say("/start ayuda"))
    assert "/precio" in help_.text


async def test_price_question_typo_clarification_and_follow_up(bot: Bot) -> None:
    [price] = sent(await bot.say("¿a cuánto está la papa criolla en Corabastos?"))
    assert re.search(r"\$\d[\d.]*/kg", price.text) and SOURCE in price.text and "DEMOSTRACIÓN" in price.text

    [typo] = sent(await bot.say("precio del tomate chonto en corabstos"))
    assert "Tomate chonto" in typo.text and "Corabastos" in typo.text

    [ask] = sent(await bot.say("precio de la papa"))
    choices = ask.buttons()
    assert len(choices) >= 2 and "¿Cuál papa?" in ask.text
    pastusa = next(b for b in choices if "pastusa" in b["text"].lower())
    calls = await bot.send(bot.api.updates.callback(USER, bot.api.updates.private_chat(USER),
                                                    ask.result["message_id"], pastusa["callback_data"]))
    assert any(c.method == "editMessageReplyMarkup" and c.ok for c in calls)  # the buttons go away
    [picked] = sent(calls)
    assert "Papa parda pastusa" in picked.text and "$" in picked.text

    [follow] = sent(await bot.say("¿y en Medellín?"))
    assert "Papa parda pastusa" in follow.text and "Medellín" in follow.text

    again = await bot.send(bot.api.updates.callback(USER, bot.api.updates.private_chat(USER),
                                                    ask.result["message_id"], pastusa["callback_data"]))
    [ack] = [c for c in again if c.method == "answerCallbackQuery"]
    assert "ya no está disponible" in ack.params["text"] and not sent(again)


async def test_old_and_foreign_buttons_get_a_polite_answer(bot: Bot) -> None:
    [ask] = sent(await bot.say("precio de la papa"))
    data = ask.buttons()[0]["callback_data"]
    foreign = await bot.send(bot.api.updates.callback(OTHER, bot.api.updates.private_chat(OTHER), 5, data))
    assert "no es de esta conversación" in foreign[-1].params["text"] and not sent(foreign)
    stale = await bot.send(bot.api.updates.callback(USER, bot.api.updates.private_chat(USER), 5, "c:ffff1:0"))
    assert "ya no está disponible" in stale[-1].params["text"]
    other_bot = await bot.send(bot.api.updates.callback(USER, bot.api.updates.private_chat(USER), 5, "xyz"))
    assert other_bot[-1].method == "answerCallbackQuery" and other_bot[-1].params["text"]


async def test_history_chart_is_a_png_photo(bot: Bot) -> None:
    calls = await bot.say("/historial papa criolla en corabastos")
    [photo] = [c for c in sent(calls) if c.method == "sendPhoto"]
    png = next(iter(photo.files.values()))[2]
    assert png.startswith(b"\x89PNG") and len(png) > 10_000
    assert SOURCE in photo.text and "%" in photo.text


async def test_commands_without_arguments_explain_themselves(bot: Bot) -> None:
    [need] = sent(await bot.say("/precio"))
    assert "/precio papa criolla" in render.plain_from_html(need.text)
    [unknown] = sent(await bot.say("/vuela"))
    assert "/ayuda" in unknown.text


async def test_lists_are_paged_with_buttons(bot: Bot) -> None:
    [markets] = sent(await bot.say("/mercados"))
    assert "Corabastos" in markets.text
    [products] = sent(await bot.say("/productos papa"))
    assert "Papa criolla limpia" in products.text and "Tomate" not in products.text
    [none] = sent(await bot.say("/productos kiwi"))
    assert "No encontré productos" in none.text


async def test_paging_edits_the_message(bot: Bot) -> None:
    lines = [f"• Producto {i} & más" for i in range(70)]
    chat_id = USER
    ctx_services = bot.app.bot_data.services
    key = ctx_services.keyed.put(chat_id, "pages", ("<b>Lista</b>", [render.escape(x) for x in lines]))
    message = await bot.app.bot.send_message(chat_id, "x")
    calls = await bot.send(bot.api.updates.callback(USER, bot.api.updates.private_chat(USER), message.message_id,
                                                    f"p:{key}:2"))
    [edit] = [c for c in calls if c.method == "editMessageText"]
    assert edit.ok and "Producto 69 &amp; más" in edit.text and "Página 3 de 3" in edit.text
    assert [b["callback_data"] for b in edit.buttons()] == [f"p:{key}:1"]


async def test_source_reports_coverage_freshness_and_demo(bot: Bot) -> None:
    [source] = sent(await bot.say("/fuente"))
    assert "precios semanales por mercado" in source.text and "DEMOSTRACIÓN" in source.text
    assert SOURCE in source.text


async def test_help_lists_every_command(bot: Bot) -> None:
    pieces = sent(await bot.say("/ayuda"))
    body = "\n".join(c.text for c in pieces)
    for command in handlers.bot_commands():
        assert f"/{command.command}" in body


# ------------------------------------------------------------------------------------------------- groups


async def test_group_answers_commands_mentions_and_replies_only(bot: Bot) -> None:
    username = bot.api.bot_username
    addressed = sent(await bot.group(f"/precio@{username} papa criolla en corabastos"))
    assert len(addressed) == 1 and "Papa criolla limpia" in addressed[0].text
    assert addressed[0].params["reply_parameters"]["message_id"]  # answers the asker in the thread
    assert not sent(await bot.group("/precio@OtroBot papa criolla"))
    assert not sent(await bot.group("hola a todos, ¿cómo va la cosecha?"))
    assert not sent(await bot.group("/vuela"))  # unknown commands not addressed to us: silence
    [mention] = sent(await bot.group(f"@{username} precio del tomate chonto en Cali"))
    assert "Tomate chonto" in mention.text and "Cali" in mention.text
    [reply] = sent(await bot.group("¿y en Medellín?", reply_to_bot="Tomate chonto…"))
    assert "Tomate chonto" in reply.text and "Medellín" in reply.text


async def test_group_settings_are_for_admins_and_survive_migration(bot: Bot) -> None:
    [denied] = sent(await bot.group("/mercado Cali", user=OTHER))
    assert "Solo los administradores" in denied.text
    assert any(c.method == "getChatMember" for c in bot.api.calls())
    [ok] = sent(await bot.group("/mercado Cali", user=ADMIN))
    assert "<b>Cali</b>" in ok.text
    username = bot.api.bot_username
    [price] = sent(await bot.group(f"@{username} precio de la papa criolla", user=OTHER))
    assert "Cali, Cavasa" in price.text
    [named] = sent(await bot.group(f"@{username} precio de la papa criolla en Medellín", user=OTHER))
    assert "Medellín" in named.text

    new_id = -100_2001
    await bot.send(bot.api.updates.migrate(GROUP, new_id))
    calls = await bot.send(bot.api.updates._update("message", bot.api.updates.message(
        bot.api.updates.group_chat(new_id, kind="supergroup"), bot.api.updates.user(OTHER), "/mercado")))
    [show] = sent(calls)
    assert show.chat_id == new_id and "<b>Cali</b>" in show.text


# ------------------------------------------------------------------------------------------------- inline


async def test_inline_query_offers_the_price(bot: Bot) -> None:
    calls = await bot.send(bot.api.updates.inline_query(USER, "papa criolla corabastos"))
    [answer] = [c for c in calls if c.method == "answerInlineQuery"]
    assert answer.ok
    result = answer.params["results"][0]
    assert "Papa criolla limpia" in result["title"]
    assert "$" in result["input_message_content"]["message_text"]
    assert SOURCE in result["input_message_content"]["message_text"]
    ambiguous = await bot.send(bot.api.updates.inline_query(USER, "papa"))
    [several] = [c for c in ambiguous if c.method == "answerInlineQuery"]
    assert len(several.params["results"]) >= 2
    empty = await bot.send(bot.api.updates.inline_query(USER, ""))
    assert next(c for c in empty if c.method == "answerInlineQuery").params["button"]["start_parameter"] == "inline"


# ------------------------------------------------------------------------------------ safety and robustness


async def test_flood_protection_is_polite_then_silent(mirror: Path, tmp_path: Path) -> None:
    async for b in _bot(mirror, tmp_path, flood_max_per_minute=3):
        for _ in range(3):
            assert sent(await b.say("precio papa criolla en corabastos"))
        [warn] = sent(await b.say("precio papa criolla en corabastos"))
        assert "Vas muy rápido" in warn.text
        assert not sent(await b.say("precio papa criolla en corabastos"))
        assert sent(await b.say("precio papa criolla en corabastos", user=OTHER))  # others unaffected


async def test_error_handler_apologises_and_logs_context_without_token(bot: Bot,
                                                                      caplog: pytest.LogCaptureFixture) -> None:
    async def boom(update: Update, context: Any) -> None:
        raise RuntimeError(f"database on fire (token {bot.api.token})")

    bot.app.add_handler(CommandHandler("boom", boom), group=1)
    redact = RedactToken(bot.api.token)
    caplog.handler.addFilter(redact)
    with caplog.at_level(logging.ERROR):
        replies = sent(await bot.say("/boom"))
    assert messages.text("error") in [c.text for c in replies]
    assert not any("Traceback" in c.text or "database on fire" in c.text for c in replies)
    logged = caplog.text
    assert "chat=1001" in logged and "'/boom'" in logged and "database on fire" in logged
    assert bot.api.token not in logged and "<token>" in logged


async def test_answers_are_html_escaped_and_long_texts_split(bot: Bot) -> None:
    name = "Papa * (criolla) & <yuca>"
    long_text = "\n\n".join(f"{name} línea {i}: " + "x" * 90 for i in range(120))
    answer = Answer(intent="price", text=long_text)
    from handlers.chat import send_answer

    before = len(bot.api.calls())
    await send_answer(CallbackContext(bot.app), USER, answer)
    pieces = [c for c in bot.api.calls()[before:] if c.method == "sendMessage"]
    assert len(pieces) >= 3 and all(c.ok for c in pieces)  # the server parsed every piece's HTML
    visible = [c.result["text"] for c in pieces]
    assert all(len(v) <= 4096 for v in visible)
    assert "\n\n".join(visible) == long_text
    assert all(v.startswith(name) for v in visible)  # cut on paragraph boundaries


def test_split_plain_edges() -> None:
    assert render.split_plain("") == []
    assert render.split_plain("a" * 5000) == ["a" * 4096, "a" * 904]
    words = " ".join(["palabra"] * 1000)
    pieces = render.split_plain(words)
    assert all(len(p) <= 4096 for p in pieces) and " ".join(pieces) == words


def test_token_redaction_covers_http_log_lines() -> None:
    redact = RedactToken("123456:SECRET-token_abcdefghijklmnop")
    record = logging.LogRecord("httpx", logging.INFO, __file__, 1,
                               'HTTP Request: POST %s "HTTP/1.1 200 OK"',
                               ("https://api.telegram.org/bot123456:SECRET-token_abcdefghijklmnop/getUpdates",),
                               None)
    redact.filter(record)
    assert "SECRET" not in record.getMessage() and "<token>" in record.getMessage()
    other = logging.LogRecord("x", logging.INFO, __file__, 1, "bot 987654321:AAHfakefakefakefakefake_xx", (), None)
    redact.filter(other)
    assert "AAH" not in other.getMessage()


def test_every_command_is_registered_helped_and_in_the_menu() -> None:
    registered = set(handlers.CORE_COMMANDS) - {"help"}
    catalog = {c.name for c in messages.COMMANDS if c.feature == "core"}
    assert registered == catalog
    assert all(1 <= len(c.description) <= 256 and c.description[0].isupper() for c in messages.COMMANDS)


def test_readme_lists_every_command() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    if "/precio" not in readme:
        pytest.skip("README.md has no command list yet ")
    missing = [c.name for c in messages.COMMANDS if f"/{c.name}" not in readme]
    assert not missing, f"commands missing from README.md: {missing}"


async def test_chat_state_is_written_behind_and_survives_a_restart(bot: Bot) -> None:
    await bot.say("precio de la papa criolla en Cali")
    svc = bot.app.bot_data.services
    assert svc.memory.flush() == 1  # what the periodic flush and the shutdown do
    fresh = build_services(Settings(db_path=svc.store.path, telegram_token="x"), with_llm=False)
    state, _ = fresh.memory.load(USER)
    assert state.slots.get("product") == "Papa criolla limpia" and "Cali" in str(state.slots.get("market"))
    [follow] = sent(await bot.say("¿y en Medellín?"))
    assert "Papa criolla limpia" in follow.text


async def test_typing_shows_only_during_slow_work(bot: Bot) -> None:
    import asyncio

    from handlers.send import typing

    async with typing(bot.app.bot, USER, after_s=0.05):
        await asyncio.sleep(0.01)
    assert not bot.api.calls("sendChatAction")
    async with typing(bot.app.bot, USER, after_s=0.05):
        await asyncio.sleep(0.3)
    [action] = bot.api.calls("sendChatAction")
    assert action.ok and action.params["action"] == "typing" and action.chat_id == USER


async def test_group_chatter_does_not_count_for_flood(mirror: Path, tmp_path: Path) -> None:
    async for b in _bot(mirror, tmp_path, flood_max_per_minute=2):
        for i in range(5):
            assert not sent(await b.group(f"charla número {i}"))
        [answer] = sent(await b.group(f"@{b.api.bot_username} precio de la papa criolla en corabastos"))
        assert "Papa criolla limpia" in answer.text


def test_flood_guard_window_and_forgetting() -> None:
    from handlers.common import FloodGuard

    guard = FloodGuard(per_minute=2)
    assert [guard.check(1, now=t) for t in (0.0, 1.0, 2.0, 3.0)] == ["ok", "ok", "warn", "drop"]
    assert guard.check(1, now=60.5) == "ok"  # the first message left the window
    guard.check(2, now=0.0)
    guard.forget_idle(now=200.0)
    assert 2 not in guard._seen and guard.check(2, now=200.0) == "ok"


def test_every_message_key_used_exists() -> None:
    root = Path(__file__).resolve().parents[1] / "handlers"
    used: set[str] = set()
    for name in ("chat.py", "commands.py", "guard.py", "render.py", "send.py", "common.py"):
        source = (root / name).read_text(encoding="utf-8")
        used |= set(re.findall(r"""messages\.(?:text|raw)\(\s*["'](\w+)["']""", source))
        used |= set(re.findall(r"""MESSAGES\[["'](\w+)["']\]""", source))
    assert used and not used - set(messages.MESSAGES), sorted(used - set(messages.MESSAGES))


# ------------------------------------------------------------------------------------------- the language model


async def test_telegram_consults_the_configured_model_when_the_rules_are_unsure(mirror: Path, tmp_path: Path) -> None:
    from tests.gguf_tiny import write_tiny_llama

    tiny = write_tiny_llama(tmp_path / "tiny.gguf")
    db = tmp_path / "bot.db"
    db.write_bytes(mirror.read_bytes())
    api = BotAPIServer(listen=False)
    config = Settings(db_path=db, telegram_token=api.token, rate_limit=False, flood_max_per_minute=1000,
                      llm_model_path=str(tiny), llm_threads=1, llm_timeout_s=60.0, llm_state_dir="")
    svc = build_services(config)  # with_llm defaults to True: the bot's own wiring
    assert svc.llm is not None
    svc.llm.worker.ready.wait(30)
    app = build_application(config, svc, request=RecordingRequest(api))
    async with app:
        bot = Bot(app, api)
        [confident] = sent(await bot.say("precio de la papa criolla en Corabastos"))
        assert SOURCE in confident.text and svc.llm.calls == []  # the rules were sure: no model
        [reply] = sent(await bot.say("asdfgh qwerty"))
        assert reply.text
    assert [c.text for c in svc.llm.calls] == ["asdfgh qwerty"]
    assert svc.llm.calls[0].outcome in ("ok", "invalid")
    svc.llm.close()
