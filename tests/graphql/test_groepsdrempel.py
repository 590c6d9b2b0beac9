"""The group floor (docs/access.md, "The group floor"), as a vng-raadpleger of VNG Realisatie
sees it: for every aggregate and every split,

(a) no figure shown rests on fewer than minimaleGroep gemeenten, and every one is true;
(b) no hidden figure can be worked out from the shown ones: neither as a national figure
    minus the cells a split shows, nor by any combination of the sums an analyst can write
    down from all answers of the aggregate (every split, per application and per leverancier);
(c) the seeded data hold cases where the answers before the floor was enforced gave figures
    away, so the checks cannot pass for want of anything to find;
(d) functioneel beheer at minimaleGroep 1 sees every figure.

Every expected figure is recomputed here from the generator's rows (tests/expected.py), and
the analyst's reasoning is implemented here too, independently of graph_api's own.
"""

from __future__ import annotations

import doctest
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from fractions import Fraction

import pytest

from graph_api.domain.analyse import drempel
from tests.expected import Expected, global_id, size_class
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_benchmarks import coverage_per_gemeente

M = 5
SPLITS = ("GEEN", "PROVINCIE", "GROOTTEKLASSE")
PERS = ("APPLICATIE", "LEVERANCIER")
ZAAKREGISTRATIE = "id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf"
GEBRUIKERS = "GEBRUIKERS"
NL = ("GEEN", "NEDERLAND")

Cell = tuple[str, str, str, str]  # splitsing, groep, soort (APPLICATIE, LEVERANCIER, GEBRUIKERS), value


# --- the seeded landscape as raw cells ---------------------------------------------------------


class Raw:
    """Who uses what for each reference component, counted as the aggregates count it."""

    def __init__(self, expected: Expected):
        self.e = expected
        self.uses: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for g in expected.gebruik_by_id.values():
            if g["status"] != "UITGEFASEERD" and g["organisatie"] in expected.gemeenten:
                for component in expected.voor[g["id"]]:
                    self.uses[component][g["organisatie"]].add(g["applicatie"])

    def group(self, cbs: str, splitsing: str) -> str:
        row = self.e.gemeenten[cbs]
        if splitsing == "PROVINCIE":
            return row["provincie"]
        return size_class(int(row["inwoners"])) if splitsing == "GROOTTEKLASSE" else "NEDERLAND"

    def sizes(self, splitsing: str) -> Counter:
        return Counter(self.group(cbs, splitsing) for cbs in self.e.gemeenten)

    def cells(self, component: str) -> dict[Cell, int]:
        """Every figure of adoptie for the component, in every split, per kind, non-zero ones."""
        cells: dict[Cell, int] = Counter()
        for cbs, apps in self.uses[component].items():
            leveranciers = {self.e.leverancier_of[a] for a in apps}
            for splitsing in SPLITS:
                group = self.group(cbs, splitsing)
                cells[(splitsing, group, GEBRUIKERS, "")] += 1
                for app in apps:
                    cells[(splitsing, group, "APPLICATIE", app)] += 1
                for lev in leveranciers:
                    cells[(splitsing, group, "LEVERANCIER", lev)] += 1
        return dict(cells)

    def pick(self) -> dict[str, str]:
        """Components whose markets differ in kind: the zaakregistratie, the smallest market a
        raadpleger may see, the most fragmented one, and one with many leveranciers of several
        applications (where per leverancier and per application answers overlap)."""
        users = {c: len(u) for c, u in self.uses.items() if len(u) >= M}
        apps = {c: len({a for s in self.uses[c].values() for a in s}) for c in users}

        def multi(c: str) -> int:
            per_lev = Counter(self.e.leverancier_of[a] for a in {a for s in self.uses[c].values() for a in s})
            return sum(n > 1 for n in per_lev.values())

        picked = {"zaakregistratie": ZAAKREGISTRATIE}
        picked["kleinste-markt"] = min(users, key=lambda c: (users[c], c))
        picked["meeste-applicaties"] = max(apps, key=lambda c: (apps[c], c))
        rest = [c for c in users if c not in picked.values()]
        picked["leveranciers-met-meer-applicaties"] = max(rest, key=lambda c: (multi(c), c))
        return picked


@pytest.fixture(scope="module")
def raw(expected: Expected) -> Raw:
    return Raw(expected)


@pytest.fixture(scope="module")
def raadpleger(api_as) -> Api:
    return api_as(VNG, "VNG_RAADPLEGER")


COMPONENTS = ["zaakregistratie", "kleinste-markt", "meeste-applicaties", "leveranciers-met-meer-applicaties"]


# --- what the API shows ------------------------------------------------------------------------

ADOPTIE = """%s_%s: adoptie(referentiecomponent: $c, per: %s, splitsing: %s, minimaleGroep: $m) {
  groepen { groep gemeenten gemeentenMetComponent onderdrukt
    aandelen { gemeenten aandeel aandeelOnderGebruikers applicatie { identificatie } leverancier { identificatie } } } }"""


def adoptie(client: Api, component: str, m: int) -> dict[tuple[str, str], list[dict]]:
    """Every adoptie answer for the component, in one request: (per, splitsing) → its groups."""
    fields = "\n".join(ADOPTIE % (per, s, per, s) for per in PERS for s in SPLITS)
    data = client.query(
        f"query($c: ID!, $m: Int!) {{ {fields} }}", {"c": global_id("Referentiecomponent", component), "m": m}
    )
    return {(per, s): data[f"{per}_{s}"]["groepen"] for per in PERS for s in SPLITS}


def shown_cells(answers: Mapping[tuple[str, str], list[dict]]) -> dict[Cell, int]:
    """The figures the answers show, as cells: values per kind, and the gebruikers."""
    shown: dict[Cell, int] = {}
    for (per, splitsing), groups in answers.items():
        for group in groups:
            if group["gemeentenMetComponent"] is not None:
                shown[(splitsing, group["groep"], GEBRUIKERS, "")] = group["gemeentenMetComponent"]
            for share in group["aandelen"]:
                value = (share["applicatie"] or share["leverancier"])["identificatie"]
                shown[(splitsing, group["groep"], per, value)] = share["gemeenten"]
    return shown


# --- the analyst: what can be worked out from what is shown ------------------------------------


def subtraction_leaks(truth: Mapping[Cell, int], shown: Mapping[Cell, int], m: int) -> list[str]:
    """The leaks of the issue: a national figure minus the cells a split shows, when that leaves
    one hidden non-zero cell (it equals the remainder), or a remainder resting on 1 to m-1."""
    leaks = []
    for (splitsing, group, soort, value), national in truth.items():
        if (splitsing, group) != NL or (splitsing, group, soort, value) not in shown:
            continue
        for split in SPLITS[1:]:
            cells = {c: n for c, n in truth.items() if c[0] == split and c[2:] == (soort, value)}
            hidden = [c for c in cells if c not in shown]
            remainder = national - sum(shown[c] for c in cells if c in shown)
            assert remainder == sum(cells[c] for c in hidden)
            if len(hidden) == 1 or 0 < remainder < m:
                leaks.append(f"{split} {soort} {value}: {national} - shown = {remainder} in {hidden}")
    return leaks


def sums(truth: Mapping[Cell, int], leverancier_of: Mapping[str, str]) -> list[dict[Cell, int]]:
    """Every sum an analyst can write down over the cells (as coefficients, total −1), assuming
    the worst: that they know which groups use no value twice (a gemeente using two of a
    leverancier's applications, or two for the component, breaks the sum; the data tell)."""
    equations = []
    columns = {c[2:] for c in truth}
    for split in SPLITS[1:]:
        for soort, value in columns:
            equation = {c: 1 for c in truth if c[0] == split and c[2:] == (soort, value)}
            equation[(*NL, soort, value)] = -1
            equations.append(equation)
    groups = {c[:2] for c in truth}
    for splitsing, group in groups:
        mine = {c: n for c, n in truth.items() if c[:2] == (splitsing, group)}
        users = (splitsing, group, GEBRUIKERS, "")
        for soort in PERS:
            parts = [c for c in mine if c[2] == soort]
            if sum(mine[c] for c in parts) == mine[users]:
                equations.append({**dict.fromkeys(parts, 1), users: -1})
        by_lev = defaultdict(list)
        for c in mine:
            if c[2] == "APPLICATIE":
                by_lev[leverancier_of[c[3]]].append(c)
        for lev, parts in by_lev.items():
            total = (splitsing, group, "LEVERANCIER", lev)
            if sum(mine[c] for c in parts) == mine[total]:
                equations.append({**dict.fromkeys(parts, 1), total: -1})
    return equations


def determined(unknowns: Iterable[Cell], equations: list[dict[Cell, int]]) -> list[Cell]:
    """The unknowns that the equations fix to one value (exact elimination over the rationals)."""
    index = {c: i for i, c in enumerate(sorted(unknowns))}
    names = sorted(index, key=index.get)
    pivots: dict[int, dict[int, Fraction]] = {}
    for equation in equations:
        row = {index[c]: Fraction(k) for c, k in equation.items() if c in index}
        for col in [c for c in row if c in pivots]:
            factor = row.get(col, 0)
            for c, v in pivots[col].items():
                row[c] = row.get(c, 0) - factor * v
                if not row[c]:
                    del row[c]
        if not row:
            continue
        col = min(row)
        row = {c: v / row[col] for c, v in row.items()}
        for other in pivots.values():
            if col in other:
                factor = other[col]
                for c, v in row.items():
                    other[c] = other.get(c, 0) - factor * v
                    if not other[c]:
                        del other[c]
        pivots[col] = row
    return [names[col] for col, row in pivots.items() if len(row) == 1]


def worked_out(truth: Mapping[Cell, int], shown: Mapping[Cell, int], leverancier_of) -> list[Cell]:
    """The hidden non-zero cells that all sums together fix, given what is shown."""
    return determined((c for c in truth if c not in shown), sums(truth, leverancier_of))


def old_answers(truth: Mapping[Cell, int], raw: Raw, m: int) -> dict[Cell, int]:
    """What adoptie showed before the floor covered subtraction: every cell of at least m in a
    group of at least m gemeenten."""
    sizes = {s: raw.sizes(s) for s in SPLITS}
    return {c: n for c, n in truth.items() if n >= m and sizes[c[0]][c[1]] >= m}


def column_only(truth: Mapping[Cell, int], raw: Raw, m: int) -> dict[Cell, int]:
    """The design with the secondary rule across the groups of a split only, per value: the
    hidden part of a column 0 or at least m, else its smallest shown cell hidden too."""
    shown = old_answers(truth, raw, m)
    for split in SPLITS[1:]:
        for column in {c[2:] for c in truth}:
            cells = sorted((n, c) for c, n in truth.items() if c[0] == split and c[2:] == column)
            smallest = [c for n, c in cells if c in shown]
            if 0 < sum(n for n, c in cells if c not in shown) < m and smallest:
                del shown[smallest[0]]
    return shown


# --- adoptie -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def answers(raw: Raw, raadpleger: Api) -> dict[str, dict]:
    return {name: adoptie(raadpleger, c, M) for name, c in raw.pick().items()}


@pytest.mark.parametrize("name", COMPONENTS)
def test_adoptie_shows_true_figures_of_at_least_m_gemeenten(raw: Raw, answers, name: str) -> None:
    component = raw.pick()[name]
    truth = raw.cells(component)
    for (per, splitsing), groups in answers[name].items():
        sizes = raw.sizes(splitsing)
        assert [g["groep"] for g in groups] == sorted(g for g, n in sizes.items() if n >= M)
        for group in groups:
            key = (splitsing, group["groep"])
            assert group["gemeenten"] == sizes[group["groep"]]
            users = group["gemeentenMetComponent"]
            assert users is None or users == truth[(*key, GEBRUIKERS, "")] >= M
            values = {c[3]: n for c, n in truth.items() if c[:3] == (*key, per)}
            shown = {}
            for share in group["aandelen"]:
                value = (share["applicatie"] or share["leverancier"])["identificatie"]
                shown[value] = share["gemeenten"]
                assert share["gemeenten"] == values[value] >= M
                assert share["aandeel"] == pytest.approx(share["gemeenten"] / group["gemeenten"])
                if users is None:
                    assert share["aandeelOnderGebruikers"] is None
                else:
                    assert share["aandeelOnderGebruikers"] == pytest.approx(share["gemeenten"] / users)
            assert group["onderdrukt"] == len(values) - len(shown), "onderdrukt counts every hidden value"
            assert [s["gemeenten"] for s in group["aandelen"]] == sorted(shown.values(), reverse=True)


@pytest.mark.parametrize("name", COMPONENTS)
def test_adoptie_gives_no_hidden_figure_away(raw: Raw, answers, expected: Expected, name: str) -> None:
    truth = raw.cells(raw.pick()[name])
    shown = shown_cells(answers[name])
    assert subtraction_leaks(truth, shown, M) == []
    assert worked_out(truth, shown, expected.leverancier_of) == []


def test_the_seed_holds_what_the_old_answers_gave_away(raw: Raw, expected: Expected) -> None:
    """Before: a national figure minus a split's cells gave small cells exactly, in all four
    markets. With the secondary rule across the groups of a split only, the sums within a group
    (a leverancier's applications, the gebruikers) still fix hidden cells: the floor covers them."""
    by_subtraction, within_groups = {}, {}
    for name, component in raw.pick().items():
        truth = raw.cells(component)
        by_subtraction[name] = subtraction_leaks(truth, old_answers(truth, raw, M), M)
        shown = column_only(truth, raw, M)
        assert subtraction_leaks(truth, shown, M) == [], name
        within_groups[name] = worked_out(truth, shown, expected.leverancier_of)
    assert all(by_subtraction.values()), {k: len(v) for k, v in by_subtraction.items()}
    assert any(within_groups.values()), {k: len(v) for k, v in within_groups.items()}


def test_functioneel_beheer_sees_every_adoptie_figure_at_one(raw: Raw, api: Api) -> None:
    for component in raw.pick().values():
        truth = raw.cells(component)
        answers = adoptie(api, component, 1)
        assert shown_cells(answers) == truth
        assert all(g["onderdrukt"] == 0 for groups in answers.values() for g in groups)


def crossgroups(raw: Raw, component: str) -> list[drempel.Crossgroup]:
    """The usage of each province and size class, as graph_api reads it, from the raw rows."""
    members: dict[tuple[str, str], list[str]] = defaultdict(list)
    for cbs in raw.e.gemeenten:
        members[(raw.group(cbs, "PROVINCIE"), raw.group(cbs, "GROOTTEKLASSE"))].append(cbs)
    result = []
    for (provincie, klasse), gemeenten in sorted(members.items()):
        apps: Counter = Counter()
        levs: Counter = Counter()
        for cbs in gemeenten:
            used = raw.uses[component].get(cbs, set())
            apps.update(used)
            levs.update({raw.e.leverancier_of[a] for a in used})
        users = sum(bool(raw.uses[component].get(cbs)) for cbs in gemeenten)
        result.append(drempel.Crossgroup(provincie, klasse, drempel.Usage(len(gemeenten), users, apps, levs)))
    return result


def adoption_cells(raw: Raw, component: str, m: int, base: int | None) -> dict[Cell, int]:
    """What drempel.adoption shows for the component at m, every split and kind, as cells."""
    shown: dict[Cell, int] = {}
    usages = crossgroups(raw, component)
    for per in PERS:
        for splitsing in SPLITS:
            for group in drempel.adoption(usages, raw.e.leverancier_of, splitsing, per, m, base):
                assert raw.sizes(splitsing)[group.groep] >= m
                if group.gebruikers is not None:
                    shown[(splitsing, group.groep, GEBRUIKERS, "")] = group.gebruikers
                for value, n in group.waarden.items():
                    shown[(splitsing, group.groep, per, value)] = n
    return shown


def test_every_component_at_the_floor_gives_nothing_away(raw: Raw, expected: Expected) -> None:
    """The rule itself, over every component of the seed (and the four above at two more floors),
    without HTTP: the answers adoption() builds, checked by the analyst above."""
    picked = set(raw.pick().values())
    for m in (3, 5, 12):
        for component in sorted(c for c in raw.uses if m == M or c in picked):
            truth = raw.cells(component)
            shown = adoption_cells(raw, component, m, M)
            assert all(shown[c] == truth[c] >= m for c in shown), component
            assert subtraction_leaks(truth, shown, m) == [], (component, m)
            assert worked_out(truth, shown, expected.leverancier_of) == [], (component, m)


FLOORS = (6, 8)


def test_answers_at_higher_floors_show_nothing_the_answer_at_five_hides(
    raw: Raw, raadpleger: Api, answers
) -> None:
    """A raadpleger may ask any floor from 5: each answer shows a part of the one at 5, so all
    of them together show no more than it (and it gives nothing away)."""
    for name, component in raw.pick().items():
        at_five = shown_cells(answers[name]).items()
        for m in FLOORS:
            assert shown_cells(adoptie(raadpleger, component, m)).items() <= at_five, (name, m)
    coverage_at = {m: raadpleger.query(OVERZICHT, {"m": m}) for m in (M, *FLOORS)}
    markets_at = {m: raadpleger.query(MARKT, {"m": m}) for m in (M, *FLOORS)}
    for m in FLOORS:
        for splitsing in SPLITS:
            five = {(r["groep"], f): r[f] for r in coverage_at[M][splitsing] for f in FIGURES}
            higher = {(r["groep"], f): r[f] for r in coverage_at[m][splitsing] for f in FIGURES}
            assert all(v is None or five[k] == v for k, v in higher.items()), (splitsing, m)
        for per in PERS:
            five = {r["referentiecomponent"]["identificatie"]: r for r in markets_at[M][per]}
            for row in markets_at[m][per]:  # a market's index at m is over fewer providers, or none
                assert row["referentiecomponent"]["identificatie"] in five


def test_without_starting_from_five_higher_floors_would_give_cells_away(raw: Raw, expected: Expected) -> None:
    """The rule applied at each floor on its own picks other further cells at 6, 7 and 8 than
    at 5; together those answers fix cells of fewer than 5 gemeenten in the seed."""
    for component in sorted(c for c, users in raw.uses.items() if len(users) >= M):
        truth = raw.cells(component)
        union: dict[Cell, int] = {}
        for m in (5, 6, 7, 8):
            union.update(adoption_cells(raw, component, m, None))
        if any(truth[c] < M for c in worked_out(truth, union, expected.leverancier_of)):
            return
    pytest.fail("no component of the seed shows the need")


# --- marktconcentratie and leveranciersprofiel: national figures only --------------------------

MARKT = """query($m: Int!) {
  APPLICATIE: marktconcentratie(per: APPLICATIE, minimaleGroep: $m, first: 500) { ...f }
  LEVERANCIER: marktconcentratie(per: LEVERANCIER, minimaleGroep: $m, first: 500) { ...f } }
fragment f on Marktconcentratie { hhi aanbieders gemeenten grootsteAandeel referentiecomponent { identificatie } }"""


def hhi(counts: Iterable[int]) -> float | None:
    counts = list(counts)
    total = sum(counts)
    return sum((100 * n / total) ** 2 for n in counts) if total else None


def test_market_concentration_is_computed_from_what_adoptie_shows(raw: Raw, raadpleger: Api, answers) -> None:
    """The market figures are a function of the national figures adoptie shows (shares by
    gemeenten among the providers shown), so they give away nothing adoptie does not."""
    data = raadpleger.query(MARKT, {"m": M})
    for per in PERS:
        rows = {r["referentiecomponent"]["identificatie"]: r for r in data[per]}
        assert set(rows) == {c for c, users in raw.uses.items() if len(users) >= M}
        for component, row in rows.items():
            truth = raw.cells(component)
            providers = {c[3]: n for c, n in truth.items() if c[:3] == (*NL, per)}
            assert row["gemeenten"] == truth[(*NL, GEBRUIKERS, "")]
            assert row["aanbieders"] == len(providers)
        for name, component in raw.pick().items():
            national = answers[name][(per, "GEEN")][0]
            shown = [a["gemeenten"] for a in national["aandelen"]]
            row = rows[component]
            wanted = hhi(shown)
            assert row["hhi"] == (None if wanted is None else pytest.approx(wanted))
            largest = max(n for c, n in raw.cells(component).items() if c[:3] == (*NL, per))
            assert row["grootsteAandeel"] == (
                pytest.approx(largest / sum(shown)) if shown and max(shown) == largest else None
            )
            assert row["aanbieders"] == len(shown) + national["onderdrukt"]


def test_the_old_market_concentration_gave_small_providers_away(raw: Raw) -> None:
    """Before, the index summed every provider's squared share: with one provider below the
    floor, the index minus the shown providers' squares was that provider's square."""
    alone = [
        component
        for component, users in raw.uses.items()
        if len(users) >= M
        and sum(0 < n < M for c, n in raw.cells(component).items() if c[:3] == (*NL, "APPLICATIE")) == 1
    ]
    assert alone


def test_functioneel_beheer_gets_the_exact_index_at_one(raw: Raw, api: Api) -> None:
    data = api.query(MARKT, {"m": 1})
    for per in PERS:
        assert len(data[per]) == len(raw.uses)
        for row in data[per]:
            truth = raw.cells(row["referentiecomponent"]["identificatie"])
            counts = [n for c, n in truth.items() if c[:3] == (*NL, per)]
            assert row["hhi"] == pytest.approx(hhi(counts))
            assert row["grootsteAandeel"] == pytest.approx(max(counts) / sum(counts))


PROFIEL = """query($l: ID!, $m: Int!) { leveranciersprofiel(leverancier: $l, minimaleGroep: $m) {
  marktaandelen { gemeenten klanten aandeel referentiecomponent { identificatie } } } }"""


def _small_customer_bases(raw: Raw) -> dict[str, list[str]]:
    """Leveranciers → the markets (of at least M gemeenten) where they have 1 to M-1 customers."""
    small = defaultdict(list)
    for component, users in raw.uses.items():
        if len(users) >= M:
            for c, n in raw.cells(component).items():
                if c[:3] == (*NL, "LEVERANCIER") and n < M:
                    small[c[3]].append(component)
    return small


def national_leveranciers(client: Api, components: list[str]) -> dict[str, dict]:
    """adoptie's national group per leverancier for each component, 10 to a request (query cost)."""
    result = {}
    for start in range(0, len(components), 10):
        chunk = components[start : start + 10]
        fields = " ".join(
            f"c{i}: adoptie(referentiecomponent: $c{i}, per: LEVERANCIER) {{ groepen {{ gemeentenMetComponent "
            "onderdrukt aandelen { gemeenten leverancier { identificatie } } } }"
            for i in range(len(chunk))
        )
        variables = ", ".join(f"$c{i}: ID!" for i in range(len(chunk)))
        data = client.query(
            f"query({variables}) {{ {fields} }}",
            {f"c{i}": global_id("Referentiecomponent", c) for i, c in enumerate(chunk)},
        )
        result.update({c: data[f"c{i}"]["groepen"][0] for i, c in enumerate(chunk)})
    return result


@pytest.mark.parametrize("which", ["most-small-markets", "lev-0001"])
def test_a_leveranciers_market_shares_are_adoptie_figures(raw: Raw, raadpleger: Api, api: Api, which) -> None:
    small = _small_customer_bases(raw)
    lev = max(small, key=lambda lev: (len(small[lev]), lev)) if which != "lev-0001" else which
    components = {
        r["naar"] for r in raw.e.rows["seed/applicatie_realiseert"] if raw.e.leverancier_of[r["van"]] == lev
    }
    seen = raadpleger.query(PROFIEL, {"l": global_id("Leverancier", lev), "m": M})["leveranciersprofiel"]
    markets = {r["referentiecomponent"]["identificatie"]: r for r in seen["marktaandelen"]}
    assert set(markets) == {c for c in components if len(raw.uses[c]) >= M}
    nationally = national_leveranciers(raadpleger, sorted(markets))
    for component, row in markets.items():
        national = nationally[component]
        assert row["gemeenten"] == national["gemeentenMetComponent"] == len(raw.uses[component])
        shown = {a["leverancier"]["identificatie"]: a["gemeenten"] for a in national["aandelen"]}
        klanten = raw.cells(component).get((*NL, "LEVERANCIER", lev), 0)
        if lev in shown or not klanten:
            assert row["klanten"] == klanten and (not klanten or klanten >= M)
            assert row["aandeel"] == pytest.approx(klanten / row["gemeenten"])
        else:
            assert row["klanten"] is None and row["aandeel"] is None
    if which != "lev-0001":  # the issue's case: customers below the floor in a market above it
        assert {c for c in small[lev] if c in markets}
        assert all(markets[c]["klanten"] is None for c in small[lev] if c in markets)
    everything = api.query(PROFIEL, {"l": global_id("Leverancier", lev), "m": 1})["leveranciersprofiel"]
    assert {r["referentiecomponent"]["identificatie"]: r["klanten"] for r in everything["marktaandelen"]} == {
        c: raw.cells(c).get((*NL, "LEVERANCIER", lev), 0) for c in components if raw.uses[c]
    }


# --- standaardendekkingOverzicht ---------------------------------------------------------------

FIGURES = ("gemeenten", "koppelingen", "metVerplichteStandaard", "volgensVerplichteStandaard")


@pytest.fixture(scope="module")
def coverage(expected: Expected) -> dict[str, tuple[int, int, int]]:
    """Per gemeente with koppelingen: koppelingen, with a required standard, following one."""
    return {g: c for g, c in coverage_per_gemeente(expected).items() if g in expected.gemeenten}


def coverage_cells(raw: Raw, coverage, splitsing: str) -> tuple[dict[tuple, int], dict[tuple, int]]:
    """Per group and figure: its value, and the gemeenten it rests on."""
    values: dict[tuple, int] = Counter()
    weights: dict[tuple, int] = Counter()
    for cbs, (koppelingen, met, volgens) in coverage.items():
        group = raw.group(cbs, splitsing)
        for figure, value in zip(FIGURES, (1, koppelingen, met, volgens), strict=True):
            values[(group, figure)] += value
            weights[(group, figure)] += value > 0
    return values, weights


OVERZICHT = """query($m: Int!) {
  GEEN: standaardendekkingOverzicht(splitsing: GEEN, minimaleGroep: $m) { ...f }
  PROVINCIE: standaardendekkingOverzicht(splitsing: PROVINCIE, minimaleGroep: $m) { ...f }
  GROOTTEKLASSE: standaardendekkingOverzicht(splitsing: GROOTTEKLASSE, minimaleGroep: $m) { ...f } }
fragment f on Standaardendekkinggroep { groep gemeenten koppelingen metVerplichteStandaard volgensVerplichteStandaard dekking }"""


@pytest.mark.parametrize("m", [M, 7, 12])
def test_standards_coverage_shows_true_figures_and_gives_none_away(raw: Raw, coverage, raadpleger, m) -> None:
    data = raadpleger.query(OVERZICHT, {"m": m})
    national = {f: v for (_, f), v in coverage_cells(raw, coverage, "GEEN")[0].items()}
    for splitsing in SPLITS:
        values, weights = coverage_cells(raw, coverage, splitsing)
        rows = {r["groep"]: r for r in data[splitsing]}
        for group, row in rows.items():
            for figure in FIGURES:
                if row[figure] is not None:
                    assert row[figure] == values[(group, figure)]
                    assert weights[(group, figure)] >= m or not row[figure]
        if splitsing == "GEEN":
            continue
        groups = {g for g, _ in values}
        for figure in FIGURES:
            hidden = [g for g in groups if values[(g, figure)] and (g not in rows or rows[g][figure] is None)]
            shown = sum(rows[g][figure] for g in rows if rows[g][figure] is not None)
            remainder = national[figure] - shown
            assert len(hidden) != 1, (splitsing, figure, hidden)
            assert remainder == 0 or sum(weights[(g, figure)] for g in hidden) >= m, (splitsing, figure)


def test_the_old_standards_coverage_gave_a_province_away(raw: Raw, coverage) -> None:
    """Before, groups of fewer than minimaleGroep gemeenten with koppelingen were left out and the
    others shown whole: at 7, Flevoland alone was left out, so the national figures minus the
    others were Flevoland's."""
    values, _ = coverage_cells(raw, coverage, "PROVINCIE")
    left_out = [g for (g, f), n in values.items() if f == "gemeenten" and n < 7]
    assert len(left_out) == 1


def test_functioneel_beheer_sees_every_coverage_figure_at_one(raw: Raw, coverage, api: Api) -> None:
    data = api.query(OVERZICHT, {"m": 1})
    for splitsing in SPLITS:
        values, _ = coverage_cells(raw, coverage, splitsing)
        assert {(r["groep"], f): r[f] for r in data[splitsing] for f in FIGURES} == values


# --- koppelingsnetwerk -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pairs(expected: Expected) -> dict[tuple[str, str], set[str]]:
    """Application (or facility) pair → the gemeenten with a koppeling between them."""
    app_of = {g: row["applicatie"] for g, row in expected.gebruik_by_id.items()}
    found = defaultdict(set)
    for k in expected.koppelingen:
        owner = expected.gebruik_by_id[k["van"]]["organisatie"]
        if owner in expected.gemeenten:
            found[(app_of[k["van"]], app_of.get(k["naar"], k["naar"]))].add(owner)
    return found


NETWERK = """query($c: ID, $m: Int!) { koppelingsnetwerk(referentiecomponent: $c, minimaleGroep: $m, first: 500) {
  edges { source target aantal } nodes { id } } }"""


def _edges(data: dict) -> dict[tuple[str, str], int]:
    def key(gid: str) -> str:
        import base64

        return base64.b64decode(gid).decode().split(":", 1)[1]

    return {(key(e["source"]), key(e["target"])): e["aantal"] for e in data["koppelingsnetwerk"]["edges"]}


def test_the_koppelingen_network_shows_only_pairs_of_at_least_m(pairs, raadpleger: Api, api: Api) -> None:
    """Each pair's count stands alone: the answer has no total or sum over pairs (nodes carry
    no figures), so the floor on each pair is all there is to apply."""
    assert any(0 < len(g) < M for g in pairs.values()), "the seed has pairs below the floor"
    for component in (None, global_id("Referentiecomponent", ZAAKREGISTRATIE)):
        edges = _edges(raadpleger.query(NETWERK, {"c": component, "m": M}))
        assert edges and all(n == len(pairs[p]) >= M for p, n in edges.items())
    everything = _edges(api.query(NETWERK, {"c": None, "m": 1}))
    assert all(n == len(pairs[p]) for p, n in everything.items())
    assert (
        sorted(everything.values(), reverse=True)
        == sorted((len(g) for g in pairs.values()), reverse=True)[:500]
    )


# --- the rule on its own -----------------------------------------------------------------------


def test_the_rules_examples() -> None:
    assert doctest.testmod(drempel).failed == 0


def test_a_single_hidden_cell_takes_the_smallest_shown_one_with_it() -> None:
    """The issue's case: by size class 4 (hidden), 9, 12, 30; nationally 55."""
    cells = {("NL",): 55, ("KLEIN",): 4, ("MIDDEL",): 9, ("GROOT",): 12, ("ZEER_GROOT",): 30}
    parts = tuple(c for c in cells if c != ("NL",))
    assert drempel.suppress(cells, [drempel.Sum(parts, ("NL",))], 5) == {("KLEIN",), ("MIDDEL",)}
    assert drempel.suppress(cells, [drempel.Sum(parts, ("NL",))], 1) == set()
