"""The product resolver on the whole real vocabulary (an empty mirror seeds data/vocab/products.csv; with no
prices every product counts as priced), in words of its own."""

from __future__ import annotations

import datetime as dt

import pytest

from data.db import MEMORY, open_db
from models.lang import normalise, singular, words
from models.resolve import Vocabulary, vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return vocabulary(open_db(MEMORY).conn)


def _match(vocab: Vocabulary, text: str) -> tuple[str, list[str]]:
    m = vocab.match_product([singular(w) for w in words(normalise(text))])
    return m.status, [c.name for c in m.candidates]


@pytest.mark.parametrize("text, grade", [
    ("a cuánto está el huevo blanco B en la central", "Huevo blanco B"),
    ("a como se consigue el huevo rojo a esta semana", "Huevo rojo A"),
    ("huevo blanco aa en medellin", "Huevo blanco AA"),
])
def test_a_grade_letter_after_the_name_is_read_even_when_a_preposition_a_came_first(
        vocab: Vocabulary, text: str, grade: str) -> None:
    assert _match(vocab, text) == ("ok", [grade])


def test_a_grade_letter_away_from_the_name_is_not_a_grade(vocab: Vocabulary) -> None:
    status, names = _match(vocab, "a cuánto el huevo rojo hoy")
    assert status == "ambiguous" and "Huevo rojo A" in names and "Huevo rojo AA" in names


def test_a_name_word_left_out_by_a_complete_match_makes_the_product_a_question(vocab: Vocabulary) -> None:
    # "rabadilla" + "pollo" completes "Rabadillas de pollo", but "pernil … con rabadilla" is another cut
    status, names = _match(vocab, "cuánto vale la libra de pernil de pollo con rabadilla")
    assert status == "ambiguous" and names == ["Rabadillas de pollo", "Pierna pernil con rabadilla"]


@pytest.mark.parametrize("text, product", [
    ("muslos de pollo con rabadilla", "Muslos de pollo con rabadilla"),
    ("el bulto de arroz de primera", "Arroz de primera"),  # a trade unit named in a product is no rival
    ("rabadillas de pollo en galerías", "Rabadillas de pollo"),
])
def test_complete_names_with_no_word_left_out_still_answer(vocab: Vocabulary, text: str, product: str) -> None:
    assert _match(vocab, text) == ("ok", [product])


def test_a_place_after_en_is_not_read_into_a_product_name(vocab: Vocabulary) -> None:
    from models.parse import parse

    asked = parse("a como esta la papa en huila", vocab, today=dt.date(2025, 11, 3), latest=None)
    assert asked.product.status == "ambiguous" and "Papa ICA-Huila" not in [c.name for c in asked.product.candidates]
    named = parse("a como esta la papa ica huila en pasto", vocab, today=dt.date(2025, 11, 3),
                  latest=None)
    assert named.product.status == "ok" and named.product.product is not None
    assert named.product.product.name == "Papa ICA-Huila"


def test_a_town_name_two_departments_share_is_asked_about() -> None:
    from models.answer import ChatState
    from models.router import Router

    conn = open_db(MEMORY).conn
    router = Router(lambda: conn, today=lambda: dt.date(2025, 11, 3))
    state = ChatState(chat_id=1)
    asked = router.answer("a cómo está la cebolla cabezona blanca en la unión", state)
    assert not asked.values and [c.label for c in asked.clarify] == ["La Unión (Antioquia)", "La Unión (Nariño)"]
    assert "La Unión (Nariño)" in asked.clarify[1].text  # the option is the same question, for that town


def test_a_month_the_period_read_is_not_read_as_a_product_too(vocab: Vocabulary) -> None:
    from models.parse import parse

    asked = parse("y en enero de 2023?", vocab, today=dt.date(2025, 11, 3), latest=None)
    assert asked.product.status == "none" and asked.period is not None and asked.period.kind == "month"
