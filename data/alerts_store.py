"""Price-alert storage: subscriptions per chat, quiet hours, the evaluation cursor and the outbox.

Everything durable about alerts lives here, in the state file (never in pickle persistence, never in the
rebuildable mirror):
- `alert_subscriptions`: one rule per row (product + market or city + rule), with its armed state and the newest
  observation period already evaluated;
- `alert_queue`: one row per alert, keyed (subscription, observation period) and written in the same transaction
  as the evaluation that produced it, BEFORE anything is sent. Sending moves a row pending -> sending ->
  delivered; see `models.alerts` for the exact delivery guarantee.

Every function takes an open connection and commits its own unit of work (callers run them with `Store.write`).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NamedTuple

from data import state_ids

RULES = ("above", "below", "change", "digest")
DIRECTIONS = ("", "up", "down", "any")

# dataset -> (table, period column, end-of-period column or None). Only price series carry alerts.
SERIES: dict[str, tuple[str, str, str | None]] = {
    "daily": ("daily_prices", "day", None),
    "daily-city": ("daily_city_prices", "day", None),
    "weekly": ("weekly_prices", "week_start", "week_end"),
    "monthly": ("monthly_prices", "month", None),
}
# How far back (days) to look for the previous observation of a series when evaluating % change.
LOOKBACK_DAYS = {"daily": 15, "daily-city": 15, "weekly": 50, "monthly": 125}
CURSOR_KEY = "alerts_cursor"


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def utc_iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds")


class Subscription(NamedTuple):
    """One alert rule of a chat (a NamedTuple: the evaluation reads 100,000 of them at a time)."""

    id: int
    chat_id: int
    user_id: int | None
    product_id: int
    market_id: int | None
    dataset: str
    rule: str
    threshold: float | None
    direction: str
    armed: bool
    paused: bool
    active: bool
    last_period: str
    created_at: str


_SUB_COLUMNS = ("id, chat_id, user_id, product_id, market_id, dataset, rule, threshold, direction, armed = 1, "
                "paused = 1, active = 1, last_period, created_at")
_sub = Subscription._make


class AlertError(ValueError):
    """A subscription that cannot be stored (bad rule, threshold or dataset). The message is Spanish."""


def add_subscription(conn: sqlite3.Connection, *, chat_id: int, product_id: int, market_id: int | None,
                     rule: str, dataset: str = "weekly", threshold: float | None = None, direction: str = "",
                     user_id: int | None = None, armed: bool = True, last_period: str = "") -> Subscription:
    if rule not in RULES:
        raise AlertError(f"regla desconocida: {rule}")
    if dataset not in SERIES:
        raise AlertError(f"serie desconocida: {dataset}")
    if rule in ("above", "below", "change") and (threshold is None or not 0 < threshold < 1e12):
        raise AlertError("el umbral debe ser un número mayor que cero")
    if rule == "change" and direction not in ("up", "down", "any"):
        raise AlertError("la dirección del cambio debe ser sube, baja o cualquiera")
    if rule in ("above", "below", "change") and market_id is None:
        raise AlertError("una alerta de precio necesita un mercado o una ciudad")
    cur = conn.execute(
        "INSERT INTO alert_subscriptions (chat_id, user_id, product_id, market_id, dataset, rule, threshold, "
        "direction, armed, last_period, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (chat_id, user_id, product_id, market_id, dataset, rule, threshold, direction if rule == "change" else "",
         int(armed), last_period, utc_now()),
    )
    state_ids.remember(conn, [product_id], [market_id])  # the keys survive a rebuilt mirror
    conn.execute("INSERT OR IGNORE INTO alert_chats (chat_id) VALUES (?)", (chat_id,))
    conn.execute("UPDATE alert_chats SET blocked_at = '' WHERE chat_id = ?", (chat_id,))
    conn.execute("UPDATE alert_subscriptions SET active = 1 WHERE chat_id = ?", (chat_id,))
    conn.commit()
    sub = get_subscription(conn, int(cur.lastrowid or 0))
    assert sub is not None
    return sub


def get_subscription(conn: sqlite3.Connection, sub_id: int) -> Subscription | None:
    row = conn.execute(f"SELECT {_SUB_COLUMNS} FROM alert_subscriptions WHERE id = ?", (sub_id,)).fetchone()
    return None if row is None else _sub(row)


def list_subscriptions(conn: sqlite3.Connection, chat_id: int) -> list[Subscription]:
    rows = conn.execute(f"SELECT {_SUB_COLUMNS} FROM alert_subscriptions WHERE chat_id = ? ORDER BY id",
                        (chat_id,)).fetchall()
    return [_sub(r) for r in rows]


def evaluable(conn: sqlite3.Connection, datasets: Iterable[str]) -> list[Subscription]:
    """Active, unpaused subscriptions on the given datasets (user_id and created_at not filled)."""
    names = [d for d in datasets if d in SERIES]
    if not names:
        return []
    marks = ", ".join("?" * len(names))
    # only what the evaluation reads (user_id and created_at left out: 100,000 rows are read at a time)
    rows = conn.execute("SELECT id, chat_id, NULL, product_id, market_id, dataset, rule, threshold, direction, "
                        "armed = 1, 0, 1, last_period, '' FROM alert_subscriptions WHERE active = 1 AND paused = 0 "
                        f"AND dataset IN ({marks})", names).fetchall()
    return list(map(_sub, rows))


def set_paused(conn: sqlite3.Connection, sub_id: int, chat_id: int, paused: bool) -> bool:
    cur = conn.execute("UPDATE alert_subscriptions SET paused = ? WHERE id = ? AND chat_id = ?",
                       (int(paused), sub_id, chat_id))
    conn.commit()
    return cur.rowcount == 1


def delete_subscription(conn: sqlite3.Connection, sub_id: int, chat_id: int) -> bool:
    """Delete a chat's subscription; its undelivered alerts go with it."""
    cur = conn.execute("DELETE FROM alert_subscriptions WHERE id = ? AND chat_id = ?", (sub_id, chat_id))
    if cur.rowcount:
        conn.execute("DELETE FROM alert_queue WHERE subscription_id = ? AND status IN ('pending', 'sending')",
                     (sub_id,))
    conn.commit()
    return cur.rowcount == 1


def migrate_chat(conn: sqlite3.Connection, old_chat_id: int, new_chat_id: int) -> int:
    """A group became a supergroup: its subscriptions, settings and undelivered alerts follow it."""
    cur = conn.execute("UPDATE alert_subscriptions SET chat_id = ? WHERE chat_id = ?", (new_chat_id, old_chat_id))
    conn.execute("UPDATE alert_queue SET chat_id = ? WHERE chat_id = ? AND status IN ('pending', 'sending')",
                 (new_chat_id, old_chat_id))
    row = conn.execute("SELECT quiet_start, quiet_end FROM alert_chats WHERE chat_id = ?", (old_chat_id,)).fetchone()
    if row is not None:
        conn.execute("INSERT OR REPLACE INTO alert_chats (chat_id, quiet_start, quiet_end) VALUES (?, ?, ?)",
                     (new_chat_id, row[0], row[1]))
        conn.execute("DELETE FROM alert_chats WHERE chat_id = ?", (old_chat_id,))
    conn.commit()
    return cur.rowcount


def deactivate_chat(conn: sqlite3.Connection, chat_id: int, reason: str) -> int:
    """The bot was blocked or removed (403): stop evaluating the chat's subscriptions and drop its queued alerts.
    Creating a new alert from that chat later re-activates them."""
    cur = conn.execute("UPDATE alert_subscriptions SET active = 0 WHERE chat_id = ?", (chat_id,))
    conn.execute("UPDATE alert_queue SET status = 'dropped', error = ? WHERE chat_id = ? "
                 "AND status IN ('pending', 'sending')", (reason, chat_id))
    conn.execute("INSERT OR IGNORE INTO alert_chats (chat_id) VALUES (?)", (chat_id,))
    conn.execute("UPDATE alert_chats SET blocked_at = ? WHERE chat_id = ?", (utc_now(), chat_id))
    conn.commit()
    return cur.rowcount


def set_quiet_hours(conn: sqlite3.Connection, chat_id: int, start_min: int | None, end_min: int | None) -> None:
    """Quiet hours as minutes after local midnight (start may be after end: the window crosses midnight).
    None for both clears them."""
    conn.execute("INSERT OR IGNORE INTO alert_chats (chat_id) VALUES (?)", (chat_id,))
    conn.execute("UPDATE alert_chats SET quiet_start = ?, quiet_end = ? WHERE chat_id = ?",
                 (start_min, end_min, chat_id))
    conn.commit()


def quiet_hours(conn: sqlite3.Connection, chat_ids: Iterable[int] | None = None) -> dict[int, tuple[int, int]]:
    rows = conn.execute("SELECT chat_id, quiet_start, quiet_end FROM alert_chats "
                        "WHERE quiet_start IS NOT NULL AND quiet_end IS NOT NULL").fetchall()
    wanted = None if chat_ids is None else set(chat_ids)
    return {int(c): (int(s), int(e)) for c, s, e in rows if wanted is None or int(c) in wanted}


# ---------------------------------------------------------------- series values for the evaluation


class Obs(NamedTuple):
    """One observation of a price series."""

    period: str
    period_end: str
    value: float


def newest_period(conn: sqlite3.Connection, dataset: str) -> str | None:
    table, col, _ = SERIES[dataset]
    row = conn.execute(f"SELECT max({col}) FROM {table}").fetchone()
    return row[0] if row and row[0] else None


def latest_observations(conn: sqlite3.Connection, dataset: str, since: str,
                        product_ids: Iterable[int] | None = None) -> dict[tuple[int, int], list[Obs]]:
    """The newest two observations of every series with data on or after `since`, newest first, limited to
    `product_ids` when given. One indexed range scan, whatever the number of subscriptions."""
    table, col, end_col = SERIES[dataset]
    end = end_col or col
    lookback = (dt.date.fromisoformat(since[:10]) - dt.timedelta(days=LOOKBACK_DAYS[dataset])).isoformat()
    rows = conn.execute(
        f"SELECT product_id, market_id, {col}, {end}, price_mean FROM {table} WHERE {col} >= ? "
        f"ORDER BY product_id, market_id, {col} DESC", (lookback,)
    ).fetchall()
    wanted = None if product_ids is None else set(product_ids)
    out: dict[tuple[int, int], list[Obs]] = {}
    for product_id, market_id, period, period_end, value in rows:
        if wanted is not None and product_id not in wanted:
            continue
        series = out.setdefault((product_id, market_id), [])
        if len(series) < 2:
            series.append(Obs(period, period_end, value))
    return {k: v for k, v in out.items() if v[0].period >= since}


@dataclass(frozen=True)
class Names:
    products: dict[int, tuple[str, str]]  # id -> (name, unit)
    markets: dict[int, tuple[str, str]]  # id -> (name, kind)


def names(conn: sqlite3.Connection, product_ids: Iterable[int], market_ids: Iterable[int]) -> Names:
    pids = sorted(set(product_ids))
    mids = sorted(set(market_ids))
    products = {}
    markets = {}
    for chunk in (pids[i:i + 500] for i in range(0, len(pids), 500)):
        q = f"SELECT id, name, unit FROM products WHERE id IN ({', '.join('?' * len(chunk))})"
        products.update({int(i): (n, u) for i, n, u in conn.execute(q, chunk)})
    for chunk in (mids[i:i + 500] for i in range(0, len(mids), 500)):
        q = f"SELECT id, name, kind FROM markets WHERE id IN ({', '.join('?' * len(chunk))})"
        markets.update({int(i): (n, k) for i, n, k in conn.execute(q, chunk)})
    return Names(products, markets)


def is_demo(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT value FROM meta WHERE key = 'demo'").fetchone()
    return bool(row and row[0] == "1")


# ---------------------------------------------------------------- evaluation cursor (durable)


def _mirror_id(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = 'mirror_id'").fetchone()
    return str(row[0]) if row else ""


def evaluated_run(conn: sqlite3.Connection) -> int:
    """The newest import run of this mirror already evaluated. The cursor lives in the state as
    'mirror id:run id'; a rebuilt mirror (another id, runs counted from 1 again) starts from 0, and the per-series
    watermarks (alert_series) keep periods already evaluated from alerting twice."""
    row = conn.execute("SELECT value FROM state_meta WHERE key = ?", (CURSOR_KEY,)).fetchone()
    if not row:
        return 0
    mirror, _, run = str(row[0]).rpartition(":")
    return int(run) if mirror == _mirror_id(conn) and run.isdigit() else 0


def runs_after(conn: sqlite3.Connection, run_id: int) -> tuple[int, set[str]]:
    """(newest import run id, alert datasets touched by successful runs newer than `run_id`)."""
    newest = conn.execute("SELECT coalesce(max(id), 0) FROM import_runs").fetchone()[0]
    tables = {t for (t,) in conn.execute(
        "SELECT DISTINCT dataset FROM import_runs WHERE id > ? AND status = 'ok' AND (inserted + updated) > 0",
        (run_id,))}
    by_table = {table: name for name, (table, _, _) in SERIES.items()}
    return int(newest), {by_table[t] for t in tables if t in by_table}


class NewAlert(NamedTuple):
    key: str
    subscription_id: int
    chat_id: int
    period: str
    payload: str  # JSON facts of the alert; models.alerts.render turns it into the message
    forecast: str


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction taken up front (BEGIN IMMEDIATE), so what is read inside it cannot change before the
    writes land. Rolled back on any error, including a KeyboardInterrupt; a killed process leaves nothing."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def watermarks(conn: sqlite3.Connection, dataset: str) -> dict[tuple[int, int], str]:
    """(product id, market id or 0) -> newest period already evaluated for that series."""
    return {(p, m): last for p, m, last in conn.execute(
        "SELECT product_id, market_id, last_period FROM alert_series WHERE dataset = ?", (dataset,))}


def write_evaluation(conn: sqlite3.Connection, *, alerts: Sequence[NewAlert], armed: Sequence[tuple[int, int]],
                     series: Sequence[tuple[str, int, int, str]], run_id: int) -> int:
    """Inside `transaction`: queue the alerts (a key already queued is ignored), store the armed state of the
    subscriptions whose state changed, the newest evaluated period of each evaluated series, and advance the
    cursor, all in the same commit. A crash before the commit leaves nothing behind and the next start redoes the
    same evaluation. Returns the number of alerts queued."""
    now = utc_now()
    before = conn.total_changes
    conn.executemany(
        "INSERT OR IGNORE INTO alert_queue (key, subscription_id, chat_id, period, payload, forecast, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(*a, now) for a in alerts],
    )
    queued = conn.total_changes - before
    conn.executemany("UPDATE alert_subscriptions SET armed = ? WHERE id = ?", [(a, i) for i, a in armed])
    conn.executemany("INSERT OR REPLACE INTO alert_series (dataset, product_id, market_id, last_period) "
                     "VALUES (?, ?, ?, ?)", series)
    conn.execute("INSERT OR REPLACE INTO state_meta (key, value) VALUES (?, ?)",
                 (CURSOR_KEY, f"{_mirror_id(conn)}:{run_id}"))
    return queued


# ---------------------------------------------------------------- outbox


class OutboxItem(NamedTuple):
    key: str
    subscription_id: int
    chat_id: int
    period: str
    payload: str
    forecast: str
    created_at: str
    status: str
    attempts: int
    in_doubt: bool
    not_before: str
    held: bool


_OUT_COLUMNS = ("key, subscription_id, chat_id, period, payload, forecast, created_at, status, attempts, "
                "in_doubt = 1, not_before, held = 1")
_item = OutboxItem._make


def recover_in_doubt(conn: sqlite3.Connection) -> int:
    """At start-up: rows left 'sending' by a process that died are in doubt (Telegram may or may not have the
    message). They go back to 'pending' flagged in_doubt, so they are sent again with a note."""
    cur = conn.execute("UPDATE alert_queue SET status = 'pending', in_doubt = 1 WHERE status = 'sending'")
    conn.commit()
    return cur.rowcount


def due(conn: sqlite3.Connection, now: str, limit: int = 5000) -> list[OutboxItem]:
    """Pending alerts whose retry time has come, oldest first."""
    rows = conn.execute(f"SELECT {_OUT_COLUMNS} FROM alert_queue WHERE status = 'pending' AND not_before <= ? "
                        "ORDER BY created_at, key LIMIT ?", (now, limit)).fetchall()
    return [_item(r) for r in rows]


def outbox(conn: sqlite3.Connection, status: str | None = None) -> list[OutboxItem]:
    if status is None:
        rows = conn.execute(f"SELECT {_OUT_COLUMNS} FROM alert_queue ORDER BY created_at, key").fetchall()
    else:
        rows = conn.execute(f"SELECT {_OUT_COLUMNS} FROM alert_queue WHERE status = ? ORDER BY created_at, key",
                            (status,)).fetchall()
    return [_item(r) for r in rows]


def _many(conn: sqlite3.Connection, sql: str, params: Sequence[Sequence[object]]) -> None:
    conn.executemany(sql, params)
    conn.commit()


def mark_sending(conn: sqlite3.Connection, keys: Sequence[str]) -> None:
    """Committed before the HTTP request leaves: from here on a crash makes these keys 'in doubt'."""
    _many(conn, "UPDATE alert_queue SET status = 'sending', attempts = attempts + 1 WHERE key = ? "
          "AND status = 'pending'", [(k,) for k in keys])


def mark_delivered(conn: sqlite3.Connection, keys: Sequence[str], message_id: int | None) -> None:
    now = utc_now()
    _many(conn, "UPDATE alert_queue SET status = 'delivered', sent_at = ?, message_id = ?, error = '' WHERE key = ?",
          [(now, message_id, k) for k in keys])


def mark_retry(conn: sqlite3.Connection, keys: Sequence[str], not_before: str, error: str,
               in_doubt: bool = False) -> None:
    _many(conn, "UPDATE alert_queue SET status = 'pending', not_before = ?, error = ?, "
          "in_doubt = max(in_doubt, ?) WHERE key = ? AND status != 'delivered'",
          [(not_before, error[:300], int(in_doubt), k) for k in keys])


def attempts(conn: sqlite3.Connection, key: str) -> int:
    """How many times the alert `key` has been handed to Telegram."""
    row = conn.execute("SELECT attempts FROM alert_queue WHERE key = ?", (key,)).fetchone()
    return int(row[0]) if row else 0


def mark_dropped(conn: sqlite3.Connection, keys: Sequence[str], error: str) -> None:
    _many(conn, "UPDATE alert_queue SET status = 'dropped', error = ? WHERE key = ?",
          [(error[:300], k) for k in keys])


def mark_held(conn: sqlite3.Connection, keys: Sequence[str]) -> None:
    """Held by the chat's quiet hours: delivered together, under one header, once they end."""
    _many(conn, "UPDATE alert_queue SET held = 1 WHERE key = ? AND held = 0", [(k,) for k in keys])


def move_chat_items(conn: sqlite3.Connection, keys: Sequence[str], new_chat_id: int) -> None:
    _many(conn, "UPDATE alert_queue SET chat_id = ? WHERE key = ?", [(new_chat_id, k) for k in keys])


def prune(conn: sqlite3.Connection, days: int = 120) -> int:
    """Forget delivered and dropped alerts older than `days`. Their keys cannot come back: the evaluation only
    looks at periods newer than each series' watermark."""
    cutoff = utc_iso(dt.datetime.now(dt.UTC) - dt.timedelta(days=days))
    cur = conn.execute("DELETE FROM alert_queue WHERE status IN ('delivered', 'dropped') AND created_at < ?",
                       (cutoff,))
    conn.commit()
    return cur.rowcount


def count_subscriptions(conn: sqlite3.Connection, chat_id: int) -> int:
    return int(conn.execute("SELECT count(*) FROM alert_subscriptions WHERE chat_id = ?", (chat_id,)).fetchone()[0])


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {str(s): int(n) for s, n in conn.execute("SELECT status, count(*) FROM alert_queue GROUP BY status")}


# ---------------------------------------------------------------- look-ups for creating subscriptions


def series_tail(conn: sqlite3.Connection, dataset: str, product_id: int, market_id: int, n: int = 2) -> list[Obs]:
    """The newest `n` observations of one series, newest first."""
    table, col, end_col = SERIES[dataset]
    rows = conn.execute(f"SELECT {col}, {end_col or col}, price_mean FROM {table} WHERE product_id = ? "
                        f"AND market_id = ? ORDER BY {col} DESC LIMIT ?", (product_id, market_id, n)).fetchall()
    return [Obs(p, e, float(v)) for p, e, v in rows]


def product_markets(conn: sqlite3.Connection, product_id: int) -> list[tuple[int, str, str]]:
    """Markets and cities with price data for a product: (market id, name, kind), the ones with the most data
    first (the big wholesale markets), then by name."""
    counts: dict[int, int] = {}
    for table, _, _ in SERIES.values():
        for market_id, n in conn.execute(f"SELECT market_id, count(*) FROM {table} WHERE product_id = ? "
                                         "GROUP BY market_id", (product_id,)):
            counts[int(market_id)] = counts.get(int(market_id), 0) + int(n)
    if not counts:
        return []
    rows = conn.execute(f"SELECT id, name, kind FROM markets WHERE id IN ({', '.join('?' * len(counts))})",
                        sorted(counts)).fetchall()
    rows.sort(key=lambda r: (-counts[int(r[0])], r[1]))
    return [(int(i), str(n), str(k)) for i, n, k in rows]


def product_name(conn: sqlite3.Connection, product_id: int) -> tuple[str, str] | None:
    row = conn.execute("SELECT name, unit FROM products WHERE id = ?", (product_id,)).fetchone()
    return None if row is None else (str(row[0]), str(row[1]))


def market_name(conn: sqlite3.Connection, market_id: int) -> tuple[str, str] | None:
    row = conn.execute("SELECT name, kind FROM markets WHERE id = ?", (market_id,)).fetchone()
    return None if row is None else (str(row[0]), str(row[1]))


def last_ok_refresh(conn: sqlite3.Connection) -> dict[str, dt.datetime]:
    """Dataset name (data.status) -> start of its newest successful SOAP refresh."""
    from data.status import DATASETS

    by_table = {d.table: name for name, d in DATASETS.items()}
    out: dict[str, dt.datetime] = {}
    for table, started in conn.execute("SELECT dataset, max(started_at) FROM import_runs WHERE status = 'ok' "
                                       "AND source LIKE 'soap:%' GROUP BY dataset"):
        if table in by_table and started:
            moment = dt.datetime.fromisoformat(started)
            out[by_table[table]] = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return out
