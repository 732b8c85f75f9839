"""The Query: one value for a question from the words to the answer, like darts' one TimeSeries.

The rule parser (models.parse) reads text into a Query; follow-ups copy the previous question's parts into it;
buttons, commands and the LLM path arrive as slot dicts (the wire format, models.slots) and are resolved into a
Query once, at the edge (Router.answer_slots, models.llm.merge). Names are resolved once: `product` and `markets`
hold the vocabulary rows (ids) they matched, never free strings. The answer modules read nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models.dates import Period
from models.resolve import MarketMatch, ProductMatch
from models.slots import Intent, Stat


@dataclass(frozen=True)
class TradeUnit:
    """A unit traders buy in, with its weight in kg ("bulto" = 50 kg only for the foods sold by bulto)."""

    name: str  # libra | arroba | bulto | kilos
    kg: float
    label: str  # as the answer says it: "la arroba (12,5 kg)"


@dataclass
class Query:
    intent: Intent
    product: ProductMatch  # ok (one product) | ambiguous (candidates) | unknown | none
    markets: list[MarketMatch] = field(default_factory=list)
    all_markets: bool = False
    period: Period | None = None
    stat: Stat | None = None  # the statistic asked for (intent STAT)
    group: str | None = None  # a food group named ("la fruta más cara", "qué verduras subieron")
    family: tuple[int, ...] = ()  # a ranking among the kinds of one food ("¿cuál papa está más barata?")
    unit: TradeUnit | None = None  # a trade unit asked for ("la arroba", "el bulto", "10 kilos")
    top: int = 1  # how many items a ranking names first
    horizon: int | None = None  # forecasts
    freq: str | None = None
    threshold: float | None = None  # alerts: the user's own number
    direction: str | None = None
    change_pct: float | None = None
    rule: str | None = None
    # how the words were read: the rule parser fills these; follow-ups, the LLM merge and the answers read them
    text: str = ""
    norm: str = ""
    tokens: list[str] = field(default_factory=list)
    keyword: bool = False  # an intent keyword was seen (not just inferred from a product)
    followup: bool = False
    confidence: float = 1.0
    unknown: list[str] = field(default_factory=list)  # content words nothing explained
    unknown_place: list[str] = field(default_factory=list)  # unexplained words where a market or city goes
    llm_read: list[str] = field(default_factory=list)  # what the language model read, in Spanish (the answer says it)
