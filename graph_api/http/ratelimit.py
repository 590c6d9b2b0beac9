"""Per-client rate limits by estimated cost: a token bucket per client, in process memory.

A request is charged the cost the query limits estimate for it (graph_api/graphql/limits/cost.py:
the objects it can return or make the engine read), so a client may send many small lookups or a
few national analytics in the same time. A client is its token's subject when signed in, else its
address. With several workers each process keeps its own buckets (docs/operations.md, "Rate
limits"): a client spread over N workers may spend up to N times as much, until the buckets move
to a shared store.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable

from graph_api.errors import RateLimited


class RateLimits:
    """Token buckets: each earns `per_s` units a second up to `burst`; a request takes its cost."""

    def __init__(
        self,
        per_s: int,
        burst: int,
        *,
        max_clients: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.per_s = per_s
        self.burst = burst
        self.max_clients = max_clients
        self._clock = clock
        # client -> (units left, when counted); least recently seen first
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def take(self, client: str, cost: int) -> None:
        """Takes `cost` units from the client's bucket, or raises RateLimited saying when they
        will be there; a refused request takes nothing, so a client that waits gets through."""
        now = self._clock()
        left, counted = self._buckets.pop(client, (float(self.burst), now))
        left = min(float(self.burst), left + (now - counted) * self.per_s)
        cost = min(max(cost, 1), self.burst)
        if left >= cost:
            left -= cost
            refused = 0
        else:
            refused = max(1, math.ceil((cost - left) / self.per_s))
        self._buckets[client] = (left, now)
        # A client forgotten gets a full bucket when it comes back: only the least recently
        # seen are forgotten, and they have earned most of theirs back by then.
        while len(self._buckets) > self.max_clients:
            self._buckets.popitem(last=False)
        if refused:
            raise RateLimited(
                f"this client asked for more than its rate limit of {self.per_s} cost units a second "
                f"(this request costs about {cost}); try again in {refused} s",
                retry_after_s=refused,
            )


def client_key(subject: str | None, address: str | None) -> str:
    """Whose bucket a request draws on: the token's subject, else the client's address. Behind a
    reverse proxy the address is the proxy's unless uvicorn is told to trust its headers
    (`--forwarded-allow-ips`)."""
    if subject:
        return f"subject:{subject}"
    return f"address:{address or 'unknown'}"
