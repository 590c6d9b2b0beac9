"""What a document expands to, measured once per fragment.

A fragment can be spread many times, and each spread can spread further fragments: a walk that
follows every spread costs as much as the expansion, which doubles with each fragment that
spreads the next one twice (1 KB of them kept a process busy for minutes). Here each fragment
is measured once and its measure reused at every spread, so a measurement costs time linear in
the document's size, whatever the document expands to.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)

from graph_api.graphql.limits.identity import kept_by_identity


@dataclass(frozen=True)
class Shape:
    """The expansion of a selection set: every fragment spread replaced by its fragment."""

    depth: int  # fields with selections, nested; introspection fields not at all (as QueryDepthLimiter)
    aliases: int  # aliased fields, each counted as often as the expansion holds it (as MaxAliasesLimiter)
    fields: int  # fields, each counted as often as the expansion holds it

    def __add__(self, other: Shape) -> Shape:
        """Side by side: the deeper of the two, the sum of the rest."""
        return Shape(max(self.depth, other.depth), self.aliases + other.aliases, self.fields + other.fields)


NOTHING = Shape(0, 0, 0)


def fragments_of(document: DocumentNode) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}


def operations_of(document: DocumentNode) -> list[OperationDefinitionNode]:
    return [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]


@kept_by_identity(maxsize=256)
def document_shape(document: DocumentNode) -> Shape:
    """`Measure(document).document(document)`, kept per parsed document (the parser's cache hands
    out the same one for the same text): clients send the same documents again and again."""
    return Measure(document).document(document)


class Measure:
    """Shapes of one document's selection sets, each fragment measured once.

    >>> from graphql import parse
    >>> document = parse("{ ...A } fragment A on Query { ...B ...B } fragment B on Query { x: __typename }")
    >>> Measure(document).operation(operations_of(document)[0])
    Shape(depth=0, aliases=2, fields=2)
    """

    def __init__(self, document: DocumentNode):
        self._fragments: Mapping[str, FragmentDefinitionNode] = fragments_of(document)
        self._measured: dict[str, Shape] = {}
        self._measuring: set[str] = set()

    def operation(self, operation: OperationDefinitionNode) -> Shape:
        return self.selections(operation.selection_set)

    def document(self, document: DocumentNode) -> Shape:
        """The largest of the document's operations: any of them may be the one executed."""
        shapes = [self.operation(op) for op in operations_of(document)]
        return Shape(
            max((s.depth for s in shapes), default=0),
            max((s.aliases for s in shapes), default=0),
            max((s.fields for s in shapes), default=0),
        )

    def selections(self, selection_set: SelectionSetNode | None) -> Shape:
        shape = NOTHING
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                inner = self.selections(selection.selection_set)
                nests = selection.selection_set is not None and not selection.name.value.startswith("__")
                shape += Shape(
                    inner.depth + 1 if nests else 0,
                    inner.aliases + (1 if selection.alias else 0),
                    inner.fields + 1,
                )
            elif isinstance(selection, InlineFragmentNode):
                shape += self.selections(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                shape += self.fragment(selection.name.value)
        return shape

    def fragment(self, name: str) -> Shape:
        if name in self._measured:
            return self._measured[name]
        fragment = self._fragments.get(name)
        if fragment is None or name in self._measuring:
            # Unknown fragments and cycles are validation's to refuse; they add nothing here.
            return NOTHING
        self._measuring.add(name)
        shape = self._measured[name] = self.selections(fragment.selection_set)
        self._measuring.discard(name)
        return shape
