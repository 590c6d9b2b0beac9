"""Concepts (graph_api/domain/aanbod/concept.py): a gebruik-beheerder records missing software
as a concept with its Gebruik, a leverancier without a track record registers a concept product;
functioneel beheer lists the concepts, publishes, sends back or merges one."""

from __future__ import annotations

from typing import Any

import strawberry

from graph_api.domain.aanbod import concept
from graph_api.graphql.aanbod.types import Applicatie
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import list_page, load_one
from graph_api.graphql.core.enums import ApplicatieType, GebruikStatus, Licentietype
from graph_api.graphql.core.lists import Verzoek, paged_list, verzoek
from graph_api.graphql.core.schrijven import eenmaal, idempotency_key, input_id, schrijver
from graph_api.graphql.landschap.types import Gebruik
from graph_api.graphql.organisaties.types import ORGANISATIE_TYPES

_ORGANISATIES = tuple(kind.__name__ for kind in ORGANISATIE_TYPES)


@strawberry.input(
    description="Software in use the catalogue lacks: recorded as a concept application with its Gebruik."
)
class MeldOntbrekendeSoftwareInput:
    organisatie: strawberry.ID = strawberry.field(description="The organisation whose landscape it joins.")
    naam: str = strawberry.field(description="The application's name.")
    leverancier: strawberry.ID | None = strawberry.field(
        default=None, description="Its leverancier, when the catalogue has it."
    )
    leverancier_naam: str | None = strawberry.field(
        default=None,
        description="Its leverancier's name, when the catalogue lacks it too: recorded as a concept.",
    )
    type: ApplicatieType | None = strawberry.field(default=None, description="APPLICATIE when not given.")
    licentietype: Licentietype | None = strawberry.field(
        default=None, description="CLOSED_SOURCE when not given; VNG checks it before publishing."
    )
    status: GebruikStatus | None = strawberry.field(
        default=None, description="Of the Gebruik: VERWERVING when not given."
    )
    notities: str | None = strawberry.field(default=None, description="Internal notes of the Gebruik.")
    idempotency_key: str | None = idempotency_key()


@strawberry.input(
    description="A concept application to publish: the catalogue shows it to everyone from now."
)
class PubliceerConceptInput:
    concept: strawberry.ID
    idempotency_key: str | None = idempotency_key()


@strawberry.input(
    description="A concept application to send back: it stays a concept; whoever offered it sees why."
)
class WijsConceptAfInput:
    concept: strawberry.ID
    reden: str = strawberry.field(description="What to change before it can be published.")
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="A concept application to merge into a published one; its Gebruik move there.")
class VoegConceptSamenInput:
    concept: strawberry.ID
    doel: strawberry.ID = strawberry.field(description="The published application kept.")
    idempotency_key: str | None = idempotency_key()


@strawberry.type
class MeldOntbrekendeSoftwarePayload:
    gebruik: Gebruik | None = strawberry.field(description="The new Gebruik, of the concept application.")
    applicatie: Applicatie | None = strawberry.field(description="The concept application.")


@strawberry.type
class ConceptPayload:
    applicatie: Applicatie | None = strawberry.field(
        description="The application published, or the one kept."
    )
    verplaatste_gebruik: int = strawberry.field(default=0, description="How many Gebruik moved in a merge.")


@strawberry.type
class ConceptMutaties:
    @strawberry.mutation(
        description="Record usage of software the catalogue lacks, as a concept (gebruik-beheerder)."
    )
    async def meld_ontbrekende_software(
        self, info: Info, input: MeldOntbrekendeSoftwareInput
    ) -> MeldOntbrekendeSoftwarePayload:
        wie = schrijver(info, "meldOntbrekendeSoftware", input)
        gemeld = await eenmaal(
            info,
            wie,
            lambda: concept.meld(
                info.context.store,
                wie,
                organisatie=input_id(input.organisatie, _ORGANISATIES, "organisatie"),
                naam=input.naam,
                leverancier=None
                if input.leverancier is None
                else input_id(input.leverancier, "Leverancier", "leverancier"),
                leverancier_naam=input.leverancier_naam,
                type=input.type.value if input.type else "APPLICATIE",
                licentietype=input.licentietype.value if input.licentietype else "CLOSED_SOURCE",
                status=input.status.value if input.status else "VERWERVING",
                notities=input.notities,
            ),
            lambda record: concept.Gemeld(record["object"], record["na"]["applicatie"], None),
        )
        return MeldOntbrekendeSoftwarePayload(
            gebruik=await load_one(info, "gebruik/per_id", gemeld.gebruik, "Gebruik"),
            applicatie=await load_one(info, "applicatie/per_id", gemeld.applicatie, "Applicatie"),
        )

    @strawberry.mutation(description="Publish a concept application (functioneel-beheerder).")
    async def publiceer_concept(self, info: Info, input: PubliceerConceptInput) -> ConceptPayload:
        wie = schrijver(info, "publiceerConcept", input)
        key = await eenmaal(
            info,
            wie,
            lambda: concept.publiceer(
                info.context.store, wie, concept=input_id(input.concept, "Applicatie", "concept")
            ),
            lambda record: record["object"],
        )
        return ConceptPayload(applicatie=await load_one(info, "applicatie/per_id", key, "Applicatie"))

    @strawberry.mutation(
        description="Send a concept back with the reason; it stays a concept (functioneel-beheerder)."
    )
    async def wijs_concept_af(self, info: Info, input: WijsConceptAfInput) -> ConceptPayload:
        wie = schrijver(info, "wijsConceptAf", input)
        key = await eenmaal(
            info,
            wie,
            lambda: concept.wijs_af(
                info.context.store,
                wie,
                concept=input_id(input.concept, "Applicatie", "concept"),
                reden=input.reden,
            ),
            lambda record: record["object"],
        )
        return ConceptPayload(applicatie=await load_one(info, "applicatie/per_id", key, "Applicatie"))

    @strawberry.mutation(
        description="Merge a concept into a published application, with its Gebruik (functioneel-beheerder)."
    )
    async def voeg_concept_samen(self, info: Info, input: VoegConceptSamenInput) -> ConceptPayload:
        wie = schrijver(info, "voegConceptSamen", input)
        samengevoegd = await eenmaal(
            info,
            wie,
            lambda: concept.voeg_samen(
                info.context.store,
                wie,
                concept=input_id(input.concept, "Applicatie", "concept"),
                doel=input_id(input.doel, "Applicatie", "doel"),
            ),
            lambda record: concept.Samengevoegd(record["na"]["samengevoegdMet"], record["na"]["verplaatst"]),
        )
        return ConceptPayload(
            applicatie=await load_one(info, "applicatie/per_id", samengevoegd.applicatie, "Applicatie"),
            verplaatste_gebruik=samengevoegd.verplaatst,
        )


async def _concepten(source: Any, info: Info, args: dict[str, Any], request: Verzoek):
    return await list_page(
        info, "concept/lijst", "concept/aantal", request.page, request.params, "Applicatie"
    )


@strawberry.type
class ConceptLijsten:
    concepten = paged_list(
        Applicatie,
        "The concept applications (missing software recorded by gebruik-beheerders, products of "
        "leveranciers without a track record), by name: for functioneel beheer only, empty for "
        "everyone else.",
        request=lambda args: verzoek(args, {}),
        read=_concepten,
    )
