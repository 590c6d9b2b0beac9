"""The items of an application's etalage (issue 18, F004): files and links, added, retitled
and removed by the aanbod-beheerders of the application's leverancier, or functioneel beheer.

Each write follows the write path of part 1 (docs/architecture.md): who may, the input, a read
that names the error, one statement that matches only what the asker may change (`$zicht.aanbod`,
`$zicht.beheer`) and records a Wijziging. A file item's file is put in the file store before its
statement and deleted again when the statement did not write it, so a refused upload leaves
neither; a removed item's file is deleted after its statement, so the graph never names a file
that is gone (at worst the store keeps a file no item names).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from graph_api.domain.wijzigen import Schrijver, Writer, nieuw_id, nu, tekstproblemen, weiger, wijziging
from graph_api.errors import BestandGeweigerd, ClientError, Forbidden, Unauthenticated, VersionConflict
from graph_api.etalage.bestand import AFBEELDINGEN, PDF, Bestand
from graph_api.etalage.opslag import FileStore
from graph_api.model.validate import INVALID_CHOICE, INVALID_TYPE, Problem, check

log = logging.getLogger(__name__)

LABEL = "EtalageItem"
# What each kind of item may be: a file of these types, or a link.
BESTANDEN = {"SCREENSHOT": AFBEELDINGEN, "CASE_STUDY": AFBEELDINGEN | {PDF}}
LINKS = frozenset({"DEMO", "CASE_STUDY"})
MAX_URL = 2_000


@dataclass(frozen=True)
class Geschreven:
    id: str
    versie: int


@dataclass(frozen=True)
class Verwijderd:
    id: str
    bestand: str | None  # the file store key of its file, deleted with it


def mag_etaleren(schrijver: Schrijver, wat: str) -> None:
    """Refuse, before any statement, who keeps no leverancier's aanbod."""
    if schrijver.identiteit.gebruiker is None:
        raise Unauthenticated(f"{wat} needs a signed-in aanbod-beheerder")
    if not (schrijver.zicht.beheer or schrijver.zicht.aanbod):
        raise Forbidden(f"{wat} needs the role aanbod-beheerder of the application's leverancier")


async def eigenaar(store: Writer, schrijver: Schrijver, applicatie: str) -> str:
    """The leverancier whose etalage of `applicatie` the asker changes (the change record's
    organisation), or the error a write to it would be."""
    [stand] = await store.read("etalage/stand", {"applicatie": applicatie})
    if not stand["applicatie"]:  # unknown, or a concept the asker does not see: the same answer
        raise ClientError("NOT_FOUND", f"there is no application {applicatie!r}", argument="input.applicatie")
    leveranciers = set(stand["leveranciers"])
    # The catalogue is public: another leverancier's application is forbidden, not unknown.
    eigen = leveranciers if schrijver.zicht.beheer else leveranciers & schrijver.zicht.aanbod
    if not eigen:
        raise Forbidden(
            f"only an aanbod-beheerder of the leverancier of {applicatie} changes its etalage",
            argument="input.applicatie",
        )
    return sorted(eigen)[0]


def controleer_soort(soort: str, *, bestand: Bestand | None = None, link: bool = False) -> None:
    """Refuse a kind of item that is not a file of this type, or not a link."""
    if soort not in BESTANDEN.keys() | LINKS:
        weiger(
            LABEL,
            [
                Problem(
                    "soort", INVALID_CHOICE, f"must be one of {', '.join(sorted(BESTANDEN.keys() | LINKS))}"
                )
            ],
        )
    if link and soort not in LINKS:
        weiger(LABEL, [Problem("soort", INVALID_CHOICE, f"a {soort} is a file: upload it")])
    if not link and soort not in BESTANDEN:
        weiger(
            LABEL, [Problem("soort", INVALID_CHOICE, f"a {soort} is a link: add it with voegEtalagelinkToe")]
        )
    if bestand is not None and bestand.content_type not in BESTANDEN[soort]:
        raise BestandGeweigerd("UNSUPPORTED_TYPE", f"a {soort} is an image (PNG, JPEG or WebP), not a PDF")


def _url_problemen(url: str) -> list[Problem]:
    if len(url) > MAX_URL:
        return [Problem("url", "TOO_LONG", f"is longer than {MAX_URL} characters")]
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    if (
        parts is None
        or parts.scheme not in ("http", "https")
        or not parts.hostname
        or any(c.isspace() or ord(c) < 32 for c in url)
    ):
        return [Problem("url", INVALID_TYPE, "must be an http or https address")]
    return []


async def _toevoegen(
    store: Writer, schrijver: Schrijver, *, applicatie: str, leverancier: str, eigenschappen: dict[str, Any]
) -> Geschreven | None:
    tijdstip = nu()
    eigenschappen = {
        **eigenschappen,
        "versie": 1,
        "aangemaaktOp": tijdstip,
        "aangemaaktDoor": schrijver.gebruiker,
        "gewijzigdOp": tijdstip,
        "gewijzigdDoor": schrijver.gebruiker,
    }
    weiger(LABEL, check(LABEL, eigenschappen))
    record = wijziging(
        schrijver,
        organisatie=leverancier,
        object_id=eigenschappen["id"],
        label=LABEL,
        operatie="AANGEMAAKT",
        tijdstip=tijdstip,
        voor=None,
        na={**{k: v for k, v in eigenschappen.items() if k != "id"}, "applicatie": applicatie},
    )
    rows = await store.write(
        "etalage/toevoegen", {"applicatie": applicatie, "eigenschappen": eigenschappen, "wijziging": record}
    )
    return Geschreven(rows[0]["id"], rows[0]["versie"]) if rows else None


def _titel(titel: str) -> list[Problem]:
    problems = tekstproblemen({"titel": titel})
    if not titel.strip():
        problems.append(Problem("titel", "REQUIRED", "must not be blank"))
    return problems


async def voeg_link_toe(
    store: Writer, schrijver: Schrijver, *, applicatie: str, soort: str, titel: str, url: str
) -> Geschreven:
    """A link to material elsewhere (a demo, a published case study) in `applicatie`'s etalage."""
    mag_etaleren(schrijver, "voegEtalagelinkToe")
    controleer_soort(soort, link=True)
    weiger(LABEL, _titel(titel) + _url_problemen(url) + tekstproblemen({"applicatie": applicatie}))
    leverancier = await eigenaar(store, schrijver, applicatie)
    eigenschappen = {"id": nieuw_id("eti"), "soort": soort, "titel": titel.strip(), "url": url}
    geschreven = await _toevoegen(
        store, schrijver, applicatie=applicatie, leverancier=leverancier, eigenschappen=eigenschappen
    )
    if geschreven is None:  # between the read and the write: the application changed hands or went
        await eigenaar(store, schrijver, applicatie)
        raise ClientError(
            "NOT_FOUND", f"{applicatie} changed meanwhile: try again", argument="input.applicatie"
        )
    return geschreven


def bestandssleutel(item: str, bestand: Bestand) -> str:
    """The file store key of an item's file: its id, under a directory of 256 by its last digits."""
    return f"{item[-2:]}/{item}.{bestand.extensie}"


async def voeg_bestand_toe(
    store: Writer,
    opslag: FileStore,
    schrijver: Schrijver,
    *,
    applicatie: str,
    leverancier: str,
    soort: str,
    titel: str,
    bestand: Bestand,
) -> Geschreven:
    """An uploaded file in `applicatie`'s etalage; `leverancier` as eigenaar() found it. The file
    is put first; when the statement writes no item, it is deleted again."""
    controleer_soort(soort, bestand=bestand)
    weiger(LABEL, _titel(titel))
    item = nieuw_id("eti")
    sleutel = bestandssleutel(item, bestand)
    eigenschappen = {
        "id": item,
        "soort": soort,
        "titel": titel.strip(),
        "bestand": sleutel,
        "contentType": bestand.content_type,
        "grootte": bestand.grootte,
        "sha256": bestand.sha256,
    }
    await opslag.put(sleutel, bestand.inhoud, bestand.content_type)
    try:
        geschreven = await _toevoegen(
            store, schrijver, applicatie=applicatie, leverancier=leverancier, eigenschappen=eigenschappen
        )
    except Exception:
        await _ruim_op(store, opslag, item, sleutel)
        raise
    if geschreven is None:
        await opslag.delete(sleutel)
        await eigenaar(store, schrijver, applicatie)
        raise ClientError(
            "NOT_FOUND", f"{applicatie} changed meanwhile: try again", argument="input.applicatie"
        )
    return geschreven


async def _ruim_op(store: Writer, opslag: FileStore, item: str, sleutel: str) -> None:
    """After a statement that failed: delete the file unless the item was written all the same
    (a reply lost after the commit). When that cannot be told, the file stays: a file no item
    names is harmless, an item whose file is gone is not."""
    try:
        if not await store.read("etalage/per_id", {"ids": [item]}):
            await opslag.delete(sleutel)
    except Exception:
        log.warning(
            "the file %s of an etalage item not written stays in the file store", sleutel, exc_info=True
        )


async def _stand(store: Writer, schrijver: Schrijver, item: str, verwachte_versie: int) -> tuple[dict, str]:
    """The item as the write will find it and the leverancier the change is recorded for, or
    the error a write of it would be."""
    rows = await store.read("etalage/schrijfstand", {"id": item})
    if not rows:
        raise ClientError("NOT_FOUND", f"there is no etalage item {item!r}", argument="input.item")
    stand = rows[0]
    leveranciers = set(stand["leveranciers"])
    eigen = leveranciers if schrijver.zicht.beheer else leveranciers & schrijver.zicht.aanbod
    if not eigen:
        raise Forbidden(
            f"only an aanbod-beheerder of the leverancier of {stand['applicatie']} changes its etalage",
            argument="input.item",
        )
    huidige = stand["item"]["versie"]
    if huidige != verwachte_versie:
        raise VersionConflict(
            f"etalage item {item} is at versie {huidige}, not {verwachte_versie}: read it again",
            huidige_versie=huidige,
            argument="input.verwachteVersie",
        )
    return stand["item"], sorted(eigen)[0]


async def wijzig_titel(
    store: Writer, schrijver: Schrijver, *, item: str, verwachte_versie: int, titel: str
) -> Geschreven:
    mag_etaleren(schrijver, "wijzigEtalageItem")
    weiger(LABEL, _titel(titel))
    huidig, leverancier = await _stand(store, schrijver, item, verwachte_versie)
    tijdstip = nu()
    eigenschappen = {"titel": titel.strip(), "gewijzigdOp": tijdstip, "gewijzigdDoor": schrijver.gebruiker}
    record = wijziging(
        schrijver,
        organisatie=leverancier,
        object_id=item,
        label=LABEL,
        operatie="GEWIJZIGD",
        tijdstip=tijdstip,
        voor={"titel": huidig["titel"]},
        na={"titel": eigenschappen["titel"]},
    )
    rows = await store.write(
        "etalage/wijzigen",
        {
            "item": item,
            "verwachteVersie": verwachte_versie,
            "eigenschappen": eigenschappen,
            "wijziging": record,
        },
    )
    if rows:
        return Geschreven(rows[0]["id"], rows[0]["versie"])
    await _stand(store, schrijver, item, verwachte_versie)  # raises what changed
    raise VersionConflict(
        f"etalage item {item} changed meanwhile",
        huidige_versie=verwachte_versie + 1,
        argument="input.verwachteVersie",
    )


async def verwijder(store: Writer, schrijver: Schrijver, *, item: str, verwachte_versie: int) -> Verwijderd:
    """Remove an item from the graph; its file is the caller's to delete (verwijder_bestand),
    after this and after a repeat of it alike."""
    mag_etaleren(schrijver, "verwijderEtalageItem")
    huidig, leverancier = await _stand(store, schrijver, item, verwachte_versie)
    record = wijziging(
        schrijver,
        organisatie=leverancier,
        object_id=item,
        label=LABEL,
        operatie="VERWIJDERD",
        tijdstip=nu(),
        voor={k: v for k, v in huidig.items() if k != "id"},
        na=None,
    )
    rows = await store.write(
        "etalage/verwijderen", {"item": item, "verwachteVersie": verwachte_versie, "wijziging": record}
    )
    if rows:
        return Verwijderd(rows[0]["id"], rows[0]["bestand"])
    await _stand(store, schrijver, item, verwachte_versie)
    raise VersionConflict(
        f"etalage item {item} changed meanwhile",
        huidige_versie=verwachte_versie + 1,
        argument="input.verwachteVersie",
    )


async def verwijder_bestand(opslag: FileStore, sleutel: str | None) -> None:
    """Delete a removed item's file. Should the store fail now, the file stays behind, named by
    no item: the removal stands, and a repeat of it (its idempotencyKey) tries again."""
    if sleutel is None:
        return
    try:
        await opslag.delete(sleutel)
    except Exception:
        log.warning("the file %s of a removed etalage item stays in the file store", sleutel, exc_info=True)
