"""Blind held-out ANALYTICS question set for SIPSABot: writes tests/questions/blind/blind9-analytics.jsonl.

Written by a QA engineer who did NOT read the router, the bot's handlers/models, its tests or any other question
set; only tests/questions/LABELS.md (the spec), tools/label_questions.py (its Data class and MAIN list),
data/vocab/products.csv + markets.csv and the raw CSV ../shared/sipsa/series/semanal_precios_2017-2025.csv.gz.

    .venv/bin/python tools/labellers/label_blind9_analytics.py

Pinned TODAY = 2025-11-03 (newest week 2025-10-25, previous 2025-10-18). Every expected value is computed here with
pandas from the raw CSV (helpers in lib9.py / calc9.py, same author); nothing is guessed. A question whose value
cannot be computed safely is DROPPED and printed.

Rules followed (LABELS.md) and interpretations where it is silent (those cases are avoided, not guessed):
- A city = its main market (MAIN); used only when that main market has the product in the period asked.
  No place = the first MAIN market that priced the product in its newest week.
- Anything measured against "now" (change since a date, year over year, "¿cara para la época?", trade units,
  rankings, movers, counts) uses only series priced in 2025-10-25. Series with duplicate rows in the CSV
  (Data.conflicted) are never used; rankings/movers/counts skip markets/products touched by them.
- Month/quarter/year = weeks whose semana_inicio falls in it; a month without a year = its latest occurrence
  before TODAY (never November); "este año" = 2025, "el año pasado" = 2024; "las últimas N semanas" = the N
  newest weeks of the table; "desde <fecha>" = from the week holding that date to the newest week.
- max/min carry the most recent week with that value (`dates` when tied); cases with a different price within
  ±0.5 COP of the extreme are dropped.
- Change between two days: week holding each day, the series must be priced in that exact week (the 4-week
  fallback is never exercised); two `price` with date + `change_pct`. Between two months/quarters/years: only
  `change_pct` of the period means; always LATER period over EARLIER, whatever order the question uses.
  No "la semana pasada" questions.
- Year over year: only series priced in the exact week 364 days before (2024-10-26).
- Season: LABELS.md index; a case is kept only when the winning month beats the runner-up by >= 0.01.
  Position: kept only when the price is >= 1% away from both bounds and >= 3 earlier years exist.
- Rankings: per-kg products of the market in 2025-10-25; kept only when the top N is identical whether the group
  comes from products.csv or the CSV's grupo column, and there is no tie at/within the cut (>1 COP apart).
- Movers: kept only when the top product is the same with the group from products.csv or the CSV grupo, and with
  or without non-kg products; no tie (>0.5 pct points); national = mean over markets priced in both periods.
- Counts: distinct canonical markets / products in 2025-10-25 (or in the period asked).
- Trade units: libra 0.5, arroba 12.5, "N kilos" N, bulto 50 only for the LABELS.md bulto list; other bultos and
  eggs/oils by weight: own-unit `price` with forbid trade_price. trade_price values carry `unit` (and `kilos`).
- About 10%: `clarify` (family word with several kinds priced there; place not in the vocabulary) or `no_numbers`
  (years before 2017 / after the data, retail shops, untracked foods, out of scope).

First run (`sipsabot eval --tag blind9-analytics --verbose`, once, at commit 7e38a20, after the fixes from the
blind6-8 analytics sets and the blind6-9 lookup sets, before any fix from this one): 93.2% exact (151/162), 4.9%
confidently wrong (8/162). Confident errors: "hasta cuánto llegó … en marzo 2025" (the maximum read as the month's
mean); "lo más bajo q a tenido" (misspelt "ha"); "compara octubre 2025 con octubre 2024"; "del primer al tercer
trimestre"; "Q2 2023 vs Q2 2022"; "el promedio de 2024 comparado con el de 2021"; "desde el 24 de diciembre del
año pasado" (read as year over year); "hace un año … valía más o menos que ahora". Safe misses: "más barato en
marzo que en julio", "tercer trimestre frente al primero del mismo año", "frente al año pasado x esta misma
época". No label was changed after the run.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from blind9_analytics_lib import L, Drop, LATEST, PREV, month_range as M, quarter_range as Q, year_range as Y  # noqa: E402
from blind9_analytics_calc import Calc  # noqa: E402

OUT = Path(__file__).resolve().parents[2] / "tests" / "questions" / "blind" / "blind9-analytics.jsonl"
SET = "blind9-analytics"

CORA = "market:Bogotá, D.C., Corabastos"
MAY = "market:Medellín, Central Mayorista de Antioquia"
MINO = 'market:Medellín, Plaza Minorista "José María Villa"'
PALO = "market:Bogotá, D.C., Paloquemao"
SANTA = "market:Cali, Santa Elena"
ALL = ("0000", "9999")


def R(a, b):
    return (a, b)


def SINCE(day):
    return (day, "9999")  # resolved to the week holding the day below


# (text, stat tag, method, args)
QS = [
    # ---------------------------------------------------------------- max
    ("oiga mijo cual fue el precio mas alto q tuvo la papa criolla en corabastos este año", "max", "ext", ("max", "Papa criolla limpia", CORA, *Y(2025))),
    ("Buenas tardes. Quisiera conocer el precio máximo semanal registrado del tomate chonto en Bogotá durante 2023.", "max", "ext", ("max", "Tomate chonto", "city:Bogotá", *Y(2023))),
    ("el pico mas alto del limon tahiti en cali en el segundo trimestre de 2024?", "max", "ext", ("max", "Limón Tahití", "city:Cali", *Q(2024, 2))),
    ("cuándo ha estado más cara la cebolla cabezona blanca en Bucaramanga en toda la historia que tienen", "max", "ext", ("max", "Cebolla cabezona blanca", "city:Bucaramanga", *ALL)),
    ("hasta cuanto llego el kilo de aguacate hass en la mayorista en marzo 2025", "max", "ext", ("max", "Aguacate Hass", MAY, *M(2025, 3))),
    ("Precio más alto de la mora de castilla en Pasto entre enero y junio de 2022", "max", "ext", ("max", "Mora de Castilla", "city:Pasto", "2022-01-01", "2022-06-30")),
    ("cual ha sido el precio mas alto del platano harton verde en barranquillita", "max", "ext", ("max", "Plátano hartón verde", "market:Barranquilla, Barranquillita", *ALL)),
    ("max historico arveja verde en vaina tunja", "max", "ext", ("max", "Arveja verde en vaina", "city:Tunja", *ALL)),
    ("en el 2021 cuanto fue lo maximo q se pago x la zanahoria en cenabastos y q semana fue", "max", "ext", ("max", "Zanahoria", "market:Cúcuta, Cenabastos", *Y(2021))),
    ("a cuanto llego lo mas caro la pechuga de pollo en Cartagena el año pasado", "max", "ext", ("max", "Pechuga de pollo", "city:Cartagena", *Y(2024))),
    ("dame el tope del frijol cargamanto rojo en la mayorista de medellin en el ultimo trimestre de 2024", "max", "ext", ("max", "Fríjol cargamanto rojo", MAY, *Q(2024, 4))),
    ("semana mas cara del lulo en surabastos en 2017??", "max", "ext", ("max", "Lulo", "market:Neiva, Surabastos", *Y(2017))),
    ("Señores SIPSA: ¿cuál fue el valor máximo alcanzado por la guayaba pera en Bucaramanga durante 2023?", "max", "ext", ("max", "Guayaba pera", "city:Bucaramanga", *Y(2023))),
    # ---------------------------------------------------------------- min
    ("cual fue el precio mas bajo de la papa pastusa en bogota en 2024", "min", "ext", ("min", "Papa parda pastusa", "city:Bogotá", *Y(2024))),
    ("lo más barato que ha estado la piña gold en Cavasa?", "min", "ext", ("min", "Piña gold", "market:Cali, Cavasa", *ALL)),
    ("Buen día, ¿me indica el mínimo del tomate de árbol en Ibagué durante el primer trimestre de 2025?", "min", "ext", ("min", "Tomate de árbol", "city:Ibagué", *Q(2025, 1))),
    ("el piso de la cebolla junca aquitania en corabastos en agosto del 2025", "min", "ext", ("min", "Cebolla junca Aquitania", CORA, *M(2025, 8))),
    ("cuando estuvo mas barata la naranja valencia en pereira este año", "min", "ext", ("min", "Naranja Valencia", "city:Pereira", *Y(2025))),
    ("precio minimo banano criollo medellin 2022", "min", "ext", ("min", "Banano criollo", "city:Medellín", *Y(2022))),
    ("cuál fue la semana más barata del pimentón en Villavicencio entre julio y diciembre de 2023", "min", "ext", ("min", "Pimentón", "city:Villavicencio", "2023-07-01", "2023-12-31")),
    ("xfa lo mas bajo q a tenido el huevo rojo aa en bucaramanga", "min", "ext", ("min", "Huevo rojo AA", "city:Bucaramanga", *ALL)),
    ("el mango tommy en barranquillita, minimo de 2018", "min", "ext", ("min", "Mango Tommy", "market:Barranquilla, Barranquillita", *Y(2018))),
    ("en que semana de septiembre estuvo mas barato el repollo verde en tunja", "min", "ext", ("min", "Repollo verde", "city:Tunja", *M(2025, 9))),
    ("cual ha sido el valor mas bajo de la lenteja importada en la plaza la 21 de ibague", "min", "ext", ("min", "Lenteja importada", "market:Ibagué, Plaza La 21", *ALL)),
    # ---------------------------------------------------------------- mean
    ("promedio de la papa criolla en Medellín en 2024", "mean", "agg", ("mean", "Papa criolla limpia", "city:Medellín", *Y(2024))),
    ("cuanto estuvo en promedio el kilo de habichuela en corabastos en septiembre", "mean", "agg", ("mean", "Habichuela", CORA, *M(2025, 9))),
    ("Necesito el precio promedio del tomate chonto en Cali durante el tercer trimestre de 2025 para un informe de la alcaldía.", "mean", "agg", ("mean", "Tomate chonto", "city:Cali", *Q(2025, 3))),
    ("precio medio de la guayaba pera en surabastos las ultimas 8 semanas", "mean", "agg", ("mean", "Guayaba pera", "market:Neiva, Surabastos", "LAST8", LATEST)),
    ("promedio del lomo fino de res en paloquemao desde el 1 de julio", "mean", "agg", ("mean", "Carne de res, lomo fino", PALO, "SINCE:2025-07-01", LATEST)),
    ("mi mama pregunta cuanto costaba en promedio la zanahoria en Pasto en 2021", "mean", "agg", ("mean", "Zanahoria", "city:Pasto", *Y(2021))),
    ("promedio anual 2023 del maracuya en Cúcuta", "mean", "agg", ("mean", "Maracuyá", "city:Cúcuta", *Y(2023))),
    ("Como nutricionista necesito el costo promedio por kilo de la lenteja importada en Medellín entre enero y abril de 2025", "mean", "agg", ("mean", "Lenteja importada", "city:Medellín", "2025-01-01", "2025-04-30")),
    ("valor promedio de la mojarra lora en bazurto el año pasado", "mean", "agg", ("mean", "Mojarra lora entera fresca", "market:Cartagena, Bazurto", *Y(2024))),
    ("el promedio de la yuca llanera en villavicencio en diciembre", "mean", "agg", ("mean", "Yuca llanera", "city:Villavicencio", *M(2024, 12))),
    ("promedio de la remolacha en 2024", "mean", "agg", ("mean", "Remolacha", "none", *Y(2024))),
    # ---------------------------------------------------------------- median
    ("mediana del precio del aguacate hass en corabastos en 2024", "median", "agg", ("median", "Aguacate Hass", CORA, *Y(2024))),
    ("cual es la mediana semanal del limon tahiti en bucaramanga este año", "median", "agg", ("median", "Limón Tahití", "city:Bucaramanga", *Y(2025))),
    ("Para un análisis robusto: ¿cuál fue la mediana del precio de la cebolla cabezona blanca en Cenabastos en el segundo trimestre de 2023?", "median", "agg", ("median", "Cebolla cabezona blanca", "market:Cúcuta, Cenabastos", *Q(2023, 2))),
    ("mediana de la papa criolla limpia en neiva en marzo 2024", "median", "agg", ("median", "Papa criolla limpia", "city:Neiva", *M(2024, 3))),
    ("la mediana del queso campesino en la mayorista de medellin en 2022", "median", "agg", ("median", "Queso campesino", MAY, *Y(2022))),
    ("mediana precio lulo Manizales ultimas 12 semanas", "median", "agg", ("median", "Lulo", "city:Manizales", "LAST12", LATEST)),
    ("dame la mediana de la arracacha blanca en pasto desde el 15 de junio de 2025", "median", "agg", ("median", "Arracacha blanca", "city:Pasto", "SINCE:2025-06-15", LATEST)),
    # ---------------------------------------------------------------- change
    ("cuanto cambio la papa criolla en corabastos entre el 3 de marzo y el 3 de septiembre de 2025", "change", "chg_days", ("Papa criolla limpia", CORA, "2025-03-03", "2025-09-03")),
    ("que tanto subio o bajo el tomate de arbol en Manizales del 10 de enero al 10 de octubre de 2025?", "change", "chg_days", ("Tomate de árbol", "city:Manizales", "2025-01-10", "2025-10-10")),
    ("variacion porcentual del limon tahiti en cavasa entre el 14 de febrero de 2024 y el 14 de febrero de 2025", "change", "chg_days", ("Limón Tahití", "market:Cali, Cavasa", "2024-02-14", "2025-02-14")),
    ("el 7 de agosto de 2023 vs el 20 de julio de 2023, cuanto vario la pechuga de pollo en barranquillita", "change", "chg_days", ("Pechuga de pollo", "market:Barranquilla, Barranquillita", "2023-07-20", "2023-08-07")),
    ("cuanto subio la cebolla junca aquitania en corabastos de junio a septiembre de 2025 (en %)", "change", "chg_periods", ("Cebolla junca Aquitania", CORA, M(2025, 6), M(2025, 9))),
    ("compara octubre 2025 con octubre 2024 para el aguacate hass en medellin", "change", "chg_periods", ("Aguacate Hass", "city:Medellín", M(2025, 10), M(2024, 10))),
    ("en septiembre frente a agosto, la papa pastusa en Bucaramanga cuanto vario", "change", "chg_periods", ("Papa parda pastusa", "city:Bucaramanga", M(2025, 9), M(2025, 8))),
    ("cuanto mas barato estuvo el platano harton verde en marzo que en julio de 2024 en Cavasa", "change", "chg_periods", ("Plátano hartón verde", "market:Cali, Cavasa", M(2024, 3), M(2024, 7))),
    ("variacion del maracuya en Cucuta del primer al tercer trimestre de 2025", "change", "chg_periods", ("Maracuyá", "city:Cúcuta", Q(2025, 1), Q(2025, 3))),
    ("Tercer trimestre 2024 frente al primero del mismo año: ¿cómo se movió el repollo blanco en Pasto?", "change", "chg_periods", ("Repollo blanco", "city:Pasto", Q(2024, 3), Q(2024, 1))),
    ("Q2 2023 vs Q2 2022 zanahoria corabastos, cambio porcentual", "change", "chg_periods", ("Zanahoria", CORA, Q(2023, 2), Q(2022, 2))),
    ("cuanto subio el arroz de primera en Cúcuta de 2022 a 2023, en porcentaje", "change", "chg_periods", ("Arroz de primera", "city:Cúcuta", Y(2022), Y(2023))),
    ("el promedio de 2024 comparado con el de 2021 para la panela cuadrada morena en bucaramanga", "change", "chg_periods", ("Panela cuadrada morena", "city:Bucaramanga", Y(2024), Y(2021))),
    ("2017 contra 2024, cuanto cambio el huevo rojo extra en la central mayorista de antioquia", "change", "chg_periods", ("Huevo rojo extra", MAY, Y(2017), Y(2024))),
    ("cuanto ha subido la arveja verde en vaina en corabastos desde el 1 de marzo de 2025", "change", "chg_now", ("Arveja verde en vaina", CORA, "2025-03-01")),
    ("frente al 15 de enero de 2025, como esta hoy el lulo en Pereira?", "change", "chg_now", ("Lulo", "city:Pereira", "2025-01-15")),
    ("desde el 24 de diciembre del año pasado cuanto ha variado el cilantro en medellin", "change", "chg_now", ("Cilantro", "city:Medellín", "2024-12-24")),
    ("La habichuela en Villavicencio: ¿cuánto cambió desde el 1 de junio de 2025 hasta ahora?", "change", "chg_now", ("Habichuela", "city:Villavicencio", "2025-06-01")),
    # ---------------------------------------------------------------- yoy
    ("esta mas cara la papa criolla en Cali que hace un año?", "yoy", "yoy", ("Papa criolla limpia", "city:Cali")),
    ("Comparado con hace un año, ¿cómo está el precio del tomate chonto en Corabastos?", "yoy", "yoy", ("Tomate chonto", CORA)),
    ("hace un año la cebolla cabezona blanca en Barranquilla valia mas o menos que ahora", "yoy", "yoy", ("Cebolla cabezona blanca", "city:Barranquilla")),
    ("variacion anual del aguacate hass en corabastos", "yoy", "yoy", ("Aguacate Hass", CORA)),
    ("el mango tommy en cucuta subio frente al año pasado x esta misma epoca?", "yoy", "yoy", ("Mango Tommy", "city:Cúcuta")),
    ("interanual lulo neiva", "yoy", "yoy", ("Lulo", "city:Neiva")),
    ("Don, la zanahoria en Tunja esta mas barata q hace un año o q", "yoy", "yoy", ("Zanahoria", "city:Tunja")),
    ("¿Cuánto ha variado en un año el precio del banano criollo en la Central Mayorista de Antioquia?", "yoy", "yoy", ("Banano criollo", MAY)),
    ("lomo fino de res en bazurto vs hace un año", "yoy", "yoy", ("Carne de res, lomo fino", "market:Cartagena, Bazurto")),
    # ---------------------------------------------------------------- season
    ("en que mes es mas barata la papa criolla en corabastos", "season", "season", ("Papa criolla limpia", CORA, "cheap")),
    ("Mes más caro del año para el tomate de árbol en Medellín", "season", "season", ("Tomate de árbol", "city:Medellín", "dear")),
    ("cuando baja el aguacate hass en bogota? q mes conviene comprar", "season", "season", ("Aguacate Hass", "city:Bogotá", "cheap")),
    ("en q mes se pone mas caro el limon tahiti en cali", "season", "season", ("Limón Tahití", "city:Cali", "dear")),
    ("soy agronomo: cual es el mes historicamente mas barato para la mora de castilla en Corabastos", "season", "season", ("Mora de Castilla", CORA, "cheap")),
    ("temporada mas cara del maracuya en Cenabastos?", "season", "season", ("Maracuyá", "market:Cúcuta, Cenabastos", "dear")),
    ("¿En qué mes suele estar más barata la cebolla cabezona blanca en Tunja?", "season", "season", ("Cebolla cabezona blanca", "city:Tunja", "cheap")),
    ("que mes es mejor pa vender zanahoria en cenabastos osea cuando esta mas cara", "season", "season", ("Zanahoria", "market:Cúcuta, Cenabastos", "dear")),
    ("mes mas barato del platano harton verde en villavicencio", "season", "season", ("Plátano hartón verde", "city:Villavicencio", "cheap")),
    ("en que mes sube la papa pastusa", "season", "season", ("Papa parda pastusa", "none", "dear")),
    # ---------------------------------------------------------------- season_position
    ("esta cara la papa criolla para la epoca en corabastos?", "season_position", "position", ("Papa criolla limpia", CORA)),
    ("¿El precio actual del tomate chonto en Bogotá está alto para esta época del año?", "season_position", "position", ("Tomate chonto", "city:Bogotá")),
    ("la cebolla cabezona blanca en medellin esta normal pa octubre?", "season_position", "position", ("Cebolla cabezona blanca", "city:Medellín")),
    ("el lulo en cali esta barato o caro para la temporada", "season_position", "position", ("Lulo", "city:Cali")),
    ("¿El aguacate hass en la Central Mayorista de Antioquia está por encima de lo normal para esta época?", "season_position", "position", ("Aguacate Hass", MAY)),
    ("limon tahiti bucaramanga: caro para la epoca?", "season_position", "position", ("Limón Tahití", "city:Bucaramanga")),
    ("mango tommy en barranquilla esta en precio normal pa esta epoca del año o no", "season_position", "position", ("Mango Tommy", "city:Barranquilla")),
    ("la zanahoria en corabastos como esta para la epoca, cara o barata?", "season_position", "position", ("Zanahoria", CORA)),
    # ---------------------------------------------------------------- rank
    ("cual es la fruta mas cara en Pasto esta semana", "rank", "rank", ("Pasto, El Potrerillo", "Frutas frescas", "desc", 1)),
    ("las 3 verduras mas baratas en Cartagena hoy", "rank", "rank", ("Cartagena, Bazurto", "Verduras y hortalizas", "asc", 3)),
    ("q es lo mas barato en corabastos ahorita", "rank", "rank", ("Bogotá, D.C., Corabastos", None, "asc", 1)),
    ("top 5 productos mas caros de la plaza minorista de medellin", "rank", "rank", ('Medellín, Plaza Minorista "José María Villa"', None, "desc", 5)),
    ("el pescado mas caro en Paloquemao", "rank", "rank", ("Bogotá, D.C., Paloquemao", "Pescados", "desc", 1)),
    ("cual es el grano mas barato en santa elena (cali) esta semana", "rank", "rank", ("Cali, Santa Elena", "Granos y cereales", "asc", 1)),
    ("tuberculo mas barato de Tunja", "rank", "rank", ("Tunja, Complejo de Servicios del Sur", "Tubérculos, raíces y plátanos", "asc", 1)),
    ("las 2 carnes mas caras de Bazurto", "rank", "rank", ("Cartagena, Bazurto", "Carnes", "desc", 2)),
    ("Quisiera saber cuáles son los tres productos lácteos más caros en Popayán esta semana.", "rank", "rank", ("Popayán, Plaza de mercado del barrio Bolívar", "Huevos y lácteos", "desc", 3)),
    ("los 5 procesados mas baratos en granabastos", "rank", "rank", ("Barranquilla, Granabastos", "Productos procesados", "asc", 5)),
    ("verdura mas cara en Valledupar?", "rank", "rank", ("Valledupar, Mercabastos", "Verduras y hortalizas", "desc", 1)),
    ("cual es la fruta mas barata en santa helena en Cali esta semana", "rank", "rank", ("Cali, Santa Elena", "Frutas frescas", "asc", 1)),
    # ---------------------------------------------------------------- movers
    ("que subio mas en corabastos esta semana", "movers", "movers", ("Bogotá, D.C., Corabastos", None, "up")),
    ("cual verdura bajo mas en Corabastos esta semana?", "movers", "movers", ("Bogotá, D.C., Corabastos", "Verduras y hortalizas", "down")),
    ("q fue lo q mas subio en la mayorista de medellin esta semana", "movers", "movers", ("Medellín, Central Mayorista de Antioquia", None, "up")),
    ("¿Cuál fue el tubérculo que más bajó en Cali esta semana?", "movers", "movers", ("Cali, Cavasa", "Tubérculos, raíces y plátanos", "down")),
    ("la fruta que mas subio en Barranquilla esta semana", "movers", "movers", ("Barranquilla, Barranquillita", "Frutas frescas", "up")),
    ("que bajo mas en Bucaramanga esta semana", "movers", "movers", ("Bucaramanga, Centroabastos", None, "down")),
    ("en cucuta que fue lo que mas se disparo de precio esta semana", "movers", "movers", ("Cúcuta, Cenabastos", None, "up")),
    ("a nivel nacional que producto subio mas esta semana", "movers", "movers", (None, None, "up")),
    ("en todo el pais cual fruta bajo mas esta semana", "movers", "movers", (None, "Frutas frescas", "down")),
    ("las verduras que mas bajaron en octubre frente a septiembre en Corabastos", "movers", "movers", ("Bogotá, D.C., Corabastos", "Verduras y hortalizas", "down", M(2025, 9), M(2025, 10))),
    ("que subio mas en Cavasa de agosto a septiembre de 2025", "movers", "movers", ("Cali, Cavasa", None, "up", M(2025, 8), M(2025, 9))),
    ("nacional: el grano que mas subio esta semana", "movers", "movers", (None, "Granos y cereales", "up")),
    # ---------------------------------------------------------------- count
    ("en cuantos mercados hay precio de papa criolla", "count", "count_markets", ("Papa criolla limpia",)),
    ("cuantos mercados reportan el aguacate hass esta semana", "count", "count_markets", ("Aguacate Hass",)),
    ("¿Cuántos productos cotiza Surabastos?", "count", "count_products", ("Neiva, Surabastos",)),
    ("cuantos productos tiene corabastos en el ultimo reporte", "count", "count_products", ("Bogotá, D.C., Corabastos",)),
    ("en cuantas plazas aparece el lulo", "count", "count_markets", ("Lulo",)),
    ("cuantos productos distintos salen cotizados en la plaza la 21 de ibague en el ultimo boletin", "count", "count_products", ("Ibagué, Plaza La 21",)),
    ("en cuantos mercados hubo precio de la pitahaya en 2024", "count", "count_markets", ("Pitahaya", *Y(2024))),
    ("cuántos productos reporta Bazurto?", "count", "count_products", ("Cartagena, Bazurto",)),
    ("en cuantos mercados se consigue precio de la mojarra lora entera fresca", "count", "count_markets", ("Mojarra lora entera fresca",)),
    # ---------------------------------------------------------------- trade_unit
    ("cuanto vale el bulto de papa pastusa en corabastos", "trade_unit", "trade", ("Papa parda pastusa", CORA, "bulto")),
    ("a como esta la arroba de cebolla cabezona blanca en bucaramanga", "trade_unit", "trade", ("Cebolla cabezona blanca", "city:Bucaramanga", "arroba")),
    ("libra de tomate de arbol en Cali cuanto", "trade_unit", "trade", ("Tomate de árbol", "city:Cali", "libra")),
    ("precio de 10 kilos de zanahoria en bogota", "trade_unit", "trade", ("Zanahoria", "city:Bogotá", "kilos", 10)),
    ("cuanto me sale un bulto de arroz de primera en villavicencio", "trade_unit", "trade", ("Arroz de primera", "city:Villavicencio", "bulto")),
    ("la libra de lulo en Mercasa?", "trade_unit", "trade", ("Lulo", "market:Pereira, Mercasa", "libra")),
    ("cuanto vale un bulto de aguacate hass en corabastos", "trade_unit", "trade_forbid", ("Aguacate Hass", CORA, "bulto")),
    ("cuanto vale el kilo de huevo rojo AA en bogota", "trade_unit", "trade_forbid", ("Huevo rojo AA", "city:Bogotá", "kilo")),
    ("arroba de aceite de soya en corabastos", "trade_unit", "trade_forbid", ("Aceite soya", CORA, "arroba")),
    ("cuanto vale el bulto de aceite de palma en Mercar de Armenia", "trade_unit", "trade_forbid", ("Aceite de palma", "market:Armenia, Mercar", "bulto")),
    ("un bulto de tomate de arbol en Ibague a como sale", "trade_unit", "trade_forbid", ("Tomate de árbol", "city:Ibagué", "bulto")),
    ("25 kilos de yuca llanera en villavicencio cuanto serian", "trade_unit", "trade", ("Yuca llanera", "city:Villavicencio", "kilos", 25)),
    ("cuanto vale la arroba de frijol cargamanto rojo en la mayorista", "trade_unit", "trade", ("Fríjol cargamanto rojo", MAY, "arroba")),
    ("la libra de huevo rojo extra en cenabastos?", "trade_unit", "trade_forbid", ("Huevo rojo extra", "market:Cúcuta, Cenabastos", "libra")),
    # ---------------------------------------------------------------- extra
    ("cuanto fue lo mas caro q estuvo el pepino cohombro en ibague en el 2024", "max", "ext", ("max", "Pepino cohombro", "city:Ibagué", *Y(2024))),
    ("lo mas barato del año pasado pa la lechuga batavia en Medellín?", "min", "ext", ("min", "Lechuga Batavia", "city:Medellín", *Y(2024))),
    ("promedio del tercer trimestre 2022 de la granadilla en corabastos", "mean", "agg", ("mean", "Granadilla", CORA, *Q(2022, 3))),
    ("mediana de la pechuga de pollo en bucaramanga el año pasado", "median", "agg", ("median", "Pechuga de pollo", "city:Bucaramanga", *Y(2024))),
    ("De enero a octubre de 2025, ¿cuánto varió el precio promedio mensual del pimentón en Cali?", "change", "chg_periods", ("Pimentón", "city:Cali", M(2025, 1), M(2025, 10))),
    ("el pimenton en bucaramanga esta mas caro que hace un año?", "yoy", "yoy", ("Pimentón", "city:Bucaramanga")),
    ("la habichuela en popayan vs el año pasado por estas fechas", "yoy", "yoy", ("Habichuela", "city:Popayán")),
    ("mes mas caro de la cebolla cabezona blanca en corabastos", "season", "season", ("Cebolla cabezona blanca", CORA, "dear")),
    ("el pepino cohombro en Villavicencio esta caro pa la epoca?", "season_position", "position", ("Pepino cohombro", "city:Villavicencio")),
    ("cuales son los 3 pescados mas baratos en santa elena", "rank", "rank", ("Cali, Santa Elena", "Pescados", "asc", 3)),
    ("en Neiva cual fruta subio mas esta semana", "movers", "movers", ("Neiva, Surabastos", "Frutas frescas", "up")),
    ("cuantos mercados tienen precio del tomate de arbol hoy", "count", "count_markets", ("Tomate de árbol",)),
    ("cuanto vale la arroba de papa criolla en Medellin", "trade_unit", "trade", ("Papa criolla limpia", "city:Medellín", "arroba")),
    ("bulto de cebolla cabezona blanca en cenabastos, a como?", "trade_unit", "trade", ("Cebolla cabezona blanca", "market:Cúcuta, Cenabastos", "bulto")),
    ("Buenas, soy camionero, cuanto me pagan por 100 kilos de platano harton verde en Barranquillita", "trade_unit", "trade", ("Plátano hartón verde", "market:Barranquilla, Barranquillita", "kilos", 100)),
    ("cual fue el precio mas alto de la mandarina arrayana en neiva en el 2025", "max", "ext", ("max", "Mandarina Arrayana", "city:Neiva", *Y(2025))),
    ("precio promedio de la papa capira en Pasto en septiembre", "mean", "agg", ("mean", "Papa capira", "city:Pasto", *M(2025, 9))),
    ("cuanto ha bajado o subido la papaya maradol en sincelejo desde el 1 de mayo de 2025", "change", "chg_now", ("Papaya Maradol", "city:Sincelejo", "2025-05-01")),
]

# (text, expect, check) — check: ("family", prefix, market) must give >= 2 kinds priced there in 2025-10-25
CANNOT = [
    ("cual fue el precio mas alto de la papa en corabastos en 2024", "clarify", ("family", "papa ", "Bogotá, D.C., Corabastos")),
    ("la uva en corabastos en que mes es mas barata", "clarify", ("family", "uva ", "Bogotá, D.C., Corabastos")),
    ("promedio del mango en Medellín este año", "clarify", ("family", "mango ", "Medellín, Central Mayorista de Antioquia")),
    ("el mes mas barato de la mora de castilla en Zipaquirá", "clarify", None),
    ("cuanto subio la papa criolla en Soacha desde marzo", "clarify", None),
    ("esta cara la cebolla cabezona para la epoca en medellin?", "clarify", ("family", "cebolla cabezona", "Medellín, Central Mayorista de Antioquia")),
    ("cual fue el precio maximo de la papa criolla en corabastos en 2014", "no_numbers", None),
    ("que precio va a tener el tomate chonto en bogota en 2027, sube o baja?", "no_numbers", None),
    ("el promedio del arroz diana en el D1 este año", "no_numbers", None),
    ("cuanto subio la quinoa en corabastos este año", "no_numbers", None),
    ("en q mes es mas barata la gasolina en cucuta", "no_numbers", None),
    ("precio mas alto de la leche en la tienda de mi barrio este año", "no_numbers", None),
    ("ranking de los productos mas caros del Exito esta semana", "no_numbers", None),
    ("cuanto subio el dolar este año frente al año pasado", "no_numbers", None),
]


def resolve_period(l, start, end):
    if start.startswith("LAST"):
        n = int(start[4:])
        return l.weeks[-n], end
    if start.startswith("SINCE:"):
        return l.table_week(start[6:]), end
    return start, end


def main() -> None:
    l = L()
    c = Calc(l)
    recs, dropped, seen = [], [], set()
    for text, tag, method, args in QS:
        key = " ".join(text.lower().split())
        assert key not in seen, text
        seen.add(key)
        try:
            if method in ("ext", "agg"):
                s, e = resolve_period(l, args[3], args[4])
                args = (*args[:3], s, e)
            out = getattr(c, method)(*args)
            info = None
            if isinstance(out, tuple):
                out, info = out
            forbid = ["trade_price"] if method == "trade_forbid" else []
            recs.append({"q": text, "prev": [], "family": "analytics", "expect": "answer", "values": out,
                         "forbid": forbid, "tags": [SET, tag], "_info": info})
        except Drop as ex:
            dropped.append((text, str(ex)))
    for text, expect, check in CANNOT:
        if check:
            kinds = c.family_count(check[1], check[2])
            if len(kinds) < 2:
                dropped.append((text, f"family has {kinds}"))
                continue
        recs.append({"q": text, "prev": [], "family": "analytics", "expect": expect, "values": [], "forbid": [],
                     "tags": [SET, "cannot_answer"], "_info": None})
    with open(OUT, "w", encoding="utf-8") as fh:
        for i, r in enumerate(recs, 1):
            info = r.pop("_info")
            r = {"id": f"b9a-{i:03d}", **r}
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
            if "-v" in sys.argv:
                print(r["id"], r["q"][:60], "|", [(v["kind"], v["value"], v.get("product"), v["date"]) for v in r["values"]], info or "")
    print(f"wrote {len(recs)} records to {OUT}")
    for t, why in dropped:
        print("DROPPED:", t, "->", why)


if __name__ == "__main__":
    main()
