"""`sipsabot health`: the container health check. Exit 0 when the mirror opens read-only and answers counts and
the state file (when it exists yet) checks clean."""

from __future__ import annotations

import argparse
import sqlite3
import sys

from bot.config import Settings
from data import backup
from data.db import connect
from data.status import mirror_status


def health_cmd(args: argparse.Namespace, settings: Settings) -> int:
    path = settings.db_path
    if not path.is_file():
        print(f"✗ no existe el espejo {path}", file=sys.stderr)
        return 1
    try:
        conn = connect(path, readonly=True, state=settings.state_path)
        try:
            statuses = mirror_status(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        print(f"✗ el espejo {path} no responde: {exc}", file=sys.stderr)
        return 1
    counts = ", ".join(f"{s.name} {s.rows}" for s in statuses)
    total = sum(s.rows for s in statuses)
    print(f"✓ espejo {path}: {total} filas ({counts})")
    state = settings.state_path
    if state.is_file():  # created with the mirror; a damaged one is unhealthy (restore it from a backup)
        try:
            found = backup.check_state(state)
        except backup.BackupError as exc:
            print(f"✗ el estado {state} no sirve: {exc}", file=sys.stderr)
            return 1
        print(f"✓ estado {state}: " + ", ".join(f"{t} {n}" for t, n in found.counts.items()))
    model = settings.llm_model_path.strip()
    if model:
        from pathlib import Path

        print(f"  modelo local: {model} ({'presente' if Path(model).is_file() else 'NO encontrado: solo reglas'})")
    return 0
