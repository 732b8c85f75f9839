"""How people actually type: chat shorthand, colloquial names, cut-first meat names, city abbreviations, places
we do not know, family words, supply / alert / coverage / help phrasings. A small weekly CSV written here is
imported with the project's importer into a real SQLite mirror (tmp_path)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from models.answer import ChatState
from models.lang import expand_shorthand, normalise
from models.router import Router
from tests import weekly_mirror

TODAY = weekly_mirror.TODAY
LATEST = weekly_mirror.LATEST
CORA = "Bogotá, D.C., Corabastos"
BAQ = "Barranquilla, Barranquillita"
BGA = "Bucaramanga, Centroabastos"
MDE = "Medellín, Central Mayorista de Antioquia"
PEI = "Pereira, Mercasa"
CALI = "Cali, Cavasa"
# product -> group, {market: price in the newest week}
PRICES: dict[str, tuple[str, dict[str, int]]] = {
    "Papa criolla limpia": ("Tubérculos, raíces y plátanos", {CORA: 4653, BAQ: 4300, BGA: 3900, MDE: 4100, CALI: 4400}),
    "Carne de res, lomo fino": ("Carnes", {BAQ: 43667, CORA: 41000}),
    "Carne de res, costilla": ("Carnes", {BAQ: 16000, CORA: 15500}),
    "Carne de cerdo, costilla": ("Carnes", {BAQ: 18667, CORA: 17500}),
    "Carne de cerdo, lomo con hueso": ("Carnes", {CORA: 19000}),
    "Carne de cerdo, lomo sin hueso": ("Carnes", {CORA: 21000}),
    "Arveja verde en vaina": ("Verduras y hortalizas", {CORA: 4156, PEI: 3607}),
    "Arveja verde seca importada": ("Granos y cereales", {CORA: 3227}),
    "Limón Tahití": ("Frutas", {CORA: 2499, CALI: 2100}),
    "Limón común": ("Frutas", {CORA: 3100}),
    "Cebolla cabezona blanca": ("Verduras y hortalizas", {CORA: 1646, CALI: 1500}),
    "Huevo rojo AA": ("Lácteos y huevos", {CORA: 520}),
    "Huevo blanco A": ("Lácteos y huevos", {CORA: 430}),
    "Lulo": ("Frutas", {CORA: 5200, CALI: 4800, BAQ: 6522}),
}


@pytest.fixture(scope="module")
def mirror(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rows = [(LATEST - dt.timedelta(weeks=weeks_back), group, product, market, round(price * factor))
            for weeks_back, factor in ((1, 0.9), (0, 1.0))
            for product, (group, markets) in PRICES.items() for market, price in markets.items()]
    mirror, inserted = weekly_mirror.build(tmp_path_factory.mktemp("phrasing"), rows)
    assert inserted > 40
    return mirror


@pytest.fixture(scope="module")
def router(mirror: Path) -> Router:
    return weekly_mirror.router_on(mirror)


_parse = weekly_mirror.parse_on


# -- chat shorthand ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("q tal la papa pal viernes", "que tal la papa para el viernes"),
    ("cmo ta el lulo xfa", "como esta el lulo por favor"),
    ("precio x kilo pa la tienda", "precio por kilo para la tienda"),
    ("xq subio tb el tomate", "porque subio tambien el tomate"),
    ("dnd esta el lulo xa la tienda", "donde esta el lulo para la tienda"),
    ("papa en b/quilla a $2.500 x kilo", "papa en b/quilla a $2.500 por kilo"),  # slash abbreviations kept
    ("huevo rojo a en 2 dias", "huevo rojo a en 2 dias"),  # nothing to expand
])
def test_shorthand_is_spelled_out(text: str, expected: str) -> None:
    assert expand_shorthand(normalise(text)) == expected


def test_shorthand_reaches_the_answer(router: Router) -> None:
    answer = router.answer("a cmo ta el lulo en abastos")
    assert answer.slots["product"] == "Lulo" and answer.slots["market"] == CORA and not answer.clarify
    assert answer.values[0].value == 5200


# -- colloquial names and cut-first meat names -------------------------------------------------------------------
def test_colloquial_name_beats_a_lone_family_word(router: Router) -> None:
    answer = router.answer("cuanto vale la cebolla huevo en cavasa")
    assert answer.slots["product"] == "Cebolla cabezona blanca" and not answer.clarify
    assert answer.values[0].value == 1500


@pytest.mark.parametrize("question, product, market, price", [
    ("a como esta la costilla de res en corabastos", "Carne de res, costilla", CORA, 15500),
    ("precio costilla cerdo barranquilla", "Carne de cerdo, costilla", BAQ, 18667),
    ("lomo fino res en abastos", "Carne de res, lomo fino", CORA, 41000),
    ("a como esta la res lomo fino en barranquillita", "Carne de res, lomo fino", BAQ, 43667),
])
def test_cut_first_names_match(router: Router, question: str, product: str, market: str, price: int) -> None:
    answer = router.answer(question)
    assert answer.slots["product"] == product and answer.slots["market"] == market and not answer.clarify
    assert answer.values[0].value == price


@pytest.mark.parametrize("question, options", [
    ("precio del lomo de cerdo en corabastos", {"Carne de cerdo, lomo con hueso", "Carne de cerdo, lomo sin hueso"}),
    ("costilla en corabastos", {"Carne de res, costilla", "Carne de cerdo, costilla"}),
])
def test_a_cut_without_enough_words_asks(router: Router, question: str, options: set[str]) -> None:
    answer = router.answer(question)
    assert not answer.values and options <= {c.label for c in answer.clarify}


# -- places ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("question, market", [
    ("papa criolla en b/manga", BGA),
    ("papa criolla bga", BGA),
    ("la papa criolla en b/quilla", BAQ),
    ("papa criolla en bquilla hoy", BAQ),
    ("papa criolla en medallo", MDE),
    ("papa criolla en bta", CORA),
    ("papa criolla en medellin", MDE),
])
def test_city_abbreviations(router: Router, question: str, market: str) -> None:
    answer = router.answer(question)
    assert answer.slots["market"] == market and not answer.clarify, answer.text


@pytest.mark.parametrize("question", [
    "a como esta la papa criolla en zipaquiraa",
    "lulo en la plaza de kilimanjaro",
    "historial del lulo en xyzpueblo",
    "avisame si el lulo en qwerty baja de 4000",
    "donde esta mas barato el lulo en la plaza de qwerty",
    "cuanto lulo llego a qwertyville",
])
def test_an_unknown_place_is_never_replaced_by_the_default_market(router: Router, question: str) -> None:
    answer = router.answer(question)
    assert not answer.values and answer.clarify, answer.text
    assert "No reconozco" in answer.text and CORA not in answer.text.split("?")[0].split("«")[0]


def test_an_unknown_place_suggests_close_names(router: Router) -> None:
    answer = router.answer("papa criolla en barankilla")
    assert "Barranquilla" in [c.label for c in answer.clarify]
    choice = next(c for c in answer.clarify if c.label == "Barranquilla")
    follow = router.answer(choice.text)
    assert follow.slots["market"] == BAQ and follow.values[0].value == 4300


@pytest.mark.parametrize("question, offered", [
    ("lulo en el valle", "Cali"),  # a department: its cities are offered, none is picked
    ("papa criolla en santander", "Bucaramanga"),
    ("lulo en la costa", "Barranquilla"),  # a region
])
def test_departments_and_regions_offer_their_cities(router: Router, question: str, offered: str) -> None:
    answer = router.answer(question)
    assert not answer.values and offered in [c.label for c in answer.clarify], answer.text
    follow = router.answer(next(c.text for c in answer.clarify if c.label == offered))
    assert follow.values and follow.slots["city"] == offered


def test_a_place_noun_without_a_name_asks_with_examples(router: Router) -> None:
    answer = router.answer("a como esta el lulo en mi pueblo")
    assert not answer.values and "¿En qué mercado o ciudad?" in answer.text and len(answer.clarify) >= 3


@pytest.mark.parametrize("question", ["lulo en oferta", "precio del lulo en general", "lulo en kilos"])
def test_words_after_en_that_are_not_places_do_not_ask(router: Router, question: str) -> None:
    answer = router.answer(question)
    assert answer.values and answer.slots["product"] == "Lulo", answer.text


def test_followup_with_an_unknown_place_asks(router: Router) -> None:
    state = ChatState()
    first = router.answer("precio del lulo en cavasa", state)
    assert first.values[0].value == 4800
    known = router.answer("y en b/quilla?", state)
    assert known.slots["market"] == BAQ and known.values[0].value == 6522
    unknown = router.answer("y en pueblonuevo?", state)
    assert not unknown.values and unknown.clarify and "pueblonuevo" in unknown.text


# -- family words --------------------------------------------------------------------------------------------------
def test_a_family_word_with_several_products_in_the_market_asks(router: Router) -> None:
    answer = router.answer("cuanto esta la arveja en abastos")
    assert not answer.values
    assert {"Arveja verde en vaina", "Arveja verde seca importada"} <= {c.label for c in answer.clarify}


def test_a_family_word_with_one_product_in_the_market_answers(router: Router) -> None:
    answer = router.answer("cuanto esta la arveja en mercasa")
    assert answer.slots["product"] == "Arveja verde en vaina" and answer.values[0].value == 3607


def test_limon_alone_asks_where_several_limes_are_priced(router: Router) -> None:
    # the Tahití lime is the usual one, but on the Costa "limón" is often the común: where both are priced, ask
    answer = router.answer("y el limon en abastos?")
    assert not answer.values and [c.label for c in answer.clarify][:2] == ["Limón Tahití", "Limón común"]
    only = router.answer("a como esta el limon en cali")  # only the Tahití lime is priced there
    assert only.slots["product"] == "Limón Tahití" and only.values[0].value == 2100
    stat = router.answer("¿cuál ha sido el precio más alto del limón en corabastos?")  # a statistic, the same
    assert not stat.values and [c.label for c in stat.clarify][:2] == ["Limón Tahití", "Limón común"]


def test_a_reply_naming_one_option_answers_the_question_that_was_asked_there(router: Router) -> None:
    state = ChatState(chat_id=5)
    asked = router.answer("cuánto vale hoy el limón en la central de abastos", state)
    assert asked.clarify and not asked.values
    picked = router.answer("el común", state)  # not a new question about Limón común anywhere: this market
    assert picked.slots["product"] == "Limón común" and picked.slots["market"] == CORA
    assert picked.values[0].value == 3100


def test_a_reply_that_is_a_new_question_or_fits_several_options_picks_nothing(router: Router) -> None:
    state = ChatState(chat_id=6)
    router.answer("cuánto vale hoy el limón en la central de abastos", state)
    moved = router.answer("¿y en cali?", state)  # a place: the family question again, there
    assert "Cavasa" in moved.text
    state = ChatState(chat_id=7)
    router.answer("cuánto vale hoy el limón en la central de abastos", state)
    assert router.answer("2", state).slots["product"] == "Limón común"  # the option's number still picks it


# -- intents -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, intent", [
    ("en que plaza esta mas economico el lulo", "cheapest"),
    ("donde consigo barato el lulo", "cheapest"),
    ("donde esta mas caro pal lulo", "priciest"),
    ("cuales subieron mas en abastos", "movers"),
    ("que bajaron mas esta semana", "movers"),
    ("la papa criolla llega de que regiones", "supply_origin"),
    ("que municipios mandan la papa criolla a corabastos", "supply_origin"),
    ("cuanto lulo entro a corabastos", "supply"),
    ("cuantos kilos de papa criolla ingresaron a la mayorista", "supply"),
    ("ke productos manejan", "coverage"),
    ("cuales centrales de abasto tienes", "coverage"),
    ("desde q mes hay precios", "coverage"),
    ("hasta que fecha tienes informacion", "coverage"),
    ("mandame un mensaje cuando la papa criolla baje de 2 mil", "alert"),
    ("alertame si el lulo pasa de 5000 en abastos", "alert"),
    ("notificame cuando el limon este por debajo de 1.500", "alert"),
    ("escribeme cuando el lulo suba a 6 mil", "alert"),
    ("cuando baje el lulo de 4000 me dices", "alert"),
    ("me cuentas si la papa criolla sube", "alert"),
    ("llegada de papa criolla a la mayorista", "supply"),
    ("cuales son las ciudades", "coverage"),
    ("tienes precios de que fechas", "coverage"),
    ("que le pregunto", "help"),
    ("dios la bendiga", "thanks"),
    ("dios se lo pague", "thanks"),
    ("muy agradecido", "thanks"),
    ("que cosas le puedo preguntar", "help"),
    ("que te puedo consultar", "help"),
])
def test_phrasings_pick_the_intent(mirror: Path, text: str, intent: str) -> None:
    assert _parse(mirror, text).intent.value == intent


def test_price_words_keep_supply_phrasing_out(mirror: Path) -> None:
    assert _parse(mirror, "cuanto cuesta la papa criolla que llega de boyaca").intent.value != "supply"
    assert _parse(mirror, "cuanta papa criolla llego ayer").intent.value == "supply"


def test_alert_slots_from_a_new_phrasing(router: Router) -> None:
    answer = router.answer("mandame una alerta si el lulo en cavasa sube de 5 mil")
    assert answer.intent == "alert" and not answer.values
    assert answer.slots["threshold"] == 5000 and answer.slots["direction"] == "above"
    assert answer.slots["market"] == CALI and answer.slots["product"] == "Lulo"


def test_cheapest_with_pal_answers_for_the_product(router: Router) -> None:
    answer = router.answer("cual es la plaza mas economica pal lulo")
    assert answer.intent == "cheapest" and answer.slots["product"] == "Lulo" and not answer.clarify
    assert answer.values[0].value == 4800
