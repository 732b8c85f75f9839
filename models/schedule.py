"""When the mirror refreshes from DANE, and the refresh -> evaluation pipeline the jobs run.

DANE publishes daily and weekly prices from 2 p.m. (Bogotá time), monthly prices on the 8th and monthly supply
on the 10th. Each job below runs after those moments in the bot's time zone (America/Bogota by default); a
refresh that brings nothing new changes nothing, so running on a few consecutive days costs only the download.

The schedule is configurable with SIPSABOT_REFRESH_SCHEDULE (settings.refresh_schedule), entries separated by
';' that replace the default of the same job: ``name=DAYS@HH:MM`` where DAYS is weekdays (``mon-sat``,
``sat,mon``) or days of the month (``8,9,10``), or ``name=off``. ``off`` alone disables every refresh job.
Example: ``daily=mon-fri@15:00;supply=off``.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger

log = logging.getLogger(__name__)

# job name -> datasets it refreshes (data.refresh dataset names)
JOB_DATASETS: dict[str, tuple[str, ...]] = {
    "daily": ("daily-city", "daily"),
    "weekly": ("weekly",),
    "monthly": ("monthly", "inputs"),
    "supply": ("supply",),
}
DEFAULT_SCHEDULE = "daily=mon-sat@14:30;weekly=sat,mon@15:00;monthly=8,9,10@15:30;supply=10,11,12@16:00"
RETRY_DELAYS_S = (15 * 60, 45 * 60, 2 * 3600)  # a failed refresh is retried after these delays
MISFIRE_GRACE_S = 6 * 3600  # a bot that was down at 14:30 still refreshes when it is back before 20:30
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_ENTRY = re.compile(r"^(?P<name>[a-z]+)=(?:(?P<off>off)|(?P<days>[a-z0-9,\-]+)@(?P<hour>\d{1,2}):(?P<minute>\d{2}))$")


class ScheduleError(ValueError):
    """A schedule setting that cannot be read (Spanish message)."""


@dataclass(frozen=True)
class RefreshJob:
    name: str
    datasets: tuple[str, ...]
    hour: int
    minute: int
    day_of_week: str | None = None  # e.g. "mon-sat"
    day: str | None = None  # days of the month, e.g. "8,9,10"

    def trigger(self, tz: str | ZoneInfo) -> CronTrigger:
        zone = ZoneInfo(tz) if isinstance(tz, str) else tz
        return CronTrigger(day_of_week=self.day_of_week, day=self.day, hour=self.hour, minute=self.minute,
                           timezone=zone)

    def next_runs(self, after: dt.datetime, tz: str | ZoneInfo, n: int = 3) -> list[dt.datetime]:
        trigger = self.trigger(tz)
        out: list[dt.datetime] = []
        previous = None
        now = after
        for _ in range(n):
            fire = trigger.get_next_fire_time(previous, now)
            if fire is None:
                break
            out.append(fire)
            previous, now = fire, fire + dt.timedelta(seconds=1)
        return out

    def describe(self) -> str:
        """Spanish, for logs and /fuente."""
        when = f"días {self.day} de cada mes" if self.day else f"días {self.day_of_week}"
        return f"{self.name}: {', '.join(self.datasets)} — {when} a las {self.hour:02d}:{self.minute:02d}"

    def previous_run(self, now: dt.datetime, tz: str | ZoneInfo) -> dt.datetime | None:
        """The latest scheduled moment at or before `now` (within the last 35 days)."""
        last = None
        for fire in self.next_runs(now - dt.timedelta(days=35), tz, n=200):
            if fire > now:
                break
            last = fire
        return last


def missed(jobs: list[RefreshJob], now: dt.datetime, tz: str | ZoneInfo,
           last_ok: dict[str, dt.datetime | None]) -> list[RefreshJob]:
    """Jobs whose latest scheduled run fell while the bot was down (within the misfire grace time) and whose
    datasets have not been refreshed successfully since. PTB keeps jobs in memory, so after a restart these
    would otherwise wait for tomorrow: the bot runs them once at start-up instead."""
    out = []
    for job in jobs:
        due = job.previous_run(now, tz)
        if due is None or (now - due).total_seconds() > MISFIRE_GRACE_S:
            continue
        if any((last_ok.get(d) or dt.datetime.min.replace(tzinfo=dt.UTC)) < due for d in job.datasets):
            out.append(job)
    return out


def _entry(text: str) -> tuple[str, RefreshJob | None]:
    m = _ENTRY.match(text.strip().lower().replace(" ", ""))
    if not m:
        raise ScheduleError(f"entrada de horario no válida: {text!r} (formato nombre=DÍAS@HH:MM o nombre=off)")
    name = m["name"]
    if name not in JOB_DATASETS:
        raise ScheduleError(f"trabajo desconocido: {name!r} (trabajos: {', '.join(JOB_DATASETS)})")
    if m["off"]:
        return name, None
    hour, minute, days = int(m["hour"]), int(m["minute"]), m["days"]
    if hour > 23 or minute > 59:
        raise ScheduleError(f"hora no válida en {text!r}")
    if re.fullmatch(r"[0-9,\-]+", days):
        numbers = [int(x) for x in re.split(r"[,\-]", days) if x]
        if not numbers or any(not 1 <= d <= 31 for d in numbers):
            raise ScheduleError(f"días del mes no válidos en {text!r}")
        return name, RefreshJob(name, JOB_DATASETS[name], hour, minute, day=days)
    parts = re.split(r"[,\-]", days)
    if not all(p in WEEKDAYS for p in parts):
        raise ScheduleError(f"días de la semana no válidos en {text!r} (usa mon, tue, wed, thu, fri, sat, sun)")
    return name, RefreshJob(name, JOB_DATASETS[name], hour, minute, day_of_week=days)


def parse_schedule(text: str = "") -> list[RefreshJob]:
    """The refresh jobs: the defaults with the setting's entries applied over them."""
    if text.strip().lower() in {"off", "none", "no"}:
        return []
    jobs: dict[str, RefreshJob | None] = dict(_entry(e) for e in DEFAULT_SCHEDULE.split(";"))
    for raw in filter(None, (e.strip() for e in text.split(";"))):
        name, job = _entry(raw)
        jobs[name] = job
    return [j for j in jobs.values() if j is not None]


# ---------------------------------------------------------------- the pipeline a job runs (off the event loop)


@dataclass
class RefreshOutcome:
    datasets: tuple[str, ...]
    ok: bool
    failed: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    queued: int = 0


def run_refresh(store: Any, datasets: tuple[str, ...], settings: Any,
                refresh: Callable[..., list[Any]] | None = None) -> RefreshOutcome:
    """Refresh the datasets (data.refresh: one transaction each, failures recorded in import_runs and
    the old data kept), then evaluate the alerts of whatever changed. Blocking: call it in a worker thread."""
    from data import refresh as refresh_module
    from data import state_ids
    from models import alerts

    results = (refresh or refresh_module.refresh)(store, datasets, settings, stop_when_unreachable=True)
    outcome = RefreshOutcome(datasets=datasets, ok=all(r.ok for r in results))
    for r in results:
        outcome.lines.append(r.summary())
        if not r.ok:
            outcome.failed.append(r.dataset)
            log.warning("refresh failed: %s", r.summary())
        else:
            log.info("refresh: %s", r.summary())

    def evaluate(conn: Any) -> int:
        state_ids.reconcile(conn)  # products first met in this import may be ones the state knew before a rebuild
        return int(alerts.evaluate(conn).queued)

    outcome.queued = store.write_sync(evaluate)
    return outcome
