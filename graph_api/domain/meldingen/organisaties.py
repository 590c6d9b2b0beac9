"""Meldingen that follow a leverancier's registration (graph_api/domain/organisaties/registratie.py):
waiting, to functioneel beheer; decided, to the leverancier's people."""

from __future__ import annotations

from graph_api.domain.meldingen.afleiding import Afleiding, Stand


def _met_registratie(voor: Stand, na: Stand) -> bool:
    """The Leverancier a registration created, not one created otherwise (a concept leverancier
    of missing software)."""
    return bool((na or {}).get("registratie"))


AFLEIDINGEN: tuple[Afleiding, ...] = (
    Afleiding(
        "REGISTRATIE_WACHT", "Leverancier", frozenset({"AANGEMAAKT"}),
        "melding/registratie_wacht", _met_registratie,
    ),
    Afleiding(
        "REGISTRATIE_BESLIST", "Registratie", frozenset({"STATUS_GEWIJZIGD"}), "melding/registratie_beslist"
    ),
)  # fmt: skip
