"""Computation helpers for label_analytics7.py (pandas straight from the raw SIPSA weekly CSV, LABELS.md rules).

Loading mirrors tools/label_questions.py's `Data` mapping (products.csv / markets.csv aliases, price > 0,
(product, market, week) pairs with conflicting duplicate rows dropped) but also keeps the CSV's `grupo` column,
which LABELS.md uses for rankings and movers.
"""
from __future__ import annotations

import datetime as dt
import os
import pickle
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from label_questions import MAIN, ROOT, CSV, clean, fold, name_table  # noqa: E402

TODAY = dt.date(2025, 11, 3)
CACHE = Path("/tmp/a7_engine_cache.pkl")
BULTO_PREFIXES = ["Papa", "Cebolla cabezona", "Zanahoria", "Yuca", "Arracacha", "Arroz", "Fríjol", "Maíz",
                  "Lenteja", "Garbanzo", "Arveja seca", "Azúcar"]
KG = {"libra": 0.5, "arroba": 12.5, "bulto": 50.0}


class Skip(Exception):
    """The item cannot be labelled unambiguously: it is dropped (and reported)."""


class Engine:
    def __init__(self) -> None:
        if CACHE.exists() and os.environ.get("A7_CACHE"):
            self.__dict__.update(pickle.load(open(CACHE, "rb")))
            return
        raw = pd.read_csv(CSV, dtype={"producto": str, "mercado": str, "tendencia": str})
        products = name_table(ROOT / "data" / "vocab" / "products.csv")
        markets = name_table(ROOT / "data" / "vocab" / "markets.csv")
        raw = raw[raw["precio_medio_cop_kg"] > 0].copy()
        raw["product"] = raw["producto"].map(lambda s: products.get(fold(clean(s))))
        raw["market"] = raw["mercado"].map(lambda s: markets.get(fold(clean(s))))
        self.unmapped = raw[raw["product"].isna() | raw["market"].isna()][["semana_inicio", "producto", "mercado"]]
        raw = raw.dropna(subset=["product", "market"])
        full = raw.rename(columns={"semana_inicio": "week", "semana_fin": "week_end",
                                   "precio_medio_cop_kg": "price"})[
            ["product", "market", "week", "week_end", "grupo", "price"]]
        dup = full.duplicated(["product", "market", "week"], keep=False)
        self.conflict_rows = full[dup][["product", "market", "week"]].drop_duplicates()
        self.full = full  # every mapped row (for counts)
        self.df = full[~dup].sort_values(["product", "market", "week"]).reset_index(drop=True)
        self.latest = str(self.df["week"].max())
        self.previous = str(self.df.loc[self.df["week"] < self.latest, "week"].max())
        pv = pd.read_csv(ROOT / "data" / "vocab" / "products.csv")
        self.unit = dict(zip(pv["name"], pv["unit"]))
        self.vocab_group = dict(zip(pv["name"], pv["group"]))
        mk = pd.read_csv(ROOT / "data" / "vocab" / "markets.csv")
        self.market_city = {r["name"]: r["city"] for _, r in mk.iterrows() if r["kind"] == "market"}
        self.city_names = {r["name"] for _, r in mk.iterrows() if r["kind"] == "city"}
        pickle.dump(self.__dict__, open(CACHE, "wb"))

    # ---------------- basic access
    def series(self, p: str, m: str) -> pd.DataFrame:
        return self.df[(self.df["product"] == p) & (self.df["market"] == m)]

    def conflicted(self, p: str | None, m: str | None, weeks: list[str] | None = None) -> bool:
        c = self.conflict_rows
        if p is not None:
            c = c[c["product"] == p]
        if m is not None:
            c = c[c["market"] == m]
        if weeks is not None:
            c = c[c["week"].isin(weeks)]
        return not c.empty

    # ---------------- places
    def resolve(self, at: str, p: str, start: str = "0000", end: str = "9999") -> str:
        kind, name = at.split(":", 1)
        if kind == "m":
            return name
        main = dict(MAIN).get(name)
        if main:
            w = self.series(p, main)
            if w.empty or w[(w["week"] >= start) & (w["week"] <= end)].empty:
                raise Skip(f"main market {main} lacks {p} in the period (LABELS.md unclear)")
            return main
        # city without a main market in MAIN: the city's market with the newest price
        best = None
        for m, c in self.market_city.items():
            if fold(c) == fold(name):
                s = self.series(p, m)
                if not s.empty and (best is None or s["week"].max() > best[0]):
                    best = (s["week"].max(), m)
        if best is None:
            raise Skip(f"no market in {name} for {p}")
        return best[1]

    # ---------------- periods: (start_week_incl, end_week_incl) on semana_inicio
    def period(self, per: tuple, s: pd.DataFrame | None = None) -> tuple[str, str]:
        kind = per[0]
        if kind == "year":
            return f"{per[1]}-01-01", f"{per[1]}-12-31"
        if kind == "month":
            y, m = per[1], per[2]
            end = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).isoformat()
            return f"{y}-{m:02d}-01", end
        if kind == "quarter":
            y, q = per[1], per[2]
            m1 = 3 * (q - 1) + 1
            end = (dt.date(y + (q == 4), (m1 + 3 - 1) % 12 + 1, 1) - dt.timedelta(days=1)).isoformat()
            return f"{y}-{m1:02d}-01", end
        if kind == "months":  # an inclusive range of whole months
            (y1, m1), (y2, m2) = per[1], per[2]
            end = (dt.date(y2 + (m2 == 12), m2 % 12 + 1, 1) - dt.timedelta(days=1)).isoformat()
            return f"{y1}-{m1:02d}-01", end
        if kind == "since":  # from the week holding that date to the newest week
            day = per[1]
            w = self.df[(self.df["week"] <= day) & (self.df["week_end"] >= day)]["week"]
            if w.empty:
                raise Skip(f"no week holds {day}")
            return str(w.max()), "9999"
        if kind == "lastn":
            weeks = sorted(self.df["week"].unique())[-per[1]:]
            return str(weeks[0]), str(weeks[-1])
        if kind == "all":
            return "0000", "9999"
        raise ValueError(per)

    def window(self, p: str, m: str, per: tuple) -> pd.DataFrame:
        a, b = self.period(per)
        s = self.series(p, m)
        w = s[(s["week"] >= a) & (s["week"] <= b)]
        if w.empty:
            raise Skip(f"no data for {p} in {m} {per}")
        return w

    def week_holding(self, p: str, m: str, day: str, fallback: int = 4) -> tuple[str, float]:
        """The week holding `day`; if unpriced, the closest earlier priced week, at most `fallback` weeks back."""
        s = self.series(p, m)
        hit = s[(s["week"] <= day) & (s["week_end"] >= day)]
        if not hit.empty:
            return str(hit.iloc[-1]["week"]), float(hit.iloc[-1]["price"])
        # the table's week holding the day (any product) then look back
        allw = self.df[(self.df["week"] <= day) & (self.df["week_end"] >= day)]["week"]
        if allw.empty:
            raise Skip(f"no week in the table holds {day}")
        w0 = dt.date.fromisoformat(str(allw.max()))
        lo = (w0 - dt.timedelta(days=7 * fallback)).isoformat()
        back = s[(s["week"] < w0.isoformat()) & (s["week"] >= lo)]
        if back.empty:
            raise Skip(f"no price for {p} in {m} near {day}")
        return str(back.iloc[-1]["week"]), float(back.iloc[-1]["price"])

    def newest(self, p: str, m: str) -> tuple[str, float]:
        s = self.series(p, m)
        if s.empty or str(s.iloc[-1]["week"]) != self.latest:
            raise Skip(f"{p} in {m} not priced in the newest week")
        return str(s.iloc[-1]["week"]), float(s.iloc[-1]["price"])

    # ---------------- statistics
    def extreme(self, p: str, m: str, per: tuple, which: str) -> dict:
        w = self.window(p, m, per)
        v = w["price"].max() if which == "max" else w["price"].min()
        tied = sorted(w.loc[(w["price"] - v).abs() < 1e-9, "week"].astype(str))
        out = {"kind": which, "value": round(float(v), 4), "market": m, "date": tied[-1]}
        if len(tied) > 1:
            out["dates"] = tied
        return out

    def avg(self, p: str, m: str, per: tuple, which: str) -> dict:
        w = self.window(p, m, per)
        v = w["price"].mean() if which == "mean" else w["price"].median()
        return {"kind": which, "value": round(float(v), 4), "market": m, "date": None}

    def change_days(self, p: str, m: str, d1: str, d2: str | None) -> list[dict]:
        w1, p1 = self.week_holding(p, m, d1)
        if d2 is None:
            w2, p2 = self.newest(p, m)
        else:
            w2, p2 = self.week_holding(p, m, d2)
        if w1 >= w2:
            raise Skip("weeks not in order")
        return [{"kind": "price", "value": round(p1, 4), "market": m, "date": w1},
                {"kind": "price", "value": round(p2, 4), "market": m, "date": w2},
                {"kind": "change_pct", "value": round((p2 / p1 - 1) * 100, 1), "market": m, "date": None}]

    def change_periods(self, p: str, m: str, old: tuple, new: tuple) -> list[dict]:
        a = float(self.window(p, m, old)["price"].mean())
        b = float(self.window(p, m, new)["price"].mean())
        pct = (b / a - 1) * 100
        if abs(pct * 10 - round(pct * 10)) > 0.45 and abs(abs(pct * 10 - round(pct * 10)) - 0.5) < 0.02:
            raise Skip("change on a rounding edge")
        return [{"kind": "change_pct", "value": round(pct, 1), "market": m, "date": None}]

    def yoy(self, p: str, m: str) -> list[dict]:
        w2, p2 = self.newest(p, m)
        target = dt.date.fromisoformat(w2) - dt.timedelta(days=364)
        s = self.series(p, m)
        hit = s[s["week"] == target.isoformat()]
        if hit.empty:
            cand = []
            for _, r in s.iterrows():
                dd = (dt.date.fromisoformat(str(r["week"])) - target).days
                if abs(dd) <= 14:
                    cand.append((abs(dd), dd, str(r["week"]), float(r["price"])))
            if not cand:
                raise Skip("no week a year before")
            cand.sort(key=lambda c: (c[0], c[1]))  # nearest; earlier on a tie
            w1, p1 = cand[0][2], cand[0][3]
        else:
            w1, p1 = str(hit.iloc[0]["week"]), float(hit.iloc[0]["price"])
        return [{"kind": "price", "value": round(p1, 4), "market": m, "date": w1},
                {"kind": "price", "value": round(p2, 4), "market": m, "date": w2},
                {"kind": "change_pct", "value": round((p2 / p1 - 1) * 100, 1), "market": m, "date": None}]

    def season(self, p: str, m: str, which: str) -> list[dict]:
        s = self.series(p, m).copy()
        s["y"] = s["week"].str[:4].astype(int)
        s["m"] = s["week"].str[5:7].astype(int)
        mm = s.groupby(["y", "m"])["price"].mean()
        ratios = []
        years = 0
        for y, g in mm.groupby(level=0):
            if len(g) >= 6:
                years += 1
                ratios.append((g / g.mean()).droplevel(0))
        if years < 2:
            raise Skip("fewer than 2 usable years")
        r = pd.concat(ratios, axis=1)
        idx = r[r.notna().sum(axis=1) >= 2].mean(axis=1).sort_values(ascending=(which == "min"))
        if abs(idx.iloc[0] - idx.iloc[1]) < 0.005:
            raise Skip(f"season {which}: top months too close ({idx.iloc[0]:.4f} vs {idx.iloc[1]:.4f})")
        return [{"kind": "month", "value": int(idx.index[0]), "market": m, "date": None},
                {"kind": "years", "value": years, "market": m, "date": None}]

    def position(self, p: str, m: str) -> list[dict]:
        w, pr = self.newest(p, m)
        y, mo = int(w[:4]), int(w[5:7])
        s = self.series(p, m)
        s = s[(s["week"].str[5:7].astype(int) == mo) & (s["week"].str[:4].astype(int) < y)]
        means = s.groupby(s["week"].str[:4])["price"].mean()
        if len(means) < 2:
            raise Skip("fewer than 2 earlier years for the month")
        lo, hi = means.min(), means.max()
        if min(abs(pr - lo), abs(pr - hi)) < 0.01 * pr:
            raise Skip("newest price within 1% of a boundary of the usual range")
        pos = -1 if pr < lo else (1 if pr > hi else 0)
        return [{"kind": "price", "value": round(pr, 4), "market": m, "date": w},
                {"kind": "position", "value": pos, "market": m, "date": None}]

    # ---------------- cross-product statistics
    def week_rows(self, m: str | None, week: str) -> pd.DataFrame:
        r = self.df[self.df["week"] == week]
        return r if m is None else r[r["market"] == m]

    def rank(self, m: str, group: str | None, n: int, order: str, week: str | None = None) -> list[dict]:
        week = week or self.latest
        if self.conflicted(None, m, [week]):
            raise Skip(f"conflicting duplicate rows in {m} {week}")
        r = self.week_rows(m, week)
        r = r[r["product"].map(self.unit) == "kg"]

        def top(frame: pd.DataFrame) -> list[tuple[str, float]]:
            f = frame.sort_values(["price", "product"], ascending=[order == "asc", True],
                                  key=lambda c: c if c.name == "price" else c.map(fold))
            return list(zip(f["product"], f["price"]))

        by_csv = r if group is None else r[r["grupo"] == group]
        vg = {"Frutas frescas": "Frutas frescas", "Tubérculos, raíces y plátanos": "Tubérculos, raíces y plátanos"}
        by_vocab = r if group is None else r[r["product"].map(self.vocab_group) == vg.get(group, group)]
        a, b = top(by_csv), top(by_vocab)
        if len(a) <= n:
            raise Skip("too few products to rank")
        if [x for x, _ in a[:n]] != [x for x, _ in b[:n]]:
            raise Skip("top items differ between CSV grupo and products.csv group")
        if abs(a[n - 1][1] - a[n][1]) < 0.5 or any(abs(a[i][1] - a[i + 1][1]) < 0.5 for i in range(n - 1)):
            raise Skip("tie at or above the cut")
        return [{"kind": "price", "value": round(float(v), 4), "market": m, "date": week, "product": x}
                for x, v in a[:n]]

    def movers(self, m: str | None, group: str | None, direction: str, periods: tuple | None = None) -> list[dict]:
        def frame(weeks_or_per):
            if isinstance(weeks_or_per, str):
                r = self.df[self.df["week"] == weeks_or_per]
                wk = [weeks_or_per]
            else:
                a, b = self.period(weeks_or_per)
                r = self.df[(self.df["week"] >= a) & (self.df["week"] <= b)]
                wk = sorted(r["week"].unique())
            if m is not None:
                r = r[r["market"] == m]
            return r, wk

        if periods is None:
            (r1, w1), (r2, w2) = frame(self.previous), frame(self.latest)
        else:
            (r1, w1), (r2, w2) = frame(periods[0]), frame(periods[1])
        if self.conflicted(None, m, list(w1) + list(w2)):
            raise Skip("conflicting duplicate rows in the weeks compared")

        def changes(grp_of, r1, r2, units_all=True):
            if group is not None:
                r1 = r1[grp_of(r1) == group]
                r2 = r2[grp_of(r2) == group]
            if not units_all:
                r1 = r1[r1["product"].map(self.unit) == "kg"]
                r2 = r2[r2["product"].map(self.unit) == "kg"]
            if m is None:
                both = set(zip(r1["product"], r1["market"])) & set(zip(r2["product"], r2["market"]))
                k1 = r1[[pm in both for pm in zip(r1["product"], r1["market"])]]
                k2 = r2[[pm in both for pm in zip(r2["product"], r2["market"])]]
                if periods is not None:  # national over periods is ill-defined in LABELS.md: not used
                    raise Skip("national movers over periods")
                a = k1.groupby("product")["price"].mean()
                b = k2.groupby("product")["price"].mean()
            else:
                a = r1.groupby("product")["price"].mean()
                b = r2.groupby("product")["price"].mean()
            common = a.index.intersection(b.index)
            ch = ((b[common] / a[common] - 1) * 100).sort_values(ascending=(direction == "down"))
            return ch

        csv_g = lambda r: r["grupo"]  # noqa: E731
        voc_g = lambda r: r["product"].map(self.vocab_group)  # noqa: E731
        c1 = changes(csv_g, r1, r2)
        c2 = changes(voc_g, r1, r2)
        c3 = changes(csv_g, r1, r2, units_all=False)
        if len(c1) < 3:
            raise Skip("too few products")
        if not (c1.index[0] == c2.index[0] == c3.index[0]):
            raise Skip("top mover depends on group source or unit filter")
        if abs(c1.iloc[0] - c1.iloc[1]) < 0.3:
            raise Skip("top movers too close")
        if (direction == "up" and c1.iloc[0] <= 0) or (direction == "down" and c1.iloc[0] >= 0):
            raise Skip("nothing moved in that direction")
        return [{"kind": "change_pct", "value": round(float(c1.iloc[0]), 1), "market": m, "date": None,
                 "product": c1.index[0]}]

    def count_markets(self, p: str, per: tuple | None = None) -> list[dict]:
        if per is None:
            a = b = self.latest
        else:
            a, b = self.period(per)
        f = self.full[(self.full["product"] == p) & (self.full["week"] >= a) & (self.full["week"] <= b)]
        g = self.df[(self.df["product"] == p) & (self.df["week"] >= a) & (self.df["week"] <= b)]
        n = f["market"].nunique()
        if n != g["market"].nunique():
            raise Skip("count depends on duplicate handling")
        u = self.unmapped
        if not u[(u["semana_inicio"] >= a) & (u["semana_inicio"] <= b) &
                 u["producto"].map(lambda s: fold(clean(str(s))) == fold(p))].empty:
            raise Skip("unmapped market spellings for the product")
        return [{"kind": "count", "value": int(n), "market": None, "date": None, "product": p}]

    def count_products(self, m: str) -> list[dict]:
        f = self.full[(self.full["market"] == m) & (self.full["week"] == self.latest)]
        g = self.df[(self.df["market"] == m) & (self.df["week"] == self.latest)]
        if f["product"].nunique() != g["product"].nunique():
            raise Skip("count depends on duplicate handling")
        return [{"kind": "count", "value": int(f["product"].nunique()), "market": m, "date": None}]

    def trade(self, p: str, m: str, unit: str, kilos: float | None = None) -> tuple[list[dict], list[str]]:
        w, pr = self.newest(p, m)
        price = {"kind": "price", "value": round(pr, 4), "market": m, "date": w}
        u = self.unit.get(p)
        if u != "kg":
            return [price], ["trade_price"]
        if unit == "bulto" and not any(p.startswith(x) for x in BULTO_PREFIXES):
            return [price], ["trade_price"]
        kg = kilos if unit == "kilos" else KG[unit]
        tp = {"kind": "trade_price", "value": round(pr * kg, 4), "market": m, "date": w, "unit": unit}
        if unit == "kilos":
            tp["kilos"] = kilos
        return [price, tp], []
