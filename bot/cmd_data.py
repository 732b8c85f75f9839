"""Data commands: import, refresh, status, export, demo."""

from __future__ import annotations

import argparse
import json
import sys

from bot.config import Settings
from data.db import open_db
from data.importer import import_file
from data.importers.base import ImportError_
from data.status import mirror_status


def import_cmd(args: argparse.Namespace, settings: Settings) -> int:
    db = open_db(settings.db_path)
    failures = 0
    results = []
    for path in args.paths:
        try:
            result = import_file(db.conn, path)
        except ImportError_ as exc:
            failures += 1
            print(f"✗ {exc}", file=sys.stderr)
            results.append({"path": path, "status": "failed", "error": str(exc)})
            continue
        results.append({"path": path, **result.as_dict()})
        if not args.json:
            reasons = ", ".join(f"{k}: {v}" for k, v in result.reasons.most_common()) or "ninguno"
            print(
                f"✓ {path} [{result.format}] nuevas {result.inserted}, actualizadas {result.updated}, "
                f"sin cambio {result.unchanged}, rechazadas {result.rejected} ({reasons}) "
                f"en {result.duration_s:.1f} s"
            )
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    return 1 if failures else 0


def status_cmd(args: argparse.Namespace, settings: Settings) -> int:
    db = open_db(settings.db_path)
    statuses = mirror_status(db.conn)
    if args.json:
        print(json.dumps([s.as_dict() for s in statuses], ensure_ascii=False, indent=2))
        return 0
    print(f"Espejo: {settings.db_path}")
    for s in statuses:
        if not s.rows:
            print(f"  {s.label}: vacío")
            continue
        flag = f"  ⚠ desactualizado ({s.age_days} días)" if s.stale else ""
        print(f"  {s.label}: {s.rows:,} filas, {s.first} a {s.last}; última carga {s.last_import or '—'}{flag}")
    return 0
