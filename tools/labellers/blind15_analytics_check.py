"""Independent checker for analytics15.jsonl: recomputes every `answer` label from the raw CSV with plain-Python
loops (its own period/week/season/ranking code, the CSV's `grupo` column) and compares with the labels."""
import csv, datetime as dt, json, os, statistics, sys
from collections import defaultdict
from pathlib import Path
import pandas as pd
sys.path.insert(0, "/work/main/tools")
from label_questions import name_table, fold, clean, ROOT  # name facts only

HERE = Path(__file__).parent
D = dt.date.fromisoformat
if os.path.exists("/tmp/a15_raw.pkl"):
    raw = pd.read_pickle("/tmp/a15_raw.pkl")
else:
    raw = pd.read_csv("/work/shared/sipsa/series/semanal_precios_2017-2025.csv.gz")
    prods = name_table(ROOT / "data/vocab/products.csv"); mk = name_table(ROOT / "data/vocab/markets.csv")
    raw["product"] = raw.producto.map(lambda s: prods.get(fold(clean(s))))
    raw["market"] = raw.mercado.map(lambda s: mk.get(fold(clean(s))))
UNIT = {r["name"]: r["unit"] for r in csv.DictReader(open(ROOT / "data/vocab/products.csv", encoding="utf-8"))}

SER = defaultdict(dict)      # (p, m) -> {date: price}
GRUPO = {}
seen = defaultdict(list)
WEEKEND = {}
for w, we, g, p, m, pr in zip(raw.semana_inicio, raw.semana_fin, raw.grupo, raw["product"], raw["market"], raw.precio_medio_cop_kg):
    if pr is None or not pr > 0:
        continue
    seen[(p, m, w)].append(pr)
    GRUPO[p] = g
    WEEKEND[D(w)] = D(we)
for (p, m, w), prs in seen.items():
    if len(prs) == 1:
        SER[(p, m)][D(w)] = float(prs[0])
ALLW = sorted(WEEKEND)
NEWEST = ALLW[-1]


def holding(day):
    day = D(day)
    c = [w for w in ALLW if w <= day <= WEEKEND[w]]
    return c[-1]


def bounds(spec):
    k = spec[0]
    if k == "y":
        return dt.date(spec[1], 1, 1), dt.date(spec[1], 12, 31)
    if k == "m":
        y, mo = spec[1], spec[2]
        nxt = dt.date(y + 1, 1, 1) if mo == 12 else dt.date(y, mo + 1, 1)
        return dt.date(y, mo, 1), nxt - dt.timedelta(days=1)
    if k == "q":
        y, q = spec[1], spec[2]
        a = dt.date(y, 3 * q - 2, 1)
        b = dt.date(y + 1, 1, 1) if q == 4 else dt.date(y, 3 * q + 1, 1)
        return a, b - dt.timedelta(days=1)
    if k == "since":
        return holding(spec[1]), dt.date(2100, 1, 1)
    if k == "lastn":
        return ALLW[len(ALLW) - spec[1]], dt.date(2100, 1, 1)
    if k == "all":
        return dt.date(1900, 1, 1), dt.date(2100, 1, 1)


def pts(p, m, spec):
    a, b = bounds(spec)
    return [(w, v) for w, v in sorted(SER[(p, m)].items()) if a <= w <= b]


def r(kind, v, m=None, d=None, **kw):
    out = {"kind": kind, "value": v, "market": m, "date": d.isoformat() if isinstance(d, dt.date) else d}
    out.update(kw)
    return out


def c_ext(kind, p, m, spec):
    x = pts(p, m, spec)
    best = None
    for w, v in x:
        if best is None or (v > best if kind == "max" else v < best):
            best = v
    ws = [w for w, v in x if v == best]
    o = r(kind, best, m, ws[-1])
    if len(ws) > 1:
        o["dates"] = [w.isoformat() for w in ws]
    return [o]


def c_mean(p, m, spec):
    x = [v for _, v in pts(p, m, spec)]
    return [r("mean", sum(x) / len(x), m)]


def c_median(p, m, spec):
    return [r("median", statistics.median([v for _, v in pts(p, m, spec)]), m)]


def at(p, m, day, back=4):
    w = holding(day)
    for k in range(back + 1):
        ww = w - dt.timedelta(days=7 * k)
        if ww in SER[(p, m)]:
            return ww, SER[(p, m)][ww]
    raise KeyError((p, m, day))


def c_chg_days(p, m, d1, d2):
    w1, a = at(p, m, d1); w2, b = at(p, m, d2)
    return [r("price", a, m, w1), r("price", b, m, w2), r("change_pct", 100 * (b - a) / a, m)]


def c_chg_periods(p, m, s1, s2):
    a = c_mean(p, m, s1)[0]["value"]; b = c_mean(p, m, s2)[0]["value"]
    return [r("change_pct", 100 * (b - a) / a, m), r("price", a, m), r("price", b, m)]


def c_since(p, m, day):
    w1, a = at(p, m, day, back=0)
    w2 = max(SER[(p, m)]); b = SER[(p, m)][w2]
    return [r("price", a, m, w1), r("price", b, m, w2), r("change_pct", 100 * (b - a) / a, m)]


def c_yoy(p, m):
    s = SER[(p, m)]
    w2 = max(s); t = w2 - dt.timedelta(days=364)
    for k in range(0, 15):
        for cand in (t - dt.timedelta(days=k), t + dt.timedelta(days=k)):
            if cand in s:
                return [r("price", s[cand], m, cand), r("price", s[w2], m, w2), r("change_pct", 100 * (s[w2] - s[cand]) / s[cand], m)]
    raise KeyError


def monthly(p, m):
    acc = defaultdict(list)
    for w, v in SER[(p, m)].items():
        acc[(w.year, w.month)].append(v)
    return {k: sum(v) / len(v) for k, v in acc.items()}


def c_season(p, m, which):
    mm = monthly(p, m)
    years = sorted({y for y, _ in mm if sum(1 for yy, _ in mm if yy == y) >= 6})
    rat = defaultdict(list)
    for y in years:
        months = {mo: v for (yy, mo), v in mm.items() if yy == y}
        base = sum(months.values()) / len(months)
        for mo, v in months.items():
            rat[mo].append(v / base)
    idx = {mo: sum(x) / len(x) for mo, x in rat.items() if len(x) >= 2}
    pick = (min if which == "cheap" else max)(idx, key=idx.get)
    return [r("month", pick, m), r("years", len(years), m)]


def c_epoca(p, m):
    s = SER[(p, m)]; w = max(s); v = s[w]
    mm = monthly(p, m)
    prev = [x for (y, mo), x in mm.items() if mo == w.month and y < w.year]
    pos = 1 if v > max(prev) else (-1 if v < min(prev) else 0)
    return [r("price", v, m, w), r("position", pos, m)]


def c_rank(m, group, order, n=1, week=None):
    week = D(week) if week else NEWEST
    rows = [(p, s[week]) for (p, mm), s in SER.items() if mm == m and week in s and UNIT[p] == "kg"
            and (group is None or GRUPO[p] == group)]
    rows.sort(key=lambda x: (-x[1] if order == "desc" else x[1], x[0]))
    return [r("price", v, m, week, product=p) for p, v in rows[:n]]


def pick_mover(ch, direction):
    items = sorted(ch.items(), key=lambda kv: (kv[1] if direction == "down" else -kv[1]))
    return items[0]


def c_movers(m, direction, group=None, w1=None, w2=None):
    b = NEWEST; a = ALLW[-2]
    ch = {}
    prods = {p for (p, mm) in SER if (m is None or mm == m)}
    for p in prods:
        if group and GRUPO[p] != group:
            continue
        mk = [mm for (pp, mm), s in SER.items() if pp == p and (m is None or mm == m) and a in s and b in s]
        if not mk:
            continue
        va = sum(SER[(p, x)][a] for x in mk) / len(mk); vb = sum(SER[(p, x)][b] for x in mk) / len(mk)
        ch[p] = 100 * (vb / va - 1)
    p, v = pick_mover(ch, direction)
    return [r("change_pct", v, m, None, product=p)]


def c_movers_periods(m, direction, s1, s2, group=None):
    ch = {}
    for (p, mm), s in SER.items():
        if mm != m or (group and GRUPO[p] != group):
            continue
        x = [v for _, v in pts(p, m, s1)]; y = [v for _, v in pts(p, m, s2)]
        if x and y:
            ch[p] = 100 * ((sum(y) / len(y)) / (sum(x) / len(x)) - 1)
    p, v = pick_mover(ch, direction)
    return [r("change_pct", v, m, None, product=p)]


def c_count_markets(p, spec=None):
    if spec is None:
        n = len({m for (pp, m), s in SER.items() if pp == p and NEWEST in s})
    else:
        n = len({m for (pp, m), s in SER.items() if pp == p and pts(p, m, spec)})
    return [r("count", n, None, None)]


def c_count_products(m):
    return [r("count", len({p for (p, mm), s in SER.items() if mm == m and NEWEST in s}), m)]


BULTO_OK = ["papa", "cebolla cabezona", "zanahoria", "yuca", "arracacha", "arroz", "frijol", "maiz", "lenteja",
            "garbanzo", "arveja seca", "azucar"]


def c_trade(p, m, unit, kilos=None):
    s = SER[(p, m)]; w = max(s); v = s[w]
    base = r("price", v, m, w)
    if UNIT[p] != "kg" or (unit == "bulto" and not any(fold(p).startswith(b) for b in BULTO_OK)):
        return [base]
    kg = {"libra": 0.5, "arroba": 12.5, "bulto": 50}.get(unit, kilos)
    t = r("trade_price", v * kg, m, w, unit=unit)
    return [base, t]


def same(a, b):
    if set(a) != set(b):
        return False
    for k in a:
        if k == "value":
            if abs(float(a[k]) - float(b[k])) > 0.01:
                return False
        elif a[k] != b[k]:
            return False
    return True


def main():
    recs = {j["id"]: j for j in map(json.loads, open(HERE / "analytics15.jsonl", encoding="utf-8"))}
    specs = list(map(json.loads, open(HERE / "analytics15.spec.jsonl", encoding="utf-8")))
    bad = 0
    for sp in specs:
        name, args, kw = sp["call"]
        args = [tuple(a) if isinstance(a, list) else a for a in args]
        got = globals()["c_" + name[3:]](*args, **kw)
        want = recs[sp["id"]]["values"]
        if len(got) != len(want) or not all(same(a, b) for a, b in zip(got, want)):
            bad += 1
            print("MISMATCH", sp["id"], recs[sp["id"]]["q"], "\n  label:", want, "\n  check:", got)
        fb = recs[sp["id"]]["forbid"]
        if name == "st_trade" and (("trade_price" in fb) == any(v["kind"] == "trade_price" for v in got)):
            bad += 1; print("FORBID MISMATCH", sp["id"])
    n_ans = sum(1 for r_ in recs.values() if r_["expect"] == "answer")
    assert n_ans == len(specs), (n_ans, len(specs))
    for r_ in recs.values():
        assert r_["expect"] != "answer" or r_["values"], r_["id"]
        assert r_["expect"] == "answer" or not r_["values"], r_["id"]
    print(f"checked {len(specs)} answer labels, {bad} mismatches")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
