"""Meldingen that follow changes of the aanbod (issue 19, item 3): to the people of the
organisations using an application or taking a dienst when its leverancier changes it, and of
concepts (graph_api/domain/aanbod/concept.py): waiting, to functioneel beheer, and decided, to
whoever reported or offered them."""

from __future__ import annotations

from collections.abc import Callable

from graph_api.domain.meldingen.afleiding import Afleiding, Stand


def _einde_ondersteuning(voor: Stand, na: Stand) -> bool:
    """Its end of support set or moved, or its status become EINDE_ONDERSTEUNING; not removed."""
    na = na or {}
    return bool(na.get("eindeOndersteuning")) or na.get("status") == "EINDE_ONDERSTEUNING"


def _status(status: str) -> Callable[[Stand, Stand], bool]:
    def geworden(voor: Stand, na: Stand) -> bool:
        return (na or {}).get("status") == status

    return geworden


def _concept(voor: Stand, na: Stand) -> bool:
    return (na or {}).get("status") == "CONCEPT"


def _concept_beslist(voor: Stand, na: Stand) -> bool:
    """Published (from CONCEPT), sent back (a reason given) or merged (SAMENGEVOEGD's record)."""
    voor, na = voor or {}, na or {}
    return (
        (voor.get("status") == "CONCEPT" and na.get("status") == "ACTIEF")
        or bool(na.get("afwijzingsreden"))
        or "samengevoegdMet" in na
    )


AFLEIDINGEN: tuple[Afleiding, ...] = (
    Afleiding("NIEUWE_VERSIE", "Versie", frozenset({"AANGEMAAKT"}), "melding/nieuwe_versie"),
    Afleiding(
        "EINDE_ONDERSTEUNING", "Versie", frozenset({"GEWIJZIGD", "STATUS_GEWIJZIGD"}),
        "melding/einde_ondersteuning", _einde_ondersteuning,
    ),
    Afleiding(
        "APPLICATIE_TERUGGETROKKEN", "Applicatie", frozenset({"STATUS_GEWIJZIGD"}),
        "melding/applicatie_teruggetrokken", _status("TERUGGETROKKEN"),
    ),
    Afleiding(
        "DIENST_INGETROKKEN", "Dienst", frozenset({"STATUS_GEWIJZIGD"}),
        "melding/dienst_ingetrokken", _status("INGETROKKEN"),
    ),
    Afleiding("CONCEPT_WACHT", "Applicatie", frozenset({"AANGEMAAKT"}), "melding/concept_wacht", _concept),
    Afleiding(
        "CONCEPT_BESLIST", "Applicatie", frozenset({"STATUS_GEWIJZIGD", "GEWIJZIGD", "SAMENGEVOEGD"}),
        "melding/concept_beslist", _concept_beslist,
    ),
)  # fmt: skip
