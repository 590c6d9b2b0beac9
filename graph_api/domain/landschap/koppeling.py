"""Koppelingen written (F013): register, change, move along their lifecycle, delete.

A koppeling belongs to the landscape of its VAN Gebruik; its NAAR end is a Gebruik of the same
landscape or a national facility, its intermediary (VIA) a Gebruik of the same landscape. Its
ends are what it is: a koppeling to another end is another koppeling (delete it, register the
new one), so a change never moves it between landscapes or askers.

Each operation checks its input (model/validate.py, then lengths and NULs), reads what the
write will find (to name the error of a write that cannot be, and to record the fields
before), and runs one statement of cypher/koppeling/ that matches only what the asker may
change at the versie it expects, writes, derives what seeding derives (the KOPPELT
relationships the way the data flows, the standard flags), and records the change. When that
statement changes nothing (someone wrote in between), what it now finds says why.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

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
from graph_api.errors import ClientError, Forbidden, TransitionNotAllowed, VersionConflict
from graph_api.model import keuzes
from graph_api.model.validate import check

LABEL = "Koppeling"
# The lifecycle, in order (model/keuzes.py). As a Gebruik's, it goes forward only, any number of
# steps; going back is refused with what is allowed.
LEVENSLOOP = Levensloop("a koppeling", tuple(keuzes.KOPPELING_STATUS))
# Fields the input may set, as the graph names them.
VELDEN = ("type", "richting", "status", "beschrijving")
LANG = frozenset({"beschrijving"})


@dataclass(frozen=True)
class Geschreven:
    """What a write did: the koppeling's id and its versie now."""

    id: str
    versie: int


def _eigen_einden(van: str, naar: str | None, via: str | None) -> None:
    """A koppeling joins two things, and runs through a third."""
    if naar is not None and naar == van:
        raise ClientError("INVALID_ARGUMENT", "a koppeling joins two different ends", argument="input.naar")
    if via is not None and via in (van, naar):
        raise ClientError(
            "INVALID_ARGUMENT", "the intermediary is neither end of the koppeling", argument="input.via"
        )


async def registreer(
    store: Writer,
    schrijver: Schrijver,
    *,
    van: str,
    naar: str,
    velden: Mapping[str, Any],
    via: str | None = None,
    standaardversies: list[str] | None = None,
) -> Geschreven:
    """A new koppeling from Gebruik `van` to `naar` (a Gebruik of the same landscape or a
    national facility); status IN_ONTWIKKELING unless given."""
    mag_schrijven(schrijver, "registreerKoppeling")
    velden = {"status": "IN_ONTWIKKELING", **{k: v for k, v in velden.items() if v is not None}}
    valideer(LABEL, {**velden, "id": nieuw_id("kop")}, LANG, partial=False)
    ids = {"van": van, "naar": naar, "via": via, "standaardversies": standaardversies}
    weiger(LABEL, tekstproblemen(ids))
    _eigen_einden(van, naar, via)
    versies = uniek(standaardversies) or []
    params = {"van": van, "naar": naar, "via": via, "standaardversies": versies}
    [stand] = await store.read("koppeling/registratiestand", params)
    organisatie = _registreerbaar(schrijver, stand, params)
    koppeling_id = nieuw_id(f"kop-{organisatie}")  # as the seed names them: by landscape
    tijdstip = nu()
    eigenschappen = {
        **velden,
        "id": koppeling_id,
        "versie": 1,
        "gewijzigdOp": tijdstip,
        "gewijzigdDoor": schrijver.gebruiker,
    }
    na = {**velden, "van": van, "naar": naar, "via": via, "standaardversies": versies}
    record = wijziging(
        schrijver,
        organisatie=organisatie,
        object_id=koppeling_id,
        label=LABEL,
        operatie="AANGEMAAKT",
        tijdstip=tijdstip,
        voor=None,
        na=na,
    )
    rows = await store.write(
        "koppeling/registreren", {**params, "eigenschappen": eigenschappen, "wijziging": record}
    )
    if not rows:  # between the check and the write an end was removed or moved: say which
        [stand] = await store.read("koppeling/registratiestand", params)
        _registreerbaar(schrijver, stand, params)
        raise ClientError("NOT_FOUND", f"Gebruik {van} changed meanwhile: try again", argument="input.van")
    return Geschreven(rows[0]["id"], rows[0]["versie"])


def _registreerbaar(schrijver: Schrijver, stand: Mapping[str, Any], params: Mapping[str, Any]) -> str:
    """The organisation whose landscape the koppeling joins, or the error its registration is."""
    organisatie = stand["vanOrganisatie"]
    if organisatie is None:
        raise ClientError("NOT_FOUND", f"there is no Gebruik {params['van']!r}", argument="input.van")
    if not schrijver.mag_landschap(organisatie):
        raise Forbidden(f"you may not change the landscape of {organisatie}", argument="input.van")
    if stand["naarSoort"] is None:
        raise ClientError(
            "NOT_FOUND",
            f"there is no Gebruik or national facility {params['naar']!r}",
            argument="input.naar",
        )
    if stand["naarSoort"] == "Gebruik" and stand["naarOrganisatie"] != organisatie:
        raise ClientError(
            "NOT_SAME_LANDSCAPE",
            f"naar is a Gebruik of {stand['naarOrganisatie']}, van one of {organisatie}: a koppeling "
            "joins two Gebruik of one landscape",
            argument="input.naar",
        )
    _zelfde_via(stand["viaOrganisatie"], params["via"], organisatie)
    _versies_gevonden(params["standaardversies"], stand["standaardversies"])
    return str(organisatie)


def _zelfde_via(gevonden: str | None, via: str | None, organisatie: str) -> None:
    if via is None:
        return
    if gevonden is None:
        raise ClientError("NOT_FOUND", f"there is no Gebruik {via!r}", argument="input.via")
    if gevonden != organisatie:
        raise ClientError(
            "NOT_SAME_LANDSCAPE",
            f"the intermediary is a Gebruik of {gevonden}, the koppeling is of {organisatie}'s landscape",
            argument="input.via",
        )


def _versies_gevonden(gevraagd: list[str], gevonden: list[str]) -> None:
    missing = sorted(set(gevraagd) - set(gevonden))
    if missing:
        raise ClientError(
            "NOT_FOUND", f"there is no standard version {missing[0]!r}", argument="input.standaardversies"
        )


async def _huidig(
    store: Writer, schrijver: Schrijver, koppeling: str, verwachte_versie: int
) -> dict[str, Any]:
    """The koppeling as the write will find it, or the error a write of it would be."""
    rows = await store.read("koppeling/schrijfstand", {"ids": [koppeling]})
    if not rows:  # unknown, or of a landscape the asker may not see: the same answer for both
        raise ClientError("NOT_FOUND", f"there is no koppeling {koppeling!r}", argument="input.koppeling")
    stand = rows[0]
    if not schrijver.mag_landschap(stand["organisatie"]):
        raise Forbidden(
            f"you may not change the landscape of {stand['organisatie']}", argument="input.koppeling"
        )
    huidige = stand["koppeling"].get("versie") or 1
    if huidige != verwachte_versie:
        raise VersionConflict(
            f"koppeling {koppeling} is at versie {huidige}, not {verwachte_versie}: read it again",
            huidige_versie=huidige,
            argument="input.verwachteVersie",
        )
    return stand


def beeld(stand: Mapping[str, Any]) -> dict[str, Any]:
    """The recorded fields of a koppeling as found (koppeling/schrijfstand): its properties, its
    ends, intermediary and standard versions by id."""
    koppeling = stand["koppeling"]
    return {
        **{name: koppeling.get(name) for name in VELDEN},
        "van": stand["van"],
        "naar": stand["naar"],
        "via": stand["via"][0] if stand["via"] else None,
        "standaardversies": sorted(stand["standaardversies"]),
    }


async def wijzig(
    store: Writer,
    schrijver: Schrijver,
    *,
    koppeling: str,
    verwachte_versie: int,
    velden: Mapping[str, Any],
    vervang_via: bool = False,
    via: str | None = None,
    standaardversies: list[str] | None = None,
) -> Geschreven:
    """Change the fields given (`velden`: null removes an optional one); the intermediary with
    `vervang_via` (None: none), the standard versions when given (they replace those recorded)."""
    mag_schrijven(schrijver, "wijzigKoppeling")
    if "status" in velden:
        raise ClientError(
            "INVALID_ARGUMENT", "the status changes through zetKoppelingStatus", argument="input.status"
        )
    valideer(LABEL, velden, LANG, partial=True)
    weiger(LABEL, tekstproblemen({"via": via, "standaardversies": standaardversies}))
    stand = await _huidig(store, schrijver, koppeling, verwachte_versie)
    if vervang_via:
        _eigen_einden(stand["van"], stand["naar"], via)
    return await _schrijf(
        store,
        schrijver,
        stand,
        operatie="GEWIJZIGD",
        velden=dict(velden),
        verwachte_versie=verwachte_versie,
        via=via,
        vervang_via=vervang_via,
        versies=uniek(standaardversies),
        statussen=None,
    )


async def zet_status(
    store: Writer, schrijver: Schrijver, *, koppeling: str, verwachte_versie: int, status: str
) -> Geschreven:
    """Move a koppeling along its lifecycle, forward only."""
    mag_schrijven(schrijver, "zetKoppelingStatus")
    weiger(LABEL, check(LABEL, {"status": status}, partial=True))
    stand = await _huidig(store, schrijver, koppeling, verwachte_versie)
    huidig = stand["koppeling"]["status"]
    LEVENSLOOP.controleer(huidig, status)
    return await _schrijf(
        store,
        schrijver,
        stand,
        operatie="STATUS_GEWIJZIGD",
        velden={"status": status},
        verwachte_versie=verwachte_versie,
        via=None,
        vervang_via=False,
        versies=None,
        statussen=LEVENSLOOP.vanaf(status),
    )


async def _schrijf(
    store: Writer,
    schrijver: Schrijver,
    stand: Mapping[str, Any],
    *,
    operatie: str,
    velden: dict[str, Any],
    verwachte_versie: int,
    via: str | None,
    vervang_via: bool,
    versies: list[str] | None,
    statussen: list[str] | None,
) -> Geschreven:
    koppeling_id = stand["koppeling"]["id"]
    voor_alles, tijdstip = beeld(stand), nu()
    na_alles = {**voor_alles, **velden}
    if vervang_via:
        na_alles["via"] = via
    if versies is not None:
        na_alles["standaardversies"] = sorted(versies)
    veranderd = sorted(k for k in na_alles if na_alles[k] != voor_alles[k])
    record = wijziging(
        schrijver,
        organisatie=stand["organisatie"],
        object_id=koppeling_id,
        label=LABEL,
        operatie=operatie,
        tijdstip=tijdstip,
        voor={k: voor_alles[k] for k in veranderd},
        na={k: na_alles[k] for k in veranderd},
    )
    params = {
        "koppeling": koppeling_id,
        "verwachteVersie": verwachte_versie,
        "statussen": statussen,
        "via": via if vervang_via else None,
        "vervangVia": vervang_via,
        "standaardversies": versies or [],
        "vervangStandaarden": versies is not None,
        "eigenschappen": {**velden, "gewijzigdOp": tijdstip, "gewijzigdDoor": schrijver.gebruiker},
        "wijziging": record,
    }
    rows = await store.write("koppeling/wijzigen", params)
    if rows:
        return Geschreven(rows[0]["id"], rows[0]["versie"])
    # Nothing written: an intermediary or standard version not found, or a write in between.
    nieuw = await _huidig(store, schrijver, koppeling_id, verwachte_versie)
    if statussen is not None and nieuw["koppeling"]["status"] not in statussen:
        raise TransitionNotAllowed(
            "the status changed meanwhile",
            toegestaan=LEVENSLOOP.toegestaan(nieuw["koppeling"]["status"]),
            argument="input.status",
        )
    [gevonden] = await store.read(
        "koppeling/registratiestand",
        {"van": nieuw["van"], "naar": nieuw["naar"], "via": via if vervang_via else None,
         "standaardversies": versies or []},
    )  # fmt: skip
    if vervang_via:
        _zelfde_via(gevonden["viaOrganisatie"], via, nieuw["organisatie"])
    _versies_gevonden(versies or [], gevonden["standaardversies"])
    raise VersionConflict(
        f"koppeling {koppeling_id} changed meanwhile: read it again",
        huidige_versie=nieuw["koppeling"].get("versie") or 1,
        argument="input.verwachteVersie",
    )


async def verwijder(store: Writer, schrijver: Schrijver, *, koppeling: str, verwachte_versie: int) -> str:
    """Delete a koppeling, with what was derived from it."""
    mag_schrijven(schrijver, "verwijderKoppeling")
    stand = await _huidig(store, schrijver, koppeling, verwachte_versie)
    record = verwijderd(schrijver, stand, nu())
    params = {"koppeling": koppeling, "verwachteVersie": verwachte_versie, "wijziging": record}
    rows = await store.write("koppeling/verwijderen", params)
    if not rows:
        await _huidig(store, schrijver, koppeling, verwachte_versie)  # raises what changed
        raise VersionConflict(
            f"koppeling {koppeling} changed meanwhile: read it again",
            huidige_versie=verwachte_versie,
            argument="input.verwachteVersie",
        )
    return koppeling


def verwijderd(
    schrijver: Schrijver, stand: Mapping[str, Any], tijdstip: str, *, met_sleutel: bool = True
) -> dict[str, Any]:
    """The change record of a koppeling deleted, by itself or with a Gebruik at one of its ends
    (`met_sleutel=False`: the Gebruik's record keeps the request's idempotency key)."""
    return wijziging(
        schrijver,
        organisatie=stand["organisatie"],
        object_id=stand["koppeling"]["id"],
        label=LABEL,
        operatie="VERWIJDERD",
        tijdstip=tijdstip,
        voor=beeld(stand),
        na=None,
        met_sleutel=met_sleutel,
    )
