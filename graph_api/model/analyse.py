"""The national analytics' derived structure: what each gemeente contributes, and the counts.

Kept by graph_api/domain/analyse/bijdragen.py, never by hand: a write that changes a
gemeente's landscape counts one up on its Analysebijdrage (`gewijzigd`), and the next national
analytic first folds the difference between what the gemeente contributed and what it
contributes now into the cells, so the cells are exact whenever an analytic reads them.
"""

from neomodel import ArrayProperty, IntegerProperty, StringProperty

from graph_api.model.base import GraphNode, TijdstipProperty


class Analysebijdrage(GraphNode):
    """What one gemeente (BIJDRAGE from it) counts in the cells, as last folded in."""

    gemeente = StringProperty(required=True)
    # Cell ids (Marktcel, Netwerkcel) the gemeente counts once in.
    markt = ArrayProperty(StringProperty())
    netwerk = ArrayProperty(StringProperty())
    # Writes to the landscape count `gewijzigd` up; `berekend` is the `gewijzigd` last folded
    # in: the contribution is stale while they differ.
    gewijzigd = IntegerProperty(required=True)
    berekend = IntegerProperty()


class Marktcel(GraphNode):
    """Gemeenten using, for `referentiecomponent` (Gebruik not UITGEFASEERD): `applicatie` of
    `leverancier`; any application of `leverancier` (`applicatie` ''); anything ('' and '')."""

    referentiecomponent = StringProperty(required=True, index=True)
    applicatie = StringProperty(required=True)
    leverancier = StringProperty(required=True)
    gemeenten = IntegerProperty(required=True)  # 0: counts nothing, kept so readers see it change
    versie = IntegerProperty()  # Analysestand's versie when it last changed


class Netwerkcel(GraphNode):
    """Gemeenten with a koppeling from a Gebruik of `van` to `naar` (an application, or a
    facility: `naarSoort`)."""

    van = StringProperty(required=True)
    naar = StringProperty(required=True)
    naarSoort = StringProperty(required=True)
    gemeenten = IntegerProperty(required=True)


class Analysestand(GraphNode):
    """One node, `analyse`: folding contributions in takes its lock first, so two requests
    never fold the same change twice (Neo4j; FalkorDB runs one write at a time anyway)."""

    bijgewerkt = TijdstipProperty()
    versie = IntegerProperty()  # one up with every fold: the Marktcel changed carry it
    sleutel = StringProperty()  # made once: tells one graph's cells from another's
