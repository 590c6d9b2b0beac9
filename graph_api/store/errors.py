"""Store failures, the same for every engine; defined with every other error in graph_api/errors.py."""

from graph_api.errors import (
    ConstraintViolation,
    EngineBudgetExhausted,
    EngineUnavailable,
    QueryFailed,
    QueryTimeout,
    RawGraphValue,
    SchemaInstallFailed,
    StoreError,
    UnknownQuery,
)

__all__ = [
    "ConstraintViolation",
    "EngineBudgetExhausted",
    "EngineUnavailable",
    "QueryFailed",
    "QueryTimeout",
    "RawGraphValue",
    "SchemaInstallFailed",
    "StoreError",
    "UnknownQuery",
]
