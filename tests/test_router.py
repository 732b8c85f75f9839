"""The router against a real demo mirror (SQLite file in tmp_path): prices, clarifications, follow-ups,
dates, numbers, small talk and the never-raise property."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data import demo
from data.db import connect, open_db
from models.answer import ChatState
from models.router import Router

END_WEEK = dt.date(2025, 10, 25)
TODAY = dt.date(2025, 11, 3)
APOLOGY = "tuve un problema"  # the router's answer when something below it fails


def _build(path: Path, demo_flag: bool) -> Path:
    db = open_db(path)
    demo.build(db.conn, end_week=END_WEEK, weeks=80, demo=demo_flag)
    db.conn.close()
    return path


@pytest.fixture(scope="module")
def mirror(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("router") / "mirror.db", demo_flag=False)


@pytest.fixture(scope="module")
def router(mirror: Path) -> Router:
    conn = connect(mirror, readonly=True)
    return Router(lambda: conn, today=lambda: TODAY)


def _week_price(mirror: Path, product: str, market: str, week: str) -> float:
    conn = connect(mirror, readonly=True)
    row = conn.execute(
        "SELECT w.price_mean FROM weekly_prices w JOIN products p ON p.id = w.product_id "
        "JOIN markets m ON m.id = w.market_id WHERE p.name = ? AND m.name = ? AND w.week_start = ?",
        (product, market, week),
    ).fetchone()
    conn.close()
    return float(row[0])


def test_price_in_a_named_market_is_exact(router: Router, mirror: Path) -> None:
    answer = router.answer("¿a cuánto está la papa criolla en Corabastos?")
    expected = _week_price(mirror, "Papa criolla limpia", "Bogotá, D.C., Corabastos", "2025-10-25")
    assert answer.intent == "price"
    assert answer.slots["product"] == "Papa criolla limpia"
    assert answer.slots["market"] == "Bogotá, D.C., Corabastos"
    assert answer.values[0].value == expected
    assert answer.values[0].unit == "COP/kg"
    assert f"${round(expected):,}/kg".replace(",", ".") in answer.text
    assert "25/10/2025" in answer.text and "Fuente: DANE – SIPSA" in answer.text
    assert answer.data_date == "2025-10-25" and not answer.demo and not answer.clarify


def test_city_means_its_main_market_and_says_so(router: Router) -> None:
    answer = router.answer("precio del tomate chonto en medellin")
    assert answer.slots["market"] == "Medellín, Central Mayorista de Antioquia"
    assert answer.slots["city"] == "Medellín"
    assert "usé Medellín, Central Mayorista de Antioquia" in answer.text


def test_units_follow_the_product(router: Router) -> None:
    assert "/unidad" in router.answer("huevo rojo AA en Barranquilla").text
    assert "/litro" in router.answer("aceite vegetal mezcla en bogota").text


@pytest.mark.parametrize("question, product", [
    ("papa pastusa en corabastos", "Papa parda pastusa"),
    ("cebolla larga en corabastos", "Cebolla junca"),
    ("platano verde en corabastos", "Plátano hartón verde"),
    ("limon tahiti en corabastos", "Limón Tahití"),
    ("PRECIO DEL AGUACATE HASS EN CORABASTOS", "Aguacate Hass"),
    ("precio de la papa critolla en corabastos", "Papa criolla limpia"),
    ("zanahorias en corabastos", "Zanahoria"),
    ("cuanto vale el frijol cargamanto rojo en corabastos?", "Fríjol cargamanto rojo"),
])
def test_colloquial_names_typos_plurals(router: Router, question: str, product: str) -> None:
    answer = router.answer(question)
    assert answer.slots["product"] == product, answer.text
    assert answer.values and not answer.clarify


def test_ambiguous_product_asks_which_and_a_number_picks(router: Router) -> None:
    state = ChatState()
    answer = router.answer("precio de la papa", state)
    assert answer.clarify and not answer.values
    assert answer.text.startswith("¿Cuál papa?")
    labels = [c.label for c in answer.clarify]
    assert {"Papa criolla limpia", "Papa parda pastusa", "Papa superior"} <= set(labels)
    picked = router.answer(str(labels.index("Papa superior") + 1), state)
    assert picked.slots["product"] == "Papa superior" and picked.values
    for choice in answer.clarify:  # every button text is a question the router answers directly
        assert router.answer(choice.text).values


def test_unknown_product_suggests(router: Router) -> None:
    answer = router.answer("precio de la zanaoria morada")
    assert answer.values == [] or answer.slots.get("product") == "Zanahoria"
    unknown = router.answer("precio del kiwano")
    assert not unknown.values and "No encuentro" in unknown.text
    close = router.answer("cuanto cuesta el tomatte chonto en cali")
    assert close.slots.get("product") == "Tomate chonto"


def test_follow_ups_reuse_the_previous_slots(router: Router) -> None:
    state = ChatState()
    router.answer("¿a cuánto está la papa criolla en Corabastos?", state)
    medellin = router.answer("¿y en Medellín?", state)
    assert medellin.slots["product"] == "Papa criolla limpia"
    assert medellin.slots["market"] == "Medellín, Central Mayorista de Antioquia"
    last_week = router.answer("¿y la semana pasada?", state)
    assert last_week.intent == "price_at" and last_week.slots["start"] == "2025-10-25"
    assert last_week.slots["market"] == "Medellín, Central Mayorista de Antioquia"
    other = router.answer("¿y la papa pastusa?", state)
    assert other.slots["product"] == "Papa parda pastusa"
    assert other.slots["market"] == "Medellín, Central Mayorista de Antioquia"


def test_price_at_month_is_the_mean_of_its_weeks(router: Router, mirror: Path) -> None:
    answer = router.answer("¿cuánto valía la cebolla cabezona blanca en Cali en marzo de 2025?")
    assert answer.intent == "price_at"
    assert (answer.slots["start"], answer.slots["end"]) == ("2025-03-01", "2025-03-31")
    weeks = ["2025-03-01", "2025-03-08", "2025-03-15", "2025-03-22", "2025-03-29"]
    expected = sum(_week_price(mirror, "Cebolla cabezona blanca", "Cali, Cavasa", w) for w in weeks) / 5
    assert answer.values[0].value == pytest.approx(expected)


def test_dates_in_many_forms(router: Router) -> None:
    assert router.answer("tomate chonto en corabastos el 15/04/2025").slots["start"] == "2025-04-15"
    assert router.answer("tomate chonto en corabastos hace un mes").values[0].date == "2025-09-27"
    hist = router.answer("¿cómo ha variado el aguacate hass en las últimas 8 semanas en corabastos?")
    assert hist.intent == "history" and len(hist.chart.series["Bogotá, D.C., Corabastos"]) == 8
    assert any(v.kind == "change_pct" for v in hist.values)


def test_compare_cheapest_priciest_movers(router: Router) -> None:
    cmp_ = router.answer("compara la cebolla junca en bogota y medellin")
    assert cmp_.intent == "compare" and len(cmp_.values) == 2
    cheap = router.answer("¿dónde está más barato el tomate chonto?")
    dear = router.answer("mercado más caro para el tomate chonto")
    assert cheap.intent == "cheapest" and dear.intent == "priciest"
    assert cheap.values[0].value <= dear.values[0].value
    movers = router.answer("¿qué productos subieron más esta semana en Corabastos?")
    assert movers.intent == "movers" and movers.values


def test_forecast_and_alert_slots(router: Router) -> None:
    fc = router.answer("pronostica la papa criolla en Corabastos para las próximas 8 semanas")
    assert fc.intent == "forecast"
    assert (fc.slots["product"], fc.slots["freq"], fc.slots["horizon"]) == ("Papa criolla limpia", "W", 8)
    al = router.answer("avísame si la papa criolla baja de 2.000 en Corabastos")
    assert al.intent == "alert"
    assert (al.slots["rule"], al.slots["threshold"], al.slots["direction"]) == ("threshold", 2000.0, "below")
    al2 = router.answer("alerta si el tomate chonto en corabastos sube más de 2 mil")
    assert (al2.slots["threshold"], al2.slots["direction"]) == (2000.0, "above")
    al3 = router.answer("avísame si el tomate chonto en corabastos sube un 10%")
    assert (al3.slots["rule"], al3.slots["change_pct"], al3.slots["direction"]) == ("change", 10.0, "up")


@pytest.mark.parametrize("text, intent", [
    ("hola", "greeting"), ("buenos días", "greeting"), ("muchas gracias", "thanks"), ("ayuda", "help"),
    ("¿qué puedes hacer?", "help"), ("¿quién ganó el partido?", "out_of_scope"), ("precio del dólar", "out_of_scope"),
    ("qué productos y mercados tienes", "coverage"),
])
def test_small_talk_has_no_numbers(router: Router, text: str, intent: str) -> None:
    answer = router.answer(text)
    assert answer.intent == intent
    assert not answer.values and "$" not in answer.text


def test_long_input_gets_a_polite_message(router: Router) -> None:
    answer = router.answer("papa " * 300)
    assert "muy largo" in answer.text and not answer.values


def test_demo_and_stale_marks(tmp_path: Path) -> None:
    path = _build(tmp_path / "demo.db", demo_flag=True)
    conn = connect(path, readonly=True)
    answer = Router(lambda: conn, today=lambda: dt.date(2026, 11, 27)).answer("papa criolla en corabastos")
    assert answer.demo and "DEMOSTRACIÓN" in answer.text
    assert answer.stale and "Ojo: el dato más reciente" in answer.text


def test_answer_slots_for_commands_and_llm(router: Router) -> None:
    answer = router.answer_slots({"intent": "price", "product": "papa criolla", "market": "Corabastos"})
    assert answer.slots["product"] == "Papa criolla limpia" and answer.values
    junk = router.answer_slots({"intent": "price", "product": 12, "threshold": "mucho", "start": "ayer"})
    assert junk.intent == "price" and not junk.values
    assert router.answer_slots({"intent": "nonsense"}).intent == "help"


def test_llm_is_consulted_only_when_rules_are_unsure(mirror: Path) -> None:
    conn = connect(mirror, readonly=True)
    calls: list[str] = []

    def llm(text: str, state: ChatState, _today: dt.date, _options: tuple[str, ...]) -> dict:
        calls.append(text)
        return {"intent": "price", "product": "zanahoria", "market": "corabastos", "threshold": 1}

    router = Router(lambda: conn, llm=llm, today=lambda: TODAY)
    sure = router.answer("precio de la papa criolla en corabastos")
    assert sure.slots["product"] == "Papa criolla limpia" and calls == []
    unsure = router.answer("lo naranja largo que le echan al sancocho, en la central de bogotá")
    assert calls and not unsure.values  # "zanahoria" is not among the user's words: ask, never answer for it
    assert [c.label for c in unsure.clarify] == ["Zanahoria"] and unsure.text.startswith("¿Te refieres a Zanahoria?")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=1200))
def test_never_raises_on_any_text(router: Router, text: str) -> None:
    # any text gets a real answer: the apology is for failures below the router, and none may happen here
    state = ChatState()
    answer = router.answer(text, state)
    assert answer.text and APOLOGY not in answer.text
    follow = router.answer("y en " + text[:50], state)
    assert follow.text and APOLOGY not in follow.text


def test_a_failure_below_the_router_is_an_apology_and_a_log_line(router: Router, monkeypatch: pytest.MonkeyPatch,
                                                                   caplog: pytest.LogCaptureFixture) -> None:
    import models.router as module

    def broken(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")  # what a failing query raises

    monkeypatch.setattr(module, "price", broken)
    monkeypatch.setitem(module._ONE_PRODUCT, module.Intent.PRICE, broken)
    with caplog.at_level(logging.ERROR, logger="models.router"):
        answer = router.answer("precio de la papa criolla en corabastos")
        slots = router.answer_slots({"intent": "price", "product": "papa criolla", "market": "Corabastos"})
    assert APOLOGY in answer.text and not answer.values and APOLOGY in slots.text and not slots.values
    failures = [r for r in caplog.records if r.levelno == logging.ERROR and r.exc_info]
    assert len(failures) == 2 and "disk I/O error" in str(failures[0].exc_info[1])


def test_daily_and_monthly_series_fill_in(tmp_path: Path) -> None:
    from data.importers.base import import_run

    path = _build(tmp_path / "mixed.db", demo_flag=False)
    db = open_db(path)
    conn = db.conn
    pid = conn.execute("SELECT id FROM products WHERE name = 'Papa criolla limpia'").fetchone()[0]
    mid = conn.execute("SELECT id FROM markets WHERE name = 'Bogotá, D.C., Corabastos'").fetchone()[0]
    with import_run(conn, source="test", fmt="test", dataset="daily_prices") as batch:
        batch.upsert("daily_prices", [(pid, mid, "2025-11-01", 4100.0, 4500.0, 4321.0, "test"),
                                      (pid, mid, "2025-10-31", 4000.0, 4400.0, 4200.0, "test")])
        batch.upsert("monthly_prices", [(pid, mid, "2020-03-01", None, None, 2100.0, "test"),
                                        (pid, mid, "2020-04-01", None, None, 2300.0, "test")])
    conn.close()
    reader = connect(path, readonly=True)
    router = Router(lambda: reader, today=lambda: TODAY)
    newest = router.answer("papa criolla en corabastos")
    assert newest.values[0].value == 4321.0 and newest.values[0].label == "precio diario"
    assert newest.data_date == "2025-11-01" and "01/11/2025" in newest.text
    assert newest.values[1].label == "precio semanal"  # the weekly figure is still shown
    old = router.answer("precio de la papa criolla en corabastos entre marzo y abril de 2020")
    assert old.intent == "price_at" and old.values[0].value == pytest.approx(2200.0)
    assert "precios mensuales" in old.text


_slot_values = st.one_of(st.none(), st.text(max_size=40), st.integers(-10, 10**7), st.floats(allow_nan=True),
                         st.lists(st.text(max_size=10), max_size=3), st.booleans())


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(["intent", "product", "market", "markets", "start", "end", "horizon", "freq",
                                        "threshold", "direction", "change_pct", "rule", "junk"]), _slot_values),
       st.sampled_from(["price", "price_at", "history", "compare", "cheapest", "forecast", "alert", "supply",
                        "movers", "coverage", "inputs", "supply_origin"]))
def test_answer_slots_never_raises(router: Router, slots: dict, intent: str) -> None:
    answer = router.answer_slots({**slots, "intent": intent}, ChatState())
    assert answer.text and APOLOGY not in answer.text


def test_words_it_could_not_use_are_named(router: Router) -> None:
    answer = router.answer("precio de la papa criolla en corabastos que me pidio mi compadre fulano")
    assert answer.values and "No tuve en cuenta: «pidio compadre fulano»" in answer.text


def test_unread_words_that_change_the_question_ask_back(router: Router) -> None:
    # "temporada de cosecha" would change what is asked: no figure for a plain price, concrete periods instead
    answer = router.answer("precio de la papa criolla en corabastos en temporada de cosecha")
    assert answer.clarify and not answer.values and "cosecha" in answer.text
    assert all("cosecha" not in c.text for c in answer.clarify)  # each option is a question the rules read whole


def test_quarters_and_half_years(router: Router, mirror: Path) -> None:
    conn = connect(mirror, readonly=True)
    expected = conn.execute(
        "SELECT avg(w.price_mean), count(*) FROM weekly_prices w JOIN products p ON p.id = w.product_id "
        "JOIN markets m ON m.id = w.market_id WHERE p.name = 'Papa criolla limpia' "
        "AND m.name = 'Bogotá, D.C., Corabastos' AND w.week_start BETWEEN '2025-01-01' AND '2025-03-31'").fetchone()
    conn.close()
    quarter = router.answer("precio de la papa criolla en corabastos el primer trimestre de 2025")
    assert quarter.intent == "price_at" and (quarter.slots["start"], quarter.slots["end"]) == ("2025-01-01",
                                                                                              "2025-03-31")
    assert quarter.values[0].value == pytest.approx(expected[0]) and expected[1] == 13
    assert "el primer trimestre de 2025" in quarter.text and "No tuve en cuenta" not in quarter.text
    state = ChatState()
    past = router.answer("papa criolla en corabastos el trimestre pasado", state)
    assert (past.slots["start"], past.slots["end"]) == ("2025-07-01", "2025-09-30") and past.values
    follow = router.answer("¿y en medellín?", state)  # the quarter carries over to the follow-up
    assert (follow.slots["start"], follow.slots["end"]) == ("2025-07-01", "2025-09-30")
    half = router.answer("¿cómo ha variado la papa criolla en corabastos en el último semestre?")
    assert half.intent == "history" and half.slots["start"] == "2025-04-26" and half.chart is not None
    second = router.answer("historial de la papa criolla en corabastos el segundo semestre de 2024")
    assert second.intent == "history" and (second.slots["start"], second.slots["end"]) == ("2024-07-01",
                                                                                           "2024-12-31")
    assert "el segundo semestre de 2024" in second.text
