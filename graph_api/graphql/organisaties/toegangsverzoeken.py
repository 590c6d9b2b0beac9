"""Requests for access (graph_api/domain/organisaties/toegangsverzoek.py): a person unknown here
asks, the organisation's organisatie-beheerder (or functioneel beheer) grants or refuses, and
the person sees where its requests stand."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_api.domain.organisaties import toegangsverzoek
from graph_api.domain.organisaties.registratie import als_nieuwkomer
from graph_api.domain.wijzigen import Schrijver
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import list_page, load_one, registered
from graph_api.graphql.core.enums import Rol, ToegangsverzoekStatus
from graph_api.graphql.core.ids import reference
from graph_api.graphql.core.lists import Verzoek, paged_list, verzoek
from graph_api.graphql.core.schrijven import eenmaal, idempotency_key, input_id, schrijver
from graph_api.graphql.organisaties.types import ORGANISATIE_TYPES

if TYPE_CHECKING:
    from graph_api.graphql.organisaties.types import Organisatie

Organisatie_ = Annotated["Organisatie", strawberry.lazy("graph_api.graphql.organisaties.types")]
_ORGANISATIES = tuple(kind.__name__ for kind in ORGANISATIE_TYPES)


@registered("Toegangsverzoek")
@strawberry.type(description="A person's request for access to an organisation, and its answer.")
class Toegangsverzoek:
    identificatie: strawberry.ID
    status: ToegangsverzoekStatus
    naam: str = strawberry.field(description="The person's name, from its token.")
    email: str = strawberry.field(description="The person's verified e-mail address, from its token.")
    rollen: list[Rol] = strawberry.field(description="The roles asked for.")
    toelichting: str | None = strawberry.field(description="The person's note to the organisation.")
    reden: str | None = strawberry.field(description="Why it was refused.")
    versienummer: int = strawberry.field(
        description="Goes up by one with every change; give it as `verwachteVersie` to decide."
    )
    ingediend_op: str
    beoordeeld_op: str | None
    organisatie_id: strawberry.Private[str]

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Toegangsverzoek:
        return cls(
            identificatie=strawberry.ID(item["id"]),
            status=ToegangsverzoekStatus[item["status"]],
            naam=item["naam"],
            email=item["email"],
            rollen=[Rol[rol] for rol in item["rollen"]],
            toelichting=item.get("toelichting"),
            reden=item.get("reden"),
            versienummer=item["versie"],
            ingediend_op=item["ingediendOp"],
            beoordeeld_op=item.get("beoordeeldOp"),
            organisatie_id=item["organisatie"],
        )

    @strawberry.field(description="The organisation asked.")
    async def organisatie(self, info: Info) -> Organisatie_ | None:
        return await load_one(info, "organisatie/per_id", self.organisatie_id)


@strawberry.input(
    description="Access to ask of an organisation with a landscape, by a person signed in with the "
    "identity provider and not known here yet."
)
class VraagToegangAanInput:
    organisatie: strawberry.ID
    rollen: list[Rol] = strawberry.field(description="The roles asked for; each must mean something there.")
    toelichting: str | None = strawberry.field(default=None, description="A note to the organisation.")
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="A request for access to grant: the person becomes a Gebruiker there.")
class KenToegangToeInput:
    toegangsverzoek: strawberry.ID
    verwachte_versie: int = strawberry.field(description="The request's `versienummer` as last read.")
    rollen: list[Rol] | None = strawberry.field(
        default=None, description="The roles given; those asked for when not given."
    )
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="A request for access to refuse, with the reason the person reads.")
class WeigerToegangInput:
    toegangsverzoek: strawberry.ID
    verwachte_versie: int
    reden: str
    idempotency_key: str | None = idempotency_key()


@strawberry.type
class ToegangsverzoekPayload:
    toegangsverzoek: Toegangsverzoek | None = strawberry.field(description="The request as it is now.")


def _nieuwkomer(info: Info, operatie: str, input: Any) -> Schrijver:
    """The asker of a request: a person without a Gebruiker yet, keyed by its subject."""
    identiteit = info.context.identiteit
    if identiteit.subject is None:
        return schrijver(info, operatie, input)  # refused as UNAUTHENTICATED by the domain
    invoer = {name: value for name, value in vars(input).items() if name != "idempotency_key"}
    return als_nieuwkomer(
        identiteit, toegangsverzoek.actor(identiteit.subject), input.idempotency_key, operatie, invoer
    )


async def _gelezen(info: Info, id: str) -> ToegangsverzoekPayload:
    return ToegangsverzoekPayload(
        toegangsverzoek=await load_one(info, "toegangsverzoek/per_id", id, "Toegangsverzoek")
    )


@strawberry.type
class ToegangsverzoekMutaties:
    @strawberry.mutation(
        description="Ask an organisation for access with roles (a person signed in but unknown here)."
    )
    async def vraag_toegang_aan(self, info: Info, input: VraagToegangAanInput) -> ToegangsverzoekPayload:
        wie = _nieuwkomer(info, "vraagToegangAan", input)

        geschreven: dict[str, Toegangsverzoek] = {}

        async def schrijf() -> str:
            item = await toegangsverzoek.vraag_aan(
                info.context.store,
                info.context.identiteit,
                wie,
                organisatie=input_id(input.organisatie, _ORGANISATIES, "organisatie"),
                rollen=[rol.value for rol in input.rollen],
                toelichting=input.toelichting,
            )
            geschreven[item["id"]] = Toegangsverzoek.from_item(item)
            return item["id"]

        id = await eenmaal(info, wie, schrijf, lambda record: record["object"])
        if id in geschreven:
            return ToegangsverzoekPayload(toegangsverzoek=geschreven[id])
        # Sent again: the person's own requests, which it may read whatever its sight.
        rows = await info.context.store.read(
            "toegangsverzoek/mijn", {"subject": info.context.identiteit.subject}
        )
        eigen = [Toegangsverzoek.from_item(row["item"]) for row in rows if row["item"]["id"] == id]
        return ToegangsverzoekPayload(toegangsverzoek=eigen[0] if eigen else None)

    @strawberry.mutation(
        description="Grant a request for access (the organisation's organisatie-beheerder, "
        "functioneel-beheerder)."
    )
    async def ken_toegang_toe(self, info: Info, input: KenToegangToeInput) -> ToegangsverzoekPayload:
        wie = schrijver(info, "kenToegangToe", input)
        id = await eenmaal(
            info,
            wie,
            lambda: toegangsverzoek.ken_toe(
                info.context.store,
                wie,
                verzoek=input_id(input.toegangsverzoek, "Toegangsverzoek", "toegangsverzoek"),
                verwachte_versie=input.verwachte_versie,
                rollen=None if input.rollen is None else [rol.value for rol in input.rollen],
            ),
            lambda record: record["object"],
        )
        return await _gelezen(info, id)

    @strawberry.mutation(
        description="Refuse a request for access with a reason (the organisation's organisatie-beheerder, "
        "functioneel-beheerder)."
    )
    async def weiger_toegang(self, info: Info, input: WeigerToegangInput) -> ToegangsverzoekPayload:
        wie = schrijver(info, "weigerToegang", input)
        id = await eenmaal(
            info,
            wie,
            lambda: toegangsverzoek.weiger_toegang(
                info.context.store,
                wie,
                verzoek=input_id(input.toegangsverzoek, "Toegangsverzoek", "toegangsverzoek"),
                verwachte_versie=input.verwachte_versie,
                reden=input.reden,
            ),
            lambda record: record["object"],
        )
        return await _gelezen(info, id)


def _verzoek(args: dict[str, Any]) -> Verzoek:
    status = args.get("status")
    params = {
        "organisatie": reference(args.get("organisatie"), *_ORGANISATIES, argument="organisatie"),
        "status": None if status is None else status.value,
    }
    return verzoek(args, params, field="INGEDIEND_OP")


async def _toegangsverzoeken(source: Any, info: Info, args: dict[str, Any], verzoek: Verzoek):
    return await list_page(
        info,
        "toegangsverzoek/lijst",
        "toegangsverzoek/aantal",
        verzoek.page,
        verzoek.params,
        "Toegangsverzoek",
    )


@strawberry.type
class ToegangsverzoekLijsten:
    toegangsverzoeken = paged_list(
        Toegangsverzoek,
        "The requests for access to the organisations the asker is organisatie-beheerder of (all for "
        "functioneel beheer), oldest first; status INGEDIEND: waiting for an answer. Empty for everyone "
        "else.",
        leading=[("organisatie", strawberry.ID), ("status", ToegangsverzoekStatus)],
        request=_verzoek,
        read=_toegangsverzoeken,
    )

    @strawberry.field(description="The asker's own requests for access, newest first: where each stands.")
    async def mijn_toegangsverzoeken(self, info: Info) -> list[Toegangsverzoek]:
        subject = info.context.identiteit.subject
        if subject is None:
            return []
        rows = await info.context.store.read("toegangsverzoek/mijn", {"subject": subject})
        return [Toegangsverzoek.from_item(row["item"]) for row in rows]
