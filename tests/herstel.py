"""Putting a Neo4j graph of a test's own back as it was seeded, by undoing only what differs.

Neo4j Community holds one database per server, so a test's own graph cannot be a copy as on the
embedded engine (GRAPH.COPY). Seeding it again took 8 to 14 s per test; reading the whole graph
as two collected rows and undoing the difference takes about 3 s, and a test changes few nodes.

The driver is used directly, not the Store: its rows are plain values (dates as text), and the
restore must write back exactly the values that were read.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from neo4j import AsyncGraphDatabase

from graph_api.settings import Neo4jSettings

_NODES = "MATCH (n) RETURN collect([elementId(n), labels(n), properties(n)]) AS nodes"
_RELS = "MATCH (a)-[r]->(b) RETURN collect([elementId(r), a.id, type(r), properties(r), b.id]) AS rels"
# Labels and relationship types go into the statements' text: only names the seeded graph has
# (read from it), and only names that are plain words.
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=repr)


@dataclass(frozen=True)
class _Graph:
    nodes: dict[str, tuple[tuple[str, ...], dict[str, Any]]]  # by id: labels, properties
    rels: dict[str, tuple[str, str, dict[str, Any], str]]  # by key: van, type, properties, naar
    rel_counts: Counter[str]
    # Where each node and relationship is now: the restore addresses them by element id, an
    # indexed seek, where a match on `{id: ...}` without a label scans every node per row.
    node_elements: dict[str, str]  # by id
    rel_elements: dict[str, list[str]]  # by key


async def _read(session: Any) -> _Graph:
    nodes: dict[str, tuple[tuple[str, ...], dict[str, Any]]] = {}
    node_elements: dict[str, str] = {}
    rows = (await (await session.run(_NODES)).single())["nodes"]
    for element, labels, props in rows:
        assert props.get("id") is not None, f"a node without an id cannot be restored: {labels} {props}"
        nodes[props["id"]] = (tuple(sorted(labels)), props)
        node_elements[props["id"]] = element
    assert len(nodes) == len(rows), "two nodes share an id: the graph cannot be restored by id"
    rels: dict[str, tuple[str, str, dict[str, Any], str]] = {}
    rel_counts: Counter[str] = Counter()
    rel_elements: dict[str, list[str]] = {}
    for element, van, type_, props, naar in (await (await session.run(_RELS)).single())["rels"]:
        key = _key([van, type_, props, naar])
        rels[key] = (van, type_, props, naar)
        rel_counts[key] += 1
        rel_elements.setdefault(key, []).append(element)
    return _Graph(nodes, rels, rel_counts, node_elements, rel_elements)


class Herstel:
    """The seeded state of one Neo4j graph, and `herstel()` to return to it."""

    def __init__(self, neo4j: Neo4jSettings, seeded: _Graph):
        self._neo4j = neo4j
        self._seeded = seeded

    @classmethod
    async def lees(cls, neo4j: Neo4jSettings) -> Herstel:
        async with _driver(neo4j) as driver, driver.session(database=neo4j.database) as session:
            return cls(neo4j, await _read(session))

    async def herstel(self) -> int:
        """Undo every difference from the seeded graph; how many nodes and relationships it took."""
        seeded = self._seeded
        async with _driver(self._neo4j) as driver, driver.session(database=self._neo4j.database) as session:
            now = await _read(session)
            # Nodes that are new or differ go (with their relationships) and come back as seeded.
            weg = [
                id_
                for id_, (labels, props) in now.nodes.items()
                if id_ not in seeded.nodes
                or (labels, _key(props)) != (seeded.nodes[id_][0], _key(seeded.nodes[id_][1]))
            ]
            terug = [id_ for id_ in seeded.nodes if id_ not in now.nodes or id_ in weg]
            if weg:
                await session.run(
                    "UNWIND $elements AS element MATCH (n) WHERE elementId(n) = element DETACH DELETE n",
                    elements=[now.node_elements[id_] for id_ in weg],
                )
            where = {id_: element for id_, element in now.node_elements.items() if id_ not in set(weg)}
            by_labels: dict[tuple[str, ...], list[dict[str, Any]]] = {}
            for id_ in terug:
                labels, props = seeded.nodes[id_]
                by_labels.setdefault(labels, []).append(props)
            for labels, rows in by_labels.items():
                assert all(_NAME.fullmatch(label) for label in labels), labels
                created = await session.run(
                    f"UNWIND $rows AS row CREATE (n:{':'.join(labels)}) SET n = row RETURN n.id AS id, elementId(n) AS element",
                    rows=rows,
                )
                where.update({row["id"]: row["element"] async for row in created})
            # Relationships: what is there now, less those of the nodes removed above.
            gone = set(weg)
            current: Counter[str] = Counter(
                {
                    key: n
                    for key, n in now.rel_counts.items()
                    if now.rels[key][0] not in gone and now.rels[key][3] not in gone
                }
            )
            extra = current - seeded.rel_counts
            missing = seeded.rel_counts - current
            if extra:
                await session.run(
                    "UNWIND $elements AS element MATCH ()-[r]->() WHERE elementId(r) = element DELETE r",
                    elements=[element for key, n in extra.items() for element in now.rel_elements[key][:n]],
                )
            by_type: dict[str, list[dict[str, Any]]] = {}
            for key, n in missing.items():
                van, type_, props, naar = seeded.rels[key]
                by_type.setdefault(type_, []).extend(
                    {"van": where[van], "naar": where[naar], "props": props} for _ in range(n)
                )
            for type_, rows in by_type.items():
                assert _NAME.fullmatch(type_), type_
                await session.run(
                    "UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.van MATCH (b) WHERE elementId(b) = row.naar "
                    f"CREATE (a)-[r:{type_}]->(b) SET r = row.props",
                    rows=rows,
                )
            return len(weg) + len(terug) + sum(extra.values()) + sum(missing.values())


def _driver(neo4j: Neo4jSettings) -> Any:
    return AsyncGraphDatabase.driver(neo4j.uri, auth=(neo4j.user, neo4j.password))
