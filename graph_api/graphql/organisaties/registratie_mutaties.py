"""A leverancier's registration (graph_api/domain/organisaties/registratie.py): the person who
registers it, functioneel beheer deciding, and where a registration stands.

Where it stands is a root list, `mijnRegistraties`, rather than a field of `ik`: `ik` says who
the token is without reading the graph, and a leverancier's registration is its organisation's
(every organisatie- and aanbod-beheerder of it reads it), not one person's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_api.domain.organisaties import registratie
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import build, list_page, load_one, registered
from graph_api.graphql.core.enums import RegistratieStatus
from graph_api.graphql.core.lists import Verzoek, paged_list, verzoek
from graph_api.graphql.core.schrijven import eenmaal, eenmaal_id, idempotency_key, input_id, schrijver

if TYPE_CHECKING:
    from graph_api.graphql.organisaties.types import Leverancier

Leverancier_ = Annotated["Leverancier", strawberry.lazy("graph_api.graphql.organisaties.types")]


@registered("Registratie")
@strawberry.type(description="A leverancier's registration, and what functioneel beheer decided.")
class Registratie:
    identificatie: strawberry.ID
    status: RegistratieStatus
    reden: str | None = strawberry.field(description="Why functioneel beheer rejected it.")
    versienummer: int = strawberry.field(
        description="Goes up by one with every change; give it as `verwachteVersie` to decide."
    )
    ingediend_op: str = strawberry.field(description="When it was registered (ISO-8601).")
    beoordeeld_op: str | None = strawberry.field(description="When it was approved or rejected.")
    indiener: str | None = strawberry.field(description="The name of the person who registered it.")
    indiener_email: str | None = strawberry.field(description="Its verified e-mail address.")
    leverancier_id: strawberry.Private[str]
    # The leverancier as the write returned it: the registrant's own request still has a
    # bezoeker's sight, which would not show the concept it just made.
    leverancier_item: strawberry.Private[dict[str, Any] | None] = None

    @classmethod
    def from_item(cls, item: dict[str, Any], leverancier: dict[str, Any] | None = None) -> Registratie:
        return cls(
            identificatie=strawberry.ID(item["id"]),
            status=RegistratieStatus[item["status"]],
            reden=item.get("reden"),
            versienummer=item["versie"],
            ingediend_op=item["ingediendOp"],
            beoordeeld_op=item.get("beoordeeldOp"),
            indiener=item.get("indiener"),
            indiener_email=item.get("indienerEmail"),
            leverancier_id=item["leverancier"],
            leverancier_item=leverancier,
        )

    @strawberry.field(description="The leverancier registered.")
    async def leverancier(self, info: Info) -> Leverancier_ | None:
        if self.leverancier_item is not None:
            return build(self.leverancier_item, "Leverancier")
        return await load_one(info, "organisatie/per_id", self.leverancier_id)


@strawberry.input(
    description="A leverancier to register, by a person signed in with the identity provider and not "
    "known here yet: it becomes the leverancier's first organisatie- and aanbod-beheerder."
)
class RegistreerLeverancierInput:
    naam: str
    kvk_nummer: str = strawberry.field(description="The 8 digits of its Kamer van Koophandel number.")
    website: str | None = strawberry.field(default=None, description="An http or https URL.")
    email: str | None = strawberry.field(default=None, description="The leverancier's contact e-mail.")
    telefoon: str | None = strawberry.field(default=None, description="Its contact telephone number.")
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="A registration to approve: the leverancier becomes ACTIEF and shows.")
class KeurRegistratieGoedInput:
    registratie: strawberry.ID
    verwachte_versie: int = strawberry.field(description="The registration's `versienummer` as last read.")
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="A registration to reject, with the reason the registrant reads.")
class WijsRegistratieAfInput:
    registratie: strawberry.ID
    verwachte_versie: int
    reden: str
    idempotency_key: str | None = idempotency_key()


@strawberry.type
class RegistratiePayload:
    registratie: Registratie | None = strawberry.field(description="The registration as it is now.")


async def _gelezen(info: Info, id: str) -> RegistratiePayload:
    return RegistratiePayload(registratie=await load_one(info, "registratie/per_id", id, "Registratie"))


@strawberry.type
class RegistratieMutaties:
    @strawberry.mutation(
        description="Register a leverancier (a person signed in but unknown here): a concept, hidden "
        "from others until functioneel beheer approves it."
    )
    async def registreer_leverancier(
        self, info: Info, input: RegistreerLeverancierInput
    ) -> RegistratiePayload:
        wie = schrijver(info, "registreerLeverancier", input)
        invoer = {name: value for name, value in vars(input).items() if name != "idempotency_key"}
        geschreven: dict[str, Any] = {}

        async def schrijf() -> registratie.Ingediend:
            ingediend = await registratie.dien_in(
                info.context.store,
                info.context.identiteit,
                naam=input.naam,
                kvk_nummer=input.kvk_nummer,
                website=input.website,
                email=input.email,
                telefoon=input.telefoon,
                key=input.idempotency_key,
                invoer=invoer,
            )
            geschreven["ingediend"] = ingediend
            return ingediend

        leverancier = await eenmaal_id(info, wie, schrijf)
        ingediend = geschreven.get("ingediend")
        if ingediend is None:  # sent again: the registrant is known now and reads its own
            rows = await info.context.store.read("registratie/mijn")
            eigen = [row["item"] for row in rows if row["item"]["leverancier"] == leverancier]
            return RegistratiePayload(registratie=Registratie.from_item(eigen[0]) if eigen else None)
        return RegistratiePayload(
            registratie=Registratie.from_item(ingediend.registratie, ingediend.leverancier)
        )

    @strawberry.mutation(description="Approve a leverancier's registration (functioneel-beheerder).")
    async def keur_registratie_goed(self, info: Info, input: KeurRegistratieGoedInput) -> RegistratiePayload:
        wie = schrijver(info, "keurRegistratieGoed", input)
        id = await eenmaal(
            info,
            wie,
            lambda: registratie.keur_goed(
                info.context.store,
                wie,
                registratie=input_id(input.registratie, "Registratie", "registratie"),
                verwachte_versie=input.verwachte_versie,
            ),
            lambda record: record["object"],
        )
        return await _gelezen(info, id)

    @strawberry.mutation(
        description="Reject a leverancier's registration with a reason (functioneel-beheerder)."
    )
    async def wijs_registratie_af(self, info: Info, input: WijsRegistratieAfInput) -> RegistratiePayload:
        wie = schrijver(info, "wijsRegistratieAf", input)
        id = await eenmaal(
            info,
            wie,
            lambda: registratie.wijs_af(
                info.context.store,
                wie,
                registratie=input_id(input.registratie, "Registratie", "registratie"),
                verwachte_versie=input.verwachte_versie,
                reden=input.reden,
            ),
            lambda record: record["object"],
        )
        return await _gelezen(info, id)


def _verzoek(args: dict[str, Any]) -> Verzoek:
    status = args.get("status")
    return verzoek(args, {"status": None if status is None else status.value}, field="INGEDIEND_OP")


async def _registraties(source: Any, info: Info, args: dict[str, Any], verzoek: Verzoek):
    return await list_page(
        info, "registratie/lijst", "registratie/aantal", verzoek.page, verzoek.params, "Registratie"
    )


@strawberry.type
class RegistratieLijsten:
    registraties = paged_list(
        Registratie,
        "The leveranciers' registrations, oldest first (status INGEDIEND: waiting for a decision): for "
        "functioneel beheer only, empty for everyone else.",
        leading=[("status", RegistratieStatus)],
        request=_verzoek,
        read=_registraties,
    )

    @strawberry.field(
        description="Where the registrations of the asker's leveranciers stand (for their organisatie- "
        "and aanbod-beheerders): waiting, approved, or rejected with the reason."
    )
    async def mijn_registraties(self, info: Info) -> list[Registratie]:
        rows = await info.context.store.read("registratie/mijn")
        return [Registratie.from_item(row["item"]) for row in rows]
