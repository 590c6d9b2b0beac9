"""Interest (issue 19, item 5): a person of a gemeente shows interest in an application, with an
optional message, once per gemeente and application; the gemeente withdraws it.

Any role that counts in a gemeente may show it (gebruik-raadpleger, gebruik-beheerder,
organisatie-beheerder): interest commits the gemeente to nothing, it lets the leverancier call.
A machine client shows none: the leverancier sees a person's name. The leverancier's aanbod- and
organisatie-beheerders (and functioneel beheer) see who showed it (cypher/leveranciersoverzicht/
interesse); nobody else does. Showing it again is refused (DUPLICATE): withdraw it and show it
again with another message, which tells the leverancier again.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph_api.domain.gebruikers import ROL_IN
from graph_api.domain.wijzigen import Schrijver, Writer, nieuw_id, nu, tekstproblemen, weiger, wijziging
from graph_api.errors import ClientError, Duplicate, Forbidden, Unauthenticated, VersionConflict

LABEL = "Interesse"
# The roles that mean something in a gemeente (graph_api/domain/gebruikers.py).
GEMEENTE_ROLLEN = frozenset(rol for rol, soorten in ROL_IN.items() if "Gemeente" in soorten)


@dataclass(frozen=True)
class Geschreven:
    id: str


def gemeenten(schrijver: Schrijver) -> list[str]:
    """The gemeenten the asker may show interest for: those it holds a role of a gemeente in."""
    return sorted(
        lid.organisatie
        for lid in schrijver.identiteit.lidmaatschappen
        if lid.soort == "Gemeente" and lid.rollen & GEMEENTE_ROLLEN
    )


def _gemeente(schrijver: Schrijver, gevraagd: str | None) -> str:
    if schrijver.identiteit.gebruiker is None:
        raise Unauthenticated("toonInteresse needs a signed-in person of a gemeente")
    eigen = gemeenten(schrijver)
    if not eigen:
        raise Forbidden("toonInteresse is a gemeente's: it needs a role in a gemeente")
    if gevraagd is None:
        if len(eigen) > 1:
            raise ClientError(
                "INVALID_ARGUMENT",
                f"you hold roles in {len(eigen)} gemeenten: say for which one",
                argument="input.gemeente",
            )
        return eigen[0]
    if gevraagd not in eigen:
        raise Forbidden(f"you hold no role in gemeente {gevraagd}", argument="input.gemeente")
    return gevraagd


async def toon(
    store: Writer, schrijver: Schrijver, *, applicatie: str, gemeente: str | None, bericht: str | None
) -> Geschreven:
    """The gemeente's interest in `applicatie`, with `bericht` (blank: none)."""
    gemeente = _gemeente(schrijver, gemeente)
    bericht = bericht.strip() if bericht is not None else None
    weiger(LABEL, tekstproblemen({"applicatie": applicatie, "bericht": bericht}, frozenset({"bericht"})))
    params = {"applicatie": applicatie, "gemeente": gemeente, "gebruiker": schrijver.gebruiker}
    [stand] = await store.read("interesse/stand", params)
    _weiger_stand(schrijver, stand, applicatie)
    tijdstip, interesse_id = nu(), nieuw_id("int")
    na = {"applicatie": applicatie, "gemeente": gemeente, **({"bericht": bericht} if bericht else {})}
    interesse = {"id": interesse_id, "versie": 1, "aangemaakt": tijdstip, "door": schrijver.gebruiker}
    if bericht:
        interesse["bericht"] = bericht
    record = wijziging(
        schrijver, organisatie=gemeente, object_id=interesse_id, label=LABEL, operatie="AANGEMAAKT",
        tijdstip=tijdstip, voor=None, na=na, namens=gemeente,
    )  # fmt: skip
    rows = await store.write("interesse/tonen", {**params, "interesse": interesse, "wijziging": record})
    if not rows:  # changed between the read and the write: say what the write found
        [stand] = await store.read("interesse/stand", params)
        _weiger_stand(schrijver, stand, applicatie)
        raise Duplicate(f"{gemeente} shows interest in {applicatie} already", argument="input.applicatie")
    return Geschreven(rows[0]["id"])


def _weiger_stand(schrijver: Schrijver, stand: dict, applicatie: str) -> None:
    zicht = schrijver.zicht
    concept = stand["gemeldDoor"]
    if not stand["gevonden"] or (concept is not None and not (zicht.beheer or concept in zicht.concepten)):
        raise ClientError("NOT_FOUND", f"there is no application {applicatie!r}", argument="input.applicatie")
    if concept is not None:
        raise ClientError(
            "INVALID_ARGUMENT",
            f"{applicatie} is a concept: show interest once functioneel beheer published it",
            argument="input.applicatie",
        )
    if stand["status"] == "TERUGGETROKKEN":
        raise ClientError(
            "RETIRED", f"{applicatie} is retired by its leverancier", argument="input.applicatie"
        )
    if stand["soort"] != "PERSOON":
        raise Forbidden("a machine client shows no interest: the leverancier sees a person's name")
    if stand["bestaand"] is not None:
        raise Duplicate(
            f"the gemeente shows interest in {applicatie} already ({stand['bestaand']}): withdraw it "
            "to show it again with another message",
            argument="input.applicatie",
        )


async def trek_in(store: Writer, schrijver: Schrijver, *, interesse: str, verwachte_versie: int) -> str:
    """Withdraw the interest (deleted; its record remains): the id it had."""
    if schrijver.identiteit.gebruiker is None:
        raise Unauthenticated("trekInteresseIn needs a signed-in person of the gemeente")
    if not gemeenten(schrijver):
        raise Forbidden("trekInteresseIn is a gemeente's: it needs a role in the gemeente")
    rows = await store.read("interesse/schrijfstand", {"interesse": interesse})
    if not rows:
        raise ClientError("NOT_FOUND", f"there is no interest {interesse!r}", argument="input.interesse")
    stand = rows[0]
    gemeente = stand["gemeente"]
    if gemeente not in schrijver.zicht.leden:
        raise Forbidden(f"only the people of {gemeente} withdraw its interest", argument="input.interesse")
    huidige = stand["interesse"]["versie"]
    if huidige != verwachte_versie:
        raise VersionConflict(
            f"interest {interesse} is at versie {huidige}, not {verwachte_versie}: read it again",
            huidige_versie=huidige,
            argument="input.verwachteVersie",
        )
    voor = {"applicatie": stand["applicatie"], "gemeente": gemeente}
    if stand["interesse"].get("bericht"):
        voor["bericht"] = stand["interesse"]["bericht"]
    record = wijziging(
        schrijver, organisatie=gemeente, object_id=interesse, label=LABEL, operatie="VERWIJDERD",
        tijdstip=nu(), voor=voor, na=None, namens=gemeente,
    )  # fmt: skip
    params = {"interesse": interesse, "verwachteVersie": verwachte_versie, "wijziging": record}
    if not await store.write("interesse/intrekken", params):
        raise VersionConflict(
            f"interest {interesse} changed meanwhile: read it again",
            huidige_versie=huidige,
            argument="input.verwachteVersie",
        )
    return interesse
