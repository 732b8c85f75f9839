"""Helpers for label_analytics9.py (same author; computation only, from the raw CSV via the shared Data class)."""
from __future__ import annotations
import datetime as dt, os, pickle, sys
import pandas as pd
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
from label_questions import Data, CSV, MAIN, fold, clean, name_table, ROOT  # noqa: E402

LATEST = "2025-10-25"
PREV = "2025-10-18"
CACHE = "/tmp/an9_data.pkl"
BULTO_PREFIX = ["Papa", "Cebolla cabezona", "Zanahoria", "Yuca", "Arracacha", "Arroz", "Fríjol", "Maíz",
                "Lenteja", "Garbanzo", "Arveja seca", "Azúcar"]
KG = {"libra": 0.5, "arroba": 12.5, "bulto": 50.0}


class Drop(Exception):
    pass


def load() -> Data:
    if os.path.exists(CACHE) and os.environ.get("AN9_CACHE"):
        return pickle.load(open(CACHE, "rb"))
    d = Data(CSV)
    return d


class L:
    def __init__(self) -> None:
        self.d = load()
        d = self.d
        self.df = d.df
        self.weeks = sorted(self.df["week"].unique())
        self.wk_end = self.df.drop_duplicates("week").set_index("week")["week_end"].to_dict()
        vp = pd.read_csv(ROOT / "data" / "vocab" / "products.csv")
        self.vgroup = dict(zip(vp["name"], vp["group"]))
        self.unit = dict(zip(vp["name"], vp["unit"]))
        self.conf_products = {p for p, _ in d.conflicted}
        self.conf_markets = {m for _, m in d.conflicted}
        self.main = dict(MAIN)
        self._csvgroup = None

    # ---- csv grupo per (product, market, week) for recent weeks
    def csvgroup(self):
        if self._csvgroup is None:
            raw = pd.read_csv(CSV, usecols=["semana_inicio", "grupo", "producto", "mercado", "precio_medio_cop_kg"])
            raw = raw[(raw["semana_inicio"] >= "2024-01-01") & (raw["precio_medio_cop_kg"] > 0)]
            prods = name_table(ROOT / "data" / "vocab" / "products.csv")
            mkts = name_table(ROOT / "data" / "vocab" / "markets.csv")
            raw["product"] = raw["producto"].map(lambda s: prods.get(fold(clean(s))))
            raw["market"] = raw["mercado"].map(lambda s: mkts.get(fold(clean(s))))
            raw = raw.dropna(subset=["product", "market"])
            self._csvgroup = raw.groupby(["product", "market", "semana_inicio"])["grupo"].agg(lambda s: "|".join(sorted(set(s)))).to_dict()
        return self._csvgroup

    # ---- places
    def place(self, place: str, product: str, start: str, end: str) -> str:
        kind, _, name = place.partition(":")
        if kind == "market":
            m = name
        elif kind == "city":
            m = self.main[name]
        elif kind == "none":
            m = self.d.default_market(product)
        else:
            raise ValueError(place)
        if (product, m) in self.d.conflicted:
            raise Drop(f"duplicate rows {product} {m}")
        if self.d.window(product, m, start, end).empty:
            raise Drop(f"no data {product} {m} {start}..{end}")
        return m

    def s(self, product, market, start="0000", end="9999"):
        return self.d.window(product, market, start, end)

    def table_week(self, day: str) -> str:
        for w in self.weeks:
            if w <= day <= self.wk_end[w]:
                return w
        raise Drop(f"no table week holds {day}")

    def price_at_day(self, product, market, day, exact=True):
        w = self.table_week(day)
        p = self.d.week_price(product, market, w)
        if p is None:
            if exact:
                raise Drop(f"{product} {market} not priced week {w}")
            s = self.s(product, market)
            lo = (dt.date.fromisoformat(w) - dt.timedelta(days=28)).isoformat()
            hit = s[(s["week"] < w) & (s["week"] >= lo)]
            if hit.empty:
                raise Drop("no fallback")
            return str(hit.iloc[-1]["week"]), float(hit.iloc[-1]["price"])
        return w, p

    def now(self, product, market):
        p = self.d.week_price(product, market, LATEST)
        if p is None:
            raise Drop(f"{product} {market} not priced {LATEST}")
        return p


def month_range(y: int, m: int) -> tuple[str, str]:
    start = dt.date(y, m, 1)
    end = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
    return start.isoformat(), end.isoformat()


def quarter_range(y: int, q: int) -> tuple[str, str]:
    return month_range(y, 3 * q - 2)[0], month_range(y, 3 * q)[1]


def year_range(y: int) -> tuple[str, str]:
    return f"{y}-01-01", f"{y}-12-31"


def season_index(s: pd.DataFrame):
    s = s.copy()
    s["y"] = s["week"].str[:4].astype(int)
    s["m"] = s["week"].str[5:7].astype(int)
    mm = s.groupby(["y", "m"])["price"].mean().reset_index()
    ratios = []
    years = 0
    for y, g in mm.groupby("y"):
        if len(g) >= 6:
            years += 1
            r = g.copy()
            r["r"] = r["price"] / r["price"].mean()
            ratios.append(r)
    if not ratios:
        return None, 0
    r = pd.concat(ratios)
    agg = r.groupby("m")["r"].agg(["mean", "count"])
    agg = agg[agg["count"] >= 2]["mean"]
    return agg, years
