"""Build the offline snapshot the bot ships: the newest ~2 years of DANE's weekly SIPSA price table.

    python tools/build_snapshot.py [../shared/sipsa/series/semanal_precios_2017-2025.csv.gz] [--weeks 104]

Reads the long weekly table (columns semana_inicio, ..., tendencia), keeps the rows of the newest `weeks` weeks
and writes data/snapshot/semanal_reciente.csv.gz in the same format (so the ordinary importer loads it) with a
fixed gzip time, so the same input gives a byte-identical file. The data is DANE's, CC BY-SA 4.0: the snapshot's
README says so and every answer from it credits "Fuente: DANE – SIPSA"."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import io
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CSV = ROOT.parent / "shared" / "sipsa" / "series" / "semanal_precios_2017-2025.csv.gz"
OUT = ROOT / "data" / "snapshot" / "semanal_reciente.csv.gz"


def build(source: Path, out: Path, weeks: int) -> tuple[int, str, str]:
    with gzip.open(source, "rt", encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        rows = list(reader)
    start = header.index("semana_inicio")
    newest = max(dt.date.fromisoformat(r[start]) for r in rows)
    first = newest - dt.timedelta(weeks=weeks - 1)
    kept = sorted((r for r in rows if dt.date.fromisoformat(r[start]) >= first), key=lambda r: (r[3], r[4], r[start]))
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(kept)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as raw, gzip.GzipFile(filename="semanal_reciente.csv", mode="wb", fileobj=raw, mtime=0,
                                               compresslevel=9) as gz:
        gz.write(text.getvalue().encode("utf-8"))
    return len(kept), min(r[start] for r in kept), max(r[header.index("semana_fin")] for r in kept)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", default=str(DEFAULT_CSV))
    parser.add_argument("--weeks", type=int, default=104)
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args()
    n, first, last = build(Path(args.csv), Path(args.out), args.weeks)
    size = Path(args.out).stat().st_size / 1e6
    print(f"{args.out}: {n} filas, semanas {first} a {last}, {size:.2f} MB")


if __name__ == "__main__":
    main()
