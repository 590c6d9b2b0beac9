"""Schema extensions: what every response tells about its own cost."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from strawberry.extensions import SchemaExtension

from graph_api.domain.meldingen.afleiding import na_schrijven
from graph_api.domain.meldingen.soorten import AFLEIDINGEN
from graph_api.domain.wijzigen import verzamel
from graph_api.graphql.core import beperkingen
from graph_api.graphql.limits.extension import limits_of


class QueryStats(SchemaExtension):
    """`extensions.queryStats`: the store round trips this request made (how many of them were
    compiled reads, graph_api/graphql/compiled) and their time; and `extensions.beperkingen`:
    what the asker's role left out of the answer (graph_api/graphql/core/beperkingen.py)."""

    # A kept request's answer carries the same results: the schema adds them (answer_extensions).
    kept_safe = True

    def get_results(self) -> dict[str, Any]:
        context = self.execution_context
        return answer_extensions(context.schema._schema, context.query, context.context)


def answer_extensions(schema: Any, query: str | None, context: Any) -> dict[str, Any]:
    """What every answer tells besides its data, however it was answered."""
    max_tokens = limits_of(context).max_tokens
    return {**query_stats(context), **beperkingen.results(schema, query, max_tokens, context)}


def query_stats(context: Any) -> dict[str, Any]:
    store = getattr(context, "store", None)
    if store is None:
        return {}
    return {
        "queryStats": {
            "storeCalls": store.calls,
            "compiledReads": store.compiled,
            "storeMs": round(store.seconds * 1000, 2),
        }
    }


class Meldingen(SchemaExtension):
    """The meldingen a request's writes call for (graph_api/domain/meldingen/afleiding.py): every
    change record its mutations made is collected while it runs, and the meldingen are derived
    from them once they are written, before the answer goes, so that they exist when it arrives."""

    # A kept request is a read answered again: it makes no change record, so no melding.
    kept_safe = True

    async def on_execute(self) -> AsyncIterator[None]:
        records: list[dict[str, Any]] = []
        with verzamel(records):
            yield
        store = getattr(self.execution_context.context, "store", None)
        if records and store is not None:
            await na_schrijven(store, records, AFLEIDINGEN)
