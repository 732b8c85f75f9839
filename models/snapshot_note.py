"""Answers from the bundled snapshot say so. The router writes the data date, staleness and source line; this thin
wrapper adds, while the mirror still answers from the snapshot shipped with the bot (data/snapshot.py), one line
before the source saying where the figures come from and how old they are. It wraps the router rather than living
inside it so the wording stays in one place whatever the router does."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from typing import Any

from data import snapshot
from models.answer import Answer
from models.render import SOURCE


class SnapshotNotes:
    def __init__(self, router: Any, reader: Callable[[], sqlite3.Connection],
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        self.router = router
        self._reader = reader
        self._today = today

    def __getattr__(self, name: str) -> Any:  # everything else is the router's
        return getattr(self.router, name)

    def answer(self, text: str, state: Any) -> Answer:
        return self.mark(self.router.answer(text, state))

    def answer_slots(self, slots: dict[str, Any], state: Any) -> Answer:
        return self.mark(self.router.answer_slots(slots, state))

    def mark(self, answer: Answer) -> Answer:
        if SOURCE not in answer.text:
            return answer  # no figures (greetings, help, clarifications)
        when = snapshot.snapshot_of(self._reader())
        if when is None:
            return answer
        line = snapshot.note(when, self._today())
        if line not in answer.text:
            head, _, tail = answer.text.rpartition(SOURCE)
            answer.text = f"{head.rstrip()}\n{line}\n{SOURCE}{tail}" if head else f"{line}\n{answer.text}"
        return answer
