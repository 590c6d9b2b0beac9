"""QueryLimits: every check a request passes before any field resolves, and where each runs.

Parsing and validation run in a worker thread: graphql-core's own rules cost up to a second
on an odd 2,000-token document, and on the event loop that second would stall every other
request. What runs on the loop is linear in the document's size: the shape (depth, aliases,
fields, each fragment measured once), the lengths of the arguments and the cost estimate.

The schema is built once per process, so the limits come from the settings of the runtime in
the request's context; the validation rules are made once per settings value, which keeps the
validation cache effective.
"""

from __future__ import annotations

import asyncio
import functools
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

from graphql import (
    ASTValidationRule,
    DocumentNode,
    ExecutionResult,
    GraphQLError,
    GraphQLSchema,
    get_operation_ast,
    parse,
)
from graphql.validation import specified_rules
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

from graph_api.graphql.limits import lengths
from graph_api.graphql.limits.cost import estimate_cost
from graph_api.graphql.limits.identity import identity_key
from graph_api.graphql.limits.rules import NoIntrospection, NoNulCharacter, limit_error
from graph_api.graphql.limits.shape import document_shape
from graph_api.settings import HardeningSettings
from graph_api.toegang import Zicht


class _KeptOffLoop:
    """A function's results, made in a worker thread and kept: a document sent again (clients
    send the same ones again and again) is answered on the event loop, without the hop to a
    thread and back, which costs more than the rest of a small request. Failures are not kept."""

    def __init__(self, function: Callable[..., Any], maxsize: int = 256):
        self._function = function
        self._maxsize = maxsize
        self._kept: OrderedDict[Any, Any] = OrderedDict()
        self.hits = self.misses = 0  # read by the metrics (graph_api/http/metrics.py)

    async def __call__(self, *args: Any, **kwargs: Any) -> Any:
        key = (identity_key(args), tuple(sorted(kwargs.items())))
        if key in self._kept:
            self.hits += 1
            self._kept.move_to_end(key)
            return self._kept[key][1]
        self.misses += 1
        value = await asyncio.to_thread(self._function, *args, **kwargs)
        self._kept[key] = (args, value)  # on the loop's thread only: no lock needed
        if len(self._kept) > self._maxsize:
            self._kept.popitem(last=False)
        return value


_parse = _KeptOffLoop(parse)
_validate = _KeptOffLoop(validate_document)
# The process's kept parses and validations, for the metrics: shared by every app of the process.
KEPT = {"parsed_documents": _parse, "validated_documents": _validate}


@functools.cache
def validation_rules(limits: HardeningSettings) -> tuple[type[ASTValidationRule], ...]:
    """graphql-core's rules and ours, for one settings value: made once, so that results stay cached."""
    ours: tuple[type[ASTValidationRule], ...] = (NoNulCharacter,)
    if not limits.introspection:
        ours = (*ours, NoIntrospection)
    return (*specified_rules, *ours)


def limits_of(context: Any) -> HardeningSettings:
    runtime = getattr(context, "runtime", None)
    settings = getattr(runtime, "settings", None)
    return getattr(settings, "hardening", None) or HardeningSettings()


def shape_refusal(document: Any, limits: HardeningSettings) -> GraphQLError | None:
    """The first of depth, aliases and size that the document's expansion exceeds."""
    shape = document_shape(document)
    if shape.depth > limits.max_depth:
        return limit_error(
            "QUERY_TOO_DEEP",
            f"the query nests {shape.depth} levels deep; at most {limits.max_depth} are allowed",
            depth=shape.depth,
            limit=limits.max_depth,
        )
    if shape.aliases > limits.max_aliases:
        return limit_error(
            "TOO_MANY_ALIASES",
            f"the query has {shape.aliases} aliases; at most {limits.max_aliases} are allowed",
            aliases=shape.aliases,
            limit=limits.max_aliases,
        )
    if shape.fields > limits.max_fields:
        return limit_error(
            "QUERY_TOO_LARGE",
            f"the query expands to {shape.fields} fields (each fragment counted where it is spread); "
            f"at most {limits.max_fields} are allowed",
            fields=shape.fields,
            limit=limits.max_fields,
        )
    return None


async def parsed(query: str, limits: HardeningSettings) -> DocumentNode | None:
    """The request's document as QueryLimits parses it (and keeps it: parsing again costs
    nothing), None when it does not parse; execution then refuses it."""
    try:
        document: DocumentNode = await _parse(query, max_tokens=limits.max_tokens)
    except GraphQLError:
        return None
    return document


def operation_name(document: DocumentNode, asked: str | None) -> str | None:
    """The name of the operation that runs, None for an unnamed one or none at all."""
    operation = get_operation_ast(document, asked)
    return operation.name.value if operation is not None and operation.name is not None else None


async def request_cost(
    schema: GraphQLSchema, document: DocumentNode, asked: str | None, variables: Any, context: Any
) -> int | None:
    """The cost QueryLimits estimates for a request (what the rate limits charge), None when it
    refuses the request before that: such a refusal costs the engine nothing. Its steps are kept
    per document, so a request sent again pays only for the estimate itself."""
    limits = limits_of(context)
    if shape_refusal(document, limits) is not None:
        return None
    if await _validate(schema, document, validation_rules(limits)):
        return None
    runtime = getattr(context, "runtime", None)
    label_sizes = await runtime.label_sizes() if runtime is not None else {}
    zicht = getattr(context, "zicht", None) or Zicht()
    cost = estimate_cost(schema, document, asked, variables, limits.list_size, label_sizes, zicht)
    return None if cost is None or cost > limits.max_cost else cost


class QueryLimits(SchemaExtension):
    """Refuses documents that are too large, deep, aliased, long-winded or costly, and
    introspection when it is off; parses and validates off the event loop."""

    # Its verdict follows from the document, the variables, the app's settings, the asker's
    # visibility flags and the label sizes: a kept request is kept under all of them but the
    # variables and the sizes, which `variables_refusal` measures again before other ones are
    # answered (graph_api/graphql/compiled/cache.py).
    kept_safe = True

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        limits = limits_of(context.context)
        context.parse_options["max_tokens"] = limits.max_tokens
        context.validation_rules = validation_rules(limits)
        yield

    async def on_parse(self) -> AsyncIterator[None]:
        context = self.execution_context
        if context.graphql_document is None and context.query:
            context.graphql_document = await _parse(context.query, **context.parse_options)
        yield

    async def on_validate(self) -> AsyncIterator[None]:
        context = self.execution_context
        document = context.graphql_document
        refusal = shape_refusal(document, limits_of(context.context))
        if refusal is not None:
            context.pre_execution_errors = [refusal]
        elif context.pre_execution_errors is None:
            context.pre_execution_errors = await _validate(
                context.schema._schema, document, tuple(context.validation_rules)
            )
        yield

    async def on_execute(self) -> AsyncIterator[None]:
        context = self.execution_context
        refusal = await self._refusal()
        if refusal is not None:
            # A result set here makes strawberry skip execution: no resolver, no store call.
            context.result = ExecutionResult(data=None, errors=[refusal])
        yield

    async def _refusal(self) -> GraphQLError | None:
        context = self.execution_context
        if context.graphql_document is None:  # parsed before execution starts; nothing to measure
            return None
        return await variables_refusal(
            context.schema._schema,
            context.graphql_document,
            context.operation_name,
            context.variables,
            context.context,
        )


async def variables_refusal(
    schema: GraphQLSchema, document: DocumentNode, asked: str | None, variables: Any, context: Any
) -> GraphQLError | None:
    """The refusal of the limits that read the variables (the arguments' lengths, the cost), for a
    document that passed the others; None: they let it through. A kept request sent with other
    variables is checked by this again (graph_api/graphql/compiled/cache.py)."""
    too_long = lengths.refused(schema, document, variables or {})
    if too_long is not None:
        return too_long
    limits = limits_of(context)
    runtime = getattr(context, "runtime", None)
    label_sizes = await runtime.label_sizes() if runtime is not None else {}
    zicht = getattr(context, "zicht", None) or Zicht()
    cost = estimate_cost(schema, document, asked, variables, limits.list_size, label_sizes, zicht)
    if cost is not None and cost > limits.max_cost:
        return limit_error(
            "QUERY_TOO_COSTLY",
            f"the query would cost about {cost} objects (returned, or read by the engine); at "
            f"most {limits.max_cost} are allowed: ask for smaller pages, fewer nested lists or "
            "narrower filters",
            cost=cost,
            limit=limits.max_cost,
        )
    return None
