"""The etalage of an application (issue 18, F004): the sales material its leverancier shows.

An item is a file kept in the file store (graph_api/etalage/opslag.py), named here by its key,
or a link to material elsewhere (a demo). It hangs off its application (`TOONT`), so it is seen
where the application is: a concept's etalage only by who sees the concept.
"""

from neomodel import AsyncRelationshipTo, IntegerProperty, StringProperty

from graph_api.model import keuzes
from graph_api.model.aanbod import Applicatie
from graph_api.model.base import GraphNode, TijdstipProperty


class EtalageItem(GraphNode):
    soort = StringProperty(required=True, choices=keuzes.ETALAGE_SOORT)
    titel = StringProperty(required=True)
    url = StringProperty()  # a link item's address (http or https)
    # A file item's file: its key in the file store, the type its content was found to be, its
    # size in bytes and its SHA-256 (the ETag it is served with). Never replaced: a new file is
    # a new item, so what is served at an item's address never changes.
    bestand = StringProperty()
    contentType = StringProperty(choices=keuzes.ETALAGE_BESTANDSTYPE)
    grootte = IntegerProperty()
    sha256 = StringProperty()
    versie = IntegerProperty(required=True)  # optimistic concurrency, as Gebruik's
    aangemaaktOp = TijdstipProperty(required=True)
    aangemaaktDoor = StringProperty(required=True)  # the Gebruiker's id
    gewijzigdOp = TijdstipProperty(required=True)
    gewijzigdDoor = StringProperty(required=True)

    toont = AsyncRelationshipTo(Applicatie, "TOONT")
