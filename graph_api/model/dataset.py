"""What a seeded graph was generated from, so a second seed run can tell it apart."""

from neomodel import IntegerProperty, StringProperty

from graph_api.model.base import GraphNode, TijdstipProperty


class Dataset(GraphNode):
    seed = IntegerProperty(required=True)
    scale = IntegerProperty(required=True)
    geladen = TijdstipProperty()  # when the last run completed; unset while loading
    # What generated it: the same seed and scale give another landscape after the seed files or
    # the generator changed (graph_api/seed/loader.py, `generator_vingerafdruk`).
    generator = StringProperty()
