"""Compiled reads kept between requests, so a document sent again is not compiled again, whatever
its variables.

What the compiler makes of a root field depends on the field's selection in the parsed document
(Strawberry's ParserCache hands out the same document for the same text), the flags of the asker's
visibility that let it drop a guard (the rest of `$zicht` is a parameter of every request), and of
the variables only what shapes the statements: which lookup argument is given, a page's size,
order, cursor or not, which filters (CompiledRead.bind). A compiled read is kept under the
selection and those flags; sent with other variables, it is bound to them, and compiled again
only where they shape it differently (a few such variants are kept: a landscape's first page and
the next). That the compiler does not cover a selection may depend on the values themselves: it
is kept with the variables.

A request whose every root field was answered by a compiled read, without errors, is kept too,
under its text, operation name and those flags: sent again, it passed parsing and validation
before, so its compiled reads answer it at once (`answer`), and Strawberry's execution is not
started at all. With the same variables and the same label sizes (what the query limits scale a
whole list's cost by) it passed the query limits before with the same outcome; with other
variables, or once the sizes have changed, the variables are coerced and the limits that read them
(lengths, cost) are checked again first, and anything they or the binding refuse is executed the
usual way, which reports it. The sizes are not part of the key: reads that count visits and
searches change them all day, and a request kept under sizes of a minute ago would be compiled
again each time they are read anew. Only a schema whose every extension
says it may be skipped so (`kept_safe`, graph_api/graphql/schema.py) asks for kept requests at all.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any

from graphql import DocumentNode, GraphQLSchema, OperationDefinitionNode, get_operation_ast
from graphql.execution.values import VariableValues, get_variable_values

from graph_api.graphql.compiled.compiler import CompiledRead, Unsupported, together
from graph_api.graphql.limits import parsed, variables_refusal
from graph_api.graphql.limits.extension import limits_of
from graph_api.toegang import Zicht

log = logging.getLogger(__name__)

# Reads of one selection or request kept for differently shaped variables, the newest first.
VARIANTS = 4


class _Lru(OrderedDict):
    def __init__(self, maxsize: int):
        super().__init__()
        self.maxsize = maxsize
        self.hits = self.misses = 0  # read by the metrics (graph_api/http/metrics.py)

    def keep(self, key: Hashable, value: Any) -> None:
        self[key] = value
        if len(self) > self.maxsize:
            self.popitem(last=False)

    def find(self, key: Hashable) -> Any:
        value = self.get(key)
        if value is not None:
            self.hits += 1
            self.move_to_end(key)
        else:
            self.misses += 1
        return value


Reads = list[tuple[str, CompiledRead]]  # the root fields' response keys and their reads, in order


@dataclass
class _Kept:
    """A kept request: its operation, for coercing other variables, and its reads by the
    variables and label sizes they passed the limits with."""

    operation: OperationDefinitionNode
    document: DocumentNode  # keeps the operation's document alive while it is kept
    variants: list[tuple[tuple[str, Hashable], Reads]] = field(default_factory=list)


class CompiledReads:
    def __init__(self, maxsize: int = 512):
        # key -> (the field nodes, kept alive so their ids cannot be reused; their reads, newest first)
        self._fields = _Lru(maxsize)
        # key with the variables -> (the field nodes; why the compiler does not cover them)
        self._uncovered = _Lru(maxsize)
        # key -> _Kept
        self._requests = _Lru(maxsize)
        # The label sizes last seen and their part of a request's key: they change once a minute
        # at most, and a request's key should not cost a sort of them each time.
        self._sizes: tuple[Mapping[str, int] | None, Hashable] = (None, None)

    def caches(self) -> dict[str, _Lru]:
        """Its caches by name, for the metrics."""
        return {"compiled_fields": self._fields, "kept_requests": self._requests}

    def field(
        self, details: list, variables: VariableValues, zicht: Zicht, compile_read: Callable[[], CompiledRead]
    ) -> CompiledRead:
        """The kept read of this root field's selection bound to these variables, else
        `compile_read()`'s; raises Unsupported as that did."""
        if any(d.fragment_variable_values is not None for d in details):
            return compile_read()  # fragment arguments (experimental) are not part of the key
        nodes = tuple(d.node for d in details)
        key = (tuple(map(id, nodes)), zicht.alle_gebruik, zicht.alle_landschappen)
        kept = self._fields.find(key)
        for read in kept[1] if kept is not None else ():
            bound = read.bind(variables)
            if bound is not None:
                return bound
        uncovered_key = (*key, _frozen(variables.coerced))
        uncovered = self._uncovered.get(uncovered_key)
        if uncovered is not None:
            raise Unsupported(uncovered[1])
        try:
            read = compile_read()
        except Unsupported as reason:
            self._uncovered.keep(uncovered_key, (nodes, str(reason)))
            raise
        self._fields.keep(key, (nodes, [read, *(kept[1] if kept is not None else ())][:VARIANTS]))
        return read

    async def answer(
        self,
        schema: GraphQLSchema,
        query: str,
        operation: str | None,
        variables: dict[str, Any] | None,
        context: Any,
    ) -> dict[str, Any] | None:
        """The data of a kept request, read by its compiled reads; None: execute it the usual way."""
        kept = self._requests.find(self._request_key(query, operation, context))
        if kept is None:
            return None
        passed = (_frozen(variables), await self._sizes_key(context))
        reads = next((reads for seen, reads in kept.variants if seen == passed), None)
        if reads is None:
            reads = await self._bound(schema, kept, query, operation, variables, context)
            if reads is None:
                return None
        try:
            values = await together([read.run(context.store) for _, read in reads])
        except Unsupported:  # e.g. a null in a non-null field: the resolvers report it
            return None
        except Exception:  # the usual execution answers it, or reports what went wrong
            log.exception("a kept request failed; executing it the usual way")
            return None
        log.debug("answered by kept compiled reads: %s", ", ".join(read.name for _, read in reads))
        return {response: value for (response, _), value in zip(reads, values, strict=True)}

    async def remember(
        self, query: str, operation: str | None, variables: dict[str, Any] | None, context: Any, result: Any
    ) -> None:
        """Keeps a request that every root field's compiled read answered without errors."""
        answered = context.compiled_fields
        if result.errors or result.data is None or not answered or None in answered.values():
            return
        if list(answered) != list(result.data):
            return
        key = self._request_key(query, operation, context)
        kept = self._requests.get(key)
        if kept is None:
            document = await parsed(query, limits_of(context))
            definition = get_operation_ast(document, operation) if document is not None else None
            if document is None or definition is None:
                return
            kept = _Kept(definition, document)
        passed = (_frozen(variables), await self._sizes_key(context))
        others = [variant for variant in kept.variants if variant[0] != passed]
        kept.variants = [(passed, list(answered.items())), *others][:VARIANTS]
        self._requests.keep(key, kept)

    async def _bound(
        self,
        schema: GraphQLSchema,
        kept: _Kept,
        query: str,
        operation: str | None,
        variables: dict[str, Any] | None,
        context: Any,
    ) -> Reads | None:
        """The kept reads bound to other variables, if these pass the limits that read them and
        shape the statements as one variant's did; None: execute the request the usual way."""
        coerced = get_variable_values(
            schema, kept.operation.variable_definitions or (), dict(variables or {})
        )
        if isinstance(coerced, list):  # the usual execution reports the variables it refuses
            return None
        if await variables_refusal(schema, kept.document, operation, variables, context) is not None:
            return None
        for _, reads in kept.variants:
            bound = [(response, read.bind(coerced)) for response, read in reads]
            if all(read is not None for _, read in bound):
                return bound  # type: ignore[return-value]
        return None

    async def _sizes_key(self, context: Any) -> Hashable:
        # The sizes the query limits' cost estimate reads (cached by the runtime for a minute): a
        # list that passed with fewer nodes is estimated again once there are more.
        sizes = await context.runtime.label_sizes()
        if self._sizes[0] is not sizes:
            self._sizes = (sizes, frozenset(sizes.items()))
        return self._sizes[1]

    @staticmethod
    def _request_key(query: str, operation: str | None, context: Any) -> Hashable:
        # A digest, not the texts: a key stays small however large a document is.
        request = "\0".join([query, operation or ""]).encode()
        digest = hashlib.blake2b(request, digest_size=32).digest()
        return (digest, context.zicht.alle_gebruik, context.zicht.alle_landschappen)


def _frozen(variables: Mapping[str, Any] | None) -> str:
    return json.dumps(variables or {}, sort_keys=True, default=repr)
