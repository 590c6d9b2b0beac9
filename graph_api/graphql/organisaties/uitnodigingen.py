"""Invitations (graph_api/domain/organisaties/uitnodiging.py): an organisation's list for its
organisatie-beheerders, the signed-in person's own open ones, and the mutations to invite,
withdraw and accept."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_api.domain.idempotentie import idempotentie
from graph_api.domain.organisaties import uitnodiging
from graph_api.domain.wijzigen import Schrijver
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import build, list_page, load_one, registered
from graph_api.graphql.core.enums import Rol
from graph_api.graphql.core.ids import reference
from graph_api.graphql.core.lists import Verzoek, paged_list, verzoek
from graph_api.graphql.core.schrijven import eenmaal, idempotency_key, input_id, schrijver
from graph_api.graphql.organisaties.types import ORGANISATIE_TYPES

if TYPE_CHECKING:
    from graph_api.graphql.organisaties.types import Organisatie

Organisatie_ = Annotated["Organisatie", strawberry.lazy("graph_api.graphql.organisaties.types")]

ORGANISATIES = tuple(kind.__name__ for kind in ORGANISATIE_TYPES)


@strawberry.enum(description="Where an invitation stands.")
class UitnodigingStatus(Enum):
    OPEN = "OPEN"
    AANVAARD = "AANVAARD"
    VERLOPEN = strawberry.enum_value("VERLOPEN", description="Open, but past `verlooptOp`.")
    INGETROKKEN = "INGETROKKEN"


def _nu() -> str:
    return uitnodiging.tijdstip(datetime.now(UTC))


@registered("Uitnodiging")
@strawberry.type(description="An organisation's invitation of a person, by e-mail, with roles.")
class Uitnodiging:
    identificatie: strawberry.ID
    email: str
    rollen: list[Rol]
    status: UitnodigingStatus
    aangemaakt: str = strawberry.field(description="When it was sent (ISO-8601, UTC).")
    verloopt_op: str = strawberry.field(description="Until when it can be accepted (ISO-8601, UTC).")
    uitgenodigd_door: str | None = strawberry.field(description="The name of the person who sent it.")
    versienummer: int = strawberry.field(description="Give it as `verwachteVersie` to withdraw it.")
    organisatie_id: strawberry.Private[str]

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Uitnodiging:
        return cls(
            identificatie=strawberry.ID(item["id"]),
            email=item["email"],
            rollen=[Rol[rol] for rol in item["rollen"]],
            status=UitnodigingStatus[item["status"]],
            aangemaakt=item["aangemaakt"],
            verloopt_op=item["verlooptOp"],
            uitgenodigd_door=item.get("uitgenodigdDoor"),
            versienummer=item["versie"],
            organisatie_id=item["organisatie"],
        )

    @strawberry.field(description="The organisation it invites to.")
    async def organisatie(self, info: Info) -> Organisatie_ | None:
        return await load_one(info, "organisatie/per_id", self.organisatie_id)


def _verzoek(args: dict[str, Any]) -> Verzoek:
    status = args.get("status")
    params = {
        "organisatie": reference(args.get("organisatie"), *ORGANISATIES, argument="organisatie"),
        "status": None if status is None else status.value,
        "nu": _nu(),
    }
    return verzoek(args, params, field="AANGEMAAKT")


async def _uitnodigingen(source: Any, info: Info, args: dict[str, Any], request: Verzoek):
    return await list_page(
        info, "uitnodiging/lijst", "uitnodiging/aantal", request.page, request.params, "Uitnodiging"
    )


@strawberry.type
class UitnodigingLijsten:
    uitnodigingen = paged_list(
        Uitnodiging,
        "An organisation's invitations, newest first: for its organisatie-beheerders and functioneel "
        "beheer, empty for everyone else. Never the code: only the inviter sees it, once.",
        leading=[("organisatie", strawberry.ID), ("status", UitnodigingStatus)],
        request=_verzoek,
        read=_uitnodigingen,
    )

    @strawberry.field(
        description="The open invitations to the signed-in person's verified e-mail (the token's "
        "`email` with `email_verified`), oldest first: what it may accept with `aanvaardUitnodiging` "
        "and the code it was given. Empty without a verified e-mail."
    )
    async def mijn_uitnodigingen(self, info: Info) -> list[Uitnodiging]:
        identiteit = info.context.identiteit
        if identiteit.email is None or not identiteit.email_geverifieerd:
            return []
        rows = await info.context.store.read(
            "uitnodiging/voor_email", {"email": identiteit.email, "nu": _nu()}
        )
        return [build(row["item"], "Uitnodiging") for row in rows]


@strawberry.input(description="A person to invite to an organisation, by e-mail, with roles.")
class NodigUitInput:
    organisatie: strawberry.ID
    email: str = strawberry.field(description="Where the person signs in with, verified.")
    rollen: list[Rol] = strawberry.field(description="Only roles that mean something in the organisation.")
    geldig_dagen: int | None = strawberry.field(
        default=None,
        description=f"How many days it can be accepted: {uitnodiging.GELDIG_DAGEN} when not given, "
        f"at most {uitnodiging.MAX_GELDIG_DAGEN}.",
    )
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="An open invitation to withdraw: its code opens nothing from now.")
class TrekUitnodigingInInput:
    uitnodiging: strawberry.ID
    verwachte_versie: int
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="An invitation to accept, by its code, as the person signed in.")
class AanvaardUitnodigingInput:
    code: str = strawberry.field(description="The code the inviter passed on.")
    idempotency_key: str | None = idempotency_key()


@strawberry.type
class NodigUitPayload:
    uitnodiging: Uitnodiging | None
    code: str | None = strawberry.field(
        description="The code to pass on to the person invited, shown this once (the API sends no "
        "mail, and keeps only a digest of it). Null when a repeated request answers: withdraw the "
        "invitation and send a new one if the code is lost."
    )


@strawberry.type
class UitnodigingPayload:
    uitnodiging: Uitnodiging | None


@strawberry.type
class AanvaardUitnodigingPayload:
    gebruiker: strawberry.ID = strawberry.field(description="The id of the signed-in person's Gebruiker.")
    rollen: list[Rol] = strawberry.field(
        description="Its roles in the organisation now: they count from its next request on."
    )
    organisatie_id: strawberry.Private[str]

    @strawberry.field(description="The organisation it is a member of now.")
    async def organisatie(self, info: Info) -> Organisatie_ | None:
        return await load_one(info, "organisatie/per_id", self.organisatie_id)


async def _per_id(info: Info, key: str) -> Uitnodiging | None:
    item = await info.context.loaders.one("uitnodiging/per_id", nu=_nu()).load(key)
    return None if item is None else build(item, "Uitnodiging")


def _aanvaarder(info: Info, input: AanvaardUitnodigingInput) -> Schrijver:
    """The asker, its idempotency key scoped by its subject: the person may be no Gebruiker
    before it accepts and one after, so its Gebruiker id cannot tell a repeat from a new write."""
    identiteit = info.context.identiteit
    sleutel = None
    if identiteit.subject is not None:
        houder = replace(identiteit, gebruiker=f"subject:{identiteit.subject}")
        sleutel = idempotentie(houder, input.idempotency_key, "aanvaardUitnodiging", {"code": input.code})
    return Schrijver(identiteit, info.context.zicht, sleutel)


@strawberry.type
class UitnodigingMutaties:
    @strawberry.mutation(
        description="Invite a person to an organisation by e-mail, with roles (organisatie-beheerder). "
        "The answer carries the code to pass on, once."
    )
    async def nodig_uit(self, info: Info, input: NodigUitInput) -> NodigUitPayload:
        wie = schrijver(info, "nodigUit", input)
        uitgenodigd = await eenmaal(
            info,
            wie,
            lambda: uitnodiging.nodig_uit(
                info.context.store,
                wie,
                organisatie=input_id(input.organisatie, ORGANISATIES, "organisatie"),
                adres=input.email,
                gevraagd=[rol.value for rol in input.rollen],
                geldig_dagen=input.geldig_dagen,
            ),
            lambda record: uitnodiging.Uitgenodigd(record["object"], None),
        )
        return NodigUitPayload(uitnodiging=await _per_id(info, uitgenodigd.id), code=uitgenodigd.code)

    @strawberry.mutation(description="Withdraw an open invitation (organisatie-beheerder).")
    async def trek_uitnodiging_in(self, info: Info, input: TrekUitnodigingInInput) -> UitnodigingPayload:
        wie = schrijver(info, "trekUitnodigingIn", input)
        key = await eenmaal(
            info,
            wie,
            lambda: uitnodiging.trek_in(
                info.context.store,
                wie,
                uitnodiging=input_id(input.uitnodiging, "Uitnodiging", "uitnodiging"),
                verwachte_versie=input.verwachte_versie,
            ),
            lambda record: record["object"],
        )
        return UitnodigingPayload(uitnodiging=await _per_id(info, key))

    @strawberry.mutation(
        description="Accept an invitation with its code, as the person signed in with the invited "
        "e-mail, verified: a person unknown here becomes a Gebruiker (subject and name from the token)."
    )
    async def aanvaard_uitnodiging(
        self, info: Info, input: AanvaardUitnodigingInput
    ) -> AanvaardUitnodigingPayload:
        wie = _aanvaarder(info, input)
        aanvaard = await eenmaal(
            info,
            wie,
            lambda: uitnodiging.aanvaard(info.context.store, wie, code=input.code),
            lambda record: uitnodiging.Aanvaard(
                record["object"], *(record["na"][k] for k in ("aanvaardDoor", "organisatie", "rollen"))
            ),
        )
        return AanvaardUitnodigingPayload(
            gebruiker=strawberry.ID(aanvaard.gebruiker),
            rollen=[Rol[rol] for rol in aanvaard.rollen],
            organisatie_id=aanvaard.organisatie,
        )
