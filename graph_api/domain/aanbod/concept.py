"""Concepts (issue 17, item 6; issue 18, F004): recorded, then published, sent back or merged.

A gebruik-beheerder records usage of software the catalogue lacks: a concept application
(with a concept leverancier when that is not registered either) and its Gebruik, in one
statement. A leverancier without a track record registers a concept product
(graph_api/domain/aanbod/applicatie.py). A concept carries `gemeldDoor`, the reporting
organisation or the leverancier: every catalogue read shows it only to that organisation and
functioneel beheer (docs/access.md, "Concepts"). A functioneel beheerder publishes a concept
(the marker goes; a product's concept modules go along), sends it back with a reason, or
merges it into a published application: its Gebruik move there, with their koppelingen, which
point at the Gebruik.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graph_api.domain.wijzigen import (
    Schrijver,
    Writer,
    mag_schrijven,
    nieuw_id,
    nu,
    tekstproblemen,
    weiger,
    wijziging,
)
from graph_api.errors import ClientError, Duplicate, Forbidden, InUse, Unauthenticated
from graph_api.model.validate import INVALID_TYPE, Problem, check

LABEL = "Applicatie"
CONCEPT = "CONCEPT"


@dataclass(frozen=True)
class Gemeld:
    gebruik: str
    applicatie: str
    leverancier: str | None


@dataclass(frozen=True)
class Samengevoegd:
    applicatie: str  # the application kept
    verplaatst: int  # how many Gebruik moved to it


async def meld(
    store: Writer,
    schrijver: Schrijver,
    *,
    organisatie: str,
    naam: str,
    leverancier: str | None = None,
    leverancier_naam: str | None = None,
    type: str = "APPLICATIE",
    licentietype: str = "CLOSED_SOURCE",
    status: str = "VERWERVING",
    notities: str | None = None,
) -> Gemeld:
    """A concept application `naam`, offered by `leverancier` (in the catalogue), by a concept
    leverancier `leverancier_naam`, or by none, and `organisatie`'s Gebruik of it."""
    mag_schrijven(schrijver, "meldOntbrekendeSoftware")
    if not schrijver.mag_landschap(organisatie):
        raise Forbidden(f"you may not change the landscape of {organisatie}", argument="input.organisatie")
    applicatie_id, gebruik_id = nieuw_id("app"), nieuw_id(f"geb-{organisatie}")
    applicatie = {
        "id": applicatie_id,
        "naam": naam,
        "type": type,
        "licentietype": licentietype,
        "status": CONCEPT,
        "gemeldDoor": organisatie,
    }
    tijdstip = nu()
    gebruik = {
        "id": gebruik_id,
        "status": status,
        "versie": 1,
        "gewijzigdOp": tijdstip,
        "gewijzigdDoor": schrijver.gebruiker,
        **({} if notities is None else {"notities": notities}),
    }
    problems = check(LABEL, applicatie) + check("Gebruik", gebruik)
    problems += tekstproblemen(
        {"naam": naam, "leverancier": leverancier, "leverancierNaam": leverancier_naam}
    )
    problems += tekstproblemen({"notities": notities}, frozenset({"notities"}))
    if leverancier is not None and leverancier_naam is not None:
        problems.append(Problem("leverancierNaam", INVALID_TYPE, "name a leverancier or a new one, not both"))
    if leverancier_naam is not None and not leverancier_naam.strip():
        problems.append(Problem("leverancierNaam", "REQUIRED", "must not be blank"))
    weiger(LABEL, problems)
    nieuwe_leverancier = None
    if leverancier_naam is not None:
        nieuwe_leverancier = {
            "id": nieuw_id("lev"),
            "naam": leverancier_naam,
            "status": CONCEPT,
            "gemeldDoor": organisatie,
            "aangemaakt": tijdstip,
        }
        weiger("Leverancier", check("Leverancier", nieuwe_leverancier))
    records = [
        wijziging(schrijver, organisatie=organisatie, object_id=gebruik_id, label="Gebruik",
                  operatie="AANGEMAAKT", tijdstip=tijdstip, voor=None,
                  na={"status": status, "organisatie": organisatie, "applicatie": applicatie_id,
                      "notities": notities}),
        wijziging(schrijver, organisatie=organisatie, object_id=applicatie_id, label=LABEL,
                  operatie="AANGEMAAKT", tijdstip=tijdstip, voor=None,
                  na={**applicatie, "leverancier": leverancier or (nieuwe_leverancier or {}).get("id")},
                  met_sleutel=False),
    ]  # fmt: skip
    if nieuwe_leverancier is not None:
        records.append(
            wijziging(schrijver, organisatie=organisatie, object_id=nieuwe_leverancier["id"],
                      label="Leverancier", operatie="AANGEMAAKT", tijdstip=tijdstip, voor=None,
                      na=nieuwe_leverancier, met_sleutel=False)
        )  # fmt: skip
    params: dict[str, Any] = {
        "organisatie": organisatie,
        "applicatie": applicatie,
        "gebruik": gebruik,
        "wijzigingen": records,
    }
    if nieuwe_leverancier is not None:
        rows = await store.write(
            "concept/melden_met_leverancier", {**params, "nieuweLeverancier": nieuwe_leverancier}
        )
    else:
        rows = await store.write("concept/melden", {**params, "leverancier": leverancier})
    if not rows:
        [stand] = await store.read(
            "gebruik/registratiestand",
            {
                "organisatie": organisatie,
                "applicatie": "",
                "versies": [],
                "referentiecomponenten": [],
                "diensten": [],
            },
        )
        if not stand["organisatie"]:
            raise ClientError(
                "NOT_FOUND", f"there is no organisation {organisatie!r}", argument="input.organisatie"
            )
        raise ClientError(
            "NOT_FOUND", f"there is no leverancier {leverancier!r}", argument="input.leverancier"
        )
    nieuw = leverancier if nieuwe_leverancier is None else nieuwe_leverancier["id"]
    return Gemeld(rows[0]["id"], rows[0]["applicatie"], nieuw)


def mag_beheren(schrijver: Schrijver, wat: str) -> None:
    if schrijver.identiteit.gebruiker is None:
        raise Unauthenticated(f"{wat} needs a signed-in functioneel beheerder")
    if not schrijver.zicht.beheer:
        raise Forbidden(f"{wat} needs the role functioneel-beheerder of VNG Realisatie")


async def _stand(store: Writer, concept: str, doel: str | None = None) -> dict[str, Any]:
    rows = await store.read("concept/stand", {"id": concept, "doel": doel})
    if not rows:
        raise ClientError(
            "NOT_FOUND", f"there is no concept application {concept!r}", argument="input.concept"
        )
    return rows[0]


def _concept_leveranciers(stand: Mapping[str, Any]) -> list[str]:
    """The concept leveranciers that came with this concept alone: they go or are published with
    it. Not a leverancier whose own registration waits (F001): approving it is another decision."""
    return sorted(
        l["id"]
        for l in stand["leveranciers"]  # noqa: E741
        if l["concept"] and not l["wachtend"] and l["aanbod"] == 1
    )


def _publiceerbaar(stand: Mapping[str, Any], concept: str) -> None:
    if stand["conceptProduct"]:
        raise ClientError(
            "INVALID_ARGUMENT",
            f"{concept} is a module of the concept {stand['conceptProduct'][0]}: publish that product, "
            "its modules go along",
            argument="input.concept",
        )
    wachtend = [l["id"] for l in stand["leveranciers"] if l["wachtend"]]  # noqa: E741
    if wachtend:
        raise ClientError(
            "INVALID_ARGUMENT",
            f"the registration of {wachtend[0]} waits: approve the leverancier before its products",
            argument="input.concept",
        )


async def publiceer(store: Writer, schrijver: Schrijver, *, concept: str) -> str:
    """Publish a concept: every catalogue read shows it, and its concept leverancier, from now."""
    mag_beheren(schrijver, "publiceerConcept")
    stand = await _stand(store, concept)
    _publiceerbaar(stand, concept)
    leveranciers = _concept_leveranciers(stand)
    modules = sorted(stand["modules"])
    tijdstip = nu()
    organisatie = stand["concept"]["gemeldDoor"]
    records = [
        wijziging(schrijver, organisatie=organisatie, object_id=object_id, label=label,
                  operatie="STATUS_GEWIJZIGD", tijdstip=tijdstip,
                  voor={"status": CONCEPT, "gemeldDoor": organisatie}, na={"status": "ACTIEF"},
                  met_sleutel=object_id == concept)
        for object_id, label in [
            (concept, LABEL), *((m, LABEL) for m in modules), *((l, "Leverancier") for l in leveranciers)  # noqa: E741
        ]
    ]  # fmt: skip
    rows = await store.write(
        "concept/publiceren",
        {"id": concept, "modules": modules, "leveranciers": leveranciers, "wijzigingen": records},
    )
    if not rows:  # published or merged by someone else meanwhile
        _publiceerbaar(await _stand(store, concept), concept)
    return concept


async def wijs_af(store: Writer, schrijver: Schrijver, *, concept: str, reden: str) -> str:
    """Send a concept back with the reason: it stays a concept, and whoever offered it sees the
    reason on it until it changes the concept (offering it for review again) or deletes it."""
    mag_beheren(schrijver, "wijsConceptAf")
    problems = tekstproblemen({"reden": reden}, frozenset({"reden"}))
    if not reden.strip():
        problems.append(Problem("reden", "REQUIRED", "must not be blank"))
    weiger(LABEL, problems)
    stand = await _stand(store, concept)
    record = wijziging(
        schrijver,
        organisatie=stand["concept"]["gemeldDoor"],
        object_id=concept,
        label=LABEL,
        operatie="GEWIJZIGD",
        tijdstip=nu(),
        voor={"afwijzingsreden": stand["concept"].get("afwijzingsreden")},
        na={"afwijzingsreden": reden},
    )
    rows = await store.write("concept/afwijzen", {"id": concept, "reden": reden, "wijziging": record})
    if not rows:  # published or merged by someone else meanwhile
        await _stand(store, concept)
    return concept


async def voeg_samen(store: Writer, schrijver: Schrijver, *, concept: str, doel: str) -> Samengevoegd:
    """Merge a concept into the published application `doel`: its Gebruik move there. When an
    organisation using the concept uses `doel` already, nothing is written (DUPLICATE): which
    of its two Gebruik to keep is the organisation's to say, so it deletes one first."""
    mag_beheren(schrijver, "voegConceptSamen")
    weiger(LABEL, tekstproblemen({"concept": concept, "doel": doel}))
    stand = await _stand(store, concept, doel)
    if not stand["doel"]:
        raise ClientError("NOT_FOUND", f"there is no application {doel!r}", argument="input.doel")
    if not stand["doelGepubliceerd"]:
        raise ClientError(
            "INVALID_ARGUMENT",
            f"{doel} is a concept too: merge into a published application",
            argument="input.doel",
        )
    if stand["alleModules"]:
        raise InUse(
            f"{concept} has modules ({', '.join(sorted(stand['alleModules']))}): a merge would leave them "
            "without their product; publish it, or delete its modules first",
            argument="input.concept",
        )
    if stand["dubbel"]:
        raise Duplicate(
            f"{', '.join(sorted(set(stand['dubbel'])))} uses {doel} already: "
            "remove one of its two Gebruik first",
            argument="input.doel",
        )
    tijdstip = nu()
    leveranciers = _concept_leveranciers(stand)
    records = [
        wijziging(schrijver, organisatie=g["organisatie"], object_id=g["id"], label="Gebruik",
                  operatie="GEWIJZIGD", tijdstip=tijdstip, voor={"applicatie": concept},
                  na={"applicatie": doel}, met_sleutel=False)
        for g in stand["gebruik"]
    ] + [
        wijziging(schrijver, organisatie=stand["concept"]["gemeldDoor"], object_id=concept, label=LABEL,
                  operatie="SAMENGEVOEGD", tijdstip=tijdstip, voor=stand["concept"],
                  na={"samengevoegdMet": doel, "verwijderdeLeveranciers": leveranciers,
                      "verplaatst": len(stand["gebruik"])})
    ]  # fmt: skip
    rows = await store.write(
        "concept/samenvoegen",
        {
            "id": concept,
            "doel": doel,
            "gebruik": [g["id"] for g in stand["gebruik"]],
            "leveranciers": leveranciers,
            "tijdstip": tijdstip,
            "door": schrijver.gebruiker,
            "wijzigingen": records,
        },
    )
    if not rows:  # a Gebruik added, moved or removed meanwhile: decide again on what is now
        await _stand(store, concept, doel)
        raise Duplicate(f"the Gebruik of {concept} changed meanwhile: try again", argument="input.concept")
    return Samengevoegd(rows[0]["id"], rows[0]["verplaatst"])
