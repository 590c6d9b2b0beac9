"""The mutations of Gebruiksvoorstellen (graph_api/domain/landschap/voorstel.py), Relay style:
one `input`, a payload with the proposal as a read now finds it (and the Gebruik it became)."""

from __future__ import annotations

import strawberry

from graph_api.domain.landschap import voorstel
from graph_api.domain.wijzigen import Schrijver
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import load_one
from graph_api.graphql.core.enums import GebruikStatus
from graph_api.graphql.core.ids import reference
from graph_api.graphql.landschap.types import Gebruik
from graph_api.graphql.landschap.voorstellen import Gebruiksvoorstel


def _id(value: strawberry.ID, kind: str, argument: str) -> str:
    found = reference(value, kind, argument=f"input.{argument}")
    assert found is not None  # the schema requires it
    return found


def _schrijver(info: Info) -> Schrijver:
    return Schrijver(info.context.identiteit, info.context.zicht)


@strawberry.input(
    description="A Gebruik to propose: an application of the asker's leverancier, to a gemeente."
)
class StelGebruikVoorInput:
    gemeente: strawberry.ID
    applicatie: strawberry.ID
    toelichting: str | None = strawberry.field(default=None, description="A note to the gemeente.")


@strawberry.input(description="An open Gebruiksvoorstel to accept: it becomes the gemeente's Gebruik.")
class AanvaardGebruiksvoorstelInput:
    voorstel: strawberry.ID = strawberry.field(description="The proposal's identificatie.")
    verwachte_versie: int = strawberry.field(description="The proposal's `versienummer` as last read.")
    status: GebruikStatus | None = strawberry.field(
        default=None, description="The new Gebruik's status; IN_PRODUCTIE when not given."
    )


@strawberry.input(description="An open Gebruiksvoorstel to reject, with the reason the leverancier reads.")
class WijsGebruiksvoorstelAfInput:
    voorstel: strawberry.ID
    verwachte_versie: int
    reden: str


@strawberry.input(description="An open Gebruiksvoorstel of the asker's leverancier to withdraw.")
class TrekGebruiksvoorstelInInput:
    voorstel: strawberry.ID
    verwachte_versie: int


@strawberry.type
class GebruiksvoorstelPayload:
    voorstel: Gebruiksvoorstel | None = strawberry.field(description="The proposal as it is now.")
    gebruik: Gebruik | None = strawberry.field(
        default=None, description="The Gebruik it became, when accepted."
    )


async def _payload(info: Info, geschreven: voorstel.Geschreven) -> GebruiksvoorstelPayload:
    gelezen = await load_one(info, "voorstel/per_id", geschreven.id, "Gebruiksvoorstel")
    gebruik = None
    if geschreven.gebruik is not None:
        gebruik = await load_one(info, "gebruik/per_id", geschreven.gebruik, "Gebruik")
    return GebruiksvoorstelPayload(voorstel=gelezen, gebruik=gebruik)


@strawberry.type
class VoorstelMutaties:
    @strawberry.mutation(
        description="Propose a Gebruik of an own application to a gemeente (aanbod-beheerder)."
    )
    async def stel_gebruik_voor(self, info: Info, input: StelGebruikVoorInput) -> GebruiksvoorstelPayload:
        geschreven = await voorstel.stel_voor(
            info.context.store,
            _schrijver(info),
            organisatie=_id(input.gemeente, "Gemeente", "gemeente"),
            applicatie=_id(input.applicatie, "Applicatie", "applicatie"),
            toelichting=input.toelichting,
        )
        return await _payload(info, geschreven)

    @strawberry.mutation(
        description="Accept a proposal: it becomes the gemeente's Gebruik (gebruik-beheerder)."
    )
    async def aanvaard_gebruiksvoorstel(
        self, info: Info, input: AanvaardGebruiksvoorstelInput
    ) -> GebruiksvoorstelPayload:
        geschreven = await voorstel.aanvaard(
            info.context.store,
            _schrijver(info),
            voorstel=str(input.voorstel),
            verwachte_versie=input.verwachte_versie,
            status=None if input.status is None else input.status.value,
        )
        return await _payload(info, geschreven)

    @strawberry.mutation(description="Reject a proposal with a reason (gebruik-beheerder).")
    async def wijs_gebruiksvoorstel_af(
        self, info: Info, input: WijsGebruiksvoorstelAfInput
    ) -> GebruiksvoorstelPayload:
        geschreven = await voorstel.wijs_af(
            info.context.store,
            _schrijver(info),
            voorstel=str(input.voorstel),
            verwachte_versie=input.verwachte_versie,
            reden=input.reden,
        )
        return await _payload(info, geschreven)

    @strawberry.mutation(description="Withdraw an open proposal of the own leverancier (aanbod-beheerder).")
    async def trek_gebruiksvoorstel_in(
        self, info: Info, input: TrekGebruiksvoorstelInInput
    ) -> GebruiksvoorstelPayload:
        geschreven = await voorstel.trek_in(
            info.context.store,
            _schrijver(info),
            voorstel=str(input.voorstel),
            verwachte_versie=input.verwachte_versie,
        )
        return await _payload(info, geschreven)
