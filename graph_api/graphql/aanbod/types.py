"""What leveranciers offer: applications with their modules and versions, and diensten."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import relay

from graph_api.graphql.aanbod.beoordelingen import Beoordelingsoverzicht, openbare_beoordelingen, overzicht
from graph_api.graphql.aanbod.inputs import GebruikersFilter, gebruikers_verzoek
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import build, load_many, load_nodes, load_one, load_page, registered
from graph_api.graphql.core.enums import (
    ApplicatieStatus,
    ApplicatieType,
    DienstStatus,
    DienstType,
    GebruikStatus,
    Hostingmodel,
    Licentietype,
    VersieStatus,
)
from graph_api.graphql.core.lists import Verzoek, paged_list
from graph_api.graphql.core.paging import Connection

if TYPE_CHECKING:
    from graph_api.graphql.aanbod.etalage import EtalageItem
    from graph_api.graphql.gemma.types import Referentiecomponent, Standaardversie
    from graph_api.graphql.landschap.types import Gebruik
    from graph_api.graphql.organisaties.types import Leverancier

Leverancier_ = Annotated["Leverancier", strawberry.lazy("graph_api.graphql.organisaties.types")]
Referentiecomponent_ = Annotated["Referentiecomponent", strawberry.lazy("graph_api.graphql.gemma.types")]
Standaardversie_ = Annotated["Standaardversie", strawberry.lazy("graph_api.graphql.gemma.types")]
Gebruik_ = Annotated["Gebruik", strawberry.lazy("graph_api.graphql.landschap.types")]
EtalageItem_ = Annotated["EtalageItem", strawberry.lazy("graph_api.graphql.aanbod.etalage")]


_STATUS_DEPRECATED = strawberry.argument(deprecation_reason="Use filter: {status: ...}.")


async def _gebruikers(source: Any, info: Info, args: dict[str, Any], verzoek: Verzoek) -> Connection:
    return await load_page(info, "applicatie/gebruik", source.key, verzoek.page, verzoek.params, "Gebruik")


@registered("Applicatie")
@strawberry.type(description="A product or a module of one in the catalogue.")
class Applicatie(relay.Node):
    key: relay.NodeID[str]
    identificatie: str
    naam: str
    beschrijving: str | None
    type: ApplicatieType
    licentietype: Licentietype
    licentie: str | None
    cloud_modellen: list[Hostingmodel] = strawberry.field(description="How it can be hosted.")
    hosting_locatie: str | None
    jurisdictie: str | None
    status: ApplicatieStatus
    website: str | None
    versienummer: int = strawberry.field(
        description="Raised by every change: give it as `verwachteVersie` to change the application."
    )
    afwijzingsreden: str | None = strawberry.field(
        description="Why functioneel beheer sent this concept back; gone once it is changed."
    )

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Applicatie:
        return cls(
            key=item["id"],
            identificatie=item["id"],
            naam=item["naam"],
            beschrijving=item.get("beschrijving"),
            type=ApplicatieType[item["type"]],
            licentietype=Licentietype[item["licentietype"]],
            licentie=item.get("licentie"),
            cloud_modellen=[Hostingmodel[m] for m in item.get("cloudModellen") or []],
            hosting_locatie=item.get("hostingLocatie"),
            jurisdictie=item.get("jurisdictie"),
            status=ApplicatieStatus[item["status"]],
            website=item.get("website"),
            versienummer=item.get("versie") or 1,
            afwijzingsreden=item.get("afwijzingsreden"),
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]  # one answer for Node's overloads: None if unknown
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Applicatie | None]:
        return await load_nodes(info, "applicatie/per_id", list(node_ids), "Applicatie")

    @strawberry.field(description="The leverancier that offers it.")
    async def leverancier(self, info: Info) -> Leverancier_ | None:
        return await load_one(info, "applicatie/leverancier", self.key)

    @strawberry.field(description="The product this module is part of (none for a product).")
    async def onderdeel_van(self, info: Info) -> Applicatie | None:
        return await load_one(info, "applicatie/product", self.key, "Applicatie")

    @strawberry.field(description="Its modules.")
    async def modules(self, info: Info) -> list[Applicatie]:
        return await load_many(info, "applicatie/modules", self.key, "Applicatie")

    @strawberry.field(description="Its versions, oldest release first.")
    async def versies(self, info: Info) -> list[Versie]:
        return await load_many(info, "applicatie/versies", self.key, "Versie")

    @strawberry.field(description="The GEMMA reference components it realises.")
    async def referentiecomponenten(self, info: Info) -> list[Referentiecomponent_]:
        return await load_many(info, "applicatie/referentiecomponenten", self.key)

    @strawberry.field(description="The diensten offered on it, by its own or other leveranciers.")
    async def diensten(self, info: Info) -> list[Dienst]:
        return await load_many(info, "applicatie/diensten", self.key, "Dienst")

    @strawberry.field(
        description="Its etalage: the screenshots, demos and case studies its leverancier shows, in the "
        "order they were added; seen where the application is."
    )
    async def etalage(self, info: Info) -> list[EtalageItem_]:
        return await load_many(info, "etalage/per_applicatie", self.key, "EtalageItem")

    gebruik = paged_list(
        Gebruik_, "Its Gebruik: the organisations that use it, by their name.",
        filter=GebruikersFilter, request=gebruikers_verzoek, read=_gebruikers,
        trailing=[("status", GebruikStatus, _STATUS_DEPRECATED)],
    )  # fmt: skip

    beoordelingen = openbare_beoordelingen()

    @strawberry.field(description="Its approved reviews in figures: count, average and count per score.")
    async def beoordelingsoverzicht(self, info: Info) -> Beoordelingsoverzicht:
        return await overzicht(info, self.key)


@strawberry.type(description="A standard version a version complies with, and the evidence.")
class Ondersteuning:
    standaardversie: Standaardversie_
    bewijs: str | None = strawberry.field(description="Where the compliance is shown (a url).")


@registered("Versie")
@strawberry.type(description="A version of an application, with its lifecycle.")
class Versie(relay.Node):
    key: relay.NodeID[str]
    identificatie: str
    versie: str
    status: VersieStatus
    release_datum: str | None
    einde_ondersteuning: str | None
    versienummer: int = strawberry.field(
        description="Raised by every change (what it supports too): give it as `verwachteVersie`."
    )

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Versie:
        return cls(
            key=item["id"],
            identificatie=item["id"],
            versie=item["versie"],
            status=VersieStatus[item["status"]],
            release_datum=item.get("releaseDatum"),
            einde_ondersteuning=item.get("eindeOndersteuning"),
            versienummer=item.get("wijzigingsversie") or 1,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]  # one answer for Node's overloads: None if unknown
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Versie | None]:
        return await load_nodes(info, "versie/per_id", list(node_ids), "Versie")

    @strawberry.field(description="The application it is a version of.")
    async def applicatie(self, info: Info) -> Applicatie | None:
        return await load_one(info, "versie/applicatie", self.key, "Applicatie")

    @strawberry.field(description="The standard versions it complies with.")
    async def ondersteunt(self, info: Info) -> list[Ondersteuning]:
        items = await info.context.loaders.many("versie/ondersteunt").load(self.key)
        return [
            Ondersteuning(standaardversie=build(i["standaardversie"]), bewijs=i.get("bewijs")) for i in items
        ]


@registered("Dienst")
@strawberry.type(
    description="A service a leverancier offers on applications: hosting, beheer, implementatie, ..."
)
class Dienst(relay.Node):
    key: relay.NodeID[str]
    identificatie: str
    naam: str
    type: DienstType
    beschrijving: str | None
    status: DienstStatus = strawberry.field(
        description="INGETROKKEN: retired by its leverancier; no new Gebruik takes it, those that "
        "took it keep it. Left out of `diensten` unless asked for by `filter.status`."
    )
    ingetrokken_op: str | None = strawberry.field(description="When it was retired (ISO-8601 date).")
    versienummer: int = strawberry.field(
        description="Goes up by one with every change; give it as `verwachteVersie` to change or retire it."
    )

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Dienst:
        return cls(
            key=item["id"],
            identificatie=item["id"],
            naam=item["naam"],
            type=DienstType[item["type"]],
            beschrijving=item.get("beschrijving"),
            status=DienstStatus[item.get("status") or "AANGEBODEN"],
            ingetrokken_op=item.get("ingetrokkenOp"),
            versienummer=item.get("versie") or 1,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]  # one answer for Node's overloads: None if unknown
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Dienst | None]:
        return await load_nodes(info, "dienst/per_id", list(node_ids), "Dienst")

    @strawberry.field(description="The leverancier that delivers it.")
    async def leverancier(self, info: Info) -> Leverancier_ | None:
        return await load_one(info, "dienst/leverancier", self.key)

    @strawberry.field(description="The applications it is offered on.")
    async def applicaties(self, info: Info) -> list[Applicatie]:
        return await load_many(info, "dienst/applicaties", self.key, "Applicatie")

    beoordelingen = openbare_beoordelingen()

    @strawberry.field(description="Its approved reviews in figures: count, average and count per score.")
    async def beoordelingsoverzicht(self, info: Info) -> Beoordelingsoverzicht:
        return await overzicht(info, self.key)
