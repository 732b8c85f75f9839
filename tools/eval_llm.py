"""`make eval-llm`: the labelled and blind question sets through the router with rules only and with the LLM, side by
side: accuracy, how many questions went to the model, which answers the model fixed or broke, confidently wrong,
and the LLM path's latency. Opt-in (a real model, minutes of CPU): never part of `make test` or CI.

    .venv/bin/python tools/eval_llm.py --model var/models/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf [--limit N]

SIPSABOT_LLM_URL instead of --model measures a server. The evaluation mirror is built once from the real weekly
CSV (../shared/sipsa, or --csv).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.config import Settings  # noqa: E402
from models import evaluation  # noqa: E402
from models.llm.calls import format_latency  # noqa: E402
from models.llm.worker import build_parser  # noqa: E402

CSV_NAME = Path("sipsa") / "series" / "semanal_precios_2017-2025.csv.gz"


def find_csv(given: str | None) -> Path:
    candidates = [Path(given)] if given else [p / "shared" / CSV_NAME for p in (ROOT.parent, ROOT.parent.parent)]
    for path in candidates:
        if path.is_file():
            return path
    raise SystemExit(f"no weekly CSV at {', '.join(map(str, candidates))} (use --csv)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", help="GGUF (default SIPSABOT_LLM_MODEL)")
    ap.add_argument("--threads", type=int)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--csv", help="the weekly long CSV the evaluation mirror is built from")
    ap.add_argument("--verbose", action="store_true", help="list every question the model changed")
    args = ap.parse_args()
    settings = Settings.from_env()
    settings = replace(settings, llm_model_path=args.model or settings.llm_model_path,
                       llm_threads=args.threads or settings.llm_threads)
    evaluation.ensure_mirror(evaluation.DEFAULT_DB, csv_path=find_csv(args.csv), out=sys.stdout)

    t0 = time.monotonic()
    rules = evaluation.run(llm=None, limit=args.limit, out=sys.stdout)
    rules_s = time.monotonic() - t0
    print(evaluation.format_report(rules))
    print(f"(reglas: {rules_s:.0f} s)\n")

    t0 = time.monotonic()
    parser = build_parser(settings, wait_ready=1800)
    if parser is None:
        print("No LLM configured (--model, SIPSABOT_LLM_MODEL or SIPSABOT_LLM_URL)", file=sys.stderr)
        return 2
    worker = getattr(parser, "worker", None)
    if worker is not None and worker.facts is not None:
        f = worker.facts
        print(f"LLM listo en {time.monotonic() - t0:.1f} s: carga {f.load_s:.2f} s, prompt de sistema "
              f"{f.prefix_tokens} tokens en {f.prefix_s:.2f} s ({f.prefix_source}), {f.threads} hilos")
    t0 = time.monotonic()
    with_llm = evaluation.run(llm=parser, limit=args.limit, out=sys.stdout)
    llm_s = time.monotonic() - t0
    print(evaluation.format_report(with_llm))
    print(f"(con LLM: {llm_s:.0f} s)")
    print(format_latency(parser, per_question=args.verbose))
    parser.close()
    print(compare(rules, with_llm, verbose=args.verbose))
    return 0


def compare(rules: evaluation.Report, with_llm: evaluation.Report, verbose: bool = False) -> str:
    """What the model changed, question by question (same order in both runs)."""
    pairs = list(zip(rules.outcomes, with_llm.outcomes, strict=True))
    fixed = [(a, b) for a, b in pairs if b.exact and not a.exact]
    broke = [(a, b) for a, b in pairs if a.exact and not b.exact]
    changed = [(a, b) for a, b in pairs if a.answer.text != b.answer.text]
    n = len(pairs)

    def count(report: evaluation.Report, pick: str) -> int:
        return sum(1 for o in report.outcomes if getattr(o, pick))

    lines = [
        "Reglas frente a reglas + LLM:",
        f"  respuesta exacta: {count(rules, 'exact')}/{n} -> {count(with_llm, 'exact')}/{n}",
        f"  confiadamente equivocada: {count(rules, 'confidently_wrong')}/{n} -> "
        f"{count(with_llm, 'confidently_wrong')}/{n}",
        f"  aclaraciones: {count(rules, 'clarified')}/{n} -> {count(with_llm, 'clarified')}/{n}",
        f"  respuestas distintas: {len(changed)}; arregladas por el LLM: {len(fixed)}; estropeadas: {len(broke)}",
    ]
    if verbose or len(fixed) + len(broke) <= 40:
        lines += [f"  + [{a.record['id']}] {a.record['q']!r}" for a, _ in fixed]
        lines += [f"  - [{a.record['id']}] {a.record['q']!r}: {'; '.join(b.problems)[:160]}" for a, b in broke]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
