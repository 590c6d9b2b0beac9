"""From a request's change records to meldingen, once its mutations are written.

Each kind of melding has a rule (Afleiding) in the module of its area, listed in
graph_api/domain/meldingen/soorten.py: which records it follows (their objectLabel and operatie,
and `wanneer` from their before and after) and the statement that finds, per record, who it
concerns and what to tell them. The records a request made are matched to the rules here, each
rule's statement is read once for all its records, and one write creates every Melding: it
drops the person who made the change, persons no longer active (or machines, or of a membership
deactivated) and those who switched the kind off, in the statement, against the graph as it is.

A failure here does not fail the mutation, which is written: the records' ids are logged, and
`haal_in` (`graph-api meldingen inhalen`) derives the meldingen of the records of a period
again. A melding's id follows from its record, kind and recipient, so deriving twice makes
each once (docs/meldingen.md, "How they are made").
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graph_api.domain.wijzigen import Writer, nu

log = logging.getLogger(__name__)

Stand = Mapping[str, Any] | None


def altijd(voor: Stand, na: Stand) -> bool:
    return True


@dataclass(frozen=True)
class Afleiding:
    soort: str  # the MeldingSoort value
    label: str  # the Wijziging.objectLabel it follows
    operaties: frozenset[str]  # the Wijziging.operatie values it follows
    # A read under cypher/ with `$wijzigingen` (the ids of the matching records), returning rows
    # `wijziging, ontvanger, organisatie, object, objectLabel, tekst`.
    ontvangers: str
    # From the record's before and after (the changed fields): e.g. only when status became X.
    wanneer: Callable[[Stand, Stand], bool] = altijd

    def volgt(self, record: Mapping[str, Any]) -> bool:
        return (
            record.get("objectLabel") == self.label
            and record.get("operatie") in self.operaties
            and self.wanneer(_stand(record.get("voor")), _stand(record.get("na")))
        )


def _stand(value: Any) -> Stand:
    if value is None:
        return None
    return json.loads(value) if isinstance(value, str) else value


def melding_id(wijziging: str, soort: str, ontvanger: str) -> str:
    """The id of the melding of this record, kind and person, in the form nieuw_id makes: the
    same every time, so that a record derived again makes no second melding."""
    digest = hashlib.sha256(f"{wijziging}|{soort}|{ontvanger}".encode()).hexdigest()
    return f"mel-{digest[:12]}"


async def leid_af(store: Writer, records: Sequence[Mapping[str, Any]], regels: Iterable[Afleiding]) -> int:
    """Create the meldingen that `records` (the change records a request made) call for; how many."""
    meldingen: dict[tuple[str, str, str], dict[str, Any]] = {}
    aangemaakt = nu()
    for regel in regels:
        ids = [record["id"] for record in records if regel.volgt(record)]
        if not ids:
            continue
        for row in await store.read(regel.ontvangers, {"wijzigingen": ids}):
            # One melding per person per record and kind, for the first organisation it concerns.
            sleutel = (row["wijziging"], regel.soort, row["ontvanger"])
            meldingen.setdefault(
                sleutel,
                {
                    "id": melding_id(*sleutel),
                    "ontvanger": row["ontvanger"],
                    "organisatie": row["organisatie"],
                    "soort": regel.soort,
                    "tekst": row["tekst"],
                    "object": row["object"],
                    "objectLabel": row["objectLabel"],
                    "wijziging": row["wijziging"],
                    "aangemaakt": aangemaakt,
                    "gelezen": False,
                },
            )
    if not meldingen:
        return 0
    rows = await store.write("melding/aanmaken", {"meldingen": list(meldingen.values())})
    return int(rows[0]["aantal"]) if rows else 0


async def na_schrijven(
    store: Writer, records: Sequence[Mapping[str, Any]], regels: Iterable[Afleiding]
) -> None:
    """leid_af after a request's writes: a failure is logged with the records, never raised, since
    what the request wrote stands and its answer must say so."""
    if not records:
        return
    try:
        await leid_af(store, records, regels)
    except Exception:
        log.exception(
            "meldingen not derived from change records %s", ", ".join(str(r.get("id")) for r in records)
        )


async def haal_in(store: Writer, regels: Sequence[Afleiding], *, sinds: str, tot: str | None = None) -> int:
    """Derive again the meldingen of the change records made from `sinds` (until `tot`): those a
    failure left out are made, those made already are not made twice. How many were made."""
    records = await store.read(
        "melding/wijzigingen",
        {"sinds": sinds, "tot": tot, "labels": sorted({regel.label for regel in regels})},
    )
    return await leid_af(store, [row["w"] for row in records], regels)
