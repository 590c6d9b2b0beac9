"""What a reader makes of a file: the `Landschap` it holds and what it could not read.

Every format's reader (`lees(inhoud, grenzen) -> Gelezen`) translates its own syntax into the
shared classes of graph_api/uitwisseling/landschap.py; the plan (plan.py) then compares them
with the graph, whatever the format was.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from graph_api.uitwisseling.invoer.grenzen import Grenzen
from graph_api.uitwisseling.landschap import Landschap

PAKKETOVERZICHT = "Pakketoverzicht"
KOPPELINGEN = "Koppelingen"

# Why a row (or a table) could not be read, or planned: the codes of a `Fout`.
WRONG_DELIMITER = "WRONG_DELIMITER"
MISSING_TABLE = "MISSING_TABLE"
MISSING_COLUMN = "MISSING_COLUMN"
REQUIRED = "REQUIRED"
UNKNOWN_VALUE = "UNKNOWN_VALUE"
INVALID_DATE = "INVALID_DATE"
TOO_LONG = "TOO_LONG"
DUPLICATE_ID = "DUPLICATE_ID"


@dataclass(frozen=True)
class Fout:
    """Where (a table or sheet, a line or an element's id, a column) and why, by a code."""

    tabel: str
    plaats: int | str | None  # the line (its header is 1) or an element's identifier
    kolom: str | None
    code: str
    melding: str

    def als_json(self) -> dict[str, object]:
        return {
            "tabel": self.tabel,
            "plaats": self.plaats,
            "kolom": self.kolom,
            "code": self.code,
            "melding": self.melding,
        }


@dataclass(frozen=True)
class Gelezen:
    """A file read: its landscape, and a `Fout` for each row or table that could not be read.

    `plaatsen` gives each Gebruik and koppeling of the landscape where the file holds it (in
    order), so the plan's outcome names the line. `kolommen` names the columns a table had:
    a field whose column is absent is left as the graph has it, an empty cell clears it.
    `onleesbaar` holds the `gebruik_id`s of rows that could not be read, so a koppeling to one
    of them is not reported a second time."""

    landschap: Landschap
    fouten: list[Fout] = field(default_factory=list)
    plaatsen_gebruik: tuple[int | str, ...] = ()
    plaatsen_koppelingen: tuple[int | str, ...] = ()
    kolommen: Mapping[str, frozenset[str]] = field(default_factory=dict)
    onleesbaar: frozenset[str] = frozenset()

    def heeft_kolom(self, tabel: str, kolom: str) -> bool:
        """Whether the file states this field: readers without columns (AMEFF) state them all."""
        return tabel not in self.kolommen or kolom in self.kolommen[tabel]


class Lezer(Protocol):
    """A format's reader."""

    def __call__(self, inhoud: bytes, grenzen: Grenzen) -> Gelezen: ...
