"""The schema the model decodes under: the router's SLOT_SCHEMA rewritten into the form llama-cpp-python's
grammar converter honours, with tight bounds so every generation finishes within a known number of tokens, and
with the period as one compact field (`to_slots` turns a decoded object back into the router's form).

The converter silently drops constraints it does not understand: a type list such as ["string", "null"] turns
into "any string or null" (maxLength, pattern and enum are lost) and minimum/maximum are ignored. This module
rewrites those into anyOf / enum forms the converter does honour. The output is still checked against the
router's original schema afterwards (models.llm.grammar.schema_errors).
"""

from __future__ import annotations

import calendar
import copy
import datetime as dt
import re
from typing import Any

MAX_TEXT = 48  # product / market names the model may copy (canonical names are shorter than this)
MAX_ITEMS = 4  # markets in one comparison request
MAX_ENUM_INTEGERS = 60  # integer ranges up to this size become an enum (the converter ignores minimum/maximum)

# The period in one compact field. Qwen and Llama write each digit as its own token, so "start":"2024-03-01",
# "end":"2024-03-31" costs ~30 generated tokens (~2 s on 2 CPU threads) where "when":"2024-03" costs ~10. A year,
# a month or a day, or a range of two of them with "/" ("2024-03/2024-06"); expanded to start/end before the
# output is checked against the router's schema (to_slots).
PERIOD = "when"
_ONE = r"[12][0-9]{3}(-[01][0-9](-[0-3][0-9])?)?"
PERIOD_PATTERN = rf"^{_ONE}(/{_ONE})?$"
_DATE_PAIR = ("start", "end")


def _bounded(schema: dict[str, Any]) -> dict[str, Any]:
    """Tighten one non-null alternative: bounded strings, small integer ranges as enums, bounded arrays."""
    out = dict(schema)
    kind = out.get("type")
    if kind == "string" and "enum" not in out and "pattern" not in out:
        out["maxLength"] = min(int(out.get("maxLength", MAX_TEXT)), MAX_TEXT)
    if kind == "integer" and "minimum" in out and "maximum" in out and "enum" not in out:
        low, high = int(out["minimum"]), int(out["maximum"])
        if high - low < MAX_ENUM_INTEGERS:
            out = {"enum": list(range(low, high + 1))}
    if kind == "array":
        out["maxItems"] = min(int(out.get("maxItems", MAX_ITEMS)), MAX_ITEMS)
        if isinstance(out.get("items"), dict):
            out["items"] = _property(out["items"])
    return out


def _property(schema: dict[str, Any], optional: bool = False) -> dict[str, Any]:
    """One property, grammar-ready. An optional property loses its null alternative: leaving it out says the same
    in no tokens, where `"end":null` costs about four generated tokens (~0.1 s each on 2 CPU threads)."""
    schema = copy.deepcopy(schema)
    kinds = schema.get("type")
    if "enum" in schema:
        return {"enum": [v for v in schema["enum"] if not (optional and v is None)]}
    if isinstance(kinds, list):
        rest = {k: v for k, v in schema.items() if k != "type"}
        kept = [kind for kind in kinds if not (optional and kind == "null")]
        options: list[dict[str, Any]] = [
            _bounded({"type": kind, **rest}) if kind != "null" else {"type": "null"} for kind in kept
        ]
        return options[0] if len(options) == 1 else {"anyOf": options}
    return _bounded(schema)


def decoding_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """The grammar-ready, bounded version of an object schema (same property names, same required list; optional
    properties are omitted rather than null)."""
    if schema.get("type") != "object" or not isinstance(schema.get("properties"), dict):
        raise ValueError("the intent schema must be an object schema with properties")
    required = set(schema.get("required", []))
    properties = {name: _property(prop, optional=name not in required) for name, prop in schema["properties"].items()}
    if all(name in properties and name not in required for name in _DATE_PAIR):
        for name in _DATE_PAIR:  # one compact period instead of two full dates (see PERIOD)
            del properties[name]
        properties[PERIOD] = {"type": "string", "pattern": PERIOD_PATTERN}
    return {
        "type": "object",
        "properties": properties,
        "required": list(schema.get("required", [])),
        "additionalProperties": False,
    }


def _bounds(text: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of "2024", "2024-03" or "2024-03-15"; None for an impossible date."""
    parts = [int(p) for p in text.split("-")]
    try:
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            year, month = parts
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        day = dt.date(*parts)
        return day, day
    except ValueError:  # month 13, 31 February, …
        return None


def to_slots(obj: object) -> object:
    """The decoded object in the router's form: the compact period becomes start/end (ISO days). An unreadable
    period is dropped (the rules' reading stands); anything that is not an object passes through for the guard."""
    if not isinstance(obj, dict) or PERIOD not in obj:
        return obj
    out = {k: v for k, v in obj.items() if k != PERIOD}
    text = obj[PERIOD]
    if not isinstance(text, str) or not re.fullmatch(PERIOD_PATTERN, text):
        return out
    first, _, last = text.partition("/")
    a, b = _bounds(first), _bounds(last or first)
    if a is not None and b is not None and a[0] <= b[1]:
        out["start"], out["end"] = a[0].isoformat(), b[1].isoformat()
    return out
