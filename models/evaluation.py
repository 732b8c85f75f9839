"""`sipsabot eval`: run the labelled question set (tests/questions/*.jsonl) through the router on a mirror
built from the real long CSV and measure intent, slot and exact-answer accuracy.

Each record: {"id", "q", "prev": [earlier questions of the same chat], "intent", "slots": {...},
"expect": "answer" | "clarify" | "no_numbers", "values": [{"kind", "value", "market", "date"}], "tags": [...]}.
Expected values were computed by tools/label_questions.py with pandas straight from the CSV, not by the router.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from data import queries as q
from data.db import connect, open_db
from data.text import fold
from models.answer import Answer, ChatState, Value
from models.router import Router

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = ROOT / "tests" / "questions"
DEFAULT_CSV = ROOT.parent / "shared" / "sipsa" / "series" / "semanal_precios_2017-2025.csv.gz"
DEFAULT_DB = ROOT / "var" / "eval.db"
BLIND_TAG = re.compile(r"heldout\d+|blind\d+(-\w+)?")  # the tag each blind set's questions carry
LABELLED = "etiquetado"  # `--tag etiquetado`: the labelled set alone (tests/questions/questions.jsonl)
SLOT_KEYS = ("product", "market", "city", "start", "end", "horizon", "freq", "threshold", "direction", "change_pct",
             "rule")


@dataclass
class Outcome:
    record: dict[str, Any]
    answer: Answer
    seconds: float
    intent_ok: bool
    slots_ok: bool
    exact: bool
    clarified: bool
    confidently_wrong: bool
    problems: list[str] = field(default_factory=list)


@dataclass
class Report:
    outcomes: list[Outcome]
    today: str
    db: str
    llm: bool = False

    def rate(self, pick: Callable[[Outcome], bool], among: Iterable[Outcome] | None = None) -> tuple[float, int]:
        group = list(self.outcomes if among is None else among)
        return (sum(1 for o in group if pick(o)) / len(group) if group else 0.0), len(group)


def load_questions(folder: Path = QUESTIONS, *, blind: bool = False) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The labelled set; with blind=True also folder/blind/*.jsonl (the blind held-out sets, measured by
    `sipsabot eval` only, never a unit-test gate, so nobody tunes the router to it)."""
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    records: list[dict[str, Any]] = []
    paths = sorted(folder.glob("*.jsonl")) + (sorted((folder / "blind").glob("*.jsonl")) if blind else [])
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                records.append(json.loads(line))
    return meta, records


def ensure_mirror(db_path: Path, csv_path: Path = DEFAULT_CSV, out: IO[str] | None = None) -> Path:
    """Build (once) the evaluation mirror from the real long CSV."""
    from data.importer import import_file

    fingerprint = _vocab_fingerprint()
    if db_path.exists():
        conn = connect(db_path, readonly=True)
        try:
            has_rows = q.has_weekly_prices(conn)
            built_with = q.meta_value(conn, "eval_vocab")
        finally:
            conn.close()
        if built_with is None and has_rows:
            return db_path  # a mirror the user passed (or built otherwise): never rebuilt or deleted here
        if has_rows and built_with == fingerprint:
            return db_path
        # an evaluation mirror built with older canonical name tables: rebuild it with the new names
        for suffix in ("", "-wal", "-shm"):
            Path(str(db_path) + suffix).unlink(missing_ok=True)
    if not csv_path.exists():
        raise FileNotFoundError(f"No encuentro {csv_path} para construir el espejo de evaluación.")
    if out:
        print(f"Construyendo el espejo de evaluación {db_path} desde {csv_path.name} …", file=out, flush=True)
    db = open_db(db_path)
    import_file(db.conn, csv_path)
    q.set_meta(db.conn, "eval_vocab", fingerprint)
    db.conn.close()
    return db_path


def _vocab_fingerprint() -> str:
    """A hash of the canonical name tables the evaluation mirror was built with."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "data" / "vocab").glob("*.csv")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _num_close(a: Any, b: Any, tol: float) -> bool:
    try:
        return abs(float(a) - float(b)) <= tol
    except (TypeError, ValueError):
        return False


def _same(key: str, got: Any, want: Any) -> bool:
    if want is None:
        return got is None
    if key in {"threshold", "change_pct"}:
        return _num_close(got, want, 0.01)
    if key == "horizon":
        return got == want
    if isinstance(want, str):
        return isinstance(got, str) and fold(got) == fold(want)
    return bool(got == want)


# value kinds an answer shows as figures (a clarification must show none of them)
FIGURES = frozenset({"price", "change_pct", "tonnes", "share_pct", "max", "min", "mean", "median", "count",
                     "trade_price"})
# answers that rank: the first expected value must be the one the answer names first, not one of its runners-up
RANKING = frozenset({"cheapest", "priciest", "movers"})
RANKING_STATS = frozenset({"rank_high", "rank_low"})
TOLERANCE = {"change_pct": 0.15, "month": 0.0, "years": 0.0, "position": 0.0, "count": 0.0}
# period means may be labelled "price" (a plain "¿a cómo estuvo en marzo?") or "mean" (asked as an average)
SAME_KIND = {"price": {"price", "mean"}, "mean": {"mean", "price"}}


def _hit(want: dict[str, Any], got: Value) -> bool:
    kinds = SAME_KIND.get(want["kind"], {want["kind"]})
    if got.kind not in kinds:
        return False
    tol = TOLERANCE.get(want["kind"], 0.5)
    if not _num_close(got.value, want["value"], tol):
        return False
    if want.get("market") is not None and not (got.market and fold(got.market) == fold(want["market"])):
        return False
    dates = want.get("dates") or ([want["date"]] if want.get("date") else [])
    if dates and got.date not in dates:
        return False
    return want.get("product") is None or bool(got.product and fold(got.product) == fold(want["product"]))


def check(record: dict[str, Any], answer: Answer) -> tuple[bool, bool, bool, bool, list[str]]:
    """(intent ok, slots ok, exact, confidently wrong, problems) for one answered record. Records of the blind sets
    written against tests/questions/LABELS.md carry no intent or slots (they know nothing of the router): only
    what the answer shows is checked."""
    problems: list[str] = []
    intent_ok = "intent" not in record or answer.intent == record["intent"]
    if not intent_ok:
        problems.append(f"intent {answer.intent} != {record['intent']}")
    slots_ok = True
    for key, want in (record.get("slots") or {}).items():
        if key not in SLOT_KEYS:
            continue
        got = answer.slots.get(key)
        if not _same(key, got, want):
            slots_ok = False
            problems.append(f"{key}: {got!r} != {want!r}")
    expect = record.get("expect", "answer")
    numbers = [v for v in answer.values if v.kind in FIGURES]
    exact = intent_ok and slots_ok
    wrong_numbers = False
    forbidden = [v for v in answer.values if v.kind in set(record.get("forbid") or [])]
    if forbidden:
        exact = False
        wrong_numbers = True
        problems.append(f"shows forbidden {[v.kind for v in forbidden]}")
    if expect == "clarify":
        if not answer.clarify:
            exact = False
            problems.append("expected a clarification")
        if numbers:
            wrong_numbers = True
            problems.append("gave numbers instead of asking")
        options = record.get("options") or []
        labels = {fold(c.label) for c in answer.clarify}
        missing = [o for o in options if fold(o) not in labels]
        if missing:
            exact = False
            problems.append(f"clarification lacks {missing}")
    elif expect == "no_numbers":
        # an alert echoes the user's own threshold; nothing else may show a peso figure here
        shows_money = "$" in answer.text.split("Fuente:")[0] and record.get("intent") != "alert"
        if numbers or shows_money:
            exact = False
            wrong_numbers = bool(numbers)
            problems.append("gave numbers")
    else:
        if answer.clarify and not numbers:
            exact = False
            problems.append("asked back instead of answering")
        ranked = answer.intent in RANKING or answer.slots.get("stat") in RANKING_STATS
        for i, want in enumerate(record.get("values", [])):
            pool = answer.values
            if ranked and i == 0:  # the headline: the first figure of the same kind the answer shows
                pool = [v for v in pool if v.kind in SAME_KIND.get(want["kind"], {want["kind"]})][:1]
            hit = [v for v in pool if _hit(want, v)]
            if not hit:
                exact = False
                wrong_numbers = wrong_numbers or bool(numbers)
                problems.append(f"value {want} not in {[(v.kind, v.value, v.market, v.date) for v in numbers][:6]}")
    confidently_wrong = wrong_numbers and not answer.clarify
    return intent_ok, slots_ok, exact, confidently_wrong, problems


def run(*, db_path: str | Path | None = None, llm: Callable[..., Any] | None = None, limit: int = 0,
        verbose: bool = False, out: IO[str] | None = None, folder: Path = QUESTIONS, tag: str = "") -> Report:
    meta, records = load_questions(folder, blind=True)
    if tag == LABELLED:  # the labelled set on its own: questions no blind set claims
        records = [rec for rec in records if not any(BLIND_TAG.fullmatch(t) for t in rec.get("tags", []))]
    elif tag:
        records = [rec for rec in records if tag in rec.get("tags", [])]
    if limit:
        records = records[:limit]
    path = ensure_mirror(Path(db_path) if db_path else DEFAULT_DB, out=out)
    conn = connect(path, readonly=True)
    today = dt.date.fromisoformat(meta["today"])
    router = Router(lambda: conn, llm=llm, today=lambda: today)
    router.answer("precio de la papa criolla en Corabastos")  # warm the vocabulary cache
    outcomes = []
    for record in records:
        state = ChatState(chat_id=1)
        for earlier in record.get("prev", []):
            router.answer(earlier, state)
        t0 = time.perf_counter()
        answer = router.answer(record["q"], state)
        seconds = time.perf_counter() - t0
        intent_ok, slots_ok, exact, wrong, problems = check(record, answer)
        outcome = Outcome(record, answer, seconds, intent_ok, slots_ok, exact, bool(answer.clarify), wrong, problems)
        outcomes.append(outcome)
        if verbose and out is not None and problems:
            print(f"✗ [{record['id']}] {record['q']!r}: " + "; ".join(problems), file=out)
    conn.close()
    return Report(outcomes, meta["today"], str(path), llm is not None)


def format_report(report: Report) -> str:
    outs = report.outcomes
    direct = [o for o in outs if "direct" in o.record.get("tags", [])]
    heldout = [o for o in outs if "heldout" in o.record.get("tags", [])]
    data = [o for o in outs if o.record.get("values")]
    rows = [
        ("Preguntas", f"{len(outs)}"),
        ("Exactitud de intención", _pct(report.rate(lambda o: o.intent_ok))),
        ("Exactitud de slots", _pct(report.rate(lambda o: o.slots_ok))),
        ("Respuesta exacta (todo el conjunto)", _pct(report.rate(lambda o: o.exact))),
        ("Respuesta exacta (precio directo)", _pct(report.rate(lambda o: o.exact, direct))),
        ("Respuesta exacta (con cifras esperadas)", _pct(report.rate(lambda o: o.exact, data))),
        ("Respuesta exacta (reservadas, escritas al final)", _pct(report.rate(lambda o: o.exact, heldout))),
        ("Tasa de aclaración (pregunta de vuelta)", _pct(report.rate(lambda o: o.clarified))),
        ("Confiadamente equivocada", _pct(report.rate(lambda o: o.confidently_wrong))),
    ]
    for name in blind_sets(outs):  # each blind set on its own: exact, direct price, confidently wrong
        group = [o for o in outs if name in o.record.get("tags", [])]
        rows += [(f"Respuesta exacta (a ciegas, {name})", _pct(report.rate(lambda o: o.exact, group))),
                 (f"Respuesta exacta ({name}, precio directo)",
                  _pct(report.rate(lambda o: o.exact, [o for o in group if "direct" in o.record.get("tags", [])]))),
                 (f"Confiadamente equivocada ({name})", _pct(report.rate(lambda o: o.confidently_wrong, group)))]
    times = sorted(o.seconds for o in outs)
    if times:
        rows.append(("Latencia p50 / p95", f"{_ms(times, 0.5)} / {_ms(times, 0.95)}"))
    width = max(len(k) for k, _ in rows)
    lines = [f"Evaluación del enrutador ({'con LLM' if report.llm else 'reglas'}; hoy fijado en {report.today}; "
             f"espejo {report.db})"]
    lines += [f"  {k.ljust(width)}  {v}" for k, v in rows]
    by_intent: dict[str, list[Outcome]] = {}
    for o in outs:
        by_intent.setdefault(o.record.get("intent") or o.record.get("family", "?"), []).append(o)
    lines.append("  Por intención (exactas / total):")
    for intent, group in sorted(by_intent.items()):
        lines.append(f"    {intent.ljust(14)} {sum(o.exact for o in group)}/{len(group)}")
    return "\n".join(lines)


def blind_sets(outs: list[Outcome]) -> list[str]:
    """The blind set tags present (heldout2..5, blind6-lookup, blind6-analytics, …), in file order."""
    names: list[str] = []
    for o in outs:
        for tag in o.record.get("tags", []):
            if BLIND_TAG.fullmatch(tag) and tag not in names:
                names.append(tag)
    return names


def _pct(rate: tuple[float, int]) -> str:
    return f"{rate[0] * 100:.1f}% (n={rate[1]})"


def _ms(times: list[float], q: float) -> str:
    return f"{times[min(len(times) - 1, int(q * len(times)))] * 1000:.1f} ms"


def build_llm(settings: Any) -> Callable[..., Any] | None:
    """The LLM path as the router uses it (endpoint or local model, already loaded), or None without one."""
    from models.llm.worker import build_parser

    return build_parser(settings, wait_ready=900)
