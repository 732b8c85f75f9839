"""A slice of the labelled question set (tests/questions) checked for intent and slots on the demo mirror:
the questions whose product and market exist in the demo data. Values are checked by `sipsabot eval` on the
real mirror; here the understanding is checked, fast and without ../shared."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from data import demo
from data.db import connect, open_db
from data.text import fold
from models import evaluation
from models.answer import ChatState
from models.router import Router
from models.understanding.names import MAIN_MARKETS

META, RECORDS = evaluation.load_questions()
DEMO_PRODUCTS = {fold(p) for p, _, _ in demo.PRODUCTS}
DEMO_MAIN = {fold(MAIN_MARKETS[c]) for c in ("bogota", "medellin", "cali", "barranquilla", "bucaramanga", "pereira",
                                              "cucuta")}
EXPLICIT = DEMO_MAIN | {fold("Bogotá, D.C., Paloquemao")}


DEMO_HEADS = {p.split()[0] for p in DEMO_PRODUCTS}
DATA_DEPENDENT = {"supply", "supply_origin", "inputs"}  # the demo mirror has supply data, the eval mirror not


def _applies(record: dict[str, Any]) -> bool:
    if record.get("prev"):
        return False
    if record.get("expect") == "clarify" and not DEMO_HEADS & {w.rstrip("s") for w in fold(record["q"]).split()}:
        return False
    slots = record.get("slots") or {}
    product, market = slots.get("product"), slots.get("market")
    if product is not None and fold(product) not in DEMO_PRODUCTS:
        return False
    if market is not None:
        allowed = EXPLICIT if "market" in record.get("tags", []) else DEMO_MAIN
        if fold(market) not in allowed:
            return False
    if "nomarket" in record.get("tags", []) and market is not None and fold(market) != fold(MAIN_MARKETS["bogota"]):
        return False
    return record["intent"] not in {"cheapest", "priciest", "compare", "movers"} or product is None


SLICE = [r for r in RECORDS if _applies(r)]


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Router:
    path = tmp_path_factory.mktemp("set") / "mirror.db"
    db = open_db(path)
    demo.build(db.conn, end_week=dt.date.fromisoformat(META["latest_week"]), weeks=160, demo=False)
    db.conn.close()
    conn = connect(path, readonly=True)
    today = dt.date.fromisoformat(META["today"])
    return Router(lambda: conn, today=lambda: today)


def test_the_labelled_set_is_large_and_varied() -> None:
    assert len(RECORDS) >= 400
    tags = {t for r in RECORDS for t in r.get("tags", [])}
    assert {"typo", "noaccent", "colloquial", "followup", "unknown", "smalltalk", "clarify", "city"} <= tags
    assert len(SLICE) >= 80


@pytest.mark.parametrize("record", SLICE, ids=[r["id"] for r in SLICE])
def test_intent_and_slots_on_the_demo_mirror(router: Router, record: dict[str, Any]) -> None:
    answer = router.answer(record["q"], ChatState())
    assert answer.intent == record["intent"], answer.text
    for key, want in (record.get("slots") or {}).items():
        got = answer.slots.get(key)
        if isinstance(want, str):
            assert got is not None and fold(got) == fold(want), (key, answer.text)
        else:
            assert got == want, (key, answer.text)
    if record.get("expect") == "clarify":
        assert answer.clarify and not answer.values
    if record.get("expect") == "no_numbers" and record["intent"] not in DATA_DEPENDENT:
        assert not answer.values
