"""Views and searches counted without naming who (issue 19, item 5).

A view: a signed-in organisation's read of an application (`applicatie`, `node`, `nodes`); a
search: a gemeente's `zoeken`, by its normalised words and the referentiecomponent it filtered
on. Each is kept as one node per organisation and period (ISO week for views, month for
searches) whose id is a keyed hash (HMAC-SHA256, the server's `telsleutel`) of the period, what
was viewed or searched, and the organisation: the same organisation is one node whichever
process saw it, and the count is the number of nodes. The graph keeps no organisation's id, and
without the secret a hash can be linked neither to an organisation nor to its other hashes.
Bezoekers (no organisation) are not counted; a leverancier's views of its own applications
neither (cypher/bezoek/tellen).

The read does not wait for it: each process remembers what it counted this period and only an
organisation's first view (or search) of the period is queued; the queue is written by one
background task, in batches, after the answers.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import secrets
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from graph_api.identiteit import Identiteit
from graph_api.settings import Settings
from graph_api.store import Store
from graph_api.toegang import TIJDZONE

log = logging.getLogger(__name__)
MAX_BATCH = 500


def week(moment: datetime) -> str:
    """The ISO week of `moment`, as `2026-W49`."""
    jaar, nummer, _ = moment.isocalendar()
    return f"{jaar}-W{nummer:02d}"


def maand(moment: datetime) -> str:
    return f"{moment.year}-{moment.month:02d}"


class Telling:
    """One process's counting: what it queued this period, the queue, and the task writing it."""

    def __init__(self, store: Store, settings: Settings):
        self._store = store
        self._sleutel = (settings.telsleutel or secrets.token_hex(32)).encode()
        self._waarschuw = settings.telsleutel is None  # once, at the first count
        self._vast = None if settings.telmoment is None else datetime.fromisoformat(settings.telmoment)
        self._gezien: set[str] = set()
        self._periode: tuple[str, str] | None = None
        self._bezoeken: list[dict[str, Any]] = []
        self._zoekvragen: list[dict[str, Any]] = []
        self._taak: asyncio.Task[None] | None = None

    def nu(self) -> datetime:
        return self._vast if self._vast is not None else datetime.now(TIJDZONE)

    def _hash(self, *delen: str) -> str:
        return hmac.new(self._sleutel, "\x1f".join(delen).encode(), hashlib.sha256).hexdigest()[:32]

    def _nieuw(self, sleutel: str, periode: tuple[str, str]) -> bool:
        """Whether this process has not queued `sleutel` this period (it forgets older periods)."""
        if periode != self._periode:
            self._periode, self._gezien = periode, set()
        if sleutel in self._gezien:
            return False
        self._gezien.add(sleutel)
        return True

    def bezocht(self, identiteit: Identiteit, applicaties: Iterable[str]) -> None:
        """Count a view of each application by each organisation the identity is a member of."""
        moment = self.nu()
        periode = (week(moment), maand(moment))
        for applicatie in applicaties:
            for lid in identiteit.lidmaatschappen:
                sleutel = self._hash("bezoek", periode[0], applicatie, lid.organisatie)
                if self._nieuw(sleutel, periode):
                    self._bezoeken.append(
                        {"id": f"bzk-{sleutel}", "applicatie": applicatie, "week": periode[0],
                         "organisatie": lid.organisatie}
                    )  # fmt: skip
        self._schrijf_straks()

    def gezocht(self, identiteit: Identiteit, term: str | None, referentiecomponent: str | None) -> None:
        """Count a search by each gemeente the identity is a member of."""
        moment = self.nu()
        periode = (week(moment), maand(moment))
        for lid in identiteit.lidmaatschappen:
            if lid.soort != "Gemeente":
                continue
            for soort, waarde in (("term", term), ("referentiecomponent", referentiecomponent)):
                if waarde is None:
                    continue
                sleutel = self._hash("zoekvraag", periode[1], soort, waarde, lid.organisatie)
                if self._nieuw(sleutel, periode):
                    self._zoekvragen.append({"id": f"zkv-{sleutel}", "maand": periode[1], soort: waarde})
        self._schrijf_straks()

    def _schrijf_straks(self) -> None:
        if self._waarschuw:
            self._waarschuw = False
            log.warning("GRAPH_API_TELSLEUTEL is not set: views and searches are counted per process start")
        if (self._bezoeken or self._zoekvragen) and (self._taak is None or self._taak.done()):
            self._taak = asyncio.get_running_loop().create_task(self._schrijf())

    async def _schrijf(self) -> None:
        while self._bezoeken or self._zoekvragen:
            bezoeken, self._bezoeken = self._bezoeken[:MAX_BATCH], self._bezoeken[MAX_BATCH:]
            zoekvragen, self._zoekvragen = self._zoekvragen[:MAX_BATCH], self._zoekvragen[MAX_BATCH:]
            try:
                if bezoeken:
                    await self._store.write("bezoek/tellen", {"bezoeken": bezoeken})
                if zoekvragen:
                    await self._store.write("bezoek/zoekvragen", {"zoekvragen": zoekvragen})
            except Exception:  # a count is worth no failed request; the next period counts anew
                log.exception(
                    "views and searches could not be written; %d dropped", len(bezoeken) + len(zoekvragen)
                )

    async def bijgewerkt(self) -> None:
        """Wait until what this process queued is written: its own counts read back complete."""
        while self._taak is not None and not self._taak.done():
            await asyncio.shield(self._taak)
