"""Alert benchmarks (prints figures; the machine may be shared, so timings are noisy).

1. Evaluating 100,000 subscriptions after a refresh (target: at most 2 s): a mirror with 60 products x 30
   markets of weekly prices, 100,000 subscriptions over those series (threshold, % change and digest rules),
   then one new week imported; `models.alerts.evaluate` is timed (read, rules, outbox and state writes, one
   transaction).
2. Fan-out of 1,000 alerts to the local fake Bot API through PTB's AIORateLimiter: achieved messages/s against
   the configured limit (30/s by default), and with the limiter out of the way (the bot's own capacity).

Usage: .venv/bin/python tools/bench_alerts.py [--subs 100000] [--alerts 1000] [--rate 30]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from data import alerts_store as store
from data.db import open_db
from data.importers.base import import_run
from models import alerts

SATURDAY = dt.date(2026, 10, 3)


def add_week(conn, n: int, products: int, markets: int, rng: random.Random) -> None:
    start = SATURDAY + dt.timedelta(weeks=n)
    with import_run(conn, source="bench", fmt="bench", dataset="weekly_prices") as batch:
        rows = []
        for p in range(products):
            pid = batch.names.product(f"Producto de prueba {p:03d}")
            for m in range(markets):
                mid = batch.names.market(f"Ciudad {m:02d}, Mercado de prueba {m:02d}")
                rows.append((pid, mid, start.isoformat(), (start + dt.timedelta(days=6)).isoformat(), None, None,
                             round(2000 * (1 + 0.2 * rng.uniform(-1, 1))), "", "bench"))
        batch.upsert("weekly_prices", rows)


def bench_evaluation(n_subs: int, workdir: Path, spread: float, label: str) -> None:
    """`spread`: thresholds are drawn within +-spread of 2,000 COP while prices move +-20 %: 0.25 makes about
    half the subscriptions fire (a stress case), 1.5 a few percent (closer to real use)."""
    rng = random.Random(3)
    conn = open_db(workdir / f"eval-{label}.db").conn
    add_week(conn, 0, 60, 30, rng)
    alerts.evaluate(conn)
    series = conn.execute("SELECT product_id, market_id FROM weekly_prices").fetchall()
    products = sorted({p for p, _ in series})
    rules = []
    for i in range(n_subs):
        kind = i % 10
        if kind < 6:
            pid, mid = series[i % len(series)]
            rules.append((100_000 + i, pid, mid, "below" if kind % 2 else "above",
                          2000 / (1 + rng.uniform(0, spread)) if kind % 2 else 2000 * (1 + rng.uniform(0, spread)), ""))
        elif kind < 9:
            pid, mid = series[i % len(series)]
            rules.append((100_000 + i, pid, mid, "change", rng.choice([5.0, 10.0, 15.0]) * (1 + 4 * (spread > 1)),
                          rng.choice(["up", "down", "any"])))
        else:
            rules.append((100_000 + i, products[i % len(products)], None, "digest", None, ""))
    conn.executemany(
        "INSERT INTO alert_subscriptions (chat_id, product_id, market_id, dataset, rule, threshold, direction, armed, "
        "last_period, created_at) VALUES (?, ?, ?, 'weekly', ?, ?, ?, 1, ?, '2026-11-27T00:00:00+00:00')",
        [(*r[:6], SATURDAY.isoformat()) for r in rules])
    conn.commit()
    add_week(conn, 1, 60, 30, rng)
    t0, c0 = time.perf_counter(), time.process_time()
    result = alerts.evaluate(conn)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"evaluation ({label}): {result.evaluated:,} subscriptions evaluated, {result.queued:,} alerts queued in "
          f"{elapsed:.2f} s wall, {cpu:.2f} s CPU (target <= 2 s) -> {'OK' if elapsed <= 2 else 'OVER TARGET'}")
    t0 = time.perf_counter()
    again = alerts.evaluate(conn)
    print(f"evaluation with nothing new: {again.evaluated} evaluated in {time.perf_counter() - t0:.3f} s")
    conn.close()


def _payload(i: int) -> str:
    return json.dumps({"kind": "alert", "rule": "below", "threshold": 2000.0, "direction": "",
                       "product": f"Producto de prueba {i % 60:03d}", "unit": "kg",
                       "market": "Bogotá, D.C., Corabastos",
                       "dataset": "weekly", "demo": False, "latest": ["2026-10-10", "2026-10-16", 1850.0],
                       "previous": ["2026-10-03", "2026-10-09", 2100.0], "pct": -11.9})


async def fanout(n: int, rate: float | None, workdir: Path, tag: str) -> float:
    from telegram.ext import AIORateLimiter, Application

    from handlers.jobs import AlertJobs
    from tests.botapi import BotAPIServer

    path = workdir / f"fanout-{tag}.db"
    conn = open_db(path).conn
    now = store.utc_now()
    conn.executemany("INSERT INTO alert_queue (key, subscription_id, chat_id, period, payload, created_at) "
                     "VALUES (?, ?, ?, '2026-10-10', ?, ?)",
                     [(f"{i}:2026-10-10", i, 50_000 + i, _payload(i), now)
                      for i in range(n)])
    conn.commit()
    conn.close()
    with BotAPIServer() as api:
        from handlers.context import CONTEXT_TYPES

        builder = Application.builder().context_types(CONTEXT_TYPES).token(api.token).base_url(api.base_url)
        if rate is not None:
            builder = builder.rate_limiter(AIORateLimiter(overall_max_rate=rate, overall_time_period=1))
        app = builder.build()
        async with app:
            aj = AlertJobs(db_path=path, settings=None, tz=ZoneInfo("America/Bogota"), concurrency=8)
            t0 = time.perf_counter()
            stats = await aj.drain(app.bot)
            elapsed = time.perf_counter() - t0
            aj.close()
        assert stats.sent == n == len(api.calls("sendMessage", ok=True)), (stats, n)
    return n / elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--subs", type=int, default=100_000)
    parser.add_argument("--alerts", type=int, default=1000)
    parser.add_argument("--rate", type=float, default=30.0)
    args = parser.parse_args()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {os.cpu_count()} CPUs, load average {load:.1f} (wall times stretch when the machine is shared; "
          "CPU time is the process's own work)")
    with tempfile.TemporaryDirectory(prefix="bench-alerts-") as tmp:
        bench_evaluation(args.subs, Path(tmp), 0.25, "stress, about half fire")
        bench_evaluation(args.subs, Path(tmp), 1.5, "typical, few fire")
        limited = asyncio.run(fanout(args.alerts, args.rate, Path(tmp), "limited"))
        print(f"fan-out: {args.alerts:,} alerts through AIORateLimiter at {limited:.1f} msg/s "
              f"(configured limit {args.rate:g} msg/s, {100 * limited / args.rate:.0f} % of it)")
        free = asyncio.run(fanout(args.alerts, None, Path(tmp), "free"))
        print(f"fan-out without the limiter (own capacity, 8 chats in flight): {free:.1f} msg/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
