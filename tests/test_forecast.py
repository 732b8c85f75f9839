"""Forecasting with real darts models on the demo mirror and on small synthetic series: gap handling, the
backtest recursions against darts itself, conformal calibration, messages, the cache, the CLI, saved series."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import numpy as np
import pytest

from bot.cli import main
from data import demo, series_store
from data.db import open_db
from data.series import SeriesData, find_market, find_product, load_series
from models.forecast.backtest import conformal_q, decide, select, sequential_coverage, to_series
from models.forecast.candidates import make
from models.forecast.engine import run_forecast
from models.forecast.filters import arima_111, ets_damped, theta, theta_params
from models.forecast.prepare import regularise, snap
from models.forecast.render import forecast_json, forecast_text
from models.forecast.service import ForecastService
from models.forecast.types import ForecastError, ForecastResult, Point, Score
from models.forecast_chart import forecast_png

SOURCE = "Fuente: DANE – SIPSA; pronóstico de SIPSABot"


@pytest.fixture(scope="module")
def mirror(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("forecast") / "mirror.db"
    db = open_db(path)
    demo.build(db.conn, end_week=dt.date(2025, 10, 18), weeks=156)
    db.conn.commit()
    db.conn.close()
    return path


@pytest.fixture(scope="module")
def papa(mirror: Path) -> SeriesData:
    conn = open_db(mirror).conn
    product = find_product(conn, "Papa criolla limpia")
    market = find_market(conn, "Bogotá, D.C., Corabastos")
    assert product and market
    return load_series(conn, product[0], market[0], "W", on=dt.date(2025, 10, 30))


def weekly(start: dt.date, values: list[float], skip: set[int] = frozenset()) -> list[tuple[dt.date, float]]:  # type: ignore[assignment]
    return [(start + dt.timedelta(weeks=i), v) for i, v in enumerate(values) if i not in skip]


def synthetic(start: str, n: int, seed: int = 3, skip: set[int] = frozenset()) -> SeriesData:  # type: ignore[assignment]
    rng = np.random.default_rng(seed)
    values = 2000 * np.exp(np.cumsum(rng.normal(0, 0.03, n)))
    obs = [(d.isoformat(), float(v)) for d, v in weekly(dt.date.fromisoformat(start), list(values), skip)]
    return SeriesData(1, 1, "Producto sintético", "Mercado de prueba", "W", "COP/kg", obs, "prueba",
                      version="v1", today=obs[-1][0])


# ------------------------------------------------------------------------------------------------ gaps


def test_holiday_weeks_snap_to_the_saipsa_saturday_grid() -> None:
    assert snap(dt.date(2017, 4, 13), "W") == dt.date(2017, 4, 15)  # Holy Thursday start -> that week's Saturday
    assert snap(dt.date(2024, 5, 3), "W") == dt.date(2024, 5, 4)
    assert snap(dt.date(2024, 5, 4), "W") == dt.date(2024, 5, 4)
    assert snap(dt.date(2024, 5, 6), "W") == dt.date(2024, 5, 4)  # Monday goes back
    assert snap(dt.date(2024, 5, 17), "M") == dt.date(2024, 5, 1)


def test_two_year_hole_is_never_filled_short_gaps_carry_the_last_real_price() -> None:
    old = weekly(dt.date(2017, 1, 7), [1000.0 + i for i in range(90)])
    # 2021 onwards: one skipped week (index 10) and a two-week hole (20, 21); nothing from 2018-10 to 2021-01
    new = weekly(dt.date(2021, 1, 2), [3000.0 + 10 * i for i in range(60)], skip={10, 20, 21})
    stretch = regularise(old + new, "W")
    assert stretch.dates[0] == dt.date(2021, 1, 2)
    assert all(d >= dt.date(2021, 1, 2) for d in stretch.dates)
    assert stretch.dropped_before is not None and stretch.gap_periods > 100
    assert stretch.n == 60 and stretch.n_filled == 3
    filled = [v for v, f in zip(stretch.values, stretch.filled, strict=True) if f]
    assert filled[0] == 3090.0  # the price before the gap, never the one after it (no look-ahead)
    assert filled[1:] == [3190.0, 3190.0]
    assert all(b - a == dt.timedelta(weeks=1) for a, b in zip(stretch.dates, stretch.dates[1:], strict=False))


def test_a_long_gap_cuts_the_series_even_when_short(papa: SeriesData) -> None:
    s = synthetic("2021-01-02", 120, skip=set(range(60, 66)))  # six missing weeks: too long to fill
    result = run_forecast(s, 4)
    assert dt.date.fromisoformat(result.history[0][0]) >= dt.date(2021, 1, 2) + dt.timedelta(weeks=66)
    assert any("hueco de 6 semanas" in note for note in result.notes)


def test_too_short_series_gets_a_clear_spanish_message() -> None:
    s = synthetic("2024-01-06", 20)
    with pytest.raises(ForecastError) as info:
        run_forecast(s, 4)
    assert "solo 20 semanas" in info.value.message and "necesito al menos" in info.value.message
    with pytest.raises(ForecastError, match="entre 1 y 12 semanas"):
        run_forecast(synthetic("2021-01-02", 200), 13)


# ------------------------------------------------------------------------------------- backtest machinery


def test_backtest_recursions_equal_darts_predictions(papa: SeriesData) -> None:
    stretch = regularise([(dt.date.fromisoformat(d), v) for d, v in papa.observations], "W")
    logs = np.log(np.asarray(stretch.values))
    series = to_series(stretch.dates, logs, "W")
    fit_from, fit_to, origin = 5, 100, 130
    for key, params, recursion in [("ets", lambda m: m.model.params, ets_damped),
                                   ("arima", lambda m: m, arima_111),
                                   ("theta", theta_params, theta)]:
        model = make(key, "W")
        model.fit(series[fit_from:fit_to])
        ours = recursion(params(model), logs[fit_from:origin + 1], [fit_to - fit_from, origin - fit_from], 6)
        assert np.allclose(ours[0], model.predict(6).values()[:, 0], atol=1e-8), key
        if key == "arima":  # a transferable darts model forecasts from a longer history with the same params
            later = model.predict(6, series=series[fit_from:origin]).values()[:, 0]
            assert np.allclose(ours[1], later, atol=1e-8)


def test_conformal_quantile_and_honest_sequential_coverage() -> None:
    errors = np.arange(1, 20, dtype=float)  # 19 errors: the 95% quantile is the largest, 80% the 16th
    assert conformal_q(errors, 0.95) == 19.0
    assert conformal_q(errors, 0.8) == 16.0
    assert conformal_q(np.arange(1, 6, dtype=float), 0.95) == 5.0  # too few errors: the largest
    assert math.isinf(conformal_q(np.array([]), 0.8))
    rng = np.random.default_rng(0)
    actual = rng.normal(0, 1, (400, 2))
    coverage = sequential_coverage(np.zeros((400, 2)), actual, 2)
    assert 0.74 < (coverage[0.8] or 0) < 0.86 and 0.9 < (coverage[0.95] or 0) < 0.99
    growing = np.cumsum(np.abs(rng.normal(0, 1, (60, 1))), axis=0)  # errors that keep growing: bands lag
    lagging = sequential_coverage(np.zeros((60, 1)), growing, 1)[0.8]
    assert lagging is not None and lagging < 0.2


def test_selection_keeps_the_combination_unless_another_model_is_clearly_better() -> None:
    base = {"naive": 100.0, "ets": 95.0, "theta": 97.0, "arima": 96.0, "linreg": 99.0}
    assert select({**base, "combo": 98.0}) == "combo"  # ETS is better, but by less than 20%
    assert select({**base, "combo": 110.0}) == "combo"  # naive better by 9%: not enough evidence to leave it
    assert select({**base, "ets": 80.0, "combo": 100.0}) == "ets"  # exactly 20% lower: switch
    assert select({**base, "naive": 70.0, "combo": 100.0}) == "naive"  # naive genuinely better: naive
    assert select({**base, "naive": 80.0, "ets": 70.0, "combo": 100.0}) == "ets"  # the best of those that beat it
    assert select(base) == "ets"  # no combination (a component failed): simply the lowest error
    assert select({"naive": 90.0, "ets": 90.0}) == "naive"  # ties go to naive


def test_decide_uses_only_errors_before_the_cutoff_and_calibrates_the_chosen_model() -> None:
    rng = np.random.default_rng(1)
    n, first, h = 90, 20, 2
    logs = np.log(2000) + np.cumsum(rng.normal(0, 0.03, n))
    prices = np.exp(logs)
    origins = np.arange(first, n - h + 1)
    actuals = np.stack([logs[origins + s] for s in range(h)], axis=1)
    naive = np.stack([logs[origins - 1]] * h, axis=1)
    noise = rng.normal(0, 0.03, actuals.shape)
    close = {"naive": naive, "ets": naive + 0.05, "combo": naive + noise * 0.2}
    decision = decide(close, actuals, first, cutoff=70, horizon=h, k_origins=52, prices=prices)
    assert decision is not None and decision.chosen == "combo" and decision.n_origins == 70 - h - first + 1
    far = {**close, "combo": naive + 0.2}  # the combination misses by ~20%: naive replaces it
    decision = decide(far, actuals, first, cutoff=70, horizon=h, k_origins=52, prices=prices)
    assert decision is not None and decision.chosen == "naive"
    resid = np.abs(actuals[: decision.n_origins, 0] - naive[: decision.n_origins, 0])
    assert decision.q[0.8][0] == conformal_q(resid, 0.8)  # intervals from the chosen model's own errors
    assert decide(close, actuals, first, cutoff=first + h + 6, horizon=h, k_origins=52, prices=prices) is None


def _result(model: str, scores: list[tuple[str, float, float]]) -> ForecastResult:
    return ForecastResult(
        product="Papa criolla limpia", market="Bogotá, D.C., Corabastos", freq="W", horizon=1, unit="COP/kg",
        model=model, model_label=model, beats_naive=False, scores=[Score(*s) for s in scores],
        points=[Point("2025-10-25", 3000.0, 2800.0, 3200.0, 2700.0, 3300.0, 2950.0)], last_date="2025-10-18",
        last_value=2950.0, history=[("2025-10-18", 2950.0)], origins=52, coverage80=0.8, coverage95=0.94)


def test_model_line_says_why_the_model_was_used_and_whether_it_beat_naive() -> None:
    text = forecast_text(_result("combo", [("combo", 0.9, 0.9), ("naive", 1.0, 1.0), ("ets", 1.1, 1.1)]))
    assert "modelo por defecto" in text and "al menos 20% menor" in text and "error 10% menor" in text
    text = forecast_text(_result("combo", [("naive", 1.0, 1.0), ("combo", 1.05, 1.05)]))
    assert "no lo superó (error 1,05 veces el del ingenuo)" in text and "no tiene ventaja demostrada" in text
    assert "MASE 1,05 frente a 1,00 del ingenuo" in text
    text = forecast_text(_result("ets", [("ets", 0.7, 0.7), ("combo", 0.95, 0.95), ("naive", 1.0, 1.0)]))
    assert "al menos 20% menor que el de la combinación" in text and "error 30% menor" in text
    text = forecast_text(_result("ets", [("ets", 0.7, 0.7), ("naive", 1.0, 1.0)]))
    assert "el de menor error en el backtest de 52 orígenes" in text
    text = forecast_text(_result("naive", [("naive", 1.0, 1.0), ("combo", 1.3, 1.3)]))
    assert "ningún modelo superó al pronóstico ingenuo" in text and "se usa el ingenuo" in text
    fallback = _result("naive", [("combo", 0.9, 0.9), ("naive", 1.0, 1.0)])
    fallback.fallback_from = "combo"
    text = forecast_text(fallback)
    assert "ajuste final falló" in text and "ningún modelo superó" not in text


# ------------------------------------------------------------------------------------ a forecast end to end


def test_forecast_on_demo_series_text_json_chart(papa: SeriesData) -> None:
    r = run_forecast(papa, 6)
    assert r.horizon == 6 and len(r.points) == 6 and r.unit == "COP/kg" and r.demo
    assert r.last_date == papa.observations[-1][0][:10] and r.last_value == round(papa.observations[-1][1], 1)
    assert r.points[0].date == "2025-10-25"
    for p in r.points:
        assert p.lo95 <= p.lo80 <= p.value <= p.hi80 <= p.hi95 and p.naive == r.last_value
    assert r.origins >= 8 and {s.model for s in r.scores} >= {"naive", "ets", "theta", "arima", "linreg"}
    naive = next(s for s in r.scores if s.model == "naive")
    assert naive.vs_naive == 1.0
    assert r.beats_naive == (r.model != "naive" and r.chosen.vs_naive < 1)
    assert r.coverage80 is not None and 0 <= r.coverage80 <= 1
    text = forecast_text(r)
    assert SOURCE in text and "DEMOSTRACIÓN" in text and "Último dato real" in text and "18/10/2025" in text
    assert "80%:" in text and "MASE" in text and "bloqueos" in text and "cobertura medida" in text
    data = json.loads(json.dumps(forecast_json(r)))
    assert data["model"] == r.model and len(data["points"]) == 6 and data["scores"][0]["mase"] > 0
    assert {"lo80", "hi80", "lo95", "hi95", "naive"} <= set(data["points"][0])
    png = forecast_png(r)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000


def test_monthly_series_from_weekly_data_and_horizon_limits(mirror: Path) -> None:
    conn = open_db(mirror).conn
    product = find_product(conn, "Tomate chonto")
    market = find_market(conn, "Cali, Cavasa")
    assert product and market
    monthly = load_series(conn, product[0], market[0], "M")
    assert monthly.source == "promedio mensual de los precios semanales"
    assert all(d.endswith("-01") for d, _ in monthly.observations) and 35 <= len(monthly.observations) <= 37
    result = run_forecast(monthly, 3)
    assert len(result.points) == 3 and result.points[0].date.endswith("-01")
    with pytest.raises(ForecastError, match="entre 1 y 6 meses"):
        run_forecast(monthly, 7)


def test_service_caches_per_series_horizon_and_data_version(papa: SeriesData) -> None:
    service = ForecastService(workers=1)
    try:
        first, png = service.forecast(papa, 4, chart=True)
        again, png2 = service.forecast(papa, 4, chart=True)
        assert service.misses == 1 and service.hits == 1 and again is first and png2 == png and png
        newer = SeriesData(**{**papa.__dict__, "version": "next-import"})
        service.forecast(newer, 4, chart=True)
        assert service.misses == 2
    finally:
        service.close()


# --------------------------------------------------------------------------------------- CLI, saved series


def test_cli_forecast_text_json_png_and_errors(mirror: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "m.db"
    db.write_bytes(mirror.read_bytes())
    png = tmp_path / "f.png"
    assert main(["forecast", "papa criolla", "--market", "corabastos", "--horizon", "3", "--json",
                 "--png", str(png), "--db", str(db)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["product"] == "Papa criolla limpia" and data["market"] == "Bogotá, D.C., Corabastos"
    assert len(data["points"]) == 3 and SOURCE in data["text"] and png.read_bytes()[:4] == b"\x89PNG"
    assert main(["forecast", "Zanahoria", "--market", "Medellín", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Zanahoria" in out and "próximas 8 semanas" in out
    assert main(["forecast", "kriptonita", "--db", str(db)]) == 1
    assert "No encuentro el producto" in capsys.readouterr().err
    assert main(["forecast", "zanahoria", "--freq", "D", "--db", str(db)]) == 1
    assert "diaria" in capsys.readouterr().err


def test_saved_series_per_chat(mirror: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    db.write_bytes(mirror.read_bytes())
    conn = open_db(db).conn
    papa = find_product(conn, "Papa criolla limpia")
    tomate = find_product(conn, "Tomate chonto")
    cora = find_market(conn, "Bogotá, D.C., Corabastos")
    assert papa and tomate and cora
    first, new = series_store.save_series(conn, 7, papa[0], cora[0], "W", 8)
    assert new and first.number == 1 and first.name == "Papa criolla limpia – Bogotá, D.C., Corabastos"
    second, _ = series_store.save_series(conn, 7, tomate[0], cora[0], "M", None, name="tomate mensual")
    again, new_again = series_store.save_series(conn, 7, papa[0], cora[0], "W", None)
    assert not new_again and again.id == first.id and again.horizon == 8
    assert [s.number for s in series_store.list_series(conn, 7)] == [1, 2]
    assert series_store.list_series(conn, 8) == []  # other chats see nothing
    found_by_number = series_store.find_series(conn, 7, "#2")
    found_by_name = series_store.find_series(conn, 7, "Tomate Mensual")
    assert found_by_number == found_by_name == second
    assert series_store.find_series(conn, 7, "9") is None and series_store.find_series(conn, 8, "1") is None
    assert not series_store.delete_series(conn, 8, first.id)  # not that chat's series
    assert series_store.delete_series(conn, 7, first.id)
    assert [s.name for s in series_store.list_series(conn, 7)] == ["tomate mensual"]
    series_store.migrate_chat(conn, 7, -1007)
    assert series_store.list_series(conn, 7) == [] and len(series_store.list_series(conn, -1007)) == 1


def test_daily_city_series_skips_weekends_without_crossing_a_long_hole(mirror: Path, tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    db.write_bytes(mirror.read_bytes())
    conn = open_db(db).conn
    papa = find_product(conn, "Papa negra")
    city = conn.execute("SELECT id FROM markets WHERE kind = 'city' AND key = 'bogota d c'").fetchone()
    assert papa and city
    rng = np.random.default_rng(5)
    rows, price, day = [], 1900.0, dt.date(2025, 1, 6)
    while day <= dt.date(2025, 8, 29):
        price *= math.exp(rng.normal(0, 0.01))
        in_hole = dt.date(2025, 3, 1) <= day <= dt.date(2025, 3, 20)  # three weeks without data
        if day.weekday() < 5 and not in_hole:  # weekdays only, like SIPSA's daily city prices
            rows.append((papa[0], city[0], day.isoformat(), round(price), "prueba"))
        day += dt.timedelta(days=1)
    with conn:
        conn.executemany("INSERT INTO daily_city_prices VALUES (?, ?, ?, ?, ?)", rows)
    from models.forecast.request import resolve_series

    series = resolve_series(conn, "papa negra", "Bogotá", "D")
    assert series.market == "Bogotá, D.C." and series.source == "precios diarios por ciudad"
    result = run_forecast(series, 5)
    assert [p.date for p in result.points][:2] == ["2025-08-30", "2025-08-31"]
    assert result.history[0][0] >= "2025-03-21"  # the stretch starts after the three-week hole
    assert any("hueco de 20 días" in n for n in result.notes) and any("Se completaron" in n for n in result.notes)
    assert "próximos 5 días" in forecast_text(result)
