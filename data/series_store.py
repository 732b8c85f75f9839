"""Series a chat saved for forecasting ("guardar esta serie", /series): add, list, find by name or number,
delete. Numbers are positions in the chat's list (1-based), so they stay short and readable."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from data import state_ids
from data.text import fold

MAX_PER_CHAT = 30


@dataclass(frozen=True)
class SavedSeries:
    id: int
    chat_id: int
    number: int  # position in the chat's list, 1-based
    name: str
    product_id: int
    market_id: int
    product: str
    market: str
    freq: str
    horizon: int | None


def list_series(conn: sqlite3.Connection, chat_id: int) -> list[SavedSeries]:
    rows = conn.execute(
        "SELECT s.id, s.chat_id, s.name, s.product_id, s.market_id, p.name, m.name, s.freq, s.horizon "
        "FROM saved_series s JOIN products p ON p.id = s.product_id JOIN markets m ON m.id = s.market_id "
        "WHERE s.chat_id = ? ORDER BY s.id", (chat_id,)).fetchall()
    return [SavedSeries(int(r[0]), int(r[1]), i + 1, str(r[2]), int(r[3]), int(r[4]), str(r[5]), str(r[6]),
                        str(r[7]), None if r[8] is None else int(r[8])) for i, r in enumerate(rows)]


def save_series(conn: sqlite3.Connection, chat_id: int, product_id: int, market_id: int, freq: str = "W",
                horizon: int | None = None, name: str | None = None) -> tuple[SavedSeries, bool]:
    """Save (or update) a chat's series; returns it and whether it is new. Raises ValueError at the limit."""
    existing = [s for s in list_series(conn, chat_id)
                if (s.product_id, s.market_id, s.freq) == (product_id, market_id, freq)]
    if not existing and len(list_series(conn, chat_id)) >= MAX_PER_CHAT:
        raise ValueError(f"Ya tienes {MAX_PER_CHAT} series guardadas; borra alguna con /series.")
    if name is None and existing:
        name = existing[0].name  # saving again keeps the name the chat gave it
    if name is None:
        p = conn.execute("SELECT name FROM products WHERE id = ?", (product_id,)).fetchone()
        m = conn.execute("SELECT name FROM markets WHERE id = ?", (market_id,)).fetchone()
        name = f"{p[0] if p else product_id} – {m[0] if m else market_id}"
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with conn:
        conn.execute(
            "INSERT INTO saved_series (chat_id, name, product_id, market_id, freq, horizon, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id, product_id, market_id, freq) "
            "DO UPDATE SET name = excluded.name, horizon = coalesce(excluded.horizon, saved_series.horizon)",
            (chat_id, name.strip()[:80], product_id, market_id, freq, horizon, now))
        state_ids.remember(conn, [product_id], [market_id])  # the keys survive a rebuilt mirror
    saved = next(s for s in list_series(conn, chat_id)
                 if (s.product_id, s.market_id, s.freq) == (product_id, market_id, freq))
    return saved, not existing


def find_series(conn: sqlite3.Connection, chat_id: int, ref: str) -> SavedSeries | None:
    """A saved series by its number ("2", "#2") or its name (folded; a unique prefix or word match is enough)."""
    saved = list_series(conn, chat_id)
    text = ref.strip().lstrip("#").strip()
    if text.isdigit():
        n = int(text)
        return saved[n - 1] if 1 <= n <= len(saved) else None
    key = fold(text)
    if not key:
        return None
    for test in (lambda s: fold(s.name) == key, lambda s: fold(s.name).startswith(key),
                 lambda s: all(w in fold(s.name).split() for w in key.split())):
        hits = [s for s in saved if test(s)]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            return None
    return None


def delete_series(conn: sqlite3.Connection, chat_id: int, series_id: int) -> bool:
    with conn:
        cur = conn.execute("DELETE FROM saved_series WHERE chat_id = ? AND id = ?", (chat_id, series_id))
    return cur.rowcount > 0


def migrate_chat(conn: sqlite3.Connection, old: int, new: int) -> None:
    """A group that became a supergroup keeps its saved series."""
    with conn:
        conn.execute("UPDATE OR IGNORE saved_series SET chat_id = ? WHERE chat_id = ?", (new, old))
