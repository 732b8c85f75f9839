"""Independent checker for analytics13.jsonl: reloads the raw CSV with its own code (own name folding from
data/vocab/*.csv, own duplicate handling, own week lookup), recomputes each answer from the question specs in
questions13.py with separate implementations, and reports mismatches.

    nice -n 19 /work/main/.venv/bin/python check_analytics13.py
"""
from __future__ import annotations

import calendar
import csv
import json
import re
import unicodedata
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
CSV = Path("/work/shared/sipsa/series/semanal_precios_2017-2025.csv.gz")
VOCAB = Path("/work/main/data/vocab")
MAIN = {"Bogotá": "Bogotá, D.C., Corabastos", "Medellín": "Medellín, Central Mayorista de Antioquia",
        "Cali": "Cali, Cavasa", "Barranquilla": "Barranquilla, Barranquillita",
        "Bucaramanga": "Bucaramanga, Centroabastos", "Cúcuta": "Cúcuta, Cenabastos", "Pereira": "Pereira, Mercasa",
        "Armenia": "Armenia, Mercar", "Manizales": "Manizales, Centro Galerías", "Ibagué": "Ibagué, Plaza La 21",
        "Neiva": "Neiva, Surabastos", "Pasto": "Pasto, El Potrerillo", "Villavicencio": "Villavicencio, CAV",
        "Tunja": "Tunja, Complejo de Servicios del Sur", "Valledupar": "Valledupar, Mercabastos",
        "Montería": "Montería, Mercado del Sur", "Cartagena": "Cartagena, Bazurto",
        "Sincelejo": "Sincelejo, Nuevo Mercado", "Popayán": "Popayán, Plaza de mercado del barrio Bolívar",
        "Ipiales": "Ipiales (Nariño), Ipiales somos todos"}
ORDER = list(MAIN.values())
BULTO = ("Papa", "Cebolla cabezona", "Zanahoria", "Yuca", "Arracacha", "Arroz", "Fríjol", "Maíz", "Lenteja",
         "Garbanzo", "Arveja seca", "Azúcar")


def norm(s):
    s = str(s).replace("\xa0", " ").strip().rstrip("*").strip().lower()
    s = "".join(c for c in unicodedata.normalize("NFD", s.replace("ñ", "#")) if unicodedata.category(c) != "Mn")
    return re.sub(r"[^0-9a-z#]+", " ", s).strip()


def table(path):
    out, unit = {}, {}
    for r in csv.DictReader(open(path, encoding="utf-8")):
        out[norm(r["name"])] = r["name"]
        for a in r["aliases"].split("|"):
            if a:
                out.setdefault(norm(a), r["name"])
        unit[r["name"]] = r.get("unit", "")
    return out, unit


PT, UNIT = table(VOCAB / "products.csv")
MT, _ = table(VOCAB / "markets.csv")
raw = pd.read_csv(CSV, dtype={"producto": str, "mercado": str, "grupo": str})
raw = raw[raw["precio_medio_cop_kg"] > 0].copy()
raw["p"] = raw["producto"].map(lambda s: PT.get(norm(s)))
raw["m"] = raw["mercado"].map(lambda s: MT.get(norm(s)))
raw = raw.dropna(subset=["p", "m"])
GRP = raw.sort_values("semana_inicio").groupby("p")["grupo"].last().to_dict()
key = ["p", "m", "semana_inicio"]
nuniq = raw.groupby(key)["precio_medio_cop_kg"].transform("nunique")
CONFLICT = set(map(tuple, raw.loc[nuniq > 1, ["p", "m"]].drop_duplicates().values.tolist()))
X = raw[nuniq == 1].drop_duplicates(key)[["p", "m", "semana_inicio", "semana_fin", "precio_medio_cop_kg"]]
X.columns = ["p", "m", "w", "we", "v"]
NEWEST = X["w"].max()
WK = X[["w", "we"]].drop_duplicates().sort_values("w")
WLIST = sorted(X["w"].unique())
PREV = WLIST[-2]
IDX = {k: g.sort_values("w").reset_index(drop=True) for k, g in X.groupby(["p", "m"])}
EMPTY = X.iloc[0:0]


def S(p, m):
    return IDX.get((p, m), EMPTY)


def Y(y):
    return (date(y, 1, 1), date(y, 12, 31))


def MO(y, m):
    return (date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]))


def QT(y, q):
    return (date(y, 3 * q - 2, 1), MO(y, 3 * q)[1])


def R(a, b):
    return (date.fromisoformat(a), date.fromisoformat(b))


def hold(day):
    day = str(day)
    h = WK[(WK["w"] <= day) & (WK["we"] >= day)]
    assert len(h) == 1, day
    return h["w"].iloc[0]


def SINCE(day):
    return (date.fromisoformat(hold(day)), date.fromisoformat(NEWEST))


def LASTN(n):
    return (date.fromisoformat(WLIST[-n]), date.fromisoformat(NEWEST))


def M(n):
    return ("m", n)


def C(n):
    return ("c", n)


def mk(where):
    return where[1] if where[0] == "m" else MAIN[where[1]]


def cut(s, per):
    if per is None:
        return s
    a, b = per[0].isoformat(), per[1].isoformat()
    return s[(s["w"] >= a) & (s["w"] <= b)]


def dflt(p):
    last = X[X["p"] == p]["w"].max()
    have = set(X[(X["p"] == p) & (X["w"] == last)]["m"])
    return next(m for m in ORDER if m in have)


# ---- independent statistics: return list of (kind, value, market, date, product)
def st_extreme(p, where, per, which):
    m = mk(where)
    s = cut(S(p, m), per)
    arr = s["v"].to_numpy()
    v = arr.max() if which == "max" else arr.min()
    d = s["w"].to_numpy()[np.where(arr == v)[0]].max()
    return [(which, v, m, d, None)]


def st_avg(p, where, per, which):
    m = mk(where)
    arr = cut(S(p, m), per)["v"].to_numpy()
    return [(which, float(np.mean(arr)) if which == "mean" else float(np.median(arr)), m, None, None)]


def at(p, m, day):
    w = hold(day)
    s = S(p, m)
    s = s[s["w"] <= w].tail(1)
    assert (date.fromisoformat(w) - date.fromisoformat(s["w"].iloc[0])).days <= 28
    return s["w"].iloc[0], s["v"].iloc[0]


def st_chg_days(p, where, d1, d2):
    m = mk(where)
    (w1, a), (w2, b) = at(p, m, d1), at(p, m, d2)
    return [("price", a, m, w1, None), ("price", b, m, w2, None), ("change_pct", 100 * (b - a) / a, m, None, None)]


def st_chg_per(p, where, per1, per2):
    m = mk(where)
    s = S(p, m)
    a, b = cut(s, per1)["v"].mean(), cut(s, per2)["v"].mean()
    return [("change_pct", 100 * (b - a) / a, m, None, None)]


def st_since(p, where, day):
    m = mk(where)
    w1, a = at(p, m, day)
    s = S(p, m)
    w2, b = s["w"].iloc[-1], s["v"].iloc[-1]
    return [("price", a, m, w1, None), ("price", b, m, w2, None), ("change_pct", 100 * (b - a) / a, m, None, None)]


def st_yoy(p, where):
    m = mk(where) if where else dflt(p)
    s = S(p, m)
    w2, b = s["w"].iloc[-1], s["v"].iloc[-1]
    t = pd.Timestamp(w2) - pd.Timedelta(days=364)
    dd = (pd.to_datetime(s["w"]) - t).dt.days
    ok = s[dd.abs() <= 14].assign(a=dd.abs(), late=(dd > 0).astype(int)).sort_values(["a", "late"])
    w1, a = ok["w"].iloc[0], ok["v"].iloc[0]
    return [("price", a, m, w1, None), ("price", b, m, w2, None), ("change_pct", 100 * (b - a) / a, m, None, None)]


def st_season(p, where, which):
    m = mk(where) if where else dflt(p)
    s = S(p, m)
    piv = s.assign(y=s["w"].str[:4], mo=s["w"].str[5:7].astype(int)).pivot_table(index="y", columns="mo",
                                                                                values="v", aggfunc="mean")
    piv = piv[piv.notna().sum(axis=1) >= 6]
    ratio = piv.div(piv.mean(axis=1), axis=0)
    idx = ratio.mean(axis=0)[ratio.notna().sum(axis=0) >= 2]
    mo = idx.idxmin() if which == "cheap" else idx.idxmax()
    return [("month", mo, m, None, None), ("years", len(piv), m, None, None)]


def st_epoca(p, where):
    m = mk(where) if where else dflt(p)
    s = S(p, m)
    w, v = s["w"].iloc[-1], s["v"].iloc[-1]
    old = s[(s["w"].str[5:7] == w[5:7]) & (s["w"] < w[:4])]
    mm = old.groupby(old["w"].str[:4])["v"].mean()
    return [("price", v, m, w, None), ("position", int(v > mm.max()) - int(v < mm.min()), m, None, None)]


def st_rank(where, group, order, n=1, week=None):
    m = mk(where)
    week = week or NEWEST
    t = X[(X["m"] == m) & (X["w"] == week)]
    t = t[t["p"].map(lambda x: UNIT.get(x) == "kg")]
    if group:
        t = t[t["p"].map(GRP.get) == group]
    rows = sorted(zip(t["v"], t["p"]), key=lambda r: ((r[0] if order == "min" else -r[0]), r[1]))[:n]
    return [("price", v, m, week, pp) for v, pp in rows]


def st_movers(where, group, direction, w1=None, w2=None, per1=None, per2=None):
    m = None if where is None else mk(where)
    t = X if m is None else X[X["m"] == m]
    if group:
        t = t[t["p"].map(GRP.get) == group]
    if per1 is None:
        w1, w2 = w1 or PREV, w2 or NEWEST
        a = t[t["w"] == w1].groupby(["p", "m"])["v"].mean()
        b = t[t["w"] == w2].groupby(["p", "m"])["v"].mean()
    else:
        a = cut(t, per1).groupby(["p", "m"])["v"].mean()
        b = cut(t, per2).groupby(["p", "m"])["v"].mean()
    both = a.index.intersection(b.index)
    a, b = a.loc[both].groupby(level=0).mean(), b.loc[both].groupby(level=0).mean()
    ch = (b / a - 1) * 100
    top = ch.idxmax() if direction == "up" else ch.idxmin()
    return [("change_pct", ch[top], m, None, top)]


def st_count_markets(p, week=None):
    week = week or NEWEST
    r = raw[(raw["p"] == p) & (raw["semana_inicio"] == week)]
    return [("count", r["m"].nunique(), None, week, None)]


def st_count_products(where):
    m = mk(where)
    r = raw[(raw["m"] == m) & (raw["semana_inicio"] == NEWEST)]
    return [("count", r["p"].nunique(), m, NEWEST, None)]


def st_trade(p, where, unit, kg=None):
    m = mk(where) if where else dflt(p)
    s = S(p, m)
    w, v = s["w"].iloc[-1], s["v"].iloc[-1]
    out = [("price", v, m, w, None)]
    if UNIT.get(p) != "kg" or (unit == "bulto" and not p.startswith(BULTO)):
        return out
    k = {"libra": 0.5, "arroba": 12.5, "bulto": 50}.get(unit, kg)
    return out + [("trade_price", v * k, m, w, None)]


SPECS = []


def q(text, stat, fn=None, *args, prev=None, expect="answer", **kw):
    SPECS.append((text, stat, fn, args, kw, prev or [], expect))


exec(open(HERE / "questions13.py", encoding="utf-8").read())

recs = [json.loads(line) for line in open(HERE / "analytics13.jsonl", encoding="utf-8")]
bad = 0
assert len(recs) == len(SPECS) == 150, (len(recs), len(SPECS))
for rec, (text, stat, fn, args, kw, prev, expect) in zip(recs, SPECS):
    probs = []
    if rec["q"] != text or rec["expect"] != expect or rec["prev"] != prev:
        probs.append("text/expect/prev differ")
    if rec["family"] != "analytics" or "blind13-analytics" not in rec["tags"] or stat not in rec["tags"]:
        probs.append("family/tags")
    if expect != "answer":
        if rec["values"]:
            probs.append("values on non-answer")
    else:
        mine = fn(*args, **kw)
        got = rec["values"]
        if len(mine) != len(got):
            probs.append(f"count {len(mine)} vs {len(got)}")
        for (k, v, m, d, pp), g in zip(mine, got):
            tol = 0.15 if k == "change_pct" else 0.5
            if g["kind"] != k or abs(float(g["value"]) - float(v)) > tol or g["market"] != m or g["date"] != d \
                    or g.get("product") != pp:
                probs.append(f"mine {(k, v, m, d, pp)} vs {g}")
            if m and any(c[1] == m and (c[0] == pp or pp is None) for c in CONFLICT) and k in ("count",):
                probs.append(f"conflict in market {m}")
        pairs = {(a[0], g["market"]) for a in [args] if isinstance(a[0], str)} if args else set()
        for pr in pairs:
            if pr in CONFLICT:
                probs.append(f"conflicted pair {pr}")
        if stat == "trade_unit":
            want = [] if any(x[0] == "trade_price" for x in mine) else ["trade_price"]
            if rec["forbid"] != want:
                probs.append(f"forbid {rec['forbid']} vs {want}")
    if probs:
        bad += 1
        print(rec["id"], rec["q"][:60], "->", probs)
print(f"checked {len(recs)} records, {bad} with problems")
