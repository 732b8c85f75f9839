"""Rule-based understanding: a Spanish question -> a Query (intent, product / market matches, period, statistic,
numbers).

Keyword patterns run on normalised text (lower case, no accents); product and market mentions are resolved
against the mirror's vocabulary (models.resolve). The result carries a confidence so the router knows when
to ask back or to try the optional LLM path.
"""

from __future__ import annotations

import datetime as dt
import re

from models.dates import MONTHS, parse_period
from models.lang import FILLER, STOPWORDS, expand_shorthand, int_word, normalise, singular, words
from models.numbers import amounts
from models.query import Query
from models.resolve import MarketMatch, ProductMatch, Vocabulary
from models.slots import PRODUCT_STATS, Intent, Stat
from models.understanding.stats import StatReading, group_in, group_spans, read_stat

_P = {
    Intent.ALERT: (r"\b(avisa\w*|alerta\w*|notifica\w*|alarma|suscrib\w*|me avises|me avisas|avisen|avisos?"
                   r"|alertame|notificame|(mandame|enviame|mandarme|enviarme|me mandas|me envias|me escribes"
                   r"|escribeme) (un |una )?(mensaje|aviso|alerta|notificacion|razon)"
                   r"|cuando (\w+ ){0,6}(baje|bajen|suba|suban|supere|superen|caiga|caigan|cueste|cuesten)"
                   r"|cuando (\w+ ){0,6}(pase|pasen|llegue|lleguen|este|esten) (de|a|por|los|el|menos|mas|encima"
                   r"|debajo|\$?\d)"
                   r"|me (dices|cuentas|escribes|informas|avisas|notificas|alertas) (cuando|si)"
                   r"|(cuando|si) (\w+ ){1,8}me (dices|cuentas|escribes|informas|avisas|notificas|alertas))\b"),
    Intent.FORECAST: (r"\b(pronostic\w*|predic\w*|proyecc\w*|proyecta\w*|va a (estar|costar|subir|bajar|valer)"
                      r"|van a (estar|costar|subir|bajar|valer)|estara|estaran|costara|costaran|valdra|subira|bajara"
                      r"|en el futuro|proxim[oa]s? (\w+ )?(semanas?|meses|mes|dias)|proxima semana|proximo mes"
                      r"|que precio tendra|cuanto (va a|irá a) (costar|valer))\b"),
    Intent.SUPPLY_ORIGIN: (r"\b(de donde (viene|vienen|llega|llegan|proviene|provienen|sale|salen|traen)"
                           r"|procedencia|origen|proviene|provienen|que departamentos? (envia|manda|surte)"
                           r"|de (que|cuales) (departamentos?|municipios?|regiones?|zonas?|lugares?) "
                           r"(viene|vienen|llega|llegan|proviene|provienen|traen)"
                           r"|(viene|vienen|llega|llegan) de donde|de donde es|de donde son"
                           r"|(viene|vienen|llega|llegan|llego|llegaron|entra|entran|ingresa|ingresan|traen|proviene"
                           r"|provienen|sale|salen) (\w+ ){0,5}?de (que|cuales|donde) "
                           r"(departamentos?|municipios?|regiones?|zonas?|lugares?|partes?|sitios?)"
                           r"|(que|cuales) (departamentos?|municipios?|regiones?) (la |lo |los |las )?"
                           r"(envian?|mandan?|surten?|producen?|abastecen?|despachan?|traen?|proveen?))\b"),
    # "¿a cuánto llegó?" asks how high a price went; "¿cuánto llegó?" asks about tonnes
    Intent.SUPPLY: (r"\b(abastecimiento|abastecio|toneladas|(?<!a )cuant[oa]s? (comida |alimentos? )?(llego|llega|entro"
                    r"|entra|ingreso|ingresa|llegaron|entraron)|ingreso de alimentos|volumen|cuanta comida"
                    r"|cuant[oa]s? (?:kilos |toneladas |carga |bultos )?(?:de )?"
                    r"(?:(?!cuest|cost|val|precio|esta\b|estaba)\w+ ){1,4}(?:se )?(llego|llega|entro|entra|ingreso"
                    r"|ingresa|llegaron|entraron|ingresaron|llegan|entran|ingresan|despacharon|abastecieron)"
                    r"|(llego|llegaron|entro|entraron|ingreso|ingresaron) (\w+ ){0,2}(kilos|toneladas|carga)"
                    r"|(ingresos?|entradas?|llegadas?|arribos?|despachos?) de"
                    r"|oferta de alimentos|cuanto se abastecio|surtido)\b"),
    Intent.INPUTS: (r"\b(insumos?|fertilizantes?|abonos?|urea|plaguicidas?|herbicidas?|fungicidas?|insecticidas?"
                    r"|agroquimicos?|glifosato|cal agricola|triple 15|15 15 15|dap|kcl|cloruro de potasio)\b"),
    # "el más bajo" / "precio más alto" name a level, not a movement
    Intent.MOVERS: (r"\b((?<!el )(?<!la )(?<!precio )mas (subieron|subio|bajaron|bajo|cayeron|cayo|aumentaron|aumento"
                    r"|variaron|cambiaron"
                    r"|se movieron)"
                    r"|(mayores|principales|grandes|mas grandes) (alzas|subidas|bajas|caidas|variaciones|cambios"
                    r"|aumentos|descensos)|que (productos? )?(subio|bajo|subieron|bajaron)( mas)?"
                    r"|(cual|que) (\w+ ){0,3}(subio|bajo|cayo|aumento|se encarecio|se abarato) (mas|menos)"
                    r"|(producto|alimento) (que|q) mas (subio|bajo|cayo|aumento)"
                    r"|(mayor|principal|gran) (alza|subida|baja|caida|variacion|aumento|descenso)"
                    r"|alzas y bajas|subidas y bajadas|ganadores|perdedores|se dispararon|se disparo"
                    r"|(productos?|alimentos?) (subieron|bajaron|cayeron|aumentaron) mas"
                    r"|(top|ranking|lista)( \d+)? (de )?(las )?(alzas|subidas|bajas|caidas)|alzas|subidas"
                    r"|(cuales|que) (\w+ )?(subieron|bajaron|cayeron|aumentaron|se dispararon|se movieron)"
                    r"|(subieron|bajaron|cayeron|aumentaron|se movieron|se dispararon) (mas|menos)"
                    r"|mas (esta|estan|ha|han|viene|vienen|va|van) (subiendo|bajando|aumentando|cayendo|subido|bajado)"
                    r"|lo que mas (sube|subio|baja|bajo|aumenta|aumento|cae|cayo)"
                    r"|(se )?(encarec|abarat)\w*|se (puso|pusieron|ha puesto|han puesto) (mas )?(car|barat)[oa]s?)\b"),
    Intent.CHEAPEST: (r"\b(mas barat[oa]s?|mas economic[oa]s?|menor precio|precio mas bajo|mas bajo|mejor precio"
                      r"|donde (conviene|me sale mejor)|mas favorable|menos car[oa]s?|mas en cuenta|mas accesible"
                      r"|mas barat\w*|donde (\w+ ){0,4}(barat\w*|economic\w*))\b"),
    Intent.PRICIEST: r"\b(mas car[oa]s?|mayor precio|precio mas alto|mas costos[oa]s?|mas alto|carisim[oa])\b",
    Intent.COMPARE: (r"\b(compar\w*|vs|versus|diferencia|todos los mercados|cada mercado|por mercados?|por ciudad(es)?"
                     r"|en que mercados|todas las ciudades|varios mercados|en los mercados|en las ciudades)\b"),
    Intent.HISTORY: (r"\b(historial|historico|historia|evolucion|(en )?(que|cuanto)? ?porcentaje|por ?ciento|porcentual"
                     r"|(subio|bajo|cambio|vario|aumento) (del|de|entre|desde) "
                     r"|como (ha|han) (variado|cambiado|estado|subido|bajado"
                     r"|evolucionado|ido|evoluciona\w*|fluctuado|venido)|variacion|tendencia|grafic\w*|serie"
                     r"|ha subido|ha bajado|han subido|han bajado|subio o bajo|comportamiento|trayectoria"
                     r"|(cambio|variacion|diferencia) (del |de |en )?(el )?(precio|valor)"
                     r"|cuanto (ha )?(subio|bajo|subido|bajado|cambio|cambiado|variado|vario)"
                     r"|como (cambio|vario|evoluciono|fluctuo|se movio|subio|bajo|se comporto)"
                     r" (\w+ ){0,12}(entre|desde|durante|frente|vs|versus|respecto|comparad\w*|hasta|de (enero|febrero"
                     r"|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre) a)"
                     r"|(que|q) tanto (ha |han )?(subido|bajado|cambiado|variado|subio|bajo|cambio|vario)"
                     r"|(en )?(que|cuanto|cuantos) (%|por ?ciento) (ha |han )?(cambio|vario|subio|bajo|aumento|cayo"
                     r"|cambiado|variado|subido|bajado|aumentado|caido))\b"),
    Intent.COVERAGE: (r"\b((que|cuales|cuantos) (productos|mercados|ciudades|alimentos|datos)"
                      r"|lista de (productos|mercados)"
                      r"|cobertura|hasta (que|cuando)( fecha)?|desde cuando|fecha de (corte|actualizacion)"
                      r"|ultima actualizacion|actualizad[oa]s?|de donde (sacas|salen|vienen) (los|tus) datos"
                      r"|que informacion (tienes|hay)|que tienes|fuente de (los )?datos"
                      r"|(que|cuales|cuantas) (plazas|centrales|galerias|centros de abasto)"
                      r"|(que|cuales) (\w+ )?(productos|mercados|plazas|ciudades|alimentos) (manejas|manejan|tienes"
                      r"|tienen|cubres|cubren|hay|incluye|incluyes)"
                      r"|desde (que|cual|cuando) (ano|año|fecha|mes|dia|epoca)|desde hace cuanto"
                      r"|hasta (que|cual) (dia|fecha|semana|mes|ano|año)"
                      r"|(que|cuales) (fechas|anos|años|periodos?) (tienes|hay|cubres|manejas)"
                      r"|(cuales|que) son (los|las) (productos|mercados|plazas|ciudades|alimentos|fechas)"
                      r"|(datos|precios|informacion) (de|desde) (que|cuales|cuando) (anos|años|fechas|periodos?|meses"
                      r"|dias|productos|mercados|ciudades)"
                      r"|(ultimo|ultima|mas reciente) (dato|datos|semana|fecha|actualizacion) (que )?(tienes|hay)"
                      r"|(de|desde|hasta) (que|cual|cuando) (fecha|dia|semana|mes)( son| es| estan| tienes)?"
                      r"( (los|tus|sus|esos|estos) (precios|datos))?$"
                      r"|de (que|cual) (fecha|dia|semana|mes) son (los|tus|sus|esos|estos) (precios|datos)"
                      r"|de cuando son (los|tus|sus|esos|estos) (precios|datos)|que tan (actualizad|recient)\w*)\b"),
}
_PRICE_WORDS = re.compile(r"\b(precio|precios|cuanto|cuesta|cuestan|vale|valen|valor|a como|como esta|como estan"
                          r"|cobran|cobra|piden|en cuanto (la|lo|las|los) tienen"
                          r"|costo|costaba|valia|valio|estaba|cotizacion|cotiza|tarifa)\b")
_HELP = re.compile(r"(^/(start|ayuda|help)\b|\b(ayuda|ayudame|que puedes hacer|que sabes( hacer)?|como funciona"
                   r"|como te uso|como se usa|instrucciones|comandos|que haces|para que sirves|menu|opciones"
                   r"|que me puedes (decir|preguntar)|que te puedo preguntar|quien eres|que eres"
                   r"|que (preguntas|cosas|consultas) (te |le |les )?(puedo|podemos|se pueden|se puede) "
                   r"(hacer|preguntar|consultar)|que (te |le )?(puedo|podria) (preguntar|consultar)(te|le)?"
                   r"|que (preguntas|cosas) (respondes|contestas|sabes)|que (te|le) pregunto"
                   r"|para que (sirve|sirves|es) (este|el|esta|la)? ?(bot|robot|chat|asistente|app|aplicacion)?"
                   r"|como (te|le|les) (pregunto|hago una pregunta|consulto|escribo)"
                   r"|como (pregunto|consulto) (un|el|los)"
                   r")\b)")
_THANKS = re.compile(r"\b(gracias|agradezco|muy amable|mil gracias|thanks|grax|graciass|te pasaste|excelente"
                     r"|perfecto|listo|dios (me |te |le |se |les )?(lo |la |los |las )?(pague|bendiga)|agradecid[oa]s?"
                     r"|que dios (le|te|lo|la) bendiga|bendiciones|muy agradecid[oa]|thx|tks)\b")
_GREETING = re.compile(r"^(hola+|holi|buenas|buen dia|buenos dias|buenas tardes|buenas noches|hey|saludos|que mas"
                       r"|quiubo|ola|alo|hi|hello|que hubo|q hubo|todo bien"
                       r"|como (estas|esta usted|le va|te va|vamos))\b")
_COURTESY = re.compile(r"\b(como (esta|estas|estan|esta usted|estan ustedes|le va|te va|les va|vamos|me le va)|que tal)"
                       r"( (usted|ustedes|hoy|todo|pues))*$")  # "buenas tardes, ¿cómo está?" asks after the person
_OUT_OF_SCOPE = re.compile(r"\b(dolar|dolares|euro|euros|gasolina|acpm|bitcoin|cripto\w*|clima|lluvia|futbol|partido"
                           r"|presidente|chiste|pelicula|receta|musica|cancion|noticias|tasa de cambio|trm"
                           r"|salario minimo|arriendo|loteria|que hora|horoscopo|acciones|bolsa de valores|novia"
                           r"|novio|capital de|elecciones|vuelos?|hotel|restaurante|domicilio|alcalde|alcaldesa"
                           r"|gobernador|gobernadora|senador|ministro|ministra|congreso|concejal|politica|politico"
                           r"|quien (es|fue|era|gano)"
                           # weather, travel, money, electronics and vehicles: price-like questions of other domains
                           r"|llover|llueve|lloviendo|llovera|lluvias|temperatura|calor|frio que hace|soleado"
                           r"|tiquetes?|pasajes?|aviones?|aeropuerto|peajes?|taxi|uber|bus|buses|flota|viajar"
                           r"|divisas?|tasa de interes|intereses|credito|prestamo|cdt|criptomonedas?"
                           r"|celular(es)?|telefonos?|computador(es)?|portatil(es)?|televisor(es)?"
                           r"|tablet|internet|carros?|motos?|motocicletas?|gasolineras?|repuestos?|apartamentos?"
                           r"|elecciones|votar|votacion|alcaldia|gobierno|partido politico)\b")
# "¿tienes precios de Pasto?", "¿cuál es la última fecha con precios?": what the mirror holds (no product named)
_HAS_DATA = re.compile(r"\b((tienen|tienes|tiene|hay|manejan|manejas|maneja|cubren|cubres) (usted(es)? )?(datos|precios"
                       r"|informacion|info|cotizaciones)( \w+)? (de|del|en|para|sobre)"
                       r"|(ultima|ultimo|mas reciente|primera|primer) (fecha|dato|datos|semana|dia) (con|de) "
                       r"(precios?|datos|informacion)"
                       r"|(fecha|dato|semana|dia) (mas reciente|mas nueva|mas nuevo|ultima|ultimo) (con|de) "
                       r"(precios?|datos|informacion))\b")
_WORD_RE = re.compile(r"[0-9a-zñ]+")  # the tokens of models.lang.words, with their offsets
_DIRECTION = re.compile(r"\b(baj\w*|menos de|por debajo|debajo|caiga|cae|inferior|menor a|menor que|descien\w*"
                        r"|sub\w*|mas de|por encima|encima|super[ae]\w*|pase\w*|pasa\w*|rebase\w*|exced\w*"
                        r"|superior|mayor a|mayor que|aument\w*"
                        r"|cuando|si)\b")
_FOLLOWUP = re.compile(r"^((listo|ok|bueno|vale|ah|aja|y bueno),? )?(y|e|tambien|ahora|y que tal|que tal|y si|y para"
                       r"|y hoy|y ahora|y el|y la|y los|y las|y en)\b|\b(alla|aca|ahi|alli) ?\??$")
_ALL_MARKETS = re.compile(r"\b(todos los mercados|todas las ciudades|cada mercado|todo el pais|en los mercados"
                          r"|en que mercados|por mercados?|a nivel nacional|nacionalmente|en colombia|en el pais)\b")


def parse(text: str, vocab: Vocabulary, today: dt.date, latest: dt.date | None) -> Query:
    norm = vocab.joined(expand_shorthand(normalise(text)))
    raw_tokens = words(norm)
    tokens = [singular(t) for t in raw_tokens]
    found = {intent for intent, pattern in _P.items() if re.search(pattern, norm)}
    period = parse_period(norm, today, latest)
    period_words = set(words(period.phrase)) if period else set()
    # a month or a number the period read is not a product misspelled ("y en enero de 2023?" is not "entero")
    dated = {i for i, t in enumerate(raw_tokens) if t in period_words and (t in MONTHS or t.isdigit())}

    # markets first on phrases ("Corabastos", "la mayorista", "Medellín"), then the product on what is left
    ranking = read_stat(norm, has_product=False, period_kind=period.kind if period else None,
                        compared=bool(period and period.compared))
    group_words = _token_positions(norm, ranking.spans) if ranking.group_named else set()
    group_words |= {i for i in _token_positions(norm, group_spans(norm)) if tokens[i] not in vocab.by_token}
    if group_words:
        # "la fruta más cara en Centro Galerías": a ranking names places, not a product; markets first, and the
        # product (if any) only from the words no market or group used
        mentions = vocab.find_markets(tokens, skip=group_words)
        taken = group_words.union(*(positions for positions, _, _ in mentions))
        product = _beside_group(vocab.match_product(tokens, skip=taken), tokens)
    else:
        product = vocab.match_product(tokens, skip=dated)
        places = {i for i in product.used if i and raw_tokens[i - 1] == "en" and tokens[i] in vocab.place_words}
        if places:  # "la papa en Huila": the department, not "Papa ICA-Huila"
            product = vocab.match_product(tokens, skip=places | dated)
        mentions = vocab.find_markets(tokens, skip=product.used if product.status == "ok" else set())
    markets: list[MarketMatch] = []
    used_by_markets: set[int] = set()
    for positions, kind, target in mentions:
        if kind == "market":
            markets.append(MarketMatch(vocab.markets[int(target)], None, positions, " ".join(raw_tokens[p] for p in
                                                                                              sorted(positions))))
        else:
            main = vocab.main_market(str(target))
            if main is not None:
                markets.append(MarketMatch(main, str(target), positions,
                                           " ".join(raw_tokens[p] for p in sorted(positions))))
        used_by_markets |= positions
    explicit_cities = {vocab.markets[int(t)].city for _, kind, t in mentions if kind == "market"}
    markets = [m for m in markets if m.city is None or m.market.city not in explicit_cities]  # "La 21 de Ibagué"
    if product.status != "ok" and used_by_markets:
        product = vocab.match_product(tokens, skip=used_by_markets | group_words | dated)
        if group_words:
            product = _beside_group(product, tokens)
    spans = [m.span() for m in _WORD_RE.finditer(norm)]

    def names_market(match: re.Match[str]) -> bool:
        return any(i in used_by_markets for i, (a, b) in enumerate(spans) if match.start() < b and a < match.end())

    all_markets = any(not names_market(m) for m in _ALL_MARKETS.finditer(norm))
    if Intent.COMPARE in found and all(names_market(m) for m in re.finditer(_P[Intent.COMPARE], norm)):
        found.discard(Intent.COMPARE)

    p = Query(text=text, norm=norm, tokens=tokens, intent=Intent.PRICE, keyword=False, product=product,
              markets=markets, all_markets=all_markets, period=period)
    _numbers(p, norm)
    # a whole-market ranking ("lo más caro") yields to a food named, even one whose kind is still to ask: "el fríjol
    # en Corabastos, ¿lo más caro que llegó?" is the fríjol's maximum, not the dearest product there
    whole_market = ranking.group is None and product.status == "ambiguous"
    reading = ranking if ranking.stat is not None and product.status != "ok" and not whole_market else read_stat(
        norm, has_product=product.status == "ok" or whole_market,
        period_kind=period.kind if period else None, compared=bool(period and period.compared))
    p.unit, p.top = reading.unit, reading.top
    p.group = reading.group or group_in(norm)

    # what no vocabulary explained (used to judge confidence and to suggest products)
    explained = product.used | used_by_markets
    patterns: list[str | re.Pattern[str]] = [*_P.values(), _PRICE_WORDS, _HELP, _THANKS, _GREETING, _DIRECTION,
                                             _ALL_MARKETS, _FOLLOWUP]
    keyword_spans = [m.span() for pattern in patterns for m in re.finditer(pattern, norm)]
    keyword_spans += [(a.start, a.end) for a in amounts(norm)] + reading.spans
    explained |= {i for i, (a, b) in enumerate(spans) if any(s < b and a < e for s, e in keyword_spans)}
    unexplained = {i for i, t in enumerate(tokens)
                   if i not in explained and t not in STOPWORDS and raw_tokens[i] not in STOPWORDS
                   and raw_tokens[i] not in period_words and not t.isdigit() and len(t) > 2}
    p.unknown = [raw_tokens[i] for i in sorted(unexplained) if raw_tokens[i] not in FILLER and tokens[i] not in FILLER]
    p.unknown_place = _unknown_place(raw_tokens, unexplained, explained)
    if markets and p.unknown_place:
        # "mi papá siembra mora en Silvania y … a cómo la pagan en Corabastos": where the food grows or the user
        # lives is the story; the market named is the place asked
        origins = _origin_places(raw_tokens, unexplained)
        p.unknown_place = [w for w in p.unknown_place if w not in origins]
        p.unknown = [w for w in p.unknown if w not in origins]
    if product.status == "ok" and product.used and product.product is not None:
        # "zanahoria morada", "kiwi dorado": a word right next to the product that names nothing we know may be a
        # variety we do not have; ask instead of answering for the plain product
        edge = {max(product.used) + 1, min(product.used) - 1}
        if any(i in unexplained and raw_tokens[i] not in FILLER and tokens[i] not in FILLER for i in edge):
            p.product = ProductMatch("ambiguous", product.product, [product.product], product.used, product.head)

    order = [Intent.ALERT, Intent.FORECAST, Intent.SUPPLY_ORIGIN, Intent.SUPPLY, Intent.INPUTS, Intent.MOVERS,
             Intent.CHEAPEST, Intent.PRICIEST, Intent.COMPARE, Intent.HISTORY, Intent.COVERAGE]
    chosen = next((i for i in order if i in found), None)
    if chosen is Intent.COMPARE and product.status == "none" and not markets and Intent.COVERAGE in found:
        chosen = Intent.COVERAGE
    if chosen is Intent.MOVERS and product.status == "ok" and not re.search(r"\bproductos?\b", norm):
        chosen = Intent.HISTORY  # "¿cuánto subió la papa?" is about one product
    if chosen is None and len(markets) >= 2 and product.status != "none":
        chosen = Intent.COMPARE
    if chosen in {Intent.COMPARE, Intent.CHEAPEST, Intent.PRICIEST} and len(markets) <= 1 and not all_markets \
            and period is not None and (period.kind == "since" or (period.kind == "range" and (
                chosen is Intent.COMPARE or period.compared))):
        chosen = Intent.HISTORY  # "diferencia entre junio y septiembre", "¿más cara en 2024 que en 2023?"
    if chosen is Intent.HISTORY and period is not None and period.kind == "range" and not period.compared \
            and _MEAN_WORDS.search(norm) \
            and not re.search(r"\b(vari\w*|cambi\w*|diferencia|subi\w*|baj\w*)\b", norm):
        chosen = None  # "el promedio entre junio y agosto" is the mean of the range, not a change
    if chosen is Intent.COMPARE and len(markets) <= 1 and not all_markets and _OWN_PRICE.search(norm):
        chosen = None  # "¿a cómo estaba? es pa comparar con lo que me pagaron": their own price, not the markets
    if chosen in {Intent.CHEAPEST, Intent.PRICIEST} and len(markets) >= 2 and not all_markets:
        chosen = Intent.COMPARE  # "¿es más barata X en A o en B?" compares the markets named
    if chosen is None and period is not None and product.status != "none" and (
            period.kind in {"window", "since"} or (period.kind == "range" and not _PRICE_WORDS.search(norm)
                                                   and not _MEAN_WORDS.search(norm))):
        chosen = Intent.HISTORY
    rest = _COURTESY.sub("", norm).strip()
    small_talk = (product.status == "none" and not markets and period is None and bool(rest) and rest != norm
                  and _GREETING.search(rest) is not None and not _PRICE_WORDS.search(rest))
    if small_talk and chosen is None:
        p.intent, p.keyword = Intent.GREETING, True
    elif chosen is not None:
        p.intent, p.keyword = chosen, True
    elif product.status != "none" or _PRICE_WORDS.search(norm):
        p.intent = Intent.PRICE_AT if period is not None else Intent.PRICE
        p.keyword = bool(_PRICE_WORDS.search(norm))
    elif _OUT_OF_SCOPE.search(norm):
        p.intent, p.keyword = Intent.OUT_OF_SCOPE, True
    elif _HELP.search(norm):
        p.intent, p.keyword = Intent.HELP, True
    elif _THANKS.search(norm):
        p.intent, p.keyword = Intent.THANKS, True
    elif _GREETING.search(norm):
        p.intent, p.keyword = Intent.GREETING, True
    elif markets or period is not None:
        p.intent = Intent.PRICE_AT if period is not None else Intent.PRICE  # likely a follow-up
    else:
        p.intent, p.keyword = Intent.OUT_OF_SCOPE, False
    vague = p.intent in {Intent.PRICE, Intent.PRICE_AT} or (p.intent is Intent.OUT_OF_SCOPE and not p.keyword)
    if vague and product.status == "none" and _HAS_DATA.search(norm):
        p.intent, p.keyword = Intent.COVERAGE, True  # "¿tienen datos de Bazurto?": what the mirror holds there
    if p.intent in {Intent.PRICE, Intent.PRICE_AT} and _OUT_OF_SCOPE.search(norm) and product.status != "ok":
        p.intent, p.keyword = Intent.OUT_OF_SCOPE, True
    if p.intent is Intent.PRICE and _HELP.search(norm) and product.status == "none" and not markets:
        p.intent, p.keyword = Intent.HELP, True

    _apply_stat(p, reading)
    _family_ranking(p, vocab)
    p.followup = bool(_FOLLOWUP.search(norm)) or (
        product.status == "none" and not p.keyword and (bool(markets) or period is not None))
    p.confidence = _confidence(p)
    return p


# intents a statistic never overrides: they carry their own numbers or are about something else than prices
# a statistic with no product named (a follow-up brings it) replaces only these readings of the question
_PRICE_INTENTS = frozenset({Intent.PRICE, Intent.PRICE_AT, Intent.HISTORY, Intent.CHEAPEST, Intent.PRICIEST,
                            Intent.COMPARE})
_KEEPS_INTENT = frozenset({Intent.ALERT, Intent.FORECAST, Intent.SUPPLY, Intent.SUPPLY_ORIGIN, Intent.INPUTS})


def _beside_group(product: ProductMatch, tokens: list[str]) -> ProductMatch:
    """A product read from the words a food group left: one word inside another food's name ("qué corte de carne
    está más caro": "Trucha en corte mariposa") is not that food."""
    if product.status == "ok" and product.product is not None and len(product.used) == 1 \
            and tokens[next(iter(product.used))] != product.product.key.split()[0]:
        return ProductMatch("none")
    return product


def _apply_stat(p: Query, reading: StatReading) -> None:
    """A statistic read from the question decides the intent, unless the question is an alert, a forecast or
    about supply; one that needs a product it does not name waits for the product (or a follow-up)."""
    stat = reading.stat
    if stat is None or p.intent in _KEEPS_INTENT:
        return
    if stat in PRODUCT_STATS and p.product.status == "none":
        bare_followup = p.intent is Intent.OUT_OF_SCOPE and not p.keyword and _FOLLOWUP.search(p.norm) is not None
        if p.intent not in _PRICE_INTENTS and not bare_followup:  # ("¿y el mínimo?" after a maximum goes on)
            return  # "¿cuál es el salario mínimo?", "¿qué producto subió más?": not a statistic of one food
        if stat is Stat.COUNT_MARKETS:
            return  # "¿cuántos mercados tienes?" is coverage
        p.stat, p.intent, p.keyword = stat, Intent.STAT, True  # a follow-up may bring the product
        return
    if stat is Stat.COUNT_PRODUCTS and not p.markets:
        return  # "¿cuántos productos tienes?" is coverage
    p.stat, p.intent, p.keyword = stat, Intent.STAT, True


_RANK_CUE = re.compile(r"\b(cual|cuales|que) (es |son |esta |estan )?(la |el |los |las )?(\w+ ){1,4}(mas|menos) "
                       r"(barat|car|economic|costos)\w*")


_WHERE_CUE = re.compile(r"\b(que|cual|cuales) (plaza|mercado|ciudad|central|lugar|parte|sitio|galeria)s?\b")


def _family_ranking(p: Query, vocab: Vocabulary) -> None:
    """"¿Cuál es la papa más barata en Corabastos?": a food family named with a market and a "which is cheapest"
    asks to rank the family's kinds there (not the cheapest market of one of them)."""
    if p.stat is not None or p.product.status != "ambiguous" or len(p.markets) != 1:
        return
    if p.intent not in {Intent.CHEAPEST, Intent.PRICIEST} or not _RANK_CUE.search(p.norm) or _WHERE_CUE.search(p.norm):
        return  # ("¿en qué plaza de Bogotá está más barato el pollo?" asks where, not which kind)
    # the family word: the head the match found, else one said beside it ("qué corte de carne")
    head = p.product.head if p.product.head in vocab.kinds else next(
        (t for t in p.tokens if len(vocab.kinds.get(t, ())) >= 2), "")
    kinds = tuple(vocab.kinds.get(head, ()))
    if len(kinds) >= 2:
        p.stat = Stat.RANK_LOW if p.intent is Intent.CHEAPEST else Stat.RANK_HIGH
        p.intent, p.family, p.keyword = Intent.STAT, kinds, True


def _token_positions(norm: str, spans: list[tuple[int, int]]) -> set[int]:
    """Positions of the words of `norm` that fall inside any of `spans`."""
    return {i for i, m in enumerate(_WORD_RE.finditer(norm)) if any(a < m.end() and m.start() < b for a, b in spans)}


_PLACE_LEAD = frozenset({"en", "desde"})
_MARKET_NOUNS = frozenset({"plaza", "mercado", "galeria", "central", "abastos", "mayorista"})
_PLACE_SKIP = frozenset({"la", "el", "los", "las", "plaza", "mercado", "central", "galeria", "ciudad", "de", "del",
                         "mayorista", "abastos", "centro", "mi", "su", "tu", "nuestra", "nuestro", "ese", "esa"})
_MOTION = frozenset({"llego", "llega", "llegan", "llegaron", "entro", "entra", "entran", "entraron", "ingreso",
                     "ingresa", "ingresan", "ingresaron", "mandan", "envian", "mandaron", "enviaron", "traen",
                     "trajeron", "despachan", "despacharon", "va", "van", "vendiendo", "venden"})
# words after "en" that are not places ("en general", "en oferta")
_NOT_PLACES = frozenset({"todo", "toda", "todos", "todas", "cambio",  # "en cambio": "instead"
                         "general", "total", "oferta", "promocion", "temporada", "momento", "cosecha", "efectivo",
                         "especial", "realidad", "serio", "resumen", "cuenta", "linea", "vivo", "concreto"})


def _unknown_place(raw: list[str], unexplained: set[int], explained: set[int]) -> list[str]:
    """Unexplained words standing where a market or a city goes ("en bquilla", "en la plaza de xyz"): the router
    must not answer for a default market as if it had understood the place."""
    out: list[str] = []
    last = -1  # position of the last place word found ("en el pueblo de xyz", "en san gil": all of them)
    for i in sorted(unexplained):
        word = raw[i]
        if word in FILLER or word in _PLACE_SKIP or word in _NOT_PLACES:
            continue
        j = i - 1
        while j >= 0 and raw[j] in _PLACE_SKIP and j not in explained:
            j -= 1
        motion = j >= 1 and raw[j] in {"a", "al"} and raw[j - 1] in _MOTION  # "llegó a <place>"
        # "la plaza de mercado de Leticia", "la galería de Xyz": a market noun names a place even without "en"
        market_of = i >= 2 and raw[i - 1] in {"de", "del"} and bool(_MARKET_NOUNS.intersection(raw[j + 1:i]))
        if j >= 0 and (raw[j] in _PLACE_LEAD or j == last or motion or market_of):
            out.append(word)
            last = i
    return out


_GROWER_VERBS = frozenset({"siembra", "siembran", "sembro", "cultiva", "cultivan", "cultivo", "cosecha", "cosechan",
                           "produce", "producen", "finca", "parcela", "vive", "vivo", "vivimos", "viven"})


def _origin_places(raw: list[str], unexplained: set[int]) -> set[str]:
    """Unexplained words a grower's or dweller's verb introduces a few words before ("siembra mora en Silvania",
    "cultiva tomate cerca de Ipiales", "tiene finca por Totoró")."""
    out: set[str] = set()
    for i in sorted(unexplained):
        window = raw[max(0, i - 6):i]
        if any(w in _GROWER_VERBS for w in window) and any(w in {"en", "por", "de", "cerca"} for w in window[-3:]):
            out.add(raw[i])
    return out


def _numbers(p: Query, norm: str) -> None:
    m = re.search(r"\b(?:proxim[oa]s?|siguientes?|dentro de|en)\s+(\w+)?\s*(dias?|semanas?|mes|meses)\b", norm)
    if m and m.group(1) and int_word(m.group(1)) is None:
        m = None  # "en la semana", "dentro del mes": no count of units ahead
    if m and m.group(0).startswith("en ") and not m.group(1):
        m = None
    if m:
        n = int_word(m.group(1)) if m.group(1) else 1
        unit = m.group(2)
        p.freq = "D" if unit.startswith("dia") else "M" if unit.startswith("mes") else "W"
        p.horizon = n if n else 1
    elif re.search(r"\b(proxima semana|semana que viene)\b", norm):
        p.freq, p.horizon = "W", 1
    elif re.search(r"\b(proximo mes|mes que viene)\b", norm):
        p.freq, p.horizon = "M", 1
    if re.search(r"\b(mensual|por mes|cada mes)\b", norm):
        p.freq = "M"
    elif re.search(r"\b(diari[oa]|por dia|cada dia)\b", norm):
        p.freq = "D"
    found = amounts(norm)
    percents = [a for a in found if a.percent]
    if percents:
        p.change_pct = percents[0].value
    money = [a for a in found if not a.percent and a.value >= 50
             and not re.match(r" ?(semanas?|meses|mes|dias?|a[nñ]os?)\b", norm[a.end:a.end + 8])
             and not _is_year(norm, a.start, a.end, a.value)]
    if money:
        p.threshold = money[0].value
    if re.search(r"\b(baj\w*|menos de|por debajo|debajo|caiga|cae|inferior|menor a|menor que|descien\w*)\b", norm):
        p.direction = "below" if p.threshold is not None else "down"
    elif re.search(r"\b(sub\w*|mas de|por encima|encima|super[ae]\w*|pase\w*|pasa\w*|rebase\w*|exced\w*|superior"
                   r"|mayor a|mayor que|aument\w*)\b", norm):
        p.direction = "above" if p.threshold is not None else "up"
    if p.change_pct is not None:
        p.rule = "change"
        p.direction = {"below": "down", "above": "up"}.get(p.direction or "", p.direction) or "either"
    elif p.threshold is not None:
        p.rule = "threshold"
    elif re.search(r"\b(nuevos? datos?|datos nuevos|cuando (publiquen|actualicen|salga)|resumen|digest)\b", norm):
        p.rule = "new_data"


def _is_year(norm: str, start: int, end: int, value: float) -> bool:
    """'2024' in "marzo de 2024" is a year; '2.000' or '$2000' in "baja de 2.000" is money."""
    digits = norm[start:end].strip()
    if not re.fullmatch(r"(19|20)\d{2}", digits) or not 1990 <= value <= 2100:
        return False
    before = norm[max(0, start - 30):start]
    return bool(re.search(r"\b(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
                          r"|noviembre|diciembre|ano|año|en|del|\d{1,2}[/-]\d{1,2}[/-]) ?(de |del )?$", before))


def _confidence(p: Query) -> float:
    base = _base_confidence(p)
    if len(p.unknown) >= 3 and p.intent not in {Intent.HELP, Intent.THANKS, Intent.GREETING}:
        return min(base, 0.45)  # many words nothing explained: the rules may have missed the point
    return base


def _base_confidence(p: Query) -> float:
    if p.intent in {Intent.HELP, Intent.THANKS, Intent.GREETING}:
        return 0.9
    if p.intent is Intent.OUT_OF_SCOPE:
        return 0.9 if p.keyword else 0.3
    if p.intent in {Intent.MOVERS, Intent.COVERAGE, Intent.SUPPLY, Intent.SUPPLY_ORIGIN, Intent.INPUTS}:
        return 0.9
    if p.intent is Intent.STAT and p.stat not in PRODUCT_STATS:
        return 0.9
    if p.product.status == "ok":
        return 1.0 if not p.unknown else 0.8
    if p.product.status == "ambiguous":
        return 0.7
    if p.followup:
        return 0.8
    return 0.3


# comparing with the user's own figure ("pa comparar con lo que me pagaron"), not comparing markets
_OWN_PRICE = re.compile(r"\bcompar\w* (con|contra) (lo (que|q)|el (precio|valor) (que|q)|mis? |lo mio|el mio|la mia)")
# the mean of a period asked in words ("la media", not "media libra": a unit)
_MEAN_WORDS = re.compile(r"\b(promedio|en promedio|precio medio|media(?! (libra|arroba|bulto|kilo|docena)))\b")


def asks_alert(text: str) -> bool:
    """Whether a message has the words of an alert request (the Telegram dialogue enters on them)."""
    return re.search(_P[Intent.ALERT], expand_shorthand(normalise(text))) is not None
