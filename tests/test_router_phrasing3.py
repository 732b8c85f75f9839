"""Third round of real phrasing: "¿cómo cambió el precio … entre A y B?" is a history question, "encarecerse" /
"abaratarse" / "ponerse caro" are mover verbs, "buenas, ¿cómo le va?" is a greeting, and a family word whose only
kind in the whole vocabulary is priced names that kind. A small weekly CSV is imported with the project's importer
into a real SQLite mirror (tmp_path)."""

from __future__ import annotations

import datetime as dt

import pytest

from models.router import Router
from tests import weekly_mirror

TODAY = weekly_mirror.TODAY
LATEST = weekly_mirror.LATEST
CORA = "Bogotá, D.C., Corabastos"
MDE = "Medellín, Central Mayorista de Antioquia"
NEIVA = "Neiva, Surabastos"
IBAGUE = "Ibagué, Plaza La 21"
SMR = "Santa Marta (Magdalena)"
PRICES: dict[str, tuple[str, dict[str, int]]] = {
    "Mora de Castilla": ("Frutas", {CORA: 5000, MDE: 4000}),
    "Uchuva con cáscara": ("Frutas", {CORA: 6900, IBAGUE: 4100}),
    "Cachama de cultivo fresca": ("Pescados", {NEIVA: 12500, CORA: 14000}),
    "Maracuyá": ("Frutas", {MDE: 3300}),  # the generic name: current in Medellín only (and years old in Santa Marta)
    "Maracuyá antioqueño": ("Frutas", {CORA: 3900, MDE: 3600, SMR: 4200}),
    "Maracuyá santandereano": ("Frutas", {CORA: 3700, SMR: 4400}),
    "Tomate de árbol": ("Frutas", {CORA: 3100, MDE: 2900}),
}
MONTHS_BACK = 14


def _mean(product: str, price: int, start: dt.date) -> int:
    # the mora climbs 100 a month (so a change over a period has a known sign); the rest carry their month
    return price + (100 * start.month if product == "Mora de Castilla" else 10 * start.month)


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Router:
    rows = [(start, group, product, market, _mean(product, price, start))
            for start in (LATEST - dt.timedelta(weeks=w) for w in range(0, 4 * MONTHS_BACK, 4))
            for product, (group, markets) in PRICES.items() for market, price in markets.items()]
    rows.append((dt.date(2021, 11, 13), "Frutas", "Maracuyá", SMR, 5450))  # the generic name's only, old, row
    mirror, inserted = weekly_mirror.build(tmp_path_factory.mktemp("phrasing3"), rows)
    assert inserted > 100
    return weekly_mirror.router_on(mirror)


# -- "¿cómo cambió el precio … entre A y B?" ------------------------------------------------------------------------
@pytest.mark.parametrize("question", [
    "cómo varió el precio de la mora de castilla en medellín entre febrero y agosto de 2025",
    "como ha cambiado la mora de castilla en la mayorista desde marzo hasta septiembre de 2025",
    "cómo evolucionó el precio de la mora de castilla en corabastos entre marzo y julio de este año",
    "cuánto subió la mora de castilla en corabastos entre febrero y junio de 2025",
])
def test_how_did_the_price_change_between_two_dates_is_history(router: Router, question: str) -> None:
    answer = router.answer(question)
    assert answer.intent == "history"
    changes = [v for v in answer.values if v.kind == "change_pct"]
    assert changes and changes[0].value > 0  # the mora climbs every month in the fixture
    assert "%" in answer.text


def test_plain_price_in_a_month_range_is_not_history(router: Router) -> None:
    answer = router.answer("precio de la mora de castilla en corabastos entre marzo y mayo de 2025")
    assert answer.intent != "history"


# -- mover verbs -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("question", [
    "qué se abarató en corabastos esta semana",
    "que productos se encarecieron mas en medellin",
    "lo que más se puso caro esta semana en todo el país",
    "cuales alimentos se pusieron mas baratos en corabastos",
])
def test_getting_dearer_or_cheaper_are_mover_verbs(router: Router, question: str) -> None:
    assert router.answer(question).intent == "movers"


def test_one_product_getting_dearer_is_its_history(router: Router) -> None:
    answer = router.answer("cuánto se encareció la mora de castilla en corabastos en los últimos 3 meses")
    assert answer.intent == "history" and answer.slots["product"] == "Mora de Castilla"


# -- greetings that ask after the person -------------------------------------------------------------------------
@pytest.mark.parametrize("question", ["buenos días, ¿cómo le va?", "hola, qué tal", "buenas noches como estan ustedes",
                                      "quiubo, cómo está usted"])
def test_greeting_with_how_are_you_is_a_greeting(router: Router, question: str) -> None:
    answer = router.answer(question)
    assert answer.intent == "greeting" and not answer.values and not answer.clarify


def test_greeting_then_a_price_question_still_answers(router: Router) -> None:
    answer = router.answer("buenas tardes, cómo está la mora de castilla en corabastos")
    assert answer.intent == "price" and answer.values


# -- a family word whose only kind is priced ---------------------------------------------------------------------
@pytest.mark.parametrize("question, product, market, base", [
    ("a cómo sale la uchuva en ibague", "Uchuva con cáscara", IBAGUE, 4100),
    ("uchuva corabastos precio hoy", "Uchuva con cáscara", CORA, 6900),
    ("la cachama cuánto vale en neiva", "Cachama de cultivo fresca", NEIVA, 12500),
])
def test_only_kind_of_a_family_answers_and_names_the_kind(router: Router, question: str, product: str, market: str,
                                                          base: int) -> None:
    answer = router.answer(question)
    assert not answer.clarify and answer.slots["product"] == product and answer.slots["market"] == market
    assert answer.values[0].value == base + 10 * LATEST.month
    assert product in answer.text  # the answer says which kind it priced


@pytest.mark.parametrize("question", ["a como esta el maracuya en corabastos",
                                      "tomate en corabastos cuanto"])  # many tomato kinds exist, even unpriced
def test_family_with_several_kinds_still_asks(router: Router, question: str) -> None:
    answer = router.answer(question)
    assert answer.clarify and not answer.values


# -- a generic name whose only row in the market is years old ----------------------------------------------------
def test_generic_long_gone_from_the_market_asks_among_current_kinds(router: Router) -> None:
    answer = router.answer("a como sale el maracuya en santa marta")
    assert not answer.values and [c.label for c in answer.clarify] == ["Maracuyá antioqueño", "Maracuyá santandereano"]
    picked = router.answer(answer.clarify[0].text)
    assert picked.values[0].value == 4200 + 10 * LATEST.month and picked.values[0].date == LATEST.isoformat()


def test_generic_priced_now_in_the_market_answers_itself(router: Router) -> None:
    answer = router.answer("cuanto esta el maracuya en la mayorista de medellin")
    assert not answer.clarify and answer.slots["product"] == "Maracuyá"
    assert answer.values[0].value == 3300 + 10 * LATEST.month


def test_generic_old_row_still_answers_a_question_about_that_time(router: Router) -> None:
    answer = router.answer("precio del maracuya en santa marta en noviembre de 2021")
    assert answer.values and answer.values[0].value == 5450
