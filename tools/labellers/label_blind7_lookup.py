"""Blind held-out LOOKUP set #7 for SIPSABot: writes tests/questions/blind/blind7-lookup.jsonl.

    .venv/bin/python tools/labellers/label_blind7_lookup.py

Written by a QA engineer who did NOT read the router, the handlers, the bot's tests, its labellers under
tools/labellers/ or any other question set (tests/questions/*.jsonl, tests/questions/blind/*, /work/blind/*).
Sources read: tests/questions/LABELS.md (the contract), tools/label_questions.py (only to reuse its `Data`
class, `MAIN` list and name folding), data/vocab/products.csv + markets.csv, and the raw table
../shared/sipsa/series/semanal_precios_2017-2025.csv.gz, from which every expected value is computed here with
pandas (never typed by hand).

Pinned facts: TODAY = 2025-11-03 (Monday); newest week of the table = 2025-10-25.

Rules followed (LABELS.md):
- A market named -> that market; a city named -> MAIN market, or, when it lacks the product, the city's market
  with the newest price (Data.city_market; town names such as Tuluá, Duitama or Yopal are the `city` column of
  markets.csv); no place -> first MAIN market pricing the product in its newest week (Data.default_market).
- No period -> the newest week of that series (`price` with `date`).
- A day -> the table week with semana_inicio <= day <= semana_fin.  Relative dates count from TODAY:
  "la semana pasada" = TODAY-7 days, "hace N semanas" = TODAY-7N days, "hace N días" = TODAY-N days,
  "hace N meses" = TODAY shifted N calendar months; then the week holding that day.
- A month / quarter / year asked plainly -> mean of the weekly prices of the weeks starting in it, `price`
  without date.  A month without a year = its latest occurrence before TODAY; "este año" = 2025,
  "el año pasado" = 2024.  "las últimas N semanas" = the N newest weeks of the table; a "promedio" over them
  is labelled `mean`.
- Comparisons of 2-3 places: one `price` per place (newest week of each series, with market and date).
- Cheapest / priciest market "esta semana": among the markets pricing the product in 2025-10-25 (all markets,
  or the markets of the city named); the value is the first market with its price.  Items with a tie at the
  top are dropped automatically.
- Change between two days: each day's week, or the closest earlier priced week at most 4 weeks back; values
  two `price` with date + `change_pct`.  Between months/quarters/years: `change_pct` plus the two means as
  `price` without date.  From a date to now: the date's week (same 4-week fallback) vs the newest week.
- Trade units: libra 0.5 kg, arroba 12.5 kg, "N kilos" N kg, bulto 50 kg only for the LABELS prefixes
  (Papa, Cebolla cabezona, Zanahoria, Yuca, Arracacha, Arroz, Fríjol, Maíz, Lenteja, Garbanzo, Arveja seca,
  Azúcar); other bultos give the per-kg `price` with forbid trade_price; eggs/oils per kilo/libra/arroba/bulto
  give their own unit's price with forbid trade_price.
- clarify: a family word with several products priced in that place (options listed from the data), or a
  place that is neither a SIPSA market, city nor department.  no_numbers: foods SIPSA does not track, retail
  (supermarket, tienda, al detal), years before 2017 or after the newest data, small talk / out of scope.

Interpretations where LABELS.md is silent (my choices):
- "hace N días/semanas/meses" in a plain lookup = the week holding TODAY minus that span (as above).
- "desde junio" (no day) = from the 1st of that month of 2025 to the newest week.
- For a past day/period with a city, the city's market is the MAIN one if it has a week in the period, else
  the city market with the newest week in it (Data.city_market_in).
- A "Cúcuta" city comparison of markets includes the markets whose city is Cúcuta or San José de Cúcuta.
- A "forbid" is also added on clarify / no_numbers items for `price` (they must give no figure).
- Trade values carry `unit` (libra/arroba/bulto/kilos) and `kg`.
- Tags: "blind7-lookup" on all; "direct" on plain current-price questions (including follow-ups that only
  change the place or the product); other tags describe the shape (period, compare, cheapest, priciest,
  change, trade, followup, clarify, no_numbers, nomarket, town, journalist, voice, slang, typo ...).

- "la semana pasada" = the week holding TODAY-7 = 2025-10-27, i.e. the table week 2025-10-25 (the same week as
  "now"; this is how I read LABELS' "the week holding 2025-10-27"); "hace 2 semanas" -> 2025-10-18.

Dropped items are listed in DROPPED (printed at the end of a run) with the reason; an item is dropped when a
value cannot be computed (no price in that week/period/place, conflicting duplicate rows, tie at the top).
While writing, three drafts could not be computed and were removed or rewritten: "yuca llanera" in Yopal
(conflicting duplicate rows for that series), guanábana in Neiva (no series in Surabastos or any Neiva
market; rewritten with granadilla), sierra entera congelada in Bazurto in November 2024 (no week that month;
rewritten to July 2024).  The current run drops nothing (178 records: 147 answer, 16 clarify, 15 no_numbers;
80 tagged direct).  Duplicates against the other sets were checked with dupcheck.py (folded "q" only);
three colliding short follow-ups / no_numbers questions were reworded.

First run (`sipsabot eval --tag blind7-lookup --verbose`, once, at commit ea27143, after the fixes from the
blind6 sets and before any fix from this one): 91.6% exact (163/178), 95.0% on direct price questions (76/80),
3.4% confidently wrong (6/178). Confident errors: a date said in words ("el quince de mayo de dos mil
veinticuatro") read as May 2025; a bare year ("pechuga de pollo Sincelejo 2023") not read, so the newest price
was given; "2023 contra 2024" and "cambio del precio … entre 2022 y 2024" answered as one period; "desde junio"
starting at the first week of June instead of the week that holds 1 June; a follow-up "¿y en Túquerres?" after
a bulto question losing the bulto. Safe misses: "chonto" alone, "yuca criolla allá en Bazurto", a variety
follow-up ("la roja peruana"), a greeting with "dice que subió mucho", and clarifications that offered the
kinds most priced nationally instead of the kinds priced in the market named. No label was changed after the run.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import label_questions as L  # noqa: E402  (reused: Data, MAIN, CSV)

HERE = Path(__file__).resolve().parent
OUT = Path(__file__).resolve().parents[2] / "tests" / "questions" / "blind" / "blind7-lookup.jsonl"
TODAY = dt.date(2025, 11, 3)
SET = "blind7-lookup"
BULTO_PREFIXES = ("Papa", "Cebolla cabezona", "Zanahoria", "Yuca", "Arracacha", "Arroz", "Fríjol", "Maíz",
                  "Lenteja", "Garbanzo", "Arveja seca", "Azúcar")
UNIT_KG = {"libra": 0.5, "arroba": 12.5, "bulto": 50.0}
DROPPED: list[str] = []

M_BQ = "Barranquilla, Barranquillita"
M_GRANA = "Barranquilla, Granabastos"
M_BAZ = "Cartagena, Bazurto"
M_CENA = "Cúcuta, Cenabastos"
M_SEXTA = "Cúcuta, La Nueva Sexta"
M_CENTRO = "Bucaramanga, Centroabastos"
M_POT = "Pasto, El Potrerillo"
M_SUR = "Neiva, Surabastos"
M_MERCAR = "Armenia, Mercar"
M_MERCASA = "Pereira, Mercasa"
M_CAVASA = "Cali, Cavasa"
M_SELENA = "Cali, Santa Elena"
M_21 = "Ibagué, Plaza La 21"
M_MERCAB = "Valledupar, Mercabastos"
M_VNUEVO = "Valledupar, Mercado Nuevo"
M_CAV = "Villavicencio, CAV"

# ---------------------------------------------------------------------------------------------------------
# The questions.  w = "m:<market>" | "c:<city>" | None.  t = type (see label()).
# ---------------------------------------------------------------------------------------------------------
ITEMS: list[dict[str, Any]] = [
    # ---- A. plain current price, market or city (direct) ----
    {"q": "chonto en bquilla a como?", "t": "now", "p": "Tomate chonto", "w": "c:Barranquilla", "tags": ["short", "abbrev"]},
    {"q": "Buenas tardes, ¿a cómo está el kilo de bocachico criollo fresco en Montería?", "t": "now",
     "p": "Bocachico criollo fresco", "w": "c:Montería"},
    {"q": "mojarra lora fresca sincelejo", "t": "now", "p": "Mojarra lora entera fresca", "w": "c:Sincelejo",
     "tags": ["short"]},
    {"q": "parce a cuanto esta la yuca criolla alla en bazurto", "t": "now", "p": "Yuca criolla", "w": "m:" + M_BAZ,
     "tags": ["slang"]},
    {"q": "oiga y cuánto está la vaina esa del ñame espino en Cartagena", "t": "now", "p": "Ñame espino",
     "w": "c:Cartagena", "tags": ["slang"]},
    {"q": "queso costeño valledupar precio", "t": "now", "p": "Queso costeño", "w": "c:Valledupar", "tags": ["short"]},
    {"q": "me regala el precio de la papa criolla limpia en Mercabastos porfa", "t": "now",
     "p": "Papa criolla limpia", "w": "m:" + M_MERCAB},
    {"q": "¿Cuál es el precio mayorista del tomate de árbol en Cenabastos?", "t": "now", "p": "Tomate de árbol",
     "w": "m:" + M_CENA},
    {"q": "a como esta el lomo fino de res en cucuta", "t": "now", "p": "Carne de res, lomo fino", "w": "c:Cúcuta",
     "tags": ["noaccent"]},
    {"q": "mijo cuánto vale la zanahoria en centroabastos", "t": "now", "p": "Zanahoria", "w": "m:" + M_CENTRO,
     "tags": ["slang"]},
    {"q": "tomate riogrande bucaramanga", "t": "now", "p": "Tomate Riogrande", "w": "c:Bucaramanga", "tags": ["short"]},
    {"q": "papa morasurco en el potrerillo cuanto", "t": "now", "p": "Papa Morasurco", "w": "m:" + M_POT},
    {"q": "Hola, buen día. Quisiera saber en cuánto está la trucha entera fresca en Pasto esta semana.", "t": "now",
     "p": "Trucha entera fresca", "w": "c:Pasto"},
    {"q": "ulluco en ipiales a como lo estan pagando", "t": "now", "p": "Ulluco", "w": "c:Ipiales"},
    {"q": "precio actual de la arveja verde en vaina pastusa en Popayán", "t": "now",
     "p": "Arveja verde en vaina pastusa", "w": "c:Popayán"},
    {"q": "queso caqueta popayan hoy", "t": "now", "p": "Queso Caquetá", "w": "c:Popayán", "tags": ["noaccent"]},
    {"q": "cuanto esta la gulupa en Surabastos", "t": "now", "p": "Gulupa", "w": "m:" + M_SUR},
    {"q": "maracuya huilense en neiva pues", "t": "now", "p": "Maracuyá huilense", "w": "c:Neiva", "tags": ["noaccent"]},
    {"q": "Villavo: cachama de cultivo fresca, precio", "t": "now", "p": "Cachama de cultivo fresca",
     "w": "c:Villavicencio", "tags": ["abbrev"]},
    {"q": "el platano harton verde en el CAV de villavicencio a como anda", "t": "now", "p": "Plátano hartón verde",
     "w": "m:" + M_CAV},
    {"q": "papa tocarreña en tunja a como está?", "t": "now", "p": "Papa tocarreña", "w": "c:Tunja"},
    {"q": "En Mercar cuánto cuesta la papa suprema?", "t": "now", "p": "Papa suprema", "w": "m:" + M_MERCAR},
    {"q": "armenia, precio del mango yulima xfa", "t": "now", "p": "Mango Yulima", "w": "c:Armenia", "tags": ["abbrev"]},
    {"q": "plátano dominico hartón verde en Manizales ¿cuánto vale el kilo?", "t": "now",
     "p": "Plátano dominico hartón verde", "w": "c:Manizales"},
    {"q": "huevo blanco AA manizales a como la unidad", "t": "now", "p": "Huevo blanco AA", "w": "c:Manizales"},
    {"q": "Cali: papa capira, precio de hoy", "t": "now", "p": "Papa capira", "w": "c:Cali"},
    {"q": "sobrebarriga de res en santa helena cali", "t": "now", "p": "Carne de res, sobrebarriga",
     "w": "m:" + M_SELENA},
    {"q": "pargo rojo platero santa marta", "t": "now", "p": "Pargo rojo platero", "w": "c:Santa Marta",
     "tags": ["short"]},
    {"q": "Cuánto vale la sierra entera congelada en Santa Marta?", "t": "now", "p": "Sierra entera congelada",
     "w": "c:Santa Marta"},
    {"q": "Montería, ¿cuánto vale hoy el blanquillo entero fresco?", "t": "now", "p": "Blanquillo entero fresco",
     "w": "c:Montería"},
    {"q": "aji topito dulce en sincelejo a como lo tienen", "t": "now", "p": "Ají topito dulce", "w": "c:Sincelejo"},
    {"q": "precio del litro de aceite de palma en Sincelejo", "t": "now", "p": "Aceite de palma", "w": "c:Sincelejo"},
    {"q": "en la 21 de ibague cuanto esta la gulupa", "t": "now", "p": "Gulupa", "w": "m:" + M_21},
    {"q": "tilapia roja entera fresca en ibague", "t": "now", "p": "Tilapia roja entera fresca", "w": "c:Ibagué"},
    {"q": "carne molida de murillo en Ibagué cuanto vale", "t": "now", "p": "Carne de res molida, murillo",
     "w": "c:Ibagué"},
    {"q": "limon comun valluno en tulua", "t": "now", "p": "Limón común valluno", "w": "c:Tuluá",
     "tags": ["town", "noaccent"]},
    {"q": "calamar en anillos tuluá precio", "t": "now", "p": "Calamar anillos", "w": "c:Tuluá", "tags": ["town"]},
    {"q": "Palmira: cebolla junca tenerife", "t": "now", "p": "Cebolla junca Tenerife", "w": "c:Palmira",
     "tags": ["town"]},
    {"q": "corvina filete congelado nacional en buenaventura a como", "t": "now",
     "p": "Corvina, filete congelado nacional", "w": "c:Buenaventura", "tags": ["town"]},
    {"q": "langostino 16-20 buenaventura", "t": "now", "p": "Langostino 16-20", "w": "c:Buenaventura",
     "tags": ["town", "short"]},
    {"q": "en cartago valle a como esta el frijol uribe rosado", "t": "now", "p": "Fríjol Uribe rosado",
     "w": "c:Cartago", "tags": ["town"]},
    {"q": "Pamplona: fríjol verde bolo, ¿cuánto?", "t": "now", "p": "Fríjol verde bolo", "w": "c:Pamplona",
     "tags": ["town"]},
    {"q": "papa parda pastusa en chiquinquira cuanto dan", "t": "now", "p": "Papa parda pastusa",
     "w": "c:Chiquinquirá", "tags": ["town"]},
    {"q": "durazno nacional en Duitama, precio de esta semana", "t": "now", "p": "Durazno nacional", "w": "c:Duitama",
     "tags": ["town"]},
    {"q": "Florencia Caquetá: queso doble crema", "t": "now", "p": "Queso doble crema", "w": "c:Florencia",
     "tags": ["town"]},
    {"q": "a como esta la carne de res en canal en arauca", "t": "now", "p": "Carne de res en canal",
     "w": "c:Arauca", "tags": ["town"]},
    {"q": "panela cuadrada morena san gil", "t": "now", "p": "Panela cuadrada morena", "w": "c:San Gil",
     "tags": ["town", "short"]},
    {"q": "yuca chirosa en Rionegro Antioquia ¿cuánto está?", "t": "now", "p": "Yuca chirosa", "w": "c:Rionegro",
     "tags": ["town"]},
    {"q": "ulluco tuquerres", "t": "now", "p": "Ulluco", "w": "c:Túquerres", "tags": ["town", "short"]},
    {"q": "Granabastos pechuga de pollo hoy", "t": "now", "p": "Pechuga de pollo", "w": "m:" + M_GRANA},
    {"q": "frijol cabeza negra importado en barranquillita", "t": "now", "p": "Fríjol cabeza negra importado",
     "w": "m:" + M_BQ},
    {"q": "guayaba atlantico barranquilla cuanto", "t": "now", "p": "Guayaba Atlántico", "w": "c:Barranquilla"},
    {"q": "cuanto esta el bocadillo veleño en la nueva sexta", "t": "now", "p": "Bocadillo veleño", "w": "m:" + M_SEXTA},
    {"q": "cabeza de lomo de cerdo en Cenabastos", "t": "now", "p": "Carne de cerdo, cabeza de lomo",
     "w": "m:" + M_CENA},
    {"q": "bagre rayado entero fresco en el mercado nuevo de valledupar", "t": "now", "p": "Bagre rayado entero fresco",
     "w": "m:" + M_VNUEVO},
    {"q": "aceite de soya neiva a como el litro", "t": "now", "p": "Aceite soya", "w": "c:Neiva"},
    {"q": "toyo blanco filete congelado popayan", "t": "now", "p": "Toyo blanco, filete congelado", "w": "c:Popayán"},
    {"q": "tocineta plancha de cerdo manizales", "t": "now", "p": "Carne de cerdo, tocineta plancha",
     "w": "c:Manizales"},
    {"q": "merluza filete importado en armenia cuanto vale", "t": "now", "p": "Merluza, filete importado",
     "w": "c:Armenia"},
    {"q": "ñame diamante monteria a cuanto", "t": "now", "p": "Ñame diamante", "w": "c:Montería"},
    {"q": "cebolla cabezona roja importada en ipiales que precio tiene hoy", "t": "now",
     "p": "Cebolla cabezona roja importada", "w": "c:Ipiales"},
    {"q": "hola buenos dias eh quería saber el precio del bocachico criollo fresco ahí en santa marta que mi cuñado "
          "dice que subió mucho", "t": "now", "p": "Bocachico criollo fresco", "w": "c:Santa Marta",
     "tags": ["voice"]},
    {"q": "buenas noches necesito el precio del queso costeño en sincelejo para mañana temprano ir a comprar gracias",
     "t": "now", "p": "Queso costeño", "w": "c:Sincelejo", "tags": ["voice"]},
    {"q": "Señores SIPSABot: para una nota de El Universal solicito el precio mayorista vigente de la yuca criolla "
          "en Cartagena. Agradezco su atención. Atentamente, Redacción Económica", "t": "now", "p": "Yuca criolla",
     "w": "c:Cartagena", "tags": ["journalist"]},
    {"q": "Cordial saludo. Escribo desde la Vanguardia Liberal; ¿podrían indicarme el precio por kilogramo de la "
          "naranja valencia en Centroabastos en la última semana disponible?", "t": "now", "p": "Naranja Valencia",
     "w": "m:" + M_CENTRO, "tags": ["journalist"]},
    {"q": "ey q mas, el pimenton en valledupar a como ta", "t": "now", "p": "Pimentón", "w": "c:Valledupar",
     "tags": ["slang", "typo"]},
    {"q": "cuanto sta la cebolla junka berlin en cenabastos", "t": "now", "p": "Cebolla junca Berlín",
     "w": "m:" + M_CENA, "tags": ["typo"]},
    {"q": "presio del coco en armenia", "t": "now", "p": "Coco", "w": "c:Armenia", "tags": ["typo"]},
    {"q": "guanabana en bukaramanga?", "t": "now", "p": "Guanábana", "w": "c:Bucaramanga", "tags": ["typo"]},
    # ---- B. no place named (direct, nomarket) ----
    {"q": "precio del bocachico criollo fresco", "t": "now", "p": "Bocachico criollo fresco", "w": None,
     "tags": ["nomarket"]},
    {"q": "cuanto vale la papa morasurco", "t": "now", "p": "Papa Morasurco", "w": None, "tags": ["nomarket"]},
    {"q": "a como esta el queso caquetá esta semana", "t": "now", "p": "Queso Caquetá", "w": None,
     "tags": ["nomarket"]},
    {"q": "ñame espino?", "t": "now", "p": "Ñame espino", "w": None, "tags": ["nomarket", "short"]},
    {"q": "maracuyá santandereano precio mayorista", "t": "now", "p": "Maracuyá santandereano", "w": None,
     "tags": ["nomarket"]},
    {"q": "y la yuca chirosa cuanto", "t": "now", "p": "Yuca chirosa", "w": None, "tags": ["nomarket"]},
    # ---- C. a date, a period, relative dates ----
    {"q": "precio de la yuca criolla en Barranquillita el 15/03/2024", "t": "day", "p": "Yuca criolla",
     "w": "m:" + M_BQ, "d": "2024-03-15"},
    {"q": "cuánto costaba el queso costeño en Montería el 3 de marzo de 2023", "t": "day", "p": "Queso costeño",
     "w": "c:Montería", "d": "2023-03-03"},
    {"q": "bocachico criollo fresco monteria 12-08-2022", "t": "day", "p": "Bocachico criollo fresco",
     "w": "c:Montería", "d": "2022-08-12", "tags": ["short"]},
    {"q": "tomate chonto en Cúcuta la semana del 14 de julio", "t": "day", "p": "Tomate chonto", "w": "c:Cúcuta",
     "d": "2025-07-14"},
    {"q": "el quince de mayo de dos mil veinticuatro a cómo estaba la cebolla cabezona roja en Valledupar",
     "t": "day", "p": "Cebolla cabezona roja", "w": "c:Valledupar", "d": "2024-05-15", "tags": ["words"]},
    {"q": "el 9 de octubre cuánto valía la mojarra lora entera fresca en Bazurto", "t": "day",
     "p": "Mojarra lora entera fresca", "w": "m:" + M_BAZ, "d": "2025-10-09"},
    {"q": "el martes 21 de octubre cuánto estaba el pargo rojo platero en Popayán", "t": "day",
     "p": "Pargo rojo platero", "w": "c:Popayán", "d": "2025-10-21"},
    {"q": "Precio de la papa superior en Ipiales el 2/1/2018", "t": "day", "p": "Papa superior", "w": "c:Ipiales",
     "d": "2018-01-02"},
    {"q": "papa criolla limpia en tunja semana pasada", "t": "rel", "p": "Papa criolla limpia", "w": "c:Tunja",
     "days": 7},
    {"q": "hace 2 semanas a como estaba la mora de castilla en Pasto", "t": "rel", "p": "Mora de Castilla",
     "w": "c:Pasto", "days": 14},
    {"q": "hace tres semanas ¿cuánto valía la granadilla en Neiva?", "t": "rel", "p": "Granadilla", "w": "c:Neiva",
     "days": 21, "tags": ["words"]},
    {"q": "la cachama de cultivo en villavo hace un mes a como estaba", "t": "rel", "p": "Cachama de cultivo fresca",
     "w": "c:Villavicencio", "months": 1},
    {"q": "precio de la arracacha amarilla en Ibagué hace 10 días", "t": "rel", "p": "Arracacha amarilla",
     "w": "c:Ibagué", "days": 10},
    {"q": "hace 6 meses cuánto estaba el lulo en Cavasa", "t": "rel", "p": "Lulo", "w": "m:" + M_CAVASA, "months": 6},
    {"q": "¿a cómo estuvo el plátano hartón verde en Montería en marzo?", "t": "period", "p": "Plátano hartón verde",
     "w": "c:Montería", "s": "2025-03-01", "e": "2025-03-31", "tags": ["month"]},
    {"q": "tomate de árbol en Pasto en diciembre", "t": "period", "p": "Tomate de árbol", "w": "c:Pasto",
     "s": "2024-12-01", "e": "2024-12-31", "tags": ["month"]},
    {"q": "¿cuánto valió la cebolla junca en Bucaramanga el primer trimestre de 2024?", "t": "period",
     "p": "Cebolla junca", "w": "c:Bucaramanga", "s": "2024-01-01", "e": "2024-03-31", "tags": ["quarter"]},
    {"q": "yuca criolla en Valledupar el tercer trimestre del 2022", "t": "period", "p": "Yuca criolla",
     "w": "c:Valledupar", "s": "2022-07-01", "e": "2022-09-30", "tags": ["quarter"]},
    {"q": "pechuga de pollo Sincelejo 2023", "t": "period", "p": "Pechuga de pollo", "w": "c:Sincelejo",
     "s": "2023-01-01", "e": "2023-12-31", "tags": ["year", "short"]},
    {"q": "este año a como ha estado el maiz amarillo trillado en santa marta", "t": "period",
     "p": "Maíz amarillo trillado", "w": "c:Santa Marta", "s": "2025-01-01", "e": "2025-12-31", "tags": ["year"]},
    {"q": "precio de la panela cuadrada blanca en Bucaramanga en 2017", "t": "period", "p": "Panela cuadrada blanca",
     "w": "c:Bucaramanga", "s": "2017-01-01", "e": "2017-12-31", "tags": ["year"]},
    {"q": "sierra entera congelada en bazurto en julio del 2024", "t": "period", "p": "Sierra entera congelada",
     "w": "m:" + M_BAZ, "s": "2024-07-01", "e": "2024-07-31", "tags": ["month"]},
    {"q": "Cuánto costó en promedio la punta de anca de res en Barranquilla las últimas 4 semanas?", "t": "lastn",
     "p": "Carne de res, punta de anca", "w": "c:Barranquilla", "n": 4},
    {"q": "promedio de la trucha en corte mariposa en Armenia en las ultimas seis semanas", "t": "lastn",
     "p": "Trucha en corte mariposa", "w": "c:Armenia", "n": 6, "tags": ["words"]},
    # ---- D. comparisons between places ----
    {"q": "Compare el precio de la yuca criolla en Barranquilla, Cartagena y Sincelejo", "t": "cmp",
     "p": "Yuca criolla", "ws": ["c:Barranquilla", "c:Cartagena", "c:Sincelejo"]},
    {"q": "queso costeño: Montería vs Valledupar", "t": "cmp", "p": "Queso costeño",
     "ws": ["c:Montería", "c:Valledupar"], "tags": ["short"]},
    {"q": "¿dónde está más barato el tomate de árbol, en Pasto o en Ipiales?", "t": "cmp", "p": "Tomate de árbol",
     "ws": ["c:Pasto", "c:Ipiales"]},
    {"q": "Centroabastos o Cenabastos, ¿dónde está más cara la cebolla cabezona blanca?", "t": "cmp",
     "p": "Cebolla cabezona blanca", "ws": ["m:" + M_CENTRO, "m:" + M_CENA]},
    {"q": "diferencia de precio de la papa criolla limpia entre Tunja y Villavicencio", "t": "cmp",
     "p": "Papa criolla limpia", "ws": ["c:Tunja", "c:Villavicencio"]},
    {"q": "mojarra lora entera fresca en Montería, Sincelejo y Cartagena, compárame los precios", "t": "cmp",
     "p": "Mojarra lora entera fresca", "ws": ["c:Montería", "c:Sincelejo", "c:Cartagena"]},
    {"q": "granadilla pereira vs armenia vs manizales", "t": "cmp", "p": "Granadilla",
     "ws": ["c:Pereira", "c:Armenia", "c:Manizales"]},
    {"q": "lomo fino de res en Pasto y en Popayán, cuál sale mejor?", "t": "cmp", "p": "Carne de res, lomo fino",
     "ws": ["c:Pasto", "c:Popayán"]},
    # ---- E. cheapest / priciest market this week ----
    {"q": "¿Dónde está más barata la yuca criolla esta semana?", "t": "cheap", "p": "Yuca criolla", "city": None},
    {"q": "en qué mercado está más cara la papa criolla limpia hoy", "t": "dear", "p": "Papa criolla limpia",
     "city": None},
    {"q": "mercado mas barato pa comprar pechuga de pollo esta semana", "t": "cheap", "p": "Pechuga de pollo",
     "city": None, "tags": ["slang"]},
    {"q": "en que plaza de Cali está más barato el limón tahití", "t": "cheap", "p": "Limón Tahití", "city": "Cali"},
    {"q": "¿en qué mercado de Cúcuta está más caro el lomo fino de res?", "t": "dear",
     "p": "Carne de res, lomo fino", "city": "Cúcuta"},
    {"q": "el mercado más caro del país para el bocachico criollo fresco", "t": "dear",
     "p": "Bocachico criollo fresco", "city": None},
    {"q": "donde consigo mas barato el ñame espino", "t": "cheap", "p": "Ñame espino", "city": None},
    {"q": "en barranquilla cual mercado tiene la pechuga de pollo mas cara", "t": "dear", "p": "Pechuga de pollo",
     "city": "Barranquilla"},
    # ---- F. changes ----
    {"q": "cuánto cambió la papa criolla limpia en Tunja entre el 1 de marzo y el 1 de septiembre de 2025",
     "t": "chg_days", "p": "Papa criolla limpia", "w": "c:Tunja", "d1": "2025-03-01", "d2": "2025-09-01"},
    {"q": "variación del tomate chonto en Barranquillita entre 05/01/2024 y 05/01/2025", "t": "chg_days",
     "p": "Tomate chonto", "w": "m:" + M_BQ, "d1": "2024-01-05", "d2": "2025-01-05"},
    {"q": "¿cuánto subió o bajó la yuca criolla en Sincelejo de enero a septiembre de 2025?", "t": "chg_periods",
     "p": "Yuca criolla", "w": "c:Sincelejo", "p1": ("2025-01-01", "2025-01-31"), "p2": ("2025-09-01", "2025-09-30")},
    {"q": "el queso costeño en Montería, 2023 contra 2024, cuánto varió?", "t": "chg_periods", "p": "Queso costeño",
     "w": "c:Montería", "p1": ("2023-01-01", "2023-12-31"), "p2": ("2024-01-01", "2024-12-31")},
    {"q": "desde el 1 de enero de 2025 ¿cuánto ha subido la pechuga de pollo en Cartagena?", "t": "chg_since",
     "p": "Pechuga de pollo", "w": "c:Cartagena", "d1": "2025-01-01"},
    {"q": "cómo va la cebolla cabezona blanca en Centroabastos frente al 15 de agosto", "t": "chg_since",
     "p": "Cebolla cabezona blanca", "w": "m:" + M_CENTRO, "d1": "2025-08-15"},
    {"q": "variación porcentual del lulo en Neiva entre junio y octubre de 2024", "t": "chg_periods", "p": "Lulo",
     "w": "c:Neiva", "p1": ("2024-06-01", "2024-06-30"), "p2": ("2024-10-01", "2024-10-31")},
    {"q": "la mora de castilla en el Potrerillo cuánto ha variado desde junio", "t": "chg_since",
     "p": "Mora de Castilla", "w": "m:" + M_POT, "d1": "2025-06-01"},
    {"q": "cambio del precio de la bola de pierna de res en Villavicencio entre 2022 y 2024", "t": "chg_periods",
     "p": "Carne de res, bola de pierna", "w": "c:Villavicencio", "p1": ("2022-01-01", "2022-12-31"),
     "p2": ("2024-01-01", "2024-12-31")},
    {"q": "tilapia roja fresca en Surabastos: entre el 2 de mayo y el 24 de octubre de 2025 cuanto cambio",
     "t": "chg_days", "p": "Tilapia roja entera fresca", "w": "m:" + M_SUR, "d1": "2025-05-02", "d2": "2025-10-24"},
    # ---- G. trade units ----
    {"q": "cuánto vale el bulto de papa única en Valledupar", "t": "trade", "p": "Papa única", "w": "c:Valledupar",
     "unit": "bulto"},
    {"q": "arroba de yuca criolla en bazurto a como sale", "t": "trade", "p": "Yuca criolla", "w": "m:" + M_BAZ,
     "unit": "arroba"},
    {"q": "la libra de queso costeño en Sincelejo", "t": "trade", "p": "Queso costeño", "w": "c:Sincelejo",
     "unit": "libra"},
    {"q": "precio de 5 kilos de cebolla cabezona roja en Cúcuta", "t": "trade", "p": "Cebolla cabezona roja",
     "w": "c:Cúcuta", "unit": "kilos", "kg": 5},
    {"q": "arroba de panela cuadrada morena en San Gil", "t": "trade", "p": "Panela cuadrada morena", "w": "c:San Gil",
     "unit": "arroba", "tags": ["town"]},
    {"q": "a como el bulto de arroz de primera en santa marta", "t": "trade", "p": "Arroz de primera",
     "w": "c:Santa Marta", "unit": "bulto"},
    {"q": "cuanto me vale un bulto de tomate de árbol en el Potrerillo", "t": "trade", "p": "Tomate de árbol",
     "w": "m:" + M_POT, "unit": "bulto"},
    {"q": "el kilo de huevo rojo AA en Pamplona", "t": "trade", "p": "Huevo rojo AA", "w": "c:Pamplona",
     "unit": "kilos", "kg": 1, "tags": ["town"]},
    {"q": "arroba de aceite de palma en Montería", "t": "trade", "p": "Aceite de palma", "w": "c:Montería",
     "unit": "arroba"},
    {"q": "bulto de frijol cabeza negra nacional en Montería", "t": "trade", "p": "Fríjol cabeza negra nacional",
     "w": "c:Montería", "unit": "bulto"},
    {"q": "cuánto me sale una libra de chatas de res en Valledupar", "t": "trade", "p": "Carne de res, chatas",
     "w": "c:Valledupar", "unit": "libra"},
    {"q": "diez kilos de ñame diamante en sincelejo cuanto serian", "t": "trade", "p": "Ñame diamante",
     "w": "c:Sincelejo", "unit": "kilos", "kg": 10, "tags": ["words"]},
    # ---- H. follow-ups in the same chat ----
    {"prev": ["precio del bocachico criollo fresco en Montería"], "q": "y en Valledupar?", "t": "now",
     "p": "Bocachico criollo fresco", "w": "c:Valledupar"},
    {"prev": ["a cómo está la papa criolla limpia en Duitama"], "q": "¿y la semana pasada a cómo la tenían?", "t": "rel",
     "p": "Papa criolla limpia", "w": "c:Duitama", "days": 7},
    {"prev": ["precio de la guanábana en Neiva"], "q": "y en ibagué cuánto", "t": "now", "p": "Guanábana",
     "w": "c:Ibagué"},
    {"prev": ["yuca criolla en barranquillita"], "q": "¿y por arroba?", "t": "trade", "p": "Yuca criolla",
     "w": "m:" + M_BQ, "unit": "arroba"},
    {"prev": ["cuánto vale el lulo en Pasto", "y en Popayán?"], "q": "¿y en Neiva?", "t": "now", "p": "Lulo",
     "w": "c:Neiva"},
    {"prev": ["mora de castilla en Valledupar"], "q": "y el tomate de árbol?", "t": "now", "p": "Tomate de árbol",
     "w": "c:Valledupar"},
    {"prev": ["queso costeño en Montería"], "q": "y cómo estuvo ese mismo queso en marzo de 2024?", "t": "period", "p": "Queso costeño",
     "w": "c:Montería", "s": "2024-03-01", "e": "2024-03-31", "tags": ["month"]},
    {"prev": ["cuánto vale la cebolla en Montería"], "q": "la roja peruana", "t": "now",
     "p": "Cebolla cabezona roja peruana", "w": "c:Montería"},
    {"prev": ["precio del bulto de papa superior en Ipiales"], "q": "¿y en Túquerres?", "t": "trade",
     "p": "Papa superior", "w": "c:Túquerres", "unit": "bulto", "tags": ["town"]},
    {"prev": ["tilapia roja entera fresca en Yopal"], "q": "hace 15 días cuanto estaba?", "t": "rel",
     "p": "Tilapia roja entera fresca", "w": "c:Yopal", "days": 15, "tags": ["town"]},
    {"prev": ["tomate chonto en Cúcuta"], "q": "¿y en Ocaña?", "t": "clarify", "opts": [], "why": "place"},
    # ---- I. must ask back ----
    {"q": "cebolla en Montería a cómo?", "t": "clarify", "fam": "Cebolla", "w": "c:Montería"},
    {"q": "precio del mango en Pereira", "t": "clarify", "fam": "Mango", "w": "c:Pereira"},
    {"q": "el queso en armenia cuanto vale", "t": "clarify", "fam": "Queso", "w": "c:Armenia"},
    {"q": "a como está el frijol en santa marta", "t": "clarify", "fam": "Fríjol", "w": "c:Santa Marta"},
    {"q": "mojarra bquilla", "t": "clarify", "fam": "Mojarra", "w": "c:Barranquilla"},
    {"q": "cuánto vale la carne de cerdo en Montería", "t": "clarify", "fam": "Carne de cerdo", "w": "c:Montería"},
    {"q": "plátano en manizales", "t": "clarify", "fam": "Plátano", "w": "c:Manizales"},
    {"q": "ñame sincelejo", "t": "clarify", "fam": "Ñame", "w": "c:Sincelejo"},
    {"q": "a cuanto el huevo en ibague", "t": "clarify", "fam": "Huevo", "w": "c:Ibagué"},
    {"q": "papa en tunja hoy cuanto", "t": "clarify", "fam": "Papa", "w": "c:Tunja"},
    {"q": "el arroz en Cartagena?", "t": "clarify", "fam": "Arroz", "w": "c:Cartagena"},
    {"q": "precio de la guayaba en Sincelejo", "t": "clarify", "fam": "Guayaba", "w": "c:Sincelejo"},
    {"q": "precio del lulo en Riohacha", "t": "clarify", "opts": [], "why": "place"},
    {"q": "tomate de árbol en Girardot hoy", "t": "clarify", "opts": [], "why": "place"},
    {"q": "cuánto está la zanahoria en Quibdó parce", "t": "clarify", "opts": [], "why": "place"},
    # ---- J. no figure ----
    {"q": "cuánto vale el kilo de chontaduro en Cali", "t": "nonum", "why": "untracked"},
    {"q": "cuánto vale el kilo de mamoncillo en Barranquilla", "t": "nonum", "why": "untracked"},
    {"q": "a como esta el corozo en valledupar", "t": "nonum", "why": "untracked"},
    {"q": "a cómo está el cuy en Pasto", "t": "nonum", "why": "untracked"},
    {"q": "cuánto cuesta la papa criolla en el Éxito de Bucaramanga", "t": "nonum", "why": "retail"},
    {"q": "precio de la panela en la tienda del barrio en Neiva", "t": "nonum", "why": "retail"},
    {"q": "a como venden el tomate de árbol en Olímpica Barranquilla", "t": "nonum", "why": "retail"},
    {"q": "precio al detal de la pechuga de pollo en el D1 de Montería", "t": "nonum", "why": "retail"},
    {"q": "cuánto valía la yuca criolla en Cartagena en 2014", "t": "nonum", "why": "before2017"},
    {"q": "precio del queso costeño en Montería en 2010", "t": "nonum", "why": "before2017"},
    {"q": "¿a cómo estuvo la papa única en Pasto en enero de 2027?", "t": "nonum", "why": "future"},
    {"q": "qué más pues, todo bien?", "t": "nonum", "why": "smalltalk"},
    {"q": "gracias mijo, muy amable", "t": "nonum", "why": "smalltalk"},
    {"q": "Buenas noches. Soy periodista de El Heraldo; ¿con quién hablo y de dónde salen sus datos?", "t": "nonum",
     "why": "smalltalk", "tags": ["journalist"]},
    {"q": "cuanto esta el dolar en cucuta hoy", "t": "nonum", "why": "out_of_scope"},
]


# ---------------------------------------------------------------------------------------------------------
class Drop(Exception):
    pass


def shift_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def val(kind: str, v: float, market: str | None = None, date: str | None = None, **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": kind, "value": round(float(v), 4), "market": market, "date": date}
    out.update(extra)
    return out


class Labeller:
    def __init__(self, data: L.Data) -> None:
        self.d = data
        self.weeks = sorted(data.df["week"].unique())
        wk = data.df[["week", "week_end"]].drop_duplicates().sort_values("week")
        self.week_end = dict(zip(wk["week"], wk["week_end"]))

    # places -------------------------------------------------------------------------------------------
    def market(self, where: str | None, p: str, start: str | None = None, end: str | None = None) -> str:
        d = self.d
        if p not in d.units:
            raise Drop(f"unknown product {p}")
        if where is None:
            m = d.default_market(p)
        elif where.startswith("m:"):
            m = where[2:]
        else:
            city = where[2:]
            m = d.city_market_in(city, p, start, end) if start else d.city_market(city, p)
        if not m or d.series(p, m).empty:
            raise Drop(f"no series {p} @ {where}")
        if (p, m) in d.conflicted:
            raise Drop(f"conflicting rows {p} @ {m}")
        return m

    def table_week(self, day: str) -> str:
        for w in reversed(self.weeks):
            if w <= day <= self.week_end[w]:
                return w
        raise Drop(f"no table week holds {day}")

    def price_on(self, p: str, m: str, day: str, fallback: bool) -> tuple[str, float]:
        s = self.d.series(p, m)
        hit = s[(s["week"] <= day) & (s["week_end"] >= day)]
        if not hit.empty:
            return str(hit.iloc[-1]["week"]), float(hit.iloc[-1]["price"])
        if not fallback:
            raise Drop(f"no price {p} @ {m} on {day}")
        w = self.table_week(day)
        lo = (dt.date.fromisoformat(w) - dt.timedelta(days=28)).isoformat()
        back = s[(s["week"] < w) & (s["week"] >= lo)]
        if back.empty:
            raise Drop(f"no price {p} @ {m} within 4 weeks before {day}")
        return str(back.iloc[-1]["week"]), float(back.iloc[-1]["price"])

    def now(self, p: str, m: str) -> tuple[str, float]:
        found = self.d.latest_price(p, m)
        if not found:
            raise Drop(f"no price {p} @ {m}")
        if found[0] < "2025-09-01":
            raise Drop(f"stale newest week {found[0]} for {p} @ {m}")
        return found

    def mean(self, p: str, m: str, s: str, e: str) -> float:
        v = self.d.period_mean(p, m, s, e)
        if v is None:
            raise Drop(f"no weeks {p} @ {m} in {s}..{e}")
        return v

    def family(self, fam: str, where: str) -> list[str]:
        d = self.d
        city = where[2:]
        markets = [mk for mk, c in d.cities.items() if c == city]
        last = d.df[(d.df["week"] == d.latest) & d.df["market"].isin(markets)]
        f = L.fold(fam)
        return sorted({p for p in last["product"] if L.fold(p) == f or L.fold(p).startswith(f + " ")})

    # one record ---------------------------------------------------------------------------------------
    def label(self, it: dict[str, Any]) -> dict[str, Any]:
        t, p, d = it["t"], it.get("p"), self.d
        tags = [SET]
        values: list[dict[str, Any]] = []
        forbid: list[str] = []
        expect = "answer"
        extra: dict[str, Any] = {}
        if t == "now":
            m = self.market(it["w"], p)
            w, v = self.now(p, m)
            values = [val("price", v, m, w)]
            tags.append("direct")
        elif t in {"day", "rel"}:
            if t == "day":
                day = it["d"]
            elif "months" in it:
                day = shift_months(TODAY, it["months"]).isoformat()
            else:
                day = (TODAY - dt.timedelta(days=it["days"])).isoformat()
            w0 = self.table_week(day)
            m = self.market(it["w"], p, w0, w0)
            w, v = self.price_on(p, m, day, fallback=False)
            values = [val("price", v, m, w)]
            tags += ["period", "day" if t == "day" else "relative"]
        elif t == "period":
            m = self.market(it["w"], p, it["s"], it["e"])
            values = [val("price", self.mean(p, m, it["s"], it["e"]), m, None)]
            tags.append("period")
        elif t == "lastn":
            start = self.weeks[-it["n"]]
            m = self.market(it["w"], p, start, d.latest)
            win = d.window(p, m, start, d.latest)
            if len(win) < it["n"]:
                raise Drop(f"only {len(win)} of {it['n']} weeks for {p} @ {m}")
            values = [val("mean", float(win["price"].mean()), m, None)]
            tags += ["period", "lastn"]
        elif t == "cmp":
            seen = set()
            for where in it["ws"]:
                m = self.market(where, p)
                if m in seen:
                    raise Drop(f"two places resolve to {m}")
                seen.add(m)
                w, v = self.now(p, m)
                values.append(val("price", v, m, w))
            tags.append("compare")
        elif t in {"cheap", "dear"}:
            rows = d.across(p, d.latest)
            if it["city"]:
                names = {it["city"], "San José de Cúcuta"} if it["city"] == "Cúcuta" else {it["city"]}
                rows = rows[rows["market"].map(lambda mk: d.cities.get(mk) in names)]
            rows = rows[[(p, mk) not in d.conflicted for mk in rows["market"]]]
            if len(rows) < 2:
                raise Drop(f"fewer than 2 markets for {p}")
            rows = rows.sort_values("price")
            first = rows.iloc[0] if t == "cheap" else rows.iloc[-1]
            second = rows.iloc[1] if t == "cheap" else rows.iloc[-2]
            if abs(first["price"] - second["price"]) < 0.5:
                raise Drop(f"tie at the top for {p}")
            values = [val("price", first["price"], first["market"], d.latest)]
            tags.append("cheapest" if t == "cheap" else "priciest")
            extra["n_markets"] = len(rows)
        elif t == "chg_days":
            w1 = self.table_week(it["d1"])
            m = self.market(it["w"], p, w1, w1)
            a = self.price_on(p, m, it["d1"], fallback=True)
            b = self.price_on(p, m, it["d2"], fallback=True)
            values = [val("price", a[1], m, a[0]), val("price", b[1], m, b[0]),
                      val("change_pct", round((b[1] / a[1] - 1) * 100, 1), m, None)]
            tags += ["change", "two_days"]
        elif t == "chg_since":
            m = self.market(it["w"], p)
            a = self.price_on(p, m, it["d1"], fallback=True)
            b = self.now(p, m)
            values = [val("price", a[1], m, a[0]), val("price", b[1], m, b[0]),
                      val("change_pct", round((b[1] / a[1] - 1) * 100, 1), m, None)]
            tags += ["change", "since"]
        elif t == "chg_periods":
            (s1, e1), (s2, e2) = it["p1"], it["p2"]
            m = self.market(it["w"], p, s1, e2)
            a, b = self.mean(p, m, s1, e1), self.mean(p, m, s2, e2)
            values = [val("change_pct", round((b / a - 1) * 100, 1), m, None), val("price", a, m, None),
                      val("price", b, m, None)]
            tags += ["change", "two_periods"]
        elif t == "trade":
            m = self.market(it["w"], p)
            w, v = self.now(p, m)
            unit = it["unit"]
            kg = float(it.get("kg", UNIT_KG.get(unit, 0)))
            values = [val("price", v, m, w)]
            if d.units[p] in {"unidad", "litro"}:
                forbid = ["trade_price"]
                tags.append("own_unit")
            elif unit == "bulto" and not p.startswith(BULTO_PREFIXES):
                forbid = ["trade_price"]
                tags.append("bulto_ask_kilos")
            else:
                values.append(val("trade_price", v * kg, m, w, unit=unit, kg=kg))
            tags.append("trade")
        elif t == "clarify":
            expect = "clarify"
            forbid = ["price"]
            if it.get("why") == "place":
                tags += ["clarify", "unknown_place"]
            else:
                opts = self.family(it["fam"], it["w"])
                if len(opts) < 2:
                    raise Drop(f"family {it['fam']} has {len(opts)} products in {it['w']}")
                extra["options"] = opts
                tags += ["clarify", "family"]
        elif t == "nonum":
            expect = "no_numbers"
            forbid = ["price"]
            tags += ["no_numbers", it["why"]]
        else:
            raise ValueError(t)
        if it.get("prev"):
            tags.append("followup")
        tags += [x for x in it.get("tags", []) if x not in tags]
        rec: dict[str, Any] = {"id": "", "q": it["q"], "prev": list(it.get("prev", [])), "family": "lookup",
                               "expect": expect, "values": values, "forbid": forbid, "tags": tags}
        if p:
            rec["product"] = p
        rec.update(extra)
        return rec


def main() -> None:
    import pickle

    import os

    cache = Path("/tmp/lookup7_data.pkl")  # optional local cache of L.Data(L.CSV), only with LOOKUP7_CACHE=1
    data = pickle.load(open(cache, "rb")) if os.environ.get("LOOKUP7_CACHE") and cache.exists() else L.Data(L.CSV)
    assert data.latest == "2025-10-25", data.latest
    lab = Labeller(data)
    seen: set[str] = set()
    out: list[dict[str, Any]] = []
    for it in ITEMS:
        key = L.fold(it["q"]) + "|" + " / ".join(L.fold(x) for x in it.get("prev", []))
        if key in seen:
            raise SystemExit(f"duplicate question: {it['q']}")
        seen.add(key)
        try:
            rec = lab.label(it)
        except Drop as exc:
            DROPPED.append(f"{it['q']!r}: {exc}")
            continue
        rec["id"] = f"b7l-{len(out) + 1:03d}"
        out.append(rec)
    with open(OUT, "w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(out)} records -> {OUT}")
    print("expect:", dict(Counter(r["expect"] for r in out)))
    print("tags:", dict(Counter(t for r in out for t in r["tags"]).most_common()))
    print(f"dropped {len(DROPPED)}:")
    for line in DROPPED:
        print("  -", line)


if __name__ == "__main__":
    main()
