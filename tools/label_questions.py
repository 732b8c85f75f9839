"""Write the labelled question set tests/questions/*.jsonl with expected values computed INDEPENDENTLY of the
router: pandas straight from ../shared/sipsa/series/semanal_precios_2017-2025.csv.gz.

    .venv/bin/python tools/label_questions.py [--csv PATH]

Only the project's canonical name tables (data/vocab/*.csv: facts about names) are shared with the mirror;
names are folded here with this file's own code. The answering policy the router documents is re-stated
here as a specification (a city stands for its main wholesale market; no market means the first main market
that priced the product in its newest week; a month is the mean of the weekly means of the weeks starting in
it; "the last N weeks" end at the newest week in the data; relative dates count from TODAY).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import statistics
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
CSV = ROOT.parent / "shared" / "sipsa" / "series" / "semanal_precios_2017-2025.csv.gz"
OUT = ROOT / "tests" / "questions"
TODAY = dt.date(2025, 11, 3)  # pinned "today": the Monday after the newest week of the CSV ends

MAIN = [  # city -> main wholesale market, in the order used when the user names no market
    ("Bogotá", "Bogotá, D.C., Corabastos"), ("Medellín", "Medellín, Central Mayorista de Antioquia"),
    ("Cali", "Cali, Cavasa"), ("Barranquilla", "Barranquilla, Barranquillita"),
    ("Bucaramanga", "Bucaramanga, Centroabastos"), ("Cúcuta", "Cúcuta, Cenabastos"), ("Pereira", "Pereira, Mercasa"),
    ("Armenia", "Armenia, Mercar"), ("Manizales", "Manizales, Centro Galerías"), ("Ibagué", "Ibagué, Plaza La 21"),
    ("Neiva", "Neiva, Surabastos"), ("Pasto", "Pasto, El Potrerillo"), ("Villavicencio", "Villavicencio, CAV"),
    ("Tunja", "Tunja, Complejo de Servicios del Sur"), ("Valledupar", "Valledupar, Mercabastos"),
    ("Montería", "Montería, Mercado del Sur"), ("Cartagena", "Cartagena, Bazurto"),
    ("Sincelejo", "Sincelejo, Nuevo Mercado"), ("Popayán", "Popayán, Plaza de mercado del barrio Bolívar"),
    ("Ipiales", "Ipiales (Nariño), Ipiales somos todos"),
]
MARKET_WORDS = {  # how people name markets
    "Bogotá, D.C., Corabastos": ["Corabastos", "corabastos", "abastos", "CORABASTOS"],
    "Bogotá, D.C., Paloquemao": ["Paloquemao", "paloquemao"],
    "Bogotá, D.C., Plaza Las Flores": ["la plaza Las Flores de Bogotá"],
    "Medellín, Central Mayorista de Antioquia": ["la Central Mayorista de Antioquia", "la mayorista de Medellín",
                                                 "la Mayorista"],
    "Medellín, Plaza Minorista \"José María Villa\"": ["la Minorista de Medellín", "la plaza minorista"],
    "Cali, Santa Elena": ["Santa Elena", "santa helena en Cali"],
    "Cali, Cavasa": ["Cavasa"],
    "Barranquilla, Barranquillita": ["Barranquillita"],
    "Barranquilla, Granabastos": ["Granabastos"],
    "Bucaramanga, Centroabastos": ["Centroabastos"],
    "Cúcuta, Cenabastos": ["Cenabastos"],
    "Pereira, Mercasa": ["Mercasa"],
    "Armenia, Mercar": ["Mercar"],
    "Neiva, Surabastos": ["Surabastos"],
    "Ibagué, Plaza La 21": ["la plaza La 21 de Ibagué"],
    "Pasto, El Potrerillo": ["El Potrerillo"],
    "Cartagena, Bazurto": ["Bazurto"],
    "Valledupar, Mercabastos": ["Mercabastos"],
}
CITY_WORDS = {"Bogotá": ["Bogotá", "bogota", "BOGOTA"], "Medellín": ["Medellín", "medellin"], "Cali": ["Cali", "cali"],
              "Barranquilla": ["Barranquilla"], "Bucaramanga": ["Bucaramanga", "bucaramanga"],
              "Cúcuta": ["Cúcuta", "cucuta"], "Pereira": ["Pereira"], "Armenia": ["Armenia"],
              "Manizales": ["Manizales"], "Ibagué": ["Ibagué", "ibague"], "Neiva": ["Neiva"], "Pasto": ["Pasto"],
              "Villavicencio": ["Villavicencio"], "Tunja": ["Tunja"], "Cartagena": ["Cartagena"],
              "Montería": ["Montería", "monteria"], "Popayán": ["Popayán", "popayan"],
              "Sincelejo": ["Sincelejo"], "Valledupar": ["Valledupar"], "Santa Marta": ["Santa Marta"]}
COLLOQUIAL = {  # what people call a product -> the product they mean
    "Papa parda pastusa": ["papa pastusa", "papa parda"],
    "Cebolla junca": ["cebolla larga", "cebolla junca"],
    "Plátano hartón verde": ["plátano verde", "platano harton verde"],
    "Papa criolla limpia": ["papa criolla"],
    "Limón Tahití": ["limón tahití", "limon tahiti"],
    "Aguacate Hass": ["aguacate hass"],
    "Tomate de árbol": ["tomate de árbol", "tomate de arbol"],
    "Mora de Castilla": ["mora de castilla"],
    "Chócolo mazorca": ["mazorca", "choclo"],
}
AMBIGUOUS = [  # a family name alone: the router must ask which one
    ("precio de la papa", "papa", ["Papa criolla limpia", "Papa parda pastusa"]),
    ("¿a cuánto está la papa en Corabastos?", "papa", ["Papa criolla limpia", "Papa parda pastusa"]),
    ("cuanto vale el tomate", "tomate", ["Tomate chonto"]),
    # the options a clarification must include are kinds priced in the place asked (LABELS.md); in Medellín and Cali
    # the generic "Tomate chonto" / "Cebolla junca" rows are not priced in the newest week
    ("precio del tomate en medellin", "tomate", ["Tomate chonto regional"]),
    ("a como esta la cebolla en cali", "cebolla", ["Cebolla junca Tenerife"]),
    ("precio de la guayaba", "guayaba", ["Guayaba pera"]),
    ("cuánto cuesta el aguacate en corabastos", "aguacate", ["Aguacate Hass"]),
    ("precio de la carne de res en bogota", "carne", []),
    ("valor del frijol", "frijol", []),
    ("uva en corabastos", "uva", []),
    ("manzana en paloquemao", "manzana", []),
    ("precio de la papaya", "papaya", []),
    ("cuanto esta la naranja en corabastos", "naranja", []),
    ("dame el precio del queso", "queso", []),
    ("la mandarina como está en Medellín?", "mandarina", ("Mandarina Oneco", "Medellín")),  # its one kind there
]
UNKNOWN = ["precio del kiwano", "cuánto cuesta la quinua en corabastos", "a como esta el mangostino",
           "precio de la rúgula en paloquemao", "valor del salmon ahumado", "cuanto vale el pan tajado",
           "precio de la gasolina", "precio de las arepas en medellin", "cuánto vale la cerveza poker",
           "precio del pitayo rojo", "a como el kilo de marihuana", "cuanto cuesta un iphone",
           "precio del aguacate lorena en cali", "cuánto vale la leche deslactosada", "precio de la papa frita"]
SMALL_TALK = [
    ("hola", "greeting"), ("Hola!", "greeting"), ("buenos días", "greeting"), ("buenas tardes", "greeting"),
    ("buenas noches", "greeting"), ("quiubo", "greeting"), ("hey", "greeting"), ("saludos", "greeting"),
    ("gracias", "thanks"), ("muchas gracias!", "thanks"), ("mil gracias", "thanks"), ("te agradezco", "thanks"),
    ("muy amable, gracias", "thanks"), ("ayuda", "help"), ("¿qué puedes hacer?", "help"), ("como funciona esto",
                                                                                           "help"),
    ("qué sabes hacer?", "help"), ("instrucciones", "help"), ("/start", "help"), ("/ayuda", "help"),
    ("¿quién ganó el partido de ayer?", "out_of_scope"), ("precio del dólar hoy", "out_of_scope"),
    ("cuéntame un chiste", "out_of_scope"), ("qué tiempo hace en Bogotá? va a haber lluvia?", "out_of_scope"),
    ("cuál es la capital de Francia", "out_of_scope"), ("recomiéndame una película", "out_of_scope"),
    ("cuanto esta la gasolina", "out_of_scope"), ("cuál es el salario mínimo", "out_of_scope"),
    ("precio del bitcoin", "out_of_scope"), ("asdfgh", "out_of_scope"), ("???", "help"),
    ("dame una receta de ajiaco", "out_of_scope"), ("quién es el presidente", "out_of_scope"),
    ("cuál es la tasa de cambio", "out_of_scope"), ("me recomiendas un restaurante", "out_of_scope"),
]
COVERAGE = ["¿qué productos tienes?", "que mercados tienes", "hasta qué fecha tienes datos?",
            "¿desde cuándo hay datos?", "cuáles mercados cubre SIPSA", "lista de productos",
            "qué ciudades tienes", "cuantos productos hay", "fecha de actualización de los datos",
            "¿de dónde sacas los datos?", "que informacion tienes", "que datos hay"]


# Hand-written questions in people's own words (written before running the router on them). Each names the
# product and the market, city or nothing; the expected value follows the same specification as above.
# (text, product, "market:<name>" | "city:<name>" | "none", period) ; period: None | "lastweek" | "YYYY-MM"
HANDWRITTEN: list[tuple[str, str, str, str | None]] = [
    ("oiga cuánto está la papa criolla en corabastos", "Papa criolla limpia", "market:Bogotá, D.C., Corabastos", None),
    ("buenas, me regala el precio de la cebolla larga en Medellín", "Cebolla junca", "city:Medellín", None),
    ("papa pastusa corabastos hoy?", "Papa parda pastusa", "market:Bogotá, D.C., Corabastos", None),
    ("cuanto esta el kilo de tomate chonto en bogota", "Tomate chonto", "city:Bogotá", None),
    ("q precio tiene el limon tahiti en cali", "Limón Tahití", "city:Cali", None),
    ("la zanahoria a como esta en bucaramanga", "Zanahoria", "city:Bucaramanga", None),
    ("necesito saber el precio del aguacate hass en pereira", "Aguacate Hass", "city:Pereira", None),
    ("Precio aguacate hass Pereira", "Aguacate Hass", "city:Pereira", None),
    ("cuanto vale el platano verde en corabastos", "Plátano hartón verde", "market:Bogotá, D.C., Corabastos", None),
    ("a como tan las papas criollas en medellin", "Papa criolla limpia", "city:Medellín", None),
    ("precio de las zanahorias en cucuta", "Zanahoria", "city:Cúcuta", None),
    ("cuanto cuestan los limones tahiti en barranquilla", "Limón Tahití", "city:Barranquilla", None),
    ("mora de castilla en la mayorista", "Mora de Castilla", "market:Medellín, Central Mayorista de Antioquia",
     None),
    ("tomate de arbol x kilo en corabastos", "Tomate de árbol", "market:Bogotá, D.C., Corabastos", None),
    ("cual es el precio de la habichuela hoy en Bogotá", "Habichuela", "city:Bogotá", None),
    ("Hola! cuánto está la arveja verde en vaina en Corabastos?", "Arveja verde en vaina",
     "market:Bogotá, D.C., Corabastos", None),
    ("me dices el precio del pepino cohombro en ibague porfa", "Pepino cohombro", "city:Ibagué", None),
    ("lulo en cali cuanto", "Lulo", "city:Cali", None),
    ("precio de la lechuga batavia en tunja", "Lechuga Batavia", "city:Tunja", None),
    ("cuanto esta la libra de cilantro en paloquemao", "Cilantro", "market:Bogotá, D.C., Paloquemao", None),
    ("cuánto vale el kilo de fresa en Corabastos?", "Fresa", "market:Bogotá, D.C., Corabastos", None),
    ("precio pimenton medellin", "Pimentón", "city:Medellín", None),
    ("y el brócoli en Bogotá a cómo está?", "Brócoli", "city:Bogotá", None),
    ("cuanto vale la remolacha", "Remolacha", "none", None),
    ("precio del apio", "Apio", "none", None),
    ("a cuanto el huevo rojo aa en bogota", "Huevo rojo AA", "city:Bogotá", None),
    ("a como esta el huevo rojo extra en medellin", "Huevo rojo extra", "city:Medellín", None),
    ("precio del aceite de girasol en Corabastos", "Aceite girasol", "market:Bogotá, D.C., Corabastos", None),
    ("cuanto vale la panela cuadrada morena en bucaramanga", "Panela cuadrada morena", "city:Bucaramanga", None),
    ("el arroz de primera en villavicencio", "Arroz de primera", "city:Villavicencio", None),
    ("precio de la lenteja importada en cali", "Lenteja importada", "city:Cali", None),
    ("frijol cargamanto rojo en la mayorista de medellin", "Fríjol cargamanto rojo",
     "market:Medellín, Central Mayorista de Antioquia", None),
    ("cuanto cuesta la pechuga de pollo en barranquilla", "Pechuga de pollo", "city:Barranquilla", None),
    ("carne de res lomo fino en bogota", "Carne de res, lomo fino", "city:Bogotá", None),
    ("precio de la granadilla en neiva", "Granadilla", "city:Neiva", None),
    ("maracuya en corabastos", "Maracuyá", "market:Bogotá, D.C., Corabastos", None),
    ("cuanto vale la guanabana en cali", "Guanábana", "city:Cali", None),
    ("la piña gold cuanto esta en medellin", "Piña gold", "city:Medellín", None),
    ("papaya maradol barranquilla", "Papaya Maradol", "city:Barranquilla", None),
    ("precio del banano criollo en la minorista de medellin", "Banano criollo",
     "market:Medellín, Plaza Minorista \"José María Villa\"", None),
    ("ahuyama en corabastos", "Ahuyama", "market:Bogotá, D.C., Corabastos", None),
    ("cuanto esta la yuca llanera en villavicencio", "Yuca llanera", "city:Villavicencio", None),
    ("precio de la arracacha amarilla", "Arracacha amarilla", "none", None),
    ("mandarina arrayana en bogota", "Mandarina Arrayana", "city:Bogotá", None),
    ("naranja valencia en pereira cuanto vale", "Naranja Valencia", "city:Pereira", None),
    ("cuanto valia la papa criolla en corabastos en enero de 2025", "Papa criolla limpia",
     "market:Bogotá, D.C., Corabastos", "2025-01"),
    ("precio de la cebolla cabezona blanca en bogota en junio de 2024", "Cebolla cabezona blanca", "city:Bogotá",
     "2024-06"),
    ("tomate chonto en medellin en septiembre 2025", "Tomate chonto", "city:Medellín", "2025-09"),
    ("a como estuvo el aguacate hass en corabastos en agosto de 2025", "Aguacate Hass",
     "market:Bogotá, D.C., Corabastos", "2025-08"),
    ("cuánto costaba la zanahoria en Corabastos la semana pasada?", "Zanahoria", "market:Bogotá, D.C., Corabastos",
     "lastweek"),
    ("precio de la papa pastusa en bogota la semana pasada", "Papa parda pastusa", "city:Bogotá", "lastweek"),
    ("el limon tahiti en medellin la semana pasada", "Limón Tahití", "city:Medellín", "lastweek"),
    ("cuanto valia la cebolla junca en corabastos en marzo de 2024", "Cebolla junca",
     "market:Bogotá, D.C., Corabastos", "2024-03"),
    ("precio promedio del tomate de arbol en cali en mayo de 2025", "Tomate de árbol", "city:Cali", "2025-05"),
    ("PRECIO PAPA CRIOLLA BOGOTA", "Papa criolla limpia", "city:Bogotá", None),
    ("precio de la papa criolla en bogotá d.c.", "Papa criolla limpia", "city:Bogotá", None),
    ("cuanto esta la papa criolla 🥔 en corabastos??", "Papa criolla limpia", "market:Bogotá, D.C., Corabastos",
     None),
    ("precio d la papa criolla n corabastos", "Papa criolla limpia", "market:Bogotá, D.C., Corabastos", None),
    ("xfa el precio del tomate chonto en cali", "Tomate chonto", "city:Cali", None),
    ("cuanto esta el aguacate papelillo en medellin", "Aguacate papelillo", "city:Medellín", None),
    ("guayaba pera en bucaramanga", "Guayaba pera", "city:Bucaramanga", None),
    ("quiero saber a cuanto esta la cebolla cabezona roja en cucuta", "Cebolla cabezona roja", "city:Cúcuta",
     None),
    ("el repollo blanco a como lo estan pagando en corabastos", "Repollo blanco", "market:Bogotá, D.C., Corabastos",
     None),
    ("coliflor en paloquemao", "Coliflor", "market:Bogotá, D.C., Paloquemao", None),
    ("precio de la espinaca en bogota", "Espinaca", "city:Bogotá", None),
    ("cuanto esta el ajo importado", "Ajo importado", "none", None),
    ("pollo entero fresco sin visceras en cali", "Pollo entero fresco sin vísceras", "city:Cali", None),
    ("queso campesino en bogota", "Queso campesino", "city:Bogotá", None),
    ("queso costeño en barranquilla cuanto vale", "Queso costeño", "city:Barranquilla", None),
    ("la uva isabela en cali", "Uva Isabela", "city:Cali", None),
    ("sal yodada precio", "Sal yodada", "none", None),
    ("harina de trigo en medellin", "Harina de trigo", "city:Medellín", None),
    ("cuanto vale el cafe molido", "Café molido", "none", None),
    ("azucar refinada en cali", "Azúcar refinada", "city:Cali", None),
    ("chocolo mazorca en bogota", "Chócolo mazorca", "city:Bogotá", None),
    ("la mazorca en corabastos", "Chócolo mazorca", "market:Bogotá, D.C., Corabastos", None),
    ("melon cantalup en cali", "Melón Cantalup", "city:Cali", None),
    ("patilla en barranquilla", "Patilla", "city:Barranquilla", None),
    ("mango tommy en corabastos", "Mango Tommy", "market:Bogotá, D.C., Corabastos", None),
    ("precio de la curuba en tunja", "Curuba", "city:Tunja", None),
]


# A second hand-written block: harder shapes (typos in places, cheapest within a city, every market, history
# without a market, chains of follow-ups that change the intent or the period).
HARDER: list[dict[str, Any]] = [
    {"q": "precio de la papa criolla en corabatos", "kind": "price", "p": "Papa criolla limpia",
     "where": "market:Bogotá, D.C., Corabastos"},
    {"q": "tomate chonto en medelin", "kind": "price", "p": "Tomate chonto", "where": "city:Medellín"},
    {"q": "cuanto esta la zanahoria en barranquiya", "kind": "price", "p": "Zanahoria", "where": "city:Barranquilla"},
    {"q": "limon tahiti en bucaramnga", "kind": "price", "p": "Limón Tahití", "where": "city:Bucaramanga"},
    {"q": "papa criolla en bogota dc", "kind": "price", "p": "Papa criolla limpia", "where": "city:Bogotá"},
    {"q": "¿a cómo está la habichuela en Cúcuta hoy?", "kind": "price", "p": "Habichuela", "where": "city:Cúcuta"},
    {"q": "¿dónde está más barata la papa criolla en Bogotá?", "kind": "cheapest", "p": "Papa criolla limpia",
     "city": "Bogotá"},
    {"q": "mercado mas caro de medellin para el tomate chonto", "kind": "priciest", "p": "Tomate chonto",
     "city": "Medellín"},
    {"q": "en qué mercado de Cali está más barato el aguacate hass", "kind": "cheapest", "p": "Aguacate Hass",
     "city": "Cali"},
    {"q": "precio de la cebolla cabezona blanca en todos los mercados", "kind": "compare_all",
     "p": "Cebolla cabezona blanca"},
    {"q": "compara el precio del limon tahiti en todos los mercados", "kind": "compare_all", "p": "Limón Tahití"},
    {"q": "papa parda pastusa por mercado", "kind": "compare_all", "p": "Papa parda pastusa"},
    {"q": "¿cómo ha variado el tomate chonto en las últimas 8 semanas?", "kind": "history", "p": "Tomate chonto",
     "weeks": 8},
    {"q": "tendencia de la papa criolla ultimas 12 semanas", "kind": "history", "p": "Papa criolla limpia",
     "weeks": 12},
    {"q": "evolución del precio de la zanahoria en las últimas 6 semanas en Corabastos", "kind": "history",
     "p": "Zanahoria", "where": "market:Bogotá, D.C., Corabastos", "weeks": 6},
    {"prev": ["precio de la papa criolla en corabastos", "¿y en medellín?"], "q": "¿y la semana pasada?",
     "kind": "lastweek", "p": "Papa criolla limpia", "where": "city:Medellín"},
    {"prev": ["historial de la zanahoria en corabastos en las últimas 8 semanas"], "q": "¿y en Cali?",
     "kind": "history", "p": "Zanahoria", "where": "city:Cali", "weeks": 8},
    {"prev": ["precio del tomate chonto en corabastos el 15/03/2025"], "q": "¿y hoy?", "kind": "price",
     "p": "Tomate chonto", "where": "market:Bogotá, D.C., Corabastos"},
    {"prev": ["precio del aguacate hass en medellin"], "q": "¿y dónde está más barato?", "kind": "cheapest",
     "p": "Aguacate Hass"},
    {"prev": ["¿dónde está más barata la cebolla junca?"], "q": "¿y la más cara?", "kind": "priciest",
     "p": "Cebolla junca"},
    {"prev": ["precio de la mora de castilla en bucaramanga"], "q": "¿y hace un mes?", "kind": "monthago",
     "p": "Mora de Castilla", "where": "city:Bucaramanga"},
    {"prev": ["precio del lulo en cali"], "q": "y en pereira la semana pasada?", "kind": "lastweek", "p": "Lulo",
     "where": "city:Pereira"},
    {"prev": ["precio del limon tahiti en corabastos"], "q": "¿y el limón común?", "kind": "price",
     "p": "Limón común", "where": "market:Bogotá, D.C., Corabastos"},
    {"prev": ["¿a cuánto está la papa criolla en Corabastos?"], "q": "¿y la papa pastusa?", "kind": "price",
     "p": "Papa parda pastusa", "where": "market:Bogotá, D.C., Corabastos"},
    {"prev": ["precio de la papa"], "q": "papa criolla limpia", "kind": "price", "p": "Papa criolla limpia",
     "where": "none"},
    {"q": "avísame cuando la papa criolla pase de 5 mil en corabastos", "kind": "alert", "p": "Papa criolla limpia",
     "where": "market:Bogotá, D.C., Corabastos", "slots": {"rule": "threshold", "threshold": 5000.0,
                                                           "direction": "above"}},
    {"q": "ponme una alerta si el tomate chonto baja de $2.000 en Medellín", "kind": "alert", "p": "Tomate chonto",
     "where": "city:Medellín", "slots": {"rule": "threshold", "threshold": 2000.0, "direction": "below"}},
    {"q": "quiero que me avises si la cebolla junca sube más del 15% en la mayorista", "kind": "alert",
     "p": "Cebolla junca", "where": "market:Medellín, Central Mayorista de Antioquia",
     "slots": {"rule": "change", "change_pct": 15.0, "direction": "up"}},
    {"q": "pronóstico de la papa criolla en Corabastos para las próximas 4 semanas", "kind": "forecast",
     "p": "Papa criolla limpia", "where": "market:Bogotá, D.C., Corabastos", "slots": {"freq": "W", "horizon": 4}},
    {"q": "cuánto va a costar el aguacate hass en medellín la próxima semana", "kind": "forecast",
     "p": "Aguacate Hass", "where": "city:Medellín", "slots": {"freq": "W", "horizon": 1}},
    {"q": "proyección mensual del limón tahití en Cali para los próximos 3 meses", "kind": "forecast",
     "p": "Limón Tahití", "where": "city:Cali", "slots": {"freq": "M", "horizon": 3}},
    {"q": "precio del huevo", "kind": "clarify", "options": ["Huevo rojo AA", "Huevo blanco AA"]},
    {"q": "cuanto vale el arroz en corabastos", "kind": "clarify", "options": ["Arroz de primera"]},
    {"q": "la lechuga en medellin", "kind": "clarify", "options": ["Lechuga Batavia"]},
    {"q": "precio de la yuca", "kind": "clarify", "options": []},
    {"q": "aceite en bogota", "kind": "clarify", "options": []},
    # one kind of pollo / guayaba is priced in Cali's markets: LABELS.md answers it rather than asking
    {"q": "precio del pollo en cali", "kind": "price", "p": "Pollo entero congelado sin vísceras",
     "where": "city:Cali"},
    {"q": "precio de la zanahorria morada", "kind": "no_numbers", "intent": "price"},
    {"q": "cuanto cuesta el kiwi dorado importado de nueva zelanda", "kind": "no_numbers", "intent": "price"},
    {"q": "hola, ¿a cuánto está la papa criolla en Corabastos?", "kind": "price", "p": "Papa criolla limpia",
     "where": "market:Bogotá, D.C., Corabastos"},
    {"q": "gracias! y la cebolla larga en medellin?", "kind": "price", "p": "Cebolla junca",
     "where": "city:Medellín"},
    {"q": "carne de res bola de brazo en bogota", "kind": "price", "p": "Carne de res, bola de brazo",
     "where": "city:Bogotá"},
    {"q": "precio de la carne de res, sobrebarriga en medellin", "kind": "price", "p": "Carne de res, sobrebarriga",
     "where": "city:Medellín"},
    {"q": "¿cuánto costaba el plátano hartón verde en Corabastos el 3 de mayo de 2025?", "kind": "day",
     "p": "Plátano hartón verde", "where": "market:Bogotá, D.C., Corabastos", "day": "2025-05-03"},
    {"q": "precio de la papa criolla en corabastos entre enero y marzo de 2025", "kind": "range",
     "p": "Papa criolla limpia", "where": "market:Bogotá, D.C., Corabastos", "start": "2025-01-01",
     "end": "2025-03-31"},
]


# Held-out questions: written after the router was tuned on the sets above and evaluated once before any fix;
# `sipsabot eval` reports them on their own line (tag "heldout").
HELDOUT: list[dict[str, Any]] = [
    {"q": "bro a como ta la papa criolla en abastos", "kind": "price", "p": "Papa criolla limpia",
     "where": "market:Bogotá, D.C., Corabastos"},
    {"q": "cuál es el valor por kilo de la cebolla cabezona blanca en la central mayorista", "kind": "price",
     "p": "Cebolla cabezona blanca", "where": "market:Medellín, Central Mayorista de Antioquia"},
    {"q": "necesito el precio mayorista del aguacate hass en bogota para hoy", "kind": "price", "p": "Aguacate Hass",
     "where": "city:Bogotá"},
    {"q": "en cavasa a como esta el tomate chonto", "kind": "price", "p": "Tomate chonto",
     "where": "market:Cali, Cavasa"},
    {"q": "corabastos papa pastusa", "kind": "price", "p": "Papa parda pastusa",
     "where": "market:Bogotá, D.C., Corabastos"},
    {"q": "dígame el precio del limón común en Barranquilla", "kind": "price", "p": "Limón común",
     "where": "city:Barranquilla"},
    {"q": "valor kilo zanahoria medellin", "kind": "price", "p": "Zanahoria", "where": "city:Medellín"},
    {"q": "a cuanto esta el kilo d cebolla junca en cucuta", "kind": "price", "p": "Cebolla junca",
     "where": "city:Cúcuta"},
    {"q": "cuanto vale la arveja verde en vaina pastusa en pasto", "kind": "price",
     "p": "Arveja verde en vaina pastusa", "where": "city:Pasto"},
    {"q": "Buenas tardes, quisiera saber el precio de la mora de castilla en la mayorista de Antioquia",
     "kind": "price", "p": "Mora de Castilla", "where": "market:Medellín, Central Mayorista de Antioquia"},
    {"q": "precio de la papa criolla limpia en el potrerillo", "kind": "price", "p": "Papa criolla limpia",
     "where": "market:Pasto, El Potrerillo"},
    {"q": "¿Cuánto está pagándose el plátano hartón verde en Villavicencio?", "kind": "price",
     "p": "Plátano hartón verde", "where": "city:Villavicencio"},
    {"q": "platano harton verde llanero villavicencio", "kind": "price", "p": "Plátano hartón verde llanero",
     "where": "city:Villavicencio"},
    {"q": "el precio de la yuca ica en neiva", "kind": "price", "p": "Yuca ICA", "where": "city:Neiva"},
    {"q": "cuanto esta el frijol cargamanto rojo en Bucaramanga", "kind": "price", "p": "Fríjol cargamanto rojo",
     "where": "city:Bucaramanga"},
    {"q": "precio del maíz blanco trillado en cali", "kind": "price", "p": "Maíz blanco trillado",
     "where": "city:Cali"},
    {"q": "a como esta la panela redonda morena en medellin", "kind": "price", "p": "Panela redonda morena",
     "where": "city:Medellín"},
    {"q": "me gustaria saber el precio del queso doble crema en Medellín", "kind": "price", "p": "Queso doble crema",
     "where": "city:Medellín"},
    {"q": "tomate riñon en Cali", "kind": "price", "p": "Tomate riñón", "where": "city:Cali"},
    {"q": "precio de la pera importada en barranquilla", "kind": "price", "p": "Pera importada",
     "where": "city:Barranquilla"},
    {"q": "la manzana royal gala importada en corabastos a como esta", "kind": "price",
     "p": "Manzana royal gala importada", "where": "market:Bogotá, D.C., Corabastos"},
    {"q": "uchuva con cascara en bogota", "kind": "price", "p": "Uchuva con cáscara", "where": "city:Bogotá"},
    {"q": "gulupa corabastos", "kind": "price", "p": "Gulupa", "where": "market:Bogotá, D.C., Corabastos"},
    {"q": "precio de la naranja valencia la semana pasada en Medellín", "kind": "lastweek", "p": "Naranja Valencia",
     "where": "city:Medellín"},
    {"q": "cuanto costaba la papa pastusa en corabastos en julio de 2025", "kind": "range", "p": "Papa parda pastusa",
     "where": "market:Bogotá, D.C., Corabastos", "start": "2025-07-01", "end": "2025-07-31"},
    {"q": "precio promedio de la cebolla cabezona blanca en Corabastos en 2024", "kind": "range",
     "p": "Cebolla cabezona blanca", "where": "market:Bogotá, D.C., Corabastos", "start": "2024-01-01",
     "end": "2024-12-31"},
    {"q": "el tomate chonto en corabastos el 10 de octubre de 2025", "kind": "day", "p": "Tomate chonto",
     "where": "market:Bogotá, D.C., Corabastos", "day": "2025-10-10"},
    {"q": "papa criolla corabastos 01/08/2025", "kind": "day", "p": "Papa criolla limpia",
     "where": "market:Bogotá, D.C., Corabastos", "day": "2025-08-01"},
    {"q": "variación del precio de la papa pastusa en las últimas 4 semanas en corabastos", "kind": "history",
     "p": "Papa parda pastusa", "where": "market:Bogotá, D.C., Corabastos", "weeks": 4},
    {"q": "cómo ha cambiado el precio del limón tahití en Cali en las últimas 12 semanas", "kind": "history",
     "p": "Limón Tahití", "where": "city:Cali", "weeks": 12},
    {"q": "dónde consigo más barata la cebolla junca", "kind": "cheapest", "p": "Cebolla junca"},
    {"q": "cual es el mercado mas barato para el aguacate hass", "kind": "cheapest", "p": "Aguacate Hass"},
    {"q": "en que ciudad esta mas cara la papa criolla", "kind": "priciest", "p": "Papa criolla limpia"},
    {"q": "papa criolla precio en todos los mercados", "kind": "compare_all", "p": "Papa criolla limpia"},
    {"q": "precio de la carne", "kind": "clarify", "options": []},
    {"q": "cuánto vale el mango", "kind": "clarify", "options": ["Mango Tommy"]},
    {"q": "guayaba en cali", "kind": "price", "p": "Guayaba pera", "where": "city:Cali"},
    {"q": "precio de la cebolla", "kind": "clarify", "options": ["Cebolla junca", "Cebolla cabezona blanca"]},
    {"q": "precio de la guama", "kind": "no_numbers", "intent": "price"},
    {"q": "cuanto vale el chontaduro en cali", "kind": "no_numbers", "intent": "price"},
    {"q": "precio del durazno importado chileno", "kind": "no_numbers", "intent": "price"},
    {"q": "avisame si la papa pastusa supera los 1.500 pesos en corabastos", "kind": "alert",
     "p": "Papa parda pastusa", "where": "market:Bogotá, D.C., Corabastos",
     "slots": {"rule": "threshold", "threshold": 1500.0, "direction": "above"}},
    {"q": "alerta de precio: cebolla junca debajo de 2 mil en cali", "kind": "alert", "p": "Cebolla junca",
     "where": "city:Cali", "slots": {"rule": "threshold", "threshold": 2000.0, "direction": "below"}},
    {"q": "como va a estar el precio de la papa criolla en Corabastos en las proximas 6 semanas", "kind": "forecast",
     "p": "Papa criolla limpia", "where": "market:Bogotá, D.C., Corabastos", "slots": {"freq": "W", "horizon": 6}},
    {"prev": ["precio del tomate chonto en cali"], "q": "y el lulo?", "kind": "price", "p": "Lulo",
     "where": "city:Cali"},
    {"prev": ["precio de la zanahoria en corabastos"], "q": "y en paloquemao?", "kind": "price", "p": "Zanahoria",
     "where": "market:Bogotá, D.C., Paloquemao"},
    {"prev": ["cuanto vale la papa criolla en medellin"], "q": "¿y hace 2 semanas?", "kind": "weeksago2",
     "p": "Papa criolla limpia", "where": "city:Medellín"},
]
HELDOUT_SMALL = [("hola buenos dias", "greeting"), ("ok gracias", "thanks"), ("gracias parce", "thanks"),
                 ("que me puedes decir", "help"), ("cuantos mercados hay", "coverage"),
                 ("hasta cuando tienes datos de precios", "coverage"), ("quien eres", "help"),
                 ("cual es el mejor equipo de futbol", "out_of_scope"), ("que hora es", "out_of_scope")]


def fold(text: str) -> str:
    """This labeller's own folding: lower case, no accents (ñ kept), words only."""
    text = str(text).lower().replace("ñ", "\0")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.replace("\0", "ñ")
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def clean(text: str) -> str:
    return " ".join(str(text).replace("\xa0", " ").split()).rstrip("* ").strip()


def no_accents(text: str) -> str:
    text = text.replace("ñ", "\0")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.replace("\0", "ñ")


def name_table(path: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            table[fold(row["name"])] = row["name"]
            for alias in filter(None, row["aliases"].split("|")):
                table.setdefault(fold(clean(alias)), row["name"])
    return table


def market_cities(path: Path) -> dict[str, str]:
    with open(path, encoding="utf-8") as fh:
        return {row["name"]: row["city"] for row in csv.DictReader(fh) if row["kind"] == "market"}


def units(path: Path) -> dict[str, str]:
    with open(path, encoding="utf-8") as fh:
        return {row["name"]: row["unit"] for row in csv.DictReader(fh)}


class Data:
    def __init__(self, csv_path: Path) -> None:
        raw = pd.read_csv(csv_path, dtype={"producto": str, "mercado": str, "tendencia": str})
        products = name_table(ROOT / "data" / "vocab" / "products.csv")
        markets = name_table(ROOT / "data" / "vocab" / "markets.csv")
        raw = raw[raw["precio_medio_cop_kg"] > 0]
        raw["product"] = raw["producto"].map(lambda s: products.get(fold(clean(s))))
        raw["market"] = raw["mercado"].map(lambda s: markets.get(fold(clean(s))))
        raw = raw.dropna(subset=["product", "market"])
        dup = raw.duplicated(["product", "market", "semana_inicio"], keep=False)
        self.conflicted = set(map(tuple, raw.loc[dup, ["product", "market"]].drop_duplicates().values.tolist()))
        self.df = raw.loc[~dup, ["product", "market", "semana_inicio", "semana_fin", "precio_medio_cop_kg"]].rename(
            columns={"semana_inicio": "week", "semana_fin": "week_end", "precio_medio_cop_kg": "price"})
        self.df = self.df.sort_values(["product", "market", "week"]).reset_index(drop=True)
        self.latest = str(self.df["week"].max())
        self.previous = str(self.df.loc[self.df["week"] < self.latest, "week"].max())
        self.cities = market_cities(ROOT / "data" / "vocab" / "markets.csv")
        self.units = units(ROOT / "data" / "vocab" / "products.csv")
        last = self.df[self.df["week"] == self.latest]
        self.busy = last.groupby("market").size().to_dict()
        self.by_pair = {k: g for k, g in self.df.groupby(["product", "market"])}
        self.product_week = self.df.groupby("product")["week"].max().to_dict()

    def series(self, product: str, market: str) -> pd.DataFrame:
        return self.by_pair.get((product, market), self.df.iloc[0:0])

    def latest_price(self, product: str, market: str) -> tuple[str, float] | None:
        s = self.series(product, market)
        if s.empty:
            return None
        row = s.iloc[-1]
        return str(row["week"]), float(row["price"])

    def week_price(self, product: str, market: str, week: str) -> float | None:
        s = self.series(product, market)
        hit = s[s["week"] == week]
        return None if hit.empty else float(hit.iloc[0]["price"])

    def day_price(self, product: str, market: str, day: str) -> tuple[str, float] | None:
        s = self.series(product, market)
        hit = s[(s["week"] <= day) & (s["week_end"] >= day)]
        return None if hit.empty else (str(hit.iloc[-1]["week"]), float(hit.iloc[-1]["price"]))

    def period_mean(self, product: str, market: str, start: str, end: str) -> float | None:
        s = self.series(product, market)
        hit = s[(s["week"] >= start) & (s["week"] <= end)]
        return None if hit.empty else float(hit["price"].mean())

    def window(self, product: str, market: str, start: str, end: str) -> pd.DataFrame:
        s = self.series(product, market)
        return s[(s["week"] >= start) & (s["week"] <= end)]

    def city_market(self, city: str, product: str) -> str | None:
        main = dict(MAIN).get(city)
        if main and not self.series(product, main).empty:
            return main
        best: tuple[str, str] | None = None
        for market in sorted((m for m, c in self.cities.items() if c == city), key=fold):
            found = self.latest_price(product, market)
            if found and (best is None or found[0] > best[0]):
                best = (found[0], market)
        return best[1] if best else main

    def city_market_in(self, city: str, product: str, start: str, end: str) -> str | None:
        """A city's market for a period: the main market if it has a week in the period, else the city market
        with the newest week in it."""
        main = dict(MAIN).get(city)
        if main and not self.window(product, main, start, end).empty:
            return main
        best: tuple[str, str] | None = None
        for market in sorted((m for m, c in self.cities.items() if c == city), key=fold):
            w = self.window(product, market, start, end)
            if not w.empty and (best is None or str(w.iloc[-1]["week"]) > best[0]):
                best = (str(w.iloc[-1]["week"]), market)
        return best[1] if best else main

    def default_market(self, product: str) -> str | None:
        week = self.product_week.get(product)
        rows = self.df[(self.df["product"] == product) & (self.df["week"] == week)]
        priced = set(rows["market"])
        for _, market in MAIN:
            if market in priced:
                return market
        if not priced:
            return None
        return max(sorted(priced), key=lambda m: self.busy.get(m, 0))

    def across(self, product: str, week: str) -> pd.DataFrame:
        return self.df[(self.df["product"] == product) & (self.df["week"] == week)].sort_values("price")


def article(name: str) -> str:
    word = fold(name).split()[0]
    return "la" if word.endswith("a") or word in {"papa", "cebolla", "mora"} else "el"


def typo(text: str, rng: random.Random) -> str:
    words = text.split()
    idx = max(range(len(words)), key=lambda i: len(words[i]))
    w = words[idx]
    if len(w) < 6:
        return text
    i = rng.randrange(2, len(w) - 1)
    kind = rng.choice(["drop", "swap", "double"])
    if kind == "drop":
        w = w[:i] + w[i + 1:]
    elif kind == "swap":
        w = w[:i - 1] + w[i] + w[i - 1] + w[i + 1:]
    else:
        w = w[:i] + w[i] + w[i:]
    words[idx] = w
    return " ".join(words)


def product_text(name: str, rng: random.Random, style: str) -> str:
    base = name.lower()
    if style == "colloquial" and name in COLLOQUIAL:
        return rng.choice(COLLOQUIAL[name])
    if style == "noaccent":
        return no_accents(base)
    if style == "typo":
        return typo(no_accents(base) if rng.random() < 0.5 else base, rng)
    if style == "upper":
        return name.upper()
    return base


PRICE_TEMPLATES = [
    "¿A cuánto está {art} {p} en {m}?", "precio {de} {p} en {m}", "cuanto vale {art} {p} en {m}", "{p} {m}",
    "¿Cuánto cuesta el kilo de {p} en {m} hoy?", "a como esta {art} {p} en {m}", "Qué precio tiene {art} {p} en {m}?",
    "dame el precio {de} {p} en {m}", "valor {de} {p} en {m}", "precio actual {de} {p} en {m} por favor",
    "cuánto está {art} {p} en {m}", "{p} en {m} a cómo está?",
]
NOMARKET_TEMPLATES = ["precio {de} {p}", "¿a cuánto está {art} {p}?", "cuanto vale {art} {p} hoy",
                      "{p} precio", "a como esta {art} {p}"]


def fill(template: str, name: str, p: str, m: str = "") -> str:
    art = article(name)
    de = "de la" if art == "la" else "del"
    return template.format(art=art, de=de, p=p, m=m)


def value(kind: str, v: float, market: str | None, date: str | None, product: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": kind, "value": round(v, 4), "market": market, "date": date}
    if product:
        out["product"] = product
    return out


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    start = day - dt.timedelta(days=(day.weekday() - 5) % 7)
    return start, start + dt.timedelta(days=6)


def shift_months(day: dt.date, months: int) -> dt.date:
    import calendar

    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def build(data: Data, seed: int = 20251103) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    out: list[dict[str, Any]] = []
    latest = data.df[data.df["week"] == data.latest]
    counts = latest.groupby("product").size().sort_values(ascending=False)
    popular = [p for p in counts.index if counts[p] >= 8 and p in data.units]
    main_markets = [m for _, m in MAIN]
    styles = ["plain", "plain", "noaccent", "typo", "colloquial", "upper"]

    def add(q: str, intent: str, slots: dict[str, Any], *, expect: str = "answer",
            values: Iterable[dict[str, Any]] = (), tags: Iterable[str] = (), prev: Iterable[str] = (),
            options: Iterable[str] = ()) -> None:
        rec: dict[str, Any] = {"id": f"q{len(out) + 1:04d}", "q": q, "intent": intent, "slots": slots,
                               "expect": expect, "values": list(values), "tags": list(tags)}
        if prev:
            rec["prev"] = list(prev)
        if options:
            rec["options"] = list(options)
        out.append(rec)

    # A. direct price in a named market
    pairs = [(p, m) for p in popular for m in MARKET_WORDS if data.week_price(p, m, data.latest) is not None
             and (p, m) not in data.conflicted]
    rng.shuffle(pairs)
    for p, m in pairs[:110]:
        style = rng.choice(styles) if p in COLLOQUIAL else rng.choice([s for s in styles if s != "colloquial"])
        text = fill(rng.choice(PRICE_TEMPLATES), p, product_text(p, rng, style), rng.choice(MARKET_WORDS[m]))
        week, price = data.latest_price(p, m) or ("", 0.0)
        add(text, "price", {"product": p, "market": m}, values=[value("price", price, m, week)],
            tags=["direct", "market", style])

    # B. direct price in a city (its main market, or the city market that has the product)
    cities = [c for c in CITY_WORDS if any(data.cities.get(m) == c for m in data.cities)]
    picks = [(p, c) for p in popular for c in cities]
    rng.shuffle(picks)
    n = 0
    for p, c in picks:
        market = data.city_market(c, p)
        found = data.latest_price(p, market) if market else None
        if not found or (p, market) in data.conflicted or n >= 70:
            continue
        style = rng.choice(["plain", "noaccent", "typo", "colloquial" if p in COLLOQUIAL else "plain"])
        text = fill(rng.choice(PRICE_TEMPLATES), p, product_text(p, rng, style), rng.choice(CITY_WORDS[c]))
        add(text, "price", {"product": p, "market": market, "city": data.cities[market]},
            values=[value("price", found[1], market, found[0])], tags=["direct", "city", style])
        n += 1

    # C. direct price with no market: the default market
    for p in rng.sample(popular, 30):
        market = data.default_market(p)
        found = data.latest_price(p, market) if market else None
        if not found or (p, market) in data.conflicted:
            continue
        style = rng.choice(["plain", "noaccent", "colloquial" if p in COLLOQUIAL else "typo"])
        text = fill(rng.choice(NOMARKET_TEMPLATES), p, product_text(p, rng, style))
        add(text, "price", {"product": p, "market": market}, values=[value("price", found[1], market, found[0])],
            tags=["direct", "nomarket", style])

    # D. price at a date or period
    month_names = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                   "octubre", "noviembre", "diciembre"]
    for p, m in pairs[110:150]:
        kind = rng.choice(["month", "day", "lastweek", "monthago", "weeksago", "dayname", "year"])
        mtext = rng.choice(MARKET_WORDS[m])
        ptext = product_text(p, rng, rng.choice(["plain", "noaccent"]))
        if kind == "month":
            year, month = rng.choice([(2024, rng.randint(1, 12)), (2025, rng.randint(1, 9)),
                                      (2023, rng.randint(1, 12))])
            start = dt.date(year, month, 1)
            end = shift_months(start, -1) - dt.timedelta(days=1)
            v = data.period_mean(p, m, start.isoformat(), end.isoformat())
            if v is None:
                continue
            text = rng.choice([f"¿cuánto valía {article(p)} {ptext} en {mtext} en {month_names[month - 1]} de {year}?",
                               f"precio {fill('{de}', p, '')} {ptext} en {mtext} en {month_names[month - 1]} {year}",
                               f"{ptext} {mtext} {month_names[month - 1]} de {year}"])
            add(text, "price_at", {"product": p, "market": m, "start": start.isoformat(), "end": end.isoformat()},
                values=[value("price", v, m, start.isoformat())], tags=["period", "month"])
        elif kind == "year":
            year = rng.choice([2022, 2023, 2024])
            v = data.period_mean(p, m, f"{year}-01-01", f"{year}-12-31")
            if v is None:
                continue
            text = f"precio promedio {fill('{de}', p, '')} {ptext} en {mtext} en {year}"
            add(text, "price_at", {"product": p, "market": m, "start": f"{year}-01-01", "end": f"{year}-12-31"},
                values=[value("price", v, m, f"{year}-01-01")], tags=["period", "year"])
        elif kind in {"day", "dayname"}:
            s = data.series(p, m)
            s = s[(s["week"] >= "2023-01-01")]
            if s.empty:
                continue
            row = s.iloc[rng.randrange(len(s))]
            day = dt.date.fromisoformat(row["week"]) + dt.timedelta(days=rng.randint(0, 6))
            found = data.day_price(p, m, day.isoformat())
            if not found:
                continue
            if kind == "day":
                when = rng.choice([day.strftime("%d/%m/%Y"), day.strftime("el %d/%m/%Y"), day.strftime("%d-%m-%Y")])
            else:
                when = f"el {day.day} de {month_names[day.month - 1]} de {day.year}"
            text = f"precio {fill('{de}', p, '')} {ptext} en {mtext} {when}"
            add(text, "price_at", {"product": p, "market": m, "start": day.isoformat(), "end": day.isoformat()},
                values=[value("price", found[1], m, found[0])], tags=["period", "day"])
        else:
            if kind == "lastweek":
                ws, we = week_of(TODAY - dt.timedelta(days=7))
                when = rng.choice(["la semana pasada", "semana anterior"])
            elif kind == "monthago":
                ws, we = week_of(shift_months(TODAY, 1))
                when = "hace un mes"
            else:
                k = rng.choice([2, 3, 4])
                ws, we = week_of(TODAY - dt.timedelta(weeks=k))
                when = f"hace {k} semanas"
            v = data.week_price(p, m, ws.isoformat())
            if v is None:
                continue
            text = rng.choice([f"¿a cuánto estaba {article(p)} {ptext} en {mtext} {when}?",
                               f"precio {fill('{de}', p, '')} {ptext} {when} en {mtext}"])
            add(text, "price_at", {"product": p, "market": m, "start": ws.isoformat(), "end": we.isoformat()},
                values=[value("price", v, m, ws.isoformat())], tags=["period", "relative"])

    # E. history: the last N weeks, or a range of months
    anchor = dt.date.fromisoformat(data.latest)
    for p, m in pairs[150:185]:
        ptext = product_text(p, rng, rng.choice(["plain", "noaccent", "typo"]))
        mtext = rng.choice(MARKET_WORDS[m])
        if rng.random() < 0.7:
            nweeks = rng.choice([4, 6, 8, 12])
            start, end = anchor - dt.timedelta(weeks=nweeks - 1), anchor + dt.timedelta(days=6)
            text = rng.choice([f"¿cómo ha variado {article(p)} {ptext} en {mtext} en las últimas {nweeks} semanas?",
                               f"historial {fill('{de}', p, '')} {ptext} en {mtext} últimas {nweeks} semanas",
                               f"evolución del precio {fill('{de}', p, '')} {ptext} en {mtext} en las ultimas "
                               f"{nweeks} semanas"])
        else:
            year = rng.choice([2023, 2024])
            m1, m2 = sorted(rng.sample(range(1, 13), 2))
            start = dt.date(year, m1, 1)
            end = shift_months(dt.date(year, m2, 1), -1) - dt.timedelta(days=1)
            text = f"cómo ha variado {article(p)} {ptext} en {mtext} entre {month_names[m1 - 1]} y " \
                   f"{month_names[m2 - 1]} de {year}"
        w = data.window(p, m, start.isoformat(), end.isoformat())
        if len(w) < 2:
            continue
        first, last = float(w.iloc[0]["price"]), float(w.iloc[-1]["price"])
        change = (last - first) / first * 100
        add(text, "history", {"product": p, "market": m, "start": start.isoformat(), "end": end.isoformat()},
            values=[value("change_pct", change, m, str(w.iloc[0]["week"])),
                    value("price", last, m, str(w.iloc[-1]["week"]))], tags=["history"])

    # F. cheapest / priciest market
    for p in rng.sample(popular, 36):
        week = data.product_week[p]
        rows = data.across(p, week)
        if len(rows) < 3 or rows.iloc[0]["price"] == rows.iloc[1]["price"] or \
                rows.iloc[-1]["price"] == rows.iloc[-2]["price"]:
            continue
        cheap = rng.random() < 0.5
        row = rows.iloc[0] if cheap else rows.iloc[-1]
        ptext = product_text(p, rng, rng.choice(["plain", "noaccent"]))
        if cheap:
            text = rng.choice([f"¿dónde está más barat{'a' if article(p) == 'la' else 'o'} {article(p)} {ptext}?",
                               f"mercado más barato para {article(p)} {ptext}",
                               f"en que mercado consigo {article(p)} {ptext} a menor precio"])
        else:
            text = rng.choice([f"¿dónde está más car{'a' if article(p) == 'la' else 'o'} {article(p)} {ptext}?",
                               f"mercado más caro para {article(p)} {ptext}",
                               f"donde tiene el precio mas alto {article(p)} {ptext}"])
        add(text, "cheapest" if cheap else "priciest", {"product": p},
            values=[value("price", float(row["price"]), str(row["market"]), week)], tags=["extreme"])

    # G. compare two cities
    for p in rng.sample(popular, 20):
        c1, c2 = rng.sample(["Bogotá", "Medellín", "Cali", "Barranquilla", "Bucaramanga", "Pereira"], 2)
        m1, m2 = data.city_market(c1, p), data.city_market(c2, p)
        f1 = data.latest_price(p, m1) if m1 else None
        f2 = data.latest_price(p, m2) if m2 else None
        if not f1 or not f2 or m1 == m2:
            continue
        ptext = product_text(p, rng, rng.choice(["plain", "noaccent"]))
        text = rng.choice([f"compara {article(p)} {ptext} en {c1} y {c2}", f"{ptext} {c1} vs {c2}",
                           f"comparar precio {fill('{de}', p, '')} {ptext} entre {c1} y {c2}"])
        add(text, "compare", {"product": p},
            values=[value("price", f1[1], m1, f1[0]), value("price", f2[1], m2, f2[0])],
            tags=["compare"])

    # H. movers: in a market, and nationally
    prev_rows = data.df[data.df["week"] == data.previous].set_index(["product", "market"])["price"]
    cur_rows = data.df[data.df["week"] == data.latest].set_index(["product", "market"])["price"]
    both = pd.concat([prev_rows.rename("prev"), cur_rows.rename("cur")], axis=1).dropna()
    both["chg"] = (both["cur"] - both["prev"]) / both["prev"] * 100
    movers_q = [("¿qué productos subieron más esta semana en {m}?", True), ("mayores alzas en {m}", True),
                ("que bajo mas en {m} esta semana", False), ("mayores caídas de precio en {m}", False)]
    for m in ["Bogotá, D.C., Corabastos", "Medellín, Central Mayorista de Antioquia", "Cali, Santa Elena",
              "Bucaramanga, Centroabastos", "Cúcuta, Cenabastos", "Pereira, Mercasa", "Barranquilla, Barranquillita"]:
        sub = both.xs(m, level="market") if m in both.index.get_level_values("market") else None
        if sub is None or len(sub) < 5:
            continue
        for template, up in rng.sample(movers_q, 2):
            ordered = sub.sort_values("chg", ascending=not up)
            if ordered.iloc[0]["chg"] == ordered.iloc[1]["chg"]:
                continue
            top = ordered.index[0]
            add(template.format(m=rng.choice(MARKET_WORDS[m])), "movers", {"market": m},
                values=[value("change_pct", float(ordered.iloc[0]["chg"]), m, data.latest, top)], tags=["movers"])
    # national: the change of each product's mean price over the markets that priced it in both weeks (LABELS.md)
    national = both.reset_index().groupby("product")[["prev", "cur"]].mean()
    national["chg"] = (national["cur"] / national["prev"] - 1) * 100
    national = national.sort_values("chg", kind="stable")
    rises = national.sort_values("chg", ascending=False, kind="stable")
    for text, up in [("¿qué productos subieron más esta semana?", True), ("qué bajó más a nivel nacional", False),
                     ("mayores alzas de la semana", True), ("cuáles productos bajaron más", False)]:
        row = rises.iloc[0] if up else national.iloc[0]
        add(text, "movers", {"market": None},
            values=[value("change_pct", float(row["chg"]), None, data.latest, str(row.name))], tags=["movers"])

    # I. follow-ups
    for p, m in pairs[185:215]:
        base = fill("precio {de} {p} en {m}", p, p.lower(), rng.choice(MARKET_WORDS[m]))
        kind = rng.choice(["city", "lastweek", "product"])
        if kind == "city":
            city = rng.choice([c for c in ["Medellín", "Cali", "Bucaramanga", "Pereira", "Cúcuta", "Bogotá"]
                               if c != data.cities.get(m)])
            market = data.city_market(city, p)
            found = data.latest_price(p, market) if market else None
            if not found:
                continue
            add(f"¿y en {rng.choice(CITY_WORDS[city])}?", "price", {"product": p, "market": market, "city": city},
                values=[value("price", found[1], market, found[0])], prev=[base], tags=["followup", "direct"])
        elif kind == "lastweek":
            ws, we = week_of(TODAY - dt.timedelta(days=7))
            v = data.week_price(p, m, ws.isoformat())
            if v is None:
                continue
            add(rng.choice(["¿y la semana pasada?", "y hace una semana?"]), "price_at",
                {"product": p, "market": m, "start": ws.isoformat(), "end": we.isoformat()},
                values=[value("price", v, m, ws.isoformat())], prev=[base], tags=["followup"])
        else:
            others = [o for o in popular if o != p and data.week_price(o, m, data.latest) is not None]
            if not others:
                continue
            o = rng.choice(others)
            found = data.latest_price(o, m)
            assert found
            add(f"¿y {article(o)} {o.lower()}?", "price", {"product": o, "market": m},
                values=[value("price", found[1], m, found[0])], prev=[base], tags=["followup", "direct"])

    # J. ambiguous families -> clarification; K. unknown products -> no numbers
    for text, _, options in AMBIGUOUS:
        if isinstance(options, tuple):  # one kind priced in the city's markets: the answer is its price there
            product, city = options
            where = data.city_market(city, product)
            assert where is not None
            week, price = data.latest_price(product, where)
            add(text, "price", {"product": product, "market": where, "city": city},
                values=[value("price", price, where, week)], tags=["direct"])
            continue
        add(text, "price", {}, expect="clarify", options=options, tags=["clarify"])
    for text in UNKNOWN:
        intent = "out_of_scope" if "gasolina" in text else "price"
        add(text, intent, {}, expect="no_numbers", tags=["unknown"])

    # L. small talk; M. coverage
    for text, intent in SMALL_TALK:
        add(text, intent, {}, expect="no_numbers", tags=["smalltalk"])
    for text in COVERAGE:
        add(text, "coverage", {}, expect="no_numbers", tags=["coverage"])

    # N. forecasts and alerts (slots only: the features answer them)
    for p in rng.sample(popular, 14):
        m = rng.choice(main_markets[:6])
        city = data.cities[m]
        h = rng.choice([2, 4, 6, 8])
        ptext = product_text(p, rng, rng.choice(["plain", "noaccent"]))
        text, slots = rng.choice([
            (f"pronostica {article(p)} {ptext} en {city} para las próximas {h} semanas",
             {"freq": "W", "horizon": h}),
            (f"pronóstico {fill('{de}', p, '')} {ptext} en {city} próximas {h} semanas", {"freq": "W", "horizon": h}),
            (f"¿cuánto va a costar {article(p)} {ptext} en {city} el próximo mes?", {"freq": "M", "horizon": 1}),
            (f"predicción {fill('{de}', p, '')} {ptext} en {city} para los próximos {min(h, 6)} meses",
             {"freq": "M", "horizon": min(h, 6)}),
        ])
        market = data.city_market(city, p)
        add(text, "forecast", {"product": p, "market": market, **slots}, expect="no_numbers", tags=["forecast"])
    for p in rng.sample(popular, 16):
        m = rng.choice(list(MARKET_WORDS)[:6])
        mtext = rng.choice(MARKET_WORDS[m])
        ptext = product_text(p, rng, rng.choice(["plain", "noaccent"]))
        amount = rng.choice([1500, 2000, 2500, 3200, 4000, 800])
        shown = rng.choice([f"{amount:,}".replace(",", "."), f"${amount:,}".replace(",", "."), str(amount)])
        if amount % 1000 == 0:
            shown = rng.choice([shown, f"{amount // 1000} mil"])
        kind = rng.choice(["below", "above", "pct"])
        if kind == "below":
            text = f"avísame si {article(p)} {ptext} baja de {shown} en {mtext}"
            slots = {"rule": "threshold", "threshold": float(amount), "direction": "below"}
        elif kind == "above":
            text = f"alerta cuando {article(p)} {ptext} en {mtext} suba de {shown}"
            slots = {"rule": "threshold", "threshold": float(amount), "direction": "above"}
        else:
            pct = rng.choice([5, 10, 15, 20])
            text = f"notifícame si {article(p)} {ptext} en {mtext} sube más del {pct}%"
            slots = {"rule": "change", "change_pct": float(pct), "direction": "up"}
        add(text, "alert", {"product": p, "market": m, **slots}, expect="no_numbers", tags=["alert"])

    # O. supply, origins and inputs (the evaluation mirror holds prices only: clear message, no numbers)
    for text, intent, slots in [
        ("abastecimiento en Corabastos", "supply", {"market": "Bogotá, D.C., Corabastos"}),
        ("¿cuántas toneladas de alimentos llegaron a la mayorista de Medellín?", "supply",
         {"market": "Medellín, Central Mayorista de Antioquia"}),
        ("abastecimiento de papa criolla", "supply", {"product": "Papa criolla limpia"}),
        ("cuanta comida entró a Corabastos esta semana", "supply", {"market": "Bogotá, D.C., Corabastos"}),
        ("abastecimiento nacional por grupo de alimentos", "supply", {}),
        ("¿de dónde viene la papa criolla?", "supply_origin", {"product": "Papa criolla limpia"}),
        ("de donde llega el tomate chonto a corabastos", "supply_origin",
         {"product": "Tomate chonto", "market": "Bogotá, D.C., Corabastos"}),
        ("procedencia de la cebolla junca", "supply_origin", {"product": "Cebolla junca"}),
        ("¿de qué departamentos viene el plátano hartón verde?", "supply_origin",
         {"product": "Plátano hartón verde"}),
        ("precio de la urea", "inputs", {}),
        ("cuánto cuestan los fertilizantes", "inputs", {}),
        ("precio de insumos agropecuarios en Boyacá", "inputs", {}),
        ("valor del glifosato", "inputs", {}),
    ]:
        add(text, intent, slots, expect="no_numbers", tags=["supply" if intent != "inputs" else "inputs"])

    # P. hand-written questions
    for text, product, where, period in HANDWRITTEN:
        if where.startswith("market:"):
            market: str | None = where[7:]
            slots: dict[str, Any] = {"product": product, "market": market}
        elif where.startswith("city:"):
            market = data.city_market(where[5:], product)
            slots = {"product": product, "market": market, "city": where[5:]}
        else:
            market = data.default_market(product)
            slots = {"product": product, "market": market}
        if market is None or (product, market) in data.conflicted:
            continue
        if period is None:
            found = data.latest_price(product, market)
            if not found:
                continue
            add(text, "price", slots, values=[value("price", found[1], market, found[0])],
                tags=["direct", "handwritten"])
        elif period == "lastweek":
            ws, we = week_of(TODAY - dt.timedelta(days=7))
            v = data.week_price(product, market, ws.isoformat())
            if v is None:
                continue
            add(text, "price_at", {**slots, "start": ws.isoformat(), "end": we.isoformat()},
                values=[value("price", v, market, ws.isoformat())], tags=["period", "handwritten"])
        else:
            start = dt.date.fromisoformat(period + "-01")
            end = shift_months(start, -1) - dt.timedelta(days=1)
            if where.startswith("city:"):
                market = data.city_market_in(where[5:], product, start.isoformat(), end.isoformat())
                slots["market"] = market
            v = data.period_mean(product, market, start.isoformat(), end.isoformat()) if market else None
            if v is None:
                continue
            add(text, "price_at", {**slots, "start": start.isoformat(), "end": end.isoformat()},
                values=[value("price", v, market, start.isoformat())], tags=["period", "handwritten"])

    # Q. the harder block, then R. the held-out block
    for item in [*HARDER, *({**h, "heldout": True} for h in HELDOUT)]:
        q, kind, prev = item["q"], item["kind"], item.get("prev", [])
        tags = ["heldout"] if item.get("heldout") else ["harder"]
        if kind == "clarify":
            add(q, "price", {}, expect="clarify", options=item["options"], prev=prev, tags=[*tags, "clarify"])
            continue
        if kind == "no_numbers":
            add(q, item["intent"], {}, expect="no_numbers", prev=prev, tags=[*tags, "unknown"])
            continue
        product, where = item["p"], item.get("where", "none")
        if where.startswith("market:"):
            market: str | None = where[7:]
            slots: dict[str, Any] = {"product": product, "market": market}
        elif where.startswith("city:"):
            market = data.city_market(where[5:], product)
            slots = {"product": product, "market": market, "city": where[5:]}
        else:
            market = data.default_market(product)
            slots = {"product": product, "market": market}
        if kind in {"alert", "forecast"}:
            add(q, kind, {**slots, **item["slots"]}, expect="no_numbers", prev=prev, tags=[*tags, kind])
        elif kind == "price":
            found = data.latest_price(product, market) if market else None
            if found:
                add(q, "price", slots, values=[value("price", found[1], market, found[0])], prev=prev,
                    tags=[*tags, "direct"])
        elif kind in {"lastweek", "monthago", "weeksago2"}:
            day = {"lastweek": TODAY - dt.timedelta(days=7), "monthago": shift_months(TODAY, 1),
                   "weeksago2": TODAY - dt.timedelta(weeks=2)}[kind]
            ws, we = week_of(day)
            v = data.week_price(product, market, ws.isoformat()) if market else None
            if v is not None:
                add(q, "price_at", {**slots, "start": ws.isoformat(), "end": we.isoformat()},
                    values=[value("price", v, market, ws.isoformat())], prev=prev, tags=[*tags, "period"])
        elif kind == "day":
            found = data.day_price(product, market, item["day"]) if market else None
            if found:
                add(q, "price_at", {**slots, "start": item["day"], "end": item["day"]},
                    values=[value("price", found[1], market, found[0])], prev=prev, tags=[*tags, "period"])
        elif kind == "range":
            v = data.period_mean(product, market, item["start"], item["end"]) if market else None
            if v is not None:
                add(q, "price_at", {**slots, "start": item["start"], "end": item["end"]},
                    values=[value("price", v, market, item["start"])], prev=prev, tags=[*tags, "period"])
        elif kind == "history":
            start = anchor - dt.timedelta(weeks=item["weeks"] - 1)
            end = anchor + dt.timedelta(days=6)
            w = data.window(product, market, start.isoformat(), end.isoformat()) if market else None
            if w is not None and len(w) >= 2:
                first, last = float(w.iloc[0]["price"]), float(w.iloc[-1]["price"])
                add(q, "history", {**slots, "start": start.isoformat(), "end": end.isoformat()},
                    values=[value("change_pct", (last - first) / first * 100, market, str(w.iloc[0]["week"]))],
                    prev=prev, tags=[*tags, "history"])
        elif kind in {"cheapest", "priciest"}:
            week = data.product_week[product]
            rows = data.across(product, week)
            if "city" in item:
                city_markets = {m for m, c in data.cities.items() if c == item["city"]}
                rows = rows[rows["market"].isin(city_markets)]
            if len(rows) >= 2:
                row = rows.iloc[0] if kind == "cheapest" else rows.iloc[-1]
                add(q, kind, {"product": product},
                    values=[value("price", float(row["price"]), str(row["market"]), week)], prev=prev,
                    tags=[*tags, "extreme"])
        elif kind == "compare_all":
            week = data.product_week[product]
            rows = data.across(product, week)
            add(q, "compare", {"product": product},
                values=[value("price", float(r["price"]), str(r["market"]), week) for _, r in rows.iterrows()],
                prev=prev, tags=[*tags, "compare"])
    for text, intent in HELDOUT_SMALL:
        add(text, intent, {}, expect="no_numbers", tags=["heldout", "smalltalk"])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--csv", default=str(CSV))
    args = parser.parse_args()
    data = Data(Path(args.csv))
    records = build(data)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "meta.json").write_text(json.dumps({
        "today": TODAY.isoformat(), "latest_week": data.latest, "source": "semanal_precios_2017-2025.csv.gz",
        "generator": "tools/label_questions.py", "count": len(records),
    }, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    with open(OUT / "questions.jsonl", "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    tags = statistics.multimode([t for r in records for t in r["tags"]])
    print(f"{len(records)} preguntas escritas en {OUT / 'questions.jsonl'} (etiqueta más común: {tags})")


if __name__ == "__main__":
    main()
