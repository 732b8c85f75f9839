"""What the model's intent object may keep: schema-valid, dates that exist, and only numbers the user wrote.

The model never supplies a figure shown to the user: the schema has no price field, and a threshold or
percentage survives only when the same number appears in the user's own text ("baja de 2.000" -> 2000).
"""

from __future__ import annotations

import re
from datetime import date
from difflib import SequenceMatcher
from typing import Any

from data.text import fold
from models.llm.grammar import schema_errors

USER_NUMBERS = ("threshold", "change_pct")  # slots that must be numbers the user typed
NAME_SLOTS = ("product", "market", "markets", "group", "input")  # names that must echo the user's words
WORD_SIMILARITY = 0.75  # spelling fixes pass ("tomte"~"tomate", "papita"~"papa"); other names do not
ONLY_FOR = {  # slots that mean something for one intent only; elsewhere a small model's stray output is noise
    "threshold": {"alert"}, "change_pct": {"alert"}, "rule": {"alert"}, "direction": {"alert", "movers"},
    "horizon": {"forecast"},
}
DATE_SLOTS = ("start", "end")
TIMELESS_STATS = {"season_low", "season_high"}  # the usual month over all years: a period there is invented
# A statistic, like a name, must come from the user's words: the stem of a word that asks for it must be there
# ("la cosa esa que mide el riesgo" is no year-over-year change, whatever a small model guesses).
STAT_CUES = {
    "max": r"alt|car|max|pico|tope|techo|record|mayor|subi|llego",
    "min": r"baj|barat|min|piso|fondo|menor|economic|cay|suelo|regalad",
    "median": r"median|medio|promedio|media|tipic|normal",
    "yoy": r"\ba[nñ]o|anual|pasado|atras|yoy",
    "season_low": r"\bmes|epoca|temporada|estacion|a[nñ]o",
    "season_high": r"\bmes|epoca|temporada|estacion|a[nñ]o",
    "season_position": r"epoca|temporada|normal|usual|habitual|fecha|\bmes",
    "rank_high": r"car|alt|mayor|ranking|top|costos",
    "rank_low": r"barat|baj|menor|ranking|top|economic",
    "count_markets": r"cuant|numero|cantidad",
    "count_products": r"cuant|numero|cantidad",
}

_NUMBER = re.compile(r"(?<![\w.,])\$?\s?(\d{1,3}(?:[.\s]\d{3})+|\d+)(?:,(\d+))?(?:\.(\d{1,2}))?\s*(mil\b|k\b)?",
                     re.IGNORECASE)


def mentioned_numbers(text: str) -> set[float]:
    """Numbers written in `text` the Colombian way: 2.500 / 2 500 / 2500 / 2,5 / $2.500 / 2 mil / 2k."""
    found: set[float] = set()
    for whole, comma_dec, dot_dec, thousand in _NUMBER.findall(text):
        digits = re.sub(r"[.\s]", "", whole)
        value = float(digits)
        if comma_dec:
            value = float(f"{digits}.{comma_dec}")
        elif dot_dec and not re.search(r"[.\s]", whole):
            value = float(f"{digits}.{dot_dec}")  # "2.5" written with a dot
        if re.fullmatch(r"\d{1,3}\.\d{3}", whole):
            found.add(float(whole))  # "2.500" could also be read as a decimal; keep both readings
        if thousand:
            value *= 1000
        found.add(value)
    return found


_DATE_WORDS = re.compile(
    r"\d|\b(hoy|ayer|antier|anteayer|semana|semanas|mes|meses|ano|anos|año|años|dia|dias|pasad[oa]s?|anterior|ultim[oa]s?|"
    r"hace|desde|hasta|entre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
    r"noviembre|diciembre|trimestre|semestre|quincena)\b"
)
_NAME_CHARS = re.compile(r"[a-z0-9ñ ,.()'/&-]+")  # fold() keeps ñ (piña, ñame, champiñones)


def grounded(name: str, text: str) -> bool:
    """True when `name` is plain text whose every word is a word the user wrote, up to spelling: the model
    may fix "tomte" -> "tomate", not bring in a name (or a word of one) the question never mentioned."""
    folded = fold(name)
    if not _NAME_CHARS.fullmatch(folded):
        return False
    said = fold(text).split()
    words = [w for w in folded.split() if len(w) >= 3 or w.isdigit()]
    return bool(words) and all(
        any(w == s or SequenceMatcher(None, w, s).ratio() >= WORD_SIMILARITY for s in said) for w in words
    )


def _offered(name: str, options: tuple[str, ...]) -> bool:
    return fold(name) in {fold(o) for o in options}


def _valid_date(value: Any) -> bool:
    try:
        date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def guard_intent(obj: Any, text: str, schema: dict[str, Any],
                 options: tuple[str, ...] = ()) -> tuple[dict[str, Any] | None, list[str]]:
    """(the cleaned intent object or None, the reasons anything was dropped). A product among `options` (names the
    rules found close to the user's words and showed the model) is grounded as such; the merge still checks it
    against the user's words."""
    if not isinstance(obj, dict):
        return None, ["not a JSON object"]
    errors = schema_errors(obj, schema)
    if errors:
        return None, errors
    notes: list[str] = []
    out = {k: v for k, v in obj.items() if v is not None and v != [] and v != ""}
    for name in NAME_SLOTS:
        values = out.get(name)
        for value in values if isinstance(values, list) else [values] if values is not None else []:
            if not grounded(str(value), text) and not (name == "product" and _offered(str(value), options)):
                return None, [f"{name}: {value!r} is not in the question"]  # invention: trust nothing from it
    stat = out.get("stat")
    if isinstance(stat, str) and not re.search(STAT_CUES.get(stat, "$^"), fold(text)):
        return None, [f"stat: {stat!r} is not asked in the question"]  # a guessed statistic: trust nothing from it
    for name, intents in ONLY_FOR.items():
        if name in out and out.get("intent") not in intents:
            notes.append(f"{name} dropped: not used by {out.get('intent')}")
            del out[name]
    if out.get("market") and out.get("product") and fold(str(out["market"])) == fold(str(out["product"])):
        notes.append("market repeats the product")
        del out["market"]
    if any(name in out for name in DATE_SLOTS) and not _DATE_WORDS.search(fold(text)):
        notes.append("dates dropped: the question names no date or period")
        for name in DATE_SLOTS:
            out.pop(name, None)
    if out.get("intent") == "stat" and out.get("stat") in TIMELESS_STATS and any(n in out for n in DATE_SLOTS):
        notes.append(f"dates dropped: {out['stat']} reads every year")  # "¿en qué mes del año…?" names no period
        for name in DATE_SLOTS:
            out.pop(name, None)
    for name in DATE_SLOTS:
        if name in out and not _valid_date(out[name]):
            notes.append(f"{name}: {out[name]!r} is not a date")
            del out[name]
    if "start" in out and "end" in out and out["start"] > out["end"]:
        notes.append("start after end")
        del out["start"], out["end"]
    said = mentioned_numbers(text)
    for name in USER_NUMBERS:
        if name in out and float(out[name]) not in said:
            notes.append(f"{name}: {out[name]!r} is not a number the user wrote")
            del out[name]
    return out, notes
