"""Live meldingen (issue 19, item 3): how long after a write its melding reaches a subscriber
connected to ANOTHER API process, on each engine, against the target of one second.

Per engine: a graph of its own with GEMMA, the market and GM0014's landscape (`graph-api seed
--gemeente GM0014`); two `graph-api serve` processes on it; three people of GM0014 subscribed
over WebSocket to the first (graphql-transport-ws); a leverancier's aanbod-beheerder registering
a new version of an application GM0014 uses through the second, round after round, with a
random pause between rounds so that the writes fall at every phase of the listener's poll.
Latency is measured from the write's answer (the melding exists from then on) to its arrival at
each subscriber, and also from the moment the write was sent. Clients, servers and engine share
the machine.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import httpx
from websockets.asyncio.client import ClientConnection, connect

from bench.api import BENCH_QUERIES
from bench.results import write_section
from bench.writes import _rows
from graph_api.runtime import open_runtime
from graph_api.settings import Neo4jSettings, Settings
from graph_api.store import open_store
from tests.neo4j.server import Neo4jServer

WORK = Path(__file__).parent / "work" / "meldingen-live"
GEMEENTE = "GM0014"
SUBSCRIBERS = ("GEBRUIK_BEHEERDER", "GEBRUIK_RAADPLEGER", "ORGANISATIE_BEHEERDER")
TARGET_S = 1.0
REGISTREER_VERSIE = """mutation($input: RegistreerVersieInput!) {
  registreerVersie(input: $input) { versie { identificatie } } }"""
SUBSCRIBE = "subscription { meldingen { id soort tekst aangemaakt } }"
ENGINES = {"falkordb": "embedded (FalkorDB)", "neo4j": "Neo4j 5.26 Community"}


def _env(settings: Settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GRAPH_API_", "NEO4J_"))}
    env |= {"GRAPH_API_DATA_DIR": str(settings.data_dir), "COLUMNS": "200"}
    if settings.neo4j is not None:
        env["NEO4J_URI"] = settings.neo4j.uri
    return env


def _cli(settings: Settings, *args: str) -> str:
    command = [sys.executable, "-m", "graph_api.cli", *args]
    result = subprocess.run(command, env=_env(settings), capture_output=True, text=True, check=False)
    if result.returncode:
        raise SystemExit(f"graph-api {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout.strip()


def _serve(settings: Settings) -> tuple[str, subprocess.Popen[str]]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "graph_api.cli", "serve", "--port", str(port), "--workers", "1"],
        env=_env(settings),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    return f"http://127.0.0.1:{port}", process


def _wait_up(url: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 180
    while True:
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"graph-api serve at {url} did not come up")
        time.sleep(0.2)


async def _application(settings: Settings) -> tuple[str, str]:
    """A leverancier and a published application of it that GM0014 uses."""
    async with open_runtime(settings):
        store = open_store(settings, BENCH_QUERIES)
        try:
            [row] = await _rows(store, """
                MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie)<-[:VAN]-(g:Gebruik)<-[:GEBRUIKT]-(:Organisatie {id: $g})
                WHERE a.gemeldDoor IS NULL AND l.gemeldDoor IS NULL AND g.status <> 'UITGEFASEERD'
                RETURN l.id AS leverancier, a.id AS applicatie ORDER BY l.id, a.id LIMIT 1""",
                {"g": GEMEENTE})  # fmt: skip
        finally:
            await store.close()
    return row["leverancier"], row["applicatie"]


async def _subscribe(url: str, token: str) -> ClientConnection:
    ws = await connect(url.replace("http", "ws", 1) + "/graphql", subprotocols=["graphql-transport-ws"])  # type: ignore[list-item]
    await ws.send(json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}}))
    assert json.loads(await ws.recv())["type"] == "connection_ack"
    await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIBE}}))
    await ws.send(json.dumps({"type": "ping"}))
    assert json.loads(await ws.recv())["type"] == "pong"
    return ws


async def _receive(ws: ClientConnection) -> float:
    message = json.loads(await asyncio.wait_for(ws.recv(), 30))
    assert message["type"] == "next" and "errors" not in message["payload"], message
    return time.perf_counter()


async def measure(settings: Settings, rounds: int) -> tuple[list[float], list[float]]:
    """Per melding received: seconds from the write's answer, and from sending the write."""
    leverancier, applicatie = await _application(settings)
    schrijver = _cli(settings, "dev-token", "--organisatie", leverancier, "--rol", "AANBOD_BEHEERDER")
    tokens = [_cli(settings, "dev-token", "--organisatie", GEMEENTE, "--rol", rol) for rol in SUBSCRIBERS]
    (luisterend, a), (schrijvend, b) = _serve(settings), _serve(settings)
    na_antwoord: list[float] = []
    na_versturen: list[float] = []
    try:
        _wait_up(luisterend, a)
        _wait_up(schrijvend, b)
        clients = [await _subscribe(luisterend, token) for token in tokens]
        async with httpx.AsyncClient(timeout=60) as http:
            for ronde in range(rounds + 2):
                await asyncio.sleep(random.uniform(0.05, 0.45))
                ontvangen = [asyncio.create_task(_receive(ws)) for ws in clients]
                verstuurd = time.perf_counter()
                answer = await http.post(
                    f"{schrijvend}/graphql",
                    json={"query": REGISTREER_VERSIE,
                          "variables": {"input": {"applicatie": applicatie, "nummer": f"live-{ronde}-{time.time():.0f}"}}},
                    headers={"authorization": f"Bearer {schrijver}"},
                )  # fmt: skip
                beantwoord = time.perf_counter()
                assert "errors" not in answer.json(), answer.json()
                aankomst = await asyncio.gather(*ontvangen)
                if ronde >= 2:  # two warm-up rounds
                    na_antwoord += [max(t - beantwoord, 0.0) for t in aankomst]
                    na_versturen += [t - verstuurd for t in aankomst]
        for ws in clients:
            await ws.close()
    finally:
        for process in (a, b):
            process.send_signal(signal.SIGINT)
        for process in (a, b):
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
    return na_antwoord, na_versturen


def _pct(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def run(rounds: int) -> str:
    shutil.rmtree(WORK, ignore_errors=True)
    figures = {}
    server = Neo4jServer.start(WORK / "neo4j")
    try:
        falkordb = replace(Settings(), data_dir=WORK / "falkordb")
        neo4j = replace(falkordb, data_dir=WORK / "neo4j-api", neo4j=Neo4jSettings(server.routing_uri()))
        for settings in (falkordb, neo4j):
            _cli(settings, "seed", "--gemeente", GEMEENTE)
            figures[settings.engine] = asyncio.run(measure(settings, rounds))
            print(f"{settings.engine}: measured", flush=True)
    finally:
        server.stop()
        shutil.rmtree(WORK, ignore_errors=True)
    lines = [
        f"{rounds} writes after 2 warm-up rounds, each received by {len(SUBSCRIBERS)} subscribers "
        f"({rounds * len(SUBSCRIBERS)} deliveries per engine): a new version registered through one API "
        "process, its melding delivered through another (bench/meldingen_live.py). Seconds:",
        "",
        "| engine | from the write's answer: p50 | p95 | max | from sending the write: p50 | p95 | max | "
        f"target {TARGET_S:g} s |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for engine, (na_antwoord, na_versturen) in figures.items():
        gehaald = "met" if _pct(na_antwoord, 0.95) <= TARGET_S else "MISSED"
        lines.append(
            f"| {ENGINES[engine]} | {statistics.median(na_antwoord):.3f} | {_pct(na_antwoord, 0.95):.3f} | "
            f"{max(na_antwoord):.3f} | {statistics.median(na_versturen):.3f} | {_pct(na_versturen, 0.95):.3f} | "
            f"{max(na_versturen):.3f} | {gehaald} (p95) |"
        )
    lines += [
        "",
        "The listener polls every 200 ms (graph_api/meldingen_live/luisteraar.py), so from the write's "
        "answer a melding waits on average half a poll, at most one, plus the poll's read and the "
        "send. From sending the write adds the mutation itself and its meldingen's derivation.",
    ]
    return "\n".join(lines)


def main(rounds: int) -> None:
    body = run(rounds)
    write_section("Live meldingen", f"python -m bench meldingen-live --rounds {rounds}", body)
    print(body)
