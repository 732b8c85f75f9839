"""The hand-written long-tail questions of blind set 16 and what each one asks (shared by the labeller and the
independent checker; no expected values here).

Fields: q (text), t (now | day | month | trade | cheapest | priciest | max | min | chg_months | chg_days | since |
yoy | clarify | no_numbers), p (canonical product), at ("m:<market>" | "c:<city>" | None = no place),
fam (family word that has exactly one kind priced there), whole (the product is named by its whole name and must be
priced there in the last 8 weeks), tags, family.
"""

CORA = "Bogotá, D.C., Corabastos"
PALO = "Bogotá, D.C., Paloquemao"
FLORES = "Bogotá, D.C., Plaza Las Flores"
ESPANA = "Bogotá, D.C., Plaza España"
MAY = "Medellín, Central Mayorista de Antioquia"
MIN = 'Medellín, Plaza Minorista "José María Villa"'
CAVASA = "Cali, Cavasa"
SELENA = "Cali, Santa Elena"
BQTA = "Barranquilla, Barranquillita"
GRANA = "Barranquilla, Granabastos"
CENTRO = "Bucaramanga, Centroabastos"
BGA_CENTRO = "Bucaramanga, Mercados del centro"
CENA = "Cúcuta, Cenabastos"
SEXTA = "Cúcuta, La Nueva Sexta"
MERCASA = "Pereira, Mercasa"
MERCAR = "Armenia, Mercar"
LA21 = "Ibagué, Plaza La 21"
SURA = "Neiva, Surabastos"
POTRE = "Pasto, El Potrerillo"
CAV = "Villavicencio, CAV"
BAZ = "Cartagena, Bazurto"
TULUA = "Tuluá (Valle del Cauca)"
PALMIRA = "Palmira (Valle del Cauca)"
CARTAGO = "Cartago (Valle del Cauca)"
PAMPLONA = "Pamplona (Norte de Santander)"
FLORENCIA = "Florencia (Caquetá)"
TIBASOSA = "Tibasosa (Boyacá), Coomproriente"
YOPAL = "Yopal (Casanare)"
CHIQUI = "Chiquinquirá (Boyacá)"
DUITAMA = "Duitama (Boyacá), Mercaplaza"
ARAUCA = "Arauca (Arauca)"
SANGIL = "San Gil (Santander)"
RIONEGRO = "Rionegro (Antioquia)"
LACEJA = "La Ceja (Antioquia)"
TUQUERRES = "Túquerres (Nariño)"
SOCORRO = "Socorro (Santander)"
SONSON = "Sonsón (Antioquia)"
MARINILLA = "Marinilla (Antioquia)"
MALAMBO = "Malambo (Atlántico), Carnes y carnes"


def m(name: str) -> str:
    return "m:" + name


def c(name: str) -> str:
    return "c:" + name


D = ["direct"]

DIRECT = [
    dict(q="buenas, a como ta la sanahoria en abastos?", p="Zanahoria", at=m(CORA), whole=1),
    dict(q="Sebolla junca en la mayorista, cuánto bale el kilo??", p="Cebolla junca", at=m(MAY)),
    dict(q="q precio tiene la abichuela en Cenabastos", p="Habichuela", at=m(CENA), whole=1),
    dict(q="ola, el tomate de arbol en medallo q tal de precio", p="Tomate de árbol", at=c("Medellín")),
    dict(q="aguacate has corabastos hoy", p="Aguacate Hass", at=m(CORA)),
    dict(q="parce a como esta el platano artón en Bazurto", p="Plátano hartón verde", at=m(BAZ)),
    dict(q="guayava pera en bucara, cuanto vale el kilo?", p="Guayaba pera", at=c("Bucaramanga")),
    dict(q="la criolla en Surabastos a cómo la tienen?", p="Papa criolla limpia", at=m(SURA)),
    dict(q="hola mija, me hace el favor y me dice a como esta el lulo en la 21 de Ibagué", p="Lulo", at=m(LA21)),
    dict(q="Bazurto, ñame espino, precio de hoy xfa", p="Ñame espino", at=m(BAZ)),
    dict(q="q mas pues, a como tan las guanabanas en la minorista?", p="Guanábana", at=m(MIN)),
    dict(q="mi llave cuanto ta el keso en Barranquiyita", p="Queso costeño", at=m(BQTA), fam="queso"),
    dict(q="tengo un puesto en la galería y necesito saber a cómo está el kilo de mora de castilla en Mercasa pa "
           "no dejarme tumbar", p="Mora de Castilla", at=m(MERCASA)),
    dict(q="Mi papá siembra mora en Silvania y me pregunta a cómo se está pagando la mora de castilla en "
           "Corabastos. Gracias", p="Mora de Castilla", at=m(CORA)),
    dict(q="buenas tardes, a cómo está la pitaya en Cenabastos?", p="Pitahaya", at=m(CENA)),
    dict(q="necesito cotizar el frijol cargamanto en la minorista de medellin", p="Fríjol cargamanto rojo",
         at=m(MIN)),
    dict(q="arveja verde en Tunja pa hoy?", p="Arveja verde en vaina", at=c("Tunja")),
    dict(q="Yopal: la papa pastusa a como la estan pagando hoy?", p="Papa parda pastusa", at=m(YOPAL)),
    dict(q="cebolla larga, Mercar Armenia: cuánto el kilo?", p="Cebolla junca", at=m(MERCAR)),
    dict(q="quisiera saber el valor del mango yulima en Duitama", p="Mango Yulima", at=m(DUITAMA)),
    dict(q="huevo rojo AA en la 21, precio x unidad", p="Huevo rojo AA", at=m(LA21)),
    dict(q="punta e anca en carnes y carnes de Malambo?", p="Carne de res, punta de anca", at=m(MALAMBO)),
    dict(q="a como el bocachico criollo en monteria", p="Bocachico criollo fresco", at=c("Montería")),
    dict(q="buenas, vendo pescado en Corozal y quiero comparar: ¿a cuánto está la mojarra lora fresca en "
           "Sincelejo?", p="Mojarra lora entera fresca", at=c("Sincelejo")),
    dict(q="como esta la tilapia roja fresca en sur abastos", p="Tilapia roja entera fresca", at=m(SURA)),
    dict(q="trucha mariposa en tulua ke precio", p="Trucha en corte mariposa", at=m(TULUA)),
    dict(q="compa, qué vale hoy el ñame diamante en Valledupar?", p="Ñame diamante", at=c("Valledupar")),
    dict(q="yuca llanera en Chiquinquira??", p="Yuca llanera", at=m(CHIQUI)),
    dict(q="me urge el precio d la arracacha amarilla en pamplona", p="Arracacha amarilla", at=m(PAMPLONA)),
    dict(q="Buenos días. Soy de Silvia y bajo a vender ulluco a Popayán, ¿a cómo está allá?", p="Ulluco",
         at=c("Popayán")),
    dict(q="el haba verde en Túquerres a como", p="Haba verde", at=m(TUQUERRES)),
    dict(q="alguien sabe a cómo está la papa rubí en Santa Marta?", p="Papa rubí", at=c("Santa Marta")),
    dict(q="papa capira La Ceja cuanto vale", p="Papa capira", at=m(LACEJA)),
    dict(q="limon mandarino en la CAV de Villavo", p="Limón mandarino", at=m(CAV)),
    dict(q="ve, a cómo está la naranja sweet en Cavasa", p="Naranja Sweet", at=m(CAVASA)),
    dict(q="regáleme el precio de la mandarina oneko en Manizales", p="Mandarina Oneco", at=c("Manizales")),
    dict(q="a como va la granadiya en San Gil", p="Granadilla", at=m(SANGIL)),
    dict(q="precio de la feijoa", p="Feijoa", at=None),
    dict(q="uchuva con cáscara en centro abastos de bucaramanga: valor del kilo?", p="Uchuva con cáscara",
         at=m(CENTRO)),
    dict(q="a como esta la gulupa", p="Gulupa", at=None),
    dict(q="cuánto pagan por el sapote en la plaza de Montería?", p="Zapote", at=c("Montería")),
    dict(q="ve mija, el melón cantalup en Santa Helena a cómo lo están dando?", p="Melón Cantalup", at=m(SELENA)),
    dict(q="en Armenia la papaya maradol a cómo la venden?", p="Papaya Maradol", at=c("Armenia")),
    dict(q="piña gold, Granabasto. Precio?", p="Piña gold", at=m(GRANA)),
    dict(q="ajá, a cómo está el banano urabá en Curramba?", p="Banano Urabá", at=c("Barranquilla")),
    dict(q="de casualidad sabe el precio de la uva red globe en el Potrerillo?", p="Uva red globe nacional",
         at=m(POTRE)),
    dict(q="cuánto anda la manzana verde por Arauca?", p="Manzana verde importada", at=m(ARAUCA)),
    dict(q="hola, precio de la fresa en yopal porfa", p="Fresa", at=m(YOPAL)),
    dict(q="maracuyá en palmira, cuánto pagan el kilo", p="Maracuyá", at=m(PALMIRA), whole=1),
    dict(q="el limon en las galerias de manizales", p="Limón Tahití", at=c("Manizales"), fam="limón"),
    dict(q="pimenton sonson hoy cuanto", p="Pimentón", at=m(SONSON)),
    dict(q="necesito el precio del calabacín en la Mayorista", p="Calabacín", at=m(MAY)),
    dict(q="espinaca en Pasto, cómo está el precio?", p="Espinaca", at=c("Pasto")),
    dict(q="silantro en neiva, a como?", p="Cilantro", at=c("Neiva")),
    dict(q="el ajo en pamplona a como ta", p="Ajo", at=m(PAMPLONA), whole=1),
    dict(q="rabano rojo cartagena precio", p="Rábano rojo", at=c("Cartagena")),
    dict(q="hola! berengena en monteria a cuanto?", p="Berenjena", at=c("Montería")),
    dict(q="me dice cuanto la colifor en Ipiales", p="Coliflor", at=c("Ipiales")),
    dict(q="brócoli en Marinilla? cuánto", p="Brócoli", at=m(MARINILLA)),
    dict(q="la remolacha en sincelejo en cuánto está?", p="Remolacha", at=c("Sincelejo"), whole=1),
    dict(q="cuánto está la auyama en la galería del barrio Bolívar en Popayán", p="Ahuyama", at=c("Popayán")),
    dict(q="a como tan vendiendo la mazorca en armenia", p="Chócolo mazorca", at=c("Armenia")),
    dict(q="la cidra en marinilla q vale", p="Cidra", at=m(MARINILLA)),
    dict(q="el cebollin chino cuanto esta en barranquillita", p="Cebollín chino", at=m(BQTA)),
    dict(q="Buenas noches, cuánto cuesta la cebolla cabezona roja en Santa Marta?", p="Cebolla cabezona roja",
         at=c("Santa Marta")),
    dict(q="el frijol nima calima en Manizales a como está hoy", p="Fríjol nima calima", at=c("Manizales")),
    dict(q="cómo están de precio las lentejas en Arauca?", p="Lenteja importada", at=m(ARAUCA), fam="lenteja"),
    dict(q="garvanzo en la nueva sexta de cucuta", p="Garbanzo importado", at=m(SEXTA), fam="garbanzo"),
    dict(q="maiz pira en los mercados del centro de bucaramanga", p="Maíz pira", at=m(BGA_CENTRO)),
    dict(q="el precio de la panela redonda morena en tulua porfavor", p="Panela redonda morena", at=m(TULUA)),
    dict(q="a como dan el bocadiyo veleño en la central de abastos de villavicencio", p="Bocadillo veleño",
         at=m(CAV)),
    dict(q="el litro de aceite de palma en monteria", p="Aceite de palma", at=c("Montería")),
    dict(q="la pasta (espagueti y eso) en cenabastos", p="Pastas alimenticias", at=m(CENA)),
    dict(q="la costilla de cerdo en paloquemao, cuánto la están cobrando?", p="Carne de cerdo, costilla", at=m(PALO)),
    dict(q="dígame el valor de la sobrebarriga en la 21 de Ibagué", p="Carne de res, sobrebarriga", at=m(LA21)),
    dict(q="cuánto me cuesta el lomo fino de res en granabastos?", p="Carne de res, lomo fino", at=m(GRANA)),
    dict(q="tocino barriga, plaza minorista de medellin, valor?", p="Carne de cerdo, tocino barriga", at=m(MIN)),
    dict(q="en cúcuta a cómo están las piernas de pollo?", p="Piernas de pollo", at=c("Cúcuta")),
    dict(q="una pregunta, la cachama en Neiva a cómo está?", p="Cachama de cultivo fresca", at=c("Neiva"),
         fam="cachama"),
    dict(q="me interesa el camarón tití en Santa Marta, en cuánto va?", p="Camarón tití precocido seco",
         at=c("Santa Marta")),
    dict(q="cuanto sale el kilo de filete de salmon en paloquemao", p="Salmón, filete congelado", at=m(PALO)),
    dict(q="el filete de basa en la plaza las flores de bogota?", p="Basa, filete congelado importado",
         at=m(FLORES)),
    dict(q="tienen precio del nicuro en Tunja?", p="Nicuro fresco", at=c("Tunja"), fam="nicuro"),
    dict(q="a cómo se consigue el queso doble crema en Villavicencio", p="Queso doble crema",
         at=c("Villavicencio")),
    dict(q="cuajada en Popayán, precio actual?", p="Queso cuajada", at=c("Popayán")),
    dict(q="los guevos rojos extra en paloquemao a como los dejan", p="Huevo rojo extra", at=m(PALO)),
    dict(q="los huevos blancos AA en Manizales, a cómo el huevo?", p="Huevo blanco AA", at=c("Manizales")),
    dict(q="a cuánto está el ñame criollo?", p="Ñame criollo", at=None),
    dict(q="breva: cuánto vale?", p="Breva", at=None),
    dict(q="platano comino, cuanto vale el kilo", p="Plátano comino", at=None),
    dict(q="la papa tocarreña a como esta", p="Papa tocarreña", at=None),
    dict(q="como amaneció la naranja en cenabastos", p="Naranja común", at=m(CENA), fam="naranja"),
]
for _d in DIRECT:
    _d.setdefault("t", "now")
    _d.setdefault("tags", D)

PAST = [
    dict(q="cuanto estaba la alverja verde en Mercar la semana pasada", p="Arveja verde en vaina", at=m(MERCAR),
         days_ago=7),
    dict(q="hace 15 dias a como estaba el lulo en santa helena", p="Lulo", at=m(SELENA), days_ago=15),
    dict(q="la habichuela en Cavasa la semana antepasada a como estuvo", p="Habichuela", at=m(CAVASA),
         days_ago=14),
    dict(q="hace un mes cuanto valia la papa criolla en Centroabastos", p="Papa criolla limpia", at=m(CENTRO),
         months_ago=1),
    dict(q="a como estaba la cebolla cabezona blanca en Cenabastos hace 3 meses", p="Cebolla cabezona blanca",
         at=m(CENA), months_ago=3),
    dict(q="el 15 de agosto a como estaba el tomate chonto en Surabastos", p="Tomate chonto", at=m(SURA),
         day="2025-08-15"),
    dict(q="ve, la guanábana en Cavasa cómo estuvo de precio en julio?", p="Guanábana", at=m(CAVASA), t="month", month="2025-07"),
    dict(q="en diciembre del año pasado a como estuvo el pollo entero fresco sin visceras en Paloquemao",
         p="Pollo entero fresco sin vísceras", at=m(PALO), t="month", month="2024-12"),
    dict(q="a como estuvo la papa pastusa en abastos en el 2023", p="Papa parda pastusa", at=m(CORA), t="month",
         year=2023),
    dict(q="Buenas. Para un informe necesito el precio del queso campesino en la Central Mayorista de Antioquia el "
           "24 de diciembre de 2024", p="Queso campesino",
         at=m(MAY), day="2024-12-24"),
]
for _d in PAST:
    _d.setdefault("t", "day")
    _d.setdefault("tags", ["past"])

TRADE = [
    dict(q="a como el bulto de papa pastusa en corabastos", p="Papa parda pastusa", at=m(CORA), unit="bulto"),
    dict(q="la arroba de yuca criolla en barranquillita q precio", p="Yuca criolla", at=m(BQTA), unit="arroba"),
    dict(q="cuanto sale la libra de tomate de arbol en la mayorista", p="Tomate de árbol", at=m(MAY), unit="libra"),
    dict(q="tengo un restaurante en Villavo, a cómo me sale la arroba de arroz de primera en la CAV?",
         p="Arroz de primera", at=m(CAV), unit="arroba"),
    dict(q="cuánto vale un bulto de mango tommy en Mercar?", p="Mango Tommy", at=m(MERCAR), unit="bulto"),
    dict(q="cuanto la libra de queso campesino en Villavicencio", p="Queso campesino", at=c("Villavicencio"),
         unit="libra"),
    dict(q="el kilo de huevo rojo AA en Cenabastos", p="Huevo rojo AA", at=m(CENA), unit="kilo"),
    dict(q="Centroabastos: el bulto de cebolla cabezona blanca en cuánto va?", p="Cebolla cabezona blanca", at=m(CENTRO),
         unit="bulto"),
]
for _d in TRADE:
    _d.update(t="trade", tags=["trade_unit"])

MARKETS = [
    dict(q="donde esta mas barato el aguacate hass hoy", p="Aguacate Hass", t="cheapest"),
    dict(q="en que plaza de medellin sale mas barato el banano criollo", p="Banano criollo", t="cheapest",
         city="Medellín"),
    dict(q="cual es el mercado mas caro pa la papa criolla", p="Papa criolla limpia", t="priciest"),
    dict(q="pa comprar tomate de árbol en Cali, ¿cuál central me sale más barata?", p="Tomate de árbol", t="cheapest",
         city="Cali"),
]
for _d in MARKETS:
    _d["tags"] = ["cheapest_market" if _d["t"] == "cheapest" else "priciest_market"]

ANALYTICS = [
    dict(q="cual fue el precio mas alto q tuvo la papa criolla en abastos este año", p="Papa criolla limpia",
         at=m(CORA), t="max", start="2025-01-01", end="2025-12-31", tags=["max"]),
    dict(q="el precio más bajo del tomate de árbol en la mayorista en 2024", p="Tomate de árbol", at=m(MAY), t="min",
         start="2024-01-01", end="2024-12-31", tags=["min"]),
    dict(q="cuanto subio o bajo el limon tahiti en Cavasa de agosto a octubre", p="Limón Tahití", at=m(CAVASA),
         t="chg_months", old=("2025-08-01", "2025-08-31"), new=("2025-10-01", "2025-10-31"), tags=["change_pct"]),
    dict(q="ta mas cara la cebolla junca en Mercasa q hace un año?", p="Cebolla junca", at=m(MERCASA), t="yoy",
         tags=["change_pct", "yoy"]),
    dict(q="cuanto ha variado la mora de castilla en Centroabastos desde el 15 de marzo", p="Mora de Castilla",
         at=m(CENTRO), t="since", d1="2025-03-15", tags=["change_pct"]),
    dict(q="como cambio el pimenton en Cenabastos entre el 5 de julio y el 4 de octubre", p="Pimentón", at=m(CENA),
         t="chg_days", d1="2025-07-05", d2="2025-10-04", tags=["change_pct"]),
]
for _d in ANALYTICS:
    _d["family"] = "analytics"

CLARIFY = [
    dict(q="cuanto ta la papa en medallo", check=("family", "papa", "c:Medellín")),
    dict(q="sebolla cabesona en abastos a como esta", check=("family", "cebolla cabezona", m(CORA))),
    dict(q="frijolito en la plaza España cuanto", check=("family", "fríjol", m(ESPANA))),
    dict(q="ve, el limón en Cavasa a cómo?", check=("family", "limón", m(CAVASA))),
    dict(q="a como tan los mangos en la minorista?", check=("family", "mango", m(MIN))),
    dict(q="aguacate en la mayorista pa hoy", check=("family", "aguacate", m(MAY))),
    dict(q="cuánto vale la papaya en korabastos hoy", check=("family", "papaya", m(CORA))),
    dict(q="cuanto vale el lulo en Chinchiná", check=("place", "Chinchiná: not a market/city")),
    dict(q="a como esta la arracacha amarilla en Fusa", check=("place", "Fusagasugá: not a market/city")),
    dict(q="papa criolla en La Unión", check=("place", "La Unión: Antioquia and Nariño")),
    dict(q="el queso en paloquemao como esta de precio", check=("family", "queso", m(PALO))),
    dict(q="cuánto está el plátano en Pereira hoy mijo?", check=("family", "plátano", "c:Pereira")),
    dict(q="papa R12 en corabastos", check=("family", "papa r 12", m(CORA))),
    dict(q="buenas, la guayaba en barranquillita a cuanto?", check=("family", "guayaba", m(BQTA))),
    dict(q="la fresa en Zipa a como la consigo?", check=("place", "Zipaquirá: not a market/city")),
]
for _d in CLARIFY:
    _d.update(t="clarify", tags=[])

NO_NUMBERS = [
    dict(q="q mas pues parce, todo bien o q?", why="greeting"),
    dict(q="mil gracias mi llave, muy amable", why="thanks"),
    dict(q="cuanto vale el chontaduro en Cali ve", why="untracked food"),
    dict(q="a como esta la quinua en abastos", why="untracked food"),
    dict(q="precio del kale en paloquemao", why="untracked food"),
    dict(q="mamoncillo en la 21 de Ibagué, precio??", why="untracked food"),
    dict(q="mi tía cultiva arazá en el Caquetá, a cómo lo pagan en Florencia?", why="untracked food"),
    dict(q="en la tienda de la esquina a cuanto venden la libra de papa criolla?", why="retail"),
    dict(q="cuanto cobran el aguacate hass al detal en el Éxito", why="retail"),
    dict(q="a como esta el cartón de huevos en el D1", why="retail"),
    dict(q="cuanto valia la papa criolla en corabastos en el 2012", why="year before 2017"),
    dict(q="el dólar a como amaneció hoy?", why="out of scope"),
    dict(q="me pasas la receta del sancocho trifásico porfa", why="out of scope"),
    dict(q="el corozo pa jugo en Sincelejo a como lo venden?", why="untracked food"),
    dict(q="ajá mi llave, el tamarindo en barranquillita a como está?", why="untracked food"),
]
for _d in NO_NUMBERS:
    _d.update(t="no_numbers", tags=[])

QUESTIONS = DIRECT + PAST + TRADE + MARKETS + ANALYTICS + CLARIFY + NO_NUMBERS
