"""Blind held-out ANALYTICAL question set "blind7-analytics" for SIPSABot -> analytics7.jsonl

    .venv/bin/python tools/labellers/label_blind7_analytics.py

Written by a QA engineer who did NOT read the bot's router, handlers, models, its tests, its labellers under
tools/labellers/ or any other question set. Sources read: tests/questions/LABELS.md (the contract),
tools/label_questions.py (reused only for its `fold`/`name_table` helpers and the MAIN city->market list),
data/vocab/products.csv and markets.csv (canonical names) and the raw table
/work/shared/sipsa/series/semanal_precios_2017-2025.csv.gz. Every expected value is computed here with pandas
(blind7_analytics_engine.py) from that CSV; nothing is typed in by hand.

Pinned TODAY = 2025-11-03 (Monday); newest week of the table = 2025-10-25.

Rules followed (LABELS.md):
- place: a market named -> that market; a city -> its MAIN market (tools/label_questions.py). Santa Marta is not
  in MAIN, so it is "the city's market with the newest price" = Santa Marta (Magdalena).
- periods: month/quarter/year = weeks whose semana_inicio falls in it; a month without a year = its most recent
  occurrence before TODAY (octubre = 2025-10, septiembre = 2025-09 ...); "este año" = 2025, "el año pasado" =
  2024; "las últimas N semanas" = the N newest weeks of the whole table; "desde <día>" = from the week holding
  that day to the newest week; no period on a statistic = the whole history of the series.
- max/min carry the most recent week with that value (`dates` lists all tied weeks, given only when >1).
- change between two days: week holding each day (closest earlier priced week <= 4 weeks back); two `price`
  with `date` + `change_pct`. Between two months/quarters/years: `change_pct` of the period means only (the
  means are optional in LABELS.md, so they are not required). From a day to now: week holding the day vs the
  series' newest week. change_pct always = later period / earlier period - 1, whatever order the question
  names them in ("octubre frente a septiembre", "en 2023 que en 2022", "comparado con agosto ... septiembre").
- year over year: newest week vs the week 364 days before (else nearest priced week within +-14 d, earlier on a
  tie). Season: LABELS.md index method, values `month` + `years`. "¿Está cara para la época?": newest price vs
  the same calendar month's means in earlier years -> `position`.
- rankings: products priced per kg (products.csv unit) in that market in the newest week, group from the CSV
  `grupo` column, ties by name. Movers: % change per product, newest week vs the week before, or two month
  means; nationally = mean over markets priced in both weeks.
- counts: from every mapped row (markets pricing X in the newest week / in the period asked; products a market
  prices in the newest week). Trade units: libra 0.5, arroba 12.5, bulto 50 only for the LABELS.md bulto list,
  "N kilos" = N kg; bulto of another food, and eggs (unidad) / oils (litro) per weight -> the own-unit `price`
  and forbid `trade_price`.
- retail/shop prices, years before 2017 or after the data, production/area/harvest -> no_numbers. A family
  word ("papa", "cebolla") where several kinds are priced, a place that is no SIPSA market/city, and a period
  that cannot be read -> clarify.

Interpretations where LABELS.md is silent, handled by AVOIDING the case (items are dropped automatically by
engine.Skip and the drops are printed; the report lists them):
- a city question is only kept when the city's MAIN market has the product in the period asked (no fallback
  to another market of the city, whose exact reading for a past period is not specified);
- every question measured against "now" (yoy, season position, change to now, trade units, rankings,
  movers "esta semana") uses only series priced in the newest week 2025-10-25;
- (product, market, week) rows with conflicting duplicates (Data drops them) are never used: such series,
  and rankings/movers/counts in a market-week holding one, are dropped;
- rankings are kept only when the top-N list is the same with the CSV `grupo` column and with products.csv's
  group, and no tie (±0.5 COP) falls at or above the cut; movers only when the top product is the same with
  either group source and with or without non-kg products (LABELS.md says "per kg" only for rankings), the
  top two differ by >= 0.3 points, and the move has the asked sign; national movers between two MONTHS are not
  asked (LABELS.md defines the national mean for weeks only);
- season answers are kept only when the best month's index beats the second by >= 0.005; season position only
  when the newest price is > 1% away from both ends of the usual range;
- a "range" is written as whole months ("de marzo a junio de 2025" = weeks starting 2025-03-01..2025-06-30) or
  as "desde <día>"; no semesters, no "noviembre" without a year (the current month), no 2016 (one week), no
  2019/2020 (the hole), no two-day ranges;
- items dropped while writing (engine.Skip) and replaced by another product/market: city main market lacking the
  product in the period (Pasto papa criolla limpia, Popayán tomate chonto / fríjol verde en vaina / arveja verde
  en vaina, Tunja papa parda pastusa, Montería papaya maradol and guanábana, Bucaramanga tomate chonto, Santa
  Marta guayaba pera); Santa Marta cilantro (no price near 2025-08-02); Chiquinquirá curuba season (best two
  months within 0.005); rankings with a tie at the cut (top 5 carnes Cenabastos and Montería, 4 tubérculos
  Mercar) or a top list that changes with products.csv's group (3 tubérculos Cenabastos: Arracacha amarilla is
  "Frutas frescas" there); exact names that also prefix another product priced in the same market (plátano
  hartón verde / ...ecuatoriano in Villavicencio, pimentón / pimentón verde in Bucaramanga, tomate chonto /
  ...regional in Cavasa). The final run drops nothing;
- product words are written so that only one product priced in that market matches (the script warns
  otherwise); "maracuyá" is not used in Neiva (Maracuyá huilense), "papa criolla" not in Cali (limpia/sucia).

First run (`sipsabot eval --tag blind7-analytics --verbose`, once, at commit f0eafad, after the fixes from the
blind6 sets and blind7-lookup and before any fix from this one): 94.8% exact (164/173), 1.2% confidently wrong
(2/173). Confident errors: "max precio … últimas 12 semanas" (the abbreviation "max" not read, so the change
over the window was given) and "precio de ahora contra el de hace un año" (read as a price of a year ago alone).
Safe misses: "¿a cuánto llegó como máximo?" read as supply ("cuánto llegó"), seasonal questions with a seller's
wording ("¿en qué mes se paga mejor?", "se pone cara", "quiero sembrar…", "planear la cosecha"), "mayor alza de la
semana", "qué grano o cereal subió más", and "comparado con agosto, ¿cómo estuvo en septiembre?". No label was
changed after the run.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from blind7_analytics_engine import Engine, Skip, fold  # noqa: E402

OUT = Path(__file__).resolve().parents[2] / "tests" / "questions" / "blind" / "blind7-analytics.jsonl"
SET = "blind7-analytics"

CAV, SEL = "Cali, Cavasa", "Cali, Santa Elena"
BQ, GRA = "Barranquilla, Barranquillita", "Barranquilla, Granabastos"
CEN, CUC = "Bucaramanga, Centroabastos", "Cúcuta, Cenabastos"
MER, ARM, MAN = "Pereira, Mercasa", "Armenia, Mercar", "Manizales, Centro Galerías"
IBA, NEI, PAS = "Ibagué, Plaza La 21", "Neiva, Surabastos", "Pasto, El Potrerillo"
VIL, TUN = "Villavicencio, CAV", "Tunja, Complejo de Servicios del Sur"
VAL, MON, CTG = "Valledupar, Mercabastos", "Montería, Mercado del Sur", "Cartagena, Bazurto"
SIN, POP = "Sincelejo, Nuevo Mercado", "Popayán, Plaza de mercado del barrio Bolívar"
TUL, PAL, CAR = "Tuluá (Valle del Cauca)", "Palmira (Valle del Cauca)", "Cartago (Valle del Cauca)"
PAM, DUI, FLO = "Pamplona (Norte de Santander)", "Duitama (Boyacá), Mercaplaza", "Florencia (Caquetá)"
SGIL, YOP, CHI = "San Gil (Santander)", "Yopal (Casanare)", "Chiquinquirá (Boyacá)"
FRU, VER, TUB, GRA_ = "Frutas frescas", "Verduras y hortalizas", "Tubérculos, raíces y plátanos", "Granos y cereales"
CAR_, PES, PRO, HUE = "Carnes", "Pescados", "Productos procesados", "Huevos y lácteos"


def m(x):
    return "m:" + x


def c(x):
    return "c:" + x


Y = lambda y: ("year", y)  # noqa: E731
M = lambda y, mo: ("month", y, mo)  # noqa: E731
QT = lambda y, q: ("quarter", y, q)  # noqa: E731
ALL = ("all",)

# (question, stat tag, spec)
Q: list[tuple[str, str, dict]] = [
    # ------------------------------------------------------------------ max
    ("¿Cuál fue el precio más alto del lulo en Cavasa durante 2024?", "max",
     dict(k="max", p="Lulo", at=m(CAV), per=Y(2024))),
    ("oiga y la mora de castilla en pasto cuando estuvo mas cara este año", "max",
     dict(k="max", p="Mora de Castilla", at=c("Pasto"), per=Y(2025))),
    ("pico maximo del maracuya en Centroabastos en el primer trimestre de 2023", "max",
     dict(k="max", p="Maracuyá", at=m(CEN), per=QT(2023, 1), say="maracuya")),
    ("soy periodista de datos: ¿cuál ha sido el precio récord de la papa única en Cenabastos en toda la serie?",
     "max", dict(k="max", p="Papa única", at=m(CUC), per=ALL)),
    ("el tomate chonto en ibague cual fue su valor maximo en julio de 2025", "max",
     dict(k="max", p="Tomate chonto", at=c("Ibagué"), per=M(2025, 7))),
    ("Precio máximo semanal de la cebolla cabezona blanca en Mercar desde el 1 de enero de 2024", "max",
     dict(k="max", p="Cebolla cabezona blanca", at=m(ARM), per=("since", "2024-01-01"))),
    ("cuanto fue lo mas caro que se vendio el kilo de queso costeño en Barranquillita en 2022", "max",
     dict(k="max", p="Queso costeño", at=m(BQ), per=Y(2022))),
    ("max precio aguacate papelillo neiva ultimas 12 semanas", "max",
     dict(k="max", p="Aguacate papelillo", at=c("Neiva"), per=("lastn", 12))),
    ("La yuca llanera en Villavicencio, ¿a cuánto llegó como máximo en el tercer trimestre de 2024?",
     "max", dict(k="max", p="Yuca llanera", at=c("Villavicencio"), per=QT(2024, 3))),
    ("Hola, soy estudiante de economía. Necesito el valor más alto que registró la pechuga de pollo en Montería "
     "en 2018.", "max", dict(k="max", p="Pechuga de pollo", at=c("Montería"), per=Y(2018))),
    ("cuando fue q la granadilla estuvo mas cara en tulua de marzo a junio de 2025", "max",
     dict(k="max", p="Granadilla", at=m(TUL), per=("months", (2025, 3), (2025, 6)))),
    ("precio más alto de la curuba en Tunja en octubre", "max",
     dict(k="max", p="Curuba", at=c("Tunja"), per=M(2025, 10))),
    ("en Pamplona hasta donde llego el precio del ajo en 2023, el maximo digo", "max",
     dict(k="max", p="Ajo", at=m(PAM), per=Y(2023), say="ajo")),
    ("Pico de precio de la fresa en la plaza de Duitama durante el segundo trimestre de 2022", "max",
     dict(k="max", p="Fresa", at=m(DUI), per=QT(2022, 2))),
    # ------------------------------------------------------------------ min
    ("¿Cuál fue el precio más bajo de la naranja Valencia en Mercasa en 2023?", "min",
     dict(k="min", p="Naranja Valencia", at=m(MER), per=Y(2023))),
    ("cual fue el minimo de la papa criolla limpia en Surabastos este año", "min",
     dict(k="min", p="Papa criolla limpia", at=m(NEI), per=Y(2025))),
    ("en que semana estuvo mas barato el limón tahití en Pereira en 2024", "min",
     dict(k="min", p="Limón Tahití", at=c("Pereira"), per=Y(2024))),
    ("Trabajo en un restaurante en Popayán, ¿cuál fue el precio mínimo del cilantro en la plaza del barrio "
     "Bolívar en el segundo trimestre de 2025?", "min", dict(k="min", p="Cilantro", at=m(POP), per=QT(2025, 2))),
    ("lo mas barato q ha estado la piña gold en Armenia desde que hay datos", "min",
     dict(k="min", p="Piña gold", at=c("Armenia"), per=ALL)),
    ("minimo historico habichuela cucuta", "min", dict(k="min", p="Habichuela", at=c("Cúcuta"), per=ALL)),
    ("El banano criollo en Manizales, ¿cuál fue su piso de precio en septiembre?", "min",
     dict(k="min", p="Banano criollo", at=c("Manizales"), per=M(2025, 9))),
    ("precio minimo de la tilapia roja entera fresca en Neiva en 2022", "min",
     dict(k="min", p="Tilapia roja entera fresca", at=c("Neiva"), per=Y(2022))),
    ("el arroz de primera en Cartagena, el precio más bajo del 2024?", "min",
     dict(k="min", p="Arroz de primera", at=c("Cartagena"), per=Y(2024))),
    ("en el potrerillo cual fue el valor minimo del lulo en las ultimas 8 semanas", "min",
     dict(k="min", p="Lulo", at=m(PAS), per=("lastn", 8))),
    ("minimo del repollo blanco en Palmira de enero a abril de 2023", "min",
     dict(k="min", p="Repollo blanco", at=m(PAL), per=("months", (2023, 1), (2023, 4)))),
    ("en Santa Marta, ¿cuál fue el precio más bajo del tomate de árbol en 2025?", "min",
     dict(k="min", p="Tomate de árbol", at=c("Santa Marta"), per=Y(2025))),
    ("¿a cuánto bajó como mínimo el fríjol cargamanto rojo en la galería de Manizales en 2021?", "min",
     dict(k="min", p="Fríjol cargamanto rojo", at=m(MAN), per=Y(2021))),
    # ------------------------------------------------------------------ mean
    ("precio promedio del tomate de árbol en Cavasa en 2023", "mean",
     dict(k="mean", p="Tomate de árbol", at=m(CAV), per=Y(2023))),
    ("promedio de la mora de castilla en Pamplona el primer trimestre de este año", "mean",
     dict(k="mean", p="Mora de Castilla", at=m(PAM), per=QT(2025, 1))),
    ("cuanto promedió el kilo de pepino cohombro en Bucaramanga en agosto de 2025", "mean",
     dict(k="mean", p="Pepino cohombro", at=c("Bucaramanga"), per=M(2025, 8))),
    ("media anual 2022 del aguacate papelillo en Ibagué", "mean",
     dict(k="mean", p="Aguacate papelillo", at=c("Ibagué"), per=Y(2022))),
    ("Como comprador de un restaurante en Neiva quiero saber el precio medio de la cebolla junca aquitania en "
     "Surabastos durante el último trimestre de 2024", "mean",
     dict(k="mean", p="Cebolla junca Aquitania", at=m(NEI), per=QT(2024, 4))),
    ("cual fue el promedio de la arveja verde en vaina en tunja en las ultimas 4 semanas", "mean",
     dict(k="mean", p="Arveja verde en vaina", at=c("Tunja"), per=("lastn", 4))),
    ("precio promedio de la carne de res bola de pierna en Villavicencio 2023", "mean",
     dict(k="mean", p="Carne de res, bola de pierna", at=c("Villavicencio"), per=Y(2023),
          say="carne de res bola de pierna")),
    ("valor medio del lulo en Florencia desde el 1 de julio de 2025", "mean",
     dict(k="mean", p="Lulo", at=m(FLO), per=("since", "2025-07-01"))),
    ("cuanto estuvo en promedio la panela cuadrada morena en Cenabastos el año pasado", "mean",
     dict(k="mean", p="Panela cuadrada morena", at=m(CUC), per=Y(2024))),
    ("precio promedio del ñame diamante en Montería en marzo de 2022", "mean",
     dict(k="mean", p="Ñame diamante", at=c("Montería"), per=M(2022, 3))),
    ("promedio 2017 del maracuyá en Santa Elena, Cali", "mean",
     dict(k="mean", p="Maracuyá", at=m(SEL), per=Y(2017))),
    ("dame la media de precios del queso campesino en Armenia en el 2do trimestre del 2025", "mean",
     dict(k="mean", p="Queso campesino", at=c("Armenia"), per=QT(2025, 2))),
    ("promedio de la harina precocida de maiz en el nuevo mercado de sincelejo en 2023", "mean",
     dict(k="mean", p="Harina precocida de maíz", at=m(SIN), per=Y(2023), say="harina precocida de maiz")),
    # ------------------------------------------------------------------ median
    ("mediana del precio de la guanábana en Cavasa en 2024", "median",
     dict(k="median", p="Guanábana", at=m(CAV), per=Y(2024))),
    ("¿cuál es la mediana del limón común en Ibagué en 2023?", "median",
     dict(k="median", p="Limón común", at=c("Ibagué"), per=Y(2023))),
    ("mediana semanal de la papa superior en Tunja de enero a junio de 2025", "median",
     dict(k="median", p="Papa superior", at=c("Tunja"), per=("months", (2025, 1), (2025, 6)))),
    ("necesito la mediana del precio del banano criollo en Cúcuta en 2021 para un trabajo de la u", "median",
     dict(k="median", p="Banano criollo", at=c("Cúcuta"), per=Y(2021))),
    ("mediana de la zanahoria en Centroabastos en las ultimas 26 semanas", "median",
     dict(k="median", p="Zanahoria", at=m(CEN), per=("lastn", 26))),
    ("mediana del pollo entero fresco sin visceras en Ibague en 2024", "median",
     dict(k="median", p="Pollo entero fresco sin vísceras", at=c("Ibagué"), per=Y(2024),
          say="pollo entero fresco sin visceras")),
    ("la mediana de la fresa en Duitama en el tercer trimestre de 2025", "median",
     dict(k="median", p="Fresa", at=m(DUI), per=QT(2025, 3))),
    ("mediana de precios de la habichuela en Pasto desde el 1 de junio de 2025", "median",
     dict(k="median", p="Habichuela", at=c("Pasto"), per=("since", "2025-06-01"))),
    ("mediana del maíz blanco trillado en Barranquillita en 2018", "median",
     dict(k="median", p="Maíz blanco trillado", at=m(BQ), per=Y(2018))),
    ("calcula la mediana del tomate larga vida en Popayán en septiembre", "median",
     dict(k="median", p="Tomate larga vida", at=c("Popayán"), per=M(2025, 9))),
    ("mediana historica del melon cantalup en Mercasa", "median",
     dict(k="median", p="Melón Cantalup", at=m(MER), per=ALL, say="melon cantalup")),
    # ------------------------------------------------------------------ change
    ("¿Cuánto cambió el precio del tomate larga vida en Cali entre la semana del 5 de julio de 2025 y la del 4 "
     "de octubre de 2025?", "change", dict(k="chg_days", p="Tomate larga vida", at=c("Cali"), d1="2025-07-05",
                                       d2="2025-10-04")),
    ("variacion de la papa criolla limpia en Surabastos del 15 de marzo de 2025 al 15 de agosto de 2025", "change",
     dict(k="chg_days", p="Papa criolla limpia", at=m(NEI), d1="2025-03-15", d2="2025-08-15")),
    ("cuanto subio o bajo el aguacate papelillo en Mercasa entre el 13 de enero de 2024 y el 11 de enero de 2025",
     "change", dict(k="chg_days", p="Aguacate papelillo", at=m(MER), d1="2024-01-13", d2="2025-01-11")),
    ("la cebolla cabezona blanca en barranquilla: compara el 10/05/2025 contra el 10/09/2025 en %", "change",
     dict(k="chg_days", p="Cebolla cabezona blanca", at=c("Barranquilla"), d1="2025-05-10", d2="2025-09-10")),
    ("el lulo en Pasto el 5 de febrero de 2022 vs el 5 de febrero de 2023, cuanto cambio", "change",
     dict(k="chg_days", p="Lulo", at=c("Pasto"), d1="2022-02-05", d2="2023-02-05")),
    ("de la semana del 8 de marzo de 2025 a la del 18 de octubre de 2025 cuánto varió la mora de castilla en "
     "Centro Galerías", "change", dict(k="chg_days", p="Mora de Castilla", at=m(MAN), d1="2025-03-08",
                                        d2="2025-10-18")),
    ("¿Cuánto subió la yuca criolla en Montería en octubre frente a septiembre?", "change",
     dict(k="chg_per", p="Yuca criolla", at=c("Montería"), old=M(2025, 9), new=M(2025, 10))),
    ("¿qué tanto más cara estuvo la cebolla junca berlín en Cúcuta en 2023 que en 2022?", "change",
     dict(k="chg_per", p="Cebolla junca Berlín", at=c("Cúcuta"), old=Y(2022), new=Y(2023))),
    ("variacion porcentual del arroz de primera en Villavicencio del primer trimestre al segundo trimestre de 2025",
     "change", dict(k="chg_per", p="Arroz de primera", at=c("Villavicencio"), old=QT(2025, 1), new=QT(2025, 2))),
    ("cuanto cambió el precio promedio del plátano hartón verde en Armenia de 2021 a 2024", "change",
     dict(k="chg_per", p="Plátano hartón verde", at=c("Armenia"), old=Y(2021), new=Y(2024))),
    ("comparado con agosto, ¿cómo estuvo el pimentón en Neiva en septiembre? en porcentaje", "change",
     dict(k="chg_per", p="Pimentón", at=c("Neiva"), old=M(2025, 8), new=M(2025, 9))),
    ("en Sincelejo el queso costeño en el tercer trimestre de 2025 frente al tercer trimestre de 2024, cuanto "
     "varió", "change", dict(k="chg_per", p="Queso costeño", at=c("Sincelejo"), old=QT(2024, 3),
                             new=QT(2025, 3))),
    ("cuanto bajo o subio el limon tahiti en bucaramanga en marzo de 2024 vs marzo de 2023", "change",
     dict(k="chg_per", p="Limón Tahití", at=c("Bucaramanga"), old=M(2023, 3), new=M(2024, 3),
          say="limon tahiti")),
    ("¿Cuánto ha subido el tomate de árbol en Ibagué desde el 1 de marzo de 2025?", "change",
     dict(k="chg_days", p="Tomate de árbol", at=c("Ibagué"), d1="2025-03-01", d2=None)),
    ("desde el 4 de enero de 2025 cuánto ha variado la papa única en Cenabastos", "change",
     dict(k="chg_days", p="Papa única", at=m(CUC), d1="2025-01-04", d2=None)),
    ("la zanahoria en Tunja: cuánto ha cambiado frente al 14 de junio de 2025", "change",
     dict(k="chg_days", p="Zanahoria", at=c("Tunja"), d1="2025-06-14", d2=None)),
    ("la habichuela en santa marta desde el 2 de agosto de 2025 cuanto ha subido", "change",
     dict(k="chg_days", p="Habichuela", at=c("Santa Marta"), d1="2025-08-02", d2=None)),
    ("granadilla Tuluá: variación desde el 7 de junio de 2025 hasta hoy", "change",
     dict(k="chg_days", p="Granadilla", at=m(TUL), d1="2025-06-07", d2=None)),
    # ------------------------------------------------------------------ yoy
    ("¿El lulo está más caro que hace un año en Cavasa?", "yoy", dict(k="yoy", p="Lulo", at=m(CAV))),
    ("la mora de castilla en Bucaramanga esta mas cara q el año pasado x esta epoca?", "yoy",
     dict(k="yoy", p="Mora de Castilla", at=c("Bucaramanga"))),
    ("Comparado con hace un año, ¿cómo está la papa capira en Pasto?", "yoy",
     dict(k="yoy", p="Papa capira", at=c("Pasto"))),
    ("tomate chonto en Barranquilla vs hace un año", "yoy", dict(k="yoy", p="Tomate chonto", at=c("Barranquilla"))),
    ("oiga y el queso cuajada en villavicencio esta mas barato que hace un año", "yoy",
     dict(k="yoy", p="Queso cuajada", at=c("Villavicencio"))),
    ("variación anual del aguacate papelillo en Manizales, hoy frente a hace un año", "yoy",
     dict(k="yoy", p="Aguacate papelillo", at=c("Manizales"))),
    ("la cebolla cabezona blanca en Cúcuta, ¿subió frente a hace un año?", "yoy",
     dict(k="yoy", p="Cebolla cabezona blanca", at=c("Cúcuta"))),
    ("¿La piña gold en Armenia vale más o menos que hace un año?", "yoy",
     dict(k="yoy", p="Piña gold", at=c("Armenia"))),
    ("el fríjol verde cargamanto en Popayán sale más caro que hace un año?", "yoy",
     dict(k="yoy", p="Fríjol verde cargamanto", at=c("Popayán"))),
    ("pechuga de pollo en Monteria: precio de ahora contra el de hace un año", "yoy",
     dict(k="yoy", p="Pechuga de pollo", at=c("Montería"))),
    ("limon comun ibague comparado con hace un año", "yoy", dict(k="yoy", p="Limón común", at=c("Ibagué"),
                                                                 say="limon comun")),
    ("¿La mora de castilla en Santa Marta está más cara que hace un año?", "yoy",
     dict(k="yoy", p="Mora de Castilla", at=c("Santa Marta"))),
    # ------------------------------------------------------------------ season
    ("¿en qué mes suele bajar el precio del tomate de árbol en Cavasa?", "season",
     dict(k="season", p="Tomate de árbol", at=m(CAV), which="min")),
    ("Soy agricultor en Nariño, ¿cuál es el mes más caro para vender papa capira en Pasto? quiero planear "
     "la cosecha", "season", dict(k="season", p="Papa capira", at=c("Pasto"), which="max")),
    ("¿cuál es el mes más barato del año para comprar maracuyá en Bucaramanga?", "season",
     dict(k="season", p="Maracuyá", at=c("Bucaramanga"), which="min")),
    ("en que mes se pone cara la cebolla junca berlin en cucuta", "season",
     dict(k="season", p="Cebolla junca Berlín", at=c("Cúcuta"), which="max", say="cebolla junca berlin")),
    ("mes mas economico para el aguacate papelillo en Ibague", "season",
     dict(k="season", p="Aguacate papelillo", at=c("Ibagué"), which="min")),
    ("en que mes del año sube el lulo en Neiva", "season", dict(k="season", p="Lulo", at=c("Neiva"), which="max")),
    ("estacionalidad: ¿en qué mes está más cara la mora de castilla en Manizales?", "season",
     dict(k="season", p="Mora de Castilla", at=c("Manizales"), which="max")),
    ("quiero sembrar pimenton para vender en Barranquilla, en que mes se paga mejor", "season",
     dict(k="season", p="Pimentón", at=c("Barranquilla"), which="max", say="pimenton")),
    ("cual es el mes en que la piña gold suele estar mas barata en Pereira", "season",
     dict(k="season", p="Piña gold", at=c("Pereira"), which="min")),
    ("el mango tommy en barranquillita, ¿en qué mes baja normalmente?", "season",
     dict(k="season", p="Mango Tommy", at=m(BQ), which="min")),
    ("¿en qué mes sube normalmente la habichuela en Tunja?", "season",
     dict(k="season", p="Habichuela", at=c("Tunja"), which="max")),
    ("mes más caro del año para el banano criollo en Villavicencio", "season",
     dict(k="season", p="Banano criollo", at=c("Villavicencio"), which="max")),
    ("tengo cultivo de feijoa, en que mes sale mas barata en Tunja? pa no sacarla ese mes", "season",
     dict(k="season", p="Feijoa", at=c("Tunja"), which="min")),
    # ------------------------------------------------------------------ season_position
    ("¿Está cara la papa criolla limpia para la época en Cavasa?", "season_position",
     dict(k="pos", p="Papa criolla limpia", at=m(CAV))),
    ("el lulo en Pasto esta caro pa la epoca o normal?", "season_position", dict(k="pos", p="Lulo", at=c("Pasto"))),
    ("para esta época del año, ¿cómo está de precio el tomate riñón en Bucaramanga, caro o barato?",
     "season_position", dict(k="pos", p="Tomate riñón", at=c("Bucaramanga"))),
    ("la cebolla cabezona blanca en Cúcuta está barata para esta época del año?", "season_position",
     dict(k="pos", p="Cebolla cabezona blanca", at=c("Cúcuta"))),
    ("el aguacate papelillo en mercasa esta por encima de lo normal para la temporada?", "season_position",
     dict(k="pos", p="Aguacate papelillo", at=m(MER))),
    ("¿el pimentón en Neiva está caro para la época?", "season_position", dict(k="pos", p="Pimentón", at=c("Neiva"))),
    ("maracuya en Manizales, esta normal para la epoca?", "season_position",
     dict(k="pos", p="Maracuyá", at=c("Manizales"), say="maracuya")),
    ("la mora de castilla en Armenia ¿está cara para la época o está en su precio de siempre?", "season_position",
     dict(k="pos", p="Mora de Castilla", at=c("Armenia"))),
    ("la arveja verde en vaina pastusa en Popayán ¿está cara para la época del año?", "season_position",
     dict(k="pos", p="Arveja verde en vaina pastusa", at=c("Popayán"))),
    ("pitahaya Villavicencio: ¿precio alto o bajo para la época?", "season_position",
     dict(k="pos", p="Pitahaya", at=c("Villavicencio"))),
    # ------------------------------------------------------------------ rank
    ("¿Cuál es la fruta más cara en Cavasa esta semana?", "rank", dict(k="rank", at=CAV, group=FRU, n=1,
                                                                     order="desc")),
    ("los 3 productos más baratos de Surabastos", "rank", dict(k="rank", at=NEI, group=None, n=3, order="asc")),
    ("la verdura más barata en Centroabastos hoy", "rank", dict(k="rank", at=CEN, group=VER, n=1, order="asc")),
    ("top 3 de las carnes mas caras en el mercado del sur de monteria", "rank", dict(k="rank", at=MON, group=CAR_, n=3, order="desc")),
    ("cual es el tuberculo mas caro en El Potrerillo esta semana", "rank",
     dict(k="rank", at=PAS, group=TUB, n=1, order="desc")),
    ("el grano más barato en Barranquillita", "rank", dict(k="rank", at=BQ, group=GRA_, n=1, order="asc")),
    ("¿qué pescado es el más caro en Bazurto?", "rank", dict(k="rank", at=CTG, group=PES, n=1, order="desc")),
    ("los 3 productos procesados más caros en la plaza La 21 de Ibagué", "rank",
     dict(k="rank", at=IBA, group=PRO, n=3, order="desc")),
    ("el producto mas caro que cotiza Mercasa esta semana", "rank", dict(k="rank", at=MER, group=None, n=1,
                                                                         order="desc")),
    ("frutas mas baratas en el Nuevo Mercado de Sincelejo, top 3", "rank",
     dict(k="rank", at=SIN, group=FRU, n=3, order="asc")),
    ("hortaliza mas cara en la galeria de manizales (centro galerias)", "rank",
     dict(k="rank", at=MAN, group=VER, n=1, order="desc")),
    ("en el Mercado del Sur de Montería, ¿cuál es el producto de huevos y lácteos más caro por kilo?", "rank",
     dict(k="rank", at=MON, group=HUE, n=1, order="desc")),
    ("las 2 verduras más caras en Tuluá esta semana", "rank", dict(k="rank", at=TUL, group=VER, n=2, order="desc")),
    ("¿qué fruta está más barata en la CAV de Villavicencio?", "rank",
     dict(k="rank", at=VIL, group=FRU, n=1, order="asc")),
    ("los 2 tubérculos más baratos en Surabastos", "rank", dict(k="rank", at=NEI, group=TUB, n=2, order="asc")),
    # ------------------------------------------------------------------ movers
    ("¿qué subió más en Cavasa esta semana?", "movers", dict(k="movers", at=CAV, group=None, dir="up")),
    ("¿cuál producto bajó más en Cenabastos esta semana?", "movers", dict(k="movers", at=CUC, group=None, dir="down")),
    ("la fruta que mas subio en Centroabastos esta semana", "movers",
     dict(k="movers", at=CEN, group=FRU, dir="up")),
    ("que verdura bajo mas a nivel nacional esta semana", "movers", dict(k="movers", at=None, group=VER, dir="down")),
    ("¿qué producto subió más en todo el país esta semana?", "movers", dict(k="movers", at=None, group=None,
                                                                         dir="up")),
    ("en Surabastos, ¿qué verdura bajó más en octubre frente a septiembre?", "movers",
     dict(k="movers", at=NEI, group=VER, dir="down", periods=(M(2025, 9), M(2025, 10)))),
    ("cual fruta subio mas en el Potrerillo en septiembre frente a agosto", "movers",
     dict(k="movers", at=PAS, group=FRU, dir="up", periods=(M(2025, 8), M(2025, 9)))),
    ("el tubérculo que más subió en Mercasa esta semana", "movers", dict(k="movers", at=MER, group=TUB, dir="up")),
    ("en Barranquillita qué bajó más de agosto a septiembre", "movers",
     dict(k="movers", at=BQ, group=None, dir="down", periods=(M(2025, 8), M(2025, 9)))),
    ("¿qué fruta bajó más a nivel nacional esta semana?", "movers", dict(k="movers", at=None, group=FRU,
                                                                       dir="down")),
    ("mayor alza de la semana en la plaza La 21 de Ibagué", "movers", dict(k="movers", at=IBA, group=None, dir="up")),
    ("¿qué grano o cereal subió más en Tunja en octubre frente a septiembre?", "movers",
     dict(k="movers", at=TUN, group=GRA_, dir="up", periods=(M(2025, 9), M(2025, 10)))),
    # ------------------------------------------------------------------ count
    ("¿en cuántos mercados hay precio del lulo esta semana?", "count", dict(k="count_m", p="Lulo")),
    ("en cuantos mercados se cotiza la pitahaya", "count", dict(k="count_m", p="Pitahaya")),
    ("para un reportaje: ¿cuántos productos distintos le cotizó SIPSA a Mercasa en Pereira la última semana?", "count", dict(k="count_p", at=MER)),
    ("cuantos productos tiene Centroabastos esta semana", "count", dict(k="count_p", at=CEN)),
    ("¿cuántos mercados reportaron precio de la guanábana en 2024?", "count",
     dict(k="count_m", p="Guanábana", per=Y(2024))),
    ("numero de productos que cotiza el Potrerillo de Pasto", "count", dict(k="count_p", at=PAS)),
    ("en cuántos mercados mayoristas aparece el bocachico importado congelado", "count",
     dict(k="count_m", p="Bocachico importado congelado")),
    ("¿Cuántos productos cotiza la Plaza La 21 de Ibagué?", "count", dict(k="count_p", at=IBA)),
    ("cuantos mercados tienen precio de la cebolla junca aquitania", "count",
     dict(k="count_m", p="Cebolla junca Aquitania")),
    ("¿en cuántas plazas hubo precio del borojó en marzo de 2025?", "count",
     dict(k="count_m", p="Borojó", per=M(2025, 3))),
    # ------------------------------------------------------------------ trade units
    ("¿cuánto vale el bulto de papa única en Cenabastos?", "trade_unit",
     dict(k="trade", p="Papa única", at=m(CUC), unit="bulto")),
    ("a como esta la arroba de yuca criolla en Barranquillita", "trade_unit",
     dict(k="trade", p="Yuca criolla", at=m(BQ), unit="arroba")),
    ("precio de la libra de lulo en Cavasa", "trade_unit", dict(k="trade", p="Lulo", at=m(CAV), unit="libra")),
    ("cuanto cuesta el bulto de zanahoria en Centroabastos", "trade_unit",
     dict(k="trade", p="Zanahoria", at=m(CEN), unit="bulto")),
    ("cuanto me sale una arroba de tomate chonto en Surabastos", "trade_unit",
     dict(k="trade", p="Tomate chonto", at=m(NEI), unit="arroba")),
    ("cuánto valen 25 kilos de arroz de primera en Villavicencio", "trade_unit",
     dict(k="trade", p="Arroz de primera", at=c("Villavicencio"), unit="kilos", kilos=25)),
    ("el bulto de cebolla cabezona blanca en Mercar a como", "trade_unit",
     dict(k="trade", p="Cebolla cabezona blanca", at=m(ARM), unit="bulto")),
    ("precio del bulto de mango tommy en Pereira", "trade_unit",
     dict(k="trade", p="Mango Tommy", at=c("Pereira"), unit="bulto")),
    ("cuanto vale el bulto de naranja valencia en Bucaramanga", "trade_unit",
     dict(k="trade", p="Naranja Valencia", at=c("Bucaramanga"), unit="bulto")),
    ("a cómo está el kilo de huevo rojo AA en Cenabastos", "trade_unit",
     dict(k="trade", p="Huevo rojo AA", at=m(CUC), unit="kilos", kilos=1)),
    ("la arroba de huevo rojo A en Ibagué cuanto", "trade_unit",
     dict(k="trade", p="Huevo rojo A", at=c("Ibagué"), unit="arroba")),
    ("cuanto vale el kilo de aceite vegetal mezcla en Neiva", "trade_unit",
     dict(k="trade", p="Aceite vegetal mezcla", at=c("Neiva"), unit="kilos", kilos=1)),
    ("precio de 10 kilos de fríjol cargamanto rojo en Mercasa", "trade_unit",
     dict(k="trade", p="Fríjol cargamanto rojo", at=m(MER), unit="kilos", kilos=10)),
    ("cuanto vale el bulto de arracacha amarilla en la 21 de ibague", "trade_unit",
     dict(k="trade", p="Arracacha amarilla", at=m(IBA), unit="bulto")),
    ("libra de guanabana en Popayán", "trade_unit",
     dict(k="trade", p="Guanábana", at=c("Popayán"), unit="libra", say="guanabana")),
    # ------------------------------------------------------------------ cannot answer
    ("cuánto vale la libra de tomate de árbol en el D1 de Cali, el más barato del mes", "cannot_answer",
     dict(k="no_numbers")),
    ("precio promedio de la papa criolla al detal en las tiendas de barrio de Pereira en 2024", "cannot_answer",
     dict(k="no_numbers")),
    ("¿cuál fue el precio más alto del lulo en Cavasa en 2015?", "cannot_answer", dict(k="no_numbers")),
    ("promedio de la cebolla junca berlin en Cúcuta en 2012", "cannot_answer", dict(k="no_numbers")),
    ("¿Cuál fue el precio mínimo del pimentón en Bucaramanga en marzo de 2026?", "cannot_answer",
     dict(k="no_numbers")),
    ("¿cuántas hectáreas de papa se sembraron en Nariño en 2024?", "cannot_answer", dict(k="no_numbers")),
    ("cuantas toneladas de aguacate se cosecharon en Caldas el año pasado", "cannot_answer", dict(k="no_numbers")),
    ("rendimiento por hectarea del maracuya en el Huila, cuantas ton por ha", "cannot_answer",
     dict(k="no_numbers")),
    ("el kilo de mora en el Éxito de Manizales está más caro que hace un año?", "cannot_answer",
     dict(k="no_numbers")),
    ("¿cuál fue el precio más alto de la papa en Tunja en 2024?", "cannot_answer",
     dict(k="clarify_family", family="papa", at=TUN, per=Y(2024))),
    ("promedio de la cebolla en Cúcuta este año", "cannot_answer",
     dict(k="clarify_family", family="cebolla", at=CUC, per=Y(2025))),
    ("la papa en cavasa ta mas cara q hace un año?", "cannot_answer",
     dict(k="clarify_family", family="papa", at=CAV, per=("lastn", 1))),
    ("precio mínimo del lulo en Leticia en 2024", "cannot_answer", dict(k="clarify")),
    ("¿en qué mes está más barato el tomate de árbol en Quibdó?", "cannot_answer", dict(k="clarify")),
    ("el maracuyá en Riohacha está más caro que hace un año?", "cannot_answer", dict(k="clarify")),
    ("cuanto vario el pimenton en Cavasa en la epoca del paro", "cannot_answer", dict(k="clarify")),
    ("dame el precio de la guayaba pera en Mercasa en la otra temporada, la de antes", "cannot_answer",
     dict(k="clarify")),
]


def product_check(e: Engine, q: str, p: str, market: str, say: str | None) -> list[str]:
    warn = []
    phrase = fold(say or p)
    if phrase not in fold(q):
        warn.append(f"phrase '{phrase}' not in question")
    others = set(e.df.loc[e.df["market"] == market, "product"]) - {p}
    clash = [o for o in others if (" " + phrase + " ") in (" " + fold(o) + " ")]
    if clash:
        warn.append(f"'{phrase}' also matches {clash} in {market}")
    return warn


def label(e: Engine, q: str, spec: dict) -> tuple[str, list[dict], list[str], str | None]:
    """-> expect, values, forbid, market used (for the product check)"""
    k = spec["k"]
    p = spec.get("p")
    if k in ("no_numbers", "clarify"):
        return k, [], [], None
    if k == "clarify_family":
        a, b = e.period(spec["per"])
        s = e.df[(e.df["market"] == spec["at"]) & (e.df["week"] >= a) & (e.df["week"] <= b)]
        kinds = sorted({x for x in s["product"] if fold(x).split()[0] == spec["family"]})
        if len(kinds) < 2:
            raise Skip(f"family word {spec['family']} has {kinds} in {spec['at']}")
        return "clarify", [], [], None
    if k in ("max", "min", "mean", "median"):
        a, b = e.period(spec["per"])
        mk = e.resolve(spec["at"], p, a, b)
        if e.conflicted(p, mk):
            raise Skip("conflicted series")
        v = e.extreme(p, mk, spec["per"], k) if k in ("max", "min") else e.avg(p, mk, spec["per"], k)
        return "answer", [v], [], mk
    if k == "chg_days":
        lo = spec["d1"]
        mk = e.resolve(spec["at"], p, lo, spec["d2"] or "9999")
        if e.conflicted(p, mk):
            raise Skip("conflicted series")
        return "answer", e.change_days(p, mk, spec["d1"], spec["d2"]), [], mk
    if k == "chg_per":
        a, _ = e.period(spec["old"])
        _, b = e.period(spec["new"])
        mk = e.resolve(spec["at"], p, a, b)
        if e.conflicted(p, mk):
            raise Skip("conflicted series")
        # the main market must have both periods (resolve checks only the union)
        e.window(p, mk, spec["old"]), e.window(p, mk, spec["new"])
        return "answer", e.change_periods(p, mk, spec["old"], spec["new"]), [], mk
    if k in ("yoy", "season", "pos", "trade"):
        mk = e.resolve(spec["at"], p, e.latest, e.latest)
        if e.conflicted(p, mk):
            raise Skip("conflicted series")
        if k == "yoy":
            return "answer", e.yoy(p, mk), [], mk
        if k == "season":
            e.newest(p, mk)
            return "answer", e.season(p, mk, spec["which"]), [], mk
        if k == "pos":
            return "answer", e.position(p, mk), [], mk
        vals, forbid = e.trade(p, mk, spec["unit"], spec.get("kilos"))
        return "answer", vals, forbid, mk
    if k == "rank":
        return "answer", e.rank(spec["at"], spec["group"], spec["n"], spec["order"]), [], None
    if k == "movers":
        return "answer", e.movers(spec["at"], spec["group"], spec["dir"], spec.get("periods")), [], None
    if k == "count_m":
        return "answer", e.count_markets(p, spec.get("per")), [], None
    if k == "count_p":
        return "answer", e.count_products(spec["at"]), [], None
    raise ValueError(k)


def main() -> None:
    e = Engine()
    seen = set()
    records, dropped, warnings = [], [], []
    for q, tag, spec in Q:
        key = fold(q)
        assert key not in seen, q
        seen.add(key)
        try:
            expect, values, forbid, mk = label(e, q, spec)
        except Skip as why:
            dropped.append((q, str(why)))
            continue
        if mk and spec.get("p"):
            for w in product_check(e, q, spec["p"], mk, spec.get("say")):
                warnings.append(f"{q!r}: {w}")
        rec = {"id": f"b7a-{len(records) + 1:03d}", "q": q, "prev": [], "family": "analytics", "expect": expect,
               "values": values, "forbid": forbid, "tags": [SET, tag]}
        records.append(rec)
    with open(OUT, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} records to {OUT}")
    for q, why in dropped:
        print("DROPPED:", q, "->", why)
    for w in warnings:
        print("WARN:", w)


if __name__ == "__main__":
    main()
