"""Free text, button presses and inline queries: each one goes to the router, the Answer comes back as
messages (text, chart, clarification buttons). Thin: the thinking happens in models/."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Sequence
from typing import Any

from telegram import (
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    Message,
    Update,
)
from telegram.constants import ParseMode
from telegram.ext import filters

from handlers import messages, render
from handlers.common import Services
from handlers.context import Context, bot_data, is_private, services
from handlers.send import answer_callback, edit_html, send_html, send_photo, typing
from models.answer import Answer, ChatState, Choice

log = logging.getLogger(__name__)

MAX_QUESTION = 1000
INLINE_RESULTS = 5


# ------------------------------------------------------------------------------------------- asking the router


async def respond(update: Update, context: Context, compute: Callable[[ChatState], Answer],
                  *, reply_to: int | None = None, question: str | None = None) -> Answer | None:
    """Run `compute(state)` (a router call) for this chat with its remembered state, then send the answer.
    One chat's messages are handled in order; other chats run concurrently. `question` is what the user
    typed (free text or command arguments): when it names no market, the chat's default market applies."""
    svc = services(context)
    chat = update.effective_chat
    if chat is None:
        return None
    async with svc.memory.lock(chat.id):
        async with typing(context.bot, chat.id):  # the router never raises; a busy LLM falls back to rules
            answer, state = await svc.run(_work, svc, chat.id, compute, question)
        await deliver(update, context, answer, state, reply_to=reply_to)
        await svc.memory.save(chat.id, state)
    return answer


def _work(svc: Services, chat_id: int, compute: Callable[[ChatState], Answer],
          question: str | None) -> tuple[Answer, ChatState]:
    """On a worker thread: the chat's state, the router's answer, the default market when it applies."""
    state, settings = svc.memory.load(chat_id)
    answer = compute(state)
    market = settings.get("market")
    if market and question is not None and _wants_default_market(answer, market) \
            and not names_market(svc.store.reader, question):
        slots = {k: answer.slots[k] for k in ("product", "start", "end") if answer.slots.get(k)}
        slots.update(intent=answer.intent, market=market)
        answer = svc.router.answer_slots(slots, state)
    return answer, state


DEFAULT_MARKET_INTENTS = {"price", "price_at", "history"}


def _wants_default_market(answer: Answer, market: str) -> bool:
    """A price or history answer about a product, not already for the chat's default market (/mercado)."""
    return (answer.intent in DEFAULT_MARKET_INTENTS and not answer.clarify and bool(answer.slots.get("product"))
            and answer.slots.get("market") != market)


def names_market(reader: Callable[[], Any], text: str) -> bool:
    """Whether the text mentions a market or city of the mirror (the router's own resolver decides)."""
    from data.text import fold
    from models.lang import singular, words
    from models.resolve import vocabulary

    tokens = [singular(w) for w in words(fold(text))]
    return bool(vocabulary(reader()).find_markets(tokens))


async def deliver(update: Update, context: Context, answer: Answer, state: ChatState,
                  *, reply_to: int | None = None) -> None:
    """Forecast and alert answers go to their feature's handler; everything else is sent as is."""
    handler = bot_data(context).intent_handlers.get(answer.intent)
    if handler is not None:
        await handler(update, context, answer, state)
        return
    chat = update.effective_chat
    assert chat is not None
    await send_answer(context, chat.id, answer, reply_to=reply_to)


async def send_answer(context: Context, chat_id: int, answer: Answer, *,
                      reply_to: int | None = None) -> Message | None:
    """Text (split, escaped), chart (as a photo) and clarification buttons (stored server-side)."""
    svc = services(context)
    keyboard: InlineKeyboardMarkup | None = None
    if answer.clarify:
        key = svc.keyed.put(chat_id, "choices", list(answer.clarify))
        keyboard = render.choices_keyboard(key, answer.clarify)
    png = await _chart_png(svc, answer)
    pieces = render.answer_html(answer) or [messages.text("choose")]
    if png is not None:
        caption = render.caption_for(answer)
        if caption:
            return await send_photo(context, chat_id, png, caption, reply_markup=keyboard, reply_to=reply_to)
        title = answer.chart.title if answer.chart else ""
        await send_photo(context, chat_id, png, messages.text("chart_caption", title=title), reply_to=reply_to)
    last: Message | None = None
    for i, piece in enumerate(pieces):
        last_piece = i == len(pieces) - 1
        last = await send_html(context, chat_id, piece, reply_markup=keyboard if last_piece else None,
                               reply_to=reply_to if i == 0 and png is None else None)
    return last


async def _chart_png(svc: Services, answer: Answer) -> bytes | None:
    chart = answer.chart
    if chart is None:
        return None
    from models.charts import ChartError, render_png

    try:
        return await svc.run(render_png, chart, subtitle="datos de demostración" if answer.demo else "")
    except ChartError:
        return None


# ----------------------------------------------------------------------------------------------- free text


class _AddressedToBot(filters.MessageFilter):
    """Group messages meant for the bot: a mention of @BotName (or a text mention) or a reply to the bot."""

    def filter(self, message: Message) -> bool:
        bot = message.get_bot()
        reply = message.reply_to_message
        if reply is not None and reply.from_user is not None and reply.from_user.id == bot.id:
            return True
        mention = f"@{bot.username}".casefold() if bot.username else None
        for entity, text in message.parse_entities(["mention", "text_mention"]).items():
            if entity.type == "text_mention" and entity.user is not None and entity.user.id == bot.id:
                return True
            if mention and text.casefold() == mention:
                return True
        return False


ADDRESSED = _AddressedToBot(name="addressed_to_bot")


def question_text(message: Message) -> str:
    """The message text without the bot's @mention."""
    text = message.text or ""
    username = message.get_bot().username
    if username:
        text = re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE)
    return " ".join(text.split())


async def _usable_text(update: Update, context: Context) -> tuple[str, int | None] | None:
    """The question and the message to reply to; None (after saying why, if needed) when there is none."""
    message = update.effective_message
    if message is None or message.text is None:
        return None
    text = question_text(message)
    reply_to = None if is_private(update) else message.message_id
    if not text:
        await on_start_like_help(update, context, reply_to)
        return None
    if len(text) > MAX_QUESTION:
        await send_html(context, message.chat_id, messages.text("too_long"), reply_to=reply_to)
        return None
    return text, reply_to


async def on_text(update: Update, context: Context) -> None:
    """Private chats: any text; groups: text that mentions or replies to the bot (see handlers/__init__)."""
    got = await _usable_text(update, context)
    if got is None:
        return
    text, reply_to = got
    router = services(context).router
    await respond(update, context, lambda state: router.answer(text, state), reply_to=reply_to, question=text)


async def answer_text(update: Update, context: Context) -> tuple[Answer, ChatState, int | None] | None:
    """The router's answer to a text message and the chat state after it (saved), without sending anything: for
    a dialogue that decides what to do with it (handlers/alert_flow.py)."""
    got = await _usable_text(update, context)
    chat = update.effective_chat
    if got is None or chat is None:
        return None
    text, reply_to = got
    svc = services(context)
    router = svc.router
    async with svc.memory.lock(chat.id):
        answer, state = await svc.run(_work, svc, chat.id, lambda st: router.answer(text, st), text)
        await svc.memory.save(chat.id, state)
    return answer, state, reply_to


async def on_start_like_help(update: Update, context: Context, reply_to: int | None) -> None:
    """A bare mention ("@SipsaBot") gets the short group welcome."""
    chat = update.effective_chat
    assert chat is not None
    await send_html(context, chat.id, messages.text("welcome_group", bot=context.bot.username or ""),
                    reply_to=reply_to)


async def on_not_text(update: Update, context: Context) -> None:
    chat = update.effective_chat
    if chat is not None:
        await send_html(context, chat.id, messages.text("not_text"))


# ------------------------------------------------------------------------------------------------- buttons


async def on_choice(update: Update, context: Context) -> None:
    """c:<key>:<i> picks a stored choice (clarification or example); c:<key>:p<n> pages the choices."""
    query = update.callback_query
    assert query is not None
    svc = services(context)
    parts = (query.data or "").split(":")
    item = svc.keyed.get(parts[1]) if len(parts) == 3 else None
    message = query.message
    chat_id = message.chat.id if message is not None else None
    if item is None or item.kind not in {"choices", "examples"}:
        await answer_callback(query, messages.text("choice_old"), show_alert=True)
        return
    if item.chat_id != chat_id:
        await answer_callback(query, messages.text("choice_foreign"), show_alert=True)
        return
    choices: Sequence[Choice] = item.payload
    if parts[2].startswith("p") and parts[2][1:].isdigit():
        await answer_callback(query)
        assert message is not None
        await _edit_markup(context, message.chat.id, message.message_id,
                           render.choices_keyboard(parts[1], choices, int(parts[2][1:])))
        return
    if not parts[2].isdigit() or int(parts[2]) >= len(choices):
        await answer_callback(query, messages.text("choice_old"), show_alert=True)
        return
    choice = choices[int(parts[2])]
    await answer_callback(query, messages.MESSAGES["choice_taken"].format(label=choice.label)[:200])  # plain text
    if item.kind == "choices" and message is not None:
        svc.keyed.drop(parts[1])  # one answer per clarification: a second press gets "no longer available"
        await _edit_markup(context, message.chat.id, message.message_id, None)
    router = svc.router
    await respond(update, context, lambda state: router.answer(choice.text, state))


async def _edit_markup(context: Context, chat_id: int, message_id: int,
                       markup: InlineKeyboardMarkup | None) -> None:
    from telegram.error import BadRequest, NetworkError

    try:
        await context.bot.edit_message_reply_markup(chat_id=chat_id, message_id=message_id, reply_markup=markup)
    except (BadRequest, NetworkError) as exc:  # "not modified", old message: the answer still goes out
        log.info("editMessageReplyMarkup in chat %s: %s", chat_id, getattr(exc, "message", exc))


async def on_page(update: Update, context: Context) -> None:
    """p:<key>:<n> shows page n of a stored list (edits the message in place)."""
    query = update.callback_query
    assert query is not None
    svc = services(context)
    parts = (query.data or "").split(":")
    item = svc.keyed.get(parts[1]) if len(parts) == 3 and parts[2].isdigit() else None
    message = query.message
    if item is None or item.kind != "pages" or message is None:
        await answer_callback(query, messages.text("choice_old"), show_alert=True)
        return
    if item.chat_id != message.chat.id:
        await answer_callback(query, messages.text("choice_foreign"), show_alert=True)
        return
    await answer_callback(query)
    title, lines = item.payload
    body, pages = render.page_html(title, lines, int(parts[2]))
    page = min(int(parts[2]), pages - 1)
    await edit_html(context.bot, message.chat.id, message.message_id, body,
                    render.pages_keyboard(parts[1], page, pages))


async def send_pages(context: Context, chat_id: int, title_html: str, lines_html: list[str],
                     *, reply_to: int | None = None) -> None:
    """A long list, one page per message edit, with « Anterior / Siguiente » buttons."""
    body, pages = render.page_html(title_html, lines_html, 0)
    markup = None
    if pages > 1:
        key = services(context).keyed.put(chat_id, "pages", (title_html, lines_html))
        markup = render.pages_keyboard(key, 0, pages)
    await send_html(context, chat_id, body, reply_markup=markup, reply_to=reply_to)


async def on_unknown_button(update: Update, context: Context) -> None:
    """Buttons whose data no handler knows (another bot's, a removed feature's)."""
    query = update.callback_query
    if query is not None:
        await answer_callback(query, messages.text("choice_foreign"), show_alert=True)


# ------------------------------------------------------------------------------------------------- inline


def _result_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:32]


def _article(answer: Answer, fallback_title: str) -> InlineQueryResultArticle:
    lines = [line for line in answer.text.strip().splitlines() if line.strip()]
    title = " · ".join(str(answer.slots[k]) for k in ("product", "market") if answer.slots.get(k)) or fallback_title
    body = render.escape(render.split_plain(answer.text)[0] if answer.text.strip() else fallback_title)
    return InlineQueryResultArticle(
        id=_result_id(title + answer.text), title=title[:100], description=(lines[0] if lines else "")[:200],
        input_message_content=InputTextMessageContent(body, parse_mode=ParseMode.HTML))


def inline_answers(router: Any, query: str) -> list[tuple[Answer, str]]:
    """The answers offered for an inline query: the direct one, or one per clarification choice."""
    answer: Answer = router.answer(query, ChatState())
    if not answer.clarify:
        return [(answer, query)]
    found = []
    for choice in answer.clarify[:INLINE_RESULTS]:
        found.append((router.answer(choice.text, ChatState()), choice.label))
    return found


async def on_inline(update: Update, context: Context) -> None:
    inline = update.inline_query
    if inline is None:
        return
    query = " ".join(inline.query.split())[:MAX_QUESTION]
    button = InlineQueryResultsButton(messages.MESSAGES["inline_open"], start_parameter="inline")
    if not query:
        await inline.answer([], button=button, cache_time=300)
        return
    svc = services(context)
    answers = await svc.run(inline_answers, svc.router, query)
    results = []
    for answer, label in answers:
        if answer.values or answer.text.strip():
            results.append(_article(answer, label))
    if not results:
        results.append(InlineQueryResultArticle(
            id=_result_id(query), title=messages.MESSAGES["inline_nothing"].format(query=query)[:100],
            input_message_content=InputTextMessageContent(messages.text("inline_nothing", query=query),
                                                          parse_mode=ParseMode.HTML)))
    await inline.answer(results, button=button, cache_time=60, is_personal=False)
