"""FalkorDB through its native protocol and the `falkordb` asyncio client.

Never through Bolt: FalkorDB's Bolt listener crashes on date values and pastes string
parameters into the query text (see docs/architecture.md).

The primary is the embedded engine's socket, or a FalkorDB server of its own
(`GRAPH_API_FALKORDB_URL`). Read replicas (`GRAPH_API_READ_REPLICAS`, servers that follow the
primary with REPLICAOF) take the reads in turn, as `GRAPH.RO_QUERY`; writes, and the reads of a
`Unit` that has written, go to the primary. Each replica's replication state is checked at
most once a second; one that is down, not linked to the primary, or still behind the offset
the primary had at the previous check is skipped, with a log line when that changes.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import redis.asyncio as aioredis
from falkordb import Edge, Node
from falkordb import Path as GraphPath
from falkordb.asyncio import FalkorDB
from redis import exceptions as redis_errors
from redis.backoff import NoBackoff
from redis.retry import Retry

from graph_api.engine.embedded import EngineError, compact_log
from graph_api.model import GraphModel, ddl
from graph_api.store.base import Params, Row, Store, Unit
from graph_api.store.errors import (
    ConstraintViolation,
    EngineUnavailable,
    QueryFailed,
    QueryTimeout,
    RawGraphValue,
    SchemaInstallFailed,
    StoreError,
)
from graph_api.store.queries import QueryCatalog

log = logging.getLogger(__name__)

# How often a replica's replication state is read again; a replica still behind the offset the
# primary had one check earlier is lagging.
REPLICA_CHECK_S = 1.0


def server_url(server: Path | str) -> str:
    """A FalkorDB server's address: a unix socket's path, or a redis:// or unix:// URL."""
    return f"unix://{Path(server).absolute()}" if isinstance(server, Path) else server


def _pool(url: str, *, max_connections: int, timeout_s: float) -> aioredis.BlockingConnectionPool:
    return aioredis.BlockingConnectionPool.from_url(
        url,
        max_connections=max_connections,
        timeout=timeout_s,
        # The server enforces query timeouts; the socket only guards against a hung server.
        socket_timeout=timeout_s + 10,
        socket_connect_timeout=2,
        # Never resend on a lost connection: a write may already have happened.
        # Reads are retried by Store.read, which knows which calls are safe to repeat.
        retry=Retry(NoBackoff(), 0),
        decode_responses=True,
    )


@dataclass
class _Replica:
    url: str
    pool: aioredis.BlockingConnectionPool
    graph: Any
    state: str = "unchecked"  # in use, down, lagging
    checked: float = -REPLICA_CHECK_S
    primary_offset: int | None = None  # the primary's offset at the previous check


class FalkorStore(Store):
    engine = "falkordb"

    def __init__(
        self,
        queries: QueryCatalog,
        primary: Path | str,  # the embedded engine's socket, or a server's URL
        graph_name: str,
        *,
        read_timeout_ms: int,
        write_timeout_ms: int,
        replicas: tuple[str, ...] = (),
        max_connections: int = 32,
    ):
        super().__init__(queries, read_timeout_ms=read_timeout_ms, write_timeout_ms=write_timeout_ms)
        self.url = server_url(primary)
        self.embedded = isinstance(primary, Path)
        self.socket_path = Path(primary) if self.embedded else None
        self.graph_name = graph_name
        timeout_s = max(read_timeout_ms, write_timeout_ms) / 1000
        self._pool = _pool(self.url, max_connections=max_connections, timeout_s=timeout_s)
        try:
            # The client asks the server whether it is a cluster as it is made.
            self._db = FalkorDB(connection_pool=self._pool)
        except (redis_errors.ConnectionError, redis_errors.TimeoutError, OSError) as exc:
            raise EngineUnavailable(f"{self._where} does not answer ({exc})") from None
        self._graph = self._db.select_graph(graph_name)
        self._replicas: list[_Replica] = []
        for url in replicas:
            pool = _pool(url, max_connections=max_connections, timeout_s=timeout_s)
            graph = FalkorDB(connection_pool=pool).select_graph(graph_name)
            self._replicas.append(_Replica(url, pool, graph))
        self._turn = itertools.cycle(range(len(self._replicas))) if self._replicas else None

    @property
    def _where(self) -> str:
        if self.embedded:
            return f"the embedded engine on {self.socket_path}"
        return f"FalkorDB at {_safe(self.url)}"

    async def _run(
        self, name: str, text: str, params: Params, *, write: bool, timeout_ms: int, unit: Unit | None
    ) -> list[Row]:
        replica = None if write or (unit is not None and unit.wrote) else await self._replica()
        if replica is not None:
            try:
                result = await replica.graph.ro_query(text, dict(params), timeout=timeout_ms)
            except (redis_errors.ConnectionError, redis_errors.TimeoutError, OSError) as exc:
                self._mark(replica, "down", f"{type(exc).__name__}: {exc}")
                result = None
            except redis_errors.ResponseError as exc:
                if "empty key" not in str(exc) and "LOADING" not in str(exc):
                    raise self._translate(name, exc) from exc
                result = None  # the graph is not there (yet): the primary knows
            if result is not None:
                return _rows(name, result)
        run = self._graph.query if write else self._graph.ro_query
        try:
            try:
                result = await run(text, dict(params), timeout=timeout_ms)
            except redis_errors.ResponseError as exc:
                if write or "empty key" not in str(exc):
                    raise
                # RO_QUERY refuses a graph that does not exist yet; QUERY creates it empty.
                result = await self._graph.query(text, dict(params), timeout=timeout_ms)
        except Exception as exc:
            raise self._translate(name, exc) from exc
        return _rows(name, result)

    # -- read replicas ----------------------------------------------------------------------

    async def _replica(self) -> _Replica | None:
        """The next replica in turn that is in use; None: the primary reads."""
        if self._turn is None:
            return None
        for _ in range(len(self._replicas)):
            replica = self._replicas[next(self._turn)]
            if time.monotonic() - replica.checked >= REPLICA_CHECK_S:
                await self._check(replica)
            if replica.state == "in use":
                return replica
        return None

    async def _check(self, replica: _Replica) -> None:
        replica.checked = time.monotonic()
        try:
            primary = int((await self._db.connection.info("replication"))["master_repl_offset"])
        except Exception:
            return  # the primary's own failures surface on the primary's reads
        try:
            info = await FalkorDB(connection_pool=replica.pool).connection.info("replication")
        except Exception as exc:
            self._mark(replica, "down", f"{type(exc).__name__}: {exc}")
            return
        previous, replica.primary_offset = replica.primary_offset, primary
        offset = int(info.get("slave_repl_offset", -1))
        if info.get("role") != "slave":
            self._mark(replica, "down", f"it is a {info.get('role')}, not a replica")
        elif info.get("master_link_status") != "up" or info.get("master_sync_in_progress"):
            self._mark(replica, "lagging", f"its link to the primary is {info.get('master_link_status')}")
        elif previous is not None and offset < previous:
            self._mark(replica, "lagging", f"at offset {offset}, the primary was at {previous} a check ago")
        else:
            self._mark(replica, "in use", f"at offset {offset} of {primary}")

    def _mark(self, replica: _Replica, state: str, detail: str) -> None:
        if state != replica.state:
            if state == "in use":
                log.info("read replica %s in use (%s)", _safe(replica.url), detail)
            else:
                log.warning(
                    "read replica %s skipped: %s (%s); reads go elsewhere", _safe(replica.url), state, detail
                )
        replica.state = state
        if state == "down":
            replica.checked = time.monotonic()

    def _translate(self, name: str, exc: Exception) -> StoreError:
        if isinstance(exc, (redis_errors.ConnectionError, redis_errors.TimeoutError, OSError)):
            return EngineUnavailable(f"{self._where} does not answer ({exc})")
        message = str(exc)
        if "timed out" in message.lower():
            return QueryTimeout(f"query {name} was stopped after its time limit")
        if "constraint violation" in message.lower():
            return ConstraintViolation(f"query {name}: {message}")
        if isinstance(exc, redis_errors.ResponseError):
            return QueryFailed(f"query {name} failed on FalkorDB: {message}")
        if isinstance(exc, StoreError):
            return exc
        return QueryFailed(f"query {name} failed on FalkorDB: {exc!r}")

    async def _ping(self) -> None:
        try:
            await self._db.connection.execute_command("GRAPH.LIST")
        except Exception as exc:
            raise self._translate("ping", exc) from exc

    async def install_schema(self, model: GraphModel) -> list[str]:
        existing = await self._existing_rules()
        run = []
        for rule in ddl.falkordb_rules(model):
            if rule in existing:
                continue
            statement = rule.statement()
            try:
                if rule.kind == "unique":
                    await self._db.connection.execute_command(
                        "GRAPH.CONSTRAINT", "CREATE", self.graph_name, "UNIQUE", rule.entity,
                        rule.label, "PROPERTIES", len(rule.properties), *rule.properties,
                    )  # fmt: skip
                else:
                    await self._graph.query(statement, timeout=self.write_timeout_ms)
            except Exception as exc:
                raise self._translate("install_schema", exc) from exc
            run.append(statement)
        await self._await_schema()
        return run

    async def _existing_rules(self) -> set[ddl.Rule]:
        try:
            indexes = await self._graph.query("CALL db.indexes()", timeout=self.read_timeout_ms)
            constraints = await self._graph.list_constraints()
        except Exception as exc:
            raise self._translate("install_schema", exc) from exc
        rules: set[ddl.Rule] = set()
        for label, properties, types, *_, entity, _status, _info in indexes.result_set:
            fulltext = tuple(p for p in properties if "FULLTEXT" in types[p])
            if fulltext:
                rules.add(ddl.Rule("fulltext", entity, label, fulltext))
            rules.update(ddl.Rule("range", entity, label, (p,)) for p in properties if "RANGE" in types[p])
        rules.update(
            ddl.Rule("unique", c["entitytype"], c["label"], tuple(c["properties"]))
            for c in constraints
            if c["type"] == "UNIQUE"
        )
        return rules

    async def _await_schema(self, wait_s: float = 120.0) -> None:
        """FalkorDB builds constraints and indexes in the background; a violating graph fails a
        constraint, and an index still being built finds too little (a search right after a
        seed found nothing)."""
        deadline = time.monotonic() + wait_s
        while True:
            try:
                constraints = await self._graph.list_constraints()
                indexes = await self._graph.query(
                    "CALL db.indexes() YIELD status", timeout=self.read_timeout_ms
                )
            except Exception as exc:
                raise self._translate("install_schema", exc) from exc
            failed = [c for c in constraints if c["status"] == "FAILED"]
            if failed:
                names = ", ".join(f"{c['label']}.{'/'.join(c['properties'])}" for c in failed)
                raise SchemaInstallFailed(f"unique constraints failed on existing data: {names}")
            statuses = [c["status"] for c in constraints] + [row[0] for row in indexes.result_set]
            if all(status == "OPERATIONAL" for status in statuses):
                return
            if time.monotonic() > deadline:
                raise SchemaInstallFailed("constraints or indexes still being built after two minutes")
            await asyncio.sleep(0.1)

    @contextlib.asynccontextmanager
    async def bulk_load(self) -> AsyncIterator[None]:
        """No log rewrites while loading (each one copies the whole graph); one at the end."""
        connection = self._db.connection
        setting = "auto-aof-rewrite-percentage"
        try:
            previous = (await connection.config_get(setting))[setting]
            await connection.config_set(setting, 0)
        except Exception as exc:
            raise self._translate("bulk_load", exc) from exc
        try:
            yield
        finally:
            try:
                await connection.config_set(setting, previous)
                await asyncio.to_thread(compact_log, self.socket_path or self.url)
            except EngineError as exc:
                raise EngineUnavailable(str(exc)) from exc
            except Exception as exc:
                raise self._translate("bulk_load", exc) from exc

    supports_bulk_insert = True

    async def bulk_insert(self, nodes: list[tuple[str, Path]], edges: list[tuple[str, Path]]) -> None:
        """FalkorDB's bulk loader (GRAPH.BULK) in a child process: it configures logging and
        signal handlers of its own. The graph must not exist yet."""
        # At scale 10 the loader's client timed out sending a chunk while the engine was still
        # building the previous one: it gets the write timeout.
        separator = "&" if "?" in self.url else "?"
        server = f"{self.url}{separator}socket_timeout={self.write_timeout_ms / 1000}"
        command = [
            sys.executable, "-c", "from falkordb_bulk_loader.bulk_insert import bulk_insert; bulk_insert()",
            self.graph_name, "--server-url", server, "--enforce-schema",
        ]  # fmt: skip
        for labels, path in nodes:
            command += ["--nodes-with-label", labels, str(path)]
        for type_, path in edges:
            command += ["--relations-with-type", type_, str(path)]
        process = await asyncio.create_subprocess_exec(
            *command, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
        )
        output, _ = await process.communicate()
        if process.returncode:
            tail = output.decode(errors="replace")[-2000:]
            raise StoreError(f"the bulk loader failed (exit {process.returncode}):\n{tail}")

    async def drop_all(self) -> None:
        try:
            if self.graph_name in await self._db.list_graphs():
                await self._graph.delete()
        except Exception as exc:
            raise self._translate("drop_all", exc) from exc

    async def memory_bytes(self) -> int:
        """Resident memory of the engine process, for the benchmark reports."""
        info = await self._db.connection.info("memory")
        return int(info["used_memory_rss"])

    async def close(self) -> None:
        await self._pool.disconnect()
        for replica in self._replicas:
            await replica.pool.disconnect()


def _rows(name: str, result: Any) -> list[Row]:
    columns = [column[1] for column in result.header]
    return [
        {column: _plain(name, value) for column, value in zip(columns, row, strict=True)}
        for row in result.result_set
    ]


def _safe(url: str) -> str:
    """An address for log lines and errors, without its password."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    return url.replace(f":{parts.password}@", ":***@", 1)


def _plain(query: str, value: Any) -> Any:
    """Refuse graph objects in a column; maps and lists come back as the client parsed them.

    Walking every nested value to copy it costs more than the engine's own work on large
    results; tests/store checks that no query nests graph objects inside its maps.
    """
    if isinstance(value, (Node, Edge, GraphPath)):
        raise RawGraphValue(f"query {query} returned a {type(value).__name__}; return a map projection")
    return value
