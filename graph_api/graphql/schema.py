"""The schema, assembled: every area's root fields, the types reached only through interfaces,
the extensions and the execution context. Kept requests are answered here (see execute)."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType

from graph_api.graphql.aanbod.applicatie_mutaties import ApplicatieMutaties
from graph_api.graphql.aanbod.beoordelingen import BeoordelingLijsten, BeoordelingMutaties
from graph_api.graphql.aanbod.concept_mutaties import ConceptLijsten, ConceptMutaties
from graph_api.graphql.aanbod.dienst_mutaties import DienstMutaties
from graph_api.graphql.aanbod.etalage import EtalageMutaties
from graph_api.graphql.aanbod.leveranciersoverzicht import LeveranciersoverzichtQuery
from graph_api.graphql.aanbod.queries import AanbodOpzoeken, ApplicatieLijsten, DienstLijsten
from graph_api.graphql.aanbod.samenvoeg_mutaties import SamenvoegMutaties
from graph_api.graphql.aanbod.types import Versie
from graph_api.graphql.aanbod.versie_mutaties import VersieMutaties
from graph_api.graphql.analyse.afhankelijkheden import AfhankelijkheidQuery
from graph_api.graphql.analyse.benchmarks import BenchmarkQuery
from graph_api.graphql.analyse.zoeken import ZoekQuery
from graph_api.graphql.compiled import CompilingExecutionContext
from graph_api.graphql.extensions import Meldingen, QueryStats, answer_extensions
from graph_api.graphql.gemma.queries import GemmaLijsten, GemmaOpzoeken
from graph_api.graphql.gemma.types import GEMMA_TYPES
from graph_api.graphql.graaf.queries import GraafQuery, NodeQuery
from graph_api.graphql.identiteit.queries import IkQuery
from graph_api.graphql.interesse.mutaties import InteresseMutaties
from graph_api.graphql.interesse.telling import tel
from graph_api.graphql.landschap.koppeling_mutaties import KoppelingMutaties
from graph_api.graphql.landschap.mutations import LandschapMutaties
from graph_api.graphql.landschap.queries import LandschapLijsten
from graph_api.graphql.landschap.synchronisatie import SynchronisatieMutaties
from graph_api.graphql.landschap.verloop import VerloopQuery
from graph_api.graphql.landschap.voorstel_mutaties import VoorstelMutaties
from graph_api.graphql.landschap.voorstellen import VoorstelLijsten
from graph_api.graphql.landschap.wijzigingen import WijzigingLijsten
from graph_api.graphql.limits import QueryLimits
from graph_api.graphql.meldingen.live import MeldingAbonnementen
from graph_api.graphql.meldingen.mutations import MeldingMutaties
from graph_api.graphql.meldingen.queries import MeldingQuery
from graph_api.graphql.meldingen.types import Melding
from graph_api.graphql.organisaties.deelname_mutaties import DeelnameMutaties
from graph_api.graphql.organisaties.delegatie_mutaties import DelegatieLijsten, DelegatieMutaties
from graph_api.graphql.organisaties.herindeling import HerindelingMutaties, HerindelingPlannen
from graph_api.graphql.organisaties.medewerker_mutaties import MedewerkerMutaties
from graph_api.graphql.organisaties.oprichting_mutaties import OprichtingMutaties
from graph_api.graphql.organisaties.profiel_mutaties import ProfielMutaties
from graph_api.graphql.organisaties.queries import OrganisatieLijsten, OrganisatieOpzoeken
from graph_api.graphql.organisaties.registratie_mutaties import RegistratieLijsten, RegistratieMutaties
from graph_api.graphql.organisaties.toegangsverzoeken import ToegangsverzoekLijsten, ToegangsverzoekMutaties
from graph_api.graphql.organisaties.types import ORGANISATIE_TYPES
from graph_api.graphql.organisaties.uitnodigingen import UitnodigingLijsten, UitnodigingMutaties

# The fields of the root, area by area, in the order the schema has always listed them.
Query = merge_types(
    "Query",
    (
        NodeQuery,
        OrganisatieLijsten,
        ApplicatieLijsten,
        GemmaLijsten,
        DienstLijsten,
        LandschapLijsten,
        VoorstelLijsten,
        ConceptLijsten,
        WijzigingLijsten,
        VerloopQuery,
        RegistratieLijsten,
        ToegangsverzoekLijsten,
        OrganisatieOpzoeken,
        AanbodOpzoeken,
        GemmaOpzoeken,
        ZoekQuery,
        GraafQuery,
        AfhankelijkheidQuery,
        BenchmarkQuery,
        IkQuery,
        LeveranciersoverzichtQuery,
        UitnodigingLijsten,
        DelegatieLijsten,
        BeoordelingLijsten,
        MeldingQuery,
        HerindelingPlannen,
    ),
)

# The mutations, area by area (docs/architecture.md, "The write path").
Mutation = merge_types(
    "Mutation",
    (
        LandschapMutaties,
        KoppelingMutaties,
        SynchronisatieMutaties,
        VoorstelMutaties,
        ConceptMutaties,
        ApplicatieMutaties,
        VersieMutaties,
        DienstMutaties,
        SamenvoegMutaties,
        UitnodigingMutaties,
        MedewerkerMutaties,
        ProfielMutaties,
        DeelnameMutaties,
        EtalageMutaties,
        RegistratieMutaties,
        OprichtingMutaties,
        ToegangsverzoekMutaties,
        DelegatieMutaties,
        BeoordelingMutaties,
        MeldingMutaties,
        HerindelingMutaties,
        InteresseMutaties,
    ),
)


# What is delivered as it happens, over WebSocket only (graph_api/graphql/websocket.py).
Subscription = merge_types("Subscription", (MeldingAbonnementen,))


class Schema(strawberry.Schema):
    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        # A kept request is answered without running any extension: only where each says it may
        # be (`kept_safe`, with why). Executable directives bring Strawberry's own extension.
        self.kept_requests = not self.directives and all(
            getattr(extension, "kept_safe", False) for extension in self.extensions
        )

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
        kept = getattr(context_value, "compiled", None) if self.kept_requests else None
        if kept is not None and query is not None:
            data = await kept.answer(self._schema, query, operation_name, variable_values, context_value)
            if data is not None:
                extensions = answer_extensions(self._schema, query, context_value)
                tel(context_value, query, operation_name, variable_values, data)
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
            await kept.remember(query, operation_name, variable_values, context_value, result)
        if context_value is not None:
            tel(context_value, query, operation_name, variable_values, result.data)
        return result

    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        """Client errors are answers, not incidents; the endpoint logs the unexpected ones."""


@functools.cache
def build_schema() -> strawberry.Schema:
    """The schema, built once per process: Strawberry's node field cannot be built twice."""
    return Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=[*ORGANISATIE_TYPES, *GEMMA_TYPES, Versie, Melding],
        # QueryLimits also parses and validates, each document once and off the event loop.
        extensions=[QueryLimits, QueryStats, Meldingen],
        config=StrawberryConfig(auto_camel_case=True),
        execution_context_class=CompilingExecutionContext,
    )
