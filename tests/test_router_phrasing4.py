"""Fourth round of real phrasing: a market named by its own name part without its city ("galerías" is Manizales'
Centro Galerías), a shortened market name beats a department named inside it ("la plaza del barrio Bolívar" is
Popayán's market, not the department of Bolívar), and a follow-up after an ask-back reuses what was resolved. A small
weekly CSV is imported with the project's importer into a real SQLite mirror (tmp_path)."""

from __future__ import annotations

import datetime as dt

import pytest

from models.answer import ChatState
from models.router import Router
from tests import weekly_mirror

TODAY = weekly_mirror.TODAY
LATEST = weekly_mirror.LATEST
GALERIAS = "Manizales, Centro Galerías"
ALAMEDA = "Cali, Galería Alameda"
CAVASA = "Cali, Cavasa"
POPAYAN = "Popayán, Plaza de mercado del barrio Bolívar"
CARTAGENA = "Cartagena, Bazurto"
PRICES: dict[str, tuple[str, dict[str, int]]] = {
    "Lulo": ("Frutas", {GALERIAS: 4500, ALAMEDA: 4300, CAVASA: 4400, POPAYAN: 4100}),
    "Granadilla": ("Frutas", {GALERIAS: 6100, ALAMEDA: 6600, CARTAGENA: 7000}),
    "Mandarina Arrayana": ("Frutas", {POPAYAN: 2900, CARTAGENA: 3500}),
    "Mandarina Oneco": ("Frutas", {POPAYAN: 3100, GALERIAS: 3300}),
}
MONTHS_BACK = 10


def _mean(price: int, start: dt.date) -> int:
    return price + 10 * start.month


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Router:
    rows = [(start, group, product, market, _mean(price, start))
            for start in (LATEST - dt.timedelta(weeks=w) for w in range(0, 4 * MONTHS_BACK, 4))
            for product, (group, markets) in PRICES.items() for market, price in markets.items()]
    mirror, inserted = weekly_mirror.build(tmp_path_factory.mktemp("phrasing4"), rows)
    assert inserted > 50
    return weekly_mirror.router_on(mirror)


# -- a market's own name part without its city -------------------------------------------------------------------
@pytest.mark.parametrize("question", [
    "granadilla galerías cuánto",
    "en la galería a cómo está la granadilla",
    "cuánto vale la granadilla en las galerias hoy",
])
def test_galerias_alone_is_manizales(router: Router, question: str) -> None:
    answer = router.answer(question)
    assert not answer.clarify and answer.slots["market"] == GALERIAS
    assert answer.values[0].value == 6100 + 10 * LATEST.month


@pytest.mark.parametrize("question", ["granadilla en la galería alameda", "precio granadilla galeria de cali"])
def test_a_galeria_named_with_more_words_or_its_city_is_that_market(router: Router, question: str) -> None:
    answer = router.answer(question)
    assert answer.slots["market"] == ALAMEDA and answer.values[0].value == 6600 + 10 * LATEST.month


def test_lone_nickname_yields_to_a_city_named_with_it(router: Router) -> None:
    answer = router.answer("el lulo en la galería, allá en cali")
    assert answer.slots["market"] != GALERIAS and (answer.slots.get("city") == "Cali" or answer.clarify)


def test_galerias_with_a_period(router: Router) -> None:
    answer = router.answer("cómo estaba el lulo en galerías en marzo de 2025")
    assert answer.slots["market"] == GALERIAS and answer.slots["start"] == "2025-03-01"
    assert answer.values and answer.values[0].value == 4500 + 10 * 3


def test_a_plain_place_word_is_not_a_market(router: Router) -> None:
    answer = router.answer("a cómo está el lulo en la plaza")
    assert answer.slots.get("market") != GALERIAS and answer.slots.get("market") != POPAYAN


# -- a shortened market name beats a department inside it --------------------------------------------------------
@pytest.mark.parametrize("question", [
    "la mandarina arrayana en la plaza del barrio bolívar cuánto",
    "mandarina arrayana plaza de mercado bolivar precio",
    "cuanto esta la mandarina oneco en el barrio bolivar",
])
def test_shortened_market_name_beats_department(router: Router, question: str) -> None:
    answer = router.answer(question)
    assert not answer.clarify and answer.slots["market"] == POPAYAN


def test_department_alone_still_asks(router: Router) -> None:
    answer = router.answer("mandarina arrayana en bolivar")
    assert answer.slots.get("market") != POPAYAN


# -- a follow-up after an ask-back reuses what the first question resolved ---------------------------------------
def test_follow_up_after_ask_back_keeps_product_and_market(router: Router) -> None:
    state = ChatState()
    first = router.answer("la mandarina en la plaza del barrio bolivar", state)
    assert first.clarify and not first.values  # two mandarinas are priced there; the user does not pick
    follow = router.answer("¿y hace un mes?", state)
    assert [c.label for c in follow.clarify] == ["Mandarina Arrayana", "Mandarina Oneco"]  # the same family, asked
    picked = router.answer("2", state)
    assert picked.slots["product"] == "Mandarina Oneco" and picked.slots["market"] == POPAYAN
    assert picked.values and picked.slots["start"] < LATEST.isoformat()  # a month back, not the newest week


def test_follow_up_after_answer_reuses_galerias(router: Router) -> None:
    state = ChatState()
    assert router.answer("lulo galerias", state).slots["market"] == GALERIAS
    follow = router.answer("¿y la semana anterior?", state)
    assert follow.slots["product"] == "Lulo" and follow.slots["market"] == GALERIAS and follow.values


# -- coverage of one market, and the newest date -----------------------------------------------------------------
@pytest.mark.parametrize("question, market, products", [
    ("ustedes manejan precios de la galería?", GALERIAS, 3),
    ("tiene información de bazurto", CARTAGENA, 2),
    ("hay datos para popayán?", POPAYAN, 3),
])
def test_do_you_have_data_for_one_market(router: Router, question: str, market: str, products: int) -> None:
    answer = router.answer(question)
    assert answer.intent == "coverage" and answer.slots["market"] == market and not answer.values
    assert f"{products} productos" in answer.text and "25/10/2025" in answer.text


@pytest.mark.parametrize("question", ["cuál es la fecha más reciente con datos", "el último dato de precios cuál es"])
def test_newest_date_question_is_coverage(router: Router, question: str) -> None:
    answer = router.answer(question)
    assert answer.intent == "coverage" and "25/10/2025" in answer.text


def test_do_you_have_prices_of_a_product_still_prices_it(router: Router) -> None:
    answer = router.answer("tienes precios del lulo en galerías?")
    assert answer.intent == "price" and answer.values


# -- price-like questions from other domains are out of scope ----------------------------------------------------
@pytest.mark.parametrize("question", [
    "¿está lloviendo en popayán?",
    "cuánto vale el pasaje en bus de cali a manizales",
    "a cómo está la tasa de interés de un crédito",
    "precio de un computador portátil",
    "cuanto cuesta una moto en cartagena",
])
def test_other_domains_are_out_of_scope(router: Router, question: str) -> None:
    answer = router.answer(question)
    assert answer.intent == "out_of_scope" and not answer.values and not answer.clarify
    assert "$" not in answer.text


def test_unknown_food_word_still_gets_suggestions(router: Router) -> None:
    answer = router.answer("a cómo está la mandarinna en popayán")
    assert answer.intent != "out_of_scope" and (answer.clarify or answer.values)
