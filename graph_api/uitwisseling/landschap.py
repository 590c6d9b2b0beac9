"""What a landscape file holds, in every format: an organisation's Gebruik (the pakketoverzicht)
and the koppelingen between them, named in the words the catalogue's users already exchange
(../shared/docs/exchange.md; docs/exchange.md).

Exports fill a `Landschap` from the graph; imports read one from a file and plan against the
graph. Both go through these classes, so a format only translates between its own syntax and
them, and a round trip is one `Landschap` written and read again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from graph_api.model import keuzes


@dataclass(frozen=True)
class Gemma:
    """A GEMMA element (referentiecomponent, national facility, standard version), known by its
    `Object ID`: the key that survives every tool (exchange.md)."""

    object_id: str
    naam: str = ""
    # GEMMA's own identifier (the graph's id) where an export read it, so an AMEFF file's element
    # lines up with GEMMA's model in Archi; not part of what a file means (a file read back need
    # not have it), so it takes no part in comparing.
    identifier: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class GebruikRegel:
    """One Gebruik: a row of the pakketoverzicht.

    `gebruik_id` is the key koppelingen use within the file: the Gebruik's own id in an
    export, any unique text in a file written by hand. Enumerated fields hold the graph's keys
    (`IN_PRODUCTIE`, `SAAS`); files show their Dutch labels (`label`, `sleutel`).
    """

    gebruik_id: str
    applicatie_naam: str
    status: str
    applicatie_id: str | None = None
    leverancier_id: str | None = None
    leverancier_naam: str | None = None
    versie: str | None = None  # the version's name (Pakketversie Naam)
    verwerving_datum: date | None = None
    gepland_datum: date | None = None
    start_datum: date | None = None
    uit_te_faseren_datum: date | None = None
    eind_datum: date | None = None
    hosting: str | None = None
    contract_einde: date | None = None
    referentiecomponenten: tuple[Gemma, ...] = ()
    notities: str | None = None  # the organisation's own notes: only where the reader may see them


@dataclass(frozen=True)
class KoppelingRegel:
    """One koppeling from a Gebruik of the file to another, or to a national facility."""

    van: str  # the gebruik_id of one end
    type: str
    richting: str
    status: str
    koppeling_id: str | None = None
    naar: str | None = None  # the gebruik_id of the other end, or
    naar_voorziening: Gemma | None = None  # a buitengemeentelijke voorziening
    standaarden: tuple[Gemma, ...] = ()  # standaardversies
    via: str | None = None  # the gebruik_id of an intermediary (a servicebus)
    beschrijving: str | None = None


@dataclass(frozen=True)
class Landschap:
    """An organisation's landscape, as one file holds it."""

    organisatie_id: str
    organisatie_naam: str
    gebruik: tuple[GebruikRegel, ...] = ()
    koppelingen: tuple[KoppelingRegel, ...] = ()
    cbs_code: str | None = None  # a gemeente's
    # Where the data came from and when (an export's provenance; empty in a file being read).
    bron: Mapping[str, str] = field(default_factory=dict)


# The columns of the two tables, in order: the users' vocabulary (exchange.md). A column an
# import does not read (a name shown beside an id) is marked so in docs/exchange.md.
PAKKETOVERZICHT = (
    "Gebruik ID",
    "Pakket ID",
    "Pakket Naam",
    "Leverancier ID",
    "Leverancier Naam",
    "Pakketversie Naam",
    "Gebruik status",
    "Verwerving datum",
    "Gepland datum",
    "Start datum",
    "Uit te faseren datum",
    "Eind datum",
    "Hosting",
    "Contract einde",
    "Referentiecomponenten",  # GEMMA Object IDs, comma-separated
    "Referentiecomponent namen",
    "Notities",
)
KOPPELINGEN = (
    "Koppeling ID",
    "Van Gebruik ID",
    "Van Pakket Naam",
    "Naar Gebruik ID",
    "Naar Pakket Naam",
    "Naar voorziening",  # a national facility's GEMMA Object ID
    "Naar voorziening naam",
    "Type",
    "Richting",
    "Status",
    "Standaarden",  # standaardversies' GEMMA Object IDs, comma-separated
    "Standaard namen",
    "Via Gebruik ID",
    "Beschrijving",
)


def label(waarden: Mapping[str, str], sleutel_: str | None) -> str:
    """The Dutch label a file shows for a stored key (`IN_PRODUCTIE` → `in productie`)."""
    return "" if sleutel_ is None else waarden.get(sleutel_, sleutel_)


def sleutel(waarden: Mapping[str, str], tekst: str) -> str | None:
    """The stored key a file's text means: its label or the key itself, in any case; None if
    neither."""
    gezocht = " ".join(tekst.split()).casefold()
    for key, shown in waarden.items():
        if gezocht in (key.casefold(), shown.casefold(), key.replace("_", " ").casefold()):
            return key
    return None


# The value lists of the enumerated columns.
GEBRUIK_STATUS = keuzes.GEBRUIK_STATUS
HOSTING = keuzes.HOSTINGMODEL
KOPPELING_TYPE = keuzes.KOPPELING_TYPE
KOPPELING_RICHTING = keuzes.KOPPELING_RICHTING
KOPPELING_STATUS = keuzes.KOPPELING_STATUS
