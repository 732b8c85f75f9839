"""What the mirror holds: products, markets and dates, in all or in one market."""

from __future__ import annotations

from data import queries as q
from data import status
from models.answer import Answer
from models.answers.context import Ctx
from models.dates import fmt_date
from models.resolve import MarketMatch
from models.slots import Intent


def market_coverage(found: MarketMatch, ctx: Ctx) -> Answer:
    """'¿Tienen datos de Bazurto?': the products and weeks the mirror holds for that one market."""
    market = found.market
    cov = ctx.vocab.memo(("market_coverage", market.id), lambda: q.market_coverage(ctx.conn, market.id))
    where = f"{market.name}" + (f" (el mercado que uso para {market.city})" if found.city else "")
    if not cov.last or not cov.first:
        return Answer(intent=Intent.COVERAGE, slots={"market": market.name}, text=(
            f"No tengo precios semanales de {where} en el espejo de SIPSA. "
            "Escribe «qué mercados tienes» para ver los que sí tengo."))
    lines = [f"Sí: de {where} tengo precios semanales de {cov.products} productos, de la semana del "
             f"{fmt_date(cov.first)} a la del {fmt_date(cov.last)} ({cov.current} productos con precio esa "
             "última semana).",
             f"Pregunta por un producto, por ejemplo: «precio de la papa en {market.city or market.name}»."]
    return ctx.finish(Answer(intent=Intent.COVERAGE, text="\n".join(lines),
                             slots={"market": market.name, "start": cov.first, "end": cov.last}), cov.last)


def coverage(ctx: Ctx) -> Answer:
    cov = ctx.vocab.memo(("coverage",), lambda: q.coverage(ctx.conn))
    lines = ["Esto es lo que tiene el espejo de SIPSA:"]
    if cov.weekly_last:
        lines.append(f"• Precios semanales por mercado: del {fmt_date(cov.weekly_first or cov.weekly_last)} a la "
                     f"semana del {fmt_date(cov.weekly_last)}; esa semana, {cov.products} productos en "
                     f"{cov.markets} mercados.")
    for table, (has_rows, first, last) in cov.tables.items():
        if table == "weekly_prices" or not has_rows:
            continue
        label = next((d.label for d in status.DATASETS.values() if d.table == table), table)
        lines.append(f"• {label[:1].upper() + label[1:]}: del {fmt_date(first[:10])} al {fmt_date(last[:10])}."
                     if first and last and len(first) >= 10 else f"• {label}: {first} a {last}.")
    if len(lines) == 1:
        lines.append("• Todavía no hay datos cargados.")
    markets = sorted({ctx.vocab.markets[m].city for m in ctx.vocab.market_rows})
    if markets:
        lines.append("Ciudades con precios la última semana: " + ", ".join(markets) + ".")
    lines.append("Escribe el nombre de un producto para ver su precio, o «ayuda» para ver ejemplos.")
    return ctx.finish(Answer(intent=Intent.COVERAGE, text="\n".join(lines),
                             slots={"start": cov.weekly_first, "end": cov.weekly_last}), cov.weekly_last)
