"""Neo4j 5 as the embedded engine's equal: the same graph from `graph-api seed`, the model's
schema from `graph-api db init`, the test server itself.

The read API, search, analytics, identity, the store interface and every named query run on
Neo4j too (tests/conftest.py, BOTH_ENGINES); these are what only Neo4j has.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from neo4j import AsyncGraphDatabase

from graph_api.model import ddl, describe
from graph_api.seed.loader import Counts, SeedReport
from graph_api.store import QueryCatalog, Store, open_store
from tests.backends import cli_env, external_neo4j
from tests.conftest import run_cli
from tests.graafdump import dump, regels, stand, verschil
from tests.herstel import Herstel
from tests.neo4j import server
from tests.store.conftest import PROBE_QUERIES

pytestmark = pytest.mark.neo4j


def test_seeding_gives_the_same_graph_as_the_embedded_engine(
    neo4j_counts: Counts, seeded: SeedReport
) -> None:
    """`graph-api seed` (scale 1, through the Cypher upserts) against the embedded engine's
    bulk loader: the same nodes per label and relationships per type."""
    labels, relationships = neo4j_counts.labels, neo4j_counts.relationships
    if external_neo4j() is not None:  # a graph kept from an earlier run holds its users too
        labels = {k: v for k, v in labels.items() if k != "Gebruiker"}
        relationships = {k: v for k, v in relationships.items() if k != "LID_VAN"}
    assert labels == seeded.counts.labels
    assert relationships == seeded.counts.relationships


async def test_db_init_installs_the_models_constraints_and_indexes(neo4j_settings, neo4j_counts) -> None:
    result = run_cli("db", "init", env=cli_env(neo4j_settings))
    assert result.returncode == 0, result.stderr
    assert "schema installed on neo4j" in result.stdout
    # Neo4j's own catalog, read past the store: SHOW is no query graph_api runs.
    from neo4j import AsyncGraphDatabase

    neo4j = neo4j_settings.neo4j
    async with AsyncGraphDatabase.driver(neo4j.uri, auth=(neo4j.user, neo4j.password)) as driver:
        records, _, _ = await driver.execute_query("SHOW CONSTRAINTS YIELD name", database_=neo4j.database)
        constraints = {r["name"] for r in records}
        records, _, _ = await driver.execute_query("SHOW INDEXES YIELD name, state", database_=neo4j.database)
        indexes = {r["name"]: r["state"] for r in records}
    model = describe()
    wanted = {s.split()[2] for s in ddl.neo4j_statements(model) if s.startswith("CREATE CONSTRAINT")}
    assert wanted <= constraints
    fulltext = {ddl.fulltext_index_name(label) for label in ddl.searchable_labels(model)}
    assert fulltext <= set(indexes) and all(indexes[name] == "ONLINE" for name in fulltext)
    again = run_cli("db", "init", env=cli_env(neo4j_settings))
    assert again.returncode == 0, again.stderr


async def test_the_seeded_graph_is_in_neo4j(neo4j_store: Store, seeded: SeedReport) -> None:
    health = await neo4j_store.health()
    assert health.engine == "neo4j" and health.ok
    assert (await neo4j_store.read("seed/dataset_lezen"))[0]["seed"] == seeded.seed


@pytest.mark.skipif(external_neo4j() is not None, reason="NEO4J_URI names a server of its own")
async def test_the_test_server_is_neo4j_5_26_community(neo4j_settings) -> None:
    from neo4j import AsyncGraphDatabase

    neo4j = neo4j_settings.neo4j
    async with AsyncGraphDatabase.driver(neo4j.uri, auth=(neo4j.user, neo4j.password)) as driver:
        records, _, _ = await driver.execute_query("CALL dbms.components() YIELD name, versions, edition")
    assert [(r["name"], r["versions"][0][:5], r["edition"]) for r in records] == [
        ("Neo4j Kernel", "5.26.", "community")
    ]


def test_without_java_the_neo4j_tests_say_why(tmp_path: Path) -> None:
    """On a machine without Java the server reports Unavailable, which the fixtures skip with."""
    (tmp_path / "bin").mkdir()
    code = "from tests.neo4j.server import Unavailable, java\ntry:\n    java()\nexcept Unavailable as e:\n    print(e)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={"JAVA_HOME": str(tmp_path), "PATH": "/nonexistent"},
        capture_output=True,
        text=True,
        cwd=server.LAUNCHER.parents[2],
    )
    assert result.stdout.strip() == "no Java on this machine (Neo4j 5 needs Java 17 or 21)", result.stderr


async def test_a_unit_carries_the_bookmarks_of_its_writes_into_its_reads(neo4j_settings, tmp_path) -> None:
    """Through the routing driver, as a cluster is reached: a unit's sessions share a bookmark
    manager of its own, so a secondary serves its reads only once it has the unit's writes."""
    if external_neo4j() is None:
        assert neo4j_settings.neo4j.uri.startswith("neo4j://")
    for name, text in PROBE_QUERIES.items():
        (tmp_path / f"{name}.cypher").write_text(text)
    store = open_store(neo4j_settings, QueryCatalog.load(tmp_path))
    try:
        unit = store.unit()
        assert not await unit.bookmarks.get_bookmarks()
        assert await unit.read("vind", {"id": "probe-b1"}) == []
        before = set(await unit.bookmarks.get_bookmarks())
        await unit.write("create", {"row": {"id": "probe-b1", "naam": "Geboekt", "status": "ACTIEF"}})
        written = set(await unit.bookmarks.get_bookmarks())
        assert written and written != before
        assert await unit.read("vind", {"id": "probe-b1"}) == [{"naam": "Geboekt"}]
        assert not await store.unit().bookmarks.get_bookmarks()
    finally:
        await store.write("opruimen")
        await store.close()


async def test_a_graph_of_a_tests_own_is_put_back_exactly(neo4j_own_graph) -> None:
    """tests/herstel.py puts back only the nodes the test server says were touched, and
    tests/graafdump.py compares only those: after writes of every kind, `verschil` names as many
    changes as a comparison of the whole graph, and once put back the whole graph is as it was."""
    store = neo4j_own_graph.store
    before = await dump(store)
    voor = await stand(store)
    neo4j = store.settings
    async with (
        AsyncGraphDatabase.driver(neo4j.uri, auth=(neo4j.user, neo4j.password)) as driver,
        driver.session(database=neo4j.database) as session,
    ):
        gemeente = await (await session.run("MATCH (g:Gemeente {id: 'GM0014'}) RETURN keys(g) AS k")).single()
        weg = next(key for key in sorted(gemeente["k"]) if key not in ("id", "naam"))
        assert re.fullmatch(r"[A-Za-z]+", weg)
        for statement in (
            f"MATCH (g:Gemeente {{id: 'GM0014'}}) SET g.naam = 'Gewijzigd', g.nieuw = 1, g:Extra REMOVE g.{weg}",
            "MATCH (:Gemeente {id: 'GM0014'})-[r]->() WITH r ORDER BY elementId(r) LIMIT 1 DELETE r",
            "MATCH (a:Applicatie) WITH a ORDER BY a.id LIMIT 1 DETACH DELETE a",
            "MATCH (g:Gemeente {id: 'GM0014'}) CREATE (g)-[:TEST_REL {x: 1}]->(:Community {id: 'herstel-test'})",
            "MATCH (:Leverancier)-[r]-() WITH r ORDER BY elementId(r) LIMIT 1 SET r.extra = 1",
        ):
            await session.run(statement)

    lines = await verschil(store, voor)
    whole = regels(before, await dump(store))
    assert len(lines) == len(whole) >= 6, (lines, whole)
    assert any('"Gewijzigd"' in line for line in lines) and any("herstel-test" in line for line in lines)

    herstel = Herstel.van(neo4j)
    assert herstel is not None
    assert await herstel.herstel() > 0
    assert await dump(store) == before
