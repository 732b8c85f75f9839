"""Per-chat memory of the Telegram bot: the last question's state (for follow-ups) and the chat's settings.

Both are small JSON objects in the chat_state table; the Telegram layer turns them into its own types.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def load(conn: sqlite3.Connection, chat_id: int) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """(state, settings) of a chat, or None when the chat was never seen."""
    row = conn.execute("SELECT state, settings FROM chat_state WHERE chat_id = ?", (chat_id,)).fetchone()
    if row is None:
        return None
    return _json(row[0]), _json(row[1])


def _json(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def save_state(conn: sqlite3.Connection, chat_id: int, state: dict[str, Any]) -> None:
    with conn:
        conn.execute(
            "INSERT INTO chat_state (chat_id, state, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (chat_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
            (chat_id, json.dumps(state, ensure_ascii=False), _now()))


def save_states(conn: sqlite3.Connection, states: dict[int, dict[str, Any]]) -> None:
    """Write many chats' states in one transaction."""
    now = _now()
    with conn:
        conn.executemany(
            "INSERT INTO chat_state (chat_id, state, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (chat_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
            [(chat_id, json.dumps(state, ensure_ascii=False), now) for chat_id, state in states.items()])


def save_settings(conn: sqlite3.Connection, chat_id: int, settings: dict[str, Any]) -> None:
    with conn:
        conn.execute(
            "INSERT INTO chat_state (chat_id, settings, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (chat_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at",
            (chat_id, json.dumps(settings, ensure_ascii=False), _now()))


def migrate(conn: sqlite3.Connection, old_chat_id: int, new_chat_id: int) -> bool:
    """Move a group's row to its new supergroup id (a row already at the new id is kept and merged over)."""
    with conn:
        old = conn.execute("SELECT state, settings FROM chat_state WHERE chat_id = ?", (old_chat_id,)).fetchone()
        if old is None:
            return False
        new = conn.execute("SELECT state, settings FROM chat_state WHERE chat_id = ?", (new_chat_id,)).fetchone()
        state, settings = _json(old[0]), _json(old[1])
        if new is not None:
            state = {**state, **_json(new[0])}
            settings = {**settings, **_json(new[1])}
        conn.execute("DELETE FROM chat_state WHERE chat_id = ?", (old_chat_id,))
        conn.execute(
            "INSERT INTO chat_state (chat_id, state, settings, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (chat_id) DO UPDATE SET state = excluded.state, settings = excluded.settings, "
            "updated_at = excluded.updated_at",
            (new_chat_id, json.dumps(state, ensure_ascii=False), json.dumps(settings, ensure_ascii=False), _now()))
    return True
