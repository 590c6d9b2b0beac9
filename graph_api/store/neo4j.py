"""Neo4j 5 through the official async driver, for real deployments (`NEO4J_URI`).

With a routing address (`neo4j://`) the driver spreads a cluster's work: reads run as read
transactions, which it sends to the secondaries, and writes go to the leader. A `Unit` keeps
the bookmarks of its writes (a bookmark manager of its own) and passes them to its later
sessions, so its reads wait for a member that has its writes.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

import neo4j
from neo4j import AsyncGraphDatabase
from neo4j import exceptions as neo4j_errors
from neo4j.graph import Node, Path, Relationship

from graph_api.model import GraphModel, ddl
from graph_api.settings import Neo4jSettings
from graph_api.store.base import Params, Row, Store, Unit
from graph_api.store.errors import (
    ConstraintViolation,
    EngineUnavailable,
    QueryFailed,
    QueryTimeout,
    RawGraphValue,
    StoreError,
)
from graph_api.store.queries import QueryCatalog


class Neo4jStore(Store):
    engine = "neo4j"
    # The driver's managed read transactions already retry transient failures.
    read_attempts = 1

    def __init__(
        self,
        queries: QueryCatalog,
        settings: Neo4jSettings,
        *,
        read_timeout_ms: int,
        write_timeout_ms: int,
    ):
        super().__init__(queries, read_timeout_ms=read_timeout_ms, write_timeout_ms=write_timeout_ms)
        self.settings = settings
        self.driver = AsyncGraphDatabase.driver(
            settings.uri,
            auth=(settings.user, settings.password),
            # About the embedded engine's read retries (Store.read_attempts): a client learns of
            # an outage within seconds, not after its own time limit.
            max_transaction_retry_time=2.0,
            # Warnings such as "this label does not exist yet" (counting an empty graph) are
            # logged by the driver per query; query failures still raise.
            notifications_min_severity="OFF",
        )

    def _new_bookmarks(self) -> neo4j.AsyncBookmarkManager:
        return AsyncGraphDatabase.bookmark_manager()

    async def _run(
        self, name: str, text: str, params: Params, *, write: bool, timeout_ms: int, unit: Unit | None
    ) -> list[Row]:
        timeout_s = timeout_ms / 1000
        bookmarks = unit.bookmarks if unit is not None else None
        try:
            session = self.driver.session(database=self.settings.database, bookmark_manager=bookmarks)
            async with session:
                if write:
                    # Auto-commit, deliberately not a retrying managed transaction.
                    result = await session.run(neo4j.Query(text, timeout=timeout_s), dict(params))
                    records = [record async for record in result]
                else:

                    @neo4j.unit_of_work(timeout=timeout_s)
                    async def work(tx: neo4j.AsyncManagedTransaction) -> list[neo4j.Record]:
                        result = await tx.run(text, dict(params))
                        return [record async for record in result]

                    records = await session.execute_read(work)
        except Exception as exc:
            raise self._translate(name, exc) from exc
        return [{key: _plain(name, record[key]) for key in record.keys()} for record in records]  # noqa: SIM118

    def _translate(self, name: str, exc: Exception) -> StoreError:
        if isinstance(exc, StoreError):
            return exc
        if isinstance(exc, (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired)):
            return EngineUnavailable(f"Neo4j at {self.settings.uri} does not answer ({exc})")
        code = getattr(exc, "code", "") or ""
        if "TransactionTimedOut" in code:
            return QueryTimeout(f"query {name} was stopped after its time limit")
        if "ConstraintValidationFailed" in code:
            return ConstraintViolation(f"query {name}: {getattr(exc, 'message', exc)}")
        if isinstance(exc, neo4j_errors.AuthError):
            return EngineUnavailable(f"Neo4j at {self.settings.uri} refused the credentials")
        return QueryFailed(f"query {name} failed on Neo4j: {getattr(exc, 'message', None) or exc!r}")

    async def _ping(self) -> None:
        try:
            await self.driver.verify_connectivity()
        except Exception as exc:
            raise self._translate("ping", exc) from exc

    async def install_schema(self, model: GraphModel) -> list[str]:
        from neomodel import adb, get_config

        get_config().database_name = self.settings.database
        await adb.set_connection(driver=self.driver)
        report = io.StringIO()
        try:
            await adb.install_all_labels(stdout=report)
        except Exception as exc:
            raise self._translate("install_all_labels", exc) from exc
        statements = ddl.neo4j_fulltext_statements(model)
        for statement in statements:
            await self._execute_ddl(statement)
        # An index made over a filled graph (`db init` on a graph kept from before) fills in the
        # background; until then it finds too little, or nothing.
        await self._run(
            "db.awaitIndexes", "CALL db.awaitIndexes($seconds)", {"seconds": self.write_timeout_ms // 1000},
            write=True, timeout_ms=self.write_timeout_ms, unit=None,
        )  # fmt: skip
        return [line.strip() for line in report.getvalue().splitlines() if line.strip()] + statements

    async def _execute_ddl(self, statement: str) -> None:
        try:
            async with self.driver.session(database=self.settings.database) as session:
                await (await session.run(statement)).consume()
        except neo4j_errors.ClientError as exc:
            if "EquivalentSchemaRuleAlreadyExists" in (exc.code or ""):
                return
            raise self._translate("ddl", exc) from exc
        except Exception as exc:
            raise self._translate("ddl", exc) from exc

    async def drop_all(self) -> None:
        try:
            async with self.driver.session(database=self.settings.database) as session:
                await (
                    await session.run(
                        "MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
                    )
                ).consume()
                # Constraints first: dropping one also drops the index it owns.
                for kind, plural in (("CONSTRAINT", "CONSTRAINTS"), ("INDEX", "INDEXES")):
                    result = await session.run(f"SHOW {plural} YIELD name, type")
                    names = [r["name"] for r in await result.data() if r["type"] != "LOOKUP"]
                    for rule in names:
                        await (await session.run(f"DROP {kind} {_quote(rule)} IF EXISTS")).consume()
        except Exception as exc:
            raise self._translate("drop_all", exc) from exc

    async def close(self) -> None:
        await self.driver.close()


def _quote(identifier: str) -> str:
    return "`" + identifier.replace("`", "``") + "`"


def _plain(query: str, value: Any) -> Any:
    if isinstance(value, (Node, Relationship, Path)):
        raise RawGraphValue(f"query {query} returned a {type(value).__name__}; return a map projection")
    if isinstance(value, Mapping):
        return {key: _plain(query, item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(query, item) for item in value]
    return value
