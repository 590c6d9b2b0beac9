"""What changed: the change records (Wijziging) every mutation writes beside its change, read
back as a list, newest first (issue 17, item 7).

A record is part of the landscape it changed: it is listed for those who may see that landscape
whole (its own gebruik roles, a samenwerking's for its members, functioneel beheer) and for
nobody else, in the statement (cypher/wijziging/lijst.cypher). So its before and after may keep
what only they see (notities, contractEinde), and it names the person who made the change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.scalars import JSON

from graph_api.domain.wijzigen import sinds, velden
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import list_page, load_one, registered
from graph_api.graphql.core.enums import WijzigingOperatie
from graph_api.graphql.core.ids import reference
from graph_api.graphql.core.lists import Verzoek, paged_list
from graph_api.graphql.core.paging import PageRequest

if TYPE_CHECKING:
    from graph_api.graphql.organisaties.delegatie_mutaties import Delegatie
    from graph_api.graphql.organisaties.types import Organisatie

Organisatie_ = Annotated["Organisatie", strawberry.lazy("graph_api.graphql.organisaties.types")]
Delegatie_ = Annotated["Delegatie", strawberry.lazy("graph_api.graphql.organisaties.delegatie_mutaties")]

ORGANISATIES = ("Gemeente", "Samenwerking", "Leverancier", "Beheerorganisatie", "Community")
# What a record may be of, named by its global id: what the mutations write.
OBJECTEN = ("Gebruik", "Koppeling", "Gebruiksvoorstel", "Applicatie", "Leverancier")
ORDERING = "TIJDSTIP"


@strawberry.type(description="One field a change changed, with its value before and after.")
class Veldwijziging:
    veld: str
    voor: JSON | None = strawberry.field(description="Null when created, or the field was empty.")
    na: JSON | None = strawberry.field(description="Null when deleted, or the field was emptied.")


@registered("Wijziging")
@strawberry.type(
    description="A recorded change of a landscape: who changed which object when, and how. The "
    "record stays when its object is deleted."
)
class Wijziging:
    identificatie: strawberry.ID
    tijdstip: str = strawberry.field(description="When the change was made (ISO-8601, UTC).")
    operatie: WijzigingOperatie
    object: strawberry.ID = strawberry.field(
        description="The id of the object changed (`identificatie`), which may be deleted since."
    )
    object_label: str = strawberry.field(description="What kind of object: Gebruik, Koppeling, ...")
    door: str | None = strawberry.field(
        description="The name of the person or machine client that made it; null once removed."
    )
    velden: list[Veldwijziging] = strawberry.field(
        description="The fields it changed, by name: all of them when created or deleted."
    )
    organisatie_id: strawberry.Private[str]
    namens_id: strawberry.Private[str]
    delegatie_id: strawberry.Private[str | None] = None

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Wijziging:
        return cls(
            identificatie=strawberry.ID(item["id"]),
            tijdstip=item["tijdstip"],
            operatie=WijzigingOperatie[item["operatie"]],
            object=strawberry.ID(item["object"]),
            object_label=item["objectLabel"],
            door=item.get("door"),
            velden=[
                Veldwijziging(veld=veld, voor=voor, na=na)
                for veld, voor, na in velden(item.get("voor"), item.get("na"))
            ],
            organisatie_id=item["organisatie"],
            namens_id=item["actorOrganisatie"],
            delegatie_id=item.get("delegatie"),
        )

    @strawberry.field(description="The organisation whose landscape changed.")
    async def organisatie(self, info: Info) -> Organisatie_ | None:
        return await load_one(info, "organisatie/per_id", self.organisatie_id)

    @strawberry.field(
        description="The organisation the change was made for: the landscape's own, a samenwerking "
        "registering for a member, VNG Realisatie for functioneel beheer, a leverancier proposing."
    )
    async def namens(self, info: Info) -> Organisatie_ | None:
        return await load_one(info, "organisatie/per_id", self.namens_id)

    @strawberry.field(
        description="The delegation the change was made under (issue 18, item 7): `namens` then "
        "is the organisation it was granted to. Null for a change made without one."
    )
    async def delegatie(self, info: Info) -> Delegatie_ | None:
        # Read by the record, not by the delegation's own id: whoever sees the record sees it.
        if self.delegatie_id is None:
            return None
        return await load_one(info, "delegatie/per_wijziging", str(self.identificatie), "Delegatie")


def _verzoek(args: dict[str, Any]) -> Verzoek:
    params = {
        "organisatie": reference(args.get("organisatie"), *ORGANISATIES, argument="organisatie"),
        "object": reference(args.get("object"), *OBJECTEN, argument="object"),
        "sinds": sinds(args.get("sinds")),
    }
    # Newest first, always: what changed lately is what is asked for.
    page = PageRequest.of(
        args.get("first"), args.get("after"), args.get("last"), args.get("before"),
        field=ORDERING, descending=True,
    )  # fmt: skip
    return Verzoek(page, params, ORDERING)


async def _wijzigingen(source: Any, info: Info, args: dict[str, Any], verzoek: Verzoek):
    return await list_page(
        info, "wijziging/lijst", "wijziging/aantal", verzoek.page, verzoek.params, "Wijziging"
    )


@strawberry.type
class WijzigingLijsten:
    wijzigingen = paged_list(
        Wijziging,
        "What changed, newest first: the recorded changes of the landscapes the asker may see "
        "whole (its own organisation's, a samenwerking's members', every one for functioneel "
        "beheer), of one organisation's landscape or one object (by id, also once deleted), "
        "made at or after `sinds`. Empty for anyone else.",
        leading=[("organisatie", strawberry.ID), ("object", strawberry.ID)],
        trailing=[
            (
                "sinds",
                str,
                strawberry.argument(
                    description="Only changes at or after this: an ISO-8601 date (its start in UTC) "
                    "or a date and time with its offset."
                ),
            )
        ],
        request=_verzoek,
        read=_wijzigingen,
    )
