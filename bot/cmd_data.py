"""Data commands: import, refresh, status, export, demo."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from bot.config import Settings
from data import demo, export
from data.importer import import_file
from data.importers.base import ImportError_
from data.refresh import DEFAULT_DATASETS, is_empty, last_ok_import, last_refresh, operation_for, refresh
from data.status import DATASETS, is_demo, mirror_status
from data.store import Store


def import_cmd(args: argparse.Namespace, settings: Settings) -> int:
    store = Store(settings.db_path, settings.state_path)
    failures = 0
    results = []
    for path in args.paths:
        try:
            result = store.write_sync(import_file, path, mirror_only=True)  # imports never lock the state
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


def refresh_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """`sipsabot refresh [DATASET...]`: download from DANE's SOAP service (settings.soap_url) and upsert."""
    names = list(args.datasets) or list(DEFAULT_DATASETS)
    try:
        for name in names:
            operation_for(name)
    except ValueError as exc:
        print(f"✗ {exc}", file=sys.stderr)
        return 2
    store = Store(settings.db_path, settings.state_path)
    quiet = bool(args.json)

    def log(line: str) -> None:
        if not quiet:
            print(line, file=sys.stdout if line.startswith(("✓", "✗")) else sys.stderr, flush=True)

    if not quiet:
        print(f"Actualizando {', '.join(names)} desde {settings.soap_url} …", flush=True)
    results = refresh(store, names, settings, log=log)
    if args.json:
        print(json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=2))
    elif any(r.unreachable for r in results):
        print("No pude conectarme con DANE – SIPSA; el espejo conserva sus datos anteriores.", file=sys.stderr)
    return 0 if all(r.ok for r in results) else 1


def status_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """`sipsabot status [--json]`: rows, date range, last import, last refresh and staleness per dataset."""
    conn = Store(settings.db_path, settings.state_path).reader()
    report = []
    for s in mirror_status(conn):
        table = DATASETS[s.name].table
        ok = last_ok_import(conn, table)
        attempt = last_refresh(conn, table)
        report.append({
            **s.as_dict(),
            "last_ok_import": ok[0] if ok else None, "last_ok_source": ok[1] if ok else None,
            "last_refresh": attempt[0] if attempt else None, "last_refresh_status": attempt[1] if attempt else None,
            "last_refresh_error": attempt[2] if attempt else "",
        })
    demo_flag = is_demo(conn)
    if args.json:
        print(json.dumps({"db": str(settings.db_path), "demo": demo_flag, "datasets": report},
                         ensure_ascii=False, indent=2))
        return 0
    print(f"Espejo: {settings.db_path}" + ("  [DATOS DE DEMOSTRACIÓN, no son reales]" if demo_flag else ""))
    for r in report:
        line = f"  {r['name']:<14} {r['label']}: "
        if not r["rows"]:
            line += "vacío"
        else:
            line += f"{r['rows']:,} filas".replace(",", ".") + f", {r['first']} a {r['last']}"
            line += f"; última carga {r['last_ok_import'] or '—'} ({r['last_ok_source'] or '—'})"
            line += f"  ⚠ desactualizado ({r['age_days']} días)" if r["stale"] else "  al día"
        if r["last_refresh"]:
            state = "ok" if r["last_refresh_status"] == "ok" else f"FALLÓ: {r['last_refresh_error']}"
            line += f"; última actualización SOAP {r['last_refresh']} {state}"
        print(line)
    return 0


def export_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """`sipsabot export TABLE [--csv PATH]`: a table with canonical names as CSV (UTF-8 with BOM in files, so
    spreadsheets read the accents; `--sep ';'` writes decimal commas for Spanish-locale spreadsheets)."""
    conn = Store(settings.db_path, settings.state_path).reader()
    sep = getattr(args, "sep", None) or ","
    if args.csv:
        with open(args.csv, "w", encoding="utf-8-sig", newline="") as out:
            count = export.write_csv(conn, args.table, out, sep)
        note = " (datos de DEMOSTRACIÓN)" if is_demo(conn) else ""
        print(f"✓ {count:,}".replace(",", ".") + f" filas de {args.table} en {args.csv}{note}")
    else:
        try:
            export.write_csv(conn, args.table, sys.stdout, sep)
        except BrokenPipeError:  # `| head`
            return 0
    return 0


def _demo_unless_real(conn: Any) -> bool:
    if not is_empty(conn) and not is_demo(conn):
        return False
    demo.build(conn)
    return True


def demo_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """`sipsabot demo`: load the demo mirror (synthetic figures, flagged so every answer says so)."""
    store = Store(settings.db_path, settings.state_path)
    if not store.write_sync(_demo_unless_real, mirror_only=True):
        print(f"✗ El espejo {settings.db_path} ya tiene datos reales; no lo mezclo con datos de demostración. "
              "Use --db con otro archivo.", file=sys.stderr)
        return 1
    print(f"✓ Espejo de DEMOSTRACIÓN cargado en {settings.db_path}: cifras ficticias, marcadas como tales en cada "
          "respuesta. Para datos reales: `sipsabot refresh` o `sipsabot import ARCHIVO`.")
    return 0
