"""Outbox states, in-doubt recovery, quiet hours, 403 deactivation and chat migration on a real SQLite file."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from data import alerts_store as store
from data.db import open_db
from models import alerts
from tests.alerts_fixtures import CORABASTOS, PAPA, add_week, ids

BOG = ZoneInfo("America/Bogota")


@pytest.fixture
def conn(db_path: Path) -> sqlite3.Connection:
    c = open_db(db_path).conn
    add_week(c, 0, {(PAPA, CORABASTOS): 2100})
    alerts.evaluate(c)
    pid, mid = ids(c, PAPA, CORABASTOS)
    for chat in (-100, 7, 8):
        alerts.create(c, chat_id=chat, user_id=1, product_id=pid, market_id=mid, rule="below", threshold=2000)
    add_week(c, 1, {(PAPA, CORABASTOS): 1800})
    assert alerts.evaluate(c).queued == 3
    return c


def test_outbox_lifecycle_and_in_doubt_recovery(conn: sqlite3.Connection) -> None:
    now = store.utc_now()
    items = store.due(conn, now)
    assert len(items) == 3 and all(i.status == "pending" and not i.in_doubt for i in items)
    a, b, c = (i.key for i in items)
    store.mark_sending(conn, [a, b])
    store.mark_delivered(conn, [a], message_id=55)
    # the process dies here: b is 'sending' (maybe delivered by Telegram, maybe not)
    assert store.recover_in_doubt(conn) == 1
    again = {i.key: i for i in store.due(conn, store.utc_now())}
    assert set(again) == {b, c} and again[b].in_doubt and not again[c].in_doubt and again[b].attempts == 1
    store.mark_sending(conn, [a])  # a delivered key never goes back to sending
    assert store.counts(conn)["delivered"] == 1
    later = store.utc_iso(dt.datetime.now(dt.UTC) + dt.timedelta(minutes=5))
    store.mark_retry(conn, [c], later, "RetryAfter 300")
    assert [i.key for i in store.due(conn, store.utc_now())] == [b]
    assert {i.key for i in store.due(conn, later)} == {b, c}
    batches, held = alerts.plan(store.due(conn, later), {}, dt.datetime.now(dt.UTC), BOG)
    doubted = next(x for x in batches if x.keys == (b,))
    assert held == [] and doubted.in_doubt and doubted.text.startswith(alerts.IN_DOUBT_NOTE)


def test_keys_are_unique_per_subscription_and_period(conn: sqlite3.Connection) -> None:
    item = store.outbox(conn)[0]
    with store.transaction(conn):
        n = store.write_evaluation(conn, alerts=[store.NewAlert(item.key, item.subscription_id, item.chat_id,
                                                                item.period, "{}", "")], armed=[], series=[], run_id=99)
    assert n == 0 and store.outbox(conn)[0].payload == item.payload


def test_quiet_hours_hold_then_deliver_together(conn: sqlite3.Connection) -> None:
    store.set_quiet_hours(conn, 7, alerts.parse_hhmm("21:00"), alerts.parse_hhmm("6:30"))
    assert store.quiet_hours(conn) == {7: (21 * 60, 6 * 60 + 30)}
    night = dt.datetime(2026, 11, 27, 23, 15, tzinfo=BOG)
    # a second alert for chat 7 arrives during the night
    pid, mid = ids(conn, PAPA, CORABASTOS)
    sub = alerts.create(conn, chat_id=7, user_id=1, product_id=pid, market_id=mid, rule="change", threshold=1,
                        direction="any").subscription
    conn.execute("UPDATE alert_queue SET created_at = ?", (store.utc_iso(night),))
    conn.commit()
    add_week(conn, 2, {(PAPA, CORABASTOS): 1700})
    alerts.evaluate(conn)
    conn.execute("UPDATE alert_queue SET created_at = ?", (store.utc_iso(night),))
    conn.commit()
    due = store.due(conn, store.utc_now())
    batches, held = alerts.plan(due, store.quiet_hours(conn), night + dt.timedelta(hours=1), BOG)
    assert len(held) == 2 and {b.chat_id for b in batches} == {-100, 8}
    store.mark_held(conn, held)
    morning = dt.datetime(2026, 11, 28, 6, 30, tzinfo=BOG)
    batches, held = alerts.plan(store.due(conn, store.utc_now()), store.quiet_hours(conn), morning, BOG)
    seven = [b for b in batches if b.chat_id == 7]
    assert held == [] and len(seven) == 1 and len(seven[0].keys) == 2
    assert "horas de silencio (2)" in seven[0].text and seven[0].text.count("Fuente: DANE – SIPSA") == 2
    assert any(s == sub.id for s, _ in seven[0].forecasts)


def test_quiet_window_arithmetic() -> None:
    assert alerts.in_quiet(22 * 60, 21 * 60, 6 * 60) and alerts.in_quiet(5 * 60, 21 * 60, 6 * 60)
    assert not alerts.in_quiet(6 * 60, 21 * 60, 6 * 60) and not alerts.in_quiet(12 * 60, 21 * 60, 6 * 60)
    assert alerts.in_quiet(13 * 60, 12 * 60, 14 * 60) and not alerts.in_quiet(14 * 60, 12 * 60, 14 * 60)
    assert not alerts.in_quiet(0, 300, 300)
    assert alerts.parse_hhmm("7") == 420 and alerts.hhmm(1290) == "21:30"
    with pytest.raises(ValueError, match="hora no válida"):
        alerts.parse_hhmm("25:00")


def test_forbidden_deactivates_the_chat_and_a_new_alert_reactivates(conn: sqlite3.Connection) -> None:
    assert store.deactivate_chat(conn, 7, "Forbidden: bot was blocked by the user") == 1
    assert [i.status for i in store.outbox(conn) if i.chat_id == 7] == ["dropped"]
    assert {s.chat_id for s in store.evaluable(conn, ["weekly"])} == {-100, 8}
    pid, mid = ids(conn, PAPA, CORABASTOS)
    alerts.create(conn, chat_id=7, user_id=1, product_id=pid, market_id=mid, rule="above", threshold=9000)
    assert sum(1 for s in store.evaluable(conn, ["weekly"]) if s.chat_id == 7) == 2


def test_chat_migration_moves_subscriptions_settings_and_queued_alerts(conn: sqlite3.Connection) -> None:
    store.set_quiet_hours(conn, -100, 0, 60)
    store.mark_sending(conn, [i.key for i in store.outbox(conn) if i.chat_id == -100])
    assert store.migrate_chat(conn, -100, -1009999) == 1
    assert store.list_subscriptions(conn, -100) == [] and len(store.list_subscriptions(conn, -1009999)) == 1
    assert [i.chat_id for i in store.outbox(conn) if i.chat_id < 0] == [-1009999]
    assert store.quiet_hours(conn) == {-1009999: (0, 60)}


def test_pause_and_delete_only_by_the_owner_chat(conn: sqlite3.Connection) -> None:
    sub = store.list_subscriptions(conn, 8)[0]
    assert not store.set_paused(conn, sub.id, 7, True)
    assert store.set_paused(conn, sub.id, 8, True)
    assert store.evaluable(conn, ["weekly"]) and all(s.id != sub.id for s in store.evaluable(conn, ["weekly"]))
    assert not store.delete_subscription(conn, sub.id, 7)
    assert store.delete_subscription(conn, sub.id, 8)
    assert store.list_subscriptions(conn, 8) == [] and all(i.subscription_id != sub.id for i in store.outbox(conn))


def test_old_delivered_alerts_are_pruned_and_chats_have_a_limit(conn: sqlite3.Connection) -> None:
    keys = [i.key for i in store.outbox(conn)]
    store.mark_sending(conn, keys[:2])
    store.mark_delivered(conn, keys[:2], 1)
    conn.execute("UPDATE alert_queue SET created_at = '2020-01-01T00:00:00.000+00:00'")
    conn.commit()
    assert store.prune(conn) == 2 and [i.key for i in store.outbox(conn)] == keys[2:]  # pending ones stay
    pid, mid = ids(conn, PAPA, CORABASTOS)
    for n in range(alerts.MAX_PER_CHAT - 1):
        alerts.create(conn, chat_id=8, user_id=1, product_id=pid, market_id=mid, rule="above", threshold=5000 + n)
    with pytest.raises(alerts.AlertRequestError, match="máximo"):
        alerts.create(conn, chat_id=8, user_id=1, product_id=pid, market_id=mid, rule="above", threshold=1)
