"""Second round of real phrasing: a month in a year said in words, "¿más barato en A o en B?", a variety swapped in a
follow-up, family names that must ask back, one strong candidate answered directly, spelling variants of places,
a market's own name without its city, common words that must never read as products, help / thanks / out of scope
phrasings and forecast horizons in words. A small weekly CSV is imported with the project's importer into a real
SQLite mirror (tmp_path)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from models.answer import ChatState
from models.dates import parse_period
from models.lang import sound_key
from models.router import Router
from models.slots import Intent
from tests import weekly_mirror

TODAY = weekly_mirror.TODAY
LATEST = weekly_mirror.LATEST
CORA = "Bogotá, D.C., Corabastos"
MDE = "Medellín, Central Mayorista de Antioquia"
PEI = "Pereira, Mercasa"
CALI = "Cali, Cavasa"
MZL = "Manizales, Centro Galerías"
BGA = "Bucaramanga, Centroabastos"
BGA_CENTRO = "Bucaramanga, Mercados del centro"
SANGIL = "San Gil (Santander), panela"
PRICES: dict[str, tuple[str, dict[str, int]]] = {
    "Cebolla cabezona blanca": ("Verduras y hortalizas", {CORA: 1646, CALI: 1500}),
    "Cebolla cabezona roja": ("Verduras y hortalizas", {CORA: 2260, CALI: 2100}),
    "Cebolla junca": ("Verduras y hortalizas", {MDE: 2640, PEI: 1544, CORA: 2000}),
    "Carne de res, sobrebarriga": ("Carnes", {MDE: 31113, CORA: 30000}),
    "Carne de res, costilla": ("Carnes", {MDE: 16000}),
    "Ahuyamín (Sakata)": ("Verduras y hortalizas", {CORA: 1292}),
    "Ahuyama": ("Verduras y hortalizas", {CORA: 1100}),
    "Papa criolla limpia": ("Tubérculos, raíces y plátanos", {CORA: 4653, MDE: 3258, BGA: 3000, BGA_CENTRO: 3300}),
    "Tomate de árbol": ("Frutas", {CORA: 3100, MDE: 2900, CALI: 2500}),
    "Berenjena": ("Verduras y hortalizas", {MZL: 4950, CORA: 4000}),
    "Panela cuadrada morena": ("Procesados", {CORA: 4200, SANGIL: 3500}),
    "Panela redonda morena": ("Procesados", {CORA: 4300}),
    "Mango Tommy": ("Frutas", {CORA: 3500}),
    "Mango común": ("Frutas", {CORA: 2500}),
    "Toyo blanco, filete congelado": ("Pescados", {CORA: 18000}),
    "Fécula de maíz": ("Procesados", {CORA: 7000}),
}
MONTHS_BACK = 20  # monthly rows back to mid-2024 so "febrero del año pasado" has data


@pytest.fixture(scope="module")
def mirror(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # each week's price carries its month, so a wrong month gives a wrong figure
    rows = [(start, group, product, market, price + 10 * start.month)
            for start in (LATEST - dt.timedelta(weeks=w) for w in range(0, 4 * MONTHS_BACK, 4))
            for product, (group, markets) in PRICES.items() for market, price in markets.items()]
    mirror, inserted = weekly_mirror.build(tmp_path_factory.mktemp("phrasing2"), rows)
    assert inserted > 200
    return mirror


@pytest.fixture(scope="module")
def router(mirror: Path) -> Router:
    return weekly_mirror.router_on(mirror)


_parse = weekly_mirror.parse_on


# -- a month inside a year said in words -------------------------------------------------------------------------
@pytest.mark.parametrize("text, start, end", [
    ("cuanto valia en marzo del ano pasado", dt.date(2024, 3, 1), dt.date(2024, 3, 31)),
    ("y en enero de este ano", dt.date(2025, 1, 1), dt.date(2025, 1, 31)),
    ("precio en junio de hace dos anos", dt.date(2023, 6, 1), dt.date(2023, 6, 30)),
    ("como estaba en agosto del ano antepasado", dt.date(2023, 8, 1), dt.date(2023, 8, 31)),
    ("en septiembre del ano 2022", dt.date(2022, 9, 1), dt.date(2022, 9, 30)),
    ("el 10 de abril del ano pasado", dt.date(2024, 4, 10), dt.date(2024, 4, 10)),
    ("en el ano pasado", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),  # no month: still the whole year
    ("en julio del ano que paso", dt.date(2024, 7, 1), dt.date(2024, 7, 31)),
    ("entre enero y marzo del ano pasado", dt.date(2024, 1, 1), dt.date(2024, 3, 31)),
    ("la segunda semana de febrero del ano pasado", dt.date(2024, 2, 10), dt.date(2024, 2, 16)),
    # a range from a day starts at the SIPSA week (Saturday to Friday) that holds that day
    ("desde el 5 de mayo del ano pasado hasta el 20 de junio del ano pasado", dt.date(2024, 5, 4),
     dt.date(2024, 6, 20)),
])
def test_month_of_a_year_in_words(text: str, start: dt.date, end: dt.date) -> None:
    period = parse_period(text, TODAY)
    assert period is not None and (period.start, period.end) == (start, end)


def test_month_of_last_year_gives_that_month_not_the_year(router: Router) -> None:
    answer = router.answer("cuanto costaba la berenjena en manizales en mayo del año pasado")
    assert answer.slots["start"] == "2024-05-01" and answer.slots["end"] == "2024-05-31"
    assert answer.values and {v.value for v in answer.values} == {4950 + 10 * 5}


@pytest.mark.parametrize("question, asked", [
    ("papa criolla en abastos la semana pasada, bueno, la de marzo", "marzo"),
    ("cuanto valia la berenjena en abastos en la primera quincena de mayo", "quincena"),
])
def test_a_date_word_left_unread_asks_instead_of_answering(router: Router, question: str, asked: str) -> None:
    answer = router.answer(question)
    assert not answer.values and asked in answer.text
    if asked == "marzo":  # the offered months are whole questions the rules read, in years with data
        assert [c.label for c in answer.clarify] == ["marzo de 2025", "marzo de 2024", "marzo de 2023"]
        picked = router.answer(answer.clarify[0].text)
        assert picked.slots["start"] == "2025-03-01" and picked.values[0].value == 4653 + 10 * 3


# -- "¿más barato en A o en B?" ----------------------------------------------------------------------------------
@pytest.mark.parametrize("question", [
    "donde sale mas economica la cebolla junca, en la mayorista o en mercasa",
    "la cebolla junca es mas cara en mercasa o en la mayorista?",
])
def test_cheaper_in_a_or_b_compares_the_two_markets(router: Router, question: str) -> None:
    answer = router.answer(question)
    assert answer.intent == "compare" and not answer.clarify
    assert {v.market for v in answer.values} == {MDE, PEI}
    assert "Pereira, Mercasa" in answer.text and "más barato" in answer.text


def test_cheapest_everywhere_stays_national(router: Router) -> None:
    answer = router.answer("donde esta mas barata la cebolla junca")
    assert answer.intent == "cheapest"


# -- a variety swapped in a follow-up ----------------------------------------------------------------------------
def test_followup_variety_swaps_within_the_family(router: Router) -> None:
    state = ChatState()
    first = router.answer("cuanto esta la cebolla cabezona roja en cavasa", state)
    assert first.slots["product"] == "Cebolla cabezona roja"
    second = router.answer("y la blanca?", state)
    assert second.slots["product"] == "Cebolla cabezona blanca" and second.slots["market"] == CALI
    assert second.values[0].value == 1500 + 100 and "No tuve en cuenta" not in second.text


def test_followup_kind_the_product_lacks_asks_instead_of_ignoring_it(router: Router) -> None:
    state = ChatState()
    router.answer("cuanto esta el tomate de arbol en abastos", state)
    second = router.answer("y la roja?", state)
    assert not second.values and [c.label for c in second.clarify] == ["Cebolla cabezona roja"]
    assert second.text.startswith("¿Te refieres a")


def test_followup_with_an_unrelated_word_does_not_swap(router: Router) -> None:
    state = ChatState()
    router.answer("cuanto esta la cebolla cabezona roja en cavasa", state)
    second = router.answer("y la semana pasada?", state)
    assert second.slots["product"] == "Cebolla cabezona roja"


# -- family names ask back; one strong candidate answers ---------------------------------------------------------
def test_family_name_with_several_kinds_asks(router: Router) -> None:
    answer = router.answer("cuanto vale la cebolla cabezona en abastos")
    labels = [c.label for c in answer.clarify]
    assert not answer.values and {"Cebolla cabezona blanca", "Cebolla cabezona roja"} <= set(labels)


def test_family_word_that_is_also_a_market_tail_asks_with_options(router: Router) -> None:
    answer = router.answer("en cuanto esta la panela en abastos")
    labels = [c.label for c in answer.clarify]
    assert not answer.values and {"Panela cuadrada morena", "Panela redonda morena"} <= set(labels)


@pytest.mark.parametrize("question, product, value", [
    ("cuanto cuesta la sobrebarriga en abastos", "Carne de res, sobrebarriga", 30000 + 100),
    ("ahuyamin en corabastos", "Ahuyamín (Sakata)", 1292 + 100),
])
def test_one_strong_candidate_answers(router: Router, question: str, product: str, value: int) -> None:
    answer = router.answer(question)
    assert answer.slots["product"] == product and not answer.clarify
    assert answer.values[0].value == value


def test_words_about_buying_do_not_block_the_product(router: Router) -> None:
    answer = router.answer("en que mercado me sale mas barato conseguir tomate de arbol")
    assert answer.intent == "cheapest" and not answer.clarify
    assert answer.values[0].market == CALI


# -- places: spelling variants, a market's own name ---------------------------------------------------------------
@pytest.mark.parametrize("word, same", [("medeyin", "medellin"), ("zapallo", "sapayo"), ("vaca", "baca"),
                                        ("cebolla", "seboya"), ("kilo", "quilo"), ("huevo", "guebo"),
                                        ("hueso", "gueso"), ("pitahaya", "pitalla"), ("arroz", "aros")])
def test_sound_key_joins_spelling_variants(word: str, same: str) -> None:
    assert sound_key(word) == sound_key(same)



def test_place_spelled_by_ear(router: Router) -> None:
    answer = router.answer("a como esta la papa criolla en medeyin")
    assert answer.slots["market"] == MDE and not answer.clarify


def test_market_named_without_its_city(router: Router) -> None:
    answer = router.answer("cuanto vale la berenjena en el centro galerias")
    assert answer.slots["market"] == MZL and answer.values[0].value == 4950 + 100


def test_generic_market_name_with_its_city_is_one_market(router: Router) -> None:
    answer = router.answer("papa criolla en los mercados del centro de bucaramanga")
    assert answer.intent == "price" and answer.slots["market"] == BGA_CENTRO
    assert answer.values[0].value == 3300 + 100


def test_all_markets_words_still_compare(router: Router) -> None:
    answer = router.answer("papa criolla en todos los mercados")
    assert answer.intent == "compare" and len(answer.values) >= 3


# -- common words never read as products -------------------------------------------------------------------------
@pytest.mark.parametrize("question, intent", [
    ("que mas pues, todo bien", "greeting"),
    ("muchas gracias mano", "thanks"),
    ("cual es el producto que mas ha subido este mes en el pais", "movers"),
    ("que es lo que mas viene bajando", "movers"),
    ("hasta que fecha tienes los datos", "coverage"),
    ("de cuando son esos precios", "coverage"),
    ("para que sirve esto", "help"),
    ("como le consulto un precio", "help"),
    ("quien es el gobernador de antioquia", "out_of_scope"),
    ("todo bien?", "greeting"),
    ("como le va, sumerce", "greeting"),
])
def test_common_words_keep_their_meaning(router: Router, question: str, intent: str) -> None:
    answer = router.answer(question)
    assert answer.intent == intent, answer.text
    assert not answer.clarify
    assert bool(answer.values) == (intent == "movers")  # only the movers list carries figures


def test_common_word_spelled_exactly_as_a_product_token_is_not_fuzzy(mirror: Path) -> None:
    p = _parse(mirror, "todo bien por alla")
    assert p.product.status == "none"


# -- forecast horizons in words ----------------------------------------------------------------------------------
@pytest.mark.parametrize("question, freq, horizon", [
    ("cuanto costara la cebolla junca en bogota dentro de un mes", "M", 1),
    ("que precio tendra la ahuyama en abastos en dos meses", "M", 2),
    ("como va a estar la ahuyama dentro de tres semanas", "W", 3),
])
def test_forecast_horizon_in_words(mirror: Path, question: str, freq: str, horizon: int) -> None:
    p = _parse(mirror, question)
    assert p.intent is Intent.FORECAST and (p.freq, p.horizon) == (freq, horizon)


def test_en_la_semana_is_not_a_horizon(mirror: Path) -> None:
    p = _parse(mirror, "cuanto va a costar la ahuyama en la semana")
    assert p.horizon is None

