"""Independent checker: re-reads the raw CSV with the csv module (no label_questions.Data), maps names with its own
folding of data/vocab aliases, recomputes every answer value with plain Python from the same question specs,
and compares with analytics14.jsonl."""
import csv, gzip, json, sys, unicodedata, statistics, datetime as dt
from collections import defaultdict
from pathlib import Path
HERE = Path(__file__).resolve().parent
V = Path("/work/main/data/vocab")

def fold(t):
    t = str(t).replace("\xa0", " ").strip().rstrip("* ").lower().replace("ñ", "@")
    t = "".join(c for c in unicodedata.normalize("NFD", t) if unicodedata.category(c) != "Mn").replace("@", "ñ")
    return " ".join("".join(c if c.isalnum() else " " for c in t).split())

def table(fn):
    out = {}
    rows = list(csv.DictReader(open(V / fn, encoding="utf-8")))
    for r in rows:
        out[fold(r["name"])] = r["name"]
    for r in rows:
        for a in r["aliases"].split("|"):
            if a:
                out.setdefault(fold(a), r["name"])
    return out, rows

PN, prow = table("products.csv"); MN, _ = table("markets.csv")
UNIT = {r["name"]: r["unit"] for r in prow}
cells = defaultdict(list)   # (p, m, week) -> prices
WEND = {}
GRP = {}
with gzip.open("/work/shared/sipsa/series/semanal_precios_2017-2025.csv.gz", "rt", encoding="utf-8") as fh:
    for r in csv.DictReader(fh):
        try:
            v = float(r["precio_medio_cop_kg"])
        except ValueError:
            continue
        WEND[r["semana_inicio"]] = r["semana_fin"]
        if not v > 0:
            continue
        p = PN.get(fold(r["producto"])); m = MN.get(fold(r["mercado"]))
        if p is None or m is None:
            continue
        cells[(p, m, r["semana_inicio"])].append(v)
        GRP[(p, m, r["semana_inicio"])] = r["grupo"]
CONFL = {(p, m) for (p, m, w), v in cells.items() if len(v) > 1}
PRICE = {k: v[0] for k, v in cells.items() if len(v) == 1}
SER = defaultdict(dict)
for (p, m, w), v in PRICE.items():
    SER[(p, m)][w] = v
WK = sorted(WEND)
LATEST = WK[-1]; PREV = WK[-2]

class Skip(Exception):
    pass

class A:
    LATEST = LATEST
    class _W:
        class week:
            @staticmethod
            def __class_getitem__(i): pass
    @staticmethod
    def holding(day):
        for w in WK:
            if w <= day <= WEND[w]:
                return w
        raise Skip(day)

class Weeks:  # mimic A.WEEKS.week.iloc[-n]
    class week:
        class iloc:
            def __class_getitem__(cls, i):
                return WK[i]
A.WEEKS = Weeks

def ser(p, m):
    return SER[(p, m)]

def win(p, m, a, b):
    return {w: v for w, v in ser(p, m).items() if a <= w <= b}

def r1(x):
    return round(x, 1)

def st_extreme(p, m, a, b, kind):
    w = win(p, m, a, b); v = (max if kind == "max" else min)(w.values())
    return [{"kind": kind, "value": v, "date": max(k for k, x in w.items() if x == v)}]
def st_mean(p, m, a, b): return [{"kind": "mean", "value": statistics.fmean(win(p, m, a, b).values())}]
def st_median(p, m, a, b): return [{"kind": "median", "value": statistics.median(win(p, m, a, b).values())}]
def back(p, m, w):
    i = WK.index(w)
    for k in range(5):
        if WK[i - k] in ser(p, m):
            return WK[i - k], ser(p, m)[WK[i - k]]
def st_change_days(p, m, d1, d2):
    (w1, a), (w2, b) = back(p, m, A.holding(d1)), back(p, m, A.holding(d2))
    return [{"kind": "price", "value": a, "date": w1}, {"kind": "price", "value": b, "date": w2},
            {"kind": "change_pct", "value": r1((b / a - 1) * 100)}]
def st_change_periods(p, m, a1, b1, a2, b2):
    x = statistics.fmean(win(p, m, a1, b1).values()); y = statistics.fmean(win(p, m, a2, b2).values())
    return [{"kind": "change_pct", "value": r1((y / x - 1) * 100)}, {"kind": "price", "value": x}, {"kind": "price", "value": y}]
def newest(p, m):
    w = max(ser(p, m)); return w, ser(p, m)[w]
def st_since(p, m, day):
    w1 = A.holding(day); a = ser(p, m)[w1]; w2, b = newest(p, m)
    return [{"kind": "price", "value": a, "date": w1}, {"kind": "price", "value": b, "date": w2},
            {"kind": "change_pct", "value": r1((b / a - 1) * 100)}]
def st_yoy(p, m):
    w2, b = newest(p, m); w1 = (dt.date.fromisoformat(w2) - dt.timedelta(days=364)).isoformat(); a = ser(p, m)[w1]
    return [{"kind": "price", "value": a, "date": w1}, {"kind": "price", "value": b, "date": w2},
            {"kind": "change_pct", "value": r1((b / a - 1) * 100)}]
def st_season(p, m, which):
    by = defaultdict(lambda: defaultdict(list))
    for w, v in ser(p, m).items():
        by[int(w[:4])][int(w[5:7])].append(v)
    ratios = defaultdict(list); years = 0
    for y, months in by.items():
        if len(months) < 6:
            continue
        years += 1
        mm = {k: statistics.fmean(v) for k, v in months.items()}; base = statistics.fmean(mm.values())
        for k, v in mm.items():
            ratios[k].append(v / base)
    idx = {k: statistics.fmean(v) for k, v in ratios.items() if len(v) >= 2}
    pick = (min if which == "cheap" else max)(idx, key=idx.get)
    return [{"kind": "month", "value": pick}, {"kind": "years", "value": years}]
def st_epoca(p, m):
    w, v = newest(p, m)
    yrs = defaultdict(list)
    for k, x in ser(p, m).items():
        if k[5:7] == w[5:7] and k[:4] < w[:4]:
            yrs[k[:4]].append(x)
    mm = [statistics.fmean(x) for x in yrs.values()]
    return [{"kind": "price", "value": v, "date": w}, {"kind": "position", "value": -1 if v < min(mm) else (1 if v > max(mm) else 0)}]
def st_rank(m, group, order, n=1, week=None):
    week = week or LATEST
    rows = [(v, p) for (p, mk, w), v in PRICE.items() if mk == m and w == week and UNIT.get(p) == "kg"
            and (group is None or GRP[(p, mk, w)] == group)]
    rows.sort(key=lambda t: (t[0] if order == "asc" else -t[0], t[1]))
    return [{"kind": "price", "value": v, "product": p, "date": week} for v, p in rows[:n]]
def movers(m, group, order, a1=None, b1=None, a2=None, b2=None):
    if a1 is None:
        a1 = b1 = PREV; a2 = b2 = LATEST
    acc = defaultdict(lambda: [[], []])
    pgrp = {p: g for (p, mk, w), g in GRP.items() if w >= "2025-08-01"}
    for (p, mk) in {(p, mk) for (p, mk, w) in PRICE}:
        if (m and mk != m) or (p, mk) in CONFL or (group and pgrp.get(p) != group):
            continue
        s = ser(p, mk)
        x = [v for w, v in s.items() if a1 <= w <= b1]; y = [v for w, v in s.items() if a2 <= w <= b2]
        if x and y:
            acc[p][0].append(statistics.fmean(x)); acc[p][1].append(statistics.fmean(y))
    chg = {p: (statistics.fmean(b) / statistics.fmean(a) - 1) * 100 for p, (a, b) in acc.items()}
    top = (max if order == "up" else min)(chg, key=chg.get)
    return [{"kind": "change_pct", "value": r1(chg[top]), "product": top}]
def count_markets(p, week=None):
    week = week or LATEST
    return [{"kind": "count", "value": len({mk for (pp, mk, w) in cells if pp == p and w == week})}]
def count_products(m):
    return [{"kind": "count", "value": len({pp for (pp, mk, w) in cells if mk == m and w == LATEST})}]
def trade(p, m, unit, n=None):
    w, v = newest(p, m)
    base = [{"kind": "price", "value": v, "date": w}]
    bulk = ("Papa", "Cebolla cabezona", "Zanahoria", "Yuca", "Arracacha", "Arroz", "Fríjol", "Maíz", "Lenteja",
            "Garbanzo", "Arveja seca", "Azúcar")
    if UNIT[p] != "kg" or (unit == "bulto" and not p.startswith(bulk)):
        return base, ["trade_price"]
    kg = {"libra": 0.5, "arroba": 12.5, "bulto": 50}.get(unit, n)
    return base + [{"kind": "trade_price", "value": v * kg}], []

for f in [st_extreme, st_mean, st_median, st_change_days, st_change_periods, st_since, st_yoy, st_season, st_epoca,
          st_rank, movers, count_markets, count_products, trade]:
    setattr(A, f.__name__, staticmethod(f))

sys.path.insert(0, str(HERE))
from questions14 import build
specs = build(A)
recs = [json.loads(l) for l in open(HERE / "analytics14.jsonl", encoding="utf-8")]
assert len(recs) == len(specs) == 140
bad = 0
for spec, rec in zip(specs, recs):
    assert rec["q"] == spec["q"]
    if rec["expect"] != "answer":
        assert not rec["values"]; continue
    res = spec["f"]()
    vals, forbid = res if isinstance(res, tuple) else (res, [])
    ok = len(vals) == len(rec["values"]) and forbid == rec["forbid"]
    for a, b in zip(vals, rec["values"]):
        tol = 0.15 if a["kind"] == "change_pct" else 0.5
        ok &= a["kind"] == b["kind"] and abs(a["value"] - b["value"]) <= tol
        for k in ("date", "product"):
            if k in a:
                ok &= a[k] == b.get(k)
    if not ok:
        bad += 1
        print("MISMATCH", rec["id"], rec["q"], vals, rec["values"], forbid)
print("checked", len(recs), "mismatches", bad)
