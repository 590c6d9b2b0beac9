"""Which applications an answer showed and which searches it ran, for counting
(graph_api/domain/interesse/telling.py): read from the document's root fields and the answer's
data, so that the resolved, compiled and kept answers are counted alike, at the cost of a dict
lookup per request once a document was seen."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from graphql import FieldNode, OperationDefinitionNode, OperationType, parse, value_from_ast_untyped
from graphql.error import GraphQLError

from graph_api.domain.zoeken import woorden
from graph_api.errors import GraphApiError
from graph_api.graphql.core.ids import reference

GETELD = frozenset({"applicatie", "node", "nodes", "zoeken"})


@functools.lru_cache(maxsize=512)
def _velden(
    query: str, operation_name: str | None
) -> tuple[tuple[str, str, tuple[tuple[str, Any], ...]], ...]:
    """(response key, field, arguments as written) of the counted root fields of the operation."""
    try:
        document = parse(query)
    except GraphQLError:
        return ()
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    chosen = [o for o in operations if operation_name is None or (o.name and o.name.value == operation_name)]
    if len(chosen) != 1 or chosen[0].operation != OperationType.QUERY:
        return ()
    return tuple(
        (
            (s.alias or s.name).value,
            s.name.value,
            tuple((a.name.value, a.value) for a in s.arguments or ()),
        )
        for s in chosen[0].selection_set.selections
        if isinstance(s, FieldNode) and s.name.value in GETELD
    )


def tel(context: Any, query: str | None, operation_name: str | None, variables: Mapping[str, Any] | None,
        data: Mapping[str, Any] | None) -> None:  # fmt: skip
    """Count the applications `data` shows and the searches it answered, for a signed-in member."""
    identiteit = context.identiteit
    if not identiteit.lidmaatschappen or query is None or not data or not context.runtime.settings.tellen:
        return
    velden = _velden(query, operation_name)
    if not velden:
        return
    applicaties: list[str] = []
    for key, name, written in velden:
        answer = data.get(key)
        if answer is None:
            continue
        args = {n: value_from_ast_untyped(v, dict(variables or {})) for n, v in written}
        try:
            if name == "applicatie":
                applicaties.append(str(args["identificatie"]))
            elif name == "node":
                applicaties += _applicaties([args["id"]], [answer])
            elif name == "nodes":
                applicaties += _applicaties(args["ids"], answer)
            else:
                filter = args.get("filter") or {}
                rc = reference(filter.get("referentiecomponent"), "Referentiecomponent", argument="filter")
                context.runtime.telling.gezocht(identiteit, " ".join(woorden(str(args["tekst"]))), rc)
        except (GraphApiError, KeyError, TypeError):
            continue  # an argument the answer refused counts for nothing
    if applicaties:
        context.runtime.telling.bezocht(identiteit, applicaties)


def _applicaties(ids: list[Any], answers: list[Any]) -> list[str]:
    """The applications among `ids` whose answer is not null."""
    found = []
    for value, answer in zip(ids, answers, strict=False):
        if answer is None or not isinstance(value, str):
            continue
        try:
            found.append(reference(value, "Applicatie", argument="id") or "")
        except GraphApiError:
            continue  # another kind of node
    return [f for f in found if f]
