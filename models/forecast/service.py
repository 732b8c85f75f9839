"""Forecasts off the caller's thread: a process pool (darts and statsmodels are CPU-bound and hold the GIL)
and a cache per (series, horizon, data version), so a repeated question costs nothing and new data invalidates
old answers by itself. Bot start-up imports none of darts: the workers import it when the pool starts."""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
from collections import OrderedDict
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from data.series import SeriesData
from models.forecast.types import ForecastResult

CacheKey = tuple[int, int, str, int, str, bool]


def compute(series: SeriesData, horizon: int | None, chart: bool, model_dir: str | Path | None = None
            ) -> tuple[ForecastResult, bytes | None]:
    """The work a worker does: select, forecast and (optionally) draw the chart. With `model_dir`, the trained
    global model saved there (global_store) joins the candidates."""
    from models.forecast.engine import run_forecast
    from models.forecast.workers import init_worker

    init_worker()
    artifact = None
    if model_dir is not None and series.freq == "W":
        from models.forecast.global_store import load

        artifact = load(Path(model_dir), series.version)
    result = run_forecast(series, horizon, artifact)
    png = None
    if chart:
        from models.forecast_chart import forecast_png

        png = forecast_png(result)
    return result, png


def train_global(db_path: str, model_dir: str) -> str:
    """The background job (in a worker): train the global model for the mirror's data version unless saved."""
    from models.forecast.global_store import ensure_trained
    from models.forecast.workers import init_worker

    init_worker()
    return ensure_trained(db_path, Path(model_dir))


def _train_entry(db_path: str, model_dir: str, send: Any) -> None:
    try:
        send.send(train_global(db_path, model_dir))
    except Exception as exc:  # reported to the parent, which logs it
        send.send(RuntimeError(f"{type(exc).__name__}: {exc}"))
    finally:
        send.close()


class ForecastService:
    def __init__(self, workers: int = 1, cache_size: int = 256, model_dir: str | Path | None = None) -> None:
        self.workers = max(1, workers)
        self.model_dir = str(model_dir) if model_dir is not None else None
        self.cache_size = cache_size
        self._cache: OrderedDict[CacheKey, tuple[ForecastResult, bytes | None]] = OrderedDict()
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None
        self._trainers: list[multiprocessing.process.BaseProcess] = []
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(series: SeriesData, horizon: int | None, chart: bool) -> CacheKey:
        from models.forecast.engine import check_horizon

        return (series.product_id, series.market_id, series.freq, check_horizon(series.freq, horizon),
                f"{series.version}|{series.today}|{len(series.observations)}", chart)

    def pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                from models.forecast.workers import init_worker

                # spawn: the bot process has threads (PTB, SQLite readers); forking it would copy their locks
                self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                                 initializer=init_worker)
            return self._pool

    def train_global(self, db_path: str | Path) -> Future[str] | None:
        """Train the global model in a daemon process of its own (after a data refresh; a no-op when the version
        is trained): user forecasts never queue behind a minute of training, and close() (or the bot's exit)
        ends a training still running instead of waiting for it."""
        if self.model_dir is None:
            return None
        ctx = multiprocessing.get_context("spawn")
        receive, send = ctx.Pipe(duplex=False)
        process = ctx.Process(target=_train_entry, args=(str(db_path), self.model_dir, send), daemon=True,
                              name="sipsabot-forecast-training")
        process.start()
        send.close()
        future: Future[str] = Future()

        def wait() -> None:
            try:
                message = receive.recv()
            except EOFError:  # the process ended without answering (stopped by close(), or killed)
                message = RuntimeError("el entrenamiento del modelo global se interrumpió")
            process.join()
            if isinstance(message, str):
                future.set_result(message)
            else:
                future.set_exception(message if isinstance(message, BaseException) else RuntimeError(str(message)))

        threading.Thread(target=wait, name="forecast-training-wait", daemon=True).start()
        with self._lock:
            self._trainers = [p for p in self._trainers if p.is_alive()] + [process]
        return future

    def warm_up(self) -> Future[None]:
        """Start the workers now (they import darts) so the first user does not wait for it."""
        return self.pool().submit(_noop)

    def cached(self, series: SeriesData, horizon: int | None, chart: bool
               ) -> tuple[ForecastResult, bytes | None] | None:
        key = self.key(series, horizon, chart)
        with self._lock:
            found = self._cache.get(key)
            if found is not None:
                self._cache.move_to_end(key)
                self.hits += 1
            return found

    def _store(self, key: CacheKey, value: tuple[ForecastResult, bytes | None]) -> None:
        with self._lock:
            self._cache[key] = value
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)

    def forecast(self, series: SeriesData, horizon: int | None = None, chart: bool = False
                 ) -> tuple[ForecastResult, bytes | None]:
        """Blocking: the cached result, or one computed in the pool (ForecastError passes through)."""
        found = self.cached(series, horizon, chart)
        if found is not None:
            return found
        self.misses += 1
        value = self.pool().submit(compute, series, horizon, chart, self.model_dir).result()
        self._store(self.key(series, horizon, chart), value)
        return value

    async def forecast_async(self, series: SeriesData, horizon: int | None = None, chart: bool = True
                             ) -> tuple[ForecastResult, bytes | None]:
        """Awaitable: the event loop keeps serving other chats while a worker computes."""
        found = self.cached(series, horizon, chart)
        if found is not None:
            return found
        self.misses += 1
        value = await asyncio.wrap_future(self.pool().submit(compute, series, horizon, chart, self.model_dir))
        self._store(self.key(series, horizon, chart), value)
        return value

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
            trainers, self._trainers = self._trainers, []
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        for process in trainers:  # a half-trained model is never saved (save() renames a complete file)
            if process.is_alive():
                process.terminate()
                process.join(timeout=5)


def _noop() -> None:
    return None
