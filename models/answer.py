"""The value types every front end shares: what the router answers (Answer) and what it remembers per chat.

The router fills these from query results; the CLI prints them, the Telegram layer renders them, the LLM
path only ever produces slots that go through the same router. No figure is ever typed by hand here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from models.slots import Intent


@dataclass(frozen=True)
class Value:
    """One number an answer uses, with where and when it comes from."""

    kind: str  # price | price_min | price_max | change_pct | tonnes | share_pct | kg | forecast
    value: float
    unit: str  # COP/kg | COP/unidad | COP/litro | % | t | kg
    date: str  # ISO date the value belongs to (start of the week/month for weekly/monthly data)
    date_end: str | None = None
    product: str | None = None
    market: str | None = None
    label: str = ""


@dataclass(frozen=True)
class Choice:
    """One option of a clarification: the button label and the full question it stands for."""

    label: str
    text: str


@dataclass(frozen=True)
class Chart:
    """A chart the front end should draw: named series of (ISO date, value)."""

    title: str
    unit: str
    series: dict[str, list[tuple[str, float]]]
    kind: str = "line"  # line | bar


@dataclass
class Answer:
    intent: Intent  # a plain string is accepted and read as the Intent it names
    text: str
    slots: dict[str, Any] = field(default_factory=dict)
    values: list[Value] = field(default_factory=list)
    clarify: list[Choice] = field(default_factory=list)
    chart: Chart | None = None
    data_date: str | None = None
    demo: bool = False
    stale: bool = False
    llm_read: list[str] = field(default_factory=list)  # what the language model read of the question, in Spanish

    def __post_init__(self) -> None:
        self.intent = Intent(self.intent)

    @property
    def period(self) -> dict[str, str | None]:
        return {"start": self.slots.get("start"), "end": self.slots.get("end")}

    def to_json(self) -> dict[str, Any]:
        return {
            "intent": self.intent.value,
            "product": self.slots.get("product"),
            "market": self.slots.get("market"),
            "period": self.period,
            "values": [asdict(v) for v in self.values],
            "text": self.text,
            "clarify": [asdict(c) for c in self.clarify],
            "slots": {k: v for k, v in self.slots.items() if v is not None},
            "data_date": self.data_date,
            "demo": self.demo,
            "stale": self.stale,
            "llm_read": list(self.llm_read),
        }


@dataclass
class ChatState:
    """What a chat said last, so follow-ups ("¿y en Medellín?") can reuse it."""

    chat_id: int | None = None
    intent: str | None = None
    slots: dict[str, Any] = field(default_factory=dict)
    pending: list[Choice] = field(default_factory=list)
