"""An import as the HTTP route and the CLI run it: who may, which organisation, the file read,
planned, and (unless a dry run, and only without FOUT) applied; and the report both answer.

Who may: exactly who may write the landscape (docs/access.md, "Writes"): its gebruik-beheerder,
a gebruik-beheerder it delegated the role to, and functioneel beheer; a dry run too, since the
plan shows the landscape whole (notes and contract ends included). A samenwerking's
gebruik-beheerder imports its own landscape, not a member's: an import may change any Gebruik,
and a samenwerking changes only those it registered.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from graph_api.domain.gebruikers import Organisatie, organisatie
from graph_api.domain.wijzigen import Schrijver, Writer, mag_schrijven
from graph_api.errors import Forbidden, LandschapGewijzigd
from graph_api.store.base import Params, Row, Store
from graph_api.toegang import Zicht
from graph_api.uitwisseling.invoer import lees
from graph_api.uitwisseling.invoer.grenzen import Grenzen
from graph_api.uitwisseling.invoer.plan import Plan, Uitkomst, lees_graaf, maak
from graph_api.uitwisseling.invoer.toepassen import GEWIJZIGD_SINDS, pas_toe


@dataclass(frozen=True)
class Resultaat:
    organisatie: Organisatie
    formaat: str
    proefrun: bool
    plan: Plan
    wijzigingen: int = 0  # change records written

    @property
    def toegepast(self) -> bool:
        return not self.proefrun and self.plan.toepasbaar


class MetZicht:
    """A store read and written with one identity's visibility, as a request's is: for the
    CLI and the bench, which have no request."""

    def __init__(self, store: Store, zicht: Zicht):
        self._store, self._zicht = store, zicht.params()

    async def read(self, name: str, params: Params | None = None) -> list[Row]:
        return await self._store.read(name, {**(params or {}), **self._zicht})

    async def write(self, name: str, params: Params | None = None) -> list[Row]:
        return await self._store.write(name, {**(params or {}), **self._zicht})


async def mag_importeren(store: Writer, schrijver: Schrijver, sleutel: str) -> Organisatie:
    """The organisation whose landscape the asker may import into, or why not: asked before
    the file is read, so a refused import costs no transfer."""
    mag_schrijven(schrijver, "importing a landscape")
    org = await organisatie(store, sleutel)  # organisations are public: unknown is UNKNOWN_ORGANISATION
    if not schrijver.mag_landschap(org.id):
        raise Forbidden(f"you may not change the landscape of {org.id}", argument="organisatie")
    return org


async def importeer(
    store: Writer,
    schrijver: Schrijver,
    org: Organisatie,
    formaat: str,
    inhoud: bytes,
    *,
    proefrun: bool,
    grenzen: Grenzen,
    verwachte_stand: str | None = None,
) -> Resultaat:
    """Read, plan, and apply unless a dry run or the plan has FOUT (then nothing is written
    and the report says why)."""
    # Reading is CPU work (unzipping, parsing): off the event loop, which serves other requests.
    gelezen = await asyncio.to_thread(lees, formaat, inhoud, grenzen)
    plan = maak(org.id, gelezen, await lees_graaf(store, org.id))
    if proefrun or not plan.toepasbaar:
        return Resultaat(org, formaat, proefrun, plan)
    if verwachte_stand is not None and verwachte_stand != plan.vingerafdruk:
        raise LandschapGewijzigd(GEWIJZIGD_SINDS)
    return Resultaat(org, formaat, proefrun, plan, await pas_toe(store, schrijver, plan))


def verslag(resultaat: Resultaat) -> dict[str, Any]:
    """The report, as JSON: per row its outcome, the counts, every error."""
    plan = resultaat.plan

    def regel(u: Uitkomst) -> dict[str, Any]:
        return {
            "plaats": u.plaats,
            "sleutel": u.sleutel,
            "uitkomst": u.uitkomst,
            "id": u.id,
            "velden": [{"veld": v.veld, "van": v.van, "naar": v.naar} for v in u.velden],
            "fouten": [f.als_json() for f in u.fouten],
        }

    return {
        "organisatie": {"id": resultaat.organisatie.id, "naam": resultaat.organisatie.naam},
        "formaat": resultaat.formaat,
        "proefrun": resultaat.proefrun,
        "toegepast": resultaat.toegepast,
        "stand": plan.vingerafdruk,
        "aantallen": plan.aantallen,
        "wijzigingen": resultaat.wijzigingen,
        "gebruik": [regel(u) for u in plan.gebruik],
        "koppelingen": [regel(u) for u in plan.koppelingen],
        "fouten": [f.als_json() for f in plan.fouten],
    }
