"""The landscape over time (issue 19, item 2): `landschapsverschil`, what differs in an
organisation's landscape between two instants, from the change records
(graph_api/domain/landschap/verloop.py).

It reads the records as `wijzigingen` does: for those who may see that landscape whole, and for
nobody else, in the statement. Anyone else gets an empty difference, which
`extensions.beperkingen` says is not "nothing changed", as for the analytics of a landscape.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.scalars import JSON

from graph_api.domain.landschap import verloop
from graph_api.errors import ClientError
from graph_api.graphql.context import Info
from graph_api.graphql.core import beperkingen
from graph_api.graphql.core.build import load_one
from graph_api.graphql.core.ids import reference
from graph_api.graphql.landschap.wijzigingen import ORGANISATIES

if TYPE_CHECKING:
    from graph_api.graphql.organisaties.types import Organisatie

Organisatie_ = Annotated["Organisatie", strawberry.lazy("graph_api.graphql.organisaties.types")]


@strawberry.enum(description="How an object differs between the two instants.")
class Verschilsoort(Enum):
    TOEGEVOEGD = "TOEGEVOEGD"
    GEWIJZIGD = "GEWIJZIGD"
    VERWIJDERD = "VERWIJDERD"


@strawberry.type(description="One field that differs, with its value at `van` and at `tot`.")
class Veldverschil:
    veld: str = strawberry.field(description="As the change records name it (`status`, `hosting`, `naar`).")
    van: JSON | None = strawberry.field(
        description="Null when the object did not exist yet, or the field was empty."
    )
    tot: JSON | None = strawberry.field(
        description="Null when the object was gone, or the field was emptied."
    )


@strawberry.type(description="What a line names, by id, with the name it had then, also when it is gone now.")
class Benoemd:
    identificatie: strawberry.ID
    naam: str | None = strawberry.field(description="Null when no record or object knows it any more.")


def _benoemd(naam: verloop.Naam | None) -> Benoemd | None:
    return None if naam is None else Benoemd(identificatie=strawberry.ID(naam.id), naam=naam.naam)


def _velden(regel: verloop.Regel) -> list[Veldverschil]:
    return [Veldverschil(veld=v.veld, van=v.van, tot=v.tot) for v in regel.velden]


@strawberry.type(description="A Gebruik added, changed or removed between the two instants.")
class Gebruiksverschil:
    identificatie: strawberry.ID = strawberry.field(description="The Gebruik's id, which may be gone now.")
    soort: Verschilsoort
    applicatie: Benoemd | None = strawberry.field(
        description="The application it was of, named as it was at `tot` (at `van` when removed)."
    )
    velden: list[Veldverschil] = strawberry.field(
        description="The fields that differ; all it had when added (at `tot`) or removed (at `van`)."
    )


@strawberry.type(description="A koppeling added, changed or removed between the two instants.")
class Koppelingsverschil:
    identificatie: strawberry.ID = strawberry.field(description="The koppeling's id, which may be gone now.")
    soort: Verschilsoort
    van: Benoemd | None = strawberry.field(
        description="The Gebruik it runs from, named by its application as it was at `tot` "
        "(at `van` when removed)."
    )
    naar: Benoemd | None = strawberry.field(
        description="The Gebruik (named by its application) or national facility it runs to, as it was."
    )
    velden: list[Veldverschil] = strawberry.field(
        description="The fields that differ; all it had when added (at `tot`) or removed (at `van`)."
    )


@strawberry.type(
    description="What differs in an organisation's landscape between two instants, net of what "
    "happened in between: what was added and removed again, or changed and changed back, is not shown."
)
class Landschapsverschil:
    van: str = strawberry.field(description="The first instant (ISO-8601, UTC).")
    tot: str = strawberry.field(description="The second instant (ISO-8601, UTC): now, unless asked.")
    gebruik: list[Gebruiksverschil] = strawberry.field(
        description="Added first, then changed, then removed; by application name."
    )
    koppelingen: list[Koppelingsverschil] = strawberry.field(
        description="Added first, then changed, then removed; by the name of the `van` end."
    )
    organisatie_id: strawberry.Private[str]

    @strawberry.field(description="The organisation whose landscape it is.")
    async def organisatie(self, info: Info) -> Organisatie_ | None:
        return await load_one(info, "organisatie/per_id", self.organisatie_id)


def _landschapsverschil(verschil: verloop.Verschil) -> Landschapsverschil:
    return Landschapsverschil(
        van=verschil.van,
        tot=verschil.tot,
        organisatie_id=verschil.organisatie,
        gebruik=[
            Gebruiksverschil(
                identificatie=strawberry.ID(r.id),
                soort=Verschilsoort[r.soort],
                applicatie=_benoemd(r.applicatie),
                velden=_velden(r),
            )
            for r in verschil.van_label("Gebruik")
        ],
        koppelingen=[
            Koppelingsverschil(
                identificatie=strawberry.ID(r.id),
                soort=Verschilsoort[r.soort],
                van=_benoemd(r.van),
                naar=_benoemd(r.naar),
                velden=_velden(r),
            )
            for r in verschil.van_label("Koppeling")
        ],
    )


@strawberry.type
class VerloopQuery:
    @strawberry.field(
        description="What differs in an organisation's landscape between `van` and `tot` (now when "
        "not given): the Gebruik and koppelingen added, removed and changed, from the change records. "
        "For those who may see that landscape whole (as `wijzigingen`); empty for anyone else."
    )
    async def landschapsverschil(
        self,
        info: Info,
        organisatie: strawberry.ID,
        van: Annotated[
            str,
            strawberry.argument(
                description="An ISO-8601 date (its start in UTC) or a date and time with its offset."
            ),
        ],
        tot: Annotated[
            str | None,
            strawberry.argument(description="As `van`, not before it; now when not given."),
        ] = None,
    ) -> Landschapsverschil:
        organisatie_id = reference(organisatie, *ORGANISATIES, argument="organisatie")
        assert organisatie_id is not None
        verloop.venster(van, tot)  # bad instants are refused before anything is read
        if await load_one(info, "organisatie/per_id", organisatie_id) is None:
            raise ClientError(
                "NOT_FOUND", f"there is no organisation {organisatie_id!r}", argument="organisatie"
            )
        note = beperkingen.for_landscape(
            "Query.landschapsverschil", "the landscape's changes", info.context.zicht, organisatie_id
        )
        if note is not None:
            info.context.beperkingen.append(note)
        return _landschapsverschil(await verloop.verschil(info.context.store, organisatie_id, van, tot))
