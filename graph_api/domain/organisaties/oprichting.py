"""Gemeenten, samenwerkingen and communities come to be by functioneel beheer only (F001): never
by registering themselves, as a leverancier does. Each is created ACTIEF, in one statement with
its change record."""

from __future__ import annotations

import re
from typing import Any

from graph_api.domain.organisaties.registratie import mag_beoordelen, websiteproblemen
from graph_api.domain.wijzigen import Schrijver, Writer, nieuw_id, nu, tekstproblemen, weiger, wijziging
from graph_api.errors import Duplicate
from graph_api.model import keuzes
from graph_api.model.validate import INVALID_CHOICE, INVALID_TYPE, Problem, check

_CBS_CODE = re.compile(r"GM\d{4}")
LANG = frozenset({"beschrijving"})


def _velden(**velden: Any) -> dict[str, Any]:
    """The properties given, texts trimmed; absent ones left out."""
    return {k: v.strip() if isinstance(v, str) else v for k, v in velden.items() if v is not None}


async def _maak(
    store: Writer, schrijver: Schrijver, query: str, label: str, organisatie: dict[str, Any], argument: str
) -> str:
    """The statement writes only for functioneel beheer and an id no organisation has."""
    record = wijziging(
        schrijver, organisatie=organisatie["id"], object_id=organisatie["id"], label=label,
        operatie="AANGEMAAKT", tijdstip=organisatie["aangemaakt"], voor=None, na=organisatie,
    )  # fmt: skip
    rows = await store.write(
        query,
        {"id": organisatie["id"], "cbsCode": organisatie.get("cbsCode"), "organisatie": organisatie,
         "wijziging": record},
    )  # fmt: skip
    if not rows:
        raise Duplicate(f"{organisatie['id']} exists already", argument=argument)
    return rows[0]["id"]


async def maak_gemeente(
    store: Writer,
    schrijver: Schrijver,
    *,
    naam: str,
    cbs_code: str,
    provincie: str,
    inwoners: int,
    oppervlakte_km2: float | None = None,
) -> str:
    """A gemeente; its id is its CBS code, as every seeded gemeente's."""
    mag_beoordelen(schrijver, "maakGemeente")
    code = cbs_code.strip().upper()
    gemeente = _velden(
        id=code, naam=naam, status="ACTIEF", cbsCode=code, provincie=provincie, inwoners=inwoners,
        oppervlakteKm2=oppervlakte_km2, aangemaakt=nu(),
    )  # fmt: skip
    problems = check("Gemeente", gemeente) + tekstproblemen({"naam": naam, "cbsCode": cbs_code})
    if not _CBS_CODE.fullmatch(code):
        problems.append(Problem("cbsCode", INVALID_TYPE, "must be GM and four digits (GM0363)"))
    if provincie.strip() not in keuzes.PROVINCIES:
        problems.append(
            Problem("provincie", INVALID_CHOICE, f"must be one of {', '.join(keuzes.PROVINCIES)}")
        )
    if inwoners < 0:
        problems.append(Problem("inwoners", INVALID_TYPE, "must not be negative"))
    if oppervlakte_km2 is not None and oppervlakte_km2 <= 0:
        problems.append(Problem("oppervlakteKm2", INVALID_TYPE, "must be more than 0"))
    weiger("Gemeente", problems)
    return await _maak(store, schrijver, "oprichting/gemeente", "Gemeente", gemeente, "input.cbsCode")


async def maak_samenwerking(
    store: Writer,
    schrijver: Schrijver,
    *,
    naam: str,
    grondslag: str | None = None,
    beschrijving: str | None = None,
    website: str | None = None,
) -> str:
    """A samenwerking; its members join it themselves (F010)."""
    mag_beoordelen(schrijver, "maakSamenwerking")
    samenwerking = _velden(
        id=nieuw_id("sam"), naam=naam, status="ACTIEF", grondslag=grondslag, beschrijving=beschrijving,
        website=website, aangemaakt=nu(),
    )  # fmt: skip
    _valideer("Samenwerking", samenwerking, naam=naam, grondslag=grondslag, beschrijving=beschrijving,
              website=website)  # fmt: skip
    return await _maak(
        store, schrijver, "oprichting/samenwerking", "Samenwerking", samenwerking, "input.naam"
    )


async def maak_community(
    store: Writer,
    schrijver: Schrijver,
    *,
    naam: str,
    beschrijving: str | None = None,
    website: str | None = None,
) -> str:
    """A community; organisations declare membership of it themselves (F010)."""
    mag_beoordelen(schrijver, "maakCommunity")
    community = _velden(
        id=nieuw_id("com"), naam=naam, status="ACTIEF", beschrijving=beschrijving, website=website,
        aangemaakt=nu(),
    )  # fmt: skip
    _valideer("Community", community, naam=naam, beschrijving=beschrijving, website=website)
    return await _maak(store, schrijver, "oprichting/community", "Community", community, "input.naam")


def _valideer(label: str, organisatie: dict[str, Any], **invoer: str | None) -> None:
    weiger(
        label,
        check(label, organisatie) + tekstproblemen(invoer, LANG) + websiteproblemen(invoer.get("website")),
    )
