"""What visibility left out of an answer, said in `extensions.beperkingen`.

A denied read is not an error (docs/access.md): what may not be seen is left out, and counts
shrink with it. An empty list, a null or a zero would then read as "nothing there". So every
answer names, per field it asked for, what the asker's role leaves out and why: a note per
field coordinate (`Gebruik.notities`) from the asked fields and the role alone, and notes the
analytics add for the one landscape they found limited.

    {"beperkingen": [{"veld": "Gemeente.gebruik", "wat": "Gebruik", "reden": "..."}]}
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    GraphQLError,
    GraphQLSchema,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    get_named_type,
    parse,
    visit,
)

from graph_api.domain.organisaties.profiel import ziet_contactgegevens
from graph_api.toegang import Zicht

SIGN_IN = "sign in with a role that may see it (graph-api dev-token on a laptop; docs/access.md)"


@dataclass(frozen=True)
class Beperking:
    veld: str  # the field, as Type.field, or the analytic's root field
    wat: str  # what was left out
    reden: str  # why, and how to see it

    def as_dict(self) -> dict[str, str]:
        return {"veld": self.veld, "wat": self.wat, "reden": self.reden}


def _landschappen(zicht: Zicht) -> str:
    own = ", ".join(sorted(zicht.landschappen)) or "none"
    return f"only in the landscapes you may see whole ({own}); {SIGN_IN}"


def _gebruik(zicht: Zicht) -> str | None:
    if zicht.alle_gebruik:
        return None
    if zicht.producten:
        return f"only the Gebruik of your own products (aanbod-beheerder); {SIGN_IN}"
    if zicht.aggregaten:
        return (
            "which organisation uses which application is not for anonymised aggregates; how many "
            "gemeenten use each application for a component is in adoptie (per: APPLICATIE), "
            "behind the group floor"
        )
    return f"which organisation uses which application is not visible to your role; {SIGN_IN}"


def _landschap(zicht: Zicht) -> str | None:
    return None if zicht.alle_landschappen else _landschappen(zicht)


def _aggregaat(zicht: Zicht) -> str | None:
    if zicht.aggregaten or zicht.alle_gebruik:
        return None
    return f"aggregates over the landscapes are not for your role; {SIGN_IN}"


def _eigen_aggregaat(zicht: Zicht) -> str | None:
    if zicht.aggregaten or zicht.alle_landschappen:
        return None
    return f"counted over your own landscapes only ({', '.join(sorted(zicht.landschappen)) or 'none'})"


def _benoemd(zicht: Zicht) -> str | None:
    if zicht.alle_gebruik:
        return None
    return f"it names gemeenten, so it rests on the Gebruik you may see only; {SIGN_IN}"


def _medewerkers(zicht: Zicht) -> str | None:
    if zicht.beheer:
        return None
    own = ", ".join(sorted(zicht.organisaties)) or "none"
    return f"people only of organisations you are organisatie-beheerder of ({own})"


def _voorstellen(zicht: Zicht) -> str | None:
    if zicht.beheer or zicht.producten:
        return None
    return f"proposals are seen by the leverancier's aanbod-beheerder; {SIGN_IN}"


def _contactgegevens(zicht: Zicht) -> str | None:
    if ziet_contactgegevens(zicht):
        return None
    return f"contact persons' e-mail and telephone are for the catalogue's members; {SIGN_IN}"


def _aantallen(zicht: Zicht) -> str | None:
    if zicht.beheer:
        return None
    return (
        "Gebruik only for who sees all Gebruik or aggregates, Koppeling only for aggregate roles, "
        "Gebruiker only for functioneel beheer"
    )


_ORGANISATIES = ("Organisatie", "Gemeente", "Leverancier", "Samenwerking", "Community", "Beheerorganisatie")

# Field coordinate → (what it leaves out, why; None where the role sees it all).
NOTES: dict[str, tuple[str, Callable[[Zicht], str | None]]] = {
    "Query.gebruik": ("Gebruik", _gebruik),
    "Applicatie.gebruik": ("Gebruik", _gebruik),
    **{f"{kind}.gebruik": ("Gebruik", _gebruik) for kind in _ORGANISATIES},
    "Query.koppelingen": ("koppelingen", _landschap),
    "Gebruik.uitgaandeKoppelingen": ("koppelingen", _landschap),
    "Gebruik.inkomendeKoppelingen": ("koppelingen", _landschap),
    "Gebruik.contractEinde": ("contract dates", _landschap),
    "Gebruik.notities": ("internal notes", _landschap),
    "Gebruik.diensten": ("diensten taken", _landschap),
    "Query.aantallen": ("label counts", _aantallen),
    "Query.adoptie": ("adoption figures", _aggregaat),
    "Query.marktconcentratie": ("market figures", _aggregaat),
    "Leveranciersprofiel.marktaandelen": ("market shares", _aggregaat),
    "Leveranciersprofiel.klanten": ("customers", _benoemd),
    "Query.gluurBijDeBuren": ("the neighbours' Gebruik", _benoemd),
    "Query.vergelijkbareGemeenten": ("similar gemeenten", _benoemd),
    "Query.aanbevelingen": ("recommendations", _benoemd),
    "Query.koppelingsnetwerk": ("koppelingen of other landscapes", _eigen_aggregaat),
    "Query.standaardendekkingOverzicht": ("koppelingen of other landscapes", _eigen_aggregaat),
    **{f"{kind}.medewerkers": ("people", _medewerkers) for kind in _ORGANISATIES},
    # The leverancier's own view (graph_api/graphql/aanbod/leveranciersoverzicht.py): its
    # organisatie-beheerder sees none of its customers' Gebruik, nor the proposals to them.
    "Productgebruik.gebruik": ("Gebruik", _gebruik),
    "Leveranciersoverzicht.voorstellen": ("Gebruiksvoorstellen", _voorstellen),
    "Query.uitnodigingen": ("invitations", _medewerkers),
    "Contactpersoon.email": ("contact details", _contactgegevens),
    "Contactpersoon.telefoon": ("contact details", _contactgegevens),
}


@functools.lru_cache(maxsize=256)
def asked(schema: GraphQLSchema, query: str, max_tokens: int) -> frozenset[str]:
    """Every field coordinate a document selects (fragments once each), kept per text: the
    answers a request's kept reads give (graph_api/graphql/compiled/cache.py) need it too."""
    return _coordinates(schema, parse(query, max_tokens=max_tokens))


def _coordinates(schema: GraphQLSchema, document: DocumentNode) -> frozenset[str]:
    found: set[str] = set()
    type_info = TypeInfo(schema)

    class Fields(Visitor):
        def enter_field(self, node: FieldNode, *_: Any) -> None:
            parent = type_info.get_parent_type()
            if parent is not None:
                found.add(f"{get_named_type(parent).name}.{node.name.value}")

    visit(document, TypeInfoVisitor(type_info, Fields()))
    return frozenset(found)


def for_fields(fields: Iterable[str], zicht: Zicht) -> list[Beperking]:
    """The notes the role earns for the fields asked, one per coordinate."""
    notes = []
    for veld in sorted(fields):
        if veld in NOTES:
            wat, why = NOTES[veld]
            reden = why(zicht)
            if reden is not None:
                notes.append(Beperking(veld, wat, reden))
    return notes


def for_landscape(veld: str, wat: str, zicht: Zicht, organisatie: str) -> Beperking | None:
    """An analytic's note when the landscape it read may not be seen whole by the asker."""
    if zicht.alle_landschappen or organisatie in zicht.landschappen:
        return None
    reden = f"the landscape of {organisatie} is not one you may see whole: {_landschappen(zicht)}"
    return Beperking(veld, wat, reden)


def results(schema: GraphQLSchema, query: str | None, max_tokens: int, context: Any) -> dict[str, Any]:
    """`extensions.beperkingen` of one answer: the asked fields' notes and the analytics' own."""
    zicht = getattr(context, "zicht", None)
    if zicht is None:
        return {}
    try:
        fields = asked(schema, query, max_tokens) if query else frozenset()
    except GraphQLError:  # a document that does not parse asked for nothing
        fields = frozenset()
    notes = for_fields(fields, zicht)
    notes += [note for note in getattr(context, "beperkingen", ()) if note not in notes]
    return {"beperkingen": [note.as_dict() for note in notes]} if notes else {}
