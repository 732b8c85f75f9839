"""Settings: the only place that reads the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DB = PROJECT_ROOT / "var" / "sipsabot.db"
DEFAULT_SOAP_URL = "https://appweb.dane.gov.co/sipsaWS/SrvSipsaUpraBeanService"
DEFAULT_MODEL_REPO = "bartowski/Llama-3.2-3B-Instruct-GGUF"
DEFAULT_MODEL_FILE = "Llama-3.2-3B-Instruct-Q4_K_M.gguf"


def _bool(value: str | None, default: bool = False) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "si", "sí", "on"}


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value not in (None, "") else default
    except ValueError:
        return default


def _float(value: str | None, default: float) -> float:
    try:
        return float(value) if value not in (None, "") else default
    except ValueError:
        return default


def _state_dir(e: Mapping[str, str]) -> str:
    """SIPSABOT_LLM_STATE_DIR: a folder, "off" for none; by default the model folder (var/models)."""
    value = e.get("SIPSABOT_LLM_STATE_DIR", "").strip()
    if value.lower() in {"off", "0", "no", "none"}:
        return ""
    return value or str(Path(e.get("SIPSABOT_MODEL_DIR") or PROJECT_ROOT / "var" / "models"))


@dataclass(frozen=True)
class Settings:
    db_path: Path = DEFAULT_DB
    state_db: Path | None = None  # SIPSABOT_STATE_DB; None: state.db beside the mirror (var/state.db)
    backup_dir: Path | None = None  # SIPSABOT_BACKUP_DIR; None: backups/ beside the state file
    backup_keep: int = 14  # SIPSABOT_BACKUP_KEEP: daily state backups kept (0 turns the daily backup off)
    backup_time: str = "03:30"  # SIPSABOT_BACKUP_TIME, local time (SIPSABOT_TZ)
    telegram_token: str = ""
    bot_api_base_url: str = ""  # e.g. http://127.0.0.1:8081/bot (tests, local Bot API servers)
    webhook_url: str = ""
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    webhook_secret: str = ""
    rate_limit: bool = True
    rate_overall_per_s: float = 30.0
    rate_group_per_min: float = 20.0
    concurrent_updates: int = 64
    flood_max_per_minute: int = 20
    soap_url: str = DEFAULT_SOAP_URL
    soap_timeout_s: float = 600.0
    soap_retries: int = 3
    refresh_schedule: str = ""  # overrides, see models.schedule
    refresh_on_start: bool = True
    timezone: str = "America/Bogota"
    llm_model_path: str = ""
    llm_threads: int = 2
    llm_timeout_s: float = 20.0
    llm_queue_size: int = 4
    llm_state_dir: str = str(PROJECT_ROOT / "var" / "models")  # evaluated system prompt kept here; "" = nowhere
    llm_url: str = ""  # an OpenAI-compatible server (llama.cpp, vLLM) instead of the in-process model
    llm_url_model: str = ""  # the "model" field sent to that server (vLLM wants its served name)
    llm_api_key: str = ""
    model_repo: str = DEFAULT_MODEL_REPO
    model_file: str = DEFAULT_MODEL_FILE
    model_dir: Path = PROJECT_ROOT / "var" / "models"
    forecast_workers: int = 1
    forecast_train: bool = True  # SIPSABOT_FORECAST_TRAIN=0: no global model training in the bot
    alert_concurrency: int = 4  # SIPSABOT_ALERT_CONCURRENCY: alert sends in flight at once
    alert_drain_s: float = 30.0  # SIPSABOT_ALERT_DRAIN_S: how often the outbox is drained
    http_timeout_s: float = 10.0  # SIPSABOT_HTTP_TIMEOUT: per Telegram request
    http_pool: int = 16  # SIPSABOT_HTTP_POOL: Telegram connections (httpcore rescans its pool on every request)
    poll_timeout_s: int = 10  # SIPSABOT_POLL_TIMEOUT: long-polling getUpdates timeout
    log_level: str = "INFO"

    @property
    def state_path(self) -> Path:
        """The state file (what users created); beside the mirror unless SIPSABOT_STATE_DB names another."""
        return self.state_db or self.db_path.parent / "state.db"

    @property
    def backup_path(self) -> Path:
        return self.backup_dir or self.state_path.parent / "backups"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        e = dict(os.environ if env is None else env)
        return cls(
            db_path=Path(e.get("SIPSABOT_DB") or DEFAULT_DB),
            state_db=Path(e["SIPSABOT_STATE_DB"]) if e.get("SIPSABOT_STATE_DB") else None,
            backup_dir=Path(e["SIPSABOT_BACKUP_DIR"]) if e.get("SIPSABOT_BACKUP_DIR") else None,
            backup_keep=_int(e.get("SIPSABOT_BACKUP_KEEP"), 14),
            backup_time=e.get("SIPSABOT_BACKUP_TIME") or "03:30",
            telegram_token=e.get("TELEGRAM_BOT_TOKEN", "").strip(),
            bot_api_base_url=e.get("SIPSABOT_BOT_API_URL", "").rstrip("/"),
            webhook_url=e.get("SIPSABOT_WEBHOOK_URL", ""),
            webhook_listen=e.get("SIPSABOT_WEBHOOK_LISTEN", "0.0.0.0"),
            webhook_port=_int(e.get("SIPSABOT_WEBHOOK_PORT"), 8443),
            webhook_secret=e.get("SIPSABOT_WEBHOOK_SECRET", ""),
            rate_limit=_bool(e.get("SIPSABOT_RATE_LIMIT"), True),
            rate_overall_per_s=_float(e.get("SIPSABOT_RATE_OVERALL"), 30.0),
            rate_group_per_min=_float(e.get("SIPSABOT_RATE_GROUP"), 20.0),
            concurrent_updates=_int(e.get("SIPSABOT_CONCURRENT_UPDATES"), 64),
            flood_max_per_minute=_int(e.get("SIPSABOT_FLOOD_PER_MINUTE"), 20),
            soap_url=e.get("SIPSABOT_SOAP_URL") or DEFAULT_SOAP_URL,
            soap_timeout_s=_float(e.get("SIPSABOT_SOAP_TIMEOUT"), 600.0),
            soap_retries=_int(e.get("SIPSABOT_SOAP_RETRIES"), 3),
            refresh_schedule=e.get("SIPSABOT_REFRESH_SCHEDULE", ""),
            refresh_on_start=_bool(e.get("SIPSABOT_REFRESH_ON_START"), True),
            timezone=e.get("SIPSABOT_TZ", "America/Bogota"),
            llm_model_path=e.get("SIPSABOT_LLM_MODEL", ""),
            llm_threads=_int(e.get("SIPSABOT_LLM_THREADS"), 2),
            llm_timeout_s=_float(e.get("SIPSABOT_LLM_TIMEOUT"), 20.0),
            llm_queue_size=_int(e.get("SIPSABOT_LLM_QUEUE"), 4),
            llm_state_dir=_state_dir(e),
            llm_url=e.get("SIPSABOT_LLM_URL", "").strip().rstrip("/"),
            llm_url_model=e.get("SIPSABOT_LLM_URL_MODEL", "").strip(),
            llm_api_key=e.get("SIPSABOT_LLM_API_KEY", "").strip(),
            model_repo=e.get("SIPSABOT_MODEL_REPO") or DEFAULT_MODEL_REPO,
            model_file=e.get("SIPSABOT_MODEL_FILE") or DEFAULT_MODEL_FILE,
            model_dir=Path(e.get("SIPSABOT_MODEL_DIR") or PROJECT_ROOT / "var" / "models"),
            forecast_workers=_int(e.get("SIPSABOT_FORECAST_WORKERS"), 1),
            forecast_train=_bool(e.get("SIPSABOT_FORECAST_TRAIN"), True),
            alert_concurrency=max(1, _int(e.get("SIPSABOT_ALERT_CONCURRENCY"), 4)),
            alert_drain_s=_float(e.get("SIPSABOT_ALERT_DRAIN_S"), 30.0),
            http_timeout_s=_float(e.get("SIPSABOT_HTTP_TIMEOUT"), 10.0),
            http_pool=max(2, _int(e.get("SIPSABOT_HTTP_POOL"), 16)),
            poll_timeout_s=max(0, _int(e.get("SIPSABOT_POLL_TIMEOUT"), 10)),
            log_level=e.get("SIPSABOT_LOG_LEVEL", "INFO"),
        )
