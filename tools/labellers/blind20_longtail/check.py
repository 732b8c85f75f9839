"""Independent check of blind20-longtail.jsonl: recomputes every expected value with the plain csv/gzip modules
(no pandas, no label_questions.py), its own name folding, week lookup, statistics and place rules, and compares.

    /work/main/.venv/bin/python check.py
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

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from questions_spec import Q  # what each question asks (the human reading), not how it was labelled

RAW = "/work/shared/sipsa/series/semanal_precios_2017-2025.csv.gz"
VOCAB = "/work/main/data/vocab/"
MAIN_ORDER = ["Bogotá, D.C., Corabastos", "Medellín, Central Mayorista de Antioquia", "Cali, Cavasa",
              "Barranquilla, Barranquillita", "Bucaramanga, Centroabastos", "Cúcuta, Cenabastos", "Pereira, Mercasa",
              "Armenia, Mercar", "Manizales, Centro Galerías", "Ibagué, Plaza La 21", "Neiva, Surabastos",
              "Pasto, El Potrerillo", "Villavicencio, CAV", "Tunja, Complejo de Servicios del Sur",
              "Valledupar, Mercabastos", "Montería, Mercado del Sur", "Cartagena, Bazurto",
              "Sincelejo, Nuevo Mercado", "Popayán, Plaza de mercado del barrio Bolívar",
              "Ipiales (Nariño), Ipiales somos todos"]
CITY_MAIN = {m.split(",")[0].split(" (")[0]: m for m in MAIN_ORDER}
BULTO_OK = ("Papa", "Cebolla cabezona", "Zanahoria", "Yuca", "Arracacha", "Arroz", "Fríjol", "Maíz", "Lenteja",
            "Garbanzo", "Arveja seca", "Azúcar")


def key(s: str) -> str:
    s = s.replace("\xa0", " ").strip().rstrip("*").strip().lower()
    out = []
    for ch in s:
        if ch == "ñ":
            out.append(ch)
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base if base.isalnum() else " ")
    return " ".join("".join(out).split())


def table(name):
    t, rows = {}, []
    with open(VOCAB + name, encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            rows.append(r)
            t[key(r["name"])] = r["name"]
    for r in rows:
        for a in r["aliases"].split("|"):
            if a and key(a) not in t:
                t[key(a)] = r["name"]
    return t, rows


PT, prows = table("products.csv")
MT, _ = table("markets.csv")
UNIT = {r["name"]: r["unit"] for r in prows}
GROUP = {r["name"]: r["group"] for r in prows}

# (product, market) -> {week: [prices]}
cells = defaultdict(lambda: defaultdict(list))
week_end = {}
with gzip.open(RAW, "rt", encoding="utf-8") as fh:
    for r in csv.DictReader(fh):
        try:
            price = float(r["precio_medio_cop_kg"])
        except ValueError:
            continue
        if not price > 0:
            continue
        p, m = PT.get(key(r["producto"])), MT.get(key(r["mercado"]))
        if p is None or m is None:
            continue
        cells[(p, m)][r["semana_inicio"]].append(price)
        week_end[r["semana_inicio"]] = r["semana_fin"]
SER = {}
CONFLICT = set()
for k, wk in cells.items():
    clean = {}
    for w, ps in wk.items():
        if len(ps) == 1:
            clean[w] = ps[0]
        else:
            CONFLICT.add(k)  # a week priced twice for the same pair: no single price
    SER[k] = dict(sorted(clean.items()))
ALLW = sorted(week_end)
NEWEST = ALLW[-1]
PREV = ALLW[-2]


def week_for(day):
    hits = [w for w in ALLW if w <= day <= week_end[w]]
    assert len(hits) == 1, day
    return hits[0]


def at(ser, w):
    return ser.get(w)


def kinds_priced(word, market):
    return sorted(p for (p, m), s in SER.items() if m == market and NEWEST in s and key(p).split()[0] == key(word))


def place(pl, prod):
    if pl is None:
        last = max(w for (p, m), s in SER.items() if p == prod for w in s)
        for m in MAIN_ORDER:
            if last in SER.get((prod, m), {}):
                return m
        raise AssertionError("no main market")
    if pl.startswith("m:"):
        return pl[2:]
    return CITY_MAIN[pl[2:]]


def pick(ser, per):
    ws = list(ser)
    if per is None:
        sel = ws
    elif per in ("last8", "last12"):
        keep = set(ALLW[-int(per[4:]):])
        sel = [w for w in ws if w in keep]
    elif per[0] == "since":
        w0 = week_for(per[1])
        sel = [w for w in ws if w >= w0]
    else:
        sel = [w for w in ws if per[0] <= w <= per[1]]
    return [(w, ser[w]) for w in sel]


def back4(ser, w):
    i = ALLW.index(w)
    for j in range(i, max(-1, i - 5), -1):
        if ALLW[j] in ser:
            return ALLW[j], ser[ALLW[j]]
    raise AssertionError("nothing 4 weeks back")


def compute(s):
    t = s["t"]
    vals, forbid = [], []
    if t in ("none",):
        return "no_numbers", vals, forbid
    if t == "clarify":
        if "fw" in s:
            assert len(kinds_priced(s["fw"], s["pl"][2:])) > 1
        return "clarify", vals, forbid
    if t in ("rank", "movers", "count_p"):
        m = s["pl"][2:]
    elif t == "count_m":
        m = None
    else:
        m = place(s.get("pl"), s["p"])
        assert (s["p"], m) not in CONFLICT
        ser = SER[(s["p"], m)]
        lw = list(ser)[-1]
        if "fw" in s:
            k = kinds_priced(s["fw"], m)
            assert not k or k == [s["p"]], k
    if t == "now":
        vals.append(("price", ser[lw], m, lw))
    elif t == "day":
        w = week_for(s["day"])
        vals.append(("price", ser[w], m, w))
    elif t == "month":
        xs = [v for _, v in pick(ser, s["per"])]
        vals.append(("price", sum(xs) / len(xs), m, None))
    elif t in ("trade", "trade_no", "unit_item"):
        vals.append(("price", ser[lw], m, lw))
        if t == "trade":
            assert UNIT[s["p"]] == "kg" and (s["unit"] != "bulto" or s["p"].startswith(BULTO_OK))
            kg = {"libra": 0.5, "arroba": 12.5, "bulto": 50}.get(s["unit"], s.get("kg"))
            assert kg == s["kg"]
            vals.append(("trade_price", ser[lw] * kg, m, lw))
        else:
            forbid = ["trade_price"]
    elif t == "stat":
        xs = pick(ser, s["per"])
        ps = [v for _, v in xs]
        if s["stat"] in ("max", "min"):
            best = max(ps) if s["stat"] == "max" else min(ps)
            vals.append((s["stat"], best, m, max(w for w, v in xs if v == best)))
        elif s["stat"] == "mean":
            vals.append(("mean", statistics.fmean(ps), m, None))
        else:
            vals.append(("median", statistics.median(ps), m, None))
    elif t == "chg_days":
        w1, p1 = back4(ser, week_for(s["d1"]))
        w2, p2 = back4(ser, week_for(s["d2"]))
        vals += [("price", p1, m, w1), ("price", p2, m, w2), ("change_pct", 100 * (p2 - p1) / p1, m, None)]
    elif t == "chg_per":
        a = statistics.fmean(v for _, v in pick(ser, s["per1"]))
        b = statistics.fmean(v for _, v in pick(ser, s["per2"]))
        vals += [("price", a, m, None), ("price", b, m, None), ("change_pct", 100 * (b - a) / a, m, None)]
    elif t == "since":
        w1, p1 = back4(ser, week_for(s["day"]))
        vals += [("price", p1, m, w1), ("price", ser[lw], m, lw), ("change_pct", 100 * (ser[lw] - p1) / p1, m, None)]
    elif t == "yoy":
        tgt = dt.date.fromisoformat(lw) - dt.timedelta(days=364)
        best = None
        for off in [0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6, -7, 7, -8, 8, -9, 9, -10, 10, -11, 11, -12, 12,
                    -13, 13, -14, 14]:
            w = (tgt + dt.timedelta(days=off)).isoformat()
            if w in ser:
                best = w
                break
        vals += [("price", ser[best], m, best), ("price", ser[lw], m, lw),
                 ("change_pct", 100 * (ser[lw] - ser[best]) / ser[best], m, None)]
    elif t == "season":
        by = defaultdict(lambda: defaultdict(list))
        for w, v in ser.items():
            by[int(w[:4])][int(w[5:7])].append(v)
        ratio = defaultdict(list)
        used = 0
        for y, months in by.items():
            if len(months) < 6:
                continue
            used += 1
            mm = {mo: statistics.fmean(v) for mo, v in months.items()}
            avg = statistics.fmean(mm.values())
            for mo, v in mm.items():
                ratio[mo].append(v / avg)
        idx = {mo: statistics.fmean(r) for mo, r in ratio.items() if len(r) > 1}
        order = sorted(idx, key=idx.get)
        vals += [("month", order[0] if s["which"] == "cheap" else order[-1], m, None), ("years", used, m, None)]
    elif t == "position":
        mo, yr = lw[5:7], lw[:4]
        per_year = defaultdict(list)
        for w, v in ser.items():
            if w[5:7] == mo and w[:4] < yr:
                per_year[w[:4]].append(v)
        means = [statistics.fmean(v) for v in per_year.values()]
        cur = ser[lw]
        vals += [("price", cur, m, lw), ("position", 1 if cur > max(means) else (-1 if cur < min(means) else 0), m,
                                          None)]
    elif t == "rank":
        rows = [(v[NEWEST], p) for (p, mm), v in SER.items() if mm == m and NEWEST in v and UNIT[p] == "kg"
                and (not s.get("group") or GROUP[p] == s["group"])]
        rows.sort(key=lambda x: (x[0] if s["order"] == "asc" else -x[0], x[1]))
        for price, p in rows[: s.get("n", 1)]:
            vals.append(("price", price, m, NEWEST, p))
    elif t == "movers":
        ch = []
        for (p, mm), v in SER.items():
            if mm == m and NEWEST in v and PREV in v and (not s.get("group") or GROUP[p] == s["group"]):
                ch.append((100 * (v[NEWEST] - v[PREV]) / v[PREV], p))
        ch.sort(key=lambda x: (-x[0], x[1]) if s["up"] else (x[0], x[1]))
        vals.append(("change_pct", ch[0][0], m, NEWEST, ch[0][1]))
    elif t == "count_m":
        vals.append(("count", len({mm for (p, mm), v in SER.items() if p == s["p"] and NEWEST in v}), None, None))
    elif t == "count_p":
        vals.append(("count", len({p for (p, mm), v in SER.items() if mm == m and NEWEST in v}), m, None))
    return "answer", vals, forbid


def main():
    recs = [json.loads(x) for x in open(HERE / "blind20-longtail.jsonl", encoding="utf-8")]
    assert len(recs) == len(Q)
    bad, nvals = [], 0
    for rec, s in zip(recs, Q):
        assert rec["q"] == s["q"]
        expect, vals, forbid = compute(s)
        problems = []
        if expect != rec["expect"]:
            problems.append(f"expect {expect} != {rec['expect']}")
        if forbid != rec["forbid"]:
            problems.append(f"forbid {forbid} != {rec['forbid']}")
        if len(vals) != len(rec["values"]):
            problems.append(f"{len(vals)} values != {len(rec['values'])}")
        for mine, theirs in zip(vals, rec["values"]):
            nvals += 1
            kind, v, m, w = mine[:4]
            tol = 0.15 if kind == "change_pct" else 0.5
            if kind != theirs["kind"] or abs(v - theirs["value"]) > tol or m != theirs["market"] \
                    or w != theirs["date"] or (len(mine) > 4 and mine[4] != theirs.get("product")):
                problems.append(f"{mine} != {theirs}")
            if kind == "trade_price" and theirs.get("unit") != s["unit"]:
                problems.append("unit")
        if problems:
            bad.append((rec["id"], problems))
    for b in bad:
        print("MISMATCH", b)
    print(f"checked {len(recs)} questions, {nvals} values: {len(bad)} mismatches")


if __name__ == "__main__":
    main()
