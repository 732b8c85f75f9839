"""Delivery guarantee, proven by killing the real `sipsabot run` process with SIGKILL.

The mirror holds week 0 of some price series and many subscriptions: ALERTS of them fire when week 1 arrives,
100,000 more are evaluated and do not fire. The bot starts with a refresh schedule whose weekly run was due two
minutes ago, so at start-up it catches up: it downloads week 1 from the local SOAP server, evaluates, and fans the
alerts out through the local fake Bot API, whose sendMessage answers slowly. The process is killed
- during the SOAP download (the server hangs on the first call),
- right after the import commits (the evaluation of 100,000 subscriptions is then running),
- several times in the middle of the fan-out,
and restarted each time; the last run drains the outbox and is stopped politely.

Checked at the end: every expected alert (key = subscription x period) was delivered; no subscription that
should not fire sent anything; a chat that received its alert twice is only ever one whose key was in doubt
(marked 'sending' when the process died: Telegram had it, the process did not know), the repeat carries the
in-doubt note, and the number of such repeats is at most kills x concurrency. The figures are printed.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from data.db import open_db
from models import alerts
from tests.alerts_fixtures import add_week, week
from tests.botapi import BotAPIServer
from tests.soap_server import Hang, SoapServer, response_bytes

ROOT = Path(__file__).resolve().parents[1]
PRODUCTS = ["Papa criolla limpia", "Tomate chonto", "Cebolla junca", "Zanahoria", "Limón Tahití", "Aguacate Hass"]
MARKETS = ["Bogotá, D.C., Corabastos", "Medellín, Central Mayorista de Antioquia", "Cali, Cavasa",
           "Barranquilla, Barranquillita", "Bucaramanga, Centroabastos", "Pereira, Mercasa"]
PRIVATE, GROUPS, QUIET = 300, 6, 100_000
CONCURRENCY = 4
SEND_DELAY_S = 0.08
FANOUT_KILLS = (40, 95, 150, 210)  # kill when the server has accepted this many alert messages in total

pytestmark = pytest.mark.slow


def build_mirror(path: Path) -> list[int]:
    """Week 0 in the mirror, the subscriptions; returns the ids of the subscriptions that must fire."""
    conn = open_db(path).conn
    add_week(conn, 0, {(p, m): 2000.0 for p in PRODUCTS for m in MARKETS})
    alerts.evaluate(conn)
    series = [r for r in conn.execute("SELECT product_id, market_id FROM weekly_prices")]
    start = week(0).isoformat()
    now = "2026-11-27T00:00:00+00:00"
    chats = list(range(10_001, 10_001 + PRIVATE)) + [-(5_000 + i) for i in range(GROUPS)]
    conn.executemany(
        "INSERT INTO alert_subscriptions (chat_id, user_id, product_id, market_id, dataset, rule, threshold, armed, "
        "last_period, created_at) VALUES (?, 1, ?, ?, 'weekly', 'below', 1900, 1, ?, ?)",
        [(chat, *series[i % len(series)], start, now) for i, chat in enumerate(chats)])
    conn.executemany(
        "INSERT INTO alert_subscriptions (chat_id, user_id, product_id, market_id, dataset, rule, threshold, armed, "
        "last_period, created_at) VALUES (?, 1, ?, ?, 'weekly', 'above', 1e9, 1, ?, ?)",
        [(2_000_000 + i, *series[i % len(series)], start, now) for i in range(QUIET)])
    conn.commit()
    firing = [r[0] for r in conn.execute("SELECT id FROM alert_subscriptions WHERE rule = 'below' ORDER BY id")]
    conn.close()
    return firing


def week1_response() -> bytes:
    start = week(1).isoformat()
    return response_bytes("promediosSipsaSemanaMadr", [
        {"artiId": 0, "artiNombre": p, "fechaIni": f"{start}T00:00:00-05:00", "fuenId": 0, "fuenNombre": m,
         "futiId": 1, "maximoKg": 1900, "minimoKg": 1700, "promedioKg": 1800} for p in PRODUCTS for m in MARKETS])


def schedule_due_two_minutes_ago() -> str:
    due = dt.datetime.now(ZoneInfo("America/Bogota")) - dt.timedelta(minutes=2)
    dow = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[due.weekday()]
    return f"daily=off;monthly=off;supply=off;weekly={dow}@{due.hour:02d}:{due.minute:02d}"


def query(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        return conn.execute(sql).fetchall()
    except sqlite3.OperationalError:
        return []
    finally:
        conn.close()


class Bot:
    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env, self.log, self.proc = env, log, None
        self.lives = 0

    def start(self) -> None:
        self.lives += 1
        with open(self.log, "a") as out:
            out.write(f"\n===== life {self.lives} =====\n")
            self.proc = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=ROOT, env=self.env,
                                         stdout=out, stderr=subprocess.STDOUT)

    def kill(self) -> None:
        assert self.proc is not None and self.proc.poll() is None, f"bot died on its own; see {self.log}"
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def wait(what: str, predicate, timeout: float = 30.0, step: float = 0.01) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        time.sleep(step)


def test_kill_9_at_any_moment_loses_no_alert_and_repeats_only_in_doubt_ones(tmp_path: Path) -> None:
    db = tmp_path / "mirror.db"
    state = tmp_path / "state.db"  # the outbox lives in the state file beside the mirror
    firing = build_mirror(db)
    expected = {f"{sid}:{week(1).isoformat()}" for sid in firing}
    log = tmp_path / "bot.log"
    with BotAPIServer() as api, SoapServer({"promediosSipsaSemanaMadr": [Hang(60, then=week1_response()),
                                                                          week1_response()]}) as soap:
        api.delay("sendMessage", SEND_DELAY_S)
        env = {**{k: v for k, v in os.environ.items() if not k.startswith(("SIPSABOT_", "TELEGRAM_"))},
               "TELEGRAM_BOT_TOKEN": api.token, "SIPSABOT_BOT_API_URL": api.base_url, "SIPSABOT_DB": str(db),
               "SIPSABOT_SOAP_URL": soap.url, "SIPSABOT_SOAP_RETRIES": "0", "SIPSABOT_SOAP_TIMEOUT": "120",
               "SIPSABOT_REFRESH_SCHEDULE": schedule_due_two_minutes_ago(), "SIPSABOT_REFRESH_ON_START": "1",
               "SIPSABOT_ALERT_DRAIN_S": "1", "SIPSABOT_ALERT_CONCURRENCY": str(CONCURRENCY),
               "SIPSABOT_POLL_TIMEOUT": "1", "SIPSABOT_HTTP_TIMEOUT": "5", "SIPSABOT_LOG_LEVEL": "INFO",
               "PYTHONUNBUFFERED": "1"}
        bot = Bot(env, log)
        accepted = lambda: len(api.calls("sendMessage", ok=True))  # noqa: E731
        notes = {}
        try:
            # 1. killed during the SOAP download: nothing imported, nothing queued
            bot.start()
            wait("SOAP download", lambda: soap.calls["promediosSipsaSemanaMadr"] >= 1)
            time.sleep(0.3)
            bot.kill()
            assert query(db, "SELECT count(*) FROM import_runs WHERE source LIKE 'soap:%'") == [(0,)]
            assert query(state, "SELECT count(*) FROM alert_queue") == [(0,)]
            # 2. killed as soon as the import committed: the evaluation of 100,306 subscriptions is running
            bot.start()
            wait("import", lambda: query(db, "SELECT count(*) FROM import_runs WHERE source LIKE 'soap:%' "
                                             "AND status = 'ok'") == [(1,)], step=0.002)
            bot.kill()
            queued = query(state, "SELECT count(*) FROM alert_queue")[0][0]
            notes["killed mid-evaluation"] = queued == 0
            # 3. killed again and again in the middle of the fan-out
            for target in FANOUT_KILLS:
                bot.start()
                wait(f"{target} messages", lambda t=target: accepted() >= t, timeout=60)
                in_flight = query(state, "SELECT count(*) FROM alert_queue WHERE status = 'sending'")[0][0]
                bot.kill()
                notes.setdefault("sending at kills", []).append(in_flight)
            # 4. the last life drains everything
            bot.start()
            wait("outbox drained", lambda: query(state, "SELECT count(*) FROM alert_queue WHERE status IN "
                                                     "('pending', 'sending')") == [(0,)]
                 and query(state, "SELECT count(*) FROM alert_queue")[0][0] >= len(expected), timeout=90, step=0.1)
            time.sleep(1.5)  # a drain that would wrongly send again has time to do it
        finally:
            bot.stop()
        rows = query(state, "SELECT key, chat_id, status, in_doubt FROM alert_queue")
        calls = api.calls("sendMessage", ok=True)
    keys = {k for k, *_ in rows}
    assert keys == expected, "the outbox holds exactly the expected keys (no quiet subscription fired)"
    assert all(status == "delivered" for _, _, status, _ in rows)
    per_chat = Counter(c.chat_id for c in calls)
    chat_of = {k: chat for k, chat, _, _ in rows}
    doubt = {chat_of[k] for k, _, _, d in rows if d}
    assert set(per_chat) == set(chat_of.values()), "every expected alert reached its chat; nothing else was sent"
    repeated = {chat for chat, n in per_chat.items() if n > 1}
    assert repeated <= doubt, "only keys in doubt (process killed during their HTTP round trip) were sent twice"
    assert all(n <= 2 for n in per_chat.values())
    for chat in repeated:
        assert [c.text.startswith("♻️ Reenvío") for c in calls if c.chat_id == chat] == [False, True]
    assert len(repeated) <= len(FANOUT_KILLS) * CONCURRENCY
    print(f"\nkill test: {bot.lives} lives, {len(FANOUT_KILLS) + 2} SIGKILLs; {len(expected)} alerts expected, "
          f"{len(keys)} delivered; killed mid-evaluation: {notes['killed mid-evaluation']}; keys 'sending' at each "
          f"fan-out kill: {notes['sending at kills']}; in doubt after restarts: {len(doubt)}; delivered twice: "
          f"{len(repeated)}; messages accepted by the server: {len(calls)}")
