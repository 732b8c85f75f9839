"""The schema the model decodes under: the router's SLOT_SCHEMA rewritten into the form llama-cpp-python's
grammar converter honours, with tight bounds so every generation finishes within a known number of tokens.

The converter silently drops constraints it does not understand: a type list such as ["string", "null"] turns
into "any string or null" (maxLength, pattern and enum are lost) and minimum/maximum are ignored. This module
rewrites those into anyOf / enum forms the converter does honour. The output is still checked against the
router's original schema afterwards (models.llm.grammar.schema_errors).
"""

from __future__ import annotations

import copy
from typing import Any

MAX_TEXT = 48  # product / market names the model may copy (canonical names are shorter than this)
MAX_ITEMS = 4  # markets in one comparison request
MAX_ENUM_INTEGERS = 60  # integer ranges up to this size become an enum (the converter ignores minimum/maximum)


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
    return {
        "type": "object",
        "properties": {name: _property(prop, optional=name not in required)
                       for name, prop in schema["properties"].items()},
        "required": list(schema.get("required", [])),
        "additionalProperties": False,
    }
