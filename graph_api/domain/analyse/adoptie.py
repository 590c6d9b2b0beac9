"""Adoption of the applications or leveranciers for a reference component, per group of gemeenten."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from graph_api.domain import Reader
from graph_api.domain.analyse import drempel
from graph_api.model import keuzes
from graph_api.toegang import GROEPSMINIMUM


@dataclass(frozen=True)
class Aandeel:
    """One application or leverancier (`sleutel`) used by `gemeenten` of the group."""

    sleutel: str
    gemeenten: int


@dataclass(frozen=True)
class Groep:
    groep: str
    gemeenten: int
    gebruikers: int | None  # gemeenten using anything for the component; None when hidden
    aandelen: list[Aandeel]  # most used first; only those that may be shown
    onderdrukt: int


async def adoptie(
    reader: Reader,
    referentiecomponent: str,
    *,
    per: str,
    splitsing: str,
    minimale_groep: int,
    statussen: list[str],
) -> list[Groep]:
    """The groups of `splitsing` with the figures the group floor lets through. `per` is
    APPLICATIE or LEVERANCIER; `minimale_groep` has been checked against the asker's floor."""
    # Independent reads: the engine runs them side by side.
    group_rows, usage_rows = await asyncio.gather(
        reader.read("benchmark/groepen", {"grenzen": keuzes.GROOTTEKLASSE_GRENZEN}),
        reader.read(
            "benchmark/adoptie",
            {
                "referentiecomponent": referentiecomponent,
                "statussen": statussen,
                "grenzen": keuzes.GROOTTEKLASSE_GRENZEN,
            },
        ),
    )
    crossgroups, leverancier_van = crossgroups_of(group_rows, usage_rows)
    shown = drempel.adoption(crossgroups, leverancier_van, splitsing, per, minimale_groep, GROEPSMINIMUM)
    return [
        Groep(
            groep=group.groep,
            gemeenten=group.gemeenten,
            gebruikers=group.gebruikers,
            aandelen=[
                Aandeel(sleutel, n)
                for sleutel, n in sorted(group.waarden.items(), key=lambda v: (-v[1], v[0]))
            ],
            onderdrukt=group.onderdrukt,
        )
        for group in shown
    ]


def crossgroups_of(
    group_rows: list[dict[str, Any]], usage_rows: list[dict[str, Any]]
) -> tuple[list[drempel.Crossgroup], dict[str, str]]:
    """benchmark/groepen and benchmark/adoptie as one Usage per province and size class."""
    usage = {(row["provincie"], row["grootteklasse"]): row["waarden"] for row in usage_rows}
    leverancier_van: dict[str, str] = {}
    crossgroups = []
    for row in group_rows:
        gebruikers = 0
        applicaties: dict[str, int] = {}
        leveranciers: dict[str, int] = defaultdict(int)
        for applicatie, lev, gemeenten, eerste in usage.get((row["provincie"], row["grootteklasse"]), []):
            if not applicatie:
                gebruikers = gemeenten
                continue
            applicaties[applicatie] = gemeenten
            leveranciers[lev] += eerste
            leverancier_van[applicatie] = lev
        crossgroups.append(
            drempel.Crossgroup(
                row["provincie"],
                row["grootteklasse"],
                drempel.Usage(row["gemeenten"], gebruikers, applicaties, dict(leveranciers)),
            )
        )
    return crossgroups, leverancier_van
