"""What every mutation shares: who writes (from the request's identity), and the idempotency key
its input may carry (graph_api/domain/idempotentie.py)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Protocol, TypeVar

import strawberry

from graph_api.domain.idempotentie import eenmalig, idempotentie
from graph_api.domain.wijzigen import Schrijver
from graph_api.graphql.context import Info
from graph_api.graphql.core.ids import reference

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


class _Geschreven(Protocol):
    @property
    def id(self) -> str: ...


async def eenmaal_id(info: Info, schrijver: Schrijver, schrijf: Callable[[], Awaitable[_Geschreven]]) -> str:
    """The id of the object `schrijf()` wrote, or, repeated with the same key and input, of the
    object the first write changed (the mutation answers with it as a read now finds it)."""

    async def geschreven() -> str:
        return (await schrijf()).id

    return await eenmaal(info, schrijver, geschreven, lambda record: record["object"])


def input_id(value: Any, kind: str | tuple[str, ...], argument: str) -> str:
    """The graph id a required id field of the input names (`argument` below `input.`)."""
    kinds = (kind,) if isinstance(kind, str) else kind
    found = reference(value, *kinds, argument=f"input.{argument}")
    assert found is not None  # the schema requires it
    return found
