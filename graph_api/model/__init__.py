"""The graph model, declared once as neomodel classes.

neomodel is the declaration, not the data path: queries live in cypher/ and run through the
store. From these classes come the indexes and constraints of both engines (`ddl`), the check
that cypher/ uses only declared labels, types and properties, and input validation.
"""

from graph_api.model.aanbod import Applicatie, Dienst, SamengevoegdeApplicatie, Versie
from graph_api.model.aanmelding import Registratie, Toegangsverzoek
from graph_api.model.beoordeling import Beoordeling
from graph_api.model.dataset import Dataset
from graph_api.model.delegatie import Delegatie
from graph_api.model.description import (
    GraphModel,
    LabelSpec,
    PropertySpec,
    RelationshipSpec,
    describe,
)
from graph_api.model.etalage import EtalageItem
from graph_api.model.gemma import (
    Applicatieservice,
    Bedrijfsfunctie,
    BuitengemeentelijkeVoorziening,
    Referentiecomponent,
    Standaard,
    Standaardversie,
)
from graph_api.model.interesse import Bezoek, Interesse, Zoekvraag
from graph_api.model.landschap import Gebruik, Koppeling, Wijziging
from graph_api.model.melding import Melding
from graph_api.model.organisaties import (
    Beheerorganisatie,
    Certificering,
    Community,
    Contactpersoon,
    Gebruiker,
    Gemeente,
    Leverancier,
    OpgehevenGemeente,
    Organisatie,
    Samenwerking,
    Uitnodiging,
)
from graph_api.model.voorstel import Gebruiksvoorstel

__all__ = [
    "Applicatie",
    "Applicatieservice",
    "Bedrijfsfunctie",
    "Beheerorganisatie",
    "Beoordeling",
    "Bezoek",
    "BuitengemeentelijkeVoorziening",
    "Certificering",
    "Community",
    "Contactpersoon",
    "Dataset",
    "Delegatie",
    "Dienst",
    "EtalageItem",
    "Gebruik",
    "Gebruiker",
    "Gebruiksvoorstel",
    "Gemeente",
    "GraphModel",
    "Interesse",
    "Koppeling",
    "LabelSpec",
    "Leverancier",
    "Melding",
    "OpgehevenGemeente",
    "Organisatie",
    "PropertySpec",
    "Referentiecomponent",
    "Registratie",
    "RelationshipSpec",
    "SamengevoegdeApplicatie",
    "Samenwerking",
    "Standaard",
    "Standaardversie",
    "Toegangsverzoek",
    "Uitnodiging",
    "Versie",
    "Wijziging",
    "Zoekvraag",
    "describe",
]
