"""The whole graph as sorted text, to prove that a refused or invalid write changed nothing.

Each side is read as one collected row: the Neo4j driver builds a Python object per record, and
60,000 relationship records took 7 s where one row of 60,000 lists takes under 2 s.
"""

from __future__ import annotations

import json

from graph_api.store import Store

# As long as a write may take: a loaded machine reads a whole graph slowly.
_LANG_MS = 120_000


async def dump(store: Store) -> tuple[list[str], list[str]]:
    """Every node (labels, properties) and relationship (type, properties, ends' ids), sorted."""
    [nodes] = await store.read_text(
        "test/dump_nodes",
        "MATCH (n) RETURN collect([labels(n), properties(n)]) AS nodes",
        timeout_ms=_LANG_MS,
    )
    [rels] = await store.read_text(
        "test/dump_rels",
        "MATCH (a)-[r]->(b) RETURN collect([a.id, type(r), properties(r), b.id]) AS rels",
        timeout_ms=_LANG_MS,
    )
    tekst = lambda value: json.dumps(value, sort_keys=True, default=str)  # noqa: E731
    return (
        sorted(tekst([sorted(labels), props]) for labels, props in nodes["nodes"]),
        sorted(map(tekst, rels["rels"])),
    )
