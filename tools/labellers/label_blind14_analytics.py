"""Blind set blind14-analytics: 140 analytical questions labelled from the raw SIPSA weekly CSV per LABELS.md.
    nice -n 19 /work/main/.venv/bin/python label_analytics14.py   -> analytics14.jsonl (deterministic)"""
import sys, json, os, pickle, datetime as dt
from pathlib import Path
sys.path.insert(0, "/work/main/tools")
import label_questions as L
import pandas as pd

HERE = Path(__file__).resolve().parent
SET = "blind14-analytics"
CACHE = "/tmp/a14_data.pkl"
D = pickle.load(open(CACHE, "rb")) if os.path.exists(CACHE) else L.Data(L.CSV)
DF = D.df
LATEST = D.latest                      # 2025-10-25
PREV = D.previous                      # 2025-10-18
WEEKS = DF[["week", "week_end"]].drop_duplicates().sort_values("week").reset_index(drop=True)
MAIN = dict(L.MAIN)
UNITS = D.units
GROUP = {}  # product -> grupo column (CSV) in the newest week
raw_groups = None

class Skip(Exception):
    pass

def need(cond, msg):
    if not cond:
        raise Skip(msg)

def s_of(p, m):
    need((p, m) not in D.conflicted, f"conflicted {p} {m}")
    s = D.series(p, m)
    need(not s.empty, f"no series {p} @ {m}")
    return s

def holding(day):
    w = WEEKS[(WEEKS.week <= day) & (WEEKS.week_end >= day)]
    need(len(w) == 1, f"no week holds {day}")
    return w.iloc[0]["week"]

def price_at(p, m, week, back=0):
    s = s_of(p, m)
    idx = WEEKS.index[WEEKS.week == week][0]
    for k in range(back + 1):
        if idx - k < 0:
            break
        w = WEEKS.loc[idx - k, "week"]
        hit = s[s.week == w]
        if len(hit):
            return w, float(hit.iloc[0]["price"])
    raise Skip(f"no price {p} {m} {week}")

def window(p, m, a, b):
    s = s_of(p, m)
    w = s[(s.week >= a) & (s.week <= b)]
    need(len(w) > 0, f"empty window {p} {m} {a} {b}")
    return w

def pct(new, old):
    return round((new / old - 1) * 100, 1)

def pct_safe(new, old):
    v = (new / old - 1) * 100
    need(abs(v * 10 - round(v * 10)) < 0.45 or True, "")
    # avoid values sitting on a rounding edge (x.x5)
    need(abs(abs(v * 10 - int(v * 10)) - 0.5) > 0.02, f"rounding edge {v}")
    return round(v, 1)

def city_market(city, p):
    m = MAIN[city]
    s = D.series(p, m)
    need(not s.empty and s.iloc[-1]["week"] == LATEST, f"{p} not current at main {m}")
    return m

def default_market(p):
    m = D.default_market(p)
    need(m is not None, "no default market")
    return m

def check_whole_name(p, m):
    """a whole-name product must be priced in the market in the last 8 weeks (LABELS.md)."""
    s = s_of(p, m)
    start = WEEKS.week.iloc[-8]
    need((s.week >= start).any(), f"{p} not priced in last 8 weeks at {m}")

FIRST = {}
for name in UNITS:
    FIRST.setdefault(L.fold(name).split()[0], []).append(name)

def family_kinds(word, m):
    last = DF[(DF.week == LATEST) & (DF.market == m)]
    return sorted(p for p in set(last["product"]) if L.fold(p).split()[0] == L.fold(word))

# ---------------------------------------------------------------- statistics
def st_extreme(p, m, a, b, kind):
    w = window(p, m, a, b)
    v = float(w.price.max() if kind == "max" else w.price.min())
    near = w[(w.price - v).abs() <= 1.0]
    tied = sorted(near[near.price == v].week)
    need(len(near) == len(tied), f"near tie {p} {m}")
    out = {"kind": kind, "value": v, "market": m, "date": tied[-1]}
    if len(tied) > 1:
        out["dates"] = tied
    return [out]

def st_mean(p, m, a, b):
    return [{"kind": "mean", "value": float(window(p, m, a, b).price.mean()), "market": m}]

def st_median(p, m, a, b):
    return [{"kind": "median", "value": float(window(p, m, a, b).price.median()), "market": m}]

def st_change_days(p, m, d1, d2):
    w1, p1 = price_at(p, m, holding(d1), 4)
    w2, p2 = price_at(p, m, holding(d2), 4)
    return [{"kind": "price", "value": p1, "market": m, "date": w1}, {"kind": "price", "value": p2, "market": m, "date": w2},
            {"kind": "change_pct", "value": pct_safe(p2, p1), "market": m}]

def st_change_periods(p, m, a1, b1, a2, b2):
    m1 = float(window(p, m, a1, b1).price.mean()); m2 = float(window(p, m, a2, b2).price.mean())
    return [{"kind": "change_pct", "value": pct_safe(m2, m1), "market": m},
            {"kind": "price", "value": m1, "market": m}, {"kind": "price", "value": m2, "market": m}]

def st_since(p, m, day):
    w1 = holding(day)
    s = s_of(p, m)
    hit = s[s.week == w1]
    need(len(hit) == 1, f"no price at {w1}")
    p1 = float(hit.iloc[0].price)
    w2, p2 = s.iloc[-1]["week"], float(s.iloc[-1]["price"])
    need(w2 == LATEST, "series not current")
    return [{"kind": "price", "value": p1, "market": m, "date": w1}, {"kind": "price", "value": p2, "market": m, "date": w2},
            {"kind": "change_pct", "value": pct_safe(p2, p1), "market": m}]

def st_yoy(p, m):
    s = s_of(p, m)
    w2, p2 = s.iloc[-1]["week"], float(s.iloc[-1]["price"])
    need(w2 == LATEST, "series not current")
    target = (dt.date.fromisoformat(w2) - dt.timedelta(days=364))
    hit = s[s.week == target.isoformat()]
    need(len(hit) == 1, f"yoy exact week missing {target}")  # avoid the ±14-day fallback
    p1 = float(hit.iloc[0].price)
    return [{"kind": "price", "value": p1, "market": m, "date": target.isoformat()},
            {"kind": "price", "value": p2, "market": m, "date": w2},
            {"kind": "change_pct", "value": pct_safe(p2, p1), "market": m}]

def season_index(p, m):
    s = s_of(p, m).copy()
    s["y"] = s.week.str[:4].astype(int); s["mo"] = s.week.str[5:7].astype(int)
    mm = s.groupby(["y", "mo"]).price.mean().reset_index()
    cnt = mm.groupby("y").size()
    years = [y for y, c in cnt.items() if c >= 6]
    mm = mm[mm.y.isin(years)].copy()
    mm["r"] = mm.price / mm.groupby("y").price.transform("mean")
    g = mm.groupby("mo").r.agg(["mean", "count"])
    g = g[g["count"] >= 2]
    return g["mean"], len(years)

def st_season(p, m, which):
    idx, years = season_index(p, m)
    need(len(idx) == 12, "not 12 months")
    srt = idx.sort_values(ascending=(which == "cheap"))
    need(abs(srt.iloc[0] - srt.iloc[1]) > 0.01, f"season near tie {p} {m}")
    return [{"kind": "month", "value": int(srt.index[0]), "market": m}, {"kind": "years", "value": years, "market": m}]

def st_epoca(p, m):
    s = s_of(p, m)
    w, v = s.iloc[-1]["week"], float(s.iloc[-1]["price"])
    need(w == LATEST, "not current")
    y, mo = w[:4], w[5:7]
    prior = s[(s.week.str[5:7] == mo) & (s.week.str[:4] < y)].copy()
    prior["y"] = prior.week.str[:4]
    mm = prior.groupby("y").price.mean()
    need(len(mm) >= 3, "few years")
    lo, hi = mm.min(), mm.max()
    need(min(abs(v - lo), abs(v - hi)) > 0.02 * v, f"epoca near boundary {p} {m}")
    pos = -1 if v < lo else (1 if v > hi else 0)
    return [{"kind": "price", "value": v, "market": m, "date": w}, {"kind": "position", "value": pos, "market": m}]

def csv_group(p):
    return GROUPS_CSV.get(p)

def st_rank(m, group, order, n=1, week=None):
    week = week or LATEST
    rows = DF[(DF.market == m) & (DF.week == week)].copy()
    rows = rows[rows["product"].map(lambda x: UNITS.get(x) == "kg")]
    if group:
        rows = rows[rows["product"].map(lambda x: GROUPS_CSV.get((x, m, week)) == group)]
    need(len(rows) >= 3, "few rows")
    rows = rows.sort_values(["price", "product"], ascending=[order == "asc", True])
    need(abs(rows.price.iloc[0] - rows.price.iloc[1]) > 1.0, "rank tie")
    out = []
    for i in range(n):
        r = rows.iloc[i]
        out.append({"kind": "price", "value": float(r.price), "product": r["product"], "market": m, "date": week})
    return out

def movers(m, group, order, a1=None, b1=None, a2=None, b2=None):
    """m None = national. weeks when a1 is None: newest vs previous."""
    if a1 is None:
        a1 = b1 = PREV; a2 = b2 = LATEST
    x = DF[((DF.week >= a1) & (DF.week <= b1)) | ((DF.week >= a2) & (DF.week <= b2))].copy()
    x["per"] = (x.week >= a2).map({True: 2, False: 1})
    if m:
        x = x[x.market == m]
    x = x[~x.apply(lambda r: (r["product"], r["market"]) in D.conflicted, axis=1)] if len(x) else x
    pm = x.groupby(["product", "market", "per"]).price.mean().unstack("per").dropna()
    if group:
        keep = [p for p in pm.index.get_level_values(0) if PGROUP.get(p) == group]
        pm = pm[pm.index.get_level_values(0).isin(keep)]
    g = pm.groupby(level=0).mean()
    g["chg"] = (g[2] / g[1] - 1) * 100
    g = g.sort_values("chg", ascending=(order == "down"))
    need(len(g) >= 2, f"few movers {m} {group} {len(g)}")
    need(abs(g.chg.iloc[0] - g.chg.iloc[1]) > 0.5, "mover tie")
    top = g.index[0]
    need(UNITS.get(top) == "kg" or True, "")
    # the winner must be the same whether or not non-kg products are counted
    gk = g[g.index.map(lambda p: UNITS.get(p) == "kg")]
    need(gk.index[0] == top, "winner depends on unit filter")
    out = {"kind": "change_pct", "value": pct_safe(g.loc[top, 2], g.loc[top, 1]), "product": top}
    if m:
        out["market"] = m
    return [out]

def count_markets(p, week=None):
    week = week or LATEST
    rows = DF[(DF["product"] == p) & (DF.week == week)]
    need(not any((p, mk) in D.conflicted for mk in rows.market), "conflict")
    need(not any("," in mk and (" y " in mk) for mk in rows.market), "aggregate market")
    return [{"kind": "count", "value": int(rows.market.nunique())}]

def count_products(m):
    rows = DF[(DF.market == m) & (DF.week == LATEST)]
    need(not any(mk == m for (_, mk) in D.conflicted), "conflicted market")
    return [{"kind": "count", "value": int(rows["product"].nunique()), "market": m}]

KG = {"libra": 0.5, "arroba": 12.5, "bulto": 50.0}
BULK = ["Papa", "Cebolla cabezona", "Zanahoria", "Yuca", "Arracacha", "Arroz", "Fríjol", "Maíz", "Lenteja",
        "Garbanzo", "Arveja seca", "Azúcar"]

def trade(p, m, unit, n=None):
    s = s_of(p, m)
    w, v = s.iloc[-1]["week"], float(s.iloc[-1]["price"])
    need(w == LATEST, "not current")
    base = {"kind": "price", "value": v, "market": m, "date": w}
    if UNITS[p] != "kg":
        return [base], ["trade_price"]
    if unit == "bulto" and not any(p.startswith(b) for b in BULK):
        return [base], ["trade_price"]
    need(unit in KG or unit == "kilos", "unit")
    kg = n if unit == "kilos" else KG[unit]
    return [base, {"kind": "trade_price", "unit": unit, "value": v * kg, "market": m, "date": w}], []

# groups from the CSV `grupo` column, per (product, market, week), for rankings
GROUPS_CSV = {}
PGROUP = {}
def load_groups():
    raw = pd.read_csv(L.CSV, usecols=["semana_inicio", "grupo", "producto", "mercado"])
    raw = raw[raw.semana_inicio >= "2025-08-01"]
    pn = L.name_table(L.ROOT / "data" / "vocab" / "products.csv")
    mn = L.name_table(L.ROOT / "data" / "vocab" / "markets.csv")
    for r in raw.itertuples():
        p = pn.get(L.fold(L.clean(r.producto))); m = mn.get(L.fold(L.clean(r.mercado)))
        if p and m:
            GROUPS_CSV[(p, m, r.semana_inicio)] = r.grupo
            PGROUP[p] = r.grupo
load_groups()

from questions14 import build  # noqa: E402  (text + spec, written by hand)
QUESTIONS = build(sys.modules[__name__])

def run():
    out, bad = [], []
    for i, spec in enumerate(QUESTIONS, 1):
        rid = f"b14a-{i:03d}"
        stat = spec["stat"]
        rec = {"id": rid, "q": spec["q"], "prev": spec.get("prev", []), "family": "analytics",
               "expect": spec.get("expect", "answer"), "values": [], "forbid": [],
               "tags": [SET, stat] + spec.get("tags", [])}
        try:
            if "pm" in spec:
                p, m = spec["pm"]
                if len(FIRST[L.fold(p).split()[0]]) > 1:
                    check_whole_name(p, m)
            if "fam" in spec:
                word, m, want = spec["fam"]
                kinds = family_kinds(word, m)
                need(len(kinds) >= 2 if want == "many" else kinds == [want], f"family {word} {m}: {kinds}")
            if rec["expect"] == "answer":
                f = spec["f"]
                res = f()
                if isinstance(res, tuple):
                    rec["values"], rec["forbid"] = res
                else:
                    rec["values"] = res
        except Skip as e:
            bad.append((rid, spec["q"], str(e)))
        out.append(rec)
    for b in bad:
        print("SKIP", b)
    with open(HERE / "analytics14.jsonl", "w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(out), "records;", len(bad), "problems")

if __name__ == "__main__":
    run()
