"""Read-only query functions over the mirror, `f(conn, ...)` returning small dataclasses.

Every query is shaped for the tables' keys: weekly_prices is WITHOUT ROWID keyed (product_id, market_id,
week_start), so "product x market x week" is one seek and a product's history is one range scan.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Product:
    id: int
    name: str
    key: str
    group: str
    unit: str


@dataclass(frozen=True)
class Market:
    id: int
    name: str
    key: str
    kind: str
    city: str
    department: str


@dataclass(frozen=True)
class WeekPrice:
    product_id: int
    market_id: int
    week_start: str
    week_end: str
    price_min: float | None
    price_max: float | None
    price_mean: float


@dataclass(frozen=True)
class DayPrice:
    """One day's price: by market (promediosSipsaParcial, with min/max) or by city (promediosSipsaCiudad)."""

    product_id: int
    market_id: int
    day: str
    price_min: float | None
    price_max: float | None
    price_mean: float


@dataclass(frozen=True)
class PeriodPrice:
    """The mean of the weekly mean prices of the weeks starting inside a period."""

    product_id: int
    market_id: int
    start: str
    end: str
    mean: float
    low: float
    high: float
    weeks: int
    first_week: str
    last_week: str


@dataclass(frozen=True)
class Move:
    product_id: int
    market_id: int
    week_start: str
    previous: float
    current: float

    @property
    def change_pct(self) -> float:
        return (self.current - self.previous) / self.previous * 100.0


@dataclass(frozen=True)
class GroupSupply:
    market_id: int
    group: str
    week_start: str
    week_end: str
    tonnes: float


@dataclass(frozen=True)
class ProductSupply:
    product_id: int
    market_id: int
    month: str
    tonnes: float


@dataclass(frozen=True)
class Origin:
    dept: str
    muni: str
    kg: float
    share_pct: float


@dataclass(frozen=True)
class InputPrice:
    input_id: int
    name: str
    month: str
    dept: str
    muni: str
    price: float


@dataclass(frozen=True)
class Coverage:
    products: int
    markets: int
    weekly_first: str | None
    weekly_last: str | None
    weekly_rows: int
    tables: dict[str, tuple[int, str | None, str | None]] = field(default_factory=dict)


_WEEK_COLS = "product_id, market_id, week_start, week_end, price_min, price_max, price_mean"


def week_row(row: tuple) -> WeekPrice:  # type: ignore[type-arg]
    return WeekPrice(int(row[0]), int(row[1]), row[2], row[3], row[4], row[5], float(row[6]))


# --- vocabulary -----------------------------------------------------------------------------------------------

def products(conn: sqlite3.Connection) -> list[Product]:
    rows = conn.execute("SELECT id, name, key, group_name, unit FROM products ORDER BY id").fetchall()
    return [Product(int(r[0]), r[1], r[2], r[3], r[4]) for r in rows]


def product_aliases(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    return [(r[0], int(r[1])) for r in conn.execute("SELECT key, product_id FROM product_aliases")]


def markets(conn: sqlite3.Connection) -> list[Market]:
    rows = conn.execute("SELECT id, name, key, kind, city, department FROM markets ORDER BY id").fetchall()
    return [Market(int(r[0]), r[1], r[2], r[3], r[4], r[5]) for r in rows]


def market_aliases(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    return [(r[0], int(r[1])) for r in conn.execute("SELECT key, market_id FROM market_aliases")]


def products_with_prices(conn: sqlite3.Connection, ids: list[int]) -> set[int]:
    """Which of these products have at least one weekly, daily or monthly price (index seeks)."""
    found: set[int] = set()
    for table in ("weekly_prices", "daily_prices", "daily_city_prices", "monthly_prices"):
        sql = f"SELECT 1 FROM {table} WHERE product_id = ? LIMIT 1"
        found |= {i for i in ids if i not in found and conn.execute(sql, (i,)).fetchone() is not None}
    return found


def markets_in_week(conn: sqlite3.Connection, week_start: str) -> dict[int, int]:
    """market_id -> number of products priced that week."""
    rows = conn.execute(
        "SELECT market_id, count(*) FROM weekly_prices WHERE week_start = ? GROUP BY market_id", (week_start,)
    ).fetchall()
    return {int(r[0]): int(r[1]) for r in rows}


def products_in_week(conn: sqlite3.Connection, week_start: str) -> dict[int, int]:
    """product_id -> number of markets that priced it that week."""
    rows = conn.execute(
        "SELECT product_id, count(*) FROM weekly_prices WHERE week_start = ? GROUP BY product_id", (week_start,)
    ).fetchall()
    return {int(r[0]): int(r[1]) for r in rows}


def products_in_market(conn: sqlite3.Connection, market_id: int, week_start: str) -> list[int]:
    """Products priced in one market in one week."""
    rows = conn.execute(
        "SELECT product_id FROM weekly_prices WHERE week_start = ? AND market_id = ? ORDER BY product_id",
        (week_start, market_id),
    ).fetchall()
    return [int(r[0]) for r in rows]


def data_key(conn: sqlite3.Connection) -> tuple[str, int, int, int]:
    """Changes whenever the mirror's content changes (an import or refresh ran)."""
    version = conn.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()
    runs = conn.execute("SELECT coalesce(max(id), 0) FROM import_runs").fetchone()[0]
    n_products = conn.execute("SELECT coalesce(max(id), 0) FROM products").fetchone()[0]
    n_markets = conn.execute("SELECT coalesce(max(id), 0) FROM markets").fetchone()[0]
    return (version[0] if version else "", int(runs), int(n_products), int(n_markets))


# --- weekly prices ----------------------------------------------------------------------------------------------

def latest_week(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT max(week_start) FROM weekly_prices").fetchone()
    return row[0] if row else None


def previous_week(conn: sqlite3.Connection, week_start: str) -> str | None:
    row = conn.execute("SELECT max(week_start) FROM weekly_prices WHERE week_start < ?", (week_start,)).fetchone()
    return row[0] if row else None


def latest_price(conn: sqlite3.Connection, product_id: int, market_id: int,
                 on_or_before: str | None = None) -> WeekPrice | None:
    """The newest week for a product x market (optionally the newest week starting on or before a date)."""
    row = conn.execute(
        f"SELECT {_WEEK_COLS} FROM weekly_prices WHERE product_id = ? AND market_id = ? AND week_start <= ? "
        "ORDER BY week_start DESC LIMIT 1",
        (product_id, market_id, on_or_before or "9999-12-31"),
    ).fetchone()
    return week_row(row) if row else None


def price_on(conn: sqlite3.Connection, product_id: int, market_id: int, day: str) -> WeekPrice | None:
    """The week that contains `day` (week_start <= day <= week_end), or None."""
    found = latest_price(conn, product_id, market_id, day)
    if found is None or found.week_end < day:
        return None
    return found


def history(conn: sqlite3.Connection, product_id: int, market_id: int, start: str, end: str) -> list[WeekPrice]:
    """Weeks starting within [start, end], oldest first."""
    rows = conn.execute(
        f"SELECT {_WEEK_COLS} FROM weekly_prices WHERE product_id = ? AND market_id = ? "
        "AND week_start BETWEEN ? AND ? ORDER BY week_start",
        (product_id, market_id, start, end),
    ).fetchall()
    return [week_row(r) for r in rows]


def latest_day_price(conn: sqlite3.Connection, product_id: int, market_id: int, *, city: bool = False,
                     on_or_before: str | None = None) -> DayPrice | None:
    """The newest daily price of a product in a market (daily_prices) or a city (daily_city_prices)."""
    if city:
        sql = ("SELECT product_id, market_id, day, NULL, NULL, price_mean FROM daily_city_prices "
               "WHERE product_id = ? AND market_id = ? AND day <= ? ORDER BY day DESC LIMIT 1")
    else:
        sql = ("SELECT product_id, market_id, day, price_min, price_max, price_mean FROM daily_prices "
               "WHERE product_id = ? AND market_id = ? AND day <= ? ORDER BY day DESC LIMIT 1")
    row = conn.execute(sql, (product_id, market_id, on_or_before or "9999-12-31")).fetchone()
    return None if row is None else DayPrice(int(row[0]), int(row[1]), row[2], row[3], row[4], float(row[5]))


def latest_day(conn: sqlite3.Connection) -> str | None:
    """The newest day of any daily price table."""
    days = [conn.execute(f"SELECT max(day) FROM {t}").fetchone()[0] for t in ("daily_prices", "daily_city_prices")]
    found = [d for d in days if d]
    return max(found) if found else None


def monthly_period_price(conn: sqlite3.Connection, product_id: int, market_id: int, start: str,
                         end: str) -> PeriodPrice | None:
    """The mean of the monthly prices (monthly_prices, month = first day) of the months starting in a period."""
    rows = conn.execute(
        "SELECT month, price_mean FROM monthly_prices WHERE product_id = ? AND market_id = ? "
        "AND month BETWEEN ? AND ? ORDER BY month", (product_id, market_id, start, end),
    ).fetchall()
    if not rows:
        return None
    means = [float(r[1]) for r in rows]
    return PeriodPrice(product_id, market_id, start, end, sum(means) / len(means), min(means), max(means),
                       len(rows), rows[0][0], rows[-1][0])


def period_price(conn: sqlite3.Connection, product_id: int, market_id: int, start: str,
                 end: str) -> PeriodPrice | None:
    weeks = history(conn, product_id, market_id, start, end)
    if not weeks:
        return None
    means = [w.price_mean for w in weeks]
    return PeriodPrice(product_id, market_id, start, end, sum(means) / len(means), min(means), max(means),
                       len(weeks), weeks[0].week_start, weeks[-1].week_start)


def product_latest_week(conn: sqlite3.Connection, product_id: int, on_or_before: str | None = None) -> str | None:
    row = conn.execute(
        "SELECT max(week_start) FROM weekly_prices WHERE product_id = ? AND week_start <= ?",
        (product_id, on_or_before or "9999-12-31"),
    ).fetchone()
    return row[0] if row else None


def across_markets(conn: sqlite3.Connection, product_id: int, week_start: str,
                   market_ids: list[int] | None = None) -> list[WeekPrice]:
    """One product's prices in one week, in every market (or the given ones), cheapest first."""
    if market_ids:
        marks = ",".join("?" * len(market_ids))
        rows = conn.execute(
            f"SELECT {_WEEK_COLS} FROM weekly_prices WHERE product_id = ? AND market_id IN ({marks}) "
            "AND week_start = ?", (product_id, *market_ids, week_start),
        ).fetchall()
    else:
        rows = conn.execute(
            f"SELECT {_WEEK_COLS} FROM weekly_prices WHERE product_id = ? AND week_start = ?", (product_id, week_start)
        ).fetchall()
    return sorted((week_row(r) for r in rows), key=lambda w: (w.price_mean, w.market_id))


def movers(conn: sqlite3.Connection, week_start: str, previous: str, market_id: int | None = None) -> list[Move]:
    """Every product x market priced in both weeks, with its change (sorted by change, largest rise first)."""
    extra, args = ("AND a.market_id = ?", (market_id,)) if market_id is not None else ("", ())
    rows = conn.execute(
        "SELECT a.product_id, a.market_id, b.price_mean, a.price_mean FROM weekly_prices a "
        "JOIN weekly_prices b ON b.product_id = a.product_id AND b.market_id = a.market_id AND b.week_start = ? "
        f"WHERE a.week_start = ? {extra}",
        (previous, week_start, *args),
    ).fetchall()
    moves = [Move(int(r[0]), int(r[1]), week_start, float(r[2]), float(r[3])) for r in rows if r[2] and r[3]]
    return sorted(moves, key=lambda m: (-m.change_pct, m.product_id, m.market_id))


# --- supply -------------------------------------------------------------------------------------------------------

def group_supply(conn: sqlite3.Connection, market_id: int | None = None) -> list[GroupSupply]:
    """Weekly supply by food group in the newest week that has it (one market or all)."""
    row = conn.execute("SELECT max(week_start) FROM weekly_group_supply").fetchone()
    if not row or row[0] is None:
        return []
    extra, args = ("AND market_id = ?", (market_id,)) if market_id is not None else ("", ())
    rows = conn.execute(
        "SELECT market_id, group_name, week_start, week_end, tonnes FROM weekly_group_supply "
        f"WHERE week_start = ? {extra} ORDER BY tonnes DESC", (row[0], *args),
    ).fetchall()
    return [GroupSupply(int(r[0]), r[1], r[2], r[3], float(r[4])) for r in rows]


def product_supply(conn: sqlite3.Connection, product_id: int, market_id: int | None = None) -> list[ProductSupply]:
    """Monthly tonnes of one product in its newest month (per market)."""
    row = conn.execute("SELECT max(month) FROM monthly_supply WHERE product_id = ?", (product_id,)).fetchone()
    if not row or row[0] is None:
        return []
    extra, args = ("AND market_id = ?", (market_id,)) if market_id is not None else ("", ())
    rows = conn.execute(
        f"SELECT product_id, market_id, month, tonnes FROM monthly_supply WHERE product_id = ? AND month = ? {extra} "
        "ORDER BY tonnes DESC", (product_id, row[0], *args),
    ).fetchall()
    return [ProductSupply(int(r[0]), int(r[1]), r[2], float(r[3])) for r in rows]


def origins(conn: sqlite3.Connection, product_id: int | None, market_id: int | None,
            limit: int = 5) -> tuple[str | None, str | None, float, list[Origin], list[Origin]]:
    """Where supply came from over the newest month of microdata: (first day, last day, total kg,
    top departments, top municipalities), shares in % of the total."""
    where, args = [], []
    if product_id is not None:
        where.append("product_id = ?")
        args.append(product_id)
    if market_id is not None:
        where.append("market_id = ?")
        args.append(market_id)
    cond = " AND ".join(where) or "1"
    last = conn.execute(f"SELECT max(day) FROM supply_origins WHERE {cond}", args).fetchone()[0]
    if last is None:
        return None, None, 0.0, [], []
    first = last[:8] + "01"
    base = f"FROM supply_origins WHERE {cond} AND day BETWEEN ? AND ?"
    total = float(conn.execute(f"SELECT sum(kg) {base}", (*args, first, last)).fetchone()[0] or 0.0)
    if total <= 0:
        return first, last, 0.0, [], []
    depts = conn.execute(
        f"SELECT origin_dept, sum(kg) AS kg {base} GROUP BY origin_dept ORDER BY kg DESC LIMIT ?",
        (*args, first, last, limit),
    ).fetchall()
    munis = conn.execute(
        f"SELECT origin_dept, origin_muni, sum(kg) AS kg {base} GROUP BY origin_muni_code ORDER BY kg DESC LIMIT ?",
        (*args, first, last, limit),
    ).fetchall()
    return (first, last, total, [Origin(d[0], "", float(d[1]), float(d[1]) / total * 100) for d in depts],
            [Origin(m[0], m[1], float(m[2]), float(m[2]) / total * 100) for m in munis])


# --- farm inputs ----------------------------------------------------------------------------------------------------

def inputs(conn: sqlite3.Connection) -> list[tuple[int, str, str]]:
    return [(int(r[0]), r[1], r[2]) for r in conn.execute("SELECT id, name, key FROM inputs ORDER BY name")]


def input_prices(conn: sqlite3.Connection, input_id: int, limit: int = 8) -> list[InputPrice]:
    """The newest month's prices of one farm input, by municipality (cheapest first)."""
    row = conn.execute("SELECT max(month) FROM input_prices WHERE input_id = ?", (input_id,)).fetchone()
    if not row or row[0] is None:
        return []
    rows = conn.execute(
        "SELECT i.id, i.name, p.month, p.dept, p.muni, p.price FROM input_prices p JOIN inputs i ON i.id = p.input_id "
        "WHERE p.input_id = ? AND p.month = ? ORDER BY p.price LIMIT ?", (input_id, row[0], limit),
    ).fetchall()
    return [InputPrice(int(r[0]), r[1], r[2], r[3], r[4], float(r[5])) for r in rows]


# --- coverage -------------------------------------------------------------------------------------------------------

COVERAGE_TABLES = {
    "weekly_prices": "week_start", "daily_city_prices": "day", "daily_prices": "day", "monthly_prices": "month",
    "monthly_supply": "month", "weekly_group_supply": "week_start", "supply_origins": "day", "input_prices": "month",
}


def coverage(conn: sqlite3.Connection, week_start: str | None = None) -> Coverage:
    """Products and markets priced in the newest week, and each table's row count and date range."""
    tables: dict[str, tuple[int, str | None, str | None]] = {}
    for table, column in COVERAGE_TABLES.items():
        # two statements: SQLite answers a lone min() or max() from the index, not both at once
        first = conn.execute(f"SELECT min({column}) FROM {table}").fetchone()[0]
        last = conn.execute(f"SELECT max({column}) FROM {table}").fetchone()[0]
        rows = conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM {table} LIMIT 1)").fetchone()[0]
        tables[table] = (int(rows), first, last)
    week = week_start or tables["weekly_prices"][2]
    n_products = n_markets = 0
    if week:
        n_products, n_markets = conn.execute(
            "SELECT count(DISTINCT product_id), count(DISTINCT market_id) FROM weekly_prices WHERE week_start = ?",
            (week,),
        ).fetchone()
    return Coverage(int(n_products), int(n_markets), tables["weekly_prices"][1], tables["weekly_prices"][2],
                    tables["weekly_prices"][0], tables)


@dataclass
class MarketCoverage:
    products: int  # products with any weekly price in the market
    current: int  # of them, priced in the market's newest week
    first: str | None  # first and newest week with a price there
    last: str | None


def market_coverage(conn: sqlite3.Connection, market_id: int) -> MarketCoverage:
    """What the weekly mirror holds for one market (one primary-key seek per product, no table scan)."""
    rows = conn.execute(
        "SELECT (SELECT min(week_start) FROM weekly_prices w WHERE w.product_id = p.id AND w.market_id = ?),"
        " (SELECT max(week_start) FROM weekly_prices w WHERE w.product_id = p.id AND w.market_id = ?)"
        " FROM products p", (market_id, market_id)).fetchall()
    spans = [(first, last) for first, last in rows if first is not None]
    if not spans:
        return MarketCoverage(0, 0, None, None)
    newest = max(last for _, last in spans)
    return MarketCoverage(len(spans), sum(last == newest for _, last in spans), min(f for f, _ in spans), newest)


def database_path(conn: sqlite3.Connection) -> str:
    """The file behind a connection's main database ("" for an in-memory one)."""
    row = conn.execute("PRAGMA database_list").fetchone()
    return str(row[2] or "") if row else ""


def has_weekly_prices(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM weekly_prices LIMIT 1").fetchone() is not None


def meta_value(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return str(row[0]) if row else None


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    with conn:
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))
