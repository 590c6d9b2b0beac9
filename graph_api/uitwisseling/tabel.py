"""Exports as tables: what CSV and Excel write, one file or sheet per table.

A cell is text, a number, a date or empty; enumerations are their Dutch labels and lists are
comma-separated here already, so every tabular format writes the same values and only its syntax
differs. The landscape's tables have the columns of graph_api/uitwisseling/landschap.py, the
catalogue's those of "Alle pakketten" (../shared/docs/exchange.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from graph_api.model import keuzes
from graph_api.uitwisseling import landschap as ls
from graph_api.uitwisseling.lezen import Pakketversie

Cel = str | int | float | date | None

# The columns of today's "Alle pakketten" download, in its order (exchange.md).
ALLE_PAKKETTEN = (
    "Leverancier ID",
    "Leverancier Naam",
    "Pakket ID",
    "Pakket Naam",
    "Pakket Beschrijving",
    "Pakket URL productpagina",
    "Pakketversie Naam",
    "Pakketversie Status",
    "Mutatiedatum pakketversie",
    "Pakketversie Ondersteunde technologieën",  # the standard versions it supports, by name
    "Referentiecomponenten leverancier UUID",  # GEMMA Object IDs, comma-separated
)


@dataclass(frozen=True)
class Tabel:
    naam: str  # the file's name without extension, or the sheet's
    kolommen: tuple[str, ...]
    rijen: tuple[tuple[Cel, ...], ...]


def lijst(waarden: Iterable[str]) -> str:
    """A list in one cell: comma-separated, as the catalogue's downloads write them."""
    return ", ".join(waarden)


def landschap_tabellen(landschap: ls.Landschap) -> tuple[Tabel, Tabel]:
    """The pakketoverzicht and the koppelingen of a landscape."""
    namen = {g.gebruik_id: g.applicatie_naam for g in landschap.gebruik}
    gebruik = tuple(
        (
            g.gebruik_id,
            g.applicatie_id,
            g.applicatie_naam,
            g.leverancier_id,
            g.leverancier_naam,
            g.versie,
            ls.label(ls.GEBRUIK_STATUS, g.status),
            g.verwerving_datum,
            g.gepland_datum,
            g.start_datum,
            g.uit_te_faseren_datum,
            g.eind_datum,
            ls.label(ls.HOSTING, g.hosting) or None,
            g.contract_einde,
            lijst(c.object_id for c in g.referentiecomponenten),
            lijst(c.naam for c in g.referentiecomponenten),
            g.notities,
        )
        for g in landschap.gebruik
    )
    koppelingen = tuple(
        (
            k.koppeling_id,
            k.van,
            namen.get(k.van),
            k.naar,
            namen.get(k.naar) if k.naar else None,
            k.naar_voorziening.object_id if k.naar_voorziening else None,
            k.naar_voorziening.naam if k.naar_voorziening else None,
            ls.label(ls.KOPPELING_TYPE, k.type),
            ls.label(ls.KOPPELING_RICHTING, k.richting),
            ls.label(ls.KOPPELING_STATUS, k.status),
            lijst(s.object_id for s in k.standaarden),
            lijst(s.naam for s in k.standaarden),
            k.via,
            k.beschrijving,
        )
        for k in landschap.koppelingen
    )
    return Tabel("pakketoverzicht", ls.PAKKETOVERZICHT, gebruik), Tabel(
        "koppelingen", ls.KOPPELINGEN, koppelingen
    )


def pakketten_tabel(naam: str, regels: Iterable[Pakketversie]) -> Tabel:
    """Rows of "Alle pakketten": a leverancier's aanbod or the whole catalogue."""
    rijen = tuple(
        (
            r.leverancier_id,
            r.leverancier_naam,
            r.pakket_id,
            r.pakket_naam,
            r.beschrijving,
            r.website,
            r.versie,
            ls.label(keuzes.VERSIE_STATUS, r.versie_status) or None,
            r.mutatiedatum,
            lijst(r.standaarden),
            lijst(r.referentiecomponenten),
        )
        for r in regels
    )
    return Tabel(naam, ALLE_PAKKETTEN, rijen)
