"""What a seeded graph was generated from, so a second seed run can tell it apart."""

from neomodel import IntegerProperty, StringProperty

from graph_api.model.base import GraphNode


class Dataset(GraphNode):
    seed = IntegerProperty(required=True)
    scale = IntegerProperty(required=True)
    geladen = StringProperty()  # ISO-8601 instant the last run completed; unset while loading
