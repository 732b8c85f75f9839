"""The deployment end to end (tools/docker_ci.sh runs it after building the image sipsabot:latest):
docker-compose starts the bot against the fake Bot API on the host (tests/botapi.py, host networking) with DANE
unreachable, so the first start loads the bundled snapshot; we wait for "healthy", ask one question through
Telegram and check the exact figure DANE published; set a default market (state); take a backup inside the
container; remove the container and start a new one, and find the default market still there (the named volumes kept
the state and the mirror). Prints the timings. Exit status 0 only when every check passed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.botapi import BotAPIServer  # noqa: E402

PROJECT = "sipsabot-e2e"
CHAT = 4242
QUESTION = "¿A cuánto está la papa criolla sucia en Corabastos?"
FIGURE = "$3.181/kg"  # DANE – SIPSA, Papa criolla sucia, Corabastos, week 2025-10-25..31 (the snapshot's newest)


def compose(folder: Path, *args: str, check: bool = True) -> str:
    done = subprocess.run(["docker-compose", "-p", PROJECT, "-f", "docker-compose.yml", "-f", "e2e.yml", *args],
                          cwd=folder, capture_output=True, text=True, timeout=600)
    if check and done.returncode != 0:
        raise RuntimeError(f"docker-compose {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def health(folder: Path) -> str:
    cid = compose(folder, "ps", "-q", "bot").strip()
    if not cid:
        return "absent"
    out = subprocess.run(["docker", "inspect", "--format", "{{json .State}}", cid], capture_output=True, text=True)
    state = json.loads(out.stdout or "{}")
    return str((state.get("Health") or {}).get("Status") or state.get("Status") or "unknown")


def wait_healthy(folder: Path, timeout: float = 240) -> float:
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        status = health(folder)
        if status == "healthy":
            return time.monotonic() - t0
        if status in ("exited", "dead"):
            break
        time.sleep(1)
    raise RuntimeError(f"the container is not healthy ({health(folder)}):\n{compose(folder, 'logs', check=False)}")


def ask(api: BotAPIServer, text: str, timeout: float = 120) -> str:
    before = len(api.sent(CHAT))
    api.inject(api.updates.private_text(CHAT, text))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        sent = api.sent(CHAT)
        if len(sent) > before:
            return sent[before].text
        time.sleep(0.2)
    raise RuntimeError(f"no answer to {text!r} within {timeout} s")


def main() -> int:
    timings: dict[str, float] = {}
    with BotAPIServer(host="127.0.0.1") as api, tempfile.TemporaryDirectory(prefix="sipsabot-e2e-") as tmp:
        folder = Path(tmp)
        shutil.copy(ROOT / "docker-compose.yml", folder / "docker-compose.yml")
        (folder / ".env").write_text(f"TELEGRAM_BOT_TOKEN={api.token}\n")
        (folder / "e2e.yml").write_text(f"""
services:
  bot:
    network_mode: host
    environment:
      SIPSABOT_BOT_API_URL: {api.base_url}
      SIPSABOT_SOAP_URL: http://127.0.0.1:9/sipsaWS
      SIPSABOT_SOAP_RETRIES: "0"
      SIPSABOT_LLM_MODEL: ""
      SIPSABOT_POLL_TIMEOUT: "1"
      SIPSABOT_RATE_LIMIT: "0"
    healthcheck:
      interval: 2s
      timeout: 10s
      retries: 60
      start_period: 5s
""")
        compose(folder, "down", "-v", check=False)  # leftovers of an interrupted run
        try:
            t0 = time.monotonic()
            compose(folder, "up", "-d", "--no-build")
            timings["first start to healthy"] = wait_healthy(folder)
            t1 = time.monotonic()
            answer = ask(api, QUESTION)
            timings["first answer"] = time.monotonic() - t1
            assert FIGURE in answer, answer
            assert "Copia de precios reales de SIPSA" in answer and "Fuente: DANE – SIPSA" in answer, answer
            assert "ficticias" not in answer, answer
            set_reply = ask(api, "/mercado Corabastos")
            assert "Corabastos" in set_reply, set_reply
            backup_out = compose(folder, "exec", "-T", "bot", "sipsabot", "backup")
            assert "✓ Copia del estado /state/state.db" in backup_out, backup_out
            first_logs = compose(folder, "logs", "--no-color", "bot", check=False)
            assert first_logs.count("cargué la copia de precios semanales") == 1, first_logs
            t2 = time.monotonic()
            # `down` without -v removes the container and keeps the named volumes: the new container starts from
            # what the volumes hold, nothing else.
            compose(folder, "down", "-t", "30")
            compose(folder, "up", "-d", "--no-build")
            timings["restart to healthy"] = wait_healthy(folder)
            timings["stop + new container"] = time.monotonic() - t2
            shown = ask(api, "/mercado")
            assert "Mercado por defecto de este chat" in shown and "Corabastos" in shown, shown
            again = ask(api, "¿A cuánto está la papa criolla sucia?")  # the default market fills the gap
            assert FIGURE in again, again
            logs = compose(folder, "logs", "--no-color", "bot", check=False)
            assert "cargué la copia de precios semanales" not in logs, logs  # the mirror volume kept its data
            timings["total"] = time.monotonic() - t0
        except Exception:
            print(compose(folder, "logs", "--no-color", "--tail", "80", check=False), file=sys.stderr)
            raise
        finally:
            compose(folder, "down", "-v", check=False)
    print("docker e2e OK: " + "; ".join(f"{k} {v:.1f} s" for k, v in timings.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
