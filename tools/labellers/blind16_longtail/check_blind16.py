"""Independent check of blind16-longtail.jsonl: recomputes every expected value with the plain csv module (no
pandas, no code from tools/label_questions.py), from the raw gzip CSV and the vocab tables, and compares.

    /work/main/.venv/bin/python check_blind16.py      (exit status 1 on any disagreement)
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import json
import statistics
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

from questions16 import QUESTIONS

HERE = Path(__file__).resolve().parent
RAW = Path("/work/shared/sipsa/series/semanal_precios_2017-2025.csv.gz")
VOCAB = Path("/work/main/data/vocab")
TODAY = dt.date(2025, 11, 3)
# city -> main wholesale market, in the order LABELS.md uses when no place is named (typed again here)
MAIN_ORDER = [
    ("Bogotá", "Bogotá, D.C., Corabastos"), ("Medellín", "Medellín, Central Mayorista de Antioquia"),
    ("Cali", "Cali, Cavasa"), ("Barranquilla", "Barranquilla, Barranquillita"),
    ("Bucaramanga", "Bucaramanga, Centroabastos"), ("Cúcuta", "Cúcuta, Cenabastos"), ("Pereira", "Pereira, Mercasa"),
    ("Armenia", "Armenia, Mercar"), ("Manizales", "Manizales, Centro Galerías"), ("Ibagué", "Ibagué, Plaza La 21"),
    ("Neiva", "Neiva, Surabastos"), ("Pasto", "Pasto, El Potrerillo"), ("Villavicencio", "Villavicencio, CAV"),
    ("Tunja", "Tunja, Complejo de Servicios del Sur"), ("Valledupar", "Valledupar, Mercabastos"),
    ("Montería", "Montería, Mercado del Sur"), ("Cartagena", "Cartagena, Bazurto"),
    ("Sincelejo", "Sincelejo, Nuevo Mercado"), ("Popayán", "Popayán, Plaza de mercado del barrio Bolívar"),
    ("Ipiales", "Ipiales (Nariño), Ipiales somos todos"),
]
UNIT_KG = {"libra": 0.5, "arroba": 12.5, "bulto": 50.0}
BULTO_PREFIXES = ["papa", "cebolla cabezona", "zanahoria", "yuca", "arracacha", "arroz", "frijol", "maiz", "lenteja",
                  "garbanzo", "arveja seca", "azucar"]


def norm(s: str) -> str:
    """Second folding: NFD, drop marks but keep ñ, lower, punctuation to spaces."""
    out = []
    for ch in unicodedata.normalize("NFD", s.strip().lower()):
        if unicodedata.category(ch) == "Mn" and ch != "\u0303":
            continue
        out.append(ch)
    s = unicodedata.normalize("NFC", "".join(out)).replace("ñ", "ñ")
    s = "".join(ch if (ch.isalnum() or ch == "ñ") else " " for ch in s)
    return " ".join(s.split())


def tidy(s: str) -> str:
    s = s.replace("\xa0", " ").strip()
    while s.endswith("*") or s.endswith(" "):
        s = s[:-1]
    return " ".join(s.split())


def read_vocab(name: str) -> tuple[dict[str, str], list[dict[str, str]]]:
    rows = list(csv.DictReader(open(VOCAB / name, encoding="utf-8")))
    table: dict[str, str] = {}
    for r in rows:
        table[norm(r["name"])] = r["name"]
    for r in rows:
        for a in r["aliases"].split("|"):
            if a.strip() and norm(tidy(a)) not in table:
                table[norm(tidy(a))] = r["name"]
    return table, rows


def main() -> int:
    ptab, prows = read_vocab("products.csv")
    mtab, mrows = read_vocab("markets.csv")
    unit_of = {r["name"]: r["unit"] for r in prows}
    city_of = {r["name"]: r["city"] for r in mrows if r["kind"] == "market"}
    main_of = dict(MAIN_ORDER)

    cells: dict[tuple[str, str], dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    week_end: dict[str, str] = {}
    with gzip.open(RAW, "rt", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            try:
                price = float(r["precio_medio_cop_kg"])
            except ValueError:
                continue
            if not price > 0:
                continue
            p = ptab.get(norm(tidy(r["producto"])))
            mk = mtab.get(norm(tidy(r["mercado"])))
            if p is None or mk is None:
                continue
            cells[(p, mk)][r["semana_inicio"]].append(price)
            week_end[r["semana_inicio"]] = r["semana_fin"]
    series: dict[tuple[str, str], dict[str, float]] = {}
    dup_pairs = set()
    for key, weeks in cells.items():
        good = {}
        for w, vals in weeks.items():
            if len(vals) == 1:
                good[w] = vals[0]
            else:
                dup_pairs.add(key)
        series[key] = good
    all_weeks = sorted(week_end)
    newest = all_weeks[-1]
    last8 = set(all_weeks[-8:])
    assert newest == "2025-10-25", newest
    by_product_week: dict[str, dict[str, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))
    for (p, mk), ws in series.items():
        for w, v in ws.items():
            by_product_week[p][w][mk] = v

    def ser(p, mk):
        return series.get((p, mk), {})

    def first_words(p: str, word: str) -> bool:
        a, b = norm(p).split(), norm(word).split()
        return a[:len(b)] == b

    def kinds(word: str, mk: str) -> list[str]:
        return sorted(p for (p, m2), ws in series.items() if m2 == mk and newest in ws and first_words(p, word))

    def whole_recent(word: str, mk: str) -> bool:
        for name in unit_of:
            if norm(name) == norm(word):
                return any(w in last8 for w in ser(name, mk))
        return False

    def resolve(p: str, at: str | None) -> str:
        if at is None:
            w = max(by_product_week[p])
            for _, mk in MAIN_ORDER:
                if mk in by_product_week[p][w]:
                    return mk
            raise RuntimeError("no main market")
        if at.startswith("m:"):
            return at[2:]
        city = at[2:]
        if city in main_of and newest in ser(p, main_of[city]):
            return main_of[city]
        options = [mk for mk, cy in city_of.items() if cy == city and newest in ser(p, mk)]
        if len(options) != 1:
            raise RuntimeError(f"city {city} ambiguous for {p}: {options}")
        return options[0]

    def holding(p, mk, day: str):
        for w, v in ser(p, mk).items():
            if w <= day <= week_end[w]:
                return w, v
        return None

    def holding_back(p, mk, day: str):
        got = holding(p, mk, day)
        if got:
            return got
        d = dt.date.fromisoformat(day)
        start = d - dt.timedelta(days=(d.isoweekday() - 6) % 7)  # Saturday-start weeks
        for k in range(1, 5):
            w = (start - dt.timedelta(days=7 * k)).isoformat()
            if w in ser(p, mk):
                return w, ser(p, mk)[w]
        raise RuntimeError(f"no price near {day}")

    def in_range(p, mk, a, b):
        return {w: v for w, v in ser(p, mk).items() if a <= w <= b}

    def month_range(ym):
        y, mo = (int(x) for x in ym.split("-"))
        nxt = dt.date(y + 1, 1, 1) if mo == 12 else dt.date(y, mo + 1, 1)
        return dt.date(y, mo, 1).isoformat(), (nxt - dt.timedelta(days=1)).isoformat()

    def months_back(day: dt.date, n: int) -> dt.date:
        y, mo = day.year, day.month - n
        while mo < 1:
            mo += 12
            y -= 1
        for d in (day.day, 30, 29, 28):
            try:
                return dt.date(y, mo, d)
            except ValueError:
                continue
        raise ValueError

    def V(kind, value, market, date, **kw):
        d = {"kind": kind, "value": value, "market": market, "date": date}
        d.update(kw)
        return d

    def expected(item) -> tuple[str, list[dict], list[str]]:
        t = item["t"]
        if t == "no_numbers":
            return "no_numbers", [], []
        if t == "clarify":
            chk = item["check"]
            if chk[0] == "family":
                at = chk[2]
                mk = at[2:] if at.startswith("m:") else main_of[at[2:]]
                ks = kinds(chk[1], mk)
                if len(ks) < 2 or whole_recent(chk[1], mk):
                    raise RuntimeError(f"not ambiguous: {ks}")
            return "clarify", [], []
        p = item["p"]
        if t in ("cheapest", "priciest"):
            w = max(by_product_week[p])
            prices = by_product_week[p][w]
            if item.get("city"):
                prices = {mk: v for mk, v in prices.items() if city_of.get(mk) == item["city"]}
            ranked = sorted(prices.items(), key=lambda kv: kv[1], reverse=(t == "priciest"))
            if ranked[0][1] == ranked[1][1]:
                raise RuntimeError("tie")
            return "answer", [V("price", ranked[0][1], ranked[0][0], w)], []
        mk = resolve(p, item.get("at"))
        if (p, mk) in dup_pairs:
            raise RuntimeError(f"duplicate rows for {p} @ {mk}")
        if "fam" in item and (kinds(item["fam"], mk) != [p] or whole_recent(item["fam"], mk)):
            raise RuntimeError(f"family {item['fam']} not one kind: {kinds(item['fam'], mk)}")
        if "whole" in item and not whole_recent(p, mk):
            raise RuntimeError("whole name not priced in 8 weeks")
        s = ser(p, mk)
        lw = max(s)
        if t == "now":
            return "answer", [V("price", s[lw], mk, lw)], []
        if t == "trade":
            vals = [V("price", s[lw], mk, lw)]
            u = item["unit"]
            if unit_of[p] != "kg" or (u == "bulto" and not any(norm(p).startswith(b) for b in BULTO_PREFIXES)):
                return "answer", vals, ["trade_price"]
            vals.append(V("trade_price", s[lw] * UNIT_KG[u], mk, lw, unit=u))
            return "answer", vals, []
        if t == "day":
            if "day" in item:
                day = item["day"]
            elif "days_ago" in item:
                day = (TODAY - dt.timedelta(days=item["days_ago"])).isoformat()
            else:
                day = months_back(TODAY, item["months_ago"]).isoformat()
            w, v = holding(p, mk, day)
            return "answer", [V("price", v, mk, w)], []
        if t == "month":
            a, b = month_range(item["month"]) if "month" in item else (f"{item['year']}-01-01",
                                                                       f"{item['year']}-12-31")
            return "answer", [V("price", statistics.fmean(in_range(p, mk, a, b).values()), mk, None)], []
        if t in ("max", "min", "mean"):
            win = in_range(p, mk, item["start"], item["end"])
            if t == "mean":
                return "answer", [V("mean", statistics.fmean(win.values()), mk, None)], []
            best = (max if t == "max" else min)(win.values())
            ws = sorted(w for w, v in win.items() if v == best)
            kw = {"dates": ws} if len(ws) > 1 else {}
            return "answer", [V(t, best, mk, ws[-1], **kw)], []
        if t == "chg_months":
            old = statistics.fmean(in_range(p, mk, *item["old"]).values())
            new = statistics.fmean(in_range(p, mk, *item["new"]).values())
            return "answer", [V("change_pct", 100 * (new - old) / old, mk, None), V("price", old, mk, None),
                              V("price", new, mk, None)], []
        if t in ("chg_days", "since"):
            w1, v1 = holding_back(p, mk, item["d1"])
            w2, v2 = (lw, s[lw]) if t == "since" else holding_back(p, mk, item["d2"])
            return "answer", [V("price", v1, mk, w1), V("price", v2, mk, w2),
                              V("change_pct", 100 * (v2 - v1) / v1, mk, None)], []
        if t == "yoy":
            target = dt.date.fromisoformat(lw) - dt.timedelta(days=364)
            cands = []
            for w, v in s.items():
                gap = (dt.date.fromisoformat(w) - target).days
                if -14 <= gap <= 14:
                    cands.append((abs(gap), 0 if gap <= 0 else 1, w, v))
            _, _, w1, v1 = min(cands)
            return "answer", [V("price", s[lw], mk, lw), V("price", v1, mk, w1),
                              V("change_pct", 100 * (s[lw] - v1) / v1, mk, None)], []
        raise RuntimeError(t)

    records = [json.loads(line) for line in open(HERE / "blind16-longtail.jsonl", encoding="utf-8")]
    assert len(records) == len(QUESTIONS)
    bad = []
    for rec, item in zip(records, QUESTIONS):
        assert rec["q"] == item["q"]
        try:
            exp, vals, forbid = expected(item)
        except Exception as e:  # noqa: BLE001
            bad.append((rec["id"], f"check error: {e}"))
            continue
        problems = []
        if rec["expect"] != exp:
            problems.append(f"expect {rec['expect']} != {exp}")
        if sorted(rec.get("forbid", [])) != sorted(forbid):
            problems.append(f"forbid {rec.get('forbid')} != {forbid}")
        if len(rec["values"]) != len(vals):
            problems.append(f"{len(rec['values'])} values != {len(vals)}")
        for got, want in zip(rec["values"], vals):
            for key in ("kind", "market", "date", "unit", "dates"):
                if got.get(key) != want.get(key):
                    problems.append(f"{key}: {got.get(key)} != {want.get(key)}")
            tol = 0.05 if want["kind"] == "change_pct" else 0.01
            if abs(got["value"] - want["value"]) > tol:
                problems.append(f"value {got['value']} != {want['value']}")
        if problems:
            bad.append((rec["id"], "; ".join(problems)))
    for rid, why in bad:
        print("DISAGREE", rid, why)
    print(f"checked {len(records)} records: {len(records) - len(bad)} agree, {len(bad)} disagree")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
