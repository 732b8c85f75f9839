"""The wiring: the mirror's Store, the router (with the optional local LLM), per-chat memory, the flood guard
and the worker pool the handlers run blocking work on. Handlers reach it as bot_data["services"]."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor

from bot.config import Settings
from bot.llm_setup import bot_llm
from data.store import Store
from handlers.common import ChatMemory, FloodGuard, KeyedStore, Services, runner
from models.router import Router
from models.snapshot_note import SnapshotNotes

log = logging.getLogger(__name__)


def build_services(settings: Settings, *, with_llm: bool = True, store: Store | None = None) -> Services:
    """Everything the handlers need. The LLM (SIPSABOT_LLM_URL's server, or the SIPSABOT_LLM_MODEL file whose
    worker loads in its own thread, so start-up is not delayed) is optional: without it the rules answer alone."""
    store = store or Store(settings.db_path, settings.state_path)  # the process's one store (one writer thread)
    llm = bot_llm(settings) if with_llm else None
    router = SnapshotNotes(Router(store.reader, llm=llm), store.reader)
    # Router calls may wait for the LLM: a pool wider than the default keeps database answers flowing.
    workers = max(4, min(32, settings.concurrent_updates // 2 or 4))
    executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="sipsabot-work")
    svc = Services(store=store, router=router, memory=ChatMemory(store, runner(executor)), keyed=KeyedStore(),
                   flood=FloodGuard(settings.flood_max_per_minute), executor=executor, llm=llm)
    if llm is not None:
        svc.on_stop.append(llm.close)
    return svc


def close_services(svc: Services) -> None:
    try:
        svc.memory.flush()  # chat states still waiting for their write-behind
    except Exception:
        log.exception("could not save the chat states")
    for stop in reversed(svc.on_stop):
        try:
            stop()
        except Exception:
            log.exception("error while stopping a service")
    svc.executor.shutdown(wait=False, cancel_futures=True)
    try:
        svc.store.close()  # last: the flush above and the services' own stops may still write
    except Exception:
        log.exception("could not close the store")
