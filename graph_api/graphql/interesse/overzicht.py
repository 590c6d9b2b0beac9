"""What the leverancier's view (graph_api/graphql/aanbod/leveranciersoverzicht.py) shows of
interest and attention: who showed interest, views per week, searches per month, market shares
(graph_api/domain/interesse/overzicht.py). Each reads one query of cypher/leveranciersoverzicht/
that checks again who asks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from graph_api.domain.interesse import overzicht
from graph_api.errors import ClientError
from graph_api.graphql.aanbod.types import Applicatie
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import build
from graph_api.graphql.interesse.types import Interesse

if TYPE_CHECKING:
    from graph_api.graphql.gemma.types import Referentiecomponent

Referentiecomponent_ = Annotated["Referentiecomponent", strawberry.lazy("graph_api.graphql.gemma.types")]

DREMPEL = "The group floor: a count of fewer organisations than this is not shown."


@strawberry.type(description="How many organisations viewed an application in an ISO week.")
class Bezoekweek:
    applicatie: Applicatie
    week: str = strawberry.field(description="The ISO week, 2026-W49.")
    aantal: int | None = strawberry.field(
        description="Distinct signed-in organisations that viewed it (its own leverancier not "
        "counted); null when fewer than `drempel`."
    )


@strawberry.type(description="Views of the leverancier's applications, per week; no organisation named.")
class Bezoekcijfers:
    drempel: int = strawberry.field(description=DREMPEL)
    weken: list[str] = strawberry.field(description="The weeks counted, newest first.")
    bezoeken: list[Bezoekweek] = strawberry.field(
        description="Per application (by name) and week (newest first) with views; weeks without none."
    )


@strawberry.type(description="A search term gemeenten used in a month, and how many of them.")
class Zoekterm:
    maand: str
    term: str = strawberry.field(description="The search's words, in lower case, letters and digits only.")
    gemeenten: int


@strawberry.type(description="A referentiecomponent gemeenten filtered their search on in a month.")
class Gezochtecomponent:
    maand: str
    referentiecomponent: Referentiecomponent_
    gemeenten: int | None = strawberry.field(description="Null when fewer than `drempel`.")


@strawberry.type(
    description="What gemeenten look for, per month: search terms used by at least `drempel` "
    "gemeenten (rarer ones are left out: a rare term can say who searched it), and the "
    "referentiecomponenten filtered on: every one at or above the floor, the leverancier's own "
    "below it as null."
)
class Zoekvragen:
    drempel: int = strawberry.field(description=DREMPEL)
    maanden: list[str] = strawberry.field(description="The months counted, newest first.")
    termen: list[Zoekterm]
    referentiecomponenten: list[Gezochtecomponent]


@strawberry.type(
    description="The leverancier's share of one referentiecomponent's market against the rest, "
    "which stays anonymous: as the market benchmarks count it (Gebruik of gemeenten not phased out)."
)
class Marktpositie:
    referentiecomponent: Referentiecomponent_
    gemeenten: int = strawberry.field(description="Gemeenten using any application for it.")
    klanten: int | None = strawberry.field(
        description="Of those, the ones using the leverancier's applications; null when hidden by "
        "the group floor."
    )
    overig: int | None = strawberry.field(
        description="The rest: gemeenten using only others' applications for it."
    )
    aandeel: float | None = strawberry.field(description="klanten / gemeenten, 0 to 1; null when hidden.")


def _aantal(value: int, argument: str, maximum: int) -> int:
    if not 1 <= value <= maximum:
        raise ClientError(
            "INVALID_ARGUMENT", f"{argument} must be between 1 and {maximum}", argument=argument
        )
    return value


async def interesse(info: Info, leverancier: str) -> list[Interesse]:
    rows = await info.context.store.read("leveranciersoverzicht/interesse", {"leverancier": leverancier})
    return [Interesse.from_item(row["item"]) for row in rows]


async def bezoeken(info: Info, leverancier: str, aantal: int) -> Bezoekcijfers:
    telling = info.context.runtime.telling
    gevraagd = overzicht.weken(telling.nu(), _aantal(aantal, "weken", overzicht.MAX_WEKEN))
    await telling.bijgewerkt()  # this process's own views read back
    rows = await info.context.store.read(
        "leveranciersoverzicht/bezoeken", {"leverancier": leverancier, "weken": gevraagd}
    )
    m = info.context.zicht.minimale_groep
    return Bezoekcijfers(
        drempel=m,
        weken=gevraagd,
        bezoeken=[
            Bezoekweek(
                applicatie=Applicatie.from_item(row["applicatie"]),
                week=row["week"],
                aantal=overzicht.verberg(row["aantal"], m),
            )
            for row in rows
        ],
    )


async def zoekvragen(info: Info, leverancier: str, aantal: int) -> Zoekvragen:
    telling = info.context.runtime.telling
    gevraagd = overzicht.maanden(telling.nu(), _aantal(aantal, "maanden", overzicht.MAX_MAANDEN))
    await telling.bijgewerkt()
    rows = await info.context.store.read(
        "leveranciersoverzicht/zoekvragen", {"leverancier": leverancier, "maanden": gevraagd}
    )
    m = info.context.zicht.minimale_groep
    cijfers = overzicht.zoekcijfers(rows, m)
    return Zoekvragen(
        drempel=m,
        maanden=gevraagd,
        termen=[Zoekterm(maand=mnd, term=term, gemeenten=n) for mnd, term, n in cijfers.termen],
        referentiecomponenten=[
            Gezochtecomponent(maand=mnd, referentiecomponent=build(dict(rc)), gemeenten=n)
            for mnd, rc, n in cijfers.referentiecomponenten
        ],
    )


async def marktaandelen(info: Info, leverancier: str) -> list[Marktpositie]:
    rows = await info.context.store.read("leveranciersoverzicht/marktaandeel", {"leverancier": leverancier})
    return [
        Marktpositie(
            referentiecomponent=build(dict(a.referentiecomponent)),
            gemeenten=a.gemeenten,
            klanten=a.klanten,
            overig=None if a.klanten is None else a.gemeenten - a.klanten,
            aandeel=a.aandeel,
        )
        for a in overzicht.marktaandelen(rows, leverancier, info.context.zicht.minimale_groep)
    ]
