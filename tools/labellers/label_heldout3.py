"""Write tests/questions/blind/heldout3.jsonl: a second BLIND held-out question set (tag "heldout3") written by
ENG-QA-3 without reading the router's code or the other labelled questions, with expected values computed from
the real CSV with pandas.

    .venv/bin/python tools/labellers/label_heldout3.py [--csv PATH]

The questions are typed the way other people than the previous tester's write on a phone: a costeña restaurant
owner in Cartagena, a Boyacá potato farmer ("sumercé"), a tendero in Cali ("ve", "mirá"), a paisa trader
("pues", "frisol"), a Santander wholesaler ("mano"), a llanero, a young shop assistant (abbreviations, typos),
and a journalist (formal wording, quarters, percentage changes). Cities often stand for markets, and less common
market names ("la 21", "la 41", "la minorista", "Santa Helena", "Plaza España", "la Nueva Sexta") are used.

Expected values reuse tools/label_questions.py's Data class and tools/labellers/label_heldout2.py's labelling function
(pandas straight from ../shared/sipsa/series/semanal_precios_2017-2025.csv.gz) and the documented answering
policy: a city stands for its main wholesale market (or, when the city has no main market or the main market
lacks the product, the city market with the newest price); no market means the first main market that priced
the product in its newest week; a month, a quarter or a year is the mean of the weekly means of the weeks
starting in it; a month named without a year is its most recent past occurrence before the pinned TODAY;
"the last N weeks" end at the newest week; relative dates ("la semana antepasada", "hace 10 dias", "hace 2
meses") name the week that holds the day counted back from the pinned TODAY; a day is the week that holds it.

Kinds added here (the rest are label_heldout2's): "pmean" (mean over an explicit start..end, e.g. a quarter)
and "monthsago" (the week that holds the day n months before TODAY). Items whose value cannot be computed are
reported and left out (never guessed).

First run (`sipsabot eval --verbose`, once, after the router fixes of commit 954b8f6 [router-fixes-done]): 89.9%
exact (169/188), 93.0% on direct price questions (80/86), 2.1% confidently wrong (4/188). Every miss was checked
with pandas against the raw CSV (all 86 direct prices and all 35 period/history/compare values re-computed from
the raw rows agree with these labels); no label mistake was found, so no label was changed after the run. Two
labels are debatable and were kept as written before the run: "dentro de un mes" is labelled as a monthly
forecast one month ahead (freq M, horizon 1; the router read weekly, 4 weeks), and a bare "cebolla cabezona" in
Corabastos, where SIPSA prices both the white and the red bulb onion, is labelled as a question back (the router
answered the white one and named it).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tools/label_questions.py
import label_heldout2 as h2
import label_questions as base

OUT = base.OUT / "blind" / "heldout3.jsonl"  # read by `sipsabot eval`, not by the pytest slice
TAG = "heldout3"
CORA = "market:Bogotá, D.C., Corabastos"
PALO = "market:Bogotá, D.C., Paloquemao"
FLORES = "market:Bogotá, D.C., Plaza Las Flores"
ESPANA = "market:Bogotá, D.C., Plaza España"
CMA = "market:Medellín, Central Mayorista de Antioquia"
MINORISTA = "market:Medellín, Plaza Minorista \"José María Villa\""
CAVASA = "market:Cali, Cavasa"
SELENA = "market:Cali, Santa Elena"
BQUILLITA = "market:Barranquilla, Barranquillita"
CENTROAB = "market:Bucaramanga, Centroabastos"
CENA = "market:Cúcuta, Cenabastos"
SEXTA = "market:Cúcuta, La Nueva Sexta"
LA41 = "market:Pereira, La 41-Impala"
MERCASA = "market:Pereira, Mercasa"
MERCAR = "market:Armenia, Mercar"
GALERIAS = "market:Manizales, Centro Galerías"
LA21 = "market:Ibagué, Plaza La 21"
SURAB = "market:Neiva, Surabastos"
POTRERILLO = "market:Pasto, El Potrerillo"
BAZURTO = "market:Cartagena, Bazurto"
CAV = "market:Villavicencio, CAV"

S: list[dict[str, Any]] = [
    # --- direct price: costeña restaurant owner (Cartagena, Barranquilla, Sincelejo, Montería) ---
    {"q": "aja y a como ta la yuca criolla en bazurto", "k": "price", "p": "Yuca criolla", "w": BAZURTO},
    {"q": "cuanto ta el kilo e pechuga de pollo en cartagena", "k": "price", "p": "Pechuga de pollo",
     "w": "city:Cartagena"},
    {"q": "el queso costeño en barranquilla a como lo tienen", "k": "price", "p": "Queso costeño",
     "w": "city:Barranquilla"},
    {"q": "la patilla en bazurto a como ta", "k": "price", "p": "Patilla", "w": BAZURTO},
    {"q": "ñame diamante sincelejo cuanto", "k": "price", "p": "Ñame diamante", "w": "city:Sincelejo"},
    {"q": "coco en cartagena a como", "k": "price", "p": "Coco", "w": "city:Cartagena"},
    {"q": "sardinas en lata en monteria", "k": "price", "p": "Sardinas en lata", "w": "city:Montería"},
    {"q": "galletas saladas en sincelejo precio", "k": "price", "p": "Galletas saladas", "w": "city:Sincelejo"},
    {"q": "arroz de primera en santa marta", "k": "price", "p": "Arroz de primera", "w": "city:Santa Marta"},
    {"q": "harina precocida de maiz en barranquillita", "k": "price", "p": "Harina precocida de maíz",
     "w": BQUILLITA},
    # --- Boyacá / Cundinamarca farmer ---
    {"q": "sumerce a como esta la papa parda en chiquinquira", "k": "price", "p": "Papa parda pastusa",
     "w": "city:Chiquinquirá"},
    {"q": "a como estan pagando la papa pastusa en abastos", "k": "price", "p": "Papa parda pastusa", "w": CORA},
    {"q": "cebolla junca aquitania en corabastos", "k": "price", "p": "Cebolla junca Aquitania", "w": CORA},
    {"q": "la arveja verde en vaina en duitama a como esta", "k": "price", "p": "Arveja verde en vaina",
     "w": "city:Duitama"},
    {"q": "queso campesino en florencia", "k": "price", "p": "Queso campesino", "w": "city:Florencia"},
    {"q": "fresa en tunja cuanto vale el kilo", "k": "price", "p": "Fresa", "w": "city:Tunja"},
    {"q": "queso doble crema en plaza las flores", "k": "price", "p": "Queso doble crema", "w": FLORES},
    {"q": "cuanto cuesta el frijol bolon en plaza españa", "k": "price", "p": "Fríjol bolón", "w": ESPANA},
    {"q": "el morrillo de res en paloquemao a como", "k": "price", "p": "Carne de res, morrillo", "w": PALO},
    {"q": "precio tomate larga vida corabastos", "k": "price", "p": "Tomate larga vida", "w": CORA},
    {"q": "kiwi en corabastos", "k": "price", "p": "Kiwi", "w": CORA},
    {"q": "uchuva con cascara en corabastos cuanto", "k": "price", "p": "Uchuva con cáscara", "w": CORA},
    {"q": "PRECIO DEL BROCOLI EN CORABASTOS", "k": "price", "p": "Brócoli", "w": CORA},
    {"q": "pera importada en bogota", "k": "price", "p": "Pera importada", "w": "city:Bogotá"},
    {"q": "cuanto esta la punta de anca en pasto", "k": "price", "p": "Carne de res, punta de anca",
     "w": "city:Pasto"},
    # --- Cali tendero ---
    {"q": "ve cuanto esta el tomate chonto en santa helena", "k": "price", "p": "Tomate chonto", "w": SELENA},
    {"q": "mira, la libra de lulo en cali a como esta", "k": "price", "p": "Lulo", "w": "city:Cali"},
    {"q": "manzana roja importada en cali", "k": "price", "p": "Manzana roja importada", "w": "city:Cali"},
    {"q": "uva isabela en palmira", "k": "price", "p": "Uva Isabela", "w": "city:Palmira"},
    {"q": "precio del mango tommy en tulua", "k": "price", "p": "Mango Tommy", "w": "city:Tuluá"},
    {"q": "costilla de res en cali cuanto", "k": "price", "p": "Carne de res, costilla", "w": "city:Cali"},
    {"q": "borojo en cucuta", "k": "price", "p": "Borojó", "w": "city:Cúcuta"},
    {"q": "🍅 tomate de arbol en cavasa?", "k": "price", "p": "Tomate de árbol", "w": CAVASA},
    # --- paisa trader ---
    {"q": "cuanto esta valiendo el frisol cargamanto rojo en la minorista", "k": "price",
     "p": "Fríjol cargamanto rojo", "w": MINORISTA},
    {"q": "el aguacate papelillo en la mayorista pues", "k": "price", "p": "Aguacate papelillo", "w": CMA},
    {"q": "hagame el favor y me dice la panela redonda morena en medellin", "k": "price",
     "p": "Panela redonda morena", "w": "city:Medellín"},
    {"q": "sobrebarriga en medellin", "k": "price", "p": "Carne de res, sobrebarriga", "w": "city:Medellín"},
    {"q": "banano uraba en la minorista", "k": "price", "p": "Banano Urabá", "w": MINORISTA},
    {"q": "papa criolla en rionegro", "k": "price", "p": "Papa criolla limpia", "w": "city:Rionegro"},
    {"q": "lomitos de atun en lata en la mayorista", "k": "price", "p": "Lomitos de atún en lata", "w": CMA},
    {"q": "papa criolla en medeyin", "k": "price", "p": "Papa criolla limpia", "w": "city:Medellín"},
    # --- Santander / Norte de Santander ---
    {"q": "mano a como esta la mora de castilla en centroabastos", "k": "price", "p": "Mora de Castilla",
     "w": CENTROAB},
    {"q": "huevo rojo extra en la nueva sexta", "k": "price", "p": "Huevo rojo extra", "w": SEXTA},
    {"q": "papa pastusa en los mercados del centro de bucaramanga", "k": "price", "p": "Papa parda pastusa",
     "w": "market:Bucaramanga, Mercados del centro"},
    {"q": "chatas de res en bucaramanga", "k": "price", "p": "Carne de res, chatas", "w": "city:Bucaramanga"},
    {"q": "melon cantalup en cucuta", "k": "price", "p": "Melón Cantalup", "w": "city:Cúcuta"},
    {"q": "pitahaya en bucaramanga a como", "k": "price", "p": "Pitahaya", "w": "city:Bucaramanga"},
    {"q": "precio cebolla cabesona blanca en cenabastos", "k": "price", "p": "Cebolla cabezona blanca", "w": CENA},
    # --- Eje cafetero, Tolima, Huila ---
    {"q": "k precio tiene el lulo en la 41", "k": "price", "p": "Lulo", "w": LA41},
    {"q": "pimenton en mercasa", "k": "price", "p": "Pimentón", "w": MERCASA},
    {"q": "cuanto vale el perejil en mercar", "k": "price", "p": "Perejil", "w": MERCAR},
    {"q": "berenjena en centro galerias", "k": "price", "p": "Berenjena", "w": GALERIAS},
    {"q": "tomte de arbol en manizales", "k": "price", "p": "Tomate de árbol", "w": "city:Manizales"},
    {"q": "a como esta el limon comun en la 21", "k": "price", "p": "Limón común", "w": LA21},
    {"q": "cilantro en surabastos", "k": "price", "p": "Cilantro", "w": SURAB},
    {"q": "mandarina oneco en pereira", "k": "price", "p": "Mandarina Oneco", "w": "city:Pereira"},
    {"q": "aceite vegetal mezcla en ibague cuanto el litro", "k": "price", "p": "Aceite vegetal mezcla",
     "w": "city:Ibagué"},
    {"q": "maiz blanco trillado en neiva", "k": "price", "p": "Maíz blanco trillado", "w": "city:Neiva"},
    {"q": "guayaba agria en manizales", "k": "price", "p": "Guayaba agria", "w": "city:Manizales"},
    {"q": "curuba en armenia", "k": "price", "p": "Curuba", "w": "city:Armenia"},
    {"q": "guayava pera en cali", "k": "price", "p": "Guayaba pera", "w": "city:Cali"},
    # --- south and the plains ---
    {"q": "papa capira en el potrerillo", "k": "price", "p": "Papa capira", "w": POTRERILLO},
    {"q": "zanahorea en pasto", "k": "price", "p": "Zanahoria", "w": "city:Pasto"},
    {"q": "arveja verde en vaina pastusa en pasto", "k": "price", "p": "Arveja verde en vaina pastusa",
     "w": "city:Pasto"},
    {"q": "trucha entera fresca en pasto", "k": "price", "p": "Trucha entera fresca", "w": "city:Pasto"},
    {"q": "ulluco en popayan", "k": "price", "p": "Ulluco", "w": "city:Popayán"},
    {"q": "cachama de cultivo fresca en villavo", "k": "price", "p": "Cachama de cultivo fresca",
     "w": "city:Villavicencio"},
    {"q": "pastas alimenticias en la cav", "k": "price", "p": "Pastas alimenticias", "w": CAV},
    {"q": "platano harton verde en florencia", "k": "price", "p": "Plátano hartón verde", "w": "city:Florencia"},
    {"q": "cebolla larga en yopal", "k": "price", "p": "Cebolla junca", "w": "city:Yopal"},
    # --- no market named: the default market ---
    {"q": "a como esta la gulupa", "k": "price", "p": "Gulupa"},
    {"q": "precio del ahuyamin", "k": "price", "p": "Ahuyamín (Sakata)"},
    {"q": "cuanto vale la uchuva con cascara hoy", "k": "price", "p": "Uchuva con cáscara"},
    {"q": "cebolla junca aquitania precio", "k": "price", "p": "Cebolla junca Aquitania"},
    {"q": "precio actual del aguacate choquette", "k": "price", "p": "Aguacate Choquette"},
    {"q": "brocoli cuanto vale el kilo", "k": "price", "p": "Brócoli"},
    {"q": "a cuanto esta el tangelo", "k": "price", "p": "Tangelo"},
    {"q": "precio de la arracacha blanca", "k": "price", "p": "Arracacha blanca"},
    {"q": "sal yodada precio", "k": "price", "p": "Sal yodada"},
    {"q": "pollo entero fresco sin visceras a como esta", "k": "price", "p": "Pollo entero fresco sin vísceras"},
    # --- price at a date or period (journalist and traders) ---
    {"q": "Cual fue el precio promedio de la papa criolla limpia en Corabastos durante el primer trimestre de 2024?",
     "k": "pmean", "p": "Papa criolla limpia", "w": CORA, "start": "2024-01-01", "end": "2024-03-31"},
    {"q": "a como estuvo el tomate chonto en santa helena el mes pasado", "k": "month", "p": "Tomate chonto",
     "w": SELENA, "m": "2025-10"},
    {"q": "cuanto valia la yuca criolla en bazurto en diciembre", "k": "month", "p": "Yuca criolla", "w": BAZURTO,
     "m": "2024-12"},
    {"q": "precio del limon tahiti en medellin en agosto", "k": "month", "p": "Limón Tahití", "w": "city:Medellín",
     "m": "2025-08"},
    {"q": "la papa pastusa en abastos hace 2 meses", "k": "monthsago", "n": 2, "p": "Papa parda pastusa",
     "w": CORA},
    {"q": "cuanto estaba el lulo en la 41 hace dos semanas", "k": "daysago", "n": 14, "p": "Lulo", "w": LA41},
    {"q": "zanahoria en corabastos la semana antepasada", "k": "daysago", "n": 14, "p": "Zanahoria", "w": CORA},
    {"q": "a como estaba la mora de castilla en centroabastos hace 10 dias", "k": "daysago", "n": 10,
     "p": "Mora de Castilla", "w": CENTROAB},
    {"q": "precio de la arveja verde en vaina en corabastos el 20 de agosto de 2024", "k": "day",
     "p": "Arveja verde en vaina", "w": CORA, "day": "2024-08-20"},
    {"q": "tomate chonto en corabastos el 7/7/23", "k": "day", "p": "Tomate chonto", "w": CORA, "day": "2023-07-07"},
    {"q": "el aguacate hass en la mayorista el pasado 12 de septiembre", "k": "day", "p": "Aguacate Hass",
     "w": CMA, "day": "2025-09-12"},
    {"q": "promedio del 2022 de la papa criolla en la mayorista", "k": "year", "y": 2022, "p": "Papa criolla limpia",
     "w": CMA},
    {"q": "cuanto costo en promedio el lulo en cali durante 2023", "k": "year", "y": 2023, "p": "Lulo",
     "w": "city:Cali"},
    {"q": "habichuela en cavasa en mayo de 2025", "k": "month", "p": "Habichuela", "w": CAVASA, "m": "2025-05"},
    {"q": "precio del pimenton en cenabastos en febrero del año pasado", "k": "month", "p": "Pimentón", "w": CENA,
     "m": "2024-02"},
    {"q": "platano harton verde en barranquillita la semana pasada", "k": "daysago", "n": 7,
     "p": "Plátano hartón verde", "w": BQUILLITA},
    {"q": "cuanto estaba el huevo rojo aa en medellin hace un mes", "k": "monthago", "p": "Huevo rojo AA",
     "w": "city:Medellín"},
    {"q": "precio medio de la cebolla cabezona blanca en corabastos en el segundo trimestre de 2025",
     "k": "pmean", "p": "Cebolla cabezona blanca", "w": CORA, "start": "2025-04-01", "end": "2025-06-30"},
    # --- history / trend with % ---
    {"q": "variacion porcentual del tomate chonto en corabastos en las ultimas 12 semanas", "k": "history",
     "n": 12, "p": "Tomate chonto", "w": CORA},
    {"q": "cuanto ha subido o bajado la papa parda en centroabastos ultimas 5 semanas", "k": "history", "n": 5,
     "p": "Papa parda pastusa", "w": CENTROAB},
    {"q": "como le ha ido al precio de la cebolla junca en la mayorista las ultimas 10 semanas", "k": "history",
     "n": 10, "p": "Cebolla junca", "w": CMA},
    {"q": "historial lulo pereira ultimas 6 semanas", "k": "history", "n": 6, "p": "Lulo", "w": "city:Pereira"},
    {"q": "cuanto subio la papa pastusa en corabastos entre junio y septiembre de 2025", "k": "hrange",
     "p": "Papa parda pastusa", "w": CORA, "start": "2025-06-01", "end": "2025-09-30"},
    {"q": "evolucion del arroz de primera en la mayorista de enero a abril del 2025", "k": "hrange",
     "p": "Arroz de primera", "w": CMA, "start": "2025-01-01", "end": "2025-04-30"},
    {"q": "el aguacate hass en tunja subio o bajo en las ultimas 4 semanas", "k": "history", "n": 4,
     "p": "Aguacate Hass", "w": "city:Tunja"},
    {"q": "tendencia de la mora de castilla en centroabastos durante las ultimas 3 semanas", "k": "history",
     "n": 3, "p": "Mora de Castilla", "w": CENTROAB},
    # --- cheapest / priciest ---
    {"q": "cual es la plaza mas barata pa comprar tomate de arbol", "k": "cheapest", "p": "Tomate de árbol"},
    {"q": "donde sale mas economico el pimenton", "k": "cheapest", "p": "Pimentón"},
    {"q": "en donde esta mas costoso el queso campesino", "k": "priciest", "p": "Queso campesino"},
    {"q": "mercado con el precio mas alto de la pechuga de pollo", "k": "priciest", "p": "Pechuga de pollo"},
    {"q": "en bogota donde es mas barato el queso campesino", "k": "cheapest", "p": "Queso campesino",
     "city": "Bogotá"},
    {"q": "la habichuela donde la venden mas cara", "k": "priciest", "p": "Habichuela"},
    {"q": "donde compro la lechuga batavia mas barata", "k": "cheapest", "p": "Lechuga Batavia"},
    # --- compare ---
    {"q": "a como esta el limon tahiti en cali y en medellin", "k": "compare", "p": "Limón Tahití",
     "ws": ["city:Cali", "city:Medellín"]},
    {"q": "comparativo del arroz de primera entre bogota, medellin y barranquilla", "k": "compare",
     "p": "Arroz de primera", "ws": ["city:Bogotá", "city:Medellín", "city:Barranquilla"]},
    {"q": "diferencia del precio del huevo rojo a entre cucuta y bucaramanga", "k": "compare", "p": "Huevo rojo A",
     "ws": ["city:Cúcuta", "city:Bucaramanga"]},
    {"q": "es mas barata la cebolla junca en la mayorista o en mercasa?", "k": "compare", "p": "Cebolla junca",
     "ws": [CMA, MERCASA]},
    {"q": "pepino cohombro pereira vs armenia", "k": "compare", "p": "Pepino cohombro",
     "ws": ["city:Pereira", "city:Armenia"]},
    # --- movers ---
    {"q": "que fue lo q mas se disparo esta semana en abastos", "k": "movers", "w": CORA, "up": True},
    {"q": "que productos bajaron mas de precio en santa helena esta semana", "k": "movers", "w": SELENA,
     "up": False},
    {"q": "cuales son las mayores subidas en centroabastos", "k": "movers", "w": CENTROAB, "up": True},
    {"q": "ranking de lo que mas bajo a nivel pais", "k": "movers", "up": False},
    {"q": "que es lo que mas esta subiendo en todo el pais esta semana", "k": "movers", "up": True},
    # --- supply, origin, inputs (the eval mirror holds prices only: no numbers) ---
    {"q": "cuanta carga entro a corabastos esta semana", "k": "slots", "intent": "supply",
     "slots": {"market": "Bogotá, D.C., Corabastos"}},
    {"q": "cuantas toneladas de platano harton verde llegaron a cali", "k": "slots", "intent": "supply",
     "slots": {"product": "Plátano hartón verde"}},
    {"q": "de que municipios traen la cebolla junca", "k": "slots", "intent": "supply_origin",
     "slots": {"product": "Cebolla junca"}},
    {"q": "de donde viene el tomate de arbol que llega a medellin", "k": "slots", "intent": "supply_origin",
     "slots": {"product": "Tomate de árbol"}},
    {"q": "abastecimiento de frutas en barranquilla", "k": "slots", "intent": "supply", "slots": {}},
    {"q": "precio de la urea", "k": "slots", "intent": "inputs", "slots": {}},
    {"q": "cuanto vale el bulto de dap en boyaca", "k": "slots", "intent": "inputs", "slots": {}},
    # --- coverage ---
    {"q": "que ciudades cubre el bot", "k": "slots", "intent": "coverage", "slots": {}},
    {"q": "cual es el ultimo dato que tienes", "k": "slots", "intent": "coverage", "slots": {}},
    {"q": "cuantos mercados monitorean", "k": "slots", "intent": "coverage", "slots": {}},
    {"q": "de que fecha son los precios", "k": "slots", "intent": "coverage", "slots": {}},
    {"q": "me pasas la lista de productos que tienes", "k": "slots", "intent": "coverage", "slots": {}},
    # --- forecasts ---
    {"q": "como cree que va a estar la papa criolla en corabastos el proximo mes", "k": "forecast",
     "p": "Papa criolla limpia", "w": CORA, "slots": {"freq": "M", "horizon": 1}},
    {"q": "pronostico del precio del aguacate hass en medellin para las proximas 6 semanas", "k": "forecast",
     "p": "Aguacate Hass", "w": "city:Medellín", "slots": {"freq": "W", "horizon": 6}},
    {"q": "como va a estar el tomate chonto en cali en los proximos 2 meses", "k": "forecast",
     "p": "Tomate chonto", "w": "city:Cali", "slots": {"freq": "M", "horizon": 2}},
    {"q": "proyeccion 4 semanas lulo bucaramanga", "k": "forecast", "p": "Lulo", "w": "city:Bucaramanga",
     "slots": {"freq": "W", "horizon": 4}},
    {"q": "predice la mora de castilla en corabastos para las siguientes 3 semanas", "k": "forecast",
     "p": "Mora de Castilla", "w": CORA, "slots": {"freq": "W", "horizon": 3}},
    {"q": "que precio tendra la cebolla junca en bogota dentro de un mes", "k": "forecast", "p": "Cebolla junca",
     "w": "city:Bogotá", "slots": {"freq": "M", "horizon": 1}},
    # --- alerts ---
    {"q": "avisame cuando la papa criolla en corabastos este por debajo de $1.800", "k": "alert",
     "p": "Papa criolla limpia", "w": CORA,
     "slots": {"rule": "threshold", "threshold": 1800.0, "direction": "below"}},
    {"q": "si el tomate de arbol pasa de 4 mil en la mayorista me avisas", "k": "alert", "p": "Tomate de árbol",
     "w": CMA, "slots": {"rule": "threshold", "threshold": 4000.0, "direction": "above"}},
    {"q": "ponme una alarma si el aguacate hass en corabastos sube mas del 20%", "k": "alert", "p": "Aguacate Hass",
     "w": CORA, "slots": {"rule": "change", "change_pct": 20.0, "direction": "up"}},
    {"q": "alerta: limon tahiti cavasa menos de 2500", "k": "alert", "p": "Limón Tahití", "w": CAVASA,
     "slots": {"rule": "threshold", "threshold": 2500.0, "direction": "below"}},
    {"q": "quiero que me avises si la mora de castilla baja un 10% en centroabastos", "k": "alert",
     "p": "Mora de Castilla", "w": CENTROAB, "slots": {"rule": "change", "change_pct": 10.0, "direction": "down"}},
    {"q": "avisame si la cebolla junca en corabastos supera los dos mil pesos", "k": "alert", "p": "Cebolla junca",
     "w": CORA, "slots": {"rule": "threshold", "threshold": 2000.0, "direction": "above"}},
    {"q": "me notificas cuando el huevo rojo aa en cenabastos baje de 400", "k": "alert", "p": "Huevo rojo AA",
     "w": CENA, "slots": {"rule": "threshold", "threshold": 400.0, "direction": "below"}},
    # --- follow-ups in the same chat ---
    {"q": "y en cali?", "prev": ["a como esta la papa parda en corabastos"], "k": "price",
     "p": "Papa parda pastusa", "w": "city:Cali"},
    {"q": "y la roja?", "prev": ["cebolla cabezona blanca en corabastos"], "k": "price",
     "p": "Cebolla cabezona roja", "w": CORA},
    {"q": "y el mes pasado?", "prev": ["lulo en corabastos"], "k": "month", "p": "Lulo", "w": CORA, "m": "2025-10"},
    {"q": "y hace 15 dias?", "prev": ["precio del pimenton en la mayorista"], "k": "daysago", "n": 15,
     "p": "Pimentón", "w": CMA},
    {"q": "y la cebolla larga?", "prev": ["tomate chonto en la mayorista"], "k": "price", "p": "Cebolla junca",
     "w": CMA},
    {"q": "y en santa helena?", "prev": ["habichuela en cavasa"], "k": "price", "p": "Habichuela", "w": SELENA},
    {"q": "y en pasto", "prev": ["zanahoria en tunja"], "k": "price", "p": "Zanahoria", "w": "city:Pasto"},
    {"q": "y en medellin?", "prev": ["cuanto valia la papa criolla en corabastos en marzo de 2024"], "k": "month",
     "p": "Papa criolla limpia", "w": "city:Medellín", "m": "2024-03"},
    {"q": "y en 2023?", "prev": ["precio promedio de la arveja verde en vaina en corabastos en 2024"],
     "k": "year", "y": 2023, "p": "Arveja verde en vaina", "w": CORA},
    {"q": "y el maracuya?", "prev": ["lulo en cali", "y en pereira?"], "k": "price", "p": "Maracuyá",
     "w": "city:Pereira"},
    {"q": "y en bucaramanga?", "prev": ["pronostico del lulo en cali para las proximas 4 semanas"],
     "k": "forecast", "p": "Lulo", "w": "city:Bucaramanga", "slots": {"freq": "W", "horizon": 4}},
    {"q": "gracias mi llave", "prev": ["a como esta el coco en cartagena"], "k": "slots", "intent": "thanks",
     "slots": {}},
    # --- ambiguous generic names: ask back (each family has two or more products priced in the newest week of
    # the market named, or nationally when no market is named) ---
    {"q": "a como esta el frijol en medellin", "k": "clarify", "options": []},
    {"q": "a como esta la yuca hoy", "k": "clarify", "options": []},
    {"q": "precio del banano en barranquilla", "k": "clarify", "options": []},
    {"q": "lechuga en corabastos cuanto", "k": "clarify", "options": ["Lechuga Batavia"]},
    {"q": "cuanto vale el pollo", "k": "clarify", "options": []},
    {"q": "repollo en la mayorista", "k": "clarify", "options": ["Repollo blanco"]},
    {"q": "precio del arroz en paloquemao", "k": "clarify", "options": []},
    {"q": "azucar en plaza las flores", "k": "clarify", "options": []},
    {"q": "a como esta la panela en corabastos", "k": "clarify", "options": []},
    {"q": "cebolla cabezona en corabastos", "k": "clarify",
     "options": ["Cebolla cabezona blanca", "Cebolla cabezona roja"]},
    # --- unknown products: no numbers (suggestions or a clear message) ---
    {"q": "a como esta el araza en florencia", "k": "slots", "intent": "price", "slots": {}, "tag": "unknown"},
    {"q": "precio del carambolo", "k": "slots", "intent": "price", "slots": {}, "tag": "unknown"},
    {"q": "cuanto vale el corozo en valledupar", "k": "slots", "intent": "price", "slots": {}, "tag": "unknown"},
    {"q": "chirimoya en corabastos", "k": "slots", "intent": "price", "slots": {}, "tag": "unknown"},
    {"q": "a como esta el salchichon cervecero", "k": "slots", "intent": "price", "slots": {}, "tag": "unknown"},
    {"q": "precio del noni en cali", "k": "slots", "intent": "price", "slots": {}, "tag": "unknown"},
    # --- small talk ---
    {"q": "quiubo pues", "k": "slots", "intent": "greeting", "slots": {}, "tag": "smalltalk"},
    {"q": "buenas noches", "k": "slots", "intent": "greeting", "slots": {}, "tag": "smalltalk"},
    {"q": "q mas, todo bien?", "k": "slots", "intent": "greeting", "slots": {}, "tag": "smalltalk"},
    {"q": "mil gracias mano", "k": "slots", "intent": "thanks", "slots": {}, "tag": "smalltalk"},
    {"q": "gracias, muy util", "k": "slots", "intent": "thanks", "slots": {}, "tag": "smalltalk"},
    {"q": "para que sirve este bot", "k": "slots", "intent": "help", "slots": {}, "tag": "smalltalk"},
    {"q": "/help", "k": "slots", "intent": "help", "slots": {}, "tag": "smalltalk"},
    {"q": "como te pregunto un precio?", "k": "slots", "intent": "help", "slots": {}, "tag": "smalltalk"},
    {"q": "como esta el clima en cali", "k": "slots", "intent": "out_of_scope", "slots": {}, "tag": "smalltalk"},
    {"q": "quien es el alcalde de bogota", "k": "slots", "intent": "out_of_scope", "slots": {}, "tag": "smalltalk"},
    {"q": "cuando juega la seleccion", "k": "slots", "intent": "out_of_scope", "slots": {}, "tag": "smalltalk"},
    {"q": "hazme la tarea de matematicas", "k": "slots", "intent": "out_of_scope", "slots": {}, "tag": "smalltalk"},
]


def label(data: base.Data, spec: dict[str, Any], both: Any) -> tuple[dict[str, Any] | None, str]:
    """One record for a spec (this file's kinds, else label_heldout2's), tagged heldout3."""
    kind = spec["k"]
    if kind in {"pmean", "monthsago"}:
        rec, why = _label_extra(data, spec)
    else:
        rec, why = h2.label(data, spec, both)
    if rec is not None:
        rec["tags"] = [TAG if t == h2.TAG else t for t in rec["tags"]]
    return rec, why


def _label_extra(data: base.Data, spec: dict[str, Any]) -> tuple[dict[str, Any] | None, str]:
    product = spec["p"]
    market, slots = h2.where_market(data, product, spec.get("w", "none"))
    rec: dict[str, Any] = {"q": spec["q"], "expect": "answer", "values": [], "tags": [TAG]}
    if spec.get("prev"):
        rec["prev"] = spec["prev"]
        rec["tags"].append("followup")
    if spec["k"] == "monthsago":
        ws, we = base.week_of(base.shift_months(base.TODAY, spec["n"]))
        v = data.week_price(product, market, ws.isoformat()) if market else None
        if v is None:
            return None, f"no week {ws}"
        rec.update(intent="price_at", slots={**slots, "start": ws.isoformat(), "end": we.isoformat()},
                   values=[base.value("price", v, market, ws.isoformat())])
    else:
        start, end = spec["start"], spec["end"]
        if spec["w"].startswith("city:"):
            market = data.city_market_in(spec["w"][5:], product, start, end)
            slots["market"] = market
        v = data.period_mean(product, market, start, end) if market else None
        if v is None:
            return None, "no weeks in the period"
        rec.update(intent="price_at", slots={**slots, "start": start, "end": end},
                   values=[base.value("price", v, market, start)])
    rec["tags"].append("period")
    return rec, ""


def slots_only(q: str, intent: str, slots: dict[str, Any] | None = None, tag: str | None = None) -> dict[str, Any]:
    """A question labelled by intent and slots only (no expected figures)."""
    spec: dict[str, Any] = {"q": q, "k": "slots", "intent": intent, "slots": slots or {}}
    if tag:
        spec["tag"] = tag
    return spec


def write_set(specs: list[dict[str, Any]], tag: str, prefix: str, out_path: Path, description: str | None) -> None:
    """Label `specs` from the CSV and write one blind set (ids prefix-001…, tag on every record) to out_path."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--csv", default=str(base.CSV))
    args = parser.parse_args()
    data = base.Data(Path(args.csv))
    both = h2.movers(data)
    out: list[dict[str, Any]] = []
    for spec in specs:
        rec, why = label(data, spec, both)
        if rec is None:
            print(f"left out: {spec['q']!r}: {why}")
            continue
        rec["tags"] = [tag if t == TAG else t for t in rec["tags"]]
        out.append({"id": f"{prefix}-{len(out) + 1:03d}", **rec})
    with open(out_path, "w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    direct = sum("direct" in r["tags"] for r in out)
    print(f"{len(out)} preguntas reservadas escritas en {out_path} ({direct} de precio directo)")


def main() -> None:
    write_set(S, TAG, "h3", OUT, __doc__)


if __name__ == "__main__":
    main()
