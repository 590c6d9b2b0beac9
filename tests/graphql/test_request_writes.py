"""A request's writes (graph_api/graphql/core/loaders.py, RequestStore): counted with its reads,
timed from its engine budget, and read back by the same request.

No mutation exists yet, so the request is built as the app builds one (`Context`, on a runtime
opened with the test's settings) and writes through its store, in a graph of its own.
"""

from __future__ import annotations

import pytest

from graph_api.graphql.context import Context
from graph_api.graphql.extensions import query_stats
from graph_api.runtime import open_runtime
from graph_api.store import StoreError
from graph_api.toegang import BEHEER
from tests.backends import Backend


async def test_a_write_is_counted_and_the_same_request_reads_it(own_graph: Backend) -> None:
    async with open_runtime(own_graph.settings, own_graph.engine) as runtime:
        context = Context(runtime, zicht=BEHEER)
        before = await context.loaders.one("organisatie/per_id").load("GM0014")
        context.once["shared lookup"] = context.loaders.one("organisatie/per_id").load("GM0014")
        assert before is not None and before["naam"] == "Groningen"
        row = {key: value for key, value in before.items() if key != "label"}
        spent_ms = context.store.budget.spent_ms

        await context.store.write("seed/gemeenten", {"rows": [{**row, "naam": "Groningen (gewijzigd)"}]})

        # Every loader and shared lookup the request kept is forgotten: the next read sees the write.
        assert context.once == {}
        after = await context.loaders.one("organisatie/per_id").load("GM0014")
        assert after is not None and after["naam"] == "Groningen (gewijzigd)"
        stats = query_stats(context)["queryStats"]
        assert stats["storeCalls"] == 3 and stats["compiledReads"] == 0 and stats["storeMs"] > 0
        assert context.store.budget.spent_ms > spent_ms  # the write's time came from the budget


async def test_a_failed_write_still_forgets_what_the_request_read(own_graph: Backend) -> None:
    async with open_runtime(own_graph.settings, own_graph.engine) as runtime:
        context = Context(runtime, zicht=BEHEER)
        loader = context.loaders.one("organisatie/per_id")
        await loader.load("GM0014")

        with pytest.raises(StoreError):
            await context.store.write("seed/gemeenten", {"rows": [{"id": None}]})

        assert context.loaders.one("organisatie/per_id") is not loader
        assert query_stats(context)["queryStats"]["storeCalls"] == 2
