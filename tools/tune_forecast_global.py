"""Compare global-model variants on the VALIDATION year only (the year before the test year), the way
`sipsabot eval-forecast --validation` scores them, without recomputing the local models for every variant.

The local candidates' backtest forecasts of the validation series are computed once and cached (--cache); each
variant then retrains the global model on the rolling cutoffs of evaluate_global and scores every candidate plus
derived ones (shrinkage toward naive, weighted mixes). Prints, per horizon, median MASE / naive's and the share
of series beating naive. Never touches the test year: `shift` is always 52.

    nice -n 10 .venv/bin/python tools/tune_forecast_global.py --variants base,cross --cache /tmp/val_local.pkl
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.forecast.crossfeatures import NAMES as CROSS  # noqa: E402
from models.forecast.globalmodel import NUMERIC, OWN  # noqa: E402

CSV = ROOT.parent.parent / "shared" / "sipsa" / "series" / "semanal_precios_2017-2025.csv.gz"
if not CSV.exists():
    CSV = ROOT.parent / "shared" / "sipsa" / "series" / "semanal_precios_2017-2025.csv.gz"
SHIFT = 52  # validation: the year before the test year

# name -> keyword arguments of globalmodel.fit
VARIANTS: dict[str, dict[str, Any]] = {
    "base": {"numeric": OWN},
    "cross": {"numeric": NUMERIC},
    "cross_prod": {"numeric": (*OWN, *(n for n in CROSS if n.startswith("p_")))},
    "cross_huber": {"numeric": NUMERIC, "params": {"objective": "huber", "alpha": 0.05}},
    "cross_l2": {"numeric": NUMERIC, "params": {"objective": "l2"}},
    "cross_s2": {"numeric": NUMERIC, "seed": 11},  # another row sample and bagging seed (noise; ensembles)
    "cross_s3": {"numeric": NUMERIC, "seed": 23},
    "cross_big": {"numeric": NUMERIC, "max_rows": 200_000, "rounds": 250},
    "cross_reg": {"numeric": NUMERIC, "rounds": 300, "params": {"learning_rate": 0.04, "num_leaves": 31,
                                                                 "lambda_l2": 10.0, "min_data_in_leaf": 400}},
}


def _local(item: tuple[Any, int]) -> dict[str, np.ndarray]:
    from models.forecast.evaluate import local_forecasts

    series, shift = item
    return local_forecasts(series, shift=shift)


def _score(item: tuple[Any, dict[str, np.ndarray], dict[str, np.ndarray], str]) -> Any:
    from models.forecast.evaluate import evaluate_series

    series, local, extra, group = item
    return evaluate_series(series, shift=SHIFT, extra=extra, group=group, local=local)


def derived(local: dict[str, np.ndarray], extra: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Shrinkage of the global model toward naive and weighted mixes (all in log space)."""
    out = dict(extra)
    if "global" not in extra or "naive" not in local:
        return out
    naive, glob = local["naive"], extra["global"]
    for w in (0.3, 0.7, 0.85):
        out[f"shrink{w}"] = naive + w * (glob - naive)
    if "combo" in local:
        combo = local["combo"]
        out["mix_g2"] = (naive + 2 * glob + combo) / 4  # global weighted twice
        out["mix_ng"] = (naive + glob) / 2
        out["med3"] = np.median([naive, glob, combo], axis=0)
        if "global_lin" in extra:
            out["mix4"] = (naive + glob + combo + extra["global_lin"]) / 4
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--variants", default="base,cross")
    parser.add_argument("--series", type=int, default=200)
    parser.add_argument("--cache", default="/tmp/sipsabot_val_local.pkl")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--save-dir", default="/tmp", help="each variant's global forecasts are kept here, so "
                        "'ens:a+b' can average the global models of saved variants a and b without retraining")
    args = parser.parse_args()

    from data.panel import weekly_panel_from_csv
    from data.series import weekly_series_from_csv
    from models.forecast.evaluate import pick
    from models.forecast.evaluate_global import global_forecasts, windows_of
    from models.forecast.evaluate_report import summary
    from models.forecast.workers import init_worker

    t0 = time.perf_counter()
    chosen = pick(weekly_series_from_csv(str(CSV)), args.series)
    panel = weekly_panel_from_csv(str(CSV))
    print(f"{len(chosen)} series, panel {panel.values.shape} ({time.perf_counter() - t0:.0f} s)", flush=True)
    cache = Path(args.cache)
    if cache.exists():
        locals_ = pickle.loads(cache.read_bytes())
    else:
        with ProcessPoolExecutor(args.workers, initializer=init_worker) as pool:
            locals_ = list(pool.map(_local, [(s, SHIFT) for s in chosen], chunksize=1))
        cache.write_bytes(pickle.dumps(locals_))
        print(f"local forecasts cached ({time.perf_counter() - t0:.0f} s)", flush=True)
    windows, groups = windows_of(panel, chosen, SHIFT)
    for name in args.variants.split(","):
        t1 = time.perf_counter()
        saved = Path(args.save_dir) / f"sipsabot_val_global_{name}.pkl"
        if name.startswith("ens:"):
            parts = [pickle.loads((Path(args.save_dir) / f"sipsabot_val_global_{p}.pkl").read_bytes())
                     for p in name[4:].split("+")]
            extras, seconds = [], []
            for per_series in zip(*parts, strict=True):
                ex = dict(per_series[0])
                if all("global" in e for e in per_series):
                    ex["global"] = np.mean([e["global"] for e in per_series], axis=0)
                extras.append(ex)
        else:
            extras, seconds = global_forecasts(panel, windows, 8, **VARIANTS[name])
            saved.write_bytes(pickle.dumps(extras))
        items = [(s, loc, derived(loc, ex), g) for s, loc, ex, g in zip(chosen, locals_, extras, groups, strict=True)]
        with ProcessPoolExecutor(args.workers, initializer=init_worker) as pool:
            scores = [s for s in pool.map(_score, items, chunksize=4) if s.ok]
        print(f"\n== {name}: {len(scores)} series, fits {', '.join(f'{s:.0f}' for s in seconds)} s, "
              f"total {time.perf_counter() - t1:.0f} s")
        keys = sorted({k for s in scores for k in s.mae[1]} - {"naive"})
        print(f"  {'candidate':<16}" + "".join(f"{f'h={h} ratio/beat':>20}" for h in (1, 2, 4, 8)) + "   cov80 h=4")
        for key in keys:
            cells, cov = [], ""
            for h in (1, 2, 4, 8):
                got = summary([s for s in scores if key in s.mae[h]], h, key)
                cells.append(f"{got['ratio']:>12.3f}/{got['beats']:>5.1f}%" if got else f"{'-':>19}")
                if h == 4 and got:
                    cov = f"{got['cov80']:.1f}%"
            print(f"  {key:<16}" + "".join(f"{c:>20}" for c in cells) + f"   {cov}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
