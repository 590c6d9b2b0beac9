"""Validation rules of graph_api's own, beside graphql-core's: each reports one error with a code."""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError, ValidationRule
from graphql.validation import NoSchemaIntrospectionCustomRule

NUL_REFUSED = "text may not contain the NUL character (U+0000)"


def limit_error(code: str, message: str, nodes: Any = None, **measured: Any) -> GraphQLError:
    return GraphQLError(message, nodes, extensions={"code": code, **measured})


class NoNulCharacter(ValidationRule):
    """The engine cannot take a NUL in a parameter (FalkorDB's query text ends at it)."""

    def enter_string_value(self, node: Any, *_: Any) -> None:
        if "\x00" in node.value:
            self.report_error(limit_error("INVALID_TEXT", NUL_REFUSED, node))


class NoIntrospection(NoSchemaIntrospectionCustomRule):
    """graphql-core's rule, reporting once: it reports every field of an introspection type."""

    reported = False

    def report_error(self, error: GraphQLError) -> None:
        if not self.reported:
            self.reported = True
            super().report_error(
                limit_error("INTROSPECTION_DISABLED", "introspection (__schema, __type) is off", error.nodes)
            )
