"""Two cases where the router must ask back instead of answering with a guess.

- A word stands where a market or a city goes ("en bquilla", "en la plaza de xyz") but names nothing we know:
  answering for the default market would be a confident answer about a place the user did not ask for.
- A lone family word ("arveja", "limón") that a colloquial default maps to one product, while several distinct
  products of that family are priced in the market asked about (or nationally): the user has to pick.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from difflib import SequenceMatcher

from data import queries as q
from data.text import fold
from models.answer import Answer, Choice
from models.lang import PRODUCT_STOPWORDS, singular, words
from models.resolve import ProductMatch, Vocabulary
from models.slots import Intent
from models.understanding.names import MAIN_MARKETS, content_tokens

# intents that answer for one market (a place the user named matters)
ONLY_KIND = "only kind priced here"  # ProductMatch.text of a family word answered by its one kind priced there
CHOICES = 12  # kinds offered when a family word is asked about (every kind priced in a market, usually)
PLACE_INTENTS = frozenset({Intent.PRICE, Intent.PRICE_AT, Intent.HISTORY, Intent.FORECAST, Intent.ALERT,
                           Intent.SUPPLY, Intent.SUPPLY_ORIGIN, Intent.MOVERS, Intent.CHEAPEST, Intent.PRICIEST,
                           Intent.COMPARE, Intent.STAT})
# intents where a product family word must name one product
PRODUCT_INTENTS = frozenset({Intent.PRICE, Intent.PRICE_AT, Intent.HISTORY, Intent.FORECAST, Intent.ALERT,
                             Intent.CHEAPEST, Intent.PRICIEST, Intent.COMPARE})
_FALLBACK_CITIES = ("bogota", "medellin", "cali", "barranquilla", "bucaramanga")


def unknown_place(intent: Intent, words: list[str], product: ProductMatch, text: str, named_place: bool,
                  vocab: Vocabulary) -> Answer | None:
    """A clarification when the place the user wrote is not a market or city we know; None otherwise."""
    if not words or named_place or intent not in PLACE_INTENTS | {Intent.COVERAGE}:
        return None  # (coverage: "¿cuántos productos cotiza la plaza de Leticia?" is about that place)
    if product.status not in {"ok", "none"} or (product.status == "none" and intent not in {
            Intent.SUPPLY, Intent.SUPPLY_ORIGIN, Intent.MOVERS, Intent.COVERAGE}):
        return None  # the product question comes first
    asked = " ".join(words)
    options, similar = suggest_places(asked, vocab)
    # "lulo en el pueblo de xyz" -> "lulo en Medellín" (the button's question names the place the user picked)
    pattern = re.compile(r"\b(en|desde)\W+(?:\w+\W+){0,3}?" + r"(?:\W+\w+){0,2}?\W+".join(re.escape(w) for w in words)
                         + r"\b", re.IGNORECASE)
    choices = []
    for label in options:
        question, n = pattern.subn(r"\g<1> " + label.replace("\\", ""), text, count=1)
        choices.append(Choice(label, question if n else f"{text} en {label}"))
    what = product.product.name if product.status == "ok" and product.product is not None else None
    lead = f"No reconozco «{asked}» como mercado o ciudad de SIPSA, así que no respondo por otro lugar."
    if similar:
        ask = "¿Quisiste decir " + " o ".join(options) + "?"
    else:
        ask = "¿En qué mercado o ciudad? Por ejemplo: " + ", ".join(options) + "."
    return Answer(intent=intent, text=f"{lead} {ask}", clarify=choices,
                  slots={"product": what, "market": None, "city": None, "start": None, "end": None,
                         "period_kind": None})


# regions people name instead of a city -> city keys with SIPSA markets (offered as choices, never picked)
REGIONS: dict[str, tuple[str, ...]] = {
    "costa": ("barranquilla", "cartagena", "santa marta", "monteria", "sincelejo", "valledupar"),
    "costa atlantica": ("barranquilla", "cartagena", "santa marta", "monteria", "sincelejo", "valledupar"),
    "caribe": ("barranquilla", "cartagena", "santa marta", "monteria", "sincelejo", "valledupar"),
    "eje cafetero": ("pereira", "manizales", "armenia"),
    "llano": ("villavicencio", "yopal"), "llanos": ("villavicencio", "yopal"),
    "sabana": ("bogota", "tunja"), "altiplano": ("bogota", "tunja"),
    "valle": ("cali", "tulua", "palmira", "cartago", "buenaventura"),
    "sur": ("pasto", "ipiales", "popayan", "neiva"),
}


def suggest_places(asked: str, vocab: Vocabulary, limit: int = 4) -> tuple[list[str], bool]:
    """Cities of the department or region named, else cities and markets whose name looks like `asked` (with
    True: they answer what the user meant), else the main cities (with False: mere examples)."""
    key = fold(asked)
    cities = list(REGIONS.get(key, ()))
    by_department = sorted({fold(m.city) for m in vocab.markets.values()
                            if m.kind == "market" and m.department and fold(m.department).startswith(key)
                            and len(key) >= 4},
                           key=lambda c: (c not in MAIN_MARKETS, -_rows(vocab, c), c))
    cities += [c for c in by_department if c not in cities]
    labels = []
    for city in cities:
        main = vocab.main_market(city)
        if main is not None and main.city not in labels:
            labels.append(main.city)
    if labels:
        return labels[:limit], True
    scored: dict[str, float] = {}
    for phrase, (kind, target) in vocab.market_phrases.items():
        key = " ".join(phrase)
        if len(key) < 3:
            continue
        sm = SequenceMatcher(None, asked, key)
        if sm.real_quick_ratio() < 0.6 or sm.quick_ratio() < 0.6:
            continue
        ratio = sm.ratio()
        if ratio < 0.6:
            continue
        if kind == "city":
            main = vocab.main_market(str(target))
            label = main.city if main is not None else str(target)
        else:
            label = vocab.markets[int(target)].name
        scored[label] = max(scored.get(label, 0.0), ratio)
    ranked = [label for label, _ in sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))][:limit]
    if ranked:
        return ranked, True
    out = []
    for city in _FALLBACK_CITIES:
        main = vocab.main_market(city)
        if main is not None:
            out.append(main.city)
    return out, False


def family_word(intent: Intent, product: ProductMatch, tokens: list[str], market_ids: list[int],
                conn: sqlite3.Connection, vocab: Vocabulary) -> ProductMatch:
    """`product` made ambiguous when the user named only a family word that several priced products share."""
    if intent not in PRODUCT_INTENTS | {Intent.STAT} or product.status != "ok" or product.product is None \
            or len(product.used) != 1:
        return product  # (a statistic of "el limón" where three limes are priced is three statistics)
    pos = next(iter(product.used))
    if pos >= len(tokens):
        return product
    word = tokens[pos]
    chosen = product.product.id
    name = [singular(w) for w in words(product.product.key) if w not in PRODUCT_STOPWORDS]
    if len(name) == 1:
        word = name[0]  # the one word that named it, however it was spelled ("sanahoria", "auyama")
        # the user gave the product's whole name ("zanahoria"): answer it, unless in the markets named it is long
        # gone while kinds of it are priced there now (an old "Maracuyá" row beside current "Maracuyá antioqueño")
        if intent is not Intent.PRICE:
            return product
        current = _current_kinds(chosen, word, market_ids, conn, vocab)
        if not current:
            return product
        return ProductMatch("ambiguous", None, [vocab.products[pid] for pid in current[:CHOICES]], product.used,
                            word)
    family = vocab.heads.get(word, [])
    if chosen not in family or len(family) < 2:
        return product
    latest = vocab.latest
    if market_ids and latest:
        here: set[int] = set()
        for mid in market_ids:
            here |= set(_in_market(conn, vocab, mid, latest))
        kin = [pid for pid in family if pid in here]
    else:
        kin = [pid for pid in family if vocab.markets_count(pid) > 0]
    if len(kin) < 2:
        return product
    ranked = sorted(kin, key=lambda pid: (pid != chosen, -vocab.markets_count(pid), vocab.products[pid].key))
    candidates = [vocab.products[pid] for pid in ranked[:CHOICES]]
    return ProductMatch("ambiguous", None, candidates, product.used, word)


def kinds_here(product: ProductMatch, market_ids: list[int], conn: sqlite3.Connection,
               vocab: Vocabulary) -> ProductMatch:
    """An ambiguous family word asked about in named markets offers the kinds priced there in the newest week
    (every one of them, up to CHOICES), not the kinds most priced elsewhere; when only one kind is priced there,
    that kind is the answer (LABELS.md: a family word asks back only when several kinds are priced there), and
    the answer says so."""
    if product.status != "ambiguous" or product.product is not None or not market_ids or not vocab.latest \
            or not product.head:
        return product  # (a product with an unknown variety word beside it stays a question: "aguacate lorena")
    here: set[int] = set()
    for mid in market_ids:
        here |= set(_in_market(conn, vocab, mid, vocab.latest))
    family = vocab.heads.get(product.head)
    shared = _shared_start(product.candidates)
    if family and len(shared) > 1:  # "fríjol cabeza negra": the kinds of that, not every fríjol
        family = [pid for pid in family if vocab.name_words[pid][:len(shared)] == shared]
    heads = {c.key.split()[0] for c in product.candidates}
    if not family and product.used and len(heads) == 1:
        family = [c.id for c in product.candidates]  # "chonto": the kinds of one food that word names
    if not family:
        return product  # "¿y la roja?" after a tomato: a kind word of other foods, not a family word
    kin = sorted((pid for pid in family if pid in here),
                 key=lambda pid: (-vocab.markets_count(pid), vocab.products[pid].key))
    if len(kin) == 1:
        only = vocab.products[kin[0]]
        return ProductMatch("ok", only, [only], product.used, product.head, text=ONLY_KIND)
    if not kin:
        return product
    return ProductMatch("ambiguous", None, [vocab.products[pid] for pid in kin[:CHOICES]], product.used,
                        product.head)


STALE_DAYS = 56  # a generic row this much older than the market's newest week is no longer its current price


def _current_kinds(generic: int, word: str, market_ids: list[int], conn: sqlite3.Connection,
                   vocab: Vocabulary) -> list[int]:
    """Kinds of `word` priced in the newest week in the markets named, when the generic product itself is not
    priced there in the last STALE_DAYS (empty otherwise)."""
    latest = vocab.latest
    if not market_ids or not latest:
        return []
    horizon = (dt.date.fromisoformat(latest) - dt.timedelta(days=STALE_DAYS)).isoformat()
    for mid in market_ids:
        newest = q.latest_price(conn, generic, mid)
        if newest is not None and newest.week_start >= horizon:
            return []
    here: set[int] = set()
    for mid in market_ids:
        here |= set(_in_market(conn, vocab, mid, latest))
    kinds = [pid for pid in vocab.heads.get(word, []) if pid != generic and pid in here]
    return sorted(kinds, key=lambda pid: (-vocab.markets_count(pid), vocab.products[pid].key))


def _in_market(conn: sqlite3.Connection, vocab: Vocabulary, market_id: int, week: str) -> list[int]:
    def compute() -> list[int]:
        return q.products_in_market(conn, market_id, week)

    return vocab.memo(("products_in_market", market_id, week), compute)


def _rows(vocab: Vocabulary, city: str) -> int:
    main = vocab.main_market(city)
    return vocab.market_rows.get(main.id, 0) if main is not None else 0


# questions about the price now or in a period; alerts and forecasts name a series to follow, and keep the usual
# product (the series a user subscribes to is the one they named, priced there or not yet)
SIBLING_INTENTS = frozenset({Intent.PRICE, Intent.PRICE_AT, Intent.HISTORY, Intent.STAT})


def siblings_here(intent: Intent, product: ProductMatch, tokens: list[str], market_ids: list[int],
                  conn: sqlite3.Connection, vocab: Vocabulary) -> ProductMatch:
    """Words several products' names start with ("papa criolla": limpia and sucia; "cebolla junca": Aquitania,
    Berlín…), read as their usual product, asked about in markets where that product has no price in the newest
    week: the one kind priced there is the answer (and the answer says so), several are offered. Where the usual
    product is priced, the usual reading stands."""
    if intent not in SIBLING_INTENTS or product.status != "ok" or product.product is None or not market_ids \
            or not vocab.latest or not product.used:
        return product
    here: set[int] = set()
    for mid in market_ids:
        here |= set(_in_market(conn, vocab, mid, vocab.latest))
    if product.product.id in here:
        return product  # the usual reading stands (most questions stop here)
    said = tuple(tokens[i] for i in sorted(product.used) if i < len(tokens))
    kin = [pid for pid in sorted(vocab.priced) if vocab.name_words[pid][:len(said)] == said]
    if len(kin) < 2:
        return product
    priced = sorted((pid for pid in kin if pid in here), key=lambda pid: (-vocab.markets_count(pid),
                                                                         vocab.products[pid].key))
    if len(priced) == 1:
        only = vocab.products[priced[0]]
        return ProductMatch("ok", only, [only], product.used, " ".join(said), text=ONLY_KIND)
    if len(priced) > 1:
        return ProductMatch("ambiguous", None, [vocab.products[pid] for pid in priced[:CHOICES]], product.used,
                            " ".join(said))
    return product


def _shared_start(products: list[q.Product]) -> tuple[str, ...]:
    """The name words every one of `products` starts with ("Fríjol cabeza negra nacional / importado")."""
    names = [content_tokens(p.name.split("(")[0], PRODUCT_STOPWORDS) for p in products]
    if len(names) < 2:
        return ()
    start: list[str] = []
    for column in zip(*names, strict=False):
        if len(set(column)) != 1:
            break
        start.append(column[0])
    return tuple(start)
