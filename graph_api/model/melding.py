"""A melding (issue 19, item 3): what one person is told about a change that concerns them.

One node per recipient, not per event: each is read and marked read on its own, and deleting a
person's meldingen touches nobody else's. It names its recipient, its object and the change
record it follows by id rather than by relationships: it outlives a deleted object, and the
recipient's list is read by the indexed `ontvanger` alone (docs/meldingen.md).
"""

from neomodel import BooleanProperty, StringProperty

from graph_api.model import keuzes
from graph_api.model.base import GraphNode, TijdstipProperty


class Melding(GraphNode):
    ontvanger = StringProperty(required=True, index=True)  # the Gebruiker's id
    organisatie = StringProperty(required=True)  # the recipient's organisation it was sent for
    soort = StringProperty(required=True, choices=keuzes.MELDING_SOORT)
    tekst = StringProperty(required=True)  # one Dutch sentence
    object = StringProperty(required=True)  # the id of what it is about
    objectLabel = StringProperty(required=True)
    wijziging = StringProperty(required=True)  # the Wijziging it follows
    aangemaakt = TijdstipProperty(required=True, index=True)
    gelezen = BooleanProperty(required=True)
