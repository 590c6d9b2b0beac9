"""Putting a Neo4j graph of a test's own back as it was seeded, by undoing only what a test touched.

Neo4j Community holds one database per server, so a test's own graph cannot be a copy as on the
embedded engine (GRAPH.COPY). Seeding it again took 8 to 14 s per test; reading the whole graph
and undoing the difference 2 to 3 s. The test server names the nodes each transaction touched
(tests/neo4j/launcher, WORKDIR/touched): a node created, deleted, changed, or at an end of a
relationship that was. Only those are put back: they go with their relationships, and what of
them was seeded comes back with every seeded relationship at them. A node nothing touched is as
seeded, and so is every relationship between two such nodes.

The driver is used directly, not the Store: its rows are plain values (dates as text), and the
restore must write back exactly the values that were read.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from neo4j import AsyncGraphDatabase

from graph_api.settings import Neo4jSettings
from tests.neo4j.server import touched_file

_NODES = "MATCH (n) RETURN collect([elementId(n), labels(n), properties(n)]) AS nodes"
_RELS = "MATCH (a)-[r]->(b) RETURN collect([a.id, type(r), properties(r), b.id]) AS rels"
# Labels and relationship types go into the statements' text: only names the seeded graph has
# (read from it), and only names that are plain words.
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")

_TOUCHED_NODES = (
    "UNWIND $elements AS element MATCH (n) WHERE elementId(n) = element "
    "RETURN collect([element, labels(n), properties(n)]) AS nodes"
)
_TOUCHED_RELS = (
    "UNWIND $elements AS element MATCH (n)-[r]-() WHERE elementId(n) = element WITH DISTINCT r "
    "RETURN collect([startNode(r).id, type(r), properties(r), endNode(r).id]) AS rels"
)

Rel = tuple[str, str, dict[str, Any], str]  # van's id, type, properties, naar's id
Inhoud = tuple[list[str], list[str]]  # nodes and relationships as text (tests/graafdump.py)


def tekst(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


@dataclass(frozen=True)
class Aangeraakt:
    """The nodes touched since the graph was last put back, as they were at one moment, and the
    relationships at them then."""

    elements: frozenset[str]
    ids: frozenset[str]  # of the nodes among them that were there, or were seeded
    nodes: list[str]
    rels: list[str]


@dataclass(frozen=True)
class _Seeded:
    nodes: dict[str, tuple[tuple[str, ...], dict[str, Any]]]  # by id: labels, properties
    rels: list[Rel]  # each as often as the graph holds it
    at: dict[str, list[int]]  # by node id: its relationships' places in `rels`


class Herstel:
    """The seeded state of one Neo4j test server's graph, and `herstel()` to return to it;
    `aangeraakt()` and `sinds()` tell what changed in between (tests/graafdump.py)."""

    def __init__(self, neo4j: Neo4jSettings, seeded: _Seeded, elements: dict[str, str], touched: Path):
        self._neo4j = neo4j
        self._seeded = seeded
        # Where each seeded node is now: the restore addresses nodes by element id, an indexed
        # seek, where a match on `{id: ...}` without a label scans every node per row.
        self._elements = elements
        self._touched = touched

    @classmethod
    async def lees(cls, neo4j: Neo4jSettings) -> Herstel:
        """The graph as it is now, as the state to return to."""
        touched = touched_file(neo4j.uri)
        assert touched is not None, "only a test server of the suite's own names what was touched"
        async with _driver(neo4j) as driver, driver.session(database=neo4j.database) as session:
            rows = (await (await session.run(_NODES)).single())["nodes"]
            rels = [tuple(rel) for rel in (await (await session.run(_RELS)).single())["rels"]]
        touched.write_text("")  # the seeding's own transactions
        nodes, elements = {}, {}
        for element, labels, props in rows:
            assert props.get("id") is not None, f"a node without an id cannot be restored: {labels} {props}"
            nodes[props["id"]] = (tuple(sorted(labels)), props)
            elements[props["id"]] = element
        assert len(nodes) == len(rows), "two nodes share an id: the graph cannot be restored by id"
        at: dict[str, list[int]] = defaultdict(list)
        for i, (van, _, _, naar) in enumerate(rels):
            at[van].append(i)
            if naar != van:
                at[naar].append(i)
        herstel = cls(neo4j, _Seeded(nodes, rels, dict(at)), elements, touched)  # type: ignore[arg-type]
        _BY_URI[neo4j.uri] = herstel
        return herstel

    @classmethod
    def van(cls, neo4j: Neo4jSettings) -> Herstel | None:
        """The Herstel of the server at `neo4j`, if its state was read (`lees`)."""
        return _BY_URI.get(neo4j.uri)

    def _touched_now(self) -> frozenset[str]:
        return frozenset(self._touched.read_text().split())

    async def aangeraakt(self) -> Aangeraakt:
        """What was touched since the graph was last put back, as it is now."""
        elements = self._touched_now()
        nodes, rels = await self._read(elements)
        seeded_at = {element: id_ for id_, element in self._elements.items()}
        ids = {id_ for id_, _ in nodes.values() if id_ is not None}
        ids |= {seeded_at[e] for e in elements if e in seeded_at}
        return Aangeraakt(
            elements, frozenset(ids), [line for _, line in nodes.values()], list(map(tekst, rels))
        )

    async def sinds(self, voor: Aangeraakt) -> tuple[Inhoud, Inhoud]:
        """The graph's touched part as it was at `voor` and as it is now: all that can differ."""
        elements = self._touched_now()
        assert voor.elements <= elements, "the graph was put back since"
        nodes, rels = await self._read(elements)
        seeded = self._seeded
        # Touched since `voor` only: as seeded then, with their seeded relationships, except
        # those to a node touched by then, which `voor` read as they were.
        seeded_at = {element: id_ for id_, element in self._elements.items()}
        later = {seeded_at[e] for e in elements - voor.elements if e in seeded_at}
        oud_nodes = voor.nodes + [tekst([list(seeded.nodes[id_][0]), seeded.nodes[id_][1]]) for id_ in later]
        places = {i for id_ in later for i in seeded.at.get(id_, ())}
        oud_rels = voor.rels + [
            tekst(list(seeded.rels[i]))
            for i in sorted(places)
            if seeded.rels[i][0] not in voor.ids and seeded.rels[i][3] not in voor.ids
        ]
        oud = (sorted(oud_nodes), sorted(oud_rels))
        return oud, (sorted(line for _, line in nodes.values()), sorted(map(tekst, rels)))

    async def _read(self, elements: frozenset[str]) -> tuple[dict[str, tuple[str, str]], list[list[Any]]]:
        """The nodes of `elements` still there (by element: id, text), and every relationship at them."""
        async with _driver(self._neo4j) as driver, driver.session(database=self._neo4j.database) as session:
            rows = (await (await session.run(_TOUCHED_NODES, elements=sorted(elements))).single())["nodes"]
            rels = (await (await session.run(_TOUCHED_RELS, elements=sorted(elements))).single())["rels"]
        nodes = {
            element: (props.get("id"), tekst([sorted(labels), props])) for element, labels, props in rows
        }
        return nodes, rels

    async def herstel(self) -> int:
        """Put back what was touched since the last time; how many nodes it took."""
        touched = self._touched_now()
        if not touched:
            return 0
        seeded = self._seeded
        async with _driver(self._neo4j) as driver, driver.session(database=self._neo4j.database) as session:
            present = await (await session.run(
                "UNWIND $elements AS element MATCH (n) WHERE elementId(n) = element RETURN element, n.id AS id",
                elements=sorted(touched),
            )).data()  # fmt: skip
            seeded_at = {element: id_ for id_, element in self._elements.items()}
            ids = {row["id"] for row in present if row["id"] is not None}
            ids |= {seeded_at[e] for e in touched if e in seeded_at}
            await session.run(
                "UNWIND $elements AS element MATCH (n) WHERE elementId(n) = element DETACH DELETE n",
                elements=[row["element"] for row in present],
            )
            terug = sorted(id_ for id_ in ids if id_ in seeded.nodes)
            by_labels: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
            for id_ in terug:
                labels, props = seeded.nodes[id_]
                by_labels[labels].append(props)
            for labels, rows in by_labels.items():
                assert all(_NAME.fullmatch(label) for label in labels), labels
                created = await session.run(
                    f"UNWIND $rows AS row CREATE (n:{':'.join(labels)}) SET n = row RETURN n.id AS id, elementId(n) AS element",
                    rows=rows,
                )
                self._elements.update({row["id"]: row["element"] async for row in created})
            by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for i in sorted({i for id_ in terug for i in seeded.at.get(id_, ())}):
                van, type_, props, naar = seeded.rels[i]
                by_type[type_].append(
                    {"van": self._elements[van], "naar": self._elements[naar], "props": props}
                )
            for type_, rows in by_type.items():
                assert _NAME.fullmatch(type_), type_
                await session.run(
                    "UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.van MATCH (b) WHERE elementId(b) = row.naar "
                    f"CREATE (a)-[r:{type_}]->(b) SET r = row.props",
                    rows=rows,
                )
        self._touched.write_text("")  # the restore's own transactions
        return len(ids)


# Each server's, once read: tests/graafdump.py asks for it by the store's settings.
_BY_URI: dict[str, Herstel] = {}


def _driver(neo4j: Neo4jSettings) -> Any:
    return AsyncGraphDatabase.driver(neo4j.uri, auth=(neo4j.user, neo4j.password))
