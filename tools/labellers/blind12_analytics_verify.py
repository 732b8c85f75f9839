"""Independent re-check of analytics12.jsonl straight from the raw CSV (own name folding, no Data class)."""
import csv, json, unicodedata, datetime as dt, statistics, sys
import pandas as pd
import label_analytics12 as LA

def fold(t):
    t = str(t).lower().replace("ñ", "\0")
    t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c)).replace("\0", "ñ")
    return " ".join("".join(c if c.isalnum() else " " for c in t).split())

def table(path):
    out = {}
    for r in csv.DictReader(open(path, encoding="utf-8")):
        out[fold(r["name"])] = r["name"]
        for a in filter(None, r["aliases"].split("|")):
            out.setdefault(fold(" ".join(a.split())), r["name"])
    return out

raw = pd.read_csv(LA.L.CSV, dtype=str)
raw["precio"] = raw.precio_medio_cop_kg.astype(float)
pt, mt = table("/work/main/data/vocab/products.csv"), table("/work/main/data/vocab/markets.csv")
raw["P"] = raw.producto.map(lambda s: pt.get(fold(" ".join(s.split()).rstrip("* "))))
raw["M"] = raw.mercado.map(lambda s: mt.get(fold(" ".join(s.split()))))
assert raw.P.notna().all() and raw.M.notna().all()
raw = raw[raw.precio > 0]
dups = raw[raw.duplicated(["P", "M", "semana_inicio"], keep=False)]
dup_pairs = set(zip(dups.P, dups.M)); dup_markets_latest = set(dups[dups.semana_inicio >= "2025-08-01"].M)
print("markets with duplicate rows since 2025-08:", dup_markets_latest)
LA.load()
recs = [json.loads(l) for l in open(LA.OUT)]
bad = 0
def S(p, m):
    s = raw[(raw.P == p) & (raw.M == m)].sort_values("semana_inicio")
    assert (p, m) not in dup_pairs, ("duplicated rows in series", p, m)
    return s
def close(a, b, tol=0.5): return abs(a - b) <= tol
for item, r in zip(LA.QUESTIONS, recs):
    if r["expect"] != "answer": continue
    st = item["stat"]; p = item.get("p"); V = r["values"]
    it = dict(item)
    for k in ("per", "a", "b"):
        if isinstance(it.get(k), tuple): it[k] = LA.P(it[k])
    ok = True
    if st in ("max", "min", "mean", "median"):
        m = V[0]["market"]; s = S(p, m); s = s[(s.semana_inicio >= it["per"][0]) & (s.semana_inicio <= it["per"][1])]
        x = {"max": s.precio.max(), "min": s.precio.min(), "mean": s.precio.mean(), "median": s.precio.median()}[st]
        ok = close(x, V[0]["value"])
        if st in ("max", "min"):
            ok &= s[s.precio == x].semana_inicio.max() == V[0]["date"]
    elif st in ("change_weeks", "since", "yoy"):
        m = V[0]["market"]; s = S(p, m).set_index("semana_inicio").precio
        ok = close(s[V[0]["date"]], V[0]["value"]) and close(s[V[1]["date"]], V[1]["value"])
        ok &= abs((V[1]["value"] / V[0]["value"] - 1) * 100 - V[2]["value"]) <= 0.05
        if st == "since" or (st == "change_weeks" and it["b"] == "now") or st == "yoy":
            ok &= V[1]["date"] == s.index.max()
        if st == "yoy":
            d = (dt.date.fromisoformat(V[1]["date"]) - dt.date.fromisoformat(V[0]["date"])).days
            ok &= abs(d - 364) <= 14
    elif st == "change_periods":
        m = V[0]["market"]; s = S(p, m)
        a = s[(s.semana_inicio >= it["a"][0]) & (s.semana_inicio <= it["a"][1])].precio.mean()
        b = s[(s.semana_inicio >= it["b"][0]) & (s.semana_inicio <= it["b"][1])].precio.mean()
        ok = abs((b / a - 1) * 100 - V[0]["value"]) <= 0.05
    elif st == "trade_unit":
        m = V[0]["market"]; s = S(p, m)
        ok = close(s.precio.iloc[-1], V[0]["value"]) and V[0]["date"] == s.semana_inicio.iloc[-1] == "2025-10-25"
        if len(V) > 1:
            kg = item.get("kilos") or {"libra": .5, "arroba": 12.5, "bulto": 50}[item["tu"]]
            ok &= close(V[1]["value"], V[0]["value"] * kg)
    elif st == "season":
        m = V[0]["market"]; s = S(p, m).copy()
        s["y"] = s.semana_inicio.str[:4]; s["mo"] = s.semana_inicio.str[5:7].astype(int)
        mm = s.groupby(["y", "mo"]).precio.mean().unstack()
        mm = mm[mm.notna().sum(axis=1) >= 6]
        ratio = mm.div(mm.mean(axis=1), axis=0)
        idx = ratio.mean(axis=0)[ratio.notna().sum(axis=0) >= 2]
        best = idx.idxmin() if item["which"] == "cheapest" else idx.idxmax()
        ok = best == V[0]["value"] and len(mm) == V[1]["value"]
    elif st == "epoca":
        m = V[0]["market"]; s = S(p, m)
        last = s.iloc[-1]; mo = last.semana_inicio[5:7]
        prev = s[(s.semana_inicio.str[5:7] == mo) & (s.semana_inicio.str[:4] < last.semana_inicio[:4])]
        pm = prev.groupby(prev.semana_inicio.str[:4]).precio.mean()
        pos = -1 if last.precio < pm.min() else 1 if last.precio > pm.max() else 0
        ok = pos == V[1]["value"] and close(last.precio, V[0]["value"])
    elif st == "ranking":
        m = V[0]["market"]; w = V[0]["date"]
        units = {r_["name"]: r_["unit"] for r_ in csv.DictReader(open("/work/main/data/vocab/products.csv"))}
        x = raw[(raw.M == m) & (raw.semana_inicio == w)]
        if item["grupo"]: x = x[x.grupo == item["grupo"]]
        x = x[x.P.map(units) == "kg"]
        assert not x.duplicated("P").any()
        x = x.sort_values(["precio", "P"], ascending=[item["order"] == "cheapest", True])
        ok = x.P.iloc[0] == V[0]["product"] and close(x.precio.iloc[0], V[0]["value"])
    elif st == "count_products":
        m = V[0]["market"]; ok = raw[(raw.M == m) & (raw.semana_inicio == "2025-10-25")].P.nunique() == V[0]["value"]
    elif st == "count_markets":
        per = it.get("per") or ("2025-10-25", "2025-10-25")
        ok = raw[(raw.P == p) & (raw.semana_inicio >= per[0]) & (raw.semana_inicio <= per[1])].M.nunique() == V[0]["value"]
    elif st == "movers":
        a = it.get("a") or ("2025-10-18", "2025-10-18"); b = it.get("b") or ("2025-10-25", "2025-10-25")
        x = raw if item.get("national") else raw[raw.M == V[0]["market"]]
        if item["grupo"]: x = x[x.grupo == item["grupo"]]
        A = x[(x.semana_inicio >= a[0]) & (x.semana_inicio <= a[1])].groupby(["P", "M"]).precio.mean()
        B = x[(x.semana_inicio >= b[0]) & (x.semana_inicio <= b[1])].groupby(["P", "M"]).precio.mean()
        k = A.index.intersection(B.index)
        ch = (B[k].groupby(level=0).mean() / A[k].groupby(level=0).mean() - 1) * 100
        top = ch.idxmax() if item["direction"] == "up" else ch.idxmin()
        ok = top == V[0]["product"] and abs(ch[top] - V[0]["value"]) <= 0.05
    if not ok:
        bad += 1; print("MISMATCH", r["id"], r["q"], V)
print("checked", sum(1 for r in recs if r["expect"] == "answer"), "answers; mismatches:", bad)
