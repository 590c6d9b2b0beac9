"""The etalage of an application (graph_api/etalage/): its items as GraphQL types, and the
mutations that add a link, retitle an item and remove one. Files are uploaded over HTTP
(graph_api/etalage/http.py) and served from there: `Etalagebestand.adres`."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Any

import strawberry
from strawberry import relay

from graph_api.etalage import items
from graph_api.etalage.http import adres
from graph_api.etalage.opslag import file_store
from graph_api.graphql.aanbod.types import Applicatie
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import load_nodes, load_one, registered
from graph_api.graphql.core.schrijven import eenmaal, idempotency_key, input_id, schrijver
from graph_api.model import keuzes


@strawberry.enum(
    description="What an etalage item is ("
    + "; ".join(f"{code}: {label}" for code, label in keuzes.ETALAGE_SOORT.items())
    + "): a screenshot is an image file, a demo a link, a case study a file or a link."
)
class EtalageSoort(Enum):
    SCREENSHOT = "SCREENSHOT"
    DEMO = "DEMO"
    CASE_STUDY = "CASE_STUDY"


@strawberry.type(description="The file of an etalage item, as it is served.")
class Etalagebestand:
    adres: str = strawberry.field(
        description="Where it is served (GET, relative to the API): with its type, ETag and cache headers."
    )
    content_type: str = strawberry.field(description="Its type, as its content was found to be.")
    grootte: int = strawberry.field(description="Its size in bytes.")
    sha256: str = strawberry.field(description="The SHA-256 of its content, hexadecimal: its ETag.")


@registered("EtalageItem")
@strawberry.type(description="An item of an application's etalage: a screenshot, a demo or a case study.")
class EtalageItem(relay.Node):
    key: relay.NodeID[str]
    identificatie: str
    soort: EtalageSoort
    titel: str
    url: str | None = strawberry.field(description="A link item's address; none for a file.")
    bestand: Etalagebestand | None = strawberry.field(description="A file item's file; none for a link.")
    versienummer: int = strawberry.field(
        description="Goes up by one with every change; give it as `verwachteVersie` to change or remove it."
    )
    aangemaakt_op: str

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> EtalageItem:
        bestand = None
        if item.get("bestand"):
            bestand = Etalagebestand(
                adres=adres(item["id"]),
                content_type=item["contentType"],
                grootte=item["grootte"],
                sha256=item["sha256"],
            )
        return cls(
            key=item["id"],
            identificatie=item["id"],
            soort=EtalageSoort[item["soort"]],
            titel=item["titel"],
            url=item.get("url"),
            bestand=bestand,
            versienummer=item["versie"],
            aangemaakt_op=item["aangemaaktOp"],
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]  # one answer for Node's overloads: None if unknown
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[EtalageItem | None]:
        return await load_nodes(info, "etalage/per_id", list(node_ids), "EtalageItem")

    @strawberry.field(description="The application whose etalage it is in.")
    async def applicatie(self, info: Info) -> Applicatie | None:
        return await load_one(info, "etalage/applicatie", self.key, "Applicatie")


@strawberry.input(
    description="A link in an application's etalage: a demo, or a case study published elsewhere."
)
class VoegEtalagelinkToeInput:
    applicatie: strawberry.ID
    soort: EtalageSoort = strawberry.field(description="DEMO or CASE_STUDY: a screenshot is uploaded.")
    titel: str
    url: str = strawberry.field(description="An http or https address.")
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="A new title for an etalage item.")
class WijzigEtalageItemInput:
    item: strawberry.ID
    verwachte_versie: int = strawberry.field(description="The item's `versienummer` as last read.")
    titel: str
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="An etalage item to remove, with its file.")
class VerwijderEtalageItemInput:
    item: strawberry.ID
    verwachte_versie: int = strawberry.field(description="The item's `versienummer` as last read.")
    idempotency_key: str | None = idempotency_key()


@strawberry.type
class EtalageItemPayload:
    etalage_item: EtalageItem | None


@strawberry.type
class VerwijderEtalageItemPayload:
    verwijderd_id: strawberry.ID = strawberry.field(description="The id of the item removed.")


@strawberry.type
class EtalageMutaties:
    @strawberry.mutation(
        description="Add a link (a demo, a case study elsewhere) to an application's etalage "
        "(aanbod-beheerder of its leverancier). Files are uploaded over HTTP: docs/graphql.md."
    )
    async def voeg_etalagelink_toe(self, info: Info, input: VoegEtalagelinkToeInput) -> EtalageItemPayload:
        wie = schrijver(info, "voegEtalagelinkToe", input)
        key = await eenmaal(
            info,
            wie,
            lambda: _id(
                items.voeg_link_toe(
                    info.context.store,
                    wie,
                    applicatie=input_id(input.applicatie, "Applicatie", "applicatie"),
                    soort=input.soort.value,
                    titel=input.titel,
                    url=input.url,
                )
            ),
            lambda record: record["object"],
        )
        return EtalageItemPayload(etalage_item=await load_one(info, "etalage/per_id", key, "EtalageItem"))

    @strawberry.mutation(
        description="Change the title of an etalage item (aanbod-beheerder of its leverancier)."
    )
    async def wijzig_etalage_item(self, info: Info, input: WijzigEtalageItemInput) -> EtalageItemPayload:
        wie = schrijver(info, "wijzigEtalageItem", input)
        key = await eenmaal(
            info,
            wie,
            lambda: _id(
                items.wijzig_titel(
                    info.context.store,
                    wie,
                    item=input_id(input.item, "EtalageItem", "item"),
                    verwachte_versie=input.verwachte_versie,
                    titel=input.titel,
                )
            ),
            lambda record: record["object"],
        )
        return EtalageItemPayload(etalage_item=await load_one(info, "etalage/per_id", key, "EtalageItem"))

    @strawberry.mutation(
        description="Remove an item from an application's etalage, and its file from the file store "
        "(aanbod-beheerder of its leverancier)."
    )
    async def verwijder_etalage_item(
        self, info: Info, input: VerwijderEtalageItemInput
    ) -> VerwijderEtalageItemPayload:
        wie = schrijver(info, "verwijderEtalageItem", input)
        verwijderd = await eenmaal(
            info,
            wie,
            lambda: items.verwijder(
                info.context.store,
                wie,
                item=input_id(input.item, "EtalageItem", "item"),
                verwachte_versie=input.verwachte_versie,
            ),
            lambda record: items.Verwijderd(record["object"], (record["voor"] or {}).get("bestand")),
        )
        # After a repeat too: a file the first removal could not delete goes now.
        await items.verwijder_bestand(file_store(info.context.runtime.settings), verwijderd.bestand)
        return VerwijderEtalageItemPayload(verwijderd_id=strawberry.ID(verwijderd.id))


async def _id(geschreven: Any) -> str:
    return (await geschreven).id
