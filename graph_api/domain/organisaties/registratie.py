"""A leverancier registers itself (F001): a concept until functioneel beheer approves it.

A person signed in with the identity provider but unknown here registers a leverancier. One
statement creates the leverancier (status CONCEPT, `gemeldDoor` its own id: every catalogue
read hides it from all but its own beheerders and functioneel beheer, docs/access.md
"Concepts"), the person as its first Gebruiker (organisatie- and aanbod-beheerder, so it can
prepare its aanbod before approval) and the registration, which functioneel beheer then
approves (the leverancier becomes ACTIEF and shows) or rejects with a reason (it stays hidden).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

from graph_api.domain.idempotentie import idempotentie
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
    AlBekend,
    ClientError,
    Duplicate,
    EmailNotVerified,
    Forbidden,
    TransitionNotAllowed,
    Unauthenticated,
    VersionConflict,
)
from graph_api.identiteit import Identiteit
from graph_api.model.validate import INVALID_TYPE, REQUIRED, Problem, check
from graph_api.toegang import Zicht

LABEL = "Registratie"
OPEN = "INGEDIEND"
# The first Gebruiker keeps the organisation and its aanbod.
ROLLEN = ["AANBOD_BEHEERDER", "ORGANISATIE_BEHEERDER"]

_KVK = re.compile(r"\d{8}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
# Digits with the separators people write: +31 (0)20-123 45 67.
_TELEFOON = re.compile(r"\+?[0-9 ()\-]{6,25}")


@dataclass(frozen=True)
class Nieuwkomer:
    """A person signed in with the identity provider whom the graph does not know yet."""

    subject: str
    naam: str
    email: str


def nieuwkomer(identiteit: Identiteit, wat: str) -> Nieuwkomer:
    """The person asking, when it may come in: signed in, unknown here, with a verified e-mail.
    A deactivated Gebruiker looks unknown to the token; the statement finds its subject."""
    if identiteit.subject is None:
        raise Unauthenticated(f"{wat} needs a person signed in with the identity provider")
    if identiteit.gebruiker is not None:
        raise AlBekend(
            "ALREADY_REGISTERED",
            f"you are known here already (Gebruiker {identiteit.gebruiker}): an organisatie-beheerder "
            "of your organisation gives roles",
        )
    if not (identiteit.email and identiteit.email_geverifieerd):
        raise EmailNotVerified(
            f"{wat} needs an e-mail address your identity provider verified; sign in with one"
        )
    return Nieuwkomer(
        identiteit.subject, (identiteit.naam or "").strip() or identiteit.email, identiteit.email
    )


def als_nieuwkomer(
    identiteit: Identiteit, actor: str, key: str | None, operatie: str, invoer: Any
) -> Schrijver:
    """The writer of a nieuwkomer's write: recorded as `actor` (the Gebruiker it becomes, or its
    subject), whose scope its idempotency key takes, since it has no Gebruiker id of its own yet."""
    als = replace(identiteit, gebruiker=actor)
    return Schrijver(als, Zicht(), idempotentie(als, key, operatie, invoer))


async def bekend(store: Writer, persoon: Nieuwkomer, kvk_nummer: str | None = None) -> None:
    """Refuse a person whose subject (a deactivated Gebruiker) or e-mail a Gebruiker has, and a
    KvK number an organisation has."""
    [stand] = await store.read(
        "registratie/bekend", {"subject": persoon.subject, "email": persoon.email, "kvkNummer": kvk_nummer}
    )
    if stand["subject"]:
        raise AlBekend(
            "ALREADY_REGISTERED",
            "you are known here already, deactivated: ask your organisation's organisatie-beheerder",
        )
    if stand["email"]:
        raise AlBekend(
            "EMAIL_IN_USE",
            f"a Gebruiker with the e-mail address {persoon.email} exists already; sign in as that one",
        )
    if stand["kvk"]:
        raise Duplicate(
            f"an organisation with KvK number {kvk_nummer} is registered already", argument="input.kvkNummer"
        )


@dataclass(frozen=True)
class Ingediend:
    """What a registration wrote, as the statement returned it: the registrant's own request
    still has a bezoeker's sight, so a read now would not show the concept it made."""

    id: str  # the leverancier's
    registratie: dict[str, Any]
    leverancier: dict[str, Any]


def websiteproblemen(website: str | None) -> list[Problem]:
    if website is None:
        return []
    try:
        parts = urlsplit(website.strip())
        host = parts.hostname
    except ValueError:  # an unclosed IPv6 bracket
        host = None
    if host and parts.scheme in ("http", "https") and "." in host and " " not in website.strip():
        return []
    return [Problem("website", INVALID_TYPE, "must be an http or https URL")]


def _contactproblemen(website: str | None, email: str | None, telefoon: str | None) -> list[Problem]:
    problems = websiteproblemen(website)
    if email is not None and not _EMAIL.fullmatch(email.strip()):
        problems.append(Problem("email", INVALID_TYPE, f"{email[:60]!r} is not an e-mail address"))
    if telefoon is not None and not (
        _TELEFOON.fullmatch(telefoon.strip()) and sum(c.isdigit() for c in telefoon) >= 6
    ):
        problems.append(
            Problem("telefoon", INVALID_TYPE, "must be a telephone number: digits, +, spaces, - ( )")
        )
    return problems


async def dien_in(
    store: Writer,
    identiteit: Identiteit,
    *,
    naam: str,
    kvk_nummer: str,
    website: str | None,
    email: str | None,
    telefoon: str | None,
    key: str | None = None,
    invoer: Any = None,
) -> Ingediend:
    """Register a leverancier for the person asking, who becomes its first Gebruiker."""
    persoon = nieuwkomer(identiteit, "registreerLeverancier")
    tijdstip = nu()
    leverancier_id = nieuw_id("lev")
    leverancier = {
        "id": leverancier_id,
        "naam": naam.strip(),
        "status": "CONCEPT",
        "gemeldDoor": leverancier_id,
        "kvkNummer": kvk_nummer.strip(),
        "aangemaakt": tijdstip,
        **{k: v.strip() for k, v in (("website", website), ("email", email), ("telefoon", telefoon)) if v},
    }
    problems = check("Leverancier", leverancier) + tekstproblemen(
        {"naam": naam, "kvkNummer": kvk_nummer, "website": website, "email": email, "telefoon": telefoon}
    )
    if not _KVK.fullmatch(kvk_nummer.strip()):
        problems.append(Problem("kvkNummer", INVALID_TYPE, "must be the 8 digits of a KvK number"))
    problems += _contactproblemen(website, email, telefoon)
    weiger("Leverancier", problems)
    await bekend(store, persoon, leverancier["kvkNummer"])
    gebruiker = {
        "id": f"gebruiker-{uuid.uuid4().hex}",
        "subject": persoon.subject,
        "naam": persoon.naam,
        "email": persoon.email,
        "status": "ACTIEF",
        "soort": "PERSOON",
    }
    weiger("Gebruiker", check("Gebruiker", gebruiker), prefix="token.")
    registratie = {
        "id": nieuw_id("reg"),
        "status": OPEN,
        "versie": 1,
        "ingediendOp": tijdstip,
        "ingediendDoor": gebruiker["id"],
    }
    schrijver = als_nieuwkomer(identiteit, gebruiker["id"], key, "registreerLeverancier", invoer)
    records = [
        wijziging(schrijver, organisatie=leverancier_id, object_id=leverancier_id, label="Leverancier",
                  operatie="AANGEMAAKT", tijdstip=tijdstip, voor=None,
                  na={**leverancier, "registratie": registratie["id"]}),
        wijziging(schrijver, organisatie=leverancier_id, object_id=gebruiker["id"], label="Gebruiker",
                  operatie="AANGEMAAKT", tijdstip=tijdstip, voor=None,
                  na={"naam": persoon.naam, "rollen": ROLLEN, "organisatie": leverancier_id},
                  met_sleutel=False),
    ]  # fmt: skip
    rows = await store.write(
        "registratie/indienen",
        {
            "subject": persoon.subject,
            "email": persoon.email,
            "kvkNummer": leverancier["kvkNummer"],
            "leverancier": leverancier,
            "gebruiker": gebruiker,
            "rollen": ROLLEN,
            "registratie": registratie,
            "wijzigingen": records,
        },
    )
    if not rows:  # someone came in meanwhile with this subject, e-mail or KvK number
        await bekend(store, persoon, leverancier["kvkNummer"])
        raise Duplicate("registered meanwhile: try again", argument="input.kvkNummer")
    return Ingediend(leverancier_id, rows[0]["registratie"], rows[0]["leverancier"])


# --- functioneel beheer decides ---


def mag_beoordelen(schrijver: Schrijver, wat: str) -> None:
    if schrijver.identiteit.gebruiker is None:
        raise Unauthenticated(f"{wat} needs a signed-in functioneel beheerder")
    if not schrijver.zicht.beheer:
        raise Forbidden(f"{wat} needs the role functioneel-beheerder of VNG Realisatie")


async def _stand(store: Writer, registratie: str, verwachte_versie: int) -> dict[str, Any]:
    rows = await store.read("registratie/stand", {"id": registratie})
    if not rows:
        raise ClientError(
            "NOT_FOUND", f"there is no registration {registratie!r}", argument="input.registratie"
        )
    stand = rows[0]
    huidige = stand["registratie"]["versie"]
    if huidige != verwachte_versie:
        raise VersionConflict(
            f"registration {registratie} is at versie {huidige}, not {verwachte_versie}: read it again",
            huidige_versie=huidige,
            argument="input.verwachteVersie",
        )
    if stand["registratie"]["status"] != OPEN:
        raise TransitionNotAllowed(
            f"registration {registratie} is {stand['registratie']['status']}: it was decided",
            toegestaan=[],
            argument="input.registratie",
        )
    return stand


async def keur_goed(store: Writer, schrijver: Schrijver, *, registratie: str, verwachte_versie: int) -> str:
    """Approve a registration: the leverancier becomes ACTIEF and every catalogue read shows it.
    Its applications keep their own `gemeldDoor`: concept products are checked one by one."""
    mag_beoordelen(schrijver, "keurRegistratieGoed")
    stand = await _stand(store, registratie, verwachte_versie)
    return await _beslis(store, schrijver, stand, "registratie/goedkeuren", "GOEDGEKEURD", {})


async def wijs_af(
    store: Writer, schrijver: Schrijver, *, registratie: str, verwachte_versie: int, reden: str
) -> str:
    """Reject a registration with a reason the registrant reads; the leverancier stays hidden."""
    mag_beoordelen(schrijver, "wijsRegistratieAf")
    problems = tekstproblemen({"reden": reden}, frozenset({"reden"}))
    if not reden.strip():
        problems.append(Problem("reden", REQUIRED, "is required: the registrant is told why"))
    weiger(LABEL, problems)
    stand = await _stand(store, registratie, verwachte_versie)
    return await _beslis(
        store, schrijver, stand, "registratie/afwijzen", "AFGEWEZEN", {"reden": reden.strip()}
    )


async def _beslis(
    store: Writer,
    schrijver: Schrijver,
    stand: dict[str, Any],
    query: str,
    status: str,
    velden: dict[str, Any],
) -> str:
    registratie, versie, tijdstip = stand["registratie"]["id"], stand["registratie"]["versie"], nu()
    leverancier = stand["leverancier"]["id"]
    records = [
        wijziging(schrijver, organisatie=leverancier, object_id=registratie, label=LABEL,
                  operatie="STATUS_GEWIJZIGD", tijdstip=tijdstip, voor={"status": OPEN},
                  na={"status": status, **velden}),
    ]  # fmt: skip
    if status == "GOEDGEKEURD":
        records.append(
            wijziging(schrijver, organisatie=leverancier, object_id=leverancier, label="Leverancier",
                      operatie="STATUS_GEWIJZIGD", tijdstip=tijdstip,
                      voor={"status": "CONCEPT", "gemeldDoor": leverancier}, na={"status": "ACTIEF"},
                      met_sleutel=False)
        )  # fmt: skip
    eigenschappen = {
        **velden,
        "status": status,
        "beoordeeldOp": tijdstip,
        "beoordeeldDoor": schrijver.gebruiker,
    }
    rows = await store.write(
        query,
        {
            "id": registratie,
            "verwachteVersie": versie,
            "eigenschappen": eigenschappen,
            "wijzigingen": records,
        },
    )
    if rows:
        return registratie
    await _stand(store, registratie, versie)  # raises what changed: a versie, a decision
    raise VersionConflict(
        f"registration {registratie} changed meanwhile",
        huidige_versie=versie + 1,
        argument="input.verwachteVersie",
    )
