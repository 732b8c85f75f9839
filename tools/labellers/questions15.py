"""The blind15-analytics questions: wording + the computation each label needs (called by label_analytics15)."""


def build(L):
    M = L.M
    Y = lambda y: ("y", y)
    Mo = lambda y, m: ("m", y, m)
    Qt = lambda y, q: ("q", y, q)
    LEN = "Verduras y hortalizas"; FRU = "Frutas frescas"; TUB = "Tubérculos, raíces y plátanos"
    GRA = "Granos y cereales"; CAR = "Carnes"; PES = "Pescados"

    def fam(word, m):
        return L.family(word, m)

    def whole(p, m):
        assert L.whole_name_ok(p, m), ("whole name not priced in last 8 weeks", p, m)
        return p

    def famwhole(p, m):  # a whole product name unpriced for 8 weeks -> works as a family word
        assert not L.whole_name_ok(p, m) if (p, m) in L.PAIRS else True
        return L.family(p.split()[0], m)

    def usual(p, m):
        assert L.S(p, m)["week"].iloc[-1] == L.LATEST, ("usual product not priced now", p, m)
        return p

    def amb(word, m):
        k = L.kinds_now(word, m)
        assert len(k) >= 2, ("not ambiguous", word, m, k)
        return []

    def famwhole_amb(p, m):
        assert (p, m) not in L.PAIRS or not L.whole_name_ok(p, m), ("whole name priced", p, m)
        return amb(p.split()[0], m)

    Q = []

    def add(q, stat, calc=None, expect="answer", prev=None, tags=None, check=None):
        if check:
            try:
                check()
            except Exception as e:
                print("CHECK FAIL", q, e)
        Q.append({"q": q, "stat": stat, "calc": calc, "expect": expect, "prev": prev or [], "tags": tags or []})

    # ---- max
    add("ajá y cuál ha sido el precio más alto del tomate chonto en Bazurto este año? en qué semana fue",
        "max", lambda: L.st_ext("max", "Tomate chonto", M["ctg"], Y(2025)))
    add("mi llave, ¿cuándo estuvo más cara la yuca criolla en Sincelejo en 2024?",
        "max", lambda: L.st_ext("max", "Yuca criolla", L.city("Sincelejo", "Yuca criolla"), Y(2024)))
    add("ve, cual fue el pico mas alto de la papa criolla en Cavasa?", "max",
        lambda: L.st_ext("max", usual("Papa criolla limpia", M["cav"]), M["cav"], ("all",)), tags=["shared_name"])
    add("¿Cuál fue el precio máximo del plátano hartón en Villavicencio durante el 2023?", "max",
        lambda: L.st_ext("max", usual("Plátano hartón verde", M["vil"]), L.city("Villavicencio", "Plátano hartón verde"), Y(2023)),
        tags=["shared_name"])
    add("precio mas alto de la cebolla cabesona blanca en yopal en las ultimas 12 semanas", "max",
        lambda: L.st_ext("max", "Cebolla cabezona blanca", M["yop"], ("lastn", 12)))
    add("Buenas tardes. Necesito saber cuál ha sido el precio más alto del limón en Barranquillita desde el 1 de enero de 2025, y en qué semana se dio",
        "max", lambda: L.st_ext("max", fam("Limón", M["bq"]), M["bq"], ("since", "2025-01-01")), tags=["shared_name"])
    add("oís, ¿en qué semana estuvo más cara la mora de Castilla en Tuluá el año pasado?", "max",
        lambda: L.st_ext("max", "Mora de Castilla", M["tul"], Y(2024)))
    # ---- min
    add("¿Cuál fue el precio más bajo de la ahuyama en Montería este año y en qué semana?", "min",
        lambda: L.st_ext("min", whole("Ahuyama", M["mon"]), L.city("Montería", "Ahuyama"), Y(2025)))
    add("el minimo del aguacate papelillo en Buenaventura en 2024", "min",
        lambda: L.st_ext("min", "Aguacate papelillo", M["bun"], Y(2024)))
    add("mijo cuando fue que estuvo mas barata la cebolla larga en Sincelejo en lo que va de 2025", "min",
        lambda: L.st_ext("min", usual("Cebolla junca", M["sin"]), M["sin"], Y(2025)), tags=["shared_name"])
    add("precio minimo historico del ñame espino en Bazurto", "min",
        lambda: L.st_ext("min", "Ñame espino", M["ctg"], ("all",)))
    add("¿cuándo estuvo más barato el pimentón en Barranquilla en 2022?", "min",
        lambda: L.st_ext("min", "Pimentón", L.city("Barranquilla", "Pimentón"), Y(2022)))
    add("el más bajo de la guayaba pera en Yopal en marzo, que semana fue?", "min",
        lambda: L.st_ext("min", "Guayaba pera", M["yop"], Mo(2025, 3)))
    add("ve, en el primer trimestre de 2024 cuál fue el precio más bajito del tomate de árbol en Tuluá", "min",
        lambda: L.st_ext("min", "Tomate de árbol", M["tul"], Qt(2024, 1)))
    # ---- mean
    add("¿cuál fue el precio promedio del arroz de primera en Montería en 2024?", "mean",
        lambda: L.st_mean("Arroz de primera", L.city("Montería", "Arroz de primera"), Y(2024)))
    add("promedio de la papa unica en barranquillita en septiembre", "mean",
        lambda: L.st_mean("Papa única", M["bq"], Mo(2025, 9)))
    add("ajá y en promedio a cómo estuvo el queso costeño en el Mercado Nuevo de Valledupar en 2025?", "mean",
        lambda: L.st_mean("Queso costeño", M["vnu"], Y(2025)))
    add("precio medio del cilantro en el CAV de Villavicencio las ultimas 8 semanas", "mean",
        lambda: L.st_mean("Cilantro", M["vil"], ("lastn", 8)))
    add("en promedio cuánto costó el kilo de pechuga de pollo en Santa Marta durante el tercer trimestre de 2025", "mean",
        lambda: L.st_mean("Pechuga de pollo", M["sm"], Qt(2025, 3)))
    add("media de la naranja en Bazurto en 2024", "mean",
        lambda: L.st_mean(famwhole("Naranja", M["ctg"]), M["ctg"], Y(2024)), tags=["shared_name"])
    add("cuánto promedió la patilla en Sincelejo en agosto de 2025", "mean",
        lambda: L.st_mean(whole("Patilla", M["sin"]), M["sin"], Mo(2025, 8)))
    # ---- median
    add("¿cuál fue la mediana del precio de la habichuela en Montería en 2024?", "median",
        lambda: L.st_median(whole("Habichuela", M["mon"]), M["mon"], Y(2024)), tags=["shared_name"])
    add("mediana del precio del coco en Bazurto este año", "median",
        lambda: L.st_median(whole("Coco", M["ctg"]), M["ctg"], Y(2025)))
    add("dame la mediana de la remolacha en la Mayorista de Medellín en el 2023 porfa", "median",
        lambda: L.st_median(whole("Remolacha", M["med"]), M["med"], Y(2023)))
    add("mediana del pepino cohombro en Yopal desde el 1 de julio de 2025", "median",
        lambda: L.st_median("Pepino cohombro", M["yop"], ("since", "2025-07-01")))
    add("Quisiera la mediana semanal de la mandarina arrayana en Buenaventura en el segundo trimestre de 2025", "median",
        lambda: L.st_median("Mandarina Arrayana", M["bun"], Qt(2025, 2)))
    add("mediana del precio del huevo rojo A en Bazurto en 2025", "median",
        lambda: L.st_median("Huevo rojo A", M["ctg"], Y(2025)))
    add("oye y el bocachico criollo fresco en Montería, a cómo promedió en 2025?", "mean",
        lambda: L.st_mean("Bocachico criollo fresco", M["mon"], Y(2025)))
    # ---- change between two weeks / days
    add("cuánto cambió el tomate chonto en Santa Marta entre el 15 de marzo de 2025 y el 15 de septiembre de 2025", "change_weeks",
        lambda: L.st_chg_days("Tomate chonto", M["sm"], "2025-03-15", "2025-09-15"))
    add("¿cuánto varió la cebolla cabezona roja en Barranquillita entre el 4 de enero de 2025 y la semana pasada?", "change_weeks",
        lambda: L.st_chg_days("Cebolla cabezona roja", M["bq"], "2025-01-04", "2025-10-27"))
    add("ajá y la yuca criolla en Cartagena, cuanto subio o bajo del 1 de junio al 1 de octubre de 2025?", "change_weeks",
        lambda: L.st_chg_days("Yuca criolla", L.city("Cartagena", "Yuca criolla"), "2025-06-01", "2025-10-01"))
    add("en Tuluá cuánto cambió la papa capira entre el 10 de febrero de 2024 y el 10 de febrero de 2025", "change_weeks",
        lambda: L.st_chg_days("Papa capira", M["tul"], "2024-02-10", "2025-02-10"))
    add("variacion del platano harton verde en yopal entre el 2 de mayo y el 2 de agosto de 2025", "change_weeks",
        lambda: L.st_chg_days("Plátano hartón verde", M["yop"], "2025-05-02", "2025-08-02"))
    add("¿Cuánto cambió el precio de la cachama de cultivo fresca en Villavicencio entre la semana antepasada y la semana pasada?", "change_weeks",
        lambda: L.st_chg_days("Cachama de cultivo fresca", L.city("Villavicencio", "Cachama de cultivo fresca"), "2025-10-20", "2025-10-27"))
    add("porcentaje de cambio del lulo en Cavasa entre el 20 de julio y el 20 de octubre de 2025", "change_weeks",
        lambda: L.st_chg_days(whole("Lulo", M["cav"]), M["cav"], "2025-07-20", "2025-10-20"))
    add("oís cuánto varió la tilapia roja entera fresca en Montería del 1 de agosto de 2023 al 1 de agosto de 2025", "change_weeks",
        lambda: L.st_chg_days("Tilapia roja entera fresca", L.city("Montería", "Tilapia roja entera fresca"), "2023-08-01", "2025-08-01"))
    # ---- change between two periods
    add("cuánto cambió el promedio del arroz excelso en Barranquillita entre 2023 y 2024", "change_periods",
        lambda: L.st_chg_periods("Arroz excelso", M["bq"], Y(2023), Y(2024)))
    add("la papa criolla limpia en Sincelejo subió o bajó del primer al segundo trimestre de 2025? en qué porcentaje", "change_periods",
        lambda: L.st_chg_periods("Papa criolla limpia", M["sin"], Qt(2025, 1), Qt(2025, 2)))
    add("en Centroabastos de Bucaramanga cuánto varió el precio medio de la cebolla cabezona blanca de agosto a septiembre de 2025", "change_periods",
        lambda: L.st_chg_periods("Cebolla cabezona blanca", M["buc"], Mo(2025, 8), Mo(2025, 9)))
    add("¿cuánto subió la bola de pierna de res en Montería de 2022 a 2024?", "change_periods",
        lambda: L.st_chg_periods("Carne de res, bola de pierna", M["mon"], Y(2022), Y(2024)))
    add("variación de la mora de castilla en Yopal entre enero y junio de 2025", "change_periods",
        lambda: L.st_chg_periods("Mora de Castilla", M["yop"], Mo(2025, 1), Mo(2025, 6)))
    add("¿cuánto cambió el tomate de árbol en Buenaventura entre el tercer trimestre de 2024 y el tercer trimestre de 2025?", "change_periods",
        lambda: L.st_chg_periods("Tomate de árbol", M["bun"], Qt(2024, 3), Qt(2025, 3)))
    add("el queso costeño en Santa Marta cuanto subio de 2024 a 2025", "change_periods",
        lambda: L.st_chg_periods("Queso costeño", M["sm"], Y(2024), Y(2025)))
    # ---- since a date
    add("cuánto ha subido la papa única en Barranquillita desde el 1 de enero de 2025", "since",
        lambda: L.st_since("Papa única", M["bq"], "2025-01-01"))
    add("¿cuánto ha cambiado el tomate chonto en Valledupar desde el 15 de junio de 2025?", "since",
        lambda: L.st_since("Tomate chonto", L.city("Valledupar", "Tomate chonto"), "2025-06-15"))
    add("ajá, frente al 1 de marzo de 2025 cómo está el limón común en Sincelejo? en porcentaje", "since",
        lambda: L.st_since("Limón común", M["sin"], "2025-03-01"))
    add("desde el 5 de abril de 2025 cuánto ha variado la cebolla junca en Montería", "since",
        lambda: L.st_since("Cebolla junca", M["mon"], "2025-04-05"))
    add("¿cuánto ha subido el pollo entero congelado sin vísceras en Santa Marta desde el 1 de julio de 2024?", "since",
        lambda: L.st_since("Pollo entero congelado sin vísceras", M["sm"], "2024-07-01"))
    add("la arracacha amarilla en Yopal como ha variado desde el 10 de agosto de 2025", "since",
        lambda: L.st_since("Arracacha amarilla", M["yop"], "2025-08-10"))
    add("desde el 1 de septiembre de 2025 cuanto ha cambiado el maracuyá en Tuluá", "since",
        lambda: L.st_since(whole("Maracuyá", M["tul"]), M["tul"], "2025-09-01"), tags=["shared_name"])
    # ---- year over year
    add("¿está más cara la papa criolla limpia en Bazurto que hace un año?", "yoy",
        lambda: L.st_yoy("Papa criolla limpia", M["ctg"]))
    add("ajá mi llave, el tomate chonto en Barranquilla está más caro o más barato que hace un año?", "yoy",
        lambda: L.st_yoy("Tomate chonto", L.city("Barranquilla", "Tomate chonto")))
    add("ve, la mora de castilla en Cavasa vale más que hace un año?", "yoy",
        lambda: L.st_yoy("Mora de Castilla", M["cav"]))
    add("¿la panela cuadrada blanca en Sincelejo está más cara que hace un año?", "yoy",
        lambda: L.st_yoy("Panela cuadrada blanca", M["sin"]))
    add("comparado con hace un año cómo está el plátano hartón verde en Villavicencio", "yoy",
        lambda: L.st_yoy("Plátano hartón verde", L.city("Villavicencio", "Plátano hartón verde")))
    add("la cebolla junca en Yopal subió frente a hace un año?", "yoy",
        lambda: L.st_yoy("Cebolla junca", M["yop"]))
    add("el queso en Barranquillita está más caro que hace un año o qué", "yoy",
        lambda: L.st_yoy(fam("Queso", M["bq"]), M["bq"]), tags=["shared_name"])
    # ---- season
    add("¿en qué mes suele estar más barato el tomate chonto en Corabastos?", "season",
        lambda: L.st_season(usual("Tomate chonto", M["cor"]), M["cor"], "cheap"))
    add("mijo en qué mes se pone más cara la papa pastusa en Corabastos", "season",
        lambda: L.st_season(usual("Papa parda pastusa", M["cor"]), M["cor"], "dear"), tags=["shared_name"])
    add("cuál es el mes más barato para comprar yuca criolla en Barranquillita", "season",
        lambda: L.st_season("Yuca criolla", M["bq"], "cheap"))
    add("en qué mes sube más la cebolla cabezona blanca en Bazurto? o sea cuál es el mes más caro", "season",
        lambda: L.st_season("Cebolla cabezona blanca", M["ctg"], "dear"))
    add("ve y en qué mes del año está más barata la guayaba pera en Villavicencio?", "season",
        lambda: L.st_season("Guayaba pera", L.city("Villavicencio", "Guayaba pera"), "cheap"))
    add("¿cuál es el mes más caro del limón común en Bazurto?", "season",
        lambda: L.st_season("Limón común", M["ctg"], "dear"))
    # ---- expensive for the season
    add("¿está cara la papa criolla limpia en Barranquillita para la época?", "epoca",
        lambda: L.st_epoca("Papa criolla limpia", M["bq"]))
    add("ajá, el tomate chonto en Bazurto está caro pa esta época del año?", "epoca",
        lambda: L.st_epoca("Tomate chonto", M["ctg"]))
    add("la cebolla cabezona roja en Santa Marta está cara o barata para la temporada?", "epoca",
        lambda: L.st_epoca("Cebolla cabezona roja", M["sm"]))
    add("oís, el lulo en Cavasa está caro para la época?", "epoca",
        lambda: L.st_epoca(whole("Lulo", M["cav"]), M["cav"]))
    add("el plátano hartón verde en Villavicencio está caro para la época o normal?", "epoca",
        lambda: L.st_epoca("Plátano hartón verde", M["vil"]))
    add("¿está cara la yuca criolla en Sincelejo comparado con otros años por esta época?", "epoca",
        lambda: L.st_epoca("Yuca criolla", M["sin"]))
    # ---- rankings
    add("cuál es la fruta más cara en Bazurto", "rank", lambda: L.st_rank(M["ctg"], FRU, "desc"))
    add("¿cuál es la verdura más barata en Barranquillita esta semana?", "rank", lambda: L.st_rank(M["bq"], LEN, "asc"))
    add("los 3 productos más caros de la central de Sincelejo", "rank", lambda: L.st_rank(M["sin"], None, "desc", 3))
    add("¿qué tubérculo o plátano está más barato en Montería?", "rank", lambda: L.st_rank(M["mon"], TUB, "asc"))
    add("el grano más caro en Santa Marta cuál es", "rank", lambda: L.st_rank(M["sm"], GRA, "desc"))
    add("cuál es el pescado más barato en Buenaventura", "rank", lambda: L.st_rank(M["bun"], PES, "asc"))
    add("mijo qué carne está más cara en el CAV de Villavicencio", "rank", lambda: L.st_rank(M["vil"], CAR, "desc"))
    add("¿cuál fue la verdura más cara en Yopal la semana del 5 de julio de 2025?", "rank",
        lambda: L.st_rank(M["yop"], LEN, "desc", 1, L.week_holding("2025-07-05")))
    # ---- movers
    add("¿qué producto subió más en Barranquillita esta semana?", "movers", lambda: L.st_movers(M["bq"], "up"))
    add("qué fue lo que más bajó en Bazurto esta semana", "movers", lambda: L.st_movers(M["ctg"], "down"))
    add("a nivel nacional qué subió más esta semana?", "movers", lambda: L.st_movers(None, "up"))
    add("¿qué bajó más de precio en todo el país esta semana?", "movers", lambda: L.st_movers(None, "down"))
    add("cuál verdura subió más en Sincelejo esta semana", "movers", lambda: L.st_movers(M["sin"], "up", LEN))
    add("qué fruta bajó más en Montería esta semana", "movers", lambda: L.st_movers(M["mon"], "down", FRU))
    add("las verduras que más subieron en Santa Marta en septiembre de 2025 frente a agosto", "movers",
        lambda: L.st_movers_periods(M["sm"], "up", Mo(2025, 8), Mo(2025, 9), LEN))
    add("qué producto bajó más en el CAV de Villavicencio en octubre frente a septiembre de 2025", "movers",
        lambda: L.st_movers_periods(M["vil"], "down", Mo(2025, 9), Mo(2025, 10)))
    # ---- counts
    add("¿en cuántos mercados hay precio de la papa criolla limpia?", "count", lambda: L.st_count_markets("Papa criolla limpia"))
    add("en cuantas centrales cotisan el ñame espino", "count", lambda: L.st_count_markets("Ñame espino"))
    add("¿cuántos productos cotiza Bazurto?", "count", lambda: L.st_count_products(M["ctg"]))
    add("cuántos productos tiene cotizados Santa Marta esta semana", "count", lambda: L.st_count_products(M["sm"]))
    add("cuantos productos reporta Mercabastos en Valledupar", "count", lambda: L.st_count_products(M["vup"]))
    add("en cuántos mercados hubo precio del queso costeño en 2024", "count", lambda: L.st_count_markets("Queso costeño", Y(2024)))
    add("¿cuántos productos cotiza la central de Yopal?", "count", lambda: L.st_count_products(M["yop"]))
    # ---- trade units
    add("a cómo está el bulto de papa única en Barranquillita", "trade", lambda: L.st_trade("Papa única", M["bq"], "bulto"))
    add("ajá y cuanto bale el bulto de yuca criolla en sincelejo?", "trade", lambda: L.st_trade("Yuca criolla", M["sin"], "bulto"))
    add("la arroba de tomate chonto en Bazurto a cómo sale", "trade", lambda: L.st_trade("Tomate chonto", M["ctg"], "arroba"))
    add("cuánto me cuesta una libra de cilantro en Montería", "trade", lambda: L.st_trade(whole("Cilantro", M["mon"]), M["mon"], "libra"))
    add("precio de 5 kilos de cebolla cabezona roja en Santa Marta", "trade",
        lambda: L.st_trade("Cebolla cabezona roja", M["sm"], "kilos", 5))
    add("cuanto vale un bulto de tomate de árbol en Tuluá", "trade", lambda: L.st_trade("Tomate de árbol", M["tul"], "bulto"),
        tags=["bulto_other"])
    add("a como esta el bulto de platano harton verde en Villavicencio", "trade",
        lambda: L.st_trade("Plátano hartón verde", M["vil"], "bulto"), tags=["bulto_other"])
    add("cuánto vale el kilo de huevo rojo AA en Montería", "trade", lambda: L.st_trade("Huevo rojo AA", M["mon"], "kilos", 1),
        tags=["unit_mismatch"])
    add("arroba de huevo rojo A en Cartagena", "trade", lambda: L.st_trade("Huevo rojo A", L.city("Cartagena", "Huevo rojo A"), "arroba"),
        tags=["unit_mismatch"])
    add("cuánto cuesta el kilo de aceite girasol en Barranquillita", "trade",
        lambda: L.st_trade("Aceite girasol", M["bq"], "kilos", 1), tags=["unit_mismatch"])
    add("cuánto vale la arroba de zanahoria en Yopal", "trade", lambda: L.st_trade(whole("Zanahoria", M["yop"]), M["yop"], "arroba"))
    add("mi llave y 20 kilos de fríjol zaragoza en Montería cuánto serían", "trade",
        lambda: L.st_trade("Fríjol Zaragoza", M["mon"], "kilos", 20))
    # ---- follow-ups (prev)
    add("y el más bajo?", "min", lambda: L.st_ext("min", "Tomate chonto", M["ctg"], Y(2025)),
        prev=["ajá y cuál fue el precio más alto del tomate chonto en Bazurto este año?"], tags=["followup"])
    add("¿y el bulto cuánto sale?", "trade", lambda: L.st_trade("Yuca criolla", M["sin"], "bulto"),
        prev=["a como esta la yuca criolla en Sincelejo"], tags=["followup"])
    add("¿y la más barata?", "rank", lambda: L.st_rank(M["bq"], FRU, "asc"),
        prev=["qué fruta está más cara en Barranquillita?"], tags=["followup"])
    add("y en Bazurto?", "since", lambda: L.st_since("Papa única", M["ctg"], "2025-01-01"),
        prev=["cuánto ha subido la papa única en Barranquillita desde el 1 de enero de 2025"], tags=["followup"])
    add("ajá, ¿y está cara para la época?", "epoca", lambda: L.st_epoca("Mora de Castilla", M["cav"]),
        prev=["ve, la mora de castilla en Cavasa vale más que hace un año?"], tags=["followup"])
    add("y de 2024 a 2025 cuánto cambió ese promedio?", "change_periods",
        lambda: L.st_chg_periods("Arroz de primera", M["mon"], Y(2024), Y(2025)),
        prev=["¿cuál fue el precio promedio del arroz de primera en Montería en 2024?"], tags=["followup"])
    add("¿y el mes más caro?", "season", lambda: L.st_season("Mango Tommy", M["bq"], "dear"),
        prev=["cuál es el mes más barato del mango Tommy en Barranquillita?"], tags=["followup"])
    add("¿y de la papa única?", "count", lambda: L.st_count_markets("Papa única"),
        prev=["¿en cuántos mercados hay precio de la papa criolla limpia?"], tags=["followup"])
    # ---- shared names: a zanahoria word in Bazurto (whole name unpriced -> family with one kind)
    add("cuánto ha subido la zanahoria en Bazurto desde el 1 de julio de 2025?", "since",
        lambda: L.st_since(famwhole("Zanahoria", M["ctg"]), M["ctg"], "2025-07-01"), tags=["shared_name"])
    add("el fríjol verde en Sincelejo, cuál fue el precio más alto este año?", "max",
        lambda: L.st_ext("max", usual("Fríjol verde en vaina", M["sin"]), M["sin"], Y(2025)), tags=["shared_name"])
    # ---- clarify
    add("¿cuál fue el precio más alto de la papa en Barranquillita este año?", "max", expect="clarify",
        check=lambda: amb("Papa", M["bq"]), tags=["shared_name"])
    add("el limón en Bazurto está más caro que hace un año?", "yoy", expect="clarify",
        check=lambda: amb("Limón", M["ctg"]), tags=["shared_name"])
    add("en qué mes es más barato el fríjol en Montería", "season", expect="clarify",
        check=lambda: amb("Fríjol", M["mon"]), tags=["shared_name"])
    add("ajá y el mango en Barranquillita cuánto ha subido desde el 1 de enero?", "since", expect="clarify",
        check=lambda: amb("Mango", M["bq"]), tags=["shared_name"])
    add("¿cuánto varió el maracuyá en Santa Marta entre enero y septiembre de 2025?", "change_periods", expect="clarify",
        check=lambda: (famwhole_amb("Maracuyá", M["sm"])), tags=["shared_name"])
    add("promedio del tomate de árbol en La Unión en 2025", "mean", expect="clarify", tags=["place"])
    add("cual es la fruta mas cara en el mercado de Puerto Colombia", "rank", expect="clarify", tags=["place"])
    add("cuanto ha subido el queso en Villavicencio este año mijo", "since", expect="clarify",
        check=lambda: amb("Queso", M["vil"]), tags=["shared_name"])
    # ---- no numbers
    add("¿cuánto subió la libra de arroz en el D1 de Santa Marta este año?", "change_periods", expect="no_numbers", tags=["retail"])
    add("¿cuál fue el precio más alto del tomate chonto en Bazurto en 2015?", "max", expect="no_numbers", tags=["out_of_range"])
    add("cuál fue el precio promedio de la papa criolla limpia en Cartagena en marzo de 2026?", "mean", expect="no_numbers",
        tags=["out_of_range"])
    add("¿en qué mes es más barato el chontaduro en Buenaventura?", "season", expect="no_numbers", tags=["untracked"])
    add("qué tal, cómo me ayudas con los precios? qué cosas sabes hacer", "help", expect="no_numbers", tags=["help"])
    add("cuánto ha subido el corozo en Montería este año", "since", expect="no_numbers", tags=["untracked"])
    add("en la tienda de mi barrio en Cali la panela está carísima, cuánto ha subido al detal?", "since", expect="no_numbers",
        tags=["retail"])
    add("ajá y cuánto ha subido el dólar este año mi llave?", "out_of_scope", expect="no_numbers", tags=["out_of_scope"])

    return Q
