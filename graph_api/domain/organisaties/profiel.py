"""An organisation's profile (F002): description, website, logo, e-mail, telephone, address,
certifications and contact persons, kept by its own organisatie-beheerders (or functioneel
beheer) at the versie they last read.

Certifications and contact persons are nodes of their own (`HEEFT_CERTIFICERING`,
`HEEFT_CONTACTPERSOON`): neither engine keeps a list of maps as a property, and as nodes each
item is checked against the model like any other. A change names the lists it replaces whole;
what it leaves out stays. The change record keeps the items by their fields: their ids are
new with every replacement, and say nothing to whoever reads the record.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from graph_api.domain.wijzigen import (
    Schrijver,
    Writer,
    nieuw_id,
    nu,
    tekstproblemen,
    weiger,
    wijziging,
)
from graph_api.errors import ClientError, Forbidden, Unauthenticated, VersionConflict
from graph_api.model.validate import REQUIRED, Problem, check
from graph_api.toegang import Zicht

LABEL = "Organisatie"
# The profile's own properties, as the graph names them; the address is four of them.
VELDEN = (
    "beschrijving",
    "website",
    "logoUrl",
    "email",
    "telefoon",
    "straat",
    "huisnummer",
    "postcode",
    "plaats",
)
ADRES = ("straat", "huisnummer", "postcode", "plaats")
CERTIFICERING = ("naam", "uitgever", "geldigTot", "bewijsUrl")
CONTACTPERSOON = ("naam", "functie", "email", "telefoon", "onderwerp")
URLS = frozenset({"website", "logoUrl", "bewijsUrl"})
MAX_URL = 2_000  # a logo on a CDN carries a long query string
MAX_ITEMS = 50  # certifications, and contact persons: a profile, not a directory

INVALID_URL = "INVALID_URL"
INVALID_EMAIL = "INVALID_EMAIL"
INVALID_PHONE = "INVALID_PHONE"
INVALID_POSTCODE = "INVALID_POSTCODE"
TOO_MANY = "TOO_MANY"

_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")
# Digits with the separators people write: +31 (0)20-123 45 67. From 3 digits, for the short
# numbers gemeenten use (14 020), to E.164's 15.
_TELEFOON = re.compile(r"\+?[0-9 ()\-./]+")
# A Dutch postcode: four digits, the first not 0, and two letters; stored as 1234 AB.
_POSTCODE = re.compile(r"([1-9][0-9]{3}) ?([A-Za-z]{2})")


@dataclass(frozen=True)
class Geschreven:
    id: str
    versie: int


def mag_beheren(schrijver: Schrijver, wat: str, organisatie: str) -> None:
    """Refuse, before any statement, a write of an organisation the asker does not keep: only its
    organisatie-beheerders and functioneel beheer do (docs/access.md, "Writes")."""
    if schrijver.identiteit.gebruiker is None:
        raise Unauthenticated(f"{wat} needs a signed-in organisatie-beheerder")
    if not (schrijver.zicht.beheer or schrijver.zicht.organisaties):
        raise Forbidden(f"{wat} needs the role organisatie-beheerder of the organisation")
    if not (schrijver.zicht.beheer or organisatie in schrijver.zicht.organisaties):
        raise Forbidden(f"you are no organisatie-beheerder of {organisatie}", argument="input.organisatie")


def ziet_contactgegevens(zicht: Zicht) -> bool:
    """Whether the asker reads contact persons' e-mail and telephone: anyone signed in with a role
    that counts somewhere, as cypher/profiel/contactpersonen.cypher decides (docs/access.md,
    "Profile and memberships")."""
    return bool(zicht.alle_gebruik or zicht.aggregaten or zicht.organisaties or zicht.aanbod)


def normaal(velden: Mapping[str, Any]) -> dict[str, Any]:
    """The fields as stored: texts trimmed, blank as absent, a postcode as 1234 AB."""
    out: dict[str, Any] = {}
    for name, value in velden.items():
        if isinstance(value, str):
            value = value.strip() or None
        if name == "postcode" and value is not None and (match := _POSTCODE.fullmatch(value)):
            value = f"{match[1]} {match[2].upper()}"
        out[name] = value
    return out


def problemen(velden: Mapping[str, Any], prefix: str = "") -> list[Problem]:
    """What is wrong with these fields' formats (URLs, e-mail, telephone, postcode), by field."""
    found = []
    for name, value in velden.items():
        if not isinstance(value, str):
            continue
        veld = prefix + name
        if name in URLS:
            if len(value) > MAX_URL:
                found.append(Problem(veld, "TOO_LONG", f"is longer than {MAX_URL} characters"))
            elif not _is_url(value):
                found.append(
                    Problem(veld, INVALID_URL, "must be an http(s) URL with a host: https://example.nl")
                )
        elif name == "email" and not _EMAIL.fullmatch(value):
            found.append(Problem(veld, INVALID_EMAIL, "must be an e-mail address: naam@example.nl"))
        elif name == "telefoon" and not _is_telefoon(value):
            found.append(
                Problem(veld, INVALID_PHONE, "must be a telephone number: 3 to 15 digits, +, spaces")
            )
        elif name == "postcode" and not _POSTCODE.fullmatch(value):
            found.append(Problem(veld, INVALID_POSTCODE, "must be a Dutch postcode: 1234 AB"))
    return found


def _is_url(value: str) -> bool:
    if any(c.isspace() for c in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    # A host with a dot: the catalogue is public, so no localhost or intranet names.
    return parts.scheme in ("http", "https") and "." in (parts.hostname or "").strip(".")


def _is_telefoon(value: str) -> bool:
    digits = sum(c.isdigit() for c in value)
    return _TELEFOON.fullmatch(value) is not None and 3 <= digits <= 15


def _tekst(velden: Mapping[str, Any], prefix: str) -> list[Problem]:
    kort = {k: v for k, v in velden.items() if k not in URLS}
    return [
        Problem(prefix + p.field, p.code, p.message)
        for p in tekstproblemen(kort, frozenset({"beschrijving"}))
    ]


def _pad(problem: Problem) -> Problem:
    """A problem of a profile field named as the input names it: the address is one object."""
    if problem.field in ADRES:
        return Problem(f"adres.{problem.field}", problem.code, problem.message)
    return problem


def _items(
    label: str, veld: str, items: Sequence[Mapping[str, Any]], namen: tuple[str, ...], prefix: str
) -> tuple[list[dict[str, Any]], list[Problem]]:
    """The items of a list as nodes will hold them (with new ids), and what is wrong with them."""
    found: list[Problem] = []
    if len(items) > MAX_ITEMS:
        found.append(Problem(veld, TOO_MANY, f"has {len(items)} items; at most {MAX_ITEMS}"))
    nodes = []
    for index, item in enumerate(items):
        waar = f"{veld}[{index}]."
        node = {"id": nieuw_id(prefix), **normaal({name: item.get(name) for name in namen})}
        found += [Problem(waar + p.field, p.code, p.message) for p in check(label, node)]
        found += problemen(node, waar) + _tekst(node, waar)
        nodes.append({k: v for k, v in node.items() if v is not None})
    return nodes, found


async def _stand(store: Writer, organisatie: str) -> dict[str, Any]:
    rows = await store.read("profiel/stand", {"id": organisatie})
    if not rows:
        raise ClientError(
            "NOT_FOUND", f"there is no organisation {organisatie!r}", argument="input.organisatie"
        )
    return rows[0]


def _zonder_id(items: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in item.items() if k != "id"} for item in items]


async def wijzig(
    store: Writer,
    schrijver: Schrijver,
    *,
    organisatie: str,
    verwachte_versie: int,
    velden: Mapping[str, Any],
    certificeringen: Sequence[Mapping[str, Any]] | None = None,
    contactpersonen: Sequence[Mapping[str, Any]] | None = None,
) -> Geschreven:
    """Change the profile fields given (`velden`, as the graph names them: null or blank removes
    one) and replace the certifications and contact persons when given (None: they stay)."""
    mag_beheren(schrijver, "wijzigOrganisatieprofiel", organisatie)
    velden = normaal(velden)
    fouten = check(LABEL, velden, partial=True) + problemen(velden) + _tekst(velden, "")
    if any(velden.get(name) for name in ADRES):  # an address is whole, or none
        fouten += [
            Problem(name, REQUIRED, "an address has a street, number, postcode and place")
            for name in ADRES
            if velden.get(name) is None
        ]
    fouten = [_pad(p) for p in fouten]
    certs, fout = _items("Certificering", "certificeringen", certificeringen or [], CERTIFICERING, "cer")
    fouten += fout
    personen, fout = _items("Contactpersoon", "contactpersonen", contactpersonen or [], CONTACTPERSOON, "cp")
    fouten += fout
    weiger(LABEL, fouten)
    stand = await _stand(store, organisatie)
    huidige = stand["organisatie"].get("versie") or 1
    if huidige != verwachte_versie:
        raise VersionConflict(
            f"{organisatie} is at versie {huidige}, not {verwachte_versie}: read it again",
            huidige_versie=huidige,
            argument="input.verwachteVersie",
        )
    voor_alles: dict[str, Any] = {name: stand["organisatie"].get(name) for name in VELDEN}
    voor_alles["certificeringen"] = _zonder_id(stand["certificeringen"])
    voor_alles["contactpersonen"] = _zonder_id(stand["contactpersonen"])
    na_alles = {**voor_alles, **velden}
    if certificeringen is not None:
        na_alles["certificeringen"] = _zonder_id(certs)
    if contactpersonen is not None:
        na_alles["contactpersonen"] = _zonder_id(personen)
    veranderd = sorted(k for k in na_alles if na_alles[k] != voor_alles[k])
    tijdstip = nu()
    record = wijziging(
        schrijver,
        organisatie=organisatie,
        object_id=organisatie,
        label=stand["label"],
        operatie="GEWIJZIGD",
        tijdstip=tijdstip,
        voor={k: voor_alles[k] for k in veranderd},
        na={k: na_alles[k] for k in veranderd},
    )
    rows = await store.write(
        "profiel/wijzigen",
        {
            "organisatie": organisatie,
            "verwachteVersie": verwachte_versie,
            "eigenschappen": {**velden, "gewijzigdOp": tijdstip, "gewijzigdDoor": schrijver.gebruiker},
            "vervangCertificeringen": certificeringen is not None,
            "certificeringen": certs,
            "vervangContactpersonen": contactpersonen is not None,
            "contactpersonen": personen,
            "wijziging": record,
        },
    )
    if not rows:  # changed by someone else between the read and the write
        nieuw = await _stand(store, organisatie)
        raise VersionConflict(
            f"{organisatie} changed meanwhile: read it again",
            huidige_versie=nieuw["organisatie"].get("versie") or 1,
            argument="input.verwachteVersie",
        )
    return Geschreven(rows[0]["id"], rows[0]["versie"])
