"""Meldingen that follow Gebruiksvoorstellen (graph_api/domain/landschap/voorstel.py): a
proposal made, to the gemeente's people; accepted or rejected, to the leverancier's."""

from __future__ import annotations

from graph_api.domain.meldingen.afleiding import Afleiding, Stand


def _beslist(voor: Stand, na: Stand) -> bool:
    return (na or {}).get("status") in {"AANVAARD", "AFGEWEZEN"}


AFLEIDINGEN: tuple[Afleiding, ...] = (
    Afleiding(
        "VOORSTEL_ONTVANGEN", "Gebruiksvoorstel", frozenset({"AANGEMAAKT"}), "melding/voorstel_ontvangen"
    ),
    Afleiding(
        "VOORSTEL_BESLIST", "Gebruiksvoorstel", frozenset({"STATUS_GEWIJZIGD"}),
        "melding/voorstel_beslist", _beslist,
    ),
)  # fmt: skip
