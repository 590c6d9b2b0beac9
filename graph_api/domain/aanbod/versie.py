"""Versions of an application written (F004): register, change, move along the lifecycle,
delete, and the standard versions each supports with its evidence; by an aanbod-beheerder of
the application's leverancier, or functioneel beheer.

A version's lifecycle goes IN_ONTWIKKELING, IN_GEBRUIK, EINDE_ONDERSTEUNING, TERUGGETROKKEN,
forward only, steps may be skipped. Its dates: `releaseDatum` (dated when it goes IN_GEBRUIK
without one) and `eindeOndersteuning` (likewise at EINDE_ONDERSTEUNING), the release not after
the end of support. What a version supports belongs to it: adding, changing or removing a
standard raises the version's versie like any change of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graph_api.domain.aanbod.applicatie import (
    Geschreven,
    mag_aanbod_schrijven,
    mag_leverancier,
    url_problemen,
)
from graph_api.domain.levensloop import Levensloop
from graph_api.domain.wijzigen import (
    Schrijver,
    Writer,
    nieuw_id,
    nu,
    tekstproblemen,
    weiger,
    wijziging,
)
from graph_api.errors import ClientError, Duplicate, Forbidden, InUse, TransitionNotAllowed, VersionConflict
from graph_api.model import keuzes
from graph_api.model.validate import Problem, check

LABEL = "Versie"
LEVENSLOOP = Levensloop("a version", tuple(keuzes.VERSIE_STATUS))
# The date a status sets when the version has none yet.
STATUSDATUM = {"IN_GEBRUIK": "releaseDatum", "EINDE_ONDERSTEUNING": "eindeOndersteuning"}
VELDEN = ("versie", "status", "releaseDatum", "eindeOndersteuning")
# The input's name of a version's number: `versie` names the version itself in every input.
NUMMER = "nummer"


def _controleer(velden: Mapping[str, Any], *, partial: bool) -> None:
    problems = [
        Problem(NUMMER if p.field == "versie" else p.field, p.code, p.message)
        for p in check(LABEL, velden, partial=partial) + tekstproblemen(velden)
    ]
    if isinstance(velden.get("versie"), str) and not velden["versie"].strip():
        problems.append(Problem(NUMMER, "REQUIRED", "must not be blank"))
    weiger(LABEL, problems)


def _datumvolgorde(velden: Mapping[str, Any]) -> None:
    release, einde = velden.get("releaseDatum"), velden.get("eindeOndersteuning")
    if release and einde and einde < release:
        weiger(
            LABEL,
            [
                Problem(
                    "eindeOndersteuning",
                    "INVALID_DATE_ORDER",
                    f"support cannot end ({einde}) before the release ({release})",
                )
            ],
        )


async def registreer(
    store: Writer, schrijver: Schrijver, *, applicatie: str, velden: Mapping[str, Any]
) -> Geschreven:
    """A new version of `applicatie`, IN_ONTWIKKELING unless its status is given; a status with
    a date (STATUSDATUM) dated today unless that date is given."""
    mag_aanbod_schrijven(schrijver, "registreerVersie")
    tijdstip = nu()
    velden = {"status": "IN_ONTWIKKELING", **{k: v for k, v in velden.items() if v is not None}}
    versie_id = nieuw_id("ver")
    _controleer({**velden, "id": versie_id}, partial=False)
    weiger(LABEL, tekstproblemen({"applicatie": applicatie}))
    if velden["status"] in STATUSDATUM:
        velden.setdefault(STATUSDATUM[velden["status"]], tijdstip[:10])
    _datumvolgorde(velden)
    rows = await store.read("applicatie/schrijfstand", {"id": applicatie})
    if not rows:
        raise ClientError("NOT_FOUND", f"there is no application {applicatie!r}", argument="input.applicatie")
    stand = rows[0]
    if not mag_leverancier(schrijver, stand["leverancier"]):
        raise Forbidden(
            f"you may not change the aanbod of {stand['leverancier']}", argument="input.applicatie"
        )
    if velden["versie"] in {v["versie"] for v in stand["versies"]}:
        raise Duplicate(f"{applicatie} has a version {velden['versie']} already", argument=f"input.{NUMMER}")
    eigenschappen = {
        **velden,
        "id": versie_id,
        "wijzigingsversie": 1,
        "gewijzigdOp": tijdstip,
        "gewijzigdDoor": schrijver.gebruiker,
    }
    record = wijziging(
        schrijver,
        organisatie=stand["leverancier"],
        object_id=versie_id,
        label=LABEL,
        operatie="AANGEMAAKT",
        tijdstip=tijdstip,
        voor=None,
        na={**velden, "applicatie": applicatie},
    )
    rows = await store.write(
        "versie/registreren",
        {
            "applicatie": applicatie,
            "nummer": velden["versie"],
            "eigenschappen": eigenschappen,
            "wijziging": record,
        },
    )
    if not rows:  # registered by someone else meanwhile, or the application went
        raise Duplicate(f"{applicatie} has a version {velden['versie']} already", argument=f"input.{NUMMER}")
    return Geschreven(rows[0]["id"], rows[0]["versie"])


async def _huidig(
    store: Writer,
    schrijver: Schrijver,
    versie: str,
    verwachte_versie: int,
    standaardversie: str | None = None,
) -> dict[str, Any]:
    """The version as the write will find it, or the error a write of it would be."""
    rows = await store.read("versie/schrijfstand", {"id": versie, "standaardversie": standaardversie})
    if not rows:  # unknown, or of a concept the asker may not see: the same answer for both
        raise ClientError("NOT_FOUND", f"there is no version {versie!r}", argument="input.versie")
    stand = rows[0]
    if not mag_leverancier(schrijver, stand["leverancier"]):
        raise Forbidden(f"you may not change the aanbod of {stand['leverancier']}", argument="input.versie")
    huidige = stand["versie"].get("wijzigingsversie") or 1
    if huidige != verwachte_versie:
        raise VersionConflict(
            f"version {versie} is at versie {huidige}, not {verwachte_versie}: read it again",
            huidige_versie=huidige,
            argument="input.verwachteVersie",
        )
    return stand


async def wijzig(
    store: Writer, schrijver: Schrijver, *, versie: str, verwachte_versie: int, velden: Mapping[str, Any]
) -> Geschreven:
    """Change a version's number or dates (`velden`: null removes a date)."""
    mag_aanbod_schrijven(schrijver, "wijzigVersie")
    if "status" in velden:
        raise ClientError(
            "INVALID_ARGUMENT", "the status changes through zetVersieStatus", argument="input.status"
        )
    _controleer(velden, partial=True)
    stand = await _huidig(store, schrijver, versie, verwachte_versie)
    _datumvolgorde({**stand["versie"], **velden})
    nummer = velden.get("versie")
    if nummer is not None and nummer in stand["andereNummers"]:
        raise Duplicate(f"{stand['applicatie']} has a version {nummer} already", argument=f"input.{NUMMER}")
    return await _schrijf(
        store,
        schrijver,
        stand,
        "versie/wijzigen",
        operatie="GEWIJZIGD",
        velden=dict(velden),
        verwachte_versie=verwachte_versie,
        extra={"statussen": None, "nummer": nummer},
    )


async def zet_status(
    store: Writer,
    schrijver: Schrijver,
    *,
    versie: str,
    verwachte_versie: int,
    status: str,
    datum: str | None = None,
) -> Geschreven:
    """Move a version along its lifecycle; reaching IN_GEBRUIK or EINDE_ONDERSTEUNING sets its
    date (`datum`, today when not given) unless it has one already."""
    mag_aanbod_schrijven(schrijver, "zetVersieStatus")
    problems = check(LABEL, {"status": status}, partial=True)
    if datum is not None:
        problems += [
            Problem("datum", p.code, p.message) for p in check(LABEL, {"releaseDatum": datum}, partial=True)
        ]
    weiger(LABEL, problems)
    stand = await _huidig(store, schrijver, versie, verwachte_versie)
    LEVENSLOOP.controleer(stand["versie"]["status"], status)
    velden: dict[str, Any] = {"status": status}
    if status in STATUSDATUM and not stand["versie"].get(STATUSDATUM[status]):
        velden[STATUSDATUM[status]] = datum or nu()[:10]
    _datumvolgorde({**stand["versie"], **velden})
    return await _schrijf(
        store,
        schrijver,
        stand,
        "versie/wijzigen",
        operatie="STATUS_GEWIJZIGD",
        velden=velden,
        verwachte_versie=verwachte_versie,
        extra={"statussen": LEVENSLOOP.vanaf(status), "nummer": None},
    )


async def ondersteun(
    store: Writer,
    schrijver: Schrijver,
    *,
    versie: str,
    verwachte_versie: int,
    standaardversie: str,
    bewijs: str | None,
    nieuw: bool,
) -> Geschreven:
    """Record that a version supports `standaardversie`, with the evidence (`nieuw`), or change
    the evidence of one recorded; null: no evidence."""
    mag_aanbod_schrijven(schrijver, "voegOndersteuningToe" if nieuw else "wijzigOndersteuning")
    problems = url_problemen({"bewijs": bewijs}, frozenset({"bewijs"}))
    problems += tekstproblemen({"bewijs": bewijs, "standaardversie": standaardversie})
    weiger(LABEL, problems)
    stand = await _huidig(store, schrijver, versie, verwachte_versie, standaardversie)
    if not stand["standaardversie"]:
        raise ClientError(
            "NOT_FOUND", f"there is no standard version {standaardversie!r}", argument="input.standaardversie"
        )
    recorded = {o["standaardversie"]: o["bewijs"] for o in stand["ondersteunt"]}
    if nieuw and standaardversie in recorded:
        raise Duplicate(
            f"{versie} supports {standaardversie} already: change its evidence",
            argument="input.standaardversie",
        )
    if not nieuw and standaardversie not in recorded:
        raise ClientError(
            "NOT_FOUND", f"{versie} does not support {standaardversie}", argument="input.standaardversie"
        )
    voor = None if nieuw else {"standaardversie": standaardversie, "bewijs": recorded[standaardversie]}
    return await _schrijf(
        store,
        schrijver,
        stand,
        "versie/ondersteunen",
        operatie="GEWIJZIGD",
        velden={},
        verwachte_versie=verwachte_versie,
        extra={"standaardversie": standaardversie, "nieuw": nieuw, "bewijs": bewijs},
        voor={"ondersteunt": voor},
        na={"ondersteunt": {"standaardversie": standaardversie, "bewijs": bewijs}},
    )


async def verwijder_ondersteuning(
    store: Writer, schrijver: Schrijver, *, versie: str, verwachte_versie: int, standaardversie: str
) -> Geschreven:
    """Remove that a version supports `standaardversie`, with its evidence."""
    mag_aanbod_schrijven(schrijver, "verwijderOndersteuning")
    weiger(LABEL, tekstproblemen({"standaardversie": standaardversie}))
    stand = await _huidig(store, schrijver, versie, verwachte_versie)
    recorded = {o["standaardversie"]: o["bewijs"] for o in stand["ondersteunt"]}
    if standaardversie not in recorded:
        raise ClientError(
            "NOT_FOUND", f"{versie} does not support {standaardversie}", argument="input.standaardversie"
        )
    return await _schrijf(
        store,
        schrijver,
        stand,
        "versie/ondersteuning_verwijderen",
        operatie="GEWIJZIGD",
        velden={},
        verwachte_versie=verwachte_versie,
        extra={"standaardversie": standaardversie},
        voor={"ondersteunt": {"standaardversie": standaardversie, "bewijs": recorded[standaardversie]}},
        na={"ondersteunt": None},
    )


async def _schrijf(
    store: Writer,
    schrijver: Schrijver,
    stand: Mapping[str, Any],
    statement: str,
    *,
    operatie: str,
    velden: dict[str, Any],
    verwachte_versie: int,
    extra: Mapping[str, Any],
    voor: Mapping[str, Any] | None = None,
    na: Mapping[str, Any] | None = None,
) -> Geschreven:
    versie_id = stand["versie"]["id"]
    tijdstip = nu()
    if voor is None or na is None:
        veranderd = sorted(k for k in velden if velden[k] != stand["versie"].get(k))
        voor = {k: stand["versie"].get(k) for k in veranderd}
        na = {k: velden[k] for k in veranderd}
    record = wijziging(
        schrijver,
        organisatie=stand["leverancier"],
        object_id=versie_id,
        label=LABEL,
        operatie=operatie,
        tijdstip=tijdstip,
        voor=voor,
        na=na,
    )
    rows = await store.write(
        statement,
        {
            **extra,
            "versie": versie_id,
            "verwachteVersie": verwachte_versie,
            "eigenschappen": {**velden, "gewijzigdOp": tijdstip, "gewijzigdDoor": schrijver.gebruiker},
            "wijziging": record,
        },
    )
    if rows:
        return Geschreven(rows[0]["id"], rows[0]["versie"])
    # Nothing written: a write in between (the read says which), or a number taken meanwhile.
    nieuw = await _huidig(store, schrijver, versie_id, verwachte_versie)
    if extra.get("statussen") is not None and nieuw["versie"]["status"] not in extra["statussen"]:
        raise TransitionNotAllowed(
            "the status changed meanwhile",
            toegestaan=LEVENSLOOP.toegestaan(nieuw["versie"]["status"]),
            argument="input.status",
        )
    raise Duplicate(
        f"{nieuw['applicatie']} has a version {extra.get('nummer')} already", argument=f"input.{NUMMER}"
    )


async def verwijder(store: Writer, schrijver: Schrijver, *, versie: str, verwachte_versie: int) -> str:
    """Delete a version no Gebruik runs, with what it supports."""
    mag_aanbod_schrijven(schrijver, "verwijderVersie")
    stand = await _huidig(store, schrijver, versie, verwachte_versie)
    if stand["gebruik"]:
        raise InUse(
            f"{stand['gebruik']} Gebruik run version {versie}: move them to another version first, "
            "or retire it (zetVersieStatus TERUGGETROKKEN)",
            argument="input.versie",
        )
    record = wijziging(
        schrijver,
        organisatie=stand["leverancier"],
        object_id=versie,
        label=LABEL,
        operatie="VERWIJDERD",
        tijdstip=nu(),
        voor={
            **{k: stand["versie"].get(k) for k in VELDEN},
            "applicatie": stand["applicatie"],
            "ondersteunt": stand["ondersteunt"],
        },
        na=None,
    )
    rows = await store.write(
        "versie/verwijderen", {"versie": versie, "verwachteVersie": verwachte_versie, "wijziging": record}
    )
    if rows:
        return versie
    stand = await _huidig(store, schrijver, versie, verwachte_versie)  # raises what changed
    raise InUse(f"a Gebruik runs version {versie} now", argument="input.versie")
