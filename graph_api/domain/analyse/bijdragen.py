"""The national analytics' maintained counts: what each gemeente contributes, folded into cells.

marktconcentratie, leveranciersprofiel and koppelingsnetwerk count gemeenten nationally (per
component and application or leverancier; per application pair). Counting them from every
landscape per request took seconds at scale 10, so the counts are kept in the graph
(graph_api/model/analyse.py): a Marktcel or Netwerkcel per figure, and per gemeente an
Analysebijdrage listing the cells it counts once in.

Every write that changes what a gemeente counts (its Gebruik, their status, components and
applications, its koppelingen, an application's leverancier, a herindeling) counts `gewijzigd`
up on that gemeente's Analysebijdrage in its own statement. `bijwerken`, run before each read of
the cells, recounts the stale gemeenten only and moves the cells by the difference, in one
statement that checks nobody folded them in meanwhile; so the cells are exact when read, and a
write costs one property more. A graph seeded or loaded without contributions gets them the
same way: a gemeente without one is stale.
"""

from __future__ import annotations

import asyncio
import json
import random
import uuid
import weakref
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any, Protocol

from graph_api.errors import AnalyticsBusy
from graph_api.store.base import Params, Row

# Contributions recounted per statement: a whole graph (a seed) goes in slices this size.
PER_KEER = 100
POGINGEN = 10


class Writer(Protocol):
    async def read(self, name: str, params: Params | None = None) -> list[Row]: ...

    async def write(self, name: str, params: Params | None = None) -> list[Row]: ...



MARKT = ("referentiecomponent", "applicatie", "leverancier")
NETWERK = ("van", "naar", "naarSoort")


def markt_id(referentiecomponent: str, applicatie: str, leverancier: str) -> str:
    return json.dumps(["markt", referentiecomponent, applicatie, leverancier])


def netwerk_id(van: str, naar: str, naar_soort: str) -> str:
    return json.dumps(["netwerk", van, naar, naar_soort])


# One fold at a time per event loop (a worker process): requests asking at once wait for the
# fold under way, and then find little or nothing stale, instead of racing it to the same cells;
# only other workers' folds can make an attempt lose.
_folding: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = weakref.WeakKeyDictionary()


async def bijwerken(store: Writer) -> int:
    """Fold every stale contribution into the cells; returns how many were recounted."""
    async with _folding.setdefault(asyncio.get_running_loop(), asyncio.Lock()):
        return await _bijwerken(store)


async def _bijwerken(store: Writer) -> int:
    recounted = 0
    attempts = 0
    while True:
        stale = await store.read("analyse/verouderd", {"limit": PER_KEER})
        if not stale:
            return recounted
        if await _fold(store, stale):
            recounted += len(stale)
            attempts = 0
            continue
        attempts += 1
        if attempts == POGINGEN:
            raise AnalyticsBusy("the analytics' contributions kept changing while being folded in")
        # Another worker folded meanwhile: a moment's wait, so the workers do not lose in step.
        await asyncio.sleep(random.uniform(0, 0.01 * attempts))


async def _fold(store: Writer, stale: list[Row]) -> bool:
    gemeenten = [row["gemeente"] for row in stale]
    markt: dict[str, set[str]] = defaultdict(set)
    netwerk: dict[str, set[str]] = defaultdict(set)
    cells: dict[str, dict[str, Any]] = {}
    gebruik = await store.read("analyse/marktgebruik", {"gemeenten": gemeenten})
    applicaties = sorted({row["applicatie"] for row in gebruik})
    leveranciers: dict[str, list[str]] = defaultdict(list)
    for row in await store.read("analyse/leveranciers", {"applicaties": applicaties}):
        leveranciers[row["applicatie"]].append(row["leverancier"])
    for row in gebruik:
        c, a = row["referentiecomponent"], row["applicatie"]
        for cell in ((c, "", ""), *(x for lev in leveranciers[a] for x in ((c, a, lev), (c, "", lev)))):
            key = markt_id(*cell)
            markt[row["gemeente"]].add(key)
            cells[key] = dict(zip(MARKT, cell, strict=True))
    for row in await store.read("analyse/netwerkgebruik", {"gemeenten": gemeenten}):
        cell = (row["van"], row["naar"], row["naarSoort"])
        key = netwerk_id(*cell)
        netwerk[row["gemeente"]].add(key)
        cells[key] = dict(zip(NETWERK, cell, strict=True))
    delta: dict[str, int] = defaultdict(int)
    for row in stale:
        for key in (*row["markt"], *row["netwerk"]):
            delta[key] -= 1
        for key in markt[row["gemeente"]] | netwerk[row["gemeente"]]:
            delta[key] += 1
    moves: dict[str, list[dict[str, Any]]] = {"markt": [], "netwerk": []}
    for key, change in sorted(delta.items()):
        if change:
            kind, *parts = json.loads(key)
            fields = cells.get(key) or dict(zip(MARKT if kind == "markt" else NETWERK, parts, strict=True))
            moves[kind].append({"id": key, "delta": change, **fields})
    written = await store.write(
        "analyse/bijwerken",
        {
            "tijdstip": datetime.now(UTC).isoformat(timespec="milliseconds"),
            "sleutel": uuid.uuid4().hex,  # this graph's, for the readers' caches
            "stand": [f"{row['bijdrage']}@{row['berekend']}" for row in stale],
            "bijdragen": [
                {
                    "id": row["bijdrage"],
                    "gewijzigd": row["gewijzigd"],
                    "markt": sorted(markt[row["gemeente"]]),
                    "netwerk": sorted(netwerk[row["gemeente"]]),
                }
                for row in stale
            ],
            **moves,
        },
    )
    return bool(written)


async def opnieuw(store: Writer) -> int:
    """Every contribution and cell made afresh (`graph-api db analyse`); returns the gemeenten."""
    await store.write("analyse/wissen")
    await store.write("analyse/aanmaken")
    return await bijwerken(store)
