"""The ArchiMate Model Exchange File Format (AMEFF 3.1): a landscape for Archi, written by
graph_api/uitwisseling/ameff/schrijven.py (docs/exchange.md, "ArchiMate (AMEFF)")."""

from __future__ import annotations

from graph_api.uitwisseling.ameff.schrijven import schrijf
from graph_api.uitwisseling.formaten.bestand import Bestand
from graph_api.uitwisseling.landschap import Landschap

MEDIA_TYPE = "application/xml"  # AMEFF has no media type of its own


def landschap(landschap_: Landschap) -> Bestand:
    return Bestand(schrijf(landschap_), MEDIA_TYPE, "xml")
