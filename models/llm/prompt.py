"""The constant system prompt (processed once, reused from the KV cache) and the per-question user message."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from models.answer import ChatState

INTENT_HELP: dict[str, str] = {
    "price": "precio actual de un producto, opcionalmente en un mercado o ciudad",
    "price_at": "precio en una fecha o periodo pasado",
    "history": "cómo ha variado el precio (tendencia, % de cambio) en un periodo",
    "compare": "comparar un producto entre mercados o ciudades",
    "cheapest": "mercado donde un producto está más barato",
    "priciest": "mercado donde un producto está más caro",
    "movers": "productos que más subieron o bajaron en la última semana",
    "stat": "una estadística del precio (stat): max/min = precio más alto/bajo y su semana, median = mediana y "
            "promedio, yoy = frente a hace un año, season_low/season_high = mes del año más barato/caro, "
            "season_position = si está caro para la época, rank_high/rank_low = productos más caros/baratos de un "
            "grupo o mercado, count_markets/count_products = cuántos mercados/productos",
    "supply": "abastecimiento en toneladas de un producto, grupo o mercado",
    "supply_origin": "de dónde viene la comida (departamentos y municipios de origen)",
    "inputs": "precios de insumos agropecuarios (fertilizantes, plaguicidas...)",
    "coverage": "qué productos, mercados o fechas hay en la base",
    "forecast": "pronóstico del precio de un producto",
    "alert": "crear un aviso cuando el precio cruce un valor o cambie un porcentaje",
    "help": "qué puede hacer el bot",
    "greeting": "saludo",
    "thanks": "agradecimiento o despedida",
    "out_of_scope": "cualquier otra cosa",
}

EXAMPLES: list[tuple[str, dict[str, Any]]] = [
    ("a como esta la papita criolla en corabastos",
     {"intent": "price", "product": "papa criolla", "market": "corabastos"}),
    ("cuánto cuesta el kilo de tomate chonto hoy en medallo",
     {"intent": "price", "product": "tomate chonto", "market": "medallo"}),
    ("q valia la cebolla cabezona en cali en marzo del 2024",
     {"intent": "price_at", "product": "cebolla cabezona", "market": "cali", "when": "2024-03"}),
    ("cual fue el tope de la mora en el 2023", {"intent": "stat", "product": "mora", "stat": "max", "when": "2023"}),
    ("cuando fue q estuvo carisimo el maracuya en el 2022",
     {"intent": "stat", "product": "maracuyá", "stat": "max", "when": "2022"}),
    ("en q semana del 2024 estuvo mas economica la piña", {"intent": "stat", "product": "piña", "stat": "min",
                                                           "when": "2024"}),
    ("cuanto se encarecio el frijol del 2023 al 2024", {"intent": "history", "product": "fríjol",
                                                         "when": "2023/2024"}),
    ("en q epoca del año se consigue mas barato el lulo", {"intent": "stat", "product": "lulo",
                                                            "stat": "season_low"}),
    ("sta mas cara la naranja que el año pasado por esta fecha", {"intent": "stat", "product": "naranja",
                                                                  "stat": "yoy"}),
    ("a como me sale el bulto de sanahoria", {"intent": "price", "product": "zanahoria", "unit": "bulto"}),
    ("como le ha ido al precio del aguacate hass ultimamente", {"intent": "history", "product": "aguacate hass"}),
    ("en que ciudad sale mas barato el platano harton", {"intent": "cheapest", "product": "plátano hartón"}),
    ("la mora en bogota vs medellin", {"intent": "compare", "product": "mora", "markets": ["bogotá", "medellín"]}),
    ("que fue lo que mas subio esta semana", {"intent": "movers"}),
    ("cuantas toneladas de papa entraron a corabastos",
     {"intent": "supply", "product": "papa", "market": "corabastos"}),
    ("de donde traen la naranja que llega a cali", {"intent": "supply_origin", "product": "naranja", "market": "cali"}),
    ("cuanto vale la urea", {"intent": "inputs", "product": "urea"}),
    ("pa donde va el precio del limon tahiti el proximo mes",
     {"intent": "forecast", "product": "limón tahití", "horizon": 4, "freq": "W"}),
    ("mandame un mensaje si la papa pastusa baja de 2000 en corabastos",
     {"intent": "alert", "product": "papa pastusa", "market": "corabastos", "threshold": 2000, "direction": "below",
      "rule": "threshold"}),
    ("que productos tienen", {"intent": "coverage"}),
    ("buenas tardes", {"intent": "greeting"}),
    ("quien gano el partido", {"intent": "out_of_scope"}),
]


OPTIONS_LINE = "Productos de la base parecidos: "
# Questions that come with the rules' close products: the model names one when the user clearly meant it, else
# copies the user's words (a food SIPSA does not price stays unknown).
OPTION_EXAMPLES: list[tuple[str, str, dict[str, Any]]] = [
    ("Ahuyama; Calabaza", "a como esta la auyama en surabastos",
     {"intent": "price", "product": "Ahuyama", "market": "surabastos"}),
    ("Chócolo mazorca; Cidra", "cuanto vale el chontaduro en cali",
     {"intent": "price", "product": "chontaduro", "market": "cali"}),
]


def system_prompt() -> str:
    """Constant for the life of the process, so its tokens are evaluated once and reused."""
    intents = "\n".join(f"- {name}: {text}" for name, text in INTENT_HELP.items())
    # Compact JSON (no spaces) in the examples: ~140 fewer prompt tokens, and the answers imitate it (the grammar
    # allows no spaces either).
    def shown(obj: dict[str, Any]) -> str:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))

    examples = "\n".join([*(f"Pregunta: {q}\nJSON: {shown(obj)}" for q, obj in EXAMPLES),
                          *(f"{OPTIONS_LINE}{o}\nPregunta: {q}\nJSON: {shown(obj)}" for o, q, obj in OPTION_EXAMPLES)])
    return (
        "Eres el analizador de preguntas de SIPSABot, un bot de precios mayoristas de alimentos en Colombia "
        "(DANE - SIPSA). Lee la pregunta del usuario, que puede tener errores de ortografía, jerga o no tener "
        "tildes, y responde SOLO con un objeto JSON con la intención y los datos que la pregunta menciona.\n"
        "Reglas: copia el producto y el mercado o ciudad con las mismas palabras del usuario (corrige solo la "
        "ortografía evidente, no cambies ni agregues palabras); no inventes productos, mercados ni números; "
        "nunca escribas precios; omite lo que la pregunta no dice; el periodo (when) va como AAAA, AAAA-MM o "
        "AAAA-MM-DD, o dos de ellos separados por / para un rango, y se calcula a partir de la fecha de hoy que "
        "viene con la pregunta; threshold es el número que el usuario escribió. Si llegan «"
        + OPTIONS_LINE.strip().rstrip(":") + "» y el usuario se refiere claramente a uno de ellos (aunque lo escriba "
        "mal o con otras palabras), escribe ese nombre tal cual en product; si no, copia las palabras del usuario.\n"
        f"Intenciones:\n{intents}\n\nEjemplos:\n{examples}"
    )


def user_message(text: str, state: ChatState | None, today: date, options: tuple[str, ...] = ()) -> str:
    """The question plus what the conversation was about (for follow-ups such as "¿y en Medellín?") and the products
    the rules found close to the user's words (the model may say the user meant one of them)."""
    parts = [f"Fecha de hoy: {today.isoformat()}"]
    if options:
        parts.append(OPTIONS_LINE + "; ".join(options))
    if state is not None and state.intent:
        previous = {"intent": state.intent}
        for name in ("product", "market"):
            if isinstance(state.slots.get(name), str):
                previous[name] = state.slots[name]
        parts.append(f"Pregunta anterior: {json.dumps(previous, ensure_ascii=False)}")
    parts.append(f"Pregunta: {text.strip()}")
    return "\n".join(parts)
