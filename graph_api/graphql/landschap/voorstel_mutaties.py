"""The mutations of Gebruiksvoorstellen (graph_api/domain/landschap/voorstel.py), Relay style:
one `input`, a payload with the proposal as a read now finds it (and the Gebruik it became)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import strawberry

from graph_api.domain.landschap import voorstel
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import load_one
from graph_api.graphql.core.enums import GebruikStatus
from graph_api.graphql.core.schrijven import eenmaal, idempotency_key, input_id, schrijver
from graph_api.graphql.landschap.types import Gebruik
from graph_api.graphql.landschap.voorstellen import Gebruiksvoorstel


@strawberry.input(
    description="A Gebruik to propose: an application of the asker's leverancier, to a gemeente."
)
class StelGebruikVoorInput:
    gemeente: strawberry.ID
    applicatie: strawberry.ID
    toelichting: str | None = strawberry.field(default=None, description="A note to the gemeente.")
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="An open Gebruiksvoorstel to accept: it becomes the gemeente's Gebruik.")
class AanvaardGebruiksvoorstelInput:
    voorstel: strawberry.ID = strawberry.field(description="The proposal's identificatie.")
    verwachte_versie: int = strawberry.field(description="The proposal's `versienummer` as last read.")
    status: GebruikStatus | None = strawberry.field(
        default=None, description="The new Gebruik's status; IN_PRODUCTIE when not given."
    )
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="An open Gebruiksvoorstel to reject, with the reason the leverancier reads.")
class WijsGebruiksvoorstelAfInput:
    voorstel: strawberry.ID
    verwachte_versie: int
    reden: str
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="An open Gebruiksvoorstel of the asker's leverancier to withdraw.")
class TrekGebruiksvoorstelInInput:
    voorstel: strawberry.ID
    verwachte_versie: int
    idempotency_key: str | None = idempotency_key()


@strawberry.type
class GebruiksvoorstelPayload:
    voorstel: Gebruiksvoorstel | None = strawberry.field(description="The proposal as it is now.")
    gebruik: Gebruik | None = strawberry.field(
        default=None, description="The Gebruik it became, when accepted."
    )


def _herhaald(record: Mapping[str, Any]) -> voorstel.Geschreven:
    """A repeated write's answer, from its first write's change record (the proposal's)."""
    return voorstel.Geschreven(record["object"], 0, (record.get("na") or {}).get("gebruik"))


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
        wie = schrijver(info, "stelGebruikVoor", input)
        geschreven = await eenmaal(
            info,
            wie,
            lambda: voorstel.stel_voor(
                info.context.store,
                wie,
                organisatie=input_id(input.gemeente, "Gemeente", "gemeente"),
                applicatie=input_id(input.applicatie, "Applicatie", "applicatie"),
                toelichting=input.toelichting,
            ),
            _herhaald,
        )
        return await _payload(info, geschreven)

    @strawberry.mutation(
        description="Accept a proposal: it becomes the gemeente's Gebruik (gebruik-beheerder)."
    )
    async def aanvaard_gebruiksvoorstel(
        self, info: Info, input: AanvaardGebruiksvoorstelInput
    ) -> GebruiksvoorstelPayload:
        wie = schrijver(info, "aanvaardGebruiksvoorstel", input)
        geschreven = await eenmaal(
            info,
            wie,
            lambda: voorstel.aanvaard(
                info.context.store,
                wie,
                voorstel=str(input.voorstel),
                verwachte_versie=input.verwachte_versie,
                status=None if input.status is None else input.status.value,
            ),
            _herhaald,
        )
        return await _payload(info, geschreven)

    @strawberry.mutation(description="Reject a proposal with a reason (gebruik-beheerder).")
    async def wijs_gebruiksvoorstel_af(
        self, info: Info, input: WijsGebruiksvoorstelAfInput
    ) -> GebruiksvoorstelPayload:
        wie = schrijver(info, "wijsGebruiksvoorstelAf", input)
        geschreven = await eenmaal(
            info,
            wie,
            lambda: voorstel.wijs_af(
                info.context.store,
                wie,
                voorstel=str(input.voorstel),
                verwachte_versie=input.verwachte_versie,
                reden=input.reden,
            ),
            _herhaald,
        )
        return await _payload(info, geschreven)

    @strawberry.mutation(description="Withdraw an open proposal of the own leverancier (aanbod-beheerder).")
    async def trek_gebruiksvoorstel_in(
        self, info: Info, input: TrekGebruiksvoorstelInInput
    ) -> GebruiksvoorstelPayload:
        wie = schrijver(info, "trekGebruiksvoorstelIn", input)
        geschreven = await eenmaal(
            info,
            wie,
            lambda: voorstel.trek_in(
                info.context.store,
                wie,
                voorstel=str(input.voorstel),
                verwachte_versie=input.verwachte_versie,
            ),
            _herhaald,
        )
        return await _payload(info, geschreven)
