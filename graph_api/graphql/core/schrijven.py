"""What every mutation shares: who writes (from the request's identity), and the idempotency key
its input may carry (graph_api/domain/idempotentie.py)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeVar

import strawberry

from graph_api.domain.idempotentie import eenmalig, idempotentie
from graph_api.domain.wijzigen import Schrijver
from graph_api.graphql.context import Info

T = TypeVar("T")

IDEMPOTENCY_KEY = (
    "Sent again with the same key and input (a retry after a lost answer), the mutation answers as "
    "the first time and writes nothing; the same key with other input is refused with "
    "IDEMPOTENCY_KEY_REUSED. Keys are the asker's own and are kept with the change record."
)


def idempotency_key() -> Any:
    """The `idempotencyKey` field of a mutation's input."""
    return strawberry.field(default=None, description=IDEMPOTENCY_KEY)


def schrijver(info: Info, operatie: str, input: Any) -> Schrijver:
    """The asker of this mutation, with its input's idempotency key for `operatie`."""
    identiteit = info.context.identiteit
    invoer = {name: value for name, value in vars(input).items() if name != "idempotency_key"}
    sleutel = idempotentie(identiteit, getattr(input, "idempotency_key", None), operatie, invoer)
    return Schrijver(identiteit, info.context.zicht, sleutel)


async def eenmaal(
    info: Info,
    schrijver: Schrijver,
    schrijf: Callable[[], Awaitable[T]],
    herhaal: Callable[[Mapping[str, Any]], T],
) -> T:
    """`schrijf()`, unless the asker's key was used before with this input: then `herhaal` of the
    first write's change record."""
    return await eenmalig(info.context.store, schrijver.idempotentie, schrijf, herhaal)
