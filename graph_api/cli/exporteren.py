"""`graph-api export`: a landscape, a leverancier's aanbod or the catalogue as a file, as the
/export routes answer them (graph_api/uitwisseling/http.py).

The command runs on the engine it is pointed at with no identity: whoever may run it there may
read the graph whole already, so it reads with functioneel beheer's visibility, as `landschap
verschil` does (graph_api/cli/landschap.py): notes and contract ends included.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated

import typer

from graph_api.cli.reporting import console, load_settings, reported
from graph_api.runtime import open_runtime
from graph_api.store.base import Store
from graph_api.toegang import BEHEER
from graph_api.uitwisseling import exporteren
from graph_api.uitwisseling.formaten import FORMATEN, formaat

export_app = typer.Typer(
    help="Export a landscape, an aanbod or the catalogue as a file.", no_args_is_help=True
)

_LANDSCHAP = ", ".join(n for n, f in FORMATEN.items() if f.landschap)
_TABELLEN = ", ".join(n for n, f in FORMATEN.items() if f.tabellen)

Uit = Annotated[
    Path | None,
    typer.Option(
        "--uit", help="The file to write; by default the export's own name in the current directory."
    ),
]


def _schrijf(
    voor: str, naam_formaat: str, uit: Path | None, maak: Callable[[Store], Awaitable[exporteren.Export]]
) -> None:
    settings = load_settings()

    async def run() -> exporteren.Export:
        async with open_runtime(settings) as runtime:
            return await maak(runtime.store)

    with reported():
        formaat(naam_formaat, voor=voor, argument="--formaat")  # refused before the engine starts
        export = asyncio.run(run())
    doel = uit or Path(export.bestandsnaam)
    doel.write_bytes(export.bestand.inhoud)
    console.print(
        f"{doel} ({len(export.bestand.inhoud)} bytes, {export.bestand.media_type})", highlight=False
    )


@export_app.command("landschap")
def landschap(
    organisatie: Annotated[
        str,
        typer.Argument(
            metavar="ORGANISATIE", help="The organisation's id, or a gemeente's CBS code (GM0363)."
        ),
    ],
    naam_formaat: Annotated[str, typer.Option("--formaat", help=f"One of: {_LANDSCHAP}.")] = "csv",
    uit: Uit = None,
) -> None:
    """Write an organisation's landscape: its Gebruik (pakketoverzicht) and koppelingen."""
    _schrijf(
        "landschap",
        naam_formaat,
        uit,
        lambda store: exporteren.landschap(store, BEHEER, organisatie, naam_formaat),
    )


@export_app.command("aanbod")
def aanbod(
    leverancier: Annotated[
        str, typer.Argument(metavar="LEVERANCIER", help="The leverancier's id (lev-0001).")
    ],
    naam_formaat: Annotated[str, typer.Option("--formaat", help=f"One of: {_TABELLEN}.")] = "csv",
    uit: Uit = None,
) -> None:
    """Write a leverancier's aanbod: one row per version of each of its applications."""
    _schrijf(
        "tabellen",
        naam_formaat,
        uit,
        lambda store: exporteren.aanbod(store, BEHEER, leverancier, naam_formaat),
    )


@export_app.command("catalogus")
def catalogus(
    naam_formaat: Annotated[str, typer.Option("--formaat", help=f"One of: {_TABELLEN}.")] = "csv",
    uit: Uit = None,
) -> None:
    """Write the whole catalogue: every leverancier's aanbod, one row per version."""
    _schrijf("tabellen", naam_formaat, uit, lambda store: exporteren.catalogus(store, BEHEER, naam_formaat))
