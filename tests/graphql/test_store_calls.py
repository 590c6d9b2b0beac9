"""A guard that is not a timing test: the store round trips of every read of the API benchmark
(bench/api.py), as QueryStats reports them (`extensions.queryStats.storeCalls`), against the
counts recorded in tests/graphql/store_calls.json.

A count that grows fails: a change made a read ask the engine more often, which no timing test on
a shared machine notices reliably. A count that falls fails too, so that the improvement is
recorded and cannot be lost again unnoticed. When a change is meant to alter the counts, record
them again:

    GRAPH_API_RECORD_STORE_CALLS=1 .venv/bin/pytest -p no:xdist tests/graphql/test_store_calls.py

and commit the file. Each case is sent twice to an app of its own: the first time every root field
is compiled, the second time it is a kept request (graph_api/graphql/compiled/cache.py).
"""

from __future__ import annotations

import asyncio
import json
import os
import warnings
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from starlette.testclient import TestClient

from bench.api import CASES, UNKEPT, Case
from graph_api.app import create_app
from tests.backends import Backend
from tests.graphql.conftest import GRAPHQL_RESPONSE, VNG

RECORDED = Path(__file__).with_name("store_calls.json")
RECORD = os.environ.get("GRAPH_API_RECORD_STORE_CALLS") == "1"
HOW = f"record the counts again if that is intended: GRAPH_API_RECORD_STORE_CALLS=1 pytest {__file__}"


class _Counting:
    """What bench/api.py's cases post to: here the API in-process, keeping each answer's storeCalls."""

    def __init__(self, client: TestClient, token: str):
        self.client = client
        self.headers = {"accept": GRAPHQL_RESPONSE, "authorization": f"Bearer {token}"}
        self.calls: list[int] = []

    async def post(self, path: str, json: dict[str, Any]) -> Any:
        response = self.client.post(path, json=json, headers=self.headers)
        body = response.json()
        assert response.status_code == 200 and "errors" not in body, body
        self.calls.append(body["extensions"]["queryStats"]["storeCalls"])
        return response


def _measured(backend: Backend, token: str, case: Case) -> dict[str, int]:
    # An app of its own: nothing of the case is kept from other tests' requests.
    with TestClient(create_app(replace(backend.settings), engine=backend.engine)) as client:
        counting = _Counting(client, token)
        asyncio.run(case.graphql(counting))
        first = sum(counting.calls)
        counting.calls.clear()
        asyncio.run(case.graphql(counting))
        return {"first": first, "again": sum(counting.calls)}


# The rotating lookup asks for a different application each time: once is enough.
_CASES = [*CASES, UNKEPT]


@pytest.mark.parametrize("case", _CASES, ids=[c.name for c in _CASES])
def test_store_calls_of_the_benchmark_reads_do_not_grow(backend: Backend, token, case: Case) -> None:
    measured = _measured(backend, token(VNG, "FUNCTIONEEL_BEHEERDER"), case)
    recorded = json.loads(RECORDED.read_text()) if RECORDED.exists() else {}
    if RECORD:
        recorded.setdefault(backend.name, {})[case.name] = measured
        RECORDED.write_text(json.dumps(recorded, indent=2, ensure_ascii=False, sort_keys=True) + "\n")
        return
    before = recorded.get(backend.name, {}).get(case.name)
    assert before is not None, f"no store calls recorded for {case.name!r} on {backend.name}; {HOW}"
    for when in ("first", "again"):
        assert measured[when] <= before[when], (
            f"{case.name!r} ({when} sent) asks the store {measured[when]} times, recorded "
            f"{before[when]}: a read makes more round trips than it did; find why, or {HOW}"
        )
        assert measured[when] >= before[when], (
            f"{case.name!r} ({when} sent) asks the store {measured[when]} times, recorded "
            f"{before[when]}: fewer, well done; {HOW}, so that it cannot grow back unnoticed"
        )
