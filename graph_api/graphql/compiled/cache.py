"""Compiled reads kept between requests, so a document sent again is not compiled again.

What the compiler makes of a root field depends on nothing but the field's selection in the
parsed document (Strawberry's ParserCache hands out the same document for the same text), the
variables, and the flags of the asker's visibility that let it drop a guard: the rest of
`$zicht` is a parameter of every request. A compiled read is kept under exactly those, and so
is the finding that the compiler does not cover a selection.

A request whose every root field was answered by a compiled read, without errors, is kept too,
under its text, operation name, variables, those flags and the label sizes the query limits scale
a whole list's cost by: sent again, it passed parsing, validation and the query limits before with
the same outcome, so its compiled reads answer it at once (`answer`), and Strawberry's execution is
not started at all. Only a schema whose every extension says it may be skipped so (`kept_safe`,
graph_api/graphql/schema.py) asks for kept requests at all.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from typing import Any

from graph_api.graphql.compiled.compiler import CompiledRead, Unsupported, together
from graph_api.toegang import Zicht

log = logging.getLogger(__name__)


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


class CompiledReads:
    def __init__(self, maxsize: int = 512):
        # key -> (the field nodes, kept alive so their ids cannot be reused; the read, or why not)
        self._fields = _Lru(maxsize)
        # key -> the root fields' response keys and their reads, in the document's order
        self._requests = _Lru(maxsize)
        # The label sizes last seen and their part of a request's key: they change once a minute
        # at most, and a request's key should not cost a sort of them each time.
        self._sizes: tuple[Mapping[str, int] | None, Hashable] = (None, None)

    def caches(self) -> dict[str, _Lru]:
        """Its caches by name, for the metrics."""
        return {"compiled_fields": self._fields, "kept_requests": self._requests}

    def field(
        self, details: list, variables: dict[str, Any], zicht: Zicht, compile_read: Callable[[], CompiledRead]
    ) -> CompiledRead:
        """The kept read of this root field's selection, else `compile_read()`'s; raises
        Unsupported as that did."""
        if any(d.fragment_variable_values is not None for d in details):
            return compile_read()  # fragment arguments (experimental) are not part of the key
        nodes = tuple(d.node for d in details)
        key = (tuple(map(id, nodes)), _frozen(variables), zicht.alle_gebruik, zicht.alle_landschappen)
        kept = self._fields.find(key)
        if kept is None:
            try:
                outcome: CompiledRead | str = compile_read()
            except Unsupported as reason:
                outcome = str(reason)
            kept = (nodes, outcome)
            self._fields.keep(key, kept)
        outcome = kept[1]
        if isinstance(outcome, str):
            raise Unsupported(outcome)
        return outcome

    async def answer(
        self, query: str, operation: str | None, variables: dict[str, Any] | None, context: Any
    ) -> dict[str, Any] | None:
        """The data of a kept request, read by its compiled reads; None: execute it the usual way."""
        reads = self._requests.find(await self._request_key(query, operation, variables, context))
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
        key = await self._request_key(query, operation, variables, context)
        self._requests.keep(key, list(answered.items()))

    async def _request_key(
        self, query: str, operation: str | None, variables: dict[str, Any] | None, context: Any
    ) -> Hashable:
        # The sizes the query limits' cost estimate reads (cached by the runtime for a minute): a
        # list that passed with fewer nodes is estimated again once there are more.
        sizes = await context.runtime.label_sizes()
        if self._sizes[0] is not sizes:
            self._sizes = (sizes, frozenset(sizes.items()))
        # A digest, not the texts: a key stays small however large a document is.
        request = "\0".join([query, operation or "", _frozen(variables)]).encode()
        digest = hashlib.blake2b(request, digest_size=32).digest()
        return (digest, context.zicht.alle_gebruik, context.zicht.alle_landschappen, self._sizes[1])


def _frozen(variables: dict[str, Any] | None) -> str:
    return json.dumps(variables or {}, sort_keys=True, default=repr)
