"""A landscape: one organisation's Gebruik of applications and the Koppelingen between them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import relay

from graph_api.domain.landschap.gebruik import STATUSDATUM
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import load_many, load_nodes, load_one, registered
from graph_api.graphql.core.enums import (
    GebruikStatus,
    Hostingmodel,
    KoppelingRichting,
    KoppelingStatus,
    KoppelingType,
)
from graph_api.graphql.gemma.types import BuitengemeentelijkeVoorziening

if TYPE_CHECKING:
    from graph_api.graphql.aanbod.types import Applicatie, Dienst, Versie
    from graph_api.graphql.gemma.types import Referentiecomponent, Standaardversie
    from graph_api.graphql.organisaties.types import Organisatie, Samenwerking

Applicatie_ = Annotated["Applicatie", strawberry.lazy("graph_api.graphql.aanbod.types")]
Versie_ = Annotated["Versie", strawberry.lazy("graph_api.graphql.aanbod.types")]
Dienst_ = Annotated["Dienst", strawberry.lazy("graph_api.graphql.aanbod.types")]
Organisatie_ = Annotated["Organisatie", strawberry.lazy("graph_api.graphql.organisaties.types")]
Samenwerking_ = Annotated["Samenwerking", strawberry.lazy("graph_api.graphql.organisaties.types")]
Referentiecomponent_ = Annotated["Referentiecomponent", strawberry.lazy("graph_api.graphql.gemma.types")]
Standaardversie_ = Annotated["Standaardversie", strawberry.lazy("graph_api.graphql.gemma.types")]


@strawberry.type(description="A status of a Gebruik and the date it was reached.")
class GebruikStatusDatum:
    status: GebruikStatus
    datum: str | None = strawberry.field(description="ISO-8601; unknown for a status recorded without one.")


@registered("Gebruik")
@strawberry.type(description="One organisation's use of one application: a place in its landscape.")
class Gebruik(relay.Node):
    key: relay.NodeID[str]
    identificatie: str
    status: GebruikStatus
    start_datum: str | None
    eind_datum: str | None
    hosting: Hostingmodel | None
    # `versie` is the application's version this Gebruik runs (below): the field of optimistic
    # concurrency has its own name. The graph property is `versie` (model/landschap.py).
    versienummer: int = strawberry.field(
        description="Goes up by one with every change; give it as `verwachteVersie` to change this "
        'Gebruik (docs/graphql.md, "Recording your landscape").'
    )

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Gebruik:
        return cls(
            key=item["id"],
            identificatie=item["id"],
            status=GebruikStatus[item["status"]],
            start_datum=item.get("startDatum"),
            eind_datum=item.get("eindDatum"),
            hosting=Hostingmodel[item["hosting"]] if item.get("hosting") else None,
            versienummer=item.get("versie") or 1,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]  # one answer for Node's overloads: None if unknown
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Gebruik | None]:
        return await load_nodes(info, "gebruik/per_id", list(node_ids), "Gebruik")

    @strawberry.field(
        description="The statuses it went through, in lifecycle order, each with the date it was "
        "reached: those with a date, and the current status always. A skipped status is absent."
    )
    async def status_historie(self, info: Info) -> list[GebruikStatusDatum]:
        item = await info.context.loaders.one("gebruik/statushistorie").load(self.key) or {}
        return [
            GebruikStatusDatum(status=GebruikStatus[status], datum=item.get(veld))
            for status, veld in STATUSDATUM.items()
            if item.get(veld) is not None or status == item.get("status")
        ]

    @strawberry.field(
        description="When the contract ends (ISO-8601). Only for those who may see the whole landscape."
    )
    async def contract_einde(self, info: Info) -> str | None:
        return (await _vertrouwelijk(info, self.key)).get("contractEinde")

    @strawberry.field(
        description="Internal notes of the organisation. Only for those who may see the whole landscape."
    )
    async def notities(self, info: Info) -> str | None:
        return (await _vertrouwelijk(info, self.key)).get("notities")

    @strawberry.field(description="The organisation whose landscape this is.")
    async def organisatie(self, info: Info) -> Organisatie_ | None:
        return await load_one(info, "gebruik/organisatie", self.key)

    @strawberry.field(description="The application used.")
    async def applicatie(self, info: Info) -> Applicatie_ | None:
        return await load_one(info, "gebruik/applicatie", self.key, "Applicatie")

    @strawberry.field(description="The version in use, where recorded.")
    async def versie(self, info: Info) -> Versie_ | None:
        return await load_one(info, "gebruik/versie", self.key, "Versie")

    @strawberry.field(description="The GEMMA reference components it is used for.")
    async def referentiecomponenten(self, info: Info) -> list[Referentiecomponent_]:
        return await load_many(info, "gebruik/referentiecomponenten", self.key)

    @strawberry.field(description="The diensten taken with it. Only for those who may see the landscape.")
    async def diensten(self, info: Info) -> list[Dienst_]:
        return await load_many(info, "gebruik/diensten", self.key, "Dienst")

    @strawberry.field(description="The samenwerking that registered it for its member, if one did.")
    async def geregistreerd_door(self, info: Info) -> Samenwerking_ | None:
        return await load_one(info, "gebruik/geregistreerd_door", self.key)

    @strawberry.field(
        description="Koppelingen that start here (their VAN end). Only for those who may see the landscape."
    )
    async def uitgaande_koppelingen(self, info: Info) -> list[Koppeling]:
        return await load_many(info, "gebruik/uitgaande_koppelingen", self.key, "Koppeling")

    @strawberry.field(
        description="Koppelingen that end here (their NAAR end). Only for those who may see the landscape."
    )
    async def inkomende_koppelingen(self, info: Info) -> list[Koppeling]:
        return await load_many(info, "gebruik/inkomende_koppelingen", self.key, "Koppeling")


async def _vertrouwelijk(info: Info, key: str) -> dict[str, Any]:
    return await info.context.loaders.one("gebruik/vertrouwelijk").load(key) or {}


Koppelpunt = Annotated[
    Gebruik | BuitengemeentelijkeVoorziening,
    strawberry.union("Koppelpunt", description="Where a koppeling ends: a Gebruik or a national facility."),
]


@registered("Koppeling")
@strawberry.type(description="An interface between two applications in use, or one and a national facility.")
class Koppeling(relay.Node):
    key: relay.NodeID[str]
    identificatie: str
    type: KoppelingType
    richting: KoppelingRichting = strawberry.field(description="Which way the data goes, seen from `van`.")
    status: KoppelingStatus
    beschrijving: str | None
    # Named as on Gebruik, where `versie` was taken: one name for the same thing on every type.
    versienummer: int = strawberry.field(
        description="Goes up by one with every change; give it as `verwachteVersie` to change this "
        'koppeling (docs/graphql.md, "Recording your landscape").'
    )

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Koppeling:
        return cls(
            key=item["id"],
            identificatie=item["id"],
            type=KoppelingType[item["type"]],
            richting=KoppelingRichting[item["richting"]],
            status=KoppelingStatus[item["status"]],
            beschrijving=item.get("beschrijving"),
            versienummer=item.get("versie") or 1,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]  # one answer for Node's overloads: None if unknown
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Koppeling | None]:
        return await load_nodes(info, "koppeling/per_id", list(node_ids), "Koppeling")

    @strawberry.field(description="The Gebruik it starts from.")
    async def van(self, info: Info) -> Gebruik | None:
        return await load_one(info, "koppeling/van", self.key, "Gebruik")

    @strawberry.field(description="Where it ends: another Gebruik or a national facility.")
    async def naar(self, info: Info) -> Koppelpunt | None:
        return await load_one(info, "koppeling/naar", self.key)

    @strawberry.field(description="The intermediary it runs through (a servicebus), if any.")
    async def via(self, info: Info) -> Gebruik | None:
        return await load_one(info, "koppeling/via", self.key, "Gebruik")

    @strawberry.field(description="The standard versions it uses.")
    async def standaardversies(self, info: Info) -> list[Standaardversie_]:
        return await load_many(info, "koppeling/standaardversies", self.key)
