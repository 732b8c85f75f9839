"""Blind evaluation set `blind12-analytics`: 150 analytical questions about SIPSA wholesale prices, written in
the voice of different users (market-news journalist, restaurant purchaser, small farmer in Boyacá/Nariño,
tendero costeño, analyst at a gremio), labelled from the raw weekly CSV with pandas following
main/tests/questions/LABELS.md (never from the bot).

    nice -n 19 /work/main/.venv/bin/python label_analytics12.py [--check]

Writes analytics12.jsonl next to this file (deterministic). --check prints, for each question, the evidence
behind the label (margins to the runner-up, tied weeks, fallbacks) to stderr.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, "/work/main/tools")
import label_questions as L  # noqa: E402  (Data class, MAIN list, name folding)

HERE = Path(__file__).resolve().parent
OUT = HERE / "analytics12.jsonl"
SET = "blind12-analytics"
TODAY = dt.date(2025, 11, 3)

BULTO_PREFIXES = ("Papa", "Cebolla cabezona", "Zanahoria", "Yuca", "Arracacha", "Arroz", "Fríjol", "Maíz",
                  "Lenteja", "Garbanzo", "Arveja seca", "Azúcar")
TRADE_KG = {"libra": 0.5, "arroba": 12.5, "bulto": 50.0}

# --------------------------------------------------------------------------------------------- data access

D: L.Data
GRUPO: dict[str, str] = {}
WEEKS: pd.DataFrame
CHECK = False
MPRICE = "Pasto, El Potrerillo"


def log(*a):
    if CHECK:
        print(*a, file=sys.stderr)


def load() -> None:
    global D, WEEKS
    D = L.Data(L.CSV)
    raw = pd.read_csv(L.CSV, usecols=["semana_inicio", "grupo", "producto"], dtype=str)
    names = L.name_table(L.ROOT / "data" / "vocab" / "products.csv")
    raw["product"] = raw["producto"].map(lambda s: names.get(L.fold(L.clean(s))))
    raw = raw.sort_values("semana_inicio", kind="stable")
    # the `grupo` a product carries in the CSV (its newest rows; four products changed group once, see --check)
    GRUPO.update(raw.drop_duplicates("product", keep="last").set_index("product")["grupo"].to_dict())
    WEEKS = D.df[["week", "week_end"]].drop_duplicates().sort_values("week").reset_index(drop=True)
    assert WEEKS.week.is_unique


def ser(p: str, m: str) -> pd.DataFrame:
    s = D.series(p, m)
    assert not s.empty, (p, m)
    return s[["week", "week_end", "price"]].reset_index(drop=True)


def win(p: str, m: str, per: tuple[str, str]) -> pd.DataFrame:
    s = ser(p, m)
    w = s[(s.week >= per[0]) & (s.week <= per[1])]
    assert not w.empty, (p, m, per)
    return w


def unit(p: str) -> str:
    return D.units.get(p, "kg")


# --------------------------------------------------------------------------------------------- periods

def iso(d: dt.date) -> str:
    return d.isoformat()


def week_holding(day: str) -> str:
    hit = WEEKS[(WEEKS.week <= day) & (WEEKS.week_end >= day)]
    assert len(hit) == 1, ("day not in exactly one week", day, list(hit.week))
    return str(hit.iloc[0].week)


def Y(y: int) -> tuple[str, str]:
    return f"{y}-01-01", f"{y}-12-31"


def M(y: int, m: int) -> tuple[str, str]:
    end = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
    return f"{y}-{m:02d}-01", iso(end)


def Q(y: int, q: int) -> tuple[str, str]:
    return M(y, 3 * q - 2)[0], M(y, 3 * q)[1]


def RANGE(y: int, m1: int, m2: int) -> tuple[str, str]:
    return M(y, m1)[0], M(y, m2)[1]


def LASTN(n: int) -> tuple:
    return ("LASTN", n)  # resolved by P() once the table is loaded


def SINCE(day: str) -> tuple:
    return ("SINCE", day)


def P(per):
    """A period as (first week start, last week start), inclusive on semana_inicio."""
    if per is None or per[0] not in ("LASTN", "SINCE"):
        return per
    weeks = list(WEEKS.week)
    if per[0] == "LASTN":  # the N newest weeks of the whole table
        return weeks[-per[1]], weeks[-1]
    return week_holding(per[1]), weeks[-1]  # from the week holding the date to the newest week


ALL = ("0000-00-00", "9999-99-99")


def rel_days(days: int) -> str:
    return iso(TODAY - dt.timedelta(days=days))


# --------------------------------------------------------------------------------------------- places

def resolve(p: str, where: str, per: tuple[str, str] | None = None) -> str:
    kind, _, name = where.partition(":")
    if kind == "market":
        m = name
    elif kind == "city":
        main = dict(L.MAIN).get(name)
        if main:
            m = D.city_market(name, p)
            assert m == main, ("city's main market lacks the product", name, p)
        else:  # a city outside MAIN: its market(s) with the newest price
            cands = [mk for mk, c in D.cities.items() if c == name and not D.series(p, mk).empty]
            assert len(cands) == 1, ("city with several markets for the product", name, p, cands)
            m = cands[0]
    else:
        m = D.default_market(p)
        week = D.product_week[p]
        assert week == D.latest, ("default market: product not priced in the newest week", p)
    s = ser(p, m)
    if per:
        assert not s[(s.week >= per[0]) & (s.week <= per[1])].empty, ("no data in period", p, m, per)
    return m


# --------------------------------------------------------------------------------------------- values

def val(kind: str, v: float, market: str | None = None, date: str | None = None, **extra) -> dict:
    out = {"kind": kind, "value": round(float(v), 4) if kind not in ("change_pct",) else round(float(v), 1),
           "market": market, "date": date}
    if kind in ("count", "month", "years", "position"):
        out["value"] = int(v)
    out.update(extra)
    return out


def pct(new: float, old: float) -> float:
    return (new / old - 1) * 100


def price_on(p: str, m: str, day: str) -> tuple[str, float]:
    """The week holding the day; if unpriced, the closest earlier priced week at most 4 weeks back."""
    w = week_holding(day)
    s = ser(p, m)
    hit = s[s.week == w]
    if not hit.empty:
        return w, float(hit.iloc[0].price)
    lo = iso(dt.date.fromisoformat(w) - dt.timedelta(days=28))
    back = s[(s.week < w) & (s.week >= lo)]
    assert not back.empty, ("no price within 4 weeks", p, m, day)
    log(f"    fallback: {day} -> week {w} unpriced, using {back.iloc[-1].week}")
    return str(back.iloc[-1].week), float(back.iloc[-1].price)


def newest(p: str, m: str) -> tuple[str, float]:
    s = ser(p, m)
    return str(s.iloc[-1].week), float(s.iloc[-1].price)


# ----------------------------------------------------------------------------------------- statistics

def st_extreme(p, m, per, kind):
    s = win(p, m, per)
    v = s.price.max() if kind == "max" else s.price.min()
    tied = [str(w) for w in s[(s.price - v).abs() < 1e-9].week]
    others = s[(s.price - v).abs() >= 1e-9].price
    runner = (others.max() if kind == "max" else others.min()) if not others.empty else None
    log(f"    {kind}={v} weeks={tied} n={len(s)} runner-up={runner}")
    extra = {"dates": tied} if len(tied) > 1 else {}
    return [val(kind, v, m, tied[-1], **extra)]


def st_mean(p, m, per):
    s = win(p, m, per)
    log(f"    mean over {len(s)} weeks {s.week.min()}..{s.week.max()}")
    return [val("mean", s.price.mean(), m)]


def st_median(p, m, per):
    s = win(p, m, per)
    log(f"    median over {len(s)} weeks {s.week.min()}..{s.week.max()}")
    return [val("median", float(s.price.median()), m)]


def st_change_days(p, m, day_a, day_b):
    wa, pa = price_on(p, m, day_a) if day_a != "now" else newest(p, m)
    wb, pb = price_on(p, m, day_b) if day_b != "now" else newest(p, m)
    log(f"    {wa}:{pa} -> {wb}:{pb}")
    return [val("price", pa, m, wa), val("price", pb, m, wb), val("change_pct", pct(pb, pa), m)]


def st_change_periods(p, m, per_a, per_b):
    a, b = win(p, m, per_a), win(p, m, per_b)
    log(f"    mean A={a.price.mean():.1f} ({len(a)} wk) B={b.price.mean():.1f} ({len(b)} wk)")
    return [val("change_pct", pct(b.price.mean(), a.price.mean()), m)]


def st_since(p, m, day):
    wa, pa = price_on(p, m, day)
    wb, pb = newest(p, m)
    log(f"    since {day}: {wa}:{pa} -> {wb}:{pb}")
    return [val("price", pa, m, wa), val("price", pb, m, wb), val("change_pct", pct(pb, pa), m)]


def st_yoy(p, m):
    s = ser(p, m)
    wn, pn = str(s.iloc[-1].week), float(s.iloc[-1].price)
    target = dt.date.fromisoformat(wn) - dt.timedelta(days=364)
    hit = s[s.week == iso(target)]
    if not hit.empty:
        wo, po = iso(target), float(hit.iloc[0].price)
    else:
        cands = sorted((abs((dt.date.fromisoformat(w) - target).days), w, float(pr))
                       for w, pr in zip(s.week, s.price) if abs((dt.date.fromisoformat(w) - target).days) <= 14)
        assert cands, ("no week within 14 days", p, m)
        _, wo, po = cands[0]
        log(f"    yoy fallback: {iso(target)} unpriced; candidates {cands[:3]}")
    log(f"    {wo}:{po} -> {wn}:{pn}")
    return [val("price", po, m, wo), val("price", pn, m, wn), val("change_pct", pct(pn, po), m)]


def season_index(p, m):
    s = ser(p, m).copy()
    s["y"] = s.week.str[:4].astype(int)
    s["mo"] = s.week.str[5:7].astype(int)
    mm = s.groupby(["y", "mo"]).price.mean()
    years = [y for y in sorted(set(s.y)) if len(mm.loc[y]) >= 6]
    ratios: dict[int, list[float]] = {}
    for y in years:
        ym = mm.loc[y]
        base = ym.mean()
        for mo, v in ym.items():
            ratios.setdefault(int(mo), []).append(v / base)
    index = {mo: statistics.fmean(r) for mo, r in ratios.items() if len(r) >= 2}
    return index, years


def st_season(p, m, which):
    index, years = season_index(p, m)
    order = sorted(index, key=lambda mo: index[mo], reverse=(which == "dearest"))
    log(f"    {which}: " + ", ".join(f"{mo}:{index[mo]:.4f}" for mo in order[:3]) + f" years={years}")
    return [val("month", order[0], m), val("years", len(years), m)]


def st_epoca(p, m):
    s = ser(p, m).copy()
    wn, pn = str(s.iloc[-1].week), float(s.iloc[-1].price)
    s["y"] = s.week.str[:4].astype(int)
    prev = s[(s.week.str[5:7] == wn[5:7]) & (s.y < int(wn[:4]))].groupby("y").price.mean()
    assert len(prev) >= 2
    pos = -1 if pn < prev.min() else (1 if pn > prev.max() else 0)
    log(f"    now {wn}:{pn} vs {dict(prev.round(1))} -> {pos}")
    return [val("price", pn, m, wn), val("position", pos, m)]


def rank_table(m, week, grupo):
    df = D.df[(D.df.market == m) & (D.df.week == week)].copy()
    df["grupo"] = df["product"].map(GRUPO)
    if grupo:
        df = df[df.grupo == grupo]
    df = df[df["product"].map(unit) == "kg"]
    return df


def st_ranking(m, grupo, order, week=None):
    week = week or D.latest
    df = rank_table(m, week, grupo)
    df = df.sort_values(["price", "product"], ascending=[order == "cheapest", True])  # ties broken by name
    top = df.iloc[0]
    log(f"    {order} {grupo or 'todo'} {week}: " + "; ".join(f"{r.product}={r.price}" for r in df.head(4).itertuples()))
    return [val("price", top.price, m, week, product=top["product"])]


def mover_table(m, per_a, per_b, grupo, national):
    df = D.df.copy()
    if not national:
        df = df[df.market == m]
    df["grupo"] = df["product"].map(GRUPO)
    if grupo:
        df = df[df.grupo == grupo]
    A = df[(df.week >= per_a[0]) & (df.week <= per_a[1])]
    B = df[(df.week >= per_b[0]) & (df.week <= per_b[1])]
    a = A.groupby(["product", "market"]).price.mean()
    b = B.groupby(["product", "market"]).price.mean()
    both = a.index.intersection(b.index)
    ma, mb = a[both].groupby(level=0).mean(), b[both].groupby(level=0).mean()
    ch = (mb / ma - 1) * 100
    # alternative reading for period movers: all weekly rows of the markets priced in both periods
    keys = set(both)
    Ak = A[[k in keys for k in zip(A["product"], A.market)]].groupby("product").price.mean()
    Bk = B[[k in keys for k in zip(B["product"], B.market)]].groupby("product").price.mean()
    alt = (Bk / Ak - 1) * 100
    return ch, alt


def st_movers(m, grupo, direction, per_a=None, per_b=None, national=False):
    per_a = per_a or (D.previous, D.previous)
    per_b = per_b or (D.latest, D.latest)
    ch, alt = mover_table(m, per_a, per_b, grupo, national)
    asc = direction == "down"
    ch = ch.sort_values(ascending=asc)
    alt = alt.sort_values(ascending=asc)
    kg = ch[[unit(p) == "kg" for p in ch.index]]
    log(f"    {direction} {'national' if national else m} {grupo or 'todo'}: "
        + "; ".join(f"{p}={v:.2f}" for p, v in ch.head(3).items())
        + f" | alt top {alt.index[0]} | kg-only top {kg.index[0]}")
    assert ch.index[0] == alt.index[0] == kg.index[0], "movers top depends on the reading"
    assert abs(ch.iloc[0] - ch.iloc[1]) > 0.5, "movers: near tie"
    return [val("change_pct", ch.iloc[0], None if national else m, product=ch.index[0])]


def st_count_markets(p, per=None):
    date = D.latest if per is None else None  # the newest week of the table, or the period asked
    per = per or (D.latest, D.latest)
    df = D.df[(D.df["product"] == p) & (D.df.week >= per[0]) & (D.df.week <= per[1])]
    n = df.market.nunique()
    log(f"    {n} markets: {sorted(df.market.unique())}")
    return [val("count", n, None, date)]


def st_count_products(m):
    df = D.df[(D.df.market == m) & (D.df.week == D.latest)]
    log(f"    {df['product'].nunique()} products in {m}")
    return [val("count", df["product"].nunique(), m, D.latest)]


def st_trade(p, m, tu, kilos=None):
    w, pr = newest(p, m)
    if unit(p) != "kg":
        return [val("price", pr, m, w)], ["trade_price"]
    if tu == "bulto" and not p.startswith(BULTO_PREFIXES):
        return [val("price", pr, m, w)], ["trade_price"]
    kg = kilos if tu == "kilos" else TRADE_KG[tu]
    return [val("price", pr, m, w), val("trade_price", pr * kg, m, w, unit=tu)], []


# --------------------------------------------------------------------------------------------- questions

POT = "market:Pasto, El Potrerillo"
IPI = "market:Ipiales (Nariño), Ipiales somos todos"
TUN = "market:Tunja, Complejo de Servicios del Sur"
DUI = "market:Duitama (Boyacá), Mercaplaza"
SIN = "market:Sincelejo, Nuevo Mercado"
MON = "market:Montería, Mercado del Sur"
VAL = "market:Valledupar, Mercabastos"
NEI = "market:Neiva, Surabastos"
IBA = "market:Ibagué, Plaza La 21"
VIL = "market:Villavicencio, CAV"
POP = "market:Popayán, Plaza de mercado del barrio Bolívar"
CTG = "market:Cartagena, Bazurto"
SMR = "market:Santa Marta (Magdalena)"
CUC = "market:Cúcuta, Cenabastos"
GV, GF, GT, GG = "Verduras y hortalizas", "Frutas frescas", "Tubérculos, raíces y plátanos", "Granos y cereales"
GH, GC, GP, GPP = "Huevos y lácteos", "Carnes", "Pescados", "Productos procesados"

# Each entry: q, stat, persona (j journalist, r restaurant, f farmer, t tendero, a analyst) and the slots.
QUESTIONS: list[dict] = [
    # ---- max
    dict(q="Para una nota sobre pescado en el sur del país: ¿cuál ha sido el precio más alto de la trucha entera "
           "fresca en El Potrerillo de Pasto en toda la serie, y en qué semana se registró?",
         stat="max", who="j", p="Trucha entera fresca", where=POT, per=ALL),
    dict(q="sumerce cuando fue q estuvo mas caro el ulluco en ipiales este año", stat="max", who="f",
         p="Ulluco", where="city:Ipiales", per=Y(2025)),
    dict(q="Máximo semanal de la papa capira en Pasto en el segundo trimestre de 2025", stat="max", who="a",
         p="Papa capira", where="city:Pasto", per=Q(2025, 2)),
    dict(q="aja y el queso costeño en monteria cual fue el precio mas alto en el 2022??", stat="max", who="t",
         p="Queso costeño", where="city:Montería", per=Y(2022)),
    dict(q="Buenas. ¿Cuál ha sido el precio más alto del pargo rojo platero en Santa Marta en lo que va de este "
           "año?", stat="max", who="r", p="Pargo rojo platero", where="city:Santa Marta", per=Y(2025)),
    dict(q="¿En qué semana tocó techo la cachama de cultivo fresca en la Central de Abastos de Villavicencio "
           "durante 2021?", stat="max", who="j", p="Cachama de cultivo fresca", where=VIL, per=Y(2021)),
    dict(q="el precio mas alto d la papa criolla limpia en tunja en el 2018 cuanto fue", stat="max", who="f",
         p="Papa criolla limpia", where="city:Tunja", per=Y(2018)),
    dict(q="maracuya santandereano en mercabastos, cual fue el pico del año pasado", stat="max", who="t",
         p="Maracuyá santandereano", where=VAL, per=Y(2024)),
    dict(q="max histórico del ají topito dulce en Sincelejo (semana incluida)", stat="max", who="a",
         p="Ají topito dulce", where="city:Sincelejo", per=ALL),
    dict(q="Para presupuestar la carta: ¿cuál fue el precio tope del lulo en Surabastos en marzo?", stat="max",
         who="r", p="Lulo", where=NEI, per=M(2025, 3)),
    # ---- min
    dict(q="precio minimo del bagre rayado en postas congelado en villavicencio durante 2024", stat="min",
         who="r", p="Bagre rayado en postas congelado", where="city:Villavicencio", per=Y(2024)),
    dict(q="buenas mi llave, cual fue el precio mas bajo del ñame espino en sincelejo en el 2023", stat="min", who="t",
         p="Ñame espino", where="city:Sincelejo", per=Y(2023)),
    dict(q="la cebolla junca aquitania en tunja cuando estuvo mas barata desde el 1 de marzo de 2025",
         stat="min", who="f", p="Cebolla junca Aquitania", where="city:Tunja", per=SINCE("2025-03-01")),
    dict(q="Mínimo de toda la serie para la arracacha amarilla en Tunja, con la semana en que ocurrió.",
         stat="min", who="a", p="Arracacha amarilla", where="city:Tunja", per=ALL),
    dict(q="el coco en bazurto cual fue el precio mas bajito en el 2024", stat="min", who="t", p="Coco",
         where=CTG, per=Y(2024)),
    dict(q="papa superior en duitama el precio mas bajo de las ultimas 12 semanas", stat="min", who="f",
         p="Papa superior", where="city:Duitama", per=LASTN(12)),
    dict(q="¿Cuál fue el precio más bajo del camarón tití precocido seco en Popayán en 2025 y en qué semana?",
         stat="min", who="j", p="Camarón tití precocido seco", where="city:Popayán", per=Y(2025)),
    dict(q="Mín. 2023 del fríjol nima calima en Surabastos", stat="min", who="a", p="Fríjol nima calima",
         where=NEI, per=Y(2023)),
    dict(q="Tomate de árbol en la plaza La 21 de Ibagué: ¿cuál fue el precio más bajo entre enero y junio de "
           "2025?", stat="min", who="r", p="Tomate de árbol", where=IBA, per=RANGE(2025, 1, 6)),
    dict(q="limon comun en cartagena el mas barato de las ultimas 8 semanas cuanto fue", stat="min", who="t",
         p="Limón común", where="city:Cartagena", per=LASTN(8)),
    # ---- mean
    dict(q="Promedio 2024 de la panela cuadrada morena en Popayán", stat="mean", who="a",
         p="Panela cuadrada morena", where="city:Popayán", per=Y(2024)),
    dict(q="¿Cuánto costó en promedio la trucha en corte mariposa en Popayán en el primer trimestre de 2025? "
           "Estoy cuadrando costos del restaurante.", stat="mean", who="r", p="Trucha en corte mariposa",
         where="city:Popayán", per=Q(2025, 1)),
    dict(q="promedio de la mojarra lora entera fresca en monteria el año pasado", stat="mean", who="t",
         p="Mojarra lora entera fresca", where="city:Montería", per=Y(2024)),
    dict(q="cuanto fue el promedio del haba verde en ipiales en el 2022", stat="mean", who="f",
         p="Haba verde", where="city:Ipiales", per=Y(2022)),
    dict(q="precio medio del garbanzo importado en Cenabastos en 2021", stat="mean", who="a",
         p="Garbanzo importado", where=CUC, per=Y(2021)),
    dict(q="¿Cuál ha sido el precio promedio de la arveja verde en vaina pastusa en El Potrerillo desde el 1 de "
           "marzo de 2025?", stat="mean", who="j", p="Arveja verde en vaina pastusa", where=POT,
         per=SINCE("2025-03-01")),
    dict(q="promedio de las ultimas 4 semanas de la yuca criolla en Sincelejo xfa", stat="mean", who="r",
         p="Yuca criolla", where="city:Sincelejo", per=LASTN(4)),
    # ---- median
    dict(q="mediana del queso Caquetá en Popayán en 2024", stat="median", who="a", p="Queso Caquetá",
         where="city:Popayán", per=Y(2024)),
    dict(q="¿Cuál es la mediana semanal de la carne de res lomo fino en Sincelejo en lo corrido de 2025?",
         stat="median", who="a", p="Carne de res, lomo fino", where="city:Sincelejo", per=Y(2025)),
    dict(q="Necesito la mediana de la pitahaya en Surabastos en las últimas 12 semanas", stat="median",
         who="r", p="Pitahaya", where=NEI, per=LASTN(12)),
    dict(q="la mediana del borojo en villavicencio en el 2023?", stat="median", who="t", p="Borojó",
         where="city:Villavicencio", per=Y(2023)),
    dict(q="Mediana del precio de la sierra entera congelada en Bazurto, año 2024", stat="median", who="a",
         p="Sierra entera congelada", where=CTG, per=Y(2024)),
    dict(q="¿Cuál fue la mediana del precio del salmón en filete congelado en Popayán en el tercer trimestre de "
           "2025?", stat="median", who="j", p="Salmón, filete congelado", where="city:Popayán", per=Q(2025, 3)),
    # ---- change between two weeks / days
    dict(q="el bocachico importado congelado en bazurto cuanto cambio entre el 15 de marzo y el 15 de "
           "septiembre de 2025", stat="change_weeks", who="t", p="Bocachico importado congelado", where=CTG,
         a="2025-03-15", b="2025-09-15"),
    dict(q="cuanto a variado la papa unica en pasto del 02/08/2025 al 25/10/2025", stat="change_weeks",
         who="f", p="Papa única", where="city:Pasto", a="2025-08-02", b="2025-10-25"),
    dict(q="Variación % del ajo importado en Cenabastos entre la semana del 7 de junio y la del 18 de octubre "
           "de 2025", stat="change_weeks", who="a", p="Ajo importado", where=CUC, a="2025-06-07",
         b="2025-10-18"),
    dict(q="¿Cuánto subió o bajó la pechuga de pollo en Villavicencio entre el 10 de enero y el 10 de octubre de "
           "2025?", stat="change_weeks", who="r", p="Pechuga de pollo", where="city:Villavicencio",
         a="2025-01-10", b="2025-10-10"),
    dict(q="Compare el precio del plátano hartón verde en Montería el 1 de julio de 2024 con el del 1 de julio "
           "de 2025.", stat="change_weeks", who="j", p="Plátano hartón verde", where="city:Montería",
         a="2024-07-01", b="2025-07-01"),
    dict(q="la mora de castilla en duitama hace 4 semanas vs ahora cuanto cambio", stat="change_weeks",
         who="f", p="Mora de Castilla", where="city:Duitama", a=rel_days(28), b="now"),
    dict(q="Cebolla junca Aquitania en Duitama: variación entre el 2 de agosto y el 25 de octubre de 2025",
         stat="change_weeks", who="a", p="Cebolla junca Aquitania", where="city:Duitama", a="2025-08-02",
         b="2025-10-25"),
    dict(q="Kiwi en Tunja: ¿cómo cambió el precio entre el 20 de abril de 2024 y el 20 de abril de 2025?",
         stat="change_weeks", who="r", p="Kiwi", where="city:Tunja", a="2024-04-20", b="2025-04-20"),
    dict(q="¿Cuánto cambió el precio de la panela cuadrada morena en Cenabastos entre el 1 de diciembre de 2018 "
           "y el 9 de enero de 2021?", stat="change_weeks", who="j", p="Panela cuadrada morena", where=CUC,
         a="2018-12-01", b="2021-01-09"),
    # ---- change between two months / quarters / years
    dict(q="¿Cuánto subió el tomate de árbol en Ibagué de agosto a septiembre?", stat="change_periods",
         who="r", p="Tomate de árbol", where="city:Ibagué", a=M(2025, 8), b=M(2025, 9)),
    dict(q="Variación del promedio de la yuca ICA en Surabastos: primer trimestre 2025 vs primer trimestre "
           "2024", stat="change_periods", who="a", p="Yuca ICA", where=NEI, a=Q(2024, 1), b=Q(2025, 1)),
    dict(q="el arroz de primera en villavicencio cuanto subio en el 2024 frente al 2023", stat="change_periods",
         who="t", p="Arroz de primera", where="city:Villavicencio", a=Y(2023), b=Y(2024)),
    dict(q="¿Cuánto varió el precio promedio de la papa parda pastusa en Popayán entre 2018 y 2024?",
         stat="change_periods", who="j", p="Papa parda pastusa", where="city:Popayán", a=Y(2018), b=Y(2024)),
    dict(q="el haba verde en tunja, octubre contra septiembre, subio o bajo?", stat="change_periods",
         who="f", p="Haba verde", where="city:Tunja", a=M(2025, 9), b=M(2025, 10)),
    dict(q="la cebolla cabezona roja peruana en sincelejo julio contra junio cuanto cambio", stat="change_periods",
         who="t", p="Cebolla cabezona roja peruana", where="city:Sincelejo", a=M(2025, 6), b=M(2025, 7)),
    dict(q="¿Qué tanto cambió el precio promedio del queso doble crema en Cúcuta del primer al tercer trimestre "
           "de 2025?", stat="change_periods", who="r", p="Queso doble crema", where="city:Cúcuta",
         a=Q(2025, 1), b=Q(2025, 3)),
    dict(q="el ulluco en ipiales el 2024 comparado con el 2023 cuanto bajo o subio", stat="change_periods",
         who="f", p="Ulluco", where="city:Ipiales", a=Y(2023), b=Y(2024)),
    dict(q="Fríjol Zaragoza en Santa Marta: variación entre el promedio de marzo de 2024 y el de marzo de 2025",
         stat="change_periods", who="a", p="Fríjol Zaragoza", where="city:Santa Marta", a=M(2024, 3),
         b=M(2025, 3)),
    # ---- from a date to now
    dict(q="cuanto ha subido el tomate chonto en valledupar desde el 1 de marzo", stat="since", who="t",
         p="Tomate chonto", where="city:Valledupar", day="2025-03-01"),
    dict(q="la papa criolla limpia en ipiales frente al 1 de febrero como va", stat="since", who="f",
         p="Papa criolla limpia", where="city:Ipiales", day="2025-02-01"),
    dict(q="Variación acumulada del café molido en Sincelejo desde el 1 de noviembre de 2024", stat="since",
         who="a", p="Café molido", where="city:Sincelejo", day="2024-11-01"),
    dict(q="¿Cuánto ha variado el precio del bagre rayado entero fresco en Montería desde el 5 de abril de "
           "2025?", stat="since", who="j", p="Bagre rayado entero fresco", where="city:Montería",
         day="2025-04-05"),
    dict(q="eche y la papaya tainung en bazurto cuanto ha subido desde marzo", stat="since", who="t",
         p="Papaya tainung", where=CTG, day="2025-03-01"),
    dict(q="var % del limón Tahití en Villavicencio desde el 04/01/2025 hasta hoy", stat="since", who="a",
         p="Limón Tahití", where="city:Villavicencio", day="2025-01-04"),
    dict(q="el frijol verde cargamanto en duitama desde el 1 de agosto pa aca cuanto ha subido", stat="since",
         who="f", p="Fríjol verde cargamanto", where="city:Duitama", day="2025-08-01"),
    # ---- year over year
    dict(q="¿Está más cara la cebolla cabezona blanca pastusa en Pasto que hace un año?", stat="yoy", who="r",
         p="Cebolla cabezona blanca pastusa", where="city:Pasto"),
    dict(q="el queso costeño en sincelejo ta mas caro q hace un año? xq los clientes dicen q si", stat="yoy", who="t",
         p="Queso costeño", where="city:Sincelejo"),
    dict(q="variación anual (YoY) del arroz excelso en Montería", stat="yoy", who="a", p="Arroz excelso",
         where="city:Montería"),
    dict(q="la arracacha amarilla en tunja como esta comparado con hace un año", stat="yoy", who="f",
         p="Arracacha amarilla", where="city:Tunja"),
    dict(q="¿Cuánto ha cambiado en un año el precio de la tilapia roja entera fresca en Neiva?", stat="yoy",
         who="j", p="Tilapia roja entera fresca", where="city:Neiva"),
    dict(q="el platano harton verde en cartagena vale mas o menos q hace un año", stat="yoy", who="t",
         p="Plátano hartón verde", where="city:Cartagena"),
    dict(q="YoY de la habichuela en Santa Marta", stat="yoy", who="a", p="Habichuela", where="city:Santa Marta"),
    dict(q="Para el menú de bebidas: ¿el limón Tahití en Surabastos está más caro o más barato que hace un año?",
         stat="yoy", who="r", p="Limón Tahití", where=NEI),
    # ---- season
    dict(q="en q mes se pone mas barata la papa capira en pasto", stat="season", who="f", p="Papa capira",
         where="city:Pasto", which="cheapest"),
    dict(q="cual es el mes mas caro pa el ñame diamante en valledupar", stat="season", who="t",
         p="Ñame diamante", where="city:Valledupar", which="dearest"),
    dict(q="Mes de menor precio estacional del lulo en Surabastos", stat="season", who="a", p="Lulo",
         where=NEI, which="cheapest"),
    dict(q="¿En qué mes suele subir más el tomate de árbol en Ibagué?", stat="season", who="r",
         p="Tomate de árbol", where="city:Ibagué", which="dearest"),
    dict(q="¿Cuál es el mes más barato del año para la mora de castilla en Duitama?", stat="season", who="j",
         p="Mora de Castilla", where="city:Duitama", which="cheapest"),
    dict(q="la cebolla junca aquitania en tunja en q mes es mas cara", stat="season", who="f",
         p="Cebolla junca Aquitania", where="city:Tunja", which="dearest"),
    dict(q="Estacionalidad: ¿cuál es el mes más caro de la mandarina arrayana en Villavicencio?", stat="season",
         who="a", p="Mandarina Arrayana", where="city:Villavicencio", which="dearest"),
    dict(q="¿En qué mes conviene comprar la granadilla en Popayán? O sea, el mes más barato.", stat="season",
         who="r", p="Granadilla", where="city:Popayán", which="cheapest"),
    dict(q="la patilla en bazurto en que mes es mas barata?", stat="season", who="t", p="Patilla", where=CTG,
         which="cheapest"),
    # ---- "¿está cara para la época?"
    dict(q="¿El precio actual de la fresa en Tunja está caro para la época?", stat="epoca", who="r",
         p="Fresa", where="city:Tunja"),
    dict(q="y el cilantro en barranquillita ta caro pa esta epoca del año?", stat="epoca", who="t",
         p="Cilantro", where="market:Barranquilla, Barranquillita"),
    dict(q="la papa superior en duitama esta cara o barata pa la epoca?", stat="epoca", who="f",
         p="Papa superior", where="city:Duitama"),
    dict(q="¿El precio actual del bocachico importado congelado en Montería está por encima o por debajo de lo "
           "normal para esta época?", stat="epoca", who="a", p="Bocachico importado congelado",
         where="city:Montería"),
    dict(q="¿Está caro el tomate chonto en Valledupar para esta época del año?", stat="epoca", who="j",
         p="Tomate chonto", where="city:Valledupar"),
    dict(q="lulo en neiva: caro o normal para la epoca?", stat="epoca", who="r", p="Lulo", where="city:Neiva"),
    dict(q="ta cara la mora de castilla en pasto pa la epoca q estamos?", stat="epoca", who="f",
         p="Mora de Castilla", where="city:Pasto"),
    dict(q="la yuca criolla en sincelejo ta cara pa la epoca?", stat="epoca", who="t", p="Yuca criolla",
         where="city:Sincelejo"),
    # ---- ranking of products
    dict(q="¿Cuál es la fruta más cara hoy en Surabastos?", stat="ranking", who="r", m=NEI, grupo=GF,
         order="dearest"),
    dict(q="cual es la verdura mas barata en bazurto esta semana", stat="ranking", who="t", m=CTG, grupo=GV,
         order="cheapest"),
    dict(q="Top 3 de productos más baratos en El Potrerillo esta semana", stat="ranking", who="a", m=POT,
         grupo=None, order="cheapest"),
    dict(q="q pescado esta mas barato en villavicencio", stat="ranking", who="f", m="city:Villavicencio",
         grupo=GP, order="cheapest"),
    dict(q="¿Cuál es el producto más caro por kilo en el mercado de Sincelejo?", stat="ranking", who="j",
         m="city:Sincelejo", grupo=None, order="dearest"),
    dict(q="el grano mas barato en cartagena cual es?", stat="ranking", who="t", m="city:Cartagena", grupo=GG,
         order="cheapest"),
    dict(q="¿Cuál es el producto más caro del grupo tubérculos, raíces y plátanos en Tunja esta semana?", stat="ranking", who="a", m="city:Tunja",
         grupo=GT, order="dearest"),
    dict(q="¿Cuál fue la hortaliza más cara en Cenabastos la semana del 4 de octubre de 2025?", stat="ranking",
         who="j", m=CUC, grupo=GV, order="dearest", week="2025-10-04"),
    dict(q="cual es el procesado mas barato x kilo en popayan", stat="ranking", who="f", m="city:Popayán",
         grupo=GPP, order="cheapest"),
    dict(q="¿Cuál es el lácteo más caro en Cenabastos?", stat="ranking", who="r", m=CUC, grupo=GH,
         order="dearest"),
    # ---- movers
    dict(q="¿Qué producto subió más en Surabastos esta semana?", stat="movers", who="j", m=NEI, grupo=None,
         direction="up"),
    dict(q="que fue lo que mas bajo en bazurto esta semana", stat="movers", who="t", m=CTG, grupo=None,
         direction="down"),
    dict(q="Estoy armando la nota del boletín semanal de abastos. A nivel nacional, ¿qué producto tuvo la mayor "
           "alza esta semana?", stat="movers", who="a", m=None,
         grupo=None, direction="up", national=True),
    dict(q="¿Cuál fue la fruta que más bajó a nivel nacional esta semana?", stat="movers", who="a", m=None,
         grupo=GF, direction="down", national=True),
    dict(q="¿Qué verdura subió más en Tunja en octubre frente a septiembre?", stat="movers", who="r",
         m="city:Tunja", grupo=GV, direction="up", a=M(2025, 9), b=M(2025, 10)),
    dict(q="q fue lo q mas subio en el potrerillo entre la semana del 4 de octubre y la del 25 de octubre",
         stat="movers", who="f", m=POT, grupo=None, direction="up", a=("2025-10-04", "2025-10-04"),
         b=("2025-10-25", "2025-10-25")),
    dict(q="El pescado con mayor caída en Villavicencio en septiembre vs agosto de 2025", stat="movers",
         who="a", m="city:Villavicencio", grupo=GP, direction="down", a=M(2025, 8), b=M(2025, 9)),
    dict(q="¿Qué producto subió más a nivel nacional en septiembre frente a agosto?", stat="movers", who="j",
         m=None, grupo=None, direction="up", a=M(2025, 8), b=M(2025, 9), national=True),
    dict(q="¿Qué tubérculo o plátano bajó más en Cenabastos esta semana?", stat="movers", who="r", m=CUC,
         grupo=GT, direction="down"),
    # ---- counts
    dict(q="en cuantos mercados cotizan el ñame espino", stat="count_markets", who="t", p="Ñame espino"),
    dict(q="¿Cuántos productos cotiza El Potrerillo esta semana?", stat="count_products", who="a", m=POT),
    dict(q="¿Cuántos productos reporta el mercado de Duitama en el último boletín?", stat="count_products",
         who="r", m="city:Duitama"),
    dict(q="¿En cuántos mercados se reportó precio del borojó en 2024?", stat="count_markets", who="a",
         p="Borojó", per=Y(2024)),
    dict(q="cuantos productos reportan en ipiales", stat="count_products", who="f", m="city:Ipiales"),
    dict(q="¿Cuántos mercados reportaron la arveja verde en vaina pastusa esta semana?", stat="count_markets",
         who="j", p="Arveja verde en vaina pastusa"),
    dict(q="cuantos productos hay en bazurto hoy", stat="count_products", who="t", m=CTG),
    # ---- trade units
    dict(q="a como sale el bulto de papa superior en tunja", stat="trade_unit", who="f", p="Papa superior",
         where="city:Tunja", tu="bulto"),
    dict(q="cuanto vale la arroba de yuca criolla en sincelejo", stat="trade_unit", who="t",
         p="Yuca criolla", where="city:Sincelejo", tu="arroba"),
    dict(q="¿A cuánto sale la libra de trucha entera fresca en Pasto?", stat="trade_unit", who="r",
         p="Trucha entera fresca", where="city:Pasto", tu="libra"),
    dict(q="el bulto de arracacha amarilla en duitama a como esta", stat="trade_unit", who="f",
         p="Arracacha amarilla", where="city:Duitama", tu="bulto"),
    dict(q="¿Cuánto me costarían 25 kilos de fríjol verde cargamanto en Villavicencio?", stat="trade_unit",
         who="r", p="Fríjol verde cargamanto", where="city:Villavicencio", tu="kilos", kilos=25),
    dict(q="bulto de haba verde en ipiales a como", stat="trade_unit", who="f", p="Haba verde",
         where="city:Ipiales", tu="bulto"),
    dict(q="el bulto de ahuyama en monteria cuanto vale", stat="trade_unit", who="t", p="Ahuyama",
         where="city:Montería", tu="bulto"),
    dict(q="¿A cómo está el kilo de huevo rojo AA en Neiva?", stat="trade_unit", who="r", p="Huevo rojo AA",
         where="city:Neiva", tu="kilo"),
    dict(q="cuanto la arroba de aceite girasol en bazurto", stat="trade_unit", who="t", p="Aceite girasol",
         where=CTG, tu="arroba"),
    dict(q="Precio por bulto del arroz de primera en Montería", stat="trade_unit", who="a",
         p="Arroz de primera", where="city:Montería", tu="bulto"),
    dict(q="la libra de ulluco en ipiales a como", stat="trade_unit", who="f", p="Ulluco", where="city:Ipiales",
         tu="libra"),
    dict(q="10 kilos de limon comun en bazurto cuanto es", stat="trade_unit", who="t", p="Limón común",
         where=CTG, tu="kilos", kilos=10),
    dict(q="bulto de maiz blanco trillado en tunja", stat="trade_unit", who="f", p="Maíz blanco trillado",
         where="city:Tunja", tu="bulto"),
    dict(q="¿A cómo sale la libra de huevo rojo A en Sincelejo?", stat="trade_unit", who="t", p="Huevo rojo A",
         where="city:Sincelejo", tu="libra"),
    # ---- follow-ups (prev = earlier questions of the same chat)
    dict(prev=["¿cuál fue el precio más alto de la trucha entera fresca en El Potrerillo en 2024?"],
         q="¿y el más bajo?", stat="min", who="j", p="Trucha entera fresca", where=POT, per=Y(2024)),
    dict(prev=["en q mes se pone mas barata la papa capira en pasto"], q="y la mas cara?", stat="season",
         who="f", p="Papa capira", where="city:Pasto", which="dearest"),
    dict(prev=["a como sale el bulto de papa superior en tunja"], q="y la arroba?", stat="trade_unit", who="f",
         p="Papa superior", where="city:Tunja", tu="arroba"),
    dict(prev=["cuanto ha subido el tomate chonto en valledupar desde el 1 de marzo"], q="y en santa marta?",
         stat="since", who="t", p="Tomate chonto", where="city:Santa Marta", day="2025-03-01"),
    dict(prev=["cual es la verdura mas barata en bazurto esta semana"], q="y la fruta?", stat="ranking",
         who="t", m=CTG, grupo=GF, order="cheapest"),
    dict(prev=["¿Qué producto subió más en Surabastos esta semana?"], q="¿Y cuál bajó más?", stat="movers",
         who="j", m=NEI, grupo=None, direction="down"),
    dict(prev=["precio del lulo en neiva"], q="¿y cuál ha sido el más alto este año?", stat="max", who="r",
         p="Lulo", where="city:Neiva", per=Y(2025)),
    dict(prev=["cuantos productos hay en bazurto hoy"], q="y en santa marta cuantos?", stat="count_products", who="t",
         m="city:Santa Marta"),
    dict(prev=["Promedio 2024 de la panela cuadrada morena en Popayán"], q="¿Y la mediana?", stat="median",
         who="a", p="Panela cuadrada morena", where="city:Popayán", per=Y(2024)),
    # ---- clarify
    dict(q="cuando estuvo mas cara la papa en ipiales este año", stat="max", who="f", expect="clarify",
         family_word=("papa", "Ipiales (Nariño), Ipiales somos todos")),
    dict(q="el mes mas barato del queso en monteria?", stat="season", who="t", expect="clarify",
         family_word=("queso", "Montería, Mercado del Sur")),
    dict(q="¿Cuál ha sido el precio promedio del fríjol en Sincelejo este año?", stat="mean", who="r",
         expect="clarify", family_word=("frijol", "Sincelejo, Nuevo Mercado")),
    dict(q="el mango en tunja cuanto ha subido desde marzo", stat="since", who="f", expect="clarify",
         family_word=("mango", "Tunja, Complejo de Servicios del Sur")),
    dict(q="¿Cuánto ha subido la cebolla cabezona blanca en Girardot desde el 1 de marzo?", stat="since",
         who="j", expect="clarify", unknown_place="Girardot"),
    dict(q="precio mas alto de la papa criolla limpia en fusagasuga este año", stat="max", who="f",
         expect="clarify", unknown_place="Fusagasugá"),
    dict(q="¿Qué pescado está más barato en el mercado de Quibdó?", stat="ranking", who="r", expect="clarify",
         unknown_place="Quibdó"),
    dict(q="¿Cómo se comportó la mora de castilla en El Potrerillo durante la temporada de cosecha?",
         stat="mean", who="a", expect="clarify"),
    dict(q="la yuca criolla en sincelejo cuanto bajo en la temporada pasada", stat="change_periods", who="t",
         expect="clarify"),
    # ---- no_numbers
    dict(q="cuanto estaba el arroz de primera en cartagena en el 2015", stat="mean",
         who="t", expect="no_numbers", why="year before 2017"),
    dict(q="¿Cuál fue el precio promedio de la panela cuadrada morena en Popayán en 2014?", stat="mean",
         who="j", expect="no_numbers", why="year before 2017"),
    dict(q="¿Cuánto ha subido el aceite de girasol en el D1 este mes?", stat="change_periods", who="r",
         expect="no_numbers", why="retail"),
    dict(q="a como esta el cuy en pasto, ha subido mucho este año?", stat="change_periods", who="f",
         expect="no_numbers", why="not tracked"),
    dict(q="el mamoncillo en bazurto ta mas caro q hace un año?", stat="yoy", who="t", expect="no_numbers",
         why="not tracked"),
    dict(q="Precio promedio al detal del tomate de árbol en las tiendas de barrio de Ibagué este año",
         stat="mean", who="r", expect="no_numbers", why="retail"),
    dict(q="chontaduro en popayan, cual es el mes mas barato?", stat="season", who="f", expect="no_numbers",
         why="not tracked"),
    dict(q="¿Cuál fue la inflación de alimentos del IPC en septiembre según el DANE?", stat="change_periods",
         who="a", expect="no_numbers", why="out of scope"),
    dict(q="hola! q mas, gracias por los datos de ayer", stat="none", who="t", expect="no_numbers",
         why="greeting"),
]


# --------------------------------------------------------------------------------------------- build

def family_options(word: str, market: str) -> list[str]:
    last = D.df[(D.df.market == market) & (D.df.week == D.latest)]
    return sorted(p for p in set(last["product"]) if L.fold(p).split()[0] == word)


def label(item: dict) -> tuple[str, list[dict], list[str]]:
    expect = item.get("expect", "answer")
    stat = item["stat"]
    if expect == "clarify":
        if "family_word" in item:
            word, market = item["family_word"]
            opts = family_options(word, market)
            log(f"    clarify options in {market}: {opts}")
            assert len(opts) >= 2, opts
        if "unknown_place" in item:
            place = L.fold(item["unknown_place"])
            names = {L.fold(c) for c in D.cities.values()} | {L.fold(m) for m in D.cities}
            assert not any(place in n for n in names), place
        return expect, [], []
    if expect == "no_numbers":
        return expect, [], []
    forbid: list[str] = []
    p = item.get("p")
    item = dict(item)
    for k in ("per", "a", "b"):
        if isinstance(item.get(k), tuple):
            item[k] = P(item[k])
    if stat in ("max", "min", "mean", "median"):
        m = resolve(p, item["where"], item["per"])
        vals = {"max": lambda: st_extreme(p, m, item["per"], "max"),
                "min": lambda: st_extreme(p, m, item["per"], "min"),
                "mean": lambda: st_mean(p, m, item["per"]),
                "median": lambda: st_median(p, m, item["per"])}[stat]()
    elif stat == "change_weeks":
        m = resolve(p, item["where"])
        vals = st_change_days(p, m, item["a"], item["b"])
    elif stat == "change_periods":
        m = resolve(p, item["where"], item["a"])
        resolve(p, item["where"], item["b"])
        vals = st_change_periods(p, m, item["a"], item["b"])
    elif stat == "since":
        m = resolve(p, item["where"])
        vals = st_since(p, m, item["day"])
    elif stat == "yoy":
        m = resolve(p, item["where"])
        vals = st_yoy(p, m)
    elif stat == "season":
        m = resolve(p, item["where"])
        vals = st_season(p, m, item["which"])
    elif stat == "epoca":
        m = resolve(p, item["where"])
        vals = st_epoca(p, m)
    elif stat == "ranking":
        m = market_of(item["m"])
        vals = st_ranking(m, item["grupo"], item["order"], item.get("week"))
    elif stat == "movers":
        m = market_of(item["m"]) if item["m"] else None
        vals = st_movers(m, item["grupo"], item["direction"], item.get("a"), item.get("b"),
                         item.get("national", False))
    elif stat == "count_markets":
        vals = st_count_markets(p, item.get("per"))
    elif stat == "count_products":
        vals = st_count_products(market_of(item["m"]))
    elif stat == "trade_unit":
        m = resolve(p, item["where"])
        vals, forbid = st_trade(p, m, item["tu"], item.get("kilos"))
    else:
        raise ValueError(stat)
    return expect, vals, forbid


def market_of(where: str) -> str:
    kind, _, name = where.partition(":")
    if kind == "market":
        return name
    main = dict(L.MAIN).get(name)
    if main:
        return main
    cands = [mk for mk, c in D.cities.items() if c == name
             and not D.df[(D.df.market == mk) & (D.df.week == D.latest)].empty]
    assert len(cands) == 1, (name, cands)
    return cands[0]


def main() -> None:
    global CHECK
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    CHECK = ap.parse_args().check
    load()
    assert D.latest == "2025-10-25", D.latest
    if CHECK:
        import csv
        pc = {r["name"]: r["group"] for r in csv.DictReader(open(L.ROOT / "data" / "vocab" / "products.csv"))}
        log("group differences CSV vs products.csv:",
            {p: (g, pc.get(p)) for p, g in GRUPO.items() if pc.get(p) and pc.get(p) != g})
    records = []
    for i, item in enumerate(QUESTIONS, 1):
        rid = f"b12a-{i:03d}"
        log(f"{rid} [{item['stat']}] {item['q']}")
        expect, values, forbid = label(item)
        tags = [SET, item["stat"], {"j": "periodista", "r": "restaurante", "f": "campesino", "t": "tendero",
                                    "a": "analista"}[item["who"]]]
        if item.get("prev"):
            tags.append("followup")
        if expect != "answer":
            tags.append(expect)
        rec = {"id": rid, "q": item["q"], "prev": item.get("prev", []), "family": "analytics", "expect": expect,
               "values": values, "forbid": forbid, "tags": tags}
        log("    -> " + json.dumps(values, ensure_ascii=False) + (f" forbid={forbid}" if forbid else ""))
        records.append(rec)
    assert len({r["q"] for r in records}) == len(records), "duplicate question text"
    with open(OUT, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} records to {OUT}")


if __name__ == "__main__":
    main()
