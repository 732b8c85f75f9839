"""The router on a slice of the real weekly series (../shared/sipsa; skipped when absent): a few products of
2025 imported with the project's importer, answers checked against figures computed here from the CSV."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
from pathlib import Path

import pytest

from data.db import connect, open_db
from data.importer import import_file
from models.answer import ChatState
from models.router import Router
from tests.conftest import shared_path

KEEP = ("papa criolla limpia", "tomate chonto", "aguacate hass", "cebolla junca")


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> tuple[Router, list[dict[str, str]]]:
    source = shared_path("series", "semanal_precios_2017-2025.csv.gz")
    folder = tmp_path_factory.mktemp("real")
    rows: list[dict[str, str]] = []
    with gzip.open(source, "rt", encoding="utf-8") as fh:
        header = fh.readline()
        kept = [line for line in fh if line.startswith("2025-") and any(k in line.lower() for k in KEEP)]
    for rec in csv.DictReader(io.StringIO(header + "".join(kept))):
        if rec["producto"].strip().rstrip("*").strip().lower() in KEEP:
            rows.append(rec)
    path = folder / "slice.csv"
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    db = open_db(folder / "mirror.db")
    result = import_file(db.conn, path)
    assert result.inserted > 1000
    db.conn.close()
    conn = connect(folder / "mirror.db", readonly=True)
    return Router(lambda: conn, today=lambda: dt.date(2026, 11, 27)), rows


def _weeks(rows: list[dict[str, str]], product: str, market: str) -> dict[str, float]:
    """week -> mean price of one product in the market whose source spelling starts with `market`."""
    found: dict[str, set[float]] = {}
    for r in rows:
        if r["producto"].strip().lower() == product.lower() and r["mercado"].replace(",,", ".,").startswith(market):
            found.setdefault(r["semana_inicio"], set()).add(float(r["precio_medio_cop_kg"]))
    assert all(len(v) == 1 for v in found.values())
    return {week: v.pop() for week, v in found.items()}


def _price(rows: list[dict[str, str]], product: str, market: str, week: str) -> float:
    return _weeks(rows, product, market)[week]


def test_latest_price_matches_the_csv_and_says_the_data_is_old(real: tuple[Router, list[dict[str, str]]]) -> None:
    router, rows = real
    latest = max(r["semana_inicio"] for r in rows)
    answer = router.answer("¿a cuánto está la papa criolla en Corabastos?")
    assert answer.values[0].value == _price(rows, "Papa criolla limpia", "Bogotá", latest)
    assert answer.data_date == latest and answer.stale and "Ojo" in answer.text
    assert not answer.demo and "DEMOSTRACIÓN" not in answer.text


def test_month_mean_and_follow_up(real: tuple[Router, list[dict[str, str]]]) -> None:
    router, rows = real
    state = ChatState()
    answer = router.answer("cuánto valía la papa criolla en Corabastos en marzo de 2025", state)
    march = [v for w, v in _weeks(rows, "Papa criolla limpia", "Bogotá, D.C., Corabastos").items()
             if w[:7] == "2025-03"]
    assert answer.values[0].value == pytest.approx(sum(march) / len(march))
    medellin = router.answer("¿y en Medellín?", state)
    assert medellin.slots["market"] == "Medellín, Central Mayorista de Antioquia"
    assert medellin.slots["start"] == "2025-03-01" and medellin.intent == "price_at"
    march = [v for w, v in _weeks(rows, "Papa criolla limpia", "Medellín, Central").items() if w[:7] == "2025-03"]
    assert medellin.values[0].value == pytest.approx(sum(march) / len(march))


def test_cheapest_market_is_the_minimum_of_the_week(real: tuple[Router, list[dict[str, str]]]) -> None:
    router, rows = real
    latest = max(r["semana_inicio"] for r in rows if r["producto"].lower().startswith("aguacate hass"))
    week = [float(r["precio_medio_cop_kg"]) for r in rows
            if r["producto"].lower().startswith("aguacate hass") and r["semana_inicio"] == latest]
    answer = router.answer("¿dónde está más barato el aguacate hass?")
    assert answer.intent == "cheapest" and answer.values[0].value == min(week)


def test_no_data_in_a_city_offers_what_exists(real: tuple[Router, list[dict[str, str]]]) -> None:
    router, _ = real
    answer = router.answer("tomate chonto en medellin en marzo de 2025")
    assert not answer.values and "No hay precios de Tomate chonto" in answer.text


def test_family_clarification_on_real_names(real: tuple[Router, list[dict[str, str]]]) -> None:
    router, _ = real
    answer = router.answer("cebolla larga en corabastos")
    assert answer.slots["product"] == "Cebolla junca"
    assert answer.values or answer.clarify  # a price, or the honest "not here, but ..." with options


def test_supply_from_a_real_bulletin_matches_the_supply_series(tmp_path: Path) -> None:
    workbook = shared_path("anexos", "anex-SIPSASemanal-04oct10oct-2025.xlsx")
    series = shared_path("series", "semanal_abastecimiento_grupo_2022-2025.csv.gz")
    db = open_db(tmp_path / "supply.db")
    import_file(db.conn, workbook)
    db.conn.close()
    conn = connect(tmp_path / "supply.db", readonly=True)
    router = Router(lambda: conn, today=lambda: dt.date(2025, 10, 13))
    with gzip.open(series, "rt", encoding="utf-8") as fh:
        expected = {r["grupo"].rstrip("*"): float(r["toneladas_semana_2"]) for r in csv.DictReader(fh)
                    if r["boletin_semana_inicio"] == "2025-10-04" and r["mercado"].startswith("Bogotá")}
    answer = router.answer("abastecimiento en Corabastos")
    assert answer.intent == "supply" and answer.slots["market"].startswith("Bogotá, D.C., Corabastos, Paloquemao")
    got = {v.label: v.value for v in answer.values}
    for group in ("Frutas", "Tubérculos, raíces y plátanos", "Verduras y hortalizas", "Otros grupos"):
        assert got[group] == pytest.approx(expected[group], abs=0.05)
    assert got["total"] == pytest.approx(expected["Total"], abs=0.1)
    product = router.answer("cuantas toneladas de papa criolla llegaron a medellin")
    assert "Tubérculos, raíces y plátanos" in product.text and product.slots["product"] == "Papa criolla limpia"
