"""What an identity may see: the role matrix of docs/access.md as query parameters.

Every query that reads a landscape takes `$zicht` (see cypher/README.md) and leaves out,
inside the query, what the asker may not see; lists, counts and aggregates shrink alike.
This module turns an Identiteit into that parameter. Roles count only in organisations where
they mean something: FUNCTIONEEL_BEHEERDER and VNG_RAADPLEGER in the Beheerorganisatie,
AANBOD_BEHEERDER in a Leverancier, the GEBRUIK_ roles in an organisation with a landscape.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph_api.identiteit import Identiteit
from graph_api.store import Store

GROEPSMINIMUM = 5  # gemeenten: the anonymity floor of every aggregate (product.md, F006)
GEBRUIK_ROLLEN = frozenset({"GEBRUIK_RAADPLEGER", "GEBRUIK_BEHEERDER"})
MET_LANDSCHAP = frozenset({"Gemeente", "Samenwerking", "Leverancier", "Beheerorganisatie"})


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
            }
        }


BEZOEKER = Zicht()
BEHEER = Zicht(alle_gebruik=True, alle_landschappen=True, aggregaten=True, beheer=True)


async def zicht_voor(identiteit: Identiteit, store: Store) -> Zicht:
    """The Zicht of an identity; one query for the members and products its roles reach."""
    if identiteit.gebruiker is None or not identiteit.lidmaatschappen:
        return BEZOEKER
    beheer = raadpleger = alle_gebruik = False
    eigen_landschap: set[str] = set()
    wijzigbaar: set[str] = set()
    aanbod: set[str] = set()
    organisaties: set[str] = set()
    aanbod_concepten: set[str] = set()
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
        return BEHEER
    landschappen, producten = set(eigen_landschap), set()
    if eigen_landschap or aanbod:
        rows = await store.read(
            "toegang/reikwijdte",
            {"landschappen": sorted(eigen_landschap), "leveranciers": sorted(aanbod)},
        )
        for row in rows:
            landschappen.update(row["leden"])
            producten.update(row["producten"])
    return Zicht(
        alle_gebruik=alle_gebruik,
        aggregaten=raadpleger,
        landschappen=frozenset(landschappen),
        producten=frozenset(producten),
        organisaties=frozenset(organisaties),
        wijzigbaar=frozenset(wijzigbaar),
        concepten=frozenset(landschappen | aanbod_concepten),
        aanbod=frozenset(aanbod),
    )
