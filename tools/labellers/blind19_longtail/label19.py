"""Label the blind long-tail question set (blind19-longtail) from the raw SIPSA CSV, following
/work/main/tests/questions/LABELS.md.

    /work/main/.venv/bin/python /work/blind/longtail19/label19.py

Reuses only the Data class / MAIN / fold / clean helpers of tools/label_questions.py (allowed by the brief).
Every question below was written by hand; its expected values are computed here with pandas.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

sys.path.insert(0, "/work/main/tools")
from label_questions import CSV, MAIN, Data, fold  # noqa: E402

HERE = Path(__file__).resolve().parent
OUT = HERE / "blind19-longtail.jsonl"
VOCAB = Path("/work/main/data/vocab")
TODAY = dt.date(2025, 11, 3)
SET = "blind19-longtail"

COR = "Bogotá, D.C., Corabastos"
PALO = "Bogotá, D.C., Paloquemao"
MAY = "Medellín, Central Mayorista de Antioquia"
MIN = 'Medellín, Plaza Minorista "José María Villa"'
CAV = "Cali, Cavasa"
SEL = "Cali, Santa Elena"
BQT = "Barranquilla, Barranquillita"
CEN = "Bucaramanga, Centroabastos"
CUC = "Cúcuta, Cenabastos"
MER = "Pereira, Mercasa"
L41 = "Pereira, La 41-Impala"
ARM = "Armenia, Mercar"
MZL = "Manizales, Centro Galerías"
IBG = "Ibagué, Plaza La 21"
NEI = "Neiva, Surabastos"
PAS = "Pasto, El Potrerillo"
VIL = "Villavicencio, CAV"
TUN = "Tunja, Complejo de Servicios del Sur"
VAL = "Valledupar, Mercabastos"
MON = "Montería, Mercado del Sur"
CTG = "Cartagena, Bazurto"
SIN = "Sincelejo, Nuevo Mercado"
POP = "Popayán, Plaza de mercado del barrio Bolívar"
IPI = "Ipiales (Nariño), Ipiales somos todos"
TUL = "Tuluá (Valle del Cauca)"

BULTO_PREFIXES = ["Papa", "Cebolla cabezona", "Zanahoria", "Yuca", "Arracacha", "Arroz", "Fríjol", "Maíz", "Lenteja",
                  "Garbanzo", "Arveja seca", "Azúcar"]
KG = {"libra": 0.5, "arroba": 12.5, "kilo": 1.0}

# ---------------------------------------------------------------------------------------------------------------
# The questions. Each spec: q, family, expect, and how to compute the values.
#   where: ("m", market) | ("c", city) | ("n",)       -- a market named, a city named, no place
#   kind (lookup answers): now | day | month | quarter | year | range
#   unit: None | "libra" | "arroba" | "bulto" | ("kilos", N)
#   analytics stat: max | min | mean | median | chg_days | chg_periods | since | yoy | season_low | season_high |
#                   position | rank | movers | count_markets | count_products
# ---------------------------------------------------------------------------------------------------------------


def D(q, p, where, unit=None):  # plain current price
    return {"q": q, "family": "lookup", "expect": "answer", "kind": "now", "p": p, "where": where, "unit": unit}


def PD(q, p, where, day):  # price at the week holding a day
    return {"q": q, "family": "lookup", "expect": "answer", "kind": "day", "p": p, "where": where, "day": day}


def PM(q, p, where, start, end):  # price (plain) = mean of a month / quarter / year
    return {"q": q, "family": "lookup", "expect": "answer", "kind": "period", "p": p, "where": where,
            "start": start, "end": end}


def A(q, stat, tag, **kw):
    return {"q": q, "family": "analytics", "expect": "answer", "kind": "stat", "stat": stat, "tag": tag, **kw}


def C(q, family="lookup", check=None):
    return {"q": q, "family": family, "expect": "clarify", "check": check}


def X(q, family="lookup"):
    return {"q": q, "family": family, "expect": "no_numbers"}


M = lambda m: ("m", m)  # noqa: E731
CI = lambda c: ("c", c)  # noqa: E731
NONE = ("n",)

ago_days = lambda n: (TODAY - dt.timedelta(days=n)).isoformat()  # noqa: E731


def ago_months(n: int) -> str:
    total = TODAY.year * 12 + TODAY.month - 1 - n
    y, m = divmod(total, 12)
    return dt.date(y, m + 1, min(TODAY.day, calendar.monthrange(y, m + 1)[1])).isoformat()


def month(ym: str) -> tuple[str, str]:
    y, m = map(int, ym.split("-"))
    return f"{ym}-01", f"{ym}-{calendar.monthrange(y, m)[1]:02d}"


def quarter(y: int, q: int) -> tuple[str, str]:
    m1 = 3 * (q - 1) + 1
    return f"{y}-{m1:02d}-01", f"{y}-{m1 + 2:02d}-{calendar.monthrange(y, m1 + 2)[1]:02d}"


def year(y: int) -> tuple[str, str]:
    return f"{y}-01-01", f"{y}-12-31"


SPECS = [
    # ---------------- lookup: current price, nicknames / misspellings / buried ----------------
    D("quiubo, a como ta la sanahoria en abastos?", "Zanahoria", M(COR)),
    D("buenas mija, cuanto bale el kilo de abichuela en la mayorista", "Habichuela", M(MAY)),
    D("Buenos días. Tengo un puesto en la galería del barrio y necesito saber a cómo está el tomate de arbol en "
      "la 21 de Ibagué pa ir a surtir mañana", "Tomate de árbol", M(IBG)),
    D("cuanto esta el aguacate has en medallo", "Aguacate Hass", CI("Medellín")),
    D("platano artón en bazurto q precio tiene", "Plátano hartón verde", M(CTG)),
    D("guayava pera en centroabastos a como la tienen", "Guayaba pera", M(CEN)),
    D("Mi papá siembra mora en Silvania y me pidió que le averiguara a cómo está pagando Corabastos el kilo de "
      "mora de castilla", "Mora de Castilla", M(COR)),
    D("ola q precio tiene el lulo en pasto", "Lulo", CI("Pasto")),
    D("a como ta el kilo d pimenton en barranquiya", "Pimentón", CI("Barranquilla")),
    D("ve, y el queso costeño en barranquillita a como lo tan dando?", "Queso costeño", M(BQT)),
    D("el ñame espino en el mercado del sur de monteria xfa", "Ñame espino", M(MON)),
    D("sebolla larga en bucaramanga cuanto", "Cebolla junca", CI("Bucaramanga")),
    D("cuanto vale la yuca llanera en el CAV de villavo", "Yuca llanera", M(VIL)),
    D("el frijol cargamento rojo en la mayorista cuanto ta", "Fríjol cargamanto rojo", M(MAY)),
    D("a como esta el huevo rojo doble A en cenabastos", "Huevo rojo AA", M(CUC)),
    D("maracuya en surabastos?", "Maracuyá huilense", M(NEI)),
    D("pechuga d pollo en santa helena cali", "Pechuga de pollo", M(SEL)),
    D("bro el cilantro en la minorista de medallo a como?", "Cilantro", M(MIN)),
    D("me regala el precio de la alverja verde en vaina en mercasa porfa", "Arveja verde en vaina", M(MER)),
    D("uchuba con cascara en centroabastos a cuanto?", "Uchuva con cáscara", M(CEN)),
    D("brocoly en manizales q vale", "Brócoli", CI("Manizales")),
    D("la feijoa en tunja a como la estan pagando", "Feijoa", CI("Tunja")),
    D("la granadiya en cavasa", "Granadilla", M(CAV)),
    D("Hola buenas tardes. Soy de Garzón y quería saber el precio de la gulupa en Surabastos", "Gulupa", M(NEI)),
    D("papaya tainun en sincelejo cuanto esta", "Papaya tainung", CI("Sincelejo")),
    D("la mojarra lora fresca en bazurto a como", "Mojarra lora entera fresca", M(CTG)),
    D("tilapia roja fresca en villavo?", "Tilapia roja entera fresca", CI("Villavicencio")),
    D("la trucha entera en el potrerillo", "Trucha entera fresca", M(PAS)),
    D("a como esta el lomo fino en palo quemao", "Carne de res, lomo fino", M(PALO)),
    D("cuanto ta la sobre barriga en la mayorista de antioquia", "Carne de res, sobrebarriga", M(MAY)),
    D("costiya de cerdo en popayan cuanto", "Carne de cerdo, costilla", CI("Popayán")),
    D("el chocolo en mercar", "Chócolo mazorca", M(ARM)),
    D("banano criollo en santa marta?", "Banano criollo", CI("Santa Marta")),
    D("limon taiti en tulua", "Limón Tahití", M(TUL)),
    D("la piña perolera en mercabasto", "Piña perolera", M(VAL)),
    D("el uyuco en ipiales", "Ulluco", CI("Ipiales")),
    D("la pitaya en pereira", "Pitahaya", CI("Pereira")),
    D("aguacate papelillo en la 41 de pereira", "Aguacate papelillo", M(L41)),
    D("repollo morao en cenabastos", "Repollo morado", M(CUC)),
    D("sebollin chino en barranquillita", "Cebollín chino", M(BQT)),
    D("berengena en monteria", "Berenjena", CI("Montería")),
    D("auyama en abastos cuanto vale el kilo", "Ahuyama", M(COR)),
    D("el kiwi q precio tiene hoy", "Kiwi", NONE),
    D("precio del borojo", "Borojó", NONE),
    D("ñame diamante a como esta?", "Ñame diamante", NONE),
    D("cuanto esta el mango de azucar en curramba", "Mango de azúcar", CI("Barranquilla")),
    D("la yuca ica en la galeria del barrio bolivar de popayan", "Yuca ICA", M(POP)),
    D("qué más pues, ¿el queso doble crema en Villavicencio a cómo está?", "Queso doble crema", CI("Villavicencio")),
    # ---------------- lookup: trade units ----------------
    D("cuanto me sale el bulto de papa pastusa en abastos?", "Papa parda pastusa", M(COR), "bulto"),
    D("a como la arroba de tomate chonto en la 21", "Tomate chonto", M(IBG), "arroba"),
    D("una libra de perejil en cenabastos cuanto bale", "Perejil", M(CUC), "libra"),
    D("necesito comprar cebolla cabezona blanca pal restaurante, a como esta el bulto en la mayorista?",
      "Cebolla cabezona blanca", M(MAY), "bulto"),
    D("a como sale el bulto de yuca criolla en sincelejo", "Yuca criolla", CI("Sincelejo"), "bulto"),
    D("cuanto vale un bulto de naranja valencia en manisales", "Naranja Valencia", CI("Manizales"), "bulto"),
    D("cuanto vale la arroba de huevo rojo AA en corabastos", "Huevo rojo AA", M(COR), "arroba"),
    D("si llevo 5 kilos de fresa en pereira cuanto me cuesta", "Fresa", CI("Pereira"), ("kilos", 5)),
    D("bulto de arroz de primera en villavisencio q precio", "Arroz de primera", CI("Villavicencio"), "bulto"),
    D("la arroba de la criolla en pereira a como", "Papa criolla limpia", CI("Pereira"), "arroba"),
    D("q vale un bulto de aguacate has en tunja", "Aguacate Hass", CI("Tunja"), "bulto"),
    D("el kilo de aceite de girasol en barranquillita", "Aceite girasol", M(BQT), "kilo"),
    D("mi llave a como esta el bulto de maiz amarillo trillado en monteria", "Maíz amarillo trillado",
      CI("Montería"), "bulto"),
    # ---------------- lookup: past prices ----------------
    PD("cuanto valia la curuba en abastos la semana pasada", "Curuba", M(COR), ago_days(7)),
    PD("a como estuvo el lulo en cavasa hace 15 dias", "Lulo", M(CAV), ago_days(15)),
    PD("hace un mes a como estaba la guanabana en cavasa", "Guanábana", M(CAV), ago_months(1)),
    PD("el 15 de agosto a cuanto estaba el tomate de arbol en mercasa", "Tomate de árbol", M(MER), "2025-08-15"),
    PM("en marzo a como estuvo la papa criolla en la mayorista", "Papa criolla limpia", M(MAY), *month("2025-03")),
    PM("en diciembre q precio tenia el mango tommy en abastos", "Mango Tommy", M(COR), *month("2024-12")),
    PM("a como estuvo la arracacha amarilla en abastos en el 2018", "Arracacha amarilla", M(COR), *year(2018)),
    PM("la habichuela en cenabastos en el primer trimestre del 2024?", "Habichuela", M(CUC), *quarter(2024, 1)),
    PM("el año pasado a como estuvo el maracuya en cavasa", "Maracuyá", M(CAV), *year(2024)),
    PD("hace 3 meses cuanto costaba la patilla en bazurto", "Patilla", M(CTG), ago_months(3)),
    PD("la semana antepasada a cuanto estaba la cebolla junca en armenia", "Cebolla junca", CI("Armenia"),
       ago_days(14)),
    PD("cuanto estaba el pollo entero congelado sin visceras en santa elena el 20 de septiembre",
       "Pollo entero congelado sin vísceras", M(SEL), "2025-09-20"),
    PM("a cuanto estuvo la remolacha en tunja en julio del 2023", "Remolacha", CI("Tunja"), *month("2023-07")),
    PD("hace 2 meses a como estaba el platano guineo en neiva", "Plátano guineo", CI("Neiva"), ago_months(2)),
    PD("Buenas, para un informe: ¿cuánto estaba la lechuga batavia en Ibagué el 3 de octubre?", "Lechuga Batavia",
       CI("Ibagué"), "2025-10-03"),
    PM("en junio del año pasado a cuanto estaba el frijol nima calima en abastos", "Fríjol nima calima", M(COR),
       *month("2024-06")),
    PD("el 24 de diciembre del 2023 a como estaba el pernil de cerdo sin hueso en la mayorista",
       "Carne de cerdo, pernil sin hueso", M(MAY), "2023-12-24"),
    PD("hace 4 semanas la mandarina arrayana en abastos?", "Mandarina Arrayana", M(COR), ago_days(28)),
    # ---------------- analytics ----------------
    A("cual ha sido el precio mas alto q ha tenido la papa criolla en abastos?", "max", "max",
      p="Papa criolla limpia", where=M(COR), period=None),
    A("en lo q va del año cuando estuvo mas barata la zanaoria en abastos", "min", "min", p="Zanahoria",
      where=M(COR), period=year(2025)),
    A("cual fue el promedio del tomate chonto en la 21 en septiembre", "mean", "mean", p="Tomate chonto",
      where=M(IBG), period=month("2025-09")),
    A("mediana del limon taiti en barranquillita este año", "median", "median", p="Limón Tahití", where=M(BQT),
      period=year(2025)),
    A("cuanto subio o bajo la cebolla larga en la mayorista entre el 1 de agosto y el 10 de octubre", "chg_days",
      "change", p="Cebolla junca", where=M(MAY), d1="2025-08-01", d2="2025-10-10"),
    A("Tengo un restaurante y el aguacate me tiene loco. ¿Cuánto ha subido el aguacate hass en Corabastos desde el "
      "15 de enero?", "since", "change", p="Aguacate Hass", where=M(COR), d1="2025-01-15"),
    A("oiga el limon tahiti ta mas caro q hace un año en cavasa?", "yoy", "yoy", p="Limón Tahití", where=M(CAV)),
    A("en q mes se consigue mas barato el tomate de arbol en abastos", "season_low", "season",
      p="Tomate de árbol", where=M(COR)),
    A("cual es el mes mas caro pa la papa criolla en medallo", "season_high", "season", p="Papa criolla limpia",
      where=CI("Medellín")),
    A("ta cara la guayaba pera pa la epoca en centroabastos?", "position", "position", p="Guayaba pera",
      where=M(CEN)),
    A("k fruta es la mas cara en surabastos ahorita", "rank", "ranking", market=NEI, group="Frutas frescas",
      order="desc", n=1),
    A("Hola! Estoy armando el menú del comedor comunitario y hay que ahorrar: ¿cuál es la verdura más barata de abastos esta semana?", "rank", "ranking", market=COR,
      group="Verduras y hortalizas", order="asc", n=1),
    A("los 3 tuberculos mas caros de la mayorista?", "rank", "ranking", market=MAY,
      group="Tubérculos, raíces y plátanos", order="desc", n=3),
    A("ala, que fue lo q mas subio en cavasa esta semana?", "movers", "movers", market=CAV, group=None, direction="up"),
    A("q verdura bajo mas en todo el pais esta semana", "movers", "movers", market=None,
      group="Verduras y hortalizas", direction="down"),
    A("en cuantos mercados hay precio de la gulupa", "count_markets", "count", p="Gulupa"),
    A("cuantos productos cotiza mercar en armenia", "count_products", "count", market=ARM),
    A("el precio mas alto del silantro en las ultimas 8 semanas en abastos", "max", "max", p="Cilantro",
      where=M(COR), period=("last", 8)),
    A("cuando estuvo mas barata la papa pastusa en el 2024 en corabastos", "min", "min", p="Papa parda pastusa",
      where=M(COR), period=year(2024)),
    A("promedio de la panela redonda morena en la mayorista en 2024", "mean", "mean", p="Panela redonda morena",
      where=M(MAY), period=year(2024)),
    A("cuanto subio en promedio el arroz de primera en villavo en 2024 frente a 2023", "chg_periods", "change",
      p="Arroz de primera", where=CI("Villavicencio"), p1=year(2023), p2=year(2024)),
    A("la habichuela en cali cuanto cambio del segundo al tercer trimestre de 2025", "chg_periods", "change",
      p="Habichuela", where=CI("Cali"), p1=quarter(2025, 2), p2=quarter(2025, 3)),
    A("mediana de la fresa en las ultimas 12 semanas en centroabastos", "median", "median", p="Fresa",
      where=M(CEN), period=("last", 12)),
    A("las frutas q mas bajaron en la mayorista en octubre frente a septiembre", "movers", "movers", market=MAY,
      group="Frutas frescas", direction="down", p1=month("2025-09"), p2=month("2025-10")),
    A("Soy periodista en Cúcuta y preparo una nota sobre el pimentón. ¿Cuál fue el pico del pimenton en Cenabastos en 2023?", "max", "max", p="Pimentón", where=M(CUC),
      period=year(2023)),
    A("cual es el precio mas bajo q ha tenido la cebolla cabezona roja en bazurto", "min", "min",
      p="Cebolla cabezona roja", where=M(CTG), period=None),
    A("el huevo rojo AA en la 21 ta mas caro o mas barato q hace un año?", "yoy", "yoy", p="Huevo rojo AA",
      where=M(IBG)),
    A("q mes es mejor pa comprar barata la naranja balencia en pereira", "season_low", "season",
      p="Naranja Valencia", where=CI("Pereira")),
    A("el lulo esta caro pa esta epoca del año en cali?", "position", "position", p="Lulo", where=CI("Cali")),
    A("cual es el producto mas barato por kilo en la minorista de medellin", "rank", "ranking", market=MIN,
      group=None, order="asc", n=1),
    A("el corte de carne mas caro en bazurto cual es", "rank", "ranking", market=CTG, group="Carnes",
      order="desc", n=1),
    A("q bajo mas en el potrerillo esta semana", "movers", "movers", market=PAS, group=None, direction="down"),
    A("en cuantas centrales tienen precio de la uchuva con cascara", "count_markets", "count",
      p="Uchuva con cáscara"),
    A("cuanto vario el pepino cohombro en cenabastos de hace un mes a la semana pasada", "chg_days", "change",
      p="Pepino cohombro", where=M(CUC), d1=ago_months(1), d2=ago_days(7)),
    A("precio promedio de la piña gold en surabastos entre enero y junio de 2025", "mean", "mean", p="Piña gold",
      where=M(NEI), period=("2025-01-01", "2025-06-30")),
    A("cuando estuvo mas cara la lechuga batabia este año en la 21", "max", "max", p="Lechuga Batavia",
      where=M(IBG), period=year(2025)),
    A("en q mes se pone mas cara la mora de castiya en corabastos", "season_high", "season",
      p="Mora de Castilla", where=M(COR)),
    A("cuanto ha subido el maiz blanco trillado en la mayorista desde el primero de marzo", "since", "change",
      p="Maíz blanco trillado", where=M(MAY), d1="2025-03-01"),
    A("cuanto ha subido la bola de pierna de res en un año en cenabastos", "yoy", "yoy",
      p="Carne de res, bola de pierna", where=M(CUC)),
    A("cuantos productos tienen precio en el potrerillo", "count_products", "count", market=PAS),
    A("el precio mas bajo del aguacate papeliyo en las ultimas 4 semanas en sincelejo", "min", "min",
      p="Aguacate papelillo", where=CI("Sincelejo"), period=("last", 4)),
    A("la zanahoria esta barata o cara para la temporada en villavo? xq mi socio dice q ta carisima", "position", "position", p="Zanahoria",
      where=CI("Villavicencio")),
    A("el pescado mas caro de abastos cual es", "rank", "ranking", market=COR, group="Pescados", order="desc",
      n=1),
    A("q fruta subio mas en todo el pais esta semana", "movers", "movers", market=None, group="Frutas frescas",
      direction="up"),
    # ---------------- clarify ----------------
    C("oiga mijo a como esta la papa en abastos hoy", check=("family", "papa", COR)),
    C("cuanto vale el limon en cavasa", check=("family", "limon", CAV)),
    C("ve a como tan las naranjas en barranquillita", check=("family", "naranja", BQT)),
    C("a como ta el queso en medallo", check=("family", "queso", MAY)),
    C("precio del bocachico en monteria hoy", check=("family", "bocachico", MON)),
    C("la sanahoria en cavasa a como?", check=("family", "zanahoria", CAV)),
    C("sebolla cabesona en abastos", check=("family2", "cebolla cabezona", COR)),
    C("a cuanto tan las uvas en abastos", check=("family", "uva", COR)),
    C("a como esta la papa criolla en el mercado de chia", check=("place", "chia")),
    C("cuanto vale la mora de castilla en la union", check=("place2", "la union")),
    C("cual fue el precio mas alto de la mandarina en cavasa este año", family="analytics",
      check=("family", "mandarina", CAV)),
    C("parce la guayaba en pereira a como la tan pagando", check=("family", "guayaba", MER)),
    C("a como esta el pepino en la 21", check=("family", "pepino", IBG)),
    C("el banano en tunja q precio", check=("family", "banano", TUN)),
    # ---------------- no numbers ----------------
    X("buenas tardes don bot, como me le va"),
    X("parce cuanto vale el chontaduro en la galeria alameda de cali"),
    X("cuanto vale la libra de papa criolla en el D1"),
    X("a como venden el aguacate hass al detal en la tienda de la esquina"),
    X("cuanto valia la papa pastusa en corabastos en 2012"),
    X("cuanto va a valer la cebolla junca en abastos en marzo del 2026"),
    X("q precio tiene el maracuya en el exito"),
    X("a como esta el mamoncillo en barranquillita"),
    X("cuanto esta el dolar hoy parce"),
    X("gracias mi llave, muy amable"),
    X("ke puedo preguntarte?"),
    X("el cuy en pasto a como lo venden"),
    X("cual fue el precio mas alto del aguacate hass en abastos en 2015", family="analytics"),
]


# ---------------------------------------------------------------------------------------------------------------
class Labeller:
    def __init__(self) -> None:
        self.d = Data(CSV)
        self.df = self.d.df
        self.weeks = sorted(self.df["week"].unique())
        self.latest = self.d.latest
        with open(VOCAB / "products.csv", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        self.group = {r["name"]: r["group"] for r in rows}
        self.unit = {r["name"]: r["unit"] for r in rows}
        self.names = [r["name"] for r in rows]
        with open(VOCAB / "markets.csv", encoding="utf-8") as fh:
            self.mrows = list(csv.DictReader(fh))
        self.main = dict(MAIN)

    # ----- places -----
    def market_for(self, where, p: str) -> str:
        if where[0] == "m":
            return where[1]
        if where[0] == "c":
            city = where[1]
            main = self.main.get(city)
            if main and self.d.week_price(p, main, self.latest) is not None:
                return main
            # the city's market with the newest price (only used when no main market has it)
            best = None
            for r in self.mrows:
                if r["kind"] == "market" and r["city"] == city:
                    f = self.d.latest_price(p, r["name"])
                    if f and (best is None or f[0] > best[0]):
                        best = (f[0], r["name"])
            assert best, (city, p)
            assert main is None, f"main market of {city} lacks {p}: avoid this question"
            return best[1]
        m = self.d.default_market(p)
        assert m in dict((v, k) for k, v in MAIN), (p, m)
        return m

    def series(self, p: str, m: str) -> pd.DataFrame:
        assert (p, m) not in self.d.conflicted, (p, m)
        s = self.d.series(p, m)
        assert not s.empty, (p, m)
        return s

    def week_holding(self, day: str) -> str:
        rows = self.df[["week", "week_end"]].drop_duplicates()
        hit = rows[(rows["week"] <= day) & (rows["week_end"] >= day)]
        assert len(hit) == 1, day
        return str(hit.iloc[0]["week"])

    def price_at_or_before(self, s: pd.DataFrame, week: str) -> tuple[str, float]:
        idx = self.weeks.index(week)
        for w in reversed(self.weeks[max(0, idx - 4): idx + 1]):
            hit = s[s["week"] == w]
            if not hit.empty:
                return w, float(hit.iloc[0]["price"])
        raise AssertionError(f"no price near {week}")

    def window(self, s: pd.DataFrame, period) -> pd.DataFrame:
        if period is None:
            return s
        if period[0] == "last":
            weeks = self.weeks[-period[1]:]
            return s[s["week"].isin(weeks)]
        a, b = period
        return s[(s["week"] >= a) & (s["week"] <= b)]

    # ----- values -----
    @staticmethod
    def v(kind, value, market=None, date=None, **extra):
        out = {"kind": kind, "value": round(float(value), 4) if kind not in {"count", "month", "years",
                                                                               "position"} else int(value),
               "market": market, "date": date}
        out.update(extra)
        return out

    def label(self, spec: dict) -> tuple[list, list]:
        kind = spec["kind"]
        if kind == "now":
            p = spec["p"]
            m = self.market_for(spec["where"], p)
            s = self.series(p, m)
            w, price = str(s.iloc[-1]["week"]), float(s.iloc[-1]["price"])
            assert w == self.latest, (p, m, w)  # every current-price question asks something priced this week
            vals = [self.v("price", price, m, w)]
            forbid = []
            unit = spec.get("unit")
            if unit:
                u = self.unit[p]
                if u != "kg":
                    forbid = ["trade_price"]
                elif unit == "bulto":
                    if any(p.startswith(x) for x in BULTO_PREFIXES):
                        vals.append(self.v("trade_price", price * 50, m, w, unit="bulto"))
                    else:
                        forbid = ["trade_price"]
                elif isinstance(unit, tuple):
                    vals.append(self.v("trade_price", price * unit[1], m, w, unit="kilos"))
                elif unit == "kilo":
                    pass
                else:
                    vals.append(self.v("trade_price", price * KG[unit], m, w, unit=unit))
            return vals, forbid
        if kind == "day":
            p = spec["p"]
            m = self.market_for(spec["where"], p)
            s = self.series(p, m)
            w = self.week_holding(spec["day"])
            hit = s[s["week"] == w]
            assert not hit.empty, (spec["q"], w)
            return [self.v("price", hit.iloc[0]["price"], m, w)], []
        if kind == "period":
            p = spec["p"]
            m = self.market_for(spec["where"], p)
            s = self.window(self.series(p, m), (spec["start"], spec["end"]))
            assert len(s) >= 2, spec["q"]
            return [self.v("price", s["price"].mean(), m, None)], []
        return getattr(self, "st_" + spec["stat"])(spec), []

    # ----- statistics -----
    def _pm(self, spec):
        p = spec["p"]
        m = self.market_for(spec["where"], p)
        return p, m, self.series(p, m)

    def _extreme(self, spec, fn):
        p, m, s = self._pm(spec)
        w = self.window(s, spec["period"])
        assert len(w) >= 2
        val = fn(w["price"])
        tied = sorted(w.loc[w["price"] == val, "week"].astype(str))
        out = self.v(spec["stat"], val, m, tied[-1])
        if len(tied) > 1:
            out["dates"] = tied
        return [out]

    def st_max(self, spec):
        return self._extreme(spec, lambda x: x.max())

    def st_min(self, spec):
        return self._extreme(spec, lambda x: x.min())

    def st_mean(self, spec):
        p, m, s = self._pm(spec)
        w = self.window(s, spec["period"])
        assert len(w) >= 2
        return [self.v("mean", w["price"].mean(), m)]

    def st_median(self, spec):
        p, m, s = self._pm(spec)
        w = self.window(s, spec["period"])
        assert len(w) >= 2
        return [self.v("median", w["price"].median(), m)]

    def st_chg_days(self, spec):
        p, m, s = self._pm(spec)
        w1, a = self.price_at_or_before(s, self.week_holding(spec["d1"]))
        w2, b = self.price_at_or_before(s, self.week_holding(spec["d2"]))
        return [self.v("price", a, m, w1), self.v("price", b, m, w2), self.v("change_pct", (b / a - 1) * 100, m)]

    def st_since(self, spec):
        p, m, s = self._pm(spec)
        w1, a = self.price_at_or_before(s, self.week_holding(spec["d1"]))
        w2, b = str(s.iloc[-1]["week"]), float(s.iloc[-1]["price"])
        return [self.v("price", a, m, w1), self.v("price", b, m, w2), self.v("change_pct", (b / a - 1) * 100, m)]

    def st_chg_periods(self, spec):
        p, m, s = self._pm(spec)
        a = self.window(s, spec["p1"])["price"]
        b = self.window(s, spec["p2"])["price"]
        assert len(a) >= 2 and len(b) >= 2
        return [self.v("change_pct", (b.mean() / a.mean() - 1) * 100, m), self.v("price", a.mean(), m),
                self.v("price", b.mean(), m)]

    def st_yoy(self, spec):
        p, m, s = self._pm(spec)
        w2, b = str(s.iloc[-1]["week"]), float(s.iloc[-1]["price"])
        target = dt.date.fromisoformat(w2) - dt.timedelta(days=364)
        hit = s[s["week"] == target.isoformat()]
        if hit.empty:
            cands = []
            for r in s.itertuples():
                gap = (dt.date.fromisoformat(r.week) - target).days
                if abs(gap) <= 14:
                    cands.append((abs(gap), gap, r.week, r.price))
            assert cands
            cands.sort()
            _, _, w1, a = cands[0]
        else:
            w1, a = target.isoformat(), float(hit.iloc[0]["price"])
        return [self.v("price", a, m, w1), self.v("price", b, m, w2), self.v("change_pct", (b / a - 1) * 100, m)]

    def _season(self, s):
        x = s.assign(y=s["week"].str[:4].astype(int), mo=s["week"].str[5:7].astype(int))
        mm = x.groupby(["y", "mo"])["price"].mean().reset_index()
        ok_years = [y for y, g in mm.groupby("y") if len(g) >= 6]
        mm = mm[mm["y"].isin(ok_years)].copy()
        mm["ratio"] = mm["price"] / mm.groupby("y")["price"].transform("mean")
        idx = mm.groupby("mo")["ratio"].agg(["mean", "count"])
        idx = idx[idx["count"] >= 2]["mean"]
        return idx, len(ok_years)

    def st_season_low(self, spec):
        p, m, s = self._pm(spec)
        idx, n = self._season(s)
        srt = idx.sort_values()
        assert srt.iloc[1] - srt.iloc[0] > 1e-9
        return [self.v("month", int(srt.index[0]), m), self.v("years", n, m)]

    def st_season_high(self, spec):
        p, m, s = self._pm(spec)
        idx, n = self._season(s)
        srt = idx.sort_values(ascending=False)
        assert srt.iloc[0] - srt.iloc[1] > 1e-9
        return [self.v("month", int(srt.index[0]), m), self.v("years", n, m)]

    def st_position(self, spec):
        p, m, s = self._pm(spec)
        w, price = str(s.iloc[-1]["week"]), float(s.iloc[-1]["price"])
        y, mo = int(w[:4]), w[5:7]
        x = s[(s["week"].str[5:7] == mo) & (s["week"].str[:4].astype(int) < y)]
        means = x.groupby(x["week"].str[:4])["price"].mean()
        assert len(means) >= 2
        pos = -1 if price < means.min() else (1 if price > means.max() else 0)
        return [self.v("price", price, m, w), self.v("position", pos, m)]

    def st_rank(self, spec):
        m, week = spec["market"], spec.get("week", self.latest)
        x = self.df[(self.df["market"] == m) & (self.df["week"] == week)]
        x = x[x["product"].map(lambda p: self.unit[p] == "kg")]
        if spec["group"]:
            x = x[x["product"].map(lambda p: self.group[p] == spec["group"])]
        asc = spec["order"] == "asc"
        rows = sorted(((r.price if asc else -r.price, r.product, r.price) for r in x.itertuples()))
        out = []
        for i, (_, prod, price) in enumerate(rows[: spec["n"]]):
            out.append(self.v("price", price, m, week, product=prod))
        # the first must not be tied with the next (else the answer is not unique)
        assert rows[0][0] != rows[1][0], spec["q"]
        return out

    def _period_means(self, x, period):
        if period is None:
            return None
        return x[(x["week"] >= period[0]) & (x["week"] <= period[1])]

    def st_movers(self, spec):
        if "p1" in spec:
            a = self.df[(self.df["week"] >= spec["p1"][0]) & (self.df["week"] <= spec["p1"][1])]
            b = self.df[(self.df["week"] >= spec["p2"][0]) & (self.df["week"] <= spec["p2"][1])]
        else:
            a = self.df[self.df["week"] == self.d.previous]
            b = self.df[self.df["week"] == self.latest]
        if spec["group"]:
            a = a[a["product"].map(lambda p: self.group[p] == spec["group"])]
            b = b[b["product"].map(lambda p: self.group[p] == spec["group"])]
        if spec["market"]:
            a = a[a["market"] == spec["market"]].groupby("product")["price"].mean()
            b = b[b["market"] == spec["market"]].groupby("product")["price"].mean()
            both = sorted(set(a.index) & set(b.index))
            chg = {p: (b[p] / a[p] - 1) * 100 for p in both}
        else:
            am = a.groupby(["product", "market"])["price"].mean()
            bm = b.groupby(["product", "market"])["price"].mean()
            keys = sorted(set(am.index) & set(bm.index))
            by = {}
            for p, mk in keys:
                by.setdefault(p, []).append((am[(p, mk)], bm[(p, mk)]))
            chg = {p: (sum(v[1] for v in vs) / len(vs) / (sum(v[0] for v in vs) / len(vs)) - 1) * 100
                   for p, vs in by.items()}
        rows = sorted(chg.items(), key=lambda kv: (-kv[1] if spec["direction"] == "up" else kv[1], kv[0]))
        assert abs(rows[0][1] - rows[1][1]) > 0.3, (spec["q"], rows[:3])
        top, val = rows[0]
        return [self.v("change_pct", val, spec["market"], None, product=top)]

    def st_count_markets(self, spec):
        x = self.df[(self.df["product"] == spec["p"]) & (self.df["week"] == self.latest)]
        return [self.v("count", x["market"].nunique())]

    def st_count_products(self, spec):
        x = self.df[(self.df["market"] == spec["market"]) & (self.df["week"] == self.latest)]
        return [self.v("count", x["product"].nunique(), spec["market"])]

    # ----- clarify checks -----
    def check_clarify(self, spec) -> None:
        chk = spec["check"]
        weeks8 = self.weeks[-8:]
        if chk[0] in {"family", "family2"}:
            word, m = chk[1], chk[2]
            n = len(word.split())
            # the word as a whole product name must not be priced there in the last 8 weeks
            whole = [p for p in self.names if fold(p) == word]
            for p in whole:
                s = self.d.series(p, m)
                assert s[s["week"].isin(weeks8)].empty, (spec["q"], p)
            kinds = [p for p in self.names if fold(p).split()[:n] == word.split()]
            priced = [p for p in kinds if self.d.week_price(p, m, self.latest) is not None]
            assert len(priced) >= 2, (spec["q"], priced)
            spec["_options"] = priced
        elif chk[0] == "place":
            for r in self.mrows:
                hay = fold(r["name"]) + " " + fold(r["city"]) + " " + fold(r["department"]) + " " + fold(
                    r["aliases"])
                assert chk[1] not in hay.split(), (spec["q"], r["name"])
        elif chk[0] == "place2":
            hits = [r["name"] for r in self.mrows if fold(r["city"]) == chk[1]]
            assert len(hits) >= 2, hits


def tags_for(spec) -> list[str]:
    tags = [SET]
    if spec["expect"] == "answer":
        if spec["family"] == "lookup" and spec["kind"] == "now":
            tags.append("direct")
        if spec["family"] == "analytics":
            tags.append(spec["tag"])
    return tags


def main() -> None:
    lab = Labeller()
    recs = []
    for i, spec in enumerate(SPECS, 1):
        values, forbid = [], []
        if spec["expect"] == "answer":
            values, forbid = lab.label(spec)
        elif spec["expect"] == "clarify":
            lab.check_clarify(spec)
        recs.append({"id": f"b19t-{i:03d}", "q": spec["q"], "prev": [], "family": spec["family"],
                     "expect": spec["expect"], "values": values, "forbid": forbid, "tags": tags_for(spec)})
    qs = [r["q"] for r in recs]
    assert len(qs) == len(set(qs)), [q for q, n in Counter(qs).items() if n > 1]
    with open(OUT, "w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(recs), "questions ->", OUT)
    print(Counter(r["expect"] for r in recs), Counter(r["family"] for r in recs))
    print(Counter(t for r in recs for t in r["tags"]))


if __name__ == "__main__":
    main()
