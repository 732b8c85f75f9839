"""How the router uses the LLM's intent object: only to fill what the rules left open, never against what they
found with confidence, never to answer for a product the user did not name; a full queue says so at once.

Merge-policy cases use a fixed intent object (what the model would have said) so each rule of the policy is
checked exactly; the busy path and two policy cases run through the real tiny GGUF worker.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from data import demo
from data.db import connect, open_db
from models.answer import Answer, ChatState, Choice
from models.llm.worker import BUSY_TEXT, LLMParser, LLMWorker, ModelRunner
from models.router import Router
from tests.gguf_tiny import write_tiny_llama

END_WEEK = dt.date(2025, 10, 25)
TODAY = dt.date(2025, 11, 3)
# The rules read product, market and intent keyword, but three words explain nothing: unsure, so the LLM is asked.
SURE_BITS_UNSURE = "precio de la papa criolla en corabastos dice mi compadre fulano mengano"
NO_KEYWORD = "papa criolla corabastos ese berraco mercado loco hermano"  # product + market, no intent keyword
PAPA, CORABASTOS = "Papa criolla limpia", "Bogotá, D.C., Corabastos"


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    path = tmp_path_factory.mktemp("router_llm") / "mirror.db"
    db = open_db(path)
    demo.build(db.conn, end_week=END_WEEK, weeks=20)
    db.conn.close()
    reader = connect(path, readonly=True)
    yield reader
    reader.close()


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tiny_llama(tmp_path_factory.mktemp("router_llm_model") / "tiny.gguf")


def _ask(conn: Any, text: str, said: dict[str, Any] | None) -> tuple[Answer, list[str]]:
    """The router's answer when the LLM would answer `said`, and the questions the LLM was asked."""
    asked: list[str] = []

    def llm(question: str, _state: ChatState, _today: dt.date, _options: tuple[str, ...]) -> dict[str, Any] | None:
        asked.append(question)
        return dict(said) if said is not None else None

    return Router(lambda: conn, llm=llm, today=lambda: TODAY).answer(text, ChatState()), asked


def _rules_only(conn: Any, text: str) -> Answer:
    return Router(lambda: conn, today=lambda: TODAY).answer(text, ChatState())


# -- confident rule findings win -------------------------------------------------------------------------------------
@pytest.mark.parametrize("said", [
    {"intent": "movers"},  # against the intent keyword "precio"
    {"intent": "out_of_scope"},  # small talk against a product the rules resolved
    {"intent": "price", "product": "tomate chonto"},  # another product
    {"intent": "price", "product": "papa criolla", "market": "medellin"},  # another market
])
def test_rules_win_over_a_conflicting_llm(conn: Any, said: dict[str, Any]) -> None:
    answer, asked = _ask(conn, SURE_BITS_UNSURE, said)
    assert asked == [SURE_BITS_UNSURE]  # the rules were unsure, so the model was asked
    rules = _rules_only(conn, SURE_BITS_UNSURE)
    assert answer.intent == rules.intent == "price"
    assert (answer.slots["product"], answer.slots["market"]) == (PAPA, CORABASTOS)
    assert answer.values == rules.values and answer.values[0].date == "2025-10-25"


def test_rules_period_wins(conn: Any) -> None:
    text = "precio de la papa criolla en corabastos en marzo de 2025 dice mi compadre fulano mengano"
    answer, asked = _ask(conn, text, {"intent": "price_at", "product": "papa criolla", "start": "2025-04-01",
                                      "end": "2025-04-30"})
    assert asked and answer.intent == "price_at"
    assert (answer.slots["start"] >= "2025-02-22", answer.slots["end"] <= "2025-03-31") == (True, True)
    assert answer.values == _rules_only(conn, text).values


def test_small_talk_never_replaces_a_resolved_product(conn: Any) -> None:
    answer, asked = _ask(conn, NO_KEYWORD, {"intent": "greeting"})
    assert asked and answer.intent == "price" and answer.slots["product"] == PAPA and answer.values


def test_an_intent_the_rules_only_guessed_is_filled_in(conn: Any) -> None:
    answer, asked = _ask(conn, NO_KEYWORD, {"intent": "history", "product": "papa criolla"})
    assert asked and answer.intent == "history"
    assert answer.slots["product"] == PAPA and answer.slots["market"] == CORABASTOS and answer.values
    assert answer.chart is not None


def test_a_data_intent_without_any_product_is_not_taken(conn: Any) -> None:
    answer, asked = _ask(conn, "asdfgh qwerty", {"intent": "priciest"})
    assert asked and answer.intent == "out_of_scope" and not answer.values


@pytest.mark.parametrize("said", [None, {"intent": "nonsense"}, {"product": "papa criolla"},
                                  {"intent": "price", "product": "papa criolla", "start": "2024-13-45"}])
def test_nothing_usable_leaves_the_rule_answer(conn: Any, said: dict[str, Any] | None) -> None:
    answer, asked = _ask(conn, NO_KEYWORD, said)  # timeout, invalid output, a date that does not exist
    assert asked and answer.values == _rules_only(conn, NO_KEYWORD).values and answer.intent == "price"


def test_a_period_the_rules_could_not_read_is_filled_in(conn: Any) -> None:
    text = "papa criolla en corabastos la quincena pasada ome pues"
    answer, asked = _ask(conn, text, {"intent": "price", "start": "2025-10-16", "end": "2025-10-31"})
    assert asked and answer.intent == "price_at" and answer.slots["product"] == PAPA
    assert (answer.slots["start"], answer.slots["end"]) == ("2025-10-16", "2025-10-31") and answer.values
    assert "16/10/2025" in answer.text  # the answer says which dates it used


def test_a_market_the_user_never_named_is_not_taken(conn: Any) -> None:
    answer, asked = _ask(conn, NO_KEYWORD.replace("corabastos ", ""), {"intent": "price", "market": "medellin"})
    assert asked and answer.values and "Medellín" not in str(answer.slots["market"])


# -- products the LLM names must be the user's --------------------------------------------------------------------
def test_a_spelling_fix_fills_the_product(conn: Any) -> None:
    text = "cuanto vale la sanahorya en corabastos mijito lindo"
    assert not _rules_only(conn, text).values  # the rules alone cannot read "sanahorya"
    answer, asked = _ask(conn, text, {"intent": "price", "product": "zanahoria"})
    assert asked and answer.slots["product"] == "Zanahoria" and answer.values and not answer.clarify
    assert "No tuve en cuenta" in answer.text and "sanahorya" not in answer.text.split("No tuve en cuenta")[1]


def test_the_answer_says_which_words_the_model_read(conn: Any) -> None:
    text = "papa criolla en corabastos la quincena pasada ome pues"
    answer, _ = _ask(conn, text, {"intent": "price", "start": "2025-10-16", "end": "2025-10-31"})
    assert answer.llm_read == ["periodo 16/10/2025–31/10/2025"]
    assert "🤖 Leído con el modelo de lenguaje: periodo 16/10/2025–31/10/2025." in answer.text
    answer, _ = _ask(conn, "cuanto vale la sanahorya en medallo mijito lindo",
                     {"intent": "price", "product": "zanahoria", "market": "medallo"})
    assert answer.llm_read[0] == "«sanahorya» = Zanahoria" and answer.to_json()["llm_read"] == answer.llm_read
    rules = _rules_only(conn, SURE_BITS_UNSURE)
    answer, _ = _ask(conn, SURE_BITS_UNSURE, {"intent": "movers"})  # dropped: nothing of the model's is used
    assert answer.llm_read == [] and "modelo de lenguaje" not in answer.text and answer.text == rules.text


@pytest.mark.parametrize("text, said, product", [
    ("cuanto cuesta la zanahoria morada importada de chile", "zanahoria", "Zanahoria"),
    ("cuanto cuesta la zanahoria morada importada de chile", "zanahoria morada", "Zanahoria"),
    ("cuanto cuesta el limon mandarino de la costa mijo lindo", "limon", "Limón Tahití"),
])
def test_a_shortened_name_asks_back(conn: Any, text: str, said: str, product: str) -> None:
    answer, asked = _ask(conn, text, {"intent": "price", "product": said})
    assert asked and not answer.values
    assert answer.text.startswith(f"¿Te refieres a {product}?")
    assert [c.label for c in answer.clarify] == [product]


def test_a_product_the_user_never_named_asks_back(conn: Any) -> None:
    text = "lo naranja largo que le echan al sancocho, en la central de bogotá"
    answer, asked = _ask(conn, text, {"intent": "price", "product": "zanahoria", "market": "corabastos"})
    assert asked and not answer.values
    assert answer.clarify == [Choice("Zanahoria", "precio de Zanahoria en Bogotá")]


# -- failures and a full queue --------------------------------------------------------------------------------------
def test_a_failing_llm_falls_back_quietly(conn: Any, caplog: pytest.LogCaptureFixture) -> None:
    def broken(_text: str, _state: ChatState, _today: dt.date, _options: tuple[str, ...]) -> dict[str, Any]:
        raise RuntimeError("model crashed")

    router = Router(lambda: conn, llm=broken, today=lambda: TODAY)
    with caplog.at_level(logging.WARNING, logger="models.router"):
        answer = router.answer(NO_KEYWORD, ChatState())
    assert answer.values == _rules_only(conn, NO_KEYWORD).values
    records = [r for r in caplog.records if r.name == "models.router"]
    assert len(records) == 1 and records[0].levelno == logging.WARNING and records[0].exc_info is None
    assert "model crashed" in records[0].getMessage()


def test_a_full_llm_queue_answers_busy_at_once(conn: Any, tiny: Path) -> None:
    worker = LLMWorker(tiny, threads=1, queue_size=1)
    assert worker.ready.wait(30) and worker.error is None
    started, release = threading.Event(), threading.Event()

    def hold(_runner: ModelRunner) -> None:  # someone else's long question holds the model
        started.set()
        release.wait(30)

    worker.submit(hold)
    assert started.wait(10)
    worker.submit(lambda _runner: None)  # and one more waits: the queue (size 1) is full
    parser = LLMParser(worker, timeout_s=20)
    router = Router(lambda: conn, llm=parser, today=lambda: TODAY)
    state = ChatState(chat_id=7)
    router.answer("precio de la papa criolla en corabastos", state)  # confident: no model needed
    before = (state.intent, dict(state.slots), list(state.pending))
    try:
        t0 = time.monotonic()
        answer = router.answer(NO_KEYWORD, state)
        assert time.monotonic() - t0 < 0.5
        assert answer.text == BUSY_TEXT == "Estoy ocupado, intenta en un momento."
        assert not answer.values and not answer.clarify
        assert (state.intent, state.slots, state.pending) == before
        assert parser.calls[-1].outcome == "busy"
    finally:
        release.set()
        worker.close()


# -- the same policy through the real model (output forced by the decoding grammar) --------------------------------
def _forced(values: dict[str, str]) -> dict[str, Any]:
    """An intent schema that admits exactly one object: the tiny random model must write `values`."""
    return {"type": "object", "properties": {k: {"type": "string", "enum": [v]} for k, v in values.items()},
            "required": list(values), "additionalProperties": False}


@pytest.mark.parametrize("text, said, expect", [
    ("cuanto cuesta la zanahoria morada importada de chile", {"intent": "price", "product": "zanahoria"}, "ask"),
    (NO_KEYWORD, {"intent": "out_of_scope"}, "rules"),
    ("cuanto vale la sanahorya en corabastos mijito lindo", {"intent": "price", "product": "zanahoria"}, "filled"),
])
def test_policy_through_the_real_gguf(conn: Any, tiny: Path, text: str, said: dict[str, str], expect: str) -> None:
    worker = LLMWorker(tiny, threads=1, queue_size=2, schema=_forced(said))
    parser = LLMParser(worker, timeout_s=60)
    try:
        answer = Router(lambda: conn, llm=parser, today=lambda: TODAY).answer(text, ChatState())
        assert [c.text for c in parser.calls] == [text] and parser.calls[0].outcome == "ok"
        assert parser.calls[0].intent == said  # what the real generation produced, through the guard
    finally:
        worker.close()
    if expect == "ask":
        assert not answer.values and [c.label for c in answer.clarify] == ["Zanahoria"]
    elif expect == "rules":
        assert answer.values == _rules_only(conn, text).values and answer.slots["product"] == PAPA
    else:
        assert answer.slots["product"] == "Zanahoria" and answer.values


def test_the_llm_fills_a_statistic_the_rules_left_unread(conn: Any) -> None:
    """An analytical question whose statistic the rules did not read: the model's statistic is taken (never a
    figure from the model), and the answer is the mirror's maximum."""
    text = "papa criolla corabastos techo dice fulano mengano"
    answer, asked = _ask(conn, text, {"intent": "stat", "stat": "max", "product": "papa criolla"})
    assert asked
    assert answer.intent == "stat" and answer.slots.get("stat") == "max"
    assert [v.kind for v in answer.values][:1] == ["max"]


def test_a_supply_reading_of_a_production_question_gets_the_plain_answer(conn: Any) -> None:
    text = "¿cuántas hectáreas de papa se sembraron en Nariño en 2024?"
    answer, _ = _ask(conn, text, {"intent": "supply", "product": "papa"})
    assert answer.text.startswith("SIPSA publica precios mayoristas y abastecimiento de alimentos, no área sembrada")
    assert not answer.values


def test_the_model_counts_relative_dates_from_the_routers_today(conn: Any) -> None:
    seen: list[dt.date] = []

    def llm(_text: str, _state: ChatState, today: dt.date, _options: tuple[str, ...]) -> None:
        seen.append(today)

    Router(lambda: conn, llm=llm, today=lambda: TODAY).answer(NO_KEYWORD, ChatState())
    assert seen == [TODAY]  # an evaluation pins today; "el mes pasado" must mean the same month to both readers


# -- the rules' close products shown to the model --------------------------------------------------------------------
def _ask_with_options(conn: Any, text: str, said: dict[str, Any] | None) -> tuple[Answer, list[tuple[str, ...]]]:
    shown: list[tuple[str, ...]] = []

    def llm(_text: str, _state: ChatState, _today: dt.date, options: tuple[str, ...]) -> dict[str, Any] | None:
        shown.append(options)
        return dict(said) if said is not None else None

    return Router(lambda: conn, llm=llm, today=lambda: TODAY).answer(text, ChatState()), shown


def test_a_misspelling_the_rules_ask_about_is_read_by_the_model_among_their_options(conn: Any) -> None:
    text = "oiga y el tomate chontico en corabastos a como lo estan dejando"  # "chontico": a diminutive of chonto
    rules = _rules_only(conn, text)
    assert rules.clarify and not rules.values  # "¿Te refieres a Tomate chonto?"
    answer, shown = _ask_with_options(conn, text, {"intent": "price", "product": "Tomate chonto",
                                                   "market": "corabastos"})
    assert shown == [("Tomate chonto",)]
    assert answer.slots["product"] == "Tomate chonto" and answer.values and not answer.clarify
    assert "«tomate chontico» = Tomate chonto" in answer.text  # the user sees what the model read


def test_a_pick_that_reads_no_word_the_rules_had_not_still_asks(conn: Any) -> None:
    text = "a como esta la papa en corabastos, la de siempre parcero"  # no word says which kind
    rules = _rules_only(conn, text)
    assert rules.clarify and not rules.values
    answer, shown = _ask_with_options(conn, text, {"intent": "price", "product": "Papa criolla limpia"})
    assert shown and PAPA in shown[0]  # the model saw the kinds
    assert answer.clarify and not answer.values  # but "papa" alone does not say which one: the rules still ask
    assert "modelo de lenguaje" not in answer.text  # and the model's pick is not claimed as a reading


def test_a_family_word_alone_is_not_shown_to_the_model(conn: Any) -> None:
    text = "a como esta la papa en corabastos"
    answer, shown = _ask_with_options(conn, text, {"intent": "price", "product": "Papa criolla limpia"})
    assert shown == [] and answer.clarify and not answer.values  # several kinds priced: only the user can say


def test_a_food_we_do_not_price_stays_unknown_when_the_model_copies_it(conn: Any) -> None:
    text = "a como esta el chontaduro en corabastos"
    answer, shown = _ask_with_options(conn, text, {"intent": "price", "product": "chontaduro",
                                                   "market": "corabastos"})
    assert shown and all("Chontaduro" not in o for o in shown[0])
    assert not answer.values


# -- the second reading: words the rules left unread where they change the question ---------------------------------
SPAN = "de junio a octubre de 2025"


def test_an_unread_word_that_asks_for_another_figure_of_the_period_is_read_by_the_model(conn: Any) -> None:
    """The rules answer the change over the months and leave "regaladita" unread; the model reads the minimum in
    that very word, so the answer is the period's minimum, and it says which word the model read."""
    text = f"la papa criolla en corabastos {SPAN}, la semana q estuvo regaladita"
    rules = _rules_only(conn, text)
    assert rules.intent == "history" and not any(v.kind == "min" for v in rules.values)
    answer, asked = _ask(conn, text, {"intent": "stat", "stat": "min", "product": "papa criolla"})
    assert asked == [text]
    assert answer.intent == "stat" and [v.kind for v in answer.values][:1] == ["min"]
    assert answer.slots["start"] == "2025-06-01" and answer.slots["end"] == "2025-10-31"  # the rules' period stays
    assert "«regaladita» = precio más bajo" in answer.text


@pytest.mark.parametrize("said", [
    {"intent": "stat", "stat": "max", "product": "papa criolla"},  # a statistic no unread word asks for
    {"intent": "price", "product": "papa criolla", "market": "corabastos"},  # reads nothing the rules had not
    None,  # no usable output
])
def test_a_second_reading_that_explains_no_unread_word_leaves_the_rules_answer(
        conn: Any, said: dict[str, Any] | None) -> None:
    text = f"la papa criolla en corabastos {SPAN}, la semana q estuvo regaladita"
    answer, asked = _ask(conn, text, said)
    rules = _rules_only(conn, text)
    assert asked == [text]
    assert (answer.intent, answer.values, answer.text) == (rules.intent, rules.values, rules.text)


def test_a_statistic_word_the_rules_asked_about_is_answered_when_the_model_reads_it(conn: Any) -> None:
    text = "papa criolla corabastos la epoca esa"
    rules = _rules_only(conn, text)
    assert rules.clarify and not rules.values and "epoca" in rules.text  # "No entendí «epoca»…"
    answer, asked = _ask(conn, text, {"intent": "stat", "stat": "season_position", "product": "papa criolla"})
    assert asked == [text]
    assert answer.slots.get("stat") == "season_position" and answer.values and not answer.clarify
    assert "«epoca» = precio para la época" in answer.text


def test_a_kind_the_model_reads_in_no_unread_word_does_not_replace_the_rules_guess(conn: Any) -> None:
    """No intent keyword: the rules guessed the month's price. A history reading explains "regaladita" no better,
    so it is not another answer for the same words."""
    text = "papa criolla en corabastos en agosto regaladita"
    rules = _rules_only(conn, text)
    assert rules.intent == "price_at" and rules.values
    answer, asked = _ask(conn, text, {"intent": "history", "product": "papa criolla"})
    assert asked == [text] and (answer.intent, answer.text) == (rules.intent, rules.text)


@pytest.mark.parametrize("said", [
    {"intent": "stat", "stat": "max", "product": "papa criolla"},  # "volatil" is not the maximum
    {"intent": "history", "product": "papa criolla"},  # nor a change: the rules' question stands
    None,
])
def test_the_rules_question_stands_when_the_model_does_not_read_the_word_they_asked_about(
        conn: Any, said: dict[str, Any] | None) -> None:
    text = f"la papa criolla en corabastos q tan volatil estuvo {SPAN}"
    answer, asked = _ask(conn, text, said)
    rules = _rules_only(conn, text)
    assert asked == [text] and rules.clarify and not rules.values
    assert (answer.text, answer.values, answer.clarify) == (rules.text, rules.values, rules.clarify)


@pytest.mark.parametrize("text", [
    "a como esta la papa criolla en corabastos",  # nothing unread
    "a como esta la papa criolla en corabastos mijo",  # the newest price: an unread word there changes no figure
    "a como esta la papa en corabastos",  # "¿Cuál papa?": the kind is the user's to say
])
def test_questions_with_nothing_for_the_model_do_not_wait_for_it(conn: Any, text: str) -> None:
    _, asked = _ask(conn, text, {"intent": "stat", "stat": "max", "product": "papa criolla"})
    assert asked == []


def test_a_change_word_must_begin_an_unread_word(conn: Any) -> None:
    """"trabajo" holds "baj" but asks for no change: the month's mean the rules read stands."""
    text = "el promedio de la papa criolla en corabastos en agosto pa un trabajo del colegio"
    rules = _rules_only(conn, text)
    assert rules.intent == "price_at" and rules.values
    answer, asked = _ask(conn, text, {"intent": "history", "product": "papa criolla"})
    assert asked == [text] and (answer.intent, answer.text) == (rules.intent, rules.text)


def test_a_period_the_rules_could_not_place_is_not_taken_from_the_model(conn: Any) -> None:
    """"la última cosecha" has no dates in the user's words: the model's dates for it are a guess, so the rules'
    question about those words stands instead of a change over months the user never named."""
    text = "cuanto bajo la papa criolla en corabastos en la ultima cosecha"
    rules = _rules_only(conn, text)
    assert rules.clarify and not rules.values
    answer, asked = _ask(conn, text, {"intent": "history", "product": "papa criolla", "start": "2025-08-01",
                                      "end": "2025-10-31"})
    assert asked == [text] and answer.clarify and not answer.values
