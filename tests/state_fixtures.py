"""Files in the first release's single-file layout (schema version 1, frozen in tests/fixtures/schema_v1.sql),
written with plain sqlite3 the way that release wrote them, for the upgrade and split tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from data import vocab
from data.text import fold

V1_SQL = Path(__file__).parent / "fixtures" / "schema_v1.sql"
PAPA = "Papa criolla limpia"
CORABASTOS = "Bogotá, D.C., Corabastos"


def pid(conn: sqlite3.Connection, product: str) -> int:
    return int(conn.execute("SELECT id FROM products WHERE key = ?", (fold(product),)).fetchone()[0])


def mid(conn: sqlite3.Connection, market: str) -> int:
    return int(conn.execute("SELECT id FROM markets WHERE key = ? UNION SELECT market_id FROM market_aliases "
                            "WHERE key = ?", (fold(market), fold(market))).fetchone()[0])


def make_v1(path: Path, *, chats: int = 3, payload: int = 20) -> dict[str, int]:
    """A release-1 mirror with prices and user rows in every user table. Returns the row count per user table."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.executescript(V1_SQL.read_text(encoding="utf-8"))
    conn.execute("INSERT INTO meta (key, value) VALUES ('schema_version', '1')")
    vocab.seed(conn)
    p, m = pid(conn, PAPA), mid(conn, CORABASTOS)
    conn.execute("INSERT INTO import_runs (source, dataset, started_at) VALUES ('test', 'weekly_prices', "
                 "'2026-10-01T00:00:00')")
    conn.execute("INSERT INTO weekly_prices VALUES (?, ?, '2026-10-03', '2026-10-09', 3000, 3400, 3200, '', 'test')",
                 (p, m))
    conn.execute("INSERT INTO meta (key, value) VALUES ('alerts_evaluated_run', '1')")
    conn.execute("INSERT INTO alert_subscriptions (chat_id, product_id, market_id, rule, threshold, created_at) "
                 "VALUES (42, ?, ?, 'below', 2000, '2026-10-01')", (p, m))
    conn.execute("INSERT INTO alert_series VALUES ('weekly', ?, ?, '2026-10-03')", (p, m))
    conn.execute("INSERT INTO alert_chats (chat_id, quiet_start, quiet_end) VALUES (42, 21, 6)")
    conn.execute("INSERT INTO alert_queue (key, subscription_id, chat_id, period, payload, created_at) "
                 "VALUES ('1:2026-10-03', 1, 42, '2026-10-03', '{}', '2026-10-10')")
    conn.execute("INSERT INTO saved_series (chat_id, name, product_id, market_id, created_at) "
                 "VALUES (42, 'mi papa', ?, ?, '2026-10-01')", (p, m))
    conn.executemany("INSERT INTO chat_state (chat_id, state, settings) VALUES (?, ?, ?)",
                     [(i, '{"q": "' + "x" * payload + '"}', '{"market": "Corabastos"}') for i in range(1, chats + 1)])
    conn.commit()
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("alert_subscriptions", "alert_series", "alert_chats", "alert_queue", "saved_series",
                        "chat_state")}
    conn.close()
    return counts


def table_counts(path: Path, tables: list[str] | tuple[str, ...]) -> dict[str, int | None]:
    """Row counts of the tables in a file (None: the table is not there), read-only."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] if t in have else None for t in tables}
    finally:
        conn.close()


def user_version(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()
