"""Advice on being found (issue 18, item 6): how complete a leverancier's aanbod is, per
application, with a concrete suggestion for each gap and a score.

Gemeenten find software in the catalogue by GEMMA component, by standard, by what is current,
and by reading about it; an application lacking one of those is missed by whoever searches that
way. Each check below is one way of being found. The score is the share of checks passed, 0 to
100: per application, and over the whole aanbod (every check of every application counting
once).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

# The checks, in the order suggestions are given; what each asks of an application.
CHECKS = {
    "NO_REFERENTIECOMPONENT": "record the GEMMA referentiecomponenten it realises: gemeenten "
    "search by component",
    "STANDARD_WITHOUT_EVIDENCE": "give the evidence (a url) for the standard version this version "
    "claims to support",
    "NO_CURRENT_VERSION": "record the version in use (status IN_GEBRUIK): without one it reads "
    "as abandoned",
    "NO_DESCRIPTION": "describe what it does: search reads the description",
    "NO_WEBSITE": "give its website, where gemeenten read more",
    "NO_MATERIAL": "show it in the etalage: a screenshot, a demo link or a case study",
}


@dataclass(frozen=True)
class Suggestie:
    code: str
    applicatie: Mapping[str, Any]  # the application's properties, as read
    toelichting: str
    versie: Mapping[str, Any] | None = None  # STANDARD_WITHOUT_EVIDENCE: the version claiming
    standaardversie: Mapping[str, Any] | None = None  # and the standard version claimed


@dataclass(frozen=True)
class Applicatieadvies:
    applicatie: Mapping[str, Any]
    score: int
    suggesties: list[Suggestie] = field(default_factory=list)


@dataclass(frozen=True)
class Advies:
    score: int | None  # None: no applications to judge
    applicaties: list[Applicatieadvies]

    @property
    def suggesties(self) -> list[Suggestie]:
        return [s for a in self.applicaties for s in a.suggesties]


def _leeg(value: Any) -> bool:
    return value is None or not str(value).strip()


def beoordeel(rijen: Sequence[Mapping[str, Any]]) -> Advies:
    """The advice from the rows of cypher/leveranciersoverzicht/advies (one per application)."""
    applicaties, geslaagd = [], 0
    for rij in rijen:
        app = rij["applicatie"]
        zonder_bewijs = sorted(
            rij["zonderBewijs"], key=lambda c: (c["versie"]["id"], c["standaardversie"]["id"])
        )
        gaten = {
            "NO_REFERENTIECOMPONENT": rij["referentiecomponenten"] == 0,
            "STANDARD_WITHOUT_EVIDENCE": bool(zonder_bewijs),
            "NO_CURRENT_VERSION": not rij["inGebruik"],
            "NO_DESCRIPTION": _leeg(app.get("beschrijving")),
            "NO_WEBSITE": _leeg(app.get("website")),
            "NO_MATERIAL": rij["etalage"] == 0,
        }
        suggesties = []
        for code, gat in gaten.items():
            if not gat:
                continue
            if code == "STANDARD_WITHOUT_EVIDENCE":
                suggesties += [
                    Suggestie(code, app, CHECKS[code], claim["versie"], claim["standaardversie"])
                    for claim in zonder_bewijs
                ]
            else:
                suggesties.append(Suggestie(code, app, CHECKS[code]))
        gehaald = sum(not gat for gat in gaten.values())
        geslaagd += gehaald
        applicaties.append(Applicatieadvies(app, _procent(gehaald, len(CHECKS)), suggesties))
    totaal = len(CHECKS) * len(applicaties)
    return Advies(_procent(geslaagd, totaal) if totaal else None, applicaties)


def _procent(deel: int, geheel: int) -> int:
    """A share as a whole percentage, halves rounded up (not to the even number as round())."""
    return (200 * deel + geheel) // (2 * geheel)
