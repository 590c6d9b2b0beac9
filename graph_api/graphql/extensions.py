"""Schema extensions: what every response tells about its own cost."""

from __future__ import annotations

from typing import Any

from strawberry.extensions import SchemaExtension


class QueryStats(SchemaExtension):
    """`extensions.queryStats`: the store round trips this request made (how many of them were
    compiled reads, graph_api/graphql/compiled) and their time."""

    def get_results(self) -> dict[str, Any]:
        return query_stats(self.execution_context.context)


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
