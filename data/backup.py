"""Backups of the state file (what users created; the mirror is public data and is rebuilt instead).

A backup is SQLite's online backup API run from a read-only connection: one consistent snapshot even while the bot
writes (WAL readers do not block the writer), checked, gzip-compressed and named by its UTC time
(sipsabot-state-YYYYMMDD-HHMMSS.db.gz). It is written under a hidden temporary name, fsynced and renamed, so a
process killed half-way never leaves a file that looks like a backup. Decompressed, a backup is a state file that
works on its own (SIPSABOT_STATE_DB can point at it)."""

from __future__ import annotations

import datetime as dt
import gzip
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from data import migrations, schema

PREFIX = "sipsabot-state-"
SUFFIX = ".db.gz"


class BackupError(RuntimeError):
    """A backup or restore that could not be done; the message (Spanish) says why. Nothing was changed."""


@dataclass(frozen=True)
class Check:
    version: int
    counts: dict[str, int]


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def check_state(path: str | Path) -> Check:
    """Refuse anything that is not a SIPSABot state file: not SQLite, damaged, a mirror, or newer than this code."""
    try:
        conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise BackupError(f"no se puede abrir: {exc}") from exc
    try:
        try:
            ok = conn.execute("PRAGMA quick_check").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as exc:
            raise BackupError(f"no es una base de datos SQLite válida ({exc})") from exc
        if ok != "ok":
            raise BackupError(f"el archivo está dañado ({ok})")
        if "state_meta" not in tables:
            what = "un espejo de precios, no un estado" if "weekly_prices" in tables else "otra base de datos"
            raise BackupError(f"no es un estado de SIPSABot: es {what}")
        kind = conn.execute("SELECT value FROM state_meta WHERE key = 'kind'").fetchone()
        if not kind or kind[0] != "sipsabot-state":
            raise BackupError("no es un estado de SIPSABot (le falta la marca sipsabot-state)")
        version = migrations.user_version(conn)
        if version > schema.STATE_VERSION:
            raise BackupError(f"es de una versión más nueva de SIPSABot ({version} > {schema.STATE_VERSION})")
        counts = {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
                  for t in schema.USER_TABLES if t in tables}
        return Check(version, counts)
    finally:
        conn.close()


def backup_state(state: str | Path, out_dir: str | Path, *, now: dt.datetime | None = None) -> tuple[Path, Check]:
    """Write a compressed, dated, checked copy of the state file into out_dir; returns its path and contents."""
    state, out = Path(state), Path(out_dir)
    if not state.is_file():
        raise BackupError(f"no existe el archivo de estado {state}")
    out.mkdir(parents=True, exist_ok=True)
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%d-%H%M%S")
    final = out / f"{PREFIX}{stamp}{SUFFIX}"
    n = 1
    while final.exists():  # two backups in the same second keep both
        final = out / f"{PREFIX}{stamp}-{n}{SUFFIX}"
        n += 1
    _clean_temporaries(out)
    fd, raw_name = tempfile.mkstemp(prefix=f".{PREFIX}", suffix=".tmp", dir=out)
    os.close(fd)
    raw, part = Path(raw_name), Path(raw_name + ".gz")
    try:
        src = sqlite3.connect(f"file:{state}?mode=ro", uri=True)
        dst = sqlite3.connect(raw)
        try:
            src.execute("PRAGMA busy_timeout = 30000")
            src.backup(dst)  # one step: a single consistent read transaction on the source
            dst.execute("PRAGMA journal_mode = DELETE")  # the copy is one self-contained file
        finally:
            dst.close()
            src.close()
        found = check_state(raw)
        with open(raw, "rb") as fin, open(part, "wb") as fraw:
            with gzip.GzipFile(filename=final.name[:-3], mode="wb", fileobj=fraw, mtime=0) as fgz:
                shutil.copyfileobj(fin, fgz, 1 << 20)
            fraw.flush()
            os.fsync(fraw.fileno())
        os.replace(part, final)
        _fsync_dir(out)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(f"no pude escribir la copia en {out}: {exc}") from exc
    finally:
        raw.unlink(missing_ok=True)
        part.unlink(missing_ok=True)
    return final, found


def _clean_temporaries(out: Path) -> None:
    """Leftovers of a backup killed half-way (hidden names, never mistaken for a backup)."""
    for leftover in out.glob(f".{PREFIX}*"):
        leftover.unlink(missing_ok=True)


def list_backups(out_dir: str | Path) -> list[Path]:
    """Backups in a directory, oldest first (by name, which carries the time; a same-second copy by its number)."""
    out = Path(out_dir)

    def order(p: Path) -> tuple[str, int]:
        rest = p.name[len(PREFIX):-len(SUFFIX)]  # YYYYMMDD-HHMMSS[-n]
        return rest[:15], int(rest[16:]) if rest[16:].isdigit() else 0

    return sorted(out.glob(f"{PREFIX}*{SUFFIX}"), key=order) if out.is_dir() else []


def prune(out_dir: str | Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` backups; returns what was deleted."""
    old = list_backups(out_dir)[:-keep] if keep > 0 else []
    for path in old:
        path.unlink(missing_ok=True)
    return old


def restore_state(backup: str | Path, state: str | Path, *, safety_dir: str | Path | None = None) -> Check:
    """Replace the state file's content with a backup (gzip or plain SQLite). The backup is checked first, the
    current state is backed up to `safety_dir` (when it exists), and the copy goes through SQLite's backup API
    into the live file: one transaction, so a process killed mid-restore leaves the old state. Stop the bot first:
    it keeps chat memory in RAM."""
    backup, state = Path(backup), Path(state)
    if not backup.is_file():
        raise BackupError(f"no existe {backup}")
    with tempfile.TemporaryDirectory(prefix=".sipsabot-restore-", dir=state.parent if state.parent.exists()
                                     else None) as tmp:
        plain = Path(tmp) / "state.db"
        try:
            with open(backup, "rb") as fh:
                magic = fh.read(2)
            opener = gzip.open if magic == b"\x1f\x8b" else open
            with opener(backup, "rb") as fin, open(plain, "wb") as fout:
                shutil.copyfileobj(fin, fout, 1 << 20)
        except (OSError, EOFError) as exc:
            raise BackupError(f"no pude leer {backup.name}: {exc}") from exc
        found = check_state(plain)
        conn = sqlite3.connect(plain)
        try:
            migrations.upgrade_state(conn)  # an older backup is brought to this version before it goes live
        finally:
            conn.close()
        if state.is_file() and safety_dir is not None:
            backup_state(state, safety_dir)
        state.parent.mkdir(parents=True, exist_ok=True)
        src = sqlite3.connect(plain)
        dst = sqlite3.connect(state)
        try:
            dst.execute("PRAGMA busy_timeout = 30000")
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = WAL")
        except sqlite3.Error as exc:
            raise BackupError(f"no pude escribir {state}: {exc}") from exc
        finally:
            dst.close()
            src.close()
    return found
