"""Bad input at volume: what a careless or hostile client sends, open loop beside the mix.

Oversized bodies, documents nested too deep or aliased too often, bodies that are not UTF-8,
variables of almost a megabyte, and slow clients that send their headers and a few bytes of the
body and then wait. Each is refused before it reaches the engine (docs/operations.md,
"Hardening"); what is measured is how quickly, and what it costs everyone else.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from bench.openloop import GRAPHQL_RESPONSE, error_code

DEEP = (
    '{ gemeente(cbsCode: "GM0363") { gebruik(first: 1) { nodes { '
    + "uitgaandeKoppelingen { van { " * 12
    + "id"
    + " } }" * 12
    + " } } } }"
)
ALIASED = (
    "{ " + " ".join(f'a{i}: applicatie(identificatie: "app-{i:05d}") {{ naam }}' for i in range(40)) + " }"
)
ZOEK = "query($t: String!) { zoeken(tekst: $t) { applicaties(first: 5) { totalCount } } }"


@dataclass(frozen=True)
class Slecht:
    naam: str
    body: Callable[[], bytes]


KINDS = (
    Slecht("a body of 2 MiB", lambda: b'{"query": "{ __typename }", "x": "' + b"x" * (2 << 20) + b'"}'),
    Slecht("a document nested too deep", lambda: httpx.Request("POST", "/", json={"query": DEEP}).content),
    Slecht("40 aliases", lambda: httpx.Request("POST", "/", json={"query": ALIASED}).content),
    Slecht("a body that is not UTF-8", lambda: b'{"query": "{ applicatie(identificatie: \\"\xff\xfe\xfd\\") { naam } }"}'),
    Slecht("variables of 900 kB", lambda: httpx.Request("POST", "/", json={"query": ZOEK, "variables": {"t": "zaak " * 180_000}}).content),
)  # fmt: skip
TRICKLE = "a slow client trickling its body"


@dataclass
class Refusals:
    ms: dict[str, list[float]] = field(default_factory=dict)
    codes: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, naam: str, ms: float, code: str) -> None:
        self.ms.setdefault(naam, []).append(ms)
        self.codes.setdefault(naam, Counter())[code] += 1


async def _trickle(url: str, hold_s: float, refusals: Refusals) -> None:
    """Headers and five bytes of a body of 100, then nothing: the server has to cut it off."""
    parts = urlsplit(url)
    started = time.perf_counter()
    reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
    try:
        writer.write(
            b"POST /graphql HTTP/1.1\r\nHost: api\r\nContent-Type: application/json\r\n"
            b'Accept: application/json\r\nContent-Length: 100\r\nConnection: close\r\n\r\n{"qu'
        )
        await writer.drain()
        answer = await asyncio.wait_for(reader.read(), hold_s)
        status = answer.split(b" ", 2)[1].decode() if answer.startswith(b"HTTP/1.1") else "none"
        code = "BODY_TOO_SLOW" if b"BODY_TOO_SLOW" in answer else f"HTTP {status}"
    except TimeoutError:
        code = "still open"
    finally:
        writer.close()
    refusals.add(TRICKLE, (time.perf_counter() - started) * 1000, code)


async def send(
    client: httpx.AsyncClient, url: str, rate: float, seconds: float, trickle_s: float
) -> Refusals:
    """Bad requests of every kind in turn at `rate` a second for `seconds`; one in ten a slow client."""
    refusals = Refusals()
    r = random.Random(5)
    tasks: set[asyncio.Task[None]] = set()
    bodies = {k.naam: k.body() for k in KINDS}

    async def one(kind: Slecht) -> None:
        started = time.perf_counter()
        try:
            response = await client.post(
                "/graphql", content=bodies[kind.naam], timeout=60,
                headers={"content-type": "application/json", "accept": GRAPHQL_RESPONSE,
                         "x-forwarded-for": f"192.168.{r.randrange(256)}.{r.randrange(1, 255)}"},
            )  # fmt: skip
            code = error_code(response) or "accepted"
        except httpx.TransportError as error:
            code = f"TRANSPORT {type(error).__name__}"
        refusals.add(kind.naam, (time.perf_counter() - started) * 1000, code)

    start = time.perf_counter()
    t, n = 0.0, 0
    while True:
        t += r.expovariate(rate)
        if t >= seconds:
            break
        delay = start + t - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        n += 1
        coroutine = _trickle(url, trickle_s, refusals) if n % 10 == 0 else one(KINDS[n % len(KINDS)])
        task = asyncio.create_task(coroutine)
        tasks.add(task)
        task.add_done_callback(tasks.discard)
    if tasks:
        await asyncio.gather(*tasks)
    return refusals
