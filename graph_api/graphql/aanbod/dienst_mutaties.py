"""The diensten's mutations (graph_api/domain/aanbod/dienst.py): offer, change, retire; each
answers with the dienst as a read now finds it."""

from __future__ import annotations

from typing import Any

import strawberry

from graph_api.domain.aanbod import dienst
from graph_api.graphql.aanbod.types import Dienst
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import load_one
from graph_api.graphql.core.enums import DienstType
from graph_api.graphql.core.schrijven import eenmaal_id, idempotency_key, input_id, schrijver


@strawberry.input(
    description="A dienst a leverancier offers on one or more applications, its own or others'."
)
class BiedDienstAanInput:
    leverancier: strawberry.ID = strawberry.field(description="The leverancier that delivers it.")
    naam: str
    type: DienstType
    beschrijving: str | None = None
    applicaties: list[strawberry.ID] = strawberry.field(
        description="The applications it is offered on (at least one), of any leverancier."
    )
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="What changes of a dienst: a field left out stays, a null beschrijving goes.")
class WijzigDienstInput:
    dienst: strawberry.ID
    verwachte_versie: int = strawberry.field(description="The dienst's `versienummer` as last read.")
    naam: str | None = strawberry.UNSET
    type: DienstType | None = strawberry.UNSET
    beschrijving: str | None = strawberry.UNSET
    applicaties: list[strawberry.ID] | None = strawberry.field(
        default=strawberry.UNSET,
        description="Replace the applications it is offered on; those whose Gebruik take it must stay.",
    )
    idempotency_key: str | None = idempotency_key()


@strawberry.input(
    description="A dienst to retire: no new Gebruik takes it; those that take it keep it, marked INGETROKKEN."
)
class TrekDienstInInput:
    dienst: strawberry.ID
    verwachte_versie: int
    idempotency_key: str | None = idempotency_key()


@strawberry.type
class DienstPayload:
    dienst: Dienst | None = strawberry.field(description="The dienst as it is now.")


async def _gelezen(info: Info, key: str) -> DienstPayload:
    return DienstPayload(dienst=await load_one(info, "dienst/per_id", key, "Dienst"))


def _velden(input: WijzigDienstInput) -> dict[str, Any]:
    velden: dict[str, Any] = {}
    for name in dienst.VELDEN:
        value = getattr(input, name)
        if value is not strawberry.UNSET:
            velden[name] = value.value if isinstance(value, DienstType) else value
    return velden


@strawberry.type
class DienstMutaties:
    @strawberry.mutation(description="Offer a dienst on applications (aanbod-beheerder of the leverancier).")
    async def bied_dienst_aan(self, info: Info, input: BiedDienstAanInput) -> DienstPayload:
        wie = schrijver(info, "biedDienstAan", input)
        geschreven = await eenmaal_id(
            info,
            wie,
            lambda: dienst.bied_aan(
                info.context.store,
                wie,
                leverancier=input_id(input.leverancier, "Leverancier", "leverancier"),
                naam=input.naam,
                type=input.type.value,
                beschrijving=input.beschrijving,
                applicaties=[input_id(a, "Applicatie", "applicaties") for a in input.applicaties],
            ),
        )
        return await _gelezen(info, geschreven)

    @strawberry.mutation(description="Change a dienst at the versie last read (aanbod-beheerder).")
    async def wijzig_dienst(self, info: Info, input: WijzigDienstInput) -> DienstPayload:
        wie = schrijver(info, "wijzigDienst", input)
        applicaties = None
        if input.applicaties is not strawberry.UNSET:
            applicaties = [input_id(a, "Applicatie", "applicaties") for a in input.applicaties or []]
        geschreven = await eenmaal_id(
            info,
            wie,
            lambda: dienst.wijzig(
                info.context.store,
                wie,
                dienst=input_id(input.dienst, "Dienst", "dienst"),
                verwachte_versie=input.verwachte_versie,
                velden=_velden(input),
                applicaties=applicaties,
            ),
        )
        return await _gelezen(info, geschreven)

    @strawberry.mutation(description="Retire a dienst (aanbod-beheerder): the Gebruik that take it keep it.")
    async def trek_dienst_in(self, info: Info, input: TrekDienstInInput) -> DienstPayload:
        wie = schrijver(info, "trekDienstIn", input)
        geschreven = await eenmaal_id(
            info,
            wie,
            lambda: dienst.trek_in(
                info.context.store,
                wie,
                dienst=input_id(input.dienst, "Dienst", "dienst"),
                verwachte_versie=input.verwachte_versie,
            ),
        )
        return await _gelezen(info, geschreven)
