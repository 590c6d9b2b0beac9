"""The requests of a busy catalogue, by role: what each asks, how often, and what it writes.

A visitor without a token looks applications up, pages through the catalogue and searches; a
gemeente's gebruik-beheerder opens its landscape and one Gebruik, follows dependencies and compares,
and records: registers, changes and removes Gebruik and registers koppelingen; an architect asks for
shortest paths and the impact of a replacement; a leverancier's aanbod-beheerder opens its own view
and registers versions; a VNG analyst reads the national analytics. Weights are shares of all
requests. Every request type asks for a different object almost every time, as real clients do.

`Bronnen` holds what the requests choose from (read through the API before the run) and what the
run's own writes made; a write that is answered adds itself to `Bronnen.bevestigd`, the log of
acknowledged writes that a fault test checks afterwards, each in the graph and in its change record.
"""

from __future__ import annotations

import base64
import itertools
import random
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

ZOEKTERMEN = ("zaak", "belasting", "burgerzaken", "archief", "sociaal", "vergunning", "gis", "financ",
              "document", "klant", "wmo", "parkeren", "subsidie", "afval", "personeel", "post")  # fmt: skip


def gid(kind: str, key: str) -> str:
    return base64.b64encode(f"{kind}:{key}".encode()).decode()


@dataclass
class Gebruik:
    id: str  # the global ID
    versie: int


@dataclass
class Gemeente:
    cbs: str
    token: str
    gebruik: deque[Gebruik]  # seeded Gebruik, taken while a change of one is on its way
    ongebruikt: deque[str]  # applications (identificatie) it does not use yet
    geregistreerd: deque[Gebruik] = field(default_factory=deque)  # by this run, to koppel or remove


@dataclass
class Leverancier:
    id: str  # the global ID
    token: str  # an aanbod-beheerder's: its applications and versions
    beheerder: str  # an organisatie-beheerder's: its profile
    applicaties: list[str]  # its published applications' identificatie
    profielversie: int | None = None  # None while a change of the profile is on its way


@dataclass(frozen=True)
class Bevestigd:
    """A write the API answered: what it did, to which object, and what the object must show."""

    soort: str
    object: str  # the global ID
    verwacht: dict[str, Any]  # fields of the object as the answer gave them


@dataclass
class Bronnen:
    applicaties: list[str]  # identificatie of every application
    referentiecomponenten: list[str]  # global IDs
    gemeenten: list[Gemeente]
    leveranciers: list[Leverancier]
    analist: str  # a vng-raadpleger's token
    architect: str  # a gebruik-raadpleger's token (of a gemeente; sees every Gebruik)
    # Gebruik of the busiest gemeenten, for paths and impact: (gebruik ID, gebruik ID of the same landscape)
    paden: list[tuple[str, str]]
    bevestigd: list[Bevestigd] = field(default_factory=list)
    run: str = field(default_factory=lambda: uuid.uuid4().hex[:6])
    _teller: itertools.count = field(default_factory=itertools.count)

    def volgende(self) -> str:
        return f"{self.run}-{next(self._teller)}"


@dataclass
class Verzoek:
    """One request: its document, variables, token (None: anonymous) and what follows its answer."""

    query: str
    variables: dict[str, Any]
    token: str | None
    # Given the answer's `data` (None when it failed): records what the write did, and hands
    # back what was taken from Bronnen for it.
    na: Callable[[dict[str, Any] | None], None] = lambda _data: None
    # The mutation's idempotency key: a request whose answer was lost is sent again with it.
    sleutel: str | None = None


@dataclass(frozen=True)
class Soort:
    naam: str
    rol: str
    gewicht: float
    schrijft: bool
    maak: Callable[[Bronnen, random.Random], Verzoek | None]  # None: nothing to do it on right now


# --- reads ---

APPLICATIE = """query Applicatie($i: String!) { applicatie(identificatie: $i) {
  id identificatie naam beschrijving type licentietype status website
  leverancier { naam } referentiecomponenten { naam } } }"""
CATALOGUS = """query Catalogus($r: ID!) { applicaties(first: 20, filter: {referentiecomponent: $r}) {
  totalCount nodes { id naam type licentietype status leverancier { naam } } } }"""
ZOEKEN = """query Zoeken($t: String!) { zoeken(tekst: $t) {
  applicaties(first: 20) { totalCount edges { score node { id naam } } }
  facetten { referentiecomponenten { label aantal } leveranciers { label aantal } } } }"""
LANDSCHAP = """query Landschap($c: String!) { gemeente(cbsCode: $c) { naam gebruik(first: 100) {
  totalCount nodes { id status startDatum contractEinde applicatie { naam leverancier { naam } }
    referentiecomponenten { naam } uitgaandeKoppelingen { type richting } } } } }"""
GEBRUIK = """query Gebruik($id: ID!) { node(id: $id) { ... on Gebruik { id status versienummer notities
  hosting contractEinde applicatie { naam versies { versie } } referentiecomponenten { naam }
  uitgaandeKoppelingen { type richting standaardversies { id } } } } }"""
AFHANKELIJKHEDEN = """query Afhankelijkheden($g: ID!) { afhankelijkheden(gebruik: $g, diepte: 2) {
  graaf { nodes { id label } edges { id source target } } } }"""
DEKKING = "query Dekking($g: ID!) { standaardendekking(gemeente: $g) { koppelingen dekking } }"
BUREN = """query Buren($g: ID!, $r: ID!) { gluurBijDeBuren(gemeente: $g, referentiecomponent: $r) {
  buur { naam } gebruik { applicatie { naam } } } }"""
VERGELIJKBAAR = (
    "query Vergelijkbaar($g: ID!) { vergelijkbareGemeenten(gemeente: $g) { jaccard gemeente { naam } } }"
)
KORTSTE_PAD = "query KortstePad($v: ID!, $n: ID!) { kortstePad(van: $v, naar: $n) { nodes edges } }"
IMPACT = """query Impact($g: ID!, $a: ID!) { impactanalyse(gebruik: $g, vervangenDoor: $a) {
  koppelingen { gevolg } onbediendeReferentiecomponenten { naam } } }"""
OVERZICHT = """query Leveranciersoverzicht($l: ID!) { leveranciersoverzicht(leverancier: $l) {
  leverancier { naam } concepten { naam } marktaandelen { aandeel } } }"""
ADOPTIE = """query Adoptie($r: ID!) { adoptie(referentiecomponent: $r, splitsing: GROOTTEKLASSE) {
  groepen { groep aandelen { gemeenten } } } }"""
PROFIEL = """query Leveranciersprofiel($l: ID!) { leveranciersprofiel(leverancier: $l) {
  klanten { organisatie { naam } } marktaandelen { aandeel } } }"""
DEKKING_OVERZICHT = """query DekkingOverzicht { standaardendekkingOverzicht(splitsing: PROVINCIE) {
  groep dekking } }"""
MARKT = "query Marktconcentratie { marktconcentratie(first: 200) { hhi referentiecomponent { naam } } }"
NETWERK = "query Koppelingsnetwerk { koppelingsnetwerk(first: 100) { edges { aantal } } }"

# --- writes ---

REGISTREER = """mutation RegistreerGebruik($input: RegistreerGebruikInput!) { registreerGebruik(input: $input) {
  gebruik { id versienummer status } } }"""
WIJZIG = """mutation WijzigGebruik($input: WijzigGebruikInput!) { wijzigGebruik(input: $input) {
  gebruik { id versienummer notities } } }"""
KOPPEL = """mutation RegistreerKoppeling($input: RegistreerKoppelingInput!) { registreerKoppeling(input: $input) {
  koppeling { id type richting } } }"""
VERWIJDER = """mutation VerwijderGebruik($input: VerwijderGebruikInput!) { verwijderGebruik(input: $input) {
  verwijderdId } }"""
VERSIE = """mutation RegistreerVersie($input: RegistreerVersieInput!) { registreerVersie(input: $input) {
  versie { id versie } } }"""
ORGANISATIEPROFIEL = """mutation WijzigOrganisatieprofiel($input: WijzigOrganisatieprofielInput!) {
  wijzigOrganisatieprofiel(input: $input) { organisatie { id versienummer beschrijving } } }"""


def _lees(query: str, variables: dict[str, Any], token: str | None) -> Verzoek:
    return Verzoek(query, variables, token)


def _schrijf(
    mutation: str, invoer: dict[str, Any], token: str, na: Callable[[dict[str, Any] | None], None]
) -> Verzoek:
    """A write with an idempotency key of its own, so that a retry after a lost answer writes once."""
    sleutel = uuid.uuid4().hex
    return Verzoek(mutation, {"input": {**invoer, "idempotencyKey": sleutel}}, token, na, sleutel)


def _gemeente(b: Bronnen, r: random.Random) -> Gemeente:
    return r.choice(b.gemeenten)


def _registreer(b: Bronnen, r: random.Random) -> Verzoek | None:
    g = _gemeente(b, r)
    if not g.ongebruikt:
        return None
    applicatie = g.ongebruikt.popleft()

    def na(data: dict[str, Any] | None) -> None:
        if data is None:
            g.ongebruikt.append(applicatie)
            return
        gebruik = data["registreerGebruik"]["gebruik"]
        g.geregistreerd.append(Gebruik(gebruik["id"], gebruik["versienummer"]))
        b.bevestigd.append(
            Bevestigd("registreerGebruik", gebruik["id"], {"versienummer": gebruik["versienummer"]})
        )

    invoer = {"organisatie": g.cbs, "applicatie": applicatie}
    return _schrijf(REGISTREER, invoer, g.token, na)


def _wijzig(b: Bronnen, r: random.Random) -> Verzoek | None:
    g = _gemeente(b, r)
    if not g.gebruik:
        return None
    gebruik = g.gebruik.popleft()
    notities = f"belasting {b.volgende()}"

    def na(data: dict[str, Any] | None) -> None:
        if data is not None:
            gebruik.versie = data["wijzigGebruik"]["gebruik"]["versienummer"]
            b.bevestigd.append(
                Bevestigd("wijzigGebruik", gebruik.id, {"versienummer": gebruik.versie, "notities": notities})
            )
        g.gebruik.append(gebruik)

    invoer = {
        "gebruik": gebruik.id,
        "verwachteVersie": gebruik.versie,
        "notities": notities,
    }
    return _schrijf(WIJZIG, invoer, g.token, na)


def _koppel(b: Bronnen, r: random.Random) -> Verzoek | None:
    g = _gemeente(b, r)
    if not g.geregistreerd or not g.gebruik:
        return None
    # Taken while on its way, as a change is: a removal must not meet it half-way.
    van, naar = g.geregistreerd.pop(), r.choice(g.gebruik)

    def na(data: dict[str, Any] | None) -> None:
        g.geregistreerd.append(van)
        if data is not None:
            koppeling = data["registreerKoppeling"]["koppeling"]
            b.bevestigd.append(
                Bevestigd(
                    "registreerKoppeling", koppeling["id"], {"type": "API", "richting": "HEEN", "van": van.id}
                )
            )

    invoer = {"van": van.id, "naar": naar.id, "type": "API", "richting": "HEEN"}
    return _schrijf(KOPPEL, invoer, g.token, na)


def _verwijder(b: Bronnen, r: random.Random) -> Verzoek | None:
    g = _gemeente(b, r)
    if len(g.geregistreerd) < 2:  # the newest is kept to koppel from
        return None
    gebruik = g.geregistreerd.popleft()

    def na(data: dict[str, Any] | None) -> None:
        if data is None:
            g.geregistreerd.append(gebruik)
        else:
            b.bevestigd.append(Bevestigd("verwijderGebruik", gebruik.id, {}))

    invoer = {
        "gebruik": gebruik.id,
        "verwachteVersie": gebruik.versie,
        "ookKoppelingen": True,
    }
    return _schrijf(VERWIJDER, invoer, g.token, na)


def _versie(b: Bronnen, r: random.Random) -> Verzoek | None:
    lev = r.choice(b.leveranciers)
    nummer = f"9.{b.volgende()}"

    def na(data: dict[str, Any] | None) -> None:
        if data is not None:
            versie = data["registreerVersie"]["versie"]
            b.bevestigd.append(Bevestigd("registreerVersie", versie["id"], {"versie": nummer}))

    invoer = {"applicatie": r.choice(lev.applicaties), "nummer": nummer}
    return _schrijf(VERSIE, invoer, lev.token, na)


def _profiel(b: Bronnen, r: random.Random) -> Verzoek | None:
    vrij = [lev for lev in b.leveranciers if lev.profielversie is not None]
    if not vrij:
        return None
    lev = r.choice(vrij)
    versie, lev.profielversie = lev.profielversie, None
    beschrijving = f"Leverancier onder belasting, {b.volgende()}"

    def na(data: dict[str, Any] | None) -> None:
        if data is None:
            lev.profielversie = versie
            return
        organisatie = data["wijzigOrganisatieprofiel"]["organisatie"]
        lev.profielversie = organisatie["versienummer"]
        b.bevestigd.append(
            Bevestigd("wijzigOrganisatieprofiel", organisatie["id"],
                      {"versienummer": organisatie["versienummer"], "beschrijving": beschrijving})
        )  # fmt: skip

    invoer = {
        "organisatie": lev.id,
        "verwachteVersie": versie,
        "beschrijving": beschrijving,
    }
    return _schrijf(ORGANISATIEPROFIEL, invoer, lev.beheerder, na)


def _gebruik_van(g: Gemeente, r: random.Random) -> str | None:
    return r.choice(g.gebruik).id if g.gebruik else None


def _met(
    maak: Callable[[Bronnen, random.Random], tuple[str, dict[str, Any], str | None] | None],
) -> Callable[[Bronnen, random.Random], Verzoek | None]:
    def verzoek(b: Bronnen, r: random.Random) -> Verzoek | None:
        made = maak(b, r)
        return None if made is None else _lees(*made)

    return verzoek


def _afhankelijkheden(b: Bronnen, r: random.Random) -> tuple[str, dict[str, Any], str | None] | None:
    g = _gemeente(b, r)
    gebruik = _gebruik_van(g, r)
    return None if gebruik is None else (AFHANKELIJKHEDEN, {"g": gebruik}, g.token)


def _pad(b: Bronnen, r: random.Random) -> tuple[str, dict[str, Any], str | None]:
    van, naar = r.choice(b.paden)
    return KORTSTE_PAD, {"v": van, "n": naar}, b.architect


def _impact(b: Bronnen, r: random.Random) -> tuple[str, dict[str, Any], str | None]:
    van, _ = r.choice(b.paden)
    return IMPACT, {"g": van, "a": gid("Applicatie", r.choice(b.applicaties))}, b.architect


def _gebruik(b: Bronnen, r: random.Random) -> tuple[str, dict[str, Any], str | None] | None:
    g = _gemeente(b, r)
    gebruik = _gebruik_van(g, r)
    return None if gebruik is None else (GEBRUIK, {"id": gebruik}, g.token)


def _leverancier(b: Bronnen, r: random.Random) -> Leverancier:
    return r.choice(b.leveranciers)


MIX: tuple[Soort, ...] = (
    # A visitor without a token (behind the proxy: an address each).
    Soort("applicatie opzoeken", "bezoeker", 18, False,
          _met(lambda b, r: (APPLICATIE, {"i": r.choice(b.applicaties)}, None))),
    Soort("cataloguspagina", "bezoeker", 8, False,
          _met(lambda b, r: (CATALOGUS, {"r": r.choice(b.referentiecomponenten)}, None))),
    Soort("zoeken met facetten", "bezoeker", 8, False,
          _met(lambda b, r: (ZOEKEN, {"t": r.choice(ZOEKTERMEN)}, None))),
    # A gemeente's gebruik-beheerder: its landscape, and what it records.
    Soort("landschapspagina", "gebruik-beheerder", 12, False,
          _met(lambda b, r: (LANDSCHAP, {"c": (g := _gemeente(b, r)).cbs}, g.token))),
    Soort("één gebruik", "gebruik-beheerder", 8, False, _met(_gebruik)),
    Soort("afhankelijkheden (diepte 2)", "gebruik-beheerder", 4, False, _met(_afhankelijkheden)),
    Soort("standaardendekking", "gebruik-beheerder", 2, False,
          _met(lambda b, r: (DEKKING, {"g": gid("Gemeente", (g := _gemeente(b, r)).cbs)}, g.token))),
    Soort("gluurBijDeBuren", "gebruik-beheerder", 2, False,
          _met(lambda b, r: (BUREN, {"g": gid("Gemeente", (g := _gemeente(b, r)).cbs),
                                     "r": r.choice(b.referentiecomponenten)}, g.token))),
    Soort("vergelijkbareGemeenten", "gebruik-beheerder", 0.5, False,
          _met(lambda b, r: (VERGELIJKBAAR, {"g": gid("Gemeente", (g := _gemeente(b, r)).cbs)}, g.token))),
    Soort("registreerGebruik", "gebruik-beheerder", 3, True, _registreer),
    Soort("wijzigGebruik", "gebruik-beheerder", 3, True, _wijzig),
    Soort("registreerKoppeling", "gebruik-beheerder", 2, True, _koppel),
    Soort("verwijderGebruik", "gebruik-beheerder", 1, True, _verwijder),
    # An architect: paths and replacements.
    Soort("kortstePad", "gebruik-raadpleger", 1, False, _met(_pad)),
    Soort("impactanalyse", "gebruik-raadpleger", 1, False, _met(_impact)),
    # A leverancier's aanbod-beheerder.
    Soort("leveranciersoverzicht", "aanbod-beheerder", 3, False,
          _met(lambda b, r: (OVERZICHT, {"l": (lev := _leverancier(b, r)).id}, lev.token))),
    Soort("registreerVersie", "aanbod-beheerder", 1.5, True, _versie),
    Soort("wijzigOrganisatieprofiel", "organisatie-beheerder", 0.5, True, _profiel),
    # A VNG analyst: the national analytics.
    Soort("adoptie", "vng-raadpleger", 1.5, False,
          _met(lambda b, r: (ADOPTIE, {"r": r.choice(b.referentiecomponenten)}, b.analist))),
    Soort("leveranciersprofiel", "vng-raadpleger", 1, False,
          _met(lambda b, r: (PROFIEL, {"l": _leverancier(b, r).id}, b.analist))),
    Soort("standaardendekkingOverzicht", "vng-raadpleger", 0.5, False,
          _met(lambda b, r: (DEKKING_OVERZICHT, {}, b.analist))),
    Soort("marktconcentratie", "vng-raadpleger", 0.3, False, _met(lambda b, r: (MARKT, {}, b.analist))),
    Soort("koppelingsnetwerk", "vng-raadpleger", 0.3, False, _met(lambda b, r: (NETWERK, {}, b.analist))),
)  # fmt: skip


def kies(mix: tuple[Soort, ...], bronnen: Bronnen, r: random.Random) -> tuple[Soort, Verzoek]:
    """A request type by weight, and a request of it; another type when that one has nothing to
    do right now (no Gebruik of this run to koppel yet)."""
    gewichten = [s.gewicht for s in mix]
    for _ in range(10_000):
        soort = r.choices(mix, gewichten)[0]
        verzoek = soort.maak(bronnen, r)
        if verzoek is not None:
            return soort, verzoek
    raise RuntimeError(f"no request of {[s.naam for s in mix]} can be made from what the run has")
