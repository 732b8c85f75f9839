"""Blind set `blind12-lookup`: 170 LOOKUP questions, labelled from the raw SIPSA weekly CSV with pandas,
following tests/questions/LABELS.md (TODAY = 2025-11-03, newest week 2025-10-25).

    nice -n 19 /work/main/.venv/bin/python /work/blind/lookup12/label_lookup12.py

Writes /work/blind/lookup12/lookups12.jsonl deterministically (no randomness: every question is hand-written
below; only the values are computed). Reuses `Data` (CSV spellings -> canonical names) and `MAIN` from
/work/main/tools/label_questions.py. Every place/product choice is checked with assertions so that a label is
never silently ambiguous:
  - a family word ("papa criolla", "maracuyá", "cebolla de rama") answered with one product is asserted to have
    exactly one matching kind priced in that market in the newest week; a `clarify` family question is asserted to
    have at least two;
  - a city is resolved to its MAIN market only if that market priced the product (else: the city market with the
    strictly newest price, asserted unique, and the main market asserted to never have priced the product);
  - comparisons use markets priced in the newest week of the table.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import os
import pickle
import sys
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, "/work/main/tools")
from label_questions import CSV, MAIN, Data  # noqa: E402

HERE = Path(__file__).resolve().parent
OUT = HERE / "lookups12.jsonl"
SET = "blind12-lookup"
TODAY = dt.date(2025, 11, 3)
NEWEST = "2025-10-25"
TRADE_KG = {"libra": 0.5, "arroba": 12.5, "bulto": 50.0}
BULTO_PREFIXES = ("Papa", "Cebolla cabezona", "Zanahoria", "Yuca", "Arracacha", "Arroz", "Fríjol", "Maíz",
                  "Lenteja", "Garbanzo", "Arveja seca", "Azúcar")


def fold(text: str) -> str:
    text = str(text).lower().replace("ñ", "\0")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.replace("\0", "ñ")
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def load() -> Data:
    cache = os.environ.get("L12_CACHE")  # development only: a pickled Data built from the same CSV
    if cache and Path(cache).exists():
        with open(cache, "rb") as fh:
            return pickle.load(fh)
    return Data(CSV)


# --------------------------------------------------------------------------------------------------------------
# Question specs. where: "m:<market>" | "c:<city>" | "none". fam: family word(s) the user typed (checked).
# --------------------------------------------------------------------------------------------------------------
M = {  # short keys for markets
    "cora": "Bogotá, D.C., Corabastos", "palo": "Bogotá, D.C., Paloquemao", "flores": "Bogotá, D.C., Plaza Las Flores",
    "cma": "Medellín, Central Mayorista de Antioquia", "mino": "Medellín, Plaza Minorista \"José María Villa\"",
    "cavasa": "Cali, Cavasa", "selena": "Cali, Santa Elena", "bquilla": "Barranquilla, Barranquillita",
    "grana": "Barranquilla, Granabastos", "centro": "Bucaramanga, Centroabastos", "cena": "Cúcuta, Cenabastos",
    "sexta": "Cúcuta, La Nueva Sexta", "mercasa": "Pereira, Mercasa", "la41": "Pereira, La 41-Impala",
    "mercar": "Armenia, Mercar", "mani": "Manizales, Centro Galerías", "ibague": "Ibagué, Plaza La 21",
    "sura": "Neiva, Surabastos", "potre": "Pasto, El Potrerillo", "cav": "Villavicencio, CAV",
    "tunja": "Tunja, Complejo de Servicios del Sur", "mercab": "Valledupar, Mercabastos",
    "mnuevo": "Valledupar, Mercado Nuevo", "monte": "Montería, Mercado del Sur", "bazurto": "Cartagena, Bazurto",
    "since": "Sincelejo, Nuevo Mercado", "popa": "Popayán, Plaza de mercado del barrio Bolívar",
    "ipi": "Ipiales (Nariño), Ipiales somos todos", "tulua": "Tuluá (Valle del Cauca)",
    "palmira": "Palmira (Valle del Cauca)", "cartago": "Cartago (Valle del Cauca)",
    "buenav": "Buenaventura (Valle del Cauca)", "flor": "Florencia (Caquetá)", "yopal": "Yopal (Casanare)",
    "arauca": "Arauca (Arauca)", "pampl": "Pamplona (Norte de Santander)", "smarta": "Santa Marta (Magdalena)",
    "chiqui": "Chiquinquirá (Boyacá)", "duitama": "Duitama (Boyacá), Mercaplaza",
    "tiba": "Tibasosa (Boyacá), Coomproriente", "sangil": "San Gil (Santander)", "rione": "Rionegro (Antioquia)",
    "tuque": "Túquerres (Nariño)", "socorro": "Socorro (Santander)", "sonson": "Sonsón (Antioquia)",
    "laceja": "La Ceja (Antioquia)", "marini": "Marinilla (Antioquia)",
}


def m(key: str) -> str:
    return "m:" + M[key]


def c(city: str) -> str:
    return "c:" + city


Q: list[dict] = []


def D(q, product, where, fam=None, prev=None, tags=()):
    """A plain current-price question (tag direct)."""
    Q.append({"t": "now", "q": q, "p": product, "where": where, "fam": fam, "prev": prev or [],
              "tags": ["direct", *tags]})


def P(q, product, where, period, fam=None, prev=None, tags=()):
    """A price at a past week/day/month/year. period: ("day", iso) | ("month", "YYYY-MM") | ("year", Y) |
    ("range", start, end) | ("rel", "lastweek" | "2weeks" | "15days" | "month" | "year")."""
    Q.append({"t": "period", "q": q, "p": product, "where": where, "period": period, "fam": fam,
              "prev": prev or [], "tags": list(tags)})


def C(q, product, where1, where2, fam=None, prev=None, tags=()):
    """Two markets at the newest week."""
    Q.append({"t": "cmp", "q": q, "p": product, "w1": where1, "w2": where2, "fam": fam, "prev": prev or [],
              "tags": ["compare", *tags]})


def T(q, product, where, unit, fam=None, prev=None, tags=()):
    """A trade unit (libra/arroba/bulto) at the current week."""
    Q.append({"t": "trade", "q": q, "p": product, "where": where, "unit": unit, "fam": fam, "prev": prev or [],
              "tags": ["trade_unit", *tags]})


def K(q, why, fam=None, where=None, prev=None, tags=()):
    """expect clarify. why: "family" (fam has >1 kind priced at where) | "place" (a place not in the vocabulary)
    | "place2" (a name shared by two vocabulary markets)."""
    Q.append({"t": "clarify", "q": q, "why": why, "fam": fam, "where": where, "prev": prev or [],
              "tags": ["clarify", *tags]})


def N(q, why, prev=None, tags=()):
    """expect no_numbers."""
    Q.append({"t": "nonum", "q": q, "why": why, "prev": prev or [], "tags": ["no_numbers", why, *tags]})


# ---- A. direct, a market named -------------------------------------------------------------------------------
D("buenas, a como esta la papa criolla en el Potrerillo?", "Papa criolla sucia", m("potre"), fam=["papa criolla"])
D("cuanto ta el kilo de zanahoria en surabastos", "Zanahoria", m("sura"), fam=["zanahoria"])
D("Precio de la yuca llanera en la CAV de Villavicencio", "Yuca llanera", m("cav"))
D("mercabastos cebolla cabezona roja hoy", "Cebolla cabezona roja", m("mercab"), fam=["cebolla cabezona roja"])
D("q precio tiene el ñame espino en Bazurto", "Ñame espino", m("bazurto"))
D("cuanto esta el queso costeño en barranquillita", "Queso costeño", m("bquilla"))
D("me regala el precio del pimenton en cenabastos porfa", "Pimentón", m("cena"), fam=["pimenton"])
D("buenos dias, precio del lulo en Mercasa", "Lulo", m("mercasa"))
D("tomate de arbol en mercar cuanto", "Tomate de árbol", m("mercar"))
D("a como esta la arracacha amarilla en la plaza la 21 de ibague", "Arracacha amarilla", m("ibague"))
D("mora de castilla centroabastos", "Mora de Castilla", m("centro"))
D("cuanto vale la guanabana en centro galerias manizales", "Guanábana", m("mani"))
D("precio platano harton verde en la plaza del barrio bolivar de popayan", "Plátano hartón verde", m("popa"))
D("cuanto esta la papa rubi en el nuevo mercado de sincelejo", "Papa rubí", m("since"))
D("a como tan los limones comunes en el mercado del sur de monteria", "Limón común", m("monte"),
  fam=["limon comun"])
D("precio ulluco ipiales somos todos", "Ulluco", m("ipi"))
D("granadilla en santa elena cali", "Granadilla", m("selena"))
D("precio de la habichuela en la minorista de medellin", "Habichuela", m("mino"), fam=["habichuela"])
D("papa tocarreña en el complejo de servicios del sur, tunja", "Papa tocarreña", m("tunja"))
D("piña perolera en granabastos?", "Piña perolera", m("grana"))
D("la nueva sexta cucuta, precio de la tilapia roja fresca", "Tilapia roja entera fresca", m("sexta"),
  fam=["tilapia roja"])
D("cuanto vale la papa capira en la 41 de pereira", "Papa capira", m("la41"))
D("paloquemao queso doble crema precio", "Queso doble crema", m("palo"))
D("papa sabanera en corabastos a como va", "Papa sabanera", m("cora"))
D("guineo en la mayorista de medellin", "Plátano guineo", m("cma"), fam=["platano guineo"])
D("coomproriente tibasosa, la papa criolla a cuanto?", "Papa criolla limpia", m("tiba"), fam=["papa criolla"])
D("Mercaplaza Duitama: mango yulima?", "Mango Yulima", m("duitama"))
D("cuanto esta la uchuva en cenabastos", "Uchuva con cáscara", m("cena"), fam=["uchuva"])
D("mango de azucar barranquillita cuanto ta", "Mango de azúcar", m("bquilla"))
D("Buenas tardes. ¿Podría indicarme el precio mayorista de la papa parda pastusa en Cavasa?",
  "Papa parda pastusa", m("cavasa"))
D("frijol cabeza negra en el nuevo mercado de sincelejo", "Fríjol cabeza negra nacional", m("since"),
  fam=["frijol cabeza negra"])
D("ají topito en bazurto, a como?", "Ají topito dulce", m("bazurto"), fam=["aji topito"])
D("cuanto vale el borojo en centroabastos", "Borojó", m("centro"))
D("pechuga de pollo en el mercado nuevo de valledupar", "Pechuga de pollo", m("mnuevo"))
D("cebollin chino barranquillita", "Cebollín chino", m("bquilla"))
D("papa morasurco potrerillo", "Papa Morasurco", m("potre"))
D("brevas en la mayorista de antioquia cuanto", "Breva", m("cma"))

# ---- B. direct, a city or town named ------------------------------------------------------------------------
D("hola! cuanto esta la mora en Pasto?", "Mora de Castilla", c("Pasto"), fam=["mora"])
D("a como esta el ñame diamante en monteria", "Ñame diamante", c("Montería"))
D("cuanto ta la curuba en tunja", "Curuba", c("Tunja"))
D("precio del queso costeño en sincelejo hoy", "Queso costeño", c("Sincelejo"), fam=["queso costeño"])
D("buenas q precio tiene la yuca criolla en cartagena", "Yuca criolla", c("Cartagena"), fam=["yuca criolla"])
D("cebolla cabezona blanca valledupar", "Cebolla cabezona blanca", c("Valledupar"),
  fam=["cebolla cabezona blanca"])
D("papa superior en ipiales cuanto vale el kilo", "Papa superior", c("Ipiales"))
D("tomate riñon en armenia", "Tomate riñón", c("Armenia"), fam=["tomate riñon"])
D("fríjol radical bucaramanga precio", "Fríjol radical", c("Bucaramanga"))
D("cuanto esta la cebolla cabezona roja en cucuta", "Cebolla cabezona roja", c("Cúcuta"),
  fam=["cebolla cabezona roja"])
D("guayaba atlántico en barranquilla", "Guayaba Atlántico", c("Barranquilla"))
D("cebolla de rama en monteria cuanto ta", "Cebolla junca", c("Montería"), fam=["cebolla junca"])
D("la auyama en sincelejo a como esta?", "Ahuyama", c("Sincelejo"), fam=["ahuyama"])
D("ahuyama en Tunja", "Ahuyama", c("Tunja"), fam=["ahuyama"])
D("maracuya neiva", "Maracuyá huilense", c("Neiva"), fam=["maracuya"])
D("buen dia, necesito el precio de la mandarina en tunja", "Mandarina Arrayana", c("Tunja"), fam=["mandarina"])
D("limon en pasto?", "Limón Tahití", c("Pasto"), fam=["limon"])
D("a como esta la naranja en pasto", "Naranja Sweet", c("Pasto"), fam=["naranja"])
D("el huevo en sincelejo cuanto vale", "Huevo rojo A", c("Sincelejo"), fam=["huevo"])
D("cuanto ta la guayaba en pasto", "Guayaba pera", c("Pasto"), fam=["guayaba"])
D("precio de la trucha en pasto", "Trucha entera fresca", c("Pasto"), fam=["trucha"])
D("lomo fino de res en valledupar", "Carne de res, lomo fino", c("Valledupar"), fam=["carne de res lomo fino"])
D("cuanto esta el bocachico criollo en santa marta", "Bocachico criollo fresco", c("Santa Marta"),
  fam=["bocachico criollo"])
D("precio del plátano hartón verde en tulua", "Plátano hartón verde", m("tulua"),
  fam=["platano harton verde"])
D("a como esta el queso caqueta en palmira", "Queso Caquetá", m("palmira"))
D("papa nevada en cartago cuanto", "Papa nevada", m("cartago"))
D("corvina en buenaventura precio", "Corvina, filete congelado nacional", m("buenav"), fam=["corvina"])
D("uva verde florencia caqueta", "Uva verde", m("flor"))
D("cuanto vale el tomate riogrande en yopal", "Tomate Riogrande", m("yopal"), fam=["tomate riogrande"])
D("bocachico criollo en arauca", "Bocachico criollo fresco", m("arauca"), fam=["bocachico criollo"])
D("remolacha en pamplona", "Remolacha regional", m("pampl"), fam=["remolacha"])
D("papa criolla en chiquinquira", "Papa criolla sucia", m("chiqui"), fam=["papa criolla"])
D("cuanto esta la panela cuadrada blanca en san gil", "Panela cuadrada blanca", m("sangil"))
D("plátano comino rionegro antioquia", "Plátano comino", m("rione"))
D("a como esta la piña perolera en el socorro", "Piña perolera", m("socorro"))
D("platano dominico verde en sonson", "Plátano dominico verde", m("sonson"))
D("papa criolla limpia en la ceja", "Papa criolla limpia", m("laceja"))
D("arveja verde en vaina en marinilla", "Arveja verde en vaina", m("marini"))
D("PRECIO CEBOLLA JUNCA TUNJA", "Cebolla junca Aquitania", c("Tunja"), fam=["cebolla junca"])
D("k precio tiene el tomate riogrande en bucaramanga", "Tomate Riogrande", c("Bucaramanga"), fam=["tomate riogrande"])
D("pargo rojo platero en santa marta", "Pargo rojo platero", c("Santa Marta"))
D("cuanto estan pagando el limon comun valluno en tulua", "Limón común valluno", m("tulua"))
D("la tilapia roja en monteria a como esta", "Tilapia roja entera fresca", c("Montería"), fam=["tilapia roja"])
D("sobrebarriga en cucuta", "Carne de res, sobrebarriga", c("Cúcuta"))
D("Buenas noches, una pregunta: a como esta la papa unica en cartagena", "Papa única", c("Cartagena"))
D("cuanto esta la arveja pastusa en cali", "Arveja verde en vaina pastusa", c("Cali"))
D("Platano harton maduro en Ibague", "Plátano hartón maduro", c("Ibagué"))
D("fríjol uribe rosado en pereira a como", "Fríjol Uribe rosado", c("Pereira"))
K("precio de la papa criolla en bogota", "family", fam=["papa criolla"], where=c("Bogotá"))
D("cuanto ta el platano guineo en villavo", "Plátano guineo", c("Villavicencio"), fam=["platano guineo"])
D("quiubo, a como esta el maracuyá en Barranquilla", "Maracuyá antioqueño", c("Barranquilla"),
  fam=["maracuya"])
D("tomate riogrande bumangues en barranquilla", "Tomate Riogrande bumangués", c("Barranquilla"))
D("¿a cómo está el aguacate hass en Medellín?", "Aguacate Hass", c("Medellín"))
D("precio de la arveja verde en vaina en armenia para el PAE", "Arveja verde en vaina", c("Armenia"))

# ---- C. direct, only a product -------------------------------------------------------------------------------
D("precio papa sabanera", "Papa sabanera", "none")
D("cuanto esta la cebolla junca?", "Cebolla junca", "none", fam=["cebolla junca"])
D("a como esta el ñame espino", "Ñame espino", "none")
D("precio del ulluco hoy", "Ulluco", "none")
D("valor del kilo de queso costeño", "Queso costeño", "none")
D("cuanto vale el tomate chonto regional", "Tomate chonto regional", "none")
D("el maracuya antioqueño a como esta", "Maracuyá antioqueño", "none")

# ---- D. follow-ups that stay current prices (direct) ---------------------------------------------------------
D("¿y en Pasto?", "Mora de Castilla", c("Pasto"), prev=["precio de la mora de castilla en manizales"],
  tags=["followup"])
D("y en ibague?", "Lulo", c("Ibagué"), prev=["cuanto vale el lulo en neiva"], tags=["followup"])
D("¿y en Montería?", "Yuca criolla", c("Montería"), prev=["a como esta la yuca criolla en sincelejo"],
  tags=["followup"])
D("y la habichuela?", "Habichuela", m("tunja"), prev=["precio de la curuba en tunja"], tags=["followup"])
D("y en la CAV?", "Pimentón", m("cav"), prev=["pimenton en cenabastos"], tags=["followup"])
D("¿y en Popayán?", "Ulluco", c("Popayán"), prev=["ulluco en ipiales"], tags=["followup"])
D("y el platano harton verde?", "Plátano hartón verde", m("since"),
  prev=["hola", "a como esta el ñame criollo en el nuevo mercado de sincelejo"], tags=["followup"])
D("y en santa marta?", "Queso costeño", c("Santa Marta"), prev=["queso costeño en valledupar"],
  tags=["followup"])

# ---- E. a past week/day/month/year --------------------------------------------------------------------------
P("cuanto valia la papa criolla limpia en surabastos el 15 de marzo de 2024", "Papa criolla limpia", m("sura"),
  ("day", "2024-03-15"))
P("precio del tomate chonto en la plaza la 21 en agosto de 2023", "Tomate chonto", m("ibague"),
  ("month", "2023-08"))
P("a como estuvo la cebolla cabezona blanca en monteria en 2022", "Cebolla cabezona blanca", c("Montería"),
  ("year", 2022))
P("cuanto costaba el lulo en pasto en enero", "Lulo", c("Pasto"), ("month", "2025-01"))
P("mora de castilla en bucaramanga el año pasado, precio promedio", "Mora de Castilla", c("Bucaramanga"),
  ("year", 2024))
P("precio promedio del platano harton verde en barranquillita en 2018", "Plátano hartón verde", m("bquilla"),
  ("year", 2018))
P("la yuca criolla en cartagena cuanto valia en 2017", "Yuca criolla", c("Cartagena"), ("year", 2017))
P("zanahoria en cenabastos la semana del 6 de enero de 2023", "Zanahoria", m("cena"), ("day", "2023-01-06"))
P("a como estaba la papa superior en ipiales hace un mes", "Papa superior", c("Ipiales"), ("rel", "month"))
P("precio del lulo en mercasa hace 2 semanas", "Lulo", m("mercasa"), ("rel", "2weeks"))
P("cuanto estuvo la guanabana en la plaza la 21 la semana pasada", "Guanábana", m("ibague"),
  ("rel", "lastweek"))
P("cuanto promedio la granadilla en neiva en octubre", "Granadilla", c("Neiva"), ("month", "2025-10"))
P("precio promedio de la papa parda pastusa en mercasa en el primer trimestre de 2025", "Papa parda pastusa", m("mercasa"),
  ("range", "2025-01-01", "2025-03-31"), tags=["quarter"])
P("a como estaba el kilo de pechuga de pollo en monteria hace un año", "Pechuga de pollo", c("Montería"),
  ("rel", "year"))
P("precio del aguacate hass en corabastos el 1 de julio de 2021", "Aguacate Hass", m("cora"),
  ("day", "2021-07-01"))
P("tomate de arbol en villavicencio en diciembre de 2024", "Tomate de árbol", c("Villavicencio"),
  ("month", "2024-12"))
P("cuanto valia la arracacha amarilla en cucuta el 24/12/2023", "Arracacha amarilla", c("Cúcuta"),
  ("day", "2023-12-24"))
P("ñame criollo en sincelejo en marzo de 2025", "Ñame criollo", c("Sincelejo"), ("month", "2025-03"))

# ---- F. two markets, newest week -----------------------------------------------------------------------------
C("compare la papa criolla limpia en Tunja y en Duitama", "Papa criolla limpia", c("Tunja"), m("duitama"))
C("donde esta mas cara la mora, en Pasto o en Popayan?", "Mora de Castilla", c("Pasto"), c("Popayán"),
  fam=["mora"])
C("lulo: surabastos vs la 21", "Lulo", m("sura"), m("ibague"))
C("tomate chonto en barranquillita y en granabastos", "Tomate chonto", m("bquilla"), m("grana"))
C("queso costeño sincelejo vs monteria", "Queso costeño", c("Sincelejo"), c("Montería"))
C("el ulluco esta mas barato en ipiales o en tuquerres?", "Ulluco", c("Ipiales"), m("tuque"))
C("compara la yuca llanera en duitama y villavicencio", "Yuca llanera", m("duitama"), c("Villavicencio"))
C("precio del limon tahiti en cenabastos y centroabastos", "Limón Tahití", m("cena"), m("centro"))
C("¿En cuál está más barato el plátano hartón verde, Mercasa o Mercar?", "Plátano hartón verde", m("mercasa"),
  m("mercar"))
C("cebolla cabezona blanca en cartagena vs santa marta", "Cebolla cabezona blanca", c("Cartagena"),
  c("Santa Marta"))

# ---- G. follow-ups that move the period --------------------------------------------------------------------
P("¿y hace un mes?", "Naranja Valencia", m("mercab"), ("rel", "month"),
  prev=["naranja valencia en mercabastos"], tags=["followup"])
P("y el año pasado?", "Papa criolla limpia", c("Manizales"), ("year", 2024),
  prev=["cuanto vale la papa criolla limpia en manizales"], tags=["followup"])
P("¿y hace un año?", "Lulo", c("Pasto"), ("rel", "year"),
  prev=["lulo en pasto"], tags=["followup"])
P("y en enero de 2023?", "Cilantro", m("since"), ("month", "2023-01"),
  prev=["precio del cilantro en el nuevo mercado de sincelejo"], tags=["followup"])
P("y hace 15 dias?", "Brócoli", c("Tunja"), ("rel", "15days"),
  prev=["brocoli en tunja"], tags=["followup"])
P("¿y el 1 de mayo?", "Aguacate papelillo", m("cav"), ("day", "2025-05-01"),
  prev=["aguacate papelillo en la CAV de villavicencio"], tags=["followup"])
P("y en 2023?", "Arroz de primera", c("Montería"), ("year", 2023),
  prev=["arroz de primera en montería"], tags=["followup"])
P("y la semana pasada en cambio?", "Papa única", m("mercab"), ("rel", "lastweek"),
  prev=["papa unica en mercabastos"], tags=["followup"])

# ---- H. trade units -------------------------------------------------------------------------------------------
T("cuanto vale el bulto de papa capira en ipiales", "Papa capira", c("Ipiales"), "bulto")
T("la arroba de yuca criolla en sincelejo a como", "Yuca criolla", c("Sincelejo"), "arroba",
  fam=["yuca criolla"])
T("a como la libra de cilantro en mercasa", "Cilantro", m("mercasa"), "libra")
T("cuanto vale el bulto de mandarina arrayana en tunja?", "Mandarina Arrayana", c("Tunja"), "bulto")
T("el kilo de huevo rojo AA en armenia", "Huevo rojo AA", c("Armenia"), "kilo")
T("libra de fresa en duitama", "Fresa", m("duitama"), "libra")

# ---- I. clarify -----------------------------------------------------------------------------------------------
K("cuanto esta la papa en tunja", "family", fam=["papa"], where=c("Tunja"))
K("mango en tunja a como?", "family", fam=["mango"], where=c("Tunja"))
K("precio del limon en neiva", "family", fam=["limon"], where=c("Neiva"))
K("frijol en sincelejo cuanto vale", "family", fam=["frijol"], where=c("Sincelejo"))
K("el queso en popayan a como esta", "family", fam=["queso"], where=c("Popayán"))
K("platano harton en surabastos", "family", fam=["platano harton"], where=m("sura"))
K("cuanto vale la arveja en el potrerillo", "family", fam=["arveja"], where=m("potre"))
K("cebolla larga en cavasa", "family", fam=["cebolla junca"], where=m("cavasa"))
K("precio del aguacate", "family", fam=["aguacate"], where="none")
K("papa criolla en riohacha", "place", tags=["unknown_place"])
K("cuanto vale la papa criolla en la union", "place2", tags=["ambiguous_place"])

# ---- J. no numbers --------------------------------------------------------------------------------------------
N("hola buenas tardes", "greeting")
N("q puedes hacer vos?", "help")
N("listo mil gracias hermano", "thanks")
N("cuanto vale la papa criolla en el D1?", "retail")
N("precio al detal del tomate chonto en la tienda de la esquina", "retail")
N("precio del chontaduro en cali", "untracked")
N("a como esta el mamoncillo en barranquilla", "untracked")
N("cuanto costaba la papa criolla en corabastos en 2015", "before_data")
N("precio del lulo en pasto en diciembre de 2026", "future")
N("a como va a estar la cebolla cabezona blanca en bogota en 2027", "future")
N("cuanto vale el cuy en pasto", "untracked")


# --------------------------------------------------------------------------------------------------------------
class Labeller:
    def __init__(self, data: Data) -> None:
        self.d = data
        df = data.df
        self.newest = df[df["week"] == NEWEST]
        assert data.latest == NEWEST, data.latest
        self.names = sorted(set(df["product"]))

    # -- kinds of a family word priced in a market at the newest week
    def kinds(self, fam: list[str], market: str | None) -> list[str]:
        rows = self.newest if market is None else self.newest[self.newest["market"] == market]
        out = []
        for p in sorted(set(rows["product"])):
            fp = fold(p.replace(",", ""))
            if any(fp == fold(w) or fp.startswith(fold(w) + " ") for w in fam):
                out.append(p)
        return out

    def city_markets(self, city: str) -> list[str]:
        return sorted(mk for mk, cy in self.d.cities.items() if cy == city)

    def resolve(self, where: str, product: str) -> str:
        if where.startswith("m:"):
            return where[2:]
        if where == "none":
            mk = self.d.default_market(product)
            assert mk in [x for _, x in MAIN], (product, mk)
            return mk
        city = where[2:]
        main = dict(MAIN).get(city)
        if main and not self.d.series(product, main).empty:
            return main
        # main market lacks the product: the city market with the newest price (must be unique)
        lasts = []
        for mk in self.city_markets(city):
            f = self.d.latest_price(product, mk)
            if f:
                lasts.append((f[0], mk))
        assert lasts, (city, product)
        lasts.sort(reverse=True)
        assert len(lasts) == 1 or lasts[0][0] > lasts[1][0], (city, product, lasts)
        return lasts[0][1]

    def check_pair(self, product: str, market: str) -> None:
        assert (product, market) not in self.d.conflicted, (product, market)
        assert not self.d.series(product, market).empty, (product, market)

    def check_fam(self, fam, market, product):
        if fam:
            got = self.kinds(fam, market)
            assert got == [product], (fam, market, product, got)

    def period_window(self, period) -> tuple[str, str, str]:
        """(kind, start, end) of the weeks asked; kind 'week' (one week holding a day) or 'mean'."""
        k = period[0]
        if k == "day":
            return "week", period[1], period[1]
        if k == "rel":
            day = {"lastweek": TODAY - dt.timedelta(days=7), "2weeks": TODAY - dt.timedelta(days=14),
                   "15days": TODAY - dt.timedelta(days=15), "month": shift_months(TODAY, 1),
                   "year": shift_months(TODAY, 12)}[period[1]]
            return "week", day.isoformat(), day.isoformat()
        if k == "month":
            y, mo = map(int, period[1].split("-"))
            return "mean", f"{y:04d}-{mo:02d}-01", f"{y:04d}-{mo:02d}-{calendar.monthrange(y, mo)[1]:02d}"
        if k == "year":
            return "mean", f"{period[1]}-01-01", f"{period[1]}-12-31"
        if k == "range":
            return "mean", period[1], period[2]
        raise ValueError(period)

    def value(self, kind, v, market, date, **extra):
        out = {"kind": kind, "value": round(float(v), 4), "market": market, "date": date}
        out.update(extra)
        return out

    def label(self, spec: dict) -> dict:
        t = spec["t"]
        rec = {"q": spec["q"], "prev": spec["prev"], "family": "lookup", "expect": "answer", "values": [],
               "forbid": [], "tags": [SET, *spec["tags"]]}
        if t == "now":
            p = spec["p"]
            mk = self.resolve(spec["where"], p)
            self.check_pair(p, mk)
            self.check_fam(spec["fam"], mk, p)
            week, price = self.d.latest_price(p, mk)
            assert week == NEWEST, (spec["q"], p, mk, week)
            rec["values"] = [self.value("price", price, mk, week, product=p)]
        elif t == "period":
            p = spec["p"]
            kind, start, end = self.period_window(spec["period"])
            where = spec["where"]
            if where.startswith("c:"):
                city = where[2:]
                main = dict(MAIN).get(city)
                # avoid the unwritten case: the main market must have the product in the period asked
                mk = main if main else self.resolve(where, p)
            else:
                mk = self.resolve(where, p)
            self.check_pair(p, mk)
            if kind == "week":
                found = self.d.day_price(p, mk, start)
                assert found, (spec["q"], p, mk, start)
                rec["values"] = [self.value("price", found[1], mk, found[0], product=p)]
            else:
                w = self.d.window(p, mk, start, end)
                assert len(w) > 0, (spec["q"], p, mk, start, end)
                rec["values"] = [self.value("price", w["price"].mean(), mk, None, product=p)]
            rec["tags"].append("period")
        elif t == "cmp":
            p = spec["p"]
            vals = []
            for w in (spec["w1"], spec["w2"]):
                mk = self.resolve(w, p)
                self.check_pair(p, mk)
                self.check_fam(spec["fam"], mk, p)
                week, price = self.d.latest_price(p, mk)
                assert week == NEWEST, (spec["q"], mk, week)
                vals.append(self.value("price", price, mk, week, product=p))
            assert vals[0]["market"] != vals[1]["market"]
            rec["values"] = vals
        elif t == "trade":
            p = spec["p"]
            mk = self.resolve(spec["where"], p)
            self.check_pair(p, mk)
            self.check_fam(spec["fam"], mk, p)
            week, price = self.d.latest_price(p, mk)
            assert week == NEWEST, (spec["q"], mk, week)
            rec["values"] = [self.value("price", price, mk, week, product=p)]
            unit = spec["unit"]
            per_unit = self.d.units.get(p) in {"unidad", "litro"}
            if per_unit:  # eggs / oils asked per kilo, libra, arroba or bulto: own unit's price only
                rec["forbid"] = ["trade_price"]
            elif unit == "bulto" and not p.startswith(BULTO_PREFIXES):
                rec["forbid"] = ["trade_price"]  # the bot asks how many kilos
            else:
                kg = TRADE_KG[unit]
                rec["values"].append(self.value("trade_price", price * kg, mk, week, product=p, unit=unit))
        elif t == "clarify":
            rec["expect"] = "clarify"
            if spec["why"] == "family":
                where = spec["where"]
                if where == "none":
                    got = self.kinds(spec["fam"], None)
                elif where.startswith("m:"):
                    got = self.kinds(spec["fam"], where[2:])
                else:
                    main = dict(MAIN)[where[2:]]
                    got = self.kinds(spec["fam"], main)
                assert len(got) >= 2, (spec["q"], got)
            elif spec["why"] == "place":
                assert "Riohacha" not in {cy for cy in self.d.cities.values()}
            elif spec["why"] == "place2":
                both = [mk for mk in self.d.cities if mk.startswith("La Unión")]
                assert len(both) == 2 and all(self.d.latest_price("Papa criolla limpia", mk)[0] == NEWEST
                                              for mk in both), both
        elif t == "nonum":
            rec["expect"] = "no_numbers"
        else:
            raise ValueError(t)
        return rec


def shift_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def main() -> None:
    data = load()
    lab = Labeller(data)
    records = []
    errors = []
    for i, spec in enumerate(Q, 1):
        try:
            rec = lab.label(spec)
        except AssertionError as exc:
            errors.append(f"{i}: {spec['q']!r}: {exc}")
            continue
        records.append({"id": f"b12l-{i:03d}", **rec})
    if errors:
        print("\n".join(errors))
        raise SystemExit(f"{len(errors)} specs failed")
    assert len(records) == 170, len(records)
    assert len({r["q"] for r in records}) == len(records)
    with open(OUT, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    tags = Counter(t for r in records for t in r["tags"] if "=" not in t)
    exp = Counter(r["expect"] for r in records)
    bog = sum(1 for r in records if any(v.get("market", "") and v["market"].startswith("Bogotá")
                                        for v in r["values"]) or "bogot" in fold(r["q"]) or "corabastos" in fold(r["q"]))
    print(len(records), dict(exp), dict(tags), "bogota:", bog)


if __name__ == "__main__":
    main()
