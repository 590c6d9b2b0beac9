"""Versions of an application and the standards they support (graph_api/domain/aanbod/versie.py),
written by the aanbod-beheerder of the application's leverancier (Relay style: one `input`, a
payload with the version as a read now finds it)."""

from __future__ import annotations

from typing import Any

import strawberry

from graph_api.domain.aanbod import versie
from graph_api.graphql.aanbod.types import Versie
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import load_one
from graph_api.graphql.core.enums import VersieStatus
from graph_api.graphql.core.schrijven import eenmaal, eenmaal_id, idempotency_key, input_id, schrijver

_DATUM = "An ISO-8601 date, 2026-06-30."
_VERWACHT = "The version's `versienummer` as last read."


@strawberry.input(description="A version of an application.")
class RegistreerVersieInput:
    applicatie: strawberry.ID
    nummer: str = strawberry.field(description="The version's number, as the leverancier writes it: 3.2.")
    status: VersieStatus | None = strawberry.field(
        default=None, description="IN_ONTWIKKELING when not given."
    )
    release_datum: str | None = strawberry.field(
        default=None, description=f"Today when registered IN_GEBRUIK without one. {_DATUM}"
    )
    einde_ondersteuning: str | None = strawberry.field(
        default=None, description=f"Not before the release. {_DATUM}"
    )
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="What changes of a version: a field left out stays, null removes a date.")
class WijzigVersieInput:
    versie: strawberry.ID
    verwachte_versie: int = strawberry.field(description=_VERWACHT)
    nummer: str | None = strawberry.UNSET
    release_datum: str | None = strawberry.field(default=strawberry.UNSET, description=_DATUM)
    einde_ondersteuning: str | None = strawberry.field(default=strawberry.UNSET, description=_DATUM)
    idempotency_key: str | None = idempotency_key()


@strawberry.input(
    description="A step along the lifecycle IN_ONTWIKKELING, IN_GEBRUIK, EINDE_ONDERSTEUNING, "
    "TERUGGETROKKEN: forward only, steps may be skipped."
)
class ZetVersieStatusInput:
    versie: strawberry.ID
    verwachte_versie: int = strawberry.field(description=_VERWACHT)
    status: VersieStatus
    datum: str | None = strawberry.field(
        default=None,
        description="The release date (IN_GEBRUIK) or end of support (EINDE_ONDERSTEUNING), when the "
        f"version has none yet; today when not given. {_DATUM}",
    )
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="A version to delete: one no Gebruik runs.")
class VerwijderVersieInput:
    versie: strawberry.ID
    verwachte_versie: int = strawberry.field(description=_VERWACHT)
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="A standard version a version supports, with the evidence.")
class OndersteuningInput:
    versie: strawberry.ID
    verwachte_versie: int = strawberry.field(description=_VERWACHT)
    standaardversie: strawberry.ID
    bewijs: str | None = strawberry.field(
        default=None, description="Where the compliance is shown: an absolute http or https URL; null: none."
    )
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="A standard version a version no longer supports.")
class VerwijderOndersteuningInput:
    versie: strawberry.ID
    verwachte_versie: int = strawberry.field(description=_VERWACHT)
    standaardversie: strawberry.ID
    idempotency_key: str | None = idempotency_key()


@strawberry.type
class VersiePayload:
    versie: Versie | None = strawberry.field(description="The version as it is now.")


@strawberry.type
class VerwijderVersiePayload:
    verwijderd_id: strawberry.ID = strawberry.field(description="The identificatie of the deleted version.")


_VELDEN = {"nummer": "versie", "release_datum": "releaseDatum", "einde_ondersteuning": "eindeOndersteuning"}


def _velden(data: dict[str, Any]) -> dict[str, Any]:
    """The input's fields as the graph names them, leaving out those not given (UNSET)."""
    return {
        graph_name: data[name]
        for name, graph_name in _VELDEN.items()
        if data.get(name, strawberry.UNSET) is not strawberry.UNSET
    }


def _versie(value: strawberry.ID) -> str:
    return input_id(value, "Versie", "versie")


def _standaardversie(value: strawberry.ID) -> str:
    return input_id(value, "Standaardversie", "standaardversie")


async def _gelezen(info: Info, key: str) -> Versie | None:
    return await load_one(info, "versie/per_id", key, "Versie")


@strawberry.type
class VersieMutaties:
    @strawberry.mutation(description="Register a version of an application (aanbod-beheerder).")
    async def registreer_versie(self, info: Info, input: RegistreerVersieInput) -> VersiePayload:
        wie = schrijver(info, "registreerVersie", input)
        geschreven = await eenmaal_id(
            info,
            wie,
            lambda: versie.registreer(
                info.context.store,
                wie,
                applicatie=input_id(input.applicatie, "Applicatie", "applicatie"),
                velden={**_velden(vars(input)), "status": input.status.value if input.status else None},
            ),
        )
        return VersiePayload(versie=await _gelezen(info, geschreven))

    @strawberry.mutation(
        description="Change a version's number or dates at the versie last read (aanbod-beheerder)."
    )
    async def wijzig_versie(self, info: Info, input: WijzigVersieInput) -> VersiePayload:
        wie = schrijver(info, "wijzigVersie", input)
        geschreven = await eenmaal_id(
            info,
            wie,
            lambda: versie.wijzig(
                info.context.store,
                wie,
                versie=_versie(input.versie),
                verwachte_versie=input.verwachte_versie,
                velden=_velden(vars(input)),
            ),
        )
        return VersiePayload(versie=await _gelezen(info, geschreven))

    @strawberry.mutation(description="Move a version forward along its lifecycle (aanbod-beheerder).")
    async def zet_versie_status(self, info: Info, input: ZetVersieStatusInput) -> VersiePayload:
        wie = schrijver(info, "zetVersieStatus", input)
        geschreven = await eenmaal_id(
            info,
            wie,
            lambda: versie.zet_status(
                info.context.store,
                wie,
                versie=_versie(input.versie),
                verwachte_versie=input.verwachte_versie,
                status=input.status.value,
                datum=input.datum,
            ),
        )
        return VersiePayload(versie=await _gelezen(info, geschreven))

    @strawberry.mutation(description="Delete a version no Gebruik runs (aanbod-beheerder).")
    async def verwijder_versie(self, info: Info, input: VerwijderVersieInput) -> VerwijderVersiePayload:
        wie = schrijver(info, "verwijderVersie", input)
        verwijderd = await eenmaal(
            info,
            wie,
            lambda: versie.verwijder(
                info.context.store, wie, versie=_versie(input.versie), verwachte_versie=input.verwachte_versie
            ),
            lambda record: record["object"],
        )
        return VerwijderVersiePayload(verwijderd_id=strawberry.ID(verwijderd))

    @strawberry.mutation(
        description="Record that a version supports a standard version, with the evidence (aanbod-beheerder)."
    )
    async def voeg_ondersteuning_toe(self, info: Info, input: OndersteuningInput) -> VersiePayload:
        return await _ondersteun(info, input, "voegOndersteuningToe", nieuw=True)

    @strawberry.mutation(
        description="Change the evidence of a standard version a version supports (aanbod-beheerder)."
    )
    async def wijzig_ondersteuning(self, info: Info, input: OndersteuningInput) -> VersiePayload:
        return await _ondersteun(info, input, "wijzigOndersteuning", nieuw=False)

    @strawberry.mutation(description="Remove a standard version a version supports (aanbod-beheerder).")
    async def verwijder_ondersteuning(self, info: Info, input: VerwijderOndersteuningInput) -> VersiePayload:
        wie = schrijver(info, "verwijderOndersteuning", input)
        geschreven = await eenmaal_id(
            info,
            wie,
            lambda: versie.verwijder_ondersteuning(
                info.context.store,
                wie,
                versie=_versie(input.versie),
                verwachte_versie=input.verwachte_versie,
                standaardversie=_standaardversie(input.standaardversie),
            ),
        )
        return VersiePayload(versie=await _gelezen(info, geschreven))


async def _ondersteun(info: Info, input: OndersteuningInput, operatie: str, *, nieuw: bool) -> VersiePayload:
    wie = schrijver(info, operatie, input)
    geschreven = await eenmaal_id(
        info,
        wie,
        lambda: versie.ondersteun(
            info.context.store,
            wie,
            versie=_versie(input.versie),
            verwachte_versie=input.verwachte_versie,
            standaardversie=_standaardversie(input.standaardversie),
            bewijs=input.bewijs,
            nieuw=nieuw,
        ),
    )
    return VersiePayload(versie=await _gelezen(info, geschreven))
