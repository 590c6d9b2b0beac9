"""`graph-api serve`: the API on uvicorn, in one process or several workers, with the embedded
engine they all run on."""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
import shutil
import signal
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from typing import Annotated

import typer

from graph_api.cli.reporting import console, load_settings, reported
from graph_api.cli.seed import ScaleOption, SeedOption, print_report, seed_with_progress
from graph_api.engine import EmbeddedEngine
from graph_api.http import logs
from graph_api.runtime import embedded_engine, open_runtime
from graph_api.settings import Settings

WORKER_HEALTHCHECK_S = 30


def serve(
    host: Annotated[str | None, typer.Option(help="Address to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
    seed_if_empty: Annotated[
        bool, typer.Option("--seed-if-empty", help="Seed the graph first when it holds no data.")
    ] = False,
    seed: SeedOption = 1,
    scale: ScaleOption = 1,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1, help="API processes on the one engine (default: GRAPH_API_WORKERS, else the cores)."
        ),
    ] = None,
) -> None:
    """Serve the GraphQL API (GraphiQL at /graphql)."""
    import uvicorn

    from graph_api.app import create_app

    settings = load_settings()
    settings = replace(
        settings, host=host or settings.host, port=port or settings.port, workers=workers or settings.workers
    )
    # uvicorn re-raises SIGTERM after its graceful shutdown; by default that ends the process
    # before the engine below is stopped (docker stop, systemd), so it becomes an exit.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    # Text or JSON lines (GRAPH_API_LOG_FORMAT); uvicorn's loggers pass theirs to the same handler,
    # and its access log is off: graph_api's own (graph_api/http/logs.py) carries the request id
    # and leaves out query strings, where a GET carries a whole GraphQL document.
    logs.configure(settings.observability.log_format)
    engine = embedded_engine(settings) if settings.embedded else None
    with reported():
        if engine is not None:
            engine.start()
        try:
            if seed_if_empty:
                asyncio.run(_seed_if_empty(settings, engine, seed, scale))
            console.print(
                f"graph_api on http://{settings.host}:{settings.port}/graphql "
                f"({settings.engine}, {settings.workers} worker{'s' if settings.workers > 1 else ''})"
            )
            if settings.workers == 1:
                uvicorn.run(
                    create_app(settings, engine=engine),
                    host=settings.host,
                    port=settings.port,
                    log_config=None,
                    access_log=False,
                )
            else:
                with _shared_by_workers(settings):
                    # uvicorn's supervisor starts the workers (spawned, so each builds its app from
                    # the environment: graph_api.app.served) and starts a new one when one dies.
                    uvicorn.run(
                        "graph_api.app:served",
                        factory=True,
                        workers=settings.workers,
                        # A worker answers the supervisor's ping only once it has started: on a
                        # busy machine that takes longer than uvicorn's 5 s, and it was killed
                        # again and again. A dead worker is still replaced at once.
                        timeout_worker_healthcheck=WORKER_HEALTHCHECK_S,
                        host=settings.host,
                        port=settings.port,
                        log_config=None,
                        access_log=False,
                    )
        finally:
            if engine is not None:
                engine.stop()


async def _seed_if_empty(settings: Settings, engine: EmbeddedEngine | None, seed: int, scale: int) -> None:
    from graph_api.seed.loader import generator_vingerafdruk  # the generator: only when serving

    async with open_runtime(settings, engine) as runtime:
        if (await runtime.store.read("stats/leeg"))[0]["gevuld"]:
            dataset = await runtime.store.read("seed/dataset_lezen")
            if not dataset or dataset[0]["geladen"]:
                if dataset and dataset[0]["generator"] != generator_vingerafdruk(settings.seeds_dir):
                    console.print(
                        "[yellow]This graph was seeded from other seed files or by another version of "
                        "the generator: `graph-api seed --replace` gives it this version's landscape.[/]"
                    )
                return
            console.print("resuming an interrupted seed run")
        report = await seed_with_progress(runtime.store, settings, seed, scale, replace=False)
    print_report(report)


@contextlib.contextmanager
def _shared_by_workers(settings: Settings) -> Iterator[None]:
    """What the workers must agree on, in the environment they inherit: one directory for their
    metrics (prometheus-client's multiprocess mode, read from there by whichever worker is
    scraped) and one key for counting views, so that an organisation's view is the same count
    whichever worker saw it (graph_api/domain/interesse/telling.py)."""
    given = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    directory = given or tempfile.mkdtemp(prefix="graph-api-metrics-")
    if given:  # counters of an earlier run would be added to this one's
        os.makedirs(given, exist_ok=True)
        for old in os.scandir(given):
            if old.name.endswith(".db"):
                os.unlink(old.path)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = directory
    if settings.tellen and not settings.telsleutel:
        os.environ["GRAPH_API_TELSLEUTEL"] = secrets.token_hex(32)
    try:
        yield
    finally:
        if not given:
            shutil.rmtree(directory, ignore_errors=True)
