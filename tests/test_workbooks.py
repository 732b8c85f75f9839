"""DANE weekly bulletin workbooks: the three layouts, sheet 1.9 (rice at mills, weekly supply), dates from the
content (file name only as a fallback), bad rows, damaged files, re-imports, overlap with the long CSV, and the
real workbooks of ../shared/sipsa/anexos checked row by row against the long table."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import random
import sqlite3
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from data.db import open_db
from data.importer import import_file
from data.importers import detect, sheets, workbook
from data.importers.base import ImportError_, import_run
from data.text import clean_name, fold
from tests.conftest import shared_path

# ---------------------------------------------------------------- fixture writers

LEGEND = ["Tendencia*", "Menor a -20,01%   ---", "n.d: no disponible"]


def price_sheet(ws: Any, number: str, group: str, rows: list[list[Any]], two_row_header: bool = True) -> None:
    """A sheet 1.x as DANE writes it from 2018 week 21: title rows, header at row 10 (and 11), data, legend."""
    ws.append([])
    ws.append([])
    ws.append(["Regresar al índice"])
    ws.append(["Boletín semanal precios mayoristas "])
    ws.append([])
    ws.append([f"{number}. {group}"])
    ws.append([])
    ws.append([])
    ws.append([])
    if two_row_header:
        ws.append(["Producto", "Mercado mayorista", "          Pesos por kilogramo", None, None, "Tendencia*"])
        ws.append([None, None, "Precio mínimo", "Precio máximo", "Precio medio"])
    else:
        ws.append(["Producto", "Mercado mayorista", "Precio mínimo", "Precio máximo", "Precio medio", "Tendencia"])
    for row in rows:
        ws.append(row)
    ws.append([])
    for line in LEGEND:
        ws.append([line])


def supply_sheet(ws: Any, title: str, labels: tuple[str, str], blocks: list[tuple[str, list[float]]]) -> None:
    """'Abastecimiento semanal por grupo de alimentos': market blocks in two column bands, totals included."""
    ws.append([])
    ws.append([])
    ws.append(["Boletín semanal precios mayoristas - 31 de diciembre de 2022 al 6 de enero de 2023", None, None,
               None, None, None, None, None, None, None, "Regresar al índice"])
    ws.append([])
    ws.append([title])
    ws.append([])
    ws.append([])
    ws.append([])
    groups = ["Frutas", "Tubérculos, raíces y plátanos", "Verduras y hortalizas", "Otros grupos*"]
    for left, right in zip(blocks[0::2], blocks[1::2], strict=True):
        ws.append([left[0], None, None, None, None, right[0]])
        ws.append(["GRUPO", *labels, "Variación (%)", None, "GRUPO", *labels, "Variación (%)"])
        for k, group in enumerate(groups):
            lv, rv = left[1][2 * k: 2 * k + 2], right[1][2 * k: 2 * k + 2]
            ws.append([group, *lv, lv[1] / lv[0] - 1, None, group, *rv, rv[1] / rv[0] - 1])
        total_l = [sum(left[1][0::2]), sum(left[1][1::2])]
        total_r = [sum(right[1][0::2]), sum(right[1][1::2])]
        ws.append(["TOTAL GENERAL" if left[0] == "TOTAL MERCADOS" else "Total", *total_l, 0.0, None, "Total",
                   *total_r, 0.0])
        ws.append([])
    ws.append(["FUENTE: DANE - SIPSA"])
    ws.append(["* Otros grupos comprende: carnes, granos y cereales, lácteos y huevos, pescados y procesados."])


def mill_sheet(ws: Any, month_title: str, rows: list[list[Any]]) -> None:
    ws.append([])
    ws.append(["Regresar al índice"])
    ws.append([month_title])
    ws.append(["1.9. Arroz y subproductos en molino"])
    ws.append([])
    ws.append(["Producto", "Mercado mayorista", "          Pesos por tonelada", None, None, "Tendencia*"])
    ws.append([None, None, "Precio mínimo", "Precio máximo", "Precio medio"])
    for row in rows:
        ws.append(row)
    ws.append(["Tendencia*"])


def sheets_layout(path: Path, title: str = "Boletín semanal precios mayoristas - 31 de diciembre de 2022 al 6 de "
                  "enero de 2023", bad_rows: bool = True, mean: int = 1141) -> Path:
    """A 2022-2023 style workbook: Índice, 1.1 (two-row header), 1.5 (one-row header), rice at mills, supply."""
    wb = openpyxl.Workbook()
    index = wb.active
    index.title = "Índice"
    for _ in range(5):
        index.append([])
    index.append(["SISTEMA DE INFORMACIÓN DE PRECIOS Y ABASTECIMIENTO DEL SECTOR AGROPECUARIO -SIPSA-"])
    index.append([])
    index.append([title])
    index.append(["1.1", "Verduras y hortalizas"])
    rows: list[list[Any]] = [
        ["Acelga", "Armenia, Mercar", 1067, 1200, mean, "-"],
        ["Acelga", "Bogotá, D,C,, Corabastos", 500, 700, 590, "-"],
        ["Papa Criolla Limpia", "Cali, Santa Helena", 2000, 2400, 2200, "+"],
    ]
    if bad_rows:
        rows += [
            ["Ahuyama", "Armenia, Mercar", 0, 0, 0, "="],  # zero price
            ["Ahuyama", "Bogotá, D.C., Corabastos", 900, 800, 850, "+"],  # min > max
            ["Ahuyama", "Cali, Cavasa", "n.d.", "n.d.", "n.d.", "n.d."],  # no price
        ]
    price_sheet(wb.create_sheet("1.1"), "1.1", "Verduras y hortalizas", rows)
    price_sheet(wb.create_sheet("1.5"), "1.5", "Huevos y lácteos",
                [["Huevo rojo AA", "Bogotá, D.C., Corabastos", 480, 520, 500, "="]], two_row_header=False)
    mill_sheet(wb.create_sheet("1.9"), "Precios de arroz y subproductos en molino - Julio de 2022",
               [["Arroz blanco empacado", "Aguazul (Casanare)", 3840000, 4040000, 3906666.6666666665, "="],
                ["Arroz blanco empacado", "Cúcuta (Norte de Santander)", 3916000, 4029000, 3972000, "="]])
    supply_sheet(wb.create_sheet("1.10"),
                 "1.9. Abastecimiento semanal por grupo de alimentos\n22 de diciembre de 2022 al 4 de enero de 2023",
                 ("22-28 dic", "29dic - 4ene"),
                 [("TOTAL MERCADOS", [30.0, 33.0, 50.0, 55.0, 70.0, 77.0, 90.0, 99.0]),
                  ("Medellín, Central Mayorista de Antioquia*** y Plaza Minorista José María Villa",
                   [10.0, 11.0, 20.0, 22.0, 30.0, 33.0, 40.0, 44.0]),
                  ("Armenia, Mercar", [20.0, 22.0, 30.0, 33.0, 40.0, 44.0, 50.0, 55.0]),
                  ("Cali, Cavasa y Santa Helena", [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0])])
    wb.save(path)
    return path


def flat_layout(path: Path) -> Path:
    """The 2018-05-12 file: a sheet per group with Grupo | Producto | Mercado mayorista | ... columns."""
    wb = openpyxl.Workbook()
    index = wb.active
    index.title = "Índice"
    index.append(["SISTEMA DE INFORMACIÓN DE PRECIOS Y ABASTECIMIENTO DEL SECTOR AGROPECUARIO -SIPSA- BOLETÍN"])
    index.append([])
    index.append(["Semana 12 a 18 de mayo de 2018"])
    header = ["Grupo", "Producto", "Mercado mayorista", "Precio mínimo", "Precio máximo", "Precio medio",
              "Tendencia", "Índice"]
    ws = wb.create_sheet("Verduras_Hortalizas")
    ws.append(header)
    ws.append(["Verduras y hortalizas", "Acelga", "Armenia, Mercar", 1200, 1333, 1267, "+"])
    ws.append(["Verduras y hortalizas", "Acelga", "Bogotá, D.C., Corabastos", 500, 800, 610, "+"])
    ws = wb.create_sheet("Procesados")
    ws.append(header)
    ws.append(["Procesados", "Aceite girasol", "Barranquilla, Barranquillita", 8500, 8592, 8550, "+"])
    wb.save(path)
    return path


CUADROS = [
    ["Cuadro 1. Mercados mayoristas. Precios de venta de verduras y hortalizas"],
    ["Productos y mercados", "Precio mínimo", "Precio máximo", "Precio medio", "Tendencia"],
    ["Acelga"],
    ["Armenia, Mercar", 1333.0, 1600.0, 1444.0, "+++"],
    ["Bogotá, D.C., Corabastos", 800.0, 1500.0, 1233.0, "+"],
    ["Ahuyama"],
    ["Arauca (Arauca)", 1000.0, 1000.0, 1000.0, "="],
    ["Cuadro 3. Mercados mayoristas. Precios de venta de tubérculos, raíces y plátanos "],
    ["Productos y mercados", "Precio mínimo", "Precio máximo", "Precio medio", "Tendencia"],
    ["Papa criolla limpia"],
    ["Bogotá, D.C., Corabastos", 2000.0, 2600.0, 2300.0, "-"],
    ["Cali, Cavasa", "n.d.", "n.d.", "n.d.", "n.d."],
]


def cuadros_layout(path: Path) -> Path:
    """Layout 1 (2017 - 2018 week 19) written as xlsx: the parser reads the content, whatever the container."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Información Boletin"
    for row in CUADROS:
        ws.append(row)
    wb.save(path)
    return path


def weekly(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    return conn.execute(
        "SELECT p.name, m.name, w.week_start, w.week_end, w.price_min, w.price_max, w.price_mean, w.trend "
        "FROM weekly_prices w JOIN products p ON p.id = w.product_id JOIN markets m ON m.id = w.market_id "
        "ORDER BY 1, 2, 3").fetchall()


def counts(conn: sqlite3.Connection) -> tuple[int, ...]:
    return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in ("weekly_prices", "monthly_prices", "weekly_group_supply", "products", "markets"))


# ---------------------------------------------------------------- dates


def test_week_ranges_from_titles_and_file_names():
    d = dt.date
    assert workbook.week_range("Boletín semanal precios mayoristas - 19 a 25 de mayo de 2018") == (
        d(2018, 5, 19), d(2018, 5, 25))
    assert workbook.week_range("Semana 12 a 18 de mayo de 2018") == (d(2018, 5, 12), d(2018, 5, 18))
    assert workbook.week_range("- 29 de enero al 04 de febrero de 2022 *") == (d(2022, 1, 29), d(2022, 2, 4))
    assert workbook.week_range("31 de diciembre de 2022 al 6 de enero de 2023") == (d(2022, 12, 31), d(2023, 1, 6))
    assert workbook.week_range("-  2 al 8 de noviembre de 2024") == (d(2024, 11, 2), d(2024, 11, 8))
    assert workbook.week_range("210Sem_31dic_2016_6ene_2017") == (d(2016, 12, 31), d(2017, 1, 6))
    assert workbook.week_range("258Sem_2dic_7dic_2017") == (d(2017, 12, 2), d(2017, 12, 7))
    assert workbook.week_range("270Sem_24feb__02mar_2018") == (d(2018, 2, 24), d(2018, 3, 2))
    assert workbook.week_range("anex-SIPSASemanal-04oct10oct-2025") == (d(2025, 10, 4), d(2025, 10, 10))
    assert workbook.week_range("Sem_30oct_2021__05nov_2021") == (d(2021, 10, 30), d(2021, 11, 5))
    assert workbook.week_range("boletin.xls") is None
    assert workbook.week_range("1 al 30 de junio de 2024") is None  # a month is not a week


def test_supply_week_labels_and_mill_months():
    d = dt.date
    near = d(2023, 1, 6)
    assert workbook.supply_week("22-28 dic", near) == (d(2022, 12, 22), d(2022, 12, 28))
    assert workbook.supply_week("29dic - 4ene", near) == (d(2022, 12, 29), d(2023, 1, 4))
    assert workbook.supply_week("25 sep-1 oct", d(2025, 10, 10)) == (d(2025, 9, 25), d(2025, 10, 1))
    assert workbook.supply_week("9 - 15may", d(2024, 5, 24)) == (d(2024, 5, 9), d(2024, 5, 15))
    assert workbook.supply_week("Variación (%)", near) is None
    assert workbook.month_of("Precios de arroz y subproductos en molino - Enero de 2022") == "2022-01-01"
    assert workbook.month_of("1.9. Arroz y subproductos en molino\noctubre 2024") == "2024-10-01"


def test_cuadros_layout_parsed_in_memory_with_the_date_from_the_file_name():
    book = workbook.parse([("Información Boletin", [list(r) for r in CUADROS])], "258Sem_2dic_7dic_2017.xls")
    assert book.layout == "cuadros"
    assert book.week == (dt.date(2017, 12, 2), dt.date(2017, 12, 7)) and book.week_from == "nombre del archivo"
    assert [(g, p, m, mean) for g, p, m, _, _, mean, _ in book.prices] == [
        ("Verduras y hortalizas", "Acelga", "Armenia, Mercar", 1444.0),
        ("Verduras y hortalizas", "Acelga", "Bogotá, D.C., Corabastos", 1233.0),
        ("Verduras y hortalizas", "Ahuyama", "Arauca (Arauca)", 1000.0),
        ("Tubérculos, raíces y plátanos", "Papa criolla limpia", "Bogotá, D.C., Corabastos", 2300.0),
        ("Tubérculos, raíces y plátanos", "Papa criolla limpia", "Cali, Cavasa", "n.d."),
    ]
    assert workbook.parse([("x", [list(r) for r in CUADROS])], "boletin.xls").week is None


# ---------------------------------------------------------------- whole files


def test_sheets_layout_imports_prices_mills_and_supply(db_path: Path, tmp_path: Path):
    # an xlsx that says .xls, and whose name disagrees with its title: the title wins
    path = sheets_layout(tmp_path / "anex_04ene_al_10ene_2020.xls")
    assert detect.sniff(path) == detect.WORKBOOK
    book = workbook.read(path)
    assert book.week == (dt.date(2022, 12, 31), dt.date(2023, 1, 6)) and book.week_from == "contenido"
    conn = open_db(db_path).conn
    result = import_file(conn, path)
    assert result.status == "ok" and result.format == "boletin-semanal"
    assert result.rejected == 3
    assert result.reasons == Counter({"precio cero o negativo": 1, "mínimo mayor que máximo": 1, "precio vacío": 1})
    rows = weekly(conn)
    assert len(rows) == 4
    assert ("Papa criolla limpia", "Cali, Santa Elena", "2022-12-31", "2023-01-06", 2000, 2400, 2200, "+") in rows
    assert ("Acelga", "Bogotá, D.C., Corabastos", "2022-12-31", "2023-01-06", 500, 700, 590, "-") in rows
    egg = conn.execute("SELECT p.group_name, p.unit FROM weekly_prices w JOIN products p ON p.id = w.product_id "
                       "WHERE p.name = 'Huevo rojo AA'").fetchone()
    assert egg == ("Huevos y lácteos", "unidad")
    mills = conn.execute(
        "SELECT p.name, m.name, mp.month, mp.price_min, mp.price_max, mp.price_mean, mp.source FROM monthly_prices "
        "mp JOIN products p ON p.id = mp.product_id JOIN markets m ON m.id = mp.market_id ORDER BY 2").fetchall()
    assert mills == [
        ("Arroz blanco empacado", "Aguazul (Casanare)", "2022-07-01", 3840.0, 4040.0, 3906.667,
         "boletin-semanal-molino"),
        ("Arroz blanco empacado", "San José de Cúcuta (Norte de Santander)", "2022-07-01", 3916.0, 4029.0, 3972.0,
         "boletin-semanal-molino"),
    ]
    supply = conn.execute(
        "SELECT m.name, s.group_name, s.week_start, s.week_end, s.tonnes FROM weekly_group_supply s "
        "JOIN markets m ON m.id = s.market_id ORDER BY 1, 2, 3").fetchall()
    assert len(supply) == 3 * 4 * 2  # three markets x four groups x two weeks; printed totals are not stored
    assert ("Armenia, Mercar", "Frutas", "2022-12-22", "2022-12-28", 20.0) in supply
    assert ("Armenia, Mercar", "Otros grupos", "2022-12-29", "2023-01-04", 55.0) in supply
    assert ("Cali, Cavasa y Santa Elena", "Verduras y hortalizas", "2022-12-29", "2023-01-04", 6.0) in supply
    medellin = "Medellín, Central Mayorista de Antioquia y Plaza Minorista José María Villa"
    assert (medellin, "Tubérculos, raíces y plátanos", "2022-12-22", "2022-12-28", 20.0) in supply
    assert not {r[0] for r in supply} & {"TOTAL MERCADOS", "Total mercados"}
    assert not {r[1] for r in supply} & {"Total", "TOTAL GENERAL"}


def test_fast_xlsx_reader_reads_what_openpyxl_reads(tmp_path: Path):
    def trimmed(book: list[tuple[str, list[list[Any]]]]) -> list[tuple[str, list[list[Any]]]]:
        out = []
        for name, rows in book:
            rows = [list(r) for r in rows]
            for r in rows:
                while r and r[-1] is None:
                    r.pop()
            while rows and not rows[-1]:
                rows.pop()
            out.append((name, rows))
        return out

    for path in (sheets_layout(tmp_path / "a.xlsx"), flat_layout(tmp_path / "b.xlsx")):
        fast = trimmed(list(workbook.sheets(path)))
        assert fast == trimmed(list(sheets._openpyxl_sheets(path)))
        assert [name for name, _ in fast][:2] in (["Índice", "1.1"], ["Índice", "Verduras_Hortalizas"])


def test_flat_and_cuadros_layouts_import(db_path: Path, tmp_path: Path):
    conn = open_db(db_path).conn
    flat = import_file(conn, flat_layout(tmp_path / "281Sem_12may__18may_2018.xlsx"))
    assert (flat.inserted, flat.rejected) == (3, 0)
    oil = conn.execute("SELECT p.name, p.group_name, p.unit, w.week_start, w.week_end FROM weekly_prices w "
                       "JOIN products p ON p.id = w.product_id WHERE p.name LIKE 'Aceite%'").fetchone()
    assert oil == ("Aceite girasol", "Productos procesados", "litro", "2018-05-12", "2018-05-18")
    old = import_file(conn, cuadros_layout(tmp_path / "210Sem_31dic_2016_6ene_2017.xlsx"))
    assert (old.inserted, old.rejected, dict(old.reasons)) == (4, 1, {"precio vacío": 1})
    weeks = conn.execute("SELECT week_start, week_end, count(*) FROM weekly_prices GROUP BY 1").fetchall()
    assert weeks == [("2016-12-31", "2017-01-06", 4), ("2018-05-12", "2018-05-18", 3)]


def test_reimport_changes_nothing_and_overlap_with_long_csv_reconciles(db_path: Path, tmp_path: Path):
    path = sheets_layout(tmp_path / "anex_31dic_al_06ene_2023.xlsx", bad_rows=False)
    conn = open_db(db_path).conn
    first = import_file(conn, path)
    before = (weekly(conn), counts(conn))
    again = import_file(conn, path)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, first.inserted)
    assert (weekly(conn), counts(conn)) == before
    # the long CSV has the same week with one price revised: it updates that row only, and says so
    long_csv = tmp_path / "semanal.csv"
    with open(long_csv, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["semana_inicio", "semana_fin", "grupo", "producto", "mercado", "precio_min_cop_kg",
                      "precio_max_cop_kg", "precio_medio_cop_kg", "tendencia"])
        out.writerow(["2022-12-31", "2023-01-06", "Verduras y hortalizas", "Acelga", "Armenia, Mercar", "1067",
                      "1200", "1150", "-"])
        out.writerow(["2022-12-31", "2023-01-06", "Verduras y hortalizas", "Acelga", "Bogotá, D.C., Corabastos",
                      "500", "700", "590", "-"])
    overlap = import_file(conn, long_csv)
    assert (overlap.inserted, overlap.updated, overlap.unchanged) == (0, 1, 1)
    assert conn.execute("SELECT price_mean FROM weekly_prices w JOIN products p ON p.id = w.product_id "
                        "JOIN markets m ON m.id = w.market_id WHERE p.name = 'Acelga' AND m.name = 'Armenia, Mercar'"
                        ).fetchone() == (1150,)
    back = import_file(conn, path)  # the bulletin again: its own figure comes back, one row updated
    assert (back.inserted, back.updated) == (0, 1)
    runs = conn.execute("SELECT format, inserted, updated, unchanged, status FROM import_runs ORDER BY id").fetchall()
    assert [r[0] for r in runs] == ["boletin-semanal", "boletin-semanal", "csv-semanal", "boletin-semanal"]
    assert runs[2][1:] == (0, 1, 1, "ok")


@pytest.mark.parametrize("make, message", [
    (lambda p: p.write_bytes(p.with_suffix(".ok").read_bytes()[:3000]), "dañado o incompleto"),
    (lambda p: p.write_bytes(b"PK\x03\x04" + random.Random(1).randbytes(5000)), "dañado o incompleto"),
    (lambda p: p.write_bytes(sheets.OLE2_MAGIC + random.Random(2).randbytes(5000)), "dañado o incompleto"),
    (lambda p: p.write_bytes(random.Random(3).randbytes(5000)), "formato"),
    (lambda p: p.write_bytes(b""), "formato"),
])
def test_damaged_files_give_a_spanish_error_and_leave_the_mirror_untouched(db_path: Path, tmp_path: Path, make,
                                                                          message):
    conn = open_db(db_path).conn
    good = sheets_layout(tmp_path / "good.xlsx")
    import_file(conn, good)
    before = (weekly(conn), counts(conn))
    sheets_layout(tmp_path / "bad.ok")
    bad = tmp_path / "bad.xls"
    make(bad)
    with pytest.raises(ImportError_) as err:
        import_file(conn, bad)
    assert message in str(err.value) and "bad.xls" in str(err.value)
    assert (weekly(conn), counts(conn)) == before


def test_workbooks_without_bulletin_tables_or_dates_are_refused(db_path: Path, tmp_path: Path):
    conn = open_db(db_path).conn
    other = tmp_path / "otro.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Lista de compras", "cantidad"])
    wb.save(other)
    with pytest.raises(ImportError_, match="no tiene tablas del boletín"):
        import_file(conn, other)
    nodate = cuadros_layout(tmp_path / "boletin.xlsx")
    with pytest.raises(ImportError_, match="No encuentro la semana"):
        import_file(conn, nodate)
    assert counts(conn)[:3] == (0, 0, 0)
    failed = conn.execute("SELECT status, error FROM import_runs").fetchall()
    assert [s for s, _ in failed] == ["failed", "failed"]


# ---------------------------------------------------------------- the real workbooks

ANEXOS = "anexos"


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Parse every real workbook once; load the long CSV rows of those weeks (only) into a mirror."""
    folder = shared_path(ANEXOS)
    long_gz = shared_path("series", "semanal_precios_2017-2025.csv.gz")
    files = sorted(p for p in folder.iterdir() if p.suffix in (".xls", ".xlsx"))
    books = {p.name: workbook.read(p) for p in files}
    weeks = {b.week[0].isoformat() for b in books.values() if b.week}
    tmp = tmp_path_factory.mktemp("real")
    subset = tmp / "semanal_subset.csv"
    per_week: Counter[str] = Counter()
    with gzip.open(long_gz, "rt", encoding="utf-8", newline="") as src, open(subset, "w", encoding="utf-8") as dst:
        dst.write(src.readline())
        for line in src:
            if line[:10] in weeks:
                dst.write(line)
                per_week[line[:10]] += 1
    conn = open_db(tmp / "mirror.db").conn
    long_result = import_file(conn, subset)
    return {"files": files, "books": books, "per_week": per_week, "conn": conn, "long": long_result}


def test_every_real_workbook_matches_the_long_table_row_for_row(real: dict[str, Any]):
    conn, books, per_week = real["conn"], real["books"], real["per_week"]
    assert real["long"].rejected == 0 and real["long"].inserted == sum(per_week.values())
    assert len(books) == 33  # the 34th file in anexos/ is INDEX_all_weeks.csv, see the next test
    layouts = Counter(b.layout for b in books.values())
    assert layouts == {"cuadros": 6, "plano": 1, "hojas": 26}
    mismatches = []
    for name, book in books.items():
        assert book.week is not None, name
        week = book.week[0].isoformat()
        snapshot = "SELECT product_id, market_id, week_end, price_min, price_max, price_mean, trend " \
                   "FROM weekly_prices WHERE week_start = ? ORDER BY 1, 2"
        before = conn.execute(snapshot, (week,)).fetchall()
        with import_run(conn, source="test", fmt=detect.WORKBOOK, path=real["files"][0].parent / name) as batch:
            workbook.store(batch, book)
        after = conn.execute(snapshot, (week,)).fetchall()
        result = batch.result
        if not (len(book.prices) == per_week[week] == len(after) and after == before and result.rejected == 0
                and result.updated == 0 and result.unchanged >= per_week[week]):
            mismatches.append((name, week, len(book.prices), per_week[week], len(before), len(after),
                               result.as_dict()))
    assert mismatches == []
    # the old single-sheet files carry no date in their content: only those fall back to the file name
    assert {n for n, b in books.items() if b.week_from != "contenido"} == {
        n for n, b in books.items() if b.layout == "cuadros"}


def test_real_supply_sheets_match_the_long_supply_table(real: dict[str, Any]):
    books = {b.week[0].isoformat(): b for b in real["books"].values() if b.week and b.supply}
    assert len(books) == 15
    expected: dict[tuple[str, str, str], tuple[float, float]] = {}
    with gzip.open(shared_path("series", "semanal_abastecimiento_grupo_2022-2025.csv.gz"), "rt",
                   encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            group = fold(row["grupo"].replace("*", ""))
            if row["boletin_semana_inicio"] in books and "total" not in fold(row["mercado"]) + group:
                expected[(row["boletin_semana_inicio"], fold(clean_name(row["mercado"].replace("*", ""))), group)] = (
                    float(row["toneladas_semana_1"]), float(row["toneladas_semana_2"]))
    got: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    for week, book in books.items():
        by_market: Counter[tuple[str, str]] = Counter()
        by_group: Counter[tuple[str, str]] = Counter()
        for market, group, start, _end, tonnes in book.supply:
            by_market[(market, start)] += tonnes
            by_group[(group, start)] += tonnes
        printed_market = {(m, s): t for m, g, s, t in book.supply_totals if g == "Total" and m != "TOTAL MERCADOS"}
        printed_group = {(g, s): t for m, g, s, t in book.supply_totals if m == "TOTAL MERCADOS" and g != "Total"}
        assert set(by_market) == set(printed_market) and set(by_group) == set(printed_group), week
        for totals, printed in ((by_market, printed_market), (by_group, printed_group)):
            assert all(totals[k] == pytest.approx(v, rel=1e-9, abs=1e-6) for k, v in printed.items()), week
        starts = sorted({s[2] for s in book.supply})
        assert len(starts) == 2 and book.week is not None
        first, second = (dt.date.fromisoformat(s) for s in starts)
        assert (second - first).days == 7 and 0 < (book.week[1] - second).days < 14
        for market, group, _start, _end, tonnes in sorted(book.supply, key=lambda s: s[2]):
            got[(week, fold(market), fold(group))].append(tonnes)
    # the long table was built from sheets named "1.9" only: it misses the four bulletins whose supply table is
    # on sheet "1.10" (sheet 1.9 being rice at mills there); every bulletin is also checked against its totals
    compared = {k for k in got if k[0] in {e[0] for e in expected}}
    assert {k[0] for k in got} - {k[0] for k in compared} == {"2022-12-31", "2023-03-25", "2023-12-02", "2024-11-02"}
    assert compared == set(expected)
    for key, (t1, t2) in expected.items():
        assert got[key] == pytest.approx([t1, t2], rel=1e-5), key


def test_real_files_through_import_file_and_the_index_csv(real: dict[str, Any], db_path: Path):
    """A BIFF8 .xls, an xlsx named .xls, the flat file: detected by content and imported end to end. The 34th
    file of anexos/ (INDEX_all_weeks.csv, a list of weeks) is not a bulletin and is refused with a reason."""
    folder = real["files"][0].parent
    conn = open_db(db_path).conn
    for name in ("210Sem_31dic_2016_6ene_2017.xls", "Sem_04sep_2021_10sep_2021.xls",
                 "281Sem_12may__18may_2018.xlsx"):
        result = import_file(conn, folder / name)
        book = real["books"][name]
        assert (result.status, result.rejected, result.inserted) == ("ok", 0, len(book.prices)), name
    with pytest.raises(ImportError_, match=r"No reconozco el formato de INDEX_all_weeks\.csv"):
        import_file(conn, folder / "INDEX_all_weeks.csv")
