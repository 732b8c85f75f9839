"""Hand-written questions of blind14-analytics with their specification (product, market, period).
Expected values are computed by label_analytics14.py from the raw CSV."""

COR = "Bogotá, D.C., Corabastos"; PALO = "Bogotá, D.C., Paloquemao"
MED = "Medellín, Central Mayorista de Antioquia"; MIN = 'Medellín, Plaza Minorista "José María Villa"'
CAV = "Cali, Cavasa"; SEL = "Cali, Santa Elena"; BQ = "Barranquilla, Barranquillita"; GRA = "Barranquilla, Granabastos"
BUC = "Bucaramanga, Centroabastos"; CUC = "Cúcuta, Cenabastos"; PER = "Pereira, Mercasa"; L41 = "Pereira, La 41-Impala"
ARM = "Armenia, Mercar"; MAN = "Manizales, Centro Galerías"; IBA = "Ibagué, Plaza La 21"; NEI = "Neiva, Surabastos"
PAS = "Pasto, El Potrerillo"; VIL = "Villavicencio, CAV"; TUN = "Tunja, Complejo de Servicios del Sur"
VAL = "Valledupar, Mercabastos"; VMN = "Valledupar, Mercado Nuevo"; MON = "Montería, Mercado del Sur"
CTG = "Cartagena, Bazurto"; SIN = "Sincelejo, Nuevo Mercado"; POP = "Popayán, Plaza de mercado del barrio Bolívar"
IPI = "Ipiales (Nariño), Ipiales somos todos"; SMA = "Santa Marta (Magdalena)"; TUL = "Tuluá (Valle del Cauca)"
CTO = "Cartago (Valle del Cauca)"; DUI = "Duitama (Boyacá), Mercaplaza"; CHI = "Chiquinquirá (Boyacá)"
RIO = "Rionegro (Antioquia)"; YOP = "Yopal (Casanare)"; FLO = "Florencia (Caquetá)"; PAL = "Palmira (Valle del Cauca)"
NSX = "Cúcuta, La Nueva Sexta"; PAM = "Pamplona (Norte de Santander)"; BUE = "Buenaventura (Valle del Cauca)"
SGI = "San Gil (Santander)"; ARA = "Arauca (Arauca)"; TIB = "Tibasosa (Boyacá), Coomproriente"

Y = lambda y: (f"{y}-01-01", f"{y}-12-31")
MO = lambda y, m: (f"{y}-{m:02d}-01", f"{y}-{m:02d}-31")
Q = lambda y, q: (f"{y}-{3*q-2:02d}-01", f"{y}-{3*q:02d}-31")
ALL = ("2000-01-01", "2099-12-31")


def build(A):
    LAST = A.LATEST
    lastn = lambda n: (A.WEEKS.week.iloc[-n], LAST)
    since = lambda day: (A.holding(day), LAST)
    Qs = []

    def add(q, stat, f=None, pm=None, **kw):
        d = {"q": q, "stat": stat, "f": f}
        if pm:
            d["pm"] = pm
        d.update(kw)
        Qs.append(d)

    def ext(q, kind, p, m, per, **kw):
        add(q, kind, lambda: A.st_extreme(p, m, *per, kind), (p, m), **kw)

    def mean(q, p, m, per, **kw):
        add(q, "mean", lambda: A.st_mean(p, m, *per), (p, m), **kw)

    def med(q, p, m, per, **kw):
        add(q, "median", lambda: A.st_median(p, m, *per), (p, m), **kw)

    def chd(q, p, m, d1, d2, **kw):
        add(q, "change_weeks", lambda: A.st_change_days(p, m, d1, d2), (p, m), **kw)

    def chp(q, p, m, per1, per2, **kw):
        add(q, "change_periods", lambda: A.st_change_periods(p, m, *per1, *per2), (p, m), **kw)

    def snc(q, p, m, day, **kw):
        add(q, "change_since", lambda: A.st_since(p, m, day), (p, m), **kw)

    def yoy(q, p, m, **kw):
        add(q, "yoy", lambda: A.st_yoy(p, m), (p, m), **kw)

    def sea(q, p, m, which, **kw):
        add(q, "season", lambda: A.st_season(p, m, which), (p, m), **kw)

    def epo(q, p, m, **kw):
        add(q, "epoca", lambda: A.st_epoca(p, m), (p, m), **kw)

    def rank(q, m, group, order, n=1, week=None, **kw):
        add(q, "ranking", lambda: A.st_rank(m, group, order, n, week), **kw)

    def mov(q, m, group, order, per=None, stat="movers", **kw):
        args = (per[0][0], per[0][1], per[1][0], per[1][1]) if per else ()
        add(q, stat, lambda: A.movers(m, group, order, *args), **kw)

    def cm(q, p, week=None, **kw):
        add(q, "count", lambda: A.count_markets(p, week), **kw)

    def cp(q, m, **kw):
        add(q, "count", lambda: A.count_products(m), **kw)

    def tr(q, p, m, unit, n=None, **kw):
        add(q, "trade_unit", lambda: A.trade(p, m, unit, n), (p, m), **kw)

    def clar(q, stat, **kw):
        add(q, stat, expect="clarify", **kw)

    def nonum(q, stat, **kw):
        add(q, stat, expect="no_numbers", **kw)

    # ------------------------------------------------------------------ max
    ext("oiga pues hágame un favor, cuál fue el precio más alto que tuvo la papa criolla en Centroabastos este año",
        "max", "Papa criolla limpia", BUC, Y(2025), tags=["shared_name"])
    ext("mire en el 2024 cual fue la semana mas cara pa el tomate de arbol en Mercasa", "max", "Tomate de árbol", PER, Y(2024))
    ext("el maximo historico del limon tahiti en Barranquillita, o sea el mas alto de toda la serie que tengan",
        "max", "Limón Tahití", BQ, ALL)
    ext("cual ha sido el pico del aguacate hass en la mayorista de medellin en las ultimas 12 semanas",
        "max", "Aguacate Hass", MED, lastn(12))
    ext("Un oyente de Neiva nos pregunta: ¿cuál fue el precio más alto de la granadilla en Surabastos en el primer trimestre de 2025?",
        "max", "Granadilla", NEI, Q(2025, 1))
    ext("pa un trabajo de la u necesito el max price de la cebolla cabezona roja en Cucuta en 2023",
        "max", "Cebolla cabezona roja", CUC, Y(2023))
    ext("cuándo estuvo más cara la mora de castilla en Ipiales en el 2022, qué semana fue",
        "max", "Mora de Castilla", IPI, Y(2022))
    ext("el tope de la patilla en bazurto en octubre cuanto fue", "max", "Patilla", CTG, MO(2025, 10))
    ext("precio mas alto del platano harton en villavicencio desde el 1 de marzo", "max", "Plátano hartón verde", VIL,
        since("2025-03-01"), tags=["shared_name"])
    # ------------------------------------------------------------------ min
    ext("cuál fue el precio más bajito de la zanahoria en El Potrerillo en 2024", "min", "Zanahoria", PAS, Y(2024))
    ext("minimo del pepino cohombro en cavasa en el segundo trimestre de este año", "min", "Pepino cohombro", CAV, Q(2025, 2))
    ext("la naranja valencia en tunja, cual fue el precio mas barato el año pasado y en que semana", "min",
        "Naranja Valencia", TUN, Y(2024))
    ext("desde el 5 de julio cual ha sido el minimo del lulo en la plaza la 21 de ibague", "min", "Lulo", IBA,
        since("2025-07-05"))
    ext("precio mínimo histórico de la arveja verde en vaina en Centro Galerías de Manizales", "min",
        "Arveja verde en vaina", MAN, ALL)
    ext("en 2018 cual fue el precio mas bajo del maracuya en Cartago", "min", "Maracuyá", CTO, Y(2018))
    ext("o sea el mínimo de la habichuela en las últimas 8 semanas en Sincelejo cuál fue", "min", "Habichuela", SIN, lastn(8))
    ext("cuando estuvo mas barata la piña gold en Granabastos en 2024", "min", "Piña gold", GRA, Y(2024))
    ext("precio mas bajo del banano criollo en popayan entre enero y junio de 2025", "min", "Banano criollo", POP,
        ("2025-01-01", "2025-06-30"))
    # ------------------------------------------------------------------ mean
    mean("cual fue el precio promedio de la cebolla larga en florencia en septiembre", "Cebolla junca", FLO, MO(2025, 9),
         tags=["shared_name"])
    mean("promedio del queso costeño en cartagena en 2024 porfa", "Queso costeño", CTG, Y(2024))
    mean("Buenas, soy nutricionista, ¿me da el promedio de la pechuga de pollo en Armenia en el tercer trimestre de 2025?",
         "Pechuga de pollo", ARM, Q(2025, 3))
    mean("promedio de la remolacha en las ultimas 4 semanas en santa marta", "Remolacha", SMA, lastn(4))
    mean("el promedio anual 2022 del frijol cargamanto en la mayorista", "Fríjol cargamanto rojo", MED, Y(2022),
         tags=["shared_name"])
    mean("media del brocoli en Duitama el año pasado", "Brócoli", DUI, Y(2024))
    mean("cuanto promedio la guayaba pera en neiva entre marzo y mayo de 2025", "Guayaba pera", NEI,
         ("2025-03-01", "2025-05-31"))
    mean("cuánto ha promediado el huevo rojo AA en Neiva este año", "Huevo rojo AA", NEI, Y(2025))
    mean("promedio de la papa pastusa en arauca desde el 2 de agosto", "Papa parda pastusa", ARA, since("2025-08-02"),
         tags=["shared_name"])
    # ------------------------------------------------------------------ median
    med("la mediana del tomate chonto en la 41 de pereira en 2024", "Tomate chonto", L41, Y(2024))
    med("mediana semanal de la ahuyama en monteria este año", "Ahuyama", MON, Y(2025))
    med("quiero la mediana del aguacate papelillo en Florencia en 2023 para mi tesis", "Aguacate papelillo", FLO, Y(2023))
    med("valor mediano del mango tommy en barranquilla entre enero y junio de 2025", "Mango Tommy", BQ,
        ("2025-01-01", "2025-06-30"))
    med("mediana de la mandarina arrayana en santa helena cali en las ultimas 10 semanas", "Mandarina Arrayana", SEL,
        lastn(10))
    med("mediana de la yuca llanera en villavicencio en 2021", "Yuca llanera", VIL, Y(2021))
    med("mediana del repollo verde en tunja en agosto", "Repollo verde", TUN, MO(2025, 8))
    # ------------------------------------------------------------------ change between two weeks / days
    chd("cuanto cambio la papa criolla en cavasa entre el 8 de marzo y el 4 de octubre de 2025", "Papa criolla limpia",
        CAV, "2025-03-08", "2025-10-04", tags=["shared_name"])
    chd("variacion de la cebolla cabezona blanca en cenabastos del 15 de febrero al 20 de septiembre de este año",
        "Cebolla cabezona blanca", CUC, "2025-02-15", "2025-09-20")
    chd("cuanto subio o bajo el lulo en Manizales entre el 3 de mayo y el 25 de octubre", "Lulo", MAN,
        "2025-05-03", "2025-10-25")
    chd("entre la semana del 12 de julio y la del 18 de octubre de 2025 cuanto vario la granadilla en florencia", "Granadilla",
        FLO, "2025-07-12", "2025-10-18")
    chd("comparando el 10 de enero de 2024 con el 10 de enero de 2025, cuánto cambió la zanahoria en Ibagué",
        "Zanahoria", IBA, "2024-01-10", "2025-01-10")
    chd("del 1 de junio al 1 de septiembre de 2023 el aguacate hass en Tunja cuánto varió en porcentaje", "Aguacate Hass",
        TUN, "2023-06-01", "2023-09-01")
    chd("mire como vario la mojarra lora entera fresca en bazurto entre el 7 de junio y el 11 de octubre", 
        "Mojarra lora entera fresca", CTG, "2025-06-07", "2025-10-11")
    chd("el platano harton verde en Yopal entre el 22 de marzo y la semana pasada, cuanto cambio", "Plátano hartón verde",
        YOP, "2025-03-22", "2025-10-20")
    # ------------------------------------------------------------------ change between periods
    chp("en porcentaje cuanto cambio el promedio de la cebolla junca en mercasa de agosto a septiembre",
        "Cebolla junca", PER, MO(2025, 8), MO(2025, 9))
    chp("cuanto vario el arroz de primera en surabastos de 2023 a 2024", "Arroz de primera", NEI, Y(2023), Y(2024))
    chp("el tomate de arbol en popayan, julio frente a octubre, cuanto cambio", "Tomate de árbol", POP, MO(2025, 7),
        MO(2025, 10))
    chp("maracuyá en Bucaramanga: ¿cuánto cambió el promedio de 2022 a 2024?", "Maracuyá", BUC, Y(2022), Y(2024))
    chp("¿cuánto varió el precio promedio de la pechuga de pollo en Cartagena entre el segundo y el tercer trimestre de 2025?",
        "Pechuga de pollo", CTG, Q(2025, 2), Q(2025, 3))
    chp("de 2021 a 2024 cuanto subio la panela cuadrada morena en cenabastos",
        "Panela cuadrada morena", CUC, Y(2021), Y(2024))
    chp("septiembre frente a octubre, el limon comun en el mercado nuevo de valledupar", "Limón común", VMN,
        MO(2025, 9), MO(2025, 10))
    # ------------------------------------------------------------------ from a date to now
    snc("desde el 1 de marzo cuanto ha subido la papa criolla en la minorista de medellin", "Papa criolla limpia", MIN,
        "2025-03-01", tags=["shared_name"])
    snc("frente al 4 de enero de este año el limon tahiti en cavasa esta mas caro o mas barato y en que porcentaje",
        "Limón Tahití", CAV, "2025-01-04")
    snc("desde el 14 de junio hasta hoy como ha cambiado la cebolla cabezona blanca en Barranquillita",
        "Cebolla cabezona blanca", BQ, "2025-06-14")
    snc("desde el 2 de agosto cuanto ha variado la zanahoria en villavicencio", "Zanahoria", VIL, "2025-08-02")
    snc("¿cuánto ha cambiado la mora de castilla en Bazurto desde el 7 de diciembre de 2024?", "Mora de Castilla", CTG,
        "2024-12-07")
    snc("comparado con el 1 de febrero, la naranja sweet en pasto cuanto ha cambiado", "Naranja Sweet", PAS, "2025-02-01")
    snc("desde el 15 de marzo de 2025 el huevo rojo A en monteria ha subido?", "Huevo rojo A", MON, "2025-03-15")
    # ------------------------------------------------------------------ year over year
    yoy("¿la papa pastusa está más cara que hace un año en Corabastos?", "Papa parda pastusa", COR, tags=["shared_name"])
    yoy("el tomate chonto en barranquillita esta mas caro o mas barato que hace un año", "Tomate chonto", BQ)
    yoy("comparado con hace un año la cebolla cabezona blanca en manizales como esta", "Cebolla cabezona blanca", MAN)
    yoy("oiga y el platano harton verde en Monteria vs el año pasado por esta misma semana", "Plátano hartón verde", MON)
    yoy("el lulo en Neiva esta mas caro que hace un año?", "Lulo", NEI)
    yoy("limon comun en sincelejo frente a hace un año cuanto ha cambiado", "Limón común", SIN)
    yoy("la carne de res lomo fino en pasto esta mas cara que hace 1 año", "Carne de res, lomo fino", PAS)
    # ------------------------------------------------------------------ season
    sea("en que mes se consigue mas barata la papa criolla en corabastos", "Papa criolla limpia", COR, "cheap",
        tags=["shared_name"])
    sea("cual es el mes mas caro del tomate de arbol en la mayorista de medellin", "Tomate de árbol", MED, "dear")
    sea("en qué mes sube más el limón tahití en Cavasa", "Limón Tahití", CAV, "dear")
    sea("mes mas barato pa comprar mango tommy en barranquilla", "Mango Tommy", BQ, "cheap")
    sea("la cebolla cabezona blanca en que mes baja en centroabastos", "Cebolla cabezona blanca", BUC, "cheap")
    sea("mes más barato de la zanahoria en Tunja", "Zanahoria", TUN, "cheap")
    # ------------------------------------------------------------------ "¿está cara para la época?"
    epo("la papa criolla esta cara en medellin para la epoca?", "Papa criolla limpia", MED, tags=["shared_name"])
    epo("el tomate chonto en Cavasa está caro pa esta época del año o normal", "Tomate chonto", CAV)
    epo("¿la zanahoria en Corabastos está cara para la temporada?", "Zanahoria", COR)
    epo("el aguacate hass en la mayorista de medellin esta caro pa la epoca?", "Aguacate Hass", MED)
    epo("mora de castilla en centroabastos, ¿está por encima de lo normal para este mes?", "Mora de Castilla", BUC)
    epo("el platano harton verde en villavicencio esta caro o barato para la epoca", "Plátano hartón verde", VIL)
    epo("la granadilla en la 21 de ibague esta cara para la epoca", "Granadilla", IBA)
    epo("habichuela en monteria, cara para la época?", "Habichuela", MON)
    # ------------------------------------------------------------------ rankings
    rank("pa la nota de hoy, qué fruta está más carita en Neiva", NEI, "Frutas frescas", "desc")
    rank("los 3 productos más baratos del Potrerillo ahora", PAS, None, "asc", 3)
    rank("cuál es la verdura más barata en Cenabastos", CUC, "Verduras y hortalizas", "asc")
    rank("el tuberculo mas caro en la plaza la 21", IBA, "Tubérculos, raíces y plátanos", "desc")
    rank("cual es el pescado mas caro en bazurto", CTG, "Pescados", "desc")
    rank("el grano mas barato en barranquillita", BQ, "Granos y cereales", "asc")
    rank("qué corte de carne está más caro en la Central Mayorista de Antioquia", MED, "Carnes", "desc")
    rank("lo mas caro de todo en mercar cual es", ARM, None, "desc")
    rank("la fruta mas barata en corabastos la semana del 6 de septiembre", COR, "Frutas frescas", "asc",
         week="2025-09-06")
    # ------------------------------------------------------------------ movers
    mov("que fue lo que mas subio en Cavasa", CAV, None, "up")
    mov("qué producto bajó más en Centroabastos esta semana", BUC, None, "down")
    mov("en mercasa que fue lo que se disparo esta semana", PER, None, "up")
    mov("a nivel nacional que producto subio mas la ultima semana", None, None, "up", tags=["national"])
    mov("en todo el pais que fue lo que mas bajo de precio esta semana", None, None, "down", tags=["national"])
    mov("las verduras que mas subieron en palmira", PAL, "Verduras y hortalizas", "up", tags=["group"])
    mov("la fruta que mas bajo en septiembre frente a agosto en la mayorista de medellin", MED, "Frutas frescas", "down",
        (MO(2025, 8), MO(2025, 9)), tags=["group"])
    mov("de los tuberculos cual subio mas en tunja esta semana", TUN, "Tubérculos, raíces y plátanos", "up", tags=["group"])
    mov("que subio mas en bazurto en octubre frente a septiembre", CTG, None, "up", (MO(2025, 9), MO(2025, 10)))
    mov("que verdura bajo mas en todo el pais esta semana", None, "Verduras y hortalizas", "down", tags=["national", "group"])
    mov("en santa elena de cali que fue lo que mas bajo", SEL, None, "down")
    mov("fruta que mas subio a nivel nacional esta semana", None, "Frutas frescas", "up", tags=["national", "group"])
    # ------------------------------------------------------------------ counts
    cm("en cuantos mercados hay precio de la papa criolla limpia", "Papa criolla limpia")
    cp("cuantos productos cotiza Cavasa", CAV)
    cp("hágame un favor, ¿cuántos productos tiene Surabastos esta semana?", NEI)
    cm("en cuántos mercados está el aguacate hass", "Aguacate Hass")
    cm("cuantas plazas reportan el lulo", "Lulo")
    cp("cuantos productos reporta el potrerillo de pasto", PAS)
    cm("en cuantos mercados hubo precio de la cebolla junca la semana del 4 de octubre", "Cebolla junca", "2025-10-04")
    # ------------------------------------------------------------------ trade units
    tr("a como sale el bulto de papa pastusa en corabastos", "Papa parda pastusa", COR, "bulto", tags=["shared_name"])
    tr("cuanto vale la arroba de yuca llanera en villavicencio", "Yuca llanera", VIL, "arroba")
    tr("la libra de lulo en mercar a como esta", "Lulo", ARM, "libra")
    tr("cuanto me sale la arroba de tomate chonto en cenabastos", "Tomate chonto", CUC, "arroba")
    tr("bulto de zanahoria en el potrerillo cuanto", "Zanahoria", PAS, "bulto")
    tr("si compro 15 kilos de fresa en surabastos cuanto serian", "Fresa", NEI, "kilos", 15)
    tr("el bulto de tomate de arbol en cavasa a como", "Tomate de árbol", CAV, "bulto", tags=["bulto_other"])
    tr("cuanto vale un bulto de mango tommy en barranquillita", "Mango Tommy", BQ, "bulto", tags=["bulto_other"])
    tr("a como el kilo de huevo rojo AA en la plaza la 21 de ibague", "Huevo rojo AA", IBA, "kilo", tags=["per_kilo_unit"])
    tr("la arroba de aceite vegetal mezcla en bazurto cuanto cuesta", "Aceite vegetal mezcla", CTG, "arroba",
       tags=["per_kilo_unit"])
    tr("bulto de arroz de primera en neiva cuanto vale", "Arroz de primera", NEI, "bulto")
    tr("una libra de cebolla cabezona roja en cucuta a como", "Cebolla cabezona roja", CUC, "libra")
    # ------------------------------------------------------------------ clarify / no numbers
    clar("cual fue el precio mas alto de la papa en cavasa este año", "max", fam=("papa", CAV, "many"),
         tags=["shared_name", "family_word"])
    clar("promedio del limon en bazurto en 2024", "mean", fam=("limon", CTG, "many"), tags=["shared_name", "family_word"])
    clar("la mediana del queso en cenabastos este año", "median", fam=("queso", CUC, "many"),
         tags=["shared_name", "family_word"])
    clar("cual fue el precio minimo del tomate de arbol en La Union en 2024", "min", tags=["town_two_depts"])
    clar("en la union la mora de castilla esta mas cara que hace un año?", "yoy", tags=["town_two_depts"])
    clar("esta caro el mango en tunja para la epoca?", "epoca", fam=("mango", TUN, "many"),
         tags=["shared_name", "family_word"])
    clar("el promedio de la papa criolla en Girardot en 2024", "mean", tags=["unknown_place"])
    clar("que fruta subio mas en zipaquira esta semana", "movers", tags=["unknown_place"])
    clar("el mes mas barato del platano en armenia", "season", fam=("platano", ARM, "many"),
         tags=["shared_name", "family_word"])
    nonum("cual fue el precio promedio de la papa criolla en corabastos en 2015", "mean", tags=["before_2017"])
    nonum("cuanto ha subido el aguacate hass en el exito este año", "change_since", tags=["retail"])
    nonum("cual fue el precio mas alto de la quinua en corabastos en 2024", "max", tags=["untracked"])
    nonum("el precio maximo de la zanahoria en 2016 en la mayorista", "max", tags=["before_2017"])
    nonum("cuanto bajo la carne de cerdo al detal en las carnicerias de pereira este mes", "change_periods", tags=["retail"])
    nonum("en que mes esta mas barato el chontaduro en cali", "season", tags=["untracked"])
    # ------------------------------------------------------------------ follow-ups (prev)
    ext("¿y cuál fue el más alto este año?", "max", "Papa criolla limpia", MON, Y(2025),
        prev=["a como esta la papa criolla en monteria"], tags=["followup", "shared_name"])
    rank("y la verdura mas barata alla mismo?", NEI, "Verduras y hortalizas", "asc",
         prev=["cual es la fruta mas cara en surabastos"], tags=["followup"])
    med("¿y la mediana?", "Zanahoria", BUC, Y(2024), prev=["promedio de la zanahoria en centroabastos en 2024"],
        tags=["followup"])
    yoy("¿y en Barranquillita?", "Cebolla cabezona blanca", BQ,
        prev=["esta mas cara la cebolla cabezona blanca que hace un año en cavasa?"], tags=["followup"])
    mov("y que bajo mas?", PER, None, "down", prev=["que subio mas en mercasa esta semana"], tags=["followup"])
    sea("¿y el más caro?", "Tomate de árbol", COR, "dear", prev=["en que mes es mas barato el tomate de arbol en corabastos"],
        tags=["followup"])
    cp("¿y Surabastos?", NEI, prev=["cuantos productos cotiza cenabastos"], tags=["followup"])
    tr("y la arroba?", "Papa parda pastusa", COR, "arroba", prev=["bulto de papa pastusa en corabastos"],
       tags=["followup", "shared_name"])
    return Qs

