"""What a seeded graph was generated from, so a second seed run can tell it apart."""

from neomodel import IntegerProperty

from graph_api.model.base import GraphNode, TijdstipProperty


class Dataset(GraphNode):
    seed = IntegerProperty(required=True)
    scale = IntegerProperty(required=True)
    geladen = TijdstipProperty()  # when the last run completed; unset while loading
