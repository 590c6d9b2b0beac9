"""The landscape over time (issue 19, item 2): what differs in an organisation's landscape
between two instants, Gebruik and koppelingen added, removed and changed, worked out from the
change records (Wijziging) every write keeps beside its change.

Only the records made in the window [van, tot) matter: an object no record of the window names
was the same at both instants. Per object the first of them says whether it existed at `van`
(not when it was created), the last whether it exists at `tot` (not when deleted or merged
away); a field is as at `van` in the `voor` of the first record that changed it, as at `tot` in
the `na` of the last. So what was created and deleted within the window, and what was changed
and changed back, drops out.

The names a line carries (an application's, the ends of a koppeling) are those of the instant
the line describes (`tot`, or `van` for what was removed): a name changed since is in the `voor`
of the earliest record after that instant that changed it, else it is the name now.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from graph_api.domain import Reader
from graph_api.domain.landschap import gebruik, koppeling
from graph_api.domain.wijzigen import nu, sinds
from graph_api.errors import ClientError

TOEGEVOEGD, GEWIJZIGD, VERWIJDERD = "TOEGEVOEGD", "GEWIJZIGD", "VERWIJDERD"
SOORTEN = (TOEGEVOEGD, GEWIJZIGD, VERWIJDERD)
# The fields a line shows, as the records name them; what else a record keeps (a status's
# `datum`, what a merge joined, how many koppelingen a deletion took) says how, not what.
VELDEN = {
    gebruik.LABEL: (*gebruik.VELDEN, "applicatie", "versies", "referentiecomponenten", "diensten"),
    koppeling.LABEL: (*koppeling.VELDEN, "van", "naar", "via", "standaardversies"),
}
# After these an object is gone: a Gebruik merged away lives on in the one it was merged into.
WEG = frozenset({"VERWIJDERD", "SAMENGEVOEGD"})


@dataclass(frozen=True)
class Veld:
    veld: str
    van: Any  # None: the object did not exist at `van`, or the field was empty
    tot: Any


@dataclass(frozen=True)
class Naam:
    """What a line names, by id, with the name it had then (None: not known to the records)."""

    id: str
    naam: str | None


@dataclass(frozen=True)
class Regel:
    """One line of a difference: an object added, changed or removed, with the fields that
    differ (all it had, for one added or removed)."""

    label: str  # Gebruik or Koppeling
    id: str
    soort: str
    velden: tuple[Veld, ...]
    applicatie: Naam | None = None  # a Gebruik's application
    van: Naam | None = None  # a koppeling's ends: the Gebruik (by its application's name) or facility
    naar: Naam | None = None


@dataclass(frozen=True)
class Verschil:
    organisatie: str
    van: str
    tot: str
    regels: tuple[Regel, ...]

    def van_label(self, label: str) -> list[Regel]:
        return [regel for regel in self.regels if regel.label == label]

    def aantallen(self) -> dict[str, dict[str, int]]:
        """How many lines per kind of object and per kind of difference."""
        return {
            label: {
                soort: sum(r.label == label and r.soort == soort for r in self.regels) for soort in SOORTEN
            }
            for label in VELDEN
        }


def venster(van: str, tot: str | None) -> tuple[str, str]:
    """The two instants a difference is asked between, as the records keep instants; `tot`
    is now when not given."""
    begin = sinds(van, "van")
    einde = sinds(tot, "tot") if tot is not None else nu()
    assert begin is not None and einde is not None
    if begin > einde:
        raise ClientError("INVALID_ARGUMENT", f"van ({begin}) is after tot ({einde})", argument="van")
    return begin, einde


async def verschil(store: Reader, organisatie: str, van: str, tot: str | None = None) -> Verschil:
    """The difference in `organisatie`'s landscape between `van` and `tot` (now), as far as the
    asker may see that landscape whole: for anyone else the statements find no records, so
    there is no line."""
    begin, einde = venster(van, tot)
    rows = await store.read("verloop/wijzigingen", {"organisatie": organisatie, "van": begin, "tot": einde})
    per_object: dict[tuple[str, str], list[Mapping[str, Any]]] = defaultdict(list)
    for row in rows:
        per_object[(row["objectLabel"], row["object"])].append(row)
    netto = [
        n for (label, object_id), records in per_object.items() if (n := _netto(label, object_id, records))
    ]
    regels = await _benoemd(store, netto, begin, einde)
    volgorde = {soort: i for i, soort in enumerate(SOORTEN)}
    regels.sort(key=lambda r: (r.label != gebruik.LABEL, volgorde[r.soort], _sorteernaam(r), r.id))
    return Verschil(organisatie, begin, einde, tuple(regels))


@dataclass
class _Netto:
    label: str
    id: str
    soort: str
    velden: list[Veld]
    bij_van: dict[str, Any]  # the fields as at `van` (what the object was, for one removed)
    bij_tot: dict[str, Any]


def _netto(label: str, object_id: str, records: list[Mapping[str, Any]]) -> _Netto | None:
    """What one object's records in the window add up to, or None when nothing is left."""
    bestond = records[0]["operatie"] != "AANGEMAAKT"
    bestaat = records[-1]["operatie"] not in WEG
    if not (bestond or bestaat):
        return None  # created and gone within the window
    bij_van: dict[str, Any] = {}
    bij_tot: dict[str, Any] = {}
    for record in records:
        voor, na = _json(record["voor"]), _json(record["na"])
        for veld in VELDEN[label]:
            if veld in voor or veld in na:
                bij_van.setdefault(veld, voor.get(veld))
                bij_tot[veld] = na.get(veld)
    if bestond and bestaat:
        velden = [
            Veld(v, bij_van[v], bij_tot[v])
            for v in VELDEN[label]
            if v in bij_van and not _gelijk(bij_van[v], bij_tot[v])
        ]
        if not velden:
            return None  # changed back
        return _Netto(label, object_id, GEWIJZIGD, velden, bij_van, bij_tot)
    if bestaat:
        velden = [Veld(v, None, bij_tot[v]) for v in VELDEN[label] if _gevuld(bij_tot.get(v))]
        return _Netto(label, object_id, TOEGEVOEGD, velden, {}, bij_tot)
    velden = [Veld(v, bij_van[v], None) for v in VELDEN[label] if _gevuld(bij_van.get(v))]
    return _Netto(label, object_id, VERWIJDERD, velden, bij_van, {})


async def _benoemd(store: Reader, netto: list[_Netto], van: str, tot: str) -> list[Regel]:
    """The lines with their names as they were: a Gebruik's application, a koppeling's ends."""
    ends = {n.id: (n.bij_tot or n.bij_van) for n in netto if n.label == koppeling.LABEL}
    onbekend = [id_ for id_, stand in ends.items() if "van" not in stand]
    if onbekend:  # changed only, in the window: its ends as they are, or were when it went
        for row in await store.read("verloop/koppelingeinden", {"ids": onbekend}):
            beeld = next((_json(b) for b in row["beelden"] if b), {})
            van_, naar_ = (row["van"], row["naar"]) if row["van"] else (beeld.get("van"), beeld.get("naar"))
            ends[row["id"]] = {**ends[row["id"]], "van": van_, "naar": naar_}
    # Which application each Gebruik was of, at each instant it is named for.
    momenten = {n.id: (van if n.soort == VERWIJDERD else tot) for n in netto}
    gevraagd: set[tuple[str, str]] = set()
    for n in netto:
        if n.label == gebruik.LABEL:
            gevraagd.add((n.id, momenten[n.id]))
        else:
            gevraagd |= {
                (ends[n.id][kant], momenten[n.id]) for kant in ("van", "naar") if ends[n.id].get(kant)
            }
    ids = sorted({gebruik_id for gebruik_id, _ in gevraagd})
    geschiedenis = {
        row["id"]: row
        for row in (await store.read("verloop/einden", {"ids": ids, "sinds": van}) if ids else [])
    }
    voorziening = {g: row["voorziening"] for g, row in geschiedenis.items() if row["voorziening"] is not None}
    applicatie_van = {
        (g, moment): _toen(
            geschiedenis[g]["applicatie"], geschiedenis[g]["wijzigingen"], "applicatie", moment
        )
        for g, moment in gevraagd
        if g in geschiedenis and g not in voorziening
    }
    namen = await _applicatienamen(
        store, {(a, m) for (_, m), a in applicatie_van.items() if a is not None}, van
    )

    def benoem(gebruik_id: str, moment: str) -> Naam:
        if gebruik_id in voorziening:
            return Naam(gebruik_id, voorziening[gebruik_id])
        applicatie = applicatie_van.get((gebruik_id, moment))
        return Naam(gebruik_id, namen.get((applicatie, moment)) if applicatie else None)

    def applicatie_naam(gebruik_id: str, moment: str) -> Naam | None:
        applicatie = applicatie_van.get((gebruik_id, moment))
        return Naam(applicatie, namen.get((applicatie, moment))) if applicatie else None

    regels = []
    for n in netto:
        moment = momenten[n.id]
        if n.label == gebruik.LABEL:
            regels.append(
                Regel(n.label, n.id, n.soort, tuple(n.velden), applicatie=applicatie_naam(n.id, moment))
            )
        else:
            van_id, naar_id = ends[n.id].get("van"), ends[n.id].get("naar")
            regels.append(
                Regel(
                    n.label,
                    n.id,
                    n.soort,
                    tuple(n.velden),
                    van=benoem(van_id, moment) if van_id else None,
                    naar=benoem(naar_id, moment) if naar_id else None,
                )
            )
    return regels


async def _applicatienamen(
    store: Reader, toepassingen: Iterable[tuple[str, str]], sinds_: str
) -> dict[tuple[str, str], str | None]:
    """The name of each application at each instant asked."""
    gevraagd = list(toepassingen)
    if not gevraagd:
        return {}
    rows = await store.read(
        "verloop/applicatienamen", {"ids": sorted({a for a, _ in gevraagd}), "sinds": sinds_}
    )
    per_id = {row["id"]: row for row in rows}
    return {
        (a, moment): _toen(per_id[a]["naam"], per_id[a]["wijzigingen"], "naam", moment)
        for a, moment in gevraagd
        if a in per_id
    }


def _toen(nu_: Any, wijzigingen: list[Mapping[str, Any]], veld: str, moment: str) -> Any:
    """A field's value at `moment`: in the `voor` of the earliest record at or after it that
    changed the field, else its value now."""
    # A record of none found: FalkorDB projects a null record to a map of nulls.
    gevonden = [w for w in wijzigingen if w and w.get("tijdstip") is not None and w["tijdstip"] >= moment]
    for record in sorted(gevonden, key=lambda w: w["tijdstip"]):
        voor = _json(record.get("voor"))
        if veld in voor:
            return voor[veld]
    return nu_


def _json(text: str | None) -> dict[str, Any]:
    return json.loads(text) if text else {}


def _gelijk(a: Any, b: Any) -> bool:
    return _vorm(a) == _vorm(b)


def _vorm(value: Any) -> Any:
    if isinstance(value, list):
        return sorted(value, key=str) or None
    return value


def _gevuld(value: Any) -> bool:
    return _vorm(value) is not None


def _sorteernaam(regel: Regel) -> str:
    naam = regel.applicatie or regel.van
    return (naam.naam or "") if naam else ""
