"""Importing a landscape from a file (issue 20, point 2): a reader per format makes a
`Landschap` of it (gelezen.py), the plan compares it with the organisation's landscape in the
graph (plan.py), and applying writes the plan in one statement (toepassen.py).

The readers, by format name; part of a request names the format (a Content-Type or ?formaat=).
"""

from __future__ import annotations

from collections.abc import Mapping

from graph_api.errors import InvoerGeweigerd
from graph_api.uitwisseling.invoer import csv, excel
from graph_api.uitwisseling.invoer.gelezen import Fout, Gelezen, Lezer
from graph_api.uitwisseling.invoer.grenzen import GRENZEN, Grenzen

__all__ = ["LEZERS", "Fout", "Gelezen", "Grenzen", "Lezer", "formaat_van", "lees"]



def _ameff(inhoud: bytes, grenzen: Grenzen) -> Gelezen:
    # Imported when first used: the AMEFF reader (graph_api/uitwisseling/ameff/) is built on this
    # package's classes, so importing it here would make a cycle.
    from graph_api.uitwisseling.ameff.lezen import lees

    return lees(inhoud, grenzen)


LEZERS: dict[str, Lezer] = {
    "csv": csv.lees,
    "xlsx": excel.lees,
    "ameff": _ameff,
}
# What a Content-Type names; a zip is the CSV export's.
MEDIA = {
    "text/csv": "csv",
    "application/zip": "csv",
    "application/x-zip-compressed": "csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/xml": "ameff",
    "text/xml": "ameff",
}


def formaat_van(content_type: str | None, namen: Mapping[str, str] = MEDIA) -> str | None:
    """The format a Content-Type names, None when it names none."""
    media = (content_type or "").split(";")[0].strip().lower()
    return namen.get(media)


def lees(formaat: str, inhoud: bytes, grenzen: Grenzen = GRENZEN) -> Gelezen:
    """The file read by its format's reader."""
    lezer = LEZERS.get(formaat.strip().lower())
    if lezer is None:
        raise InvoerGeweigerd(
            "UNSUPPORTED_FORMAT", f"no reader for {formaat[:40]!r}: one of {', '.join(sorted(LEZERS))}",
            argument="formaat",
        )  # fmt: skip
    return lezer(inhoud, grenzen)
