"""`sipsabot backup [DIR]` and `sipsabot restore FILE`: the state file (alerts, saved series, chat memory and
settings). The mirror is public data: `sipsabot refresh` rebuilds it, so it is not backed up."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.config import Settings
from data import backup


def backup_cmd(args: argparse.Namespace, settings: Settings) -> int:
    out = Path(args.dir) if args.dir else settings.backup_path
    try:
        path, found = backup.backup_state(settings.state_path, out)
    except backup.BackupError as exc:
        print(f"✗ No pude hacer la copia del estado: {exc}", file=sys.stderr)
        return 1
    pruned = backup.prune(out, args.keep) if args.keep else []
    size = path.stat().st_size / 1024
    print(f"✓ Copia del estado {settings.state_path} en {path} ({size:.0f} KB; "
          + ", ".join(f"{t} {n}" for t, n in found.counts.items()) + ")"
          + (f"; borré {len(pruned)} copias viejas" if pruned else ""))
    return 0


def restore_cmd(args: argparse.Namespace, settings: Settings) -> int:
    try:
        found = backup.restore_state(args.file, settings.state_path, safety_dir=settings.backup_path)
    except backup.BackupError as exc:
        print(f"✗ No restauré {args.file}: {exc}. El estado actual no cambió.", file=sys.stderr)
        return 1
    print(f"✓ Estado restaurado en {settings.state_path} desde {args.file} ("
          + ", ".join(f"{t} {n}" for t, n in found.counts.items())
          + f"). El estado anterior quedó copiado en {settings.backup_path}. Reinicie el bot.")
    return 0
