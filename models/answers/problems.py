"""Questions answered with a question or with no figure: the product is missing, ambiguous or unknown, a word
that would change the question was not read, the period or comparison cannot be placed, or the data cannot
answer (shop prices, production, periods outside the mirror)."""

from __future__ import annotations

import datetime as dt
import re

from data import analytics as da
from data import queries as q
from models import ask_back
from models.answer import Answer, Choice
from models.answers.context import Ctx, fold, place_name, question_for, slots_of
from models.dates import MONTH_NAMES, MONTHS, describe, fmt_date
from models.lang import normalise
from models.query import Query
from models.resolve import Vocabulary
from models.slots import DATA_INTENTS, Intent
from models.understanding.names import MAIN_MARKETS

EXAMPLE_QUESTION = "precio de la papa criolla en Corabastos"

def outside_data(req: Query, ctx: Ctx) -> Answer | None:
    """Questions the mirror cannot answer, said plainly with no figure: shop or retail prices (SIPSA is
    wholesale) and periods before the first or after the newest week."""
    norm = normalise(req.text)
    # hectares, yields and harvests are not tonnes arriving at markets either: a supply reading (the language model
    # reads "cuántas hectáreas se sembraron" as one) gets the same plain answer
    if req.intent in DATA_INTENTS - {Intent.ALERT, Intent.FORECAST} | {Intent.SUPPLY} and PRODUCTION.search(norm):
        return Answer(intent=Intent.OUT_OF_SCOPE, text=(
            "SIPSA publica precios mayoristas y abastecimiento de alimentos, no área sembrada, producción, "
            "cosechas ni rendimientos, así que no tengo esa cifra. Para eso está la Evaluación Agropecuaria "
            "del Ministerio de Agricultura (UPRA/Agronet)."))
    if req.intent not in DATA_INTENTS - {Intent.ALERT, Intent.FORECAST}:
        return None
    if RETAIL.search(norm):
        text = ("SIPSA publica precios mayoristas (centrales de abasto y plazas de mercado), no precios de "
                "tiendas, supermercados ni al detal, así que no tengo esa cifra.")
        choices = []
        if req.product.status == "ok" and req.product.product is not None:
            name = req.product.product.name
            text += f" ¿Quieres el precio mayorista de {name}?"
            choices = [Choice(f"Precio mayorista de {name}", f"precio de {name}")]
        return Answer(intent=Intent.OUT_OF_SCOPE, text=text, clarify=choices)
    period = req.period
    first = ctx.vocab.memo(("first_date",), lambda: da.first_date(ctx.conn))
    if period is None or first is None or ctx.vocab.latest is None:
        return None
    newest_end = dt.date.fromisoformat(ctx.vocab.latest) + dt.timedelta(days=6)
    if period.end.isoformat() < first:
        why = f"no hay datos de {describe(period)}: los precios de SIPSA en el espejo empiezan el " \
              f"{fmt_date(first)}."
    elif period.start > max(newest_end, ctx.today):  # "este mes" before its data is out is still "now"
        why = (f"no hay datos de {describe(period)} todavía: el dato más reciente es de la semana del "
               f"{fmt_date(ctx.vocab.latest)}. Si quieres una proyección, pide un pronóstico (por ejemplo, "
               "«pronóstico de la papa criolla en Corabastos»).")
    else:
        return None
    slots = slots_of(ctx, req, req.product.product if req.product.status == "ok" else None,
                        req.markets[0].market if req.markets else None, period.start.isoformat(),
                        period.end.isoformat(), period.kind)
    return ctx.finish(Answer(intent=req.intent, text=f"Lo siento, {why}", slots=slots), None)


def product_problem(req: Query, ctx: Ctx) -> Answer | None:
    pm = req.product
    if pm.status == "ok" and pm.product is not None:
        return None
    slots = slots_of(ctx, req, None, None)
    if pm.status == "ambiguous":
        options = pm.candidates[:ask_back.CHOICES]
        head = options[0].name.split()[0].lower().strip(",.") if options else (pm.head or "producto")
        choices = [Choice(p.name, question_for(req, p.name, place_name(req))) for p in options]
        if len(options) == 1:
            text = f"¿Te refieres a {options[0].name}?"
        else:
            same_family = len({p.name.split()[0].lower().strip(",.") for p in options}) == 1
            lead = (f"¿Cuál {head}? Tengo varias opciones: " if same_family
                    else "¿Cuál de estos productos? Tengo varias opciones: ")
            text = lead + ", ".join(p.name for p in options) + "."
        return Answer(intent=req.intent, text=text, slots=slots, clarify=choices)
    if req.group is not None:  # "precio de la fruta": a food group, not a product; offer its usual products
        group = [p for p in ctx.vocab.products.values() if p.group == req.group and p.id in ctx.vocab.priced]
        kinds = sorted(group, key=lambda p: (-ctx.vocab.markets_count(p.id), p.key))[:6]
        choices = [Choice(p.name, question_for(req, p.name, place_name(req))) for p in kinds]
        return Answer(intent=req.intent, slots=slots, clarify=choices, text=(
            f"«{req.group}» es un grupo de alimentos. ¿De cuál producto? Por ejemplo: "
            + ", ".join(p.name for p in kinds) + "."))
    if pm.status == "none" and not req.unknown:  # the example is also a button: one tap asks it
        return Answer(intent=req.intent, slots=slots, clarify=[Choice(EXAMPLE_QUESTION, EXAMPLE_QUESTION)], text=(
            f"¿De qué producto? Por ejemplo: «{EXAMPLE_QUESTION}»."))
    suggestions = ctx.vocab.suggest_products(req.tokens)
    asked = " ".join(req.unknown) or pm.text
    if suggestions:
        choices = [Choice(p.name, question_for(req, p.name, place_name(req))) for p in suggestions]
        return Answer(intent=req.intent, slots=slots, clarify=choices, text=(
            f"No encuentro «{asked}» entre los productos de SIPSA. ¿Quisiste decir "
            + " o ".join(p.name for p in suggestions) + "?"))
    return Answer(intent=req.intent, slots=slots, text=(
        f"No encuentro «{asked}» entre los productos de SIPSA. Escribe «qué productos tienes» para ver la lista."))


DATE_WORDS = frozenset({name for name in MONTHS if len(name) >= 4} | {"quincena", "bimestre", "cuatrimestre"})


def ask_period(req: Query, dated: list[str], anchor: dt.date, span: tuple[int, int] | None = None) -> Answer:
    """A clarification when the question names a time ("febrero", "quincena", "la época del paro") the rules could
    not place; a month is offered in the latest years with data (`anchor`: the newest data date); a time phrase at
    `span` of the normalised question is offered replaced by the latest years and weeks."""
    month = next((w for w in dated if w in MONTHS), None)
    choices: list[Choice] = []
    if month is None and span is not None:
        for label in (f"en {anchor.year}", f"en {anchor.year - 1}", "en las últimas 12 semanas"):
            choices.append(Choice(label, f"{req.norm[:span[0]]} {label} {req.norm[span[1]:]}".strip()))
    if month is not None:
        first = anchor.year if MONTHS[month] <= anchor.month else anchor.year - 1
        for year in (first, first - 1, first - 2):
            label = f"{MONTH_NAMES[MONTHS[month]]} de {year}"
            place = f" en {req.markets[0].market.name}" if req.markets else ""
            name = req.product.product.name if req.product.product is not None else ""
            choices.append(Choice(label, f"precio de {name}{place} en {label}"))  # a question the rules read whole
    what = req.product.product.name if req.product.product is not None else None
    ask = "¿De qué periodo? Por ejemplo: " + ", ".join(c.label for c in choices) + "." if choices else \
        "¿De qué periodo? Por ejemplo: «marzo de 2024», «la semana pasada», «el 15/04/2024»."
    return Answer(intent=req.intent, text=f"No entendí la fecha («{' '.join(dated)}»). {ask}", clarify=choices,
                  slots={"product": what, "market": None, "city": None, "start": None, "end": None,
                         "period_kind": None})


CHANGES_QUESTION = re.compile(
    r"alt[oa]s?|altic[oa]s?|baj[oa]s?|bajit[oa]s?|maxim[oa]s?|minim[oa]s?|promedio|media|mediana|pico|record|tope"
    r"|techo|piso|fondo|yoy|epoca|temporada|cosecha|estacional\w*|variad[oa]s?|cambiad[oa]s?"
    r"|quincena|trimestre|semestre|car[oa]s?|barat[oa]s?|costos[oa]s?|subio|subido|bajado|aumento|variacion"
    r"|diferencia|comparad[oa]s?|comparar|frente|respecto|libras?|arrobas?|bultos?|canastas?|canastillas?|cajas?"
    r"|docenas?|cargas?|toneladas?|gramos|kilos|ultim[oa]|historic[oa]|historia|tendencia|inflacion|porcentaje"
    r"|cuant[oa]s|mayor|menor|interanual|anual|mensual|semanal|veces|conviene|esperar|dolar(es)?|euros?|usd")
# statistics SIPSABot does not compute ("¿qué tan volátil es?"): asked back when no statistic was read; beside one
# that was ("para un trabajo sobre volatilidad: ¿cuál fue el máximo…?") they are the asker's context
OTHER_STATISTICS = re.compile(r"volatil\w*|estadistic[oa]s?|riesgo|desviacion|varianza|indice|dispersion|percentil"
                              r"|correlacion")


PRODUCTION = re.compile(r"\b(area (sembrada|cultivada|cosechada)|hectareas|sembrad[oa]s|cultivad[oa]s|produccion"
                         r"|se produjo|se produce|rendimiento|toneladas por hectarea|cosecharon|cuanto se cosecha)\b")


RETAIL = re.compile(r"\b(en (el |la |los |las |un |una )?(d1|ara|exito|olimpica|carulla|jumbo|makro|metro|tiendas? d1"
                     r"|supermercados?|super|tiendas?|tiendita|almacen(es)?|minimercados?|fruver|tienda de barrio"
                     r"|droguerias?|panaderias?|cadenas?|grandes superficies)|al detal|al por menor|al menudeo"
                     r"|precio al (publico|consumidor)|precios? de (la )?tienda|consumidor final)\b")


def ask_comparison(req: Query) -> Answer:
    """A comparison with one market named and nothing to compare it with: offer the comparisons the rules answer."""
    product = req.product.product
    assert product is not None
    market = req.markets[0].market.name
    options = [("Con otros mercados", f"compara {product.name} en todos los mercados"),
               ("Con hace un año", f"¿{product.name} en {market} está más cara que hace un año?"),
               ("Últimas 12 semanas", f"cómo ha variado {product.name} en {market} en las últimas 12 semanas"),
               ("¿Cara para la época?", f"¿está cara {product.name} en {market} para la época?")]
    return Answer(intent=req.intent, text=f"¿Con qué comparo {product.name} en {market}? Por ejemplo:",
                  clarify=[Choice(label, text) for label, text in options],
                  slots={"product": product.name, "market": market, "city": None, "start": None, "end": None,
                         "period_kind": None})


def ask_unread(req: Query, unread: list[str]) -> Answer:
    """Words that would change the question were not understood: ask with concrete questions the rules read."""
    product = req.product.product
    assert product is not None
    where = f" en {req.markets[0].market.name}" if req.markets else ""
    options = [("Precio actual", f"precio de {product.name}{where}"),
               ("Precio más alto del año", f"precio más alto de {product.name}{where} este año"),
               ("Promedio del año", f"precio promedio de {product.name}{where} este año"),
               ("Cómo ha variado", f"cómo ha variado {product.name}{where} en las últimas 12 semanas"),
               ("¿Más cara que hace un año?", f"¿{product.name}{where} está más cara que hace un año?")]
    return Answer(intent=req.intent, text=f"No entendí «{' '.join(unread)}» en tu pregunta sobre "
                  f"{product.name}, y no quiero darte la cifra de otra pregunta. ¿Qué quieres saber? Por ejemplo:",
                  clarify=[Choice(label, text) for label, text in options],
                  slots={"product": product.name, "market": req.markets[0].market.name if req.markets else None,
                         "city": None, "start": None, "end": None, "period_kind": None})


def ask_market(req: Query, vocab: Vocabulary) -> Answer:
    """Rankings and product counts are about one market: ask which, offering the main wholesale markets."""
    names = [name for name in MAIN_MARKETS.values() if fold(name) in vocab.market_by_key][:6]
    choices = [Choice(name, f"{req.text} en {name}") for name in names]
    return Answer(intent=Intent.STAT, text="¿En qué mercado? Por ejemplo: " + ", ".join(names) + ".",
                  clarify=choices, slots={"stat": req.stat.value if req.stat else None, "group": req.group})


def ask_same_name(req: Query, said: str, markets: list[q.Market]) -> Answer:
    """A city name that several departments share ("La Unión": Antioquia and Nariño): ask which, never pick."""
    choices = [Choice(m.name, re.sub(rf"\b{re.escape(said)}\b", m.name, req.norm, count=1)) for m in markets[:6]]
    return Answer(intent=req.intent, text=f"Hay varios mercados llamados «{markets[0].city or said}»: ¿cuál? "
                  + ", ".join(m.name for m in markets[:6]) + ".", clarify=choices,
                  slots={"product": req.product.product.name if req.product.product is not None else None})
