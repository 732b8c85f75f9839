"""The global forecaster (real lightgbm, small synthetic panels), its artefact store, and the no-look-ahead rules:
gaps are filled only with earlier prices, filled weeks are never scored, features read only the past and a model
trained with a cutoff never saw a target at or after it. Real-data tests skip when ../shared/sipsa is absent."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import numpy as np
import pytest

from data.panel import WeeklyPanel, weekly_panel, weekly_panel_from_csv
from data.series import SeriesData
from models.forecast import global_store
from models.forecast.backtest import actual_matrix, forecast_matrix
from models.forecast.engine import run_forecast
from models.forecast.globalmodel import Frames, fit, log_filled, make_vocab, series_panel
from models.forecast.prepare import regularise
from models.forecast.render import forecast_text
from models.forecast.rules import VARIANTS, allowed, choose

WEEKLY = Path(__file__).resolve().parents[3] / "shared" / "sipsa" / "series" / "semanal_precios_2017-2025.csv.gz"
if not WEEKLY.exists():  # the worktree may sit one level deeper than the main checkout
    WEEKLY = Path(__file__).resolve().parents[2] / "shared" / "sipsa" / "series" / "semanal_precios_2017-2025.csv.gz"
START = dt.date(2021, 1, 2)  # a Saturday


def synthetic_panel(n_series: int = 24, weeks: int = 200, seed: int = 5) -> WeeklyPanel:
    """Mean-reverting log prices with a yearly cycle per group: predictable beyond one week, unlike a random walk."""
    rng = np.random.default_rng(seed)
    values = np.empty((n_series, weeks))
    t = np.arange(weeks)
    groups = ["Frutas frescas", "Verduras y hortalizas", "Tubérculos, raíces y plátanos"]
    for i in range(n_series):
        level = np.log(rng.uniform(800, 20000))
        noise = np.zeros(weeks)
        for w in range(1, weeks):
            noise[w] = 0.75 * noise[w - 1] + rng.normal(0, 0.06)
        values[i] = np.exp(level + 0.12 * np.sin(2 * np.pi * t / 52 + i % 3) + noise)
    return WeeklyPanel([f"Producto {i}" for i in range(n_series)],
                       [f"Ciudad {i % 4}, Mercado" for i in range(n_series)], [groups[i % 3] for i in range(n_series)],
                       [f"Ciudad {i % 4}" for i in range(n_series)], START, values, "v-test")


@pytest.fixture(scope="module")
def panel() -> WeeklyPanel:
    return synthetic_panel()


@pytest.fixture(scope="module")
def artifact(panel: WeeklyPanel) -> global_store.Artifact:
    frames = Frames.build(panel, make_vocab(panel))
    holdout = fit(panel, panel.n_weeks - global_store.HOLDOUT, frames=frames, max_rows=4_000, rounds=30)
    full = fit(panel, frames=frames, max_rows=4_000, rounds=30)
    return global_store.Artifact(panel.version, global_store.code_version(), holdout, full, 24, 0.0)


# ------------------------------------------------------------------------------------------ no look-ahead


def test_gaps_are_carried_forward_from_the_past_only() -> None:
    values = np.array([[100.0, 110.0, np.nan, np.nan, 150.0, np.nan, np.nan, np.nan, np.nan, 90.0]])
    logs, filled, age = log_filled(values)
    assert np.allclose(np.exp(filled[0, :4]), [100, 110, 110, 110])  # never 130 (toward the 150 after the gap)
    assert np.allclose(np.exp(filled[0, 5:8]), [150, 150, 150]) and np.isnan(filled[0, 8])  # at most 3 weeks
    assert list(age[0, :5]) == [0, 0, 1, 2, 0]
    assert np.isnan(logs[0, 2])  # the raw values (targets) stay missing


def test_backtest_forecasts_do_not_change_when_the_price_after_a_gap_changes() -> None:
    def stretch_for(after_gap: float):  # weeks 0..79, weeks 60 and 61 missing, week 62 varies
        obs = [(START + dt.timedelta(weeks=w), 1000.0 * (1 + 0.1 * np.sin(w / 5))) for w in range(80)
               if w not in (60, 61)]
        obs = [(d, after_gap if d == START + dt.timedelta(weeks=62) else v) for d, v in obs]
        return regularise(obs, "W")

    a, b = stretch_for(1500.0), stretch_for(600.0)
    assert a.values[:62] == b.values[:62] and a.filled[60] and a.filled[61]
    logs_a, logs_b = np.log(a.values), np.log(b.values)
    for key in ("naive", "ets"):  # origins up to 62 (the first forecast at the first missing week or later)
        fa = forecast_matrix(a.dates, logs_a, "W", [key], 40, 62, 4, refit_every=30)[key]
        fb = forecast_matrix(b.dates, logs_b, "W", [key], 40, 62, 4, refit_every=30)[key]
        np.testing.assert_allclose(fa, fb)
    actuals = actual_matrix(logs_a, 40, 62, 4, a.filled)
    assert np.isnan(actuals[60 - 40, 0]) and np.isnan(actuals[58 - 40, 2])  # filled weeks are never scored
    assert np.isfinite(actuals[62 - 40, 0])


def test_features_read_only_the_past_and_training_only_targets_before_the_cutoff(panel: WeeklyPanel) -> None:
    cutoff = 150
    changed = panel.values.copy()
    changed[:, cutoff:] *= np.exp(np.random.default_rng(1).normal(0, 0.5, changed[:, cutoff:].shape))
    other = WeeklyPanel(panel.products, panel.markets, panel.groups, panel.cities, panel.start, changed)
    fa, fb = Frames.build(panel, make_vocab(panel)), Frames.build(other, make_vocab(other))
    rows, anchors = np.arange(24), np.full(24, cutoff - 1)
    for h in (1, 4, 8):
        np.testing.assert_array_equal(fa.features(rows, anchors, np.full(24, h)),
                                      fb.features(rows, anchors, np.full(24, h)))
    ma = fit(panel, cutoff, frames=fa, max_rows=6000, rounds=20)
    mb = fit(other, cutoff, frames=fb, max_rows=6000, rounds=20)
    pa, pb = ma.predict(fa, rows, anchors, 8), mb.predict(fb, rows, anchors, 8)
    np.testing.assert_allclose(pa["global"], pb["global"])
    np.testing.assert_allclose(pa["global_lin"], pb["global_lin"])


def cross_panel(weeks: int = 160, seed: int = 3) -> WeeklyPanel:
    """3 products, each in 4 markets of 2 cities (a national move per product plus a local spread per market)."""
    rng = np.random.default_rng(seed)
    national = np.cumsum(rng.normal(0, 0.04, (3, weeks)), axis=1)
    markets = ["Bogotá, Corabastos", "Bogotá, Paloquemao", "Cali, Cavasa", "Cali, Santa Helena"]
    products, market_of, values = [], [], []
    for p in range(3):
        for m, market in enumerate(markets):
            spread = np.zeros(weeks)
            for w in range(1, weeks):
                spread[w] = 0.8 * spread[w - 1] + rng.normal(0, 0.03)
            lag = np.concatenate([[0.0] * m, national[p, : weeks - m]])  # later markets follow the national move
            products.append(f"Producto {p}")
            market_of.append(market)
            values.append(np.exp(np.log(1000 * (p + 1)) + 0.05 * m + lag + spread))
    return WeeklyPanel(products, market_of, ["Frutas frescas"] * 12, [m.split(",")[0] for m in market_of], START,
                       np.array(values), "v-cross")


def test_cross_sectional_features_read_other_series_only_up_to_the_anchor() -> None:
    from models.forecast.crossfeatures import NAMES
    from models.forecast.globalmodel import OWN

    panel, anchor = cross_panel(), 120
    rows, horizons = np.arange(12), np.full(12, 4)
    base = Frames.build(panel, make_vocab(panel)).features(rows, np.full(12, anchor), horizons)
    cross = base[:, len(OWN): len(OWN) + len(NAMES)]
    assert np.isfinite(cross).all() and np.abs(cross).sum() > 0
    later = panel.values.copy()
    later[1:, anchor + 1:] *= 3.0  # every other series after the anchor: nothing may move
    moved = WeeklyPanel(panel.products, panel.markets, panel.groups, panel.cities, panel.start, later)
    np.testing.assert_array_equal(Frames.build(moved, make_vocab(moved)).features(rows, np.full(12, anchor),
                                                                                  horizons), base)
    earlier = panel.values.copy()
    earlier[1, anchor - 3: anchor + 1] *= 1.5  # another market of product 0, before the anchor: series 0 sees it
    seen = WeeklyPanel(panel.products, panel.markets, panel.groups, panel.cities, panel.start, earlier)
    got = Frames.build(seen, make_vocab(seen)).features(rows, np.full(12, anchor), horizons)
    assert not np.allclose(got[0, len(OWN):], base[0, len(OWN):])  # product momentum, spreads
    np.testing.assert_array_equal(got[0, : len(OWN)], base[0, : len(OWN)])  # its own lags did not change
    apart = [4, 6, 7, 8, 10, 11]  # other products in other markets (rows 5 and 9 share series 1's market)
    np.testing.assert_array_equal(got[apart], base[apart])
    assert not np.allclose(got[5], base[5])  # the market's momentum across its products


def test_aggregates_match_the_plain_definitions() -> None:
    import pandas as pd

    from models.forecast.crossfeatures import _group_mean, trailing_mean

    rng = np.random.default_rng(2)
    x = rng.normal(size=(9, 60))
    x[rng.random(x.shape) < 0.3] = np.nan
    expected = pd.DataFrame(x.T).rolling(26, min_periods=13).mean().to_numpy().T  # trailing: past columns only
    np.testing.assert_allclose(trailing_mean(x, 26, 13), expected)
    codes = np.array([2, 0, 2, 1, 0, 2, 1, 1, 0])
    total, count = _group_mean(x, codes, 4)
    np.testing.assert_allclose(total[2], np.nansum(x[codes == 2], axis=0))
    np.testing.assert_array_equal(count[1], np.isfinite(x[codes == 1]).sum(axis=0))
    assert not total[3].any() and not count[3].any()  # a group without series


def test_a_one_series_forecast_reads_the_aggregates_the_model_was_trained_with() -> None:
    panel = cross_panel()
    frames = Frames.build(panel, make_vocab(panel))
    model = fit(panel, 130, frames=frames, max_rows=3_000, rounds=10)
    i = 6
    obs = [(panel.date(c), float(v)) for c, v in enumerate(panel.values[i])]
    single = Frames.build(series_panel(model, panel.products[i], panel.markets[i], obs), model.vocab, model.cross)
    anchors = np.array([100, 140])
    np.testing.assert_allclose(single.features(np.zeros(2, dtype=int), anchors, np.array([4, 8])),
                               frames.features(np.full(2, i), anchors, np.array([4, 8])))


# ------------------------------------------------------------------------------------------ the model


def test_global_model_learns_across_series_and_beats_naive_out_of_sample(panel: WeeklyPanel) -> None:
    cutoff = 150
    frames = Frames.build(panel, make_vocab(panel))
    model = fit(panel, cutoff, frames=frames, max_rows=20_000, rounds=80)
    rows = np.repeat(np.arange(24), 40)
    anchors = np.tile(np.arange(cutoff, cutoff + 40), 24)
    pred = model.predict(frames, rows, anchors, 8)["global"]
    truth = frames.logs[rows, anchors + 4] - frames.filled[rows, anchors]
    model_err = np.mean(np.abs(pred[:, 3] - truth))
    naive_err = np.mean(np.abs(truth))
    assert model_err < 0.9 * naive_err, (model_err, naive_err)
    assert pred.shape == (len(rows), 8) and np.isfinite(pred).all()


def test_rules_fall_back_to_naive_and_extend_to_unlisted_horizons() -> None:
    assert choose(1, {"naive": 10.0, "mix3": 12.0}) == "mix3"  # fixed per horizon on the validation year
    assert choose(8, {"naive": 10.0, "mix3": 9.0, "mix": 12.0}) == "mix"
    assert choose(4, {"naive": 10.0, "blend": 5.0}) == "naive"  # the rule's model could not be backtested here
    assert allowed(12, VARIANTS["cruzada"]) == ("mix",) and allowed(3, VARIANTS["cruzada"]) == ("mix",)
    assert allowed(6, VARIANTS["elegida"]) == ("mix3",)
    assert choose(4, {"naive": 10.0, "ets": 9.0, "blend": 9.5}, "mejor_por_serie") == "ets"


def test_artifact_is_versioned_saved_apart_from_user_data_and_loaded(artifact: global_store.Artifact,
                                                                     tmp_path: Path) -> None:
    folder = tmp_path / "models" / "forecast"
    folder.mkdir(parents=True)
    user_file = folder / "notes.txt"
    user_file.write_text("no tocar")
    saved = global_store.save(artifact, folder)
    assert saved.name == f"forecast-global-v-test-{global_store.code_version()}.pkl"
    for version in ("v2", "v3"):
        other = pickle.loads(pickle.dumps(artifact))
        other.data_version = version
        global_store.save(other, folder)
    kept = sorted(p.name for p in folder.glob("forecast-global-*.pkl"))
    assert len(kept) == global_store.KEEP and user_file.read_text() == "no tocar"
    assert global_store.load(folder, "v3").data_version == "v3"  # type: ignore[union-attr]
    assert global_store.load(folder, "v9").data_version == "v3"  # type: ignore[union-attr]  # newest, older data
    assert global_store.load(tmp_path / "none", "v3") is None


def test_forecast_answer_uses_the_global_model_per_step_and_says_intervals_are_conformal(
        panel: WeeklyPanel, artifact: global_store.Artifact) -> None:
    i = 4
    obs = [(panel.date(c).isoformat(), float(v)) for c, v in enumerate(panel.values[i])]
    series = SeriesData(0, 0, panel.products[i], panel.markets[i], "W", "COP/kg", obs, "sintética", version="v-test")
    result = run_forecast(series, 8, artifact)
    assert result.step_models == ["mix3"] + ["mix"] * 7
    assert {"mix", "mix3", "global", "combo", "naive"} <= {s.model for s in result.scores}
    text = forecast_text(result)
    assert "Intervalos conformales, calibrados por separado para cada paso" in text
    assert "Modelo por horizonte" in text
    assert all(p.lo80 <= p.value <= p.hi80 and p.lo95 <= p.lo80 for p in result.points)
    plain = run_forecast(series, 8)  # no trained model yet: the local models and naive, as before
    assert plain.step_models == [] and plain.model not in {"mix", "mix3", "global"}


# ------------------------------------------------------------------------------------------ real data


@pytest.mark.realdata
@pytest.mark.slow
def test_real_weekly_panel_and_a_small_global_model() -> None:
    if not WEEKLY.exists():
        pytest.skip(f"real SIPSA weekly table not found at {WEEKLY} (../shared/sipsa is absent)")
    panel = weekly_panel_from_csv(str(WEEKLY))
    assert len(panel.products) > 3000 and panel.start == dt.date(2016, 12, 31)
    assert {"Frutas frescas", "Verduras y hortalizas"} <= set(panel.groups)
    row = panel.row("Papa criolla limpia", "Bogotá, D.C., Corabastos")
    assert row is not None and panel.cities[row].startswith("Bogot")
    frames = Frames.build(panel, make_vocab(panel))
    model = fit(panel, panel.n_weeks - 60, frames=frames, max_rows=20_000, rounds=30)
    pred = model.predict(frames, np.array([row]), np.array([panel.n_weeks - 60]), 8)
    assert np.isfinite(pred["global"]).all() and np.abs(pred["global"]).max() < 0.7


def test_weekly_panel_from_the_mirror(tmp_path: Path) -> None:
    from data import demo
    from data.db import open_db

    db = open_db(tmp_path / "m.db")
    demo.build(db.conn, end_week=dt.date(2025, 10, 18), weeks=60)
    db.conn.commit()
    panel = weekly_panel(db.conn)
    assert panel.products and panel.values.shape[0] == len(panel.products)
    assert panel.version and all(g for g in panel.groups)


def test_service_trains_in_the_background_then_answers_with_the_global_model(tmp_path: Path) -> None:
    from data import demo
    from data.db import open_db
    from data.series import find_market, find_product, load_series
    from models.forecast.service import ForecastService

    db = open_db(tmp_path / "mirror.db")
    demo.build(db.conn, end_week=dt.date(2025, 10, 18), weeks=156)
    db.conn.commit()
    folder = tmp_path / "models" / "forecast"
    service = ForecastService(workers=1, model_dir=folder)
    try:
        future = service.train_global(tmp_path / "mirror.db")
        assert future is not None and "modelo global entrenado" in future.result(timeout=600)
        assert service.train_global(tmp_path / "mirror.db").result(timeout=600).startswith(  # type: ignore[union-attr]
            "modelo global ya entrenado")
        [saved] = folder.glob("forecast-global-*.pkl")
        product = find_product(db.conn, "Papa criolla limpia")
        market = find_market(db.conn, "Bogotá, D.C., Corabastos")
        assert product and market and saved.stat().st_size > 0
        series = load_series(db.conn, product[0], market[0], "W", on=dt.date(2025, 10, 30))
        result, _ = service.forecast(series, 8)
        assert len(result.step_models) == 8
    finally:
        service.close()
