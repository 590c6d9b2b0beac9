"""A TOPdesk CMDB export (.xlsx) read as a sync batch (graph_api/domain/landschap/
synchronisatie.py) with bron `topdesk` and APPID as the key; docs/exchange.md, "A CMDB keeps
the landscape current", lists the columns read and the status mapping.

A hostile file is refused before openpyxl parses it: its size, the size its zip parts unpack
to and their packing ratio (a zip bomb), then the rows while they stream in (read-only mode;
defusedxml guards openpyxl's XML parsing). Nothing of a refused file reaches the graph.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from graph_api.domain.landschap import synchronisatie
from graph_api.domain.landschap.synchronisatie import Item, Resultaat
from graph_api.domain.wijzigen import Schrijver, Writer
from graph_api.errors import WerkboekGeweigerd

BRON = "topdesk"
BLADEN = ("Beheerde Applicaties CMDB", "Onbeh Applicaties CMDB")
VEREIST = ("APPID", "Applicatie Naam")

MAX_BYTES = 10 * 1024 * 1024
MAX_UITGEPAKT = 100 * 1024 * 1024
MAX_VERHOUDING = 100  # a part's unpacked size over its packed size
MAX_RIJEN = 20_000
MAX_KOLOMMEN = 200

# TOPdesk's application statuses → the Gebruik lifecycle (exchange.md), compared in lower case.
STATUS = {
    "in productie": "IN_PRODUCTIE",
    "stand-by voor continuïteit": "IN_PRODUCTIE",
    "in voorraad": "GEPLAND",
    "in ontwikkeling": "VERWERVING",
    "besteld": "VERWERVING",
    "wordt getest": "VERWERVING",
    "uit te faseren": "UIT_TE_FASEREN",
    "moet verwijderd worden": "UIT_TE_FASEREN",
    "uitgefaseerd": "UITGEFASEERD",
    "verwijderd": "UITGEFASEERD",
}
# `Applicatiesoort` carries the hosting among other words ("Webapplicatie SaaS").
HOSTING = {
    "saas": "SAAS",
    "paas": "PAAS",
    "iaas": "IAAS",
    "on-premise": "ON_PREMISES",
    "on-premises": "ON_PREMISES",
}

GEMAAKT, GEWIJZIGD, ONGEWIJZIGD, OVERGESLAGEN, MISLUKT = (
    "created",
    "changed",
    "unchanged",
    "skipped",
    "failed",
)
_UITKOMST = {
    synchronisatie.AANGEMAAKT: GEMAAKT,
    synchronisatie.GEWIJZIGD: GEWIJZIGD,
    synchronisatie.ONGEWIJZIGD: ONGEWIJZIGD,
    synchronisatie.OVERGESLAGEN: OVERGESLAGEN,
    synchronisatie.MISLUKT: MISLUKT,
}
# The sync's item fields, as the columns they came from.
_KOLOM = {
    "bronSleutel": "APPID",
    "applicatie": "Applicatie Naam",
    "applicatieNaam": "Applicatie Naam",
    "leverancier": "Vendor",
    "status": "Applicatie Status",
    "hostingmodel": "Applicatiesoort",
}


@dataclass(frozen=True)
class Rij:
    """One row of the export: its sheet and line (as Excel numbers them), and the item it makes,
    or why it makes none."""

    blad: str
    regel: int
    appid: str
    item: Item | None
    code: str | None = None
    kolom: str | None = None
    reden: str | None = None


@dataclass(frozen=True)
class Regel:
    """A row's outcome: created, changed, unchanged, skipped (with the reason) or failed."""

    blad: str
    regel: int
    appid: str
    uitkomst: str
    gebruik: str | None = None
    applicatie: str | None = None
    velden: tuple[str, ...] = ()
    code: str | None = None
    kolom: str | None = None
    reden: str | None = None

    def als_json(self) -> dict[str, Any]:
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in vars(self).items()}


@dataclass(frozen=True)
class Verslag:
    organisatie: str
    proefrun: bool
    regels: tuple[Regel, ...]

    def aantallen(self) -> dict[str, int]:
        return {u: sum(1 for r in self.regels if r.uitkomst == u) for u in _UITKOMST.values()}

    def als_json(self) -> dict[str, Any]:
        return {
            "organisatie": self.organisatie,
            "bron": BRON,
            "proefrun": self.proefrun,
            "aantallen": self.aantallen(),
            "regels": [r.als_json() for r in self.regels],
        }


def lees(data: bytes) -> list[Rij]:
    """The rows of a TOPdesk export, or WerkboekGeweigerd for a file that is not one or is hostile."""
    if len(data) > MAX_BYTES:
        raise WerkboekGeweigerd("FILE_TOO_LARGE", f"the file is larger than {MAX_BYTES} bytes")
    _controleer_zip(data)
    from openpyxl import load_workbook  # the import costs a third of a second: only when reading

    try:
        boek = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is no workbook
        raise WerkboekGeweigerd(
            "NOT_A_WORKBOOK", f"the file is not an .xlsx workbook: {type(exc).__name__}"
        ) from None
    try:
        bladen = [naam for naam in BLADEN if naam in boek.sheetnames]
        if not bladen:
            raise WerkboekGeweigerd(
                "NOT_A_WORKBOOK", f"the workbook has neither sheet {BLADEN[0]!r} nor {BLADEN[1]!r}"
            )
        rijen: list[Rij] = []
        for naam in bladen:
            rijen.extend(_blad(naam, boek[naam].iter_rows(values_only=True), len(rijen)))
        return rijen
    finally:
        boek.close()


def _controleer_zip(data: bytes) -> None:
    try:
        archief = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise WerkboekGeweigerd(
            "NOT_A_WORKBOOK", "the file is not an .xlsx workbook (no zip archive)"
        ) from None
    with archief:
        totaal = 0
        for deel in archief.infolist():
            totaal += deel.file_size
            if deel.file_size > MAX_VERHOUDING * max(deel.compress_size, 1) and deel.file_size > 1024 * 1024:
                raise WerkboekGeweigerd(
                    "WORKBOOK_TOO_LARGE", f"{deel.filename} unpacks more than {MAX_VERHOUDING} times its size"
                )
        if totaal > MAX_UITGEPAKT:
            raise WerkboekGeweigerd(
                "WORKBOOK_TOO_LARGE", f"the workbook unpacks to more than {MAX_UITGEPAKT} bytes"
            )


def _blad(naam: str, rows: Iterator[Sequence[Any]], eerder: int) -> Iterator[Rij]:
    kop = next(rows, None)
    if kop is None:
        return
    if len(kop) > MAX_KOLOMMEN:
        raise WerkboekGeweigerd(
            "WORKBOOK_TOO_LARGE", f"{naam!r} has more than {MAX_KOLOMMEN} columns", argument=naam
        )
    kolommen = {_tekst(k).casefold(): i for i, k in enumerate(kop) if _tekst(k)}
    ontbreekt = [k for k in VEREIST if k.casefold() not in kolommen]
    if ontbreekt:
        raise WerkboekGeweigerd(
            "WORKBOOK_MISSING_COLUMNS",
            f"the sheet {naam!r} has no column {ontbreekt[0]!r}",
            argument=f"{naam}.{ontbreekt[0]}",
        )

    def cel(rij: Sequence[Any], kolom: str) -> str:
        i = kolommen.get(kolom.casefold())
        return "" if i is None or i >= len(rij) else _tekst(rij[i])

    for regel, rij in enumerate(rows, start=2):
        if not any(_tekst(v) for v in rij):
            continue
        eerder += 1
        if eerder > MAX_RIJEN:
            raise WerkboekGeweigerd(
                "WORKBOOK_TOO_MANY_ROWS", f"the workbook holds more than {MAX_RIJEN} rows"
            )
        appid = cel(rij, "APPID")
        if not appid:
            yield Rij(
                naam, regel, "", None, "NO_APPID", "APPID", "the row has no APPID: it cannot be kept current"
            )
            continue
        status_tekst = cel(rij, "Applicatie Status")
        status = STATUS.get(" ".join(status_tekst.split()).casefold()) if status_tekst else None
        if status_tekst and status is None:
            yield Rij(naam, regel, appid, None, "UNKNOWN_STATUS", "Applicatie Status",
                      f"{status_tekst!r} is not a status of the mapping")  # fmt: skip
            continue
        soort = cel(rij, "Applicatiesoort").casefold().replace("/", " ").split()
        hosting = next((HOSTING[w] for w in soort if w in HOSTING), None)
        yield Rij(
            naam,
            regel,
            appid,
            Item(
                bron_sleutel=appid,
                applicatie_naam=cel(rij, "Applicatie Naam") or None,
                leverancier=cel(rij, "Vendor") or None,
                status=status,
                hosting=hosting,
            ),
        )


def _tekst(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # an APPID Excel keeps as a number
    return " ".join(str(value).split())


async def importeer(
    store: Writer, schrijver: Schrijver, *, organisatie: str, data: bytes, proefrun: bool = False
) -> Verslag:
    """Import a TOPdesk export into `organisatie`'s landscape (a dry run with `proefrun`): every
    row with an item goes through one sync; rows missing from the export are left as they are."""
    rijen = lees(data)
    met_item = [r for r in rijen if r.item is not None]
    resultaat: Resultaat = await synchronisatie.synchroniseer(
        store,
        schrijver,
        organisatie=organisatie,
        bron=BRON,
        items=[r.item for r in met_item if r.item is not None],
        proefrun=proefrun,
    )
    per_index = {u.index: u for u in resultaat.uitkomsten if u.index is not None}
    positie = {id(r): i for i, r in enumerate(met_item)}
    regels = []
    for r in rijen:
        if r.item is None:
            uitkomst = OVERGESLAGEN if r.code == "NO_APPID" else MISLUKT
            regels.append(
                Regel(r.blad, r.regel, r.appid, uitkomst, code=r.code, kolom=r.kolom, reden=r.reden)
            )
            continue
        u = per_index[positie[id(r)]]
        veld = u.veld.rsplit(".", 1)[-1] if u.veld else None
        regels.append(
            Regel(r.blad, r.regel, r.appid, _UITKOMST[u.uitkomst], gebruik=u.gebruik, applicatie=u.applicatie,
                  velden=u.velden, code=u.code, kolom=_KOLOM.get(veld or "", veld), reden=u.reden)
        )  # fmt: skip
    return Verslag(organisatie, proefrun, tuple(regels))
