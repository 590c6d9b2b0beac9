"""Gebruiksvoorstellen read: the type, and the root list of those the asker may see.

A gemeente's gebruik roles see the proposals made to it, a leverancier's aanbod-beheerder its
own proposals to every gemeente (their state, the reason of a rejection), functioneel beheer
all; nobody else any (cypher/voorstel/per_id.cypher).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_api.graphql.context import Info
from graph_api.graphql.core.build import list_page, load_one, registered
from graph_api.graphql.core.enums import VoorstelStatus
from graph_api.graphql.core.ids import reference
from graph_api.graphql.core.lists import Verzoek, paged_list, verzoek
from graph_api.graphql.landschap.types import Gebruik

if TYPE_CHECKING:
    from graph_api.graphql.aanbod.types import Applicatie
    from graph_api.graphql.organisaties.types import Gemeente, Leverancier

Applicatie_ = Annotated["Applicatie", strawberry.lazy("graph_api.graphql.aanbod.types")]
Gemeente_ = Annotated["Gemeente", strawberry.lazy("graph_api.graphql.organisaties.types")]
Leverancier_ = Annotated["Leverancier", strawberry.lazy("graph_api.graphql.organisaties.types")]


@registered("Gebruiksvoorstel")
@strawberry.type(description="A Gebruik a leverancier proposes to a gemeente, and what became of it.")
class Gebruiksvoorstel:
    identificatie: strawberry.ID
    status: VoorstelStatus
    toelichting: str | None = strawberry.field(description="The leverancier's note to the gemeente.")
    reden: str | None = strawberry.field(description="Why the gemeente rejected it.")
    versienummer: int = strawberry.field(
        description="Goes up by one with every change; give it as `verwachteVersie` to decide or withdraw."
    )
    voorgesteld_op: str = strawberry.field(description="When it was proposed (ISO-8601).")
    gewijzigd_op: str = strawberry.field(description="When it was last changed: proposed or closed.")

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Gebruiksvoorstel:
        return cls(
            identificatie=strawberry.ID(item["id"]),
            status=VoorstelStatus[item["status"]],
            toelichting=item.get("toelichting"),
            reden=item.get("reden"),
            versienummer=item["versie"],
            voorgesteld_op=item["voorgesteldOp"],
            gewijzigd_op=item["gewijzigdOp"],
        )

    @strawberry.field(description="The application proposed.")
    async def applicatie(self, info: Info) -> Applicatie_ | None:
        return await load_one(info, "voorstel/applicatie", self.identificatie, "Applicatie")

    @strawberry.field(description="The gemeente it is proposed to.")
    async def gemeente(self, info: Info) -> Gemeente_ | None:
        return await load_one(info, "voorstel/organisatie", self.identificatie)

    @strawberry.field(description="The leverancier that proposed it.")
    async def leverancier(self, info: Info) -> Leverancier_ | None:
        return await load_one(info, "voorstel/leverancier", self.identificatie)

    @strawberry.field(description="The Gebruik it became when accepted, while that exists.")
    async def gebruik(self, info: Info) -> Gebruik | None:
        return await load_one(info, "voorstel/gebruik", self.identificatie, "Gebruik")


def _verzoek(args: dict[str, Any]) -> Verzoek:
    status = args.get("status")
    params = {
        "organisatie": reference(args.get("gemeente"), "Gemeente", argument="gemeente"),
        "status": None if status is None else status.value,
    }
    return verzoek(args, params, field="VOORGESTELD_OP")


async def _voorstellen(source: Any, info: Info, args: dict[str, Any], verzoek: Verzoek):
    return await list_page(
        info, "voorstel/lijst", "voorstel/aantal", verzoek.page, verzoek.params, "Gebruiksvoorstel"
    )


@strawberry.type
class VoorstelLijsten:
    gebruiksvoorstellen = paged_list(
        Gebruiksvoorstel,
        "The Gebruiksvoorstellen the asker may see, oldest first: those made to its gemeente (status "
        "VOORGESTELD: waiting for it), or its leverancier's own.",
        leading=[("gemeente", strawberry.ID), ("status", VoorstelStatus)],
        request=_verzoek,
        read=_voorstellen,
    )
