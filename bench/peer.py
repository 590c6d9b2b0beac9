"""graph_api and its peer, @neo4j/graphql, side by side on the same Neo4j and the same data.

The peer is a small Node server (bench/peer/: Apollo Server, @neo4j/graphql 7 and type
definitions over graph_api's own labels, relationship types and properties). Both servers run
on one Neo4j seeded once by graph_api (scale 1, seed 1). The read queries of `bench api` are
sent to both over HTTP by the same client code: graph_api's as in bench/api.py, the peer's in
its own query shape for the same data. First each pair's answers are compared, normalised;
then per query: the median latency of one client (the two servers in turns, round by round),
requests per second with 20 concurrent clients, and the store round trips of one request
(`extensions.queryStats.storeCalls` from both: graph_api's count of store calls, the peer's
count of Cypher statements run, bench/peer/server.js).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import httpx
from strawberry import relay

from bench.api import (
    GQL_APPLICATIE,
    GQL_COMPONENT,
    GQL_LANDSCHAP,
    GQL_PAGINA,
    GQL_ZOEKEN,
    GRAPHQL_RESPONSE,
    ZAAKREGISTRATIE,
    Rotating,
    mint_token,
)
from bench.harness import ensure_seeded, interleaved_medians
from bench.results import write_section
from graph_api.settings import Neo4jSettings, Settings
from tests.neo4j.server import Neo4jServer

HERE = Path(__file__).parent
PEER = HERE / "peer"
WORK = HERE / "work" / "peer"
AMSTERDAM = "GM0363"
# graph_api's search for "zaak" asks Neo4j's index for each word as a prefix and as a term
# (cypher/zoeken/applicaties.neo4j.cypher): the peer's client sends that phrase itself.
ZOEKTERM = "zaak* OR zaak"

PEER_APPLICATIE = """query($i: ID!) { applicaties(where: {id: {eq: $i}}) {
  id naam beschrijving type licentietype licentie cloudModellen hostingLocatie jurisdictie status website } }"""
PEER_PAGINA = """{ applicaties(limit: 50, sort: [{sorteernaam: ASC}, {id: ASC}]) {
  id naam beschrijving type licentietype cloudModellen status leverancier { naam } referentiecomponenten { naam } } }"""
PEER_LANDSCHAP = """query($c: String!, $na: String) { gemeenten(where: {cbsCode: {eq: $c}}) {
  gebruikConnection(first: 500, after: $na, sort: [{node: {sorteernaam: ASC}}, {node: {id: ASC}}]) {
    pageInfo { hasNextPage endCursor }
    edges { node { id status startDatum hosting contractEinde
      applicatie { naam leverancier { naam } }
      referentiecomponenten { naam }
      uitgaandeKoppelingen { type richting naar { ... on Gebruik { id } ... on BuitengemeentelijkeVoorziening { naam } } }
  } } } } }"""
PEER_COMPONENT = """query($i: ID!) { referentiecomponenten(where: {id: {eq: $i}}) {
  applicaties(limit: 500, sort: [{aantalGebruik: DESC}, {id: DESC}]) { naam gebruikConnection { totalCount } } } }"""
PEER_ZOEKEN = """query($t: String!) {
  zoekApplicaties(phrase: $t, first: 20, sort: [{score: DESC}]) { totalCount edges { score node { id naam } } }
  zoekfacetten(zoekterm: $t) { referentiecomponenten { label aantal } hostingmodellen { waarde aantal }
                               licentietypen { waarde aantal } leveranciers { label aantal } } }"""


class Asker:
    """One server as the client sees it: posts a query, keeps each answer's store round trips
    and the time they took (`storeMs`)."""

    def __init__(self, client: httpx.AsyncClient):
        self.client = client
        self.store_calls = 0
        self.store_ms = 0.0

    async def post(self, query: str, variables: dict | None = None) -> dict:
        response = await self.client.post("/graphql", json={"query": query, "variables": variables or {}})
        body = response.json()
        if response.status_code != 200 or "errors" in body:
            raise SystemExit(f"GraphQL failed at {self.client.base_url}: {body}")
        # `{ __typename }` without a token reads nothing from graph_api's store and reports nothing.
        stats = body.get("extensions", {}).get("queryStats", {})
        self.store_calls += stats.get("storeCalls", 0)
        self.store_ms += stats.get("storeMs", 0.0)
        return body["data"]


def _keeping_store_ms(ask: Ask, asker: Asker, samples: list[float]) -> Callable[[], Awaitable[Any]]:
    """`ask`, keeping the store time each call reports."""

    async def call() -> Any:
        before = asker.store_ms
        found = await ask(asker)
        samples.append(asker.store_ms - before)
        return found

    return call


Ask = Callable[[Asker], Awaitable[Any]]


@dataclass
class Read:
    """One read of the benchmark set, asked of each server: each returns its answer normalised."""

    name: str
    graph_api: Ask
    peer: Ask


def _sorted_names(items: list[dict]) -> list[str]:
    return sorted(item["naam"] for item in items)


APPLICATIE_VELDEN = ("naam", "beschrijving", "type", "licentietype", "licentie", "cloudModellen",
                     "hostingLocatie", "jurisdictie", "status", "website")  # fmt: skip


async def _applicatie_api(asker: Asker, id_: str) -> dict:
    found = (await asker.post(GQL_APPLICATIE, {"i": id_}))["applicatie"]
    return {"id": found["identificatie"], **{k: found[k] for k in APPLICATIE_VELDEN}}


async def _applicatie_peer(asker: Asker, id_: str) -> dict:
    (found,) = (await asker.post(PEER_APPLICATIE, {"i": id_}))["applicaties"]
    return {"id": found["id"], **{k: found[k] for k in APPLICATIE_VELDEN}}


def _pagina_item(item: dict, leverancier: str) -> dict:
    velden = ("naam", "beschrijving", "type", "licentietype", "cloudModellen", "status")
    return {
        **{k: item[k] for k in velden},
        "leverancier": leverancier,
        "referentiecomponenten": _sorted_names(item["referentiecomponenten"]),
    }


async def _pagina_api(asker: Asker) -> list[dict]:
    nodes = (await asker.post(GQL_PAGINA))["applicaties"]["nodes"]
    return [_pagina_item(n, n["leverancier"]["naam"]) for n in nodes]


async def _pagina_peer(asker: Asker) -> list[dict]:
    nodes = (await asker.post(PEER_PAGINA))["applicaties"]
    return [_pagina_item(n, _one(n["leverancier"])["naam"]) for n in nodes]


def _one(items: list[dict]) -> dict:
    """The one node a relationship the model holds to one end leads to (@neo4j/graphql 7 reads
    every relationship as a list)."""
    (item,) = items
    return item


def _node_id(global_id: str) -> str:
    """The stored `id` in one of graph_api's Relay global ids (the peer answers it as it is)."""
    return relay.GlobalID.from_id(global_id).node_id


def _gebruik(node: dict, applicatie: dict, leverancier: dict, key: Callable[[str], str] = str) -> dict:
    def naar(end: dict) -> str:
        return key(end["id"]) if "id" in end else end["naam"]

    return {
        **{k: node[k] for k in ("status", "startDatum", "hosting", "contractEinde")},
        "applicatie": applicatie["naam"],
        "leverancier": leverancier["naam"],
        "referentiecomponenten": _sorted_names(node["referentiecomponenten"]),
        "koppelingen": sorted(
            (k["type"], k["richting"], naar(k["naar"] if isinstance(k["naar"], dict) else _one(k["naar"])))
            for k in node["uitgaandeKoppelingen"]
        ),
    }


async def _landschap_api(asker: Asker) -> list[tuple[str, dict]]:
    found, cursor = {}, None
    while True:
        page = (await asker.post(GQL_LANDSCHAP, {"c": AMSTERDAM, "na": cursor}))["gemeente"]["gebruik"]
        found |= {
            _node_id(n["id"]): _gebruik(n, n["applicatie"], n["applicatie"]["leverancier"], _node_id)
            for n in page["nodes"]
        }
        if not page["pageInfo"]["hasNextPage"]:
            return list(found.items())
        cursor = page["pageInfo"]["endCursor"]


async def _landschap_peer(asker: Asker) -> list[tuple[str, dict]]:
    found, cursor = {}, None
    while True:
        (gemeente,) = (await asker.post(PEER_LANDSCHAP, {"c": AMSTERDAM, "na": cursor}))["gemeenten"]
        page = gemeente["gebruikConnection"]
        for edge in page["edges"]:
            node = edge["node"]
            applicatie = _one(node["applicatie"])
            found[node["id"]] = _gebruik(node, applicatie, _one(applicatie["leverancier"]))
        if not page["pageInfo"]["hasNextPage"]:
            return list(found.items())
        cursor = page["pageInfo"]["endCursor"]


async def _component_api(asker: Asker) -> list[tuple[str, int]]:
    found = (await asker.post(GQL_COMPONENT, {"i": ZAAKREGISTRATIE}))["gemmaElement"]["applicaties"]["nodes"]
    return [(n["naam"], n["gebruik"]["totalCount"]) for n in found]


async def _component_peer(asker: Asker) -> list[tuple[str, int]]:
    (component,) = (await asker.post(PEER_COMPONENT, {"i": ZAAKREGISTRATIE}))["referentiecomponenten"]
    return [(a["naam"], a["gebruikConnection"]["totalCount"]) for a in component["applicaties"]]


def _zoekresultaat(count: int, edges: list[dict], facetten: dict) -> dict:
    return {
        "totalCount": count,
        # Equal scores may come in either order: the hits compare by score, then name.
        "treffers": sorted((-round(e["score"], 4), e["node"]["naam"]) for e in edges),
        "facetten": {
            facet: sorted((f.get("label") or f["waarde"], f["aantal"]) for f in values)
            for facet, values in facetten.items()
        },
    }


async def _zoeken_api(asker: Asker) -> dict:
    found = (await asker.post(GQL_ZOEKEN))["zoeken"]
    return _zoekresultaat(
        found["applicaties"]["totalCount"], found["applicaties"]["edges"], found["facetten"]
    )


async def _zoeken_peer(asker: Asker) -> dict:
    found = await asker.post(PEER_ZOEKEN, {"t": ZOEKTERM})
    hits = found["zoekApplicaties"]
    return _zoekresultaat(hits["totalCount"], hits["edges"], found["zoekfacetten"])


_api_ids, _peer_ids = Rotating(), Rotating()

READS = [
    Read(
        "one application by id",
        lambda a: _applicatie_api(a, "app-00001"),
        lambda a: _applicatie_peer(a, "app-00001"),
    ),
    Read("a page of 50 applications with leverancier and components", _pagina_api, _pagina_peer),
    Read(
        "Amsterdam's whole landscape with koppelingen (600 Gebruik, two pages)",
        _landschap_api,
        _landschap_peer,
    ),
    Read("a reference component's applications with usage counts", _component_api, _component_peer),
    Read("a search with facets", _zoeken_api, _zoeken_peer),
    Read(
        "one application by id, a different one each time",
        lambda a: _applicatie_api(a, _api_ids()),
        lambda a: _applicatie_peer(a, _peer_ids()),
    ),
]


def _difference(api: Any, peer: Any) -> str | None:
    """Where two normalised answers part, briefly; None when they are the same."""
    if api == peer:
        return None
    if isinstance(api, list) and isinstance(peer, list):
        if len(api) != len(peer):
            return f"{len(api)} items against {len(peer)}"
        for index, (a, p) in enumerate(zip(api, peer, strict=True)):
            if a != p:
                return f"item {index}: {a!r} against {p!r}"[:400]
    if isinstance(api, dict) and isinstance(peer, dict):
        for key in api.keys() | peer.keys():
            if api.get(key) != peer.get(key):
                return f"{key}: {_difference(api.get(key), peer.get(key))}"
    return f"{api!r} against {peer!r}"[:400]


async def _compare(read: Read, api: Asker, peer: Asker) -> str | None:
    if read.name.endswith("each time"):
        ids = [f"app-{i:05d}" for i in (1, 2, 500, 999)]
        pairs = [(await _applicatie_api(api, i), await _applicatie_peer(peer, i)) for i in ids]
        return next((d for a, p in pairs if (d := _difference(a, p))), None)
    return _difference(await read.graph_api(api), await read.peer(peer))


async def _statements(url: str) -> int:
    """Every statement graph_api's store has run, by its /metrics (loopback reads it without a
    token, and must not send the API's: that is refused as the wrong one)."""
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        text = (await client.get("/metrics")).text
    prefix = "graph_api_engine_statement_seconds_count"
    return round(sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines() if line.startswith(prefix)))


async def _store_calls(ask: Ask, asker: Asker) -> int:
    """The store round trips of one request, as its answers report them."""
    before = asker.store_calls
    await ask(asker)
    return asker.store_calls - before


async def _statements_of(ask: Ask, asker: Asker, url: str) -> int:
    """Every statement graph_api ran for one request: its token and Gebruiker included."""
    before = await _statements(url)
    await ask(asker)
    return await _statements(url) - before


async def _throughput(url: str, headers: dict[str, str], ask: Ask, clients: int, seconds: float) -> float:
    count = 0
    deadline = time.perf_counter() + seconds

    async def client_loop() -> None:
        nonlocal count
        async with httpx.AsyncClient(base_url=url, timeout=60, headers=headers) as client:
            asker = Asker(client)
            while time.perf_counter() < deadline:
                await ask(asker)
                count += 1

    started = time.perf_counter()
    await asyncio.gather(*(client_loop() for _ in range(clients)))
    return count / (time.perf_counter() - started)


@contextlib.asynccontextmanager
async def _process(
    command: list[str], env: dict[str, str], cwd: Path, url: str, log: Path
) -> AsyncIterator[None]:
    """A server in a child process, until it answers `{ __typename }` at url."""
    with log.open("wb") as output:
        process = subprocess.Popen(command, env=env, cwd=cwd, stdout=output, stderr=subprocess.STDOUT)
    try:
        async with httpx.AsyncClient(base_url=url, timeout=5) as client:
            for _ in range(600):
                if process.poll() is not None:
                    raise SystemExit(
                        f"{command[0]} ended at start:\n{log.read_text(errors='replace')[-3000:]}"
                    )
                with contextlib.suppress(httpx.TransportError):
                    response = await client.post("/graphql", json={"query": "{ __typename }"})
                    if response.status_code in (200, 401):
                        break
                await asyncio.sleep(0.1)
        yield
    finally:
        process.terminate()
        process.wait(timeout=30)


def _npm_ci() -> None:
    if not (PEER / "node_modules").is_dir():
        print("npm ci in bench/peer ...", flush=True)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=PEER, check=True)


@dataclass
class Measured:
    name: str
    difference: str | None
    api_ms: float
    peer_ms: float
    api_rps: float
    peer_rps: float
    api_calls: int
    api_statements: int
    peer_calls: int
    api_store_ms: float
    peer_store_ms: float


@dataclass
class Floors:
    """`{ __typename }`: what a request costs each server before it reads anything."""

    api_ms: float
    api_anonymous_ms: float
    peer_ms: float


TYPENAME = "{ __typename }"


async def _measure(
    neo4j_uri: str, rounds: int, clients: int, seconds: float, ports: tuple[int, int]
) -> tuple[list[Measured], Floors, tuple[float, float]]:
    settings = replace(Settings(), data_dir=WORK / "api", neo4j=Neo4jSettings(neo4j_uri))
    await ensure_seeded(settings)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GRAPH_API_", "NEO4J_"))}
    # The rate limits off: 20 clients under one token measure what the API serves.
    api_env = {**env, "GRAPH_API_DATA_DIR": str(settings.data_dir), "NEO4J_URI": neo4j_uri,
               "GRAPH_API_RATE_LIMIT": "false"}  # fmt: skip
    peer_env = {**env, "NEO4J_URI": neo4j_uri, "PORT": str(ports[1])}
    # graph_api as a functioneel beheerder, who sees everything: the peer has no roles.
    token = mint_token(api_env, "vng-realisatie", "functioneel-beheerder")
    api_url, peer_url = f"http://127.0.0.1:{ports[0]}", f"http://127.0.0.1:{ports[1]}"
    api_headers = {"accept": GRAPHQL_RESPONSE, "authorization": f"Bearer {token}"}
    peer_headers = {"accept": GRAPHQL_RESPONSE}
    api_command = [sys.executable, "-m", "graph_api.cli", "serve", "--port", str(ports[0]), "--workers", "1"]
    results = []
    async with (
        _process(api_command, api_env, HERE.parent, api_url, WORK / "graph_api.log"),
        _process(["node", "server.js"], peer_env, PEER, peer_url, WORK / "peer.log"),
        httpx.AsyncClient(base_url=api_url, timeout=60, headers=api_headers) as api_client,
        httpx.AsyncClient(base_url=api_url, timeout=60, headers={"accept": GRAPHQL_RESPONSE}) as anonymous,
        httpx.AsyncClient(base_url=peer_url, timeout=60, headers=peer_headers) as peer_client,
    ):
        api, peer = Asker(api_client), Asker(peer_client)
        load_before = os.getloadavg()[0]
        floors = await interleaved_medians(
            {
                "graph_api": lambda: api.post(TYPENAME),
                "anonymous": lambda: Asker(anonymous).post(TYPENAME),
                "peer": lambda: peer.post(TYPENAME),
            },
            rounds,
        )
        floor = Floors(floors["graph_api"], floors["anonymous"], floors["peer"])
        print(f"{{ __typename }}: {floor}", flush=True)
        for read in READS:
            difference = await _compare(read, api, peer)
            print(f"{read.name}: {'the same answers' if difference is None else 'DIFFERENT: ' + difference}")
            api_calls, peer_calls = (
                await _store_calls(read.graph_api, api),
                await _store_calls(read.peer, peer),
            )
            api_statements = await _statements_of(read.graph_api, api, api_url)
            api_store, peer_store = [], []
            medians = await interleaved_medians(
                {
                    "graph_api": _keeping_store_ms(read.graph_api, api, api_store),
                    "peer": _keeping_store_ms(read.peer, peer, peer_store),
                },
                rounds,
            )
            api_rps = await _throughput(api_url, api_headers, read.graph_api, clients, seconds)
            peer_rps = await _throughput(peer_url, peer_headers, read.peer, clients, seconds)
            measured = Measured(
                read.name, difference, medians["graph_api"], medians["peer"], api_rps, peer_rps,
                api_calls, api_statements, peer_calls,
                statistics.median(api_store), statistics.median(peer_store),
            )  # fmt: skip
            print(f"  {measured}", flush=True)
            results.append(measured)
    return results, floor, (load_before, os.getloadavg()[0])


def _versions() -> dict[str, str]:
    lock = json.loads((PEER / "package-lock.json").read_text())["packages"]
    node = subprocess.run(["node", "--version"], capture_output=True, text=True, check=True).stdout.strip()
    found = {
        name: lock[f"node_modules/{name}"]["version"]
        for name in ("@neo4j/graphql", "@apollo/server", "neo4j-driver")
    }
    return {**found, "node": node}


def run(rounds: int, clients: int, seconds: float, neo4j_uri: str | None, ports: tuple[int, int]) -> str:
    _npm_ci()
    WORK.mkdir(parents=True, exist_ok=True)
    server = None
    if neo4j_uri is None:
        shutil.rmtree(WORK / "neo4j", ignore_errors=True)
        server = Neo4jServer.start(WORK / "neo4j")
        neo4j_uri = server.routing_uri()
    try:
        results, floors, loads = asyncio.run(_measure(neo4j_uri, rounds, clients, seconds, ports))
    finally:
        if server is not None:
            server.stop()
    return _report(results, floors, loads, rounds, clients, seconds)


def _report(
    results: list[Measured],
    floors: Floors,
    loads: tuple[float, float],
    rounds: int,
    clients: int,
    seconds: float,
) -> str:
    versions = _versions()
    lines = [
        "| query | same answers | graph_api median (ms) | peer median (ms) | graph_api / peer "
        f"| graph_api req/s ({clients} clients) | peer req/s | graph_api / peer "
        "| store round trips, graph_api (all its statements) : peer | time in the store, graph_api : peer (ms) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for m in results:
        same = "yes" if m.difference is None else f"NO: {m.difference}"
        lines.append(
            f"| {m.name} | {same} | {m.api_ms:.1f} | {m.peer_ms:.1f} | {m.api_ms / m.peer_ms:.2f} "
            f"| {m.api_rps:.0f} | {m.peer_rps:.0f} | {m.api_rps / m.peer_rps:.2f} "
            f"| {m.api_calls} ({m.api_statements}) : {m.peer_calls} | {m.api_store_ms:.1f} : {m.peer_store_ms:.1f} |"
        )
    geo = statistics.geometric_mean([m.api_ms / m.peer_ms for m in results])
    geo_rps = statistics.geometric_mean([m.api_rps / m.peer_rps for m in results])
    slower = [m for m in results if m.api_ms > m.peer_ms]
    lines += [
        "",
        f"Geometric means of the ratios, graph_api / peer: latency {geo:.2f} (under 1: graph_api quicker), "
        f"throughput {geo_rps:.2f} (over 1: graph_api serves more). The floor of a request, "
        f"`{{ __typename }}`: graph_api {floors.api_ms:.1f} ms with the token "
        f"({floors.api_anonymous_ms:.1f} ms without), the peer {floors.peer_ms:.1f} ms.",
        "",
        _why(slower, floors),
        "",
        f"The peer: @neo4j/graphql {versions['@neo4j/graphql']} on Apollo Server {versions['@apollo/server']} "
        f"(standalone, Node {versions['node']}, one process), neo4j-driver {versions['neo4j-driver']}; "
        "bench/peer/schema.graphql models the catalogue's read types on graph_api's labels, relationship "
        "types and properties, with @cypher fields for what the graph does not hold as such (a "
        "case-insensitive name to sort by, an application's usage count to sort by, the search facets). "
        "graph_api: `graph-api serve` (one uvicorn process), compiled reads on, rate limits off, each "
        "request with a functioneel beheerder's bearer token (validated, its Gebruiker looked up): "
        "graph_api's role matrix has no counterpart in the peer, which answers anyone everything; "
        "matching it would take an @authorization rule per type over JWT claims, and the roles in "
        "the token. Both on one Neo4j 5.26 Community (the test suite's server, tests/neo4j/launcher) "
        "through the routing driver (`neo4j://`), seeded once by graph_api at scale 1 (seed 1). The "
        "queries are bench/api.py's for graph_api and their counterparts in bench/peer.py for the "
        "peer: the same data in the same order, checked equal after normalising (graph_api's global "
        "ids, relationships the peer reads as lists of one, equal search scores in either order) "
        f"before anything is timed. Latency: medians of {rounds} requests after 3 warm-up rounds, one "
        f"client, the two servers in turns. Throughput: {clients} concurrent clients (httpx, the same "
        f"code) sending the one query for {seconds:g} s, each server alone. Store round trips: per "
        "request, what each server reports in `extensions.queryStats.storeCalls` (graph_api: its store "
        "calls; the peer: the Cypher statements it ran, counted in bench/peer/server.js); in brackets "
        "every statement graph_api's store ran for the request by its /metrics, the token's included. "
        "Time in the store: the median `storeMs` the answers report (graph_api: its store calls, "
        "without the token's lookup; the peer: from sending each statement to its last record). "
        "Client, servers and Neo4j share the machine's 2 cores, with other sessions' work running: "
        f"the load average (1 min) was {loads[0]:.1f} when the measuring began and {loads[1]:.1f} "
        "when it ended.",
    ]
    return "\n".join(lines)


def _why(slower: list[Measured], floors: Floors) -> str:
    """Where graph_api is slower: why, and what would close it."""
    if not slower:
        return "graph_api is not slower than the peer on any of these reads."
    parts = [
        "Where graph_api is slower (the difference in latency, and its parts in the store and outside "
        "it, where the token's lookup is: "
        + "; ".join(
            f"{m.name}: {m.api_ms - m.peer_ms:+.1f} ms, store {m.api_store_ms - m.peer_store_ms:+.1f}, "
            f"rest {(m.api_ms - m.api_store_ms) - (m.peer_ms - m.peer_store_ms):+.1f}"
            for m in slower
        )
        + "), four causes, each with what would close it.",
        f"(1) The token: graph_api validates the bearer token and reads its Gebruiker and memberships "
        f"from Neo4j on every request (identiteit/per_subject: the statement in brackets above beyond "
        f"storeCalls), {floors.api_ms - floors.api_anonymous_ms:.1f} ms of the floor; the peer reads "
        "anyone's request without one. Keeping the identity per token subject in the process for a "
        "few seconds (dropped by the writes that change a membership, or a version the lookup checks) "
        "would take that round trip off nearly every request.",
        "(2) The search: graph_api asks Neo4j three times: the full-text matches as a list of up to "
        "5,000 ids and scores, then the page and the facets, each finding the matches again by "
        "`a.id IN $ids` (the facets in four UNION branches that filter them again each); the peer "
        "runs the index call inside its facet statement and aggregates there, so nothing goes back "
        "and forth. A Neo4j text of the search (`.neo4j.cypher`, as the full-text call already has) "
        "that keeps the index's nodes and returns count, page and facets in one statement would cut "
        "two round trips and the id list.",
        "(3) Reading the records: for one statement each (the page, a landscape page) graph_api's "
        "time in the store is longer than the peer's, in part because its Python driver decodes the "
        "records in pure Python (the Node driver in compiled JavaScript); the driver's Rust codec, "
        "the `neo4j-rust-ext` package of the driver's version, is a drop-in that decodes them "
        "quicker without a change to graph_api's code. Its statements also carry the visibility "
        "predicates of `$zicht`, which the peer's do not.",
        "(4) What graph_api does per request besides the store: Strawberry's execution, the cost "
        "estimate and limits, the visibility flags in every statement, the answer's extensions; "
        "a request never seen before is compiled afresh (the rotating lookup; issue 22 item 8), "
        "while a repeated one is answered by kept reads. Where the store times are equal and the "
        "latencies are not, that is the difference.",
        "Under 20 clients graph_api serves fewer requests than the peer even where one client sees "
        "them equal: both are one process, and graph_api's work per request (the token, decoding the "
        "records, execution) is Python's, done on one core; the token cache and the Rust codec above "
        "lower it, and `graph-api serve` on every core (issue 22 item 1) brings the second core in.",
    ]
    return " ".join(parts)


def main(rounds: int, clients: int, seconds: float, neo4j_uri: str | None, ports: tuple[int, int]) -> None:
    body = run(rounds, clients, seconds, neo4j_uri, ports)
    command = f"python -m bench peer --rounds {rounds} --clients {clients} --seconds {seconds:g}"
    if neo4j_uri is not None:
        command += " --neo4j-uri <a test server started apart and seeded by it>"
    write_section("Peer side by side", command, body)
    print(body)
