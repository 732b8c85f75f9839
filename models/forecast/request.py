"""From what a user typed (product, market or city, frequency) to the series in the mirror, with the router's
resolver (models/resolve.py) for names: typos, colloquial names, cities instead of markets."""

from __future__ import annotations

import sqlite3

from data import series as ds
from data.text import fold
from models.forecast.types import ForecastError
from models.resolve import vocabulary

FREQ_WORD = {"W": "semanal", "M": "mensual", "D": "diaria"}


def resolve_series(conn: sqlite3.Connection, product: str, market: str | None = None, freq: str = "W"
                   ) -> ds.SeriesData:
    """The series named by `product` / `market` at `freq`, or a ForecastError with a Spanish message."""
    if freq not in FREQ_WORD:
        raise ForecastError("La frecuencia debe ser W (semanal), M (mensual) o D (diaria).")
    if not product or not product.strip():
        raise ForecastError("Dime qué producto quieres pronosticar, por ejemplo: /pronostico papa criolla en "
                            "Corabastos")
    vocab = vocabulary(conn)
    match = vocab.resolve_product_name(product)
    found = (match.product.id, match.product.name) if match.status == "ok" and match.product else None
    if found is None:
        found = ds.find_product(conn, product)  # an exact canonical name or spelling the resolver skipped
    if found is None:
        if match.status == "ambiguous" and match.candidates:
            names = "; ".join(c.name for c in match.candidates[:6])
            raise ForecastError(f"«{product}» puede ser varios productos: {names}. ¿Cuál quieres?")
        hints = vocab.suggest_products(product.lower().split(), 3)
        extra = f" ¿Quisiste decir {', '.join(h.name for h in hints)}?" if hints else ""
        raise ForecastError(f"No encuentro el producto «{product}» en el espejo.{extra}")
    product_id, product_name = found
    market_id: int | None = None
    if market and market.strip():
        exact = ds.find_market(conn, market)
        if exact is not None:
            market_id = exact[0]
        else:
            m = vocab.resolve_market_name(market)
            if m is None:
                raise ForecastError(f"No reconozco el mercado o la ciudad «{market}».")
            market_id = m.market.id
        if freq == "D":
            city = ds.city_row(conn, market_id)
            if city is not None:
                market_id = city[0]
        else:  # a city named for weekly/monthly prices means its main wholesale market
            kind = ds.market_kind(conn, market_id)
            if kind is not None and kind[0] == "city":
                main = vocab.main_market(fold(kind[1]))
                if main is not None:
                    market_id = main.id
    else:
        default = ds.default_market(conn, product_id, freq)
        if default is None:
            raise ForecastError(f"No hay datos con frecuencia {FREQ_WORD[freq]} de {product_name} en el espejo.")
        market_id = default[0]
    data = ds.load_series(conn, product_id, market_id, freq)
    if not data.observations:
        where = ds.markets_with_data(conn, product_id, freq)[:5]
        listed = "; ".join(name for _, name, _ in where)
        extra = f" Hay datos en: {listed}." if listed else ""
        raise ForecastError(f"No hay precios con frecuencia {FREQ_WORD[freq]} de {product_name} en "
                            f"{data.market}.{extra}")
    return data
