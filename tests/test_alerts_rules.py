"""Alert rules on a real SQLite mirror: crossing and re-arm, % change, digests, idempotent evaluation."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from data import alerts_store as store
from data.alerts_store import Obs
from data.db import open_db
from models import alerts
from tests.alerts_fixtures import CORABASTOS, MEDELLIN, PAPA, TOMATE, add_day, add_week, ids


@pytest.fixture
def conn(db_path: Path) -> sqlite3.Connection:
    c = open_db(db_path).conn
    add_week(c, 0, {(PAPA, CORABASTOS): 2100, (PAPA, MEDELLIN): 2300, (TOMATE, CORABASTOS): 2600})
    alerts.evaluate(c)  # the cursor starts after the data already in the mirror
    return c


def texts(conn: sqlite3.Connection) -> list[str]:
    return [alerts.render(i.payload) for i in store.outbox(conn)]


def test_decide_threshold_crossing_and_rearm() -> None:
    o = Obs("2026-10-10", "2026-10-16", 1900)
    assert alerts.decide("below", 2000, "", True, o, None) == alerts.Decision(True, False, None)
    assert alerts.decide("below", 2000, "", False, o, None).fire is False  # still below: no second alert
    back = Obs("2026-10-17", "2026-10-23", 2050)
    assert alerts.decide("below", 2000, "", False, back, o) .armed is True
    assert alerts.decide("above", 2000, "", True, back, o).fire is True
    assert alerts.decide("above", 2050, "", True, back, o).fire is True  # "at or above"
    assert alerts.decide("below", 2050, "", True, back, o).fire is True  # "at or below"


def test_decide_change_directions() -> None:
    prev, up = Obs("a", "a", 2000), Obs("b", "b", 2200)  # +10 %
    assert alerts.decide("change", 10, "up", True, up, prev).fire
    assert not alerts.decide("change", 10, "down", True, up, prev).fire
    assert alerts.decide("change", 10, "any", True, up, prev).fire
    assert not alerts.decide("change", 10.5, "any", True, up, prev).fire
    down = Obs("b", "b", 1700)  # -15 %
    assert alerts.decide("change", 15, "down", True, down, prev).fire
    assert not alerts.decide("change", 15, "up", True, down, prev).fire
    assert not alerts.decide("change", 5, "any", True, down, None).fire  # no previous period: nothing to compare


def test_threshold_alert_fires_once_per_crossing(conn: sqlite3.Connection) -> None:
    pid, mid = ids(conn, PAPA, CORABASTOS)
    created = alerts.create(conn, chat_id=10, user_id=1, product_id=pid, market_id=mid, rule="below", threshold=2000)
    assert created.subscription.armed and created.subscription.dataset == "weekly"
    assert "$2.100/kg" in created.text
    assert alerts.evaluate(conn).queued == 0  # nothing new since the subscription was created
    for n, price, fires in [(1, 1900, True), (2, 1800, False), (3, 2100, False), (4, 1950, True), (5, 1990, False)]:
        add_week(conn, n, {(PAPA, CORABASTOS): price})
        assert alerts.evaluate(conn).queued == int(fires), (n, price)
    items = store.outbox(conn)
    assert [i.period for i in items] == ["2026-10-10", "2026-10-31"]
    first = alerts.render(items[0].payload)
    assert "$1.900/kg" in first and "Corabastos" in first and "10 al 16 de octubre de 2026" in first
    assert "baje a $2.000/kg o menos" in first and "Fuente: DANE – SIPSA" in first and "COP/kg" in first
    assert "/pronostico Papa criolla limpia en Bogotá, D.C., Corabastos" in first
    assert "$2.100/kg" in first  # previous period and its change
    assert "-9,5 %" in first


def test_subscription_created_when_condition_already_holds_starts_disarmed(conn: sqlite3.Connection) -> None:
    pid, mid = ids(conn, PAPA, CORABASTOS)
    created = alerts.create(conn, chat_id=10, user_id=1, product_id=pid, market_id=mid, rule="above", threshold=2000)
    assert not created.subscription.armed and "Ya cumple la condición" in created.text
    add_week(conn, 1, {(PAPA, CORABASTOS): 2200})
    assert alerts.evaluate(conn).queued == 0
    add_week(conn, 2, {(PAPA, CORABASTOS): 1900})
    assert alerts.evaluate(conn).queued == 0  # back below: re-armed
    add_week(conn, 3, {(PAPA, CORABASTOS): 1950})
    add_week(conn, 4, {(PAPA, CORABASTOS): 2000})  # two periods in one go: the newest one is what counts
    assert alerts.evaluate(conn).queued == 1
    assert [i.period for i in store.outbox(conn)] == ["2026-10-31"]


def test_change_rule_and_unit_of_eggs(conn: sqlite3.Connection) -> None:
    add_week(conn, 0, {("Huevo rojo AA", CORABASTOS): 500})
    pid, mid = ids(conn, "Huevo rojo AA", CORABASTOS)
    alerts.create(conn, chat_id=11, user_id=1, product_id=pid, market_id=mid, rule="change", threshold=5,
                  direction="up")
    add_week(conn, 1, {("Huevo rojo AA", CORABASTOS): 520})  # +4 %
    assert alerts.evaluate(conn).queued == 0
    add_week(conn, 2, {("Huevo rojo AA", CORABASTOS): 560})  # +7.7 %
    assert alerts.evaluate(conn).queued == 1
    text = texts(conn)[0]
    assert "$560/unidad" in text and "COP/unidad" in text and "+7,7 %" in text and "subida de al menos 5 %" in text


def test_digest_for_a_product_lists_every_market_once_per_period(conn: sqlite3.Connection) -> None:
    pid, _ = ids(conn, PAPA)
    alerts.create(conn, chat_id=12, user_id=1, product_id=pid, market_id=None, rule="digest")
    add_week(conn, 1, {(PAPA, CORABASTOS): 2000, (PAPA, MEDELLIN): 2400, (TOMATE, CORABASTOS): 2500})
    assert alerts.evaluate(conn).queued == 1
    add_week(conn, 1, {(TOMATE, CORABASTOS): 2700})  # a new run, same period for the papa: no second digest
    assert alerts.evaluate(conn).queued == 0
    text = texts(conn)[0]
    assert "Datos nuevos" in text and "$2.000/kg (-4,8 %)" in text and "$2.400/kg (+4,3 %)" in text
    assert text.index("Corabastos") < text.index("Medellín")  # cheapest first


def test_only_affected_datasets_and_series_are_evaluated(conn: sqlite3.Connection) -> None:
    pid, mid = ids(conn, PAPA, CORABASTOS)
    tid, _ = ids(conn, TOMATE, CORABASTOS)
    alerts.create(conn, chat_id=13, user_id=1, product_id=pid, market_id=mid, rule="below", threshold=5000)
    alerts.create(conn, chat_id=13, user_id=1, product_id=tid, market_id=mid, rule="above", threshold=100)
    add_day(conn, dt.date(2026, 10, 12), {(PAPA, CORABASTOS): 1000})  # daily data: no weekly subscription moves
    r = alerts.evaluate(conn)
    assert r.datasets == ["daily"] and r.evaluated == 0
    add_week(conn, 1, {(TOMATE, CORABASTOS): 2650})
    r = alerts.evaluate(conn)
    assert r.datasets == ["weekly"] and r.evaluated == 1 and r.queued == 0  # tomato disarmed at creation
    assert alerts.evaluate(conn).evaluated == 0  # cursor advanced: nothing to do


def test_evaluation_is_atomic_and_idempotent(conn: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch) -> None:
    pid, mid = ids(conn, PAPA, CORABASTOS)
    for chat in range(20):
        alerts.create(conn, chat_id=chat, user_id=1, product_id=pid, market_id=mid, rule="below", threshold=2000)
    add_week(conn, 1, {(PAPA, CORABASTOS): 1500})
    real = store.write_evaluation

    def crash(c: sqlite3.Connection, **kw: object) -> int:
        real(c, **kw)  # type: ignore[arg-type]
        raise KeyboardInterrupt("killed mid-evaluation")

    monkeypatch.setattr(store, "write_evaluation", crash)
    cursor = store.evaluated_run(conn)
    with pytest.raises(KeyboardInterrupt):
        alerts.evaluate(conn)
    assert store.outbox(conn) == [] and store.evaluated_run(conn) == cursor
    assert all(s.armed for s in store.list_subscriptions(conn, 3))
    monkeypatch.setattr(store, "write_evaluation", real)
    assert alerts.evaluate(conn).queued == 20
    assert alerts.evaluate(conn, force=["weekly"]).queued == 0
    # the same evaluation written again (a redo after a crash that did commit) queues no key twice
    state = [(s.id, "", 1) for s in store.evaluable(conn, ["weekly"])]
    conn.execute("UPDATE alert_subscriptions SET last_period = '', armed = 1")
    conn.commit()
    assert alerts.evaluate(conn, force=["weekly"]).queued == 0
    assert len(store.outbox(conn)) == 20 and len(state) == 20


def test_bad_requests_get_spanish_errors(conn: sqlite3.Connection) -> None:
    pid, mid = ids(conn, PAPA, CORABASTOS)
    with pytest.raises(alerts.AlertRequestError, match="mercado"):
        alerts.create(conn, chat_id=1, user_id=1, product_id=pid, market_id=None, rule="below", threshold=10)
    with pytest.raises(alerts.AlertRequestError, match="umbral"):
        alerts.create(conn, chat_id=1, user_id=1, product_id=pid, market_id=mid, rule="below", threshold=-3)
    cali = ids(conn, PAPA, "Cali, Cavasa")[1]
    with pytest.raises(alerts.AlertRequestError, match="No tengo precios"):
        alerts.create(conn, chat_id=1, user_id=1, product_id=pid, market_id=cali, rule="below", threshold=10)
    assert store.list_subscriptions(conn, 1) == []


def test_texts() -> None:
    assert alerts.cop(3850) == "$3.850" and alerts.cop(1234567.4) == "$1.234.567" and alerts.cop(12.5) == "$12,5"
    assert alerts.period_text("weekly", "2026-10-31", "2026-11-06") == \
        "semana del 31 de octubre al 6 de noviembre de 2026"
    assert alerts.period_text("weekly", "2025-12-27", "2026-01-02") == \
        "semana del 27 de diciembre de 2025 al 2 de enero de 2026"
    assert alerts.period_text("monthly", "2026-09-01") == "septiembre de 2026"
    assert alerts.period_text("daily", "2026-11-26") == "26 de noviembre de 2026"


def test_a_city_subscription_follows_the_daily_city_series(conn: sqlite3.Connection) -> None:
    from tests.alerts_fixtures import add_city_day

    add_city_day(conn, dt.date(2026, 11, 25), {("Papa negra", "Bogotá, D.C."): 1500})
    alerts.evaluate(conn)
    pid, city = ids(conn, "Papa negra", "Bogotá, D.C.")
    created = alerts.create(conn, chat_id=14, user_id=1, product_id=pid, market_id=city, rule="above", threshold=1600)
    assert created.subscription.dataset == "daily-city" and "25 de noviembre de 2026" in created.text
    add_city_day(conn, dt.date(2026, 11, 26), {("Papa negra", "Bogotá, D.C."): 1650})
    assert alerts.evaluate(conn).queued == 1
    text = texts(conn)[0]
    assert "precio diario de la ciudad, 26 de noviembre de 2026" in text and "$1.650/kg" in text
    assert "+10,0 %" in text
