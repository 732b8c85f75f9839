"""Router latency on the full mirror: every question of the labelled set, several rounds.

    .venv/bin/python tools/bench_router.py [--db var/eval.db] [--rounds 3]

Builds the evaluation mirror from ../shared/sipsa/series/semanal_precios_2017-2025.csv.gz when it is missing
(see `sipsabot eval`). Prints the one-off vocabulary load, then p50 / p95 / max per question.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from data.db import connect  # noqa: E402
from models import evaluation  # noqa: E402
from models.answer import ChatState  # noqa: E402
from models.resolve import vocabulary  # noqa: E402
from models.router import Router  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default=str(evaluation.DEFAULT_DB))
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    meta, records = evaluation.load_questions()
    path = evaluation.ensure_mirror(Path(args.db), out=sys.stdout)
    conn = connect(path, readonly=True)
    rows = conn.execute("SELECT count(*) FROM weekly_prices").fetchone()[0]
    today = dt.date.fromisoformat(meta["today"])
    t0 = time.perf_counter()
    vocabulary(conn)
    load = time.perf_counter() - t0
    router = Router(lambda: conn, today=lambda: today)
    times: list[float] = []
    first_round: list[float] = []
    for round_no in range(args.rounds):
        for record in records:
            state = ChatState()
            for earlier in record.get("prev", []):
                router.answer(earlier, state)
            t = time.perf_counter()
            router.answer(record["q"], state)
            times.append(time.perf_counter() - t)
            if round_no == 0:
                first_round.append(times[-1])
    times.sort()
    first_round.sort()

    def pct(q: float) -> float:
        return times[min(len(times) - 1, int(q * len(times)))] * 1000

    print(f"Espejo: {path} ({rows:,} precios semanales)".replace(",", "."))
    print(f"Carga del vocabulario (una vez por versión de datos): {load * 1000:.0f} ms")
    print(f"Preguntas: {len(records)} × {args.rounds} rondas = {len(times)} respuestas")
    print(f"Latencia por pregunta: p50 {pct(0.5):.2f} ms · p95 {pct(0.95):.2f} ms · p99 {pct(0.99):.2f} ms · "
          f"máx {times[-1] * 1000:.1f} ms · media {statistics.mean(times) * 1000:.2f} ms")
    cold = first_round[min(len(first_round) - 1, int(0.95 * len(first_round)))] * 1000
    print(f"Primera ronda (sin resultados memorizados por versión de datos): p95 {cold:.2f} ms · "
          f"máx {first_round[-1] * 1000:.1f} ms")
    print("Objetivos: p50 ≤ 20 ms, p95 ≤ 100 ms (máquina compartida de 2 núcleos: cifras con ruido)")


if __name__ == "__main__":
    main()
