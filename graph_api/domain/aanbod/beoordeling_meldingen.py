"""Meldingen that follow reviews (graph_api/domain/aanbod/beoordeling.py): waiting, to functioneel
beheer; approved or rejected, and answered, to the reviewing organisation's people; published, to
the people of the object's leverancier, without naming the reviewer (docs/access.md, "Reviews")."""

from __future__ import annotations

from graph_api.domain.aanbod.beoordeling import GOEDGEKEURD, INGEDIEND, LABEL
from graph_api.domain.meldingen.afleiding import Afleiding, Stand


def _wacht(voor: Stand, na: Stand) -> bool:
    """Written, or written again after a decision: INGEDIEND now (a rewrite of a review still
    waiting records no status, and functioneel beheer was told already)."""
    return (na or {}).get("status") == INGEDIEND


def _gepubliceerd(voor: Stand, na: Stand) -> bool:
    return (na or {}).get("status") == GOEDGEKEURD


def _beantwoord(voor: Stand, na: Stand) -> bool:
    return bool((na or {}).get("antwoord"))


AFLEIDINGEN: tuple[Afleiding, ...] = (
    Afleiding(
        "BEOORDELING_WACHT", LABEL, frozenset({"AANGEMAAKT", "GEWIJZIGD"}),
        "beoordeling/melding_wacht", _wacht,
    ),
    Afleiding("BEOORDELING_BESLIST", LABEL, frozenset({"STATUS_GEWIJZIGD"}), "beoordeling/melding_beslist"),
    Afleiding(
        "BEOORDELING_GEPUBLICEERD", LABEL, frozenset({"STATUS_GEWIJZIGD"}),
        "beoordeling/melding_gepubliceerd", _gepubliceerd,
    ),
    Afleiding(
        "BEOORDELING_BEANTWOORD", LABEL, frozenset({"GEWIJZIGD"}),
        "beoordeling/melding_beantwoord", _beantwoord,
    ),
)  # fmt: skip
