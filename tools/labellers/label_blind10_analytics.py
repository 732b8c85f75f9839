"""Blind held-out ANALYTICS question set #10 for SIPSABot (tag "blind10-analytics", ids b10a-NNN).

Written by a QA engineer who did NOT read the router, the bot's models/handlers/data code, its tests, its
labellers or any other question set. Only read: tests/questions/LABELS.md (the spec), tools/label_questions.py
(its `Data` class and the MAIN city -> market list are reused), data/vocab/products.csv / markets.csv and the
raw table ../shared/sipsa/series/semanal_precios_2017-2025.csv.gz.

    .venv/bin/python tools/labellers/label_blind10_analytics.py

Pinned TODAY = 2025-11-03 (Monday); newest week of the table = 2025-10-25.

Rules followed (LABELS.md) and interpretations where it is silent (silent cases are AVOIDED, not guessed):
- Every expected value is computed here with pandas from the raw CSV through `Data` (canonical names; rows with
  price <= 0 dropped; product x market series that have duplicate rows in a week are dropped by `Data` and any
  question touching such a series -- or, for counts/rankings/movers, such a market or product -- is skipped).
- Place: a market named -> that market; a city -> its MAIN market, and the question is kept only when that main
  market has the product in the period asked; no place -> first MAIN market pricing the product in its newest
  week.
- Anything measured against "now" (since, yoy, season position, trade units, "ahora") is kept only if the series
  is priced in the newest week 2025-10-25. No "la semana pasada" questions.
- max/min: `date` = most recent week with the extreme, `dates` = all exactly tied weeks; a question is dropped when
  another week is within 0.5 COP of the extreme without being equal (ambiguous under the ±0.5 tolerance).
- Two weeks/days: week holding each day (semana_inicio <= day <= semana_fin); fallback closest earlier priced week
  at most 28 days back. Two months/quarters/years: means of weekly prices with semana_inicio in them. The change is
  always later over earlier, whatever order the user wrote them.
- "desde <fecha>": the series must be priced in the very week holding the date (no fallback assumed).
- YoY: newest week vs week starting 364 days earlier, else nearest priced within ±14 days (earlier on a tie).
- Season: monthly means per year, divided by that year's mean of monthly means (years with >= 6 months), index =
  mean ratio (months in >= 2 such years); kept only when the best month beats the runner-up by >= 0.01.
  `years` = number of qualifying years.
- "¿Está cara para la época?": newest price vs October monthly means of years < 2025 (kept with >= 2 such years and
  the price at least 0.5 COP away from the range's edges).
- Rankings: products priced per kg (unit kg in products.csv) in that market in the week; kept only when the first k
  items are identical whether the group comes from products.csv or from the CSV's `grupo` column, with no tie at
  the cut (k-th vs k+1-th).
- Movers: % change per product; kept only when the top product is the same with the group from products.csv or
  the CSV, and with or without non-kg products, with no tie with the second. National = change of the mean price
  over the markets that priced the product in both weeks. Period movers only within one market.
- Counts: markets / products priced in the newest week; kept only when the raw CSV (distinct folded spellings)
  gives the same count as the canonical table.
- Trade units: libra 0.5, arroba 12.5, N kilos N, bulto 50 only for the listed products; other bultos and eggs/oils
  -> own-unit `price` and forbid trade_price.

First run (`sipsabot eval --tag blind10-analytics --verbose`, once, at commit 4b2fcdd, after every earlier round
of fixes and before any fix from this one): 91.4% exact (128/140), 2.9% confidently wrong (4/140). Confident
errors: "valor mediano" (read as a plain period price), "12 abril 2025 frente a 12 julio 2025" (a day read as
its month), "del 2024 al 2025 … cuánto porciento" (the mean of both years given), "hace un año … comparado con
ahora" (read as a comparison of markets). Safe misses: "2º trimestre", "la semana del … vs semana del …", the
egg grade "huevo rojo A", "el segundo trimestre frente al primero", "en esta misma época del año pasado", "frente
al mismo mes del anterior", "una oyente del Huila" ("huila" is also in a potato's name) and "bulto … puesto en".
No label was changed after the run.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import unicodedata
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from label_questions import CSV, MAIN, Data, clean, fold, name_table, ROOT  # noqa: E402

OUT = Path(__file__).resolve().parents[2] / "tests" / "questions" / "blind" / "blind10-analytics.jsonl"
TAG = "blind10-analytics"
NEWEST = "2025-10-25"
PREV = "2025-10-18"
BULTO_OK = ("Papa", "Cebolla cabezona", "Zanahoria", "Yuca", "Arracacha", "Arroz", "Fríjol", "Maíz", "Lenteja",
            "Garbanzo", "Arveja seca", "Azúcar")
KG = {"libra": 0.5, "arroba": 12.5, "bulto": 50.0}


class Skip(Exception):
    pass


d = Data(CSV)
MAINS = dict(MAIN)
PGROUP = {}
import csv as _csv  # noqa: E402
with open(ROOT / "data" / "vocab" / "products.csv", encoding="utf-8") as fh:
    for r in _csv.DictReader(fh):
        PGROUP[r["name"]] = r["group"]
UNIT = d.units
CONFLICT_P = {p for p, _ in d.conflicted}
CONFLICT_M = {m for _, m in d.conflicted}

# raw CSV rows of recent weeks with their own `grupo` (for the group cross-check and raw counts)
_raw = pd.read_csv(CSV, usecols=["semana_inicio", "grupo", "producto", "mercado", "precio_medio_cop_kg"])
_raw = _raw[(_raw["semana_inicio"] >= "2025-01-01") & (_raw["precio_medio_cop_kg"] > 0)]
_pn = name_table(ROOT / "data" / "vocab" / "products.csv")
_mn = name_table(ROOT / "data" / "vocab" / "markets.csv")
_raw["product"] = _raw["producto"].map(lambda s: _pn.get(fold(clean(s))))
_raw["market"] = _raw["mercado"].map(lambda s: _mn.get(fold(clean(s))))
RAW = _raw
CSVGROUP = (_raw.dropna(subset=["product", "market"])
            .groupby(["product", "market", "semana_inicio"])["grupo"].first().to_dict())
WEEKS = d.df[["week", "week_end"]].drop_duplicates().sort_values("week").reset_index(drop=True)


def r4(x):
    return round(float(x), 4)


def V(kind, value, market=None, date=None, product=None, **extra):
    out = {"kind": kind, "value": r4(value) if kind not in ("month", "years", "position", "count") else int(value),
           "market": market, "date": date}
    if product:
        out["product"] = product
    out.update(extra)
    return out


def pct(new, old):
    return round((new / old - 1) * 100, 1)


def series(p, m):
    if (p, m) in d.conflicted:
        raise Skip(f"duplicate rows {p} {m}")
    s = d.series(p, m)
    if s.empty:
        raise Skip(f"no series {p} {m}")
    return s


def place(p, where, start="2017-01-01", end=NEWEST):
    """where: 'm:<market>' | 'c:<city>' | None."""
    if where is None:
        m = d.default_market(p)
        if m is None:
            raise Skip("no default market")
    elif where.startswith("m:"):
        m = where[2:]
    else:
        m = MAINS[where[2:]]
    s = series(p, m)
    if s[(s.week >= start) & (s.week <= end)].empty:
        raise Skip(f"{m} lacks {p} in period")
    return m


def need_now(p, m):
    s = series(p, m)
    if str(s.iloc[-1]["week"]) != NEWEST:
        raise Skip(f"{p} {m} not priced in newest week")
    return float(s.iloc[-1]["price"])


def week_holding(day):
    hit = WEEKS[(WEEKS.week <= day) & (WEEKS.week_end >= day)]
    if hit.empty:
        raise Skip(f"no week holds {day}")
    return str(hit.iloc[-1]["week"])


def price_on(p, m, day, fallback=True):
    w = week_holding(day)
    s = series(p, m)
    hit = s[s.week == w]
    if not hit.empty:
        return w, float(hit.iloc[0]["price"])
    if not fallback:
        raise Skip("no price in the week holding the date")
    lo = str(dt.date.fromisoformat(w) - dt.timedelta(days=28))
    back = s[(s.week < w) & (s.week >= lo)]
    if back.empty:
        raise Skip("no price within 4 weeks back")
    return str(back.iloc[-1]["week"]), float(back.iloc[-1]["price"])


# ---------------------------------------------------------------- statistics
def st_extreme(p, where, start, end, kind):
    m = place(p, where, start, end)
    w = d.window(p, m, start, end)
    ext = w["price"].max() if kind == "max" else w["price"].min()
    tied = w[w["price"] == ext]
    near = w[(abs(w["price"] - ext) <= 0.5) & (w["price"] != ext)]
    if not near.empty:
        raise Skip("near tie")
    v = V(kind, ext, m, str(tied.iloc[-1]["week"]))
    if len(tied) > 1:
        v["dates"] = [str(x) for x in tied["week"]]
    return [v]


def st_avg(p, where, start, end, kind):
    m = place(p, where, start, end)
    w = d.window(p, m, start, end)
    return [V(kind, w["price"].mean() if kind == "mean" else w["price"].median(), m)]


def st_two_days(p, where, day1, day2):
    m = place(p, where, min(day1, day2), max(day1, day2))
    a, b = sorted([day1, day2])
    wa, pa = price_on(p, m, a)
    wb, pb = price_on(p, m, b)
    if wa == wb:
        raise Skip("same week")
    return [V("price", pa, m, wa), V("price", pb, m, wb), V("change_pct", pct(pb, pa), m)]


def st_two_periods(p, where, per1, per2):
    (s1, e1), (s2, e2) = sorted([per1, per2])
    m = place(p, where, s1, e1)
    place(p, "m:" + m, s2, e2)
    m1 = d.period_mean(p, m, s1, e1)
    m2 = d.period_mean(p, m, s2, e2)
    return [V("change_pct", pct(m2, m1), m), V("price", m1, m), V("price", m2, m)]


def st_since(p, where, day):
    m = place(p, where)
    now = need_now(p, m)
    w, old = price_on(p, m, day, fallback=False)
    return [V("price", old, m, w), V("price", now, m, NEWEST), V("change_pct", pct(now, old), m)]


def st_yoy(p, where):
    m = place(p, where)
    now = need_now(p, m)
    s = series(p, m)
    target = dt.date.fromisoformat(NEWEST) - dt.timedelta(days=364)
    s = s.assign(dd=s.week.map(lambda w: abs((dt.date.fromisoformat(w) - target).days)))
    c = s[s.dd <= 14].sort_values(["dd", "week"])
    if c.empty:
        raise Skip("no yoy week")
    w, old = str(c.iloc[0]["week"]), float(c.iloc[0]["price"])
    return [V("price", old, m, w), V("price", now, m, NEWEST), V("change_pct", pct(now, old), m)]


def season_index(p, m):
    s = series(p, m).copy()
    s["y"] = s.week.str[:4].astype(int)
    s["mo"] = s.week.str[5:7].astype(int)
    mm = s.groupby(["y", "mo"])["price"].mean().reset_index()
    cnt = mm.groupby("y").size()
    years = cnt[cnt >= 6].index
    mm = mm[mm.y.isin(years)].copy()
    mm["ratio"] = mm["price"] / mm.groupby("y")["price"].transform("mean")
    g = mm.groupby("mo")["ratio"].agg(["mean", "count"])
    g = g[g["count"] >= 2]["mean"]
    return g, len(years)


def st_season(p, where, which):
    m = place(p, where)
    need_now(p, m)
    idx, years = season_index(p, m)
    if len(idx) < 12 and len(idx) < 6:
        raise Skip("too few months")
    o = idx.sort_values(ascending=(which == "cheap"))
    if abs(o.iloc[0] - o.iloc[1]) < 0.01:
        raise Skip("season gap < 0.01")
    return [V("month", int(o.index[0]), m), V("years", years, m)]


def st_position(p, where):
    m = place(p, where)
    now = need_now(p, m)
    s = series(p, m)
    octs = s[(s.week.str[5:7] == "10") & (s.week < "2025-01-01")].copy()
    octs["y"] = octs.week.str[:4]
    means = octs.groupby("y")["price"].mean()
    if len(means) < 2:
        raise Skip("few earlier Octobers")
    lo, hi = means.min(), means.max()
    if min(abs(now - lo), abs(now - hi)) <= 0.5:
        raise Skip("edge")
    pos = -1 if now < lo else (1 if now > hi else 0)
    return [V("price", now, m, NEWEST), V("position", pos, m)]


def week_table(m, week):
    rows = d.df[(d.df.market == m) & (d.df.week == week)].copy()
    if m in CONFLICT_M:
        raise Skip("market with duplicate rows")
    rows["g1"] = rows["product"].map(PGROUP)
    rows["g2"] = [CSVGROUP.get((p, m, week)) for p in rows["product"]]
    rows["unit"] = rows["product"].map(UNIT)
    return rows


def st_rank(where, group, k, order, week=NEWEST):
    m = where[2:] if where.startswith("m:") else MAINS[where[2:]]
    rows = week_table(m, week)
    rows = rows[rows.unit == "kg"]
    tops = []
    for gcol in ("g1", "g2"):
        r = rows if group is None else rows[rows[gcol] == group]
        r = r.sort_values(["price", "product"], ascending=[order == "asc", True]).reset_index(drop=True)
        if len(r) <= k:
            raise Skip("too few")
        if abs(r.loc[k - 1, "price"] - r.loc[k, "price"]) <= 0.5:
            raise Skip("tie at cut")
        tops.append(r.head(k))
    if list(tops[0]["product"]) != list(tops[1]["product"]):
        raise Skip("group sources disagree")
    return [V("price", x["price"], m, week, x["product"]) for _, x in tops[0].iterrows()]


def _chg_table(m, group, w1, w2, allunits):
    a = week_table(m, w1)
    b = week_table(m, w2)
    j = a.merge(b, on="product", suffixes=("_o", "_n"))
    if not allunits:
        j = j[j.unit_n == "kg"]
    j["chg"] = (j.price_n / j.price_o - 1) * 100
    return j


def st_movers_market(where, group, direction, w1=PREV, w2=NEWEST):
    m = where[2:] if where.startswith("m:") else MAINS[where[2:]]
    tops = []
    for allunits in (True, False):
        for gcol in ("g1_n", "g2_n"):
            j = _chg_table(m, group, w1, w2, allunits)
            if group:
                j = j[j[gcol] == group]
            j = j.sort_values("chg", ascending=(direction == "down")).reset_index(drop=True)
            if len(j) < 2 or abs(j.loc[0, "chg"] - j.loc[1, "chg"]) < 0.3:
                raise Skip("movers tie")
            tops.append((j.loc[0, "product"], j.loc[0, "chg"]))
    if len({t[0] for t in tops}) != 1:
        raise Skip("movers disagree")
    return [V("change_pct", round(tops[0][1], 1), m, product=tops[0][0])]


def st_movers_period(where, group, direction, per_old, per_new):
    m = where[2:] if where.startswith("m:") else MAINS[where[2:]]
    if m in CONFLICT_M:
        raise Skip("market with duplicates")
    tops = []
    for allunits in (True, False):
        for gsrc in (1, 2):
            rows = d.df[d.df.market == m]
            def pm(s, e):
                r = rows[(rows.week >= s) & (rows.week <= e)]
                return r.groupby("product")["price"].mean()
            a, b = pm(*per_old), pm(*per_new)
            j = pd.DataFrame({"o": a, "n": b}).dropna()
            if not allunits:
                j = j[[UNIT.get(p) == "kg" for p in j.index]]
            if group:
                if gsrc == 1:
                    keep = [PGROUP.get(p) == group for p in j.index]
                else:
                    sub = RAW[(RAW.market == m) & (RAW.semana_inicio >= per_old[0]) & (RAW.semana_inicio <= per_new[1])]
                    gg = sub.groupby("product")["grupo"].agg(lambda x: set(x))
                    keep = [gg.get(p, set()) == {group} for p in j.index]
                j = j[keep]
            j["chg"] = (j.n / j.o - 1) * 100
            j = j.sort_values("chg", ascending=(direction == "down"))
            if len(j) < 2 or abs(j.chg.iloc[0] - j.chg.iloc[1]) < 0.3:
                raise Skip("tie")
            tops.append((j.index[0], j.chg.iloc[0]))
    if len({t[0] for t in tops}) != 1:
        raise Skip("disagree")
    return [V("change_pct", round(tops[0][1], 1), m, product=tops[0][0])]


def st_movers_national(group, direction, w1=PREV, w2=NEWEST):
    tops = []
    a = d.df[d.df.week == w1]
    b = d.df[d.df.week == w2]
    j = a.merge(b, on=["product", "market"], suffixes=("_o", "_n"))
    j = j[~j["product"].isin(CONFLICT_P)]
    g = j.groupby("product").agg(o=("price_o", "mean"), n=("price_n", "mean"))
    g["chg"] = (g.n / g.o - 1) * 100
    for allunits in (True, False):
        for gsrc in (1, 2):
            x = g if allunits else g[[UNIT.get(p) == "kg" for p in g.index]]
            if group:
                if gsrc == 1:
                    x = x[[PGROUP.get(p) == group for p in x.index]]
                else:
                    sub = RAW[RAW.semana_inicio.isin([w1, w2])]
                    gg = sub.groupby("product")["grupo"].agg(lambda s: set(s))
                    x = x[[gg.get(p, set()) == {group} for p in x.index]]
            x = x.sort_values("chg", ascending=(direction == "down"))
            if len(x) < 2 or abs(x.chg.iloc[0] - x.chg.iloc[1]) < 0.3:
                raise Skip("tie")
            tops.append((x.index[0], x.chg.iloc[0]))
    if len({t[0] for t in tops}) != 1:
        raise Skip("disagree")
    return [V("change_pct", round(tops[0][1], 1), None, product=tops[0][0])]


def st_count_markets(p, start=NEWEST, end=NEWEST):
    if p in CONFLICT_P:
        raise Skip("dup product")
    r = d.df[(d.df["product"] == p) & (d.df.week >= start) & (d.df.week <= end)]
    n = r.market.nunique()
    if start >= "2025-01-01":
        raw = RAW[(RAW["product"] == p) & (RAW.semana_inicio >= start) & (RAW.semana_inicio <= end)]
        if raw.mercado.map(lambda s: fold(clean(s))).nunique() != n or raw.market.isna().any():
            raise Skip("raw count differs")
    if n == 0:
        raise Skip("zero")
    return [V("count", n, None, None if start != end else start)]


def st_count_products(where):
    m = where[2:] if where.startswith("m:") else MAINS[where[2:]]
    if m in CONFLICT_M:
        raise Skip("dup market")
    n = d.df[(d.df.market == m) & (d.df.week == NEWEST)]["product"].nunique()
    raw = RAW[(RAW.market == m) & (RAW.semana_inicio == NEWEST)]
    if raw.producto.map(lambda s: fold(clean(s))).nunique() != n or raw["product"].isna().any():
        raise Skip("raw count differs")
    return [V("count", n, m, NEWEST)]


def st_trade(p, where, unit, n=None):
    m = place(p, where)
    now = need_now(p, m)
    u = UNIT[p]
    out = [V("price", now, m, NEWEST)]
    if u != "kg":
        return out, ["trade_price"]
    if unit == "bulto" and not p.startswith(BULTO_OK):
        return out, ["trade_price"]
    kg = n if unit == "kilos" else KG[unit]
    tv = V("trade_price", now * kg, m, NEWEST, unit=unit)
    if unit == "kilos":
        tv["kilos"] = n
    return out + [tv], []


# ---------------------------------------------------------------- questions
Y = lambda y: (f"{y}-01-01", f"{y}-12-31")  # noqa: E731
M = lambda y, mo: (f"{y}-{mo:02d}-01", f"{y}-{mo:02d}-31")  # noqa: E731
QT = lambda y, q: (f"{y}-{3 * q - 2:02d}-01", f"{y}-{3 * q:02d}-31")  # noqa: E731
ALL = ("2016-01-01", NEWEST)
CORA = "m:Bogotá, D.C., Corabastos"
MED = "m:Medellín, Central Mayorista de Antioquia"

Q = []  # (q, stat, fn, args, prev)


def add(q, stat, fn, *args, prev=None):
    Q.append((q, stat, fn, args, prev))


# --- max / min
add("Buen día, soy la cocinera del restaurante escolar. ¿Cuál fue el precio más alto de la papa criolla en Corabastos durante 2024 y en qué semana?", "max", st_extreme, "Papa criolla limpia", CORA, *Y(2024), "max")
add("cuando estuvo mas barata la cebolla cabezona blanca en bogota este año", "min", st_extreme, "Cebolla cabezona blanca", "c:Bogotá", *Y(2025), "min")
add("pico mas alto del bagre rayado entero fresco en barranquillita en todo el historial", "max", st_extreme, "Bagre rayado entero fresco", "m:Barranquilla, Barranquillita", *ALL, "max")
add("parce cual fue el minimo del lulo en mercasa en julio 2025", "min", st_extreme, "Lulo", "m:Pereira, Mercasa", *M(2025, 7), "min")
add("Estimados, solicitamos el valor máximo registrado de la zanahoria en Centroabastos en el segundo trimestre de 2023.", "max", st_extreme, "Zanahoria", "c:Bucaramanga", *QT(2023, 2), "max")
add("el tomate de arbol en mercar, cual fue su precio mas bajo entre marzo y agosto de 2024", "min", st_extreme, "Tomate de árbol", "m:Armenia, Mercar", "2024-03-01", "2024-08-31", "min")
add("chamo y la harina precocida de maiz en cucuta cuando estuvo mas cara en 2025", "max", st_extreme, "Harina precocida de maíz", "c:Cúcuta", *Y(2025), "max")
add("un oyente de Neiva pregunta: ¿cuál ha sido el precio más bajo de la granadilla en Surabastos?", "min", st_extreme, "Granadilla", "m:Neiva, Surabastos", *ALL, "min")
add("la tilapia roja entera fresca en Villavicencio, tope maximo en 2022?", "max", st_extreme, "Tilapia roja entera fresca", "c:Villavicencio", *Y(2022), "max")
add("precio minimo de la mora de castilla en manizales en el tercer trimestre de 2024", "min", st_extreme, "Mora de Castilla", "c:Manizales", *QT(2024, 3), "min")
add("Cuál fue el récord de precio del aguacate hass en la mayorista de Medellín?", "max", st_extreme, "Aguacate Hass", MED, *ALL, "max")
add("en que semana de septiembre 2025 estuvo mas barato el platano harton verde en ibague", "min", st_extreme, "Plátano hartón verde", "c:Ibagué", *M(2025, 9), "min")
add("mayor precio del queso costeño en Montería en el 2023", "max", st_extreme, "Queso costeño", "c:Montería", *Y(2023), "max")
add("cachama de cultivo fresca valor mas bajo en lo que va de 2025 en villavo", "min", st_extreme, "Cachama de cultivo fresca", "c:Villavicencio", *Y(2025), "min")
add("cuál fue lo más caro que llegó a estar el limón tahití en Cavasa en 2024", "max", st_extreme, "Limón Tahití", "m:Cali, Cavasa", *Y(2024), "max")
add("Pasto El Potrerillo: papa parda pastusa, ¿mínimo histórico y fecha?", "min", st_extreme, "Papa parda pastusa", "m:Pasto, El Potrerillo", *ALL, "min")
add("el arroz de primera en sincelejo cuando tuvo su pico entre enero y junio 2025", "max", st_extreme, "Arroz de primera", "c:Sincelejo", "2025-01-01", "2025-06-30", "max")
add("pimenton en bazurto el precio mas bajo de agosto 2025 cual fue", "min", st_extreme, "Pimentón", "m:Cartagena, Bazurto", *M(2025, 8), "min")
add("mango tommy barranquilla semana mas cara del 2024", "max", st_extreme, "Mango Tommy", "c:Barranquilla", *Y(2024), "max")
add("Oiga y la carne de res bola de pierna en Popayán cuál fue el mínimo en 2021?", "min", st_extreme, "Carne de res, bola de pierna", "c:Popayán", *Y(2021), "min")
add("maximo de la naranja valencia en tunja primer trimestre 2025", "max", st_extreme, "Naranja Valencia", "c:Tunja", *QT(2025, 1), "max")
add("la habichuela en cenabastos el valor minimo de 2019 (lo q haya)", "min", st_extreme, "Habichuela", "m:Cúcuta, Cenabastos", *Y(2019), "min")

# --- mean / median
add("promedio del tomate chonto en corabastos en 2024", "mean", st_avg, "Tomate chonto", CORA, *Y(2024), "mean")
add("Necesito la mediana del precio de la cachama de cultivo fresca en Neiva durante 2025", "median", st_avg, "Cachama de cultivo fresca", "c:Neiva", *Y(2025), "median")
add("cuanto promedió la mora de castilla en pereira en agosto 2025", "mean", st_avg, "Mora de Castilla", "c:Pereira", *M(2025, 8), "mean")
add("mediana de la panela cuadrada morena en Bucaramanga el primer trimestre del 2024", "median", st_avg, "Panela cuadrada morena", "c:Bucaramanga", *QT(2024, 1), "median")
add("precio medio semanal del huevo rojo AA en medellin en 2023", "mean", st_avg, "Huevo rojo AA", "c:Medellín", *Y(2023), "mean")
add("en promedio a como estuvo la arveja verde en vaina en paloquemao entre mayo y julio de 2025", "mean", st_avg, "Arveja verde en vaina", "m:Bogotá, D.C., Paloquemao", "2025-05-01", "2025-07-31", "mean")
add("valor mediano del bocachico importado congelado en barranquillita en 2024", "median", st_avg, "Bocachico importado congelado", "m:Barranquilla, Barranquillita", *Y(2024), "median")
add("Para la licitación del PAE: promedio del arroz de primera en Montería durante el 2º trimestre de 2025", "mean", st_avg, "Arroz de primera", "c:Montería", *QT(2025, 2), "mean")
add("q mediana tuvo el banano criollo en armenia en sept 2025", "median", st_avg, "Banano criollo", "c:Armenia", *M(2025, 9), "median")
add("promedio historico de la lenteja importada en cali cavasa", "mean", st_avg, "Lenteja importada", "m:Cali, Cavasa", *ALL, "mean")
add("cuanto fue el precio promedio de la pechuga de pollo en Cartagena en 2022", "mean", st_avg, "Pechuga de pollo", "c:Cartagena", *Y(2022), "mean")
add("mediana de la lechuga batavia en tunja en todo 2018", "median", st_avg, "Lechuga Batavia", "c:Tunja", *Y(2018), "median")
add("oye y el promedio de la guayaba pera en ibague en junio 2025?", "mean", st_avg, "Guayaba pera", "c:Ibagué", *M(2025, 6), "mean")
add("precio promedio del queso campesino en valledupar en 2025", "mean", st_avg, "Queso campesino", "c:Valledupar", *Y(2025), "mean")
add("la mediana del cilantro en la plaza la 21 en el cuarto trimestre de 2024", "median", st_avg, "Cilantro", "c:Ibagué", *QT(2024, 4), "median")
add("cual fue el promedio del pollo entero congelado sin visceras en cucuta entre enero y abril de 2025", "mean", st_avg, "Pollo entero congelado sin vísceras", "c:Cúcuta", "2025-01-01", "2025-04-30", "mean")

# --- change between two weeks / days
add("cuanto cambio la papa criolla en corabastos entre el 15 de marzo y el 15 de septiembre de 2025", "change", st_two_days, "Papa criolla limpia", CORA, "2025-03-15", "2025-09-15")
add("variacion % del tomate de arbol en pereira del 1 de junio 2024 al 1 de junio 2025", "change", st_two_days, "Tomate de árbol", "c:Pereira", "2024-06-01", "2025-06-01")
add("compare el precio de la cebolla junca en corabastos el 10 de octubre de 2025 contra el 10 de agosto de 2025", "change", st_two_days, "Cebolla junca", CORA, "2025-10-10", "2025-08-10")
add("la tilapia roja entera fresca en neiva: semana del 5 de julio 2025 vs semana del 4 de enero 2025, cuanto % subio o bajo", "change", st_two_days, "Tilapia roja entera fresca", "c:Neiva", "2025-07-05", "2025-01-04")
add("cuanto subio o bajo la yuca ICA en monteria del 20 de febrero al 20 de mayo de 2025", "change", st_two_days, "Yuca ICA", "c:Montería", "2025-02-20", "2025-05-20")
add("Buenas tardes, quisiera saber la diferencia porcentual del precio del limón común en Barranquillita entre el 3 de marzo de 2022 y el 3 de marzo de 2023.", "change", st_two_days, "Limón común", "m:Barranquilla, Barranquillita", "2022-03-03", "2023-03-03")
add("aguacate papelillo en sincelejo, 12 abril 2025 frente a 12 julio 2025?", "change", st_two_days, "Aguacate papelillo", "c:Sincelejo", "2025-04-12", "2025-07-12")
add("cuanto vario el maracuya en cavasa entre el 2 de enero y el 2 de octubre de 2025", "change", st_two_days, "Maracuyá", "m:Cali, Cavasa", "2025-01-02", "2025-10-02")

# --- change between months / quarters / years
add("cuanto subio la papa parda pastusa en bogota en 2025 frente a 2024", "change", st_two_periods, "Papa parda pastusa", "c:Bogotá", Y(2025), Y(2024))
add("el lulo en manizales: septiembre 2025 contra agosto 2025, que tanto cambio", "change", st_two_periods, "Lulo", "c:Manizales", M(2025, 9), M(2025, 8))
add("de 2023 a 2024 en cuanto cambio el promedio del huevo rojo A en Bucaramanga?", "change", st_two_periods, "Huevo rojo A", "c:Bucaramanga", Y(2023), Y(2024))
add("variación entre el primer y el tercer trimestre de 2025 del fríjol cargamanto rojo en la Mayorista de Medellín", "change", st_two_periods, "Fríjol cargamanto rojo", MED, QT(2025, 1), QT(2025, 3))
add("mango tommy en cucuta julio 2025 vs julio 2024", "change", st_two_periods, "Mango Tommy", "c:Cúcuta", M(2025, 7), M(2024, 7))
add("radio la voz: un oyente quiere saber cuanto cambio el precio promedio de la carne de res sobrebarriga en Villavicencio de 2022 a 2025", "change", st_two_periods, "Carne de res, sobrebarriga", "c:Villavicencio", Y(2022), Y(2025))
add("como estuvo la piña gold en armenia en el segundo trimestre frente al primero del 2025, en %", "change", st_two_periods, "Piña gold", "c:Armenia", QT(2025, 2), QT(2025, 1))
add("la sal yodada en pasto subio del 2024 al 2025? cuanto porciento", "change", st_two_periods, "Sal yodada", "c:Pasto", Y(2024), Y(2025))
add("bagre rayado entero fresco en neiva, cambio % de marzo 2025 a septiembre 2025", "change", st_two_periods, "Bagre rayado entero fresco", "c:Neiva", M(2025, 3), M(2025, 9))
add("y el repollo blanco en tunja, junio 2025 comparado con junio 2023", "change", st_two_periods, "Repollo blanco", "c:Tunja", M(2025, 6), M(2023, 6))

# --- since a date to now
add("desde el 1 de enero de 2025 cuanto ha subido la papa criolla en medellin", "change", st_since, "Papa criolla limpia", "c:Medellín", "2025-01-01")
add("el aguacate hass en corabastos cuanto ha variado desde el 15 de junio de 2025 hasta hoy", "change", st_since, "Aguacate Hass", CORA, "2025-06-15")
add("granadilla en mercasa, frente al 1 de marzo 2025 como va ahora", "change", st_since, "Granadilla", "m:Pereira, Mercasa", "2025-03-01")
add("Señores SIPSA: ¿qué variación presenta el precio del arroz de primera en Cenabastos desde el 2 de agosto de 2025 a la fecha?", "change", st_since, "Arroz de primera", "m:Cúcuta, Cenabastos", "2025-08-02")
add("la tilapia roja entera congelada desde el 5 de abril 2025 en barranquilla ha bajado o subido?", "change", st_since, "Tilapia roja entera congelada", "c:Barranquilla", "2025-04-05")
add("cuánto ha cambiado el tomate chonto en Bogotá desde el 20 de septiembre de 2025", "change", st_since, "Tomate chonto", "c:Bogotá", "2025-09-20")
add("pimenton en la 21 de ibague desde el 10 de mayo del 2025 pa aca", "change", st_since, "Pimentón", "c:Ibagué", "2025-05-10")

# --- year over year
add("la mora de castilla en armenia esta mas cara que hace un año?", "yoy", st_yoy, "Mora de Castilla", "c:Armenia")
add("hace un año como estaba la papa criolla en corabastos comparado con ahora", "yoy", st_yoy, "Papa criolla limpia", CORA)
add("variacion anual del queso costeño en barranquillita", "yoy", st_yoy, "Queso costeño", "m:Barranquilla, Barranquillita")
add("el platano harton verde en villavo, frente al año pasado esta mas barato o mas caro?", "yoy", st_yoy, "Plátano hartón verde", "c:Villavicencio")
add("¿Cuánto ha subido en un año la cebolla cabezona blanca en Centroabastos?", "yoy", st_yoy, "Cebolla cabezona blanca", "m:Bucaramanga, Centroabastos")
add("tomate de arbol en manizales, comparacion interanual por favor", "yoy", st_yoy, "Tomate de árbol", "c:Manizales")
add("el lulo en pereira vale mas o menos que en esta misma epoca del año pasado", "yoy", st_yoy, "Lulo", "c:Pereira")
add("nuestra cooperativa vende bocachico: el bocachico importado congelado en Montería cómo está frente a hace 12 meses", "yoy", st_yoy, "Bocachico importado congelado", "c:Montería")
add("huevo rojo aa en cali comparado con hace un año", "yoy", st_yoy, "Huevo rojo AA", "c:Cali")
add("la harina precocida de maiz en bucaramanga, subio este año frente al mismo mes del anterior?", "yoy", st_yoy, "Harina precocida de maíz", "c:Bucaramanga")

# --- season
add("en que mes suele estar mas barato el tomate de arbol en corabastos", "season", st_season, "Tomate de árbol", CORA, "cheap")
add("soy productor de mora en el quindio, cual es el mes en que mejor pagan la mora de castilla en armenia?", "season", st_season, "Mora de Castilla", "c:Armenia", "dear")
add("mes mas caro del año para el limon tahiti en medellin", "season", st_season, "Limón Tahití", "c:Medellín", "dear")
add("para planear el menu escolar: en que mes baja la zanahoria en bogota", "season", st_season, "Zanahoria", "c:Bogotá", "cheap")
add("cuando sube normalmente la papa criolla en la mayorista", "season", st_season, "Papa criolla limpia", MED, "dear")
add("temporada mas barata de la granadilla en pereira", "season", st_season, "Granadilla", "c:Pereira", "cheap")
add("el mango tommy en barranquillita en que mes sale mas barato", "season", st_season, "Mango Tommy", "m:Barranquilla, Barranquillita", "cheap")
add("Cuál es históricamente el mes más costoso para la cebolla cabezona blanca en Bucaramanga?", "season", st_season, "Cebolla cabezona blanca", "c:Bucaramanga", "dear")
add("el lulo en que mes es mas caro en manizales", "season", st_season, "Lulo", "c:Manizales", "dear")
add("que mes conviene comprar aguacate papelillo en cartagena, el mas barato", "season", st_season, "Aguacate papelillo", "c:Cartagena", "cheap")

# --- position ("¿está cara para la época?")
add("ajá y la papa criolla en corabastos, pa esta temporada esta carita o normal?", "season_position", st_position, "Papa criolla limpia", CORA)
add("el tomate chonto en bogota esta normal para octubre o esta caro?", "season_position", st_position, "Tomate chonto", "c:Bogotá")
add("¿Está barata la mora de castilla en Pereira para esta época del año?", "season_position", st_position, "Mora de Castilla", "c:Pereira")
add("un oyente pregunta si la cebolla junca en corabastos esta por encima de lo normal para la temporada", "season_position", st_position, "Cebolla junca", CORA)
add("el limon tahiti en cali esta caro pa la epoca?", "season_position", st_position, "Limón Tahití", "c:Cali")
add("la zanahoria en centroabastos, para ser octubre esta en precio normal?", "season_position", st_position, "Zanahoria", "m:Bucaramanga, Centroabastos")
add("el platano harton verde en medellin esta caro para este tiempo?", "season_position", st_position, "Plátano hartón verde", "c:Medellín")

# --- rankings
add("radio: una oyente del huila pregunta cual es la fruta de mayor precio hoy en surabastos", "rank", st_rank, "m:Neiva, Surabastos", "Frutas frescas", 1, "desc")
add("el pescado mas barato en barranquillita hoy", "rank", st_rank, "m:Barranquilla, Barranquillita", "Pescados", 1, "asc")
add("los 3 productos mas caros de corabastos ahora mismo", "rank", st_rank, CORA, None, 3, "desc")
add("que verdura esta mas barata en la mayorista de medellin", "rank", st_rank, MED, "Verduras y hortalizas", 1, "asc")
add("top 2 de carnes mas caras en cenabastos esta semana", "rank", st_rank, "m:Cúcuta, Cenabastos", "Carnes", 2, "desc")
add("en Mercar de Armenia cuál es el tubérculo o plátano más económico hoy", "rank", st_rank, "m:Armenia, Mercar", "Tubérculos, raíces y plátanos", 1, "asc")
add("grano mas caro en centroabastos", "rank", st_rank, "m:Bucaramanga, Centroabastos", "Granos y cereales", 1, "desc")
add("lo mas barato de todo en bazurto esta semana cual es", "rank", st_rank, "m:Cartagena, Bazurto", None, 1, "asc")
add("pescado mas caro en cavasa", "rank", st_rank, "m:Cali, Cavasa", "Pescados", 1, "desc")
add("cual es el lacteo mas caro en la plaza la 21 de ibague", "rank", st_rank, "c:Ibagué", "Huevos y lácteos", 1, "desc")
add("las 2 frutas mas baratas en el potrerillo de pasto", "rank", st_rank, "m:Pasto, El Potrerillo", "Frutas frescas", 2, "asc")
add("el producto procesado mas caro en el CAV de villavicencio", "rank", st_rank, "c:Villavicencio", "Productos procesados", 1, "desc")
add("qué fruta estaba más barata en Corabastos la semana del 4 de octubre de 2025", "rank", st_rank, CORA, "Frutas frescas", 1, "asc", "2025-10-04")

# --- movers
add("que fue lo que mas subio esta semana en corabastos", "movers", st_movers_market, CORA, None, "up")
add("cual verdura bajo mas en medellin esta semana", "movers", st_movers_market, MED, "Verduras y hortalizas", "down")
add("a nivel nacional que producto subio mas en la ultima semana", "movers", st_movers_national, None, "up")
add("fruta con la mayor caida de precio en todo el pais esta semana??", "movers", st_movers_national, "Frutas frescas", "down")
add("el pescado que mas se encarecio esta semana en colombia", "movers", st_movers_national, "Pescados", "up")
add("que fruta subio mas en mercasa esta semana", "movers", st_movers_market, "m:Pereira, Mercasa", "Frutas frescas", "up")
add("lo que mas bajo en barranquillita de una semana a otra", "movers", st_movers_market, "m:Barranquilla, Barranquillita", None, "down")
add("las verduras que mas subieron en corabastos en septiembre 2025 frente a agosto 2025", "movers", st_movers_period, CORA, "Verduras y hortalizas", "up", M(2025, 8), M(2025, 9))
add("en Cali Cavasa que bajó más en octubre 2025 comparado con septiembre 2025?", "movers", st_movers_period, "m:Cali, Cavasa", None, "down", M(2025, 9), M(2025, 10))
add("a nivel pais cual carne bajo mas en esta semana", "movers", st_movers_national, "Carnes", "down")
add("en surabastos que tuberculo o platano subio mas esta semana", "movers", st_movers_market, "m:Neiva, Surabastos", "Tubérculos, raíces y plátanos", "up")
add("cual fue el producto que mas bajo en todo colombia esta semana", "movers", st_movers_national, None, "down")

# --- counts
add("en cuantos mercados hay precio de la papa criolla esta semana", "count", st_count_markets, "Papa criolla limpia")
add("cuantas centrales reportan tilapia roja entera fresca", "count", st_count_markets, "Tilapia roja entera fresca")
add("cuantos productos cotiza bazurto esta semana", "count", st_count_products, "m:Cartagena, Bazurto")
add("en cuantas plazas se consigue el lulo segun sipsa", "count", st_count_markets, "Lulo")
add("Para nuestra red de distribución: ¿cuántos productos tiene con precio Centroabastos en la última semana?", "count", st_count_products, "m:Bucaramanga, Centroabastos")
add("cuantos mercados reportan aguacate hass", "count", st_count_markets, "Aguacate Hass")
add("cuantos productos registra el potrerillo hoy", "count", st_count_products, "m:Pasto, El Potrerillo")
add("en cuantos mercados cotizan bagre rayado entero fresco", "count", st_count_markets, "Bagre rayado entero fresco")
add("cuántos productos tiene surabastos esta semana", "count", st_count_products, "m:Neiva, Surabastos")
add("harina precocida de maiz en cuantos mercados hay precio", "count", st_count_markets, "Harina precocida de maíz")

# --- trade units
add("a como sale la arroba de papa criolla en corabastos", "trade_unit", st_trade, "Papa criolla limpia", CORA, "arroba")
add("el bulto de zanahoria en bogota cuanto vale", "trade_unit", st_trade, "Zanahoria", "c:Bogotá", "bulto")
add("cuanto me cuesta la libra de mora de castilla en pereira", "trade_unit", st_trade, "Mora de Castilla", "c:Pereira", "libra")
add("valor de 25 kilos de arroz de primera en cucuta", "trade_unit", st_trade, "Arroz de primera", "c:Cúcuta", "kilos", 25)
add("un bulto de tomate chonto en corabastos a como", "trade_unit", st_trade, "Tomate chonto", CORA, "bulto")
add("el kilo de huevo rojo aa en medellin cuanto es", "trade_unit", st_trade, "Huevo rojo AA", "c:Medellín", "kilos", 1)
add("cuanto vale la arroba de aceite vegetal mezcla en barranquillita", "trade_unit", st_trade, "Aceite vegetal mezcla", "m:Barranquilla, Barranquillita", "arroba")
add("Cotización requerida: bulto de cebolla cabezona blanca puesto en Centroabastos", "trade_unit", st_trade, "Cebolla cabezona blanca", "m:Bucaramanga, Centroabastos", "bulto")
add("la libra de queso costeño en cartagena pa las arepas", "trade_unit", st_trade, "Queso costeño", "c:Cartagena", "libra")
add("precio del bulto de lulo en manizales", "trade_unit", st_trade, "Lulo", "c:Manizales", "bulto")
add("10 kilos de platano harton verde en villavicencio cuanto serian", "trade_unit", st_trade, "Plátano hartón verde", "c:Villavicencio", "kilos", 10)
add("cuánto vale la arroba de lenteja importada en Cali?", "trade_unit", st_trade, "Lenteja importada", "c:Cali", "arroba")

# --- replacements for items dropped on the first run (added before looking at any value)
add("pico mas alto del bocachico importado congelado en barranquillita en todo el historial", "max", st_extreme, "Bocachico importado congelado", "m:Barranquilla, Barranquillita", *ALL, "max")
add("en promedio a como estuvo la arveja verde en vaina en corabastos entre mayo y julio de 2025", "mean", st_avg, "Arveja verde en vaina", CORA, "2025-05-01", "2025-07-31", "mean")
add("compare el precio de la cebolla cabezona blanca en corabastos el 10 de octubre de 2025 contra el 10 de agosto de 2025", "change", st_two_days, "Cebolla cabezona blanca", CORA, "2025-10-10", "2025-08-10")
add("cuanto subio o bajo el platano harton verde en monteria del 20 de febrero al 20 de mayo de 2025", "change", st_two_days, "Plátano hartón verde", "c:Montería", "2025-02-20", "2025-05-20")
add("un oyente pregunta si la cebolla cabezona blanca en corabastos esta por encima de lo normal para la temporada", "season_position", st_position, "Cebolla cabezona blanca", CORA)
add("en la central de Tunja cuál es el tubérculo o plátano más económico hoy", "rank", st_rank, "c:Tunja", "Tubérculos, raíces y plátanos", 1, "asc")
add("que fruta subio mas en la plaza la 21 esta semana", "movers", st_movers_market, "c:Ibagué", "Frutas frescas", "up")
add("cuánto vale la arroba de lenteja importada en Medellín?", "trade_unit", st_trade, "Lenteja importada", "c:Medellín", "arroba")
add("huevo rojo aa en bogota comparado con hace un año", "yoy", st_yoy, "Huevo rojo AA", "c:Bogotá")
add("el promedio de la carne de cerdo costilla en pereira en 2024", "mean", st_avg, "Carne de cerdo, costilla", "c:Pereira", *Y(2024), "mean")
add("mes mas caro del año pa la pechuga de pollo en cali", "season", st_season, "Pechuga de pollo", "c:Cali", "dear")
add("que producto subio mas en el potrerillo esta semana", "movers", st_movers_market, "m:Pasto, El Potrerillo", None, "up")

# --- no figure / question back
NOFIG = [
    ("cual fue el precio mas alto de la papa criolla en 2014", "no_numbers", "max"),
    ("promedio del tomate chonto en el D1 este mes", "no_numbers", "mean"),
    ("en que mes es mas barata la quinua en corabastos", "no_numbers", "season"),
    ("cuanto va a subir el aguacate hass en 2027", "no_numbers", "change"),
    ("precio minimo de la papa este año", "clarify", "min"),
    ("cual es el mes mas barato de la cebolla en Corabastos", "clarify", "season"),
    ("el promedio del lulo en Zipaquira en 2025", "clarify", "mean"),
    ("cuanto subio la naranja desde enero", "clarify", "change"),
    ("y cual de los dos esta mas caro ahorita?", "clarify", "rank"),
    ("la libra de carne de res al detal en la tienda de la esquina cuanto subio", "no_numbers", "trade_unit"),
    ("que es lo que mas ha subido en la vida, la gasolina o el salario?", "no_numbers", "movers"),
    ("la mediana de la uva en la Mayorista el año pasado", "clarify", "median"),
    ("cuántos mercados tienen precio del kiwano", "no_numbers", "count"),
]


def main():
    recs, dropped = [], []
    for q, stat, fn, args, prev in Q:
        try:
            res = fn(*args)
        except Skip as e:
            dropped.append((q, str(e)))
            continue
        forbid = []
        if isinstance(res, tuple):
            res, forbid = res
        recs.append({"q": q, "prev": prev or [], "family": "analytics", "expect": "answer", "values": res,
                     "forbid": forbid, "tags": [TAG, stat]})
    for q, expect, stat in NOFIG:
        recs.append({"q": q, "prev": [], "family": "analytics", "expect": expect, "values": [], "forbid": [],
                     "tags": [TAG, stat, "cannot_answer"]})
    out = []
    for i, r in enumerate(recs, 1):
        out.append({"id": f"b10a-{i:03d}", **r})
    with open(OUT, "w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(out), "records;", len(dropped), "dropped")
    for q, why in dropped:
        print("DROPPED:", why, "|", q)


if __name__ == "__main__":
    main()
