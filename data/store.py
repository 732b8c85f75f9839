"""Connections to the mirror shared by the bot's threads: read-only connections per thread for answers,
and one writer (imports, refreshes, subscriptions) serialised by a lock. With WAL, readers keep reading
the previous data while a write transaction runs and never see half of it."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from data.db import connect, open_db


class Store:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._write_lock = threading.Lock()
        open_db(self.path).conn.close()  # create / migrate once

    def reader(self) -> sqlite3.Connection:
        """This thread's read-only connection."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.path, readonly=True)
            self._local.conn = conn
        return conn

    @contextmanager
    def writer(self) -> Iterator[sqlite3.Connection]:
        """The single writer: a fresh connection held under the lock for one unit of work."""
        with self._write_lock:
            conn = connect(self.path)
            try:
                yield conn
            finally:
                conn.close()
