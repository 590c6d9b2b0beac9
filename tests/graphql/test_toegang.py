"""The role matrix of product.md, read cell by read cell: what each role sees and what is left
out, in lists, counts, nested paths, search and the analytics.

Expected answers come from the generator's rows (tests/expected.py) and the matrix itself,
recomputed here in plain Python: who may see which Gebruik, which landscape, which people.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from tests.expected import Expected, global_id
from tests.graphql.conftest import VNG, Api

# lev-0105 has the most Gebruik in seed 1, with koppelingen in both landscapes.
AMSTERDAM, GRONINGEN, LEVERANCIER = "GM0363", "GM0014", "lev-0105"
ZAAKREGISTRATIE = "id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf"

ROLLEN = {
    "bezoeker": None,
    "gebruik-raadpleger": (AMSTERDAM, "GEBRUIK_RAADPLEGER"),
    "gebruik-beheerder": (AMSTERDAM, "GEBRUIK_BEHEERDER"),
    "aanbod-beheerder": (LEVERANCIER, "AANBOD_BEHEERDER"),
    "organisatie-beheerder": (AMSTERDAM, "ORGANISATIE_BEHEERDER"),
    "vng-raadpleger": (VNG, "VNG_RAADPLEGER"),
    "functioneel-beheerder": (VNG, "FUNCTIONEEL_BEHEERDER"),
}
ALLE_GEBRUIK = {"gebruik-raadpleger", "gebruik-beheerder", "functioneel-beheerder"}
AGGREGATEN = {"vng-raadpleger", "functioneel-beheerder"}


@pytest.fixture(scope="module")
def als(bezoeker: Api, api_as) -> dict[str, Api]:
    """Every role's client; minting every token first, so every dev user exists."""
    return {rol: bezoeker if who is None else api_as(*who) for rol, who in ROLLEN.items()}


class Matrix:
    """The role matrix, applied to the seed data."""

    def __init__(self, expected: Expected):
        self.e = expected
        self.producten = {a for a, lev in expected.leverancier_of.items() if lev == LEVERANCIER}

    def ziet_gebruik(self, rol: str, gebruik: dict) -> bool:
        if rol in ALLE_GEBRUIK:
            return True
        return rol == "aanbod-beheerder" and gebruik["applicatie"] in self.producten

    def ziet_landschap(self, rol: str, organisatie: str) -> bool:
        if rol == "functioneel-beheerder":
            return True
        return rol in ("gebruik-raadpleger", "gebruik-beheerder") and organisatie == AMSTERDAM

    def gebruik(self, rol: str, **where) -> list[dict]:
        return [
            g
            for g in self.e.gebruik_by_id.values()
            if all(g[k] == v for k, v in where.items()) and self.ziet_gebruik(rol, g)
        ]

    def koppelingen(self, rol: str) -> list[dict]:
        return [
            k
            for k in self.e.koppelingen
            if self.ziet_landschap(rol, self.e.gebruik_by_id[k["van"]]["organisatie"])
        ]

    def gebruik_met(self, organisatie: str, *, product: bool, notities: bool = False) -> dict:
        """A Gebruik with koppelingen of this organisation, of the leverancier's or not, with
        internal notes if asked."""
        return next(
            g
            for g in sorted(self.e.gebruik_of[organisatie], key=lambda g: g["id"])
            if (g["applicatie"] in self.producten) == product
            and (not notities or g.get("notities"))
            and any(k["van"] == g["id"] for k in self.e.koppelingen)
        )


@pytest.fixture(scope="module")
def matrix(expected: Expected) -> Matrix:
    return Matrix(expected)


ALL = pytest.mark.parametrize("rol", list(ROLLEN))


# --- catalogue, GEMMA, standards: read for everyone -------------------------------------------


@ALL
def test_the_catalogue_reads_the_same_for_every_role(als, expected: Expected, rol: str) -> None:
    data = als[rol].query(
        """{ applicaties { totalCount } referentiecomponenten { totalCount } standaarden { totalCount }
             gemeenten { totalCount } leveranciers { totalCount }
             applicatie(identificatie: "app-00001") { naam leverancier { identificatie } } }"""
    )
    assert data["applicaties"]["totalCount"] == len(expected.apps)
    assert data["referentiecomponenten"]["totalCount"] == sum(
        row["soort"] == "referentiecomponenten" for row in expected.gemma.values()
    )
    assert data["standaarden"]["totalCount"] == sum(
        row["soort"] == "standaarden" for row in expected.gemma.values()
    )
    assert data["gemeenten"]["totalCount"] == len(expected.gemeenten)
    assert data["leveranciers"]["totalCount"] == len(expected.rows["seed/leveranciers"])
    assert data["applicatie"]["naam"] == expected.apps["app-00001"]["naam"]


@ALL
def test_search_answers_the_same_for_every_role(als, rol: str) -> None:
    query = """{ zoeken(tekst: "zaak") {
        applicaties(first: 20) { totalCount nodes { identificatie } }
        organisaties { totalCount } referentiecomponenten { totalCount }
        facetten { referentiecomponenten { waarde aantal } leveranciers { waarde aantal } } } }"""
    assert als[rol].query(query) == als["bezoeker"].query(query)


# --- which gemeente uses which application ----------------------------------------------------


@ALL
def test_who_uses_what_in_lists_and_counts(als, matrix: Matrix, rol: str) -> None:
    eigen = sorted(matrix.producten)[0]
    ander = next(a for a in sorted(matrix.e.apps) if a not in matrix.producten and matrix.e.usage[a])
    data = als[rol].query(
        """query($eigen: String!, $ander: String!) {
          gebruik { totalCount }
          groningen: gemeente(cbsCode: "GM0014") { gebruik { totalCount } }
          eigen: applicatie(identificatie: $eigen) { gebruik(first: 500) { totalCount nodes { identificatie } } }
          ander: applicatie(identificatie: $ander) { gebruik { totalCount } }
        }""",
        {"eigen": eigen, "ander": ander},
    )
    assert data["gebruik"]["totalCount"] == len(matrix.gebruik(rol))
    assert data["groningen"]["gebruik"]["totalCount"] == len(matrix.gebruik(rol, organisatie=GRONINGEN))
    wanted = {g["id"] for g in matrix.gebruik(rol, applicatie=eigen)}
    assert data["eigen"]["gebruik"]["totalCount"] == len(wanted)
    assert {n["identificatie"] for n in data["eigen"]["gebruik"]["nodes"]} == wanted
    assert data["ander"]["gebruik"]["totalCount"] == len(matrix.gebruik(rol, applicatie=ander))


@ALL
def test_a_gebruik_by_id_is_null_where_it_may_not_be_seen(als, matrix: Matrix, rol: str) -> None:
    eigen = matrix.gebruik_met(GRONINGEN, product=True)
    ander = matrix.gebruik_met(GRONINGEN, product=False)
    data = als[rol].query(
        "query($ids: [ID!]!) { nodes(ids: $ids) { ... on Gebruik { identificatie } } }",
        {"ids": [global_id("Gebruik", eigen["id"]), global_id("Gebruik", ander["id"])]},
    )
    assert [n and n["identificatie"] for n in data["nodes"]] == [
        g["id"] if matrix.ziet_gebruik(rol, g) else None for g in (eigen, ander)
    ]


@ALL
def test_ordering_by_usage_counts_only_what_may_be_seen(als, matrix: Matrix, rol: str) -> None:
    nodes = als[rol].query(
        """{ applicaties(first: 5, orderBy: {field: GEBRUIK, direction: DESC}) {
               nodes { identificatie gebruik { totalCount } } } }"""
    )["applicaties"]["nodes"]
    visible = Counter(g["applicatie"] for g in matrix.gebruik(rol))
    top = sorted((visible[a] for a in matrix.e.apps), reverse=True)[:5]
    assert [n["gebruik"]["totalCount"] for n in nodes] == top
    assert all(visible[n["identificatie"]] == n["gebruik"]["totalCount"] for n in nodes)


# --- koppelingen, contracts, internal notes ---------------------------------------------------


@ALL
def test_koppelingen_only_of_landscapes_that_may_be_seen(als, matrix: Matrix, rol: str) -> None:
    data = als[rol].query(
        """query($a: ID!, $g: ID!) {
          koppelingen { totalCount }
          amsterdam: koppelingen(organisatie: $a) { totalCount }
          groningen: koppelingen(organisatie: $g) { totalCount }
        }""",
        {"a": global_id("Gemeente", AMSTERDAM), "g": global_id("Gemeente", GRONINGEN)},
    )
    wanted = matrix.koppelingen(rol)
    assert data["koppelingen"]["totalCount"] == len(wanted)
    per_organisatie = Counter(matrix.e.gebruik_by_id[k["van"]]["organisatie"] for k in wanted)
    assert data["amsterdam"]["totalCount"] == per_organisatie[AMSTERDAM]
    assert data["groningen"]["totalCount"] == per_organisatie[GRONINGEN]


DETAILS = """query($id: ID!) { node(id: $id) { ... on Gebruik {
    identificatie notities contractEinde
    uitgaandeKoppelingen { identificatie } inkomendeKoppelingen { identificatie } diensten { identificatie }
} } }"""


@ALL
@pytest.mark.parametrize("organisatie", [AMSTERDAM, GRONINGEN])
@pytest.mark.parametrize("product", [True, False])
def test_contracts_notes_diensten_and_koppelingen_of_a_gebruik(
    als, matrix: Matrix, rol: str, organisatie: str, product: bool
) -> None:
    gebruik = matrix.gebruik_met(organisatie, product=product)
    node = als[rol].query(DETAILS, {"id": global_id("Gebruik", gebruik["id"])})["node"]
    if not matrix.ziet_gebruik(rol, gebruik):
        assert node is None
        return
    heel = matrix.ziet_landschap(rol, organisatie)
    uit = sorted(k["id"] for k in matrix.e.koppelingen if k["van"] == gebruik["id"])
    assert uit, "the chosen Gebruik has koppelingen"
    assert sorted(k["identificatie"] for k in node["uitgaandeKoppelingen"]) == (uit if heel else [])
    assert node["notities"] == (gebruik.get("notities") if heel else None)
    assert node["contractEinde"] == (gebruik.get("contractEinde") if heel else None)
    diensten = sorted(r["naar"] for r in matrix.e.rows["seed/gebruik_neemt_af"] if r["van"] == gebruik["id"])
    assert sorted(d["identificatie"] for d in node["diensten"]) == (diensten if heel else [])


def test_a_gemeentes_own_notes_reach_its_gebruik_roles(als, matrix: Matrix) -> None:
    gebruik = matrix.gebruik_met(AMSTERDAM, product=False, notities=True)
    for rol in ROLLEN:
        node = als[rol].query(DETAILS, {"id": global_id("Gebruik", gebruik["id"])})["node"]
        seen = node and node["notities"]
        assert seen == (gebruik["notities"] if matrix.ziet_landschap(rol, AMSTERDAM) else None), rol


@ALL
def test_a_koppeling_by_id_is_null_where_its_landscape_may_not_be_seen(als, matrix: Matrix, rol: str) -> None:
    ids = [
        next(k["id"] for k in matrix.e.koppelingen if k["van"].startswith(f"geb-{o}-"))
        for o in (AMSTERDAM, GRONINGEN)
    ]
    nodes = als[rol].query(
        "query($ids: [ID!]!) { nodes(ids: $ids) { ... on Koppeling { identificatie van { identificatie } } } }",
        {"ids": [global_id("Koppeling", i) for i in ids]},
    )["nodes"]
    assert [n and n["identificatie"] for n in nodes] == [
        i if matrix.ziet_landschap(rol, o) else None for i, o in zip(ids, (AMSTERDAM, GRONINGEN), strict=True)
    ]


def test_a_samenwerking_sees_the_landscapes_of_its_members(api_as, expected: Expected) -> None:
    leden = Counter(r["naar"] for r in expected.rows["seed/deelnemer_van"] if r["naar"].startswith("sam-"))
    samenwerking = max(sorted(leden), key=lambda s: leden[s])
    members = {r["van"] for r in expected.rows["seed/deelnemer_van"] if r["naar"] == samenwerking}
    landschappen = {samenwerking} | {m for m in members if m in expected.gemeenten}
    wanted = [
        k for k in expected.koppelingen if expected.gebruik_by_id[k["van"]]["organisatie"] in landschappen
    ]
    data = api_as(samenwerking, "GEBRUIK_RAADPLEGER").query(
        "{ koppelingen { totalCount } gebruik { totalCount } }"
    )
    assert data["koppelingen"]["totalCount"] == len(wanted) > 0
    assert data["gebruik"]["totalCount"] == len(expected.gebruik_by_id)


# --- nested paths: what is left out cannot be reached another way ------------------------------


def test_an_aanbod_beheerder_reaches_no_other_gebruik_through_its_customers(als, matrix: Matrix) -> None:
    eigen = sorted(a for a in matrix.producten if matrix.e.usage[a])[0]
    nodes = als["aanbod-beheerder"].query(
        """query($a: String!) { applicatie(identificatie: $a) { gebruik(first: 100) { nodes {
            notities uitgaandeKoppelingen { identificatie } inkomendeKoppelingen { identificatie }
            organisatie { identificatie gebruik(first: 100) { totalCount nodes { applicatie { identificatie } } } }
        } } } }""",
        {"a": eigen},
    )["applicatie"]["gebruik"]["nodes"]
    assert nodes
    for node in nodes:
        assert (
            node["notities"] is None and not node["uitgaandeKoppelingen"] and not node["inkomendeKoppelingen"]
        )
        klant = node["organisatie"]["identificatie"]
        theirs = [g for g in matrix.e.gebruik_of[klant] if g["applicatie"] in matrix.producten]
        assert node["organisatie"]["gebruik"]["totalCount"] == len(theirs)
        assert {
            n["applicatie"]["identificatie"] for n in node["organisatie"]["gebruik"]["nodes"]
        } <= matrix.producten


def test_another_gemeentes_landscape_shows_usage_but_no_koppelingen(als, matrix: Matrix) -> None:
    data = als["gebruik-raadpleger"].query(
        """{ gemeente(cbsCode: "GM0014") { gebruik(first: 500) { totalCount nodes {
             notities contractEinde diensten { identificatie }
             uitgaandeKoppelingen { identificatie } inkomendeKoppelingen { identificatie } } } } }"""
    )["gemeente"]["gebruik"]
    assert data["totalCount"] == len(matrix.e.gebruik_of[GRONINGEN])
    for node in data["nodes"]:
        assert node == {
            "notities": None, "contractEinde": None, "diensten": [],
            "uitgaandeKoppelingen": [], "inkomendeKoppelingen": [],
        }  # fmt: skip


@ALL
def test_label_counts_leave_out_what_may_not_be_seen(als, expected: Expected, rol: str) -> None:
    counts = {
        row["naam"]: row["aantal"] for row in als[rol].query("{ aantallen { naam aantal } }")["aantallen"]
    }
    assert counts["Applicatie"] == len(expected.apps)
    assert ("Gebruik" in counts) == (rol in ALLE_GEBRUIK | AGGREGATEN)
    assert ("Koppeling" in counts) == (rol in AGGREGATEN)
    assert ("Gebruiker" in counts) == (rol == "functioneel-beheerder")
    if "Gebruik" in counts:
        assert counts["Gebruik"] == len(expected.gebruik_by_id)


# --- the analytics ----------------------------------------------------------------------------


@ALL
def test_dependencies_start_only_from_visible_gebruik_and_walk_only_visible_landscapes(
    als, matrix: Matrix, rol: str
) -> None:
    for organisatie in (AMSTERDAM, GRONINGEN):
        gebruik = matrix.gebruik_met(organisatie, product=False)
        query = "query($g: ID!) { afhankelijkheden(gebruik: $g, diepte: 2) { graaf { nodes { id } edges { id } } } }"
        variables = {"g": global_id("Gebruik", gebruik["id"])}
        if not matrix.ziet_gebruik(rol, gebruik):
            assert als[rol].error(query, variables)["extensions"]["code"] == "NOT_FOUND"
            continue
        graaf = als[rol].query(query, variables)["afhankelijkheden"]["graaf"]
        if matrix.ziet_landschap(rol, organisatie):
            assert len(graaf["nodes"]) > 1 and graaf["edges"]
        else:
            assert graaf == {"nodes": [{"id": global_id("Gebruik", gebruik["id"])}], "edges": []}


@ALL
def test_impact_shows_koppelingen_and_diensten_only_with_the_landscape(als, matrix: Matrix, rol: str) -> None:
    gebruik = matrix.gebruik_met(GRONINGEN, product=True)
    query = (
        "query($g: ID!) { impactanalyse(gebruik: $g) { koppelingen { kant } vervallendeDiensten { naam } } }"
    )
    variables = {"g": global_id("Gebruik", gebruik["id"])}
    if not matrix.ziet_gebruik(rol, gebruik):
        assert als[rol].error(query, variables)["extensions"]["code"] == "NOT_FOUND"
        return
    data = als[rol].query(query, variables)["impactanalyse"]
    touching = [k for k in matrix.e.koppelingen if gebruik["id"] in (k["van"], k["naar"])]
    assert len(data["koppelingen"]) == (len(touching) if matrix.ziet_landschap(rol, GRONINGEN) else 0)


@ALL
def test_a_landscape_graph_holds_what_may_be_seen(als, matrix: Matrix, rol: str) -> None:
    data = als[rol].query(
        "query($o: ID!) { landschapsgraaf(organisatie: $o, first: 500) { totalCount edges { id } } }",
        {"o": global_id("Gemeente", AMSTERDAM)},
    )["landschapsgraaf"]
    gebruik = matrix.gebruik(rol, organisatie=AMSTERDAM)
    assert data["totalCount"] == len(gebruik)
    ids = {g["id"] for g in sorted(gebruik, key=lambda g: g["id"])[:500]}
    edges = (
        [k for k in matrix.e.koppelingen if k["van"] in ids] if matrix.ziet_landschap(rol, AMSTERDAM) else []
    )
    assert len(data["edges"]) == len(edges)


AGGREGATE = """query($c: ID!, $k: Int!) {
  adoptie(referentiecomponent: $c, splitsing: GROOTTEKLASSE, minimaleGroep: $k) {
    groepen { groep gemeenten gemeentenMetComponent onderdrukt aandelen { gemeenten } } }
  marktconcentratie(first: 5, minimaleGroep: $k) { hhi gemeenten }
  standaardendekkingOverzicht(splitsing: PROVINCIE, minimaleGroep: $k) { groep koppelingen }
  koppelingsnetwerk(first: 10, minimaleGroep: $k) { edges { aantal } }
}"""


AGGREGATE_VARIABLES = {"c": global_id("Referentiecomponent", ZAAKREGISTRATIE), "k": 5}


@pytest.fixture(scope="module")
def whole(als) -> dict[str, Any]:
    """The aggregates as functioneel beheer sees them: over every landscape."""
    return als["functioneel-beheerder"].query(AGGREGATE, AGGREGATE_VARIABLES)


@ALL
def test_aggregates_are_whole_for_aggregate_roles_and_shrink_for_others(als, whole, rol: str) -> None:
    data = als[rol].query(AGGREGATE, AGGREGATE_VARIABLES)
    if rol in AGGREGATEN:
        assert data == whole
        return
    if rol in ALLE_GEBRUIK:  # every Gebruik, but koppelingen of their own landscape only
        assert data["adoptie"] == whole["adoptie"] and data["marktconcentratie"] == whole["marktconcentratie"]
    else:
        assert data["marktconcentratie"] == []
        assert all(
            g["aandelen"] == [] and g["gemeentenMetComponent"] is None for g in data["adoptie"]["groepen"]
        )
        assert [g["gemeenten"] for g in data["adoptie"]["groepen"]] == [
            g["gemeenten"] for g in whole["adoptie"]["groepen"]
        ]
    if rol in ("gebruik-raadpleger", "gebruik-beheerder"):
        # Their own landscape, one gemeente, without the floor (its figures are theirs already).
        edges = data["koppelingsnetwerk"]["edges"]
        assert edges and all(e["aantal"] == 1 for e in edges)
        (groep,) = data["standaardendekkingOverzicht"]
        assert groep["koppelingen"] > 0
    else:
        assert data["koppelingsnetwerk"]["edges"] == []
        assert data["standaardendekkingOverzicht"] == []


@ALL
def test_only_functioneel_beheer_goes_below_the_group_floor(als, rol: str) -> None:
    query = "{ marktconcentratie(first: 1, minimaleGroep: 4) { hhi } }"
    if rol == "functioneel-beheerder":
        als[rol].query(query)
    else:
        error = als[rol].error(query)
        assert error["extensions"] == {"code": "INVALID_GROUP_SIZE", "argument": "minimaleGroep"}
        assert "at least 5" in error["message"]


@ALL
def test_benchmarks_that_name_gemeenten_show_only_visible_gebruik(als, matrix: Matrix, rol: str) -> None:
    data = als[rol].query(
        """query($g: ID!, $c: ID!, $l: ID!) {
          gluurBijDeBuren(gemeente: $g, referentiecomponent: $c) { buur { identificatie } gebruik { identificatie } }
          vergelijkbareGemeenten(gemeente: $g, aantal: 3) { gemeente { identificatie } }
          leveranciersprofiel(leverancier: $l) { klanten { organisatie { identificatie } } marktaandelen { klanten } }
        }""",
        {"g": global_id("Gemeente", AMSTERDAM), "c": global_id("Referentiecomponent", ZAAKREGISTRATIE),
         "l": global_id("Leverancier", LEVERANCIER)},
    )  # fmt: skip
    buren = set(matrix.e.gemeenten[AMSTERDAM]["buren"].split(";"))
    assert {b["buur"]["identificatie"] for b in data["gluurBijDeBuren"]} == buren
    seen = {g["identificatie"] for b in data["gluurBijDeBuren"] for g in b["gebruik"]}
    wanted = {
        g["id"]
        for g in matrix.gebruik(rol)
        if g["organisatie"] in buren
        and ZAAKREGISTRATIE in matrix.e.voor[g["id"]]
        and g["status"] != "UITGEFASEERD"
    }
    assert seen == wanted
    mine = {
        g["applicatie"] for g in matrix.gebruik(rol, organisatie=AMSTERDAM) if g["status"] != "UITGEFASEERD"
    }
    shared = any(
        g["applicatie"] in mine and g["organisatie"] != AMSTERDAM and g["organisatie"] in matrix.e.gemeenten
        for g in matrix.gebruik(rol)
        if g["status"] != "UITGEFASEERD"
    )
    assert bool(data["vergelijkbareGemeenten"]) == shared
    klanten = {k["organisatie"]["identificatie"] for k in data["leveranciersprofiel"]["klanten"]}
    assert klanten == {
        g["organisatie"]
        for g in matrix.gebruik(rol)
        if g["applicatie"] in matrix.producten and g["status"] != "UITGEFASEERD"
    }
    assert bool(data["leveranciersprofiel"]["marktaandelen"]) == (rol in ALLE_GEBRUIK | AGGREGATEN)


@ALL
def test_one_gemeentes_standards_coverage_only_with_its_landscape(als, matrix: Matrix, rol: str) -> None:
    for organisatie in (AMSTERDAM, GRONINGEN):
        data = als[rol].query(
            "query($g: ID!) { standaardendekking(gemeente: $g) { koppelingen } }",
            {"g": global_id("Gemeente", organisatie)},
        )["standaardendekking"]
        mine = {g["id"] for g in matrix.e.gebruik_of[organisatie]}
        total = sum(k["van"] in mine for k in matrix.e.koppelingen)
        assert data["koppelingen"] == (total if matrix.ziet_landschap(rol, organisatie) else 0)


# --- profile, users, roles -------------------------------------------------------------------


@ALL
def test_people_and_roles_only_for_organisatie_beheer(als, rol: str) -> None:
    data = als[rol].query(
        """{ amsterdam: organisatie(identificatie: "GM0363") { medewerkers { rollen machine } }
             vng: organisatie(identificatie: "vng-realisatie") { medewerkers { rollen } } }"""
    )
    amsterdam = Counter(r for m in data["amsterdam"]["medewerkers"] for r in m["rollen"])
    held = Counter(r for who in ROLLEN.values() if who and who[0] == AMSTERDAM for r in [who[1]])
    # Other tests may add people of their own; the ones minted here are there.
    if rol in ("organisatie-beheerder", "functioneel-beheerder"):
        assert amsterdam >= held and held
    else:
        assert amsterdam == Counter()
    vng = {r for m in data["vng"]["medewerkers"] for r in m["rollen"]}
    if rol == "functioneel-beheerder":
        assert vng >= {"VNG_RAADPLEGER", "FUNCTIONEEL_BEHEERDER"}
    else:
        assert vng == set()
