"""The deployment files: docker-compose.yml validated by `docker-compose config` (Debian's docker-compose v1;
no container engine runs here), plus the Dockerfile and .env.example checked against the code."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _prepared(folder: Path, env_text: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "docker-compose.yml", folder / "docker-compose.yml")
    if env_text is None:
        shutil.copy(ROOT / ".env.example", folder / ".env")  # what an operator does first
    else:
        (folder / ".env").write_text(env_text)
    return folder


@pytest.fixture(scope="module")
def configs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """`docker-compose config` for the example env file and for a filled-in one, run side by side."""
    import yaml

    exe = shutil.which("docker-compose")
    if exe is None:
        pytest.skip("docker-compose is not installed (apt-get install docker-compose; .ci/run installs it)")
    base = tmp_path_factory.mktemp("compose")
    folders = {
        "example": _prepared(base / "example"),
        "filled": _prepared(base / "filled", "TELEGRAM_BOT_TOKEN=123:abc\nSIPSABOT_LLM_MODEL=/models/other.gguf\n"),
    }
    procs = {name: subprocess.Popen([exe, "config"], cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    text=True) for name, folder in folders.items()}
    out = {}
    for name, proc in procs.items():
        stdout, stderr = proc.communicate(timeout=60)
        assert proc.returncode == 0, stderr
        out[name] = yaml.safe_load(stdout)
    return out


def test_compose_file_is_valid_and_complete(configs: dict[str, dict]):
    config = configs["example"]
    bot = config["services"]["bot"]
    assert bot["restart"] == "unless-stopped"
    assert bot["healthcheck"]["test"][-2:] == ["sipsabot", "health"]
    assert "TELEGRAM_BOT_TOKEN" in bot["environment"]  # came from the env file
    mounts = {v.split(":")[0]: v.split(":")[1] for v in bot["volumes"]}
    assert mounts == {"mirror": "/data", "state": "/state", "models": "/models"}
    assert bot["environment"]["SIPSABOT_DB"].startswith("/data/")
    assert bot["environment"]["SIPSABOT_STATE_DB"].startswith("/state/")  # apart from the rebuildable mirror
    assert bot["environment"]["SIPSABOT_LLM_MODEL"].startswith("/models/")
    assert set(config["volumes"]) == {"mirror", "state", "models"}
    downloader = config["services"]["model-download"]
    assert downloader["profiles"] == ["model"]
    assert downloader["command"] == ["sipsabot", "model", "download"]
    assert downloader["restart"] == "no"
    assert any(v.startswith("models:/models") for v in downloader["volumes"])


def test_compose_token_and_model_come_from_the_env_file(configs: dict[str, dict]):
    assert configs["example"]["services"]["bot"]["environment"]["TELEGRAM_BOT_TOKEN"] in ("", None)
    filled = configs["filled"]["services"]["bot"]["environment"]
    assert filled["TELEGRAM_BOT_TOKEN"] == "123:abc"
    assert filled["SIPSABOT_LLM_MODEL"] == "/models/other.gguf"


def test_dockerfile_installs_from_the_wheelhouse_offline_and_runs_unprivileged():
    text = (ROOT / "Dockerfile").read_text()
    assert len(re.findall(r"^FROM ", text, re.MULTILINE)) == 2
    assert "--no-index --find-links /tmp/wheels" in text
    assert re.search(r"^USER sipsabot$", text, re.MULTILINE)
    assert "COPY --from=build /opt/venv /opt/venv" in text
    assert "CMAKE_ARGS ?= -DGGML_NATIVE=OFF" in (ROOT / "Makefile").read_text()  # the portable llama wheel
    assert 'HEALTHCHECK' in text and '"sipsabot", "health"' in text
    for source in re.findall(r"^COPY (?!--)(.+) \S+$", text, re.MULTILINE):
        for name in source.split():
            assert name == "build/wheels" or (ROOT / name).exists(), f"Dockerfile copies missing {name}"
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert ".env" in ignored and ".venv" in ignored and "*.gguf" in ignored


def test_env_example_names_only_settings_the_code_reads():
    config_source = (ROOT / "bot" / "config.py").read_text()
    names = re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.MULTILINE)
    assert "TELEGRAM_BOT_TOKEN" in names and "SIPSABOT_LLM_MODEL" in names
    unknown = [n for n in names if f'"{n}"' not in config_source]
    assert not unknown, f".env.example names settings bot/config.py does not read: {unknown}"
