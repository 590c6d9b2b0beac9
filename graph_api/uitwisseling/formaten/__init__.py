"""The export formats by name: what `?formaat=` and `--formaat` take.

A format is one entry of FORMATEN: its name, the media type and extension of what it writes, and
a writer for a landscape and/or for plain tables (graph_api/uitwisseling/tabel.py). A writer
returns a `Bestand`; CSV's answers a .zip when there are several tables.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from graph_api.errors import RequestError
from graph_api.uitwisseling.formaten import ameff, csv, cytoscape, excel, graphml
from graph_api.uitwisseling.formaten.bestand import Bestand
from graph_api.uitwisseling.landschap import Landschap
from graph_api.uitwisseling.tabel import Tabel

__all__ = ["FORMATEN", "Bestand", "Formaat", "OnbekendFormaat", "formaat"]


class OnbekendFormaat(RequestError):
    """A format this export does not write: the request is refused before anything is read."""

    codes: ClassVar = {"BAD_REQUEST": 400}

    def __init__(self, message: str, *, argument: str):
        super().__init__("BAD_REQUEST", message)
        self.argument = argument


@dataclass(frozen=True)
class Formaat:
    naam: str
    media_type: str
    extensie: str
    landschap: Callable[[Landschap], Bestand] | None = None  # None: not for a landscape
    tabellen: Callable[[Sequence[Tabel]], Bestand] | None = None  # None: not for tables


FORMATEN: dict[str, Formaat] = {
    f.naam: f
    for f in (
        Formaat("csv", csv.MEDIA_TYPE, "csv", landschap=csv.landschap, tabellen=csv.tabellen),
        Formaat("xlsx", excel.MEDIA_TYPE, "xlsx", landschap=excel.landschap, tabellen=excel.tabellen),
        Formaat("graphml", graphml.MEDIA_TYPE, "graphml", landschap=graphml.landschap),
        Formaat("cytoscape", cytoscape.MEDIA_TYPE, "json", landschap=cytoscape.landschap),
        Formaat("ameff", ameff.MEDIA_TYPE, "xml", landschap=ameff.landschap),
    )
}


def formaat(naam: str | None, *, voor: str, argument: str = "formaat") -> Formaat:
    """The format named, for a `landschap` or for `tabellen`; BAD_REQUEST naming the argument and
    the formats there are otherwise."""
    gekozen = FORMATEN.get((naam or "").strip().lower())
    mogelijk = sorted(n for n, f in FORMATEN.items() if getattr(f, voor) is not None)
    if gekozen is None or getattr(gekozen, voor) is None:
        raise OnbekendFormaat(
            f"{argument} {naam!r} is not a format of this export; one of: {', '.join(mogelijk)}",
            argument=argument,
        )
    return gekozen
