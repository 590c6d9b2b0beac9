"""A fresh seed goes through FalkorDB's bulk loader; it must write what the Cypher upserts write."""

from __future__ import annotations

import json
from dataclasses import replace

from graph_api.seed.loader import seed_graph
from graph_api.store import QueryCatalog, Store, open_store
from tests.conftest import SEED, SEEDS
from tests.seed.test_seed import HERE


async def _dump(settings, graph_name: str) -> tuple[list[str], list[str]]:
    probe = open_store(replace(settings, graph_name=graph_name), QueryCatalog.load(HERE / "cypher"))
    try:
        nodes = await probe.read("alles")
        edges = await probe.read("alle_relaties")
    finally:
        await probe.close()
    # The Dataset node records when it was loaded: the two runs differ there by design.
    for row in nodes:
        row["eigenschappen"].pop("geladen", None)
    return (
        sorted(json.dumps({**row, "labels": sorted(row["labels"])}, sort_keys=True) for row in nodes),
        sorted(json.dumps(row, sort_keys=True) for row in edges),
    )


async def test_the_bulk_loader_writes_what_the_upserts_write(settings, scratch_store: Store, queries) -> None:
    other = open_store(replace(settings, graph_name=scratch_store.graph_name + "_upserts"), queries)
    try:
        await other.drop_all()
        by_bulk = await seed_graph(scratch_store, SEEDS, seed=SEED, landscapes=frozenset({"GM0014"}))
        by_upserts = await seed_graph(other, SEEDS, seed=SEED, landscapes=frozenset({"GM0014"}), bulk=False)

        assert by_bulk.counts == by_upserts.counts
        bulk_nodes, bulk_edges = await _dump(settings, scratch_store.graph_name)
        upsert_nodes, upsert_edges = await _dump(settings, other.graph_name)
        assert len(bulk_nodes) > 10_000 and len(bulk_edges) > 10_000
        assert bulk_nodes == upsert_nodes
        assert bulk_edges == upsert_edges
    finally:
        await other.drop_all()
        await other.close()


async def test_seeding_a_bulk_loaded_graph_again_changes_nothing(settings, scratch_store: Store) -> None:
    first = await seed_graph(scratch_store, SEEDS, seed=SEED, landscapes=frozenset({"GM0014"}))
    before = await _dump(settings, scratch_store.graph_name)

    again = await seed_graph(scratch_store, SEEDS, seed=SEED, landscapes=frozenset({"GM0014"}))

    assert again.counts == first.counts
    assert await _dump(settings, scratch_store.graph_name) == before
