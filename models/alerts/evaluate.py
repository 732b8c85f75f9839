"""Evaluating new data against the subscriptions, in one transaction per refresh (see the package doc)."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from data import alerts_store as store
from data.alerts_store import NewAlert, Obs
from models.alerts.messages import forecast_query
from models.alerts.rules import change_pct, decide

log = logging.getLogger(__name__)


# ---------------------------------------------------------------- evaluation


@dataclass
class EvalResult:
    datasets: list[str] = field(default_factory=list)
    evaluated: int = 0
    queued: int = 0
    run_id: int = 0
    seconds: float = 0.0


def _since(dataset: str, newest: str) -> str:
    """Series whose newest observation is on or after this date can hold news (a market that did not report
    this period keeps its older newest observation and is not evaluated again)."""
    days = {"daily": 7, "daily-city": 7, "weekly": 21, "monthly": 62}[dataset]
    return (dt.date.fromisoformat(newest[:10]) - dt.timedelta(days=days)).isoformat()


def evaluate(conn: sqlite3.Connection, *, force: Iterable[str] = ()) -> EvalResult:
    """Evaluate the subscriptions touched by import runs newer than the cursor, in one transaction.
    `force` adds datasets to evaluate even without a new run (used by tests and benchmarks)."""
    t0 = time.perf_counter()
    result = EvalResult()
    with store.transaction(conn):
        cursor = store.evaluated_run(conn)
        newest_run, datasets = store.runs_after(conn, cursor)
        datasets |= set(force)
        result.run_id = newest_run
        if newest_run == cursor and not datasets:
            return result
        demo = store.is_demo(conn)
        alerts: list[NewAlert] = []
        armed: list[tuple[int, int]] = []
        series: list[tuple[str, int, int, str]] = []
        for dataset in sorted(datasets):
            result.evaluated += _evaluate_dataset(conn, dataset, demo, alerts, armed, series)
            result.datasets.append(dataset)
        result.queued = store.write_evaluation(conn, alerts=alerts, armed=armed, series=series, run_id=newest_run)
    result.seconds = time.perf_counter() - t0
    log.info("alert evaluation: datasets=%s evaluated=%d queued=%d in %.2fs", result.datasets, result.evaluated,
             result.queued, result.seconds)
    return result


def _evaluate_dataset(conn: sqlite3.Connection, dataset: str, demo: bool, alerts: list[NewAlert],
                      armed: list[tuple[int, int]], evaluated: list[tuple[str, int, int, str]]) -> int:
    """Evaluate the subscriptions of the series that have a period newer than the one last evaluated."""
    newest = store.newest_period(conn, dataset)
    if newest is None:
        return 0
    subs = store.evaluable(conn, [dataset])
    if not subs:
        return 0
    seen = store.watermarks(conn, dataset)
    obs = store.latest_observations(conn, dataset, _since(dataset, newest), {s.product_id for s in subs})
    fresh = {k: v for k, v in obs.items() if v[0].period > seen.get(k, "")}
    by_product: dict[int, list[tuple[int, list[Obs]]]] = {}
    for (pid, mid), rows in obs.items():
        by_product.setdefault(pid, []).append((mid, rows))
    product_newest = {pid: max(r[0].period for _, r in rows) for pid, rows in by_product.items()}
    fresh_products = {pid: period for pid, period in product_newest.items() if period > seen.get((pid, 0), "")}
    touched = [s for s in subs if (s.market_id is None and fresh_products.get(s.product_id, "") > s.last_period)
               or (s.market_id is not None and (s.product_id, s.market_id) in fresh
                   and fresh[(s.product_id, s.market_id)][0].period > s.last_period)]
    evaluated.extend((dataset, pid, mid, rows[0].period) for (pid, mid), rows in fresh.items())
    if any(s.market_id is None for s in subs):
        evaluated.extend((dataset, pid, 0, period) for pid, period in fresh_products.items())
    if not touched:
        return 0
    names = store.names(conn, {s.product_id for s in touched}, {mid for _, mid in obs})
    shared: dict[tuple[int, int], str] = {}  # series -> JSON of its facts, shared by all its subscribers
    add = alerts.append
    for sub in touched:
        product, unit = names.products.get(sub.product_id, (f"producto {sub.product_id}", "kg"))
        if sub.market_id is None:  # product-wide digest
            period = product_newest[sub.product_id]
            payload = shared.get((sub.product_id, 0))
            if payload is None:
                at = [(mid, rows) for mid, rows in by_product[sub.product_id] if rows[0].period == period]
                payload = shared[(sub.product_id, 0)] = json.dumps({
                    "kind": "digest", "product": product, "unit": unit, "dataset": dataset,
                    "period": [period, at[0][1][0].period_end], "demo": demo,
                    "rows": [[names.markets.get(mid, (str(mid), ""))[0], rows[0].value,
                              change_pct(rows[0], _second(rows))] for mid, rows in at]})
            add(NewAlert(f"{sub.id}:{period}", sub.id, sub.chat_id, period, payload, forecast_query(product, None)))
            continue
        rows = obs[(sub.product_id, sub.market_id)]
        latest, previous = rows[0], _second(rows)
        decision = decide(sub.rule, sub.threshold, sub.direction, sub.armed, latest, previous)
        if decision.armed != bool(sub.armed):
            armed.append((sub.id, int(decision.armed)))
        if not decision.fire:
            continue
        market = names.markets.get(sub.market_id, (str(sub.market_id), ""))[0]
        facts = shared.get((sub.product_id, sub.market_id))
        if facts is None:
            facts = shared[(sub.product_id, sub.market_id)] = json.dumps({
                "product": product, "unit": unit, "market": market, "dataset": dataset, "demo": demo,
                "latest": list(latest), "previous": list(previous) if previous else None,
                "pct": decision.change_pct})[1:-1]
        if sub.rule == "digest":
            payload = f'{{"kind": "digest1", {facts}}}'
        else:  # rule and direction are fixed words, the threshold a finite positive number: valid JSON
            payload = (f'{{"kind": "alert", "rule": "{sub.rule}", "threshold": {float(sub.threshold or 0)!r}, '
                       f'"direction": "{sub.direction}", {facts}}}')
        add(NewAlert(f"{sub.id}:{latest.period}", sub.id, sub.chat_id, latest.period, payload,
                     forecast_query(product, market)))
    return len(touched)


def _second(series: list[Obs]) -> Obs | None:
    return series[1] if len(series) > 1 else None
