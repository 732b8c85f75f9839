"""Blind set 17 (long tail): label program.

Expected values are computed with pandas from the raw weekly CSV, following
/work/main/tests/questions/LABELS.md. The CSV is loaded through the `Data` class of
/work/main/tools/label_questions.py (allowed for reuse: it maps raw spellings to canonical names).

    /work/main/.venv/bin/python label17.py          -> writes blind17-longtail.jsonl
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, "/work/main/tools")
import label_questions as L  # noqa: E402

HERE = Path(__file__).resolve().parent
OUT = HERE / "blind17-longtail.jsonl"
TODAY = dt.date(2025, 11, 3)
SET = "blind17-longtail"

COR = "Bogotá, D.C., Corabastos"
PALO = "Bogotá, D.C., Paloquemao"
CMA = "Medellín, Central Mayorista de Antioquia"
MINO = 'Medellín, Plaza Minorista "José María Villa"'
CAVASA = "Cali, Cavasa"
STAELENA = "Cali, Santa Elena"
BQUITA = "Barranquilla, Barranquillita"
CENTRO = "Bucaramanga, Centroabastos"
CENA = "Cúcuta, Cenabastos"
MERCASA = "Pereira, Mercasa"
MERCAR = "Armenia, Mercar"
LA21 = "Ibagué, Plaza La 21"
SURA = "Neiva, Surabastos"
POTRE = "Pasto, El Potrerillo"
CAV = "Villavicencio, CAV"
TUNJA = "Tunja, Complejo de Servicios del Sur"
MONT = "Montería, Mercado del Sur"
BAZ = "Cartagena, Bazurto"
SINCE = "Sincelejo, Nuevo Mercado"
DUITAMA = "Duitama (Boyacá), Mercaplaza"
CHIQUI = "Chiquinquirá (Boyacá)"
POPA = "Popayán, Plaza de mercado del barrio Bolívar"

# Each spec: q, family, expect, tag (extra tag), calc (tuple), and optionally city (a city the question names:
# the program asserts that the city resolves to the market used), word (a one-word food name the question uses:
# the program checks how LABELS.md resolves it).
SPECS: list[dict] = [
    # ------------------------------------------------------------------ lookup: plain current price
    dict(q="q más pues, a como ta la cebolla larga en la mayorista?", fam="lookup", tag="direct",
         calc=("now", "Cebolla junca", CMA)),
    dict(q="Buenas tardes. Tengo un puesto en la galería de Armenia y necesito saber a cómo está hoy el kilo de "
           "guayava pera en Mercar, gracias", fam="lookup", tag="direct", calc=("now", "Guayaba pera", MERCAR)),
    dict(q="sanahoria en cenabastos cuanto bale", fam="lookup", tag="direct", calc=("now", "Zanahoria", CENA),
         word="Zanahoria"),
    dict(q="ve, y la abichuela a cómo la tienen hoy en Cavasa?", fam="lookup", tag="direct",
         calc=("now", "Habichuela", CAVASA), word="Habichuela"),
    dict(q="mi llave a como esta el bocachico importado congelado en Bazurto?", fam="lookup", tag="direct",
         calc=("now", "Bocachico importado congelado", BAZ)),
    dict(q="parce en surabastos a como esta la granadiya", fam="lookup", tag="direct",
         calc=("now", "Granadilla", SURA), word="Granadilla"),
    dict(q="aguacate has en abastos xfa", fam="lookup", tag="direct", calc=("now", "Aguacate Hass", COR)),
    dict(q="precio del platano artón verde en villavo", fam="lookup", tag="direct",
         calc=("now", "Plátano hartón verde", CAV), city="Villavicencio"),
    dict(q="tomate de arbol en la 21 de ibague cuanto?", fam="lookup", tag="direct",
         calc=("now", "Tomate de árbol", LA21)),
    dict(q="holaa 🙏 me regala el precio d la arveja verde en vaina pastusa en el potrerillo", fam="lookup",
         tag="direct", calc=("now", "Arveja verde en vaina pastusa", POTRE)),
    dict(q="cuanto vale el kilo de pechuga d pollo en curramba", fam="lookup", tag="direct",
         calc=("now", "Pechuga de pollo", BQUITA), city="Barranquilla"),
    dict(q="buenos días mija, ¿cuánto está hoy el queso costeño allá en Sincelejo?", fam="lookup", tag="direct",
         calc=("now", "Queso costeño", SINCE), city="Sincelejo"),
    dict(q="lechuga batavia tunja hoy", fam="lookup", tag="direct", calc=("now", "Lechuga Batavia", TUNJA),
         city="Tunja"),
    dict(q="Oiga, ¿y la pitajaya en la mayorista de Antioquia a cómo la están dando?", fam="lookup", tag="direct",
         calc=("now", "Pitahaya", CMA), word="Pitahaya"),
    dict(q="cuanto sta el kilo d brocoli en bucara", fam="lookup", tag="direct", calc=("now", "Brócoli", CENTRO),
         city="Bucaramanga", word="Brócoli"),
    dict(q="guanavana a como anda hoy", fam="lookup", tag="direct", calc=("now_default", "Guanábana"),
         word="Guanábana"),
    dict(q="k precio tiene el limon mandarino en la minorista de medellin", fam="lookup", tag="direct",
         calc=("now", "Limón mandarino", MINO)),
    # ------------------------------------------------------------------ lookup: price at a date / period
    dict(q="a como estaba la mora de castilla en centroabastos la semana pasada?", fam="lookup", tag="date",
         calc=("day", "Mora de Castilla", CENTRO, "2025-10-27")),
    dict(q="Necesito el precio del lulo en Mercasa del 15 de agosto, es pa cuadrar una cuenta con un cliente",
         fam="lookup", tag="date", calc=("day", "Lulo", MERCASA, "2025-08-15"), word="Lulo"),
    dict(q="el repollo blanco en barranquillita hace 3 semanas a como taba", fam="lookup", tag="date",
         calc=("day", "Repollo blanco", BQUITA, "2025-10-13")),
    dict(q="a cómo estuvo la uchuva en abastos en marzo?", fam="lookup", tag="date",
         calc=("period_price", "Uchuva con cáscara", COR, "2025-03-01", "2025-03-31"), word="Uchuva"),
    dict(q="precio del ñame espino en Sincelejo la semana antepasada", fam="lookup", tag="date",
         calc=("day", "Ñame espino", SINCE, "2025-10-20"), city="Sincelejo"),
    dict(q="cuanto valia la curuba en Chiquinquirá el 3 de junio del 2024", fam="lookup", tag="date",
         calc=("day", "Curuba", CHIQUI, "2024-06-03"), city="Chiquinquirá", word="Curuba"),
    # ------------------------------------------------------------------ lookup: trade units
    dict(q="cuánto vale el bulto de papa pastusa en abastos", fam="lookup", tag="trade_unit",
         calc=("trade", "Papa parda pastusa", COR, "bulto", 50.0)),
    dict(q="a como sale la arroba de yuca llanera en villavo?", fam="lookup", tag="trade_unit",
         calc=("trade", "Yuca llanera", CAV, "arroba", 12.5), city="Villavicencio"),
    dict(q="una libra de fresa en centroabastos cuanto me sale", fam="lookup", tag="trade_unit",
         calc=("trade", "Fresa", CENTRO, "libra", 0.5), word="Fresa"),
    dict(q="a como el kilo de huevo rojo AA en cúcuta", fam="lookup", tag="trade_unit",
         calc=("unit_only", "Huevo rojo AA", CENA), city="Cúcuta"),
    dict(q="cuanto me cuestan 20 kilos de tomate chonto en Cavasa", fam="lookup", tag="trade_unit",
         calc=("trade", "Tomate chonto", CAVASA, "kilos", 20.0)),
    # ------------------------------------------------------------------ lookup: cheapest / dearest market
    dict(q="dónde consigo más barata la ahuyama? compro por cantidad pa un restaurante", fam="lookup",
         tag="cheapest_market", calc=("market_extreme", "Ahuyama", "min", None), word="Ahuyama"),
    dict(q="en qué parte del país está más cara la papa criolla?", fam="lookup", tag="dearest_market",
         calc=("market_extreme", "Papa criolla limpia", "max", None)),
    dict(q="cuál plaza de Medellín tiene más barato el banano criollo", fam="lookup", tag="cheapest_market",
         calc=("market_extreme", "Banano criollo", "min", "Medellín")),
    dict(q="pa comprar maracuyá, cual es el mercado más barato ahorita?", fam="lookup", tag="cheapest_market",
         calc=("market_extreme", "Maracuyá", "min", None), word="Maracuyá"),
    dict(q="en q mercado pagan más caro el limón tahití?", fam="lookup", tag="dearest_market",
         calc=("market_extreme", "Limón Tahití", "max", None)),
    dict(q="en bogota donde sale mas barato el queso costeño", fam="lookup", tag="cheapest_market",
         calc=("market_extreme", "Queso costeño", "min", "Bogotá")),
    # ------------------------------------------------------------------ analytics: max
    dict(q="cuál ha sido el precio más alto de la papa criolla en abastos? el récord digo", fam="analytics",
         tag="max", calc=("stat", "Papa criolla limpia", COR, "max", ("all",))),
    dict(q="Mi papá siembra mora en Silvania y la saca a Corabastos. Pregunta cuál fue el precio más alto de la "
           "mora de castilla este año", fam="analytics", tag="max",
         calc=("stat", "Mora de Castilla", COR, "max", ("range", "2025-01-01", "2025-12-31"))),
    dict(q="lo más caro q ha estado el aguacate hass en medallo en 2024", fam="analytics", tag="max",
         calc=("stat", "Aguacate Hass", CMA, "max", ("range", "2024-01-01", "2024-12-31")), city="Medellín"),
    dict(q="en las ultimas 12 semanas cual fue el tope del pimenton en centroabastos", fam="analytics", tag="max",
         calc=("stat", "Pimentón", CENTRO, "max", ("last", 12)), word="Pimentón"),
    dict(q="hasta dónde llegó la cebolla cabezona blanca en Cenabastos en 2023? el pico más alto", fam="analytics",
         tag="max", calc=("stat", "Cebolla cabezona blanca", CENA, "max", ("range", "2023-01-01", "2023-12-31"))),
    dict(q="cuál fue la semana más cara del limón tahití en Cavasa desde enero?", fam="analytics", tag="max",
         calc=("stat", "Limón Tahití", CAVASA, "max", ("since", "2025-01-01"))),
    dict(q="fríjol cargamanto rojo en la mayorista, máximo histórico?", fam="analytics", tag="max",
         calc=("stat", "Fríjol cargamanto rojo", CMA, "max", ("all",))),
    dict(q="cual fue el precio mas alto de la carne de res lomo fino en barranquillita el año pasado",
         fam="analytics", tag="max",
         calc=("stat", "Carne de res, lomo fino", BQUITA, "max", ("range", "2024-01-01", "2024-12-31"))),
    dict(q="tope de la tilapia roja entera fresca en centroabastos en lo que va del año", fam="analytics",
         tag="max",
         calc=("stat", "Tilapia roja entera fresca", CENTRO, "max", ("range", "2025-01-01", "2025-12-31"))),
    dict(q="el maximo q alcanzó la mandarina arrayana en surabastos en el primer trimestre de 2025",
         fam="analytics", tag="max",
         calc=("stat", "Mandarina Arrayana", SURA, "max", ("range", "2025-01-01", "2025-03-31"))),
    # ------------------------------------------------------------------ analytics: min
    dict(q="cuando fue la vez q mas barata estuvo la papa pastusa en abastos?", fam="analytics", tag="min",
         calc=("stat", "Papa parda pastusa", COR, "min", ("all",))),
    dict(q="lo más barato que se ha conseguido la naranja valencia en Mercasa este año", fam="analytics",
         tag="min", calc=("stat", "Naranja Valencia", MERCASA, "min", ("range", "2025-01-01", "2025-12-31"))),
    dict(q="el piso de la zanahoria bogotana en cavasa en 2024, cuánto fue y qué semana", fam="analytics",
         tag="min", calc=("stat", "Zanahoria bogotana", CAVASA, "min", ("range", "2024-01-01", "2024-12-31"))),
    dict(q="precio mínimo del ajo importado en cenabastos en las últimas 8 semanas", fam="analytics", tag="min",
         calc=("stat", "Ajo importado", CENA, "min", ("last", 8))),
    dict(q="cuál fue el precio más bajo del queso campesino en Paloquemao en 2023", fam="analytics", tag="min",
         calc=("stat", "Queso campesino", PALO, "min", ("range", "2023-01-01", "2023-12-31"))),
    dict(q="semana más barata del mango tommy en la 21 en 2025", fam="analytics", tag="min",
         calc=("stat", "Mango Tommy", LA21, "min", ("range", "2025-01-01", "2025-12-31"))),
    dict(q="lo mas bajito q llegó la habichuela en mercar desde junio", fam="analytics", tag="min",
         calc=("stat", "Habichuela", MERCAR, "min", ("since", "2025-06-01")), word="Habichuela"),
    dict(q="el menor precio de la yuca criolla en barranquillita el año pasado", fam="analytics", tag="min",
         calc=("stat", "Yuca criolla", BQUITA, "min", ("range", "2024-01-01", "2024-12-31"))),
    # ------------------------------------------------------------------ analytics: mean
    dict(q="promedio de la arveja verde en vaina en corabastos en 2024", fam="analytics", tag="mean",
         calc=("stat", "Arveja verde en vaina", COR, "mean", ("range", "2024-01-01", "2024-12-31"))),
    dict(q="cuanto fue en promedio la papa criolla en medallo las ultimas 4 semanas", fam="analytics", tag="mean",
         calc=("stat", "Papa criolla limpia", CMA, "mean", ("last", 4)), city="Medellín"),
    dict(q="precio promedio de la costilla de cerdo en cenabastos en el tercer trimestre de este año",
         fam="analytics", tag="mean",
         calc=("stat", "Carne de cerdo, costilla", CENA, "mean", ("range", "2025-07-01", "2025-09-30"))),
    dict(q="a cuanto estuvo en promedio la panela cuadrada morena en centroabastos el año pasado",
         fam="analytics", tag="mean",
         calc=("stat", "Panela cuadrada morena", CENTRO, "mean", ("range", "2024-01-01", "2024-12-31"))),
    dict(q="media del tomate chonto en barranquillita entre enero y junio de 2025", fam="analytics", tag="mean",
         calc=("stat", "Tomate chonto", BQUITA, "mean", ("range", "2025-01-01", "2025-06-30"))),
    dict(q="cuanto ha promediado el banano urabá en abastos este año", fam="analytics", tag="mean",
         calc=("stat", "Banano Urabá", COR, "mean", ("range", "2025-01-01", "2025-12-31"))),
    dict(q="promedio de la sierra entera congelada en bazurto en las ultimas 6 semanas", fam="analytics",
         tag="mean", calc=("stat", "Sierra entera congelada", BAZ, "mean", ("last", 6))),
    dict(q="me sacas el promedio de la lenteja importada en Mercasa en 2023 porfa", fam="analytics", tag="mean",
         calc=("stat", "Lenteja importada", MERCASA, "mean", ("range", "2023-01-01", "2023-12-31"))),
    dict(q="precio promedio de la leche en polvo en la mayorista en septiembre", fam="analytics", tag="mean",
         calc=("stat", "Leche en polvo", CMA, "mean", ("range", "2025-09-01", "2025-09-30"))),
    # ------------------------------------------------------------------ analytics: median
    dict(q="mediana del precio del cilantro en abastos en 2024", fam="analytics", tag="median",
         calc=("stat", "Cilantro", COR, "median", ("range", "2024-01-01", "2024-12-31")), word="Cilantro"),
    dict(q="la mediana de la papa única en barranquillita este año?", fam="analytics", tag="median",
         calc=("stat", "Papa única", BQUITA, "median", ("range", "2025-01-01", "2025-12-31"))),
    dict(q="valor mediano de la fresa en surabastos las ultimas 10 semanas", fam="analytics", tag="median",
         calc=("stat", "Fresa", SURA, "median", ("last", 10)), word="Fresa"),
    dict(q="mediana de la pechuga de pollo en monteria en 2023", fam="analytics", tag="median",
         calc=("stat", "Pechuga de pollo", MONT, "median", ("range", "2023-01-01", "2023-12-31")),
         city="Montería"),
    # ------------------------------------------------------------------ analytics: change between two days
    dict(q="q tanto varió la papa criolla en abastos del 4 de octubre al 25 de octubre?", fam="analytics",
         tag="change", calc=("chg_days", "Papa criolla limpia", COR, "2025-10-04", "2025-10-25")),
    dict(q="el tomate de arbol en mercasa, q tanto cambió entre el 1 de septiembre y el 20 de octubre de 2025",
         fam="analytics", tag="change", calc=("chg_days", "Tomate de árbol", MERCASA, "2025-09-01", "2025-10-20")),
    dict(q="compare el pepino cohombro en cenabastos: 2 de mayo de 2025 vs 24 de octubre de 2025",
         fam="analytics", tag="change", calc=("chg_days", "Pepino cohombro", CENA, "2025-05-02", "2025-10-24")),
    dict(q="cuánto varió la piña gold en la mayorista entre el 5 de julio y el 25 de octubre", fam="analytics",
         tag="change", calc=("chg_days", "Piña gold", CMA, "2025-07-05", "2025-10-25")),
    dict(q="entre el 10/01/2025 y el 10/10/2025 cuanto subio o bajo el arroz de primera en la CAV de villavicencio",
         fam="analytics", tag="change", calc=("chg_days", "Arroz de primera", CAV, "2025-01-10", "2025-10-10")),
    dict(q="variación del huevo rojo A en centroabastos del 1 de marzo al 1 de septiembre de 2025",
         fam="analytics", tag="change", calc=("chg_days", "Huevo rojo A", CENTRO, "2025-03-01", "2025-09-01")),
    dict(q="cuánto cambió el limón común en Santa Elena del 15 de junio de 2024 al 15 de junio de 2025",
         fam="analytics", tag="change", calc=("chg_days", "Limón común", STAELENA, "2024-06-15", "2025-06-15")),
    dict(q="la curuba en tunja, diferencia en % entre el 6 de septiembre y el 18 de octubre de este año",
         fam="analytics", tag="change", calc=("chg_days", "Curuba", TUNJA, "2025-09-06", "2025-10-18"),
         city="Tunja", word="Curuba"),
    # ------------------------------------------------------------------ analytics: change between periods
    dict(q="de septiembre a octubre cuanto subio en promedio la papa pastusa en abastos", fam="analytics",
         tag="change", calc=("chg_periods", "Papa parda pastusa", COR, ("2025-09-01", "2025-09-30"),
                             ("2025-10-01", "2025-10-31"))),
    dict(q="la punta de anca en medallo, 2024 vs 2023 en promedio cuanto cambió?", fam="analytics", tag="change",
         calc=("chg_periods", "Carne de res, punta de anca", CMA, ("2023-01-01", "2023-12-31"),
               ("2024-01-01", "2024-12-31")), city="Medellín"),
    dict(q="q tanto cambió el mango tommy en centroabastos del segundo al tercer trimestre de 2025",
         fam="analytics", tag="change", calc=("chg_periods", "Mango Tommy", CENTRO, ("2025-04-01", "2025-06-30"),
                                               ("2025-07-01", "2025-09-30"))),
    dict(q="comparando el primer trimestre de 2025 con el de 2024, cuánto varió el maíz blanco trillado en "
           "barranquillita", fam="analytics", tag="change",
         calc=("chg_periods", "Maíz blanco trillado", BQUITA, ("2024-01-01", "2024-03-31"),
               ("2025-01-01", "2025-03-31"))),
    dict(q="la coliflor en mercar: cómo cambió el promedio de agosto frente a julio", fam="analytics",
         tag="change", calc=("chg_periods", "Coliflor", MERCAR, ("2025-07-01", "2025-07-31"),
                             ("2025-08-01", "2025-08-31")), word="Coliflor"),
    dict(q="2022 contra 2021, cuanto subio el aceite vegetal mezcla en la mayorista", fam="analytics",
         tag="change", calc=("chg_periods", "Aceite vegetal mezcla", CMA, ("2021-01-01", "2021-12-31"),
                             ("2022-01-01", "2022-12-31"))),
    dict(q="cómo cambió el promedio mensual de la granadilla en Surabastos de marzo a octubre de este año",
         fam="analytics", tag="change", calc=("chg_periods", "Granadilla", SURA, ("2025-03-01", "2025-03-31"),
                                               ("2025-10-01", "2025-10-31")), word="Granadilla"),
    dict(q="en bazurto cuánto se encareció el coco de 2023 a 2024?", fam="analytics", tag="change",
         calc=("chg_periods", "Coco", BAZ, ("2023-01-01", "2023-12-31"), ("2024-01-01", "2024-12-31")),
         word="Coco"),
    # ------------------------------------------------------------------ analytics: since a date
    dict(q="cuanto ha subido la papa criolla en la 21 desde el 1 de enero?", fam="analytics", tag="since",
         calc=("since", "Papa criolla limpia", LA21, "2025-01-01")),
    dict(q="desde el 15 de julio q tanto ha cambiado el lulo en cavasa?", fam="analytics", tag="since",
         calc=("since", "Lulo", CAVASA, "2025-07-15"), word="Lulo"),
    dict(q="la gulupa en abastos, cómo va frente al 1 de marzo?", fam="analytics", tag="since",
         calc=("since", "Gulupa", COR, "2025-03-01"), word="Gulupa"),
    dict(q="de abril pa acá cuánto ha cambiado la ahuyama en cenabastos", fam="analytics", tag="since",
         calc=("since", "Ahuyama", CENA, "2025-04-01"), word="Ahuyama"),
    dict(q="el queso doble crema en la mayorista ha subido mucho desde junio?", fam="analytics", tag="since",
         calc=("since", "Queso doble crema", CMA, "2025-06-01")),
    dict(q="el frijol verde en surabastos desde el 20 de mayo cuanto ha variado", fam="analytics", tag="since",
         calc=("since", "Fríjol verde en vaina", SURA, "2025-05-20")),
    # ------------------------------------------------------------------ analytics: year over year
    dict(q="ta mas cara la cebolla cabezona blanca en abastos q hace un año?", fam="analytics", tag="yoy",
         calc=("yoy", "Cebolla cabezona blanca", COR)),
    dict(q="comparado con el año pasado por esta misma época, cómo está el plátano hartón verde en barranquillita",
         fam="analytics", tag="yoy", calc=("yoy", "Plátano hartón verde", BQUITA)),
    dict(q="la guayaba pera en mercasa vs hace un año?", fam="analytics", tag="yoy",
         calc=("yoy", "Guayaba pera", MERCASA)),
    dict(q="el pollo entero congelado sin visceras en medallo esta mas barato o mas caro que hace 12 meses?",
         fam="analytics", tag="yoy", calc=("yoy", "Pollo entero congelado sin vísceras", CMA), city="Medellín"),
    dict(q="hace un año a como estaba la fresa en centroabastos y cuanto ha cambiado desde entonces",
         fam="analytics", tag="yoy", calc=("yoy", "Fresa", CENTRO), word="Fresa"),
    dict(q="variación anual del cilantro en cenabastos", fam="analytics", tag="yoy",
         calc=("yoy", "Cilantro", CENA), word="Cilantro"),
    dict(q="el melón cantalup en cavasa, frente a esta misma semana del año pasado?", fam="analytics", tag="yoy",
         calc=("yoy", "Melón Cantalup", CAVASA)),
    # ------------------------------------------------------------------ analytics: season
    dict(q="en q mes baja la papa criolla en abastos?", fam="analytics", tag="season",
         calc=("season", "Papa criolla limpia", COR, "min")),
    dict(q="cuál es el mes más caro pa la mora de castilla en centroabastos", fam="analytics", tag="season",
         calc=("season", "Mora de Castilla", CENTRO, "max")),
    dict(q="Mi tío siembra papa pastusa por Totoró y la vende en la galería del barrio Bolívar de Popayán. En qué "
           "mes del año se la pagan mejor?", fam="analytics", tag="season",
         calc=("season", "Papa parda pastusa", POPA, "max"), city="Popayán"),
    dict(q="qué mes conviene comprar la naranja valencia en la mayorista, cuando es más barata?", fam="analytics",
         tag="season", calc=("season", "Naranja Valencia", CMA, "min")),
    dict(q="temporada más cara de la cidra en abastos, q mes es?", fam="analytics", tag="season",
         calc=("season", "Cidra", COR, "max"), word="Cidra"),
    dict(q="en qué mes se dispara el tomate chonto en barranquillita", fam="analytics", tag="season",
         calc=("season", "Tomate chonto", BQUITA, "max")),
    dict(q="mes más barato pal mango tommy en surabastos", fam="analytics", tag="season",
         calc=("season", "Mango Tommy", SURA, "min")),
    dict(q="cuando se pone barata la piña gold en mercar? en q mes", fam="analytics", tag="season",
         calc=("season", "Piña gold", MERCAR, "min")),
    # ------------------------------------------------------------------ analytics: is it dear for the season
    dict(q="esta cara la papa criolla pa la epoca en abastos?", fam="analytics", tag="position",
         calc=("position", "Papa criolla limpia", COR)),
    dict(q="el limón tahití en cavasa ta caro pa ser octubre?", fam="analytics", tag="position",
         calc=("position", "Limón Tahití", CAVASA)),
    dict(q="el cilantro en el potrerillo ta regalado pa la época o es lo normal?", fam="analytics",
         tag="position", calc=("position", "Cilantro", POTRE), word="Cilantro"),
    dict(q="la panela cuadrada morena en cenabastos, está barata o cara pa la época?", fam="analytics",
         tag="position", calc=("position", "Panela cuadrada morena", CENA)),
    dict(q="zanaoria en mercar, ta en precio normal pa la temporada o no?", fam="analytics",
         tag="position", calc=("position", "Zanahoria", MERCAR), word="Zanahoria"),
    # ------------------------------------------------------------------ analytics: rankings
    dict(q="cuál es la fruta más cara en surabastos?", fam="analytics", tag="ranking",
         calc=("rank", SURA, "Frutas frescas", "max", None, 1)),
    dict(q="las 3 verduras más baratas en abastos esta semana", fam="analytics", tag="ranking",
         calc=("rank", COR, "Verduras y hortalizas", "min", None, 3)),
    dict(q="qué es lo más caro que venden por kilo en la mayorista?", fam="analytics", tag="ranking",
         calc=("rank", CMA, None, "max", None, 1)),
    dict(q="el pescado más barato en bazurto cuál es", fam="analytics", tag="ranking",
         calc=("rank", BAZ, "Pescados", "min", None, 1)),
    dict(q="el tubérculo más caro en el potrerillo", fam="analytics", tag="ranking",
         calc=("rank", POTRE, "Tubérculos, raíces y plátanos", "max", None, 1)),
    dict(q="cuál fue el grano más caro en cenabastos la semana del 4 de octubre", fam="analytics", tag="ranking",
         calc=("rank", CENA, "Granos y cereales", "max", "2025-10-04", 1)),
    dict(q="cual es la carne mas barata en barranquillita", fam="analytics", tag="ranking",
         calc=("rank", BQUITA, "Carnes", "min", None, 1)),
    # ------------------------------------------------------------------ analytics: movers
    dict(q="qué subió más en medallo esta semana?", fam="analytics", tag="movers",
         calc=("movers", CMA, "up", None, None), city="Medellín"),
    dict(q="q fue lo q más bajó en mercasa frente a la semana pasada", fam="analytics", tag="movers",
         calc=("movers", MERCASA, "down", None, None)),
    dict(q="las frutas que más subieron en cavasa esta semana", fam="analytics", tag="movers",
         calc=("movers", CAVASA, "up", "Frutas frescas", None)),
    dict(q="a nivel nacional qué verdura bajó más esta semana?", fam="analytics", tag="movers",
         calc=("movers", None, "down", "Verduras y hortalizas", None)),
    dict(q="qué subió más en centroabastos en octubre frente a septiembre", fam="analytics", tag="movers",
         calc=("movers", CENTRO, "up", None, (("2025-09-01", "2025-09-30"), ("2025-10-01", "2025-10-31")))),
    # ------------------------------------------------------------------ analytics: counts
    dict(q="en cuántos mercados hay precio del borojó?", fam="analytics", tag="count",
         calc=("count_markets", "Borojó", None), word="Borojó"),
    dict(q="cuántos productos cotizan en mercasa", fam="analytics", tag="count",
         calc=("count_products", MERCASA)),
    dict(q="cuántas plazas reportan el ulluco", fam="analytics", tag="count",
         calc=("count_markets", "Ulluco", None), word="Ulluco"),
    dict(q="cuantos productos tiene la 21 de ibague esta semana", fam="analytics", tag="count",
         calc=("count_products", LA21)),
    dict(q="en cuantos mercados se cotizó la gulupa en 2024", fam="analytics", tag="count",
         calc=("count_markets", "Gulupa", ("2024-01-01", "2024-12-31")), word="Gulupa"),
    # ------------------------------------------------------------------ clarify
    dict(q="a como ta la papa en abastos?", fam="lookup", expect="clarify", tag="clarify",
         calc=("family", "papa", COR)),
    dict(q="ve y el limón a cómo está en cavasa", fam="lookup", expect="clarify", tag="clarify",
         calc=("family", "limón", CAVASA)),
    dict(q="a como esta la naranja en mercasa parcero", fam="lookup", expect="clarify", tag="clarify",
         calc=("family", "naranja", MERCASA)),
    dict(q="la uva a cómo está en medallo?", fam="lookup", expect="clarify", tag="clarify",
         calc=("family", "uva", CMA), city="Medellín"),
    dict(q="precio del queso en la mayorista", fam="lookup", expect="clarify", tag="clarify",
         calc=("family", "queso", CMA)),
    dict(q="cuanto vale el huevo en centroabastos", fam="lookup", expect="clarify", tag="clarify",
         calc=("family", "huevo", CENTRO)),
    dict(q="mango en barranquillita cuanto", fam="lookup", expect="clarify", tag="clarify",
         calc=("family", "mango", BQUITA)),
    dict(q="frijol en cenabastos a como?", fam="lookup", expect="clarify", tag="clarify",
         calc=("family", "fríjol", CENA)),
    dict(q="la papaya como está en abastos", fam="lookup", expect="clarify", tag="clarify",
         calc=("family", "papaya", COR)),
    dict(q="aguacate en medellin precio", fam="lookup", expect="clarify", tag="clarify",
         calc=("family", "aguacate", CMA), city="Medellín"),
    dict(q="plátano en la mayorista cuanto", fam="lookup", expect="clarify", tag="clarify",
         calc=("family", "plátano", CMA)),
    dict(q="cuanto vale la papa criolla en Chía?", fam="lookup", expect="clarify", tag="clarify",
         calc=("unknown_place", "Chía")),
    dict(q="a como está el tomate de árbol en La Unión", fam="lookup", expect="clarify", tag="clarify",
         calc=("two_places", "La Unión")),
    dict(q="precio de la cebolla cabezona blanca en Fusagasugá", fam="lookup", expect="clarify", tag="clarify",
         calc=("unknown_place", "Fusagasugá")),
    # ------------------------------------------------------------------ no numbers
    dict(q="cuanto ta el chontaduro en cali mija?", fam="lookup", expect="no_numbers", tag="no_numbers",
         calc=("untracked", "chontaduro")),
    dict(q="a como esta la papa criolla en el D1? es pa saber si me conviene", fam="lookup",
         expect="no_numbers", tag="no_numbers", calc=("retail",)),
    dict(q="parce cuánto vale una libra de tomate en la tienda de la esquina", fam="lookup", expect="no_numbers",
         tag="no_numbers", calc=("retail",)),
    dict(q="precio del kilo de arroz de primera al detal en el Éxito", fam="lookup", expect="no_numbers",
         tag="no_numbers", calc=("retail",)),
    dict(q="cuanto valia la papa pastusa en abastos en 2014", fam="lookup", expect="no_numbers",
         tag="no_numbers", calc=("before_data", 2014)),
    dict(q="y la cebolla junca en la mayorista a como estaba en 2015?", fam="lookup", expect="no_numbers",
         tag="no_numbers", calc=("before_data", 2015)),
    dict(q="quiubo parce, todo bien? 👋", fam="lookup", expect="no_numbers", tag="no_numbers",
         calc=("smalltalk",)),
    dict(q="oiga y el dólar a cómo amaneció hoy?", fam="lookup", expect="no_numbers", tag="no_numbers",
         calc=("smalltalk",)),
    dict(q="gracias mi llave, muy amable 🙌", fam="lookup", expect="no_numbers", tag="no_numbers",
         calc=("smalltalk",)),
    dict(q="mamoncillo en barranquillita a como ta", fam="lookup", expect="no_numbers", tag="no_numbers",
         calc=("untracked", "mamoncillo")),
    dict(q="a como esta el corozo en Sincelejo?", fam="lookup", expect="no_numbers", tag="no_numbers",
         calc=("untracked", "corozo")),
    dict(q="precio del níspero en surabastos", fam="lookup", expect="no_numbers", tag="no_numbers",
         calc=("untracked", "níspero")),
    dict(q="cuánto vale la lechona en el Espinal? pa una fiesta", fam="lookup", expect="no_numbers",
         tag="no_numbers", calc=("untracked", "lechona")),
    dict(q="buenas noches, q sabe hacer usted?", fam="lookup", expect="no_numbers", tag="no_numbers",
         calc=("smalltalk",)),
]


class Labeller:
    def __init__(self) -> None:
        self.d = L.Data(L.CSV)
        df = self.d.df
        self.df = df
        self.weeks = sorted(df["week"].unique())
        # week start -> week end, from the table itself
        self.week_end = df.groupby("week")["week_end"].max().to_dict()
        ends = df.groupby("week")["week_end"].nunique()
        assert (ends == 1).all(), "a week start with two week ends"
        vocab = pd.read_csv("/work/main/data/vocab/products.csv")
        self.group = dict(zip(vocab["name"], vocab["group"]))
        self.unit = dict(zip(vocab["name"], vocab["unit"]))
        self.latest = self.d.latest
        self.previous = self.d.previous
        self.notes: list[str] = []

    # -------------------------------------------------------------- helpers
    def ok_pair(self, p: str, m: str) -> None:
        assert (p, m) not in self.d.conflicted, (p, m)
        assert not self.d.series(p, m).empty, (p, m)

    def table_week(self, day: str) -> str:
        hits = [w for w in self.weeks if w <= day <= self.week_end[w]]
        assert len(hits) == 1, (day, hits)
        return hits[0]

    def price_at(self, p: str, m: str, week: str) -> float | None:
        return self.d.week_price(p, m, week)

    def price_fallback(self, p: str, m: str, day: str) -> tuple[str, float]:
        """Week holding the day; else the closest earlier priced week at most 4 weeks back."""
        w = self.table_week(day)
        v = self.price_at(p, m, w)
        if v is not None:
            return w, v
        s = self.d.series(p, m)
        lo = (dt.date.fromisoformat(w) - dt.timedelta(weeks=4)).isoformat()
        cand = s[(s["week"] < w) & (s["week"] >= lo)]
        assert not cand.empty, (p, m, day)
        self.notes.append(f"fallback {p} {m} {day} -> {cand.iloc[-1]['week']}")
        return str(cand.iloc[-1]["week"]), float(cand.iloc[-1]["price"])

    def window(self, p: str, m: str, period: tuple) -> pd.DataFrame:
        s = self.d.series(p, m)
        kind = period[0]
        if kind == "all":
            return s
        if kind == "range":
            return s[(s["week"] >= period[1]) & (s["week"] <= period[2])]
        if kind == "last":
            weeks = self.weeks[-period[1]:]
            return s[s["week"].isin(weeks)]
        if kind == "since":
            start = self.table_week(period[1])
            return s[s["week"] >= start]
        raise ValueError(period)

    @staticmethod
    def v(kind: str, value: float, market: str | None = None, date: str | None = None, **extra) -> dict:
        out = {"kind": kind, "value": round(float(value), 4) if kind not in {"count", "month", "years",
                                                                             "position"} else int(value),
               "market": market, "date": date}
        out.update(extra)
        return out

    def family_kinds(self, word: str, m: str) -> list[str]:
        w = L.fold(word)
        last = self.df[(self.df["week"] == self.latest) & (self.df["market"] == m)]
        return sorted(p for p in set(last["product"]) if L.fold(p).split()[0] == w)

    def check_word(self, word: str, p: str, m: str | None) -> None:
        """A one-word food name: LABELS.md reads it as the product of that exact name when priced in the market in
        the last 8 weeks, else as a family word (kinds priced in the newest week)."""
        if m is None:
            return
        s = self.d.series(word, m)
        recent = self.weeks[-8:]
        if not s.empty and s["week"].isin(recent).any():
            assert word == p, (word, p, m)
            return
        kinds = self.family_kinds(word.split()[0], m)
        assert kinds == [p], (word, m, kinds)

    # -------------------------------------------------------------- calculations
    def compute(self, spec: dict) -> tuple[list[dict], list[str]]:
        c = spec["calc"]
        kind = c[0]
        forbid: list[str] = []
        if kind == "now":
            _, p, m = c
            self.ok_pair(p, m)
            w, val = self.d.latest_price(p, m)
            assert w == self.latest, (p, m, w)
            return [self.v("price", val, m, w)], forbid
        if kind == "now_default":
            p = c[1]
            m = self.d.default_market(p)
            self.ok_pair(p, m)
            w, val = self.d.latest_price(p, m)
            spec["_market"] = m
            return [self.v("price", val, m, w)], forbid
        if kind == "day":
            _, p, m, day = c
            self.ok_pair(p, m)
            w = self.table_week(day)
            val = self.price_at(p, m, w)
            assert val is not None, (p, m, day)
            return [self.v("price", val, m, w)], forbid
        if kind == "period_price":
            _, p, m, a, b = c
            self.ok_pair(p, m)
            win = self.window(p, m, ("range", a, b))
            assert len(win) >= 3, (p, m, a, b, len(win))
            return [self.v("price", win["price"].mean(), m, None)], forbid
        if kind == "trade":
            _, p, m, unit, kg = c
            self.ok_pair(p, m)
            w, val = self.d.latest_price(p, m)
            assert w == self.latest
            assert self.unit[p] == "kg"
            if unit == "bulto":
                assert any(p.startswith(x) for x in ["Papa", "Cebolla cabezona", "Zanahoria", "Yuca", "Arracacha",
                                                       "Arroz", "Fríjol", "Maíz", "Lenteja", "Garbanzo",
                                                       "Arveja seca", "Azúcar"])
            return [self.v("price", val, m, w), self.v("trade_price", val * kg, m, w, unit=unit)], forbid
        if kind == "unit_only":
            _, p, m = c
            self.ok_pair(p, m)
            w, val = self.d.latest_price(p, m)
            assert w == self.latest and self.unit[p] in {"unidad", "litro"}
            return [self.v("price", val, m, w)], ["trade_price"]
        if kind == "market_extreme":
            _, p, which, city = c
            week = self.d.product_week[p]
            rows = self.d.across(p, week)
            if city:
                rows = rows[rows["market"].map(lambda mk: self.d.cities.get(mk) == city)]
            rows = rows.sort_values(["price", "market"]).reset_index(drop=True)
            assert len(rows) >= 2
            for mk in rows["market"]:
                assert (p, mk) not in self.d.conflicted
            if which == "min":
                assert rows.iloc[0]["price"] < rows.iloc[1]["price"], "tie for cheapest"
                r = rows.iloc[0]
            else:
                assert rows.iloc[-1]["price"] > rows.iloc[-2]["price"], "tie for dearest"
                r = rows.iloc[-1]
            spec["_n"] = len(rows)
            return [self.v("price", r["price"], str(r["market"]), week)], forbid
        if kind == "stat":
            _, p, m, stat, period = c
            self.ok_pair(p, m)
            win = self.window(p, m, period)
            assert len(win) >= 3, (p, m, period, len(win))
            if stat in {"max", "min"}:
                target = win["price"].max() if stat == "max" else win["price"].min()
                tied = sorted(str(w) for w in win.loc[win["price"] == target, "week"])
                return [self.v(stat, target, m, tied[-1], dates=tied)], forbid
            if stat == "mean":
                return [self.v("mean", win["price"].mean(), m, None)], forbid
            if stat == "median":
                return [self.v("median", win["price"].median(), m, None)], forbid
        if kind == "chg_days":
            _, p, m, d1, d2 = c
            self.ok_pair(p, m)
            w1, v1 = self.price_fallback(p, m, d1)
            w2, v2 = self.price_fallback(p, m, d2)
            return [self.v("price", v1, m, w1), self.v("price", v2, m, w2),
                    self.v("change_pct", (v2 / v1 - 1) * 100, m, None)], forbid
        if kind == "chg_periods":
            _, p, m, (a1, b1), (a2, b2) = c
            self.ok_pair(p, m)
            x1 = self.window(p, m, ("range", a1, b1))
            x2 = self.window(p, m, ("range", a2, b2))
            assert len(x1) >= 3 and len(x2) >= 3, (p, m, len(x1), len(x2))
            m1, m2 = x1["price"].mean(), x2["price"].mean()
            spec["_means"] = (m1, m2)
            return [self.v("change_pct", (m2 / m1 - 1) * 100, m, None)], forbid
        if kind == "since":
            _, p, m, day = c
            self.ok_pair(p, m)
            w1 = self.table_week(day)
            v1 = self.price_at(p, m, w1)
            assert v1 is not None, (p, m, day)
            w2, v2 = self.d.latest_price(p, m)
            assert w2 == self.latest
            return [self.v("price", v1, m, w1), self.v("price", v2, m, w2),
                    self.v("change_pct", (v2 / v1 - 1) * 100, m, None)], forbid
        if kind == "yoy":
            _, p, m = c
            self.ok_pair(p, m)
            w2, v2 = self.d.latest_price(p, m)
            assert w2 == self.latest
            target = dt.date.fromisoformat(w2) - dt.timedelta(days=364)
            s = self.d.series(p, m)
            v1 = self.price_at(p, m, target.isoformat())
            w1 = target.isoformat()
            if v1 is None:
                best = None
                for _, r in s.iterrows():
                    gap = abs((dt.date.fromisoformat(r["week"]) - target).days)
                    if gap <= 14 and (best is None or gap < best[0]):
                        best = (gap, r["week"], r["price"])
                assert best is not None
                _, w1, v1 = best
                self.notes.append(f"yoy nearest {p} {m} {w1}")
            return [self.v("price", v1, m, w1), self.v("price", v2, m, w2),
                    self.v("change_pct", (v2 / v1 - 1) * 100, m, None)], forbid
        if kind == "season":
            _, p, m, which = c
            self.ok_pair(p, m)
            s = self.d.series(p, m).copy()
            s["year"] = s["week"].str[:4].astype(int)
            s["month"] = s["week"].str[5:7].astype(int)
            mm = s.groupby(["year", "month"])["price"].mean().reset_index()
            nmon = mm.groupby("year")["month"].nunique()
            years = sorted(nmon[nmon >= 6].index)
            mm = mm[mm["year"].isin(years)].copy()
            mm["ratio"] = mm["price"] / mm.groupby("year")["price"].transform("mean")
            idx = mm.groupby("month")["ratio"].agg(["mean", "count"])
            idx = idx[idx["count"] >= 2]["mean"].sort_values()
            if which == "min":
                month, gap = int(idx.index[0]), idx.iloc[1] - idx.iloc[0]
            else:
                month, gap = int(idx.index[-1]), idx.iloc[-1] - idx.iloc[-2]
            spec["_gap"] = round(float(gap), 4)
            return [self.v("month", month, m, None), self.v("years", len(years), m, None)], forbid
        if kind == "position":
            _, p, m = c
            self.ok_pair(p, m)
            w, val = self.d.latest_price(p, m)
            assert w == self.latest
            s = self.d.series(p, m)
            year, month = int(w[:4]), w[5:7]
            prev = s[(s["week"].str[5:7] == month) & (s["week"].str[:4].astype(int) < year)]
            means = prev.groupby(prev["week"].str[:4])["price"].mean()
            assert len(means) >= 2
            pos = -1 if val < means.min() else (1 if val > means.max() else 0)
            spec["_range"] = (round(means.min(), 1), round(means.max(), 1), len(means))
            return [self.v("price", val, m, w), self.v("position", pos, m, None)], forbid
        if kind == "rank":
            _, m, group, which, week, n = c
            week = week or self.latest
            rows = self.df[(self.df["market"] == m) & (self.df["week"] == week)].copy()
            rows = rows[rows["product"].map(lambda p: self.unit.get(p) == "kg")]
            if group:
                rows = rows[rows["product"].map(lambda p: self.group.get(p) == group)]
            asc = which == "min"
            rows["neg"] = rows["price"] if asc else -rows["price"]
            rows = rows.sort_values(["neg", "product"]).reset_index(drop=True)
            assert len(rows) > n
            assert rows.iloc[n - 1]["price"] != rows.iloc[n]["price"], "tie at the cut"
            spec["_n"] = len(rows)
            return [self.v("price", r["price"], m, week, product=r["product"]) for _, r in rows.head(n).iterrows()], \
                forbid
        if kind == "movers":
            _, m, direction, group, periods = c
            df = self.df
            if periods is None:
                a = df[df["week"] == self.previous]
                b = df[df["week"] == self.latest]
                date = self.latest
            else:
                (a1, b1), (a2, b2) = periods
                a = df[(df["week"] >= a1) & (df["week"] <= b1)]
                b = df[(df["week"] >= a2) & (df["week"] <= b2)]
                date = None
            if m is not None:
                a, b = a[a["market"] == m], b[b["market"] == m]
                pa = a.groupby("product")["price"].mean()
                pb = b.groupby("product")["price"].mean()
                both = pd.concat([pa.rename("a"), pb.rename("b")], axis=1).dropna()
            else:
                ia = a.groupby(["product", "market"])["price"].mean()
                ib = b.groupby(["product", "market"])["price"].mean()
                pm = pd.concat([ia.rename("a"), ib.rename("b")], axis=1).dropna().reset_index()
                both = pm.groupby("product")[["a", "b"]].mean()
            if group:
                both = both[both.index.map(lambda p: self.group.get(p) == group)]
            both["chg"] = (both["b"] / both["a"] - 1) * 100
            both = both.sort_values("chg", ascending=(direction == "down"))
            assert abs(both["chg"].iloc[0] - both["chg"].iloc[1]) > 0.3, "near tie"
            top = str(both.index[0])
            spec["_second"] = (str(both.index[1]), round(float(both["chg"].iloc[1]), 2))
            return [self.v("change_pct", both["chg"].iloc[0], m, date, product=top)], forbid
        if kind == "count_markets":
            _, p, period = c
            if period is None:
                rows = self.df[(self.df["product"] == p) & (self.df["week"] == self.latest)]
            else:
                rows = self.df[(self.df["product"] == p) & (self.df["week"] >= period[0])
                               & (self.df["week"] <= period[1])]
            assert not any((p, mk) in self.d.conflicted for mk in set(rows["market"]))
            return [self.v("count", rows["market"].nunique(), None, None)], forbid
        if kind == "count_products":
            _, m = c
            rows = self.df[(self.df["market"] == m) & (self.df["week"] == self.latest)]
            assert not any((p, m) in self.d.conflicted for p in set(rows["product"]))
            return [self.v("count", rows["product"].nunique(), m, None)], forbid
        if kind == "family":
            _, word, m = c
            kinds = self.family_kinds(word, m)
            assert len(kinds) >= 2, (word, m, kinds)
            spec["_kinds"] = kinds
            return [], forbid
        if kind in {"unknown_place", "two_places", "untracked", "retail", "before_data", "smalltalk"}:
            if kind == "unknown_place":
                names = {L.fold(x) for x in list(self.d.cities.values()) + list(self.d.cities.keys())}
                vocab = pd.read_csv("/work/main/data/vocab/markets.csv")
                names |= {L.fold(x) for x in vocab["department"].dropna()}
                assert L.fold(c[1]) not in names, c
            if kind == "two_places":
                deps = [mk for mk, city in self.d.cities.items() if city == c[1]]
                assert len(deps) == 2, deps
            if kind == "untracked":
                prods = pd.read_csv("/work/main/data/vocab/products.csv")
                allnames = " ".join(L.fold(x) for x in list(prods["name"]) + list(prods["aliases"].dropna()))
                assert L.fold(c[1]) not in allnames, c
            return [], forbid
        raise ValueError(kind)


def main() -> None:
    lab = Labeller()
    out, report, errors = [], [], []
    for i, spec in enumerate(SPECS, 1):
        try:
            c = spec["calc"]
            if spec.get("city"):  # the city the question names resolves to the market used
                if c[0] in {"movers", "family"}:
                    m = c[1] if c[0] == "movers" else c[2]
                    assert lab.d.cities[m] == spec["city"], (spec["q"], m)
                else:
                    got = lab.d.city_market(spec["city"], c[1])
                    assert got == c[2], (spec["q"], got)
            if spec.get("word"):
                m = c[2] if c[0] not in {"now_default", "market_extreme", "count_markets"} else None
                lab.check_word(spec["word"], c[1], m)
            values, forbid = lab.compute(spec)
        except Exception as exc:  # report every failing spec at once
            errors.append(f"{i} {spec['q']}: {exc!r}")
            continue
        rec = {"id": f"b17t-{i:03d}", "q": spec["q"], "prev": [], "family": spec["fam"],
               "expect": spec.get("expect", "answer"), "values": values, "forbid": forbid,
               "tags": [SET, spec["tag"]]}
        out.append(rec)
        extra = {k: v for k, v in spec.items() if k.startswith("_")}
        report.append(f"{rec['id']} {spec['tag']:15s} {json.dumps(values, ensure_ascii=False)} {extra}")
    if errors:
        print("\n".join(errors))
        raise SystemExit(1)
    with open(OUT, "w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    (HERE / "label_report.txt").write_text("\n".join(report + lab.notes) + "\n", encoding="utf-8")
    print(f"{len(out)} questions -> {OUT}")


if __name__ == "__main__":
    main()
