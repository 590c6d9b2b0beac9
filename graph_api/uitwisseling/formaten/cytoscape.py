"""Cytoscape.js JSON (js.cytoscape.org, "elements JSON"): `{"data": {...}, "elements": {"nodes":
[{"data": {...}}], "edges": [{"data": {"id", "source", "target", ...}}]}}`, which `cy.json()`
and Cytoscape desktop's import read. A node's `label` is its application's name.
"""

from __future__ import annotations

import json

from graph_api.uitwisseling.formaten.bestand import Bestand
from graph_api.uitwisseling.formaten.graaf import graaf
from graph_api.uitwisseling.landschap import Landschap

MEDIA_TYPE = "application/json"


def landschap(landschap_: Landschap) -> Bestand:
    eigen, knopen, kanten = graaf(landschap_)
    document = {
        "data": eigen,
        "elements": {
            "nodes": [
                {"data": {"id": k.id, "label": k.velden.get("naam", k.id), **k.velden}} for k in knopen
            ],
            "edges": [{"data": {"id": k.id, "source": k.bron, "target": k.doel, **k.velden}} for k in kanten],
        },
    }
    return Bestand(json.dumps(document, ensure_ascii=False).encode("utf-8"), MEDIA_TYPE, "json")
