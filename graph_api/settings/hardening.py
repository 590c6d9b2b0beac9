"""Hardening settings: the limits and switches of the HTTP API (docs/operations.md, "Hardening")."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from graph_api.errors import ConfigurationError
from graph_api.settings.env import integer, switch


@dataclass(frozen=True)
class HardeningSettings:
    """What one request may ask and send, and what the API shows. Hashable: limits are cached per value."""

    max_depth: int = 10  # nesting of fields with selections (strawberry's QueryDepthLimiter)
    max_aliases: int = 30
    max_tokens: int = 2_000
    max_fields: int = 5_000  # fields of the query with every fragment spread written out
    max_cost: int = 100_000  # estimated objects returned or read (graph_api/graphql/limits/cost.py)
    list_size: int = 5  # what a list without a size argument is assumed to hold
    introspection: bool = True
    graphiql: bool = True
    verkenner: bool = True
    request_timeout_s: float = 30.0
    request_engine_ms: int = 30_000  # engine time all statements of one request may use together
    max_body_bytes: int = 1_048_576
    cors_origins: tuple[str, ...] = ()  # origins allowed to call from a browser; none: no CORS headers
    # Per-client rate limits by estimated cost (graph_api/http/ratelimit.py): a token bucket per
    # token subject, else per client address. On for the served API (GRAPH_API_RATE_LIMIT,
    # default on), off where settings are made in code (tests, benches) unless asked.
    rate_limit: bool = False
    # Units of estimated cost (graph_api/graphql/limits/cost.py, about 50 µs of engine time
    # each) a client earns per second: 20,000 is about one engine second per second.
    rate_per_s: int = 20_000
    # What a bucket holds when full: a client idle for a while may spend this at once. At least
    # max_cost, so that every query the cost limit lets through can pass when the bucket is full.
    rate_burst: int = 200_000

    def __post_init__(self) -> None:
        for name, variable in _HARDENING_ENV.items():
            if getattr(self, name) < 1:
                raise ConfigurationError(f"{variable} must be positive, got {getattr(self, name)}")
        if not self.request_timeout_s > 0:
            raise ConfigurationError(
                f"GRAPH_API_REQUEST_TIMEOUT_S must be positive, got {self.request_timeout_s}"
            )
        for origin in self.cors_origins:
            _check_origin(origin)
        if self.rate_limit and self.rate_burst < self.max_cost:
            raise ConfigurationError(
                f"GRAPH_API_RATE_BURST ({self.rate_burst}) must be at least GRAPH_API_MAX_COST "
                f"({self.max_cost}): a query the cost limit allows could never pass"
            )

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> HardeningSettings:
        numbers = {
            name: integer(env, variable, getattr(cls, name)) for name, variable in _HARDENING_ENV.items()
        }
        raw_timeout = env.get("GRAPH_API_REQUEST_TIMEOUT_S", "").strip()
        try:
            timeout = float(raw_timeout) if raw_timeout else cls.request_timeout_s
        except ValueError:
            raise ConfigurationError(
                f"GRAPH_API_REQUEST_TIMEOUT_S must be a number of seconds, got {raw_timeout!r}"
            ) from None
        origins = env.get("GRAPH_API_CORS_ORIGINS", "")
        return cls(
            **numbers,
            introspection=switch(env, "GRAPH_API_INTROSPECTION", cls.introspection),
            graphiql=switch(env, "GRAPH_API_GRAPHIQL", cls.graphiql),
            verkenner=switch(env, "GRAPH_API_VERKENNER", cls.verkenner),
            request_timeout_s=timeout,
            cors_origins=tuple(dict.fromkeys(o.strip() for o in origins.split(",") if o.strip())),
            rate_limit=switch(env, "GRAPH_API_RATE_LIMIT", True),
        )


_HARDENING_ENV = {
    "max_depth": "GRAPH_API_MAX_DEPTH",
    "max_aliases": "GRAPH_API_MAX_ALIASES",
    "max_tokens": "GRAPH_API_MAX_TOKENS",
    "max_fields": "GRAPH_API_MAX_FIELDS",
    "max_cost": "GRAPH_API_MAX_COST",
    "list_size": "GRAPH_API_COST_LIST_SIZE",
    "max_body_bytes": "GRAPH_API_MAX_BODY_BYTES",
    "request_engine_ms": "GRAPH_API_REQUEST_ENGINE_MS",
    "rate_per_s": "GRAPH_API_RATE_PER_S",
    "rate_burst": "GRAPH_API_RATE_BURST",
}


def _check_origin(origin: str) -> None:
    if origin == "*":
        # Requests carry bearer tokens: every site a user visits could call the API with them.
        raise ConfigurationError("GRAPH_API_CORS_ORIGINS must name origins; '*' (any site) is refused")
    url = urlsplit(origin)
    if url.scheme not in ("https", "http") or not url.hostname or url.path or url.query or url.fragment:
        raise ConfigurationError(
            f"GRAPH_API_CORS_ORIGINS takes origins like https://app.example.nl (scheme, host, port; "
            f"no path), got {origin!r}"
        )
