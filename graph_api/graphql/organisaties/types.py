"""Organisations: gemeenten, leveranciers, samenwerkingen, communities, the catalogue's keeper."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import relay

from graph_api.graphql.aanbod.inputs import AanbodFilter, aanbod_verzoek
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import load_many, load_nodes, load_one, load_page, registered
from graph_api.graphql.core.enums import GebruikerStatus, Grootteklasse, OrganisatieStatus, Rol, grootteklasse
from graph_api.graphql.core.inputs import NaamOrder
from graph_api.graphql.core.lists import Verzoek, paged_list
from graph_api.graphql.core.paging import Connection
from graph_api.graphql.landschap.inputs import GebruikFilter, GebruikOrder, gebruik_verzoek

if TYPE_CHECKING:
    from graph_api.graphql.aanbod.types import Applicatie, Dienst
    from graph_api.graphql.landschap.types import Gebruik

Applicatie_ = Annotated["Applicatie", strawberry.lazy("graph_api.graphql.aanbod.types")]
Dienst_ = Annotated["Dienst", strawberry.lazy("graph_api.graphql.aanbod.types")]
Gebruik_ = Annotated["Gebruik", strawberry.lazy("graph_api.graphql.landschap.types")]


async def _landschap(source: Any, info: Info, args: dict[str, Any], verzoek: Verzoek) -> Connection:
    params = {**verzoek.params, "veld": verzoek.field}
    return await load_page(info, "organisatie/gebruik", source.key, verzoek.page, params, "Gebruik")


async def _aanbod(source: Any, info: Info, args: dict[str, Any], verzoek: Verzoek) -> Connection:
    return await load_page(info, "organisatie/aanbod", source.key, verzoek.page, verzoek.params, "Applicatie")


def _common(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "key": item["id"],
        "identificatie": item["id"],
        "naam": item["naam"],
        "status": OrganisatieStatus[item["status"]],
        "beschrijving": item.get("beschrijving"),
        "website": item.get("website"),
        "logo_url": item.get("logoUrl"),
        "email": item.get("email"),
        "telefoon": item.get("telefoon"),
        "gevonden_adres": Adres.from_item(item),
        "aangemaakt": item.get("aangemaakt"),
        # An organisation never changed has no versie and counts as 1 (model/organisaties.py).
        "versienummer": item.get("versie") or 1,
    }


@strawberry.type(description="An organisation's postal address.")
class Adres:
    straat: str
    huisnummer: str = strawberry.field(description="With its addition: 12a, 12-3.")
    postcode: str = strawberry.field(description="1234 AB.")
    plaats: str

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Adres | None:
        if item.get("straat") is None:
            return None
        return cls(
            straat=item["straat"],
            huisnummer=item["huisnummer"],
            postcode=item["postcode"],
            plaats=item["plaats"],
        )


@strawberry.type(description="A certification an organisation holds.")
class Certificering:
    naam: str = strawberry.field(description="ISO 27001, NEN 7510, ...")
    uitgever: str | None = strawberry.field(description="Who issued it.")
    geldig_tot: str | None = strawberry.field(description="The last day it is valid (ISO-8601).")
    bewijs_url: str | None = strawberry.field(description="Where the certificate can be checked.")

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Certificering:
        return cls(
            naam=item["naam"],
            uitgever=item.get("uitgever"),
            geldig_tot=item.get("geldigTot"),
            bewijs_url=item.get("bewijsUrl"),
        )


@strawberry.type(description="Whom to contact at an organisation, and for what.")
class Contactpersoon:
    naam: str
    functie: str | None
    onderwerp: str | None = strawberry.field(description="What they are the contact for: sales, support, ...")
    email: str | None = strawberry.field(
        description="Only for those signed in with a role; null for the anonymous bezoeker (docs/access.md)."
    )
    telefoon: str | None = strawberry.field(
        description="Only for those signed in with a role; null for the anonymous bezoeker (docs/access.md)."
    )

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Contactpersoon:
        return cls(
            naam=item["naam"],
            functie=item.get("functie"),
            onderwerp=item.get("onderwerp"),
            email=item.get("email"),
            telefoon=item.get("telefoon"),
        )


@strawberry.type(description="A person or machine client of an organisation, with its roles there.")
class Medewerker:
    identificatie: str
    naam: str
    email: str | None
    status: GebruikerStatus
    machine: bool = strawberry.field(description="A machine client (F008) rather than a person.")
    rollen: list[Rol]
    lidmaatschap_status: GebruikerStatus = strawberry.field(
        description="Of its membership of this organisation: GEDEACTIVEERD gives it no rights here, "
        "whatever its `status` (the Gebruiker's, in every organisation)."
    )
    versienummer: int = strawberry.field(
        description="Of its membership: give it as `verwachteVersie` to wijzigRollen, "
        "deactiveerMedewerker, activeerMedewerker."
    )
    gebruiker_versienummer: int = strawberry.field(
        description="Of the Gebruiker: give it as `verwachteVersie` to deactiveerGebruiker, "
        "activeerGebruiker."
    )

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Medewerker:
        return cls(
            identificatie=item["id"],
            naam=item["naam"],
            email=item.get("email"),
            status=GebruikerStatus[item["status"]],
            machine=item.get("soort") == "MACHINE",
            rollen=[Rol[rol] for rol in item["rollen"] or []],
            lidmaatschap_status=GebruikerStatus[item["lidmaatschapStatus"]],
            versienummer=item["versie"],
            gebruiker_versienummer=item["gebruikerVersie"],
        )


@strawberry.interface(description="Every organisation in the catalogue.")
class Organisatie(relay.Node):
    key: relay.NodeID[str]
    identificatie: str = strawberry.field(
        description="The organisation's id in the graph (a CBS code for gemeenten)."
    )
    naam: str
    status: OrganisatieStatus
    beschrijving: str | None
    website: str | None
    logo_url: str | None
    email: str | None = strawberry.field(description="The organisation's general e-mail address.")
    telefoon: str | None = strawberry.field(description="The organisation's general telephone number.")
    gevonden_adres: strawberry.Private[Adres | None]
    aangemaakt: str | None = strawberry.field(description="When it was registered (ISO-8601).")
    versienummer: int = strawberry.field(
        description="The profile's versie: give it as `verwachteVersie` to change the profile."
    )

    gebruik = paged_list(
        Gebruik_, "The organisation's landscape: the applications it uses.",
        filter=GebruikFilter, order=GebruikOrder, request=gebruik_verzoek, read=_landschap,
    )  # fmt: skip

    @strawberry.field(
        description="Its people and machine clients with their roles; only for its organisatie-beheerders "
        "and functioneel beheer, empty for everyone else."
    )
    async def medewerkers(self, info: Info) -> list[Medewerker]:
        items = await info.context.loaders.many("organisatie/medewerkers").load(self.key)
        return [Medewerker.from_item(item) for item in items]

    @strawberry.field(description="Its postal address; null when none is recorded.")
    def adres(self) -> Adres | None:
        return self.gevonden_adres

    @strawberry.field(description="The certifications it holds, by name.")
    async def certificeringen(self, info: Info) -> list[Certificering]:
        items = await info.context.loaders.many("profiel/certificeringen").load(self.key)
        return [Certificering.from_item(item) for item in items]

    @strawberry.field(description="Whom to contact there, by name.")
    async def contactpersonen(self, info: Info) -> list[Contactpersoon]:
        items = await info.context.loaders.many("profiel/contactpersonen").load(self.key)
        return [Contactpersoon.from_item(item) for item in items]

    @strawberry.field(description="The samenwerkingen and communities it takes part in now.")
    async def deelnames(self, info: Info) -> list[Organisatie]:
        return await load_many(info, "organisatie/deelnames", self.key)

    @classmethod
    async def resolve_nodes(  # type: ignore[override]  # one answer for Node's overloads: None if unknown
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Organisatie | None]:
        return await load_nodes(info, "organisatie/per_id", list(node_ids), cls.__name__)


@registered("Gemeente")
@strawberry.type(description="A Dutch municipality, with its CBS code, province and inhabitants.")
class Gemeente(Organisatie):
    cbs_code: str
    provincie: str
    inwoners: int
    grootteklasse: Grootteklasse
    oppervlakte_km2: float | None
    # A dissolved gemeente's property (OpgehevenGemeente), not Gemeente's: answered by its
    # resolver, so that compiled reads, which read Gemeente's declared properties, leave it be.
    opgeheven_op: strawberry.Private[str | None] = None

    @strawberry.field(description="The day it was dissolved by a herindeling (ISO-8601); null if it exists.")
    def opgeheven(self) -> str | None:
        return self.opgeheven_op

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Gemeente:
        return cls(
            **_common(item),
            cbs_code=item["cbsCode"],
            provincie=item["provincie"],
            inwoners=item["inwoners"],
            grootteklasse=grootteklasse(item["inwoners"]),
            oppervlakte_km2=item.get("oppervlakteKm2"),
            opgeheven_op=item.get("opgeheven"),
        )

    @strawberry.field(description="The gemeente it went into by a herindeling; null while it exists.")
    async def opgegaan_in(self, info: Info) -> Gemeente | None:
        return await load_one(info, "herindeling/opgegaan_in", self.key)

    @strawberry.field(description="The gemeenten that went into it by a herindeling, by name.")
    async def voorgangers(self, info: Info) -> list[Gemeente]:
        return await load_many(info, "herindeling/voorgangers", self.key)

    @strawberry.field(description="The gemeenten it borders on.")
    async def buren(self, info: Info) -> list[Gemeente]:
        return await load_many(info, "organisatie/buren", self.key)


@registered("Leverancier")
@strawberry.type(description="A supplier of software and diensten.")
class Leverancier(Organisatie):
    kvk_nummer: str | None

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Leverancier:
        return cls(**_common(item), kvk_nummer=item.get("kvkNummer"))

    aanbod = paged_list(
        Applicatie_, "The applications it offers.",
        filter=AanbodFilter, order=NaamOrder, request=aanbod_verzoek, read=_aanbod,
    )  # fmt: skip

    @strawberry.field(description="The diensten it delivers.")
    async def diensten(self, info: Info) -> list[Dienst_]:
        return await load_many(info, "organisatie/diensten", self.key, "Dienst")


@registered("Samenwerking")
@strawberry.type(
    description="A collaboration of gemeenten with a legal basis; may register usage for its members."
)
class Samenwerking(Organisatie):
    grondslag: str | None

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Samenwerking:
        return cls(**_common(item), grondslag=item.get("grondslag"))

    @strawberry.field(description="Its member gemeenten now.")
    async def leden(self, info: Info) -> list[Organisatie]:
        return await load_many(info, "organisatie/leden", self.key)


@registered("Community")
@strawberry.type(description="A community organisations declare membership of.")
class Community(Organisatie):
    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Community:
        return cls(**_common(item))

    @strawberry.field(description="Its members now.")
    async def leden(self, info: Info) -> list[Organisatie]:
        return await load_many(info, "organisatie/leden", self.key)


@registered("Beheerorganisatie")
@strawberry.type(description="The catalogue's keeper (VNG Realisatie).")
class Beheerorganisatie(Organisatie):
    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Beheerorganisatie:
        return cls(**_common(item))


# A gemeente dissolved by a herindeling is read as one (graph_api/domain/organisaties/herindeling.py).
registered("OpgehevenGemeente")(Gemeente)

ORGANISATIE_TYPES = (Gemeente, Leverancier, Samenwerking, Community, Beheerorganisatie)
