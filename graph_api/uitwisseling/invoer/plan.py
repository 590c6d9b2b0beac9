"""The plan of an import (its dry run): what each row of a file would do to an organisation's
landscape as the graph holds it now. Every row is AANMAKEN, WIJZIGEN (which fields, from what
to what), ONGEWIJZIGD, or FOUT (with where and why); applying (toepassen.py) writes exactly the
plan, and only a plan without FOUT.

Matching, as docs/exchange.md ("Importing") says it:
- a Gebruik by its Gebruik ID when that is one of this organisation's; else its application,
  by Pakket ID, else by name and leverancier (normalised: case and spaces), and the
  organisation's Gebruik of that application. Two applications that fit are ambiguous: FOUT,
  never a guess. A file exported elsewhere names other ids: its rows create Gebruik here.
- GEMMA elements by `Object ID` (the GEMMA Online object id; the GEMMA identifier is read too).
- a koppeling by its Koppeling ID when that is one of this organisation's; else by its two
  ends and type. A koppeling's ends are what it is: another end is another koppeling.
Rows absent from the file are left alone: an import deletes nothing.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graph_api.domain import Reader
from graph_api.domain.landschap import gebruik as gebruik_domein
from graph_api.domain.landschap import koppeling as koppeling_domein
from graph_api.domain.wijzigen import nieuw_id
from graph_api.model.validate import check
from graph_api.store.base import Row
from graph_api.uitwisseling.invoer.gelezen import KOPPELINGEN, PAKKETOVERZICHT, Fout, Gelezen
from graph_api.uitwisseling.landschap import GebruikRegel, Gemma, KoppelingRegel

AANMAKEN, WIJZIGEN, ONGEWIJZIGD, FOUT = "AANMAKEN", "WIJZIGEN", "ONGEWIJZIGD", "FOUT"
UITKOMSTEN = (AANMAKEN, WIJZIGEN, ONGEWIJZIGD, FOUT)

# The codes of a row the graph refuses (beside those of gelezen.py, a row the file cannot say).
UNKNOWN_APPLICATION = "UNKNOWN_APPLICATION"
AMBIGUOUS_APPLICATION = "AMBIGUOUS_APPLICATION"
RETIRED = "RETIRED"
UNKNOWN_VERSION = "UNKNOWN_VERSION"
UNKNOWN_REFERENTIECOMPONENT = "UNKNOWN_REFERENTIECOMPONENT"
UNKNOWN_VOORZIENING = "UNKNOWN_VOORZIENING"
UNKNOWN_STANDAARD = "UNKNOWN_STANDAARD"
UNKNOWN_GEBRUIK = "UNKNOWN_GEBRUIK"
DUPLICATE = "DUPLICATE"
AMBIGUOUS_KOPPELING = "AMBIGUOUS_KOPPELING"
ENDS_DIFFER = "ENDS_DIFFER"
TRANSITION_NOT_ALLOWED = "TRANSITION_NOT_ALLOWED"
INVALID_VALUE = "INVALID_VALUE"

# A GebruikRegel's fields: their column, and the graph's property.
GEBRUIK_VELDEN = (
    ("status", "Gebruik status", "status"),
    ("verwerving_datum", "Verwerving datum", "verwervingDatum"),
    ("gepland_datum", "Gepland datum", "geplandDatum"),
    ("start_datum", "Start datum", "startDatum"),
    ("uit_te_faseren_datum", "Uit te faseren datum", "uitTeFaserenDatum"),
    ("eind_datum", "Eind datum", "eindDatum"),
    ("hosting", "Hosting", "hosting"),
    ("contract_einde", "Contract einde", "contractEinde"),
    ("notities", "Notities", "notities"),
)
KOPPELING_VELDEN = (
    ("type", "Type", "type"),
    ("richting", "Richting", "richting"),
    ("status", "Status", "status"),
    ("beschrijving", "Beschrijving", "beschrijving"),
)


def normaal(tekst: str | None) -> str:
    """A name as matched: case and runs of spaces do not count."""
    return " ".join((tekst or "").split()).casefold()


@dataclass(frozen=True)
class Veld:
    veld: str
    van: Any
    naar: Any


@dataclass
class Uitkomst:
    """One row's outcome: `id` is the graph's object (found, or the id it would be made with)."""

    tabel: str
    plaats: int | str | None
    sleutel: str | None  # the row's own key in the file: its Gebruik ID or Koppeling ID
    uitkomst: str = ONGEWIJZIGD
    id: str | None = None
    velden: list[Veld] = field(default_factory=list)
    fouten: list[Fout] = field(default_factory=list)

    def fout(self, kolom: str | None, code: str, melding: str) -> None:
        self.uitkomst = FOUT
        self.fouten.append(Fout(self.tabel, self.plaats, kolom, code, melding))


@dataclass
class Schrijfactie:
    """What applying does to one object: its properties (all when created, the changed ones
    else), and its relations where they are replaced (None: left as they are)."""

    id: str
    versie: int  # the versie it was found at (0: created)
    eigenschappen: dict[str, Any]
    voor: dict[str, Any]  # the changed fields before, for the change record
    na: dict[str, Any]
    applicatie: str | None = None  # a new Gebruik's
    versies: list[str] | None = None
    componenten: list[str] | None = None
    van: str | None = None  # a new koppeling's ends
    naar: str | None = None
    via: list[str] | None = None
    standaardversies: list[str] | None = None


@dataclass
class Plan:
    organisatie: str
    gebruik: list[Uitkomst]
    koppelingen: list[Uitkomst]
    fouten: list[Fout]  # every Fout: of the file, its tables and its rows
    stand: list[str]  # every Gebruik and koppeling of the landscape as `id@versie`
    gebruik_acties: list[Schrijfactie]
    koppeling_acties: list[Schrijfactie]

    @property
    def aantallen(self) -> dict[str, dict[str, int]]:
        def tel(uitkomsten: list[Uitkomst]) -> dict[str, int]:
            return {soort: sum(1 for u in uitkomsten if u.uitkomst == soort) for soort in UITKOMSTEN}

        return {"gebruik": tel(self.gebruik), "koppelingen": tel(self.koppelingen)}

    @property
    def vingerafdruk(self) -> str:
        """The landscape the plan was made against, short: an apply that names it is refused
        when the landscape is another by then (LANDSCAPE_CHANGED)."""
        return hashlib.sha256("\n".join(sorted(self.stand)).encode()).hexdigest()[:16]

    @property
    def toepasbaar(self) -> bool:
        return not self.fouten

    @property
    def verandert(self) -> bool:
        return bool(self.gebruik_acties or self.koppeling_acties)


@dataclass(frozen=True)
class Graaf:
    """What the plan compares a file with, as read (cypher/invoer/): the organisation's Gebruik
    and koppelingen, the catalogue's applications and GEMMA's elements."""

    gebruik: list[Row]
    koppelingen: list[Row]
    applicaties: list[Row]
    gemma: Row


async def lees_graaf(store: Reader, organisatie: str) -> Graaf:
    """What the plan compares with, read where the asker may change the landscape."""
    params = {"organisatie": organisatie}
    [gemma] = await store.read("invoer/gemma", {})
    return Graaf(
        gebruik=await store.read("invoer/gebruik", params),
        koppelingen=await store.read("invoer/koppelingen", params),
        applicaties=await store.read("invoer/catalogus", {}),
        gemma=gemma,
    )


class _Catalogus:
    def __init__(self, graaf: Graaf):
        self.applicaties = {a["id"]: a for a in graaf.applicaties}
        self.op_naam: dict[str, list[Row]] = defaultdict(list)
        for a in graaf.applicaties:
            self.op_naam[normaal(a["naam"])].append(a)
        self.componenten = _gemma(graaf.gemma["componenten"])
        self.voorzieningen = _gemma(graaf.gemma["voorzieningen"])
        self.standaardversies = _gemma(graaf.gemma["standaardversies"])


def _gemma(rows: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """Element ids by Object ID (gemmaId) and by GEMMA identifier."""
    ids: dict[str, str] = {}
    for row in rows:
        if row.get("id") is None:  # what an OPTIONAL MATCH of nothing collects
            continue
        ids[row["id"].casefold()] = row["id"]
        if row.get("gemmaId"):
            ids[row["gemmaId"].casefold()] = row["id"]
    return ids


def _tekst(waarde: Any) -> Any:
    return waarde.isoformat() if isinstance(waarde, date) else waarde


def maak(organisatie: str, gelezen: Gelezen, graaf: Graaf) -> Plan:
    catalogus = _Catalogus(graaf)
    fouten = list(gelezen.fouten)
    bestaand = {row["gebruik"]["id"]: row for row in graaf.gebruik}
    per_applicatie = {row["applicatie"]: row for row in graaf.gebruik}
    stand = [f"{g}@{row['gebruik'].get('versie') or 1}" for g, row in bestaand.items()]
    stand += [f"{row['koppeling']['id']}@{row['koppeling'].get('versie') or 1}" for row in graaf.koppelingen]

    uitkomsten_g: list[Uitkomst] = []
    acties_g: list[Schrijfactie] = []
    ids: dict[str, str] = {}  # the file's Gebruik ID → the graph's
    gebruikt: dict[str, Uitkomst] = {}  # a graph Gebruik → the row that names it
    in_fout = set(gelezen.onleesbaar)  # the file's Gebruik IDs whose rows are FOUT
    for regel, plaats in zip(gelezen.landschap.gebruik, gelezen.plaatsen_gebruik, strict=True):
        uitkomst = Uitkomst(PAKKETOVERZICHT, plaats, regel.gebruik_id)
        uitkomsten_g.append(uitkomst)
        in_fout.add(regel.gebruik_id)  # until the row proves good
        gevonden = _gebruik_gevonden(regel, uitkomst, bestaand, per_applicatie, catalogus)
        if gevonden is None:
            continue
        applicatie, huidig = gevonden
        gebruik_id = huidig["gebruik"]["id"] if huidig else nieuw_id(f"geb-{organisatie}")
        uitkomst.id = gebruik_id
        if gebruik_id in gebruikt:
            eerder = gebruikt[gebruik_id]
            uitkomst.fout(
                "Gebruik ID", DUPLICATE,
                f"this row and line {eerder.plaats} are both the Gebruik of {applicatie['naam']!r}: "
                "an organisation uses an application once",
            )  # fmt: skip
            continue
        gebruikt[gebruik_id] = uitkomst
        actie = _gebruik_actie(regel, uitkomst, gelezen, applicatie, huidig, catalogus, gebruik_id)
        if uitkomst.uitkomst == FOUT:
            continue
        ids[regel.gebruik_id] = gebruik_id
        in_fout.discard(regel.gebruik_id)
        if actie is not None:
            acties_g.append(actie)

    uitkomsten_k: list[Uitkomst] = []
    acties_k: list[Schrijfactie] = []
    kop_bestaand = {row["koppeling"]["id"]: row for row in graaf.koppelingen}
    op_einden: dict[tuple[str, str, str], list[Row]] = defaultdict(list)
    for row in graaf.koppelingen:
        op_einden[(row["van"], row["naar"], row["koppeling"]["type"])].append(row)
    genoemd: dict[str, Uitkomst] = {}
    for regel_k, plaats in zip(gelezen.landschap.koppelingen, gelezen.plaatsen_koppelingen, strict=True):
        uitkomst = Uitkomst(KOPPELINGEN, plaats, regel_k.koppeling_id)
        uitkomsten_k.append(uitkomst)
        einden = _einden(regel_k, uitkomst, ids, frozenset(in_fout), catalogus)
        if einden is None:
            continue
        van, naar, via, versies = einden
        huidig_k = _koppeling_gevonden(
            regel_k, uitkomst, van, naar, via, versies, kop_bestaand, op_einden, genoemd
        )
        if uitkomst.uitkomst == FOUT:
            continue
        koppeling_id = huidig_k["koppeling"]["id"] if huidig_k else nieuw_id(f"kop-{organisatie}")
        uitkomst.id = koppeling_id
        if koppeling_id in genoemd:
            uitkomst.fout(
                "Koppeling ID",
                DUPLICATE,
                f"this row and line {genoemd[koppeling_id].plaats} are the same koppeling",
            )
            continue
        genoemd[koppeling_id] = uitkomst
        actie_k = _koppeling_actie(
            regel_k, uitkomst, gelezen, huidig_k, koppeling_id, van, naar, via, versies
        )
        if actie_k is not None and uitkomst.uitkomst != FOUT:
            acties_k.append(actie_k)

    for uitkomst in uitkomsten_g + uitkomsten_k:
        fouten.extend(uitkomst.fouten)
    # A row the reader could not read has no outcome yet: it is a FOUT of its own line.
    for fout in gelezen.fouten:
        if fout.plaats is None or fout.plaats == 1:  # the file's, a table's or its header's
            continue
        lijst = uitkomsten_g if fout.tabel == PAKKETOVERZICHT else uitkomsten_k
        regel_fout = next((u for u in lijst if u.plaats == fout.plaats), None)
        if regel_fout is None:
            lijst.append(Uitkomst(fout.tabel, fout.plaats, None, FOUT, fouten=[fout]))
        else:
            regel_fout.uitkomst = FOUT
            regel_fout.fouten.append(fout)
    for lijst in (uitkomsten_g, uitkomsten_k):
        lijst.sort(key=_volgorde)
    return Plan(organisatie, uitkomsten_g, uitkomsten_k, fouten, stand, acties_g, acties_k)


def _gebruik_gevonden(
    regel: GebruikRegel,
    uitkomst: Uitkomst,
    bestaand: Mapping[str, Row],
    per_applicatie: Mapping[str, Row],
    catalogus: _Catalogus,
) -> tuple[Row, Row | None] | None:
    """The application of a row and the organisation's Gebruik of it (None: none yet)."""
    huidig = bestaand.get(regel.gebruik_id)
    if huidig is not None:
        applicatie = catalogus.applicaties.get(huidig["applicatie"])
        if regel.applicatie_id and regel.applicatie_id != huidig["applicatie"]:
            uitkomst.fout(
                "Pakket ID", ENDS_DIFFER,
                f"Gebruik {regel.gebruik_id} is of {huidig['applicatie']}, not {regel.applicatie_id}: "
                "a Gebruik's application does not change",
            )  # fmt: skip
            return None
        if applicatie is None:  # a concept the asker does not see: not to be changed by file
            uitkomst.fout(
                "Pakket ID", UNKNOWN_APPLICATION, f"there is no application {huidig['applicatie']!r}"
            )
            return None
        return applicatie, huidig
    applicatie = catalogus.applicaties.get(regel.applicatie_id or "")
    if applicatie is None:
        kandidaten = catalogus.op_naam.get(normaal(regel.applicatie_naam), [])
        if regel.leverancier_id and any(regel.leverancier_id in a["leveranciers"] for a in kandidaten):
            kandidaten = [a for a in kandidaten if regel.leverancier_id in a["leveranciers"]]
        elif regel.leverancier_naam:
            naam = normaal(regel.leverancier_naam)
            kandidaten = [a for a in kandidaten if naam in {normaal(n) for n in a["leveranciersnamen"]}]
        if not kandidaten:
            door = f" by {regel.leverancier_naam!r}" if regel.leverancier_naam else ""
            uitkomst.fout(
                "Pakket Naam", UNKNOWN_APPLICATION,
                f"the catalogue has no application {regel.applicatie_naam!r}{door}",
            )  # fmt: skip
            return None
        if len(kandidaten) > 1:
            welke = ", ".join(sorted(a["id"] for a in kandidaten))
            uitkomst.fout(
                "Pakket Naam", AMBIGUOUS_APPLICATION,
                f"{regel.applicatie_naam!r} names {len(kandidaten)} applications ({welke}): give its "
                "Pakket ID or Leverancier Naam",
            )  # fmt: skip
            return None
        applicatie = kandidaten[0]
    huidig = per_applicatie.get(applicatie["id"])
    if huidig is None and applicatie["status"] == "TERUGGETROKKEN":
        uitkomst.fout(
            "Pakket ID", RETIRED, f"{applicatie['id']} is retired by its leverancier: no new Gebruik of it"
        )
        return None
    return applicatie, huidig


def _gebruik_actie(
    regel: GebruikRegel,
    uitkomst: Uitkomst,
    gelezen: Gelezen,
    applicatie: Row,
    huidig: Row | None,
    catalogus: _Catalogus,
    gebruik_id: str,
) -> Schrijfactie | None:
    kolom = lambda naam: gelezen.heeft_kolom(PAKKETOVERZICHT, naam)  # noqa: E731
    nieuw: dict[str, Any] = {
        prop: _tekst(getattr(regel, attr))
        for attr, naam, prop in GEBRUIK_VELDEN
        if huidig is None or kolom(naam)
    }
    if huidig is None:
        nieuw = {k: v for k, v in nieuw.items() if v is not None}
    for probleem in check("Gebruik", nieuw, partial=True):
        uitkomst.fout(probleem.field, INVALID_VALUE, f"{probleem.field} {probleem.message}")
    versies: list[str] | None = None
    if regel.versie is not None or (huidig is not None and kolom("Pakketversie Naam")):
        versies = []
        if regel.versie is not None:
            versie = next(
                (v["id"] for v in applicatie["versies"] if normaal(v["versie"]) == normaal(regel.versie)),
                None,
            )
            if versie is None:
                uitkomst.fout(
                    "Pakketversie Naam",
                    UNKNOWN_VERSION,
                    f"{applicatie['naam']} has no version {regel.versie!r}",
                )
            else:
                versies = [versie]
    componenten: list[str] | None = None
    if regel.referentiecomponenten or (huidig is not None and kolom("Referentiecomponenten")):
        componenten = _elementen(
            regel.referentiecomponenten, catalogus.componenten, uitkomst, "Referentiecomponenten",
            UNKNOWN_REFERENTIECOMPONENT, "referentiecomponent",
        )  # fmt: skip
    if uitkomst.uitkomst == FOUT:
        return None
    if huidig is None:
        uitkomst.uitkomst = AANMAKEN
        uitkomst.velden = [Veld(k, None, v) for k, v in sorted(nieuw.items())]
        if versies:
            uitkomst.velden.append(Veld("versies", None, versies))
        if componenten:
            uitkomst.velden.append(Veld("referentiecomponenten", None, sorted(componenten)))
        return Schrijfactie(
            gebruik_id, 0, nieuw, {}, {}, applicatie=applicatie["id"], versies=versies or [],
            componenten=componenten or [],
        )  # fmt: skip
    oud = huidig["gebruik"]
    veranderd = {k: v for k, v in nieuw.items() if oud.get(k) != v}
    if "status" in veranderd:
        toegestaan = gebruik_domein.LEVENSLOOP.toegestaan(oud["status"])
        if veranderd["status"] not in toegestaan:
            uitkomst.fout(
                "Gebruik status", TRANSITION_NOT_ALLOWED,
                f"a Gebruik goes from {oud['status']} only to {', '.join(toegestaan) or 'nothing'}",
            )  # fmt: skip
            return None
    velden = [Veld(k, oud.get(k), v) for k, v in sorted(veranderd.items())]
    if versies is not None and sorted(versies) != sorted(huidig["versies"]):
        velden.append(Veld("versies", sorted(huidig["versies"]), versies))
    else:
        versies = None
    if componenten is not None and sorted(componenten) != sorted(huidig["referentiecomponenten"]):
        velden.append(
            Veld("referentiecomponenten", sorted(huidig["referentiecomponenten"]), sorted(componenten))
        )
    else:
        componenten = None
    if not velden:
        return None
    uitkomst.uitkomst, uitkomst.velden = WIJZIGEN, velden
    return Schrijfactie(
        gebruik_id, oud.get("versie") or 1, veranderd,
        {v.veld: v.van for v in velden}, {v.veld: v.naar for v in velden},
        versies=versies, componenten=componenten,
    )  # fmt: skip


def _elementen(
    elementen: Sequence[Gemma], bekend: Mapping[str, str], uitkomst: Uitkomst, kolom: str, code: str, wat: str
) -> list[str]:
    ids = []
    for element in elementen:
        gevonden = bekend.get(element.object_id.casefold())
        if gevonden is None:
            uitkomst.fout(kolom, code, f"GEMMA has no {wat} with Object ID {element.object_id!r}")
        else:
            ids.append(gevonden)
    return sorted(set(ids))


def _einden(
    regel: KoppelingRegel,
    uitkomst: Uitkomst,
    ids: Mapping[str, str],
    in_fout: frozenset[str],
    catalogus: _Catalogus,
) -> tuple[str, str, str | None, list[str]] | None:
    """The graph ids of a koppeling's ends, intermediary and standard versions."""

    def gebruik(kolom: str, gebruik_id: str) -> str | None:
        gevonden = ids.get(gebruik_id)
        if gevonden is None:
            waarom = (
                "is a row in error" if gebruik_id in in_fout else "is no Gebruik ID of the pakketoverzicht"
            )
            uitkomst.fout(kolom, UNKNOWN_GEBRUIK, f"{kolom} {gebruik_id!r} {waarom}")
        return gevonden

    van = gebruik("Van Gebruik ID", regel.van)
    naar = None
    if regel.naar is not None:
        naar = gebruik("Naar Gebruik ID", regel.naar)
    elif regel.naar_voorziening is not None:
        naar = catalogus.voorzieningen.get(regel.naar_voorziening.object_id.casefold())
        if naar is None:
            uitkomst.fout(
                "Naar voorziening", UNKNOWN_VOORZIENING,
                f"GEMMA has no national facility with Object ID {regel.naar_voorziening.object_id!r}",
            )  # fmt: skip
    via = None if regel.via is None else gebruik("Via Gebruik ID", regel.via)
    versies = _elementen(
        regel.standaarden,
        catalogus.standaardversies,
        uitkomst,
        "Standaarden",
        UNKNOWN_STANDAARD,
        "standard version",
    )
    if van is not None and van == naar:
        uitkomst.fout("Naar Gebruik ID", INVALID_VALUE, "a koppeling joins two different ends")
    if via is not None and via in (van, naar):
        uitkomst.fout("Via Gebruik ID", INVALID_VALUE, "the intermediary is neither end of the koppeling")
    if uitkomst.uitkomst == FOUT or van is None or naar is None:
        return None
    return van, naar, via, versies


def _koppeling_gevonden(
    regel: KoppelingRegel,
    uitkomst: Uitkomst,
    van: str,
    naar: str,
    via: str | None,
    versies: list[str],
    bestaand: Mapping[str, Row],
    op_einden: Mapping[tuple[str, str, str], list[Row]],
    genoemd: Mapping[str, Uitkomst],
) -> Row | None:
    """The koppeling a row is: by its Koppeling ID, else by its ends and type among those no
    earlier row is."""
    huidig = bestaand.get(regel.koppeling_id or "")
    if huidig is not None:
        if (huidig["van"], huidig["naar"]) != (van, naar):
            uitkomst.fout(
                "Koppeling ID", ENDS_DIFFER,
                f"koppeling {regel.koppeling_id} joins {huidig['van']} and {huidig['naar']}: its ends do not "
                "change (leave out the Koppeling ID to make a new one)",
            )  # fmt: skip
            return None
        return huidig
    kandidaten = [
        k for k in op_einden.get((van, naar, regel.type), []) if k["koppeling"]["id"] not in genoemd
    ]
    if len(kandidaten) > 1:
        # Several of one type between the same ends (the seed has such twins): those equal to the
        # row in every field are the row, whichever of them; otherwise the row could be either.
        gelijk = [k for k in kandidaten if _zelfde(regel, k, via, versies)]
        if gelijk:
            return min(gelijk, key=lambda k: str(k["koppeling"]["id"]))
        welke = ", ".join(sorted(k["koppeling"]["id"] for k in kandidaten))
        uitkomst.fout(
            "Koppeling ID", AMBIGUOUS_KOPPELING,
            f"{len(kandidaten)} koppelingen of this type join these ends ({welke}): give the Koppeling ID",
        )  # fmt: skip
        return None
    return kandidaten[0] if kandidaten else None


def _zelfde(regel: KoppelingRegel, huidig: Row, via: str | None, versies: list[str]) -> bool:
    oud = huidig["koppeling"]
    return (
        all(oud.get(prop) == getattr(regel, attr) for attr, _, prop in KOPPELING_VELDEN)
        and (huidig["via"][0] if huidig["via"] else None) == via
        and sorted(huidig["standaardversies"]) == sorted(versies)
    )


def _koppeling_actie(
    regel: KoppelingRegel,
    uitkomst: Uitkomst,
    gelezen: Gelezen,
    huidig: Row | None,
    koppeling_id: str,
    van: str,
    naar: str,
    via: str | None,
    versies: list[str],
) -> Schrijfactie | None:
    kolom = lambda naam: gelezen.heeft_kolom(KOPPELINGEN, naam)  # noqa: E731
    nieuw: dict[str, Any] = {
        prop: getattr(regel, attr) for attr, naam, prop in KOPPELING_VELDEN if huidig is None or kolom(naam)
    }
    if huidig is None:
        nieuw = {k: v for k, v in nieuw.items() if v is not None}
        uitkomst.uitkomst = AANMAKEN
        uitkomst.velden = [Veld(k, None, v) for k, v in sorted(nieuw.items())]
        uitkomst.velden += [Veld("van", None, van), Veld("naar", None, naar)]
        if via is not None:
            uitkomst.velden.append(Veld("via", None, via))
        if versies:
            uitkomst.velden.append(Veld("standaardversies", None, versies))
        return Schrijfactie(
            koppeling_id, 0, nieuw, {}, {}, van=van, naar=naar, via=[] if via is None else [via],
            standaardversies=versies,
        )  # fmt: skip
    oud = huidig["koppeling"]
    veranderd = {k: v for k, v in nieuw.items() if oud.get(k) != v}
    if "status" in veranderd:
        toegestaan = koppeling_domein.LEVENSLOOP.toegestaan(oud["status"])
        if veranderd["status"] not in toegestaan:
            uitkomst.fout(
                "Status", TRANSITION_NOT_ALLOWED,
                f"a koppeling goes from {oud['status']} only to {', '.join(toegestaan) or 'nothing'}",
            )  # fmt: skip
            return None
    velden = [Veld(k, oud.get(k), v) for k, v in sorted(veranderd.items())]
    oud_via = huidig["via"][0] if huidig["via"] else None
    nieuw_via: list[str] | None = None
    if kolom("Via Gebruik ID") and via != oud_via:
        velden.append(Veld("via", oud_via, via))
        nieuw_via = [] if via is None else [via]
    nieuwe_versies: list[str] | None = None
    if kolom("Standaarden") and sorted(versies) != sorted(huidig["standaardversies"]):
        velden.append(Veld("standaardversies", sorted(huidig["standaardversies"]), versies))
        nieuwe_versies = versies
    if not velden:
        return None
    uitkomst.uitkomst, uitkomst.velden = WIJZIGEN, velden
    return Schrijfactie(
        koppeling_id, oud.get("versie") or 1, veranderd,
        {v.veld: v.van for v in velden}, {v.veld: v.naar for v in velden},
        via=nieuw_via, standaardversies=nieuwe_versies,
    )  # fmt: skip


def _volgorde(uitkomst: Uitkomst) -> tuple[bool, int, str]:
    """Lines in order; an element's identifier (AMEFF) after them, by identifier."""
    plaats = uitkomst.plaats
    return (not isinstance(plaats, int), plaats if isinstance(plaats, int) else 0, str(plaats))
