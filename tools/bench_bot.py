"""Benchmark of the Telegram bot against the local fake Bot API (tests/botapi.py), on a demo mirror.

Runs the real `sipsabot run` process three times:
  1. limiter off, a burst of N simple price questions: updates handled per second (first update served by
     getUpdates -> last reply received);
  2. limiter off, questions offered at steady rates (30/s = Telegram's cap, 100/s): p50/p95 from the update
     being served to the bot (getUpdates answered) to its sendMessage arriving at the server;
  3. AIORateLimiter on (production configuration): the achieved reply rate vs its configured rate.
Each question comes from a different user (so the per-user flood guard does not interfere).

    .venv/bin/python tools/bench_bot.py [--burst 1000] [--rates 30,100] [--seconds 10] [--limited 300]
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from data import demo  # noqa: E402
from data.db import open_db  # noqa: E402
from tests.botapi import BotAPIServer, BotProcess  # noqa: E402

PRODUCTS = ["papa criolla", "tomate chonto", "cebolla junca", "zanahoria", "aguacate hass", "limón tahití",
            "banano criollo", "arroz de primera", "papa superior", "plátano hartón verde"]
MARKETS = ["corabastos", "paloquemao", "cali", "medellín", "barranquilla", "bucaramanga", "pereira", "cúcuta"]


def questions() -> itertools.cycle[str]:
    return itertools.cycle([f"precio de la {p} en {m}" for p in PRODUCTS for m in MARKETS])


def build_mirror(folder: Path) -> Path:
    path = folder / "mirror.db"
    db = open_db(path)
    demo.build(db.conn)
    db.conn.commit()
    db.conn.close()
    return path


def start(api: BotAPIServer, db: Path, folder: Path, name: str, env: dict[str, str]) -> BotProcess:
    base = {"SIPSABOT_FLOOD_PER_MINUTE": "0", "SIPSABOT_POLL_TIMEOUT": "10", "SIPSABOT_HTTP_TIMEOUT": "10"}
    return BotProcess(api, db, folder / f"{name}.log", {**base, **env}).start()


def warm_up(api: BotAPIServer, first_user: int, count: int = 20) -> None:
    q = questions()
    ids = [api.inject(api.updates.private_text(first_user + i, next(q)))[0] for i in range(count)]
    api.wait_for("sendMessage", where=lambda c: isinstance(c.chat_id, int) and c.chat_id >= first_user,
                 count=len(ids), timeout=60)


def replies_by_chat(api: BotAPIServer, users: range) -> dict[int, float]:
    found: dict[int, float] = {}
    for call in api.calls("sendMessage", ok=True):
        if isinstance(call.chat_id, int) and call.chat_id in users and call.chat_id not in found:
            found[call.chat_id] = call.received
    return found


def wait_replies(api: BotAPIServer, users: range, timeout: float) -> dict[int, float]:
    deadline = time.monotonic() + timeout
    while True:
        found = replies_by_chat(api, users)
        if len(found) >= len(users) or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc), to express capacity independently of the load."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def tree_cpu(pid: int) -> float:
    """CPU seconds of a process and its children (e.g. a forecast worker pool importing darts)."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(stat.parent.name) == pid or int(fields[1]) == pid:
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def settle(pid: int, timeout: float = 20.0) -> None:
    """Wait until the bot (and its children) are idle: start-up work must not count against the figures."""
    deadline = time.monotonic() + timeout
    before = tree_cpu(pid)
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = tree_cpu(pid)
        if now - before < 0.05:
            return
        before = now


def burst(api: BotAPIServer, n: int, first_user: int, pid: int) -> None:
    q = questions()
    cpu0 = cpu_seconds(pid)
    users = range(first_user, first_user + n)
    ids = dict(zip(users, api.inject(*[api.updates.private_text(u, next(q)) for u in users]), strict=True))
    found = wait_replies(api, users, timeout=120)
    served = [api.delivered_at(i) for i in ids.values()]
    start_t = min(t for t in served if t is not None)
    end_t = max(found.values())
    cpu_ms = (cpu_seconds(pid) - cpu0) * 1000 / n
    print(f"  burst: {len(found)}/{n} answered in {end_t - start_t:.2f} s -> "
          f"{len(found) / (end_t - start_t):.0f} updates/s (limiter off); bot process CPU {cpu_ms:.1f} ms/update "
          f"(= {1000 / cpu_ms:.0f} updates/s per fully available core)")


def paced(api: BotAPIServer, rate: float, seconds: float, first_user: int) -> None:
    q = questions()
    n = int(rate * seconds)
    users = range(first_user, first_user + n)
    ids: dict[int, int] = {}
    t0 = time.monotonic()
    for i, user in enumerate(users):
        target = t0 + i / rate
        delay = target - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        ids[user] = api.inject(api.updates.private_text(user, next(q)))[0]
    offered = n / (time.monotonic() - t0)
    found = wait_replies(api, users, timeout=60)
    latencies = []
    for user, update_id in ids.items():
        served = api.delivered_at(update_id)
        if served is not None and user in found:
            latencies.append((found[user] - served) * 1000)
    latencies.sort()
    p50 = statistics.median(latencies)
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    print(f"  steady {offered:.0f} updates/s for {seconds:.0f} s: {len(found)}/{n} answered; "
          f"update served -> sendMessage p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {latencies[-1]:.1f} ms")


def limited(api: BotAPIServer, n: int, first_user: int, configured: float) -> None:
    q = questions()
    users = range(first_user, first_user + n)
    api.inject(*[api.updates.private_text(u, next(q)) for u in users])
    found = wait_replies(api, users, timeout=n / configured * 3 + 30)
    times = sorted(found.values())
    span = times[-1] - times[0]
    rate = (len(times) - 1) / span if span > 0 else float("inf")
    # steady state: skip the first second (the limiter's bucket starts full)
    steady = [t for t in times if t >= times[0] + 1.0]
    steady_rate = (len(steady) - 1) / (steady[-1] - steady[0]) if len(steady) > 1 else rate
    print(f"  limiter on ({configured:.0f} msg/s configured): {len(found)}/{n} replies in {span:.2f} s -> "
          f"{rate:.1f} msg/s overall, {steady_rate:.1f} msg/s after the first second "
          f"({steady_rate / configured:.0%} of the configured rate)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--burst", type=int, default=1000)
    parser.add_argument("--rates", default="30,100", help="steady offered rates (updates/s), comma-separated")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--limited", type=int, default=300)
    parser.add_argument("--overall", type=float, default=30.0, help="AIORateLimiter overall msg/s")
    parser.add_argument("--logs", help="keep the bot's logs in this folder")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.logs or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        db = build_mirror(Path(tmp))
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"SIPSABot — Telegram layer benchmark (local fake Bot API, demo mirror; {os.cpu_count()} cores, "
              f"load average {load} from other work)")
        with BotAPIServer() as api:
            bot = start(api, db, folder, "unlimited", {"SIPSABOT_RATE_LIMIT": "0"})
            try:
                assert bot.proc is not None
                warm_up(api, 1)
                settle(bot.proc.pid)
                burst(api, args.burst, 100_000, bot.proc.pid)
                for i, rate in enumerate(float(r) for r in args.rates.split(",")):
                    paced(api, rate, args.seconds, 200_000 + i * 100_000)
            finally:
                bot.stop()
        with BotAPIServer() as api:
            bot = start(api, db, folder, "limited", {"SIPSABOT_RATE_LIMIT": "1",
                                                     "SIPSABOT_RATE_OVERALL": str(args.overall)})
            try:
                assert bot.proc is not None
                warm_up(api, 1, count=5)
                settle(bot.proc.pid)
                time.sleep(1.5)  # let the limiter's bucket refill after the warm-up
                limited(api, args.limited, 300_000, args.overall)
            finally:
                bot.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
