"""`graph-api landschap`: an organisation's landscape, as an operator reads it.

`landschap verschil` prints what differs in a landscape between two instants
(graph_api/domain/landschap/verloop.py, as `landschapsverschil` answers it). The command runs
on the engine it is pointed at with no identity: whoever may run it there may read the graph
whole already, so it reads with functioneel beheer's visibility, as `db counts` does.
"""

from __future__ import annotations

import asyncio
import json
from typing import Annotated, Any

import typer

from graph_api.cli.reporting import console, load_settings, reported
from graph_api.domain.gebruikers import Organisatie, organisatie
from graph_api.domain.landschap import verloop
from graph_api.runtime import open_runtime
from graph_api.store.base import Params, Row, Store
from graph_api.toegang import BEHEER

landschap_app = typer.Typer(help="An organisation's landscape: how it changed.", no_args_is_help=True)

TEKEN = {verloop.TOEGEVOEGD: "+", verloop.GEWIJZIGD: "~", verloop.VERWIJDERD: "-"}
KOPPEN = {"Gebruik": "Gebruik", "Koppeling": "Koppelingen"}


class _AlsBeheer:
    """The store, read with functioneel beheer's visibility."""

    def __init__(self, store: Store):
        self._store = store

    async def read(self, name: str, params: Params | None = None) -> list[Row]:
        return await self._store.read(name, {**(params or {}), **BEHEER.params()})


@landschap_app.command("verschil")
def verschil(
    sleutel: Annotated[
        str,
        typer.Argument(
            metavar="ORGANISATIE", help="The organisation's id, or a gemeente's CBS code (GM0363)."
        ),
    ],
    van: Annotated[
        str,
        typer.Option(
            "--van", help="From: an ISO-8601 date (its start in UTC) or a date and time with its offset."
        ),
    ],
    tot: Annotated[str | None, typer.Option("--tot", help="Until, as --van; now when not given.")] = None,
    als_json: Annotated[
        bool, typer.Option("--json", help="Print the difference as JSON, for machines.")
    ] = False,
) -> None:
    """Print what differs in an organisation's landscape between two instants: the Gebruik and
    koppelingen added, changed and removed, counted and line by line, from the change records."""
    settings = load_settings()

    async def run() -> tuple[Organisatie, verloop.Verschil]:
        async with open_runtime(settings) as runtime:
            org = await organisatie(runtime.store, sleutel)
            return org, await verloop.verschil(_AlsBeheer(runtime.store), org.id, van, tot)

    with reported():
        verloop.venster(van, tot)  # bad instants are refused before the engine is started
        org, gevonden = asyncio.run(run())
    if als_json:
        print(json.dumps(_als_json(org, gevonden), ensure_ascii=False, indent=2))
        return
    _print(org, gevonden)


def _als_json(org: Organisatie, gevonden: verloop.Verschil) -> dict[str, Any]:
    def regel(r: verloop.Regel) -> dict[str, Any]:
        namen = {"applicatie": r.applicatie} if r.label == "Gebruik" else {"van": r.van, "naar": r.naar}
        return {
            "id": r.id,
            "soort": r.soort,
            **{k: None if n is None else {"id": n.id, "naam": n.naam} for k, n in namen.items()},
            "velden": [{"veld": v.veld, "van": v.van, "tot": v.tot} for v in r.velden],
        }

    return {
        "organisatie": {"id": org.id, "naam": org.naam},
        "van": gevonden.van,
        "tot": gevonden.tot,
        "aantallen": {KOPPEN[label].lower(): n for label, n in gevonden.aantallen().items()},
        "gebruik": [regel(r) for r in gevonden.van_label("Gebruik")],
        "koppelingen": [regel(r) for r in gevonden.van_label("Koppeling")],
    }


def _print(org: Organisatie, gevonden: verloop.Verschil) -> None:
    out = console.print
    out(f"[bold]{org.naam}[/] ({org.id}): {gevonden.van} → {gevonden.tot}", highlight=False, soft_wrap=True)
    for label, aantallen in gevonden.aantallen().items():
        telling = ", ".join(f"{n} {soort.lower()}" for soort, n in aantallen.items())
        out(f"{KOPPEN[label]}: {telling}", highlight=False)
    for r in gevonden.regels:
        wat = _naam(r.applicatie) if r.label == "Gebruik" else f"{_naam(r.van)} → {_naam(r.naar)}"
        velden = "; ".join(
            f"{v.veld} {_waarde(v.van)} → {_waarde(v.tot)}" if r.soort == verloop.GEWIJZIGD
            else f"{v.veld} {_waarde(v.tot if r.soort == verloop.TOEGEVOEGD else v.van)}"
            for v in r.velden
        )  # fmt: skip
        out(
            f"{TEKEN[r.soort]} {r.label} {r.id} {wat}: {velden}",
            highlight=False,
            soft_wrap=True,
            markup=False,
        )


def _naam(naam: verloop.Naam | None) -> str:
    if naam is None:
        return "?"
    return naam.naam if naam.naam is not None else naam.id


def _waarde(value: Any) -> str:
    return "-" if value is None else json.dumps(value, ensure_ascii=False)
