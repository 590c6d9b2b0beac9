"""Relay connections with keyset cursors.

A list query returns rows `{k, item}`: `k` is the sort key of the row, `item` the node's map.
A cursor is opaque to clients; inside it is the ordering it belongs to, the row's sort key
and its id, so the next page starts strictly after that row whatever was added meanwhile
(never an offset that shifts). Going backwards (`last`/`before`) runs the same query in the
opposite order and reverses the rows.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import math
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import strawberry
from strawberry import relay

from graph_api.graphql.errors import ClientError

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500

T = TypeVar("T")


@strawberry.type(description="One item of a list, with the cursor that points at it.")
class Edge(Generic[T]):
    node: T
    cursor: str


@strawberry.type(description="A page of a list, with cursors to page on and the list's total size.")
class Connection(Generic[T]):
    """Loads its page only when edges, nodes or pageInfo are asked for, its size only for totalCount."""

    _request: strawberry.Private[PageRequest]
    _rows: strawberry.Private[Callable[[], Awaitable[Sequence[dict]]]]
    _build: strawberry.Private[Callable[[dict], T]]
    _count: strawberry.Private[Callable[[], Awaitable[int]]]
    _page: strawberry.Private[asyncio.Future | None] = None

    async def _loaded(self) -> tuple[list[Edge[T]], relay.PageInfo]:
        if self._page is None:
            self._page = asyncio.ensure_future(self._load())
        return await self._page

    async def _load(self) -> tuple[list[Edge[T]], relay.PageInfo]:
        return self._request.page(await self._rows(), self._build)

    @strawberry.field(description="The items of this page, each with its cursor.")
    async def edges(self) -> list[Edge[T]]:
        return (await self._loaded())[0]

    @strawberry.field(description="The items of this page, without their cursors.")
    async def nodes(self) -> list[T]:
        return [edge.node for edge in (await self._loaded())[0]]

    @strawberry.field(description="Where this page is in the list, and the cursors to page on.")
    async def page_info(self) -> relay.PageInfo:
        return (await self._loaded())[1]

    @strawberry.field(description="How many items the whole list has under the given filter.")
    async def total_count(self) -> int:
        return await self._count()


_INT64 = 2**63


def _sort_key(key: Any) -> bool:
    """Whether a cursor's key is a value the engines compare: text, or a finite 64-bit number."""
    if isinstance(key, bool):
        return False
    if isinstance(key, int):
        return -_INT64 <= key < _INT64
    if isinstance(key, float):
        return math.isfinite(key)
    return isinstance(key, str)


@dataclass(frozen=True)
class Cursor:
    ordering: str
    key: Any
    id: str

    def encode(self) -> str:
        raw = json.dumps([self.ordering, self.key, self.id], separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str, ordering: str, argument: str) -> Cursor:
        try:
            padded = text + "=" * (-len(text) % 4)
            ordering_, key, id_ = json.loads(base64.urlsafe_b64decode(padded.encode()))
            valid = isinstance(ordering_, str) and isinstance(id_, str) and _sort_key(key)
        except (ValueError, TypeError, RecursionError, binascii.Error):
            valid = False
        if not valid:
            raise ClientError(
                "INVALID_CURSOR", f"{argument} is not a cursor this API gave out", argument=argument
            )
        if ordering_ != ordering:
            raise ClientError(
                "INVALID_CURSOR",
                f"{argument} belongs to another ordering ({ordering_}) than this request's ({ordering})",
                argument=argument,
            )
        return cls(ordering, key, id_)


@dataclass(frozen=True)
class PageRequest:
    """What page of a list is asked for, validated; hashable so loaders can group by it."""

    size: int
    backwards: bool
    cursor: Cursor | None
    ordering: str  # field and direction, e.g. NAAM:ASC
    descending: bool

    @classmethod
    def of(
        cls,
        first: int | None,
        after: str | None,
        last: int | None,
        before: str | None,
        *,
        field: str = "NAAM",
        descending: bool = False,
    ) -> PageRequest:
        if first is not None and last is not None:
            raise ClientError("INVALID_PAGINATION", "ask for first or last, not both")
        if (first is not None and before is not None) or (last is not None and after is not None):
            raise ClientError("INVALID_PAGINATION", "use first with after, or last with before")
        if after is not None and before is not None:
            raise ClientError("INVALID_PAGINATION", "use after or before, not both")
        backwards = last is not None or before is not None
        argument = "last" if backwards else "first"
        size = last if backwards else first
        size = DEFAULT_PAGE_SIZE if size is None else size
        if size < 0:
            raise ClientError("INVALID_PAGE_SIZE", f"{argument} must not be negative", argument=argument)
        if size > MAX_PAGE_SIZE:
            raise ClientError(
                "PAGE_SIZE_TOO_LARGE",
                f"{argument} may be at most {MAX_PAGE_SIZE}; page on with the cursors instead",
                argument=argument,
            )
        ordering = f"{field}:{'DESC' if descending else 'ASC'}"
        text, name = (before, "before") if backwards else (after, "after")
        cursor = Cursor.decode(text, ordering, name) if text is not None else None
        return cls(size, backwards, cursor, ordering, descending)

    def params(self) -> dict[str, Any]:
        """Parameters for a list query: direction, where to start and how many rows."""
        return {
            "aflopend": self.descending != self.backwards,
            "na": {"k": self.cursor.key, "id": self.cursor.id} if self.cursor else None,
            "limit": self.size + 1,  # one more tells whether another page follows
        }

    def connection(
        self,
        rows: Callable[[], Awaitable[Sequence[dict]]],
        build: Callable[[dict], T],
        count: Callable[[], Awaitable[int]],
    ) -> Connection[T]:
        return Connection(_request=self, _rows=rows, _build=build, _count=count)

    def page(self, rows: Sequence[dict], build: Callable[[dict], T]) -> tuple[list[Edge[T]], relay.PageInfo]:
        has_more = len(rows) > self.size
        rows = list(rows[: self.size])
        if self.backwards:
            rows.reverse()
        edges = [
            Edge(node=build(row["item"]), cursor=Cursor(self.ordering, row["k"], row["item"]["id"]).encode())
            for row in rows
        ]
        page_info = relay.PageInfo(
            has_next_page=has_more if not self.backwards else self.cursor is not None,
            has_previous_page=has_more if self.backwards else self.cursor is not None,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        )
        return edges, page_info


def text_filter(value: str | None) -> str | None:
    """Text filters match case-insensitively anywhere in the name."""
    if value is None:
        return None
    value = value.strip().lower()
    return value or None
