"""Blind set `blind11-lookup`: 170 LOOKUP questions for SIPSABot, labelled from the raw weekly CSV.

    nice -n 19 /work/main/.venv/bin/python /work/blind/lookup11/label_lookup11.py

Expected values are computed here with pandas straight from
/work/shared/sipsa/series/semanal_precios_2017-2025.csv.gz, following /work/main/tests/questions/LABELS.md.
Only the `Data` class (CSV spellings -> canonical names), `MAIN`, and small date helpers are reused from
/work/main/tools/label_questions.py. Every question is written by hand below; the script checks each one
(product priced where/when asked, family ambiguity, unambiguous place resolution) and fails loudly otherwise.
Output: /work/blind/lookup11/lookups11.jsonl (deterministic: fixed order, no randomness).
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, "/work/main/tools")
from label_questions import CSV, MAIN, TODAY, Data, fold, shift_months, week_of  # noqa: E402

OUT = Path(__file__).resolve().parent / "lookups11.jsonl"
SET = "blind11-lookup"
LATEST = "2025-10-25"
MAIN_OF = dict(MAIN)

CORA = "Bogotá, D.C., Corabastos"
PALO = "Bogotá, D.C., Paloquemao"
ESPANA = "Bogotá, D.C., Plaza España"
GUADA = "Bogotá, D.C., Frigorífico Guadalupe"
CMA = "Medellín, Central Mayorista de Antioquia"
MINO = 'Medellín, Plaza Minorista "José María Villa"'
CAVASA = "Cali, Cavasa"
SELENA = "Cali, Santa Elena"
ALAMEDA = "Cali, Galería Alameda"
BQUITA = "Barranquilla, Barranquillita"
GRANA = "Barranquilla, Granabastos"
CENTRO = "Bucaramanga, Centroabastos"
BGA_CENTRO = "Bucaramanga, Mercados del centro"
CENA = "Cúcuta, Cenabastos"
SEXTA = "Cúcuta, La Nueva Sexta"
MERCASA = "Pereira, Mercasa"
LA41 = "Pereira, La 41-Impala"
MERCAR = "Armenia, Mercar"
GALERIAS = "Manizales, Centro Galerías"
LA21 = "Ibagué, Plaza La 21"
SURA = "Neiva, Surabastos"
POTRE = "Pasto, El Potrerillo"
CAV = "Villavicencio, CAV"
TUNJA = "Tunja, Complejo de Servicios del Sur"
MERCAB = "Valledupar, Mercabastos"
MSUR = "Montería, Mercado del Sur"
BAZURTO = "Cartagena, Bazurto"
SINCE = "Sincelejo, Nuevo Mercado"
POPA = "Popayán, Plaza de mercado del barrio Bolívar"
IPIALES = "Ipiales (Nariño), Ipiales somos todos"

# ---------------------------------------------------------------------------------------------------------------
# The questions. `where`: "m:<market>" (a market named), "c:<city>" (a city named), "none" (no place).
# kinds: now | trade | nokg | fam1 | day | rel | period | cmp | clarify_fam | clarify_place | nonum
# ---------------------------------------------------------------------------------------------------------------

Q: list[dict[str, Any]] = []


def now(q: str, p: str, where: str, **kw: Any) -> None:
    Q.append({"q": q, "kind": "now", "p": p, "where": where, **kw})


# A. current price, market named -------------------------------------------------------------------------------
now("buenas, a como esta la papa pastusa en corabastos?", "Papa parda pastusa", f"m:{CORA}")
now("cuanto vale el kilo de mora de castilla en la central mayorista de antioquia", "Mora de Castilla", f"m:{CMA}")
now("arracacha amarilla en cavasa q precio tiene", "Arracacha amarilla", f"m:{CAVASA}")
now("Habichuela en Surabastos, a cómo la están pagando?", "Habichuela", f"m:{SURA}")
now("a cuanto esta la ahuyama en bazurto", "Ahuyama", f"m:{BAZURTO}")
now("ñame espino bazurto precio", "Ñame espino", f"m:{BAZURTO}")
now("Cebolla junca Berlín en Barranquillita", "Cebolla junca Berlín", f"m:{BQUITA}")
now("valor del tomate riogrande bumangues en barranquillita hoy", "Tomate Riogrande bumangués", f"m:{BQUITA}")
now("cuanto esta la yuca criolla en mercabastos", "Yuca criolla", f"m:{MERCAB}")
now("lulo en el potrerillo", "Lulo", f"m:{POTRE}")
now("Buenos días. ¿Me regala el precio de la papa Morasurco en El Potrerillo?", "Papa Morasurco", f"m:{POTRE}")
now("ulluco en la plaza del barrio bolivar popayan", "Ulluco", f"m:{POPA}")
now("granadilla en mercar armenia", "Granadilla", f"m:{MERCAR}")
now("platano dominico harton verde mercasa", "Plátano dominico hartón verde", f"m:{MERCASA}")
now("guayaba agria en mercasa cuanto", "Guayaba agria", f"m:{MERCASA}")
now("bocachico criollo fresco en la nueva sexta de cucuta", "Bocachico criollo fresco", f"m:{SEXTA}")
now("el kilo de pechuga de pollo en paloquemao??", "Pechuga de pollo", f"m:{PALO}")
now("tomate de arbol en santa helena cali", "Tomate de árbol", f"m:{SELENA}")
now("lulo en la 41 pereira", "Lulo", f"m:{LA41}")
now("mandarina oneco en la minorista de medellin xfa", "Mandarina Oneco", f"m:{MINO}")
now("frijol cargamanto rojo en plaza españa", "Fríjol cargamanto rojo", f"m:{ESPANA}")
now("a como tienen el lomo fino de res en el frigorifico guadalupe", "Carne de res, lomo fino", f"m:{GUADA}")
now("pechuga de pollo en la galería alameda", "Pechuga de pollo", f"m:{ALAMEDA}")
now("CEBOLLA CABEZONA BLANCA CENTROABASTOS", "Cebolla cabezona blanca", f"m:{CENTRO}")
now("papa superior en cenabastos", "Papa superior", f"m:{CENA}")
now("cuanto vale la zanahoria en la plaza la 21", "Zanahoria", f"m:{LA21}")
now("yuca llanera en la central de abastos de villavicencio", "Yuca llanera", f"m:{CAV}")
now("papa tocarreña complejo de servicios del sur", "Papa tocarreña", f"m:{TUNJA}")
now("ñame diamante en el nuevo mercado de sincelejo", "Ñame diamante", f"m:{SINCE}")
now("precio tilapia roja entera fresca mercado del sur monteria", "Tilapia roja entera fresca", f"m:{MSUR}")
now("papa capira en ipiales somos todos", "Papa capira", f"m:{IPIALES}")
now("trucha en corte mariposa en centro galerias manizales", "Trucha en corte mariposa", f"m:{GALERIAS}")
now("queso doble crema en mercados del centro bucaramanga", "Queso doble crema", f"m:{BGA_CENTRO}")
now("Corabastos: precio de la gulupa", "Gulupa", f"m:{CORA}")
now("mazorca en el complejo de servicios del sur de tunja", "Chócolo mazorca", f"m:{TUNJA}")

# B. current price, city named ----------------------------------------------------------------------------------
now("a como esta la papa criolla en medellin", "Papa criolla limpia", "c:Medellín")
now("cebolla larga en bucaramanga cuanto vale", "Cebolla junca", "c:Bucaramanga")
now("platano harton verde en barranquilla", "Plátano hartón verde", "c:Barranquilla")
now("precio del lulo en neiva", "Lulo", "c:Neiva")
now("Tomate chonto en Cartagena, por favor", "Tomate chonto", "c:Cartagena")
now("mora de castilla en pasto", "Mora de Castilla", "c:Pasto")
now("cuanto esta el aguacate papelillo en popayan", "Aguacate papelillo", "c:Popayán")
now("precio de la habichuela en valledupar", "Habichuela", "c:Valledupar")
now("ahuyama en monteria a como", "Ahuyama", "c:Montería")
now("guanabana en ibague", "Guanábana", "c:Ibagué")
now("papa pastusa manizales", "Papa parda pastusa", "c:Manizales")
now("limon tahiti en pereira hoy", "Limón Tahití", "c:Pereira")
now("Fresa en Tunja?", "Fresa", "c:Tunja")
now("cuanto vale el kilo de pimenton en villavicencio", "Pimentón", "c:Villavicencio")
now("papa criolla en cucuta k precio tiene", "Papa criolla limpia", "c:Cúcuta")
now("Necesito el precio de la arveja verde en vaina pastusa en Bogotá", "Arveja verde en vaina pastusa", "c:Bogotá")
now("la sobrebarriga de res en cali a como esta", "Carne de res, sobrebarriga", "c:Cali")
now("carne de res bola de brazo en bogota", "Carne de res, bola de brazo", "c:Bogotá")
now("pechuga de pollo en bucaramanga", "Pechuga de pollo", "c:Bucaramanga")
now("cachama de cultivo fresca en cucuta", "Cachama de cultivo fresca", "c:Cúcuta")
now("costilla de cerdo pereira precio", "Carne de cerdo, costilla", "c:Pereira")
now("queso costeño en valledupar", "Queso costeño", "c:Valledupar")
now("papaya paulina en medellin", "Papaya Paulina", "c:Medellín")
now("piña gold en barranquilla", "Piña gold", "c:Barranquilla")
now("platano dominico harton verde en armenia", "Plátano dominico hartón verde", "c:Armenia")
now("cuanto esta el banano criollo en santa marta", "Banano criollo", "c:Santa Marta")
now("cachama de cultivo en yopal", "Cachama de cultivo fresca", "c:Yopal")
now("arracacha amarilla en florencia caqueta", "Arracacha amarilla", "c:Florencia")
now("bocachico criollo fresco en arauca", "Bocachico criollo fresco", "c:Arauca")
now("haba verde en duitama", "Haba verde", "c:Duitama")
now("tomate chonto en tulua", "Tomate chonto", "c:Tuluá")
now("lulo en chiquinquira", "Lulo", "c:Chiquinquirá")
now("papa parda pastusa en san gil", "Papa parda pastusa", "c:San Gil")
now("limón común valluno en Palmira", "Limón común valluno", "c:Palmira")
now("pargo rojo platero en buenaventura", "Pargo rojo platero", "c:Buenaventura")
now("zanahoria en pamplona", "Zanahoria", "c:Pamplona")
now("papa R-12 negra en neiva", "Papa R-12 negra", "c:Neiva")
now("queso campesino en monteria", "Queso campesino", "c:Montería")
now("maracuya huilense neiva", "Maracuyá huilense", "c:Neiva")
now("a como esta el coco en cartagena", "Coco", "c:Cartagena")
now("huevo rojo AA en pasto", "Huevo rojo AA", "c:Pasto")
now("aguacate hass en rionegro antioquia", "Aguacate Hass", "c:Rionegro")
now("hla, cuanto esta la cebolla larga en manizales?", "Cebolla junca", "c:Manizales")
now("Cuál es el precio mayorista de la guayaba pera en Ipiales?", "Guayaba pera", "c:Ipiales")

# C. current price, only a product (no place) ------------------------------------------------------------------
now("a como esta el ñame espino", "Ñame espino", "none")
now("precio de la feijoa", "Feijoa", "none")
now("ulluco precio hoy", "Ulluco", "none")
now("cuanto vale la papa tocarreña", "Papa tocarreña", "none")
now("haba verde", "Haba verde", "none")
now("precio de la papa morasurco", "Papa Morasurco", "none")
now("yuca chirosa a como esta?", "Yuca chirosa", "none")
now("frijol zaragoza precio mayorista", "Fríjol Zaragoza", "none")
now("pargo rojo platero", "Pargo rojo platero", "none")
now("buenas noches, me dice el precio de la cebolla junca pastusa", "Cebolla junca pastusa", "none")
now("aguacate hass hoy", "Aguacate Hass", "none")
now("borojo precio", "Borojó", "none")

# D. current price in a trade unit ------------------------------------------------------------------------------
Q.append({"q": "cuanto vale el bulto de papa pastusa en corabastos", "kind": "trade", "p": "Papa parda pastusa",
          "where": f"m:{CORA}", "unit": "bulto", "kg": 50.0})
Q.append({"q": "a como esta la arroba de tomate chonto en cenabastos", "kind": "trade", "p": "Tomate chonto",
          "where": f"m:{CENA}", "unit": "arroba", "kg": 12.5})
Q.append({"q": "libra de lulo en cavasa", "kind": "trade", "p": "Lulo", "where": f"m:{CAVASA}", "unit": "libra",
          "kg": 0.5})
Q.append({"q": "precio del bulto de cebolla cabezona blanca en centroabastos", "kind": "trade",
          "p": "Cebolla cabezona blanca", "where": f"m:{CENTRO}", "unit": "bulto", "kg": 50.0})
Q.append({"q": "bulto de zanahoria en la plaza la 21 de ibague", "kind": "trade", "p": "Zanahoria",
          "where": f"m:{LA21}", "unit": "bulto", "kg": 50.0})
Q.append({"q": "arroba de aguacate hass en la mayorista de medellin", "kind": "trade", "p": "Aguacate Hass",
          "where": f"m:{CMA}", "unit": "arroba", "kg": 12.5})
Q.append({"q": "cuanto valen 25 kilos de yuca criolla en sincelejo", "kind": "trade", "p": "Yuca criolla",
          "where": "c:Sincelejo", "unit": "kilos", "kg": 25.0})
Q.append({"q": "cuanto me sale un bulto de habichuela en mercar", "kind": "nokg", "p": "Habichuela",
          "where": f"m:{MERCAR}"})
Q.append({"q": "el kilo de huevo rojo AA en corabastos", "kind": "nokg", "p": "Huevo rojo AA", "where": f"m:{CORA}"})

# E. a family word with exactly one kind priced in that market -> that kind -------------------------------------
Q.append({"q": "a como el limon en manizales", "kind": "fam1", "fam": "limon", "where": "c:Manizales"})
Q.append({"q": "mango en popayan cuanto vale", "kind": "fam1", "fam": "mango", "where": "c:Popayán"})
Q.append({"q": "platano en mercabastos", "kind": "fam1", "fam": "platano", "where": f"m:{MERCAB}"})
Q.append({"q": "el queso en barranquillita a como lo tienen?", "kind": "fam1", "fam": "queso",
          "where": f"m:{BQUITA}"})

# F. past weeks, days, months, years -----------------------------------------------------------------------------
P = [
    ("a como estuvo la papa criolla limpia en corabastos en marzo de 2024", "Papa criolla limpia", f"m:{CORA}",
     "period", ("2024-03-01", "2024-03-31")),
    ("cuanto valia el tomate de arbol en cenabastos en junio del 2023", "Tomate de árbol", f"m:{CENA}", "period",
     ("2023-06-01", "2023-06-30")),
    ("precio del aguacate hass en la mayorista de antioquia en 2022", "Aguacate Hass", f"m:{CMA}", "period",
     ("2022-01-01", "2022-12-31")),
    ("el 15 de agosto a como estaba el lulo en surabastos", "Lulo", f"m:{SURA}", "day", "2025-08-15"),
    ("cuanto costaba la cebolla junca en mercar el 3 de febrero de 2023", "Cebolla junca", f"m:{MERCAR}", "day",
     "2023-02-03"),
    ("hace dos semanas a cómo estaba la zanahoria en Barranquillita", "Zanahoria", f"m:{BQUITA}", "rel", 14),
    ("a cómo estaba la mora de castilla en pasto hace un mes", "Mora de Castilla", "c:Pasto", "rel", "1m"),
    ("la semana pasada a como estuvo la habichuela en bucaramanga", "Habichuela", "c:Bucaramanga", "rel", 7),
    ("precio de la yuca llanera en villavicencio en septiembre", "Yuca llanera", "c:Villavicencio", "period",
     ("2025-09-01", "2025-09-30")),
    ("en diciembre a como estuvo la papa superior en neiva?", "Papa superior", "c:Neiva", "period",
     ("2024-12-01", "2024-12-31")),
    ("platano harton verde en cartagena el año pasado", "Plátano hartón verde", "c:Cartagena", "period",
     ("2024-01-01", "2024-12-31")),
    ("limon tahiti en cali primer trimestre 2025", "Limón Tahití", "c:Cali", "period",
     ("2025-01-01", "2025-03-31")),
    ("a como estaba el kilo de pechuga de pollo en barranquillita en mayo de 2018", "Pechuga de pollo",
     f"m:{BQUITA}", "period", ("2018-05-01", "2018-05-31")),
    ("guayaba pera en tunja el 1 de octubre", "Guayaba pera", "c:Tunja", "day", "2025-10-01"),
    ("cuanto estuvo en promedio el ñame espino en monteria en 2023", "Ñame espino", "c:Montería", "period",
     ("2023-01-01", "2023-12-31")),
    ("papa única en popayan en abril", "Papa única", "c:Popayán", "period", ("2025-04-01", "2025-04-30")),
    ("arroz de primera en sincelejo en enero de 2022", "Arroz de primera", "c:Sincelejo", "period",
     ("2022-01-01", "2022-01-31")),
    ("tomate chonto en manizales el 24 de diciembre de 2024", "Tomate chonto", "c:Manizales", "day", "2024-12-24"),
    ("hace 3 semanas cuanto valia la arveja verde en vaina en tunja", "Arveja verde en vaina", "c:Tunja", "rel", 21),
    ("granadilla en el potrerillo en 2017", "Granadilla", f"m:{POTRE}", "period", ("2017-01-01", "2017-12-31")),
]
for q, p, where, kind, arg in P:
    Q.append({"q": q, "kind": kind, "p": p, "where": where, "arg": arg})

# G. two markets at the newest week ---------------------------------------------------------------------------------
K = [
    ("donde esta mas barata la papa pastusa, en corabastos o en centroabastos?", "Papa parda pastusa",
     [f"m:{CORA}", f"m:{CENTRO}"], "cheap"),
    ("mora de castilla: mayorista de medellin vs corabastos", "Mora de Castilla", [f"m:{CMA}", f"m:{CORA}"], "asked"),
    ("el lulo esta mas caro en neiva o en pasto?", "Lulo", ["c:Neiva", "c:Pasto"], "dear"),
    ("compare la cebolla cabezona blanca en cenabastos y en centroabastos", "Cebolla cabezona blanca",
     [f"m:{CENA}", f"m:{CENTRO}"], "asked"),
    ("tomate chonto barranquillita o bazurto, cual mas barato", "Tomate chonto", [f"m:{BQUITA}", f"m:{BAZURTO}"],
     "cheap"),
    ("aguacate hass: cuanto en Tunja y cuanto en Medellín", "Aguacate Hass", ["c:Tunja", "c:Medellín"], "asked"),
    ("papa criolla en pereira vs armenia", "Papa criolla limpia", ["c:Pereira", "c:Armenia"], "asked"),
    ("la yuca criolla esta mas barata en sincelejo o en monteria?", "Yuca criolla", ["c:Sincelejo", "c:Montería"],
     "cheap"),
    ("piña gold en surabastos y en la plaza la 21, cual sale mas barata", "Piña gold", [f"m:{SURA}", f"m:{LA21}"],
     "cheap"),
]
for q, p, wheres, order in K:
    Q.append({"q": q, "kind": "cmp", "p": p, "wheres": wheres, "order": order})

# H. follow-ups ----------------------------------------------------------------------------------------------------
F = [
    (["a como esta la mora de castilla en corabastos"], "¿y en Pasto?", "now", "Mora de Castilla", "c:Pasto", None),
    (["precio de la papa pastusa en bucaramanga"], "y la criolla?", "now", "Papa criolla limpia", "c:Bucaramanga",
     None),
    (["cuanto vale la habichuela en ibague"], "y en neiva q tal", "now", "Habichuela", "c:Neiva", None),
    (["lulo en cali"], "¿y hace un mes?", "rel", "Lulo", "c:Cali", "1m"),
    (["precio del tomate de arbol en cenabastos"], "y en marzo de 2024?", "period", "Tomate de árbol", f"m:{CENA}",
     ("2024-03-01", "2024-03-31")),
    (["cuánto está la papa en tunja"], "la superior", "now", "Papa superior", "c:Tunja", None),
    (["a como el limon en la mayorista"], "el tahiti", "now", "Limón Tahití", f"m:{CMA}", None),
    (["precio de la cebolla cabezona blanca en centroabastos"], "¿y en Cúcuta?", "now", "Cebolla cabezona blanca",
     "c:Cúcuta", None),
    (["guanábana en ibagué"], "y la granadilla?", "now", "Granadilla", "c:Ibagué", None),
    (["buenas, el aguacate hass en medellin"], "y el papelillo", "now", "Aguacate papelillo", "c:Medellín", None),
    (["a como esta la yuca criolla en sincelejo"], "y en cartagena", "now", "Yuca criolla", "c:Cartagena", None),
    (["tomate chonto en villavicencio", "y en tunja?"], "¿y el año pasado?", "period", "Tomate chonto", "c:Tunja",
     ("2024-01-01", "2024-12-31")),
    (["precio de la piña gold en cavasa"], "¿Y cuánto estaba el 1 de julio?", "day", "Piña gold", f"m:{CAVASA}",
     "2025-07-01"),
    (["cuanto vale el ñame diamante en sincelejo"], "y en monteria?", "now", "Ñame diamante", "c:Montería", None),
    (["qué precio tiene la arveja verde en vaina en mercasa"], "y en la 41?", "now", "Arveja verde en vaina",
     f"m:{LA41}", None),
]
for prev, q, kind, p, where, arg in F:
    Q.append({"q": q, "prev": prev, "kind": kind, "p": p, "where": where, "arg": arg, "followup": True})

# I. clarify: a family word with several kinds priced there, or a place outside the vocabulary -------------------
for q, fam, market in [
    ("a como esta la papa en corabastos hoy", "papa", CORA),
    ("cuanto vale el limon en la mayorista de medellin", "limon", CMA),
    ("precio del huevo en cenabastos", "huevo", CENA),
    ("frijol en la plaza españa", "frijol", ESPANA),
    ("naranja en mercasa a como esta", "naranja", MERCASA),
    ("banano en tunja cuanto", "banano", TUNJA),
    ("q precio tiene el mango en tunja", "mango", TUNJA),
    ("el queso en armenia", "queso", MERCAR),
    ("uva en cavasa", "uva", CAVASA),
]:
    Q.append({"q": q, "kind": "clarify_fam", "fam": fam, "market": market})
for q, place in [
    ("a como esta la papa pastusa en soacha", "soacha"),
    ("precio del tomate chonto en girardot", "girardot"),
    ("cuanto cuesta la yuca criolla en riohacha", "riohacha"),
]:
    Q.append({"q": q, "kind": "clarify_place", "place": place})

# J. no numbers: greetings, help, thanks, retail, untracked foods, years before 2017 -------------------------------
for q, why in [
    ("buenas tardes, que tipo de preguntas te puedo hacer?", "help"),
    ("holaaa", "greeting"),
    ("gracias parce, muy amable", "thanks"),
    ("cuanto vale la papa criolla en el D1", "retail"),
    ("a como venden la libra de tomate chonto en la tienda de la esquina", "retail"),
    ("precio al detal del aguacate hass en el exito", "retail"),
    ("precio del chontaduro en cali", "untracked"),
    ("cuanto vale la quinua en corabastos", "untracked"),
    ("a como estaba la papa pastusa en corabastos en 2012", "before2017"),
    ("precio del lulo en neiva en 2015", "before2017"),
]:
    Q.append({"q": q, "kind": "nonum", "why": why})


# ---------------------------------------------------------------------------------------------------------------
# Labelling
# ---------------------------------------------------------------------------------------------------------------

def family_kinds(data: Data, fam: str, market: str, weeks: list[str]) -> list[str]:
    rows = data.df[(data.df["market"] == market) & (data.df["week"].isin(weeks))]
    names = sorted(set(rows["product"]))
    return [n for n in names if fold(n) == fam or fold(n).startswith(fam + " ")]


def resolve_now(data: Data, p: str, where: str) -> str:
    """The market a current-price question is about (LABELS.md 'Places'), refusing ambiguous set-ups."""
    if where.startswith("m:"):
        return where[2:]
    if where == "none":
        assert data.product_week[p] == LATEST, (p, data.product_week[p])
        m = data.default_market(p)
        assert m in MAIN_OF.values(), (p, m)
        return m
    city = where[2:]
    main = MAIN_OF.get(city)
    if main is not None and not data.series(p, main).empty:
        # main market priced it at some time: only use questions where it prices it in the newest week
        assert data.latest_price(p, main)[0] == LATEST, (p, city, data.latest_price(p, main))
        return main
    cands = []
    for m, c in data.cities.items():
        if c == city:
            found = data.latest_price(p, m)
            if found:
                cands.append((found[0], m))
    assert cands, (p, city)
    newest = max(w for w, _ in cands)
    top = [m for w, m in cands if w == newest]
    assert len(top) == 1, (p, city, top)  # no tie between the city's markets
    return top[0]


def resolve_period(data: Data, p: str, where: str, start: str, end: str) -> str:
    if where.startswith("m:"):
        return where[2:]
    city = where[2:]
    main = MAIN_OF[city]
    assert not data.window(p, main, start, end).empty, (p, city, start, end)
    return main


def val(kind: str, v: float, market: str | None, date: str | None, **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": kind, "value": float(v), "market": market, "date": date}
    out.update(extra)
    return out


def week_holding(data: Data, p: str, m: str, day: str) -> tuple[str, float]:
    s = data.series(p, m)
    hit = s[(s["week"] <= day) & (s["week_end"] >= day)]
    assert len(hit) == 1, (p, m, day, len(hit))
    return str(hit.iloc[0]["week"]), float(hit.iloc[0]["price"])


def rel_day(arg: Any) -> str:
    if arg == "1m":
        return shift_months(TODAY, 1).isoformat()
    return (TODAY - dt.timedelta(days=int(arg))).isoformat()


def label(data: Data, item: dict[str, Any]) -> dict[str, Any]:
    kind = item["kind"]
    rec: dict[str, Any] = {"q": item["q"], "prev": item.get("prev", []), "family": "lookup", "expect": "answer",
                           "values": [], "forbid": [], "tags": [SET]}
    tags = rec["tags"]
    if item.get("followup"):
        tags.append("followup")
    if kind in {"now", "trade", "nokg"}:
        p = item["p"]
        m = resolve_now(data, p, item["where"])
        assert (p, m) not in data.conflicted, (p, m)
        week, price = data.latest_price(p, m)
        assert week == LATEST, (p, m, week)
        rec["values"].append(val("price", price, m, week))
        tags.append("direct")
        tags.append({"m": "market", "c": "city", "n": "noplace"}[item["where"][0]])
        if kind == "trade":
            assert data.units[p] == "kg"
            if item["unit"] == "bulto":
                assert p.startswith(("Papa", "Cebolla cabezona", "Zanahoria", "Yuca", "Arracacha", "Arroz", "Fríjol",
                                     "Maíz", "Lenteja", "Garbanzo", "Arveja seca", "Azúcar")), p
            rec["values"].append(val("trade_price", price * item["kg"], m, week, unit=item["unit"]))
            tags.append("trade_unit")
        if kind == "nokg":
            rec["forbid"] = ["trade_price"]
            tags.append("trade_unit")
    elif kind == "fam1":
        where = item["where"]
        m = resolve_now_family(data, item["fam"], where)
        recent = sorted(set(data.df["week"]))[-8:]
        kinds = family_kinds(data, item["fam"], m, recent)
        assert len(kinds) == 1, (item["fam"], m, kinds)
        p = kinds[0]
        week, price = data.latest_price(p, m)
        assert week == LATEST
        rec["values"].append(val("price", price, m, week))
        tags += ["direct", "family_single", "city" if where.startswith("c:") else "market"]
    elif kind in {"day", "rel", "period"}:
        p, where, arg = item["p"], item["where"], item["arg"]
        if kind == "period":
            start, end = arg
            m = resolve_period(data, p, where, start, end)
            w = data.window(p, m, start, end)
            assert not w.empty and (p, m) not in data.conflicted
            rec["values"].append(val("price", w["price"].mean(), m, None))
            tags += ["period", "month" if start[:7] == end[:7] else
                     ("year" if start[5:] == "01-01" and end[5:] == "12-31" else "quarter")]
        else:
            day = arg if kind == "day" else rel_day(arg)
            ws, _ = week_of(dt.date.fromisoformat(day))
            m = resolve_period(data, p, where, ws.isoformat(), ws.isoformat()) if where.startswith("c:") \
                else where[2:]
            week, price = week_holding(data, p, m, day)
            assert week == ws.isoformat(), (week, ws)
            rec["values"].append(val("price", price, m, week))
            tags += ["period", "day" if kind == "day" else "relative"]
    elif kind == "cmp":
        p = item["p"]
        vals = []
        for where in item["wheres"]:
            m = resolve_now(data, p, where)
            week, price = data.latest_price(p, m)
            assert week == LATEST
            vals.append(val("price", price, m, week))
        assert vals[0]["market"] != vals[1]["market"] and vals[0]["value"] != vals[1]["value"]
        if item["order"] == "cheap":
            vals.sort(key=lambda v: v["value"])
        elif item["order"] == "dear":
            vals.sort(key=lambda v: -v["value"])
        rec["values"] = vals
        tags.append("compare")
    elif kind == "clarify_fam":
        kinds = family_kinds(data, item["fam"], item["market"], [LATEST])
        assert len(kinds) >= 2, (item, kinds)
        rec["expect"] = "clarify"
        tags += ["clarify", "family"]
    elif kind == "clarify_place":
        known = {fold(m) for m in data.cities} | {fold(c) for c in data.cities.values()}
        assert not any(item["place"] in k for k in known), item["place"]
        rec["expect"] = "clarify"
        tags += ["clarify", "unknown_place"]
    elif kind == "nonum":
        rec["expect"] = "no_numbers"
        tags += ["no_numbers", item["why"]]
    else:
        raise ValueError(kind)
    return rec


def resolve_now_family(data: Data, fam: str, where: str) -> str:
    if where.startswith("m:"):
        return where[2:]
    city = where[2:]
    main = MAIN_OF[city]
    assert family_kinds(data, fam, main, [LATEST]), (fam, city)
    return main


def check_places_in_vocab(data: Data) -> None:
    cities = set(data.cities.values())
    for item in Q:
        for where in [item.get("where")] + item.get("wheres", []):
            if where and where.startswith("c:"):
                assert where[2:] in cities, where
            if where and where.startswith("m:"):
                assert where[2:] in data.cities, where


def main() -> None:
    data = Data(CSV)
    assert data.latest == LATEST, data.latest
    check_places_in_vocab(data)
    records = []
    for i, item in enumerate(Q, 1):
        rec = label(data, item)
        out = {"id": f"b11l-{i:03d}", **rec}
        records.append(out)
    assert len(records) == 170, len(records)
    qs = Counter(r["q"].lower() for r in records)
    assert all(n == 1 for n in qs.values()), [q for q, n in qs.items() if n > 1]
    with open(OUT, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    tags = Counter(t for r in records for t in r["tags"])
    exp = Counter(r["expect"] for r in records)
    print(f"{len(records)} records -> {OUT}")
    print("expect:", dict(exp))
    print("tags:", dict(sorted(tags.items(), key=lambda kv: -kv[1])))
    print(f"direct share: {tags['direct'] / len(records):.1%}; clarify+no_numbers: "
          f"{(exp['clarify'] + exp['no_numbers']) / len(records):.1%}")


if __name__ == "__main__":
    main()
