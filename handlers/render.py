"""Answer -> Telegram HTML text and inline keyboards. Pure functions (no I/O).

The router's texts are plain text: everything is HTML-escaped here (product names contain *, (, &), and long
texts are split on paragraph, line or word boundaries so each message stays within Telegram's 4,096 visible
characters. Callback data formats (all far below 64 bytes):
  c:<key>:<i>    pick choice i of the clarification stored under <key>
  c:<key>:p<n>   show page n of that clarification's choices
  p:<key>:<n>    show page n of the list stored under <key>
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from handlers import messages
from models.answer import Answer, Choice

MAX_TEXT = 4096
MAX_CAPTION = 1024
CHOICES_PER_PAGE = 6
LINES_PER_PAGE = 30


def split_plain(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Cut plain text into pieces of at most `limit` characters, preferring paragraph, then line, then word
    boundaries; never returns an empty piece."""
    text = text.strip()
    if not text:
        return []
    pieces: list[str] = []
    while len(text) > limit:
        window = text[: limit + 1]
        cut = -1
        for sep in ("\n\n", "\n", " "):
            at = window.rfind(sep)
            if at > limit // 3:
                cut = at
                break
        if cut <= 0:
            cut = limit
        piece, text = text[:cut].rstrip(), text[cut:].lstrip()
        if piece:
            pieces.append(piece)
    if text:
        pieces.append(text)
    return pieces


def escape(text: str) -> str:
    return html.escape(text, quote=False)


def answer_html(answer: Answer) -> list[str]:
    """The answer's text as HTML message bodies (escaped, split)."""
    return [escape(piece) for piece in split_plain(answer.text)]


def html_pieces(body_html: str, limit: int = MAX_TEXT) -> list[str]:
    """Split text that is already HTML (catalog entries, escaped lists) on line boundaries only, so no tag
    is cut; lines are short here, and a single over-long line falls back to escaped plain text."""
    pieces: list[str] = []
    current = ""
    for line in body_html.split("\n"):
        candidate = f"{current}\n{line}" if current else line
        if len(html.unescape(_strip_tags(candidate))) <= limit:
            current = candidate
            continue
        if current:
            pieces.append(current)
        if len(html.unescape(_strip_tags(line))) > limit:
            pieces.extend(escape(p) for p in split_plain(html.unescape(_strip_tags(line)), limit))
            current = ""
        else:
            current = line
    if current.strip():
        pieces.append(current)
    return pieces


def _strip_tags(text: str) -> str:
    out, inside = [], False
    for ch in text:
        if ch == "<":
            inside = True
        elif ch == ">" and inside:
            inside = False
        elif not inside:
            out.append(ch)
    return "".join(out)


def plain_from_html(text: str) -> str:
    """What a user would read, for resending without parse mode."""
    return html.unescape(_strip_tags(text))


def caption_for(answer: Answer) -> str | None:
    """The whole answer as a photo caption when it fits, else None (caption = title, text follows)."""
    if len(answer.text) <= MAX_CAPTION:
        return escape(answer.text.strip())
    return None


def choices_keyboard(key: str, choices: Sequence[Choice], page: int = 0) -> InlineKeyboardMarkup:
    pages = max(1, math.ceil(len(choices) / CHOICES_PER_PAGE))
    page = min(max(page, 0), pages - 1)
    start = page * CHOICES_PER_PAGE
    rows = [[InlineKeyboardButton(_label(c.label), callback_data=f"c:{key}:{i}")]
            for i, c in enumerate(choices[start:start + CHOICES_PER_PAGE], start=start)]
    nav = []
    if page > 0:
        nav.append(InlineKeyboardButton(messages.MESSAGES["prev"], callback_data=f"c:{key}:p{page - 1}"))
    if page < pages - 1:
        nav.append(InlineKeyboardButton(messages.MESSAGES["next"], callback_data=f"c:{key}:p{page + 1}"))
    if nav:
        rows.append(nav)
    return InlineKeyboardMarkup(rows)


def _label(label: str) -> str:
    label = " ".join(label.split()) or "…"
    return label if len(label) <= 60 else label[:59] + "…"


def page_html(title_html: str, lines_html: Sequence[str], page: int) -> tuple[str, int]:
    """One page of a long list: (HTML body, number of pages)."""
    pages = max(1, math.ceil(len(lines_html) / LINES_PER_PAGE))
    page = min(max(page, 0), pages - 1)
    chunk = lines_html[page * LINES_PER_PAGE:(page + 1) * LINES_PER_PAGE]
    footer = messages.text("page_of", page=page + 1, pages=pages) if pages > 1 else ""
    body = "\n".join([title_html, "", *chunk] + (["", footer] if footer else []))
    return body, pages


def pages_keyboard(key: str, page: int, pages: int) -> InlineKeyboardMarkup | None:
    if pages <= 1:
        return None
    nav = []
    if page > 0:
        nav.append(InlineKeyboardButton(messages.MESSAGES["prev"], callback_data=f"p:{key}:{page - 1}"))
    if page < pages - 1:
        nav.append(InlineKeyboardButton(messages.MESSAGES["next"], callback_data=f"p:{key}:{page + 1}"))
    return InlineKeyboardMarkup([nav])


def examples_keyboard(key: str, examples: Sequence[str]) -> InlineKeyboardMarkup:
    """Tappable examples: each is a stored choice whose text is the question itself."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(_label(e), callback_data=f"c:{key}:{i}")]
                                 for i, e in enumerate(examples)])
