"""The router's intent vocabulary: intents, slot names and the JSON schema of an intent object.

The rule parser, the clarification buttons, the /precio-style commands and the LLM path all produce the same
object: {"intent": ..., "product": ..., "market": ...}. The LLM path constrains the model's output with SLOT_SCHEMA;
product and market stay free strings that the router resolves against the mirror's vocabulary. The schema has
no field for prices: the LLM never supplies a figure shown to the user (threshold is the user's own number).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class Intent(StrEnum):
    PRICE = "price"  # latest price of a product (optionally in a market / city)
    PRICE_AT = "price_at"  # price at a date or over a period
    HISTORY = "history"  # trend and % change over a period
    COMPARE = "compare"  # one product across markets or cities
    CHEAPEST = "cheapest"  # market with the lowest price for a product
    PRICIEST = "priciest"  # market with the highest price for a product
    MOVERS = "movers"  # biggest rises and falls of the latest week
    SUPPLY = "supply"  # tonnes by group / product / market
    SUPPLY_ORIGIN = "supply_origin"  # where the food comes from
    INPUTS = "inputs"  # farm-input prices
    COVERAGE = "coverage"  # what the mirror holds
    STAT = "stat"  # an analytical statistic (models.query.Stat): max, mean, season, ranking, count …
    FORECAST = "forecast"
    ALERT = "alert"
    HELP = "help"
    GREETING = "greeting"
    THANKS = "thanks"
    OUT_OF_SCOPE = "out_of_scope"
    CLARIFY = "clarify"  # nothing could be read with confidence: asked back (an answer's intent, never a slot's)


class Stat(StrEnum):
    """The statistic of an analytical question (intent STAT)."""

    MAX = "max"  # highest weekly price in a period, with the week
    MIN = "min"
    MEDIAN = "median"  # with the mean beside it
    YOY = "yoy"  # newest week vs the same week a year earlier
    SEASON_LOW = "season_low"  # calendar month usually cheapest
    SEASON_HIGH = "season_high"
    SEASON_POSITION = "season_position"  # is the newest price dear for the time of year?
    RANK_HIGH = "rank_high"  # dearest products of a group (or a food's kinds) in a market
    RANK_LOW = "rank_low"
    COUNT_MARKETS = "count_markets"  # markets pricing a product
    COUNT_PRODUCTS = "count_products"  # products priced in a market


# Statistics of one product's series; the others rank or count over many.
PRODUCT_STATS = frozenset({Stat.MAX, Stat.MIN, Stat.MEDIAN, Stat.YOY, Stat.SEASON_LOW, Stat.SEASON_HIGH,
                           Stat.SEASON_POSITION, Stat.COUNT_MARKETS})

DATA_INTENTS = frozenset({Intent.PRICE, Intent.PRICE_AT, Intent.HISTORY, Intent.COMPARE, Intent.CHEAPEST,
                          Intent.PRICIEST, Intent.FORECAST, Intent.ALERT, Intent.STAT})
SMALL_TALK = frozenset({Intent.HELP, Intent.GREETING, Intent.THANKS, Intent.OUT_OF_SCOPE})

# Slot names and what they hold (all optional; dates are ISO yyyy-mm-dd).
SLOTS: dict[str, str] = {
    "product": "product as the user wrote it, or its canonical name once resolved",
    "market": "market (or city) as the user wrote it, or its canonical name once resolved",
    "markets": "several markets or cities (compare)",
    "city": "city the user named, when a city stood for its main market",
    "group": "food group (supply)",
    "input": "farm input name (inputs)",
    "start": "first day of the period asked about",
    "end": "last day of the period asked about",
    "horizon": "forecast horizon in steps of freq",
    "freq": "W (weekly), M (monthly) or D (daily)",
    "threshold": "alert threshold in COP (the user's own number)",
    "direction": "above | below | up | down | either",
    "change_pct": "alert on a change of at least this percentage",
    "rule": "alert rule: threshold | change | new_data",
    "stat": "statistic of an analytical question (models.query.Stat): max, min, median, yoy, season_low, …",
    "unit": "trade unit asked for: libra | arroba | bulto",
}

FREQS = ("W", "M", "D")
DIRECTIONS = ("above", "below", "up", "down", "either")
RULES = ("threshold", "change", "new_data")
GROUPS = ("Frutas frescas", "Verduras y hortalizas", "Tubérculos, raíces y plátanos", "Granos y cereales", "Carnes",
          "Pescados", "Productos procesados", "Huevos y lácteos")
TRADE_UNITS = ("libra", "arroba", "bulto")

SLOT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "intent": {"type": "string", "enum": [i.value for i in Intent if i is not Intent.CLARIFY]},
        "product": {"type": ["string", "null"], "maxLength": 80},
        "market": {"type": ["string", "null"], "maxLength": 80},
        "markets": {"type": ["array", "null"], "items": {"type": "string", "maxLength": 80}, "maxItems": 6},
        "start": {"type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
        "end": {"type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
        "horizon": {"type": ["integer", "null"], "minimum": 1, "maximum": 30},
        "freq": {"type": ["string", "null"], "enum": [*FREQS, None]},
        "threshold": {"type": ["number", "null"], "minimum": 0},
        "direction": {"type": ["string", "null"], "enum": [*DIRECTIONS, None]},
        "change_pct": {"type": ["number", "null"], "minimum": 0, "maximum": 1000},
        "rule": {"type": ["string", "null"], "enum": [*RULES, None]},
        "stat": {"type": ["string", "null"], "enum": [*(s.value for s in Stat), None]},
        "group": {"type": ["string", "null"], "enum": [*GROUPS, None]},
        "unit": {"type": ["string", "null"], "enum": [*TRADE_UNITS, None]},
    },
    "required": ["intent"],
    "additionalProperties": False,
}


def clean_slots(raw: dict[str, Any]) -> dict[str, Any]:
    """Keep only known, well-typed slots from an untrusted dict (LLM output, button payloads)."""
    out: dict[str, Any] = {}
    if not isinstance(raw, dict):
        return out
    for name in ("product", "market", "city", "group", "input"):
        value = raw.get(name)
        if isinstance(value, str) and value.strip():
            out[name] = value.strip()[:80]
    markets = raw.get("markets")
    if isinstance(markets, list):
        names = [m.strip()[:80] for m in markets if isinstance(m, str) and m.strip()][:6]
        if names:
            out["markets"] = names
    for name in ("start", "end"):
        value = raw.get(name)
        if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
            out[name] = value
    horizon = raw.get("horizon")
    if isinstance(horizon, int | float) and not isinstance(horizon, bool) and 1 <= horizon <= 30:
        out["horizon"] = int(horizon)
    if raw.get("freq") in FREQS:
        out["freq"] = raw["freq"]
    for name in ("threshold", "change_pct"):
        value = raw.get(name)
        if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value < 1e9:
            out[name] = float(value)
    if raw.get("direction") in DIRECTIONS:
        out["direction"] = raw["direction"]
    if raw.get("rule") in RULES:
        out["rule"] = raw["rule"]
    if raw.get("stat") in {s.value for s in Stat}:
        out["stat"] = raw["stat"]
    if raw.get("group") not in GROUPS:
        out.pop("group", None)
    if raw.get("unit") in TRADE_UNITS:
        out["unit"] = raw["unit"]
    return out


def parse_intent(value: Any) -> Intent | None:
    try:
        return Intent(str(value))
    except ValueError:
        return None
