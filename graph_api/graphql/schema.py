"""The schema's root: lists, lookups and Relay's node fields over every domain area."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

import strawberry
from graphql import GraphQLError, OperationType
from strawberry import relay
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types import ExecutionResult

from graph_api.graphql.aanbod.types import Applicatie, Dienst, Versie
from graph_api.graphql.analyse.afhankelijkheden import AfhankelijkheidQuery
from graph_api.graphql.analyse.benchmarks import BenchmarkQuery
from graph_api.graphql.analyse.zoeken import ZoekFilter, Zoekresultaten, zoeken
from graph_api.graphql.compiled import CompilingExecutionContext
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import list_page, load_one, load_page
from graph_api.graphql.core.filters import (
    ApplicatieFilter,
    ApplicatieOrder,
    DienstFilter,
    GebruikFilter,
    GebruikOrder,
    GemeenteFilter,
    GemmaFilter,
    IdOrder,
    KoppelingFilter,
    NaamOrder,
    OrganisatieFilter,
    OrganisatieOrder,
    reference,
)
from graph_api.graphql.core.node_ids import KnownNodeIds
from graph_api.graphql.core.paging import Connection, PageRequest
from graph_api.graphql.errors import ClientError
from graph_api.graphql.extensions import QueryStats, answer_extensions
from graph_api.graphql.gemma.types import (
    GEMMA_TYPES,
    Applicatieservice,
    Bedrijfsfunctie,
    BuitengemeentelijkeVoorziening,
    GemmaElement,
    Referentiecomponent,
    Standaard,
)
from graph_api.graphql.identiteit.queries import IkQuery
from graph_api.graphql.landschap.types import Gebruik, Koppeling
from graph_api.graphql.limits import QueryLimits
from graph_api.graphql.organisaties.types import (
    ORGANISATIE_TYPES,
    Community,
    Gemeente,
    Leverancier,
    Organisatie,
    Samenwerking,
)


@strawberry.type(description="Whether the graph engine answers, and which one runs.")
class Gezondheid:
    engine: str
    ok: bool
    detail: str


@strawberry.type(description="How many nodes carry a label.")
class Aantal:
    naam: str
    aantal: int


def _page(first, after, last, before, field: str, direction) -> PageRequest:
    return PageRequest.of(first, after, last, before, field=field, descending=direction.value == "DESC")


async def _organisaties(
    info: Info,
    soort: str | None,
    first,
    after,
    last,
    before,
    filter: OrganisatieFilter,
    order_by: OrganisatieOrder,
) -> Connection:
    page = _page(first, after, last, before, order_by.field.value, order_by.direction)
    params = {**filter.params(), "soort": soort, "veld": order_by.field.value}
    return await list_page(info, "organisatie/lijst", "organisatie/aantal", page, params)


async def _gemma(
    info: Info, soort: str, first, after, last, before, filter: GemmaFilter | None, order_by
) -> Connection:
    page = _page(first, after, last, before, "NAAM", (order_by or NaamOrder()).direction)
    params = {**(filter or GemmaFilter()).params(), "soort": soort}
    return await list_page(info, "gemma/lijst", "gemma/aantal", page, params)


@strawberry.type
class CatalogusQuery:
    node: relay.Node | None = relay.node(
        description="Any object by its global id.", extensions=[KnownNodeIds()]
    )
    nodes: list[relay.Node | None] = relay.node(
        description="Objects by their global ids, in the same order.", extensions=[KnownNodeIds()]
    )

    @strawberry.field(description="All organisations: gemeenten, leveranciers, samenwerkingen, communities.")
    async def organisaties(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        filter: OrganisatieFilter | None = None,
        order_by: OrganisatieOrder | None = None,
    ) -> Connection[Organisatie]:
        return await _organisaties(
            info,
            None,
            first,
            after,
            last,
            before,
            filter or OrganisatieFilter(),
            order_by or OrganisatieOrder(),
        )

    @strawberry.field(description="The gemeenten, by province and size class if asked.")
    async def gemeenten(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        filter: GemeenteFilter | None = None,
        order_by: OrganisatieOrder | None = None,
    ) -> Connection[Gemeente]:
        return await _organisaties(
            info,
            "Gemeente",
            first,
            after,
            last,
            before,
            filter or GemeenteFilter(),
            order_by or OrganisatieOrder(),
        )

    @strawberry.field(description="The leveranciers.")
    async def leveranciers(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        filter: OrganisatieFilter | None = None,
        order_by: OrganisatieOrder | None = None,
    ) -> Connection[Leverancier]:
        return await _organisaties(
            info,
            "Leverancier",
            first,
            after,
            last,
            before,
            filter or OrganisatieFilter(),
            order_by or OrganisatieOrder(),
        )

    @strawberry.field(description="The samenwerkingen.")
    async def samenwerkingen(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        filter: OrganisatieFilter | None = None,
        order_by: OrganisatieOrder | None = None,
    ) -> Connection[Samenwerking]:
        return await _organisaties(
            info,
            "Samenwerking",
            first,
            after,
            last,
            before,
            filter or OrganisatieFilter(),
            order_by or OrganisatieOrder(),
        )

    @strawberry.field(description="The communities.")
    async def communities(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        filter: OrganisatieFilter | None = None,
        order_by: OrganisatieOrder | None = None,
    ) -> Connection[Community]:
        return await _organisaties(
            info,
            "Community",
            first,
            after,
            last,
            before,
            filter or OrganisatieFilter(),
            order_by or OrganisatieOrder(),
        )

    @strawberry.field(description="The applications in the catalogue.")
    async def applicaties(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        filter: ApplicatieFilter | None = None,
        order_by: ApplicatieOrder | None = None,
    ) -> Connection[Applicatie]:
        order = order_by or ApplicatieOrder()
        page = _page(first, after, last, before, order.field.value, order.direction)
        query = "applicatie/lijst_op_gebruik" if order.field.value == "GEBRUIK" else "applicatie/lijst"
        params = (filter or ApplicatieFilter()).params()
        return await list_page(info, query, "applicatie/aantal", page, params, "Applicatie")

    @strawberry.field(description="GEMMA's reference components.")
    async def referentiecomponenten(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        filter: GemmaFilter | None = None,
        order_by: NaamOrder | None = None,
    ) -> Connection[Referentiecomponent]:
        return await _gemma(info, "Referentiecomponent", first, after, last, before, filter, order_by)

    @strawberry.field(description="The standards GEMMA names.")
    async def standaarden(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        filter: GemmaFilter | None = None,
        order_by: NaamOrder | None = None,
    ) -> Connection[Standaard]:
        return await _gemma(info, "Standaard", first, after, last, before, filter, order_by)

    @strawberry.field(description="GEMMA's application services.")
    async def applicatieservices(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        filter: GemmaFilter | None = None,
        order_by: NaamOrder | None = None,
    ) -> Connection[Applicatieservice]:
        return await _gemma(info, "Applicatieservice", first, after, last, before, filter, order_by)

    @strawberry.field(description="GEMMA's business functions.")
    async def bedrijfsfuncties(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        filter: GemmaFilter | None = None,
        order_by: NaamOrder | None = None,
    ) -> Connection[Bedrijfsfunctie]:
        return await _gemma(info, "Bedrijfsfunctie", first, after, last, before, filter, order_by)

    @strawberry.field(
        description="The national facilities koppelingen can end at (BRP/GBA-V, LV-BAG, DigiD, ...)."
    )
    async def buitengemeentelijke_voorzieningen(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        filter: GemmaFilter | None = None,
        order_by: NaamOrder | None = None,
    ) -> Connection[BuitengemeentelijkeVoorziening]:
        return await _gemma(
            info, "BuitengemeentelijkeVoorziening", first, after, last, before, filter, order_by
        )

    @strawberry.field(description="The diensten leveranciers offer.")
    async def diensten(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        filter: DienstFilter | None = None,
        order_by: NaamOrder | None = None,
    ) -> Connection[Dienst]:
        page = _page(first, after, last, before, "NAAM", (order_by or NaamOrder()).direction)
        params = (filter or DienstFilter()).params()
        return await list_page(info, "dienst/lijst", "dienst/aantal", page, params, "Dienst")

    @strawberry.field(description="Gebruik across all landscapes, or one organisation's.")
    async def gebruik(
        self,
        info: Info,
        organisatie: strawberry.ID | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        filter: GebruikFilter | None = None,
        order_by: GebruikOrder | None = None,
    ) -> Connection[Gebruik]:
        order = order_by or GebruikOrder()
        page = _page(first, after, last, before, order.field.value, order.direction)
        params = {**(filter or GebruikFilter()).params(), "veld": order.field.value}
        key = reference(organisatie, *_ORGANISATIE_NAMES, argument="organisatie")
        if key is not None:  # one landscape: start from its organisation
            return await load_page(info, "organisatie/gebruik", key, page, params, "Gebruik")
        return await list_page(info, "gebruik/lijst", "gebruik/aantal", page, params, "Gebruik")

    @strawberry.field(description="Koppelingen across all landscapes, or one organisation's.")
    async def koppelingen(
        self,
        info: Info,
        organisatie: strawberry.ID | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        filter: KoppelingFilter | None = None,
        order_by: IdOrder | None = None,
    ) -> Connection[Koppeling]:
        page = _page(first, after, last, before, "ID", (order_by or IdOrder()).direction)
        params = (filter or KoppelingFilter()).params()
        key = reference(organisatie, *_ORGANISATIE_NAMES, argument="organisatie")
        if key is not None:  # one landscape: start from its organisation
            return await load_page(info, "organisatie/koppelingen", key, page, params, "Koppeling")
        return await list_page(info, "koppeling/lijst", "koppeling/aantal", page, params, "Koppeling")

    @strawberry.field(description="A gemeente by its CBS code (GM0363).")
    async def gemeente(self, info: Info, cbs_code: str) -> Gemeente | None:
        return await load_one(info, "organisatie/per_cbs_code", cbs_code.strip().upper())

    @strawberry.field(description="An organisation by its id in the graph (a CBS code, lev-0001, ...).")
    async def organisatie(self, info: Info, identificatie: str) -> Organisatie | None:
        return await load_one(info, "organisatie/per_id", identificatie)

    @strawberry.field(description="An application by its id in the graph.")
    async def applicatie(self, info: Info, identificatie: str) -> Applicatie | None:
        return await load_one(info, "applicatie/per_id", identificatie, "Applicatie")

    @strawberry.field(
        description="A GEMMA element by GEMMA's identifier (as in Archi) or by its GEMMA Online object id."
    )
    async def gemma_element(
        self, info: Info, identificatie: str | None = None, gemma_id: str | None = None
    ) -> GemmaElement | None:
        if (identificatie is None) == (gemma_id is None):
            raise ClientError("INVALID_ARGUMENTS", "give either identificatie or gemmaId")
        if identificatie is not None:
            return await load_one(info, "gemma/per_id", identificatie)
        return await load_one(info, "gemma/per_gemma_id", gemma_id)

    @strawberry.field(
        description="Full-text search over applications, organisations and reference components, with facets."
    )
    def zoeken(self, tekst: str, filter: ZoekFilter | None = None) -> Zoekresultaten:
        return zoeken(tekst, filter)

    @strawberry.field(description="How many nodes the graph holds per label.")
    async def aantallen(self, info: Info) -> list[Aantal]:
        rows = await info.context.store.read("stats/labels")
        return [Aantal(naam=row["label"], aantal=row["aantal"]) for row in rows]

    @strawberry.field(description="The state of the graph engine behind this API.")
    async def gezondheid(self, info: Info) -> Gezondheid:
        health = await info.context.runtime.store.health()
        return Gezondheid(engine=health.engine, ok=health.ok, detail=health.detail)


_ORGANISATIE_NAMES = tuple(cls.__name__ for cls in ORGANISATIE_TYPES)

Query = merge_types("Query", (CatalogusQuery, AfhankelijkheidQuery, BenchmarkQuery, IkQuery))


class Schema(strawberry.Schema):
    async def execute(
        self,
        query: str | None,
        variable_values: dict[str, Any] | None = None,
        context_value: Any | None = None,
        root_value: Any | None = None,
        operation_name: str | None = None,
        allowed_operation_types: Iterable[OperationType] | None = None,
        operation_extensions: dict[str, Any] | None = None,
    ) -> ExecutionResult:
        """A request answered by compiled reads before is answered by them again at once
        (graph_api/graphql/compiled/cache.py); any other goes through Strawberry."""
        kept = getattr(context_value, "compiled", None)
        if kept is not None and query is not None:
            data = await kept.answer(query, operation_name, variable_values, context_value)
            if data is not None:
                extensions = answer_extensions(self._schema, query, context_value)
                return ExecutionResult(data=data, errors=None, extensions=extensions)
        result = await super().execute(
            query,
            variable_values,
            context_value,
            root_value,
            operation_name,
            allowed_operation_types,
            operation_extensions,
        )
        if kept is not None and query is not None:
            kept.remember(query, operation_name, variable_values, context_value, result)
        return result

    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        """Client errors are answers, not incidents; the endpoint logs the unexpected ones."""


@functools.cache
def build_schema() -> strawberry.Schema:
    """The schema, built once per process: Strawberry's node field cannot be built twice."""
    return Schema(
        query=Query,
        types=[*ORGANISATIE_TYPES, *GEMMA_TYPES, Versie],
        # QueryLimits also parses and validates, each document once and off the event loop.
        extensions=[QueryLimits, QueryStats],
        config=StrawberryConfig(auto_camel_case=True),
        execution_context_class=CompilingExecutionContext,
    )
