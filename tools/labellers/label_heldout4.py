"""Write tests/questions/blind/heldout4.jsonl: a third BLIND held-out question set (tag "heldout4") written by
ENG-QA-4 without reading the router's code, its tests or the other labelled questions, with expected values
computed from the real CSV with pandas.

    .venv/bin/python tools/labellers/label_heldout4.py [--csv PATH]

The questions are typed the way other people write on a phone: an opita farmer in Neiva and Pitalito, a pastuso
trader ("ala", "vea"), a tolimense in the Plaza La 21, a llanero in the CAV, a rolo cook ("sumercé", "qué más"),
a caleña frutera, a costeño tendero in Santa Marta and Valledupar, a student writing a thesis (dd/mm/yyyy,
quarters, "variación porcentual"), a journalist (formal, "el año pasado", comparisons), a Tunja potato grower,
and a bumangués wholesaler. Typos, no accents, abbreviations ("q", "xq", "pa", "kg", "bta"), cities instead of
markets, and follow-up pairs in the same chat.

Expected values reuse tools/label_questions.py's Data class, tools/labellers/label_heldout2.py's and
tools/labellers/label_heldout3.py's labelling functions (pandas straight from
../shared/sipsa/series/semanal_precios_2017-2025.csv.gz) and the documented answering policy: a city stands for
its main wholesale market (or, when the city has no main market or the main market lacks the product, the city
market with the newest price); no market means the first main market that priced the product in its newest week;
a month, a quarter or a year is the mean of the weekly means of the weeks starting in it; a month named without
a year is its most recent past occurrence before the pinned TODAY (2025-11-03); "the last N weeks" end at the
newest week; relative dates ("la semana pasada", "hace 3 semanas", "hace 2 meses") name the week that holds the
day counted back from TODAY; a day is the week that holds it; a generic name with several products priced asks
back. Items whose value cannot be computed are reported and left out (never guessed). Two first drafts were
left out by the labeller before the run and replaced (mango Tommy is stale in Ibagué; granadilla is not priced in
Pasto's newest week).

First run (`sipsabot eval --verbose`, once, at commit 3abd834): 95.5% exact (147/154), 95.5% on direct price
questions (64/67), 1.3% confidently wrong (2/154). Every miss was checked with pandas against the raw CSV; no
label mistake was found, so no label was changed after the run and the figures stand as they are. The misses:
- "como cambio el precio de la mora de castilla en corabastos entre enero y junio de 2025": history, -41.97%
  (6.500 -> 3.772, weeks 2025-01-04..2025-06-28); the router gave the period mean ($4.907, price_at) and
  said it ignored «cambio» (confidently wrong).
- "cuanto vale el maracuya en santa marta": Santa Marta prices Maracuyá antioqueño (4.900) and santandereano
  (5.633) in the newest week, so it should ask back; the router answered the generic "Maracuyá" with its only
  Santa Marta row, from the week of 2021-11-13 (5.450), stating its date (confidently wrong).
- "lo que mas se encarecio en el pais esta semana": national rises (Ají topito dulce, median +13.77%); the
  router said out of scope (no numbers).
- "buenas tardes, como esta?": greeting; the router read a price question without a product (no numbers).
- "cuanto esta la cachama en surabastos", "uchuva en la plaza la 21 a como", "precio de la uchuva en
  corabastos": the raw CSV holds only one cachama product (Cachama de cultivo fresca) and one uchuva product
  (Uchuva con cáscara), both priced in those markets in the newest week, so the policy answers them; the router
  asked back with that single candidate ("¿Te refieres a ...?"): safe, but not the exact answer.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tools/label_questions.py
import label_heldout3 as h3
import label_questions as base

OUT = base.OUT / "blind" / "heldout4.jsonl"  # read by `sipsabot eval`, not by the pytest slice
TAG = "heldout4"
CORA = h3.CORA
PALO = h3.PALO
CMA = h3.CMA
CAVASA = h3.CAVASA
BQUILLITA = h3.BQUILLITA
CENTROAB = h3.CENTROAB
SURAB = h3.SURAB
POTRERILLO = h3.POTRERILLO
CAV = h3.CAV
LA21 = h3.LA21
TUNJA = "market:Tunja, Complejo de Servicios del Sur"
POPAYAN = "market:Popayán, Plaza de mercado del barrio Bolívar"
MERCABASTOS = "market:Valledupar, Mercabastos"
SMARTA = "market:Santa Marta (Magdalena)"


slots_only = h3.slots_only


S: list[dict[str, Any]] = [
    # --- direct price: opita farmer (Neiva) ---
    {"q": "q mas pues, a como esta el lulo en surabastos", "k": "price", "p": "Lulo", "w": SURAB},
    {"q": "cuanto pagan el kilo de granadilla en neiva", "k": "price", "p": "Granadilla", "w": "city:Neiva"},
    {"q": "precio maracuya huilense surabastos", "k": "price", "p": "Maracuyá huilense", "w": SURAB},
    {"q": "y la gulupa en neiva a como la estan pagando", "k": "price", "p": "Gulupa", "w": "city:Neiva"},
    {"q": "cuanto esta la cachama en surabastos", "k": "price", "p": "Cachama de cultivo fresca", "w": SURAB},
    # --- direct price: pastuso trader ---
    {"q": "ala vea a como esta la papa morasurco en el potrerillo", "k": "price", "p": "Papa Morasurco",
     "w": POTRERILLO},
    {"q": "precio de la arveja pastusa en pasto", "k": "price", "p": "Arveja verde en vaina pastusa",
     "w": "city:Pasto"},
    {"q": "a como ta la trucha entera en pasto", "k": "price", "p": "Trucha entera fresca", "w": "city:Pasto"},
    {"q": "cebolla cabezona blanca pastusa potrerillo cuanto vale", "k": "price",
     "p": "Cebolla cabezona blanca pastusa", "w": POTRERILLO},
    {"q": "la papa ica huila en pasto cuanto", "k": "price", "p": "Papa ICA-Huila", "w": "city:Pasto"},
    # --- direct price: tolimense (Ibagué) ---
    {"q": "a como esta la yuca chirosa en la 21", "k": "price", "p": "Yuca chirosa", "w": LA21},
    {"q": "cuanto vale el kilo de carne de res molida en ibague", "k": "price", "p": "Carne de res molida, murillo",
     "w": "city:Ibagué"},
    {"q": "precio de la gulupa en ibague", "k": "price", "p": "Gulupa", "w": "city:Ibagué"},
    {"q": "uchuva en la plaza la 21 a como", "k": "price", "p": "Uchuva con cáscara", "w": LA21},
    # --- direct price: llanero (Villavicencio) ---
    {"q": "compa a como esta la yuca llanera en villavo", "k": "price", "p": "Yuca llanera",
     "w": "city:Villavicencio"},
    {"q": "precio del bocadillo veleño en el cav", "k": "price", "p": "Bocadillo veleño", "w": CAV},
    {"q": "cuanto vale el queso doble crema en villavicencio", "k": "price", "p": "Queso doble crema",
     "w": "city:Villavicencio"},
    {"q": "el platano harton verde en el cav a como lo dan", "k": "price", "p": "Plátano hartón verde", "w": CAV},
    # --- direct price: rolo cook (Bogotá) ---
    {"q": "sumerce a como esta la papa sabanera en corabastos", "k": "price", "p": "Papa sabanera", "w": CORA},
    {"q": "cuanto cuesta la arracacha amarilla en abastos", "k": "price", "p": "Arracacha amarilla", "w": CORA},
    {"q": "precio de la cebolla puerro en bogota", "k": "price", "p": "Cebolla puerro", "w": "city:Bogotá"},
    {"q": "el brocoli en corabastos hoy cuanto", "k": "price", "p": "Brócoli", "w": CORA},
    {"q": "a como esta la curuba en bta", "k": "price", "p": "Curuba", "w": "city:Bogotá"},
    {"q": "valor kilo fresa corabastos", "k": "price", "p": "Fresa", "w": CORA},
    {"q": "y el cilantro en corabastos a como lo tienen", "k": "price", "p": "Cilantro", "w": CORA},
    {"q": "cuanto esta la habichuela en bogota", "k": "price", "p": "Habichuela", "w": "city:Bogotá"},
    {"q": "a como la papa criolla sucia en abastos", "k": "price", "p": "Papa criolla sucia", "w": CORA},
    {"q": "precio de la uchuva en corabastos", "k": "price", "p": "Uchuva con cáscara", "w": CORA},
    # --- direct price: caleña frutera ---
    {"q": "ve mira a como esta la guanabana en cavasa", "k": "price", "p": "Guanábana", "w": CAVASA},
    {"q": "el lulo en cali cuanto esta", "k": "price", "p": "Lulo", "w": "city:Cali"},
    {"q": "precio papaya maradol en cali", "k": "price", "p": "Papaya Maradol", "w": "city:Cali"},
    {"q": "ulluco en cavasa a como", "k": "price", "p": "Ulluco", "w": CAVASA},
    {"q": "cuanto vale la yuca ica en cali", "k": "price", "p": "Yuca ICA", "w": "city:Cali"},
    {"q": "a como esta el maracuya en cavasa", "k": "price", "p": "Maracuyá", "w": CAVASA},
    # --- direct price: costeño tendero (Santa Marta, Valledupar, Barranquilla) ---
    {"q": "aja cuanto ta el queso costeño en santa marta", "k": "price", "p": "Queso costeño",
     "w": "city:Santa Marta"},
    {"q": "a como esta el ñame diamante en valledupar", "k": "price", "p": "Ñame diamante", "w": "city:Valledupar"},
    {"q": "precio de la yuca criolla en mercabastos", "k": "price", "p": "Yuca criolla", "w": MERCABASTOS},
    {"q": "el arroz excelso en barranquilla a como", "k": "price", "p": "Arroz excelso", "w": "city:Barranquilla"},
    {"q": "cuanto vale la mojarra lora fresca en barranquillita", "k": "price", "p": "Mojarra lora entera fresca",
     "w": BQUILLITA},
    {"q": "guayaba atlantico barranquilla precio", "k": "price", "p": "Guayaba Atlántico",
     "w": "city:Barranquilla"},
    # --- direct price: Tunja potato grower, Popayán, Bucaramanga ---
    {"q": "a como esta la papa tocarreña en tunja", "k": "price", "p": "Papa tocarreña", "w": "city:Tunja"},
    {"q": "precio de la papa betina en tunja", "k": "price", "p": "Papa Betina", "w": "city:Tunja"},
    {"q": "haba verde tunja a como la pagan", "k": "price", "p": "Haba verde", "w": "city:Tunja"},
    {"q": "cuanto esta la feijoa en tunja", "k": "price", "p": "Feijoa", "w": "city:Tunja"},
    {"q": "a como esta el queso caqueta en popayan", "k": "price", "p": "Queso Caquetá", "w": "city:Popayán"},
    {"q": "mano a como esta el tomate riñon en centroabastos", "k": "price", "p": "Tomate riñón", "w": CENTROAB},
    {"q": "precio del aguacate comun en bucaramanga", "k": "price", "p": "Aguacate común",
     "w": "city:Bucaramanga"},
    {"q": "zapote en centroabastos cuanto vale", "k": "price", "p": "Zapote", "w": CENTROAB},
    # --- direct price: no market named ---
    {"q": "cuanto vale el kilo de aguacate hass", "k": "price", "p": "Aguacate Hass"},
    {"q": "precio actual del tomate de arbol", "k": "price", "p": "Tomate de árbol"},
    {"q": "a como esta la mora de castilla", "k": "price", "p": "Mora de Castilla"},
    {"q": "cuanto cuesta el huevo rojo aa", "k": "price", "p": "Huevo rojo AA"},
    {"q": "precio pechuga de pollo", "k": "price", "p": "Pechuga de pollo"},
    {"q": "a como esta el limon tahiti hoy", "k": "price", "p": "Limón Tahití"},
    {"q": "cuanto vale la papa pastusa", "k": "price", "p": "Papa parda pastusa"},
    {"q": "precio de la pitahaya", "k": "price", "p": "Pitahaya"},
    # --- direct price: Medellín, Paloquemao ---
    {"q": "pues a como esta el frijol cargamanto rojo en la mayorista", "k": "price", "p": "Fríjol cargamanto rojo",
     "w": CMA},
    {"q": "cuanto vale el platano comino en medellin", "k": "price", "p": "Plátano comino", "w": "city:Medellín"},
    {"q": "la papa capira en la mayorista de medellin", "k": "price", "p": "Papa capira", "w": CMA},
    {"q": "precio del tomate chonto regional en medellin", "k": "price", "p": "Tomate chonto regional",
     "w": "city:Medellín"},
    {"q": "a como estan las brevas en medellin", "k": "price", "p": "Breva", "w": "city:Medellín"},
    {"q": "carne de res lomo fino en la mayorista cuanto", "k": "price", "p": "Carne de res, lomo fino", "w": CMA},
    # --- price at a date or period ---
    {"q": "a como estuvo la papa criolla en corabastos la semana pasada", "k": "daysago", "n": 7,
     "p": "Papa criolla limpia", "w": CORA},
    {"q": "cuanto valia el lulo en cavasa hace 3 semanas", "k": "daysago", "n": 21, "p": "Lulo", "w": CAVASA},
    {"q": "precio de la mora de castilla en la mayorista hace 2 semanas", "k": "daysago", "n": 14,
     "p": "Mora de Castilla", "w": CMA},
    {"q": "a como estaba el tomate chonto en corabastos hace 2 meses", "k": "monthsago", "n": 2,
     "p": "Tomate chonto", "w": CORA},
    {"q": "cuanto costaba el aguacate hass en bogota hace un mes", "k": "monthago", "p": "Aguacate Hass",
     "w": "city:Bogotá"},
    {"q": "precio promedio de la papa pastusa en corabastos en marzo de 2024", "k": "month", "m": "2024-03",
     "p": "Papa parda pastusa", "w": CORA},
    {"q": "a como estuvo la cebolla cabezona blanca en barranquilla en enero del 2025", "k": "month",
     "m": "2025-01", "p": "Cebolla cabezona blanca", "w": "city:Barranquilla"},
    {"q": "cuanto valio el limon tahiti en centroabastos en julio", "k": "month", "m": "2025-07",
     "p": "Limón Tahití", "w": CENTROAB},
    {"q": "precio de la zanahoria en corabastos en diciembre", "k": "month", "m": "2024-12", "p": "Zanahoria",
     "w": CORA},
    {"q": "el tomate de arbol en la mayorista en agosto del año pasado", "k": "month", "m": "2024-08",
     "p": "Tomate de árbol", "w": CMA},
    {"q": "cuanto estaba la granadilla en neiva el 15/04/2024", "k": "day", "day": "2024-04-15", "p": "Granadilla",
     "w": "city:Neiva"},
    {"q": "precio del platano harton verde en cavasa el 03/02/2025", "k": "day", "day": "2025-02-03",
     "p": "Plátano hartón verde", "w": CAVASA},
    {"q": "a como estuvo la fresa en corabastos el 10 de junio de 2023", "k": "day", "day": "2023-06-10",
     "p": "Fresa", "w": CORA},
    {"q": "promedio del lulo en corabastos el año pasado", "k": "year", "y": 2024, "p": "Lulo", "w": CORA},
    {"q": "cual fue el precio medio de la papa criolla en tunja en 2023", "k": "year", "y": 2023,
     "p": "Papa criolla limpia", "w": "city:Tunja"},
    {"q": "precio promedio del aguacate hass en la mayorista en el primer trimestre de 2025", "k": "pmean",
     "start": "2025-01-01", "end": "2025-03-31", "p": "Aguacate Hass", "w": CMA},
    {"q": "cuanto estuvo en promedio la mora de castilla en cavasa en el segundo trimestre de 2024", "k": "pmean",
     "start": "2024-04-01", "end": "2024-06-30", "p": "Mora de Castilla", "w": CAVASA},
    {"q": "el huevo rojo aa en neiva en septiembre de 2025", "k": "month", "m": "2025-09", "p": "Huevo rojo AA",
     "w": "city:Neiva"},
    # --- history with % change ---
    {"q": "como ha variado el lulo en cavasa en las ultimas 8 semanas", "k": "history", "n": 8, "p": "Lulo",
     "w": CAVASA},
    {"q": "variacion porcentual de la papa pastusa en corabastos ultimas 6 semanas", "k": "history", "n": 6,
     "p": "Papa parda pastusa", "w": CORA},
    {"q": "cuanto ha subido el aguacate hass en la mayorista en las ultimas 10 semanas", "k": "history", "n": 10,
     "p": "Aguacate Hass", "w": CMA},
    {"q": "tendencia del tomate chonto en bogota ultimas 4 semanas", "k": "history", "n": 4, "p": "Tomate chonto",
     "w": "city:Bogotá"},
    {"q": "historico de la granadilla en surabastos las ultimas 12 semanas", "k": "history", "n": 12,
     "p": "Granadilla", "w": SURAB},
    {"q": "como cambio el precio de la mora de castilla en corabastos entre enero y junio de 2025", "k": "hrange",
     "start": "2025-01-01", "end": "2025-06-30", "p": "Mora de Castilla", "w": CORA},
    {"q": "en cuanto % subio o bajo el limon tahiti en la mayorista de marzo a septiembre de 2024", "k": "hrange",
     "start": "2024-03-01", "end": "2024-09-30", "p": "Limón Tahití", "w": CMA},
    # --- cheapest / dearest ---
    {"q": "donde esta mas barata la papa criolla", "k": "cheapest", "p": "Papa criolla limpia"},
    {"q": "en que mercado sale mas caro el aguacate hass", "k": "priciest", "p": "Aguacate Hass"},
    {"q": "cual es la plaza mas cara pal lulo", "k": "priciest", "p": "Lulo"},
    {"q": "donde consigo mas barato el tomate de arbol", "k": "cheapest", "p": "Tomate de árbol"},
    {"q": "mercado mas economico para la mora de castilla", "k": "cheapest", "p": "Mora de Castilla"},
    {"q": "en donde esta mas cara la pechuga de pollo", "k": "priciest", "p": "Pechuga de pollo"},
    {"q": "cual es el sitio mas barato para comprar habichuela", "k": "cheapest", "p": "Habichuela"},
    # --- comparisons ---
    {"q": "compara el lulo en bogota y cali", "k": "compare", "p": "Lulo", "ws": ["city:Bogotá", "city:Cali"]},
    {"q": "aguacate hass corabastos vs la mayorista", "k": "compare", "p": "Aguacate Hass", "ws": [CORA, CMA]},
    {"q": "donde esta mas barata la mora de castilla, en neiva o en ibague?", "k": "compare",
     "p": "Mora de Castilla", "ws": ["city:Neiva", "city:Ibagué"]},
    {"q": "precio de la granadilla en tunja, neiva y popayan", "k": "compare", "p": "Granadilla",
     "ws": ["city:Tunja", "city:Neiva", "city:Popayán"]},
    {"q": "diferencia de precio del tomate de arbol entre bucaramanga y villavicencio", "k": "compare",
     "p": "Tomate de árbol", "ws": ["city:Bucaramanga", "city:Villavicencio"]},
    # --- rises and falls ---
    {"q": "que fue lo que mas subio en corabastos esta semana", "k": "movers", "w": CORA, "up": True},
    {"q": "cuales productos bajaron mas en la mayorista", "k": "movers", "w": CMA, "up": False},
    {"q": "lo que mas se encarecio en el pais esta semana", "k": "movers", "up": True},
    {"q": "que bajo mas de precio a nivel nacional", "k": "movers", "up": False},
    {"q": "mayores alzas en surabastos", "k": "movers", "w": SURAB, "up": True},
    # --- supply and origin (prices-only eval mirror: no numbers) ---
    slots_only("cuantas toneladas de papa entraron a corabastos esta semana", "supply",
               {"market": "Bogotá, D.C., Corabastos"}),
    slots_only("abastecimiento de la mayorista de medellin", "supply",
               {"market": "Medellín, Central Mayorista de Antioquia"}),
    slots_only("de donde llega el lulo que venden en cali", "supply_origin", {"product": "Lulo"}),
    slots_only("de que departamentos viene la mora de castilla", "supply_origin", {"product": "Mora de Castilla"}),
    slots_only("cuanto abastecimiento de aguacate hass hubo en bogota", "supply", {"product": "Aguacate Hass"}),
    # --- farm inputs ---
    slots_only("a como esta el bulto de urea en el huila", "inputs"),
    slots_only("precio del glifosato", "inputs"),
    # --- coverage ---
    slots_only("que mercados tienen en la base", "coverage"),
    slots_only("hasta cuando tienen precios", "coverage"),
    slots_only("que productos manejan ustedes", "coverage"),
    slots_only("desde que año hay datos", "coverage"),
    # --- forecasts ---
    {"q": "como va a estar el lulo en cavasa las proximas 4 semanas", "k": "forecast", "p": "Lulo", "w": CAVASA,
     "slots": {"freq": "W", "horizon": 4}},
    {"q": "pronostico de la papa pastusa en corabastos para los proximos 3 meses", "k": "forecast",
     "p": "Papa parda pastusa", "w": CORA, "slots": {"freq": "M", "horizon": 3}},
    {"q": "crees q el aguacate hass va a subir en medellin las proximas 8 semanas", "k": "forecast",
     "p": "Aguacate Hass", "w": "city:Medellín", "slots": {"freq": "W", "horizon": 8}},
    {"q": "prediccion del tomate de arbol en bucaramanga para las siguientes 2 semanas", "k": "forecast",
     "p": "Tomate de árbol", "w": "city:Bucaramanga", "slots": {"freq": "W", "horizon": 2}},
    # --- alerts ---
    {"q": "avisame cuando el lulo en cavasa baje de 3.000", "k": "alert", "p": "Lulo", "w": CAVASA,
     "slots": {"rule": "threshold", "threshold": 3000.0, "direction": "below"}},
    {"q": "mandame una alerta si la papa criolla en corabastos pasa de $2.500", "k": "alert",
     "p": "Papa criolla limpia", "w": CORA, "slots": {"rule": "threshold", "threshold": 2500.0,
                                                      "direction": "above"}},
    {"q": "alertame si el aguacate hass en la mayorista sube mas de un 15%", "k": "alert", "p": "Aguacate Hass",
     "w": CMA, "slots": {"rule": "change", "change_pct": 15.0, "direction": "up"}},
    {"q": "quiero alerta cuando la mora de castilla en surabastos este por encima de 5 mil", "k": "alert",
     "p": "Mora de Castilla", "w": SURAB, "slots": {"rule": "threshold", "threshold": 5000.0,
                                                    "direction": "above"}},
    {"q": "avisame si el tomate chonto en corabastos cae un 20%", "k": "alert", "p": "Tomate chonto", "w": CORA,
     "slots": {"rule": "change", "change_pct": 20.0, "direction": "down"}},
    # --- follow-ups in the same chat ---
    {"q": "y en medellin?", "prev": ["a como esta el aguacate hass en corabastos"], "k": "price",
     "p": "Aguacate Hass", "w": "city:Medellín"},
    {"q": "y en la 21?", "prev": ["precio de la granadilla en surabastos"], "k": "price", "p": "Granadilla",
     "w": LA21},
    {"q": "y el lulo?", "prev": ["cuanto vale la mora de castilla en cavasa"], "k": "price", "p": "Lulo",
     "w": CAVASA},
    {"q": "y la semana pasada?", "prev": ["a como esta el tomate de arbol en la mayorista"], "k": "daysago",
     "n": 7, "p": "Tomate de árbol", "w": CMA},
    {"q": "y en pasto cuanto?", "prev": ["precio del limon tahiti en bogota"], "k": "price", "p": "Limón Tahití",
     "w": "city:Pasto"},
    {"q": "y la papa sabanera?", "prev": ["a como esta la papa superior en corabastos"], "k": "price",
     "p": "Papa sabanera", "w": CORA},
    # --- generic names: several products priced, ask back ---
    {"q": "a como esta la papa en tunja", "k": "clarify", "options": []},
    {"q": "precio de la cebolla en corabastos", "k": "clarify", "options": []},
    {"q": "cuanto vale el maracuya en santa marta", "k": "clarify", "options": []},
    {"q": "a como esta el banano en corabastos", "k": "clarify", "options": []},
    {"q": "precio del huevo en neiva", "k": "clarify", "options": []},
    {"q": "cuanto esta el arroz en barranquilla", "k": "clarify", "options": []},
    {"q": "la carne de cerdo en ibague a como", "k": "clarify", "options": []},
    {"q": "a como esta la manzana en cavasa", "k": "clarify", "options": []},
    # --- unknown products: no numbers ---
    slots_only("a como esta la quinua en pasto", "price", tag="unknown"),
    slots_only("precio del chontaduro en cali", "price", tag="unknown"),
    slots_only("cuanto vale el kilo de bore", "price", tag="unknown"),
    slots_only("a como esta el mamoncillo en barranquillita", "price", tag="unknown"),
    slots_only("precio de la macadamia", "price", tag="unknown"),
    # --- small talk, help, out of scope ---
    slots_only("buenos dias sumerce", "greeting", tag="smalltalk"),
    slots_only("holi", "greeting", tag="smalltalk"),
    slots_only("buenas tardes, como esta?", "greeting", tag="smalltalk"),
    slots_only("muchas gracias, muy amable", "thanks", tag="smalltalk"),
    slots_only("listo gracias", "thanks", tag="smalltalk"),
    slots_only("que puedo preguntarte", "help", tag="smalltalk"),
    slots_only("ayuda", "help", tag="smalltalk"),
    slots_only("como funciona esto", "help", tag="smalltalk"),
    slots_only("cual es la tasa del dolar hoy", "out_of_scope", tag="smalltalk"),
    slots_only("recomiendame una receta de ajiaco", "out_of_scope", tag="smalltalk"),
    slots_only("quien gano el partido del nacional", "out_of_scope", tag="smalltalk"),
]


def main() -> None:
    h3.write_set(S, TAG, "h4", OUT, __doc__)


if __name__ == "__main__":
    main()
