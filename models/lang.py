"""Spanish text helpers for the router: normalisation, tokens, plurals, number words and typo-tolerant
token lookup (a small SymSpell-style deletion index, so a question costs microseconds, not a scan)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from data.text import strip_accents

_PUNCT = re.compile(r"[^0-9a-zñ$%/.,\-+ ]+")
_LOOSE_COMMA = re.compile(r",(?!\d)|(?<!\d),")
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Lower case, no accents (ñ kept), punctuation other than $ % / . - + (and decimal commas) turned into
    spaces."""
    text = strip_accents(str(text).lower().replace("\u00a0", " "))
    text = _LOOSE_COMMA.sub(" ", _PUNCT.sub(" ", text))  # a comma survives only inside a number: "2,5"
    return _SPACES.sub(" ", text).strip()


_WORD = re.compile(r"[0-9a-zñ]+")

# Chat shorthand people type on a phone -> the full words the rules know ("a cmo ta", "q precio", "pal lulo").
SHORTHAND: dict[str, str] = {
    "q": "que", "ke": "que", "xq": "porque", "pq": "porque", "porq": "porque", "x": "por",
    "pa": "para", "pal": "para el", "xfa": "por favor", "porfa": "por favor", "plis": "por favor",
    "ta": "esta", "tb": "tambien", "tmb": "tambien", "tbn": "tambien", "cmo": "como", "kmo": "como",
    "cnto": "cuanto", "qnto": "cuanto", "d": "de", "dl": "del", "ud": "usted", "uds": "ustedes", "dnd": "donde",
    "dnde": "donde", "xa": "para", "xk": "porque", "porfis": "por favor", "tons": "entonces",
}
# Regional words for the same food, spelled out to the name SIPSA uses ("alverja" is how most of Colombia says arveja;
# "marrano" and "chancho" are cerdo).
SPELLINGS: dict[str, str] = {
    "alverja": "arveja", "alverjas": "arvejas", "alverjita": "arveja", "alverjitas": "arvejas",
    "marrano": "cerdo", "chancho": "cerdo",
    "doble a": "aa", "triple a": "aaa",  # egg grades said in words ("huevo rojo doble A")
}
SHORTHAND.update(SPELLINGS)
_SHORTHAND = re.compile(r"(?<![0-9a-zñ$.,/])(" + "|".join(sorted(SHORTHAND, key=len, reverse=True))
                        + r")(?![0-9a-zñ/])")


# "cuánto a variado", "a subido": the auxiliary "ha" written as the preposition "a" (a common slip)
_HA_SLIP = re.compile(r"\b(cuanto|cuantos|como|que|lo|le|se|ya|no|q) a (variado|cambiado|subido|bajado|aumentado"
                      r"|disminuido|estado|sido|llegado|costado|valido|caido|fluctuado|evolucionado)\b")


def expand_shorthand(norm: str) -> str:
    """Chat shorthand in normalised text spelled out ("a cmo ta la papa pal lunes" -> "a como esta la papa para el
    lunes"); a token that is part of a number, a date or a slash abbreviation ("b/quilla") is left alone."""
    norm = _HA_SLIP.sub(r"\1 ha \2", norm)
    if not _SHORTHAND.search(norm):
        return norm
    return _SPACES.sub(" ", _SHORTHAND.sub(lambda m: SHORTHAND[m.group(1)], norm)).strip()


def words(text: str) -> list[str]:
    """Plain word tokens of normalised text (no punctuation at all)."""
    return _WORD.findall(text)


def singular(token: str) -> str:
    """A crude Spanish singular that is applied to both the vocabulary and the question."""
    if len(token) < 4 or not token.endswith("s") or token.endswith("ss") or token.isdigit():
        return token
    if token.endswith("ces") and len(token) >= 5:
        return token[:-3] + "z"
    if token.endswith("es") and len(token) >= 5 and token[-3] in "lnrdjy":
        return token[:-2]
    return token[:-1]


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = _set(
    "a al el la los las lo le les un una unos unas de del en y e o u con por para que q como cual "
    "cuales cuanto cuanta cuantos cuantas donde adonde es son esta estan estaba estaban esta fue ser se su sus mi "
    "mis me te tu ti nos este esa ese eso esto hay hubo ha han he ya muy mas menos tan tambien pero "
    "sino ni si no sobre entre hasta desde hacia segun sin kilo kilos kg libra libras precio precios "
    "valor vale valia valio cuesta costo costaba cuestan pesos peso cop"
)
# Words around a product name that do not change which product is meant.
FILLER = _set(
    "hoy ahora actual actualmente kilo kilos libra libras bulto bultos arroba arrobas canasta caja unidad docena "
    "porfa porfavor favor xfa plis please gracias oiga hola buenas buenos dias tardes noches mercado plaza central "
    "ciudad semana mes ano año dame deme regala regalame dime digame necesito quiero saber consultar consulta "
    "promedio mayorista mayoristas bueno listo ok vale cual cuanto esta estan tan como quedo quedó hay "
    "pagando pagan venden vende compran compra cotiza cotizan llego llegaron llega llegan entro entraron entra "
    "entran ingreso ingresaron ingresa viene vienen trajeron traen producto productos alimento alimentos cosa "
    "cosas comprar compro conseguir consigo encontrar encuentro surtir llevar alla aca ahi alli aqui oiga parce "
    "mijo mija veci vecino cobran cobra piden pide tienen tiene vender vendo sembrar siembro cosecho reportan "
    "reporta registran registra manejan maneja puesto puesta entregado requerida requerido sido estado ido "
    "ahorita ahoritica cotizar cotizo averiguar averiguarle siembra siembran cultiva cultivan cerca"
)
# Frequent Spanish words that must never be read as a typo of a product or a place ("todo" / "toyo", "mano" /
# "mango", "fecha" / "fécula"): they match a vocabulary word only when spelled exactly.
COMMON_WORDS = _set(
    "bulto bultos arroba arrobas libra libras "  # trade units, not the product "Arroz blanco en bulto" on their own
    "todo toda todos todas bien mal mano manito fecha fechas dia dias hora horas vez veces casa cosa pais mundo "
    "gente amigo amiga hermano parce parcero mijo mija vecino senor senora don dona bot sirve sirven quien quienes "
    "pregunto pregunta preguntas pregunte respuesta alcalde nada algo bueno buena malo mala mejor peor mucho poco "
    "tanto otro otra mismo misma cada nuevo nueva viejo vieja grande chiquito semana semanas mes meses ano anos "
    "hoy ayer manana tarde noche ahora luego antes despues siempre nunca tambien subiendo bajando sube baja subio "
    "bajo llego fue era sera tiene tienen tengo tienes hace hacer dice dicen dijo sabe saber puedo puede podria "
    "quiero quiere necesito comprar compro vender vendo plata lista listo favor gracias hola chao adios"
)
# Nouns of food groups ("fruta", "verduras"): a question names a group with them, never one product by them alone.
FOOD_GROUP_NOUNS = _set("fruta frutal verdura hortaliza legumbre vegetal tuberculo raiz grano cereal carne pescado "
                        "marisco procesado abarrote lacteo producto alimento")
# Words that keep their meaning when they appear in a product name ("sin", "con": "alas de pollo con costillar").
PRODUCT_STOPWORDS = _set("a al el la los las lo un una de del en y e o para por")

NUMBER_WORDS = {
    "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciseis": 16,
    "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "cien": 100, "ciento": 100,
    "doscientos": 200, "trescientos": 300, "cuatrocientos": 400, "quinientos": 500, "seiscientos": 600,
    "setecientos": 700, "ochocientos": 800, "novecientos": 900,
}


_SOUNDS = ((re.compile(r"^[gh](?=ue)"), ""), (re.compile(r"ll"), "y"), (re.compile(r"z|c(?=[ei])"), "s"),
           (re.compile(r"v"), "b"), (re.compile(r"qu(?=[ei])|k"), "c"), (re.compile(r"h"), ""),
           (re.compile(r"(.)\1+"), r"\1"))


def sound_key(token: str) -> str:
    """A spelling-insensitive key: y/ll, z/s/c (before e, i), v/b, qu/k/c, a silent h, a word-initial hue/güe/gue
    and doubled letters sound alike ("medeyin" = "medellin", "sapallo" = "zapallo", "guevo" = "huevo", "pitaya" =
    "pitahaya")."""
    for pattern, repl in _SOUNDS:
        token = pattern.sub(repl, token)
    return token


def int_word(token: str) -> int | None:
    if token.isdigit() and len(token) <= 4:
        return int(token)
    return NUMBER_WORDS.get(token)


def distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal string alignment distance (Levenshtein + adjacent transpositions), capped at limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if a == b:
        return 0
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        best = cur[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
            best = min(best, cur[j])
        if best > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def max_typos(token: str) -> int:
    """How many typos a token of this length may carry and still count as the same word."""
    n = len(token)
    return 0 if n < 4 else 1 if n < 8 else 2


def _deletes(token: str, depth: int) -> set[str]:
    out = {token}
    frontier = {token}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


class TokenIndex:
    """Vocabulary tokens with a deletion index: `lookup(word)` gives the vocabulary tokens within the allowed
    number of typos, with their distance."""

    def __init__(self, tokens: Iterable[str]) -> None:
        self.tokens = set(tokens)
        self._deletes: dict[str, set[str]] = {}
        for token in self.tokens:
            for d in _deletes(token, max_typos(token)):
                self._deletes.setdefault(d, set()).add(token)
        self._cache: dict[str, dict[str, int]] = {}

    def lookup(self, word: str) -> dict[str, int]:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        found: dict[str, int] = {}
        if word in self.tokens:
            found[word] = 0
        if max_typos(word) > 0 and not word.isdigit():
            candidates: set[str] = set()
            for d in _deletes(word, max_typos(word)):
                candidates |= self._deletes.get(d, set())
            for cand in candidates:
                if cand == word or cand.isdigit():
                    continue
                allowed = min(max_typos(word), max_typos(cand))
                if allowed and cand[0] == word[0]:
                    dist = distance(word, cand, allowed)
                    if dist <= allowed:
                        found[cand] = dist
        if len(self._cache) < 50_000:
            self._cache[word] = found
        return found
