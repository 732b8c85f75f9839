"""Numbers people type in Spanish: "2.500", "$2.500", "2 mil", "2,5 mil", "dos mil quinientos", "10%",
"diez por ciento". Used for alert thresholds and percentages; never for figures shown to users."""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.lang import NUMBER_WORDS

_AMOUNT = re.compile(
    r"(?<![\w/.,])\$? ?(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?: ?(mil|k|lucas?|barras?)\b)?(?![\w/])"
)
_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?) ?(?:%|por ?ciento\b)")
_WORD_NUMBER = re.compile(
    r"\b((?:(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r"|mil|y) ?)+)\b"
)


@dataclass(frozen=True)
class Amount:
    value: float
    start: int
    end: int
    percent: bool = False


def _to_float(digits: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", digits):
        return float(digits.replace(".", "").replace(",", "."))
    return float(digits.replace(",", "."))


def words_to_number(text: str) -> float | None:
    """'dos mil quinientos' -> 2500, 'mil' -> 1000, 'tres mil' -> 3000."""
    total, current, seen = 0, 0, False
    for token in text.split():
        if token == "y":
            continue
        if token == "mil":
            total += (current or 1) * 1000
            current = 0
            seen = True
        elif token in NUMBER_WORDS:
            current += NUMBER_WORDS[token]
            seen = True
        else:
            return None
    return float(total + current) if seen else None


def amounts(text: str) -> list[Amount]:
    """Every amount in normalised text, in order (percentages flagged)."""
    found: list[Amount] = []
    taken: list[tuple[int, int]] = []
    for m in _PERCENT.finditer(text):
        found.append(Amount(_to_float(m.group(1)), m.start(), m.end(), True))
        taken.append((m.start(), m.end()))
    for m in _AMOUNT.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        try:
            value = _to_float(m.group(1))
        except ValueError:
            continue
        if m.group(2):
            value *= 1000
        found.append(Amount(value, m.start(), m.end()))
    for m in _WORD_NUMBER.finditer(text):
        phrase = m.group(1).strip()
        if not phrase or phrase == "y" or any(a <= m.start() < b for a, b in taken):
            continue
        spoken = words_to_number(phrase)
        if spoken is None:
            continue
        value = spoken
        tail = text[m.end():m.end() + 16]
        if re.match(r" ?(%|por ?ciento)", tail):
            found.append(Amount(value, m.start(), m.end(), True))
        else:
            found.append(Amount(value, m.start(), m.end()))
    return sorted(found, key=lambda a: a.start)
