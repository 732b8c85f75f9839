"""Quiet hours and the fan-out plan: which due alerts go now, to whom, in how many messages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from data.alerts_store import OutboxItem
from models.alerts.messages import IN_DOUBT_NOTE, render

MAX_MESSAGE = 3900  # below Telegram's 4,096 characters, leaving room for headers


# ---------------------------------------------------------------- quiet hours and fan-out plan


def in_quiet(minute: int, start: int, end: int) -> bool:
    """Whether a local minute-of-day falls in [start, end), a window that may cross midnight."""
    if start == end:
        return False
    return start <= minute < end if start < end else minute >= start or minute < end


def local_minute(moment: dt.datetime, tz: ZoneInfo) -> int:
    local = moment.astimezone(tz)
    return local.hour * 60 + local.minute


def parse_hhmm(text: str) -> int:
    """'22:00' / '22' / '6:30' -> minutes after midnight; ValueError with a Spanish message otherwise."""
    raw = text.strip().lower().replace("h", ":").rstrip(":")
    parts = raw.split(":")
    try:
        hour = int(parts[0])
        minute = int(parts[1]) if len(parts) > 1 and parts[1] else 0
    except ValueError:
        raise ValueError(f"hora no válida: {text!r} (usa HH:MM, por ejemplo 21:30)") from None
    if not (0 <= hour <= 23 and 0 <= minute <= 59) or len(parts) > 2:
        raise ValueError(f"hora no válida: {text!r} (usa HH:MM, por ejemplo 21:30)")
    return hour * 60 + minute


def hhmm(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


@dataclass(frozen=True)
class Batch:
    """One message to one chat carrying one or more alerts (their keys are marked together)."""

    chat_id: int
    keys: tuple[str, ...]
    text: str
    forecasts: tuple[tuple[int, str], ...]  # (subscription id, "producto en mercado") for buttons
    in_doubt: bool


def plan(items: Sequence[OutboxItem], quiet: dict[int, tuple[int, int]], now: dt.datetime, tz: ZoneInfo,
         ) -> tuple[list[Batch], list[str]]:
    """Group due alerts per chat into messages; chats in their quiet hours are held (their keys returned, the
    caller marks them held). Held alerts come out together once the hours end, under one header."""
    per_chat: dict[int, list[OutboxItem]] = {}
    for item in items:
        per_chat.setdefault(item.chat_id, []).append(item)
    batches: list[Batch] = []
    held: list[str] = []
    minute = local_minute(now, tz)
    for chat_id, chat_items in per_chat.items():
        window = quiet.get(chat_id)
        if window and in_quiet(minute, *window):
            held.extend(i.key for i in chat_items)
            continue
        batches.extend(_chat_batches(chat_id, chat_items, any(i.held for i in chat_items)))
    return batches, held


def _chat_batches(chat_id: int, items: list[OutboxItem], was_held: bool) -> list[Batch]:
    groups: list[list[tuple[OutboxItem, str]]] = [[]]
    size = 0
    for item in items:
        text = render(item.payload)
        if groups[-1] and (size + len(text) > MAX_MESSAGE or len(groups[-1]) >= 8):
            groups.append([])
            size = 0
        groups[-1].append((item, text))
        size += len(text) + 4
    out = []
    for group in groups:
        parts = []
        doubt = any(i.in_doubt for i, _ in group)
        if doubt:
            parts.append(IN_DOUBT_NOTE)
        if was_held:
            parts.append(f"🔕 Alertas retenidas durante tus horas de silencio ({len(group)}):")
        elif len(group) > 1:
            parts.append(f"🔔 {len(group)} alertas:")
        parts.append("\n\n".join(text for _, text in group))
        out.append(Batch(chat_id, tuple(i.key for i, _ in group), "\n\n".join(parts),
                         tuple((i.subscription_id, i.forecast) for i, _ in group if i.forecast), doubt))
    return out
