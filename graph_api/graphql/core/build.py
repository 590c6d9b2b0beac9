"""From a query's `item` map to the GraphQL object of the right type.

Types register how they are built from an item; polymorphic items (organisations, GEMMA
elements, a koppeling's far end) say what they are in `label`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from graph_api.graphql.context import Info
from graph_api.graphql.core.paging import Connection, PageRequest

_BUILDERS: dict[str, Callable[[dict], Any]] = {}
C = TypeVar("C", bound=type)


def registered(kind: str) -> Callable[[C], C]:
    def register(cls: C) -> C:
        _BUILDERS[kind] = cls.from_item  # type: ignore[attr-defined]
        return cls

    return register


def build(item: dict, kind: str | None = None) -> Any:
    return _BUILDERS[kind or item["label"]](item)


async def load_one(info: Info, query: str, key: str, kind: str | None = None) -> Any | None:
    item = await info.context.loaders.one(query).load(key)
    return None if item is None else build(item, kind)


async def load_many(info: Info, query: str, key: str, kind: str | None = None) -> list[Any]:
    return [build(item, kind) for item in await info.context.loaders.many(query).load(key)]


async def load_nodes(info: Info, query: str, keys: list[str], kind: str) -> list[Any | None]:
    """Nodes of one kind by id, for `node`/`nodes`; a key of another kind yields None."""
    items = await info.context.loaders.one(query).load_many(keys)
    return [build(item, kind) if item and item.get("label", kind) == kind else None for item in items]


async def load_page(
    info: Info,
    query: str,
    key: str,
    page: PageRequest,
    params: dict[str, Any],
    kind: str | None = None,
    *,
    count_query: str | None = None,
) -> Connection:
    """A page of one parent's related nodes; pages of all parents of a level load together.

    `totalCount` runs `count_query` (by default the query's name with `_aantal`) only when asked.
    """
    loaders = info.context.loaders

    async def rows() -> list[dict]:
        return await loaders.pages(query, **params, **page.params()).load(key)

    async def count() -> int:
        return await loaders.counts(count_query or f"{query}_aantal", **params).load(key)

    return page.connection(rows, lambda item: build(item, kind), count)


async def list_page(
    info: Info,
    query: str,
    count_query: str,
    page: PageRequest,
    params: dict[str, Any],
    kind: str | None = None,
) -> Connection:
    """A page of a root list; `totalCount` runs `count_query` only when asked."""
    store = info.context.store

    async def rows() -> list[dict]:
        return await store.read(query, {**params, **page.params()})

    async def count() -> int:
        return (await store.read(count_query, params))[0]["aantal"]

    return page.connection(rows, lambda item: build(item, kind), count)
