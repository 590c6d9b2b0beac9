"""The organisation profile's mutation (graph_api/domain/organisaties/profiel.py): its own
organisatie-beheerder, or functioneel beheer, changes it at the versie last read."""

from __future__ import annotations

from typing import Any

import strawberry

from graph_api.domain.organisaties import profiel
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import load_one
from graph_api.graphql.core.schrijven import eenmaal_id, idempotency_key, input_id, schrijver
from graph_api.graphql.organisaties.types import ORGANISATIE_TYPES, Organisatie

_ORGANISATIES = tuple(kind.__name__ for kind in ORGANISATIE_TYPES)
_URL = "An http(s) URL."


@strawberry.input(description="A postal address: all four, or null for none.")
class AdresInput:
    straat: str
    huisnummer: str = strawberry.field(description="With its addition: 12a, 12-3.")
    postcode: str = strawberry.field(description="A Dutch postcode, 1234 AB (1234AB is taken too).")
    plaats: str


@strawberry.input(description="A certification the organisation holds.")
class CertificeringInput:
    naam: str
    uitgever: str | None = None
    geldig_tot: str | None = strawberry.field(default=None, description="An ISO-8601 date, 2027-06-30.")
    bewijs_url: str | None = strawberry.field(default=None, description=_URL)


@strawberry.input(description="Whom to contact at the organisation, and for what.")
class ContactpersoonInput:
    naam: str
    functie: str | None = None
    email: str | None = None
    telefoon: str | None = None
    onderwerp: str | None = strawberry.field(
        default=None, description="What they are the contact for: sales, support, privacy, ..."
    )


@strawberry.input(description="What changes of a profile: a field left out stays, null removes it.")
class WijzigOrganisatieprofielInput:
    organisatie: strawberry.ID
    verwachte_versie: int = strawberry.field(description="The organisation's `versienummer` as last read.")
    beschrijving: str | None = strawberry.UNSET
    website: str | None = strawberry.field(default=strawberry.UNSET, description=_URL)
    logo_url: str | None = strawberry.field(default=strawberry.UNSET, description=_URL)
    email: str | None = strawberry.UNSET
    telefoon: str | None = strawberry.UNSET
    adres: AdresInput | None = strawberry.UNSET
    certificeringen: list[CertificeringInput] | None = strawberry.field(
        default=strawberry.UNSET, description="Replace the certifications; null or [] for none."
    )
    contactpersonen: list[ContactpersoonInput] | None = strawberry.field(
        default=strawberry.UNSET, description="Replace the contact persons; null or [] for none."
    )
    idempotency_key: str | None = idempotency_key()


@strawberry.type
class OrganisatieprofielPayload:
    organisatie: Organisatie | None = strawberry.field(description="The organisation as it is now.")


def _velden(input: WijzigOrganisatieprofielInput) -> dict[str, Any]:
    """The profile fields given, as the graph names them; the address as its four properties."""
    velden: dict[str, Any] = {}
    for name, graph_name in (
        ("beschrijving", "beschrijving"),
        ("website", "website"),
        ("logo_url", "logoUrl"),
        ("email", "email"),
        ("telefoon", "telefoon"),
    ):
        value = getattr(input, name)
        if value is not strawberry.UNSET:
            velden[graph_name] = value
    if input.adres is not strawberry.UNSET:
        adres = input.adres
        velden.update({name: None if adres is None else getattr(adres, name) for name in profiel.ADRES})
    return velden


def _items(items: Any, names: dict[str, str]) -> list[dict[str, Any]] | None:
    """A list given (null: none), as the graph names its fields; None when left out."""
    if items is strawberry.UNSET:
        return None
    return [{graph: getattr(item, name) for name, graph in names.items()} for item in items or []]


@strawberry.type
class ProfielMutaties:
    @strawberry.mutation(
        description="Change an organisation's profile at the versie last read (its organisatie-beheerder)."
    )
    async def wijzig_organisatieprofiel(
        self, info: Info, input: WijzigOrganisatieprofielInput
    ) -> OrganisatieprofielPayload:
        wie = schrijver(info, "wijzigOrganisatieprofiel", input)
        key = await eenmaal_id(
            info,
            wie,
            lambda: profiel.wijzig(
                info.context.store,
                wie,
                organisatie=input_id(input.organisatie, _ORGANISATIES, "organisatie"),
                verwachte_versie=input.verwachte_versie,
                velden=_velden(input),
                certificeringen=_items(
                    input.certificeringen,
                    {
                        "naam": "naam",
                        "uitgever": "uitgever",
                        "geldig_tot": "geldigTot",
                        "bewijs_url": "bewijsUrl",
                    },
                ),
                contactpersonen=_items(
                    input.contactpersonen,
                    {n: n for n in ("naam", "functie", "email", "telefoon", "onderwerp")},
                ),
            ),
        )
        return OrganisatieprofielPayload(organisatie=await load_one(info, "organisatie/per_id", key))
