"""The store interface: run a named query with parameters, get rows of plain Python values.

Adapters map their engine's failures onto the exceptions below, so callers (resolvers, the
seeder, the CLI) handle one set of errors whichever engine runs underneath.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from graph_api.store.errors import EngineUnavailable, StoreError
from graph_api.store.queries import QueryCatalog

if TYPE_CHECKING:
    # Only a type here: the graph model (neomodel) costs every command's start-up a third of a second.
    from graph_api.model import GraphModel

log = logging.getLogger(__name__)

Row = dict[str, Any]
Params = Mapping[str, Any]


@dataclass(frozen=True)
class Health:
    engine: str
    ok: bool
    detail: str
    latency_ms: float


class Unit:
    """One unit of work (a request): what it reads after it wrote includes its own writes.

    Reads may go to replicas that trail the primary: Neo4j's secondaries, FalkorDB's read
    replicas. A unit closes that gap for its own writes only. On Neo4j it carries the
    bookmarks of its writes into its later reads, so only a cluster member that has those
    writes serves them; on FalkorDB its reads go to the primary once it has written. Get one
    from `Store.unit()`; it has the store's read and write calls.
    """

    def __init__(self, store: Store):
        self.store = store
        self.engine = store.engine
        self.wrote = False
        self.bookmarks: Any = store._new_bookmarks()

    async def read(
        self, name: str, params: Params | None = None, *, timeout_ms: int | None = None
    ) -> list[Row]:
        return await self.store.read(name, params, timeout_ms=timeout_ms, unit=self)

    async def read_text(
        self, name: str, text: str, params: Params | None = None, *, timeout_ms: int | None = None
    ) -> list[Row]:
        return await self.store.read_text(name, text, params, timeout_ms=timeout_ms, unit=self)

    async def write(
        self, name: str, params: Params | None = None, *, timeout_ms: int | None = None
    ) -> list[Row]:
        return await self.store.write(name, params, timeout_ms=timeout_ms, unit=self)


class Store(ABC):
    """A graph engine behind named queries.

    Reads are retried on transient failures (the engine restarting, a lost connection);
    writes never are, because a write whose reply was lost may already have happened. Once
    the engine was found away, a read (or write) first asks it whether it is back, one ping
    without retries, instead of spending its own retries: clients learn of an outage in
    milliseconds, with the 503 and `Retry-After` that tell them to come back, and are served
    again as soon as it answers. Reads
    may be served by replicas (Neo4j's cluster secondaries, FalkorDB's read replicas), which
    trail the primary; a `Unit` reads its own writes.
    """

    engine: ClassVar[str]
    read_attempts: ClassVar[int] = 4
    retry_delay_s: ClassVar[float] = 0.25

    def __init__(self, queries: QueryCatalog, *, read_timeout_ms: int, write_timeout_ms: int):
        self.queries = queries
        self.read_timeout_ms = read_timeout_ms
        self.write_timeout_ms = write_timeout_ms
        # Told of every statement run (engine, write or not, seconds), failed ones too: the
        # metrics (graph_api/http/metrics.py). Here, where every read and write passes, not at
        # each caller.
        self.observe: Callable[[str, bool, float], None] | None = None
        # Per kind of statement (write or not), whether the engine was last found away; reads
        # and writes apart, as reads may still be served by replicas while the primary is away.
        self._away: dict[bool, bool] = {False: False, True: False}

    def unit(self) -> Unit:
        """A unit of work whose reads see its own writes (one per request)."""
        return Unit(self)

    def _new_bookmarks(self) -> Any:
        """What a unit carries from its writes to its reads, where the engine needs anything."""
        return None

    async def read(
        self,
        name: str,
        params: Params | None = None,
        *,
        timeout_ms: int | None = None,
        unit: Unit | None = None,
    ) -> list[Row]:
        text = self.queries.text(name, self.engine)
        return await self.read_text(name, text, params, timeout_ms=timeout_ms, unit=unit)

    async def read_text(
        self,
        name: str,
        text: str,
        params: Params | None = None,
        *,
        timeout_ms: int | None = None,
        unit: Unit | None = None,
    ) -> list[Row]:
        """A read whose text was composed at run time (graph_api/graphql/compiled), named for errors."""
        timeout = timeout_ms or self.read_timeout_ms
        await self._unless_away(name, write=False)
        for attempt in range(1, self.read_attempts + 1):
            try:
                rows = await self._observed(
                    name, text, params or {}, write=False, timeout_ms=timeout, unit=unit
                )
            except EngineUnavailable:
                if attempt == self.read_attempts:
                    self._away[False] = True
                    raise
                log.warning("read %s: engine unavailable, attempt %s", name, attempt)
                await asyncio.sleep(self.retry_delay_s * attempt)
            except StoreError:
                self._away[False] = False  # it answered, if not as hoped
                raise
            else:
                self._away[False] = False
                return rows
        raise AssertionError("unreachable")

    async def write(
        self,
        name: str,
        params: Params | None = None,
        *,
        timeout_ms: int | None = None,
        unit: Unit | None = None,
    ) -> list[Row]:
        text = self.queries.text(name, self.engine)
        await self._unless_away(name, write=True)
        if unit is not None:
            unit.wrote = True  # before: a write whose reply is lost may still have happened
        timeout = timeout_ms or self.write_timeout_ms
        try:
            rows = await self._observed(name, text, params or {}, write=True, timeout_ms=timeout, unit=unit)
        except EngineUnavailable:
            self._away[True] = True
            raise
        except StoreError:
            self._away[True] = False
            raise
        self._away[True] = False
        return rows

    async def _unless_away(self, name: str, *, write: bool) -> None:
        """Refuses a statement, unsent, while the engine that was found away does not answer a ping."""
        if not self._away[write]:
            return
        try:
            await self._ping()
        except EngineUnavailable as exc:
            raise EngineUnavailable(f"{exc}; query {name} was not sent") from None
        self._away[write] = False

    async def _observed(
        self, name: str, text: str, params: Params, *, write: bool, timeout_ms: int, unit: Unit | None
    ) -> list[Row]:
        if self.observe is None:
            return await self._run(name, text, params, write=write, timeout_ms=timeout_ms, unit=unit)
        started = time.perf_counter()
        try:
            return await self._run(name, text, params, write=write, timeout_ms=timeout_ms, unit=unit)
        finally:
            self.observe(self.engine, write, time.perf_counter() - started)

    async def health(self) -> Health:
        started = time.perf_counter()
        try:
            await self._ping()
        except StoreError as exc:
            return Health(self.engine, False, str(exc), (time.perf_counter() - started) * 1000)
        return Health(self.engine, True, "answers", (time.perf_counter() - started) * 1000)

    @abstractmethod
    async def _run(
        self, name: str, text: str, params: Params, *, write: bool, timeout_ms: int, unit: Unit | None
    ) -> list[Row]:
        """Run one statement and return its rows as dicts of plain values."""

    @abstractmethod
    async def _ping(self) -> None: ...

    @abstractmethod
    async def install_schema(self, model: GraphModel) -> list[str]:
        """Create the model's missing indexes and constraints; returns what it ran.

        Running it again changes nothing.
        """

    @contextlib.asynccontextmanager
    async def bulk_load(self) -> AsyncIterator[None]:
        """Around many large writes: lets the engine prepare, and settle afterwards."""
        yield

    supports_bulk_insert = False

    async def bulk_insert(self, nodes: list[tuple[str, Path]], edges: list[tuple[str, Path]]) -> None:
        """Create a new graph from node files (per `Label:Label`) and edge files (per type)."""
        raise NotImplementedError(f"{self.engine} has no bulk loader")

    @abstractmethod
    async def drop_all(self) -> None:
        """Remove every node, relationship, index and constraint of the graph."""

    @abstractmethod
    async def close(self) -> None: ...

    async def __aenter__(self) -> Store:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
