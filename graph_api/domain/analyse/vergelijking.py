"""Gemeenten beside each other: their neighbours' choices, the most similar gemeenten (Jaccard over
the applications in use) and what those use that this one does not."""

from __future__ import annotations

from typing import Any

from graph_api.domain import Reader


async def buren(reader: Reader, gemeente: str, referentiecomponent: str) -> list[dict[str, Any]]:
    """Per neighbour ({buur, gebruik}): its Gebruik for the component that the reader may see."""
    return await reader.read(
        "benchmark/buren", {"gemeente": gemeente, "referentiecomponent": referentiecomponent}
    )


async def vergelijkbaar(reader: Reader, gemeente: str, aantal: int) -> list[dict[str, Any]]:
    """The `aantal` gemeenten whose applications overlap most with this one's, most first."""
    return await reader.read("benchmark/vergelijkbaar", {"gemeente": gemeente, "aantal": aantal})


async def aanbevelingen(
    reader: Reader, gemeente: str, *, vergelijkbaar_met: int, aantal: int
) -> list[dict[str, Any]]:
    """Applications the `vergelijkbaar_met` most similar gemeenten use and this one does not
    ({applicatie, aantal, door}), by how many of them use each."""
    similar = await vergelijkbaar(reader, gemeente, vergelijkbaar_met)
    return await reader.read(
        "benchmark/aanbevelingen",
        {"gemeente": gemeente, "vergelijkbaar": [row["gemeente"]["id"] for row in similar], "aantal": aantal},
    )
