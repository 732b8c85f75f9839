"""Label blind set 20 (long tail): expected values computed with pandas from the raw SIPSA CSV, per LABELS.md.

    PYTHONPATH=/work/main/tools /work/main/.venv/bin/python label.py
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from pathlib import Path

sys.path.insert(0, "/work/main/tools")
import label_questions as L  # Data class, fold, MAIN (free to reuse)

from questions_spec import Q

HERE = Path(__file__).resolve().parent
OUT = HERE / "blind20-longtail.jsonl"
TODAY = dt.date(2025, 11, 3)
MAIN = dict(L.MAIN)

d = L.Data(L.CSV)
df = d.df
LATEST = d.latest
WEEKS = sorted(df["week"].unique())
WEEK_SPANS = df[["week", "week_end"]].drop_duplicates().sort_values("week")
PROD = {}
with open("/work/main/data/vocab/products.csv", encoding="utf-8") as fh:
    for r in csv.DictReader(fh):
        PROD[r["name"]] = (r["group"], r["unit"])

STAT_TAG = {"stat": None, "chg_days": "change", "chg_per": "change", "since": "change", "yoy": "yoy",
            "season": "season", "position": "position", "rank": "ranking", "movers": "movers",
            "count_m": "count", "count_p": "count"}


def holding_week(day: str) -> str:
    hit = WEEK_SPANS[(WEEK_SPANS["week"] <= day) & (WEEK_SPANS["week_end"] >= day)]
    assert len(hit) == 1, (day, hit)
    return str(hit.iloc[0]["week"])


def resolve(place, product, need_week=None):
    if place is None:
        m = d.default_market(product)
    elif place.startswith("m:"):
        m = place[2:]
    else:
        m = MAIN[place[2:]]
    assert (product, m) not in d.conflicted, (product, m)
    s = d.series(product, m)
    assert not s.empty, ("no series", product, m)
    if place and place.startswith("c:"):
        # keep only cities whose main market prices the product now (no fallback ambiguity)
        assert s["week"].max() == LATEST, ("city main not current", product, m)
    return m, s


def family_kinds(word: str, market: str) -> list[str]:
    last = df[(df["week"] == LATEST) & (df["market"] == market)]
    return sorted(p for p in last["product"].unique() if L.fold(p).split()[0] == L.fold(word))


def V(kind, value, market=None, date=None, **extra):
    out = {"kind": kind, "value": round(float(value), 4), "market": market, "date": date}
    out.update(extra)
    return out


def price_at_or_before(s, week, back=4):
    """price of the week, else the closest earlier priced week at most `back` weeks back."""
    idx = WEEKS.index(week)
    for w in WEEKS[max(0, idx - back): idx + 1][::-1]:
        hit = s[s["week"] == w]
        if not hit.empty:
            return w, float(hit.iloc[0]["price"])
    raise AssertionError(("no price near", week))


def period_rows(s, per):
    if per is None:
        return s
    if per == "last8" or per == "last12":
        n = int(per[4:])
        return s[s["week"].isin(WEEKS[-n:])]
    if per[0] == "since":
        return s[s["week"] >= holding_week(per[1])]
    return s[(s["week"] >= per[0]) & (s["week"] <= per[1])]


def season_index(s):
    x = s.copy()
    x["y"] = x["week"].str[:4].astype(int)
    x["mo"] = x["week"].str[5:7].astype(int)
    monthly = x.groupby(["y", "mo"])["price"].mean().reset_index()
    ratios = {}
    for y, g in monthly.groupby("y"):
        if len(g) < 6:
            continue
        base = g["price"].mean()
        for _, r in g.iterrows():
            ratios.setdefault(int(r["mo"]), []).append(r["price"] / base)
    idx = {mo: sum(v) / len(v) for mo, v in ratios.items() if len(v) >= 2}
    years = len({y for y, g in monthly.groupby("y") if len(g) >= 6})
    return idx, years


def label(spec):
    t = spec["t"]
    values, forbid, fam, expect = [], [], "lookup", "answer"
    tags = ["blind20-longtail"]
    if t in STAT_TAG:
        fam = "analytics"
        tags.append(STAT_TAG[t] or spec["stat"])
    if "fw" in spec and t != "clarify":
        kinds = family_kinds(spec["fw"], resolve(spec["pl"], spec["p"])[0])
        if kinds:  # the typed word is a family word there: it must have exactly this one kind
            assert kinds == [spec["p"]], (spec["q"], kinds)
    if t == "now":
        m, s = resolve(spec["pl"], spec["p"])
        last = s.iloc[-1]
        assert last["week"] >= WEEKS[-4], (spec["q"], last["week"])
        values.append(V("price", last["price"], m, last["week"]))
        tags.append("direct")
    elif t == "day":
        m, s = resolve(spec["pl"], spec["p"])
        w = holding_week(spec["day"])
        hit = s[s["week"] == w]
        assert not hit.empty, (spec["q"], w)
        values.append(V("price", hit.iloc[0]["price"], m, w))
    elif t == "month":
        m, s = resolve(spec["pl"], spec["p"])
        rows = period_rows(s, spec["per"])
        assert len(rows) >= 2, (spec["q"], len(rows))
        values.append(V("price", rows["price"].mean(), m, None))
    elif t in ("trade", "trade_no", "unit_item"):
        m, s = resolve(spec["pl"], spec["p"])
        last = s.iloc[-1]
        assert last["week"] == LATEST, spec["q"]
        values.append(V("price", last["price"], m, last["week"]))
        if t == "trade":
            assert PROD[spec["p"]][1] == "kg"
            if spec["unit"] == "bulto":
                assert any(spec["p"].startswith(x) for x in ["Papa", "Cebolla cabezona", "Zanahoria", "Yuca",
                           "Arracacha", "Arroz", "Fríjol", "Maíz", "Lenteja", "Garbanzo", "Arveja seca", "Azúcar"])
            values.append(V("trade_price", last["price"] * spec["kg"], m, last["week"], unit=spec["unit"]))
        else:
            if t == "trade_no":
                assert PROD[spec["p"]][1] == "kg"
            else:
                assert PROD[spec["p"]][1] != "kg"
            forbid = ["trade_price"]
        tags.append("direct")
    elif t == "stat":
        m, s = resolve(spec["pl"], spec["p"])
        rows = period_rows(s, spec["per"])
        assert len(rows) >= 3, spec["q"]
        st = spec["stat"]
        if st in ("max", "min"):
            v = rows["price"].max() if st == "max" else rows["price"].min()
            tied = sorted(rows.loc[rows["price"] == v, "week"])
            extra = {"dates": tied} if len(tied) > 1 else {}
            values.append(V(st, v, m, tied[-1], **extra))
        elif st == "mean":
            values.append(V("mean", rows["price"].mean(), m))
        else:
            values.append(V("median", rows["price"].median(), m))
    elif t == "chg_days":
        m, s = resolve(spec["pl"], spec["p"])
        w1, p1 = price_at_or_before(s, holding_week(spec["d1"]))
        w2, p2 = price_at_or_before(s, holding_week(spec["d2"]))
        values += [V("price", p1, m, w1), V("price", p2, m, w2), V("change_pct", (p2 / p1 - 1) * 100, m)]
    elif t == "chg_per":
        m, s = resolve(spec["pl"], spec["p"])
        a, b = period_rows(s, spec["per1"]), period_rows(s, spec["per2"])
        assert len(a) >= 2 and len(b) >= 2, spec["q"]
        ma, mb = a["price"].mean(), b["price"].mean()
        values += [V("price", ma, m), V("price", mb, m), V("change_pct", (mb / ma - 1) * 100, m)]
    elif t == "since":
        m, s = resolve(spec["pl"], spec["p"])
        w1, p1 = price_at_or_before(s, holding_week(spec["day"]))
        last = s.iloc[-1]
        values += [V("price", p1, m, w1), V("price", last["price"], m, last["week"]),
                   V("change_pct", (last["price"] / p1 - 1) * 100, m)]
    elif t == "yoy":
        m, s = resolve(spec["pl"], spec["p"])
        last = s.iloc[-1]
        target = dt.date.fromisoformat(last["week"]) - dt.timedelta(days=364)
        cands = []
        for _, r in s.iterrows():
            gap = (dt.date.fromisoformat(r["week"]) - target).days
            if abs(gap) <= 14:
                cands.append((abs(gap), gap > 0, r["week"], float(r["price"])))
        assert cands, spec["q"]
        _, _, w0, p0 = min(cands)
        values += [V("price", p0, m, w0), V("price", last["price"], m, last["week"]),
                   V("change_pct", (last["price"] / p0 - 1) * 100, m)]
    elif t == "season":
        m, s = resolve(spec["pl"], spec["p"])
        idx, years = season_index(s)
        pick = min(idx, key=idx.get) if spec["which"] == "cheap" else max(idx, key=idx.get)
        values += [V("month", pick, m), V("years", years, m)]
    elif t == "position":
        m, s = resolve(spec["pl"], spec["p"])
        last = s.iloc[-1]
        y, mo = last["week"][:4], last["week"][5:7]
        prev = s[(s["week"].str[5:7] == mo) & (s["week"].str[:4] < y)]
        means = prev.groupby(prev["week"].str[:4])["price"].mean()
        assert len(means) >= 2, spec["q"]
        pos = -1 if last["price"] < means.min() else (1 if last["price"] > means.max() else 0)
        values += [V("price", last["price"], m, last["week"]), V("position", pos, m)]
    elif t == "rank":
        m = spec["pl"][2:]
        rows = df[(df["market"] == m) & (df["week"] == LATEST)].copy()
        rows = rows[rows["product"].map(lambda p: PROD[p][1] == "kg")]
        if spec.get("group"):
            rows = rows[rows["product"].map(lambda p: PROD[p][0] == spec["group"])]
        asc = spec["order"] == "asc"
        rows = rows.sort_values(["price", "product"], ascending=[asc, True], kind="stable")
        for _, r in rows.head(spec.get("n", 1)).iterrows():
            values.append(V("price", r["price"], m, LATEST, product=r["product"]))
    elif t == "movers":
        m = spec["pl"][2:]
        a = df[(df["market"] == m) & (df["week"] == d.previous)].set_index("product")["price"]
        b = df[(df["market"] == m) & (df["week"] == LATEST)].set_index("product")["price"]
        both = sorted(set(a.index) & set(b.index))
        if spec.get("group"):
            both = [p for p in both if PROD[p][0] == spec["group"]]
        chg = {p: (b[p] / a[p] - 1) * 100 for p in both}
        order = sorted(chg, key=lambda p: (-chg[p] if spec["up"] else chg[p], p))
        assert chg[order[0]] != chg[order[1]], "tie"
        values.append(V("change_pct", chg[order[0]], m, LATEST, product=order[0]))
    elif t == "count_m":
        n = df[(df["product"] == spec["p"]) & (df["week"] == LATEST)]["market"].nunique()
        values.append(V("count", n))
    elif t == "count_p":
        m = spec["pl"][2:]
        n = df[(df["market"] == m) & (df["week"] == LATEST)]["product"].nunique()
        values.append(V("count", n, m))
    elif t == "clarify":
        expect = "clarify"
        fam = spec["fam"]
        if fam == "analytics":
            tags.append(spec["stat"])
        if "fw" in spec:
            kinds = family_kinds(spec["fw"], spec["pl"][2:])
            assert len(kinds) >= 2, (spec["q"], kinds)
    elif t == "none":
        expect = "no_numbers"
    else:
        raise ValueError(t)
    return {"family": fam, "expect": expect, "values": values, "forbid": forbid, "tags": tags}


def main():
    out = []
    for i, spec in enumerate(Q, 1):
        rec = {"id": f"b20t-{i:03d}", "q": spec["q"], "prev": []}
        try:
            rec.update(label(spec))
        except Exception as e:  # report every problem at once
            print("FAIL", i, spec["q"], repr(e)[:200])
            continue
        out.append(rec)
    with open(OUT, "w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(out), "questions ->", OUT)


if __name__ == "__main__":
    main()
