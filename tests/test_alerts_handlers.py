"""/alerta, /alertas, free-text alert requests and the alert buttons, driven through the real Application
(build_application + real router) against the local fake Bot API."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from telegram import Update

from bot.app import build_application
from bot.config import Settings
from bot.services import build_services
from data import alerts_store as store
from data.db import open_db
from models import alerts
from tests.alerts_fixtures import CORABASTOS, MEDELLIN, PAPA, TOMATE, add_week, ids
from tests.botapi import BotAPIServer

USER, ADMIN, GROUP = 5001, 5002, -4001


@pytest.fixture
def api():
    with BotAPIServer() as server:
        yield server


@pytest.fixture
def settings(db_path: Path, api: BotAPIServer) -> Settings:
    conn = open_db(db_path).conn
    for n in range(3):
        add_week(conn, n, {(PAPA, CORABASTOS): 2100 + 10 * n, (PAPA, MEDELLIN): 2300, (TOMATE, CORABASTOS): 2600})
    alerts.evaluate(conn)
    conn.close()
    return Settings(db_path=db_path, telegram_token=api.token, bot_api_base_url=api.base_url, rate_limit=False,
                    refresh_schedule="off", refresh_on_start=False)


class Chat:
    """Plays updates into the application and returns what the bot sent meanwhile."""

    def __init__(self, app: Any, api: BotAPIServer) -> None:
        self.app, self.api = app, api

    async def play(self, update: dict[str, Any]) -> list[Any]:
        before = len(self.api.calls())
        await self.app.process_update(Update.de_json(update, self.app.bot))
        return [c for c in self.api.calls()[before:] if c.method in {"sendMessage", "editMessageText"}]

    async def text(self, user: int, text: str) -> Any:
        out = await self.play(self.api.updates.private_text(user, text))
        assert out, f"no reply to {text!r}"
        return out[-1]

    async def press(self, user: int, chat: dict[str, Any], call: Any, label_part: str) -> Any:
        button = next(b for b in call.buttons() if label_part in b["text"])
        msg_id = (call.result or {}).get("message_id", 1) if isinstance(call.result, dict) else 1
        out = await self.play(self.api.updates.callback(user, chat, msg_id, button["callback_data"]))
        assert out, f"no reply to button {label_part!r}"
        return out[-1]


@pytest.fixture
async def chat(settings: Settings, api: BotAPIServer):
    services = build_services(settings, with_llm=False)
    app = build_application(settings, services)
    async with app:
        yield Chat(app, api)


def subs(settings: Settings, chat_id: int) -> list[store.Subscription]:
    conn = open_db(settings.db_path).conn
    try:
        return store.list_subscriptions(conn, chat_id)
    finally:
        conn.close()


async def test_guided_flow_product_market_rule_threshold(chat: Chat, settings: Settings) -> None:
    me = chat.api.updates.private_chat(USER)
    reply = await chat.text(USER, "/alerta")
    assert "¿De qué producto?" in reply.text
    reply = await chat.text(USER, "papa criolla")
    assert "¿en qué mercado" in reply.text
    assert any("Corabastos" in b["text"] for b in reply.buttons())
    assert all(len(b["callback_data"].encode()) <= 64 for b in reply.buttons())
    reply = await chat.press(USER, me, reply, "Corabastos")
    assert "Último dato: $2.120/kg" in reply.text and "¿Cuándo te aviso?" in reply.text
    reply = await chat.press(USER, me, reply, "Si baja")
    assert "Escribe el precio" in reply.text
    reply = await chat.text(USER, "2 mil")
    assert "Alerta creada" in reply.text and "$2.000/kg o menos" in reply.text and "Corabastos" in reply.text
    [sub] = subs(settings, USER)
    assert (sub.rule, sub.threshold, sub.dataset, sub.armed) == ("below", 2000.0, "weekly", True)
    # a later plain question goes to the router again, not to the finished flow
    reply = await chat.text(USER, "precio del tomate chonto en corabastos")
    assert "Alerta creada" not in reply.text


async def test_change_and_digest_through_buttons(chat: Chat, settings: Settings) -> None:
    me = chat.api.updates.private_chat(USER)
    reply = await chat.text(USER, "/alerta tomate chonto")
    reply = await chat.press(USER, me, reply, "Corabastos")
    reply = await chat.press(USER, me, reply, "cambia")
    reply = await chat.press(USER, me, reply, "Si sube o baja")
    reply = await chat.press(USER, me, reply, "15 %")
    assert "Alerta creada" in reply.text and "cambio de al menos 15 %" in reply.text
    reply = await chat.text(USER, "/alerta papa criolla")
    reply = await chat.press(USER, me, reply, "Todos los mercados")
    assert "datos nuevos" in reply.text.lower()
    assert sorted((s.rule, s.direction) for s in subs(settings, USER)) == [("change", "any"), ("digest", "")]


async def test_free_text_alert_from_the_router(chat: Chat, settings: Settings) -> None:
    reply = await chat.text(USER, "avísame si la papa criolla baja de 2.000 en Corabastos")
    assert "Alerta creada" in reply.text, reply.text
    [sub] = subs(settings, USER)
    pid, mid = ids(open_db(settings.db_path).conn, PAPA, CORABASTOS)
    assert (sub.product_id, sub.market_id, sub.rule, sub.threshold) == (pid, mid, "below", 2000.0)


async def test_a_free_text_request_without_a_price_goes_on_as_a_dialogue(chat: Chat, settings: Settings) -> None:
    me = chat.api.updates.private_chat(USER)
    reply = await chat.text(USER, "ponme una alerta de la papa criolla en corabastos")
    assert "¿Cuándo te aviso?" in reply.text  # the request named no rule: the dialogue asks for it
    reply = await chat.press(USER, me, reply, "Si baja")
    reply = await chat.text(USER, "1.900 pesos")  # typed: the dialogue, not the router, reads it
    assert "Alerta creada" in reply.text and subs(settings, USER)[0].threshold == 1900
    reply = await chat.text(USER, "/alerta")
    reply = await chat.text(USER, "/cancelar")
    assert "no creé ninguna alerta" in reply.text
    assert "No estabas creando" in (await chat.text(USER, "/cancelar")).text
    reply = await chat.text(USER, "papa criolla")  # after /cancelar a name is a price question again
    assert "¿en qué mercado" not in reply.text and "$" in reply.text


async def test_unknown_product_and_bad_threshold_get_spanish_help(chat: Chat, settings: Settings) -> None:
    me = chat.api.updates.private_chat(USER)
    await chat.text(USER, "/alerta")
    reply = await chat.text(USER, "kriptonita")
    assert "No encontré el producto" in reply.text
    reply = await chat.text(USER, "papa criolla")
    reply = await chat.press(USER, me, reply, "Corabastos")
    reply = await chat.press(USER, me, reply, "Si sube")
    reply = await chat.text(USER, "mucho")
    assert "No entendí el precio" in reply.text
    reply = await chat.text(USER, "$2.500")
    assert "Alerta creada" in reply.text and subs(settings, USER)[0].threshold == 2500


async def test_list_pause_resume_delete_and_quiet_hours(chat: Chat, settings: Settings) -> None:
    me = chat.api.updates.private_chat(USER)
    assert "No tienes alertas" in (await chat.text(USER, "/alertas")).text
    await chat.text(USER, "avísame si la papa criolla sube de 2.500 en Corabastos")
    listing = await chat.text(USER, "/alertas")
    assert "1. Papa criolla limpia en Bogotá, D.C., Corabastos" in listing.text
    reply = await chat.press(USER, me, listing, "Pausar 1")
    assert "Alerta en pausa" in reply.text and subs(settings, USER)[0].paused
    reply = await chat.press(USER, me, reply, "Reanudar 1")
    assert not subs(settings, USER)[0].paused
    reply = await chat.text(USER, "/alertas silencio 21:00-06:30")
    assert "21:00 a 06:30" in reply.text
    assert "21:00 a 06:30" in (await chat.text(USER, "/alertas")).text
    assert "No entendí las horas" in (await chat.text(USER, "/alertas silencio tarde")).text
    reply = await chat.press(USER, me, listing, "Borrar 1")
    assert "Alerta borrada" in reply.text and subs(settings, USER) == []
    # a stale button for the deleted alert
    reply = await chat.press(USER, me, listing, "Borrar 1")
    assert chat.api.calls("answerCallbackQuery")[-1].params.get("text") == "Esa alerta ya no existe."


async def test_in_groups_only_admins_manage_alerts(chat: Chat, settings: Settings) -> None:
    chat.api.set_admins(GROUP, [ADMIN])
    out = await chat.play(chat.api.updates.group_text(GROUP, USER, "/alerta@SipsaTestBot"))
    assert "solo los administradores" in out[-1].text
    out = await chat.play(chat.api.updates.group_text(GROUP, ADMIN, "/alerta@SipsaTestBot papa criolla"))
    assert "¿en qué mercado" in out[-1].text
    group = chat.api.updates.group_chat(GROUP)
    button = next(b for b in out[-1].buttons() if "Corabastos" in b["text"])
    await chat.play(chat.api.updates.callback(USER, group, 1, button["callback_data"]))
    assert "solo los administradores" in chat.api.calls("answerCallbackQuery")[-1].params.get("text", "")
    papa = ids(open_db(settings.db_path).conn, PAPA)[0]
    await chat.play(chat.api.updates.callback(ADMIN, group, 1, f"alr:{papa}:0:digest"))
    assert [s.rule for s in subs(settings, GROUP)] == ["digest"]
    out = await chat.play(chat.api.updates.group_text(GROUP, USER, "/alertas@SipsaTestBot"))
    assert "1. Papa criolla limpia (todos los mercados)" in out[-1].text  # anyone may look
    await chat.play(chat.api.updates.callback(USER, group, 1, out[-1].buttons()[1]["callback_data"]))
    assert "solo los administradores" in chat.api.calls("answerCallbackQuery")[-1].params.get("text", "")
    assert len(subs(settings, GROUP)) == 1
    await chat.play(chat.api.updates.migrate(GROUP, -1004001))
    assert subs(settings, GROUP) == [] and len(subs(settings, -1004001)) == 1


async def test_forecast_button_of_an_alert_message(chat: Chat, settings: Settings) -> None:
    me = chat.api.updates.private_chat(USER)
    await chat.text(USER, "avísame si la papa criolla baja de 2.000 en Corabastos")
    sub = subs(settings, USER)[0]
    out = await chat.play(chat.api.updates.callback(USER, me, 1, f"alfc:{sub.id}"))
    text = out[-1].text
    assert "Papa criolla limpia" in text and "Corabastos" in text
    assert "no está disponible" not in text  # the forecast feature answered for this very series
    other = chat.api.updates.private_chat(USER + 1)
    await chat.play(chat.api.updates.callback(USER + 1, other, 1, f"alfc:{sub.id}"))
    assert chat.api.calls("answerCallbackQuery")[-1].params.get("text") == "Esa alerta ya no existe."


async def test_a_chat_that_blocks_the_bot_stops_its_alerts(chat: Chat, settings: Settings) -> None:
    await chat.text(USER, "avísame si la papa criolla baja de 2.000 en Corabastos")
    chat.api.block(USER)
    await chat.play(chat.api.updates.private_text(USER, "/alertas"))  # the reply gets 403
    assert [s.active for s in subs(settings, USER)] == [False]
    chat.api.unblock(USER)
    await chat.text(USER, "avísame si el tomate chonto sube de 3.000 en Corabastos")
    assert [s.active for s in subs(settings, USER)] == [True, True]  # writing again re-activates the chat


async def test_market_can_be_typed_instead_of_pressed(chat: Chat, settings: Settings) -> None:
    me = chat.api.updates.private_chat(USER)
    await chat.text(USER, "/alerta papa criolla")
    reply = await chat.text(USER, "cali")
    assert "No tengo precios de ese producto en «cali»" in reply.text
    reply = await chat.text(USER, "medellin")
    assert "Medellín, Central Mayorista de Antioquia" in reply.text and "¿Cuándo te aviso?" in reply.text
    reply = await chat.press(USER, me, reply, "datos nuevos")
    assert "Alerta creada" in reply.text
    [sub] = subs(settings, USER)
    assert (sub.rule, sub.market_id) == ("digest", ids(open_db(settings.db_path).conn, PAPA, MEDELLIN)[1])


async def test_free_text_without_a_rule_asks_instead_of_guessing(chat: Chat, settings: Settings) -> None:
    reply = await chat.text(USER, "quiero una alerta de la papa criolla")
    assert "¿en qué mercado" in reply.text
    reply = await chat.text(USER, "pon una alerta de la papa criolla en corabastos")
    assert "¿Cuándo te aviso?" in reply.text and "Corabastos" in reply.text
    assert subs(settings, USER) == []
    reply = await chat.text(USER, "notifícame cuando haya datos nuevos de papa criolla")
    assert "Alerta creada" in reply.text and "todos los mercados" in reply.text
    assert [(s.rule, s.market_id) for s in subs(settings, USER)] == [("digest", None)]
