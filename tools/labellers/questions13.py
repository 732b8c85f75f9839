# Question specs for blind13-analytics (executed inside label_analytics13.py).
# q(text, stat, function, *args, prev=[...], expect=...)

# ---- max (10)
q("¿Cuál fue el precio más alto de la papa criolla limpia en Surabastos durante 2024 y en qué semana?",
  "max", st_extreme, "Papa criolla limpia", M("Neiva, Surabastos"), Y(2024), "max")
q("cual ha sido el pico historico del limon tahiti en barranquilla", "max", st_extreme,
  "Limón Tahití", C("Barranquilla"), None, "max")
q("Buenas tardes. Estoy armando un informe para la Secretaría de Agricultura del Meta: ¿cuál fue el precio "
  "máximo semanal del plátano hartón verde en la Central de Abastos de Villavicencio en el segundo trimestre "
  "de 2025?", "max", st_extreme, "Plátano hartón verde", M("Villavicencio, CAV"), QT(2025, 2), "max")
q("precio mas alto de la carne de res lomo fino en la Minorista de Medellin en dos mil veintitres", "max",
  st_extreme, "Carne de res, lomo fino", M('Medellín, Plaza Minorista "José María Villa"'), Y(2023), "max")
q("semana mas cara del año pasado pa la cebolla cabezona blanca en Cenabastos?", "max", st_extreme,
  "Cebolla cabezona blanca", M("Cúcuta, Cenabastos"), Y(2024), "max")
q("En Rionegro (Antioquia), ¿cuál fue el tope del aguacate hass entre enero y junio de 2025?", "max", st_extreme,
  "Aguacate Hass", M("Rionegro (Antioquia)"), R("2025-01-01", "2025-06-30"), "max")
q("maximo del bocachico importado congelado en Monteria en 2022", "max", st_extreme,
  "Bocachico importado congelado", C("Montería"), Y(2022), "max")
q("¿Hasta dónde llegó el arroz de primera en Cartago este año? el precio más alto y la semana", "max", st_extreme,
  "Arroz de primera", M("Cartago (Valle del Cauca)"), Y(2025), "max")
q("cual fue el precio mas alto de la mora de castilla en El Potrerillo en las ultimas 12 semanas", "max",
  st_extreme, "Mora de Castilla", M("Pasto, El Potrerillo"), LASTN(12), "max")
q("el queso costeño en el Mercado Nuevo de Valledupar, en q semana estuvo mas caro en 2025?", "max", st_extreme,
  "Queso costeño", M("Valledupar, Mercado Nuevo"), Y(2025), "max")

# ---- min (9 + follow-up)
q("¿Cuál fue el precio más bajo del tomate chonto en Mercar en 2023?", "min", st_extreme,
  "Tomate chonto", M("Armenia, Mercar"), Y(2023), "min")
q("minimo historico de la papa parda pastusa en Manizales", "min", st_extreme, "Papa parda pastusa", C("Manizales"),
  None, "min")
q("el precio mínimo de la cebolla junca en el Mercado del Sur de Montería durante el primer semestre de 2025, o sea "
  "de enero a junio", "min", st_extreme, "Cebolla junca", M("Montería, Mercado del Sur"), R("2025-01-01", "2025-06-30"),
  "min")
q("cuando estuvo mas barata la guayaba pera en Cavasa en lo que va de este año", "min", st_extreme,
  "Guayaba pera", M("Cali, Cavasa"), Y(2025), "min")
q("precio minimo de la pechuga de pollo en Barranquillita en 2024, con la semana porfa", "min", st_extreme,
  "Pechuga de pollo", M("Barranquilla, Barranquillita"), Y(2024), "min")
q("desde el 1 de julio de 2025, cual ha sido el precio mas bajo de la habichuela en Bazurto", "min", st_extreme,
  "Habichuela", M("Cartagena, Bazurto"), SINCE("2025-07-01"), "min")
q("en el mercado de Santa Marta, cuál fue el mínimo de la zanahoria en el 2023?", "min", st_extreme,
  "Zanahoria", M("Santa Marta (Magdalena)"), Y(2023), "min")
q("Cuál fue el valor más bajo de la tilapia roja entera fresca en Surabastos en 2024", "min", st_extreme,
  "Tilapia roja entera fresca", M("Neiva, Surabastos"), Y(2024), "min")
q("min del maiz blanco trillado en sincelejo durante el tercer trimestre del 2025", "min", st_extreme,
  "Maíz blanco trillado", C("Sincelejo"), QT(2025, 3), "min")
q("¿y el más bajo?", "min", st_extreme, "Papa criolla limpia", M("Neiva, Surabastos"), Y(2024), "min",
  prev=["¿Cuál fue el precio más alto de la papa criolla en Surabastos en 2024?"])

# ---- mean (8)
q("¿Cuál fue el precio promedio del lulo en Mercasa en el primer trimestre de 2025?", "mean", st_avg,
  "Lulo", M("Pereira, Mercasa"), QT(2025, 1), "mean")
q("promedio de la yuca criolla en Valledupar en dos mil veinticuatro", "mean", st_avg, "Yuca criolla",
  C("Valledupar"), Y(2024), "mean")
q("precio medio de la costilla de cerdo en Centro Galerías de Manizales entre marzo y mayo de 2025", "mean",
  st_avg, "Carne de cerdo, costilla", M("Manizales, Centro Galerías"), R("2025-03-01", "2025-05-31"), "mean")
q("cuanto promedio la papaya maradol en la nueva sexta de cucuta en las ultimas 8 semanas", "mean", st_avg,
  "Papaya Maradol", M("Cúcuta, La Nueva Sexta"), LASTN(8), "mean")
q("Necesito el promedio semanal del café molido en Tuluá durante 2023 para un trabajo de la U", "mean", st_avg,
  "Café molido", M("Tuluá (Valle del Cauca)"), Y(2023), "mean")
q("promedio del frijol cargamanto rojo en la mayorista de medellin en el 2018", "mean", st_avg,
  "Fríjol cargamanto rojo", M("Medellín, Central Mayorista de Antioquia"), Y(2018), "mean")
q("Cuál ha sido el promedio del pargo rojo entero congelado en la Galería Alameda de Cali desde el 1 de enero de 2025?", "mean",
  st_avg, "Pargo rojo entero congelado", M("Cali, Galería Alameda"), SINCE("2025-01-01"), "mean")
q("media del precio de la sal yodada en el mercado de Santa Marta en 2024", "mean", st_avg, "Sal yodada",
  M("Santa Marta (Magdalena)"), Y(2024), "mean")

# ---- median (5 + follow-up)
q("mediana del precio de la naranja valencia en la Minorista de Medellín en 2024", "median", st_avg,
  "Naranja Valencia", M('Medellín, Plaza Minorista "José María Villa"'), Y(2024), "median")
q("¿Cuál es la mediana de la arveja verde en vaina en Tunja en lo corrido de 2025?", "median", st_avg,
  "Arveja verde en vaina", C("Tunja"), Y(2025), "median")
q("mediana semanal del huevo rojo AA en Neiva en el 2023", "median", st_avg, "Huevo rojo AA",
  C("Neiva"), Y(2023), "median")
q("mediana de la panela cuadrada morena en Pamplona el año pasado", "median", st_avg, "Panela cuadrada morena",
  M("Pamplona (Norte de Santander)"), Y(2024), "median")
q("Pa una tesis de economía agraria: la mediana del precio de la cachama de cultivo fresca en Villavicencio de "
  "julio a septiembre de 2025", "median", st_avg, "Cachama de cultivo fresca", C("Villavicencio"),
  R("2025-07-01", "2025-09-30"), "median")
q("y la mediana?", "median", st_avg, "Lulo", M("Pereira, Mercasa"), QT(2025, 1), "median",
  prev=["precio promedio del lulo en Mercasa en el primer trimestre de 2025"])

# ---- change between two weeks / days (10)
q("¿Cuánto cambió el precio de la papa criolla limpia en Ipiales entre el 15/03/2025 y el 18/10/2025?",
  "change_weeks", st_chg_days, "Papa criolla limpia", C("Ipiales"), "2025-03-15", "2025-10-18")
q("variacion del tomate de arbol en Mercasa entre la semana del 3 de agosto y la del 19 de octubre de 2025",
  "change_weeks", st_chg_days, "Tomate de árbol", M("Pereira, Mercasa"), "2025-08-03", "2025-10-19")
q("¿En qué porcentaje varió la cebolla cabezona roja en Cenabastos del 7 de junio de 2025 al 11 de octubre de "
  "2025?", "change_weeks", st_chg_days, "Cebolla cabezona roja", M("Cúcuta, Cenabastos"), "2025-06-07",
  "2025-10-11")
q("cuanto subio o bajo el limon comun en Monteria entre el 1 de febrero de 2024 y el 1 de febrero de 2025",
  "change_weeks", st_chg_days, "Limón común", C("Montería"), "2024-02-01", "2025-02-01")
q("Sobrebarriga de res en Bazurto: compáreme el 10/05/2025 con el 20/09/2025, cuánto varió?", "change_weeks",
  st_chg_days, "Carne de res, sobrebarriga", M("Cartagena, Bazurto"), "2025-05-10", "2025-09-20")
q("pepino cohombro en Villavicencio: variación entre el 26 de abril y el 27 de septiembre de 2025",
  "change_weeks", st_chg_days, "Pepino cohombro", C("Villavicencio"), "2025-04-26", "2025-09-27")
q("La 41 de Pereira, banano criollo: cuanto cambio entre el 2 de marzo de 2024 y el 2 de marzo de 2025?",
  "change_weeks", st_chg_days, "Banano criollo", M("Pereira, La 41-Impala"), "2024-03-02", "2025-03-02")
q("diferencia porcentual de la lenteja importada en Popayán entre el 6-sep-2025 y el 25-oct-2025",
  "change_weeks", st_chg_days, "Lenteja importada", C("Popayán"), "2025-09-06", "2025-10-25")
q("tilapia roja entera fresca en Villavicencio, ¿cuánto varió del 14 de junio al 4 de octubre de este año?",
  "change_weeks", st_chg_days, "Tilapia roja entera fresca", C("Villavicencio"), "2025-06-14", "2025-10-04")
q("azúcar refinada en los Mercados del Centro de Bucaramanga entre el 5 de julio y el 18 de octubre de 2025, cuánto cambió el precio?",
  "change_weeks", st_chg_days, "Azúcar refinada", M("Bucaramanga, Mercados del centro"), "2025-07-05", "2025-10-18")

# ---- change between two months / quarters / years (11)
q("¿Cuánto varió el precio promedio del aguacate papelillo en Sincelejo entre septiembre y octubre de 2025?",
  "change_periods", st_chg_per, "Aguacate papelillo", C("Sincelejo"), MO(2025, 9), MO(2025, 10))
q("papa única en Tunja: ¿cuánto cambió el promedio del primer trimestre de 2025 frente al primer trimestre de "
  "2024?", "change_periods", st_chg_per, "Papa única", C("Tunja"), QT(2024, 1), QT(2025, 1))
q("variación del precio de la bola de pierna de res en Paloquemao entre 2023 y 2024", "change_periods",
  st_chg_per, "Carne de res, bola de pierna", M("Bogotá, D.C., Paloquemao"), Y(2023), Y(2024))
q("cuanto cambio el promedio de la granadilla en Surabastos de marzo de 2025 a agosto de 2025",
  "change_periods", st_chg_per, "Granadilla", M("Neiva, Surabastos"), MO(2025, 3), MO(2025, 8))
q("la mandarina oneco en la Mayorista de Antioquia: ¿cuánto varió el promedio de 2022 a 2024?",
  "change_periods", st_chg_per, "Mandarina Oneco", M("Medellín, Central Mayorista de Antioquia"), Y(2022),
  Y(2024))
q("Cambio porcentual del arroz de primera en La Nueva Sexta (Cúcuta): promedio 2021 vs promedio 2025", "change_periods",
  st_chg_per, "Arroz de primera", M("Cúcuta, La Nueva Sexta"), Y(2021), Y(2025))
q("cuanto subio el cafe molido en la plaza del barrio Bolivar de Popayan del tercer trimestre de 2024 al "
  "tercer trimestre de 2025", "change_periods", st_chg_per, "Café molido",
  M("Popayán, Plaza de mercado del barrio Bolívar"), QT(2024, 3), QT(2025, 3))
q("ahuyama en Armenia: junio vs julio de 2025, cuánto cambió el promedio?", "change_periods", st_chg_per,
  "Ahuyama", C("Armenia"), MO(2025, 6), MO(2025, 7))
q("frente a enero, cuánto ha cambiado el promedio de la piña gold en Tunja en septiembre?",
  "change_periods", st_chg_per, "Piña gold", C("Tunja"), MO(2025, 1), MO(2025, 9))
q("maracuyá en Santa Elena de Cali: promedio de julio a diciembre de 2024 contra el de enero a junio de 2025",
  "change_periods", st_chg_per, "Maracuyá", M("Cali, Santa Elena"), R("2024-07-01", "2024-12-31"),
  R("2025-01-01", "2025-06-30"))

# ---- from a date to now (8)
q("¿Cuánto ha subido la papa parda pastusa en Corabastos desde el 1 de marzo de 2025?", "since", st_since,
  "Papa parda pastusa", M("Bogotá, D.C., Corabastos"), "2025-03-01")
q("desde el 15 de junio de 2025 como ha cambiado el precio de la zanahoria en Pasto", "since", st_since,
  "Zanahoria", C("Pasto"), "2025-06-15")
q("el huevo rojo A en Ibagué, variacion desde el 10/01/2025 hasta hoy", "since", st_since, "Huevo rojo A",
  C("Ibagué"), "2025-01-10")
q("¿cuánto ha variado la sardina en lata en Montería desde el 5 de abril de 2025?", "since", st_since,
  "Sardinas en lata", C("Montería"), "2025-04-05")
q("desde la semana del 6 de septiembre, ¿cómo va el mango tommy en Santa Elena?", "since", st_since,
  "Mango Tommy", M("Cali, Santa Elena"), "2025-09-06")
q("frente al 1 de agosto de 2024, cuanto cambio la pierna pernil con rabadilla en la Galería Alameda de Cali?", "since", st_since,
  "Pierna pernil con rabadilla", M("Cali, Galería Alameda"), "2024-08-01")
q("lechuga batavia en Cartago: cuanto ha cambiado desde el 12 de julio del 2025", "since", st_since,
  "Lechuga Batavia", M("Cartago (Valle del Cauca)"), "2025-07-12")
q("Buenas, soy tendero en Florencia. ¿Cuánto ha variado el precio mayorista del queso campesino allá desde el "
  "3 de mayo de 2025?", "since", st_since, "Queso campesino", M("Florencia (Caquetá)"), "2025-05-03")

# ---- year over year (7 + follow-up)
q("¿Está más cara la cebolla junca en Sonsón que hace un año?", "yoy", st_yoy, "Cebolla junca",
  M("Sonsón (Antioquia)"))
q("comparado con hace un año, como esta el frijol bolon en Tuluá", "yoy", st_yoy, "Fríjol bolón",
  M("Tuluá (Valle del Cauca)"))
q("la harina de trigo en Pasto cuánto ha cambiado frente a la misma semana del año pasado?", "yoy", st_yoy,
  "Harina de trigo", C("Pasto"))
q("¿Cuánto ha subido el tomate de árbol en Popayán en el último año?", "yoy", st_yoy, "Tomate de árbol",
  C("Popayán"))
q("¿y en Pasto?", "yoy", st_yoy, "Tomate de árbol", C("Pasto"),
  prev=["¿Cuánto ha subido el tomate de árbol en Popayán en el último año?"])
q("alas de pollo con costillar en Sincelejo, comparadas con hace un año están más caras o más baratas?", "yoy",
  st_yoy, "Alas de pollo con costillar", C("Sincelejo"))
q("la punta de anca en La 41 de Pereira está más barata que hace 12 meses?", "yoy", st_yoy,
  "Carne de res, punta de anca", M("Pereira, La 41-Impala"))
q("variación anual del precio de la sal yodada en Pamplona", "yoy", st_yoy, "Sal yodada", M("Pamplona (Norte de Santander)"))

# ---- season (8 + follow-up)
q("¿En qué mes suele estar más barata la papa criolla limpia en Tunja?", "season", st_season,
  "Papa criolla limpia", C("Tunja"), "cheap")
q("mes mas caro para el tomate chonto en Neiva segun el historico", "season", st_season, "Tomate chonto",
  C("Neiva"), "dear")
q("¿Cuál es el mes más barato para comprar mora de castilla en la Mayorista de Medellín?", "season", st_season,
  "Mora de Castilla", M("Medellín, Central Mayorista de Antioquia"), "cheap")
q("¿y el más caro?", "season", st_season, "Mora de Castilla", M("Medellín, Central Mayorista de Antioquia"),
  "dear", prev=["¿Cuál es el mes más barato para comprar mora de castilla en la Mayorista de Medellín?"])
q("Para planear las compras del restaurante: ¿en qué mes se pone más caro el limón tahití en Cali?", "season",
  st_season, "Limón Tahití", C("Cali"), "dear")
q("en que mes baja el aguacate papelillo en Ibague", "season", st_season, "Aguacate papelillo", C("Ibagué"),
  "cheap")
q("cuál es el mes más barato del año para la naranja valencia en Pereira", "season", st_season,
  "Naranja Valencia", C("Pereira"), "cheap")
q("en qué mes se encarece más la arveja verde en vaina en Bucaramanga?", "season", st_season,
  "Arveja verde en vaina", C("Bucaramanga"), "dear")
q("mes más barato de la yuca llanera", "season", st_season, "Yuca llanera", None, "cheap")

# ---- "¿está cara para la época?" (7 + follow-up)
q("el tomate chonto en Sincelejo esta caro pa esta epoca del año?", "season_position", st_epoca,
  "Tomate chonto", C("Sincelejo"))
q("¿Está cara la cebolla cabezona blanca en Ibagué para la época?", "season_position", st_epoca,
  "Cebolla cabezona blanca", C("Ibagué"))
q("Para la época, ¿cómo está el precio del plátano hartón verde en Neiva? ¿caro, barato o normal?",
  "season_position", st_epoca, "Plátano hartón verde", C("Neiva"))
q("la yuca ica en Cavasa esta cara para la epoca?", "season_position", st_epoca, "Yuca ICA",
  M("Cali, Cavasa"))
q("y en Popayán?", "season_position", st_epoca, "Yuca ICA", C("Popayán"),
  prev=["la yuca ica en Cavasa esta cara para la epoca?"])
q("lulo en Manizales: ¿está normal para la temporada o está caro?", "season_position", st_epoca, "Lulo",
  C("Manizales"))
q("habichuela en Cenabastos, está en precio normal para esta época del año o no?", "season_position", st_epoca,
  "Habichuela", M("Cúcuta, Cenabastos"))
q("la papa capira en Rionegro está cara para lo que suele valer en octubre?", "season_position", st_epoca,
  "Papa capira", M("Rionegro (Antioquia)"))

# ---- rankings (9 + follow-up)
q("¿Cuál es la fruta más cara hoy en Surabastos?", "ranking", st_rank, M("Neiva, Surabastos"),
  "Frutas frescas", "max")
q("los 3 productos más baratos de Cenabastos esta semana", "ranking", st_rank, M("Cúcuta, Cenabastos"), None,
  "min", 3)
q("qué pescado está más barato en Bazurto?", "ranking", st_rank, M("Cartagena, Bazurto"), "Pescados", "min")
q("¿Cuál es la carne más cara en los Frigoríficos de Bucaramanga?", "ranking", st_rank,
  M("Bucaramanga, Frigoríficos"), "Carnes", "max")
q("verdura mas barata en El Potrerillo", "ranking", st_rank, M("Pasto, El Potrerillo"), "Verduras y hortalizas",
  "min")
q("¿Cuál fue el grano más caro en Barranquillita la semana del 4 de octubre de 2025?", "ranking", st_rank,
  M("Barranquilla, Barranquillita"), "Granos y cereales", "max", 1, hold("2025-10-04"))
q("tubérculo o plátano más barato en la plaza del barrio Bolívar en Popayán", "ranking", st_rank,
  M("Popayán, Plaza de mercado del barrio Bolívar"), "Tubérculos, raíces y plátanos", "min")
q("cuál es el producto procesado más caro por kilo en Mercasa?", "ranking", st_rank, M("Pereira, Mercasa"),
  "Productos procesados", "max")
q("¿Qué producto de huevos y lácteos está más caro en la Mayorista de Antioquia?", "ranking", st_rank,
  M("Medellín, Central Mayorista de Antioquia"), "Huevos y lácteos", "max")
q("¿y la más barata?", "ranking", st_rank, M("Armenia, Mercar"), "Frutas frescas", "min",
  prev=["qué fruta está más cara en Mercar"])

# ---- movers (12)
q("¿Qué producto subió más en Cavasa esta semana?", "movers", st_movers, M("Cali, Cavasa"), None, "up")
q("¿y cuáles bajaron más?", "movers", st_movers, M("Cartagena, Bazurto"), "Verduras y hortalizas", "down",
  prev=["¿qué verduras subieron más en Bazurto esta semana?"])
q("¿Cuál fue la fruta que más bajó a nivel nacional esta semana?", "movers", st_movers, None, "Frutas frescas",
  "down")
q("a nivel nacional, qué verdura subió más esta semana", "movers", st_movers, None,
  "Verduras y hortalizas", "up")
q("En la Mayorista de Medellín, ¿qué fruta bajó más en octubre frente a septiembre?", "movers", st_movers,
  M("Medellín, Central Mayorista de Antioquia"), "Frutas frescas", "down", per1=MO(2025, 9), per2=MO(2025, 10))
q("¿qué producto bajó más en Centroabastos entre la semana del 4 de octubre y la del 25 de octubre de 2025?",
  "movers", st_movers, M("Bucaramanga, Centroabastos"), None, "down", w1=hold("2025-10-04"),
  w2=hold("2025-10-25"))
q("la carne que más bajó en el país esta semana", "movers", st_movers, None, "Carnes", "down")
q("cuál fue el pescado que más subió en Buenaventura esta semana", "movers", st_movers,
  M("Buenaventura (Valle del Cauca)"), "Pescados", "up")
q("en Ibagué qué verdura bajó más en septiembre comparado con agosto?", "movers", st_movers, C("Ibagué"),
  "Verduras y hortalizas", "down", per1=MO(2025, 8), per2=MO(2025, 9))
q("que subio mas en el Potrerillo de Pasto esta semana", "movers", st_movers, M("Pasto, El Potrerillo"), None,
  "up")
q("el procesado que más subió en Barranquillita esta semana?", "movers", st_movers,
  M("Barranquilla, Barranquillita"), "Productos procesados", "up")
q("Para el boletín de la gobernación: ¿qué grano o cereal subió más en Tunja entre la semana del 27 de "
  "septiembre y la del 25 de octubre?", "movers", st_movers, C("Tunja"), "Granos y cereales", "up",
  w1=hold("2025-09-27"), w2=hold("2025-10-25"))

# ---- counts (7 + follow-up)
q("¿En cuántos mercados hay precio de pechuga de pollo?", "count", st_count_markets, "Pechuga de pollo")
q("¿y de bagre rayado entero fresco?", "count", st_count_markets, "Bagre rayado entero fresco",
  prev=["¿En cuántos mercados hay precio de pechuga de pollo?"])
q("¿Cuántos productos cotiza Mercabastos en Valledupar?", "count", st_count_products,
  M("Valledupar, Mercabastos"))
q("cuantos productos tienen precio esta semana en el mercado de Florencia, Caquetá", "count",
  st_count_products, M("Florencia (Caquetá)"))
q("en cuántas centrales mayoristas reportaron precio del lulo esta semana?", "count", st_count_markets, "Lulo")
q("cuantos mercados cotizan la tilapia roja entera fresca", "count", st_count_markets,
  "Tilapia roja entera fresca")
q("número de productos con precio en el Complejo de Servicios del Sur de Tunja", "count", st_count_products,
  M("Tunja, Complejo de Servicios del Sur"))
q("¿en cuántos mercados se cotizó la papa capira la semana del 4 de octubre?", "count", st_count_markets,
  "Papa capira", hold("2025-10-04"))

# ---- trade units (13 + follow-up)
q("¿Cuánto vale una arroba de papa capira en Manizales?", "trade_unit", st_trade, "Papa capira",
  C("Manizales"), "arroba")
q("¿y el bulto?", "trade_unit", st_trade, "Papa capira", C("Manizales"), "bulto",
  prev=["¿Cuánto vale una arroba de papa capira en Manizales?"])
q("a como sale el bulto de cebolla cabezona blanca en Cenabastos", "trade_unit", st_trade,
  "Cebolla cabezona blanca", M("Cúcuta, Cenabastos"), "bulto")
q("cuanto me cuesta una libra de lomo de cerdo sin hueso en Montería?", "trade_unit", st_trade,
  "Carne de cerdo, lomo sin hueso", C("Montería"), "libra")
q("precio de 25 kilos de arroz de primera en Neiva", "trade_unit", st_trade, "Arroz de primera", C("Neiva"),
  "kilos", 25)
q("cuánto valdría un bulto de tomate chonto en la plaza La 21?", "trade_unit", st_trade, "Tomate chonto",
  M("Ibagué, Plaza La 21"), "bulto")
q("cuanto vale el kilo de huevo rojo AA en Pasto", "trade_unit", st_trade, "Huevo rojo AA",
  C("Pasto"), "kilos", 1)
q("precio de la arroba de aceite vegetal mezcla en Barranquilla", "trade_unit", st_trade,
  "Aceite vegetal mezcla", C("Barranquilla"), "arroba")
q("a como esta la libra de queso costeño en Sincelejo?", "trade_unit", st_trade, "Queso costeño",
  C("Sincelejo"), "libra")
q("una arroba de yuca criolla en Cenabastos cuánto vale?", "trade_unit", st_trade, "Yuca criolla",
  M("Cúcuta, Cenabastos"), "arroba")
q("un bulto de zanahoria en Tunja cuanto", "trade_unit", st_trade, "Zanahoria", C("Tunja"), "bulto")
q("¿Cuánto cuestan 10 kilos de fríjol cargamanto rojo en Pereira?", "trade_unit", st_trade,
  "Fríjol cargamanto rojo", C("Pereira"), "kilos", 10)
q("y un bulto de naranja valencia en Centroabastos?", "trade_unit", st_trade, "Naranja Valencia",
  M("Bucaramanga, Centroabastos"), "bulto")
q("el bulto de lenteja importada en Bazurto a como lo dan", "trade_unit", st_trade, "Lenteja importada",
  M("Cartagena, Bazurto"), "bulto")

# ---- clarify (10)
q("¿cuál fue el precio más alto del fríjol en la Mayorista de Medellín en 2024?", "max", expect="clarify")
q("¿En qué mes es más barata la papa en Tunja?", "season", expect="clarify")
q("promedio del queso en la Galería Alameda de Cali este año", "mean", expect="clarify")
q("¿cuánto ha subido la uva en Santa Elena desde el 1 de mayo de 2025?", "since", expect="clarify")
q("¿Está cara la carne de res para la época en Montería?", "season_position", expect="clarify")
q("precio máximo de la papa criolla limpia en Soacha en 2024", "max", expect="clarify")
q("cuánto varió el tomate de árbol en Zipaquirá este año", "change_periods", expect="clarify")
q("¿Cuál es el mes más barato del aguacate hass en Riohacha?", "season", expect="clarify")
q("cuanto subio la papa criolla limpia en Corabastos en la ultima cosecha", "change_periods", expect="clarify")
q("¿En cuántos mercados cotizan el mango?", "count", expect="clarify")

# ---- no numbers (9)
q("¿Cuál fue el precio más alto de la papa criolla limpia en Corabastos en 2015?", "max", expect="no_numbers")
q("promedio del tomate chonto en Cavasa en 2026", "mean", expect="no_numbers")
q("¿En qué mes es más barato el kiwano?", "season", expect="no_numbers")
q("cuánto ha subido el arroz de primera en el D1 este año", "yoy", expect="no_numbers")
q("qué producto está más barato en el Éxito de Laureles?", "ranking", expect="no_numbers")
q("variación del precio de la quinua en Ipiales desde enero", "since", expect="no_numbers")
q("¿cuál fue el promedio del chontaduro en Cali en 2024?", "mean", expect="no_numbers")
q("el huevo rojo AA al detal en las tiendas de barrio de Cúcuta, subió frente al año pasado?", "yoy",
  expect="no_numbers")
q("cuanto valía el bulto de papa parda pastusa en 2012", "trade_unit", expect="no_numbers")
