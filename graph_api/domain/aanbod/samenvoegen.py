"""Duplicate applications merged (F004): a functioneel beheerder merges an application recorded
twice into the one kept. Everything that points at the duplicate moves to the one kept, in one
statement (cypher/samenvoegen/applicaties), and the duplicate stays behind as a marker naming
it (`SamengevoegdeApplicatie`), so that its id still resolves (applicatie/per_id).

`voegConceptSamen` (graph_api/domain/aanbod/concept.py) is the small case of this: a concept has
only Gebruik and proposals, no versions, diensten or modules, nobody outside refers to its id,
and an organisation using both is refused there. Here both are published applications, so an
organisation using both keeps one Gebruik that combines the two (`combineer`), and versions
with the same number become one (the kept one's).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graph_api.domain.aanbod.concept import mag_beheren
from graph_api.domain.landschap.gebruik import LEVENSLOOP, STATUSDATUM, VELDEN
from graph_api.domain.wijzigen import Schrijver, Writer, nu, tekstproblemen, weiger, wijziging
from graph_api.errors import ClientError, Duplicate, InUse, Merged

LABEL = "Applicatie"
# What the merge carries over, per label: every relationship (type, direction) of the duplicate
# application, of an organisation's Gebruik of it that joins its Gebruik of the one kept, and of
# a version the one kept has by number. Whatever is not carried over would stay at the marker or
# go with the node deleted, so tests/graphql/test_samenvoegen.py holds the model to this: a
# relationship the model gains at one of these labels must be carried over by the statement too.
VERPLAATST: dict[str, frozenset[tuple[str, str]]] = {
    "Applicatie": frozenset(
        {
            ("VAN", "in"),  # Gebruik
            ("BIJ", "in"),  # Dienst
            ("BETREFT", "in"),  # Gebruiksvoorstel
            ("ONDERDEEL_VAN", "in"),  # its modules
            ("ONDERDEEL_VAN", "uit"),  # its product, when the one kept has none
            ("HEEFT_VERSIE", "uit"),
            ("REALISEERT", "uit"),
            ("BIEDT_AAN", "in"),  # the same leverancier offers the one kept: it goes
            ("TOONT", "in"),  # its etalage items
            ("OVER", "in"),  # reviews (Beoordeling)
            ("INTERESSE_IN", "in"),  # a gemeente's interest
        }
    ),
    "Gebruik": frozenset(
        {
            ("GEBRUIKT", "in"),  # the organisation has the kept one already: it goes
            ("VAN", "uit"),  # the duplicate: it goes
            ("VERSIE", "uit"),
            ("VOOR", "uit"),
            ("NEEMT_AF", "uit"),
            ("REGISTREERT", "in"),
            ("KOPPELT", "uit"),
            ("KOPPELT", "in"),
            ("VAN", "in"),  # Koppeling
            ("NAAR", "in"),
            ("VIA", "in"),
            ("WERD", "in"),  # Gebruiksvoorstel
        }
    ),
    "Versie": frozenset({("HEEFT_VERSIE", "in"), ("VERSIE", "in"), ("ONDERSTEUNT", "uit")}),
}


@dataclass(frozen=True)
class Samengevoegd:
    applicatie: str  # the application kept
    verplaatst: int  # Gebruik that moved to it
    gecombineerd: int  # Gebruik combined with one of it by the same organisation


def combineer(behouden: Mapping[str, Any], duplicaat: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of one organisation's Gebruik of the application kept, once its Gebruik of the
    duplicate joins it: the status furthest along the lifecycle (which only goes forward, so
    neither record goes back), each status's earliest date, the kept one's hosting and contract
    end unless it has none, and the notes of both."""
    status = max(behouden["status"], duplicaat["status"], key=LEVENSLOOP.statussen.index)
    velden: dict[str, Any] = {"status": status}
    for veld in STATUSDATUM.values():
        datums = [d for d in (behouden.get(veld), duplicaat.get(veld)) if d]
        velden[veld] = min(datums) if datums else None
    for veld in ("hosting", "contractEinde"):
        velden[veld] = behouden.get(veld) or duplicaat.get(veld)
    notities = [n for n in (behouden.get("notities"), duplicaat.get("notities")) if n]
    velden["notities"] = "\n\n".join(dict.fromkeys(notities)) or None
    return velden


def _versie(gebruik: Mapping[str, Any]) -> str:
    """How the statement names a Gebruik at its versie, to write only at what was read."""
    return f"{gebruik['id']}/{gebruik.get('versie') or 1}"


async def _stand(store: Writer, duplicaat: str, behouden: str) -> dict[str, Any]:
    [stand] = await store.read("samenvoegen/stand", {"duplicaat": duplicaat, "behouden": behouden})
    for veld, id_ in (("duplicaat", duplicaat), ("behouden", behouden)):
        argument = f"input.{veld}"
        if stand[f"{veld}Met"] is not None:
            raise Merged(
                f"{id_} was merged into {stand[f'{veld}Met']} already", samengevoegd_met=stand[f"{veld}Met"],
                argument=argument,
            )  # fmt: skip
        if stand[veld] is None:
            raise ClientError("NOT_FOUND", f"there is no application {id_!r}", argument=argument)
        if stand[veld].get("gemeldDoor") is not None:
            raise ClientError(
                "INVALID_ARGUMENT",
                f"{id_} is a concept (missing software a gebruik-beheerder recorded): "
                "merge it with voegConceptSamen, or publish it first",
                argument=argument,
            )
    if sorted(stand["leveranciersD"]) != sorted(stand["leveranciersK"]):
        raise ClientError(
            "INVALID_ARGUMENT",
            f"{duplicaat} and {behouden} are offered by different leveranciers "
            f"({', '.join(stand['leveranciersD']) or 'none'}; "
            f"{', '.join(stand['leveranciersK']) or 'none'}): only an application recorded twice by "
            "one leverancier is merged",
            argument="input.behouden",
        )
    if stand["tussen"]:
        raise InUse(
            ", ".join(f"{t['id']} ({t['organisatie']})" for t in stand["tussen"])
            + f" connects the Gebruik of {duplicaat} and of {behouden} of one organisation, which "
            "become one: that organisation removes the koppeling first",
            argument="input.duplicaat",
        )
    return stand


async def voeg_samen(store: Writer, schrijver: Schrijver, *, duplicaat: str, behouden: str) -> Samengevoegd:
    """Merge the application `duplicaat` into `behouden` (docs/access.md, "Merging applications")."""
    mag_beheren(schrijver, "voegApplicatiesSamen")
    weiger(LABEL, tekstproblemen({"duplicaat": duplicaat, "behouden": behouden}))
    if duplicaat == behouden:
        raise ClientError(
            "INVALID_ARGUMENT", "an application is not a duplicate of itself", argument="input.behouden"
        )
    stand = await _stand(store, duplicaat, behouden)
    tijdstip = nu()
    behouden_per_organisatie = {g["organisatie"]: g for g in stand["gebruikK"]}
    kept_versies = {v["versie"]: v["id"] for v in stand["versiesK"]}
    versieparen = [
        {"duplicaat": v["id"], "behouden": kept_versies[v["versie"]]}
        for v in stand["versiesD"]
        if v["versie"] in kept_versies
    ]
    naar_versie = {p["duplicaat"]: p["behouden"] for p in versieparen}
    verplaatst, paren, records = [], [], []
    for g in stand["gebruikD"]:
        organisatie = g["organisatie"]
        kept = behouden_per_organisatie.get(organisatie)
        if kept is None:
            verplaatst.append(g["id"])
            records.append(
                wijziging(schrijver, organisatie=organisatie, object_id=g["id"], label="Gebruik",
                          operatie="GEWIJZIGD", tijdstip=tijdstip, voor={"applicatie": duplicaat},
                          na={"applicatie": behouden}, met_sleutel=False)
            )  # fmt: skip
            continue
        velden = combineer(kept, g)
        versie = None
        if kept.get("versieId") is None and g.get("versieId") is not None:
            versie = naar_versie.get(g["versieId"], g["versieId"])
        paren.append(
            {"duplicaat": g["id"], "behouden": kept["id"], "eigenschappen": velden, "versie": versie}
        )
        voor = {veld: kept.get(veld) for veld in VELDEN}
        gewijzigd = {veld for veld in VELDEN if velden.get(veld) != kept.get(veld)}
        records += [
            wijziging(schrijver, organisatie=organisatie, object_id=kept["id"], label="Gebruik",
                      operatie="GEWIJZIGD", tijdstip=tijdstip,
                      voor={v: voor[v] for v in sorted(gewijzigd)},
                      na={**{v: velden[v] for v in sorted(gewijzigd)}, "samengevoegdMet": g["id"],
                          **({} if versie is None else {"versie": versie})},
                      met_sleutel=False),
            wijziging(schrijver, organisatie=organisatie, object_id=g["id"], label="Gebruik",
                      operatie="SAMENGEVOEGD", tijdstip=tijdstip,
                      voor={**{veld: g.get(veld) for veld in VELDEN}, "applicatie": duplicaat},
                      na={"samengevoegdMet": kept["id"], "applicatie": behouden}, met_sleutel=False),
        ]  # fmt: skip
    # An application's changes belong to its leverancier (the Beheerorganisatie's for none).
    eigenaar = next(iter(sorted(stand["leveranciersK"])), None) or schrijver.namens("")
    records.append(
        wijziging(schrijver, organisatie=eigenaar, object_id=duplicaat, label=LABEL,
                  operatie="SAMENGEVOEGD", tijdstip=tijdstip, voor=stand["duplicaat"],
                  na={"samengevoegdMet": behouden, "verplaatst": len(verplaatst), "gecombineerd": len(paren),
                      "versies": versieparen})
    )  # fmt: skip
    rows = await store.write(
        "samenvoegen/applicaties",
        {
            "duplicaat": duplicaat,
            "behouden": behouden,
            "standD": stand["standD"],
            "gebruikD": [_versie(g) for g in stand["gebruikD"]],
            "gebruikK": [_versie(g) for g in stand["gebruikK"]],
            "versiesK": [f"{v['id']}/{v['versie']}" for v in stand["versiesK"]],
            "organisaties": sorted({g["organisatie"] for g in stand["gebruikD"]}),
            "verplaatst": verplaatst,
            "paren": paren,
            "behoudenGebruik": [p["behouden"] for p in paren],
            "versieparen": versieparen,
            "tijdstip": tijdstip,
            "door": schrijver.gebruiker,
            "wijzigingen": records,
        },
    )
    if not rows:  # changed meanwhile: say what is wrong now, or that it changed
        await _stand(store, duplicaat, behouden)
        raise Duplicate(f"{duplicaat} or {behouden} changed meanwhile: try again", argument="input.duplicaat")
    return Samengevoegd(rows[0]["id"], len(verplaatst), len(paren))
