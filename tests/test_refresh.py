"""Live refresh against a real HTTP server on 127.0.0.1 (tests/soap_server.py): real responses, retries,
timeouts, cut and malformed bodies, faults, bootstrap to the bundled snapshot, and the CLI."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from data.db import connect, open_db
from data.refresh import bootstrap, refresh
from data.snapshot import snapshot_of
from data.soap import SoapConfig
from data.status import is_demo
from data.store import Store
from tests.conftest import ROOT, shared_path
from tests.soap_server import Cut, Fault, Hang, SoapServer, Status, city_records, response_bytes, write_response

FAST = {"timeout_s": 5.0, "retries": 2, "backoff_s": 0.01}


def _config(server: SoapServer, **kw: float) -> SoapConfig:
    return SoapConfig(url=server.url, **{**FAST, **kw})  # type: ignore[arg-type]


def _facts(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for table in ("weekly_prices", "daily_city_prices", "monthly_supply", "monthly_prices", "input_prices"):
        out += [(table, *r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2, 3")]
    return out


def test_refresh_real_responses_builds_the_envelope_and_is_idempotent(db_path: Path):
    routes = {name: shared_path("soap", f"{name}.response.xml")
              for name in ("promediosSipsaSemanaMadr", "promediosSipsaCiudad", "promedioAbasSipsaMesMadr")}
    routes["consultarInsumosSipsaMesMadr"] = response_bytes("consultarInsumosSipsaMesMadr", [
        {"deptNombre": "Boyacá", "fechaMesIni": "2025-05-01T00:00:00-05:00", "insumoNombre": "Urea 46%",
         "muniId": "15759", "muniNombre": "Sogamoso", "promedio": 152000, "tireNombre": "Fertilizantes"}])
    with SoapServer(routes) as server:
        results = refresh(db_path, ["weekly", "daily-city", "supply", "inputs"], config=_config(server), arg0=3)
        assert [(r.dataset, r.status, r.result.inserted if r.result else None) for r in results] == [
            ("weekly", "ok", 3), ("daily-city", "ok", 3), ("supply", "ok", 3), ("inputs", "ok", 1)]
        again = refresh(db_path, ["weekly", "daily-city", "supply", "inputs"], config=_config(server))
        assert all(r.result and (r.result.inserted, r.result.updated) == (0, 0) and r.result.unchanged
                   for r in again)
        operation, headers, body = server.requests[0]
        assert operation == "promediosSipsaSemanaMadr"
        assert headers["Content-Type"] == "application/soap+xml; charset=utf-8"
        assert "SOAPAction" not in headers
        assert b'xmlns:soap="http://www.w3.org/2003/05/soap-envelope"' in body
        assert b'xmlns:ser="http://servicios.sipsa.co.gov.dane/"' in body
        assert b"<ser:promediosSipsaSemanaMadr></ser:promediosSipsaSemanaMadr>" in body
        insumos = [b for op, _, b in server.requests if op == "consultarInsumosSipsaMesMadr"]
        assert b"<arg0>3</arg0>" in insumos[0] and b"arg0" not in insumos[1]
    conn = connect(db_path, readonly=True)
    runs = conn.execute("SELECT source, dataset, status, inserted, unchanged FROM import_runs ORDER BY id").fetchall()
    assert runs[0] == ("soap:promediosSipsaSemanaMadr", "weekly_prices", "ok", 3, 0)
    assert runs[-1] == ("soap:consultarInsumosSipsaMesMadr", "input_prices", "ok", 0, 1)


def test_retries_5xx_then_succeeds_and_fault_is_not_retried(db_path: Path):
    weekly = shared_path("soap", "promediosSipsaSemanaMadr.response.xml")
    with SoapServer({"promediosSipsaSemanaMadr": [Status(503), Status(500), weekly],
                     "promedioAbasSipsaMesMadr": Fault("java.sql.SQLException: ORA-01013"),
                     "promediosSipsaMesMadr": Status(500)}) as server:
        ok, fault, down = refresh(db_path, ["weekly", "supply", "monthly"], config=_config(server))
        assert ok.ok and ok.attempts == 3 and ok.result and ok.result.inserted == 3
        assert not fault.ok and "ORA-01013" in fault.error and server.calls["promedioAbasSipsaMesMadr"] == 1
        assert not down.ok and "HTTP 500" in down.error and server.calls["promediosSipsaMesMadr"] == 3
        assert not down.unreachable  # the server answered: DANE is up but failing


def test_cut_and_malformed_responses_change_nothing(tmp_path: Path, db_path: Path):
    records = [{"artiId": 159, "artiNombre": "Papa criolla limpia", "fechaIni": f"2025-{m:02d}-01T00:00:00-05:00",
                "fuenId": 1, "fuenNombre": "Bogotá, D.C., Corabastos", "minimoKg": 3000, "maximoKg": 4000,
                "promedioKg": 3500 + m} for m in range(1, 13)]
    first = response_bytes("promediosSipsaSemanaMadr", records[:6])
    full = response_bytes("promediosSipsaSemanaMadr", [dict(r, promedioKg=9999) for r in records])
    with SoapServer({"promediosSipsaSemanaMadr": first}) as server:
        assert refresh(db_path, ["weekly"], config=_config(server))[0].ok
        before = _facts(open_db(db_path).conn)
        # Cut with a declared length: httpx sees the short body, retries, then reports.
        server.set("promediosSipsaSemanaMadr", Cut(full, at=len(full) // 2))
        cut = refresh(db_path, ["weekly"], config=_config(server))[0]
        assert not cut.ok and "cortada" in cut.error and server.calls["promediosSipsaSemanaMadr"] == 3
        # Cut without a length: only the XML parser can tell; the transaction is rolled back.
        server.set("promediosSipsaSemanaMadr", Cut(full, at=len(full) - 40, declare_length=False))
        silent = refresh(db_path, ["weekly"], config=_config(server))[0]
        assert not silent.ok and "incompleta o mal formada" in silent.error
        server.set("promediosSipsaSemanaMadr", b"<html><body>Mantenimiento</body></html>")
        html = refresh(db_path, ["weekly"], config=_config(server))[0]
        assert not html.ok
    assert _facts(open_db(db_path).conn) == before
    statuses = [r[0] for r in connect(db_path, readonly=True).execute(
        "SELECT status FROM import_runs WHERE dataset = 'weekly_prices' ORDER BY id")]
    assert statuses == ["ok", "failed", "failed", "failed"]


def test_timeouts_then_bootstrap_falls_back_to_the_bundled_snapshot_and_says_so(db_path: Path):
    with SoapServer({"promediosSipsaSemanaMadr": Hang(3)}) as server:
        boot = bootstrap(db_path, config=_config(server, timeout_s=0.3, retries=1))
        calls = dict(server.calls)
    assert boot.status == "snapshot" and "copia de precios semanales reales de SIPSA" in boot.message
    assert boot.results[0].unreachable and "tiempo de espera" in boot.results[0].error
    assert all(r.unreachable and not r.ok for r in boot.results) and len(boot.results) == 6
    assert calls == {"promediosSipsaSemanaMadr": 2}  # one dataset timed out twice; the others were not tried
    conn = connect(db_path, readonly=True)
    assert not is_demo(conn) and snapshot_of(conn) == dt.date(2025, 10, 31)
    assert conn.execute("SELECT count(*) FROM weekly_prices").fetchone()[0] > 400_000
    assert bootstrap(db_path).status == "existing"  # a mirror with data is left alone


def test_bootstrap_refreshes_when_dane_answers(db_path: Path):
    routes = {"promediosSipsaSemanaMadr": shared_path("soap", "promediosSipsaSemanaMadr.response.xml")}
    with SoapServer(routes) as server:
        boot = bootstrap(Store(db_path), config=_config(server), datasets=["weekly", "monthly"])
    assert boot.status == "refreshed" and "weekly" in boot.message and "monthly" in boot.message
    assert not is_demo(connect(db_path, readonly=True))


def test_cli_refresh_of_300k_records_streams_with_flat_memory_and_readers_see_all_or_nothing(tmp_path: Path):
    """The acceptance test of flat memory: `sipsabot refresh daily-city` in a child process downloads and imports a
    generated response of 300,000 records (~90 MB of XML). Its peak RSS stays far below what holding the
    response would take, and a reader polling the mirror meanwhile sees either no rows or all of them."""
    big = write_response(tmp_path / "big.xml", "promediosSipsaCiudad", city_records(300_000))
    db = tmp_path / "mirror.db"
    Store(db)
    seen: set[int] = set()
    stop = threading.Event()

    def poll() -> None:
        conn = connect(db, readonly=True)
        while not stop.is_set():
            seen.add(conn.execute("SELECT count(*) FROM daily_city_prices").fetchone()[0])
            time.sleep(0.05)

    # VmHWM is this process's own peak (ru_maxrss would include the parent's RSS inherited through fork/exec).
    probe = ("import sys; from bot.cli import main; rc = main(sys.argv[1:]); "
             "print('PEAK_RSS_KB', next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1]); "
             "sys.exit(rc)")
    with SoapServer({"promediosSipsaCiudad": big}) as server:
        env = {**os.environ, "SIPSABOT_SOAP_URL": server.url, "SIPSABOT_SOAP_RETRIES": "0", "SIPSABOT_DB": str(db)}
        reader = threading.Thread(target=poll)
        reader.start()
        try:
            proc = subprocess.run([sys.executable, "-c", probe, "refresh", "daily-city", "--json"], cwd=ROOT, env=env,
                                  capture_output=True, text=True, timeout=120)
        finally:
            stop.set()
            reader.join()
    assert proc.returncode == 0, proc.stderr
    out, _, rss = proc.stdout.rpartition("PEAK_RSS_KB")
    result = json.loads(out)[0]
    assert result["status"] == "ok" and result["import"]["inserted"] == 300_000 and result["bytes"] > 80e6
    peak_mb = int(rss) / 1024
    assert peak_mb < 200, f"peak RSS {peak_mb:.0f} MB"
    assert seen <= {0, 300_000} and 0 in seen
    cities = connect(db, readonly=True).execute(
        "SELECT count(DISTINCT market_id) FROM daily_city_prices").fetchone()[0]
    assert cities == 20  # CÚCUTA and SAN JOSÉ DE CÚCUTA are one city


def test_offline_first_run_falls_back_to_demo_at_once(db_path: Path):
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    t0 = time.perf_counter()
    boot = bootstrap(db_path, config=SoapConfig(url=f"http://127.0.0.1:{port}/sipsaWS", retries=3, backoff_s=60))
    assert time.perf_counter() - t0 < 60  # no backoff (one alone is 60 s) when nothing answers at all
    assert boot.status == "snapshot" and boot.message.startswith("No pude conectarme con DANE")
    assert snapshot_of(connect(db_path, readonly=True)) is not None
