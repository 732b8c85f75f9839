"""/pronostico, /series, free-text forecast requests and the saved-series buttons through the real Application
(build_application, real router, real forecast pool) with the recording Bot API of tests/botapi.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from telegram import Update

from bot.app import build_application
from bot.config import Settings
from bot.services import build_services
from data import demo
from data.db import open_db
from models.forecast.service import ForecastService
from tests.botapi import BotAPIServer, Call, RecordingRequest

USER, OTHER, ADMIN, GROUP = 7001, 7002, 7003, -7001
SOURCE = "Fuente: DANE – SIPSA; pronóstico de SIPSABot"


@pytest.fixture(scope="module")
def mirror(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fcbot") / "mirror.db"
    db = open_db(path)
    demo.build(db.conn, end_week=dt.date(2025, 10, 18), weeks=120)
    db.conn.commit()
    db.conn.close()
    return path


@pytest.fixture(scope="module")
def pool() -> Any:
    service = ForecastService(workers=1)
    service.warm_up().result()
    yield service
    service.close()


class Bot:
    def __init__(self, app: Any, api: BotAPIServer) -> None:
        self.app, self.api = app, api

    async def send(self, update: dict[str, Any]) -> list[Call]:
        before = len(self.api.calls())
        self.api.observe(update)
        await self.app.process_update(Update.de_json(update, self.app.bot))
        return self.api.calls()[before:]

    async def say(self, text: str, user: int = USER) -> list[Call]:
        return await self.send(self.api.updates.private_text(user, text))

    async def press(self, call: Call, label: str, user: int = USER) -> list[Call]:
        button = next(b for b in call.buttons() if label in b["text"])
        chat = self.api.updates.private_chat(user)
        return await self.send(self.api.updates.callback(user, chat, call.result["message_id"],
                                                         button["callback_data"]))


def sent(calls: list[Call]) -> list[Call]:
    return [c for c in calls if c.method in {"sendMessage", "sendPhoto", "editMessageText"} and c.ok]


@pytest.fixture
async def bot(mirror: Path, tmp_path: Path, pool: ForecastService) -> AsyncIterator[Bot]:
    db = tmp_path / "bot.db"
    db.write_bytes(mirror.read_bytes())
    api = BotAPIServer(listen=False)
    api.set_admins(GROUP, [ADMIN])
    config = Settings(db_path=db, telegram_token=api.token, rate_limit=False, flood_max_per_minute=1000,
                      refresh_schedule="off", refresh_on_start=False)
    services = build_services(config, with_llm=False)
    services.features["forecast"] = pool  # one warm pool for the module (and its cache across tests)
    app = build_application(config, services, request=RecordingRequest(api))
    async with app:
        yield Bot(app, api)


async def test_pronostico_sends_chart_and_text_then_saves_lists_forecasts_and_deletes(bot: Bot) -> None:
    calls = await bot.say("/pronostico papa criolla en Corabastos 6 semanas")
    assert any(c.method == "sendChatAction" and c.params.get("action") == "typing" for c in calls)
    photo, text = sent(calls)
    assert photo.method == "sendPhoto" and "Papa criolla limpia" in photo.text and SOURCE in photo.text
    png = next(iter(photo.files.values()))[2]
    assert png[:4] == b"\x89PNG"
    assert "próximas 6 semanas" in text.text and text.text.count("80%:") == 6 and SOURCE in text.text
    assert "MASE" in text.text and "DEMOSTRACIÓN" in text.text

    [saved] = sent(await bot.press(text, "Guardar"))
    assert "serie 1" in saved.text and "Papa criolla limpia" in saved.text
    [listing] = sent(await bot.say("/series"))
    assert "Series guardadas" in listing.text and "Papa criolla limpia" in listing.text
    assert all(len(b["callback_data"].encode()) <= 64 for b in listing.buttons())

    again = sent(await bot.press(listing, "📈"))
    assert [c.method for c in again] == ["sendPhoto", "sendMessage"] and "Papa criolla limpia" in again[1].text

    by_number = sent(await bot.say("/pronostico 1"))
    assert by_number[0].method == "sendPhoto"

    deleted = sent(await bot.press(listing, "🗑"))
    assert any("No hay series guardadas" in c.text for c in deleted)
    [gone] = sent(await bot.say("/series"))
    assert "No hay series guardadas" in gone.text


async def test_free_text_request_router_intent_and_guardar_esta_serie(bot: Bot) -> None:
    calls = await bot.say("pronostica la papa criolla en Corabastos para las próximas 8 semanas")
    photo, text = sent(calls)
    assert photo.method == "sendPhoto" and "próximas 8 semanas" in text.text and "Corabastos" in text.text
    [saved] = sent(await bot.say("guardar esta serie como papita"))
    assert "serie 1" in saved.text and "papita" in saved.text
    [again] = sent(await bot.say("guarda esta serie"))
    assert "ya estaba guardada" in again.text
    forecast = sent(await bot.say("/pronostico papita"))
    assert forecast[0].method == "sendPhoto"


async def test_errors_are_polite_spanish_messages(bot: Bot) -> None:
    [nothing] = sent(await bot.say("guardar esta serie", user=OTHER))
    assert "Primero pide un pronóstico" in nothing.text
    [usage] = sent(await bot.say("/pronostico", user=OTHER))
    assert "/pronostico papa criolla" in usage.text
    [horizon] = sent(await bot.say("/pronostico zanahoria en Cavasa 9 meses", user=OTHER))
    assert "entre 1 y 6 meses" in horizon.text
    calls = await bot.send(bot.api.updates.callback(OTHER, bot.api.updates.private_chat(OTHER), 5, "fcr:999999"))
    [ack] = [c for c in calls if c.method == "answerCallbackQuery"]
    assert "ya no está guardada" in ack.params.get("text", "") and not sent(calls)


async def test_group_members_forecast_but_only_admins_save(bot: Bot) -> None:
    calls = await bot.send(bot.api.updates.group_text(GROUP, USER, "/pronostico tomate chonto en Cavasa"))
    photo, text = sent(calls)
    assert photo.method == "sendPhoto" and "Tomate chonto" in text.text
    button = next(b for b in text.buttons() if "Guardar" in b["text"])
    group = bot.api.updates.group_chat(GROUP)
    [denied] = sent(await bot.send(bot.api.updates.callback(USER, group, text.result["message_id"],
                                                            button["callback_data"])))
    assert "administradores" in denied.text
    [ok] = sent(await bot.send(bot.api.updates.callback(ADMIN, group, text.result["message_id"],
                                                        button["callback_data"])))
    assert "serie 1" in ok.text
