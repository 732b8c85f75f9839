"""The long weekly CSV importer (and the shared upsert): canonical names, rejected rows with reasons,
idempotent re-import, updates, duplicates, and files that cannot be read leaving the mirror untouched."""

from __future__ import annotations

import gzip
import sqlite3
from pathlib import Path

import pytest

from data.db import open_db
from data.importer import import_file
from data.importers.base import DUPLICATE, ImportError_, import_run

HEADER = ("semana_inicio,semana_fin,grupo,producto,mercado,precio_min_cop_kg,precio_max_cop_kg,"
          "precio_medio_cop_kg,tendencia")
TUBER = '"Tubérculos, raíces y plátanos"'
ROWS = [
    f'2024-03-02,2024-03-08,{TUBER},Papa criolla limpia,"Bogotá, D.C., Corabastos",3000,3600,3300,+',
    f'2024-03-09,2024-03-15,{TUBER},Papa Criolla Limpia,"Bogotá, D,C,, Corabastos",3100,3700,3400,+',
    f'2024-03-16,2024-03-22,{TUBER},PAPA CRIOLLA LIMPIA*,"Bogotá, D.C., Corabastos",3200,3800,3500,',
    f'2024-03-02,2024-03-08,{TUBER},Papa criolla limpia,"Cali, Santa Helena",2900,3300,3100,=',
    'Verduras y hortalizas,Tomate chonto,"Cali, Santa Elena",1,2,3,=',  # fields missing: no mean
    f'2024-03-02,2024-03-08,{TUBER}, ,"Cali, Santa Elena",900,1000,950,=',  # no product
    f'2024-03-02,2024-03-08,{TUBER},Papa parda pastusa,"Cali, Santa Elena",0,1200,1000,-',  # zero
    f'2024-03-02,2024-03-08,{TUBER},Papa parda pastusa,"Armenia, Mercar",1500,1200,1300,-',  # min > max
    f'2024-13-02,2024-03-08,{TUBER},Papa parda pastusa,"Armenia, Mercar",1100,1500,1300,-',  # bad date
    f'2024-03-02,2024-03-08,{TUBER},Papa parda pastusa,"Pereira, Mercasa",1100,1500,,-',  # no mean
    # the same key again, identical (unchanged) and then with other values (the last row wins)
    f'2024-03-02,2024-03-08,{TUBER},Papa criolla limpia,"Bogotá, D.C., Corabastos",3000,3600,3300,+',
    f'2024-03-09,2024-03-15,{TUBER},Papa criolla limpia,"Bogotá, D.C., Corabastos",3150,3700,3450,++',
]


def _write(path: Path, rows: list[str], gz: bool = False) -> Path:
    text = "\n".join([HEADER, *rows]) + "\n"
    path.write_bytes(gzip.compress(text.encode()) if gz else text.encode())
    return path


def _weekly(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    return conn.execute(
        "SELECT p.name, m.name, w.week_start, w.week_end, w.price_min, w.price_max, w.price_mean, w.trend "
        "FROM weekly_prices w JOIN products p ON p.id = w.product_id JOIN markets m ON m.id = w.market_id "
        "ORDER BY 1, 2, 3").fetchall()


def test_import_canonical_names_rejects_and_idempotent_reimport(tmp_path: Path, db_path: Path):
    path = _write(tmp_path / "semanal.csv", ROWS)
    db = open_db(db_path)
    first = import_file(db.conn, path)
    assert first.format == "csv-semanal"
    assert (first.inserted, first.updated, first.unchanged) == (4, 0, 1)
    assert dict(first.reasons) == {"precio vacío": 2, "producto o mercado vacío": 1, "precio cero o negativo": 1,
                                   "mínimo mayor que máximo": 1, "fecha ilegible": 1, DUPLICATE: 1}
    assert first.rejected == 7
    assert _weekly(db.conn) == [
        ("Papa criolla limpia", "Bogotá, D.C., Corabastos", "2024-03-02", "2024-03-08", 3000, 3600, 3300, "+"),
        ("Papa criolla limpia", "Bogotá, D.C., Corabastos", "2024-03-09", "2024-03-15", 3150, 3700, 3450, "++"),
        ("Papa criolla limpia", "Bogotá, D.C., Corabastos", "2024-03-16", "2024-03-22", 3200, 3800, 3500, None),
        ("Papa criolla limpia", "Cali, Santa Elena", "2024-03-02", "2024-03-08", 2900, 3300, 3100, "="),
    ]
    aliases = {r[0] for r in db.conn.execute("SELECT alias FROM market_aliases")}
    assert {"Bogotá, D,C,, Corabastos", "Cali, Santa Helena"} <= aliases

    again = import_file(db.conn, _write(tmp_path / "otra_vez.txt", ROWS, gz=True))  # gzip, other name
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 5)
    runs = db.conn.execute("SELECT status, inserted, updated, unchanged, rejected FROM import_runs").fetchall()
    assert runs == [("ok", 4, 0, 1, 7), ("ok", 0, 0, 5, 7)]


def test_overlapping_import_updates_changed_rows_and_keeps_trends(tmp_path: Path, db_path: Path):
    db = open_db(db_path)
    import_file(db.conn, _write(tmp_path / "a.csv", ROWS[:4]))
    changed = [
        ROWS[0],  # same
        ROWS[1].replace("3400,+", "3999,+"),  # new mean
        f'2024-03-23,2024-03-29,{TUBER},Papa criolla limpia,"Bogotá, D.C., Corabastos",3300,3900,3600,+',  # new week
    ]
    result = import_file(db.conn, _write(tmp_path / "b.csv", changed))
    assert (result.inserted, result.updated, result.unchanged, result.rejected) == (1, 1, 1, 0)
    assert _weekly(db.conn)[1][6] == 3999


def test_non_numeric_prices_are_rejected_not_fatal(tmp_path: Path, db_path: Path):
    rows = [ROWS[0], ROWS[3].replace(",3100,", ",n.d.,")]
    db = open_db(db_path)
    result = import_file(db.conn, _write(tmp_path / "x.csv", rows))
    assert (result.inserted, dict(result.reasons)) == (1, {"precio vacío": 1})


def test_unreadable_files_leave_the_mirror_untouched(tmp_path: Path, db_path: Path):
    db = open_db(db_path)
    import_file(db.conn, _write(tmp_path / "a.csv", ROWS[:2]))
    before = _weekly(db.conn)
    products = db.conn.execute("SELECT count(*) FROM products").fetchone()
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("semana_inicio,semana_fin,grupo,producto,mercado\n2024-01-01,2024-01-07,a,b,c\n")
    with pytest.raises(ImportError_, match="cabecera inesperada"):
        import_file(db.conn, wrong)
    truncated = tmp_path / "cut.csv.gz"
    new_rows = [f'2025-0{m}-01,2025-0{m}-07,{TUBER},Producto nuevo {m},"Mercado nuevo",1,2,1,=' for m in range(1, 10)]
    truncated.write_bytes(gzip.compress(("\n".join([HEADER, *new_rows * 400]) + "\n").encode())[:-200])
    with pytest.raises(ImportError_, match="El espejo no cambió"):
        import_file(db.conn, truncated)
    not_utf8 = tmp_path / "latin1.csv"
    not_utf8.write_bytes(_write(tmp_path / "ok.csv", [ROWS[3]]).read_bytes() + "2024-03-02,2024-03-08,x,Ñame,"
                         "Cúcuta,1,2,1,=\n".encode("latin-1"))
    with pytest.raises(ImportError_, match="El espejo no cambió"):
        import_file(db.conn, not_utf8)
    assert _weekly(db.conn) == before
    assert db.conn.execute("SELECT count(*) FROM products").fetchone() == products
    assert [r[0] for r in db.conn.execute("SELECT status FROM import_runs ORDER BY id")] == ["ok"] + ["failed"] * 3


def test_bulk_load_rebuilds_the_index_and_a_failure_restores_it(tmp_path: Path, db_path: Path):
    import datetime as dt

    rows = []
    start = dt.date(2017, 1, 7)
    for w in range(400):
        s = start + dt.timedelta(weeks=w)
        e = s + dt.timedelta(days=6)
        for p in range(15):
            for m in range(10):
                rows.append(f"{s},{e},Frutas frescas,Fruta {p},Mercado {m},1000,1200,{1100 + w}," + "+")
    db = open_db(db_path)
    result = import_file(db.conn, _write(tmp_path / "big.csv", rows))
    assert result.inserted == 60_000
    indexes = {r[0] for r in db.conn.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'weekly_prices'")}
    assert "weekly_prices_week" in indexes
    plan = " ".join(str(r) for r in db.conn.execute(
        "EXPLAIN QUERY PLAN SELECT count(*) FROM weekly_prices WHERE week_start = '2018-01-06'"))
    assert "weekly_prices_week" in plan

    other = open_db(tmp_path / "other.db")

    def failing():
        yield (1, 1, "2020-01-04", "2020-01-10", 1.0, 2.0, 1.5, None, "x")
        raise RuntimeError("disco lleno")

    with pytest.raises(RuntimeError), import_run(other.conn, "test", "test") as batch:
        batch.insert_new("weekly_prices", failing(), rebuild_indexes=True)
    assert other.conn.execute("SELECT count(*) FROM weekly_prices").fetchone()[0] == 0
    assert other.conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE name = 'weekly_prices_week'").fetchone()[0] == 1


def test_multi_row_insert_keeps_every_row_and_value(db_path: Path, monkeypatch: pytest.MonkeyPatch):
    from data.importers import base

    monkeypatch.setattr(base, "BLOCK", 1000)  # several blocks, each ending with rows that do not fill a statement
    rows = [(p, m, f"2020-01-{d:02d}", f"2020-01-{d + 6:02d}", None if p % 7 == 0 else p + 0.5,
             float("nan") if d == 3 and p == 2 else 2 * p + 1, 3 * p + 1, "+" if m % 2 else None)
            for p in range(1, 40) for m in range(1, 11) for d in range(1, 6)]  # 1,950 rows
    db = open_db(db_path)
    with import_run(db.conn, "test", "test") as batch:
        batch.insert_new("weekly_prices", iter(rows), source="prueba")
    assert batch.result.inserted == len(rows)
    stored = db.conn.execute("SELECT product_id, market_id, week_start, week_end, price_min, price_max, price_mean, "
                             "trend, source, typeof(price_max) FROM weekly_prices ORDER BY 1, 2, 3").fetchall()
    expected = [(*r[:5], None if r[5] != r[5] else r[5], *r[6:], "prueba", "null" if r[5] != r[5] else "real")
                for r in rows]
    assert stored == expected
    with pytest.raises(ValueError, match="número de valores"), import_run(db.conn, "test", "test") as batch:
        batch.insert_new("weekly_prices", [(1, 1, "2021-01-02", "2021-01-08", 1, 2, 1, None, "x", "de más")])
    with pytest.raises(ValueError, match="número de valores"), import_run(db.conn, "test", "test") as batch:
        batch.insert_new("weekly_prices", flat=[[1, 1, "2021-01-02", "2021-01-08", 1, 2, 1, None, 2]], source="x")
    assert db.conn.execute("SELECT count(*) FROM weekly_prices").fetchone()[0] == len(rows)


def test_whole_prices_are_stored_as_real(tmp_path: Path, db_path: Path):
    db = open_db(db_path)
    import_file(db.conn, _write(tmp_path / "a.csv", [ROWS[0], ROWS[3].replace(",3100,", ",3100.25,")]))
    assert db.conn.execute("SELECT DISTINCT typeof(price_min), typeof(price_mean) FROM weekly_prices").fetchall() == [
        ("real", "real")]
    assert sorted(r[0] for r in db.conn.execute("SELECT price_mean FROM weekly_prices")) == [3100.25, 3300.0]


def test_upsert_of_many_rows_counts_each_outcome(db_path: Path):
    def row(p: int, d: int, mean: float, trend: str | None) -> tuple[object, ...]:
        return (p, 1, f"2020-{d // 28 + 1:02d}-{d % 28 + 1:02d}", "2020-12-31", None, None, mean, trend, "prueba")

    db = open_db(db_path)
    with import_run(db.conn, "test", "test") as batch:
        batch.upsert("weekly_prices", [row(p, d, 100 + p, "+") for p in range(1, 4) for d in range(100)])
    assert (batch.result.inserted, batch.result.updated, batch.result.unchanged) == (300, 0, 0)
    # 300 old keys (every third one with a new mean, every fifth without a trend: the stored arrow stays)
    # and 100 new keys, in one call, so conflicts fall inside the multi-row statements and at their tails
    again = [row(p, d, 100 + p + (d % 3 == 0), None if d % 5 == 0 else "+") for p in range(1, 4) for d in range(100)]
    again += [row(4, d, 7, "=") for d in range(100)]
    with import_run(db.conn, "test", "test") as batch:
        batch.upsert("weekly_prices", again)
    assert (batch.result.inserted, batch.result.updated, batch.result.unchanged) == (100, 102, 198)
    stored = db.conn.execute("SELECT price_mean, trend FROM weekly_prices WHERE product_id = 2 AND week_start = ?",
                             (row(2, 0, 0, None)[2],)).fetchone()
    assert stored == (103, "+")
