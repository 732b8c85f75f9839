"""The real-data gate for analytical answers: every Corabastos row of DANE's weekly table (../shared/sipsa; skipped
when absent) imported with the project's importer, and each statistic checked against pandas on the same rows,
computed here independently of the SQL in data.analytics."""

from __future__ import annotations

import datetime as dt
import gzip
import io

import pandas as pd
import pytest

from data.db import connect, open_db
from data.importer import import_file
from models.answer import Answer, ChatState
from models.router import Router
from tests.conftest import shared_path

TODAY = dt.date(2025, 11, 3)


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> tuple[Router, pd.DataFrame]:
    source = shared_path("series", "semanal_precios_2017-2025.csv.gz")
    with gzip.open(source, "rt", encoding="utf-8") as fh:
        header = fh.readline()
        kept = [line for line in fh if "Corabastos" in line]
    folder = tmp_path_factory.mktemp("realstats")
    (folder / "cora.csv").write_text(header + "".join(kept), encoding="utf-8")
    db = open_db(folder / "mirror.db")
    assert import_file(db.conn, folder / "cora.csv").inserted > 40_000
    db.conn.close()
    conn = connect(folder / "mirror.db", readonly=True)
    frame = pd.read_csv(io.StringIO(header + "".join(kept)))
    frame["product"] = frame["producto"].str.strip().str.rstrip("*").str.strip().str.lower()
    return Router(lambda: conn, today=lambda: TODAY), frame


def series(frame: pd.DataFrame, product: str) -> pd.Series:
    rows = frame[frame["product"] == product]
    assert rows["semana_inicio"].is_unique
    return rows.set_index("semana_inicio")["precio_medio_cop_kg"].sort_index()


def ask(router: Router, text: str) -> Answer:
    return router.answer(text, ChatState(chat_id=3))


def first(answer: Answer, kind: str) -> tuple[float, str]:
    found = [v for v in answer.values if v.kind == kind]
    assert found, answer.text
    return found[0].value, found[0].date


@pytest.mark.realdata
def test_max_and_min_of_a_year(real: tuple[Router, pd.DataFrame]) -> None:
    router, frame = real
    year = series(frame, "papa criolla limpia").loc["2024-01-01":"2024-12-31"]
    top, low = year.max(), year.min()
    assert first(ask(router, "precio más alto de la papa criolla en corabastos en 2024"), "max") == (
        top, max(year[year == top].index))
    assert first(ask(router, "cuando estuvo mas barata la papa criolla en corabastos en 2024"), "min") == (
        low, max(year[year == low].index))


@pytest.mark.realdata
def test_median_and_year_over_year(real: tuple[Router, pd.DataFrame]) -> None:
    router, frame = real
    tomato = series(frame, "tomate chonto")
    assert first(ask(router, "mediana del tomate chonto en corabastos en 2023"), "median")[0] == pytest.approx(
        tomato.loc["2023-01-01":"2023-12-31"].median())
    newest = tomato.index.max()
    then = (dt.date.fromisoformat(newest) - dt.timedelta(days=364)).isoformat()
    change = (tomato[newest] / tomato[then] - 1) * 100
    answer = ask(router, "el tomate chonto en corabastos esta mas caro que hace un año?")
    assert first(answer, "change_pct")[0] == pytest.approx(change, abs=0.01)


@pytest.mark.realdata
def test_season_month(real: tuple[Router, pd.DataFrame]) -> None:
    router, frame = real
    s = series(frame, "papa criolla limpia")
    months = pd.DataFrame({"price": s.values, "year": s.index.str[:4], "month": s.index.str[5:7].astype(int)})
    means = months.groupby(["year", "month"])["price"].mean().reset_index()
    counts = means.groupby("year")["month"].transform("size")
    means = means[counts >= 6].copy()
    means["ratio"] = means["price"] / means.groupby("year")["price"].transform("mean")
    index = means.groupby("month")["ratio"].agg(["mean", "size"])
    index = index[index["size"] >= 2]["mean"]
    answer = ask(router, "en que mes suele estar mas barata la papa criolla en corabastos")
    assert first(answer, "month")[0] == index.idxmin()
    assert first(answer, "years")[0] == means["year"].nunique()


@pytest.mark.realdata
def test_dearest_fruit_of_the_newest_week(real: tuple[Router, pd.DataFrame]) -> None:
    router, frame = real
    newest = frame["semana_inicio"].max()
    fruits = frame[(frame["semana_inicio"] == newest) & frame["grupo"].str.startswith("Frutas")]
    answer = ask(router, "cuál es la fruta más cara de corabastos esta semana")
    assert first(answer, "price") == (fruits["precio_medio_cop_kg"].max(), newest)
