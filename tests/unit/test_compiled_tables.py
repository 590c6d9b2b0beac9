"""The compiler's tables (graph_api/graphql/compiled/relations.py), checked against what they
repeat, without an engine: the named queries the resolvers run, the model, and the schema.

Each declaration says, as Cypher fragments, what a field's named query reads. Here every
fragment is read like a file of cypher/ (querycheck: declared labels, relationship types and
properties), walks no relationship its named queries do not, and checks `$zicht` exactly where
they do; every field the declarations name exists and its resolver runs those queries; and
every plain field the compiler may reach reads a property the model declares.
"""

from __future__ import annotations

import inspect
import re
from typing import Any

import pytest
from graphql import GraphQLNamedType, GraphQLObjectType, get_named_type, is_abstract_type

from graph_api import querycheck
from graph_api.graphql.compiled.compiler import (
    DEFINITION,
    _find,
    declared_properties,
    fence,
    plain_property,
)
from graph_api.graphql.compiled.relations import (
    EIGENSCHAPPEN,
    LOOKUPS,
    RELATIES,
    ROOT_LISTS,
    VERBINDINGEN,
    Anchored,
    Eigenschap,
    GuardedKey,
    Lookup,
    Relatie,
    Verbinding,
)
from graph_api.graphql.schema import build_schema
from graph_api.model import describe
from graph_api.store.queries import QueryCatalog
from tests.conftest import CYPHER

MODEL = describe()
CATALOG = QueryCatalog.load(CYPHER)
SCHEMA = build_schema()._schema

Declaration = Lookup | Verbinding | Relatie | Eigenschap
DECLARATIONS: dict[tuple[str, str], Declaration] = {
    **{("Query", name): lookup for name, lookup in LOOKUPS.items()},
    **{("Query", name): lijst for name, lijst in ROOT_LISTS.items()},
    **VERBINDINGEN,
    **RELATIES,
    **EIGENSCHAPPEN,
}
WHERE = [f"{owner}.{name}" for owner, name in DECLARATIONS]

_RELATIONSHIP = re.compile(r"\[\w*:(\w+)")
_FLAG = re.compile(r"\$zicht\.(alleGebruik|alleLandschappen)")


class _Named(dict):
    """Each placeholder as a variable of its own name."""

    def __missing__(self, key: str) -> str:
        return key


def _cypher(fragment: str) -> str:
    return fragment.format_map(_Named())


def _queries(declaration: Declaration) -> list[str]:
    return [name.strip() for name in declaration.query.split(",") if name.strip()]


def _statement(owner: str, declaration: Declaration) -> str:
    """The declaration's fragments as one statement, its parent `p` labelled as the owner's."""
    lines, conditions, values = [], [], []
    if owner != "Query":
        lines.append(f"MATCH (p:{owner})")
    if isinstance(declaration, Lookup):
        lines += [f"MATCH {_cypher(pattern)}" for pattern in declaration.by.values()]
    if isinstance(declaration, Relatie):
        lines.append(f"MATCH {_cypher(declaration.pattern)}")
        values += [declaration.order, declaration.label]
    if isinstance(declaration, Eigenschap):
        values.append(declaration.expr)
    if isinstance(declaration, Verbinding):
        lines.append(f"MATCH {_cypher(declaration.match)}")
        for condition in declaration.filters.values():
            if isinstance(condition, Anchored):
                lines.append(_cypher(condition.anchor))
                condition = condition.condition
            conditions.append(condition)
        for key in declaration.keys.values():
            values += [key.granted, key.guarded] if isinstance(key, GuardedKey) else [key]
    guard = getattr(declaration, "guard", None)
    if guard is not None:
        if guard.pattern is not None:
            lines.append(f"MATCH {_cypher(guard.pattern)}")
        conditions.append(guard.condition)
    if isinstance(declaration, Lookup) and declaration.label:
        values.append(declaration.label)
    if conditions:
        lines.append("WHERE " + " AND ".join(f"({_cypher(c)})" for c in conditions))
    returned = [_cypher(value) for value in values if value is not None]
    lines.append("RETURN " + ", ".join([*returned, "1"]))
    return "\n".join(lines)


def _flags(declaration: Declaration) -> set[str]:
    guard = getattr(declaration, "guard", None)
    keys = getattr(declaration, "keys", {}).values()
    return ({guard.flag} if guard else set()) | {key.flag for key in keys if isinstance(key, GuardedKey)}


def _texts(declaration: Declaration) -> str:
    names = set(_queries(declaration))
    return "\n".join(file.text for file in CATALOG.files() if file.name in names)


@pytest.mark.parametrize(("owner", "name"), DECLARATIONS, ids=WHERE)
def test_a_declaration_names_the_named_queries_its_resolver_runs(owner: str, name: str) -> None:
    declaration = DECLARATIONS[owner, name]
    queries = _queries(declaration)
    assert queries and set(queries) <= set(CATALOG.names()), queries
    gql_type = SCHEMA.get_type(owner)
    assert gql_type is not None and name in gql_type.fields, f"{owner}.{name} is not in the schema"
    resolver = gql_type.fields[name].extensions[DEFINITION].base_resolver
    assert resolver is not None, f"{owner}.{name} has no resolver to fall back to"
    # A list field's resolver is made by paged_list (graph_api/graphql/core/lists.py) around the
    # area's `read` and the list's own `request`, which the declaration must be the same as.
    made_by = inspect.getclosurevars(resolver.wrapped_func).nonlocals
    if isinstance(declaration, Verbinding):
        assert made_by["request"] is declaration.request
    # The resolver, or a helper beside it, names each query (a count by the page's name + _aantal).
    source = inspect.getsource(inspect.getmodule(made_by.get("read", resolver.wrapped_func)))
    for query in queries:
        assert f'"{query}"' in source or f'"{query.removesuffix("_aantal")}"' in source, query


@pytest.mark.parametrize(("owner", "name"), DECLARATIONS, ids=WHERE)
def test_a_declaration_reads_the_model_as_its_named_queries_do(owner: str, name: str) -> None:
    declaration = DECLARATIONS[owner, name]
    statement = _statement(owner, declaration)
    assert querycheck.check_text(f"{owner}.{name}", statement, MODEL) == [], statement
    texts = _texts(declaration)
    assert set(_RELATIONSHIP.findall(statement)) <= set(_RELATIONSHIP.findall(texts)), statement
    # A check of $zicht the named query makes and the fragment left out would show more.
    assert _flags(declaration) == set(_FLAG.findall(texts)), statement


def _reached() -> dict[str, GraphQLObjectType]:
    """The object types the compiler may reach from the root fields it covers."""
    query = SCHEMA.query_type
    pending: list[GraphQLNamedType] = [get_named_type(query.fields[name].type) for name in LOOKUPS]
    for name in ROOT_LISTS:
        connection = get_named_type(query.fields[name].type)
        pending.append(get_named_type(connection.fields["nodes"].type))
    reached: dict[str, GraphQLObjectType] = {}
    while pending:
        gql_type = pending.pop()
        kinds = SCHEMA.get_possible_types(gql_type) if is_abstract_type(gql_type) else [gql_type]
        for kind in kinds:
            if kind.name in reached:
                continue
            reached[kind.name] = kind
            interfaces = [i.name for i in kind.interfaces]
            for name, gql_field in kind.fields.items():
                found = _find(kind.name, interfaces, name)
                target: Any = get_named_type(gql_field.type)
                if isinstance(found, Verbinding):
                    pending.append(get_named_type(target.fields["nodes"].type))
                elif isinstance(found, Relatie):
                    pending.append(target)
    return reached


REACHED = _reached()


@pytest.mark.parametrize("kind", sorted(REACHED))
def test_every_plain_field_the_compiler_may_reach_reads_a_declared_property(
    kind: str,
) -> None:
    gql_type = REACHED[kind]
    assert kind in MODEL.labels, f"{kind} is no label of the model"
    interfaces = [i.name for i in gql_type.interfaces]
    for name, gql_field in gql_type.fields.items():
        # Nothing the real schema's fields carry keeps them from being compiled.
        assert fence(gql_field, []) is None, f"{kind}.{name}"
        if name == "id" and "Node" in interfaces:
            continue
        definition = gql_field.extensions[DEFINITION]
        if definition.base_resolver is None and not gql_field.args:
            prop, _ = plain_property(kind, name)
            assert prop in declared_properties(kind), f"{kind}.{name} reads {prop}"
