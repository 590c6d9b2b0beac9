"""Applying an import's plan: all of it in one statement (cypher/invoer/toepassen), or nothing.

The statement matches only a landscape the asker may change, and only while it is the landscape
the plan read (every Gebruik and koppeling at the versie the plan saw): a write in between makes
it write nothing, and the import is refused with LANDSCAPE_CHANGED. Each object created or
changed gets its change record (Wijziging) in the same statement, as a mutation's does.
"""

from __future__ import annotations

from typing import Any

from graph_api.domain.wijzigen import Schrijver, Writer, nu, wijziging
from graph_api.errors import InvoerOngeldig, LandschapGewijzigd
from graph_api.uitwisseling.invoer.plan import Plan, Schrijfactie

GEWIJZIGD_SINDS = (
    "the landscape changed since the file was planned against it (a Gebruik or koppeling was "
    "written meanwhile, or an application or version it names is gone): nothing was written; "
    "import the file again"
)


async def pas_toe(store: Writer, schrijver: Schrijver, plan: Plan) -> int:
    """Write the plan; the number of change records written (0: the file changes nothing)."""
    if not plan.toepasbaar:
        raise InvoerOngeldig(f"{len(plan.fouten)} errors in the file: nothing was written")
    if not plan.verandert:
        return 0
    rows = await store.write("invoer/toepassen", parameters(plan, schrijver, nu()))
    if not rows:
        raise LandschapGewijzigd(GEWIJZIGD_SINDS)
    return int(rows[0]["wijzigingen"])


def parameters(plan: Plan, schrijver: Schrijver, tijdstip: str) -> dict[str, Any]:
    """The statement's parameters: what each step creates, changes, removes and adds."""
    stempel = {"gewijzigdOp": tijdstip, "gewijzigdDoor": schrijver.gebruiker}
    nieuw_g = [a for a in plan.gebruik_acties if a.versie == 0]
    anders_g = [a for a in plan.gebruik_acties if a.versie > 0]
    nieuw_k = [a for a in plan.koppeling_acties if a.versie == 0]
    anders_k = [a for a in plan.koppeling_acties if a.versie > 0]
    versie_bij = [{"gebruik": a.id, "versie": v} for a in plan.gebruik_acties for v in a.versies or []]
    gedraaid = [a for a in anders_k if "richting" in a.eigenschappen]

    def record(actie: Schrijfactie, label: str, na_nieuw: dict[str, Any]) -> dict[str, Any]:
        nieuw = actie.versie == 0
        return wijziging(
            schrijver,
            organisatie=plan.organisatie,
            object_id=actie.id,
            label=label,
            operatie="AANGEMAAKT" if nieuw else "GEWIJZIGD",
            tijdstip=tijdstip,
            voor=None if nieuw else actie.voor,
            na=na_nieuw if nieuw else actie.na,
            met_sleutel=False,
        )

    wijzigingen = [record(a, "Gebruik", _gebruik_na(plan.organisatie, a)) for a in plan.gebruik_acties] + [
        record(a, "Koppeling", _koppeling_na(a)) for a in plan.koppeling_acties
    ]
    return {
        "organisatie": plan.organisatie,
        "stand": plan.stand,
        "applicaties": sorted({a.applicatie for a in nieuw_g if a.applicatie}),
        "versies": sorted({b["versie"] for b in versie_bij}),
        "gebruikNieuw": [
            {
                "applicatie": a.applicatie,
                "eigenschappen": {**a.eigenschappen, "id": a.id, "versie": 1, **stempel},
            }
            for a in nieuw_g
        ],
        "gebruikGewijzigd": [
            {"id": a.id, "versie": a.versie, "eigenschappen": {**a.eigenschappen, **stempel}}
            for a in anders_g
        ],
        "versieWeg": [a.id for a in anders_g if a.versies is not None],
        "versieBij": versie_bij,
        "componentWeg": [a.id for a in anders_g if a.componenten is not None],
        "componentBij": [
            {"gebruik": a.id, "component": c} for a in plan.gebruik_acties for c in a.componenten or []
        ],
        "koppelingNieuw": [
            {
                "van": a.van,
                "naar": a.naar,
                "eigenschappen": {**a.eigenschappen, "id": a.id, "versie": 1, **stempel},
            }
            for a in nieuw_k
        ],
        "koppelingGewijzigd": [
            {"id": a.id, "versie": a.versie, "eigenschappen": {**a.eigenschappen, **stempel}}
            for a in anders_k
        ],
        "koppeltWeg": [a.id for a in gedraaid],
        "koppeltBij": [
            {"koppeling": a.id, "richting": a.eigenschappen["richting"]} for a in nieuw_k + gedraaid
        ],
        "viaWeg": [a.id for a in anders_k if a.via is not None],
        "viaBij": [{"koppeling": a.id, "via": v} for a in plan.koppeling_acties for v in a.via or []],
        "volgensWeg": [a.id for a in anders_k if a.standaardversies is not None],
        "volgensBij": [
            {"koppeling": a.id, "standaardversie": s}
            for a in plan.koppeling_acties
            for s in a.standaardversies or []
        ],
        "wijzigingen": wijzigingen,
    }


def _gebruik_na(organisatie: str, actie: Schrijfactie) -> dict[str, Any]:
    """A created Gebruik's record, as registreerGebruik writes it."""
    return {
        **actie.eigenschappen,
        "organisatie": organisatie,
        "applicatie": actie.applicatie,
        "versies": actie.versies or [],
        "referentiecomponenten": actie.componenten or [],
        "diensten": [],
    }


def _koppeling_na(actie: Schrijfactie) -> dict[str, Any]:
    """A created koppeling's record, as registreerKoppeling writes it."""
    return {
        **actie.eigenschappen,
        "van": actie.van,
        "naar": actie.naar,
        "via": actie.via[0] if actie.via else None,
        "standaardversies": actie.standaardversies or [],
    }
