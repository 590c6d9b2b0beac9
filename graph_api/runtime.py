"""Wiring: settings → (embedded engine) → store, opened and closed as one unit."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass

from graph_api.engine import EmbeddedEngine
from graph_api.settings import Settings
from graph_api.store import QueryCatalog, Store, open_store

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    settings: Settings
    engine: EmbeddedEngine | None  # None when Neo4j or a FalkorDB server is configured
    store: Store

    async def watch_engine(self, interval_s: float = 1.0) -> None:
        """Bring the embedded engine back when it dies; requests fail clearly meanwhile."""
        if self.engine is None:
            return
        while True:
            await asyncio.sleep(interval_s)
            try:
                await asyncio.to_thread(self.engine.ensure_running)
            except Exception:  # keep watching: the next attempt may succeed
                log.exception("restarting the embedded engine failed")


def embedded_engine(settings: Settings) -> EmbeddedEngine:
    return EmbeddedEngine(
        settings.data_dir,
        query_timeout_ms=settings.query_timeout_ms,
        max_timeout_ms=max(settings.write_timeout_ms, settings.query_timeout_ms),
        start_timeout_s=settings.engine_start_timeout_s,
        binaries_dir=settings.falkordb_bin_dir,
    )


@contextlib.asynccontextmanager
async def open_runtime(settings: Settings, engine: EmbeddedEngine | None = None) -> AsyncIterator[Runtime]:
    """Open the store, starting the embedded engine unless the caller already runs it."""
    queries = QueryCatalog.load(settings.cypher_dir)
    owns_engine = engine is None and settings.embedded
    if owns_engine:
        engine = embedded_engine(settings)
        await asyncio.to_thread(engine.start)
    try:
        store = open_store(settings, queries)
        try:
            yield Runtime(settings, engine, store)
        finally:
            await store.close()
    finally:
        if owns_engine and engine is not None:
            await asyncio.to_thread(engine.stop)
