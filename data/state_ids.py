"""Keeping the state's product/market ids meaningful across mirror rebuilds.

The state refers to products and markets by the mirror's integer ids. A mirror deleted and rebuilt seeds the same
canonical vocabulary in the same order, but products first met in an import get ids in import order, which may
differ. So the state remembers the canonical key of every id it refers to (id_keys), and `reconcile` maps ids
whose key now belongs to another id. Runs on a connection with both files attached (unqualified names: the
mirror's tables live in main, the state's only in the state file)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

# kind -> (mirror table, state columns that hold its ids)
REFS: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "product": ("products", (("alert_subscriptions", "product_id"), ("saved_series", "product_id"),
                             ("alert_series", "product_id"))),
    "market": ("markets", (("alert_subscriptions", "market_id"), ("saved_series", "market_id"),
                           ("alert_series", "market_id"))),
}


def remember(conn: sqlite3.Connection, product_ids: Iterable[int | None] = (),
             market_ids: Iterable[int | None] = ()) -> None:
    """Record the keys of ids the state starts referring to (inside the caller's transaction)."""
    for kind, ids in (("product", product_ids), ("market", market_ids)):
        table = REFS[kind][0]
        conn.executemany(f"INSERT OR REPLACE INTO id_keys (kind, id, key) SELECT ?, id, key FROM {table} "
                         "WHERE id = ?", [(kind, i) for i in set(ids) if i])


def remember_all(conn: sqlite3.Connection, state: str = "state") -> None:
    """Record the keys of every id the state refers to (the split does it once for the moved tables)."""
    for kind, (table, refs) in REFS.items():
        used = " UNION ".join(f"SELECT {col} FROM {state}.{tbl}" for tbl, col in refs)
        conn.execute(f"INSERT OR REPLACE INTO {state}.id_keys (kind, id, key) "
                     f"SELECT ?, id, key FROM main.{table} WHERE id IN ({used})", (kind,))


def _find(conn: sqlite3.Connection, kind: str, key: str) -> int | None:
    table = REFS[kind][0]
    row = conn.execute(f"SELECT id FROM {table} WHERE key = ? UNION ALL "
                       f"SELECT {kind}_id FROM {kind}_aliases WHERE key = ? LIMIT 1", (key, key)).fetchone()
    return None if row is None else int(row[0])


OFFSET = 1 << 40  # ids are moved through id + OFFSET so swapped ids never collide with a UNIQUE constraint


def reconcile(conn: sqlite3.Connection) -> int:
    """Point the state's ids at the mirror's current ids for the same keys, in one transaction. An id whose key
    the mirror does not hold (yet: a rebuild still importing) is parked at its negative, which matches no product,
    so nothing is evaluated or shown against another product that took its number; it comes back when the key
    appears. Returns the number of ids moved."""
    moved = 0
    with conn:
        for kind, (table, refs) in REFS.items():
            mapping: dict[int, tuple[int, str]] = {}
            for old, key in conn.execute("SELECT id, key FROM id_keys WHERE kind = ?", (kind,)).fetchall():
                row = conn.execute(f"SELECT key FROM {table} WHERE id = ?", (old,)).fetchone()
                if row is not None and row[0] == key:
                    continue
                new = _find(conn, kind, key)
                if new is None and old > 0:
                    mapping[old] = (-old, key)  # parked
                elif new is not None and new != old:
                    mapping[old] = (new, key)
            if not mapping:
                continue
            for tbl, col in refs:
                conn.executemany(f"UPDATE {tbl} SET {col} = ? WHERE {col} = ?",
                                 [(new + OFFSET, old) for old, (new, _) in mapping.items()])
                conn.execute(f"UPDATE {tbl} SET {col} = {col} - ? WHERE {col} >= ?", (OFFSET, OFFSET // 2))
            conn.executemany("DELETE FROM id_keys WHERE kind = ? AND id = ?", [(kind, old) for old in mapping])
            conn.executemany("INSERT OR REPLACE INTO id_keys (kind, id, key) VALUES (?, ?, ?)",
                             [(kind, new, key) for new, key in mapping.values()])
            moved += len(mapping)
    return moved
