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
  keeps sends within Telegram's limits; a RetryAfter that still escapes it re-queues the batch after the
  requested time. See models.alerts for the delivery guarantee.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import sqlite3
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import Application, ContextTypes

from data import alerts_store as store
from data import backup
from data.store import Store
from models import alerts, schedule

log = logging.getLogger(__name__)

KEY = "alert_jobs"
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
    """Per-application state of the alert machinery (kept in bot_data[KEY])."""

    store: Store  # the application's store: alert writes go through its single writer thread
    settings: Any
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
        except RetryAfter as exc:
            wait = _seconds(exc)  # flood control is per bot: every chat waits, not only this one
            self.paused_until = max(self.paused_until, time.monotonic() + wait)
            await self.db(store.mark_retry, keys, _later(float(wait)), f"RetryAfter {wait}")
            stats.retried += len(keys)
            return False
        except Forbidden as exc:
            log.info("alerts: chat %s blocked the bot (%s): deactivating its alerts", batch.chat_id, exc.message)
            await self.db(store.deactivate_chat, batch.chat_id, f"Forbidden: {exc.message}")
            stats.dropped += len(keys)
            return False
        except ChatMigrated as exc:
            log.info("alerts: chat %s migrated to %s", batch.chat_id, exc.new_chat_id)
            await self.db(store.migrate_chat, batch.chat_id, exc.new_chat_id)
            await self.db(store.mark_retry, keys, store.utc_now(), "migrated")
            stats.retried += len(keys)
            return False
        except BadRequest as exc:
            if "chat not found" in exc.message.lower():
                await self.db(store.deactivate_chat, batch.chat_id, f"BadRequest: {exc.message}")
            else:
                log.error("alerts: Telegram refused alert %s for chat %s: %s", keys, batch.chat_id, exc.message)
                await self.db(store.mark_dropped, keys, f"BadRequest: {exc.message}")
            stats.dropped += len(keys)
            return False
        except (TimedOut, NetworkError) as exc:
            # Unless the connection was never made, Telegram may have accepted the message: resent with the note.
            doubt = not any(m in str(exc) for m in ("ConnectError", "ConnectTimeout"))
            attempts = await self.db(_attempts, keys[0])
            if attempts >= MAX_ATTEMPTS:
                log.error("alerts: giving up on %s after %d attempts: %s", keys, attempts, exc)
                await self.db(store.mark_dropped, keys, f"{type(exc).__name__}: {exc}")
                stats.dropped += len(keys)
            else:
                await self.db(store.mark_retry, keys, _later(min(3600.0, 10.0 * 2 ** attempts)),
                              f"{type(exc).__name__}: {exc}", doubt)
                stats.retried += len(keys)
            return False
        except Exception as exc:  # anything else: unknown whether it left, so retry later flagged in doubt
            log.exception("alerts: unexpected error sending %s to chat %s", keys, batch.chat_id)
            await self.db(store.mark_retry, keys, _later(60.0), f"{type(exc).__name__}: {exc}", True)
            stats.retried += len(keys)
            return False
        await self.db(store.mark_delivered, keys, getattr(message, "message_id", None))
        stats.sent += len(keys)
        stats.messages += 1
        return True


def _seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB 22 warns that retry_after will become a timedelta
        warnings.simplefilter("ignore")
        wait = exc.retry_after
    return wait.total_seconds() if isinstance(wait, dt.timedelta) else float(wait)


def _attempts(conn: sqlite3.Connection, key: str) -> int:
    row = conn.execute("SELECT attempts FROM alert_queue WHERE key = ?", (key,)).fetchone()
    return int(row[0]) if row else 0


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


def _jobs(context: ContextTypes.DEFAULT_TYPE) -> AlertJobs:
    return context.application.bot_data[KEY]  # type: ignore[no-any-return]


async def refresh_job(context: ContextTypes.DEFAULT_TYPE) -> None:
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


def train_forecasts(context: ContextTypes.DEFAULT_TYPE) -> None:
    """New weekly prices: retrain the global forecast model in the forecast process pool (background, a no-op
    when this data version is already trained); answers keep using the previous model until it is saved."""
    from handlers.forecast import forecast_service

    aj = _jobs(context)
    extra = getattr(aj.settings, "extra", {}) or {}
    if "services" not in context.bot_data or str(extra.get("SIPSABOT_FORECAST_TRAIN", "1")) == "0":
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


async def drain_job(context: ContextTypes.DEFAULT_TYPE) -> None:
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


async def startup_job(context: ContextTypes.DEFAULT_TYPE) -> None:
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
    if not getattr(aj.settings, "refresh_on_start", True):  # SIPSABOT_REFRESH_ON_START=0: no catch-up either
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


def daily_backup(settings: Any) -> str:
    """The state's scheduled backup: a dated, compressed copy in settings.backup_path, keeping the newest
    settings.backup_keep. Blocking (run it in a thread). Returns a line for the log."""
    path, found = backup.backup_state(settings.state_path, settings.backup_path)
    gone = backup.prune(settings.backup_path, settings.backup_keep)
    rows = ", ".join(f"{t} {n}" for t, n in found.counts.items())
    return f"state backup {path} ({rows}); {len(gone)} older removed"


async def backup_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    try:
        log.info(await asyncio.to_thread(daily_backup, _jobs(context).settings))
    except backup.BackupError:
        log.exception("the daily state backup failed; the state itself is unchanged")


def _at(text: str, tz: ZoneInfo) -> dt.time:
    try:
        hour, minute = (int(x) for x in text.split(":"))
        return dt.time(hour, minute, tzinfo=tz)
    except ValueError:
        log.warning("SIPSABOT_BACKUP_TIME %r is not HH:MM; using 03:30", text)
        return dt.time(3, 30, tzinfo=tz)


def register_jobs(application: Application, settings: Any, db_path: Path | str | None = None,
                  refresh: Callable[..., list[Any]] | None = None) -> AlertJobs:
    """Schedule the refresh jobs, the periodic drain and the start-up catch-up. Call from post_init."""
    jq = application.job_queue
    if jq is None:
        raise RuntimeError("python-telegram-bot[job-queue] is required for refreshes and alerts")
    extra = getattr(settings, "extra", {}) or {}
    svc = application.bot_data.get("services")
    own = getattr(svc, "store", None) if db_path is None else None
    aj = AlertJobs(
        store=own or Store(db_path or settings.db_path, getattr(settings, "state_path", None) if db_path is None
                           else None),
        settings=settings, tz=ZoneInfo(settings.timezone),
        concurrency=max(1, int(extra.get("SIPSABOT_ALERT_CONCURRENCY", 4))),
        drain_interval=float(extra.get("SIPSABOT_ALERT_DRAIN_S", DRAIN_INTERVAL_S)), refresh=refresh,
        owns_store=own is None,
    )
    application.bot_data[KEY] = aj
    if svc is not None and hasattr(svc, "on_stop"):
        svc.on_stop.append(aj.close)
    for job in schedule.parse_schedule(settings.refresh_schedule):
        jq.run_custom(refresh_job, name=f"refresh:{job.name}", data=RefreshTask(job.name, job.datasets),
                      job_kwargs={"trigger": job.trigger(aj.tz), "misfire_grace_time": schedule.MISFIRE_GRACE_S,
                                  "coalesce": True, "max_instances": 1})
        log.info("refresh job scheduled: %s", job.describe())
    jq.run_repeating(drain_job, interval=aj.drain_interval, first=aj.drain_interval, name="alerts:drain",
                     job_kwargs={"coalesce": True, "max_instances": 1, "misfire_grace_time": 60})
    jq.run_once(startup_job, when=0, name="alerts:startup")
    if int(getattr(settings, "backup_keep", 0) or 0) > 0 and hasattr(settings, "state_path"):
        # A late run (the bot was down at that hour) still runs within 6 hours rather than being skipped.
        jq.run_daily(backup_job, time=_at(str(getattr(settings, "backup_time", "03:30")), aj.tz),
                     name="state:backup", job_kwargs={"misfire_grace_time": 6 * 3600, "coalesce": True})
    return aj


def register(app: Application) -> None:  # type: ignore[type-arg]
    """No handlers of its own: the jobs are scheduled from post_init (bot/app.py calls register_jobs)."""
