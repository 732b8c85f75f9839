"""Forecast speed: one weekly series with five years of history, backtest selection + forecast + chart.

Prints, on this machine (say when it is shared: the load average is printed):
- cold: a fresh process (imports darts, statsmodels, matplotlib) doing one forecast with its chart;
- warm: a worker that already imported them (what the bot's pool does), median and max of several runs,
  for horizons 4, 8 and 12 weeks, with the split selection+forecast / chart;
- the service: a request through the process pool, then the same request again (cache hit);
- bot start-up: importing the forecast handler does not import darts.
Target (issue 5): warm selection + forecast + chart <= 3 s.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from data import demo  # noqa: E402
from data.db import open_db  # noqa: E402
from data.series import find_market, find_product, load_series  # noqa: E402


def build(path: Path) -> None:
    db = open_db(path)
    demo.build(db.conn, end_week=dt.date(2025, 10, 18), weeks=260)
    db.conn.commit()
    db.conn.close()


def series(path: Path):  # type: ignore[no-untyped-def]
    conn = open_db(path).conn
    product = find_product(conn, "Papa criolla limpia")
    market = find_market(conn, "Bogotá, D.C., Corabastos")
    assert product and market
    return load_series(conn, product[0], market[0], "W")


COLD = """
import sys, time
t0 = time.perf_counter()
sys.path.insert(0, {root!r})
from data.db import open_db
from data.series import find_market, find_product, load_series
from models.forecast.service import compute
conn = open_db({db!r}).conn
s = load_series(conn, find_product(conn, "Papa criolla limpia")[0], find_market(conn, "Bogotá, D.C., Corabastos")[0])
result, png = compute(s, 8, True)
print(f"{{time.perf_counter() - t0:.2f}}")
"""


def main() -> None:
    from models.forecast.engine import run_forecast
    from models.forecast.service import ForecastService
    from models.forecast.workers import init_worker
    from models.forecast_chart import forecast_png

    load = os.getloadavg()
    print(f"Máquina: {os.cpu_count()} núcleos, carga media {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} "
          "(compartida con otras pruebas: los tiempos varían)")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        build(db)
        s = series(db)
        print(f"Serie: {s.product} – {s.market}, {len(s.observations)} semanas "
              f"({s.observations[0][0]} a {s.observations[-1][0]})")

        out = subprocess.run([sys.executable, "-c", COLD.format(root=str(ROOT), db=str(db))],
                             capture_output=True, text=True, check=True)
        print(f"En frío (proceso nuevo: importa darts + selección + pronóstico + gráfico, h=8): "
              f"{out.stdout.strip()} s")

        t0 = time.perf_counter()
        init_worker()
        print(f"Importar darts/statsmodels una vez por proceso del pool: {time.perf_counter() - t0:.2f} s")
        forecast_png(run_forecast(s, 8))  # first call pays one-off lazy imports (statsmodels, matplotlib fonts)
        for horizon in (4, 8, 12):
            totals, charts, models = [], [], []
            for _ in range(5):
                t0 = time.perf_counter()
                result = run_forecast(s, horizon)
                t1 = time.perf_counter()
                forecast_png(result)
                t2 = time.perf_counter()
                totals.append(t2 - t0)
                charts.append(t2 - t1)
                models.append(result.model)
            print(f"En caliente h={horizon:>2}: total mediana {statistics.median(totals):.2f} s, "
                  f"máx {max(totals):.2f} s (gráfico {statistics.median(charts):.2f} s; "
                  f"{result.origins} orígenes de backtest; modelo {models[-1]})")

        service = ForecastService(workers=1)
        try:
            t0 = time.perf_counter()
            service.warm_up().result()
            t1 = time.perf_counter()
            service.forecast(s, 8, chart=True)
            t2 = time.perf_counter()
            service.forecast(s, 8, chart=True)
            t3 = time.perf_counter()
        finally:
            service.close()
        print(f"Servicio: arrancar el pool {t1 - t0:.2f} s; pedido {t2 - t1:.2f} s; mismo pedido (caché) "
              f"{(t3 - t2) * 1000:.2f} ms")

    code = ("import sys, time; t=time.perf_counter(); import handlers.forecast, bot.app; "
            "print(f'{time.perf_counter()-t:.2f}', 'darts' in sys.modules, 'matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    took, darts, mpl = out.stdout.split()
    print(f"Arranque del bot: importar handlers.forecast + bot.app {took} s; darts importado: {darts}; "
          f"matplotlib importado: {mpl}")


if __name__ == "__main__":
    main()
