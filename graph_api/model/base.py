"""The root of every node class: each node carries its own string `id`.

FalkorDB reuses internal ids after deletes, so only this property identifies a node, across
engines and in exports.
"""

from typing import ClassVar

from neomodel import AsyncStructuredNode, AsyncStructuredRel, StringProperty


class GraphNode(AsyncStructuredNode):
    __abstract_node__ = True

    # neomodel reserves the attribute name `id`; the graph property is still `id`.
    uid = StringProperty(db_property="id", unique_index=True, required=True)

    # Properties covered by the label's full-text index (F011 search).
    search_fields: ClassVar[tuple[str, ...]] = ()


class DatumProperty(StringProperty):
    """An ISO-8601 calendar date, `2026-06-30`. Kept as text: the portable Cypher has no temporal
    values, and dates in this form sort and compare as text in date order."""


class TijdstipProperty(StringProperty):
    """An ISO-8601 instant with its offset, `2026-06-30T09:15:00Z`, kept as text like a date."""


class GemmaRelatie(AsyncStructuredRel):
    """A relation taken over from the GEMMA model; `id` is its ArchiMate identifier."""

    uid = StringProperty(db_property="id")
