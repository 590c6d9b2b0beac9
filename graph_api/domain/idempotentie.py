"""Idempotency keys: a write sent again with the same key answers as the first time and writes
nothing (docs/architecture.md, "The write path").

The key is kept where the write is recorded: the change record (`Wijziging`) of the first write
carries it (`sleutel`, scoped to the asker) and a digest of the operation and its input
(`invoer`), created by the same statement as the change, so a key exists exactly when its write
happened. A unique constraint on `sleutel` settles two requests with one key at the same moment:
the second's statement fails as a whole and it answers as a repeat. Keys live as long as the
change record, so at least the 24 hours clients may rely on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from graph_api.domain.wijzigen import Writer
from graph_api.errors import Conflict, IdempotencyKeyReused
from graph_api.identiteit import Identiteit
from graph_api.model.validate import INVALID_TYPE, InvalidInput, Problem

T = TypeVar("T")
MAX_SLEUTEL = 200


@dataclass(frozen=True)
class Idempotentie:
    """One write's key: `sleutel` (the asker's id and the client's key) and `invoer` (a digest of
    the operation and its input, to tell a repeat from another write under the same key)."""

    sleutel: str
    invoer: str

    def record(self) -> dict[str, str]:
        """The properties it adds to the write's change record."""
        return {"sleutel": self.sleutel, "invoer": self.invoer}


def idempotentie(
    identiteit: Identiteit, key: str | None, operatie: str, invoer: Mapping[str, Any]
) -> Idempotentie | None:
    """The key of a write, or None when the client sent none. Two askers' keys never meet: the
    asker's id is part of it."""
    if key is None or identiteit.gebruiker is None:  # without a Gebruiker the write is refused
        return None
    problem = _probleem(key)
    if problem is not None:
        raise InvalidInput("Wijziging", [problem])
    canonical = json.dumps([operatie, invoer], sort_keys=True, ensure_ascii=False, default=str)
    digest = hashlib.sha256(canonical.encode()).hexdigest()
    return Idempotentie(f"{identiteit.gebruiker}/{key}", digest)


def _probleem(key: str) -> Problem | None:
    field = "input.idempotencyKey"
    if not key.strip():
        return Problem(field, INVALID_TYPE, "must not be empty")
    if "\x00" in key:
        return Problem(field, INVALID_TYPE, "must not contain a NUL character")
    if len(key) > MAX_SLEUTEL:
        return Problem(field, "TOO_LONG", f"is longer than {MAX_SLEUTEL} characters")
    return None


async def eenmalig(
    store: Writer,
    sleutel: Idempotentie | None,
    schrijf: Callable[[], Awaitable[T]],
    herhaal: Callable[[Mapping[str, Any]], T],
) -> T:
    """`schrijf()`'s result, or, when `sleutel` was used before with the same input, `herhaal`
    of the change record the first write made (its object, operation, before and after)."""
    if sleutel is None:
        return await schrijf()
    eerder = await _eerder(store, sleutel)
    if eerder is not None:
        return herhaal(eerder)
    try:
        return await schrijf()
    except Conflict:
        # The same key at the same moment: the other request's write stands, and this one found
        # it done (DUPLICATE, VERSION_CONFLICT) or met its key (CONSTRAINT_VIOLATION).
        eerder = await _eerder(store, sleutel)
        if eerder is None:
            raise
        return herhaal(eerder)


async def _eerder(store: Writer, sleutel: Idempotentie) -> Mapping[str, Any] | None:
    rows = await store.read("wijziging/per_sleutel", {"sleutel": sleutel.sleutel})
    if not rows:
        return None
    record = rows[0]
    if record["invoer"] != sleutel.invoer:
        raise IdempotencyKeyReused(
            "this idempotencyKey was used before for another write; the earlier write stands. "
            "Use a new key for a new write",
            argument="input.idempotencyKey",
        )
    return {
        **record,
        "voor": json.loads(record["voor"]) if record.get("voor") else None,
        "na": json.loads(record["na"]) if record.get("na") else None,
    }
