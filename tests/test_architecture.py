"""The layering rule: imports point one way, bot -> handlers -> models -> data; only bot/ and handlers/
touch telegram; start-up stays light (no darts or llama_cpp at module level anywhere in the app)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ["data", "models", "handlers", "bot"]  # each may import only itself and the layers before it


def _imports(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, node.lineno))
    return found


def test_imports_point_one_way():
    problems = []
    for rank, layer in enumerate(LAYERS):
        allowed = set(LAYERS[: rank + 1])
        for path in (ROOT / layer).rglob("*.py"):
            for module, line in _imports(path):
                top = module.split(".")[0]
                if top in LAYERS and top not in allowed:
                    problems.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
                if top == "telegram" and layer in {"data", "models"}:
                    problems.append(f"{path.relative_to(ROOT)}:{line} imports telegram")
    assert not problems, "\n".join(problems)


def test_cli_start_up_does_not_import_heavy_libraries():
    code = (
        "import sys, bot.cli, bot.config, data.db, data.store\n"
        "heavy = [m for m in ('darts', 'llama_cpp', 'matplotlib', 'statsmodels', 'torch') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


# Outside data/, connections come from data.store.Store only. The health probe opens the mirror read-only on
# purpose (it must never create or upgrade files); models/evaluation.py builds its own evaluation mirror and is
# another engineer's module being rewritten (issue #14 tracks moving it onto the Store).
CONNECTION_EXCEPTIONS = {"bot/cmd_health.py", "models/evaluation.py"}


def test_only_data_opens_connections():
    problems = []
    for layer in ("models", "handlers", "bot"):
        for path in (ROOT / layer).rglob("*.py"):
            rel = str(path.relative_to(ROOT))
            if rel in CONNECTION_EXCEPTIONS:
                continue
            text = path.read_text(encoding="utf-8")
            for module, line in _imports(path):
                if module == "data.db" or module.startswith("sqlite_utils"):
                    problems.append(f"{rel}:{line} imports {module}")
            if "sqlite3.connect(" in text:
                problems.append(f"{rel} calls sqlite3.connect")
    assert not problems, "\n".join(problems)
