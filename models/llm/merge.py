"""How the router combines its rule parse with the LLM's intent object (the LLM only fills gaps).

The LLM is consulted only when the rules are unsure, and a small model is often wrong; so its output never
overrides what the rules found with confidence:

* Confident rule findings are the intent when an intent keyword was seen, a product the rules resolved, the
  markets and the period they found. If the LLM contradicts any of them, it misread the question: its whole
  output is dropped and the rule answer stands (`Merge.conflicts` says why).
* Otherwise the LLM fills only what the rules left empty (intent without a keyword, product, markets, period,
  forecast and alert slots). Small talk from the LLM never replaces a product or market the rules resolved, and
  a data intent with no product anywhere is not taken.
* A product the LLM names is resolved against the vocabulary like any other input and must be consistent with
  the user's own words: if a word the user wrote right next to it explains nothing ("kiwi dorado importado"
  while the LLM said "kiwi"), or none of the user's words belong to that product's names, the router asks
  "¿Te refieres a …?" instead of answering for a possibly different product.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from data import queries as q
from models.answers.problems import CHANGES_QUESTION
from models.dates import Period
from models.lang import distance, max_typos, normalise, singular, words
from models.llm.guard import STAT_CUES, WORD_SIMILARITY
from models.query import Query
from models.resolve import ProductMatch, Vocabulary
from models.slots import DATA_INTENTS, SMALL_TALK, Intent, Stat, clean_slots, parse_intent
from models.understanding.stats import read_units

_SAME_INTENT = {Intent.PRICE_AT: Intent.PRICE}  # "price at a date" is the price intent with a period
_FILLED = ("horizon", "freq", "threshold", "direction", "change_pct", "rule")


@dataclass
class Merge:
    parsed: Query  # the rule parse, with the gaps the LLM filled (unchanged when it filled none)
    used: list[str] = field(default_factory=list)  # slots taken from the LLM
    conflicts: list[str] = field(default_factory=list)  # what the LLM said against confident rule findings
    read: list[str] = field(default_factory=list)  # what the model read, in Spanish, for the answer to say


_INTENT_WORDS = {  # how the answer names a question kind the model read
    Intent.PRICE: "precio", Intent.PRICE_AT: "precio en una fecha", Intent.HISTORY: "evolución del precio",
    Intent.COMPARE: "comparación", Intent.CHEAPEST: "dónde es más barato", Intent.PRICIEST: "dónde es más caro",
    Intent.MOVERS: "mayores cambios", Intent.SUPPLY: "abastecimiento", Intent.SUPPLY_ORIGIN: "origen",
    Intent.INPUTS: "insumos", Intent.COVERAGE: "qué hay en la base", Intent.STAT: "estadística",
    Intent.FORECAST: "pronóstico", Intent.ALERT: "alerta",
}


STAT_WORDS = {  # how the answer names a statistic the model read
    "max": "precio más alto", "min": "precio más bajo", "median": "precio promedio", "yoy": "cambio en un año",
    "season_low": "mes más barato", "season_high": "mes más caro", "season_position": "precio para la época",
    "rank_high": "los más caros", "rank_low": "los más baratos", "count_markets": "cuántos mercados",
    "count_products": "cuántos productos",
}


def _said(p: Query, positions: set[int]) -> str:
    """The user's own words at `positions`, in their order (what the answer quotes)."""
    raw = words(p.norm)
    return " ".join(raw[i] for i in sorted(positions) if 0 <= i < len(raw))


def merge(p: Query, raw: dict[str, Any] | None, vocab: Vocabulary, unread: list[str] | None = None) -> Merge:
    """The rule parse `p` completed by the LLM's intent object `raw` under the policy above.

    `unread`: the words the rules asked back about. A question kind the model reads in one of them ("por las
    nubes" = the maximum, "se ha disparado" = the change) replaces the kind the rules guessed from "cuánto"; any
    other disagreement still drops the model's output."""
    intent = parse_intent(raw.get("intent")) if isinstance(raw, dict) else None
    if intent is None or raw is None:
        return Merge(p)
    slots = clean_slots(raw)
    cues = _kind_read(intent, slots, unread or [])
    conflicts = _conflicts(p, intent, slots, vocab, kind_read=bool(cues))
    if conflicts:
        return Merge(p, conflicts=conflicts)
    out = dataclasses.replace(p, markets=list(p.markets), unknown=list(p.unknown))
    used: list[str] = []
    read: list[str] = []
    explained: set[int] = set()
    if cues and intent is not p.intent:
        out.intent, out.keyword = intent, True
        out.unknown = [w for w in out.unknown if w not in cues]
        used.append("intent")
        read.append(f"«{' '.join(cues)}» = {_kind_words(intent, slots)}")
    if slots.get("product") and p.product.status != "ok":
        product, positions = _llm_product(p, str(slots["product"]), vocab)
        if product is not None:
            out.product = product
            explained |= positions
            used.append("product")
            if product.status == "ok" and product.product is not None and positions:
                read.append(f"«{_said(p, positions)}» = {product.product.name}")
    if not p.markets and not p.all_markets:
        names = slots.get("markets") or ([slots["market"]] if slots.get("market") else [])
        for name in names:
            found = vocab.resolve_market_name(str(name))
            said = _positions(p, [singular(w) for w in words(normalise(str(name)))])
            if found is not None and said and all(m.market.id != found.market.id for m in out.markets):
                out.markets.append(found)  # only a place the user named
                explained |= said
                read.append(f"«{_said(p, said)}» = {found.market.city if found.city else found.market.name}")
        if out.markets:
            used.append("markets")
    if p.period is None and (slots.get("start") or slots.get("end")):
        period = _period(slots.get("start") or slots["end"], slots.get("end") or slots["start"])
        if period is not None:
            out.period = period
            used.append("period")
            read.append(f"periodo {period.start:%d/%m/%Y}" + (f"–{period.end:%d/%m/%Y}" if period.end != period.start
                                                               else ""))
    for name in _FILLED:
        if getattr(p, name) is None and slots.get(name) is not None:
            setattr(out, name, slots[name])
            used.append(name)
    # the statistic, food group and trade unit of an analytical question the rules did not read (the model's words
    # are checked like any others: a unit must be one the user wrote)
    if p.stat is None and slots.get("stat") and intent is Intent.STAT \
            and (p.intent in {Intent.PRICE, Intent.PRICE_AT, Intent.HISTORY, Intent.STAT} or cues):
        out.stat, out.intent = Stat(slots["stat"]), Intent.STAT  # a price reading becomes the statistic asked
        used.append("stat")
        # the statistic words the rules could not read are the ones the model read ("techo"): explained now
        out.unknown = [w for w in out.unknown if not CHANGES_QUESTION.fullmatch(w)]
    if p.group is None and slots.get("group"):
        out.group = str(slots["group"])
        used.append("group")
    if p.unit is None and slots.get("unit") and str(slots["unit"]) in p.norm:
        out.unit = read_units(str(slots["unit"]))[0]
        used.append("unit")
    if not p.keyword and intent is not p.intent:
        if intent in DATA_INTENTS and out.product.status == "none":
            return Merge(p, conflicts=[f"intent {intent.value} without a product"])
        out.intent, out.keyword = intent, True
        used.append("intent")
        if intent in _INTENT_WORDS:
            read.insert(0, f"pregunta de {_INTENT_WORDS[intent]}")
    if out.intent is Intent.PRICE and out.period is not None:
        out.intent = Intent.PRICE_AT
    if explained:
        tokens = words(p.norm)
        out.unknown = [w for w in p.unknown if not any(tokens[i] == w for i in explained)]
    out.llm_read = read
    return Merge(out, used=used, read=read) if used else Merge(p)


CLOSE_PRODUCTS = 3  # products shown to the model when the rules would ask which one (as many as they offer)


def close_products(p: Query, vocab: Vocabulary) -> tuple[str, ...]:
    """The products the rules would offer in "¿Te refieres a…?" / "¿Quisiste decir…?", to show the model: a
    misspelling or another way of naming one of them is the model's to recognise ("guevos rojos", "pitaya").
    Empty when the rules are not asking about the product, and when a family word alone is ambiguous ("papa" in a
    market with several kinds priced): that question has no answer in the user's words, only in theirs."""
    match = p.product
    if p.intent not in DATA_INTENTS or match.status == "ok":
        return ()
    if match.status == "ambiguous" and (p.unknown or len(match.candidates) == 1):
        return tuple(c.name for c in match.candidates[:CLOSE_PRODUCTS])
    if match.status == "none" and not p.followup:
        return tuple(c.name for c in vocab.suggest_products(p.tokens, limit=CLOSE_PRODUCTS))
    return ()


def _period(start: str, end: str) -> Period | None:
    try:
        first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    except ValueError:  # "2024-13-45": any callable may be plugged in, not only the guarded parser
        return None
    return Period(first, last, "day" if first == last else "range", "") if first <= last else None


# the words that ask for a change, as the model's history reading must find them among the rules' unread words
_CHANGE_CUE = r"(?:subi|baj|cambi|vari|aument|cay|dif|porcent|encarec|abarat|desplom)"


def _kind_read(intent: Intent, slots: dict[str, Any], unread: list[str]) -> list[str]:
    """The rules' unread words in which the model's question kind is asked: a statistic's own cue, or a change
    word for a history reading. Empty when the model's kind is not in those words (it guessed)."""
    if intent is Intent.STAT and slots.get("stat") in STAT_CUES:
        cue = f"(?:{STAT_CUES[str(slots['stat'])]})"
    elif intent is Intent.HISTORY:
        cue = _CHANGE_CUE
    else:
        return []
    return [w for w in unread if re.match(cue, w)]  # at the word's start: "baj" is not in "trabajo"


def _kind_words(intent: Intent, slots: dict[str, Any]) -> str:
    if intent is Intent.STAT and slots.get("stat"):
        return STAT_WORDS.get(str(slots["stat"]), _INTENT_WORDS[intent])
    return _INTENT_WORDS.get(intent, intent.value)


def _conflicts(p: Query, intent: Intent, slots: dict[str, Any], vocab: Vocabulary,
               kind_read: bool = False) -> list[str]:
    found: list[str] = []
    if p.keyword and not kind_read and _SAME_INTENT.get(intent, intent) is not _SAME_INTENT.get(p.intent, p.intent):
        found.append(f"intent {intent.value} (the rules read {p.intent.value})")
    resolved = p.product.status == "ok" and p.product.product is not None
    if intent in SMALL_TALK and (resolved or p.markets):
        found.append(f"intent {intent.value} for a question naming a product or market")
    if resolved and slots.get("product"):
        theirs = vocab.resolve_product_name(str(slots["product"]))
        assert p.product.product is not None
        if all(c.id != p.product.product.id for c in theirs.candidates):
            found.append(f"product {slots['product']!r} (the rules read {p.product.product.name})")
    llm_markets = slots.get("markets") or ([slots["market"]] if slots.get("market") else [])
    if p.markets and llm_markets:
        ours = {m.market.id for m in p.markets} | {m.city for m in p.markets if m.city}
        for name in llm_markets:
            theirs_m = vocab.resolve_market_name(str(name))
            if theirs_m is None or (theirs_m.market.id not in ours and theirs_m.city not in ours):
                found.append(f"market {name!r}")
    start, end = slots.get("start") or slots.get("end"), slots.get("end") or slots.get("start")
    if p.period is not None and start and (start, end) != (p.period.start.isoformat(), p.period.end.isoformat()):
        found.append(f"period {slots.get('start')}..{slots.get('end')} (the rules read {p.period.start}.."
                         f"{p.period.end})")
    return found


def _llm_product(p: Query, name: str, vocab: Vocabulary) -> tuple[ProductMatch | None, set[int]]:
    """The LLM's product resolved against the vocabulary, checked against the user's words.

    (None, ...) when it adds nothing (unknown, or no better than the rules' ambiguity); an ambiguous
    single-candidate match ("¿Te refieres a …?") when the user's words say more than that product."""
    match = vocab.resolve_product_name(name)
    if match.status == "ambiguous" and p.product.status == "ambiguous":
        return None, set()  # the rules already ask which one
    if match.status == "ambiguous":
        return dataclasses.replace(match, used=set(), text=name), set()
    if match.status != "ok" or match.product is None:
        return None, set()
    product = match.product
    if p.product.status == "ambiguous" and all(c.id != product.id for c in p.product.candidates):
        return None, set()  # the rules' options stand; the LLM's pick is not among them
    positions = _positions(p, _name_tokens(product, vocab))
    if p.product.status == "ambiguous" and len(p.product.candidates) > 1 and not positions - p.product.used:
        return None, set()  # among several, a pick that reads no word the rules had not is a guess: ask which one
    # (the rules' one candidate, confirmed by the model from the whole message, stands: "uchuba" = Uchuva con
    # cáscara; a word beside it that nothing explains still asks, below)
    if positions and not _more_specific(p, positions):
        return ProductMatch("ok", product, [product], positions, p.tokens[min(positions)], name), positions
    return ProductMatch("ambiguous", product, [product], positions, "", name), positions


def _name_tokens(product: q.Product, vocab: Vocabulary) -> set[str]:
    """Every word of the product's canonical name, source spellings and colloquial names."""
    return {t for e in vocab.entries if e.product_id == product.id for t in e.tokens}


def _positions(p: Query, names: list[str] | set[str]) -> set[int]:
    """Positions of the user's tokens that are one of `names`, up to the spelling slack the LLM guard allows
    (the model may fix "sanahorya" -> "zanahoria": that is what it is for)."""
    return {i for i, tok in enumerate(p.tokens) if len(tok) > 1 and any(_same_word(tok, n) for n in names)}


def _same_word(said: str, name: str) -> bool:
    if said == name:
        return True
    if len(said) == 3 and len(name) == 4 and name.startswith(said):
        return True  # a letter short of a short name: "has" for "hass"
    if len(said) < 4 or len(name) < 4:
        return False
    budget = max_typos(name)
    return distance(said, name, budget) <= budget or SequenceMatcher(None, said, name).ratio() >= WORD_SIMILARITY


def _more_specific(p: Query, positions: set[int]) -> bool:
    """A word the user wrote right next to the product that nothing explains: a variety we may not have."""
    raw = words(p.norm)
    unknown = set(p.unknown)
    return any(0 <= i < len(raw) and i not in positions and raw[i] in unknown
               for i in (min(positions) - 1, max(positions) + 1))
