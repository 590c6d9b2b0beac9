"""Gebruik proposed by a leverancier (issue 17, item 5): propose, accept, reject, withdraw.

An aanbod-beheerder proposes a Gebruik of one of its leverancier's applications
(`$zicht.producten`) to a gemeente; the gemeente's gebruik-beheerder (`$zicht.wijzigbaar`)
accepts it, which makes it an ordinary Gebruik of that gemeente in the same statement, or
rejects it with a reason; the proposer may withdraw it while it is open. A closed proposal
stays, and the application may be proposed again. Each operation follows the write path of
gebruik.py: checks, a read that names the error, one statement, a read again when it wrote
nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graph_api.domain.landschap.gebruik import LABEL as GEBRUIK
from graph_api.domain.wijzigen import (
    Schrijver,
    Writer,
    nieuw_id,
    nu,
    tekstproblemen,
    weiger,
    wijziging,
)
from graph_api.errors import (
    ClientError,
    Duplicate,
    Forbidden,
    TransitionNotAllowed,
    Unauthenticated,
    VersionConflict,
)
from graph_api.model.validate import REQUIRED, Problem, check

LABEL = "Gebruiksvoorstel"
OPEN = "VOORGESTELD"
# Only an open proposal moves, once, to one of the other statuses (keuzes.VOORSTEL_STATUS): who
# may close it how is the mutation's (the gemeente accepts or rejects, the proposer withdraws).
# The status a Gebruik made from a proposal starts in when the gemeente names none: a
# leverancier proposes what a customer runs.
STATUS_BIJ_AANVAARDEN = "IN_PRODUCTIE"
LANG = frozenset({"toelichting", "reden"})


@dataclass(frozen=True)
class Geschreven:
    """What a write did: the proposal's id and versie now, and the Gebruik it became."""

    id: str
    versie: int
    gebruik: str | None = None


def _aangemeld(schrijver: Schrijver, wat: str) -> None:
    if schrijver.identiteit.gebruiker is None:
        raise Unauthenticated(f"{wat} needs a signed-in user")


def mag_voorstellen(schrijver: Schrijver, wat: str) -> None:
    """Refuse, before any statement, who is no aanbod-beheerder of a leverancier with products."""
    _aangemeld(schrijver, wat)
    if not (schrijver.zicht.beheer or schrijver.zicht.producten):
        raise Forbidden(f"{wat} needs the role aanbod-beheerder of the application's leverancier")


def mag_beslissen(schrijver: Schrijver, wat: str) -> None:
    """Refuse, before any statement, who is no gebruik-beheerder of any organisation."""
    _aangemeld(schrijver, wat)
    if not (schrijver.zicht.beheer or schrijver.zicht.wijzigbaar):
        raise Forbidden(f"{wat} needs the role gebruik-beheerder of the gemeente")


def _eigen_leveranciers(schrijver: Schrijver) -> set[str]:
    """The leveranciers whose aanbod-beheerder the asker is: at home, or by a delegation."""
    return set(schrijver.zicht.aanbod)


async def stel_voor(
    store: Writer, schrijver: Schrijver, *, organisatie: str, applicatie: str, toelichting: str | None = None
) -> Geschreven:
    """A proposal to `organisatie` (a gemeente) to record its Gebruik of `applicatie`."""
    mag_voorstellen(schrijver, "stelGebruikVoor")
    problems = tekstproblemen({"gemeente": organisatie, "applicatie": applicatie})
    problems += tekstproblemen({"toelichting": toelichting}, LANG)
    weiger(LABEL, problems)
    params = {"organisatie": organisatie, "applicatie": applicatie}
    [stand] = await store.read("voorstel/voorstelstand", params)
    leverancier = _voorstelbaar(schrijver, stand, params)
    tijdstip = nu()
    voorstel_id = nieuw_id("gvs")
    eigenschappen = {
        "id": voorstel_id,
        "status": OPEN,
        "versie": 1,
        "voorgesteldOp": tijdstip,
        "voorgesteldDoor": schrijver.gebruiker,
        "gewijzigdOp": tijdstip,
        "gewijzigdDoor": schrijver.gebruiker,
        **({} if toelichting is None else {"toelichting": toelichting}),
    }
    weiger(LABEL, check(LABEL, eigenschappen))
    record = _record(
        schrijver,
        leverancier,
        organisatie=organisatie,
        object_id=voorstel_id,
        operatie="AANGEMAAKT",
        tijdstip=tijdstip,
        voor=None,
        na={"status": OPEN, "applicatie": applicatie, "leverancier": leverancier, "toelichting": toelichting},
    )
    rows = await store.write(
        "voorstel/voorstellen",
        {**params, "leverancier": leverancier, "eigenschappen": eigenschappen, "wijziging": record},
    )
    if not rows:  # between the check and the write: registered or proposed by someone else
        [stand] = await store.read("voorstel/voorstelstand", params)
        _voorstelbaar(schrijver, stand, params)
        raise Duplicate(f"{applicatie} was proposed to {organisatie} meanwhile", argument="input.applicatie")
    return Geschreven(rows[0]["id"], rows[0]["versie"])


def _voorstelbaar(schrijver: Schrijver, stand: Mapping[str, Any], params: Mapping[str, Any]) -> str:
    """The leverancier the proposal is made for, or the error it would be."""
    if not stand["organisatie"]:
        raise ClientError(
            "NOT_FOUND", f"there is no gemeente {params['organisatie']!r}", argument="input.gemeente"
        )
    if not stand["applicatie"]:
        raise ClientError(
            "NOT_FOUND", f"there is no application {params['applicatie']!r}", argument="input.applicatie"
        )
    # A concept the asker may not see is unknown to it, as in the catalogue (docs/access.md).
    concept = stand["gemeldDoor"]
    if concept is not None and not (schrijver.zicht.beheer or concept in schrijver.zicht.concepten):
        raise ClientError(
            "NOT_FOUND", f"there is no application {params['applicatie']!r}", argument="input.applicatie"
        )
    # The catalogue is public: another leverancier's application is forbidden, not unknown.
    if schrijver.zicht.beheer:
        leveranciers = sorted(stand["leveranciers"])
    else:
        leveranciers = sorted(set(stand["leveranciers"]) & _eigen_leveranciers(schrijver))
    if not leveranciers or not (schrijver.zicht.beheer or params["applicatie"] in schrijver.zicht.producten):
        raise Forbidden(
            f"you may propose only applications your leverancier offers, not {params['applicatie']}",
            argument="input.applicatie",
        )
    # A proposal shows its application to the gemeente: a concept waits until it is published.
    if concept is not None:
        raise ClientError(
            "INVALID_ARGUMENT",
            f"{params['applicatie']} is a concept: propose it once functioneel beheer published it",
            argument="input.applicatie",
        )
    if stand["bestaand"]:
        raise Duplicate(
            f"{params['organisatie']} uses {params['applicatie']} already", argument="input.applicatie"
        )
    if stand["open"]:
        raise Duplicate(
            f"{params['applicatie']} is proposed to {params['organisatie']} already, and still open",
            argument="input.applicatie",
        )
    return leveranciers[0]


def _record(
    schrijver: Schrijver, leverancier: str | None, *, organisatie: str, **velden: Any
) -> dict[str, Any]:
    """A Wijziging of a proposal: for the gemeente whose landscape it concerns, made by the
    leverancier when its aanbod-beheerder acts (not by the gemeente, as `namens` would say)."""
    record = wijziging(schrijver, organisatie=organisatie, label=LABEL, **velden)
    if leverancier is not None and leverancier in _eigen_leveranciers(schrijver):
        # A reseller proposing under the leverancier's delegation: its own organisation.
        via = schrijver.zicht.via(leverancier)
        record["actorOrganisatie"] = leverancier if via is None else via[0]
        if via is not None:
            record["delegatie"] = via[1]
    return record


async def _huidig(store: Writer, voorstel: str, verwachte_versie: int) -> dict[str, Any]:
    """The proposal as the write will find it, or the error a write of it would be."""
    rows = await store.read("voorstel/schrijfstand", {"id": voorstel})
    if not rows:  # unknown, or not visible to the asker: the same answer for both
        raise ClientError(
            "NOT_FOUND", f"there is no Gebruiksvoorstel {voorstel!r}", argument="input.voorstel"
        )
    stand = rows[0]
    huidige = stand["voorstel"]["versie"]
    if huidige != verwachte_versie:
        raise VersionConflict(
            f"Gebruiksvoorstel {voorstel} is at versie {huidige}, not {verwachte_versie}: read it again",
            huidige_versie=huidige,
            argument="input.verwachteVersie",
        )
    status = stand["voorstel"]["status"]
    if status != OPEN:
        raise TransitionNotAllowed(
            f"Gebruiksvoorstel {voorstel} is {status}: it is closed", toegestaan=[], argument="input.voorstel"
        )
    return stand


def _gemeente_beslist(schrijver: Schrijver, stand: Mapping[str, Any]) -> None:
    if not schrijver.mag_landschap(stand["organisatie"]):
        raise Forbidden(
            f"only a gebruik-beheerder of {stand['organisatie']} decides", argument="input.voorstel"
        )


async def aanvaard(
    store: Writer, schrijver: Schrijver, *, voorstel: str, verwachte_versie: int, status: str | None = None
) -> Geschreven:
    """Accept a proposal: the gemeente's Gebruik of the application, in `status`."""
    mag_beslissen(schrijver, "aanvaardGebruiksvoorstel")
    velden = {"status": status or STATUS_BIJ_AANVAARDEN}
    weiger(GEBRUIK, check(GEBRUIK, velden, partial=True))
    stand = await _huidig(store, voorstel, verwachte_versie)
    _gemeente_beslist(schrijver, stand)
    if stand["bestaand"]:
        raise _gebruikt(stand)
    organisatie, tijdstip = stand["organisatie"], nu()
    gebruik_id = nieuw_id(f"geb-{organisatie}")
    gebruik = {
        **velden,
        "id": gebruik_id,
        "versie": 1,
        "gewijzigdOp": tijdstip,
        "gewijzigdDoor": schrijver.gebruiker,
    }
    weiger(GEBRUIK, check(GEBRUIK, gebruik))
    wijziging_gebruik = wijziging(
        schrijver,
        organisatie=organisatie,
        object_id=gebruik_id,
        label=GEBRUIK,
        operatie="AANGEMAAKT",
        tijdstip=tijdstip,
        voor=None,
        na={
            **velden,
            "organisatie": organisatie,
            "applicatie": stand["applicatie"],
            "versies": [],
            "referentiecomponenten": [],
            "voorstel": voorstel,
        },
        met_sleutel=False,  # the proposal's record keeps the request's key, and names this Gebruik
    )
    eigenschappen = {"status": "AANVAARD", "gewijzigdOp": tijdstip, "gewijzigdDoor": schrijver.gebruiker}
    wijziging_voorstel = _record(
        schrijver,
        None,
        organisatie=organisatie,
        object_id=voorstel,
        operatie="STATUS_GEWIJZIGD",
        tijdstip=tijdstip,
        voor={"status": OPEN},
        na={"status": "AANVAARD", "gebruik": gebruik_id},
    )
    rows = await store.write(
        "voorstel/aanvaarden",
        {
            "voorstel": voorstel,
            "verwachteVersie": verwachte_versie,
            "eigenschappen": eigenschappen,
            "gebruik": gebruik,
            "wijzigingVoorstel": wijziging_voorstel,
            "wijzigingGebruik": wijziging_gebruik,
        },
    )
    if rows:
        return Geschreven(rows[0]["id"], rows[0]["versie"], rows[0]["gebruik"])
    stand = await _huidig(store, voorstel, verwachte_versie)  # raises what changed
    raise _gebruikt(stand)


def _gebruikt(stand: Mapping[str, Any]) -> Duplicate:
    return Duplicate(
        f"{stand['organisatie']} uses {stand['applicatie']} already: reject the proposal, "
        "or leave it to be withdrawn",
        argument="input.voorstel",
    )


async def wijs_af(
    store: Writer, schrijver: Schrijver, *, voorstel: str, verwachte_versie: int, reden: str | None
) -> Geschreven:
    """Reject a proposal; the reason is required, and the leverancier reads it."""
    mag_beslissen(schrijver, "wijsGebruiksvoorstelAf")
    problems = tekstproblemen({"reden": reden}, LANG)
    if reden is None or not reden.strip():
        problems.append(Problem("reden", REQUIRED, "is required: the leverancier is told why"))
    weiger(LABEL, problems)
    stand = await _huidig(store, voorstel, verwachte_versie)
    _gemeente_beslist(schrijver, stand)
    return await _sluit(store, schrijver, stand, "voorstel/afwijzen", "AFGEWEZEN", {"reden": reden})


async def trek_in(store: Writer, schrijver: Schrijver, *, voorstel: str, verwachte_versie: int) -> Geschreven:
    """Withdraw an open proposal of the asker's leverancier."""
    mag_voorstellen(schrijver, "trekGebruiksvoorstelIn")
    stand = await _huidig(store, voorstel, verwachte_versie)
    if not (schrijver.zicht.beheer or stand["applicatie"] in schrijver.zicht.producten):
        raise Forbidden("only the leverancier that proposed it withdraws it", argument="input.voorstel")
    return await _sluit(store, schrijver, stand, "voorstel/intrekken", "INGETROKKEN", {})


async def _sluit(
    store: Writer,
    schrijver: Schrijver,
    stand: Mapping[str, Any],
    query: str,
    status: str,
    velden: dict[str, Any],
) -> Geschreven:
    voorstel, versie, tijdstip = stand["voorstel"]["id"], stand["voorstel"]["versie"], nu()
    record = _record(
        schrijver,
        stand["leverancier"],
        organisatie=stand["organisatie"],
        object_id=voorstel,
        operatie="STATUS_GEWIJZIGD",
        tijdstip=tijdstip,
        voor={"status": OPEN},
        na={"status": status, **velden},
    )
    eigenschappen = {
        **velden,
        "status": status,
        "gewijzigdOp": tijdstip,
        "gewijzigdDoor": schrijver.gebruiker,
    }
    rows = await store.write(
        query,
        {
            "voorstel": voorstel,
            "verwachteVersie": versie,
            "eigenschappen": eigenschappen,
            "wijziging": record,
        },
    )
    if rows:
        return Geschreven(rows[0]["id"], rows[0]["versie"])
    await _huidig(store, voorstel, versie)  # raises what changed: a versie, a decision
    raise VersionConflict(
        f"Gebruiksvoorstel {voorstel} changed meanwhile",
        huidige_versie=versie + 1,
        argument="input.verwachteVersie",
    )
