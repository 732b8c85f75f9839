"""A small demo mirror the project writes itself: used when DANE cannot be reached on a first run, and as the
tests' fixture. Prices are synthetic (seeded, smooth, seasonal) and the mirror is flagged `demo`, so every
answer built on it says plainly that the figures are not real."""

from __future__ import annotations

import datetime as dt
import math
import random
import sqlite3

from data.importers.base import import_run

# (product as DANE spells it, group, base price COP per unit)
PRODUCTS = [
    ("Papa criolla limpia", "Tubérculos, raíces y plátanos", 3800),
    ("Papa parda pastusa", "Tubérculos, raíces y plátanos", 1500),
    ("Papa superior", "Tubérculos, raíces y plátanos", 1300),
    ("Cebolla cabezona blanca", "Verduras y hortalizas", 2200),
    ("Cebolla junca", "Verduras y hortalizas", 1900),
    ("Tomate chonto", "Verduras y hortalizas", 2600),
    ("Zanahoria", "Verduras y hortalizas", 1400),
    ("Aguacate Hass", "Frutas frescas", 7200),
    ("Limón Tahití", "Frutas frescas", 2300),
    ("Banano criollo", "Frutas frescas", 1700),
    ("Plátano hartón verde", "Tubérculos, raíces y plátanos", 2400),
    ("Arroz de primera", "Granos y cereales", 3900),
    ("Fríjol cargamanto rojo", "Granos y cereales", 9800),
    ("Huevo rojo AA", "Huevos y lácteos", 520),
    ("Aceite vegetal mezcla", "Productos procesados", 8900),
]
MARKETS = [
    "Bogotá, D.C., Corabastos",
    "Bogotá, D.C., Paloquemao",
    "Medellín, Central Mayorista de Antioquia",
    "Cali, Cavasa",
    "Barranquilla, Barranquillita",
    "Bucaramanga, Centroabastos",
    "Pereira, Mercasa",
    "Cúcuta, Cenabastos",
]
SUPPLY_GROUPS = ["Frutas", "Tubérculos, raíces y plátanos", "Verduras y hortalizas", "Otros grupos"]
ORIGINS = [("25", "Cundinamarca", "25754", "Soacha"), ("15", "Boyacá", "15759", "Sogamoso"),
           ("52", "Nariño", "52356", "Ipiales"), ("05", "Antioquia", "05615", "Rionegro")]


def last_saturday(on: dt.date) -> dt.date:
    """SIPSA weeks run Saturday to Friday; the start of the newest complete week before `on`."""
    days_back = (on.weekday() - 5) % 7 + 7
    return on - dt.timedelta(days=days_back)


def weekly_rows(end_week: dt.date, weeks: int, seed: int = 7) -> list[tuple[str, str, str, str, str, int, int, int]]:
    """Rows (start, end, group, product, market, min, max, mean) for `weeks` weeks ending at `end_week`."""
    rng = random.Random(seed)
    rows = []
    for p_index, (product, group, base) in enumerate(PRODUCTS):
        for m_index, market in enumerate(MARKETS):
            level = base * (0.85 + 0.05 * m_index)
            walk = 0.0
            for w in range(weeks):
                start = end_week - dt.timedelta(weeks=weeks - 1 - w)
                walk = 0.8 * walk + rng.gauss(0, 0.04)
                season = 0.08 * math.sin(2 * math.pi * (w + 4 * p_index) / 52)
                mean = round(level * (1 + season + walk + 0.002 * w))
                spread = max(1, round(mean * 0.06))
                rows.append((start.isoformat(), (start + dt.timedelta(days=6)).isoformat(), group, product, market,
                             mean - spread, mean + spread, mean))
    return rows


def build(conn: sqlite3.Connection, end_week: dt.date | None = None, weeks: int = 156, demo: bool = True) -> None:
    """Fill the mirror with the demo data (weekly prices, weekly and monthly supply, origins)."""
    end_week = end_week or last_saturday(dt.date.today())
    rows = weekly_rows(end_week, weeks)
    with import_run(conn, source="demo", fmt="demo", dataset="weekly_prices") as batch:
        names = batch.names
        batch.upsert("weekly_prices", [
            (names.product(p, g), names.market(m), s, e, lo, hi, mean, "", "demo")
            for s, e, g, p, m, lo, hi, mean in rows
        ])
        rng = random.Random(11)
        supply = []
        origins = []
        for m_index, market in enumerate(MARKETS[:6]):
            market_id = names.market(market)
            for w in range(12):
                start = end_week - dt.timedelta(weeks=11 - w)
                for g_index, group in enumerate(SUPPLY_GROUPS):
                    tonnes = round(900 + 400 * g_index + 150 * m_index + rng.uniform(-80, 80), 1)
                    supply.append((market_id, group, start.isoformat(),
                                   (start + dt.timedelta(days=6)).isoformat(), tonnes, "demo"))
            for product, group, _ in PRODUCTS[:8]:
                product_id = names.product(product, group)
                day = end_week - dt.timedelta(days=3)
                for dept_code, dept, muni_code, muni in ORIGINS:
                    origins.append((market_id, day.isoformat(), product_id, muni_code, dept_code, dept, muni, group,
                                    round(rng.uniform(2_000, 40_000)), "demo"))
        batch.upsert("weekly_group_supply", supply)
        batch.upsert("supply_origins", origins)
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('demo', ?)", ("1" if demo else "0",))
