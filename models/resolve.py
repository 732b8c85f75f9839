"""Product and market mentions -> canonical rows of the mirror, typo-tolerant, never silently weak.

The vocabulary comes from the mirror (products, markets and every source spelling kept as an alias) plus two
small tables of names people actually use ("papa pastusa", "cebolla larga", "la mayorista") and the main
wholesale market of each city ("Bogotá" -> Corabastos).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from data import queries as q
from data.text import fold
from models.lang import (
    COMMON_WORDS,
    FOOD_GROUP_NOUNS,
    PRODUCT_STOPWORDS,
    STOPWORDS,
    TokenIndex,
    singular,
    sound_key,
    words,
)
from models.understanding.names import (
    CITY_NICKNAMES,
    COLLOQUIAL_MARKETS,
    COLLOQUIAL_PRODUCTS,
    GENERIC_MARKET_WORDS,
    MAIN_MARKETS,
    content_tokens,
    cut_first,
    partial_tails,
)

T = TypeVar("T")

# what people call any city's wholesale market
_NICKNAME_WORDS = frozenset({"abasto", "abastos", "mayorista", "minorista"})
# words that only say a market is a market: never a market's name on their own
_PLACE_WORDS = frozenset({"plaza", "mercado", "mercados", "central", "centro", "de", "del", "la", "el", "los", "las",
                          "y", "s", "a", "barrio"})


@dataclass
class ProductMatch:
    status: str  # ok | ambiguous | unknown | none
    product: q.Product | None = None
    candidates: list[q.Product] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # question token positions the match used
    head: str = ""  # the word that named the product family ("papa")
    text: str = ""


@dataclass
class MarketMatch:
    market: q.Market
    city: str | None  # set when the user named a city, not a market
    used: set[int] = field(default_factory=set)
    phrase: str = ""


@dataclass
class _Entry:
    tokens: tuple[str, ...]
    product_id: int
    weight: int  # 2 canonical name, 1 alias / colloquial


class Vocabulary:
    """Everything the resolver needs from the mirror, built once per data version."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.products = {p.id: p for p in q.products(conn)}
        self.markets = {m.id: m for m in q.markets(conn)}
        priced = q.products_with_prices(conn, list(self.products))
        self.priced = priced or set(self.products)
        self.product_by_key = {p.key: p for p in self.products.values()}
        self.market_by_key = {m.key: m for m in self.markets.values()}
        self.latest = q.latest_week(conn)
        self.latest_day = q.latest_day(conn)
        self.market_rows = q.markets_in_week(conn, self.latest) if self.latest else {}
        self.product_markets = q.products_in_week(conn, self.latest) if self.latest else {}
        self._product_weeks: dict[int, str | None] = {}
        self._memo: dict[tuple[Any, ...], Any] = {}
        self._lock = threading.Lock()
        self._build_products(q.product_aliases(conn))
        self._build_markets(q.market_aliases(conn))

    # -- products --------------------------------------------------------------------------------------------------
    def _build_products(self, aliases: list[tuple[str, int]]) -> None:
        entries: dict[tuple[tuple[str, ...], int], _Entry] = {}

        def add(tokens: tuple[str, ...], pid: int, weight: int) -> None:
            if tokens and pid in self.priced:
                key = (tokens, pid)
                if key not in entries or entries[key].weight < weight:
                    entries[key] = _Entry(tokens, pid, weight)

        for p in self.products.values():
            add(content_tokens(p.name, PRODUCT_STOPWORDS), p.id, 2)
            for reordered in cut_first(p.name):
                add(reordered, p.id, 2)
        for alias_key, pid in aliases:
            add(content_tokens(alias_key, PRODUCT_STOPWORDS), pid, 1)
        for phrase, name in COLLOQUIAL_PRODUCTS.items():
            target = self.product_by_key.get(fold(name))
            if target is not None:
                add(content_tokens(phrase, PRODUCT_STOPWORDS), target.id, 3)
        self.entries = list(entries.values())
        self.by_token: dict[str, list[_Entry]] = {}
        for e in self.entries:
            for t in set(e.tokens):
                self.by_token.setdefault(t, []).append(e)
        self.product_tokens = TokenIndex(self.by_token)
        self.product_sounds = _sounds(self.by_token)
        # each product's name words without the detail in brackets ("Ahuyamín (Sakata)" -> ahuyamin), once per
        # vocabulary: the questions' family checks compare name starts against them
        self.name_words = {p.id: content_tokens(p.name.split("(")[0], PRODUCT_STOPWORDS)
                           for p in self.products.values()}
        self.kinds: dict[str, list[int]] = {}  # first word -> every product of the whole vocabulary that is a kind
        # of it (its name is the word plus more), priced or not: "uchuva" -> [Uchuva con cáscara]
        for p in self.products.values():
            name_tokens = self.name_words[p.id]
            if len(name_tokens) >= 2:
                self.kinds.setdefault(name_tokens[0], []).append(p.id)
        self.heads: dict[str, list[int]] = {}
        for pid in sorted(self.priced):
            name_tokens = content_tokens(self.products[pid].name, PRODUCT_STOPWORDS)
            if name_tokens:
                self.heads.setdefault(name_tokens[0], []).append(pid)

    def match_product(self, tokens: list[str], skip: set[int] | None = None) -> ProductMatch:
        """Best product for the question tokens (singular, folded). Never returns a weak match as 'ok'."""
        skip = skip or set()
        hits: dict[str, tuple[int, int]] = {}  # vocab token -> (position, distance)
        for pos, tok in enumerate(tokens):
            if pos in skip or (tok in STOPWORDS and tok not in self.by_token):
                continue
            options = self.product_tokens.lookup(tok)
            if tok in options:  # an exact word is never also read as a typo of another ("mandarina" / "margarina")
                options = {tok: 0}
            elif not options and len(tok) >= 4 and sound_key(tok) in self.product_sounds:
                options = {self.product_sounds[sound_key(tok)]: 1}  # "sapallo" -> "zapallo"
            for vt, dist in options.items():
                if (tok in STOPWORDS or tok in COMMON_WORDS) and dist:
                    continue
                if vt not in hits or hits[vt][1] > dist or (len(vt) == 1 and hits[vt][1] == dist):
                    # a one-letter grade follows the name, so its last occurrence is the one that can be it:
                    # "a cómo está el huevo rojo A" (the first "a" is the preposition)
                    hits[vt] = (pos, dist)
        if not hits:
            return ProductMatch("none")
        best: dict[int, tuple[int, int, int, int, set[int]]] = {}
        for vt in hits:
            family_word = self._names_one_family(vt, hits)
            for e in self.by_token.get(vt, []):
                if e.tokens[0] not in hits and not family_word:
                    continue
                used = {hits[t][0] for t in e.tokens if t in hits}
                matched = sum(1 for t in e.tokens if t in hits)
                if len(used) < matched:
                    continue
                if len(e.tokens[-1]) == 1 and e.tokens[-1] in hits:
                    # a one-letter grade counts only right after the rest of the name ("huevo rojo a")
                    rest = {hits[t][0] for t in e.tokens[:-1] if t in hits}
                    if not rest or hits[e.tokens[-1]][0] != max(rest) + 1:
                        used.discard(hits[e.tokens[-1]][0])
                        matched -= 1
                cost = sum(hits[t][1] for t in e.tokens if t in hits)
                full = int(matched == len(e.tokens))
                score = (matched, full, -(len(e.tokens) - matched), e.weight - 2 * cost, used)
                old = best.get(e.product_id)
                if old is None or score[:4] > old[:4]:
                    best[e.product_id] = score
        if not best:
            return ProductMatch("none")
        ranked = sorted(best.items(), key=lambda kv: (kv[1][:4], self.markets_count(kv[0])), reverse=True)
        top_score = ranked[0][1][:3]
        if top_score[1]:
            top = [pid for pid, s in ranked if s[:3] == top_score]
        else:  # partial names: any product matching as many words is as likely ("cebolla pastusa")
            top = [pid for pid, s in ranked if s[:2] == top_score[:2]]
        used = ranked[0][1][4]
        head = tokens[min(used)] if used else ""
        first = self.products[ranked[0][0]]
        matched, full, _missing = top_score
        if len(top) == 1 and full:
            rivals = self._rivals(first.id, matched, used, hits)
            if rivals:
                return ProductMatch("ambiguous", None, [first, *rivals], used)  # not a family word
        if len(top) == 1 and (full or matched >= 2 or self._unique_word(first.id, used, tokens, hits)):
            return ProductMatch("ok", first, [first], used, head)
        if len(top) > 1 and full:
            # two products fully named: prefer the strongest kind of name (colloquial default, canonical)
            weights = sorted(((best[pid][3], pid) for pid in top), reverse=True)
            if weights[0][0] > weights[1][0] and weights[0][0] >= 2:
                chosen = self.products[weights[0][1]]
                return ProductMatch("ok", chosen, [chosen], best[weights[0][1]][4], head)
        candidates = [self.products[pid] for pid in top][:8]
        if len(top) == 1:
            return ProductMatch("ambiguous", first, [first], used, head)
        return ProductMatch("ambiguous", None, candidates, used, head)

    def _rivals(self, winner: int, matched: int, used: set[int], hits: dict[str, tuple[int, int]]) -> list[q.Product]:
        """Products that read a name word the winner left out and share one of its words, matching more words:
        "pernil de pollo con rabadilla" names both "Rabadillas de pollo" (complete) and "Pierna pernil con
        rabadilla" (pernil, con, rabadilla); answering the complete one would drop "pernil" and answer another
        food. A rival need not start with a word the question used (that rule only filters weak candidates)."""
        left = {vt for vt, (pos, dist) in hits.items()
                if pos not in used and not dist and len(vt) >= 4 and vt not in STOPWORDS and vt not in COMMON_WORDS}
        won = {vt for vt, (pos, _d) in hits.items() if pos in used}
        rivals: dict[int, int] = {}  # product -> most question words one of its names shares
        for vt in sorted(left):
            for e in self.by_token.get(vt, []):
                shared = set(e.tokens) & set(hits)
                if e.product_id != winner and shared & won and len(shared) > matched:
                    rivals[e.product_id] = max(rivals.get(e.product_id, 0), len(shared))
        most = max(rivals.values(), default=0)  # "con rabadilla" beats "sin rabadilla"
        return [self.products[pid] for pid, n in rivals.items() if n == most][:7]

    def _names_one_family(self, vt: str, hits: dict[str, tuple[int, int]]) -> bool:
        """A distinctive word spelled exactly that appears only in names of one food ("chonto": tomate chonto,
        "cuajada": queso cuajada) names that food even without its first word."""
        if hits[vt][1] or len(vt) < 5 or vt in COMMON_WORDS or vt in STOPWORDS or vt in FOOD_GROUP_NOUNS:
            return False
        heads = {e.tokens[0] for e in self.by_token.get(vt, [])}
        return len(heads) == 1 and vt not in heads

    def _unique_word(self, pid: int, used: set[int], tokens: list[str], hits: dict[str, tuple[int, int]]) -> bool:
        """One word, spelled exactly (or with one slip when it is long), that only this product's names contain
        ("sobrebarriga", "ahuyamín"): a strong enough candidate to answer without asking."""
        if len(used) != 1:
            return False
        said_heads = {vt for vt, (pos, dist) in hits.items() if pos not in used and not dist and vt in self.heads}
        if said_heads - set(content_tokens(self.products[pid].name, PRODUCT_STOPWORDS)):
            return False  # "corte de carne": "corte" is only in a trout's name, but "carne" names another food
        word = tokens[next(iter(used))]
        vt = next((t for t, (pos, _d) in hits.items() if pos in used), None)
        if vt is None or len(vt) < 5 or vt in COMMON_WORDS or hits[vt][1] > (0 if len(word) < 8 else 1):
            return False
        owners = {e.product_id for e in self.by_token.get(vt, [])}
        if owners != {pid}:
            return False
        if vt in self.heads:  # "tomate" alone names a family even when one kind is priced; "Ahuyamín (Sakata)" is
            # the word plus a detail in brackets
            plain = self.products[pid].name.split("(")[0].split(",")[0]
            # "uchuva" when the only kind of uchuva the vocabulary knows is "Uchuva con cáscara" names that kind
            return content_tokens(plain, PRODUCT_STOPWORDS) == (vt,) or self.kinds.get(vt) == [pid]
        return True

    def suggest_products(self, tokens: list[str], limit: int = 3) -> list[q.Product]:
        """Products whose name is close to some word of the question (for '¿Quisiste decir…?')."""
        from difflib import SequenceMatcher

        content = [t for t in tokens
                   if t not in STOPWORDS and t not in COMMON_WORDS and len(t) >= 3 and not t.isdigit()]
        if not content:
            return []
        best_by_pid: dict[int, float] = {}
        for head, pids in self.heads.items():
            for t in content:
                if abs(len(t) - len(head)) > 4:
                    continue
                sm = SequenceMatcher(None, t, head)
                if sm.real_quick_ratio() < 0.72 or sm.quick_ratio() < 0.72:
                    continue
                ratio = sm.ratio()
                if ratio >= 0.72:
                    for pid in pids:
                        best_by_pid[pid] = max(best_by_pid.get(pid, 0.0), ratio)
        scored = sorted(((r + 0.001 * min(self.markets_count(pid), 50), pid) for pid, r in best_by_pid.items()),
                        reverse=True)
        return [self.products[pid] for _, pid in scored[:limit]]

    def markets_count(self, product_id: int) -> int:
        """In how many markets the product was priced in the newest week (ranks clarification options)."""
        return self.product_markets.get(product_id, 0)

    def memo(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        """A result that only changes when the data changes (this vocabulary lives for one data version)."""
        with self._lock:
            if key in self._memo:
                return cast(T, self._memo[key])
        value = compute()
        with self._lock:
            if len(self._memo) < 512:
                self._memo[key] = value
        return value

    def product_week(self, conn: sqlite3.Connection, product_id: int) -> str | None:
        with self._lock:
            if product_id not in self._product_weeks:
                self._product_weeks[product_id] = q.product_latest_week(conn, product_id)
            return self._product_weeks[product_id]

    # -- markets ---------------------------------------------------------------------------------------------------
    def _build_markets(self, aliases: list[tuple[str, int]]) -> None:
        self.market_phrases: dict[tuple[str, ...], tuple[str, int | str]] = {}
        self.weak_phrases: set[tuple[str, ...]] = set()  # a lone nickname word: yields to a city named next to it
        product_keys = {e.tokens for e in self.entries}
        self.cities: dict[str, list[q.Market]] = {}
        self.city_rows: dict[str, q.Market] = {}  # city key -> its row in the daily city series
        for m in self.markets.values():
            if m.kind == "market":
                self.cities.setdefault(fold(m.city), []).append(m)
            else:
                self.city_rows.setdefault(fold(m.city or m.name), m)

        def add(tokens: tuple[str, ...], target: tuple[str, int | str]) -> None:
            if tokens and tokens not in self.market_phrases:
                self.market_phrases[tokens] = target

        for phrase, name in COLLOQUIAL_MARKETS.items():
            known = self.market_by_key.get(fold(name))
            if known is not None:
                tokens = content_tokens(phrase, frozenset())
                add(tokens, ("market", known.id))
                if set(tokens) <= GENERIC_MARKET_WORDS | _NICKNAME_WORDS:
                    # "abastos", "la mayorista": Bogotá's and Medellín's, unless another city is named ("la central
                    # de abastos de Villavicencio")
                    self.weak_phrases.add(tokens)
        for m in self.markets.values():
            if m.kind != "market":
                continue
            add(content_tokens(m.name, frozenset()), ("market", m.id))
            parts = [p for p in m.name.replace("(", ",").replace(")", ",").split(",") if p.strip()]
            tail = parts[-1] if len(parts) > 1 else ""
            tail_tokens = content_tokens(tail, frozenset())
            distinctive = [t for t in tail_tokens if t not in GENERIC_MARKET_WORDS]
            names_product = all(t in self.by_token for t in distinctive)  # "San Gil, panela"
            if tail and distinctive and not names_product and tail_tokens not in product_keys \
                    and fold(tail) != fold(m.department):
                add(tail_tokens, ("market", m.id))
                stripped = tuple(t for t in tail_tokens if t not in {"la", "el", "los", "las"})
                if stripped and stripped != tail_tokens and stripped not in product_keys:
                    add(stripped, ("market", m.id))
        generic_tails: dict[tuple[str, ...], list[q.Market]] = {}
        for m in self.markets.values():  # "Centro Galerías", "Mercados del centro": generic words, but a name
            parts = [p for p in m.name.replace("(", ",").replace(")", ",").split(",") if p.strip()]
            tail_tokens = content_tokens(parts[-1], frozenset()) if m.kind == "market" and len(parts) > 1 else ()
            if len([t for t in tail_tokens if t not in {"de", "del", "la", "el", "los", "las", "y"}]) >= 2 and all(
                    t in GENERIC_MARKET_WORDS for t in tail_tokens):
                generic_tails.setdefault(tail_tokens, []).append(m)
        for tail_tokens, same in generic_tails.items():
            for m in same:
                city_tokens = content_tokens(m.city, frozenset())
                add((*tail_tokens, "de", *city_tokens), ("market", m.id))
                add((*tail_tokens, *city_tokens), ("market", m.id))
            if len(same) == 1 and not {"plaza", "mercado"} >= {t for t in tail_tokens if len(t) > 3}:
                add(tail_tokens, ("market", same[0].id))
                for t in tail_tokens:  # "Centro Galerías" is "galerías" alone, when no other such name has it
                    if t not in _PLACE_WORDS and sum(t in other for other in generic_tails) == 1:
                        self.weak_phrases.add((t,))
                        add((t,), ("market", same[0].id))
        for m in self.markets.values():  # "la galería de Cali" is Cali's market with "galería" in its name
            parts = [p for p in m.name.replace("(", ",").replace(")", ",").split(",") if p.strip()]
            if m.kind != "market" or len(parts) < 2:
                continue
            city_tokens = content_tokens(m.city, frozenset())
            for t in set(content_tokens(parts[-1], frozenset())) & GENERIC_MARKET_WORDS - _PLACE_WORDS:
                add((t, "de", *city_tokens), ("market", m.id))
                add((t, *city_tokens), ("market", m.id))
        for short, mid in partial_tails(self.markets.values(), product_keys).items():
            add(short, ("market", mid))
        for alias_key, mid in aliases:
            aliased = self.markets.get(mid)
            if aliased is not None and aliased.kind == "market":
                add(content_tokens(alias_key, frozenset()), ("market", mid))
        for city in self.cities:
            add(content_tokens(city, frozenset()), ("city", city))
        for nick, city in CITY_NICKNAMES.items():
            if city in self.cities:
                add(content_tokens(nick, frozenset()), ("city", city))
        self.market_tokens = TokenIndex({t for phrase in self.market_phrases for t in phrase})
        # one-word places a product name may contain ("Papa ICA-Huila"): after "en" they are the place
        self.place_words = {fold(m.department) for m in self.markets.values() if m.department} | {
            phrase[0] for phrase, target in self.market_phrases.items() if len(phrase) == 1 and target[0] == "city"}
        self.weak_phrases = {p for p in self.weak_phrases if self.market_phrases.get(p, ("", 0))[0] == "market"}
        self.market_sounds = _sounds(self.market_tokens.tokens)
        self.max_market_len = max((len(p) for p in self.market_phrases), default=1)

    def joined(self, norm: str) -> str:
        """Normalised text with a name written in two words joined where the joined word is a vocabulary word:
        "sobre barriga" (sobrebarriga), "palo quemao" (paloquemao), "sur abastos" (Surabastos)."""
        tokens = norm.split(" ")
        out: list[str] = []
        i = 0
        while i < len(tokens):
            a, b = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else ""
            both = a + b
            if len(a) >= 3 and len(b) >= 3 and both.isalpha() and any(
                    w in self.by_token or w in self.market_tokens.tokens for w in (both, singular(both))):
                out.append(both)
                i += 2
                continue
            out.append(a)
            i += 1
        return " ".join(out)

    def find_markets(self, tokens: list[str], skip: set[int] | None = None) -> list[tuple[set[int], str, int | str]]:
        """Non-overlapping market or city mentions, longest first: (positions, 'market'|'city', id|city key)."""
        skip = skip or set()
        fuzzy: list[set[str]] = []
        for pos, tok in enumerate(tokens):
            if pos in skip:
                fuzzy.append(set())
                continue
            options = {tok} if tok in self.market_tokens.tokens else set()
            if not options and len(tok) >= 5 and tok not in STOPWORDS and tok not in COMMON_WORDS:
                near = self.market_tokens.lookup(tok)
                closest = min(near.values(), default=9)
                options = {v for v, d in near.items() if d == closest}
                if not options and sound_key(tok) in self.market_sounds:  # "medeyin" -> "medellin"
                    options = {self.market_sounds[sound_key(tok)]}
            fuzzy.append(options)
        found: list[tuple[set[int], str, int | str]] = []
        taken: set[int] = set()
        for length in range(min(self.max_market_len, len(tokens)), 0, -1):
            for start in range(0, len(tokens) - length + 1):
                span = range(start, start + length)
                if any(p in taken for p in span):
                    continue
                for phrase in self._phrases_for(fuzzy, start, length):
                    target = self.market_phrases[phrase]
                    if length == 1 and phrase[0] in STOPWORDS:
                        continue
                    found.append((set(span), target[0], target[1]))
                    taken |= set(span)
                    break
        found.sort(key=lambda f: min(f[0]))
        weak = {min(f[0]) for f in found if tuple(tokens[p] for p in sorted(f[0])) in self.weak_phrases}
        cities = {str(f[2]) for f in found if f[1] == "city"}
        if weak and cities:  # "la galería, en Cali": the lone nickname of a market elsewhere yields to the city
            found = [f for f in found if min(f[0]) not in weak or fold(self.markets[int(f[2])].city) in cities]
        return found

    def _phrases_for(self, fuzzy: list[set[str]], start: int, length: int) -> list[tuple[str, ...]]:
        combos: list[tuple[str, ...]] = [()]
        for pos in range(start, start + length):
            if not fuzzy[pos]:
                return []
            combos = [(*c, o) for c in combos for o in fuzzy[pos]][:64]
        return [c for c in combos if c in self.market_phrases]

    def main_market(self, city: str) -> q.Market | None:
        name = MAIN_MARKETS.get(city)
        if name:
            m = self.market_by_key.get(fold(name))
            if m is not None:
                return m
        markets = self.cities.get(city, [])
        if not markets:
            return None
        return max(markets, key=lambda m: (self.market_rows.get(m.id, 0), -m.id))

    def resolve_product_name(self, text: str) -> ProductMatch:
        """A product named by a string (LLM output, command argument, button): exact key first, then fuzzy."""
        key = fold(text)
        exact = self.product_by_key.get(key)
        if exact is not None and exact.id in self.priced:
            return ProductMatch("ok", exact, [exact])
        tokens = [singular(w) for w in words(key)]
        return self.match_product(tokens)

    def resolve_market_name(self, text: str) -> MarketMatch | None:
        key = fold(text)
        exact = self.market_by_key.get(key)
        if exact is not None:
            return MarketMatch(exact, None, set(), text)
        tokens = [singular(w) for w in words(key)]
        found = self.find_markets(tokens)
        if not found:
            return None
        used, kind, target = found[0]
        if kind == "market":
            return MarketMatch(self.markets[int(target)], None, used, text)
        main = self.main_market(str(target))
        return MarketMatch(main, str(target), used, text) if main else None


def _sounds(tokens: Any) -> dict[str, str]:
    """Spelling key -> the vocabulary token, only for keys that one token owns."""
    owners: dict[str, set[str]] = {}
    for t in tokens:
        if len(t) >= 4:
            owners.setdefault(sound_key(t), set()).add(t)
    return {k: next(iter(v)) for k, v in owners.items() if len(v) == 1}


_CACHE: dict[tuple[str, int, int, int, str], Vocabulary] = {}
_CACHE_LOCK = threading.Lock()


def vocabulary(conn: sqlite3.Connection) -> Vocabulary:
    """The vocabulary of this mirror, rebuilt only when its content changed."""
    path = q.database_path(conn) or f"mem:{id(conn)}"
    key = (*q.data_key(conn), path)
    with _CACHE_LOCK:
        found = _CACHE.get(key)
    if found is not None:
        return found
    built = Vocabulary(conn)
    with _CACHE_LOCK:
        for old in [k for k in _CACHE if k[4] == path]:
            del _CACHE[old]
        _CACHE[key] = built
    return built
