"""Every rule that makes meldingen, by area: each area lists its own (`AFLEIDINGEN`), this
registry joins them. A new kind is a value of keuzes.MELDING_SOORT and a rule in its area."""

from __future__ import annotations

from graph_api.domain.aanbod import beoordeling_meldingen
from graph_api.domain.interesse import meldingen as interesse
from graph_api.domain.meldingen import aanbod, landschap, organisaties
from graph_api.domain.meldingen.afleiding import Afleiding

AFLEIDINGEN: tuple[Afleiding, ...] = (
    *aanbod.AFLEIDINGEN,
    *landschap.AFLEIDINGEN,
    *organisaties.AFLEIDINGEN,
    *beoordeling_meldingen.AFLEIDINGEN,
    *interesse.AFLEIDINGEN,
)
