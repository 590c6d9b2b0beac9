"""Execution that runs a compiled read for each root field the compiler covers.

graphql-core resolves and completes every field of every object one by one; for a landscape of
600 Gebruik that is some 14,000 fields, more time than the engine takes to read them. A root
field the compiler covers is read by its compiled statements instead and its value returned as
it is, already complete; every other root field, and one whose compiled read cannot finish, is
executed the usual way. Below those, an object whose selected fields are all plain attributes
is completed by reading them, not by resolving each field.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from graphql import GraphQLObjectType
from graphql.pyutils import Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from graph_api.errors import TimedOut, Unavailable
from graph_api.graphql.compiled.compiler import (
    DEFINITION,
    CompiledRead,
    Compiler,
    Unsupported,
    fence,
    leaf_serializer,
)

log = logging.getLogger(__name__)


class CompilingExecutionContext(StrawberryGraphQLCoreExecutionContext):
    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: Any,
        path: Path,
        position_context: Any,
    ) -> Any:
        context = self.context_value
        if path.prev is None and parent_type is self.schema.query_type and context.compiled is not None:
            try:
                compiled = context.compiled.field(
                    field_details_list,
                    self.variable_values,
                    context.zicht,
                    lambda: Compiler(self, context.zicht).root(parent_type, field_details_list),
                )
            except Unsupported as reason:
                log.debug("%s: resolving it field by field (%s)", path.key, reason)
                compiled = None
            except Exception:  # a gap in the compiler must not cost the asker the answer
                log.exception("compiling %s failed; resolving it field by field", path.key)
                compiled = None
            context.compiled_fields[path.key] = compiled
            if compiled is not None:
                return self._run(
                    compiled,
                    parent_type,
                    field_details_list,
                    path,
                    lambda: super(CompilingExecutionContext, self).execute_field(
                        parent_type, source, field_details_list, path, position_context
                    ),
                )
        return super().execute_field(parent_type, source, field_details_list, path, position_context)

    def complete_object_value(
        self,
        return_type: GraphQLObjectType,
        field_details_list: Any,
        info: Any,
        path: Path,
        result: Any,
        position_context: Any,
    ) -> Any:
        """An object whose selected fields are all plain attributes (a facet count, an edge's
        score) is completed by reading them, without a resolve and an info object per field;
        anything else, or a value the schema refuses, is completed the usual way."""
        plan = self._plain_plan(return_type, field_details_list)
        if plan is not None and (
            return_type.is_type_of is None or return_type.is_type_of(result, info) is True
        ):
            try:
                return {response: serialize(getattr(result, name)) for response, name, serialize in plan}
            except (Unsupported, AttributeError):
                pass
        return super().complete_object_value(
            return_type, field_details_list, info, path, result, position_context
        )

    def _plain_plan(self, return_type: GraphQLObjectType, field_details_list: Any) -> list | None:
        key = (return_type, id(field_details_list))  # as graphql-core memoizes collect_subfields
        plans: dict[tuple[GraphQLObjectType, int], tuple[Any, list | None]] | None
        plans = getattr(self, "_plain_plans", None)
        if plans is None:
            plans = {}
            self._plain_plans = plans
        if key not in plans:
            plans[key] = (field_details_list, _plain_fields(self, return_type, field_details_list))
        return plans[key][1]

    async def _run(
        self,
        compiled: CompiledRead,
        parent_type: GraphQLObjectType,
        field_details_list: Any,
        path: Path,
        resolve: Callable[[], Any],
    ) -> Any:
        try:
            return await compiled.run(self.context_value.store)
        except Unsupported as reason:
            log.debug("compiled %s: resolving field by field (%s)", compiled.name, reason)
        except (TimedOut, Unavailable) as failure:
            # The request's own limits, or the engine away: resolving again would only repeat it.
            # The field fails as a resolver's would: located, null where the schema allows it.
            field = parent_type.fields[field_details_list[0].node.name.value]
            self.handle_field_error(failure, field.type, field_details_list, path)
            return None
        except Exception:
            log.exception("compiled %s failed; resolving it field by field", compiled.name)
        self.context_value.compiled_fields[path.key] = None
        result = resolve()
        return await result if self.is_awaitable(result) else result


def _plain_fields(executor: Any, return_type: GraphQLObjectType, field_details_list: Any) -> list | None:
    """(response key, attribute, serializer) for each selected field, if all are plain."""
    collected = executor.collect_subfields(return_type, field_details_list)
    if collected.new_defer_usages:
        return None
    plan = []
    for response, sub in collected.grouped_field_set.items():
        name = sub[0].node.name.value
        if name == "__typename":
            return None
        gql_field = return_type.fields[name]
        if fence(gql_field, sub) is not None:
            return None
        definition = gql_field.extensions[DEFINITION]
        if definition.base_resolver is not None or gql_field.args:
            return None
        try:
            serialize = leaf_serializer(gql_field.type)
        except Unsupported:
            return None
        plan.append((response, definition.python_name, serialize))
    return plan
