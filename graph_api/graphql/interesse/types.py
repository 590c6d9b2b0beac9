"""An interest as GraphQL: seen only by the gemeente that showed it, the leverancier's
aanbod- and organisatie-beheerders and functioneel beheer (cypher/interesse/per_id)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import relay

from graph_api.graphql.aanbod.types import Applicatie
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import load_nodes, load_one, registered

if TYPE_CHECKING:
    from graph_api.graphql.organisaties.types import Organisatie

Organisatie_ = Annotated["Organisatie", strawberry.lazy("graph_api.graphql.organisaties.types")]


@registered("Interesse")
@strawberry.type(description="A gemeente's interest in an application, with who showed it and a message.")
class Interesse(relay.Node):
    key: relay.NodeID[str]
    identificatie: str
    bericht: str | None
    aangemaakt: str = strawberry.field(description="When it was shown (ISO-8601, UTC).")
    door: str | None = strawberry.field(description="The name of the person who showed it.")
    versienummer: int = strawberry.field(description="Give it as `verwachteVersie` to withdraw it.")
    _applicatie: strawberry.Private[str]
    _gemeente: strawberry.Private[str]

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Interesse:
        return cls(
            key=item["id"],
            identificatie=item["id"],
            bericht=item.get("bericht"),
            aangemaakt=item["aangemaakt"],
            door=item.get("doorNaam"),
            versienummer=item["versie"],
            _applicatie=item["applicatie"],
            _gemeente=item["gemeente"],
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]  # one answer for Node's overloads: None if unknown
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Interesse | None]:
        return await load_nodes(info, "interesse/per_id", list(node_ids), "Interesse")

    @strawberry.field(description="The application it is shown in.")
    async def applicatie(self, info: Info) -> Applicatie | None:
        return await load_one(info, "applicatie/per_id", self._applicatie, "Applicatie")

    @strawberry.field(description="The gemeente that showed it.")
    async def gemeente(self, info: Info) -> Organisatie_ | None:
        return await load_one(info, "organisatie/per_id", self._gemeente)
