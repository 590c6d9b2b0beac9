"""`graph-api seed`: reference data and a generated landscape, with a progress bar."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from graph_api.cli.db import print_counts
from graph_api.cli.reporting import console, load_settings, reported
from graph_api.runtime import open_runtime
from graph_api.settings import Settings

if TYPE_CHECKING:
    from graph_api.seed.loader import SeedReport
    from graph_api.store import Store

SeedOption = Annotated[int, typer.Option("--seed", help="Seed of the landscape generator.")]
ScaleOption = Annotated[
    int, typer.Option("--scale", min=1, help="Copies of every organisation and what hangs off it.")
]


def seed_command(
    seed: SeedOption = 1,
    scale: ScaleOption = 1,
    replace_graph: Annotated[
        bool, typer.Option("--replace", help="Clear the graph first (everything in it is lost).")
    ] = False,
    gemeente: Annotated[
        list[str] | None,
        typer.Option(help="Generate landscapes for these CBS codes only (repeatable), for quick trials."),
    ] = None,
) -> None:
    """Load GEMMA, the gemeenten and a generated landscape; running it twice changes nothing."""
    settings = load_settings()
    landscapes = frozenset(gemeente) if gemeente else None

    async def run() -> SeedReport:
        async with open_runtime(settings) as runtime:
            return await seed_with_progress(
                runtime.store, settings, seed, scale, replace=replace_graph, landscapes=landscapes
            )

    with reported():
        report = asyncio.run(run())
    print_report(report)


async def seed_with_progress(
    store: Store,
    settings: Settings,
    seed: int,
    scale: int,
    *,
    replace: bool,
    landscapes: frozenset[str] | None = None,
) -> SeedReport:
    # Imported here, not at the top: every `graph-api` command would pay for the generator at start-up.
    from graph_api.seed.loader import seed_graph

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("gemeenten"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(f"seeding (seed {seed}, scale {scale})", total=None)

        def report(stage: str, done: int, total: int) -> None:
            bar.update(task, description=f"seeding: {stage}", completed=done, total=total)

        return await seed_graph(
            store,
            settings.seeds_dir,
            seed=seed,
            scale=scale,
            replace=replace,
            landscapes=landscapes,
            progress=report,
        )


def print_report(report: SeedReport) -> None:
    console.print(
        f"seeded (seed {report.seed}, scale {report.scale}): {report.rows:,} rows in {report.seconds:.1f} s"
    )
    print_counts(report.counts)
