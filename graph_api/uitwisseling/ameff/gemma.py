"""GEMMA's own identifiers of the GEMMA elements a landscape names by Object ID: what the
writer needs beside the `Landschap` to line the file up with GEMMA's model in Archi."""

from __future__ import annotations

from graph_api.domain import Reader
from graph_api.uitwisseling.landschap import Landschap


async def gemma_identifiers(reader: Reader, landschap: Landschap) -> dict[str, str]:
    """Object ID → the graph's id of each referentiecomponent, facility and standard version."""
    ids = {c.object_id for g in landschap.gebruik for c in g.referentiecomponenten}
    for k in landschap.koppelingen:
        ids.update(s.object_id for s in k.standaarden)
        if k.naar_voorziening is not None:
            ids.add(k.naar_voorziening.object_id)
    if not ids:
        return {}
    rows = await reader.read("ameff/gemma_identifiers", {"ids": sorted(ids)})
    return {str(row["sleutel"]): str(row["id"]) for row in rows}
