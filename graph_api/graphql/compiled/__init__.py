"""Compiled reads: a root field's whole selection answered by Cypher projecting just that."""

from graph_api.graphql.compiled.cache import CompiledReads
from graph_api.graphql.compiled.compiler import CompiledRead
from graph_api.graphql.compiled.executor import CompilingExecutionContext

__all__ = ["CompiledRead", "CompiledReads", "CompilingExecutionContext"]
