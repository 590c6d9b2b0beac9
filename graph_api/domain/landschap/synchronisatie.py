"""A source system keeps a landscape current (F008): a CMDB's batch of Gebruik upserted by the
system's own keys, with an outcome per item (docs/exchange.md, "A CMDB keeps the landscape
current").

A batch is planned in Python against what one read finds (the organisation's Gebruik, the
applications the items name), then every valid item is written by one statement of
cypher/synchronisatie/, authorised in it through `$zicht` and written only at the versies the
plan read: an engine failure or a write in between leaves the batch unwritten as a whole, never
half. Invalid items are reported (MISLUKT, with code and field path) and the others written:
one bad CMDB row must not hold a landscape's other rows back.

Each Gebruik a source keeps carries `bron` and `bronSleutel` (`<bron>:<organisatie>:<id>`), so
the next batch finds it whatever the catalogue's names became. A source owns the fields in
BRONVELDEN; the gemeente owns those in EIGEN_VELDEN, which a sync sets only when it creates the
Gebruik and never overwrites (each field has one owning system: a timestamp never decides).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph_api.domain.idempotentie import eenmalig
from graph_api.domain.landschap import koppeling as koppelingen
from graph_api.domain.landschap.gebruik import LABEL, LANG, LEVENSLOOP, STATUSDATUM
from graph_api.domain.wijzigen import (
    MAX_KORT,
    Schrijver,
    Writer,
    mag_schrijven,
    nieuw_id,
    nu,
    tekstproblemen,
    wijziging,
)
from graph_api.errors import ClientError, Forbidden, VersionConflict
from graph_api.model.validate import INVALID_TYPE, REQUIRED, InvalidInput, Problem, check

# The fields a sync keeps current, and those the gemeente maintains in the catalogue itself: a
# sync writes these only into a Gebruik it creates.
BRONVELDEN = ("status", "hosting")
EIGEN_VELDEN = ("notities", "contractEinde")
# The most items a sync takes: a TOPdesk export's rows (GraphQL lists stop at 500 before).
MAX_ITEMS = 20_000

AANGEMAAKT = "AANGEMAAKT"
GEWIJZIGD = "GEWIJZIGD"
ONGEWIJZIGD = "ONGEWIJZIGD"
OVERGESLAGEN = "OVERGESLAGEN"
MISLUKT = "MISLUKT"
UITGEFASEERD = "UITGEFASEERD"  # a Gebruik of this bron the batch no longer holds (verwijderOntbrekende)
TERUGGETROKKEN = "TERUGGETROKKEN"  # a koppeling of this bron the batch no longer holds (idem)
# The fields of a koppeling a sync keeps current; its beschrijving and intermediary are the
# gemeente's, its ends are what it is (another end: another koppeling, another key).
KOPPELVELDEN = ("type", "richting", "status")


@dataclass(frozen=True)
class Item:
    """One Gebruik as the source system knows it. The application by its catalogue id, else by
    name and (optionally) leverancier name; fields left None are left as they are."""

    bron_sleutel: str
    applicatie: str | None = None
    applicatie_naam: str | None = None
    leverancier: str | None = None
    status: str | None = None
    hosting: str | None = None
    notities: str | None = None
    contract_einde: str | None = None


@dataclass(frozen=True)
class KoppelItem:
    """One koppeling as the source system knows it: from the Gebruik its item `van` keys to the
    Gebruik `naar` keys (items of this batch or synced before, same bron), or to the national
    facility whose GEMMA Object ID is `naar_voorziening`. Fields left None are left as they are
    (type and richting are required when it is new); `standaarden`, standard versions by GEMMA
    Object ID, replace those recorded when given."""

    bron_sleutel: str
    van: str
    naar: str | None = None
    naar_voorziening: str | None = None
    type: str | None = None
    richting: str | None = None
    status: str | None = None
    standaarden: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Uitkomst:
    """What a sync did with one item (`index` in the batch), or with a Gebruik of the bron the
    batch no longer holds (`index` None)."""

    index: int | None
    bron_sleutel: str
    uitkomst: str
    gebruik: str | None = None
    applicatie: str | None = None
    velden: tuple[str, ...] = ()  # the fields changed
    koppeling: str | None = None  # a koppeling's outcome: its id
    code: str | None = None  # MISLUKT and OVERGESLAGEN: why, machine-readable
    veld: str | None = None  # MISLUKT: the field path (`input.items[3].status`)
    reden: str | None = None


@dataclass(frozen=True)
class Resultaat:
    organisatie: str
    bron: str
    uitkomsten: tuple[Uitkomst, ...]
    proefrun: bool = False
    koppelingen: tuple[Uitkomst, ...] = ()

    def aantal(self, uitkomst: str) -> int:
        return sum(1 for u in self.uitkomsten if u.uitkomst == uitkomst)


def sleutel(bron: str, organisatie: str, bron_id: str) -> str:
    """The key a source's Gebruik carries: one per system and organisation."""
    return f"{bron}:{organisatie}:{bron_id}"


def normaal(naam: str) -> str:
    """A name as names are compared: accents, case, punctuation and legal forms left out, so
    'Centric B.V.' and 'centric bv' are one leverancier."""
    tekst = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode().casefold()
    woorden = re.sub(r"[^0-9a-z]+", " ", tekst.replace(".", "")).split()
    while len(woorden) > 1 and woorden[-1] in _RECHTSVORMEN:
        woorden.pop()
    return " ".join(woorden)


_RECHTSVORMEN = frozenset({"bv", "nv", "vof", "cv", "ltd", "inc", "gmbh", "holding", "group", "groep"})


@dataclass
class _Plan:
    uitkomsten: list[Uitkomst] = field(default_factory=list)
    nieuw: list[dict[str, Any]] = field(default_factory=list)
    wijzig: list[dict[str, Any]] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)
    koppelingen: list[Uitkomst] = field(default_factory=list)
    koppel_nieuw: list[dict[str, Any]] = field(default_factory=list)
    koppel_wijzig: list[dict[str, Any]] = field(default_factory=list)
    eind_gebruik: set[str] = field(default_factory=set)  # existing Gebruik at a koppeling's end
    voorzieningen: set[str] = field(default_factory=set)
    standaardversies: set[str] = field(default_factory=set)

    def schrijft(self) -> bool:
        return bool(self.nieuw or self.wijzig or self.koppel_nieuw or self.koppel_wijzig)


async def synchroniseer(
    store: Writer,
    schrijver: Schrijver,
    *,
    organisatie: str,
    bron: str,
    items: Sequence[Item],
    koppel_items: Sequence[KoppelItem] = (),
    verwijder_ontbrekende: bool = False,
    proefrun: bool = False,
) -> Resultaat:
    """Upsert `items` into `organisatie`'s landscape as kept by `bron`; with
    `verwijder_ontbrekende`, phase out (UITGEFASEERD, dated today) the Gebruik of this bron the
    batch does not hold, and withdraw (TERUGGETROKKEN) the koppelingen of this bron it does not
    hold. `proefrun` plans and writes nothing. Sent again with the same
    idempotency key and input, it writes nothing and answers as a resync would."""
    mag_schrijven(schrijver, "synchroniseerLandschap")
    problemen = tekstproblemen({"organisatie": organisatie, "bron": bron})
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,39}", bron):
        problemen.append(
            Problem("bron", INVALID_TYPE, "is 1-40 lower-case letters, digits, - or _ (topdesk)")
        )
    if len(items) + len(koppel_items) > MAX_ITEMS:
        problemen.append(
            Problem("items", "TOO_MANY_ITEMS", f"holds more than {MAX_ITEMS} items: send batches")
        )
    if problemen:
        raise InvalidInput(LABEL, [Problem("input." + p.field, p.code, p.message) for p in problemen])
    if not schrijver.mag_landschap(organisatie):
        raise Forbidden(
            f"you may not change the landscape of {organisatie}: a sync is for its own gebruik-beheerder, "
            "its machine client, a delegate or functioneel beheer",
            argument="input.organisatie",
        )

    async def schrijf() -> Resultaat:
        # Once more when the landscape changed between the plan's read and its write.
        for _ in range(2):
            plan = await _plan(
                store, schrijver, organisatie, bron, items, koppel_items, verwijder_ontbrekende
            )
            if proefrun or not plan.schrijft():
                return _resultaat(organisatie, bron, plan, proefrun)
            if plan.records and schrijver.idempotentie is not None:
                plan.records[0].update(schrijver.idempotentie.record())
            rows = await store.write(
                "synchronisatie/schrijven",
                {
                    "organisatie": organisatie,
                    "applicaties": sorted({n["applicatie"] for n in plan.nieuw}),
                    "stand": [f"{w['gebruik']}@{w['verwachteVersie']}" for w in plan.wijzig],
                    "nieuw": plan.nieuw,
                    "wijzig": plan.wijzig,
                    "wijzigingen": plan.records,
                    "eindGebruik": sorted(plan.eind_gebruik),
                    "nieuweEinden": sorted({n["eigenschappen"]["id"] for n in plan.nieuw}),
                    "voorzieningen": sorted(plan.voorzieningen),
                    "standaardversies": sorted(plan.standaardversies),
                    "koppelStand": [f"{w['koppeling']}@{w['verwachteVersie']}" for w in plan.koppel_wijzig],
                    "koppelNieuw": plan.koppel_nieuw,
                    "koppelWijzig": plan.koppel_wijzig,
                    "koppelingen": sorted(
                        [k["eigenschappen"]["id"] for k in plan.koppel_nieuw]
                        + [w["koppeling"] for w in plan.koppel_wijzig]
                    ),
                },
            )
            if rows:
                return _resultaat(organisatie, bron, plan)
        raise VersionConflict(
            f"the landscape of {organisatie} changed while the batch was written: send it again",
            huidige_versie=0,
            argument="input.items",
        )

    if proefrun:
        return await schrijf()
    herhaald = await eenmalig(store, schrijver.idempotentie, schrijf, lambda _record: None)
    if herhaald is None:  # a repeat: the first write stands, and the batch now changes nothing
        plan = await _plan(store, schrijver, organisatie, bron, items, koppel_items, verwijder_ontbrekende)
        return _resultaat(organisatie, bron, plan)
    return herhaald


def _resultaat(organisatie: str, bron: str, plan: _Plan, proefrun: bool = False) -> Resultaat:
    return Resultaat(organisatie, bron, tuple(plan.uitkomsten), proefrun, tuple(plan.koppelingen))


async def _plan(
    store: Writer,
    schrijver: Schrijver,
    organisatie: str,
    bron: str,
    items: Sequence[Item],
    koppel_items: Sequence[KoppelItem],
    verwijder_ontbrekende: bool,
) -> _Plan:
    [stand] = await store.read("synchronisatie/stand", {"organisatie": organisatie})
    if not stand["organisatie"]:
        raise ClientError(
            "NOT_FOUND", f"there is no organisation {organisatie!r}", argument="input.organisatie"
        )
    gebruik: list[dict[str, Any]] = stand["gebruik"]
    op_sleutel = {g["bronSleutel"]: g for g in gebruik if g.get("bronSleutel")}
    op_applicatie = {g["applicatie"]: g for g in gebruik}
    namen = sorted({" ".join(i.applicatie_naam.split()).casefold() for i in items if i.applicatie_naam})
    ids = sorted({i.applicatie for i in items if i.applicatie})
    applicaties = await store.read("synchronisatie/applicaties", {"ids": ids, "namen": namen})
    per_id = {a["id"]: a for a in applicaties}
    per_naam: dict[str, list[dict[str, Any]]] = {}
    for a in applicaties:
        per_naam.setdefault(normaal(a["naam"]), []).append(a)

    plan, tijdstip = _Plan(), nu()
    vandaag = tijdstip[:10]
    gezien: set[str] = set()  # the keys of the batch's items so far
    genoemd: set[str] = set()  # every key the batch holds, valid or not: none of them is missing
    bezet: dict[str, str] = {}  # application → the key that takes it in this batch
    for index, item in enumerate(items):
        pad = f"input.items[{index}]."
        bron_sleutel = sleutel(bron, organisatie, item.bron_sleutel.strip())

        def mislukt(
            code: str, veld: str, reden: str, *, _i: int = index, _s: str = item.bron_sleutel
        ) -> None:
            plan.uitkomsten.append(
                Uitkomst(_i, _s, MISLUKT, code=code, veld=f"input.items[{_i}].{veld}", reden=reden)
            )

        if item.bron_sleutel.strip():
            genoemd.add(bron_sleutel)
        fout = _itemfout(item)
        if fout is not None:
            mislukt(fout.code, fout.field, fout.message)
            continue
        if bron_sleutel in gezien:
            mislukt("DUPLICATE", "bronSleutel", f"{item.bron_sleutel!r} is in the batch before this item")
            continue
        gezien.add(bron_sleutel)
        bestaand = op_sleutel.get(bron_sleutel)
        if bestaand is None:
            gevonden = _applicatie(item, per_id, per_naam)
            if isinstance(gevonden, Uitkomst):
                plan.uitkomsten.append(
                    Uitkomst(index, item.bron_sleutel, gevonden.uitkomst, code=gevonden.code,
                             veld=gevonden.veld and pad + gevonden.veld, reden=gevonden.reden)
                )  # fmt: skip
                continue
            applicatie = gevonden
            bestaand = op_applicatie.get(applicatie)
            if bestaand is not None and bestaand.get("bronSleutel"):
                bezit = bestaand["bronSleutel"]
                mislukt(
                    "DUPLICATE", "applicatie", f"{organisatie} uses {applicatie} already, kept as {bezit!r}"
                )
                continue
        else:
            applicatie = bestaand["applicatie"]
            if item.applicatie and item.applicatie != applicatie:
                reden = f"{item.bron_sleutel!r} keeps the Gebruik of {applicatie}, not of {item.applicatie}"
                mislukt("CONFLICT", "applicatie", reden)
                continue
        if applicatie in bezet:
            mislukt(
                "DUPLICATE",
                "applicatie",
                f"{applicatie} is kept by {bezet[applicatie]!r} earlier in the batch",
            )
            continue
        bezet[applicatie] = item.bron_sleutel
        if bestaand is None:
            _maak(plan, schrijver, organisatie, bron, bron_sleutel, applicatie, item, index, tijdstip)
        else:
            _werk_bij(
                plan, schrijver, organisatie, bron, bron_sleutel, bestaand, item, index, tijdstip, vandaag
            )

    if verwijder_ontbrekende:
        prefix = sleutel(bron, organisatie, "")
        for key, g in sorted(op_sleutel.items()):
            if key.startswith(prefix) and key not in genoemd and g["gebruik"].get("status") != "UITGEFASEERD":
                velden = {"status": "UITGEFASEERD", STATUSDATUM["UITGEFASEERD"]: vandaag}
                _schrijf_wijziging(plan, schrijver, organisatie, g, velden, tijdstip)
                plan.uitkomsten.append(
                    Uitkomst(None, key.removeprefix(prefix), UITGEFASEERD, gebruik=g["gebruik"]["id"],
                             applicatie=g["applicatie"], velden=tuple(sorted(velden)))
                )  # fmt: skip

    # The Gebruik a koppeling's end may name: those this bron keeps, and this batch's.
    einden = {key: g["gebruik"]["id"] for key, g in op_sleutel.items()}
    for u in plan.uitkomsten:
        if u.index is not None and u.gebruik and u.uitkomst in (AANGEMAAKT, GEWIJZIGD, ONGEWIJZIGD):
            einden[sleutel(bron, organisatie, items[u.index].bron_sleutel.strip())] = u.gebruik
    await _plan_koppelingen(
        store,
        schrijver,
        plan,
        organisatie,
        bron,
        stand["koppelingen"],
        einden,
        koppel_items,
        verwijder_ontbrekende,
        tijdstip,
    )
    return plan


async def _plan_koppelingen(
    store: Writer,
    schrijver: Schrijver,
    plan: _Plan,
    organisatie: str,
    bron: str,
    bestaande: Sequence[Mapping[str, Any]],
    einden: Mapping[str, str],
    koppel_items: Sequence[KoppelItem],
    verwijder_ontbrekende: bool,
    tijdstip: str,
) -> None:
    """Plan the batch's koppelingen against those this bron keeps (`bestaande`) and the Gebruik
    their ends may name (`einden`: key → Gebruik id), with the rules registreerKoppeling,
    wijzigKoppeling and zetKoppelingStatus follow (graph_api/domain/landschap/koppeling.py)."""
    op_sleutel = {k["koppeling"]["bronSleutel"]: k for k in bestaande}
    gemma = sorted(
        {k.naar_voorziening for k in koppel_items if k.naar_voorziening}
        | {s for k in koppel_items for s in k.standaarden or ()}
    )
    gevonden = await store.read("synchronisatie/gemma", {"ids": gemma}) if gemma else []
    voorziening = {r["gemmaId"]: r["id"] for r in gevonden if r["soort"] == "BuitengemeentelijkeVoorziening"}
    standaardversie = {r["gemmaId"]: r["id"] for r in gevonden if r["soort"] == "Standaardversie"}
    gezien: set[str] = set()
    genoemd: set[str] = set()
    for index, item in enumerate(koppel_items):
        bron_sleutel = sleutel(bron, organisatie, item.bron_sleutel.strip())
        bestaand = op_sleutel.get(bron_sleutel)

        def mislukt(
            code: str,
            veld: str,
            reden: str,
            *,
            _i: int = index,
            _s: str = item.bron_sleutel,
            _k: str | None = None if bestaand is None else bestaand["koppeling"]["id"],
        ) -> None:
            plan.koppelingen.append(
                Uitkomst(
                    _i,
                    _s,
                    MISLUKT,
                    koppeling=_k,
                    code=code,
                    veld=f"input.koppelingen[{_i}].{veld}",
                    reden=reden,
                )
            )

        if item.bron_sleutel.strip():
            genoemd.add(bron_sleutel)
        fout = _koppelfout(item, nieuw=bestaand is None)
        if fout is not None:
            mislukt(fout.code, fout.field, fout.message)
            continue
        if bron_sleutel in gezien:
            mislukt("DUPLICATE", "bronSleutel", f"{item.bron_sleutel!r} is in the batch before this item")
            continue
        gezien.add(bron_sleutel)
        van = einden.get(sleutel(bron, organisatie, item.van.strip()))
        if van is None:
            mislukt(
                "NOT_FOUND", "van", f"no Gebruik of {bron} has the key {item.van!r}, in this batch or before"
            )
            continue
        naar_veld = "naar" if item.naar else "naarVoorziening"
        if item.naar:
            naar = einden.get(sleutel(bron, organisatie, item.naar.strip()))
            if naar is None:
                mislukt(
                    "NOT_FOUND",
                    "naar",
                    f"no Gebruik of {bron} has the key {item.naar!r}, in this batch or before",
                )
                continue
        else:
            assert item.naar_voorziening is not None
            naar = voorziening.get(item.naar_voorziening)
            if naar is None:
                mislukt(
                    "NOT_FOUND",
                    "naarVoorziening",
                    f"there is no national facility with GEMMA Object ID {item.naar_voorziening!r}",
                )
                continue
        if naar == van:
            mislukt("INVALID_ARGUMENT", naar_veld, "a koppeling joins two different ends")
            continue
        onbekend = sorted(s for s in item.standaarden or () if s not in standaardversie)
        if onbekend:
            mislukt(
                "NOT_FOUND",
                "standaarden",
                f"there is no standard version with GEMMA Object ID {onbekend[0]!r}",
            )
            continue
        versies = None if item.standaarden is None else sorted({standaardversie[s] for s in item.standaarden})
        if bestaand is None:
            _maak_koppeling(
                plan,
                schrijver,
                organisatie,
                bron,
                bron_sleutel,
                item,
                index,
                van,
                naar,
                versies or [],
                tijdstip,
            )
            continue
        k = bestaand["koppeling"]
        for veld, eind, was in (("van", van, bestaand["van"]), (naar_veld, naar, bestaand["naar"])):
            if eind != was:
                mislukt(
                    "CONFLICT",
                    veld,
                    f"{item.bron_sleutel!r} keeps koppeling {k['id']} from {bestaand['van']} "
                    f"to {bestaand['naar']}: another end is another koppeling, with another key",
                )
                break
        else:
            velden = {
                v: getattr(item, v)
                for v in KOPPELVELDEN
                if getattr(item, v) is not None and getattr(item, v) != k.get(v)
            }
            if "status" in velden and velden["status"] not in koppelingen.LEVENSLOOP.toegestaan(k["status"]):
                toegestaan = koppelingen.LEVENSLOOP.toegestaan(k["status"])
                mislukt(
                    "TRANSITION_NOT_ALLOWED",
                    "status",
                    f"the koppeling is {k['status']}: it goes only to {', '.join(toegestaan) or 'nothing'}",
                )
                continue
            if versies is not None and versies != sorted(bestaand["standaardversies"]):
                velden["standaardversies"] = versies
            if not velden:
                plan.koppelingen.append(Uitkomst(index, item.bron_sleutel, ONGEWIJZIGD, koppeling=k["id"]))
                continue
            _wijzig_koppeling(plan, schrijver, organisatie, bestaand, velden, tijdstip)
            plan.koppelingen.append(
                Uitkomst(index, item.bron_sleutel, GEWIJZIGD, koppeling=k["id"], velden=tuple(sorted(velden)))
            )

    if verwijder_ontbrekende:
        prefix = sleutel(bron, organisatie, "")
        for key, bestaand in sorted(op_sleutel.items()):
            k = bestaand["koppeling"]
            if key.startswith(prefix) and key not in genoemd and k.get("status") != TERUGGETROKKEN:
                velden = {"status": TERUGGETROKKEN}
                _wijzig_koppeling(plan, schrijver, organisatie, bestaand, velden, tijdstip)
                plan.koppelingen.append(
                    Uitkomst(
                        None, key.removeprefix(prefix), TERUGGETROKKEN, koppeling=k["id"], velden=("status",)
                    )
                )


def _koppelfout(item: KoppelItem, *, nieuw: bool) -> Problem | None:
    """The first thing wrong with a koppeling item as input, its field named as the input names it."""
    if not item.bron_sleutel.strip():
        return Problem("bronSleutel", REQUIRED, "is required: the source system's own id")
    if not item.van.strip():
        return Problem("van", REQUIRED, "is required: the bronSleutel of a Gebruik item")
    if not (item.naar or item.naar_voorziening):
        return Problem("naar", REQUIRED, "give naar (a Gebruik item's bronSleutel) or naarVoorziening")
    if item.naar and item.naar_voorziening:
        return Problem("naarVoorziening", "INVALID_ARGUMENT", "give naar or naarVoorziening, not both")
    teksten = {
        "bronSleutel": item.bron_sleutel,
        "van": item.van,
        "naar": item.naar,
        "naarVoorziening": item.naar_voorziening,
        "standaarden": list(item.standaarden or ()),
    }
    problemen = tekstproblemen(teksten)
    if problemen:
        return problemen[0]
    if nieuw:
        for veld in ("type", "richting"):
            if getattr(item, veld) is None:
                return Problem(veld, REQUIRED, "is required for a new koppeling")
    velden = {v: getattr(item, v) for v in KOPPELVELDEN if getattr(item, v) is not None}
    for p in check(koppelingen.LABEL, velden, partial=True):
        return p
    return None


def _maak_koppeling(
    plan: _Plan,
    schrijver: Schrijver,
    organisatie: str,
    bron: str,
    bron_sleutel: str,
    item: KoppelItem,
    index: int,
    van: str,
    naar: str,
    versies: list[str],
    tijdstip: str,
) -> None:
    velden: dict[str, Any] = {
        "type": item.type,
        "richting": item.richting,
        "status": item.status or "IN_ONTWIKKELING",
    }
    koppeling_id = nieuw_id(f"kop-{organisatie}")
    na = {
        **velden,
        "van": van,
        "naar": naar,
        "via": None,
        "standaardversies": versies,
        "bron": bron,
        "bronSleutel": bron_sleutel,
    }
    plan.records.append(
        wijziging(
            schrijver,
            organisatie=organisatie,
            object_id=koppeling_id,
            label=koppelingen.LABEL,
            operatie="AANGEMAAKT",
            tijdstip=tijdstip,
            voor=None,
            na=na,
            met_sleutel=False,
        )
    )
    _einden(plan, van, naar, item.naar_voorziening is not None, versies)
    plan.koppel_nieuw.append(
        {
            "van": van,
            "naar": naar,
            "standaardversies": versies,
            "eigenschappen": {
                **velden,
                "bron": bron,
                "bronSleutel": bron_sleutel,
                "id": koppeling_id,
                "versie": 1,
                "gewijzigdOp": tijdstip,
                "gewijzigdDoor": schrijver.gebruiker,
            },
        }
    )
    plan.koppelingen.append(
        Uitkomst(
            index,
            item.bron_sleutel,
            AANGEMAAKT,
            koppeling=koppeling_id,
            velden=tuple(sorted([*velden, "bron", "bronSleutel", "standaardversies"])),
        )
    )


def _einden(plan: _Plan, van: str, naar: str, voorziening: bool, versies: Sequence[str]) -> None:
    """Note what a koppeling's write must find: its ends (a Gebruik created in this batch is
    found once created) and its standard versions."""
    nieuw = {n["eigenschappen"]["id"] for n in plan.nieuw}
    for eind in (van,) if voorziening else (van, naar):
        if eind not in nieuw:
            plan.eind_gebruik.add(eind)
    if voorziening:
        plan.voorzieningen.add(naar)
    plan.standaardversies.update(versies)


def _wijzig_koppeling(
    plan: _Plan,
    schrijver: Schrijver,
    organisatie: str,
    bestaand: Mapping[str, Any],
    velden: Mapping[str, Any],
    tijdstip: str,
) -> None:
    k = bestaand["koppeling"]
    versies = velden.get("standaardversies", sorted(bestaand["standaardversies"]))
    voor = {
        v: (sorted(bestaand["standaardversies"]) if v == "standaardversies" else k.get(v)) for v in velden
    }
    plan.records.append(
        wijziging(
            schrijver,
            organisatie=organisatie,
            object_id=k["id"],
            label=koppelingen.LABEL,
            operatie="STATUS_GEWIJZIGD" if list(velden) == ["status"] else "GEWIJZIGD",
            tijdstip=tijdstip,
            voor=voor,
            na=dict(velden),
            met_sleutel=False,
        )
    )
    _einden(plan, bestaand["van"], bestaand["naar"], bestaand["naarVoorziening"], versies)
    eigenschappen = {v: velden[v] for v in velden if v != "standaardversies"}
    plan.koppel_wijzig.append(
        {
            "koppeling": k["id"],
            "verwachteVersie": k.get("versie") or 1,
            "van": bestaand["van"],
            "naar": bestaand["naar"],
            "standaardversies": versies,
            "eigenschappen": {**eigenschappen, "gewijzigdOp": tijdstip, "gewijzigdDoor": schrijver.gebruiker},
        }
    )


def _itemfout(item: Item) -> Problem | None:
    """The first thing wrong with an item as input, its field named as the input names it."""
    if not item.bron_sleutel.strip():
        return Problem("bronSleutel", REQUIRED, "is required: the source system's own id")
    if not (item.applicatie or (item.applicatie_naam and item.applicatie_naam.strip())):
        return Problem("applicatie", REQUIRED, "give the application's id, or its applicatieNaam")
    teksten = {
        "bronSleutel": item.bron_sleutel,
        "applicatie": item.applicatie,
        "applicatieNaam": item.applicatie_naam,
        "leverancier": item.leverancier,
        "notities": item.notities,
    }
    problemen = tekstproblemen(teksten, LANG)
    if problemen:
        return problemen[0]
    velden = {"status": item.status, "hosting": item.hosting, "contractEinde": item.contract_einde}
    for p in check(LABEL, {k: v for k, v in velden.items() if v is not None}, partial=True):
        naam = {"contractEinde": "contractEinde", "hosting": "hostingmodel"}.get(p.field, p.field)
        return Problem(naam, p.code, p.message)
    if len(item.bron_sleutel) > MAX_KORT:  # pragma: no cover - tekstproblemen says so first
        return Problem("bronSleutel", "TOO_LONG", f"is longer than {MAX_KORT} characters")
    return None


def _applicatie(
    item: Item, per_id: Mapping[str, Mapping[str, Any]], per_naam: Mapping[str, list[dict[str, Any]]]
) -> str | Uitkomst:
    """The application an item names, or why none (its field relative to the item)."""
    if item.applicatie:
        a = per_id.get(item.applicatie)
        if a is None:
            return Uitkomst(
                None,
                "",
                MISLUKT,
                code="NOT_FOUND",
                veld="applicatie",
                reden=f"there is no application {item.applicatie!r}",
            )
        kandidaten = [a]
    else:
        assert item.applicatie_naam is not None
        kandidaten = list(per_naam.get(normaal(item.applicatie_naam), []))
        if item.leverancier:
            leverancier = normaal(item.leverancier)
            kandidaten = [a for a in kandidaten if normaal(a["leverancier"] or "") == leverancier]
        if not kandidaten:
            van = f" of leverancier {item.leverancier!r}" if item.leverancier else ""
            return Uitkomst(
                None,
                "",
                OVERGESLAGEN,
                code="NOT_IN_CATALOGUE",
                reden=f"the catalogue has no application {item.applicatie_naam!r}{van}: "
                "register it (meldOntbrekendeSoftware) or send its id",
            )
        if len(kandidaten) > 1:
            ids = ", ".join(sorted(a["id"] for a in kandidaten))
            return Uitkomst(
                None,
                "",
                MISLUKT,
                code="AMBIGUOUS",
                veld="applicatieNaam",
                reden=f"{item.applicatie_naam!r} names {len(kandidaten)} applications ({ids}): "
                "send the application's id, or its leverancier",
            )
    [a] = kandidaten
    if a["teruggetrokken"]:
        reden = f"{a['id']} is retired by its leverancier: no new Gebruik of it is registered"
        return Uitkomst(None, "", MISLUKT, code="RETIRED", veld="applicatie", reden=reden)
    return str(a["id"])


def _maak(
    plan: _Plan,
    schrijver: Schrijver,
    organisatie: str,
    bron: str,
    bron_sleutel: str,
    applicatie: str,
    item: Item,
    index: int,
    tijdstip: str,
) -> None:
    velden: dict[str, Any] = {
        "status": item.status or "IN_PRODUCTIE",
        "hosting": item.hosting,
        "notities": item.notities,
        "contractEinde": item.contract_einde,
    }
    velden = {k: v for k, v in velden.items() if v is not None}
    velden[STATUSDATUM[velden["status"]]] = tijdstip[:10]
    velden.update(bron=bron, bronSleutel=bron_sleutel)
    gebruik_id = nieuw_id(f"geb-{organisatie}")
    record = wijziging(
        schrijver,
        organisatie=organisatie,
        object_id=gebruik_id,
        label=LABEL,
        operatie="AANGEMAAKT",
        tijdstip=tijdstip,
        voor=None,
        na={
            **velden,
            "organisatie": organisatie,
            "applicatie": applicatie,
            "versies": [],
            "referentiecomponenten": [],
            "diensten": [],
        },
        met_sleutel=False,
    )
    plan.records.append(record)
    plan.nieuw.append(
        {
            "applicatie": applicatie,
            "eigenschappen": {
                **velden,
                "id": gebruik_id,
                "versie": 1,
                "gewijzigdOp": tijdstip,
                "gewijzigdDoor": schrijver.gebruiker,
            },
        }
    )
    plan.uitkomsten.append(
        Uitkomst(
            index,
            item.bron_sleutel,
            AANGEMAAKT,
            gebruik=gebruik_id,
            applicatie=applicatie,
            velden=tuple(sorted(velden)),
        )
    )


def _werk_bij(
    plan: _Plan,
    schrijver: Schrijver,
    organisatie: str,
    bron: str,
    bron_sleutel: str,
    bestaand: Mapping[str, Any],
    item: Item,
    index: int,
    tijdstip: str,
    vandaag: str,
) -> None:
    g = bestaand["gebruik"]
    gevraagd = {"status": item.status, "hosting": item.hosting}
    velden = {k: v for k, v in gevraagd.items() if v is not None and v != g.get(k)}
    if "status" in velden:
        toegestaan = LEVENSLOOP.toegestaan(g["status"])
        if velden["status"] not in toegestaan:
            reden = f"the Gebruik is {g['status']}: it goes only to {', '.join(toegestaan) or 'nothing'}"
            plan.uitkomsten.append(
                Uitkomst(
                    index,
                    item.bron_sleutel,
                    MISLUKT,
                    gebruik=g["id"],
                    code="TRANSITION_NOT_ALLOWED",
                    applicatie=bestaand["applicatie"],
                    veld=f"input.items[{index}].status",
                    reden=reden,
                )
            )
            return
        velden[STATUSDATUM[velden["status"]]] = vandaag
    if g.get("bronSleutel") != bron_sleutel:  # a Gebruik registered by hand, from now on kept by the source
        velden.update(bron=bron, bronSleutel=bron_sleutel)
    if not velden:
        plan.uitkomsten.append(
            Uitkomst(
                index, item.bron_sleutel, ONGEWIJZIGD, gebruik=g["id"], applicatie=bestaand["applicatie"]
            )
        )
        return
    _schrijf_wijziging(plan, schrijver, organisatie, bestaand, velden, tijdstip)
    plan.uitkomsten.append(
        Uitkomst(
            index,
            item.bron_sleutel,
            GEWIJZIGD,
            gebruik=g["id"],
            applicatie=bestaand["applicatie"],
            velden=tuple(sorted(velden)),
        )
    )


def _schrijf_wijziging(
    plan: _Plan,
    schrijver: Schrijver,
    organisatie: str,
    bestaand: Mapping[str, Any],
    velden: Mapping[str, Any],
    tijdstip: str,
) -> None:
    g = bestaand["gebruik"]
    versie = g.get("versie") or 1
    record = wijziging(
        schrijver,
        organisatie=organisatie,
        object_id=g["id"],
        label=LABEL,
        operatie="STATUS_GEWIJZIGD" if "status" in velden else "GEWIJZIGD",
        tijdstip=tijdstip,
        voor={k: g.get(k) for k in velden},
        na=dict(velden),
        met_sleutel=False,
    )
    plan.records.append(record)
    plan.wijzig.append(
        {
            "gebruik": g["id"],
            "verwachteVersie": versie,
            "eigenschappen": {**velden, "gewijzigdOp": tijdstip, "gewijzigdDoor": schrijver.gebruiker},
        }
    )
