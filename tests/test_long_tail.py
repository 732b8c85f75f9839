"""Chat-style words the long-tail blind sets showed the rules did not read, tested in other words: regional names of
foods and cities, "ahorita", and the place a story is set in (where the food grows) beside the market asked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from data.db import connect
from models.answer import Answer, ChatState
from models.lang import expand_shorthand, normalise
from models.router import Router
from tests import weekly_mirror

LATEST = weekly_mirror.LATEST
CORA = "Bogotá, D.C., Corabastos"
MED = "Medellín, Central Mayorista de Antioquia"
SERIES = {
    ("Carnes", "Carne de cerdo, costilla", MED): 17500,
    ("Verduras y hortalizas", "Arveja verde en vaina", CORA): 4100,
    ("Frutas frescas", "Lulo", CORA): 3900,
    ("Frutas frescas", "Lulo", MED): 4300,
    ("Frutas frescas", "Mora de Castilla", CORA): 5000,
    ("Frutas frescas", "Maracuyá antioqueño", CORA): 3300,
    ("Frutas frescas", "Maracuyá huilense", CORA): 3500,
    ("Huevos y lácteos", "Huevo rojo A", CORA): 480,
    ("Huevos y lácteos", "Huevo rojo AA", CORA): 520,
    ("Frutas frescas", "Uchuva con cáscara", CORA): 6900,
}
OLD = [(LATEST - dt.timedelta(weeks=30), "Frutas frescas", "Maracuyá", CORA, 3000)]  # plain Maracuyá: long gone


@pytest.fixture(scope="module")
def mirror(tmp_path_factory: pytest.TempPathFactory) -> Path:
    weeks = [LATEST - dt.timedelta(weeks=n) for n in range(12)]
    rows = [(w, group, product, market, price) for w in weeks for (group, product, market), price in SERIES.items()]
    path, _ = weekly_mirror.build(tmp_path_factory.mktemp("long_tail"), rows + OLD)
    return path


@pytest.fixture(scope="module")
def router(mirror: Path) -> Router:
    return weekly_mirror.router_on(mirror)


def ask(router: Router, text: str) -> Answer:
    return router.answer(text, ChatState())


def test_regional_food_words_are_spelled_as_sipsa_names_them() -> None:
    assert expand_shorthand(normalise("la alverjita y el chancho")) == "la arveja y el cerdo"
    assert expand_shorthand(normalise("marranos")) == "marranos"  # only whole words are respelled


def test_regional_names_answer_the_food(router: Router) -> None:
    pork = ask(router, "la costilla de chancho en la mayorista de medellin cuanto la estan dando")
    assert pork.values and pork.values[0].product == "Carne de cerdo, costilla" and not pork.clarify
    peas = ask(router, "alverjitas verdes en corabastos a como")
    assert peas.values and peas.values[0].product == "Arveja verde en vaina"


def test_a_citys_epithet_is_the_city(router: Router) -> None:
    got = ask(router, "y el lulo en la ciudad de la eterna primavera?")
    assert got.values and got.values[0].market == MED and got.values[0].value == 4300


def test_ahorita_is_now_not_a_variety(router: Router) -> None:
    got = ask(router, "ahorita a cuanto se consigue el lulo en corabastos")
    assert got.values and got.values[0].value == 3900 and not got.clarify


def test_where_the_food_grows_is_the_story_and_the_market_named_is_asked(router: Router) -> None:
    got = ask(router, "mi hermana cultiva lulo por los lados de Fomeque, a como lo pagan en corabastos?")
    assert got.values and got.values[0].market == CORA and not got.clarify
    # with no market named, an unknown place is still asked about (never answered for another place)
    alone = ask(router, "a como pagan el lulo en fomeque")
    assert alone.clarify and not alone.values


def test_names_written_in_two_words_are_joined_when_the_joined_word_is_ours(router: Router) -> None:
    got = ask(router, "la costilla de cerdo en la central mayo rista de medellin")  # "mayorista" split in two
    assert got.values and got.values[0].market == MED
    assert ask(router, "a como esta el lulo en cora bastos").values[0].market == CORA


def test_the_time_phrase_en_lo_que_va_is_not_a_ranking_of_the_market(router: Router) -> None:
    got = ask(router, "en lo que va del año cuando estuvo mas barato el lullo en corabastos")  # "lullo": lulo
    assert got.slots.get("stat") == "min" and got.values and got.values[0].product == "Lulo"


def test_a_year_over_year_rise_with_the_food_between_the_words(router: Router) -> None:
    got = ask(router, "cuanto ha subido el lulo de la mayorista en el ultimo año")
    assert got.slots.get("stat") == "yoy"


def test_a_misspelt_whole_name_long_gone_where_its_kinds_are_priced_asks_which(router: Router) -> None:
    for text in ("a como esta el maracuya en corabastos", "a como esta el marakuya en corabastos"):
        got = ask(router, text)
        assert got.clarify and not got.values, text  # however it is spelled: the kinds priced there now


def test_egg_grades_said_in_words(router: Router) -> None:
    got = ask(router, "y el huevo rojo doble a en corabastos?")
    assert got.values and got.values[0].product == "Huevo rojo AA" and got.values[0].value == 520


def test_the_model_confirms_the_one_product_the_rules_asked_about(mirror: Path) -> None:
    text = "la uchuba en corabastos a como"  # a misspelt first word of a longer name: the rules ask to be sure
    conn = connect(mirror, readonly=True)
    try:
        rules = Router(lambda: conn, today=lambda: weekly_mirror.TODAY).answer(text, ChatState())
        assert len(rules.clarify) == 1 and not rules.values  # "¿Te refieres a Uchuva con cáscara?"

        def llm(_t: str, _s: ChatState, _d: dt.date, options: tuple[str, ...]) -> dict[str, Any]:
            assert options == ("Uchuva con cáscara",)
            return {"intent": "price", "product": "Uchuva con cáscara", "market": "corabastos"}

        got = Router(lambda: conn, llm=llm, today=lambda: weekly_mirror.TODAY).answer(text, ChatState())
        assert got.values and got.values[0].value == 6900 and "«uchuba» = Uchuva con cáscara" in got.text
    finally:
        conn.close()
