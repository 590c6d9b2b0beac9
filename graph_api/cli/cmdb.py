"""`graph-api cmdb`: a gemeente's CMDB export imported into its landscape (F008).

`cmdb topdesk` reads a TOPdesk export (graph_api/uitwisseling/cmdb/topdesk.py) and syncs it as
the Gebruiker `--als` names (its subject: a machine client's client id, a person's subject), with
that Gebruiker's rights, as POST /import/topdesk/{gemeente} does with its token: the command is a
client's tool as well as an operator's, so it never writes with more than the Gebruiker may.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from graph_api.cli.reporting import console, load_settings, reported
from graph_api.errors import WerkboekGeweigerd
from graph_api.runtime import open_runtime

if TYPE_CHECKING:
    from graph_api.uitwisseling.cmdb.topdesk import Verslag

cmdb_app = typer.Typer(help="A gemeente's CMDB keeps its landscape current.", no_args_is_help=True)


@cmdb_app.command("topdesk")
def topdesk_command(
    sleutel: Annotated[
        str, typer.Argument(metavar="GEMEENTE", help="The gemeente's id or CBS code (GM0363).")
    ],
    bestand: Annotated[Path, typer.Argument(metavar="FILE", help="The TOPdesk CMDB export (.xlsx).")],
    als: Annotated[
        str, typer.Option("--als", help="The subject of the Gebruiker importing: its rights apply.")
    ],
    proefrun: Annotated[
        bool, typer.Option("--proefrun", help="Report what would happen; write nothing.")
    ] = False,
    als_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON, for machines.")] = False,
) -> None:
    """Import a TOPdesk CMDB export into a gemeente's landscape: one line per row, created,
    changed, unchanged, skipped (with the reason) or failed. Rows missing from the export are
    left as they are. Exit status 0 when no row failed, 1 when some did."""
    # Imported here, not at the top: every `graph-api` command would pay for them at start-up.
    from graph_api.auth.identify import identiteit_voor
    from graph_api.domain.gebruikers import organisatie
    from graph_api.domain.wijzigen import Schrijver, mag_schrijven
    from graph_api.graphql.context import Context
    from graph_api.toegang import zicht_voor
    from graph_api.uitwisseling.cmdb import topdesk

    settings = load_settings()

    async def run() -> Verslag:
        async with open_runtime(settings) as runtime:
            store = runtime.store
            identiteit = await identiteit_voor(store, als.strip())
            # A request's store, as the HTTP route's: it passes the Gebruiker's $zicht to every statement.
            context = Context(runtime, identiteit, await zicht_voor(identiteit, store))
            wie = Schrijver(identiteit, context.zicht)
            mag_schrijven(wie, "a TOPdesk import")
            org = await organisatie(store, sleutel)
            return await topdesk.importeer(
                context.store, wie, organisatie=org.id, data=data, proefrun=proefrun
            )

    with reported():
        if bestand.stat().st_size > topdesk.MAX_BYTES:
            raise WerkboekGeweigerd("FILE_TOO_LARGE", f"the file is larger than {topdesk.MAX_BYTES} bytes")
        data = bestand.read_bytes()
        verslag = asyncio.run(run())
    if als_json:
        print(json.dumps(verslag.als_json(), ensure_ascii=False, indent=2))
    else:
        for r in verslag.regels:
            waar = f"{r.blad}:{r.regel}"
            wat = r.gebruik or r.applicatie or ""
            waarom = f" {r.code}{f' ({r.kolom})' if r.kolom else ''}: {r.reden}" if r.code else ""
            console.print(
                f"{waar} {r.appid or '-'} {r.uitkomst} {wat}{waarom}", highlight=False, markup=False
            )
        telling = ", ".join(f"{n} {u}" for u, n in verslag.aantallen().items())
        console.print(f"{verslag.organisatie}{' (proefrun)' if proefrun else ''}: {telling}", highlight=False)
    if verslag.aantallen()[topdesk.MISLUKT]:
        raise typer.Exit(1)
