"""`sipsabot model download|info` and `sipsabot health` on real files: downloads come from a Hugging Face-shaped
server on 127.0.0.1 (HF_ENDPOINT), the model is the tiny GGUF, the mirror a real SQLite file."""

from __future__ import annotations

import hashlib
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import main
from data.db import open_db
from tests.gguf_tiny import write_tiny_llama

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tiny_llama(tmp_path_factory.mktemp("cli") / "tiny.gguf")


@pytest.fixture(scope="module")
def hub(tiny: Path) -> Iterator[str]:
    """Serves test/tiny: tiny.gguf (a real GGUF) and broken.gguf (an HTML error page); anything else is 404."""
    files = {"tiny.gguf": tiny.read_bytes(), "broken.gguf": b"<html>Service unavailable</html>"}

    class Hub(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _headers(self) -> bytes | None:
            name = self.path.rsplit("/", 1)[-1]
            if not self.path.startswith("/test/tiny/resolve/main/") or name not in files:
                self.send_response(404)
                self.send_header("X-Error-Code", "EntryNotFound")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            body = files[name]
            self.send_response(200)
            self.send_header("X-Repo-Commit", "a" * 40)
            self.send_header("ETag", f'"{hashlib.sha256(body).hexdigest()}"')
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return body

        def do_HEAD(self) -> None:
            self._headers()

        def do_GET(self) -> None:
            body = self._headers()
            if body is not None:
                self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _env(**env: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SIPSABOT_", "HF_"))}
    return {**clean, "HF_HUB_DISABLE_TELEMETRY": "1", **env}


def _sipsabot(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env=_env(**env))


def _sipsabot_all(*runs: tuple[list[str], dict[str, str]]) -> list[tuple[int, str]]:
    """Several CLI runs side by side (each pays Python + huggingface_hub start-up): (exit code, stderr)."""
    procs = [subprocess.Popen([sys.executable, "-m", "bot.cli", *args], cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, env=_env(**env)) for args, env in runs]
    return [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in procs]


def test_download_fetches_verifies_and_prints_sha256(hub: str, tiny: Path, tmp_path: Path):
    out = _sipsabot("model", "download", "--repo", "test/tiny", "--file", "tiny.gguf",
                    HF_ENDPOINT=hub, SIPSABOT_MODEL_DIR=str(tmp_path / "models"))
    assert out.returncode == 0, out.stderr
    saved = tmp_path / "models" / "tiny.gguf"
    assert saved.read_bytes() == tiny.read_bytes()
    assert f"sha256: {hashlib.sha256(tiny.read_bytes()).hexdigest()}" in out.stdout
    assert "Arquitectura: llama" in out.stdout and "Cuantización: F16" in out.stdout
    assert f"SIPSABOT_LLM_MODEL={saved}" in out.stdout


def test_download_errors_are_clear_spanish(hub: str, tmp_path: Path):
    models = str(tmp_path / "models")
    fetch = ["model", "download", "--repo", "test/tiny", "--file"]
    (missing, missing_err), (broken, broken_err), (offline, offline_err) = _sipsabot_all(
        ([*fetch, "nope.gguf"], {"HF_ENDPOINT": hub, "SIPSABOT_MODEL_DIR": models}),
        ([*fetch, "broken.gguf"], {"HF_ENDPOINT": hub, "SIPSABOT_MODEL_DIR": models}),
        (["model", "download"], {"HF_HUB_OFFLINE": "1", "SIPSABOT_MODEL_DIR": models}),
    )
    assert missing == 1 and "no tiene el archivo nope.gguf" in missing_err
    assert broken == 1 and "no es un archivo GGUF" in broken_err
    assert offline == 1 and "sin conexión con Hugging Face" in offline_err
    assert "Traceback" not in missing_err + broken_err + offline_err


def test_model_info_without_with_and_with_a_broken_model(tiny: Path, tmp_path: Path, monkeypatch, capsys):
    for name in [k for k in os.environ if k.startswith("SIPSABOT_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("SIPSABOT_MODEL_DIR", str(tmp_path))
    assert main(["model", "info"]) == 0
    assert "solo con las reglas" in capsys.readouterr().out
    monkeypatch.setenv("SIPSABOT_LLM_MODEL", str(tiny))
    monkeypatch.setenv("SIPSABOT_LLM_THREADS", "1")
    assert main(["model", "info", "--load"]) == 0
    out = capsys.readouterr().out
    assert "Arquitectura: llama" in out and "Contexto de entrenamiento: 4096" in out and "Hilos: 1" in out
    assert "prompt de sistema en caché" in out and "Prueba «a como esta la papa criolla en corabastos»" in out
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"GGUF\x03\x00\x00\x00")
    monkeypatch.setenv("SIPSABOT_LLM_MODEL", str(bad))
    assert main(["model", "info"]) == 1
    assert "truncado" in capsys.readouterr().err


def test_health_reports_row_counts_and_fails_without_a_mirror(tmp_path: Path, capsys):
    assert main(["health", "--db", str(tmp_path / "absent.db")]) == 1
    assert "no existe el espejo" in capsys.readouterr().err
    db = open_db(tmp_path / "mirror.db")
    db.conn.close()
    assert main(["health", "--db", str(tmp_path / "mirror.db")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("✓ espejo") and "weekly 0" in out
