"""The tidy long CSV of weekly prices (columns of semanal_precios_2017-2025.csv.gz), plain or gzipped."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import IO

from data.importers.base import Batch, price_problem
from data.importers.soap_xml import open_binary

COLUMNS = ["semana_inicio", "semana_fin", "grupo", "producto", "mercado",
           "precio_min_cop_kg", "precio_max_cop_kg", "precio_medio_cop_kg", "tendencia"]
CHUNK = 400_000


def open_text(path: str | Path) -> IO[str]:
    return io.TextIOWrapper(open_binary(path), encoding="utf-8-sig", newline="")


def _num(text: str) -> float | None:
    try:
        return float(text) if text else None
    except ValueError:
        return None


def load(batch: Batch, path: str | Path, source: str = "csv-semanal") -> None:
    """Upsert every row into weekly_prices, in sorted chunks so memory stays bounded."""
    names = batch.names
    strings: dict[str, str] = {}
    intern = strings.setdefault
    with open_text(path) as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None or [h.strip() for h in header[: len(COLUMNS)]] != COLUMNS:
            raise ValueError(f"cabecera inesperada: {header}")
        rows: list[tuple[object, ...]] = []
        for rec in reader:
            if len(rec) < 9:
                batch.reject("fila incompleta")
                continue
            start, end, group, product, market, pmin_s, pmax_s, mean_s, trend = rec[:9]
            pmin, pmax, mean = _num(pmin_s), _num(pmax_s), _num(mean_s)
            problem = price_problem(pmin, pmax, mean)
            if problem is None and (len(start) != 10 or start[4] != "-" or len(end) != 10):
                problem = "fecha ilegible"
            if problem:
                batch.reject(problem)
                continue
            rows.append((names.product(product, group), names.market(market), intern(start, start),
                         intern(end, end), pmin, pmax, mean, intern(trend, trend), source))
            if len(rows) >= CHUNK:
                batch.upsert("weekly_prices", rows)
                rows = []
        batch.upsert("weekly_prices", rows)
