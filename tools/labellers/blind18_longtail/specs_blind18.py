"""What each question of the blind18-longtail set MEANS (read by a Colombian, per LABELS.md), never its values.

Both programs read this list: label_blind18.py (pandas, reusing tools/label_questions.Data) computes the values,
check_blind18.py (csv module only, its own name mapping and arithmetic) recomputes them and compares.

Places: ("m", canonical market) | ("c", city as in markets.csv column `city`) | None (no place named).
Dates are ISO days; periods are (first day, last day) and select the weeks whose semana_inicio falls in them.
TODAY = 2025-11-03; "la semana pasada" = day 2025-10-27, "antepasada" = 2025-10-20, "hace N semanas" = TODAY-7N,
"hace un mes" = 2025-10-03, "hace dos meses" = 2025-09-03.
"fw" (family word) marks a question that names a word, not a product: both programs check that LABELS.md's
family rule resolves that word in that market to the product `p`.
"""

COR = "Bogotá, D.C., Corabastos"
PAL = "Bogotá, D.C., Paloquemao"
FLO = "Bogotá, D.C., Plaza Las Flores"
CMA = "Medellín, Central Mayorista de Antioquia"
MIN = "Medellín, Plaza Minorista \"José María Villa\""
CAV = "Cali, Cavasa"
SEL = "Cali, Santa Elena"
BQT = "Barranquilla, Barranquillita"
CEN = "Bucaramanga, Centroabastos"
CUC = "Cúcuta, Cenabastos"
SEX = "Cúcuta, La Nueva Sexta"
MCS = "Pereira, Mercasa"
L41 = "Pereira, La 41-Impala"
MER = "Armenia, Mercar"
MAN = "Manizales, Centro Galerías"
IBA = "Ibagué, Plaza La 21"
SUR = "Neiva, Surabastos"
POT = "Pasto, El Potrerillo"
VIL = "Villavicencio, CAV"
TUN = "Tunja, Complejo de Servicios del Sur"
MON = "Montería, Mercado del Sur"
BAZ = "Cartagena, Bazurto"
SIN = "Sincelejo, Nuevo Mercado"

Y2025 = ("2025-01-01", "2025-12-31")
Y2024 = ("2024-01-01", "2024-12-31")
Y2023 = ("2023-01-01", "2023-12-31")


def m(name):
    return ("m", name)


def c(name):
    return ("c", name)


SPECS = [
    # ------------------------------------------------------------------ lookup: current price ("direct")
    dict(q="buenas, q precio tiene la sanahoria en abastos?", kind="now", p="Zanahoria", at=m(COR)),
    dict(q="ve parce a como ta la cebolla cabesona blanca en la mayorista", kind="now",
         p="Cebolla cabezona blanca", at=m(CMA)),
    dict(q="Tengo un puesto en la galería y el proveedor me quiere subir la abichuela. ¿A cómo está hoy en Centro "
           "Galerías de Manizales?", kind="now", p="Habichuela", at=m(MAN)),
    dict(q="tomate de arbol medallo", kind="now", p="Tomate de árbol", at=c("Medellín")),
    dict(q="aguacate has en la central mayorista cuanto bale el kilo", kind="now", p="Aguacate Hass", at=m(CMA)),
    dict(q="a como esta el platano artón en Bazurto?", kind="now", p="Plátano hartón verde", at=m(BAZ)),
    dict(q="me regala el precio de la guayava pera en centroabastos", kind="now", p="Guayaba pera", at=m(CEN)),
    dict(q="Mi papá siembra mora en Silvania y me pidió averiguarle a cómo la están pagando en Corabastos",
         kind="now", p="Mora de Castilla", at=m(COR), fw="mora"),
    dict(q="q mas pues, a como esta la alverja verde en vaina en la minorista?", kind="now",
         p="Arveja verde en vaina", at=m(MIN)),
    dict(q="el pimenton en la 21 de ibague como esta de precio?", kind="now", p="Pimentón", at=m(IBA)),
    dict(q="Buenas tardes. Soy periodista de un medio regional y estoy preparando una nota: ¿cuál es el precio "
           "mayorista del lulo en Neiva esta semana?", kind="now", p="Lulo", at=c("Neiva")),
    dict(q="en el potrerillo cuanto esta la alverja verde en vaina pastusa", kind="now",
         p="Arveja verde en vaina pastusa", at=m(POT)),
    dict(q="el silantro en villavo hoy a cuanto?", kind="now", p="Cilantro", at=c("Villavicencio")),
    dict(q="a como la papa criolla en curramba?", kind="now", p="Papa criolla limpia", at=c("Barranquilla")),
    dict(q="auyama en Cartago a cómo?", kind="now", p="Ahuyama", at=c("Cartago")),
    dict(q="mi llave, usted sabe en cuanto anda la yuca yanera en el CAV de Villavicencio?", kind="now", p="Yuca llanera",
         at=m(VIL)),
    dict(q="el repoyo blanco en mercasa?", kind="now", p="Repollo blanco", at=m(MCS)),
    dict(q="lechuga vatavia tunja precio", kind="now", p="Lechuga Batavia", at=c("Tunja")),
    dict(q="pepino coombro en Sincelejo a como lo tienen", kind="now", p="Pepino cohombro", at=c("Sincelejo")),
    dict(q="precio ajo importao en cavasa", kind="now", p="Ajo importado", at=m(CAV)),
    dict(q="Buenos días! una preguntica, la mazorca en Pasto cuánto está?", kind="now", p="Chócolo mazorca",
         at=c("Pasto")),
    dict(q="frisol verde cargamanto, rionegro, hoy", kind="now", p="Fríjol verde cargamanto", at=c("Rionegro")),
    dict(q="granadiya en pamplona hoy", kind="now", p="Granadilla", at=c("Pamplona")),
    dict(q="patiya bazurto kilo", kind="now", p="Patilla", at=m(BAZ)),
    dict(q="q vale la piña golden en cenabastos", kind="now", p="Piña gold", at=m(CUC)),
    dict(q="el mango tomy como esta en la 41 de pereira", kind="now", p="Mango Tommy", at=m(L41)),
    dict(q="Hola, vendo jugos en Ibagué y quería saber cómo está la guanabana en la plaza la 21", kind="now",
         p="Guanábana", at=m(IBA)),
    dict(q="limon taiti en armenia, cuanto el kilo?", kind="now", p="Limón Tahití", at=c("Armenia")),
    dict(q="pitaya bucaramanga valor kilo", kind="now", p="Pitahaya", at=c("Bucaramanga")),
    dict(q="a como ta el coco en la heroica?", kind="now", p="Coco", at=c("Cartagena")),
    dict(q="la papa pastuza en popayan q precio maneja?", kind="now", p="Papa parda pastusa", at=c("Popayán")),
    dict(q="Necesito cotizar papa capira pa un restaurante en Ipiales, a como esta en el mercado mayorista de "
           "alla?", kind="now", p="Papa capira", at=c("Ipiales")),
    dict(q="olluco tuquerres precio", kind="now", p="Ulluco", at=c("Túquerres")),
    dict(q="en la minorista cuanto esta el kilo de frisol cargamanto", kind="now", p="Fríjol cargamanto rojo", at=m(MIN)),
    dict(q="maiz pira pa crispetas en cucuta", kind="now", p="Maíz pira", at=c("Cúcuta")),
    dict(q="kilo de queso costeno en monteria", kind="now", p="Queso costeño", at=c("Montería")),
    dict(q="costilla de marrano nueva sexta cucuta", kind="now", p="Carne de cerdo, costilla", at=m(SEX)),
    dict(q="oiga y el lomo fino de res en Pasto a como lo tienen?", kind="now", p="Carne de res, lomo fino",
         at=c("Pasto")),
    dict(q="cuanto anda la cachama en villavo", kind="now", p="Cachama de cultivo fresca", at=c("Villavicencio"),
         fw="cachama"),
    dict(q="bagre rayado fresco, que precio tiene en surabastos?", kind="now", p="Bagre rayado entero fresco", at=m(SUR)),
    dict(q="el litro de aceite de girasol en neiva", kind="now", p="Aceite girasol", at=c("Neiva")),
    dict(q="arros de primera santa marta cuanto", kind="now", p="Arroz de primera", at=c("Santa Marta")),
    dict(q="las lentejas en florencia a como estan", kind="now", p="Lenteja importada", at=c("Florencia"),
         fw="lenteja"),
    dict(q="coliflor en bmanga a como esta", kind="now", p="Coliflor", at=c("Bucaramanga")),
    dict(q="Buenas noches, pa saber el precio de la remolacha en Montería", kind="now", p="Remolacha",
         at=c("Montería")),
    dict(q="huevo rojo aa en surabastos, a como la unidad?", kind="now", p="Huevo rojo AA", at=m(SUR)),
    dict(q="el salmon en la mayorista de medellin", kind="now", p="Salmón, filete congelado", at=m(CMA),
         fw="salmon"),
    dict(q="cuanto ta la pechuga de pollo en popayan", kind="now", p="Pechuga de pollo", at=c("Popayán")),
    dict(q="precio de la harina de trigo hoy", kind="now", p="Harina de trigo", at=None),
    dict(q="frijol bolon a como lo estan vendiendo?", kind="now", p="Fríjol bolón", at=None),

    # ------------------------------------------------------------------ lookup: a past week, month, quarter, year
    dict(q="cuanto valia la papa pastusa en abastos la semana pasada", kind="week", p="Papa parda pastusa",
         at=m(COR), day="2025-10-27"),
    dict(q="a como estuvo el tomate chonto en cavasa la semana antepasada", kind="week", p="Tomate chonto",
         at=m(CAV), day="2025-10-20"),
    dict(q="hace 3 semanas a como estaba la granadilla en centroabastos?", kind="week", p="Granadilla", at=m(CEN),
         day="2025-10-13"),
    dict(q="Buenas, me dice cuánto costaba el kilo de uchuva en Corabastos hace un mes? es pa comparar con lo q me "
           "pagaron", kind="week", p="Uchuva con cáscara", at=m(COR), day="2025-10-03", fw="uchuva"),
    dict(q="la cebolla junca en mercar hace dos meses", kind="week", p="Cebolla junca", at=m(MER),
         day="2025-09-03"),
    dict(q="el 15 de agosto pasado a como estaba la aracacha amarilla en surabastos", kind="week",
         p="Arracacha amarilla", at=m(SUR), day="2025-08-15"),
    dict(q="el 31 de diciembre del año pasado, ¿a qué precio estaba el lomo de cerdo sin hueso en Paloquemao?", kind="week",
         p="Carne de cerdo, lomo sin hueso", at=m(PAL), day="2024-12-31"),
    dict(q="q precio tuvo la mora en la mayorista en enero?", kind="period", p="Mora de Castilla", at=m(CMA),
         period=("2025-01-01", "2025-01-31"), fw="mora"),
    dict(q="en diciembre a como estuvo el limon comun en cenabastos", kind="period", p="Limón común", at=m(CUC),
         period=("2024-12-01", "2024-12-31")),
    dict(q="la yuca criolla en barranquillita, a como estuvo durante el año pasado?", kind="period", p="Yuca criolla",
         at=m(BQT), period=Y2024),
    dict(q="cuanto costaba la harina de arepa precocida en cenabastos en el primer trimestre de 2025",
         kind="period", p="Harina precocida de maíz", at=m(CUC), period=("2025-01-01", "2025-03-31")),
    dict(q="julio de 2022, pechuga de pollo en barranquillita: cuanto valia el kilo?", kind="period",
         p="Pechuga de pollo", at=m(BQT), period=("2022-07-01", "2022-07-31")),
    dict(q="tengo un dato viejo: la zanaoria en centroabastos en marzo de 2018 a como estaba?", kind="period", p="Zanahoria", at=m(CEN),
         period=("2018-03-01", "2018-03-31")),
    dict(q="necesito el precio del maracuya en cavasa de hace 6 semanas", kind="week", p="Maracuyá", at=m(CAV),
         day="2025-09-22"),
    dict(q="a como estaba la piña perolera en barranquillita el viernes 3 de octubre", kind="week",
         p="Piña perolera", at=m(BQT), day="2025-10-03"),
    dict(q="sobrebarriga en la mayorista en junio del 2023", kind="period", p="Carne de res, sobrebarriga",
         at=m(CMA), period=("2023-06-01", "2023-06-30")),
    dict(q="pimenton en cenabastos hace quince dias?", kind="week", p="Pimentón", at=m(CUC),
         day="2025-10-19"),
    dict(q="Cuánto estaba la cebolla junca en Pereira el 1 de mayo de 2024? estoy armando una tabla pa la "
           "asociación", kind="week", p="Cebolla junca", at=c("Pereira"), day="2024-05-01"),
    # ------------------------------------------------------------------ lookup: trade units
    dict(q="cuanto vale la arroba de papa criolla en abastos", kind="trade", p="Papa criolla limpia", at=m(COR),
         unit="arroba", kg=12.5),
    dict(q="a como el bulto de papa superior en tunja?", kind="trade", p="Papa superior", at=c("Tunja"),
         unit="bulto", kg=50),
    dict(q="bulto de sebolla cabezona blanca en cenabastos", kind="trade", p="Cebolla cabezona blanca", at=m(CUC),
         unit="bulto", kg=50),
    dict(q="cuanto sale la libra de tomate de árbol en Cali?", kind="trade", p="Tomate de árbol", at=c("Cali"), unit="libra",
         kg=0.5),
    dict(q="una arroba de zanahoria en bucaramanga cuanto me sale", kind="trade", p="Zanahoria",
         at=c("Bucaramanga"), unit="arroba", kg=12.5),
    dict(q="necesito un bulto de yuca ica, a como esta en armenia?", kind="trade", p="Yuca ICA", at=c("Armenia"), unit="bulto", kg=50),
    dict(q="Buenas, el bulto de arracacha amarilla en la 21 de Ibagué a cómo lo están dando?", kind="trade",
         p="Arracacha amarilla", at=m(IBA), unit="bulto", kg=50),
    dict(q="cuanto me sale un bulto de mandarina arayana en corabastos", kind="trade_forbid",
         p="Mandarina Arrayana", at=m(COR)),
    dict(q="me dice el precio del kilo de huevo rojo AA en corabastos", kind="trade_forbid", p="Huevo rojo AA", at=m(COR)),
    dict(q="cuanto valen 5 kilos de fresa en la mayorista", kind="trade", p="Fresa", at=m(CMA), unit="kilos",
         kg=5),
    dict(q="a como me dejan la libra de ajo en pamplona", kind="trade", p="Ajo", at=c("Pamplona"), unit="libra", kg=0.5),
    dict(q="pa la arroba de tomate chonto en surabastos cuanto tendria que pagar?", kind="trade", p="Tomate chonto", at=m(SUR),
         unit="arroba", kg=12.5),

    # ------------------------------------------------------------------ analytics
    dict(q="cual ha sido el precio mas alto d la papa criolla en abastos este año y en q semana fue", kind="stat",
         stat="max", p="Papa criolla limpia", at=m(COR), period=Y2025),
    dict(q="cuándo estuvo más barata la cebolla junca en la mayorista el año pasado?", kind="stat", stat="min",
         p="Cebolla junca", at=m(CMA), period=Y2024),
    dict(q="Estoy haciendo un informe pa la cooperativa de tomateros del Valle. ¿Cuál ha sido el pico más alto "
           "del tomate chonto en Cavasa?", kind="stat", stat="max", p="Tomate chonto",
         at=m(CAV), period=None),
    dict(q="lo más barato q ha estado el aguacate hass en abastos, de toda la historia", kind="stat",
         stat="min", p="Aguacate Hass", at=m(COR), period=None),
    dict(q="en las ultimas 12 semanas cual fue el precio mas alto del limon tahity en barranquillita", kind="stat",
         stat="max", p="Limón Tahití", at=m(BQT), period=("last", 12)),
    dict(q="precio promedio de la mora en pereira en lo que va del año", kind="stat", stat="mean",
         p="Mora de Castilla", at=c("Pereira"), period=Y2025, fw="mora"),
    dict(q="la mediana del precio de la havichuela en Corabastos en 2024", kind="stat", stat="median",
         p="Habichuela", at=m(COR), period=Y2024),
    dict(q="promedio del lulo en las ultimas 8 semanas en cavaza", kind="stat", stat="mean", p="Lulo", at=m(CAV),
         period=("last", 8)),
    dict(q="Mi cuñado cultiva tomate de árbol cerca de Ipiales. ¿Cuánto subió o bajó en el mercado de Ipiales entre "
           "el 1 de marzo y el 1 de octubre de 2025?",
         kind="change_days", p="Tomate de árbol", at=c("Ipiales"), d1="2025-03-01", d2="2025-10-01"),
    dict(q="en cuanto % cambio la papa pastusa en Corabastos de enero a septiembre de 2025", kind="change_periods",
         p="Papa parda pastusa", at=m(COR), p1=("2025-01-01", "2025-01-31"), p2=("2025-09-01", "2025-09-30")),
    dict(q="cuanto ha subido la sanaoria desde enero en cenabastos", kind="since", p="Zanahoria", at=m(CUC),
         day="2025-01-01"),
    dict(q="Vendo cebolla cabezona blanca en Bucaramanga y siento que ha bajado. ¿Cuánto ha cambiado en Centroabastos "
           "frente al 1 de junio?", kind="since",
         p="Cebolla cabezona blanca", at=m(CEN), day="2025-06-01"),
    dict(q="comparando 2023 con 2024, en cuánto cambió el precio promedio del arroz de primera en el CAV de "
           "villavo?", kind="change_periods", p="Arroz de primera", at=m(VIL), p1=Y2023, p2=Y2024),
    dict(q="el tercer trimestre de 2025 vs el segundo, cuanto vario la guallaba pera en surabastos",
         kind="change_periods", p="Guayaba pera", at=m(SUR), p1=("2025-04-01", "2025-06-30"),
         p2=("2025-07-01", "2025-09-30")),
    dict(q="el vanano criollo en cenabastos ta mas caro q hace un año?", kind="yoy", p="Banano criollo", at=m(CUC)),
    dict(q="Una pregunta: hace un año a cómo estaba la mazorca en Corabastos y cuánto ha cambiado desde entonces?",
         kind="yoy", p="Chócolo mazorca", at=m(COR)),
    dict(q="en q mes se consigue mas barato el tomate d arbol en corabastos", kind="season", which="min",
         p="Tomate de árbol", at=m(COR)),
    dict(q="cual es el mes mas caro pa la papa criolla en la mayorista", kind="season", which="max",
         p="Papa criolla limpia", at=m(CMA)),
    dict(q="Mi tío tiene mora en Villamaría y quiere saber en qué mes baja la mora en Centro Galerías de Manizales",
         kind="season", which="min", p="Mora de Castilla", at=m(MAN), fw="mora"),
    dict(q="ta cara la cebolla larga pa la época en pereira?", kind="epoca", p="Cebolla junca", at=c("Pereira")),
    dict(q="mi mamá dice que el plátano hartón está carísimo, ¿está caro para la época en Corabastos?",
         kind="epoca", p="Plátano hartón verde", at=m(COR)),
    dict(q="Tengo una frutería en Neiva. ¿Cuál es la fruta más cara hoy en Surabastos?", kind="rank", group="Frutas", at=m(SUR), order="desc",
         n=1),
    dict(q="los 3 tuberculos mas baratos en abastos esta semana", kind="rank", group="Tubérculos", at=m(COR),
         order="asc", n=3),
    dict(q="q verdura esta mas barata en la 21 de ibague?", kind="rank", group="Verduras", at=m(IBA), order="asc",
         n=1),
    dict(q="el grano mas caro en cenabasto", kind="rank", group="Granos", at=m(CUC), order="desc", n=1),
    dict(q="qué es lo más caro por kilo que venden en basurto", kind="rank", group=None, at=m(BAZ), order="desc",
         n=1),
    dict(q="qué subió más esta semana en la mayorista?", kind="movers", at=m(CMA), up=True),
    dict(q="q fue lo q mas bajo en barranquiyita esta semana", kind="movers", at=m(BQT), up=False),
    dict(q="a nivel nacional q producto subio mas en la ultima semana", kind="movers", at=None, up=True),
    dict(q="las frutas que más subieron en octubre frente a septiembre en abastos", kind="movers", at=m(COR),
         up=True, group="Frutas", p1=("2025-09-01", "2025-09-30"), p2=("2025-10-01", "2025-10-31")),
    dict(q="en cuantos mercados hay precio de la gulupa", kind="count_markets", p="Gulupa"),
    dict(q="cuantos productos cotiza el potreriyo?", kind="count_products", at=m(POT)),
    dict(q="donde ta mas barata la criolla esta semana", kind="cheapest_market", p="Papa criolla limpia",
         city=None, order="asc"),
    dict(q="en q mercado de medallo sale mas barato el tomate de arbol", kind="cheapest_market",
         p="Tomate de árbol", city="Medellín", order="asc"),
    dict(q="cuál es el mercado donde más caro está el lulo ahorita?", kind="cheapest_market", p="Lulo", city=None, order="desc"),
    dict(q="el frisol cargamanto rojo en mercar cual fue el minimo este año", kind="stat", stat="min",
         p="Fríjol cargamanto rojo", at=m(MER), period=Y2025),
    dict(q="saqueme el precio medio de la pechuga de pollo en Villavicencio para el tercer trimestre", kind="stat", stat="mean",
         p="Pechuga de pollo", at=c("Villavicencio"), period=("2025-07-01", "2025-09-30")),
    dict(q="en Tuluá, cuál es la mediana del aguacate papelillo de las últimas 10 semanas?", kind="stat",
         stat="median", p="Aguacate papelillo", at=c("Tuluá"), period=("last", 10)),
    dict(q="entre el 5 de julio y el 25 de octubre cuanto cambio el queso campesino en abastos",
         kind="change_days", p="Queso campesino", at=m(COR), d1="2025-07-05", d2="2025-10-25"),
    dict(q="frente al 1 de marzo, ¿la falda de res en Paloquemao subió o bajó y cuánto?", kind="since",
         p="Carne de res, falda", at=m(PAL), day="2025-03-01"),
    dict(q="cuánto varió el pepino cohombro en santa helena de agosto a octubre", kind="change_periods",
         p="Pepino cohombro", at=m(SEL), p1=("2025-08-01", "2025-08-31"), p2=("2025-10-01", "2025-10-31")),
    dict(q="comparado con hace un año, la alverja verde en tunja subio o bajo?", kind="yoy",
         p="Arveja verde en vaina", at=c("Tunja")),
    # ------------------------------------------------------------------ clarify
    dict(q="necesito precio del frisol en la mayorista", kind="clarify", why="family", word="frijol", at=m(CMA)),
    dict(q="papa en villavo a cuanto la tienen?", kind="clarify", why="family", word="papa", at=m(VIL)),
    dict(q="mija y el queso en cucuta a como?", kind="clarify", why="family", word="queso", at=m(CUC)),
    dict(q="bocachico en monteria cuanto?", kind="clarify", why="family", word="bocachico", at=m(MON)),
    dict(q="cuánto vale el tocino en la 21 de ibague", kind="clarify", why="words", word="tocino", at=m(IBA)),
    dict(q="precio huevo rojo cenabastos", kind="clarify", why="words", word="huevo rojo", at=m(CUC)),
    dict(q="mandarina cali precio", kind="clarify", why="family", word="mandarina", at=c("Cali")),
    dict(q="las alas de pollo en la plaza las flores de bogota a como?", kind="clarify", why="family", word="alas",
         at=m(FLO)),
    dict(q="precio del aguacate hass en la union", kind="clarify", why="launion"),
    dict(q="papa criolla soacha hoy", kind="clarify", why="place", place="Soacha"),
    dict(q="buenas, la mora en fusa a como la estan pagando?", kind="clarify", why="place", place="Fusagasugá"),
    dict(q="naranja en neiva?", kind="clarify", why="family", word="naranja", at=c("Neiva")),
    dict(q="el fríjol en corabastos, cuánto fue lo más caro que llegó este año?", kind="clarify", why="family",
         word="frijol", at=m(COR), family="analytics", stat="max"),
    dict(q="el repollo en cucuta a como ta", kind="clarify", why="family", word="repollo", at=m(CUC)),

    # ------------------------------------------------------------------ no numbers
    dict(q="quiubo parce, todo bien? usted q es lo q hace o q?", kind="no_numbers"),
    dict(q="listo mi llave, muchas gracias por la info, Dios le pague", kind="no_numbers"),
    dict(q="mija, cuanto vale el mamoncillo en barranquilla", kind="no_numbers"),
    dict(q="cuanto vale la pitaya en el Éxito de la 80?", kind="no_numbers"),
    dict(q="Hola! cuanto cuesta el cartón de huevos en el D1?", kind="no_numbers"),
    dict(q="a cómo venden la libra de carne molida en la tienda de la esquina, más o menos", kind="no_numbers"),
    dict(q="cuanto valia la papa criolla en corabastos en 2012, es pa una tarea", kind="no_numbers"),
    dict(q="cuanto va a valer la papa pastusa en diciembre de 2026", kind="no_numbers"),
    dict(q="precio del dolar hoy pa ver si importo manzanas", kind="no_numbers"),
    dict(q="el ACPM en villavo a como va el galon?", kind="no_numbers"),
    dict(q="quinua en pasto a como", kind="no_numbers"),
    dict(q="el corozo pa jugo en sincelejo cuanto vale el kilo", kind="no_numbers"),
    dict(q="cuanto vale el kilo de champiñones en corabastos", kind="no_numbers"),
    dict(q="buenas noches, ustedes hacen domicilios de mercado?", kind="no_numbers"),
]
