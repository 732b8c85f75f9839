"""The question router: Spanish text (or structured slots) -> an exact Answer built from the mirror.

    router = Router(store.reader, today=...)
    answer = router.answer("¿a cuánto está la papa criolla en Corabastos?", state)

Every figure comes from a query in data.queries; the text says the product, market, unit, data date and
source. When the product is ambiguous or unknown the router asks back (Answer.clarify) instead of guessing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
import sqlite3
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from data import analytics as da
from data import queries as q
from data import status
from models import ask_back
from models import render as r
from models.answer import Answer, Chart, ChatState, Choice, Value
from models.answers import analytics
from models.dates import MONTH_NAMES, MONTHS, Period, describe, fmt_date, unit_end, unit_start
from models.lang import PRODUCT_STOPWORDS, normalise, singular, words
from models.llm_errors import BUSY_TEXT, LLMBusy, LLMTimeout
from models.llm_merge import merge
from models.parse import parse
from models.query import Query
from models.resolve import MAIN_MARKETS, MarketMatch, ProductMatch, Vocabulary, vocabulary
from models.slots import DATA_INTENTS, PRODUCT_STATS, Intent, Stat, clean_slots, parse_intent
from models.understanding.stats import read_units, unit_kg

log = logging.getLogger(__name__)

MAX_CHARS = 1000
LLM_THRESHOLD = 0.5
TIMEOUT_TEXT = ("No alcancé a entender bien tu pregunta. ¿Me la dices de otra forma? Nombra el producto y, si "
                "quieres, el mercado o la ciudad. Por ejemplo:")
TIMEOUT_EXAMPLES = ("Precio de la papa criolla en Corabastos", "¿Dónde está más barato el tomate chonto?",
                    "¿Cómo ha variado el aguacate hass en las últimas 8 semanas?")
DEFAULT_HISTORY_WEEKS = 12
LlmFn = Callable[[str, ChatState], "dict[str, Any] | None"]

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
            result = Answer(intent=Intent.OUT_OF_SCOPE.value,
                            text="Lo siento, tuve un problema al buscar esa respuesta. Intenta de nuevo en un momento.")
        return result

    def answer_slots(self, slots: dict[str, Any], state: ChatState | None = None) -> Answer:
        """Answer structured slots ({"intent": "price", "product": "papa criolla", "market": "Corabastos"});
        used by commands, clarification buttons and the LLM path. Never raises."""
        try:
            return self._answer_slots(slots, state)
        except Exception:
            log.exception("router failed on slots %r", slots)
            return Answer(intent=Intent.OUT_OF_SCOPE.value,
                          text="Lo siento, tuve un problema al buscar esa respuesta. Intenta de nuevo en un momento.")

    # -- text ----------------------------------------------------------------------------------------------------
    def _answer_text(self, text: str, state: ChatState | None) -> Answer:
        text = text if isinstance(text, str) else str(text)
        clean = text.strip()
        if len(clean) > MAX_CHARS:
            return Answer(intent=Intent.OUT_OF_SCOPE.value,
                          text=f"Tu mensaje es muy largo (más de {MAX_CHARS:,} caracteres). ".replace(",", ".")
                          + "Escríbeme una pregunta corta, por ejemplo: «precio de la papa criolla en Corabastos».")
        if not re.search(r"\w", clean):
            return Answer(intent=Intent.HELP.value, text="Escríbeme una pregunta sobre precios de alimentos.\n\n"
                          + HELP_TEXT)
        if state is not None and state.pending:
            pick = re.fullmatch(r"\s*(?:opci[oó]n\s*)?(\d{1,2})\s*[.)]?\s*", clean)
            if pick and 1 <= int(pick.group(1)) <= len(state.pending):
                choice = state.pending[int(pick.group(1)) - 1]
                state.pending = []
                return self._answer_text(choice.text, state)
        conn = self.reader()
        vocab = vocabulary(conn)
        today = self.today()
        latest = dt.date.fromisoformat(vocab.latest) if vocab.latest else None
        parsed = parse(clean, vocab, today, latest)
        if parsed.confidence < LLM_THRESHOLD and self.llm is not None:
            raw = self._ask_llm(clean, state)
            if isinstance(raw, LLMBusy):  # no figures, and the chat state stays as it was: the user asks again
                return Answer(intent=parsed.intent.value, text=str(getattr(raw, "message", "") or BUSY_TEXT))
            if isinstance(raw, LLMTimeout):  # the rules were unsure and the model too slow: ask, don't guess
                rules = self._execute(self._request(parsed, state, vocab), conn, vocab, today)
                if rules.clarify:
                    self._remember(rules, state)
                    return rules
                return Answer(intent="clarify", text=TIMEOUT_TEXT,
                              clarify=[Choice(label=q, text=q) for q in TIMEOUT_EXAMPLES])
            merged = merge(parsed, raw, vocab)
            if merged.conflicts:
                log.info("LLM output not used for %r: %s", clean[:80], "; ".join(merged.conflicts))
            parsed = merged.parsed
        req = self._request(parsed, state, vocab)
        answer = self._execute(req, conn, vocab, today)
        self._remember(answer, state, req)
        return answer

    def _ask_llm(self, text: str, state: ChatState | None) -> dict[str, Any] | LLMBusy | LLMTimeout | None:
        """The LLM's intent object; LLMBusy when its queue is full; LLMTimeout when it was too slow; None when it
        gave nothing usable (invalid output, unavailable or failing model: the rule path answers)."""
        try:
            raw = self.llm(text, state or ChatState()) if self.llm else None
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
        if not is_followup:
            return req
        if req.product.status == "ambiguous" and prev.get("product") and req.product.head and \
                _fold(prev["product"]).split()[0] == req.product.head:
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
        asks_where = p.keyword and req.intent in {Intent.CHEAPEST, Intent.PRICIEST, Intent.COMPARE, Intent.MOVERS}
        if not req.markets and not req.all_markets and prev.get("market") and not asks_where \
                and not req.unknown_place:  # "¿y en <a place we do not know>?" must not reuse the last market
            found = vocab.resolve_market_name(prev["market"])
            if found is not None:
                city = _fold(prev["city"]) if prev.get("city") else None
                req.markets = [MarketMatch(found.market, city, set(), prev["market"])]
        if req.period is None and prev.get("period_kind") and prev.get("start") and prev.get("end") \
                and not _resets_period(p) \
                and req.intent in {Intent.PRICE_AT, Intent.HISTORY, Intent.STAT}:
            req.period = Period(dt.date.fromisoformat(prev["start"]), dt.date.fromisoformat(prev["end"]),
                                prev.get("period_kind") or "range")
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
            return Answer(intent=Intent.HELP.value, text=HELP_TEXT)
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
            return Answer(intent=Intent.HELP.value, text=HELP_TEXT)
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
        if answer.intent in {i.value for i in DATA_INTENTS} and answer.slots.get("product") and not answer.clarify:
            state.intent = answer.intent
            state.slots = {k: v for k, v in answer.slots.items() if v is not None}
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
        ctx = _Ctx(conn, vocab, today, status.is_demo(conn))
        intent = req.intent
        ignored = [w for w in req.unknown if not re.fullmatch(r"[a-z]{1,2}", w)]
        dated = [w for w in ignored if w in _DATE_WORDS]
        llm_period = req.period is not None and not req.period.phrase  # the LLM read the whole question
        if dated and intent in DATA_INTENTS and req.product.status == "ok" and not llm_period:
            anchor = dt.date.fromisoformat(vocab.latest) if vocab.latest else today
            return _ask_period(req, dated, anchor)  # a date word we did not read: never a figure for another period
        unread = [w for w in ignored if _CHANGES_QUESTION.fullmatch(w)]
        if unread and intent in DATA_INTENTS - {Intent.ALERT, Intent.FORECAST} and req.product.status == "ok" \
                and not llm_period:
            return _ask_unread(req, unread)  # a statistic, unit or time word we did not read: never a figure
        if ignored and req.product.status == "ok" and intent in DATA_INTENTS:
            ctx.notes.append(f"No tuve en cuenta: «{' '.join(ignored)}».")
        outside = self._outside_data(req, ctx)
        if outside is not None:
            return outside
        if intent is Intent.HELP:
            return Answer(intent=intent.value, text=HELP_TEXT)
        if intent is Intent.GREETING:
            return Answer(intent=intent.value, text="¡Hola! 👋 " + HELP_TEXT)
        if intent is Intent.THANKS:
            return Answer(intent=intent.value, text="¡Con gusto! Si necesitas otro precio, aquí estoy.")
        if intent is Intent.OUT_OF_SCOPE:
            return Answer(intent=intent.value, text=(
                "Eso está fuera de lo que sé: solo respondo sobre precios mayoristas de alimentos, abastecimiento "
                "e insumos agropecuarios publicados por el DANE (SIPSA). Escribe «ayuda» para ver ejemplos."))
        if intent is Intent.COVERAGE:
            if len(req.markets) == 1:
                return self._market_coverage(req.markets[0], ctx)
            return self._coverage(ctx)
        place = ask_back.unknown_place(intent, req.unknown_place, req.product, req.text,
                                       bool(req.markets) or req.all_markets, ctx.vocab)
        if place is not None:
            return place
        if intent is Intent.MOVERS:
            return self._movers(req, ctx)
        if intent is Intent.SUPPLY:
            return self._supply(req, ctx)
        if intent is Intent.SUPPLY_ORIGIN:
            return self._origins(req, ctx)
        if intent is Intent.INPUTS:
            return self._inputs(req, ctx)
        if intent is Intent.STAT and req.stat not in PRODUCT_STATS:
            return self._stat(req, ctx)  # rankings and counts over a market need no product
        market_ids = [m.market.id for m in req.markets]
        req.product = ask_back.family_word(intent, req.product, req.tokens, market_ids, ctx.conn, ctx.vocab)
        places = [m.id for mm in req.markets for m in (ctx.vocab.cities.get(mm.city, []) if mm.city else [mm.market])]
        req.product = ask_back.kinds_here(req.product, places, ctx.conn, ctx.vocab)  # a city: all its markets
        problem = self._product_problem(req, ctx)
        if problem is not None:
            return problem
        if intent is Intent.FORECAST:
            return self._forecast(req, ctx)
        if intent is Intent.ALERT:
            return self._alert(req, ctx)
        if intent is Intent.STAT:
            return self._stat(req, ctx)
        if intent in {Intent.CHEAPEST, Intent.PRICIEST}:
            return self._extreme(req, ctx)
        if intent is Intent.COMPARE and len(req.markets) == 1 and req.markets[0].city is None \
                and not req.all_markets and req.period is None:
            return _ask_comparison(req)  # "comparada con lo de antes": one market, nothing named to compare with
        if intent is Intent.COMPARE or (len(req.markets) >= 2 and intent in {Intent.PRICE, Intent.PRICE_AT}):
            return self._compare(req, ctx)
        if intent is Intent.HISTORY:
            return self._history(req, ctx)
        if intent is Intent.PRICE_AT and req.period is not None:
            return self._price_at(req, ctx)
        return self._price(req, ctx)

    def _outside_data(self, req: Query, ctx: _Ctx) -> Answer | None:
        """Questions the mirror cannot answer, said plainly with no figure: shop or retail prices (SIPSA is
        wholesale) and periods before the first or after the newest week."""
        if req.intent not in DATA_INTENTS - {Intent.ALERT, Intent.FORECAST}:
            return None
        norm = normalise(req.text)
        if _PRODUCTION.search(norm):
            return Answer(intent=Intent.OUT_OF_SCOPE.value, text=(
                "SIPSA publica precios mayoristas y abastecimiento de alimentos, no área sembrada, producción, "
                "cosechas ni rendimientos, así que no tengo esa cifra. Para eso está la Evaluación Agropecuaria "
                "del Ministerio de Agricultura (UPRA/Agronet)."))
        if _RETAIL.search(norm):
            text = ("SIPSA publica precios mayoristas (centrales de abasto y plazas de mercado), no precios de "
                    "tiendas, supermercados ni al detal, así que no tengo esa cifra.")
            choices = []
            if req.product.status == "ok" and req.product.product is not None:
                name = req.product.product.name
                text += f" ¿Quieres el precio mayorista de {name}?"
                choices = [Choice(f"Precio mayorista de {name}", f"precio de {name}")]
            return Answer(intent=Intent.OUT_OF_SCOPE.value, text=text, clarify=choices)
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
        slots = self._slots(req, req.product.product if req.product.status == "ok" else None,
                            req.markets[0].market if req.markets else None, period.start.isoformat(),
                            period.end.isoformat(), period.kind)
        return ctx.finish(Answer(intent=req.intent.value, text=f"Lo siento, {why}", slots=slots), None)

    # -- product problems: missing, ambiguous, unknown ------------------------------------------------------------
    def _product_problem(self, req: Query, ctx: _Ctx) -> Answer | None:
        pm = req.product
        if pm.status == "ok" and pm.product is not None:
            return None
        slots = self._slots(req, None, None)
        if pm.status == "ambiguous":
            options = pm.candidates[:ask_back.CHOICES]
            head = options[0].name.split()[0].lower().strip(",.") if options else (pm.head or "producto")
            choices = [Choice(p.name, _question(req, p.name, _market_name(req))) for p in options]
            if len(options) == 1:
                text = f"¿Te refieres a {options[0].name}?"
            else:
                same_family = len({p.name.split()[0].lower().strip(",.") for p in options}) == 1
                lead = (f"¿Cuál {head}? Tengo varias opciones: " if same_family
                        else "¿Cuál de estos productos? Tengo varias opciones: ")
                text = lead + ", ".join(p.name for p in options) + "."
            return Answer(intent=req.intent.value, text=text, slots=slots, clarify=choices)
        if req.group is not None:  # "precio de la fruta": a food group, not a product; offer its usual products
            group = [p for p in ctx.vocab.products.values() if p.group == req.group and p.id in ctx.vocab.priced]
            kinds = sorted(group, key=lambda p: (-ctx.vocab.markets_count(p.id), p.key))[:6]
            choices = [Choice(p.name, _question(req, p.name, _market_name(req))) for p in kinds]
            return Answer(intent=req.intent.value, slots=slots, clarify=choices, text=(
                f"«{req.group}» es un grupo de alimentos. ¿De cuál producto? Por ejemplo: "
                + ", ".join(p.name for p in kinds) + "."))
        if pm.status == "none" and not req.unknown:
            return Answer(intent=req.intent.value, slots=slots, text=(
                "¿De qué producto? Por ejemplo: «precio de la papa criolla en Corabastos»."))
        suggestions = ctx.vocab.suggest_products(req.tokens)
        asked = " ".join(req.unknown) or pm.text
        if suggestions:
            choices = [Choice(p.name, _question(req, p.name, _market_name(req))) for p in suggestions]
            return Answer(intent=req.intent.value, slots=slots, clarify=choices, text=(
                f"No encuentro «{asked}» entre los productos de SIPSA. ¿Quisiste decir "
                + " o ".join(p.name for p in suggestions) + "?"))
        return Answer(intent=req.intent.value, slots=slots, text=(
            f"No encuentro «{asked}» entre los productos de SIPSA. Escribe «qué productos tienes» para ver la lista."))

    # -- markets ---------------------------------------------------------------------------------------------------
    def _default_market(self, product_id: int, ctx: _Ctx) -> q.Market | None:
        """The market used when the user names none: the first main market (Corabastos first) that priced the
        product in its newest week, else the busiest market that did."""
        week = ctx.vocab.product_week(ctx.conn, product_id)
        if week is None:
            return None
        rows = q.across_markets(ctx.conn, product_id, week)
        priced = {w.market_id for w in rows}
        for name in MAIN_MARKETS.values():
            m = ctx.vocab.market_by_key.get(_fold(name))
            if m is not None and m.id in priced:
                return m
        if not rows:
            return None
        best = max(rows, key=lambda w: (ctx.vocab.market_rows.get(w.market_id, 0), -w.market_id))
        return ctx.vocab.markets[best.market_id]

    def _market_for(self, req: Query, ctx: _Ctx, product: q.Product) -> tuple[q.Market | None, str]:
        """The market to answer for and a note saying how it was chosen."""
        if req.markets:
            mm = req.markets[0]
            if mm.city is None:
                return mm.market, ""
            chosen = self._city_market(mm.city, product.id, ctx, req.period) or mm.market
            city = ctx.vocab.markets[chosen.id].city
            main = ctx.vocab.main_market(mm.city)
            if main is None or main.id == chosen.id:
                return chosen, f"Para {city} usé {chosen.name}, su mercado mayorista principal."
            return chosen, (f"Para {city} usé {chosen.name}: el mercado principal ({main.name}) no tiene precios de "
                            "este producto en ese periodo.")
        market = self._default_market(product.id, ctx)
        if market is None:
            return None, ""
        return market, f"No indicaste mercado: uso {market.name}."

    def _city_market(self, city: str, product_id: int, ctx: _Ctx, period: Period | None = None) -> q.Market | None:
        """The market that stands for a city: its main market if that has the product (in the period asked
        about, or ever); else the city market with the newest price of the product (in the period)."""
        main = ctx.vocab.main_market(city)
        last_day = period.end.isoformat() if period is not None else None
        first_day = period.start.isoformat() if period is not None else ""

        def newest(m: q.Market) -> str | None:
            found = q.latest_price(ctx.conn, product_id, m.id, last_day)
            if found is None or (found.week_start < first_day and found.week_end < first_day):
                return None
            return found.week_start

        if main is not None and newest(main) is not None:
            return main
        best: tuple[str, q.Market] | None = None
        for m in sorted(ctx.vocab.cities.get(city, []), key=lambda m: m.key):
            week = newest(m)
            if week is not None and (best is None or week > best[0]):
                best = (week, m)
        return best[1] if best else main

    # -- price ---------------------------------------------------------------------------------------------------
    def _price(self, req: Query, ctx: _Ctx) -> Answer:
        product = _product(req)
        market, note = self._market_for(req, ctx, product)
        if market is None:
            return self._no_data(req, ctx, product, None)
        row = q.latest_price(ctx.conn, product.id, market.id)
        daily = q.latest_day_price(ctx.conn, product.id, market.id)
        city_daily = None
        if daily is None and req.markets and req.markets[0].city:
            city_row = ctx.vocab.city_rows.get(req.markets[0].city)
            if city_row is not None:
                city_daily = q.latest_day_price(ctx.conn, product.id, city_row.id, city=True)
        newest_daily = daily or city_daily
        if newest_daily is not None and (row is None or newest_daily.day > row.week_end):
            return self._price_daily(req, ctx, product, market, newest_daily, row, note)
        if row is None:
            return self._no_data(req, ctx, product, market)
        lines = [f"{product.name} en {market.name}: {r.price(row.price_mean, product.unit)} (precio medio, "
                 f"{r.week(row.week_start, row.week_end)})."]
        if row.price_min is not None and row.price_max is not None:
            lines.append(f"Mínimo {r.price(row.price_min, product.unit)} · "
                         f"máximo {r.price(row.price_max, product.unit)}.")
        values = [_value("price", row.price_mean, product, market, row.week_start, row.week_end, "precio medio")]
        self._trade_unit(req, product, market, row, lines, values)
        if ctx.vocab.latest and row.week_start < ctx.vocab.latest:
            lines.append(f"Es el dato más reciente de este producto en ese mercado; el espejo llega hasta la "
                         f"semana del {fmt_date(ctx.vocab.latest)}.")
        if note:
            lines.append(note)
        if not req.markets:
            spread = q.across_markets(ctx.conn, product.id, row.week_start)
            if len(spread) >= 2:
                lo, hi = spread[0], spread[-1]
                lines.append(f"Esa semana, en {len(spread)} mercados: desde {r.price(lo.price_mean, product.unit)} "
                             f"({ctx.vocab.markets[lo.market_id].name}) hasta {r.price(hi.price_mean, product.unit)} "
                             f"({ctx.vocab.markets[hi.market_id].name}).")
        return ctx.finish(Answer(intent=Intent.PRICE.value, text="\n".join(lines), values=values,
                                 slots=self._slots(req, product, market, row.week_start, row.week_end)),
                          row.week_start)

    def _price_daily(self, req: Query, ctx: _Ctx, product: q.Product, market: q.Market, daily: q.DayPrice,
                     weekly: q.WeekPrice | None, note: str) -> Answer:
        """The newest price is a daily one (SIPSA's daily market or city series)."""
        where = ctx.vocab.markets[daily.market_id].name
        lines = [f"{product.name} en {where}: {r.price(daily.price_mean, product.unit)} (precio medio del día "
                 f"{fmt_date(daily.day)}, serie diaria de SIPSA)."]
        if daily.price_min is not None and daily.price_max is not None:
            lines.append(f"Mínimo {r.price(daily.price_min, product.unit)} · "
                         f"máximo {r.price(daily.price_max, product.unit)}.")
        values = [_value("price", daily.price_mean, product, ctx.vocab.markets[daily.market_id], daily.day, None,
                         "precio diario")]
        if weekly is not None:
            lines.append(f"Precio semanal en {market.name}, {r.week(weekly.week_start, weekly.week_end)}: "
                         f"{r.price(weekly.price_mean, product.unit)}.")
            values.append(_value("price", weekly.price_mean, product, market, weekly.week_start, weekly.week_end,
                                 "precio semanal"))
        if note:
            lines.append(note)
        return ctx.finish(Answer(intent=Intent.PRICE.value, text="\n".join(lines), values=values,
                                 slots=self._slots(req, product, market, daily.day, daily.day)), daily.day)

    def _price_at(self, req: Query, ctx: _Ctx) -> Answer:
        product = _product(req)
        period = req.period
        assert period is not None
        market, note = self._market_for(req, ctx, product)
        if market is None:
            return self._no_data(req, ctx, product, None)
        start, end = period.start.isoformat(), period.end.isoformat()
        slots = self._slots(req, product, market, start, end, period.kind)
        if period.kind in {"day", "week"}:
            if period.kind == "day":
                row = q.price_on(ctx.conn, product.id, market.id, start)
            else:
                weeks = q.history(ctx.conn, product.id, market.id, start, end)
                row = weeks[0] if weeks else None
            if row is None:
                return self._no_data(req, ctx, product, market, period)
            lines = [f"{product.name} en {market.name}, {r.week(row.week_start, row.week_end)}: "
                     f"{r.price(row.price_mean, product.unit)} (precio medio)."]
            if row.price_min is not None and row.price_max is not None:
                lines.append(f"Mínimo {r.price(row.price_min, product.unit)} · máximo "
                             f"{r.price(row.price_max, product.unit)}.")
            if note:
                lines.append(note)
            values = [_value("price", row.price_mean, product, market, row.week_start, row.week_end, "precio medio")]
            self._trade_unit(req, product, market, row, lines, values)
            return ctx.finish(Answer(intent=Intent.PRICE_AT.value, text="\n".join(lines), values=values, slots=slots),
                              row.week_start)
        agg = q.period_price(ctx.conn, product.id, market.id, start, end)
        if agg is None:
            monthly = q.monthly_period_price(ctx.conn, product.id, market.id, start, end)
            if monthly is None:
                return self._no_data(req, ctx, product, market, period)
            lines = [f"{product.name} en {market.name}, {describe(period)}: {r.price(monthly.mean, product.unit)} "
                     f"en promedio (precios mensuales de SIPSA: {monthly.weeks} mes{'es' if monthly.weeks != 1 else ''}"
                     f", de {_month_words(monthly.first_week)} a {_month_words(monthly.last_week)}; no hay precios "
                     "semanales de ese periodo)."]
            if note:
                lines.append(note)
            values = [_value("price", monthly.mean, product, market, start, end, "promedio mensual")]
            return ctx.finish(Answer(intent=Intent.PRICE_AT.value, text="\n".join(lines), values=values,
                                     slots=slots), monthly.last_week)
        lines = [f"{product.name} en {market.name}, {describe(period)}: {r.price(agg.mean, product.unit)} "
                 f"en promedio ({agg.weeks} semana{'s' if agg.weeks != 1 else ''} con datos, "
                 f"de la del {fmt_date(agg.first_week)} a la del {fmt_date(agg.last_week)})."]
        if agg.weeks > 1:
            lines.append(f"Precio medio semanal entre {r.price(agg.low, product.unit)} y "
                         f"{r.price(agg.high, product.unit)}.")
        if note:
            lines.append(note)
        values = [_value("price", agg.mean, product, market, start, end, "promedio del periodo")]
        return ctx.finish(Answer(intent=Intent.PRICE_AT.value, text="\n".join(lines), values=values, slots=slots),
                          agg.last_week)

    def _history(self, req: Query, ctx: _Ctx) -> Answer:
        product = _product(req)
        market, note = self._market_for(req, ctx, product)
        if market is None:
            return self._no_data(req, ctx, product, None)
        period = req.period
        if period is None or period.kind not in {"window", "range", "since", "month", "quarter", "semester", "year"}:
            last = q.latest_price(ctx.conn, product.id, market.id)
            if last is None:
                return self._no_data(req, ctx, product, market)
            end_day = dt.date.fromisoformat(last.week_start)
            period = Period(end_day - dt.timedelta(weeks=DEFAULT_HISTORY_WEEKS - 1), end_day + dt.timedelta(days=6),
                            "window", f"las últimas {DEFAULT_HISTORY_WEEKS} semanas")
        start, end = period.start.isoformat(), period.end.isoformat()
        rows = q.history(ctx.conn, product.id, market.id, start, end)
        slots = self._slots(req, product, market, start, end, period.kind)
        if not rows:
            return self._no_data(req, ctx, product, market, period)
        if period.grain:
            return self._change_of_means(req, ctx, product, market, period, rows, note)
        first, last = rows[0], rows[-1]
        change = (last.price_mean - first.price_mean) / first.price_mean * 100.0
        lo = min(rows, key=lambda w: (w.price_mean, w.week_start))
        hi = max(rows, key=lambda w: (w.price_mean, w.week_start))
        verb = "subió" if change > 0.05 else "bajó" if change < -0.05 else "se mantuvo"
        lines = [f"{product.name} en {market.name}, {describe(period)} ({len(rows)} semanas con datos):",
                 f"{verb} {r.pct(change)}: de {r.price(first.price_mean, product.unit)} (semana del "
                 f"{fmt_date(first.week_start)}) a {r.price(last.price_mean, product.unit)} (semana del "
                 f"{fmt_date(last.week_start)}).",
                 f"Mínimo {r.price(lo.price_mean, product.unit)} (semana del {fmt_date(lo.week_start)}) · máximo "
                 f"{r.price(hi.price_mean, product.unit)} (semana del {fmt_date(hi.week_start)})."]
        if note:
            lines.append(note)
        unit = r.value_unit(product.unit)
        values = [
            _value("price", first.price_mean, product, market, first.week_start, first.week_end, "inicio"),
            _value("price", last.price_mean, product, market, last.week_start, last.week_end, "final"),
            Value("change_pct", round(change, 2), "%", first.week_start, last.week_end, product.name, market.name,
                  "variación"),
            _value("mean", statistics.fmean(w.price_mean for w in rows), product, market, first.week_start,
                   last.week_end, "promedio del periodo"),
        ]
        lines.append(f"Promedio del periodo: {r.price(values[-1].value, product.unit)}.")
        chart = Chart(title=f"{product.name} – {market.name}", unit=unit,
                      series={market.name: [(w.week_start, w.price_mean) for w in rows]})
        return ctx.finish(Answer(intent=Intent.HISTORY.value, text="\n".join(lines), values=values, slots=slots,
                                 chart=chart), last.week_start)

    def _change_of_means(self, req: Query, ctx: _Ctx, product: q.Product, market: q.Market, period: Period,
                         rows: list[q.WeekPrice], note: str) -> Answer:
        """"Entre junio y septiembre", "de 2023 a 2024": the first month (or year) against the last, each by the
        mean of its weekly prices, as the labelling contract says."""
        unit_of = period.grain
        first_end = unit_end(period.start, unit_of)
        last_start = unit_start(period.end, unit_of)
        a = [w for w in rows if w.week_start <= first_end.isoformat()]
        b = [w for w in rows if w.week_start >= last_start.isoformat()]
        slots = self._slots(req, product, market, period.start.isoformat(), period.end.isoformat(), period.kind)
        if not a or not b:
            return self._no_data(req, ctx, product, market, period)
        mean_a = statistics.fmean(w.price_mean for w in a)
        mean_b = statistics.fmean(w.price_mean for w in b)
        change = (mean_b / mean_a - 1) * 100
        name_a = describe(Period(period.start, first_end, unit_of))
        name_b = describe(Period(last_start, period.end, unit_of))
        verb = "subió" if change > 0.05 else "bajó" if change < -0.05 else "se mantuvo"
        lines = [f"{product.name} en {market.name}: {verb} {r.pct(change)} entre {name_a} y {name_b}.",
                 f"Promedio de {name_a}: {r.price(mean_a, product.unit)} ({len(a)} semanas con datos) · promedio de "
                 f"{name_b}: {r.price(mean_b, product.unit)} ({len(b)} semanas con datos)."]
        first, last = rows[0], rows[-1]
        ends = (last.price_mean / first.price_mean - 1) * 100  # point to point: what a trader's ledger shows
        lines.append(f"De punta a punta: {r.price(first.price_mean, product.unit)} en la semana del "
                     f"{fmt_date(first.week_start)} y {r.price(last.price_mean, product.unit)} en la del "
                     f"{fmt_date(last.week_start)} ({r.pct(ends)}).")
        if note:
            lines.append(note)
        values = [_value("price", mean_a, product, market, period.start.isoformat(), first_end.isoformat(),
                         f"promedio de {name_a}"),
                  _value("price", mean_b, product, market, last_start.isoformat(), period.end.isoformat(),
                         f"promedio de {name_b}"),
                  Value("change_pct", round(change, 2), "%", period.start.isoformat(), period.end.isoformat(),
                        product.name, market.name, "variación de los promedios"),
                  _value("price", first.price_mean, product, market, first.week_start, first.week_end, "inicio"),
                  _value("price", last.price_mean, product, market, last.week_start, last.week_end, "final"),
                  Value("change_pct", round(ends, 2), "%", first.week_start, last.week_end, product.name,
                        market.name, "variación de punta a punta")]
        chart = Chart(title=f"{product.name} – {market.name}", unit=r.value_unit(product.unit),
                      series={market.name: [(w.week_start, w.price_mean) for w in rows]})
        return ctx.finish(Answer(intent=Intent.HISTORY.value, text="\n".join(lines), values=values, slots=slots,
                                 chart=chart), rows[-1].week_start)

    def _compare(self, req: Query, ctx: _Ctx) -> Answer:
        product = _product(req)
        rows: list[tuple[q.Market, q.WeekPrice]] = []
        week = ctx.vocab.product_week(ctx.conn, product.id)
        if week is None:
            return self._no_data(req, ctx, product, None)
        chosen: list[q.Market] = []
        missing: list[q.Market] = []
        if len(req.markets) >= 2:
            for mm in req.markets:
                m = self._city_market(mm.city, product.id, ctx, req.period) if mm.city else mm.market
                if m is not None and m not in chosen:
                    chosen.append(m)
            for m in chosen:
                found = q.latest_price(ctx.conn, product.id, m.id)
                if found is not None:
                    rows.append((m, found))
                else:
                    missing.append(m)
        else:
            ids = None
            if req.markets and req.markets[0].city:
                ids = [m.id for m in ctx.vocab.cities.get(req.markets[0].city, [])]
            rows = [(ctx.vocab.markets[w.market_id], w) for w in q.across_markets(ctx.conn, product.id, week, ids)]
        if not rows:
            return self._no_data(req, ctx, product, None)
        rows.sort(key=lambda mr: (mr[1].price_mean, mr[0].id))
        when = f"semana del {fmt_date(week)}" if len(req.markets) < 2 else "último dato de cada mercado"
        lines = [f"{product.name}, precio medio por mercado ({when}):"]
        shown = rows if len(rows) <= 15 else rows[:7] + rows[-7:]
        for m, w in shown:
            when = "" if w.week_start == week else f" (semana del {fmt_date(w.week_start)})"
            lines.append(f"• {m.name}: {r.price(w.price_mean, product.unit)}{when}")
            if len(rows) > 15 and (m, w) == rows[6]:
                lines.append(f"• … {len(rows) - 14} mercados más …")
        lines += [f"• {m.name}: sin precios de este producto" for m in missing]
        if len(rows) >= 2:
            lo, hi = rows[0], rows[-1]
            gap = (hi[1].price_mean - lo[1].price_mean) / lo[1].price_mean * 100
            lines.append(f"El más caro ({hi[0].name}) cuesta {r.pct(gap)} más que el más barato ({lo[0].name}).")
        values = [_value("price", w.price_mean, product, m, w.week_start, w.week_end, "precio medio") for m, w in rows]
        chart = Chart(title=f"{product.name} por mercado", unit=r.value_unit(product.unit), kind="bar",
                      series={m.name: [(w.week_start, w.price_mean)] for m, w in rows[:20]})
        slots = self._slots(req, product, rows[0][0] if len(rows) == 1 else None, week, None)
        slots["markets"] = [m.name for m, _ in rows]
        return ctx.finish(Answer(intent=Intent.COMPARE.value, text="\n".join(lines), values=values, slots=slots,
                                 chart=chart), max(w.week_start for _, w in rows))

    def _extreme(self, req: Query, ctx: _Ctx) -> Answer:
        product = _product(req)
        cheapest = req.intent is Intent.CHEAPEST
        week = ctx.vocab.product_week(ctx.conn, product.id)
        if req.period is not None and req.period.kind in {"day", "week"}:
            week = q.product_latest_week(ctx.conn, product.id, req.period.end.isoformat())
        if week is None:
            return self._no_data(req, ctx, product, None)
        ids = None
        where = ""
        if req.markets and req.markets[0].city:
            ids = [m.id for m in ctx.vocab.cities.get(req.markets[0].city, [])]
            where = f" en {ctx.vocab.markets[ids[0]].city}" if ids else ""
        rows = q.across_markets(ctx.conn, product.id, week, ids)
        if not rows:
            return self._no_data(req, ctx, product, None)
        ordered = rows if cheapest else list(reversed(rows))
        top = ordered[0]
        market = ctx.vocab.markets[top.market_id]
        word = "más barato" if cheapest else "más caro"
        lines = [f"{product.name}: el mercado {word}{where} en la {r.week(top.week_start, top.week_end)} fue "
                 f"{market.name}, con {r.price(top.price_mean, product.unit)} (precio medio; {len(rows)} mercados "
                 "con datos)."]
        if len(ordered) > 1:
            lines.append("Le siguen: " + "; ".join(
                f"{ctx.vocab.markets[w.market_id].name} {r.price(w.price_mean, product.unit)}" for w in ordered[1:5])
                + ".")
        values = [_value("price", w.price_mean, product, ctx.vocab.markets[w.market_id], w.week_start, w.week_end,
                         word if i == 0 else "") for i, w in enumerate(ordered[:5])]
        return ctx.finish(Answer(intent=req.intent.value, text="\n".join(lines), values=values,
                                 slots=self._slots(req, product, market, week, top.week_end)), week)

    # -- statistics ----------------------------------------------------------------------------------------------
    def _stat(self, req: Query, ctx: _Ctx) -> Answer:
        """An analytical question: the Query carries ids and the period; models.answers.analytics computes it."""
        stat = req.stat
        assert stat is not None
        product = _product(req) if stat in PRODUCT_STATS else None
        market: q.Market | None = None
        note = ""
        if product is not None and stat is not Stat.COUNT_MARKETS:
            market, note = self._market_for(req, ctx, product)
            if market is None:
                return self._no_data(req, ctx, product, None)
        elif product is None:
            if not req.markets:
                return _ask_market(req, ctx.vocab)
            mm = req.markets[0]
            market = (ctx.vocab.main_market(mm.city) if mm.city else None) or mm.market
        # a year-over-year or seasonal answer is about the newest data: the period words ("hace un año") were the
        # comparison itself, not a window to cut the series to
        period = None if stat in _NEWEST_STATS else req.period
        result = analytics.answer(dataclasses.replace(req, period=period), product, market, ctx.conn,
                                  ctx.vocab.products, ctx.vocab.latest)
        if result.missing:
            if product is not None:
                return self._no_data(req, ctx, product, market, period)
            return ctx.finish(Answer(intent=Intent.STAT.value, text=f"No hay precios en {market.name if market else ''}"
                                     " para ese periodo en el espejo."), None)
        lines, values = list(result.lines), list(result.values)
        main = values[0] if values else None
        if product is not None and main is not None and main.kind in {"max", "min", "mean", "median", "price"}:
            self._trade_unit(req, product, market, main, lines, values)
        if note:
            lines.append(note)
        slots = self._slots(req, product, market, period.start.isoformat() if period else None,
                            period.end.isoformat() if period else None, period.kind if period else None)
        slots.update({"stat": stat.value, "group": req.group})
        return ctx.finish(Answer(intent=Intent.STAT.value, text="\n".join(lines), values=values, slots=slots),
                          result.data_date)

    def _trade_unit(self, req: Query, product: q.Product, market: q.Market | None, row: q.WeekPrice | Value,
                    lines: list[str], values: list[Value]) -> None:
        """The price of the trade unit the question named (libra, arroba, bulto, N kilos), from the per-kg price;
        SIPSA's per-unit and per-litre products are never converted to weights."""
        unit = req.unit
        words_unit = re.search(r"\b(canastas?|canastillas?|cajas?|docenas?|toneladas?|cargas?|bultos?|arrobas?"
                               r"|libras?)\b", normalise(req.text))
        if unit is None and words_unit is None:
            return
        if product.unit != "kg":
            asked = unit.name if unit else words_unit.group(1) if words_unit else "kilo"
            lines.append(f"SIPSA publica {product.name} por {product.unit}, no por peso: no lo convierto a {asked}.")
            return
        if unit is None:
            assert words_unit is not None
            lines.append(f"SIPSA publica el precio por kilogramo, no por {words_unit.group(1).rstrip('s')}; "
                         "dime cuántos kilos y te hago la cuenta.")
            return
        kg = unit_kg(unit, product.key)
        if kg is None:
            lines.append(f"SIPSA publica el precio por kilogramo. El peso de un {unit.name} de {product.name} no es "
                         "estándar: dime cuántos kilos trae y te hago la cuenta (por ejemplo, «25 kilos de "
                         f"{product.name.lower()}»).")
            return
        price = row.price_mean if isinstance(row, q.WeekPrice) else row.value
        start = row.week_start if isinstance(row, q.WeekPrice) else row.date
        end = row.week_end if isinstance(row, q.WeekPrice) else row.date_end
        what = unit.label if unit.name != "kilos" else f"{unit.label} de {product.name}"
        lines.append(f"Por {what}: {r.pesos(price * kg)} ({r.kg(kg)} × {r.price(price, 'kg')}). Es una cuenta sobre "
                     "el precio mayorista por kilo; en la plaza el empaque y la calidad cambian el precio.")
        values.append(Value("trade_price", round(price * kg, 2), f"COP/{unit.name}", start, end, product.name,
                            market.name if market else None, unit.label))

    # -- movers --------------------------------------------------------------------------------------------------
    def _movers(self, req: Query, ctx: _Ctx) -> Answer:
        """Biggest rises and falls between two periods (newest week vs the one before by default), in a market or
        nationally, optionally within a food group."""
        latest = ctx.vocab.latest
        if latest is None:
            return ctx.finish(Answer(intent=Intent.MOVERS.value, text="El espejo aún no tiene precios semanales."),
                              None)
        period = req.period
        if period is not None and period.start.isoformat() > latest:
            ctx.notes.append(f"Aún no hay datos de {describe(period)}: uso la semana más reciente.")
            period = None
        sides = _mover_periods(period, latest, lambda day: q.previous_week(ctx.conn, day))
        if sides is None:
            return ctx.finish(Answer(intent=Intent.MOVERS.value, text="Solo hay una semana de datos: no puedo "
                                     "calcular variaciones."), latest)
        (before, after), label = sides
        market = None
        if req.markets:
            mm = req.markets[0]
            market = (ctx.vocab.main_market(mm.city) if mm.city else None) or mm.market
        market_id = market.id if market else None
        moves = ctx.vocab.memo(("movers", before, after, market_id, req.group),
                               lambda: analytics.movers(ctx.conn, before, after, market_id=market_id, group=req.group))
        what = f" de {req.group.lower()}" if req.group else ""
        where = f"en {market.name}" if market else "a nivel nacional (promedio de los mercados con precio en ambos " \
                                                  "periodos)"
        if not moves:
            return ctx.finish(Answer(intent=Intent.MOVERS.value, text=f"No hay precios{what} en los dos periodos "
                                     f"{where}."), after[0])
        ups = [m for m in moves if m.change_pct > 0][:5]
        downs = [m for m in reversed(moves) if m.change_pct < 0][:5]
        lines = [f"Mayores cambios{what} {where}, {label}:"]

        def line(m: analytics.Move) -> str:
            p = ctx.vocab.products[m.product_id]
            return f"• {p.name}: {r.pct(m.change_pct)} ({r.price(m.before, p.unit)} → {r.price(m.after, p.unit)})"

        if ups:
            lines += ["Subieron:"] + [line(m) for m in ups]
        if downs:
            lines += ["Bajaron:"] + [line(m) for m in downs]
        falls_first = bool(re.search(r"\b(baj|cay|caid|descen|abarat|barat)\w*", normalise(req.text)))
        ordered = downs + ups if falls_first else ups + downs
        values = [Value("change_pct", round(m.change_pct, 2), "%", after[0], after[1],
                        ctx.vocab.products[m.product_id].name, market.name if market else None,
                        "sube" if m.change_pct > 0 else "baja") for m in ordered]
        slots: dict[str, Any] = {"market": market.name if market else None, "start": before[0], "end": after[1],
                                 "group": req.group}
        return ctx.finish(Answer(intent=Intent.MOVERS.value, text="\n".join(lines), values=values, slots=slots),
                          after[0])

    # -- supply --------------------------------------------------------------------------------------------------
    def _supply(self, req: Query, ctx: _Ctx) -> Answer:
        market = None
        if req.markets:
            mm = req.markets[0]
            market = ctx.vocab.main_market(mm.city) if mm.city else mm.market
        product = req.product.product if req.product.status == "ok" else None
        slots: dict[str, Any] = {"product": product.name if product else None,
                                 "market": market.name if market else None}
        note = ""
        if product is not None:
            rows = q.product_supply(ctx.conn, product.id, market.id if market else None)
            if rows:
                total = sum(x.tonnes for x in rows)
                month = rows[0].month
                lines = [f"Abastecimiento de {product.name}, {_month_words(month)}: {r.tonnes(total)}"
                         + (f" en {market.name}." if market else f" en {len(rows)} mercados.")]
                if not market:
                    lines += [f"• {ctx.vocab.markets[x.market_id].name}: {r.tonnes(x.tonnes)}" for x in rows[:8]]
                values = [Value("tonnes", round(total, 3), "t", month, None, product.name,
                                market.name if market else None, "total")]
                return ctx.finish(Answer(intent=Intent.SUPPLY.value, text="\n".join(lines), values=values,
                                         slots=slots), month)
            note = (f"No hay abastecimiento mensual de {product.name} en el espejo; "
                    "este es el de los grupos de alimentos.")
        groups = q.group_supply(ctx.conn, market.id if market else None)
        if not groups and market is not None:
            # the bulletins report supply per city ("Bogotá, D.C., Corabastos, Paloquemao, ... y Plaza Samper Mendoza")
            city = _fold(market.city)
            groups = [g for g in q.group_supply(ctx.conn) if _fold(ctx.vocab.markets[g.market_id].city) == city]
        if not groups:
            return ctx.finish(Answer(intent=Intent.SUPPLY.value, slots=slots, text=(
                (note + "\n" if note else "") + "El espejo no tiene datos de abastecimiento semanal por grupo"
                + (f" para {market.name}" if market else "") + ". Se cargan con los boletines semanales de DANE.")),
                None)
        totals: dict[str, float] = {}
        for g in groups:
            totals[g.group] = totals.get(g.group, 0.0) + g.tonnes
        parts = {k: v for k, v in totals.items() if _fold(k) != "total"}
        total = totals.get("Total") or sum(parts.values())
        first = groups[0]
        reported = {g.market_id for g in groups}
        where = ctx.vocab.markets[first.market_id].name if len(reported) == 1 else f"{len(reported)} mercados"
        lines = [f"Abastecimiento en {where}, {r.week(first.week_start, first.week_end)}: {r.tonnes(total)}."]
        lines += [f"• {k}: {r.tonnes(v)}" for k, v in sorted(parts.items(), key=lambda kv: -kv[1])]
        if note:
            lines.insert(0, note)
            group = next((k for k in parts if product and product.group and (
                _fold(product.group).startswith(_fold(k)) or _fold(k).startswith(_fold(product.group)))),
                "Otros grupos" if "Otros grupos" in parts else None)
            if group and product is not None:
                lines.append(f"{product.name} está en el grupo «{group}»: {r.tonnes(parts[group])}.")
        market_name = ctx.vocab.markets[first.market_id].name if len(reported) == 1 else None
        slots["market"] = market_name or slots["market"]
        values = [Value("tonnes", round(v, 3), "t", first.week_start, first.week_end, None, market_name, k)
                  for k, v in parts.items()]
        values.append(Value("tonnes", round(total, 3), "t", first.week_start, first.week_end, None, market_name,
                            "total"))
        return ctx.finish(Answer(intent=Intent.SUPPLY.value, text="\n".join(lines), values=values, slots=slots),
                          first.week_start)

    def _origins(self, req: Query, ctx: _Ctx) -> Answer:
        market = None
        if req.markets:
            mm = req.markets[0]
            market = ctx.vocab.main_market(mm.city) if mm.city else mm.market
        product = req.product.product if req.product.status == "ok" else None
        if req.product.status == "ambiguous" and product is None:
            problem = self._product_problem(req, ctx)
            if problem is not None:
                return problem
        slots: dict[str, Any] = {"product": product.name if product else None,
                                 "market": market.name if market else None}
        first, last, total, depts, munis = q.origins(ctx.conn, product.id if product else None,
                                                     market.id if market else None)
        what = product.name if product else "los alimentos"
        where = f" a {market.name}" if market else ""
        if not depts or first is None or last is None:
            return ctx.finish(Answer(intent=Intent.SUPPLY_ORIGIN.value, slots=slots, text=(
                f"El espejo no tiene microdatos de abastecimiento por origen para {what}{where}. "
                "Se cargan desde el catálogo 697 de ANDA (DANE).")), None)
        slots.update({"start": first, "end": last})
        lines = [f"¿De dónde llega {what}{where}? Del {fmt_date(first)} al {fmt_date(last)}: "
                 f"{r.tonnes(total / 1000)} en total.", "Departamentos:"]
        lines += [f"• {d.dept}: {r.tonnes(d.kg / 1000)} ({d.share_pct:.1f}%)".replace(".", ",", 1) for d in depts]
        lines.append("Municipios:")
        lines += [f"• {m.muni} ({m.dept}): {r.tonnes(m.kg / 1000)} ({m.share_pct:.1f}%)".replace(".", ",", 1)
                  for m in munis]
        values = [Value("share_pct", round(d.share_pct, 2), "%", first, last, product.name if product else None,
                        market.name if market else None, d.dept) for d in depts]
        return ctx.finish(Answer(intent=Intent.SUPPLY_ORIGIN.value, text="\n".join(lines), values=values,
                                 slots=slots), last)

    def _inputs(self, req: Query, ctx: _Ctx) -> Answer:
        known = q.inputs(ctx.conn)
        if not known:
            return ctx.finish(Answer(intent=Intent.INPUTS.value, text=(
                "El espejo no tiene precios de insumos agropecuarios todavía (se cargan con la operación "
                "consultarInsumosSipsaMesMadr de DANE).")), None)
        asked = {singular(w) for w in words(normalise(req.text))} - {"precio", "insumo", "de", "del", "el", "la"}
        scored = []
        for input_id, name, key in known:
            overlap = len(asked & {singular(w) for w in key.split()})
            if overlap:
                scored.append((overlap, -len(key), input_id, name))
        if not scored:
            sample = ", ".join(name for _, name, _ in known[:8])
            return ctx.finish(Answer(intent=Intent.INPUTS.value, text=(
                f"¿Qué insumo? Tengo {len(known)}, por ejemplo: {sample}.")), None)
        scored.sort(reverse=True)
        input_id, name = scored[0][2], scored[0][3]
        rows = q.input_prices(ctx.conn, input_id)
        if not rows:
            return ctx.finish(Answer(intent=Intent.INPUTS.value, text=f"No hay precios recientes de {name}."), None)
        month = rows[0].month
        lines = [f"{name}, {_month_words(month)} (precio promedio por municipio, de menor a mayor):"]
        lines += [f"• {x.muni} ({x.dept}): {r.pesos(x.price)}" for x in rows]
        values = [Value("price", x.price, "COP", x.month, None, x.name, x.muni, x.dept) for x in rows]
        return ctx.finish(Answer(intent=Intent.INPUTS.value, text="\n".join(lines), values=values,
                                 slots={"input": name, "start": month}), month)

    def _market_coverage(self, found: MarketMatch, ctx: _Ctx) -> Answer:
        """'¿Tienen datos de Bazurto?': the products and weeks the mirror holds for that one market."""
        market = found.market
        cov = ctx.vocab.memo(("market_coverage", market.id), lambda: q.market_coverage(ctx.conn, market.id))
        where = f"{market.name}" + (f" (el mercado que uso para {market.city})" if found.city else "")
        if not cov.last or not cov.first:
            return Answer(intent=Intent.COVERAGE.value, slots={"market": market.name}, text=(
                f"No tengo precios semanales de {where} en el espejo de SIPSA. "
                "Escribe «qué mercados tienes» para ver los que sí tengo."))
        lines = [f"Sí: de {where} tengo precios semanales de {cov.products} productos, de la semana del "
                 f"{fmt_date(cov.first)} a la del {fmt_date(cov.last)} ({cov.current} productos con precio esa "
                 "última semana).",
                 f"Pregunta por un producto, por ejemplo: «precio de la papa en {market.city or market.name}»."]
        return ctx.finish(Answer(intent=Intent.COVERAGE.value, text="\n".join(lines),
                                 slots={"market": market.name, "start": cov.first, "end": cov.last}), cov.last)

    def _coverage(self, ctx: _Ctx) -> Answer:
        cov = ctx.vocab.memo(("coverage",), lambda: q.coverage(ctx.conn))
        lines = ["Esto es lo que tiene el espejo de SIPSA:"]
        if cov.weekly_last:
            lines.append(f"• Precios semanales por mercado: del {fmt_date(cov.weekly_first or cov.weekly_last)} a la "
                         f"semana del {fmt_date(cov.weekly_last)}; esa semana, {cov.products} productos en "
                         f"{cov.markets} mercados.")
        for table, (has_rows, first, last) in cov.tables.items():
            if table == "weekly_prices" or not has_rows:
                continue
            label = next((d.label for d in status.DATASETS.values() if d.table == table), table)
            lines.append(f"• {label[:1].upper() + label[1:]}: del {fmt_date(first[:10])} al {fmt_date(last[:10])}."
                         if first and last and len(first) >= 10 else f"• {label}: {first} a {last}.")
        if len(lines) == 1:
            lines.append("• Todavía no hay datos cargados.")
        markets = sorted({ctx.vocab.markets[m].city for m in ctx.vocab.market_rows})
        if markets:
            lines.append("Ciudades con precios la última semana: " + ", ".join(markets) + ".")
        lines.append("Escribe el nombre de un producto para ver su precio, o «ayuda» para ver ejemplos.")
        return ctx.finish(Answer(intent=Intent.COVERAGE.value, text="\n".join(lines),
                                 slots={"start": cov.weekly_first, "end": cov.weekly_last}), cov.weekly_last)

    # -- forecast & alert ----------------------------------------------------------------------------------------
    def _forecast(self, req: Query, ctx: _Ctx) -> Answer:
        product = _product(req)
        market, note = self._market_for(req, ctx, product)
        freq = req.freq or "W"
        limits = {"W": 12, "M": 6, "D": 30}
        horizon = min(req.horizon or {"W": 4, "M": 3, "D": 7}[freq], limits[freq])
        unit = {"W": "semana", "M": "mes", "D": "día"}[freq]
        plural = {"W": "semanas", "M": "meses", "D": "días"}[freq]
        slots = self._slots(req, product, market)
        slots.update({"freq": freq, "horizon": horizon})
        where = f" en {market.name}" if market else ""
        text = (f"Pronóstico pedido: {product.name}{where}, {horizon} {unit if horizon == 1 else plural} "
                f"hacia adelante (frecuencia {'semanal' if freq == 'W' else 'mensual' if freq == 'M' else 'diaria'}).")
        if note:
            text += "\n" + note
        return Answer(intent=Intent.FORECAST.value, text=text, slots=slots, demo=ctx.demo)

    def _alert(self, req: Query, ctx: _Ctx) -> Answer:
        product = _product(req)
        market, note = self._market_for(req, ctx, product)
        slots = self._slots(req, product, market)
        rule = req.rule or ("threshold" if req.threshold is not None else "change" if req.change_pct else "new_data")
        slots.update({"rule": rule, "threshold": req.threshold, "direction": req.direction,
                      "change_pct": req.change_pct})
        where = f" en {market.name}" if market else ""
        if rule == "threshold" and req.threshold is not None:
            direction = req.direction if req.direction in {"above", "below"} else "below"
            slots["direction"] = direction
            words_ = "baje a" if direction == "below" else "suba a"
            text = f"Alerta: te aviso cuando {product.name}{where} {words_} {r.price(req.threshold, product.unit)} o " \
                   f"{'menos' if direction == 'below' else 'más'}."
        elif rule == "change" and req.change_pct is not None:
            direction = req.direction if req.direction in {"up", "down", "either"} else "either"
            slots["direction"] = direction
            verb = {"up": "suba", "down": "baje", "either": "cambie"}[direction]
            text = (f"Alerta: te aviso cuando {product.name}{where} {verb} al menos "
                    f"{r.pct(req.change_pct).lstrip('+')} frente al periodo anterior.")
        else:
            slots["rule"] = "new_data"
            text = f"Alerta: te aviso cuando DANE publique datos nuevos de {product.name}{where}."
        if note:
            text += "\n" + note
        return Answer(intent=Intent.ALERT.value, text=text, slots=slots, demo=ctx.demo)

    # -- helpers -------------------------------------------------------------------------------------------------
    def _no_data(self, req: Query, ctx: _Ctx, product: q.Product, market: q.Market | None,
                 period: Period | None = None) -> Answer:
        slots = self._slots(req, product, market, period.start.isoformat() if period else None,
                            period.end.isoformat() if period else None)
        where = f" en {market.name}" if market else ""
        when = f" para {describe(period)}" if period else ""
        lines = [f"No hay precios de {product.name}{where}{when} en el espejo."]
        choices: list[Choice] = []
        values: list[Value] = []
        if market is not None:
            before = period.end.isoformat() if period is not None else None
            last = q.latest_price(ctx.conn, product.id, market.id, before) or q.latest_price(
                ctx.conn, product.id, market.id)
            if last is not None:
                lines.append(f"El dato más cercano{where} es de la {r.week(last.week_start, last.week_end)}: "
                             f"{r.price(last.price_mean, product.unit)}.")
                values.append(_value("price", last.price_mean, product, market, last.week_start, last.week_end,
                                     "dato más cercano"))
                choices.append(Choice("Último dato", _question(Query(Intent.PRICE, req.product), product.name,
                                                                market.name)))
            if last is None and ctx.vocab.latest:
                head = product.key.split()[0]
                mine = set(product.key.split())
                kin = sorted((ctx.vocab.products[pid] for pid in q.products_in_market(ctx.conn, market.id,
                                                                                      ctx.vocab.latest)
                              if pid != product.id and ctx.vocab.products[pid].key.split()[0] == head),
                             key=lambda p: (-len(mine & set(p.key.split())), p.key))[:4]
                if kin:
                    lines.append(f"En {market.name} sí hay: " + ", ".join(p.name for p in kin) + ".")
                    choices += [Choice(p.name, _question(req, p.name, market.name)) for p in kin]
            week = ctx.vocab.product_week(ctx.conn, product.id)
            if week is not None and last is None:
                others = q.across_markets(ctx.conn, product.id, week,
                                          [m.id for m in ctx.vocab.cities.get(_fold(market.city), [])])
                for w in others[:4]:
                    other = ctx.vocab.markets[w.market_id]
                    choices.append(Choice(other.name, _question(req, product.name, other.name)))
                if others:
                    lines.append("Sí hay en otros mercados de la misma ciudad: "
                                 + ", ".join(ctx.vocab.markets[w.market_id].name for w in others[:4]) + ".")
                elif not choices:
                    elsewhere = sorted(q.across_markets(ctx.conn, product.id, week),
                                       key=lambda w: (-ctx.vocab.market_rows.get(w.market_id, 0), w.market_id))[:4]
                    for w in elsewhere:
                        other = ctx.vocab.markets[w.market_id]
                        choices.append(Choice(other.name, _question(req, product.name, other.name)))
                    if elsewhere:
                        lines.append(f"{product.name} sí tiene precios en otros mercados, por ejemplo: "
                                     + ", ".join(c.label for c in choices) + ".")
        answer = Answer(intent=req.intent.value, text="\n".join(lines), slots=slots, clarify=choices, values=values)
        return ctx.finish(answer, None)

    def _slots(self, req: Query, product: q.Product | None, market: q.Market | None, start: str | None = None,
               end: str | None = None, kind: str | None = None) -> dict[str, Any]:
        city = req.markets[0].city if req.markets and req.markets[0].city else None
        if product is None and req.product.status == "ambiguous":
            product_text: str | None = None  # the clarification carries the candidates
        elif product is None and req.product.status != "none":
            product_text = req.product.product.name if req.product.product else (
                req.product.text or (" ".join(req.unknown) if req.unknown else None))
        else:
            product_text = product.name if product else None
        if city is not None:
            city = market.city if market is not None else next(
                (m.city for m in self._city_markets(city)), city)
        return {"product": product_text, "market": market.name if market else None,
                "city": city, "start": start, "end": end, "period_kind": kind,
                "unit": req.unit.label if req.unit else None}  # the label reads back ("el bulto (50 kg)")

    def _city_markets(self, city: str) -> list[q.Market]:
        conn = self.reader()
        return vocabulary(conn).cities.get(city, [])


@dataclass
class _Ctx:
    conn: sqlite3.Connection
    vocab: Vocabulary
    today: dt.date
    demo: bool
    notes: list[str] = field(default_factory=list)

    def finish(self, answer: Answer, data_date: str | None) -> Answer:
        """Append the data date notes, staleness, demo mark and the source line."""
        if self.notes:
            answer.text += "\n" + "\n".join(self.notes)
        answer.data_date = data_date
        answer.demo = self.demo
        note = r.staleness(self.vocab.latest, self.today, latest_day=self.vocab.latest_day)
        answer.stale = note is not None
        answer.text = answer.text + "\n\n" + r.footer(data_date, self.today, self.vocab.latest, self.demo,
                                                       self.vocab.latest_day)
        return answer


def _product(req: Query) -> q.Product:
    assert req.product.product is not None
    return req.product.product


def _value(kind: str, value: float, product: q.Product, market: q.Market | None, start: str, end: str | None,
           label: str) -> Value:
    return Value(kind, float(value), r.value_unit(product.unit), start, end, product.name,
                 market.name if market else None, label)


def _market_name(req: Query) -> str | None:
    if not req.markets:
        return None
    mm = req.markets[0]
    return mm.market.city if mm.city else mm.market.name


def _question(req: Query, product: str, market: str | None) -> str:
    """A full question the router answers, used as the text behind a clarification button."""
    where = f" en {market}" if market else ""
    period = ""
    if req.period is not None:
        period = f" entre el {fmt_date(req.period.start)} y el {fmt_date(req.period.end)}"
    intent = req.intent
    if intent is Intent.HISTORY:
        return f"historial de {product}{where}{period}"
    if intent is Intent.CHEAPEST:
        return f"dónde está más barato {product}{where}"
    if intent is Intent.PRICIEST:
        return f"dónde está más caro {product}{where}"
    if intent is Intent.COMPARE:
        return f"compara {product} en todos los mercados"
    if intent is Intent.FORECAST:
        return f"pronóstico de {product}{where}"
    if intent is Intent.ALERT and req.threshold is not None:
        verb = "suba de" if req.direction == "above" else "baje de"
        return f"avísame si {product}{where} {verb} {round(req.threshold)}"
    if intent is Intent.SUPPLY_ORIGIN:
        return f"de dónde viene {product}{where}"
    return f"precio de {product}{where}{period}"


# words that name a time the question is about; when the period rules did not read one of them, the question
# asks back instead of answering for another period
_DATE_WORDS = frozenset({name for name in MONTHS if len(name) >= 4} | {"quincena", "bimestre", "cuatrimestre"})


def _ask_period(req: Query, dated: list[str], anchor: dt.date) -> Answer:
    """A clarification when the question names a time ("febrero", "quincena") the rules could not place; a month
    is offered in the latest years with data (`anchor`: the newest data date)."""
    month = next((w for w in dated if w in MONTHS), None)
    choices: list[Choice] = []
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
    return Answer(intent=req.intent.value, text=f"No entendí la fecha («{' '.join(dated)}»). {ask}", clarify=choices,
                  slots={"product": what, "market": None, "city": None, "start": None, "end": None,
                         "period_kind": None})


# unread words that change what is asked: a statistic, a unit, a time or a comparison the rules did not place
_CHANGES_QUESTION = re.compile(
    r"alt[oa]s?|baj[oa]s?|maxim[oa]s?|minim[oa]s?|promedio|media|mediana|pico|record|tope|epoca|temporada|cosecha"
    r"|quincena|trimestre|semestre|car[oa]s?|barat[oa]s?|costos[oa]s?|subio|subido|bajado|aumento|variacion"
    r"|diferencia|comparad[oa]s?|comparar|frente|respecto|libras?|arrobas?|bultos?|canastas?|canastillas?|cajas?"
    r"|docenas?|cargas?|toneladas?|gramos|kilos|ultim[oa]|historic[oa]|historia|tendencia|inflacion|porcentaje"
    r"|cuant[oa]s|mayor|menor|interanual|anual|mensual|semanal")
_PRODUCTION = re.compile(r"\b(area (sembrada|cultivada|cosechada)|hectareas|sembrad[oa]s|cultivad[oa]s|produccion"
                         r"|se produjo|se produce|rendimiento|toneladas por hectarea|cosecharon|cuanto se cosecha)\b")
_RETAIL = re.compile(r"\b(en (el |la |los |las |un |una )?(d1|ara|exito|olimpica|carulla|jumbo|makro|metro|tiendas? d1"
                     r"|supermercados?|super|tiendas?|tiendita|almacen(es)?|minimercados?|fruver|tienda de barrio"
                     r"|droguerias?|panaderias?|cadenas?|grandes superficies)|al detal|al por menor|al menudeo"
                     r"|precio al (publico|consumidor)|precios? de (la )?tienda|consumidor final)\b")


def _ask_comparison(req: Query) -> Answer:
    """A comparison with one market named and nothing to compare it with: offer the comparisons the rules answer."""
    product = req.product.product
    assert product is not None
    market = req.markets[0].market.name
    options = [("Con otros mercados", f"compara {product.name} en todos los mercados"),
               ("Con hace un año", f"¿{product.name} en {market} está más cara que hace un año?"),
               ("Últimas 12 semanas", f"cómo ha variado {product.name} en {market} en las últimas 12 semanas"),
               ("¿Cara para la época?", f"¿está cara {product.name} en {market} para la época?")]
    return Answer(intent=req.intent.value, text=f"¿Con qué comparo {product.name} en {market}? Por ejemplo:",
                  clarify=[Choice(label, text) for label, text in options],
                  slots={"product": product.name, "market": market, "city": None, "start": None, "end": None,
                         "period_kind": None})


def _ask_unread(req: Query, unread: list[str]) -> Answer:
    """Words that would change the question were not understood: ask with concrete questions the rules read."""
    product = req.product.product
    assert product is not None
    where = f" en {req.markets[0].market.name}" if req.markets else ""
    options = [("Precio actual", f"precio de {product.name}{where}"),
               ("Precio más alto del año", f"precio más alto de {product.name}{where} este año"),
               ("Promedio del año", f"precio promedio de {product.name}{where} este año"),
               ("Cómo ha variado", f"cómo ha variado {product.name}{where} en las últimas 12 semanas"),
               ("¿Más cara que hace un año?", f"¿{product.name}{where} está más cara que hace un año?")]
    return Answer(intent=req.intent.value, text=f"No entendí «{' '.join(unread)}» en tu pregunta sobre "
                  f"{product.name}, y no quiero darte la cifra de otra pregunta. ¿Qué quieres saber? Por ejemplo:",
                  clarify=[Choice(label, text) for label, text in options],
                  slots={"product": product.name, "market": req.markets[0].market.name if req.markets else None,
                         "city": None, "start": None, "end": None, "period_kind": None})


_NEWEST_STATS = frozenset({Stat.YOY, Stat.SEASON_LOW, Stat.SEASON_HIGH, Stat.SEASON_POSITION})


def _mover_periods(period: Period | None, latest: str, previous_week: Callable[[str], str | None]
                   ) -> tuple[tuple[tuple[str, str], tuple[str, str]], str] | None:
    """The two sides of a movers question and how to say them: a month against the month before, a year against
    the year before, a range against the range of the same length just before it; otherwise a week (the newest,
    or the one asked) against the previous week with data."""
    if period is not None and period.kind == "range" and period.grain:
        # "octubre frente a septiembre", "el tercer trimestre frente al segundo": the first unit against the last
        first_end = unit_end(period.start, period.grain)
        last_start = unit_start(period.end, period.grain)
        before_side = (period.start.isoformat(), first_end.isoformat())
        after_side = (last_start.isoformat(), period.end.isoformat())
        label = (f"{describe(Period(last_start, period.end, period.grain))} frente a "
                 f"{describe(Period(period.start, first_end, period.grain))}")
        return (before_side, after_side), label
    if period is not None and period.kind in {"month", "quarter", "semester", "year", "range", "window"}:
        if period.kind == "year":
            before = (period.start.replace(year=period.start.year - 1), period.end.replace(year=period.end.year - 1))
        elif period.kind in {"month", "quarter", "semester"}:
            months = (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
            first = period.start
            for _ in range(months):
                first = (first - dt.timedelta(days=1)).replace(day=1)
            before = (first, period.start - dt.timedelta(days=1))
        else:
            length = period.end - period.start
            before = (period.start - length - dt.timedelta(days=1), period.start - dt.timedelta(days=1))
        after = (period.start.isoformat(), period.end.isoformat())
        label = f"{describe(period)} frente a {describe(Period(before[0], before[1], period.kind))}"
        return ((before[0].isoformat(), before[1].isoformat()), after), label
    week = latest
    if period is not None:
        week = (previous_week((period.end + dt.timedelta(days=1)).isoformat()) or latest)
    prev = previous_week(week)
    if prev is None:
        return None
    return ((prev, prev), (week, week)), f"semana del {fmt_date(week)} frente a la del {fmt_date(prev)}"


def _ask_market(req: Query, vocab: Vocabulary) -> Answer:
    """Rankings and product counts are about one market: ask which, offering the main wholesale markets."""
    names = [name for name in MAIN_MARKETS.values() if _fold(name) in vocab.market_by_key][:6]
    choices = [Choice(name, f"{req.text} en {name}") for name in names]
    return Answer(intent=Intent.STAT.value, text="¿En qué mercado? Por ejemplo: " + ", ".join(names) + ".",
                  clarify=choices, slots={"stat": req.stat.value if req.stat else None, "group": req.group})


def _variety_of(previous: str, p: Query, vocab: Vocabulary) -> ProductMatch | None:
    """"¿y la roja?" after "cebolla cabezona blanca": the variety word swapped within the previous product's family
    (the family words of the previous name put before the question's words); None when no word names a variety."""
    if not p.unknown:
        return None
    known = vocab.resolve_product_name(previous)
    if known.status != "ok" or known.product is None:
        return None
    name = [singular(w) for w in words(_fold(known.product.name)) if w not in PRODUCT_STOPWORDS]
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


def _fold(text: str) -> str:
    from data.text import fold

    return fold(text)


def _neg(key: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in key)


def _month_words(month: str) -> str:
    from models.dates import MONTH_NAMES

    try:
        day = dt.date.fromisoformat(month[:10] if len(month) >= 10 else month[:7] + "-01")
    except ValueError:
        return month
    return f"{MONTH_NAMES[day.month]} de {day.year}"
