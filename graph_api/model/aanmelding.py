"""How people and leveranciers come in (F001): a leverancier's registration, waiting for
functioneel beheer, and a person's request for access to an organisation, waiting for its
organisatie-beheerder. Both stay after they are decided, as the record of what was asked and
decided, so "open" is a status, not the existence of a node.
"""

from neomodel import ArrayProperty, AsyncRelationshipTo, IntegerProperty, StringProperty

from graph_api.model import keuzes
from graph_api.model.base import GraphNode, TijdstipProperty
from graph_api.model.organisaties import Gebruiker, Leverancier, Organisatie


class Registratie(GraphNode):
    status = StringProperty(required=True, choices=keuzes.REGISTRATIE_STATUS)
    reden = StringProperty()  # why functioneel beheer rejected it; the registrant reads it
    versie = IntegerProperty(required=True)  # optimistic concurrency, as Gebruik's
    ingediendOp = TijdstipProperty(required=True)
    ingediendDoor = StringProperty(required=True, index=True)  # the registrant's Gebruiker id
    beoordeeldOp = TijdstipProperty()
    beoordeeldDoor = StringProperty()  # the functioneel beheerder's Gebruiker id

    betreft = AsyncRelationshipTo(Leverancier, "BETREFT")


class Toegangsverzoek(GraphNode):
    status = StringProperty(required=True, choices=keuzes.TOEGANGSVERZOEK_STATUS)
    # Who asks, from the token: the person has no Gebruiker yet, so the request keeps what
    # granting it needs to create one.
    subject = StringProperty(required=True, index=True)
    naam = StringProperty(required=True)
    email = StringProperty(required=True)
    rollen = ArrayProperty(StringProperty(choices=keuzes.ROLLEN), required=True)  # asked for
    toelichting = StringProperty()  # the person's note to the organisation
    reden = StringProperty()  # why it was refused
    versie = IntegerProperty(required=True)
    ingediendOp = TijdstipProperty(required=True)
    beoordeeldOp = TijdstipProperty()
    beoordeeldDoor = StringProperty()  # the Gebruiker id of who granted or refused it

    aan = AsyncRelationshipTo(Organisatie, "AAN")
    werd = AsyncRelationshipTo(Gebruiker, "WERD")  # the Gebruiker it created, once granted
