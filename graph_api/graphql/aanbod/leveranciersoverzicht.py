"""The leverancier's own view (issue 18, item 6): `leveranciersoverzicht(leverancier:)`, for its
own aanbod- and organisatie-beheerders and functioneel beheer.

One root field rather than fields on `Leverancier`: the catalogue's `Leverancier` is public and
answers every role alike, while this view belongs to the leverancier's own people. Asked by
anyone else it is refused once (UNAUTHENTICATED, FORBIDDEN), rather than a dozen fields each
silently empty. Each field runs one query of cypher/leveranciersoverzicht/, only when asked,
and each query checks who asks again and applies `$zicht` to the Gebruik and proposals.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_api.domain.aanbod import advies
from graph_api.errors import ClientError, Forbidden, Unauthenticated
from graph_api.graphql.aanbod.types import Applicatie, Dienst, Versie
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import build
from graph_api.graphql.core.ids import reference
from graph_api.graphql.interesse import overzicht as aandacht
from graph_api.graphql.interesse.types import Interesse
from graph_api.graphql.landschap.voorstellen import Gebruiksvoorstel

if TYPE_CHECKING:
    from graph_api.graphql.gemma.types import Standaardversie
    from graph_api.graphql.landschap.types import Gebruik
    from graph_api.graphql.organisaties.types import Leverancier

Gebruik_ = Annotated["Gebruik", strawberry.lazy("graph_api.graphql.landschap.types")]
Leverancier_ = Annotated["Leverancier", strawberry.lazy("graph_api.graphql.organisaties.types")]
Standaardversie_ = Annotated["Standaardversie", strawberry.lazy("graph_api.graphql.gemma.types")]


@strawberry.enum(description="What an application lacks to be found (advice on being found).")
class SuggestieCode(Enum):
    NO_REFERENTIECOMPONENT = "NO_REFERENTIECOMPONENT"
    STANDARD_WITHOUT_EVIDENCE = "STANDARD_WITHOUT_EVIDENCE"
    NO_CURRENT_VERSION = "NO_CURRENT_VERSION"
    NO_DESCRIPTION = "NO_DESCRIPTION"
    NO_WEBSITE = "NO_WEBSITE"
    NO_MATERIAL = "NO_MATERIAL"


@strawberry.type(description="One thing to do so that gemeenten find an application.")
class Suggestie:
    code: SuggestieCode
    applicatie: Applicatie
    toelichting: str = strawberry.field(description="What to do, and why it helps.")
    versie: Versie | None = strawberry.field(description="STANDARD_WITHOUT_EVIDENCE: the version claiming.")
    standaardversie: Standaardversie_ | None = strawberry.field(
        description="STANDARD_WITHOUT_EVIDENCE: the standard version claimed without evidence."
    )

    @classmethod
    def van(cls, s: advies.Suggestie) -> Suggestie:
        return cls(
            code=SuggestieCode[s.code],
            applicatie=Applicatie.from_item(dict(s.applicatie)),
            toelichting=s.toelichting,
            versie=None if s.versie is None else Versie.from_item(dict(s.versie)),
            standaardversie=None if s.standaardversie is None else build(dict(s.standaardversie)),
        )


@strawberry.type(description="How findable one application is: a score and what to do.")
class Applicatieadvies:
    applicatie: Applicatie
    score: int = strawberry.field(description="The share of the checks it passes, 0 to 100.")
    suggesties: list[Suggestie]


@strawberry.type(
    description="Advice on being found: every application checked for a GEMMA referentiecomponent, "
    "evidence for each standard claimed, a version in use, a description, a website and sales "
    "material in its etalage."
)
class Vindbaarheid:
    score: int | None = strawberry.field(
        description="The share of all checks of all applications passed, 0 to 100; null without applications."
    )
    applicaties: list[Applicatieadvies] = strawberry.field(description="Per application, by name.")
    suggesties: list[Suggestie] = strawberry.field(description="Every suggestion, by application.")


@strawberry.type(description="An application of the leverancier and the Gebruik of it the asker may see.")
class Productgebruik:
    applicatie: Applicatie
    gebruik: list[Gebruik_] = strawberry.field(
        description="Its Gebruik, by organisation: what the role matrix shows (an aanbod-beheerder "
        "those of its own products; an organisatie-beheerder none)."
    )


@strawberry.type(description="A dienst of the leverancier and how many Gebruik take it.")
class Dienstafname:
    dienst: Dienst
    afnemers: int = strawberry.field(description="How many Gebruik take it (retired ones still count).")


@strawberry.type(
    description="A leverancier's own view: who uses its applications, its proposals, its concepts "
    "waiting for review, its diensten and how many take each, and advice on being found."
)
class Leveranciersoverzicht:
    leverancier: Leverancier_
    _key: strawberry.Private[str]

    async def _rows(self, info: Info, query: str) -> list[dict[str, Any]]:
        return await info.context.store.read(query, {"leverancier": self._key})

    @strawberry.field(description="Its applications, by name, each with its Gebruik.")
    async def gebruik(self, info: Info) -> list[Productgebruik]:
        from graph_api.graphql.landschap.types import Gebruik

        return [
            Productgebruik(
                applicatie=Applicatie.from_item(row["applicatie"]),
                gebruik=[Gebruik.from_item(item) for item in row["gebruik"]],
            )
            for row in await self._rows(info, "leveranciersoverzicht/gebruik")
        ]

    @strawberry.field(description="The Gebruiksvoorstellen it made, every status, newest first.")
    async def voorstellen(self, info: Info) -> list[Gebruiksvoorstel]:
        rows = await self._rows(info, "leveranciersoverzicht/voorstellen")
        return [Gebruiksvoorstel.from_item(row["item"]) for row in rows]

    @strawberry.field(description="Its applications waiting for functioneel beheer's review, by name.")
    async def concepten(self, info: Info) -> list[Applicatie]:
        rows = await self._rows(info, "leveranciersoverzicht/concepten")
        return [Applicatie.from_item(row["item"]) for row in rows]

    @strawberry.field(description="Its diensten, retired ones too (marked), by name.")
    async def diensten(self, info: Info) -> list[Dienstafname]:
        rows = await self._rows(info, "leveranciersoverzicht/diensten")
        return [
            Dienstafname(dienst=Dienst.from_item(row["dienst"]), afnemers=row["afnemers"]) for row in rows
        ]

    @strawberry.field(
        description="The interest gemeenten showed in its applications, newest first: who, with the "
        "message and date (toonInteresse). Nobody else sees who showed interest."
    )
    async def interesse(self, info: Info) -> list[Interesse]:
        return await aandacht.interesse(info, self._key)

    @strawberry.field(description="Views of its applications per ISO week, as counts of organisations.")
    async def bezoeken(self, info: Info, weken: int = 12) -> aandacht.Bezoekcijfers:
        return await aandacht.bezoeken(info, self._key, weken)

    @strawberry.field(
        description="What gemeenten looked for per month: search terms and referentiecomponenten."
    )
    async def zoekvragen(self, info: Info, maanden: int = 6) -> aandacht.Zoekvragen:
        return await aandacht.zoekvragen(info, self._key, maanden)

    @strawberry.field(description="Its share of each referentiecomponent's market it serves, largest first.")
    async def marktaandelen(self, info: Info) -> list[aandacht.Marktpositie]:
        return await aandacht.marktaandelen(info, self._key)

    @strawberry.field(description="Advice on being found.")
    async def vindbaarheid(self, info: Info) -> Vindbaarheid:
        beoordeeld = advies.beoordeel(await self._rows(info, "leveranciersoverzicht/advies"))
        return Vindbaarheid(
            score=beoordeeld.score,
            applicaties=[
                Applicatieadvies(
                    applicatie=Applicatie.from_item(dict(a.applicatie)),
                    score=a.score,
                    suggesties=[Suggestie.van(s) for s in a.suggesties],
                )
                for a in beoordeeld.applicaties
            ],
            suggesties=[Suggestie.van(s) for s in beoordeeld.suggesties],
        )


@strawberry.type
class LeveranciersoverzichtQuery:
    @strawberry.field(
        description="A leverancier's own view, for its aanbod- and organisatie-beheerders and "
        "functioneel beheer (UNAUTHENTICATED, FORBIDDEN for others)."
    )
    async def leveranciersoverzicht(self, info: Info, leverancier: strawberry.ID) -> Leveranciersoverzicht:
        key = reference(leverancier, "Leverancier", argument="leverancier")
        assert key is not None  # the schema requires it
        zicht = info.context.zicht
        if info.context.identiteit.gebruiker is None:
            raise Unauthenticated("leveranciersoverzicht needs a signed-in beheerder of the leverancier")
        if not (zicht.beheer or key in zicht.aanbod or key in zicht.organisaties):
            raise Forbidden(
                f"leveranciersoverzicht is for the aanbod- and organisatie-beheerders of {key}",
                argument="leverancier",
            )
        rows = await info.context.store.read("leveranciersoverzicht/leverancier", {"leverancier": key})
        if not rows:
            raise ClientError("NOT_FOUND", f"there is no leverancier {key!r}", argument="leverancier")
        return Leveranciersoverzicht(leverancier=build(rows[0]["item"]), _key=key)
