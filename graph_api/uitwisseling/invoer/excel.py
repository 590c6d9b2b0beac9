"""A landscape from Excel (.xlsx): the sheets "Pakketoverzicht" and "Koppelingen" (the second
may be absent), a header row of the columns of graph_api/uitwisseling/landschap.py.

An .xlsx is a zip of XML: it is unpacked within the limits first (grenzen.pak_uit, which
refuses a bomb), and openpyxl reads the XML through defusedxml (installed with graph_api), so
entities and external references are refused too.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

import openpyxl

from graph_api.errors import InvoerGeweigerd
from graph_api.uitwisseling.invoer.gelezen import KOPPELINGEN, MISSING_TABLE, PAKKETOVERZICHT, Fout, Gelezen
from graph_api.uitwisseling.invoer.grenzen import Grenzen, controleer_grootte, is_zip, pak_uit
from graph_api.uitwisseling.invoer.tabel import Cel, Tabel, lees_tabellen


def lees(inhoud: bytes, grenzen: Grenzen) -> Gelezen:
    controleer_grootte(inhoud, grenzen)
    if not is_zip(inhoud):
        raise InvoerGeweigerd("UNREADABLE_FILE", "the file is not an .xlsx workbook (no zip)")
    leden = pak_uit(inhoud, grenzen)
    # Read from what was unpacked within the limits, never from the file as sent again.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as schoon:
        for naam, data in leden.items():
            schoon.writestr(naam, data)
    try:
        boek = openpyxl.load_workbook(buffer, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises what its parsers raise: any of them means unreadable
        raise InvoerGeweigerd(
            "UNREADABLE_FILE", f"the workbook cannot be read: {type(exc).__name__}"
        ) from None
    fouten: list[Fout] = []
    try:
        bladen = {blad.title.strip().casefold(): blad for blad in boek.worksheets}
        tabellen: dict[str, Tabel | None] = {}
        for tabel in (PAKKETOVERZICHT, KOPPELINGEN):
            blad = bladen.get(tabel.casefold())
            if blad is None:
                if tabel == PAKKETOVERZICHT:
                    fouten.append(
                        Fout(tabel, None, None, MISSING_TABLE, f"the workbook has no sheet {tabel!r}")
                    )
                tabellen[tabel] = None
                continue
            rijen = _rijen(blad, grenzen)
            kop = next(rijen, None)
            if kop is None:
                fouten.append(Fout(tabel, 1, None, MISSING_TABLE, f"the sheet {tabel!r} is empty"))
                tabellen[tabel] = None
                continue
            # Materialised while the workbook is open: read-only sheets read from it lazily.
            tabellen[tabel] = Tabel(tabel, kop[1], list(rijen))
        return lees_tabellen(tabellen[PAKKETOVERZICHT], tabellen[KOPPELINGEN], fouten)
    finally:
        boek.close()


def _rijen(blad: Any, grenzen: Grenzen) -> Iterator[tuple[int, list[Cel]]]:
    for i, rij in enumerate(blad.iter_rows(values_only=True), start=1):
        if i > grenzen.max_rijen + 1:
            raise InvoerGeweigerd("TOO_MANY_ROWS", f"a sheet holds more than {grenzen.max_rijen} rows")
        cellen = list(rij)
        if any(isinstance(cel, str) and len(cel) > grenzen.max_cel for cel in cellen):
            raise InvoerGeweigerd("ROW_TOO_LARGE", f"line {i} has a cell over {grenzen.max_cel} characters")
        yield i, cellen
