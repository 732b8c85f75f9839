"""Analytical queries over weekly prices: extremes, means, endpoints, seasonal monthly means, rankings, changes
between periods and counts. Each is one parameterised statement shaped for weekly_prices' keys
(product_id, market_id, week_start) or its week_start index; callers pass ids, never names.
"""

from __future__ import annotations

import sqlite3
import statistics
from dataclasses import dataclass

from data.queries import WeekPrice, week_row

_COLS = "product_id, market_id, week_start, week_end, price_min, price_max, price_mean"


@dataclass(frozen=True)
class Extreme:
    """The highest or lowest weekly price of a series in a period, the week it happened and its ties."""

    week: WeekPrice
    ties: tuple[str, ...]  # every week with the same price, newest first (the answer names the newest)
    weeks: int  # weeks with data in the period
    first_week: str
    last_week: str


@dataclass(frozen=True)
class Summary:
    mean: float
    median: float
    low: float
    high: float
    weeks: int
    first_week: str
    last_week: str


@dataclass(frozen=True)
class MonthMean:
    year: int
    month: int
    mean: float
    weeks: int


def series(conn: sqlite3.Connection, product_id: int, market_id: int, start: str = "0000-01-01",
           end: str = "9999-12-31") -> list[WeekPrice]:
    """The weeks of one series starting within [start, end], oldest first (one range scan of the key)."""
    rows = conn.execute(
        f"SELECT {_COLS} FROM weekly_prices WHERE product_id = ? AND market_id = ? AND week_start BETWEEN ? AND ? "
        "ORDER BY week_start", (product_id, market_id, start, end)).fetchall()
    return [week_row(r) for r in rows]


def extreme(conn: sqlite3.Connection, product_id: int, market_id: int, start: str, end: str, *,
            highest: bool) -> Extreme | None:
    weeks = series(conn, product_id, market_id, start, end)
    if not weeks:
        return None
    target = max(w.price_mean for w in weeks) if highest else min(w.price_mean for w in weeks)
    tied = [w for w in weeks if w.price_mean == target]
    return Extreme(tied[-1], tuple(w.week_start for w in reversed(tied)), len(weeks), weeks[0].week_start,
                   weeks[-1].week_start)


def summary(conn: sqlite3.Connection, product_id: int, market_id: int, start: str, end: str) -> Summary | None:
    weeks = series(conn, product_id, market_id, start, end)  # oldest first: the first and last weeks come with it
    if not weeks:
        return None
    prices = [w.price_mean for w in weeks]
    return Summary(sum(prices) / len(prices), statistics.median(prices), min(prices), max(prices), len(prices),
                   weeks[0].week_start, weeks[-1].week_start)


def week_at_or_before(conn: sqlite3.Connection, product_id: int, market_id: int, day: str,
                      earliest: str) -> WeekPrice | None:
    """The newest week starting on or before `day` and not before `earliest` (an endpoint of a change)."""
    row = conn.execute(
        f"SELECT {_COLS} FROM weekly_prices WHERE product_id = ? AND market_id = ? AND week_start BETWEEN ? AND ? "
        "ORDER BY week_start DESC LIMIT 1", (product_id, market_id, earliest, day)).fetchone()
    return week_row(row) if row else None


def monthly_means(conn: sqlite3.Connection, product_id: int, market_id: int) -> list[MonthMean]:
    """Mean of the weekly prices of each calendar month with data (weeks grouped by the month they start in)."""
    rows = conn.execute(
        "SELECT substr(week_start, 1, 4), substr(week_start, 6, 2), avg(price_mean), count(*) FROM weekly_prices "
        "WHERE product_id = ? AND market_id = ? GROUP BY substr(week_start, 1, 7) ORDER BY 1, 2",
        (product_id, market_id)).fetchall()
    return [MonthMean(int(r[0]), int(r[1]), float(r[2]), int(r[3])) for r in rows]


def rank_products(conn: sqlite3.Connection, market_id: int, week_start: str, *, group: str | None,
                  unit: str = "kg", product_ids: tuple[int, ...] = ()) -> list[tuple[int, float]]:
    """(product id, price) of the products of a group (or all) priced per `unit` in a market in one week, by
    price then name, cheapest first. Driven by the products table (CROSS JOIN keeps it the outer loop): one
    primary-key seek per product instead of a look-up per row of that week in every market."""
    sql = ("SELECT w.product_id, w.price_mean FROM products p CROSS JOIN weekly_prices w ON w.product_id = p.id "
           "AND w.market_id = ? AND w.week_start = ? WHERE p.unit = ?")
    args: list[object] = [market_id, week_start, unit]
    if group:
        sql += " AND p.group_name = ?"
        args.append(group)
    if product_ids:
        sql += f" AND p.id IN ({','.join('?' * len(product_ids))})"
        args.extend(product_ids)
    sql += " ORDER BY w.price_mean, p.name"
    return [(int(r[0]), float(r[1])) for r in conn.execute(sql, args).fetchall()]


def product_means(conn: sqlite3.Connection, start: str, end: str, *, market_id: int | None = None,
                  group: str | None = None) -> dict[tuple[int, int], float]:
    """Mean weekly price per (product, market) over the weeks starting in [start, end], optionally one market
    and one food group (the two sides of a movers question)."""
    sql = ("SELECT w.product_id, w.market_id, avg(w.price_mean) FROM weekly_prices w "
           "JOIN products p ON p.id = w.product_id WHERE w.week_start BETWEEN ? AND ?")
    args: list[object] = [start, end]
    if market_id is not None:
        sql += " AND w.market_id = ?"
        args.append(market_id)
    if group:
        sql += " AND p.group_name = ?"
        args.append(group)
    sql += " GROUP BY w.product_id, w.market_id"
    return {(int(r[0]), int(r[1])): float(r[2]) for r in conn.execute(sql, args).fetchall()}


def count_markets(conn: sqlite3.Connection, product_id: int, start: str, end: str) -> int:
    row = conn.execute("SELECT count(DISTINCT market_id) FROM weekly_prices WHERE product_id = ? "
                       "AND week_start BETWEEN ? AND ?", (product_id, start, end)).fetchone()
    return int(row[0])


def count_products(conn: sqlite3.Connection, market_id: int, start: str, end: str) -> int:
    row = conn.execute("SELECT count(DISTINCT product_id) FROM weekly_prices WHERE market_id = ? "
                       "AND week_start BETWEEN ? AND ?", (market_id, start, end)).fetchone()
    return int(row[0])


def market_week(conn: sqlite3.Connection, market_id: int, on_or_before: str) -> str | None:
    """The newest week starting on or before a date in which a market priced anything."""
    row = conn.execute("SELECT max(week_start) FROM weekly_prices WHERE market_id = ? AND week_start <= ?",
                       (market_id, on_or_before)).fetchone()
    return row[0] if row else None


def first_date(conn: sqlite3.Connection) -> str | None:
    """The oldest date of any price table (weekly, monthly, daily by market or city)."""
    found = [conn.execute(sql).fetchone()[0] for sql in (
        "SELECT min(week_start) FROM weekly_prices", "SELECT min(month) FROM monthly_prices",
        "SELECT min(day) FROM daily_prices", "SELECT min(day) FROM daily_city_prices")]
    dates = [d[:10] for d in found if d]
    return min(dates) if dates else None
