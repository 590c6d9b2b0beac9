"""Client errors: a clear message and a machine-readable code in `extensions.code`.

Anything else a resolver raises is masked (see schema.py): the client learns that something
failed and its code, never internals.
"""

from __future__ import annotations

from graphql import GraphQLError

from graph_api.store import StoreError


class ClientError(GraphQLError):
    """A request the API refuses for a reason the client can fix."""

    def __init__(self, code: str, message: str, *, argument: str | None = None):
        extensions = {"code": code}
        if argument is not None:
            extensions["argument"] = argument
        super().__init__(message, extensions=extensions)


def store_error(exc: StoreError) -> GraphQLError:
    """The store's failures that a client may see: the engine is away or too slow."""
    messages = {
        "ENGINE_UNAVAILABLE": "the graph engine does not answer; try again shortly",
        "QUERY_TIMEOUT": "the query took longer than its time limit; ask for less",
        "ENGINE_BUDGET_EXHAUSTED": "the request used up its engine time; ask for less in one request",
    }
    message = messages.get(exc.code, "the request could not be completed")
    code = exc.code if exc.code in messages else "INTERNAL_SERVER_ERROR"
    return GraphQLError(message, extensions={"code": code})
