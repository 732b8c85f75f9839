"""Write tests/questions/blind/heldout2.jsonl: a BLIND held-out question set (tag "heldout2") written by ENG-QA
without reading the router's code, with expected values computed from the real CSV with pandas.

    .venv/bin/python tools/labellers/label_heldout2.py [--csv PATH]

The questions are written as people type them on a phone (no accents, typos, abbreviations, regional names,
cities instead of markets). Expected values reuse tools/label_questions.py's Data class (pandas straight from
../shared/sipsa/series/semanal_precios_2017-2025.csv.gz) and its answering policy: a city stands for its main
wholesale market; no market means the first main market that priced the product in its newest week; a month
or a year is the mean of the weekly means of the weeks starting in it; "the last N weeks" end at the newest week;
relative dates ("la semana pasada", "hace un mes", "hace 15 dias") name the week that holds the day counted
back from the pinned TODAY; a day is the week that holds it. tests/questions/questions.jsonl is not touched.

Each spec names its kind; items whose value cannot be computed are reported and left out (never guessed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tools/label_questions.py
import label_questions as base

OUT = base.OUT / "blind" / "heldout2.jsonl"  # read by `sipsabot eval`, not by the pytest slice
TAG = "heldout2"
CORA = "market:Bogotá, D.C., Corabastos"
PALO = "market:Bogotá, D.C., Paloquemao"
CMA = "market:Medellín, Central Mayorista de Antioquia"
CAVASA = "market:Cali, Cavasa"
BQUILLITA = "market:Barranquilla, Barranquillita"
CENA = "market:Cúcuta, Cenabastos"

S: list[dict[str, Any]] = [
    # --- direct price, named market or city (colloquial, typos, abbreviations) ---
    {"q": "a como esta la papa criolla en abastos hoy", "k": "price", "p": "Papa criolla limpia", "w": CORA},
    {"q": "q precio tiene la papa pastusa en corabastos xfa", "k": "price", "p": "Papa parda pastusa", "w": CORA},
    {"q": "cuanto vale el kilo de papa pastusa en bogota", "k": "price", "p": "Papa parda pastusa",
     "w": "city:Bogotá"},
    {"q": "precio cebolla larga medellin", "k": "price", "p": "Cebolla junca", "w": "city:Medellín"},
    {"q": "a como ta la cebolla de huevo en corabastos", "k": "price", "p": "Cebolla cabezona blanca", "w": CORA},
    {"q": "platano verde en la mayorista cuanto", "k": "price", "p": "Plátano hartón verde", "w": CMA},
    {"q": "a cuanto el kilo de limon tahiti en cavasa", "k": "price", "p": "Limón Tahití", "w": CAVASA},
    {"q": "precio del limon comun en bucaramanga", "k": "price", "p": "Limón común", "w": "city:Bucaramanga"},
    {"q": "cuanto esta el tomate chonto hoy en cali??", "k": "price", "p": "Tomate chonto", "w": "city:Cali"},
    {"q": "tomate de arbol en pereira a como", "k": "price", "p": "Tomate de árbol", "w": "city:Pereira"},
    {"q": "buenas tardes, el aguacate hass en medellin en cuanto va", "k": "price", "p": "Aguacate Hass",
     "w": "city:Medellín"},
    {"q": "aguacate papelillo cucuta", "k": "price", "p": "Aguacate papelillo", "w": "city:Cúcuta"},
    {"q": "zanahoria en barranquilla", "k": "price", "p": "Zanahoria", "w": "city:Barranquilla"},
    {"q": "yuca llanera villavicencio precio", "k": "price", "p": "Yuca llanera", "w": "city:Villavicencio"},
    {"q": "mora de castilla en bucaramanga xfa", "k": "price", "p": "Mora de Castilla", "w": "city:Bucaramanga"},
    {"q": "a como esta el lulo en manizales", "k": "price", "p": "Lulo", "w": "city:Manizales"},
    {"q": "maracuya en armenia", "k": "price", "p": "Maracuyá", "w": "city:Armenia"},
    {"q": "a como esta el arroz de primera en paloquemao", "k": "price", "p": "Arroz de primera", "w": PALO},
    {"q": "banano criollo en barranquillita", "k": "price", "p": "Banano criollo", "w": BQUILLITA},
    {"q": "mango tommy en cucuta a cuanto", "k": "price", "p": "Mango Tommy", "w": "city:Cúcuta"},
    {"q": "naranja valencia bogota precio kilo", "k": "price", "p": "Naranja Valencia", "w": "city:Bogotá"},
    {"q": "mandarina arrayana en ibague", "k": "price", "p": "Mandarina Arrayana", "w": "city:Ibagué"},
    {"q": "arveja verde en vaina en pereira", "k": "price", "p": "Arveja verde en vaina", "w": "city:Pereira"},
    {"q": "habichuela en cali hoy", "k": "price", "p": "Habichuela", "w": "city:Cali"},
    {"q": "ahuyama medellin", "k": "price", "p": "Ahuyama", "w": "city:Medellín"},
    {"q": "repollo blanco en cali cuanto vale", "k": "price", "p": "Repollo blanco", "w": "city:Cali"},
    {"q": "lechuga batavia en corabastos", "k": "price", "p": "Lechuga Batavia", "w": CORA},
    {"q": "pepino cohombro en bucaramnga", "k": "price", "p": "Pepino cohombro", "w": "city:Bucaramanga"},
    {"q": "pimenton en cucuta", "k": "price", "p": "Pimentón", "w": "city:Cúcuta"},
    {"q": "cuanto vale el cilantro en la mayorista", "k": "price", "p": "Cilantro", "w": CMA},
    {"q": "ajo importado en barranquilla", "k": "price", "p": "Ajo importado", "w": "city:Barranquilla"},
    {"q": "a como esta el huevo rojo aa en medellin", "k": "price", "p": "Huevo rojo AA", "w": "city:Medellín"},
    {"q": "precio huevo rojo a en bogota", "k": "price", "p": "Huevo rojo A", "w": "city:Bogotá"},
    {"q": "aceite de girasol en barranquilla a como esta el litro", "k": "price", "p": "Aceite girasol",
     "w": "city:Barranquilla"},
    {"q": "arroz de primera en cucuta", "k": "price", "p": "Arroz de primera", "w": "city:Cúcuta"},
    {"q": "panela cuadrada morena en neiva", "k": "price", "p": "Panela cuadrada morena", "w": "city:Neiva"},
    {"q": "pechuga de pollo en armenia", "k": "price", "p": "Pechuga de pollo", "w": "city:Armenia"},
    {"q": "queso costeño en monteria cuanto", "k": "price", "p": "Queso costeño", "w": "city:Montería"},
    {"q": "queso campesino en villavicencio", "k": "price", "p": "Queso campesino", "w": "city:Villavicencio"},
    {"q": "frijol cargamanto rojo en pereira", "k": "price", "p": "Fríjol cargamanto rojo", "w": "city:Pereira"},
    {"q": "lenteja importada en medellin", "k": "price", "p": "Lenteja importada", "w": "city:Medellín"},
    {"q": "lomo fino de res en barranquilla", "k": "price", "p": "Carne de res, lomo fino",
     "w": "city:Barranquilla"},
    {"q": "costilla de cerdo en manizales", "k": "price", "p": "Carne de cerdo, costilla", "w": "city:Manizales"},
    {"q": "papaya maradol en pereira", "k": "price", "p": "Papaya Maradol", "w": "city:Pereira"},
    {"q": "piña gold en cali", "k": "price", "p": "Piña gold", "w": "city:Cali"},
    {"q": "guayaba pera en barranquilla", "k": "price", "p": "Guayaba pera", "w": "city:Barranquilla"},
    {"q": "granadilla en bucaramanga", "k": "price", "p": "Granadilla", "w": "city:Bucaramanga"},
    {"q": "mazorca en ibague", "k": "price", "p": "Chócolo mazorca", "w": "city:Ibagué"},
    {"q": "arracacha amarilla en neiva", "k": "price", "p": "Arracacha amarilla", "w": "city:Neiva"},
    {"q": "remolacha en medellin", "k": "price", "p": "Remolacha", "w": "city:Medellín"},
    {"q": "brocoli en pereira", "k": "price", "p": "Brócoli", "w": "city:Pereira"},
    {"q": "coliflor corabastos", "k": "price", "p": "Coliflor", "w": CORA},
    {"q": "espinaca en armenia", "k": "price", "p": "Espinaca", "w": "city:Armenia"},
    {"q": "cuanto vale la curuba en cali", "k": "price", "p": "Curuba", "w": "city:Cali"},
    {"q": "gulupa en corabastos", "k": "price", "p": "Gulupa", "w": CORA},
    {"q": "papa unica en corabastos", "k": "price", "p": "Papa única", "w": CORA},
    {"q": "azucar refinada en ibague", "k": "price", "p": "Azúcar refinada", "w": "city:Ibagué"},
    {"q": "sal yodada en pereira", "k": "price", "p": "Sal yodada", "w": "city:Pereira"},
    {"q": "tilapia roja entera fresca en neiva", "k": "price", "p": "Tilapia roja entera fresca", "w": "city:Neiva"},
    {"q": "yuca criolla en cartagena", "k": "price", "p": "Yuca criolla", "w": "city:Cartagena"},
    {"q": "platano maduro en tunja", "k": "price", "p": "Plátano hartón maduro", "w": "city:Tunja"},
    {"q": "platano guineo en villavicencio", "k": "price", "p": "Plátano guineo", "w": "city:Villavicencio"},
    {"q": "patilla en cucuta", "k": "price", "p": "Patilla", "w": "city:Cúcuta"},
    {"q": "guanabana en bucaramanga", "k": "price", "p": "Guanábana", "w": "city:Bucaramanga"},
    {"q": "pitahaya en pereira", "k": "price", "p": "Pitahaya", "w": "city:Pereira"},
    {"q": "papa capira en medellin", "k": "price", "p": "Papa capira", "w": "city:Medellín"},
    {"q": "tomate larga vida en pasto", "k": "price", "p": "Tomate larga vida", "w": "city:Pasto"},
    {"q": "uva red globe en armenia", "k": "price", "p": "Uva red globe nacional", "w": "city:Armenia"},
    {"q": "harina de trigo en manizales", "k": "price", "p": "Harina de trigo", "w": "city:Manizales"},
    {"q": "cafe molido en neiva", "k": "price", "p": "Café molido", "w": "city:Neiva"},
    {"q": "chocolate amargo en popayan", "k": "price", "p": "Chocolate amargo", "w": "city:Popayán"},
    {"q": "leche en polvo en cucuta", "k": "price", "p": "Leche en polvo", "w": "city:Cúcuta"},
    # typos and slang for places
    {"q": "cuanto esta la zanaoria en cucuta", "k": "price", "p": "Zanahoria", "w": "city:Cúcuta"},
    {"q": "aguacte hass en corabastos", "k": "price", "p": "Aguacate Hass", "w": CORA},
    {"q": "cebola cabezona blanca en medelin", "k": "price", "p": "Cebolla cabezona blanca", "w": "city:Medellín"},
    {"q": "pimenton en corabastoz", "k": "price", "p": "Pimentón", "w": CORA},
    {"q": "xfa precio d la mora de castilla en medallo", "k": "price", "p": "Mora de Castilla",
     "w": "city:Medellín"},
    {"q": "a cmo esta la papa criolla en bquilla", "k": "price", "p": "Papa criolla limpia",
     "w": "city:Barranquilla"},
    {"q": "tomate de arbol bmanga", "k": "price", "p": "Tomate de árbol", "w": "city:Bucaramanga"},
    # no market: the default market
    {"q": "a como esta la cebolla cabezona roja", "k": "price", "p": "Cebolla cabezona roja"},
    {"q": "precio del limon mandarino", "k": "price", "p": "Limón mandarino"},
    {"q": "cuanto vale el aceite girasol", "k": "price", "p": "Aceite girasol"},
    {"q": "aji topito dulce precio", "k": "price", "p": "Ají topito dulce"},
    {"q": "precio de la habichuela hoy", "k": "price", "p": "Habichuela"},
    {"q": "cuanto esta la papa capira", "k": "price", "p": "Papa capira"},
    # --- price at a date or period ---
    {"q": "cuanto valia la papa criolla en corabastos en marzo de 2024", "k": "month", "p": "Papa criolla limpia",
     "w": CORA, "m": "2024-03"},
    {"q": "precio de la cebolla cabezona blanca en medellin en diciembre del 2024", "k": "month",
     "p": "Cebolla cabezona blanca", "w": "city:Medellín", "m": "2024-12"},
    {"q": "a como estaba el tomate chonto en corabastos el 15/04/2024", "k": "day", "p": "Tomate chonto", "w": CORA,
     "day": "2024-04-15"},
    {"q": "precio del limon tahiti en cavasa el 3 de marzo de 2025", "k": "day", "p": "Limón Tahití", "w": CAVASA,
     "day": "2025-03-03"},
    {"q": "cuanto estaba el aguacate hass en corabastos la semana pasada", "k": "daysago", "n": 7,
     "p": "Aguacate Hass", "w": CORA},
    {"q": "la papa pastusa hace un mes en bogota", "k": "monthago", "p": "Papa parda pastusa", "w": "city:Bogotá"},
    {"q": "a como estaba la zanahoria en corabastos hace 15 dias", "k": "daysago", "n": 15, "p": "Zanahoria",
     "w": CORA},
    {"q": "mora de castilla en la mayorista hace 2 semanas", "k": "daysago", "n": 14, "p": "Mora de Castilla",
     "w": CMA},
    {"q": "precio promedio del platano verde en corabastos en 2023", "k": "year", "y": 2023,
     "p": "Plátano hartón verde", "w": CORA},
    {"q": "cuanto costaba la cebolla larga en medellin el año pasado", "k": "year", "y": 2024, "p": "Cebolla junca",
     "w": "city:Medellín"},
    {"q": "lulo en corabastos 01/02/2025", "k": "day", "p": "Lulo", "w": CORA, "day": "2025-02-01"},
    {"q": "precio del pimenton en cali en enero 2025", "k": "month", "p": "Pimentón", "w": "city:Cali",
     "m": "2025-01"},
    {"q": "maracuya en corabastos en julio de 2023", "k": "month", "p": "Maracuyá", "w": CORA, "m": "2023-07"},
    {"q": "a como estuvo la arveja verde en vaina en corabastos en agosto 2025", "k": "month",
     "p": "Arveja verde en vaina", "w": CORA, "m": "2025-08"},
    {"q": "cuanto valia la fresa en corabastos en junio de 2024", "k": "month", "p": "Fresa", "w": CORA,
     "m": "2024-06"},
    {"q": "tomate de arbol en corabastos hace 3 semanas", "k": "daysago", "n": 21, "p": "Tomate de árbol",
     "w": CORA},
    {"q": "precio del huevo rojo aa en corabastos el 10-09-2025", "k": "day", "p": "Huevo rojo AA", "w": CORA,
     "day": "2025-09-10"},
    # --- history / trend ---
    {"q": "como ha variado la papa criolla en corabastos en las ultimas 8 semanas", "k": "history", "n": 8,
     "p": "Papa criolla limpia", "w": CORA},
    {"q": "tendencia del tomate chonto en corabastos ultimas 12 semanas", "k": "history", "n": 12,
     "p": "Tomate chonto", "w": CORA},
    {"q": "cuanto ha subido el limon tahiti en cavasa en las ultimas 4 semanas?", "k": "history", "n": 4,
     "p": "Limón Tahití", "w": CAVASA},
    {"q": "evolucion del aguacate hass en la mayorista ultimas 6 semanas", "k": "history", "n": 6,
     "p": "Aguacate Hass", "w": CMA},
    {"q": "historico de la cebolla cabezona blanca en corabastos entre enero y junio de 2024", "k": "hrange",
     "p": "Cebolla cabezona blanca", "w": CORA, "start": "2024-01-01", "end": "2024-06-30"},
    {"q": "como se ha movido el precio de la mora de castilla en bucaramanga las ultimas 10 semanas",
     "k": "history", "n": 10, "p": "Mora de Castilla", "w": "city:Bucaramanga"},
    {"q": "variacion % de la zanahoria en corabastos ultimas 4 semanas", "k": "history", "n": 4,
     "p": "Zanahoria", "w": CORA},
    {"q": "el platano verde en corabastos ha subido o bajado en las ultimas 8 semanas?", "k": "history", "n": 8,
     "p": "Plátano hartón verde", "w": CORA},
    {"q": "como vario la papa pastusa en corabastos de marzo a septiembre de 2025", "k": "hrange",
     "p": "Papa parda pastusa", "w": CORA, "start": "2025-03-01", "end": "2025-09-30"},
    # --- cheapest / priciest ---
    {"q": "donde esta mas barata la papa criolla", "k": "cheapest", "p": "Papa criolla limpia"},
    {"q": "en q mercado esta mas cara la mora de castilla", "k": "priciest", "p": "Mora de Castilla"},
    {"q": "mercado mas barato pa el limon tahiti", "k": "cheapest", "p": "Limón Tahití"},
    {"q": "donde consigo el aguacate hass mas barato", "k": "cheapest", "p": "Aguacate Hass"},
    {"q": "donde venden mas caro el tomate de arbol", "k": "priciest", "p": "Tomate de árbol"},
    {"q": "cual es el mercado mas caro pal lulo", "k": "priciest", "p": "Lulo"},
    {"q": "la cebolla cabezona blanca donde esta mas economica", "k": "cheapest", "p": "Cebolla cabezona blanca"},
    {"q": "en cali donde esta mas barato el aguacate papelillo", "k": "cheapest", "p": "Aguacate papelillo",
     "city": "Cali"},
    # --- compare ---
    {"q": "compara la papa criolla en bogota y medellin", "k": "compare", "p": "Papa criolla limpia",
     "ws": ["city:Bogotá", "city:Medellín"]},
    {"q": "tomate chonto cali vs barranquilla", "k": "compare", "p": "Tomate chonto",
     "ws": ["city:Cali", "city:Barranquilla"]},
    {"q": "diferencia de precio del limon tahiti entre bucaramanga y cucuta", "k": "compare", "p": "Limón Tahití",
     "ws": ["city:Bucaramanga", "city:Cúcuta"]},
    {"q": "compara el huevo rojo aa en corabastos y paloquemao", "k": "compare", "p": "Huevo rojo AA",
     "ws": [CORA, PALO]},
    {"q": "comparar platano verde medellin y pereira", "k": "compare", "p": "Plátano hartón verde",
     "ws": ["city:Medellín", "city:Pereira"]},
    # --- movers ---
    {"q": "que subio mas esta semana en corabastos", "k": "movers", "w": CORA, "up": True},
    {"q": "cuales bajaron mas en la mayorista de medellin", "k": "movers", "w": CMA, "up": False},
    {"q": "productos que mas subieron a nivel nacional", "k": "movers", "up": True},
    {"q": "que fue lo que mas bajo esta semana", "k": "movers", "up": False},
    {"q": "mayores alzas en cenabastos", "k": "movers", "w": CENA, "up": True},
    # --- supply, origin, inputs (the eval mirror holds prices only: no numbers) ---
    {"q": "cuantas toneladas entraron a corabastos", "k": "slots", "intent": "supply",
     "slots": {"market": "Bogotá, D.C., Corabastos"}},
    {"q": "abastecimiento de la central mayorista de antioquia", "k": "slots", "intent": "supply",
     "slots": {"market": "Medellín, Central Mayorista de Antioquia"}},
    {"q": "de donde traen la papa pastusa", "k": "slots", "intent": "supply_origin",
     "slots": {"product": "Papa parda pastusa"}},
    {"q": "de q departamentos llega el aguacate hass", "k": "slots", "intent": "supply_origin",
     "slots": {"product": "Aguacate Hass"}},
    {"q": "cuanta papa criolla llego a corabastos", "k": "slots", "intent": "supply",
     "slots": {"product": "Papa criolla limpia", "market": "Bogotá, D.C., Corabastos"}},
    {"q": "procedencia del platano verde que llega a la mayorista", "k": "slots", "intent": "supply_origin",
     "slots": {"product": "Plátano hartón verde", "market": "Medellín, Central Mayorista de Antioquia"}},
    {"q": "cuanto vale el bulto de abono triple 15", "k": "slots", "intent": "inputs", "slots": {}},
    {"q": "precio del cloruro de potasio en el meta", "k": "slots", "intent": "inputs", "slots": {}},
    # --- coverage ---
    {"q": "q productos manejas", "k": "slots", "intent": "coverage", "slots": {}},
    {"q": "hasta q dia tienes precios", "k": "slots", "intent": "coverage", "slots": {}},
    {"q": "que plazas de mercado tienes", "k": "slots", "intent": "coverage", "slots": {}},
    {"q": "desde que año hay datos", "k": "slots", "intent": "coverage", "slots": {}},
    # --- forecasts ---
    {"q": "cuanto va a estar la papa criolla en corabastos en las proximas 4 semanas", "k": "forecast",
     "p": "Papa criolla limpia", "w": CORA, "slots": {"freq": "W", "horizon": 4}},
    {"q": "pronostico del tomate chonto en bogota para el proximo mes", "k": "forecast", "p": "Tomate chonto",
     "w": "city:Bogotá", "slots": {"freq": "M", "horizon": 1}},
    {"q": "prediccion del limon tahiti en cali proximas 8 semanas", "k": "forecast", "p": "Limón Tahití",
     "w": "city:Cali", "slots": {"freq": "W", "horizon": 8}},
    {"q": "pronostico aguacate hass en corabastos el mes que viene", "k": "forecast", "p": "Aguacate Hass",
     "w": CORA, "slots": {"freq": "M", "horizon": 1}},
    {"q": "proyeccion de la cebolla cabezona blanca en medellin para los proximos 3 meses", "k": "forecast",
     "p": "Cebolla cabezona blanca", "w": "city:Medellín", "slots": {"freq": "M", "horizon": 3}},
    {"q": "pronostica la mora de castilla en bucaramanga las proximas 2 semanas", "k": "forecast",
     "p": "Mora de Castilla", "w": "city:Bucaramanga", "slots": {"freq": "W", "horizon": 2}},
    # --- alerts ---
    {"q": "avísame si la papa criolla baja de 2.000 en Corabastos", "k": "alert", "p": "Papa criolla limpia",
     "w": CORA, "slots": {"rule": "threshold", "threshold": 2000.0, "direction": "below"}},
    {"q": "alertame cuando el tomate chonto en abastos pase de $3.000", "k": "alert", "p": "Tomate chonto",
     "w": CORA, "slots": {"rule": "threshold", "threshold": 3000.0, "direction": "above"}},
    {"q": "mandame un aviso si el limon tahiti en cavasa sube de 3 mil", "k": "alert", "p": "Limón Tahití",
     "w": CAVASA, "slots": {"rule": "threshold", "threshold": 3000.0, "direction": "above"}},
    {"q": "notificame si el aguacate hass baja de 4500 en la mayorista", "k": "alert", "p": "Aguacate Hass",
     "w": CMA, "slots": {"rule": "threshold", "threshold": 4500.0, "direction": "below"}},
    {"q": "quiero una alerta si la cebolla cabezona blanca en corabastos sube mas del 10%", "k": "alert",
     "p": "Cebolla cabezona blanca", "w": CORA, "slots": {"rule": "change", "change_pct": 10.0, "direction": "up"}},
    {"q": "avisame cuando la mora de castilla en corabastos baje mas de un 15%", "k": "alert",
     "p": "Mora de Castilla", "w": CORA, "slots": {"rule": "change", "change_pct": 15.0, "direction": "down"}},
    {"q": "ponme alerta: platano verde corabastos por debajo de 2500", "k": "alert", "p": "Plátano hartón verde",
     "w": CORA, "slots": {"rule": "threshold", "threshold": 2500.0, "direction": "below"}},
    {"q": "avisa si el huevo rojo aa en corabastos pasa de 450", "k": "alert", "p": "Huevo rojo AA", "w": CORA,
     "slots": {"rule": "threshold", "threshold": 450.0, "direction": "above"}},
    # --- follow-ups in the same chat ---
    {"q": "¿y en Medellín?", "prev": ["precio de la papa criolla en corabastos"], "k": "price",
     "p": "Papa criolla limpia", "w": "city:Medellín"},
    {"q": "y en bmanga?", "prev": ["a como esta la habichuela en cali"], "k": "price", "p": "Habichuela",
     "w": "city:Bucaramanga"},
    {"q": "y la semana pasada?", "prev": ["cuanto vale la zanahoria en corabastos"], "k": "daysago", "n": 7,
     "p": "Zanahoria", "w": CORA},
    {"q": "y el limon comun?", "prev": ["precio del limon tahiti en la mayorista"], "k": "price",
     "p": "Limón común", "w": CMA},
    {"q": "y la pastusa?", "prev": ["papa criolla en corabastos"], "k": "price", "p": "Papa parda pastusa",
     "w": CORA},
    {"q": "y hace un mes?", "prev": ["aguacate hass en corabastos"], "k": "monthago", "p": "Aguacate Hass",
     "w": CORA},
    {"q": "y en cucuta", "prev": ["mora de castilla en bucaramanga"], "k": "price", "p": "Mora de Castilla",
     "w": "city:Cúcuta"},
    {"q": "y en marzo de 2024?", "prev": ["precio de la cebolla cabezona blanca en medellin"], "k": "month",
     "p": "Cebolla cabezona blanca", "w": "city:Medellín", "m": "2024-03"},
    {"q": "y en paloquemao?", "prev": ["precio de la lenteja importada en corabastos"], "k": "price",
     "p": "Lenteja importada",
     "w": PALO},
    {"q": "listo, gracias!", "prev": ["cuanto esta el lulo en cali"], "k": "slots", "intent": "thanks",
     "slots": {}},
    # --- ambiguous: ask back ---
    {"q": "a como esta la papa en cali", "k": "clarify", "options": ["Papa criolla limpia", "Papa parda pastusa"]},
    # label fix after the first run: issue 3 lists "limón" among the common names the router must resolve (like
    # "plátano verde"), so a bare "limón" is the Limón Tahití at the default market, not a question back
    {"q": "precio del limon", "k": "price", "p": "Limón Tahití"},
    {"q": "cuanto vale el huevo en bogota", "k": "clarify", "options": []},
    {"q": "a cuanto el platano en corabastos", "k": "clarify", "options": []},
    {"q": "precio del mango en medellin", "k": "clarify", "options": []},
    {"q": "arveja en corabastos", "k": "clarify", "options": []},
    # --- unknown products: no numbers (suggestions or a clear message) ---
    {"q": "a como esta el chontaduro en cali", "k": "slots", "intent": "price", "slots": {}, "tag": "unknown"},
    {"q": "precio del mamoncillo", "k": "slots", "intent": "price", "slots": {}, "tag": "unknown"},
    {"q": "cuanto vale el tamarindo en barranquilla", "k": "slots", "intent": "price", "slots": {},
     "tag": "unknown"},
    {"q": "precio de los champiñones en corabastos", "k": "slots", "intent": "price", "slots": {},
     "tag": "unknown"},
    {"q": "nispero en cartagena cuanto", "k": "slots", "intent": "price", "slots": {}, "tag": "unknown"},
    {"q": "precio del tofu", "k": "slots", "intent": "price", "slots": {}, "tag": "unknown"},
    # --- small talk ---
    {"q": "buenas", "k": "slots", "intent": "greeting", "slots": {}, "tag": "smalltalk"},
    {"q": "hola parce como vas", "k": "slots", "intent": "greeting", "slots": {}, "tag": "smalltalk"},
    {"q": "ok muchas gracias!!", "k": "slots", "intent": "thanks", "slots": {}, "tag": "smalltalk"},
    {"q": "gracias x la info", "k": "slots", "intent": "thanks", "slots": {}, "tag": "smalltalk"},
    {"q": "dios le pague", "k": "slots", "intent": "thanks", "slots": {}, "tag": "smalltalk"},
    {"q": "como se usa esto?", "k": "slots", "intent": "help", "slots": {}, "tag": "smalltalk"},
    {"q": "que preguntas te puedo hacer", "k": "slots", "intent": "help", "slots": {}, "tag": "smalltalk"},
    {"q": "quien gano la liga", "k": "slots", "intent": "out_of_scope", "slots": {}, "tag": "smalltalk"},
    {"q": "me prestas plata", "k": "slots", "intent": "out_of_scope", "slots": {}, "tag": "smalltalk"},
]


def where_market(data: base.Data, product: str, where: str) -> tuple[str | None, dict[str, Any]]:
    """The market a place stands for and the slots it fills ("market:<name>", "city:<name>" or "none")."""
    if where.startswith("market:"):
        return where[7:], {"product": product, "market": where[7:]}
    if where.startswith("city:"):
        market = data.city_market(where[5:], product)
        return market, {"product": product, "market": market, "city": where[5:]}
    market = data.default_market(product)
    return market, {"product": product, "market": market}


def month_range(period: str) -> tuple[str, str]:
    start = dt.date.fromisoformat(period + "-01")
    end = base.shift_months(start, -1) - dt.timedelta(days=1)
    return start.isoformat(), end.isoformat()


def movers(data: base.Data) -> pd.DataFrame:
    prev = data.df[data.df["week"] == data.previous].set_index(["product", "market"])["price"]
    cur = data.df[data.df["week"] == data.latest].set_index(["product", "market"])["price"]
    both = pd.concat([prev.rename("prev"), cur.rename("cur")], axis=1).dropna()
    both["chg"] = (both["cur"] - both["prev"]) / both["prev"] * 100
    return both


def label(data: base.Data, spec: dict[str, Any], both: pd.DataFrame) -> tuple[dict[str, Any] | None, str]:
    """One record for a spec, or (None, why) when the data cannot give its value."""
    kind, q, prev = spec["k"], spec["q"], spec.get("prev", [])
    rec: dict[str, Any] = {"q": q, "expect": "answer", "values": [], "tags": [TAG]}
    if prev:
        rec["prev"] = prev
        rec["tags"].append("followup")
    val = base.value
    if kind == "slots":
        rec.update(intent=spec["intent"], slots=spec["slots"], expect="no_numbers")
        rec["tags"].append(spec.get("tag", spec["intent"]))
        return rec, ""
    if kind == "clarify":
        rec.update(intent="price", slots={}, expect="clarify", options=spec["options"])
        rec["tags"].append("clarify")
        return rec, ""
    if kind == "movers":
        if "w" in spec:
            m = spec["w"][7:]
            sub = both.xs(m, level="market").sort_values("chg", ascending=not spec["up"])
            if sub.iloc[0]["chg"] == sub.iloc[1]["chg"]:
                return None, "tie"
            rec.update(intent="movers", slots={"market": m},
                       values=[val("change_pct", float(sub.iloc[0]["chg"]), m, data.latest, str(sub.index[0]))])
        else:
            nat = both.reset_index().groupby("product")["chg"].agg(["median", "size"])
            nat = nat[nat["size"] >= 3].sort_values("median")
            row = nat.iloc[-1] if spec["up"] else nat.iloc[0]
            other = nat.iloc[-2] if spec["up"] else nat.iloc[1]
            if row["median"] == other["median"]:
                return None, "tie"
            rec.update(intent="movers", slots={"market": None},
                       values=[val("change_pct", float(row["median"]), None, data.latest, str(row.name))])
        rec["tags"].append("movers")
        return rec, ""
    product = spec["p"]
    if kind in {"cheapest", "priciest"}:
        week = data.product_week[product]
        rows = data.across(product, week)
        if "city" in spec:
            rows = rows[rows["market"].isin({m for m, c in data.cities.items() if c == spec["city"]})]
        if len(rows) < 2:
            return None, "fewer than two markets"
        row, other = (rows.iloc[0], rows.iloc[1]) if kind == "cheapest" else (rows.iloc[-1], rows.iloc[-2])
        if row["price"] == other["price"]:
            return None, "tie"
        rec.update(intent=kind, slots={"product": product},
                   values=[val("price", float(row["price"]), str(row["market"]), week)])
        rec["tags"].append("extreme")
        return rec, ""
    if kind == "compare":
        values = []
        for w in spec["ws"]:
            market, _ = where_market(data, product, w)
            found = data.latest_price(product, market) if market else None
            if not found or found[0] != data.latest or (product, market) in data.conflicted:
                return None, f"no fresh price in {w}"
            values.append(val("price", found[1], market, found[0]))
        rec.update(intent="compare", slots={"product": product}, values=values)
        rec["tags"].append("compare")
        return rec, ""
    market, slots = where_market(data, product, spec.get("w", "none"))
    if market is None:
        return None, "no market"
    if (product, market) in data.conflicted:
        return None, "conflicted series"
    if kind in {"alert", "forecast"}:
        rec.update(intent=kind, slots={**slots, **spec["slots"]}, expect="no_numbers")
        rec["tags"].append(kind)
        return rec, ""
    if kind == "price":
        found = data.latest_price(product, market)
        if not found:
            return None, "no price"
        if found[0] != data.latest:
            return None, f"stale: newest week {found[0]}"
        rec.update(intent="price", slots=slots, values=[val("price", found[1], market, found[0])])
        rec["tags"].append("direct")
        return rec, ""
    if kind in {"daysago", "monthago"}:
        day = base.TODAY - dt.timedelta(days=spec["n"]) if kind == "daysago" else base.shift_months(base.TODAY, 1)
        ws, we = base.week_of(day)
        v = data.week_price(product, market, ws.isoformat())
        if v is None:
            return None, f"no week {ws}"
        rec.update(intent="price_at", slots={**slots, "start": ws.isoformat(), "end": we.isoformat()},
                   values=[val("price", v, market, ws.isoformat())])
        rec["tags"].append("period")
        return rec, ""
    if kind == "day":
        found = data.day_price(product, market, spec["day"])
        if not found:
            return None, "no week holds the day"
        rec.update(intent="price_at", slots={**slots, "start": spec["day"], "end": spec["day"]},
                   values=[val("price", found[1], market, found[0])])
        rec["tags"].append("period")
        return rec, ""
    if kind in {"month", "year"}:
        start, end = month_range(spec["m"]) if kind == "month" else (f"{spec['y']}-01-01", f"{spec['y']}-12-31")
        if spec["w"].startswith("city:"):
            market = data.city_market_in(spec["w"][5:], product, start, end)
            slots["market"] = market
        v = data.period_mean(product, market, start, end) if market else None
        if v is None:
            return None, "no weeks in the period"
        rec.update(intent="price_at", slots={**slots, "start": start, "end": end},
                   values=[val("price", v, market, start)])
        rec["tags"].append("period")
        return rec, ""
    if kind in {"history", "hrange"}:
        if kind == "history":
            anchor = dt.date.fromisoformat(data.latest)
            start = (anchor - dt.timedelta(weeks=spec["n"] - 1)).isoformat()
            end = (anchor + dt.timedelta(days=6)).isoformat()
        else:
            start, end = spec["start"], spec["end"]
        w = data.window(product, market, start, end)
        if len(w) < 2:
            return None, "fewer than two weeks"
        first, last = float(w.iloc[0]["price"]), float(w.iloc[-1]["price"])
        rec.update(intent="history", slots={**slots, "start": start, "end": end},
                   values=[val("change_pct", (last - first) / first * 100, market, str(w.iloc[0]["week"]))])
        rec["tags"].append("history")
        return rec, ""
    raise ValueError(f"unknown kind {kind}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--csv", default=str(base.CSV))
    args = parser.parse_args()
    data = base.Data(Path(args.csv))
    both = movers(data)
    out: list[dict[str, Any]] = []
    for spec in S:
        rec, why = label(data, spec, both)
        if rec is None:
            print(f"left out: {spec['q']!r}: {why}")
            continue
        out.append({"id": f"h2-{len(out) + 1:03d}", **rec})
    with open(OUT, "w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(out)} preguntas reservadas escritas en {OUT}")


if __name__ == "__main__":
    main()
