"""/pronostico and /series in Telegram, free-text forecast requests from the router, "guardar esta serie" and
the saved-series buttons. The forecast itself runs in the ForecastService's process pool while the chat shows
"escribiendo…"; the chart goes out as a photo, the full text (intervals, model, backtest score) after it.

Callback data: "fcs:<product>:<market>:<freq>:<horizon>" save, "fcr:<saved id>" forecast a saved series,
"fcd:<saved id>" delete one. Ids are checked against the pressing chat, so old or foreign buttons get a
polite answer."""

from __future__ import annotations

import html
import logging
import re
import sqlite3
from collections.abc import Callable
from typing import Any, TypeVar

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from data import series_store
from data.series import SeriesData, default_market, load_series
from handlers import chat, send
from handlers.common import Services
from handlers.context import Context, bot_data, is_admin, is_private, services
from models.answer import Answer, ChatState
from models.forecast.render import SOURCE as FORECAST_SOURCE
from models.forecast.render import forecast_text
from models.forecast.request import resolve_series
from models.forecast.service import ForecastService
from models.forecast.types import ForecastError, ForecastResult

log = logging.getLogger(__name__)
T = TypeVar("T")
LAST_KEY = "forecast_last"
SAVE_RE = re.compile(r"\b(por\s+favor\s+)?(guarda|guardar|guárdame|guardame|salva|salvar)\s+(esta|la|mi|esa)?\s*"
                     r"serie\b(?:\s+(?:como|con el nombre)\s+(?P<name>.+))?", re.IGNORECASE)

TEXT = {
    "usage": "Escribe, por ejemplo: <code>/pronostico papa criolla en Corabastos 8 semanas</code>.\n"
             "Frecuencia semanal (1-12 semanas), mensual (1-6 meses) o diaria donde haya datos diarios (1-30 días).",
    "saved_head": "📈 <b>Series guardadas</b> ({n}). Toca una para pronosticarla:",
    "none_saved": "No hay series guardadas en este chat. Pide un pronóstico y toca «💾 Guardar esta serie», "
                  "o escribe «guardar esta serie» después de un pronóstico.",
    "nothing_to_save": "Primero pide un pronóstico (por ejemplo: /pronostico tomate chonto en Cali); luego "
                       "escribe «guardar esta serie».",
    "saved": "💾 Guardada como serie {number}: <b>{name}</b>. Pronóstico: <code>/pronostico {number}</code> · "
             "lista: /series",
    "updated": "La serie {number} (<b>{name}</b>) ya estaba guardada; la actualicé.",
    "deleted": "🗑 Serie borrada.",
    "gone": "Esa serie ya no está guardada en este chat.",
    "admins_only": "En los grupos, solo los administradores guardan o borran las series del grupo.",
    "failed": "No pude calcular el pronóstico ahora. Inténtalo de nuevo en un momento.",
}
FREQ_WORD = {"W": "semanal", "M": "mensual", "D": "diaria"}


def forecast_service(context: Context) -> ForecastService:
    svc = services(context)
    found = svc.features.get("forecast")
    if not isinstance(found, ForecastService):
        settings = bot_data(context).settings
        found = ForecastService(settings.forecast_workers if settings is not None else 1,
                                model_dir=settings.model_dir / "forecast" if settings is not None else None)
        svc.features["forecast"] = found
        svc.on_stop.append(found.close)
    return found


async def _read(context: Context, fn: Callable[..., T], *args: Any) -> T:
    return await services(context).store.read(fn, *args)


async def _write(context: Context, fn: Callable[..., T], *args: Any) -> T:
    return await services(context).store.write(fn, *args)


def save_keyboard(result: ForecastResult, series: SeriesData) -> InlineKeyboardMarkup:
    data = f"fcs:{series.product_id}:{series.market_id}:{series.freq}:{result.horizon}"
    return InlineKeyboardMarkup([[InlineKeyboardButton("💾 Guardar esta serie", callback_data=data)]])


def caption(result: ForecastResult) -> str:
    first = result.points[0]
    unit = result.unit.split("/", 1)[-1]
    return (f"📈 <b>{html.escape(result.product)}</b> – {html.escape(result.market)}\n"
            f"Modelo: {html.escape(result.model_label)}. Próximo periodo: ${first.value:,.0f}/{unit}".replace(",", ".")
            + f"\n{'Datos de demostración. ' if result.demo else ''}{FORECAST_SOURCE}")


async def run_and_send(update: Update, context: Context, chat_id: int,
                       load: Callable[[sqlite3.Connection], SeriesData], horizon: int | None) -> None:
    """Load the series (thread pool), forecast it (process pool) while typing, send chart + text + button."""
    try:
        series = await _read(context, load)
        async with send.typing(context.bot, chat_id, after_s=0.2):
            result, png = await forecast_service(context).forecast_async(series, horizon, chart=True)
    except ForecastError as exc:
        await send.send_html(context, chat_id, html.escape(exc.message))
        return
    except Exception:
        log.exception("forecast failed for chat %s", chat_id)
        await send.send_html(context, chat_id, TEXT["failed"])
        return
    if context.chat_data is not None:
        context.chat_data[LAST_KEY] = (series.product_id, series.market_id, series.freq, result.horizon)
    if png is not None:
        await send.send_photo(context, chat_id, png, caption(result))
    await send.send_html(context, chat_id, html.escape(forecast_text(result)),
                         reply_markup=save_keyboard(result, series))


# ------------------------------------------------------------------------------------------------ entry points


async def on_forecast_intent(update: Update, context: Context, answer: Answer,
                             state: ChatState) -> None:
    """The router understood a forecast request: its slots name product, market, frequency and horizon."""
    chat_id = state.chat_id or (update.effective_chat.id if update.effective_chat else None)
    if chat_id is None:
        return
    slots = answer.slots
    product = slots.get("product")
    if not product:
        await send.send_html(context, chat_id, TEXT["usage"])
        return
    market = slots.get("market") or slots.get("city")
    freq = slots.get("freq") or "W"
    horizon = slots.get("horizon")
    await run_and_send(update, context, chat_id, lambda conn: resolve_series(conn, product, market, freq),
                       int(horizon) if horizon else None)


async def pronostico(update: Update, context: Context) -> None:
    chat_obj = update.effective_chat
    if chat_obj is None:
        return
    args = " ".join(context.args or []).strip()
    if not args:
        saved = await _read(context, series_store.list_series, chat_obj.id)
        if saved:
            await _send_list(context, chat_obj.id, saved)
        else:
            await send.send_html(context, chat_obj.id, TEXT["usage"])
        return
    found = await _read(context, series_store.find_series, chat_obj.id, args)
    if found is not None:
        await _forecast_saved(update, context, chat_obj.id, found)
        return
    svc = services(context)
    horizon, freq = horizon_words(args)

    def compute(state: ChatState) -> Answer:
        answer = svc.router.answer(f"pronóstico de {args}", state)
        if answer.intent == "forecast":  # the command's own "N semanas/meses/días" wins over defaults
            if freq:
                answer.slots["freq"] = freq
            if horizon:
                answer.slots["horizon"] = horizon
        return answer

    await chat.respond(update, context, compute, question=args)


HORIZON_RE = re.compile(r"\b(\d{1,3})\s*(semanas?|meses|mes|d[ií]as?)\b", re.IGNORECASE)


def horizon_words(text: str) -> tuple[int | None, str | None]:
    """'8 semanas' -> (8, 'W'); '3 meses' -> (3, 'M'); '10 días' -> (10, 'D'); nothing -> (None, None)."""
    m = HORIZON_RE.search(text)
    if not m:
        return None, None
    unit = m.group(2).lower()
    return int(m.group(1)), "W" if unit.startswith("semana") else "M" if unit.startswith("mes") else "D"


async def forecast_ids(update: Update, context: Context, chat_id: int, product_id: int, market_id: int | None,
                       freq: str) -> None:
    """A series known by its ids (an alert's): no names in between. Without a market, the product's default."""

    def load(conn: sqlite3.Connection) -> SeriesData:
        where = market_id
        if where is None:
            found = default_market(conn, product_id, freq)
            if found is None:
                raise ForecastError("No hay datos suficientes para pronosticar esta serie.")
            where = found[0]
        data = load_series(conn, product_id, where, freq)
        if not data.observations:
            raise ForecastError("Esta serie ya no tiene datos en el espejo.")
        return data

    await run_and_send(update, context, chat_id, load, None)


async def _forecast_saved(update: Update, context: Context, chat_id: int,
                          saved: series_store.SavedSeries) -> None:
    await run_and_send(update, context, chat_id,
                       lambda conn: _load_checked(conn, saved), saved.horizon)


def _load_checked(conn: sqlite3.Connection, saved: series_store.SavedSeries) -> SeriesData:
    data = load_series(conn, saved.product_id, saved.market_id, saved.freq)
    if not data.observations:
        raise ForecastError(f"La serie guardada «{saved.name}» ya no tiene datos en el espejo.")
    return data


def _list_keyboard(saved: list[series_store.SavedSeries]) -> InlineKeyboardMarkup:
    rows = [[InlineKeyboardButton(f"📈 {s.number}. {s.name}"[:60], callback_data=f"fcr:{s.id}"),
             InlineKeyboardButton("🗑", callback_data=f"fcd:{s.id}")] for s in saved]
    return InlineKeyboardMarkup(rows)


async def _send_list(context: Context, chat_id: int,
                     saved: list[series_store.SavedSeries]) -> None:
    lines = [TEXT["saved_head"].format(n=len(saved))]
    for s in saved:
        horizon = f", {s.horizon} periodos" if s.horizon else ""
        lines.append(f"{s.number}. {html.escape(s.name)} ({FREQ_WORD[s.freq]}{horizon})")
    await send.send_html(context, chat_id, "\n".join(lines), reply_markup=_list_keyboard(saved))


async def series_cmd(update: Update, context: Context) -> None:
    chat_obj = update.effective_chat
    if chat_obj is None:
        return
    args = context.args or []
    if len(args) >= 2 and args[0].lower() in {"borrar", "eliminar", "quitar"}:
        if not await _may_change(update, context):
            await send.send_html(context, chat_obj.id, TEXT["admins_only"])
            return
        found = await _read(context, series_store.find_series, chat_obj.id, " ".join(args[1:]))
        ok = found is not None and await _write(context, series_store.delete_series, chat_obj.id, found.id)
        await send.send_html(context, chat_obj.id, TEXT["deleted"] if ok else TEXT["gone"])
        return
    saved = await _read(context, series_store.list_series, chat_obj.id)
    if not saved:
        await send.send_html(context, chat_obj.id, TEXT["none_saved"])
        return
    await _send_list(context, chat_obj.id, saved)


async def _may_change(update: Update, context: Context) -> bool:
    return is_private(update) or await is_admin(update, context)


async def _save(update: Update, context: Context, chat_id: int, product_id: int, market_id: int,
                freq: str, horizon: int | None, name: str | None = None) -> None:
    if not await _may_change(update, context):
        await send.send_html(context, chat_id, TEXT["admins_only"])
        return
    try:
        saved, new = await _write(context, series_store.save_series, chat_id, product_id, market_id, freq,
                                  horizon, name)
    except ValueError as exc:
        await send.send_html(context, chat_id, html.escape(str(exc)))
        return
    key = "saved" if new else "updated"
    await send.send_html(context, chat_id, TEXT[key].format(number=saved.number, name=html.escape(saved.name)))


async def on_save_text(update: Update, context: Context) -> None:
    """'guardar esta serie [como NOMBRE]' after a forecast in this chat."""
    chat_obj, message = update.effective_chat, update.effective_message
    if chat_obj is None or message is None or not message.text:
        return
    last = context.chat_data.get(LAST_KEY) if context.chat_data is not None else None
    if not last:
        await send.send_html(context, chat_obj.id, TEXT["nothing_to_save"])
        return
    match = SAVE_RE.search(message.text)
    name = match.group("name").strip() if match and match.group("name") else None
    product_id, market_id, freq, horizon = last
    await _save(update, context, chat_obj.id, product_id, market_id, freq, horizon, name)


async def on_button(update: Update, context: Context) -> None:
    query = update.callback_query
    chat_obj = update.effective_chat
    if query is None or not query.data or chat_obj is None:
        return
    kind, _, rest = query.data.partition(":")
    try:
        if kind == "fcs":
            product_id, market_id, freq, horizon = rest.split(":")
            if freq not in FREQ_WORD:
                raise ValueError(freq)
            await send.answer_callback(query)
            await _save(update, context, chat_obj.id, int(product_id), int(market_id), freq, int(horizon))
            return
        saved_id = int(rest)
    except ValueError:
        await send.answer_callback(query, TEXT["gone"])
        return
    saved = next((s for s in await _read(context, series_store.list_series, chat_obj.id) if s.id == saved_id), None)
    if saved is None:
        await send.answer_callback(query, TEXT["gone"], show_alert=True)
        return
    if kind == "fcd":
        if not await _may_change(update, context):
            await send.answer_callback(query, TEXT["admins_only"], show_alert=True)
            return
        await _write(context, series_store.delete_series, chat_obj.id, saved.id)
        await send.answer_callback(query, TEXT["deleted"])
        remaining = await _read(context, series_store.list_series, chat_obj.id)
        if query.message is not None:
            text = TEXT["saved_head"].format(n=len(remaining)) if remaining else TEXT["none_saved"]
            await send.edit_html(context.bot, chat_obj.id, query.message.message_id, text,
                                 reply_markup=_list_keyboard(remaining) if remaining else None)
        return
    await send.answer_callback(query)
    await _forecast_saved(update, context, chat_obj.id, saved)


async def on_chat_moved(svc: Services, old: int, new: int) -> None:
    """A group that became a supergroup keeps its saved series."""
    await svc.store.write(series_store.migrate_chat, old, new)


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_handler(CommandHandler("pronostico", pronostico))
    app.add_handler(CommandHandler("series", series_cmd))
    app.add_handler(CallbackQueryHandler(on_button, pattern=r"^fc[srd]:"))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & filters.Regex(SAVE_RE)
                                   & (filters.ChatType.PRIVATE | chat.ADDRESSED), on_save_text))
