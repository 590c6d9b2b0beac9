"""Meldingen that follow changes of the aanbod (issue 19, item 3): to the people of the
organisations using an application, when its leverancier changes it."""

from __future__ import annotations

from graph_api.domain.meldingen.afleiding import Afleiding

AFLEIDINGEN: tuple[Afleiding, ...] = (
    Afleiding("NIEUWE_VERSIE", "Versie", frozenset({"AANGEMAAKT"}), "melding/nieuwe_versie"),
)
