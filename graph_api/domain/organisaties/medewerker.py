"""The people of an organisation (F003): their roles changed, their membership deactivated and
reactivated by its organisatie-beheerders (or functioneel beheer), a Gebruiker deactivated as a
whole by functioneel beheer, and machine clients (F008) registered with one role.

Deactivating is the membership's (`LID_VAN.status`): an organisatie-beheerder of one
organisation must not lock a person out of another. Functioneel beheer deactivates the
Gebruiker itself, in every organisation. No write leaves an organisation that has an active
organisatie-beheerder (a person) without one: the write statements refuse it themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from graph_api.auth.dev import DEV_SUBJECT_PREFIX
from graph_api.domain.gebruikers import Organisatie, check_rol
from graph_api.domain.wijzigen import Schrijver, Writer, nieuw_id, nu, tekstproblemen, weiger, wijziging
from graph_api.errors import (
    ClientError,
    Duplicate,
    Forbidden,
    LaatsteBeheerder,
    RegistratieFout,
    Unauthenticated,
    VersionConflict,
)
from graph_api.model import keuzes
from graph_api.model.validate import REQUIRED, Problem, check

LABEL = "Lidmaatschap"  # the change records' objectLabel of a membership (object: the Gebruiker)
BEHEERDER = "ORGANISATIE_BEHEERDER"
ACTIEF, GEDEACTIVEERD = "ACTIEF", "GEDEACTIVEERD"
# Reaches beyond its organisation: only functioneel beheer gives it, never an
# organisatie-beheerder of VNG Realisatie to itself.
FUNCTIONEEL = "FUNCTIONEEL_BEHEERDER"
MAX_SUBJECT = 255  # as a token's `sub` (docs/identity.md)


@dataclass(frozen=True)
class Geschreven:
    organisatie: str
    gebruiker: str


def mag_beheren(schrijver: Schrijver, wat: str) -> None:
    """Refuse, before any statement, one who manages no organisation's people."""
    if schrijver.identiteit.gebruiker is None:
        raise Unauthenticated(f"{wat} needs a signed-in organisatie-beheerder")
    if not (schrijver.zicht.beheer or schrijver.zicht.organisaties):
        raise Forbidden(f"{wat} needs the role organisatie-beheerder of the organisation")


def mag_organisatie(schrijver: Schrijver, organisatie: str) -> None:
    if not (schrijver.zicht.beheer or organisatie in schrijver.zicht.organisaties):
        raise Forbidden(f"you are no organisatie-beheerder of {organisatie}", argument="input.organisatie")


def rollen(
    schrijver: Schrijver,
    org: Organisatie,
    gevraagd: Iterable[str],
    *,
    machine: bool = False,
    veld: str = "input.rollen",
) -> list[str]:
    """The roles asked for, each once and sorted, if each means something in `org` and the
    asker may give it: refused naming `veld`, the input field that gave them."""
    keys = sorted(set(gevraagd))
    if not keys:
        weiger(LABEL, [Problem(veld.removeprefix("input."), REQUIRED, "give at least one role")])
    for key in keys:
        check_rol(key, org, veld)
    if FUNCTIONEEL in keys and not schrijver.zicht.beheer:
        raise Forbidden(f"only functioneel beheer gives the role {keuzes.ROLLEN[FUNCTIONEEL]}", argument=veld)
    if machine and (len(keys) != 1 or BEHEERDER in keys):
        raise RegistratieFout(
            "ROLE_NOT_FOR_MACHINE_CLIENT",
            f"a machine client holds exactly one role, and not {keuzes.ROLLEN[BEHEERDER]}: "
            "managing people is a person's",
            argument=veld,
        )
    return keys


async def _stand(store: Writer, schrijver: Schrijver, organisatie: str, gebruiker: str) -> dict[str, Any]:
    rows = await store.read("medewerker/stand", {"organisatie": organisatie, "gebruiker": gebruiker})
    if not rows:
        raise ClientError(
            "NOT_FOUND", f"there is no organisation {organisatie!r}", argument="input.organisatie"
        )
    mag_organisatie(schrijver, organisatie)
    stand = rows[0]
    if stand["lid"] is None:
        raise ClientError(
            "NOT_FOUND", f"{gebruiker!r} is no member of {organisatie}", argument="input.gebruiker"
        )
    return stand


def _actief_beheerder(lid: Mapping[str, Any]) -> bool:
    return (
        lid["status"] == ACTIEF
        and lid["soort"] == "PERSOON"
        and lid["lidmaatschapStatus"] == ACTIEF
        and BEHEERDER in (lid["rollen"] or [])
    )


async def _wijzig(
    store: Writer,
    schrijver: Schrijver,
    *,
    organisatie: str,
    gebruiker: str,
    verwachte_versie: int,
    nieuwe_rollen: list[str] | None,
    status: str | None,
) -> Geschreven:
    stand = await _stand(store, schrijver, organisatie, gebruiker)
    lid = stand["lid"]
    if lid["versie"] != verwachte_versie:
        raise VersionConflict(
            f"the membership of {gebruiker} in {organisatie} is at versie {lid['versie']}, not "
            f"{verwachte_versie}: read it again",
            huidige_versie=lid["versie"],
            argument="input.verwachteVersie",
        )
    if status is not None and lid["lidmaatschapStatus"] == status:
        raise ClientError(
            "INVALID_ARGUMENT", f"the membership is {status.lower()} already", argument="input.gebruiker"
        )
    org = Organisatie(stand["organisatie"], stand["naam"], stand["soort"])
    if nieuwe_rollen is not None:
        nieuwe_rollen = rollen(schrijver, org, nieuwe_rollen, machine=lid["soort"] == "MACHINE")
        if FUNCTIONEEL in lid["rollen"] and FUNCTIONEEL not in nieuwe_rollen and not schrijver.zicht.beheer:
            raise Forbidden(
                f"only functioneel beheer takes the role {keuzes.ROLLEN[FUNCTIONEEL]} away",
                argument="input.rollen",
            )
    if status is not None and FUNCTIONEEL in lid["rollen"] and not schrijver.zicht.beheer:
        raise Forbidden(
            f"only functioneel beheer deactivates or reactivates a {keuzes.ROLLEN[FUNCTIONEEL]}",
            argument="input.gebruiker",
        )
    na = {
        "rollen": lid["rollen"] if nieuwe_rollen is None else nieuwe_rollen,
        "lidmaatschapStatus": status or lid["lidmaatschapStatus"],
    }
    blijft = _actief_beheerder({**lid, **na})
    if _actief_beheerder(lid) and not blijft and stand["andereBeheerders"] == 0:
        raise LaatsteBeheerder(
            f"{lid['naam']} is the last active organisatie-beheerder of {organisatie}: make another "
            "person organisatie-beheerder first",
            argument="input.rollen" if status is None else "input.gebruiker",
        )
    voor = {"rollen": lid["rollen"], "lidmaatschapStatus": lid["lidmaatschapStatus"]}
    record = wijziging(
        schrijver,
        organisatie=organisatie,
        object_id=gebruiker,
        label=LABEL,
        operatie="GEWIJZIGD" if status is None else "STATUS_GEWIJZIGD",
        tijdstip=nu(),
        voor={k: v for k, v in voor.items() if v != na[k]},
        na={k: v for k, v in na.items() if v != voor[k]},
    )
    rows = await store.write(
        "medewerker/wijzigen",
        {
            "organisatie": organisatie,
            "gebruiker": gebruiker,
            "verwachteVersie": verwachte_versie,
            "rollen": nieuwe_rollen,
            "status": status,
            "blijftBeheerder": blijft,
            "wijziging": record,
        },
    )
    if not rows:  # someone wrote in between: what is there now says why
        nieuw = await _stand(store, schrijver, organisatie, gebruiker)
        if nieuw["lid"]["versie"] != verwachte_versie:
            raise VersionConflict(
                "the membership changed meanwhile: read it again",
                huidige_versie=nieuw["lid"]["versie"],
                argument="input.verwachteVersie",
            )
        raise LaatsteBeheerder(
            f"{organisatie} has no other active organisatie-beheerder now", argument="input.gebruiker"
        )
    return Geschreven(organisatie, gebruiker)


async def wijzig_rollen(
    store: Writer,
    schrijver: Schrijver,
    *,
    organisatie: str,
    gebruiker: str,
    verwachte_versie: int,
    nieuwe_rollen: list[str],
) -> Geschreven:
    """Give a member exactly `nieuwe_rollen` in `organisatie`."""
    mag_beheren(schrijver, "wijzigRollen")
    mag_organisatie(schrijver, organisatie)
    return await _wijzig(
        store, schrijver, organisatie=organisatie, gebruiker=gebruiker,
        verwachte_versie=verwachte_versie, nieuwe_rollen=list(nieuwe_rollen), status=None,
    )  # fmt: skip


async def zet_status(
    store: Writer,
    schrijver: Schrijver,
    *,
    organisatie: str,
    gebruiker: str,
    verwachte_versie: int,
    status: str,
) -> Geschreven:
    """Deactivate or reactivate a member's membership of `organisatie` (not its others)."""
    mag_beheren(schrijver, "deactiveerMedewerker" if status == GEDEACTIVEERD else "activeerMedewerker")
    mag_organisatie(schrijver, organisatie)
    return await _wijzig(
        store, schrijver, organisatie=organisatie, gebruiker=gebruiker,
        verwachte_versie=verwachte_versie, nieuwe_rollen=None, status=status,
    )  # fmt: skip


def _beheerorganisatie(schrijver: Schrijver) -> str:
    """The Beheerorganisatie whose functioneel beheerder the asker is: a Gebruiker's status
    belongs to no organisation, so its change records are VNG's."""
    return next(
        lid.organisatie
        for lid in schrijver.identiteit.lidmaatschappen
        if lid.soort == "Beheerorganisatie" and FUNCTIONEEL in lid.rollen
    )


async def zet_gebruiker_status(
    store: Writer, schrijver: Schrijver, *, gebruiker: str, verwachte_versie: int, status: str
) -> str:
    """Deactivate or reactivate a Gebruiker in every organisation (functioneel beheer)."""
    wat = "deactiveerGebruiker" if status == GEDEACTIVEERD else "activeerGebruiker"
    if schrijver.identiteit.gebruiker is None:
        raise Unauthenticated(f"{wat} needs a signed-in functioneel beheerder")
    if not schrijver.zicht.beheer:
        raise Forbidden(f"{wat} needs the role functioneel-beheerder of VNG Realisatie")
    rows = await store.read("medewerker/gebruiker_stand", {"gebruiker": gebruiker})
    if not rows:
        raise ClientError("NOT_FOUND", f"there is no Gebruiker {gebruiker!r}", argument="input.gebruiker")
    stand = rows[0]
    huidige = stand["gebruiker"]["versie"]
    if huidige != verwachte_versie:
        raise VersionConflict(
            f"Gebruiker {gebruiker} is at versie {huidige}, not {verwachte_versie}: read it again",
            huidige_versie=huidige,
            argument="input.verwachteVersie",
        )
    if stand["gebruiker"]["status"] == status:
        raise ClientError(
            "INVALID_ARGUMENT", f"{gebruiker} is {status.lower()} already", argument="input.gebruiker"
        )
    if status == GEDEACTIVEERD and stand["alleen"]:
        raise LaatsteBeheerder(
            f"{gebruiker} is the last active organisatie-beheerder of {', '.join(sorted(stand['alleen']))}: "
            "make another person organisatie-beheerder there first",
            argument="input.gebruiker",
        )
    record = wijziging(
        schrijver,
        organisatie=_beheerorganisatie(schrijver),
        object_id=gebruiker,
        label="Gebruiker",
        operatie="STATUS_GEWIJZIGD",
        tijdstip=nu(),
        voor={"status": stand["gebruiker"]["status"]},
        na={"status": status},
    )
    params = {
        "gebruiker": gebruiker,
        "verwachteVersie": verwachte_versie,
        "status": status,
        "wijziging": record,
    }
    if not await store.write("medewerker/gebruiker_status", params):
        [nieuw] = await store.read("medewerker/gebruiker_stand", {"gebruiker": gebruiker})
        if nieuw["gebruiker"]["versie"] != verwachte_versie:
            raise VersionConflict(
                "the Gebruiker changed meanwhile: read it again",
                huidige_versie=nieuw["gebruiker"]["versie"],
                argument="input.verwachteVersie",
            )
        raise LaatsteBeheerder(
            f"{gebruiker} is the last active organisatie-beheerder now", argument="input.gebruiker"
        )
    return gebruiker


async def registreer_machineclient(
    store: Writer, schrijver: Schrijver, *, organisatie: str, client_id: str, naam: str, rol: str
) -> Geschreven:
    """A machine client (F008): a Gebruiker of soort MACHINE whose subject is `client_id`, the
    identity provider's `sub` of its client-credentials tokens, with one role in `organisatie`."""
    mag_beheren(schrijver, "registreerMachineclient")
    mag_organisatie(schrijver, organisatie)
    client_id, naam = client_id.strip(), naam.strip()
    gebruiker_id = nieuw_id("gebruiker")
    eigenschappen = {
        "id": gebruiker_id,
        "subject": client_id,
        "naam": naam,
        # The graph wants an e-mail, unique, of every Gebruiker; a machine client has none.
        "email": f"{gebruiker_id}@machine.invalid",
        "status": ACTIEF,
        "soort": "MACHINE",
        "versie": 1,
    }
    problems = check("Gebruiker", eigenschappen) + tekstproblemen({"naam": naam})
    if not client_id or len(client_id) > MAX_SUBJECT or not client_id.isprintable():
        problems.append(
            Problem("clientId", "INVALID_TYPE", f"must be 1 to {MAX_SUBJECT} printable characters")
        )
    weiger(
        "Gebruiker",
        [Problem("clientId" if p.field == "subject" else p.field, p.code, p.message) for p in problems],
    )
    if client_id.startswith(DEV_SUBJECT_PREFIX):
        raise RegistratieFout(
            "INVALID_SUBJECT", f"client ids starting with {DEV_SUBJECT_PREFIX!r} are graph-api dev-token's",
            argument="input.clientId",
        )  # fmt: skip
    stand = await _organisatie(store, schrijver, organisatie)
    keys = rollen(schrijver, stand, [rol], machine=True, veld="input.rol")
    record = wijziging(
        schrijver, organisatie=organisatie, object_id=gebruiker_id, label=LABEL, operatie="AANGEMAAKT",
        tijdstip=nu(), voor=None,
        na={"naam": naam, "clientId": client_id, "soort": "MACHINE", "rollen": keys,
            "lidmaatschapStatus": ACTIEF},
    )  # fmt: skip
    rows = await store.write(
        "medewerker/machineclient",
        {"organisatie": organisatie, "gebruiker": eigenschappen, "rollen": keys, "wijziging": record},
    )
    if not rows:
        raise Duplicate(
            f"a Gebruiker with the subject {client_id!r} exists already: a machine client is registered once",
            argument="input.clientId",
        )
    return Geschreven(organisatie, gebruiker_id)


async def _organisatie(store: Writer, schrijver: Schrijver, organisatie: str) -> Organisatie:
    rows = await store.read("medewerker/stand", {"organisatie": organisatie, "gebruiker": ""})
    if not rows:
        raise ClientError(
            "NOT_FOUND", f"there is no organisation {organisatie!r}", argument="input.organisatie"
        )
    return Organisatie(rows[0]["organisatie"], rows[0]["naam"], rows[0]["soort"])
