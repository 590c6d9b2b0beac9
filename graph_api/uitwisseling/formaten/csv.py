"""CSV as the catalogue's downloads write it: semicolon-separated, `"`-quoted, UTF-8 with a byte
order mark (so Excel on Dutch Windows reads it right), one file per table, zipped when there are
several; dates ISO (YYYY-MM-DD).

A cell starting with = + - or @ gets a leading `'`: a spreadsheet would otherwise run it as a
formula (CSV injection), and a landscape's names and notes are anyone's text. An import strips
that one `'` again (docs/exchange.md).
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from datetime import date

from graph_api.uitwisseling.formaten.bestand import Bestand
from graph_api.uitwisseling.landschap import Landschap
from graph_api.uitwisseling.tabel import Cel, Tabel, landschap_tabellen

MEDIA_TYPE = "text/csv; charset=utf-8"
ZIP = "application/zip"
BOM = "\ufeff"
FORMULE = ("=", "+", "-", "@")


def cel(waarde: Cel) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, date):
        return waarde.isoformat()
    tekst = str(waarde)
    return "'" + tekst if isinstance(waarde, str) and tekst.startswith(FORMULE) else tekst


def tabel_bytes(tabel: Tabel) -> bytes:
    out = io.StringIO()
    out.write(BOM)
    schrijver = csv.writer(
        out, delimiter=";", quotechar='"', quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n"
    )
    schrijver.writerow(tabel.kolommen)
    schrijver.writerows([cel(w) for w in rij] for rij in tabel.rijen)
    return out.getvalue().encode("utf-8")


def tabellen(tabellen_: Sequence[Tabel]) -> Bestand:
    """One table as a .csv, several as a .zip of one .csv each."""
    if len(tabellen_) == 1:
        return Bestand(tabel_bytes(tabellen_[0]), MEDIA_TYPE, "csv")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archief:
        for tabel in tabellen_:
            archief.writestr(f"{tabel.naam}.csv", tabel_bytes(tabel))
    return Bestand(buffer.getvalue(), ZIP, "zip")


def landschap(landschap_: Landschap) -> Bestand:
    """pakketoverzicht.csv and koppelingen.csv, zipped."""
    return tabellen(landschap_tabellen(landschap_))
