"""Markets per reference component: how concentrated each is, and a leverancier's place in them.

Shares are by gemeenten among the providers adoptie shows nationally (drempel.py decides which);
exports reuse these as they are.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from graph_api.domain import Reader
from graph_api.domain.analyse import drempel
from graph_api.toegang import GROEPSMINIMUM


@dataclass(frozen=True)
class Concentratie:
    referentiecomponent: dict[str, Any]
    figures: drempel.Concentration
    grootste_gemeenten: int | None  # the gemeenten the largest provider rests on, when shown


@dataclass(frozen=True)
class Componentaandeel:
    referentiecomponent: dict[str, Any]
    figures: drempel.VendorShare


@dataclass(frozen=True)
class Profiel:
    klanten: list[dict[str, Any]]  # {klant: organisation row, applicaties: [application ids]}
    marktaandelen: list[Componentaandeel]  # largest share first, hidden shares last


async def marktconcentratie(
    reader: Reader, referentiecomponent: str | None, *, per: str, minimale_groep: int, first: int
) -> list[Concentratie]:
    """Every component market (or the one given) that may be shown, most concentrated first."""
    rows = await reader.read(
        "benchmark/marktconcentratie",
        {"referentiecomponenten": None if referentiecomponent is None else [referentiecomponent]},
    )
    result = []
    for row in rows:
        usage, leverancier_van = market_of(row)
        figures = drempel.concentration(usage, leverancier_van, per, minimale_groep, GROEPSMINIMUM)
        if figures is not None:
            grootste = None if figures.grootste is None else usage.count(per)[figures.grootste]
            result.append(Concentratie(row["referentiecomponent"], figures, grootste))
    result.sort(key=lambda r: (r.figures.hhi is None, -(r.figures.hhi or 0), r.referentiecomponent["id"]))
    return result[:first]


async def leveranciersprofiel(reader: Reader, leverancier: str, *, minimale_groep: int) -> Profiel:
    """A leverancier's customers and its share of each component market its applications serve."""
    realised = await reader.read("benchmark/marktaandeel", {"leverancier": leverancier})
    components = [row["referentiecomponent"] for row in realised]
    klanten, rows = await asyncio.gather(  # independent reads: the engine runs them side by side
        reader.read("benchmark/klanten", {"leverancier": leverancier}),
        reader.read("benchmark/marktconcentratie", {"referentiecomponenten": components}),
    )
    shares = []
    for row in rows:
        usage, leverancier_van = market_of(row)
        figures = drempel.vendor_share(usage, leverancier_van, leverancier, minimale_groep, GROEPSMINIMUM)
        if figures is not None:
            shares.append(Componentaandeel(row["referentiecomponent"], figures))
    shares.sort(
        key=lambda s: (
            s.figures.aandeel is None,
            -(s.figures.aandeel or 0),
            s.referentiecomponent["naam"],
            s.referentiecomponent["id"],
        )
    )
    return Profiel(klanten=klanten, marktaandelen=shares)


def market_of(row: dict[str, Any]) -> tuple[drempel.Usage, dict[str, str]]:
    """A row of benchmark/marktconcentratie as the national Usage of its component."""
    applicaties: dict[str, int] = {}
    leveranciers: dict[str, int] = {}
    leverancier_van: dict[str, str] = {}
    for lev, gemeenten, apps in row["leveranciers"]:
        leveranciers[lev] = gemeenten
        for app, n in apps:
            applicaties[app] = n
            leverancier_van[app] = lev
    # A national usage: the size of the group, all gemeenten, plays no part in it.
    usage = drempel.Usage(row["gebruikers"], row["gebruikers"], applicaties, leveranciers)
    return usage, leverancier_van
