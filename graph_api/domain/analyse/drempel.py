"""The group floor: which figures of an aggregate over gemeenten may be shown.

Plain functions over plain numbers (no GraphQL, no HTTP, no store), so that every answer and
export that shows these aggregates hides the same figures. docs/access.md, "The group floor",
states the rule for readers; this module is its one implementation.

An aggregate is a set of *cells*: figures keyed by tuples of strings, each with its value and
the number of gemeenten it rests on (its *weight*; for a count of gemeenten the value itself).
A `Sum` is an equation anyone can write down from what is shown: a value's national count is
the sum of its counts per province, a leverancier's count the sum of its applications' counts
where no gemeente uses two of them. Given the cells, the sums and the floor `m`:

1. **Primary**: a cell resting on 1 to m-1 gemeenten is hidden, and so is every cell the
   caller names (the figures of a group smaller than m).
2. **Secondary, sum by sum**: a sum may not hold exactly one hidden non-zero cell (it would
   equal the total minus the shown parts), and when its total is shown, its hidden parts
   together rest on 0 or at least m gemeenten. Otherwise the smallest shown part is hidden too
   (by weight, then value, then key), or the total when no part can be. A cell that shown
   fixed cells determine through a sum alone (pinned: an application used in one group only)
   is no secret and protects nothing, so it stays shown and is never the part hidden.
3. **No hidden cell is determined by all sums together**: the sums form a linear system over
   the hidden cells, solved exactly over the rationals. A hidden cell it determines gets one
   more cell of its sums hidden, and 2 and 3 run again until nothing changes.
4. **A higher floor hides more**: the aggregates below take `base`, the lowest floor most
   askers may choose (5); an answer at m above it starts from the cells hidden at `base`, so
   answers at several floors together show no more than the one at `base`.

The system of 3 is the worst case for the figures: an analyst who knows every sum (also the
ones that hold only because no gemeente uses two of the values) and which hidden cells are
zero. A hidden cell is undetermined when the hidden cells can shift along a cycle of sums
without changing anything shown; what remains is an interval, never a number.

>>> cells = {("NL",): 20, ("A",): 12, ("B",): 5, ("C",): 3}
>>> sorted(suppress(cells, [Sum((("A",), ("B",), ("C",)), ("NL",))], m=5))
[('B',), ('C',)]

C rests on 3 gemeenten; hiding it alone would leave it as 20 - 12 - 5, so B (the smallest
shown part) is hidden too: B + C = 8 is known, neither is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from math import gcd

Cell = tuple[str, ...]


class Unprotectable(Exception):
    """Hidden cells that the shown ones determine and that no further hiding can protect, since
    what determines them was fixed by another aggregate. Never expected: the aggregates here
    settle their national figures first, and their split figures can always be hidden."""


@dataclass(frozen=True, slots=True)
class Sum:
    """`total` = the sum of `parts`, as anyone can tell from the answers."""

    parts: tuple[Cell, ...]
    total: Cell

    def cells(self) -> tuple[Cell, ...]:
        return (*self.parts, self.total)


class _Table:
    """The cells, what is hidden so far, and the sums each cell is in."""

    def __init__(
        self,
        values: Mapping[Cell, int],
        sums: Sequence[Sum],
        m: int,
        weights: Mapping[Cell, int],
        hidden: set[Cell],
        fixed: frozenset[Cell],
    ):
        self.values, self.sums, self.m, self.weights = values, sums, m, weights
        self.hidden, self.fixed = hidden, fixed
        self.settled: set[tuple[tuple[int, ...], frozenset[Cell]]] = set()  # systems that fix nothing
        self.sums_of: dict[Cell, list[int]] = defaultdict(list)
        for index, s in enumerate(sums):
            for cell in s.cells():
                self.sums_of[cell].append(index)

    def unknown(self, cell: Cell) -> bool:
        """Hidden and not zero: a zero is no secret, even when it is not shown."""
        return cell in self.hidden and self.values[cell] > 0

    def order(self, cell: Cell) -> tuple[int, int, Cell]:
        return (self.weights[cell], self.values[cell], cell)

    def hideable(self, cells: Iterable[Cell]) -> list[Cell]:
        return sorted(
            (c for c in cells if c not in self.hidden and c not in self.fixed and self.values[c] > 0),
            key=self.order,
        )

    def violated(self, s: Sum) -> bool:
        unknown = [c for c in s.cells() if self.unknown(c)]
        if len(unknown) == 1:
            return True
        if not unknown or self.unknown(s.total):
            return False
        return 0 < sum(self.weights[c] for c in unknown) < self.m

    def repair(self, s: Sum) -> Cell | None:
        """The cell to hide so that `s` holds: its smallest shown part, else its total."""
        choice = self.hideable(s.parts) or self.hideable([s.total])
        return choice[0] if choice else None

    def settle(self, pending: Iterable[int]) -> None:
        """Rule 2 for the sums in `pending`, and again for every sum a newly hidden cell is in."""
        work = sorted(set(pending))
        queued = set(work)
        while work:
            index = work.pop()
            queued.discard(index)
            s = self.sums[index]
            if not self.violated(s):
                continue
            cell = self.repair(s)
            if cell is None:  # nothing left to hide here: rule 3 decides
                continue
            self.hidden.add(cell)
            for other in self.sums_of[cell]:
                if other not in queued:
                    queued.add(other)
                    work.append(other)

    def determined(self) -> dict[Cell, list[Cell]]:
        """The hidden non-zero cells the sums together determine (rule 3), each with the shown
        cells that, hidden too, would undo the combination of sums that determines it.

        Sums that share no hidden cell are independent systems: each is solved on its own (a
        leverancier's applications and their groups rarely touch another's), and a system
        solved before with the same hidden cells is not solved again."""
        unknown = {c for c in self.hidden if self.values[c] > 0}
        root: dict[Cell, Cell] = {}

        def find(c: Cell) -> Cell:
            while root[c] != c:
                root[c] = root[root[c]]
                c = root[c]
            return c

        hidden_in = []  # per sum, its hidden non-zero cells
        for s in self.sums:
            cells = [c for c in s.cells() if c in unknown]
            hidden_in.append(cells)
            for c in cells:
                root.setdefault(c, c)
            for c in cells[1:]:
                root[find(c)] = find(cells[0])
        systems: dict[Cell, list[int]] = defaultdict(list)
        for number, cells in enumerate(hidden_in):
            if cells:
                systems[find(cells[0])].append(number)
        result = {}
        for numbers in systems.values():
            result.update(self._solve(numbers, hidden_in))
        return result

    def _solve(self, numbers: list[int], hidden_in: list[list[Cell]]) -> dict[Cell, list[Cell]]:
        """Rule 3 for the sums numbered, which share their hidden cells with no other sum."""
        if len(numbers) == 1:  # one sum fixes a cell only when the cell is alone in it
            cells = hidden_in[numbers[0]]
            return {cells[0]: self.hideable(self.sums[numbers[0]].cells())} if len(cells) == 1 else {}
        unknowns = sorted({c for n in numbers for c in hidden_in[n]})
        key = (tuple(numbers), frozenset(unknowns))
        if key in self.settled:
            return {}
        index = {c: i for i, c in enumerate(unknowns)}
        rows = []
        for n in numbers:
            total = self.sums[n].total
            rows.append({index[c]: -1 if c == total else 1 for c in hidden_in[n]})
        if all(len(row) > 1 for row, _ in _reduce(rows, track=False).values()):
            self.settled.add(key)
            return {}  # the usual case, found without tracking the combinations
        result = {}
        for col, (row, combination) in sorted(_reduce(rows, track=True).items()):
            if len(row) > 1:
                continue
            coefficient: dict[Cell, int] = defaultdict(int)  # of each cell in the combination
            for number, factor in combination.items():
                s = self.sums[numbers[number]]
                for c in s.parts:
                    coefficient[c] += factor
                coefficient[s.total] -= factor
            result[unknowns[col]] = self.hideable(c for c, k in coefficient.items() if k)
        return result


Row = dict[int, int]


def _reduce(rows: Sequence[Row], *, track: bool) -> dict[int, tuple[Row, Row]]:
    """Gauss-Jordan elimination of sparse integer rows, exact and fraction-free: each pivot
    column → its row, reduced against every other pivot, and (with `track`) the combination of
    the given rows that row is (row number → factor). A row holding its pivot alone is a
    determined unknown."""
    pivots: dict[int, tuple[Row, Row]] = {}
    holding: dict[int, set[int]] = defaultdict(set)  # column → the pivots whose rows hold it
    for number, source in enumerate(rows):
        if not source:
            continue
        pair = (dict(source), {number: 1} if track else {})
        for col in [c for c in source if c in pivots]:
            pair = _eliminate(pair, pivots[col], col)
        if not pair[0]:
            continue
        col = min(pair[0])
        for other_col in sorted(holding.pop(col, ())):
            before = pivots[other_col][0]
            after = _eliminate(pivots[other_col], pair, col)
            pivots[other_col] = after
            for c in before.keys() - after[0].keys():
                holding[c].discard(other_col)
            for c in after[0].keys() - before.keys():
                holding[c].add(other_col)
        pivots[col] = pair
        for c in pair[0]:
            if c != col:
                holding[c].add(col)
    return pivots


def _eliminate(pair: tuple[Row, Row], pivot: tuple[Row, Row], col: int) -> tuple[Row, Row]:
    """`pair` with `col` removed by a multiple of `pivot`, divided by the gcd of its entries."""
    a, b = pivot[0][col], pair[0][col]
    result = []
    for mine, theirs in zip(pair, pivot, strict=True):
        combined = {c: a * v for c, v in mine.items()}
        for c, v in theirs.items():
            value = combined.get(c, 0) - b * v
            if value:
                combined[c] = value
            else:
                combined.pop(c, None)
        result.append(combined)
    divisor = 0
    for part in result:
        for value in part.values():
            divisor = gcd(divisor, value)
    if divisor > 1:
        result = [{c: v // divisor for c, v in part.items()} for part in result]
    return result[0], result[1]


def _pinned(
    values: Mapping[Cell, int], sums: Sequence[Sum], fixed: frozenset[Cell], hidden: set[Cell]
) -> frozenset[Cell]:
    """The cells not hidden from the start that shown fixed cells determine through the sums
    alone, one sum at a time, until no sum pins another."""
    pinned: set[Cell] = set()

    def known(c: Cell) -> bool:
        return values[c] == 0 or c in pinned or (c in fixed and c not in hidden)

    pending = list(sums)
    while pending:
        again = []
        for s in pending:
            open_cells = [c for c in s.cells() if not known(c)]
            if len(open_cells) == 1 and open_cells[0] not in hidden and open_cells[0] not in fixed:
                pinned.add(open_cells[0])
            elif len(open_cells) > 1:
                again.append(s)
        if len(again) == len(pending):
            break
        pending = again
    return frozenset(pinned)


def suppress(
    values: Mapping[Cell, int],
    sums: Sequence[Sum],
    m: int,
    *,
    weights: Mapping[Cell, int] | None = None,
    hidden: Iterable[Cell] = (),
    fixed: Iterable[Cell] = (),
) -> frozenset[Cell]:
    """The cells to hide under the floor `m` (see the module's docstring).

    `weights`: the gemeenten each cell rests on (default: its value). `hidden`: cells hidden
    whatever their size. `fixed`: cells whose fate was decided before (by another aggregate
    that shows them): hidden if in `hidden`, shown otherwise, never changed here.
    """
    weights = values if weights is None else weights
    fixed_cells = frozenset(fixed)
    start = set(hidden)
    if m > 1:
        start.update(c for c, w in weights.items() if c not in fixed_cells and values[c] > 0 and w < m)
    # A cell that a sum ties to figures shown already (an application used in one group only:
    # its figure there is its national one) is no secret and protects nothing: it stays shown,
    # and rule 2 hides another part in its stead.
    pinned = _pinned(values, sums, fixed_cells, start)
    table = _Table(values, sums, m, weights, start, fixed_cells | pinned)
    if m <= 1:
        return frozenset(table.hidden)
    table.settle(range(len(sums)))
    while True:
        determined = table.determined()
        if not determined:
            return frozenset(table.hidden)
        added = False
        for choice in determined.values():
            if choice and choice[0] not in table.hidden:
                table.hidden.add(choice[0])
                table.settle(table.sums_of[choice[0]])
                added = True
        if not added:  # nothing left to hide near them: only the cells fixed elsewhere
            raise Unprotectable(sorted(determined))


# --- adoption and markets ----------------------------------------------------------------------
#
# What the gemeenten use for one reference component, counted three ways at once: per
# application, per leverancier (a gemeente using two of its applications counts once) and as
# gebruikers (gemeenten using anything for it). A cell is keyed (splitsing, groep, soort,
# waarde): ("PROVINCIE", "Utrecht", "APPLICATIE", "app-00042"), ("GEEN", "NEDERLAND",
# "GEBRUIKERS", ""). The sums anyone can write down:
#
# - per split, per value: the national count is the sum of the groups' counts (always);
# - per group: a leverancier's count is the sum of its applications' counts, and the gebruikers
#   the sum of the applications' (or leveranciers') counts, where no gemeente of the group
#   uses two of them (the data tell; an analyst may know it).
#
# The national figures are settled first, from national counts alone (`national_hidden`), so
# that marktconcentratie and leveranciersprofiel, which show only national figures, hide
# exactly what adoptie hides; the split figures are settled after, both splits together, never
# hiding a national one. A market's size (the sum of its providers' counts) is no sum here:
# marktconcentratie's shares are of the providers shown, so that size is never revealed.

GEEN, NEDERLAND = "GEEN", "NEDERLAND"
SPLITS = ("PROVINCIE", "GROOTTEKLASSE")
APPLICATIE, LEVERANCIER, GEBRUIKERS = "APPLICATIE", "LEVERANCIER", "GEBRUIKERS"


@dataclass(frozen=True, slots=True)
class Usage:
    """What the gemeenten of one group use for one component."""

    gemeenten: int  # every gemeente of the group
    gebruikers: int  # those using anything for the component
    applicaties: Mapping[str, int]  # application → gemeenten using it
    leveranciers: Mapping[str, int]  # leverancier → gemeenten using one of its applications

    def count(self, soort: str) -> Mapping[str, int]:
        return self.applicaties if soort == APPLICATIE else self.leveranciers


@dataclass(frozen=True, slots=True)
class Crossgroup:
    """The gemeenten of one province and size class: every split's groups are unions of these."""

    provincie: str
    grootteklasse: str
    usage: Usage

    def group(self, splitsing: str) -> str:
        if splitsing == "PROVINCIE":
            return self.provincie
        return self.grootteklasse if splitsing == "GROOTTEKLASSE" else NEDERLAND


@dataclass(frozen=True, slots=True)
class ShownGroup:
    """One group of an adoptie answer, as it may be shown."""

    groep: str
    gemeenten: int
    gebruikers: int | None  # None: hidden
    waarden: dict[str, int]  # the shown values of the kind asked → gemeenten
    onderdrukt: int  # its hidden values (non-zero) of the kind asked


def merge(usages: Iterable[Usage]) -> Usage:
    """The usage of a union of disjoint groups of gemeenten."""
    gemeenten = gebruikers = 0
    applicaties: dict[str, int] = defaultdict(int)
    leveranciers: dict[str, int] = defaultdict(int)
    for usage in usages:
        gemeenten += usage.gemeenten
        gebruikers += usage.gebruikers
        for key, n in usage.applicaties.items():
            applicaties[key] += n
        for key, n in usage.leveranciers.items():
            leveranciers[key] += n
    return Usage(gemeenten, gebruikers, dict(applicaties), dict(leveranciers))


def _cells(splitsing: str, groep: str, usage: Usage) -> dict[Cell, int]:
    cells: dict[Cell, int] = {(splitsing, groep, GEBRUIKERS, ""): usage.gebruikers}
    for soort in (APPLICATIE, LEVERANCIER):
        for key, n in usage.count(soort).items():
            if n:
                cells[(splitsing, groep, soort, key)] = n
    return cells


def _group_sums(splitsing: str, groep: str, usage: Usage, leverancier_van: Mapping[str, str]) -> list[Sum]:
    """The sums within one group that its data make exact (no gemeente counted twice)."""
    sums = []
    users: Cell = (splitsing, groep, GEBRUIKERS, "")
    for soort in (APPLICATIE, LEVERANCIER):
        counts = {k: n for k, n in usage.count(soort).items() if n}
        if counts and sum(counts.values()) == usage.gebruikers:
            sums.append(Sum(tuple((splitsing, groep, soort, k) for k in sorted(counts)), users))
    per_leverancier: dict[str, list[str]] = defaultdict(list)
    for app, n in usage.applicaties.items():
        if n:
            per_leverancier[leverancier_van[app]].append(app)
    for lev, apps in sorted(per_leverancier.items()):
        if sum(usage.applicaties[a] for a in apps) == usage.leveranciers.get(lev, 0):
            parts = tuple((splitsing, groep, APPLICATIE, a) for a in sorted(apps))
            sums.append(Sum(parts, (splitsing, groep, LEVERANCIER, lev)))
    return sums


def _national(usage: Usage, leverancier_van: Mapping[str, str]) -> tuple[dict[Cell, int], list[Sum]]:
    return _cells(GEEN, NEDERLAND, usage), _group_sums(GEEN, NEDERLAND, usage, leverancier_van)


def national_hidden(
    usage: Usage, leverancier_van: Mapping[str, str], m: int, base: int | None = None
) -> frozenset[Cell]:
    """The national cells of one component to hide: the same for adoptie, marktconcentratie
    and leveranciersprofiel, as it depends on national counts only."""
    cells, sums = _national(usage, leverancier_van)
    start = national_hidden(usage, leverancier_van, base) if base is not None and m > base else ()
    return suppress(cells, sums, m, hidden=start)


def adoption(
    crossgroups: Sequence[Crossgroup],
    leverancier_van: Mapping[str, str],
    splitsing: str,
    per: str,
    m: int,
    base: int | None = None,
) -> list[ShownGroup]:
    """One adoptie answer: its groups (those of at least m gemeenten) with what may be shown.

    A split is settled together with the other split, so that asking both reveals no more than
    asking one, and around the national figures as `national_hidden` settled them.
    """
    national = merge(c.usage for c in crossgroups)
    groups: dict[tuple[str, str], Usage] = {(GEEN, NEDERLAND): national}
    if splitsing == GEEN:
        hidden = national_hidden(national, leverancier_van, m, base)
    else:
        for split in SPLITS:
            members: dict[str, list[Usage]] = defaultdict(list)
            for crossgroup in crossgroups:
                members[crossgroup.group(split)].append(crossgroup.usage)
            groups.update(((split, name), merge(usages)) for name, usages in members.items())
        hidden = _split_hidden(groups, leverancier_van, m, base)
    return [
        _shown(split, name, usage, per, hidden)
        for (split, name), usage in sorted(groups.items())
        if split == splitsing and usage.gemeenten >= m
    ]


def _split_hidden(
    groups: Mapping[tuple[str, str], Usage], leverancier_van: Mapping[str, str], m: int, base: int | None
) -> frozenset[Cell]:
    """The cells to hide in both splits, the national ones as `national_hidden` has them."""
    national = groups[(GEEN, NEDERLAND)]
    cells, sums = _national(national, leverancier_van)
    national_cells = frozenset(cells)
    small: set[Cell] = set()  # the cells of groups below the floor
    columns: dict[tuple[str, Cell], list[Cell]] = defaultdict(list)  # (split, national cell) → parts
    for (split, name), usage in sorted(groups.items()):  # the same answer whatever the order given
        if split == GEEN:
            continue
        group_cells = _cells(split, name, usage)
        cells.update(group_cells)
        sums.extend(_group_sums(split, name, usage, leverancier_van))
        if usage.gemeenten < m:
            small.update(group_cells)
        for cell, n in group_cells.items():
            if n:
                columns[(split, (GEEN, NEDERLAND, *cell[2:]))].append(cell)
    sums.extend(Sum(tuple(sorted(parts)), total) for (_, total), parts in sorted(columns.items()))
    hidden = national_hidden(national, leverancier_van, m, base) | small
    if base is not None and m > base:
        hidden |= _split_hidden(groups, leverancier_van, base, None)
    return suppress(cells, sums, m, hidden=hidden, fixed=national_cells)


def _shown(split: str, name: str, usage: Usage, per: str, hidden: frozenset[Cell]) -> ShownGroup:
    shown = {}
    onderdrukt = 0
    for key, n in usage.count(per).items():
        if n and (split, name, per, key) in hidden:
            onderdrukt += 1
        elif n:
            shown[key] = n
    users = usage.gebruikers
    return ShownGroup(
        groep=name,
        gemeenten=usage.gemeenten,
        gebruikers=None if not users or (split, name, GEBRUIKERS, "") in hidden else users,
        waarden=shown,
        onderdrukt=onderdrukt,
    )


@dataclass(frozen=True, slots=True)
class Concentration:
    """How concentrated one component's market is, over the providers that may be shown."""

    gemeenten: int  # gemeenten using anything for the component
    aanbieders: int  # providers (applications or leveranciers) with at least one gemeente
    hhi: float | None  # 0-10,000; None when no provider may be shown
    grootste_aandeel: float | None  # the largest provider's share, 0-1
    grootste: str | None  # who holds it (an application or leverancier id), when it may be shown


def concentration(
    usage: Usage, leverancier_van: Mapping[str, str], per: str, m: int, base: int | None = None
) -> Concentration | None:
    """The Herfindahl-Hirschman index of one component's market, or None when the market may
    not be shown (fewer than m gemeenten use the component).

    Shares are by gemeenten: a provider's share is the gemeenten using it over the sum of that
    count over the providers, each gemeente counted once per provider (the cells of adoptie).
    Only the providers adoptie shows nationally take part: the hidden ones are left out of the
    market altogether, not pooled, since a pool's size would be one more sum over the hidden
    figures. So the index describes the market above the floor, and is exact at m = 1.

    >>> usage = Usage(20, 14, {"a": 6, "b": 5, "c": 4}, {"x": 6, "y": 5, "z": 4})
    >>> round(concentration(usage, {"a": "x", "b": "y", "c": "z"}, APPLICATIE, 1).hhi, 1)
    3422.2
    >>> round(concentration(usage, {"a": "x", "b": "y", "c": "z"}, APPLICATIE, 5).hhi, 1)  # c hidden
    5041.3
    """
    hidden = national_hidden(usage, leverancier_van, m, base)
    if not usage.gebruikers or (GEEN, NEDERLAND, GEBRUIKERS, "") in hidden:
        return None
    counts = {k: n for k, n in usage.count(per).items() if n}
    shown = {k: n for k, n in counts.items() if (GEEN, NEDERLAND, per, k) not in hidden}
    total = sum(shown.values())
    # The largest provider, ties by id; named only when no hidden provider is as large.
    leader = min(shown, key=lambda k: (-shown[k], k)) if total else None
    if leader is not None and shown[leader] != max(counts.values()):
        leader = None
    return Concentration(
        gemeenten=usage.gebruikers,
        aanbieders=len(counts),
        hhi=sum((100 * n / total) ** 2 for n in shown.values()) if total else None,
        grootste_aandeel=shown[leader] / total if leader is not None else None,
        grootste=leader,
    )


@dataclass(frozen=True, slots=True)
class VendorShare:
    """A leverancier's place in one component's market, as it may be shown."""

    gemeenten: int  # gemeenten using anything for the component
    klanten: int | None  # of those, the ones using the leverancier's applications (None: hidden)
    aandeel: float | None


def vendor_share(
    usage: Usage, leverancier_van: Mapping[str, str], leverancier: str, m: int, base: int | None = None
) -> VendorShare | None:
    """A leverancier's customers in one component's market (None when the market may not be
    shown): the very figure adoptie shows for it nationally, hidden alike; none is 0, as a value
    no gemeente uses is no secret (adoptie simply does not list it)."""
    hidden = national_hidden(usage, leverancier_van, m, base)
    if not usage.gebruikers or (GEEN, NEDERLAND, GEBRUIKERS, "") in hidden:
        return None
    klanten = usage.leveranciers.get(leverancier, 0)
    if (GEEN, NEDERLAND, LEVERANCIER, leverancier) in hidden:
        return VendorShare(usage.gebruikers, None, None)
    return VendorShare(usage.gebruikers, klanten, klanten / usage.gebruikers)


# --- standards coverage ------------------------------------------------------------------------

COVERAGE_FIGURES = ("gemeenten", "koppelingen", "met_verplichte_standaard", "volgens_verplichte_standaard")


@dataclass(frozen=True, slots=True)
class Coverage:
    """The koppelingen of a group of gemeenten and how many follow a required standard, with
    the gemeenten each figure rests on."""

    gemeenten: int  # gemeenten with koppelingen
    koppelingen: int
    met_verplichte_standaard: int
    volgens_verplichte_standaard: int
    gemeenten_met: int  # gemeenten with a koppeling that has a required standard
    gemeenten_volgens: int  # gemeenten with a koppeling that follows one

    def weight(self, figure: str) -> int:
        if figure == "met_verplichte_standaard":
            return self.gemeenten_met
        return self.gemeenten_volgens if figure == "volgens_verplichte_standaard" else self.gemeenten


@dataclass(frozen=True, slots=True)
class ShownCoverage:
    gemeenten: int
    koppelingen: int | None
    met_verplichte_standaard: int | None
    volgens_verplichte_standaard: int | None


def coverage(
    groups: Mapping[str, Coverage], splitsing: str, m: int, base: int | None = None
) -> dict[str, ShownCoverage]:
    """standaardendekkingOverzicht: the groups of a split (for GEEN the one group NEDERLAND)
    whose count of gemeenten may be shown, with their figures, hidden ones None.

    Each figure of a group rests on the gemeenten that contribute to it (`Coverage.weight`)
    and sums over the groups to the national one, which is settled first and on its own (it is
    in every split's answer). A group whose count of gemeenten is hidden is left out with all
    its figures. The splits share no sum but the national figures, so each split is settled on
    its own.
    """
    national = merge_coverage(groups.values())
    values: dict[Cell, int] = {}
    weights: dict[Cell, int] = {}
    split = {} if splitsing == GEEN else {name: (splitsing, name) for name in groups}
    cells_of = [((GEEN, NEDERLAND), national), *((split[name], g) for name, g in groups.items() if split)]
    for prefix, group in cells_of:
        for figure in COVERAGE_FIGURES:
            values[(*prefix, figure)] = getattr(group, figure)
            weights[(*prefix, figure)] = group.weight(figure)
    sums = [
        Sum(tuple(sorted((*split[n], f) for n in groups if values[(*split[n], f)])), (GEEN, NEDERLAND, f))
        for f in COVERAGE_FIGURES
        if split
    ]
    hidden = _coverage_hidden(values, weights, sums, split, m, base)
    result = {}
    for name, group in sorted(groups.items()):
        prefix = split.get(name, (GEEN, NEDERLAND))
        if not group.gemeenten or (*prefix, "gemeenten") in hidden:
            continue
        shown = {f: None if (*prefix, f) in hidden else getattr(group, f) for f in COVERAGE_FIGURES[1:]}
        result[name] = ShownCoverage(group.gemeenten, **shown)
    return result


def _coverage_hidden(
    values: Mapping[Cell, int],
    weights: Mapping[Cell, int],
    sums: Sequence[Sum],
    split: Mapping[str, tuple[str, str]],
    m: int,
    base: int | None,
) -> frozenset[Cell]:
    """The national cells settled on their own, then the groups', a group whose gemeenten are
    hidden losing all its figures; from the cells hidden at `base` when m is above it."""
    national_cells = [(GEEN, NEDERLAND, f) for f in COVERAGE_FIGURES]
    below: Iterable[Cell] = ()
    if base is not None and m > base:
        below = _coverage_hidden(values, weights, sums, split, base, None)
    hidden = suppress(
        {c: values[c] for c in national_cells},
        [],
        m,
        weights={c: weights[c] for c in national_cells},
        hidden=[c for c in below if c[:2] == (GEEN, NEDERLAND)],
    )
    left_out: set[tuple[str, str]] = set()
    while split:
        also = {(*prefix, f) for prefix in left_out for f in COVERAGE_FIGURES}
        start = hidden | set(below) | also
        hidden = suppress(values, sums, m, weights=weights, hidden=start, fixed=national_cells)
        more = {p for p in split.values() if (*p, "gemeenten") in hidden} - left_out
        if not more:
            break
        left_out |= more
    return frozenset(hidden)


def merge_coverage(groups: Iterable[Coverage]) -> Coverage:
    totals = [0] * 6
    for group in groups:
        for i, value in enumerate(
            (group.gemeenten, group.koppelingen, group.met_verplichte_standaard,
             group.volgens_verplichte_standaard, group.gemeenten_met, group.gemeenten_volgens)
        ):  # fmt: skip
            totals[i] += value
    return Coverage(*totals)
