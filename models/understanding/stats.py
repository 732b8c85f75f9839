"""Which statistic a question asks for, read from normalised text (lower case, no accents).

"¿cuál fue el precio más alto del tomate en 2021?" is a maximum over time, "¿dónde está más caro?" is the
dearest market (the router's older intents), "la fruta más cara de Surabastos" ranks products, "¿en qué mes
baja la papa?" is a season, "¿está más cara que hace un año?" compares with a year earlier, "¿cuánto vale la
arroba?" converts to a trade unit. The reader returns the statistic, the words it explained (so they are never
reported as unread) and the food group or unit named; the router resolves products, markets and periods.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from models.lang import int_word
from models.query import TradeUnit
from models.slots import Stat

# Food groups as SIPSA names them (products.group_name), by the words people use.
GROUP_WORDS: tuple[tuple[str, str | None], ...] = (
    (r"frutas?|frutales", "Frutas frescas"),
    (r"verduras?|hortalizas?|legumbres?|vegetales", "Verduras y hortalizas"),
    (r"tuberculos?|raices", "Tubérculos, raíces y plátanos"),
    (r"granos?|cereales?", "Granos y cereales"),
    (r"carnes?", "Carnes"),
    (r"pescados?|mariscos?", "Pescados"),
    (r"procesados?|abarrotes", "Productos procesados"),
    (r"lacteos?", "Huevos y lácteos"),
    (r"productos?|alimentos?|cosas?|articulos?|referencias?|lo", None),
)
# "lo" is the whole market only before "más" ("lo más caro"), not in "en lo que va del año"
_GROUP_RE = re.compile(r"\b(" + "|".join(p for p, _ in GROUP_WORDS) + r")\b(?<!\blo)|\b(lo)(?= (?:que |q )?mas\b)")


def _group_of(m: re.Match[str]) -> str | None:
    word = m.group(1) or m.group(2)
    return next(g for p, g in GROUP_WORDS if re.fullmatch(p, word))

_DEAR = r"(mas car[oa]s?|mas costos[oa]s?|mas alto|mayor precio|carisim[oa]s?)"
_CHEAP = r"(mas barat[oa]s?|mas economic[oa]s?|mas bajo|menor precio|menos car[oa]s?|mas en cuenta)"
_MARKET_CUE = re.compile(r"\b((?<!hasta )donde|en que (mercado|plaza|ciudad|central|parte|lugar|sitio|galeria)s?"
                         r"|(que|cual|cuales) (mercado|plaza|ciudad|central|galeria)s?|en cual(es)?"
                         r"|(mercado|plaza|ciudad|central|galeria)s? (mas|menos|con))\b")
# "se pusieron más baratos", "subieron": a change between periods (movers), not a ranking of one week
_CHANGE_VERBS = re.compile(r"\b(se (puso|pusieron|ha puesto|han puesto|volvio|volvieron)|subieron|subio|bajaron"
                           r"|cayeron|cayo|aumentaron|aumento|encarecieron|encarecio|abarataron|abarato|ha subido"
                           r"|han subido|ha bajado|han bajado|mas ha subido|mas han subido"
                           r"|(lo )?(que|q) mas (bajo|subio|cayo|aumento|sube|baja))\b")
_RANK_TOP = re.compile(r"\b(?:los|las|top|primer[oa]s|(?:cuales|que) son (?:los|las)) (\d{1,2}|dos|tres|cuatro|cinco"
                       r"|seis|siete|ocho|nueve|diez)\b")
_MAX = re.compile(r"\b(max|precio (mas alto|maximo|mayor|record|tope)|como maximo|(toco|toca|tocar|llego al) techo"
                  r"|(mas altico|mas altica|mas carito|mas carita)"
                  r"|(el|la|su) (maximo|maxima|pico|record|tope)|pico|record|tope"
                  r"|hasta (donde|cuanto) (llego|subio|ha llegado|ha subido)"
                  r"|(que|q) tan (car[oa]s?|altos?) (llego|llegaron|ha llegado|estuvo|se puso|se ha puesto)"
                  r"|lo mas (alto|caro) (que|q)? ?(ha|a|haya)? ?(tenido|estado|llegado|costado|valido)"
                  r"|lo mas (alto|caro) (que|q) (llego|estuvo|costo|valio|se puso)"
                  r"|maximo|maxima|(mas alto|mayor precio|mas caro|mas cara) (que )?(ha|haya|habia|hubo) "
                  r"(estado|sido|llegado|costado|tenido|alcanzado)|lo mas (que )?(ha|haya) (costado|valido|llegado)"
                  r"|mas ha (costado|valido|subido)|(llego|alcanzo|subio|estuvo) (a )?(su )?(maximo|pico|tope|record)"
                  r"|(cuando|en que (semana|fecha|momento)) (\w+ ){0,4}" + _DEAR
                  + r"|(mas alto|mayor) (del|de la|en el|en la|en) (a[nñ]o|historia|periodo|semestre|trimestre|mes)"
                  r"|el mas alto|la mas alta|precio mas alto|valor mas alto"
                  r"|(cual|que) (fue |ha sido )?(la |el )?(semana|fecha|dia) (fue |estuvo |ha sido )?(la |el )?"
                  r"(mas car[oa]|mas alt[oa]|mas costos[oa]|de mayor precio|de precio mas alto))\b")
_MIN = re.compile(r"\b(min|precio (mas bajo|minimo|menor)|como minimo|(el|la|su) (minimo|minima|piso)"
                  r"|precio mas bajito|(el|la|lo) mas (bajito|bajita|baratico|baratica|baratico)"
                  r"|(que|q) tan (barat[oa]s?|bajos?) (llego|llegaron|ha llegado|estuvo|se puso|se ha puesto)"
                  r"|lo mas (bajo|barato) (que|q) (llego|estuvo|costo|valio|se puso)"
                  r"|(toco|tocar|toca) fondo|lo mas (bajo|barato) (que|q)? ?(ha|a|haya)? ?(tenido|estado|llegado"
                  r"|costado|valido)|hasta donde (bajo|cayo|ha bajado|ha caido)|minimo|minima"
                  r"|(mas bajo|menor precio|mas barato|mas barata) (que )?(ha|haya|habia|hubo) "
                  r"(estado|sido|llegado|costado|tenido)|lo menos (que )?(ha|haya) (costado|valido)"
                  r"|menos ha (costado|valido)|(llego|bajo|cayo|estuvo) (a )?(su )?(minimo|piso)"
                  r"|(cuando|en que (semana|fecha|momento)) (\w+ ){0,4}" + _CHEAP
                  + r"|(mas bajo|menor) (del|de la|en el|en la|en) (a[nñ]o|historia|periodo|semestre|trimestre|mes)"
                  r"|el mas bajo|la mas baja|precio mas bajo|valor mas bajo"
                  r"|(cual|que) (fue |ha sido )?(la |el )?(semana|fecha|dia) (fue |estuvo |ha sido )?(la |el )?"
                  r"(mas barat[oa]|mas baj[oa]|mas economic[oa]|de menor precio|de precio mas bajo))\b")
_TIME_CUE = re.compile(r"\b(cuando|en que semana|historic\w*|historia|de todos los tiempos|ha estado|ha sido"
                       r"|ha llegado|estuvo|llego|alcanzo|registr\w*|en lo que va)\b")
_MEAN = re.compile(r"\b(en promedio|promedio|promedia\w*|precio medio|media)\b")
_MEDIAN = re.compile(r"\b(mediana|valor mediano|precio mediano|mediano)\b")
_YEAR_AGO = re.compile(r"\b(hace (un|1) a[nñ]o|hace (doce|12) meses|(el|al|del) a[nñ]o (pasado|anterior)"
                       r"|un a[nñ]o atras"
                       r"|(misma|esta|la misma|esta misma) (epoca|fecha|semana|temporada) del a[nñ]o pasado"
                       r"|mismo (mes|periodo|tiempo|semana) del (a[nñ]o )?(pasado|anterior)|interanual"
                       r"|a[nñ]o contra a[nñ]o"
                       r"|(por|en|para|a) esta (misma )?(epoca|fecha|altura|temporada)"
                       r"|(cambiado|subido|bajado|variado|cambio|subio|bajo|vario) (\w+ ){0,7}en (un|el ultimo) a[nñ]o"
                       r"|anual,? (sube|baja|subio|bajo|cambio|vario)"
                       r"|(variacion|cambio|subida|alza|baja|aumento) (anual|interanual|en el ultimo a[nñ]o)"
                       r"|en el ultimo a[nñ]o|anualmente|yoy|a/a|year over year)\b")
# the year-ago words must be what the price is set against ("más cara QUE hace un año", "FRENTE al año pasado") or
# come with a change verb; "el precio más alto el año pasado" is a maximum over last year
_COMPARE_CUE = re.compile(r"\b((que|q|frente a|frente al|comparad[oa]s? con|respecto a|respecto al|vs|versus|contra"
                          r"|con relacion a|en comparacion con) (el de |la de |lo de |el del )?(hace (un|1) a[nñ]o"
                          r"|hace (doce|12) meses|a[nñ]o pasado"
                          r"|el a[nñ]o pasado|el a[nñ]o anterior|la misma|el mismo|esta misma|este mismo|lo de hace)"
                          r"|(variacion|cambio|subida|alza|baja|aumento) (anual|interanual|en el ultimo a[nñ]o)"
                          r"|anualmente|yoy|a/a|year over year"  # the comparison is in the word itself
                          r"|(cambiado|subido|bajado|variado|cambio|subio|bajo|vario) (\w+ ){0,7}en (un|el ultimo)"
                          r" a[nñ]o|anual,? (sube|baja|subio|bajo|cambio|vario)"
                          r"|(ha |han )?(subido|bajado|cambiado|variado|vario|aumentado"
                          r"|encarecido|abaratado) (\w+ ){0,3}(desde|en|frente|respecto|comparado)"
                          r"|(mas|menos) (o (mas|menos) )?(que|q) (ahora|hoy|ahorita)"
                          r"|(comparad[oa]s? con|frente a|vs|contra) (ahora|hoy|el de ahora|lo de ahora|el de hoy)"
                          r"|(que|q) en (esta|la) misma|frente al mismo|respecto al mismo"
                          r"|interanual|a[nñ]o contra a[nñ]o)\b")
_SEASON_POSITION = re.compile(r"\b(para (la|esta|esa|la actual) (epoca|temporada|fecha|altura del a[nñ]o)"
                              r"|para (el|este|ese) (mes|tiempo)|para lo que (es|suele|suelen)"
                              r"( (valer|costar|estar|ser|pagarse))?( (en|por|para) (esta|la|este) (epoca|temporada|mes"
                              r"|fecha))?"
                              r"|(normal|usual|comun|habitual) (para|en) (esta|la|este) (epoca|temporada|mes|fecha)"
                              r"|(por|en) (esta|la) (epoca|temporada) (esta|es) (car|barat)\w*"
                              r"|(frente a|comparad[oa]s? con|respecto a) lo (normal|usual|habitual|de siempre)"
                              r"|(por encima|por debajo|arriba|debajo) de lo (normal|usual|habitual)"
                              r"|(para ser|pa|para) (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre"
                              r"|octubre|noviembre|diciembre)"
                              r"|(comparad[oa]s? con|frente a|respecto a) (otros|los|los otros) "
                              r"(\w+s|a[nñ]os anteriores|a[nñ]os pasados)"
                              # "¿está cara la papa?": dear compared with what is usual, not with another market
                              r"|(esta|estan|anda|andan|sigue|siguen|se ve|se ven)( \w+){0,4} (?<!mas )(?<!menos )"
                              r"(car[oa]s?|barat[oa]s?|costos[oa]s?))\b")
_SEASON = re.compile(r"\b((en )?(que|cual|cuales) (mes|meses|epoca|temporada|parte del a[nñ]o)"
                     r"|mes(es)? de (menor|mayor|mas bajo|mas alto) precio|estacional\w*"
                     r"|mes(es)? (del a[nñ]o )?(mas|menos|en que|donde)|epoca (del a[nñ]o )?(mas|en que|donde)"
                     r"|temporada (mas|en que|de precios)"
                     r"|(suele|suelen|acostumbra|normalmente|usualmente|generalmente|por lo general|tipicamente)"
                     r" (\w+ ){0,3}(baja|bajan|bajar|sube|suben|subir|barat\w*|car[oa]s?|estar|esta|conseguir)"
                     r"|(cuando|en que mes) (\w+ ){0,3}(baja|bajan|sube|suben|se abarata|se abaratan|se encarece"
                     r"|se encarecen|conviene|sale mas|salen mas|es mas|son mas|esta mas|estan mas|se consigue"
                     r"|se consiguen|hay mas|es temporada|esta en cosecha|cosecha))\b")
_LOW_WORDS = re.compile(r"\b(barat\w*|baja|bajan|bajar|abarat\w*|economic\w*|menos car\w*|conviene|en cuenta|menor"
                        r"|mas bajo|consigue|consiguen|cosecha|hay mas|mas abundan\w*)\b")
_SELLER_WORDS = re.compile(r"\b(se paga mejor|pagan mejor|paga mejor|mejor precio para vender|se vende mejor"
                           r"|vender mejor|mas car\w*|se pone car\w*|se ponen car\w*|sube|suben|mas alto)\b")
# words around a seasonal question that do not change it ("quiero sembrar para vender", "planear la cosecha")
_SEASON_CONTEXT = re.compile(r"\b(cosecha\w*|sembrar|siembra|sembrado|vender|venta|comprar|compra|planear|planificar"
                             r"|temporada|pone|ponen|car[oa]s?|barat[oa]s?)\b")
_COUNT_MARKETS = re.compile(r"\b(cuant[oa]s|numero de|cantidad de) (mercados|plazas|centrales|ciudades|sitios"
                            r"|lugares|partes|centros de abasto|galerias|plazas de mercado)\b")
_COUNT_PRODUCTS = re.compile(r"\b(cuant[oa]s|numero de|cantidad de) (productos|alimentos|cosas|referencias"
                             r"|articulos|precios)\b")

_UNITS = {"libra": 0.5, "lb": 0.5, "arroba": 12.5, "bulto": 50.0}
_UNIT_RE = re.compile(r"\b(?:(\d{1,3}|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|veinte) )?"
                      r"(?:(media|medio|1/2) )?(libra|lb|arroba|bulto)s?\b")
_KILOS_RE = re.compile(r"\b(\d{1,4}(?:[.,]\d+)?|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|quince|veinte"
                       r"|veinticinco|treinta|cuarenta|cincuenta|cien|media|medio) (kilos|kilo|kg|kgs|kilogramos)\b")
# Foods traded by the 50 kg bulto (by the start of their SIPSA name); for others the weight of a bulto varies.
BULTO_PRODUCTS = ("papa", "cebolla cabezona", "zanahoria", "yuca", "arracacha", "arroz", "frijol", "maiz", "lenteja",
                  "garbanzo", "arveja seca", "azucar")


@dataclass(frozen=True)
class StatReading:
    stat: Stat | None = None
    group: str | None = None
    group_named: bool = False  # a group word (or "productos") was read
    unit: TradeUnit | None = None
    unit_word: str | None = None  # a trade unit word, convertible or not ("canastilla" is not)
    top: int = 1
    spans: list[tuple[int, int]] = field(default_factory=list)  # character spans of the words explained


def group_spans(norm: str) -> list[tuple[int, int]]:
    """Where the question names a food group ("frutas", "tubérculos"), so those words are not read as products."""
    return [m.span() for m in _GROUP_RE.finditer(norm) if _group_of(m) is not None]


def group_in(norm: str) -> str | None:
    """The food group a question names ("qué verduras subieron"), or None."""
    for m in _GROUP_RE.finditer(norm):
        group = _group_of(m)
        if group is not None:
            return group
    return None


def read_units(norm: str) -> tuple[TradeUnit | None, list[tuple[int, int]]]:
    """A trade unit named in the question ("la arroba", "media libra", "10 kilos"), and its spans."""
    m = _UNIT_RE.search(norm)
    if m:
        count = _amount(m.group(1)) if m.group(1) else 1.0  # "3 bultos": three of them
        half = 0.5 if m.group(2) else 1.0
        name = "libra" if m.group(3) == "lb" else m.group(3)
        kg = _UNITS[m.group(3)] * half * (count or 1.0)
        if count and count > 1:
            label = f"{count:g} {name}s ({_kg(kg)})"
        elif name == "bulto":
            label = f"{'medio ' if half < 1 else 'el '}bulto ({_kg(kg)})"
        else:
            label = f"{'media ' if half < 1 else 'la '}{name} ({_kg(kg)})"
        return TradeUnit(name, kg, label), [m.span()]
    k = _KILOS_RE.search(norm)
    if k:
        amount = _amount(k.group(1))
        if amount is not None and amount != 1.0:
            return TradeUnit("kilos", amount, f"{_kg(amount)}"), [k.span()]
    return None, []


def unit_kg(unit: TradeUnit, product_key: str) -> float | None:
    """Kilograms in one trade unit of a product (its folded name): a bulto is 50 kg only for the foods traded by
    the bulto; None where the unit's weight is not standard for that food."""
    if unit.name == "bulto" and not product_key.startswith(BULTO_PRODUCTS):
        return None
    return unit.kg


def read_stat(norm: str, *, has_product: bool, period_kind: str | None, compared: bool = False) -> StatReading:
    """The statistic a question asks for. `period_kind` is the kind of the period read from it (None when
    none): a named year turns "más caro" into a maximum over time, no period keeps it a market comparison."""
    spans: list[tuple[int, int]] = []

    def hit(pattern: re.Pattern[str]) -> bool:
        found = list(pattern.finditer(norm))
        spans.extend(m.span() for m in found)
        return bool(found)

    unit, unit_spans = read_units(norm)
    spans += unit_spans
    hit(re.compile(r"\b(semanal(es)?|mensual(es)?|anual(es)?|historic[oa]s?)\b"))
    market_cue = _MARKET_CUE.search(norm) is not None
    past_period = period_kind in {"month", "quarter", "semester", "year", "range", "window"}

    # rankings of products: "la fruta más cara", "los 3 productos más baratos de Corabastos"
    group_m = _GROUP_RE.search(norm)
    dear = re.search(rf"\b{_DEAR}\b", norm)
    cheap = re.search(rf"\b{_CHEAP}\b", norm)
    if group_m and not has_product and (dear or cheap) and not market_cue and not _CHANGE_VERBS.search(norm):
        group = group_in(norm)
        top_m = _RANK_TOP.search(norm)
        top = 1
        if top_m:
            top = int(top_m.group(1)) if top_m.group(1).isdigit() else (int_word(top_m.group(1)) or 1)
        span = (dear or cheap)
        assert span is not None
        spans += [group_m.span(), span.span()] + ([top_m.span()] if top_m else [])
        low = cheap is not None and (dear is None or cheap.start() < dear.start())
        return StatReading(Stat.RANK_LOW if low else Stat.RANK_HIGH, group, True, unit, None, max(1, top), spans)

    if hit(_COUNT_MARKETS):
        return StatReading(Stat.COUNT_MARKETS, spans=spans, unit=unit)
    if hit(_COUNT_PRODUCTS):
        return StatReading(Stat.COUNT_PRODUCTS, spans=spans, unit=unit)
    if compared:  # "¿más cara en 2024 que en 2023?": dearer/cheaper words compare the two periods (a change)
        return StatReading(None, unit=unit, unit_word=unit.name if unit else None, spans=spans)

    # (a date like "desde el 24 de diciembre del año pasado" holds year-ago words but is a change since that day)
    if _YEAR_AGO.search(norm) and _COMPARE_CUE.search(norm) and not market_cue \
            and period_kind not in {"since", "range"}:
        hit(_YEAR_AGO)
        hit(_COMPARE_CUE)
        return StatReading(Stat.YOY, spans=spans, unit=unit)
    if hit(_SEASON_POSITION):
        hit(re.compile(r"\b(car[oa]s?|barat[oa]s?|costos[oa]s?|normal|alt[oa]|baj[oa]|del a[nñ]o|usual)\b"))
        return StatReading(Stat.SEASON_POSITION, spans=spans, unit=unit)
    strong_season = re.search(r"\b(en )?(que|cual) (mes|epoca|temporada)\b", norm) is not None
    if (not past_period or (strong_season and period_kind == "month")) and (_SEASON.search(norm) or strong_season):
        hit(_SEASON)
        hit(re.compile(r"\b(en )?(que|cual) (mes|epoca|temporada)\b"))
        sells = _SELLER_WORDS.search(norm) is not None  # "¿en qué mes se paga mejor?": best for who sells
        low = _LOW_WORDS.search(norm) is not None and not sells
        hit(_LOW_WORDS)
        hit(_SELLER_WORDS)
        hit(_SEASON_CONTEXT)
        return StatReading(Stat.SEASON_LOW if low else Stat.SEASON_HIGH, spans=spans, unit=unit)
    if not market_cue:
        if hit(_MAX):
            return StatReading(Stat.MAX, spans=spans, unit=unit)
        if hit(_MIN):
            return StatReading(Stat.MIN, spans=spans, unit=unit)
        if (dear or cheap) and (past_period or _TIME_CUE.search(norm)):
            which = dear if dear and (not cheap or dear.start() < cheap.start()) else cheap
            assert which is not None
            spans.append(which.span())
            hit(_TIME_CUE)
            return StatReading(Stat.MAX if which is dear else Stat.MIN, spans=spans, unit=unit)
    if hit(_MEDIAN):
        return StatReading(Stat.MEDIAN, spans=spans, unit=unit)
    hit(_MEAN)  # a mean over a period is the period price answer itself; of one week, SIPSA's weekly mean price
    return StatReading(None, unit=unit, unit_word=unit.name if unit else None, spans=spans)


def _amount(text: str) -> float | None:
    if text in {"media", "medio"}:
        return 0.5
    word = int_word(text)
    if word is not None:
        return float(word)
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def _kg(kg: float) -> str:
    text = f"{kg:g}".replace(".", ",")
    return f"{text} kg"
