"""The global forecast model on the whole real weekly table (issue 12 targets: training <= 60 s on 2 cores,
a forecast answer <= 1 s warm).

Steps: import ../shared/sipsa's long weekly CSV into a temporary mirror; time `global_store.ensure_trained`
(read every weekly series from the mirror, build the lag table, train the holdout and the full model, save the
artefact) in wall and CPU seconds; then time forecasts through `service.compute` with the artefact loaded (the
first call loads it; the next ones are what a warm worker does) for Papa criolla limpia in Corabastos, h=8, with
and without the chart. Prints the load average: this machine is shared, wall times are conservative.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from data.db import open_db  # noqa: E402
from data.importer import import_file  # noqa: E402
from data.series import find_market, find_product, load_series  # noqa: E402

CSV = Path("/work/shared/sipsa/series/semanal_precios_2017-2025.csv.gz")
if not CSV.exists():
    CSV = ROOT.parent / "shared" / "sipsa" / "series" / "semanal_precios_2017-2025.csv.gz"


def main() -> int:
    if not CSV.exists():
        print(f"skip: {CSV} not found (../shared/sipsa absent)")
        return 0
    from models.forecast import global_store
    from models.forecast.service import compute
    from models.forecast.workers import init_worker

    init_worker()
    print(f"load average at start: {os.getloadavg()[0]:.1f} (2 cores)")
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "mirror.db"
        db = open_db(db_path)
        t0 = time.perf_counter()
        import_file(db.conn, CSV)
        db.conn.commit()
        print(f"mirror from the CSV: {time.perf_counter() - t0:.1f} s")
        folder = Path(tmp) / "models" / "forecast"
        w0, c0 = time.perf_counter(), time.process_time()
        line = global_store.ensure_trained(db_path, folder)
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
        print(f"training (read panel + holdout + full model + save): wall {wall:.1f} s, CPU {cpu:.1f} s "
              f"(target <= 60 s); {line}")
        print(f"load average after training: {os.getloadavg()[0]:.1f}")
        conn = db.conn
        product, market = find_product(conn, "Papa criolla limpia"), find_market(conn, "Bogotá, D.C., Corabastos")
        assert product and market
        series = load_series(conn, product[0], market[0], "W")
        t0 = time.perf_counter()
        result, _ = compute(series, 8, False, folder)
        print(f"first forecast (loads the artefact): {time.perf_counter() - t0:.2f} s; models per step: "
              f"{', '.join(result.step_models)}")
        for chart in (False, True):
            times = []
            for _ in range(5):
                t0 = time.perf_counter()
                compute(series, 8, chart, folder)
                times.append(time.perf_counter() - t0)
            print(f"warm forecast h=8{' + chart' if chart else ''}: median {statistics.median(times):.2f} s, "
                  f"max {max(times):.2f} s (target <= 1 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
