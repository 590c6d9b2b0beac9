"""Full-text search over applications, organisations and reference components (F011).

Each engine's own full-text index finds the matches (`zoeken/<soort>`, one override per engine),
once per search; the portable queries then narrow, page, count and facet them, so filters and
facets run in the graph, not after fetching. When the applications' facet counts are read, the
applications' count comes from them instead of a read of its own.
"""

from __future__ import annotations

import asyncio
import re
from typing import Any

from graph_api.domain import Reader
from graph_api.errors import ClientError, StoreError
from graph_api.model import keuzes

WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 8


def woorden(tekst: str) -> list[str]:
    """The search words: letters and digits only, so no engine's query syntax leaks through."""
    found = [word.lower() for word in WORD.findall(tekst)]
    if not found:
        raise ClientError(
            "INVALID_SEARCH", "tekst must contain at least one letter or digit", argument="tekst"
        )
    return found[:MAX_WORDS]


class Zoekopdracht:
    """One search's words over one reader. `gedeeld` holds what is read once however often it is
    asked for (the engine's matches per kind, the applications' facet counts): a request's own
    memo, so that the kinds, counts and facets of one answer share them."""

    def __init__(self, reader: Reader, woorden: list[str], gedeeld: dict[Any, asyncio.Future[Any]]):
        self._reader = reader
        self._woorden = woorden
        self._gedeeld = gedeeld

    async def treffers(self, soort: str) -> tuple[list[str], list[float]]:
        """The engine's matches: their ids and, pairwise, their scores (two plain lists: cheaper
        to pass on than a list of maps)."""
        return await self._once(("zoeken", soort, tuple(self._woorden)), lambda: self._lookup(soort))

    async def pagina(self, soort: str, params: dict[str, Any], page: dict[str, Any]) -> list[dict[str, Any]]:
        """One page of a kind's matches under the filters (`params`), best first."""
        ids, scores = await self.treffers(soort)
        return await self._reader.read(
            f"zoeken/{soort}_pagina", {"ids": ids, "scores": scores, **params, **page}
        )

    async def aantal(self, soort: str, params: dict[str, Any]) -> int:
        """How many matches pass the filters. If the applications' facet counts are read in this
        search, their licence types tell: each application has exactly one (null included), so
        those counts add up to the total. Should that read fail, the count is read on its own."""
        facetten = self._gedeeld.get(self._facet_key(params)) if soort == "applicaties" else None
        if facetten is not None:
            try:
                rows = await facetten
            except StoreError:
                pass
            else:
                return sum(row["aantal"] for row in rows if row["facet"] == "LICENTIETYPE")
        ids, _ = await self.treffers(soort)
        return (await self._reader.read(f"zoeken/{soort}_aantal", {"ids": ids, **params}))[0]["aantal"]

    def applicatie_facetten(self, params: dict[str, Any]) -> asyncio.Future[Any]:
        """The applications' facet counts ({facet, waarde, label, aantal}), read once per search."""
        key = self._facet_key(params)
        if key not in self._gedeeld:
            self._gedeeld[key] = asyncio.ensure_future(self._read_applicatie_facetten(params))
        return self._gedeeld[key]

    async def organisatie_facetten(self) -> list[dict[str, Any]]:
        """The size classes of the organisations matched ({facet, waarde, label, aantal})."""
        ids, _ = await self.treffers("organisaties")
        return await self._reader.read(
            "zoeken/organisatie_facetten", {"ids": ids, "grenzen": keuzes.GROOTTEKLASSE_GRENZEN}
        )

    async def _read_applicatie_facetten(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        ids, _ = await self.treffers("applicaties")
        return await self._reader.read("zoeken/applicatie_facetten", {"ids": ids, **params})

    async def _lookup(self, soort: str) -> tuple[list[str], list[float]]:
        [row] = await self._reader.read(f"zoeken/{soort}", {"woorden": self._woorden})
        return row["ids"], row["scores"]

    async def _once(self, key: Any, read: Any) -> Any:
        if key not in self._gedeeld:
            self._gedeeld[key] = asyncio.ensure_future(read())
        return await self._gedeeld[key]

    def _facet_key(self, params: dict[str, Any]) -> tuple[Any, ...]:
        return ("zoeken/applicatie_facetten", tuple(self._woorden), tuple(sorted(params.items())))
