"""`make bench`: run every tools/bench_*.py that exists, each in its own process, and report which failed."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

TOOLS = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    only = set(argv)
    failed = []
    for script in sorted(TOOLS.glob("bench_*.py")):
        if only and script.stem not in only and script.stem.removeprefix("bench_") not in only:
            continue
        print(f"\n### {script.name}", flush=True)
        t0 = time.perf_counter()
        code = subprocess.call([sys.executable, str(script)], cwd=TOOLS.parent)
        outcome = "ok" if code == 0 else f"FAILED (exit {code})"
        print(f"### {script.name}: {outcome} in {time.perf_counter() - t0:.0f} s", flush=True)
        if code:
            failed.append(script.name)
    if failed:
        print(f"\nbenchmarks that failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
