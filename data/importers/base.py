"""What every importer shares: one transaction per import, upserts on the natural key with counts,
rejected rows counted by reason, and a row in `import_runs` for each attempt."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any

from data.schema import FACTS
from data.vocab import Names


class ImportError_(Exception):
    """A file that cannot be read at all. The mirror is left untouched."""


@dataclass
class ImportResult:
    source: str
    format: str
    dataset: str = ""
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    duration_s: float = 0.0
    checksum: str = ""
    status: str = "ok"
    error: str = ""

    @property
    def total(self) -> int:
        return self.inserted + self.updated + self.unchanged

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "format": self.format, "dataset": self.dataset, "inserted": self.inserted,
            "updated": self.updated, "unchanged": self.unchanged, "rejected": self.rejected,
            "reasons": dict(self.reasons), "duration_s": round(self.duration_s, 3), "status": self.status,
            "error": self.error,
        }


def checksum(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def now_iso() -> str:
    return dt.datetime.now(dt.timezone(dt.timedelta(hours=-5))).isoformat(timespec="seconds")


BULK_CACHE_KB = 256 * 1024


class Batch:
    """Writes into the fact tables inside an open transaction and keeps the counts."""

    def __init__(self, conn: sqlite3.Connection, result: ImportResult) -> None:
        self.conn = conn
        self.result = result
        self.names = Names(conn)
        self._indexed: dict[str, bool] = {}

    def reject(self, reason: str, count: int = 1) -> None:
        self.result.rejected += count
        self.result.reasons[reason] += count

    def upsert(self, table: str, rows: Sequence[tuple[Any, ...]], *, presorted: bool = False) -> None:
        """Insert-or-update rows laid out as the table's key columns then its value columns (schema.FACTS).

        Unchanged rows are not rewritten. Rows are sorted by key first: WITHOUT ROWID tables then fill their
        B-tree in order. When no stored row falls in the rows' date range (a first load, or new periods only)
        nothing can conflict: duplicates are folded here and the rows go in with a plain INSERT (fast path).
        """
        if not rows:
            return
        key, values, date_col = FACTS[table]
        n = len(key)
        if not presorted:
            rows = sorted(rows, key=lambda r: r[:n])
        rows = fold_duplicates(table, rows, self.result)
        at = (key + values).index(date_col)
        dates = [r[at] for r in rows]
        if self.range_is_empty(table, min(dates), max(dates)):
            self.insert_new(table, rows)
            return
        before_rows = self._count(table, rows[0][:n], rows[-1][:n])
        before_changes = self.conn.total_changes
        head, row, tail = _upsert_sql(table)
        _insert_flat(self.conn, head, row, len(key + values), _flattened(rows, len(key + values)), tail)
        changed = self.conn.total_changes - before_changes
        inserted = self._count(table, rows[0][:n], rows[-1][:n]) - before_rows
        self.result.inserted += inserted
        self.result.updated += changed - inserted
        self.result.unchanged += len(rows) - changed

    def range_is_empty(self, table: str, first: str, last: str) -> bool:
        """True when the table holds no row dated first..last: one index probe when an index starts with the
        date column, otherwise only an empty table counts (never a full scan per chunk)."""
        date_col = FACTS[table][2]
        if not self._date_indexed(table, date_col):
            return self.conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is None
        return self.conn.execute(
            f"SELECT 1 FROM {table} WHERE {date_col} BETWEEN ? AND ? LIMIT 1", (first, last)).fetchone() is None

    def _date_indexed(self, table: str, column: str) -> bool:
        found = self._indexed.get(table)
        if found is None:
            found = False
            for row in self.conn.execute(f"PRAGMA index_list({table})").fetchall():
                first = self.conn.execute(f"PRAGMA index_info({row[1]})").fetchone()
                found = found or (first is not None and first[2] == column)
            self._indexed[table] = found
        return found

    def insert_new(self, table: str, rows: Iterable[tuple[Any, ...]] | None = None, *,
                   flat: Iterable[list[Any]] | None = None, rebuild_indexes: bool = False,
                   source: str | None = None) -> None:
        """Plain INSERT of rows whose keys are known to be new and distinct, counted as inserted. With
        rebuild_indexes the table's secondary indexes are dropped first and rebuilt after (one sort instead of
        a million random index inserts); being DDL inside the import's transaction, a failure restores them.
        With `source` the rows leave out the last (source) column and it is written as a constant.
        Instead of row tuples, `flat` may give lists of values laid row after row (a columnar loader builds
        them without making a tuple per row)."""
        key, values, _ = FACTS[table]
        columns = key + values
        indexes = []
        if rebuild_indexes:
            indexes = self.conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
                (table,)).fetchall()
            for name, _sql in indexes:
                self.conn.execute(f"DROP INDEX {name}")
        cache = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        if rebuild_indexes:  # keep the B-tree being built and the index sort in memory (bounded: 256 MB)
            self.conn.execute(f"PRAGMA cache_size = {-BULK_CACHE_KB}")
        try:
            before = self.conn.total_changes
            marks = ["?"] * len(columns)
            if source is not None:
                marks[-1] = "'" + source.replace("'", "''") + "'"
            width = marks.count("?")
            _insert_flat(self.conn, f"INSERT INTO {table} ({', '.join(columns)}) VALUES ", f"({', '.join(marks)})",
                         width, _flattened(rows or (), width) if flat is None else flat)
            self.result.inserted += self.conn.total_changes - before
            for _name, sql in indexes:
                self.conn.execute(sql)
        finally:
            self.conn.execute(f"PRAGMA cache_size = {cache}")

    def _count(self, table: str, first: tuple[Any, ...], last: tuple[Any, ...]) -> int:
        """Rows whose key lies between two keys (the sorted rows' first and last): an index range, not a scan."""
        key = ", ".join(FACTS[table][0])
        marks = ", ".join("?" * len(first))
        return int(self.conn.execute(f"SELECT count(*) FROM {table} WHERE ({key}) BETWEEN ({marks}) AND ({marks})",
                                     (*first, *last)).fetchone()[0])


MAX_PARAMS = 999  # bound parameters per statement (SQLite's historical minimum limit)
BLOCK = 100_000  # rows held as one flat list at a time


def _flattened(rows: Iterable[tuple[Any, ...]], width: int) -> Iterator[list[Any]]:
    """Row tuples -> lists of BLOCK rows' values laid row after row, flattened in C (no Python code per row)."""
    source = iter(rows)
    while block := list(islice(source, BLOCK)):
        if set(map(len, block)) != {width}:  # flattening must not shift values across rows
            raise ValueError(f"filas con un número de valores distinto de {width}")
        yield list(chain.from_iterable(block))


def _insert_flat(conn: sqlite3.Connection, head: str, row: str, width: int, blocks: Iterable[list[Any]],
                 tail: str = "") -> None:
    """executemany of `head` + many `row` groups + `tail` per statement (a multi-row VALUES, then e.g. an
    ON CONFLICT clause): one sqlite3_step per many rows instead of one per row. Each block is a flat list of
    values, `width` per row; zip over one iterator cuts it into statements' parameters in C. The last rows of
    a block that do not fill a statement go one at a time."""
    per = max(1, MAX_PARAMS // max(1, width))
    many = head + ", ".join([row] * per) + tail
    for block in blocks:
        rows, extra = divmod(len(block), width)
        if extra:
            raise ValueError(f"filas con un número de valores distinto de {width}")
        values = iter(block)
        if rows >= per:
            conn.executemany(many, islice(zip(*[values] * (width * per), strict=False), rows // per))
        if rows % per:
            conn.executemany(head + row + tail, zip(*[values] * width, strict=True))


# Value columns a source may leave empty without erasing what another source said (the bulletin's trend
# arrow is not in the SOAP weekly operation).
KEEP_WHEN_NULL = {"trend"}


def _upsert_sql(table: str) -> tuple[str, str, str]:
    """The upsert as (head, one row's placeholders, ON CONFLICT clause), to be joined around many rows."""
    key, values, _ = FACTS[table]
    columns = key + values
    sets = [f"{c} = coalesce(excluded.{c}, {c})" if c in KEEP_WHEN_NULL else f"{c} = excluded.{c}" for c in values]
    differs = [f"(excluded.{c} IS NOT NULL AND {table}.{c} IS NOT excluded.{c})" if c in KEEP_WHEN_NULL
               else f"{table}.{c} IS NOT excluded.{c}" for c in values if c != "source"]
    return (f"INSERT INTO {table} ({', '.join(columns)}) VALUES ", f"({', '.join('?' * len(columns))})",
            f" ON CONFLICT ({', '.join(key)}) DO UPDATE SET {', '.join(sets)} WHERE {' OR '.join(differs)}")


def _same(a: Any, b: Any) -> bool:
    return a == b or (a is None and b is None) or (a != a and b != b)  # NaN binds as NULL


DUPLICATE = "fila repetida con otros valores (queda la última)"


def fold_duplicates(table: str, rows: Sequence[tuple[Any, ...]], result: ImportResult) -> list[tuple[Any, ...]]:
    """Rows sorted by key (stable) -> one row per key, the last one (an empty trend keeps the earlier arrow).
    An earlier row identical to the later one is counted unchanged; one with other values is rejected as
    DUPLICATE, so a re-import of the same file counts no updates."""
    key, values, _ = FACTS[table]
    n = len(key)
    columns = key + values
    keep = [i for i, c in enumerate(columns) if c in KEEP_WHEN_NULL]
    compared = [i for i, c in enumerate(columns) if i >= n and c != "source"]
    out: list[tuple[Any, ...]] = []
    for row in rows:
        if out and row[:n] == out[-1][:n]:
            last = out[-1]
            if keep:
                merged = list(row)
                for i in keep:
                    if merged[i] is None:
                        merged[i] = last[i]
                row = tuple(merged)
            if all(_same(last[i], row[i]) for i in compared):
                result.unchanged += 1
            else:
                result.rejected += 1
                result.reasons[DUPLICATE] += 1
            out[-1] = row
        else:
            out.append(row)
    return out


@contextmanager
def import_run(conn: sqlite3.Connection, source: str, fmt: str, path: str | Path = "",
               dataset: str = "") -> Iterator[Batch]:
    """One import = one transaction. On any error everything is rolled back and a failed run is recorded."""
    result = ImportResult(source=source, format=fmt, dataset=dataset)
    if path and Path(path).is_file():
        result.checksum = checksum(path)
    started = now_iso()
    t0 = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    batch = Batch(conn, result)
    try:
        yield batch
    except BaseException as exc:
        conn.rollback()
        result.status, result.error = "failed", f"{type(exc).__name__}: {exc}"
        result.duration_s = time.perf_counter() - t0
        try:  # best effort: on a full disk even this small row may not fit, and the original error matters more
            _record(conn, result, str(path), started)
            conn.commit()
        except sqlite3.Error:
            conn.rollback()
        raise
    if source != "demo":
        _drop_demo(conn)
    result.duration_s = time.perf_counter() - t0
    _record(conn, result, str(path), started)
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('data_version', ?)", (started,))
    conn.commit()


def _drop_demo(conn: sqlite3.Connection) -> None:
    """Real data replaces the demo mirror: the first real import removes every demo row and the demo flag,
    in its own transaction, so answers are never a mix of real and synthetic figures."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'demo'").fetchone()
    if not row or row[0] != "1":
        return
    for table in FACTS:
        conn.execute(f"DELETE FROM {table} WHERE source = 'demo'")
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'demo'")


def _record(conn: sqlite3.Connection, result: ImportResult, path: str, started: str) -> None:
    conn.execute(
        "INSERT INTO import_runs (source, path, format, dataset, started_at, duration_s, status, inserted, updated, "
        "unchanged, rejected, reject_reasons, checksum, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (result.source, path, result.format, result.dataset, started, round(result.duration_s, 3), result.status,
         result.inserted, result.updated, result.unchanged, result.rejected, json.dumps(dict(result.reasons)),
         result.checksum, result.error),
    )


def price_problem(pmin: float | None, pmax: float | None, mean: float | None) -> str | None:
    """The reason a price row is rejected, or None when it is sound."""
    if mean is None:
        return "precio vacío"
    if mean <= 0 or (pmin is not None and pmin <= 0) or (pmax is not None and pmax <= 0):
        return "precio cero o negativo"
    if pmin is not None and pmax is not None and pmin > pmax:
        return "mínimo mayor que máximo"
    return None


def parse_number(text: str | None) -> float | None:
    """Colombian-style numbers: '2.500' -> 2500, '1.234,5' -> 1234.5, '12,5' -> 12.5, '1234.5' -> 1234.5.

    A dot followed by groups of exactly three digits is a thousands separator; a comma is the decimal mark.
    Returns None for empty or unparseable text.
    """
    if text is None:
        return None
    if isinstance(text, (int, float)):
        return float(text)
    s = str(text).strip().replace("$", "").replace(" ", "").replace("\xa0", "")
    if not s or s.lower() in {"n.d.", "nd", "-", "nan", "none"}:
        return None
    if "," in s:
        s = s.replace(".", "").replace(",", ".")
    elif s.count(".") >= 1:
        head, *groups = s.split(".")
        if all(len(g) == 3 and g.isdigit() for g in groups) and head.lstrip("-").isdigit() and (
            len(groups) > 1 or head.lstrip("-") != "0"
        ):
            s = head + "".join(groups)
    try:
        return float(s)
    except ValueError:
        return None


def iter_chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
