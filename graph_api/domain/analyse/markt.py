"""Markets per reference component: how concentrated each is, and a leverancier's place in them.

Shares are by gemeenten among the providers adoptie shows nationally (drempel.py decides which);
exports reuse these as they are.
"""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass
from typing import Any

from graph_api.domain.analyse import bijdragen, drempel
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
    store: bijdragen.Writer, referentiecomponent: str | None, *, per: str, minimale_groep: int, first: int
) -> list[Concentratie]:
    """Every component market (or the one given) that may be shown, most concentrated first."""
    rows = await markets(store, None if referentiecomponent is None else [referentiecomponent])
    result = []
    for row in rows:
        usage, leverancier_van = market_of(row)
        key = (*row["stand"], row["referentiecomponent"]["id"], per, minimale_groep)
        if key not in _shown:
            if len(_shown) > 100_000:  # old versions' entries: never asked again
                _shown.clear()
            _shown[key] = drempel.concentration(usage, leverancier_van, per, minimale_groep, GROEPSMINIMUM)
        figures = _shown[key]
        if figures is not None:
            grootste = None if figures.grootste is None else usage.count(per)[figures.grootste]
            result.append(Concentratie(row["referentiecomponent"], figures, grootste))
    result.sort(key=lambda r: (r.figures.hhi is None, -(r.figures.hhi or 0), r.referentiecomponent["id"]))
    return result[:first]


async def leveranciersprofiel(store: bijdragen.Writer, leverancier: str, *, minimale_groep: int) -> Profiel:
    """A leverancier's customers and its share of each component market its applications serve."""
    realised = await store.read("benchmark/marktaandeel", {"leverancier": leverancier})
    components = [row["referentiecomponent"] for row in realised]
    klanten, rows = await asyncio.gather(  # independent reads: the engine runs them side by side
        store.read("benchmark/klanten", {"leverancier": leverancier}),
        markets(store, components),
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


# Per graph (Analysestand.sleutel): the version of the cells last read, and per component the
# version they last changed at and its cells {(applicatie, leverancier): gemeenten}. Exact with
# several workers: a process reads again the cells changed since the version it holds, and the
# version is the graph's (bumped by every fold, analyse/bijwerken).
_kept: dict[str, tuple[int, dict[str, tuple[int, dict[tuple[str, str], int]]]]] = {}
# Per graph, component and the version its cells last changed at: what the group floor showed of
# its market, per kind and floor. The floor is a pure function of the cells; settling all 171
# markets took about a second at scale 10.
_shown: dict[tuple[str, int, str, str, int], drempel.Concentration | None] = {}


async def markets(
    store: bijdragen.Writer, referentiecomponenten: list[str] | None, *, leverancier: str | None = None
) -> list[dict[str, Any]]:
    """The national markets (every component with Gebruik, or those given), from the cells kept by
    bijdragen.py, brought up to date first: for who may see aggregates, or, with `leverancier`, for
    its own beheerders, to whom its own view shows only its own share of each."""
    await bijdragen.bijwerken(store)
    [stand] = await store.read("analyse/stand", {"leverancier": leverancier})
    if not stand["zichtbaar"]:
        return []
    if stand["sleutel"] is None:  # a graph counted before there was one
        await store.write("analyse/stand_aanmaken", {"sleutel": uuid.uuid4().hex})
        [stand] = await store.read("analyse/stand", {"leverancier": leverancier})
    gelezen, kept = _kept.get(stand["sleutel"], (-1, {}))
    if gelezen != stand["versie"]:
        kept = dict(kept)  # a copy: a request reading meanwhile keeps the version it got
        for row in await store.read("analyse/markt", {"sinds": gelezen, "leverancier": leverancier}):
            _, before = kept.get(row["referentiecomponent"], (0, {}))
            if kept.get(row["referentiecomponent"], (None,))[0] != stand["versie"]:
                kept[row["referentiecomponent"]] = (stand["versie"], dict(before))
            kept[row["referentiecomponent"]][1][(row["applicatie"], row["leverancier"])] = row["gemeenten"]
        _kept[stand["sleutel"]] = (stand["versie"], kept)
    wanted = [c for c in sorted(kept) if referentiecomponenten is None or c in referentiecomponenten]
    components = await store.read("analyse/componenten", {"referentiecomponenten": wanted})
    result = []
    for component in components:
        gebruikers = 0
        leveranciers: dict[str, int] = {}
        applicaties: dict[str, list[list[Any]]] = {}
        changed, cells = kept[component["referentiecomponent"]["id"]]
        for (applicatie, leverancier), gemeenten in cells.items():
            if gemeenten <= 0:
                continue
            if not leverancier:
                gebruikers = gemeenten
            elif not applicatie:
                leveranciers[leverancier] = gemeenten
            else:
                applicaties.setdefault(leverancier, []).append([applicatie, gemeenten])
        if leveranciers:  # as there: a component none of whose applications has a leverancier is no market
            result.append(
                {
                    "referentiecomponent": component["referentiecomponent"],
                    "stand": (stand["sleutel"], changed),  # what its figures rest on
                    "gebruikers": gebruikers,
                    "leveranciers": [[lev, n, sorted(applicaties.get(lev, []))]
                                     for lev, n in leveranciers.items()],
                }
            )
    return result


def market_of(row: dict[str, Any]) -> tuple[drempel.Usage, dict[str, str]]:
    """A market row (markets, leveranciersoverzicht/marktaandeel) as the national Usage of its component."""
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
