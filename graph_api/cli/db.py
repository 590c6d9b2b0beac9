"""`graph-api db`: the graph database's schema and contents."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import typer
from rich.table import Table

from graph_api.cli.reporting import console, load_settings, reported
from graph_api.runtime import open_runtime

if TYPE_CHECKING:
    from graph_api.seed.loader import Counts

db_app = typer.Typer(help="The graph database: schema and contents.", no_args_is_help=True)


@db_app.command("init")
def db_init() -> None:
    """Install the model's indexes and constraints on the configured engine."""
    # Imported here, not at the top: every `graph-api` command would pay for the model at start-up.
    from graph_api.model import describe

    settings = load_settings()

    async def run() -> list[str]:
        async with open_runtime(settings) as runtime:
            return await runtime.store.install_schema(describe())

    with reported():
        statements = asyncio.run(run())
    for statement in statements:
        console.print(statement, highlight=False, soft_wrap=True)
    console.print(f"schema installed on {settings.engine}: {len(statements)} statements")


@db_app.command("counts")
def db_counts() -> None:
    """Print the number of nodes per label and relationships per type."""
    from graph_api.seed.loader import counts

    settings = load_settings()

    async def run() -> Counts:
        async with open_runtime(settings) as runtime:
            return await counts(runtime.store)

    with reported():
        found = asyncio.run(run())
    print_counts(found)


def print_counts(found: Counts) -> None:
    """Nodes per label and relationships per type, as `db counts` and a seed run end with them."""
    for title, values in (("label", found.labels), ("relationship type", found.relationships)):
        table = Table(title=None, show_edge=False, pad_edge=False)
        table.add_column(title)
        table.add_column("count", justify="right")
        for name, value in sorted(values.items()):
            table.add_row(name, f"{value:,}")
        table.add_row("[bold]total[/]", f"[bold]{sum(values.values()):,}[/]")
        console.print(table)
