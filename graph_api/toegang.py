"""What an identity may see: the role matrix of docs/access.md as query parameters.

Every query that reads a landscape takes `$zicht` (see cypher/README.md) and leaves out,
inside the query, what the asker may not see; lists, counts and aggregates shrink alike.
This module turns an Identiteit into that parameter. Roles count only in organisations where
they mean something: FUNCTIONEEL_BEHEERDER and VNG_RAADPLEGER in the Beheerorganisatie,
AANBOD_BEHEERDER in a Leverancier, the GEBRUIK_ roles in an organisation with a landscape.

A Delegatie (docs/access.md, "Delegation") lends a role held at home to another organisation's
landscape or aanbod: the people of the receiving organisation with that role there hold it in
the granting one's too, only between its dates. The Zicht is made anew for every request, by
one query that compares those dates with today's, so a delegation withdrawn or expired gives
nothing from the next request on.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from graph_api.identiteit import Identiteit
from graph_api.store import Store

GROEPSMINIMUM = 5  # gemeenten: the anonymity floor of every aggregate (product.md, F006)
GEBRUIK_ROLLEN = frozenset({"GEBRUIK_RAADPLEGER", "GEBRUIK_BEHEERDER"})
MET_LANDSCHAP = frozenset({"Gemeente", "Samenwerking", "Leverancier", "Beheerorganisatie"})
# The day a delegation's dates are read in: the organisations that grant them are Dutch.
TIJDZONE = ZoneInfo("Europe/Amsterdam")


def vandaag() -> str:
    """Today's date where delegations count, as the graph keeps dates (ISO-8601)."""
    return datetime.now(TIJDZONE).date().isoformat()


@dataclass(frozen=True)
class Zicht:
    alle_gebruik: bool = False  # which organisation uses which application, everywhere
    alle_landschappen: bool = False  # koppelingen, contracts, notes and diensten, everywhere
    aggregaten: bool = False  # anonymised aggregates over every landscape
    beheer: bool = False  # functioneel beheer: everything, figures below the group floor too
    landschappen: frozenset[str] = frozenset()  # organisations whose whole landscape is visible
    producten: frozenset[str] = frozenset()  # applications whose Gebruik is visible
    organisaties: frozenset[str] = frozenset()  # organisations whose users and roles are visible
    # Organisations whose landscape the asker may change (a GEBRUIK_BEHEERDER of each): write
    # statements match only these, or everything with `beheer` (docs/access.md, "Writes").
    wijzigbaar: frozenset[str] = frozenset()
    # Leveranciers whose aanbod (applications, versions, diensten) the asker may change (an
    # AANBOD_BEHEERDER of each): the aanbod write statements match only these, or `beheer`.
    aanbod: frozenset[str] = frozenset()
    # Organisations whose concepts (`gemeldDoor`: missing software a landscape recorded, a
    # leverancier's registration or products not yet checked) the asker sees beside functioneel
    # beheer: the landscapes it sees whole, and the leveranciers it keeps the aanbod or the
    # organisation of.
    concepten: frozenset[str] = frozenset()
    # The organisations the asker is a member of, with any role: each sees the delegations its
    # organisation granted or received.
    leden: frozenset[str] = frozenset()
    # What the asker reaches only through an active Delegatie: the granting organisation, the
    # asker's organisation that received it, and the delegation's id. A write there is recorded
    # as made by the receiving organisation, under that delegation (graph_api/domain/wijzigen.py).
    gedelegeerd: frozenset[tuple[str, str, str]] = frozenset()

    def via(self, organisatie: str) -> tuple[str, str] | None:
        """The asker's organisation acting in `organisatie` by a delegation, and its id; None
        when the asker has no delegated role there (or its own as a member)."""
        return next(((aan, d) for van, aan, d in sorted(self.gedelegeerd) if van == organisatie), None)

    @property
    def alleen_eigen_landschappen(self) -> bool:
        """Whether the asker's aggregates over landscapes count only landscapes it sees whole
        (its own, a samenwerking's members): the group floor protects others, not oneself."""
        return not (self.aggregaten or self.alle_landschappen)

    @property
    def minimale_groep(self) -> int:
        """The smallest group an aggregate may show: functioneel beheer may go below the floor."""
        return 1 if self.beheer else GROEPSMINIMUM

    def params(self) -> dict[str, Any]:
        return {
            "zicht": {
                "alleGebruik": self.alle_gebruik,
                "alleLandschappen": self.alle_landschappen,
                "aggregaten": self.aggregaten,
                "beheer": self.beheer,
                "landschappen": sorted(self.landschappen),
                "producten": sorted(self.producten),
                "organisaties": sorted(self.organisaties),
                "wijzigbaar": sorted(self.wijzigbaar),
                "concepten": sorted(self.concepten),
                "aanbod": sorted(self.aanbod),
                "leden": sorted(self.leden),
            }
        }


BEZOEKER = Zicht()
BEHEER = Zicht(alle_gebruik=True, alle_landschappen=True, aggregaten=True, beheer=True)


async def zicht_voor(identiteit: Identiteit, store: Store) -> Zicht:
    """The Zicht of an identity; one query for the members and products its roles reach, and
    the delegations its organisations hold today."""
    if identiteit.gebruiker is None or not identiteit.lidmaatschappen:
        return BEZOEKER
    beheer = raadpleger = alle_gebruik = False
    eigen_landschap: set[str] = set()
    wijzigbaar: set[str] = set()
    aanbod: set[str] = set()
    organisaties: set[str] = set()
    aanbod_concepten: set[str] = set()
    rollen = {lid.organisatie: lid.rollen for lid in identiteit.lidmaatschappen}
    for lid in identiteit.lidmaatschappen:
        if lid.soort == "Beheerorganisatie":
            beheer = beheer or "FUNCTIONEEL_BEHEERDER" in lid.rollen
            raadpleger = raadpleger or "VNG_RAADPLEGER" in lid.rollen
        if lid.soort in MET_LANDSCHAP and lid.rollen & GEBRUIK_ROLLEN:
            alle_gebruik = True
            eigen_landschap.add(lid.organisatie)
            if "GEBRUIK_BEHEERDER" in lid.rollen:
                wijzigbaar.add(lid.organisatie)
        if lid.soort == "Leverancier" and "AANBOD_BEHEERDER" in lid.rollen:
            aanbod.add(lid.organisatie)
            aanbod_concepten.add(lid.organisatie)
        if "ORGANISATIE_BEHEERDER" in lid.rollen:
            organisaties.add(lid.organisatie)
            if lid.soort == "Leverancier":
                aanbod_concepten.add(lid.organisatie)
    if beheer:
        return replace(BEHEER, leden=frozenset(rollen))
    landschappen, producten = set(eigen_landschap), set()
    gedelegeerd: set[tuple[str, str, str]] = set()
    if eigen_landschap or aanbod:
        rows = await store.read(
            "toegang/reikwijdte",
            {
                "landschappen": sorted(eigen_landschap),
                "leveranciers": sorted(aanbod),
                "vandaag": vandaag(),
            },
        )
        for row in rows:
            landschappen.update(row["leden"])
            producten.update(row["producten"])
            for delegatie in row["delegaties"]:
                van, aan, rol = delegatie["van"], delegatie["aan"], delegatie["rol"]
                if van in rollen:  # a member acts as itself there
                    continue
                gedelegeerd.add((van, aan, delegatie["id"]))
                # The query matched only delegations of a role the asker holds at home (a
                # gebruik role, or aanbod-beheer); gebruik-beheer lends itself only to a
                # gebruik-beheerder there, a raadpleger of that organisation sees.
                if rol == "AANBOD_BEHEERDER":
                    aanbod_concepten.add(van)
                    aanbod.add(van)
                    continue
                landschappen.add(van)
                if rol == "GEBRUIK_BEHEERDER" and "GEBRUIK_BEHEERDER" in rollen[aan]:
                    wijzigbaar.add(van)
    return Zicht(
        alle_gebruik=alle_gebruik,
        aggregaten=raadpleger,
        landschappen=frozenset(landschappen),
        producten=frozenset(producten),
        organisaties=frozenset(organisaties),
        wijzigbaar=frozenset(wijzigbaar),
        concepten=frozenset(landschappen | aanbod_concepten),
        aanbod=frozenset(aanbod),
        leden=frozenset(rollen),
        gedelegeerd=frozenset(gedelegeerd),
    )
