"""The one owner of the connections to the two files (datasette's execute_fn / execute_write_fn pattern).

- Reads: `await store.read(fn, *args)` runs `fn(conn, *args)` on a worker thread with that thread's read-only
  connection (`store.reader()` gives the calling thread's own, for code already on a worker thread). With WAL,
  readers keep reading the previous data while a write runs and never see half of it.
- Writes: `await store.write(fn, *args)` (or `store.write_sync(...)` from a worker thread or the CLI) runs
  `fn(conn, *args)` on the process's single writer thread. That thread owns one connection with both files
  (user state, alert evaluation) and one to the mirror alone (imports: their BEGIN IMMEDIATE must not hold the
  state's write lock). Writes never race each other inside the process, so there is no "locked -> sleep and
  retry" anywhere; another process holding the lock is waited for by SQLite's busy timeout."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from data.db import connect, default_state, upgrade

T = TypeVar("T")


class Store:
    def __init__(self, path: str | Path, state: str | Path | None = None, *, read_workers: int = 4) -> None:
        self.path = Path(path)
        self.state_path = Path(state) if state else default_state(self.path)
        self._local = threading.local()
        self.notes = upgrade(self.path, self.state_path)  # create / migrate both files once (and say what happened)
        self._writer = ThreadPoolExecutor(1, thread_name_prefix="sipsabot-writer")
        self._readers = ThreadPoolExecutor(read_workers, thread_name_prefix="sipsabot-reader")
        self._writer_thread: threading.Thread | None = None
        self._write_conns: dict[bool, sqlite3.Connection] = {}

    # -- reads --------------------------------------------------------------------------------------------------
    def reader(self) -> sqlite3.Connection:
        """This thread's read-only connection (both files)."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.path, readonly=True, state=self.state_path)
            self._local.conn = conn
        return conn

    async def read(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._readers, lambda: fn(self.reader(), *args))

    # -- writes (one thread) --------------------------------------------------------------------------------------
    def _on_writer(self, fn: Callable[..., T], args: tuple[Any, ...], mirror_only: bool) -> T:
        self._writer_thread = threading.current_thread()
        conn = self._write_conns.get(mirror_only)
        if conn is None:
            conn = connect(self.path, state=self.state_path, attach=not mirror_only)
            self._write_conns[mirror_only] = conn
        try:
            return fn(conn, *args)
        finally:
            if conn.in_transaction:  # a unit of work never leaves a transaction open for the next one
                conn.rollback()

    def write_sync(self, fn: Callable[..., T], *args: Any, mirror_only: bool = False) -> T:
        """Run `fn(conn, *args)` on the writer thread and wait for it (blocking: worker threads, the CLI).
        `mirror_only`: the connection without the state attached (imports)."""
        if threading.current_thread() is self._writer_thread:
            return self._on_writer(fn, args, mirror_only)  # a write that writes: same thread, same connection
        return self._writer.submit(self._on_writer, fn, args, mirror_only).result()

    async def write(self, fn: Callable[..., T], *args: Any, mirror_only: bool = False) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._writer, self._on_writer, fn, args,
                                                                mirror_only)

    def close(self) -> None:
        """Close the writer's connections (on its thread) and stop the pools."""
        def shut() -> None:
            for conn in self._write_conns.values():
                conn.close()
            self._write_conns.clear()

        self._writer.submit(shut).result()
        self._writer.shutdown(wait=True)
        self._readers.shutdown(wait=False, cancel_futures=True)
