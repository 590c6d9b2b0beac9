"""The store interface on each engine: plain rows, parameters, mapped failures."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_api.store import (
    ConstraintViolation,
    QueryCatalog,
    QueryFailed,
    QueryTimeout,
    RawGraphValue,
    Store,
    UnknownQuery,
)
from tests.backends import Backend


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
    await probe.write("create", {"row": {"id": "probe-c1", "naam": "Een", "status": "ACTIEF"}})
    with pytest.raises(ConstraintViolation) as raised:
        await probe.write("create", {"row": {"id": "probe-c1", "naam": "Twee", "status": "ACTIEF"}})
    assert (raised.value.code, raised.value.status) == ("CONSTRAINT_VIOLATION", 409)
    assert await probe.read("echo", {"value": 1}) == [{"value": 1}]


async def test_returning_a_node_instead_of_a_map_is_refused(probe: Store) -> None:
    await probe.write("create", {"row": {"id": "probe-c2", "naam": "Een", "status": "ACTIEF"}})
    with pytest.raises(RawGraphValue, match="map projection"):
        await probe.read("node")


async def test_reads_cannot_write(probe: Store) -> None:
    with pytest.raises(QueryFailed):
        await probe.read("create", {"row": {"id": "probe-c3", "naam": "x", "status": "ACTIEF"}})


async def test_a_broken_query_names_itself(probe: Store) -> None:
    with pytest.raises(QueryFailed, match="query broken failed"):
        await probe.read("broken")


async def test_unknown_query_names_are_refused(probe: Store) -> None:
    with pytest.raises(UnknownQuery, match="no query named 'nope'"):
        await probe.read("nope")


async def test_health_reports_the_engine(backend: Backend) -> None:
    health = await backend.store.health()
    assert health.engine == backend.name and health.ok


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
