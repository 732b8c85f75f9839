"""Forward-only, versioned upgrades of the two files (the version lives in PRAGMA user_version).

Every step runs in one transaction together with the new user_version, so a step that fails (or a process killed
half-way) leaves the file exactly as it was; the next start simply tries again. A file newer than this code is
refused rather than guessed at.

The mirror's step 1 -> 2 is the split of the first release's single file: the user tables move to the state file.
It writes two files, and SQLite in WAL mode commits each file on its own, so it is three transactions, each
touching one file and each safe to repeat:
  a. mirror: give the mirror its identity (meta.mirror_id) if it has none;
  b. state: copy the user tables (INSERT OR IGNORE, by primary key) and mark the copy done, in one commit;
  c. mirror: drop the user tables and set user_version = 2, in one commit.
Killed before (b) commits: nothing moved. Killed between (b) and (c): the copy is marked done, (c) runs on the next
start. Killed during (c): the tables are still in the mirror, the copy is not repeated, (c) runs again.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from collections.abc import Callable, Sequence

from data import schema, state_ids

Step = tuple[int, str, Callable[[sqlite3.Connection], None]]


class MigrationError(RuntimeError):
    """An upgrade that could not complete; the message (Spanish) says which file, which step and why."""


def statements(ddl: str) -> list[str]:
    """Split a DDL script into statements (executescript would COMMIT the migration's transaction)."""
    out: list[str] = []
    buf = ""
    for line in ddl.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not buf.strip():
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    return out


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def user_version(conn: sqlite3.Connection, schema_name: str = "main") -> int:
    return int(conn.execute(f"PRAGMA {schema_name}.user_version").fetchone()[0])


def _has_table(conn: sqlite3.Connection, table: str, schema_name: str = "main") -> bool:
    return conn.execute(f"SELECT 1 FROM {schema_name}.sqlite_master WHERE type = 'table' AND name = ?",
                        (table,)).fetchone() is not None


def _step(conn: sqlite3.Connection, label: str, version: int, name: str, fn: Callable[[sqlite3.Connection], None],
          schema_name: str = "main") -> None:
    """One upgrade step: its changes and the new version in one transaction, or nothing at all."""
    if conn.in_transaction:
        conn.commit()
    conn.execute("BEGIN IMMEDIATE")
    try:
        fn(conn)
        conn.execute(f"PRAGMA {schema_name}.user_version = {int(version)}")
    except BaseException as exc:
        conn.rollback()
        raise MigrationError(f"No pude actualizar {label} a la versión {version} ({name}): {exc}. "
                             "El archivo quedó como estaba.") from exc
    conn.commit()


def apply(conn: sqlite3.Connection, label: str, steps: Sequence[Step], latest: int, schema_name: str = "main") -> int:
    """Run the steps newer than the file's version, in order. Returns the final version."""
    current = user_version(conn, schema_name)
    if current > latest:
        raise MigrationError(f"{label} tiene la versión {current}, más nueva que la que conoce este SIPSABot "
                             f"({latest}): actualice SIPSABot o use otro archivo. No lo toqué.")
    for version, name, fn in steps:
        if version > current:
            _step(conn, label, version, name, fn, schema_name)
            current = version
    return current


# ---------------------------------------------------------------- the state file


def _create_state(conn: sqlite3.Connection) -> None:
    for stmt in statements(schema.STATE_DDL):
        conn.execute(stmt)
    conn.execute("INSERT OR IGNORE INTO state_meta (key, value) VALUES ('created_at', ?)", (_now(),))
    conn.execute("INSERT OR IGNORE INTO state_meta (key, value) VALUES ('kind', 'sipsabot-state')")


# Index = version - 1. Append new steps; never edit one that shipped.
STATE_STEPS: list[Step] = [
    (1, "tablas de usuario", _create_state),
]


def upgrade_state(conn: sqlite3.Connection) -> int:
    """Bring a connection's main database (the state file) to schema.STATE_VERSION."""
    return apply(conn, "el estado", STATE_STEPS, schema.STATE_VERSION)


# ---------------------------------------------------------------- the mirror file


def _create_mirror(conn: sqlite3.Connection) -> None:
    for stmt in statements(schema.MIRROR_DDL):
        conn.execute(stmt)
    conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('mirror_id', ?)", (uuid.uuid4().hex,))
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
                 (str(schema.MIRROR_VERSION),))
    if conn.execute("SELECT count(*) FROM products").fetchone()[0] == 0:
        from data import vocab

        vocab.seed(conn)


# (product, the group an early vocabulary gave it, the group DANE files it under in thousands of rows)
_DANE_GROUPS = (("Arracacha amarilla", "Frutas frescas", "Tubérculos, raíces y plátanos"),
                ("Arveja enlatada", "Granos y cereales", "Productos procesados"),
                ("Fríjol enlatado", "Granos y cereales", "Productos procesados"),
                ("Maíz enlatado", "Granos y cereales", "Productos procesados"))


def _dane_groups(conn: sqlite3.Connection) -> None:
    """Mirror 2 -> 3: four products had the food group of a few early bulletins (an arracacha among the fruits,
    canned legumes among the grains), so rankings by group were wrong; only those exact rows change."""
    from data.text import fold

    for name, old, new in _DANE_GROUPS:
        conn.execute("UPDATE products SET group_name = ? WHERE key = ? AND group_name = ?", (new, fold(name), old))


# Steps after the split (version 3 onwards) go here; each receives a connection whose main is the mirror.
MIRROR_STEPS: list[Step] = [
    (3, "grupos de alimentos del DANE", _dane_groups),
]


def mirror_version(conn: sqlite3.Connection) -> int:
    """0: an empty file; 1: the first release's single file (user_version was never set); else user_version."""
    version = user_version(conn)
    if version == 0 and _has_table(conn, "meta"):
        return 1
    return version


def upgrade_mirror(conn: sqlite3.Connection, state_schema: str | None = "state") -> int:
    """Bring a connection's main database (the mirror) to schema.MIRROR_VERSION. `state_schema` names the attached
    state file, which must already be upgraded (open_db does both); None only for a new in-memory mirror."""
    version = mirror_version(conn)
    if version > schema.MIRROR_VERSION:
        raise MigrationError(f"El espejo tiene la versión {version}, más nueva que la que conoce este SIPSABot "
                             f"({schema.MIRROR_VERSION}). No lo toqué.")
    if version == 0:
        _step(conn, "el espejo", schema.MIRROR_VERSION, "espejo nuevo", _create_mirror)
    elif version == 1:
        if state_schema is None:
            raise MigrationError("El espejo es del formato de un solo archivo y no hay archivo de estado donde "
                                 "mover los datos de los usuarios. No lo toqué.")
        split(conn, state_schema)
    return apply(conn, "el espejo", MIRROR_STEPS, max([schema.MIRROR_VERSION, *(s[0] for s in MIRROR_STEPS)]))


def split(conn: sqlite3.Connection, state: str = "state") -> None:
    """Mirror 1 -> 2: move the user tables to the attached state file (see the module docstring)."""
    if conn.in_transaction:
        conn.commit()
    # a. the mirror's identity (the alert cursor is kept per mirror, so a rebuilt mirror is evaluated afresh)
    with conn:
        conn.execute("INSERT OR IGNORE INTO main.meta (key, value) VALUES ('mirror_id', ?)", (uuid.uuid4().hex,))
    mirror_id = conn.execute("SELECT value FROM main.meta WHERE key = 'mirror_id'").fetchone()[0]
    # b. copy into the state, once
    done = conn.execute(f"SELECT value FROM {state}.state_meta WHERE key = 'split_done'").fetchone()
    if done is None:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for table in schema.USER_TABLES:
                if not _has_table(conn, table):
                    continue
                theirs = {r[1] for r in conn.execute(f"PRAGMA main.table_info({table})")}
                cols = ", ".join(r[1] for r in conn.execute(f"PRAGMA {state}.table_info({table})") if r[1] in theirs)
                conn.execute(f"INSERT OR IGNORE INTO {state}.{table} ({cols}) SELECT {cols} FROM main.{table}")
            cursor = conn.execute("SELECT value FROM main.meta WHERE key = 'alerts_evaluated_run'").fetchone()
            if cursor is not None:
                conn.execute(f"INSERT OR REPLACE INTO {state}.state_meta (key, value) VALUES ('alerts_cursor', ?)",
                             (f"{mirror_id}:{cursor[0]}",))
            state_ids.remember_all(conn, state)
            conn.execute(f"INSERT OR REPLACE INTO {state}.state_meta (key, value) VALUES ('mirror_id', ?)",
                         (mirror_id,))
            conn.execute(f"INSERT INTO {state}.state_meta (key, value) VALUES ('split_done', ?)", (_now(),))
        except BaseException as exc:
            conn.rollback()
            raise MigrationError(f"No pude mover los datos de los usuarios al archivo de estado: {exc}. "
                                 "Ningún archivo cambió.") from exc
        conn.commit()

    # c. the mirror keeps public data only
    def drop(c: sqlite3.Connection) -> None:
        for table in schema.USER_TABLES:
            c.execute(f"DROP TABLE IF EXISTS main.{table}")
        c.execute("DELETE FROM main.meta WHERE key = 'alerts_evaluated_run'")
        for stmt in statements(schema.MIRROR_DDL):  # tables a early first-release file may lack
            c.execute(stmt)
        c.execute("INSERT OR REPLACE INTO main.meta (key, value) VALUES ('schema_version', '2')")

    _step(conn, "el espejo", 2, "separar el estado de los usuarios", drop)
