"""What an export reads from the graph: an organisation's landscape as a `Landschap`, a
leverancier's aanbod and the whole catalogue as rows of the catalogue's "Alle pakketten".

Each is one or two reads (cypher/export/), authorised inside them by the rules the GraphQL
reads of the same data apply (docs/access.md): the Gebruik by organisatie/gebruik's, koppelingen,
contract ends and notes by organisatie/koppelingen' and gebruik/vertrouwelijk's, concepts by the
catalogue's. The organisation is found as `organisatie(id:)` finds it, so a concept leverancier
the asker may not see is as unknown as one that does not exist.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Protocol

from graph_api.errors import ClientError, Forbidden, Unauthenticated
from graph_api.store.base import Params, Row
from graph_api.toegang import Zicht
from graph_api.uitwisseling.landschap import GebruikRegel, Gemma, KoppelingRegel, Landschap

_CBS = re.compile(r"gm\d{4}(-\d+)?", re.IGNORECASE)


class Lezer(Protocol):
    """What an export reads through: a Store, or a unit of one."""

    async def read(self, name: str, params: Params | None = None) -> list[Row]: ...


@dataclass(frozen=True)
class Organisatie:
    id: str
    naam: str
    soort: str  # Gemeente, Leverancier, Samenwerking, Community, Beheerorganisatie
    cbs_code: str | None = None


@dataclass(frozen=True)
class Pakketversie:
    """One row of "Alle pakketten": a version of an application (or an application without one)."""

    leverancier_id: str
    leverancier_naam: str
    pakket_id: str
    pakket_naam: str
    beschrijving: str | None
    website: str | None
    versie: str | None
    versie_status: str | None  # the stored key (IN_GEBRUIK)
    mutatiedatum: date | None
    standaarden: tuple[str, ...]  # the names of the standard versions it supports
    referentiecomponenten: tuple[str, ...]  # GEMMA Object IDs of the components it realises


async def organisatie(
    lezer: Lezer, zicht: Zicht, sleutel: str, *, argument: str = "organisatie"
) -> Organisatie:
    """The organisation with this id, or the gemeente with this CBS code (a dissolved gemeente's
    leads to the one it went into), as `organisatie(id:)` and `gemeente(cbsCode:)` find them."""
    sleutel = sleutel.strip()
    rows = await lezer.read("organisatie/per_id", {"ids": [sleutel], **zicht.params()}) if sleutel else []
    if not rows and _CBS.fullmatch(sleutel):
        rows = await lezer.read("organisatie/per_cbs_code", {"ids": [sleutel.upper()]})
    if not rows:
        raise ClientError(
            "NOT_FOUND",
            f"there is no organisation {sleutel!r}: give its id (lev-0001) or a gemeente's CBS code (GM0363)",
            argument=argument,
        )
    item = rows[0]["item"]
    return Organisatie(item["id"], item["naam"], item["label"], item.get("cbsCode"))


def mag_landschap_lezen(zicht: Zicht, org: Organisatie, *, ingelogd: bool) -> None:
    """Refuse an export of a landscape of which the asker's roles show nothing at all: the
    statements would leave every row out, and an empty file would read as an empty landscape.
    What the roles do show is decided in the statements, by the landscape reads' rules."""
    if zicht.alle_gebruik or org.id in zicht.landschappen or zicht.producten:
        return
    if not ingelogd:
        raise Unauthenticated("exporting a landscape needs a signed-in role that reads landscapes")
    raise Forbidden(
        f"your roles show nothing of {org.naam}'s landscape: a landscape is read by gebruik roles, "
        "a leverancier's aanbod-beheerder (the Gebruik of its products) and functioneel beheer"
    )


async def lees_landschap(lezer: Lezer, zicht: Zicht, sleutel: str, *, ingelogd: bool = True) -> Landschap:
    """An organisation's landscape as the asker may see it, by its id or a gemeente's CBS code."""
    org = await organisatie(lezer, zicht, sleutel)
    mag_landschap_lezen(zicht, org, ingelogd=ingelogd)
    params = {"organisatie": org.id, **zicht.params()}
    gebruik = tuple(_gebruik(row) for row in await lezer.read("export/gebruik", params))
    koppelingen: tuple[KoppelingRegel, ...] = ()
    if zicht.alle_landschappen or org.id in zicht.landschappen:  # else the statement returns none
        koppelingen = tuple(_koppeling(row) for row in await lezer.read("export/koppelingen", params))
    return Landschap(
        organisatie_id=org.id,
        organisatie_naam=org.naam,
        gebruik=gebruik,
        koppelingen=koppelingen,
        cbs_code=org.cbs_code,
        bron={"bron": "graph_api", "geexporteerd": datetime.now(UTC).isoformat(timespec="seconds")},
    )


async def lees_aanbod(lezer: Lezer, zicht: Zicht, sleutel: str) -> tuple[Organisatie, list[Pakketversie]]:
    """A leverancier's aanbod, one row per version, as the catalogue shows it to the asker."""
    org = await organisatie(lezer, zicht, sleutel, argument="leverancier")
    if org.soort != "Leverancier":
        raise ClientError("NOT_FOUND", f"{org.naam} ({org.id}) is no leverancier", argument="leverancier")
    rows = await lezer.read("export/aanbod", {"leverancier": org.id, **zicht.params()})
    return org, _pakketversies(rows)


async def lees_catalogus(lezer: Lezer, zicht: Zicht) -> list[Pakketversie]:
    """Every leverancier's aanbod, one row per version, as the catalogue shows it to the asker."""
    return _pakketversies(await lezer.read("export/catalogus", zicht.params()))


def _datum(waarde: Any) -> date | None:
    """A date the graph keeps as ISO text (an instant's date part for a timestamp)."""
    if not waarde:
        return None
    return date.fromisoformat(str(waarde)[:10])


def _gemma(item: Mapping[str, Any] | None) -> Gemma | None:
    if item is None:
        return None
    return Gemma(object_id=item.get("gemmaId") or "", naam=item.get("naam") or "", identifier=item.get("id"))


def _gebruik(row: Row) -> GebruikRegel:
    g = row["gebruik"]
    return GebruikRegel(
        gebruik_id=g["id"],
        applicatie_naam=row["applicatieNaam"],
        status=g["status"],
        applicatie_id=row["applicatie"],
        leverancier_id=row["leverancier"],
        leverancier_naam=row["leverancierNaam"],
        versie=row["versie"],
        verwerving_datum=_datum(g.get("verwervingDatum")),
        gepland_datum=_datum(g.get("geplandDatum")),
        start_datum=_datum(g.get("startDatum")),
        uit_te_faseren_datum=_datum(g.get("uitTeFaserenDatum")),
        eind_datum=_datum(g.get("eindDatum")),
        hosting=g.get("hosting"),
        contract_einde=_datum(row["contractEinde"]),
        referentiecomponenten=tuple(
            gemma for item in row["referentiecomponenten"] if (gemma := _gemma(item)) is not None
        ),
        notities=row["notities"],
    )


def _koppeling(row: Row) -> KoppelingRegel:
    k = row["koppeling"]
    return KoppelingRegel(
        van=row["van"],
        type=k["type"],
        richting=k["richting"],
        status=k["status"],
        koppeling_id=k["id"],
        naar=row["naar"],
        naar_voorziening=_gemma(row["voorziening"]),
        standaarden=tuple(gemma for item in row["standaarden"] if (gemma := _gemma(item)) is not None),
        via=row["via"],
        beschrijving=k.get("beschrijving"),
    )


def _pakketversies(rows: list[Row]) -> list[Pakketversie]:
    regels = []
    for row in rows:
        a, v = row["applicatie"], row["versie"] or {}
        regels.append(
            Pakketversie(
                leverancier_id=row["leverancier"],
                leverancier_naam=row["leverancierNaam"],
                pakket_id=a["id"],
                pakket_naam=a["naam"],
                beschrijving=a.get("beschrijving"),
                website=a.get("website"),
                versie=v.get("versie"),
                versie_status=v.get("status"),
                mutatiedatum=_datum(v.get("gewijzigdOp") or v.get("releaseDatum")),
                standaarden=tuple(sorted(row["standaarden"])),
                referentiecomponenten=tuple(sorted(row["referentiecomponenten"])),
            )
        )
    # Sorted here, not in the statement: one order on both engines, whatever their collation.
    regels.sort(key=lambda r: (r.leverancier_naam.casefold(), r.leverancier_id, r.pakket_naam.casefold(),
                               r.pakket_id, r.versie or ""))  # fmt: skip
    return regels
