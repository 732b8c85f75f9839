"""Blind held-out ANALYTICAL question set for SIPSABot: tests/questions "blind8-analytics".

Written by a QA engineer who did NOT read the bot's router, handlers, models, data code, its tests, nor any
other question set (only tests/questions/LABELS.md, tools/label_questions.py for its `Data` class and MAIN
list, data/vocab/products.csv + markets.csv, and the raw SIPSA CSV).

    .venv/bin/python tools/labellers/label_blind8_analytics.py

TODAY is pinned to 2025-11-03 (Monday); the newest week of the table starts 2025-10-25.

Rules followed (LABELS.md) and interpretations:
- Every expected value is computed here with pandas from
  /work/shared/sipsa/series/semanal_precios_2017-2025.csv.gz via label_questions.Data (canonical names from
  data/vocab; rows with price <= 0 dropped). Nothing is typed in by hand; a spec whose value cannot be computed
  under the rules (or falls in a case LABELS.md leaves open) is DROPPED and listed on stdout.
- Places: a market named -> that market; a city named -> its MAIN market, and only used when that main market
  has the product in the period asked (never the "other market of the city" fallback). No place -> the first
  MAIN market that priced the product in its newest week, used only when that newest week is 2025-10-25.
- Series that have duplicate rows (Data.conflicted) are never used; rankings/movers/counts that touch a product
  with duplicate rows in the market/weeks involved are dropped.
- Anything measured against "now" (change from a date to now, year over year, "cara para la época", trade
  units, rankings, movers, counts) only uses series priced in the newest week 2025-10-25. No "la semana pasada".
- Periods: month/quarter/year = weeks whose semana_inicio falls in it; a month without a year = its most recent
  occurrence before TODAY; "este año" = 2025; "las últimas N semanas" = the N newest weeks of the whole table;
  "desde <fecha>" = from the week holding the date to the newest week; no period on a statistic = all history.
- max/min: value + date = most recent week with that value; `dates` = all tied weeks when there is a tie.
- Change between two days/weeks: only days whose own week has a price (the 4-weeks-back fallback is avoided);
  values: both `price` with `date` + `change_pct`. Between months/quarters/years: the two means (price, no date)
  + change_pct, always old = the chronologically earlier period whatever the order in the question.
- Year over year: newest week vs the week starting 364 days earlier (nearest priced week within ±14 days,
  earlier on a tie).
- Season: LABELS.md index (years with >= 6 months, months in >= 2 such years); dropped when the best and
  second-best month indexes are within 0.005 (too close to call). "¿Está cara para la época?": newest price vs
  the October monthly means of earlier years; dropped when fewer than 2 earlier years or when the price is
  within 0.5% of a bound.
- Rankings: products priced per kg (products.csv unit) in the market in 2025-10-25, ties by name; kept only when
  the top N is the same whether the group comes from products.csv or from the CSV's grupo column, and there is
  no tie at the cut (N-th vs N+1-th).
- Movers: % change of the product's price (market) or of its mean over the markets pricing it in both periods
  (national); kept only when the first product is the same with the group from products.csv or the CSV grupo,
  the same with all units or kg-only, the leader is clear by > 0.5 points, and none of the candidates has
  duplicate rows.
- Counts: markets pricing X in 2025-10-25 (canonical market names); products priced in a market in 2025-10-25.
- Trade units: libra 0.5, arroba 12.5, "N kilos" N, bulto 50 only for the LABELS.md bulto list; bulto of another
  food -> `price` + forbid trade_price; eggs/oils by weight -> own-unit `price` + forbid trade_price.
- About 10% no_numbers/clarify: retail, years before 2017 / after the data, production/area/harvest, foods
  SIPSA does not track, unreadable statistic or period, a place outside SIPSA, a bare family word.

First run (`sipsabot eval --tag blind8-analytics --verbose`, once, at commit 848b376, after the fixes from the
blind6-7 analytics sets, before any fix from this one): 86.1% exact (142/165), 6.7% confidently wrong (11/165).
Confident errors: a bare year after a town ("tunja 2021", read as the article «a» before it); months or quarters
set against each other with no word before them ("enero 2025 vs enero 2024", "primer trimestre vs segundo",
"tercer trimestre 2024 vs tercer trimestre 2025"); "mayorista antioquia" not read as a market; "cuánto ha
cambiado en un año" and "anual, sube o baja" not read as year over year; "por encima de lo usual pa octubre"
answered as October's mean; "el producto q más bajó" read as a ranking; a period in 2015-2016 answered with
the one week of 31/12/2016. Safe misses: a bare month, "enero-marzo", "la del 4 de octubre", "frente al del 2 de
enero", "por esta misma época", "vender"/"reportan" beside a product, "cuál subió más" with no noun, and
"frente a lo normal". No label was changed after the run.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import label_questions as L  # noqa: E402  (Data class, MAIN, fold, name tables)

HERE = Path(__file__).resolve().parent
OUT = Path(__file__).resolve().parents[2] / "tests" / "questions" / "blind" / "blind8-analytics.jsonl"
TAG = "blind8-analytics"
LATEST = "2025-10-25"
TODAY = dt.date(2025, 11, 3)

M = dict(L.MAIN)  # city -> main market
BOG, MED, CALI, BAQ, BUC, CUC = M["Bogotá"], M["Medellín"], M["Cali"], M["Barranquilla"], M["Bucaramanga"], M["Cúcuta"]
PEI, ARM, MZL, IBG, NEI, PSO = M["Pereira"], M["Armenia"], M["Manizales"], M["Ibagué"], M["Neiva"], M["Pasto"]
VVC, TUN, VUP, MTR, CTG, SIN = M["Villavicencio"], M["Tunja"], M["Valledupar"], M["Montería"], M["Cartagena"], M["Sincelejo"]
POP, IPI = M["Popayán"], M["Ipiales"]
BULTO_LIST = ("Papa", "Cebolla cabezona", "Zanahoria", "Yuca", "Arracacha", "Arroz", "Fríjol", "Maíz", "Lenteja",
              "Garbanzo", "Arveja seca", "Azúcar")
KG = {"libra": 0.5, "arroba": 12.5, "bulto": 50.0}


class Drop(Exception):
    pass


def load():
    d = L.Data(L.CSV)
    prods = L.name_table(L.ROOT / "data" / "vocab" / "products.csv")
    mkts = L.name_table(L.ROOT / "data" / "vocab" / "markets.csv")
    raw = pd.read_csv(L.CSV, usecols=["semana_inicio", "grupo", "producto", "mercado", "precio_medio_cop_kg"])
    raw = raw[(raw["semana_inicio"] >= "2025-08-01") & (raw["precio_medio_cop_kg"] > 0)].copy()
    raw["product"] = raw["producto"].map(lambda s: prods.get(L.fold(L.clean(s))))
    raw["market"] = raw["mercado"].map(lambda s: mkts.get(L.fold(L.clean(s))))
    raw = raw.dropna(subset=["product", "market"])
    # CSV grupo per (product, market, week); normalised to the first word, folded
    d.csvgroup = {(r.product, r.market, r.semana_inicio): L.fold(r.grupo).split()[0]
                  for r in raw.itertuples()}
    with open(L.ROOT / "data" / "vocab" / "products.csv", encoding="utf-8") as fh:
        d.vgroup = {r["name"]: (L.fold(r["group"]).split() or [""])[0] for r in csv.DictReader(fh)}
    with open(L.ROOT / "data" / "vocab" / "markets.csv", encoding="utf-8") as fh:
        d.kind = {r["name"]: r["kind"] for r in csv.DictReader(fh)}
    return d


D: L.Data = None  # set in main


# ----------------------------------------------------------------------------------------------- helpers
def V(kind, value, market=None, date=None, product=None, **extra):
    out = {"kind": kind, "value": round(float(value), 4), "market": market, "date": date}
    if product:
        out["product"] = product
    out.update(extra)
    return out


def pct(new, old):
    return round((new / old - 1) * 100, 1)


def series(p, m):
    if (p, m) in D.conflicted:
        raise Drop(f"duplicate rows {p} @ {m}")
    s = D.series(p, m)
    if s.empty:
        raise Drop(f"no series {p} @ {m}")
    return s


def win(p, m, start, end):
    s = series(p, m)
    w = s[(s["week"] >= start) & (s["week"] <= end)]
    if w.empty:
        raise Drop(f"no weeks {p} @ {m} {start}..{end}")
    return w


def now_price(p, m):
    s = series(p, m)
    last = s.iloc[-1]
    if str(last["week"]) != LATEST:
        raise Drop(f"{p} @ {m} not priced in {LATEST}")
    return float(last["price"])


def default_market(p):
    if D.product_week.get(p) != LATEST:
        raise Drop(f"{p} newest week is not {LATEST}")
    rows = D.df[(D.df["product"] == p) & (D.df["week"] == LATEST)]
    for _, m in L.MAIN:
        if m in set(rows["market"]):
            return m
    raise Drop(f"{p}: no MAIN market priced it")


def period(spec):
    """'2024' | '2024-03' | '2024Q2' | ('2024-01-01','2024-06-30') | 'all' | 'last8' | 'since:2025-07-01'"""
    if isinstance(spec, tuple):
        return spec
    if spec == "all":
        return "0000", "9999"
    if spec.startswith("last"):
        n = int(spec[4:])
        weeks = sorted(D.df["week"].unique())[-n:]
        return weeks[0], weeks[-1]
    if spec.startswith("since:"):
        day = spec[6:]
        start = week_holding(day)
        return start, "9999"
    if "Q" in spec:
        y, q = spec.split("Q")
        a = (int(q) - 1) * 3 + 1
        return f"{y}-{a:02d}-01", f"{y}-{a + 2:02d}-31"
    if len(spec) == 7:
        return f"{spec}-01", f"{spec}-31"
    return f"{spec}-01-01", f"{spec}-12-31"


def week_holding(day):
    rows = D.df[(D.df["week"] <= day) & (D.df["week_end"] >= day)]
    if rows.empty:
        raise Drop(f"no table week holds {day}")
    weeks = rows["week"].unique()
    if len(weeks) != 1:
        raise Drop(f"several weeks hold {day}: {weeks}")
    return str(weeks[0])


def day_price(p, m, day):
    s = series(p, m)
    hit = s[(s["week"] <= day) & (s["week_end"] >= day)]
    if len(hit) != 1:
        raise Drop(f"{p} @ {m}: no own-week price for {day}")
    return str(hit.iloc[0]["week"]), float(hit.iloc[0]["price"])


# ----------------------------------------------------------------------------------------------- statistics
def st_extreme(kind, p, m, per):
    if m is None:
        m = default_market(p)
    a, b = period(per)
    w = win(p, m, a, b)
    v = w["price"].max() if kind == "max" else w["price"].min()
    dates = sorted(str(x) for x in w.loc[w["price"] == v, "week"])
    out = V(kind, v, m, dates[-1])
    if len(dates) > 1:
        out["dates"] = dates
    return [out]


def st_central(kind, p, m, per):
    if m is None:
        m = default_market(p)
    a, b = period(per)
    w = win(p, m, a, b)
    if isinstance(per, str) and per.startswith("last") and len(w) != int(per[4:]):
        raise Drop(f"{p} @ {m}: gaps in the last weeks")
    v = w["price"].mean() if kind == "mean" else w["price"].median()
    return [V(kind, v, m)]


def st_change_days(p, m, d1, d2):
    w1, p1 = day_price(p, m, d1)
    w2, p2 = day_price(p, m, d2)
    (wo, po), (wn, pn) = sorted([(w1, p1), (w2, p2)])
    return [V("price", po, m, wo), V("price", pn, m, wn), V("change_pct", pct(pn, po), m)]


def st_change_periods(p, m, per1, per2):
    a1, b1 = period(per1)
    a2, b2 = period(per2)
    (a1, b1), (a2, b2) = sorted([(a1, b1), (a2, b2)])
    o = win(p, m, a1, b1)["price"].mean()
    n = win(p, m, a2, b2)["price"].mean()
    return [V("change_pct", pct(n, o), m), V("price", o, m), V("price", n, m)]


def st_since(p, m, day):
    if m is None:
        m = default_market(p)
    pn = now_price(p, m)
    w1, p1 = day_price(p, m, day)
    return [V("price", p1, m, w1), V("price", pn, m, LATEST), V("change_pct", pct(pn, p1), m)]


def st_yoy(p, m):
    if m is None:
        m = default_market(p)
    pn = now_price(p, m)
    s = series(p, m)
    target = dt.date.fromisoformat(LATEST) - dt.timedelta(days=364)
    exact = s[s["week"] == target.isoformat()]
    if not exact.empty:
        w, po = target.isoformat(), float(exact.iloc[0]["price"])
    else:
        cands = []
        for r in s.itertuples():
            gap = abs((dt.date.fromisoformat(r.week) - target).days)
            if gap <= 14:
                cands.append((gap, r.week, float(r.price)))
        if not cands:
            raise Drop(f"{p} @ {m}: no price a year ago")
        cands.sort(key=lambda c: (c[0], c[1]))
        _, w, po = cands[0]
    return [V("price", po, m, w), V("price", pn, m, LATEST), V("change_pct", pct(pn, po), m)]


def season_index(p, m):
    s = series(p, m).copy()
    s["y"] = s["week"].str[:4].astype(int)
    s["mo"] = s["week"].str[5:7].astype(int)
    monthly = s.groupby(["y", "mo"])["price"].mean()
    ratios = {}
    years = 0
    for y, g in monthly.groupby(level=0):
        if len(g) < 6:
            continue
        years += 1
        for (yy, mo), v in (g / g.mean()).items():
            ratios.setdefault(mo, []).append(v)
    idx = {mo: sum(r) / len(r) for mo, r in ratios.items() if len(r) >= 2}
    if len(idx) < 2:
        raise Drop(f"{p} @ {m}: not enough seasonal data")
    return idx, years


def st_season(which, p, m):
    if m is None:
        m = default_market(p)
    idx, years = season_index(p, m)
    order = sorted(idx.items(), key=lambda kv: kv[1], reverse=(which == "dear"))
    if abs(order[0][1] - order[1][1]) <= 0.005:
        raise Drop(f"{p} @ {m}: season too close ({order[:2]})")
    return [V("month", order[0][0], m), V("years", years, m)]


def st_position(p, m):
    if m is None:
        m = default_market(p)
    pn = now_price(p, m)
    s = series(p, m)
    mo = LATEST[5:7]
    past = s[(s["week"].str[5:7] == mo) & (s["week"].str[:4] < LATEST[:4])]
    means = past.groupby(past["week"].str[:4])["price"].mean()
    if len(means) < 2:
        raise Drop(f"{p} @ {m}: < 2 earlier Octobers")
    lo, hi = means.min(), means.max()
    for bound in (lo, hi):
        if abs(pn / bound - 1) < 0.005:
            raise Drop(f"{p} @ {m}: too close to a bound")
    pos = -1 if pn < lo else (1 if pn > hi else 0)
    return [V("price", pn, m, LATEST), V("position", pos, m)]


GROUPS = {"verduras": "verduras", "frutas": "frutas", "tuberculos": "tuberculos", "granos": "granos",
          "huevos": "huevos", "carnes": "carnes", "pescados": "pescados", "procesados": "productos"}


def in_group(p, m, week, g, source):
    if g is None:
        return True
    if source == "vocab":
        return D.vgroup.get(p, "") == GROUPS[g]
    cg = D.csvgroup.get((p, m, week))
    if cg is None:
        raise Drop(f"no CSV grupo for {p} @ {m} {week}")
    return cg == GROUPS[g]


def st_rank(m, g, order, n=1):
    rows = D.df[(D.df["market"] == m) & (D.df["week"] == LATEST)]
    if any((p, m) in D.conflicted for p in rows["product"]):
        raise Drop(f"rank {m}: market has a duplicated series")
    rows = rows[rows["product"].map(lambda p: D.units.get(p) == "kg")]
    tops = []
    for source in ("vocab", "csv"):
        r = rows[[in_group(p, m, LATEST, g, source) for p in rows["product"]]]
        r = r.sort_values(["price", "product"], ascending=[order == "asc", True],
                          key=lambda c: c.map(L.fold) if c.name == "product" else c)
        if len(r) <= n:
            raise Drop("rank: too few products")
        if r.iloc[n - 1]["price"] == r.iloc[n]["price"]:
            raise Drop(f"rank {m} {g}: tie at the cut")
        tops.append(list(zip(r["product"][:n], r["price"][:n])))
    if [t[0] for t in tops[0]] != [t[0] for t in tops[1]]:
        raise Drop(f"rank {m} {g}: groups disagree {tops}")
    return [V("price", pr, m, LATEST, product=p) for p, pr in tops[0]]


def mover_table(m, g, per_old, per_new, source, kg_only):
    def frame(a, b):
        f = D.df[(D.df["week"] >= a) & (D.df["week"] <= b)]
        return f if m is None else f[f["market"] == m]
    a1, b1 = per_old
    a2, b2 = per_new
    fo, fn = frame(a1, b1), frame(a2, b2)
    if m is None:  # national: per product and week mean over markets pricing it in both periods
        both = set(zip(fo["product"], fo["market"])) & set(zip(fn["product"], fn["market"]))
        fo = fo[[k in both for k in zip(fo["product"], fo["market"])]]
        fn = fn[[k in both for k in zip(fn["product"], fn["market"])]]
        o = fo.groupby(["product", "market"])["price"].mean().groupby(level=0).mean()
        n = fn.groupby(["product", "market"])["price"].mean().groupby(level=0).mean()
    else:
        o = fo.groupby("product")["price"].mean()
        n = fn.groupby("product")["price"].mean()
    common = sorted(set(o.index) & set(n.index))
    rows = []
    for p in common:
        if kg_only and D.units.get(p) != "kg":
            continue
        if g is not None:
            if source == "vocab":
                if D.vgroup.get(p, "") != GROUPS[g]:
                    continue
            else:
                mk = [m] if m is not None else sorted(set(fn.loc[fn["product"] == p, "market"]))
                cg = {D.csvgroup.get((p, x, b2 if b2 != "9999" else LATEST)) for x in mk}
                cg |= {D.csvgroup.get((p, x, w)) for x in mk for w in fn.loc[fn["product"] == p, "week"]}
                cg.discard(None)
                if cg != {GROUPS[g]}:
                    continue
        rows.append((p, (n[p] / o[p] - 1) * 100))
    return rows


def st_movers(m, g, direction, per_old=None, per_new=None):
    per_old = per_old or (D.previous, D.previous)
    per_new = per_new or (LATEST, LATEST)
    leaders = []
    for source in ("vocab", "csv"):
        for kg_only in (False, True):
            rows = mover_table(m, g, per_old, per_new, source, kg_only)
            rows.sort(key=lambda r: r[1], reverse=(direction == "up"))
            if len(rows) < 2:
                raise Drop("movers: too few")
            if abs(rows[0][1] - rows[1][1]) <= 0.5:
                raise Drop(f"movers: leader not clear {rows[:2]}")
            leaders.append(rows[0])
    if len({lead[0] for lead in leaders}) != 1:
        raise Drop(f"movers: leaders disagree {leaders}")
    p, ch = leaders[0]
    bad = [k for k in D.conflicted if k[0] == p and (m is None or k[1] == m)]
    if bad:
        raise Drop(f"movers: leader {p} has duplicated rows")
    return [V("change_pct", round(ch, 1), m, product=p)]


def st_count_markets(p):
    if any(k[0] == p for k in D.conflicted):
        raise Drop(f"count: {p} has duplicated rows somewhere")
    rows = D.df[(D.df["product"] == p) & (D.df["week"] == LATEST)]
    if rows.empty:
        raise Drop(f"count: {p} not priced now")
    if any(D.kind.get(x) != "market" for x in rows["market"]):
        raise Drop("count: a non-market name")
    return [V("count", rows["market"].nunique(), None, LATEST)]


def st_count_products(m):
    if any(k[1] == m for k in D.conflicted):
        raise Drop(f"count: {m} has duplicated rows")
    rows = D.df[(D.df["market"] == m) & (D.df["week"] == LATEST)]
    return [V("count", rows["product"].nunique(), m, LATEST)]


def st_trade(p, m, unit, kilos=None):
    if m is None:
        m = default_market(p)
    pr = now_price(p, m)
    u = D.units.get(p)
    if u != "kg":
        return [V("price", pr, m, LATEST)], ["trade_price"]
    if unit == "bulto" and not p.startswith(BULTO_LIST):
        return [V("price", pr, m, LATEST)], ["trade_price"]
    kg = kilos if unit == "kilos" else KG[unit]
    extra = {"unit": unit}
    if unit == "kilos":
        extra["kg"] = kilos
    return [V("price", pr, m, LATEST), V("trade_price", pr * kg, m, LATEST, **extra)], []


# ----------------------------------------------------------------------------------------------- the questions
# (question, statistic tag, callable computing values) ; expect no_numbers/clarify use ("NN"/"CL", None)
def Q():
    x = []

    def a(q, tag, fn, *args, prev=None):
        x.append((q, tag, fn, args, prev or []))

    # ---------------- max / min
    a("oiga cual fue el precio mas alto de la papa criolla limpia en corabastos en el 2024 y q semana fue", "max",
      st_extreme, "max", "Papa criolla limpia", BOG, "2024")
    a("tomate chonto en cenabastos, lo mas barato q estuvo en 2023?", "min",
      st_extreme, "min", "Tomate chonto", CUC, "2023")
    a("Buenas tardes, soy comerciante de cebolla en Centroabastos. ¿Cuál ha sido el precio máximo histórico de la "
      "cebolla cabezona blanca allá?", "max", st_extreme, "max", "Cebolla cabezona blanca", BUC, "all")
    a("precio minimo del aguacate papelillo en mercasa en el primer trimestre de 2025", "min",
      st_extreme, "min", "Aguacate papelillo", PEI, "2025Q1")
    a("limon tahiti en cavasa marzo 2025 cual fue el pico", "max", st_extreme, "max", "Limón Tahití", CALI, "2025-03")
    a("la mora de castilla en mercar armenia, cual fue la semana mas barata del 2022??", "min",
      st_extreme, "min", "Mora de Castilla", ARM, "2022")
    a("Para mi restaurante en Barranquilla necesito saber el valor más alto que alcanzó el lomo fino de res en "
      "Barranquillita durante 2024", "max", st_extreme, "max", "Carne de res, lomo fino", BAQ, "2024")
    a("lulo en surabastos, el precio mas bajo entre enero y junio de 2025", "min",
      st_extreme, "min", "Lulo", NEI, ("2025-01-01", "2025-06-30"))
    a("platano harton verde villavicencio, el precio mas alto q se ha visto en la central", "max",
      st_extreme, "max", "Plátano hartón verde", VVC, "all")
    a("Arroz de primera en Popayán: mínimo semanal de 2023", "min", st_extreme, "min", "Arroz de primera", POP, "2023")
    a("cuanto fue lo mas caro de la papa capira en manizales en el ultimo trimestre del 2024", "max",
      st_extreme, "max", "Papa capira", MZL, "2024Q4")
    a("cual es el precio mas bajo q ha tenido el frijol verde cargamanto en tunja", "min",
      st_extreme, "min", "Fríjol verde cargamanto", TUN, "all")
    a("maracuya en villavicencio, este año cual ha sido el tope", "max", st_extreme, "max", "Maracuyá", VVC, "2025")
    a("la guayaba pera en cartagena cual fue su piso en 2024", "min", st_extreme, "min", "Guayaba pera", CTG, "2024")
    a("pechuga de pollo en cenabastos, diciembre del 2024, cual fue el precio semanal mas alto", "max",
      st_extreme, "max", "Pechuga de pollo", CUC, "2024-12")
    a("cilantro en el potrerillo segundo trimestre 2025 el mas bajo cuanto fue", "min",
      st_extreme, "min", "Cilantro", PSO, "2025Q2")
    a("zanahoria en corabastos, maximo entre junio y diciembre de 2021", "max",
      st_extreme, "max", "Zanahoria", BOG, ("2021-06-01", "2021-12-31"))
    a("el minimo del banano criollo en popayan año 2023", "min", st_extreme, "min", "Banano criollo", POP, "2023")
    a("queso costeño en bazurto, cual fue la semana mas cara de 2024", "max",
      st_extreme, "max", "Queso costeño", CTG, "2024")
    a("habichuela en cali en 2018 cual fue el minimo", "min", st_extreme, "min", "Habichuela", CALI, "2018")
    a("arracacha amarilla corabastos año 2018 tope maximo x favor", "max",
      st_extreme, "max", "Arracacha amarilla", BOG, "2018")
    a("mango tommy en barranquillita, lo mas barato de toda la historia q tengan", "min",
      st_extreme, "min", "Mango Tommy", BAQ, "all")
    a("tomate de arbol mercasa cuanto fue lo mas caro en agosto", "max",
      st_extreme, "max", "Tomate de árbol", PEI, "2025-08")
    a("pimenton en centroabastos de marzo a mayo del 2022, el precio mas bajo?", "min",
      st_extreme, "min", "Pimentón", BUC, ("2022-03-01", "2022-05-31"))
    a("cual fue el maximo del huevo rojo AA en corabastos el año pasado", "max",
      st_extreme, "max", "Huevo rojo AA", BOG, "2024")
    a("lechuga batavia tunja 2021 precio minimo y en q semana", "min", st_extreme, "min", "Lechuga Batavia", TUN, "2021")
    a("Soy estudiante de economía agraria y hago un trabajo sobre volatilidad: ¿cuál fue el precio más alto de la "
      "papa parda pastusa en Corabastos en todo el 2022?", "max", st_extreme, "max", "Papa parda pastusa", BOG, "2022")
    a("piña gold en la 21 de ibague el mas barato del tercer trimestre 2025", "min",
      st_extreme, "min", "Piña gold", IBG, "2025Q3")

    # ---------------- mean / median
    a("promedio de la papa parda pastusa en corabastos durante 2024", "mean",
      st_central, "mean", "Papa parda pastusa", BOG, "2024")
    a("mediana del tomate chonto en abastos tercer trimestre 2025", "median",
      st_central, "median", "Tomate chonto", BOG, "2025Q3")
    a("cuanto estuvo en promedio la cebolla junca en la central mayorista de antioquia en 2023", "mean",
      st_central, "mean", "Cebolla junca", MED, "2023")
    a("Hola! trabajo en compras de un hotel en Neiva, me das la mediana del lomo de cerdo sin hueso en Surabastos el "
      "año pasado?", "median", st_central, "median", "Carne de cerdo, lomo sin hueso", NEI, "2024")
    a("precio promedio mora de castilla bucaramanga septiembre", "mean",
      st_central, "mean", "Mora de Castilla", BUC, "2025-09")
    a("limon comun valledupar promedio del 2022", "mean", st_central, "mean", "Limón común", VUP, "2022")
    a("dame la mediana de la piña gold en mercasa en lo q va de este año", "median",
      st_central, "median", "Piña gold", PEI, "2025")
    a("papa unica tunja, precio medio enero-marzo 2025", "mean", st_central, "mean", "Papa única", TUN, "2025Q1")
    a("cual ha sido el promedio del arroz de primera en corabastos las ultimas 8 semanas", "mean",
      st_central, "mean", "Arroz de primera", BOG, "last8")
    a("mediana de las ultimas 12 semanas del aguacate papelillo en la mayorista", "median",
      st_central, "median", "Aguacate papelillo", MED, "last12")
    a("frijol cargamanto rojo medellin promedio 2024", "mean", st_central, "mean", "Fríjol cargamanto rojo", MED, "2024")
    a("mediana huevo rojo A centroabastos 2023", "median", st_central, "median", "Huevo rojo A", BUC, "2023")
    a("Buenas, en cenabastos cuanto ha promediado la panela cuadrada morena este año?", "mean",
      st_central, "mean", "Panela cuadrada morena", CUC, "2025")
    a("guanabana cenabastos mediana de toda la serie", "median", st_central, "median", "Guanábana", CUC, "all")
    a("el pepino cohombro en ibague desde el 1 de julio cuanto ha promediado", "mean",
      st_central, "mean", "Pepino cohombro", IBG, "since:2025-07-01")
    a("tilapia roja entera fresca en villavo, precio promedio 2024", "mean",
      st_central, "mean", "Tilapia roja entera fresca", VVC, "2024")
    a("la mediana del lulo en manizales en el 2022 cual fue", "median", st_central, "median", "Lulo", MZL, "2022")
    a("papaya maradol mercar promedio de enero a abril 2025", "mean",
      st_central, "mean", "Papaya Maradol", ARM, ("2025-01-01", "2025-04-30"))
    a("cuanto promedio la zanahoria en octubre", "mean", st_central, "mean", "Zanahoria", None, "2025-10")

    # ---------------- change
    a("cuanto cambio la papa criolla limpia en corabastos entre el 3 de marzo de 2025 y el 3 de septiembre de 2025",
      "change", st_change_days, "Papa criolla limpia", BOG, "2025-03-03", "2025-09-03")
    a("tomate chonto en cavasa: semana del 5 de abril de 2025 vs la del 4 de octubre de 2025, cuanto vario en %",
      "change", st_change_days, "Tomate chonto", CALI, "2025-04-05", "2025-10-04")
    a("Cebolla cabezona blanca en Corabastos, del 10 de febrero de 2024 al 10 de febrero de 2025 ¿cuánto subió o "
      "bajó?", "change", st_change_days, "Cebolla cabezona blanca", BOG, "2024-02-10", "2025-02-10")
    a("aguacate hass mayorista antioquia variacion entre el 20 de junio y el 20 de agosto de 2025", "change",
      st_change_days, "Aguacate Hass", MED, "2025-06-20", "2025-08-20")
    a("mora de castilla en medellin, octubre frente a septiembre cuanto cambio", "change",
      st_change_periods, "Mora de Castilla", MED, "2025-10", "2025-09")
    a("papa capira en pasto enero 2025 vs enero 2024 en porcentaje", "change",
      st_change_periods, "Papa capira", PSO, "2025-01", "2024-01")
    a("limon tahiti bucaramanga cuanto vario de junio a julio de 2025", "change",
      st_change_periods, "Limón Tahití", BUC, "2025-06", "2025-07")
    a("platano harton verde en la mayorista, primer trimestre vs segundo trimestre de 2025", "change",
      st_change_periods, "Plátano hartón verde", MED, "2025Q1", "2025Q2")
    a("arroz de primera bazurto, el primer trimestre 2024 contra el primer trimestre 2025, subio?", "change",
      st_change_periods, "Arroz de primera", CTG, "2024Q1", "2025Q1")
    a("Soy periodista y preparo una nota sobre la carne: ¿cuánto cambió la bola de pierna de res en el Nuevo Mercado "
      "de Sincelejo de 2023 a 2024?", "change", st_change_periods, "Carne de res, bola de pierna", SIN, "2023", "2024")
    a("zanahoria en tunja, el 2024 comparado con el 2022 q tanto cambio", "change",
      st_change_periods, "Zanahoria", TUN, "2024", "2022")
    a("huevo rojo AA en monteria variacion 2022 a 2023", "change",
      st_change_periods, "Huevo rojo AA", MTR, "2022", "2023")
    a("maracuya centroabastos 2017 vs 2018 cuanto cambio el promedio anual", "change",
      st_change_periods, "Maracuyá", BUC, "2017", "2018")
    a("papa criolla limpia en la mayorista, cuanto ha variado desde el 1 de marzo de este año", "change",
      st_since, "Papa criolla limpia", MED, "2025-03-01")
    a("tomate de arbol corabastos hoy comparado con el 15 de junio", "change",
      st_since, "Tomate de árbol", BOG, "2025-06-15")
    a("pepino cohombro centroabastos desde el 1 de agosto de 2025 cuanto ha subido", "change",
      st_since, "Pepino cohombro", BUC, "2025-08-01")
    a("el banano criollo en cucuta como ha cambiado desde el 20 de mayo", "change",
      st_since, "Banano criollo", CUC, "2025-05-20")
    a("costilla de cerdo en la mayorista de medellin: precio de ahora frente al del 2 de enero de 2025", "change",
      st_since, "Carne de cerdo, costilla", MED, "2025-01-02")
    a("cilantro abastos respecto al 1 de septiembre como va", "change", st_since, "Cilantro", BOG, "2025-09-01")
    a("lechuga batavia en pasto, variacion desde el 12 de julio de 2025 hasta hoy", "change",
      st_since, "Lechuga Batavia", PSO, "2025-07-12")
    a("habichuela en neiva tercer trimestre 2024 vs tercer trimestre 2025", "change",
      st_change_periods, "Habichuela", NEI, "2025Q3", "2024Q3")

    # ---------------- year over year
    a("la papa criolla limpia en cali esta mas cara que hace un año?", "yoy", st_yoy, "Papa criolla limpia", CALI)
    a("tomate chonto mercabastos valledupar vs hace 1 año como esta", "yoy", st_yoy, "Tomate chonto", VUP)
    a("Buen día, soy cebollero en Medellín. ¿La cebolla cabezona blanca está más barata o más cara que el año "
      "pasado por esta misma época?", "yoy", st_yoy, "Cebolla cabezona blanca", MED)
    a("arroz de primera barranquilla comparado con hace un año", "yoy", st_yoy, "Arroz de primera", BAQ)
    a("huevo rojo A en corabastos cuanto subio en el ultimo año", "yoy", st_yoy, "Huevo rojo A", BOG)
    a("mango tommy monteria variacion anual", "yoy", st_yoy, "Mango Tommy", MTR)
    a("cadera de res en la 21 de ibague esta mas cara q el año pasado a estas alturas?", "yoy",
      st_yoy, "Carne de res, cadera", IBG)
    a("lenteja importada cenabastos, precio hoy vs hace doce meses", "yoy", st_yoy, "Lenteja importada", CUC)
    a("pechuga de pollo en mercar armenia cuanto ha cambiado en un año", "yoy", st_yoy, "Pechuga de pollo", ARM)
    a("la guayaba pera esta mas cara q hace un año?", "yoy", st_yoy, "Guayaba pera", None)
    a("pimenton en neiva, anual, sube o baja", "yoy", st_yoy, "Pimentón", NEI)

    # ---------------- season
    a("en que mes es mas barato el tomate chonto en corabastos", "season", st_season, "cheap", "Tomate chonto", BOG)
    a("cual es el mes mas caro pa la papa criolla limpia en bogota", "season",
      st_season, "dear", "Papa criolla limpia", BOG)
    a("Soy mayorista de fruta en Medellín, ¿en qué mes suele bajar más el mango tommy en la Mayorista?", "season",
      st_season, "cheap", "Mango Tommy", MED)
    a("en q mes se dispara el aguacate papelillo en corabastos", "season", st_season, "dear", "Aguacate papelillo", BOG)
    a("limon tahiti en cavasa, mes mas caro del año normalmente", "season", st_season, "dear", "Limón Tahití", CALI)
    a("en que epoca del año baja la cebolla cabezona blanca en bucaramanga (que mes)", "season",
      st_season, "cheap", "Cebolla cabezona blanca", BUC)
    a("mes mas barato de la mora de castilla en pereira", "season", st_season, "cheap", "Mora de Castilla", PEI)
    a("naranja valencia corabastos, cual es el mes en q mas barata se consigue", "season",
      st_season, "cheap", "Naranja Valencia", BOG)
    a("el lulo en neiva en que mes se pone mas caro", "season", st_season, "dear", "Lulo", NEI)
    a("fresa en bogota estacionalidad, cual mes es el mas barato", "season", st_season, "cheap", "Fresa", BOG)
    a("en que mes sube mas la arveja verde en vaina en tunja", "season",
      st_season, "dear", "Arveja verde en vaina", TUN)

    # ---------------- season position
    a("la papa criolla limpia en medellin esta cara para la epoca?", "season_position",
      st_position, "Papa criolla limpia", MED)
    a("tomate de arbol en abastos esta caro pa ser octubre o normal?", "season_position",
      st_position, "Tomate de árbol", BOG)
    a("Soy agricultor en Santander y voy a vender habichuela en Centroabastos: ¿el precio de ahora es alto o bajo "
      "para esta época del año?", "season_position", st_position, "Habichuela", BUC)
    a("cebolla junca en mercar, comparado con otros octubres esta barata?", "season_position",
      st_position, "Cebolla junca", ARM)
    a("platano harton verde en villavicencio ta caro pa la temporada?", "season_position",
      st_position, "Plátano hartón verde", VVC)
    a("la guanabana en popayan como esta frente a lo normal en esta epoca", "season_position",
      st_position, "Guanábana", POP)
    a("arveja verde en vaina en ibague, esta cara para la fecha?", "season_position",
      st_position, "Arveja verde en vaina", IBG)
    a("el limon comun en bucaramanga esta por encima de lo usual pa octubre?", "season_position",
      st_position, "Limón común", BUC)

    # ---------------- rankings
    a("cual es la fruta mas cara en surabastos esta semana", "rank", st_rank, NEI, "frutas", "desc")
    a("la verdura mas barata de corabastos hoy?", "rank", st_rank, BOG, "verduras", "asc")
    a("top 3 productos mas caros en corabastos ahorita", "rank", st_rank, BOG, None, "desc", 3)
    a("que tuberculo o platano esta mas barato en la mayorista de medellin", "rank",
      st_rank, MED, "tuberculos", "asc")
    a("Tengo un asadero en Barranquilla, ¿cuál es la carne más cara en Barranquillita esta semana?", "rank",
      st_rank, BAQ, "carnes", "desc")
    a("el grano mas economico en centroabastos esta semana cual es", "rank", st_rank, BUC, "granos", "asc")
    a("pescado mas caro en bazurto hoy", "rank", st_rank, CTG, "pescados", "desc")
    a("los 3 productos mas baratos de cenabastos", "rank", st_rank, CUC, None, "asc", 3)
    a("fruta mas barata en tunja esta semana", "rank", st_rank, TUN, "frutas", "asc")
    a("cual es la hortaliza mas cara en cavasa", "rank", st_rank, CALI, "verduras", "desc")
    a("en la mayorista cual es el lacteo mas caro por kilo", "rank", st_rank, MED, "huevos", "desc")
    a("procesado mas barato x kilo en la plaza la 21 de ibague", "rank", st_rank, IBG, "procesados", "asc")
    a("las 2 verduras mas caras en el potrerillo esta semana", "rank", st_rank, PSO, "verduras", "desc", 2)
    a("producto mas caro de toda la plaza del barrio bolivar en popayan", "rank", st_rank, POP, None, "desc")

    # ---------------- movers
    a("que fue lo que mas subio en medellin esta semana", "movers", st_movers, MED, None, "up")
    a("en barranquillita que bajo mas esta semana?", "movers", st_movers, BAQ, None, "down")
    a("las verduras que mas bajaron en corabastos en octubre frente a septiembre", "movers",
      st_movers, BOG, "verduras", "down", period("2025-09"), period("2025-10"))
    a("a nivel nacional cual producto subio mas esta semana", "movers", st_movers, None, None, "up")
    a("que fruta bajo mas en todo el pais esta semana", "movers", st_movers, None, "frutas", "down")
    a("frutas que mas subieron en centroabastos esta semana", "movers", st_movers, BUC, "frutas", "up")
    a("tuberculos en la mayorista de medellin, cual subio mas en septiembre frente a agosto", "movers",
      st_movers, MED, "tuberculos", "up", period("2025-08"), period("2025-09"))
    a("Soy funcionario de una secretaría de agricultura: ¿qué verdura subió más en el país esta semana?",
      "movers", st_movers, None, "verduras", "up")
    a("en cavasa cual fue el producto q mas bajo esta semana", "movers", st_movers, CALI, None, "down")
    a("en mercasa que bajo mas en octubre comparado con septiembre", "movers",
      st_movers, PEI, None, "down", period("2025-09"), period("2025-10"))
    a("cual pescado bajo mas a nivel nacional esta semana", "movers", st_movers, None, "pescados", "down")

    # ---------------- counts
    a("oiga y la papa criolla limpia en cuantos mercados la estan cotizando hoy", "count", st_count_markets, "Papa criolla limpia")
    a("cuantas centrales reportan tomate de arbol esta semana", "count", st_count_markets, "Tomate de árbol")
    a("en cuantas plazas de SIPSA se cotiza el aguacate hass?", "count", st_count_markets, "Aguacate Hass")
    a("cuantos productos cotiza el complejo de servicios del sur de tunja", "count", st_count_products, TUN)
    a("cuantos productos tienen precio en corabastos esta semana", "count", st_count_products, BOG)
    a("el arroz de primera en cuantos mercados mayoristas tiene precio", "count", st_count_markets, "Arroz de primera")
    a("surabastos cuantos productos reporta", "count", st_count_products, NEI)
    a("cuantos mercados reportan bagre rayado entero fresco", "count", st_count_markets, "Bagre rayado entero fresco")
    a("para una tesis: ¿en cuántos mercados hay dato del huevo rojo AA en la última semana?", "count",
      st_count_markets, "Huevo rojo AA")
    a("bazurto cuantos productos tiene con precio", "count", st_count_products, CTG)
    a("numero de mercados q cotizan la lenteja importada", "count", st_count_markets, "Lenteja importada")

    # ---------------- trade units
    a("a como esta el bulto de papa parda pastusa en corabastos", "trade_unit",
      st_trade, "Papa parda pastusa", BOG, "bulto")
    a("cuanto sale la arroba de tomate chonto en sincelejo", "trade_unit", st_trade, "Tomate chonto", SIN, "arroba")
    a("libra de lomo fino de res en bazurto cuanto", "trade_unit", st_trade, "Carne de res, lomo fino", CTG, "libra")
    a("bulto de cebolla cabezona blanca en centroabastos precio", "trade_unit",
      st_trade, "Cebolla cabezona blanca", BUC, "bulto")
    a("cuanto vale un bulto de yuca criolla en monteria", "trade_unit", st_trade, "Yuca criolla", MTR, "bulto")
    a("si compro 10 kilos de aguacate papelillo en la mayorista cuanto me sale", "trade_unit",
      st_trade, "Aguacate papelillo", MED, "kilos", 10)
    a("el bulto de zanahoria en abastos a como", "trade_unit", st_trade, "Zanahoria", BOG, "bulto")
    a("cuanto cuesta el bulto de naranja valencia en corabastos", "trade_unit",
      st_trade, "Naranja Valencia", BOG, "bulto")
    a("queso costeño por libra en barranquillita", "trade_unit", st_trade, "Queso costeño", BAQ, "libra")
    a("a como el kilo de huevo rojo AA en corabastos", "trade_unit", st_trade, "Huevo rojo AA", BOG, "arroba")
    a("libra de aceite vegetal mezcla en cenabastos cuanto vale", "trade_unit",
      st_trade, "Aceite vegetal mezcla", CUC, "libra")
    a("bulto de arroz de primera en villavicencio cuanto", "trade_unit", st_trade, "Arroz de primera", VVC, "bulto")
    a("arroba de panela cuadrada morena en cucuta", "trade_unit", st_trade, "Panela cuadrada morena", CUC, "arroba")
    a("precio del bulto de mango tommy en barranquilla", "trade_unit", st_trade, "Mango Tommy", BAQ, "bulto")
    a("cuanto me cuestan 25 kilos de frijol cargamanto rojo en medellin", "trade_unit",
      st_trade, "Fríjol cargamanto rojo", MED, "kilos", 25)
    a("arroba de huevo rojo A en bucaramanga", "trade_unit", st_trade, "Huevo rojo A", BUC, "arroba")

    # ---------------- cannot answer
    nn = lambda q: a(q, "cannot_answer", None, "no_numbers")  # noqa: E731
    cl = lambda q: a(q, "cannot_answer", None, "clarify")  # noqa: E731
    nn("cuanto vale la papa criolla en el D1 de mi barrio, y cual fue lo mas caro este año alla?")
    nn("precio maximo del tomate chonto en corabastos en 2015")
    nn("cual va a ser el promedio de la papa criolla limpia en corabastos en 2026")
    nn("cuantas hectareas de aguacate hass se sembraron en el tolima este año")
    nn("cuantas toneladas de mango se cosecharon en el tolima en 2024 y en que mes es la cosecha")
    nn("en la tienda de la esquina la libra de carne subio un monton vs el año pasado, cuanto fue al detal?")
    nn("como vario el precio del arroz de primera entre 2015 y 2016 en bogota")
    nn("cual fue el precio mas alto de la quinua en corabastos en 2024")
    nn("cuanto rinde por hectarea la papa parda pastusa en boyaca, produccion anual?")
    cl("papa criolla limpia en corabastos, dame el cuanto del 2024 ese")
    cl("cual fue el precio mas alto de la cebolla cabezona blanca en centroabastos en la temporada de los tiempos")
    cl("precio promedio del tomate chonto en Miami este año")
    cl("el promedio de la papa en corabastos en 2024")
    cl("mora de castilla en mercasa, la cosa esa estadistica, la q mide el riesgo, cual es?")
    cl("cuanto subio el aguacate hass en el mercado de Quito frente a hace un año")
    return x


def main() -> None:
    global D
    D = load()
    records, dropped = [], []
    for i, (q, tag, fn, args, prev) in enumerate(Q(), 1):
        rid = f"b8a-{len(records) + 1:03d}"
        rec = {"id": rid, "q": q, "prev": prev, "family": "analytics", "expect": "answer", "values": [],
               "forbid": [], "tags": [TAG, tag]}
        if fn is None:
            rec["expect"] = args[0]
        else:
            try:
                res = fn(*args)
            except Drop as e:
                dropped.append((q, str(e)))
                continue
            if isinstance(res, tuple):
                rec["values"], rec["forbid"] = res
            else:
                rec["values"] = res
        records.append(rec)
    folded = [L.fold(r["q"]) for r in records]
    assert len(set(folded)) == len(folded), "duplicate question inside this set"
    with open(OUT, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} records to {OUT}")
    for q, why in dropped:
        print("DROPPED:", q, "->", why)


if __name__ == "__main__":
    main()
