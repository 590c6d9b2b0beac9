"""GraphML (http://graphml.graphdrawing.org/): a landscape for yEd, Gephi, networkx and the like.
Every attribute is a declared <key>, nodes' and edges' apart; a value left empty is left out.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from graph_api.uitwisseling.formaten.bestand import Bestand
from graph_api.uitwisseling.formaten.graaf import GRAAF_VELDEN, KANT_VELDEN, KNOOP_VELDEN, graaf
from graph_api.uitwisseling.landschap import Landschap

MEDIA_TYPE = "application/graphml+xml"
NS = "http://graphml.graphdrawing.org/xmlns"
SCHEMA = "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"


def _sleutel(voor: str, naam: str) -> str:
    # Node and edge attributes share names (status): the key ids keep them apart.
    return f"{voor[0]}_{naam}"


def landschap(landschap_: Landschap) -> Bestand:
    eigen, knopen, kanten = graaf(landschap_)
    root = ET.Element(
        "graphml",
        {"xmlns": NS, "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance", "xsi:schemaLocation": SCHEMA},
    )
    for voor, velden in (("graph", GRAAF_VELDEN), ("node", KNOOP_VELDEN), ("edge", KANT_VELDEN)):
        for naam, soort in velden:
            ET.SubElement(
                root, "key", {"id": _sleutel(voor, naam), "for": voor, "attr.name": naam, "attr.type": soort}
            )
    g = ET.SubElement(root, "graph", {"id": landschap_.organisatie_id, "edgedefault": "directed"})
    for naam, waarde in eigen.items():
        ET.SubElement(g, "data", {"key": _sleutel("graph", naam)}).text = waarde
    for knoop in knopen:
        n = ET.SubElement(g, "node", {"id": knoop.id})
        for naam, waarde in knoop.velden.items():
            ET.SubElement(n, "data", {"key": _sleutel("node", naam)}).text = waarde
    for kant in kanten:
        e = ET.SubElement(g, "edge", {"id": kant.id, "source": kant.bron, "target": kant.doel})
        for naam, waarde in kant.velden.items():
            ET.SubElement(e, "data", {"key": _sleutel("edge", naam)}).text = waarde
    return Bestand(ET.tostring(root, encoding="utf-8", xml_declaration=True), MEDIA_TYPE, "graphml")
