"""What one question through the LLM path produced and cost, and the log of recent calls that the local worker
and the remote endpoint client share (eval --llm, bench and `model info --load` read it)."""

from __future__ import annotations

import datetime as dt
import logging
import statistics
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from models.answer import ChatState
from models.llm.errors import BUSY_TEXT, LLMBusy, LLMTimeout

log = logging.getLogger("models.llm")

QUESTION_MAX_CHARS = 1000


@dataclass
class LLMCall:
    """One question through the LLM path: what came out and what it cost."""

    text: str
    outcome: str  # ok | invalid | timeout | busy | unavailable | error
    intent: dict[str, Any] | None = None
    raw: str = ""
    notes: list[str] = field(default_factory=list)
    queue_s: float = 0.0
    total_s: float = 0.0
    prompt_tokens: int = 0  # tokens of the full prompt (system + question)
    evaluated_tokens: int = 0  # prompt tokens actually evaluated (the rest came from the KV cache)
    generated_tokens: int = 0
    prompt_ms: float = 0.0
    generation_ms: float = 0.0


class CallLog:
    """The router-facing callable shared by every LLM parser: (text, state) -> intent dict or None.

    Subclasses implement `parse(text, state, timeout_s) -> LLMCall` and record each call with `_record`."""

    def __init__(self, timeout_s: float = 20.0, keep: int = 1000) -> None:
        self.timeout_s = timeout_s
        self.calls: list[LLMCall] = []
        self._keep = keep
        self._lock = threading.Lock()

    def parse(self, text: str, state: ChatState | None = None, timeout_s: float | None = None,
              today: dt.date | None = None, options: tuple[str, ...] = ()) -> LLMCall:
        """`today`: the date relative periods count from (the router's; Bogotá's date when None). `options`: the
        vocabulary's products the rules found close to the user's words (the model may name one of them)."""
        raise NotImplementedError

    def close(self) -> None:
        """Release the model or the connections (nothing by default)."""

    def __call__(self, text: str, state: ChatState | None = None,
                 today: dt.date | None = None, options: tuple[str, ...] = ()) -> dict[str, Any] | None:
        call = self.parse(text, state, today=today, options=options)
        if call.outcome == "busy":
            raise LLMBusy(BUSY_TEXT)
        if call.outcome == "timeout":
            raise LLMTimeout("the model did not answer in time")
        return call.intent  # None for unavailable / invalid / error: the router keeps the rules' reading

    def _record(self, call: LLMCall, started: float) -> LLMCall:
        call.total_s = time.monotonic() - started
        if call.outcome not in {"ok", "invalid"}:
            log.warning("LLM %s for %r %s", call.outcome, call.text[:80], "; ".join(call.notes))
        with self._lock:
            self.calls.append(call)
            del self.calls[: -self._keep]
        return call

    def recorded(self) -> list[LLMCall]:
        with self._lock:
            return list(self.calls)

    def latency_report(self) -> dict[str, Any]:
        """Counts per outcome and latency percentiles (seconds) over the recorded calls."""
        calls = self.recorded()
        times = sorted(c.total_s for c in calls)
        outcomes: dict[str, int] = {}
        for c in calls:
            outcomes[c.outcome] = outcomes.get(c.outcome, 0) + 1

        def pct(p: float) -> float:
            return times[min(len(times) - 1, round(p * (len(times) - 1)))] if times else 0.0

        generated = sum(c.generated_tokens for c in calls)
        gen_ms = sum(c.generation_ms for c in calls)
        return {
            "calls": len(calls),
            "outcomes": outcomes,
            "p50_s": pct(0.50),
            "p95_s": pct(0.95),
            "max_s": times[-1] if times else 0.0,
            "mean_s": statistics.fmean(times) if times else 0.0,
            "generation_tokens_per_s": generated / (gen_ms / 1000) if gen_ms else 0.0,
        }


def format_latency(parser: CallLog, per_question: bool = False) -> str:
    """Spanish summary of the LLM calls (eval --llm, bench): outcomes, latency, generation speed."""
    report = parser.latency_report()
    if not report["calls"]:
        return "LLM: ninguna pregunta llegó al modelo (las reglas resolvieron todas)."
    outcomes = ", ".join(f"{k} {v}" for k, v in sorted(report["outcomes"].items()))
    speed = (f"; generación {report['generation_tokens_per_s']:.1f} tokens/s"
             if report["generation_tokens_per_s"] else "")
    lines = [
        f"LLM: {report['calls']} preguntas pasaron por el modelo ({outcomes}); latencia p50 "
        f"{report['p50_s'] * 1000:.0f} ms, p95 {report['p95_s'] * 1000:.0f} ms, máx {report['max_s'] * 1000:.0f} ms"
        f"{speed}"
    ]
    if per_question:
        lines += [f"  {c.total_s * 1000:7.0f} ms {c.outcome:11s} {c.text[:60]!r} -> {c.intent}"
                  + (f"  [{'; '.join(c.notes)[:120]}]" if c.notes else "") for c in parser.recorded()]
    return "\n".join(lines)
