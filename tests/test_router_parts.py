"""Spanish dates, numbers and text helpers of the router, and the intent schema."""

from __future__ import annotations

import datetime as dt

import pytest

from models.dates import describe, parse_period
from models.lang import distance, normalise, singular
from models.numbers import amounts, words_to_number
from models.slots import SLOT_SCHEMA, Intent, clean_slots

TODAY = dt.date(2025, 11, 3)  # a Monday
LATEST = dt.date(2025, 10, 25)  # a Saturday: start of the newest SIPSA week


@pytest.mark.parametrize("text, start, end, kind", [
    ("en marzo de 2024", "2024-03-01", "2024-03-31", "month"),
    ("marzo 2024", "2024-03-01", "2024-03-31", "month"),
    ("en marzo", "2025-03-01", "2025-03-31", "month"),
    ("en diciembre", "2024-12-01", "2024-12-31", "month"),
    ("el 15/04/2024", "2024-04-15", "2024-04-15", "day"),
    ("15-04-24", "2024-04-15", "2024-04-15", "day"),
    ("el 3 de mayo de 2025", "2025-05-03", "2025-05-03", "day"),
    ("la semana pasada", "2025-10-25", "2025-10-31", "week"),
    ("hace un mes", "2025-09-27", "2025-10-03", "week"),
    ("hace 3 semanas", "2025-10-11", "2025-10-17", "week"),
    ("hace dos meses", "2025-08-30", "2025-09-05", "week"),
    ("el mes pasado", "2025-10-01", "2025-10-31", "month"),
    ("en 2023", "2023-01-01", "2023-12-31", "year"),
    ("el año pasado", "2024-01-01", "2024-12-31", "year"),
    ("entre enero y marzo de 2024", "2024-01-01", "2024-03-31", "range"),
    ("entre noviembre y febrero de 2024", "2023-11-01", "2024-02-29", "range"),
    ("desde el 01/02/2025 hasta el 15/03/2025", "2025-02-01", "2025-03-15", "range"),
    ("en las últimas 8 semanas", "2025-09-06", "2025-10-31", "window"),
    ("ultimas cuatro semanas", "2025-10-04", "2025-10-31", "window"),
    ("la semana antepasada", "2025-10-18", "2025-10-24", "week"),
    ("el mes antepasado", "2025-09-01", "2025-09-30", "month"),
    ("la primera semana de marzo de 2025", "2025-03-01", "2025-03-07", "week"),
    ("la última semana de febrero", "2025-02-22", "2025-02-28", "week"),
    ("el primer trimestre de 2024", "2024-01-01", "2024-03-31", "quarter"),
    ("en el 3er trimestre del 2023", "2023-07-01", "2023-09-30", "quarter"),
    ("el cuarto trimestre", "2025-10-01", "2025-12-31", "quarter"),  # the latest one that has started
    ("el último trimestre de 2024", "2024-10-01", "2024-12-31", "quarter"),
    ("el trimestre pasado", "2025-07-01", "2025-09-30", "quarter"),
    ("este trimestre", "2025-10-01", "2025-12-31", "quarter"),
    ("el segundo semestre de 2024", "2024-07-01", "2024-12-31", "semester"),
    ("primer semestre 2024", "2024-01-01", "2024-06-30", "semester"),
    ("el primer semestre del año pasado", "2024-01-01", "2024-06-30", "semester"),
    ("el semestre pasado", "2025-01-01", "2025-06-30", "semester"),
    ("el semestre anterior", "2025-01-01", "2025-06-30", "semester"),
    ("el último semestre", "2025-04-26", "2025-10-25", "window"),  # the latest six months of data
    ("el último trimestre", "2025-07-26", "2025-10-25", "window"),
    ("los últimos dos trimestres", "2025-04-26", "2025-10-25", "window"),
    # relative points inside ranges and "since", the year so far, "X o Y" as a comparison
    ("desde hace dos semanas", "2025-10-18", "2025-10-31", "since"),
    ("de hace tres semanas a la semana pasada", "2025-10-11", "2025-10-31", "range"),
    ("entre la semana pasada y hace dos meses", "2025-08-30", "2025-10-31", "range"),
    ("en lo que llevamos del año", "2025-01-01", "2025-12-31", "year"),
    ("lo corrido de 2024", "2024-01-01", "2024-12-31", "year"),
    ("¿más caro en abril o en marzo de 2024?", "2024-03-01", "2024-04-30", "range"),
    ("entre el 9-ago-2025 y el 18/oct/2025", "2025-08-09", "2025-10-18", "range"),
    ("promedio 2023 vs promedio 2024", "2023-01-01", "2024-12-31", "range"),
])
def test_periods(text: str, start: str, end: str, kind: str) -> None:
    period = parse_period(normalise(text), TODAY, LATEST)
    assert period is not None, text
    assert (period.start.isoformat(), period.end.isoformat(), period.kind) == (start, end, kind)


@pytest.mark.parametrize("text", ["precio de la papa criolla", "hoy", "en corabastos", "31/02/2024", "de 2 a 3",
                                  "el trimestre", "trimestral"])
def test_no_period(text: str) -> None:
    assert parse_period(normalise(text), TODAY, LATEST) is None


def test_quarter_in_the_new_year_is_last_years() -> None:
    january = dt.date(2026, 1, 10)
    period = parse_period(normalise("el trimestre pasado"), january, LATEST)
    assert period is not None and (period.start, period.end) == (dt.date(2025, 10, 1), dt.date(2025, 12, 31))
    second = parse_period(normalise("el segundo trimestre"), january, LATEST)
    assert second is not None and second.start == dt.date(2025, 4, 1)  # not one that has not started yet
    assert describe(second) == "el segundo trimestre de 2025"


@pytest.mark.parametrize("text, value", [
    ("baja de 2.500", 2500.0), ("$2.500", 2500.0), ("2 mil", 2000.0), ("2,5 mil", 2500.0), ("$ 1.234.567", 1234567.0),
    ("3500 pesos", 3500.0), ("dos mil quinientos", 2500.0), ("mil", 1000.0), ("12,5", 12.5),
])
def test_amounts(text: str, value: float) -> None:
    found = [a for a in amounts(normalise(text)) if not a.percent]
    assert found and found[0].value == value


def test_percent_and_words() -> None:
    assert [a.value for a in amounts(normalise("sube más del 10%")) if a.percent] == [10.0]
    assert [a.value for a in amounts(normalise("un 15 por ciento")) if a.percent] == [15.0]
    assert words_to_number("tres mil doscientos") == 3200.0
    assert words_to_number("papa") is None


def test_text_helpers() -> None:
    assert normalise("¿A cuánto está la PAPA, en Bogotá?") == "a cuanto esta la papa en bogota"
    assert normalise("Año ÑAME") == "año ñame"
    assert [singular(w) for w in ["papas", "limones", "tomates", "coles", "lapices", "res", "kg"]] == [
        "papa", "limon", "tomate", "col", "lapiz", "res", "kg"]
    assert distance("criolla", "critolla") == 1 and distance("pastusa", "pastsua") == 1
    assert distance("papa", "yuca", limit=1) == 2


def test_slot_schema_and_cleaning() -> None:
    assert set(SLOT_SCHEMA["properties"]["intent"]["enum"]) == {i.value for i in Intent} - {"clarify"}
    assert "price" not in SLOT_SCHEMA["properties"]  # the LLM can never hand over a figure to show
    cleaned = clean_slots({"intent": "alert", "product": " papa ", "threshold": 2000, "horizon": 99, "freq": "X",
                           "direction": "below", "start": "2024-13", "markets": ["a", 3], "evil": "x"})
    assert cleaned == {"product": "papa", "threshold": 2000.0, "direction": "below", "markets": ["a"]}
    assert clean_slots("nonsense") == {}  # type: ignore[arg-type]
