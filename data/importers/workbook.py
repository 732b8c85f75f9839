"""DANE's weekly bulletin workbooks (anexo del Boletín semanal de precios mayoristas), in their three layouts:

1. up to 2018 week 19: one sheet of `Cuadro N. ... Precios de venta de <grupo>` blocks, a product-name row
   followed by one row per market (Excel 97 BIFF8, read with xlrd);
2. 2018-05-12: a sheet per group with flat columns Grupo | Producto | Mercado mayorista | min | max | medio |
   Tendencia;
3. from 2018 week 21: sheets 1.1-1.8 (one group each, header around rows 9-10); then a sheet of rice at mills
   (monthly, pesos per tonne) and/or "Abastecimiento semanal por grupo de alimentos" (tonnes for two weeks by
   market x food group), whatever the sheet is called (1.9, "1.9 " or 1.10).

The format is decided from the content: a zip is read with openpyxl even when the file says `.xls`, an OLE2
file with xlrd. Sheets are classified by their title rows, never by their names. The bulletin week comes from
the title rows ("Boletín semanal precios mayoristas - 19 a 25 de mayo de 2018"); only the 2017-2018 single
sheet carries none, and then the file name ("210Sem_31dic_2016_6ene_2017.xls") gives it.

Where the rows go:
- price tables -> weekly_prices (COP per kg, or per unit/litre where SIPSA says so, exactly as printed);
- rice at mills -> monthly_prices, converted from pesos per tonne to pesos per kg (divided by 1000, so the unit
  is the same as every other price in the mirror); the month is the one the sheet names ("Enero de 2022"),
  and the mills' municipalities become markets ("Aguazul (Casanare)");
- weekly supply -> weekly_group_supply, one row per market x group x week (two weeks per bulletin). The
  printed totals ("TOTAL MERCADOS", "Total"/"TOTAL GENERAL") are sums of the rows beside them and are not
  stored: a query sums the rows, so nothing is counted twice.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from data.importers.base import Batch, ImportError_, parse_number, price_problem
from data.importers.sheets import sheets
from data.text import clean_name, fold

GROUPS = {  # a word of the folded group title -> canonical group name (as the long CSV spells it)
    "verdura": "Verduras y hortalizas",
    "fruta": "Frutas frescas",
    "tuberculo": "Tubérculos, raíces y plátanos",
    "grano": "Granos y cereales",
    "huevo": "Huevos y lácteos",
    "lacteo": "Huevos y lácteos",
    "carne": "Carnes",
    "pescado": "Pescados",
    "procesado": "Productos procesados",
}
SUPPLY_GROUPS = {  # first word of the folded supply group -> group name in weekly_group_supply
    "frutas": "Frutas",
    "tuberculos": "Tubérculos, raíces y plátanos",
    "verduras": "Verduras y hortalizas",
    "otros": "Otros grupos",
}
SUPPLY_TOTALS = {"total", "total general"}
MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
          "noviembre", "diciembre"]
_SPLIT = re.compile(r"(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)")


@dataclass
class Bulletin:
    """Everything read from one workbook, before names are resolved and rows validated."""

    week: tuple[dt.date, dt.date] | None = None
    week_from: str = ""  # "contenido" or "nombre del archivo"
    layout: str = ""  # "cuadros" (2017-2018), "plano" (2018-05) or "hojas" (2018 week 21 on)
    # (group, product, market, min, max, mean, trend) as printed
    prices: list[tuple[str, str, str, Any, Any, Any, str | None]] = field(default_factory=list)
    # (month 'YYYY-MM-01', product, market, min, max, mean) in pesos per tonne, as printed
    mill_prices: list[tuple[str, str, str, Any, Any, Any]] = field(default_factory=list)
    # (market, group, week_start, week_end, tonnes)
    supply: list[tuple[str, str, str, str, float]] = field(default_factory=list)
    # the printed totals, kept to check the rows against them: (market or "TOTAL MERCADOS", group or "Total",
    # week_start, tonnes)
    supply_totals: list[tuple[str, str, str, float]] = field(default_factory=list)
    problems: Counter[str] = field(default_factory=Counter)


# ---------------------------------------------------------------- reading cells


def _month(word: str) -> int | None:
    if len(word) < 3 or not word.isalpha():
        return None
    if word in ("set", "setiembre"):
        return 9
    for number, name in enumerate(MONTHS, start=1):
        if name.startswith(word):
            return number
    return None


def _mentions(text: str) -> list[tuple[int, int | None, int | None]]:
    """Day mentions in a text: '29 de enero al 04 de febrero de 2022' -> [(29, 1, None), (4, 2, 2022)]."""
    tokens = _SPLIT.sub(" ", fold(text)).split()
    found: list[tuple[int, int | None, int | None]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.isdigit() and len(tok) <= 2 and 1 <= int(tok) <= 31:
            j = i + 1
            month = year = None
            while j < len(tokens) and tokens[j] in ("de", "del"):
                j += 1
            if j < len(tokens) and _month(tokens[j]):
                month = _month(tokens[j])
                j += 1
                while j < len(tokens) and tokens[j] in ("de", "del"):
                    j += 1
                if j < len(tokens) and tokens[j].isdigit() and len(tokens[j]) == 4:
                    year = int(tokens[j])
                    j += 1
            found.append((int(tok), month, year))
            i = j if month else i + 1
        else:
            i += 1
    return found


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _start(day: int, month: int | None, year: int | None, end: dt.date) -> dt.date | None:
    """The start of a range whose end is known: month and year default to the end's, and roll back one
    month (no month given) or one year (no year given) when the start would fall after the end."""
    start = _date(year or end.year, month or end.month, day)
    if (start is not None and start <= end) or year is not None:
        return start
    if month is None:
        return _date(end.year - (end.month == 1), (end.month - 2) % 12 + 1, day)
    return _date(end.year - 1, month, day)


def week_range(text: str, max_days: int = 7) -> tuple[dt.date, dt.date] | None:
    """The date range a title or file name names, e.g. '19 a 25 de mayo de 2018', '31dic_2016_6ene_2017',
    '24 de febrero al 1 de marzo de 2024'. None unless it spans 0..max_days days."""
    mentions = _mentions(text)
    for k in range(len(mentions) - 1, 0, -1):
        (d1, m1, y1), (d2, m2, y2) = mentions[k - 1], mentions[k]
        if m2 is None or y2 is None:
            continue
        end = _date(y2, m2, d2)
        if end is None:
            continue
        start = _start(d1, m1, y1, end)
        if start is not None and 0 <= (end - start).days <= max_days:
            return start, end
    return None


def month_of(text: str) -> str | None:
    """'Precios de arroz ... en molino - Enero de 2022' or '... molino\\noctubre 2024' -> '2022-01-01'."""
    tokens = fold(text).split()
    for i, tok in enumerate(tokens[:-1]):
        month = _month(tok)
        if month:
            j = i + 1
            while j < len(tokens) - 1 and tokens[j] in ("de", "del"):
                j += 1
            if tokens[j].isdigit() and len(tokens[j]) == 4:
                return f"{tokens[j]}-{month:02d}-01"
    return None


def supply_week(label: str, near: dt.date) -> tuple[dt.date, dt.date] | None:
    """A supply column label without year ('25 sep-1 oct', '2-8 oct', '29dic - 4ene', '9 - 15may') as dates,
    the year chosen so the week ends closest to `near` (the bulletin's end)."""
    mentions = _mentions(label)
    if len(mentions) != 2 or mentions[1][1] is None:
        return None
    (d1, m1, _), (d2, m2, _) = mentions
    assert m2 is not None
    candidates = [d for y in (near.year - 1, near.year, near.year + 1) if (d := _date(y, m2, d2))]
    if not candidates:
        return None
    end = min(candidates, key=lambda d: abs((d - near).days))
    start = _start(d1, m1, None, end)
    if start is None or (end - start).days != 6:
        return None
    return start, end


# ---------------------------------------------------------------- layouts


def canonical_group(text: str) -> str | None:
    for word in fold(text).split():
        for stem, group in GROUPS.items():
            if word.startswith(stem):
                return group
    return None


def _text(cell: Any) -> str:
    return cell.strip() if isinstance(cell, str) else ""


def _strings(row: list[Any]) -> list[str]:
    return [c.strip() for c in row if isinstance(c, str) and c.strip()]


def _header(row: list[Any], below: list[Any] | None) -> dict[str, int] | None:
    """Column positions from a header row (and the sub-header row under it, layout 3), or None."""
    if not any(isinstance(c, str) and c.lstrip()[:8].lower() == "producto" for c in row[:3]):
        return None
    folded = [fold(c) if isinstance(c, str) else "" for c in row]
    if not any(f in ("producto", "productos y mercados") for f in folded):
        return None
    if below is not None and any("precio" in fold(c) for c in _strings(below)):
        width = max(len(folded), len(below))
        folded = [f"{a} {fold(b) if isinstance(b, str) else ''}".strip()
                  for a, b in zip(folded + [""] * (width - len(folded)), below + [None] * (width - len(below)),
                                  strict=True)]
    cols: dict[str, int] = {}
    for j, label in enumerate(folded):
        if label == "grupo":
            cols.setdefault("group", j)
        elif label.startswith("producto"):
            cols.setdefault("product", j)
        elif "mercado" in label or "municipio" in label:
            cols.setdefault("market", j)
        elif "minimo" in label:
            cols.setdefault("min", j)
        elif "maximo" in label:
            cols.setdefault("max", j)
        elif "medio" in label:
            cols.setdefault("mean", j)
        elif "tendencia" in label:
            cols.setdefault("trend", j)
    if not {"product", "min", "max", "mean"} <= cols.keys():
        return None
    cols["subheader"] = int(below is not None and any("precio" in fold(c) for c in _strings(below)))
    return cols


def _cell(row: list[Any], j: int | None) -> Any:
    return row[j] if j is not None and j < len(row) else None


def _title(rows: list[list[Any]], limit: int = 14) -> str:
    return "\n".join(s for row in rows[:limit] for s in _strings(row))


def parse_prices(rows: list[list[Any]], sheet_group: str | None, out: Bulletin, mill_month: str | None = None,
                 mill: bool = False) -> None:
    """Read a price sheet of any layout into out.prices (or out.mill_prices when `mill`)."""
    group = sheet_group
    cols: dict[str, int] | None = None
    product = ""
    skip_to = -1
    for i, row in enumerate(rows):
        if i <= skip_to or not row:
            continue
        first = _text(row[0]) if row else ""
        if first.lower().startswith("cuadro") and "precios de venta" in first.lower():
            group = canonical_group(first.lower().split("precios de venta de", 1)[-1]) or group
            cols = None
            continue
        header = _header(row, rows[i + 1] if i + 1 < len(rows) else None)
        if header is not None:
            cols = header
            skip_to = i + header.pop("subheader")
            product = ""
            out.layout = out.layout or ("plano" if "group" in cols else "hojas" if "market" in cols else "cuadros")
            continue
        if cols is None:
            continue
        values = [_cell(row, cols[k]) for k in ("min", "max", "mean")]
        has_values = any(v is not None and v != "" for v in values)
        name = _text(_cell(row, cols["product"]))
        if "market" not in cols:  # layout 1: product-name row, then one row per market
            if not has_values:
                if name:
                    product = name
                continue
            market = name
        else:
            if not has_values:
                continue
            product, market = name, _text(_cell(row, cols["market"]))
        if not product or not market:
            out.problems["fila incompleta"] += 1
            continue
        trend = _text(_cell(row, cols.get("trend"))) or None
        if mill:
            if mill_month is None:
                out.problems["fecha ilegible"] += 1
            else:
                out.mill_prices.append((mill_month, product, market, values[0], values[1], values[2]))
            continue
        row_group = canonical_group(_text(_cell(row, cols.get("group")))) if "group" in cols else group
        if row_group is None:
            out.problems["grupo desconocido"] += 1
            continue
        out.prices.append((row_group, product, market, values[0], values[1], values[2], trend))


def parse_supply(rows: list[list[Any]], near: dt.date | None, out: Bulletin) -> None:
    """Read 'Abastecimiento semanal por grupo de alimentos': blocks of market name / GRUPO header with two
    week labels / one row per group, laid side by side in column bands."""
    title = _title(rows, 8)
    if near is None:
        rng = week_range(title, max_days=15)
        near = rng[1] if rng else None
    if near is None:
        out.problems["fecha ilegible"] += 1
        return
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            if fold(_text(cell)) != "grupo":
                continue
            market = next((_text(rows[k][j]) for k in range(i - 1, max(i - 4, -1), -1)
                           if j < len(rows[k]) and _text(rows[k][j])), "")
            market = clean_name(market.replace("*", ""))
            weeks = [supply_week(str(_cell(row, j + c) or ""), near) for c in (1, 2)]
            if weeks[0] is None and weeks[1] is not None:
                weeks[0] = (weeks[1][0] - dt.timedelta(days=7), weeks[1][1] - dt.timedelta(days=7))
            if weeks[1] is None and weeks[0] is not None:
                weeks[1] = (weeks[0][0] + dt.timedelta(days=7), weeks[0][1] + dt.timedelta(days=7))
            for k in range(i + 1, len(rows)):
                label = fold(_text(_cell(rows[k], j)).replace("*", ""))
                group = "Total" if label in SUPPLY_TOTALS else SUPPLY_GROUPS.get(label.split(" ")[0]) if label else None
                if group is None or not market:
                    break
                total = group == "Total" or fold(market) == "total mercados"
                for c, week in zip((1, 2), weeks, strict=True):
                    tonnes = parse_number(_cell(rows[k], j + c))
                    if week is None:
                        out.problems["fecha ilegible"] += 1
                    elif tonnes is None:
                        out.problems["cantidad vacía"] += 1
                    elif tonnes < 0:
                        out.problems["cantidad negativa"] += 1
                    elif total:
                        out.supply_totals.append((market, group, week[0].isoformat(), tonnes))
                    else:
                        out.supply.append((market, group, week[0].isoformat(), week[1].isoformat(), tonnes))
                if group == "Total":
                    break


def parse(book: list[tuple[str, list[list[Any]]]], filename: str = "") -> Bulletin:
    """A whole workbook (sheets as rows) -> Bulletin. Pure: the tests feed it rows in memory."""
    out = Bulletin()
    for _, rows in book:  # the bulletin week, from the title rows of any sheet
        for text in _strings([c for row in rows[:12] for c in row]):
            folded = fold(text)
            if "abastecimiento semanal" in folded or "molino" in folded:
                continue
            found = week_range(text)
            if found:
                out.week, out.week_from = found, "contenido"
                break
        if out.week:
            break
    if out.week is None and filename:
        found = week_range(Path(filename).stem)
        if found:
            out.week, out.week_from = found, "nombre del archivo"
    for name, rows in book:
        title = fold(_title(rows))
        if "abastecimiento semanal" in title:
            parse_supply(rows, out.week[1] if out.week else None, out)
        elif "molino" in title:
            month = next((m for s in _strings([c for r in rows[:14] for c in r])
                          if "molino" in fold(s) and (m := month_of(s))), None)
            parse_prices(rows, None, out, mill_month=month, mill=True)
        else:
            sheet_group = canonical_group(next((s for s in _strings([c for r in rows[:9] for c in r])
                                                if re.match(r"^\d+\.\d+\.?\s", s)), "")) or canonical_group(name)
            parse_prices(rows, sheet_group, out)
    return out


def read(path: str | Path) -> Bulletin:
    """Parse a workbook file. Raises ImportError_ when it is not a readable bulletin."""
    out = parse(list(sheets(path)), Path(path).name)
    if not out.prices and not out.supply and not out.mill_prices:
        raise ImportError_(f"{Path(path).name} es un libro de Excel pero no tiene tablas del boletín semanal de "
                           "precios mayoristas del SIPSA. El espejo no cambió.")
    if out.prices and out.week is None:
        raise ImportError_(f"No encuentro la semana del boletín {Path(path).name}: ni los títulos ni el nombre del "
                           "archivo dicen las fechas (p. ej. «19 a 25 de mayo de 2018»). El espejo no cambió.")
    return out


# ---------------------------------------------------------------- into the mirror


def _city(market: str) -> str:
    return market.split(",")[0].split("(")[0].strip()


def _department(market: str) -> str:
    inside = re.search(r"\(([^)]+)\)", market)
    return inside.group(1).strip() if inside else ""


def store(batch: Batch, book: Bulletin, source: str = "boletin-semanal") -> None:
    """Validate and upsert a parsed bulletin. Rows with a bad price are rejected with the reason."""
    for reason, count in book.problems.items():
        batch.reject(reason, count)
    names = batch.names
    if book.prices:
        assert book.week is not None
        start, end = book.week[0].isoformat(), book.week[1].isoformat()
        rows: dict[tuple[int, int, str], tuple[Any, ...]] = {}
        for group, product, market, pmin_c, pmax_c, mean_c, trend in book.prices:
            pmin, pmax, mean = parse_number(pmin_c), parse_number(pmax_c), parse_number(mean_c)
            problem = price_problem(pmin, pmax, mean)
            if problem:
                batch.reject(problem)
                continue
            key = (names.product(product, group), names.market(market), start)
            if key in rows:
                batch.reject("fila duplicada")
                continue
            rows[key] = (*key, end, pmin, pmax, mean, trend, source)
        batch.upsert("weekly_prices", list(rows.values()))
    if book.mill_prices:
        mill: dict[tuple[int, int, str], tuple[Any, ...]] = {}
        for month, product, market, pmin_c, pmax_c, mean_c in book.mill_prices:
            pmin, pmax, mean = (None if v is None else round(v / 1000, 3)
                                for v in (parse_number(pmin_c), parse_number(pmax_c), parse_number(mean_c)))
            problem = price_problem(pmin, pmax, mean)
            if problem:
                batch.reject(problem)
                continue
            market_id = names.market(market, city=_city(market), department=_department(market))
            key = (names.product(product, "Granos y cereales", unit="kg"), market_id, month)
            if key in mill:
                batch.reject("fila duplicada")
                continue
            mill[key] = (*key, pmin, pmax, mean, f"{source}-molino")
        batch.upsert("monthly_prices", list(mill.values()))
    if book.supply:
        supply: dict[tuple[int, str, str], tuple[Any, ...]] = {}
        for market, group, week_start, week_end, tonnes in book.supply:
            skey = (names.market(market, city=_city(market), department=_department(market)), group, week_start)
            if skey in supply:
                batch.reject("fila duplicada")
                continue
            supply[skey] = (*skey, week_end, round(tonnes, 3), source)
        batch.upsert("weekly_group_supply", list(supply.values()))


def load(batch: Batch, path: str | Path) -> None:
    store(batch, read(path))
