"""Statistic computations for label_analytics9.py, following tests/questions/LABELS.md (same author)."""
from __future__ import annotations
import datetime as dt
import pandas as pd
from blind9_analytics_lib import L, Drop, LATEST, PREV, BULTO_PREFIX, KG, month_range, quarter_range, year_range, season_index

EPS = 0.5


def V(kind, value, market=None, date=None, product=None, **extra):
    out = {"kind": kind, "value": round(float(value), 4), "market": market, "date": date}
    if product:
        out["product"] = product
    out.update(extra)
    return out


def pct(new, old):
    return (new / old - 1) * 100


class Calc:
    def __init__(self, l: L):
        self.l = l
        self.d = l.d
        self.df = l.df

    # ------------------------------------------------------------ max / min
    def ext(self, kind, product, place, start, end):
        m = self.l.place(place, product, start, end)
        s = self.l.s(product, m, start, end)
        v = s["price"].max() if kind == "max" else s["price"].min()
        tied = s[s["price"] == v]["week"].tolist()
        near = s[(abs(s["price"] - v) <= EPS) & (s["price"] != v)]
        if not near.empty:
            raise Drop("near tie")
        out = V(kind, v, m, max(tied))
        if len(tied) > 1:
            out["dates"] = sorted(tied)
        return [out]

    def agg(self, kind, product, place, start, end):
        m = self.l.place(place, product, start, end)
        s = self.l.s(product, m, start, end)
        v = s["price"].mean() if kind == "mean" else s["price"].median()
        return [V(kind, v, m)]

    # ------------------------------------------------------------ changes
    def chg_days(self, product, place, day1, day2):
        a, b = sorted([day1, day2])
        w1, w2 = self.l.table_week(a), self.l.table_week(b)
        m = self.l.place(place, product, w1, w2)
        (wa, pa), (wb, pb) = self.l.price_at_day(product, m, a), self.l.price_at_day(product, m, b)
        return [V("price", pa, m, wa), V("price", pb, m, wb), V("change_pct", round(pct(pb, pa), 1), m)]

    def chg_periods(self, product, place, p1, p2):
        p1, p2 = sorted([p1, p2])
        m = self.l.place(place, product, p1[0], p2[1])
        s1, s2 = self.l.s(product, m, *p1), self.l.s(product, m, *p2)
        if s1.empty or s2.empty:
            raise Drop("a period has no data")
        return [V("change_pct", round(pct(s2["price"].mean(), s1["price"].mean()), 1), m)]

    def chg_now(self, product, place, day):
        m = self.l.place(place, product, LATEST, LATEST)
        wa, pa = self.l.price_at_day(product, m, day)
        pb = self.l.now(product, m)
        return [V("price", pa, m, wa), V("price", pb, m, LATEST), V("change_pct", round(pct(pb, pa), 1), m)]

    def yoy(self, product, place):
        m = self.l.place(place, product, LATEST, LATEST)
        pb = self.l.now(product, m)
        old = (dt.date.fromisoformat(LATEST) - dt.timedelta(days=364)).isoformat()
        pa = self.d.week_price(product, m, old)
        if pa is None:
            raise Drop("no exact week a year ago")
        return [V("price", pa, m, old), V("price", pb, m, LATEST), V("change_pct", round(pct(pb, pa), 1), m)]

    # ------------------------------------------------------------ season
    def season(self, product, place, which):
        m = self.l.place(place, product, "0000", "9999")
        if place.startswith("none") or True:
            pass
        idx, years = season_index(self.l.s(product, m))
        if idx is None or len(idx) < 12:
            raise Drop("season index short")
        o = idx.sort_values(ascending=(which == "cheap"))
        if abs(o.iloc[0] - o.iloc[1]) < 0.01:
            raise Drop(f"season margin {o.iloc[0]:.4f} {o.iloc[1]:.4f}")
        return [V("month", int(o.index[0]), m), V("years", years, m)]

    def position(self, product, place):
        m = self.l.place(place, product, LATEST, LATEST)
        p = self.l.now(product, m)
        s = self.l.s(product, m).copy()
        s = s[(s["week"].str[5:7] == LATEST[5:7]) & (s["week"].str[:4] < LATEST[:4])]
        means = s.groupby(s["week"].str[:4])["price"].mean()
        if len(means) < 3:
            raise Drop("few earlier years")
        lo, hi = means.min(), means.max()
        if min(abs(p - lo), abs(p - hi)) < 0.01 * p:
            raise Drop("position margin")
        pos = -1 if p < lo else (1 if p > hi else 0)
        return [V("price", p, m, LATEST), V("position", pos, m)], {"lo": lo, "hi": hi, "n": len(means)}

    # ------------------------------------------------------------ ranking
    def rank(self, market, group, order, n, week=LATEST):
        l = self.l
        if market in l.conf_markets:
            raise Drop("market has duplicate rows")
        cg = l.csvgroup()
        lm = self.df[(self.df["market"] == market) & (self.df["week"] == week)]
        lm = lm[lm["product"].map(l.unit) == "kg"]
        asc = order == "asc"
        if group is None:
            a = b = lm
        else:
            a = lm[lm["product"].map(l.vgroup) == group]
            b = lm[lm["product"].map(lambda p: group in cg.get((p, market, week), "").split("|"))]
        A = a.sort_values(["price", "product"], ascending=[asc, True])
        B = b.sort_values(["price", "product"], ascending=[asc, True])
        if len(A) <= n:
            raise Drop("too few")
        if list(A["product"][:n]) != list(B["product"][:n]):
            raise Drop("group source changes the ranking")
        if abs(A["price"].iloc[n - 1] - A["price"].iloc[n]) <= 1 or any(
                abs(A["price"].iloc[i] - A["price"].iloc[i + 1]) <= EPS for i in range(n - 1)):
            raise Drop("tie at/within cut")
        return [V("price", r.price, market, week, r.product) for r in A.head(n).itertuples()]

    # ------------------------------------------------------------ movers
    def _changes(self, market, g1, g2):
        """g1/g2: (start, end) periods. Per product change of mean (market) or national mean over common markets."""
        df = self.df
        x1 = df[(df["week"] >= g1[0]) & (df["week"] <= g1[1])]
        x2 = df[(df["week"] >= g2[0]) & (df["week"] <= g2[1])]
        if market:
            x1, x2 = x1[x1["market"] == market], x2[x2["market"] == market]
        a = x1.groupby(["product", "market"])["price"].mean()
        b = x2.groupby(["product", "market"])["price"].mean()
        j = pd.concat([a.rename("a"), b.rename("b")], axis=1).dropna().reset_index()
        j = j.groupby("product")[["a", "b"]].mean()
        return (j["b"] / j["a"] - 1) * 100

    def movers(self, market, group, direction, g1=(PREV, PREV), g2=(LATEST, LATEST)):
        l = self.l
        if market and market in l.conf_markets:
            raise Drop("market has duplicate rows")
        c = self._changes(market, g1, g2)
        cg = l.csvgroup()
        if group:
            ca = c[c.index.map(lambda p: l.vgroup.get(p) == group)]
            if market:
                cb = c[c.index.map(lambda p: any(group in cg.get((p, market, w), "").split("|")
                                                 for w in l.weeks if g1[0] <= w <= g2[1]))]
            else:
                grp = {p for (p, mk, w), gg in cg.items() if g1[0] <= w <= g2[1] and group in gg.split("|")}
                cb = c[c.index.isin(grp)]
        else:
            ca = cb = c
        ck = ca[ca.index.map(lambda p: l.unit.get(p) == "kg")]
        asc = direction == "down"
        A, B, K = (x.sort_values(ascending=asc) for x in (ca, cb, ck))
        if not (A.index[0] == B.index[0] == K.index[0]):
            raise Drop(f"top differs {A.index[0]} {B.index[0]} {K.index[0]}")
        if abs(A.iloc[0] - A.iloc[1]) <= 0.5:
            raise Drop("tie at top")
        if (A.iloc[0] > 0) == asc:
            raise Drop("wrong sign")
        conf = {p for p in l.conf_products}
        if A.index[0] in conf or (not market and any(p in conf for p in A.index[:1])):
            raise Drop("conflicted product")
        return [V("change_pct", round(A.iloc[0], 1), market, None, A.index[0])], {"second": (A.index[1], round(A.iloc[1], 1))}

    # ------------------------------------------------------------ counts
    def count_markets(self, product, start=LATEST, end=LATEST):
        if product in self.l.conf_products:
            raise Drop("conflicted product")
        x = self.df[(self.df["product"] == product) & (self.df["week"] >= start) & (self.df["week"] <= end)]
        if x.empty:
            raise Drop("none")
        return [V("count", x["market"].nunique())]

    def count_products(self, market):
        if market in self.l.conf_markets:
            raise Drop("market has duplicate rows")
        x = self.df[(self.df["market"] == market) & (self.df["week"] == LATEST)]
        return [V("count", x["product"].nunique(), market)]

    # ------------------------------------------------------------ trade units
    def trade(self, product, place, unit, kilos=None):
        if self.l.unit.get(product) != "kg":
            raise Drop("not per kg")
        if unit == "bulto" and not any(product.startswith(p) for p in BULTO_PREFIX):
            raise Drop("not a bulto product")
        m = self.l.place(place, product, LATEST, LATEST)
        p = self.l.now(product, m)
        kg = kilos if unit == "kilos" else KG[unit]
        extra = {"unit": unit}
        if unit == "kilos":
            extra["kilos"] = kilos
        return [V("price", p, m, LATEST), V("trade_price", p * kg, m, LATEST, **extra)]

    def trade_forbid(self, product, place, unit):
        u = self.l.unit.get(product)
        if unit == "bulto" and u == "kg" and any(product.startswith(p) for p in BULTO_PREFIX):
            raise Drop("is a bulto product")
        m = self.l.place(place, product, LATEST, LATEST)
        return [V("price", self.l.now(product, m), m, LATEST)]

    # ------------------------------------------------------------ clarify helper
    def family_count(self, word_prefix, market):
        x = self.df[(self.df["market"] == market) & (self.df["week"] == LATEST)]
        return sorted(p for p in x["product"].unique() if p.lower().startswith(word_prefix))
