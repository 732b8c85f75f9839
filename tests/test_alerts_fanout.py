"""Fan-out through a real PTB bot (AIORateLimiter) against the local fake Bot API: delivery, 403, 429,
migration, timeouts (in doubt) and quiet hours."""

from __future__ import annotations

import asyncio
import datetime as dt
import sqlite3
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from telegram.ext import AIORateLimiter, Application

from data import alerts_store as store
from data.db import open_db
from data.store import Store
from handlers.context import CONTEXT_TYPES
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
    return (Application.builder().context_types(CONTEXT_TYPES).token(api.token).base_url(api.base_url)
            .rate_limiter(AIORateLimiter()).build())


async def test_fanout_delivers_each_alert_once_and_handles_telegram_errors(db_path: Path, api: BotAPIServer) -> None:
    conn = open_db(db_path).conn
    queue(conn, [1, 2, 3, 4, 5, -300])
    api.block(2)
    api.fail_next("sendMessage", 429, retry_after=2, where=lambda c: c.chat_id == 3)
    api.fail_next("sendMessage", 400, "Bad Request: group chat was upgraded to a supergroup chat",
                  migrate_to_chat_id=-100300, where=lambda c: c.chat_id == -300)
    api.drop_next("sendMessage", hold_s=1.0, where=lambda c: c.chat_id == 4)
    app = app_for(api)
    async with app:
        aj = AlertJobs(store=Store(db_path), settings=None, tz=BOG, owns_store=True)
        await aj.drain(app.bot)
        status = {i.chat_id: i for i in store.outbox(conn)}
        assert status[2].status == "dropped" and not any(s.active for s in store.list_subscriptions(conn, 2))
        assert status[3].status == "pending" and status[3].not_before > store.utc_now()  # honours retry_after
        assert aj.paused_until > time.monotonic()  # flood control holds every chat, not only chat 3
        for _ in range(4):  # later drains: the pause is over; retries are made due at once
            await asyncio.sleep(max(0.0, aj.paused_until - time.monotonic()))
            conn.execute("UPDATE alert_queue SET not_before = '' WHERE status = 'pending'")
            conn.commit()
            await aj.drain(app.bot)
        assert store.counts(conn) == {"delivered": 5, "dropped": 1}
        per_chat = {c.chat_id: [x.text for x in api.sent(c.chat_id)] for c in api.sent()}
        assert set(per_chat) == {1, 3, 4, 5, -100300} and all(len(t) == 1 for t in per_chat.values())
        first = per_chat[1][0]
        assert "Papa criolla limpia" in first and "$1.800/kg" in first and "Fuente: DANE – SIPSA" in first
        assert api.sent(1)[0].buttons()[0]["callback_data"].startswith("alfc:")
        # chat 4's first request timed out (it may have arrived): resent, flagged, with the in-doubt note
        assert per_chat[4][0].startswith("♻️ Reenvío") and [i.in_doubt for i in store.outbox(conn) if i.chat_id == 4]
        assert store.list_subscriptions(conn, -300) == [] and len(store.list_subscriptions(conn, -100300)) == 1
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
        aj = AlertJobs(store=Store(db_path), settings=None, tz=BOG, owns_store=True)
        stats = await aj.drain(app.bot)
        assert stats.held == 1 and [c.chat_id for c in api.sent()] == [8]
        store.set_quiet_hours(conn, 7, (start + 120) % 1440, (start + 180) % 1440)  # hours over
        await aj.drain(app.bot)
        assert [c.chat_id for c in api.sent()] == [8, 7] and "horas de silencio" in api.sent(7)[0].text
    aj.close()


async def test_periodic_drain_evaluates_imports_made_by_another_process(db_path: Path, api: BotAPIServer) -> None:
    from bot.config import Settings
    from handlers import jobs

    conn = open_db(db_path).conn
    add_week(conn, 0, {(PAPA, CORABASTOS): 2100})
    alerts.evaluate(conn)
    pid, mid = ids(conn, PAPA, CORABASTOS)
    alerts.create(conn, chat_id=77, user_id=1, product_id=pid, market_id=mid, rule="below", threshold=2000)
    async with app_for(api) as app:
        jobs.register_jobs(app, Settings(db_path=db_path, refresh_schedule="off"))
        assert app.job_queue is not None
        tick = app.job_queue.run_once(jobs.drain_job, when=3600)
        await tick.run(app)
        assert not api.sent()
        add_week(conn, 1, {(PAPA, CORABASTOS): 1850})  # e.g. `sipsabot refresh` run from cron
        await tick.run(app)
        assert len(api.sent(77)) == 1 and "$1.850/kg" in api.sent(77)[0].text
        app.bot_data.alert_jobs.close()
