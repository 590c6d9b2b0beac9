"""Interest and attention (issue 19, item 5): a gemeente's interest in an application, named to
the leverancier; views and searches, kept only as anonymous counts.

`Bezoek` and `Zoekvraag` name no organisation: each is one organisation's first view of an
application in an ISO week (or its search in a month), identified by a keyed hash of the
organisation, the period and what was viewed or searched (graph_api/domain/interesse/telling.py).
A hash of one period cannot be linked to the same organisation's hash of another, nor to
another application, without the server's secret; the counts are the number of nodes.
"""

from neomodel import AsyncRelationshipTo, IntegerProperty, StringProperty

from graph_api.model.aanbod import Applicatie
from graph_api.model.base import GraphNode, TijdstipProperty
from graph_api.model.organisaties import Gemeente


class Interesse(GraphNode):
    """One gemeente's interest in one application (at most one per pair), with a message; the
    leverancier's beheerders see who showed it. Withdrawn, it is deleted: its record remains."""

    bericht = StringProperty()
    versie = IntegerProperty(required=True)
    aangemaakt = TijdstipProperty(required=True)
    door = StringProperty(required=True)  # the Gebruiker's id: the person who showed it

    gemeente = AsyncRelationshipTo(Gemeente, "GETOOND_DOOR")
    applicatie = AsyncRelationshipTo(Applicatie, "INTERESSE_IN")


class Bezoek(GraphNode):
    """An application viewed by one organisation (unnamed) in one ISO week."""

    applicatie = StringProperty(required=True, index=True)
    week = StringProperty(required=True)  # 2026-W49


class Zoekvraag(GraphNode):
    """A search by one gemeente (unnamed) in one month: its normalised words, or the
    referentiecomponent it filtered on."""

    maand = StringProperty(required=True, index=True)  # 2026-12
    term = StringProperty()
    referentiecomponent = StringProperty()
