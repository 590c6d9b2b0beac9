"""Delegations (graph_api/domain/organisaties/delegatie.py): the type, the root list the people
of both organisations see, and the mutations to grant and withdraw one, Relay style."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_api.domain.organisaties import delegatie
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import list_page, load_one, registered
from graph_api.graphql.core.ids import reference
from graph_api.graphql.core.lists import Verzoek, paged_list, verzoek
from graph_api.graphql.core.schrijven import eenmaal_id, idempotency_key, input_id, schrijver
from graph_api.model import keuzes
from graph_api.toegang import vandaag

if TYPE_CHECKING:
    from graph_api.graphql.organisaties.types import Organisatie

Organisatie_ = Annotated["Organisatie", strawberry.lazy("graph_api.graphql.organisaties.types")]
_ORGANISATIES = ("Gemeente", "Leverancier", "Samenwerking", "Community", "Beheerorganisatie")


@strawberry.enum(
    description="A role an organisation may delegate: its landscape kept (GEBRUIK_BEHEERDER) or read "
    "(GEBRUIK_RAADPLEGER), its aanbod kept (AANBOD_BEHEERDER, between leveranciers)."
)
class DelegatieRol(Enum):
    GEBRUIK_BEHEERDER = "GEBRUIK_BEHEERDER"
    GEBRUIK_RAADPLEGER = "GEBRUIK_RAADPLEGER"
    AANBOD_BEHEERDER = "AANBOD_BEHEERDER"


assert {rol.value for rol in DelegatieRol} == set(keuzes.DELEGATIE_ROL)


@strawberry.enum(description="Where a delegation stands today (Europe/Amsterdam).")
class DelegatieStatus(Enum):
    ACTIEF = "ACTIEF"  # between its dates: its role counts
    TOEKOMSTIG = "TOEKOMSTIG"  # its first day is still to come
    VERLOPEN = "VERLOPEN"  # its last day has passed
    INGETROKKEN = "INGETROKKEN"  # withdrawn by the granting organisation


@registered("Delegatie")
@strawberry.type(
    description="A role one organisation grants the people of another in its landscape or aanbod, "
    "for a period: those of the receiving organisation who hold the role there hold it here too."
)
class Delegatie:
    identificatie: strawberry.ID
    rol: DelegatieRol
    start_datum: str = strawberry.field(description="The first day it counts (ISO-8601 date).")
    eind_datum: str = strawberry.field(description="The last day it counts, included.")
    toelichting: str | None = strawberry.field(description="Why: a contract, an agreement.")
    status: DelegatieStatus
    versienummer: int = strawberry.field(
        description="Goes up by one with every change; give it as `verwachteVersie` to withdraw it."
    )
    verleend_op: str = strawberry.field(description="When it was granted (ISO-8601).")
    ingetrokken_op: str | None = strawberry.field(description="When it was withdrawn, if it was.")

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Delegatie:
        return cls(
            identificatie=strawberry.ID(item["id"]),
            rol=DelegatieRol[item["rol"]],
            start_datum=item["startDatum"],
            eind_datum=item["eindDatum"],
            toelichting=item.get("toelichting"),
            status=DelegatieStatus[delegatie.status(item, vandaag())],
            versienummer=item["versie"],
            verleend_op=item["verleendOp"],
            ingetrokken_op=item.get("ingetrokkenOp"),
        )

    @strawberry.field(description="The organisation that grants it: its landscape or aanbod.")
    async def verlener(self, info: Info) -> Organisatie_ | None:
        return await load_one(info, "delegatie/verlener", self.identificatie)

    @strawberry.field(description="The organisation whose people hold it.")
    async def ontvanger(self, info: Info) -> Organisatie_ | None:
        return await load_one(info, "delegatie/ontvanger", self.identificatie)


@strawberry.input(
    description="A role to grant another organisation in the asker's organisation's landscape or aanbod."
)
class VerleenDelegatieInput:
    organisatie: strawberry.ID = strawberry.field(
        description="The granting organisation: the asker is its organisatie-beheerder."
    )
    aan: strawberry.ID = strawberry.field(
        description="The receiving organisation: its people who hold `rol` there hold it here too."
    )
    rol: DelegatieRol
    eind_datum: str = strawberry.field(
        description="The last day it counts (ISO-8601 date): within a year of `startDatum`."
    )
    start_datum: str | None = strawberry.field(
        default=None, description="The first day it counts; today when not given."
    )
    toelichting: str | None = strawberry.field(default=None, description="Why: a contract, an agreement.")
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="A delegation to withdraw: from the next request on it gives nothing.")
class TrekDelegatieInInput:
    delegatie: strawberry.ID = strawberry.field(description="The delegation's identificatie.")
    verwachte_versie: int = strawberry.field(description="Its `versienummer` as last read.")
    idempotency_key: str | None = idempotency_key()


@strawberry.type
class DelegatiePayload:
    delegatie: Delegatie | None = strawberry.field(description="The delegation as it is now.")


async def _payload(info: Info, key: str) -> DelegatiePayload:
    return DelegatiePayload(delegatie=await load_one(info, "delegatie/per_id", key, "Delegatie"))


@strawberry.type
class DelegatieMutaties:
    @strawberry.mutation(
        description="Grant another organisation's people a role in this organisation's landscape or "
        "aanbod for a period (organisatie-beheerder)."
    )
    async def verleen_delegatie(self, info: Info, input: VerleenDelegatieInput) -> DelegatiePayload:
        wie = schrijver(info, "verleenDelegatie", input)
        key = await eenmaal_id(
            info,
            wie,
            lambda: delegatie.verleen(
                info.context.store,
                wie,
                organisatie=input_id(input.organisatie, _ORGANISATIES, "organisatie"),
                aan=input_id(input.aan, _ORGANISATIES, "aan"),
                rol=input.rol.value,
                start_datum=input.start_datum,
                eind_datum=input.eind_datum,
                toelichting=input.toelichting,
            ),
        )
        return await _payload(info, key)

    @strawberry.mutation(
        description="Withdraw a delegation of this organisation, at once (organisatie-beheerder)."
    )
    async def trek_delegatie_in(self, info: Info, input: TrekDelegatieInInput) -> DelegatiePayload:
        wie = schrijver(info, "trekDelegatieIn", input)
        key = await eenmaal_id(
            info,
            wie,
            lambda: delegatie.trek_in(
                info.context.store,
                wie,
                delegatie=input_id(input.delegatie, "Delegatie", "delegatie"),
                verwachte_versie=input.verwachte_versie,
            ),
        )
        return await _payload(info, key)


def _verzoek(args: dict[str, Any]) -> Verzoek:
    status = args.get("status")
    params = {
        "organisatie": reference(args.get("organisatie"), *_ORGANISATIES, argument="organisatie"),
        "status": None if status is None else status.value,
        "vandaag": vandaag(),
    }
    return verzoek(args, params, field="VERLEEND_OP")


async def _delegaties(source: Any, info: Info, args: dict[str, Any], verzoek: Verzoek):
    return await list_page(
        info, "delegatie/lijst", "delegatie/aantal", verzoek.page, verzoek.params, "Delegatie"
    )


@strawberry.type
class DelegatieLijsten:
    delegaties = paged_list(
        Delegatie,
        "The delegations the asker may see, oldest grant first: those its organisations granted or "
        "received (for all their people), every one for functioneel beheer.",
        leading=[("organisatie", strawberry.ID), ("status", DelegatieStatus)],
        request=_verzoek,
        read=_delegaties,
    )
