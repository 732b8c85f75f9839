"""Supply (abastecimiento): tonnes by group, product and market, where the food comes from, and farm inputs."""

from __future__ import annotations

from typing import Any

from data import queries as q
from models import render as r
from models.answer import Answer, Value
from models.answers.context import Ctx, fold, month_words
from models.answers.problems import product_problem
from models.dates import fmt_date
from models.lang import normalise, singular, words
from models.query import Query
from models.slots import Intent


def supply(req: Query, ctx: Ctx) -> Answer:
    market = None
    if req.markets:
        mm = req.markets[0]
        market = ctx.vocab.main_market(mm.city) if mm.city else mm.market
    product = req.product.product if req.product.status == "ok" else None
    slots: dict[str, Any] = {"product": product.name if product else None,
                             "market": market.name if market else None}
    note = ""
    if product is not None:
        rows = q.product_supply(ctx.conn, product.id, market.id if market else None)
        if rows:
            total = sum(x.tonnes for x in rows)
            month = rows[0].month
            lines = [f"Abastecimiento de {product.name}, {month_words(month)}: {r.tonnes(total)}"
                     + (f" en {market.name}." if market else f" en {len(rows)} mercados.")]
            if not market:
                lines += [f"• {ctx.vocab.markets[x.market_id].name}: {r.tonnes(x.tonnes)}" for x in rows[:8]]
            values = [Value("tonnes", round(total, 3), "t", month, None, product.name,
                            market.name if market else None, "total")]
            return ctx.finish(Answer(intent=Intent.SUPPLY, text="\n".join(lines), values=values,
                                     slots=slots), month)
        note = (f"No hay abastecimiento mensual de {product.name} en el espejo; "
                "este es el de los grupos de alimentos.")
    groups = q.group_supply(ctx.conn, market.id if market else None)
    if not groups and market is not None:
        # the bulletins report supply per city ("Bogotá, D.C., Corabastos, Paloquemao, ... y Plaza Samper Mendoza")
        city = fold(market.city)
        groups = [g for g in q.group_supply(ctx.conn) if fold(ctx.vocab.markets[g.market_id].city) == city]
    if not groups:
        return ctx.finish(Answer(intent=Intent.SUPPLY, slots=slots, text=(
            (note + "\n" if note else "") + "El espejo no tiene datos de abastecimiento semanal por grupo"
            + (f" para {market.name}" if market else "") + ". Se cargan con los boletines semanales de DANE.")),
            None)
    totals: dict[str, float] = {}
    for g in groups:
        totals[g.group] = totals.get(g.group, 0.0) + g.tonnes
    parts = {k: v for k, v in totals.items() if fold(k) != "total"}
    total = totals.get("Total") or sum(parts.values())
    first = groups[0]
    reported = {g.market_id for g in groups}
    where = ctx.vocab.markets[first.market_id].name if len(reported) == 1 else f"{len(reported)} mercados"
    lines = [f"Abastecimiento en {where}, {r.week(first.week_start, first.week_end)}: {r.tonnes(total)}."]
    lines += [f"• {k}: {r.tonnes(v)}" for k, v in sorted(parts.items(), key=lambda kv: -kv[1])]
    if note:
        lines.insert(0, note)
        group = next((k for k in parts if product and product.group and (
            fold(product.group).startswith(fold(k)) or fold(k).startswith(fold(product.group)))),
            "Otros grupos" if "Otros grupos" in parts else None)
        if group and product is not None:
            lines.append(f"{product.name} está en el grupo «{group}»: {r.tonnes(parts[group])}.")
    market_name = ctx.vocab.markets[first.market_id].name if len(reported) == 1 else None
    slots["market"] = market_name or slots["market"]
    values = [Value("tonnes", round(v, 3), "t", first.week_start, first.week_end, None, market_name, k)
              for k, v in parts.items()]
    values.append(Value("tonnes", round(total, 3), "t", first.week_start, first.week_end, None, market_name,
                        "total"))
    return ctx.finish(Answer(intent=Intent.SUPPLY, text="\n".join(lines), values=values, slots=slots),
                      first.week_start)


def origins(req: Query, ctx: Ctx) -> Answer:
    market = None
    if req.markets:
        mm = req.markets[0]
        market = ctx.vocab.main_market(mm.city) if mm.city else mm.market
    product = req.product.product if req.product.status == "ok" else None
    if req.product.status == "ambiguous" and product is None:
        problem = product_problem(req, ctx)
        if problem is not None:
            return problem
    slots: dict[str, Any] = {"product": product.name if product else None,
                             "market": market.name if market else None}
    first, last, total, depts, munis = q.origins(ctx.conn, product.id if product else None,
                                                 market.id if market else None)
    what = product.name if product else "los alimentos"
    where = f" a {market.name}" if market else ""
    if not depts or first is None or last is None:
        return ctx.finish(Answer(intent=Intent.SUPPLY_ORIGIN, slots=slots, text=(
            f"El espejo no tiene microdatos de abastecimiento por origen para {what}{where}. "
            "Se cargan desde el catálogo 697 de ANDA (DANE).")), None)
    slots.update({"start": first, "end": last})
    lines = [f"¿De dónde llega {what}{where}? Del {fmt_date(first)} al {fmt_date(last)}: "
             f"{r.tonnes(total / 1000)} en total.", "Departamentos:"]
    lines += [f"• {d.dept}: {r.tonnes(d.kg / 1000)} ({d.share_pct:.1f}%)".replace(".", ",", 1) for d in depts]
    lines.append("Municipios:")
    lines += [f"• {m.muni} ({m.dept}): {r.tonnes(m.kg / 1000)} ({m.share_pct:.1f}%)".replace(".", ",", 1)
              for m in munis]
    values = [Value("share_pct", round(d.share_pct, 2), "%", first, last, product.name if product else None,
                    market.name if market else None, d.dept) for d in depts]
    return ctx.finish(Answer(intent=Intent.SUPPLY_ORIGIN, text="\n".join(lines), values=values,
                             slots=slots), last)


def inputs(req: Query, ctx: Ctx) -> Answer:
    known = q.inputs(ctx.conn)
    if not known:
        return ctx.finish(Answer(intent=Intent.INPUTS, text=(
            "El espejo no tiene precios de insumos agropecuarios todavía (se cargan con la operación "
            "consultarInsumosSipsaMesMadr de DANE).")), None)
    asked = {singular(w) for w in words(normalise(req.text))} - {"precio", "insumo", "de", "del", "el", "la"}
    scored = []
    for input_id, name, key in known:
        overlap = len(asked & {singular(w) for w in key.split()})
        if overlap:
            scored.append((overlap, -len(key), input_id, name))
    if not scored:
        sample = ", ".join(name for _, name, _ in known[:8])
        return ctx.finish(Answer(intent=Intent.INPUTS, text=(
            f"¿Qué insumo? Tengo {len(known)}, por ejemplo: {sample}.")), None)
    scored.sort(reverse=True)
    input_id, name = scored[0][2], scored[0][3]
    rows = q.input_prices(ctx.conn, input_id)
    if not rows:
        return ctx.finish(Answer(intent=Intent.INPUTS, text=f"No hay precios recientes de {name}."), None)
    month = rows[0].month
    lines = [f"{name}, {month_words(month)} (precio promedio por municipio, de menor a mayor):"]
    lines += [f"• {x.muni} ({x.dept}): {r.pesos(x.price)}" for x in rows]
    values = [Value("price", x.price, "COP", x.month, None, x.name, x.muni, x.dept) for x in rows]
    return ctx.finish(Answer(intent=Intent.INPUTS, text="\n".join(lines), values=values,
                             slots={"input": name, "start": month}), month)
