"""Who may ask for which groups: the group floor an asker may choose, and the Gebruik counted.

The figures themselves are hidden by drempel.py; these are the choices around them that would
otherwise let two answers be subtracted into a figure the floor never settled.
"""

from __future__ import annotations

from typing import Any

from graph_api.domain.analyse import drempel
from graph_api.errors import ClientError
from graph_api.toegang import Zicht

DEFAULT_GROUP = 5

# Which Gebruik an adoption figure counts, by the choice asked for.
ADOPTIESTATUSSEN = {
    "IN_GEBRUIK": ["VERWERVING", "GEPLAND", "IN_PRODUCTIE", "UIT_TE_FASEREN"],
    "IN_PRODUCTIE": ["IN_PRODUCTIE"],
    "GEPLAND": ["VERWERVING", "GEPLAND"],
}


def minimale_groep(zicht: Zicht, value: int) -> int:
    """`minimaleGroep`, refused below the asker's floor (1 for functioneel beheer, else 5)."""
    floor = zicht.minimale_groep
    if value < floor:
        raise ClientError(
            "INVALID_GROUP_SIZE", f"minimaleGroep must be at least {floor}", argument="minimaleGroep"
        )
    return value


def statussen(zicht: Zicht, keuze: str) -> list[str]:
    """The statuses counted. Behind the group floor only the default: two answers over different
    statuses subtract to a third count the floor never settled."""
    if keuze != "IN_GEBRUIK" and not zicht.alle_gebruik:
        raise ClientError(
            "INVALID_ARGUMENT",
            "gebruik other than IN_GEBRUIK is for those who see every Gebruik; anonymised aggregates "
            "count every Gebruik not phased out",
            argument="gebruik",
        )
    return ADOPTIESTATUSSEN[keuze]


def groep_van(row: dict[str, Any], splitsing: str) -> str:
    """The group of a split that a row of one province and size class falls in."""
    if splitsing == "PROVINCIE":
        return row["provincie"]
    return row["grootteklasse"] if splitsing == "GROOTTEKLASSE" else drempel.NEDERLAND
