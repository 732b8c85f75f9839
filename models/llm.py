"""Optional local LLM (llama-cpp-python) that turns free text the rules could not read into an intent object.

One worker thread owns the model: it loads it, evaluates the constant system prompt once (later requests reuse
those KV-cache entries through llama.cpp's prefix match, so only the question is evaluated), and runs one
grammar-constrained generation at a time. Callers wait at most `timeout_s`; a full queue answers at once with
LLMBusy. The output is an intent object in the router's schema (models.slots.SLOT_SCHEMA), validated and
cleaned by models.llm_guard; the router resolves its product and market against the vocabulary as for any
other input. The model never writes SQL and never supplies a figure shown to the user.
"""

from __future__ import annotations

import logging
import queue
import statistics
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol, TypeVar

from data import status
from models.answer import ChatState
from models.llm_errors import BUSY_TEXT as BUSY_TEXT  # re-exported: callers import them from here too
from models.llm_errors import LLMBusy as LLMBusy
from models.llm_errors import LLMTimeout as LLMTimeout
from models.llm_errors import LLMUnavailable as LLMUnavailable
from models.llm_gguf import FILE_TYPES
from models.llm_grammar import import_llama_cpp, loads_lenient, schema_grammar
from models.llm_guard import guard_intent
from models.llm_prompt import system_prompt, user_message
from models.llm_schema import decoding_schema

log = logging.getLogger(__name__)

DEFAULT_CTX = 4096
MAX_NEW_TOKENS = 640  # the bounded decoding schema always closes well within this
QUESTION_MAX_CHARS = 1000
_QUESTION_MARK = "\u2063SIPSABOT_QUESTION\u2063"
T = TypeVar("T")


class LLMConfig(Protocol):
    """The settings this module reads (bot.config.Settings has them; models never imports bot)."""

    @property
    def llm_model_path(self) -> str: ...
    @property
    def llm_threads(self) -> int: ...
    @property
    def llm_timeout_s(self) -> float: ...
    @property
    def llm_queue_size(self) -> int: ...


def intent_schema() -> dict[str, Any]:
    from models.slots import SLOT_SCHEMA

    return SLOT_SCHEMA


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


@dataclass(frozen=True)
class ModelFacts:
    path: str
    size_bytes: int
    architecture: str
    name: str
    context_train: int
    context: int
    file_type: str
    threads: int
    load_s: float
    prefix_tokens: int
    prefix_s: float  # time to evaluate the constant system prompt once




class ModelRunner:
    """The loaded model plus the constant prompt prefix. Used only from the worker thread that created it."""

    def __init__(self, path: str | Path, threads: int = 2, n_ctx: int = DEFAULT_CTX,
                 schema: dict[str, Any] | None = None) -> None:
        import_llama_cpp()
        from llama_cpp import Llama, LlamaGrammar

        self.path = Path(path)
        if not self.path.is_file():
            raise LLMUnavailable(f"model file not found: {self.path}")
        self.schema = schema if schema is not None else intent_schema()
        started = time.perf_counter()
        try:
            self.llm = Llama(model_path=str(self.path), n_ctx=n_ctx, n_threads=threads, n_threads_batch=threads,
                             n_batch=512, verbose=False)
        except (ValueError, RuntimeError) as exc:
            raise LLMUnavailable(f"cannot load {self.path}: {exc}") from exc
        self.load_s = time.perf_counter() - started
        self.threads = threads
        self.grammar = LlamaGrammar.from_string(schema_grammar(decoding_schema(self.schema)), verbose=False)
        self.prefix_tokens, self._suffix = self._split_template()
        started = time.perf_counter()
        self.warm()
        self.prefix_s = time.perf_counter() - started

    def _token_text(self, token: int) -> str:
        if token < 0:
            return ""
        return self.llm.detokenize([token], special=True).decode("utf-8", errors="replace")

    def _split_template(self) -> tuple[list[int], str]:
        """Token ids of everything before the question (constant) and the template text after it."""
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        template = self.llm.metadata.get("tokenizer.chat_template")
        bos, eos = self._token_text(self.llm.token_bos()), self._token_text(self.llm.token_eos())
        messages = [{"role": "system", "content": system_prompt()}, {"role": "user", "content": _QUESTION_MARK}]
        if template:
            # A fixed date keeps templates that print "today" (Llama 3.x) constant, so the prefix cache holds.
            rendered = Jinja2ChatFormatter(template=template, eos_token=eos, bos_token=bos)(
                messages=messages, date_string=date.today().strftime("%d %b %Y")  # type: ignore[arg-type]
            ).prompt
        else:  # no template in the file: a plain instruction layout
            rendered = f"{messages[0]['content']}\n\n{_QUESTION_MARK}\nJSON:"
        head, _, tail = rendered.partition(_QUESTION_MARK)
        add_bos = self.llm.metadata.get("tokenizer.ggml.add_bos_token", "true") == "true"
        prefix = self.llm.tokenize(head.encode(), add_bos=False, special=True)
        if add_bos and bos and not head.startswith(bos) and self.llm.token_bos() >= 0:
            prefix = [self.llm.token_bos(), *prefix]
        return prefix, tail

    def warm(self) -> None:
        """Evaluate the constant prefix now, so the first question does not pay for it."""
        llama_cpp = import_llama_cpp()
        self.llm.reset()
        self.llm.eval(self.prefix_tokens)
        llama_cpp.llama_synchronize(self.llm.ctx)  # settle llama.cpp's lazy perf counters before any reset

    def prompt_tokens(self, text: str, state: ChatState | None) -> list[int]:
        # The user's words are tokenized with special=False: typed "<|eot_id|>" stays plain text.
        today = status.today()  # Bogotá's date, as the router's
        question = self.llm.tokenize(user_message(text, state, today).encode(), add_bos=False, special=False)
        tail = self.llm.tokenize(self._suffix.encode(), add_bos=False, special=True)
        return [*self.prefix_tokens, *question, *tail]

    def generate(self, text: str, state: ChatState | None, stop: Callable[[], bool]) -> LLMCall:
        """One grammar-constrained completion; `stop()` is polled after every token (deadline, cancel)."""
        llama_cpp = import_llama_cpp()

        call = LLMCall(text=text, outcome="ok")
        tokens = self.prompt_tokens(text, state)
        call.prompt_tokens = len(tokens)
        if len(tokens) + 64 > self.llm.n_ctx():
            call.outcome = "invalid"
            call.notes.append("question too long for the context window")
            return call
        llama_cpp.llama_perf_context_reset(self.llm.ctx)
        stopped = {"flag": False}

        def should_stop(_ids: Any, _logits: Any) -> bool:
            stopped["flag"] = stopped["flag"] or stop()
            return stopped["flag"]

        out = self.llm.create_completion(
            tokens, max_tokens=MAX_NEW_TOKENS, temperature=0.0, grammar=self.grammar,
            stopping_criteria=llama_cpp.StoppingCriteriaList([should_stop]),
        )
        perf = llama_cpp.llama_perf_context(self.llm.ctx)
        call.evaluated_tokens, call.prompt_ms = int(perf.n_p_eval), float(perf.t_p_eval_ms)
        call.generation_ms = float(perf.t_eval_ms)
        choice = out["choices"][0]  # type: ignore[index]
        call.raw = str(choice["text"])
        call.generated_tokens = int(out["usage"]["completion_tokens"])  # type: ignore[index]
        if stopped["flag"]:
            call.outcome = "timeout"
            return call
        parsed = loads_lenient(call.raw)
        intent, notes = guard_intent(parsed, text, self.schema)
        call.notes.extend(notes)
        call.intent = intent
        call.outcome = "ok" if intent is not None else "invalid"
        return call

    def facts(self) -> ModelFacts:
        meta = self.llm.metadata
        arch = meta.get("general.architecture", "?")
        ftype = meta.get("general.file_type")
        return ModelFacts(
            path=str(self.path), size_bytes=self.path.stat().st_size, architecture=arch,
            name=meta.get("general.name", self.path.stem), context_train=int(meta.get(f"{arch}.context_length", 0)),
            context=self.llm.n_ctx(), file_type=FILE_TYPES.get(int(ftype), ftype) if ftype else "?",
            threads=self.threads, load_s=self.load_s, prefix_tokens=len(self.prefix_tokens), prefix_s=self.prefix_s,
        )


@dataclass
class _Job:
    fn: Callable[[ModelRunner], Any]
    future: Future[Any]
    cancelled: threading.Event = field(default_factory=threading.Event)
    queued_at: float = field(default_factory=time.monotonic)


class LLMWorker:
    """The one thread that owns the model. Work goes through a bounded queue; nothing else touches the model."""

    def __init__(self, path: str | Path, threads: int = 2, queue_size: int = 4, n_ctx: int = DEFAULT_CTX,
                 schema: dict[str, Any] | None = None) -> None:
        self.path, self.threads, self.n_ctx, self.schema = Path(path), threads, n_ctx, schema
        self._queue: queue.Queue[_Job | None] = queue.Queue(maxsize=max(1, queue_size))
        self.ready = threading.Event()
        self.error: str | None = None
        self.facts: ModelFacts | None = None
        self._thread = threading.Thread(target=self._run, name="sipsabot-llm", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        runner: ModelRunner | None = None
        try:
            runner = ModelRunner(self.path, threads=self.threads, n_ctx=self.n_ctx, schema=self.schema)
            self.facts = runner.facts()
            log.info("LLM loaded: %s in %.2f s, %d prefix tokens cached", self.path.name, runner.load_s,
                     len(runner.prefix_tokens))
        except Exception as exc:  # a broken model file must not take the bot down: the rule path goes on
            self.error = str(exc)
            log.error("LLM unavailable, using rules only: %s", exc)
        self.ready.set()
        while True:
            job = self._queue.get()
            if job is None:
                break
            if job.cancelled.is_set() or not job.future.set_running_or_notify_cancel():
                continue
            if runner is None:
                job.future.set_exception(LLMUnavailable(self.error or "model not loaded"))
                continue
            try:
                job.future.set_result(job.fn(runner))
            except Exception as exc:
                log.exception("LLM job failed")
                job.future.set_exception(exc)

    def submit(self, fn: Callable[[ModelRunner], T]) -> tuple[Future[T], threading.Event]:
        """Queue `fn(runner)` for the model thread; LLMBusy when the queue is full."""
        if not self._thread.is_alive():
            raise LLMUnavailable("the LLM worker has stopped")
        job = _Job(fn=fn, future=Future())
        try:
            self._queue.put_nowait(job)
        except queue.Full:
            raise LLMBusy(BUSY_TEXT) from None
        return job.future, job.cancelled

    def close(self, timeout: float = 5.0) -> None:
        try:
            self._queue.put(None, timeout=timeout)
        except queue.Full:
            pass
        self._thread.join(timeout)


class LLMParser:
    """The router's `llm` callable: (text, state) -> intent dict or None; raises LLMBusy when the queue is full."""

    def __init__(self, worker: LLMWorker, timeout_s: float = 20.0, keep: int = 1000) -> None:
        self.worker = worker
        self.timeout_s = timeout_s
        self.calls: list[LLMCall] = []
        self._keep = keep
        self._lock = threading.Lock()

    def __call__(self, text: str, state: ChatState | None = None) -> dict[str, Any] | None:
        call = self.parse(text, state)
        if call.outcome == "busy":
            raise LLMBusy(BUSY_TEXT)
        if call.outcome == "timeout":
            raise LLMTimeout("the model did not answer in time")
        return call.intent

    def parse(self, text: str, state: ChatState | None = None, timeout_s: float | None = None) -> LLMCall:
        """The full record of one question (eval and benchmarks read the timings)."""
        started = time.monotonic()
        deadline = started + (self.timeout_s if timeout_s is None else timeout_s)
        text = text[:QUESTION_MAX_CHARS]
        if self.worker.error:
            return self._record(LLMCall(text=text, outcome="unavailable", notes=[self.worker.error]), started)

        def job(runner: ModelRunner) -> LLMCall:
            picked = time.monotonic()
            result = runner.generate(text, state, stop=lambda: cancelled.is_set() or time.monotonic() > deadline)
            result.queue_s = picked - started
            return result

        try:
            future, cancelled = self.worker.submit(job)
        except LLMBusy:
            return self._record(LLMCall(text=text, outcome="busy"), started)
        except LLMUnavailable as exc:
            return self._record(LLMCall(text=text, outcome="unavailable", notes=[str(exc)]), started)
        try:
            call = future.result(timeout=max(0.0, deadline - time.monotonic()))
        except TimeoutError:
            cancelled.set()  # skipped if still queued; generation stops at the next token if running
            call = LLMCall(text=text, outcome="timeout")
        except LLMUnavailable as exc:
            call = LLMCall(text=text, outcome="unavailable", notes=[str(exc)])
        except Exception as exc:
            call = LLMCall(text=text, outcome="error", notes=[repr(exc)])
        return self._record(call, started)

    def _record(self, call: LLMCall, started: float) -> LLMCall:
        call.total_s = time.monotonic() - started
        if call.outcome not in {"ok", "invalid"}:
            log.warning("LLM %s for %r %s", call.outcome, call.text[:80], "; ".join(call.notes))
        with self._lock:
            self.calls.append(call)
            del self.calls[: -self._keep]
        return call

    def latency_report(self) -> dict[str, Any]:
        """Counts per outcome and latency percentiles (seconds) over the recorded calls."""
        with self._lock:
            calls = list(self.calls)
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

    def close(self) -> None:
        self.worker.close()


def build_parser(settings: LLMConfig, schema: dict[str, Any] | None = None,
                 wait_ready: float = 0.0) -> LLMParser | None:
    """The LLM callable for the router when a model is configured and its file exists; None otherwise.

    The model loads in the worker thread (start-up is not delayed); questions that arrive before it is ready
    wait in the queue within their timeout. `wait_ready` seconds > 0 blocks until loaded (CLI, eval, bench).
    """
    path = (settings.llm_model_path or "").strip()
    if not path:
        return None
    if not Path(path).is_file():
        log.warning("SIPSABOT_LLM_MODEL=%s does not exist: using rules only (sipsabot model download)", path)
        return None
    worker = LLMWorker(path, threads=max(1, settings.llm_threads), queue_size=settings.llm_queue_size,
                       schema=schema)
    if wait_ready > 0:
        worker.ready.wait(wait_ready)
    return LLMParser(worker, timeout_s=settings.llm_timeout_s)


def router_llm(settings: LLMConfig) -> LLMParser | None:
    """For `sipsabot eval --llm` (models.evaluation.build_llm): the parser with the model already loaded."""
    return build_parser(settings, wait_ready=900)


def format_latency(parser: LLMParser, per_question: bool = False) -> str:
    """Spanish summary of the LLM calls (eval --llm, bench): outcomes, latency, generation speed."""
    report = parser.latency_report()
    if not report["calls"]:
        return "LLM: ninguna pregunta llegó al modelo (las reglas resolvieron todas)."
    outcomes = ", ".join(f"{k} {v}" for k, v in sorted(report["outcomes"].items()))
    lines = [
        f"LLM: {report['calls']} preguntas pasaron por el modelo ({outcomes}); latencia p50 "
        f"{report['p50_s'] * 1000:.0f} ms, p95 {report['p95_s'] * 1000:.0f} ms, máx {report['max_s'] * 1000:.0f} ms; "
        f"generación {report['generation_tokens_per_s']:.1f} tokens/s"
    ]
    if per_question:
        with parser._lock:
            calls = list(parser.calls)
        lines += [f"  {c.total_s * 1000:7.0f} ms {c.outcome:11s} {c.text[:60]!r} -> {c.intent}" for c in calls]
    return "\n".join(lines)
