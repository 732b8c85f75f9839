"""The deployment files: docker-compose.yml validated by `docker-compose config` (Debian's docker-compose v1;
no container engine runs here), plus the Dockerfile and .env.example checked against the code."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _config(tmp_path: Path, *extra: str) -> dict:
    import yaml

    exe = shutil.which("docker-compose")
    if exe is None:
        pytest.skip("docker-compose is not installed (apt-get install docker-compose; .ci/run installs it)")
    shutil.copy(ROOT / "docker-compose.yml", tmp_path / "docker-compose.yml")
    shutil.copy(ROOT / ".env.example", tmp_path / ".env")  # what an operator does first
    out = subprocess.run([exe, *extra, "config"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return yaml.safe_load(out.stdout)


def test_compose_file_is_valid_and_complete(tmp_path: Path):
    config = _config(tmp_path)
    bot = config["services"]["bot"]
    assert bot["restart"] == "unless-stopped"
    assert bot["healthcheck"]["test"][-2:] == ["sipsabot", "health"]
    assert "TELEGRAM_BOT_TOKEN" in bot["environment"]  # came from the env file
    mounts = {v.split(":")[0]: v.split(":")[1] for v in bot["volumes"]}
    assert mounts == {"mirror": "/data", "models": "/models"}
    assert bot["environment"]["SIPSABOT_DB"].startswith("/data/")
    assert bot["environment"]["SIPSABOT_LLM_MODEL"].startswith("/models/")
    assert set(config["volumes"]) == {"mirror", "models"}
    downloader = config["services"]["model-download"]
    assert downloader["profiles"] == ["model"]
    assert downloader["command"] == ["sipsabot", "model", "download"]
    assert downloader["restart"] == "no"
    assert any(v.startswith("models:/models") for v in downloader["volumes"])


def test_compose_token_comes_from_the_env_file(tmp_path: Path):
    assert _config(tmp_path)["services"]["bot"]["environment"]["TELEGRAM_BOT_TOKEN"] in ("", None)
    (tmp_path / ".env").write_text("TELEGRAM_BOT_TOKEN=123:abc\nSIPSABOT_LLM_MODEL=/models/other.gguf\n")
    out = subprocess.run([str(shutil.which("docker-compose")), "config"], cwd=tmp_path, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "TELEGRAM_BOT_TOKEN: 123:abc" in out.stdout
    assert "SIPSABOT_LLM_MODEL: /models/other.gguf" in out.stdout


def test_dockerfile_builds_llama_once_portably_and_runs_unprivileged():
    text = (ROOT / "Dockerfile").read_text()
    assert len(re.findall(r"^FROM ", text, re.MULTILINE)) == 2
    assert 'CMAKE_ARGS="-DGGML_NATIVE=OFF"' in text
    assert re.search(r"^USER sipsabot$", text, re.MULTILINE)
    assert "pip install ." in text and "COPY --from=build /opt/venv /opt/venv" in text
    assert 'HEALTHCHECK' in text and '"sipsabot", "health"' in text
    for source in re.findall(r"^COPY (?!--)(.+) \S+$", text, re.MULTILINE):
        for name in source.split():
            assert (ROOT / name).exists(), f"Dockerfile copies missing {name}"
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert ".env" in ignored and ".venv" in ignored and "*.gguf" in ignored


def test_env_example_names_only_settings_the_code_reads():
    config_source = (ROOT / "bot" / "config.py").read_text()
    names = re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.MULTILINE)
    assert "TELEGRAM_BOT_TOKEN" in names and "SIPSABOT_LLM_MODEL" in names
    unknown = [n for n in names if f'"{n}"' not in config_source]
    assert not unknown, f".env.example names settings bot/config.py does not read: {unknown}"
