"""Analytical answers: one function per statistic (models.slots.Stat), each turning the Query with its resolved
product and market into Spanish lines and the values they show, from data.analytics. Every figure comes from the
mirror; every answer names the product, market, period, unit and the weeks it used.

The router adds the market note, the data-date footer and the source line (one place for each).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

from data import analytics as da
from data import queries as q
from models import render as r
from models.answer import Value
from models.dates import MONTH_NAMES, Period, describe, fmt_date
from models.query import Query
from models.slots import Stat

MIN_SEASON_YEARS = 2  # a calendar month needs this many usable years to be called "usual"
MIN_MONTHS_PER_YEAR = 6  # a year enters the seasonal index only with this many months of data
YOY_DAYS = 364  # "a year earlier" is the same weekday 52 weeks back
YOY_TOLERANCE_DAYS = 14
RANK_SHOWN = 5


@dataclass
class Result:
    lines: list[str]
    values: list[Value] = field(default_factory=list)
    data_date: str | None = None
    missing: bool = False  # the series has no data for this question: the router says so


@dataclass(frozen=True)
class Ask:
    """What one analytical answer needs: the Query and the product and market the router resolved for it."""

    query: Query
    stat: Stat
    product: q.Product | None
    market: q.Market | None
    start: str | None  # the period asked, ISO; None = all the series
    end: str | None
    period_label: str


def answer(query: Query, product: q.Product | None, market: q.Market | None, conn: sqlite3.Connection,
           products: dict[int, q.Product], latest: str | None) -> Result:
    stat = query.stat
    assert stat is not None
    period = query.period
    ask = Ask(query, stat, product, market, period.start.isoformat() if period else None,
              period.end.isoformat() if period else None, period_label(period))
    return _ANSWERS[stat](ask, conn, products, latest)


def period_label(period: Period | None) -> str:
    """How an analytical answer names its period ("en 2021", "en marzo de 2024", "en las últimas 8 semanas")."""
    if period is None:
        return ""
    if period.kind == "window" and period.phrase:
        return f"en {period.phrase}"
    if period.kind in {"range", "day", "since"}:
        return describe(period)
    return f"en {describe(period)}"


def _unit(p: q.Product) -> str:
    return r.value_unit(p.unit)


def _period(ask: Ask, first: str, last: str) -> str:
    if ask.start is None:
        return f"en toda la serie (semanas del {fmt_date(first)} al {fmt_date(last)})"
    return ask.period_label


def _weeks(n: int) -> str:
    return f"{n} semana{'s' if n != 1 else ''} con datos"


# -- one series -------------------------------------------------------------------------------------------------
def _extreme(ask: Ask, conn: sqlite3.Connection, products: dict[int, q.Product], latest: str | None) -> Result:
    assert ask.product is not None and ask.market is not None
    p, m = ask.product, ask.market
    highest = ask.stat is Stat.MAX
    found = da.extreme(conn, p.id, m.id, ask.start or "0000-01-01", ask.end or "9999-12-31", highest=highest)
    if found is None:
        return Result([], missing=True)
    w = found.week
    word = "más alto" if highest else "más bajo"
    lines = [f"{p.name} en {m.name}: el precio {word} {_period(ask, found.first_week, found.last_week)} fue "
             f"{r.price(w.price_mean, p.unit)} (precio medio de la {r.week(w.week_start, w.week_end)}).",
             f"Calculado sobre {_weeks(found.weeks)}, de la del {fmt_date(found.first_week)} a la del "
             f"{fmt_date(found.last_week)}."]
    if len(found.ties) > 1:
        lines.append(f"Ese mismo precio se repitió en {len(found.ties) - 1} semana"
                     f"{'s' if len(found.ties) > 2 else ''} más; indico la más reciente.")
    kind = "max" if highest else "min"
    values = [Value(kind, w.price_mean, _unit(p), w.week_start, w.week_end, p.name, m.name, f"precio {word}")]
    return Result(lines, values, found.last_week)


def _summary(ask: Ask, conn: sqlite3.Connection, products: dict[int, q.Product], latest: str | None) -> Result:
    assert ask.product is not None and ask.market is not None
    p, m = ask.product, ask.market
    s = da.summary(conn, p.id, m.id, ask.start or "0000-01-01", ask.end or "9999-12-31")
    if s is None:
        return Result([], missing=True)
    period = _period(ask, s.first_week, s.last_week)
    head = f"{p.name} en {m.name}: la mediana del precio semanal {period} fue {r.price(s.median, p.unit)}."
    other = f"El promedio fue {r.price(s.mean, p.unit)}."
    lines = [head, f"{other} Calculado sobre {_weeks(s.weeks)} (de la del {fmt_date(s.first_week)} a la del "
                   f"{fmt_date(s.last_week)}); precio semanal entre {r.price(s.low, p.unit)} y "
                   f"{r.price(s.high, p.unit)}."]
    values = [Value("mean", s.mean, _unit(p), s.first_week, s.last_week, p.name, m.name, "promedio"),
              Value("median", s.median, _unit(p), s.first_week, s.last_week, p.name, m.name, "mediana")]
    return Result(lines, values, s.last_week)


def _yoy(ask: Ask, conn: sqlite3.Connection, products: dict[int, q.Product], latest: str | None) -> Result:
    assert ask.product is not None and ask.market is not None
    p, m = ask.product, ask.market
    now = q.latest_price(conn, p.id, m.id, ask.end)
    if now is None:
        return Result([], missing=True)
    target = dt.date.fromisoformat(now.week_start) - dt.timedelta(days=YOY_DAYS)
    window = da.series(conn, p.id, m.id, (target - dt.timedelta(days=YOY_TOLERANCE_DAYS)).isoformat(),
                       (target + dt.timedelta(days=YOY_TOLERANCE_DAYS)).isoformat())
    if not window:
        return Result([f"{p.name} en {m.name}: el dato más reciente es de la {r.week(now.week_start, now.week_end)} "
                       f"({r.price(now.price_mean, p.unit)}), pero no hay precio un año antes (semana del "
                       f"{fmt_date(target)}, ±2 semanas) para comparar."],
                      [Value("price", now.price_mean, _unit(p), now.week_start, now.week_end, p.name, m.name,
                             "último dato")], now.week_start)
    then = min(window, key=lambda w: (abs((dt.date.fromisoformat(w.week_start) - target).days), w.week_start))
    change = (now.price_mean / then.price_mean - 1) * 100
    verdict = ("más cara" if change > 0.05 else "más barata" if change < -0.05 else "igual")
    lines = [f"{p.name} en {m.name} está {verdict} que hace un año: {r.price(now.price_mean, p.unit)} en la "
             f"{r.week(now.week_start, now.week_end)} frente a {r.price(then.price_mean, p.unit)} en la "
             f"{r.week(then.week_start, then.week_end)} ({r.pct(change)})."]
    if then.week_start != target.isoformat():
        lines.append("No hubo precio exactamente 52 semanas antes; usé la semana con datos más cercana.")
    values = [Value("price", now.price_mean, _unit(p), now.week_start, now.week_end, p.name, m.name, "ahora"),
              Value("price", then.price_mean, _unit(p), then.week_start, then.week_end, p.name, m.name,
                    "hace un año"),
              Value("change_pct", round(change, 2), "%", then.week_start, now.week_end, p.name, m.name,
                    "variación anual")]
    return Result(lines, values, now.week_start)


def season_index(months: list[da.MonthMean]) -> tuple[dict[int, float], list[int]]:
    """Calendar month -> mean ratio of that month's mean to its year's mean (years with enough months), and the
    years used. Dividing by each year's mean takes out inflation and level shifts between years."""
    by_year: dict[int, list[da.MonthMean]] = {}
    for mm in months:
        by_year.setdefault(mm.year, []).append(mm)
    ratios: dict[int, list[float]] = {}
    years = []
    for year, rows in sorted(by_year.items()):
        if len(rows) < MIN_MONTHS_PER_YEAR:
            continue
        years.append(year)
        level = sum(x.mean for x in rows) / len(rows)
        for x in rows:
            ratios.setdefault(x.month, []).append(x.mean / level)
    index = {month: sum(v) / len(v) for month, v in ratios.items() if len(v) >= MIN_SEASON_YEARS}
    return index, years


def _season(ask: Ask, conn: sqlite3.Connection, products: dict[int, q.Product], latest: str | None) -> Result:
    assert ask.product is not None and ask.market is not None
    p, m = ask.product, ask.market
    months = da.monthly_means(conn, p.id, m.id)
    if not months:
        return Result([], missing=True)
    index, years = season_index(months)
    if len(index) < 6 or len(years) < MIN_SEASON_YEARS:
        return Result([f"{p.name} en {m.name}: no hay suficientes años completos de precios semanales para decir "
                       f"en qué mes suele estar más barata o más cara (hacen falta al menos {MIN_SEASON_YEARS} años "
                       f"con {MIN_MONTHS_PER_YEAR} meses o más; hay {len(years)})."],
                      [], latest)
    low = min(index, key=lambda k: (index[k], k))
    high = max(index, key=lambda k: (index[k], -k))
    cheap = ask.stat is Stat.SEASON_LOW
    first, second = (low, high) if cheap else (high, low)
    word = "más barata" if cheap else "más cara"
    other = "más cara" if cheap else "más barata"
    lines = [f"{p.name} en {m.name} suele estar {word} en {MONTH_NAMES[first]}: en promedio "
             f"{r.pct((index[first] - 1) * 100)} frente al promedio de su año.",
             f"Y suele estar {other} en {MONTH_NAMES[second]} ({r.pct((index[second] - 1) * 100)}).",
             f"Calculado con {len(years)} años de precios semanales ({', '.join(str(y) for y in years)}): para cada "
             "año, el promedio de cada mes dividido por el promedio del año; los años con menos de "
             f"{MIN_MONTHS_PER_YEAR} meses de datos no cuentan. Es un patrón histórico, no una garantía."]
    values = [Value("month", float(first), "mes", "", None, p.name, m.name, MONTH_NAMES[first]),
              Value("years", float(len(years)), "años", "", None, p.name, m.name, "años usados")]
    return Result(lines, values, latest)


def _season_position(ask: Ask, conn: sqlite3.Connection, products: dict[int, q.Product], latest: str | None) -> Result:
    assert ask.product is not None and ask.market is not None
    p, m = ask.product, ask.market
    now = q.latest_price(conn, p.id, m.id, ask.end)
    if now is None:
        return Result([], missing=True)
    year, month = int(now.week_start[:4]), int(now.week_start[5:7])
    past = [x for x in da.monthly_means(conn, p.id, m.id) if x.month == month and x.year < year]
    head = (f"{p.name} en {m.name}: {r.price(now.price_mean, p.unit)} en la "
            f"{r.week(now.week_start, now.week_end)}.")
    now_value = Value("price", now.price_mean, _unit(p), now.week_start, now.week_end, p.name, m.name, "último dato")
    if len(past) < MIN_SEASON_YEARS:
        return Result([head, f"No hay suficientes {MONTH_NAMES[month]}s de años anteriores ({len(past)}) para decir "
                             "si es caro para la época."], [now_value], now.week_start)
    lo = min(past, key=lambda x: x.mean)
    hi = max(past, key=lambda x: x.mean)
    position = 1 if now.price_mean > hi.mean else -1 if now.price_mean < lo.mean else 0
    verdict = {1: "está más cara de lo usual para la época", -1: "está más barata de lo usual para la época",
               0: "está dentro de lo usual para la época"}[position]
    lines = [head, f"Sí: {verdict}." if position else f"Está normal: {verdict}.",
             f"En {MONTH_NAMES[month]} de años anteriores ({len(past)} años: "
             f"{', '.join(str(x.year) for x in past)}) el promedio del mes estuvo entre "
             f"{r.price(lo.mean, p.unit)} ({lo.year}) y {r.price(hi.mean, p.unit)} ({hi.year})."]
    values = [now_value, Value("position", float(position), "", now.week_start, now.week_end, p.name, m.name,
                               verdict)]
    return Result(lines, values, now.week_start)


# -- many series ------------------------------------------------------------------------------------------------
def _rank(ask: Ask, conn: sqlite3.Connection, products: dict[int, q.Product], latest: str | None) -> Result:
    assert ask.market is not None
    m = ask.market
    week = da.market_week(conn, m.id, ask.end or "9999-12-31")
    if week is None:
        return Result([], missing=True)
    rows = da.rank_products(conn, m.id, week, group=ask.query.group, product_ids=ask.query.family)
    if not rows:
        what = f"de {ask.query.group.lower()}" if ask.query.group else ""
        return Result([f"No hay precios por kilo {what} en {m.name} en la semana del {fmt_date(week)}."],
                      [], week)
    dear = ask.stat is Stat.RANK_HIGH
    ordered = list(reversed(rows)) if dear else rows
    if dear:  # ties keep name order in both directions
        ordered.sort(key=lambda row: (-row[1], products[row[0]].name))
    shown = ordered[:max(ask.query.top, RANK_SHOWN)]
    what = ask.query.group or ("Clases de " + products[ask.query.family[0]].name.split()[0].lower() if ask.query.family
                           else "Productos")
    word = "más alto" if dear else "más bajo"
    end = dt.date.fromisoformat(week) + dt.timedelta(days=6)
    lines = [f"{what} con el precio {word} en {m.name}, {r.week(week, end.isoformat())} (precio por kilo; "
             f"{len(rows)} con precio esa semana):"]
    lines += [f"{i}. {products[pid].name}: {r.price(price, 'kg')}" for i, (pid, price) in enumerate(shown, 1)]
    values = [Value("price", price, "COP/kg", week, end.isoformat(), products[pid].name, m.name,
                    f"puesto {i}") for i, (pid, price) in enumerate(shown, 1)]
    return Result(lines, values, week)


def _count(ask: Ask, conn: sqlite3.Connection, products: dict[int, q.Product], latest: str | None) -> Result:
    """Markets pricing a product, or products priced in a market, in the period asked (default: the newest week)."""
    start, end = ask.start or latest, ask.end or latest
    if start is None or end is None:
        return Result([], missing=True)
    when = ask.period_label or f"en la semana del {fmt_date(start)}"
    if ask.stat is Stat.COUNT_MARKETS:
        assert ask.product is not None
        p = ask.product
        n = da.count_markets(conn, p.id, start, end)
        line = f"{p.name} tiene precio en {n} mercado{'s' if n != 1 else ''} {when}."
        return Result([line], [Value("count", float(n), "mercados", start, end, p.name, None, "mercados")], end)
    assert ask.market is not None
    m = ask.market
    n = da.count_products(conn, m.id, start, end)
    line = f"{m.name} cotizó {n} producto{'s' if n != 1 else ''} {when}."
    return Result([line], [Value("count", float(n), "productos", start, end, None, m.name, "productos")], end)


@dataclass(frozen=True)
class Move:
    product_id: int
    change_pct: float
    before: float
    after: float
    markets: int


def movers(conn: sqlite3.Connection, before: tuple[str, str], after: tuple[str, str], *, market_id: int | None,
           group: str | None) -> list[Move]:
    """Products by % change between two periods' mean prices, largest rise first. In one market, that market's
    series; nationally, each product's mean over the markets that priced it in both periods (the same markets on
    both sides, so a market entering or leaving does not move the figure)."""
    a = da.product_means(conn, *before, market_id=market_id, group=group)
    b = da.product_means(conn, *after, market_id=market_id, group=group)
    pairs: dict[int, list[tuple[float, float]]] = {}
    for key, old in a.items():
        new = b.get(key)
        if new is not None and old > 0:
            pairs.setdefault(key[0], []).append((old, new))
    moves = []
    for pid, rows in pairs.items():
        old = sum(o for o, _ in rows) / len(rows)
        new = sum(n for _, n in rows) / len(rows)
        moves.append(Move(pid, (new / old - 1) * 100, old, new, len(rows)))
    moves.sort(key=lambda m: (-m.change_pct, m.product_id))
    return moves


_ANSWERS: dict[Stat, Callable[[Ask, sqlite3.Connection, dict[int, q.Product], str | None], Result]] = {
    Stat.MAX: _extreme, Stat.MIN: _extreme, Stat.MEDIAN: _summary, Stat.YOY: _yoy,
    Stat.SEASON_LOW: _season, Stat.SEASON_HIGH: _season, Stat.SEASON_POSITION: _season_position,
    Stat.RANK_HIGH: _rank, Stat.RANK_LOW: _rank, Stat.COUNT_MARKETS: _count, Stat.COUNT_PRODUCTS: _count,
}
