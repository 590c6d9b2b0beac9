"""A graph of a test's own (`own_graph`, tests/conftest.py): what a test writes there stays there.

The tests here run in file order: the second finds nothing of what the first wrote.
"""

from __future__ import annotations

from graph_api.seed.loader import counts
from graph_api.toegang import BEHEER
from tests.backends import Backend
from tests.graafdump import stand, verschil

COMMUNITY = {"id": "own-graph-community", "naam": "Community van een eigen graaf", "status": "ACTIEF"}


async def test_a_write_in_its_own_graph_leaves_the_shared_graph_as_it_was(
    backend: Backend, own_graph: Backend
) -> None:
    assert await counts(own_graph.store) == own_graph.counts
    # Small: one landscape's Gebruik against the shared graph's 342.
    assert 0 < own_graph.counts.labels["Gebruik"] < backend.counts.labels["Gebruik"] / 100
    # As it is now: tests before this one may have added to it (dev tokens' Gebruikers, say).
    shared = await counts(backend.store)

    await own_graph.store.write("seed/communities", {"rows": [COMMUNITY]})
    await own_graph.store.write("seed/gemeenten", {"rows": [await _gemeente(own_graph, naam="Gewijzigd")]})

    own = await counts(own_graph.store)
    assert own.labels["Community"] == own_graph.counts.labels["Community"] + 1
    assert (await _gemeente(own_graph))["naam"] == "Gewijzigd"
    assert await counts(backend.store) == shared
    assert await backend.store.read("organisatie/per_id", {"ids": [COMMUNITY["id"]], **BEHEER.params()}) == []
    assert (await _gemeente(backend))["naam"] == "Groningen"


async def test_the_next_test_gets_a_graph_as_seeded(own_graph: Backend) -> None:
    assert await counts(own_graph.store) == own_graph.counts
    assert await own_graph.store.read("organisatie/per_id", {"ids": [COMMUNITY["id"]], **BEHEER.params()}) == []
    assert (await _gemeente(own_graph))["naam"] == "Groningen"


async def _gemeente(backend: Backend, **changes: str) -> dict:
    """GM0014's properties as seeded (its kind left out), with `changes`."""
    [row] = await backend.store.read("organisatie/per_id", {"ids": ["GM0014"], **BEHEER.params()})
    return {key: value for key, value in row["item"].items() if key != "label"} | changes


async def test_the_check_that_nothing_changed_sees_every_change(own_graph: Backend) -> None:
    """tests/graafdump.py: a `verschil` after a write names what it changed, and only that."""
    store = own_graph.store
    voor = await stand(store)
    assert await verschil(store, voor) == []

    seeded = await _gemeente(own_graph)
    await store.write("seed/gemeenten", {"rows": [seeded | {"naam": "Gewijzigd"}]})
    await store.write("seed/communities", {"rows": [COMMUNITY]})
    lines = await verschil(store, voor)
    assert [line[:6] for line in lines] == ["- node", "+ node", "+ node"], lines
    assert '"Groningen"' in lines[0] and '"Gewijzigd"' in " ".join(lines[1:])
    assert any(COMMUNITY["id"] in line for line in lines)

    # The name put back: the engine's mark has moved, but only the community differs.
    await store.write("seed/gemeenten", {"rows": [seeded]})
    [line] = await verschil(store, voor)
    assert line.startswith("+ node") and COMMUNITY["id"] in line
