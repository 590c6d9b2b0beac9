"""Limits on what one request may ask, checked before any resolver runs.

Depth and aliases are strawberry's own validation rules (QueryDepthLimiter, MaxAliasesLimiter),
tokens graphql-core's parser limit (what MaxTokensLimiter sets), introspection graphql-core's
NoSchemaIntrospectionCustomRule. Their errors carry no code, so each runs here with its errors
rewritten into one with `extensions.code` and the measured value. The estimated cost needs the
variables, which validation does not see: it is checked when execution starts, before any
field resolves.

The schema is built once per process (schema.py), so the limits cannot be built into it: they
come from the settings of the runtime in the request's context, and the validation rules are
made once per settings value, which keeps strawberry's validation cache effective.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLList,
    GraphQLNonNull,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    TypeInfo,
    ValidationContext,
    ValidationRule,
    get_named_type,
)
from graphql.execution.values import get_argument_values, get_variable_values
from graphql.utilities import get_operation_ast
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import MaxAliasesLimiter, QueryDepthLimiter, SchemaExtension
from strawberry.extensions.max_aliases import count_fields_with_alias

from graph_api.graphql.paging import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from graph_api.settings import HardeningSettings

# Root fields that analyse a landscape or the whole country in the engine instead of looking
# objects up. Each counts as this many objects besides what it returns: its latency on the
# seeded scale-1 graph over 50 µs, about what one estimated object of the catalogue queries
# costs (docs/operations.md, "Hardening", has the measurements).
ANALYTICS_WEIGHTS = {
    "afhankelijkheden": 1_000,
    "kortstePad": 1_000,
    "impactanalyse": 200,
    "landschapsgraaf": 200,  # its page is counted as objects already
    "gluurBijDeBuren": 200,
    "standaardendekking": 50,
    "vergelijkbareGemeenten": 10_000,
    "aanbevelingen": 10_000,
    "leveranciersprofiel": 2_000,
    "adoptie": 5_000,
    "standaardendekkingOverzicht": 2_000,
    "marktconcentratie": 15_000,
    "koppelingsnetwerk": 15_000,
}
# Plain lists that grow with the country rather than with the object that holds them (every
# customer of a leverancier, every node a walk reaches): assumed as long as the largest page.
LARGE_LISTS = frozenset(
    {
        "Afhankelijkheden.paden",
        "Community.leden",
        "Facetten.leveranciers",
        "Facetten.referentiecomponenten",
        "Leveranciersprofiel.klanten",
        "Leveranciersprofiel.marktaandelen",
        "Samenwerking.leden",
        "Standaard.vereistDoor",
        "Subgraph.edges",
        "Subgraph.nodes",
        "Vergelijking.gedeeldeApplicaties",
    }
)
# Fields whose resolver pages by more than DEFAULT_PAGE_SIZE when `first` is not given.
_DEFAULT_SIZES = {"landschapsgraaf": MAX_PAGE_SIZE}
_SIZE_ARGUMENTS = ("first", "last", "aantal")


def _error(code: str, message: str, nodes: Any = None, **measured: int) -> GraphQLError:
    return GraphQLError(message, nodes, extensions={"code": code, **measured})


def _operations(document: Any) -> list[OperationDefinitionNode]:
    return [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]


def _fragments(document: Any) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}


def _depth(selection_set: SelectionSetNode | None, fragments: Mapping[str, Any], seen: frozenset[str]) -> int:
    """Nesting as QueryDepthLimiter counts it: fields with selections; introspection fields not at all."""
    deepest = 0
    for selection in selection_set.selections if selection_set else ():
        if isinstance(selection, FieldNode):
            if selection.selection_set and not selection.name.value.startswith("__"):
                deepest = max(deepest, 1 + _depth(selection.selection_set, fragments, seen))
        elif isinstance(selection, InlineFragmentNode):
            deepest = max(deepest, _depth(selection.selection_set, fragments, seen))
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            if name in fragments and name not in seen:  # cycles are refused by validation itself
                deepest = max(deepest, _depth(fragments[name].selection_set, fragments, seen | {name}))
    return deepest


def _strawberry_refuses(rule: type[ValidationRule], context: ValidationContext) -> list[GraphQLError]:
    """The errors a strawberry rule reports, collected instead of reported."""
    refused: list[GraphQLError] = []
    schema = context.schema
    rule(ValidationContext(schema, context.document, TypeInfo(schema), refused.append))
    return refused


NUL_REFUSED = "text may not contain the NUL character (U+0000)"


class NoNulCharacter(ValidationRule):
    """The engine cannot take a NUL in a parameter (FalkorDB's query text ends at it)."""

    def enter_string_value(self, node: Any, *_: Any) -> None:
        if "\x00" in node.value:
            self.report_error(_error("INVALID_TEXT", NUL_REFUSED, node))


@functools.cache
def validation_rules(limits: HardeningSettings) -> tuple[type[ValidationRule], ...]:
    """The rules for one settings value; made once so that validation results stay cached."""
    (depth_rule,) = QueryDepthLimiter(max_depth=limits.max_depth).validation_rules
    (alias_rule,) = MaxAliasesLimiter(max_alias_count=limits.max_aliases).validation_rules

    class DepthLimit(ValidationRule):
        def __init__(self, context: ValidationContext):
            super().__init__(context)
            if refused := _strawberry_refuses(depth_rule, context):
                fragments = _fragments(context.document)
                depth = max(
                    _depth(op.selection_set, fragments, frozenset()) for op in _operations(context.document)
                )
                context.report_error(
                    _error(
                        "QUERY_TOO_DEEP",
                        f"the query nests {depth} levels deep; at most {limits.max_depth} are allowed",
                        refused[0].nodes,
                        depth=depth,
                        limit=limits.max_depth,
                    )
                )

    class AliasLimit(ValidationRule):
        def __init__(self, context: ValidationContext):
            super().__init__(context)
            if _strawberry_refuses(alias_rule, context):
                fragments = _fragments(context.document)
                count = sum(count_fields_with_alias(op, fragments) for op in _operations(context.document))
                context.report_error(
                    _error(
                        "TOO_MANY_ALIASES",
                        f"the query has {count} aliases; at most {limits.max_aliases} are allowed",
                        aliases=count,
                        limit=limits.max_aliases,
                    )
                )

    class NoIntrospection(NoSchemaIntrospectionCustomRule):
        reported = False

        def report_error(self, error: GraphQLError) -> None:
            # graphql-core reports every field of an introspection type: one error says it all.
            if not self.reported:
                self.reported = True
                super().report_error(
                    _error("INTROSPECTION_DISABLED", "introspection (__schema, __type) is off", error.nodes)
                )

    rules: tuple[type[ValidationRule], ...] = (DepthLimit, AliasLimit, NoNulCharacter)
    return rules if limits.introspection else (*rules, NoIntrospection)


@dataclass(frozen=True)
class _Walk:
    schema: GraphQLSchema
    fragments: Mapping[str, FragmentDefinitionNode]
    variables: Mapping[str, Any]
    list_size: int


def _size(field_name: str, arguments: Mapping[str, Any], field_args: Mapping[str, Any]) -> int | None:
    """How many items the field's own arguments ask for; None when it has no size argument."""
    if "ids" in arguments and isinstance(arguments["ids"], list):
        return len(arguments["ids"])
    asked = [arguments[name] for name in _SIZE_ARGUMENTS if arguments.get(name) is not None]
    if asked:
        # Larger pages are refused by the resolver before the store is asked.
        return min(max(asked[0], 0), MAX_PAGE_SIZE)
    if "first" in field_args or "last" in field_args:
        return _DEFAULT_SIZES.get(field_name, DEFAULT_PAGE_SIZE)
    return None


def _cost(walk: _Walk, selection_set: SelectionSetNode, parent: Any, multiplier: int, inherited: int | None,
          seen: frozenset[str]) -> int:  # fmt: skip
    """Objects the selections can return: each field counts the product of its ancestors' multipliers.

    A connection (or a subgraph) is as large as its `first`/`last`: the lists directly inside it
    (`edges`, `nodes`) take that size. Other lists of objects are assumed to hold `list_size`,
    or MAX_PAGE_SIZE when they are LARGE_LISTS.
    """
    total = 0
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            name = selection.name.value
            if name.startswith("__"):  # the schema's own fields: bounded by the schema, never stored
                total += multiplier
                continue
            field = parent.fields[name]
            root = parent is walk.schema.query_type
            total += multiplier * (ANALYTICS_WEIGHTS.get(name, 1) if root else 1)
            if selection.selection_set is None:
                continue
            try:
                arguments = get_argument_values(field, selection, walk.variables)
            except GraphQLError:  # execution refuses these arguments before resolving anything
                arguments = {}
            size = _size(name, arguments, field.args)
            field_type = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
            if isinstance(field_type, GraphQLList):
                if size is None:
                    size = inherited
                if size is None:
                    size = MAX_PAGE_SIZE if f"{parent.name}.{name}" in LARGE_LISTS else walk.list_size
                child_multiplier, child_inherited = multiplier * size, None
            else:
                child_multiplier, child_inherited = multiplier, size
            total += _cost(walk, selection.selection_set, get_named_type(field_type), child_multiplier,
                           child_inherited, seen)  # fmt: skip
        elif isinstance(selection, InlineFragmentNode):
            condition = selection.type_condition
            kind = walk.schema.get_type(condition.name.value) if condition else parent
            # Fragments on different types of a union are added up: an upper bound.
            total += _cost(walk, selection.selection_set, kind, multiplier, inherited, seen)
        elif isinstance(selection, FragmentSpreadNode):
            fragment = walk.fragments[selection.name.value]
            if fragment.name.value not in seen:
                kind = walk.schema.get_type(fragment.type_condition.name.value)
                total += _cost(walk, fragment.selection_set, kind, multiplier, inherited,
                               seen | {fragment.name.value})  # fmt: skip
    return total


def estimate_cost(
    schema: GraphQLSchema,
    document: Any,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
    list_size: int,
) -> int | None:
    """The estimated size of the answer to a valid document; None when execution will refuse it anyway."""
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        return None
    coerced = get_variable_values(schema, operation.variable_definitions or (), dict(variables or {}))
    if isinstance(coerced, list):  # bad variables: refused before any field resolves
        return None
    root = schema.get_root_type(operation.operation)
    walk = _Walk(schema, _fragments(document), coerced, list_size)
    return _cost(walk, operation.selection_set, root, 1, None, frozenset())


def limits_of(context: Any) -> HardeningSettings:
    runtime = getattr(context, "runtime", None)
    settings = getattr(runtime, "settings", None)
    return getattr(settings, "hardening", None) or HardeningSettings()


class QueryLimits(SchemaExtension):
    """Refuses documents that are too large, deep, aliased or costly, and introspection when off."""

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        limits = limits_of(context.context)
        context.parse_options["max_tokens"] = limits.max_tokens  # what MaxTokensLimiter does
        context.validation_rules = (*context.validation_rules, *validation_rules(limits))
        yield

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        limits = limits_of(context.context)
        cost = estimate_cost(
            context.schema._schema,
            context.graphql_document,
            context.operation_name,
            context.variables,
            limits.list_size,
        )
        if cost is not None and cost > limits.max_cost:
            # A result set here makes strawberry skip execution: no resolver, no store call.
            context.result = ExecutionResult(
                data=None,
                errors=[
                    _error(
                        "QUERY_TOO_COSTLY",
                        f"the query could return about {cost} objects; at most {limits.max_cost} are "
                        "allowed: ask for smaller pages or fewer nested lists",
                        cost=cost,
                        limit=limits.max_cost,
                    )
                ],
            )
        yield
