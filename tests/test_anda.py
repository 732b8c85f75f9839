"""ANDA CSVs: abastecimiento microdata (catalog 697) and monthly prices (catalog 776), in their header variants
and encodings, with bad rows, re-imports, overlapping files and files that cannot be read."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from data.db import open_db
from data.importer import import_file
from data.importers import anda, detect
from data.importers.base import ImportError_


def write(path: Path, lines: list[str], encoding: str) -> Path:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


SUPPLY_OLD = [  # early years: Fuente / FechaEncuesta / Ali, latin-1
    "Fuente;FechaEncuesta;Cod. Depto Proc.;Departamento Proc.;Cod. Municipio Proc.;Municipio Proc.;Grupo;"
    "Codigo CPC;Ali;Cant Kg",
    "Bogotá, D.C., Corabastos;05/01/2020;25;CUNDINAMARCA;25754;SOACHA;TUBERCULOS, RAICES Y PLATANOS;01510;"
    "Papa criolla;1.234,5",
    "Bogotá, D.C., Corabastos;05/01/2020;25;CUNDINAMARCA;25754;SOACHA;TUBERCULOS, RAICES Y PLATANOS;01510;"
    "Papa criolla;765,5",  # same key: summed
    "Bogotá, D.C., Corabastos;05/01/2020;5;ANTIOQUIA;5615;RIONEGRO;VERDURAS Y HORTALIZAS;01234;Cebolla junca;"
    "2.000",
    "Medellín, Central Mayorista de Antioquia;06/01/2020;15;BOYACÁ;759;SOGAMOSO;FRUTAS;01316;Mora de Castilla;"
    "300",  # municipality written without its department digits
    "Bogotá, D.C., Corabastos;05/01/2020;25;CUNDINAMARCA;25754;SOACHA;FRUTAS;01316;Fresa;0",
    "Bogotá, D.C., Corabastos;05/01/2020;25;CUNDINAMARCA;25754;SOACHA;FRUTAS;01316;Fresa;-10",
    "Bogotá, D.C., Corabastos;31/02/2020;25;CUNDINAMARCA;25754;SOACHA;FRUTAS;01316;Fresa;10",
    "Bogotá, D.C., Corabastos;05/01/2020;25;CUNDINAMARCA;25754;SOACHA;FRUTAS;01316;;10",
    "Bogotá, D.C., Corabastos;05/01/2020;25;CUNDINAMARCA;25754;SOACHA;FRUTAS;01316;Fresa;muchos",
]
SUPPLY_NEW = [  # later years: another order, Ciudad, Mercado Mayorista / Fecha / Alimento, UTF-8 with BOM
    "Ciudad, Mercado Mayorista;Fecha;Grupo;Alimento;Codigo CPC;Cod. Depto Proc.;Departamento Proc.;"
    "Cod. Municipio Proc.;Municipio Proc.;Cant Kg",
    "Cali, Santa Helena;3/2/2024;LACTEOS Y HUEVOS;Huevo rojo AA;02310;76;VALLE DEL CAUCA;76001;CALI;12.500,25",
    "Cali, Santa Elena;3/2/2024;FRUTAS;Piña perolera;01318;52;NARIÑO;52356;IPIALES;800",
]


def origins(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    return conn.execute(
        "SELECT m.name, o.day, p.name, o.origin_dept_code, o.origin_dept, o.origin_muni_code, o.origin_muni, "
        "o.group_name, o.kg FROM supply_origins o JOIN markets m ON m.id = o.market_id "
        "JOIN products p ON p.id = o.product_id ORDER BY 1, 2, 3, 6").fetchall()


def test_supply_microdata_both_header_variants_and_encodings(db_path: Path, tmp_path: Path):
    old = write(tmp_path / "abastecimiento_2020.csv", SUPPLY_OLD, "latin-1")
    new = write(tmp_path / "abastecimiento_2024.csv", SUPPLY_NEW, "utf-8-sig")
    assert anda.encoding(old) == "cp1252" and anda.encoding(new) == "utf-8-sig"
    assert detect.sniff(old) == detect.sniff(new) == detect.ANDA_SUPPLY
    conn = open_db(db_path).conn
    first = import_file(conn, old)
    assert (first.status, first.dataset, first.inserted) == ("ok", "supply_origins", 3)
    assert first.reasons == Counter({"cantidad cero o negativa": 2, "fecha ilegible": 1, "fila incompleta": 1,
                                     "cantidad ilegible": 1})
    second = import_file(conn, new)
    assert (second.inserted, second.rejected) == (2, 0)
    assert origins(conn) == [
        ("Bogotá, D.C., Corabastos", "2020-01-05", "Cebolla junca", "05", "Antioquia", "05615", "Rionegro",
         "Verduras y hortalizas", 2000.0),
        ("Bogotá, D.C., Corabastos", "2020-01-05", "Papa criolla", "25", "Cundinamarca", "25754", "Soacha",
         "Tubérculos, raíces y plátanos", 2000.0),
        ("Cali, Santa Elena", "2024-02-03", "Huevo rojo AA", "76", "Valle del Cauca", "76001", "Cali",
         "Huevos y lácteos", 12500.25),
        ("Cali, Santa Elena", "2024-02-03", "Piña perolera", "52", "Nariño", "52356", "Ipiales", "Frutas frescas",
         800.0),
        ("Medellín, Central Mayorista de Antioquia", "2020-01-06", "Mora de Castilla", "15", "Boyacá", "15759",
         "Sogamoso", "Frutas frescas", 300.0),
    ]
    before = origins(conn)
    again = import_file(conn, old)
    assert (again.inserted, again.updated, again.unchanged, again.rejected) == (0, 0, 3, 5)
    assert origins(conn) == before


def test_supply_revision_updates_only_what_changed(db_path: Path, tmp_path: Path):
    conn = open_db(db_path).conn
    import_file(conn, write(tmp_path / "a.csv", SUPPLY_OLD[:4], "latin-1"))
    revised = [*SUPPLY_OLD[:3], SUPPLY_OLD[3].replace(";2.000", ";2.500")]
    result = import_file(conn, write(tmp_path / "b.csv", revised, "latin-1"))
    assert (result.inserted, result.updated, result.unchanged) == (0, 1, 1)
    run = conn.execute("SELECT format, inserted, updated, unchanged FROM import_runs ORDER BY id DESC").fetchone()
    assert run == ("anda-abastecimiento", 0, 1, 1)


PRICES_OLD = [
    "Fecha;Grupo;Producto;Fuente;Precio",
    "01/01/2020;TUBERCULOS, RAICES Y PLATANOS;Papa criolla limpia;Bogotá, D.C., Corabastos;2.500",
    "01/01/2020;TUBERCULOS, RAICES Y PLATANOS;Papa Criolla Limpia;Bogotá, D,C,, Corabastos;2.600",  # duplicate
    "01/02/2020;TUBERCULOS, RAICES Y PLATANOS;Papa criolla limpia;Bogotá, D.C., Corabastos;2350,5",
    "01/02/2020;FRUTAS;Aguacate Hass;Medellín, Central Mayorista de Antioquia;0",
    "13/2020;FRUTAS;Aguacate Hass;Medellín, Central Mayorista de Antioquia;5000",
    "01/02/2020;FRUTAS;Aguacate Hass;Medellín, Central Mayorista de Antioquia;-5",
]
PRICES_NEW = [
    "Fecha;Grupo;Producto;CODIGO_CPC_AC;Mercado;Precio promedio por kilogramo*",
    "ene-24;Verduras y hortalizas;Cebolla junca;01252;Cúcuta, Cenabastos;1.850",
    "feb-24;Verduras y hortalizas;Cebolla junca;01252;Cúcuta, Cenabastos;1.920",
    "dic-23;Huevos y lácteos;Huevo rojo AA;02310;Pereira, La 41;480",
    "xyz-24;Verduras y hortalizas;Cebolla junca;01252;Cúcuta, Cenabastos;1.920",
    "mar-24;Verduras y hortalizas;Cebolla junca;01252;Cúcuta, Cenabastos;",
]


def monthly(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    return conn.execute(
        "SELECT p.name, p.unit, m.name, mp.month, mp.price_min, mp.price_max, mp.price_mean, mp.source "
        "FROM monthly_prices mp JOIN products p ON p.id = mp.product_id JOIN markets m ON m.id = mp.market_id "
        "ORDER BY 3, 1, 4").fetchall()


def test_monthly_prices_both_header_variants(db_path: Path, tmp_path: Path):
    old = write(tmp_path / "precios_2020.csv", PRICES_OLD, "utf-8-sig")
    new = write(tmp_path / "precios_2024.csv", PRICES_NEW, "latin-1")
    assert detect.sniff(old) == detect.sniff(new) == detect.ANDA_PRICES
    conn = open_db(db_path).conn
    first = import_file(conn, old)
    assert (first.dataset, first.inserted) == ("monthly_prices", 2)
    assert first.reasons == Counter({"fila duplicada": 1, "precio cero o negativo": 2, "fecha ilegible": 1})
    second = import_file(conn, new)
    assert (second.inserted, dict(second.reasons)) == (3, {"fecha ilegible": 1, "precio vacío": 1})
    assert monthly(conn) == [
        ("Papa criolla limpia", "kg", "Bogotá, D.C., Corabastos", "2020-01-01", None, None, 2500.0, "anda-precios"),
        ("Papa criolla limpia", "kg", "Bogotá, D.C., Corabastos", "2020-02-01", None, None, 2350.5, "anda-precios"),
        ("Cebolla junca", "kg", "Cúcuta, Cenabastos", "2024-01-01", None, None, 1850.0, "anda-precios"),
        ("Cebolla junca", "kg", "Cúcuta, Cenabastos", "2024-02-01", None, None, 1920.0, "anda-precios"),
        ("Huevo rojo AA", "unidad", "Pereira, La 41-Impala", "2023-12-01", None, None, 480.0, "anda-precios"),
    ]
    again = import_file(conn, new)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 3)


def test_dates_numbers_and_codes():
    assert anda.parse_month("ene-24") == "2024-01-01"
    assert anda.parse_month("Septiembre de 2021") == "2021-09-01"
    assert anda.parse_month("2019-11") == "2019-11-01"
    assert anda.parse_month("15/03/2022") == "2022-03-01"
    assert anda.parse_month("13-24") is None and anda.parse_month("") is None
    assert anda.parse_day("5/1/2020 0:00:00") == "2020-01-05"
    assert anda.parse_day("2020-01-05") == "2020-01-05"
    assert anda.parse_day("05-01-20") is None
    assert anda.muni_code("05", "5001") == "05001" and anda.muni_code("25", "754") == "25754"
    assert anda.muni_code("", "11001.0") == "11001" and anda.muni_code("", "N/A") == ""
    assert anda.proper("NORTE DE SANTANDER") == "Norte de Santander" and anda.proper("BOGOTÁ, D.C.") == "Bogotá, D.C."


def counts(conn: sqlite3.Connection) -> tuple[int, ...]:
    return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in ("supply_origins", "monthly_prices", "products", "markets"))


@pytest.mark.parametrize("content, message", [
    (b"", "No reconozco el formato"),
    (b"\x00\x01\x02garbage" * 100, "No reconozco el formato"),
    ("Fuente;FechaEncuesta;Cod. Municipio Proc.;Cant Kg\r\nBogotá;05/01/2020;25754;10\r\n".encode("latin-1"),
     "faltan: product"),
    ("Fecha;Grupo;Producto;Precio\r\nene-24;Frutas;Piña;100\r\n".encode(), "faltan: market"),
    (("\r\n".join(SUPPLY_OLD[:3]) + '\r\nBogotá, D.C., Corabastos;05/01/2020;25;X;25754;Y;FRUTAS;1;"Uva;'
      + "x" * 200_000).encode("latin-1"), "dañado cerca de la línea"),  # an unclosed quote in a cut file
])
def test_unreadable_files_leave_the_mirror_untouched(db_path: Path, tmp_path: Path, content: bytes, message: str):
    conn = open_db(db_path).conn
    import_file(conn, write(tmp_path / "good.csv", SUPPLY_OLD[:4], "latin-1"))
    before = (origins(conn), counts(conn))
    bad = tmp_path / "malo.csv"
    bad.write_bytes(content)
    with pytest.raises(ImportError_, match=message):
        import_file(conn, bad)
    assert (origins(conn), counts(conn)) == before
