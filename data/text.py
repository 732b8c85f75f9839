"""Text folding shared by the importers (canonical names) and the question router."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-zñ]+")


def strip_accents(text: str) -> str:
    """Remove combining accents but keep ñ (it changes meaning: año / ano)."""
    text = text.replace("ñ", "\0").replace("Ñ", "\1")
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.replace("\0", "ñ").replace("\1", "Ñ")


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key: 'Bogotá, D,C,, Corabastos' -> 'bogota d c corabastos'."""
    text = strip_accents(str(text).lower())
    return " ".join(_NON_WORD.sub(" ", text).split())


def clean_name(text: str) -> str:
    """A source spelling tidied for display: trimmed, single spaces, no trailing '*'."""
    text = " ".join(str(text).replace("\xa0", " ").split())
    return text.rstrip("* ").strip()
