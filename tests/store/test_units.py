"""A unit of work (a request) reads its own writes, on each engine (tests/conftest.py).

Where reads go to replicas, a unit closes the gap for its own writes: Neo4j's bookmarks, the
embedded engine's primary once the unit has written. tests/store/test_replicas.py shows the
FalkorDB side with a real replica; tests/neo4j the bookmarks.
"""

from __future__ import annotations

import pytest

from graph_api.store import ConstraintViolation, Store


async def test_a_unit_reads_what_it_wrote(probe: Store) -> None:
    unit = probe.unit()
    assert await unit.read("echo", {"value": 1}) == [{"value": 1}]
    await unit.write("create", {"row": {"id": "probe-u1", "naam": "Eerst", "status": "ACTIEF"}})
    assert await unit.read("vind", {"id": "probe-u1"}) == [{"naam": "Eerst"}]
    await unit.write("hernoem", {"id": "probe-u1", "naam": "Daarna"})
    assert await unit.read("vind", {"id": "probe-u1"}) == [{"naam": "Daarna"}]
    assert await probe.unit().read("vind", {"id": "probe-u1"}) == [{"naam": "Daarna"}]


async def test_a_failed_write_still_counts_as_written(probe: Store) -> None:
    """A write whose answer is an error may have happened: the unit reads as after a write."""
    unit = probe.unit()
    row = {"id": "probe-u2", "naam": "Een", "status": "ACTIEF"}
    await probe.write("create", {"row": row})
    with pytest.raises(ConstraintViolation):
        await unit.write("create", {"row": row})
    assert unit.wrote
    assert await unit.read("vind", {"id": "probe-u2"}) == [{"naam": "Een"}]
