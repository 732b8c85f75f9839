"""Blind held-out LOOKUP question set "blind9-lookup" for SIPSABot -> lookups9.jsonl (ids b9l-001 ...).

Written by a QA engineer who did NOT read the router, the bot's code, its tests nor any other question set.
Sources read: tests/questions/LABELS.md (the spec), tools/label_questions.py (only its `Data` class and the MAIN
city -> market list are reused), data/vocab/{products,markets}.csv, and the raw table
../shared/sipsa/series/semanal_precios_2017-2025.csv.gz. Every expected value is computed here with pandas from
that CSV (through `Data`, which maps source spellings to canonical names and drops rows with price <= 0 and
product x market x week keys that appear twice); nothing is guessed. Items whose value cannot be computed are
dropped and printed.

    .venv/bin/python tools/labellers/label_blind9_lookup.py

Rules followed (LABELS.md), TODAY pinned to 2025-11-03, newest week 2025-10-25:
- A market named -> that market; a city -> its MAIN market (only cities whose main market priced the product in
  the week asked are used, so the "fallback market" rule is never exercised); no place -> the first MAIN market
  that priced the product in its newest week (only products whose default is a MAIN market).
- "ahora/hoy/no period" -> the newest week of the series; every current-price item here is priced 2025-10-25.
- A day -> the week holding it (semana_inicio <= day <= semana_fin). "hace N días" = TODAY - N days.
- A month / quarter / year asked plainly -> `price` = mean of the weekly prices of the weeks starting in it, no
  date. A month named without a year = its most recent occurrence before TODAY.
- Change between two days -> each day's week price (closest earlier priced week, at most 4 weeks back), two
  `price` with date + `change_pct`; between months/years -> `change_pct` of the two means (means not listed);
  from a date to now -> week holding the date vs the newest week of the series.
- Cheapest / priciest market this week -> among all markets pricing the product in 2025-10-25 (or among the
  markets named / the Bogotá markets when the question says so); `price` with the market to be named first.
  Items with a tie are dropped.
- Trade units: libra 0.5, arroba 12.5, N kilos = N kg, bulto 50 only for Papa/Cebolla cabezona/Zanahoria/Yuca/
  Arracacha/Arroz/Fríjol/Maíz/Lenteja/Garbanzo/Arveja seca/Azúcar; other bultos -> per-kg `price` only with
  forbid trade_price; eggs (unidad) / oils (litro) per kilo etc. -> own-unit price, forbid trade_price.
  `trade_price` values carry `unit` (libra | arroba | bulto | kilos).
- clarify on a family word only when >= 2 kinds (canonical names starting with the word) are priced in that
  place in 2025-10-25; "options" lists them (only when <= 8). Places that are neither markets nor cities nor
  departments -> clarify (no options). Retail, untracked foods, years < 2017 or > 2025, small talk -> no_numbers.
Interpretations / avoided cases:
- "hace N semanas": LABELS.md only fixes "la semana pasada" by example, so two readings exist (the week holding
  TODAY - 7N days, or one week earlier). Such items are used only for series whose price is identical in both
  candidate weeks; `dates` lists both weeks (each equally right). Same trick for "hace un año" (week holding
  TODAY - 365 days vs the week starting 364 days before the newest week).
- "hace N meses" is always accompanied by the month's name in the text ("hace 3 meses, en agosto") and labelled
  as that month's mean.
- Not used: "la semana pasada", series with duplicate rows (Data.conflicted), products whose name is a prefix of
  another kind priced in the same place (e.g. "patilla" vs "patilla baby"), departments as places, ties.
- A follow-up ("prev") inherits product / place / period from the earlier message of the chat.

First run (`sipsabot eval --tag blind9-lookup --verbose`, once, at commit 848b376, after the fixes from the
blind6-8 lookup sets and the blind6-7 analytics sets, before any fix from this one): 97.6% exact (166/170), 100.0%
on direct price questions (78/78), 0.6% confidently wrong (1/170). Misses: "limón en Armenia" answered as Limón
Tahití (the colloquial default) where the label asks which limón; "hace 2 meses o sea en septiembre" and
"en Cavasa y Santa Elena" asked back; "listo y esa misma en Cali q?" not carried over. No label was changed.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from label_questions import CSV, MAIN, Data, fold  # noqa: E402

HERE = Path(__file__).resolve().parent
OUT = Path(__file__).resolve().parents[2] / "tests" / "questions" / "blind" / "blind9-lookup.jsonl"
TODAY = dt.date(2025, 11, 3)
NEWEST = "2025-10-25"
TAG = "blind9-lookup"
MAINM = dict(MAIN)

C = "Bogotá, D.C., Corabastos"; PQ = "Bogotá, D.C., Paloquemao"; LF = "Bogotá, D.C., Plaza Las Flores"
MED = "Medellín, Central Mayorista de Antioquia"; MIN = 'Medellín, Plaza Minorista "José María Villa"'
CAV = "Cali, Cavasa"; SE = "Cali, Santa Elena"; BQ = "Barranquilla, Barranquillita"
GRA = "Barranquilla, Granabastos"; BUC = "Bucaramanga, Centroabastos"; CUC = "Cúcuta, Cenabastos"
PER = "Pereira, Mercasa"; ARM = "Armenia, Mercar"; MAN = "Manizales, Centro Galerías"; IBA = "Ibagué, Plaza La 21"
NEI = "Neiva, Surabastos"; PAS = "Pasto, El Potrerillo"; VIL = "Villavicencio, CAV"
TUN = "Tunja, Complejo de Servicios del Sur"; VAL = "Valledupar, Mercabastos"; MON = "Montería, Mercado del Sur"
CAR = "Cartagena, Bazurto"; SIN = "Sincelejo, Nuevo Mercado"; POP = "Popayán, Plaza de mercado del barrio Bolívar"
IPI = "Ipiales (Nariño), Ipiales somos todos"; SMR = "Santa Marta (Magdalena)"; DUI = "Duitama (Boyacá), Mercaplaza"
YOP = "Yopal (Casanare)"; FLO = "Florencia (Caquetá)"; TUL = "Tuluá (Valle del Cauca)"; RIO = "Rionegro (Antioquia)"

BULTO_OK = ("papa", "cebolla cabezona", "zanahoria", "yuca", "arracacha", "arroz", "frijol", "maiz", "lenteja",
            "garbanzo", "arveja seca", "azucar")
KG = {"libra": 0.5, "arroba": 12.5, "bulto": 50.0}


class Skip(Exception):
    pass


d = Data(CSV)
df = d.df
last = df[df["week"] == NEWEST]
records: list[dict] = []
dropped: list[tuple[str, str]] = []


def v(kind, value, market=None, date=None, **extra):
    out = {"kind": kind, "value": round(float(value), 4) if kind != "change_pct" else round(float(value), 1)}
    if market:
        out["market"] = market
    if date:
        out["date"] = date
    out.update(extra)
    return out


def place(product: str, where: str | None, week: str | None = None) -> str:
    """where: None | 'm:<market>' | 'c:<city>'. Checks the product is priced there (in `week` if given)."""
    if where is None:
        m = d.default_market(product)
        if m not in MAINM.values():
            raise Skip(f"default market of {product} is not a MAIN market")
    elif where.startswith("c:"):
        m = MAINM[where[2:]]
    else:
        m = where[2:]
    if (product, m) in d.conflicted:
        raise Skip(f"duplicate rows {product} @ {m}")
    s = d.series(product, m)
    if s.empty:
        raise Skip(f"{product} never priced @ {m}")
    if week and d.week_price(product, m, week) is None:
        raise Skip(f"{product} not priced @ {m} in {week}")
    # prefix trap: another kind whose name extends this one priced there in the newest week
    here = set(last.loc[last["market"] == m, "product"])
    for other in here:
        if other != product and fold(other).startswith(fold(product) + " "):
            raise Skip(f"{product} is a prefix of {other} @ {m}")
    return m


def now(product, m):
    wk, p = d.latest_price(product, m)
    if wk != NEWEST:
        raise Skip(f"{product} @ {m} newest week {wk}")
    return wk, p


def day_week(product, m, day: str, back: int = 0):
    """Week holding `day`; with back>0 the closest earlier priced week within `back` weeks."""
    s = d.series(product, m)
    hold = df.loc[(df["week"] <= day) & (df["week_end"] >= day), "week"]
    if hold.empty:
        raise Skip(f"no week holds {day}")
    wk = hold.iloc[0]
    for k in range(back + 1):
        w = (dt.date.fromisoformat(wk) - dt.timedelta(days=7 * k)).isoformat()
        p = d.week_price(product, m, w)
        if p is not None:
            return w, p
    raise Skip(f"{product} @ {m} not priced around {day}")


def period_mean(product, m, start, end):
    p = d.period_mean(product, m, start, end)
    if p is None:
        raise Skip(f"{product} @ {m} no weeks {start}..{end}")
    return p


def month_range(y, mo):
    end = dt.date(y + (mo == 12), mo % 12 + 1, 1) - dt.timedelta(days=1)
    return f"{y}-{mo:02d}-01", end.isoformat()


def add(q, expect="answer", values=None, *, tags=(), prev=None, forbid=None, options=None):
    rec = {"id": None, "q": q, "prev": list(prev or []), "family": "lookup", "expect": expect,
           "values": values or [], "forbid": list(forbid or []), "tags": [TAG, *tags]}
    if options is not None:
        rec["options"] = options
    records.append(rec)


def safe(q, fn):
    try:
        fn()
    except Skip as e:
        dropped.append((q, str(e)))


# ---------------------------------------------------------------------------------------------- builders
def CUR(q, product, where=None, prev=None):
    def f():
        m = place(product, where, NEWEST)
        wk, p = now(product, m)
        add(q, values=[v("price", p, m, wk)], tags=["direct"] if not prev else ["followup"], prev=prev)
    safe(q, f)


def DAY(q, product, where, day, prev=None):
    def f():
        m = place(product, where)
        wk, p = day_week(product, m, day)
        add(q, values=[v("price", p, m, wk)], tags=["date"] + (["followup"] if prev else []), prev=prev)
    safe(q, f)


def DAYS_AGO(q, product, where, n):
    DAY(q, product, where, (TODAY - dt.timedelta(days=n)).isoformat())
    if records and records[-1]["q"] == q:
        records[-1]["tags"] = [TAG, "days_ago"]


def SAME2(q, product, where, day_a, day_b, tag):
    """Two readings of a relative week: label only if both weeks carry the same price."""
    def f():
        m = place(product, where)
        wa, pa = day_week(product, m, day_a)
        wb, pb = day_week(product, m, day_b)
        if abs(pa - pb) > 0.5:
            raise Skip(f"readings differ {wa}={pa} {wb}={pb}")
        ws = sorted({wa, wb})
        add(q, values=[v("price", pa, m, ws[-1], dates=ws)], tags=[tag])
    safe(q, f)


def PERIOD(q, product, where, start, end, tag, prev=None):
    def f():
        m = place(product, where)
        p = period_mean(product, m, start, end)
        add(q, values=[v("price", p, m)], tags=[tag] + (["followup"] if prev else []), prev=prev)
    safe(q, f)


def MONTH(q, product, where, y, mo, prev=None):
    PERIOD(q, product, where, *month_range(y, mo), "month", prev=prev)


def QUARTER(q, product, where, y, qn):
    a, _ = month_range(y, 3 * qn - 2)
    _, b = month_range(y, 3 * qn)
    PERIOD(q, product, where, a, b, "quarter")


def YEAR(q, product, where, y):
    PERIOD(q, product, where, f"{y}-01-01", f"{y}-12-31", "year")


def COMPARE(q, product, wheres):
    def f():
        vals = []
        for w in wheres:
            m = place(product, w, NEWEST)
            wk, p = now(product, m)
            vals.append(v("price", p, m, wk))
        if len({x["market"] for x in vals}) != len(vals):
            raise Skip("same market twice")
        add(q, values=vals, tags=["compare"])
    safe(q, f)


def EXTREME(q, product, which, among=None, prefix=None):
    def f():
        rows = d.across(product, NEWEST)
        rows = rows[[(product, m) not in d.conflicted for m in rows["market"]]]
        if among:
            rows = rows[rows["market"].isin(among)]
            if len(rows) != len(among):
                raise Skip("a named market lacks the product")
        if prefix:
            rows = rows[rows["market"].str.startswith(prefix)]
        if len(rows) < 2:
            raise Skip("fewer than 2 markets")
        rows = rows.sort_values("price")
        pick = rows.iloc[0] if which == "min" else rows.iloc[-1]
        if (abs(rows["price"] - pick["price"]) <= 0.5).sum() > 1:
            raise Skip("tie")
        add(q, values=[v("price", pick["price"], pick["market"], NEWEST)], tags=["cheapest" if which == "min"
                                                                                else "priciest"])
    safe(q, f)


def CHANGE_DAYS(q, product, where, day_a, day_b):
    def f():
        m = place(product, where)
        wa, pa = day_week(product, m, day_a, back=4)
        wb, pb = day_week(product, m, day_b, back=4)
        add(q, values=[v("price", pa, m, wa), v("price", pb, m, wb), v("change_pct", (pb / pa - 1) * 100)],
            tags=["change"])
    safe(q, f)


def CHANGE_PERIODS(q, product, where, a, b):
    def f():
        m = place(product, where)
        pa = period_mean(product, m, *a)
        pb = period_mean(product, m, *b)
        add(q, values=[v("change_pct", (pb / pa - 1) * 100, m)], tags=["change"])
    safe(q, f)


def SINCE(q, product, where, day):
    def f():
        m = place(product, where)
        wa, pa = day_week(product, m, day)
        wb, pb = d.latest_price(product, m)
        if wb != NEWEST:
            raise Skip("series not current")
        add(q, values=[v("price", pa, m, wa), v("price", pb, m, wb), v("change_pct", (pb / pa - 1) * 100)],
            tags=["change", "since"])
    safe(q, f)


def TRADE(q, product, where, unit, n=None, prev=None):
    def f():
        m = place(product, where, NEWEST)
        wk, p = now(product, m)
        u = d.units[product]
        vals = [v("price", p, m, wk)]
        forbid = []
        if u != "kg":
            forbid = ["trade_price"]
        elif unit == "bulto" and not fold(product).startswith(BULTO_OK):
            forbid = ["trade_price"]
        elif unit == "bulto" and fold(product).startswith("arveja") and "seca" not in fold(product):
            forbid = ["trade_price"]
        else:
            kg = n if unit == "kilos" else KG[unit]
            vals.append(v("trade_price", p * kg, m, wk, unit=unit))
        add(q, values=vals, forbid=forbid, tags=["trade", unit] + (["followup"] if prev else []), prev=prev)
    safe(q, f)


def FAMILY(q, word, where):
    def f():
        m = MAINM[where[2:]] if where.startswith("c:") else where[2:]
        kinds = sorted(p for p in set(last.loc[last["market"] == m, "product"]) if fold(p).startswith(word + " "))
        if len(kinds) < 2:
            raise Skip(f"{word}: {len(kinds)} kinds @ {m}")
        add(q, "clarify", options=kinds if len(kinds) <= 8 else None, tags=["clarify", "family"])
    safe(q, f)


def CLARIFY_PLACE(q):
    add(q, "clarify", tags=["clarify", "unknown_place"])


def NONUM(q, why):
    add(q, "no_numbers", tags=["no_numbers", why])


# ---------------------------------------------------------------------------------------------- the questions
# plain current prices ("direct")
CUR("a como esta la papa pastusa en corabastos", "Papa parda pastusa", "m:" + C)
CUR("cuanto vale el kilo de tomate chonto en abastos hoy", "Tomate chonto", "m:" + C)
CUR("precio zanahoria corabastos", "Zanahoria", "m:" + C)
CUR("Buenas! el repollo verde en Corabastos en cuanto va?", "Repollo verde", "m:" + C)
CUR("q precio tiene el queso campesino en paloquemao", "Queso campesino", "m:" + PQ)
CUR("cuanto vale la sobrebarriga en paloquemao", "Carne de res, sobrebarriga", "m:" + PQ)
CUR("a como el arroz de primera en paloquemao", "Arroz de primera", "m:" + PQ)
CUR("cuanto esta la costilla de cerdo en las flores", "Carne de cerdo, costilla", "m:" + LF)
CUR("precio del pollo entero fresco en la plaza las flores bogota", "Pollo entero fresco sin vísceras", "m:" + LF)
CUR("bagre rayado entero fresco plaza las flores precio x kilo", "Bagre rayado entero fresco", "m:" + LF)
CUR("mora de castilla en la mayorista de medellin", "Mora de Castilla", "m:" + MED)
CUR("cuanto vale el frijol cargamanto rojo en la central mayorista", "Fríjol cargamanto rojo", "m:" + MED)
CUR("aguacate hass en medellin cuanto", "Aguacate Hass", "c:Medellín")
CUR("cuanto cuesta el platano harton verde en la minorista de medellin", "Plátano hartón verde", "m:" + MIN)
CUR("tocino barriga en la plaza minorista jose maria villa", "Carne de cerdo, tocino barriga", "m:" + MIN)
CUR("a como esta la lechuga batavia en cavasa", "Lechuga Batavia", "m:" + CAV)
CUR("precio tomate de arbol cali", "Tomate de árbol", "c:Cali")
CUR("cuanto esta la uva isabela en santa elena de cali", "Uva Isabela", "m:" + SE)
CUR("mandarina arrayana en cavasa ahorita", "Mandarina Arrayana", "m:" + CAV)
CUR("queso costeño en barranquillita a cuanto", "Queso costeño", "m:" + BQ)
CUR("la berenjena en barranquilla como esta", "Berenjena", "c:Barranquilla")
CUR("yuca criolla granabastos precio", "Yuca criolla", "m:" + GRA)
CUR("platano verde en cartagena cuanto vale el kilo", "Plátano hartón verde", "c:Cartagena")
CUR("a como esta el queso costeño en bazurto", "Queso costeño", "m:" + CAR)
CUR("mojarra lora fresca en el mercado del sur de monteria", "Mojarra lora entera fresca", "m:" + MON)
CUR("bocachico criollo fresco monteria precio", "Bocachico criollo fresco", "c:Montería")
CUR("limon comun en valledupar", "Limón común", "c:Valledupar")
CUR("cebolla junca berlin mercabastos", "Cebolla junca Berlín", "m:" + VAL)
CUR("Centroabastos tomate riñon precio", "Tomate riñón", "m:" + BUC)
CUR("a como ta la papa unica en bucaramanga", "Papa única", "c:Bucaramanga")
CUR("cuanto vale la naranja valencia en centroabastos", "Naranja Valencia", "m:" + BUC)
CUR("Cenabastos mandarina comun", "Mandarina común", "m:" + CUC)
CUR("cuanto esta la papa superior en cucuta hoy", "Papa superior", "c:Cúcuta")
CUR("precio del lomo fino de res en cenabastos", "Carne de res, lomo fino", "m:" + CUC)
CUR("pereira mercasa papa capira", "Papa capira", "m:" + PER)
CUR("cuanto vale el mango tommy en pereira", "Mango Tommy", "c:Pereira")
CUR("mercar armenia platano harton maduro??", "Plátano hartón maduro", "m:" + ARM)
CUR("el kilo de granadilla en armenia a como", "Granadilla", "c:Armenia")
CUR("precio de la guayaba agria en manizales", "Guayaba agria", "m:" + MAN)
CUR("arracacha blanca galerias manizales", "Arracacha blanca", "m:" + MAN)
CUR("plaza la 21 ibague, limon mandarino?", "Limón mandarino", "m:" + IBA)
CUR("cuanto vale la yuca chirosa en ibague", "Yuca chirosa", "c:Ibagué")
CUR("surabastos maracuya huilense cuanto", "Maracuyá huilense", "m:" + NEI)
CUR("precio papa criolla limpia en neiva", "Papa criolla limpia", "c:Neiva")
CUR("el potrerillo papa capira a como la tienen", "Papa capira", "m:" + PAS)
CUR("cuanto esta la papa morasurco en pasto", "Papa Morasurco", "c:Pasto")
CUR("zanahoria en ipiales x kg", "Zanahoria", "c:Ipiales")
CUR("villavicencio borojo precio", "Borojó", "c:Villavicencio")
CUR("cuanto vale la yuca llanera en el CAV de villavo", "Yuca llanera", "m:" + VIL)
CUR("tunja papa tocarreña q precio", "Papa tocarreña", "c:Tunja")
CUR("precio de la papa betina en el complejo de servicios del sur", "Papa Betina", "m:" + TUN)
CUR("a como esta el lulo en popayan", "Lulo", "c:Popayán")
CUR("queso caqueta en la plaza del barrio bolivar en popayan", "Queso Caquetá", "m:" + POP)
CUR("nuevo mercado sincelejo queso costeño precio de hoy", "Queso costeño", "m:" + SIN)
CUR("tilapia roja fresca en sincelejo", "Tilapia roja entera fresca", "c:Sincelejo")
CUR("a como esta el aguacate hass", "Aguacate Hass")
CUR("precio de la mora", "Mora de Castilla")
CUR("cuanto vale la cebolla junca aquitania", "Cebolla junca Aquitania")
CUR("precio del tomate de arbol hoy", "Tomate de árbol")
CUR("Fresa a cuanto esta el kilo", "Fresa")
CUR("cuanto vale la pechuga de pollo", "Pechuga de pollo")
CUR("punta de anca precio mayorista", "Carne de res, punta de anca")
CUR("cuanto cuesta la panela pulverizada", "Panela pulverizada")
CUR("aceite de palma a como esta", "Aceite de palma")
CUR("en cuanto esta la trucha entera fresca", "Trucha entera fresca")
CUR("a como anda el kilo de gulupa", "Gulupa")
CUR("precio de la habichuela en corabastos porfa", "Habichuela", "m:" + C)
CUR("ola buen dia, a como esta el pepino cohombro en la mayorista de medellin?", "Pepino cohombro", "m:" + MED)
CUR("huevo rojo AA en corabastos a como va la unidad", "Huevo rojo AA", "m:" + C)
CUR("me regala el precio del chocolo en la mayorista", "Chócolo mazorca", "m:" + MED)
CUR("cuanto vale el kilo d pimenton en cenabastos", "Pimentón", "m:" + CUC)
CUR("guanabana en el potrerillo", "Guanábana", "m:" + PAS)
CUR("carne molida en paloquemao cuanto esta", "Carne de res molida, murillo", "m:" + PQ)
CUR("azucar refinada en surabastos neiva", "Azúcar refinada", "m:" + NEI)
CUR("haba verde precio en el mercado de duitama", "Haba verde", "m:" + DUI)
CUR("la sierra congelada entera en santa marta q vale el kilo", "Sierra entera congelada", "m:" + SMR)
CUR("platano harton verde en yopal precio", "Plátano hartón verde", "m:" + YOP)
CUR("cachama de cultivo en florencia caqueta", "Cachama de cultivo fresca", "m:" + FLO)

# a day / a week / a month / quarter / year
DAY("a como estaba la papa criolla limpia en corabastos el 15 de marzo de 2024", "Papa criolla limpia", "m:" + C,
    "2024-03-15")
DAY("la semana del 5 de agosto de 2023 cuanto valia la cebolla cabezona blanca en barranquillita",
    "Cebolla cabezona blanca", "m:" + BQ, "2023-08-05")
DAY("cuanto costaba el aguacate hass en la mayorista el 24 de diciembre del 2022", "Aguacate Hass", "m:" + MED,
    "2022-12-24")
DAY("pa un reportaje: precio de la yuca llanera en villavicencio el 1 de mayo de 2021", "Yuca llanera",
    "c:Villavicencio", "2021-05-01")
DAY("limon tahiti cavasa 10/06/2025", "Limón Tahití", "m:" + CAV, "2025-06-10")
DAY("papa pastusa en mercar el 3 de septiembre de 2018", "Papa parda pastusa", "m:" + ARM, "2018-09-03")
DAY("precio de la zanahoria en tunja el primero de octubre", "Zanahoria", "c:Tunja", "2025-10-01")
DAYS_AGO("hace 10 dias a como estaba la papa unica en corabastos", "Papa única", "m:" + C, 10)
DAYS_AGO("el platano harton verde en la minorista hace 20 dias cuanto valia", "Plátano hartón verde", "m:" + MIN, 20)
DAYS_AGO("hace 30 dias cuanto estaba la lechuga batavia en cavasa", "Lechuga Batavia", "m:" + CAV, 30)
MONTH("a como estuvo la papa criolla limpia en corabastos en marzo", "Papa criolla limpia", "m:" + C, 2025, 3)
MONTH("cuanto valio en promedio el tomate de arbol en la mayorista de medellin en junio de 2024", "Tomate de árbol",
      "m:" + MED, 2024, 6)
MONTH("hace como 3 meses, en agosto, a como estaba el mango tommy en tunja?", "Mango Tommy", "c:Tunja", 2025, 8)
MONTH("el arroz de primera en bazurto hace 2 meses o sea en septiembre cuanto", "Arroz de primera", "m:" + CAR,
      2025, 9)
QUARTER("precio promedio de la lenteja importada en centroabastos el primer trimestre de 2024", "Lenteja importada",
        "m:" + BUC, 2024, 1)
QUARTER("cuanto valia la tilapia roja fresca en sincelejo en el segundo trimestre del 2025",
        "Tilapia roja entera fresca", "c:Sincelejo", 2025, 2)
YEAR("a como estuvo el frijol cargamanto rojo en la mayorista en 2022", "Fríjol cargamanto rojo", "m:" + MED, 2022)
YEAR("precio de la panela cuadrada morena en corabastos durante el 2017", "Panela cuadrada morena", "m:" + C, 2017)
YEAR("este año a como ha estado en promedio la papa superior en ibague", "Papa superior", "c:Ibagué", 2025)
YEAR("y el año pasado cuanto estuvo la arveja verde en vaina en cucuta en promedio", "Arveja verde en vaina",
     "c:Cúcuta", 2024)

# "hace N semanas" / "hace un año": only where both readings give the same price
SAME2("hace 2 semanas a como estaba la lenteja importada en mercasa", "Lenteja importada", "m:" + PER,
      "2025-10-20", "2025-10-13", "weeks_ago")
SAME2("queso campesino en ibague hace dos semanas", "Queso campesino", "c:Ibagué",
      "2025-10-20", "2025-10-13", "weeks_ago")
SAME2("hace tres semanas cuanto costaba la pechuga de pollo en la mayorista", "Pechuga de pollo", "m:" + MED,
      "2025-10-13", "2025-10-06", "weeks_ago")
SAME2("la fresa en manizales hace 4 semanas a cuanto estaba", "Fresa", "c:Manizales",
      "2025-10-06", "2025-09-29", "weeks_ago")
SAME2("mojarra lora fresca en sincelejo hace un año que precio tenia", "Mojarra lora entera fresca", "c:Sincelejo",
      "2024-11-03", "2024-10-26", "year_ago")

# a product in two or three places
COMPARE("papa criolla limpia en corabastos vs la mayorista de medellin", "Papa criolla limpia", ["m:" + C, "m:" + MED])
COMPARE("tomate de arbol: bogota, medellin y cali, cuanto en cada una?", "Tomate de árbol",
        ["c:Bogotá", "c:Medellín", "c:Cali"])
COMPARE("mora de castilla en pereira y armenia", "Mora de Castilla", ["c:Pereira", "c:Armenia"])
COMPARE("queso costeño barranquillita, bazurto y el nuevo mercado de sincelejo", "Queso costeño",
        ["m:" + BQ, "m:" + CAR, "m:" + SIN])
COMPARE("cebolla cabezona blanca en bucaramanga y cucuta cual esta mas cara", "Cebolla cabezona blanca",
        ["c:Bucaramanga", "c:Cúcuta"])
COMPARE("precio del limon tahiti en cavasa y santa elena", "Limón Tahití", ["m:" + CAV, "m:" + SE])

# cheapest / priciest market this week
EXTREME("donde esta mas barata la papa criolla limpia esta semana", "Papa criolla limpia", "min")
EXTREME("en que mercado esta mas caro el tomate chonto hoy", "Tomate chonto", "max")
EXTREME("cual es la central mas barata pa comprar zanahoria", "Zanahoria", "min")
EXTREME("mercado mas economico para la mojarra lora fresca", "Mojarra lora entera fresca", "min")
EXTREME("en que plaza de bogota esta mas barato el pollo entero fresco", "Pollo entero fresco sin vísceras", "min",
        prefix="Bogotá, D.C.,")
EXTREME("entre corabastos, paloquemao y las flores donde esta mas caro el queso doble crema",
        "Queso doble crema", "max", among=[C, PQ, LF])

# changes
CHANGE_DAYS("cuanto subio la papa pastusa en corabastos entre el 1 de agosto y el 1 de octubre de 2025",
            "Papa parda pastusa", "m:" + C, "2025-08-01", "2025-10-01")
CHANGE_DAYS("entre el 5 de mayo y el 5 de septiembre de 2022 cuanto cambio el arroz de primera en barranquillita",
            "Arroz de primera", "m:" + BQ, "2022-05-05", "2022-09-05")
CHANGE_PERIODS("cuanto cambio el precio del limon tahiti en la mayorista de septiembre a octubre", "Limón Tahití",
               "m:" + MED, month_range(2025, 9), month_range(2025, 10))
CHANGE_PERIODS("arroz de primera barranquillita 2023 vs 2024 cuanto subio", "Arroz de primera", "m:" + BQ,
               ("2023-01-01", "2023-12-31"), ("2024-01-01", "2024-12-31"))
CHANGE_PERIODS("el huevo rojo A en surabastos subio o bajo del 2022 al 2023?", "Huevo rojo A", "m:" + NEI,
               ("2022-01-01", "2022-12-31"), ("2023-01-01", "2023-12-31"))
SINCE("cuanto ha subido el huevo rojo AA en corabastos desde el 1 de enero de 2025", "Huevo rojo AA", "m:" + C,
      "2025-01-01")
SINCE("desde el 15 de julio 2025 cuanto ha cambiado la papa unica en bucaramanga", "Papa única", "c:Bucaramanga",
      "2025-07-15")
SINCE("el lomo de cerdo sin hueso en la mayorista frente al 1 de marzo de 2025 como va",
      "Carne de cerdo, lomo sin hueso",
      "m:" + MED, "2025-03-01")

# follow-ups
CUR("listo y esa misma en cali q?", "Papa criolla limpia", "c:Cali", prev=["a como esta la papa criolla limpia en corabastos"])
CUR("y la tilapia roja fresca?", "Tilapia roja entera fresca", "c:Cartagena",
    prev=["cuanto vale la mojarra lora fresca en cartagena"])
CUR("y ese mismo queso en paloquemao cuanto", "Queso cuajada", "m:" + PQ, prev=["precio del queso cuajada en las flores"])
DAY("y el 1 de julio de este año?", "Tomate chonto", "m:" + C, "2025-07-01",
    prev=["precio del tomate chonto en corabastos"])
TRADE("vale y la arroba entonces cuanto sale", "Zanahoria", "m:" + C, "arroba", prev=["zanahoria en corabastos cuanto vale"])
MONTH("y en abril?", "Fresa", "m:" + MED, 2025, 4, prev=["a como estuvo la fresa en la mayorista en marzo"])
CUR("y el banano criollo", "Banano criollo", "m:" + MED, prev=["cuanto esta el platano guineo en la central mayorista"])

# trade units
TRADE("cuanto vale la arroba de papa pastusa en corabastos", "Papa parda pastusa", "m:" + C, "arroba")
TRADE("bulto de papa capira en pasto a como sale", "Papa capira", "c:Pasto", "bulto")
TRADE("libra de lomo fino en medellin", "Carne de res, lomo fino", "c:Medellín", "libra")
TRADE("a como sale el bulto de zanahoria en tunja", "Zanahoria", "c:Tunja", "bulto")
TRADE("bulto de naranja valencia en centroabastos cuanto", "Naranja Valencia", "m:" + BUC, "bulto")
TRADE("si compro 5 kilos de fresa en la mayorista cuanto pago", "Fresa", "m:" + MED, "kilos", n=5)
TRADE("cuanto vale el kilo de huevo rojo AA en paloquemao", "Huevo rojo AA", "m:" + PQ, "kilo")
TRADE("la arroba de aceite vegetal mezcla en barranquillita", "Aceite vegetal mezcla", "m:" + BQ, "arroba")
TRADE("bulto de frijol cargamanto rojo en la central mayorista de antioquia", "Fríjol cargamanto rojo", "m:" + MED,
      "bulto")
TRADE("cuanto me sale un bulto de cebolla cabezona blanca en corabastos", "Cebolla cabezona blanca", "m:" + C,
      "bulto")
TRADE("un bulto de cebolla junca berlin en valledupar?", "Cebolla junca Berlín", "c:Valledupar", "bulto")
TRADE("10 kilos de limon tahiti en cavasa cuanto serian", "Limón Tahití", "m:" + CAV, "kilos", n=10)
TRADE("bulto de azucar refinada en el CAV villavicencio", "Azúcar refinada", "m:" + VIL, "bulto")
TRADE("el bulto de aguacate hass en corabastos a como sale", "Aguacate Hass", "m:" + C, "bulto")

# family words -> ask back
FAMILY("oiga a como esta la papa alla en tunja", "papa", "c:Tunja")
FAMILY("precio del frijol en corabastos", "frijol", "m:" + C)
FAMILY("cuanto vale el mango en pereira", "mango", "c:Pereira")
FAMILY("queso en paloquemao?", "queso", "m:" + PQ)
FAMILY("limon en armenia a como", "limon", "c:Armenia")
FAMILY("platano en la mayorista de medellin", "platano", "m:" + MED)
FAMILY("aguacate bucaramanga precio", "aguacate", "c:Bucaramanga")
FAMILY("cuanto esta la guayaba en barranquillita", "guayaba", "m:" + BQ)
FAMILY("carne de res en cucuta", "carne de res", "c:Cúcuta")
FAMILY("a como el huevo en manizales", "huevo", "c:Manizales")
FAMILY("maiz en el mercado del sur de monteria", "maiz", "m:" + MON)
FAMILY("la cebolla en mercabastos cuanto", "cebolla", "m:" + VAL)

# places that are not SIPSA markets or cities
CLARIFY_PLACE("precio de la papa criolla limpia en leticia")
CLARIFY_PLACE("cuanto vale el platano harton verde en quibdo")
CLARIFY_PLACE("a como esta el tomate chonto en la plaza de zipaquira")

# no figures
NONUM("cuanto vale la libra de arroz en el D1", "retail")
NONUM("precio del huevo rojo AA en la tienda de la esquina", "retail")
NONUM("a como venden al detal el tomate chonto en el exito de cali", "retail")
NONUM("precio de la papa pastusa en corabastos en 2014", "before_2017")
NONUM("cuanto va a valer la cebolla junca en 2027", "future")
NONUM("chontaduro en la galeria de cali a como lo dan", "untracked")
NONUM("precio del salchichon en la mayorista de medellin", "untracked")
NONUM("a como esta la cholupa en neiva", "untracked")
NONUM("champiñon por kilo en corabastos precio porfa", "untracked")
NONUM("buenas tardes parce, todo bien?", "small_talk")
NONUM("listo mil gracias x la info", "small_talk")

# ---------------------------------------------------------------------------------------------- write
for i, r in enumerate(records, 1):
    r["id"] = f"b9l-{i:03d}"
with open(OUT, "w", encoding="utf-8") as fh:
    for r in records:
        fh.write(json.dumps(r, ensure_ascii=False) + "\n")
from collections import Counter
print("by expect", dict(Counter(r["expect"] for r in records)))
print("by tag", dict(Counter(t for r in records for t in r["tags"])))
print("written", len(records), "dropped", len(dropped))
for q, why in dropped:
    print("DROPPED:", q, "->", why)
