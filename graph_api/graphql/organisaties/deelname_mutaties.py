"""Joining and leaving samenwerkingen and communities (graph_api/domain/organisaties/deelname.py),
at once, by the organisation's own organisatie-beheerder or functioneel beheer."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import strawberry

from graph_api.domain.organisaties import deelname
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import load_one
from graph_api.graphql.core.schrijven import eenmaal, idempotency_key, input_id, schrijver
from graph_api.graphql.organisaties.types import ORGANISATIE_TYPES, Organisatie

_ORGANISATIES = tuple(kind.__name__ for kind in ORGANISATIE_TYPES)


@strawberry.input(
    description="An organisation joins a samenwerking (gemeenten only) or a community (any but a community)."
)
class TreedToeInput:
    organisatie: strawberry.ID = strawberry.field(description="The organisation that joins.")
    samenwerking_of_community: strawberry.ID
    sinds: str | None = strawberry.field(
        default=None, description="An ISO-8601 date, today or before: today when not given."
    )
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="An organisation leaves a samenwerking or community.")
class TreedUitInput:
    organisatie: strawberry.ID
    samenwerking_of_community: strawberry.ID
    idempotency_key: str | None = idempotency_key()


@strawberry.type
class DeelnamePayload:
    organisatie: Organisatie | None = strawberry.field(description="The organisation that joined or left.")
    samenwerking_of_community: Organisatie | None
    sinds: str | None = strawberry.field(description="Since when it is (or was) a member.")


def _herhaal(record: Mapping[str, Any]) -> deelname.Deelname:
    """The membership a repeated write answers with, from the first write's change record."""
    wat = record["na"] if record["operatie"] == "AANGEMAAKT" else record["voor"]
    return deelname.Deelname(record["object"], wat["samenwerkingOfCommunity"], wat["sinds"])


async def _payload(info: Info, gedaan: deelname.Deelname) -> DeelnamePayload:
    return DeelnamePayload(
        organisatie=await load_one(info, "organisatie/per_id", gedaan.organisatie),
        samenwerking_of_community=await load_one(info, "organisatie/per_id", gedaan.verband),
        sinds=gedaan.sinds,
    )


@strawberry.type
class DeelnameMutaties:
    @strawberry.mutation(
        description="Join a samenwerking or community, at once (the organisation's organisatie-beheerder)."
    )
    async def treed_toe(self, info: Info, input: TreedToeInput) -> DeelnamePayload:
        wie = schrijver(info, "treedToe", input)
        gedaan = await eenmaal(
            info,
            wie,
            lambda: deelname.treed_toe(
                info.context.store,
                wie,
                organisatie=input_id(input.organisatie, _ORGANISATIES, "organisatie"),
                verband=input_id(input.samenwerking_of_community, _ORGANISATIES, "samenwerkingOfCommunity"),
                sinds=input.sinds,
            ),
            _herhaal,
        )
        return await _payload(info, gedaan)

    @strawberry.mutation(
        description="Leave a samenwerking or community, at once (the organisation's organisatie-beheerder)."
    )
    async def treed_uit(self, info: Info, input: TreedUitInput) -> DeelnamePayload:
        wie = schrijver(info, "treedUit", input)
        gedaan = await eenmaal(
            info,
            wie,
            lambda: deelname.treed_uit(
                info.context.store,
                wie,
                organisatie=input_id(input.organisatie, _ORGANISATIES, "organisatie"),
                verband=input_id(input.samenwerking_of_community, _ORGANISATIES, "samenwerkingOfCommunity"),
            ),
            _herhaal,
        )
        return await _payload(info, gedaan)
