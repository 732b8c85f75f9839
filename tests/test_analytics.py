"""Analytical questions end to end on a real SQLite mirror written by the test (weekly_mirror.build): the Query the
rules read, the figures the answer shows (checked against values computed here from the same rows in plain
Python) and the questions that must get no figure. Wording varies on purpose: the readers are general rules."""

from __future__ import annotations

import datetime as dt
import statistics

import pytest

from models.answer import Answer, ChatState
from models.router import Router
from tests import weekly_mirror

LATEST = weekly_mirror.LATEST  # 2025-10-25, a Saturday
CORA = "Bogotá, D.C., Corabastos"
MED = "Medellín, Central Mayorista de Antioquia"
FIRST = dt.date(2022, 1, 1)  # a Saturday


def _papa(day: dt.date) -> int:
    """A yearly level that rises, cheap in March, dear in September (so the season is known exactly)."""
    level = 1000 + 200 * (day.year - 2022)
    season = {3: 0.8, 9: 1.2}.get(day.month, 1.0)
    return round(level * season)


def _weeks() -> list[dt.date]:
    out, day = [], FIRST
    while day <= LATEST:
        out.append(day)
        day += dt.timedelta(weeks=1)
    return out


SERIES: dict[tuple[str, str, str], object] = {
    ("Tubérculos, raíces y plátanos", "Papa criolla limpia", CORA): _papa,
    ("Tubérculos, raíces y plátanos", "Papa parda pastusa", CORA): lambda d: 800 + (d.toordinal() % 5) * 10,
    ("Verduras y hortalizas", "Tomate chonto", CORA): lambda d: 2000 + (d.toordinal() % 7) * 15,
    ("Verduras y hortalizas", "Tomate chonto", MED): lambda d: 2100 + (d.toordinal() % 3) * 40,
    ("Frutas frescas", "Fresa", CORA): lambda d: 9000 if d < LATEST else 9900,
    ("Frutas frescas", "Mango Tommy", CORA): lambda d: 4000 if d < LATEST else 3000,
    ("Frutas frescas", "Mango Tommy", MED): lambda d: 4200 if d < LATEST else 4620,
    ("Frutas frescas", "Mango de azúcar", MED): lambda d: 3100,  # a second mango, priced in Medellín only
    ("Huevos y lácteos", "Huevo rojo A", CORA): lambda d: 520,
}


def _rows() -> list[tuple[dt.date, str, str, str, int]]:
    return [(week, group, product, market, int(fn(week)))  # type: ignore[operator]
            for week in _weeks() for (group, product, market), fn in SERIES.items()]


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Router:
    mirror, inserted = weekly_mirror.build(tmp_path_factory.mktemp("analytics"), _rows())
    assert inserted == len(_rows())
    return weekly_mirror.router_on(mirror)


def ask(router: Router, text: str) -> Answer:
    return router.answer(text, ChatState(chat_id=7))


def values(answer: Answer, kind: str) -> list[tuple[float, str | None, str]]:
    return [(v.value, v.product, v.date) for v in answer.values if v.kind == kind]


def papa_weeks(start: dt.date, end: dt.date) -> list[tuple[dt.date, int]]:
    return [(w, _papa(w)) for w in _weeks() if start <= w <= end]


# -- extremes, median -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "¿cuál fue el precio más alto de la papa criolla en Corabastos en 2023?",
    "cuando estuvo mas cara la papa criolla en corabastos en el 2023",
    "el pico de la papa criolla en corabastos durante 2023",
])
def test_max_of_a_year_names_the_newest_week_of_the_peak(router: Router, text: str) -> None:
    weeks = papa_weeks(dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    top = max(p for _, p in weeks)
    newest = max(w for w, p in weeks if p == top)
    answer = ask(router, text)
    assert answer.slots.get("stat") == "max"
    assert values(answer, "max") == [(top, "Papa criolla limpia", newest.isoformat())]
    assert f"{len(weeks)} semanas con datos" in answer.text and "Fuente: DANE – SIPSA" in answer.text


def test_min_over_all_history_when_no_period(router: Router) -> None:
    weeks = papa_weeks(FIRST, LATEST)
    low = min(p for _, p in weeks)
    answer = ask(router, "¿cuál ha sido el precio mínimo de la papa criolla en corabastos?")
    assert values(answer, "min") == [(low, "Papa criolla limpia", max(w for w, p in weeks if p == low).isoformat())]
    assert "toda la serie" in answer.text


def test_median_of_a_year(router: Router) -> None:
    prices = [p for _, p in papa_weeks(dt.date(2024, 1, 1), dt.date(2024, 12, 31))]
    answer = ask(router, "mediana del precio de la papa criolla en Corabastos en 2024")
    assert values(answer, "median")[0][0] == pytest.approx(statistics.median(prices))
    assert values(answer, "mean")[0][0] == pytest.approx(sum(prices) / len(prices))


def test_a_mean_over_a_period_is_the_period_price(router: Router) -> None:
    prices = [p for _, p in papa_weeks(dt.date(2024, 1, 1), dt.date(2024, 12, 31))]
    answer = ask(router, "precio promedio de la papa criolla en Corabastos en 2024")
    assert values(answer, "price")[0][0] == pytest.approx(sum(prices) / len(prices))


# -- year over year, season ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "¿la papa criolla está más cara que hace un año en Corabastos?",
    "papa criolla corabastos: comparado con el año pasado subio o bajo?",
])
def test_year_over_year(router: Router, text: str) -> None:
    then = LATEST - dt.timedelta(days=364)
    answer = ask(router, text)
    assert answer.slots.get("stat") == "yoy"
    change = (_papa(LATEST) / _papa(then) - 1) * 100
    assert values(answer, "change_pct")[0][0] == pytest.approx(change, abs=0.01)
    assert {d for _, _, d in values(answer, "price")} == {LATEST.isoformat(), then.isoformat()}


@pytest.mark.parametrize("text, month", [
    ("¿en qué mes baja la papa criolla en Corabastos?", 3),
    ("cual es el mes mas barato para comprar papa criolla en corabastos", 3),
    ("en que epoca del año se pone mas cara la papa criolla en corabastos", 9),
])
def test_season_month(router: Router, text: str, month: int) -> None:
    answer = ask(router, text)
    assert values(answer, "month")[0][0] == month
    assert values(answer, "years")[0][0] == 4  # 2022-2025: every year has at least 6 months


def test_dear_for_the_time_of_year(router: Router) -> None:
    # October 2025 at the 2025 level is above every earlier October (levels rise each year)
    answer = ask(router, "¿está cara la papa criolla en corabastos para la época?")
    assert values(answer, "position")[0][0] == 1
    assert values(answer, "price")[0][0] == _papa(LATEST)


# -- many series --------------------------------------------------------------------------------------------------
def test_ranking_within_a_food_group(router: Router) -> None:
    answer = ask(router, "¿cuál es la fruta más cara en Corabastos?")
    assert values(answer, "price")[:2] == [(9900, "Fresa", LATEST.isoformat()), (3000, "Mango Tommy",
                                                                                  LATEST.isoformat())]
    cheap = ask(router, "los productos mas baratos de corabastos")
    assert values(cheap, "price")[0][1] == "Papa parda pastusa"  # eggs are per unit: never ranked with kilos
    assert all(p != "Huevo rojo A" for _, p, _ in values(cheap, "price"))


def test_ranking_without_market_asks_which(router: Router) -> None:
    answer = ask(router, "cual es la verdura mas cara")
    assert answer.clarify and not answer.values


def test_movers_by_group_nationally_use_markets_priced_in_both_weeks(router: Router) -> None:
    answer = ask(router, "que frutas subieron mas a nivel nacional esta semana")
    ups = values(answer, "change_pct")
    assert ups[0][1] == "Fresa" and ups[0][0] == pytest.approx(10.0)
    mango = next(v for v, p, _ in ups if p == "Mango Tommy")
    assert mango == pytest.approx(((3000 + 4620) / 2 / ((4000 + 4200) / 2) - 1) * 100, abs=0.01)
    assert all(p in {"Fresa", "Mango Tommy"} for _, p, _ in ups)  # only fruits


def test_counts(router: Router) -> None:
    assert values(ask(router, "¿en cuántos mercados hay precio del tomate chonto?"), "count")[0][0] == 2
    assert values(ask(router, "cuantos productos cotiza corabastos"), "count")[0][0] == 6


# -- trade units --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, kg", [
    ("¿cuánto vale la arroba de papa criolla en Corabastos?", 12.5),
    ("precio del bulto de papa pastusa en corabastos", 50.0),
    ("a como la libra de tomate chonto en corabastos", 0.5),
    ("cuanto me cuestan 20 kilos de tomate chonto en corabastos", 20.0),
])
def test_trade_units(router: Router, text: str, kg: float) -> None:
    answer = ask(router, text)
    price = values(answer, "price")[0][0]
    assert values(answer, "trade_price")[0][0] == pytest.approx(price * kg)


@pytest.mark.parametrize("text", ["precio del bulto de tomate chonto en corabastos",
                                  "cuanto vale el kilo de huevo rojo a en corabastos",
                                  "a como la arroba de huevo rojo a en corabastos"])
def test_no_conversion_where_the_weight_is_not_standard(router: Router, text: str) -> None:
    answer = ask(router, text)
    assert values(answer, "price") and not values(answer, "trade_price")


# -- never a figure for another question ------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "precio de la papa criolla en el D1",
    "a como venden el tomate chonto en el supermercado",
    "precio de la papa criolla en corabastos en 2012",
    "precio del tomate chonto en corabastos en 2030",
    "cuanto esta la papa criolla en corabastos en cosecha",
])
def test_questions_the_data_cannot_answer_get_no_figure(router: Router, text: str) -> None:
    answer = ask(router, text)
    assert not [v for v in answer.values if v.kind in {"price", "max", "min", "change_pct"}]
    assert "$" not in answer.text


def test_since_a_date_to_the_newest_data(router: Router) -> None:
    answer = ask(router, "cuanto ha subido la papa criolla en corabastos desde el 15 de agosto hasta el ultimo dato")
    start = dt.date(2025, 8, 9)  # the week (Saturday to Friday) that holds 15 August 2025
    assert {d for _, _, d in values(answer, "price")} == {start.isoformat(), LATEST.isoformat()}
    change = (_papa(LATEST) / _papa(start) - 1) * 100
    assert values(answer, "change_pct")[0][0] == pytest.approx(change, abs=0.01)
    assert "No tuve en cuenta" not in answer.text


def test_follow_up_keeps_the_statistic(router: Router) -> None:
    state = ChatState(chat_id=9)
    router.answer("precio máximo de la papa criolla en corabastos en 2023", state)
    answer = router.answer("¿y en 2024?", state)
    weeks = papa_weeks(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert values(answer, "max")[0][0] == max(p for _, p in weeks)


def test_structured_slots_reach_the_same_answers(router: Router) -> None:
    """Buttons, commands and the LLM path produce slots; a statistic and a trade unit travel in them too."""
    top = max(p for _, p in papa_weeks(dt.date(2023, 1, 1), dt.date(2023, 12, 31)))
    answer = router.answer_slots({"intent": "stat", "stat": "max", "product": "papa criolla", "market": "Corabastos",
                                  "start": "2023-01-01", "end": "2023-12-31"})
    assert values(answer, "max")[0][0] == top
    bulto = router.answer_slots({"intent": "price", "product": "papa pastusa", "market": "Corabastos",
                                 "unit": "bulto"})
    assert values(bulto, "trade_price")[0][0] == pytest.approx(values(bulto, "price")[0][0] * 50)
    assert not router.answer_slots({"intent": "stat", "product": "papa criolla"}).values  # no statistic: help


# -- changes between named dates and periods (phrasings from the blind lookup set's first run, in other words) --
def month_mean(year: int, month: int) -> float:
    prices = [p for w, p in papa_weeks(dt.date(year, month, 1), dt.date(year, month, 28) + dt.timedelta(days=4))
              if w.month == month]
    return sum(prices) / len(prices)


@pytest.mark.parametrize("text", [
    "diferencia de la papa criolla en corabastos entre marzo y septiembre de 2024",
    "cuanto vario la papa criolla en corabastos de marzo a septiembre del 2024",
])
def test_change_between_two_months_compares_their_means_and_ends(router: Router, text: str) -> None:
    answer = ask(router, text)
    changes = [v for v, _, _ in values(answer, "change_pct")]
    assert changes[0] == pytest.approx((month_mean(2024, 9) / month_mean(2024, 3) - 1) * 100, abs=0.01)
    weeks = papa_weeks(dt.date(2024, 3, 1), dt.date(2024, 9, 30))
    assert changes[1] == pytest.approx((weeks[-1][1] / weeks[0][1] - 1) * 100, abs=0.01)  # point to point too
    assert answer.intent == "history" and "Bogotá, D.C., Corabastos" in answer.text


@pytest.mark.parametrize("text, start", [
    ("frente al 10 de agosto como va la papa criolla en corabastos, subio?", dt.date(2025, 8, 9)),
    ("la papa criolla en corabastos del 3 de junio de 2024 a hoy cuanto ha cambiado", dt.date(2024, 6, 1)),
    ("papa criolla corabastos: el 2 de febrero de 2025 vs el 4 de octubre de 2025", dt.date(2025, 2, 1)),
])
def test_change_from_a_named_day(router: Router, text: str, start: dt.date) -> None:
    answer = ask(router, text)
    dates = [d for _, _, d in values(answer, "price")]
    assert dates[0] == start.isoformat() and not answer.clarify


def test_a_named_holiday_is_its_day(router: Router) -> None:
    answer = ask(router, "a como estaba la papa criolla en corabastos en navidad del 2023")
    week = dt.date(2023, 12, 23)  # the SIPSA week (Saturday to Friday) that holds 25 December 2023
    assert values(answer, "price") == [(_papa(week), "Papa criolla limpia", week.isoformat())]


def test_all_of_a_year_in_a_follow_up(router: Router) -> None:
    state = ChatState(chat_id=11)
    router.answer("papa criolla en corabastos", state)
    answer = router.answer("y en todo el 2023?", state)
    prices = [p for _, p in papa_weeks(dt.date(2023, 1, 1), dt.date(2023, 12, 31))]
    assert values(answer, "price")[0][0] == pytest.approx(sum(prices) / len(prices))


# -- phrasings from the blind analytics set's first run, said in other words --------------------------------------
def test_how_high_and_rock_bottom(router: Router) -> None:
    weeks = papa_weeks(dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert values(ask(router, "hasta donde llego la papa criolla en corabastos en 2023"), "max")[0][0] == max(
        p for _, p in weeks)
    assert values(ask(router, "en que semana toco fondo la papa criolla en corabastos en 2023"), "min")[0][0] == min(
        p for _, p in weeks)


def test_statistic_in_a_follow_up_without_product(router: Router) -> None:
    state = ChatState(chat_id=12)
    router.answer("papa criolla en corabastos", state)
    answer = router.answer("¿y cuál fue el más bajo en 2024?", state)
    assert values(answer, "min")[0][0] == min(p for _, p in papa_weeks(dt.date(2024, 1, 1), dt.date(2024, 12, 31)))


@pytest.mark.parametrize("text, a, b", [
    ("¿la papa criolla en corabastos estuvo más barata en 2023 que en 2024? en qué porcentaje", 2023, 2024),
    ("la papa criolla en corabastos subio en 2024 frente a 2022?", 2022, 2024),
])
def test_two_years_set_against_each_other(router: Router, text: str, a: int, b: int) -> None:
    def mean(year: int) -> float:
        prices = [p for _, p in papa_weeks(dt.date(year, 1, 1), dt.date(year, 12, 31))]
        return sum(prices) / len(prices)

    answer = ask(router, text)
    assert values(answer, "change_pct")[0][0] == pytest.approx((mean(b) / mean(a) - 1) * 100, abs=0.01)


def test_a_later_month_named_first(router: Router) -> None:
    answer = ask(router, "cuanto subio la papa criolla en corabastos en septiembre frente a marzo de 2024")
    assert values(answer, "change_pct")[0][0] == pytest.approx(
        (month_mean(2024, 9) / month_mean(2024, 3) - 1) * 100, abs=0.01)


def test_a_mean_over_a_range_is_not_a_change(router: Router) -> None:
    answer = ask(router, "precio promedio de la papa criolla en corabastos entre abril y junio de 2024")
    prices = [p for _, p in papa_weeks(dt.date(2024, 4, 1), dt.date(2024, 6, 30))]
    assert values(answer, "price")[0][0] == pytest.approx(sum(prices) / len(prices))
    assert not values(answer, "change_pct")


def test_yearly_change_words(router: Router) -> None:
    assert ask(router, "variacion anual de la papa criolla en corabastos").slots.get("stat") == "yoy"
    assert ask(router, "la papa criolla en corabastos esta mas cara que hace 12 meses?").slots.get("stat") == "yoy"
    # a maximum within last year is not a comparison with last year
    assert ask(router, "cuando llego la papa criolla en corabastos a su precio mas alto el año pasado").slots.get(
        "stat") == "max"


def test_group_movers_and_whole_market_rankings(router: Router) -> None:
    assert values(ask(router, "que fruta subio mas en corabastos esta semana"), "change_pct")[0][1] == "Fresa"
    assert values(ask(router, "lo mas caro que venden en corabastos por kilo"), "price")[0][1] == "Fresa"
    moved = ask(router, "que fruta bajo mas en corabastos en octubre frente a septiembre")
    assert moved.intent == "movers" and "octubre de 2025 frente a septiembre de 2025" in moved.text


def test_season_position_other_words(router: Router) -> None:
    for text in ("para ser octubre, esta barata la papa criolla en corabastos?",
                 "comparado con otros octubres como esta la papa criolla en corabastos"):
        assert ask(router, text).slots.get("stat") == "season_position", text


def test_production_and_vague_comparisons_get_no_figure(router: Router) -> None:
    assert not ask(router, "cuantas hectareas sembradas de papa criolla hay").values
    vague = ask(router, "como esta la papa criolla en corabastos comparada con lo de antes")
    assert vague.clarify and not vague.values


def test_a_food_group_where_a_product_goes_asks_which(router: Router) -> None:
    answer = ask(router, "a como esta la fruta en corabastos")
    assert answer.clarify and not answer.values
    assert {c.label for c in answer.clarify} <= {"Fresa", "Mango Tommy", "Mango de azúcar"}


# -- phrasings from the second blind lookup set's first run, said in other words ---------------------------------
def test_dates_said_in_words_and_bare_years(router: Router) -> None:
    answer = ask(router, "el diez de marzo de dos mil veintitres a como estaba la papa criolla en corabastos")
    week = dt.date(2023, 3, 4)  # the SIPSA week that holds 10 March 2023
    assert values(answer, "price") == [(_papa(week), "Papa criolla limpia", week.isoformat())]
    bare = ask(router, "papa criolla corabastos 2022")
    prices = [p for _, p in papa_weeks(dt.date(2022, 1, 1), dt.date(2022, 12, 31))]
    assert values(bare, "price")[0][0] == pytest.approx(sum(prices) / len(prices))
    assert ask(router, "avisame si la papa criolla en corabastos baja de 2000").intent == "alert"  # money, not a year


def test_bare_years_set_against_each_other(router: Router) -> None:
    def mean(year: int) -> float:
        prices = [p for _, p in papa_weeks(dt.date(year, 1, 1), dt.date(year, 12, 31))]
        return sum(prices) / len(prices)

    for text in ("la papa criolla en corabastos, 2022 contra 2023, cuanto cambio?",
                 "cambio del precio de la papa criolla en corabastos entre 2022 y 2023"):
        change = values(ask(router, text), "change_pct")
        assert change and change[0][0] == pytest.approx((mean(2023) / mean(2022) - 1) * 100, abs=0.01)


def test_follow_ups_keep_the_trade_unit_and_the_product_named_again(router: Router) -> None:
    state = ChatState(chat_id=21)
    router.answer("cuanto vale el bulto de papa pastusa en corabastos", state)
    again = router.answer("¿y la semana pasada?", state)
    assert values(again, "trade_price")[0][0] == pytest.approx(values(again, "price")[0][0] * 50)
    state = ChatState(chat_id=22)
    router.answer("precio de la papa criolla en corabastos", state)
    same = router.answer("y esa misma papa en marzo de 2024?", state)
    assert same.values and not same.clarify and same.values[0].product == "Papa criolla limpia"


def test_a_family_word_offers_the_kinds_priced_in_the_place(router: Router) -> None:
    answer = ask(router, "a como esta el tomate en medellin")
    assert [c.label for c in answer.clarify] == ["Tomate chonto"]  # the only tomato priced in Medellín
    assert not answer.values


# -- phrasings from the second blind analytics set's first run, said in other words ------------------------------
def test_abbreviations_and_how_high_it_got(router: Router) -> None:
    weeks = papa_weeks(dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert values(ask(router, "max de la papa criolla corabastos en 2023"), "max")[0][0] == max(p for _, p in weeks)
    assert values(ask(router, "a cuanto llego como maximo la papa criolla en corabastos en 2023"), "max")[0][0] == max(
        p for _, p in weeks)


def test_now_against_a_year_ago_and_seller_seasons(router: Router) -> None:
    assert ask(router, "papa criolla en corabastos: el precio de hoy contra el de hace un año").slots.get(
        "stat") == "yoy"
    sells = ask(router, "voy a sembrar papa criolla para vender en corabastos, en que mes se paga mejor")
    assert values(sells, "month")[0][0] == 9  # dearest: September
    assert values(ask(router, "en que mes se pone barata la papa criolla en corabastos"), "month")[0][0] == 3


def test_single_mover_words_and_two_points_apart(router: Router) -> None:
    assert ask(router, "cual fue la mayor alza de la semana en corabastos").intent == "movers"
    answer = ask(router, "comparado con marzo de 2024, como estuvo la papa criolla en corabastos en septiembre de 2024")
    assert values(answer, "change_pct")[0][0] == pytest.approx(
        (month_mean(2024, 9) / month_mean(2024, 3) - 1) * 100, abs=0.01)


# -- phrasings from the third blind lookup set's first run, said in other words ----------------------------------
def test_one_kind_priced_in_the_place_answers_it_and_says_so(router: Router) -> None:
    answer = ask(router, "a como esta el mango en corabastos")  # Mango Tommy is the only mango priced there
    assert values(answer, "price")[0][1] == "Mango Tommy" and "única clase" in answer.text


def test_a_distinctive_word_names_its_food(router: Router) -> None:
    answer = ask(router, "cuanto cobran x la criolla en corabastos")  # "criolla": only papa criolla is priced
    assert values(answer, "price")[0][1] == "Papa criolla limpia"


def test_there_in_a_follow_up_and_days_without_a_year(router: Router) -> None:
    state = ChatState(chat_id=31)
    router.answer("a como esta la fresa en corabastos", state)
    there = router.answer("listo, y el mango tommy alla?", state)
    assert values(there, "price")[0][1] == "Mango Tommy" and there.values[0].market == CORA
    change = ask(router, "papa criolla corabastos entre el 10 de marzo y el 10 de septiembre de 2024, cuanto vario")
    assert [d for _, _, d in values(change, "price")][:2] == ["2024-03-09", "2024-09-07"]


# -- phrasings from the third blind analytics set's first run, said in other words -------------------------------
def test_bare_months_quarters_and_years_set_against_each_other(router: Router) -> None:
    answer = ask(router, "papa criolla corabastos septiembre 2024 vs marzo 2024 en porcentaje")
    assert values(answer, "change_pct")[0][0] == pytest.approx(
        (month_mean(2024, 9) / month_mean(2024, 3) - 1) * 100, abs=0.01)
    low = ask(router, "papa criolla corabastos 2023 precio minimo")
    assert values(low, "min")[0][0] == min(p for _, p in papa_weeks(dt.date(2023, 1, 1), dt.date(2023, 12, 31)))
    span = ask(router, "papa criolla corabastos, precio medio marzo-mayo 2024")
    prices = [p for _, p in papa_weeks(dt.date(2024, 3, 1), dt.date(2024, 5, 31))]
    assert values(span, "price")[0][0] == pytest.approx(sum(prices) / len(prices))


def test_more_year_over_year_and_season_words(router: Router) -> None:
    assert ask(router, "papa criolla en corabastos cuanto ha subido en un año").slots.get("stat") == "yoy"
    assert ask(router, "papa criolla corabastos, anual, sube o baja").slots.get("stat") == "yoy"
    assert ask(router, "la papa criolla en corabastos esta por encima de lo usual pa octubre?").slots.get(
        "stat") == "season_position"
    assert ask(router, "en corabastos cual fue el producto q mas bajo esta semana").intent == "movers"


# -- phrasings from the fourth blind analytics set's first run, said in other words ------------------------------
def test_quarter_codes_elliptic_quarters_and_compare_with(router: Router) -> None:
    def quarter_mean(year: int, q: int) -> float:
        prices = [p for w, p in papa_weeks(dt.date(year, 3 * q - 2, 1), dt.date(year, 3 * q, 28) + dt.timedelta(days=3))
                  if (w.month - 1) // 3 + 1 == q]
        return sum(prices) / len(prices)

    coded = ask(router, "Q3 2024 vs Q3 2023 papa criolla corabastos, cambio porcentual")
    assert values(coded, "change_pct")[0][0] == pytest.approx((quarter_mean(2024, 3) / quarter_mean(2023, 3) - 1) * 100,
                                                              abs=0.01)
    elliptic = ask(router, "variacion de la papa criolla en corabastos del primer al tercer trimestre de 2024")
    assert values(elliptic, "change_pct")[0][0] == pytest.approx(
        (quarter_mean(2024, 3) / quarter_mean(2024, 1) - 1) * 100, abs=0.01)
    both = ask(router, "compara septiembre 2024 con marzo 2024 para la papa criolla en corabastos")
    assert values(both, "change_pct")[0][0] == pytest.approx((month_mean(2024, 9) / month_mean(2024, 3) - 1) * 100,
                                                             abs=0.01)


def test_year_ago_words_inside_a_date_are_the_date(router: Router) -> None:
    answer = ask(router, "desde el 24 de diciembre del año pasado cuanto ha variado la papa criolla en corabastos")
    assert answer.slots.get("stat") is None and values(answer, "price")[0][2] == "2024-12-21"
    assert ask(router, "hace un año la papa criolla en corabastos valia mas o menos que ahora").slots.get(
        "stat") == "yoy"
    low = ask(router, "xfa lo mas bajo q a tenido la papa criolla en corabastos")
    assert values(low, "min")[0][0] == min(p for _, p in papa_weeks(FIRST, LATEST))


# -- phrasings from the fifth blind analytics set's first run, said in other words -------------------------------
def test_ordinal_quarters_elliptic_second_and_days_without_de(router: Router) -> None:
    def quarter_mean(year: int, q: int) -> float:
        prices = [p for w, p in papa_weeks(dt.date(year, 1, 1), dt.date(year, 12, 31)) if (w.month - 1) // 3 + 1 == q]
        return sum(prices) / len(prices)

    first = ask(router, "promedio de la papa criolla en corabastos durante el 3º trimestre de 2024")
    assert values(first, "price")[0][0] == pytest.approx(quarter_mean(2024, 3))
    pair = ask(router, "como estuvo la papa criolla en corabastos en el tercer trimestre frente al primero del 2024")
    assert values(pair, "change_pct")[0][0] == pytest.approx((quarter_mean(2024, 3) / quarter_mean(2024, 1) - 1) * 100,
                                                             abs=0.01)
    days = ask(router, "papa criolla corabastos, 13 abril 2024 frente a 14 septiembre 2024?")
    assert [d for _, _, d in values(days, "price")][:2] == ["2024-04-13", "2024-09-14"]


def test_more_ways_to_set_now_against_a_year_ago(router: Router) -> None:
    for text in ("hace un año como estaba la papa criolla en corabastos comparado con ahora",
                 "la papa criolla en corabastos vale mas o menos que en esta misma epoca del año pasado",
                 "la papa criolla en corabastos subio este mes frente al mismo mes del año anterior"):
        assert ask(router, text).slots.get("stat") == "yoy", text
    assert ask(router, "valor mediano de la papa criolla en corabastos en 2024").slots.get("stat") == "median"


# -- questions it was not built for: they ask back, never answer another question -------------------------------
@pytest.mark.parametrize("text", [
    "cuantas veces estuvo la papa criolla en corabastos por encima de 5.000 en 2024",
    "que tan volatil es la papa criolla en corabastos",
    "conviene comprar papa criolla en corabastos ahora o esperar",
    "precio de la papa criolla en corabastos en dolares",
])
def test_questions_beyond_the_statistics_ask_back(router: Router, text: str) -> None:
    answer = ask(router, text)
    assert answer.clarify and not answer.values


def test_several_trade_units(router: Router) -> None:
    answer = ask(router, "si compro 3 bultos de papa pastusa en corabastos cuanto pago")
    assert values(answer, "trade_price")[0][0] == pytest.approx(values(answer, "price")[0][0] * 150)


# -- follow-ups that change the statistic, and readings added after blind11 ----------------------------------------
def test_a_follow_up_naming_another_statistic_answers_that_one(router: Router) -> None:
    state = ChatState(chat_id=21)
    router.answer("¿cuál fue el pico de la papa criolla en corabastos en 2024?", state)
    low = router.answer("¿y el más bajo?", state)
    weeks = papa_weeks(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert values(low, "min")[0][0] == min(p for _, p in weeks)
    state = ChatState(chat_id=22)
    router.answer("a cómo está la papa criolla en corabastos", state)
    season = router.answer("¿y eso es caro para la época?", state)
    assert [v.kind for v in season.values] == ["price", "position"]


def test_the_year_so_far_and_a_time_that_cannot_be_placed(router: Router) -> None:
    so_far = ask(router, "lo más caro que ha llegado a estar la papa criolla en corabastos en lo que llevamos de año")
    weeks = papa_weeks(dt.date(2025, 1, 1), LATEST)
    assert values(so_far, "max")[0][0] == max(p for _, p in weeks)
    unplaced = ask(router, "el precio más alto de la papa criolla en corabastos durante el paro camionero")
    assert not unplaced.values and "No entendí la fecha" in unplaced.text and "paro" in unplaced.text


def test_how_cheap_it_got_is_a_minimum(router: Router) -> None:
    got = ask(router, "qué tan barata se puso la papa criolla en corabastos en 2023")
    assert values(got, "min")[0][0] == min(p for _, p in papa_weeks(dt.date(2023, 1, 1), dt.date(2023, 12, 31)))


def test_movers_between_two_dates_compare_those_two_weeks_and_lead_with_what_was_asked(router: Router) -> None:
    got = ask(router, "¿qué bajó más en corabastos entre el 18 de octubre y el 25 de octubre de 2025?")
    first = got.values[0]
    assert first.product == "Mango Tommy" and first.value == -25.0
    assert got.text.splitlines()[1] == "Bajaron:"
    state = ChatState(chat_id=23)
    router.answer("¿qué subió más esta semana en la mayorista de medellín?", state)
    falls = router.answer("¿y qué fue lo que más bajó?", state)
    assert MED in falls.text and all(v.market == MED for v in falls.values)


# -- readings added after blind12 (in other words than that set) ------------------------------------------------
def test_colloquial_extremes_and_year_over_year_words(router: Router) -> None:
    year = papa_weeks(dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    roof = ask(router, "¿cuándo tocó techo la papa criolla en corabastos en 2023?")
    assert values(roof, "max")[0][0] == max(p for _, p in year)
    low = ask(router, "dígame el precio más bajito de la papa criolla en corabastos en 2023")
    assert values(low, "min")[0][0] == min(p for _, p in year)
    yoy = ask(router, "papa criolla corabastos yoy")
    assert [v.kind for v in yoy.values].count("change_pct") == 1
    season = ask(router, "mes de mayor precio estacional de la papa criolla en corabastos")
    assert values(season, "month")[0][0] == 9


def test_bare_follow_ups_keep_the_statistic(router: Router) -> None:
    state = ChatState(chat_id=31)
    router.answer("¿en qué mes se consigue más barata la papa criolla en corabastos?", state)
    assert values(router.answer("¿y la más cara?", state), "month")[0][0] == 9
    state = ChatState(chat_id=32)
    router.answer("¿cuál es la verdura más cara en corabastos?", state)
    fruit = router.answer("¿y las frutas?", state)
    assert fruit.values[0].product == "Fresa"
    state = ChatState(chat_id=33)
    router.answer("¿cuántos productos cotiza corabastos?", state)
    there = router.answer("¿y en medellín cuántos?", state)
    assert values(there, "count")[0][0] == 3  # tomato and the two mangos


def test_changes_said_in_other_ways(router: Router) -> None:
    slip = ask(router, "cuánto a subido la papa criolla en corabastos desde hace dos meses")
    assert slip.slots.get("period_kind") == "since" and values(slip, "change_pct")
    now = ask(router, "papa criolla en corabastos hace 3 semanas vs hoy, cuánto cambió")
    assert now.slots.get("period_kind") == "since"
    pair = ask(router, "compara la papa criolla en corabastos el 4 de enero de 2025 con el del 1 de marzo de 2025")
    assert [v.date for v in pair.values if v.kind == "price"][:2] == ["2025-01-04", "2025-03-01"]
    central = ask(router, "precio más alto del tomate chonto en la central de abastos de medellín en 2024")
    assert values(central, "max") and central.values[0].market == MED
    national = ask(router, "para el informe de abastos: a nivel nacional, ¿qué subió más esta semana?")
    assert all(v.market is None for v in national.values)


# -- readings added after blind13 (in other words than that set) ------------------------------------------------
def test_compared_with_a_year_ago_in_the_plural_is_year_over_year(router: Router) -> None:
    got = ask(router, "las papas criollas de corabastos, comparadas con hace un año, ¿están más caras o más baratas?")
    assert [v.kind for v in got.values].count("change_pct") == 1 and got.slots.get("stat") == "yoy"


def test_follow_ups_keep_the_group_of_movers_and_take_a_trade_unit(router: Router) -> None:
    state = ChatState(chat_id=41)
    router.answer("¿qué frutas subieron más esta semana en corabastos?", state)
    falls = router.answer("¿y cuáles bajaron más?", state)
    assert falls.values[0].product == "Mango Tommy" and all(v.product != "Papa criolla limpia" for v in falls.values)
    state = ChatState(chat_id=42)
    first = router.answer("¿cuánto vale la arroba de papa criolla en corabastos?", state)
    sack = router.answer("¿y el bulto?", state)
    price = values(first, "price")[0][0]
    assert values(sack, "trade_price")[0][0] == pytest.approx(price * 50)


def test_prices_set_against_an_amount_ask_back(router: Router) -> None:
    # how many weeks were above an amount is computed by no answer here: no figure of another question
    got = ask(router, "en 2023, ¿cuántas semanas estuvo la papa criolla de corabastos por debajo de 1.300 pesos?")
    assert not got.values and got.clarify and "1.300" in got.text
    assert values(ask(router, "¿cuál fue el precio más alto de la papa criolla en corabastos en 2023?"), "max")


# -- readings added after the first long-tail blind set (in other words than that set) ---------------------------
def test_the_dearest_or_cheapest_week_of_a_period_is_its_maximum_or_minimum(router: Router) -> None:
    weeks = papa_weeks(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    dear = ask(router, "papa criolla corabastos, cual fue la fecha de mayor precio desde marzo de 2025")
    assert values(dear, "max")[0][0] == max(p for _, p in papa_weeks(dt.date(2025, 3, 1), dt.date(2025, 10, 31)))
    cheap = ask(router, "y cuál fue la fecha más barata de la papa criolla en corabastos en 2024?")
    assert values(cheap, "min")[0][0] == min(p for _, p in weeks)
    # "esta semana" beside "más cara" is not the dearest week of anything
    assert ask(router, "esta semana la papa criolla en corabastos está más cara?").slots.get("stat") != "max"


def test_the_mean_said_as_media_over_a_range_is_the_mean_not_a_change(router: Router) -> None:
    prices = [p for _, p in papa_weeks(dt.date(2024, 2, 1), dt.date(2024, 4, 30))]
    got = ask(router, "la media de la papa criolla de corabastos entre febrero y abril de 2024")
    assert values(got, "price")[0][0] == pytest.approx(sum(prices) / len(prices)) and not values(got, "change_pct")
    half = ask(router, "a como sale media libra de papa criolla en corabastos")  # a unit, not the mean
    assert values(half, "price") and half.intent == "price"


def test_how_the_mean_changed_between_two_months_and_how_much_it_moved(router: Router) -> None:
    got = ask(router, "papa criolla en corabastos: cómo cambió el promedio de mayo frente a abril de 2024")
    assert values(got, "change_pct")[0][0] == pytest.approx((month_mean(2024, 5) / month_mean(2024, 4) - 1) * 100,
                                                            abs=0.01)
    span = ask(router, "cómo varió la papa criolla de corabastos de febrero a junio de 2024")
    assert values(span, "change_pct")[0][0] == pytest.approx((month_mean(2024, 6) / month_mean(2024, 2) - 1) * 100,
                                                             abs=0.01)
    since = ask(router, "q tanto ha subido la papa criolla en corabastos desde el 1 de agosto de 2025")
    assert values(since, "change_pct") and since.intent == "history"


def test_a_period_said_once_and_then_only_by_its_year(router: Router) -> None:
    got = ask(router, "papa criolla corabastos: junio de 2024 frente al de 2023, cuánto subió")
    assert values(got, "change_pct")[0][0] == pytest.approx((month_mean(2024, 6) / month_mean(2023, 6) - 1) * 100,
                                                            abs=0.01)


def test_the_same_week_of_last_year_is_year_over_year(router: Router) -> None:
    got = ask(router, "la papa criolla en corabastos comparada con esta misma semana del año pasado")
    assert got.slots.get("stat") == "yoy" and values(got, "change_pct")


# -- readings added after the blind18-longtail first run (in other words than that set) --------------------------
def test_comparing_with_ones_own_price_is_not_comparing_markets(router: Router) -> None:
    got = ask(router, "la papa criolla en corabastos la semana pasada, pa comparar con el precio que me dieron")
    assert got.intent == "price_at" and values(got, "price")[0][2] == "2025-10-25" and len(got.values) <= 3


def test_markets_side_by_side_in_the_week_asked_or_asked_which_week(router: Router) -> None:
    week = ask(router, "compara la papa criolla en todos los mercados hace dos semanas")
    assert week.intent == "compare" and {v.date for v in week.values} == {"2025-10-18"}
    month = ask(router, "en qué mercado estuvo más barata la papa criolla en julio de 2024")
    assert month.clarify and not month.values  # a month is not one week: which week, rather than another's figures
    assert any("27/07/2024" in c.text for c in month.clarify)


def test_a_named_food_keeps_its_maximum_against_a_whole_market_ranking(router: Router) -> None:
    got = ask(router, "la papa en corabastos, qué es lo más caro que estuvo en 2024?")
    assert got.clarify and not got.values  # which papa, then its maximum; not the dearest products of the market


def test_percent_sign_and_the_other_part_of_the_same_year(router: Router) -> None:
    pct = ask(router, "papa criolla corabastos, en cuanto % subio de febrero a mayo de 2024")
    assert values(pct, "change_pct")[0][0] == pytest.approx((month_mean(2024, 5) / month_mean(2024, 2) - 1) * 100,
                                                            abs=0.01)
    halves = ask(router, "papa criolla corabastos: el segundo semestre de 2024 frente al primero, variacion")
    assert values(halves, "change_pct") and halves.intent == "history"
