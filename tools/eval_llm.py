"""`make eval-llm`: question sets through the router with rules only and with the LLM, side by side, one row per set:
exact answers, confidently wrong, asked back, how many questions went to the model, what it fixed or broke, and the
LLM path's latency. Opt-in (a real model, minutes of CPU): never part of `make test` or CI.

    .venv/bin/python tools/eval_llm.py --model var/models/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf \\
        [--db var/eval.db] [--tags "blind11-analytics blind12-analytics"] [--limit N] [--verbose]
    make eval-llm TAGS="blind11-analytics blind12-analytics"

Sets are tags: every blind set's file tags its questions (blind11-analytics, heldout5, …); `etiquetado` is the
labelled set. Without --tags: the labelled set and every blind set under tests/questions/blind/. SIPSABOT_LLM_URL
instead of --model measures a server. Without --db the evaluation mirror is built once from the real weekly CSV
(../shared/sipsa, or --csv).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.config import Settings  # noqa: E402
from models import evaluation  # noqa: E402
from models.answer import ChatState  # noqa: E402
from models.llm.calls import CallLog, LLMCall, format_latency  # noqa: E402
from models.llm.worker import build_parser  # noqa: E402

CSV_NAME = Path("sipsa") / "series" / "semanal_precios_2017-2025.csv.gz"


def find_csv(given: str | None) -> Path:
    candidates = [Path(given)] if given else [p / "shared" / CSV_NAME for p in (ROOT.parent, ROOT.parent.parent)]
    for path in candidates:
        if path.is_file():
            return path
    raise SystemExit(f"no weekly CSV at {', '.join(map(str, candidates))} (use --csv)")


def all_sets() -> list[str]:
    _meta, records = evaluation.load_questions(blind=True)
    names = [evaluation.LABELLED]
    for rec in records:
        names += [t for t in rec.get("tags", []) if evaluation.BLIND_TAG.fullmatch(t) and t not in names]
    return names


class Recorder:
    """The router's LLM callable, keeping which calls each set's questions made (for per-set counts and latency)."""

    def __init__(self, parser: CallLog) -> None:
        self.parser = parser
        self.current = ""
        self.by_set: dict[str, list[LLMCall]] = {}

    def __call__(self, text: str, state: ChatState | None = None,
                 today: dt.date | None = None, options: tuple[str, ...] = ()) -> dict[str, Any] | None:
        seen = len(self.parser.recorded())
        try:
            result: dict[str, Any] | None = self.parser(text, state, today, options)
            return result
        finally:
            self.by_set.setdefault(self.current, []).extend(self.parser.recorded()[seen:])


@dataclass
class Row:
    name: str
    rules: evaluation.Report
    with_llm: evaluation.Report
    calls: list[LLMCall]
    rules_s: float
    llm_s: float


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", help="GGUF (default SIPSABOT_LLM_MODEL)")
    ap.add_argument("--threads", type=int)
    ap.add_argument("--db", help="evaluation mirror (default var/eval.db, built from the CSV when missing)")
    ap.add_argument("--tags", default="", help="sets to measure, space or comma separated (default: all)")
    ap.add_argument("--limit", type=int, default=0, help="first N questions of each set")
    ap.add_argument("--csv", help="the weekly long CSV the evaluation mirror is built from")
    ap.add_argument("--verbose", action="store_true", help="list every model call and every changed answer")
    args = ap.parse_args()
    settings = Settings.from_env()
    settings = replace(settings, llm_model_path=args.model or settings.llm_model_path,
                       llm_threads=args.threads or settings.llm_threads)
    db = Path(args.db) if args.db else evaluation.DEFAULT_DB
    if not args.db:
        evaluation.ensure_mirror(db, csv_path=find_csv(args.csv), out=sys.stdout)
    names = [t for t in args.tags.replace(",", " ").split() if t] or all_sets()

    t0 = time.monotonic()
    parser = build_parser(settings, wait_ready=1800)
    if parser is None:
        print("No LLM configured (--model, SIPSABOT_LLM_MODEL or SIPSABOT_LLM_URL)", file=sys.stderr)
        return 2
    worker = getattr(parser, "worker", None)
    if worker is not None and worker.facts is not None:
        f = worker.facts
        print(f"LLM {Path(f.path).name} listo en {time.monotonic() - t0:.1f} s: carga {f.load_s:.2f} s, prompt de "
              f"sistema {f.prefix_tokens} tokens en {f.prefix_s:.2f} s ({f.prefix_source}), {f.threads} hilos; "
              f"carga media de la máquina {os.getloadavg()[0]:.1f}")
    recorder = Recorder(parser)
    rows: list[Row] = []
    for name in names:
        t0 = time.monotonic()
        rules = evaluation.run(db_path=db, llm=None, limit=args.limit, tag=name)
        t1 = time.monotonic()
        recorder.current = name
        with_llm = evaluation.run(db_path=db, llm=recorder, limit=args.limit, tag=name)
        rows.append(Row(name, rules, with_llm, recorder.by_set.get(name, []), t1 - t0, time.monotonic() - t1))
        if not rules.outcomes:
            print(f"{name}: no questions carry this tag", file=sys.stderr)
        print(changes(rows[-1], verbose=args.verbose), flush=True)
    print(format_latency(parser, per_question=args.verbose))
    parser.close()
    print(f"\ncarga media de la máquina al terminar: {os.getloadavg()[0]:.1f}")
    print(table(rows))
    return 0


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"


def _pcts(times: list[float]) -> str:
    if not times:
        return "–"
    times = sorted(times)
    return f"{statistics.median(times):.1f} / {times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]:.1f} s"


def table(rows: list[Row]) -> str:
    """One line per set, rules-only against rules + LLM (Markdown, ready for the README)."""
    lines = ["| conjunto | preguntas | exacta reglas | exacta + LLM | conf. equivocada reglas | conf. equivocada + LLM "
             "| al modelo | arregladas / estropeadas | LLM p50 / p95 |",
             "|---|---|---|---|---|---|---|---|---|"]
    totals = [0] * 7
    all_calls: list[float] = []
    for row in rows:
        n = len(row.rules.outcomes)
        pairs = list(zip(row.rules.outcomes, row.with_llm.outcomes, strict=True))
        figures = [n, sum(o.exact for o in row.rules.outcomes), sum(o.exact for o in row.with_llm.outcomes),
                   sum(o.confidently_wrong for o in row.rules.outcomes),
                   sum(o.confidently_wrong for o in row.with_llm.outcomes),
                   sum(b.exact and not a.exact for a, b in pairs), sum(a.exact and not b.exact for a, b in pairs)]
        totals = [t + f for t, f in zip(totals, figures, strict=True)]
        all_calls += [c.total_s for c in row.calls]
        lines.append(_line(row.name, figures, len(row.calls), [c.total_s for c in row.calls]))
    if len(rows) > 1:
        lines.append(_line("**total**", totals, len(all_calls), all_calls))
    return "\n".join(lines)


def _line(name: str, f: list[int], calls: int, times: list[float]) -> str:
    n = f[0]
    return (f"| {name} | {n} | {_pct(f[1], n)} | {_pct(f[2], n)} | {_pct(f[3], n)} ({f[3]}) | {_pct(f[4], n)} ({f[4]}) "
            f"| {calls} | {f[5]} / {f[6]} | {_pcts(times)} |")


def changes(row: Row, verbose: bool = False) -> str:
    """What the model changed in one set, question by question (same order in both runs)."""
    pairs = list(zip(row.rules.outcomes, row.with_llm.outcomes, strict=True))
    fixed = [(a, b) for a, b in pairs if b.exact and not a.exact]
    broke = [(a, b) for a, b in pairs if a.exact and not b.exact]
    changed = [(a, b) for a, b in pairs if a.answer.text != b.answer.text]
    wrong = [(a, b) for a, b in pairs if b.confidently_wrong and not a.confidently_wrong]
    lines = [f"{row.name}: {len(pairs)} preguntas, {len(row.calls)} al modelo; respuestas distintas {len(changed)}, "
             f"arregladas {len(fixed)}, estropeadas {len(broke)}, nuevas confiadamente equivocadas {len(wrong)} "
             f"(reglas {row.rules_s:.0f} s, con LLM {row.llm_s:.0f} s)"]
    lines += [f"  + [{a.record['id']}] {a.record['q']!r}" for a, _ in fixed]
    lines += [f"  - [{a.record['id']}] {a.record['q']!r}: {'; '.join(b.problems)[:160]}" for a, b in broke]
    if verbose:
        lines += [f"  ~ [{a.record['id']}] {a.record['q']!r}\n      reglas: {a.answer.text[:140]!r}\n"
                  f"      con LLM: {b.answer.text[:140]!r}" for a, b in changed if (a, b) not in fixed + broke]
        lines += [f"    {c.total_s:5.1f} s {c.outcome:8s} {c.text[:70]!r} -> {c.intent} {'; '.join(c.notes)[:100]}"
                  for c in row.calls]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
