"""Graphs for the store tests, on each engine (tests/conftest.py, BOTH_ENGINES).

On the embedded engine a test gets a graph of its own, emptied before and after. Neo4j
Community holds one graph, the session's seeded landscape: there the same tests run on it, and
write only what they remove again (nodes whose id starts with `probe-`) or what the seed run
writes anyway.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest

from graph_api.model import describe
from graph_api.seed.loader import seed_graph
from graph_api.store import QueryCatalog, Store, open_store
from tests.backends import Backend
from tests.conftest import CYPHER, SEEDS

CATALOG = QueryCatalog.load(CYPHER)

# Queries that exist only to provoke failures; the product's own live in cypher/.
PROBE_QUERIES = {
    "slow": "UNWIND range(1, 200000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n",
    "node": "MATCH (n:Community) RETURN n LIMIT 1",
    "echo": "RETURN $value AS value",
    "create": "CREATE (c:Organisatie:Community) SET c = $row RETURN c.id AS id",
    "broken": "MATCH (n:Community RETURN n",
    "vind": "MATCH (c:Community {id: $id}) RETURN c.naam AS naam",
    "hernoem": "MATCH (c:Community {id: $id}) SET c.naam = $naam RETURN c.id AS id",
    "opruimen": "MATCH (c:Community) WHERE c.id STARTS WITH 'probe-' DETACH DELETE c",
}


@pytest.fixture(scope="module")
async def small_graph(backend: Backend) -> AsyncIterator[Store]:
    """A seeded graph for the queries' example parameters: on the embedded engine a small one
    of its own (two landscapes, all reference data); on Neo4j the session's."""
    if backend.engine is None:
        yield backend.store
        return
    store = open_store(replace(backend.settings, graph_name="querytest"), CATALOG)
    await store.drop_all()
    await seed_graph(store, SEEDS, seed=7, landscapes=frozenset({"GM0014", "GM0363"}))
    yield store
    await store.drop_all()
    await store.close()


@pytest.fixture
def extra_queries(tmp_path: Path) -> QueryCatalog:
    for name, text in PROBE_QUERIES.items():
        (tmp_path / f"{name}.cypher").write_text(text)
    return QueryCatalog.load(tmp_path)


@pytest.fixture
async def probe(backend: Backend, extra_queries: QueryCatalog) -> AsyncIterator[Store]:
    """The probe queries with a 200 ms read limit, on a graph with the model's schema."""
    own = backend.engine is not None
    settings = replace(backend.settings, query_timeout_ms=200)
    store = open_store(replace(settings, graph_name="probe") if own else settings, extra_queries)
    if own:
        await store.drop_all()
        await store.install_schema(describe())
    try:
        yield store
    finally:
        await (store.drop_all() if own else store.write("opruimen"))
        await store.close()
