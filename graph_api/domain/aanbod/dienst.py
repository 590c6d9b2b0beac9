"""Diensten (F005): a leverancier offers a typed dienst on applications, its own or others',
changes it, and retires it.

Its aanbod-beheerders (`$zicht.aanbod`) and functioneel beheer write them, each write one
statement of cypher/dienst/ that matches only a dienst of a leverancier the asker may keep the
aanbod of, at the versie expected, and records the change (organisation: the leverancier). A
retired dienst stays, marked INGETROKKEN: the Gebruik that take it keep it, no new one takes it
(cypher/gebruik/registreren, wijzigen), and it changes no more.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graph_api.domain.wijzigen import (
    Schrijver,
    Writer,
    nieuw_id,
    nu,
    tekstproblemen,
    uniek,
    valideer,
    weiger,
    wijziging,
)
from graph_api.errors import (
    ClientError,
    Forbidden,
    InUse,
    TransitionNotAllowed,
    Unauthenticated,
    VersionConflict,
)
from graph_api.model.validate import Problem

LABEL = "Dienst"
AANGEBODEN, INGETROKKEN = "AANGEBODEN", "INGETROKKEN"
VELDEN = ("naam", "type", "beschrijving")
LANG = frozenset({"beschrijving"})


@dataclass(frozen=True)
class Geschreven:
    id: str
    versie: int


def mag_aanbod(schrijver: Schrijver, wat: str) -> None:
    """Refuse, before any statement, a write of aanbod no role of the asker allows."""
    if schrijver.identiteit.gebruiker is None:
        raise Unauthenticated(f"{wat} needs a signed-in aanbod-beheerder")
    if not (schrijver.zicht.beheer or schrijver.zicht.aanbod):
        raise Forbidden(f"{wat} needs the role aanbod-beheerder of the leverancier")


def _mag_leverancier(schrijver: Schrijver, leverancier: str, argument: str) -> None:
    if not (schrijver.zicht.beheer or leverancier in schrijver.zicht.aanbod):
        raise Forbidden(f"you may not keep the aanbod of {leverancier}", argument=argument)


def _applicaties(applicaties: list[str] | None) -> list[str]:
    """The applications asked for, each once; at least one."""
    gevraagd = uniek(applicaties) or []
    problems = tekstproblemen({"applicaties": gevraagd})
    if not gevraagd:
        problems.append(Problem("applicaties", "REQUIRED", "name at least one application"))
    weiger(LABEL, problems)
    return gevraagd


def _onbekend(gevraagd: list[str], gevonden: list[str], concepten: list[str]) -> None:
    missing = sorted(set(gevraagd) - set(gevonden))
    if missing:
        raise ClientError(
            "NOT_FOUND", f"there is no application {missing[0]!r}", argument="input.applicaties"
        )
    # A dienst is public: on a concept it would show the concept to everyone.
    if concepten:
        raise ClientError(
            "INVALID_ARGUMENT",
            f"{sorted(concepten)[0]} is a concept: offer diensten on it once functioneel beheer published it",
            argument="input.applicaties",
        )


async def bied_aan(
    store: Writer,
    schrijver: Schrijver,
    *,
    leverancier: str,
    naam: str,
    type: str,
    beschrijving: str | None,
    applicaties: list[str],
) -> Geschreven:
    """A new dienst of `leverancier`, offered on `applicaties` (any leverancier's, as the
    catalogue shows them to the asker)."""
    mag_aanbod(schrijver, "biedDienstAan")
    _mag_leverancier(schrijver, leverancier, "input.leverancier")
    tijdstip, dienst_id = nu(), nieuw_id("dst")
    velden = {"naam": naam, "type": type, **({} if beschrijving is None else {"beschrijving": beschrijving})}
    valideer(LABEL, {**velden, "id": dienst_id}, LANG, partial=False)
    if not naam.strip():
        weiger(LABEL, [Problem("naam", "REQUIRED", "must not be blank")])
    gevraagd = _applicaties(applicaties)
    params = {"leverancier": leverancier, "applicaties": gevraagd}
    [stand] = await store.read("dienst/aanbiedstand", params)
    if not stand["leverancier"]:
        raise ClientError(
            "NOT_FOUND", f"there is no leverancier {leverancier!r}", argument="input.leverancier"
        )
    if stand["leverancierConcept"]:
        raise ClientError(
            "INVALID_ARGUMENT",
            f"{leverancier} is a concept: it offers diensten once functioneel beheer approved it",
            argument="input.leverancier",
        )
    _onbekend(gevraagd, stand["applicaties"], stand["concepten"])
    dienst = {
        **velden,
        "id": dienst_id,
        "status": AANGEBODEN,
        "versie": 1,
        "gewijzigdOp": tijdstip,
        "gewijzigdDoor": schrijver.gebruiker,
    }
    record = wijziging(
        schrijver, organisatie=leverancier, object_id=dienst_id, label=LABEL, operatie="AANGEMAAKT",
        tijdstip=tijdstip, voor=None, na={**velden, "leverancier": leverancier, "applicaties": gevraagd},
    )  # fmt: skip
    rows = await store.write("dienst/aanbieden", {**params, "dienst": dienst, "wijziging": record})
    if not rows:  # an application removed between the read and the write
        [stand] = await store.read("dienst/aanbiedstand", params)
        _onbekend(gevraagd, stand["applicaties"], stand["concepten"])
        raise ClientError(
            "NOT_FOUND", f"there is no leverancier {leverancier!r}", argument="input.leverancier"
        )
    return Geschreven(rows[0]["id"], rows[0]["versie"])


async def _huidig(
    store: Writer, schrijver: Schrijver, dienst: str, verwachte_versie: int, applicaties: list[str]
) -> dict[str, Any]:
    """The dienst as the write will find it, or the error a write of it would be."""
    rows = await store.read("dienst/stand", {"id": dienst, "applicaties": applicaties})
    if not rows:
        raise ClientError("NOT_FOUND", f"there is no dienst {dienst!r}", argument="input.dienst")
    stand = rows[0]
    _mag_leverancier(schrijver, stand["leverancier"], "input.dienst")
    if (stand["dienst"].get("status") or AANGEBODEN) == INGETROKKEN:
        raise TransitionNotAllowed(
            f"dienst {dienst} is retired: it changes no more", toegestaan=[], argument="input.dienst"
        )
    huidige = stand["dienst"].get("versie") or 1
    if huidige != verwachte_versie:
        raise VersionConflict(
            f"dienst {dienst} is at versie {huidige}, not {verwachte_versie}: read it again",
            huidige_versie=huidige,
            argument="input.verwachteVersie",
        )
    return stand


def _bij_afnemers(stand: Mapping[str, Any], applicaties: list[str]) -> None:
    """Refuse to stop offering a dienst on an application whose Gebruik take it."""
    weg = sorted(set(stand["afgenomenBij"]) - set(applicaties))
    if weg:
        raise InUse(
            f"Gebruik of {weg[0]} take this dienst: keep offering it there, or retire the dienst",
            argument="input.applicaties",
        )


async def wijzig(
    store: Writer,
    schrijver: Schrijver,
    *,
    dienst: str,
    verwachte_versie: int,
    velden: Mapping[str, Any],
    applicaties: list[str] | None = None,
) -> Geschreven:
    """Change the fields given (`velden`: a null beschrijving removes it) and, when given, the
    applications it is offered on (they replace those)."""
    mag_aanbod(schrijver, "wijzigDienst")
    valideer(LABEL, velden, LANG, partial=True)
    problems = [Problem(k, "REQUIRED", "must not be null or blank")
                for k in ("naam", "type") if k in velden and not (velden[k] or "").strip()]  # fmt: skip
    weiger(LABEL, problems)
    gevraagd = None if applicaties is None else _applicaties(applicaties)
    stand = await _huidig(store, schrijver, dienst, verwachte_versie, gevraagd or [])
    if gevraagd is not None:
        _onbekend(gevraagd, stand["gevonden"], stand["concepten"])
        _bij_afnemers(stand, gevraagd)
    voor_alles = {**{k: stand["dienst"].get(k) for k in VELDEN}, "applicaties": sorted(stand["applicaties"])}
    na_alles = {**voor_alles, **velden}
    if gevraagd is not None:
        na_alles["applicaties"] = sorted(gevraagd)
    veranderd = sorted(k for k in na_alles if na_alles[k] != voor_alles[k])
    tijdstip = nu()
    record = wijziging(
        schrijver, organisatie=stand["leverancier"], object_id=dienst, label=LABEL, operatie="GEWIJZIGD",
        tijdstip=tijdstip, voor={k: voor_alles[k] for k in veranderd}, na={k: na_alles[k] for k in veranderd},
    )  # fmt: skip
    rows = await store.write(
        "dienst/wijzigen",
        {
            "dienst": dienst,
            "verwachteVersie": verwachte_versie,
            "applicaties": gevraagd or [],
            "vervangApplicaties": gevraagd is not None,
            "eigenschappen": {**velden, "gewijzigdOp": tijdstip, "gewijzigdDoor": schrijver.gebruiker},
            "wijziging": record,
        },
    )
    if rows:
        return Geschreven(rows[0]["id"], rows[0]["versie"])
    # Nothing written: a write in between, an application gone, or a Gebruik that took it since.
    nieuw = await _huidig(store, schrijver, dienst, verwachte_versie, gevraagd or [])
    if gevraagd is not None:
        _onbekend(gevraagd, nieuw["gevonden"], nieuw["concepten"])
        _bij_afnemers(nieuw, gevraagd)
    raise VersionConflict(
        f"dienst {dienst} changed meanwhile: read it again",
        huidige_versie=nieuw["dienst"].get("versie") or 1,
        argument="input.verwachteVersie",
    )


async def trek_in(store: Writer, schrijver: Schrijver, *, dienst: str, verwachte_versie: int) -> Geschreven:
    """Retire a dienst: no new Gebruik takes it; those that take it keep it, marked."""
    mag_aanbod(schrijver, "trekDienstIn")
    stand = await _huidig(store, schrijver, dienst, verwachte_versie, [])
    tijdstip = nu()
    record = wijziging(
        schrijver, organisatie=stand["leverancier"], object_id=dienst, label=LABEL,
        operatie="STATUS_GEWIJZIGD", tijdstip=tijdstip, voor={"status": AANGEBODEN},
        na={"status": INGETROKKEN},
    )  # fmt: skip
    rows = await store.write(
        "dienst/intrekken",
        {
            "dienst": dienst,
            "verwachteVersie": verwachte_versie,
            "eigenschappen": {
                "status": INGETROKKEN,
                "ingetrokkenOp": tijdstip[:10],
                "gewijzigdOp": tijdstip,
                "gewijzigdDoor": schrijver.gebruiker,
            },
            "wijziging": record,
        },
    )
    if rows:
        return Geschreven(rows[0]["id"], rows[0]["versie"])
    nieuw = await _huidig(store, schrijver, dienst, verwachte_versie, [])  # names what happened meanwhile
    raise VersionConflict(
        f"dienst {dienst} changed meanwhile: read it again",
        huidige_versie=nieuw["dienst"].get("versie") or 1,
        argument="input.verwachteVersie",
    )
