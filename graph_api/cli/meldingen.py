"""`graph-api meldingen inhalen`: the meldingen of a period's change records derived again, after
a failure left them out (docs/meldingen.md, "How they are made")."""

from __future__ import annotations

import asyncio
from typing import Annotated

import typer

from graph_api.cli.reporting import console, load_settings, reported
from graph_api.domain.meldingen.afleiding import haal_in
from graph_api.domain.meldingen.soorten import AFLEIDINGEN
from graph_api.domain.wijzigen import sinds as tijdstip
from graph_api.runtime import open_runtime

meldingen_app = typer.Typer(
    help="Meldingen: what changes tell the people they concern.", no_args_is_help=True
)


@meldingen_app.command("inhalen")
def inhalen(
    sinds: Annotated[
        str,
        typer.Option(
            "--sinds",
            help="From when: an ISO-8601 date (its start in UTC) or a date and time with its offset, "
            "e.g. the time of the first failure the log names.",
        ),
    ],
    tot: Annotated[
        str | None, typer.Option("--tot", help="Until when (not included), in the same form.")
    ] = None,
) -> None:
    """Derive the meldingen of the change records made in a period again: those missing are made,
    those made already are not made twice."""
    settings = load_settings()

    async def run() -> int:
        async with open_runtime(settings) as runtime:
            van, totdat = tijdstip(sinds, "--sinds"), tijdstip(tot, "--tot")
            assert van is not None
            return await haal_in(runtime.store, AFLEIDINGEN, sinds=van, tot=totdat)

    with reported():
        gemaakt = asyncio.run(run())
    console.print(f"{gemaakt} meldingen made")
