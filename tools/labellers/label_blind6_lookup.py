"""Blind held-out LOOKUP question set for SIPSABot  ->  tests/questions/blind/blind6-lookup.jsonl

Written by: a QA engineer who did NOT read the bot's router, handlers, models, its tests, nor any other
question set (tests/questions/*.jsonl, tests/questions/blind/*, blind/analytics*). Date: 2025-11-03
(pinned "today", a Monday; the newest week of the table starts 2025-10-25).

Sources read: tests/questions/LABELS.md (the labelling contract, followed literally), tools/label_questions.py
(only to reuse its `Data` class, its `MAIN` city -> market list and its `week_of`/`shift_months` helpers),
data/vocab/products.csv and markets.csv (canonical names), and the raw table
../shared/sipsa/series/semanal_precios_2017-2025.csv.gz. Every expected value below is computed here with
pandas from that raw CSV (through `Data`, which maps the CSV spellings to canonical names and drops
product x market pairs with conflicting duplicate rows); nothing is typed by hand.

    .venv/bin/python tools/labellers/label_blind6_lookup.py

Rules followed (LABELS.md):
- TODAY = 2025-11-03. A week is `semana_inicio`; a price is `precio_medio_cop_kg` (per unit for eggs, per
  litre for oils).
- Place: a market named -> that market; a city named -> its MAIN market (this script additionally requires
  that the main market priced the product in the week/period asked, so "main market lacks the product" never
  has to be interpreted); no place -> the first MAIN market pricing the product in its newest week
  (`Data.default_market`). Towns that are themselves SIPSA markets (Tuluá, Palmira, Yopal, ...) -> that market.
  Santa Marta is not in MAIN: its only market, "Santa Marta (Magdalena)", is used.
- "hoy"/no period -> the newest week of the series in that market; this script only keeps current-price items
  whose newest week is 2025-10-25 (the newest week of the table).
- A day -> the week with semana_inicio <= day <= semana_fin. "la semana pasada" -> week holding TODAY-7d
  (= 2025-10-25); "hace N semanas" -> week holding TODAY-7N days; "hace 15 días" -> week holding TODAY-15d;
  "hace un mes" -> week holding TODAY minus one calendar month (2025-10-03).
- A month / quarter / year -> mean of the weekly prices whose semana_inicio falls in it (kind `price`,
  no `date`); a month without year -> its most recent occurrence before TODAY; "este año" = 2025,
  "el año pasado" = 2024.
- Change between two days: the week holding each day (if unpriced, the closest earlier priced week at most
  4 weeks back); values: both `price` with `date` + `change_pct` = (new/old - 1)*100.
  Change between months/quarters/years: both period means (`price`, no date) + `change_pct`.
  From a day to now: week holding the day vs the newest week of the series.
- Compare markets/cities: each market's newest price (`price` with market and date).
- Cheapest / priciest market: among all markets pricing the product in its newest week (or only that city's
  markets when a city is named); value = the market that must be named first with its price. Items whose
  first two markets tie are dropped.
- Trade units: libra 0.5 kg, arroba 12.5 kg, "N kilos" N kg, bulto 50 kg only for Papa/Cebolla cabezona/
  Zanahoria/Yuca/Arracacha/Arroz/Fríjol/Maíz/Lenteja/Garbanzo/Arveja seca/Azúcar; values: `price` (per kg)
  and `trade_price` (with `unit`). A bulto of another product, or eggs/oils asked by kilo/libra/arroba/bulto:
  `price` only and `forbid: ["trade_price"]`.
- expect `clarify`: a family word with >= 2 products priced in that market's newest week (checked here), or
  a place that is neither a market, a city nor a department of the vocabulary (checked here).
- expect `no_numbers`: foods SIPSA does not track (checked against products.csv names and aliases), retail
  prices (D1, Éxito, la tienda, al detal), years before 2017 or after the newest data, greetings / out of scope.

Every record has family "lookup" and tag "blind6-lookup"; plain current-price questions also carry "direct".

Dropped items (the script prints every drop at run time): the final run drops none. During writing one
item was dropped because its value cannot be computed under the rules:
  - "en 2021 a como estuvo el arroz de primera en ibague": Ibagué's main market (Plaza La 21) has no
    Arroz de primera week in 2021, so the city rule cannot be applied without interpreting "lacks";
    it was replaced by "en 2021 a como estuvo la arveja verde en vaina en ibague".
Four questions that collided (after folding) with a question of another set were reworded; the collision
check (a script beside the labeller while it was written) printed only the count and our ids, never the other sets.

First run (`sipsabot eval --tag blind6-lookup --verbose`, once, at commit 6b54658, before any fix from this set):
93.5% exact (157/168), 97.4% on direct price questions (75/77), 3.6% confidently wrong (6/168). The confident
errors were all changes or dates the rules did not read: a range of two months or two years compared point to
point instead of by the months' means ("entre abril y mayo de 2025", "de 2023 a 2024", "entre junio y septiembre
de este año", read as a comparison of markets because of «diferencia»), "del 1 de junio de 2024 a hoy", and a
holiday ("el día de las velitas del 2024") read as the whole year. The safe misses asked back: "frente al 15 de
agosto", "el 5 de enero vs el 5 de octubre", "y en todo el 2024?", "huevo rojo A" (the grade letter is read as
the article «a»), "pernil de pollo con rabadilla". No label was changed after the run.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import pickle
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import label_questions as L  # noqa: E402  (Data class, MAIN list, week_of, shift_months)

OUT = ROOT / "tests" / "questions" / "blind" / "blind6-lookup.jsonl"
TODAY = dt.date(2025, 11, 3)
LATEST = "2025-10-25"
SET_TAG = "blind6-lookup"
VOCAB = ROOT / "data" / "vocab"
CACHE = Path("/tmp/b6l_data.pkl")

BULTO_PREFIXES = ("Papa", "Cebolla cabezona", "Zanahoria", "Yuca", "Arracacha", "Arroz", "Fríjol", "Maíz",
                  "Lenteja", "Garbanzo", "Arveja seca", "Azúcar")
UNIT_KG = {"libra": 0.5, "arroba": 12.5, "bulto": 50.0}

# ---------------------------------------------------------------------------------------------------------
# Markets used below (canonical names)
COR = "Bogotá, D.C., Corabastos"
PALO = "Bogotá, D.C., Paloquemao"
ESP = "Bogotá, D.C., Plaza España"
GUA = "Bogotá, D.C., Frigorífico Guadalupe"
CMA = "Medellín, Central Mayorista de Antioquia"
MIN = 'Medellín, Plaza Minorista "José María Villa"'
CAV_CALI = "Cali, Cavasa"
STE = "Cali, Santa Elena"
BQ = "Barranquilla, Barranquillita"
GRA = "Barranquilla, Granabastos"
CEN = "Bucaramanga, Centroabastos"
CUC = "Cúcuta, Cenabastos"
SEXTA = "Cúcuta, La Nueva Sexta"
MERCASA = "Pereira, Mercasa"
LA41 = "Pereira, La 41-Impala"
MERCAR = "Armenia, Mercar"
MANI = "Manizales, Centro Galerías"
IBA = "Ibagué, Plaza La 21"
NEI = "Neiva, Surabastos"
PAS = "Pasto, El Potrerillo"
VIL = "Villavicencio, CAV"
TUN = "Tunja, Complejo de Servicios del Sur"
VAL = "Valledupar, Mercabastos"
MON = "Montería, Mercado del Sur"
BAZ = "Cartagena, Bazurto"
SIN = "Sincelejo, Nuevo Mercado"
POP = "Popayán, Plaza de mercado del barrio Bolívar"


def m(name: str) -> str:
    return "m:" + name


def c(city: str) -> str:
    return "c:" + city


# ---------------------------------------------------------------------------------------------------------
# The questions. Each item: (kind, text, ...). prev = earlier turns of the same chat.
ITEMS: list[dict[str, Any]] = []


def add(kind: str, q: str, **kw: Any) -> None:
    ITEMS.append({"kind": kind, "q": q, **kw})


# A. plain current price in a named market (nicknames, typos, no accents, rambling)
add("now", "buenas, a como esta hoy la mora de castilla en mercasa?", p="Mora de Castilla", where=m(MERCASA))
add("now", "q precio tiene el lulo en la 21 de ibague", p="Lulo", where=m(IBA))
add("now", "Cuánto están pagando el kilo de tomate de árbol en Barranquillita?", p="Tomate de árbol", where=m(BQ))
add("now", "tomate chonto cenabastos cuanto", p="Tomate chonto", where=m(CUC))
add("now", "xfa el pimenton en surabastos a cuanto", p="Pimentón", where=m(NEI))
add("now", "oe parce a como esta la habichuela en la central mayorista de antioquia", p="Habichuela", where=m(CMA))
add("now", "buenos dias, me podria decir cuanto esta el kilo de arveja verde en vaina en Centroabastos? muchas "
    "gracias", p="Arveja verde en vaina", where=m(CEN))
add("now", "guanabana potrerillo hoy", p="Guanábana", where=m(PAS))
add("now", "Necesito el precio de la piña gold en Santa Helena, la de Cali", p="Piña gold", where=m(STE))
add("now", "cuanto vale la papaya maradol en mercar armenia", p="Papaya Maradol", where=m(MERCAR))
add("now", "aguacate papelillo en la minorista de medellin a como", p="Aguacate papelillo", where=m(MIN))
add("now", "cuanto ta la lechuga batavia en el CAV de villavo", p="Lechuga Batavia", where=m(VIL))
add("now", "kilo de remolacha en Mercabastos?", p="Remolacha", where=m(VAL))
add("now", "Buenas tardes. Tengo un granero en Sincelejo, ¿a cómo está el plátano verde en el Nuevo Mercado?",
    p="Plátano hartón verde", where=m(SIN))
add("now", "pepino cohombro en la galeria de manizales cuanto vale", p="Pepino cohombro", where=m(MANI))
add("now", "ahuyama plaza del barrio bolivar popayan precio", p="Ahuyama", where=m(POP))
add("now", "a como sale el queso costeño en el mercado del sur de monteria", p="Queso costeño", where=m(MON))
add("now", "hola buenas, a como esta el maracuya antioqueño en granabastos", p="Maracuyá antioqueño", where=m(GRA))
add("now", "frijol cargamanto rojo en corabastos, cuanto esta el kilo", p="Fríjol cargamanto rojo", where=m(COR))
add("now", "cuanto valen las uvas isabela en Cavasa", p="Uva Isabela", where=m(CAV_CALI))
add("now", "Precio de hoy: sobrebarriga, frigorifico guadalupe", p="Carne de res, sobrebarriga", where=m(GUA))
add("now", "costilla de cerdo en paloquemao a como la tienen", p="Carne de cerdo, costilla", where=m(PALO))
add("now", "lomo de cerdo sin hueso en la 41 de pereira", p="Carne de cerdo, lomo sin hueso", where=m(LA41))
add("now", "tilapia roja fresca en surabastos a como", p="Tilapia roja entera fresca", where=m(NEI))
add("now", "cuanto vale el bagre rayado fresco en la nueva sexta", p="Bagre rayado entero fresco", where=m(SEXTA))
add("now", "a como esta el huevo rojo A en centroabastos, por unidad", p="Huevo rojo A", where=m(CEN))
add("now", "aceite vegetal mezcla en bazurto cuanto el litro", p="Aceite vegetal mezcla", where=m(BAZ))
add("now", "sal yodada plaza españa bogota", p="Sal yodada", where=m(ESP))
add("now", "q vale la harina de trigo en la central de abastos de villavicencio", p="Harina de trigo", where=m(VIL))
add("now", "panela cuadrada morena surabastos", p="Panela cuadrada morena", where=m(NEI))
add("now", "leche en polvo en Granabastos a como", p="Leche en polvo", where=m(GRA))
add("now", "camaron tigre precocido en paloquemao", p="Camarón tigre precocido seco", where=m(PALO))
add("now", "filete de salmon congelado en la plaza bolivar de popayan", p="Salmón, filete congelado", where=m(POP))
add("now", "Hola, soy de Soacha y tengo una tienda. ¿A cómo compro hoy la papa criolla en Corabastos?",
    p="Papa criolla limpia", where=m(COR))

# B. plain current price in a city (its main market)
add("now", "q hubo, cuanto ta el tomate de arbol en pasto", p="Tomate de árbol", where=c("Pasto"))
add("now", "limon tahiti bmanga a como esta", p="Limón Tahití", where=c("Bucaramanga"))
add("now", "cuanto cuesta la patilla en monteria", p="Patilla", where=c("Montería"))
add("now", "el coco en cartagena a como lo venden en el mercado mayorista", p="Coco", where=m(BAZ))
add("now", "pitahaya en bogota", p="Pitahaya", where=c("Bogotá"))
add("now", "mazorca en popayan, a como", p="Chócolo mazorca", where=c("Popayán"))
add("now", "cebolla cabezona blanca en manizales", p="Cebolla cabezona blanca", where=c("Manizales"))
add("now", "a como la arracacha amarilla en ibague", p="Arracacha amarilla", where=c("Ibagué"))
add("now", "curuba en cali hoy", p="Curuba", where=c("Cali"))
add("now", "queso campesino villavo", p="Queso campesino", where=c("Villavicencio"))
add("now", "punta de anca en cartagena", p="Carne de res, punta de anca", where=c("Cartagena"))
add("now", "pernil de pollo con rabadilla en barranquilla", p="Pierna pernil con rabadilla", where=c("Barranquilla"))
add("now", "bocachico congelado medellin", p="Bocachico importado congelado", where=c("Medellín"))
add("now", "chocolate dulce en cucuta a como", p="Chocolate dulce", where=c("Cúcuta"))
add("now", "azucar refinada en pereira", p="Azúcar refinada", where=c("Pereira"))
add("now", "el lulo en santa marta a como esta?", p="Lulo", where=c("Santa Marta"))

# C. towns that are SIPSA markets
add("now", "cuanto esta la papa capira en Tuluá", p="Papa capira", where=m("Tuluá (Valle del Cauca)"))
add("now", "filete de basa en Palmira a como", p="Basa, filete congelado importado", where=m("Palmira (Valle del Cauca)"))
add("now", "mora de castilla en ipiales q precio", p="Mora de Castilla", where=c("Ipiales"))
add("now", "blanquillo fresco en monteria cuanto el kilo", p="Blanquillo entero fresco", where=c("Montería"))
add("now", "platano harton verde en florencia caqueta", p="Plátano hartón verde", where=m("Florencia (Caquetá)"))
add("now", "cachama en yopal a como", p="Cachama de cultivo fresca", where=m("Yopal (Casanare)"))
add("now", "bocachico fresco en arauca", p="Bocachico criollo fresco", where=m("Arauca (Arauca)"))
add("now", "la zanahoria en Pamplona q precio tiene", p="Zanahoria", where=m("Pamplona (Norte de Santander)"))
add("now", "haba verde en chiquinquira", p="Haba verde", where=m("Chiquinquirá (Boyacá)"))
add("now", "guanabana san gil cuanto", p="Guanábana", where=m("San Gil (Santander)"))
add("now", "guayaba manzana rionegro antioquia", p="Guayaba manzana", where=m("Rionegro (Antioquia)"))
add("now", "durazno nacional en duitama a como esta", p="Durazno nacional", where=m("Duitama (Boyacá), Mercaplaza"))
add("now", "tangelo en coomproriente tibasosa", p="Tangelo", where=m("Tibasosa (Boyacá), Coomproriente"))
add("now", "corvina filete en buenaventura", p="Corvina, filete congelado nacional",
    where=m("Buenaventura (Valle del Cauca)"))

# D. no place named
add("now", "a cuanto el kilo de gulupa?", p="Gulupa", where=None)
add("now", "precio uchuva con cascara", p="Uchuva con cáscara", where=None)
add("now", "cuanto vale hoy la feijoa", p="Feijoa", where=None)
add("now", "el borojo a como esta", p="Borojó", where=None)
add("now", "ñame espino cuanto", p="Ñame espino", where=None)
add("now", "calamar anillos precio mayorista", p="Calamar anillos", where=None)
add("now", "cuanto esta la papa superior", p="Papa superior", where=None)

# E. follow-ups in the same chat (direct)
add("now", "y en medellin a como la tienen?", p="Granadilla", where=c("Medellín"), prev=["a como esta la granadilla en corabastos"])
add("now", "¿y en Bazurto?", p="Limón común", where=m(BAZ), prev=["precio del limon comun en cavasa"])
add("now", "y la habichuela?", p="Habichuela", where=c("Bucaramanga"), prev=["cuanto esta el pimenton en bucaramanga"])
add("now", "y en popayan", p="Mora de Castilla", where=c("Popayán"),
    prev=["hola", "cuanto vale la mora de castilla en pasto"])
add("now", "y en duitama?", p="Papa criolla limpia", where=m("Duitama (Boyacá), Mercaplaza"),
    prev=["a como la papa criolla en tunja"])
add("now", "y la punta de anca?", p="Carne de res, punta de anca", where=c("Medellín"),
    prev=["precio sobrebarriga en medellin"])

# F. price on a day / week / N weeks ago / month / quarter / year
add("day", "a como estaba el tomate chonto en corabastos el 15 de marzo de 2024", p="Tomate chonto", where=m(COR),
    day="2024-03-15")
add("day", "cuanto valia la papa criolla en medellin el 24 de diciembre del 2023", p="Papa criolla limpia",
    where=c("Medellín"), day="2023-12-24")
add("day", "precio de la cebolla cabezona blanca en Bucaramanga el 2/05/2022", p="Cebolla cabezona blanca",
    where=c("Bucaramanga"), day="2022-05-02")
add("day", "la semana del 6 de sept 2025, cuanto estaba el lulo en Cavasa", p="Lulo", where=m(CAV_CALI),
    day="2025-09-06")
add("day", "el 10 de enero de 2018 a como estaba el arroz de primera en barranquillita", p="Arroz de primera",
    where=m(BQ), day="2018-01-10")
add("day", "a como estaba la yuca llanera en villavicencio el dia de las velitas del 2024", p="Yuca llanera",
    where=c("Villavicencio"), day="2024-12-07")
add("day", "el 20 de julio pasado cuanto estaba el maracuya en armenia", p="Maracuyá", where=c("Armenia"),
    day="2025-07-20")
add("ago", "cuanto estaba el aguacate hass en corabastos hace 3 semanas", p="Aguacate Hass", where=m(COR), days=21)
add("ago", "la semana pasada a como estuvo el banano criollo en mercasa", p="Banano criollo", where=m(MERCASA),
    days=7)
add("ago", "hace 15 dias a como estaba la zanahoria en Tunja", p="Zanahoria", where=c("Tunja"), days=15)
add("ago", "hace un mes cuanto valia la habichuela en surabastos", p="Habichuela", where=m(NEI), months=1)
add("ago", "precio de la espinaca en cenabastos hace dos semanas", p="Espinaca", where=m(CUC), days=14)
add("period", "en agosto a como estuvo la cebolla junca en Mercasa", p="Cebolla junca", where=m(MERCASA),
    start="2025-08-01", end="2025-08-31")
add("period", "julio del 2024 precio del pimenton en cenabastos", p="Pimentón", where=m(CUC),
    start="2024-07-01", end="2024-07-31")
add("period", "diciembre 2022 la papa pastusa en corabastos cuanto estaba", p="Papa parda pastusa", where=m(COR),
    start="2022-12-01", end="2022-12-31")
add("period", "mayo de 2017 mora de castilla en la mayorista de antioquia", p="Mora de Castilla", where=m(CMA),
    start="2017-05-01", end="2017-05-31")
add("period", "primer trimestre de 2025 tomate de arbol en Cali", p="Tomate de árbol", where=c("Cali"),
    start="2025-01-01", end="2025-03-31")
add("period", "en el ultimo trimestre del 2024 a como estuvo el limon tahiti en barranquilla", p="Limón Tahití",
    where=c("Barranquilla"), start="2024-10-01", end="2024-12-31")
add("period", "en el 2023 a como estuvo el kilo de fresa en Tunja", p="Fresa", where=c("Tunja"),
    start="2023-01-01", end="2023-12-31")
add("period", "este año como ha estado el precio de la guayaba pera en neiva", p="Guayaba pera", where=c("Neiva"),
    start="2025-01-01", end="2025-12-31")
add("period", "el año pasado a como estuvo la pechuga de pollo en bazurto", p="Pechuga de pollo", where=m(BAZ),
    start="2024-01-01", end="2024-12-31")
add("period", "en marzo cuanto valio la papa criolla en bogota", p="Papa criolla limpia", where=c("Bogotá"),
    start="2025-03-01", end="2025-03-31")
add("period", "en 2021 a como estuvo la arveja verde en vaina en ibague", p="Arveja verde en vaina", where=c("Ibagué"),
    start="2021-01-01", end="2021-12-31")
add("period", "cuanto estaba el kilo de lenteja importada en la plaza españa en febrero de 2025",
    p="Lenteja importada", where=m(ESP), start="2025-02-01", end="2025-02-28")
add("ago", "¿y como estaba hace un mes?", p="Naranja Valencia", where=m(CEN), months=1,
    prev=["a como esta la naranja valencia en centroabastos"])
add("period", "y en todo el 2024?", p="Arveja verde en vaina", where=c("Neiva"), start="2024-01-01",
    end="2024-12-31", prev=["el kilo de arveja verde en vaina en neiva"])
add("ago", "y la semana pasada q", p="Tomate chonto", where=c("Valledupar"), days=7,
    prev=["precio del tomate chonto en valledupar"])
add("period", "¿y en junio de 2025?", p="Cilantro", where=m(CMA), start="2025-06-01", end="2025-06-30",
    prev=["cilantro en la mayorista de medellin", "gracias"])

# G. changes
add("change", "cuanto subio o bajo la papa pastusa en corabastos entre el 1 de enero y el 1 de octubre de 2025",
    p="Papa parda pastusa", where=m(COR), d1="2025-01-01", d2="2025-10-01")
add("change_per", "diferencia del tomate de arbol en la mayorista entre junio y septiembre de este año",
    p="Tomate de árbol", where=m(CMA), a=("2025-06-01", "2025-06-30"), b=("2025-09-01", "2025-09-30"))
add("change", "desde el 1 de julio cuanto ha subido o bajado el limon tahiti en cali", p="Limón Tahití",
    where=c("Cali"), d1="2025-07-01", d2=None)
add("change", "frente al 15 de agosto como va la cebolla junca en pereira, subio?", p="Cebolla junca",
    where=c("Pereira"), d1="2025-08-15", d2=None)
add("change", "cuanto cambio el huevo rojo AA en paloquemao del 3 de marzo al 3 de septiembre de 2025",
    p="Huevo rojo AA", where=m(PALO), d1="2025-03-03", d2="2025-09-03")
add("change_per", "la papa criolla en tunja: cuanto vario entre abril y mayo de 2025", p="Papa criolla limpia",
    where=c("Tunja"), a=("2025-04-01", "2025-04-30"), b=("2025-05-01", "2025-05-31"))
add("change", "el lulo en surabastos del 1 de junio de 2024 a hoy cuanto ha subido", p="Lulo", where=m(NEI),
    d1="2024-06-01", d2=None)
add("change_per", "variacion del arroz de primera en cenabastos de 2023 a 2024", p="Arroz de primera",
    where=m(CUC), a=("2023-01-01", "2023-12-31"), b=("2024-01-01", "2024-12-31"))
add("change", "queso costeño en barranquillita: precio el 5 de enero de 2025 vs el 5 de octubre de 2025",
    p="Queso costeño", where=m(BQ), d1="2025-01-05", d2="2025-10-05")
add("change", "q tanto ha bajado el aguacate hass en Tunja desde el 1 de mayo?", p="Aguacate Hass",
    where=c("Tunja"), d1="2025-05-01", d2=None)

# H. comparisons between named markets / cities
add("compare", "papa criolla corabastos vs la mayorista de medellin", p="Papa criolla limpia", wheres=[m(COR), m(CMA)])
add("compare", "donde sale mas barato el tomate chonto, en cali o en bogota?", p="Tomate chonto",
    wheres=[c("Cali"), c("Bogotá")])
add("compare", "comparame el aguacate hass en bogota, medellin y tunja", p="Aguacate Hass",
    wheres=[c("Bogotá"), c("Medellín"), c("Tunja")])
add("compare", "mora de castilla: pereira y armenia, cual esta mas cara", p="Mora de Castilla",
    wheres=[c("Pereira"), c("Armenia")])
add("compare", "cebolla cabezona blanca barranquillita o granabastos, donde conviene", p="Cebolla cabezona blanca",
    wheres=[m(BQ), m(GRA)])
add("compare", "la pechuga de pollo en el frigorifico guadalupe vs paloquemao", p="Pechuga de pollo",
    wheres=[m(GUA), m(PALO)])
add("compare", "precio del banano criollo en ibague, neiva y pereira", p="Banano criollo",
    wheres=[c("Ibagué"), c("Neiva"), c("Pereira")])
add("compare", "compara la zanahoria de cenabastos con la de centroabastos", p="Zanahoria", wheres=[m(CUC), m(CEN)])
add("compare", "yuca ICA en cali y en pasto cuanto", p="Yuca ICA", wheres=[c("Cali"), c("Pasto")])

# I. cheapest / priciest market this week
add("extreme", "donde esta mas barata la papa criolla esta semana", p="Papa criolla limpia", which="min")
add("extreme", "en que mercado esta mas caro el limon tahiti", p="Limón Tahití", which="max")
add("extreme", "cual es la central mas barata pa comprar cebolla cabezona blanca", p="Cebolla cabezona blanca",
    which="min")
add("extreme", "en que plaza de medellin sale mas barato el banano criollo", p="Banano criollo", which="min",
    city="Medellín")
add("extreme", "en cali donde esta mas barato el tomate chonto", p="Tomate chonto", which="min", city="Cali")
add("extreme", "donde pagan mas caro el lulo en el pais", p="Lulo", which="max")
add("extreme", "mercado mas barato pa la pechuga de pollo", p="Pechuga de pollo", which="min")
add("extreme", "cual plaza tiene la mora de castilla mas cara", p="Mora de Castilla", which="max")

# J. trade units
add("trade", "a como esta el bulto de papa pastusa en corabastos", p="Papa parda pastusa", where=m(COR), unit="bulto")
add("trade", "cuanto vale la arroba de tomate chonto en cenabastos", p="Tomate chonto", where=m(CUC), unit="arroba")
add("trade", "la libra de cilantro en la mayorista", p="Cilantro", where=m(CMA), unit="libra")
add("trade", "bulto de zanahoria bogota cuanto", p="Zanahoria", where=c("Bogotá"), unit="bulto")
add("trade", "un bulto de aguacate hass en corabastos cuanto me sale", p="Aguacate Hass", where=m(COR), unit="bulto")
add("trade", "cuanto esta el kilo de huevo rojo A en neiva", p="Huevo rojo A", where=c("Neiva"), unit="kilo")
add("trade", "5 kilos de lulo en surabastos cuanto me salen", p="Lulo", where=m(NEI), unit="kilos", n=5)
add("trade", "arroba de cebolla cabezona roja en bazurto", p="Cebolla cabezona roja", where=m(BAZ), unit="arroba")

# K. must ask back: family words with several kinds priced there, unknown places
add("family", "buenas, q precio tiene la papa hoy en tunja", fam="papa", where=m(TUN))
add("family", "cuanto vale la cebolla en barranquillita", fam="cebolla", where=m(BQ))
add("family", "el platano en corabastos a como", fam="plátano", where=m(COR))
add("family", "frijol en la mayorista cuanto", fam="fríjol", where=m(CMA))
add("family", "cuanto esta el huevo en villavicencio", fam="huevo", where=m(VIL))
add("family", "a como esta la carne de res en bazurto", fam="carne de res", where=m(BAZ))
add("family", "uvas en cavasa precio", fam="uva", where=m(CAV_CALI))
add("family", "mango en mercasa?", fam="mango", where=m(MERCASA))
add("family", "queso santa helena cali", fam="queso", where=m(STE))
add("place", "a como esta la papa criolla en zipaquira", place="zipaquira")
add("place", "precio del tomate de arbol en girardot hoy", place="girardot")
add("place", "cuanto vale el lulo en leticia", place="leticia")
add("place", "limon tahiti en riohacha a como", place="riohacha")
add("place", "a como esta la mora de castilla en fusagasuga", place="fusagasuga")

# L. must answer without figures
add("untracked", "parce y el chontaduro a como lo tienen en cali?", food="chontaduro")
add("untracked", "cuanto valen los champiñones en la central de corabastos", food="champiñon")
add("untracked", "cuanto vale el araza en florencia", food="araza")
add("untracked", "mamoncillo en barranquillita a como", food="mamoncillo")
add("nn", "cuanto esta la papa criolla en el D1", tag="retail")
add("nn", "precio del kilo de tomate chonto en el Exito", tag="retail")
add("nn", "a como venden el huevo rojo AA en la tienda de la esquina", tag="retail")
add("nn", "al detal cuanto vale la libra de arroz de primera en Ara", tag="retail")
add("nn", "a como estaba la papa criolla en corabastos en 2012", tag="year_out_of_range")
add("nn", "precio del lulo en cali en el 2015", tag="year_out_of_range")
add("nn", "cuanto valdra la zanahoria en corabastos en marzo de 2027", tag="year_out_of_range")
add("nn", "buenas noches, q mas pues", tag="smalltalk")
add("nn", "quien gano el clasico ayer parce", tag="smalltalk")
add("nn", "cuanto esta el dolar hoy", tag="smalltalk")


# ---------------------------------------------------------------------------------------------------------
def load() -> Any:
    if CACHE.exists():
        try:
            return pickle.loads(CACHE.read_bytes())
        except Exception:
            pass
    data = L.Data(L.CSV)
    CACHE.write_bytes(pickle.dumps(data))
    return data


def fold(text: str) -> str:
    return L.fold(text)


class Skip(Exception):
    pass


def val(kind: str, v: float, market: str | None, date: str | None, **extra: Any) -> dict[str, Any]:
    out = {"kind": kind, "value": round(float(v), 4), "market": market, "date": date}
    out.update(extra)
    return out


def resolve(data: Any, p: str, where: str | None, start: str | None = None, end: str | None = None) -> str:
    """The market a question refers to, with the checks of this script."""
    if where is None:
        mk = data.default_market(p)
        if mk is None:
            raise Skip(f"no market prices {p}")
        return mk
    if where.startswith("m:"):
        return where[2:]
    city = where[2:]
    main = dict(L.MAIN).get(city)
    if main is None:
        cands = [mk for mk, cc in data.cities.items() if cc == city]
        if len(cands) != 1:
            raise Skip(f"city {city} not in MAIN and has {len(cands)} markets")
        main = cands[0]
    s = data.series(p, main)
    if start is None:
        if s.empty or str(s.iloc[-1]["week"]) != LATEST:
            raise Skip(f"main market {main} of {city} lacks {p} in {LATEST}")
    else:
        w = s[(s["week"] >= start) & (s["week"] <= end)]
        if w.empty:
            raise Skip(f"main market {main} of {city} lacks {p} in {start}..{end}")
    return main


def now_price(data: Any, p: str, mk: str) -> tuple[str, float]:
    if (p, mk) in data.conflicted:
        raise Skip(f"conflicting rows for {p} @ {mk}")
    found = data.latest_price(p, mk)
    if not found:
        raise Skip(f"no price for {p} @ {mk}")
    if found[0] != LATEST:
        raise Skip(f"{p} @ {mk} newest week is {found[0]}, not {LATEST}")
    return found


def week_price_or_back(data: Any, p: str, mk: str, day: str, back: int = 0) -> tuple[str, float]:
    s = data.series(p, mk)
    hit = s[(s["week"] <= day) & (s["week_end"] >= day)]
    if not hit.empty:
        return str(hit.iloc[-1]["week"]), float(hit.iloc[-1]["price"])
    if back == 0:
        raise Skip(f"no week holding {day} for {p} @ {mk}")
    ws, _ = L.week_of(dt.date.fromisoformat(day))
    earlier = s[(s["week"] < ws.isoformat()) & (s["week"] >= (ws - dt.timedelta(weeks=back)).isoformat())]
    if earlier.empty:
        raise Skip(f"no price within {back} weeks before {day} for {p} @ {mk}")
    return str(earlier.iloc[-1]["week"]), float(earlier.iloc[-1]["price"])


def period_mean(data: Any, p: str, mk: str, start: str, end: str) -> float:
    if (p, mk) in data.conflicted:
        raise Skip(f"conflicting rows for {p} @ {mk}")
    v = data.period_mean(p, mk, start, end)
    if v is None:
        raise Skip(f"no weeks for {p} @ {mk} in {start}..{end}")
    return v


def vocab_names(path: Path, cols: tuple[str, ...]) -> set[str]:
    names: set[str] = set()
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for col in cols:
                for part in str(row.get(col) or "").split("|"):
                    if part.strip():
                        names.add(fold(part))
    return names


def build(data: Any) -> tuple[list[dict[str, Any]], list[str]]:
    places = vocab_names(VOCAB / "markets.csv", ("name", "city", "department", "aliases"))
    place_words = {w for n in places for w in n.split()}
    foods = vocab_names(VOCAB / "products.csv", ("name", "aliases"))
    last = data.df[data.df["week"] == LATEST]
    records: list[dict[str, Any]] = []
    dropped: list[str] = []
    for it in ITEMS:
        kind, q = it["kind"], it["q"]
        prev = it.get("prev", [])
        tags = [SET_TAG]
        values: list[dict[str, Any]] = []
        forbid: list[str] = []
        expect = "answer"
        try:
            if kind == "now":
                mk = resolve(data, it["p"], it["where"])
                wk, pr = now_price(data, it["p"], mk)
                values = [val("price", pr, mk, wk)]
                where = it["where"]
                tags += ["direct", "noplace" if where is None else ("city" if where.startswith("c:") else "market")]
            elif kind == "day":
                ws, _ = L.week_of(dt.date.fromisoformat(it["day"]))
                mk = resolve(data, it["p"], it["where"], ws.isoformat(), ws.isoformat())
                wk, pr = week_price_or_back(data, it["p"], mk, it["day"])
                values = [val("price", pr, mk, wk)]
                tags += ["period", "day"]
            elif kind == "ago":
                if "months" in it:
                    day = L.shift_months(TODAY, it["months"])
                else:
                    day = TODAY - dt.timedelta(days=it["days"])
                ws, _ = L.week_of(day)
                mk = resolve(data, it["p"], it["where"], ws.isoformat(), ws.isoformat())
                v = data.week_price(it["p"], mk, ws.isoformat())
                if v is None:
                    raise Skip(f"no price for {it['p']} @ {mk} week {ws}")
                values = [val("price", v, mk, ws.isoformat())]
                tags += ["period", "relative"]
            elif kind == "period":
                mk = resolve(data, it["p"], it["where"], it["start"], it["end"])
                v = period_mean(data, it["p"], mk, it["start"], it["end"])
                values = [val("price", v, mk, None)]
                tags += ["period", "span"]
            elif kind == "change":
                d2 = it["d2"]
                mk = resolve(data, it["p"], it["where"], None if d2 is None else it["d1"],
                             None if d2 is None else d2)
                w1, p1 = week_price_or_back(data, it["p"], mk, it["d1"], back=4)
                if d2 is None:
                    w2, p2 = now_price(data, it["p"], mk)
                else:
                    w2, p2 = week_price_or_back(data, it["p"], mk, d2, back=4)
                values = [val("price", p1, mk, w1), val("price", p2, mk, w2),
                          val("change_pct", (p2 / p1 - 1) * 100, mk, None)]
                tags += ["change", "to_now" if d2 is None else "two_dates"]
            elif kind == "change_per":
                (s1, e1), (s2, e2) = it["a"], it["b"]
                mk = resolve(data, it["p"], it["where"], s1, e1)
                resolve(data, it["p"], it["where"], s2, e2)
                p1 = period_mean(data, it["p"], mk, s1, e1)
                p2 = period_mean(data, it["p"], mk, s2, e2)
                values = [val("price", p1, mk, None), val("price", p2, mk, None),
                          val("change_pct", (p2 / p1 - 1) * 100, mk, None)]
                tags += ["change", "two_periods"]
            elif kind == "compare":
                for where in it["wheres"]:
                    mk = resolve(data, it["p"], where)
                    wk, pr = now_price(data, it["p"], mk)
                    values.append(val("price", pr, mk, wk))
                if len({v["market"] for v in values}) != len(values):
                    raise Skip("same market twice")
                tags += ["compare"]
            elif kind == "extreme":
                week = data.product_week[it["p"]]
                if week != LATEST:
                    raise Skip(f"{it['p']} newest week {week}")
                rows = data.across(it["p"], week)
                rows = rows[~rows["market"].map(lambda mk: (it["p"], mk) in data.conflicted)]
                if "city" in it:
                    rows = rows[rows["market"].map(lambda mk: data.cities.get(mk) == it["city"])]
                if len(rows) < 2:
                    raise Skip("fewer than 2 markets")
                rows = rows.sort_values("price", ascending=(it["which"] == "min"))
                if abs(float(rows.iloc[0]["price"]) - float(rows.iloc[1]["price"])) <= 0.5:
                    raise Skip("tie for first place")
                values = [val("price", float(rows.iloc[0]["price"]), str(rows.iloc[0]["market"]), week)]
                tags += ["extreme", "cheapest" if it["which"] == "min" else "priciest"]
                if "city" in it:
                    tags.append("city")
            elif kind == "trade":
                mk = resolve(data, it["p"], it["where"])
                wk, pr = now_price(data, it["p"], mk)
                values = [val("price", pr, mk, wk)]
                unit = it["unit"]
                punit = data.units.get(it["p"], "kg")
                if punit != "kg" or (unit == "bulto" and not it["p"].startswith(BULTO_PREFIXES)):
                    forbid = ["trade_price"]
                elif unit == "kilos":
                    values.append(val("trade_price", pr * it["n"], mk, wk, unit="kilos"))
                elif unit in UNIT_KG:
                    values.append(val("trade_price", pr * UNIT_KG[unit], mk, wk, unit=unit))
                else:
                    raise Skip(f"unit {unit} for a kg product")
                tags += ["trade_unit"]
            elif kind == "family":
                mk = it["where"][2:]
                f = fold(it["fam"])
                kinds = sorted({p for p in last.loc[last["market"] == mk, "product"]
                                if fold(p) == f or fold(p).startswith(f + " ")})
                if len(kinds) < 2:
                    raise Skip(f"family {f} has {kinds} in {mk}")
                expect = "clarify"
                tags += ["clarify", "family"]
            elif kind == "place":
                if fold(it["place"]) in places or fold(it["place"]) in place_words:
                    raise Skip(f"{it['place']} is in the vocabulary")
                expect = "clarify"
                tags += ["clarify", "unknown_place"]
            elif kind == "untracked":
                f = fold(it["food"])
                if any(f in n for n in foods):
                    raise Skip(f"{it['food']} is in products.csv")
                expect = "no_numbers"
                tags += ["no_numbers", "untracked"]
            elif kind == "nn":
                expect = "no_numbers"
                tags += ["no_numbers", it["tag"]]
            else:
                raise Skip(f"unknown kind {kind}")
        except Skip as exc:
            dropped.append(f"{q!r}: {exc}")
            continue
        if prev:
            tags.append("followup")
        records.append({"id": "", "q": q, "prev": list(prev), "family": "lookup", "expect": expect,
                        "values": values, "forbid": forbid, "tags": tags})
    seen: set[str] = set()
    for rec in records:
        key = fold(" || ".join([*rec["prev"], rec["q"]]))
        if fold(rec["q"]) in seen and not rec["prev"]:
            raise SystemExit(f"duplicate question: {rec['q']}")
        if key in seen:
            raise SystemExit(f"duplicate question: {rec['q']}")
        seen.add(key)
        if not rec["prev"]:
            seen.add(fold(rec["q"]))
    for i, rec in enumerate(records, 1):
        rec["id"] = f"b6l-{i:03d}"
    return records, dropped


def main() -> None:
    data = load()
    assert data.latest == LATEST, data.latest
    records, dropped = build(data)
    with open(OUT, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    from collections import Counter
    print(f"{len(records)} records -> {OUT}")
    print("expect:", dict(Counter(r["expect"] for r in records)))
    print("tags:", dict(Counter(t for r in records for t in r["tags"])))
    for d in dropped:
        print("DROPPED", d)


if __name__ == "__main__":
    main()
