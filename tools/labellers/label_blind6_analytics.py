"""Blind held-out ANALYTICAL question set for SIPSABot ("blind6-analytics").

Written by a QA engineer who did NOT read the bot's router, handlers, models, its tests, nor any other
question set (tests/questions/*.jsonl, tests/questions/blind/*, /work/blind/lookup*). Sources read: the labelling
contract tests/questions/LABELS.md (the spec), tools/label_questions.py (only to reuse its `Data` class, which
maps CSV spellings to the canonical names of data/vocab/*.csv, and its MAIN city -> market list),
data/vocab/products.csv, data/vocab/markets.csv and the raw table
/work/shared/sipsa/series/semanal_precios_2017-2025.csv.gz.

    .venv/bin/python tools/labellers/label_blind6_analytics.py

writes tests/questions/blind/blind6-analytics.jsonl (ids b6a-001 ...). Every expected value is computed here with pandas
from the raw CSV; nothing was typed in by hand. TODAY is pinned to 2025-11-03 (Monday); newest week 2025-10-25.

Rules followed (LABELS.md):
- Places: a market -> that market; a city -> its MAIN market (when the main market has no price of the product in
  the period asked, the city's market with the newest price in it, as Data.city_market(_in) does); no place ->
  the first MAIN market that priced the product in its newest week (Data.default_market).
- Periods: a month/quarter/semester/year -> weeks whose semana_inicio falls in it; a month without year -> its
  most recent occurrence before TODAY; "este año" = 2025, "el año pasado" = 2024; "las últimas N semanas" -> the
  N newest weeks of the table; "desde <fecha>" -> from the week holding the date to the newest week; no period on
  a statistic -> all the history of the series.
- max/min carry the MOST RECENT week with the extreme value as `date`, and `dates` = all tied weeks (always
  written, even when there is only one).
- mean/median: over the weekly prices of the series in the period, full precision, no date.
- change between two days/weeks: the week holding each day (weeks come from the table's own semana_inicio /
  semana_fin); if the product has no price that week, the closest earlier priced week at most 4 weeks
  (28 days) back. Values: two `price` with `date` plus `change_pct`. Between two months/quarters/years: each
  period's mean; values `change_pct` plus both means as `price` without date. From a date to now: the week holding
  the date (same 4-week fallback) vs the newest week of the series.
- year over year: newest week of the series vs the week starting 364 days earlier, else the priced week nearest to
  it within +-14 days (earlier on a tie).
- season: monthly means per (year, month); years with >= 6 months only; each year's monthly means divided by that
  year's mean of its monthly means; month index = mean of its ratios, months present in >= 2 such years.
  Values `month` (cheapest = lowest index / dearest = highest) and `years` = number of qualifying years.
- "¿está cara para la época?": newest weekly price vs the monthly means of the same calendar month in years before
  the newest week's year: below the lowest -> -1, above the highest -> 1, else 0. Values `price` (with date) and
  `position`.
- ranking: products of the group (the CSV `grupo` column) priced per kg (products.csv unit == kg) in that market
  in the week asked (default newest week of the table); ties broken by canonical name. Values `price` with
  `product`, `market`, `date` for the first N asked (N = 1 when a single product is asked).
- movers: % change per product between the newest week and the week before (or two periods' means); in a market,
  or nationally = change of the product's mean price over the markets that priced it in both periods. Value
  `change_pct` with `product` (market = None when national).
- counts: markets pricing X in the newest week (or in the period asked); products priced in a market in the newest
  week. Counted on canonical names from the mapped raw rows (duplicated spellings counted once).
- trade units: libra 0.5, arroba 12.5, "N kilos" N, bulto 50 only for Papa/Cebolla cabezona/Zanahoria/Yuca/
  Arracacha/Arroz/Fríjol/Maíz/Lenteja/Garbanzo/Arveja seca/Azúcar; values per-kg `price` (newest week, with date) +
  `trade_price` (with `unit` and, as an extra field, `kg`). Bulto of another product, and eggs (unidad) / oils
  (litro) asked per kilo/libra/arroba/bulto -> only the own-unit `price`, forbid `trade_price`.

Interpretations where LABELS.md is silent (documented choices):
1. "promedio"/"media" asked explicitly over a period -> kind `mean` (not `price`).
2. "primer/segundo semestre" -> Jan-Jun / Jul-Dec; "trimestre" -> calendar quarters.
3. "desde enero de 2023" for a max/min/mean -> the range from the week holding that date to the newest week.
4. A (product, market, week) with two different rows in the CSV (Data.conflicted) is ill-defined: such series are
   never asked about, and a ranking/mover item whose candidate set touches one is dropped.
5. Movers: all products priced in both periods (any unit: a % change does not depend on the unit). The item is
   DROPPED if the first product would change when restricting to per-kg products, when using products.csv groups
   instead of the CSV `grupo`, or (national, periods) when pooling all weekly rows instead of averaging per-market
   means. Rankings are likewise dropped if products.csv groups would give another first product.
6. Movers "esta semana" = newest week of the table vs the week before (LABELS' default), even though TODAY's own
   calendar week has no data. "la semana pasada" is avoided in movers because LABELS maps it to 2025-10-25.
7. A family word alone ("la papa") asked in an analytical question -> `clarify` (LABELS: family word with several
   products priced there), even for a season question; these are tagged cannot_answer.
8. Questions about production/harvest/area, retail shops, years before 2017 or after the data -> no_numbers; an
   unreadable statistic/period, or a place outside the vocabulary (Leticia) -> clarify. Their values are empty.
9. Season / position items whose result would hinge on a float tie (< 1e-9) are dropped; none was.
10. When the spec'd computation returns nothing (no price in the period, no earlier year, no week within the
    fallback), the item is dropped and reported on stderr.
11. "Now"-based statistics (from-date-to-now, year over year, season, "cara para la época", trade units) are only
    asked for series priced in the newest week 2025-10-25 (otherwise "now" would be a years-old price): guard
    A.current() drops the item.
12. Ranking ties are broken by the case/accent-folded canonical name ("Mango manzano" before "Mango Tommy"); an item
    is dropped when a price tie straddles the cut-off N (none was). Tied products inside the top N carry the same
    price, so their order does not change any value.
13. Eggs/oils asked "el kilo de ..." are labelled like the trade-unit rule (own-unit price, forbid trade_price).
14. Follow-ups ("prev") carry the product and place from the earlier turn (2 items).
15. "papa criolla" = Papa criolla limpia (as tools/label_questions.py's COLLOQUIAL table); the count question
    spells "papa criolla limpia" to stay unambiguous.

DROPPED: none in the final run (175 records written). While writing, 26 draft items whose series did not exist
(e.g. "Tomate chonto" in Medellín's Central Mayorista, which quotes only "Tomate chonto regional"; "Aguacate Hass"
in Mercar in 2025; "Papa parda pastusa" in Tunja, not priced since years), whose season had < 2 qualifying years
(maracuyá in Surabastos), whose ranking was sensitive to the CSV `grupo` vs products.csv group (top 5 fruits in
Cenabastos, where products.csv files "Arracacha amarilla" under Frutas frescas) or whose ranking touched a
conflicted series were replaced by other products/markets before the final run; no figure was ever typed by hand.

Duplicate check: dupcheck.py (next to this file) folds every "q" of tests/questions/*.jsonl and
tests/questions/blind/*.jsonl and prints only the number of collisions and our ids: 0 collisions.

First run (`sipsabot eval --tag blind6-analytics --verbose`, once, at commit 1522827, before any fix from this
set): 81.7% exact (143/175), 9.7% confidently wrong (17/175). The confident errors: a maximum within "el año
pasado" read as a year-over-year comparison; "precio medio anual" read as year over year; "octubre frente a
septiembre" and "el tercer trimestre frente al segundo" read with the wrong year or as a range of weeks; the
mean over "entre junio y agosto" answered as a change; "en qué mes es lo más barato" answered as the minimum
of the December named beside it; a follow-up "¿y cuál fue el precio más alto este año?" answered as the
priciest market; "lo más caro de Mercasa" / "lo más barato de la plaza La 21" not read as rankings; "frente al
5 de julio … más cara o más barata" answered as a comparison of markets; the area sown (no SIPSA figure)
answered with a price; a place outside SIPSA (Leticia) answered for the default market. No label was changed
after the run.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import unicodedata
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from label_questions import CSV, MAIN, ROOT, Data, clean, fold, name_table  # noqa: E402

OUT = ROOT / "tests" / "questions" / "blind" / "blind6-analytics.jsonl"
TODAY = dt.date(2025, 11, 3)
SET = "blind6-analytics"

COR = "Bogotá, D.C., Corabastos"
PAL = "Bogotá, D.C., Paloquemao"
MED = "Medellín, Central Mayorista de Antioquia"
MIN = 'Medellín, Plaza Minorista "José María Villa"'
CAV = "Cali, Cavasa"
SEL = "Cali, Santa Elena"
BQ = "Barranquilla, Barranquillita"
BGA = "Bucaramanga, Centroabastos"
CUC = "Cúcuta, Cenabastos"
PEI = "Pereira, Mercasa"
ARM = "Armenia, Mercar"
MZL = "Manizales, Centro Galerías"
IBG = "Ibagué, Plaza La 21"
NEI = "Neiva, Surabastos"
PST = "Pasto, El Potrerillo"
VVC = "Villavicencio, CAV"
TUN = "Tunja, Complejo de Servicios del Sur"
MON = "Montería, Mercado del Sur"
CTG = "Cartagena, Bazurto"
SIN = "Sincelejo, Nuevo Mercado"
POP = "Popayán, Plaza de mercado del barrio Bolívar"
IPI = "Ipiales (Nariño), Ipiales somos todos"

BULTO_PREFIXES = ("Papa", "Cebolla cabezona", "Zanahoria", "Yuca", "Arracacha", "Arroz", "Fríjol", "Maíz",
                  "Lenteja", "Garbanzo", "Arveja seca", "Azúcar")
KG = {"libra": 0.5, "arroba": 12.5, "bulto": 50.0}
VER, FRU, TUB, GRA, CAR, PES = ("Verduras y hortalizas", "Frutas frescas", "Tubérculos, raíces y plátanos",
                                "Granos y cereales", "Carnes", "Pescados")


# ----------------------------------------------------------------------------------------------- periods
def Y(y: int) -> tuple[str, str]:
    return f"{y}-01-01", f"{y}-12-31"


def M(y: int, m: int) -> tuple[str, str]:
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
    return f"{y}-{m:02d}-01", nxt.isoformat()


def R(a: str, b: str) -> tuple[str, str]:
    return a, b


def Q_(y: int, q: int) -> tuple[str, str]:
    return M(y, 3 * q - 2)[0], M(y, 3 * q)[1]


LAST = "2025-10-25"


def lastn(n: int) -> tuple[str, str]:
    return (dt.date.fromisoformat(LAST) - dt.timedelta(weeks=n - 1)).isoformat(), "2025-10-31"


# ----------------------------------------------------------------------------------------------- data
class A:
    def __init__(self) -> None:
        self.d = Data(CSV)
        d = self.d
        assert d.latest == LAST, d.latest
        raw = pd.read_csv(CSV, dtype={"producto": str, "mercado": str, "tendencia": str})
        products = name_table(ROOT / "data" / "vocab" / "products.csv")
        markets = name_table(ROOT / "data" / "vocab" / "markets.csv")
        raw = raw[raw["precio_medio_cop_kg"] > 0]
        raw["product"] = raw["producto"].map(lambda s: products.get(fold(clean(s))))
        raw["market"] = raw["mercado"].map(lambda s: markets.get(fold(clean(s))))
        self.unmapped_latest = raw[(raw["semana_inicio"] == LAST) & (raw["product"].isna() | raw["market"].isna())]
        self.mapped = raw.dropna(subset=["product", "market"]).rename(columns={"semana_inicio": "week"})
        self.grupo = self.mapped.drop_duplicates(["product", "market", "week"]).set_index(
            ["product", "market", "week"])["grupo"]
        self.weeks = raw[["semana_inicio", "semana_fin"]].drop_duplicates().sort_values("semana_inicio")
        pr = pd.read_csv(ROOT / "data" / "vocab" / "products.csv")
        self.vgroup = dict(zip(pr["name"], pr["group"]))
        self.unit = d.units

    # places ------------------------------------------------------------------------------------------
    def place(self, p: str | None, where: tuple[str, str] | None, period: tuple[str, str] | None) -> str | None:
        if where is None:
            return self.d.default_market(p)
        kind, name = where
        if kind == "m":
            return name
        if period is None:
            return self.d.city_market(name, p)
        return self.d.city_market_in(name, p, period[0], period[1])

    def s(self, p: str, m: str, period: tuple[str, str] | None = None) -> pd.DataFrame:
        if (p, m) in self.d.conflicted:
            raise Drop(f"conflicted series {p} @ {m}")
        s = self.d.series(p, m)
        if period is not None:
            s = s[(s["week"] >= period[0]) & (s["week"] <= period[1])]
        if s.empty:
            raise Drop(f"no price {p} @ {m} in {period}")
        return s

    def table_week(self, day: str) -> str:
        w = self.weeks[(self.weeks["semana_inicio"] <= day) & (self.weeks["semana_fin"] >= day)]
        if w.empty:
            raise Drop(f"no table week holds {day}")
        return str(w.iloc[-1]["semana_inicio"])

    def current(self, p: str, m: str) -> pd.DataFrame:
        s = self.s(p, m)
        if str(s.iloc[-1]["week"]) != LAST:
            raise Drop(f"{p} @ {m} not priced in the newest week ({s.iloc[-1]['week']})")
        return s

    def at_day(self, p: str, m: str, day: str) -> tuple[str, float]:
        wk = self.table_week(day)
        s = self.s(p, m)
        lo = (dt.date.fromisoformat(wk) - dt.timedelta(days=28)).isoformat()
        hit = s[(s["week"] <= wk) & (s["week"] >= lo)]
        if hit.empty:
            raise Drop(f"no price within 4 weeks before {day} for {p} @ {m}")
        return str(hit.iloc[-1]["week"]), float(hit.iloc[-1]["price"])


class Drop(Exception):
    pass


def v(kind: str, value, market=None, date=None, **extra) -> dict:
    out = {"kind": kind, "value": round(float(value), 6) if kind not in {"month", "years", "count", "position"}
           else int(value), "market": market, "date": date}
    out.update(extra)
    return out


def pct(new: float, old: float) -> float:
    return (new / old - 1) * 100


# ----------------------------------------------------------------------------------------------- statistics
def st_extreme(a: A, kind: str, p: str, where, period=None):
    m = a.place(p, where, period)
    s = a.s(p, m, period)
    target = s["price"].max() if kind == "max" else s["price"].min()
    tied = sorted(s.loc[s["price"] == target, "week"].astype(str))
    return [v(kind, target, m, tied[-1], dates=tied)]


def st_central(a: A, kind: str, p: str, where, period=None):
    m = a.place(p, where, period)
    s = a.s(p, m, period)
    val = s["price"].mean() if kind == "mean" else s["price"].median()
    return [v(kind, val, m, None)]


def st_change_days(a: A, p: str, where, d1: str, d2: str):
    m = a.place(p, where, None)
    w1, p1 = a.at_day(p, m, d1)
    w2, p2 = a.at_day(p, m, d2)
    return [v("price", p1, m, w1), v("price", p2, m, w2), v("change_pct", pct(p2, p1), m, None)]


def st_change_periods(a: A, p: str, where, per1, per2):
    m = a.place(p, where, per2)
    m1 = float(a.s(p, m, per1)["price"].mean())
    m2 = float(a.s(p, m, per2)["price"].mean())
    return [v("price", m1, m, None), v("price", m2, m, None), v("change_pct", pct(m2, m1), m, None)]


def st_since(a: A, p: str, where, day: str):
    m = a.place(p, where, None)
    w1, p1 = a.at_day(p, m, day)
    s = a.current(p, m)
    w2, p2 = str(s.iloc[-1]["week"]), float(s.iloc[-1]["price"])
    if w2 == w1:
        raise Drop("since: same week")
    return [v("price", p1, m, w1), v("price", p2, m, w2), v("change_pct", pct(p2, p1), m, None)]


def st_yoy(a: A, p: str, where):
    m = a.place(p, where, None)
    s = a.current(p, m)
    wn, pn = str(s.iloc[-1]["week"]), float(s.iloc[-1]["price"])
    target = dt.date.fromisoformat(wn) - dt.timedelta(days=364)
    cand = []
    for _, r in s.iterrows():
        delta = (dt.date.fromisoformat(str(r["week"])) - target).days
        if abs(delta) <= 14:
            cand.append((abs(delta), 0 if delta <= 0 else 1, str(r["week"]), float(r["price"])))
    if not cand:
        raise Drop("yoy: no week near a year before")
    _, _, wo, po = min(cand)
    return [v("price", po, m, wo), v("price", pn, m, wn), v("change_pct", pct(pn, po), m, None)]


def season_index(s: pd.DataFrame) -> tuple[pd.Series, int]:
    t = s.assign(y=s["week"].str[:4].astype(int), mo=s["week"].str[5:7].astype(int))
    mm = t.groupby(["y", "mo"])["price"].mean().reset_index()
    ok = mm.groupby("y")["mo"].nunique()
    ok = ok[ok >= 6].index
    mm = mm[mm["y"].isin(ok)].copy()
    mm["ratio"] = mm["price"] / mm.groupby("y")["price"].transform("mean")
    g = mm.groupby("mo")["ratio"].agg(["mean", "count"])
    g = g[g["count"] >= 2]
    return g["mean"], len(ok)


def st_season(a: A, p: str, where, which: str):
    m = a.place(p, where, None)
    idx, years = season_index(a.current(p, m))
    if idx.empty or years < 2:
        raise Drop("season: not enough years")
    srt = idx.sort_values(ascending=(which == "cheap"))
    if len(srt) > 1 and abs(srt.iloc[0] - srt.iloc[1]) < 1e-9:
        raise Drop("season tie")
    return [v("month", int(srt.index[0]), m, None), v("years", years, m, None)]


def st_position(a: A, p: str, where):
    m = a.place(p, where, None)
    s = a.current(p, m)
    wn, pn = str(s.iloc[-1]["week"]), float(s.iloc[-1]["price"])
    y, mo = int(wn[:4]), wn[5:7]
    prev = s[(s["week"].str[5:7] == mo) & (s["week"].str[:4].astype(int) < y)]
    if prev.empty:
        raise Drop("position: no earlier year")
    means = prev.groupby(prev["week"].str[:4])["price"].mean()
    lo, hi = means.min(), means.max()
    pos = -1 if pn < lo else (1 if pn > hi else 0)
    if min(abs(pn - lo), abs(pn - hi)) < 1e-9:
        raise Drop("position on a boundary")
    return [v("price", pn, m, wn), v("position", pos, m, None)]


def week_rows(a: A, market: str | None, week: str) -> pd.DataFrame:
    rows = a.d.df[a.d.df["week"] == week]
    if market is not None:
        rows = rows[rows["market"] == market]
    return rows


def touches_conflict(a: A, market: str | None, products) -> bool:
    return any((p, mk) in a.d.conflicted for p, mk in
               ((p, mk) for p in products for mk in ([market] if market else a.d.df["market"].unique())))


def st_rank(a: A, where, group: str | None, order: str, n: int = 1, week: str = LAST):
    m = a.place(None, where, None) if where[0] == "m" else dict(MAIN)[where[1]]
    rows = week_rows(a, m, week).copy()
    rows["grupo"] = [a.grupo.get((p, m, week)) for p in rows["product"]]
    rows = rows[rows["product"].map(a.unit) == "kg"]
    allp = a.mapped[(a.mapped["market"] == m) & (a.mapped["week"] == week)]
    allp = allp[allp["product"].map(a.unit) == "kg"]
    if group:
        allp = allp[(allp["grupo"] == group) | (allp["product"].map(a.vgroup) == group)]
    if any((p, m) in a.d.conflicted for p in set(allp["product"])):
        raise Drop("rank: conflicted product among the candidates")

    def top(df: pd.DataFrame, col: str) -> pd.DataFrame:
        if group:
            df = df[df[col] == group]
        df = df.assign(key=df["product"].map(fold))
        return df.sort_values(["price", "key"], ascending=[order == "cheap", True]).reset_index(drop=True)

    r1 = top(rows, "grupo")
    rows["vg"] = rows["product"].map(a.vgroup)
    r2 = top(rows, "vg")
    if len(r1) < max(n, 2):
        raise Drop(f"rank: only {len(r1)} products")
    if list(r1["product"][:n]) != list(r2["product"][:n]):
        raise Drop("rank: grupo vs products.csv group disagree")
    if len(r1) > n and r1.loc[n - 1, "price"] == r1.loc[n, "price"]:
        raise Drop("rank: tie across the cut-off")
    return [v("price", r["price"], m, week, product=r["product"]) for _, r in r1.head(n).iterrows()]


def mover_table(a: A, market, per1, per2, pooled=False) -> pd.DataFrame:
    df = a.d.df
    if market is not None:
        df = df[df["market"] == market]

    def part(per):
        x = df[(df["week"] >= per[0]) & (df["week"] <= per[1])]
        return x

    x1, x2 = part(per1), part(per2)
    g1 = x1.groupby(["product", "market"])["price"].mean()
    g2 = x2.groupby(["product", "market"])["price"].mean()
    both = g1.index.intersection(g2.index)
    if pooled:
        k1 = x1.set_index(["product", "market"]).loc[both].groupby(level=0)["price"].mean()
        k2 = x2.set_index(["product", "market"]).loc[both].groupby(level=0)["price"].mean()
    else:
        k1 = g1.loc[both].groupby(level=0).mean()
        k2 = g2.loc[both].groupby(level=0).mean()
    out = pd.DataFrame({"old": k1, "new": k2})
    out["chg"] = (out["new"] / out["old"] - 1) * 100
    out = out.reset_index()
    return out


def st_movers(a: A, where, group: str | None, direction: str, per1=None, per2=None):
    market = None if where is None else (where[1] if where[0] == "m" else dict(MAIN)[where[1]])
    if per1 is None:
        per1, per2 = (a.d.previous, a.d.previous), (LAST, LAST)
    weeks_mode = per1[0] == per1[1]
    base = mover_table(a, market, per1, per2)
    if market is not None:
        touched = set(a.mapped[(a.mapped["market"] == market) & (a.mapped["week"] >= per1[0])
                               & (a.mapped["week"] <= per2[1])]["product"])
        if any((p, market) in a.d.conflicted for p in touched):
            raise Drop("movers: conflicted series in the market")

    def grp_of(t: pd.DataFrame, col: str) -> pd.DataFrame:
        if not group:
            return t
        if col == "vg":
            return t[t["product"].map(a.vgroup) == group]
        # CSV grupo: the group the product carries in the rows of the second period
        g = a.mapped[(a.mapped["week"] >= per2[0]) & (a.mapped["week"] <= per2[1])]
        g = g.groupby("product")["grupo"].agg(lambda s: s.mode().iloc[0])
        return t[t["product"].map(g) == group]

    def first(t: pd.DataFrame) -> pd.Series:
        t = t.sort_values(["chg", "product"], ascending=[direction == "down", True])
        return t.iloc[0]

    main = grp_of(base, "grupo")
    if main.empty:
        raise Drop("movers: empty")
    f = first(main)
    checks = [first(grp_of(base, "vg")), first(main[main["product"].map(a.unit) == "kg"])]
    if market is None and not weeks_mode:
        checks.append(first(grp_of(mover_table(a, market, per1, per2, pooled=True), "grupo")))
    if market is None:
        conf = {p for p, _ in a.d.conflicted}
        if f["product"] in conf:
            raise Drop("movers: first product has a conflicted series")
    if any(c["product"] != f["product"] for c in checks):
        raise Drop(f"movers: interpretation-sensitive first product {f['product']} vs {[c['product'] for c in checks]}")
    return [v("change_pct", f["chg"], market, None, product=f["product"])]


def st_count_markets(a: A, p: str, period=None):
    per = period or (LAST, LAST)
    x = a.mapped[(a.mapped["product"] == p) & (a.mapped["week"] >= per[0]) & (a.mapped["week"] <= per[1])]
    if not a.unmapped_latest.empty and period is None:
        bad = a.unmapped_latest
        if bad["product"].isna().any() and bad["producto"].map(lambda s: fold(p).split()[0] in fold(s)).any():
            raise Drop("count: unmapped spelling may be this product")
    n = x["market"].nunique()
    if n == 0:
        raise Drop("count 0")
    return [v("count", n, None, None, product=p)]


def st_count_products(a: A, market: str):
    x = a.mapped[(a.mapped["market"] == market) & (a.mapped["week"] == LAST)]
    n = x["product"].nunique()
    if n == 0:
        raise Drop("count 0")
    return [v("count", n, market, None)]


def st_trade(a: A, p: str, where, unit: str, kg: float | None = None):
    m = a.place(p, where, None)
    s = a.current(p, m)
    w, price = str(s.iloc[-1]["week"]), float(s.iloc[-1]["price"])
    own = a.unit[p]
    vals = [v("price", price, m, w)]
    if own != "kg":
        return vals, ["trade_price"]
    if unit == "bulto" and not p.startswith(BULTO_PREFIXES):
        return vals, ["trade_price"]
    k = kg if unit == "kilos" else KG[unit]
    vals.append(v("trade_price", price * k, m, w, unit=unit, kg=k))
    return vals, []


# ----------------------------------------------------------------------------------------------- questions
def c(city: str):
    return ("c", city)


def mk(market: str):
    return ("m", market)


QUESTIONS: list[tuple] = [
    # ------------------------------------------------------------------ max
    ("max", "¿cuándo estuvo más cara la papa criolla en corabastos este año?",
     ("extreme", "max", "Papa criolla limpia", mk(COR), Y(2025))),
    ("max", "cual fue el pico de la cebolla junca en medellin en 2024",
     ("extreme", "max", "Cebolla junca", c("Medellín"), Y(2024))),
    ("max", "oiga y el precio mas alto q ha tenido el tomate chonto en la plaza la 21 de ibague?",
     ("extreme", "max", "Tomate chonto", mk(IBG), None)),
    ("max", "Soy periodista y estoy armando una nota sobre el limón. ¿Cuál ha sido el precio máximo del limón "
            "Tahití en Barranquillita en toda la serie?",
     ("extreme", "max", "Limón Tahití", mk(BQ), None)),
    ("max", "el maximo de la mora de castilla en pereira entre enero y junio de 2023",
     ("extreme", "max", "Mora de Castilla", c("Pereira"), R("2023-01-01", "2023-06-30"))),
    ("max", "en que semana estuvo mas caro el maracuya en Mercar en 2025??",
     ("extreme", "max", "Maracuyá", mk(ARM), Y(2025))),
    ("max", "Cuál fue el precio más alto de la zanahoria en Centroabastos en marzo de 2022?",
     ("extreme", "max", "Zanahoria", mk(BGA), M(2022, 3))),
    ("max", "tengo un restaurante en Neiva y quiero saber cuando fue q la arveja verde en vaina llego a su precio "
            "mas alto el año pasado, para planear compras",
     ("extreme", "max", "Arveja verde en vaina", c("Neiva"), Y(2024))),
    ("max", "pico historico del lulo en cavasa",
     ("extreme", "max", "Lulo", mk(CAV), None)),
    ("max", "mayor precio del ñame diamante en Monteria durante el 2023",
     ("extreme", "max", "Ñame diamante", c("Montería"), Y(2023))),
    ("max", "cual ha sido lo mas caro que ha estado la yuca llanera en villavicencio",
     ("extreme", "max", "Yuca llanera", c("Villavicencio"), None)),
    ("max", "precio maximo del platano harton verde en Cenabastos en el segundo semestre de 2024",
     ("extreme", "max", "Plátano hartón verde", mk(CUC), R("2024-07-01", "2024-12-31"))),
    ("max", "hasta donde llego el frijol cargamanto rojo en la mayorista en 2025? el tope",
     ("extreme", "max", "Fríjol cargamanto rojo", mk(MED), Y(2025))),
    ("max", "¿y cuál fue el precio más alto este año?",
     ("extreme", "max", "Uva Isabela", c("Pasto"), Y(2025)), ["cuanto esta la uva isabela en pasto"]),
    ("max", "la piña gold en Bazurto: su precio mas alto entre 2022 y 2023",
     ("extreme", "max", "Piña gold", mk(CTG), R("2022-01-01", "2023-12-31"))),
    # ------------------------------------------------------------------ min
    ("min", "cuando estuvo mas barata la papa pastusa en corabastos en 2025",
     ("extreme", "min", "Papa parda pastusa", mk(COR), Y(2025))),
    ("min", "precio minimo del tomate de arbol en Pasto el año pasado",
     ("extreme", "min", "Tomate de árbol", c("Pasto"), Y(2024))),
    ("min", "¿Cuál ha sido el precio más bajo de la cebolla cabezona blanca en Bogotá?",
     ("extreme", "min", "Cebolla cabezona blanca", c("Bogotá"), None)),
    ("min", "lo mas barato q ha estado el huevo rojo AA en la mayorista de medellin este año",
     ("extreme", "min", "Huevo rojo AA", mk(MED), Y(2025))),
    ("min", "el minimo de la habichuela en Surabastos en agosto de 2025",
     ("extreme", "min", "Habichuela", mk(NEI), M(2025, 8))),
    ("min", "soy comprador de un casino escolar en Sincelejo, cuál fue el precio más bajo del ñame espino en el "
            "Nuevo Mercado durante 2024?",
     ("extreme", "min", "Ñame espino", mk(SIN), Y(2024))),
    ("min", "en que semana toco fondo el maracuya en Mercasa en 2023",
     ("extreme", "min", "Maracuyá", mk(PEI), Y(2023))),
    ("min", "precio mas bajo del repollo verde en tunja entre abril y septiembre de 2025",
     ("extreme", "min", "Repollo verde", c("Tunja"), R("2025-04-01", "2025-09-30"))),
    ("min", "la guayaba pera en Cartagena, ¿cuál fue su precio más bajo en 2022?",
     ("extreme", "min", "Guayaba pera", c("Cartagena"), Y(2022))),
    ("min", "minimo historico de la lechuga batavia en Manizales",
     ("extreme", "min", "Lechuga Batavia", c("Manizales"), None)),
    ("min", "cuál fue el piso del banano criollo en la Minorista de Medellín en el primer trimestre de 2025",
     ("extreme", "min", "Banano criollo", mk(MIN), Q_(2025, 1))),
    ("min", "el arroz de primera en Cucuta cuándo estuvo más económico en 2024?",
     ("extreme", "min", "Arroz de primera", c("Cúcuta"), Y(2024))),
    ("min", "lo mas barato que ha estado el pepino cohombro en Popayán desde enero de 2023",
     ("extreme", "min", "Pepino cohombro", c("Popayán"), R("2022-12-31", "2025-10-31"))),  # week holding 2023-01-01 -> newest
    ("min", "el precio mas bajo del pimenton en Villavicencio en 2021",
     ("extreme", "min", "Pimentón", c("Villavicencio"), Y(2021))),
    # ------------------------------------------------------------------ mean
    ("mean", "promedio de la papa criolla en corabastos en 2024",
     ("central", "mean", "Papa criolla limpia", mk(COR), Y(2024))),
    ("mean", "Necesito el precio promedio del tomate chonto en Cavasa durante el tercer trimestre de 2025 para un "
             "informe de costos",
     ("central", "mean", "Tomate chonto", mk(CAV), Q_(2025, 3))),
    ("mean", "cuanto promedió la cebolla junca en Centroabastos en el primer semestre de 2025",
     ("central", "mean", "Cebolla junca", mk(BGA), R("2025-01-01", "2025-06-30"))),
    ("mean", "en promedio a como estuvo el aguacate papelillo en Montería en 2023",
     ("central", "mean", "Aguacate papelillo", c("Montería"), Y(2023))),
    ("mean", "media del precio de la zanahoria en Tunja en septiembre de 2025",
     ("central", "mean", "Zanahoria", c("Tunja"), M(2025, 9))),
    ("mean", "cual es el precio promedio de la guayaba pera en Barranquilla en las últimas 8 semanas",
     ("central", "mean", "Guayaba pera", c("Barranquilla"), lastn(8))),
    ("mean", "tengo una fruteria en Armenia. Cuanto ha valido en promedio la fresa en Mercar este año?",
     ("central", "mean", "Fresa", mk(ARM), Y(2025))),
    ("mean", "promedio de la naranja valencia en Sincelejo entre junio y agosto de 2024",
     ("central", "mean", "Naranja Valencia", c("Sincelejo"), R("2024-06-01", "2024-08-31"))),
    ("mean", "precio medio anual del lomo fino de res en la mayorista de Medellín en 2023",
     ("central", "mean", "Carne de res, lomo fino", mk(MED), Y(2023))),
    ("mean", "el kilo de pechuga de pollo en cucuta en promedio cuanto fue en 2022",
     ("central", "mean", "Pechuga de pollo", c("Cúcuta"), Y(2022))),
    ("mean", "promedio del queso campesino en Paloquemao desde el 1 de julio de 2025",
     ("central", "mean", "Queso campesino", mk(PAL), R("2025-06-28", "2025-10-31"))),  # week holding 2025-07-01 -> newest
    ("mean", "en promedio cuánto costó el kg de uva isabela en Ibagué el año pasado",
     ("central", "mean", "Uva Isabela", c("Ibagué"), Y(2024))),
    # ------------------------------------------------------------------ median
    ("median", "mediana del precio de la papa capira en Pereira en 2024",
     ("central", "median", "Papa capira", c("Pereira"), Y(2024))),
    ("median", "cual fue la mediana de la arveja verde en vaina en Corabastos en 2025",
     ("central", "median", "Arveja verde en vaina", mk(COR), Y(2025))),
    ("median", "Para un estudio necesito la mediana semanal del precio del plátano hartón verde en Villavicencio "
               "durante 2023",
     ("central", "median", "Plátano hartón verde", c("Villavicencio"), Y(2023))),
    ("median", "la mediana del maiz blanco trillado en Barranquillita en el 2022",
     ("central", "median", "Maíz blanco trillado", mk(BQ), Y(2022))),
    ("median", "dame la mediana de la remolacha en Manizales entre enero y octubre de 2025",
     ("central", "median", "Remolacha", c("Manizales"), R("2025-01-01", "2025-10-31"))),
    ("median", "mediana del lulo en medellin ultimas 12 semanas",
     ("central", "median", "Lulo", c("Medellín"), lastn(12))),
    ("median", "mediana del precio del queso costeño en Montería el año pasado",
     ("central", "median", "Queso costeño", c("Montería"), Y(2024))),
    ("median", "calculame la mediana de la granadilla en Neiva en el segundo trimestre de 2024",
     ("central", "median", "Granadilla", c("Neiva"), Q_(2024, 2))),
    ("median", "mediana de precios de la cebolla cabezona blanca en Cúcuta en 2025",
     ("central", "median", "Cebolla cabezona blanca", c("Cúcuta"), Y(2025))),
    ("median", "y la mediana del año 2024?",
     ("central", "median", "Apio", c("Cali"), Y(2024)), ["precio del apio en cali"]),
    # ------------------------------------------------------------------ change
    ("change", "cuanto cambió la papa criolla en corabastos entre la semana del 4 de octubre y la del 25 de "
               "octubre de 2025",
     ("days", "Papa criolla limpia", mk(COR), "2025-10-04", "2025-10-25")),
    ("change", "¿Ha subido mucho la cebolla cabezona blanca en Medellín del 6 de septiembre al 25 de octubre?",
     ("days", "Cebolla cabezona blanca", c("Medellín"), "2025-09-06", "2025-10-25")),
    ("change", "variacion del precio de la mora de castilla en Cenabastos entre el 1 de marzo de 2025 y el 1 de "
               "octubre de 2025",
     ("days", "Mora de Castilla", mk(CUC), "2025-03-01", "2025-10-01")),
    ("change", "la zanahoria en Surabastos subio o bajo entre el 15/08/2025 y el 20/10/2025? en cuanto",
     ("days", "Zanahoria", mk(NEI), "2025-08-15", "2025-10-20")),
    ("change", "cuanto subió el aguacate hass en corabastos en octubre frente a septiembre",
     ("periods", "Aguacate Hass", mk(COR), M(2025, 9), M(2025, 10))),
    ("change", "diferencia porcentual del precio del limon tahiti en Cali entre julio y octubre de 2025",
     ("periods", "Limón Tahití", c("Cali"), M(2025, 7), M(2025, 10))),
    ("change", "la mora de castilla en Bucaramanga estuvo mas cara en 2024 que en 2023? en qué porcentaje",
     ("periods", "Mora de Castilla", c("Bucaramanga"), Y(2023), Y(2024))),
    ("change", "variacion del arroz de primera en Villavicencio entre el primer trimestre y el tercer trimestre "
               "de 2025",
     ("periods", "Arroz de primera", c("Villavicencio"), Q_(2025, 1), Q_(2025, 3))),
    ("change", "cuanto cambió la papa superior en Tunja de enero a junio de 2025, mes contra mes",
     ("periods", "Papa superior", c("Tunja"), M(2025, 1), M(2025, 6))),
    ("change", "¿cuánto ha subido el plátano hartón verde en Montería desde el 1 de enero de 2025?",
     ("since", "Plátano hartón verde", c("Montería"), "2025-01-01")),
    ("change", "desde el 1 de marzo cuanto ha variado la papa capira en el Potrerillo",
     ("since", "Papa capira", mk(PST), "2025-03-01")),
    ("change", "frente al 5 de julio, la cebolla cabezona blanca en Corabastos esta mas cara o mas barata? cuanto %",
     ("since", "Cebolla cabezona blanca", mk(COR), "2025-07-05")),
    ("change", "desde el 15 de agosto de 2025 cuánto ha cambiado el precio del huevo rojo A en Bucaramanga",
     ("since", "Huevo rojo A", c("Bucaramanga"), "2025-08-15")),
    ("change", "cuanto ha variado el pimenton en Cartagena desde el 1 de junio",
     ("since", "Pimentón", c("Cartagena"), "2025-06-01")),
    ("change", "buenas! la habichuela en Mercar ha bajado o subido desde el 2 de agosto??",
     ("since", "Habichuela", mk(ARM), "2025-08-02")),
    ("change", "mi proveedor me subio el lulo. En Surabastos cuanto vario el lulo entre junio y septiembre de 2025?",
     ("periods", "Lulo", mk(NEI), M(2025, 6), M(2025, 9))),
    # ------------------------------------------------------------------ yoy
    ("yoy", "¿Está más cara la papa criolla en Corabastos que hace un año?",
     ("yoy", "Papa criolla limpia", mk(COR))),
    ("yoy", "el tomate chonto en cali ta mas caro q el año pasado por esta epoca?",
     ("yoy", "Tomate chonto", c("Cali"))),
    ("yoy", "comparado con hace un año, como esta el limon tahiti en Barranquillita",
     ("yoy", "Limón Tahití", mk(BQ))),
    ("yoy", "cebolla junca en pereira vs hace un año",
     ("yoy", "Cebolla junca", c("Pereira"))),
    ("yoy", "¿la arveja verde en vaina en Ibagué sube o baja frente a hace un año?",
     ("yoy", "Arveja verde en vaina", c("Ibagué"))),
    ("yoy", "¿cuánto ha cambiado el cilantro en Medellín en el último año?",
     ("yoy", "Cilantro", c("Medellín"))),
    ("yoy", "mi mamá dice que la guayaba pera está carísima en Neiva, ¿es cierto que está más cara que hace un año?",
     ("yoy", "Guayaba pera", c("Neiva"))),
    ("yoy", "el aguacate hass en la mayorista esta mas barato que hace 12 meses?",
     ("yoy", "Aguacate Hass", mk(MED))),
    ("yoy", "variación anual de la mora de castilla en Manizales",
     ("yoy", "Mora de Castilla", c("Manizales"))),
    ("yoy", "la papa betina en Tunja cuesta más o menos que hace un año?",
     ("yoy", "Papa Betina", c("Tunja"))),
    ("yoy", "el huevo rojo AA en Bogota esta mas caro que hace un año o ya bajo?",
     ("yoy", "Huevo rojo AA", c("Bogotá"))),
    ("yoy", "¿El plátano hartón verde en Villavicencio ha subido con respecto a hace un año?",
     ("yoy", "Plátano hartón verde", c("Villavicencio"))),
    # ------------------------------------------------------------------ season
    ("season", "¿en qué mes baja la papa criolla en Corabastos?",
     ("season", "Papa criolla limpia", mk(COR), "cheap")),
    ("season", "cual es el mes mas caro para comprar habichuela en medellin",
     ("season", "Habichuela", c("Medellín"), "dear")),
    ("season", "sale mas barato el aguacate hass en diciembre en Corabastos? o en que mes es lo mas barato",
     ("season", "Aguacate Hass", mk(COR), "cheap")),
    ("season", "en que epoca del año se encarece la cebolla junca en Bucaramanga",
     ("season", "Cebolla junca", c("Bucaramanga"), "dear")),
    ("season", "mes mas economico para el lulo en cali",
     ("season", "Lulo", c("Cali"), "cheap")),
    ("season", "cuando suele estar mas cara la mora de castilla en Pereira, que mes?",
     ("season", "Mora de Castilla", c("Pereira"), "dear")),
    ("season", "¿En qué mes conviene comprar la naranja valencia en Corabastos, cuando es más barata?",
     ("season", "Naranja Valencia", mk(COR), "cheap")),
    ("season", "tengo un asadero en Montería, ¿en qué mes suele subir más el plátano hartón verde?",
     ("season", "Plátano hartón verde", c("Montería"), "dear")),
    ("season", "temporada en que la zanahoria esta mas barata en tunja",
     ("season", "Zanahoria", c("Tunja"), "cheap")),
    ("season", "en que mes se dispara el precio de la papa pastusa en Corabastos",
     ("season", "Papa parda pastusa", mk(COR), "dear")),
    ("season", "mes mas barato de la piña perolera en Barranquillita",
     ("season", "Piña perolera", mk(BQ), "cheap")),
    ("season", "cual es el mes mas caro del año pa la fresa en Pasto",
     ("season", "Fresa", c("Pasto"), "dear")),
    ("season", "¿en qué mes está más barato el pepino cohombro en Neiva?",
     ("season", "Pepino cohombro", c("Neiva"), "cheap")),
    # ------------------------------------------------------------------ season_position
    ("season_position", "¿la papa criolla está cara para la época en Corabastos?",
     ("position", "Papa criolla limpia", mk(COR))),
    ("season_position", "el tomate de arbol en Medellin esta caro para esta epoca del año?",
     ("position", "Tomate de árbol", c("Medellín"))),
    ("season_position", "¿Es normal el precio del limón tahití en Cali para esta época?",
     ("position", "Limón Tahití", c("Cali"))),
    ("season_position", "el tomate chonto en cucuta esta barato o caro pa la temporada",
     ("position", "Tomate chonto", c("Cúcuta"))),
    ("season_position", "para ser octubre, ¿está cara la zanahoria en Centroabastos?",
     ("position", "Zanahoria", mk(BGA))),
    ("season_position", "el aguacate papelillo en Pereira está por encima de lo normal para esta época?",
     ("position", "Aguacate papelillo", c("Pereira"))),
    ("season_position", "comparado con otros octubres, como esta la mora de castilla en Mercar? cara o barata",
     ("position", "Mora de Castilla", mk(ARM))),
    ("season_position", "está caro el plátano hartón verde en barranquilla para la temporada?",
     ("position", "Plátano hartón verde", c("Barranquilla"))),
    ("season_position", "la arveja verde en vaina en Ibagué: ¿precio alto o bajo para la época del año?",
     ("position", "Arveja verde en vaina", c("Ibagué"))),
    ("season_position", "habichuela en Neiva, ta cara pa la epoca?",
     ("position", "Habichuela", c("Neiva"))),
    # ------------------------------------------------------------------ rank
    ("rank", "¿Cuál es la fruta más cara en Surabastos?", ("rank", mk(NEI), FRU, "dear", 1)),
    ("rank", "las 3 verduras mas baratas en corabastos esta semana", ("rank", mk(COR), VER, "cheap", 3)),
    ("rank", "verdura mas cara en la mayorista de medellin", ("rank", mk(MED), VER, "dear", 1)),
    ("rank", "cual es el tuberculo mas barato en Pasto ahorita", ("rank", c("Pasto"), TUB, "cheap", 1)),
    ("rank", "top 5 frutas mas baratas en Mercar", ("rank", mk(ARM), FRU, "cheap", 5)),
    ("rank", "¿Qué es lo más caro que se vende en Mercasa por kilo?", ("rank", mk(PEI), None, "dear", 1)),
    ("rank", "el grano mas caro en Barranquillita esta semana", ("rank", mk(BQ), GRA, "dear", 1)),
    ("rank", "cual es la carne mas barata en la Central Mayorista de Antioquia", ("rank", mk(MED), CAR, "cheap", 1)),
    ("rank", "que fruta esta mas barata en Cartagena", ("rank", c("Cartagena"), FRU, "cheap", 1)),
    ("rank", "el pescado más caro en Corabastos", ("rank", mk(COR), PES, "dear", 1)),
    ("rank", "las dos verduras mas caras de Villavicencio", ("rank", c("Villavicencio"), VER, "dear", 2)),
    ("rank", "lo más barato de la plaza La 21 de Ibagué esta semana", ("rank", mk(IBG), None, "cheap", 1)),
    ("rank", "cuál fue la fruta más cara en Corabastos la semana del 4 de octubre de 2025",
     ("rank", mk(COR), FRU, "dear", 1, "2025-10-04")),
    ("rank", "ranking: 3 frutas más caras en Popayán", ("rank", c("Popayán"), FRU, "dear", 3)),
    # ------------------------------------------------------------------ movers
    ("movers", "¿qué subió más en Medellín esta semana?", ("movers", c("Medellín"), None, "up")),
    ("movers", "¿qué verduras bajaron más a nivel nacional en octubre frente a septiembre?",
     ("movers", None, VER, "down", M(2025, 9), M(2025, 10))),
    ("movers", "que fue lo que mas bajo en corabastos esta semana", ("movers", mk(COR), None, "down")),
    ("movers", "la fruta que más subió en Cali esta semana", ("movers", c("Cali"), FRU, "up")),
    ("movers", "qué producto se disparó más en Bucaramanga frente a la semana anterior",
     ("movers", c("Bucaramanga"), None, "up")),
    ("movers", "en todo el pais, que fruta subio mas en septiembre comparado con agosto",
     ("movers", None, FRU, "up", M(2025, 8), M(2025, 9))),
    ("movers", "¿cuál tubérculo bajó más en Pasto esta semana?", ("movers", c("Pasto"), TUB, "down")),
    ("movers", "a nivel nacional qué subió más esta semana", ("movers", None, None, "up")),
    ("movers", "lo que mas subio en Cenabastos en octubre vs septiembre",
     ("movers", mk(CUC), None, "up", M(2025, 9), M(2025, 10))),
    ("movers", "verduras que mas bajaron en Barranquillita esta semana", ("movers", mk(BQ), VER, "down")),
    ("movers", "qué grano subió más en el país en el tercer trimestre frente al segundo trimestre de 2025",
     ("movers", None, GRA, "up", Q_(2025, 2), Q_(2025, 3))),
    ("movers", "¿qué fruta bajó más en Neiva en octubre frente a septiembre?",
     ("movers", c("Neiva"), FRU, "down", M(2025, 9), M(2025, 10))),
    # ------------------------------------------------------------------ count
    ("count", "¿en cuántos mercados hay precio de papa criolla limpia?", ("cmk", "Papa criolla limpia", None)),
    ("count", "cuantos productos cotiza Mercasa", ("cpr", PEI)),
    ("count", "en cuantas plazas reportan el tomate de arbol esta semana", ("cmk", "Tomate de árbol", None)),
    ("count", "¿Cuántos productos tiene Corabastos en el último boletín?", ("cpr", COR)),
    ("count", "cuantos mercados tienen precio del aguacate hass", ("cmk", "Aguacate Hass", None)),
    ("count", "cuantos productos reporta el sipsa para Surabastos", ("cpr", NEI)),
    ("count", "en cuántos mercados mayoristas se cotiza el huevo rojo AA", ("cmk", "Huevo rojo AA", None)),
    ("count", "¿cuántos productos cotiza la Central Mayorista de Antioquia?", ("cpr", MED)),
    ("count", "numero de mercados con precio de lulo", ("cmk", "Lulo", None)),
    ("count", "cuantos productos tiene bazurto en la ultima semana", ("cpr", CTG)),
    ("count", "en cuántos mercados hubo precio de la mora de castilla en septiembre de 2025?",
     ("cmk", "Mora de Castilla", M(2025, 9))),
    ("count", "cuantos productos cotiza El Potrerillo de Pasto", ("cpr", PST)),
    # ------------------------------------------------------------------ trade_unit
    ("trade_unit", "cuánto vale la arroba de papa criolla en corabastos",
     ("trade", "Papa criolla limpia", mk(COR), "arroba", None)),
    ("trade_unit", "¿cuánto me cuesta el bulto de papa pastusa en Bucaramanga?",
     ("trade", "Papa parda pastusa", c("Bucaramanga"), "bulto", None)),
    ("trade_unit", "a como sale la libra de tomate chonto en Neiva",
     ("trade", "Tomate chonto", c("Neiva"), "libra", None)),
    ("trade_unit", "precio del bulto de zanahoria en Bogota", ("trade", "Zanahoria", c("Bogotá"), "bulto", None)),
    ("trade_unit", "cuanto cuestan 10 kilos de cebolla cabezona blanca en Cúcuta",
     ("trade", "Cebolla cabezona blanca", c("Cúcuta"), "kilos", 10)),
    ("trade_unit", "cuánto vale el bulto de arroz de primera en Villavicencio",
     ("trade", "Arroz de primera", c("Villavicencio"), "bulto", None)),
    ("trade_unit", "me regala el precio de la arroba de lulo en Cali porfa", ("trade", "Lulo", c("Cali"), "arroba", None)),
    ("trade_unit", "cuánto vale un bulto de tomate de árbol en Pereira?",
     ("trade", "Tomate de árbol", c("Pereira"), "bulto", None)),
    ("trade_unit", "a como la arroba de huevo rojo AA en Corabastos", ("trade", "Huevo rojo AA", mk(COR), "arroba", None)),
    ("trade_unit", "cuanto cuesta el kilo de aceite vegetal mezcla en Barranquilla",
     ("trade", "Aceite vegetal mezcla", c("Barranquilla"), "kilo", None)),
    ("trade_unit", "y una libra de habichuela en bucaramanga cuanto",
     ("trade", "Habichuela", c("Bucaramanga"), "libra", None)),
    ("trade_unit", "bulto de yuca llanera en villavicencio cuanto", ("trade", "Yuca llanera", c("Villavicencio"), "bulto", None)),
    ("trade_unit", "cuanto valen 25 kilos de frijol cargamanto rojo en medellin",
     ("trade", "Fríjol cargamanto rojo", c("Medellín"), "kilos", 25)),
    ("trade_unit", "cuánto sale la arroba de papa capira en Ipiales",
     ("trade", "Papa capira", c("Ipiales"), "arroba", None)),
    ("trade_unit", "Tengo una tienda en Sincelejo, ¿a cómo está el bulto de ñame espino en el Nuevo Mercado?",
     ("trade", "Ñame espino", mk(SIN), "bulto", None)),
    ("trade_unit", "precio del bulto de azucar refinada en Monteria", ("trade", "Azúcar refinada", c("Montería"), "bulto", None)),
    ("trade_unit", "cuanto vale el kilo de huevo blanco AA", ("trade", "Huevo blanco AA", None, "kilo", None)),
    # ------------------------------------------------------------------ cannot_answer
    ("cannot_answer", "¿cuál fue el precio más alto de la papa criolla en Corabastos en 2015?", ("none", "no_numbers")),
    ("cannot_answer", "cual va a ser el precio promedio del tomate chonto en Medellin en 2027", ("none", "no_numbers")),
    ("cannot_answer", "¿en qué mes baja la papa en Corabastos?", ("none", "clarify")),
    ("cannot_answer", "cuanto cuesta la arroba de papa criolla en el Éxito", ("none", "no_numbers")),
    ("cannot_answer", "promedio del precio al detal del aguacate hass en medellin este año", ("none", "no_numbers")),
    ("cannot_answer", "cuántas toneladas de papa se cosecharon en Boyacá en 2024", ("none", "no_numbers")),
    ("cannot_answer", "¿cuánta área sembrada de cebolla junca hay en Aquitania?", ("none", "no_numbers")),
    ("cannot_answer", "la mora de castilla en corabastos como que está rara ¿no?", ("none", "clarify")),
    ("cannot_answer", "precio más alto de la cebolla junca en Corabastos en la temporada esa", ("none", "clarify")),
    ("cannot_answer", "cual fue el precio minimo del lulo en Leticia en 2024", ("none", "clarify")),
    ("cannot_answer", "el promedio del tomate de arbol en 2016 en cali", ("none", "no_numbers")),
    ("cannot_answer", "¿qué tan buena fue la cosecha de café este año en el Huila?", ("none", "no_numbers")),
    ("cannot_answer", "cuanto costaba el bulto de papa pastusa en corabastos en 1998", ("none", "no_numbers")),
    ("cannot_answer", "precio promedio de la guayaba pera en la tienda de la esquina", ("none", "no_numbers")),
    ("cannot_answer", "cuál fue el precio máximo de la zanahoria en Corabastos en diciembre de 2026?", ("none", "no_numbers")),
    ("cannot_answer", "¿qué tal está la cebolla cabezona blanca en Corabastos comparada con... bueno, con lo de antes?",
     ("none", "clarify")),
    ("cannot_answer", "cual es el rendimiento por hectarea de la papa criolla en cundinamarca", ("none", "no_numbers")),
    ("cannot_answer", "mediana del precio del aguacate hass en el D1 este mes", ("none", "no_numbers")),
]


def compute(a: A, spec: tuple):
    kind = spec[0]
    if kind == "extreme":
        return st_extreme(a, spec[1], spec[2], spec[3], spec[4]), []
    if kind == "central":
        return st_central(a, spec[1], spec[2], spec[3], spec[4]), []
    if kind == "days":
        return st_change_days(a, *spec[1:]), []
    if kind == "periods":
        return st_change_periods(a, *spec[1:]), []
    if kind == "since":
        return st_since(a, *spec[1:]), []
    if kind == "yoy":
        return st_yoy(a, *spec[1:]), []
    if kind == "season":
        return st_season(a, *spec[1:]), []
    if kind == "position":
        return st_position(a, *spec[1:]), []
    if kind == "rank":
        return st_rank(a, *spec[1:]), []
    if kind == "movers":
        return st_movers(a, *spec[1:]), []
    if kind == "cmk":
        return st_count_markets(a, spec[1], spec[2]), []
    if kind == "cpr":
        return st_count_products(a, spec[1]), []
    if kind == "trade":
        p, where, unit, kg = spec[1:]
        if unit == "kilo":  # asked per kilo: only meaningful (and only asked) for unidad/litro products
            assert a.unit[p] != "kg", p
        return st_trade(a, p, where, unit, kg)
    raise ValueError(kind)


def main() -> None:
    a = A()
    print(f"unmapped rows in newest week: {len(a.unmapped_latest)}", file=sys.stderr)
    seen: set[str] = set()
    out, dropped = [], []
    for item in QUESTIONS:
        stat, q, spec = item[0], item[1], item[2]
        prev = list(item[3]) if len(item) > 3 else []
        key = fold(q)
        assert key not in seen, q
        seen.add(key)
        if spec[0] == "none":
            expect, values, forbid = spec[1], [], []
        else:
            try:
                values, forbid = compute(a, spec)
            except Drop as e:
                dropped.append((q, str(e)))
                continue
            expect = "answer"
        out.append({"id": f"b6a-{len(out) + 1:03d}", "q": q, "prev": prev, "family": "analytics",
                    "expect": expect, "values": values, "forbid": forbid, "tags": [SET, stat]})
    with open(OUT, "w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    for q, why in dropped:
        print(f"DROPPED: {q!r}: {why}", file=sys.stderr)
    print(f"wrote {len(out)} records to {OUT} ({len(dropped)} dropped)", file=sys.stderr)


if __name__ == "__main__":
    main()
