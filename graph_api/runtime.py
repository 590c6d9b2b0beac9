"""Wiring: settings → (embedded engine) → store, opened and closed as one unit."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field

from graph_api.domain.interesse.telling import Telling
from graph_api.engine import EmbeddedEngine
from graph_api.settings import Settings
from graph_api.store import QueryCatalog, Store, StoreError, open_store
from graph_api.toegang import BEHEER

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    settings: Settings
    engine: EmbeddedEngine | None  # None when Neo4j or a FalkorDB server is configured
    store: Store
    # Views and searches counted by this process, written after the answers (issue 19, item 5).
    telling: Telling = field(init=False)
    # Nodes per label and when they were read (see label_sizes).
    _label_sizes: tuple[float, Mapping[str, int]] = field(default=(float("-inf"), {}), init=False, repr=False)

    def __post_init__(self) -> None:
        self.telling = Telling(self.store, self.settings)

    async def label_sizes(self, max_age_s: float = 60.0) -> Mapping[str, int]:
        """Nodes per label, read again once they are a minute old: what the cost estimate scales
        a whole-list read by. The last known sizes (none at first) while the engine is away."""
        read_at, sizes = self._label_sizes
        if time.monotonic() - read_at < max_age_s:
            return sizes
        # Before the read: requests arriving meanwhile use the sizes at hand, not a read each.
        self._label_sizes = (time.monotonic(), sizes)
        try:
            rows = await self.store.read("stats/labels", BEHEER.params())
        except StoreError:
            log.warning("nodes per label could not be read; the cost estimate uses the last known")
            return sizes
        sizes = {row["label"]: row["aantal"] for row in rows}
        self._label_sizes = (time.monotonic(), sizes)
        return sizes

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
            runtime = Runtime(settings, engine, store)
            try:
                yield runtime
            finally:
                await runtime.telling.bijgewerkt()
        finally:
            await store.close()
    finally:
        if owns_engine and engine is not None:
            await asyncio.to_thread(engine.stop)
