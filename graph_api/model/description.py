"""The graph model read back from the neomodel declarations: labels, types and properties.

Everything that needs to know the model (the DDL, the check of cypher/, the seeder's
validation) asks this description instead of walking neomodel's classes itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from neomodel import (
    ArrayProperty,
    AsyncStructuredNode,
    BooleanProperty,
    FloatProperty,
    IntegerProperty,
    StringProperty,
)
from neomodel.properties import Property
from neomodel.util import RelationshipDirection

from graph_api.model.base import DatumProperty, GraphNode, TijdstipProperty


@dataclass(frozen=True)
class PropertySpec:
    name: str
    type: str  # string, date, datetime, integer, float, boolean, list<string>, ...
    required: bool
    unique: bool
    indexed: bool
    choices: tuple[str, ...] | None


@dataclass(frozen=True)
class LabelSpec:
    label: str
    labels: tuple[str, ...]  # this label and the ones it inherits, e.g. Gemeente, Organisatie
    properties: dict[str, PropertySpec]
    search_fields: tuple[str, ...]


@dataclass
class RelationshipSpec:
    type: str
    endpoints: set[tuple[str, str]] = field(default_factory=set)
    properties: dict[str, PropertySpec] = field(default_factory=dict)


@dataclass(frozen=True)
class GraphModel:
    labels: dict[str, LabelSpec]
    relationships: dict[str, RelationshipSpec]

    def properties_of(self, label: str) -> set[str]:
        """Every property a node with this label may carry, its more specific labels included."""
        return {name for spec in self.labels.values() if label in spec.labels for name in spec.properties}

    def all_properties(self) -> set[str]:
        names = {name for spec in self.labels.values() for name in spec.properties}
        return names | {name for rel in self.relationships.values() for name in rel.properties}


def _type_name(prop: Property) -> str:
    if isinstance(prop, ArrayProperty):
        if prop.base_property is None:
            raise TypeError("an array property without the type of its items is not used by graph_api")
        return f"list<{_type_name(prop.base_property)}>"
    for cls, name in (
        # Before StringProperty: dates and instants are strings of a known form.
        (DatumProperty, "date"),
        (TijdstipProperty, "datetime"),
        (StringProperty, "string"),
        (IntegerProperty, "integer"),
        (FloatProperty, "float"),
        (BooleanProperty, "boolean"),
    ):
        if isinstance(prop, cls):
            return name
    raise TypeError(f"property type {type(prop).__name__} is not used by graph_api")


def _property(name: str, prop: Property) -> PropertySpec:
    choices = getattr(prop, "choices", None)
    if isinstance(prop, ArrayProperty):
        choices = getattr(prop.base_property, "choices", None)
    return PropertySpec(
        name=name,
        type=_type_name(prop),
        required=bool(prop.required),
        unique=bool(prop.unique_index),
        indexed=bool(prop.index),
        choices=tuple(choices) if choices else None,
    )


def _properties(declared: dict[str, Property]) -> dict[str, PropertySpec]:
    specs = (_property(prop.get_db_property_name(name), prop) for name, prop in declared.items())
    return {spec.name: spec for spec in specs}


def node_classes() -> list[type[AsyncStructuredNode]]:
    found: list[type[AsyncStructuredNode]] = []
    pending = list(GraphNode.__subclasses__())
    while pending:
        cls = pending.pop(0)
        pending.extend(cls.__subclasses__())
        if "__label__" in vars(cls):  # abstract classes get no label
            found.append(cls)
    return sorted(found, key=lambda cls: cls.__label__)


def describe() -> GraphModel:
    labels: dict[str, LabelSpec] = {}
    relationships: dict[str, RelationshipSpec] = {}
    for cls in node_classes():
        props = cls.defined_properties(aliases=False, rels=False)
        labels[cls.__label__] = LabelSpec(
            label=cls.__label__,
            labels=tuple(cls.inherited_labels()),
            properties=_properties(props),
            search_fields=cls.search_fields,
        )
        for rel in cls.defined_properties(aliases=False, properties=False, rels=True).values():
            rel.lookup_node_class()
            definition = rel.definition
            spec = relationships.setdefault(
                definition["relation_type"], RelationshipSpec(definition["relation_type"])
            )
            ends = (cls.__label__, definition["node_class"].__label__)
            incoming = definition["direction"] == RelationshipDirection.INCOMING
            spec.endpoints.add(ends[::-1] if incoming else ends)
            if definition["model"] is not None:
                model_props = definition["model"].defined_properties(aliases=False, rels=False)
                spec.properties.update(_properties(model_props))
    return GraphModel(labels=labels, relationships=relationships)
