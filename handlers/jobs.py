"""Scheduled refreshes and the alert fan-out, on python-telegram-bot's JobQueue (APScheduler).

- One cron job per refresh job of models.schedule (Bogotá time by default), with a generous misfire grace time,
  coalescing and one instance at a time; the refresh and the evaluation run in a worker thread, never on the
  event loop. A failed refresh keeps the old data (data.refresh), is logged, shows in /fuente through
  import_runs, and is retried after RETRY_DELAYS_S.
- At start-up: alerts left 'sending' by a killed process are flagged in doubt, evaluation catches up with any
  import the previous process did not evaluate, refresh jobs missed while the bot was down run once (unless
  SIPSABOT_REFRESH_ON_START=0), and the outbox is drained.
- The outbox is drained after every evaluation and every DRAIN_INTERVAL_S: chats are served concurrently (at most
  `concurrency` sends in flight), each chat's messages in order. The bot's AIORateLimiter (built in bot/app.py)
  keeps sends within Telegram's limits; every other Telegram answer is read by the one delivery policy
  (handlers/delivery.py) and turned into an outbox operation here. See models.alerts for the delivery guarantee.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.ext import Application

from data import alerts_store as store
from data import backup
from data.store import Store
from handlers.context import BotData, Context, JobSettings, bot_data
from handlers.delivery import Delivery, Outcome, classify
from models import alerts, schedule

log = logging.getLogger(__name__)

DRAIN_INTERVAL_S = 30.0
MAX_ATTEMPTS = 20
FORECAST_PREFIX = "alfc:"  # callback data "alfc:<subscription id>" (handled in handlers/alerts.py)
T = TypeVar("T")


@dataclass(frozen=True)
class RefreshTask:
    name: str
    datasets: tuple[str, ...]
    attempt: int = 0


@dataclass
class DrainStats:
    sent: int = 0
    messages: int = 0
    held: int = 0
    retried: int = 0
    dropped: int = 0
    seconds: float = 0.0


@dataclass
class AlertJobs:
    """Per-application state of the alert machinery (kept in bot_data.alert_jobs)."""

    store: Store  # the application's store: alert writes go through its single writer thread
    settings: JobSettings | None
    tz: ZoneInfo
    concurrency: int = 4
    drain_interval: float = DRAIN_INTERVAL_S
    refresh: Callable[..., list[Any]] | None = None  # data.refresh.refresh unless a test passes another
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)  # one drain at a time; held during a refresh
    paused_until: float = 0.0  # monotonic time; set when Telegram's flood control still answers 429
    owns_store: bool = False  # a store made here (no services) is closed here

    @property
    def db_path(self) -> Path:
        return self.store.path

    async def db(self, fn: Callable[..., T], *args: Any) -> T:
        """Run `fn(conn, *args)` on the store's writer thread. Another process holding the lock (an import from
        the CLI) is waited for by SQLite's busy timeout; past it the job fails, the outbox keeps every alert and
        the next drain tries again."""
        return await self.store.write(fn, *args)

    def close(self) -> None:
        if self.owns_store:
            self.store.close()

    # -- fan-out
    async def drain(self, bot: Any) -> DrainStats:
        """Send every due alert. Returns when nothing is left that can be sent now."""
        stats = DrainStats()
        t0 = time.perf_counter()
        marked: set[str] = set()
        async with self.lock:
            while time.monotonic() >= self.paused_until:
                items = await self.db(store.due, store.utc_now(), 20000)
                if not items:
                    break
                quiet = await self.db(store.quiet_hours, {i.chat_id for i in items})
                batches, held = alerts.plan(items, quiet, dt.datetime.now(dt.UTC), self.tz)
                stats.held = len(held)
                if held:
                    await self.db(store.mark_held, [k for k in held if k not in marked])
                    marked.update(held)
                if not batches:
                    break
                per_chat: dict[int, list[alerts.Batch]] = {}
                for b in batches:
                    per_chat.setdefault(b.chat_id, []).append(b)
                gate = asyncio.Semaphore(self.concurrency)
                await asyncio.gather(*(self._send_chat(bot, chat_batches, gate, stats)
                                       for chat_batches in per_chat.values()))
        stats.seconds = time.perf_counter() - t0
        if stats.messages or stats.retried or stats.dropped:
            log.info("alerts fan-out: %d alerts in %d messages, %d held (quiet hours), %d to retry, %d dropped, "
                     "%.1fs", stats.sent, stats.messages, stats.held, stats.retried, stats.dropped, stats.seconds)
        return stats

    async def _send_chat(self, bot: Any, batches: list[alerts.Batch], gate: asyncio.Semaphore,
                         stats: DrainStats) -> None:
        async with gate:
            for batch in batches:
                if time.monotonic() < self.paused_until or not await self._send(bot, batch, stats):
                    return  # this chat is blocked, migrated or rate limited: the rest waits for the next drain

    async def _send(self, bot: Any, batch: alerts.Batch, stats: DrainStats) -> bool:
        keys = list(batch.keys)
        await self.db(store.mark_sending, keys)  # committed before the request leaves
        try:
            message = await bot.send_message(batch.chat_id, batch.text, parse_mode=ParseMode.HTML,
                                             reply_markup=forecast_buttons(batch))
        except Exception as exc:  # whatever it was, the policy says what it means for this alert
            await self._failed(batch, keys, classify(exc), stats)
            return False
        await self.db(store.mark_delivered, keys, getattr(message, "message_id", None))
        stats.sent += len(keys)
        stats.messages += 1
        return True

    async def _failed(self, batch: alerts.Batch, keys: list[str], got: Delivery, stats: DrainStats) -> None:
        """The outbox side of the delivery policy: nothing is lost, only re-queued, moved or dropped with a reason."""
        if got.outcome is Outcome.WAIT:  # flood control is per bot: every chat waits, not only this one
            self.paused_until = max(self.paused_until, time.monotonic() + got.wait_s)
            await self.db(store.mark_retry, keys, _later(got.wait_s), got.detail)
            stats.retried += len(keys)
        elif got.outcome is Outcome.GONE:
            log.info("alerts: chat %s is gone (%s): deactivating its alerts", batch.chat_id, got.detail)
            await self.db(store.deactivate_chat, batch.chat_id, got.detail)
            stats.dropped += len(keys)
        elif got.outcome is Outcome.MIGRATED and got.new_chat_id is not None:
            log.info("alerts: chat %s migrated to %s", batch.chat_id, got.new_chat_id)
            await self.db(store.migrate_chat, batch.chat_id, got.new_chat_id)
            await self.db(store.mark_retry, keys, store.utc_now(), "migrated")
            stats.retried += len(keys)
        elif got.outcome in (Outcome.MARKUP, Outcome.REJECTED):
            log.error("alerts: Telegram refused alert %s for chat %s: %s", keys, batch.chat_id, got.detail)
            await self.db(store.mark_dropped, keys, got.detail)
            stats.dropped += len(keys)
        else:  # NETWORK: unless the connection was never made, Telegram may have it: resent with the note
            tried = await self.db(store.attempts, keys[0])
            if tried >= MAX_ATTEMPTS:
                log.error("alerts: giving up on %s after %d attempts: %s", keys, tried, got.detail)
                await self.db(store.mark_dropped, keys, got.detail)
                stats.dropped += len(keys)
            else:
                if not got.detail.startswith(("TimedOut", "NetworkError")):
                    log.error("alerts: unexpected error sending %s to chat %s: %s", keys, batch.chat_id, got.detail)
                await self.db(store.mark_retry, keys, _later(min(3600.0, 10.0 * 2 ** tried)), got.detail,
                              got.in_doubt)
                stats.retried += len(keys)


def _later(seconds: float) -> str:
    return store.utc_iso(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=seconds))


def forecast_buttons(batch: alerts.Batch) -> InlineKeyboardMarkup | None:
    """One '📈 Pronóstico' button per alert series (callback data well within 64 bytes)."""
    rows = []
    for sub_id, query in batch.forecasts[:6]:
        label = f"📈 Pronóstico: {query}"
        rows.append([InlineKeyboardButton(label[:60], callback_data=f"{FORECAST_PREFIX}{sub_id}")])
    return InlineKeyboardMarkup(rows) if rows else None


# ---------------------------------------------------------------- job callbacks


def _jobs(context: Context) -> AlertJobs:
    found = bot_data(context).alert_jobs
    if found is None:
        raise RuntimeError("the alert jobs are not registered (handlers.jobs.register_jobs)")
    return found


async def refresh_job(context: Context) -> None:
    """Refresh a job's datasets off the event loop, evaluate, fan out; retry what failed."""
    aj = _jobs(context)
    assert context.job is not None
    task: RefreshTask = context.job.data  # type: ignore[assignment]
    log.info("scheduled refresh %s (attempt %d): %s", task.name, task.attempt + 1, ", ".join(task.datasets))
    failed: tuple[str, ...] = ()
    async with aj.lock:  # no fan-out writes while the import holds the writer
        try:
            outcome = await asyncio.to_thread(schedule.run_refresh, aj.store, task.datasets, aj.settings,
                                              aj.refresh)
            failed = tuple(outcome.failed)
        except Exception:
            log.exception("refresh %s crashed; the mirror keeps its previous data", task.name)
            failed = task.datasets
    if failed and task.attempt < len(schedule.RETRY_DELAYS_S) and context.job_queue is not None:
        delay = schedule.RETRY_DELAYS_S[task.attempt]
        log.warning("refresh %s: %s failed; retrying in %d min", task.name, ", ".join(failed), delay // 60)
        context.job_queue.run_once(refresh_job, when=delay, data=RefreshTask(task.name, failed, task.attempt + 1),
                                   name=f"refresh:{task.name}:retry{task.attempt + 1}",
                                   job_kwargs={"misfire_grace_time": schedule.MISFIRE_GRACE_S})
    if "weekly" in task.datasets and "weekly" not in failed:
        train_forecasts(context)
    await aj.drain(context.bot)


def train_forecasts(context: Context) -> None:
    """New weekly prices: retrain the global forecast model in the forecast process pool (background, a no-op
    when this data version is already trained); answers keep using the previous model until it is saved."""
    from handlers.forecast import forecast_service

    aj = _jobs(context)
    if bot_data(context).services is None or aj.settings is None or not aj.settings.forecast_train:
        return  # no forecasting service in this application (or switched off)
    try:
        future = forecast_service(context).train_global(aj.db_path)
    except Exception:
        log.exception("could not start the global forecast model training")
        return
    if future is not None:
        future.add_done_callback(
            lambda f: log.error("global forecast model training failed: %r", f.exception()) if f.exception()
            else log.info("%s", f.result()))


async def drain_job(context: Context) -> None:
    """Every DRAIN_INTERVAL_S: evaluate imports made outside the bot's jobs (`sipsabot refresh` or `import`
    from another process), then send what is due (retries, quiet hours that ended)."""
    aj = _jobs(context)
    if aj.lock.locked():
        return  # a drain or a refresh is running; it drains when done
    if await aj.db(_new_runs):
        await aj.db(alerts.evaluate)
    await aj.drain(context.bot)


def _new_runs(conn: sqlite3.Connection) -> bool:
    newest, _ = store.runs_after(conn, store.evaluated_run(conn))
    return newest > store.evaluated_run(conn)


async def startup_job(context: Context) -> None:
    """Recover from a crash, catch up, and send what is due."""
    aj = _jobs(context)
    doubt = await aj.db(store.recover_in_doubt)
    if doubt:
        log.warning("alerts: %d alerts were being sent when the previous process stopped; they will be resent "
                    "with a note", doubt)
    pruned = await aj.db(store.prune)
    if pruned:
        log.info("alerts: %d old delivered alerts forgotten", pruned)
    result = await aj.db(alerts.evaluate)
    if result.queued:
        log.info("alerts: start-up evaluation queued %d alerts", result.queued)
    train_forecasts(context)  # a mirror refreshed while the bot was down (or a new code version) gets its model
    if aj.settings is None or not aj.settings.refresh_on_start:  # SIPSABOT_REFRESH_ON_START=0: no catch-up
        await aj.drain(context.bot)
        return
    jobs = schedule.parse_schedule(aj.settings.refresh_schedule)
    last_ok = await aj.db(store.last_ok_refresh)
    for job in schedule.missed(jobs, dt.datetime.now(dt.UTC), aj.tz, dict(last_ok)):
        log.info("refresh %s was missed while the bot was down: running it now", job.name)
        if context.job_queue is not None:
            context.job_queue.run_once(refresh_job, when=1, data=RefreshTask(job.name, job.datasets),
                                       name=f"refresh:{job.name}:catch-up")
    await aj.drain(context.bot)


def daily_backup(settings: JobSettings) -> str:
    """The state's scheduled backup: a dated, compressed copy in settings.backup_path, keeping the newest
    settings.backup_keep. Blocking (run it in a thread). Returns a line for the log."""
    path, found = backup.backup_state(settings.state_path, settings.backup_path)
    gone = backup.prune(settings.backup_path, settings.backup_keep)
    rows = ", ".join(f"{t} {n}" for t, n in found.counts.items())
    return f"state backup {path} ({rows}); {len(gone)} older removed"


async def backup_job(context: Context) -> None:
    try:
        settings = _jobs(context).settings
        if settings is not None:
            log.info(await asyncio.to_thread(daily_backup, settings))
    except backup.BackupError:
        log.exception("the daily state backup failed; the state itself is unchanged")


def _at(text: str, tz: ZoneInfo) -> dt.time:
    try:
        hour, minute = (int(x) for x in text.split(":"))
        return dt.time(hour, minute, tzinfo=tz)
    except ValueError:
        log.warning("SIPSABOT_BACKUP_TIME %r is not HH:MM; using 03:30", text)
        return dt.time(3, 30, tzinfo=tz)


def register_jobs(application: Application, settings: JobSettings,  # type: ignore[type-arg]
                  db_path: Path | str | None = None, refresh: Callable[..., list[Any]] | None = None) -> AlertJobs:
    """Schedule the refresh jobs, the periodic drain and the start-up catch-up. Call from post_init. The alert
    writes use the application's store (one writer per process); only without services (or with another
    `db_path`, in tests) a store is opened here, and closed with the jobs."""
    jq = application.job_queue
    if jq is None:
        raise RuntimeError("python-telegram-bot[job-queue] is required for refreshes and alerts")
    data = application.bot_data
    if not isinstance(data, BotData):
        raise RuntimeError("the Application was built without handlers.context.CONTEXT_TYPES")
    svc = data.services
    own = svc.store if svc is not None and db_path is None else None
    aj = AlertJobs(
        store=own or Store(db_path or settings.db_path, settings.state_path if db_path is None else None),
        settings=settings, tz=ZoneInfo(settings.timezone), concurrency=max(1, settings.alert_concurrency),
        drain_interval=settings.alert_drain_s, refresh=refresh, owns_store=own is None,
    )
    data.alert_jobs = aj
    if svc is not None:
        svc.on_stop.append(aj.close)
    for job in schedule.parse_schedule(settings.refresh_schedule):
        jq.run_custom(refresh_job, name=f"refresh:{job.name}", data=RefreshTask(job.name, job.datasets),
                      job_kwargs={"trigger": job.trigger(aj.tz), "misfire_grace_time": schedule.MISFIRE_GRACE_S,
                                  "coalesce": True, "max_instances": 1})
        log.info("refresh job scheduled: %s", job.describe())
    jq.run_repeating(drain_job, interval=aj.drain_interval, first=aj.drain_interval, name="alerts:drain",
                     job_kwargs={"coalesce": True, "max_instances": 1, "misfire_grace_time": 60})
    jq.run_once(startup_job, when=0, name="alerts:startup")
    if settings.backup_keep > 0:
        # A late run (the bot was down at that hour) still runs within 6 hours rather than being skipped.
        jq.run_daily(backup_job, time=_at(settings.backup_time, aj.tz),
                     name="state:backup", job_kwargs={"misfire_grace_time": 6 * 3600, "coalesce": True})
    return aj
