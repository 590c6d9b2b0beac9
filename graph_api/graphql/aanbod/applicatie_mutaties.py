"""A leverancier's applications and modules (graph_api/domain/aanbod/applicatie.py): registered,
changed, retired and deleted by its aanbod-beheerder (Relay style: one `input`, a payload with
the application as a read now finds it)."""

from __future__ import annotations

from typing import Any

import strawberry

from graph_api.domain.aanbod import applicatie
from graph_api.graphql.aanbod.types import Applicatie
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import load_one
from graph_api.graphql.core.enums import ApplicatieType, Hostingmodel, Licentietype
from graph_api.graphql.core.schrijven import eenmaal, eenmaal_id, idempotency_key, input_id, schrijver

_URL = "An absolute http or https URL."


@strawberry.input(
    description="An application a leverancier offers: a product, or a module of one of its products. "
    "A concept until functioneel beheer has checked it when the leverancier has no published "
    "application yet (or is a concept itself)."
)
class RegistreerApplicatieInput:
    leverancier: strawberry.ID = strawberry.field(description="The leverancier that offers it.")
    naam: str
    beschrijving: str | None = None
    website: str | None = strawberry.field(default=None, description=_URL)
    type: ApplicatieType | None = strawberry.field(default=None, description="APPLICATIE when not given.")
    licentietype: Licentietype
    licentie: str | None = strawberry.field(
        default=None, description="The licence: EUPL-1.2, Commercieel, ..."
    )
    cloud_modellen: list[Hostingmodel] | None = strawberry.field(
        default=None, description="The hosting models it can be run with."
    )
    hosting_locatie: str | None = strawberry.field(
        default=None, description="Where it is hosted: Nederland, EU, ..."
    )
    jurisdictie: str | None = strawberry.field(
        default=None, description="Whose law the hosting falls under: NL, ..."
    )
    referentiecomponenten: list[strawberry.ID] | None = strawberry.field(
        default=None, description="The GEMMA reference components it realises."
    )
    onderdeel_van: strawberry.ID | None = strawberry.field(
        default=None, description="For a module: the product of the same leverancier it is part of."
    )
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="What changes of an application: a field left out stays, null removes it.")
class WijzigApplicatieInput:
    applicatie: strawberry.ID
    verwachte_versie: int = strawberry.field(description="The application's `versienummer` as last read.")
    naam: str | None = strawberry.UNSET
    beschrijving: str | None = strawberry.UNSET
    website: str | None = strawberry.field(default=strawberry.UNSET, description=_URL)
    type: ApplicatieType | None = strawberry.UNSET
    licentietype: Licentietype | None = strawberry.UNSET
    licentie: str | None = strawberry.UNSET
    cloud_modellen: list[Hostingmodel] | None = strawberry.UNSET
    hosting_locatie: str | None = strawberry.UNSET
    jurisdictie: str | None = strawberry.UNSET
    referentiecomponenten: list[strawberry.ID] | None = strawberry.field(
        default=strawberry.UNSET, description="Replace the reference components it realises."
    )
    idempotency_key: str | None = idempotency_key()


@strawberry.input(
    description="An application to retire: it stays in the catalogue, with its Gebruik and history, "
    "as TERUGGETROKKEN."
)
class TrekApplicatieTerugInput:
    applicatie: strawberry.ID
    verwachte_versie: int
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="An application nothing uses, to delete with its versions.")
class VerwijderApplicatieInput:
    applicatie: strawberry.ID
    verwachte_versie: int
    idempotency_key: str | None = idempotency_key()


@strawberry.type
class ApplicatiePayload:
    applicatie: Applicatie | None = strawberry.field(description="The application as it is now.")


@strawberry.type
class VerwijderApplicatiePayload:
    verwijderd_id: strawberry.ID = strawberry.field(
        description="The identificatie of the deleted application."
    )


_VELDEN = {
    "naam": "naam",
    "beschrijving": "beschrijving",
    "website": "website",
    "type": "type",
    "licentietype": "licentietype",
    "licentie": "licentie",
    "cloud_modellen": "cloudModellen",
    "hosting_locatie": "hostingLocatie",
    "jurisdictie": "jurisdictie",
}


def _velden(data: dict[str, Any]) -> dict[str, Any]:
    """The input's fields as the graph names them, leaving out those not given (UNSET)."""
    velden: dict[str, Any] = {}
    for name, graph_name in _VELDEN.items():
        value = data.get(name, strawberry.UNSET)
        if value is strawberry.UNSET:
            continue
        if isinstance(value, list):
            value = [item.value for item in value]
        velden[graph_name] = value.value if hasattr(value, "value") else value
    return velden


def _componenten(ids: list[strawberry.ID] | None) -> list[str]:
    return [input_id(r, "Referentiecomponent", "referentiecomponenten") for r in ids or []]


async def _gelezen(info: Info, key: str) -> Applicatie | None:
    return await load_one(info, "applicatie/per_id", key, "Applicatie")


@strawberry.type
class ApplicatieMutaties:
    @strawberry.mutation(description="Register an application or module of a leverancier (aanbod-beheerder).")
    async def registreer_applicatie(self, info: Info, input: RegistreerApplicatieInput) -> ApplicatiePayload:
        wie = schrijver(info, "registreerApplicatie", input)
        geschreven = await eenmaal_id(
            info,
            wie,
            lambda: applicatie.registreer(
                info.context.store,
                wie,
                leverancier=input_id(input.leverancier, "Leverancier", "leverancier"),
                velden=_velden(vars(input)),
                referentiecomponenten=_componenten(input.referentiecomponenten),
                onderdeel_van=None
                if input.onderdeel_van is None
                else input_id(input.onderdeel_van, "Applicatie", "onderdeelVan"),
            ),
        )
        return ApplicatiePayload(applicatie=await _gelezen(info, geschreven))

    @strawberry.mutation(description="Change an application at the versie last read (aanbod-beheerder).")
    async def wijzig_applicatie(self, info: Info, input: WijzigApplicatieInput) -> ApplicatiePayload:
        wie = schrijver(info, "wijzigApplicatie", input)
        componenten = (
            None
            if input.referentiecomponenten is strawberry.UNSET
            else _componenten(input.referentiecomponenten)
        )
        geschreven = await eenmaal_id(
            info,
            wie,
            lambda: applicatie.wijzig(
                info.context.store,
                wie,
                applicatie=input_id(input.applicatie, "Applicatie", "applicatie"),
                verwachte_versie=input.verwachte_versie,
                velden=_velden(vars(input)),
                referentiecomponenten=componenten,
            ),
        )
        return ApplicatiePayload(applicatie=await _gelezen(info, geschreven))

    @strawberry.mutation(
        description="Retire an application: it stays, with its Gebruik, as TERUGGETROKKEN (aanbod-beheerder)."
    )
    async def trek_applicatie_terug(self, info: Info, input: TrekApplicatieTerugInput) -> ApplicatiePayload:
        wie = schrijver(info, "trekApplicatieTerug", input)
        geschreven = await eenmaal_id(
            info,
            wie,
            lambda: applicatie.trek_terug(
                info.context.store,
                wie,
                applicatie=input_id(input.applicatie, "Applicatie", "applicatie"),
                verwachte_versie=input.verwachte_versie,
            ),
        )
        return ApplicatiePayload(applicatie=await _gelezen(info, geschreven))

    @strawberry.mutation(
        description="Delete an application nothing uses, with its versions (aanbod-beheerder); "
        "one in use answers IN_USE: retire it instead."
    )
    async def verwijder_applicatie(
        self, info: Info, input: VerwijderApplicatieInput
    ) -> VerwijderApplicatiePayload:
        wie = schrijver(info, "verwijderApplicatie", input)
        verwijderd = await eenmaal(
            info,
            wie,
            lambda: applicatie.verwijder(
                info.context.store,
                wie,
                applicatie=input_id(input.applicatie, "Applicatie", "applicatie"),
                verwachte_versie=input.verwachte_versie,
            ),
            lambda record: record["object"],
        )
        return VerwijderApplicatiePayload(verwijderd_id=strawberry.ID(verwijderd))
