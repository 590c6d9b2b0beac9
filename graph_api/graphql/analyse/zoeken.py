"""Full-text search over applications, organisations and reference components (F011), as GraphQL:
its pages, cursors and facets. The search itself, and what it reads once, is
graph_api/domain/zoeken.py. The reads that need only the matches start together as soon as the
matches are in: a kind's page, its count, the facet counts. A facet is read only when asked for
(the organisations' matches only for organisations or `grootteklassen`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Iterable
from typing import TYPE_CHECKING, Annotated, Any, Generic, TypeVar

import strawberry
from strawberry import relay
from strawberry.types.nodes import SelectedField, Selection

from graph_api.domain.zoeken import Zoekopdracht, woorden
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import build
from graph_api.graphql.core.enums import GROOTTEKLASSEN, Grootteklasse, Hostingmodel, Licentietype
from graph_api.graphql.core.ids import reference
from graph_api.graphql.core.paging import MAX_PAGE_SIZE, Cursor, PageRequest
from graph_api.graphql.errors import ClientError

if TYPE_CHECKING:
    from graph_api.graphql.aanbod.types import Applicatie
    from graph_api.graphql.gemma.types import Referentiecomponent
    from graph_api.graphql.organisaties.types import Organisatie

Applicatie_ = Annotated["Applicatie", strawberry.lazy("graph_api.graphql.aanbod.types")]
Organisatie_ = Annotated["Organisatie", strawberry.lazy("graph_api.graphql.organisaties.types")]
Referentiecomponent_ = Annotated["Referentiecomponent", strawberry.lazy("graph_api.graphql.gemma.types")]

T = TypeVar("T")
ORDERING = "SCORE:DESC"


@strawberry.type(description="A search result, with how well it matches.")
class Treffer(Generic[T]):
    node: T
    score: float
    cursor: str


@strawberry.type(description="A page of search results, best first.")
class Treffers(Generic[T]):
    edges: list[Treffer[T]]
    page_info: relay.PageInfo
    total_count: int

    @strawberry.field(description="The results of this page, without their scores.")
    def nodes(self) -> list[T]:
        return [edge.node for edge in self.edges]


@strawberry.type(description="How many results share a value: a facet of the search.")
class Facet:
    waarde: str = strawberry.field(description="The value to filter on (an id or a code).")
    label: str
    aantal: int


@strawberry.type(description="Facet counts over the results, under the filters given.")
class Facetten:
    referentiecomponenten: list[Facet]
    hostingmodellen: list[Facet]
    licentietypen: list[Facet]
    leveranciers: list[Facet]
    grootteklassen: list[Facet] = strawberry.field(
        description="Of the gemeenten among the organisations found."
    )


@strawberry.input(description="Narrows search results; each facet's `waarde` fits here.")
class ZoekFilter:
    referentiecomponent: strawberry.ID | None = None
    hostingmodel: Hostingmodel | None = None
    licentietype: Licentietype | None = None
    leverancier: strawberry.ID | None = None
    grootteklasse: Grootteklasse | None = strawberry.field(default=None, description="Applies to gemeenten.")

    def applicatie_params(self) -> dict[str, Any]:
        return {
            "referentiecomponent": reference(
                self.referentiecomponent, "Referentiecomponent", argument="filter.referentiecomponent"
            ),
            "hostingmodel": self.hostingmodel.value if self.hostingmodel else None,
            "licentietype": self.licentietype.value if self.licentietype else None,
            "leverancier": reference(self.leverancier, "Leverancier", argument="filter.leverancier"),
        }

    def organisatie_params(self) -> dict[str, Any]:
        low = high = None
        if self.grootteklasse is not None:
            _, low, high = GROOTTEKLASSEN[self.grootteklasse.value]
        return {"minInwoners": low, "maxInwoners": high}


def _page(first: int | None, after: str | None) -> PageRequest:
    if first is not None and not 0 <= first <= MAX_PAGE_SIZE:
        raise ClientError(
            "PAGE_SIZE_TOO_LARGE" if first > MAX_PAGE_SIZE else "INVALID_PAGE_SIZE",
            f"first must be between 0 and {MAX_PAGE_SIZE}",
            argument="first",
        )
    return PageRequest.of(20 if first is None else first, after, None, None, field="SCORE", descending=True)


@strawberry.type(description="Search results per kind, each ranked, with facets.")
class Zoekresultaten:
    _woorden: strawberry.Private[list[str]]
    _filter: strawberry.Private[ZoekFilter]

    def _opdracht(self, info: Info) -> Zoekopdracht:
        return Zoekopdracht(info.context.store, self._woorden, info.context.once)

    async def _treffers(self, info: Info, soort: str, page: PageRequest, params: dict[str, Any]) -> Treffers:
        opdracht = self._opdracht(info)
        await opdracht.treffers(soort)  # the page and the count start together once the matches are in
        rows, total = await _side_by_side(
            opdracht.pagina(soort, params, page.params()), opdracht.aantal(soort, params)
        )
        has_more = len(rows) > page.size
        edges = [
            Treffer(
                node=build(row["item"], _KIND.get(soort)),
                score=row["k"],
                cursor=Cursor(ORDERING, row["k"], row["item"]["id"]).encode(),
            )
            for row in rows[: page.size]
        ]
        return Treffers(
            edges=edges,
            page_info=relay.PageInfo(
                has_next_page=has_more,
                has_previous_page=page.cursor is not None,
                start_cursor=edges[0].cursor if edges else None,
                end_cursor=edges[-1].cursor if edges else None,
            ),
            total_count=total,
        )

    @strawberry.field(description="Applications whose name or description match.")
    async def applicaties(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Treffers[Applicatie_]:
        return await self._treffers(
            info, "applicaties", _page(first, after), self._filter.applicatie_params()
        )

    @strawberry.field(description="Organisations whose name or description match.")
    async def organisaties(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Treffers[Organisatie_]:
        return await self._treffers(
            info, "organisaties", _page(first, after), self._filter.organisatie_params()
        )

    @strawberry.field(description="Reference components whose name matches.")
    async def referentiecomponenten(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Treffers[Referentiecomponent_]:
        return await self._treffers(info, "referentiecomponenten", _page(first, after), {})

    @strawberry.field(description="Counts per value of each facet, over the results under the filters.")
    async def facetten(self, info: Info) -> Facetten:
        params = self._filter.applicatie_params()
        asked = {name for field in info.selected_fields for name in _field_names(field.selections)}
        reads: list[Awaitable[list[dict[str, Any]]]] = []
        opdracht = self._opdracht(info)
        if asked & _APPLICATIE_FACETS:
            reads.append(opdracht.applicatie_facetten(params))
        if "grootteklassen" in asked:
            reads.append(opdracht.organisatie_facetten())
        grouped: dict[str, list[Facet]] = {key: [] for key in _FACETS.values()}
        for rows in await _side_by_side(*reads):
            for row in rows:
                grouped[_FACETS[row["facet"]]].append(
                    Facet(waarde=str(row["waarde"]), label=str(row["label"]), aantal=row["aantal"])
                )
        for facets in grouped.values():
            facets.sort(key=lambda f: (-f.aantal, f.label))
        return Facetten(**grouped)


_KIND = {"applicaties": "Applicatie"}
_FACETS = {
    "REFERENTIECOMPONENT": "referentiecomponenten",
    "HOSTINGMODEL": "hostingmodellen",
    "LICENTIETYPE": "licentietypen",
    "LEVERANCIER": "leveranciers",
    "GROOTTEKLASSE": "grootteklassen",
}
_APPLICATIE_FACETS = {"referentiecomponenten", "hostingmodellen", "licentietypen", "leveranciers"}


def _field_names(selections: Iterable[Selection]) -> set[str]:
    """The names of the fields selected, also through fragments (whatever their directives say:
    a facet skipped by @skip is counted for nothing, never missed)."""
    names: set[str] = set()
    for selection in selections:
        if isinstance(selection, SelectedField):
            names.add(selection.name)
        else:
            names |= _field_names(selection.selections)
    return names


async def _side_by_side(*reads: Awaitable[Any]) -> list[Any]:
    """The reads' results, run concurrently; fails with the error of the first read (in the
    order given) that failed, as if they had run one after the other."""
    results = await asyncio.gather(*reads, return_exceptions=True)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return list(results)


def zoeken(tekst: str, filter: ZoekFilter | None) -> Zoekresultaten:
    return Zoekresultaten(_woorden=woorden(tekst), _filter=filter or ZoekFilter())


@strawberry.type
class ZoekQuery:
    @strawberry.field(
        description="Full-text search over applications, organisations and reference components, with facets."
    )
    def zoeken(self, tekst: str, filter: ZoekFilter | None = None) -> Zoekresultaten:
        return zoeken(tekst, filter)
