"""Names several products start with ("papa criolla" limpia / sucia, "fríjol cabeza negra" nacional / importado)
in markets that price only some of those kinds, on a mirror written by the test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from models.answer import ChatState
from models.router import Router
from tests import weekly_mirror

CORA = "Bogotá, D.C., Corabastos"
PASTO = "Pasto, El Potrerillo"
SINCE = "Sincelejo, Nuevo Mercado"
TUBERS, GRAINS = "Tubérculos, raíces y plátanos", "Granos y cereales"
PRICES = {  # (group, product, market): newest-week price
    (TUBERS, "Papa criolla limpia", CORA): 4600, (TUBERS, "Papa criolla sucia", CORA): 3900,
    (TUBERS, "Papa criolla sucia", PASTO): 1950,
    (GRAINS, "Fríjol cabeza negra nacional", SINCE): 5000, (GRAINS, "Fríjol cabeza negra importado", CORA): 6100,
    (GRAINS, "Fríjol Zaragoza", SINCE): 7000,
    ("Pescados", "Trucha en corte mariposa", SINCE): 20000, ("Carnes", "Carne de res, lomo fino", SINCE): 30000,
    ("Carnes", "Carne de cerdo, costilla", SINCE): 18000,
}


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Router:
    rows = [(weekly_mirror.LATEST - dt.timedelta(weeks=back), group, product, market, price)
            for back in (1, 0) for (group, product, market), price in PRICES.items()]
    mirror, inserted = weekly_mirror.build(Path(tmp_path_factory.mktemp("kinds")), rows)
    assert inserted == len(rows)
    return weekly_mirror.router_on(mirror)


def test_the_usual_kind_where_it_is_priced(router: Router) -> None:
    answer = router.answer("cuánto está la papa criolla en corabastos", ChatState())
    assert answer.slots["product"] == "Papa criolla limpia" and answer.values[0].value == 4600


def test_the_only_kind_priced_where_the_usual_one_is_not(router: Router) -> None:
    answer = router.answer("y la papa criolla en el potrerillo a cómo", ChatState())
    assert answer.slots["product"] == "Papa criolla sucia" and answer.values[0].value == 1950
    assert "única clase de «papa criolla»" in answer.text


def test_a_longer_shared_name_offers_or_answers_only_its_own_kinds(router: Router) -> None:
    # "fríjol cabeza negra" in Sincelejo: only the nacional is priced there; the Zaragoza beside it is no option
    answer = router.answer("precio del frijol cabeza negra en sincelejo", ChatState())
    assert answer.slots["product"] == "Fríjol cabeza negra nacional" and answer.values[0].value == 5000


def test_a_follow_up_elsewhere_asks_about_the_users_words_not_the_kind_chosen_for_the_first_market(
        router: Router) -> None:
    state = ChatState(chat_id=3)
    router.answer("a cómo está la papa criolla en el potrerillo", state)  # only the sucia is priced there
    there = router.answer("¿y en corabastos?", state)
    assert there.slots["product"] == "Papa criolla limpia" and there.values[0].value == 4600


def test_a_word_of_another_foods_name_beside_a_food_group_ranks_the_group(router: Router) -> None:
    # "corte" is in "Trucha en corte mariposa", but "corte de carne" asks for the dearest meat cut
    answer = router.answer("cuál corte de carne está más caro en sincelejo", ChatState())
    assert answer.values and answer.values[0].product == "Carne de res, lomo fino" and "Trucha" not in answer.text


def test_which_market_is_not_which_kind(router: Router) -> None:
    answer = router.answer("en qué plaza de sincelejo está más barato el frijol cabeza negra", ChatState())
    assert answer.intent == "cheapest" and answer.values[0].product == "Fríjol cabeza negra nacional"
