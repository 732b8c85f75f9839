"""Query functions for forecasting: one price series (product x market x frequency) from the mirror, and the
lookups that name it. Returns plain dataclasses; no modelling here."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field

from data.status import data_version, is_demo, today
from data.text import fold

UNITS = {"kg": "COP/kg", "unidad": "COP/unidad", "litro": "COP/litro"}
FREQ_LABEL = {"W": "semanal", "M": "mensual", "D": "diaria"}
DEFAULT_MARKET = "Bogotá, D.C., Corabastos"


@dataclass(frozen=True)
class SeriesData:
    product_id: int
    market_id: int
    product: str
    market: str
    freq: str  # W | M | D
    unit: str  # COP/kg | COP/unidad | COP/litro
    observations: list[tuple[str, float]] = field(default_factory=list)  # (ISO date, mean price), oldest first
    source: str = ""  # Spanish: which data set the series comes from
    demo: bool = False
    version: str = ""  # the mirror's data version (cache key)
    today: str = ""  # ISO date the series was read (to say how old the newest data is)

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.product_id, self.market_id, self.freq)


def _find(conn: sqlite3.Connection, kind: str, text: str) -> tuple[int, str] | None:
    table = "products" if kind == "product" else "markets"
    key = fold(text)
    row = conn.execute(
        f"SELECT id, name FROM {table} WHERE key = ? UNION ALL "
        f"SELECT t.id, t.name FROM {kind}_aliases a JOIN {table} t ON t.id = a.{kind}_id WHERE a.key = ? LIMIT 1",
        (key, key),
    ).fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


def find_product(conn: sqlite3.Connection, text: str) -> tuple[int, str] | None:
    """(id, canonical name) of the product whose canonical name or a known spelling folds to `text`."""
    return _find(conn, "product", text)


def find_market(conn: sqlite3.Connection, text: str) -> tuple[int, str] | None:
    """(id, canonical name) of the market or city whose name or a known spelling folds to `text`."""
    return _find(conn, "market", text)


def name_of(conn: sqlite3.Connection, kind: str, ident: int) -> str:
    row = conn.execute(f"SELECT name FROM {'products' if kind == 'product' else 'markets'} WHERE id = ?",
                       (ident,)).fetchone()
    return str(row[0]) if row else ""


def markets_with_data(conn: sqlite3.Connection, product_id: int, freq: str = "W") -> list[tuple[int, str, int]]:
    """Markets (id, name, rows) holding this product at this frequency, most data first."""
    table, _ = _table(conn, product_id, None, freq)
    rows = conn.execute(
        f"SELECT m.id, m.name, count(*) FROM {table} p JOIN markets m ON m.id = p.market_id "
        "WHERE p.product_id = ? GROUP BY m.id ORDER BY count(*) DESC, m.name", (product_id,)).fetchall()
    return [(int(a), str(b), int(c)) for a, b, c in rows]


def default_market(conn: sqlite3.Connection, product_id: int, freq: str = "W") -> tuple[int, str] | None:
    """Corabastos when it has the product at this frequency, else the market with the most data."""
    found = markets_with_data(conn, product_id, freq)
    for market_id, name, _ in found:
        if name == DEFAULT_MARKET:
            return market_id, name
    return (found[0][0], found[0][1]) if found else None


def _table(conn: sqlite3.Connection, product_id: int, market_id: int | None, freq: str) -> tuple[str, str]:
    """(table, date column) holding the series; monthly falls back to weekly data averaged per month."""
    if freq == "W":
        return "weekly_prices", "week_start"
    if freq == "M":
        where = "product_id = ?" + (" AND market_id = ?" if market_id is not None else "")
        args = (product_id,) if market_id is None else (product_id, market_id)
        if conn.execute(f"SELECT 1 FROM monthly_prices WHERE {where} LIMIT 1", args).fetchone():
            return "monthly_prices", "month"
        return "weekly_prices", "week_start"
    kind = None
    if market_id is not None:
        row = conn.execute("SELECT kind FROM markets WHERE id = ?", (market_id,)).fetchone()
        kind = row[0] if row else None
    if kind == "city":
        return "daily_city_prices", "day"
    if market_id is None and conn.execute(
            "SELECT 1 FROM daily_city_prices WHERE product_id = ? LIMIT 1", (product_id,)).fetchone():
        return "daily_city_prices", "day"
    return "daily_prices", "day"


def load_series(conn: sqlite3.Connection, product_id: int, market_id: int, freq: str = "W",
                on: dt.date | None = None) -> SeriesData:
    """The observations of one series, oldest first, with its unit, source label and the mirror's version."""
    table, column = _table(conn, product_id, market_id, freq)
    rows = conn.execute(
        f"SELECT {column}, price_mean FROM {table} WHERE product_id = ? AND market_id = ? ORDER BY {column}",
        (product_id, market_id)).fetchall()
    source = {"weekly_prices": "precios semanales por mercado", "monthly_prices": "precios mensuales",
              "daily_city_prices": "precios diarios por ciudad", "daily_prices": "precios diarios por mercado"}[table]
    observations = [(str(d), float(v)) for d, v in rows if v is not None]
    if freq == "M" and table == "weekly_prices":
        months: dict[str, list[float]] = {}
        for day, value in observations:
            months.setdefault(day[:7] + "-01", []).append(value)
        observations = [(m, sum(v) / len(v)) for m, v in sorted(months.items())]
        source = "promedio mensual de los precios semanales"
    unit_row = conn.execute("SELECT unit FROM products WHERE id = ?", (product_id,)).fetchone()
    return SeriesData(
        product_id=product_id, market_id=market_id, product=name_of(conn, "product", product_id),
        market=name_of(conn, "market", market_id), freq=freq, unit=UNITS.get(unit_row[0] if unit_row else "kg",
                                                                            "COP/kg"),
        observations=observations, source=source, demo=is_demo(conn), version=data_version(conn),
        today=(on or today()).isoformat())


def weekly_series_from_csv(path: str, min_weeks: int = 156) -> list[SeriesData]:
    """Every product x market of a long weekly CSV (semanal_precios layout) with at least `min_weeks`
    observations, names grouped by their folded spelling, sorted by product then market."""
    import csv

    from data.importers.long_csv import open_text

    groups: dict[tuple[str, str], dict[str, float]] = {}
    names: dict[tuple[str, str], tuple[str, str]] = {}
    with open_text(path) as fh:
        reader = csv.DictReader(fh)
        for rec in reader:
            try:
                mean = float(rec["precio_medio_cop_kg"])
            except (TypeError, ValueError):
                continue
            product, market = rec["producto"].strip().rstrip("*").strip(), rec["mercado"].strip()
            key = (fold(product), fold(market))
            names.setdefault(key, (product, market))
            groups.setdefault(key, {})[rec["semana_inicio"]] = mean
    out = []
    for key in sorted(groups):
        obs = groups[key]
        if len(obs) < min_weeks:
            continue
        product, market = names[key]
        unit = "COP/unidad" if key[0].startswith("huevo") else "COP/kg"
        out.append(SeriesData(product_id=0, market_id=0, product=product, market=market, freq="W", unit=unit,
                              observations=sorted(obs.items()), source="csv semanal"))
    return out


def market_kind(conn: sqlite3.Connection, market_id: int) -> tuple[str, str] | None:
    """(kind 'market' | 'city', the city's name) of a market row."""
    row = conn.execute("SELECT kind, coalesce(city, name) FROM markets WHERE id = ?", (market_id,)).fetchone()
    return (str(row[0]), str(row[1])) if row else None


def city_row(conn: sqlite3.Connection, market_id: int) -> tuple[int, str] | None:
    """The city row (kind 'city', daily city prices) of a market's city, when the mirror has one."""
    row = conn.execute(
        "SELECT c.id, c.name FROM markets m JOIN markets c ON c.kind = 'city' AND c.key = "
        "(SELECT key FROM markets WHERE id = m.id AND kind = 'city' UNION ALL "
        " SELECT k.key FROM markets k WHERE k.kind = 'city' AND lower(k.city) = lower(m.city) LIMIT 1) "
        "WHERE m.id = ?", (market_id,)).fetchone()
    return None if row is None else (int(row[0]), str(row[1]))
