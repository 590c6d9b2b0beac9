"""The store interface on the embedded engine: plain rows, parameters, mapped failures."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from graph_api.model import describe
from graph_api.settings import Settings
from graph_api.store import (
    ConstraintViolation,
    QueryCatalog,
    QueryFailed,
    QueryTimeout,
    RawGraphValue,
    Store,
    UnknownQuery,
    open_store,
)


@pytest.fixture
def extra_queries(tmp_path: Path) -> QueryCatalog:
    """Queries that exist only to provoke failures; the product's own live in cypher/."""
    texts = {
        "slow": "UNWIND range(1, 200000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n",
        "node": "MATCH (n:Community) RETURN n LIMIT 1",
        "echo": "RETURN $value AS value",
        "create": "CREATE (c:Organisatie:Community) SET c = $row RETURN c.id AS id",
        "broken": "MATCH (n:Community RETURN n",
    }
    for name, text in texts.items():
        (tmp_path / f"{name}.cypher").write_text(text)
    return QueryCatalog.load(tmp_path)


@pytest.fixture
async def probe(settings: Settings, engine, extra_queries: QueryCatalog) -> Store:
    store = open_store(replace(settings, graph_name="probe", query_timeout_ms=200), extra_queries)
    await store.drop_all()
    await store.install_schema(describe())
    yield store
    await store.drop_all()
    await store.close()


@pytest.mark.parametrize(
    "value",
    [
        "quote \" and ' and \\ backslash",
        "CYPHER x=1 RETURN 1 //",
        "}{ ] [ `tick`",
        "é ü ß 🙂",
        "",
        42,
        1.5,
        True,
        None,
    ],
)
async def test_parameters_reach_the_engine_unchanged(probe: Store, value) -> None:
    rows = await probe.read("echo", {"value": value})
    assert rows == [{"value": value}]


async def test_nested_parameters_come_back_as_plain_python(probe: Store) -> None:
    value = {"naam": "x", "lijst": [1, "twee", {"drie": [3]}]}
    rows = await probe.read("echo", {"value": value})
    assert rows == [{"value": value}]
    assert isinstance(rows[0]["value"], dict) and isinstance(rows[0]["value"]["lijst"], list)


async def test_a_query_over_its_time_limit_is_stopped(probe: Store) -> None:
    with pytest.raises(QueryTimeout, match="slow"):
        await probe.read("slow")


async def test_a_unique_violation_is_its_own_error_and_writes_nothing(probe: Store) -> None:
    await probe.write("create", {"row": {"id": "c1", "naam": "Een", "status": "ACTIEF"}})
    with pytest.raises(ConstraintViolation):
        await probe.write("create", {"row": {"id": "c1", "naam": "Twee", "status": "ACTIEF"}})
    assert await probe.read("echo", {"value": 1}) == [{"value": 1}]


async def test_returning_a_node_instead_of_a_map_is_refused(probe: Store) -> None:
    await probe.write("create", {"row": {"id": "c2", "naam": "Een", "status": "ACTIEF"}})
    with pytest.raises(RawGraphValue, match="map projection"):
        await probe.read("node")


async def test_reads_cannot_write(probe: Store) -> None:
    with pytest.raises(QueryFailed):
        await probe.read("create", {"row": {"id": "c3", "naam": "x", "status": "ACTIEF"}})


async def test_a_broken_query_names_itself(probe: Store) -> None:
    with pytest.raises(QueryFailed, match="query broken failed"):
        await probe.read("broken")


async def test_unknown_query_names_are_refused(probe: Store) -> None:
    with pytest.raises(UnknownQuery, match="no query named 'nope'"):
        await probe.read("nope")


async def test_health_reports_the_engine(store: Store) -> None:
    health = await store.health()
    assert health.engine == "falkordb" and health.ok


def test_an_override_without_text_for_every_engine_is_refused(tmp_path: Path) -> None:
    (tmp_path / "alleen.falkordb.cypher").write_text("RETURN 1")
    with pytest.raises(ValueError, match="alleen"):
        QueryCatalog.load(tmp_path)


def test_overrides_win_for_their_engine_only(tmp_path: Path) -> None:
    (tmp_path / "q.cypher").write_text("RETURN 'portable' AS t")
    (tmp_path / "q.neo4j.cypher").write_text("RETURN 'neo4j' AS t")
    catalog = QueryCatalog.load(tmp_path)
    assert catalog.text("q", "neo4j") == "RETURN 'neo4j' AS t"
    assert catalog.text("q", "falkordb") == "RETURN 'portable' AS t"
