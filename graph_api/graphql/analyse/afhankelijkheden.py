"""What depends on what: dependencies, shortest paths, landscape graphs, impact of a change.

Graph answers come as a `Subgraph` of nodes and edges with stable ids, a type and a label,
ready for a visualisation library; each node and edge also leads to its full object.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import relay

from graph_api.domain import afhankelijkheden
from graph_api.domain.afhankelijkheden import MAX_DEPTH
from graph_api.graphql.context import Info
from graph_api.graphql.core import beperkingen
from graph_api.graphql.core.build import build
from graph_api.graphql.core.enums import GebruikStatus, KoppelingRichting
from graph_api.graphql.core.ids import reference
from graph_api.graphql.core.paging import MAX_PAGE_SIZE, Cursor, PageRequest
from graph_api.graphql.errors import ClientError
from graph_api.graphql.landschap.types import Gebruik, Koppeling, Koppelpunt

if TYPE_CHECKING:
    from graph_api.graphql.aanbod.types import Applicatie, Dienst
    from graph_api.graphql.gemma.types import Referentiecomponent, Standaardversie

Applicatie_ = Annotated["Applicatie", strawberry.lazy("graph_api.graphql.aanbod.types")]
Dienst_ = Annotated["Dienst", strawberry.lazy("graph_api.graphql.aanbod.types")]
Referentiecomponent_ = Annotated["Referentiecomponent", strawberry.lazy("graph_api.graphql.gemma.types")]
Standaardversie_ = Annotated["Standaardversie", strawberry.lazy("graph_api.graphql.gemma.types")]

_BY_KIND = {
    "Gebruik": "gebruik/per_id",
    "BuitengemeentelijkeVoorziening": "gemma/per_id",
    "Applicatie": "applicatie/per_id",
    "Koppeling": "koppeling/per_id",
    "Organisatie": "organisatie/per_id",
}


def global_id(kind: str, key: str) -> strawberry.ID:
    return strawberry.ID(str(relay.GlobalID(type_name=kind, node_id=key)))


async def _object(info: Info, kind: str, key: str) -> Any:
    item = await info.context.loaders.one(_BY_KIND[kind]).load(key)
    return None if item is None else build(item, kind)


# Members made with strawberry.enum_value: a type checker sees their .value as an
# EnumValueDefinition (a str at run time); the code reads .name, the same string.
@strawberry.enum(
    description="Which way a walk follows the koppelingen: by the way their data flows (`richting`), "
    "not by the order in which their ends were recorded."
)
class Afhankelijkheidsrichting(Enum):
    STROOMAFWAARTS = strawberry.enum_value(
        "STROOMAFWAARTS",
        description="Where the data goes: along each koppeling the way its data flows (from VAN to NAAR "
        "for HEEN, from NAAR to VAN for TERUG, both for BEIDE): what receives from this one",
    )
    STROOMOPWAARTS = strawberry.enum_value(
        "STROOMOPWAARTS",
        description="Where the data comes from: against the way each koppeling's data flows: "
        "what this one receives from",
    )
    BEIDE = strawberry.enum_value("BEIDE", description="Either way, whichever way the data flows")


@strawberry.type(
    description="A node of a subgraph: an application in use, a national facility, an application."
)
class SubgraphNode:
    id: strawberry.ID = strawberry.field(description="The object's global id.")
    type: str = strawberry.field(
        description="Its GraphQL type: Gebruik, BuitengemeentelijkeVoorziening, Applicatie."
    )
    label: str = strawberry.field(description="What to show: the application's or facility's name.")
    diepte: int | None = strawberry.field(
        default=None, description="Koppelingen from the start, in a dependency walk."
    )
    _kind: strawberry.Private[str] = ""
    _key: strawberry.Private[str] = ""

    @strawberry.field(name="object", description="The full object.")
    async def object_(self, info: Info) -> relay.Node | None:
        return await _object(info, self._kind, self._key)


@strawberry.type(description="An edge of a subgraph: a koppeling, or koppelingen counted over landscapes.")
class SubgraphEdge:
    id: strawberry.ID = strawberry.field(
        description="The koppeling's global id, or `<source>><target>` for counted edges."
    )
    source: strawberry.ID = strawberry.field(description="The id of the node at the koppeling's VAN end.")
    target: strawberry.ID = strawberry.field(description="The id of the node at its NAAR end.")
    type: str = strawberry.field(
        description="The koppeling's type (API, DIGIKOPPELING, ...), or KOPPELINGEN."
    )
    label: str
    richting: KoppelingRichting | None = None
    aantal: int | None = strawberry.field(default=None, description="In how many gemeenten (counted edges).")
    _koppeling: strawberry.Private[str | None] = None

    @strawberry.field(description="The koppeling itself (not for counted edges).")
    async def koppeling(self, info: Info) -> Koppeling | None:
        return None if self._koppeling is None else await _object(info, "Koppeling", self._koppeling)


@strawberry.type(description="Nodes and edges, each with a stable id, a type and a label.")
class Subgraph:
    nodes: list[SubgraphNode]
    edges: list[SubgraphEdge]


@strawberry.type(description="A chain of koppelingen: the nodes passed and the edges taken, in order.")
class Path:
    nodes: list[strawberry.ID]
    edges: list[strawberry.ID]
    _graph: strawberry.Private[Subgraph | None] = None

    @strawberry.field(
        description="The same nodes and edges as objects, in order, each with its type and label: "
        "what a frontend draws."
    )
    def graaf(self) -> Subgraph:
        if self._graph is None:
            return Subgraph(nodes=[], edges=[])
        nodes = {node.id: node for node in self._graph.nodes}
        edges = {edge.id: edge for edge in self._graph.edges}
        return Subgraph(nodes=[nodes[n] for n in self.nodes], edges=[edges[e] for e in self.edges])


@strawberry.type(description="What one Gebruik depends on, or what depends on it, up to a depth.")
class Afhankelijkheden:
    richting: Afhankelijkheidsrichting
    diepte: int
    graaf: Subgraph = strawberry.field(description="Every node reached, and the koppelingen among them.")
    paden: list[Path] = strawberry.field(
        description="One shortest path from the start to every node reached."
    )
    _start: strawberry.Private[str]

    @strawberry.field(description="Where the walk starts.")
    async def start(self, info: Info) -> Gebruik | None:
        return await _object(info, "Gebruik", self._start)


def _edge(source_kind: str, source: str, edge: dict[str, Any]) -> SubgraphEdge:
    return SubgraphEdge(
        id=global_id("Koppeling", edge["id"]),
        source=global_id(source_kind, source),
        target=global_id(edge["naarSoort"], edge["naar"]),
        type=edge["type"],
        label=f"{edge['type'].lower().replace('_', ' ')} ({edge['status'].lower().replace('_', ' ')})",
        richting=KoppelingRichting[edge["richting"]],
        _koppeling=edge["id"],
    )


def _walk_graph(rows: list[dict[str, Any]]) -> Subgraph:
    nodes = [
        SubgraphNode(
            id=global_id(row["soort"], row["id"]),
            type=row["soort"],
            label=row["naam"] or row["id"],
            diepte=row["diepte"],
            _kind=row["soort"],
            _key=row["id"],
        )
        for row in rows
    ]
    edges = [_edge(row["soort"], row["id"], edge) for row in rows for edge in row["koppelingen"]]
    return Subgraph(nodes=nodes, edges=edges)


def _shortest_paths(start: str, graph: Subgraph, richting: Afhankelijkheidsrichting) -> dict[str, Path]:
    facilities = {str(node.id) for node in graph.nodes if node.type == "BuitengemeentelijkeVoorziening"}
    stappen = [
        afhankelijkheden.Stap(e.id, e.source, e.target, e.richting.name if e.richting else "")
        for e in graph.edges
    ]
    paden = afhankelijkheden.kortste_paden(start, stappen, facilities, richting.name)
    return {
        node: Path(
            nodes=[strawberry.ID(n) for n in pad.nodes],
            edges=[strawberry.ID(k) for k in pad.koppelingen],
            _graph=graph,
        )
        for node, pad in paden.items()
    }


@strawberry.enum(description="What a change does to a koppeling.")
class KoppelingGevolg(Enum):
    BREEKT = strawberry.enum_value("BREEKT", description="The application goes, and the koppeling with it")
    OPNIEUW_BOUWEN = strawberry.enum_value(
        "OPNIEUW_BOUWEN", description="It must be rebuilt on the replacement"
    )


@strawberry.enum(description="Which end of a koppeling, as it was recorded.")
class Koppelkant(Enum):
    VAN = "VAN"
    NAAR = "NAAR"


@strawberry.enum(description="Which way data flows over a koppeling, seen from one of its ends.")
class Gegevensstroom(Enum):
    UITGAAND = strawberry.enum_value("UITGAAND", description="Data leaves this end")
    INKOMEND = strawberry.enum_value("INKOMEND", description="Data reaches this end")
    BEIDE = strawberry.enum_value("BEIDE", description="Both")


def stroom(kant: Koppelkant, richting: KoppelingRichting) -> Gegevensstroom:
    """Which way a koppeling's data flows, seen from its `kant` end."""
    if richting == KoppelingRichting.BEIDE:
        return Gegevensstroom.BEIDE
    leaves_van = richting == KoppelingRichting.HEEN
    return Gegevensstroom.UITGAAND if leaves_van == (kant == Koppelkant.VAN) else Gegevensstroom.INKOMEND


@strawberry.type(description="A koppeling of the Gebruik that changes.")
class GeraakteKoppeling:
    gevolg: KoppelingGevolg
    kant: Koppelkant = strawberry.field(
        description="VAN when the changing Gebruik is the koppeling's recorded VAN end, NAAR when "
        "its NAAR end."
    )
    stroom: Gegevensstroom = strawberry.field(
        description="Whether the changing Gebruik sends data over it (UITGAAND: what receives it loses a "
        "source), receives data over it (INKOMEND), or both."
    )
    _koppeling: strawberry.Private[str]
    _ander: strawberry.Private[str]
    _ander_soort: strawberry.Private[str]

    @strawberry.field
    async def koppeling(self, info: Info) -> Koppeling | None:
        return await _object(info, "Koppeling", self._koppeling)

    @strawberry.field(description="The koppeling's other end.")
    async def ander_eind(self, info: Info) -> Koppelpunt | None:
        return await _object(info, self._ander_soort, self._ander)


@strawberry.type(
    description="A standard version a koppeling uses that the replacement supports in none of its versions."
)
class OntbrekendeStandaard:
    _koppeling: strawberry.Private[str]
    _standaardversie: strawberry.Private[str]

    @strawberry.field
    async def koppeling(self, info: Info) -> Koppeling | None:
        return await _object(info, "Koppeling", self._koppeling)

    @strawberry.field
    async def standaardversie(self, info: Info) -> Standaardversie_ | None:
        item = await info.context.loaders.one("gemma/per_id").load(self._standaardversie)
        return None if item is None else build(item)


@strawberry.type(description="What removing or replacing an application in one landscape would do.")
class Impactanalyse:
    koppelingen: list[GeraakteKoppeling] = strawberry.field(
        description="Koppelingen that break or must be rebuilt."
    )
    ontbrekende_standaarden: list[OntbrekendeStandaard] = strawberry.field(
        description="Standard versions those koppelingen use that the replacement does not support."
    )
    _gebruik: strawberry.Private[str]
    _vervanger: strawberry.Private[str | None]
    _onbediend: strawberry.Private[list[str]]
    _vervallend: strawberry.Private[list[str]]
    _bestaand: strawberry.Private[list[str]]

    @strawberry.field(description="The Gebruik that changes.")
    async def gebruik(self, info: Info) -> Gebruik | None:
        return await _object(info, "Gebruik", self._gebruik)

    @strawberry.field(description="The replacement, if one was given.")
    async def vervanger(self, info: Info) -> Applicatie_ | None:
        return None if self._vervanger is None else await _object(info, "Applicatie", self._vervanger)

    @strawberry.field(
        description="The organisation's Gebruik of the replacement it already has: the replacement is "
        "in use there, nothing new to acquire (empty without a replacement, or when it is new)."
    )
    async def vervanger_in_gebruik(self, info: Info) -> list[Gebruik]:
        items = await info.context.loaders.one("gebruik/per_id").load_many(self._bestaand)
        return [build(item, "Gebruik") for item in items if item]

    @strawberry.field(description="Reference components the organisation would have no application for.")
    async def onbediende_referentiecomponenten(self, info: Info) -> list[Referentiecomponent_]:
        items = await info.context.loaders.one("gemma/per_id").load_many(self._onbediend)
        return [build(item) for item in items if item]

    @strawberry.field(
        description="Diensten taken with it that lapse: not offered on the replacement, or retired there."
    )
    async def vervallende_diensten(self, info: Info) -> list[Dienst_]:
        items = await info.context.loaders.one("dienst/per_id").load_many(self._vervallend)
        return [build(item, "Dienst") for item in items if item]


@strawberry.input(description="Narrows a landscape graph.")
class LandschapsgraafFilter:
    status: GebruikStatus | None = None
    referentiecomponent: strawberry.ID | None = None


@strawberry.type(
    description="A page of a landscape as a graph: its Gebruik, their koppelingen and their far ends."
)
class Landschapsgraaf:
    nodes: list[SubgraphNode] = strawberry.field(
        description="This page's Gebruik, and the far ends of their koppelingen "
        "(which may also appear on other pages)."
    )
    edges: list[SubgraphEdge] = strawberry.field(
        description="The koppelingen that start at this page's Gebruik."
    )
    page_info: relay.PageInfo
    total_count: int = strawberry.field(description="How many Gebruik the landscape has under the filter.")


def _gebruik_key(value: strawberry.ID, argument: str) -> str:
    key = reference(value, "Gebruik", argument=argument)
    assert key is not None
    return key


async def _note_landscape(
    info: Info, veld: str, wat: str, *, gebruik: str | None = None, organisatie: str | None = None
) -> None:
    """Say so in the answer when the landscape an analytic read may not be seen whole."""
    zicht = info.context.zicht
    if zicht.alle_landschappen:
        return
    if organisatie is None:
        if gebruik is None:
            raise TypeError("_note_landscape needs the gebruik or the organisatie")
        item = await info.context.loaders.one("gebruik/organisatie").load(gebruik)
        if item is None:
            return
        organisatie = item["id"]
    note = beperkingen.for_landscape(veld, wat, zicht, organisatie)
    if note is not None:
        info.context.beperkingen.append(note)


async def _require(info: Info, kind: str, key: str, argument: str) -> None:
    if await info.context.loaders.one(_BY_KIND[kind]).load(key) is None:
        raise ClientError("NOT_FOUND", f"{argument} is the id of no {kind}", argument=argument)


@strawberry.type
class AfhankelijkheidQuery:
    @strawberry.field(
        description="What one Gebruik depends on (STROOMAFWAARTS), what depends on it (STROOMOPWAARTS), "
        "or both, up to 6 koppelingen away, as a subgraph and as paths. National facilities end the walk."
    )
    async def afhankelijkheden(
        self,
        info: Info,
        gebruik: strawberry.ID,
        richting: Afhankelijkheidsrichting = Afhankelijkheidsrichting.BEIDE,
        diepte: int = 3,
    ) -> Afhankelijkheden:
        key = _gebruik_key(gebruik, "gebruik")
        rows = await afhankelijkheden.wandeling(info.context.store, key, richting.name, diepte)
        await _note_landscape(info, "afhankelijkheden", "the walk beyond its start", gebruik=key)
        graph = _walk_graph(rows)
        start = global_id("Gebruik", key)
        paths = _shortest_paths(start, graph, richting)
        return Afhankelijkheden(
            richting=richting,
            diepte=diepte,
            graaf=graph,
            paden=[paths[node.id] for node in graph.nodes if node.id in paths and node.id != start],
            _start=key,
        )

    @strawberry.field(
        description="The shortest chain of koppelingen between two Gebruik of one landscape (at most 6), "
        "following the data: by default along which data flows from `van` to `naar` (STROOMAFWAARTS); "
        "BEIDE for any chain whichever way its data flows. It never passes a national facility (those "
        "are shared by every landscape). Null when there is no such chain."
    )
    async def kortste_pad(
        self,
        info: Info,
        van: strawberry.ID,
        naar: strawberry.ID,
        richting: Afhankelijkheidsrichting = Afhankelijkheidsrichting.STROOMAFWAARTS,
    ) -> Path | None:
        start, end = _gebruik_key(van, "van"), _gebruik_key(naar, "naar")
        owner = await afhankelijkheden.landschap_van(info.context.store, start, end)
        if owner is None:
            await _require(info, "Gebruik", start, "van")
            await _require(info, "Gebruik", end, "naar")
            return None
        await _note_landscape(info, "kortstePad", "the koppelingen between them", organisatie=owner)
        rows = await afhankelijkheden.wandeling(info.context.store, start, richting.name, MAX_DEPTH)
        paths = _shortest_paths(global_id("Gebruik", start), _walk_graph(rows), richting)
        return paths.get(global_id("Gebruik", end))

    @strawberry.field(
        description="An organisation's landscape as a graph, paged by its Gebruik (50 a page unless "
        "`first` says otherwise, at most 500): each page brings its Gebruik, the koppelingen starting "
        "there, and their far ends (with a status filter, only far Gebruik of that status)."
    )
    async def landschapsgraaf(
        self,
        info: Info,
        organisatie: strawberry.ID,
        filter: LandschapsgraafFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Landschapsgraaf:
        from graph_api.graphql.organisaties.types import ORGANISATIE_TYPES

        key = reference(organisatie, *(t.__name__ for t in ORGANISATIE_TYPES), argument="organisatie")
        assert key is not None
        await _require(info, "Organisatie", key, "organisatie")
        filter = filter or LandschapsgraafFilter()
        params = {
            "organisatie": key,
            "status": filter.status.value if filter.status else None,
            "referentiecomponent": reference(
                filter.referentiecomponent, "Referentiecomponent", argument="filter.referentiecomponent"
            ),
        }
        page = PageRequest.of(first, after, None, None, field="ID")
        await _note_landscape(info, "landschapsgraaf", "koppelingen (edges)", organisatie=key)
        rows, total = await afhankelijkheden.landschap(info.context.store, params, page.params())
        has_more = len(rows) > page.size
        rows = rows[: page.size]
        nodes: dict[str, SubgraphNode] = {}
        edges = []
        for row in rows:
            item = row["item"]
            node = SubgraphNode(
                id=global_id("Gebruik", item["id"]),
                type="Gebruik",
                label=item["naam"],
                _kind="Gebruik",
                _key=item["id"],
            )
            nodes[node.id] = node
            for edge in item["koppelingen"]:
                subgraph_edge = _edge("Gebruik", item["id"], edge)
                edges.append(subgraph_edge)
                if subgraph_edge.target not in nodes:
                    nodes[subgraph_edge.target] = SubgraphNode(
                        id=subgraph_edge.target,
                        type=edge["naarSoort"],
                        label=edge.get("naarNaam") or edge["naar"],
                        _kind=edge["naarSoort"],
                        _key=edge["naar"],
                    )
        end_cursor = Cursor(page.ordering, rows[-1]["k"], rows[-1]["item"]["id"]).encode() if rows else None
        start_cursor = Cursor(page.ordering, rows[0]["k"], rows[0]["item"]["id"]).encode() if rows else None
        return Landschapsgraaf(
            nodes=list(nodes.values()),
            edges=edges,
            page_info=relay.PageInfo(
                has_next_page=has_more,
                has_previous_page=page.cursor is not None,
                start_cursor=start_cursor,
                end_cursor=end_cursor,
            ),
            total_count=total,
        )

    @strawberry.field(
        description="What happens when the organisation stops using this application, or replaces it by "
        "`vervangenDoor`: the koppelingen that break or must be rebuilt, the standard versions the "
        "replacement does not support, the components left without an application, the diensten that lapse."
    )
    async def impactanalyse(
        self, info: Info, gebruik: strawberry.ID, vervangen_door: strawberry.ID | None = None
    ) -> Impactanalyse:
        key = _gebruik_key(gebruik, "gebruik")
        vervanger = reference(vervangen_door, "Applicatie", argument="vervangenDoor")
        if vervanger is not None:
            await _require(info, "Applicatie", vervanger, "vervangenDoor")
        row = await afhankelijkheden.impact(info.context.store, key, vervanger)
        await _note_landscape(
            info, "impactanalyse", "its koppelingen, their standards and diensten", gebruik=key
        )
        gevolg = KoppelingGevolg.BREEKT if vervanger is None else KoppelingGevolg.OPNIEUW_BOUWEN
        return Impactanalyse(
            koppelingen=[
                GeraakteKoppeling(
                    gevolg=gevolg,
                    kant=Koppelkant(k["kant"]),
                    stroom=stroom(Koppelkant(k["kant"]), KoppelingRichting[k["richting"]]),
                    _koppeling=k["koppeling"],
                    _ander=k["anderEind"],
                    _ander_soort=k["anderSoort"],
                )
                for k in sorted(row["koppelingen"], key=lambda k: k["koppeling"])
            ],
            ontbrekende_standaarden=[
                OntbrekendeStandaard(_koppeling=m["koppeling"], _standaardversie=m["standaardversie"])
                for m in sorted(row["ontbrekend"], key=lambda m: (m["koppeling"], m["standaardversie"]))
            ],
            _gebruik=key,
            _vervanger=vervanger,
            _onbediend=sorted(c for c in row["onbediend"] if c),
            _vervallend=sorted(row["vervallend"]),
            _bestaand=sorted(row["bestaand"]),
        )

    @strawberry.field(
        description="The catalogue-level dependency graph: application A is connected to application or "
        "facility B in N gemeenten, over all landscapes; pairs seen in fewer than `minimaleGroep` gemeenten "
        "are left out."
    )
    async def koppelingsnetwerk(
        self,
        info: Info,
        referentiecomponent: strawberry.ID | None = None,
        minimale_groep: int = 5,
        first: int = 100,
    ) -> Subgraph:
        if not 1 <= first <= MAX_PAGE_SIZE:
            raise ClientError("PAGE_SIZE_TOO_LARGE" if first > MAX_PAGE_SIZE else "INVALID_PAGE_SIZE",
                              f"first must be between 1 and {MAX_PAGE_SIZE}", argument="first")  # fmt: skip
        rows = await afhankelijkheden.netwerk(
            info.context.store,
            info.context.zicht,
            referentiecomponent=reference(
                referentiecomponent, "Referentiecomponent", argument="referentiecomponent"
            ),
            minimale_groep=minimale_groep,
            first=first,
        )
        nodes: dict[str, SubgraphNode] = {}
        edges = []
        for row in rows:
            source = global_id("Applicatie", row["van"])
            target = global_id(row["naarSoort"], row["naar"])
            nodes.setdefault(source, SubgraphNode(id=source, type="Applicatie", label=row["vanNaam"],
                                                  _kind="Applicatie", _key=row["van"]))  # fmt: skip
            nodes.setdefault(target, SubgraphNode(id=target, type=row["naarSoort"], label=row["naarNaam"],
                                                  _kind=row["naarSoort"], _key=row["naar"]))  # fmt: skip
            edges.append(
                SubgraphEdge(
                    id=strawberry.ID(f"{source}>{target}"),
                    source=source,
                    target=target,
                    type="KOPPELINGEN",
                    label=f"in {row['gemeenten']} gemeenten",
                    aantal=row["gemeenten"],
                )
            )
        return Subgraph(nodes=list(nodes.values()), edges=edges)
