"""The schema's root: Query, assembled from the domain areas."""

from __future__ import annotations

import strawberry

from graph_api.graphql.context import Info


@strawberry.type(description="Whether the graph engine answers, and which one runs.")
class Gezondheid:
    engine: str
    ok: bool
    detail: str


@strawberry.type(description="How many nodes carry a label, or relationships have a type.")
class Aantal:
    naam: str
    aantal: int


@strawberry.type
class Query:
    @strawberry.field(description="The state of the graph engine behind this API.")
    async def gezondheid(self, info: Info) -> Gezondheid:
        health = await info.context.store.health()
        return Gezondheid(engine=health.engine, ok=health.ok, detail=health.detail)

    @strawberry.field(description="Number of nodes per label in the graph.")
    async def aantallen(self, info: Info) -> list[Aantal]:
        rows = await info.context.store.read("stats/labels")
        return [Aantal(naam=row["label"], aantal=row["aantal"]) for row in rows]


def build_schema() -> strawberry.Schema:
    return strawberry.Schema(query=Query)
