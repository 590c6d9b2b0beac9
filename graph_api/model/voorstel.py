"""A Gebruik proposed by a leverancier to a gemeente (issue 17, item 5), before it is one.

The proposal is a node of its own, not a Gebruik with a status: a Gebruik is part of a
landscape, which every read of Gebruik shows, and a proposal is not, until the gemeente
accepts it. It stays after it is closed, as the history of what was proposed and decided.
"""

from neomodel import AsyncRelationshipTo, IntegerProperty, StringProperty

from graph_api.model import keuzes
from graph_api.model.aanbod import Applicatie
from graph_api.model.base import GraphNode, TijdstipProperty
from graph_api.model.landschap import Gebruik
from graph_api.model.organisaties import Gemeente, Leverancier


class Gebruiksvoorstel(GraphNode):
    status = StringProperty(required=True, choices=keuzes.VOORSTEL_STATUS)
    toelichting = StringProperty()  # the leverancier's note to the gemeente
    reden = StringProperty()  # why the gemeente rejected it
    versie = IntegerProperty(required=True)  # optimistic concurrency, as Gebruik's
    voorgesteldOp = TijdstipProperty(required=True)
    voorgesteldDoor = StringProperty(required=True)  # the Gebruiker's id
    gewijzigdOp = TijdstipProperty(required=True)
    gewijzigdDoor = StringProperty(required=True)

    betreft = AsyncRelationshipTo(Applicatie, "BETREFT")
    aan = AsyncRelationshipTo(Gemeente, "AAN")
    door = AsyncRelationshipTo(Leverancier, "DOOR")  # the leverancier that offers it
    werd = AsyncRelationshipTo(Gebruik, "WERD")  # the Gebruik it became, once accepted
