"""Shared fixtures: one embedded engine per test session, seeded once at scale 1.

Tests reach graph_api through its public surfaces: the `graph-api` command (as a real
process), the store interface, and (from the read API on) HTTP GraphQL requests.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from graph_api.engine import EmbeddedEngine
from graph_api.runtime import embedded_engine
from graph_api.seed.loader import SeedReport, seed_graph
from graph_api.settings import Settings
from graph_api.store import QueryCatalog, Store, open_store
from tests.expected import Expected

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
CYPHER = REPO / "cypher"
SEED = 1


def engine_alive(pid: int) -> bool:
    """Whether an engine server runs as `pid` (a reaped or zombie process has no command line)."""
    try:
        return b"redis-server" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def run_cli(
    *args: str, env: dict[str, str] | None = None, timeout: float = 600
) -> subprocess.CompletedProcess:
    """Run `graph-api ARGS` as its own process, the way a user does."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("GRAPH_API_", "NEO4J_"))}
    full_env.update(env or {})
    full_env.setdefault("COLUMNS", "200")
    return subprocess.run(
        [sys.executable, "-m", "graph_api.cli", *args],
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO,
    )


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return replace(Settings(), data_dir=tmp_path_factory.mktemp("engine"))


@pytest.fixture(scope="session")
def engine(settings: Settings) -> Iterator[EmbeddedEngine]:
    engine = embedded_engine(settings)
    engine.start()
    yield engine
    engine.stop()


@pytest.fixture(scope="session")
def queries() -> QueryCatalog:
    return QueryCatalog.load(CYPHER)


@pytest.fixture(scope="session")
async def store(settings: Settings, engine: EmbeddedEngine, queries: QueryCatalog) -> AsyncIterator[Store]:
    store = open_store(settings, queries)
    yield store
    await store.close()


@pytest.fixture(scope="session")
async def seeded(store: Store, settings: Settings) -> SeedReport:
    """The scale-1 landscape of seed 1 in the session's graph; tests must not change it."""
    return await seed_graph(store, SEEDS, seed=SEED, scale=1)


@pytest.fixture(scope="session")
def expected() -> Expected:
    """The seeded landscape recomputed from the seed files and the generator's rows."""
    return Expected.load(SEEDS, seed=SEED)


@pytest.fixture
async def scratch_store(
    settings: Settings, engine: EmbeddedEngine, queries: QueryCatalog, request
) -> AsyncIterator[Store]:
    """A store on a graph of its own in the session's engine, removed afterwards."""
    name = "scratch_" + "".join(c if c.isalnum() else "_" for c in request.node.name)[:60]
    store = open_store(replace(settings, graph_name=name), queries)
    await store.drop_all()
    yield store
    await store.drop_all()
    await store.close()
