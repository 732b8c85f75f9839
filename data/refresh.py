"""Live refresh of the mirror from DANE's SOAP service, and the first-run bootstrap.

Each dataset is one SOAP operation: its response is streamed to a temporary file, then parsed incrementally
and upserted in ONE transaction through import_run, on the store's single writer. With WAL, readers keep
answering from the previous data until the commit and never see half an import. A failed download or a cut
or malformed response changes no data; the attempt is recorded in import_runs (status 'failed') and reported."""

from __future__ import annotations

import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from data import demo, snapshot
from data.importers import soap_xml
from data.importers.base import ImportResult, import_run
from data.importers.soap_records import BY_DATASET, OPERATIONS, Operation
from data.schema import FACTS
from data.soap import ARG0_OPERATION, SoapConfig, SoapError, Unreachable, fetch, probe
from data.store import Store

# Refresh order: small and most asked first; promediosSipsaParcial (~310 MB) last.
DEFAULT_DATASETS = ("weekly", "daily-city", "monthly", "supply", "inputs", "daily")


def operation_for(name: str) -> Operation:
    """A dataset name (data.status.DATASETS) or an operation name -> its operation."""
    if name in BY_DATASET:
        return BY_DATASET[name]
    if name in OPERATIONS:
        return OPERATIONS[name]
    known = ", ".join(DEFAULT_DATASETS)
    raise ValueError(f"conjunto desconocido: {name!r} (conjuntos: {known}; o el nombre de la operación SOAP)")


@dataclass
class RefreshResult:
    dataset: str
    operation: str
    status: str  # 'ok' | 'failed'
    result: ImportResult | None = None
    error: str = ""
    unreachable: bool = False
    bytes: int = 0
    attempts: int = 0
    download_s: float = 0.0
    import_s: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def as_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset, "operation": self.operation, "status": self.status, "error": self.error,
            "bytes": self.bytes, "attempts": self.attempts, "download_s": round(self.download_s, 3),
            "import_s": round(self.import_s, 3), **({"import": self.result.as_dict()} if self.result else {}),
        }

    def summary(self) -> str:
        """One Spanish line for logs and the CLI."""
        if not self.ok:
            return f"✗ {self.dataset} ({self.operation}): {self.error} El espejo no cambió."
        r = self.result
        assert r is not None
        reasons = ", ".join(f"{k}: {v}" for k, v in r.reasons.most_common()) or "ninguna"
        return (f"✓ {self.dataset} ({self.operation}): {self.bytes / 1e6:.1f} MB en {self.download_s:.1f} s; "
                f"nuevas {r.inserted}, actualizadas {r.updated}, sin cambio {r.unchanged}, "
                f"rechazadas {r.rejected} ({reasons}); importado en {self.import_s:.1f} s")


def _store(store_or_path: Store | str | Path) -> Store:
    return store_or_path if isinstance(store_or_path, Store) else Store(store_or_path)


def _record_failure(conn: sqlite3.Connection, op: Operation, error: Exception) -> None:
    """A failed download leaves a failed import run (so /fuente and `status` show it), and no data."""
    try:
        with import_run(conn, source=f"soap:{op.name}", fmt="soap-xml", dataset=op.table):
            raise error
    except type(error):
        pass


def _load(conn: sqlite3.Connection, op: Operation, target: Path) -> ImportResult:
    """On the writer thread: one transaction for the whole response."""
    with import_run(conn, source=f"soap:{op.name}", fmt="soap-xml", path=target, dataset=op.table) as batch:
        soap_xml.load(batch, target)
        snapshot.retire(conn, op.table)  # DANE's whole history replaces the bundled copy
    return batch.result


def refresh_one(store: Store, name: str, config: SoapConfig, *, arg0: int | None = None,
                workdir: str | Path | None = None, log: Callable[[str], None] | None = None) -> RefreshResult:
    op = operation_for(name)
    out = RefreshResult(dataset=op.dataset, operation=op.name, status="failed")
    # The response (up to ~310 MB) goes next to the mirror by default: same volume, known to have room.
    with tempfile.TemporaryDirectory(prefix=".sipsa-download-", dir=workdir or store.path.parent) as tmp:
        target = Path(tmp) / f"{op.name}.xml"
        try:
            download = fetch(op.name, target, config, arg0=arg0 if op.name == ARG0_OPERATION else None, log=log)
        except SoapError as exc:
            out.error, out.unreachable = str(exc), isinstance(exc, Unreachable)
            store.write_sync(_record_failure, op, exc, mirror_only=True)
            return out
        out.bytes, out.attempts, out.download_s = download.bytes, download.attempts, download.seconds
        t0 = time.perf_counter()
        try:
            loaded = store.write_sync(_load, op, target, mirror_only=True)
        except Exception as exc:  # cut/malformed XML, SOAP Fault, database error: rolled back by import_run
            out.error = str(exc) if isinstance(exc, SoapError | soap_xml.SoapFault) else \
                f"La respuesta de {op.name} no se pudo leer: {exc}."
            out.import_s = time.perf_counter() - t0
            return out
        out.import_s = time.perf_counter() - t0
        out.status, out.result = "ok", loaded
    return out


def refresh(store_or_path: Store | str | Path, datasets: Iterable[str] | None = None, settings: Any = None, *,
            config: SoapConfig | None = None, arg0: int | None = None, workdir: str | Path | None = None,
            stop_when_unreachable: bool = True, log: Callable[[str], None] | None = None) -> list[RefreshResult]:
    """Refresh the given datasets (default: all six operations) from the SOAP service, one transaction each.

    `settings` is any object with soap_url / soap_timeout_s / soap_retries (bot.config.Settings); `config`
    overrides it. When DANE is unreachable the remaining datasets are skipped (reported as failed) unless
    stop_when_unreachable is False."""
    store = _store(store_or_path)
    config = config or SoapConfig.of(settings)
    names = list(datasets or DEFAULT_DATASETS)
    for name in names:
        operation_for(name)  # validate every name before any network call
    results: list[RefreshResult] = []
    unreachable: RefreshResult | None = None
    for name in names:
        if unreachable is not None:
            op = operation_for(name)
            results.append(RefreshResult(op.dataset, op.name, "failed", error=unreachable.error, unreachable=True))
            continue
        result = refresh_one(store, name, config, arg0=arg0, workdir=workdir, log=log)
        if log:
            log(result.summary())
        results.append(result)
        if result.unreachable and stop_when_unreachable:
            unreachable = result
    return results


def is_empty(conn: sqlite3.Connection) -> bool:
    """True when no fact table holds a row."""
    return all(conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is None for table in FACTS)


@dataclass
class Bootstrap:
    status: str  # 'existing' | 'refreshed' | 'snapshot' | 'demo' (only when the snapshot file is missing)
    message: str  # Spanish, for the console / logs
    results: list[RefreshResult] = field(default_factory=list)


def bootstrap(store_or_path: Store | str | Path, settings: Any = None, *, config: SoapConfig | None = None,
              datasets: Iterable[str] | None = None, workdir: str | Path | None = None,
              log: Callable[[str], None] | None = None) -> Bootstrap:
    """First run: when the mirror is empty, try a refresh from DANE; if nothing could be loaded (DANE
    unreachable, every answer unusable), load the demo mirror and say so. A mirror with data is left as is.
    A quick GET of the endpoint first (10 s) makes an offline start fall back to the demo without waiting for
    the retries of a full refresh."""
    store = _store(store_or_path)
    if not is_empty(store.reader()):
        return Bootstrap("existing", "El espejo ya tiene datos; no hace falta cargarlo.")
    config = config or SoapConfig.of(settings)
    offline = probe(config)
    if offline is not None:
        names = list(datasets or DEFAULT_DATASETS)
        results = [RefreshResult(operation_for(n).dataset, operation_for(n).name, "failed", error=offline,
                                 unreachable=True) for n in names]
    else:
        results = refresh(store, datasets, settings, config=config, workdir=workdir, log=log)
    loaded = [r for r in results if r.ok]
    if loaded:
        failed = [r.dataset for r in results if not r.ok]
        note = f" (fallaron: {', '.join(failed)})" if failed else ""
        return Bootstrap("refreshed", f"Espejo cargado desde DANE – SIPSA: {', '.join(r.dataset for r in loaded)}"
                                      f"{note}.", results)
    reason = results[0].error if results else "sin conjuntos"
    why = ("No pude conectarme con DANE – SIPSA" if any(r.unreachable for r in results)
           else "DANE – SIPSA no entregó datos utilizables")
    if snapshot.available():
        newest = store.write_sync(_load_snapshot, mirror_only=True)
        return Bootstrap(
            "snapshot",
            f"{why}, así que cargué la copia de precios semanales reales de SIPSA incluida con el bot (datos hasta "
            f"{newest or 'su última semana'}); cada respuesta dice su antigüedad. Ejecute `sipsabot refresh` cuando "
            f"haya conexión. ({reason})",
            results,
        )
    store.write_sync(_load_demo, mirror_only=True)
    return Bootstrap(
        "demo",
        f"{why}, así que cargué el espejo de DEMOSTRACIÓN: sus cifras son ficticias y cada respuesta lo dirá. "
        f"Ejecute `sipsabot refresh` cuando haya conexión. ({reason})",
        results,
    )


def _load_snapshot(conn: sqlite3.Connection) -> str:
    return snapshot.load(conn) if is_empty(conn) else ""  # another process may have filled it meanwhile


def _load_demo(conn: sqlite3.Connection) -> None:
    if is_empty(conn):  # another process may have filled it meanwhile
        demo.build(conn)


def last_refresh(conn: sqlite3.Connection, table: str) -> tuple[str, str, str] | None:
    """(started_at, status, error) of the newest SOAP refresh attempt for a fact table, or None."""
    row = conn.execute(
        "SELECT started_at, status, error FROM import_runs WHERE dataset = ? AND source LIKE 'soap:%' "
        "ORDER BY id DESC LIMIT 1", (table,)).fetchone()
    return None if row is None else (row[0], row[1], row[2])


def last_ok_import(conn: sqlite3.Connection, table: str) -> tuple[str, str] | None:
    """(started_at, source) of the newest successful import (file, refresh or demo) into a fact table."""
    row = conn.execute(
        "SELECT started_at, source FROM import_runs WHERE dataset = ? AND status = 'ok' ORDER BY id DESC LIMIT 1",
        (table,)).fetchone()
    return None if row is None else (row[0], row[1])
