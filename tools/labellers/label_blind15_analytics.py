"""Generate /work/blind/analytics15/analytics15.jsonl (set blind15-analytics) from the raw SIPSA weekly CSV,
following tests/questions/LABELS.md. Deterministic: no randomness."""
import datetime as dt, json, statistics, sys
from pathlib import Path
import pandas as pd
sys.path.insert(0, str(Path(__file__).parent))
from lib15 import load, products_meta

OUT = Path(__file__).parent / "analytics15.jsonl"
TODAY = dt.date(2025, 11, 3)
df, CONFLICTED = load()
META = products_meta()
LATEST = df["week"].max()
WEEKS = sorted(df[["week", "week_end"]].drop_duplicates().itertuples(index=False, name=None))
ALLW = sorted({w for w, _ in WEEKS})
PAIRS = {k: g[["week", "price"]].reset_index(drop=True) for k, g in df.groupby(["product", "market"])}
BULTO = ("Papa", "Cebolla cabezona", "Zanahoria", "Yuca", "Arracacha", "Arroz", "Fríjol", "Maíz", "Lenteja",
         "Garbanzo", "Arveja seca", "Azúcar")
KG = {"libra": 0.5, "arroba": 12.5, "bulto": 50.0}

M = {"bq": "Barranquilla, Barranquillita", "ctg": "Cartagena, Bazurto", "sm": "Santa Marta (Magdalena)",
     "sin": "Sincelejo, Nuevo Mercado", "mon": "Montería, Mercado del Sur", "cav": "Cali, Cavasa",
     "se": "Cali, Santa Elena", "vil": "Villavicencio, CAV", "tul": "Tuluá (Valle del Cauca)",
     "yop": "Yopal (Casanare)", "bun": "Buenaventura (Valle del Cauca)", "vup": "Valledupar, Mercabastos",
     "vnu": "Valledupar, Mercado Nuevo", "gra": "Barranquilla, Granabastos", "cor": "Bogotá, D.C., Corabastos",
     "med": "Medellín, Central Mayorista de Antioquia", "buc": "Bucaramanga, Centroabastos",
     "nei": "Neiva, Surabastos", "per": "Pereira, Mercasa", "pas": "Pasto, El Potrerillo"}


def S(p, m):
    assert (p, m) not in CONFLICTED, (p, m)
    s = PAIRS.get((p, m))
    assert s is not None and not s.empty, ("no series", p, m)
    return s


def V(kind, value, market=None, date=None, **kw):
    v = int(value) if kind in ("count", "month", "years", "position") else round(float(value), 4)
    d = {"kind": kind, "value": v, "market": market, "date": date}
    d.update(kw)
    return d


def week_holding(day):
    day = str(day)
    hit = [w for w, e in WEEKS if w <= day <= e]
    assert hit, ("no week holds", day)
    return hit[-1]


def month_range(y, mth):
    start = f"{y}-{mth:02d}-01"
    end = f"{y + (mth == 12)}-{(mth % 12) + 1:02d}-01"
    return start, end  # [start, end)


def period(spec):
    """('y',2025) ('m',2025,3) ('q',2025,1) ('d','2025-01-01','2025-11-03') -> [start, end)"""
    if spec[0] == "y":
        return f"{spec[1]}-01-01", f"{spec[1] + 1}-01-01"
    if spec[0] == "m":
        return month_range(spec[1], spec[2])
    if spec[0] == "q":
        s = month_range(spec[1], 3 * spec[2] - 2)[0]
        e = month_range(spec[1], 3 * spec[2])[1]
        return s, e
    if spec[0] == "since":
        return week_holding(spec[1]), "9999"
    if spec[0] == "lastn":
        return ALLW[-spec[1]], "9999"
    if spec[0] == "all":
        return "0000", "9999"
    raise ValueError(spec)


def win(p, m, spec):
    s = S(p, m)
    a, b = period(spec)
    w = s[(s["week"] >= a) & (s["week"] < b)]
    assert not w.empty, ("empty window", p, m, spec)
    return w


def price_at(p, m, day, fallback=True):
    s = S(p, m)
    wk = week_holding(day)
    lo = str(dt.date.fromisoformat(wk) - dt.timedelta(days=28)) if fallback else wk
    hit = s[(s["week"] <= wk) & (s["week"] >= lo)]
    assert not hit.empty, ("no price near", p, m, day)
    r = hit.iloc[-1]
    return r["week"], float(r["price"])


def newest(p, m):
    r = S(p, m).iloc[-1]
    return r["week"], float(r["price"])


# ---------------- statistics -----------------
def st_ext(kind, p, m, spec):
    w = win(p, m, spec)
    v = w["price"].max() if kind == "max" else w["price"].min()
    tied = sorted(w.loc[(w["price"] - v).abs() < 1e-9, "week"])
    out = V(kind, v, m, tied[-1])
    if len(tied) > 1:
        out["dates"] = tied
    return [out]


def st_mean(p, m, spec):
    return [V("mean", win(p, m, spec)["price"].mean(), m)]


def st_median(p, m, spec):
    return [V("median", win(p, m, spec)["price"].median(), m)]


def pct(new, old):
    return (new / old - 1) * 100


def st_chg_days(p, m, d1, d2):
    w1, p1 = price_at(p, m, d1)
    w2, p2 = price_at(p, m, d2)
    return [V("price", p1, m, w1), V("price", p2, m, w2), V("change_pct", pct(p2, p1), m)]


def st_chg_periods(p, m, s1, s2):
    a = win(p, m, s1)["price"].mean()
    b = win(p, m, s2)["price"].mean()
    return [V("change_pct", pct(b, a), m), V("price", a, m), V("price", b, m)]


def st_since(p, m, day):
    w1, p1 = price_at(p, m, day, fallback=False)
    w2, p2 = newest(p, m)
    assert w2 == LATEST
    return [V("price", p1, m, w1), V("price", p2, m, w2), V("change_pct", pct(p2, p1), m)]


def st_yoy(p, m):
    s = S(p, m)
    w2, p2 = newest(p, m)
    target = dt.date.fromisoformat(w2) - dt.timedelta(days=364)
    cand = []
    for w, pr in zip(s["week"], s["price"]):
        d = abs((dt.date.fromisoformat(w) - target).days)
        if d <= 14:
            cand.append((d, w, float(pr)))  # earlier wins a tie: sort by distance then week
    assert cand, ("no yoy", p, m)
    cand.sort()
    _, w1, p1 = cand[0]
    return [V("price", p1, m, w1), V("price", p2, m, w2), V("change_pct", pct(p2, p1), m)]


def season_index(p, m):
    s = S(p, m).copy()
    s["y"] = s["week"].str[:4].astype(int)
    s["mo"] = s["week"].str[5:7].astype(int)
    mm = s.groupby(["y", "mo"])["price"].mean().reset_index()
    ratios = {}
    used = 0
    for y, g in mm.groupby("y"):
        if len(g) < 6:
            continue
        used += 1
        base = g["price"].mean()
        for mo, pr in zip(g["mo"], g["price"]):
            ratios.setdefault(mo, []).append(pr / base)
    idx = {mo: sum(r) / len(r) for mo, r in ratios.items() if len(r) >= 2}
    return idx, used


def st_season(p, m, which):
    idx, used = season_index(p, m)
    order = sorted(idx.items(), key=lambda kv: kv[1], reverse=(which == "dear"))
    assert abs(order[0][1] - order[1][1]) > 0.01, ("season near tie", p, m, order[:2])
    return [V("month", order[0][0], m), V("years", used, m)]


def st_epoca(p, m):
    s = S(p, m)
    w, pr = newest(p, m)
    y, mo = int(w[:4]), int(w[5:7])
    means = []
    for yy in range(2017, y):
        a, b = month_range(yy, mo)
        g = s[(s["week"] >= a) & (s["week"] < b)]
        if not g.empty:
            means.append(g["price"].mean())
    assert means
    pos = -1 if pr < min(means) else (1 if pr > max(means) else 0)
    # keep away from borders
    assert min(abs(pr - min(means)), abs(pr - max(means))) > 0.01 * pr, ("epoca border", p, m)
    return [V("price", pr, m, w), V("position", pos, m)]


def st_rank(m, group, order, n=1, week=None):
    week = week or LATEST
    g = df[(df["market"] == m) & (df["week"] == week)]
    rows = []
    for p, pr in zip(g["product"], g["price"]):
        grp, unit = META[p]
        assert grp, ("product without group", p)
        if unit == "kg" and (group is None or grp == group):
            rows.append((p, float(pr)))
    rows.sort(key=lambda r: r[0])
    rows.sort(key=lambda r: r[1], reverse=(order == "desc"))
    assert len(rows) > n
    assert abs(rows[n - 1][1] - rows[n][1]) > 0.5, ("rank near tie", m, group, rows[:n + 1])
    return [V("price", pr, m, week, product=p) for p, pr in rows[:n]]


def st_movers(m, direction, group=None, w1=None, w2=None):
    w2 = w2 or LATEST
    w1 = w1 or ALLW[ALLW.index(w2) - 1]
    sub = df[df["week"].isin([w1, w2])]
    if m:
        sub = sub[sub["market"] == m]
        a = sub[sub["week"] == w1].set_index("product")["price"]
        b = sub[sub["week"] == w2].set_index("product")["price"]
    else:
        both = sub.groupby(["product", "market"])["week"].nunique()
        keep = both[both == 2].reset_index()[["product", "market"]]
        sub = sub.merge(keep, on=["product", "market"])
        a = sub[sub["week"] == w1].groupby("product")["price"].mean()
        b = sub[sub["week"] == w2].groupby("product")["price"].mean()
    ch = ((b / a - 1) * 100).dropna()
    if group:
        ch = ch[[META[p][0] == group for p in ch.index]]
    ch = ch.sort_values(ascending=(direction == "down"))
    assert abs(ch.iloc[0] - ch.iloc[1]) > 0.5, ("movers near tie", m, ch.head(3))
    return [V("change_pct", ch.iloc[0], m, None, product=ch.index[0])]


def st_movers_periods(m, direction, s1, s2, group=None):
    s = df[df["market"] == m]
    a1, b1 = period(s1)
    a2, b2 = period(s2)
    x = s[(s["week"] >= a1) & (s["week"] < b1)].groupby("product")["price"].mean()
    y = s[(s["week"] >= a2) & (s["week"] < b2)].groupby("product")["price"].mean()
    ch = ((y / x - 1) * 100).dropna()
    if group:
        ch = ch[[META[p][0] == group for p in ch.index]]
    ch = ch.sort_values(ascending=(direction == "down"))
    assert abs(ch.iloc[0] - ch.iloc[1]) > 0.5
    return [V("change_pct", ch.iloc[0], m, None, product=ch.index[0])]


def st_count_markets(p, spec=None):
    if spec is None:
        n = df[(df["product"] == p) & (df["week"] == LATEST)]["market"].nunique()
    else:
        a, b = period(spec)
        n = df[(df["product"] == p) & (df["week"] >= a) & (df["week"] < b)]["market"].nunique()
    return [V("count", n, None, None)]


def st_count_products(m):
    return [V("count", df[(df["market"] == m) & (df["week"] == LATEST)]["product"].nunique(), m)]


def st_trade(p, m, unit, kilos=None):
    w, pr = newest(p, m)
    assert w == LATEST
    u = META[p][1]
    if u != "kg":
        return [V("price", pr, m, w)], ["trade_price"]
    if unit == "bulto" and not p.startswith(BULTO):
        return [V("price", pr, m, w)], ["trade_price"]
    kg = kilos if unit == "kilos" else KG[unit]
    tv = V("trade_price", pr * kg, m, w, unit=unit)
    return [V("price", pr, m, w), tv], []


def st_price(p, m, day=None):
    if day is None:
        w, pr = newest(p, m)
    else:
        w, pr = price_at(p, m, day, fallback=False)
    return [V("price", pr, m, w)]


# ------------- shared-name checks (the contract's family/whole-name rules) -------------
def kinds_now(word, m):
    g = df[(df["market"] == m) & (df["week"] == LATEST)]
    return sorted(p for p in g["product"].unique() if p.split()[0].lower() == word.lower())


def whole_name_ok(p, m):
    s = S(p, m)
    return s["week"].iloc[-1] >= ALLW[-8]


def family(word, m):
    k = kinds_now(word, m)
    assert len(k) == 1, ("family word not single", word, m, k)
    return k[0]



EXPECT_CITY = {"Barranquilla": M["bq"], "Cartagena": M["ctg"], "Montería": M["mon"], "Sincelejo": M["sin"],
               "Villavicencio": M["vil"], "Valledupar": M["vup"], "Cali": M["cav"]}


def city(c, p):
    main = EXPECT_CITY[c]
    s = PAIRS.get((p, main))
    assert s is not None and s["week"].iloc[-1] == LATEST, ("main market lacks product now", c, p)
    return main


CALLS = []


def _record(fn):
    def wrap(*a, **k):
        CALLS.append([fn.__name__, list(a), k])
        return fn(*a, **k)
    wrap.__name__ = fn.__name__
    return wrap


for _n in [n for n in list(globals()) if n.startswith("st_")]:
    globals()[_n] = _record(globals()[_n])


def main():
    from questions15 import build
    QUESTIONS = build(sys.modules[__name__])
    recs = []
    specs = []
    bad = 0
    for i, q in enumerate(QUESTIONS, 1):
        expect = q.get("expect", "answer")
        forbid = []
        if expect == "answer":
            try:
                CALLS.clear()
                res = q["calc"]()
                spec = [c for c in CALLS if c[0] != "st_price"]
                assert len(spec) == 1, spec
                specs.append({"id": f"b15a-{i:03d}", "call": spec[0]})
            except Exception as e:
                print("FAIL", i, q["q"], repr(e)); bad += 1; continue
            if isinstance(res, tuple):
                values, forbid = res
            else:
                values = res
        else:
            values = []
        rec = {"id": f"b15a-{i:03d}", "q": q["q"], "prev": q.get("prev", []), "family": "analytics",
               "expect": expect, "values": values, "forbid": forbid,
               "tags": ["blind15-analytics", q["stat"]] + q.get("tags", [])}
        recs.append(rec)
    assert not bad, bad
    with open(OUT, "w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(OUT.with_suffix(".spec.jsonl"), "w", encoding="utf-8") as fh:
        for r in specs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(recs), "records ->", OUT)


if __name__ == "__main__":
    main()
