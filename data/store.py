"""Connections to the two files shared by the bot's threads: read-only connections per thread for answers,
and one writer (refreshes, subscriptions, chat memory) serialised by a lock. With WAL, readers keep reading
the previous data while a write transaction runs and never see half of it."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from data.db import connect, default_state, upgrade


class Store:
    def __init__(self, path: str | Path, state: str | Path | None = None) -> None:
        self.path = Path(path)
        self.state_path = Path(state) if state else default_state(self.path)
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self.notes = upgrade(self.path, self.state_path)  # create / migrate both files once (and say what happened)

    def reader(self) -> sqlite3.Connection:
        """This thread's read-only connection."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.path, readonly=True, state=self.state_path)
            self._local.conn = conn
        return conn

    @contextmanager
    def writer(self, *, mirror_only: bool = False) -> Iterator[sqlite3.Connection]:
        """The single writer: a fresh connection held under the lock for one unit of work. Imports ask for
        `mirror_only`: their transaction (BEGIN IMMEDIATE) would otherwise hold the state's write lock too."""
        with self._write_lock:
            conn = connect(self.path, state=self.state_path, attach=not mirror_only)
            try:
                yield conn
            finally:
                conn.close()
