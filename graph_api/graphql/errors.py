"""graph_api's errors as a GraphQL answer carries them: a message and `extensions.code`.

This is the one place that decides what a client learns of an error (graph_api/errors.py has
the codes). Resolvers raise `ClientError` and the store's errors as they are; the endpoint
formats each error of an answer, and each request refused before it ran, through `answer`.
"""

from __future__ import annotations

from typing import Any

from graph_api.errors import ClientError, GraphApiError, kind_of

__all__ = ["ClientError", "answer", "is_internal"]


def is_internal(exc: GraphApiError) -> bool:
    """Whether the error is graph_api's own defect: its details stay in the server's log."""
    return kind_of(type(exc)) is None


def answer(exc: GraphApiError) -> dict[str, Any]:
    """The error's `message` and `extensions` in an answer; internal ones masked."""
    if is_internal(exc):
        return {"message": exc.client_message, "extensions": {"code": "INTERNAL_SERVER_ERROR"}}
    extensions: dict[str, Any] = {"code": exc.code}
    if exc.argument is not None:
        extensions["argument"] = exc.argument
    extensions.update(exc.details)
    return {"message": exc.client_message, "extensions": extensions}
