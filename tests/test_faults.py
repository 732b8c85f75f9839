"""Faults, with the real process where it matters: a corrupted mirror (the bot says so and rebuilds it, the state
untouched); a full disk during an import (mirror unchanged, clear message); another process holding the mirror's
write lock (the import waits, the users' state is not blocked). kill -9 during a migration and during a backup are
in test_state_split.py and test_backup.py."""

from __future__ import annotations

import gzip
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest

from data import chats, demo, series_store
from data.db import open_db
from data.store import Store
from tests.state_fixtures import CORABASTOS, PAPA, mid, pid, table_counts

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "data" / "snapshot" / "semanal_reciente.csv.gz"


def _env(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("SIPSABOT_", "TELEGRAM_"))}
    return {**base, **extra}


def _dead_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}/sipsaWS"


def _mirror_with_state(tmp_path: Path) -> tuple[Path, Path]:
    mirror, state = tmp_path / "sipsabot.db", tmp_path / "state.db"
    conn = open_db(mirror, state=state).conn
    demo.build(conn, weeks=20)
    conn.commit()
    series_store.save_series(conn, 42, pid(conn, PAPA), mid(conn, CORABASTOS), name="mi papa")
    chats.save_settings(conn, 42, {"market": "Corabastos"})
    conn.close()
    return mirror, state


@pytest.mark.slow
def test_a_corrupted_mirror_is_said_moved_aside_and_rebuilt_and_the_state_is_untouched(tmp_path: Path) -> None:
    mirror, state = _mirror_with_state(tmp_path)
    state_before = table_counts(state, ["saved_series", "chat_state"])
    with open(mirror, "r+b") as fh:  # garbage over the header and the first pages
        fh.write(os.urandom(16384))
    Path(f"{mirror}-wal").unlink(missing_ok=True)
    done = subprocess.run([sys.executable, "-m", "bot", "run"], cwd=ROOT, input="", capture_output=True, text=True,
                          timeout=300, env=_env(SIPSABOT_DB=str(mirror), SIPSABOT_SOAP_URL=_dead_url(),
                                                SIPSABOT_SOAP_RETRIES="0"))
    out = done.stdout
    assert f"El espejo {mirror} estaba dañado" in out and "lo reconstruyo" in out, out + done.stderr
    assert "copia de precios semanales reales de SIPSA" in out  # rebuilt from the bundled snapshot (offline)
    assert len(list(tmp_path.glob("sipsabot.db.dañado-*"))) == 1
    assert table_counts(state, ["saved_series", "chat_state"]) == state_before
    conn = open_db(mirror, state=state).conn
    [saved] = series_store.list_series(conn, 42)
    assert (saved.name, saved.product) == ("mi papa", PAPA)
    assert conn.execute("SELECT count(*) FROM weekly_prices").fetchone()[0] > 400_000


@pytest.fixture
def small_fs(tmp_path: Path):
    """A 24 MB tmpfs (we are root in CI); skipped where mounting is not allowed."""
    where = tmp_path / "small"
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", f"sipsabot-{uuid.uuid4().hex[:8]}",
                           str(where)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here ({done.stderr.strip()}); needs root")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def _facts(path: Path) -> list[tuple]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*), sum(price_mean), max(week_start) FROM weekly_prices").fetchall()
    finally:
        conn.close()


@pytest.mark.slow
def test_disk_full_during_an_import_leaves_the_mirror_unchanged_and_says_so(small_fs: Path, tmp_path: Path) -> None:
    mirror = small_fs / "sipsabot.db"
    state = tmp_path / "state.db"  # the state lives elsewhere; the mirror's disk fills
    conn = open_db(mirror, state=state).conn
    demo.build(conn, weeks=20)
    conn.commit()
    conn.close()
    before = _facts(mirror)
    big = tmp_path / "semanal.csv.gz"  # 459,000 real rows: far more than 24 MB of mirror
    shutil.copy(SNAPSHOT, big)
    done = subprocess.run([sys.executable, "-m", "bot", "import", str(big)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env=_env(SIPSABOT_DB=str(mirror), SIPSABOT_STATE_DB=str(state)))
    assert done.returncode == 1
    assert "No hay espacio en el disco para importar semanal.csv.gz" in done.stderr, done.stderr
    assert "El espejo no cambió" in done.stderr and "Traceback" not in done.stderr
    assert _facts(mirror) == before
    check = sqlite3.connect(mirror)
    assert check.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    check.close()


HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")  # the write lock, as a long import holds it
conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('holder', 'x')")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


@pytest.mark.slow
def test_another_process_holding_the_write_lock(tmp_path: Path) -> None:
    """The import waits for the lock (no error, no lost row); meanwhile the users' state is written at once,
    because imports never hold the state's lock."""
    mirror, state = _mirror_with_state(tmp_path)
    csv = tmp_path / "una_semana.csv.gz"
    csv.write_bytes(gzip.compress(
        b"semana_inicio,semana_fin,grupo,producto,mercado,precio_min_cop_kg,precio_max_cop_kg,precio_medio_cop_kg,"
        b"tendencia\n2030-01-05,2030-01-11,Frutas frescas,Mango Tommy,\"Cali, Cavasa\",1000,1200,1100,=\n"))
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(mirror), "4"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        t0 = time.monotonic()
        importer = subprocess.Popen([sys.executable, "-m", "bot", "import", str(csv)], cwd=ROOT,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                    env=_env(SIPSABOT_DB=str(mirror), SIPSABOT_STATE_DB=str(state)))
        store = Store(mirror, state)
        wrote: list[float] = []

        def chat_write() -> None:
            s0 = time.monotonic()
            store.write_sync(chats.save_state, 42, {"intent": "price"})
            wrote.append(time.monotonic() - s0)

        worker = threading.Thread(target=chat_write)
        worker.start()
        worker.join(10)
        out, err = importer.communicate(timeout=120)
        waited = time.monotonic() - t0
    finally:
        holder.wait(30)
    assert wrote and wrote[0] < 1.0, wrote  # the state did not wait for the mirror's writer
    assert importer.returncode == 0, err
    assert "nuevas 1" in out and waited >= 3.0  # it waited for the lock instead of failing
    conn = sqlite3.connect(f"file:{mirror}?mode=ro", uri=True)
    assert conn.execute("SELECT count(*) FROM weekly_prices WHERE week_start = '2030-01-05'").fetchone()[0] == 1
    conn.close()
