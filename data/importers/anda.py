"""CSV files from DANE's ANDA catalogue (microdatos.dane.gov.co):

- catalog 697, abastecimiento microdata: one row per market x survey day x origin municipality x food, with
  kilograms. `;`-separated, latin-1 (one period UTF-8 with BOM), headers that vary by year (`Fuente` or
  `Ciudad, Mercado Mayorista`; `FechaEncuesta` or `Fecha`; `Ali` or `Alimento`; ...), `Cant Kg` written
  `1.234,5`. -> supply_origins, duplicate keys summed, DIVIPOLA codes zero-padded (department 2 digits,
  municipality 5 digits).
- catalog 776, monthly wholesale prices: `Fecha;Grupo;Producto;Fuente;Precio` or
  `Fecha;Grupo;Producto;CODIGO_CPC_AC;Mercado;Precio promedio por kilogramo*`, dates like `ene-24`.
  -> monthly_prices (month = first day of the month).

Columns are found by their folded header names, so their order and spelling variants do not matter.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from data.importers.base import Batch, ImportError_, parse_number, price_problem
from data.importers.workbook import MONTHS, canonical_group
from data.text import clean_name, fold

SUPPLY_COLUMNS = {  # role -> folded header spellings seen across the years
    "market": ("fuente", "ciudad mercado mayorista", "mercado mayorista", "mercado", "ciudad mercado"),
    "date": ("fechaencuesta", "fecha encuesta", "fecha"),
    "dept_code": ("cod depto proc", "cod dpto proc", "codigo depto proc", "cod departamento proc"),
    "muni_code": ("cod municipio proc", "cod mpio proc", "codigo municipio proc"),
    "dept": ("departamento proc", "depto proc", "dpto proc"),
    "muni": ("municipio proc", "mpio proc"),
    "group": ("grupo",),
    "cpc": ("codigo cpc", "cod cpc", "cpc"),
    "product": ("ali", "alimento", "producto"),
    "kg": ("cant kg", "cantidad kg", "cant kg", "kg"),
}
SUPPLY_REQUIRED = ("market", "date", "product", "kg")
PRICE_COLUMNS = {
    "date": ("fecha", "mes"),
    "group": ("grupo",),
    "product": ("producto",),
    "market": ("fuente", "mercado", "mercado mayorista"),
    "price": ("precio", "precio promedio por kilogramo", "precio promedio"),
}
PRICE_REQUIRED = ("date", "product", "market", "price")
CHUNK = 50_000
_DAY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_ISO = re.compile(r"^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?")


# ---------------------------------------------------------------- text


def encoding(path: str | Path) -> str:
    """'utf-8-sig' with a BOM, 'utf-8' when every byte decodes as UTF-8, else 'cp1252' (latin-1 as Windows
    writes it; the letters of Spanish are the same in both)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with open(path, "rb") as fh:
        first = fh.read(3)
        if first == codecs.BOM_UTF8:
            return "utf-8-sig"
        fh.seek(0)
        try:
            for block in iter(lambda: fh.read(1 << 20), b""):
                decoder.decode(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return "utf-8"


def open_text(path: str | Path) -> IO[str]:
    return open(path, encoding=encoding(path), errors="replace", newline="")


def is_supply(fields: list[str]) -> bool:
    return any(f in SUPPLY_COLUMNS["kg"] for f in fields) and any(f in SUPPLY_COLUMNS["date"] for f in fields)


def is_prices(fields: list[str]) -> bool:
    return "producto" in fields and any(f.startswith("precio") for f in fields) and "fecha" in fields


def _columns(header: list[str], names: dict[str, tuple[str, ...]], required: tuple[str, ...],
             what: str) -> dict[str, int]:
    folded = [fold(h) for h in header]
    cols: dict[str, int] = {}
    for role, spellings in names.items():
        for j, label in enumerate(folded):
            if label in spellings or (role == "price" and label.startswith("precio")):
                cols.setdefault(role, j)
    missing = [r for r in required if r not in cols]
    if missing:
        raise ImportError_(f"El archivo no tiene las columnas de {what} que espero (faltan: {', '.join(missing)}; "
                           f"cabecera: {';'.join(header)}). El espejo no cambió.")
    return cols


def _rows(path: str | Path, names: dict[str, tuple[str, ...]], required: tuple[str, ...],
          what: str) -> Iterator[tuple[dict[str, int], list[str]]]:
    with open_text(path) as fh:
        reader = csv.reader(fh, delimiter=";")
        header = next(reader, None)
        if not header or not any(h.strip() for h in header):
            raise ImportError_(f"{Path(path).name} está vacío. El espejo no cambió.")
        cols = _columns(header, names, required, what)
        try:
            for rec in reader:
                if rec and any(f.strip() for f in rec):
                    yield cols, rec
        except csv.Error as exc:  # e.g. an unclosed quote that swallows the rest of a damaged file
            raise ImportError_(f"{Path(path).name} está dañado cerca de la línea {reader.line_num} ({exc}). "
                               "El espejo no cambió.") from exc


def _get(rec: list[str], cols: dict[str, int], role: str) -> str:
    j = cols.get(role)
    return rec[j].strip() if j is not None and j < len(rec) else ""


# ---------------------------------------------------------------- dates and codes


def parse_day(text: str) -> str | None:
    """'05/01/2020', '5/1/2020 0:00', '2020-01-05' -> '2020-01-05'; None when unreadable."""
    text = text.strip()
    m = _DAY.match(text)
    try:
        if m:
            return dt.date(int(m[3]), int(m[2]), int(m[1])).isoformat()
        m = _ISO.match(text)
        if m and m[3]:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None
    return None


def parse_month(text: str) -> str | None:
    """'ene-24', 'enero-2024', 'Enero de 2024', '2024-01', '01/01/2024' -> '2024-01-01'."""
    day = parse_day(text)
    if day:
        return day[:8] + "01"
    m = _ISO.match(text.strip())
    if m and 1 <= int(m[2]) <= 12:
        return f"{m[1]}-{int(m[2]):02d}-01"
    words = re.findall(r"[a-z]+|\d+", fold(text))
    month = next((i for i, name in enumerate(MONTHS, 1) for w in words[:1] if len(w) >= 3 and name.startswith(w)),
                 None)
    if month is None and words[:1] == ["set"]:
        month = 9
    year = next((w for w in words[1:] if w.isdigit()), None)
    if month is None or year is None or len(year) not in (2, 4):
        return None
    full = int(year) + (2000 if len(year) == 2 else 0)
    return f"{full}-{month:02d}-01" if 1990 <= full <= 2100 else None


def _code(text: str, width: int) -> str:
    """DIVIPOLA code zero-padded: '5' -> '05', '5001' -> '05001', '5001.0' -> '05001'; '' when not a code."""
    text = text.strip()
    if text.endswith(".0"):
        text = text[:-2]
    return text.zfill(width) if text.isdigit() and len(text) <= width else ""


def muni_code(dept_code: str, muni: str) -> str:
    """Municipality code: 5 digits; a 1-3 digit code is the part after the department's two."""
    text = muni.strip()[:-2] if muni.strip().endswith(".0") else muni.strip()
    if text.isdigit() and len(text) <= 3 and dept_code:
        return dept_code + text.zfill(3)
    return _code(text, 5)


_SMALL = {"de", "del", "la", "las", "los", "el", "y", "e"}


def proper(name: str) -> str:
    """Place names written in capitals ('VALLE DEL CAUCA') in the usual case ('Valle del Cauca')."""
    name = clean_name(name)
    if not name.isupper():
        return name
    words = name.lower().split(" ")
    return " ".join("D.C." if w == "d.c." else w if (k and w in _SMALL) else w[:1].upper() + w[1:]
                    for k, w in enumerate(words))


# ---------------------------------------------------------------- loaders


def load_supply(batch: Batch, path: str | Path, source: str = "anda-abastecimiento") -> None:
    """Catalog 697 microdata -> supply_origins. Rows with the same natural key are summed.

    Files run to millions of rows: each distinct spelling (market, food, date, origin) is resolved once, the
    rows are staged in a temporary table and summed there by SQLite, then upserted in sorted chunks, so memory
    stays flat whatever the file size."""
    names = batch.names
    conn = batch.conn
    markets: dict[str, int | None] = {}
    foods: dict[tuple[str, str], tuple[int, str] | None] = {}
    days: dict[str, str | None] = {}
    places: dict[tuple[str, str, str, str], tuple[str, str, str, str]] = {}
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS anda_stage (market_id INTEGER, day TEXT, product_id INTEGER, "
                 "muni_code TEXT, dept_code TEXT, dept TEXT, muni TEXT, group_name TEXT, kg REAL)")
    conn.execute("DELETE FROM anda_stage")
    stage = "INSERT INTO anda_stage VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
    pending: list[tuple[Any, ...]] = []
    try:
        for cols, rec in _rows(path, SUPPLY_COLUMNS, SUPPLY_REQUIRED, "abastecimiento (ANDA)"):
            raw_market, raw_food = _get(rec, cols, "market"), _get(rec, cols, "product")
            market_id = markets.get(raw_market, 0)
            if market_id == 0:
                market_id = markets[raw_market] = names.market(raw_market) if clean_name(raw_market) else None
            food_key = (raw_food, _get(rec, cols, "group"))
            if food_key in foods:
                food = foods[food_key]
            else:
                group = canonical_group(food_key[1]) or clean_name(food_key[1])
                food = foods[food_key] = (names.product(raw_food, group), group) if clean_name(raw_food) else None
            if market_id is None or food is None:
                batch.reject("fila incompleta")
                continue
            raw_day = _get(rec, cols, "date")
            day = days.get(raw_day, "")
            if day == "":
                day = days[raw_day] = parse_day(raw_day)
            if day is None:
                batch.reject("fecha ilegible")
                continue
            kg = parse_number(_get(rec, cols, "kg"))
            if kg is None:
                batch.reject("cantidad ilegible")
                continue
            if kg <= 0:
                batch.reject("cantidad cero o negativa")
                continue
            place_key = (_get(rec, cols, "dept_code"), _get(rec, cols, "muni_code"), _get(rec, cols, "dept"),
                         _get(rec, cols, "muni"))
            place = places.get(place_key)
            if place is None:
                dept_code = _code(place_key[0], 2)
                muni = muni_code(dept_code, place_key[1])
                place = places[place_key] = (muni, dept_code or muni[:2], proper(place_key[2]), proper(place_key[3]))
            pending.append((market_id, day, food[0], *place, food[1], kg))
            if len(pending) >= CHUNK:
                conn.executemany(stage, pending)
                pending = []
        conn.executemany(stage, pending)
        summed = conn.execute(
            "SELECT market_id, day, product_id, muni_code, min(dept_code), min(dept), min(muni), min(group_name), "
            "round(sum(kg), 3), ? FROM anda_stage GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4", (source,))
        while chunk := summed.fetchmany(CHUNK):
            batch.upsert("supply_origins", chunk, presorted=True)
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.anda_stage")
    batch.result.dataset = "supply_origins"


def load_prices(batch: Batch, path: str | Path, source: str = "anda-precios") -> None:
    """Catalog 776 monthly prices -> monthly_prices (mean price only; the CSV has no min/max)."""
    names = batch.names
    rows: dict[tuple[int, int, str], tuple[Any, ...]] = {}
    for cols, rec in _rows(path, PRICE_COLUMNS, PRICE_REQUIRED, "precios mensuales (ANDA)"):
        market, product = _get(rec, cols, "market"), _get(rec, cols, "product")
        if not clean_name(market) or not clean_name(product):
            batch.reject("fila incompleta")
            continue
        month = parse_month(_get(rec, cols, "date"))
        if month is None:
            batch.reject("fecha ilegible")
            continue
        price = parse_number(_get(rec, cols, "price"))
        problem = price_problem(None, None, price)
        if problem:
            batch.reject(problem)
            continue
        raw_group = _get(rec, cols, "group")
        key = (names.product(product, canonical_group(raw_group) or clean_name(raw_group)), names.market(market),
               month)
        if key in rows:
            batch.reject("fila duplicada")
            continue
        rows[key] = (*key, None, None, price, source)
    batch.upsert("monthly_prices", list(rows.values()))
    batch.result.dataset = "monthly_prices"
