"""Blind lookup set `blind13-lookup`: 160 questions labelled straight from the raw SIPSA weekly CSV, following
tests/questions/LABELS.md.  Reuses only `Data` (CSV spellings -> canonical names) and `MAIN` from
tools/label_questions.py.

    nice -n 19 /work/main/.venv/bin/python /work/blind/lookup13/label_lookup13.py

Writes /work/blind/lookup13/lookups13.jsonl (deterministic: no randomness, fixed order).
Every question is checked against the data (asserts) so that its label does not depend on a point the
contract leaves open (see the notes at the end of this file).
"""
from __future__ import annotations

import calendar
import json
import sys
import unicodedata
from pathlib import Path

import pandas as pd

sys.path.insert(0, "/work/main/tools")
import label_questions as L  # noqa: E402

OUT = Path(__file__).resolve().parent / "lookups13.jsonl"
SET = "blind13-lookup"
LATEST = "2025-10-25"
TRADE_KG = {"libra": 0.5, "arroba": 12.5, "bulto": 50.0}
BULTO_OK = ("Papa", "Cebolla cabezona", "Zanahoria", "Yuca", "Arracacha", "Arroz", "Fríjol", "Maíz", "Lenteja",
            "Garbanzo", "Arveja seca", "Azúcar")

d = L.Data(L.CSV)
assert d.latest == LATEST, d.latest
MAIN = dict(L.MAIN)
WEEKS = (pd.read_csv(L.CSV, usecols=["semana_inicio", "semana_fin"]).drop_duplicates()
         .sort_values("semana_inicio").reset_index(drop=True))
ALL_PRODUCTS = sorted(set(pd.read_csv(L.ROOT / "data" / "vocab" / "products.csv")["name"]))


def fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s.lower()) if unicodedata.category(c) != "Mn")


# ---------------------------------------------------------------- resolution helpers (with safety asserts)
def market_of(product: str, place: str) -> str:
    """place: 'm:<market>' | 'c:<city or town>' | '' (no place)."""
    if place.startswith("m:"):
        m = place[2:]
    elif place.startswith("c:"):
        city = place[2:]
        if city in MAIN:
            m = MAIN[city]  # we only use cities whose main market prices the product in the newest week
        else:
            cands = [mk for mk, c in d.cities.items() if c == city and d.latest_price(product, mk)
                     and d.latest_price(product, mk)[0] == LATEST]
            assert len(cands) == 1, (product, city, cands)
            m = cands[0]
    else:
        assert d.product_week[product] == LATEST, product
        m = d.default_market(product)
        assert m in MAIN.values(), (product, m)
    assert (product, m) not in d.conflicted, (product, m)
    return m


def current(product: str, market: str) -> tuple[str, float]:
    lp = d.latest_price(product, market)
    assert lp is not None and lp[0] == LATEST, (product, market, lp)  # priced in the newest week: no open point
    return lp


def week_of_day(product: str, market: str, day: str) -> tuple[str, float]:
    hold = WEEKS[(WEEKS.semana_inicio <= day) & (WEEKS.semana_fin >= day)]
    assert len(hold) == 1, (day, hold)  # the day lies in exactly one week of the table
    w = hold.iloc[0].semana_inicio
    p = d.week_price(product, market, w)
    assert p is not None, (product, market, day, w)  # the series has a price that very week
    return w, p


def period_bounds(period: str) -> tuple[str, str]:
    if "Q" in period:  # 2025Q1
        y, q = int(period[:4]), int(period[-1])
        m1, m3 = 3 * q - 2, 3 * q
        return f"{y}-{m1:02d}-01", f"{y}-{m3:02d}-{calendar.monthrange(y, m3)[1]:02d}"
    if len(period) == 4:
        return f"{period}-01-01", f"{period}-12-31"
    y, m = int(period[:4]), int(period[5:7])
    return f"{period}-01", f"{period}-{calendar.monthrange(y, m)[1]:02d}"


def period_mean(product: str, market: str, period: str, min_weeks: int) -> float:
    a, b = period_bounds(period)
    w = d.window(product, market, a, b)
    assert len(w) >= min_weeks, (product, market, period, len(w))
    return float(w["price"].mean())


def kinds(word: str, market: str) -> list[str]:
    """Products whose first word is `word`, priced in `market` in the newest week."""
    fw = fold(word)
    out = []
    for p in ALL_PRODUCTS:
        if fold(p).replace(",", " ").split()[0] == fw:
            lp = d.latest_price(p, market)
            if lp and lp[0] == LATEST:
                out.append(p)
    return out


def recent(product: str, market: str, weeks: int = 8) -> bool:
    wk = sorted(d.df["week"].unique())[-weeks:]
    s = d.series(product, market)
    return bool((s["week"].isin(wk)).any())


# ---------------------------------------------------------------- record builders
RECORDS: list[dict] = []


def rec(q, expect="answer", values=(), prev=(), forbid=(), tags=()):
    RECORDS.append({"id": f"b13l-{len(RECORDS) + 1:03d}", "q": q, "prev": list(prev), "family": "lookup",
                    "expect": expect, "values": list(values), "forbid": list(forbid), "tags": [SET, *tags]})


def pv(value, market, date=None, **extra):
    v = {"kind": "price", "value": value, "market": market}
    if date:
        v["date"] = date
    v.update(extra)
    return v


def D(q, product, place, tags=(), prev=(), direct=True):
    """A plain current-price question (direct=False for follow-ups)."""
    m = market_of(product, place)
    w, p = current(product, m)
    kind = "market" if place.startswith("m:") else "city" if place.startswith("c:") else "noplace"
    rec(q, values=[pv(p, m, w)], prev=prev, tags=(["direct"] if direct else []) + [kind, *tags])


def FAM1(q, word, product, place, tags=()):
    """Family word with exactly one kind priced in that market in the newest week -> that kind."""
    m = market_of(product, place)
    assert kinds(word, m) == [product], (word, m, kinds(word, m))
    w, p = current(product, m)
    rec(q, values=[pv(p, m, w)], tags=["direct", "family_one_kind", *tags])


def U(q, product, place, tags=()):
    """A usual name (papa criolla, cebolla larga, ...) priced where asked."""
    m = market_of(product, place)
    w, p = current(product, m)
    rec(q, values=[pv(p, m, w)], tags=["direct", "usual_name", *tags])


def T(q, product, place, unit, tags=(), prev=(), direct=True):
    """Current price asked per libra / arroba / bulto."""
    m = market_of(product, place)
    w, p = current(product, m)
    unit_kind = L.units(L.ROOT / "data" / "vocab" / "products.csv").get(product, "kg")
    vals, forbid, extra = [pv(p, m, w)], [], []
    if unit_kind in ("unidad", "litro"):
        forbid, extra = ["trade_price"], ["own_unit"]
    elif unit == "bulto" and not product.startswith(BULTO_OK):
        forbid, extra = ["trade_price"], ["bulto_other"]
    else:
        vals.append({"kind": "trade_price", "value": p * TRADE_KG[unit], "unit": unit, "market": m, "date": w})
    rec(q, values=vals, prev=prev, forbid=forbid,
        tags=(["direct"] if direct else []) + ["trade_unit", unit, *extra, *tags])


def K(q, product, place, unit):
    """Eggs/oils per kilo: their own unit's price, no trade price."""
    m = market_of(product, place)
    assert L.units(L.ROOT / "data" / "vocab" / "products.csv").get(product) in ("unidad", "litro")
    w, p = current(product, m)
    rec(q, values=[pv(p, m, w)], forbid=["trade_price"], tags=["direct", "own_unit", unit])


def DAY(q, product, place, day, tags=(), prev=()):
    m = market_of_period(product, place)
    w, p = week_of_day(product, m, day)
    rec(q, values=[pv(p, m, w)], prev=prev, tags=["past_week", *tags])


def PER(q, product, place, period, tags=(), prev=()):
    m = market_of_period(product, place)
    kind = "quarter" if "Q" in period else "year" if len(period) == 4 else "month"
    mean = period_mean(product, m, period, {"month": 3, "quarter": 8, "year": 30}[kind])
    rec(q, values=[pv(mean, m)], prev=prev, tags=["past_" + kind, *tags])


def market_of_period(product, place):
    m = market_of(product, place) if not place == "" else d.default_market(product)
    if place.startswith("c:") and place[2:] in MAIN:
        assert m == MAIN[place[2:]]
        current(product, m)  # the main market prices it now too: "the main market lacks it" cannot arise
    return m


def CMP(q, product, m1, m2, order, tags=()):
    """order: 'cheap' (which is cheaper?) or 'dear' (which is dearer?) -> that market first."""
    a, b = market_of(product, m1), market_of(product, m2)
    (wa, pa), (wb, pb) = current(product, a), current(product, b)
    assert abs(pa - pb) > 1, (product, pa, pb)  # no tie
    vals = sorted([pv(pa, a, wa), pv(pb, b, wb)], key=lambda v: v["value"], reverse=(order == "dear"))
    rec(q, values=vals, tags=["compare", "compare_" + order, *tags])


def CL(q, tags, prev=()):
    rec(q, expect="clarify", prev=prev, tags=["clarify", *tags])


def NN(q, tags, prev=()):
    rec(q, expect="no_numbers", prev=prev, tags=["no_numbers", *tags])


def CLFAM(q, word, market, tags=()):
    ks = kinds(word, market)
    assert len(ks) >= 2, (word, market, ks)
    assert not any(fold(p) == fold(word) and recent(p, market) for p in ALL_PRODUCTS), word
    CL(q, ["family_word", *tags])


FAILS: list = []


def _guard(f):
    def g(*a, **k):
        try:
            return f(*a, **k)
        except AssertionError as e:
            FAILS.append((a[0], e))
            RECORDS.append(None)
    return g


D, FAM1, U, T, K, DAY, PER, CMP, CLFAM = map(_guard, (D, FAM1, U, T, K, DAY, PER, CMP, CLFAM))

M = lambda s: "m:" + s  # noqa: E731
C = lambda s: "c:" + s  # noqa: E731

# ================================================================ DIRECT: market named
D("buenas, a como esta el kilo de tomate de arbol en Mercasa?", "Tomate de árbol", M("Pereira, Mercasa"))
D("precio del lulo en Surabastos", "Lulo", M("Neiva, Surabastos"))
D("Cuánto vale hoy la mora de castilla en Centroabastos", "Mora de Castilla", M("Bucaramanga, Centroabastos"))
D("cuanto esta el maracuya en mercar", "Maracuyá", M("Armenia, Mercar"))
D("Bazurto: precio del ñame espino hoy", "Ñame espino", M("Cartagena, Bazurto"))
D("qué precio tiene la yuca criolla en barranquillita", "Yuca criolla", M("Barranquilla, Barranquillita"))
D("cuanto vale el pimenton en granabastos", "Pimentón", M("Barranquilla, Granabastos"))
D("me regala el precio de la papa capira en El Potrerillo por favor", "Papa capira", M("Pasto, El Potrerillo"))
D("precio actual de la granadilla en la plaza la 21", "Granadilla", M("Ibagué, Plaza La 21"))
D("cuanto esta la guanabana en la Mayorista de Medellin", "Guanábana",
  M("Medellín, Central Mayorista de Antioquia"))
D("a como el kilo de ahuyama en mercabastos", "Ahuyama", M("Valledupar, Mercabastos"))
D("buenos dias, el queso costeño en el Nuevo Mercado de Sincelejo a como esta", "Queso costeño",
  M("Sincelejo, Nuevo Mercado"))
D("precio del bocachico criollo fresco en el mercado del sur de monteria", "Bocachico criollo fresco",
  M("Montería, Mercado del Sur"))
D("cuánto cuesta la papa suprema en santa elena cali", "Papa suprema", M("Cali, Santa Elena"))
D("Tunja complejo de servicios del sur, cuanto la arracacha amarilla", "Arracacha amarilla",
  M("Tunja, Complejo de Servicios del Sur"))
D("la trucha en corte mariposa en la plaza del barrio bolivar popayan?", "Trucha en corte mariposa",
  M("Popayán, Plaza de mercado del barrio Bolívar"))
D("Precio de la cachama de cultivo en la Nueva Sexta", "Cachama de cultivo fresca", M("Cúcuta, La Nueva Sexta"))
D("cuanto esta la cebolla junca berlin en mercabastos valledupar", "Cebolla junca Berlín",
  M("Valledupar, Mercabastos"))
D("a como esta el limon mandarino en la 41 de pereira", "Limón mandarino", M("Pereira, La 41-Impala"))
D("precio papaya maradol ipiales somos todos", "Papaya Maradol", M("Ipiales (Nariño), Ipiales somos todos"))
D("cuanto cuesta la uchuva con cascara en corabastos", "Uchuva con cáscara", M("Bogotá, D.C., Corabastos"),
  tags=["bogota"])
D("Paloquemao: a como está el queso doble crema?", "Queso doble crema", M("Bogotá, D.C., Paloquemao"),
  tags=["bogota"])
D("cuanto vale la pechuga de pollo en el frigorifico guadalupe", "Pechuga de pollo",
  M("Bogotá, D.C., Frigorífico Guadalupe"), tags=["bogota"])
D("precio de la lenteja importada en plaza españa bogota", "Lenteja importada", M("Bogotá, D.C., Plaza España"),
  tags=["bogota"])
D("hola! sera q me dice el precio del mango de azucar en la central mayorista de antioquia",
  "Mango de azúcar", M("Medellín, Central Mayorista de Antioquia"))
D("cuanto vale la sierra entera congelada en la galeria alameda de cali", "Sierra entera congelada",
  M("Cali, Galería Alameda"))
D("a como esta la carne de res, cadera en frigorificos de bucaramanga", "Carne de res, cadera",
  M("Bucaramanga, Frigoríficos"))
D("valor kg cidra la minorista de medellin", "Cidra", M("Medellín, Plaza Minorista \"José María Villa\""))
D("Mercaplaza Duitama: haba verde precio", "Haba verde", M("Duitama (Boyacá), Mercaplaza"))
D("cuanto vale la uva isabela en coomproriente tibasosa", "Uva Isabela", M("Tibasosa (Boyacá), Coomproriente"))
D("precio de la panela cuadrada morena en los mercados del centro de bucaramanga", "Panela cuadrada morena",
  M("Bucaramanga, Mercados del centro"))

# ================================================================ DIRECT: city or town named
D("Neiva, precio de la pitahaya?", "Pitahaya", C("Neiva"))
D("precio del tomate chonto en sincelejo", "Tomate chonto", C("Sincelejo"))
D("cuanto cuesta el kilo de platano harton verde en monteria", "Plátano hartón verde", C("Montería"))
D("Buenas tardes. Quisiera conocer el precio mayorista del arroz de primera en Montería.", "Arroz de primera",
  C("Montería"))
D("q precio tiene la papaya tainung en cartagena", "Papaya tainung", C("Cartagena"))
D("precio d la guanabana en cucuta", "Guanábana", C("Cúcuta"))
D("a como esta la arracacha blanca en pereira", "Arracacha blanca", C("Pereira"))
D("a como esta la trucha en corte mariposa en manizales?", "Trucha en corte mariposa", C("Manizales"))
D("cuanto vale la yuca chirosa en ibague", "Yuca chirosa", C("Ibagué"))
D("a como esta el ñame diamante en valledupar?", "Ñame diamante", C("Valledupar"))
D("precio de la piña manzana en popayan", "Piña manzana", C("Popayán"))
D("cuanto esta el ulluco en ipiales", "Ulluco", C("Ipiales"))
D("cuanto vale el kilo de brevas en medellin", "Breva", C("Medellín"))
D("en cali a como esta la mandarina oneco", "Mandarina Oneco", C("Cali"))
D("cuanto esta la papa sabanera en bogota", "Papa sabanera", C("Bogotá"), tags=["bogota"])
D("a como esta el pargo rojo platero en santa marta", "Pargo rojo platero", C("Santa Marta"))
D("cuanto vale la cachama en yopal? la cachama de cultivo fresca", "Cachama de cultivo fresca", C("Yopal"))
D("precio del bagre rayado entero fresco en arauca", "Bagre rayado entero fresco", C("Arauca"))
D("a como esta el queso campesino en florencia caqueta", "Queso campesino", C("Florencia"))
D("cuanto cuesta la pera nacional en chiquinquira", "Pera nacional", C("Chiquinquirá"))
D("precio del tomate riogrande en socorro santander", "Tomate Riogrande", C("Socorro"))
D("a como esta la remolacha regional en pamplona", "Remolacha regional", C("Pamplona"))
D("buenas, precio del langostino 16-20 en buenaventura", "Langostino 16-20", C("Buenaventura"))
D("cuanto esta la papa nevada en cartago", "Papa nevada", C("Cartago"))
D("cuanto vale el fríjol calima en tulua", "Fríjol calima", C("Tuluá"))
D("la guayaba manzana en rionegro a como esta", "Guayaba manzana", C("Rionegro"))
D("cuanto esta el tomate chonto regional en la ceja", "Tomate chonto regional", C("La Ceja"))
D("precio del frijol verde cargamanto en sonson", "Fríjol verde cargamanto", C("Sonsón"))
D("cuanto vale la zanahoria larga vida en el santuario antioquia", "Zanahoria larga vida", C("El Santuario"))
D("precio de la cebolla cabezona blanca pastusa en tuquerres", "Cebolla cabezona blanca pastusa", C("Túquerres"))
D("panela redonda morena en yolombo cuanto vale", "Panela redonda morena", C("Yolombó"))
D("precio de la panela en pastilla en villeta", "Panela en pastilla", C("Villeta"))
D("cuanto esta la zanahoria en cucuta", "Zanahoria", C("Cúcuta"), tags=["whole_name"])

# ================================================================ DIRECT: no place
D("precio del ñame espino", "Ñame espino", "")
D("cuanto vale la yuca criolla", "Yuca criolla", "")
D("a como esta el frijol zaragoza?", "Fríjol Zaragoza", "")
D("precio de la guayaba atlantico", "Guayaba Atlántico", "")
D("cuanto cuesta el tomate riogrande bumangues", "Tomate Riogrande bumangués", "")
D("valor de la papa capira hoy", "Papa capira", "")

# ================================================================ DIRECT: usual names / family words with one kind
U("cuanto esta la papa criolla en neiva", "Papa criolla limpia", C("Neiva"))
U("precio de la papa pastusa en centroabastos", "Papa parda pastusa", M("Bucaramanga, Centroabastos"))
U("a como esta la cebolla larga en manizales", "Cebolla junca", C("Manizales"))
U("frijol cargamanto en cartago cuanto vale", "Fríjol cargamanto rojo", C("Cartago"))
U("cuanto cuesta la arveja verde en surabastos", "Arveja verde en vaina", M("Neiva, Surabastos"))
U("precio del frijol verde en la galeria de manizales", "Fríjol verde en vaina", M("Manizales, Centro Galerías"))
U("platano harton en cenabastos cuanto?", "Plátano hartón verde", M("Cúcuta, Cenabastos"))
FAM1("cuanto esta el mango en la ceja antioquia", "mango", "Mango Tommy", C("La Ceja"))
FAM1("a como esta el limon en rionegro", "limon", "Limón Tahití", C("Rionegro"))
FAM1("precio del queso en barranquillita", "queso", "Queso costeño", M("Barranquilla, Barranquillita"))
FAM1("cuanto vale la papa en socorro", "papa", "Papa parda pastusa", C("Socorro"))
FAM1("a como esta la remolacha en palmira", "remolacha", "Remolacha bogotana", C("Palmira"),
     tags=["whole_name_unpriced"])
assert not recent("Remolacha", "Palmira (Valle del Cauca)")

# ================================================================ DIRECT: trade units
T("cuanto vale la libra de ajo en pamplona", "Ajo", C("Pamplona"), "libra")
T("a como esta la libra de cilantro en bazurto", "Cilantro", M("Cartagena, Bazurto"), "libra")
T("precio de la libra de carne de res, lomo fino en pasto", "Carne de res, lomo fino", C("Pasto"), "libra")
T("cuanto la libra de pechuga de pollo en monteria", "Pechuga de pollo", C("Montería"), "libra")
T("la arroba de lulo en pasto a como esta", "Lulo", C("Pasto"), "arroba")
T("cuanto vale la arroba de mora de castilla en san gil", "Mora de Castilla", C("San Gil"), "arroba")
T("precio por arroba del queso costeño en sincelejo", "Queso costeño", C("Sincelejo"), "arroba")
T("cuanto cuesta el bulto de zanahoria en pamplona", "Zanahoria", C("Pamplona"), "bulto")
T("a como esta el bulto de arroz de primera en el mercado del sur de monteria", "Arroz de primera",
  M("Montería, Mercado del Sur"), "bulto")
T("bulto de cebolla cabezona blanca en cartago, cuanto?", "Cebolla cabezona blanca", C("Cartago"), "bulto")
T("precio del bulto de maiz blanco trillado en sincelejo", "Maíz blanco trillado", C("Sincelejo"), "bulto")
T("cuanto vale un bulto de papa parda pastusa en chiquinquira", "Papa parda pastusa", C("Chiquinquirá"), "bulto")
T("el bulto de tomate de arbol en popayan cuanto sale", "Tomate de árbol", C("Popayán"), "bulto")
T("cuanto me vale un bulto de cebolla junca en rionegro", "Cebolla junca", C("Rionegro"), "bulto")
K("a como esta el kilo de huevo rojo AA en ibague", "Huevo rojo AA", C("Ibagué"), "kilo")
K("cuanto vale la arroba de aceite vegetal mezcla en tulua", "Aceite vegetal mezcla", C("Tuluá"), "arroba")

# ================================================================ PAST: a day / a week
DAY("cuanto valia la cebolla junca en manizales el 12 de marzo de 2025", "Cebolla junca", C("Manizales"),
    "2025-03-12")
DAY("precio del lulo en surabastos el 5 de junio de 2024", "Lulo", M("Neiva, Surabastos"), "2024-06-05")
DAY("a como estuvo la papa parda pastusa en centroabastos la semana del 4 de octubre de 2025", "Papa parda pastusa",
    M("Bucaramanga, Centroabastos"), "2025-10-04")
DAY("cuanto costaba el tomate de arbol en mercar el 20 de agosto de 2025", "Tomate de árbol",
    M("Armenia, Mercar"), "2025-08-20")
DAY("precio de la yuca criolla en barranquillita el 14 de febrero de 2023", "Yuca criolla",
    M("Barranquilla, Barranquillita"), "2023-02-14")
DAY("la zanahoria en tunja el 10 de julio de 2018, cuanto valia?", "Zanahoria", C("Tunja"), "2018-07-10")
DAY("cuanto valia el queso costeño en sincelejo el 3 de septiembre de 2025", "Queso costeño", C("Sincelejo"),
    "2025-09-03")
DAY("precio del aguacate hass en la mayorista de medellin el 22 de abril de 2025", "Aguacate Hass",
    M("Medellín, Central Mayorista de Antioquia"), "2025-04-22")
DAY("a como estaba la mora de castilla en pasto el 1 de diciembre de 2022", "Mora de Castilla", C("Pasto"),
    "2022-12-01")
DAY("cuanto costaba la papa criolla limpia en corabastos el 18 de enero de 2017", "Papa criolla limpia",
    M("Bogotá, D.C., Corabastos"), "2017-01-18", tags=["bogota"])
DAY("precio del platano harton verde en villavicencio el 15 de octubre de 2025", "Plátano hartón verde",
    C("Villavicencio"), "2025-10-15")

# ================================================================ PAST: month / quarter / year (mean)
PER("a como estuvo el tomate chonto en valledupar en julio de 2025", "Tomate chonto", C("Valledupar"), "2025-07")
PER("cuanto valio la papa capira en pasto en marzo del 2024", "Papa capira", C("Pasto"), "2024-03")
PER("precio de la granadilla en ibague en septiembre", "Granadilla", C("Ibagué"), "2025-09")
PER("el pepino cohombro en cucuta como estuvo en enero", "Pepino cohombro", C("Cúcuta"), "2025-01")
PER("cuanto costo la cebolla cabezona roja en bazurto en noviembre de 2023", "Cebolla cabezona roja",
    M("Cartagena, Bazurto"), "2023-11")
PER("precio del fríjol cargamanto rojo en la mayorista en junio de 2022", "Fríjol cargamanto rojo",
    M("Medellín, Central Mayorista de Antioquia"), "2022-06")
PER("a como estuvo la naranja valencia en corabastos en febrero de 2018", "Naranja Valencia",
    M("Bogotá, D.C., Corabastos"), "2018-02", tags=["bogota"])
PER("precio de la habichuela en el primer trimestre de 2025 en popayan", "Habichuela", C("Popayán"), "2025Q1")
PER("cuanto estuvo la zanahoria bogotana en mercasa en el tercer trimestre de 2024", "Zanahoria bogotana",
    M("Pereira, Mercasa"), "2024Q3")
PER("a como estuvo el banano criollo en armenia el segundo trimestre del 2023", "Banano criollo", C("Armenia"),
    "2023Q2")
PER("precio de la mora de castilla en bucaramanga en 2023", "Mora de Castilla", C("Bucaramanga"), "2023")
PER("cuanto valio la papa superior en tunja en 2022", "Papa superior", C("Tunja"), "2022")
PER("a como estuvo el tomate de arbol en villavicencio el año pasado", "Tomate de árbol", C("Villavicencio"),
    "2024")
PER("cuanto ha estado la yuca llanera en villavicencio este año", "Yuca llanera", C("Villavicencio"), "2025")

# ================================================================ COMPARE two markets (newest week)
CMP("donde esta mas barato el tomate de arbol, en mercasa o en mercar?", "Tomate de árbol",
    M("Pereira, Mercasa"), M("Armenia, Mercar"), "cheap")
CMP("la papa criolla limpia esta mas cara en tunja o en duitama?", "Papa criolla limpia", C("Tunja"), C("Duitama"), "dear")
CMP("donde sale mas barata la papaya maradol, en cavasa o en palmira?", "Papaya Maradol", M("Cali, Cavasa"),
    C("Palmira"), "cheap")
CMP("pimenton: barranquillita vs granabastos, cual sale mas barato?", "Pimentón",
    M("Barranquilla, Barranquillita"), M("Barranquilla, Granabastos"), "cheap")
CMP("en que lado esta mas barata la mora de castilla, neiva o ibague", "Mora de Castilla", C("Neiva"), C("Ibagué"), "cheap")
CMP("queso costeño en monteria vs sincelejo, donde esta mas caro?", "Queso costeño", C("Montería"),
    C("Sincelejo"), "dear")
CMP("la cebolla junca aquitania esta mas barata en chiquinquira o en san gil?", "Cebolla junca Aquitania",
    C("Chiquinquirá"), C("San Gil"), "cheap")
CMP("en donde esta mas caro el aguacate hass: rionegro o la ceja?", "Aguacate Hass", C("Rionegro"),
    C("La Ceja"), "dear")

# ================================================================ FOLLOW-UPS
D("y en chiquinquira?", "Papa parda pastusa", C("Chiquinquirá"), prev=["cuanto vale la papa parda pastusa en yopal"],
  tags=["followup"], direct=False)
T("y el bulto?", "Yuca criolla", C("Sincelejo"), "bulto", prev=["cuanto esta el kilo de yuca criolla en sincelejo"],
  tags=["followup"], direct=False)
PER("y en agosto como estuvo?", "Lulo", C("Neiva"), "2025-08", prev=["precio del lulo en neiva"], tags=["followup"])
D("la criolla", "Papa criolla limpia", C("Sonsón"), prev=["a como esta la papa en sonson"],
  tags=["followup", "after_clarify"], direct=False)
D("y la guayaba pera?", "Guayaba pera", M("Pereira, La 41-Impala"),
  prev=["a como esta el limon mandarino en la 41 de pereira"], tags=["followup"], direct=False)
DAY("y el 2 de agosto de 2025?", "Ahuyama", M("Valledupar, Mercabastos"), "2025-08-02",
    prev=["a como el kilo de ahuyama en mercabastos"], tags=["followup"])

# ================================================================ CLARIFY
CLFAM("a como esta la papa en sonson", "papa", "Sonsón (Antioquia)")
CLFAM("precio de la uva en tuquerres", "uva", "Túquerres (Nariño)")
CLFAM("cuanto vale el mango en duitama", "mango", "Duitama (Boyacá), Mercaplaza")
CLFAM("a como esta el queso en palmira?", "queso", "Palmira (Valle del Cauca)")
CLFAM("cuanto esta el platano en mercasa", "platano", "Pereira, Mercasa")
CLFAM("precio de la cebolla en palmira", "cebolla", "Palmira (Valle del Cauca)")
CLFAM("limon en cavasa a como?", "limon", "Cali, Cavasa")
CLFAM("buenas, a como esta la naranja en tunja", "naranja", "Tunja, Complejo de Servicios del Sur",
      tags=["whole_name_unpriced"])
CL("cuanto esta la papa criolla en la union", ["shared_town"])
CL("precio del tomate de arbol en La Unión?", ["shared_town"])
CL("a como esta el tomate chonto en riohacha", ["unknown_place"])
CL("cuanto vale el lulo en quibdo", ["unknown_place"])

# ================================================================ NO NUMBERS
NN("buenas tardes", ["greeting"])
NN("como se usa este bot? q le puedo preguntar", ["help"])
NN("listo, mil gracias parce", ["thanks"])
NN("a como esta la libra de zanahoria en el D1", ["retail"])
NN("cuanto vale el aguacate hass en la tienda de la esquina", ["retail"])
NN("precio al detal del tomate chonto en neiva", ["retail"])
NN("a como esta el chontaduro en cali", ["untracked"])
NN("cuanto cuesta la quinua en pasto", ["untracked"])
NN("cuanto valia la papa parda pastusa en corabastos en 2014", ["before_2017"])
NN("precio de la panela cuadrada morena en 2027", ["future_year"])
NN("a como esta el dolar hoy?", ["out_of_scope"])

# ---------------------------------------------------------------- sanity and output
for f in FAILS:
    print("FAIL", f)
assert not FAILS
assert "Unión" not in "".join(MAIN)  # La Unión is not a main-market city
assert not any(fold(c) in ("riohacha", "quibdo") for c in set(d.cities.values()))
assert len(RECORDS) == 160, len(RECORDS)
bog = sum(1 for r in RECORDS if any(v.get("market", "").startswith("Bogotá") for v in r["values"]))
assert bog <= 24, bog
OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8")
print("wrote", OUT, len(RECORDS), "bogota", bog)
