"""Shared fixtures: one embedded engine and one Neo4j 5 per test session, each seeded once at
scale 1 (tests/backends.py).

Tests reach graph_api through its public surfaces: the `graph-api` command (as a real
process), the store interface, and (from the read API on) HTTP GraphQL requests.

A test that asks for `backend` (directly, or through the GraphQL fixtures) runs on the embedded
engine; in the modules of BOTH_ENGINES it runs once per engine, with the same expected answers.
The modules themselves say nothing about engines.

A test that changes data asks for `own_graph`: a graph of its own on its engine, seeded small,
so that it runs beside the read tests in any order.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import redis

from graph_api.engine import EmbeddedEngine
from graph_api.runtime import embedded_engine
from graph_api.seed.loader import Counts, SeedReport, counts, generator_vingerafdruk, seed_graph
from graph_api.settings import Neo4jSettings, Settings
from graph_api.store import QueryCatalog, Store, open_store
from graph_api.store.falkordb import server_url
from tests.backends import (
    ENGINES,
    Backend,
    Neo4jSession,
    Unavailable,
    cli_env,
    external_neo4j,
    graph_copy,
    without_log,
)
from tests.expected import Expected
from tests.herstel import Herstel

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
CYPHER = REPO / "cypher"
SEED = 1

# Whose answers must not depend on the engine: the read API, paging and cursors, search,
# analytics, identity and the role matrix, compiled reads against the resolvers, and the
# store interface and every named query.
BOTH_ENGINES = frozenset(
    {
        "tests/graphql/test_catalogue.py",
        "tests/graphql/test_interesse.py",
        "tests/graphql/test_bezoeken.py",
        "tests/graphql/test_landscape.py",
        "tests/graphql/test_paging.py",
        "tests/graphql/test_batching.py",
        "tests/graphql/test_search.py",
        "tests/graphql/test_afhankelijkheden.py",
        "tests/graphql/test_benchmarks.py",
        "tests/graphql/test_groepsdrempel.py",
        "tests/graphql/test_toegang.py",
        "tests/graphql/test_compiled.py",
        "tests/graphql/test_malformed.py",
        "tests/auth/test_identiteit.py",
        "tests/store/test_store.py",
        "tests/store/test_query_files.py",
        "tests/store/test_units.py",
        "tests/store/test_own_graph.py",
        "tests/graphql/test_request_writes.py",
        "tests/graphql/test_gebruik_mutaties.py",
        "tests/graphql/test_idempotentie.py",
        "tests/graphql/test_koppeling_mutaties.py",
        "tests/graphql/test_samenwerking_mutaties.py",
        "tests/graphql/test_voorstellen.py",
        "tests/graphql/test_concepten.py",
        "tests/graphql/test_wijzigingen.py",
        "tests/graphql/test_verloop.py",
        "tests/graphql/test_gelijktijdig_schrijven.py",
        "tests/graphql/test_reis_gebruik_beheerder.py",
        "tests/graphql/test_meldingen_live.py",
        "tests/graphql/test_applicatie_mutaties.py",
        "tests/graphql/test_versie_mutaties.py",
        "tests/graphql/test_dienst_mutaties.py",
        "tests/graphql/test_beoordelingen.py",
        "tests/graphql/test_leveranciersoverzicht.py",
        "tests/graphql/test_samenvoegen.py",
        "tests/graphql/test_uitnodigingen.py",
        "tests/graphql/test_medewerkers.py",
        "tests/graphql/test_profiel.py",
        "tests/graphql/test_deelnames.py",
        "tests/graphql/test_etalage.py",
        "tests/graphql/test_registraties.py",
        "tests/graphql/test_oprichting.py",
        "tests/graphql/test_toegangsverzoeken.py",
        "tests/graphql/test_delegaties.py",
        "tests/graphql/test_reis_leverancier.py",
        "tests/graphql/test_meldingen.py",
        "tests/graphql/test_herindeling.py",
    }
)


def _on_both_engines(path: Path) -> bool:
    return path.resolve().relative_to(REPO).as_posix() in BOTH_ENGINES


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    on_an_engine = {"backend", "own_graph"} & set(metafunc.fixturenames)
    if on_an_engine and _on_both_engines(metafunc.definition.path):
        # Session scope: pytest runs every test of one engine before those of the other.
        metafunc.parametrize("engine_name", ENGINES, indirect=True, scope="session")


_NEO4J: Neo4jSession | None = None
# The Neo4j of the graphs of a test's own (own_graph); whether a test has used its graph yet.
_OWN_NEO4J: Neo4jSession | None = None
_OWN_NEO4J_USED = False
_OWN_NEO4J_SEEDED: Herstel | None = None  # its graph as seeded, to return to between tests
# What a graph of a test's own holds: the reference data, one market and this landscape.
OWN_LANDSCAPES = frozenset({"GM0014"})


def _on_neo4j(item: pytest.Item) -> bool:
    callspec = getattr(item, "callspec", None)
    return callspec is not None and callspec.params.get("engine_name") == "neo4j"


def _needs_neo4j(item: pytest.Item) -> bool:
    """Whether the item reads the run's seeded Neo4j (a test with only a graph of its own does not)."""
    names = getattr(item, "fixturenames", ())
    return (_on_neo4j(item) and "backend" in names) or any(name.startswith("neo4j") for name in names)


def _needs_own_neo4j(item: pytest.Item) -> bool:
    return _on_neo4j(item) and "own_graph" in getattr(item, "fixturenames", ())


def _uses_neo4j(item: pytest.Item) -> bool:
    return _needs_neo4j(item) or _needs_own_neo4j(item)


def _neo4j_session() -> Neo4jSession:
    global _NEO4J
    if _NEO4J is None:
        _NEO4J = Neo4jSession(Path(tempfile.mkdtemp(prefix="graph-api-neo4j-")), _seed_neo4j)
        _NEO4J.start()
    return _NEO4J


def _on_a_worker(config: pytest.Config) -> bool:
    """Whether this process is one of pytest-xdist's workers (`make test` runs two)."""
    return hasattr(config, "workerinput")


# Embedded tests that go to the Neo4j worker all the same, to even out the two workers' time
# (measured with `PYTEST_ADDOPTS=--durations=0 make test`): they need only the seeded scale-1
# graph, which that worker has already for the comparisons between the engines.
_BESIDE_NEO4J = (
    "tests/seed/test_seed.py",
    "tests/seed/test_bulk.py",
    "tests/test_faults.py",  # a minute of load on a graph of its own
)


def _on_the_neo4j_worker(nodeid: str) -> bool:
    """Whether `make test` sends a test to the worker that runs the Neo4j tests, by its id alone:
    the controller schedules by ids, knowing no fixtures. A worker checks every test it collects
    against `_uses_neo4j` (pytest_collection_modifyitems)."""
    return (
        nodeid.startswith(("tests/neo4j/", *_BESIDE_NEO4J)) or re.search(r"\[neo4j[-\]]", nodeid) is not None
    )


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """Every Neo4j test to one worker, the rest to the other (`make test`: `-n 2`), so only one
    worker starts the Neo4j servers and seeds the scale-1 graph. pytest-xdist's own `loadgroup`
    cannot do it under pytest 9: it renames node ids through an attribute pytest 9 no longer reads."""
    from xdist.scheduler import LoadScopeScheduling

    class PerEngine(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return "neo4j" if _on_the_neo4j_worker(nodeid) else "embedded"

    return PerEngine(config, log)


@pytest.hookimpl(trylast=True)  # after -k and -m have deselected
def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items) -> None:
    if _on_a_worker(config):
        # Two workers (`make test`): one runs everything on Neo4j, the other the rest, each with
        # its own engines (pytest_xdist_make_scheduler); a worker starts Neo4j only when it is
        # given a test that needs it. Of those, the ones needing only a graph of their own go
        # first: they run while the scale-1 graph is seeded.
        misplaced = [
            item.nodeid for item in items if _uses_neo4j(item) and not _on_the_neo4j_worker(item.nodeid)
        ]
        if misplaced:
            raise pytest.UsageError(f"tests on Neo4j that the scheduler would not send there: {misplaced}")
        places = [i for i, item in enumerate(items) if _uses_neo4j(item)]
        on_neo4j = sorted((items[i] for i in places), key=lambda item: _needs_neo4j(item))
        for i, item in zip(places, on_neo4j, strict=True):
            items[i] = item
        return
    # Starting and seeding Neo4j takes a while: it happens while the embedded tests run.
    if not config.option.collectonly and any(_needs_neo4j(item) for item in items):
        _neo4j_session()
    if not config.option.collectonly and any(_needs_own_neo4j(item) for item in items):
        _own_neo4j_session()


def pytest_runtest_setup(item: pytest.Item) -> None:
    if _on_a_worker(item.config) and _uses_neo4j(item):
        # This worker runs the Neo4j tests: both servers start at its first, the scale-1 graph
        # seeding meanwhile (a test waits for what it needs, in the fixtures).
        _own_neo4j_session()
        _neo4j_session()


# The run's embedded engines, for what a failure that waited on one reports of it.
_ENGINES: list[EmbeddedEngine] = []


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    report = outcome.get_result()
    if report.failed and call.excinfo is not None and "falkordb.sock" in str(report.longrepr):
        for engine in _ENGINES:
            report.sections.append((f"embedded engine {engine.data_dir}", _engine_state(engine)))


def _engine_state(engine: EmbeddedEngine) -> str:
    """What the engine is doing now and what its log says: a stall in CI is seen only once."""
    lines = [f"pid {engine.server_pid()}"]
    try:
        client = redis.Redis.from_url(server_url(engine.socket_path), socket_timeout=5)
        try:
            for section in ("persistence", "memory", "clients", "stats"):
                info = client.info(section)
                lines.append(f"{section}: " + " ".join(f"{k}={v}" for k, v in sorted(info.items())))
            lines.append(f"slowlog: {client.slowlog_get(10)}")
        finally:
            client.close()
    except (redis.RedisError, OSError) as exc:
        lines.append(f"no answer: {exc}")
    try:
        lines += engine.log_path.read_text(errors="replace").splitlines()[-40:]
    except OSError as exc:
        lines.append(f"no log: {exc}")
    return "\n".join(lines)


def pytest_sessionfinish(session: pytest.Session) -> None:
    for neo4j in (_NEO4J, _OWN_NEO4J):
        if neo4j is not None:
            neo4j.stop()
            shutil.rmtree(neo4j.directory, ignore_errors=True)


def pytest_terminal_summary(terminalreporter) -> None:
    if _NEO4J is not None and _NEO4J.seeded_s:
        where = "NEO4J_URI" if external_neo4j() else "the test server"
        terminalreporter.write_line(
            f"Neo4j ({where}): answering after {_NEO4J.started_s:.1f} s, seeded at scale 1 "
            f"by graph-api seed in {_NEO4J.seeded_s:.1f} s, both beside the embedded tests"
        )


def _seed_neo4j(server: Neo4jSettings) -> Counts:
    """`graph-api seed` into Neo4j, as a user runs it; the counts it left."""
    neo4j = Settings(data_dir=_neo4j_session().directory, neo4j=server)

    async def dataset() -> list[dict]:
        async with open_store(neo4j) as store:
            return await store.read("seed/dataset_lezen")

    if external_neo4j() is not None:
        # A server named by NEO4J_URI keeps its graph between runs: one seeded completely with
        # these settings is used again, anything else replaced.
        found = asyncio.run(dataset())
        same = (SEED, 1, generator_vingerafdruk(SEEDS))
        if not (
            found
            and (found[0]["seed"], found[0]["scale"], found[0]["generator"]) == same
            and found[0]["geladen"]
        ):
            _run_seed(neo4j, "--replace")
    else:
        _run_seed(neo4j)

    async def read() -> Counts:
        async with open_store(neo4j) as store:
            return await counts(store)

    return asyncio.run(read())


def _own_neo4j_session() -> Neo4jSession:
    global _OWN_NEO4J
    if _OWN_NEO4J is None:
        directory = Path(tempfile.mkdtemp(prefix="graph-api-neo4j-own-"))
        _OWN_NEO4J = Neo4jSession(directory, _seed_own_neo4j, heap="1g", own=True)
        _OWN_NEO4J.start()
    return _OWN_NEO4J


def _seed_own_neo4j(server: Neo4jSettings) -> Counts:
    global _OWN_NEO4J_SEEDED

    async def seed() -> Counts:
        # Seeded beside the embedded tests on two cores: reads get the write limit's patience.
        own = Settings(data_dir=_own_neo4j_session().directory, neo4j=server, query_timeout_ms=120_000)
        async with open_store(own) as store:
            return (await seed_graph(store, SEEDS, seed=SEED, landscapes=OWN_LANDSCAPES)).counts

    seeded = asyncio.run(seed())
    _OWN_NEO4J_SEEDED = asyncio.run(Herstel.lees(server))
    return seeded


def _run_seed(neo4j: Settings, *options: str) -> None:
    # A server just started, beside the embedded tests on two cores, once took over the default
    # 10 s for the seed's first read (seed/dataset_lezen): the seed's time, not what it tests.
    env = cli_env(neo4j) | {"GRAPH_API_QUERY_TIMEOUT_MS": "60000"}
    result = run_cli("seed", "--seed", str(SEED), "--scale", "1", *options, env=env, timeout=1800)
    if result.returncode != 0:
        raise RuntimeError(
            f"graph-api seed into Neo4j failed:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
        )


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
    # Wide, whatever terminal the run has: error messages are wrapped to it, and a test's long
    # temporary paths (longer under the xdist workers) would split the words tests look for.
    full_env["COLUMNS"] = (env or {}).get("COLUMNS", "200")
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
    # Two cores shared by both engines and both workers: a request of four national analytics
    # side by side took 16 s of engine time in CI, over a statement's 10 s; six statements side by
    # side share a request's budget down to a few seconds for the last. The time limits
    # themselves are tested with settings of their own (tests/store/conftest.py,
    # tests/graphql/test_limits.py).
    defaults = Settings()
    return replace(
        defaults,
        data_dir=tmp_path_factory.mktemp("engine"),
        query_timeout_ms=30_000,
        hardening=replace(defaults.hardening, request_engine_ms=600_000),
    )


@pytest.fixture(scope="session")
def engine(settings: Settings) -> Iterator[EmbeddedEngine]:
    engine = embedded_engine(settings)
    engine.start()
    without_log(settings)
    _ENGINES.append(engine)
    yield engine
    _ENGINES.remove(engine)
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


@pytest.fixture(scope="session")
def neo4j_settings(settings: Settings) -> Settings:
    """The embedded engine's settings (data dir, dev key) with the run's Neo4j instead."""
    try:
        # The test server fills its caches on a statement's first run: a cold sort of every
        # Gebruik took 8 s beside the embedded tests. The time limits are the embedded engine's
        # (settings).
        return replace(settings, neo4j=_neo4j_session().neo4j())
    except Unavailable as exc:
        pytest.skip(f"no Neo4j test server: {exc}")


@pytest.fixture(scope="session")
def neo4j_counts(neo4j_settings: Settings) -> Counts:
    """The scale-1 landscape of seed 1, seeded into Neo4j by `graph-api seed`; its counts then."""
    return _neo4j_session().counts()


@pytest.fixture(scope="session")
async def neo4j_store(neo4j_settings: Settings, queries: QueryCatalog) -> AsyncIterator[Store]:
    store = open_store(neo4j_settings, queries)
    yield store
    await store.close()


@pytest.fixture(scope="session")
def falkordb_backend(settings: Settings, engine: EmbeddedEngine, store: Store, seeded: SeedReport) -> Backend:
    return Backend("falkordb", settings, engine, store, seeded.counts)


@pytest.fixture(scope="session")
def neo4j_backend(neo4j_settings: Settings, neo4j_store: Store, neo4j_counts: Counts) -> Backend:
    return Backend("neo4j", neo4j_settings, None, neo4j_store, neo4j_counts)


@pytest.fixture(scope="session")
def engine_name(request: pytest.FixtureRequest) -> str:
    """The engine a test runs on: the embedded one, or each in turn (BOTH_ENGINES)."""
    return str(getattr(request, "param", "falkordb"))


@pytest.fixture(scope="session")
def backend(engine_name: str, request: pytest.FixtureRequest) -> Backend:
    """The engine holding the seeded landscape."""
    return request.getfixturevalue(f"{engine_name}_backend")


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


@pytest.fixture(scope="session")
async def falkordb_own_template(
    settings: Settings, engine: EmbeddedEngine, queries: QueryCatalog
) -> AsyncIterator[Backend]:
    """The graph every embedded `own_graph` starts as a copy of."""
    own = replace(settings, graph_name="own_template")
    store = open_store(own, queries)
    report = await seed_graph(store, SEEDS, seed=SEED, landscapes=OWN_LANDSCAPES, replace=True)
    yield Backend("falkordb", own, engine, store, report.counts)
    await store.drop_all()
    await store.close()


@pytest.fixture
def own_graph(engine_name: str, request: pytest.FixtureRequest) -> Backend:
    """A graph of this test's own on the test's engine, for tests that change data: seed 1's
    reference data, market and the landscape of GM0014 (OWN_LANDSCAPES), nothing of it shared.

    On the embedded engine it is a copy (GRAPH.COPY) of a template seeded once per run, under a
    graph name of its own in the same engine, removed afterwards. Neo4j Community holds one
    database per server: there it is the graph of a second test server that holds nothing
    else, put back as seeded for every test after the first by undoing what differs
    (tests/herstel.py, docs/operations.md).
    """
    return request.getfixturevalue(f"{engine_name}_own_graph")


@pytest.fixture
async def falkordb_own_graph(
    falkordb_own_template: Backend, queries: QueryCatalog, request: pytest.FixtureRequest
) -> AsyncIterator[Backend]:
    template = falkordb_own_template
    name = "own_" + "".join(c if c.isalnum() else "_" for c in request.node.name)[:60]
    own = replace(template.settings, graph_name=name)
    store = open_store(own, queries)
    await store.drop_all()
    await graph_copy(template.settings, name)
    try:
        yield Backend("falkordb", own, template.engine, store, template.counts)
    finally:
        await store.drop_all()
        await store.close()


@pytest.fixture
async def neo4j_own_graph(settings: Settings, queries: QueryCatalog) -> AsyncIterator[Backend]:
    global _OWN_NEO4J_USED
    session = _own_neo4j_session()
    try:
        own = replace(settings, neo4j=session.neo4j(), query_timeout_ms=30_000)
    except Unavailable as exc:
        pytest.skip(f"no Neo4j test server: {exc}")
    counts = session.counts()
    store = open_store(own, queries)
    try:
        if _OWN_NEO4J_USED:
            assert _OWN_NEO4J_SEEDED is not None
            await _OWN_NEO4J_SEEDED.herstel()
        _OWN_NEO4J_USED = True
        yield Backend("neo4j", own, None, store, counts)
    finally:
        await store.close()
