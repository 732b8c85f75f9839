"""Fan-out through a real PTB bot (AIORateLimiter) against the local fake Bot API: delivery, 403, 429,
migration, timeouts (in doubt) and quiet hours."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from telegram.ext import AIORateLimiter, Application

from data import alerts_store as store
from data.db import open_db
from handlers.jobs import AlertJobs
from models import alerts
from tests.alerts_fixtures import CORABASTOS, PAPA, add_week, ids
from tests.botapi import BotAPIServer

BOG = ZoneInfo("America/Bogota")


def queue(conn: sqlite3.Connection, chats: list[int]) -> None:
    add_week(conn, 0, {(PAPA, CORABASTOS): 2100})
    alerts.evaluate(conn)
    pid, mid = ids(conn, PAPA, CORABASTOS)
    for chat in chats:
        alerts.create(conn, chat_id=chat, user_id=1, product_id=pid, market_id=mid, rule="below", threshold=2000)
    add_week(conn, 1, {(PAPA, CORABASTOS): 1800})
    assert alerts.evaluate(conn).queued == len(chats)


@pytest.fixture
def api():
    with BotAPIServer() as server:
        yield server


def app_for(api: BotAPIServer) -> Application:
    return (Application.builder().token(api.token).base_url(api.base_url).rate_limiter(AIORateLimiter())
            .build())


async def test_fanout_delivers_each_alert_once_and_handles_telegram_errors(db_path: Path, api: BotAPIServer) -> None:
    conn = open_db(db_path).conn
    queue(conn, [1, 2, 3, 4, 5, -300])
    api.block(2)
    api.fail_next("sendMessage", 429, retry_after=30, where=lambda c: c.chat_id == 3)
    api.fail_next("sendMessage", 400, "Bad Request: group chat was upgraded to a supergroup chat",
                  migrate_to_chat_id=-100300, where=lambda c: c.chat_id == -300)
    api.drop_next("sendMessage", hold_s=1.5, where=lambda c: c.chat_id == 4)
    app = app_for(api)
    async with app:
        aj = AlertJobs(db_path=db_path, settings=None, tz=BOG)
        stats = await aj.drain(app.bot)
        texts = {c.chat_id: c.text for c in api.sent()}
        assert set(texts) == {1, 5, -100300}
        assert "Papa criolla limpia" in texts[1] and "$1.800/kg" in texts[1] and "Fuente: DANE – SIPSA" in texts[1]
        assert api.sent(1)[0].buttons()[0]["callback_data"].startswith("alfc:")
        status = {i.chat_id: i for i in store.outbox(conn)}
        assert status[2].status == "dropped" and not any(s.active for s in store.list_subscriptions(conn, 2))
        assert status[3].status == "pending" and status[3].not_before > store.utc_now()  # honours retry_after
        assert status[4].status == "pending" and status[4].in_doubt  # timed out: may have arrived
        assert status[-100300].status == "delivered" and store.list_subscriptions(conn, -300) == []
        assert stats.sent == 3
        # later: the 429 wait is over and the timed-out one is retried with the in-doubt note
        conn.execute("UPDATE alert_queue SET not_before = '' WHERE status = 'pending'")
        conn.commit()
        await aj.drain(app.bot)
        assert len(api.sent(3)) == 1 and api.sent(4)[0].text.startswith("♻️ Reenvío")
        assert store.counts(conn) == {"delivered": 5, "dropped": 1}
        await aj.drain(app.bot)  # nothing left: nothing sent twice
        assert len(api.sent()) == 5
    aj.close()


async def test_quiet_hours_hold_alerts_until_they_end(db_path: Path, api: BotAPIServer) -> None:
    conn = open_db(db_path).conn
    queue(conn, [7, 8])
    now = dt.datetime.now(BOG)
    start = (now.hour * 60 + now.minute - 30) % 1440
    store.set_quiet_hours(conn, 7, start, (start + 120) % 1440)  # quiet right now
    async with app_for(api) as app:
        aj = AlertJobs(db_path=db_path, settings=None, tz=BOG)
        stats = await aj.drain(app.bot)
        assert stats.held == 1 and [c.chat_id for c in api.sent()] == [8]
        store.set_quiet_hours(conn, 7, (start + 120) % 1440, (start + 180) % 1440)  # hours over
        await aj.drain(app.bot)
        assert [c.chat_id for c in api.sent()] == [8, 7] and "horas de silencio" in api.sent(7)[0].text
    aj.close()
