"""The two files: the split of the first release's single file (nothing lost, idempotent, safe under kill -9),
versioned upgrades of both files, and a state that survives deleting and rebuilding the mirror."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from data import alerts_store, migrations, schema, series_store
from data.db import open_db, upgrade
from data.importers.base import import_run
from tests.state_fixtures import CORABASTOS, PAPA, make_v1, mid, pid, table_counts, user_version

ROOT = Path(__file__).resolve().parents[1]
USER = list(schema.USER_TABLES)


def test_split_moves_every_user_row_to_the_state_and_keeps_the_mirror_public(tmp_path: Path) -> None:
    mirror, state = tmp_path / "sipsabot.db", tmp_path / "state.db"
    before = make_v1(mirror)
    conn = open_db(mirror, state=state).conn
    assert table_counts(mirror, USER) == dict.fromkeys(USER)  # no user table left in the mirror
    assert table_counts(state, USER) == before
    assert (user_version(mirror), user_version(state)) == (schema.MIRROR_VERSION, schema.STATE_VERSION)
    assert conn.execute("SELECT count(*) FROM weekly_prices").fetchone()[0] == 1
    # joins across the two files still work, and the alert cursor moved with its mirror
    [saved] = series_store.list_series(conn, 42)
    assert (saved.name, saved.product, saved.market) == ("mi papa", PAPA, "Bogotá, D.C., Corabastos")
    assert alerts_store.evaluated_run(conn) == 1
    conn.close()
    # idempotent: opening again changes nothing
    open_db(mirror, state=state).conn.close()
    assert table_counts(state, USER) == before


def test_deleting_and_rebuilding_the_mirror_keeps_alerts_and_saved_series(tmp_path: Path) -> None:
    mirror, state = tmp_path / "sipsabot.db", tmp_path / "state.db"
    conn = open_db(mirror, state=state).conn
    # A product the canonical vocabulary does not know gets its id from import order.
    with import_run(conn, source="test", fmt="test", dataset="weekly_prices") as batch:
        rare, m = batch.names.product("Fruta rara del Putumayo", "Frutas frescas"), batch.names.market(CORABASTOS)
        batch.upsert("weekly_prices", [(rare, m, "2026-10-03", "2026-10-09", None, None, 5000.0, "", "test")])
    series_store.save_series(conn, 7, rare, m, name="rara")
    alerts_store.add_subscription(conn, chat_id=7, product_id=pid(conn, PAPA), market_id=m, rule="below",
                                  threshold=2000)
    conn.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{mirror}{suffix}").unlink(missing_ok=True)
    conn = open_db(mirror, state=state).conn  # a new, empty mirror: the rebuild imports in another order
    with import_run(conn, source="test", fmt="test", dataset="weekly_prices") as batch:
        other = batch.names.product("Otra fruta nueva", "Frutas frescas")
        m = batch.names.market(CORABASTOS)
        batch.upsert("weekly_prices", [(other, m, "2026-10-03", "2026-10-09", None, None, 5000.0, "", "test")])
    assert other == rare  # another product took the old number
    conn.close()
    conn = open_db(mirror, state=state).conn
    assert series_store.list_series(conn, 7) == []  # parked until its product is back, never shown as another
    with import_run(conn, source="test", fmt="test", dataset="weekly_prices") as batch:
        rare2 = batch.names.product("Fruta rara del Putumayo", "Frutas frescas")
        batch.upsert("weekly_prices", [(rare2, m, "2026-10-03", "2026-10-09", None, None, 5000.0, "", "test")])
    assert rare2 != rare  # the id really moved
    conn.close()
    conn = open_db(mirror, state=state).conn  # start-up maps the state's ids by key
    [saved] = series_store.list_series(conn, 7)
    assert (saved.name, saved.product, saved.product_id) == ("rara", "Fruta rara del Putumayo", rare2)
    [sub] = alerts_store.list_subscriptions(conn, 7)
    assert (sub.product_id, sub.market_id) == (pid(conn, PAPA), mid(conn, CORABASTOS))
    conn.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_file_newer_than_the_code_is_refused_and_left_alone(tmp_path: Path) -> None:
    mirror, state = tmp_path / "sipsabot.db", tmp_path / "state.db"
    open_db(mirror, state=state).conn.close()
    conn = sqlite3.connect(state)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = _digest(state)
    with pytest.raises(migrations.MigrationError, match="más nueva"):
        upgrade(mirror, state)
    assert _digest(state) == before


def test_a_step_that_fails_leaves_the_file_as_it_was_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "f.db"
    conn = sqlite3.connect(path)

    def good(c: sqlite3.Connection) -> None:
        c.execute("CREATE TABLE a (x)")

    def bad(c: sqlite3.Connection) -> None:
        c.execute("CREATE TABLE b (x)")
        c.execute("INSERT INTO a VALUES (1)")
        raise ValueError("columna imposible")

    steps = [(1, "uno", good), (2, "dos", bad)]
    with pytest.raises(migrations.MigrationError, match=r"versión 2 \(dos\): columna imposible.*como estaba"):
        migrations.apply(conn, "prueba", steps, 2)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["a"]
    assert conn.execute("SELECT count(*) FROM a").fetchone()[0] == 0


@pytest.mark.parametrize("version", [0, 1, 2])
def test_every_earlier_mirror_version_upgrades(tmp_path: Path, version: int) -> None:
    """0: an empty file; 1: the first release's single file; 2: after the split, with the early food groups."""
    mirror = tmp_path / "sipsabot.db"
    if version == 1:
        make_v1(mirror)
    elif version == 2:
        _make_v2(mirror)
    else:
        sqlite3.connect(mirror).close()
    upgrade(mirror)
    assert user_version(mirror) == schema.MIRROR_VERSION
    assert user_version(tmp_path / "state.db") == schema.STATE_VERSION
    conn = sqlite3.connect(mirror)
    groups = dict(conn.execute("SELECT name, group_name FROM products WHERE name IN ('Arracacha amarilla', "
                               "'Maíz enlatado', 'Papa criolla limpia')").fetchall())
    assert groups == {"Arracacha amarilla": "Tubérculos, raíces y plátanos", "Maíz enlatado": "Productos procesados",
                      "Papa criolla limpia": "Tubérculos, raíces y plátanos"}
    if version == 2:  # nothing else moved: the prices and the row counts are the ones written before
        assert conn.execute("SELECT count(*), sum(price_mean) FROM weekly_prices").fetchone() == (1, 3200.0)
    conn.close()


def _make_v2(mirror: Path) -> None:
    """A mirror as version 2 left it: split done, the four products under the groups of the early vocabulary."""
    upgrade(mirror)
    conn = sqlite3.connect(mirror)
    p, m = pid(conn, PAPA), mid(conn, CORABASTOS)
    conn.execute("INSERT INTO weekly_prices (product_id, market_id, week_start, week_end, price_min, price_max, "
                 "price_mean, trend, source) VALUES (?, ?, '2026-10-03', '2026-10-09', 3000, 3400, 3200, '', 't')",
                 (p, m))
    conn.execute("UPDATE products SET group_name = 'Frutas frescas' WHERE name = 'Arracacha amarilla'")
    conn.execute("UPDATE products SET group_name = 'Granos y cereales' WHERE name LIKE '%enlatad%'")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()


SPLIT = "import sys; from data.db import upgrade; upgrade(sys.argv[1], sys.argv[2]); print('ok')"


def _copy_done(state: Path) -> bool:
    try:
        conn = sqlite3.connect(f"file:{state}?mode=ro", uri=True, timeout=0.05)
        try:
            return conn.execute("SELECT 1 FROM state_meta WHERE key = 'split_done'").fetchone() is not None
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def _run_split(mirror: Path, state: Path, kill_after: float | None, *, when_copied: bool = False) -> bool:
    proc = subprocess.Popen([sys.executable, "-c", SPLIT, str(mirror), str(state)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if kill_after is None and not when_copied:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
        return True
    if when_copied:  # the moment between the state's commit and the mirror's (step b done, step c not yet)
        deadline = time.monotonic() + 120
        while not _copy_done(state) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
    else:
        time.sleep(kill_after or 0)
    finished = proc.poll() is not None
    if not finished:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return finished


@pytest.mark.slow
def test_kill_9_at_any_point_of_the_split_loses_nothing(tmp_path: Path) -> None:
    """A release-1 file with 60,000 chats (the copy takes a while); the real process is killed with SIGKILL at
    spread-out moments of the split and right after the state's commit, each time on a fresh copy, then the split
    is run to the end."""
    original = tmp_path / "v1.db"
    expected = make_v1(original, chats=60_000, payload=300)
    probe_m, probe_s = tmp_path / "probe.db", tmp_path / "probe-state.db"
    probe_m.write_bytes(original.read_bytes())
    t0 = time.perf_counter()
    _run_split(probe_m, probe_s, None)
    full = time.perf_counter() - t0
    outcomes = []
    for i, fraction in enumerate((0.3, 0.6, 0.8, -1.0, 0.9)):
        mirror, state = tmp_path / f"m{i}.db", tmp_path / f"s{i}.db"
        mirror.write_bytes(original.read_bytes())
        finished = _run_split(mirror, state, full * fraction, when_copied=fraction < 0)
        # after the kill every row is in exactly one reachable place: the mirror still holds the user tables,
        # or the state holds them all (copy committed)
        in_mirror = table_counts(mirror, USER)
        in_state = table_counts(state, USER) if state.exists() else dict.fromkeys(USER)
        where = "copied" if in_state == expected else "not copied"
        assert in_mirror == expected or in_state == expected, (fraction, in_mirror, in_state)
        outcomes.append(f"{'after copy' if fraction < 0 else f'{fraction:.1f}'}: "
                        f"{'finished' if finished else where}")
        _run_split(mirror, state, None)  # the next start finishes the job
        assert table_counts(state, USER) == expected
        assert table_counts(mirror, USER) == dict.fromkeys(USER)
        assert user_version(mirror) == schema.MIRROR_VERSION
    print(f"\nsplit of 60,000 chats: {full:.2f} s; kills: {'; '.join(outcomes)}")
