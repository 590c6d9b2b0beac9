"""An organisation's review of an application it uses or a dienst it takes (F006, issue 19).

A node of its own with the organisation and the object as relationships, one per organisation
per object: written again it changes, and goes back to moderation. Only approved reviews are
public, and they name their organisation only to who may see that organisation's use of the
object (docs/access.md, "Reviews").
"""

from neomodel import AsyncRelationshipFrom, AsyncRelationshipTo, IntegerProperty, StringProperty

from graph_api.model import keuzes
from graph_api.model.aanbod import Applicatie, Dienst
from graph_api.model.base import GraphNode, TijdstipProperty
from graph_api.model.organisaties import Organisatie


class Beoordeling(GraphNode):
    score = IntegerProperty(required=True)  # 1 to 5
    tekst = StringProperty(required=True)
    status = StringProperty(required=True, choices=keuzes.BEOORDELING_STATUS)
    reden = StringProperty()  # why functioneel beheer rejected it; gone once it is written again
    # The leverancier's one answer to the text as approved; gone once the text is written again.
    antwoord = StringProperty()
    beantwoordOp = TijdstipProperty()
    beantwoordDoor = StringProperty()  # the Gebruiker's id
    goedgekeurdOp = TijdstipProperty(index=True)  # when it was published; public lists order by it
    versie = IntegerProperty(required=True)  # optimistic concurrency, as Gebruik's
    geschrevenOp = TijdstipProperty(required=True)
    gewijzigdOp = TijdstipProperty(required=True)
    gewijzigdDoor = StringProperty(required=True)  # the Gebruiker's id: never shown beyond its organisation

    schrijver = AsyncRelationshipFrom(Organisatie, "SCHREEF")  # the organisation whose review it is
    over = AsyncRelationshipTo(Applicatie, "OVER")
    over_dienst = AsyncRelationshipTo(Dienst, "OVER")
