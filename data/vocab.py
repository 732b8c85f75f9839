"""Canonical names. Every importer turns a source spelling into a product/market id through `Names`, so one
product is one row whatever the source wrote; every source spelling is kept as an alias."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import sqlite_utils

from data.text import clean_name, fold

VOCAB_DIR = Path(__file__).resolve().parent / "vocab"


def _read(name: str) -> list[dict[str, str]]:
    with open(VOCAB_DIR / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def seed(conn: sqlite3.Connection) -> None:
    """Load the project's canonical product and market tables into the mirror (bulk inserts through sqlite-utils;
    ids continue after any row already there, so aliases can be attached without a lookup per row)."""
    db = sqlite_utils.Database(conn)
    for table, kind, fields in (("products", "product", _product_fields), ("markets", "market", _market_fields)):
        rows = _read(f"{table}.csv")
        first = int(conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]) + 1
        db.table(table).insert_all(({"id": first + i, **fields(row)} for i, row in enumerate(rows)), pk="id")
        db.table(f"{kind}_aliases").insert_all(
            ({"alias": alias, "key": fold(alias), f"{kind}_id": first + i}
             for i, row in enumerate(rows) for alias in filter(None, row["aliases"].split("|"))), ignore=True)


def _product_fields(row: dict[str, str]) -> dict[str, object]:
    return {"name": row["name"], "key": fold(row["name"]), "group_name": row["group"], "unit": row["unit"],
            "art_id": int(row["art_id"]) if row["art_id"] else None}


def _market_fields(row: dict[str, str]) -> dict[str, object]:
    return {"name": row["name"], "key": fold(row["name"]), "kind": row["kind"], "city": row["city"],
            "department": row["department"], "dept_code": row["dept_code"],
            "fuen_id": int(row["fuen_id"]) if row["fuen_id"] else None}


def add_alias(conn: sqlite3.Connection, kind: str, owner: int, alias: str) -> None:
    conn.execute(
        f"INSERT OR IGNORE INTO {kind}_aliases (alias, key, {kind}_id) VALUES (?, ?, ?)", (alias, fold(alias), owner)
    )


class Names:
    """Source spelling -> canonical id, creating a new canonical row for a name never seen before.

    Lookups are cached per exact spelling, so an import of a million rows resolves each spelling once.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._products: dict[str, int] = {}
        self._markets: dict[str, int] = {}
        self._inputs: dict[str, int] = {}

    def _find(self, kind: str, key: str) -> int | None:
        table = "products" if kind == "product" else "markets"
        row = self.conn.execute(
            f"SELECT id FROM {table} WHERE key = ? UNION ALL SELECT {kind}_id FROM {kind}_aliases WHERE key = ?",
            (key, key),
        ).fetchone()
        return None if row is None else int(row[0])

    def product(self, spelling: str, group: str = "", unit: str | None = None, art_id: int | None = None) -> int:
        cached = self._products.get(spelling)
        if cached is not None:
            return cached
        name = clean_name(spelling)
        key = fold(name)
        found = self._find("product", key)
        if found is None and art_id is not None:
            row = self.conn.execute("SELECT id FROM products WHERE art_id = ?", (art_id,)).fetchone()
            found = None if row is None else int(row[0])
        if found is None:
            guess = unit or ("unidad" if key.startswith("huevo") else "litro" if key.startswith("aceite") else "kg")
            cur = self.conn.execute(
                "INSERT INTO products (name, key, group_name, unit, art_id) VALUES (?, ?, ?, ?, ?)",
                (name[:1].upper() + name[1:], key, group, guess, art_id),
            )
            found = int(cur.lastrowid or 0)
        elif group:
            self.conn.execute("UPDATE products SET group_name = ? WHERE id = ? AND group_name = ''", (group, found))
        add_alias(self.conn, "product", found, spelling)
        self._products[spelling] = found
        return found

    def market(self, spelling: str, kind: str = "market", fuen_id: int | None = None, city: str = "",
               department: str = "", dept_code: str = "") -> int:
        cached = self._markets.get(spelling)
        if cached is not None:
            return cached
        name = clean_name(spelling)
        found = self._find("market", fold(name))
        if found is None and fuen_id is not None:
            row = self.conn.execute("SELECT id FROM markets WHERE fuen_id = ?", (fuen_id,)).fetchone()
            found = None if row is None else int(row[0])
        if found is None:
            display = name.title() if name.isupper() else name
            cur = self.conn.execute(
                "INSERT INTO markets (name, key, kind, city, department, dept_code, fuen_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (display, fold(display), kind, city or display.split(",")[0].split("(")[0].strip(), department,
                 dept_code, fuen_id),
            )
            found = int(cur.lastrowid or 0)
        add_alias(self.conn, "market", found, spelling)
        self._markets[spelling] = found
        return found

    def input(self, spelling: str, kind: str = "") -> int:
        cached = self._inputs.get(spelling)
        if cached is not None:
            return cached
        name = clean_name(spelling)
        key = fold(name)
        row = self.conn.execute("SELECT id FROM inputs WHERE key = ?", (key,)).fetchone()
        if row is None:
            cur = self.conn.execute("INSERT INTO inputs (name, key, kind) VALUES (?, ?, ?)", (name, key, kind))
            input_id = int(cur.lastrowid or 0)
        else:
            input_id = int(row[0])
        self._inputs[spelling] = input_id
        return input_id
