"""toonInteresse and trekInteresseIn (graph_api/domain/interesse/interesse.py)."""

from __future__ import annotations

import strawberry

from graph_api.domain.interesse import interesse
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import load_one
from graph_api.graphql.core.schrijven import eenmaal, eenmaal_id, idempotency_key, input_id, schrijver
from graph_api.graphql.interesse.types import Interesse


@strawberry.input(description="A gemeente's interest in an application; its leverancier sees who showed it.")
class ToonInteresseInput:
    applicatie: strawberry.ID
    bericht: str | None = strawberry.field(default=None, description="A message to the leverancier.")
    gemeente: strawberry.ID | None = strawberry.field(
        default=None, description="The gemeente it is shown for; needed only by a person of several."
    )
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="An interest to withdraw.")
class TrekInteresseInInput:
    interesse: strawberry.ID
    verwachte_versie: int = strawberry.field(description="The interest's `versienummer` as last read.")
    idempotency_key: str | None = idempotency_key()


@strawberry.type
class ToonInteressePayload:
    interesse: Interesse | None = strawberry.field(description="The interest as it is now.")


@strawberry.type
class TrekInteresseInPayload:
    ingetrokken_id: str = strawberry.field(description="The id of the interest withdrawn.")


@strawberry.type
class InteresseMutaties:
    @strawberry.mutation(
        description="Show a gemeente's interest in an application (any role of the gemeente), once per "
        "gemeente and application; the leverancier's beheerders see who and get a melding."
    )
    async def toon_interesse(self, info: Info, input: ToonInteresseInput) -> ToonInteressePayload:
        wie = schrijver(info, "toonInteresse", input)
        applicatie = input_id(input.applicatie, "Applicatie", "applicatie")
        gemeente = None if input.gemeente is None else input_id(input.gemeente, "Gemeente", "gemeente")
        key = await eenmaal_id(
            info,
            wie,
            lambda: interesse.toon(
                info.context.store, wie, applicatie=applicatie, gemeente=gemeente, bericht=input.bericht
            ),
        )
        return ToonInteressePayload(interesse=await load_one(info, "interesse/per_id", key, "Interesse"))

    @strawberry.mutation(description="Withdraw a gemeente's interest (a person of the gemeente).")
    async def trek_interesse_in(self, info: Info, input: TrekInteresseInInput) -> TrekInteresseInPayload:
        wie = schrijver(info, "trekInteresseIn", input)
        key = await eenmaal(
            info,
            wie,
            lambda: interesse.trek_in(
                info.context.store,
                wie,
                interesse=str(input.interesse),
                verwachte_versie=input.verwachte_versie,
            ),
            lambda record: record["object"],
        )
        return TrekInteresseInPayload(ingetrokken_id=key)
