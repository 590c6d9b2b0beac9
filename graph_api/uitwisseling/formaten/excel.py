"""Excel (.xlsx): one sheet per table, the header row frozen with an auto-filter over the table,
columns as wide as their text (within bounds), dates as real dates.

openpyxl's write-only mode streams rows into the file instead of keeping a cell object each: the
largest landscape's two sheets take a fraction of the time.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from graph_api.uitwisseling.formaten.bestand import Bestand
from graph_api.uitwisseling.landschap import Landschap
from graph_api.uitwisseling.tabel import Cel, Tabel, landschap_tabellen

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SMALST, BREEDST = 8, 60  # characters
DATUM = "yyyy-mm-dd"


def _breedte(kop: str, waarden: list[Cel]) -> int:
    langst = max([len(kop)] + [10 if isinstance(w, date) else len(str(w)) for w in waarden if w is not None])
    return min(BREEDST, max(SMALST, langst + 2))


def _blad(werkmap: Workbook, tabel: Tabel) -> None:
    blad = werkmap.create_sheet(tabel.naam[:31])  # Excel's longest sheet name
    assert isinstance(blad, WriteOnlyWorksheet)
    # Layout first: a write-only sheet writes it before its rows.
    for i, kop in enumerate(tabel.kolommen):
        kolom = [rij[i] for rij in tabel.rijen]
        blad.column_dimensions[get_column_letter(i + 1)].width = _breedte(kop, kolom)
    blad.freeze_panes = "A2"
    laatste = get_column_letter(len(tabel.kolommen))
    blad.auto_filter.ref = f"A1:{laatste}{len(tabel.rijen) + 1}"
    vet = Font(bold=True)
    koppen = []
    for kop in tabel.kolommen:
        c = WriteOnlyCell(blad, value=kop)
        c.font = vet
        koppen.append(c)
    blad.append(koppen)
    for rij in tabel.rijen:
        blad.append([_cel(blad, waarde) for waarde in rij])


def _cel(blad: WriteOnlyWorksheet, waarde: Cel) -> object:
    """A value as its cell: a date with a date's format; text starting with `=` as text, which
    openpyxl would otherwise write as a formula for Excel to run (formula injection)."""
    if isinstance(waarde, date):
        cel = WriteOnlyCell(blad, value=waarde)
        cel.number_format = DATUM
        return cel
    if isinstance(waarde, str) and waarde.startswith("="):
        cel = WriteOnlyCell(blad, value=waarde)
        cel.data_type = "s"
        return cel
    return waarde


def tabellen(tabellen_: Sequence[Tabel]) -> Bestand:
    werkmap = Workbook(write_only=True)
    for tabel in tabellen_:
        _blad(werkmap, tabel)
    buffer = io.BytesIO()
    werkmap.save(buffer)
    return Bestand(buffer.getvalue(), MEDIA_TYPE, "xlsx")


def landschap(landschap_: Landschap) -> Bestand:
    """The sheets pakketoverzicht and koppelingen."""
    return tabellen(landschap_tabellen(landschap_))
