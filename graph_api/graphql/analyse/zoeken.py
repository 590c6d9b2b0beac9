"""Full-text search over applications, organisations and reference components (F011).

Each engine's own full-text index finds the matches (`zoeken/<soort>`, one override per
engine), once per request; the portable queries then narrow, page, count and facet them, so
filters and facets run in the graph, not after fetching. The reads that need only the matches
start together as soon as the matches are in: a kind's page, its count, the facet counts. A
facet is read only when asked for (the organisations' matches only for organisations or
`grootteklassen`), and when the applications' facet counts are read, the applications' count
comes from them instead of a read of its own.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Iterable
from typing import TYPE_CHECKING, Annotated, Any, Generic, TypeVar

import strawberry
from strawberry import relay
from strawberry.types.nodes import SelectedField, Selection

from graph_api.graphql.context import Info
from graph_api.graphql.core.build import build
from graph_api.graphql.core.enums import GROOTTEKLASSEN, Grootteklasse, Hostingmodel, Licentietype
from graph_api.graphql.core.ids import reference
from graph_api.graphql.core.paging import MAX_PAGE_SIZE, Cursor, PageRequest
from graph_api.graphql.errors import ClientError
from graph_api.model import keuzes
from graph_api.store.errors import StoreError

if TYPE_CHECKING:
    from graph_api.graphql.aanbod.types import Applicatie
    from graph_api.graphql.gemma.types import Referentiecomponent
    from graph_api.graphql.organisaties.types import Organisatie

Applicatie_ = Annotated["Applicatie", strawberry.lazy("graph_api.graphql.aanbod.types")]
Organisatie_ = Annotated["Organisatie", strawberry.lazy("graph_api.graphql.organisaties.types")]
Referentiecomponent_ = Annotated["Referentiecomponent", strawberry.lazy("graph_api.graphql.gemma.types")]

T = TypeVar("T")
WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 8
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


def words(tekst: str) -> list[str]:
    """The search words: letters and digits only, so no engine's query syntax leaks through."""
    found = [word.lower() for word in WORD.findall(tekst)]
    if not found:
        raise ClientError(
            "INVALID_SEARCH", "tekst must contain at least one letter or digit", argument="tekst"
        )
    return found[:MAX_WORDS]


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

    async def _treffers(self, info: Info, soort: str, page: PageRequest, params: dict[str, Any]) -> Treffers:
        store = info.context.store
        ids, scores = await _matches(info, soort, self._woorden)
        rows, total = await _side_by_side(
            store.read(f"zoeken/{soort}_pagina", {"ids": ids, "scores": scores, **params, **page.params()}),
            self._aantal(info, soort, ids, params),
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

    async def _aantal(self, info: Info, soort: str, ids: list[str], params: dict[str, Any]) -> int:
        """How many matches pass the filters. If this request reads the applications' facet
        counts, their licence types tell: each application has exactly one (null included), so
        those counts add up to the total. Should that read fail, the count is read on its own."""
        facetten = (
            info.context.once.get(_facet_key(self._woorden, params)) if soort == "applicaties" else None
        )
        if facetten is not None:
            try:
                rows = await facetten
            except StoreError:
                pass
            else:
                return sum(row["aantal"] for row in rows if row["facet"] == "LICENTIETYPE")
        return (await info.context.store.read(f"zoeken/{soort}_aantal", {"ids": ids, **params}))[0]["aantal"]

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
        if asked & _APPLICATIE_FACETS:
            reads.append(self._applicatie_facetten(info, params))
        if "grootteklassen" in asked:
            reads.append(self._organisatie_facetten(info))
        grouped: dict[str, list[Facet]] = {key: [] for key in _FACETS.values()}
        for rows in await _side_by_side(*reads):
            for row in rows:
                grouped[_FACETS[row["facet"]]].append(
                    Facet(waarde=str(row["waarde"]), label=str(row["label"]), aantal=row["aantal"])
                )
        for facets in grouped.values():
            facets.sort(key=lambda f: (-f.aantal, f.label))
        return Facetten(**grouped)

    def _applicatie_facetten(
        self, info: Info, params: dict[str, Any]
    ) -> asyncio.Future[list[dict[str, Any]]]:
        """The applications' facet counts, read once per request (the count shares them)."""
        key = _facet_key(self._woorden, params)
        lookups = info.context.once
        if key not in lookups:
            lookups[key] = asyncio.ensure_future(self._read_applicatie_facetten(info, params))
        return lookups[key]

    async def _read_applicatie_facetten(self, info: Info, params: dict[str, Any]) -> list[dict[str, Any]]:
        ids, _ = await _matches(info, "applicaties", self._woorden)
        return await info.context.store.read("zoeken/applicatie_facetten", {"ids": ids, **params})

    async def _organisatie_facetten(self, info: Info) -> list[dict[str, Any]]:
        ids, _ = await _matches(info, "organisaties", self._woorden)
        return await info.context.store.read(
            "zoeken/organisatie_facetten", {"ids": ids, "grenzen": keuzes.GROOTTEKLASSE_GRENZEN}
        )


_KIND = {"applicaties": "Applicatie"}
_FACETS = {
    "REFERENTIECOMPONENT": "referentiecomponenten",
    "HOSTINGMODEL": "hostingmodellen",
    "LICENTIETYPE": "licentietypen",
    "LEVERANCIER": "leveranciers",
    "GROOTTEKLASSE": "grootteklassen",
}
_APPLICATIE_FACETS = {"referentiecomponenten", "hostingmodellen", "licentietypen", "leveranciers"}


def _facet_key(woorden: list[str], params: dict[str, Any]) -> tuple:
    return ("zoeken/applicatie_facetten", tuple(woorden), tuple(sorted(params.items())))


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


async def _matches(info: Info, soort: str, woorden: list[str]) -> tuple[list[str], list[float]]:
    """The engine's matches for these words, looked up once per request: their ids and,
    pairwise, their scores (two plain lists: cheaper to pass on than a list of maps)."""
    key = ("zoeken", soort, tuple(woorden))
    lookups = info.context.once
    if key not in lookups:
        lookups[key] = asyncio.ensure_future(_lookup(info, soort, woorden))
    return await lookups[key]


async def _lookup(info: Info, soort: str, woorden: list[str]) -> tuple[list[str], list[float]]:
    [row] = await info.context.store.read(f"zoeken/{soort}", {"woorden": woorden})
    return row["ids"], row["scores"]


def zoeken(tekst: str, filter: ZoekFilter | None) -> Zoekresultaten:
    return Zoekresultaten(_woorden=words(tekst), _filter=filter or ZoekFilter())


@strawberry.type
class ZoekQuery:
    @strawberry.field(
        description="Full-text search over applications, organisations and reference components, with facets."
    )
    def zoeken(self, tekst: str, filter: ZoekFilter | None = None) -> Zoekresultaten:
        return zoeken(tekst, filter)
