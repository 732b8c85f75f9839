"""Opening the mirror: one SQLite file in WAL mode, a connection per thread."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from data import schema


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """A plain sqlite3 connection with the project's pragmas. Read-only connections never block the writer."""
    if str(path) == ":memory:":
        conn = sqlite3.connect(":memory:", check_same_thread=False)
    elif readonly:
        conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True, check_same_thread=False)
    else:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 30000")
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def open_db(path: str | Path, *, readonly: bool = False) -> sqlite_utils.Database:
    """The mirror as a sqlite_utils.Database, schema created (or migrated) when writable."""
    db = sqlite_utils.Database(connect(path, readonly=readonly))
    if not readonly:
        schema.ensure(db)
    return db
