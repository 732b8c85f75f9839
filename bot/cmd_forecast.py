"""`sipsabot forecast` (one series: text, --json, --png) and `sipsabot eval-forecast` (the method measured on
real weekly series with the last year held out)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from bot.config import Settings


def forecast_cmd(args: argparse.Namespace, settings: Settings) -> int:
    from data.store import Store
    from models.forecast.render import forecast_json, forecast_text
    from models.forecast.request import resolve_series
    from models.forecast.service import compute
    from models.forecast.types import ForecastError

    if not Path(settings.db_path).exists():
        print(f"No existe el espejo {settings.db_path}. Cárgalo con `sipsabot refresh` o `sipsabot demo`.",
              file=sys.stderr)
        return 2
    conn = Store(settings.db_path, settings.state_path).reader()
    try:
        series = resolve_series(conn, args.product, args.market, args.freq)
        result, png = compute(series, args.horizon, chart=bool(args.png))
    except ForecastError as exc:
        if args.json:
            print(json.dumps({"error": exc.message}, ensure_ascii=False))
        else:
            print(exc.message, file=sys.stderr)
        return 1
    if args.png and png is not None:
        Path(args.png).write_bytes(png)
    if args.json:
        print(json.dumps(forecast_json(result), ensure_ascii=False, indent=2))
    else:
        print(forecast_text(result))
        if args.png:
            print(f"Gráfico: {args.png}")
    return 0


def eval_forecast_cmd(args: argparse.Namespace, settings: Settings) -> int:
    import numpy as np

    from data.panel import weekly_panel_from_csv
    from data.series import weekly_series_from_csv
    from models.forecast.evaluate import pick, run_eval
    from models.forecast.evaluate_global import global_forecasts, windows_of
    from models.forecast.evaluate_report import report

    path = Path(args.csv)
    if not path.exists():
        print(f"No encuentro {path}: la evaluación necesita la serie semanal real de SIPSA.", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    everything = weekly_series_from_csv(str(path))
    # --fresh: the default sample's year has been seen already; a first-run measurement needs series never scored
    seen = pick(everything, 200) if args.fresh else []
    chosen = pick(everything, args.series, exclude=seen)
    if args.fresh:
        shared = {(s.product, s.market) for s in seen} & {(s.product, s.market) for s in chosen}
        print(f"Muestra nueva: {len(chosen)} series, {len(shared)} de ellas en la muestra por defecto.", flush=True)
    shift = 52 if args.validation else 0
    print(f"{len(everything)} series producto x mercado con 3 años o más; se evalúan {len(chosen)} cuyo último "
          f"tramo continuo cubre el año de prueba, un año de orígenes de backtest y el entrenamiento "
          f"({args.workers} procesos)...", flush=True)
    panel = weekly_panel_from_csv(str(path))
    windows, groups = windows_of(panel, chosen, shift)
    extras, seconds = global_forecasts(panel, windows, 8, progress=lambda m: print(m, flush=True))
    print(f"Modelos globales: {len(seconds)} entrenamientos, {np.mean(seconds) if seconds else 0:.0f} s cada uno "
          f"en promedio, sobre {panel.values.shape[0]} series", flush=True)
    scores = run_eval(chosen, workers=args.workers, shift=shift, extras=extras, groups=groups)
    if args.validation:
        print("MODO VALIDACIÓN: el año evaluado es el anterior al año de prueba (sin tocar el año de prueba).")
    print(report(scores))
    print(f"\nTiempo total: {time.perf_counter() - t0:.0f} s")
    return 0
