"""`synchroniseerLandschap`: a source system (a gemeente's CMDB, through its machine client)
upserts a batch of Gebruik keyed by its own ids (graph_api/domain/landschap/synchronisatie.py;
docs/exchange.md, "A CMDB keeps the landscape current")."""

from __future__ import annotations

import strawberry

from graph_api.domain.landschap import synchronisatie
from graph_api.graphql.context import Info
from graph_api.graphql.core.enums import (
    GebruikStatus,
    Hostingmodel,
    KoppelingRichting,
    KoppelingStatus,
    KoppelingType,
    SynchronisatieUitkomst,
)
from graph_api.graphql.core.schrijven import idempotency_key, input_id, schrijver
from graph_api.graphql.organisaties.types import ORGANISATIE_TYPES

_ORGANISATIES = tuple(kind.__name__ for kind in ORGANISATIE_TYPES)


@strawberry.input(description="One Gebruik as the source system knows it.")
class SynchronisatieItem:
    bron_sleutel: str = strawberry.field(
        description="The source system's own id of it (TOPdesk's APPID): the Gebruik keeps "
        "`<bron>:<organisatie>:<bronSleutel>`, so the next batch finds it."
    )
    applicatie: strawberry.ID | None = strawberry.field(
        default=None, description="The application's id in the catalogue; else give applicatieNaam."
    )
    applicatie_naam: str | None = strawberry.field(
        default=None,
        description="The application's name (case and surrounding spaces do not count), used when "
        "no id is given; several applications of that name: MISLUKT (AMBIGUOUS), never guessed.",
    )
    leverancier: str | None = strawberry.field(
        default=None, description="The leverancier's name, compared without case, punctuation or legal form."
    )
    status: GebruikStatus | None = strawberry.field(
        default=None,
        description="IN_PRODUCTIE when a new Gebruik has none; forward along the lifecycle only.",
    )
    hostingmodel: Hostingmodel | None = None
    notities: str | None = strawberry.field(
        default=None, description="Set only when the sync creates the Gebruik: the gemeente owns them."
    )
    contract_einde: str | None = strawberry.field(
        default=None, description="An ISO-8601 date. Set only when the sync creates the Gebruik."
    )


@strawberry.input(
    description="One koppeling as the source system knows it, between two of its Gebruik "
    "(or to a national facility)."
)
class KoppelingSyncItem:
    bron_sleutel: str = strawberry.field(
        description="The source system's own id of the koppeling: it keeps "
        "`<bron>:<organisatie>:<bronSleutel>`."
    )
    van: str = strawberry.field(
        description="The bronSleutel of the Gebruik at its VAN end: an item of this batch, or "
        "synced before by this bron."
    )
    naar: str | None = strawberry.field(
        default=None,
        description="The bronSleutel of the Gebruik at its NAAR end (as van); else naarVoorziening.",
    )
    naar_voorziening: str | None = strawberry.field(
        default=None, description="The GEMMA Object ID of the national facility at its NAAR end; else naar."
    )
    type: KoppelingType | None = strawberry.field(default=None, description="Required for a new koppeling.")
    richting: KoppelingRichting | None = strawberry.field(
        default=None, description="Which way its data flows, seen from van. Required for a new koppeling."
    )
    status: KoppelingStatus | None = strawberry.field(
        default=None,
        description="IN_ONTWIKKELING when a new koppeling has none; forward along the lifecycle only.",
    )
    standaarden: list[str] | None = strawberry.field(
        default=None,
        description="The standard versions it follows, by GEMMA Object ID; they replace those recorded. "
        "Null leaves them as they are.",
    )


@strawberry.input(description="A batch of a source system's Gebruik for one organisation's landscape.")
class SynchroniseerLandschapInput:
    organisatie: strawberry.ID
    bron: str = strawberry.field(description="The source system, e.g. `topdesk`: lower case, digits, - or _.")
    items: list[SynchronisatieItem]
    koppelingen: list[KoppelingSyncItem] | None = strawberry.field(
        default=None, description="The koppelingen between the Gebruik this bron keeps, written with them."
    )
    verwijder_ontbrekende: bool = strawberry.field(
        default=False,
        description="Phase out (UITGEFASEERD, dated today) the Gebruik this bron keeps that the "
        "batch does not hold, and withdraw (status TERUGGETROKKEN) the koppelingen this bron keeps "
        "that it does not hold. Without it, a missing item is left as it is.",
    )
    proefrun: bool = strawberry.field(default=False, description="Report what would happen; write nothing.")
    idempotency_key: str | None = idempotency_key()


@strawberry.type(description="What the sync did with one item (or with a Gebruik it phased out).")
class SynchronisatieRegel:
    index: int | None = strawberry.field(description="The item's place in `items`; null for a phase-out.")
    bron_sleutel: str
    uitkomst: SynchronisatieUitkomst
    gebruik: strawberry.ID | None = strawberry.field(description="The Gebruik's identificatie.")
    applicatie: strawberry.ID | None = strawberry.field(description="Its application's identificatie.")
    velden: list[str] = strawberry.field(description="The fields written, as the graph names them.")
    code: str | None = strawberry.field(description="MISLUKT or OVERGESLAGEN: why, machine-readable.")
    veld: str | None = strawberry.field(description="MISLUKT: the input's field, `input.items[3].status`.")
    reden: str | None


@strawberry.type(description="What the sync did with one koppeling item (or with a koppeling it withdrew).")
class KoppelingSyncRegel:
    index: int | None = strawberry.field(
        description="The item's place in `koppelingen`; null for a withdrawal."
    )
    bron_sleutel: str
    uitkomst: SynchronisatieUitkomst
    koppeling: strawberry.ID | None = strawberry.field(description="The koppeling's identificatie.")
    velden: list[str] = strawberry.field(description="The fields written, as the graph names them.")
    code: str | None = strawberry.field(description="MISLUKT: why, machine-readable.")
    veld: str | None = strawberry.field(
        description="MISLUKT: the input's field, `input.koppelingen[2].naar`."
    )
    reden: str | None


@strawberry.type
class SynchroniseerLandschapPayload:
    regels: list[SynchronisatieRegel]
    koppelingen: list[KoppelingSyncRegel] = strawberry.field(
        description="An outcome per koppeling item, and per koppeling withdrawn. The counts count `regels`."
    )
    aangemaakt: int
    gewijzigd: int
    ongewijzigd: int
    overgeslagen: int
    mislukt: int
    uitgefaseerd: int
    proefrun: bool


def payload(resultaat: synchronisatie.Resultaat) -> SynchroniseerLandschapPayload:
    return SynchroniseerLandschapPayload(
        regels=[
            SynchronisatieRegel(
                index=u.index,
                bron_sleutel=u.bron_sleutel,
                uitkomst=SynchronisatieUitkomst(u.uitkomst),
                gebruik=None if u.gebruik is None else strawberry.ID(u.gebruik),
                applicatie=None if u.applicatie is None else strawberry.ID(u.applicatie),
                velden=list(u.velden),
                code=u.code,
                veld=u.veld,
                reden=u.reden,
            )
            for u in resultaat.uitkomsten
        ],
        koppelingen=[
            KoppelingSyncRegel(
                index=u.index,
                bron_sleutel=u.bron_sleutel,
                uitkomst=SynchronisatieUitkomst(u.uitkomst),
                koppeling=None if u.koppeling is None else strawberry.ID(u.koppeling),
                velden=list(u.velden),
                code=u.code,
                veld=u.veld,
                reden=u.reden,
            )
            for u in resultaat.koppelingen
        ],
        aangemaakt=resultaat.aantal(synchronisatie.AANGEMAAKT),
        gewijzigd=resultaat.aantal(synchronisatie.GEWIJZIGD),
        ongewijzigd=resultaat.aantal(synchronisatie.ONGEWIJZIGD),
        overgeslagen=resultaat.aantal(synchronisatie.OVERGESLAGEN),
        mislukt=resultaat.aantal(synchronisatie.MISLUKT),
        uitgefaseerd=resultaat.aantal(synchronisatie.UITGEFASEERD),
        proefrun=resultaat.proefrun,
    )


@strawberry.type
class SynchronisatieMutaties:
    @strawberry.mutation(
        description="Upsert a source system's batch of Gebruik into an organisation's landscape, keyed "
        "by its own ids, with an outcome per item (its machine client or gebruik-beheerder)."
    )
    async def synchroniseer_landschap(
        self, info: Info, input: SynchroniseerLandschapInput
    ) -> SynchroniseerLandschapPayload:
        wie = schrijver(info, "synchroniseerLandschap", input)
        items = [
            synchronisatie.Item(
                bron_sleutel=item.bron_sleutel,
                applicatie=None
                if item.applicatie is None
                else input_id(item.applicatie, "Applicatie", f"items[{index}].applicatie"),
                applicatie_naam=item.applicatie_naam,
                leverancier=item.leverancier,
                status=None if item.status is None else item.status.value,
                hosting=None if item.hostingmodel is None else item.hostingmodel.value,
                notities=item.notities,
                contract_einde=item.contract_einde,
            )
            for index, item in enumerate(input.items)
        ]
        resultaat = await synchronisatie.synchroniseer(
            info.context.store,
            wie,
            organisatie=input_id(input.organisatie, _ORGANISATIES, "organisatie"),
            bron=input.bron,
            items=items,
            koppel_items=[
                synchronisatie.KoppelItem(
                    bron_sleutel=k.bron_sleutel,
                    van=k.van,
                    naar=k.naar,
                    naar_voorziening=k.naar_voorziening,
                    type=None if k.type is None else k.type.value,
                    richting=None if k.richting is None else k.richting.value,
                    status=None if k.status is None else k.status.value,
                    standaarden=None if k.standaarden is None else tuple(k.standaarden),
                )
                for k in input.koppelingen or []
            ],
            verwijder_ontbrekende=input.verwijder_ontbrekende,
            proefrun=input.proefrun,
        )
        return payload(resultaat)
