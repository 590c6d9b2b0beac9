"""The whole graph as sorted text, to prove that a refused or invalid write changed nothing.

`dump` reads every node and relationship. Each side is read as one collected row: the Neo4j
driver builds a Python object per record, and 60,000 relationship records took 7 s where one row
of 60,000 lists takes under 2 s.

Most tests take a `stand` before a write and ask for the `verschil` after it, and most of the
time nothing changed. Reading the whole graph (about 3 s for a test's own graph) is then avoided
twice over. After the write, an engine mark that cannot stay the same when the graph changes
says whether anything may have: on the embedded engine the graph's serialization (Redis DUMP
of its key, a tenth of a second), on the Neo4j test server the number of transactions that
changed its graph (counted by tests/neo4j/launcher). Only when the mark moved, or an engine
gives none (a Neo4j of NEO4J_URI), is the graph read again and compared, so the answer is
always the exact difference. Before the write, the embedded engine keeps a copy of the graph
(GRAPH.COPY, in the engine, removed with the stand); when the mark moved, both are compared first
as the engine sends them (`_weergave`, several times faster), and read as values only when those
differ, for the exact lines. Neo4j
Community cannot copy a graph: on the server of the tests' own graphs, which names the nodes
each transaction touched and whose seeded graph tests/herstel.py knows, a stand reads only the
nodes touched since the graph was last put back (with their relationships), and the difference
only those touched by then; anything else is as seeded on both sides. Elsewhere on Neo4j the
stand reads the graph whole.
"""

from __future__ import annotations

import itertools
import weakref
from dataclasses import dataclass, field

from graph_api.store import Store
from graph_api.store.falkordb import FalkorStore
from graph_api.store.neo4j import Neo4jStore
from tests.backends import copy_graph, engine_client, engine_client_sync
from tests.herstel import Aangeraakt, Herstel, Inhoud, tekst
from tests.neo4j.server import commits

# As long as a write may take: a loaded machine reads a whole graph slowly.
_LANG_MS = 120_000


async def dump(store: Store) -> Inhoud:
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
    return (
        sorted(tekst([sorted(labels), props]) for labels, props in nodes["nodes"]),
        sorted(map(tekst, rels["rels"])),
    )


_KOPIEEN = itertools.count(1)


@dataclass(frozen=True)
class Stand:
    """A graph at one moment: the engine's mark of it, and its content or a copy to read it from."""

    merk: bytes | int | None
    inhoud: Inhoud | None = None
    kopie: str | None = field(default=None, compare=False)  # the copy's graph name
    aangeraakt: Aangeraakt | None = field(default=None, compare=False)


async def stand(store: Store) -> Stand:
    merk = await _merk(store)
    if isinstance(store, Neo4jStore) and (herstel := Herstel.van(store.settings)) is not None:
        return Stand(merk, aangeraakt=await herstel.aangeraakt())
    if not isinstance(store, FalkorStore):
        return Stand(merk, inhoud=await dump(store))
    name = f"{store.graph_name}__stand_{next(_KOPIEEN)}"
    client = engine_client(store.url)
    try:
        await copy_graph(client, store.graph_name, name)
    finally:
        await client.aclose()
    gemaakt = Stand(merk, kopie=name)
    weakref.finalize(gemaakt, _weg, store.url, name)
    return gemaakt


def _weg(url: str, name: str) -> None:
    # A finalizer runs outside any event loop: the synchronous client.
    client = engine_client_sync(url)
    try:
        client.delete(name)
    finally:
        client.close()


async def verschil(store: Store, voor: Stand) -> list[str]:
    """What differs from `voor`: '-' lines for what went, '+' lines for what came; [] if nothing."""
    if voor.merk is not None and await _merk(store) == voor.merk:
        return []
    if voor.aangeraakt is not None:
        herstel = Herstel.van(store.settings)
        assert herstel is not None
        return regels(*await herstel.sinds(voor.aangeraakt))
    oud_alles = voor.inhoud
    if oud_alles is None:
        assert isinstance(store, FalkorStore) and voor.kopie is not None
        if await _weergave(store.url, voor.kopie) == await _weergave(store.url, store.graph_name):
            return []
        kopie = FalkorStore(
            store.queries,
            store.socket_path or store.url,
            voor.kopie,
            read_timeout_ms=store.read_timeout_ms,
            write_timeout_ms=store.write_timeout_ms,
            max_connections=2,
        )
        try:
            oud_alles = await dump(kopie)
        finally:
            await kopie.close()
    return regels(oud_alles, await dump(store))


def regels(oud_alles: Inhoud, na: Inhoud) -> list[str]:
    """What differs between two contents: '-' lines for what went, '+' lines for what came."""
    lines: list[str] = []
    for soort, oud, nieuw in (("node", oud_alles[0], na[0]), ("relationship", oud_alles[1], na[1])):
        lines += [f"- {soort} {x}" for x in sorted(set(oud) - set(nieuw))]
        lines += [f"+ {soort} {x}" for x in sorted(set(nieuw) - set(oud))]
        if not lines and oud != nieuw:  # the same items, another number of them
            lines.append(f"{soort}s: {len(oud)} before, {len(nieuw)} now")
    return lines


# Every node and relationship in FalkorDB's compact replies (typed values, parsed by hiredis in C),
# compared as they come: no Python object per value, as `dump` builds through the client.
_WEERGAVE = (
    "MATCH (n) RETURN labels(n), properties(n)",
    "MATCH (a)-[r]->(b) RETURN a.id, type(r), properties(r), b.id",
)


async def _weergave(url: str, graph: str) -> list[list[str]]:
    """The graph as the engine sends it, row by row, sorted. The serialization (the mark) changes
    with any write, also one that sets a property to the value it had; this tells in a fraction of
    the time of `dump` whether the content did. A node whose properties were set again in another
    order differs here: `dump` then says whether it really does."""
    client = engine_client(url)
    try:
        replies = [
            await client.execute_command("GRAPH.RO_QUERY", graph, query, "--compact", "TIMEOUT", _LANG_MS)
            for query in _WEERGAVE
        ]
    finally:
        await client.aclose()
    return [sorted(map(repr, reply[1])) for reply in replies]


async def _merk(store: Store) -> bytes | int | None:
    if isinstance(store, FalkorStore):
        client = engine_client(store.url)
        try:
            serialized = await client.dump(store.graph_name)
        finally:
            await client.aclose()
        assert serialized is not None, f"no graph {store.graph_name}"
        return serialized
    assert isinstance(store, Neo4jStore), store
    return commits(store.settings.uri)
