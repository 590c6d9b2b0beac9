"""Paged lists declared once: the paging arguments, the filter and the order of a list field.

Every list of the schema takes the same four paging arguments (`first`, `after`, `last`,
`before`), most a `filter` and an `orderBy`. A list is declared here with what differs (the
node type, the filter and order inputs, arguments before the paging ones) and two functions:
`request`, from the arguments to the page and the query parameters (the compiled reads of
graph_api/graphql/compiled use the same one), and `read`, which reads that page below its
parent (the object the field is on; the root for a root list).

    applicaties = paged_list(
        Applicatie, "The applications in the catalogue.",
        filter=ApplicatieFilter, order=ApplicatieOrder, request=applicaties_verzoek, read=...,
    )
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.types.field import StrawberryField

from graph_api.graphql.core.paging import Connection, PageRequest

if TYPE_CHECKING:  # the request context imports the compiled reads, which use the requests here
    from graph_api.graphql.context import Info

PAGING = ("first", "after", "last", "before")


@dataclass(frozen=True)
class Verzoek:
    """What one call of a list asks for: its page, the filter's parameters and the order field."""

    page: PageRequest
    params: dict[str, Any]
    field: str


def verzoek(args: dict[str, Any], params: dict[str, Any], order: Any = None, field: str = "NAAM") -> Verzoek:
    """The page the paging arguments ask for, ordered by `order` (its `field` where it has one,
    else `field`, in its `direction`; ascending without an order input)."""
    if order is not None and getattr(order, "field", None) is not None:
        field = order.field.value
    descending = order is not None and order.direction.value == "DESC"
    page = PageRequest.of(
        args.get("first"), args.get("after"), args.get("last"), args.get("before"),
        field=field, descending=descending,
    )  # fmt: skip
    return Verzoek(page, params, field)


def paged_list(
    node: Any,
    description: str,
    *,
    request: Callable[[dict[str, Any]], Verzoek],
    read: Callable[[Any, Info, dict[str, Any], Verzoek], Awaitable[Connection]],
    filter: Any = None,
    order: Any = None,
    leading: Sequence[tuple[str, Any]] = (),
    trailing: Sequence[tuple[str, Any, Any]] = (),
) -> StrawberryField:
    """A list field: `leading` arguments (name, type; optional), the paging ones, `filter` and
    `orderBy` where given, then `trailing` ones (name, type, a strawberry.argument or None)."""

    async def resolve(self: Any, info: Info, **args: Any) -> Connection:
        return await read(self, info, args, request(args))

    keyword = inspect.Parameter.KEYWORD_ONLY
    params = [
        inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD),
        inspect.Parameter("info", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=strawberry.Info),
    ]
    annotations: dict[str, Any] = {"info": strawberry.Info}

    def add(name: str, annotation: Any) -> None:
        params.append(inspect.Parameter(name, keyword, default=None, annotation=annotation))
        annotations[name] = annotation

    for name, annotation in leading:
        add(name, annotation | None)
    add("first", int | None)
    add("after", str | None)
    add("last", int | None)
    add("before", str | None)
    if filter is not None:
        add("filter", filter | None)
    if order is not None:
        add("order_by", order | None)
    for name, annotation, argument in trailing:
        add(name, annotation | None if argument is None else Annotated[annotation | None, argument])
    returns = Connection[node]
    resolve.__signature__ = inspect.Signature(params, return_annotation=returns)  # type: ignore[attr-defined]
    resolve.__annotations__ = {**annotations, "return": returns}
    return strawberry.field(resolver=resolve, description=description)
