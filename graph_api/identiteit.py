"""Who asks: the identity behind a request, as the access rules see it.

A validated token's subject maps to a Gebruiker and its memberships (LID_VAN, with roles);
no token is the anonymous bezoeker. Machine clients (F008) are Gebruikers too, with one
membership. What an identity may see follows from this in graph_api/toegang.py.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Lidmaatschap:
    """A membership of one organisation, with the roles held in it (keys of keuzes.ROLLEN)."""

    organisatie: str  # the organisation's id in the graph
    soort: str  # its kind: Gemeente, Leverancier, Samenwerking, Community, Beheerorganisatie
    rollen: frozenset[str]


@dataclass(frozen=True)
class Identiteit:
    subject: str | None = None  # the token's `sub`; None for the anonymous bezoeker
    gebruiker: str | None = None  # the Gebruiker's id; None when unknown or deactivated
    naam: str | None = None
    lidmaatschappen: tuple[Lidmaatschap, ...] = ()
    # From the token's `email` and `email_verified` claims: how a person unknown here registers
    # (F001) and how an invitation finds the person it was sent to (F003).
    email: str | None = None
    email_geverifieerd: bool = False

    @property
    def anoniem(self) -> bool:
        return self.subject is None


ANONIEM = Identiteit()
