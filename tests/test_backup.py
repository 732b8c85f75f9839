"""`sipsabot backup` / `sipsabot restore` and the data.backup library behind them, on real files and processes:
a backup taken while another process writes is consistent; a backup killed with SIGKILL leaves no file that looks
like a backup; a backup works as the state on its own; restore refuses what is not a SIPSABot state."""

from __future__ import annotations

import gzip
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from data import backup, series_store
from data.db import open_db
from tests.state_fixtures import CORABASTOS, PAPA, make_v1, mid, pid, table_counts

ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("SIPSABOT_", "TELEGRAM_"))}
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=ROOT, env={**base, **(env or {})},
                          capture_output=True, text=True, timeout=120)


def _state_with_series(tmp_path: Path) -> tuple[Path, Path]:
    mirror, state = tmp_path / "sipsabot.db", tmp_path / "state.db"
    conn = open_db(mirror, state=state).conn
    series_store.save_series(conn, 42, pid(conn, PAPA), mid(conn, CORABASTOS), name="mi papa")
    conn.close()
    return mirror, state


def test_cli_backup_is_dated_compressed_and_works_as_the_state_on_its_own(tmp_path: Path) -> None:
    mirror, state = _state_with_series(tmp_path)
    out = tmp_path / "copias"
    done = cli("backup", str(out), "--db", str(mirror), "--state", str(state))
    assert done.returncode == 0, done.stderr
    assert "✓ Copia del estado" in done.stdout and "saved_series 1" in done.stdout
    [made] = backup.list_backups(out)
    assert made.name.startswith("sipsabot-state-20") and made.name.endswith(".db.gz")
    # Decompressed, it is a state file: a fresh mirror elsewhere finds the saved series through it.
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "state.db").write_bytes(gzip.decompress(made.read_bytes()))
    conn = open_db(alone / "sipsabot.db").conn
    [saved] = series_store.list_series(conn, 42)
    assert (saved.name, saved.product) == ("mi papa", PAPA)


def test_restore_refuses_what_is_not_a_state_and_restores_a_backup(tmp_path: Path) -> None:
    mirror, state = _state_with_series(tmp_path)
    [_, found] = backup.backup_state(state, tmp_path / "copias")
    assert found.counts["saved_series"] == 1
    [good] = backup.list_backups(tmp_path / "copias")
    junk = tmp_path / "junk.db.gz"
    junk.write_bytes(gzip.compress(b"no soy una base de datos" * 100))
    env = {"SIPSABOT_DB": str(mirror), "SIPSABOT_STATE_DB": str(state), "SIPSABOT_BACKUP_DIR": str(tmp_path / "b")}
    for bad, why in ((junk, "no es una base de datos SQLite"), (mirror, "es un espejo de precios"),
                     (tmp_path / "nada.gz", "no existe")):
        done = cli("restore", str(bad), env=env)
        assert done.returncode == 1 and why in done.stderr and "El estado actual no cambió" in done.stderr, \
            done.stderr
    # The chat deletes its series; the restore brings it back and keeps a copy of the state it replaced.
    conn = open_db(mirror, state=state).conn
    series_store.delete_series(conn, 42, series_store.list_series(conn, 42)[0].id)
    conn.close()
    done = cli("restore", str(good), env=env)
    assert done.returncode == 0, done.stderr
    assert "✓ Estado restaurado" in done.stdout
    assert table_counts(state, ["saved_series"]) == {"saved_series": 1}
    [safety] = backup.list_backups(tmp_path / "b")
    assert safety.stat().st_size > 0


def test_restore_refuses_a_state_from_a_newer_release(tmp_path: Path) -> None:
    _, state = _state_with_series(tmp_path)
    newer = tmp_path / "newer.db"
    newer.write_bytes(state.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 42")
    conn.close()
    with pytest.raises(backup.BackupError, match="más nueva"):
        backup.restore_state(newer, state)


def test_prune_keeps_the_newest(tmp_path: Path) -> None:
    import datetime as dt

    _, state = _state_with_series(tmp_path)
    for day in range(1, 6):
        backup.backup_state(state, tmp_path / "c", now=dt.datetime(2026, 11, day, 3, 30, tzinfo=dt.UTC))
    gone = backup.prune(tmp_path / "c", 2)
    assert [p.name for p in backup.list_backups(tmp_path / "c")] == [
        "sipsabot-state-20261104-033000.db.gz", "sipsabot-state-20261105-033000.db.gz"]
    assert len(gone) == 3


WRITER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], timeout=30)
conn.execute("PRAGMA journal_mode = WAL")
n = 0
while True:
    with conn:  # 100 rows per transaction: a consistent copy always holds a multiple of 100
        conn.executemany("INSERT INTO chat_state (chat_id, state) VALUES (?, ?)",
                         [(1_000_000 + n + i, '{"q": "' + 'x' * 400 + '"}') for i in range(100)])
    n += 100
    print(n, flush=True)
"""


@pytest.mark.slow
def test_backup_while_another_process_writes_is_consistent_and_kill_9_leaves_no_false_backup(
        tmp_path: Path) -> None:
    mirror = tmp_path / "sipsabot.db"
    make_v1(mirror, chats=120_000, payload=400)  # ~60 MB of state after the split
    open_db(mirror).conn.close()
    state = tmp_path / "state.db"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(state)], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None
        writer.stdout.readline()  # it is writing
        out = tmp_path / "copias"
        for _ in range(2):
            path, found = backup.backup_state(state, out)
            assert found.counts["chat_state"] % 100 == 0  # 120,000 moved chats + whole transactions of 100
        # kill -9 in the middle of a backup, at several moments
        env = {**{k: v for k, v in os.environ.items() if not k.startswith("SIPSABOT_")},
               "SIPSABOT_DB": str(mirror), "SIPSABOT_STATE_DB": str(state)}
        kills = tmp_path / "kills"
        for delay in (0.4, 0.8, 1.2, 1.6):
            proc = subprocess.Popen([sys.executable, "-m", "bot", "backup", str(kills)], cwd=ROOT, env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            for made in backup.list_backups(kills):  # whatever carries a backup's name is a whole, valid backup
                plain = tmp_path / "check.db"
                plain.write_bytes(gzip.decompress(made.read_bytes()))
                assert backup.check_state(plain).counts["chat_state"] % 100 == 0
        left = sorted(p.name for p in kills.iterdir()) if kills.exists() else []
        path, _ = backup.backup_state(state, kills)  # the next backup clears the leftovers
        assert [p.name for p in kills.iterdir() if p.name.startswith(".")] == []
        print(f"\nbackup under writes: {path.stat().st_size / 1e6:.1f} MB compressed; after the kills: {left}")
    finally:
        writer.kill()
        writer.wait()


async def test_daily_state_backup_is_scheduled_and_keeps_the_last_n(tmp_path: Path) -> None:
    from telegram.ext import Application

    from bot.config import Settings
    from handlers import jobs
    from tests.botapi import BotAPIServer

    mirror, _ = _state_with_series(tmp_path)
    settings = Settings(db_path=mirror, refresh_schedule="off", backup_keep=2, backup_time="04:15",
                        backup_dir=tmp_path / "diarias")
    with BotAPIServer() as api:
        from handlers.context import CONTEXT_TYPES

        app = Application.builder().context_types(CONTEXT_TYPES).token(api.token).base_url(api.base_url).build()
        async with app:
            aj = jobs.register_jobs(app, settings)
            assert app.job_queue is not None
            await app.job_queue.start()
            try:
                job = next(j for j in app.job_queue.jobs() if j.name == "state:backup")
                assert job.next_t is not None
                local = job.next_t.astimezone(aj.tz)
                assert (local.hour, local.minute) == (4, 15) and job.job.misfire_grace_time == 6 * 3600
                for _ in range(3):
                    await job.run(app)
            finally:
                await app.job_queue.stop(wait=False)
                aj.close()
    kept = backup.list_backups(tmp_path / "diarias")
    assert len(kept) == 2 and all(p.stat().st_size > 0 for p in kept)
