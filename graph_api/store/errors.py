"""Store failures, the same for every engine; `code` is what GraphQL errors and the CLI report."""

from __future__ import annotations

from typing import ClassVar


class StoreError(Exception):
    """Base of every store failure; `code` is what GraphQL errors and the CLI report."""

    code: ClassVar[str] = "STORE_ERROR"


class EngineUnavailable(StoreError):
    code = "ENGINE_UNAVAILABLE"


class QueryTimeout(StoreError):
    code = "QUERY_TIMEOUT"


class ConstraintViolation(StoreError):
    code = "CONSTRAINT_VIOLATION"


class QueryFailed(StoreError):
    """The engine rejected the query text itself: a defect in cypher/, never user input."""

    code = "QUERY_FAILED"


class UnknownQuery(StoreError):
    code = "UNKNOWN_QUERY"


class RawGraphValue(QueryFailed):
    """A query returned a node, relationship or path instead of a map projection."""


class SchemaInstallFailed(StoreError):
    code = "SCHEMA_INSTALL_FAILED"
