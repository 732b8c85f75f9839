"""Optional local LLM (llama-cpp-python) that turns free text the rules could not read into an intent object.

One worker thread owns the model: it loads it, evaluates the constant system prompt once (later requests reuse
those KV-cache entries through llama.cpp's prefix match, so only the question is evaluated), and runs one
grammar-constrained generation at a time. Callers wait at most `timeout_s`; a full queue answers at once with
LLMBusy. The output is an intent object in the router's schema (models.slots.SLOT_SCHEMA), validated and
cleaned by models.llm.guard; the router resolves its product and market against the vocabulary as for any
other input. The model never writes SQL and never supplies a figure shown to the user.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import logging
import queue
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
from models.llm import state as llm_state
from models.llm.calls import QUESTION_MAX_CHARS, CallLog, LLMCall
from models.llm.calls import format_latency as format_latency  # re-exported: callers import it from here too
from models.llm.draft import prompt_lookup
from models.llm.errors import BUSY_TEXT as BUSY_TEXT  # re-exported: callers import them from here too
from models.llm.errors import LLMBusy as LLMBusy
from models.llm.errors import LLMTimeout as LLMTimeout
from models.llm.errors import LLMUnavailable as LLMUnavailable
from models.llm.gguf import FILE_TYPES
from models.llm.grammar import import_llama_cpp, loads_lenient, prefilled, schema_grammar
from models.llm.guard import guard_intent
from models.llm.prompt import system_prompt, user_message
from models.llm.schema import decoding_schema, to_slots

log = logging.getLogger(__name__)

DEFAULT_CTX = 4096
MAX_NEW_TOKENS = 640  # the bounded decoding schema always closes well within this
_END = "}"  # the answer is one flat JSON object and the grammar keeps "}" out of its strings: the first one ends it
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
    # Optional (read with getattr, so test namespaces may omit them): llm_state_dir (where the evaluated system
    # prompt is kept; "" = nowhere) and llm_url (an OpenAI-compatible server instead of the local model).


def intent_schema() -> dict[str, Any]:
    from models.slots import SLOT_SCHEMA

    return SLOT_SCHEMA


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
    prefix_s: float  # time to get the constant system prompt into the KV cache (evaluated, or read from disk)
    prefix_source: str = "evaluated"  # evaluated | file (restored from the state file) | evaluated+saved


class ModelRunner:
    """The loaded model plus the constant prompt prefix. Used only from the worker thread that created it."""

    def __init__(self, path: str | Path, threads: int = 2, n_ctx: int = DEFAULT_CTX,
                 schema: dict[str, Any] | None = None, state_dir: str | Path | None = None,
                 draft: bool = False) -> None:
        import_llama_cpp()
        from llama_cpp import Llama, LlamaGrammar

        self.path = Path(path)
        if not self.path.is_file():
            raise LLMUnavailable(f"model file not found: {self.path}")
        self.schema = schema if schema is not None else intent_schema()
        started = time.perf_counter()
        try:
            # Prompt-lookup drafting needs the logits of every drafted position (logits_all); the prefix is
            # evaluated without them (warm).
            self.llm = Llama(model_path=str(self.path), n_ctx=n_ctx, n_threads=threads, n_threads_batch=threads,
                             n_batch=512, verbose=False, logits_all=draft,
                             draft_model=prompt_lookup() if draft else None)
        except (ValueError, RuntimeError) as exc:
            raise LLMUnavailable(f"cannot load {self.path}: {exc}") from exc
        self.load_s = time.perf_counter() - started
        self.threads = threads
        decoding = decoding_schema(self.schema)
        self.prefill, grammar = prefilled(decoding, schema_grammar(decoding))
        self.grammar = LlamaGrammar.from_string(grammar, verbose=False)
        self.prefix_tokens, self._suffix = self._split_template()
        self.state_dir = Path(state_dir) if state_dir else None
        started = time.perf_counter()
        self.prefix_source = self.warm()
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

    def warm(self) -> str:
        """Put the constant prefix into the KV cache now, so the first question does not pay for it: read from the
        state file when one matches, else evaluated (and saved for the next start). Returns where it came from."""
        llama_cpp = import_llama_cpp()
        key = path = None
        if self.state_dir is not None:
            runtime = f"{llama_cpp.__version__}|{llama_cpp.llama_print_system_info().decode(errors='replace')}"
            key = llm_state.state_key(self.path, self.prefix_tokens, self.llm.n_ctx(), runtime)
            path = llm_state.state_path(self.state_dir, self.path, key)
            saved = llm_state.load(path, key)
            if saved is not None and saved.tokens == self.prefix_tokens and self._restore(saved.data):
                return "file"
        self._clear()
        all_logits, self.llm._logits_all = self.llm._logits_all, False  # only the last position's are needed
        try:
            self.llm.eval(self.prefix_tokens)
        finally:
            self.llm._logits_all = all_logits
        llama_cpp.llama_synchronize(self.llm.ctx)  # settle llama.cpp's lazy perf counters before any reset
        saved_now = key is not None and path is not None and llm_state.save(
            path, key, llm_state.PrefixState(list(self.prefix_tokens), self._seq_state()))
        return "evaluated+saved" if saved_now else "evaluated"

    def _clear(self) -> None:
        llama_cpp = import_llama_cpp()
        self.llm.reset()
        memory = llama_cpp.llama_get_memory(self.llm.ctx)
        if memory is not None:  # reset() only forgets the token count; restored cells must not mix with old ones
            llama_cpp.llama_memory_clear(memory, True)

    def _seq_state(self) -> bytes:
        """llama.cpp's KV cells of sequence 0 (the evaluated prefix), without the logits save_state() copies."""
        llama_cpp = import_llama_cpp()
        size = llama_cpp.llama_state_seq_get_size(self.llm.ctx, 0)
        buf = (ctypes.c_uint8 * size)()
        written = llama_cpp.llama_state_seq_get_data(self.llm.ctx, buf, size, 0)
        return bytes(buf)[:written]

    def _restore(self, data: bytes) -> bool:
        """Load saved KV cells into sequence 0 and tell llama-cpp-python which tokens they hold, so its prefix
        match reuses them. False (and a clean context) when llama.cpp refuses the data."""
        llama_cpp = import_llama_cpp()
        self._clear()
        buf = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
        if llama_cpp.llama_state_seq_set_data(self.llm.ctx, buf, len(data), 0) != len(data):
            log.warning("llama.cpp refused the saved prompt state: evaluating the system prompt again")
            self._clear()
            return False
        n = len(self.prefix_tokens)
        self.llm.input_ids[:n] = self.prefix_tokens
        self.llm.n_tokens = n
        return True

    def prompt_tokens(self, text: str, state: ChatState | None, today: dt.date | None = None,
                      options: tuple[str, ...] = ()) -> list[int]:
        # The user's words are tokenized with special=False: typed "<|eot_id|>" stays plain text.
        # Relative periods count from the router's date (Bogotá's today in production; pinned in evaluations).
        message = user_message(text, state, today or status.today(), options)
        question = self.llm.tokenize(message.encode(), add_bos=False, special=False)
        tail = self.llm.tokenize((self._suffix + self.prefill).encode(), add_bos=False, special=True)
        return [*self.prefix_tokens, *question, *tail]

    def generate(self, text: str, state: ChatState | None, stop: Callable[[], bool],
                 today: dt.date | None = None, options: tuple[str, ...] = ()) -> LLMCall:
        """One grammar-constrained completion; `stop()` is polled after every token (deadline, cancel)."""
        llama_cpp = import_llama_cpp()

        call = LLMCall(text=text, outcome="ok")
        tokens = self.prompt_tokens(text, state, today, options)
        call.prompt_tokens = len(tokens)
        if len(tokens) + 64 > self.llm.n_ctx():
            call.outcome = "invalid"
            call.notes.append("question too long for the context window")
            return call
        llama_cpp.llama_perf_context_reset(self.llm.ctx)
        self._eval_question(tokens)
        stopped = {"flag": False}

        def should_stop(_ids: Any, _logits: Any) -> bool:
            stopped["flag"] = stopped["flag"] or stop()
            return stopped["flag"]

        out = self.llm.create_completion(
            tokens, max_tokens=MAX_NEW_TOKENS, temperature=0.0, grammar=self.grammar, stop=[_END],
            stopping_criteria=llama_cpp.StoppingCriteriaList([should_stop]),
        )
        perf = llama_cpp.llama_perf_context(self.llm.ctx)
        call.evaluated_tokens, call.prompt_ms = int(perf.n_p_eval), float(perf.t_p_eval_ms)
        call.generation_ms = float(perf.t_eval_ms)
        choice = out["choices"][0]  # type: ignore[index]
        call.raw = self.prefill + str(choice["text"])
        if choice["finish_reason"] == "stop" and not call.raw.endswith(_END):
            call.raw += _END  # stopped on the closing brace: sampling the end-of-text token after it costs a pass
        call.generated_tokens = int(out["usage"]["completion_tokens"])  # type: ignore[index]
        if stopped["flag"]:
            call.outcome = "timeout"
            return call
        parsed = loads_lenient(call.raw)
        intent, notes = guard_intent(to_slots(parsed), text, self.schema, options)
        call.notes.extend(notes)
        call.intent = intent
        call.outcome = "ok" if intent is not None else "invalid"
        return call

    def _eval_question(self, tokens: list[int]) -> None:
        """Evaluate the new prompt tokens but the last without a logit row per position. With drafting on, llama-cpp-
        python would compute vocabulary-wide logits for every question token (~15 % more work per token with Qwen's
        151k vocabulary) although only the last position is sampled; create_completion then finds all but the last
        token cached and evaluates that one itself."""
        if not self.llm._logits_all:
            return
        cached = self.llm.input_ids[: self.llm.n_tokens]
        same = 0
        for a, b in zip(cached, tokens[:-1], strict=False):
            if a != b:
                break
            same += 1
        if same >= len(tokens) - 1:
            return
        self.llm.n_tokens = same
        self.llm._logits_all = False
        try:
            self.llm.eval(tokens[same:-1])
        finally:
            self.llm._logits_all = True

    def facts(self) -> ModelFacts:
        meta = self.llm.metadata
        arch = meta.get("general.architecture", "?")
        ftype = meta.get("general.file_type")
        return ModelFacts(
            path=str(self.path), size_bytes=self.path.stat().st_size, architecture=arch,
            name=meta.get("general.name", self.path.stem), context_train=int(meta.get(f"{arch}.context_length", 0)),
            context=self.llm.n_ctx(), file_type=FILE_TYPES.get(int(ftype), ftype) if ftype else "?",
            threads=self.threads, load_s=self.load_s, prefix_tokens=len(self.prefix_tokens), prefix_s=self.prefix_s,
            prefix_source=self.prefix_source,
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
                 schema: dict[str, Any] | None = None, state_dir: str | Path | None = None,
                 draft: bool = False) -> None:
        self.path, self.threads, self.n_ctx, self.schema, self.draft = Path(path), threads, n_ctx, schema, draft
        self.state_dir = state_dir
        self._queue: queue.Queue[_Job | None] = queue.Queue(maxsize=max(1, queue_size))
        self.ready = threading.Event()
        self.error: str | None = None
        self.facts: ModelFacts | None = None
        self._thread = threading.Thread(target=self._run, name="sipsabot-llm", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        runner: ModelRunner | None = None
        try:
            runner = ModelRunner(self.path, threads=self.threads, n_ctx=self.n_ctx, schema=self.schema,
                                 state_dir=self.state_dir, draft=self.draft)
            self.facts = runner.facts()
            log.info("LLM loaded: %s in %.2f s; %d prefix tokens cached in %.2f s (%s)", self.path.name,
                     runner.load_s, len(runner.prefix_tokens), runner.prefix_s, runner.prefix_source)
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


class LLMParser(CallLog):
    """The router's `llm` callable over the in-process worker: (text, state) -> intent dict or None; raises LLMBusy
    when the queue is full and LLMTimeout past `timeout_s`.

    `load_wait_s` > 0 lets a question that arrives while the model is still loading wait that long for it, on top
    of `timeout_s` (the terminal: the user would rather wait once than lose the model's reading). The bot keeps
    0: there a question waits only within its timeout, and the rules answer if the model is not ready."""

    def __init__(self, worker: LLMWorker, timeout_s: float = 20.0, keep: int = 1000, load_wait_s: float = 0.0) -> None:
        super().__init__(timeout_s=timeout_s, keep=keep)
        self.worker = worker
        self.load_wait_s = load_wait_s

    def parse(self, text: str, state: ChatState | None = None, timeout_s: float | None = None,
              today: dt.date | None = None, options: tuple[str, ...] = ()) -> LLMCall:
        """The full record of one question (eval and benchmarks read the timings)."""
        if self.load_wait_s > 0 and not self.worker.ready.is_set():
            self.worker.ready.wait(self.load_wait_s)
        started = time.monotonic()
        deadline = started + (self.timeout_s if timeout_s is None else timeout_s)
        text = text[:QUESTION_MAX_CHARS]
        if self.worker.error:
            return self._record(LLMCall(text=text, outcome="unavailable", notes=[self.worker.error]), started)

        def job(runner: ModelRunner) -> LLMCall:
            picked = time.monotonic()
            result = runner.generate(text, state, stop=lambda: cancelled.is_set() or time.monotonic() > deadline,
                                     today=today, options=options)
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

    def close(self) -> None:
        self.worker.close()


def build_parser(settings: LLMConfig, schema: dict[str, Any] | None = None, wait_ready: float = 0.0,
                 load_wait_s: float = 0.0) -> CallLog | None:
    """The LLM callable for the router: the OpenAI-compatible endpoint when SIPSABOT_LLM_URL is set, else the
    in-process model when SIPSABOT_LLM_MODEL names a file that exists; None otherwise (rules only).

    The local model loads in the worker thread (start-up is not delayed); questions that arrive before it is ready
    wait in the queue within their timeout (plus `load_wait_s`). `wait_ready` > 0 blocks until loaded (eval, bench).
    """
    url = str(getattr(settings, "llm_url", "") or "").strip()
    if url:
        from models.llm.remote import RemoteParser

        return RemoteParser(url, timeout_s=settings.llm_timeout_s, max_in_flight=settings.llm_queue_size,
                            schema=schema, model=str(getattr(settings, "llm_url_model", "") or ""),
                            api_key=str(getattr(settings, "llm_api_key", "") or ""))
    path = (settings.llm_model_path or "").strip()
    if not path:
        return None
    if not Path(path).is_file():
        log.warning("SIPSABOT_LLM_MODEL=%s does not exist: using rules only (sipsabot model download)", path)
        return None
    worker = LLMWorker(path, threads=max(1, settings.llm_threads), queue_size=settings.llm_queue_size,
                       schema=schema, state_dir=str(getattr(settings, "llm_state_dir", "") or "") or None)
    if wait_ready > 0:
        worker.ready.wait(wait_ready)
    return LLMParser(worker, timeout_s=settings.llm_timeout_s, load_wait_s=load_wait_s)

