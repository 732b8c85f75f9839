"""Every Spanish text the Telegram layer writes itself (answers with figures come from the router).

Texts are plain str.format templates; values are HTML-escaped by the caller before they go in, and the
templates may use Telegram's HTML tags (<b>, <i>, <code>). `text(key, **values)` is the only way in.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from models.render import SOURCE


@dataclass(frozen=True)
class Command:
    name: str
    description: str  # the short line shown by Telegram's command menu (setMyCommands)
    usage: str  # the line in /ayuda
    feature: str = "core"  # core | forecast | alerts: listed only when that feature is registered


COMMANDS: tuple[Command, ...] = (
    Command("start", "Bienvenida y ejemplos", "/start — bienvenida y ejemplos para tocar"),
    Command("ayuda", "Qué puedo responder y cómo preguntar", "/ayuda — esta ayuda"),
    Command("precio", "Precio de un producto: /precio papa criolla en Corabastos",
            "/precio <i>producto</i> [en <i>mercado</i>] — último precio mayorista"),
    Command("comparar", "Compara un producto entre mercados",
            "/comparar <i>producto</i> [en <i>mercado</i>, <i>mercado</i>…] — el mismo producto en varios mercados"),
    Command("historial", "Gráfica de la evolución del precio",
            "/historial <i>producto</i> [en <i>mercado</i>] — evolución del precio con gráfica"),
    Command("abastecimiento", "Toneladas que llegan a las centrales",
            "/abastecimiento [<i>producto o grupo</i>] [en <i>mercado</i>] — toneladas y de dónde vienen"),
    Command("mercados", "Mercados y ciudades con datos", "/mercados — mercados y ciudades del espejo"),
    Command("productos", "Productos con precios",
            "/productos [<i>texto</i>] — productos (o los que contienen el texto)"),
    Command("fuente", "Cobertura y frescura de los datos", "/fuente — qué datos tengo y de qué fecha"),
    Command("mercado", "Mercado por defecto de este chat",
            "/mercado [<i>mercado</i> | ninguno] — mercado por defecto del chat (en grupos, solo administradores)"),
    Command("pronostico", "Pronóstico de precio de una serie",
            "/pronostico <i>producto</i> [en <i>mercado</i>] — pronóstico con intervalos", "forecast"),
    Command("series", "Tus series guardadas", "/series — series guardadas para pronosticar", "forecast"),
    Command("alerta", "Crea una alerta de precio", "/alerta — crea una alerta de precio paso a paso", "alerts"),
    Command("cancelar", "Deja a medias la alerta que estás creando",
            "/cancelar — deja a medias la alerta que estás creando", "alerts"),
    Command("alertas", "Tus alertas: ver, pausar, borrar",
            "/alertas — ver, pausar o borrar alertas; /alertas silencio 21:00-06:00 (o no) — horas de silencio",
            "alerts"),
)

EXAMPLES: tuple[str, ...] = (
    "¿A cuánto está la papa criolla en Corabastos?",
    "Precio del tomate chonto en Medellín",
    "¿Cómo ha variado el aguacate hass en las últimas 8 semanas?",
    "¿Dónde está más barata la cebolla cabezona?",
    "¿Cuánto abastecimiento llegó a Corabastos?",
)

MESSAGES: dict[str, str] = {
    "welcome": (
        "¡Hola, {name}! Soy <b>SIPSABot</b>. Respondo con los precios mayoristas y el abastecimiento de "
        "alimentos que publica el DANE (SIPSA), con fecha, unidad y fuente.\n\n"
        "Pregúntame con tus palabras o toca un ejemplo:"
    ),
    "welcome_group": (
        "¡Hola! Soy <b>SIPSABot</b>. En este grupo respondo a comandos (/precio, /ayuda…), a los mensajes que "
        "me mencionan (@{bot}) y a las respuestas a mis mensajes."
    ),
    "help_intro": (
        "<b>¿Qué puedo responder?</b>\nPrecios mayoristas por producto y mercado (último, en una fecha, "
        "evolución), comparaciones entre mercados, dónde está más barato, mayores alzas y bajas, "
        "abastecimiento (toneladas y origen) y precios de insumos.\n\n<b>Comandos</b>"
    ),
    "help_free_text": (
        "\n<b>También en tus palabras</b>, por ejemplo:\n{examples}\n\n"
        "Después puedes seguir con «¿y en Medellín?» o «¿y la semana pasada?».\n"
        "En grupos, menciona a @{bot} o responde a uno de mis mensajes.\n"
        "En cualquier chat: escribe <code>@{bot} papa criolla corabastos</code>.\n\n"
        f"{SOURCE}."
    ),
    "need_product": "Dime el producto, por ejemplo: <code>/{command} papa criolla en Corabastos</code>",
    "choose": "Elige una opción:",
    "choice_old": "Esa opción ya no está disponible. Vuelve a preguntar, por favor.",
    "choice_foreign": "Ese botón no es de esta conversación.",
    "choice_taken": "Elegiste: {label}",
    "page_of": "Página {page} de {pages}",
    "prev": "« Anterior",
    "next": "Siguiente »",
    "products_title": "<b>Productos con precios</b> ({count})",
    "products_filtered": "<b>Productos que contienen «{query}»</b> ({count})",
    "products_none": "No encontré productos que contengan «{query}». Prueba /productos sin texto.",
    "markets_title": "<b>Mercados y ciudades</b> ({count})",
    "mirror_empty": "Todavía no tengo datos cargados. Vuelve a intentarlo en unos minutos.",
    "source_title": "<b>Datos disponibles</b> (espejo local de DANE – SIPSA)",
    "source_line": "• {label}: {first} a {last} ({rows} filas)",
    "source_empty_line": "• {label}: sin datos",
    "source_stale": " ⚠ desactualizado ({days} días)",
    "source_failed": "\n⚠ La última actualización de {label} falló ({when}); sigo con los datos anteriores.",
    "source_demo": "\n⚠ <b>Datos de DEMOSTRACIÓN</b>: las cifras son ficticias, solo para probar el bot.",
    "source_footer": "\n" + SOURCE + ". Versión de los datos: {version}",
    "default_market_set": "Listo: cuando no digan el mercado, usaré <b>{market}</b> en este chat.",
    "default_market_cleared": "Listo: este chat ya no tiene mercado por defecto.",
    "default_market_show": "Mercado por defecto de este chat: <b>{market}</b>. Cámbialo con /mercado <i>nombre</i>.",
    "default_market_none": "Este chat no tiene mercado por defecto. Ponlo con /mercado <i>nombre</i>.",
    "default_market_unknown": "No encontré el mercado «{market}». Mira la lista con /mercados.",
    "admins_only": "Solo los administradores del grupo pueden cambiar eso.",
    "flood": "Vas muy rápido 🙂. Espera un momento y vuelve a preguntar (máximo {limit} mensajes por minuto).",
    "too_long": "Tu mensaje es muy largo. Pregúntame en una frase, por ejemplo: «precio de la papa en Cali».",
    "not_text": "Por ahora solo entiendo mensajes de texto. Escríbeme tu pregunta.",
    "unknown_command": "No conozco ese comando. Mira /ayuda.",
    "error": "Lo siento, algo falló al responderte. Ya quedó registrado; intenta de nuevo en un momento.",
    "migrated": "Este grupo ahora es un supergrupo; conservé su configuración.",
    "inline_open": "Abrir SIPSABot",
    "inline_help_title": "Escribe un producto y, si quieres, un mercado",
    "inline_help_text": "Por ejemplo: papa criolla corabastos",
    "inline_nothing": "No encontré un precio para «{query}»",
    "feature_off": "Esa función todavía no está disponible en este bot.",
    "chart_caption": "{title}\n" + SOURCE,
}


def text(key: str, **values: object) -> str:
    """The catalog entry `key`, formatted; string values are HTML-escaped (pass raw user/product text)."""
    return MESSAGES[key].format(**{k: html.escape(v) if isinstance(v, str) else v for k, v in values.items()})


def raw(key: str, **values: object) -> str:
    """The catalog entry formatted with values already escaped or safe HTML (e.g. a list built from text())."""
    return MESSAGES[key].format(**values)
