"""Duplicate applications merged (graph_api/domain/aanbod/samenvoegen.py): functioneel beheer
merges one into the one kept; the duplicate's id then answers with the one kept."""

from __future__ import annotations

import strawberry

from graph_api.domain.aanbod import samenvoegen
from graph_api.graphql.aanbod.types import Applicatie
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import load_one
from graph_api.graphql.core.schrijven import eenmaal, idempotency_key, input_id, schrijver


@strawberry.input(
    description="An application recorded twice: the duplicate merges into the one kept, with "
    "everything that points at it."
)
class VoegApplicatiesSamenInput:
    duplicaat: strawberry.ID = strawberry.field(
        description="The application that goes; its id answers with the one kept from now."
    )
    behouden: strawberry.ID = strawberry.field(description="The application kept.")
    idempotency_key: str | None = idempotency_key()


@strawberry.type
class VoegApplicatiesSamenPayload:
    applicatie: Applicatie | None = strawberry.field(description="The application kept, as it is now.")
    verplaatste_gebruik: int = strawberry.field(
        description="Gebruik of the duplicate that moved to the one kept."
    )
    gecombineerde_gebruik: int = strawberry.field(
        description="Gebruik of the duplicate combined with the same organisation's Gebruik of the one kept."
    )


@strawberry.type
class SamenvoegMutaties:
    @strawberry.mutation(
        description="Merge a duplicate application into the one kept: its versions, Gebruik, "
        "koppelingen, diensten, components, modules and proposals move there (functioneel-beheerder)."
    )
    async def voeg_applicaties_samen(
        self, info: Info, input: VoegApplicatiesSamenInput
    ) -> VoegApplicatiesSamenPayload:
        wie = schrijver(info, "voegApplicatiesSamen", input)
        samengevoegd = await eenmaal(
            info,
            wie,
            lambda: samenvoegen.voeg_samen(
                info.context.store,
                wie,
                duplicaat=input_id(input.duplicaat, "Applicatie", "duplicaat"),
                behouden=input_id(input.behouden, "Applicatie", "behouden"),
            ),
            lambda record: samenvoegen.Samengevoegd(
                record["na"]["samengevoegdMet"], record["na"]["verplaatst"], record["na"]["gecombineerd"]
            ),
        )
        return VoegApplicatiesSamenPayload(
            applicatie=await load_one(info, "applicatie/per_id", samengevoegd.applicatie, "Applicatie"),
            verplaatste_gebruik=samengevoegd.verplaatst,
            gecombineerde_gebruik=samengevoegd.gecombineerd,
        )
