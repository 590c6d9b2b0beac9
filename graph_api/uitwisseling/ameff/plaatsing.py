"""The landscape view's layout: a group per referentiecomponent with its applications nested
inside, groups in rows, national facilities in a column at the right edge.

Coordinates are absolute from the diagram's top-left, nested nodes included, and never negative
(exchange.md, "AMEFF traps"); no two nodes at one level overlap, every child lies inside its
group.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from graph_api.uitwisseling.ameff.eigenschappen import identifier

BREEDTE, HOOGTE = 160, 55  # an application's node: Archi's default width, room for two lines
TUSSENRUIMTE = 15
RAND = 15  # inside a group, around its children
KOP = 30  # inside a group, above its children: the group's own name
KOLOMMEN = 3  # applications per row inside a group
MARGE = 20  # around the whole diagram
RIJBREEDTE = 2000  # groups wrap to a new row past this width


@dataclass(frozen=True)
class Knoop:
    """A node of the view: an element (elementRef) or a labelled visual group (a Container)."""

    identifier: str
    x: int
    y: int
    w: int
    h: int
    element: str | None = None
    label: str | None = None
    kinderen: tuple[Knoop, ...] = ()


@dataclass(frozen=True)
class Groep:
    """A group: a referentiecomponent's element (or, for applications without one, a label)
    and the elements nested inside it, in drawing order."""

    sleutel: str
    leden: tuple[str, ...]
    element: str | None = None
    label: str | None = None


def plaats(groepen: Sequence[Groep], aan_de_rand: Sequence[str]) -> tuple[Knoop, ...]:
    """Lay out the groups and, at the right edge, the elements in `aan_de_rand`."""
    knopen: list[Knoop] = []
    x, y, rijhoogte, rechts = MARGE, MARGE, 0, MARGE
    for groep in groepen:
        kolommen = max(1, min(KOLOMMEN, len(groep.leden)))
        rijen = max(1, -(-len(groep.leden) // KOLOMMEN))
        w = 2 * RAND + kolommen * BREEDTE + (kolommen - 1) * TUSSENRUIMTE
        h = KOP + RAND + rijen * HOOGTE + (rijen - 1) * TUSSENRUIMTE
        if x > MARGE and x + w > RIJBREEDTE:
            x, y, rijhoogte = MARGE, y + rijhoogte + TUSSENRUIMTE * 2, 0
        kinderen = tuple(
            Knoop(
                identifier=identifier("knoop", groep.sleutel, lid),
                x=x + RAND + (i % KOLOMMEN) * (BREEDTE + TUSSENRUIMTE),
                y=y + KOP + (i // KOLOMMEN) * (HOOGTE + TUSSENRUIMTE),
                w=BREEDTE,
                h=HOOGTE,
                element=lid,
            )
            for i, lid in enumerate(groep.leden)
        )
        knopen.append(
            Knoop(
                identifier=identifier("groep", groep.sleutel),
                x=x,
                y=y,
                w=w,
                h=h,
                element=groep.element,
                label=groep.label,
                kinderen=kinderen,
            )
        )
        rechts = max(rechts, x + w)
        x += w + TUSSENRUIMTE * 2
        rijhoogte = max(rijhoogte, h)
    kolom_x = rechts + TUSSENRUIMTE * 4
    for i, element in enumerate(aan_de_rand):
        knopen.append(
            Knoop(
                identifier=identifier("rand", element),
                x=kolom_x,
                y=MARGE + i * (HOOGTE + TUSSENRUIMTE),
                w=BREEDTE,
                h=HOOGTE,
                element=element,
            )
        )
    return tuple(knopen)
