"""The evaluated system prompt kept on disk (models.llm.state) on the real tiny GGUF: a second start reads it instead
of evaluating, answers exactly as a freshly evaluated model does, and a corrupt, truncated or foreign file is
ignored and rebuilt."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.llm import state as llm_state
from models.llm.worker import ModelRunner
from tests.gguf_tiny import write_tiny_llama

QUESTIONS = ["precio de la papa criolla en corabastos", "hola", "avisame si el tomate baja de 2.000"]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tiny_llama(tmp_path_factory.mktemp("state") / "tiny.gguf")


def _answers(runner: ModelRunner) -> list[tuple[str, int]]:
    out = []
    for q in QUESTIONS:
        call = runner.generate(q, None, stop=lambda: False)
        assert call.evaluated_tokens <= call.prompt_tokens - len(runner.prefix_tokens)  # the prefix came cached
        out.append((call.raw, call.generated_tokens))
    return out


def _state_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.state"))


def test_second_start_reads_the_prompt_state_and_answers_the_same(tiny: Path, tmp_path: Path):
    reference = _answers(ModelRunner(tiny, threads=1))  # no state folder: evaluated as before
    cold = ModelRunner(tiny, threads=1, state_dir=tmp_path)
    assert cold.prefix_source == "evaluated+saved"
    [saved] = _state_files(tmp_path)
    assert saved.name.startswith("tiny-") and not list(tmp_path.glob(".*.tmp"))  # renamed into place
    warm = ModelRunner(tiny, threads=1, state_dir=tmp_path)
    assert warm.prefix_source == "file"
    assert warm.llm.n_tokens == len(warm.prefix_tokens)
    assert _answers(warm) == reference  # identical greedy output: the restored KV cells are the evaluated ones
    assert _answers(cold) == reference
    assert warm.facts().prefix_source == "file"


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_a_damaged_state_file_is_ignored_and_rebuilt(tiny: Path, tmp_path: Path, damage: str):
    ModelRunner(tiny, threads=1, state_dir=tmp_path)
    [saved] = _state_files(tmp_path)
    raw = bytearray(saved.read_bytes())
    if damage == "truncate":
        raw = raw[: len(raw) // 2]
    elif damage == "flip":
        raw[-100] ^= 0xFF  # inside the KV bytes: only the checksum can tell
    elif damage == "garbage":
        raw = bytearray(b"<html>not a state</html>")
    else:
        raw = bytearray()
    saved.write_bytes(bytes(raw))
    rebuilt = ModelRunner(tiny, threads=1, state_dir=tmp_path)
    assert rebuilt.prefix_source == "evaluated+saved"
    assert _state_files(tmp_path) == [saved]
    assert ModelRunner(tiny, threads=1, state_dir=tmp_path).prefix_source == "file"  # good again


def test_a_state_written_for_another_prompt_or_build_is_not_used(tiny: Path, tmp_path: Path):
    runner = ModelRunner(tiny, threads=1, state_dir=tmp_path)
    [saved] = _state_files(tmp_path)
    key = llm_state.state_key(tiny, runner.prefix_tokens, runner.llm.n_ctx(), "other llama.cpp")
    assert llm_state.load(saved, key) is None  # the header names another key
    other = llm_state.state_path(tmp_path, tiny, key)
    assert other != saved  # a different prompt or build looks under a different name
    # the same file presented under the expected name of another key is still refused by its header
    other.write_bytes(saved.read_bytes())
    assert llm_state.load(other, key) is None
    header_len = int.from_bytes(saved.read_bytes()[8:12], "little")
    header = json.loads(saved.read_bytes()[12:12 + header_len])
    assert header["n_tokens"] == len(runner.prefix_tokens) and header["format"] == llm_state.FORMAT


def test_saving_a_new_state_removes_the_older_one_of_the_same_model(tiny: Path, tmp_path: Path):
    stale = tmp_path / "tiny-0123456789abcdef0123.state"
    stale.write_bytes(b"SIPSAKV1 old")
    unrelated = tmp_path / "other-model-0123456789abcdef0123.state"
    unrelated.write_bytes(b"SIPSAKV1 other")
    ModelRunner(tiny, threads=1, state_dir=tmp_path)
    assert not stale.exists() and unrelated.exists()


def test_an_unwritable_state_folder_only_costs_the_evaluation(tiny: Path, tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    runner = ModelRunner(tiny, threads=1, state_dir=blocker / "models")
    assert runner.prefix_source == "evaluated"
    call = runner.generate("hola", None, stop=lambda: False)
    assert call.outcome in ("ok", "invalid") and json.loads(call.raw) is not None
