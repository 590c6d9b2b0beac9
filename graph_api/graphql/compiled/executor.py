"""Execution that runs a compiled read for each root field the compiler covers.

graphql-core resolves and completes every field of every object one by one; for a landscape of
600 Gebruik that is some 14,000 fields, more time than the engine takes to read them. A root
field the compiler covers is read by its compiled statements instead and its value returned as
it is, already complete; every other root field, and one whose compiled read cannot finish, is
executed the usual way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from graphql import GraphQLObjectType
from graphql.pyutils import Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from graph_api.graphql.compiled.compiler import CompiledRead, Compiler, Unsupported

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
        if path.prev is None and parent_type is self.schema.query_type and context.compiled:
            try:
                compiled = Compiler(self, context.zicht).root(parent_type, field_details_list)
            except Unsupported as reason:
                log.debug("%s: resolving it field by field (%s)", path.key, reason)
                compiled = None
            except Exception:  # a gap in the compiler must not cost the asker the answer
                log.exception("compiling %s failed; resolving it field by field", path.key)
                compiled = None
            if compiled is not None:
                return self._run(
                    compiled,
                    lambda: super(CompilingExecutionContext, self).execute_field(
                        parent_type, source, field_details_list, path, position_context
                    ),
                )
        return super().execute_field(parent_type, source, field_details_list, path, position_context)

    async def _run(self, compiled: CompiledRead, resolve: Callable[[], Any]) -> Any:
        try:
            return await compiled.run(self.context_value.store)
        except Unsupported as reason:
            log.debug("compiled %s: resolving field by field (%s)", compiled.name, reason)
        except Exception:
            log.exception("compiled %s failed; resolving it field by field", compiled.name)
        result = resolve()
        return await result if self.is_awaitable(result) else result
