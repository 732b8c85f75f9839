"""The refresh jobs on PTB's JobQueue: cron triggers in Bogotá time, a failed refresh (kept data, retry, /fuente),
then a successful retry that evaluates alerts and sends them. Real Application, fake Bot API, fake SOAP server."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from telegram.ext import Application

from bot.config import Settings
from data.db import open_db
from handlers import jobs
from handlers.commands import source_html
from handlers.context import CONTEXT_TYPES
from models import alerts, schedule
from tests.alerts_fixtures import CORABASTOS, PAPA, add_week, ids, week
from tests.botapi import BotAPIServer
from tests.soap_server import SoapServer, Status, response_bytes

BOG = ZoneInfo("America/Bogota")


@pytest.fixture
def api():
    with BotAPIServer() as server:
        yield server


def app_for(api: BotAPIServer) -> Application:
    return Application.builder().context_types(CONTEXT_TYPES).token(api.token).base_url(api.base_url).build()


async def test_cron_jobs_fire_after_dane_publication_in_bogota_time(db_path: Path, api: BotAPIServer) -> None:
    settings = Settings(db_path=db_path, refresh_schedule="supply=off")
    app = app_for(api)
    async with app:
        jobs.register_jobs(app, settings)
        assert app.job_queue is not None
        await app.job_queue.start()
        try:
            found = {j.name: j for j in app.job_queue.jobs()}
            assert {"refresh:daily", "refresh:weekly", "refresh:monthly", "alerts:drain"} <= set(found)
            assert "refresh:supply" not in found
            daily = found["refresh:daily"]
            next_t = daily.next_t
            assert next_t is not None
            local = next_t.astimezone(BOG)
            assert (local.hour, local.minute) == (14, 30) and local.weekday() != 6
            aps = daily.job
            assert aps.misfire_grace_time == schedule.MISFIRE_GRACE_S and aps.coalesce and aps.max_instances == 1
            monthly = found["refresh:monthly"].next_t
            assert monthly is not None and monthly.astimezone(BOG).day in (8, 9, 10)
        finally:
            await app.job_queue.stop(wait=False)


async def test_failed_refresh_keeps_data_retries_shows_in_fuente_then_alerts(db_path: Path,
                                                                             api: BotAPIServer) -> None:
    conn = open_db(db_path).conn
    add_week(conn, 0, {(PAPA, CORABASTOS): 2100})
    alerts.evaluate(conn)
    pid, mid = ids(conn, PAPA, CORABASTOS)
    alerts.create(conn, chat_id=321, user_id=1, product_id=pid, market_id=mid, rule="below", threshold=2000)
    week1 = response_bytes("promediosSipsaSemanaMadr", [
        {"artiId": 0, "artiNombre": PAPA, "fechaIni": f"{week(1).isoformat()}T00:00:00-05:00", "fuenId": 0,
         "fuenNombre": CORABASTOS, "futiId": 1, "maximoKg": 1900, "minimoKg": 1700, "promedioKg": 1800}])
    with SoapServer({"promediosSipsaSemanaMadr": [Status(503), week1]}) as soap:
        settings = Settings(db_path=db_path, refresh_schedule="off", soap_url=soap.url, soap_retries=0)
        app = app_for(api)
        async with app:
            jobs.register_jobs(app, settings)
            jq = app.job_queue
            assert jq is not None
            first = jq.run_once(jobs.refresh_job, when=3600, data=jobs.RefreshTask("weekly", ("weekly",)))
            await first.run(app)
            assert conn.execute("SELECT count(*), max(week_start) FROM weekly_prices").fetchone() == \
                (1, week(0).isoformat())
            assert conn.execute("SELECT status FROM import_runs ORDER BY id DESC LIMIT 1").fetchone() == ("failed",)
            assert "precios semanales" in source_html(conn) and "fall" in source_html(conn).lower()
            [retry] = jq.get_jobs_by_name("refresh:weekly:retry1")
            assert retry.job.trigger.run_date > dt.datetime.now(dt.UTC) + dt.timedelta(minutes=14)  # 15 min later
            assert not api.sent()
            await retry.run(app)
            assert conn.execute("SELECT max(week_start) FROM weekly_prices").fetchone() == (week(1).isoformat(),)
            [msg] = api.sent(321)
            assert "$1.800/kg" in msg.text and "Fuente: DANE – SIPSA" in msg.text
            assert not jq.get_jobs_by_name("refresh:weekly:retry2")
            app.bot_data.alert_jobs.close()


@pytest.mark.parametrize("on_start", [True, False])
async def test_a_run_missed_while_down_is_caught_up_at_start_unless_disabled(db_path: Path, api: BotAPIServer,
                                                                           on_start: bool) -> None:
    due = dt.datetime.now(BOG) - dt.timedelta(minutes=5)
    dow = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[due.weekday()]
    settings = Settings(db_path=db_path, refresh_on_start=on_start,
                        refresh_schedule=f"daily=off;monthly=off;supply=off;weekly={dow}@{due:%H:%M}")
    async with app_for(api) as app:
        jobs.register_jobs(app, settings)
        assert app.job_queue is not None
        [startup] = app.job_queue.get_jobs_by_name("alerts:startup")
        await startup.run(app)
        assert bool(app.job_queue.get_jobs_by_name("refresh:weekly:catch-up")) is on_start
        app.bot_data.alert_jobs.close()
