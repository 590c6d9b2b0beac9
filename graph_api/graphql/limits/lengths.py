"""How long a string argument and how many items a list argument may be, by what they mean.

A string costs the engine its length on every row it is compared with (a 900 KB search text
took 10 s), so every string argument has a maximum that fits its meaning. The arguments are
found by name wherever they appear, as arguments or as fields of input objects; an ID is a
global id unless named otherwise. tests/graphql/test_limits.py checks that every string
argument of the schema is listed here, so a new one gets its maximum on purpose.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from graphql import (
    ArgumentNode,
    DocumentNode,
    GraphQLError,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    GraphQLSchema,
    ListValueNode,
    ObjectValueNode,
    StringValueNode,
    TypeInfo,
    TypeInfoVisitor,
    VariableNode,
    Visitor,
    visit,
)

from graph_api.graphql.core.paging import MAX_PAGE_SIZE
from graph_api.graphql.limits.identity import kept_by_identity
from graph_api.graphql.limits.rules import limit_error

# Longest text per argument name, in characters.
MAX_LENGTHS: Mapping[str, int] = {
    "tekst": 200,  # search text and name filters: longer than any name in the catalogue
    "after": 1_000,  # cursors: an ordering, a sort key (at most a name) and an id, in base64
    "before": 1_000,
    "identificatie": 100,  # graph ids: "app-00001", "id-" and a UUID
    "gemmaId": 100,  # GEMMA's own ids: "id-" and a UUID
    "cbsCode": 10,  # "GM0363"
    "provincie": 50,  # "Zuid-Holland", the longest of twelve
    # The fields of mutations (graph_api/graphql/landschap/mutations.py): ISO dates, and free text
    # as long as graph_api/domain/wijzigen.py allows it.
    "startDatum": 10,  # "2026-06-30"
    "eindDatum": 10,
    "contractEinde": 10,
    "datum": 10,
    "notities": 10_000,
    "idempotencyKey": 200,  # graph_api/domain/idempotentie.py: a UUID fits five times
    "beschrijving": 10_000,  # a koppeling's description
    "toelichting": 10_000,  # a Gebruiksvoorstel's note and reason (graph_api/domain/landschap/voorstel.py)
    "reden": 10_000,
    "antwoord": 10_000,  # a leverancier's answer to a review (graph_api/domain/aanbod/beoordeling.py)
    "naam": 200,  # missing software and its leverancier (graph_api/domain/aanbod/concept.py)
    "leverancierNaam": 200,
    "titel": 200,  # an etalage item's title (graph_api/etalage/items.py)
    "url": 2_000,  # an etalage link: graph_api/etalage/items.py takes no longer address
    "sinds": 40,  # wijzigingen: "2026-01-01T09:00:00.123456+01:00" is 32
    "tot": 40,  # landschapsverschil, as sinds
    # The aanbod (graph_api/domain/aanbod/applicatie.py, versie.py): names and URLs as long as
    # wijzigen.MAX_KORT allows, dates, and a version's number.
    "licentie": 200,
    "hostingLocatie": 200,
    "jurisdictie": 200,
    "bewijs": 200,
    "nummer": 50,  # "2026.1.0-rc.3"
    "releaseDatum": 10,
    "eindeOndersteuning": 10,
    # People (graph_api/domain/organisaties/): an e-mail address (as long as a name may be), an
    # invitation's code (43 characters), a machine client's id (a token's `sub`).
    "email": 254,  # the longest address SMTP allows
    "code": 100,
    "clientId": 255,
    # The organisation profile (graph_api/domain/organisaties/profiel.py).
    "website": 2_000,  # URLs: a logo on a CDN carries a long query string
    "logoUrl": 2_000,
    "bewijsUrl": 2_000,
    "telefoon": 40,
    "straat": 200,
    "huisnummer": 20,
    "postcode": 10,  # "1234 AB"
    "plaats": 200,
    "uitgever": 200,
    "geldigTot": 10,
    "functie": 200,
    "onderwerp": 200,
    # Registering a leverancier, creating organisations (graph_api/domain/organisaties/).
    "kvkNummer": 20,  # 8 digits; a little room, so that a wrong one is told why
    "grondslag": 200,
    "bericht": 10_000,  # an interest's message (graph_api/domain/interesse/interesse.py)
    # A CMDB's sync (graph_api/domain/landschap/synchronisatie.py): the source system, its own id
    # of an item, and an application named as the CMDB names it.
    "bron": 40,
    "bronSleutel": 200,
    "van": 200,  # a koppeling's end in a sync: a bronSleutel
    "naarVoorziening": 100,  # a GEMMA Object ID
    "standaarden": 100,  # each a GEMMA Object ID
    "applicatieNaam": 200,
}
MAX_GLOBAL_ID = 300  # base64 of a type name, a colon and a graph id
DEFAULT_LENGTH = 200  # a string argument not named above (tests keep this list complete)
MAX_ITEMS = MAX_PAGE_SIZE  # items of a list argument (`nodes(ids:)`): no more than one page


def refused(
    schema: GraphQLSchema, document: DocumentNode, variables: Mapping[str, Any]
) -> GraphQLError | None:
    """The first argument of the document that is too long, with its name; None when all fit.

    The arguments are found in one pass over the document as written (fragments once each),
    once per document; the variables are read where they are used, on every request.
    """
    for value, type_, name in _arguments(schema, document):
        error = _check(value, type_, name, variables)
        if error is not None:
            return error
    return None


@kept_by_identity(maxsize=256)
def _arguments(
    schema: GraphQLSchema, document: DocumentNode
) -> tuple[tuple[Any, GraphQLInputType, str], ...]:
    """Every argument of the document, in order: its value as written, its type and its name."""
    found: list[tuple[Any, GraphQLInputType, str]] = []
    type_info = TypeInfo(schema)

    class Arguments(Visitor):
        def enter_argument(self, node: ArgumentNode, *_: Any) -> Any:
            argument = type_info.get_argument()
            if argument is not None:
                found.append((node.value, argument.type, node.name.value))
            return Visitor.SKIP

    visit(document, TypeInfoVisitor(type_info, Arguments()))
    return tuple(found)


def _check(
    value: Any, type_: GraphQLInputType, path: str, variables: Mapping[str, Any]
) -> GraphQLError | None:
    for name, text_or_items, limit in _sized(value, type_, path, variables):
        size = len(text_or_items)
        if size > limit:
            what = "items" if isinstance(text_or_items, list) else "characters"
            return limit_error(
                "INVALID_INPUT",
                f"{name} may have at most {limit} {what}; it has {size}",
                argument=name,
                length=size,
                limit=limit,
            )
    return None


def _sized(value: Any, type_: GraphQLInputType, path: str, variables: Mapping[str, Any]) -> Iterator[tuple]:
    """(name, value, limit) for every string and list inside an argument's value."""
    if isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    if isinstance(value, VariableNode):
        value = _Raw(variables.get(value.name.value))
    if isinstance(value, _Raw) and value.value is None:
        return
    if isinstance(type_, GraphQLList):
        if isinstance(value, ListValueNode):
            items: list[Any] = list(value.values)
        elif isinstance(value, _Raw) and isinstance(value.value, list):
            items = [_Raw(item) for item in value.value]
        else:
            items = [value]  # one value where a list is expected: GraphQL makes it a list of one
        yield path, items, MAX_ITEMS
        for item in items:
            yield from _sized(item, type_.of_type, path, variables)
    elif isinstance(type_, GraphQLInputObjectType):
        if isinstance(value, ObjectValueNode):
            fields: dict[str, Any] = {field.name.value: field.value for field in value.fields}
        elif isinstance(value, _Raw) and isinstance(value.value, dict):
            fields = {name: _Raw(item) for name, item in value.value.items()}
        else:
            fields = {}
        for name, item in fields.items():
            if name in type_.fields:
                yield from _sized(item, type_.fields[name].type, f"{path}.{name}", variables)
    elif isinstance(type_, GraphQLScalarType) and type_.name in ("String", "ID"):
        text = value.value if isinstance(value, (StringValueNode, _Raw)) else None
        if isinstance(text, str):
            yield path, text, max_length(path.rsplit(".", 1)[-1], type_.name)


def max_length(name: str, type_name: str) -> int:
    """The longest text an argument (or input field) of this name and type may hold."""
    if name in MAX_LENGTHS:
        return MAX_LENGTHS[name]
    return MAX_GLOBAL_ID if type_name == "ID" else DEFAULT_LENGTH


class _Raw:
    """A variable's value as the client sent it (JSON), where the document has a `$name`."""

    __slots__ = ("value",)

    def __init__(self, value: Any):
        self.value = value
