"""The LLM path over an OpenAI-compatible server (SIPSABOT_LLM_URL) instead of the in-process model.

Several bot workers can then share a pool of llama.cpp servers (`llama-server`, `python -m llama_cpp.server`) or a
vLLM GPU server. The request carries the same system prompt and user message as the local worker and asks for
JSON constrained by the same bounded schema (response_format); the reply goes through the same guard
(models.llm.guard) before the router merges it, so a server can add no more than the local model could.

Servers disagree on how the schema is passed: the OpenAI form {"type": "json_schema", "json_schema": {...}} is
what vLLM and llama.cpp's llama-server take; llama-cpp-python's server only takes {"type": "json_object",
"schema": {...}} (and answers the other with a 500 naming response_format). The first form is tried first; a
refusal switches to the second, and the form that worked is remembered per server.

SIPSABOT_LLM_URL may list several servers separated by commas: requests go round-robin and a server that refuses
the connection or answers 429/503 hands the question to the next one within the same deadline.

Outcomes map to what the router already knows: a server that cannot be reached is "unavailable" (the rules
answer), 429/503 or every in-flight slot taken is "busy" ("Estoy ocupado…"), no answer by the deadline is
"timeout" (ask to rephrase).
"""

from __future__ import annotations

import datetime as dt
import itertools
import threading
import time
from typing import Any

from data import status
from models.answer import ChatState
from models.llm.calls import QUESTION_MAX_CHARS, CallLog, LLMCall
from models.llm.grammar import loads_lenient
from models.llm.guard import guard_intent
from models.llm.prompt import system_prompt, user_message
from models.llm.schema import decoding_schema, to_slots

MAX_NEW_TOKENS = 640  # as the local worker: the bounded schema always closes well within this
CONNECT_S = 2.0  # a server that takes longer to accept a connection is treated as down
_STYLES = ("json_schema", "json_object")


def endpoint(url: str) -> str:
    """http://host:8080 -> http://host:8080/v1/chat/completions; …/v1 and full paths are kept."""
    url = url.strip().rstrip("/")
    if url.endswith("/chat/completions"):
        return url
    return url + ("/chat/completions" if url.endswith("/v1") else "/v1/chat/completions")


def response_format(style: str, schema: dict[str, Any]) -> dict[str, Any]:
    if style == "json_object":
        return {"type": "json_object", "schema": schema}
    return {"type": "json_schema", "json_schema": {"name": "sipsabot_intent", "schema": schema, "strict": True}}


def _refused_format(status_code: int, text: str) -> bool:
    """400/422, or llama-cpp-python's 500 carrying its request-validation error about response_format."""
    return status_code in (400, 422) or (status_code >= 400 and "response_format" in text)


class RemoteParser(CallLog):
    """The router's `llm` callable over HTTP; thread-safe (handlers call it from a worker pool)."""

    def __init__(self, url: str, timeout_s: float = 20.0, max_in_flight: int = 4, schema: dict[str, Any] | None = None,
                 model: str = "", api_key: str = "", keep: int = 1000) -> None:
        import httpx

        from models.slots import SLOT_SCHEMA

        super().__init__(timeout_s=timeout_s, keep=keep)
        self.endpoints = [endpoint(u) for u in url.split(",") if u.strip()]
        if not self.endpoints:
            raise ValueError("SIPSABOT_LLM_URL has no server address")
        self.schema = schema if schema is not None else SLOT_SCHEMA
        self.decoding = decoding_schema(self.schema)
        self.model = model or "sipsabot"
        self._headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._slots = threading.BoundedSemaphore(max(1, max_in_flight))
        self._next = itertools.cycle(range(len(self.endpoints)))
        self._style: dict[str, str] = {}  # endpoint -> the response_format form it accepted
        self._client = httpx.Client(limits=httpx.Limits(max_connections=max(1, max_in_flight) * len(self.endpoints)))

    def body(self, text: str, state: ChatState | None, style: str, today: dt.date | None = None,
             options: tuple[str, ...] = ()) -> dict[str, Any]:
        return {
            "model": self.model,
            "messages": [{"role": "system", "content": system_prompt()},
                         {"role": "user", "content": user_message(text, state, today or status.today(), options)}],
            "temperature": 0.0,
            "max_tokens": MAX_NEW_TOKENS,
            "response_format": response_format(style, self.decoding),
        }

    def parse(self, text: str, state: ChatState | None = None, timeout_s: float | None = None,
              today: dt.date | None = None, options: tuple[str, ...] = ()) -> LLMCall:
        started = time.monotonic()
        deadline = started + (self.timeout_s if timeout_s is None else timeout_s)
        text = text[:QUESTION_MAX_CHARS]
        if not self._slots.acquire(blocking=False):  # as the local queue: answer "busy" now rather than pile up
            return self._record(LLMCall(text=text, outcome="busy", notes=["every in-flight slot is taken"]), started)
        try:
            call = self._ask_pool(text, state, deadline, today, options)
        finally:
            self._slots.release()
        return self._record(call, started)

    def _ask_pool(self, text: str, state: ChatState | None, deadline: float, today: dt.date | None,
                  options: tuple[str, ...]) -> LLMCall:
        first = next(self._next)
        notes: list[str] = []
        outcome = "unavailable"
        for i in range(len(self.endpoints)):
            url = self.endpoints[(first + i) % len(self.endpoints)]
            call = self._ask(url, text, state, deadline, today, options)
            if call.outcome not in ("unavailable", "busy"):
                call.notes = notes + call.notes
                return call
            notes += [f"{url}: {n}" for n in call.notes]
            outcome = "busy" if "busy" in (outcome, call.outcome) else outcome
        return LLMCall(text=text, outcome=outcome, notes=notes)

    def _ask(self, url: str, text: str, state: ChatState | None, deadline: float, today: dt.date | None,
             options: tuple[str, ...]) -> LLMCall:
        import httpx

        styles = [self._style[url]] if url in self._style else list(_STYLES)
        for style in styles:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return LLMCall(text=text, outcome="timeout")
            try:
                reply = self._client.post(url, json=self.body(text, state, style, today, options),
                                          headers=self._headers,
                                          timeout=httpx.Timeout(remaining, connect=min(remaining, CONNECT_S)))
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                return LLMCall(text=text, outcome="unavailable", notes=[f"cannot connect: {exc}"])
            except httpx.TimeoutException:
                return LLMCall(text=text, outcome="timeout")
            except httpx.HTTPError as exc:
                return LLMCall(text=text, outcome="unavailable", notes=[repr(exc)])
            if reply.status_code in (429, 503):
                return LLMCall(text=text, outcome="busy", notes=[f"HTTP {reply.status_code}"])
            if _refused_format(reply.status_code, reply.text) and url not in self._style and style != styles[-1]:
                continue  # this server does not take this response_format form: try the other one
            if reply.status_code != 200:
                return LLMCall(text=text, outcome="error", notes=[f"HTTP {reply.status_code}: {reply.text[:200]}"])
            self._style[url] = style
            return self._read(text, reply.json(), options)
        return LLMCall(text=text, outcome="error", notes=["no response_format form was accepted"])

    def _read(self, text: str, data: Any, options: tuple[str, ...] = ()) -> LLMCall:
        call = LLMCall(text=text, outcome="ok")
        try:
            call.raw = str(data["choices"][0]["message"]["content"] or "")
        except (KeyError, IndexError, TypeError):
            return LLMCall(text=text, outcome="error", notes=["reply without choices[0].message.content"])
        usage = data.get("usage") or {}
        call.prompt_tokens = int(usage.get("prompt_tokens") or 0)
        call.generated_tokens = int(usage.get("completion_tokens") or 0)
        timings = data.get("timings") or {}  # llama.cpp's server says how much of the prompt came from its cache
        call.evaluated_tokens = int(timings.get("prompt_n") or call.prompt_tokens)
        call.prompt_ms = float(timings.get("prompt_ms") or 0.0)
        call.generation_ms = float(timings.get("predicted_ms") or 0.0)
        intent, notes = guard_intent(to_slots(loads_lenient(call.raw)), text, self.schema, options)
        call.notes.extend(notes)
        call.intent = intent
        call.outcome = "ok" if intent is not None else "invalid"
        return call

    def close(self) -> None:
        self._client.close()
