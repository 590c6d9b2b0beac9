"""The same store, schema and queries against a real Neo4j 5 (set NEO4J_URI to run these).

Start one with `docker compose up neo4j` and run
`NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=... make test`.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace

import pytest

from graph_api.model import ddl, describe
from graph_api.seed.loader import counts, seed_graph
from graph_api.settings import Settings
from graph_api.store import ConstraintViolation, QueryCatalog, QueryTimeout, open_store
from tests.conftest import CYPHER, SEEDS

pytestmark = [
    pytest.mark.neo4j,
    pytest.mark.skipif(
        not os.environ.get("NEO4J_URI"), reason="NEO4J_URI is not set: no Neo4j server to test against"
    ),
]

CATALOG = QueryCatalog.load(CYPHER)
WRITES = re.compile(r"\b(CREATE|MERGE|SET|DELETE|REMOVE)\b")


@pytest.fixture(scope="module")
async def neo4j_store():
    store = open_store(Settings.from_env(), CATALOG)
    await store.drop_all()
    report = await seed_graph(store, SEEDS, seed=7, landscapes=frozenset({"GM0014", "GM0363"}))
    yield store, report
    await store.drop_all()
    await store.close()


async def test_schema_is_installed_from_the_model(neo4j_store) -> None:
    store, _ = neo4j_store
    async with store.driver.session(database=store.settings.database) as session:
        names = {r["name"] async for r in await session.run("SHOW CONSTRAINTS YIELD name")}
        indexes = {r["name"] async for r in await session.run("SHOW INDEXES YIELD name")}
    expected = {s.split()[2] for s in ddl.neo4j_statements(describe()) if s.startswith("CREATE CONSTRAINT")}
    assert expected <= names
    assert {ddl.fulltext_index_name(label) for label in ddl.searchable_labels(describe())} <= indexes


async def test_seeding_gives_the_same_graph_as_the_embedded_engine(neo4j_store, settings, engine) -> None:
    store, report = neo4j_store
    embedded = open_store(replace(settings, graph_name="neo4j_parity"), CATALOG)
    try:
        await embedded.drop_all()
        other = await seed_graph(embedded, SEEDS, seed=7, landscapes=frozenset({"GM0014", "GM0363"}))
        assert report.counts == other.counts
        assert await counts(store) == other.counts
    finally:
        await embedded.drop_all()
        await embedded.close()


@pytest.mark.parametrize("name", CATALOG.names())
async def test_query_runs_on_neo4j(neo4j_store, name: str) -> None:
    store, _ = neo4j_store
    file = next(f for f in CATALOG.files() if f.name == name and f.engine in (None, "neo4j"))
    run = store.write if WRITES.search(file.text) else store.read
    rows = await run(name, file.example_params)
    assert all(type(row) is dict for row in rows)


async def test_errors_map_to_the_same_exceptions(neo4j_store, tmp_path) -> None:
    (tmp_path / "slow.cypher").write_text(
        "UNWIND range(1, 100000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n"
    )
    (tmp_path / "create.cypher").write_text("CREATE (c:Organisatie:Community) SET c = $row RETURN c.id AS id")
    store = open_store(Settings.from_env(), QueryCatalog.load(tmp_path))
    try:
        with pytest.raises(QueryTimeout):
            await store.read("slow", timeout_ms=100)
        row = {"id": "neo4j-dup", "naam": "x", "status": "ACTIEF"}
        await store.write("create", {"row": row})
        with pytest.raises(ConstraintViolation):
            await store.write("create", {"row": row})
    finally:
        await store.close()
