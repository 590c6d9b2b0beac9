"""The read API against the best raw query for the same data, and throughput under load.

For each of five queries: the median latency of the GraphQL request over HTTP (a real
uvicorn server on localhost) and of the one best raw query through the store (bench/cypher/),
measured in the same run, and their ratio. Then 20 concurrent clients send a mix of the
five for a fixed time: requests per second and latency percentiles.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import httpx

from bench.harness import ensure_seeded, interleaved_medians, median_ms
from bench.results import write_section
from graph_api.graphql.compiled import CompiledReads
from graph_api.graphql.context import Context
from graph_api.graphql.schema import build_schema
from graph_api.runtime import Runtime, open_runtime
from graph_api.settings import Settings
from graph_api.store import QueryCatalog, Store, open_store
from graph_api.toegang import BEHEER

HERE = Path(__file__).parent
WORK = HERE / "work"
BENCH_QUERIES = QueryCatalog.load(HERE / "cypher")
GRAPHQL_RESPONSE = "application/graphql-response+json"
ZAAKREGISTRATIE = "id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf"

GQL_APPLICATIE = """query($i: String!) { applicatie(identificatie: $i) {
  id identificatie naam beschrijving type licentietype licentie cloudModellen hostingLocatie jurisdictie status website } }"""
GQL_PAGINA = """{ applicaties(first: 50) { nodes {
  id naam beschrijving type licentietype cloudModellen status leverancier { naam } referentiecomponenten { naam } } } }"""
GQL_LANDSCHAP = """query($c: String!, $na: String) { gemeente(cbsCode: $c) { gebruik(first: 500, after: $na) {
  pageInfo { hasNextPage endCursor }
  nodes { id status startDatum hosting contractEinde
    applicatie { naam leverancier { naam } }
    referentiecomponenten { naam }
    uitgaandeKoppelingen { type richting naar { ... on Gebruik { id } ... on BuitengemeentelijkeVoorziening { naam } } }
  } } } }"""
GQL_COMPONENT = """query($i: String!) { gemmaElement(identificatie: $i) { ... on Referentiecomponent {
  applicaties(first: 500, orderBy: {field: GEBRUIK, direction: DESC}) { nodes { naam gebruik { totalCount } } } } } }"""
GQL_ZOEKEN = """{ zoeken(tekst: "zaak") {
  applicaties(first: 20) { totalCount edges { score node { id naam } } }
  facetten { referentiecomponenten { label aantal } hostingmodellen { waarde aantal }
             licentietypen { waarde aantal } leveranciers { label aantal } } } }"""


@dataclass
class Case:
    name: str
    graphql: Callable[[httpx.AsyncClient | InProcess], Awaitable[None]]
    raw: Callable[[Store], Awaitable[None]]


class InProcess:
    """The schema executed directly, without HTTP: what the GraphQL layer itself costs."""

    def __init__(self, runtime: Runtime, *, compiled: bool = True):
        self.runtime = runtime
        self.schema = build_schema()
        self.compiled = CompiledReads() if compiled else None

    async def post(self, path: str, json: dict) -> _Result:
        result = await self.schema.execute(
            json["query"],
            variable_values=json.get("variables"),
            context_value=Context(self.runtime, zicht=BEHEER, compiled=self.compiled),
        )
        return _Result(result)


@dataclass
class _Result:
    result: Any
    status_code: int = 200

    def json(self) -> dict:
        body: dict[str, Any] = {"data": self.result.data}
        if self.result.errors:
            body["errors"] = [e.formatted for e in self.result.errors]
        return body


async def _post(client: httpx.AsyncClient | InProcess, query: str, variables: dict | None = None) -> dict:
    response = await client.post("/graphql", json={"query": query, "variables": variables or {}})
    body = response.json()
    if response.status_code != 200 or "errors" in body:
        raise SystemExit(f"GraphQL failed: {body}")
    return body["data"]


async def _landscape_graphql(client: httpx.AsyncClient | InProcess) -> None:
    cursor = None
    while True:
        page = (await _post(client, GQL_LANDSCHAP, {"c": "GM0363", "na": cursor}))["gemeente"]["gebruik"]
        if not page["pageInfo"]["hasNextPage"]:
            return
        cursor = page["pageInfo"]["endCursor"]


async def _search_raw(store: Store) -> None:
    rows = await store.read("zoeken", {"term": "zaak*"})
    rows[:20], len(rows)
    Counter(c for row in rows for c in row["componenten"]).most_common()
    Counter(m for row in rows for m in row["hostingmodellen"]).most_common()
    Counter(row["licentietype"] for row in rows).most_common()
    Counter(row["leverancier"] for row in rows).most_common()


class Rotating:
    """A different application each call: what a request costs when its variables were never seen."""

    def __init__(self, count: int = 1000):
        self._ids = itertools.cycle([f"app-{i:05d}" for i in range(1, count + 1)])

    def __call__(self) -> str:
        return next(self._ids)


_graphql_ids, _raw_ids = Rotating(), Rotating()

CASES = [
    Case(
        "one application by id",
        lambda c: _post(c, GQL_APPLICATIE, {"i": "app-00001"}),
        lambda s: s.read("applicatie", {"id": "app-00001"}),
    ),
    Case(
        "a page of 50 applications with leverancier and components",
        lambda c: _post(c, GQL_PAGINA),
        lambda s: s.read("applicaties_pagina"),
    ),
    Case(
        "Amsterdam's whole landscape with koppelingen (600 Gebruik, two pages)",
        _landscape_graphql,
        lambda s: s.read("landschap", {"id": "GM0363"}),
    ),
    Case(
        "a reference component's applications with usage counts",
        lambda c: _post(c, GQL_COMPONENT, {"i": ZAAKREGISTRATIE}),
        lambda s: s.read("component_applicaties", {"id": ZAAKREGISTRATIE}),
    ),
    Case("a search with facets", lambda c: _post(c, GQL_ZOEKEN), _search_raw),
]


# Not one of the five: the same lookup as real clients send it, for an application never asked for
# before (the kept reads bound to the new value; graph_api/graphql/compiled/cache.py).
UNKEPT = Case(
    "one application by id, a different one each time",
    lambda c: _post(c, GQL_APPLICATIE, {"i": _graphql_ids()}),
    lambda s: s.read("applicatie", {"id": _raw_ids()}),
)


async def _load(url: str, headers: dict[str, str], clients: int, seconds: float) -> tuple[int, list[float]]:
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds

    async def client_loop(index: int) -> None:
        async with httpx.AsyncClient(base_url=url, timeout=60, headers=headers) as client:
            turn = index
            while time.perf_counter() < deadline:
                case = CASES[turn % len(CASES)]
                started = time.perf_counter()
                await case.graphql(client)
                latencies.append((time.perf_counter() - started) * 1000)
                turn += 1

    await asyncio.gather(*(client_loop(i) for i in range(clients)))
    return len(latencies), latencies


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def mint_token(env: dict[str, str], organisatie: str, rol: str) -> str:
    """A development token, minted by the CLI as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "graph_api.cli", "dev-token", "--organisatie", organisatie, "--rol", rol],
        env=env, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip


@contextlib.asynccontextmanager
async def served(env: dict[str, str]) -> AsyncIterator[str]:
    """`graph-api serve` in a child process, as deployed; yields its URL once it answers."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "graph_api.cli", "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=url, timeout=5) as client:
            for _ in range(200):
                try:
                    if (await client.get("/health")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


async def run(rounds: int, clients: int, seconds: float) -> str:
    data_dir = WORK / "api-scale-1"
    settings = replace(Settings(), data_dir=data_dir)
    await ensure_seeded(settings)
    # The rate limits off: the load below is 20 clients under one token, and what is measured is
    # what the API serves, not what one client is allowed (docs/operations.md, "Rate limits").
    env = {**os.environ, "GRAPH_API_DATA_DIR": str(data_dir), "GRAPH_API_RATE_LIMIT": "false"}
    # Requests carry a functioneel beheerder's token: it sees everything the raw queries read,
    # and every request pays for its token and visibility, as in production.
    token = mint_token(env, "vng-realisatie", "functioneel-beheerder")
    headers = {"accept": GRAPHQL_RESPONSE, "authorization": f"Bearer {token}"}
    async with served(env) as url:
        async with httpx.AsyncClient(base_url=url, timeout=60, headers=headers) as client:
            store = open_store(settings, BENCH_QUERIES)
            rows = []
            try:
                async with open_runtime(settings) as runtime:
                    direct, resolved = InProcess(runtime), InProcess(runtime, compiled=False)
                    floor_ms = await median_ms(lambda: _post(direct, "{ __typename }"), rounds)
                    for case in [*CASES, UNKEPT]:
                        # The reported columns apart: the server process works on after answering,
                        # and the resolvers leave garbage the next call would pay to collect.
                        http_ms = await median_ms(lambda case=case: case.graphql(client), rounds)
                        resolved_ms = await median_ms(lambda case=case: case.graphql(resolved), rounds)
                        medians = await interleaved_medians(
                            {
                                "graphql": lambda case=case: case.graphql(direct),
                                "raw": lambda case=case: case.raw(store),
                            },
                            rounds,
                        )
                        graphql_ms, raw_ms = medians["graphql"], medians["raw"]
                        rows.append((case.name, http_ms, graphql_ms, resolved_ms, raw_ms))
                        print(
                            f"{case.name}: HTTP {http_ms:.1f} ms, GraphQL {graphql_ms:.1f} ms "
                            f"(resolved {resolved_ms:.1f}), raw {raw_ms:.1f} ms"
                        )
            finally:
                await store.close()
        count, latencies = await _load(url, headers, clients, seconds)

    lines = [
        "| query | best raw query through the store (ms) | GraphQL in-process (ms) | ratio | target 1.5x "
        "| same, every field resolved (ms) | ratio | GraphQL over HTTP (ms) | ratio |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, http_ms, graphql_ms, resolved_ms, raw_ms in rows:
        ratio = graphql_ms / raw_ms
        verdict = "met" if ratio <= 1.5 else "MISSED"
        lines.append(
            f"| {name} | {raw_ms:.2f} | {graphql_ms:.2f} | {ratio:.2f} | {verdict} "
            f"| {resolved_ms:.1f} | {resolved_ms / raw_ms:.2f} | {http_ms:.1f} | {http_ms / raw_ms:.2f} |"
        )
    latencies.sort()
    quantile = statistics.quantiles(latencies, n=100)
    lines += [
        "",
        f"Throughput with {clients} concurrent clients sending the five queries in turn for {seconds:.0f} s "
        f"(one uvicorn process, the embedded engine, client and server on the same 2 cores): "
        f"{count / seconds:.1f} requests/s; latency p50 {quantile[49]:.0f} ms, p95 {quantile[94]:.0f} ms, "
        f"max {latencies[-1]:.0f} ms.",
        "",
        f"Medians of {rounds} rounds after 3 warm-up rounds, on the seeded scale-1 landscape (seed 1); "
        "each round sends a query through GraphQL in-process and runs its raw query, in turn, so the "
        "judged ratio compares the same moments (the reported columns are measured apart, before). "
        "The raw queries are in bench/cypher/. The judged column is GraphQL executed in-process "
        "(Strawberry's schema.execute with a functioneel beheerder's visibility): the root fields the "
        "compiler covers (graph_api/graphql/compiled) are answered by compiled reads that project only "
        'the selected fields. "Every field resolved" is the same request with compiled reads off '
        "(GRAPH_API_COMPILED_READS=false), the resolvers and DataLoaders of before. HTTP adds the "
        "request, the token and its Gebruiker lookup, and JSON; it is reported, not judged.",
        "",
        f"The floor of a GraphQL request through Strawberry in this process, `{{ __typename }}` "
        f"in-process: {floor_ms:.2f} ms (its extensions, the cached parse and validation, the request's "
        "context). A request answered by compiled reads before, sent again by an asker with the same "
        "visibility flags, is answered by its kept reads without it (graph_api/graphql/compiled/cache.py): "
        "with the same variables at once, with others after coercing them, checking the limits that "
        "read them (lengths, cost) and binding them to the kept statements; the five queries are "
        f"repeats after their first round. The last row asks for a different application every time "
        f"({UNKEPT.name!r}), as real clients do: its variables were never seen, so they are coerced, "
        "measured and bound, nothing is compiled and Strawberry does not run; its raw query reads the "
        "same applications.",
    ]
    return "\n".join(lines)


def main(rounds: int, clients: int, seconds: float) -> None:
    body = asyncio.run(run(rounds, clients, seconds))
    write_section(
        "Read API", f"python -m bench api --rounds {rounds} --clients {clients} --seconds {seconds:g}", body
    )
    print(body)
