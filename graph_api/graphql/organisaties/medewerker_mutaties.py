"""The mutations of an organisation's people (graph_api/domain/organisaties/medewerker.py):
roles changed, memberships and Gebruikers deactivated and reactivated, machine clients
registered. Each answers with the membership as `Organisatie.medewerkers` shows it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import strawberry

from graph_api.domain.organisaties import medewerker
from graph_api.graphql.context import Info
from graph_api.graphql.core.enums import GebruikerStatus, Rol
from graph_api.graphql.core.schrijven import eenmaal, idempotency_key, input_id, schrijver
from graph_api.graphql.organisaties.types import ORGANISATIE_TYPES, Medewerker

ORGANISATIES = tuple(kind.__name__ for kind in ORGANISATIE_TYPES)


@strawberry.input(description="A member's roles in an organisation, replaced.")
class WijzigRollenInput:
    organisatie: strawberry.ID
    gebruiker: strawberry.ID = strawberry.field(description="The member's `identificatie` (Medewerker).")
    rollen: list[Rol] = strawberry.field(description="Its roles there from now: at least one.")
    verwachte_versie: int = strawberry.field(description="The Medewerker's `versienummer` as last read.")
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="A member of an organisation to deactivate or reactivate there.")
class MedewerkerStatusInput:
    organisatie: strawberry.ID
    gebruiker: strawberry.ID
    verwachte_versie: int = strawberry.field(description="The Medewerker's `versienummer` as last read.")
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="A Gebruiker to deactivate or reactivate in every organisation.")
class GebruikerStatusInput:
    gebruiker: strawberry.ID
    verwachte_versie: int = strawberry.field(
        description="The Medewerker's `gebruikerVersienummer` as last read."
    )
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="A machine client (F008) of an organisation, with one role.")
class RegistreerMachineclientInput:
    organisatie: strawberry.ID
    client_id: str = strawberry.field(
        description="The identity provider's `sub` of the client's client-credentials tokens."
    )
    naam: str
    rol: Rol = strawberry.field(description="Its one role; not organisatie-beheerder.")
    idempotency_key: str | None = idempotency_key()


@strawberry.type
class MedewerkerPayload:
    medewerker: Medewerker | None = strawberry.field(
        description="The membership as it is now; null when the asker may no longer see it."
    )


@strawberry.type
class GebruikerStatusPayload:
    gebruiker: strawberry.ID
    status: GebruikerStatus


async def _payload(info: Info, organisatie: str, gebruiker: str) -> MedewerkerPayload:
    rows = await info.context.store.read(
        "medewerker/per_id", {"organisatie": organisatie, "gebruiker": gebruiker}
    )
    return MedewerkerPayload(medewerker=Medewerker.from_item(rows[0]["item"]) if rows else None)


def _herhaald(organisatie: str) -> Callable[[Mapping[str, Any]], medewerker.Geschreven]:
    """A repeated write's answer: the membership of the Gebruiker its first write changed."""
    return lambda record: medewerker.Geschreven(organisatie, record["object"])


@strawberry.type
class MedewerkerMutaties:
    @strawberry.mutation(description="Replace a member's roles in an organisation (organisatie-beheerder).")
    async def wijzig_rollen(self, info: Info, input: WijzigRollenInput) -> MedewerkerPayload:
        wie = schrijver(info, "wijzigRollen", input)
        organisatie = input_id(input.organisatie, ORGANISATIES, "organisatie")
        geschreven = await eenmaal(
            info,
            wie,
            lambda: medewerker.wijzig_rollen(
                info.context.store,
                wie,
                organisatie=organisatie,
                gebruiker=str(input.gebruiker),
                verwachte_versie=input.verwachte_versie,
                nieuwe_rollen=[rol.value for rol in input.rollen],
            ),
            _herhaald(organisatie),
        )
        return await _payload(info, geschreven.organisatie, geschreven.gebruiker)

    @strawberry.mutation(
        description="Deactivate a member in an organisation: no rights there from its next request, "
        "its memberships elsewhere untouched (organisatie-beheerder)."
    )
    async def deactiveer_medewerker(self, info: Info, input: MedewerkerStatusInput) -> MedewerkerPayload:
        return await _status(info, input, "deactiveerMedewerker", medewerker.GEDEACTIVEERD)

    @strawberry.mutation(description="Reactivate a member in an organisation (organisatie-beheerder).")
    async def activeer_medewerker(self, info: Info, input: MedewerkerStatusInput) -> MedewerkerPayload:
        return await _status(info, input, "activeerMedewerker", medewerker.ACTIEF)

    @strawberry.mutation(
        description="Deactivate a Gebruiker in every organisation: a bezoeker from its next request "
        "(functioneel-beheerder)."
    )
    async def deactiveer_gebruiker(self, info: Info, input: GebruikerStatusInput) -> GebruikerStatusPayload:
        return await _gebruiker_status(info, input, "deactiveerGebruiker", medewerker.GEDEACTIVEERD)

    @strawberry.mutation(description="Reactivate a deactivated Gebruiker (functioneel-beheerder).")
    async def activeer_gebruiker(self, info: Info, input: GebruikerStatusInput) -> GebruikerStatusPayload:
        return await _gebruiker_status(info, input, "activeerGebruiker", medewerker.ACTIEF)

    @strawberry.mutation(
        description="Register a machine client (F008) of an organisation with one role "
        "(organisatie-beheerder); deactivate it with deactiveerMedewerker."
    )
    async def registreer_machineclient(
        self, info: Info, input: RegistreerMachineclientInput
    ) -> MedewerkerPayload:
        wie = schrijver(info, "registreerMachineclient", input)
        organisatie = input_id(input.organisatie, ORGANISATIES, "organisatie")
        geschreven = await eenmaal(
            info,
            wie,
            lambda: medewerker.registreer_machineclient(
                info.context.store,
                wie,
                organisatie=organisatie,
                client_id=input.client_id,
                naam=input.naam,
                rol=input.rol.value,
            ),
            _herhaald(organisatie),
        )
        return await _payload(info, geschreven.organisatie, geschreven.gebruiker)


async def _status(info: Info, input: MedewerkerStatusInput, operatie: str, status: str) -> MedewerkerPayload:
    wie = schrijver(info, operatie, input)
    organisatie = input_id(input.organisatie, ORGANISATIES, "organisatie")
    geschreven = await eenmaal(
        info,
        wie,
        lambda: medewerker.zet_status(
            info.context.store,
            wie,
            organisatie=organisatie,
            gebruiker=str(input.gebruiker),
            verwachte_versie=input.verwachte_versie,
            status=status,
        ),
        _herhaald(organisatie),
    )
    return await _payload(info, geschreven.organisatie, geschreven.gebruiker)


async def _gebruiker_status(
    info: Info, input: GebruikerStatusInput, operatie: str, status: str
) -> GebruikerStatusPayload:
    wie = schrijver(info, operatie, input)
    gebruiker = await eenmaal(
        info,
        wie,
        lambda: medewerker.zet_gebruiker_status(
            info.context.store, wie, gebruiker=str(input.gebruiker), verwachte_versie=input.verwachte_versie,
            status=status,
        ),
        lambda record: record["object"],
    )  # fmt: skip
    return GebruikerStatusPayload(gebruiker=strawberry.ID(gebruiker), status=GebruikerStatus[status])
