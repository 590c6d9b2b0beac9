"""Per-request batching: every relation is loaded for all parents of a level in one call.

A batch query (cypher/<area>/<name>.cypher) takes `$ids` and returns rows `{sleutel, item}`
(one or many per parent) or `{sleutel, rijen}` (a page per parent) or `{sleutel, aantal}`.
Loaders are keyed by query name and by their other parameters, so the same field with
different arguments batches separately and the same field with the same arguments once.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Hashable
from typing import Any

from strawberry.dataloader import DataLoader

from graph_api.store import Params, Row, Unit
from graph_api.store.budget import EngineBudget


class RequestStore:
    """The store as one request sees it: every query gets the asker's `$zicht` (what they may
    see, graph_api/toegang.py) and its time limit from the request's engine budget, and the
    round trips, writes included, are counted for `extensions.queryStats`.

    It runs on the request's `Unit`, so once the request has written, its reads see the write
    (FalkorDB: the primary, not a replica; Neo4j: a member holding the write's bookmark). What
    the request kept from earlier reads (its loaders' caches, shared lookups) is forgotten after
    each write, so no read of the request answers from before it.
    """

    def __init__(self, store: Unit, zicht: Params, budget: EngineBudget):
        self._store = store
        self._zicht = zicht
        self.budget = budget
        self.calls = 0
        self.compiled = 0
        self.seconds = 0.0
        self._forget: list[Callable[[], None]] = []

    def after_write(self, forget: Callable[[], None]) -> None:
        """Run `forget` after every write of this request: it drops what reads kept."""
        self._forget.append(forget)

    @property
    def engine(self) -> str:
        return self._store.engine

    async def read(self, name: str, params: Params | None = None) -> list[Row]:
        params = {**(params or {}), **self._zicht}
        return await self._counted(lambda timeout_ms: self._store.read(name, params, timeout_ms=timeout_ms))

    async def read_text(self, name: str, text: str, params: Params | None = None) -> list[Row]:
        """A compiled read (graph_api/graphql/compiled). It gets `$zicht` only where its text reads
        it: the engine client writes every parameter into the query text."""
        self.compiled += 1
        params = {**(params or {}), **(self._zicht if "$zicht" in text else {})}
        return await self._counted(
            lambda timeout_ms: self._store.read_text(name, text, params, timeout_ms=timeout_ms)
        )

    async def write(self, name: str, params: Params | None = None) -> list[Row]:
        """A named write, with `$zicht` as every read has it (a write statement matches only what
        the asker may change by it) and its time limit from the same budget."""
        params = {**(params or {}), **self._zicht}
        try:
            return await self._counted(
                lambda timeout_ms: self._store.write(name, params, timeout_ms=timeout_ms)
            )
        finally:
            # Also when it failed: a write whose reply was lost may still have happened.
            for forget in self._forget:
                forget()

    async def _counted(self, reading: Callable[[int], Awaitable[list[Row]]]) -> list[Row]:
        self.calls += 1
        async with self.budget.statement() as timeout_ms:
            started = time.perf_counter()
            try:
                return await reading(timeout_ms)
            finally:
                self.seconds += time.perf_counter() - started


class Loaders:
    def __init__(self, store: RequestStore):
        self._store = store
        self._loaders: dict[Hashable, DataLoader] = {}
        store.after_write(self.clear_all)

    def clear_all(self) -> None:
        """Forget every loader and what it cached: the next load of any key reads the graph.
        Loads already waiting for a batch still get that batch's answer."""
        self._loaders.clear()

    def one(self, query: str, **params: Any) -> DataLoader[str, dict | None]:
        """At most one `item` per parent (a to-one relation, or a node by id)."""
        return self._loader("one", query, params)

    def many(self, query: str, **params: Any) -> DataLoader[str, list[dict]]:
        """The `item`s of each parent, in the query's order."""
        return self._loader("many", query, params)

    def pages(self, query: str, **params: Any) -> DataLoader[str, list[dict]]:
        """The `rijen` ({k, item}) of each parent's page."""
        return self._loader("pages", query, params)

    def counts(self, query: str, **params: Any) -> DataLoader[str, int]:
        """The `aantal` of each parent (zero where the query returns no row)."""
        return self._loader("counts", query, params)

    def _loader(self, shape: str, query: str, params: dict[str, Any]) -> DataLoader:
        # Most relations have no parameters: skip the serialisation on that hot path.
        key = (shape, query, json.dumps(params, sort_keys=True, default=str) if params else "")
        loader = self._loaders.get(key)
        if loader is None:

            async def load(ids: list[str]) -> list[Any]:
                rows = await self._store.read(query, {**params, "ids": list(ids)})
                return _arrange(shape, ids, rows)

            loader = self._loaders[key] = DataLoader(load_fn=load)
        return loader


def _arrange(shape: str, ids: list[str], rows: list[Row]) -> list[Any]:
    if shape == "one":
        found = {row["sleutel"]: row["item"] for row in rows}
        return [found.get(key) for key in ids]
    if shape == "counts":
        counted = {row["sleutel"]: row["aantal"] for row in rows}
        return [counted.get(key, 0) for key in ids]
    grouped: dict[str, list] = defaultdict(list)
    for row in rows:
        if shape == "pages":
            grouped[row["sleutel"]] = row["rijen"]
        else:
            grouped[row["sleutel"]].append(row["item"])
    return [grouped.get(key, []) for key in ids]
