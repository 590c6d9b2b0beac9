"""The store: named queries against FalkorDB (embedded) or Neo4j, behind one interface."""

from __future__ import annotations

from graph_api.settings import Settings
from graph_api.store.base import Health, Params, Row, Store, Unit
from graph_api.store.errors import (
    ConstraintViolation,
    EngineUnavailable,
    QueryFailed,
    QueryTimeout,
    RawGraphValue,
    StoreError,
    UnknownQuery,
)
from graph_api.store.queries import QueryCatalog

__all__ = [
    "ConstraintViolation",
    "EngineUnavailable",
    "Health",
    "Params",
    "QueryCatalog",
    "QueryFailed",
    "QueryTimeout",
    "RawGraphValue",
    "Row",
    "Store",
    "StoreError",
    "Unit",
    "UnknownQuery",
    "open_store",
]


def open_store(settings: Settings, queries: QueryCatalog | None = None) -> Store:
    """The store for the configured engine; the embedded engine must already be running."""
    queries = queries or QueryCatalog.load(settings.cypher_dir)
    if settings.neo4j is not None:
        from graph_api.store.neo4j import Neo4jStore

        return Neo4jStore(
            queries,
            settings.neo4j,
            read_timeout_ms=settings.query_timeout_ms,
            write_timeout_ms=settings.write_timeout_ms,
        )
    from graph_api.engine.embedded import SOCKET_NAME
    from graph_api.store.falkordb import FalkorStore

    return FalkorStore(
        queries,
        settings.falkordb_url or (settings.data_dir / SOCKET_NAME).absolute(),
        settings.graph_name,
        read_timeout_ms=settings.query_timeout_ms,
        write_timeout_ms=settings.write_timeout_ms,
        replicas=settings.read_replicas,
    )
