"""A person asks an organisation for access (F001): signed in with the identity provider but
unknown here, it asks a gemeente (or another organisation with a landscape) for roles, with a
note. The organisation's organisatie-beheerder, or functioneel beheer, grants it (the person
becomes a Gebruiker with those roles there) or refuses it with a reason.

The person has no Gebruiker id until it is granted, so its request's change record names it by
its subject (`subject:<sub>`), and its idempotency key is scoped to that subject.
"""

from __future__ import annotations

import uuid
from typing import Any

from graph_api.domain.gebruikers import ROL_IN
from graph_api.domain.organisaties.registratie import bekend, nieuwkomer
from graph_api.domain.wijzigen import (
    Schrijver,
    Writer,
    nieuw_id,
    nu,
    tekstproblemen,
    uniek,
    weiger,
    wijziging,
)
from graph_api.errors import (
    AlBekend,
    ClientError,
    Duplicate,
    Forbidden,
    RoleNotForOrganisation,
    TransitionNotAllowed,
    Unauthenticated,
    VersionConflict,
)
from graph_api.identiteit import Identiteit
from graph_api.model import keuzes
from graph_api.model.validate import REQUIRED, Problem, check
from graph_api.toegang import MET_LANDSCHAP

LABEL = "Toegangsverzoek"
OPEN = "INGEDIEND"
LANG = frozenset({"toelichting", "reden"})


def actor(subject: str) -> str:
    """Who a request's change record names: the person by its subject, until it is a Gebruiker."""
    return f"subject:{subject}"


def _rollen(rollen: list[str], organisatie: str, soort: str) -> list[str]:
    """The roles, each once, when each means something in this kind of organisation."""
    keys = sorted(uniek(rollen) or [])
    for key in keys:
        if soort not in ROL_IN[key]:
            where = " or ".join(sorted(ROL_IN[key]))
            raise RoleNotForOrganisation(
                f"{keuzes.ROLLEN[key]} means nothing in a {soort} ({organisatie}); it is a role in a {where}",
                argument="input.rollen",
            )
    return keys


async def vraag_aan(
    store: Writer,
    identiteit: Identiteit,
    schrijver: Schrijver,
    *,
    organisatie: str,
    rollen: list[str],
    toelichting: str | None,
) -> dict[str, Any]:
    """Ask `organisatie` for `rollen` as `identiteit`, recorded by `schrijver` (als_nieuwkomer);
    the request as the statement wrote it (the person's own request still has a bezoeker's
    sight, which does not show it)."""
    persoon = nieuwkomer(identiteit, "vraagToegangAan")
    problems = tekstproblemen({"toelichting": toelichting, "organisatie": organisatie}, LANG)
    if not rollen:
        problems.append(Problem("rollen", REQUIRED, "ask for at least one role"))
    weiger(LABEL, problems)
    await bekend(store, persoon)
    rows = await store.read(
        "toegangsverzoek/aanvraagstand", {"organisatie": organisatie, "subject": persoon.subject}
    )
    if not rows:
        raise ClientError(
            "NOT_FOUND", f"there is no organisation {organisatie!r}", argument="input.organisatie"
        )
    stand = rows[0]
    if stand["soort"] not in MET_LANDSCHAP:
        raise ClientError(
            "INVALID_ARGUMENT",
            f"{organisatie} is a {stand['soort']}: access is asked of an organisation with a landscape",
            argument="input.organisatie",
        )
    keys = _rollen(rollen, organisatie, stand["soort"])
    if stand["open"]:
        raise _open(organisatie)
    tijdstip, id = nu(), nieuw_id("tgv")
    verzoek: dict[str, Any] = {
        "id": id,
        "status": OPEN,
        "subject": persoon.subject,
        "naam": persoon.naam,
        "email": persoon.email,
        "rollen": keys,
        "versie": 1,
        "ingediendOp": tijdstip,
        **({"toelichting": toelichting.strip()} if toelichting and toelichting.strip() else {}),
    }
    weiger(LABEL, check(LABEL, verzoek))
    record = wijziging(
        schrijver, organisatie=organisatie, object_id=id, label=LABEL, operatie="AANGEMAAKT",
        tijdstip=tijdstip, voor=None, na={k: v for k, v in verzoek.items() if k != "subject"},
    )  # fmt: skip
    rows = await store.write(
        "toegangsverzoek/indienen",
        {
            "organisatie": organisatie,
            "subject": persoon.subject,
            "email": persoon.email,
            "verzoek": verzoek,
            "wijziging": record,
        },
    )
    if not rows:  # asked, or came in, meanwhile
        await bekend(store, persoon)
        raise _open(organisatie)
    return rows[0]["item"]


def _open(organisatie: str) -> Duplicate:
    return Duplicate(
        f"you asked {organisatie} for access already; wait for its answer", argument="input.organisatie"
    )


# --- the organisation decides ---


def mag_beslissen(schrijver: Schrijver, wat: str) -> None:
    if schrijver.identiteit.gebruiker is None:
        raise Unauthenticated(f"{wat} needs a signed-in organisatie-beheerder")
    if not (schrijver.zicht.beheer or schrijver.zicht.organisaties):
        raise Forbidden(f"{wat} needs the role organisatie-beheerder of the organisation asked")


async def _stand(store: Writer, verzoek: str, verwachte_versie: int) -> dict[str, Any]:
    rows = await store.read("toegangsverzoek/stand", {"id": verzoek})
    if not rows:  # unknown, or of an organisation the asker does not keep: the same answer
        raise ClientError(
            "NOT_FOUND", f"there is no request for access {verzoek!r}", argument="input.toegangsverzoek"
        )
    stand = rows[0]
    huidige = stand["verzoek"]["versie"]
    if huidige != verwachte_versie:
        raise VersionConflict(
            f"request {verzoek} is at versie {huidige}, not {verwachte_versie}: read it again",
            huidige_versie=huidige,
            argument="input.verwachteVersie",
        )
    if stand["verzoek"]["status"] != OPEN:
        raise TransitionNotAllowed(
            f"request {verzoek} is {stand['verzoek']['status']}: it was decided",
            toegestaan=[],
            argument="input.toegangsverzoek",
        )
    return stand


async def ken_toe(
    store: Writer, schrijver: Schrijver, *, verzoek: str, verwachte_versie: int, rollen: list[str] | None
) -> str:
    """Grant a request: the person becomes a Gebruiker of the organisation with `rollen` (those
    it asked for when not given)."""
    mag_beslissen(schrijver, "kenToegangToe")
    if rollen is not None and not rollen:
        weiger(LABEL, [Problem("rollen", REQUIRED, "give at least one role, or leave it out")])
    stand = await _stand(store, verzoek, verwachte_versie)
    gegeven = stand["verzoek"]
    organisatie = stand["organisatie"]
    keys = _rollen(rollen if rollen is not None else gegeven["rollen"], organisatie, stand["soort"])
    if stand["subjectBekend"]:
        raise AlBekend("ALREADY_REGISTERED", "the person is a Gebruiker here already: give it roles instead")
    if stand["emailBekend"]:
        raise AlBekend(
            "EMAIL_IN_USE", f"a Gebruiker with the e-mail address {gegeven['email']} exists already"
        )
    tijdstip = nu()
    gebruiker = {
        "id": f"gebruiker-{uuid.uuid4().hex}",
        "subject": gegeven["subject"],
        "naam": gegeven["naam"],
        "email": gegeven["email"],
        "status": "ACTIEF",
        "soort": "PERSOON",
    }
    records = [
        wijziging(schrijver, organisatie=organisatie, object_id=verzoek, label=LABEL,
                  operatie="STATUS_GEWIJZIGD", tijdstip=tijdstip, voor={"status": OPEN},
                  na={"status": "TOEGEKEND", "rollen": keys, "gebruiker": gebruiker["id"]}),
        wijziging(schrijver, organisatie=organisatie, object_id=gebruiker["id"], label="Gebruiker",
                  operatie="AANGEMAAKT", tijdstip=tijdstip, voor=None,
                  na={"naam": gebruiker["naam"], "rollen": keys, "organisatie": organisatie},
                  met_sleutel=False),
    ]  # fmt: skip
    eigenschappen = {"status": "TOEGEKEND", "beoordeeldOp": tijdstip, "beoordeeldDoor": schrijver.gebruiker}
    return await _beslis(
        store, "toegangsverzoek/toekennen", verzoek, verwachte_versie, eigenschappen, records,
        gebruiker=gebruiker, rollen=keys,
    )  # fmt: skip


async def weiger_toegang(
    store: Writer, schrijver: Schrijver, *, verzoek: str, verwachte_versie: int, reden: str
) -> str:
    """Refuse a request, with the reason the person reads."""
    mag_beslissen(schrijver, "weigerToegang")
    problems = tekstproblemen({"reden": reden}, LANG)
    if not reden.strip():
        problems.append(Problem("reden", REQUIRED, "is required: the person is told why"))
    weiger(LABEL, problems)
    stand = await _stand(store, verzoek, verwachte_versie)
    tijdstip = nu()
    record = wijziging(
        schrijver, organisatie=stand["organisatie"], object_id=verzoek, label=LABEL,
        operatie="STATUS_GEWIJZIGD", tijdstip=tijdstip, voor={"status": OPEN},
        na={"status": "GEWEIGERD", "reden": reden.strip()},
    )  # fmt: skip
    eigenschappen = {
        "status": "GEWEIGERD",
        "reden": reden.strip(),
        "beoordeeldOp": tijdstip,
        "beoordeeldDoor": schrijver.gebruiker,
    }
    return await _beslis(
        store, "toegangsverzoek/weigeren", verzoek, verwachte_versie, eigenschappen, [record]
    )


async def _beslis(
    store: Writer,
    query: str,
    verzoek: str,
    versie: int,
    eigenschappen: dict[str, Any],
    records: list[dict[str, Any]],
    **params: Any,
) -> str:
    rows = await store.write(
        query,
        {
            "id": verzoek,
            "verwachteVersie": versie,
            "eigenschappen": eigenschappen,
            "wijzigingen": records,
            **params,
        },
    )
    if rows:
        return verzoek
    stand = await _stand(store, verzoek, versie)  # raises what changed: a versie, a decision
    if stand["subjectBekend"] or stand["emailBekend"]:
        raise AlBekend("ALREADY_REGISTERED", "the person came in meanwhile: give it roles instead")
    raise VersionConflict(
        f"request {verzoek} changed meanwhile", huidige_versie=versie + 1, argument="input.verwachteVersie"
    )
