"""What the leverancier's view shows of the attention its applications get (issue 19, item 5):
views per week, what gemeenten searched per month, its market share per referentiecomponent.
Every figure counts organisations and none names one; a count below the group floor is hidden
(null, or for a search term left out: a rare term could itself say who searched it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from graph_api.domain.analyse import drempel
from graph_api.domain.analyse.markt import market_of
from graph_api.domain.interesse.telling import maand, week
from graph_api.toegang import GROEPSMINIMUM

MAX_WEKEN = 53
MAX_MAANDEN = 24


def weken(moment: datetime, aantal: int) -> list[str]:
    """The ISO week of `moment` and the `aantal` - 1 before it, newest first."""
    return [week(moment - timedelta(weeks=n)) for n in range(aantal)]


def maanden(moment: datetime, aantal: int) -> list[str]:
    """The month of `moment` and the `aantal` - 1 before it, newest first."""
    result, jaar, nummer = [], moment.year, moment.month
    for _ in range(aantal):
        result.append(maand(datetime(jaar, nummer, 1)))
        jaar, nummer = (jaar, nummer - 1) if nummer > 1 else (jaar - 1, 12)
    return result


def verberg(aantal: int, m: int) -> int | None:
    """A count of organisations as it may be shown: hidden below the floor; zero is no secret."""
    return aantal if aantal == 0 or aantal >= m else None


@dataclass(frozen=True)
class Zoekcijfers:
    termen: list[tuple[str, str, int]]  # (maand, term, gemeenten), at or above the floor
    referentiecomponenten: list[tuple[str, Mapping[str, Any], int | None]]


def zoekcijfers(rijen: Sequence[Mapping[str, Any]], m: int) -> Zoekcijfers:
    """From cypher/leveranciersoverzicht/zoekvragen: terms at or above the floor; components
    at or above it, and the leverancier's own below it as hidden."""
    termen, componenten = [], []
    for rij in rijen:
        if rij["term"] is not None:
            if rij["aantal"] >= m:
                termen.append((rij["maand"], rij["term"], rij["aantal"]))
        elif rij["referentiecomponent"] is not None and (rij["aantal"] >= m or rij["eigen"]):
            componenten.append((rij["maand"], rij["referentiecomponent"], verberg(rij["aantal"], m)))
    return Zoekcijfers(termen, componenten)


@dataclass(frozen=True)
class Marktaandeel:
    referentiecomponent: Mapping[str, Any]
    gemeenten: int  # gemeenten using anything for the component
    klanten: int | None  # of those, the ones using the leverancier's applications; None: hidden
    aandeel: float | None


def marktaandelen(rijen: Sequence[Mapping[str, Any]], leverancier: str, m: int) -> list[Marktaandeel]:
    """From cypher/leveranciersoverzicht/marktaandeel: the leverancier's share of each market,
    as the benchmarks show it (drempel.vendor_share, the floor `m` above the base floor); a
    market too small to show is left out. The rest of the market is `gemeenten - klanten`, no
    other leverancier named. Largest share first, hidden ones last, then by name."""
    result = []
    for rij in rijen:
        usage, leverancier_van = market_of(dict(rij))
        figures = drempel.vendor_share(usage, leverancier_van, leverancier, m, GROEPSMINIMUM)
        if figures is not None:
            result.append(
                Marktaandeel(rij["referentiecomponent"], figures.gemeenten, figures.klanten, figures.aandeel)
            )
    result.sort(
        key=lambda s: (
            s.aandeel is None,
            -(s.aandeel or 0),
            s.referentiecomponent["naam"],
            s.referentiecomponent["id"],
        )
    )
    return result
