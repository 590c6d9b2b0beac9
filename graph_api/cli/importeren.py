"""`graph-api import landschap`: an organisation's landscape from a CSV (a zip, or one
pakketoverzicht.csv) or Excel file (graph_api/uitwisseling/invoer/), as the HTTP route
POST /import/landschap/{organisatie} does it.

The command writes as a named Gebruiker (`--als`, its subject), with exactly that Gebruiker's
rights: an import changes a landscape, and the change records must name who did it, so the
command does not read as functioneel beheer the way `landschap verschil` does.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from graph_api.cli.reporting import console, load_settings, reported
from graph_api.errors import InvoerGeweigerd, InvoerOngeldig, RegistratieFout
from graph_api.runtime import open_runtime

if TYPE_CHECKING:
    from graph_api.uitwisseling.invoer.invoeren import Resultaat

import_app = typer.Typer(help="Import into the graph from a file.", no_args_is_help=True)

EXTENSIES = {".csv": "csv", ".zip": "csv", ".xlsx": "xlsx", ".xml": "ameff"}


@import_app.command("landschap")
def landschap(
    sleutel: Annotated[
        str,
        typer.Argument(
            metavar="ORGANISATIE", help="The organisation's id, or a gemeente's CBS code (GM0363)."
        ),
    ],
    bestand: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="A .zip of pakketoverzicht.csv and koppelingen.csv, one pakketoverzicht.csv, or an .xlsx.",
            exists=True,
            dir_okay=False,
        ),
    ],
    als: Annotated[
        str, typer.Option("--als", help="The subject of the Gebruiker who imports (graph-api gebruiker add).")
    ],
    proefrun: Annotated[bool, typer.Option("--proefrun", help="Plan only: report, write nothing.")] = False,
    formaat: Annotated[
        str | None, typer.Option("--formaat", help="csv or xlsx; by the file's extension when not given.")
    ] = None,
    als_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON, for machines.")] = False,
) -> None:
    """Import a landscape: per row what it creates, changes or leaves alone, and every bad row
    with its line and reason; applied all or nothing, and only without errors."""
    # Imported here, not at the top: every `graph-api` command would pay for them at start-up.
    from graph_api.auth.identify import identiteit_voor
    from graph_api.domain.wijzigen import Schrijver
    from graph_api.toegang import zicht_voor
    from graph_api.uitwisseling.invoer.invoeren import MetZicht, importeer, mag_importeren, verslag

    settings = load_settings()
    soort = formaat or EXTENSIES.get(bestand.suffix.lower())

    async def run() -> Resultaat:
        async with open_runtime(settings) as runtime:
            identiteit = await identiteit_voor(runtime.store, als)
            if identiteit.gebruiker is None:
                raise RegistratieFout("UNKNOWN_GEBRUIKER", f"no active Gebruiker has the subject {als!r}")
            zicht = await zicht_voor(identiteit, runtime.store)
            store = MetZicht(runtime.store, zicht)
            schrijver = Schrijver(identiteit, zicht)
            org = await mag_importeren(store, schrijver, sleutel)
            inhoud = bestand.read_bytes()
            assert soort is not None
            return await importeer(
                store, schrijver, org, soort, inhoud, proefrun=proefrun, grenzen=settings.invoer
            )

    with reported():
        if soort is None:
            raise InvoerGeweigerd(
                "UNSUPPORTED_FORMAT", f"{bestand.name}: give --formaat csv or xlsx", argument="formaat"
            )
        resultaat = asyncio.run(run())
    if als_json:
        print(json.dumps(verslag(resultaat), ensure_ascii=False, indent=2))
    else:
        _print(verslag(resultaat))
    if not proefrun and not resultaat.plan.toepasbaar:
        with reported():
            raise InvoerOngeldig(f"{len(resultaat.plan.fouten)} errors in the file: nothing was written")


def _print(rapport: dict[str, Any]) -> None:
    from graph_api.uitwisseling.invoer.plan import FOUT, ONGEWIJZIGD

    out = console.print
    org = rapport["organisatie"]
    wat = "dry run" if rapport["proefrun"] else ("applied" if rapport["toegepast"] else "not applied")
    out(f"[bold]{org['naam']}[/] ({org['id']}): {rapport['formaat']}, {wat}", highlight=False)
    for tabel, aantallen in rapport["aantallen"].items():
        telling = ", ".join(f"{n} {soort.lower()}" for soort, n in aantallen.items() if n)
        out(f"{tabel}: {telling or 'no rows'}", highlight=False)
    for tabel in ("gebruik", "koppelingen"):
        for regel in rapport[tabel]:
            if regel["uitkomst"] in (ONGEWIJZIGD, FOUT):
                continue
            velden = "; ".join(
                f"{v['veld']} {_waarde(v['van'])} → {_waarde(v['naar'])}" for v in regel["velden"]
            )
            out(f"{regel['uitkomst']} {tabel} line {regel['plaats']} {regel['id']}: {velden}", markup=False)
    for fout in rapport["fouten"]:
        waar = f"{fout['tabel']} line {fout['plaats']}" if fout["plaats"] is not None else fout["tabel"]
        kolom = f", {fout['kolom']}" if fout["kolom"] else ""
        out(f"FOUT {waar}{kolom}: {fout['code']} {fout['melding']}", markup=False, highlight=False)


def _waarde(value: Any) -> str:
    return "-" if value is None else json.dumps(value, ensure_ascii=False)
