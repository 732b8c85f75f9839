"""Blind set `blind11-analytics`: 150 analytical questions for SIPSABot with expected values computed from the raw
weekly CSV (../shared/sipsa/series/semanal_precios_2017-2025.csv.gz) following tests/questions/LABELS.md.

    nice -n 19 /work/main/.venv/bin/python /work/blind/analytics11/label_analytics11.py [--check]

Names are mapped to canonical product/market names with tools/label_questions.py's `Data` class (its `MAIN` list
gives each city's main market). Output: /work/blind/analytics11/analytics11.jsonl (deterministic).
`--check` also prints, for every question, the margins that make its label unambiguous (ties, runner-ups, ...).
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from a11lib import GROUP, MAIN_OF, TODAY, UNIT, Lab  # noqa: E402

OUT = HERE / "analytics11.jsonl"
SET = "blind11-analytics"

CORA = "Bogotá, D.C., Corabastos"
PALO = "Bogotá, D.C., Paloquemao"
MAYO = "Medellín, Central Mayorista de Antioquia"
MINO = "Medellín, Plaza Minorista \"José María Villa\""
CAVA = "Cali, Cavasa"
SELE = "Cali, Santa Elena"
BQLL = "Barranquilla, Barranquillita"
GRAN = "Barranquilla, Granabastos"
CENT = "Bucaramanga, Centroabastos"
CENA = "Cúcuta, Cenabastos"
MERC = "Pereira, Mercasa"
MERCAR = "Armenia, Mercar"
SURA = "Neiva, Surabastos"
POTR = "Pasto, El Potrerillo"
CAV = "Villavicencio, CAV"
TUNJA = "Tunja, Complejo de Servicios del Sur"
BAZU = "Cartagena, Bazurto"
MONT = "Montería, Mercado del Sur"
SINC = "Sincelejo, Nuevo Mercado"
POPA = "Popayán, Plaza de mercado del barrio Bolívar"
IBAG = "Ibagué, Plaza La 21"
MANI = "Manizales, Centro Galerías"
VALL = "Valledupar, Mercabastos"

VERD, FRUT, TUBE, GRAN_G = "Verduras y hortalizas", "Frutas frescas", "Tubérculos, raíces y plátanos", "Granos y cereales"
LACT, CARN, PESC, PROC = "Huevos y lácteos", "Carnes", "Pescados", "Productos procesados"


# ---- periods ------------------------------------------------------------------------------------------------------
def Y(y: int) -> tuple[str, str]:
    return f"{y}-01-01", f"{y}-12-31"


def Q(y: int, q: int) -> tuple[str, str]:
    start = dt.date(y, 3 * q - 2, 1)
    end = dt.date(y + (q == 4), (3 * q) % 12 + 1, 1) - dt.timedelta(days=1)
    return start.isoformat(), end.isoformat()


def M(y: int, m: int) -> tuple[str, str]:
    start = dt.date(y, m, 1)
    end = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
    return start.isoformat(), end.isoformat()


def R(a: str, b: str) -> tuple[str, str]:
    return a, b


YTD = Y(2025)  # "en lo que va del año" / "este año": the weeks starting in 2025 (the newest is 2025-10-25)
ALL = ("2016-01-01", "2026-12-31")  # no period on a statistic: the whole series


def ago_months(n: int) -> str:
    y, m = divmod(TODAY.year * 12 + TODAY.month - 1 - n, 12)
    return dt.date(y, m + 1, TODAY.day).isoformat()


def ago_days(n: int) -> str:
    return (TODAY - dt.timedelta(days=n)).isoformat()


# ---- the questions -------------------------------------------------------------------------------------------------
# where: "m:<market>" a market named, "c:<city>" a city named (its main market), None: no place named.
QS: list[dict[str, Any]] = [
    # ============ max (the week of the highest weekly price) ============
    dict(stat="max", q="¿Cuál ha sido el precio más alto de la papa criolla en Corabastos en lo que va del año?",
         p="Papa criolla limpia", where=f"m:{CORA}", per=YTD),
    dict(stat="max", q="precio maximo del tomate de arbol en medellin en 2023", p="Tomate de árbol",
         where="c:Medellín", per=Y(2023)),
    dict(stat="max", q="buenas tardes, en que semana estuvo mas cara la cebolla cabezona blanca en Bucaramanga el "
                       "año pasado?", p="Cebolla cabezona blanca", where="c:Bucaramanga", per=Y(2024)),
    dict(stat="max", q="Cuál fue el pico de precio del limón Tahití en Cali durante 2022?", p="Limón Tahití",
         where="c:Cali", per=Y(2022)),
    dict(stat="max", q="cual es el precio mas alto que ha tenido la guayaba pera en corabastos? el historico",
         p="Guayaba pera", where=f"m:{CORA}", per=ALL),
    dict(stat="max", q="Necesito el precio máximo de la arveja verde en vaina en Tunja entre marzo y junio de 2024, "
                       "con la fecha", p="Arveja verde en vaina", where="c:Tunja", per=R("2024-03-01", "2024-06-30")),
    dict(stat="max", q="max aguacate hass corabastos segundo trimestre 2025", p="Aguacate Hass", where=f"m:{CORA}",
         per=Q(2025, 2)),
    dict(stat="max", q="Quisiera saber cuándo estuvo más caro el plátano hartón verde en Villavicencio en el 2021",
         p="Plátano hartón verde", where="c:Villavicencio", per=Y(2021)),
    dict(stat="max", q="¿y en Medellín?", prev=["¿cuál fue el precio más alto del pepino cohombro en Corabastos en "
                                                 "2024?"], p="Pepino cohombro", where="c:Medellín", per=Y(2024)),
    # ============ min ============
    dict(stat="min", q="¿Cuál fue el precio más bajo de la zanahoria en Cenabastos este año?", p="Zanahoria",
         where=f"m:{CENA}", per=YTD),
    dict(stat="min", q="precio minimo de la papa pastusa en corabastos en 2023", p="Papa parda pastusa",
         where=f"m:{CORA}", per=Y(2023)),
    dict(stat="min", q="cuando estuvo mas barato el lulo en Pereira en el primer semestre del 2024?", p="Lulo",
         where="c:Pereira", per=R("2024-01-01", "2024-06-30")),
    dict(stat="min", q="el mínimo histórico del tomate chonto en Corabastos, ¿cuánto fue y en qué semana?",
         p="Tomate chonto", where=f"m:{CORA}", per=ALL),
    dict(stat="min", q="Semana más barata de la fresa en Armenia en 2022", p="Fresa", where="c:Armenia",
         per=Y(2022)),
    dict(stat="min", q="cual fue el precio mas bajo de la naranja valencia en la Mayorista en el tercer trimestre de "
                       "2025", p="Naranja Valencia", where=f"m:{MAYO}", per=Q(2025, 3)),
    dict(stat="min", q="que tan barata llego a estar la yuca criolla en barranquilla el año pasado", p="Yuca criolla",
         where="c:Barranquilla", per=Y(2024)),
    dict(stat="min", q="Buen día. ¿Cuál fue el precio mínimo del pimentón en Bazurto entre julio y septiembre de "
                       "2025?", p="Pimentón", where=f"m:{BAZU}", per=R("2025-07-01", "2025-09-30")),
    dict(stat="min", q="y el minimo?", prev=["cual fue el precio mas alto de la habichuela en Manizales en 2017"],
         p="Habichuela", where="c:Manizales", per=Y(2017)),
    # ============ mean ============
    dict(stat="mean", q="¿Cuánto promedió el kilo de cebolla junca en la Mayorista en 2024?", p="Cebolla junca",
         where=f"m:{MAYO}", per=Y(2024)),
    dict(stat="mean", q="precio promedio del limon comun en cucuta en el primer trimestre de 2025", p="Limón común",
         where="c:Cúcuta", per=Q(2025, 1)),
    dict(stat="mean", q="en promedio a cuánto ha estado la granadilla en Corabastos en lo que va del año?",
         p="Granadilla", where=f"m:{CORA}", per=YTD),
    dict(stat="mean", q="promedio de las últimas 8 semanas del aguacate papelillo en Popayán", p="Aguacate papelillo",
         where="c:Popayán", per="last8"),
    dict(stat="mean", q="Hola, me podrías decir el precio promedio de la mora de castilla en Centroabastos en "
                        "septiembre?", p="Mora de Castilla", where=f"m:{CENT}", per=M(2025, 9)),
    dict(stat="mean", q="cual fue el promedio del banano criollo en Cali en 2023", p="Banano criollo",
         where="c:Cali", per=Y(2023)),
    dict(stat="mean", q="promedio de precio de la pechuga de pollo en Barranquillita entre abril y junio de 2025",
         p="Pechuga de pollo", where=f"m:{BQLL}", per=R("2025-04-01", "2025-06-30")),
    dict(stat="mean", q="Para un informe: precio medio de la papa criolla limpia en Corabastos entre junio de 2018 y junio "
                        "de 2021", p="Papa criolla limpia", where=f"m:{CORA}", per=R("2018-06-01", "2021-06-30")),
    dict(stat="mean", q="promedio del precio de la carne de res lomo fino en cartagena durante el 2022",
         p="Carne de res, lomo fino", where="c:Cartagena", per=Y(2022)),
    # ============ median ============
    dict(stat="median", q="mediana del precio de la papa unica en Cenabastos en 2024", p="Papa única",
         where=f"m:{CENA}", per=Y(2024)),
    dict(stat="median", q="¿Cuál es la mediana del tomate de árbol en Ibagué este año?", p="Tomate de árbol",
         where="c:Ibagué", per=YTD),
    dict(stat="median", q="mediana semanal de la lechuga batavia en Sincelejo en el segundo semestre de 2023",
         p="Lechuga Batavia", where="c:Sincelejo", per=R("2023-07-01", "2023-12-31")),
    dict(stat="median", q="calcula la mediana del maracuyá en Corabastos durante 2021 porfa", p="Maracuyá",
         where=f"m:{CORA}", per=Y(2021)),
    dict(stat="median", q="mediana del ajo importado en Barranquilla en las ultimas 12 semanas", p="Ajo importado",
         where="c:Barranquilla", per="last12"),
    dict(stat="median", q="Qué mediana tuvo el queso campesino en Villavicencio el año pasado?",
         p="Queso campesino", where="c:Villavicencio", per=Y(2024)),
    # ============ change between two weeks / days ============
    dict(stat="change_weeks", q="¿Cuánto cambió la papa criolla en Corabastos entre el 4 de enero y el 4 de octubre "
                                "de 2025?", p="Papa criolla limpia", where=f"m:{CORA}",
         days=("2025-01-04", "2025-10-04")),
    dict(stat="change_weeks", q="variacion del tomate chonto en cenabastos entre el 7 de junio y el 6 de septiembre "
                                "de este año", p="Tomate chonto", where=f"m:{CENA}",
         days=("2025-06-07", "2025-09-06")),
    dict(stat="change_weeks", q="cuanto subio o bajo el aguacate hass en medellin del 15/03/2025 al 15/09/2025",
         p="Aguacate Hass", where="c:Medellín", days=("2025-03-15", "2025-09-15")),
    dict(stat="change_weeks", q="Variación porcentual de la cebolla cabezona blanca en Corabastos entre el 1 de julio "
                                "de 2023 y el 1 de julio de 2024", p="Cebolla cabezona blanca", where=f"m:{CORA}",
         days=("2023-07-01", "2024-07-01")),
    dict(stat="change_weeks", q="como cambio el limon tahiti en bucaramanga entre el 10 de mayo y el 20 de agosto "
                                "2025", p="Limón Tahití", where="c:Bucaramanga", days=("2025-05-10", "2025-08-20")),
    dict(stat="change_weeks", q="De hace un mes a la semana pasada, ¿cuánto varió la habichuela en Pereira?",
         p="Habichuela", where="c:Pereira", days=(ago_months(1), ago_days(7))),
    dict(stat="change_weeks", q="diferencia en % del platano harton verde en Armenia entre el 12 de abril y el 18 de "
                                "octubre de 2025", p="Plátano hartón verde", where="c:Armenia",
         days=("2025-04-12", "2025-10-18")),
    dict(stat="change_weeks", q="Cuánto varió la papa pastusa en Corabastos del 10 de marzo de 2018 al 10 de marzo de "
                                "2022?", p="Papa parda pastusa", where=f"m:{CORA}",
         days=("2018-03-10", "2022-03-10")),
    dict(stat="change_weeks", q="mora de castilla en la mayorista: cuanto cambio entre el 2 de agosto de 2024 y el 2 "
                                "de agosto de 2025", p="Mora de Castilla", where=f"m:{MAYO}",
         days=("2024-08-02", "2025-08-02")),
    # ============ change between two periods (means) ============
    dict(stat="change_periods", q="¿Cuánto varió el precio promedio de la papa criolla limpia en Corabastos de 2023 a 2024?",
         p="Papa criolla limpia", where=f"m:{CORA}", pers=(Y(2023), Y(2024))),
    dict(stat="change_periods", q="compara septiembre contra agosto para el tomate de arbol en medellin, cuanto cambio "
                                  "el promedio?", p="Tomate de árbol", where="c:Medellín",
         pers=(M(2025, 8), M(2025, 9))),
    dict(stat="change_periods", q="Cuánto subió la cebolla cabezona blanca en Corabastos del primer al segundo "
                                  "trimestre de 2025?", p="Cebolla cabezona blanca", where=f"m:{CORA}",
         pers=(Q(2025, 1), Q(2025, 2))),
    dict(stat="change_periods", q="varaicion del presio medio del lulo en neiva entre 2022 y 2024", p="Lulo",
         where="c:Neiva", pers=(Y(2022), Y(2024))),
    dict(stat="change_periods", q="El mango tommy en Barranquilla estuvo más caro en julio o en junio de 2025? en "
                                  "qué porcentaje cambió", p="Mango Tommy", where="c:Barranquilla",
         pers=(M(2025, 6), M(2025, 7))),
    dict(stat="change_periods", q="cuánto cambió el promedio anual de la arveja verde en vaina en Corabastos entre "
                                  "2017 y 2024", p="Arveja verde en vaina", where=f"m:{CORA}",
         pers=(Y(2017), Y(2024))),
    dict(stat="change_periods", q="diferencia porcentual entre octubre de 2024 y octubre de 2025 del aguacate "
                                  "papelillo en Pereira", p="Aguacate papelillo", where="c:Pereira",
         pers=(M(2024, 10), M(2025, 10))),
    dict(stat="change_periods", q="Variación de la guayaba pera en Cali entre el tercer trimestre de 2024 y el tercer "
                                  "trimestre de 2025", p="Guayaba pera", where="c:Cali",
         pers=(Q(2024, 3), Q(2025, 3))),
    dict(stat="change_periods", q="arroz de primera en villavicencio: cuanto cambio el promedio de 2021 frente a lo "
                                  "que va de 2025?", p="Arroz de primera", where="c:Villavicencio",
         pers=(Y(2021), YTD)),
    # ============ from a date to now ============
    dict(stat="change_since", q="cuanto a subido la papa pastusa en corabastos desde el 1 de marzo??",
         p="Papa parda pastusa", where=f"m:{CORA}", day="2025-03-01"),
    dict(stat="change_since", q="desde el 1 de febrero cuanto ha variado el tomate chonto en bogota",
         p="Tomate chonto", where="c:Bogotá", day="2025-02-01"),
    dict(stat="change_since", q="¿Cuánto ha cambiado el limón Tahití en Medellín frente al 15 de julio?",
         p="Limón Tahití", where="c:Medellín", day="2025-07-15"),
    dict(stat="change_since", q="variacion de la mora de castilla en bucaramanga desde hace un mes",
         p="Mora de Castilla", where="c:Bucaramanga", day=ago_months(1)),
    dict(stat="change_since", q="Cuánto ha bajado o subido la habichuela en Cenabastos desde hace tres meses?",
         p="Habichuela", where=f"m:{CENA}", day=ago_months(3)),
    dict(stat="change_since", q="desde el 20 de diciembre de 2024 como ha cambiado la zanahoria en corabastos?",
         p="Zanahoria", where=f"m:{CORA}", day="2024-12-20"),
    dict(stat="change_since", q="La papaya maradol en Cali, ¿cuánto ha variado desde el 1 de enero de 2024?",
         p="Papaya Maradol", where="c:Cali", day="2024-01-01"),
    dict(stat="change_since", q="frente a la semana del 6 de septiembre, el maracuyá en Pereira está más caro o más "
                                "barato? cuanto %", p="Maracuyá", where="c:Pereira", day="2025-09-06"),
    dict(stat="change_since", q="cuanto ha subido la papa criolla limpia en tunja desde el 3 de mayo",
         p="Papa criolla limpia", where="c:Tunja", day="2025-05-03"),
    # ============ year over year ============
    dict(stat="yoy", q="¿La papa criolla está más cara que hace un año?", p="Papa criolla limpia", where=None),
    dict(stat="yoy", q="¿y frente a hace un año?", prev=["a como esta el tomate chonto en cenabastos"],
         p="Tomate chonto", where=f"m:{CENA}"),
    dict(stat="yoy", q="Comparado con el año pasado por esta época, ¿cómo está el limón Tahití en Bucaramanga?",
         p="Limón Tahití", where="c:Bucaramanga"),
    dict(stat="yoy", q="el aguacate hass en medellin esta mas caro o mas barato que hace un año?",
         p="Aguacate Hass", where="c:Medellín"),
    dict(stat="yoy", q="Mora de castilla en Manizales: ¿más cara o más barata que hace 12 meses?",
         p="Mora de Castilla", where="c:Manizales"),
    dict(stat="yoy", q="variación anual de la cebolla cabezona blanca en Corabastos", p="Cebolla cabezona blanca",
         where=f"m:{CORA}"),
    dict(stat="yoy", q="¿El limón Tahití en Neiva está más caro o más barato que hace un año?",
         p="Limón Tahití", where="c:Neiva"),
    dict(stat="yoy", q="la zanahoria en villavicencio subio o bajo frente a hace un año", p="Zanahoria",
         where="c:Villavicencio"),
    dict(stat="yoy", q="Buenas! el mango tommy en Montería cómo está frente a hace un año?",
         p="Mango Tommy", where="c:Montería"),
    # ============ season ============
    dict(stat="season", q="¿En qué mes suele estar más barata la papa criolla?", p="Papa criolla limpia",
         where=None, which="min"),
    dict(stat="season", q="en que mes baja la mora de castilla en medellin", p="Mora de Castilla",
         where="c:Medellín", which="min"),
    dict(stat="season", q="¿Cuál es el mes más caro del limón Tahití en Cali?", p="Limón Tahití", where="c:Cali",
         which="max"),
    dict(stat="season", q="Soy cultivador de habichuela en Caldas. ¿En qué mes suele estar más barata en "
                          "Manizales?", p="Habichuela", where="c:Manizales", which="min"),
    dict(stat="season", q="mes en que sube mas la guayaba pera en corabastos", p="Guayaba pera", where=f"m:{CORA}",
         which="max"),
    dict(stat="season", q="cual es el mes mas barato para comprar curuba en Tunja", p="Curuba", where="c:Tunja",
         which="min"),
    dict(stat="season", q="¿En qué mes se pone más caro el pimentón en Cartagena?", p="Pimentón",
         where="c:Cartagena", which="max"),
    dict(stat="season", q="q mes es el mas caro pa la zanahoria en cucuta", p="Zanahoria", where="c:Cúcuta",
         which="max"),
    dict(stat="season", q="En Montería, ¿cuál es el mes más barato del pepino cohombro?", p="Pepino cohombro",
         where="c:Montería", which="min"),
    # ============ is it dear for the season? ============
    dict(stat="position", q="¿La papa pastusa está cara para la época en Corabastos?", p="Papa parda pastusa",
         where=f"m:{CORA}"),
    dict(stat="position", q="esta cara la guayaba pera para esta epoca del año en bogota?", p="Guayaba pera",
         where="c:Bogotá"),
    dict(stat="position", q="El tomate chonto en Corabastos, ¿está caro o barato para la temporada?",
         p="Tomate chonto", where=f"m:{CORA}"),
    dict(stat="position", q="¿el limón tahití está barato para la época en Bucaramanga?", p="Limón Tahití",
         where="c:Bucaramanga"),
    dict(stat="position", q="la granadilla en corabastos esta cara comparada con otros octubres?", p="Granadilla",
         where=f"m:{CORA}"),
    dict(stat="position", q="Para la época, ¿cómo está de precio la naranja valencia en la Mayorista de Medellín?",
         p="Naranja Valencia", where=f"m:{MAYO}"),
    dict(stat="position", q="y esta cara pa la epoca?", prev=["cuanto vale la curuba en tunja"], p="Curuba",
         where="c:Tunja"),
    dict(stat="position", q="¿Está barato el brócoli en Manizales para lo que suele valer en esta temporada?",
         p="Brócoli", where="c:Manizales"),
    dict(stat="position", q="el pimenton en bazurto esta caro para la epoca?", p="Pimentón", where=f"m:{BAZU}"),
    # ============ rankings of products ============
    dict(stat="ranking", q="¿Cuál es la fruta más cara hoy en Corabastos?", where=f"m:{CORA}", group=FRUT,
         order="desc", n=1),
    dict(stat="ranking", q="la verdura mas barata en la mayorista de medellin esta semana", where=f"m:{MAYO}",
         group=VERD, order="asc", n=1),
    dict(stat="ranking", q="Dame los 3 productos más caros de Cenabastos", where=f"m:{CENA}", group=None,
         order="desc", n=3),
    dict(stat="ranking", q="qué tubérculo está más barato en Tunja?", where="c:Tunja", group=TUBE, order="asc",
         n=1),
    dict(stat="ranking", q="cual es el grano mas caro en Barranquillita", where=f"m:{BQLL}", group=GRAN_G,
         order="desc", n=1),
    dict(stat="ranking", q="El pescado más barato de Montería cuál es?", where="c:Montería",
         group=PESC, order="asc", n=1),
    dict(stat="ranking", q="las 3 frutas mas baratas de surabastos", where=f"m:{SURA}", group=FRUT, order="asc",
         n=3),
    dict(stat="ranking", q="¿Cuál fue la verdura más cara en Corabastos la semana del 4 de octubre?",
         where=f"m:{CORA}", group=VERD, order="desc", n=1, day="2025-10-04"),
    dict(stat="ranking", q="que lacteo esta mas caro en villavicencio", where="c:Villavicencio", group=LACT,
         order="desc", n=1),
    dict(stat="ranking", q="Cuál es el producto más barato de todo Mercar en Armenia?", where=f"m:{MERCAR}", group=None,
         order="asc", n=1),
    # ============ movers ============
    dict(stat="movers", q="¿Qué producto subió más esta semana en Corabastos?", where=f"m:{CORA}", group=None,
         dir="up", cmp="week"),
    dict(stat="movers", q="¿y cuál bajó más?", prev=["¿qué producto subió más esta semana en Cenabastos?"],
         where=f"m:{CENA}", group=None, dir="down", cmp="week"),
    dict(stat="movers", q="mayores alzas de la semana a nivel nacional", where=None, group=None, dir="up",
         cmp="week"),
    dict(stat="movers", q="¿Cuál fue la fruta que más bajó de precio esta semana en el país?", where=None,
         group=FRUT, dir="down", cmp="week"),
    dict(stat="movers", q="Las verduras que más subieron en la Mayorista en septiembre frente a agosto",
         where=f"m:{MAYO}", group=VERD, dir="up", cmp=(M(2025, 8), M(2025, 9))),
    dict(stat="movers", q="a nivel nacional que tuberculo bajo mas en octubre comparado con septiembre",
         where=None, group=TUBE, dir="down", cmp=(M(2025, 9), M(2025, 10))),
    dict(stat="movers", q="¿Qué producto bajó más en Centroabastos entre el 27 de septiembre y el 25 de octubre?",
         where=f"m:{CENT}", group=None, dir="down", cmp=("w", "2025-09-27", "2025-10-25")),
    dict(stat="movers", q="que fruta se disparo mas en Pereira esta semana", where="c:Pereira", group=FRUT,
         dir="up", cmp="week"),
    dict(stat="movers", q="En todo el país, ¿qué producto bajó más en 2025 frente a 2024?", where=None, group=None,
         dir="down", cmp=(Y(2024), YTD)),
    dict(stat="movers", q="en santa elena de cali que subio mas esta semana", where=f"m:{SELE}", group=None,
         dir="up", cmp="week"),
    dict(stat="movers", q="Los granos que más subieron en Corabastos en el tercer trimestre frente al segundo de "
                          "2025", where=f"m:{CORA}", group=GRAN_G, dir="up", cmp=(Q(2025, 2), Q(2025, 3))),
    dict(stat="movers", q="qué verdura bajó más esta semana en Barranquillita?", where=f"m:{BQLL}", group=VERD,
         dir="down", cmp="week"),
    # ============ counts ============
    dict(stat="count", q="¿En cuántos mercados hay precio de la papa criolla limpia?", p="Papa criolla limpia",
         what="markets"),
    dict(stat="count", q="cuantos mercados reportan tomate de arbol esta semana", p="Tomate de árbol",
         what="markets"),
    dict(stat="count", q="En cuántas centrales mayoristas se cotiza el aguacate Hass?", p="Aguacate Hass",
         what="markets"),
    dict(stat="count", q="en cuantos mercados hubo precio de la gulupa en septiembre de 2025", p="Gulupa",
         what="markets", per=M(2025, 9)),
    dict(stat="count", q="¿Cuántos productos cotiza Corabastos?", where=f"m:{CORA}", what="products"),
    dict(stat="count", q="cuantos productos tiene surabastos esta semana", where=f"m:{SURA}", what="products"),
    dict(stat="count", q="Número de productos con precio en El Potrerillo de Pasto", where=f"m:{POTR}",
         what="products"),
    dict(stat="count", q="¿En cuántos mercados se reporta el bocachico importado congelado?",
         p="Bocachico importado congelado", what="markets"),
    # ============ trade units ============
    dict(stat="trade_unit", q="¿Cuánto vale la libra de papa criolla en Corabastos?", p="Papa criolla limpia",
         where=f"m:{CORA}", unit="libra"),
    dict(stat="trade_unit", q="a como sale la libra de tomate de arbol en medellin", p="Tomate de árbol",
         where="c:Medellín", unit="libra"),
    dict(stat="trade_unit", q="libra de queso costeño en barranquilla cuanto", p="Queso costeño",
         where="c:Barranquilla", unit="libra"),
    dict(stat="trade_unit", q="y la arroba cuanto sale?", prev=["precio de la papa pastusa en Corabastos"],
         p="Papa parda pastusa", where=f"m:{CORA}", unit="arroba"),
    dict(stat="trade_unit", q="precio de la arroba de yuca llanera en villavicencio", p="Yuca llanera",
         where="c:Villavicencio", unit="arroba"),
    dict(stat="trade_unit", q="la arroba de arveja verde en vaina en Tunja a cómo está?", p="Arveja verde en vaina",
         where="c:Tunja", unit="arroba"),
    dict(stat="trade_unit", q="¿A cómo está el bulto de cebolla cabezona blanca en Bucaramanga?",
         p="Cebolla cabezona blanca", where="c:Bucaramanga", unit="bulto"),
    dict(stat="trade_unit", q="cuanto vale un bulto de zanahoria en cenabastos", p="Zanahoria", where=f"m:{CENA}",
         unit="bulto"),
    dict(stat="trade_unit", q="Precio del bulto de arroz de primera en Villavicencio", p="Arroz de primera",
         where="c:Villavicencio", unit="bulto"),
    dict(stat="trade_unit", q="cuanto me cuestan 20 kilos de limon tahiti en cali", p="Limón Tahití",
         where="c:Cali", unit="kilos", kg=20),
    dict(stat="trade_unit", q="Necesito 5 kilos de lulo en Pereira, ¿cuánto sería?", p="Lulo", where="c:Pereira",
         unit="kilos", kg=5),
    dict(stat="trade_unit", q="¿Cuánto vale un bulto de mango Tommy en Corabastos?", p="Mango Tommy",
         where=f"m:{CORA}", unit="bulto_other"),
    dict(stat="trade_unit", q="a como esta el bulto de naranja valencia en medellin", p="Naranja Valencia",
         where="c:Medellín", unit="bulto_other"),
    dict(stat="trade_unit", q="cuánto vale el kilo de huevo rojo AA en Corabastos?", p="Huevo rojo AA",
         where=f"m:{CORA}", unit="own"),
    dict(stat="trade_unit", q="Cuánto sale la arroba de aceite vegetal mezcla en la Mayorista?",
         p="Aceite vegetal mezcla", where=f"m:{MAYO}", unit="own"),
    # ============ clarify: ambiguous family word / unknown place ============
    dict(stat="max", expect="clarify", q="¿Cuál fue el precio más alto de la papa en Corabastos este año?",
         family_word=("papa", CORA)),
    dict(stat="season", expect="clarify", q="en que mes esta mas barata la cebolla en corabastos",
         family_word=("cebolla", CORA)),
    dict(stat="change_since", expect="clarify", q="cuanto ha subido el frijol en la mayorista desde el 1 de marzo",
         family_word=("fríjol", MAYO)),
    dict(stat="mean", expect="clarify", q="Precio promedio de la manzana en Cúcuta en 2024",
         family_word=("manzana", CENA)),
    dict(stat="trade_unit", expect="clarify", q="cuanto vale la libra de queso en villavicencio",
         family_word=("queso", CAV)),
    dict(stat="max", expect="clarify", q="¿Cuál fue el precio máximo del tomate chonto en Riohacha en 2024?"),
    dict(stat="yoy", expect="clarify", q="variación anual del plátano hartón verde en Quibdó"),
    dict(stat="count", expect="clarify", q="cuántos productos cotiza la plaza de mercado de Leticia"),
    # ============ no numbers: retail, years out of range, untracked foods ============
    dict(stat="max", expect="no_numbers", q="cual fue el precio mas alto de la papa criolla en el D1 este año"),
    dict(stat="mean", expect="no_numbers", q="Promedio del tomate chonto en la tienda de mi barrio en octubre"),
    dict(stat="change_periods", expect="no_numbers",
         q="¿Cuánto subió al detal la carne de res lomo fino en Medellín en 2025 frente a 2024?"),
    dict(stat="mean", expect="no_numbers", q="precio promedio de la papa pastusa en Corabastos en 2014"),
    dict(stat="max", expect="no_numbers", q="cual va a ser el precio mas alto del limon tahiti en 2027"),
    dict(stat="change_periods", expect="no_numbers",
         q="Variación del aguacate hass en Corabastos entre 2012 y 2015"),
    dict(stat="season", expect="no_numbers", q="¿En qué mes está más barata la quinua en Corabastos?"),
    dict(stat="change_since", expect="no_numbers", q="cuanto ha subido el chontaduro en Cali desde el 1 de marzo"),
    dict(stat="trade_unit", expect="no_numbers", q="a como esta la libra de champiñones en paloquemao"),
    dict(stat="trade_unit", expect="no_numbers", q="En el Éxito cuánto vale la arroba de papa criolla?"),
]


# ---- labelling -----------------------------------------------------------------------------------------------------
def v(kind: str, value: float, market: str | None = None, date: str | None = None, **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": kind, "value": round(float(value), 4) if kind not in {"count", "month", "years",
                                                                                          "position"} else int(value),
                           "market": market, "date": date}
    out.update({k: x for k, x in extra.items() if x is not None})
    return out


def pct(new: float, old: float) -> float:
    return (new / old - 1) * 100


class Labeller:
    def __init__(self, check: bool = False) -> None:
        import os
        if os.environ.get("A11_PICKLE"):  # development shortcut only
            import pickle
            self.L = pickle.load(open(os.environ["A11_PICKLE"], "rb"))
        else:
            self.L = Lab()
        self.check = check
        self.notes: list[str] = []

    def note(self, text: str) -> None:
        self.notes.append(text)

    def place(self, where: str | None, p: str | None, per: tuple[str, str] | None = None) -> str:
        L = self.L
        if where is None:
            m = L.default(p)
            self.note(f"default market -> {m}")
            return m
        if where.startswith("m:"):
            return where[2:]
        city = where[2:]
        main = MAIN_OF[city]
        if p is None:
            return main
        m = L.city(city, p)
        # our questions only use cities whose main market prices the product now (and in the period asked)
        assert m == main, (city, p, m)
        assert L.s(p, m).index[-1] == L.latest, ("main market not priced now", city, p)
        if per is not None:
            assert len(L.window(p, m, *per)), ("main market has no week in period", city, p, per)
        return m

    def period(self, per: Any) -> tuple[str, str]:
        if isinstance(per, str) and per.startswith("last"):
            n = int(per[4:])
            return self.L.weeks[-n], self.L.latest
        return per

    def label(self, item: dict[str, Any]) -> tuple[list[dict[str, Any]], list[str]]:
        L = self.L
        stat = item["stat"]
        p = item.get("p")
        if stat in {"max", "min", "mean", "median"}:
            per = self.period(item["per"])
            m = self.place(item.get("where"), p, per)
            w = L.window(p, m, *per)
            self.note(f"{len(w)} weeks {w.index[0]}..{w.index[-1]}")
            if stat in {"max", "min"}:
                e = L.extreme(p, m, *per, stat)
                rest = w[w != e["value"]]
                runner = rest.max() if stat == "max" else rest.min()
                self.note(f"{stat}={e['value']:.2f} at {e['dates']} runner-up={runner:.2f}")
                return [v(stat, e["value"], m, e["date"], product=None,
                          dates=e["dates"] if len(e["dates"]) > 1 else None)], []
            val = L.mean(p, m, *per) if stat == "mean" else L.median(p, m, *per)
            return [v(stat, val, m)], []
        if stat == "change_weeks":
            m = self.place(item.get("where"), p)
            out = []
            for day in item["days"]:
                wk = L.week_holding(day)
                found = L.price_near(p, m, wk)
                assert found, (p, m, day)
                if found[0] != wk:
                    self.note(f"day {day}: week {wk} unpriced -> earlier {found[0]}")
                else:
                    self.note(f"day {day} -> week {wk}")
                out.append(found)
            (w1, p1), (w2, p2) = out
            return [v("price", p1, m, w1), v("price", p2, m, w2), v("change_pct", pct(p2, p1), m)], []
        if stat == "change_periods":
            (a, b) = item["pers"]
            m = self.place(item.get("where"), p, a)
            if item.get("where", "").startswith("c:"):
                assert len(L.window(p, m, *b))
            m1, m2 = L.mean(p, m, *a), L.mean(p, m, *b)
            self.note(f"weeks {len(L.window(p, m, *a))} / {len(L.window(p, m, *b))}")
            return [v("change_pct", pct(m2, m1), m), v("price", m1, m), v("price", m2, m)], []
        if stat == "change_since":
            m = self.place(item.get("where"), p)
            wk = L.week_holding(item["day"])
            found = L.price_near(p, m, wk)
            assert found and found[0] == wk, (p, m, wk, found)
            s = L.s(p, m)
            nw, nv = s.index[-1], float(s.iloc[-1])
            self.note(f"day {item['day']} -> week {wk}; newest {nw}")
            return [v("price", found[1], m, wk), v("price", nv, m, nw), v("change_pct", pct(nv, found[1]), m)], []
        if stat == "yoy":
            m = self.place(item.get("where"), p)
            nw, nv, ow, ov = L.yoy(p, m)
            self.note(f"newest {nw} vs {ow}")
            return [v("price", nv, m, nw), v("price", ov, m, ow), v("change_pct", pct(nv, ov), m)], []
        if stat == "season":
            m = self.place(item.get("where"), p)
            idx, years = L.season(p, m)
            o = idx.sort_values(kind="stable")
            if item["which"] == "max":
                o = o[::-1]
            self.note(f"month {o.index[0]} ({o.iloc[0]:.4f}) runner-up {o.index[1]} ({o.iloc[1]:.4f}); "
                      f"years={years}; months={len(idx)}")
            return [v("month", o.index[0], m), v("years", years, m)], []
        if stat == "position":
            m = self.place(item.get("where"), p)
            w, val, pos, lo, hi = L.position(p, m)
            self.note(f"newest {w} {val:.2f}; same-month range {lo:.2f}..{hi:.2f} -> {pos}")
            return [v("price", val, m, w), v("position", pos, m)], []
        if stat == "ranking":
            m = self.place(item.get("where"), None)
            week = L.week_holding(item["day"]) if item.get("day") else L.latest
            r = L.ranking(m, item["group"], week)
            r2 = L.ranking(m, item["group"], week, csv_group=True) if item["group"] else r
            if item["order"] == "desc":
                r = r.sort_values(["price", "product"], ascending=[False, True], kind="stable")
                r2 = r2.sort_values(["price", "product"], ascending=[False, True], kind="stable")
            r = r.reset_index(drop=True)
            r2 = r2.reset_index(drop=True)
            n = item["n"]
            assert list(r["product"][:n]) == list(r2["product"][:n]), "group spellings disagree"
            self.note(f"week {week}; {len(r)} products; top: " + "; ".join(
                f"{a} {b:.2f}" for a, b in zip(r["product"][:n + 2], r["price"][:n + 2])))
            return [v("price", r["price"][i], m, week, product=r["product"][i]) for i in range(n)], []
        if stat == "movers":
            m = self.place(item.get("where"), None) if item.get("where") else None
            cmp = item["cmp"]
            if cmp == "week":
                p1, p2 = (L.previous, L.previous), (L.latest, L.latest)
            elif cmp[0] == "w":
                p1, p2 = (cmp[1], cmp[1]), (cmp[2], cmp[2])
            else:
                p1, p2 = cmp
            t = L.movers(m, item["group"], p1, p2)
            t2 = L.movers(m, item["group"], p1, p2, csv_group=True) if item["group"] else t
            if item["dir"] == "up":
                t, t2 = t[::-1], t2[::-1]
            assert t.index[0] == t2.index[0], "group spellings disagree"
            self.note(f"{p1}->{p2}; {len(t)} products; top: " + "; ".join(
                f"{a} {b:+.2f}%" for a, b in zip(t.index[:3], t["chg"][:3])))
            return [v("change_pct", t["chg"].iloc[0], m, product=t.index[0])], []
        if stat == "count":
            if item["what"] == "markets":
                per = item.get("per") or (L.latest, L.latest)
                n, extra = L.count_markets(p, *per)
                assert not extra, ("conflicted rows", p, extra)
                self.note(f"{p}: {n} markets in {per}")
                return [v("count", n)], []
            m = self.place(item["where"], None)
            n, extra = L.count_products(m)
            assert not extra, ("conflicted rows", m, extra)
            self.note(f"{m}: {n} products")
            return [v("count", n, m)], []
        if stat == "trade_unit":
            m = self.place(item.get("where"), p)
            s = L.s(p, m)
            w, val = s.index[-1], float(s.iloc[-1])
            assert w == L.latest
            unit = item["unit"]
            bulto_ok = p.startswith(("Papa", "Cebolla cabezona", "Zanahoria", "Yuca", "Arracacha", "Arroz", "Fríjol",
                                     "Maíz", "Lenteja", "Garbanzo", "Arveja seca", "Azúcar"))
            if unit == "own":
                assert UNIT[p] in {"unidad", "litro"}
                self.note(f"unit {UNIT[p]}")
                return [v("price", val, m, w)], ["trade_price"]
            assert UNIT[p] == "kg"
            if unit == "bulto_other":
                assert not bulto_ok
                return [v("price", val, m, w)], ["trade_price"]
            if unit == "bulto":
                assert bulto_ok
            kg = {"libra": 0.5, "arroba": 12.5, "bulto": 50}.get(unit) or item["kg"]
            return [v("price", val, m, w), v("trade_price", val * kg, m, w, unit=unit)], []
        raise ValueError(stat)

    def check_family(self, word: str, market: str) -> None:
        from label_questions import fold
        L = self.L
        now = L.df[(L.df["market"] == market) & (L.df["week"] == L.latest)]
        kinds = sorted(p for p in set(now["product"]) if fold(p).split()[0] == fold(word))
        assert len(kinds) >= 2, (word, market, kinds)
        self.note(f"'{word}' in {market}: {kinds}")

    def build(self) -> list[dict[str, Any]]:
        out = []
        for i, item in enumerate(QS, 1):
            self.notes = []
            expect = item.get("expect", "answer")
            values: list[dict[str, Any]] = []
            forbid: list[str] = []
            try:
                if expect == "answer":
                    values, forbid = self.label(item)
                elif item.get("family_word"):
                    self.check_family(*item["family_word"])
            except Exception as exc:  # noqa: BLE001
                if not self.check:
                    raise
                print(f"!!! b11a-{i:03d} FAILED: {exc!r}")
            tags = [SET, item["stat"]]
            if expect != "answer":
                tags.append(expect)
            if item.get("prev"):
                tags.append("followup")
            rec = {"id": f"b11a-{i:03d}", "q": item["q"], "prev": item.get("prev", []), "family": "analytics",
                   "expect": expect, "values": values, "forbid": forbid, "tags": tags}
            out.append(rec)
            if self.check:
                print(f"{rec['id']} [{item['stat']}/{expect}] {item['q']}")
                for val in values:
                    print("     ", json.dumps(val, ensure_ascii=False))
                for n in self.notes:
                    print("      ·", n)
        return out


def main() -> None:
    check = "--check" in sys.argv
    lab = Labeller(check)
    records = lab.build()
    if not check:
        assert len(records) == 150, len(records)
    assert len({r["q"] for r in records}) == len(records)
    with open(OUT, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    from collections import Counter
    print(len(records), "questions ->", OUT)
    print("by stat (all):", dict(Counter(r["tags"][1] for r in records)))
    print("by stat (answer):", dict(Counter(r["tags"][1] for r in records if r["expect"] == "answer")))
    print("by expect:", dict(Counter(r["expect"] for r in records)))
    print("follow-ups:", sum(bool(r["prev"]) for r in records))


if __name__ == "__main__":
    main()
