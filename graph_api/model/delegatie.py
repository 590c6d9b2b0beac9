"""A role one organisation grants the people of another in its own landscape or aanbod, for a
period (issue 18, item 7; docs/access.md, "Delegation").

A node of its own between the two organisations, not a membership: the receiving organisation
keeps deciding which of its people hold the role (they hold it at home), and the granting one
sees and ends the grant in one place. It stays after it is withdrawn or expired, as the record
of who might write there when.
"""

from neomodel import AsyncRelationshipTo, IntegerProperty, StringProperty

from graph_api.model import keuzes
from graph_api.model.base import DatumProperty, GraphNode, TijdstipProperty
from graph_api.model.organisaties import Organisatie


class Delegatie(GraphNode):
    rol = StringProperty(required=True, choices=keuzes.DELEGATIE_ROL)
    startDatum = DatumProperty(required=True)  # the first day it counts (Europe/Amsterdam)
    eindDatum = DatumProperty(required=True)  # the last day it counts, inclusive
    toelichting = StringProperty()  # why: a contract, an agreement
    versie = IntegerProperty(required=True)  # optimistic concurrency, as Gebruik's
    verleendOp = TijdstipProperty(required=True)
    verleendDoor = StringProperty(required=True)  # the Gebruiker's id
    # Withdrawn: from that moment it gives nothing, whatever its dates say.
    ingetrokkenOp = TijdstipProperty()
    ingetrokkenDoor = StringProperty()

    aan = AsyncRelationshipTo(Organisatie, "GEDELEGEERD_AAN")  # the receiving organisation
