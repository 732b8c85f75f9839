"""SOAP XML and zeep JSON importers: the real responses, every operation, bad rows, faults, cut files."""

from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path

import pytest

from data.db import open_db
from data.importer import import_file
from data.importers import detect
from data.importers.base import ImportError_
from tests.conftest import shared_path
from tests.soap_server import fault_bytes, response_bytes


def _dump(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    """Every fact and dimension row, to compare a mirror before and after a failed import."""
    out: list[tuple[object, ...]] = []
    for table in ("products", "markets", "inputs", "weekly_prices", "daily_city_prices", "daily_prices",
                  "monthly_prices", "monthly_supply", "input_prices", "product_aliases", "market_aliases"):
        out += [(table, *row) for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2, 3")]
    return out


def _names(conn: sqlite3.Connection, table: str, date_col: str) -> list[tuple[object, ...]]:
    return conn.execute(
        f"SELECT p.name, m.name, m.kind, f.{date_col} FROM {table} f JOIN products p ON p.id = f.product_id "
        f"JOIN markets m ON m.id = f.market_id ORDER BY 1, 2, 4").fetchall()


def test_real_responses_import_with_canonical_names(db_path: Path):
    db = open_db(db_path)
    weekly = import_file(db.conn, shared_path("soap", "promediosSipsaSemanaMadr.response.xml"))
    assert (weekly.format, weekly.dataset, weekly.inserted, weekly.rejected) == ("soap-xml", "weekly_prices", 3, 0)
    row = db.conn.execute(
        "SELECT p.name, p.unit, m.name, w.week_start, w.week_end, w.price_min, w.price_max, w.price_mean "
        "FROM weekly_prices w JOIN products p ON p.id = w.product_id JOIN markets m ON m.id = w.market_id "
        "WHERE p.art_id = 159").fetchone()
    assert row == ("Papa criolla limpia", "kg", "Arauca (Arauca)", "2026-10-03", "2026-10-09", 4792, 5417, 5104)
    units = dict(db.conn.execute("SELECT p.name, p.unit FROM weekly_prices w JOIN products p ON p.id = w.product_id"))
    assert units["Huevo rojo AA"] == "unidad" and units["Aceite girasol"] == "litro"

    city = import_file(db.conn, shared_path("soap", "promediosSipsaCiudad.response.xml"))
    assert (city.dataset, city.inserted) == ("daily_city_prices", 3)
    assert _names(db.conn, "daily_city_prices", "day")[0] == ("Guayaba", "Manizales", "city", "2026-09-10")

    supply = import_file(db.conn, shared_path("soap", "promedioAbasSipsaMesMadr.response.xml"))
    assert (supply.dataset, supply.inserted) == ("monthly_supply", 3)
    tonnes = db.conn.execute(
        "SELECT s.month, s.tonnes FROM monthly_supply s JOIN markets m ON m.id = s.market_id "
        "WHERE m.name = 'Bogotá, D.C., Corabastos'").fetchall()
    assert tonnes == [("2026-07-01", 6385)]

    for name in ("promediosSipsaSemanaMadr", "promediosSipsaCiudad", "promedioAbasSipsaMesMadr"):
        again = import_file(db.conn, shared_path("soap", f"{name}.response.xml"))
        assert (again.inserted, again.updated, again.unchanged) == (0, 0, 3)


def test_zeep_json_dump_matches_the_xml_of_the_same_records(tmp_path: Path):
    path = shared_path("soap", "promediosSipsaCiudad.2024-03_2024-04.zeep.json")
    assert detect.sniff(path) == detect.ZEEP_JSON
    db = open_db(tmp_path / "json.db")
    result = import_file(db.conn, path)
    assert (result.format, result.dataset, result.inserted, result.rejected) == ("zeep-json", "daily_city_prices",
                                                                                9803, 0)
    cities = [r[0] for r in db.conn.execute(
        "SELECT DISTINCT m.name FROM daily_city_prices d JOIN markets m ON m.id = d.market_id WHERE m.kind = 'city'")]
    assert len(cities) == 20 and "San José de Cúcuta" in cities and "Bogotá, D.C." in cities
    assert db.conn.execute("SELECT count(DISTINCT product_id), min(day), max(day) FROM daily_city_prices").fetchone() \
        == (33, "2024-03-01", "2024-04-24")
    again = import_file(db.conn, path)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 9803)

    # The same records as a SOAP XML response give exactly the same rows.
    records = json.loads(path.read_text(encoding="utf-8"))
    xml = tmp_path / "ciudad.bin"
    xml.write_bytes(response_bytes("promediosSipsaCiudad",
                                   [{k: v.replace(" ", "T", 1) if k.startswith("fecha") else v for k, v in r.items()}
                                    for r in records]))
    other = open_db(tmp_path / "xml.db")
    assert import_file(other.conn, xml).inserted == 9803
    assert _names(other.conn, "daily_city_prices", "day") == _names(db.conn, "daily_city_prices", "day")


def _all_operations() -> dict[str, list[dict[str, object]]]:
    day = "2025-06-10T00:00:00-05:00"
    month = "2025-05-01T00:00:00-05:00"
    return {
        "promediosSipsaParcial": [
            {"artiNombre": "Papa criolla limpia", "deptNombre": "BOGOTÁ, D.C.", "enmaFecha": day, "fuenId": 1,
             "fuenNombre": "Bogotá, D.C., Corabastos", "futiId": 72, "grupNombre": "TUBERCULOS, RAICES Y PLATANOS",
             "idArtiSemana": 159, "maximoKg": 4200, "minimoKg": 3600, "muniId": "11001", "muniNombre": "BOGOTÁ, D.C.",
             "promedioKg": 3900},
            {"artiNombre": "Tomate chonto", "enmaFecha": day, "fuenId": 1, "fuenNombre": "Bogotá, D.C., Corabastos",
             "maximoKg": 2000, "minimoKg": 2500, "promedioKg": 2200},  # min > max
            {"artiNombre": "Tomate chonto", "enmaFecha": "ayer", "fuenId": 1,
             "fuenNombre": "Bogotá, D.C., Corabastos", "promedioKg": 2200},  # date
        ],
        "promediosSipsaMesMadr": [
            {"artiId": 159, "artiNombre": "Papa Criolla Limpia", "fechaMesIni": month, "fuenId": 29,
             "fuenNombre": "Armenia, Mercar", "futiId": 29, "maximoKg": 4100, "minimoKg": 3000, "promedioKg": 3500,
             "tmpMayoMesId": 1},
            {"artiId": 159, "artiNombre": "Papa criolla limpia", "fechaMesIni": month, "fuenId": 29,
             "fuenNombre": "Armenia, Mercar", "promedioKg": 0},  # zero price
        ],
        "consultarInsumosSipsaMesMadr": [
            {"deptNombre": "Boyacá", "fechaMesIni": month, "insumoNombre": "Urea 46%", "muniId": "15759",
             "muniNombre": "Sogamoso", "promedio": 152000, "tireId": 3, "tireNombre": "Fertilizantes"},
            {"deptNombre": "Boyacá", "fechaMesIni": month, "muniId": "15759", "promedio": 10},  # no input name
        ],
        "promedioAbasSipsaMesMadr": [
            {"artiId": 541, "artiNombre": "Papa criolla", "cantidadTon": 6385, "fechaMesIni": month, "fuenId": 1,
             "fuenNombre": "Bogotá, D,C,, Corabastos", "futiId": 72},
            {"artiId": 541, "artiNombre": "Papa criolla", "cantidadTon": -3, "fechaMesIni": month, "fuenId": 1,
             "fuenNombre": "Bogotá, D.C., Corabastos"},
        ],
        "promediosSipsaCiudad": [
            {"ciudad": "CÚCUTA", "codProducto": 16, "fechaCaptura": "2022-11-30T00:00:00-05:00",
             "precioPromedio": 3500, "producto": "Guayaba*"},
            {"ciudad": "SAN JOSÉ DE CÚCUTA", "codProducto": 16, "fechaCaptura": "2022-12-01T00:00:00-05:00",
             "precioPromedio": 3600, "producto": "Guayaba"},
            {"ciudad": "CALI", "fechaCaptura": "2022-12-01T00:00:00-05:00", "precioPromedio": -1, "producto": "Lulo"},
        ],
    }


def test_every_operation_lands_in_its_table_and_bad_rows_are_rejected(tmp_path: Path, db_path: Path):
    db = open_db(db_path)
    results = {}
    for operation, records in _all_operations().items():
        path = tmp_path / f"{operation}.dat"
        path.write_bytes(response_bytes(operation, records))
        results[operation] = import_file(db.conn, path)
    parcial = results["promediosSipsaParcial"]
    assert (parcial.dataset, parcial.inserted, parcial.rejected) == ("daily_prices", 1, 2)
    assert dict(parcial.reasons) == {"mínimo mayor que máximo": 1, "fecha ilegible": 1}
    assert db.conn.execute("SELECT day, price_min, price_max, price_mean FROM daily_prices").fetchall() == [
        ("2025-06-10", 3600, 4200, 3900)]
    novel = tmp_path / "novel.xml"
    novel.write_bytes(response_bytes("promediosSipsaParcial", [dict(_all_operations()["promediosSipsaParcial"][0],
                                                                     artiNombre="Arracacha amarilla nueva")]))
    import_file(db.conn, novel)
    assert db.conn.execute("SELECT group_name FROM products WHERE name = 'Arracacha amarilla nueva'").fetchone() == (
        "Tubérculos, raíces y plátanos",)
    mes = results["promediosSipsaMesMadr"]
    assert (mes.dataset, mes.inserted, dict(mes.reasons)) == ("monthly_prices", 1, {"precio cero o negativo": 1})
    assert _names(db.conn, "monthly_prices", "month") == [("Papa criolla limpia", "Armenia, Mercar", "market",
                                                           "2025-05-01")]
    inputs = results["consultarInsumosSipsaMesMadr"]
    assert (inputs.dataset, inputs.inserted, dict(inputs.reasons)) == ("input_prices", 1, {"insumo vacío": 1})
    assert db.conn.execute(
        "SELECT i.name, i.kind, p.muni_code, p.month, p.dept, p.muni, p.price FROM input_prices p "
        "JOIN inputs i ON i.id = p.input_id").fetchall() == [
        ("Urea 46%", "Fertilizantes", "15759", "2025-05-01", "Boyacá", "Sogamoso", 152000)]
    supply = results["promedioAbasSipsaMesMadr"]
    assert (supply.dataset, supply.inserted, dict(supply.reasons)) == ("monthly_supply", 1, {"cantidad negativa": 1})
    assert _names(db.conn, "monthly_supply", "month")[0][1] == "Bogotá, D.C., Corabastos"
    city = results["promediosSipsaCiudad"]
    assert (city.inserted, dict(city.reasons)) == (2, {"precio cero o negativo": 1})
    assert {r[1] for r in _names(db.conn, "daily_city_prices", "day")} == {"San José de Cúcuta"}
    runs = db.conn.execute("SELECT dataset, rejected FROM import_runs ORDER BY id").fetchall()
    assert runs == [("daily_prices", 2), ("monthly_prices", 1), ("input_prices", 1), ("monthly_supply", 1),
                    ("daily_city_prices", 1), ("daily_prices", 0)]


def test_fault_cut_and_foreign_files_leave_the_mirror_untouched(tmp_path: Path, db_path: Path):
    db = open_db(db_path)
    good = tmp_path / "good.xml"
    good.write_bytes(response_bytes("promediosSipsaMesMadr", _all_operations()["promediosSipsaMesMadr"][:1]))
    import_file(db.conn, good)
    before = _dump(db.conn)

    fault = tmp_path / "fault.xml"
    fault.write_bytes(fault_bytes("java.lang.OutOfMemoryError: Java heap space"))
    with pytest.raises(ImportError_, match=r"respondió con un error: java\.lang\.OutOfMemoryError"):
        import_file(db.conn, fault)

    records = [dict(r, fechaMesIni=f"2024-{m:02d}-01T00:00:00-05:00")
               for m in range(1, 13) for r in _all_operations()["promediosSipsaMesMadr"][:1]]
    data = response_bytes("promediosSipsaMesMadr", records)
    for cut in (len(data) - 30, len(data) // 2, 200):
        broken = tmp_path / f"cut{cut}.xml"
        broken.write_bytes(data[:cut])
        with pytest.raises(ImportError_, match="incompleta o mal formada"):
            import_file(db.conn, broken)

    wrong = tmp_path / "wrong.xml"
    wrong.write_bytes(data.replace(b"promediosSipsaMesMadrResponse", b"otraCosaResponse"))
    with pytest.raises(ImportError_, match="operación SOAP desconocida"):
        import_file(db.conn, wrong)
    json_cut = tmp_path / "cut.json"
    json_cut.write_text('[{"ciudad": "CALI", "fechaCaptura": "2024-03-07 00:00:00-05:00", "precioPromedio": "9"},'
                        ' {"ciudad": "CA', encoding="utf-8")
    with pytest.raises(ImportError_, match="JSON incompleto"):
        import_file(db.conn, json_cut)
    assert _dump(db.conn) == before
    statuses = [r[0] for r in db.conn.execute("SELECT status FROM import_runs ORDER BY id")]
    assert statuses[0] == "ok" and set(statuses[1:]) == {"failed"}


def test_content_not_extension_decides_and_gzip_is_read(tmp_path: Path, db_path: Path):
    records = _all_operations()["promedioAbasSipsaMesMadr"][:1]
    disguised = tmp_path / "abastecimiento.csv"
    disguised.write_bytes(response_bytes("promedioAbasSipsaMesMadr", records))
    assert detect.sniff(disguised) == detect.SOAP_XML
    packed = tmp_path / "respuesta.xml.gz"
    packed.write_bytes(gzip.compress(response_bytes("promedioAbasSipsaMesMadr", records)))
    assert detect.sniff(packed) == detect.SOAP_XML
    db = open_db(db_path)
    assert import_file(db.conn, disguised).inserted == 1
    assert import_file(db.conn, packed).unchanged == 1
    dump = tmp_path / "dump.txt"
    dump.write_text(json.dumps([{k: str(v) for k, v in r.items()} for r in records]), encoding="utf-8")
    assert detect.sniff(dump) == detect.ZEEP_JSON
    assert import_file(db.conn, dump).unchanged == 1


def test_unusual_but_valid_xml_is_read_exactly(tmp_path: Path, db_path: Path):
    """Entities, CDATA, prefixed fields, nil fields and whitespace all go through the careful path."""
    body = (
        "<?xml version='1.0' encoding='UTF-8'?><S:Envelope xmlns:S=\"http://www.w3.org/2003/05/soap-envelope\">"
        "<S:Header/><S:Body><ns2:promediosSipsaSemanaMadrResponse xmlns:ns2=\"http://servicios.sipsa.co.gov.dane/\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
        "<return><artiNombre>Fr&#237;jol &amp; ma&#237;z</artiNombre><fechaIni>2025-11-01T00:00:00-05:00</fechaIni>"
        "<fuenNombre><![CDATA[Armenia, Mercar]]></fuenNombre><promedioKg>420</promedioKg></return>\n"
        "<return><ns2:artiNombre>Lulo</ns2:artiNombre><fechaIni>2025-11-01T05:00:00Z</fechaIni>"
        "<fuenNombre>Armenia, Mercar</fuenNombre><minimoKg xsi:nil=\"true\"/><promedioKg>6000</promedioKg></return>"
        "</ns2:promediosSipsaSemanaMadrResponse></S:Body></S:Envelope>"
    )
    path = tmp_path / "odd.xml"
    path.write_text(body, encoding="utf-8")
    db = open_db(db_path)
    result = import_file(db.conn, path)
    assert (result.inserted, result.rejected) == (2, 0)
    rows = _names(db.conn, "weekly_prices", "week_start")
    assert rows == [("Fríjol & maíz", "Armenia, Mercar", "market", "2025-11-01"),
                    ("Lulo", "Armenia, Mercar", "market", "2025-11-01")]
