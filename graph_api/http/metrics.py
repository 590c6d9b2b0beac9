"""Prometheus metrics: GET /metrics, and what the API counts for it.

Every app has a registry of its own (tests make many apps in one process; a global registry
would refuse the second app's metrics). The metrics:

- `graph_api_graphql_request_seconds{operation,outcome}`: GraphQL requests by operation name
  (the name in the document; `anonymous` without one) and outcome (`ok`, or the first error's code).
- `graph_api_errors_total{code}`: every error code answered, field errors included.
- `graph_api_engine_statement_seconds{engine,kind}`: every statement the store ran (reads and
  writes, each attempt of a retried read), from the store's one choke point (store/base.py).
- `graph_api_rate_limited_total`: requests refused by the rate limits.
- `graph_api_cache_lookups_total{cache,result}`: hits and misses of the caches the API keeps.
- `graph_api_workers`: API processes alive (1 now; summed over live workers in multiprocess mode).
- `process_*`: the process's memory, CPU and open files (prometheus-client's own collector).

Several workers (`graph-api serve --workers N`, docs/operations.md "Metrics"): the parent sets
PROMETHEUS_MULTIPROC_DIR before they start, so prometheus-client keeps each worker's counters in
files there, and /metrics serves their sum through a MultiProcessCollector instead of this
registry. The caches' counts are copied into a counter of each worker when it is scraped and every
few seconds, and `process_*` is left out: it would describe whichever worker was scraped.
"""

from __future__ import annotations

import glob
import hmac
import ipaddress
import os
import re
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.process_collector import ProcessCollector
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from graph_api.settings import ObservabilitySettings

# GraphQL requests take from under a millisecond (a kept lookup) to seconds (national analytics).
_REQUEST_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
_STATEMENT_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0)
# Operation names come from clients: beyond this many, further names are counted as `other`, so a
# client sending a new name each time cannot grow the metrics without bound.
MAX_OPERATIONS = 200
_NAME = re.compile(r"[_A-Za-z][_0-9A-Za-z]{0,63}")


class Cache(Protocol):
    hits: int
    misses: int


# How often a worker copies its caches' counts where a scrape of another worker finds them.
CACHE_SYNC_S = 5.0


def multiprocess_dir() -> str | None:
    """Where the workers keep their counters, when there are several (set by `serve`)."""
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR") or None


class Metrics:
    def __init__(self, caches: Callable[[], Mapping[str, Cache]] = dict):
        self.registry = CollectorRegistry()
        self.directory = multiprocess_dir()
        self.requests = Histogram(
            "graph_api_graphql_request_seconds",
            "GraphQL requests over HTTP, by operation name and outcome (ok or the first error code)",
            ["operation", "outcome"],
            buckets=_REQUEST_BUCKETS,
            registry=self.registry,
        )
        self.errors = Counter(
            "graph_api_errors",
            "Error codes answered, field errors included",
            ["code"],
            registry=self.registry,
        )
        self.statements = Histogram(
            "graph_api_engine_statement_seconds",
            "Statements the store ran in the engine, by engine and kind (read or write)",
            ["engine", "kind"],
            buckets=_STATEMENT_BUCKETS,
            registry=self.registry,
        )
        self.rate_limited = Counter(
            "graph_api_rate_limited", "Requests refused by the per-client rate limits", registry=self.registry
        )
        self.workers = Gauge(
            "graph_api_workers",
            "API processes alive",
            multiprocess_mode="livesum",
            registry=self.registry,
        )
        # The caches keep plain counts (they stay free of prometheus); the counter gets what they
        # counted since the last copy.
        self.cache_lookups = Counter(
            "graph_api_cache_lookups",
            "Lookups of the API's caches, by cache and result",
            ["cache", "result"],
            registry=self.registry,
        )
        self._caches = caches
        self._copied: dict[tuple[str, str], int] = {}
        if self.directory is None:
            ProcessCollector(registry=self.registry)
        self._operations: set[str] = set()

    def started(self) -> None:
        self.workers.set(1)

    def stopped(self) -> None:
        self.workers.set(0)
        if self.directory is not None:
            multiprocess.mark_process_dead(os.getpid(), self.directory)

    def copy_cache_counts(self) -> None:
        for name, cache in self._caches().items():
            for result, count in (("hit", cache.hits), ("miss", cache.misses)):
                key = (name, result)
                # A cache made anew (a new issuer's keys) starts again from zero.
                new = count - self._copied.get(key, 0) if count >= self._copied.get(key, 0) else count
                if new:
                    self.cache_lookups.labels(name, result).inc(new)
                self._copied[key] = count

    def operation_label(self, name: str | None) -> str:
        if name is None:
            return "anonymous"
        if not _NAME.fullmatch(name):
            return "other"
        if name not in self._operations:
            if len(self._operations) >= MAX_OPERATIONS:
                return "other"
            self._operations.add(name)
        return name

    def request(self, operation: str | None, codes: list[str], seconds: float) -> None:
        """One GraphQL request answered: its operation, its error codes (none: ok), its time."""
        outcome = codes[0] if codes else "ok"
        self.requests.labels(self.operation_label(operation), outcome).observe(seconds)
        for code in codes:
            self.errors.labels(code).inc()

    def statement(self, engine: str, write: bool, seconds: float) -> None:
        """The store's observer (Store.observe): one statement run."""
        self.statements.labels(engine, "write" if write else "read").observe(seconds)

    def exposition(self) -> bytes:
        self.copy_cache_counts()
        if self.directory is None:
            return generate_latest(self.registry)
        _forget_dead_workers(self.directory)
        workers = CollectorRegistry()
        multiprocess.MultiProcessCollector(workers, self.directory)
        return generate_latest(workers)


def _forget_dead_workers(directory: str) -> None:
    """A worker killed (not stopped) left its `graph_api_workers` gauge behind; uvicorn's
    supervisor has started another in its place, so the dead one no longer counts."""
    for path in glob.glob(os.path.join(directory, "gauge_live*_*.db")):
        pid = int(path.rsplit("_", 1)[1].removesuffix(".db"))
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            multiprocess.mark_process_dead(pid, directory)
        except PermissionError:  # alive, another user's
            pass


def _refusal(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    body = {"errors": [{"message": message, "extensions": {"code": code}}]}
    return JSONResponse(body, status_code=status, headers=headers)


def route(metrics: Metrics, settings: ObservabilitySettings) -> Route:
    """GET /metrics, for a scraper from an allowed address (loopback by default) or with the token."""
    networks = settings.networks
    expected = f"Bearer {settings.metrics_token}".encode() if settings.metrics_token else None

    async def serve(request: Request) -> Response:
        authorization = request.headers.get("authorization")
        if authorization is not None:
            # A token shown is checked even from an allowed address: a wrong one is a mistake to see.
            if expected is None or not hmac.compare_digest(authorization.encode(), expected):
                return _refusal(
                    401,
                    "INVALID_TOKEN",
                    "the metrics token is not valid",
                    {"WWW-Authenticate": 'Bearer realm="metrics", error="invalid_token"'},
                )
        elif not _allowed(request.client.host if request.client else None, networks):
            return _refusal(
                403,
                "FORBIDDEN",
                "metrics are read from the addresses of GRAPH_API_METRICS_FROM "
                "or with GRAPH_API_METRICS_TOKEN",
            )
        return Response(metrics.exposition(), media_type=CONTENT_TYPE_LATEST)

    return Route("/metrics", serve, methods=["GET"])


def _allowed(host: str | None, networks: tuple[Any, ...]) -> bool:
    try:
        address = ipaddress.ip_address(host or "")
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return any(address in network for network in networks)
