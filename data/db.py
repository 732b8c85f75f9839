"""Opening the two files: the mirror (public data, rebuildable) and the state (what users created).

A connection's main database is the mirror; the state file is attached as `state`. Table names are unique across
the two files, so queries use unqualified names and SQLite finds each table in its file (joins between saved
series and products keep working). Both files are in WAL mode: readers keep reading while a write runs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from data import migrations, schema, state_ids

MEMORY = ":memory:"


def default_state(mirror: str | Path) -> Path:
    """The state file that goes with a mirror when none is named: state.db beside it (var/state.db by default)."""
    return Path(mirror).parent / "state.db"


def _pragmas(conn: sqlite3.Connection, readonly: bool, schema_name: str = "main") -> None:
    if not readonly:
        conn.execute(f"PRAGMA {schema_name}.journal_mode = WAL")
        conn.execute(f"PRAGMA {schema_name}.synchronous = NORMAL")


def connect(path: str | Path, *, readonly: bool = False, state: str | Path | None = None,
            attach: bool = True) -> sqlite3.Connection:
    """A plain sqlite3 connection to the mirror with the project's pragmas and the state attached (unless
    `attach` is False: imports, which must not hold the state's write lock for minutes). Read-only connections
    never block the writer; a read-only connection attaches the state only when the file exists."""
    if str(path) == MEMORY:
        conn = sqlite3.connect(MEMORY, check_same_thread=False)
    elif readonly:
        conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True, check_same_thread=False)
    else:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 30000")
    conn.execute("PRAGMA foreign_keys = ON")
    _pragmas(conn, readonly)
    if attach and str(path) != MEMORY:
        state_path = Path(state) if state else default_state(path)
        if readonly:
            if state_path.exists():
                conn.execute("ATTACH DATABASE ? AS state", (f"file:{state_path}?mode=ro",))
        else:
            state_path.parent.mkdir(parents=True, exist_ok=True)
            conn.execute("ATTACH DATABASE ? AS state", (str(state_path),))
            _pragmas(conn, readonly, "state")
    return conn


def connect_state(path: str | Path) -> sqlite3.Connection:
    """The state file alone (backups, restores, its own upgrade)."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 30000")
    _pragmas(conn, False)
    return conn


# A full integrity check reads every page; above this size start-up checks the header and schema only.
QUICK_CHECK_MAX_BYTES = 256 * 1024 * 1024


def mirror_damage(path: str | Path) -> str | None:
    """Why the mirror file cannot be used (not SQLite, damaged pages), or None when it opens and checks clean."""
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if path.stat().st_size <= QUICK_CHECK_MAX_BYTES:
                found = conn.execute("PRAGMA quick_check").fetchone()[0]
                if found != "ok":
                    return str(found)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None


def quarantine(path: str | Path, reason: str) -> str:
    """Move a damaged mirror (and its WAL) aside so a new one can be built; returns the message (Spanish).
    Only the mirror: it is public data that a refresh rebuilds. The state file is never moved or rebuilt."""
    import datetime as dt

    path = Path(path)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.dañado-{stamp}")
    path.rename(aside)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return (f"El espejo {path} estaba dañado ({reason}); lo aparté como {aside.name} y lo reconstruyo. "
            "Las alertas, series y chats están en el archivo de estado y no se tocaron.")


def upgrade(path: str | Path, state: str | Path | None = None) -> list[str]:
    """Create or upgrade both files (state first: the mirror's split moves rows into it), then map the state's
    ids onto the mirror. A damaged mirror is moved aside and created anew (the returned notes say so). Raises
    migrations.MigrationError, leaving the file that failed as it was."""
    notes = []
    state_path = Path(state) if state else default_state(path)
    if str(path) != MEMORY:
        damage = mirror_damage(path)
        if damage is not None:
            notes.append(quarantine(path, damage))
    sconn = connect_state(state_path)
    try:
        migrations.upgrade_state(sconn)
    finally:
        sconn.close()
    conn = connect(path, state=state_path)
    try:
        migrations.upgrade_mirror(conn)
        state_ids.reconcile(conn)
    finally:
        conn.close()
    return notes


def open_db(path: str | Path, *, readonly: bool = False, state: str | Path | None = None,
            attach: bool = True) -> sqlite_utils.Database:
    """The mirror (state attached) as a sqlite_utils.Database; both files created or upgraded when writable."""
    if str(path) == MEMORY:
        conn = connect(MEMORY)
        for stmt in migrations.statements(schema.MIRROR_DDL) + migrations.statements(schema.STATE_DDL):
            conn.execute(stmt)
        from data import vocab

        vocab.seed(conn)
        conn.commit()
        return sqlite_utils.Database(conn)
    if not readonly:
        upgrade(path, state)
    return sqlite_utils.Database(connect(path, readonly=readonly, state=state, attach=attach))
