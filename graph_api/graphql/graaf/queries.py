"""The graph itself: any object by its global id (Relay's node fields), counts per label, the engine."""

from __future__ import annotations

import strawberry
from strawberry import relay

from graph_api.domain import graaf
from graph_api.graphql.context import Info
from graph_api.graphql.core.node_ids import KnownNodeIds


@strawberry.type(description="Whether the graph engine answers, and which one runs.")
class Gezondheid:
    engine: str
    ok: bool
    detail: str


@strawberry.type(description="How many nodes carry a label.")
class Aantal:
    naam: str
    aantal: int


@strawberry.type
class NodeQuery:
    node: relay.Node | None = relay.node(
        description="Any object by its global id.", extensions=[KnownNodeIds()]
    )
    nodes: list[relay.Node | None] = relay.node(
        description="Objects by their global ids, in the same order.", extensions=[KnownNodeIds()]
    )


@strawberry.type
class GraafQuery:
    @strawberry.field(description="How many nodes the graph holds per label.")
    async def aantallen(self, info: Info) -> list[Aantal]:
        return [
            Aantal(naam=naam, aantal=aantal)
            for naam, aantal in (await graaf.aantallen(info.context.store)).items()
        ]

    @strawberry.field(description="The state of the graph engine behind this API.")
    async def gezondheid(self, info: Info) -> Gezondheid:
        health = await info.context.runtime.store.health()
        return Gezondheid(engine=health.engine, ok=health.ok, detail=health.detail)
