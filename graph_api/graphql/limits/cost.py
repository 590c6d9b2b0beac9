"""The estimated cost of a document: the objects its answer can hold, plus the engine's work
that no answer shows (analytics, and lists the engine reads whole to filter and sort them).

One unit is about what one object of the catalogue queries costs the engine (50 µs on the
seeded scale-1 graph); docs/operations.md ("Hardening") has the rules with examples. The
estimate is made once per fragment and inherited page size (graph_api/graphql/limits/shape.py
says why), so it costs time linear in the document's size.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    SelectionSetNode,
    get_named_type,
)
from graphql.execution.values import VariableValues, get_argument_values, get_variable_values
from graphql.utilities import get_operation_ast

from graph_api.graphql.core.paging import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from graph_api.graphql.limits.shape import fragments_of
from graph_api.toegang import Zicht

# Root fields that analyse a landscape or the whole country in the engine instead of looking
# objects up. Each counts as this many objects besides what it returns: its latency on the
# seeded scale-1 graph over 50 µs (docs/operations.md, "Hardening", has the measurements).
ANALYTICS_WEIGHTS = {
    "afhankelijkheden": 1_000,
    "kortstePad": 1_000,
    "impactanalyse": 200,
    "landschapsgraaf": 200,  # its page is counted as objects already
    "gluurBijDeBuren": 200,
    "standaardendekking": 50,
    "vergelijkbareGemeenten": 10_000,
    "aanbevelingen": 10_000,
    "leveranciersprofiel": 2_000,
    "adoptie": 5_000,
    "standaardendekkingOverzicht": 2_000,
    "marktconcentratie": 15_000,
    "koppelingsnetwerk": 15_000,
}


@dataclass(frozen=True)
class Scan:
    """A root list the engine reads whole before it returns a page (to filter it, to sort it).

    Each node of `label` it reads counts `weight` units, plus `filters[name]` for each filter
    given: `python -m bench hardening` measures them (bench/RESULTS.md, "Hardening"). A
    landscape list reads its whole label only for an asker who sees all of it (`seen_with`);
    others' reads stop early.
    """

    label: str
    weight: float
    filters: Mapping[str, float] = field(default_factory=dict)
    seen_with: str | None = None  # the Zicht flag under which every node of the label is read


# Measured on the seeded scale-1 graph (bench/RESULTS.md, "Hardening"): reading a list's page
# and count, per node of its label. A filter that names a node finds it once and narrows the
# read (graph_api/graphql/compiled/relations.py, Anchored); the filters listed still add work.
_CATALOGUE = 0.025  # reading and ordering a catalogue node by name: about 1 µs
SCANS: Mapping[str, Scan] = {
    "applicaties": Scan("Applicatie", _CATALOGUE, {"leverancier": 0.1, "referentiecomponent": 0.1}),
    "diensten": Scan("Dienst", 0.2),
    "organisaties": Scan("Organisatie", _CATALOGUE),
    "gemeenten": Scan("Gemeente", _CATALOGUE),
    "leveranciers": Scan("Leverancier", _CATALOGUE),
    "samenwerkingen": Scan("Samenwerking", _CATALOGUE),
    "communities": Scan("Community", _CATALOGUE),
    "referentiecomponenten": Scan("Referentiecomponent", _CATALOGUE),
    "standaarden": Scan("Standaard", _CATALOGUE),
    "applicatieservices": Scan("Applicatieservice", _CATALOGUE),
    "bedrijfsfuncties": Scan("Bedrijfsfunctie", _CATALOGUE),
    "buitengemeentelijkeVoorzieningen": Scan("BuitengemeentelijkeVoorziening", _CATALOGUE),
    "gebruik": Scan("Gebruik", 0.2, seen_with="alle_gebruik"),
    "koppelingen": Scan("Koppeling", 0.1, {"standaard": 1.1}, seen_with="alle_landschappen"),
}

# Plain lists that grow with the country rather than with the object that holds them (every
# customer of a leverancier, every node a walk reaches): assumed as long as the largest page.
LARGE_LISTS = frozenset(
    {
        "Afhankelijkheden.paden",
        "Community.leden",
        "Facetten.leveranciers",
        "Facetten.referentiecomponenten",
        "Leveranciersprofiel.klanten",
        "Leveranciersprofiel.marktaandelen",
        "Samenwerking.leden",
        "Standaard.vereistDoor",
        "Subgraph.edges",
        "Subgraph.nodes",
        "Vergelijking.gedeeldeApplicaties",
    }
)
_SIZE_ARGUMENTS = ("first", "last", "aantal")


def scan_cost(name: str, arguments: Mapping[str, Any], label_sizes: Mapping[str, int], zicht: Zicht) -> int:
    """What reading a root list whole costs the engine; 0 for a list anchored on one organisation."""
    scan = SCANS.get(name)
    if scan is None or arguments.get("organisatie") is not None:
        return 0
    if scan.seen_with is not None and not getattr(zicht, scan.seen_with):
        return 0
    given = arguments.get("filter") or {}
    weight = scan.weight + sum(extra for key, extra in scan.filters.items() if given.get(key) is not None)
    return round(label_sizes.get(scan.label, 0) * weight)


def _size(field_name: str, arguments: Mapping[str, Any], field_args: Mapping[str, Any]) -> int | None:
    """How many items the field's own arguments ask for; None when it has no size argument."""
    if "ids" in arguments and isinstance(arguments["ids"], list):
        return len(arguments["ids"])
    asked = [arguments[name] for name in _SIZE_ARGUMENTS if arguments.get(name) is not None]
    if asked:
        # Larger pages are refused by the resolver before the store is asked.
        return min(max(asked[0], 0), MAX_PAGE_SIZE)
    if "first" in field_args or "last" in field_args:
        return DEFAULT_PAGE_SIZE
    return None


class _Estimate:
    """Costs of one operation's selection sets, per unit multiplier.

    A selection set's cost is proportional to how many times its parent occurs, so each is
    estimated for one parent and multiplied; a fragment is estimated once per page size it
    inherits, and reused at every spread.
    """

    def __init__(self, schema: GraphQLSchema, fragments: Mapping[str, FragmentDefinitionNode],
                 variables: VariableValues, list_size: int, label_sizes: Mapping[str, int],
                 zicht: Zicht):  # fmt: skip
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.list_size = list_size
        self.label_sizes = label_sizes
        self.zicht = zicht
        self._fragments: dict[tuple[str, int | None], int] = {}

    def selections(self, selection_set: SelectionSetNode, parent: Any, inherited: int | None) -> int:
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += self.field(selection, parent, inherited)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                kind = self.schema.get_type(condition.name.value) if condition else parent
                # Fragments on different types of a union are added up: an upper bound.
                total += self.selections(selection.selection_set, kind, inherited)
            elif isinstance(selection, FragmentSpreadNode):
                total += self.fragment(selection.name.value, inherited)
        return total

    def fragment(self, name: str, inherited: int | None) -> int:
        key = (name, inherited)
        if key not in self._fragments:
            fragment = self.fragments[name]
            kind = self.schema.get_type(fragment.type_condition.name.value)
            self._fragments[key] = self.selections(fragment.selection_set, kind, inherited)
        return self._fragments[key]

    def field(self, selection: FieldNode, parent: GraphQLObjectType, inherited: int | None) -> int:
        name = selection.name.value
        if name.startswith("__"):  # the schema's own fields: bounded by the schema, never stored
            return 1
        field_def = parent.fields[name]
        root = parent is self.schema.query_type
        if selection.selection_set is None and not root:
            return 1
        try:
            arguments = get_argument_values(field_def, selection, self.variables)
        except GraphQLError:  # execution refuses these arguments before resolving anything
            arguments = {}
        cost = 1
        if root:
            cost = ANALYTICS_WEIGHTS.get(name, 1) + scan_cost(name, arguments, self.label_sizes, self.zicht)
        if selection.selection_set is None:
            return cost
        size = _size(name, arguments, field_def.args)
        field_type = field_def.type.of_type if isinstance(field_def.type, GraphQLNonNull) else field_def.type
        kind = get_named_type(field_type)
        if isinstance(field_type, GraphQLList):
            if size is None:
                size = inherited
            if size is None:
                size = MAX_PAGE_SIZE if f"{parent.name}.{name}" in LARGE_LISTS else self.list_size
            return cost + size * self.selections(selection.selection_set, kind, None)
        # A connection (or a subgraph) passes its size on to the lists directly inside it.
        return cost + self.selections(selection.selection_set, kind, size)


def estimate_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
    list_size: int,
    label_sizes: Mapping[str, int] | None = None,
    zicht: Zicht | None = None,
) -> int | None:
    """The estimated cost of a valid document; None when execution will refuse it anyway.

    Kept per document (by identity, as the parser's cache hands it out), label sizes, visibility
    flags and what of the variables the estimate can read (`_cost_shape`): a lookup sent with
    another id, as real clients send it, is not estimated again."""
    label_sizes = label_sizes or {}
    zicht = zicht or Zicht()
    key = (id(schema), id(document), operation_name, _cost_shape(variables), list_size, id(label_sizes),
           zicht.alle_gebruik, zicht.alle_landschappen)  # fmt: skip
    found = _ESTIMATES.get(key)
    if found is not None:
        _ESTIMATES.move_to_end(key)
        return found[1]
    cost = _estimated(schema, document, operation_name, variables, list_size, label_sizes, zicht)
    # The objects keyed by their ids stay alive with the value, so no id can name another.
    _ESTIMATES[key] = ((schema, document, label_sizes), cost)
    if len(_ESTIMATES) > 1024:
        _ESTIMATES.popitem(last=False)
    return cost


_ESTIMATES: OrderedDict[Hashable, tuple[tuple[Any, ...], int | None]] = OrderedDict()


def _cost_shape(value: Any) -> Hashable:
    """What of the variables the estimate can depend on: numbers (page sizes), booleans, which
    values are given (null or not), list lengths and object keys, but never a string's text.
    The estimate reads argument values only in `scan_cost` (whether an organisation or a filter
    is given) and `_size` (page sizes, a list's length); a string that matters to it must not
    be abstracted here."""
    if isinstance(value, str):
        return ""
    if isinstance(value, Mapping):
        return tuple(sorted((key, _cost_shape(item)) for key, item in value.items()))
    if isinstance(value, list):
        return tuple(_cost_shape(item) for item in value)
    return (type(value), value)  # 1 and True differ to the estimate; None stays None


def _estimated(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
    list_size: int,
    label_sizes: Mapping[str, int],
    zicht: Zicht,
) -> int | None:
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        return None
    coerced = get_variable_values(schema, operation.variable_definitions or (), dict(variables or {}))
    if isinstance(coerced, list):  # bad variables: refused before any field resolves
        return None
    root = schema.get_root_type(operation.operation)
    estimate = _Estimate(schema, fragments_of(document), coerced, list_size, label_sizes, zicht)
    return estimate.selections(operation.selection_set, root, None)
