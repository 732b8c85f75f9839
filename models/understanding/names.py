"""The names people actually use, as tables: colloquial product and market names, the main wholesale market of
each city (the one default-market policy reads it) and city nicknames. Canonical names are as in
data/vocab/products.csv and markets.csv; models/resolve.py builds its indexes from these."""

from __future__ import annotations

from collections.abc import Iterable

from data import queries as q
from data.text import fold
from models.lang import PRODUCT_STOPWORDS, singular, words

# colloquial name -> canonical product name (as in data/vocab/products.csv)
COLLOQUIAL_PRODUCTS: dict[str, str] = {
    "papa pastusa": "Papa parda pastusa",
    "papa parda": "Papa parda pastusa",
    "papa criolla": "Papa criolla limpia",
    "criolla": "Papa criolla limpia",
    "papa sabanera": "Papa sabanera",
    "papa capira": "Papa capira",
    "pastusa": "Papa parda pastusa",
    "cebolla larga": "Cebolla junca",
    "cebolla de rama": "Cebolla junca",
    "cebolla en rama": "Cebolla junca",
    "cebolla de huevo": "Cebolla cabezona blanca",
    "cebolla huevo": "Cebolla cabezona blanca",
    "cebolla cabezona de huevo": "Cebolla cabezona blanca",
    "cebolla blanca": "Cebolla cabezona blanca",
    "cebolla roja": "Cebolla cabezona roja",
    "cebolla morada": "Cebolla cabezona roja",
    "platano verde": "Plátano hartón verde",
    "platano harton": "Plátano hartón verde",
    "platano maduro": "Plátano hartón maduro",
    "guineo": "Plátano guineo",
    "limon": "Limón Tahití",
    "limon tahiti": "Limón Tahití",
    "limon pajarito": "Limón común",
    "aguacate hass": "Aguacate Hass",
    "aguacate has": "Aguacate Hass",  # as it is said, and most often written
    "hass": "Aguacate Hass",
    "tomate chonto": "Tomate chonto",
    "tomate de arbol": "Tomate de árbol",
    "habichuela": "Habichuela",
    "frijol verde": "Fríjol verde en vaina",
    "frijol rojo": "Fríjol cargamanto rojo",
    "frijol cargamanto": "Fríjol cargamanto rojo",
    "arveja": "Arveja verde en vaina",
    "arveja verde": "Arveja verde en vaina",
    "mazorca": "Chócolo mazorca",
    "choclo": "Chócolo mazorca",
    "chocolo": "Chócolo mazorca",
    "mora": "Mora de Castilla",
    "maracuya": "Maracuyá",
    "zanahoria": "Zanahoria",
    "pechuga": "Pechuga de pollo",
    "ahuyama": "Ahuyama",
    "auyama": "Ahuyama",
    "pimenton": "Pimentón",
    "aji": "Ají topito dulce",
    "fresa": "Fresa",
    "sal": "Sal yodada",
    "lenteja": "Lenteja importada",
    "lentejas": "Lenteja importada",
    "garbanzo": "Garbanzo importado",
    "carne molida": "Carne de res molida, murillo",
}

# colloquial market names -> canonical market name
COLLOQUIAL_MARKETS: dict[str, str] = {
    "abastos": "Bogotá, D.C., Corabastos",
    "corabastos": "Bogotá, D.C., Corabastos",
    "la mayorista": "Medellín, Central Mayorista de Antioquia",
    "central mayorista": "Medellín, Central Mayorista de Antioquia",
    "mayorista de medellin": "Medellín, Central Mayorista de Antioquia",
    "mayorista de antioquia": "Medellín, Central Mayorista de Antioquia",
    "mayorista antioquia": "Medellín, Central Mayorista de Antioquia",
    "la minorista": "Medellín, Plaza Minorista \"José María Villa\"",
    "plaza minorista": "Medellín, Plaza Minorista \"José María Villa\"",
    "minorista de medellin": "Medellín, Plaza Minorista \"José María Villa\"",
    "santa helena": "Cali, Santa Elena",
    "galeria santa elena": "Cali, Santa Elena",
    "la 21": "Ibagué, Plaza La 21",
    "la 41": "Pereira, La 41-Impala",
    "potrerillo": "Pasto, El Potrerillo",
    "bazurto": "Cartagena, Bazurto",
    "las flores": "Bogotá, D.C., Plaza Las Flores",
    "plaza de las flores": "Bogotá, D.C., Plaza Las Flores",
}
# city key -> its main wholesale market (used when a user names a city)
MAIN_MARKETS: dict[str, str] = {
    "bogota": "Bogotá, D.C., Corabastos",
    "medellin": "Medellín, Central Mayorista de Antioquia",
    "cali": "Cali, Cavasa",
    "barranquilla": "Barranquilla, Barranquillita",
    "bucaramanga": "Bucaramanga, Centroabastos",
    "cucuta": "Cúcuta, Cenabastos",
    "pereira": "Pereira, Mercasa",
    "armenia": "Armenia, Mercar",
    "manizales": "Manizales, Centro Galerías",
    "ibague": "Ibagué, Plaza La 21",
    "neiva": "Neiva, Surabastos",
    "pasto": "Pasto, El Potrerillo",
    "villavicencio": "Villavicencio, CAV",
    "tunja": "Tunja, Complejo de Servicios del Sur",
    "valledupar": "Valledupar, Mercabastos",
    "monteria": "Montería, Mercado del Sur",
    "cartagena": "Cartagena, Bazurto",
    "sincelejo": "Sincelejo, Nuevo Mercado",
    "popayan": "Popayán, Plaza de mercado del barrio Bolívar",
    "ipiales": "Ipiales (Nariño), Ipiales somos todos",
}
CITY_NICKNAMES = {"medallo": "medellin", "bogota d c": "bogota", "bogota dc": "bogota", "la capital": "bogota",
                  "barranquilla d e i p": "barranquilla", "curramba": "barranquilla", "cucuta": "cucuta",
                  "san jose de cucuta": "cucuta", "santafe de bogota": "bogota",
                  # abbreviations people type ("b/quilla" is tokenised as "b quilla")
                  "bquilla": "barranquilla", "b quilla": "barranquilla", "barranquiya": "barranquilla",
                  "baq": "barranquilla", "quilla": "barranquilla", "bmanga": "bucaramanga",
                  "b manga": "bucaramanga", "bga": "bucaramanga", "bucara": "bucaramanga", "mde": "medellin",
                  "mdllin": "medellin", "medell": "medellin", "ctg": "cartagena", "ctgena": "cartagena",
                  "cgena": "cartagena", "cartagena de india": "cartagena", "bog": "bogota", "bta": "bogota",
                  "bgta": "bogota", "bogot": "bogota", "villavo": "villavicencio", "vcio": "villavicencio",
                  "cali valle": "cali", "clo": "cali", "cuc": "cucuta", "pei": "pereira",
                  "sta marta": "santa marta", "smarta": "santa marta", "vpar": "valledupar",
                  # the cities' well-known epithets
                  "la heroica": "cartagena", "la arenosa": "barranquilla", "la ciudad bonita": "bucaramanga",
                  "la sultana del valle": "cali", "la perla del otun": "pereira", "la ciudad blanca": "popayan",
                  "la ciudad musical": "ibague", "la ciudad de la eterna primavera": "medellin"}
# words in a product name that people leave out when they name the cut first ("lomo fino de res")

# a generic first word of product names: "Carne de res, lomo" is also said without it
GENERIC_PRODUCT_WORDS = frozenset({"carne"})


def content_tokens(text: str, stop: frozenset[str]) -> tuple[str, ...]:
    tokens = words(fold(text))
    kept = [singular(w) for w in tokens if w not in stop]
    if stop and len(tokens) >= 3 and tokens[-1] in stop and len(tokens[-1]) == 1:
        kept.append(tokens[-1])  # a grade, as in "Huevo rojo A"
    return tuple(kept)


def cut_first(name: str) -> list[tuple[str, ...]]:
    """'Carne de res, lomo fino' is also said cut first: 'lomo fino de res' (the word matching is
    order-insensitive, but a name must start with a word the question used, so the cut leads these entries);
    'Carne de res molida, murillo' is also 'res molida' (without the generic 'carne')."""
    whole = content_tokens(name, PRODUCT_STOPWORDS)
    if "," not in name:
        if len(whole) >= 2 and whole[0] in GENERIC_PRODUCT_WORDS:
            return [whole[1:]]
        return []
    kind, _, cut = name.partition(",")
    kind_tokens = content_tokens(kind, PRODUCT_STOPWORDS)
    cut_tokens = content_tokens(cut, PRODUCT_STOPWORDS)
    if not kind_tokens or not cut_tokens:
        return []
    out = [cut_tokens + kind_tokens]
    short = tuple(t for t in kind_tokens if t not in GENERIC_PRODUCT_WORDS)
    if short and short != kind_tokens:
        out += [cut_tokens + short, short + cut_tokens]
    return out


GENERIC_MARKET_WORDS = frozenset({"plaza", "mercado", "mercados", "central", "centro", "galeria", "de", "del", "la",
                                   "el", "los", "las", "y", "s", "a", "ltda", "sas", "s a s", "barrio"})


def partial_tails(markets: Iterable[q.Market], product_keys: set[tuple[str, ...]]) -> dict[tuple[str, ...], int]:
    """Shortened market names, in order: 'la plaza del barrio Bolívar' for 'Plaza de mercado del barrio Bolívar'.

    A shortening keeps every distinctive word and at least one word saying it is a market (plaza, barrio...), so
    the market's own words beat a department or city named inside them; kept only when one market has it."""
    owners: dict[tuple[str, ...], set[int]] = {}
    for m in markets:
        parts = [p for p in m.name.replace("(", ",").replace(")", ",").split(",") if p.strip()]
        tail = content_tokens(parts[-1], frozenset()) if m.kind == "market" and len(parts) > 1 else ()
        if not 2 <= len(tail) <= 7:
            continue
        must = {i for i, t in enumerate(tail) if t not in GENERIC_MARKET_WORDS}
        if not must:
            continue
        for mask in range(1, 1 << len(tail)):
            picked = [i for i in range(len(tail)) if mask >> i & 1]
            if not must <= set(picked) or tail[picked[0]] in {"de", "del", "y"}:
                continue
            phrase = tuple(tail[i] for i in picked)
            if {"plaza", "mercado", "barrio", "central", "centro", "galeria"} & set(phrase) and len(phrase) >= 2 \
                    and phrase not in product_keys:
                owners.setdefault(phrase, set()).add(m.id)
    return {phrase: next(iter(ids)) for phrase, ids in owners.items() if len(ids) == 1}
