"""Benchmarks across gemeenten (F006): adoption, neighbours, similar gemeenten, recommendations,
standards coverage, market concentration, a leverancier's market.

Every aggregate takes `minimaleGroep` (default 5), the group floor: its queries return every
count, and graph_api/domain/analyse/drempel.py decides which figures may be shown, hiding those
that rest on fewer gemeenten and those that would give them away by subtraction
(docs/access.md, "The group floor"). The queries still read only what the asker may see.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_api.domain import bounded
from graph_api.domain.analyse import adoptie as adoptie_
from graph_api.domain.analyse import markt, standaarden, vergelijking
from graph_api.domain.analyse.groepen import DEFAULT_GROUP, statussen
from graph_api.domain.analyse.groepen import minimale_groep as group_floor
from graph_api.graphql.context import Info
from graph_api.graphql.core import beperkingen
from graph_api.graphql.core.build import build
from graph_api.graphql.core.ids import reference
from graph_api.graphql.errors import ClientError
from graph_api.graphql.landschap.types import Gebruik

if TYPE_CHECKING:
    from graph_api.graphql.aanbod.types import Applicatie
    from graph_api.graphql.gemma.types import Referentiecomponent
    from graph_api.graphql.organisaties.types import Gemeente, Leverancier, Organisatie

Applicatie_ = Annotated["Applicatie", strawberry.lazy("graph_api.graphql.aanbod.types")]
Gemeente_ = Annotated["Gemeente", strawberry.lazy("graph_api.graphql.organisaties.types")]
Leverancier_ = Annotated["Leverancier", strawberry.lazy("graph_api.graphql.organisaties.types")]
Organisatie_ = Annotated["Organisatie", strawberry.lazy("graph_api.graphql.organisaties.types")]
Referentiecomponent_ = Annotated["Referentiecomponent", strawberry.lazy("graph_api.graphql.gemma.types")]


# Members made with strawberry.enum_value: a type checker sees their .value as an
# EnumValueDefinition (a str at run time); the code reads .name, the same string.
@strawberry.enum(description="How a benchmark groups the gemeenten.")
class Splitsing(Enum):
    GEEN = strawberry.enum_value("GEEN", description="One group: all gemeenten (NEDERLAND)")
    PROVINCIE = strawberry.enum_value("PROVINCIE", description="By province")
    GROOTTEKLASSE = strawberry.enum_value("GROOTTEKLASSE", description="By size class (see Grootteklasse)")


@strawberry.enum(description="What a market is counted in.")
class Marktpartij(Enum):
    APPLICATIE = "APPLICATIE"
    LEVERANCIER = "LEVERANCIER"


@strawberry.enum(description="Which Gebruik an adoption figure counts.")
class Adoptiestatus(Enum):
    IN_GEBRUIK = strawberry.enum_value(
        "IN_GEBRUIK",
        description="Every Gebruik not phased out: acquiring, planned, in production or being phased out",
    )
    IN_PRODUCTIE = strawberry.enum_value("IN_PRODUCTIE", description="Gebruik in production only")
    GEPLAND = strawberry.enum_value("GEPLAND", description="Gebruik acquiring or planned: what is coming")


def _key(value: strawberry.ID, kind: str, argument: str) -> str:
    key = reference(value, kind, argument=argument)
    assert key is not None
    return key


async def _one(info: Info, query: str, key: str, kind: str | None = None) -> Any:
    item = await info.context.loaders.one(query).load(key)
    return None if item is None else build(item, kind)


async def _require(info: Info, query: str, key: str, argument: str, kind: str) -> None:
    if await info.context.loaders.one(query).load(key) is None:
        raise ClientError("NOT_FOUND", f"{argument} is the id of no {kind}", argument=argument)


@strawberry.type(description="An application or leverancier in a market, and how many gemeenten use it.")
class Aanbieder:
    gemeenten: int
    _kind: strawberry.Private[str]
    _key: strawberry.Private[str]

    @strawberry.field
    async def applicatie(self, info: Info) -> Applicatie_ | None:
        return (
            await _one(info, "applicatie/per_id", self._key, "Applicatie")
            if self._kind == "APPLICATIE"
            else None
        )

    @strawberry.field
    async def leverancier(self, info: Info) -> Leverancier_ | None:
        return await _one(info, "organisatie/per_id", self._key) if self._kind == "LEVERANCIER" else None


@strawberry.type(description="How many gemeenten of a group use one application or leverancier.")
class Marktaandeel(Aanbieder):
    aandeel: float = strawberry.field(description="Of the group's gemeenten.")
    aandeel_onder_gebruikers: float | None = strawberry.field(
        description="Of the group's gemeenten that use anything for the component "
        "(null when that number is hidden)."
    )


@strawberry.type(description="Adoption within one group of gemeenten.")
class Adoptiegroep:
    groep: str = strawberry.field(description="NEDERLAND, a province, or a size class.")
    gemeenten: int
    gemeenten_met_component: int | None = strawberry.field(
        description="How many use anything for the component (null when hidden: fewer than "
        "minimaleGroep, or it would give a hidden figure away)."
    )
    aandelen: list[Marktaandeel] = strawberry.field(
        description="Most used first; the values whose figures may be shown."
    )
    onderdrukt: int = strawberry.field(
        description="Values used in the group whose figures are hidden: used by fewer than "
        "minimaleGroep gemeenten, or hidden so that those cannot be worked out."
    )


@strawberry.type(description="Adoption of applications or leveranciers for one reference component.")
class Adoptie:
    minimale_groep: int
    groepen: list[Adoptiegroep]


@strawberry.type(description="What one neighbour uses for the component.")
class Buurgebruik:
    _buur: strawberry.Private[dict[str, Any]]
    gebruik: list[Gebruik]

    @strawberry.field
    def buur(self) -> Gemeente_:
        return build(self._buur)


@strawberry.type(description="How much another gemeente's applications overlap with this one's.")
class Vergelijking:
    jaccard: float = strawberry.field(description="Shared applications over the applications either uses.")
    gedeeld: int
    alleen_hier: int
    alleen_daar: int
    _gemeente: strawberry.Private[dict[str, Any]]
    _van: strawberry.Private[str]

    @strawberry.field
    def gemeente(self) -> Gemeente_:
        return build(self._gemeente)

    @strawberry.field(description="The applications both use.")
    async def gedeelde_applicaties(self, info: Info) -> list[Applicatie_]:
        loader = info.context.loaders.many("benchmark/gedeelde_applicaties", gemeente=self._van)
        return [build(item, "Applicatie") for item in await loader.load(self._gemeente["id"])]


@strawberry.type(description="An application similar gemeenten use and this one does not, with the evidence.")
class Aanbeveling:
    aantal: int = strawberry.field(description="How many of the similar gemeenten use it.")
    _applicatie: strawberry.Private[dict[str, Any]]
    _door: strawberry.Private[list[str]]

    @strawberry.field
    def applicatie(self) -> Applicatie_:
        return build(self._applicatie, "Applicatie")

    @strawberry.field(description="The similar gemeenten that use it.")
    async def gebruikt_door(self, info: Info) -> list[Gemeente_]:
        items = await info.context.loaders.one("organisatie/per_id").load_many(self._door)
        return [build(item) for item in items if item]


@strawberry.type(description="How many koppelingen follow a standard GEMMA requires for their ends.")
class Standaardendekking:
    koppelingen: int
    met_verplichte_standaard: int = strawberry.field(description="With a required standard at an end.")
    volgens_verplichte_standaard: int = strawberry.field(description="That follow (a version of) one.")

    @strawberry.field(description="Share of all koppelingen that follow a required standard.")
    def dekking(self) -> float | None:
        return self.volgens_verplichte_standaard / self.koppelingen if self.koppelingen else None

    @strawberry.field(description="Share of the koppelingen with a required standard that follow one.")
    def dekking_waar_vereist(self) -> float | None:
        return (
            self.volgens_verplichte_standaard / self.met_verplichte_standaard
            if self.met_verplichte_standaard
            else None
        )


@strawberry.type(
    description="Standards coverage of one group of gemeenten; a figure resting on fewer than "
    "minimaleGroep gemeenten, or that would give such a figure away, is null."
)
class Standaardendekkinggroep:
    groep: str
    gemeenten: int = strawberry.field(description="The group's gemeenten that have koppelingen.")
    koppelingen: int | None
    met_verplichte_standaard: int | None = strawberry.field(description="With a required standard at an end.")
    volgens_verplichte_standaard: int | None = strawberry.field(description="That follow (a version of) one.")

    @strawberry.field(description="Share of all koppelingen that follow a required standard.")
    def dekking(self) -> float | None:
        if self.koppelingen and self.volgens_verplichte_standaard is not None:
            return self.volgens_verplichte_standaard / self.koppelingen
        return None

    @strawberry.field(description="Share of the koppelingen with a required standard that follow one.")
    def dekking_waar_vereist(self) -> float | None:
        if self.met_verplichte_standaard and self.volgens_verplichte_standaard is not None:
            return self.volgens_verplichte_standaard / self.met_verplichte_standaard
        return None


@strawberry.type(
    description="How concentrated the market of one reference component is. Shares are by gemeenten "
    "(the figures of adoptie: a provider's gemeenten over the sum of those over the providers), among "
    "the providers adoptie shows nationally: those hidden by the group floor are left out of the market."
)
class Marktconcentratie:
    hhi: float | None = strawberry.field(
        description="Herfindahl-Hirschman index: the sum of squared shares in percent, "
        "0 (spread) to 10,000 (one); null when no provider may be shown."
    )
    aanbieders: int = strawberry.field(
        description="Applications or leveranciers used for the component, hidden ones included."
    )
    gemeenten: int = strawberry.field(description="Gemeenten that use something for the component.")
    grootste_aandeel: float | None = strawberry.field(
        description="The largest provider's share, 0 to 1: its gemeenten over the gemeenten of the "
        "providers shown added up; null when that provider's figure is hidden."
    )
    grootste: Aanbieder | None = strawberry.field(
        description="Who holds that share (the application or leverancier, as `per` asks), and on how "
        "many gemeenten it rests; null when hidden."
    )
    _component: strawberry.Private[dict[str, Any]]

    @strawberry.field
    def referentiecomponent(self) -> Referentiecomponent_:
        return build(self._component)


@strawberry.type(description="A leverancier's share of one reference component's market.")
class ComponentAandeel:
    gemeenten: int = strawberry.field(description="Gemeenten using anything for the component.")
    klanten: int | None = strawberry.field(
        description="Of those, the ones using this leverancier's applications for it: null when hidden "
        "(fewer than minimaleGroep, or hidden so that another figure cannot be worked out), exactly "
        "as adoptie hides it."
    )
    aandeel: float | None = strawberry.field(description="klanten / gemeenten; null with klanten.")
    _component: strawberry.Private[dict[str, Any]]

    @strawberry.field
    def referentiecomponent(self) -> Referentiecomponent_:
        return build(self._component)


@strawberry.type(description="An organisation using a leverancier's applications.")
class Klant:
    _organisatie: strawberry.Private[dict[str, Any]]
    _applicaties: strawberry.Private[list[str]]

    @strawberry.field
    def organisatie(self) -> Organisatie_:
        return build(self._organisatie)

    @strawberry.field(description="Which of the leverancier's applications it uses.")
    async def applicaties(self, info: Info) -> list[Applicatie_]:
        items = await info.context.loaders.one("applicatie/per_id").load_many(self._applicaties)
        return [build(item, "Applicatie") for item in items if item]


@strawberry.type(description="A leverancier's customers and market shares.")
class Leveranciersprofiel:
    klanten: list[Klant]
    marktaandelen: list[ComponentAandeel] = strawberry.field(
        description="Every component market its applications serve that may be shown (used by at "
        "least minimaleGroep gemeenten); largest share first, hidden shares last."
    )
    _leverancier: strawberry.Private[str]

    @strawberry.field
    async def leverancier(self, info: Info) -> Leverancier_ | None:
        return await _one(info, "organisatie/per_id", self._leverancier)


@strawberry.type
class BenchmarkQuery:
    @strawberry.field(
        description="Adoption of applications (or leveranciers) for a reference component: in how many "
        "gemeenten, and what share, per group (all, province or size class)."
    )
    async def adoptie(
        self,
        info: Info,
        referentiecomponent: strawberry.ID,
        per: Marktpartij = Marktpartij.APPLICATIE,
        splitsing: Splitsing = Splitsing.GEEN,
        minimale_groep: int = DEFAULT_GROUP,
        gebruik: Annotated[
            Adoptiestatus, strawberry.argument(description="Which Gebruik counts as adoption.")
        ] = Adoptiestatus.IN_GEBRUIK,
    ) -> Adoptie:
        key = _key(referentiecomponent, "Referentiecomponent", "referentiecomponent")
        await _require(info, "gemma/per_id", key, "referentiecomponent", "Referentiecomponent")
        groepen = await adoptie_.adoptie(
            info.context.store,
            key,
            per=per.value,
            splitsing=splitsing.name,
            minimale_groep=group_floor(info.context.zicht, minimale_groep),
            statussen=statussen(info.context.zicht, gebruik.name),
        )
        result = [
            Adoptiegroep(
                groep=groep.groep,
                gemeenten=groep.gemeenten,
                gemeenten_met_component=groep.gebruikers,
                aandelen=[
                    Marktaandeel(
                        gemeenten=aandeel.gemeenten,
                        aandeel=aandeel.gemeenten / groep.gemeenten,
                        aandeel_onder_gebruikers=aandeel.gemeenten / groep.gebruikers
                        if groep.gebruikers
                        else None,
                        _kind=per.value,
                        _key=aandeel.sleutel,
                    )
                    for aandeel in groep.aandelen
                ],
                onderdrukt=groep.onderdrukt,
            )
            for groep in groepen
        ]
        return Adoptie(minimale_groep=minimale_groep, groepen=result)

    @strawberry.field(
        description="Gluren bij de buren: what each neighbouring gemeente uses for a reference component."
    )
    async def gluur_bij_de_buren(
        self, info: Info, gemeente: strawberry.ID, referentiecomponent: strawberry.ID
    ) -> list[Buurgebruik]:
        key = _key(gemeente, "Gemeente", "gemeente")
        component = _key(referentiecomponent, "Referentiecomponent", "referentiecomponent")
        await _require(info, "organisatie/per_id", key, "gemeente", "Gemeente")
        await _require(info, "gemma/per_id", component, "referentiecomponent", "Referentiecomponent")
        rows = await vergelijking.buren(info.context.store, key, component)
        return [
            Buurgebruik(_buur=row["buur"], gebruik=[build(item, "Gebruik") for item in row["gebruik"]])
            for row in rows
        ]

    @strawberry.field(description="The gemeenten whose applications overlap most with this one's (Jaccard).")
    async def vergelijkbare_gemeenten(
        self, info: Info, gemeente: strawberry.ID, aantal: int = 10
    ) -> list[Vergelijking]:
        key = _key(gemeente, "Gemeente", "gemeente")
        await _require(info, "organisatie/per_id", key, "gemeente", "Gemeente")
        rows = await vergelijking.vergelijkbaar(info.context.store, key, bounded(aantal, "aantal"))
        return [_vergelijking(row, key) for row in rows]

    @strawberry.field(
        description="Applications that the most similar gemeenten use and this one does not, "
        "by how many of them use each."
    )
    async def aanbevelingen(
        self, info: Info, gemeente: strawberry.ID, vergelijkbaar: int = 10, aantal: int = 10
    ) -> list[Aanbeveling]:
        key = _key(gemeente, "Gemeente", "gemeente")
        await _require(info, "organisatie/per_id", key, "gemeente", "Gemeente")
        rows = await vergelijking.aanbevelingen(
            info.context.store,
            key,
            vergelijkbaar_met=bounded(vergelijkbaar, "vergelijkbaar"),
            aantal=bounded(aantal, "aantal"),
        )
        return [
            Aanbeveling(aantal=row["aantal"], _applicatie=row["applicatie"], _door=row["door"])
            for row in rows
        ]

    @strawberry.field(
        description="How many of a gemeente's koppelingen follow a standard GEMMA requires for their ends."
    )
    async def standaardendekking(self, info: Info, gemeente: strawberry.ID) -> Standaardendekking:
        key = _key(gemeente, "Gemeente", "gemeente")
        await _require(info, "organisatie/per_id", key, "gemeente", "Gemeente")
        note = beperkingen.for_landscape("standaardendekking", "its koppelingen", info.context.zicht, key)
        if note is not None:
            info.context.beperkingen.append(note)
        dekking = await standaarden.standaardendekking(info.context.store, key)
        return Standaardendekking(
            koppelingen=dekking.koppelingen,
            met_verplichte_standaard=dekking.met_verplichte_standaard,
            volgens_verplichte_standaard=dekking.volgens_verplichte_standaard,
        )

    @strawberry.field(description="Standards coverage over all gemeenten, per group.")
    async def standaardendekking_overzicht(
        self, info: Info, splitsing: Splitsing = Splitsing.GEEN, minimale_groep: int = DEFAULT_GROUP
    ) -> list[Standaardendekkinggroep]:
        zicht = info.context.zicht
        m = minimale_groep if zicht.alleen_eigen_landschappen else group_floor(zicht, minimale_groep)
        shown = await standaarden.overzicht(
            info.context.store, zicht, splitsing=splitsing.name, minimale_groep=m
        )
        return [
            Standaardendekkinggroep(
                groep=name,
                gemeenten=group.gemeenten,
                koppelingen=group.koppelingen,
                met_verplichte_standaard=group.met_verplichte_standaard,
                volgens_verplichte_standaard=group.volgens_verplichte_standaard,
            )
            for name, group in shown.items()
        ]

    @strawberry.field(
        description="Market concentration (Herfindahl-Hirschman) per reference component, most concentrated "
        "first; one component when given."
    )
    async def marktconcentratie(
        self,
        info: Info,
        referentiecomponent: strawberry.ID | None = None,
        per: Marktpartij = Marktpartij.APPLICATIE,
        minimale_groep: int = DEFAULT_GROUP,
        first: int = 50,
    ) -> list[Marktconcentratie]:
        key = reference(referentiecomponent, "Referentiecomponent", argument="referentiecomponent")
        if key is not None:
            await _require(info, "gemma/per_id", key, "referentiecomponent", "Referentiecomponent")
        concentraties = await markt.marktconcentratie(
            info.context.store,
            key,
            per=per.value,
            minimale_groep=group_floor(info.context.zicht, minimale_groep),
            first=bounded(first, "first", 500),
        )
        return [
            Marktconcentratie(
                hhi=c.figures.hhi,
                aanbieders=c.figures.aanbieders,
                gemeenten=c.figures.gemeenten,
                grootste_aandeel=c.figures.grootste_aandeel,
                grootste=None
                if c.figures.grootste is None or c.grootste_gemeenten is None
                else Aanbieder(gemeenten=c.grootste_gemeenten, _kind=per.value, _key=c.figures.grootste),
                _component=c.referentiecomponent,
            )
            for c in concentraties
        ]

    @strawberry.field(
        description="A leverancier's customers, and its share of each component market it serves."
    )
    async def leveranciersprofiel(
        self, info: Info, leverancier: strawberry.ID, minimale_groep: int = DEFAULT_GROUP
    ) -> Leveranciersprofiel:
        key = _key(leverancier, "Leverancier", "leverancier")
        await _require(info, "organisatie/per_id", key, "leverancier", "Leverancier")
        profiel = await markt.leveranciersprofiel(
            info.context.store, key, minimale_groep=group_floor(info.context.zicht, minimale_groep)
        )
        return Leveranciersprofiel(
            klanten=[
                Klant(_organisatie=row["klant"], _applicaties=row["applicaties"]) for row in profiel.klanten
            ],
            marktaandelen=[
                ComponentAandeel(
                    gemeenten=share.figures.gemeenten,
                    klanten=share.figures.klanten,
                    aandeel=share.figures.aandeel,
                    _component=share.referentiecomponent,
                )
                for share in profiel.marktaandelen
            ],
            _leverancier=key,
        )


def _vergelijking(row: dict[str, Any], van: str) -> Vergelijking:
    return Vergelijking(
        jaccard=row["jaccard"],
        gedeeld=row["gedeeld"],
        alleen_hier=row["alleenHier"],
        alleen_daar=row["alleenDaar"],
        _gemeente=row["gemeente"],
        _van=van,
    )
