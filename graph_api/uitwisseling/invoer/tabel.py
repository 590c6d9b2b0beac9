"""The two tables of a landscape file (pakketoverzicht, koppelingen) turned into the shared
classes, whatever format held them: CSV and Excel give rows of cells under a header of the
columns of graph_api/uitwisseling/landschap.py.

Columns starting with `_` and the name-only columns (a name shown beside an id) are ignored;
enumerations are read by label or key (`sleutel`); dates as ISO-8601 (2026-06-30), as a Dutch
day-month-year (30-06-2026), or as the date cells of a spreadsheet.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from graph_api.uitwisseling import landschap as lv
from graph_api.uitwisseling.invoer.gelezen import (
    DUPLICATE_ID,
    INVALID_DATE,
    KOPPELINGEN,
    MISSING_COLUMN,
    PAKKETOVERZICHT,
    REQUIRED,
    TOO_LONG,
    UNKNOWN_VALUE,
    Fout,
    Gelezen,
)
from graph_api.uitwisseling.landschap import GebruikRegel, Gemma, KoppelingRegel, Landschap

Cel = str | int | float | date | datetime | None

# Shown beside an id for the reader of the file; an import reads the id.
NAAMKOLOMMEN = frozenset(
    {"Referentiecomponent namen", "Van Pakket Naam", "Naar Pakket Naam", "Naar voorziening naam",
     "Standaard namen"}
)  # fmt: skip
VERPLICHT = {
    PAKKETOVERZICHT: ("Gebruik ID", "Pakket Naam", "Gebruik status"),
    KOPPELINGEN: ("Van Gebruik ID", "Type", "Richting", "Status"),
}
BEKEND = {PAKKETOVERZICHT: frozenset(lv.PAKKETOVERZICHT), KOPPELINGEN: frozenset(lv.KOPPELINGEN)}
# The export guards cells against spreadsheet formulas with a leading ' (exchange.md).
_FORMULE = ("=", "+", "-", "@")


@dataclass(frozen=True)
class Tabel:
    """A table as a format holds it: its header and its rows, each with its line."""

    naam: str
    kop: list[Cel]
    rijen: Iterable[tuple[int, list[Cel]]]


class _Rij:
    """One row's cells by column, collecting what cannot be read."""

    def __init__(self, tabel: str, regel: int, cellen: Mapping[str, Cel], fouten: list[Fout]):
        self.tabel, self.regel, self.cellen, self.fouten = tabel, regel, cellen, fouten
        self.goed = True

    def fout(self, kolom: str | None, code: str, melding: str) -> None:
        self.goed = False
        self.fouten.append(Fout(self.tabel, self.regel, kolom, code, melding))

    def tekst(self, kolom: str, *, verplicht: bool = False, lang: bool = False) -> str | None:
        waarde = self.cellen.get(kolom)
        if isinstance(waarde, datetime | date):
            tekst: str | None = waarde.isoformat()[:10]
        elif isinstance(waarde, float) and waarde.is_integer():
            tekst = str(int(waarde))
        else:
            tekst = None if waarde is None else str(waarde).strip()
        if tekst and tekst[0] == "'" and tekst[1:2] in _FORMULE:
            tekst = tekst[1:]
        if not tekst:
            if verplicht:
                self.fout(kolom, REQUIRED, f"{kolom} is required")
            return None
        limit = 10_000 if lang else 200
        if len(tekst) > limit or "\x00" in tekst:
            self.fout(kolom, TOO_LONG, f"{kolom} is longer than {limit} characters or holds a NUL")
            return None
        return tekst

    def keuze(self, kolom: str, waarden: Mapping[str, str], *, verplicht: bool = False) -> str | None:
        tekst = self.tekst(kolom, verplicht=verplicht)
        if tekst is None:
            return None
        key = lv.sleutel(waarden, tekst)
        if key is None:
            shown = ", ".join(waarden.values())
            self.fout(kolom, UNKNOWN_VALUE, f"{kolom} {tekst!r} is none of: {shown}")
        return key

    def datum(self, kolom: str) -> date | None:
        waarde = self.cellen.get(kolom)
        if isinstance(waarde, datetime):
            return waarde.date()
        if isinstance(waarde, date):
            return waarde
        tekst = self.tekst(kolom)
        if tekst is None:
            return None
        for lezen in (date.fromisoformat, _dag_maand_jaar):
            try:
                return lezen(tekst[:10] if lezen is date.fromisoformat else tekst)
            except ValueError:
                continue
        self.fout(kolom, INVALID_DATE, f"{kolom} {tekst!r} is no date (2026-06-30 or 30-06-2026)")
        return None

    def gemma(self, kolom: str) -> tuple[Gemma, ...]:
        tekst = self.tekst(kolom, lang=True)
        if tekst is None:
            return ()
        ids = [part.strip() for part in tekst.replace(";", ",").split(",")]
        return tuple(Gemma(object_id) for object_id in dict.fromkeys(i for i in ids if i))


def _dag_maand_jaar(tekst: str) -> date:
    dag, maand, jaar = tekst.replace("/", "-").split("-")
    if len(jaar) != 4:
        raise ValueError(tekst)
    return date(int(jaar), int(maand), int(dag))


def _kolommen(tabel: Tabel, fouten: list[Fout]) -> tuple[dict[int, str], frozenset[str]] | None:
    """The columns this import reads, by position; None (with a Fout) if a required one lacks."""
    namen = ["" if cel is None else str(cel).strip().lstrip("\ufeff") for cel in tabel.kop]
    gelezen = {
        i: naam for i, naam in enumerate(namen) if naam in BEKEND[tabel.naam] and naam not in NAAMKOLOMMEN
    }
    ontbreekt = [k for k in VERPLICHT[tabel.naam] if k not in gelezen.values()]
    for kolom in ontbreekt:
        fouten.append(Fout(tabel.naam, 1, kolom, MISSING_COLUMN, f"the column {kolom!r} is missing"))
    dubbel = sorted({n for n in gelezen.values() if list(gelezen.values()).count(n) > 1})
    for kolom in dubbel:
        fouten.append(Fout(tabel.naam, 1, kolom, DUPLICATE_ID, f"the column {kolom!r} appears twice"))
    if ontbreekt or dubbel:
        return None
    return gelezen, frozenset(gelezen.values())


def _rijen(tabel: Tabel, kolommen: dict[int, str], fouten: list[Fout]) -> Iterator[_Rij]:
    for regel, cellen in tabel.rijen:
        if all(cel is None or (isinstance(cel, str) and not cel.strip()) for cel in cellen):
            continue  # an empty line, as spreadsheets leave them
        yield _Rij(
            tabel.naam,
            regel,
            {naam: cellen[i] if i < len(cellen) else None for i, naam in kolommen.items()},
            fouten,
        )


def lees_tabellen(pakketoverzicht: Tabel | None, koppelingen: Tabel | None, fouten: list[Fout]) -> Gelezen:
    """The landscape two tables hold (`koppelingen` None: a file of the pakketoverzicht alone)."""
    gebruik: list[GebruikRegel] = []
    plaatsen_g: list[int | str] = []
    onleesbaar: set[str] = set()
    kolommen: dict[str, frozenset[str]] = {}
    gezien: set[str] = set()
    gelezen = _kolommen(pakketoverzicht, fouten) if pakketoverzicht else None
    if pakketoverzicht and gelezen:
        kolommen[PAKKETOVERZICHT] = gelezen[1]
        for rij in _rijen(pakketoverzicht, gelezen[0], fouten):
            regel = _gebruik(rij)
            gebruik_id = rij.tekst("Gebruik ID")
            if gebruik_id is not None and gebruik_id in gezien:
                rij.fout("Gebruik ID", DUPLICATE_ID, f"Gebruik ID {gebruik_id!r} is in the file twice")
            if gebruik_id is not None:
                gezien.add(gebruik_id)
            if regel is not None and rij.goed:
                gebruik.append(regel)
                plaatsen_g.append(rij.regel)
            elif gebruik_id is not None:
                onleesbaar.add(gebruik_id)
    verbindingen: list[KoppelingRegel] = []
    plaatsen_k: list[int | str] = []
    gelezen = _kolommen(koppelingen, fouten) if koppelingen else None
    if koppelingen and gelezen:
        kolommen[KOPPELINGEN] = gelezen[1]
        ids: set[str] = set()
        for rij in _rijen(koppelingen, gelezen[0], fouten):
            koppeling = _koppeling(rij)
            if koppeling is not None and koppeling.koppeling_id is not None:
                if koppeling.koppeling_id in ids:
                    rij.fout(
                        "Koppeling ID",
                        DUPLICATE_ID,
                        f"Koppeling ID {koppeling.koppeling_id!r} is in the file twice",
                    )
                ids.add(koppeling.koppeling_id)
            if koppeling is not None and rij.goed:
                verbindingen.append(koppeling)
                plaatsen_k.append(rij.regel)
    return Gelezen(
        landschap=Landschap("", "", tuple(gebruik), tuple(verbindingen)),
        fouten=fouten,
        plaatsen_gebruik=tuple(plaatsen_g),
        plaatsen_koppelingen=tuple(plaatsen_k),
        kolommen=kolommen,
        onleesbaar=frozenset(onleesbaar),
    )


def _gebruik(rij: _Rij) -> GebruikRegel | None:
    gebruik_id = rij.tekst("Gebruik ID", verplicht=True)
    naam = rij.tekst("Pakket Naam", verplicht=True)
    status = rij.keuze("Gebruik status", lv.GEBRUIK_STATUS, verplicht=True)
    velden: dict[str, Any] = {
        "applicatie_id": rij.tekst("Pakket ID"),
        "leverancier_id": rij.tekst("Leverancier ID"),
        "leverancier_naam": rij.tekst("Leverancier Naam"),
        "versie": rij.tekst("Pakketversie Naam"),
        "verwerving_datum": rij.datum("Verwerving datum"),
        "gepland_datum": rij.datum("Gepland datum"),
        "start_datum": rij.datum("Start datum"),
        "uit_te_faseren_datum": rij.datum("Uit te faseren datum"),
        "eind_datum": rij.datum("Eind datum"),
        "hosting": rij.keuze("Hosting", lv.HOSTING),
        "contract_einde": rij.datum("Contract einde"),
        "referentiecomponenten": rij.gemma("Referentiecomponenten"),
        "notities": rij.tekst("Notities", lang=True),
    }
    if gebruik_id is None or naam is None or status is None:
        return None
    return GebruikRegel(gebruik_id=gebruik_id, applicatie_naam=naam, status=status, **velden)


def _koppeling(rij: _Rij) -> KoppelingRegel | None:
    van = rij.tekst("Van Gebruik ID", verplicht=True)
    soort = rij.keuze("Type", lv.KOPPELING_TYPE, verplicht=True)
    richting = rij.keuze("Richting", lv.KOPPELING_RICHTING, verplicht=True)
    status = rij.keuze("Status", lv.KOPPELING_STATUS, verplicht=True)
    naar = rij.tekst("Naar Gebruik ID")
    voorziening = rij.tekst("Naar voorziening")
    if (naar is None) == (voorziening is None):
        rij.fout(
            "Naar Gebruik ID",
            REQUIRED,
            "a koppeling goes to a Gebruik ID or to a Naar voorziening: one of them",
        )
    velden: dict[str, Any] = {
        "koppeling_id": rij.tekst("Koppeling ID"),
        "naar": naar,
        "naar_voorziening": None if voorziening is None else Gemma(voorziening),
        "standaarden": rij.gemma("Standaarden"),
        "via": rij.tekst("Via Gebruik ID"),
        "beschrijving": rij.tekst("Beschrijving", lang=True),
    }
    if van is None or soort is None or richting is None or status is None:
        return None
    return KoppelingRegel(van=van, type=soort, richting=richting, status=status, **velden)
