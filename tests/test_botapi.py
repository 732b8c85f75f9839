"""The fake Bot API server itself, driven by PTB's real Bot over HTTP on 127.0.0.1."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.request import HTTPXRequest

from tests.botapi import BotAPIServer, visible_html


@pytest.fixture
def api() -> Iterator[BotAPIServer]:
    with BotAPIServer() as server:
        yield server


def _bot(api: BotAPIServer, read_timeout: float = 5.0) -> Bot:
    return Bot(api.token, base_url=api.base_url, request=HTTPXRequest(read_timeout=read_timeout),
               get_updates_request=HTTPXRequest(read_timeout=read_timeout))


async def test_send_edit_and_record(api: BotAPIServer) -> None:
    async with _bot(api) as bot:
        me = await bot.get_me()
        assert me.username == api.bot_username
        markup = InlineKeyboardMarkup([[InlineKeyboardButton("Papa criolla", callback_data="c:1:0")]])
        msg = await bot.send_message(1001, "<b>Papa</b> &amp; yuca", parse_mode="HTML", reply_markup=markup)
        assert msg.text == "Papa & yuca"
        edited = await bot.edit_message_text("otra", chat_id=1001, message_id=msg.message_id)
        assert edited.text == "otra"  # type: ignore[union-attr]
        with pytest.raises(BadRequest, match=r"(?i)not modified"):
            await bot.edit_message_text("otra", chat_id=1001, message_id=msg.message_id)
    call = api.calls("sendMessage")[0]
    assert call.chat_id == 1001 and call.params["parse_mode"] == "HTML"
    assert call.buttons()[0]["callback_data"] == "c:1:0"


async def test_telegram_validation(api: BotAPIServer) -> None:
    async with _bot(api) as bot:
        with pytest.raises(BadRequest, match=r"(?i)parse entities"):
            await bot.send_message(1, "Papa & yuca <3", parse_mode="HTML")
        with pytest.raises(BadRequest, match=r"(?i)too long"):
            await bot.send_message(1, "x" * 4097)
        with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
            await bot.send_message(1, "x", reply_markup=InlineKeyboardMarkup(
                [[InlineKeyboardButton("a", callback_data="x" * 65)]]))
        with pytest.raises(BadRequest, match=r"(?i)query is too old"):
            await bot.answer_callback_query("nope")


async def test_scripted_failures(api: BotAPIServer) -> None:
    api.fail_next("sendMessage", 429, retry_after=3)
    api.fail_next("sendMessage", 400, "Bad Request: chat not found")
    api.block(55)
    api.drop_next("sendMessage", hold_s=1.0)
    async with _bot(api, read_timeout=0.3) as bot:
        with pytest.raises(RetryAfter) as info:
            await bot.send_message(1, "a")
        assert "retry in 3 seconds" in str(info.value).lower()
        with pytest.raises(BadRequest):
            await bot.send_message(1, "b")
        with pytest.raises(Forbidden):
            await bot.send_message(55, "c")
        with pytest.raises((TimedOut, NetworkError)):
            await bot.send_message(1, "d")
        assert (await bot.send_message(1, "e")).text == "e"
    assert [c.text for c in api.sent()] == ["e"]
    assert [c.status for c in api.calls("sendMessage")] == [429, 400, 403, 0, 200]


async def test_long_poll_and_offset(api: BotAPIServer) -> None:
    async with _bot(api) as bot:
        t0 = time.monotonic()
        assert await bot.get_updates(timeout=0.3) == ()
        assert time.monotonic() - t0 >= 0.25

        async def later() -> None:
            await asyncio.sleep(0.2)
            api.inject(api.updates.private_text(1, "hola"))

        task = asyncio.create_task(later())
        updates = await bot.get_updates(timeout=3)
        await task
        assert updates[0].message.text == "hola"  # type: ignore[union-attr]
        again = await bot.get_updates(offset=updates[0].update_id, timeout=0)
        assert len(again) == 1  # not confirmed yet
        assert await bot.get_updates(offset=updates[0].update_id + 1, timeout=0) == ()
    assert api.pending_updates() == 0
    assert api.delivered_at(updates[0].update_id) is not None


async def test_photo_and_admins(api: BotAPIServer, tmp_path) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"0" * 100
    api.set_admins(-200, [7])
    async with _bot(api) as bot:
        msg = await bot.send_photo(-200, png, caption="Papa <b>criolla</b>", parse_mode="HTML")
        assert msg.photo and msg.caption == "Papa criolla"
        assert (await bot.get_chat_member(-200, 7)).status == "administrator"
        assert (await bot.get_chat_member(-200, 8)).status == "member"
        assert [m.user.id for m in await bot.get_chat_administrators(-200)] == [7]
    call = api.calls("sendPhoto")[0]
    assert call.files and next(iter(call.files.values()))[2] == png


def test_visible_html() -> None:
    assert visible_html("a &amp; b <i>c</i>") == "a & b c"
    with pytest.raises(Exception, match="Unsupported"):
        visible_html("<div>x</div>")


def test_runs_as_a_separate_process() -> None:
    proc = subprocess.Popen([sys.executable, "-m", "tests.botapi", "--port", "0"], stdout=subprocess.PIPE,
                            text=True)
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        base = line.split()[3]  # "Bot API on http://127.0.0.1:PORT/bot ..."
        root = base.removesuffix("/bot")
        req = urllib.request.Request(root + "/_control/inject", data=json.dumps(
            {"update_id": 0, "message": {"message_id": 1, "date": 0, "chat": {"id": 5, "type": "private"},
                                         "text": "hola"}}).encode(), headers={"Content-Type": "application/json"})
        assert json.load(urllib.request.urlopen(req, timeout=5))["result"] == [1]
        from tests.botapi import DEFAULT_TOKEN

        got = json.load(urllib.request.urlopen(f"{base}{DEFAULT_TOKEN}/getUpdates?timeout=0", timeout=5))
        assert got["result"][0]["message"]["text"] == "hola"
        calls = json.load(urllib.request.urlopen(root + "/_control/calls?method=getUpdates", timeout=5))
        assert len(calls["result"]) == 1
    finally:
        proc.terminate()
        proc.wait(timeout=5)
