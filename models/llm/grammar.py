"""JSON schema -> GBNF grammar for constrained decoding, a lenient JSON reader and a small schema checker.

llama-cpp-python's JSON-schema converter defines a string character as `[^"\\]`, which lets raw control
characters (\\x00-\\x1F, \\x7F) into strings (upstream llama-cpp-python issue 1259): the model can emit a literal
newline or \\x04 inside a JSON string and strict JSON parsers reject the result. `schema_grammar` replaces that
rule with the JSON-correct one; `loads_lenient` still accepts and cleans such output from any other source.
"""

from __future__ import annotations

import json
import os
import re
from types import ModuleType
from typing import Any

# The converter's faulty rule (what it writes) and the JSON-correct one (RFC 8259: no raw U+0000-U+001F; \x7F too).
_ESCAPE = r'"\\" (["\\/bfnrt] | "u" [0-9a-fA-F] [0-9a-fA-F] [0-9a-fA-F] [0-9a-fA-F])'
UPSTREAM_CHAR_RULE = r'char ::= [^"\\] | ' + _ESCAPE
# Nor escapes that decode to one (\n, \t, \u0000…): no name needs them. And no "}" inside strings (no name has
# one): the answer is a flat object, so its first "}" is its end and generation can stop there, without another
# forward pass for the end-of-text token.
SAFE_CHAR_RULE = r'char ::= [^"\\}\x7F\x00-\x1F] | "\\" ["\\/]'
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CHAR_RULE_LINE = re.compile(r"^char ::= .*$", re.MULTILINE)
_SPACE_RULE_LINE = re.compile(r"^space ::= .*$", re.MULTILINE)
COMPACT_SPACE_RULE = 'space ::= ""'



def import_llama_cpp() -> ModuleType:
    """Import llama_cpp with OpenMP threads that sleep instead of spinning while they wait.

    libgomp reads OMP_WAIT_POLICY once, when llama.cpp's library loads. Spinning threads (the default) keep the
    cores busy between tokens: on a small shared machine that slowed the tiny test model ~10x under load and
    would steal the CPU that database answers need. An explicit OMP_WAIT_POLICY in the environment still wins.
    """
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    import llama_cpp

    from models.llm.backend import ensure_cpu_backend

    ensure_cpu_backend(llama_cpp)  # a GGML_BACKEND_DL build registers no CPU backend until asked to (runs once)
    return llama_cpp


class GrammarError(ValueError):
    """The schema cannot be turned into a grammar this module trusts."""


def upstream_grammar(schema: dict[str, Any]) -> str:
    """The GBNF grammar exactly as llama-cpp-python's converter writes it (kept to demonstrate the bug)."""
    import_llama_cpp()
    from llama_cpp.llama_grammar import json_schema_to_gbnf

    return str(json_schema_to_gbnf(json.dumps(schema)))


def schema_grammar(schema: dict[str, Any], compact: bool = True) -> str:
    """GBNF for `schema` whose strings cannot contain raw control characters. `compact`: no optional whitespace
    between JSON tokens (the converter allows a space after every ':' and ','), so every generated token carries
    content: generation is the slow part of a question on a CPU."""
    grammar = upstream_grammar(schema)
    if compact:
        grammar = _SPACE_RULE_LINE.sub(lambda _m: COMPACT_SPACE_RULE, grammar)
    lines = _CHAR_RULE_LINE.findall(grammar)
    if not lines:
        return grammar  # no free-text string in the schema (only enums/numbers): nothing to fix
    if lines != [UPSTREAM_CHAR_RULE]:
        raise GrammarError(f"unexpected string rule from llama-cpp-python: {lines!r}")
    return _CHAR_RULE_LINE.sub(lambda _m: SAFE_CHAR_RULE, grammar)


def prefilled(schema: dict[str, Any], grammar: str) -> tuple[str, str]:
    """(the text every answer starts with, the grammar for what follows it).

    The first required property of an object schema whose value is a string enum always opens the answer the same
    way (`{"intent":"`). Written into the prompt, those tokens are evaluated in one batch with the question instead
    of being generated one forward pass each. ("", grammar) when the schema or the grammar does not have that shape.
    """
    required = schema.get("required") or []
    prop = schema.get("properties", {}).get(required[0]) if required else None
    if not isinstance(prop, dict) or not prop.get("enum") or not all(isinstance(v, str) for v in prop["enum"]) \
            or not _SPACE_RULE_LINE.search(grammar) or COMPACT_SPACE_RULE not in grammar:
        return "", grammar
    key = str(required[0])
    rule = re.sub(r"[^a-zA-Z0-9-]+", "-", key)
    root = re.search(rf'^root ::= "\{{" space {re.escape(rule)}-kv (.*)$', grammar, re.MULTILINE)
    values = re.search(rf"^{re.escape(rule)} ::= (.*)$", grammar, re.MULTILINE)
    alternatives = values.group(1).split(" | ") if values else []
    if root is None or not alternatives or not all(a.startswith('"\\"') for a in alternatives):
        return "", grammar
    opened = " | ".join('"' + a[3:] for a in alternatives)  # each value without its opening quote
    grammar = grammar.replace(root.group(0), f"root ::= {rule}-opened {root.group(1)}")
    return f'{{"{key}":"', f"{grammar}\n{rule}-opened ::= {opened}\n"


def strip_controls(value: Any) -> Any:
    """Remove raw control characters from every string inside a JSON value."""
    if isinstance(value, str):
        return _CONTROL.sub("", value)
    if isinstance(value, list):
        return [strip_controls(v) for v in value]
    if isinstance(value, dict):
        return {strip_controls(k): strip_controls(v) for k, v in value.items()}
    return value


def loads_lenient(text: str) -> Any | None:
    """Parse the first JSON object in `text`, tolerating raw control characters inside strings; None if none."""
    start = text.find("{")
    if start < 0:
        return None
    try:
        value, _end = json.JSONDecoder(strict=False).raw_decode(text, start)
    except json.JSONDecodeError:
        return None
    return strip_controls(value)


def _type_ok(value: Any, kind: str) -> bool:
    if kind == "null":
        return value is None
    if kind == "string":
        return isinstance(value, str)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "object":
        return isinstance(value, dict)
    if kind == "array":
        return isinstance(value, list)
    raise GrammarError(f"unsupported schema type {kind!r}")


def schema_errors(value: Any, schema: dict[str, Any], where: str = "$") -> list[str]:
    """Check `value` against the JSON-schema subset the intent schema uses; an empty list means valid.

    Supported: type (name or list), enum, const, anyOf/oneOf, properties, required, additionalProperties (false),
    items, maxItems, minLength/maxLength, pattern, minimum/maximum, and rejection of raw control characters in strings.
    """
    errors: list[str] = []
    if "anyOf" in schema or "oneOf" in schema:
        options = schema.get("anyOf") or schema.get("oneOf") or []
        if all(schema_errors(value, option, where) for option in options):
            errors.append(f"{where}: matches no allowed alternative")
        return errors
    if "const" in schema and value != schema["const"]:
        errors.append(f"{where}: must be {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: {value!r} not in {schema['enum']!r}")
    kinds = schema.get("type")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else list(kinds)
        if not any(_type_ok(value, k) for k in kinds):
            errors.append(f"{where}: expected {'/'.join(kinds)}, got {type(value).__name__}")
            return errors
    if isinstance(value, str):
        if len(value) > schema.get("maxLength", len(value)):
            errors.append(f"{where}: longer than {schema['maxLength']}")
        if len(value) < schema.get("minLength", 0):
            errors.append(f"{where}: shorter than {schema['minLength']}")
        if _CONTROL.search(value):
            errors.append(f"{where}: contains control characters")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{where}: does not match {schema['pattern']}")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append(f"{where}: below {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            errors.append(f"{where}: above {schema['maximum']}")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in value:
                errors.append(f"{where}.{key}: missing")
        for key, item in value.items():
            if key in props:
                errors.extend(schema_errors(item, props[key], f"{where}.{key}"))
            elif schema.get("additionalProperties") is False:
                errors.append(f"{where}.{key}: not allowed")
    if isinstance(value, list) and len(value) > schema.get("maxItems", len(value)):
        errors.append(f"{where}: more than {schema['maxItems']} items")
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        for i, item in enumerate(value):
            errors.extend(schema_errors(item, schema["items"], f"{where}[{i}]"))
    return errors
