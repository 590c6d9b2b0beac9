"""The limits of an imported landscape file (graph_api/uitwisseling/invoer/grenzen.py checks
them; docs/exchange.md, "Importing").

The largest landscape (600 Gebruik, about 1,500 koppelingen) exports as a few hundred kB, so
the defaults leave a margin of two orders of magnitude and still refuse what would cost the
server memory or minutes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from graph_api.settings.env import integer


@dataclass(frozen=True)
class Grenzen:
    max_bytes: int = 20 * 1024 * 1024  # the file as sent
    max_uitgepakt: int = 100 * 1024 * 1024  # all members of a zip together, uncompressed
    max_verhouding: int = 100  # a zip member's uncompressed size over its compressed size
    max_delen: int = 200  # members of a zip (an .xlsx has about ten)
    max_rijen: int = 20_000  # rows of one table
    max_cel: int = 10_000  # characters of one cell (the longest text a field takes)

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Grenzen:
        return cls(
            max_bytes=integer(env, "GRAPH_API_IMPORT_MAX_BYTES", cls.max_bytes),
            max_uitgepakt=integer(env, "GRAPH_API_IMPORT_MAX_UNPACKED_BYTES", cls.max_uitgepakt),
            max_verhouding=integer(env, "GRAPH_API_IMPORT_MAX_RATIO", cls.max_verhouding),
            max_rijen=integer(env, "GRAPH_API_IMPORT_MAX_ROWS", cls.max_rijen),
        )
