"""The listener: one per API process, polling for new meldingen and fanning them out.

A melding is made by whichever API process handled the write, so no process can tell its own
subscribers from memory: each listens to the graph itself. Both engines are polled the same way
(docs/meldingen.md, "Live delivery"): every `interval_s`, the meldingen of the people subscribed
here whose `aangemaakt` lies in a window reaching `overlap_s` before the previous poll began.
The overlap catches a melding stamped by its writer shortly before it was committed, or by a
writer whose clock runs a little behind; the ids delivered within the window keep it from going
out twice. Nobody subscribed: no polling at all.

Each subscription has a queue of its own, filled without waiting: a subscriber that does not
read (a stalled connection) holds up nobody else. One that falls `wachtrij` meldingen behind is
ended with SUBSCRIBER_TOO_SLOW; it reads what it missed with `meldingen`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from graph_api.errors import GraphApiError, SubscriberTooSlow
from graph_api.store import Store

log = logging.getLogger(__name__)

Melding = Mapping[str, Any]  # a Melding node's properties, as cypher/meldingen_live/nieuw returns them


def tijdstip(moment: datetime) -> str:
    """`moment` as a Melding's `aangemaakt` is written (graph_api/domain/wijzigen.py, nu), so that
    comparing the texts compares the instants."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class _Einde:
    """Ends a subscription's stream: the listener stops (OVER) or the subscriber overflowed (VOL)."""


OVER, VOL = _Einde(), _Einde()


@dataclass(eq=False)
class Abonnement:
    """One subscription: the meldingen of `ontvanger` made from `sinds` on, in the order the
    listener finds them. Those made before it are the `meldingen` query's to tell."""

    ontvanger: str
    sinds: str
    limiet: int
    _wachtrij: asyncio.Queue[Melding | _Einde] = field(default_factory=asyncio.Queue)

    def bezorg(self, melding: Melding) -> bool:
        """Queue `melding`; False once the subscriber is `limiet` behind: then it is ended."""
        if self._wachtrij.qsize() >= self.limiet:
            while not self._wachtrij.empty():
                self._wachtrij.get_nowait()
            self._wachtrij.put_nowait(VOL)
            return False
        self._wachtrij.put_nowait(melding)
        return True

    def beeindig(self) -> None:
        self._wachtrij.put_nowait(OVER)

    def __aiter__(self) -> Abonnement:
        return self

    async def __anext__(self) -> Melding:
        item = await self._wachtrij.get()
        if item is VOL:
            raise SubscriberTooSlow(
                f"more than {self.limiet} meldingen waited for this subscription: it was ended; "
                "read what it missed with `meldingen` and subscribe again"
            )
        if isinstance(item, _Einde):
            raise StopAsyncIteration
        return item


class Luisteraar:
    def __init__(
        self, store: Store, *, interval_s: float = 0.2, overlap_s: float = 10.0, wachtrij: int = 100
    ):
        self.store = store
        self.interval_s = interval_s
        self.overlap = timedelta(seconds=overlap_s)
        self.wachtrij = wachtrij
        self._abonnementen: dict[str, set[Abonnement]] = {}
        self._wakker = asyncio.Event()
        # The ids delivered whose `aangemaakt` is still inside the window, with that instant.
        self._gezien: dict[str, str] = {}
        # When the last poll that answered began: the next window reaches `overlap` before it.
        self._vanaf: datetime | None = None
        self._gestopt = False

    @property
    def abonnementen(self) -> int:
        return sum(len(per_persoon) for per_persoon in self._abonnementen.values())

    @contextlib.asynccontextmanager
    async def abonneer(self, ontvanger: str) -> AsyncIterator[Abonnement]:
        """A subscription to `ontvanger`'s new meldingen, for as long as the block runs."""
        abonnement = Abonnement(ontvanger, tijdstip(datetime.now(UTC)), self.wachtrij)
        if self._gestopt:
            abonnement.beeindig()
        self._abonnementen.setdefault(ontvanger, set()).add(abonnement)
        self._wakker.set()
        try:
            yield abonnement
        finally:
            self._vergeet(abonnement)

    def _vergeet(self, abonnement: Abonnement) -> None:
        per_persoon = self._abonnementen.get(abonnement.ontvanger, set())
        per_persoon.discard(abonnement)
        if not per_persoon:
            self._abonnementen.pop(abonnement.ontvanger, None)

    async def run(self) -> None:
        """Poll while anyone is subscribed, until cancelled (the app's lifespan ends it)."""
        try:
            while True:
                if not self._abonnementen:
                    # Asleep until someone subscribes; what was delivered before no longer counts.
                    self._wakker.clear()
                    self._gezien.clear()
                    self._vanaf = None
                    await self._wakker.wait()
                    continue
                begin = asyncio.get_running_loop().time()
                await self.poll()
                rust = self.interval_s - (asyncio.get_running_loop().time() - begin)
                await asyncio.sleep(max(rust, 0.0))
        finally:
            self.stop()

    async def poll(self) -> None:
        """One poll: the new meldingen of the people subscribed, each to their subscriptions."""
        begin = datetime.now(UTC)
        vanaf = self._vanaf or begin
        sinds = tijdstip(vanaf - self.overlap)
        try:
            rows = await self.store.read(
                "meldingen_live/nieuw", {"sinds": sinds, "ontvangers": sorted(self._abonnementen)}
            )
        except GraphApiError as exc:
            # The window stays where it was: what is made meanwhile is found once the engine answers.
            log.warning("polling for new meldingen failed (%s): trying again", exc.code)
            return
        self._vanaf = begin
        for row in rows:
            melding = row["melding"]
            if melding["id"] in self._gezien:
                continue
            self._gezien[melding["id"]] = melding["aangemaakt"]
            for abonnement in list(self._abonnementen.get(melding["ontvanger"], ())):
                if melding["aangemaakt"] >= abonnement.sinds and not abonnement.bezorg(melding):
                    log.warning("a subscription of %s fell behind and was ended", melding["ontvanger"])
                    self._vergeet(abonnement)
        self._gezien = {id: aangemaakt for id, aangemaakt in self._gezien.items() if aangemaakt >= sinds}

    def stop(self) -> None:
        """End every subscription's stream (the process shuts down): each completes cleanly."""
        self._gestopt = True
        for per_persoon in self._abonnementen.values():
            for abonnement in per_persoon:
                abonnement.beeindig()
