"""What operators see: the metrics endpoint and who may read it, and the form of the logs
(docs/operations.md, "Metrics" and "Logs")."""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass

from graph_api.errors import ConfigurationError
from graph_api.settings.env import switch

LOG_FORMATS = ("text", "json")
# Loopback only: a scraper on the same host (or a sidecar in the same pod) reads without a
# token; anything further away shows a token, so that the metrics never leak to the world by
# default (they name operations, error rates and the engine's load).
LOOPBACK = ("127.0.0.0/8", "::1/128")


@dataclass(frozen=True)
class ObservabilitySettings:
    metrics: bool = True  # GET /metrics served at all
    # A scraper sending `Authorization: Bearer <token>` may read from anywhere.
    metrics_token: str | None = None
    # Client addresses (networks) that may read without the token.
    metrics_from: tuple[str, ...] = LOOPBACK
    log_format: str = "text"

    def __post_init__(self) -> None:
        for network in self.metrics_from:
            try:
                ipaddress.ip_network(network, strict=False)
            except ValueError:
                raise ConfigurationError(
                    f"GRAPH_API_METRICS_FROM takes addresses or networks like 10.0.0.0/8, got {network!r}"
                ) from None
        if self.log_format not in LOG_FORMATS:
            raise ConfigurationError(f"GRAPH_API_LOG_FORMAT is text or json, got {self.log_format!r}")
        if self.metrics_token is not None and len(self.metrics_token) < 16:
            raise ConfigurationError("GRAPH_API_METRICS_TOKEN must be at least 16 characters long")

    @property
    def networks(self) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
        return tuple(ipaddress.ip_network(n, strict=False) for n in self.metrics_from)

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> ObservabilitySettings:
        raw_from = env.get("GRAPH_API_METRICS_FROM")
        metrics_from = (
            cls.metrics_from
            if raw_from is None
            else tuple(dict.fromkeys(part.strip() for part in raw_from.split(",") if part.strip()))
        )
        return cls(
            metrics=switch(env, "GRAPH_API_METRICS", cls.metrics),
            metrics_token=env.get("GRAPH_API_METRICS_TOKEN", "").strip() or None,
            metrics_from=metrics_from,
            log_format=env.get("GRAPH_API_LOG_FORMAT", "").strip().lower() or cls.log_format,
        )
