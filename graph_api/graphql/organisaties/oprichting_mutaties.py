"""Creating gemeenten, samenwerkingen and communities (graph_api/domain/organisaties/oprichting.py):
functioneel beheer only; the payload holds the organisation as a read now finds it."""

from __future__ import annotations

from typing import Any

import strawberry

from graph_api.domain.organisaties import oprichting
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import load_one
from graph_api.graphql.core.schrijven import eenmaal, idempotency_key, schrijver
from graph_api.graphql.organisaties.types import Community, Gemeente, Samenwerking


@strawberry.input(description="A gemeente to create (functioneel-beheerder); its id is its CBS code.")
class MaakGemeenteInput:
    naam: str
    cbs_code: str = strawberry.field(description="GM and four digits (GM0363), unique.")
    provincie: str = strawberry.field(description="One of the twelve provinces, as CBS names them.")
    inwoners: int
    oppervlakte_km2: float | None = None
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="A samenwerking to create (functioneel-beheerder); its members join it.")
class MaakSamenwerkingInput:
    naam: str
    grondslag: str | None = strawberry.field(
        default=None, description="Its legal basis (Gemeenschappelijke regeling, ...)."
    )
    beschrijving: str | None = None
    website: str | None = strawberry.field(default=None, description="An http or https URL.")
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="A community to create (functioneel-beheerder); organisations join it.")
class MaakCommunityInput:
    naam: str
    beschrijving: str | None = None
    website: str | None = strawberry.field(default=None, description="An http or https URL.")
    idempotency_key: str | None = idempotency_key()


@strawberry.type
class MaakGemeentePayload:
    gemeente: Gemeente | None


@strawberry.type
class MaakSamenwerkingPayload:
    samenwerking: Samenwerking | None


@strawberry.type
class MaakCommunityPayload:
    community: Community | None


async def _organisatie(info: Info, id: str) -> Any:
    return await load_one(info, "organisatie/per_id", id)


@strawberry.type
class OprichtingMutaties:
    @strawberry.mutation(description="Create a gemeente (functioneel-beheerder).")
    async def maak_gemeente(self, info: Info, input: MaakGemeenteInput) -> MaakGemeentePayload:
        wie = schrijver(info, "maakGemeente", input)
        id = await eenmaal(
            info,
            wie,
            lambda: oprichting.maak_gemeente(
                info.context.store,
                wie,
                naam=input.naam,
                cbs_code=input.cbs_code,
                provincie=input.provincie,
                inwoners=input.inwoners,
                oppervlakte_km2=input.oppervlakte_km2,
            ),
            lambda record: record["object"],
        )
        return MaakGemeentePayload(gemeente=await _organisatie(info, id))

    @strawberry.mutation(description="Create a samenwerking (functioneel-beheerder).")
    async def maak_samenwerking(self, info: Info, input: MaakSamenwerkingInput) -> MaakSamenwerkingPayload:
        wie = schrijver(info, "maakSamenwerking", input)
        id = await eenmaal(
            info,
            wie,
            lambda: oprichting.maak_samenwerking(
                info.context.store,
                wie,
                naam=input.naam,
                grondslag=input.grondslag,
                beschrijving=input.beschrijving,
                website=input.website,
            ),
            lambda record: record["object"],
        )
        return MaakSamenwerkingPayload(samenwerking=await _organisatie(info, id))

    @strawberry.mutation(description="Create a community (functioneel-beheerder).")
    async def maak_community(self, info: Info, input: MaakCommunityInput) -> MaakCommunityPayload:
        wie = schrijver(info, "maakCommunity", input)
        id = await eenmaal(
            info,
            wie,
            lambda: oprichting.maak_community(
                info.context.store,
                wie,
                naam=input.naam,
                beschrijving=input.beschrijving,
                website=input.website,
            ),
            lambda record: record["object"],
        )
        return MaakCommunityPayload(community=await _organisatie(info, id))
