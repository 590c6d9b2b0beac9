"""The benchmarks across gemeenten, each compared with a plain-Python computation over the
seed files and the generator's rows, and the minimum group size that anonymises them."""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest

from tests.expected import Expected, global_id, size_class
from tests.graphql.conftest import VNG, Api

ZAAKREGISTRATIE = "id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf"


def _active(expected: Expected) -> list[dict]:
    return [g for g in expected.gebruik_by_id.values() if g["status"] != "UITGEFASEERD"]


def _group(expected: Expected, cbs: str, splitsing: str) -> str:
    row = expected.gemeenten[cbs]
    if splitsing == "PROVINCIE":
        return row["provincie"]
    if splitsing == "GROOTTEKLASSE":
        return size_class(int(row["inwoners"]))
    return "NEDERLAND"


@pytest.mark.parametrize("splitsing", ["GEEN", "PROVINCIE", "GROOTTEKLASSE"])
@pytest.mark.parametrize(
    ("per", "k"),
    [("APPLICATIE", 1), ("LEVERANCIER", 1), ("APPLICATIE", 5), ("LEVERANCIER", 5), ("APPLICATIE", 12)],
)
def test_adoption_per_group(api: Api, expected: Expected, splitsing: str, per: str, k: int) -> None:
    """Every figure shown is the seed's; at 1 every figure is shown, above it none under the
    floor (which further figures the floor hides is tests/graphql/test_groepsdrempel.py's)."""
    data = api.query(
        f"""query($c: ID!) {{ adoptie(referentiecomponent: $c, per: {per}, splitsing: {splitsing}, minimaleGroep: {k}) {{
          minimaleGroep groepen {{ groep gemeenten gemeentenMetComponent onderdrukt
            aandelen {{ gemeenten aandeel aandeelOnderGebruikers applicatie {{ identificatie }} leverancier {{ identificatie }} }} }} }} }}""",
        {"c": global_id("Referentiecomponent", ZAAKREGISTRATIE)},
    )["adoptie"]
    assert data["minimaleGroep"] == k
    sizes = Counter(_group(expected, cbs, splitsing) for cbs in expected.gemeenten)
    users: dict[str, set[str]] = defaultdict(set)
    per_value: dict[tuple[str, str], set[str]] = defaultdict(set)
    for g in _active(expected):
        if g["organisatie"] in expected.gemeenten and ZAAKREGISTRATIE in expected.voor[g["id"]]:
            group = _group(expected, g["organisatie"], splitsing)
            users[group].add(g["organisatie"])
            value = g["applicatie"] if per == "APPLICATIE" else expected.leverancier_of[g["applicatie"]]
            per_value[(group, value)].add(g["organisatie"])
    assert [g["groep"] for g in data["groepen"]] == sorted(name for name, n in sizes.items() if n >= k)
    for group in data["groepen"]:
        name = group["groep"]
        assert group["gemeenten"] == sizes[name]
        if k == 1:
            assert group["gemeentenMetComponent"] == (len(users[name]) or None)
        else:
            assert group["gemeentenMetComponent"] in (None, len(users[name]))
            assert group["gemeentenMetComponent"] is None or len(users[name]) >= k
        counts = {v: len(s) for (grp, v), s in per_value.items() if grp == name}
        shown = {
            (a["applicatie"] or a["leverancier"])["identificatie"]: a["gemeenten"] for a in group["aandelen"]
        }
        assert all(counts[v] == n >= k for v, n in shown.items())
        if k == 1:
            assert shown == counts
        assert group["onderdrukt"] == len(counts) - len(shown)
        assert all(a["aandeel"] == pytest.approx(a["gemeenten"] / sizes[name]) for a in group["aandelen"])
        values = [a["gemeenten"] for a in group["aandelen"]]
        assert values == sorted(values, reverse=True)


def test_a_minimum_group_below_one_is_refused(api: Api) -> None:
    error = api.error(
        "query($c: ID!) { adoptie(referentiecomponent: $c, minimaleGroep: 0) { minimaleGroep } }",
        {"c": global_id("Referentiecomponent", ZAAKREGISTRATIE)},
    )
    assert error["extensions"] == {"code": "INVALID_GROUP_SIZE", "argument": "minimaleGroep"}


def test_gluren_bij_de_buren(api: Api, expected: Expected) -> None:
    data = api.query(
        "query($g: ID!, $c: ID!) { gluurBijDeBuren(gemeente: $g, referentiecomponent: $c) { buur { cbsCode } gebruik { identificatie applicatie { identificatie } } } }",
        {"g": global_id("Gemeente", "GM0363"), "c": global_id("Referentiecomponent", ZAAKREGISTRATIE)},
    )["gluurBijDeBuren"]
    neighbours = set(expected.gemeenten["GM0363"]["buren"].split(";"))
    assert {row["buur"]["cbsCode"] for row in data} == neighbours
    for row in data:
        wanted = {
            g["id"]
            for g in expected.gebruik_of[row["buur"]["cbsCode"]]
            if g["status"] != "UITGEFASEERD" and ZAAKREGISTRATIE in expected.voor[g["id"]]
        }
        assert {g["identificatie"] for g in row["gebruik"]} == wanted


@pytest.mark.parametrize("cbs", ["GM0363", "GM0014", "GM0088"])
def test_similar_gemeenten_by_jaccard(api: Api, expected: Expected, cbs: str) -> None:
    sets = expected.app_sets()
    mine = sets[cbs]
    scores = sorted(
        (
            (len(mine & apps) / len(mine | apps), other)
            for other, apps in sets.items()
            if other != cbs and mine & apps
        ),
        key=lambda t: (-t[0], t[1]),
    )[:8]
    data = api.query(
        "query($g: ID!) { vergelijkbareGemeenten(gemeente: $g, aantal: 8) { jaccard gedeeld alleenHier alleenDaar gemeente { cbsCode } gedeeldeApplicaties { identificatie } } }",
        {"g": global_id("Gemeente", cbs)},
    )["vergelijkbareGemeenten"]
    assert [row["gemeente"]["cbsCode"] for row in data] == [other for _, other in scores]
    for row, (score, other) in zip(data, scores, strict=True):
        assert row["jaccard"] == pytest.approx(score)
        shared = mine & sets[other]
        assert row["gedeeld"] == len(shared)
        assert (row["alleenHier"], row["alleenDaar"]) == (len(mine - shared), len(sets[other] - shared))
        assert {a["identificatie"] for a in row["gedeeldeApplicaties"]} == shared


def test_recommendations_from_similar_gemeenten(api: Api, expected: Expected) -> None:
    sets = expected.app_sets()
    mine = sets["GM0363"]
    similar = [
        other
        for _, other in sorted(
            (
                (len(mine & apps) / len(mine | apps), other)
                for other, apps in sets.items()
                if other != "GM0363"
            ),
            key=lambda t: (-t[0], t[1]),
        )[:10]
    ]
    used_at_all = {g["applicatie"] for g in expected.gebruik_of["GM0363"]}
    by = defaultdict(set)
    for other in similar:
        for app in sets[other] - used_at_all:
            by[app].add(other)
    wanted = sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:6]
    data = api.query(
        "query($g: ID!) { aanbevelingen(gemeente: $g, vergelijkbaar: 10, aantal: 6) { aantal applicatie { identificatie } gebruiktDoor { identificatie } } }",
        {"g": global_id("Gemeente", "GM0363")},
    )["aanbevelingen"]
    assert [(r["applicatie"]["identificatie"], r["aantal"]) for r in data] == [(a, len(s)) for a, s in wanted]
    assert all(
        {g["identificatie"] for g in r["gebruiktDoor"]} == by[r["applicatie"]["identificatie"]] for r in data
    )


def coverage_per_gemeente(expected: Expected) -> dict[str, tuple[int, int, int]]:
    """Per gemeente: koppelingen, with a required standard at an end, following one."""
    required: dict[str, set[str]] = defaultdict(set)
    for r in expected.relaties:
        if r["archimate_type"] == "Realization" and r["verbindingsrol"] == "Verplicht":
            required[r["bron"]].add(r["doel"])
    version_of = {
        row["identifier"]: row["standaard"]
        for row in expected.gemma.values()
        if row["soort"] == "standaardversies"
    }
    followed: dict[str, set[str]] = defaultdict(set)
    for row in expected.rows["seed/koppeling_volgens"]:
        followed[row["van"]].add(version_of[row["naar"]])
    result: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for k in expected.koppelingen:
        owner = expected.gebruik_by_id[k["van"]]["organisatie"]
        ends = expected.voor[k["van"]] | expected.voor.get(k["naar"], set())
        needed = {s for c in ends for s in required[c]} | required[k["naar"]]
        counts = result[owner]
        counts[0] += 1
        counts[1] += bool(needed)
        counts[2] += bool(needed & followed[k["id"]])
    return {owner: tuple(c) for owner, c in result.items()}


def test_standards_coverage_of_a_gemeente(api: Api, expected: Expected) -> None:
    coverage = coverage_per_gemeente(expected)
    for cbs in ("GM0363", "GM0014"):
        data = api.query(
            "query($g: ID!) { standaardendekking(gemeente: $g) { koppelingen metVerplichteStandaard volgensVerplichteStandaard dekking dekkingWaarVereist } }",
            {"g": global_id("Gemeente", cbs)},
        )["standaardendekking"]
        total, needed, follows = coverage[cbs]
        assert (data["koppelingen"], data["metVerplichteStandaard"], data["volgensVerplichteStandaard"]) == (
            total,
            needed,
            follows,
        )
        assert data["dekking"] == pytest.approx(follows / total)
        assert data["dekkingWaarVereist"] == pytest.approx(follows / needed)


def test_standards_coverage_per_group(api: Api, expected: Expected) -> None:
    coverage = coverage_per_gemeente(expected)
    data = api.query(
        "{ standaardendekkingOverzicht(splitsing: PROVINCIE, minimaleGroep: 15) { groep gemeenten koppelingen volgensVerplichteStandaard } }"
    )["standaardendekkingOverzicht"]
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for cbs, (total, _, follows) in coverage.items():
        group = groups[expected.gemeenten[cbs]["provincie"]]
        group[0] += 1
        group[1] += total
        group[2] += follows
    wanted = {name: tuple(v) for name, v in groups.items() if v[0] >= 15}
    assert {
        row["groep"]: (row["gemeenten"], row["koppelingen"], row["volgensVerplichteStandaard"])
        for row in data
    } == wanted


def _market(expected: Expected, per: str) -> tuple[dict[str, Counter], dict[str, set[str]]]:
    """Per component: each provider's gemeenten (application, or leverancier counting a gemeente
    once), and the gemeenten using anything for it."""
    using: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    users: dict[str, set[str]] = defaultdict(set)
    for g in _active(expected):
        if g["organisatie"] not in expected.gemeenten:
            continue
        provider = g["applicatie"] if per == "APPLICATIE" else expected.leverancier_of[g["applicatie"]]
        for c in expected.voor[g["id"]]:
            using[c][provider].add(g["organisatie"])
            users[c].add(g["organisatie"])
    return {c: Counter({p: len(s) for p, s in providers.items()}) for c, providers in using.items()}, users


@pytest.mark.parametrize("per", ["APPLICATIE", "LEVERANCIER"])
def test_market_concentration(api: Api, expected: Expected, per: str) -> None:
    """At minimaleGroep 1, the index over every provider, shares by gemeenten."""
    counts, users = _market(expected, per)
    hhi = {c: sum((100 * n / sum(cs.values())) ** 2 for n in cs.values()) for c, cs in counts.items()}
    wanted = sorted(hhi.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    data = api.query(
        f"{{ marktconcentratie(per: {per}, minimaleGroep: 1, first: 10) {{ hhi aanbieders gemeenten grootsteAandeel referentiecomponent {{ identificatie }} }} }}"
    )["marktconcentratie"]
    assert [r["referentiecomponent"]["identificatie"] for r in data] == [c for c, _ in wanted]
    for row, (component, value) in zip(data, wanted, strict=True):
        assert row["hhi"] == pytest.approx(value)
        assert row["aanbieders"] == len(counts[component])
        assert row["gemeenten"] == len(users[component])
        assert row["grootsteAandeel"] == pytest.approx(
            max(counts[component].values()) / sum(counts[component].values())
        )


def test_market_concentration_above_the_floor(api: Api, expected: Expected) -> None:
    """At 5: the markets of at least 5 gemeenten; an index only where a provider may be shown."""
    counts, users = _market(expected, "APPLICATIE")
    data = api.query(
        "{ marktconcentratie(first: 500) { hhi aanbieders gemeenten grootsteAandeel referentiecomponent { identificatie } } }"
    )["marktconcentratie"]
    assert {r["referentiecomponent"]["identificatie"] for r in data} == {
        c for c, u in users.items() if len(u) >= 5
    }
    hhis = [r["hhi"] for r in data if r["hhi"] is not None]
    assert hhis == sorted(hhis, reverse=True) and all(0 < h <= 10_000 for h in hhis)
    for row in data:
        component = row["referentiecomponent"]["identificatie"]
        assert (row["gemeenten"], row["aanbieders"]) == (len(users[component]), len(counts[component]))
        if all(n < 5 for n in counts[component].values()):  # no provider to show
            assert row["hhi"] is None and row["grootsteAandeel"] is None


def test_a_leveranciers_customers_and_market_shares(api: Api, expected: Expected) -> None:
    leverancier = Counter(expected.leverancier_of.values()).most_common(1)[0][0]
    own = {a for a, lev in expected.leverancier_of.items() if lev == leverancier}
    query = """query($l: ID!, $m: Int!) { leveranciersprofiel(leverancier: $l, minimaleGroep: $m) {
        leverancier { identificatie } klanten { organisatie { identificatie } applicaties { identificatie } }
        marktaandelen { gemeenten klanten aandeel referentiecomponent { identificatie } } } }"""
    data = {
        m: api.query(query, {"l": global_id("Leverancier", leverancier), "m": m})["leveranciersprofiel"]
        for m in (1, 5)
    }
    customers: dict[str, set[str]] = defaultdict(set)
    for g in _active(expected):
        if g["applicatie"] in own:
            customers[g["organisatie"]].add(g["applicatie"])
    assert {
        k["organisatie"]["identificatie"]: {a["identificatie"] for a in k["applicaties"]}
        for k in data[5]["klanten"]
    } == customers
    components = {r["naar"] for r in expected.rows["seed/applicatie_realiseert"] if r["van"] in own}
    shares = {}
    for c in components:
        using = {
            g["organisatie"]
            for g in _active(expected)
            if c in expected.voor[g["id"]] and g["organisatie"] in expected.gemeenten
        }
        theirs = {
            g["organisatie"]
            for g in _active(expected)
            if c in expected.voor[g["id"]]
            and g["organisatie"] in expected.gemeenten
            and g["applicatie"] in own
        }
        if using:
            shares[c] = (len(using), len(theirs))
    assert {
        r["referentiecomponent"]["identificatie"]: (r["gemeenten"], r["klanten"])
        for r in data[1]["marktaandelen"]
    } == shares
    at_five = {r["referentiecomponent"]["identificatie"]: r for r in data[5]["marktaandelen"]}
    assert set(at_five) == {c for c, (n, _) in shares.items() if n >= 5}
    for c, row in at_five.items():
        assert row["gemeenten"] == shares[c][0]
        if row["klanten"] is None:  # hidden: there are customers
            assert shares[c][1] > 0
        else:
            assert row["klanten"] == shares[c][1] and (row["klanten"] >= 5 or row["klanten"] == 0)
    ordered = [r["aandeel"] for r in data[5]["marktaandelen"] if r["aandeel"] is not None]
    assert ordered == sorted(ordered, reverse=True)


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ('{ vergelijkbareGemeenten(gemeente: "R2VtZWVudGU6R005OTk5") { jaccard } }', "NOT_FOUND"),
        (
            '{ vergelijkbareGemeenten(gemeente: "R2VtZWVudGU6R00wMzYz", aantal: 0) { jaccard } }',
            "INVALID_ARGUMENT",
        ),
        (
            '{ aanbevelingen(gemeente: "R2VtZWVudGU6R00wMzYz", vergelijkbaar: 0) { aantal } }',
            "INVALID_ARGUMENT",
        ),
        ("{ marktconcentratie(minimaleGroep: -2) { hhi } }", "INVALID_GROUP_SIZE"),
        ('{ standaardendekking(gemeente: "TGV2ZXJhbmNpZXI6bGV2LTAwMDE=") { koppelingen } }', "INVALID_ID"),
    ],
)
def test_bad_benchmark_arguments(api: Api, query: str, code: str) -> None:
    assert api.error(query)["extensions"]["code"] == code


@pytest.mark.parametrize("per", ["APPLICATIE", "LEVERANCIER"])
def test_market_concentration_names_who_holds_the_largest_share(api: Api, expected: Expected, per: str) -> None:
    counts, _ = _market(expected, per)
    data = api.query(
        f"{{ marktconcentratie(per: {per}, minimaleGroep: 1, first: 20) {{ grootsteAandeel grootste {{ gemeenten applicatie {{ identificatie }} leverancier {{ identificatie }} }} referentiecomponent {{ identificatie }} }} }}"
    )["marktconcentratie"]
    for row in data:
        providers = counts[row["referentiecomponent"]["identificatie"]]
        leader = min(providers, key=lambda p: (-providers[p], p))
        named = row["grootste"]["applicatie" if per == "APPLICATIE" else "leverancier"]["identificatie"]
        assert named == leader and row["grootste"]["gemeenten"] == providers[leader]


@pytest.mark.parametrize("gebruik", ["IN_PRODUCTIE", "GEPLAND"])
def test_adoption_counts_the_statuses_asked(api: Api, expected: Expected, gebruik: str) -> None:
    statussen = {"IN_PRODUCTIE": {"IN_PRODUCTIE"}, "GEPLAND": {"VERWERVING", "GEPLAND"}}[gebruik]
    per_app: dict[str, set[str]] = defaultdict(set)
    for g in expected.gebruik_by_id.values():
        if g["status"] in statussen and g["organisatie"] in expected.gemeenten and ZAAKREGISTRATIE in expected.voor[g["id"]]:
            per_app[g["applicatie"]].add(g["organisatie"])
    data = api.query(
        f"query($c: ID!) {{ adoptie(referentiecomponent: $c, gebruik: {gebruik}, minimaleGroep: 1) {{ groepen {{ aandelen {{ gemeenten applicatie {{ identificatie }} }} }} }} }}",
        {"c": global_id("Referentiecomponent", ZAAKREGISTRATIE)},
    )["adoptie"]
    (nederland,) = data["groepen"]
    assert {a["applicatie"]["identificatie"]: a["gemeenten"] for a in nederland["aandelen"]} == {
        app: len(gemeenten) for app, gemeenten in per_app.items()
    }


def test_a_status_choice_is_refused_behind_the_group_floor(api_as) -> None:
    """Two answers over different statuses would subtract to a count the floor never settled."""
    error = api_as(VNG, "VNG_RAADPLEGER").error(
        "query($c: ID!) { adoptie(referentiecomponent: $c, gebruik: IN_PRODUCTIE) { minimaleGroep } }",
        {"c": global_id("Referentiecomponent", ZAAKREGISTRATIE)},
    )
    assert error["extensions"] == {"code": "INVALID_ARGUMENT", "argument": "gebruik"}


def test_own_landscape_aggregates_have_no_floor(api_as, expected: Expected) -> None:
    """A gemeente sees its own standards coverage and network even though it is one gemeente."""
    coverage = coverage_per_gemeente(expected)
    raadpleger = api_as("GM0363", "GEBRUIK_RAADPLEGER")
    (row,) = raadpleger.query("{ standaardendekkingOverzicht { groep gemeenten koppelingen volgensVerplichteStandaard } }")["standaardendekkingOverzicht"]
    total, _, follows = coverage["GM0363"]
    assert (row["groep"], row["gemeenten"], row["koppelingen"], row["volgensVerplichteStandaard"]) == ("NEDERLAND", 1, total, follows)
    edges = raadpleger.query("{ koppelingsnetwerk(first: 500) { edges { aantal } } }")["koppelingsnetwerk"]["edges"]
    mine = {g["id"] for g in expected.gebruik_of["GM0363"]}
    app_of = {g: row["applicatie"] for g, row in expected.gebruik_by_id.items()}
    pairs = {(app_of[k["van"]], app_of.get(k["naar"], k["naar"])) for k in expected.koppelingen if k["van"] in mine}
    assert len(edges) == min(len(pairs), 500) and all(e["aantal"] == 1 for e in edges)
