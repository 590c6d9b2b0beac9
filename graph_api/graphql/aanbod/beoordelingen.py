"""Reviews (graph_api/domain/aanbod/beoordeling.py): the Beoordeling type, the fields of Applicatie
and Dienst that show the approved ones, the list of reviews for who keeps them, and the mutations
that write, moderate and answer them. What a review shows of its organisation is decided in the
queries (cypher/beoordeling/), by the asker's `$zicht` and the group floor."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import relay

from graph_api.domain.aanbod import beoordeling
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import build, list_page, load_one, load_page, registered
from graph_api.graphql.core.ids import reference
from graph_api.graphql.core.lists import Verzoek, paged_list, verzoek
from graph_api.graphql.core.paging import Connection, PageRequest
from graph_api.graphql.core.schrijven import eenmaal_id, idempotency_key, input_id, schrijver

if TYPE_CHECKING:
    from graph_api.graphql.organisaties.types import Organisatie

Organisatie_ = Annotated["Organisatie", strawberry.lazy("graph_api.graphql.organisaties.types")]


@strawberry.enum(description="Where a review stands: waiting for moderation, public, or sent back.")
class BeoordelingStatus(Enum):
    INGEDIEND = "INGEDIEND"
    GOEDGEKEURD = "GOEDGEKEURD"
    AFGEWEZEN = "AFGEWEZEN"


def _minimum(info: Info) -> int:
    return info.context.zicht.minimale_groep


@registered("Beoordeling")
@strawberry.type(
    description="An organisation's review of an application it uses or a dienst it takes. It names "
    "its organisation only to who may see that organisation's use of the object; to everyone else "
    'it is anonymous (docs/access.md, "Reviews").'
)
class Beoordeling(relay.Node):
    key: relay.NodeID[str]
    identificatie: str
    score: int = strawberry.field(description="1 (poor) to 5 (excellent).")
    tekst: str
    status: BeoordelingStatus
    reden: str | None = strawberry.field(
        description="Why functioneel beheer rejected it; for its own organisation and functioneel beheer."
    )
    antwoord: str | None = strawberry.field(description="The leverancier's answer, once given.")
    beantwoord_op: str | None
    geplaatst_op: str | None = strawberry.field(description="When it was approved and became public.")
    versienummer: int = strawberry.field(
        description="Give it as `verwachteVersie` to write the review again, moderate or answer it."
    )
    _organisatie: strawberry.Private[str | None]
    _object: strawberry.Private[str]
    _object_label: strawberry.Private[str]

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Beoordeling:
        return cls(
            key=item["id"],
            identificatie=item["id"],
            score=item["score"],
            tekst=item["tekst"],
            status=BeoordelingStatus[item["status"]],
            reden=item.get("reden"),
            antwoord=item.get("antwoord"),
            beantwoord_op=item.get("beantwoordOp"),
            geplaatst_op=item.get("goedgekeurdOp"),
            versienummer=item["versie"],
            _organisatie=item.get("organisatie"),
            _object=item["object"],
            _object_label=item["objectLabel"],
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]  # one answer for Node's overloads: None if unknown
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Beoordeling | None]:
        loader = info.context.loaders.one("beoordeling/per_id", minimum=_minimum(info))
        return [
            None if item is None else build(item, "Beoordeling")
            for item in await loader.load_many(list(node_ids))
        ]

    @strawberry.field(
        description="The organisation that wrote it; null where the asker may not see that "
        "organisation's use of the object (the review is anonymous then)."
    )
    async def organisatie(self, info: Info) -> Organisatie_ | None:
        if self._organisatie is None:
            return None
        return await load_one(info, "organisatie/per_id", self._organisatie)

    @strawberry.field(description="The application or dienst it is about.")
    async def onderwerp(self, info: Info) -> relay.Node | None:
        query = "applicatie/per_id" if self._object_label == "Applicatie" else "dienst/per_id"
        return await load_one(info, query, self._object, self._object_label)


@strawberry.type(description="How many reviews give a score.")
class Scoreaantal:
    score: int
    aantal: int


@strawberry.type(
    description="An object's approved reviews in figures. Below the group floor (five reviews, the "
    "floor of the benchmarks) they are `verborgen` to whoever may not see every reviewer: no count, "
    "no average, and `beoordelingen` lists none of the anonymous ones."
)
class Beoordelingsoverzicht:
    aantal: int | None
    gemiddelde: float | None = strawberry.field(description="The average score, null without reviews.")
    verdeling: list[Scoreaantal] | None = strawberry.field(description="The count of each score, 1 to 5.")
    verborgen: bool


async def overzicht(info: Info, key: str) -> Beoordelingsoverzicht:
    item = await info.context.loaders.one("beoordeling/overzicht", minimum=_minimum(info)).load(key)
    assert item is not None  # the parent exists
    verdeling = item["verdeling"]
    return Beoordelingsoverzicht(
        aantal=item["aantal"],
        gemiddelde=item["gemiddelde"],
        verdeling=None
        if verdeling is None
        else [Scoreaantal(score=s, aantal=n) for s, n in zip(range(1, 6), verdeling, strict=True)],
        verborgen=item["verborgen"],
    )


def _openbaar_verzoek(args: dict[str, Any]) -> Verzoek:
    """Newest first, always: no other order (by organisation least of all) is offered."""
    page = PageRequest.of(
        args.get("first"), args.get("after"), args.get("last"), args.get("before"),
        field="GEPLAATST_OP", descending=True,
    )  # fmt: skip
    return Verzoek(page, {}, "GEPLAATST_OP")


async def _openbaar(source: Any, info: Info, args: dict[str, Any], verzoek: Verzoek) -> Connection:
    return await load_page(
        info, "beoordeling/openbaar", source.key, verzoek.page, {"minimum": _minimum(info)}, "Beoordeling"
    )


def openbare_beoordelingen() -> Any:
    """The `beoordelingen` field of Applicatie and Dienst."""
    return paged_list(
        Beoordeling,
        "Its approved reviews, newest first, each with the leverancier's answer. Anonymous ones only from "
        "five reviews up (see `beoordelingsoverzicht`).",
        request=_openbaar_verzoek,
        read=_openbaar,
    )


def _lijst_verzoek(args: dict[str, Any]) -> Verzoek:
    status = args.get("status")
    organisatie = reference(args.get("organisatie"), *_ORGANISATIES, argument="organisatie")
    params = {"status": None if status is None else status.value, "organisatie": organisatie}
    return verzoek(args, params, field="GEWIJZIGD_OP")


_ORGANISATIES = ("Gemeente", "Samenwerking", "Leverancier", "Beheerorganisatie", "Community")


async def _lijst(source: Any, info: Info, args: dict[str, Any], verzoek: Verzoek) -> Connection:
    return await list_page(
        info, "beoordeling/lijst", "beoordeling/aantal", verzoek.page, verzoek.params, "Beoordeling"
    )


@strawberry.type
class BeoordelingLijsten:
    beoordelingen = paged_list(
        Beoordeling,
        "Reviews in every state, the longest unchanged first, for who keeps them: functioneel beheer "
        "all (status INGEDIEND: waiting for moderation), the people of an organisation's landscape its "
        "own, with the reason of a rejection; empty for everyone else.",
        leading=[("status", BeoordelingStatus), ("organisatie", strawberry.ID)],
        request=_lijst_verzoek,
        read=_lijst,
    )


@strawberry.input(
    description="An organisation's review of an application it uses or a dienst it takes; written again "
    "(with `verwachteVersie`) it changes and waits for moderation anew."
)
class SchrijfBeoordelingInput:
    organisatie: strawberry.ID = strawberry.field(description="The organisation whose review it is.")
    object: strawberry.ID = strawberry.field(description="The application or dienst reviewed.")
    score: int = strawberry.field(description="1 to 5.")
    toelichting: str = strawberry.field(description="The review's text (at most 2,000 characters).")
    verwachte_versie: int | None = strawberry.field(
        default=None,
        description="The review's `versienummer` when writing it again; none for a first review.",
    )
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="A waiting review to approve: it becomes public.")
class KeurBeoordelingGoedInput:
    beoordeling: strawberry.ID
    verwachte_versie: int
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="A waiting review to reject, with the reason its organisation reads.")
class WijsBeoordelingAfInput:
    beoordeling: strawberry.ID
    verwachte_versie: int
    reden: str
    idempotency_key: str | None = idempotency_key()


@strawberry.input(
    description="The leverancier's one answer to an approved review of its application or dienst."
)
class BeantwoordBeoordelingInput:
    beoordeling: strawberry.ID
    verwachte_versie: int
    antwoord: str
    idempotency_key: str | None = idempotency_key()


@strawberry.type
class BeoordelingPayload:
    beoordeling: Beoordeling | None = strawberry.field(description="The review as the asker now sees it.")


async def _gelezen(info: Info, key: str) -> BeoordelingPayload:
    [gelezen] = await Beoordeling.resolve_nodes(info=info, node_ids=[key])
    return BeoordelingPayload(beoordeling=gelezen)


def _beoordeling(input: Any) -> str:
    return input_id(input.beoordeling, "Beoordeling", "beoordeling")


@strawberry.type
class BeoordelingMutaties:
    @strawberry.mutation(
        description="Write the organisation's review of an application it uses or a dienst it takes "
        "(gebruik-beheerder of the organisation)."
    )
    async def schrijf_beoordeling(self, info: Info, input: SchrijfBeoordelingInput) -> BeoordelingPayload:
        wie = schrijver(info, "schrijfBeoordeling", input)
        geschreven = await eenmaal_id(
            info,
            wie,
            lambda: beoordeling.schrijf(
                info.context.store,
                wie,
                organisatie=input_id(input.organisatie, _ORGANISATIES, "organisatie"),
                object_id=input_id(input.object, ("Applicatie", "Dienst"), "object"),
                score=input.score,
                tekst=input.toelichting,
                verwachte_versie=input.verwachte_versie,
            ),
        )
        return await _gelezen(info, geschreven)

    @strawberry.mutation(description="Approve a waiting review: it becomes public (functioneel-beheerder).")
    async def keur_beoordeling_goed(self, info: Info, input: KeurBeoordelingGoedInput) -> BeoordelingPayload:
        wie = schrijver(info, "keurBeoordelingGoed", input)
        geschreven = await eenmaal_id(
            info,
            wie,
            lambda: beoordeling.modereer(
                info.context.store,
                wie,
                beoordeling=_beoordeling(input),
                verwachte_versie=input.verwachte_versie,
                goedgekeurd=True,
            ),
        )
        return await _gelezen(info, geschreven)

    @strawberry.mutation(description="Reject a waiting review with a reason (functioneel-beheerder).")
    async def wijs_beoordeling_af(self, info: Info, input: WijsBeoordelingAfInput) -> BeoordelingPayload:
        wie = schrijver(info, "wijsBeoordelingAf", input)
        geschreven = await eenmaal_id(
            info,
            wie,
            lambda: beoordeling.modereer(
                info.context.store,
                wie,
                beoordeling=_beoordeling(input),
                verwachte_versie=input.verwachte_versie,
                goedgekeurd=False,
                reden=input.reden,
            ),
        )
        return await _gelezen(info, geschreven)

    @strawberry.mutation(
        description="Answer an approved review of the leverancier's application or dienst, once "
        "(aanbod-beheerder of that leverancier)."
    )
    async def beantwoord_beoordeling(
        self, info: Info, input: BeantwoordBeoordelingInput
    ) -> BeoordelingPayload:
        wie = schrijver(info, "beantwoordBeoordeling", input)
        geschreven = await eenmaal_id(
            info,
            wie,
            lambda: beoordeling.beantwoord(
                info.context.store,
                wie,
                beoordeling=_beoordeling(input),
                verwachte_versie=input.verwachte_versie,
                antwoord=input.antwoord,
            ),
        )
        return await _gelezen(info, geschreven)
