"""Dependencies between Gebruik: walks along the koppelingen, the shortest chain between two
Gebruik, a landscape page by page, the impact of stopping or replacing an application, and the
catalogue-level network over every landscape.

Walks follow the data: a koppeling's `richting` (HEEN, TERUG, BEIDE) says which way data flows
between its ends, and a walk STROOMAFWAARTS goes with it. A national facility ends a walk: every
landscape shares it, so going on from it would leave the landscape.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from graph_api.domain import Reader
from graph_api.domain.analyse.groepen import minimale_groep as group_floor
from graph_api.errors import ClientError
from graph_api.toegang import Zicht

MAX_DEPTH = 6
STROOMAFWAARTS, STROOMOPWAARTS, BEIDE = "STROOMAFWAARTS", "STROOMOPWAARTS", "BEIDE"


@dataclass(frozen=True)
class Stap:
    """One koppeling of a walk: its id, its recorded ends and which way its data flows."""

    koppeling: str
    van: str
    naar: str
    richting: str  # HEEN, TERUG or BEIDE


@dataclass(frozen=True)
class Pad:
    nodes: list[str]
    koppelingen: list[str]


def diepte(value: int) -> int:
    if not 1 <= value <= MAX_DEPTH:
        raise ClientError("INVALID_DEPTH", f"diepte must be between 1 and {MAX_DEPTH}", argument="diepte")
    return value


async def wandeling(reader: Reader, gebruik: str, richting: str, tot: int) -> list[dict[str, Any]]:
    """The Gebruik and facilities `tot` koppelingen away at most ({soort, id, naam, diepte,
    koppelingen}), the start first; refused when the start is not there to be seen."""
    rows = await reader.read(f"afhankelijkheid/{richting.lower()}", {"id": gebruik, "diepte": diepte(tot)})
    if not rows:
        raise ClientError("NOT_FOUND", "gebruik is the id of no Gebruik", argument="gebruik")
    return rows


async def landschap_van(reader: Reader, van: str, naar: str) -> str | None:
    """The organisation whose landscape holds both Gebruik; None when either is not seen, and
    refused when they belong to different landscapes (no chain of koppelingen crosses them)."""
    owners = await reader.read("afhankelijkheid/zelfde_landschap", {"van": van, "naar": naar})
    if not owners:
        return None
    if owners[0]["van"] != owners[0]["naar"]:
        raise ClientError(
            "NOT_SAME_LANDSCAPE", "van and naar belong to the landscapes of different organisations"
        )
    return owners[0]["van"]


def stappen(stap: Stap, richting: str) -> list[tuple[str, str]]:
    """The (from, to) steps a walk in `richting` may take over one koppeling."""
    flows = []
    if stap.richting in ("HEEN", "BEIDE"):
        flows.append((stap.van, stap.naar))
    if stap.richting in ("TERUG", "BEIDE"):
        flows.append((stap.naar, stap.van))
    if richting == STROOMAFWAARTS:
        return flows
    against = [(there, here) for here, there in flows]
    return against if richting == STROOMOPWAARTS else flows + against


def kortste_paden(start: str, graaf: Iterable[Stap], eindpunten: set[str], richting: str) -> dict[str, Pad]:
    """Breadth-first over a walk's own koppelingen, stepping the way the walk did: with or against
    each koppeling's data flow, and never on from an end point (a national facility)."""
    neighbours: dict[str, list[tuple[str, str]]] = {}
    for stap in graaf:
        for here, there in stappen(stap, richting):
            if here not in eindpunten:
                neighbours.setdefault(here, []).append((there, stap.koppeling))
    paths = {start: Pad([start], [])}
    queue = deque([start])
    while queue:
        here = queue.popleft()
        for there, koppeling in sorted(neighbours.get(here, [])):
            if there not in paths:
                paths[there] = Pad([*paths[here].nodes, there], [*paths[here].koppelingen, koppeling])
                queue.append(there)
    return paths


async def landschap(
    reader: Reader, params: dict[str, Any], page: dict[str, Any]
) -> tuple[list[dict[str, Any]], int]:
    """One page of an organisation's landscape as a graph ({k, item: {id, naam, koppelingen}}),
    and how many Gebruik the whole landscape has. `params`: organisatie, status, referentiecomponent."""
    rows = await reader.read("afhankelijkheid/landschap", {**params, **page})
    total = (await reader.read("afhankelijkheid/landschap_aantal", params))[0]["aantal"]
    return rows, total


async def impact(reader: Reader, gebruik: str, vervanger: str | None) -> dict[str, Any]:
    """What stopping a Gebruik, or replacing its application by `vervanger`, touches: its
    koppelingen, the standard versions the replacement lacks, the components left unserved, the
    diensten that lapse and the Gebruik of the replacement the organisation already has."""
    rows = await reader.read("afhankelijkheid/impact", {"gebruik": gebruik, "vervanger": vervanger})
    if not rows:
        raise ClientError("NOT_FOUND", "gebruik is the id of no Gebruik", argument="gebruik")
    return rows[0]


async def netwerk(
    reader: Reader, zicht: Zicht, *, referentiecomponent: str | None, minimale_groep: int, first: int
) -> list[dict[str, Any]]:
    """Application pairs joined by koppelingen ({van, naar, naarSoort, gemeenten, ...}) in at least
    `minimale_groep` gemeenten. Over the asker's own landscapes only, nothing of others is shown:
    no floor is needed there."""
    m = 1 if zicht.alleen_eigen_landschappen else group_floor(zicht, minimale_groep)
    params = {"referentiecomponent": referentiecomponent, "minimaleGroep": m, "limit": first}
    return await reader.read("afhankelijkheid/netwerk", params)
