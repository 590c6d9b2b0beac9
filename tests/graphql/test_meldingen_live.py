"""`subscription { meldingen }` over WebSocket (graphql-transport-ws), on each engine.

The delivery test serves two real API processes on a graph of its own: the subscribers are
connected to one, the writes go through the other, so a melding reaches a subscriber only
through the graph (graph_api/meldingen_live). What each subscriber must receive is read raw from
the graph after each write; one that must receive nothing of a write receives as its next
message the melding of a later write meant for it, which it could not if the other had been
sent to it first. The protocol's basics and refusals run in-process on the seeded graph.

Waits are generous (RECEIVE_S): the "within a second" is measured by bench/meldingen_live.py,
not asserted here, so that a loaded machine cannot fail the test.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect
from websockets.asyncio.client import ClientConnection, connect

from graph_api.errors import SubscriberTooSlow
from graph_api.meldingen_live import Abonnement
from graph_api.store import Store
from tests.backends import Backend
from tests.conftest import REPO
from tests.graphql.test_applicatie_mutaties import raw
from tests.graphql.test_gebruik_mutaties import _global, tokens

GEMEENTE = "GM0014"
PROTOCOL = "graphql-transport-ws"
RECEIVE_S = 30.0
SUBSCRIBE = (
    "subscription { meldingen { id soort tekst gelezen aangemaakt organisatie { id } onderwerp { id } } }"
)
REGISTREER_VERSIE = """mutation($input: RegistreerVersieInput!) {
  registreerVersie(input: $input) { versie { identificatie } } }"""
WIJZIG_VOORKEUREN = """mutation($input: WijzigMeldingvoorkeurenInput!) {
  wijzigMeldingvoorkeuren(input: $input) { voorkeuren { soort aan } } }"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def served(backend: Backend, count: int) -> Iterator[list[str]]:
    """`count` processes of `graph-api serve` on the backend's graph, started side by side;
    their addresses once each answers its health check."""
    env = {**os.environ, **backend.cli_env()}
    processes = {}
    for _ in range(count):
        port = _free_port()
        processes[f"http://127.0.0.1:{port}"] = subprocess.Popen(
            [sys.executable, "-m", "graph_api.cli", "serve", "--port", str(port)],
            env=env,
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
    deadline = time.monotonic() + 120
    try:
        for url, process in processes.items():
            while True:
                try:
                    if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    process.kill()
                    raise AssertionError(f"serve did not come up:\n{process.communicate()[0]}")
                time.sleep(0.1)
        yield list(processes)
    finally:
        for process in processes.values():
            process.send_signal(signal.SIGINT)
        for process in processes.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def post(url: str, token: str, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    response = httpx.post(
        f"{url}/graphql",
        json={"query": query, "variables": variables},
        headers={"authorization": f"Bearer {token}"},
        timeout=60,
    )
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


async def subscriber(url: str, token: str) -> ClientConnection:
    """A client connected, acknowledged and subscribed (operation id "1")."""
    ws = await connect(url.replace("http", "ws", 1) + "/graphql", subprotocols=[PROTOCOL])  # type: ignore[list-item]
    await ws.send(json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}}))
    assert json.loads(await asyncio.wait_for(ws.recv(), RECEIVE_S))["type"] == "connection_ack"
    await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIBE}}))
    # The subscription is registered once the server answers what was sent after it.
    await ws.send(json.dumps({"type": "ping"}))
    assert json.loads(await asyncio.wait_for(ws.recv(), RECEIVE_S)) == {"type": "pong"}
    return ws


async def received(ws: ClientConnection) -> dict[str, Any]:
    message = json.loads(await asyncio.wait_for(ws.recv(), RECEIVE_S))
    assert message["type"] == "next" and message["id"] == "1", message
    assert "errors" not in message["payload"], message
    return message["payload"]["data"]["meldingen"]


async def meldingen_van(store: Store, persoon: str, versie: str) -> list[dict[str, Any]]:
    """The meldingen of `persoon` about `versie`, raw from the graph."""
    rows = await raw(store, "meldingen_van", """
        MATCH (m:Melding {ontvanger: $p}) WHERE m.object = $v RETURN m {.*} AS m""",
        {"p": persoon, "v": versie})  # fmt: skip
    return [row["m"] for row in rows]


async def persoon(store: Store, organisatie: str, rol: str) -> str:
    [row] = await raw(store, "persoon", "MATCH (p:Gebruiker {subject: $s}) RETURN p.id AS id",
                      {"s": f"dev:{organisatie}:{rol}"})  # fmt: skip
    return row["id"]


def als_ontvangen(melding: dict[str, Any]) -> dict[str, Any]:
    """A Melding node as the subscription must deliver it."""
    return {
        "id": _global("Melding", melding["id"]),
        "soort": melding["soort"],
        "tekst": melding["tekst"],
        "gelezen": False,
        "aangemaakt": melding["aangemaakt"],
        "organisatie": {"id": _global("Gemeente", melding["organisatie"])},
        "onderwerp": {"id": _global("Versie", melding["object"])},
    }


async def test_a_subscriber_receives_its_own_meldingen_written_through_another_process(
    own_graph: Backend,
) -> None:
    store = own_graph.store
    [app] = await raw(store, "app", """
        MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie)<-[:VAN]-(g:Gebruik)<-[:GEBRUIKT]-(:Organisatie {id: $g})
        WHERE a.gemeldDoor IS NULL AND g.status <> 'UITGEFASEERD'
        WITH l, a ORDER BY l.id, a.id
        RETURN l.id AS leverancier, collect(a.id)[0] AS app LIMIT 1""", {"g": GEMEENTE})  # fmt: skip
    lev = app["leverancier"]
    minted = await tokens(
        own_graph,
        (lev, "AANBOD_BEHEERDER"),
        (GEMEENTE, "GEBRUIK_BEHEERDER"),
        (GEMEENTE, "GEBRUIK_RAADPLEGER"),
    )
    schrijver = minted[(lev, "AANBOD_BEHEERDER")]
    beheerder, raadpleger = minted[(GEMEENTE, "GEBRUIK_BEHEERDER")], minted[(GEMEENTE, "GEBRUIK_RAADPLEGER")]
    ids = {rol: await persoon(store, GEMEENTE, rol) for rol in ("GEBRUIK_BEHEERDER", "GEBRUIK_RAADPLEGER")}
    with served(own_graph, 2) as (luisterend, schrijvend):
        # The raadpleger hears of no new version for now: the first melding is the beheerder's alone.
        post(schrijvend, raadpleger, WIJZIG_VOORKEUREN, {"input": {"uit": ["NIEUWE_VERSIE"]}})
        ws_beheerder = await subscriber(luisterend, beheerder)
        ws_raadpleger = await subscriber(luisterend, raadpleger)
        try:
            eerste = post(
                schrijvend,
                schrijver,
                REGISTREER_VERSIE,
                {"input": {"applicatie": app["app"], "nummer": "77.0"}},
            )
            versie = eerste["registreerVersie"]["versie"]["identificatie"]
            [voor_beheerder] = await meldingen_van(store, ids["GEBRUIK_BEHEERDER"], versie)
            assert await meldingen_van(store, ids["GEBRUIK_RAADPLEGER"], versie) == []
            assert await received(ws_beheerder) == als_ontvangen(voor_beheerder)

            post(schrijvend, raadpleger, WIJZIG_VOORKEUREN, {"input": {"uit": []}})
            tweede = post(
                schrijvend,
                schrijver,
                REGISTREER_VERSIE,
                {"input": {"applicatie": app["app"], "nummer": "78.0"}},
            )
            versie = tweede["registreerVersie"]["versie"]["identificatie"]
            for rol, ws in (("GEBRUIK_RAADPLEGER", ws_raadpleger), ("GEBRUIK_BEHEERDER", ws_beheerder)):
                [melding] = await meldingen_van(store, ids[rol], versie)
                # The raadpleger's first message: the beheerder's melding of 77.0 never reached it.
                assert await received(ws) == als_ontvangen(melding)
        finally:
            await ws_beheerder.close()
            await ws_raadpleger.close()


def test_the_protocol_and_its_refusals(client: TestClient, token) -> None:
    # A token that is not valid: the connection is closed with 4403.
    with client.websocket_connect("/graphql", subprotocols=[PROTOCOL]) as ws:
        ws.send_json({"type": "connection_init", "payload": {"Authorization": "Bearer not.a.token"}})
        with pytest.raises(WebSocketDisconnect) as closed:
            ws.receive_json()
        assert closed.value.code == 4403

    # Only graphql-transport-ws is spoken: the older graphql-ws protocol is refused with 4406.
    with client.websocket_connect("/graphql", subprotocols=["graphql-ws"]) as ws:
        with pytest.raises(WebSocketDisconnect) as closed:
            ws.receive_json()
        assert closed.value.code == 4406

    # A bezoeker connects, but gets no subscription.
    with client.websocket_connect("/graphql", subprotocols=[PROTOCOL]) as ws:
        ws.send_json({"type": "connection_init", "payload": {}})
        assert ws.receive_json()["type"] == "connection_ack"
        ws.send_json({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIBE}})
        refused = ws.receive_json()
        assert refused["type"] == "error" and refused["id"] == "1"
        assert [e["extensions"]["code"] for e in refused["payload"]] == ["UNAUTHENTICATED"]

    # A person: ping and pong; subscribed, then completed by the client, the operation's id is
    # free again (a second subscribe under an id in use closes the connection with 4409).
    with client.websocket_connect("/graphql", subprotocols=[PROTOCOL]) as ws:
        ws.send_json({"type": "subscribe", "id": "0", "payload": {"query": SUBSCRIBE}})
        with pytest.raises(WebSocketDisconnect) as closed:
            ws.receive_json()
        assert closed.value.code == 4401  # subscribing before connection_init
    with client.websocket_connect("/graphql", subprotocols=[PROTOCOL]) as ws:
        ws.send_json(
            {
                "type": "connection_init",
                "payload": {"Authorization": f"Bearer {token(GEMEENTE, 'GEBRUIK_BEHEERDER')}"},
            }
        )
        assert ws.receive_json()["type"] == "connection_ack"
        ws.send_json({"type": "ping"})
        assert ws.receive_json() == {"type": "pong"}
        for _ in range(2):
            ws.send_json({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIBE}})
            ws.send_json({"id": "1", "type": "complete"})
            ws.send_json({"type": "ping"})
            assert ws.receive_json() == {"type": "pong"}
        # Queries and mutations are HTTP's.
        ws.send_json({"id": "3", "type": "subscribe", "payload": {"query": "{ ik { naam } }"}})
        refused = ws.receive_json()
        assert refused["type"] == "error" and refused["id"] == "3"
        assert [e["extensions"]["code"] for e in refused["payload"]] == ["METHOD_NOT_ALLOWED"]
        ws.send_json({"id": "2", "type": "subscribe", "payload": {"query": SUBSCRIBE}})
        ws.send_json({"id": "2", "type": "subscribe", "payload": {"query": SUBSCRIBE}})
        with pytest.raises(WebSocketDisconnect) as closed:
            ws.receive_json()
        assert closed.value.code == 4409


async def test_a_subscriber_that_falls_behind_is_ended_without_holding_up_others() -> None:
    """No engine: the subscriptions' queues as the listener fills them, one read, one not."""
    traag = Abonnement("p-1", "2026-01-01T00:00:00.000Z", limiet=3)
    vlot = Abonnement("p-1", "2026-01-01T00:00:00.000Z", limiet=3)
    meldingen = [{"id": f"mel-{n}"} for n in range(5)]
    bezorgd = []
    for melding in meldingen:
        assert vlot.bezorg(melding)
        bezorgd.append(await anext(vlot))
        if melding["id"] != "mel-3":
            assert traag.bezorg(melding)
        else:
            assert not traag.bezorg(melding)  # the fourth waiting: ended
            break
    assert bezorgd == meldingen[:4]
    with pytest.raises(SubscriberTooSlow):
        await anext(traag)
