"""GEMMA, the municipal reference architecture: components, standards, services, facilities."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import relay

from graph_api.graphql.aanbod.inputs import AanbodFilter, ApplicatieOrder, realisaties_verzoek
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import build, load_many, load_nodes, load_one, load_page, registered
from graph_api.graphql.core.enums import ApplicatieserviceSoort, GemmaStatus, Verbindingsrol
from graph_api.graphql.core.lists import Verzoek, paged_list
from graph_api.graphql.core.paging import Connection

if TYPE_CHECKING:
    from graph_api.graphql.aanbod.types import Applicatie

Applicatie_ = Annotated["Applicatie", strawberry.lazy("graph_api.graphql.aanbod.types")]


def _status(item: dict[str, Any]) -> GemmaStatus | None:
    return GemmaStatus[item["status"]] if item.get("status") else None


def _common(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "key": item["id"],
        "identificatie": item["id"],
        "gemma_id": item.get("gemmaId"),
        "naam": item["naam"],
    }


async def _realisaties(source: Any, info: Info, args: dict[str, Any], verzoek: Verzoek) -> Connection:
    query = "gemma/applicaties_op_gebruik" if verzoek.field == "GEBRUIK" else "gemma/applicaties"
    page, params = verzoek.page, verzoek.params
    return await load_page(
        info, query, source.key, page, params, "Applicatie", count_query="gemma/applicaties_aantal"
    )


@strawberry.interface(description="An element of GEMMA, keeping GEMMA's own identifiers.")
class GemmaElement(relay.Node):
    key: relay.NodeID[str]
    identificatie: str = strawberry.field(description="GEMMA's identifier of the element (as in Archi).")
    gemma_id: str | None = strawberry.field(description="The GEMMA Online object id.")
    naam: str

    @strawberry.field(description="The GEMMA elements its information flows to.")
    async def stroomt_naar(self, info: Info) -> list[GemmaElement]:
        return await load_many(info, "gemma/stroomt_naar", self.key)

    @strawberry.field(description="The GEMMA elements whose information flows to it.")
    async def ontvangt_van(self, info: Info) -> list[GemmaElement]:
        return await load_many(info, "gemma/ontvangt_van", self.key)

    @classmethod
    async def resolve_nodes(  # type: ignore[override]  # one answer for Node's overloads: None if unknown
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[GemmaElement | None]:
        return await load_nodes(info, "gemma/per_id", list(node_ids), cls.__name__)


@strawberry.type(description="A standard GEMMA names for a component, with how strongly.")
class VereisteStandaard:
    rol: Verbindingsrol | None
    standaard: Standaard


async def _vereist(info: Info, key: str) -> list[VereisteStandaard]:
    items = await info.context.loaders.many("gemma/vereist").load(key)
    return [
        VereisteStandaard(
            rol=Verbindingsrol[item["rol"]] if item.get("rol") else None,
            standaard=build(item["standaard"]),
        )
        for item in items
    ]


@registered("Referentiecomponent")
@strawberry.type(description="A GEMMA reference component: a kind of application a gemeente needs.")
class Referentiecomponent(GemmaElement):
    status: GemmaStatus | None
    bbn: str | None = strawberry.field(description="Basic security level (basisbeveiligingsniveau).")

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Referentiecomponent:
        return cls(**_common(item), status=_status(item), bbn=item.get("bbn"))

    @strawberry.field(description="Standards GEMMA requires or recommends for it.")
    async def standaarden(self, info: Info) -> list[VereisteStandaard]:
        return await _vereist(info, self.key)

    @strawberry.field(description="Application services it realises.")
    async def applicatieservices(self, info: Info) -> list[Applicatieservice]:
        return await load_many(info, "gemma/applicatieservices", self.key)

    applicaties = paged_list(
        Applicatie_, "The applications that realise it.",
        filter=AanbodFilter, order=ApplicatieOrder, request=realisaties_verzoek, read=_realisaties,
    )  # fmt: skip


@registered("Standaard")
@strawberry.type(description="A standard GEMMA names (Forum Standaardisatie, VNG, Kadaster, ...).")
class Standaard(GemmaElement):
    afkorting: str | None
    beheerder: str | None
    status: GemmaStatus | None
    url: str | None

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Standaard:
        return cls(
            **_common(item),
            afkorting=item.get("afkorting"),
            beheerder=item.get("beheerder"),
            status=_status(item),
            url=item.get("url"),
        )

    @strawberry.field(description="Its versions.")
    async def versies(self, info: Info) -> list[Standaardversie]:
        return await load_many(info, "gemma/versies", self.key)

    @strawberry.field(description="The components, facilities and services GEMMA names it for.")
    async def vereist_door(self, info: Info) -> list[GemmaElement]:
        return await load_many(info, "gemma/vereist_door", self.key)


@registered("Standaardversie")
@strawberry.type(description="A version of a standard.")
class Standaardversie(GemmaElement):
    versie: str | None
    status: GemmaStatus | None

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Standaardversie:
        return cls(**_common(item), versie=item.get("versie"), status=_status(item))

    @strawberry.field(description="The standard it is a version of.")
    async def standaard(self, info: Info) -> Standaard | None:
        return await load_one(info, "gemma/standaard", self.key)


@registered("Applicatieservice")
@strawberry.type(description="A GEMMA application service.")
class Applicatieservice(GemmaElement):
    soort: ApplicatieserviceSoort | None

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Applicatieservice:
        soort = ApplicatieserviceSoort[item["soort"]] if item.get("soort") else None
        return cls(**_common(item), soort=soort)

    @strawberry.field(description="What it serves: business functions, other services, components.")
    async def bedient(self, info: Info) -> list[GemmaElement]:
        return await load_many(info, "gemma/bedient", self.key)


@registered("Bedrijfsfunctie")
@strawberry.type(description="A GEMMA business function.")
class Bedrijfsfunctie(GemmaElement):
    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Bedrijfsfunctie:
        return cls(**_common(item))


@registered("BuitengemeentelijkeVoorziening")
@strawberry.type(description="A national facility outside the gemeente (BRP/GBA-V, LV-BAG, DigiD, ...).")
class BuitengemeentelijkeVoorziening(GemmaElement):
    status: GemmaStatus | None

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> BuitengemeentelijkeVoorziening:
        return cls(**_common(item), status=_status(item))

    @strawberry.field(description="Standards GEMMA names for it.")
    async def standaarden(self, info: Info) -> list[VereisteStandaard]:
        return await _vereist(info, self.key)

    @strawberry.field(description="Application services it realises.")
    async def applicatieservices(self, info: Info) -> list[Applicatieservice]:
        return await load_many(info, "gemma/applicatieservices", self.key)


GEMMA_TYPES = (
    Referentiecomponent,
    Standaard,
    Standaardversie,
    Applicatieservice,
    Bedrijfsfunctie,
    BuitengemeentelijkeVoorziening,
)
