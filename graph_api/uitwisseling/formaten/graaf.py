"""A landscape as a graph, for the graph formats (GraphML, Cytoscape.js): a node per Gebruik and
per national facility a koppeling reaches, an edge per koppeling from its VAN end to its NAAR
end (its `richting` says which way the data goes). Enumerations are their Dutch labels, lists
comma-separated, as in the tables.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph_api.uitwisseling import landschap as ls
from graph_api.uitwisseling.tabel import lijst

GEBRUIK, VOORZIENING = "gebruik", "voorziening"

# The attributes, in order, with their GraphML types: nodes', then edges'.
KNOOP_VELDEN = (
    ("soort", "string"),
    ("naam", "string"),
    ("applicatieId", "string"),
    ("leverancierId", "string"),
    ("leverancier", "string"),
    ("versie", "string"),
    ("status", "string"),
    ("hosting", "string"),
    ("referentiecomponenten", "string"),  # GEMMA Object IDs
    ("referentiecomponentNamen", "string"),
    ("objectId", "string"),  # a national facility's GEMMA Object ID
)
KANT_VELDEN = (
    ("type", "string"),
    ("richting", "string"),
    ("status", "string"),
    ("standaarden", "string"),  # standaardversies' GEMMA Object IDs
    ("standaardNamen", "string"),
    ("via", "string"),
    ("beschrijving", "string"),
)
GRAAF_VELDEN = (("organisatieId", "string"), ("organisatie", "string"), ("cbsCode", "string"))


@dataclass(frozen=True)
class Knoop:
    id: str
    velden: dict[str, str]


@dataclass(frozen=True)
class Kant:
    id: str
    bron: str
    doel: str
    velden: dict[str, str]


def voorziening_id(gemma: ls.Gemma) -> str:
    return f"voorziening-{gemma.object_id}"


def _zonder_leeg(velden: dict[str, str | None]) -> dict[str, str]:
    return {k: v for k, v in velden.items() if v}


def graaf(landschap: ls.Landschap) -> tuple[dict[str, str], list[Knoop], list[Kant]]:
    """The graph's own attributes, its nodes and its edges."""
    knopen = {
        g.gebruik_id: Knoop(
            g.gebruik_id,
            _zonder_leeg(
                {
                    "soort": GEBRUIK,
                    "naam": g.applicatie_naam,
                    "applicatieId": g.applicatie_id,
                    "leverancierId": g.leverancier_id,
                    "leverancier": g.leverancier_naam,
                    "versie": g.versie,
                    "status": ls.label(ls.GEBRUIK_STATUS, g.status),
                    "hosting": ls.label(ls.HOSTING, g.hosting),
                    "referentiecomponenten": lijst(c.object_id for c in g.referentiecomponenten),
                    "referentiecomponentNamen": lijst(c.naam for c in g.referentiecomponenten),
                }
            ),
        )
        for g in landschap.gebruik
    }
    kanten = []
    for k in landschap.koppelingen:
        if k.naar_voorziening is not None:
            doel = voorziening_id(k.naar_voorziening)
            knopen.setdefault(
                doel,
                Knoop(
                    doel,
                    _zonder_leeg(
                        {
                            "soort": VOORZIENING,
                            "naam": k.naar_voorziening.naam,
                            "objectId": k.naar_voorziening.object_id,
                        }
                    ),
                ),
            )
        else:
            doel = k.naar or ""
        for eind in (k.van, doel):  # an end outside the file's Gebruik still gets its node
            knopen.setdefault(eind, Knoop(eind, {"soort": GEBRUIK}))
        kanten.append(
            Kant(
                k.koppeling_id or f"{k.van}-{doel}",
                k.van,
                doel,
                _zonder_leeg(
                    {
                        "type": ls.label(ls.KOPPELING_TYPE, k.type),
                        "richting": ls.label(ls.KOPPELING_RICHTING, k.richting),
                        "status": ls.label(ls.KOPPELING_STATUS, k.status),
                        "standaarden": lijst(s.object_id for s in k.standaarden),
                        "standaardNamen": lijst(s.naam for s in k.standaarden),
                        "via": k.via,
                        "beschrijving": k.beschrijving,
                    }
                ),
            )
        )
    eigen = _zonder_leeg(
        {
            "organisatieId": landschap.organisatie_id,
            "organisatie": landschap.organisatie_naam,
            "cbsCode": landschap.cbs_code,
        }
    )
    return eigen, list(knopen.values()), kanten
