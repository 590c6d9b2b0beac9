"""A gemeente's landscape: its Gebruik of applications and the Koppelingen between them."""

from neomodel import (
    AsyncRelationshipFrom,
    AsyncRelationshipTo,
    AsyncStructuredRel,
    BooleanProperty,
    IntegerProperty,
    StringProperty,
)

from graph_api.model import keuzes
from graph_api.model.aanbod import Applicatie, Dienst, Versie
from graph_api.model.base import DatumProperty, GraphNode, TijdstipProperty
from graph_api.model.gemma import (
    BuitengemeentelijkeVoorziening,
    Referentiecomponent,
    Standaardversie,
)


class Koppelt(AsyncStructuredRel):
    """Written with its Koppeling, pointing the way its data flows (both ways: two of them), so
    dependency traversals are plain variable-length paths."""

    koppelingId = StringProperty(required=True, index=True)


class Gebruik(GraphNode):
    """One organisation's use of one application."""

    status = StringProperty(required=True, choices=keuzes.GEBRUIK_STATUS)
    # The date each status was reached (docs/architecture.md, "Status dates"): startDatum is
    # IN_PRODUCTIE's and eindDatum UITGEFASEERD's, as they were before the others were kept.
    verwervingDatum = DatumProperty()
    geplandDatum = DatumProperty()
    startDatum = DatumProperty()
    uitTeFaserenDatum = DatumProperty()
    eindDatum = DatumProperty()
    hosting = StringProperty(choices=keuzes.HOSTINGMODEL)
    contractEinde = DatumProperty()
    notities = StringProperty()  # internal notes, visible to the organisation only
    # Optimistic concurrency (docs/architecture.md, "The write path"): 1 when registered, one
    # more with every change; a Gebruik seeded without it counts as 1. The graph property is
    # `versie`; the attribute has another name because `versie` is the VERSIE relationship.
    wijzigingsversie = IntegerProperty(db_property="versie")
    gewijzigdOp = TijdstipProperty()
    gewijzigdDoor = StringProperty()  # the Gebruiker's id
    # Kept current by a source system (a CMDB, graph_api/domain/landschap/synchronisatie.py): its
    # name and its key, `<bron>:<organisatie>:<the system's own id>`, one per system and organisation.
    bron = StringProperty()
    bronSleutel = StringProperty()

    van = AsyncRelationshipTo(Applicatie, "VAN")
    versie = AsyncRelationshipTo(Versie, "VERSIE")
    voor = AsyncRelationshipTo(Referentiecomponent, "VOOR")
    neemt_af = AsyncRelationshipTo(Dienst, "NEEMT_AF")
    koppelt = AsyncRelationshipTo("Gebruik", "KOPPELT", model=Koppelt)
    koppelt_voorziening = AsyncRelationshipTo(BuitengemeentelijkeVoorziening, "KOPPELT", model=Koppelt)
    # A facility that sends data to this Gebruik (a koppeling flowing back, or both ways).
    gevoed_door = AsyncRelationshipFrom(BuitengemeentelijkeVoorziening, "KOPPELT", model=Koppelt)


class Koppeling(GraphNode):
    type = StringProperty(required=True, choices=keuzes.KOPPELING_TYPE)
    richting = StringProperty(required=True, choices=keuzes.KOPPELING_RICHTING)
    status = StringProperty(required=True, choices=keuzes.KOPPELING_STATUS)
    beschrijving = StringProperty()
    # Derived, kept current by cypher/koppeling/standaarden.cypher on every relevant write.
    heeftVereisteStandaard = BooleanProperty()  # GEMMA requires a standard at one of its ends
    volgtVereisteStandaard = BooleanProperty()  # and it follows (a version of) one of those
    # Optimistic concurrency, as on Gebruik: 1 when registered, one more with every change; a
    # koppeling seeded without it counts as 1.
    versie = IntegerProperty()
    gewijzigdOp = TijdstipProperty()
    gewijzigdDoor = StringProperty()  # the Gebruiker's id
    # Kept current by a source system, as on Gebruik (graph_api/domain/landschap/synchronisatie.py):
    # its name and its key, `<bron>:<organisatie>:<the system's own id>`.
    bron = StringProperty()
    bronSleutel = StringProperty()

    van = AsyncRelationshipTo(Gebruik, "VAN")
    naar = AsyncRelationshipTo(Gebruik, "NAAR")
    naar_voorziening = AsyncRelationshipTo(BuitengemeentelijkeVoorziening, "NAAR")
    volgens = AsyncRelationshipTo(Standaardversie, "VOLGENS")
    via = AsyncRelationshipTo(Gebruik, "VIA")  # an optional intermediary, e.g. a servicebus


class Wijziging(GraphNode):
    """One recorded change, written by the same statement as the change itself. It names its
    object by id rather than by a relationship: the record outlives a deleted object."""

    actor = StringProperty(required=True)  # the Gebruiker's id
    actorOrganisatie = StringProperty(required=True)  # the organisation it acted for
    organisatie = StringProperty(required=True, index=True)  # whose landscape changed
    # `wijzigingen` lists them newest first, over every landscape for functioneel beheer.
    tijdstip = TijdstipProperty(required=True, index=True)
    object = StringProperty(required=True, index=True)  # the changed object's id
    objectLabel = StringProperty(required=True)
    operatie = StringProperty(required=True, choices=keuzes.WIJZIGING_OPERATIE)
    voor = StringProperty()  # the changed fields before, as JSON text; absent when created
    na = StringProperty()  # and after; absent when deleted
    # The idempotency key of the write (the asker's id and the client's key) and a digest of its
    # operation and input; absent when the client sent none (graph_api/domain/idempotentie.py).
    sleutel = StringProperty(unique_index=True)
    invoer = StringProperty()
    # The Delegatie the write was made under, when the actor's organisation acted in another's
    # landscape or aanbod by its grant (docs/access.md, "Delegation").
    delegatie = StringProperty()
