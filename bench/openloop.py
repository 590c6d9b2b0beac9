"""An open-loop client: requests sent at a fixed arrival rate, whatever the answers do.

A closed loop (N clients, each waiting for its answer before the next) slows down with the server
and hides how long requests would have waited; here arrivals follow a Poisson process at the rate
asked, each request is sent at its arrival time by a task of its own, and its latency runs from that
time (not from when a connection was free) to the end of its answer. How late the sender itself was
is reported beside it, so a saturated load generator shows as such.

A write whose outcome is unknown (no answer, or the engine away: 503) is sent again with its
idempotency key after the `Retry-After` the API asked for, as a careful client does: answered then,
it counts as acknowledged; the first attempt stays counted as the error it was.
"""

from __future__ import annotations

import asyncio
import math
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx

from bench.mix import Bronnen, Soort, Verzoek, kies

GRAPHQL_RESPONSE = "application/graphql-response+json"
TIMEOUT_S = 10.0
MAX_RETRIES = 10


@dataclass
class Uitkomst:
    """The answers to one request type."""

    ms: list[float] = field(default_factory=list)  # latency of every answer, errors included
    fouten: Counter[str] = field(default_factory=Counter)  # code (or HTTP status, transport error)


@dataclass
class Meting:
    rate: float
    seconds: float
    per_soort: dict[str, Uitkomst] = field(default_factory=dict)
    sent: int = 0
    late_ms: float = 0.0  # the sender's greatest delay behind the arrivals
    retry_after: list[str | None] = field(default_factory=list)  # the header of every 503
    took_s: float = 0.0  # from the first arrival to the last answer

    def alle(self) -> Uitkomst:
        total = Uitkomst()
        for u in self.per_soort.values():
            total.ms += u.ms
            total.fouten += u.fouten
        return total


def percentile(values: list[float], p: float) -> float:
    """The nearest-rank percentile: the value at or below which p% of the values lie."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered), max(1, math.ceil(p / 100 * len(ordered)))) - 1]


def error_code(response: httpx.Response) -> str | None:
    """None for a good answer, else its first error code (or its HTTP status)."""
    try:
        body = response.json()
    except ValueError:
        return f"HTTP {response.status_code}"
    errors = body.get("errors") if isinstance(body, dict) else None
    if errors:
        return str((errors[0].get("extensions") or {}).get("code", f"HTTP {response.status_code}"))
    if response.status_code != 200:
        return f"HTTP {response.status_code}"
    return None


class Sender:
    """Sends the requests of a mix to one API, recording each answer by request type."""

    def __init__(self, client: httpx.AsyncClient, bronnen: Bronnen, mix: tuple[Soort, ...], seed: int = 1):
        self.client = client
        self.bronnen = bronnen
        self.mix = mix
        self.random = random.Random(seed)
        self.retries = 0

    def _headers(self, verzoek: Verzoek) -> dict[str, str]:
        headers = {"accept": GRAPHQL_RESPONSE}
        if verzoek.token:
            headers["authorization"] = f"Bearer {verzoek.token}"
        else:  # an anonymous visitor, as a reverse proxy passes it on (uvicorn trusts loopback's)
            r = self.random
            headers["x-forwarded-for"] = f"10.{r.randrange(64)}.{r.randrange(256)}.{r.randrange(1, 255)}"
        return headers

    async def _post(
        self, verzoek: Verzoek, meting: Meting
    ) -> tuple[str | None, dict[str, Any] | None, float]:
        """(error code or None, data, seconds to wait before a retry, or 0 when the outcome is known)."""
        try:
            response = await self.client.post(
                "/graphql", json={"query": verzoek.query, "variables": verzoek.variables},
                headers=self._headers(verzoek), timeout=TIMEOUT_S,
            )  # fmt: skip
        except httpx.TimeoutException:
            return "TIMEOUT", None, 1.0
        except httpx.TransportError as error:
            return f"TRANSPORT {type(error).__name__}", None, 1.0
        code = error_code(response)
        if response.status_code == 503:
            meting.retry_after.append(response.headers.get("retry-after"))
        if code is None:
            return None, response.json()["data"], 0.0
        unknown = response.status_code in (502, 503, 504)
        wait = float(response.headers.get("retry-after", "1")) if unknown else 0.0
        return code, None, wait

    async def send(self, soort: Soort, verzoek: Verzoek, at: float, meting: Meting) -> None:
        code, data, wait = await self._post(verzoek, meting)
        uitkomst = meting.per_soort.setdefault(soort.naam, Uitkomst())
        uitkomst.ms.append((time.perf_counter() - at) * 1000)
        if code is not None:
            uitkomst.fouten[code] += 1
        tries = 0
        while code is not None and wait and verzoek.sleutel is not None and tries < MAX_RETRIES:
            tries += 1
            self.retries += 1
            await asyncio.sleep(wait)
            code, data, wait = await self._post(verzoek, meting)
        verzoek.na(data)

    async def run(self, rate: float, seconds: float) -> Meting:
        """Requests of the mix arriving at `rate` a second for `seconds`; returns when all are answered."""
        meting = Meting(rate, seconds)
        tasks: set[asyncio.Task[None]] = set()
        start = time.perf_counter()
        t = 0.0
        while True:
            t += self.random.expovariate(rate)
            if t >= seconds:
                break
            at = start + t
            delay = at - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            meting.late_ms = max(meting.late_ms, (time.perf_counter() - at) * 1000)
            soort, verzoek = kies(self.mix, self.bronnen, self.random)
            task = asyncio.create_task(self.send(soort, verzoek, at, meting))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
            meting.sent += 1
        if tasks:
            await asyncio.gather(*tasks)
        meting.took_s = time.perf_counter() - start
        return meting
