"""Blind held-out LOOKUP set no. 8 for SIPSABot (tag "blind8-lookup", ids b8l-001...).

Written by a QA engineer who did NOT read the bot's router, handlers, models, data loaders, tests, its labellers
under tools/labellers/ or any other question set. Sources read: tests/questions/LABELS.md (the contract),
tools/label_questions.py (its `Data` class and the MAIN city -> market list are reused by import),
data/vocab/products.csv and markets.csv (canonical names) and the raw table
../shared/sipsa/series/semanal_precios_2017-2025.csv.gz.

    .venv/bin/python tools/labellers/label_blind8_lookup.py   ->  tests/questions/blind/blind8-lookup.jsonl

Population: housewives and cooks planning the market, bakers, fruit sellers, fishmongers, meat shops, town
traders in Boyacá, Nariño, Antioquia, Valle and the Llanos; colloquial phone/voice-note Spanish, typos, no accents.

Pinned facts and rules (LABELS.md): TODAY = 2025-11-03, newest week 2025-10-25. Prices = precio_medio_cop_kg of the
(product, market, semana_inicio) row (COP per kg, per unidad for eggs/bocadillo, per litro for oils). Values keep
full precision (round 4); change_pct = (new/old - 1)*100 rounded to 0.1.
- Market named -> that market. City named -> MAIN market of the city; if MAIN never priced the product, the city's
  market with the newest price. Town names (Tuluá, Sonsón, Túquerres...) are the single SIPSA market of that town.
  No place -> first MAIN market (MAIN order) that priced the product in its newest week.
- No period -> the newest week of the series; every "direct" item is priced in 2025-10-25 (items not priced
  then are dropped, so "ahora" and "newest week" coincide).
- A day -> the week holding it (semana_inicio <= day <= semana_fin). Month/quarter/year -> plain mean of the weekly
  prices of the weeks whose semana_inicio falls in it (kind price, no date). Month without year = most recent
  occurrence before TODAY; "este año" = 2025, "el año pasado" = 2024.
- Relative: "la semana pasada" = the week holding TODAY - 7 days (2025-10-27 -> week 2025-10-25; this is my reading of
  LABELS.md's "the week holding 2025-10-27", the same as tools/label_questions.py); "hace N semanas" = week holding
  TODAY - 7N days; "hace N días" = week holding TODAY - N days; "hace N meses" = week holding the same day N months
  before TODAY.
- Compare 2-3 places: each place's current price. Cheapest/priciest: over all markets (or the named city's markets)
  pricing the product in 2025-10-25; value = that market's price; items with a tie at the top are dropped.
- Change between two days: each day's week (if unpriced, the closest earlier priced week at most 4 weeks back),
  values two prices with date + change_pct. Between two months/years: change_pct of the period means (+ both means
  as price without date). From a date to now: week holding the date vs the newest week of the series.
- Trade units: libra 0.5, arroba 12.5, N kilos N kg, bulto 50 only for Papa/Cebolla cabezona/Zanahoria/Yuca/
  Arracacha/Arroz/Fríjol/Maíz/Lenteja/Garbanzo/Arveja seca/Azúcar; values per-kg price (with date) + trade_price
  (field unit). Bulto of other products: price only, forbid trade_price. Eggs/oils per kilo: own-unit price, forbid.
- clarify on a family word: options = canonical products whose folded name starts with the word and that are priced
  in that market (or, with no place, in any market) in 2025-10-25; only asked where >= 2 are. clarify on places that
  are neither a SIPSA market, city nor department (Zipaquirá, Girardot, Paipa, Puerto López, Jamundí).
- no_numbers: untracked foods, retail/shop prices, years before 2017 / after the data, small talk.
Avoided on purpose (LABELS.md silent/ambiguous): "desde <mes>" without a day, family words where only one kind is
priced, "tomate" (tomate de árbol?), cities whose MAIN market has the product but not in the period asked,
(product, market) pairs with duplicated rows in the CSV (dropped by Data), Bucaramanga/Ibagué/etc. "(dept)" twins.
Dropped while writing (value not computable per the rules): "a como esta la badea" (its newest week is not
2025-10-25), "abastos la breva cuanto" (Corabastos has no 2025-10-25 price), "en junio del 2022 ... bocachico
criollo en las flores" (no weeks in that month), and two day questions on Tunja/Villavicencio, re-checked and kept
after fixing the city->market rule for days. The script prints any further drop under DROPPED.

First run (`sipsabot eval --tag blind8-lookup --verbose`, once, at commit b9739da, after the fixes from blind6
and blind7 and before any fix from this one): 87.6% exact (156/178), 90.5% on direct price questions (76/84),
2.8% confidently wrong (5/178). Most misses were one general cause each: "las flores" (Bogotá's Plaza Las
Flores) not read as a market (7 questions, all asked back), "allá" next to a product read as an unknown variety,
a food family with one kind priced in the place asked back instead of answering it, "cuajada" (Queso cuajada)
not found, "cobran x", a follow-up starting "listo, y …allá?" answered for the default market, a range of two
days without the first year, and a bare year "2024" inside "31/02/2024". No label was changed after the run.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from label_questions import CSV, MAIN, Data, fold, shift_months  # noqa: E402

HERE = Path(__file__).resolve().parent
OUT = Path(__file__).resolve().parents[2] / "tests" / "questions" / "blind" / "blind8-lookup.jsonl"
TODAY = dt.date(2025, 11, 3)
NEWEST = "2025-10-25"
TAG = "blind8-lookup"

PAL, FLO, COR = "Bogotá, D.C., Paloquemao", "Bogotá, D.C., Plaza Las Flores", "Bogotá, D.C., Corabastos"
GUA = "Bogotá, D.C., Frigorífico Guadalupe"
MIN, CMA = 'Medellín, Plaza Minorista "José María Villa"', "Medellín, Central Mayorista de Antioquia"
SEL, CAV = "Cali, Santa Elena", "Cali, Cavasa"
GRA, BQT = "Barranquilla, Granabastos", "Barranquilla, Barranquillita"
CEN, BMC = "Bucaramanga, Centroabastos", "Bucaramanga, Mercados del centro"
TIB, DUI, CHI = "Tibasosa (Boyacá), Coomproriente", "Duitama (Boyacá), Mercaplaza", "Chiquinquirá (Boyacá)"
TUN = "Tunja, Complejo de Servicios del Sur"
TUQ, IPI, LUN, POT = "Túquerres (Nariño)", "Ipiales (Nariño), Ipiales somos todos", "La Unión (Nariño)", \
    "Pasto, El Potrerillo"
RIO, MAR, SON, CEJ = "Rionegro (Antioquia)", "Marinilla (Antioquia)", "Sonsón (Antioquia)", "La Ceja (Antioquia)"
TUL, PAL2, CAR, BUN = "Tuluá (Valle del Cauca)", "Palmira (Valle del Cauca)", "Cartago (Valle del Cauca)", \
    "Buenaventura (Valle del Cauca)"
VIL, YOP, ARA = "Villavicencio, CAV", "Yopal (Casanare)", "Arauca (Arauca)"
BAZ, SMT = "Cartagena, Bazurto", "Santa Marta (Magdalena)"


def M(x):
    return "m:" + x


def C(x):
    return "c:" + x


N = "n"

# ---------------------------------------------------------------- direct current-price questions
DIRECT = [
    ("oiga a como me sale el kilo de pechuga en paloquemao", "Pechuga de pollo", M(PAL)),
    ("paloquemao queso doble crema q vale", "Queso doble crema", M(PAL)),
    ("cuanto cobran x la cuajada en paloquemao", "Queso cuajada", M(PAL)),
    ("en paloquemao en cuanto anda el lomo fino de res", "Carne de res, lomo fino", M(PAL)),
    ("la trucha mariposa en paloquemao cuanto la estan dando", "Trucha en corte mariposa", M(PAL)),
    ("harina de trigo paloquemao precio pa la panaderia", "Harina de trigo", M(PAL)),
    ("cuanto esta la sobrebarriga en paloquemao pa hacer un sudado", "Carne de res, sobrebarriga", M(PAL)),
    ("vecina pregunto a como tienen la costilla de res en paloquemao", "Carne de res, costilla", M(PAL)),
    ("el bagre fresco entero en la plaza de las flores a como", "Bagre rayado entero fresco", M(FLO)),
    ("a como esta el bocachico criollo en las flores de bogota", "Bocachico criollo fresco", M(FLO)),
    ("costilla de cerdo plaza las flores a como", "Carne de cerdo, costilla", M(FLO)),
    ("q vale la cachama en la plaza las flores", "Cachama de cultivo fresca", M(FLO)),
    ("el nicuro fresco en las flores, a cuanto", "Nicuro fresco", M(FLO)),
    ("margarina en la plaza de las flores bogota cuanto el kilo pa los pandebonos", "Margarina", M(FLO)),
    ("la minorista de medellin el mango tommy a como", "Mango Tommy", M(MIN)),
    ("q vale la guanabana en la minorista de medellin", "Guanábana", M(MIN)),
    ("cuanto cobran por el zapote alla en la plaza minorista", "Zapote", M(MIN)),
    ("en la minorista jose maria villa cuanto esta la punta de anca", "Carne de res, punta de anca", M(MIN)),
    ("yuca criolla en la minorista cuanto me sale", "Yuca criolla", M(MIN)),
    ("santa elena cali el kilo de lulo cuanto cobran", "Lulo", M(SEL)),
    ("a como esta la granadilla en la galeria santa elena", "Granadilla", M(SEL)),
    ("el coco en santa elena de cali a como lo venden", "Coco", M(SEL)),
    ("q vale el queso caqueta en santa elena", "Queso Caquetá", M(SEL)),
    ("cuanto anda el langostino 16-20 en santa elena", "Langostino 16-20", M(SEL)),
    ("la uva isabela en santa helena a como la estan dando", "Uva Isabela", M(SEL)),
    ("granabastos el queso costeño a como", "Queso costeño", M(GRA)),
    ("cuanto esta la piña perolera en granabastos", "Piña perolera", M(GRA)),
    ("en granabastos la yuca criolla q vale pal sancocho", "Yuca criolla", M(GRA)),
    ("a como me sale el tomate riogrande bumangues en granabastos", "Tomate Riogrande bumangués", M(GRA)),
    ("centroabastos la pitahaya a como", "Pitahaya", M(CEN)),
    ("en bucaramanga cuanto esta el borojo", "Borojó", C("Bucaramanga")),
    ("q vale el frijol radical en bucaramanga", "Fríjol radical", C("Bucaramanga")),
    ("en los mercados del centro de bucaramanga a como esta el queso campesino", "Queso campesino", M(BMC)),
    ("oiga y la feijoa alla en tunja en cuanto la tienen", "Feijoa", C("Tunja")),
    ("papa tocarreña en tunja a como", "Papa tocarreña", C("Tunja")),
    ("haba verde en tunja q vale el kilo", "Haba verde", C("Tunja")),
    ("en tibasosa a como esta la cebolla junca aquitania", "Cebolla junca Aquitania", M(TIB)),
    ("duitama mercaplaza el durazno nacional a como", "Durazno nacional", M(DUI)),
    ("mora de castilla en duitama cuanto la pagan", "Mora de Castilla", M(DUI)),
    ("en chiquinquira cuanto vale la pitajaya", "Pitahaya", M(CHI)),
    ("ulluco en tuquerres cuanto", "Ulluco", M(TUQ)),
    ("a como esta la cebolla cabezona blanca pastusa en tuquerres", "Cebolla cabezona blanca pastusa", M(TUQ)),
    ("en ipiales el repollo verde a como lo estan pagando", "Repollo verde", C("Ipiales")),
    ("la papa morasurco en la union nariño", "Papa Morasurco", M(LUN)),
    ("potrerillo trucha entera fresca a como", "Trucha entera fresca", M(POT)),
    ("en pasto cuanto esta la papa ica huila", "Papa ICA-Huila", C("Pasto")),
    ("arveja pastusa en el potrerillo cuanto vale", "Arveja verde en vaina pastusa", M(POT)),
    ("papa nevada en rionegro antioquia a como", "Papa nevada", M(RIO)),
    ("frijol cargamanto blanco en marinilla cuanto", "Fríjol cargamanto blanco", M(MAR)),
    ("higos en sonson a como estan", "Higo", M(SON)),
    ("la gulupa en sonson antioquia", "Gulupa", M(SON)),
    ("la ceja antioquia el aguacate hass a como", "Aguacate Hass", M(CEJ)),
    ("tulua limon comun valluno cuanto", "Limón común valluno", M(TUL)),
    ("en tulua a como esta la panela cuadrada morena", "Panela cuadrada morena", M(TUL)),
    ("palmira valle el queso campesino cuanto vale", "Queso campesino", M(PAL2)),
    ("en cartago cuanto cobran por el frijol uribe rosado", "Fríjol Uribe rosado", M(CAR)),
    ("buenaventura el filete de corvina cuanto", "Corvina, filete congelado nacional", M(BUN)),
    ("pargo rojo platero buenaventura a como esta", "Pargo rojo platero", M(BUN)),
    ("en villavo a como esta la yuca llanera", "Yuca llanera", C("Villavicencio")),
    ("cav villavicencio pepino de rellenar", "Pepino de rellenar", M(VIL)),
    ("bocadillo veleño en villavicencio cuanto la unidad", "Bocadillo veleño", C("Villavicencio")),
    ("yopal casanare la cachama a como", "Cachama de cultivo fresca", M(YOP)),
    ("en yopal cuanto esta la carne de res punta de anca", "Carne de res, punta de anca", M(YOP)),
    ("arauca el bocachico criollo a como", "Bocachico criollo fresco", M(ARA)),
    ("bazurto el ñame espino a como", "Ñame espino", M(BAZ)),
    ("papaya tainung en bazurto cuanto el kilo", "Papaya tainung", M(BAZ)),
    ("santa marta el pargo platero a como", "Pargo rojo platero", M(SMT)),
    ("mojarra lora congelada en santa marta", "Mojarra lora entera congelada", M(SMT)),
    ("cuanto vale el ahuyamin", "Ahuyamín (Sakata)", N),
    ("precio de la sierra congelada pal restaurante", "Sierra entera congelada", N),
    ("cuanto cobran por la almeja sin concha", "Almejas sin concha", N),
    ("el maiz pira q vale ahorita", "Maíz pira", N),
    ("corabastos el kiwi a como", "Kiwi", M(COR)),
    ("en bogota cuanto esta la acelga", "Acelga", C("Bogotá")),
    ("en medellin a como esta el maracuya antioqueño", "Maracuyá antioqueño", C("Medellín")),
    ("pa la bandeja paisa, a como esta el frijol cargamanto rojo en medellin?", "Fríjol cargamanto rojo",
     C("Medellín")),
    ("barranquillita la mojarra lora fresca en cuanto anda", "Mojarra lora entera fresca", M(BQT)),
    ("en barranquilla a como esta el cebollin", "Cebollín chino", C("Barranquilla")),
    ("a como esta el pimenton verde en la mayorista de medellin", "Pimentón verde", M(CMA)),
]

# ---------------------------------------------------------------- other lookups
OTHER = [
    # a day / a week
    dict(q="cuanto valia la cebolla junca aquitania en tunja el 15 de agosto de 2025", k="day",
         p="Cebolla junca Aquitania", w=C("Tunja"), day="2025-08-15"),
    dict(q="a como estaba la cachama en villavicencio el 2 de enero del 2024", k="day",
         p="Cachama de cultivo fresca", w=C("Villavicencio"), day="2024-01-02"),
    dict(q="pechuga en paloquemao el 20/06/2025 cuanto estaba", k="day", p="Pechuga de pollo", w=M(PAL),
         day="2025-06-20"),
    dict(q="el lulo en santa elena el 1 de mayo del 2023 q valia", k="day", p="Lulo", w=M(SEL), day="2023-05-01"),
    dict(q="en la minorista el 24 de diciembre de 2024 a como estaba el lomo fino", k="day",
         p="Carne de res, lomo fino", w=M(MIN), day="2024-12-24"),
    dict(q="la semana del 6 de septiembre de 2025 cuanto estaba la papa superior en duitama", k="day",
         p="Papa superior", w=M(DUI), day="2025-09-06"),
    dict(q="cuanto costo el bagre entero fresco en las flores el 14 de febrero de 2025", k="day",
         p="Bagre rayado entero fresco", w=M(FLO), day="2025-02-14"),
    # months, quarters, years
    dict(q="cuanto estuvo en promedio el queso costeño en granabastos en julio", k="period", p="Queso costeño",
         w=M(GRA), s="2025-07-01", e="2025-07-31", tags=["month"]),
    dict(q="en marzo a como estuvo la mora de castilla en tibasosa", k="period", p="Mora de Castilla", w=M(TIB),
         s="2025-03-01", e="2025-03-31", tags=["month"]),
    dict(q="tilapia roja fresca en yopal en agosto de 2024 cuanto valia", k="period",
         p="Tilapia roja entera fresca", w=M(YOP), s="2024-08-01", e="2024-08-31", tags=["month"]),
    dict(q="el limon tahiti en tulua en diciembre a como estuvo", k="period", p="Limón Tahití", w=M(TUL),
         s="2024-12-01", e="2024-12-31", tags=["month"]),
    dict(q="promedio del tercer trimestre de 2025 de la papa criolla en tunja", k="period",
         p="Papa criolla limpia", w=C("Tunja"), s="2025-07-01", e="2025-09-30", tags=["quarter"]),
    dict(q="primer trimestre del 2024 aguacate hass rionegro, a como estuvo", k="period", p="Aguacate Hass",
         w=M(RIO), s="2024-01-01", e="2024-03-31", tags=["quarter"]),
    dict(q="cuanto valio en promedio la harina de trigo en paloquemao en 2024", k="period", p="Harina de trigo",
         w=M(PAL), s="2024-01-01", e="2024-12-31", tags=["year"]),
    dict(q="el año pasado a como estuvo el frijol cargamanto rojo en marinilla", k="period",
         p="Fríjol cargamanto rojo", w=M(MAR), s="2024-01-01", e="2024-12-31", tags=["year"]),
    dict(q="este año en promedio la panela redonda morena en la minorista cuanto ha estado", k="period",
         p="Panela redonda morena", w=M(MIN), s="2025-01-01", e="2025-12-31", tags=["year"]),
    dict(q="a como estaba la cebolla junca en la mayorista de antioquia en 2017", k="period",
         p="Cebolla junca", w=M(CMA), s="2017-01-01", e="2017-12-31", tags=["year"]),
    # relative
    dict(q="la semana pasada a como estuvo el queso doble crema en paloquemao", k="rel", p="Queso doble crema",
         w=M(PAL), day=(TODAY - dt.timedelta(days=7)).isoformat()),
    dict(q="hace dos semanas cuanto estaba el pargo platero en santa marta", k="rel", p="Pargo rojo platero",
         w=M(SMT), day=(TODAY - dt.timedelta(days=14)).isoformat()),
    dict(q="hace 3 semanas la cuajada en tulua q valia", k="rel", p="Queso cuajada", w=M(TUL),
         day=(TODAY - dt.timedelta(days=21)).isoformat()),
    dict(q="hace un mes a como estaba la gulupa en sonson", k="rel", p="Gulupa", w=M(SON),
         day=shift_months(TODAY, 1).isoformat()),
    dict(q="hace dos meses cuanto valia la trucha en el potrerillo", k="rel", p="Trucha entera fresca", w=M(POT),
         day=shift_months(TODAY, 2).isoformat()),
    dict(q="hace 10 dias el borojo en centroabastos a como", k="rel", p="Borojó", w=M(CEN),
         day=(TODAY - dt.timedelta(days=10)).isoformat()),
    dict(q="papa pastusa chiquinquira hace 6 meses cuanto", k="rel", p="Papa parda pastusa", w=M(CHI),
         day=shift_months(TODAY, 6).isoformat()),
    dict(q="la semana pasada la cachama en yopal a como estuvo?", k="rel", p="Cachama de cultivo fresca", w=M(YOP),
         day=(TODAY - dt.timedelta(days=7)).isoformat()),
    # compare places (current)
    dict(q="la cachama en las flores vs paloquemao", k="cmp", p="Cachama de cultivo fresca", ws=[M(FLO), M(PAL)]),
    dict(q="queso costeño granabastos o barranquillita, cuanto en cada una", k="cmp", p="Queso costeño",
         ws=[M(GRA), M(BQT)]),
    dict(q="compareme la papa criolla en tunja, duitama y tibasosa", k="cmp", p="Papa criolla limpia",
         ws=[C("Tunja"), M(DUI), M(TIB)]),
    dict(q="lulo cali vs bucaramanga q tal", k="cmp", p="Lulo", ws=[C("Cali"), C("Bucaramanga")]),
    dict(q="pechuga en paloquemao, las flores y el frigorifico guadalupe", k="cmp", p="Pechuga de pollo",
         ws=[M(PAL), M(FLO), M(GUA)]),
    dict(q="platano harton verde villavicencio y yopal cual esta mejor", k="cmp", p="Plátano hartón verde",
         ws=[C("Villavicencio"), M(YOP)]),
        # cheapest / priciest this week
    dict(q="donde esta mas barata la cachama esta semana", k="cheap", p="Cachama de cultivo fresca"),
    dict(q="en que plaza esta mas cara la trucha mariposa", k="dear", p="Trucha en corte mariposa"),
    dict(q="cual es la plaza mas barata pa comprar fresa pa las tortas", k="cheap", p="Fresa"),
    dict(q="en que mercado de cali sale mas barato el pimenton", k="cheap", p="Pimentón", city="Cali"),
    dict(q="en bogota donde esta mas barato el queso campesino", k="cheap", p="Queso campesino", city="Bogotá"),
    dict(q="donde esta mas caro el huevo rojo aa", k="dear", p="Huevo rojo AA"),
    dict(q="mercado mas barato del pais pa la mora de castilla", k="cheap", p="Mora de Castilla"),
    dict(q="donde venden mas caro el lomo de cerdo sin hueso", k="dear", p="Carne de cerdo, lomo sin hueso"),
    dict(q="en medellin cual plaza tiene mas barata la papa criolla", k="cheap", p="Papa criolla limpia",
         city="Medellín"),
    # changes
    dict(q="cuanto subio o bajo la papa superior en duitama entre el 1 de febrero y el 1 de agosto de 2025",
         k="chg_days", p="Papa superior", w=M(DUI), d1="2025-02-01", d2="2025-08-01"),
    dict(q="variacion de la pechuga en paloquemao del 5 de enero al 5 de octubre de 2025", k="chg_days",
         p="Pechuga de pollo", w=M(PAL), d1="2025-01-05", d2="2025-10-05"),
    dict(q="la cebolla junca aquitania en tunja entre el 10 de marzo y el 10 de septiembre de 2024 cuanto cambio",
         k="chg_days", p="Cebolla junca Aquitania", w=C("Tunja"), d1="2024-03-10", d2="2024-09-10"),
    dict(q="cuanto subio el lulo en santa elena de agosto a septiembre de 2025", k="chg_periods", p="Lulo",
         w=M(SEL), p1=("2025-08-01", "2025-08-31"), p2=("2025-09-01", "2025-09-30")),
    dict(q="bola de pierna en palmira 2023 contra 2024 cuanto vario", k="chg_periods",
         p="Carne de res, bola de pierna", w=M(PAL2), p1=("2023-01-01", "2023-12-31"),
         p2=("2024-01-01", "2024-12-31")),
    dict(q="el queso costeño en granabastos de enero a septiembre de 2025 cuanto cambio", k="chg_periods",
         p="Queso costeño", w=M(GRA), p1=("2025-01-01", "2025-01-31"), p2=("2025-09-01", "2025-09-30")),
    dict(q="desde el 1 de junio de 2025 cuanto ha subido el aguacate hass en la ceja", k="since",
         p="Aguacate Hass", w=M(CEJ), day="2025-06-01"),
    dict(q="frente al 15 de julio de 2025 como esta la cachama en yopal", k="since",
         p="Cachama de cultivo fresca", w=M(YOP), day="2025-07-15"),
        # trade units
    dict(q="a como me sale la arroba de papa pastusa en chiquinquira", k="trade", p="Papa parda pastusa",
         w=M(CHI), unit="arroba"),
    dict(q="el bulto de zanahoria en duitama cuanto", k="trade", p="Zanahoria", w=M(DUI), unit="bulto"),
    dict(q="la libra de cuajada en paloquemao", k="trade", p="Queso cuajada", w=M(PAL), unit="libra"),
    dict(q="cuanto me sale el bulto de arroz de primera en las flores", k="trade", p="Arroz de primera",
         w=M(FLO), unit="bulto"),
    dict(q="un bulto de cebolla cabezona blanca pastusa en tuquerres q vale", k="trade",
         p="Cebolla cabezona blanca pastusa", w=M(TUQ), unit="bulto"),
    dict(q="10 kilos de tomate chonto en duitama a como", k="trade", p="Tomate chonto", w=M(DUI), unit="kilos",
         kg=10),
    dict(q="la arroba de yuca llanera en villavicencio", k="trade", p="Yuca llanera", w=C("Villavicencio"),
         unit="arroba"),
    dict(q="bulto de mango tommy en tunja", k="trade", p="Mango Tommy", w=C("Tunja"), unit="bulto"),
    dict(q="a como el kilo de huevo rojo aa en las flores", k="trade", p="Huevo rojo AA", w=M(FLO), unit="kilo"),
    dict(q="libra de lomo fino en paloquemao", k="trade", p="Carne de res, lomo fino", w=M(PAL), unit="libra"),
    dict(q="bulto de frijol cargamanto rojo en marinilla cuanto sale", k="trade", p="Fríjol cargamanto rojo",
         w=M(MAR), unit="bulto"),
    dict(q="la arroba de azucar refinada en paloquemao pa la panaderia", k="trade", p="Azúcar refinada",
         w=M(PAL), unit="arroba"),
    dict(q="5 kilos de harina de trigo en villavicencio cuanto me cuestan", k="trade", p="Harina de trigo",
         w=C("Villavicencio"), unit="kilos", kg=5),
    dict(q="aceite de soya el kilo en las flores", k="trade", p="Aceite soya", w=M(FLO), unit="kilo"),
    # follow-ups
    dict(prev=["a como esta la trucha mariposa en paloquemao"], q="y en las flores?", k="now",
         p="Trucha en corte mariposa", w=M(FLO)),
    dict(prev=["cuanto vale la papa criolla en tunja"], q="y la tocarreña?", k="now", p="Papa tocarreña",
         w=C("Tunja")),
    dict(prev=["granadilla en santa elena cuanto"], q="y hace un mes a como la tenian?", k="rel", p="Granadilla", w=M(SEL),
         day=shift_months(TODAY, 1).isoformat()),
    dict(prev=["cuanto esta el queso costeño en granabastos"], q="y la libra?", k="trade", p="Queso costeño",
         w=M(GRA), unit="libra"),
    dict(prev=["pechuga en las flores a como"], q="y donde esta mas barata?", k="cheap", p="Pechuga de pollo"),
    dict(prev=["la mora de castilla en duitama"], q="y en chiquinquira?", k="now", p="Mora de Castilla",
         w=M(CHI)),
    dict(prev=["a como esta el ulluco en tuquerres", "y en ipiales?"], q="listo, y la haba verde alla?", k="now",
         p="Haba verde", w=C("Ipiales")),
    dict(prev=["cuanto vale el bagre fresco en las flores"], q="y en paloquemao el 1 de marzo de este año?",
         k="day", p="Bagre rayado entero fresco", w=M(PAL), day="2025-03-01"),
    dict(prev=["a como esta el aguacate hass en la ceja"], q="y en sonson?", k="now", p="Aguacate Hass",
         w=M(SON)),
]

FAMILY = [  # (question, family word, market or None)
    ("mija pregunte a como esta la papa alla en tunja", "papa", TUN),
    ("cuanto vale el platano en tunja", "platano", TUN),
    ("q vale el queso en paloquemao", "queso", PAL),
    ("el huevo en las flores a como", "huevo", FLO),
    ("cuanto cobran por el bagre en las flores", "bagre", FLO),
    ("mango en tunja cuanto", "mango", TUN),
    ("la panela en centroabastos a como", "panela", CEN),
    ("cuanto esta el limon en la minorista", "limon", MIN),
    ("maracuya en santa marta a como", "maracuya", SMT),
    ("el azucar en paloquemao a como esta pa la panaderia", "azucar", PAL),
    ("el frijol a como esta", "frijol", None),
]
BADPLACE = [
    "cuanto vale la papa criolla en zipaquira",
    "a como esta el tomate chonto en girardot",
    "bagre rayado entero fresco en puerto lopez cuanto",
    "precio del queso campesino en paipa",
    "la guanabana en jamundi a como",
]
NONUM = [
    ("cuanto vale la levadura fresca pa hacer pan", "untracked"),
    ("en pasto a como me sale un cuy pa asar", "untracked"),
    ("el mamoncillo a como esta en barranquilla", "untracked"),
    ("cuanto esta el kilo de tomate chonto en el d1", "retail"),
    ("a como venden la papa criolla en el exito", "retail"),
    ("la pechuga al detal en la tienda del barrio cuanto", "retail"),
    ("precio de la panela en la tienda de la esquina", "retail"),
    ("a como estaba la papa pastusa en corabastos en 2014", "year"),
    ("cuanto va a valer la cebolla junca en tunja en 2027", "year"),
    ("precio del platano harton verde en 2016 en villavicencio", "year"),
    ("buenas mijo como le va", "smalltalk"),
    ("gracias mi don, muy amable", "smalltalk"),
]

BULTO_PREFIX = ["papa", "cebolla cabezona", "zanahoria", "yuca", "arracacha", "arroz", "frijol", "maiz", "lenteja",
                "garbanzo", "arveja seca", "azucar"]
KG = {"libra": 0.5, "arroba": 12.5, "bulto": 50.0, "kilo": 1.0}


def main() -> None:
    d = Data(CSV)
    assert d.latest == NEWEST
    main_of = dict(MAIN)
    dropped: list[str] = []
    out: list[dict] = []

    def v(kind, value, market=None, date=None, **extra):
        r = {"kind": kind, "value": round(float(value), 4), "market": market, "date": date}
        r.update(extra)
        return r

    def market_for(w, p, period=None):
        if w == N:
            return d.default_market(p)
        tag, name = w.split(":", 1)
        if tag == "m":
            return name
        main = main_of.get(name)
        if main and not d.series(p, main).empty:
            if period is None:
                lp = d.latest_price(p, main)
                return main if lp and lp[0] == NEWEST else None  # main priced it once but not now: ambiguous
            if period == "day":  # a day: the main market's week holding it (unpriced -> dropped by the caller)
                return main
            return main if not d.window(p, main, *period).empty else None
        if period is not None:
            return None
        return d.city_market(name, p)

    def week_at(p, m, day, back=0):
        s = d.series(p, m)
        hit = s[(s["week"] <= day) & (s["week_end"] >= day)]
        if not hit.empty:
            return str(hit.iloc[-1]["week"]), float(hit.iloc[-1]["price"])
        if back:
            lo = (dt.date.fromisoformat(day) - dt.timedelta(weeks=back + 1)).isoformat()
            prev = s[(s["week"] < day) & (s["week"] >= lo)]
            if not prev.empty:
                return str(prev.iloc[-1]["week"]), float(prev.iloc[-1]["price"])
        return None

    def now(p, m):
        lp = d.latest_price(p, m) if m else None
        return lp if lp and lp[0] == NEWEST else None

    def add(q, expect, values=(), tags=(), prev=(), forbid=(), options=None):
        rec = {"id": "", "q": q, "prev": list(prev), "family": "lookup", "expect": expect, "values": list(values),
               "forbid": list(forbid), "tags": [TAG, *tags]}
        if options is not None:
            rec["options"] = options
        out.append(rec)

    for q, p, w in DIRECT:
        m = market_for(w, p)
        lp = now(p, m)
        if not lp or (p, m) in d.conflicted:
            dropped.append(f"{q!r}: no price in {NEWEST} for {p} @ {m}")
            continue
        add(q, "answer", [v("price", lp[1], m, lp[0])], ["direct"])

    for it in OTHER:
        k, p, q, prev = it["k"], it["p"], it["q"], it.get("prev", [])
        extra_tags = ["followup"] if prev else []
        vals, forbid, tags = None, [], []
        if k == "now":
            m = market_for(it["w"], p)
            lp = now(p, m)
            if lp:
                vals, tags = [v("price", lp[1], m, lp[0])], ["direct"]
        elif k in ("day", "rel"):
            m = market_for(it["w"], p, "day")
            f = week_at(p, m, it["day"]) if m else None
            if f:
                vals, tags = [v("price", f[1], m, f[0])], ["date" if k == "day" else "relative"]
        elif k == "period":
            m = market_for(it["w"], p, (it["s"], it["e"]))
            mean = d.period_mean(p, m, it["s"], it["e"]) if m else None
            if mean is not None:
                vals, tags = [v("price", mean, m, None)], ["period", *it.get("tags", [])]
        elif k == "cmp":
            vals = []
            for w in it["ws"]:
                m = market_for(w, p)
                lp = now(p, m)
                if not lp:
                    vals = None
                    break
                vals.append(v("price", lp[1], m, lp[0]))
            if vals and len({x["market"] for x in vals}) != len(vals):
                vals = None
            tags = ["compare"]
        elif k in ("cheap", "dear"):
            rows = d.across(p, NEWEST)
            if "city" in it:
                rows = rows[rows["market"].isin({m for m, c in d.cities.items() if c == it["city"]})]
            rows = rows[[(p, m) not in d.conflicted for m in rows["market"]]]
            if len(rows) >= 2:
                a, b = (rows.iloc[0], rows.iloc[1]) if k == "cheap" else (rows.iloc[-1], rows.iloc[-2])
                if a["price"] != b["price"]:
                    vals = [v("price", a["price"], str(a["market"]), NEWEST)]
            tags = ["cheapest" if k == "cheap" else "priciest"]
        elif k == "chg_days":
            m = market_for(it["w"], p, (it["d1"], it["d2"]))
            f1 = week_at(p, m, it["d1"], back=4) if m else None
            f2 = week_at(p, m, it["d2"], back=4) if m else None
            if f1 and f2:
                vals = [v("price", f1[1], m, f1[0]), v("price", f2[1], m, f2[0]),
                        v("change_pct", round((f2[1] / f1[1] - 1) * 100, 1), m, None)]
            tags = ["change"]
        elif k == "chg_periods":
            m = market_for(it["w"], p, (it["p1"][0], it["p2"][1]))
            a = d.period_mean(p, m, *it["p1"]) if m else None
            b = d.period_mean(p, m, *it["p2"]) if m else None
            if a is not None and b is not None:
                vals = [v("change_pct", round((b / a - 1) * 100, 1), m, None), v("price", a, m, None),
                        v("price", b, m, None)]
            tags = ["change"]
        elif k == "since":
            m = market_for(it["w"], p)
            f1 = week_at(p, m, it["day"]) if m else None
            lp = now(p, m) if m else None
            if f1 and lp:
                vals = [v("price", f1[1], m, f1[0]), v("price", lp[1], m, lp[0]),
                        v("change_pct", round((lp[1] / f1[1] - 1) * 100, 1), m, None)]
            tags = ["change", "since"]
        elif k == "trade":
            m = market_for(it["w"], p)
            lp = now(p, m)
            unit = it["unit"]
            tags = ["trade", unit]
            if lp:
                vals = [v("price", lp[1], m, lp[0])]
                own_unit = d.units.get(p) in ("unidad", "litro")
                is_bulto_ok = any(fold(p).startswith(x) for x in BULTO_PREFIX)
                if own_unit:
                    forbid = ["trade_price"]
                elif unit == "bulto" and not is_bulto_ok:
                    forbid = ["trade_price"]
                elif unit == "kilo":
                    pass
                else:
                    kg = it.get("kg") or KG[unit]
                    vals.append(v("trade_price", lp[1] * kg, m, lp[0], unit=unit, kg=kg))
        if not vals:
            dropped.append(f"{q!r}: cannot compute ({k}, {p})")
            continue
        add(q, "answer", vals, [*tags, *extra_tags], prev=prev, forbid=forbid)

    latest = d.df[d.df["week"] == NEWEST]
    for q, word, m in FAMILY:
        rows = latest if m is None else latest[latest["market"] == m]
        opts = sorted({p for p in rows["product"] if fold(p).split()[0] == fold(word)}, key=fold)
        if len(opts) < 2:
            dropped.append(f"{q!r}: family {word!r} has {len(opts)} kinds priced")
            continue
        add(q, "clarify", tags=["clarify", "family"], options=opts)
    for q in BADPLACE:
        add(q, "clarify", tags=["clarify", "unknown_place"])
    for q, why in NONUM:
        add(q, "no_numbers", tags=["no_numbers", why])

    seen = set()
    for i, rec in enumerate(out, 1):
        rec["id"] = f"b8l-{i:03d}"
        key = (fold(rec["q"]), tuple(rec["prev"]))
        assert key not in seen, rec["q"]
        seen.add(key)
    with open(OUT, "w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    from collections import Counter
    print(len(out), "records ->", OUT)
    print("expect:", dict(Counter(r["expect"] for r in out)))
    print("tags:", dict(Counter(t for r in out for t in r["tags"])))
    print("DROPPED:", len(dropped))
    for x in dropped:
        print("  -", x)


if __name__ == "__main__":
    main()
