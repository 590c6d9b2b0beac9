"""The domain layer: what graph_api does, with no GraphQL or HTTP in it.

Each area takes plain inputs, applies the checks and policy of the role matrix, runs named
queries through a `Reader` (a request's store: the asker's visibility is in its parameters) and
returns plain values or raises graph_api's errors. GraphQL resolvers, CLI commands, importers
and exports call it; none of them talks to the store for something it does.
"""

from __future__ import annotations

from typing import Protocol

from graph_api.errors import ClientError
from graph_api.store.base import Params, Row


class Reader(Protocol):
    """What the domain reads through: a request's store, or any store bound to a visibility."""

    async def read(self, name: str, params: Params | None = None) -> list[Row]: ...


def bounded(value: int, argument: str, maximum: int = 100) -> int:
    """A count asked for (how many similar gemeenten, how many results): 1 to `maximum`."""
    if not 1 <= value <= maximum:
        raise ClientError(
            "INVALID_ARGUMENT", f"{argument} must be between 1 and {maximum}", argument=argument
        )
    return value
