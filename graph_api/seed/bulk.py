"""A fresh seed through FalkorDB's bulk loader: the generator's rows as node and edge files.

Writing row by row through Cypher costs the engine more per row the bigger the graph
(bench/RESULTS.md, "Engine write growth"), so a seed into an empty graph goes through
`GRAPH.BULK` instead, which builds the matrices at once. Each seed query's rows are mapped
here to the nodes and relationships that query would write (`SHAPES`, checked against the
Cypher upserts by tests/seed/test_bulk.py); rows of a query without a shape (derived
properties such as `koppeling/standaarden`) are written through Cypher after the load.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

NODE = "."  # in an Edge: the node the query itself creates


@dataclass(frozen=True)
class Edge:
    type: str
    van: str  # the row field with the start node's id, or NODE
    naar: str  # the row field with the end node's id, or NODE
    properties: tuple[tuple[str, str], ...] = ()  # (edge property, row field path)
    when: tuple[str, tuple[str, ...]] | None = None  # (row field path, values): only for these rows


@dataclass(frozen=True)
class Shape:
    labels: tuple[str, ...] = ()  # of the node the query creates; none for relationship queries
    nested: bool = False  # the node's properties are the row's `eigenschappen`, not the row
    edges: tuple[Edge, ...] = ()


def _between(type_: str, *properties: str) -> Shape:
    return Shape(edges=(Edge(type_, "van", "naar", tuple((p, p) for p in properties)),))


_KOPPELT = (("koppelingId", "eigenschappen.id"),)

SHAPES: dict[str, Shape] = {
    # GEMMA and the organisations: nodes whose properties are the row.
    "seed/referentiecomponenten": Shape(("GemmaElement", "Referentiecomponent")),
    "seed/standaarden": Shape(("GemmaElement", "Standaard")),
    "seed/standaardversies": Shape(("GemmaElement", "Standaardversie")),
    "seed/voorzieningen": Shape(("GemmaElement", "BuitengemeentelijkeVoorziening")),
    "seed/applicatieservices": Shape(("GemmaElement", "Applicatieservice")),
    "seed/bedrijfsfuncties": Shape(("GemmaElement", "Bedrijfsfunctie")),
    "seed/gemeenten": Shape(("Organisatie", "Gemeente")),
    "seed/leveranciers": Shape(("Organisatie", "Leverancier")),
    "seed/samenwerkingen": Shape(("Organisatie", "Samenwerking")),
    "seed/beheerorganisaties": Shape(("Organisatie", "Beheerorganisatie")),
    "seed/communities": Shape(("Organisatie", "Community")),
    # Nodes hanging off another node.
    "seed/applicaties": Shape(("Applicatie",), True, (Edge("BIEDT_AAN", "leverancier", NODE),)),
    "seed/versies": Shape(("Versie",), True, (Edge("HEEFT_VERSIE", "applicatie", NODE),)),
    "seed/diensten": Shape(("Dienst",), True, (Edge("LEVERT", "leverancier", NODE),)),
    "seed/gebruik": Shape(
        ("Gebruik",), True, (Edge("GEBRUIKT", "organisatie", NODE), Edge("VAN", NODE, "applicatie"))
    ),
    **{
        name: Shape(
            ("Koppeling",),
            True,
            (
                Edge("VAN", NODE, "van"),
                Edge("NAAR", NODE, "naar"),
                # KOPPELT points the way the data flows: from VAN to NAAR, back, or both ways.
                Edge("KOPPELT", "van", "naar", _KOPPELT, ("eigenschappen.richting", ("HEEN", "BEIDE"))),
                Edge("KOPPELT", "naar", "van", _KOPPELT, ("eigenschappen.richting", ("TERUG", "BEIDE"))),
            ),
        )
        for name in ("seed/koppelingen", "seed/koppelingen_voorziening")
    },
    # Relationships between nodes written before.
    "seed/gemma_aggregeert": _between("AGGREGEERT", "id"),
    "seed/gemma_bedient": _between("BEDIENT", "id"),
    "seed/gemma_realiseert": _between("REALISEERT", "id"),
    "seed/gemma_specialisatie_van": _between("SPECIALISATIE_VAN", "id"),
    "seed/gemma_stroomt_naar": _between("STROOMT_NAAR", "id"),
    "seed/gemma_vereist": _between("VEREIST", "id", "rol"),
    "seed/gemma_versie_van": _between("VERSIE_VAN"),
    "seed/grenst_aan": _between("GRENST_AAN"),
    "seed/deelnemer_van": _between("DEELNEMER_VAN", "sinds"),
    "seed/applicatie_realiseert": _between("REALISEERT"),
    "seed/onderdeel_van": _between("ONDERDEEL_VAN"),
    "seed/ondersteunt": _between("ONDERSTEUNT", "bewijs"),
    "seed/dienst_bij": _between("BIJ"),
    "seed/gebruik_versie": _between("VERSIE"),
    "seed/gebruik_voor": _between("VOOR"),
    "seed/gebruik_neemt_af": _between("NEEMT_AF"),
    "seed/registreert": _between("REGISTREERT"),
    "seed/koppeling_volgens": _between("VOLGENS"),
    "seed/koppeling_via": _between("VIA"),
}


def _field(row: dict, path: str) -> Any:
    value: Any = row
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


class BulkFiles:
    """Spools mapped rows to disk while the generator runs, then writes the loader's files.

    Rows are spooled as JSON lines per label set and relationship type, because a typed
    header needs every property of every row before the first line is written.
    """

    def __init__(self, directory: Path):
        self.directory = directory
        self._spools: dict[tuple[str, str], Any] = {}
        self.deferred: dict[str, list[dict]] = defaultdict(list)  # queries without a shape

    def add(self, query: str, rows: Iterable[dict]) -> None:
        shape = SHAPES.get(query)
        if shape is None:
            self.deferred[query].extend(rows)
            return
        for row in rows:
            properties = row["eigenschappen"] if shape.nested else row
            if shape.labels:
                self._spool("nodes", ":".join(shape.labels), properties)
            for edge in shape.edges:
                if edge.when is not None and _field(row, edge.when[0]) not in edge.when[1]:
                    continue
                record = {
                    ":START_ID": properties["id"] if edge.van == NODE else row[edge.van],
                    ":END_ID": properties["id"] if edge.naar == NODE else row[edge.naar],
                }
                record.update({name: _field(row, path) for name, path in edge.properties})
                self._spool("edges", edge.type, record)

    def _spool(self, kind: str, name: str, record: dict) -> None:
        spool = self._spools.get((kind, name))
        if spool is None:
            spool = self._spools[(kind, name)] = (self.directory / f"{kind}-{name}.jsonl").open("w")
        spool.write(json.dumps(record, default=str) + "\n")

    def write(self) -> tuple[list[tuple[str, Path]], list[tuple[str, Path]]]:
        """The node files per label set and the edge files per type, as the loader takes them."""
        for spool in self._spools.values():
            spool.close()
        nodes: list[tuple[str, Path]] = []
        edges: list[tuple[str, Path]] = []
        for (kind, name), spool in self._spools.items():
            path = _csv(Path(spool.name), identity=kind == "nodes")
            (nodes if kind == "nodes" else edges).append((name, path))
        return nodes, edges


def _type(kinds: set[type], column: str) -> str:
    if kinds <= {bool}:
        return "BOOLEAN"
    if kinds <= {int}:
        return "INT"
    if kinds <= {int, float} and bool not in kinds:
        return "DOUBLE"
    if kinds <= {list}:
        return "ARRAY"
    if kinds <= {str}:
        return "STRING"
    raise ValueError(f"property {column} mixes {sorted(k.__name__ for k in kinds)}: cannot bulk-load it")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return repr(value)
    return str(value)


def _csv(spool: Path, *, identity: bool) -> Path:
    """Two passes over the spool: the columns and their types, then the rows."""
    kinds: dict[str, set[type]] = {}
    with spool.open() as lines:
        for line in lines:
            for column, value in json.loads(line).items():
                found = kinds.setdefault(column, set())
                if value is not None:
                    found.add(type(value))
    header = []
    for column, found in kinds.items():
        if column in (":START_ID", ":END_ID"):
            header.append(column)
        elif identity and column == "id":
            header.append("id:ID")
        else:
            header.append(f"{column}:{_type(found, column)}")
    path = spool.with_suffix(".csv")
    with spool.open() as lines, path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for line in lines:
            record = json.loads(line)
            writer.writerow([_cell(record.get(column)) for column in kinds])
    spool.unlink()
    return path
