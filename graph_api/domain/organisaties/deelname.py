"""Memberships (F010): an organisation joins or leaves a samenwerking or community at once, by
its own organisatie-beheerder (or functioneel beheer); nobody approves it.

A membership is `DEELNEMER_VAN {sinds}` while it lasts. Leaving deletes it: every read of
memberships (a samenwerking's members, what its gebruik-beheerder may write for them, the
landscapes it sees) counts the relationship as current, and an end date each of them had to
filter would be one forgotten filter away from a former member's samenwerking writing in its
landscape. When it began and ended is in the change records (`Wijziging`: created with its
`sinds`, deleted with it and the day it ended); joining again is a new membership.

Who joins what: only gemeenten join a samenwerking (it registers usage for its member
gemeenten); any organisation but a community joins a community. Both must be active: a
leverancier awaiting approval is not shown to others, so it joins nothing yet.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graph_api.domain.organisaties.profiel import mag_beheren
from graph_api.domain.wijzigen import Schrijver, Writer, nu, tekstproblemen, weiger, wijziging
from graph_api.errors import ClientError, DeelnameNietToegestaan, Duplicate
from graph_api.model.validate import Problem, check

LABEL = "Deelname"  # the change records' objectLabel: the membership, recorded at its member
RELATIE = "DEELNEMER_VAN"
ACTIEF = "ACTIEF"
# Which kinds of organisation join which: a samenwerking only gemeenten, a community any
# organisation but a community.
LEDEN = {
    "Samenwerking": frozenset({"Gemeente"}),
    "Community": frozenset({"Gemeente", "Leverancier", "Samenwerking", "Beheerorganisatie"}),
}


@dataclass(frozen=True)
class Deelname:
    organisatie: str
    verband: str  # the samenwerking or community
    sinds: str | None


async def _stand(store: Writer, organisatie: str, verband: str) -> dict[str, Any]:
    [stand] = await store.read("deelname/stand", {"organisatie": organisatie, "verband": verband})
    if stand["organisatie"] is None:
        raise ClientError(
            "NOT_FOUND", f"there is no organisation {organisatie!r}", argument="input.organisatie"
        )
    if stand["verband"] is None:
        raise ClientError(
            "NOT_FOUND",
            f"there is no samenwerking or community {verband!r}",
            argument="input.samenwerkingOfCommunity",
        )
    return stand


def _toegestaan(stand: Mapping[str, Any]) -> None:
    """Refuse a membership the kinds or statuses of the two organisations do not allow."""
    lid, verband = stand["organisatie"], stand["verband"]
    if verband["soort"] not in LEDEN:
        raise DeelnameNietToegestaan(
            f"{verband['id']} is a {verband['soort']}: organisations join a samenwerking or community",
            argument="input.samenwerkingOfCommunity",
        )
    if lid["soort"] not in LEDEN[verband["soort"]]:
        wie = "only gemeenten" if verband["soort"] == "Samenwerking" else "no community"
        raise DeelnameNietToegestaan(
            f"{lid['id']} is a {lid['soort']}: {wie} join a {verband['soort'].lower()}",
            argument="input.organisatie",
        )
    if verband["status"] != ACTIEF:
        raise DeelnameNietToegestaan(
            f"{verband['id']} is not active ({verband['status']})", argument="input.samenwerkingOfCommunity"
        )
    if lid["status"] != ACTIEF or lid["concept"]:
        raise DeelnameNietToegestaan(
            f"{lid['id']} is not active ({lid['status']}): it joins once VNG approved it",
            argument="input.organisatie",
        )


async def treed_toe(
    store: Writer, schrijver: Schrijver, *, organisatie: str, verband: str, sinds: str | None = None
) -> Deelname:
    """`organisatie` joins the samenwerking or community `verband`, as a member since `sinds`
    (today when not given; a date in the past records a membership that began before)."""
    mag_beheren(schrijver, "treedToe", organisatie)
    tijdstip = nu()
    sinds = sinds or tijdstip[:10]
    problems = check(RELATIE, {"sinds": sinds}) + tekstproblemen({"samenwerkingOfCommunity": verband})
    if not problems and sinds > tijdstip[:10]:
        problems.append(Problem("sinds", "IN_FUTURE", "a membership begins today or began before"))
    weiger(RELATIE, problems)
    stand = await _stand(store, organisatie, verband)
    _toegestaan(stand)
    if stand["lid"]:
        raise Duplicate(
            f"{organisatie} is a member of {verband} already", argument="input.samenwerkingOfCommunity"
        )
    record = wijziging(
        schrijver,
        organisatie=organisatie,
        object_id=organisatie,
        label=LABEL,
        operatie="AANGEMAAKT",
        tijdstip=tijdstip,
        voor=None,
        na={"samenwerkingOfCommunity": verband, "sinds": sinds},
    )
    rows = await store.write(
        "deelname/toetreden",
        {"organisatie": organisatie, "verband": verband, "sinds": sinds, "wijziging": record},
    )
    if not rows:  # joined, or changed, between the read and the write
        _toegestaan(await _stand(store, organisatie, verband))
        raise Duplicate(
            f"{organisatie} is a member of {verband} already", argument="input.samenwerkingOfCommunity"
        )
    return Deelname(organisatie, verband, sinds)


async def treed_uit(store: Writer, schrijver: Schrijver, *, organisatie: str, verband: str) -> Deelname:
    """`organisatie` leaves `verband`: the membership ends today, and with it what the
    membership gave (a samenwerking's rights in its landscape)."""
    mag_beheren(schrijver, "treedUit", organisatie)
    weiger(RELATIE, tekstproblemen({"samenwerkingOfCommunity": verband}))
    stand = await _stand(store, organisatie, verband)
    if not stand["lid"]:
        raise ClientError(
            "NOT_FOUND",
            f"{organisatie} is no member of {verband}",
            argument="input.samenwerkingOfCommunity",
        )
    tijdstip = nu()
    record = wijziging(
        schrijver,
        organisatie=organisatie,
        object_id=organisatie,
        label=LABEL,
        operatie="VERWIJDERD",
        tijdstip=tijdstip,
        voor={"samenwerkingOfCommunity": verband, "sinds": stand["sinds"]},
        na={"samenwerkingOfCommunity": verband, "tot": tijdstip[:10]},
    )
    rows = await store.write(
        "deelname/uittreden", {"organisatie": organisatie, "verband": verband, "wijziging": record}
    )
    if not rows:  # left between the read and the write
        raise ClientError(
            "NOT_FOUND",
            f"{organisatie} is no member of {verband}",
            argument="input.samenwerkingOfCommunity",
        )
    return Deelname(organisatie, verband, stand["sinds"])
