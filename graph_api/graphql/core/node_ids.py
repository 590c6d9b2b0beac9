"""Global ids given to `node`/`nodes`, checked before Strawberry resolves them.

A global id names a type of object and its id; the API hands out ids of object types only.
An id naming an interface (`Node` itself failed as an internal error) or no type at all is
refused here as the client's mistake, naming the argument.
"""

from __future__ import annotations

import inspect
from typing import Any

from graphql import GraphQLObjectType
from strawberry import relay
from strawberry.extensions import FieldExtension

from graph_api.graphql.errors import ClientError


def _check(info: Any, global_id: relay.GlobalID, argument: str) -> None:
    kind = info.schema._schema.get_type(global_id.type_name)
    if not (isinstance(kind, GraphQLObjectType) and any(i.name == "Node" for i in kind.interfaces)):
        raise ClientError(
            "INVALID_ID",
            f"{argument} names {global_id.type_name!r}, which is not a type of object with an id",
            argument=argument,
        )


class KnownNodeIds(FieldExtension):
    """On `node(id:)` and `nodes(ids:)`: every id must name a type of object that can be looked up."""

    def resolve(self, next_: Any, source: Any, info: Any, **kwargs: Any) -> Any:
        self._check(info, kwargs)
        return next_(source, info, **kwargs)

    async def resolve_async(self, next_: Any, source: Any, info: Any, **kwargs: Any) -> Any:
        self._check(info, kwargs)
        result = next_(source, info, **kwargs)
        return await result if inspect.isawaitable(result) else result

    def _check(self, info: Any, kwargs: dict[str, Any]) -> None:
        if "id" in kwargs:
            _check(info, kwargs["id"], "id")
        for global_id in kwargs.get("ids") or ():
            _check(info, global_id, "ids")
