"""Invitations (F003): an organisatie-beheerder (or functioneel beheer) invites a colleague by
e-mail with roles; the colleague, signed in with that e-mail verified by the identity provider,
accepts with the invitation's code and becomes a member with those roles.

The API sends no mail. The code is made here, given to the inviter once (in the answer of
`nodigUit`) to pass on, and only its SHA-256 digest is kept: the graph never holds a code
that would let anyone in. A code is 32 random bytes, so a digest without salt is enough.
An invitation is used once, and expires: an OPEN one past `verlooptOp` reads as VERLOPEN.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from graph_api.domain.gebruikers import Organisatie, is_email
from graph_api.domain.organisaties.medewerker import LABEL as LIDMAATSCHAP
from graph_api.domain.organisaties.medewerker import mag_beheren, mag_organisatie, rollen
from graph_api.domain.wijzigen import Schrijver, Writer, nieuw_id, tekstproblemen, weiger, wijziging
from graph_api.errors import (
    ClientError,
    Duplicate,
    EmailNotVerified,
    Forbidden,
    TransitionNotAllowed,
    UitnodigingGesloten,
    UitnodigingOnbruikbaar,
    Unauthenticated,
    VersionConflict,
)
from graph_api.model.validate import INVALID_TYPE, Problem, check

LABEL = "Uitnodiging"
GELDIG_DAGEN = 14  # how long an invitation stays open unless the inviter says otherwise
MAX_GELDIG_DAGEN = 90
MAX_CODE = 100


@dataclass(frozen=True)
class Uitgenodigd:
    id: str
    code: str | None  # None when a repeated request answers: the code is shown once only


@dataclass(frozen=True)
class Aanvaard:
    uitnodiging: str
    gebruiker: str
    organisatie: str
    rollen: list[str]  # its roles there now


def tijdstip(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def digest(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def email(value: str) -> str:
    """An e-mail address as invitations compare them: as the token's, trimmed and in lower case
    (graph_api/auth/identify.py)."""
    return value.strip().lower()


async def nodig_uit(
    store: Writer,
    schrijver: Schrijver,
    *,
    organisatie: str,
    adres: str,
    gevraagd: list[str],
    geldig_dagen: int | None = None,
) -> Uitgenodigd:
    """Invite `adres` to `organisatie` with the roles `gevraagd`, open for `geldig_dagen`."""
    mag_beheren(schrijver, "nodigUit")
    mag_organisatie(schrijver, organisatie)
    adres = email(adres)
    dagen = GELDIG_DAGEN if geldig_dagen is None else geldig_dagen
    problems = tekstproblemen({"email": adres})
    if not problems and not is_email(adres):
        problems.append(Problem("email", INVALID_TYPE, "is not an e-mail address"))
    if not 1 <= dagen <= MAX_GELDIG_DAGEN:
        problems.append(Problem("geldigDagen", "OUT_OF_RANGE", f"must be 1 to {MAX_GELDIG_DAGEN} days"))
    weiger(LABEL, problems)
    moment = datetime.now(UTC)
    nu = tijdstip(moment)
    rows = await store.read("uitnodiging/stand", {"organisatie": organisatie, "email": adres, "nu": nu})
    if not rows:
        raise ClientError(
            "NOT_FOUND", f"there is no organisation {organisatie!r}", argument="input.organisatie"
        )
    stand = rows[0]
    keys = rollen(schrijver, Organisatie(stand["organisatie"], stand["naam"], stand["soort"]), gevraagd)
    if stand["lid"]:
        raise Duplicate(f"{adres} is an active member of {organisatie} already", argument="input.email")
    if stand["open"]:
        raise Duplicate(
            f"an invitation of {adres} to {organisatie} is open: withdraw it first to send another",
            argument="input.email",
        )
    code = secrets.token_urlsafe(32)
    uitnodiging: dict[str, Any] = {
        "id": nieuw_id("uit"),
        "email": adres,
        "rollen": keys,
        "status": "OPEN",
        "codeHash": digest(code),
        "verlooptOp": tijdstip(moment + timedelta(days=dagen)),
        "versie": 1,
        "aangemaakt": nu,
        "uitgenodigdDoor": schrijver.gebruiker,
        "gewijzigdOp": nu,
        "gewijzigdDoor": schrijver.gebruiker,
    }
    weiger(LABEL, check(LABEL, uitnodiging))
    record = wijziging(
        schrijver,
        organisatie=organisatie,
        object_id=uitnodiging["id"],
        label=LABEL,
        operatie="AANGEMAAKT",
        tijdstip=nu,
        voor=None,
        na={k: v for k, v in uitnodiging.items() if k != "codeHash"},
    )
    rows = await store.write(
        "uitnodiging/uitnodigen",
        {
            "organisatie": organisatie,
            "email": adres,
            "nu": nu,
            "uitnodiging": uitnodiging,
            "wijziging": record,
        },
    )
    if not rows:  # invited or joined in between
        raise Duplicate(f"{adres} was invited to or joined {organisatie} meanwhile", argument="input.email")
    return Uitgenodigd(uitnodiging["id"], code)


async def trek_in(store: Writer, schrijver: Schrijver, *, uitnodiging: str, verwachte_versie: int) -> str:
    """Withdraw an open invitation: its code opens nothing from now."""
    mag_beheren(schrijver, "trekUitnodigingIn")
    nu = tijdstip(datetime.now(UTC))
    gelezen = await _gelezen(store, uitnodiging, nu)
    if gelezen["versie"] != verwachte_versie:
        raise VersionConflict(
            f"invitation {uitnodiging} is at versie {gelezen['versie']}, not {verwachte_versie}: "
            "read it again",
            huidige_versie=gelezen["versie"],
            argument="input.verwachteVersie",
        )
    if gelezen["status"] not in ("OPEN", "VERLOPEN"):
        raise TransitionNotAllowed(
            f"invitation {uitnodiging} is {gelezen['status'].lower()}: only an open one is withdrawn",
            toegestaan=[],
            argument="input.uitnodiging",
        )
    record = wijziging(
        schrijver,
        organisatie=gelezen["organisatie"],
        object_id=uitnodiging,
        label=LABEL,
        operatie="STATUS_GEWIJZIGD",
        tijdstip=nu,
        voor={"status": "OPEN"},
        na={"status": "INGETROKKEN"},
    )
    params = {
        "id": uitnodiging,
        "verwachteVersie": verwachte_versie,
        "tijdstip": nu,
        "door": schrijver.gebruiker,
        "wijziging": record,
    }
    if not await store.write("uitnodiging/intrekken", params):
        nieuw = await _gelezen(store, uitnodiging, nu)
        raise VersionConflict(
            "the invitation changed meanwhile: read it again",
            huidige_versie=nieuw["versie"],
            argument="input.verwachteVersie",
        )
    return uitnodiging


async def _gelezen(store: Writer, uitnodiging: str, nu: str) -> dict[str, Any]:
    rows = await store.read("uitnodiging/per_id", {"ids": [uitnodiging], "nu": nu})
    if not rows:  # unknown, or of an organisation whose people the asker does not manage
        raise ClientError(
            "NOT_FOUND", f"there is no invitation {uitnodiging!r}", argument="input.uitnodiging"
        )
    return rows[0]["item"]


async def aanvaard(store: Writer, schrijver: Schrijver, *, code: str) -> Aanvaard:
    """Accept the invitation `code` opens, as the signed-in person: it must have been sent to
    the person's verified e-mail. A person unknown here becomes a Gebruiker (subject and name
    from the token); a known one gains the membership, or has it made active again."""
    identiteit = schrijver.identiteit
    if identiteit.subject is None:
        raise Unauthenticated("aanvaardUitnodiging needs a person signed in with the invited e-mail")
    code = code.strip()
    if not code or len(code) > MAX_CODE:
        weiger(LABEL, [Problem("code", INVALID_TYPE, f"must be 1 to {MAX_CODE} characters")])
    nu = tijdstip(datetime.now(UTC))
    rows = await store.read("uitnodiging/per_code", {"codeHash": digest(code), "subject": identiteit.subject})
    if not rows:
        raise UitnodigingOnbruikbaar(
            "INVITATION_NOT_FOUND", "no invitation has this code: check it, or ask for a new one",
            argument="input.code",
        )  # fmt: skip
    stand = rows[0]
    uitnodiging = stand["uitnodiging"]
    if identiteit.email is None or not identiteit.email_geverifieerd:
        raise EmailNotVerified(
            "your sign-in carries no verified e-mail: verify it with your identity provider, "
            "then sign in again",
            argument="input.code",
        )
    if identiteit.email != uitnodiging["email"]:
        raise UitnodigingOnbruikbaar(
            "EMAIL_MISMATCH", "this invitation was sent to another e-mail than the one you signed in with",
            argument="input.code",
        )  # fmt: skip
    _open(uitnodiging, nu)
    gebruiker = stand["gebruiker"]
    if gebruiker is not None and (gebruiker["status"] != "ACTIEF" or gebruiker["soort"] != "PERSOON"):
        raise Forbidden("your account is deactivated or a machine client's: it joins no organisation")
    if gebruiker is None and stand["emailBezet"]:
        raise Duplicate(
            f"another account has the e-mail {identiteit.email} already: sign in with that one",
            argument="input.code",
        )
    hash_ = digest(code)
    geschreven = await _schrijf(store, schrijver, stand, nu, hash_)
    if geschreven is not None:
        return geschreven
    # Nothing written: accepted, withdrawn or the membership changed in between.
    [nieuw] = await store.read("uitnodiging/per_code", {"codeHash": hash_, "subject": identiteit.subject})
    _open(nieuw["uitnodiging"], nu)
    lid = nieuw["lid"] or {"versie": 0}
    raise VersionConflict(
        "your membership changed while accepting: send it again",
        huidige_versie=lid["versie"],
        argument="input.code",
    )


def _open(uitnodiging: dict[str, Any], nu: str) -> None:
    status = uitnodiging["status"]
    if status == "AANVAARD":
        raise UitnodigingGesloten(
            "INVITATION_USED", "this invitation has been accepted already", argument="input.code"
        )
    if status == "INGETROKKEN":
        raise UitnodigingGesloten(
            "INVITATION_WITHDRAWN", "this invitation has been withdrawn", argument="input.code"
        )
    if uitnodiging["verlooptOp"] <= nu:
        raise UitnodigingGesloten(
            "INVITATION_EXPIRED",
            f"this invitation expired at {uitnodiging['verlooptOp']}: ask for a new one",
            argument="input.code",
        )


async def _schrijf(
    store: Writer, schrijver: Schrijver, stand: dict[str, Any], nu: str, hash_: str
) -> Aanvaard | None:
    """What accepting did, or None when nothing was written."""
    identiteit = schrijver.identiteit
    uitnodiging, organisatie, gebruiker, lid = (
        stand["uitnodiging"], stand["organisatie"], stand["gebruiker"], stand["lid"],
    )  # fmt: skip
    assert identiteit.subject is not None and identiteit.email is not None  # checked by aanvaard
    nieuw: dict[str, Any] | None = None
    if gebruiker is None:
        nieuw = {
            "id": nieuw_id("gebruiker"),
            "subject": identiteit.subject,
            "naam": (identiteit.naam or "").strip() or identiteit.email,
            "email": identiteit.email,
            "status": "ACTIEF",
            "soort": "PERSOON",
            "versie": 1,
        }
        weiger("Gebruiker", check("Gebruiker", nieuw) + tekstproblemen({"naam": nieuw["naam"]}))
    gebruiker_id: str = nieuw["id"] if nieuw else gebruiker["id"]
    # The records name the person accepting; the statement sets the actor to the Gebruiker it
    # found by subject, should another request have made it first.
    als = replace(schrijver, identiteit=replace(identiteit, gebruiker=gebruiker_id))
    actief = lid is not None and lid["status"] == "ACTIEF"
    # Accepting adds the roles: a member who was given more meanwhile keeps them.
    nieuwe_rollen = sorted(set(uitnodiging["rollen"]) | set(lid["rollen"] if actief else []))
    voor = None if lid is None else {"rollen": lid["rollen"], "lidmaatschapStatus": lid["status"]}
    records = [
        wijziging(als, organisatie=organisatie, object_id=uitnodiging["id"], label=LABEL,
                  operatie="STATUS_GEWIJZIGD", tijdstip=nu, voor={"status": "OPEN"},
                  na={"status": "AANVAARD", "aanvaardDoor": gebruiker_id, "rollen": nieuwe_rollen,
                      "organisatie": organisatie}),
        wijziging(als, organisatie=organisatie, object_id=gebruiker_id, label=LIDMAATSCHAP,
                  operatie="AANGEMAAKT" if lid is None else "GEWIJZIGD", tijdstip=nu,
                  voor=voor, na={"rollen": nieuwe_rollen, "lidmaatschapStatus": "ACTIEF",
                                 "uitnodiging": uitnodiging["id"]},
                  met_sleutel=False),
    ]  # fmt: skip
    if nieuw is not None:
        records.append(
            wijziging(als, organisatie=organisatie, object_id=gebruiker_id, label="Gebruiker",
                      operatie="AANGEMAAKT", tijdstip=nu, voor=None,
                      na={"naam": nieuw["naam"], "email": nieuw["email"], "soort": "PERSOON"},
                      met_sleutel=False)
        )  # fmt: skip
    rows = await store.write(
        "uitnodiging/aanvaarden",
        {
            "codeHash": hash_,
            "email": identiteit.email,
            "nu": nu,
            "subject": identiteit.subject,
            "nieuw": nieuw or {},
            "rollen": nieuwe_rollen,
            "lidVersie": 0 if lid is None else lid["versie"],
            "wijzigingen": records,
        },
    )
    if not rows:
        return None
    return Aanvaard(uitnodiging["id"], rows[0]["gebruiker"], organisatie, nieuwe_rollen)
