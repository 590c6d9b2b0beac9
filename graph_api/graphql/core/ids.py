"""Arguments that name an object: by its global id, or by its own id as the docs write it."""

from __future__ import annotations

import base64

from strawberry import relay

from graph_api.graphql.errors import ClientError


def reference(value: str | relay.GlobalID | None, *kinds: str, argument: str) -> str | None:
    """The graph id an argument names: by the object's global id (which must be of one of these
    kinds), or by its identificatie as it is (a CBS code, `lev-0348`, `app-00001`, GEMMA's id)."""
    if value is None:
        return None
    if isinstance(value, str):
        global_id = _global_id(value)
        if global_id is None:
            return value  # not a global id: the object's own id, as the docs use it
        value = global_id
    if value.type_name not in kinds:
        raise ClientError(
            "INVALID_ID",
            f"{argument} must be the id of a {' or '.join(kinds)}, not of a {value.type_name}",
            argument=argument,
        )
    return value.node_id


def _global_id(value: str) -> relay.GlobalID | None:
    """The global id in `value`, when it is one: base64 of a type name, a colon and an id."""
    try:
        decoded = base64.b64decode(value, validate=True).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return None
    type_name, colon, node_id = decoded.partition(":")
    if not colon or not type_name.isidentifier() or not node_id:
        return None
    return relay.GlobalID(type_name=type_name, node_id=node_id)
