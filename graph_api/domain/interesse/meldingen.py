"""The melding interest makes (graph_api/domain/meldingen/afleiding.py): a gemeente showed
interest, to the leverancier's aanbod- and organisatie-beheerders (cypher/interesse/melding)."""

from __future__ import annotations

from graph_api.domain.interesse.interesse import LABEL
from graph_api.domain.meldingen.afleiding import Afleiding

AFLEIDINGEN: tuple[Afleiding, ...] = (
    Afleiding("INTERESSE_GETOOND", LABEL, frozenset({"AANGEMAAKT"}), "interesse/melding"),
)
