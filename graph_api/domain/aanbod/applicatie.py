"""A leverancier's applications and modules written (F004): register, change, retire, delete; by
an aanbod-beheerder of the leverancier, or functioneel beheer.

A product a leverancier without a track record registers (a leverancier that is a concept
itself, its registration waiting, or one that offers no published application yet) is a
concept until functioneel beheer has checked it: it carries `gemeldDoor`, the leverancier's id,
which hides it in every catalogue read from all but the leverancier's own beheerders and
functioneel beheer (docs/access.md, "The aanbod"). A module of a concept product is a concept
too, and is published with it (graph_api/domain/aanbod/concept.py).

Each operation checks its input, reads what the write will find (to name the error of a write
that cannot be, and to record the fields before), and runs one statement of cypher/applicatie/
that matches only what the asker may change, at the versie it expects, and records the change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

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
from graph_api.model.validate import INVALID_TYPE, Problem

LABEL = "Applicatie"
CONCEPT, ACTIEF, TERUGGETROKKEN = "CONCEPT", "ACTIEF", "TERUGGETROKKEN"
# The fields a change record shows, as the graph names them.
VELDEN = (
    "naam",
    "beschrijving",
    "website",
    "type",
    "licentietype",
    "licentie",
    "cloudModellen",
    "hostingLocatie",
    "jurisdictie",
    "status",
)
LANG = frozenset({"beschrijving"})
URL_VELDEN = frozenset({"website"})


@dataclass(frozen=True)
class Geschreven:
    """What a write did: the object's id and its versie now."""

    id: str
    versie: int


def mag_aanbod_schrijven(schrijver: Schrijver, wat: str) -> None:
    """Refuse, before any statement, a write of the aanbod no role of the asker allows."""
    if schrijver.identiteit.gebruiker is None:
        raise Unauthenticated(f"{wat} needs a signed-in aanbod-beheerder")
    if not (schrijver.zicht.beheer or schrijver.zicht.aanbod):
        raise Forbidden(f"{wat} needs the role aanbod-beheerder of the leverancier")


def mag_leverancier(schrijver: Schrijver, leverancier: str) -> bool:
    return schrijver.zicht.beheer or leverancier in schrijver.zicht.aanbod


def url_problemen(velden: Mapping[str, Any], namen: frozenset[str]) -> list[Problem]:
    """The fields of `namen` given that are no absolute http(s) URL."""
    problems = []
    for name in sorted(namen & velden.keys()):
        value = velden[name]
        if value is None:
            continue
        parts = urlsplit(value) if isinstance(value, str) else None
        if parts is None or parts.scheme not in ("http", "https") or not parts.netloc or " " in value:
            problems.append(Problem(name, "INVALID_URL", "must be an absolute http or https URL"))
    return problems


def _controleer(velden: Mapping[str, Any], *, partial: bool) -> None:
    problems = url_problemen(velden, URL_VELDEN)
    if "naam" in velden and isinstance(velden["naam"], str) and not velden["naam"].strip():
        problems.append(Problem("naam", "REQUIRED", "must not be blank"))
    if isinstance(velden.get("cloudModellen"), list) and len(set(velden["cloudModellen"])) != len(
        velden["cloudModellen"]
    ):
        problems.append(Problem("cloudModellen", INVALID_TYPE, "names a hosting model twice"))
    weiger(LABEL, problems)
    valideer(LABEL, velden, LANG, partial=partial)


async def registreer(
    store: Writer,
    schrijver: Schrijver,
    *,
    leverancier: str,
    velden: Mapping[str, Any],
    referentiecomponenten: list[str] | None = None,
    onderdeel_van: str | None = None,
) -> Geschreven:
    """A new application `leverancier` offers: a product, or a module of its product
    `onderdeel_van`; a concept when the leverancier has no track record (module docstring)."""
    mag_aanbod_schrijven(schrijver, "registreerApplicatie")
    if not mag_leverancier(schrijver, leverancier):
        raise Forbidden(f"you may not change the aanbod of {leverancier}", argument="input.leverancier")
    velden = {"type": "APPLICATIE", **{k: v for k, v in velden.items() if v is not None}}
    _controleer({**velden, "status": ACTIEF, "id": "app"}, partial=False)
    weiger(LABEL, tekstproblemen({"leverancier": leverancier, "onderdeelVan": onderdeel_van}))
    componenten = uniek(referentiecomponenten) or []
    params: dict[str, Any] = {
        "leverancier": leverancier,
        "onderdeelVan": onderdeel_van,
        "referentiecomponenten": componenten,
    }
    # The statement writes only while the read's answer holds; a product published (a track
    # record gained) or retired in between is read again, once: twice would be a storm of writes.
    for _ in range(2):
        [stand] = await store.read("applicatie/registratiestand", params)
        concept = _registreerbaar(stand, params, schrijver)
        tijdstip = nu()
        applicatie_id = nieuw_id("app")
        eigenschappen = {
            **velden,
            "id": applicatie_id,
            "status": CONCEPT if concept else ACTIEF,
            **({"gemeldDoor": leverancier} if concept else {}),
            "versie": 1,
            "gewijzigdOp": tijdstip,
            "gewijzigdDoor": schrijver.gebruiker,
        }
        na = {
            **{k: eigenschappen[k] for k in (*VELDEN, "gemeldDoor") if k in eigenschappen},
            "leverancier": leverancier,
            "onderdeelVan": onderdeel_van,
            "referentiecomponenten": componenten,
        }
        record = wijziging(
            schrijver,
            organisatie=leverancier,
            object_id=applicatie_id,
            label=LABEL,
            operatie="AANGEMAAKT",
            tijdstip=tijdstip,
            voor=None,
            na=na,
        )
        rows = await store.write(
            "applicatie/registreren",
            {**params, "concept": concept, "eigenschappen": eigenschappen, "wijziging": record},
        )
        if rows:
            return Geschreven(rows[0]["id"], rows[0]["versie"])
    raise VersionConflict(
        f"the aanbod of {leverancier} keeps changing: try again",
        huidige_versie=0,
        argument="input.leverancier",
    )


def _registreerbaar(stand: Mapping[str, Any], params: Mapping[str, Any], schrijver: Schrijver) -> bool:
    """Whether the new application is a concept, or the error its registration is."""
    if not stand["leverancier"]:
        raise ClientError(
            "NOT_FOUND", f"there is no leverancier {params['leverancier']!r}", argument="input.leverancier"
        )
    product = stand["product"]
    if params["onderdeelVan"] is not None:
        if product is None:
            raise ClientError(
                "NOT_FOUND",
                f"there is no application {params['onderdeelVan']!r}",
                argument="input.onderdeelVan",
            )
        if product["leverancier"] != params["leverancier"]:
            raise ClientError(
                "INVALID_ARGUMENT",
                f"{product['id']} is offered by another leverancier: a module is part of its own product",
                argument="input.onderdeelVan",
            )
        if product["module"]:
            raise ClientError(
                "INVALID_ARGUMENT",
                f"{product['id']} is a module itself: name its product",
                argument="input.onderdeelVan",
            )
        if product["status"] == TERUGGETROKKEN:
            raise ClientError(
                "INVALID_ARGUMENT",
                f"{product['id']} is retired: it takes no new modules",
                argument="input.onderdeelVan",
            )
    missing = sorted(set(params["referentiecomponenten"]) - set(stand["referentiecomponenten"]))
    if missing:
        raise ClientError(
            "NOT_FOUND",
            f"there is no referentiecomponent {missing[0]!r}",
            argument="input.referentiecomponenten",
        )
    return bool(
        stand["leverancierConcept"]
        or (product is not None and product["concept"])
        or (not schrijver.zicht.beheer and stand["gepubliceerd"] == 0)
    )


async def _huidig(
    store: Writer, schrijver: Schrijver, applicatie: str, verwachte_versie: int
) -> dict[str, Any]:
    """The application as the write will find it, or the error a write of it would be."""
    rows = await store.read("applicatie/schrijfstand", {"id": applicatie})
    if not rows:  # unknown, or a concept the asker may not see: the same answer for both
        raise ClientError("NOT_FOUND", f"there is no application {applicatie!r}", argument="input.applicatie")
    stand = rows[0]
    if not mag_leverancier(schrijver, stand["leverancier"]):
        raise Forbidden(
            f"you may not change the aanbod of {stand['leverancier']}", argument="input.applicatie"
        )
    huidige = stand["applicatie"].get("versie") or 1
    if huidige != verwachte_versie:
        raise VersionConflict(
            f"application {applicatie} is at versie {huidige}, not {verwachte_versie}: read it again",
            huidige_versie=huidige,
            argument="input.verwachteVersie",
        )
    return stand


def _beeld(stand: Mapping[str, Any]) -> dict[str, Any]:
    applicatie = stand["applicatie"]
    return {
        **{name: applicatie.get(name) for name in VELDEN},
        "referentiecomponenten": stand["referentiecomponenten"],
    }


async def wijzig(
    store: Writer,
    schrijver: Schrijver,
    *,
    applicatie: str,
    verwachte_versie: int,
    velden: Mapping[str, Any],
    referentiecomponenten: list[str] | None = None,
) -> Geschreven:
    """Change the fields given (`velden`: null removes one that may be absent), and the
    referentiecomponenten when given (they replace those recorded). A concept sent back by
    functioneel beheer is offered for review again: its afwijzingsreden goes."""
    mag_aanbod_schrijven(schrijver, "wijzigApplicatie")
    if "status" in velden:
        raise ClientError(
            "INVALID_ARGUMENT", "the status changes through trekApplicatieTerug", argument="input.status"
        )
    _controleer(velden, partial=True)
    stand = await _huidig(store, schrijver, applicatie, verwachte_versie)
    eigenschappen = dict(velden)
    if stand["applicatie"].get("afwijzingsreden") is not None:
        eigenschappen["afwijzingsreden"] = None
    return await _schrijf(
        store,
        schrijver,
        stand,
        operatie="GEWIJZIGD",
        eigenschappen=eigenschappen,
        verwachte_versie=verwachte_versie,
        componenten=uniek(referentiecomponenten),
        statussen=None,
    )


async def trek_terug(
    store: Writer, schrijver: Schrijver, *, applicatie: str, verwachte_versie: int
) -> Geschreven:
    """Retire a published application: it stays, with its Gebruik, versions and history, status
    TERUGGETROKKEN, offered no more. A concept is deleted instead; a retirement is final."""
    mag_aanbod_schrijven(schrijver, "trekApplicatieTerug")
    stand = await _huidig(store, schrijver, applicatie, verwachte_versie)
    status = stand["applicatie"]["status"]
    if status != ACTIEF:
        raise TransitionNotAllowed(
            f"application {applicatie} is {status}: only an active application is retired"
            + (" (a concept is deleted instead)" if status == CONCEPT else ""),
            toegestaan=[],
            argument="input.applicatie",
        )
    return await _schrijf(
        store,
        schrijver,
        stand,
        operatie="STATUS_GEWIJZIGD",
        eigenschappen={"status": TERUGGETROKKEN},
        verwachte_versie=verwachte_versie,
        componenten=None,
        statussen=[ACTIEF],
    )


async def _schrijf(
    store: Writer,
    schrijver: Schrijver,
    stand: Mapping[str, Any],
    *,
    operatie: str,
    eigenschappen: dict[str, Any],
    verwachte_versie: int,
    componenten: list[str] | None,
    statussen: list[str] | None,
) -> Geschreven:
    applicatie_id = stand["applicatie"]["id"]
    voor_alles, tijdstip = _beeld(stand), nu()
    na_alles = {**voor_alles, **{k: v for k, v in eigenschappen.items() if k in voor_alles}}
    if componenten is not None:
        na_alles["referentiecomponenten"] = componenten
    veranderd = sorted(k for k in na_alles if _gelijk(na_alles[k]) != _gelijk(voor_alles[k]))
    record = wijziging(
        schrijver,
        organisatie=stand["leverancier"],
        object_id=applicatie_id,
        label=LABEL,
        operatie=operatie,
        tijdstip=tijdstip,
        voor={k: voor_alles[k] for k in veranderd},
        na={k: na_alles[k] for k in veranderd},
    )
    params = {
        "applicatie": applicatie_id,
        "verwachteVersie": verwachte_versie,
        "statussen": statussen,
        "referentiecomponenten": componenten or [],
        "vervangComponenten": componenten is not None,
        "eigenschappen": {**eigenschappen, "gewijzigdOp": tijdstip, "gewijzigdDoor": schrijver.gebruiker},
        "wijziging": record,
    }
    rows = await store.write("applicatie/wijzigen", params)
    if rows:
        return Geschreven(rows[0]["id"], rows[0]["versie"])
    nieuw = await _huidig(store, schrijver, applicatie_id, verwachte_versie)  # raises what changed
    if statussen is not None and nieuw["applicatie"]["status"] not in statussen:
        raise TransitionNotAllowed("the status changed meanwhile", toegestaan=[], argument="input.applicatie")
    raise ClientError(
        "NOT_FOUND", "one of the referentiecomponenten does not exist", argument="input.referentiecomponenten"
    )


def _gelijk(value: Any) -> Any:
    return sorted(value) if isinstance(value, list) else value


async def verwijder(store: Writer, schrijver: Schrijver, *, applicatie: str, verwachte_versie: int) -> str:
    """Delete an application nothing uses, with its versions; one in use is retired instead
    (IN_USE names what uses it)."""
    mag_aanbod_schrijven(schrijver, "verwijderApplicatie")
    stand = await _huidig(store, schrijver, applicatie, verwachte_versie)
    gebruikt = _gebruikt(stand)
    if gebruikt:
        raise InUse(
            f"{applicatie} is in use ({', '.join(gebruikt)}): retire it with trekApplicatieTerug, "
            "or remove what uses it first",
            argument="input.applicatie",
        )
    record = wijziging(
        schrijver,
        organisatie=stand["leverancier"],
        object_id=applicatie,
        label=LABEL,
        operatie="VERWIJDERD",
        tijdstip=nu(),
        voor={
            **_beeld(stand),
            "leverancier": stand["leverancier"],
            "onderdeelVan": (stand["product"] or [None])[0],
            "versies": sorted(v["id"] for v in stand["versies"]),
        },
        na=None,
    )
    rows = await store.write(
        "applicatie/verwijderen",
        {"applicatie": applicatie, "verwachteVersie": verwachte_versie, "wijziging": record},
    )
    if rows:
        return applicatie
    stand = await _huidig(store, schrijver, applicatie, verwachte_versie)  # raises what changed
    raise InUse(
        f"{applicatie} came into use meanwhile ({', '.join(_gebruikt(stand))})", argument="input.applicatie"
    )


def _gebruikt(stand: Mapping[str, Any]) -> list[str]:
    """What uses an application, in words: Gebruik, modules, proposals, diensten."""
    delen = []
    for aantal, wat in (
        (stand["gebruik"], "Gebruik"),
        (len(stand["modules"]), "modules"),
        (stand["voorstellen"], "Gebruiksvoorstellen"),
        (len(stand["diensten"]), "diensten"),
    ):
        if aantal:
            delen.append(f"{aantal} {wat}")
    return delen
