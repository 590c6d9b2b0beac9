"""Gebruik written (F013): register, change, move along its lifecycle, delete; by the
organisation's own gebruik-beheerder, or a samenwerking's for its member gemeenten.

Each operation checks its input (the model's declarations through model/validate.py, then
lengths and NULs), reads what the write will find (to name the error of a write that cannot
be, and to record the fields before), and runs one statement of cypher/gebruik/ that matches
only what the asker may change at the versie it expects, writes, and records the change. When
that statement changes nothing (someone wrote in between), what it now finds says why.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graph_api.domain.landschap import koppeling
from graph_api.domain.levensloop import Levensloop
from graph_api.domain.wijzigen import (
    Schrijver,
    Writer,
    mag_schrijven,
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
    Duplicate,
    Forbidden,
    InUse,
    TransitionNotAllowed,
    VersionConflict,
)
from graph_api.model import keuzes
from graph_api.model.validate import Problem, check

LABEL = "Gebruik"
# The lifecycle (product.md, F013), in order. A Gebruik moves forward only, any number of steps
# (a purchase may go straight into production); going back is refused with what is allowed.
LEVENSLOOP = Levensloop("a Gebruik", tuple(keuzes.GEBRUIK_STATUS))
# Where the date each status was reached is kept: a property per status, IN_PRODUCTIE's and
# UITGEFASEERD's the startDatum and eindDatum they always were (docs/architecture.md, "Status
# dates"). A status reached without a date given is dated the day it was recorded.
STATUSDATUM = {
    "VERWERVING": "verwervingDatum",
    "GEPLAND": "geplandDatum",
    "IN_PRODUCTIE": "startDatum",
    "UIT_TE_FASEREN": "uitTeFaserenDatum",
    "UITGEFASEERD": "eindDatum",
}
# The fields a change record shows, as the graph names them; `hostingmodel` is `hosting`.
VELDEN = ("status", *STATUSDATUM.values(), "hosting", "contractEinde", "notities")
LANG = frozenset({"notities"})


@dataclass(frozen=True)
class Geschreven:
    """What a write did: the Gebruik's id and its versie now."""

    id: str
    versie: int


@dataclass(frozen=True)
class Verwijderd:
    id: str
    koppelingen: int  # how many koppelingen went with it


async def registreer(
    store: Writer,
    schrijver: Schrijver,
    *,
    organisatie: str,
    applicatie: str,
    velden: Mapping[str, Any],
    versie: str | None = None,
    referentiecomponenten: list[str] | None = None,
    diensten: list[str] | None = None,
) -> Geschreven:
    """A new Gebruik of `applicatie` in `organisatie`'s landscape; status VERWERVING unless given,
    dated today unless its date is given. A samenwerking's gebruik-beheerder registers it for a
    member gemeente: the samenwerking then REGISTREERT it."""
    mag_schrijven(schrijver, "registreerGebruik")
    if not (schrijver.mag_landschap(organisatie) or schrijver.samenwerkingen):
        raise Forbidden(f"you may not change the landscape of {organisatie}", argument="input.organisatie")
    tijdstip = nu()
    velden = {"status": "VERWERVING", **{k: v for k, v in velden.items() if v is not None}}
    if velden["status"] in STATUSDATUM:
        velden.setdefault(STATUSDATUM[velden["status"]], tijdstip[:10])
    gebruik_id = nieuw_id(f"geb-{organisatie}")
    valideer(LABEL, {**velden, "id": gebruik_id}, LANG, partial=False)
    weiger(LABEL, tekstproblemen({"organisatie": organisatie, "applicatie": applicatie, "versie": versie}))
    versies = [] if versie is None else [versie]
    componenten = uniek(referentiecomponenten) or []
    afgenomen = uniek(diensten) or []
    params: dict[str, Any] = {
        "organisatie": organisatie,
        "applicatie": applicatie,
        "versies": versies,
        "referentiecomponenten": componenten,
        "diensten": afgenomen,
    }
    [stand] = await store.read("gebruik/registratiestand", params)
    _registreerbaar(stand, params, schrijver)
    # Acting as a samenwerking only where the asker has no rights of its own: the first by id
    # when it is gebruik-beheerder of several the gemeente is a member of.
    samenwerking = None if schrijver.mag_landschap(organisatie) else stand["namens"][0]
    params["samenwerking"] = samenwerking
    eigenschappen = {
        **velden,
        "id": gebruik_id,
        "versie": 1,
        "gewijzigdOp": tijdstip,
        "gewijzigdDoor": schrijver.gebruiker,
    }
    na = {
        **velden,
        "organisatie": organisatie,
        "applicatie": applicatie,
        "versies": versies,
        "referentiecomponenten": componenten,
        "diensten": afgenomen,
    }
    if samenwerking is not None:
        na["geregistreerdDoor"] = samenwerking
    record = wijziging(
        schrijver,
        organisatie=organisatie,
        object_id=gebruik_id,
        label=LABEL,
        operatie="AANGEMAAKT",
        tijdstip=tijdstip,
        voor=None,
        na=na,
        namens=samenwerking,
    )
    rows = await store.write(
        "gebruik/registreren", {**params, "eigenschappen": eigenschappen, "wijziging": record}
    )
    if not rows:  # between the check and the write: registered by someone else, or removed
        [stand] = await store.read("gebruik/registratiestand", params)
        _registreerbaar(stand, params, schrijver)
        if samenwerking is not None and samenwerking not in stand["namens"]:
            raise Forbidden(f"{organisatie} left {samenwerking} meanwhile", argument="input.organisatie")
        raise Duplicate(f"{organisatie} uses {applicatie} already", argument="input.applicatie")
    return Geschreven(rows[0]["id"], rows[0]["versie"])


def _registreerbaar(stand: Mapping[str, Any], params: Mapping[str, Any], schrijver: Schrijver) -> None:
    if not stand["organisatie"]:
        raise ClientError(
            "NOT_FOUND", f"there is no organisation {params['organisatie']!r}", argument="input.organisatie"
        )
    if not (schrijver.mag_landschap(params["organisatie"]) or stand["namens"]):
        raise Forbidden(
            f"you may not change the landscape of {params['organisatie']}: it is not yours, nor a "
            "member gemeente of a samenwerking whose gebruik-beheerder you are",
            argument="input.organisatie",
        )
    if not stand["applicatie"]:
        raise ClientError(
            "NOT_FOUND", f"there is no application {params['applicatie']!r}", argument="input.applicatie"
        )
    # A retired application keeps the Gebruik it has; none is added (docs/access.md, "Retired and deleted").
    if stand["teruggetrokken"]:
        raise ClientError(
            "RETIRED",
            f"{params['applicatie']} is retired by its leverancier: no new Gebruik of it is registered",
            argument="input.applicatie",
        )
    if params["versies"] and not stand["versies"]:
        raise ClientError(
            "NOT_FOUND",
            f"{params['applicatie']} has no version {params['versies'][0]!r}",
            argument="input.versie",
        )
    missing = sorted(set(params["referentiecomponenten"]) - set(stand["referentiecomponenten"]))
    if missing:
        raise ClientError(
            "NOT_FOUND",
            f"there is no referentiecomponent {missing[0]!r}",
            argument="input.referentiecomponenten",
        )
    missing = sorted(set(params["diensten"]) - set(stand["diensten"]))
    if missing:
        raise ClientError(
            "NOT_FOUND",
            f"{params['applicatie']} is offered with no dienst {missing[0]!r}",
            argument="input.diensten",
        )
    _niet_ingetrokken(stand["ingetrokken"])
    if stand["bestaand"]:
        raise Duplicate(
            f"{params['organisatie']} uses {params['applicatie']} already; change that Gebruik",
            argument="input.applicatie",
        )


def _niet_ingetrokken(ingetrokken: list[str]) -> None:
    if ingetrokken:
        raise ClientError(
            "RETIRED",
            f"the dienst {sorted(ingetrokken)[0]!r} is retired by its leverancier: no new Gebruik takes it",
            argument="input.diensten",
        )


async def _huidig(store: Writer, schrijver: Schrijver, gebruik: str, verwachte_versie: int) -> dict[str, Any]:
    """The Gebruik as the write will find it, or the error a write of it would be."""
    rows = await store.read("gebruik/schrijfstand", {"id": gebruik})
    if not rows:  # unknown, or not visible to the asker: the same answer for both
        raise ClientError("NOT_FOUND", f"there is no Gebruik {gebruik!r}", argument="input.gebruik")
    stand = rows[0]
    if not (schrijver.mag_landschap(stand["organisatie"]) or stand["namens"]):
        zelf = " (a samenwerking changes only the Gebruik it registered)" if schrijver.samenwerkingen else ""
        raise Forbidden(
            f"you may not change the landscape of {stand['organisatie']}{zelf}", argument="input.gebruik"
        )
    huidige = stand["gebruik"].get("versie") or 1
    if huidige != verwachte_versie:
        raise VersionConflict(
            f"Gebruik {gebruik} is at versie {huidige}, not {verwachte_versie}: read it again",
            huidige_versie=huidige,
            argument="input.verwachteVersie",
        )
    return stand


def _beeld(stand: Mapping[str, Any]) -> dict[str, Any]:
    """The recorded fields of a Gebruik as found: its properties and relations by id."""
    gebruik = stand["gebruik"]
    return {
        **{name: gebruik.get(name) for name in VELDEN},
        "versies": stand["versies"],
        "referentiecomponenten": stand["referentiecomponenten"],
        "diensten": stand["diensten"],
    }


def _namens(schrijver: Schrijver, stand: Mapping[str, Any]) -> str | None:
    """The samenwerking the asker changes this Gebruik as, when it has no rights of its own."""
    return None if schrijver.mag_landschap(stand["organisatie"]) else stand["namens"][0]


async def wijzig(
    store: Writer,
    schrijver: Schrijver,
    *,
    gebruik: str,
    verwachte_versie: int,
    velden: Mapping[str, Any],
    vervang_versie: bool = False,
    versie: str | None = None,
    referentiecomponenten: list[str] | None = None,
    diensten: list[str] | None = None,
) -> Geschreven:
    """Change the fields given (`velden`: null removes one); the version with `vervang_versie`
    (None: none recorded), the referentiecomponenten and diensten when given (they replace
    those recorded)."""
    mag_schrijven(schrijver, "wijzigGebruik")
    if "status" in velden:
        raise ClientError(
            "INVALID_ARGUMENT", "the status changes through zetGebruikStatus", argument="input.status"
        )
    valideer(LABEL, velden, LANG, partial=True)
    weiger(LABEL, tekstproblemen({"versie": versie}))
    stand = await _huidig(store, schrijver, gebruik, verwachte_versie)
    versies = None if not vervang_versie else ([] if versie is None else [versie])
    componenten = uniek(referentiecomponenten)
    return await _schrijf(
        store,
        schrijver,
        stand,
        operatie="GEWIJZIGD",
        velden=dict(velden),
        verwachte_versie=verwachte_versie,
        versies=versies,
        componenten=componenten,
        afgenomen=uniek(diensten),
        statussen=None,
    )


async def zet_status(
    store: Writer,
    schrijver: Schrijver,
    *,
    gebruik: str,
    verwachte_versie: int,
    status: str,
    datum: str | None = None,
) -> Geschreven:
    """Move a Gebruik along its lifecycle; `datum` (today when not given) is recorded as the
    date of that status (STATUSDATUM), and in the change record."""
    mag_schrijven(schrijver, "zetGebruikStatus")
    velden: dict[str, Any] = {"status": status}
    if status in STATUSDATUM:
        velden[STATUSDATUM[status]] = datum or nu()[:10]
    problems = check(LABEL, {"status": status}, partial=True)
    if datum is not None:
        problems += [
            Problem("datum", p.code, p.message) for p in check(LABEL, {"startDatum": datum}, partial=True)
        ]
    weiger(LABEL, problems)
    stand = await _huidig(store, schrijver, gebruik, verwachte_versie)
    huidig = stand["gebruik"]["status"]
    LEVENSLOOP.controleer(huidig, status)
    van = LEVENSLOOP.vanaf(status)
    return await _schrijf(
        store,
        schrijver,
        stand,
        operatie="STATUS_GEWIJZIGD",
        velden=velden,
        verwachte_versie=verwachte_versie,
        versies=None,
        componenten=None,
        afgenomen=None,
        statussen=van,
        datum=velden.get(STATUSDATUM.get(status, ""), datum),
    )


async def _schrijf(
    store: Writer,
    schrijver: Schrijver,
    stand: Mapping[str, Any],
    *,
    operatie: str,
    velden: dict[str, Any],
    verwachte_versie: int,
    versies: list[str] | None,
    componenten: list[str] | None,
    afgenomen: list[str] | None,
    statussen: list[str] | None,
    datum: str | None = None,
) -> Geschreven:
    gebruik_id = stand["gebruik"]["id"]
    voor_alles, tijdstip = _beeld(stand), nu()
    na_alles = {**voor_alles, **velden}
    if versies is not None:
        na_alles["versies"] = versies
    if componenten is not None:
        na_alles["referentiecomponenten"] = componenten
    if afgenomen is not None:
        na_alles["diensten"] = afgenomen
    veranderd = sorted(k for k in na_alles if _gelijk(na_alles[k]) != _gelijk(voor_alles[k]))
    voor = {k: voor_alles[k] for k in veranderd}
    na = {k: na_alles[k] for k in veranderd}
    if datum is not None:
        na["datum"] = datum
    record = wijziging(
        schrijver,
        organisatie=stand["organisatie"],
        object_id=gebruik_id,
        label=LABEL,
        operatie=operatie,
        tijdstip=tijdstip,
        voor=voor,
        na=na,
        namens=_namens(schrijver, stand),
    )
    params = {
        "gebruik": gebruik_id,
        "verwachteVersie": verwachte_versie,
        "statussen": statussen,
        "versies": versies or [],
        "vervangVersies": versies is not None,
        "referentiecomponenten": componenten or [],
        "vervangComponenten": componenten is not None,
        "diensten": afgenomen or [],
        "vervangDiensten": afgenomen is not None,
        "eigenschappen": {**velden, "gewijzigdOp": tijdstip, "gewijzigdDoor": schrijver.gebruiker},
        "wijziging": record,
    }
    rows = await store.write("gebruik/wijzigen", params)
    if rows:
        return Geschreven(rows[0]["id"], rows[0]["versie"])
    # Nothing written: a version, referentiecomponent or dienst not found, or a write in between.
    nieuw = await _huidig(store, schrijver, gebruik_id, verwachte_versie)
    if statussen is not None and nieuw["gebruik"]["status"] not in statussen:
        raise TransitionNotAllowed(
            "the status changed meanwhile",
            toegestaan=LEVENSLOOP.toegestaan(nieuw["gebruik"]["status"]),
            argument="input.status",
        )
    if versies or afgenomen:
        [gevonden] = await store.read("gebruik/registratiestand", _verwijzingen(nieuw, versies, afgenomen))
        if versies and not gevonden["versies"]:
            raise ClientError(
                "NOT_FOUND", f"the application has no version {versies[0]!r}", argument="input.versie"
            )
        missing = sorted(set(afgenomen or []) - set(gevonden["diensten"]))
        if missing:
            raise ClientError(
                "NOT_FOUND",
                f"{nieuw['applicatie']} is offered with no dienst {missing[0]!r}",
                argument="input.diensten",
            )
        # A retired dienst the Gebruik takes already may stay; no other may be taken.
        _niet_ingetrokken(sorted(set(gevonden["ingetrokken"]) - set(nieuw["diensten"])))
    raise ClientError(
        "NOT_FOUND", "one of the referentiecomponenten does not exist", argument="input.referentiecomponenten"
    )


def _verwijzingen(
    stand: Mapping[str, Any], versies: list[str] | None, diensten: list[str] | None
) -> dict[str, Any]:
    """The parameters of gebruik/registratiestand that find which references of a change exist."""
    return {
        "organisatie": stand["organisatie"],
        "applicatie": stand["applicatie"],
        "versies": versies or [],
        "referentiecomponenten": [],
        "diensten": diensten or [],
    }


def _gelijk(value: Any) -> Any:
    return sorted(value) if isinstance(value, list) else value


async def verwijder(
    store: Writer, schrijver: Schrijver, *, gebruik: str, verwachte_versie: int, ook_koppelingen: bool = False
) -> Verwijderd:
    """Delete a Gebruik; one that koppelingen use only with `ook_koppelingen`, and they go too,
    each recorded as deleted (graph_api/domain/landschap/koppeling.py)."""
    mag_schrijven(schrijver, "verwijderGebruik")
    stand = await _huidig(store, schrijver, gebruik, verwachte_versie)
    aantal = len(stand["koppelingIds"])
    namens = _namens(schrijver, stand)
    if aantal and ook_koppelingen and namens is not None:
        raise Forbidden(
            f"koppelingen use Gebruik {gebruik}: they are {stand['organisatie']}'s own, so only its "
            f"gebruik-beheerder deletes them along; {namens} may delete the Gebruik once they are gone",
            argument="input.ookKoppelingen",
        )
    if aantal and not ook_koppelingen:
        raise InUse(
            f"{aantal} koppelingen use Gebruik {gebruik}: remove them first, or ask for ookKoppelingen: true",
            argument="input.ookKoppelingen",
        )
    tijdstip = nu()
    kop = "koppeling"
    koppelingen = await store.read("koppeling/schrijfstand", {"ids": stand["koppelingIds"]}) if aantal else []
    record = wijziging(
        schrijver,
        organisatie=stand["organisatie"],
        object_id=gebruik,
        label=LABEL,
        operatie="VERWIJDERD",
        tijdstip=tijdstip,
        voor={**_beeld(stand), "applicatie": stand["applicatie"], "koppelingen": aantal},
        na=None,
        namens=namens,
    )
    params = {
        "gebruik": gebruik,
        "verwachteVersie": verwachte_versie,
        "ookKoppelingen": ook_koppelingen,
        "koppelingStand": [f"{k[kop]['id']}@{k[kop].get('versie') or 1}" for k in koppelingen],
        "koppelingWijzigingen": [
            koppeling.verwijderd(schrijver, k, tijdstip, met_sleutel=False) for k in koppelingen
        ],
        "wijziging": record,
    }
    rows = await store.write("gebruik/verwijderen", params)
    if rows:
        return Verwijderd(gebruik, rows[0]["koppelingen"])
    stand = await _huidig(store, schrijver, gebruik, verwachte_versie)  # raises what changed
    raise InUse(
        f"the koppelingen that use Gebruik {gebruik} changed meanwhile: try again",
        argument="input.ookKoppelingen",
    )
