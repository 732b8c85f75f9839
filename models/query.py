"""The analytical Query: what statistic of which series over which period, carried by ids from understanding
to the answer (names are resolved once, at the edge, by the router).

A Query is what the rule reader (models.understanding.stats) and the router produce for analytical questions;
models.answers.analytics turns it into parameterised queries in data.analytics and Spanish wording.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Stat(StrEnum):
    MAX = "max"  # highest weekly price in a period, with the week
    MIN = "min"
    MEDIAN = "median"
    YOY = "yoy"  # newest week vs the same week a year earlier
    SEASON_LOW = "season_low"  # calendar month usually cheapest
    SEASON_HIGH = "season_high"
    SEASON_POSITION = "season_position"  # is the newest price dear for the time of year?
    RANK_HIGH = "rank_high"  # dearest products of a group in a market
    RANK_LOW = "rank_low"
    COUNT_MARKETS = "count_markets"  # markets pricing a product
    COUNT_PRODUCTS = "count_products"  # products priced in a market


# Statistics that need one product; the others rank or count over many.
PRODUCT_STATS = frozenset({Stat.MAX, Stat.MIN, Stat.MEDIAN, Stat.YOY, Stat.SEASON_LOW, Stat.SEASON_HIGH,
                           Stat.SEASON_POSITION, Stat.COUNT_MARKETS})


@dataclass(frozen=True)
class TradeUnit:
    """A unit traders buy in, with its weight in kg ("bulto" = 50 kg only for the foods sold by bulto)."""

    name: str  # libra | arroba | bulto | kilos
    kg: float
    label: str  # as the answer says it: "la arroba (12,5 kg)"


@dataclass(frozen=True)
class Query:
    stat: Stat
    product_id: int | None = None
    market_id: int | None = None
    group: str | None = None  # food group name as SIPSA spells it (products.group_name)
    family: tuple[int, ...] = ()  # a ranking among the kinds of one food ("la papa más barata"): their ids
    start: str | None = None  # ISO dates of the period asked; None = all the history of the series
    end: str | None = None
    period_label: str = ""  # how the answer names the period ("en 2021", "entre enero y marzo de 2024")
    top: int = 1  # how many items a ranking lists first
    unit: TradeUnit | None = None
    market_note: str = ""  # how the market was chosen ("Para Medellín usé …")
