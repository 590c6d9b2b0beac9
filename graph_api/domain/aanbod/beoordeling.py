"""Reviews (F006): an organisation that uses an application, or takes a dienst, rates it 1 to 5
with a text; functioneel beheer approves or rejects it; the object's leverancier answers it once.

One review per organisation per object (cypher/beoordeling/aanmaken locks the organisation to
keep it so); written again it changes at the versie expected and goes back to moderation, its
answer gone with the text it answered. The organisation's gebruik-beheerder writes it: the role
that keeps the landscape the review speaks from (a raadpleger only reads it, an
organisatie-beheerder keeps people, not software). Functioneel beheer moderates, but writes no
organisation's opinion. Each write is one statement of cypher/beoordeling/ with its change record,
which belongs to the reviewing organisation's landscape (the answer's to the leverancier's), so
only who may see that landscape reads who wrote it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graph_api.domain.aanbod.dienst import mag_aanbod
from graph_api.domain.wijzigen import (
    Schrijver,
    Writer,
    mag_schrijven,
    nieuw_id,
    nu,
    tekstproblemen,
    valideer,
    weiger,
    wijziging,
)
from graph_api.errors import (
    ClientError,
    Conflict,
    Forbidden,
    Invalid,
    TransitionNotAllowed,
    Unauthenticated,
    VersionConflict,
)
from graph_api.model.validate import Problem

LABEL = "Beoordeling"
INGEDIEND, GOEDGEKEURD, AFGEWEZEN = "INGEDIEND", "GOEDGEKEURD", "AFGEWEZEN"
SCORES = range(1, 6)
# A review is read beside others on an application's page: longer than a note, shorter than
# a description.
MAX_TEKST = 2_000


class GeenGebruiker(Invalid):
    """The organisation does not use the application (no Gebruik of it that is not
    UITGEFASEERD) or take the dienst: only users review."""

    code = "NOT_A_USER"
    status = 403


class AlBeantwoord(Conflict):
    """The leverancier answered this review already: one answer per review."""

    code = "ALREADY_ANSWERED"


@dataclass(frozen=True)
class Geschreven:
    id: str
    versie: int


def _tekst(veld: str, waarde: str) -> list[Problem]:
    problems = tekstproblemen({veld: waarde}, frozenset({veld}))
    if not waarde.strip():
        problems.append(Problem(veld, "REQUIRED", "must not be blank"))
    elif len(waarde) > MAX_TEKST:
        problems.append(Problem(veld, "TOO_LONG", f"is longer than {MAX_TEKST} characters"))
    return problems[:1]


def _velden(score: int, tekst: str) -> None:
    problems = []
    if score not in SCORES:
        problems.append(Problem("score", "OUT_OF_RANGE", "must be 1 to 5"))
    weiger(LABEL, problems + _tekst("toelichting", tekst))


async def schrijf(
    store: Writer,
    schrijver: Schrijver,
    *,
    organisatie: str,
    object_id: str,
    score: int,
    tekst: str,
    verwachte_versie: int | None,
) -> Geschreven:
    """The organisation's review of the object: new (`verwachte_versie` None) or written again."""
    mag_schrijven(schrijver, "schrijfBeoordeling")
    if organisatie not in schrijver.zicht.wijzigbaar:
        raise Forbidden(
            f"only a gebruik-beheerder of {organisatie} writes its reviews", argument="input.organisatie"
        )
    _velden(score, tekst)
    stand = await _schrijfstand(store, organisatie, object_id)
    bestaand = stand["beoordeling"]
    huidige = 0 if bestaand is None else bestaand["versie"]
    if verwachte_versie != (None if bestaand is None else huidige):
        raise VersionConflict(
            f"{organisatie}'s review of {object_id} is at versie {huidige}: read it again"
            + ("" if bestaand is None else ", and give its versie to write it again"),
            huidige_versie=huidige,
            argument="input.verwachteVersie",
        )
    tijdstip = nu()
    velden = {"score": score, "tekst": tekst, "status": INGEDIEND}
    eigenschappen = {**velden, "gewijzigdOp": tijdstip, "gewijzigdDoor": schrijver.gebruiker}
    if bestaand is None:
        beoordeling_id = nieuw_id("bdl")
        valideer(LABEL, {**eigenschappen, "id": beoordeling_id, "versie": 1, "geschrevenOp": tijdstip},
                 frozenset({"tekst"}), partial=False)  # fmt: skip
        record = wijziging(
            schrijver, organisatie=organisatie, object_id=beoordeling_id, label=LABEL, operatie="AANGEMAAKT",
            tijdstip=tijdstip, voor=None, na={**velden, "object": object_id},
        )  # fmt: skip
        rows = await store.write(
            "beoordeling/aanmaken",
            {
                "organisatie": organisatie,
                "object": object_id,
                "beoordeling": {**eigenschappen, "id": beoordeling_id, "versie": 1, "geschrevenOp": tijdstip},
                "wijziging": record,
            },
        )
    else:
        voor = {k: bestaand[k] for k in velden}
        veranderd = sorted(k for k in velden if velden[k] != voor[k])
        record = wijziging(
            schrijver, organisatie=organisatie, object_id=bestaand["id"], label=LABEL, operatie="GEWIJZIGD",
            tijdstip=tijdstip, voor={k: voor[k] for k in veranderd}, na={k: velden[k] for k in veranderd},
        )  # fmt: skip
        rows = await store.write(
            "beoordeling/herschrijven",
            {
                "organisatie": organisatie,
                "object": object_id,
                "verwachteVersie": huidige,
                "eigenschappen": eigenschappen,
                "wijziging": record,
            },
        )
    if rows:
        return Geschreven(rows[0]["id"], rows[0]["versie"])
    # Nothing written: the use ended, the object was retired or a write came in between.
    nieuw = await _schrijfstand(store, organisatie, object_id)
    raise VersionConflict(
        f"{organisatie}'s review of {object_id} changed meanwhile: read it again",
        huidige_versie=0 if nieuw["beoordeling"] is None else nieuw["beoordeling"]["versie"],
        argument="input.verwachteVersie",
    )


async def _schrijfstand(store: Writer, organisatie: str, object_id: str) -> Mapping[str, Any]:
    """What the write will find, or the error it would be."""
    [stand] = await store.read("beoordeling/schrijfstand", {"organisatie": organisatie, "object": object_id})
    if not stand["organisatie"]:
        raise ClientError(
            "NOT_FOUND", f"there is no organisation {organisatie!r}", argument="input.organisatie"
        )
    if not stand["object"]:
        raise ClientError(
            "NOT_FOUND", f"there is no application or dienst {object_id!r}", argument="input.object"
        )
    # A review is public: on a concept it would show the concept to everyone.
    if stand["concept"]:
        raise ClientError(
            "INVALID_ARGUMENT",
            f"{object_id} is a concept: review it once functioneel beheer published it",
            argument="input.object",
        )
    if stand["teruggetrokken"]:
        raise ClientError("RETIRED", f"{object_id} is retired: it takes no reviews", argument="input.object")
    if not stand["gebruikt"]:
        wat = "uses the application" if stand["isApplicatie"] else "takes the dienst"
        raise GeenGebruiker(
            f"{organisatie} does not {wat.replace('uses', 'use').replace('takes', 'take')} (or no more): "
            "only its users review it",
            argument="input.object",
        )
    return stand


def mag_modereren(schrijver: Schrijver, wat: str) -> None:
    if schrijver.identiteit.gebruiker is None:
        raise Unauthenticated(f"{wat} needs a signed-in functioneel beheerder")
    if not schrijver.zicht.beheer:
        raise Forbidden(f"{wat} needs the role functioneel-beheerder of VNG Realisatie")


async def _stand(store: Writer, beoordeling: str) -> Mapping[str, Any]:
    rows = await store.read("beoordeling/stand", {"id": beoordeling})
    if not rows:
        raise ClientError("NOT_FOUND", f"there is no review {beoordeling!r}", argument="input.beoordeling")
    return rows[0]


def _versie(stand: Mapping[str, Any], verwachte_versie: int) -> None:
    huidige = stand["beoordeling"]["versie"]
    if huidige != verwachte_versie:
        raise VersionConflict(
            f"the review is at versie {huidige}, not {verwachte_versie}: read it again",
            huidige_versie=huidige,
            argument="input.verwachteVersie",
        )


async def modereer(
    store: Writer,
    schrijver: Schrijver,
    *,
    beoordeling: str,
    verwachte_versie: int,
    goedgekeurd: bool,
    reden: str | None = None,
) -> Geschreven:
    """Approve a waiting review (it is public from now on), or reject it with a reason its
    organisation reads."""
    wat = "keurBeoordelingGoed" if goedgekeurd else "wijsBeoordelingAf"
    mag_modereren(schrijver, wat)
    if not goedgekeurd:
        weiger(LABEL, _tekst("reden", reden or ""))
    stand = await _stand(store, beoordeling)
    status = stand["beoordeling"]["status"]
    if status != INGEDIEND:
        raise TransitionNotAllowed(
            f"review {beoordeling} is {status}: only a review waiting (INGEDIEND) is moderated; its "
            "organisation writes it again to have it moderated anew",
            toegestaan=[],
            argument="input.beoordeling",
        )
    _versie(stand, verwachte_versie)
    tijdstip = nu()
    nieuw = {"status": GOEDGEKEURD} if goedgekeurd else {"status": AFGEWEZEN, "reden": reden}
    eigenschappen = {**nieuw, "gewijzigdOp": tijdstip, "gewijzigdDoor": schrijver.gebruiker}
    if goedgekeurd:
        eigenschappen["goedgekeurdOp"] = tijdstip
    record = wijziging(
        schrijver, organisatie=stand["organisatie"], object_id=beoordeling, label=LABEL,
        operatie="STATUS_GEWIJZIGD", tijdstip=tijdstip, voor={"status": status},
        na={**nieuw, "object": stand["object"]},
    )  # fmt: skip
    rows = await store.write(
        "beoordeling/modereren",
        {
            "id": beoordeling,
            "verwachteVersie": verwachte_versie,
            "eigenschappen": eigenschappen,
            "wijziging": record,
        },
    )
    if rows:
        return Geschreven(rows[0]["id"], rows[0]["versie"])
    raise VersionConflict(
        f"review {beoordeling} changed meanwhile: read it again",
        huidige_versie=(await _stand(store, beoordeling))["beoordeling"]["versie"],
        argument="input.verwachteVersie",
    )


async def beantwoord(
    store: Writer, schrijver: Schrijver, *, beoordeling: str, verwachte_versie: int, antwoord: str
) -> Geschreven:
    """The leverancier's one answer to an approved review of its application or dienst."""
    mag_aanbod(schrijver, "beantwoordBeoordeling")
    weiger(LABEL, _tekst("antwoord", antwoord))
    stand = await _stand(store, beoordeling)
    leverancier = stand["leverancier"]
    gezien = stand["beoordeling"]["status"] == GOEDGEKEURD
    if not (schrijver.zicht.beheer or (gezien and leverancier in schrijver.zicht.aanbod)):
        # Another leverancier sees the approved review (public) but may not answer it; one not
        # approved it does not see at all.
        if gezien:
            raise Forbidden(
                f"only {leverancier} answers reviews of its products", argument="input.beoordeling"
            )
        raise ClientError("NOT_FOUND", f"there is no review {beoordeling!r}", argument="input.beoordeling")
    if not gezien:
        raise TransitionNotAllowed(
            f"review {beoordeling} is {stand['beoordeling']['status']}: only an approved review is answered",
            toegestaan=[],
            argument="input.beoordeling",
        )
    if stand["beoordeling"].get("antwoord") is not None:
        raise AlBeantwoord(f"review {beoordeling} has its answer already", argument="input.beoordeling")
    _versie(stand, verwachte_versie)
    tijdstip = nu()
    record = wijziging(
        schrijver, organisatie=leverancier, object_id=beoordeling, label=LABEL, operatie="GEWIJZIGD",
        tijdstip=tijdstip, voor={"antwoord": None}, na={"antwoord": antwoord, "object": stand["object"]},
    )  # fmt: skip
    rows = await store.write(
        "beoordeling/beantwoorden",
        {
            "id": beoordeling,
            "verwachteVersie": verwachte_versie,
            "eigenschappen": {
                "antwoord": antwoord,
                "beantwoordOp": tijdstip,
                "beantwoordDoor": schrijver.gebruiker,
                "gewijzigdOp": tijdstip,
                "gewijzigdDoor": schrijver.gebruiker,
            },
            "wijziging": record,
        },
    )
    if rows:
        return Geschreven(rows[0]["id"], rows[0]["versie"])
    nieuw = await _stand(store, beoordeling)
    if nieuw["beoordeling"].get("antwoord") is not None:
        raise AlBeantwoord(f"review {beoordeling} was answered meanwhile", argument="input.beoordeling")
    raise VersionConflict(
        f"review {beoordeling} changed meanwhile: read it again",
        huidige_versie=nieuw["beoordeling"]["versie"],
        argument="input.verwachteVersie",
    )
