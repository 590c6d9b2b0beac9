"""Registering Gebruikers: an identity provider's users and machine clients, and the development
Gebruikers of `graph-api dev-token`. Until the API has mutations this is how the first
functioneel beheerder comes to exist.

Each registration is one idempotent statement (identiteit/registreren) after checks that say
clearly what is wrong: an unknown organisation or role, or a role that means nothing in that
kind of organisation.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from graph_api.auth.dev import DEV_SUBJECT_PREFIX, dev_subject
from graph_api.domain import Reader
from graph_api.errors import RegistratieFout
from graph_api.model import keuzes
from graph_api.store import Store
from graph_api.toegang import MET_LANDSCHAP

# Where each role means something, as graph_api/toegang.py reads them.
ROL_IN = {
    "FUNCTIONEEL_BEHEERDER": frozenset({"Beheerorganisatie"}),
    "VNG_RAADPLEGER": frozenset({"Beheerorganisatie"}),
    "AANBOD_BEHEERDER": frozenset({"Leverancier"}),
    "GEBRUIK_RAADPLEGER": MET_LANDSCHAP,
    "GEBRUIK_BEHEERDER": MET_LANDSCHAP,
    "ORGANISATIE_BEHEERDER": MET_LANDSCHAP | {"Community"},
}
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


@dataclass(frozen=True)
class Organisatie:
    id: str
    naam: str
    soort: str


@dataclass(frozen=True)
class Registratie:
    gebruiker: str  # the Gebruiker's id
    subject: str
    naam: str
    organisatie: Organisatie
    rollen: tuple[str, ...]
    soort: str


def rol(value: str) -> str:
    """A role's key from its key (GEBRUIK_RAADPLEGER) or its label (gebruik-raadpleger)."""
    key = value.strip().upper().replace("-", "_")
    if key not in keuzes.ROLLEN:
        known = ", ".join(keuzes.ROLLEN.values())
        raise RegistratieFout("UNKNOWN_ROLE", f"there is no role {value!r}; the roles are {known}")
    return key


async def organisatie(store: Reader, sleutel: str) -> Organisatie:
    """The organisation with this id, or the gemeente with this CBS code."""
    sleutel = sleutel.strip()
    rows = await store.read("identiteit/organisatie", {"sleutel": sleutel})
    if not rows and re.fullmatch(r"gm\d{4}(-\d+)?", sleutel, re.IGNORECASE):
        rows = await store.read("identiteit/organisatie", {"sleutel": sleutel.upper()})
    if not rows:
        raise RegistratieFout(
            "UNKNOWN_ORGANISATION",
            f"there is no organisation {sleutel!r}: give its id (lev-0001, vng-realisatie) "
            "or a gemeente's CBS code (GM0363)",
        )
    row = rows[0]
    return Organisatie(row["id"], row["naam"], row["soort"])


def check_rol(key: str, org: Organisatie, argument: str | None = None) -> None:
    """Refuse a role that means nothing in this kind of organisation (`argument`: the input
    field of a mutation giving it)."""
    if org.soort not in ROL_IN[key]:
        where = " or ".join(sorted(ROL_IN[key]))
        raise RegistratieFout(
            "ROLE_NOT_FOR_ORGANISATION",
            f"{keuzes.ROLLEN[key]} means nothing in a {org.soort} ({org.id}); it is a role in a {where}",
            argument=argument,
        )


def is_email(value: str) -> bool:
    return _EMAIL.fullmatch(value) is not None


async def registreer(
    store: Store,
    *,
    subject: str,
    naam: str,
    email: str,
    organisatie_sleutel: str,
    rollen: list[str],
    machine: bool = False,
) -> Registratie:
    """Register (or update) the Gebruiker of `subject` with exactly `rollen` in one organisation."""
    subject, naam, email = subject.strip(), naam.strip(), email.strip()
    if not subject:
        raise RegistratieFout("INVALID_SUBJECT", "the subject is empty")
    if not naam:
        raise RegistratieFout("INVALID_NAME", "the name is empty")
    if not is_email(email):
        raise RegistratieFout("INVALID_EMAIL", f"{email!r} is not an e-mail address")
    if not rollen:
        raise RegistratieFout("UNKNOWN_ROLE", "give at least one role")
    keys = sorted({rol(value) for value in rollen})
    org = await organisatie(store, organisatie_sleutel)
    for key in keys:
        check_rol(key, org)
    soort = "MACHINE" if machine else "PERSOON"
    existing = await store.read("identiteit/per_subject", {"subject": subject})
    if existing:
        elsewhere = sorted(
            lid["organisatie"] for lid in existing[0]["lidmaatschappen"] if lid["organisatie"] != org.id
        )
        if elsewhere and machine:
            raise RegistratieFout(
                "MACHINE_CLIENT_HAS_ONE_ORGANISATION",
                f"{subject!r} is a member of {', '.join(elsewhere)} already; "
                "a machine client belongs to exactly one organisation",
            )
    rows = await store.write(
        "identiteit/registreren",
        {
            "subject": subject,
            "id": f"gebruiker-{uuid.uuid4().hex}",
            "naam": naam,
            "email": email,
            "soort": soort,
            "organisatie": org.id,
            "rollen": keys,
        },
    )
    if not rows:  # removed between the check and the write
        raise RegistratieFout("UNKNOWN_ORGANISATION", f"there is no organisation {org.id!r}")
    return Registratie(rows[0]["id"], subject, naam, org, tuple(keys), soort)


async def registreer_extern(store: Store, *, subject: str, **details) -> Registratie:
    """A user or machine client of a real identity provider: `dev:` subjects are dev-token's."""
    if subject.strip().startswith(DEV_SUBJECT_PREFIX):
        raise RegistratieFout(
            "INVALID_SUBJECT", f"subjects starting with {DEV_SUBJECT_PREFIX!r} are for graph-api dev-token"
        )
    return await registreer(store, subject=subject, **details)


async def registreer_dev(
    store: Store, *, organisatie_sleutel: str, rol_waarde: str, naam: str | None = None
) -> Registratie:
    """The development Gebruiker `dev:<organisatie>:<ROL>` (a PERSOON with that one role)."""
    key = rol(rol_waarde)
    org = await organisatie(store, organisatie_sleutel)
    check_rol(key, org)
    label = keuzes.ROLLEN[key]
    domain = re.sub(r"[^a-z0-9-]+", "-", org.id.lower()).strip("-") or "organisatie"
    return await registreer(
        store,
        subject=dev_subject(org.id, key),
        naam=naam or f"Ontwikkelaar ({label}, {org.naam})",
        email=f"{label}@{domain}.dev.invalid",
        organisatie_sleutel=org.id,
        rollen=[key],
    )


async def deactiveer(store: Store, subject: str) -> str:
    """Deactivate the Gebruiker of `subject` (its tokens then carry a bezoeker's rights)."""
    rows = await store.write("identiteit/deactiveren", {"subject": subject.strip()})
    if not rows:
        raise RegistratieFout("UNKNOWN_GEBRUIKER", f"no Gebruiker has the subject {subject!r}")
    return rows[0]["id"]
