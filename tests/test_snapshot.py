"""The offline first run answers with real figures: the bundled snapshot of SIPSA weekly prices (built by
tools/build_snapshot.py), flagged with its age in every answer, and replaced by the first real weekly refresh."""

from __future__ import annotations

import datetime as dt
import gzip
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from data import snapshot
from data.db import connect
from data.refresh import refresh
from data.soap import SoapConfig
from tests.soap_server import SoapServer, response_bytes

ROOT = Path(__file__).resolve().parents[1]
HEADER = ("semana_inicio,semana_fin,grupo,producto,mercado,precio_min_cop_kg,precio_max_cop_kg,"
          "precio_medio_cop_kg,tendencia\n")


def test_the_tool_keeps_the_newest_weeks_and_is_byte_identical(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import build_snapshot
    finally:
        sys.path.pop(0)
    source = tmp_path / "semanal.csv.gz"
    rows = [f"{(dt.date(2025, 1, 4) + dt.timedelta(weeks=w)).isoformat()},"
            f"{(dt.date(2025, 1, 10) + dt.timedelta(weeks=w)).isoformat()},Frutas frescas,Mango Tommy,"
            f"\"Cali, Cavasa\",1000,1200,{1100 + w},=\n" for w in range(10)]
    source.write_bytes(gzip.compress((HEADER + "".join(rows)).encode()))
    a, b = tmp_path / "a.csv.gz", tmp_path / "b.csv.gz"
    assert build_snapshot.build(source, a, 3) == (3, "2025-02-22", "2025-03-14")
    build_snapshot.build(source, b, 3)
    assert a.read_bytes() == b.read_bytes()
    assert gzip.decompress(a.read_bytes()).decode().splitlines()[-1].endswith(",1109,=")


def test_the_shipped_snapshot_is_small_recent_real_and_attributed() -> None:
    assert snapshot.FILE.is_file()
    assert snapshot.FILE.stat().st_size < 4_500_000
    text = gzip.decompress(snapshot.FILE.read_bytes()).decode()
    assert text.startswith(HEADER)
    assert "CC BY-SA 4.0" in (snapshot.FILE.parent / "README.md").read_text(encoding="utf-8")
    assert max(line[11:21] for line in text.splitlines()[1:]) == "2025-10-31"


def _dead_url() -> str:
    with socket.socket() as sock:  # a port nobody listens on: DANE unreachable
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}/sipsaWS"


@pytest.mark.slow
def test_offline_first_run_answers_real_figures_says_it_is_the_snapshot_and_a_refresh_replaces_it(
        tmp_path: Path) -> None:
    db = tmp_path / "sipsabot.db"
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("SIPSABOT_", "TELEGRAM_"))},
           "SIPSABOT_DB": str(db), "SIPSABOT_SOAP_URL": _dead_url(), "SIPSABOT_SOAP_RETRIES": "0"}
    done = subprocess.run([sys.executable, "-m", "bot", "run"], cwd=ROOT, env=env, capture_output=True, text=True,
                          input="¿A cuánto está la papa criolla sucia en Corabastos?\n", timeout=300)
    out = done.stdout
    print(out[-700:])
    assert "copia de precios semanales reales de SIPSA incluida" in out, out + done.stderr
    assert "$3.181" in out or "3.181" in out  # DANE's figure for 2025-10-25..31, not an invented one
    assert "📦 Copia de precios reales de SIPSA incluida con el bot, con datos hasta el 31/10/2025" in out
    assert "DEMOSTRACIÓN" not in out and "ficticias" not in out
    # the first real weekly refresh replaces the snapshot
    body = response_bytes("promediosSipsaSemanaMadr", [
        {"artiId": 0, "artiNombre": "Papa criolla sucia", "fechaIni": "2025-11-01T00:00:00-05:00", "fuenId": 0,
         "fuenNombre": "Bogotá, D.C., Corabastos", "futiId": 1, "maximoKg": 3500, "minimoKg": 3000,
         "promedioKg": 3250}])
    with SoapServer({"promediosSipsaSemanaMadr": [body]}) as server:
        [result] = refresh(db, ["weekly"], config=SoapConfig(url=server.url, retries=0, timeout_s=30))
    assert result.ok, result.error
    conn = connect(db, readonly=True)
    assert snapshot.snapshot_of(conn) is None
    assert conn.execute("SELECT count(*), min(source) FROM weekly_prices").fetchone() == (1, "soap")
