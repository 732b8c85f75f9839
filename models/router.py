"""The question router: Spanish text (or structured slots) -> one Query -> the answer for its intent.

    router = Router(store.reader, today=...)
    answer = router.answer("¿a cuánto está la papa criolla en Corabastos?", state)

The rules (models.parse) read the text into a Query, the optional LLM fills what they left open
(models.llm.merge), a follow-up borrows the chat's previous question, and the router dispatches the Query to one
answer module per family (models.answers.*: prices, history, compare, stat, movers, supply, coverage, requests)
after the checks that ask back or refuse (models.answers.problems). Every figure comes from the mirror through
data/; the router itself computes nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
import sqlite3
from collections.abc import Callable
from typing import Any

from data import status
from models import ask_back
from models.answer import Answer, ChatState, Choice
from models.answers.compare import compare, extreme
from models.answers.context import Ctx, fold
from models.answers.coverage import coverage, market_coverage
from models.answers.history import history
from models.answers.movers import movers
from models.answers.prices import price, price_at
from models.answers.problems import (
    CHANGES_QUESTION,
    DATE_WORDS,
    OTHER_STATISTICS,
    ask_comparison,
    ask_period,
    ask_same_name,
    ask_unread,
    outside_data,
    product_problem,
)
from models.answers.requests import alert, forecast
from models.answers.stat import stat
from models.answers.supply import inputs, origins, supply
from models.dates import Period
from models.lang import PRODUCT_STOPWORDS, normalise, singular, words
from models.llm.errors import BUSY_TEXT, LLMBusy, LLMTimeout
from models.llm.merge import close_products, merge
from models.parse import parse
from models.query import Query
from models.resolve import MarketMatch, ProductMatch, Vocabulary, vocabulary
from models.slots import DATA_INTENTS, PRODUCT_STATS, Intent, Stat, clean_slots, parse_intent
from models.understanding.stats import read_units

log = logging.getLogger(__name__)
# the answer when something below the router failed (the failure is logged with its traceback)
APOLOGY = "Lo siento, tuve un problema al buscar esa respuesta. Intenta de nuevo en un momento."

MAX_CHARS = 1000
LLM_THRESHOLD = 0.5
LLM_READ_NOTE = "🤖 Leído con el modelo de lenguaje: {}."
TIMEOUT_TEXT = ("No alcancé a entender bien tu pregunta. ¿Me la dices de otra forma? Nombra el producto y, si "
                "quieres, el mercado o la ciudad. Por ejemplo:")
TIMEOUT_EXAMPLES = ("Precio de la papa criolla en Corabastos", "¿Dónde está más barato el tomate chonto?",
                    "¿Cómo ha variado el aguacate hass en las últimas 8 semanas?")
# (question, chat, the router's today, the products the rules found close to the user's words)
LlmFn = Callable[[str, ChatState, dt.date, tuple[str, ...]], "dict[str, Any] | None"]

HELP_TEXT = (
    "Soy SIPSABot: respondo con los precios mayoristas de alimentos que publica el DANE (SIPSA).\n"
    "Puedes preguntarme, por ejemplo:\n"
    "• ¿A cuánto está la papa criolla en Corabastos?\n"
    "• Precio del tomate chonto en Medellín la semana pasada\n"
    "• ¿Cómo ha variado el aguacate Hass en las últimas 8 semanas?\n"
    "• ¿Dónde está más barata la cebolla junca?\n"
    "• ¿Qué productos subieron más esta semana en Corabastos?\n"
    "• Abastecimiento de Corabastos · ¿De dónde viene la papa?\n"
    "• Pronóstico de la papa criolla para las próximas 4 semanas\n"
    "• Avísame si la papa criolla baja de 2.000 en Corabastos\n"
    "• ¿Qué productos y mercados tienes?"
)


class Router:
    def __init__(self, reader: Callable[[], sqlite3.Connection], *, llm: LlmFn | None = None,
                 today: Callable[[], dt.date] | None = None) -> None:
        self.reader = reader
        self.llm = llm
        self.today = today or status.today

    # -- public --------------------------------------------------------------------------------------------------
    def answer(self, text: str, state: ChatState | None = None) -> Answer:
        """Answer one message; never raises. Updates `state` (last intent and slots, pending choices)."""
        try:
            result = self._answer_text(text, state)
        except Exception:  # the router must answer something whatever happens below it
            log.exception("router failed on %r", str(text)[:200])
            result = Answer(intent=Intent.OUT_OF_SCOPE, text=APOLOGY)
        return result

    def answer_slots(self, slots: dict[str, Any], state: ChatState | None = None) -> Answer:
        """Answer structured slots ({"intent": "price", "product": "papa criolla", "market": "Corabastos"});
        used by commands, clarification buttons and the LLM path. Never raises."""
        try:
            return self._answer_slots(slots, state)
        except Exception:
            log.exception("router failed on slots %r", slots)
            return Answer(intent=Intent.OUT_OF_SCOPE, text=APOLOGY)

    # -- text ----------------------------------------------------------------------------------------------------
    def _answer_text(self, text: str, state: ChatState | None) -> Answer:
        text = text if isinstance(text, str) else str(text)
        clean = text.strip()
        if len(clean) > MAX_CHARS:
            return Answer(intent=Intent.OUT_OF_SCOPE,
                          text=f"Tu mensaje es muy largo (más de {MAX_CHARS:,} caracteres). ".replace(",", ".")
                          + "Escríbeme una pregunta corta, por ejemplo: «precio de la papa criolla en Corabastos».")
        if not re.search(r"\w", clean):
            return Answer(intent=Intent.HELP, text="Escríbeme una pregunta sobre precios de alimentos.\n\n"
                          + HELP_TEXT)
        if state is not None and state.pending:
            choice = _picked(clean, state.pending)
            if choice is not None:
                state.pending = []
                return self._answer_text(choice.text, state)
        conn = self.reader()
        vocab = vocabulary(conn)
        today = self.today()
        latest = dt.date.fromisoformat(vocab.latest) if vocab.latest else None
        parsed = parse(clean, vocab, today, latest)
        options = close_products(parsed, vocab) if self.llm is not None else ()
        consulted = (parsed.confidence < LLM_THRESHOLD or bool(options)) and self.llm is not None
        if consulted:
            raw = self._ask_llm(clean, state, options)
            if isinstance(raw, LLMBusy):  # no figures, and the chat state stays as it was: the user asks again
                return Answer(intent=parsed.intent, text=str(getattr(raw, "message", "") or BUSY_TEXT))
            if isinstance(raw, LLMTimeout):  # the rules were unsure and the model too slow: ask, don't guess
                rules = self._execute(self._request(parsed, state, vocab), conn, vocab, today)
                if rules.clarify:
                    self._remember(rules, state)
                    return rules
                return Answer(intent=Intent.CLARIFY, text=TIMEOUT_TEXT,
                              clarify=[Choice(label=q, text=q) for q in TIMEOUT_EXAMPLES])
            merged = merge(parsed, raw, vocab, unread=_content_words(parsed.unknown))
            if merged.conflicts:
                log.info("LLM output not used for %r: %s", clean[:80], "; ".join(merged.conflicts))
            parsed = merged.parsed
        req = self._request(parsed, state, vocab)
        answer = self._execute(req, conn, vocab, today)
        if not consulted and self.llm is not None and _leaves_unread(answer, req):
            second = self._second_reading(clean, state, parsed, conn, vocab, today, _asked_back(answer))
            if second is not None:
                req, answer = second
        if req.llm_read:  # the user sees which of their words a model read, so a misreading is visible
            answer.llm_read = list(req.llm_read)
            if LLM_READ_NOTE.format("; ".join(req.llm_read)) not in answer.text:  # answers without the notes
                answer.text += "\n" + LLM_READ_NOTE.format("; ".join(req.llm_read))
        self._remember(answer, state, req)
        return answer

    def _second_reading(self, text: str, state: ChatState | None, parsed: Query, conn: sqlite3.Connection,
                        vocab: Vocabulary, today: dt.date, asked: bool) -> tuple[Query, Answer] | None:
        """The model's reading of a question the rules were sure enough to read but that kept words they could
        not: the merged Query and its answer, or None and the rules' answer stands. When the rules asked back, the
        model's reading must answer; when they answered a period anyway, it must explain a word they left unread
        (else it says nothing new). The model's period is never taken here. A busy, slow or failing model leaves the
        rules' answer: it is a whole answer."""
        raw = self._ask_llm(text, state)
        if not isinstance(raw, dict):
            return None
        # the rules read every calendar date; a period the model gives here stands for words they could not place
        # ("la última cosecha", "la temporada pasada"): a guess, so the rules' period (or their question) stands
        raw = {k: v for k, v in raw.items() if k not in ("start", "end")}
        unread = _content_words(parsed.unknown)
        merged = merge(parsed, raw, vocab, unread=unread)
        if merged.conflicts:
            log.info("LLM output not used for %r: %s", text[:80], "; ".join(merged.conflicts))
        if not merged.used or (not asked and set(unread) <= set(merged.parsed.unknown)):
            return None
        req = self._request(merged.parsed, state, vocab)
        answer = self._execute(req, conn, vocab, today)
        return None if _asked_back(answer) else (req, answer)

    def _ask_llm(self, text: str, state: ChatState | None,
                 options: tuple[str, ...] = ()) -> dict[str, Any] | LLMBusy | LLMTimeout | None:
        """The LLM's intent object; LLMBusy when its queue is full; LLMTimeout when it was too slow; None when it
        gave nothing usable (invalid output, unavailable or failing model: the rule path answers)."""
        try:
            raw = self.llm(text, state or ChatState(), self.today(), options) if self.llm else None
        except (LLMBusy, LLMTimeout) as exc:
            return exc
        except Exception as exc:  # the model is optional: a failure there must not cost the user an answer
            log.warning("LLM failed, answering from the rules: %r", exc)
            return None
        return raw if isinstance(raw, dict) else None

    def _request(self, p: Query, state: ChatState | None, vocab: Vocabulary) -> Query:
        """The parsed Query completed by the chat's previous question when this one is a follow-up."""
        req = dataclasses.replace(p, markets=list(p.markets), unknown=list(p.unknown),
                                  unknown_place=list(p.unknown_place))
        prev_intent = parse_intent(state.intent) if state is not None and state.intent else None
        if state is None or prev_intent is None or not state.slots:
            return req
        prev = state.slots
        needs_product = req.intent in DATA_INTENTS and req.product.status == "none"
        is_followup = p.followup or (needs_product and not p.unknown and (p.keyword or bool(p.markets)))
        # a reply to "¿Cuál papa?" that names a kind ("la criolla") answers the question that was asked there
        replies = bool(state.pending) and p.product.status != "none" and not p.markets and not p.keyword \
            and p.period is None and not p.unknown
        is_followup = is_followup or replies
        if not is_followup:
            return req
        if req.product.status == "ambiguous" and prev.get("product") and req.product.head and \
                fold(prev["product"]).split()[0] == req.product.head:
            # "¿y ese mismo queso en marzo?" after Queso costeño: the family word points back at that product
            req.product = vocab.resolve_product_name(prev["product"])
        if req.product.status == "none" and prev.get("product"):
            variety = _variety_of(prev["product"], p, vocab)
            if variety is not None:
                req.product, req.unknown = variety, []  # the question's words now name the product
            else:
                req.product = _other_kind(p, vocab) or vocab.resolve_product_name(prev["product"])
        if not p.keyword:
            req.intent = prev_intent
            if req.intent is Intent.STAT and prev.get("stat"):
                req.stat, req.group = Stat(prev["stat"]), req.group or prev.get("group")
            if req.intent in {Intent.PRICE, Intent.PRICE_AT}:
                keep = prev.get("period_kind") and not _resets_period(p)
                req.intent = Intent.PRICE_AT if (req.period or keep) else Intent.PRICE
        _same_statistic(req, p, prev_intent, prev)
        if req.intent is Intent.STAT and req.stat is None:  # the earlier statistic was never answered
            req.intent = Intent.PRICE_AT if req.period is not None else Intent.PRICE
        # "¿dónde está más barata?" asks for the market; "¿y cuál bajó más?" after movers in a market keeps it
        asks_where = p.keyword and (req.intent in {Intent.CHEAPEST, Intent.PRICIEST, Intent.COMPARE} or (
            req.intent is Intent.MOVERS and prev_intent is not Intent.MOVERS))
        if not req.markets and not req.all_markets and prev.get("market") and not asks_where \
                and not req.unknown_place:  # "¿y en <a place we do not know>?" must not reuse the last market
            found = vocab.resolve_market_name(prev["market"])
            if found is not None:
                city = fold(prev["city"]) if prev.get("city") else None
                req.markets = [MarketMatch(found.market, city, set(), prev["market"])]
        if req.period is None and prev.get("period_kind") and prev.get("start") and prev.get("end") \
                and not _resets_period(p) \
                and req.intent in {Intent.PRICE_AT, Intent.HISTORY, Intent.STAT, Intent.MOVERS}:
            req.period = Period(dt.date.fromisoformat(prev["start"]), dt.date.fromisoformat(prev["end"]),
                                prev.get("period_kind") or "range")
        if req.intent is Intent.MOVERS and prev_intent is Intent.MOVERS and req.group is None:
            req.group = prev.get("group")  # "¿y cuáles bajaron más?" after the vegetables that rose most
        if req.unit is None and prev.get("unit") and req.intent in {Intent.PRICE, Intent.PRICE_AT, Intent.STAT}:
            req.unit = read_units(str(prev["unit"]))[0]  # "¿y en Túquerres?" after "el bulto de papa": per bulto
        for name in ("horizon", "freq", "threshold", "direction", "change_pct", "rule"):
            if getattr(req, name) is None and prev.get(name) is not None and req.intent.value == state.intent:
                setattr(req, name, prev[name])
        return req

    # -- slots ---------------------------------------------------------------------------------------------------
    def _answer_slots(self, slots: dict[str, Any], state: ChatState | None, *, conn: sqlite3.Connection | None = None,
                      vocab: Vocabulary | None = None, today: dt.date | None = None) -> Answer:
        intent = parse_intent(slots.get("intent")) if isinstance(slots, dict) else None
        if intent is None:
            return Answer(intent=Intent.HELP, text=HELP_TEXT)
        clean = clean_slots(slots)
        conn = conn or self.reader()
        vocab = vocab or vocabulary(conn)
        today = today or self.today()
        product = vocab.resolve_product_name(clean["product"]) if clean.get("product") else ProductMatch("none")
        if product.status == "none" and clean.get("product"):
            product = ProductMatch("unknown", text=clean["product"])
        markets: list[MarketMatch] = []
        for name in clean.get("markets", []) or ([clean["market"]] if clean.get("market") else []):
            found = vocab.resolve_market_name(name)
            if found is not None:
                markets.append(found)
        period = None
        if clean.get("start") or clean.get("end"):
            start = dt.date.fromisoformat(clean.get("start") or clean["end"])
            end = dt.date.fromisoformat(clean.get("end") or clean["start"])
            if start <= end:
                period = Period(start, end, "day" if start == end else "range")
        if intent is Intent.PRICE and period is not None:
            intent = Intent.PRICE_AT
        stat = Stat(clean["stat"]) if clean.get("stat") else None
        if intent is Intent.STAT and stat is None:
            return Answer(intent=Intent.HELP, text=HELP_TEXT)
        req = Query(intent=intent, product=product, markets=markets, period=period, horizon=clean.get("horizon"),
                      freq=clean.get("freq"), threshold=clean.get("threshold"), direction=clean.get("direction"),
                      change_pct=clean.get("change_pct"), rule=clean.get("rule"),
                      tokens=[singular(w) for w in words(normalise(str(clean.get("product", ""))))],
                      text=str(clean.get("product", "")), stat=stat, group=clean.get("group"),
                      unit=read_units(clean["unit"])[0] if clean.get("unit") else None)
        answer = self._execute(req, conn, vocab, today)
        self._remember(answer, state, req)
        return answer

    def _remember(self, answer: Answer, state: ChatState | None, req: Query | None = None) -> None:
        if state is None:
            return
        state.pending = list(answer.clarify)
        # movers, rankings and counts in a market have no product but a scope a follow-up keeps ("¿y cuál bajó
        # más?", "¿y la fruta?", "¿y en Santa Marta cuántos?")
        movers_here = answer.intent in {Intent.MOVERS.value, Intent.STAT.value} and bool(answer.slots.get("market"))
        if ((answer.intent in {i.value for i in DATA_INTENTS} and answer.slots.get("product")) or movers_here) \
                and not answer.clarify:
            state.intent = answer.intent
            state.slots = {k: v for k, v in answer.slots.items() if v is not None}
            if req is not None and req.product.text == ask_back.ONLY_KIND and req.product.head:
                # the kind was chosen for that market: "¿y en Barranquillita?" asks about the user's words there
                state.slots["product"] = req.product.head
        elif answer.intent in {i.value for i in DATA_INTENTS} and answer.clarify and req is not None:
            # asked back and the user may not pick: a follow-up still reuses what this question did resolve
            slots = {k: v for k, v in answer.slots.items() if v is not None}
            if len(req.markets) == 1 and "market" not in slots:
                slots["market"] = req.markets[0].market.name
                if req.markets[0].city:
                    slots["city"] = req.markets[0].market.city
            family = req.product.text or req.product.head
            if "product" not in slots and req.product.status == "ambiguous" and family:
                slots["product"] = family  # the family word: the follow-up asks among its kinds again
            if slots.get("product") or slots.get("market"):
                state.intent, state.slots = answer.intent, slots

    # -- execution -----------------------------------------------------------------------------------------------
    def _execute(self, req: Query, conn: sqlite3.Connection, vocab: Vocabulary, today: dt.date) -> Answer:
        ctx = Ctx(conn, vocab, today, status.is_demo(conn))
        intent = req.intent
        ignored = _content_words(req.unknown)
        dated = [w for w in ignored if w in DATE_WORDS or _in_time_phrase(w, req.norm)]
        llm_period = req.period is not None and not req.period.phrase  # the LLM read the whole question
        if dated and intent in DATA_INTENTS and req.product.status == "ok" and not llm_period:
            anchor = dt.date.fromisoformat(vocab.latest) if vocab.latest else today
            return ask_period(req, dated, anchor, _time_span(req.norm, dated))  # never a figure for another period
        unread = [w for w in ignored if CHANGES_QUESTION.fullmatch(w)
                  or (intent is not Intent.STAT and OTHER_STATISTICS.fullmatch(w))]
        if unread and intent in DATA_INTENTS - {Intent.ALERT, Intent.FORECAST} and req.product.status == "ok" \
                and not llm_period:
            return ask_unread(req, unread)  # a statistic, unit or time word we did not read: never a figure
        if req.threshold is not None and _AMOUNT_CUE.search(req.norm) and req.product.status == "ok" \
                and intent in {Intent.PRICE, Intent.PRICE_AT, Intent.HISTORY, Intent.STAT} and not llm_period:
            # "¿cuántas semanas estuvo por encima de 5.000?": prices set against an amount are counted by no answer
            # here (only an alert watches an amount), so no figure for the plain price instead
            said = f"{req.direction or ''} {req.threshold:,.0f}".replace(",", ".").replace("above", "por encima de")
            return ask_unread(req, [said.replace("below", "por debajo de").strip()])
        if req.llm_read:
            ctx.notes.append(LLM_READ_NOTE.format("; ".join(req.llm_read)))
        if ignored and req.product.status == "ok" and intent in DATA_INTENTS:
            ctx.notes.append(f"No tuve en cuenta: «{' '.join(ignored)}».")
        outside = outside_data(req, ctx)
        if outside is not None:
            return outside
        if intent is Intent.HELP:
            return Answer(intent=intent, text=HELP_TEXT)
        if intent is Intent.GREETING:
            return Answer(intent=intent, text="¡Hola! 👋 " + HELP_TEXT)
        if intent is Intent.THANKS:
            return Answer(intent=intent, text="¡Con gusto! Si necesitas otro precio, aquí estoy.")
        if intent is Intent.OUT_OF_SCOPE:
            return Answer(intent=intent, text=(
                "Eso está fuera de lo que sé: solo respondo sobre precios mayoristas de alimentos, abastecimiento "
                "e insumos agropecuarios publicados por el DANE (SIPSA). Escribe «ayuda» para ver ejemplos."))
        place = ask_back.unknown_place(intent, req.unknown_place, req.product, req.text,
                                       bool(req.markets) or req.all_markets, ctx.vocab)
        if place is not None:
            return place
        for mm in req.markets:  # "La Unión" is a town in Antioquia and one in Nariño: ask which
            namesakes = ctx.vocab.cities.get(mm.city, []) if mm.city else []
            if len({m.department for m in namesakes if m.department}) > 1:
                return ask_same_name(req, mm.phrase, sorted(namesakes, key=lambda m: m.name))
        if intent is Intent.COVERAGE:
            if len(req.markets) == 1:
                return market_coverage(req.markets[0], ctx)
            return coverage(ctx)
        if intent in _NO_PRODUCT or (intent is Intent.STAT and req.stat not in PRODUCT_STATS):
            return _NO_PRODUCT.get(intent, stat)(req, ctx)  # movers, supply, rankings and counts name no product
        market_ids = [m.market.id for m in req.markets]
        req.product = ask_back.family_word(intent, req.product, req.tokens, market_ids, ctx.conn, ctx.vocab)
        places = [m.id for mm in req.markets for m in (ctx.vocab.cities.get(mm.city, []) if mm.city else [mm.market])]
        req.product = ask_back.kinds_here(req.product, places, ctx.conn, ctx.vocab)  # a city: all its markets
        if req.period is None or req.stat in {Stat.YOY, Stat.SEASON_POSITION}:  # questions about the newest data
            req.product = ask_back.siblings_here(intent, req.product, req.tokens, places, ctx.conn, ctx.vocab)
        if req.product.text == ask_back.ONLY_KIND and req.product.product is not None:
            ctx.notes.append(f"Es la única clase de «{req.product.head}» con precio ahí en la semana más reciente.")
        problem = product_problem(req, ctx)
        if problem is not None:
            return problem
        if intent is Intent.COMPARE and len(req.markets) == 1 and req.markets[0].city is None \
                and not req.all_markets and req.period is None:
            return ask_comparison(req)  # "comparada con lo de antes": one market, nothing named to compare with
        if intent in {Intent.PRICE, Intent.PRICE_AT} and len(req.markets) >= 2:
            intent = Intent.COMPARE  # "papa en Corabastos y en Medellín"
        if intent is Intent.PRICE_AT and req.period is None:
            intent = Intent.PRICE
        return _ONE_PRODUCT[intent](req, ctx)


# Answers that need no product, by intent; the others answer about one product once it is resolved.
_NO_PRODUCT: dict[Intent, Callable[[Query, Ctx], Answer]] = {
    Intent.MOVERS: movers, Intent.SUPPLY: supply, Intent.SUPPLY_ORIGIN: origins, Intent.INPUTS: inputs,
}
_ONE_PRODUCT: dict[Intent, Callable[[Query, Ctx], Answer]] = {
    Intent.FORECAST: forecast, Intent.ALERT: alert, Intent.STAT: stat, Intent.CHEAPEST: extreme,
    Intent.PRICIEST: extreme, Intent.COMPARE: compare, Intent.HISTORY: history, Intent.PRICE_AT: price_at,
    Intent.PRICE: price,
}


def _variety_of(previous: str, p: Query, vocab: Vocabulary) -> ProductMatch | None:
    """"¿y la roja?" after "cebolla cabezona blanca": the variety word swapped within the previous product's family
    (the family words of the previous name put before the question's words); None when no word names a variety."""
    if not p.unknown:
        return None
    known = vocab.resolve_product_name(previous)
    if known.status != "ok" or known.product is None:
        return None
    name = [singular(w) for w in words(fold(known.product.name)) if w not in PRODUCT_STOPWORDS]
    new_words = {i for i, raw in enumerate(words(p.norm)) if raw in p.unknown}
    for size in (1, 2):
        if len(name) <= size:
            break
        match = vocab.match_product(name[:size] + p.tokens)
        if match.status != "ok" or match.product is None or match.product.id == known.product.id:
            continue
        if {i + size for i in new_words} <= match.used:
            return ProductMatch("ok", match.product, [match.product], set(), name[0])
    return None


def _other_kind(p: Query, vocab: Vocabulary) -> ProductMatch | None:
    """"¿y la roja?" after a product with no red kind: the word names kinds of other products, so the question
    asks which one (never the previous product with the word ignored)."""
    kind_words = [singular(w) for w in p.unknown if singular(w) in vocab.by_token and len(w) >= 3]
    if not kind_words:
        return None
    ids = {e.product_id for e in vocab.by_token[kind_words[0]]}
    ranked = sorted(ids, key=lambda pid: (-vocab.markets_count(pid), vocab.products[pid].key))[:8]
    return ProductMatch("ambiguous", None, [vocab.products[pid] for pid in ranked], set(), kind_words[0])


def _resets_period(p: Query) -> bool:
    return bool(re.search(r"\b(hoy|ahora|actual|actualmente|esta semana|ultimo dato|mas reciente)\b", p.norm))


_PICK_FILLER = frozenset({"el", "la", "los", "las", "lo", "de", "del", "ese", "esa", "eso", "esos", "esas", "este",
                          "esta", "y", "pues", "porfa", "por", "favor", "mejor", "entonces", "opcion", "numero"})


def _content_words(unknown: list[str]) -> list[str]:
    """The unread words that could carry meaning (not "q", "pa", "el": one- and two-letter chat words)."""
    return [w for w in unknown if not re.fullmatch(r"[a-z]{1,2}", w)]


def _asked_back(answer: Answer) -> bool:
    """A question back with no figure (an answer that also offers other kinds still answers)."""
    return bool(answer.clarify) and not answer.values


# question kinds whose answer summarises a period: an unread word there may ask for another figure of that period
# ("en qué semana estuvo regalada" is the minimum, not the year's mean)
_PERIOD_KINDS = frozenset({Intent.PRICE_AT, Intent.HISTORY, Intent.STAT, Intent.COMPARE})


def _leaves_unread(answer: Answer, req: Query) -> bool:
    """Words of a data question stayed unread where they may change it: the rules asked back about them, or
    answered a period's figure without them. The model reads the whole message then. (A family word alone,
    "¿Cuál limón?", is not sent: the kind is the user's to say, and no word was left for the model.)"""
    if answer.intent not in DATA_INTENTS or not _content_words(req.unknown):
        return False
    return _asked_back(answer) or (req.intent in _PERIOD_KINDS and req.period is not None
                                   and req.period.end > req.period.start)


def _picked(text: str, pending: list[Choice]) -> Choice | None:
    """The option a reply picks: its number ("2", "opción 2") or words that only one option's label has ("la
    superior" after ¿Cuál papa?, "el tahití" after ¿Cuál limón?). A reply with any other word is a new question
    ("¿y en Cali?"), and words several options share ("la criolla": limpia or sucia) pick nothing."""
    number = re.fullmatch(r"\s*(?:opci[oó]n\s*)?(\d{1,2})\s*[.)]?\s*", text)
    if number:
        index = int(number.group(1))
        return pending[index - 1] if 1 <= index <= len(pending) else None
    said = {singular(w) for w in words(normalise(text))} - _PICK_FILLER
    if not said or len(said) > 4:
        return None
    labels = [{singular(w) for w in words(normalise(c.label))} for c in pending]
    hits = [c for c, label in zip(pending, labels, strict=True) if said <= label]
    return hits[0] if len(hits) == 1 else None


# a word the rules did not read that a time noun owns ("en el año de la pandemia", "la época del paro", "durante el
# paro camionero"): the question is about a period they could not place, so no figure for another one
_TIME_PHRASE = re.compile(r"\b(?:(?:en|para|de) )?(?:la |el |los |las )?(?:(?:a[nñ]o|mes|semana|epoca|temporada"
                          r"|tiempo|dia|fecha)s? (?:de|del)|durante) (?:la |el |los |las |un |una )?(\w+)((?: \w+)*)")


def _in_time_phrase(word: str, norm: str) -> bool:
    return any(m.group(1) == word for m in _TIME_PHRASE.finditer(norm))


_PHRASE_STARTS = frozenset({"en", "de", "del", "y", "o", "para", "a", "al", "desde", "hasta", "con", "que", "por",
                            "frente", "comparado", "vs"})


def _time_span(norm: str, dated: list[str]) -> tuple[int, int] | None:
    """Where in `norm` the time phrase the rules could not place is: from its preposition to its last unread word
    (a choice button replaces it with a period they can read)."""
    for m in _TIME_PHRASE.finditer(norm):
        if m.group(1) in dated:
            end = m.end(1)
            for w in re.finditer(r"\w+", m.group(2)):  # "paro camionero": up to the next phrase ("en", "y" …)
                if w.group(0) in _PHRASE_STARTS:
                    break
                end = m.start(2) + w.end()
            return m.start(), end
    return None


# statistics that come in pairs: a follow-up saying only "¿y la más cara?" turns the pair around
_PAIRS = {Stat.SEASON_LOW: (Stat.SEASON_LOW, Stat.SEASON_HIGH), Stat.SEASON_HIGH: (Stat.SEASON_LOW, Stat.SEASON_HIGH),
          Stat.MIN: (Stat.MIN, Stat.MAX), Stat.MAX: (Stat.MIN, Stat.MAX),
          Stat.RANK_LOW: (Stat.RANK_LOW, Stat.RANK_HIGH), Stat.RANK_HIGH: (Stat.RANK_LOW, Stat.RANK_HIGH)}
_DEAR = re.compile(r"\b(mas (car|alt|cost)\w*|mayor|maxim\w*|pico)\b")
_CHEAP = re.compile(r"\b(mas (barat|baj|economic)\w*|menor|minim\w*|menos car\w*)\b")


def _same_statistic(req: Query, p: Query, prev_intent: Intent | None, prev: dict[str, Any]) -> None:
    """A bare follow-up to a statistic stays that statistic: "¿y la más cara?" after the cheapest month is the
    dearest month (not the dearest market), "¿y la fruta?" after the cheapest vegetable ranks the fruits, "¿y en
    Santa Marta cuántos?" after a product count counts there."""
    if prev_intent is not Intent.STAT or p.product.status != "none" or prev.get("stat") not in set(Stat):
        return
    before = Stat(prev["stat"])
    pair = _PAIRS.get(before)
    if pair is not None and (_DEAR.search(p.norm) or _CHEAP.search(p.norm)):
        req.intent, req.stat = Intent.STAT, pair[1] if _DEAR.search(p.norm) else pair[0]
    elif (before in {Stat.RANK_LOW, Stat.RANK_HIGH} and req.group and not p.keyword) or (
            before in {Stat.COUNT_PRODUCTS, Stat.COUNT_MARKETS} and re.search(r"\bcuant[oa]s\b", p.norm)):
        req.intent, req.stat = Intent.STAT, before
    else:
        return
    if req.stat in {Stat.RANK_LOW, Stat.RANK_HIGH}:
        req.group = req.group or prev.get("group")


# a price set against an amount ("por encima de 5.000", "más de $3.000"), not a year or a quantity
_AMOUNT_CUE = re.compile(r"\b(por encima|por debajo|encima|debajo|mas de|menos de|superior a|inferior a|supero|paso de)"
                         r"\W+(?:de |del )?(?:los |las |\$ ?)?\d[\d.]*(?! (?:kilos|kg|bultos?|arrobas?|libras?))\b")
