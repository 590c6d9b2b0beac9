"""The Cypher fragments compiled reads are built from, one per field the compiler covers.

Each fragment says the same as the named query the field's resolver runs (named beside it),
as a path from the parent `{p}` to the related node `{x}`; other `{names}` become fresh
variables. Where the resolver's query checks `$zicht`, the fragment carries the same check as
a `Guard`, left out only when the asker's visibility makes it true for everything (then the
condition `$zicht.<flag> OR ...` is true anyway). tests/unit/test_compiled_tables.py checks the
fragments against those named queries, the model and the schema; tests/graphql/test_compiled.py
compares the compiled answers with the resolvers' for generated queries and every role.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from graph_api.graphql.aanbod.inputs import (
    aanbod_verzoek,
    applicaties_verzoek,
    gebruikers_verzoek,
    realisaties_verzoek,
)
from graph_api.graphql.core.enums import grootteklasse
from graph_api.graphql.core.lists import Verzoek
from graph_api.graphql.landschap.inputs import gebruik_verzoek

# A gemeente dissolved by a herindeling (OpgehevenGemeente) is still a Gemeente to the schema.
ORGANISATIE_LABEL = (
    "[l IN labels({x}) WHERE l <> 'Organisatie'"
    " | CASE l WHEN 'OpgehevenGemeente' THEN 'Gemeente' ELSE l END][0]"
)
GEMMA_LABEL = "[l IN labels({x}) WHERE l <> 'GemmaElement'][0]"
ZICHT_GEBRUIK = "$zicht.alleGebruik OR {o}.id IN $zicht.landschappen OR {a}.id IN $zicht.producten"
# A concept application or leverancier (missing software, graph_api/domain/aanbod/concept.py)
# is seen by its reporting organisation and functioneel beheer only; left out for the latter.
ZICHT_CONCEPT = "{x}.gemeldDoor IS NULL OR {x}.gemeldDoor IN $zicht.concepten"


@dataclass(frozen=True)
class Guard:
    """A `$zicht` check: `condition` (over `pattern`, if given) unless the asker has `flag`."""

    flag: str  # alleGebruik or alleLandschappen
    condition: str
    pattern: str | None = None  # the relation's path extended to what the condition reads


@dataclass(frozen=True)
class GuardedKey:
    """A sort key that counts only what the asker may see: `granted` where their visibility makes
    the `flag` guard true for everything, `guarded` (with the check) otherwise."""

    flag: str
    granted: str
    guarded: str


@dataclass(frozen=True)
class Relatie:
    """A to-one or to-many relation: `head([path | x {...}])` or `[path | x {...}]`."""

    pattern: str
    many: bool
    order: str | None = None  # the sort key of the resolver's query; ties go by id
    label: str | None = None  # what the related node is, where the field's type is abstract
    guard: Guard | None = None
    query: str = ""  # the named query the resolver runs


@dataclass(frozen=True)
class Eigenschap:
    """A property only some askers may read: `expr` on the parent, behind a guard."""

    expr: str
    guard: Guard
    query: str = ""


@dataclass(frozen=True)
class Anchored:
    """A filter that names a node: `anchor` finds it once, before the list is read (binding `{a}`,
    and `{b}` where it collects from there), so that `condition` is a step from a found node.
    A condition that named the node by id looked it up again for every row: 0.6 s for one
    leverancier's applications, against 3 ms."""

    anchor: str
    condition: str


@dataclass(frozen=True)
class Verbinding:
    """A paged list: `match` from `{p}` (or from nothing, for a root list) to `{x}`."""

    match: str
    kind: str
    filters: Mapping[str, str | Anchored]  # filter parameter -> condition, applied when the value is given
    keys: Mapping[str, str | GuardedKey]  # ordering field -> the sort key, as the named query computes it
    request: Callable[[dict[str, Any]], Verzoek]  # the list field's own (graph_api/graphql/core/lists.py)
    guard: Guard | None = None
    parent: str = ""  # the label of `{p}`, where the list hangs off one object
    query: str = ""
    # The ordering of the parent's own list whose sort key is this list's unfiltered count.
    counted_by: str | None = None
    concepten: bool = False  # whether ZICHT_CONCEPT applies to `{x}`


@dataclass(frozen=True)
class Lookup:
    """A root field that finds one node by exactly one of its arguments: `by` gives, per argument,
    the pattern binding `{x}` by `$sleutel`; `normal` makes the key from the argument as the
    resolver does. Declared as data, not code, so that the patterns can be checked statically."""

    by: Mapping[str, str]
    label: str | None = None
    query: str = ""
    normal: Callable[[str], str] = str
    concepten: bool = False  # whether ZICHT_CONCEPT applies to `{x}`
    # A named query giving the key a key that found nothing goes by now (`id`), if any: a merged
    # application's id answers with the application kept (cypher/samenvoegen/doorverwijzing).
    doorverwijzing: str | None = None

    def find(self, args: dict[str, Any]) -> tuple[str, str] | None:
        """The pattern and the key; None for arguments the resolver refuses."""
        given = [argument for argument in self.by if args.get(argument) is not None]
        if len(given) != 1:
            return None
        return self.by[given[0]], self.normal(args[given[0]])


APPLICATIE_FILTERS: dict[str, str | Anchored] = {
    "tekst": "toLower({x}.naam) CONTAINS $tekst",
    "status": "{x}.status = $status",
    "type": "{x}.type = $type",
    "licentietype": "{x}.licentietype = $licentietype",
    "hostingmodel": "$hostingmodel IN {x}.cloudModellen",
    "leverancier": Anchored("MATCH ({a}:Leverancier {{id: $leverancier}})", "({x})<-[:BIEDT_AAN]-({a})"),
    "referentiecomponent": Anchored(
        "MATCH ({a}:Referentiecomponent {{id: $referentiecomponent}})", "({x})-[:REALISEERT]->({a})"
    ),
    # The applications with a version supporting a version of the standard, collected once.
    "standaard": Anchored(
        "MATCH ({a}:Standaard {{id: $standaard}}) WITH *, [({a})<-[:VERSIE_VAN]-(:Standaardversie)"
        "<-[:ONDERSTEUNT]-(:Versie)<-[:HEEFT_VERSIE]-({v}) | {v}.id] AS {b}",
        "{x}.id IN {b}",
    ),
}
APPLICATIE_KEYS: dict[str, str | GuardedKey] = {
    "NAAM": "toLower({x}.naam)",
    # Every Gebruik has exactly one organisation (cypher/seed/gebruik.cypher writes them together),
    # so where all Gebruik may be seen, counting Gebruik counts the same as the named query's
    # (Gebruik, organisation) paths, in half the time on FalkorDB.
    "GEBRUIK": GuardedKey(
        "alleGebruik",
        granted="size([({x})<-[:VAN]-(:Gebruik) | 1])",
        guarded="size([({x})<-[:VAN]-({g})<-[:GEBRUIKT]-({o}) WHERE $zicht.alleGebruik "
        "OR {o}.id IN $zicht.landschappen OR {x}.id IN $zicht.producten | 1])",
    ),
}

# Root lists, by field of Query.
APPLICATIES = Verbinding(
    match="({x}:Applicatie)",
    kind="Applicatie",
    filters=APPLICATIE_FILTERS,
    keys=APPLICATIE_KEYS,
    request=applicaties_verzoek,
    query="applicatie/lijst, applicatie/lijst_op_gebruik, applicatie/aantal",
    concepten=True,
)

ROOT_LISTS = {"applicaties": APPLICATIES}


LOOKUPS = {
    "applicatie": Lookup(
        {"identificatie": "({x}:Applicatie {{id: $sleutel}})"},
        query="applicatie/per_id",
        concepten=True,
        doorverwijzing="samenvoegen/doorverwijzing",
    ),
    "gemeente": Lookup(
        {"cbs_code": "({x}:Gemeente {{cbsCode: $sleutel}})"},
        query="organisatie/per_cbs_code",
        normal=lambda code: code.strip().upper(),
        doorverwijzing="herindeling/doorverwijzing",
    ),
    "organisatie": Lookup(
        {"identificatie": "({x}:Organisatie {{id: $sleutel}})"},
        ORGANISATIE_LABEL,
        "organisatie/per_id",
        concepten=True,
    ),
    "gemmaElement": Lookup(
        {
            "identificatie": "({x}:GemmaElement {{id: $sleutel}})",
            "gemma_id": "({x}:GemmaElement {{gemmaId: $sleutel}})",
        },
        GEMMA_LABEL,
        "gemma/per_id, gemma/per_gemma_id",
    ),
}

# Paged relations, by type and field.
VERBINDINGEN: dict[tuple[str, str], Verbinding] = {
    ("Organisatie", "gebruik"): Verbinding(
        match="({p})-[:GEBRUIKT]->({x}:Gebruik)-[:VAN]->({a}:Applicatie)",
        kind="Gebruik",
        filters={
            "status": "{x}.status = $status",
            "applicatie": "{a}.id = $applicatie",
            "hosting": "{x}.hosting = $hosting",
            "referentiecomponent": "({x})-[:VOOR]->(:Referentiecomponent {{id: $referentiecomponent}})",
        },
        keys={
            "APPLICATIE": "toLower({a}.naam)",
            "STATUS": "{x}.status",
            "START_DATUM": "coalesce({x}.startDatum, '')",
        },
        request=gebruik_verzoek,
        guard=Guard("alleGebruik", ZICHT_GEBRUIK.replace("{o}", "{p}")),
        parent="Organisatie",
        query="organisatie/gebruik, organisatie/gebruik_aantal",
    ),
    ("Applicatie", "gebruik"): Verbinding(
        match="({p})<-[:VAN]-({x}:Gebruik)<-[:GEBRUIKT]-({o}:Organisatie)",
        kind="Gebruik",
        filters={"status": "{x}.status = $status", "hosting": "{x}.hosting = $hosting"},
        keys={"ORGANISATIE": "toLower({o}.naam)"},
        request=gebruikers_verzoek,
        guard=Guard("alleGebruik", ZICHT_GEBRUIK.replace("{a}", "{p}")),
        parent="Applicatie",
        counted_by="GEBRUIK",
        query="applicatie/gebruik, applicatie/gebruik_aantal",
    ),
    ("Referentiecomponent", "applicaties"): Verbinding(
        match="({p})<-[:REALISEERT]-({x}:Applicatie)",
        kind="Applicatie",
        filters={"status": "{x}.status = $status"},
        keys=APPLICATIE_KEYS,
        request=realisaties_verzoek,
        parent="Referentiecomponent",
        query="gemma/applicaties, gemma/applicaties_op_gebruik, gemma/applicaties_aantal",
        concepten=True,
    ),
    ("Leverancier", "aanbod"): Verbinding(
        match="({p})-[:BIEDT_AAN]->({x}:Applicatie)",
        kind="Applicatie",
        filters={"tekst": "toLower({x}.naam) CONTAINS $tekst", "status": "{x}.status = $status"},
        keys={"NAAM": "toLower({x}.naam)"},
        request=aanbod_verzoek,
        parent="Leverancier",
        query="organisatie/aanbod, organisatie/aanbod_aantal",
        concepten=True,
    ),
}

_LANDSCHAP_PAD = "({o}:Organisatie)-[:GEBRUIKT]->({p})"
_LANDSCHAP_ZIEN = Guard("alleLandschappen", "{o}.id IN $zicht.landschappen", _LANDSCHAP_PAD)


def _in_landschap(path: str) -> Guard:
    """The landscape guard with the relation's own path appended after the Gebruik `{p}`."""
    return Guard(_LANDSCHAP_ZIEN.flag, _LANDSCHAP_ZIEN.condition, _LANDSCHAP_PAD + path[len("({p})") :])


def _many(pattern: str, order: str | None, query: str, **kwargs: Any) -> Relatie:
    return Relatie(pattern, many=True, order=order, query=query, **kwargs)


def _one(pattern: str, query: str, **kwargs: Any) -> Relatie:
    return Relatie(pattern, many=False, query=query, **kwargs)


_UITGAAND = "({p})<-[:VAN]-({x}:Koppeling)"
_INKOMEND = "({p})<-[:NAAR]-({x}:Koppeling)"
_DIENSTEN = "({p})-[:NEEMT_AF]->({x}:Dienst)"

_LEDEN = _many(
    "({p})<-[:DEELNEMER_VAN]-({x}:Organisatie)", "{x}.naam", "organisatie/leden", label=ORGANISATIE_LABEL
)
_APPLICATIESERVICES = _many(
    "({p})-[:REALISEERT]->({x}:Applicatieservice)", "{x}.naam", "gemma/applicatieservices"
)

# To-one and to-many relations, by type (or interface) and field.
RELATIES: dict[tuple[str, str], Relatie] = {
    ("Gebruik", "organisatie"): _one(
        "({p})<-[:GEBRUIKT]-({x}:Organisatie)", "gebruik/organisatie", label=ORGANISATIE_LABEL
    ),
    ("Gebruik", "applicatie"): _one("({p})-[:VAN]->({x}:Applicatie)", "gebruik/applicatie"),
    ("Gebruik", "versie"): _one("({p})-[:VERSIE]->({x}:Versie)", "gebruik/versie"),
    ("Gebruik", "referentiecomponenten"): _many(
        "({p})-[:VOOR]->({x}:Referentiecomponent)", "{x}.naam", "gebruik/referentiecomponenten"
    ),
    ("Gebruik", "diensten"): _many(_DIENSTEN, "{x}.naam", "gebruik/diensten", guard=_in_landschap(_DIENSTEN)),
    ("Gebruik", "geregistreerdDoor"): _one(
        "({p})<-[:REGISTREERT]-({x}:Samenwerking)", "gebruik/geregistreerd_door"
    ),
    ("Gebruik", "uitgaandeKoppelingen"): _many(
        _UITGAAND, "{x}.id", "gebruik/uitgaande_koppelingen", guard=_in_landschap(_UITGAAND)
    ),
    ("Gebruik", "inkomendeKoppelingen"): _many(
        _INKOMEND, "{x}.id", "gebruik/inkomende_koppelingen", guard=_in_landschap(_INKOMEND)
    ),
    ("Koppeling", "van"): _one("({p})-[:VAN]->({x}:Gebruik)", "koppeling/van"),
    ("Koppeling", "via"): _one("({p})-[:VIA]->({x}:Gebruik)", "koppeling/via"),
    ("Koppeling", "naar"): _one(
        "({p})-[:NAAR]->({x})",
        "koppeling/naar",
        label="CASE WHEN 'Gebruik' IN labels({x}) THEN 'Gebruik' ELSE 'BuitengemeentelijkeVoorziening' END",
    ),
    ("Koppeling", "standaardversies"): _many(
        "({p})-[:VOLGENS]->({x}:Standaardversie)", "{x}.naam", "koppeling/standaardversies"
    ),
    ("Applicatie", "leverancier"): _one("({p})<-[:BIEDT_AAN]-({x}:Leverancier)", "applicatie/leverancier"),
    ("Applicatie", "onderdeelVan"): _one("({p})-[:ONDERDEEL_VAN]->({x}:Applicatie)", "applicatie/product"),
    ("Applicatie", "modules"): _many(
        "({p})<-[:ONDERDEEL_VAN]-({x}:Applicatie)", "{x}.naam", "applicatie/modules"
    ),
    ("Applicatie", "versies"): _many(
        "({p})-[:HEEFT_VERSIE]->({x}:Versie)", "coalesce({x}.releaseDatum, '9999')", "applicatie/versies"
    ),
    ("Applicatie", "referentiecomponenten"): _many(
        "({p})-[:REALISEERT]->({x}:Referentiecomponent)", "{x}.naam", "applicatie/referentiecomponenten"
    ),
    ("Applicatie", "diensten"): _many("({p})<-[:BIJ]-({x}:Dienst)", "{x}.naam", "applicatie/diensten"),
    ("Versie", "applicatie"): _one("({p})<-[:HEEFT_VERSIE]-({x}:Applicatie)", "versie/applicatie"),
    ("Dienst", "leverancier"): _one("({p})<-[:LEVERT]-({x}:Leverancier)", "dienst/leverancier"),
    ("Dienst", "applicaties"): _many("({p})-[:BIJ]->({x}:Applicatie)", "{x}.naam", "dienst/applicaties"),
    ("Gemeente", "buren"): _many("({p})-[:GRENST_AAN]-({x}:Gemeente)", "{x}.naam", "organisatie/buren"),
    ("Organisatie", "deelnames"): _many(
        "({p})-[:DEELNEMER_VAN]->({x}:Organisatie)",
        "{x}.naam",
        "organisatie/deelnames",
        label=ORGANISATIE_LABEL,
    ),
    ("Samenwerking", "leden"): _LEDEN,
    ("Community", "leden"): _LEDEN,
    ("Leverancier", "diensten"): _many("({p})-[:LEVERT]->({x}:Dienst)", "{x}.naam", "organisatie/diensten"),
    ("GemmaElement", "stroomtNaar"): _many(
        "({p})-[:STROOMT_NAAR]->({x}:GemmaElement)", "{x}.naam", "gemma/stroomt_naar", label=GEMMA_LABEL
    ),
    ("GemmaElement", "ontvangtVan"): _many(
        "({p})<-[:STROOMT_NAAR]-({x}:GemmaElement)", "{x}.naam", "gemma/ontvangt_van", label=GEMMA_LABEL
    ),
    ("Referentiecomponent", "applicatieservices"): _APPLICATIESERVICES,
    ("BuitengemeentelijkeVoorziening", "applicatieservices"): _APPLICATIESERVICES,
    ("Standaard", "versies"): _many(
        "({p})<-[:VERSIE_VAN]-({x}:Standaardversie)", "{x}.naam", "gemma/versies"
    ),
    ("Standaard", "vereistDoor"): _many(
        "({p})<-[:VEREIST]-({x}:GemmaElement)", "{x}.naam", "gemma/vereist_door", label=GEMMA_LABEL
    ),
    ("Standaardversie", "standaard"): _one("({p})-[:VERSIE_VAN]->({x}:Standaard)", "gemma/standaard"),
    ("Applicatieservice", "bedient"): _many(
        "({p})-[:BEDIENT]->({x}:GemmaElement)", "{x}.naam", "gemma/bedient", label=GEMMA_LABEL
    ),
}

# Resolver fields that read one guarded property of their parent.
EIGENSCHAPPEN: dict[tuple[str, str], Eigenschap] = {
    ("Gebruik", "contractEinde"): Eigenschap("{p}.contractEinde", _LANDSCHAP_ZIEN, "gebruik/vertrouwelijk"),
    ("Gebruik", "notities"): Eigenschap("{p}.notities", _LANDSCHAP_ZIEN, "gebruik/vertrouwelijk"),
}

# The property a plain field reads, where its name is not the field's.
PROPERTY_OF = {"identificatie": "id"}

# Plain fields computed from a property: (type, field) -> (property, how).
DERIVED: dict[tuple[str, str], tuple[str, Callable[[Any], Any]]] = {
    ("Gemeente", "grootteklasse"): ("inwoners", grootteklasse),
    # A Gebruik seeded before the write path has no versie: it counts as 1 (model/landschap.py).
    ("Gebruik", "versienummer"): ("versie", lambda versie: versie or 1),
    ("Koppeling", "versienummer"): ("versie", lambda versie: versie or 1),  # likewise
    ("Applicatie", "versienummer"): ("versie", lambda versie: versie or 1),  # likewise
    ("Versie", "versienummer"): ("wijzigingsversie", lambda versie: versie or 1),  # likewise
    # A dienst seeded before diensten were written has neither (model/aanbod.py).
    ("Dienst", "versienummer"): ("versie", lambda versie: versie or 1),
    ("Dienst", "status"): ("status", lambda status: status or "AANGEBODEN"),
    # An organisation whose profile was never changed has none: 1 (model/organisaties.py).
    **{
        (kind, "versienummer"): ("versie", lambda versie: versie or 1)
        for kind in ("Gemeente", "Leverancier", "Samenwerking", "Community", "Beheerorganisatie")
    },
}
