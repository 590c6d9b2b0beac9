"""Herindeling (F014): functioneel beheer merges two or more gemeenten, on a date, into a new
gemeente or into an existing one. The plan is worked out here from what the gemeenten hold now
(cypher/herindeling/*); the dry run (`herindelingsplan`) answers with it, and applying it
(`voerHerindelingUit`) writes it in one statement (cypher/herindeling/uitvoeren), only at what
the plan read, so it is all or nothing.

What the gemeente kept gets (docs/access.md, "Herindeling"):
- every Gebruik of the dissolved gemeenten; Gebruik of the same application become one,
  `combineer` says how;
- every koppeling, its ends and intermediary re-pointed at the Gebruik kept. A koppeling between
  two Gebruik that became one connects nothing any more and goes (INTERN); of koppelingen that
  now join the same two ends the same way with the same type one stays, with the standards all
  of them followed (DUBBEL);
- their memberships of samenwerkingen and communities (the earliest `sinds`), their neighbours
  but themselves, the sum of their inhabitants and area;
- their people: a membership moves, and a person in several of the gemeenten keeps one with the
  roles united (of the active memberships; deactivated only when every one was).
The dissolved gemeenten stay as `OpgehevenGemeente` with their profile, invitations, access
requests, delegations and change records, `OPGEGAAN_IN` the gemeente kept.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graph_api.domain.landschap.gebruik import LEVENSLOOP, STATUSDATUM, VELDEN
from graph_api.domain.organisaties.registratie import mag_beoordelen
from graph_api.domain.wijzigen import Schrijver, Writer, nu, tekstproblemen, weiger, wijziging
from graph_api.errors import ClientError, Conflict, Duplicate
from graph_api.model import keuzes
from graph_api.model.validate import INVALID_CHOICE, INVALID_TYPE, Problem

LABEL = "Gemeente"
_CBS_CODE = re.compile(r"GM\d{4}")
# Which Gebruik of one application wins when gemeenten merge: the one in production, since the
# merged gemeente runs it wherever one of its parts did; then the one being phased out (still
# running), planned, being acquired; phased out only when every part had phased it out.
VOORRANG = ("IN_PRODUCTIE", "UIT_TE_FASEREN", "GEPLAND", "VERWERVING", "UITGEFASEERD")
# A koppeling's direction seen from its other end.
_OMGEKEERD = {"HEEN": "TERUG", "TERUG": "HEEN", "BEIDE": "BEIDE"}


class Opgeheven(Conflict):
    """The gemeente was dissolved by an earlier herindeling; `details["opgegaanIn"]` names the
    gemeente it went into."""

    code = "DISSOLVED"

    def __init__(self, message: str, *, opgegaan_in: str | None, argument: str):
        super().__init__(message, argument=argument, details={"opgegaanIn": opgegaan_in})


@dataclass(frozen=True)
class NieuweGemeente:
    naam: str
    cbs_code: str
    provincie: str


@dataclass(frozen=True)
class Verplaatst:
    gebruik: str
    van: str  # the dissolved gemeente
    applicatie: str


@dataclass(frozen=True)
class Gecombineerd:
    applicatie: str
    behouden: str  # the Gebruik kept
    status: str  # its status now
    samengevoegd: tuple[str, ...]  # the Gebruik that went into it


@dataclass(frozen=True)
class KoppelingUitkomst:
    koppeling: str
    uitkomst: str  # OMGELEGD, DUBBEL (went: `behouden` is the one kept) or INTERN (went)
    behouden: str | None = None


@dataclass(frozen=True)
class Lid:
    gebruiker: str
    naam: str
    rollen: tuple[str, ...]
    status: str
    uit: tuple[str, ...]  # the gemeenten it was a member of


@dataclass(frozen=True)
class Deelname:
    organisatie: str
    sinds: str | None


@dataclass
class Plan:
    doel: str  # the gemeente kept (a new one's id is its CBS code)
    nieuw: bool
    naam: str
    datum: str
    opgeheven: tuple[str, ...]
    inwoners: int
    oppervlakte_km2: float | None
    verplaatst: list[Verplaatst] = field(default_factory=list)
    gecombineerd: list[Gecombineerd] = field(default_factory=list)
    koppelingen: list[KoppelingUitkomst] = field(default_factory=list)
    deelnames: list[Deelname] = field(default_factory=list)
    leden: list[Lid] = field(default_factory=list)
    buren: list[str] = field(default_factory=list)


def combineer(gebruik: list[Mapping[str, Any]]) -> dict[str, Any]:
    """The fields of the one Gebruik that Gebruik of one application in several merged gemeenten
    become, the winner first (`VOORRANG`): its status; the earliest date of each status up to
    its own along the lifecycle (when the merged gemeente first had it so), its own dates after
    that; its hosting and contract end unless it has none; the notes of all, each once."""
    winnaar = gebruik[0]
    velden: dict[str, Any] = {"status": winnaar["status"]}
    tot = LEVENSLOOP.statussen.index(winnaar["status"])
    for status, veld in STATUSDATUM.items():
        if LEVENSLOOP.statussen.index(status) <= tot:
            datums = [g[veld] for g in gebruik if g.get(veld)]
            velden[veld] = min(datums) if datums else None
        else:
            velden[veld] = winnaar.get(veld)
    for veld in ("hosting", "contractEinde"):
        velden[veld] = next((g[veld] for g in gebruik if g.get(veld)), None)
    notities = [g["notities"] for g in gebruik if g.get("notities")]
    velden["notities"] = "\n\n".join(dict.fromkeys(notities)) or None
    return velden


def _erbij(groep: list[dict[str, Any]], veld: str) -> list[str]:
    """What the others of a group have of `veld` (components, ...) and the one kept not yet."""
    return sorted({x for r in groep[1:] for x in r[veld]} - set(groep[0][veld]))


def _datum(datum: str) -> list[Problem]:
    try:
        date.fromisoformat(datum)
    except ValueError:
        return [Problem("datum", INVALID_TYPE, "must be an ISO-8601 date (2027-01-01)")]
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", datum):
        return [Problem("datum", INVALID_TYPE, "must be an ISO-8601 date (2027-01-01)")]
    return []


def _invoer(gemeenten: list[str], naar: str | None, nieuw: NieuweGemeente | None, datum: str) -> None:
    """What the input says wrong whatever the graph holds."""
    problems = tekstproblemen({"gemeenten": gemeenten, "naar": naar, "datum": datum})
    problems += _datum(datum.strip())
    if nieuw is not None:
        problems += tekstproblemen(
            {"nieuweGemeente.naam": nieuw.naam, "nieuweGemeente.cbsCode": nieuw.cbs_code}
        )
        if not nieuw.naam.strip():
            problems.append(Problem("nieuweGemeente.naam", "REQUIRED", "must not be empty"))
        if not _CBS_CODE.fullmatch(nieuw.cbs_code.strip().upper()):
            problems.append(
                Problem("nieuweGemeente.cbsCode", INVALID_TYPE, "must be GM and four digits (GM0363)")
            )
        if nieuw.provincie.strip() not in keuzes.PROVINCIES:
            problems.append(
                Problem("nieuweGemeente.provincie", INVALID_CHOICE,
                        f"must be one of {', '.join(keuzes.PROVINCIES)}")
            )  # fmt: skip
    weiger(LABEL, problems)
    if (naar is None) == (nieuw is None):
        raise ClientError(
            "INVALID_ARGUMENT",
            "name either the existing gemeente they go into (naar) or the new one (nieuweGemeente)",
            argument="input.naar",
        )
    for i, id_ in enumerate(gemeenten):
        if id_ in gemeenten[:i]:
            raise ClientError("INVALID_ARGUMENT", f"{id_} is named twice", argument=f"input.gemeenten.{i}")
    if naar is not None and naar in gemeenten:
        raise ClientError(
            "INVALID_ARGUMENT",
            f"{naar} is among the gemeenten dissolved: the gemeente kept is not dissolved",
            argument="input.naar",
        )
    if len(gemeenten) + (naar is not None) < 2:
        raise ClientError(
            "INVALID_ARGUMENT",
            "a herindeling joins two or more gemeenten: name at least two, or one and the gemeente "
            "it goes into",
            argument="input.gemeenten",
        )


async def _organisaties(
    store: Writer, gemeenten: list[str], naar: str | None, nieuw: NieuweGemeente | None
) -> dict[str, dict[str, Any]]:
    ids = [*gemeenten, *([naar] if naar else [])]
    code = nieuw.cbs_code.strip().upper() if nieuw else None
    rows = await store.read("herindeling/organisaties", {"ids": ids, "cbsCode": code})
    gevonden = {row["sleutel"]: row for row in rows}
    for i, id_ in enumerate(ids):
        argument = f"input.gemeenten.{i}" if i < len(gemeenten) else "input.naar"
        row = gevonden[id_]
        organisatie = row["organisatie"]
        if organisatie is None:
            raise ClientError("NOT_FOUND", f"there is no gemeente {id_!r}", argument=argument)
        if organisatie["label"] == "OpgehevenGemeente":
            raise Opgeheven(
                f"{id_} was dissolved on {organisatie.get('opgeheven')} into {row['opgegaanIn']}",
                opgegaan_in=row["opgegaanIn"], argument=argument,
            )  # fmt: skip
        if organisatie["label"] != "Gemeente":
            raise ClientError(
                "INVALID_ARGUMENT", f"{id_} is no gemeente but a {organisatie['label']}", argument=argument
            )
    if rows and rows[0]["codeBezet"]:
        raise Duplicate(
            f"the CBS code {code} is taken by a gemeente, or was by a dissolved one",
            argument="input.nieuweGemeente.cbsCode",
        )
    return {id_: gevonden[id_]["organisatie"] for id_ in ids}


@dataclass
class _Stand:
    """What the plan read: the rows of cypher/herindeling/*, and the plan's writes worked out."""

    organisaties: dict[str, dict[str, Any]]
    gebruik: list[dict[str, Any]]
    koppelingen: list[dict[str, Any]]
    leden: list[dict[str, Any]]
    deelnames: list[dict[str, Any]]

    def vingerafdruk(self) -> list[str]:
        """What the write finds again before it writes (cypher/herindeling/uitvoeren)."""
        gebruik_ids = {row["gebruik"]["id"] for row in self.gebruik}
        delen = [f"g:{row['gebruik']['id']}/{row['gebruik'].get('versie') or 1}" for row in self.gebruik]
        for row in self.koppelingen:
            k = row["koppeling"]
            for eind in (row["van"], row["naar"]):
                if eind in gebruik_ids:
                    delen.append(f"k:{k['id']}/{k.get('versie') or 1}")
        delen += [f"l:{row['gebruiker']}/{row['versie']}" for row in self.leden]
        delen += [f"{'d' if row['soort'] == 'DEELNAME' else 'b'}:{row['ander']}" for row in self.deelnames]
        return sorted(delen)


async def _stand(store: Writer, organisaties: dict[str, dict[str, Any]], betrokken: list[str]) -> _Stand:
    params = {"ids": betrokken}
    return _Stand(
        organisaties,
        await store.read("herindeling/gebruik", params),
        await store.read("herindeling/koppelingen", params),
        await store.read("herindeling/leden", params),
        await store.read("herindeling/deelnames", params),
    )


def _volgorde(betrokken: list[str], doel: str | None) -> dict[str, int]:
    """The gemeente kept first, then the others as named: ties of `VOORRANG` go that way."""
    eerst = [doel] if doel else []
    return {id_: i for i, id_ in enumerate([*eerst, *(b for b in betrokken if b != doel)])}


def _plan(
    stand: _Stand, gemeenten: list[str], naar: str | None, nieuw: NieuweGemeente | None, datum: str
) -> tuple[Plan, dict[str, Any]]:
    """The plan, and what the write statement needs of it beyond the plan's lists."""
    betrokken = [*gemeenten, *([naar] if naar else [])]
    orgs = stand.organisaties
    doel = naar or (nieuw.cbs_code.strip().upper() if nieuw else "")
    oppervlakten = [orgs[g].get("oppervlakteKm2") for g in betrokken]
    plan = Plan(
        doel=doel, nieuw=naar is None,
        naam=orgs[naar]["naam"] if naar else (nieuw.naam.strip() if nieuw else ""),
        datum=datum, opgeheven=tuple(gemeenten),
        inwoners=sum(int(orgs[g].get("inwoners") or 0) for g in betrokken),
        oppervlakte_km2=round(sum(o for o in oppervlakten if o), 2) if all(oppervlakten) else None,
    )  # fmt: skip
    volgorde = _volgorde(betrokken, naar)

    # Gebruik: per application, the winner kept, the others into it.
    per_app: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in stand.gebruik:
        per_app[row["applicatie"]].append(row)
    naar_gebruik: dict[str, str] = {}  # every Gebruik id -> the Gebruik kept
    paren, verplaatst_ids = [], []
    for app in sorted(per_app):
        groep = sorted(
            per_app[app],
            key=lambda r: (
                VOORRANG.index(r["gebruik"]["status"]),
                volgorde[r["organisatie"]],
                r["gebruik"]["id"],
            ),
        )
        kept = groep[0]
        kept_id = kept["gebruik"]["id"]
        for row in groep:
            naar_gebruik[row["gebruik"]["id"]] = kept_id
        if kept["organisatie"] != naar:
            plan.verplaatst.append(Verplaatst(kept_id, kept["organisatie"], app))
            verplaatst_ids.append(kept_id)
        if len(groep) == 1:
            continue
        velden = combineer([r["gebruik"] for r in groep])
        versie = None
        if not kept["versies"]:
            versie = next((r["versies"][0] for r in groep if r["versies"]), None)
        paren.append({
            "behouden": kept_id,
            "weg": [r["gebruik"]["id"] for r in groep[1:]],
            "eigenschappen": velden,
            "versie": versie,
            **{veld: _erbij(groep, veld) for veld in ("voor", "diensten", "registraties")},
        })  # fmt: skip
        plan.gecombineerd.append(
            Gecombineerd(app, kept_id, velden["status"], tuple(r["gebruik"]["id"] for r in groep[1:]))
        )

    # Koppelingen: re-pointed; those that connect nothing or duplicate another go.
    koppelingen, herberekend = [], []
    gecombineerd = {p["behouden"] for p in paren}  # their components grew: the flags follow
    bestaand: dict[tuple[str, str, str, str], str] = {}

    # Those whose ends stay first, so that a duplicate goes rather than one that did not move.
    def omgelegd(row: dict[str, Any]) -> bool:
        return any(naar_gebruik.get(e, e) != e for e in (row["van"], row["naar"], row["via"]) if e)

    for row in sorted(stand.koppelingen, key=lambda r: (omgelegd(r), r["koppeling"]["id"])):
        k = row["koppeling"]
        van, eind = naar_gebruik.get(row["van"], row["van"]), naar_gebruik.get(row["naar"], row["naar"])
        via = naar_gebruik.get(row["via"], row["via"]) if row["via"] else None
        if van == eind:
            plan.koppelingen.append(KoppelingUitkomst(k["id"], "INTERN"))
            koppelingen.append({"id": k["id"], "weg": True})
            continue
        sleutel = (van, eind, k["type"], k["richting"])
        if eind < van:
            sleutel = (eind, van, k["type"], _OMGEKEERD[k["richting"]])
        if sleutel in bestaand:
            plan.koppelingen.append(KoppelingUitkomst(k["id"], "DUBBEL", bestaand[sleutel]))
            koppelingen.append(
                {"id": k["id"], "weg": True, "in": bestaand[sleutel], "volgens": row["volgens"]}
            )
            herberekend.append(bestaand[sleutel])
            continue
        bestaand[sleutel] = k["id"]
        if omgelegd(row):
            plan.koppelingen.append(KoppelingUitkomst(k["id"], "OMGELEGD"))
            koppelingen.append({"id": k["id"], "weg": False, "van": van, "naar": eind, "via": via})
        if van in gecombineerd or eind in gecombineerd:
            herberekend.append(k["id"])
    # Standards of a duplicate move to the one kept before it goes.
    gevolgd = {row["koppeling"]["id"]: row["volgens"] for row in stand.koppelingen}
    erbij: dict[str, set[str]] = defaultdict(set)
    for k in koppelingen:
        if k.get("in"):
            erbij[k["in"]] |= set(k["volgens"]) - set(gevolgd[k["in"]])
    volgens = [{"koppeling": k, "standaarden": sorted(s)} for k, s in sorted(erbij.items()) if s]

    # Memberships of samenwerkingen and communities, and neighbours.
    sinds: dict[str, list[str]] = defaultdict(list)
    leden_van: set[str] = set()
    buren: set[str] = set()
    for row in stand.deelnames:
        if row["soort"] == "DEELNAME":
            leden_van.add(row["ander"])
            if row["sinds"]:
                sinds[row["ander"]].append(row["sinds"])
        elif row["ander"] not in betrokken:
            buren.add(row["ander"])
    plan.deelnames = [Deelname(o, min(sinds[o]) if sinds[o] else None) for o in sorted(leden_van)]
    al_buur = {r["ander"] for r in stand.deelnames if r["soort"] == "BUUR" and r["organisatie"] == naar}
    plan.buren = sorted(buren)

    # People: one membership each, roles united.
    per_persoon: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in stand.leden:
        per_persoon[row["gebruiker"]].append(row)
    for gebruiker in sorted(per_persoon):
        rows = per_persoon[gebruiker]
        actief = [r for r in rows if r["status"] == "ACTIEF"]
        rollen = {rol for r in (actief or rows) for rol in r["rollen"]}
        plan.leden.append(Lid(
            gebruiker, rows[0]["naam"], tuple(r for r in keuzes.ROLLEN if r in rollen),
            "ACTIEF" if actief else "GEDEACTIVEERD", tuple(sorted(r["organisatie"] for r in rows)),
        ))  # fmt: skip

    extra = {
        "paren": paren,
        "verplaatst": verplaatst_ids,
        "koppelingen": [k for k in koppelingen if not k["weg"]],
        "vervallen": [k["id"] for k in koppelingen if k["weg"]],
        "volgens": volgens,
        "herberekend": sorted(set(herberekend)),
        "nieuweDeelnames": [{"organisatie": d.organisatie, "sinds": d.sinds} for d in plan.deelnames],
        "nieuweBuren": sorted(buren - al_buur),
    }
    return plan, extra


async def plan(
    store: Writer,
    schrijver: Schrijver,
    *,
    gemeenten: list[str],
    naar: str | None,
    nieuw: NieuweGemeente | None,
    datum: str,
    wat: str = "herindelingsplan",
) -> tuple[Plan, _Stand, dict[str, Any]]:
    """The whole plan of the herindeling, as it would be applied now; nothing is written."""
    mag_beoordelen(schrijver, wat)
    _invoer(gemeenten, naar, nieuw, datum)
    organisaties = await _organisaties(store, gemeenten, naar, nieuw)
    betrokken = [*gemeenten, *([naar] if naar else [])]
    stand = await _stand(store, organisaties, betrokken)
    uitgewerkt, extra = _plan(stand, gemeenten, naar, nieuw, datum.strip())
    return uitgewerkt, stand, extra


def _records(
    schrijver: Schrijver, plan: Plan, stand: _Stand, extra: dict[str, Any], tijdstip: str, nieuw: dict | None
) -> list[dict[str, Any]]:
    """The change records: one per gemeente (HERINGEDEELD, the kept one's with the request's
    key), one per Gebruik that changed gemeente, changed fields or went."""
    doel = plan.doel
    per_id = {row["gebruik"]["id"]: row for row in stand.gebruik}
    records = []
    for paar in extra["paren"]:
        kept = per_id[paar["behouden"]]["gebruik"]
        gewijzigd = sorted(v for v in VELDEN if paar["eigenschappen"].get(v) != kept.get(v))
        records.append(wijziging(
            schrijver, organisatie=doel, object_id=kept["id"], label="Gebruik", operatie="GEWIJZIGD",
            tijdstip=tijdstip, voor={v: kept.get(v) for v in gewijzigd},
            na={**{v: paar["eigenschappen"][v] for v in gewijzigd}, "samengevoegdMet": paar["weg"]},
            met_sleutel=False,
        ))  # fmt: skip
        for weg in paar["weg"]:
            row = per_id[weg]
            records.append(wijziging(
                schrijver, organisatie=row["organisatie"], object_id=weg, label="Gebruik",
                operatie="SAMENGEVOEGD", tijdstip=tijdstip,
                voor={**{v: row["gebruik"].get(v) for v in VELDEN}, "applicatie": row["applicatie"]},
                na={"samengevoegdMet": paar["behouden"], "organisatie": doel}, met_sleutel=False,
            ))  # fmt: skip
    for v in plan.verplaatst:
        records.append(wijziging(
            schrijver, organisatie=doel, object_id=v.gebruik, label="Gebruik", operatie="HERINGEDEELD",
            tijdstip=tijdstip, voor={"organisatie": v.van}, na={"organisatie": doel}, met_sleutel=False,
        ))  # fmt: skip
    for gemeente in plan.opgeheven:
        org = stand.organisaties[gemeente]
        records.append(wijziging(
            schrijver, organisatie=gemeente, object_id=gemeente, label=LABEL, operatie="HERINGEDEELD",
            tijdstip=tijdstip, voor={"status": org["status"]},
            na={"status": "GEDEACTIVEERD", "opgeheven": plan.datum, "opgegaanIn": doel,
                "gebruik": sorted(r["gebruik"]["id"] for r in stand.gebruik if r["organisatie"] == gemeente),
                "leden": sorted(r["gebruiker"] for r in stand.leden if r["organisatie"] == gemeente),
                "deelnames": sorted(r["ander"] for r in stand.deelnames
                                    if r["organisatie"] == gemeente and r["soort"] == "DEELNAME")},
            met_sleutel=False,
        ))  # fmt: skip
    samenvatting = {
        "voorgangers": list(plan.opgeheven), "opgeheven": plan.datum, "inwoners": plan.inwoners,
        "verplaatst": len(plan.verplaatst), "gecombineerd": len(plan.gecombineerd),
        "koppelingenVervallen": len(extra["vervallen"]),
    }  # fmt: skip
    voor = None if nieuw else {"inwoners": stand.organisaties[doel].get("inwoners")}
    records.append(wijziging(
        schrijver, organisatie=doel, object_id=doel, label=LABEL, operatie="HERINGEDEELD",
        tijdstip=tijdstip, voor=voor, na={**(nieuw or {}), **samenvatting},
    ))  # fmt: skip
    return records


async def voer_uit(
    store: Writer,
    schrijver: Schrijver,
    *,
    gemeenten: list[str],
    naar: str | None,
    nieuw: NieuweGemeente | None,
    datum: str,
) -> Plan:
    """Apply the herindeling as planned now, all or nothing (docs/access.md, "Herindeling")."""
    uitgewerkt, stand, extra = await plan(
        store, schrijver, gemeenten=gemeenten, naar=naar, nieuw=nieuw, datum=datum, wat="voerHerindelingUit"
    )
    tijdstip = nu()
    betrokken = [*gemeenten, *([naar] if naar else [])]
    gemeente = None
    if nieuw is not None:
        gemeente = {
            "id": uitgewerkt.doel, "naam": uitgewerkt.naam, "status": "ACTIEF", "cbsCode": uitgewerkt.doel,
            "provincie": nieuw.provincie.strip(), "inwoners": uitgewerkt.inwoners, "aangemaakt": tijdstip,
            **({} if uitgewerkt.oppervlakte_km2 is None else {"oppervlakteKm2": uitgewerkt.oppervlakte_km2}),
        }  # fmt: skip
    records = _records(schrijver, uitgewerkt, stand, extra, tijdstip, gemeente)
    rows = await store.write(
        "herindeling/uitvoeren",
        {
            "betrokken": betrokken,
            "opgeheven": gemeenten,
            "doel": uitgewerkt.doel,
            "nieuw": gemeente,
            "stand": stand.vingerafdruk(),
            "datum": uitgewerkt.datum,
            "inwoners": uitgewerkt.inwoners,
            "oppervlakteKm2": uitgewerkt.oppervlakte_km2,
            "paren": extra["paren"],
            "behoudenGebruik": [p["behouden"] for p in extra["paren"]],
            "verplaatst": extra["verplaatst"],
            "koppelingen": extra["koppelingen"],
            "vervallen": extra["vervallen"],
            "volgens": extra["volgens"],
            "herberekend": extra["herberekend"],
            "deelnames": extra["nieuweDeelnames"],
            "leden": [
                {
                    "gebruiker": lid.gebruiker,
                    "rollen": list(lid.rollen),
                    "status": None if lid.status == "ACTIEF" else lid.status,
                }
                for lid in uitgewerkt.leden
            ],
            "buren": extra["nieuweBuren"],
            "tijdstip": tijdstip,
            "door": schrijver.gebruiker,
            "wijzigingen": records,
        },
    )
    if not rows:  # changed meanwhile: say what is wrong now, or that it changed
        await plan(store, schrijver, gemeenten=gemeenten, naar=naar, nieuw=nieuw, datum=datum)
        raise Duplicate(
            "the gemeenten's landscapes, people or memberships changed while the herindeling was "
            "planned: try again",
            argument="input.gemeenten",
        )
    return uitgewerkt
