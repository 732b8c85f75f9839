"""Analytical answers' latency on the full mirror (target p95 <= 20 ms per question).

    .venv/bin/python tools/bench_analytics.py [--db var/eval.db] [--rounds 3]

Questions are generated here from the 40 busiest product x market series of the mirror and one template per
statistic (max/min over a year or all history, median, year over year, season, "cara para la época", rankings of
a food group, counts, national movers of a group and trade units), so every analytical path is timed on real
series. Builds the evaluation mirror from the real CSV when it is missing (see `sipsabot eval`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from data.db import connect  # noqa: E402
from models import evaluation  # noqa: E402
from models.answer import ChatState  # noqa: E402
from models.router import Router  # noqa: E402

TEMPLATES = (
    "¿cuál fue el precio más alto de {p} en {m} en 2024?",
    "cuando estuvo mas barata {p} en {m}",
    "mediana de {p} en {m} en 2023",
    "¿{p} está más cara que hace un año en {m}?",
    "¿en qué mes baja {p} en {m}?",
    "¿está cara {p} en {m} para la época?",
    "¿en cuántos mercados hay precio de {p}?",
    "¿cuánto vale la arroba de {p} en {m}?",
)
GROUP_QUESTIONS = ("¿cuál es la fruta más cara en {m}?", "las 3 verduras más baratas de {m}",
                   "¿cuántos productos cotiza {m}?", "qué frutas subieron más a nivel nacional en octubre")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default=str(evaluation.DEFAULT_DB))
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    meta, _ = evaluation.load_questions()
    path = evaluation.ensure_mirror(Path(args.db), out=sys.stdout)
    conn = connect(path, readonly=True)
    pairs = conn.execute(
        "SELECT p.name, m.name FROM weekly_prices w JOIN products p ON p.id = w.product_id "
        "JOIN markets m ON m.id = w.market_id WHERE p.unit = 'kg' GROUP BY w.product_id, w.market_id "
        "ORDER BY count(*) DESC LIMIT 40").fetchall()
    markets = sorted({m for _, m in pairs})
    questions = [t.format(p=p.lower(), m=m) for p, m in pairs for t in TEMPLATES]
    questions += [t.format(m=m) for m in markets for t in GROUP_QUESTIONS]
    today = dt.date.fromisoformat(meta["today"])
    router = Router(lambda: conn, today=lambda: today)
    router.answer("precio de la papa criolla en Corabastos")  # the vocabulary is loaded once per data version
    times: list[float] = []
    stats: dict[str, int] = {}
    for _ in range(args.rounds):
        for text in questions:
            t0 = time.perf_counter()
            answer = router.answer(text, ChatState())
            times.append(time.perf_counter() - t0)
            key = str(answer.slots.get("stat") or answer.intent)
            stats[key] = stats.get(key, 0) + 1
    times.sort()

    def pct(q: float) -> float:
        return times[min(len(times) - 1, int(q * len(times)))] * 1000

    rows = conn.execute("SELECT count(*) FROM weekly_prices").fetchone()[0]
    print(f"Espejo: {path} ({rows:,} precios semanales)".replace(",", "."))
    print(f"Preguntas analíticas: {len(questions)} x {args.rounds} rondas; respuestas por tipo: "
          + ", ".join(f"{k} {v // args.rounds}" for k, v in sorted(stats.items())))
    print(f"Latencia por pregunta: p50 {pct(0.5):.2f} ms · p95 {pct(0.95):.2f} ms · p99 {pct(0.99):.2f} ms · "
          f"máx {times[-1] * 1000:.1f} ms (meta p95 <= 20 ms)")


if __name__ == "__main__":
    main()
