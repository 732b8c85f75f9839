"""Benchmarks of the mirror (run by `make bench`, or alone: .venv/bin/python tools/bench_data.py [--quick]).

1. Import of the full long CSV (../shared/sipsa/series/semanal_precios_2017-2025.csv.gz, 1.57M rows) into an
   empty mirror, in a child process: wall time and peak RSS. Targets: <= 20 s, <= 600 MB.
   In the same run: the floor, a bare sqlite3.executemany of the same (already parsed) rows into an unindexed
   table, and the ratio floor/ours (aim >= 0.5). Then a re-import of the same file (must change nothing).
2. Streaming import of a generated SOAP response of 300,000 records, served by a local HTTP server and fetched
   by `sipsabot refresh` in a child process: peak RSS. Target <= 200 MB.
3. Latest price for a product x market on the full mirror (data.queries.latest_price): p50 / p95. Target p50 <= 1 ms.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LONG_CSV = ROOT.parent / "shared" / "sipsa" / "series" / "semanal_precios_2017-2025.csv.gz"

# Peak RSS is read from /proc/self/status VmHWM (reset at exec, unlike ru_maxrss which a child inherits).
PEAK = "int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])"
CHILD_IMPORT = f"""
import sys, time
from data.db import open_db
from data.importer import import_file
db = open_db(sys.argv[1])
t0, c0 = time.perf_counter(), time.process_time()
r = import_file(db.conn, sys.argv[2])
print(time.perf_counter() - t0, r.inserted, r.updated, r.unchanged, r.rejected, {PEAK}, time.process_time() - c0)
"""
CHILD_FLOOR = """
import csv, sqlite3, sys, time
from data.importers.long_csv import open_text
with open_text(sys.argv[2]) as fh:
    reader = csv.reader(fh)
    next(reader)
    rows = [(r[0], r[1], r[2], r[3], r[4], float(r[5] or 0), float(r[6] or 0), float(r[7] or 0), r[8])
            for r in reader]
conn = sqlite3.connect(sys.argv[1])
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("PRAGMA synchronous = NORMAL")
conn.execute("CREATE TABLE t (a TEXT, b TEXT, c TEXT, d TEXT, e TEXT, f REAL, g REAL, h REAL, i TEXT)")
t0, c0 = time.perf_counter(), time.process_time()
with conn:
    conn.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
print(time.perf_counter() - t0, len(rows), time.process_time() - c0)
"""


def _child_import(db: Path, path: Path) -> tuple[float, int, int, int, int, float, float]:
    """(wall s, inserted, updated, unchanged, rejected, peak RSS MB, CPU s) of one import in a child process."""
    out = subprocess.run([sys.executable, "-c", CHILD_IMPORT, str(db), str(path)], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout.split()
    secs, ins, upd, unch, rej, rss, cpu = out
    return float(secs), int(ins), int(upd), int(unch), int(rej), int(rss) / 1024, float(cpu)


def floor(path: Path, workdir: Path) -> tuple[float, int, float]:
    """Seconds of a bare executemany of the file's rows (parsed beforehand, not timed) into an unindexed
    table, in a child process (the same WAL / synchronous settings as the mirror)."""
    target = workdir / "floor.db"
    for leftover in workdir.glob("floor.db*"):
        leftover.unlink()
    out = subprocess.run([sys.executable, "-c", CHILD_FLOOR, str(target), str(path)], cwd=ROOT,
                         check=True, capture_output=True, text=True).stdout.split()
    return float(out[0]), int(out[1]), float(out[2])


def bench_long_csv(workdir: Path) -> Path | None:
    if not LONG_CSV.exists():
        print(f"long CSV: skipped ({LONG_CSV} not found)")
        return None
    # The machine is shared: each side runs twice, alternating, and the best run of each is compared
    # (wall time, and CPU time which the other engineers' load disturbs less).
    runs, floors = [], []
    for attempt in range(2):
        db = workdir / f"full{attempt}.db"
        runs.append(_child_import(db, LONG_CSV))
        floors.append(floor(LONG_CSV, workdir))
    secs, ins, upd, unch, rej = min(runs, key=lambda r: r[0])[:5]
    cpu = min(r[6] for r in runs)
    floor_s, n, floor_cpu = min(f[0] for f in floors), floors[0][1], min(f[2] for f in floors)
    print(f"long CSV import (empty mirror): {secs:.1f} s wall, {cpu:.1f} s CPU, "
          f"peak RSS {max(r[5] for r in runs):.0f} MB [targets <= 20 s, <= 600 MB]; inserted {ins:,}, "
          f"updated {upd}, unchanged {unch}, rejected {rej} (runs: {', '.join(f'{r[0]:.1f}' for r in runs)} s)")
    print(f"floor (bare executemany of {n:,} parsed rows, unindexed table): {floor_s:.1f} s wall, {floor_cpu:.1f} s "
          f"CPU (runs: {', '.join(f'{f[0]:.1f}' for f in floors)} s); ratio floor/ours = {floor_s / secs:.2f} wall, "
          f"{floor_cpu / cpu:.2f} CPU [aim >= 0.5]")
    again = _child_import(db, LONG_CSV)
    print(f"long CSV re-import (same file): {again[0]:.1f} s, peak RSS {again[5]:.0f} MB; inserted {again[1]}, "
          f"updated {again[2]}, unchanged {again[3]:,}")
    return db


def bench_soap(workdir: Path) -> None:
    from tests.soap_server import SoapServer, city_records, write_response

    big = write_response(workdir / "ciudad.xml", "promediosSipsaCiudad", city_records(300_000))
    db = workdir / "soap.db"
    probe = (f"import sys; from bot.cli import main; rc = main(sys.argv[1:]); print('PEAK_RSS_KB', {PEAK}); "
             "sys.exit(rc)")
    with SoapServer({"promediosSipsaCiudad": big}) as server:
        env = {**os.environ, "SIPSABOT_SOAP_URL": server.url, "SIPSABOT_SOAP_RETRIES": "0", "SIPSABOT_DB": str(db)}
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", probe, "refresh", "daily-city", "--json"], cwd=ROOT, env=env,
                              capture_output=True, text=True, check=True)
        secs = time.perf_counter() - t0
    out, _, rss = proc.stdout.rpartition("PEAK_RSS_KB")
    result = json.loads(out)[0]
    print(f"SOAP refresh of 300,000 records ({big.stat().st_size / 1e6:.0f} MB XML): {secs:.1f} s total "
          f"(download {result['download_s']:.1f} s, import {result['import_s']:.1f} s), "
          f"peak RSS {int(rss) / 1024:.0f} MB [target <= 200 MB]; inserted {result['import']['inserted']:,}")


def bench_latest(db: Path) -> None:
    from data import queries
    from data.db import connect

    conn = connect(db, readonly=True)
    pairs = conn.execute("SELECT DISTINCT product_id, market_id FROM weekly_prices").fetchall()
    rng = random.Random(1)
    sample = [rng.choice(pairs) for _ in range(2000)]
    times = []
    for product_id, market_id in sample:
        t0 = time.perf_counter()
        found = queries.latest_price(conn, product_id, market_id)
        times.append(time.perf_counter() - t0)
        assert found is not None
    times.sort()
    print(f"latest price product x market ({len(pairs):,} pairs, {len(sample)} lookups): "
          f"p50 {statistics.median(times) * 1e3:.3f} ms, p95 {times[int(len(times) * 0.95)] * 1e3:.3f} ms "
          "[target p50 <= 1 ms]")


def main() -> int:
    print(f"== bench_data (machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; shared, timings noisy)")
    with tempfile.TemporaryDirectory(prefix="bench-data-") as tmp:
        workdir = Path(tmp)
        db = bench_long_csv(workdir)
        if db is not None:
            bench_latest(db)
        if "--quick" not in sys.argv:
            bench_soap(workdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
