"""A landscape from CSV: a zip of pakketoverzicht.csv and koppelingen.csv (as the export writes
it), or one pakketoverzicht.csv alone. Semicolon-separated, `"`-quoted, UTF-8 with or without
a byte order mark (exchange.md). A header that only splits on another delimiter is reported as
WRONG_DELIMITER rather than read as one wide column."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from graph_api.errors import InvoerGeweigerd
from graph_api.uitwisseling.invoer.gelezen import (
    KOPPELINGEN,
    MISSING_TABLE,
    PAKKETOVERZICHT,
    WRONG_DELIMITER,
    Fout,
    Gelezen,
)
from graph_api.uitwisseling.invoer.grenzen import Grenzen, controleer_grootte, is_zip, pak_uit
from graph_api.uitwisseling.invoer.tabel import Cel, Tabel, lees_tabellen

BESTANDEN = {PAKKETOVERZICHT: "pakketoverzicht.csv", KOPPELINGEN: "koppelingen.csv"}
_ANDERE = (",", "\t", "|")


def lees(inhoud: bytes, grenzen: Grenzen) -> Gelezen:
    controleer_grootte(inhoud, grenzen)
    fouten: list[Fout] = []
    if not is_zip(inhoud):
        return lees_tabellen(_tabel(PAKKETOVERZICHT, inhoud, grenzen, fouten), None, fouten)
    leden = {naam.rsplit("/", 1)[-1].lower(): data for naam, data in pak_uit(inhoud, grenzen).items()}
    tabellen: dict[str, Tabel | None] = {}
    for tabel, bestand in BESTANDEN.items():
        data = leden.get(bestand)
        if data is None:
            if tabel == PAKKETOVERZICHT:
                fouten.append(Fout(tabel, None, None, MISSING_TABLE, f"the zip holds no {bestand}"))
            tabellen[tabel] = None
            continue
        tabellen[tabel] = _tabel(tabel, data, grenzen, fouten)
    return lees_tabellen(tabellen[PAKKETOVERZICHT], tabellen[KOPPELINGEN], fouten)


def _tabel(naam: str, data: bytes, grenzen: Grenzen, fouten: list[Fout]) -> Tabel | None:
    try:
        tekst = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvoerGeweigerd(
            "UNREADABLE_FILE", f"{BESTANDEN[naam]} is not UTF-8 (byte {exc.start}): save it as CSV UTF-8"
        ) from None
    rijen = _lezer(tekst, grenzen)
    try:
        kop = next(rijen)[1]
    except StopIteration:
        fouten.append(Fout(naam, 1, None, MISSING_TABLE, f"{BESTANDEN[naam]} is empty"))
        return None
    if len(kop) == 1 and kop[0] is not None:
        gevonden = next((d for d in _ANDERE if d in str(kop[0])), None)
        if gevonden is not None:
            shown = {"\t": "tab"}.get(gevonden, repr(gevonden))
            fouten.append(Fout(
                naam, 1, None, WRONG_DELIMITER,
                f"{BESTANDEN[naam]} is separated by {shown}, not by semicolons: export it with ';'",
            ))  # fmt: skip
            return None
    return Tabel(naam, kop, rijen)


def _lezer(tekst: str, grenzen: Grenzen) -> Iterator[tuple[int, list[Cel]]]:
    """The rows with their line numbers, refused past the limits of rows and cells."""
    csv.field_size_limit(grenzen.max_cel * 4)  # characters; a cell over max_cel is a row's Fout
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=";", quotechar='"', strict=False)
    regel = 1
    try:
        for i, rij in enumerate(lezer):
            if i > grenzen.max_rijen:
                raise InvoerGeweigerd("TOO_MANY_ROWS", f"a table holds more than {grenzen.max_rijen} rows")
            yield regel, list(rij)
            regel = lezer.line_num + 1
    except csv.Error as exc:
        raise InvoerGeweigerd("ROW_TOO_LARGE", f"line {regel} cannot be read: {exc}") from None
