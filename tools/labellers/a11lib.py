"""Helpers for the blind11-analytics labeller: every statistic computed from the raw weekly CSV following
/work/main/tests/questions/LABELS.md (names mapped with tools/label_questions.py's Data class)."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, "/work/main/tools")
from label_questions import CSV, MAIN, ROOT, Data  # noqa: E402

TODAY = dt.date(2025, 11, 3)
VOCAB = pd.read_csv(ROOT / "data" / "vocab" / "products.csv")
UNIT = dict(zip(VOCAB["name"], VOCAB["unit"]))
GROUP = dict(zip(VOCAB["name"], VOCAB["group"]))
MAIN_OF = dict(MAIN)


class Lab:
    def __init__(self, csv_path: Path = CSV) -> None:
        self.d = Data(csv_path)
        df = self.d.df
        self.df = df
        # the CSV's own `grupo` for each product (used to double-check group answers)
        raw = pd.read_csv(csv_path, usecols=["producto", "grupo"], dtype=str).drop_duplicates()
        from label_questions import clean, fold, name_table
        names = name_table(ROOT / "data" / "vocab" / "products.csv")
        raw["product"] = raw["producto"].map(lambda s: names.get(fold(clean(s))))
        self.csv_groups = raw.groupby("product")["grupo"].agg(lambda s: set(s)).to_dict()
        weeks = df[["week", "week_end"]].drop_duplicates().sort_values("week")
        self.weeks = list(weeks["week"])
        self.week_end = dict(zip(weeks["week"], weeks["week_end"]))
        self.latest = self.d.latest
        self.previous = self.d.previous

    # ---- basic series -------------------------------------------------------------------------------------
    def s(self, p: str, m: str) -> pd.Series:
        g = self.d.series(p, m)
        return pd.Series(g["price"].values, index=g["week"].values, dtype=float)

    def week_holding(self, day: str) -> str | None:
        hits = [w for w in self.weeks if w <= day <= self.week_end[w]]
        return hits[-1] if hits else None

    def price_near(self, p: str, m: str, week: str, back: int = 4) -> tuple[str, float] | None:
        """Price of the week, else the closest earlier week with a price, at most `back` weeks back."""
        s = self.s(p, m)
        lo = (dt.date.fromisoformat(week) - dt.timedelta(days=7 * back)).isoformat()
        hit = s[(s.index <= week) & (s.index >= lo)]
        return None if hit.empty else (hit.index[-1], float(hit.iloc[-1]))

    def window(self, p: str, m: str, start: str, end: str) -> pd.Series:
        s = self.s(p, m)
        return s[(s.index >= start) & (s.index <= end)]

    # ---- places -------------------------------------------------------------------------------------------
    def city(self, city: str, p: str) -> str:
        return self.d.city_market(city, p)

    def default(self, p: str) -> str:
        return self.d.default_market(p)

    # ---- statistics ---------------------------------------------------------------------------------------
    def extreme(self, p: str, m: str, start: str, end: str, kind: str) -> dict:
        w = self.window(p, m, start, end)
        assert len(w), (p, m, start, end)
        v = w.max() if kind == "max" else w.min()
        tied = sorted(w[w == v].index)
        return {"value": float(v), "date": tied[-1], "dates": tied, "n": len(w)}

    def mean(self, p: str, m: str, start: str, end: str) -> float:
        w = self.window(p, m, start, end)
        assert len(w), (p, m, start, end)
        return float(w.mean())

    def median(self, p: str, m: str, start: str, end: str) -> float:
        w = self.window(p, m, start, end)
        assert len(w), (p, m, start, end)
        return float(w.median())

    def yoy(self, p: str, m: str) -> tuple[str, float, str, float]:
        s = self.s(p, m)
        new_w, new_v = s.index[-1], float(s.iloc[-1])
        target = dt.date.fromisoformat(new_w) - dt.timedelta(days=364)
        if target.isoformat() in s.index:
            return new_w, new_v, target.isoformat(), float(s[target.isoformat()])
        best = None
        for w, v in s.items():
            gap = abs((dt.date.fromisoformat(w) - target).days)
            if gap <= 14 and (best is None or gap < best[0] or (gap == best[0] and w < best[1])):
                best = (gap, w, float(v))
        assert best, (p, m)
        return new_w, new_v, best[1], best[2]

    def monthly(self, p: str, m: str) -> pd.Series:
        s = self.s(p, m)
        idx = pd.MultiIndex.from_tuples([(int(w[:4]), int(w[5:7])) for w in s.index], names=["y", "mo"])
        return pd.Series(s.values, index=idx).groupby(level=[0, 1]).mean()

    def season(self, p: str, m: str) -> tuple[pd.Series, int]:
        mm = self.monthly(p, m)
        ratios = []
        years = 0
        for y, g in mm.groupby(level=0):
            if len(g) < 6:
                continue
            years += 1
            r = g / g.mean()
            ratios.append(r.droplevel(0))
        allr = pd.concat(ratios, axis=1)
        cnt = allr.notna().sum(axis=1)
        idx = allr.mean(axis=1)[cnt >= 2]
        return idx.sort_index(), years

    def position(self, p: str, m: str) -> tuple[str, float, int, float, float]:
        s = self.s(p, m)
        w, v = s.index[-1], float(s.iloc[-1])
        mm = self.monthly(p, m)
        y, mo = int(w[:4]), int(w[5:7])
        same = mm[[(yy < y and mmo == mo) for yy, mmo in mm.index]]
        lo, hi = float(same.min()), float(same.max())
        pos = -1 if v < lo else (1 if v > hi else 0)
        return w, v, pos, lo, hi

    def ranking(self, m: str, group: str | None, week: str | None = None, csv_group: bool = False) -> pd.DataFrame:
        week = week or self.latest
        rows = self.df[(self.df["market"] == m) & (self.df["week"] == week)].copy()
        rows = rows[rows["product"].map(UNIT) == "kg"]
        if group:
            if csv_group:
                rows = rows[rows["product"].map(lambda p: group in self.csv_groups.get(p, set()))]
            else:
                rows = rows[rows["product"].map(GROUP) == group]
        return rows.sort_values(["price", "product"])[["product", "price", "week"]].reset_index(drop=True)

    def _pair_prices(self, start: str, end: str) -> pd.Series:
        x = self.df[(self.df["week"] >= start) & (self.df["week"] <= end)]
        return x.groupby(["product", "market"])["price"].mean()

    def movers(self, market: str | None, group: str | None, p1: tuple[str, str], p2: tuple[str, str],
               csv_group: bool = False) -> pd.DataFrame:
        a = self._pair_prices(*p1).rename("old")
        b = self._pair_prices(*p2).rename("new")
        both = pd.concat([a, b], axis=1).dropna().reset_index()
        if group:
            if csv_group:
                both = both[both["product"].map(lambda p: group in self.csv_groups.get(p, set()))]
            else:
                both = both[both["product"].map(GROUP) == group]
        if market:
            t = both[both["market"] == market].set_index("product")[["old", "new"]]
        else:
            t = both.groupby("product")[["old", "new"]].mean()
        t["chg"] = (t["new"] / t["old"] - 1) * 100
        return t.sort_values("chg")

    def count_markets(self, p: str, start: str | None = None, end: str | None = None) -> int:
        start = start or self.latest
        end = end or self.latest
        x = self.df[(self.df["product"] == p) & (self.df["week"] >= start) & (self.df["week"] <= end)]
        extra = {m for (pp, m) in self.d.conflicted if pp == p}
        return len(set(x["market"])), extra

    def count_products(self, m: str, week: str | None = None) -> int:
        week = week or self.latest
        x = self.df[(self.df["market"] == m) & (self.df["week"] == week)]
        extra = {p for (p, mm) in self.d.conflicted if mm == m}
        return x["product"].nunique(), extra
