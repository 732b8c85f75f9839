"""The mirror's tables as flat rows with canonical names, for `sipsabot export` (users open them in a
spreadsheet). Rows are streamed from the cursor, never loaded whole."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterator
from typing import IO, Any

_PRODUCT = "p.name AS producto, p.group_name AS grupo, p.unit AS unidad"
_MARKET = "m.name AS mercado, m.city AS ciudad, m.department AS departamento"

QUERIES: dict[str, str] = {
    "weekly": f"SELECT {_PRODUCT}, {_MARKET}, f.week_start AS semana_inicio, f.week_end AS semana_fin, "
              "f.price_min AS precio_min, f.price_max AS precio_max, f.price_mean AS precio_medio, "
              "f.trend AS tendencia, f.source AS fuente FROM weekly_prices f "
              "JOIN products p ON p.id = f.product_id JOIN markets m ON m.id = f.market_id "
              "ORDER BY p.name, m.name, f.week_start",
    "daily": f"SELECT {_PRODUCT}, {_MARKET}, f.day AS fecha, f.price_min AS precio_min, f.price_max AS precio_max, "
             "f.price_mean AS precio_medio, f.source AS fuente FROM daily_prices f "
             "JOIN products p ON p.id = f.product_id JOIN markets m ON m.id = f.market_id "
             "ORDER BY p.name, m.name, f.day",
    "daily-city": f"SELECT {_PRODUCT}, m.name AS ciudad, m.department AS departamento, f.day AS fecha, "
                  "f.price_mean AS precio_medio, f.source AS fuente FROM daily_city_prices f "
                  "JOIN products p ON p.id = f.product_id JOIN markets m ON m.id = f.market_id "
                  "ORDER BY p.name, m.name, f.day",
    "monthly": f"SELECT {_PRODUCT}, {_MARKET}, f.month AS mes, f.price_min AS precio_min, "
               "f.price_max AS precio_max, f.price_mean AS precio_medio, f.source AS fuente FROM monthly_prices f "
               "JOIN products p ON p.id = f.product_id JOIN markets m ON m.id = f.market_id "
               "ORDER BY p.name, m.name, f.month",
    "supply": f"SELECT p.name AS producto, p.group_name AS grupo, {_MARKET}, f.month AS mes, f.tonnes AS toneladas, "
              "f.source AS fuente FROM monthly_supply f "
              "JOIN products p ON p.id = f.product_id JOIN markets m ON m.id = f.market_id "
              "ORDER BY p.name, m.name, f.month",
    "weekly-supply": f"SELECT {_MARKET}, f.group_name AS grupo, f.week_start AS semana_inicio, "
                     "f.week_end AS semana_fin, f.tonnes AS toneladas, f.source AS fuente FROM weekly_group_supply f "
                     "JOIN markets m ON m.id = f.market_id ORDER BY m.name, f.group_name, f.week_start",
    "origins": f"SELECT {_MARKET}, f.day AS fecha, p.name AS producto, f.group_name AS grupo, "
               "f.origin_dept_code AS cod_depto_origen, f.origin_dept AS depto_origen, "
               "f.origin_muni_code AS cod_municipio_origen, f.origin_muni AS municipio_origen, f.kg AS kg, "
               "f.source AS fuente FROM supply_origins f "
               "JOIN products p ON p.id = f.product_id JOIN markets m ON m.id = f.market_id "
               "ORDER BY m.name, f.day, p.name, f.origin_muni_code",
    "inputs": "SELECT i.name AS insumo, i.kind AS tipo, f.muni_code AS cod_municipio, f.dept AS departamento, "
              "f.muni AS municipio, f.month AS mes, f.price AS precio, f.source AS fuente FROM input_prices f "
              "JOIN inputs i ON i.id = f.input_id ORDER BY i.name, f.muni_code, f.month",
}


def rows(conn: sqlite3.Connection, table: str) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """(header, row iterator) of one exportable table (QUERIES keys)."""
    if table not in QUERIES:
        raise ValueError(f"tabla desconocida: {table} (opciones: {', '.join(QUERIES)})")
    cur = conn.execute(QUERIES[table])
    return [d[0] for d in cur.description], iter(cur)


def _cell(value: Any, decimal: str) -> Any:
    if isinstance(value, float):
        text = str(int(value)) if value.is_integer() else repr(value)
        return text.replace(".", decimal)
    return "" if value is None else value


def write_csv(conn: sqlite3.Connection, table: str, out: IO[str], sep: str = ",") -> int:
    """Write one table as CSV; with sep ';' decimals use ',' (Spanish spreadsheets). Returns rows written."""
    header, data = rows(conn, table)
    decimal = "," if sep == ";" else "."
    writer = csv.writer(out, delimiter=sep, lineterminator="\r\n")
    writer.writerow(header)
    count = 0
    for row in data:
        writer.writerow([_cell(v, decimal) for v in row])
        count += 1
    return count
