"""Blind set blind13-analytics: 150 analytical questions labelled from the raw SIPSA weekly CSV, following
/work/main/tests/questions/LABELS.md.  Deterministic:  nice -n 19 /work/main/.venv/bin/python label_analytics13.py

Uses tools/label_questions.py only for its name tables (Data: CSV spelling -> canonical name, duplicates of
(product, market, week) dropped) and its MAIN list.  Each question is a hand-written spec; the values are
computed here.  Risky cases (ties, fallbacks, narrow margins, group disagreements) are printed as WARN.
"""
from __future__ import annotations

import datetime as dt
import json
import pickle
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, "/work/main/tools")
import label_questions as L  # noqa: E402

OUT = Path(__file__).resolve().parent / "analytics13.jsonl"
SET = "blind13-analytics"
TODAY = dt.date(2025, 11, 3)
CACHE = Path("/tmp/b13_data.pkl")
BULTO_PREFIX = ("Papa", "Cebolla cabezona", "Zanahoria", "Yuca", "Arracacha", "Arroz", "Fríjol", "Maíz", "Lenteja",
                "Garbanzo", "Arveja seca", "Azúcar")
KG = {"libra": 0.5, "arroba": 12.5, "bulto": 50.0}
WARN: list[str] = []


def load() -> L.Data:
    if CACHE.exists():
        return pickle.load(open(CACHE, "rb"))
    d = L.Data(L.CSV)
    pickle.dump(d, open(CACHE, "wb"))
    return d


D = load()
DF = D.df
LATEST = D.latest
MAIN = dict(L.MAIN)
UNITS = D.units
WEEKS = DF[["week", "week_end"]].drop_duplicates().sort_values("week").reset_index(drop=True)
ALLWEEKS = sorted(DF["week"].unique())


def _raw_groups() -> dict[str, str]:
    """Group of each canonical product from the CSV `grupo` column (newest spelling wins)."""
    p = Path("/tmp/b13_groups.json")
    if p.exists():
        return json.loads(p.read_text())
    raw = pd.read_csv(L.CSV, usecols=["semana_inicio", "grupo", "producto"], dtype=str)
    raw = raw[raw["semana_inicio"] >= "2025-01-01"]
    pt = L.name_table(L.ROOT / "data" / "vocab" / "products.csv")
    raw["product"] = raw["producto"].map(lambda s: pt.get(L.fold(L.clean(s))))
    g = raw.dropna(subset=["product"]).sort_values("semana_inicio").groupby("product")["grupo"].last().to_dict()
    p.write_text(json.dumps(g, ensure_ascii=False))
    return g


GROUP = _raw_groups()
VGROUP = pd.read_csv(L.ROOT / "data" / "vocab" / "products.csv").set_index("name")["group"].fillna("").to_dict()
GROUPS = {"verduras": "Verduras y hortalizas", "frutas": "Frutas frescas", "tuberculos": "Tubérculos, raíces y plátanos",
          "granos": "Granos y cereales", "huevos": "Huevos y lácteos", "carnes": "Carnes", "pescados": "Pescados",
          "procesados": "Productos procesados"}


# ---------------------------------------------------------------- periods
def Y(y):
    return (f"{y}-01-01", f"{y}-12-31")


def MO(y, m):
    import calendar
    return (f"{y}-{m:02d}-01", f"{y}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}")


def QT(y, q):
    a = MO(y, 3 * q - 2)
    b = MO(y, 3 * q)
    return (a[0], b[1])


def R(a, b):
    return (a, b)


def hold(day: str) -> str:
    hit = WEEKS[(WEEKS["week"] <= day) & (WEEKS["week_end"] >= day)]
    if len(hit) != 1:
        raise SystemExit(f"day {day} held by {len(hit)} weeks")
    return str(hit.iloc[0]["week"])


def SINCE(day):
    return (hold(day), LATEST)


def LASTN(n):
    return (ALLWEEKS[-n], LATEST)


# ---------------------------------------------------------------- series helpers
def ser(p, m):
    s = D.series(p, m)
    if (p, m) in D.conflicted:
        WARN.append(f"conflicted pair {p} @ {m}")
    return s


def win(p, m, per):
    s = ser(p, m)
    if per is None:
        return s
    return s[(s["week"] >= per[0]) & (s["week"] <= per[1])]


def place(p, where, per=None):
    kind, name = where
    if kind == "m":
        return name
    m = MAIN[name]
    if per is None:
        if D.week_price(p, m, LATEST) is None:
            WARN.append(f"city {name}: main market {m} lacks {p} in newest week")
    elif win(p, m, per).empty:
        WARN.append(f"city {name}: main market {m} lacks {p} in {per}")
    return m


def default_market(p):
    return D.default_market(p)


def V(kind, value, market=None, date=None, **extra):
    out = {"kind": kind, "value": round(float(value), 4) if kind != "change_pct" else round(float(value), 1),
           "market": market, "date": date}
    if kind in ("count", "month", "years", "position"):
        out["value"] = int(value)
    out.update(extra)
    return out


def pct(new, old):
    return (new / old - 1) * 100


def price_at_day(p, m, day):
    w = hold(day)
    s = ser(p, m)
    lo = (dt.date.fromisoformat(w) - dt.timedelta(days=28)).isoformat()
    hit = s[(s["week"] <= w) & (s["week"] >= lo)]
    if hit.empty:
        raise SystemExit(f"no price for {p} @ {m} near {day}")
    row = hit.iloc[-1]
    if row["week"] != w:
        WARN.append(f"fallback {p} @ {m}: day {day} week {w} -> {row['week']}")
    return str(row["week"]), float(row["price"])


# ---------------------------------------------------------------- statistics
def st_extreme(p, where, per, which):
    m = place(p, where, per)
    s = win(p, m, per)
    if len(s) < 3:
        raise SystemExit(f"too few weeks {p} @ {m} {per}")
    v = s["price"].max() if which == "max" else s["price"].min()
    tied = sorted(s.loc[(s["price"] - v).abs() < 1e-9, "week"])
    extra = {"dates": tied} if len(tied) > 1 else {}
    if len(tied) > 1:
        WARN.append(f"tie {which} {p} @ {m}: {tied}")
    return [V(which, v, m, tied[-1], **extra)]


def st_avg(p, where, per, which):
    m = place(p, where, per)
    s = win(p, m, per)
    if len(s) < 3:
        raise SystemExit(f"too few weeks {p} @ {m} {per}")
    v = s["price"].mean() if which == "mean" else s["price"].median()
    return [V(which, v, m)]


def st_chg_days(p, where, d1, d2):
    m = place(p, where)
    w1, p1 = price_at_day(p, m, d1)
    w2, p2 = price_at_day(p, m, d2)
    return [V("price", p1, m, w1), V("price", p2, m, w2), V("change_pct", pct(p2, p1), m)]


def st_chg_per(p, where, per1, per2):
    m = place(p, where, per2)
    a, b = win(p, m, per1), win(p, m, per2)
    if a.empty or b.empty:
        raise SystemExit(f"empty period {p} @ {m}")
    if len(a) < 3 or len(b) < 3:
        WARN.append(f"short period {p} @ {m}: {len(a)} / {len(b)}")
    return [V("change_pct", pct(b["price"].mean(), a["price"].mean()), m)]


def st_since(p, where, day):
    m = place(p, where)
    w1, p1 = price_at_day(p, m, day)
    s = ser(p, m)
    w2, p2 = str(s.iloc[-1]["week"]), float(s.iloc[-1]["price"])
    if w2 != LATEST:
        WARN.append(f"since: newest week of {p} @ {m} is {w2}")
    return [V("price", p1, m, w1), V("price", p2, m, w2), V("change_pct", pct(p2, p1), m)]


def st_yoy(p, where):
    m = place(p, where) if where else default_market(p)
    s = ser(p, m)
    w2, p2 = str(s.iloc[-1]["week"]), float(s.iloc[-1]["price"])
    target = dt.date.fromisoformat(w2) - dt.timedelta(days=364)
    cand = []
    for _, r in s.iterrows():
        delta = (dt.date.fromisoformat(r["week"]) - target).days
        if abs(delta) <= 14:
            cand.append((abs(delta), 0 if delta < 0 else 1, r["week"], float(r["price"])))
    if not cand:
        raise SystemExit(f"yoy: nothing near {target} for {p} @ {m}")
    cand.sort()
    _, _, w1, p1 = cand[0]
    if w1 != target.isoformat():
        WARN.append(f"yoy fallback {p} @ {m}: {target} -> {w1}")
    return [V("price", p1, m, w1), V("price", p2, m, w2), V("change_pct", pct(p2, p1), m)]


def season_index(s):
    s = s.assign(y=s["week"].str[:4], mo=s["week"].str[5:7].astype(int))
    mm = s.groupby(["y", "mo"])["price"].mean().reset_index()
    cnt = mm.groupby("y").size()
    good = cnt[cnt >= 6].index
    mm = mm[mm["y"].isin(good)].copy()
    mm["ratio"] = mm["price"] / mm.groupby("y")["price"].transform("mean")
    agg = mm.groupby("mo")["ratio"].agg(["mean", "size"])
    agg = agg[agg["size"] >= 2]
    return agg["mean"], len(good)


def st_season(p, where, which):
    m = place(p, where) if where else default_market(p)
    idx, years = season_index(ser(p, m))
    srt = idx.sort_values(ascending=(which == "cheap"))
    if abs(srt.iloc[0] - srt.iloc[1]) < 0.01:
        WARN.append(f"season close {p} @ {m}: {srt.head(3).to_dict()}")
    return [V("month", srt.index[0], m), V("years", years, m)]


def st_epoca(p, where):
    m = place(p, where) if where else default_market(p)
    s = ser(p, m)
    w, v = str(s.iloc[-1]["week"]), float(s.iloc[-1]["price"])
    mo, yr = w[5:7], w[:4]
    prev = s[(s["week"].str[5:7] == mo) & (s["week"].str[:4] < yr)]
    means = prev.groupby(prev["week"].str[:4])["price"].mean()
    if len(means) < 2:
        WARN.append(f"epoca few years {p} @ {m}: {len(means)}")
    lo, hi = means.min(), means.max()
    pos = -1 if v < lo else (1 if v > hi else 0)
    margin = min(abs(v / lo - 1), abs(v / hi - 1))
    if margin < 0.02:
        WARN.append(f"epoca near bound {p} @ {m}: v={v} lo={lo} hi={hi}")
    return [V("price", v, m, w), V("position", pos, m)]


def week_table(market, week, group, kg_only=True, groupmap=None):
    groupmap = groupmap or GROUP
    t = DF[(DF["market"] == market) & (DF["week"] == week)]
    if kg_only:
        t = t[t["product"].map(lambda x: UNITS.get(x, "kg") == "kg")]
    if group:
        t = t[t["product"].map(lambda x: groupmap.get(x)) == group]
    return t


def st_rank(where, group, order, n=1, week=None):
    m = where[1] if where[0] == "m" else MAIN[where[1]]
    week = week or LATEST
    out = None
    for gm in (GROUP, VGROUP):
        t = week_table(m, week, group, True, gm)
        t = t.sort_values(["price", "product"], ascending=[order == "min", True]) if order == "min" else \
            t.assign(neg=-t["price"]).sort_values(["neg", "product"])
        top = list(zip(t["product"], t["price"]))[:n]
        if out is None:
            out = top
        elif [x[0] for x in top] != [x[0] for x in out]:
            WARN.append(f"rank differs by group table {m} {group}: {out} vs {top}")
    if len(t) > n and abs(t["price"].iloc[n - 1] - t["price"].iloc[n]) < 1:
        WARN.append(f"rank near-tie at {n} in {m}")
    return [V("price", pr, m, week, product=pp) for pp, pr in out]


def _mover_table(market, group, w1=None, w2=None, per1=None, per2=None, kg_only=False, groupmap=None):
    groupmap = groupmap or GROUP
    t = DF if market is None else DF[DF["market"] == market]
    if kg_only:
        t = t[t["product"].map(lambda x: UNITS.get(x, "kg") == "kg")]
    if group:
        t = t[t["product"].map(lambda x: groupmap.get(x)) == group]
    if w1:
        a = t[t["week"] == w1].set_index(["product", "market"])["price"]
        b = t[t["week"] == w2].set_index(["product", "market"])["price"]
    else:
        a = t[(t["week"] >= per1[0]) & (t["week"] <= per1[1])].groupby(["product", "market"])["price"].mean()
        b = t[(t["week"] >= per2[0]) & (t["week"] <= per2[1])].groupby(["product", "market"])["price"].mean()
    j = pd.concat([a.rename("a"), b.rename("b")], axis=1).dropna()
    g = j.groupby(level=0).agg(a=("a", "mean"), b=("b", "mean"), n=("a", "size"))
    g["chg"] = (g["b"] / g["a"] - 1) * 100
    return g


def st_movers(where, group, direction, w1=None, w2=None, per1=None, per2=None):
    m = None if where is None else (where[1] if where[0] == "m" else MAIN[where[1]])
    if w1 is None and per1 is None:
        w1, w2 = D.previous, LATEST
    res = []
    for kg_only in (False, True):
        for gm in (GROUP, VGROUP):
            g = _mover_table(m, group, w1, w2, per1, per2, kg_only, gm)
            g = g.sort_values("chg", ascending=(direction == "down"))
            res.append((g.index[0], g["chg"].iloc[0], g["chg"].iloc[1], g["n"].iloc[0]))
    top = res[0]
    if any(r[0] != top[0] for r in res):
        WARN.append(f"movers differ by unit/group filter {m} {group}: {res}")
    if abs(top[1] - top[2]) < 0.5:
        WARN.append(f"movers close {m} {group}: {top}")
    if m is None and top[3] < 2:
        WARN.append(f"national mover priced in {top[3]} market(s): {top}")
    if m is not None:
        conf = [c for c in D.conflicted if c[1] == m]
        if conf:
            WARN.append(f"market {m} has conflicted pairs {conf}")
    return [V("change_pct", top[1], m, None, product=top[0])]


def st_count_markets(p, week=None):
    week = week or LATEST
    n = DF[(DF["product"] == p) & (DF["week"] == week)]["market"].nunique()
    conf = [c for c in D.conflicted if c[0] == p]
    if conf:
        WARN.append(f"count markets {p}: conflicted {conf}")
    return [V("count", n, None, week)]


def st_count_products(where):
    m = where[1] if where[0] == "m" else MAIN[where[1]]
    n = DF[(DF["market"] == m) & (DF["week"] == LATEST)]["product"].nunique()
    conf = [c for c in D.conflicted if c[1] == m]
    if conf:
        WARN.append(f"count products {m}: conflicted {conf}")
    return [V("count", n, m, LATEST)]


def st_trade(p, where, unit, kg=None):
    m = place(p, where) if where else default_market(p)
    w, v = D.latest_price(p, m)
    if w != LATEST:
        WARN.append(f"trade: newest week of {p} @ {m} is {w}")
    u = UNITS.get(p, "kg")
    base = V("price", v, m, w)
    if u != "kg":
        return [base], ["trade_price"]
    if unit == "bulto" and not p.startswith(BULTO_PREFIX):
        return [base], ["trade_price"]
    k = kg if unit == "kilos" else KG[unit]
    return [base, V("trade_price", v * k, m, w, unit=unit)], []


# ---------------------------------------------------------------- the questions
M = lambda n: ("m", n)  # noqa: E731
C = lambda n: ("c", n)  # noqa: E731
Q: list[dict] = []


def q(text, stat, fn=None, *args, prev=None, expect="answer", **kw):
    Q.append({"q": text, "stat": stat, "fn": fn, "args": args, "kw": kw, "prev": prev or [], "expect": expect})


exec(open(Path(__file__).resolve().parent / "questions13.py", encoding="utf-8").read())


def build():
    out = []
    for i, item in enumerate(Q, 1):
        forbid: list[str] = []
        values: list[dict] = []
        if item["expect"] == "answer":
            WARN.append(f"--- b13a-{i:03d}")
            try:
                res = item["fn"](*item["args"], **item["kw"])
            except (SystemExit, Exception) as e:  # noqa: BLE001
                WARN.append(f"ERROR b13a-{i:03d} {item['q'][:50]}: {e!r}")
                res = []
            if isinstance(res, tuple):
                values, forbid = res
            else:
                values = res
            if WARN and WARN[-1].startswith("---"):  # nothing to report for this one
                WARN.pop()
        rec = {"id": f"b13a-{i:03d}", "q": item["q"], "prev": item["prev"], "family": "analytics",
               "expect": item["expect"], "values": values, "forbid": forbid,
               "tags": [SET, item["stat"]] + ([item["expect"]] if item["expect"] != "answer" else [])
               + (["followup"] if item["prev"] else [])}
        out.append(rec)
    return out


if __name__ == "__main__":
    recs = build()
    with open(OUT, "w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    for w in WARN:
        print("WARN", w)
    print(len(recs), "records ->", OUT)
