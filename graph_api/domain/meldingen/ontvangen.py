"""A person's own meldingen: read, marked read, and which kinds it receives (issue 19, item 3).

Only the signed-in person's own, by its Gebruiker id in every statement (`$ontvanger`): no role
shows anyone else's. Marking another person's melding read is not refused but does nothing: the
answer lists the asker's own of those named, and tells nothing about ids that are not.
Both writes set a state (read, or the kinds switched off) rather than toggle it, and record the
change privately (a Wijziging whose `organisatie` is the person: only functioneel beheer lists
it), which is what makes a retry with the same idempotency key answer as the first time.
"""

from __future__ import annotations

from graph_api.domain.wijzigen import Schrijver, Writer, nu, uniek, valideer, weiger, wijziging
from graph_api.errors import Unauthenticated
from graph_api.identiteit import Identiteit
from graph_api.model import keuzes
from graph_api.model.validate import INVALID_TYPE, Problem


def ontvanger(identiteit: Identiteit, wat: str) -> str:
    """The person asking: meldingen are a signed-in person's own."""
    if identiteit.gebruiker is None:
        raise Unauthenticated(f"{wat} needs a signed-in person: meldingen are a person's own")
    return identiteit.gebruiker


def _record(schrijver: Schrijver, voor: dict[str, object] | None, na: dict[str, object]) -> dict[str, object]:
    persoon = schrijver.gebruiker
    thuis = next((lid.organisatie for lid in schrijver.identiteit.lidmaatschappen), persoon)
    return wijziging(
        schrijver, organisatie=persoon, object_id=persoon, label="Gebruiker", operatie="GEWIJZIGD",
        tijdstip=nu(), voor=voor, na=na, namens=thuis,
    )  # fmt: skip


async def markeer_gelezen(store: Writer, schrijver: Schrijver, *, ids: list[str] | None, alle: bool) -> None:
    """Mark the asker's meldingen `ids`, or all of them, read."""
    ontvanger(schrijver.identiteit, "markeerMeldingenGelezen")
    if alle and ids:
        weiger("Melding", [Problem("ids", INVALID_TYPE, "name ids or alle: true, not both")])
    if not alle and not ids:
        weiger("Melding", [Problem("ids", "REQUIRED", "name the meldingen, or give alle: true")])
    gevraagd = uniek(ids) or []
    record = _record(schrijver, None, {"gelezen": "ALLE" if alle else gevraagd})
    await store.write(
        "melding/markeren",
        {"ontvanger": schrijver.gebruiker, "alle": alle, "ids": gevraagd, "wijziging": record},
    )


async def voorkeuren(store: Writer, persoon: str) -> list[str]:
    """The kinds of melding `persoon` switched off."""
    rows = await store.read("melding/voorkeuren", {"ontvanger": persoon})
    return list(rows[0]["uit"]) if rows else []


async def wijzig_voorkeuren(store: Writer, schrijver: Schrijver, *, uit: list[str]) -> list[str]:
    """Switch off exactly the kinds `uit` for the asker (the others on); the kinds now off."""
    ontvanger(schrijver.identiteit, "wijzigMeldingvoorkeuren")
    kinds = [soort for soort in keuzes.MELDING_SOORT if soort in set(uit)]
    valideer("Gebruiker", {"meldingenUit": uit}, frozenset(), partial=True)
    voor = await voorkeuren(store, schrijver.gebruiker)
    record = _record(schrijver, {"meldingenUit": voor}, {"meldingenUit": kinds})
    rows = await store.write(
        "melding/voorkeuren_wijzigen", {"ontvanger": schrijver.gebruiker, "uit": kinds, "wijziging": record}
    )
    return list(rows[0]["uit"]) if rows else kinds
