"""The graph as a whole: how many nodes it holds per label, as far as the reader may see them."""

from __future__ import annotations

from graph_api.domain import Reader


async def aantallen(reader: Reader) -> dict[str, int]:
    """Nodes per label; a label the reader may not count (Koppeling, Gebruiker, ...) is left out."""
    return {row["label"]: row["aantal"] for row in await reader.read("stats/labels")}
