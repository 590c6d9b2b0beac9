"""Delegation (issue 18, item 7): an organisation grants the people of another a role in its own
landscape or aanbod for a period, and may withdraw it at once (docs/access.md, "Delegation").

A delegation goes to an organisation, not to named people: the people of the receiving
organisation who hold the role at home hold it in the granting organisation's landscape or
aanbod too (graph_api/toegang.py). Who of them does the work stays the receiving organisation's
own business (its organisatie-beheerder gives and takes roles), and someone who leaves it loses
the delegated role with the home one. Only the granting organisation's organisatie-beheerder
(or functioneel beheer) grants and withdraws; a delegated role is never delegated further.

Each operation follows the write path of graph_api/domain/landschap/gebruik.py: checks, a read
that names the error, one statement that matches only what the asker may change and records
the change, a read again when it wrote nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from graph_api.domain.gebruikers import ROL_IN
from graph_api.domain.wijzigen import (
    Schrijver,
    Writer,
    nieuw_id,
    nu,
    tekstproblemen,
    valideer,
    weiger,
    wijziging,
)
from graph_api.errors import (
    ClientError,
    DelegationRefused,
    Duplicate,
    Forbidden,
    RoleNotForOrganisation,
    TransitionNotAllowed,
    Unauthenticated,
    VersionConflict,
)
from graph_api.model import keuzes
from graph_api.model.validate import check
from graph_api.toegang import vandaag

LABEL = "Delegatie"
LANG = frozenset({"toelichting"})
# A delegation ends at most a year after it starts: access to a landscape is reviewed yearly
# (BIO), and a longer arrangement is granted again, on purpose, rather than forgotten.
MAX_JAREN = 1


@dataclass(frozen=True)
class Geschreven:
    """What a write did: the delegation's id and its versie now."""

    id: str
    versie: int


def status(delegatie: Mapping[str, Any], dag: str) -> str:
    """Where a delegation stands on `dag`: INGETROKKEN, TOEKOMSTIG, VERLOPEN or ACTIEF."""
    if delegatie.get("ingetrokkenOp"):
        return "INGETROKKEN"
    if dag < delegatie["startDatum"]:
        return "TOEKOMSTIG"
    if dag > delegatie["eindDatum"]:
        return "VERLOPEN"
    return "ACTIEF"


def mag_delegeren(schrijver: Schrijver, wat: str) -> None:
    """Refuse, before any statement, who is no organisatie-beheerder anywhere."""
    if schrijver.identiteit.gebruiker is None:
        raise Unauthenticated(f"{wat} needs a signed-in organisatie-beheerder")
    if not (schrijver.zicht.beheer or schrijver.zicht.organisaties):
        raise Forbidden(f"{wat} needs the role organisatie-beheerder of the granting organisation")


def _mag_verlenen(schrijver: Schrijver, organisatie: str, argument: str) -> None:
    if not (schrijver.zicht.beheer or organisatie in schrijver.zicht.organisaties):
        raise Forbidden(
            f"only an organisatie-beheerder of {organisatie} grants or withdraws its delegations",
            argument=argument,
        )


def _einde(start: date) -> date:
    """The last day a delegation starting on `start` may count."""
    try:
        return start.replace(year=start.year + MAX_JAREN)
    except ValueError:  # 29 February
        return start.replace(year=start.year + MAX_JAREN, day=28)


def _periode(start: str, eind: str, dag: str) -> None:
    if eind < start:
        raise DelegationRefused(
            "INVALID_PERIOD", f"eindDatum ({eind}) is before startDatum ({start})", argument="input.eindDatum"
        )
    if start < dag:
        raise DelegationRefused(
            "INVALID_PERIOD",
            f"startDatum ({start}) is in the past: a delegation starts today at the earliest",
            argument="input.startDatum",
        )
    einde = _einde(date.fromisoformat(start)).isoformat()
    if eind > einde:
        raise DelegationRefused(
            "PERIOD_TOO_LONG",
            f"a delegation lasts at most {MAX_JAREN} year: from {start} until {einde} at the latest",
            argument="input.eindDatum",
        )


async def verleen(
    store: Writer,
    schrijver: Schrijver,
    *,
    organisatie: str,
    aan: str,
    rol: str,
    eind_datum: str,
    start_datum: str | None = None,
    toelichting: str | None = None,
) -> Geschreven:
    """Grant the people of `aan` who hold `rol` at home that role in `organisatie`'s landscape
    (a gebruik role) or aanbod (AANBOD_BEHEERDER), from `start_datum` (today when not
    given) until `eind_datum`, both days included."""
    mag_delegeren(schrijver, "verleenDelegatie")
    _mag_verlenen(schrijver, organisatie, "input.organisatie")
    dag = vandaag()
    start = start_datum or dag
    velden = {
        "rol": rol,
        "startDatum": start,
        "eindDatum": eind_datum,
        **({} if toelichting is None else {"toelichting": toelichting}),
    }
    valideer(LABEL, velden, LANG, partial=True)
    weiger(LABEL, tekstproblemen({"organisatie": organisatie, "aan": aan}))
    if aan == organisatie:
        raise DelegationRefused(
            "DELEGATION_TO_SELF", f"{organisatie} holds its own roles already", argument="input.aan"
        )
    _periode(start, eind_datum, dag)
    params = {"organisatie": organisatie, "aan": aan, "rol": rol, "vandaag": dag}
    [stand] = await store.read("delegatie/verleenstand", params)
    _verleenbaar(stand, params)
    tijdstip = nu()
    delegatie_id = nieuw_id("dlg")
    eigenschappen = {
        **velden,
        "id": delegatie_id,
        "versie": 1,
        "verleendOp": tijdstip,
        "verleendDoor": schrijver.gebruiker,
    }
    weiger(LABEL, check(LABEL, eigenschappen))
    record = wijziging(
        schrijver,
        organisatie=organisatie,
        object_id=delegatie_id,
        label=LABEL,
        operatie="AANGEMAAKT",
        tijdstip=tijdstip,
        voor=None,
        na={**velden, "aan": aan},
    )
    rows = await store.write(
        "delegatie/verlenen", {**params, "eigenschappen": eigenschappen, "wijziging": record}
    )
    if not rows:  # between the check and the write: granted by someone else meanwhile
        [stand] = await store.read("delegatie/verleenstand", params)
        _verleenbaar(stand, params)
        raise Duplicate(f"{aan} holds this delegation of {organisatie} already", argument="input.aan")
    return Geschreven(rows[0]["id"], rows[0]["versie"])


def _verleenbaar(stand: Mapping[str, Any], params: Mapping[str, Any]) -> None:
    rol = params["rol"]
    for argument, soort, organisatie in (
        ("input.organisatie", stand["verlener"], params["organisatie"]),
        ("input.aan", stand["ontvanger"], params["aan"]),
    ):
        if soort is None:
            raise ClientError("NOT_FOUND", f"there is no organisation {organisatie!r}", argument=argument)
        if soort not in ROL_IN[rol]:
            where = " or ".join(sorted(ROL_IN[rol]))
            raise RoleNotForOrganisation(
                f"{keuzes.ROLLEN[rol]} means nothing in a {soort} ({organisatie}): both organisations "
                f"of its delegation must be a {where}",
                argument="input.rol",
            )
    if stand["bestaand"]:
        raise Duplicate(
            f"{params['aan']} holds {keuzes.ROLLEN[rol]} of {params['organisatie']} already, now or "
            "later: withdraw that delegation first to grant another period",
            argument="input.aan",
        )


async def _huidig(
    store: Writer, schrijver: Schrijver, delegatie: str, verwachte_versie: int
) -> dict[str, Any]:
    """The delegation as a withdrawal will find it, or the error it would be."""
    rows = await store.read("delegatie/schrijfstand", {"id": delegatie})
    if not rows:  # unknown, or neither organisation's: the same answer for both
        raise ClientError("NOT_FOUND", f"there is no Delegatie {delegatie!r}", argument="input.delegatie")
    stand = rows[0]
    _mag_verlenen(schrijver, stand["verlener"], "input.delegatie")
    huidige = stand["delegatie"]["versie"]
    if huidige != verwachte_versie:
        raise VersionConflict(
            f"Delegatie {delegatie} is at versie {huidige}, not {verwachte_versie}: read it again",
            huidige_versie=huidige,
            argument="input.verwachteVersie",
        )
    nu_status = status(stand["delegatie"], vandaag())
    if nu_status in ("INGETROKKEN", "VERLOPEN"):
        raise TransitionNotAllowed(
            f"Delegatie {delegatie} is {nu_status}: it gives nothing any more",
            toegestaan=[],
            argument="input.delegatie",
        )
    return stand


async def trek_in(
    store: Writer, schrijver: Schrijver, *, delegatie: str, verwachte_versie: int
) -> Geschreven:
    """Withdraw a delegation, active or yet to start: from the next request on it gives nothing."""
    mag_delegeren(schrijver, "trekDelegatieIn")
    stand = await _huidig(store, schrijver, delegatie, verwachte_versie)
    tijdstip = nu()
    velden = {"ingetrokkenOp": tijdstip, "ingetrokkenDoor": schrijver.gebruiker}
    record = wijziging(
        schrijver,
        organisatie=stand["verlener"],
        object_id=delegatie,
        label=LABEL,
        operatie="STATUS_GEWIJZIGD",
        tijdstip=tijdstip,
        voor={"status": status(stand["delegatie"], vandaag())},
        na={"status": "INGETROKKEN"},
    )
    rows = await store.write(
        "delegatie/intrekken",
        {
            "delegatie": delegatie,
            "verwachteVersie": verwachte_versie,
            "vandaag": vandaag(),
            "eigenschappen": velden,
            "wijziging": record,
        },
    )
    if rows:
        return Geschreven(rows[0]["id"], rows[0]["versie"])
    await _huidig(store, schrijver, delegatie, verwachte_versie)  # raises what changed
    raise VersionConflict(
        f"Delegatie {delegatie} changed meanwhile",
        huidige_versie=verwachte_versie + 1,
        argument="input.verwachteVersie",
    )
