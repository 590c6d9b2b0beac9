"""The deterministic landscape generator: a market, usage and koppelingen on top of GEMMA.

Same seed, same scale, same rows: every random draw comes from a generator seeded with the
run's seed and the name of what is being drawn (a gemeente's landscape, one catalogue
copy), so the order in which parts are generated never changes the outcome.

`scale` makes that many copies of everything organisational: copy k > 0 has its own
gemeenten (CBS code with suffix `-k`), leveranciers, applications, samenwerkingen and
landscapes, on the one shared GEMMA.
"""

from __future__ import annotations

import bisect
import itertools
import math
import random
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial

from graph_api.seed.prevalentie import Prevalentie
from graph_api.seed.reference import GemeenteRecord, Reference
from graph_api.seed.settings import LandscapeSettings

PEILDATUM = date(2026, 6, 30)  # the generated landscape's "today", fixed for determinism
LANDSCAPE_CHUNK = 20  # gemeenten generated and written together


@dataclass(frozen=True)
class Step:
    stage: str
    gemeenten: int  # landscapes this step completes, for progress
    produce: Callable[[], list[Batch]]


@dataclass(frozen=True)
class Batch:
    """Rows for one seed query (cypher/seed/<query>.cypher), in load order."""

    stage: str
    query: str
    rows: list[dict]


@dataclass
class _App:
    id: str
    naam: str
    leverancier: str
    componenten: list[str]
    parent: str | None = None
    modules: list[str] = field(default_factory=list)
    versies: list[str] = field(default_factory=list)  # ids, oldest first
    in_gebruik: list[str] = field(default_factory=list)  # versions a gemeente can run
    versie_rows: list[dict] = field(default_factory=list)
    cloud: list[str] = field(default_factory=list)
    ondersteunt: dict[str, set[str]] = field(default_factory=dict)  # versie id → standaardversies
    diensten: list[str] = field(default_factory=list)


@dataclass
class _Catalogue:
    """One copy of the market: leveranciers, applications and who leads which component."""

    copy: int
    leveranciers: list[dict] = field(default_factory=list)
    apps: dict[str, _App] = field(default_factory=dict)
    diensten: list[dict] = field(default_factory=list)
    samenwerkingen: list[dict] = field(default_factory=list)
    leden: list[dict] = field(default_factory=list)  # DEELNEMER_VAN rows of the samenwerkingen
    market: dict[str, tuple[list[str], list[float]]] = field(
        default_factory=dict
    )  # comp → apps, cumulative market shares
    counter: Iterator[int] = field(default_factory=lambda: itertools.count(1))  # application numbers
    # (samenwerking, member CBS codes, components it registers usage of for its members)
    groups: list[tuple[str, list[str], frozenset[str]]] = field(default_factory=list)
    # gemeente → component → its primary application, in component order
    primary: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    # gemeente → component → samenwerking that registers the gemeente's usage
    registrations: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    migratie: dict[str, float] = field(default_factory=dict)  # kern comp → share of gemeenten migrating
    discipline: dict[str, float] = field(
        default_factory=dict
    )  # comp → chance a koppeling follows a required standard


@dataclass
class _Usage:
    id: str
    app: str
    componenten: list[str]
    status: str
    versie: str | None
    registered_by: str | None = None


class _Pool:
    """A market's primary systems as a shuffled deck of its quotas: dealt in turn, or one of a
    named product taken out of turn (a samenwerking's members choosing alike)."""

    def __init__(self, deck: list[str], rng: random.Random):
        rng.shuffle(deck)
        self.deck = deck
        self.position = 0
        self.left: dict[str, int] = defaultdict(int)
        for app in deck:
            self.left[app] += 1
        self.taken: dict[str, int] = defaultdict(int)  # cards of a product already taken out of turn

    def deal(self) -> str:
        while True:
            app = self.deck[self.position]
            self.position += 1
            if self.taken[app]:
                self.taken[app] -= 1
                continue
            self.left[app] -= 1
            return app

    def take(self, app: str) -> bool:
        if not self.left[app]:
            return False
        self.left[app] -= 1
        self.taken[app] += 1
        return True


def suffix(base: str, copy: int) -> str:
    return base if copy == 0 else f"{base}-{copy + 1}"


class LandscapeGenerator:
    def __init__(
        self,
        reference: Reference,
        settings: LandscapeSettings,
        *,
        seed: int,
        scale: int,
        landscapes: frozenset[str] | None = None,
    ):
        """`landscapes` limits usage and koppelingen to these CBS codes (for quick trials)."""
        if scale < 1:
            raise ValueError("scale must be at least 1")
        known = {g.cbs_code for g in reference.gemeenten}
        if landscapes is not None and not landscapes <= known:
            raise ValueError(f"unknown CBS codes: {', '.join(sorted(landscapes - known))}")
        self.ref = reference
        self.settings = settings
        self.seed = seed
        self.scale = scale
        self.landscapes = landscapes
        self._index_gemma()

    # -- public ---------------------------------------------------------------------------

    def steps(self) -> list[Step]:
        """The whole landscape as steps in load order; each step's batches are made when it runs.

        Steps must run in order: the market of a copy is drawn by its first step and used
        by the steps after it.
        """
        steps = [Step("GEMMA", 0, lambda: list(self.reference_batches()))]
        for copy in range(self.scale):
            steps.append(Step("aanbod", 0, partial(self._market_step, copy)))
            with_landscape = [
                g for g in self.ref.gemeenten if self.landscapes is None or g.cbs_code in self.landscapes
            ]
            for start in range(0, len(with_landscape), LANDSCAPE_CHUNK):
                chunk = with_landscape[start : start + LANDSCAPE_CHUNK]
                steps.append(Step("landschappen", len(chunk), partial(self._landscape_step, copy, chunk)))
        return steps

    def batches(self) -> Iterator[Batch]:
        for step in self.steps():
            yield from step.produce()

    def _market_step(self, copy: int) -> list[Batch]:
        self._catalogue_of_copy = self._catalogue(copy)
        return [
            *self._organisation_batches(copy),
            *self._catalogue_batches(self._catalogue_of_copy),
            *self._samenwerking_batches(self._catalogue_of_copy),
        ]

    def _landscape_step(self, copy: int, chunk: list[GemeenteRecord]) -> list[Batch]:
        cat = self._catalogue_of_copy
        assert cat.copy == copy, "steps run out of order"
        return list(self.landscape_batches(cat, [self._gemeente_row(g, copy) for g in chunk]))

    def gemeenten(self, copy: int) -> list[dict]:
        return [self._gemeente_row(g, copy) for g in self.ref.gemeenten]

    def reference_batches(self) -> Iterator[Batch]:
        for label, query in (
            ("Referentiecomponent", "seed/referentiecomponenten"),
            ("Standaard", "seed/standaarden"),
            ("Standaardversie", "seed/standaardversies"),
            ("BuitengemeentelijkeVoorziening", "seed/voorzieningen"),
            ("Applicatieservice", "seed/applicatieservices"),
            ("Bedrijfsfunctie", "seed/bedrijfsfuncties"),
        ):
            yield Batch("GEMMA", query, self.ref.nodes[label])
        for rel_type in sorted(self.ref.relations):
            yield Batch("GEMMA", f"seed/gemma_{rel_type.lower()}", self.ref.relations[rel_type])
        yield Batch(
            "organisaties",
            "seed/beheerorganisaties",
            [
                {
                    "id": "vng-realisatie",
                    "naam": "VNG Realisatie",
                    "status": "ACTIEF",
                    "beschrijving": "Beheerder van GEMMA en de Softwarecatalogus",
                    "website": "https://www.vngrealisatie.nl",
                }
            ],
        )

    # -- GEMMA lookups --------------------------------------------------------------------

    def _index_gemma(self) -> None:
        ref = self.ref
        self.componenten = [row["id"] for row in ref.nodes["Referentiecomponent"]]
        self.component_naam = {row["id"]: row["naam"] for row in ref.nodes["Referentiecomponent"]}
        label = ref.label_of
        self.flows: list[tuple[str, str]] = []
        self.voorziening_flows: list[tuple[str, str, str]] = []  # component, voorziening, richting
        for row in ref.relations.get("STROOMT_NAAR", []):
            van, naar = label[row["van"]], label[row["naar"]]
            if van == naar == "Referentiecomponent":
                self.flows.append((row["van"], row["naar"]))
            elif van == "Referentiecomponent" and naar == "BuitengemeentelijkeVoorziening":
                self.voorziening_flows.append((row["van"], row["naar"], "HEEN"))
            elif van == "BuitengemeentelijkeVoorziening" and naar == "Referentiecomponent":
                self.voorziening_flows.append((row["naar"], row["van"], "TERUG"))
        self.neighbours: dict[str, list[str]] = defaultdict(list)
        for van, naar in self.flows:
            if van != naar:
                self.neighbours[van].append(naar)
                self.neighbours[naar].append(van)

        self.standaarden_van: dict[str, dict[str, str | None]] = defaultdict(dict)
        for row in ref.relations.get("VEREIST", []):
            self.standaarden_van[row["van"]][row["naar"]] = row.get("rol")
        self.versies_van: dict[str, list[str]] = defaultdict(list)
        versie_label = {row["id"]: row.get("versie", "") for row in ref.nodes["Standaardversie"]}
        for row in ref.relations.get("VERSIE_VAN", []):
            self.versies_van[row["naar"]].append(row["van"])
        for versions in self.versies_van.values():
            versions.sort(key=lambda v: (_natural(versie_label[v]), v))

        voorziening = ref.named("BuitengemeentelijkeVoorziening")
        component = ref.named("Referentiecomponent")
        self.voorzieningen_van: dict[str, list[str]] = defaultdict(list)
        for comp_naam, names in self.settings.koppelingen["voorzieningen"].items():
            if comp_naam not in component:
                raise ValueError(f"landscape.toml: unknown referentiecomponent {comp_naam!r}")
            for name in names:
                if name not in voorziening:
                    raise ValueError(f"landscape.toml: unknown voorziening {name!r}")
                self.voorzieningen_van[component[comp_naam]["id"]].append(voorziening[name]["id"])
        self.hubs = []
        for name in self.settings.koppelingen["hubs"]:
            if name not in component:
                raise ValueError(f"landscape.toml: unknown hub component {name!r}")
            self.hubs.append(component[name]["id"])
        self.prevalentie = Prevalentie.of(
            self.settings.componenten,
            self.settings.gemeentekenmerken,
            [row["naam"] for row in ref.nodes["Referentiecomponent"]],
            {g.cbs_code for g in ref.gemeenten},
        )
        self.profiel = {cid: self.prevalentie.profielen[naam] for cid, naam in self.component_naam.items()}
        # Components GEMMA relates (flow, serving, aggregation, specialisation): what a suite may span.
        self.related: dict[str, set[str]] = defaultdict(set)
        for rel_type in ("STROOMT_NAAR", "BEDIENT", "AGGREGEERT", "SPECIALISATIE_VAN"):
            for row in ref.relations.get(rel_type, []):
                if (
                    row["van"] != row["naar"]
                    and label[row["van"]] == label[row["naar"]] == "Referentiecomponent"
                ):
                    self.related[row["van"]].add(row["naar"])
                    self.related[row["naar"]].add(row["van"])
        low = math.log(min(g.inwoners for g in ref.gemeenten))
        high = math.log(max(g.inwoners for g in ref.gemeenten))
        self.size = {g.cbs_code: (math.log(g.inwoners) - low) / (high - low) for g in ref.gemeenten}
        keywords = self.settings.markt["systeemsoftware_trefwoorden"]
        self.technisch = {
            cid for cid, naam in self.component_naam.items() if any(k in naam for k in keywords)
        }

    # -- the market -----------------------------------------------------------------------

    def _rng(self, *scope: object) -> random.Random:
        return random.Random("/".join(str(part) for part in (self.seed, *scope)))

    def _catalogue(self, copy: int) -> _Catalogue:
        m = self.settings.markt
        rng = self._rng("markt", copy)
        cat = _Catalogue(copy)
        cat.leveranciers = self._make_leveranciers(rng, copy)
        lev_ids = [lev["id"] for lev in cat.leveranciers]
        lev_weights = [lev["_gewicht"] for lev in cat.leveranciers]
        lev_cum = list(itertools.accumulate(lev_weights))

        self._markets(rng, cat, lev_ids, lev_cum)
        for product in list(cat.apps.values()):
            if rng.random() < m["module_kans"]:
                for i in range(rng.randint(1, m["modules_max"])):
                    module_id = suffix(f"app-{next(cat.counter):05d}", copy)
                    comp = rng.choice(product.componenten + self.neighbours.get(product.componenten[0], []))
                    module = _App(
                        module_id,
                        f"{product.naam} {_short(self.component_naam[comp])}" + (f" {i + 1}" if i else ""),
                        product.leverancier,
                        [comp],
                        parent=product.id,
                    )
                    cat.apps[module_id] = module
                    product.modules.append(module_id)
        for app in cat.apps.values():
            self._versions(rng, app)
            app.cloud = self._cloud(rng)
        cat.diensten = self._make_diensten(rng, cat, lev_ids, lev_cum)
        self._samenwerkingen(cat)
        self._allocate(cat)
        return cat

    def _markets(self, rng: random.Random, cat: _Catalogue, lev_ids: list[str], lev_cum: list[float]) -> None:
        """Per component a market of its stated structure: contending products of distinct
        leveranciers and a long tail of small products, with shares whose HHI over the
        leveranciers lies well inside the structure's range. A contender may be a product of a
        component GEMMA relates to this one (a suite) whose leverancier is not in this market yet."""
        m = self.settings.markt
        products_total = m["applicaties"] / (1 + m["module_kans"] * (1 + m["modules_max"]) / 2)
        sizes = {cid: rng.randint(*self.profiel[cid].markt.producten) for cid in self.componenten}
        tail_raw = {
            cid: rng.lognormvariate(0, 0.5) if self.profiel[cid].markt.staart else 0.0
            for cid in self.componenten
        }
        tail_scale = max(0.0, products_total - sum(sizes.values())) / sum(tail_raw.values())
        names = self._product_names(rng)
        for cid in self.componenten:
            contenders, tail = sizes[cid], round(tail_raw[cid] * tail_scale)
            leveranciers: set[str] = set()  # of the contenders: one product each
            apps: list[str] = []
            for rank in range(contenders + tail):
                suite = None
                if rank < contenders and rng.random() < m["suite_kans"]:
                    candidates = [
                        app
                        for other in sorted(self.related.get(cid, ()))
                        for app in cat.market.get(other, ([], []))[0][: sizes[other]]
                        if cat.apps[app].leverancier not in leveranciers
                        and len(cat.apps[app].componenten) < 3
                        and cid not in cat.apps[app].componenten
                        and all(cid in self.related.get(c, ()) for c in cat.apps[app].componenten)
                    ]
                    suite = rng.choice(candidates) if candidates else None
                if suite is not None:
                    cat.apps[suite].componenten.append(cid)
                    app_id = suite
                else:
                    # The tail's small products come from anyone, a contender's second line too.
                    lev = lev_ids[bisect.bisect_left(lev_cum, rng.random() * lev_cum[-1])]
                    while rank < contenders and lev in leveranciers:
                        lev = lev_ids[rng.randrange(len(lev_ids))]
                    app_id = suffix(f"app-{next(cat.counter):05d}", cat.copy)
                    cat.apps[app_id] = _App(app_id, next(names), lev, [cid])
                if rank < contenders:
                    leveranciers.add(cat.apps[app_id].leverancier)
                apps.append(app_id)
            owners = [cat.apps[app].leverancier for app in apps]
            weights = _shares(rng, self.profiel[cid].markt.hhi, contenders, tail, owners)
            cat.market[cid] = (apps, list(itertools.accumulate(weights)))

    def _allocate(self, cat: _Catalogue) -> None:
        """Who uses each component and which product is their primary system.

        Kern components go to every gemeente, gangbaar ones to a share that grows with size,
        niche ones only where the gemeente's property holds. The primary systems are dealt out
        in exactly the market's shares (so its concentration is the stated one, not a sample
        of it), members of a samenwerking first: the components it registers all get the same
        product, others often do.
        """
        s = self.settings.samenwerkingen
        for cid in self.componenten:
            rng = self._rng("prevalentie", cat.copy, cid)
            profiel = self.profiel[cid]
            aandeel = rng.uniform(*profiel.aandeel)
            cat.migratie[cid] = rng.uniform(*self.prevalentie.migratie) if profiel.klasse == "kern" else 0.0
            cat.discipline[cid] = rng.uniform(*self.settings.koppelingen["standaard_discipline"])
            registering = {gid for _, members, shared in cat.groups if cid in shared for gid in members}
            users = []
            for g in self.ref.gemeenten:
                gid = suffix(g.cbs_code, cat.copy)
                if not self.prevalentie.geldt_voor(profiel, g.cbs_code, g.inwoners):
                    continue
                if profiel.klasse == "niche":
                    chance = aandeel
                else:
                    chance = aandeel * (0.55 + 0.9 * self.size[g.cbs_code])
                if profiel.klasse == "kern" or gid in registering or rng.random() < chance:
                    users.append(gid)
            apps, cum = cat.market[cid]
            shares = [b - a for a, b in zip([0.0, *cum], cum, strict=False)]
            owners = [cat.apps[app].leverancier for app in apps]
            quotas = _quotas(shares, len(users), profiel.markt.hhi, owners)
            pool = _Pool([app for app, quota in zip(apps, quotas, strict=True) for _ in range(quota)], rng)
            present = set(users)
            for sid, members, shared in cat.groups:
                here = [gid for gid in members if gid in present and cid not in cat.primary[gid]]
                if not here or (cid not in shared and (len(here) < 2 or rng.random() >= s["gelijk_kans"])):
                    continue
                app = pool.deal()
                for gid in here:
                    if gid != here[0] and not pool.take(app):
                        continue
                    cat.primary[gid][cid] = app
                    if cid in shared:
                        cat.registrations[gid][cid] = sid
            for gid in users:
                if cid not in cat.primary[gid]:
                    cat.primary[gid][cid] = pool.deal()

    def _make_leveranciers(self, rng: random.Random, copy: int) -> list[dict]:
        m, namen = self.settings.markt, self.settings.namen
        pairs = [(s, a) for s in namen["leverancier_stam"] for a in namen["leverancier_achtervoegsel"]]
        rng.shuffle(pairs)
        rows = []
        for i in range(m["leveranciers"]):
            stam, achter = pairs[i % len(pairs)]
            naam = f"{stam}{achter} {rng.choice(namen['rechtsvorm'])}"
            if i >= len(pairs):
                naam += f" {i // len(pairs) + 1}"
            if copy:
                naam += f" ({copy + 1})"
            dienstverlener = rng.random() < m["dienstverleners_aandeel"]
            weight = rng.paretovariate(m["leverancier_pareto_alpha"]) * (0.15 if dienstverlener else 1.0)
            slug = re.sub(r"[^a-z0-9]+", "", f"{stam}{achter}".lower())
            rows.append(
                {
                    "id": suffix(f"lev-{i + 1:04d}", copy),
                    "naam": naam,
                    "status": "CONCEPT" if rng.random() < 0.03 else "ACTIEF",
                    "kvkNummer": f"{rng.randrange(10_000_000, 99_999_999)}",
                    "website": f"https://www.{slug}.nl",
                    "beschrijving": (
                        "Implementatiepartner en dienstverlener voor gemeenten"
                        if dienstverlener
                        else "Leverancier van software voor gemeenten"
                    ),
                    "aangemaakt": _instant(rng, 2015, 2025),
                    "_gewicht": weight,
                    "_dienstverlener": dienstverlener,
                }
            )
        return rows

    def _product_names(self, rng: random.Random) -> Iterator[str]:
        namen = self.settings.namen
        combos = [(s, a) for s in namen["product_stam"] for a in namen["product_achtervoegsel"]]
        rng.shuffle(combos)
        for round_ in itertools.count(1):
            for stam, achter in combos:
                yield f"{stam}{achter}" if round_ == 1 else f"{stam}{achter} {round_}"

    def _versions(self, rng: random.Random, app: _App) -> None:
        m = self.settings.markt
        count = rng.randint(m["versies_min"], m["versies_max"])
        major = rng.randint(1, 9)
        released = PEILDATUM - timedelta(days=rng.randint(200, 2400))
        for i in range(count):
            app.versies.append(f"{app.id}-v{i + 1}")
            app.ondersteunt[app.versies[-1]] = set()
        rows = app.versie_rows
        for i, vid in enumerate(app.versies):
            newest = i == len(app.versies) - 1
            status = "IN_GEBRUIK" if newest or i == len(app.versies) - 2 else "EINDE_ONDERSTEUNING"
            row = {
                "id": vid,
                "versie": f"{major + i}.{rng.randint(0, 9)}",
                "status": status,
                "releaseDatum": released.isoformat(),
            }
            if status == "EINDE_ONDERSTEUNING":
                row["eindeOndersteuning"] = (released + timedelta(days=rng.randint(400, 900))).isoformat()
            rows.append(row)
            if status == "IN_GEBRUIK":
                app.in_gebruik.append(vid)
            released += timedelta(days=rng.randint(120, 500))
            if released > PEILDATUM:
                released = PEILDATUM - timedelta(days=rng.randint(1, 60))
        if rng.random() < 0.08:
            vid = f"{app.id}-v{len(app.versies) + 1}"
            app.versies.append(vid)
            app.ondersteunt[vid] = set()
            rows.append({"id": vid, "versie": f"{major + len(rows)}.0", "status": "IN_ONTWIKKELING"})
        # Newer versions of the application support newer versions of each standard.
        for comp in app.componenten:
            for std, rol in self.standaarden_van.get(comp, {}).items():
                versions = self.versies_van.get(std)
                if not versions or rng.random() > (0.85 if rol == "VERPLICHT" else 0.4):
                    continue
                for i, vid in enumerate(app.versies):
                    position = (i + 1) / len(app.versies)
                    idx = min(len(versions) - 1, int(position * len(versions)))
                    app.ondersteunt[vid].add(versions[idx])

    def _cloud(self, rng: random.Random) -> list[str]:
        models = [
            m
            for m, p in (("ON_PREMISES", 0.55), ("IAAS", 0.1), ("PAAS", 0.12), ("SAAS", 0.6))
            if rng.random() < p
        ]
        return models or ["SAAS"]

    def _make_diensten(
        self, rng: random.Random, cat: _Catalogue, lev_ids: list[str], lev_cum: list[float]
    ) -> list[dict]:
        m = self.settings.markt
        types = [
            "FUNCTIONEEL_BEHEER",
            "APPLICATIEBEHEER",
            "TECHNISCH_BEHEER",
            "HOSTING",
            "IMPLEMENTATIE",
            "OPLEIDING",
            "LICENTIE_RESELLER",
        ]
        type_weights = [10, 14, 12, 18, 22, 14, 10]
        type_label = {t: t.replace("_", " ").lower() for t in types}
        own: dict[str, list[str]] = defaultdict(list)
        for app in cat.apps.values():
            if app.parent is None:
                own[app.leverancier].append(app.id)
        popular = sorted(cat.apps, key=lambda a: a)  # stable base for draws on others' products
        dienstverleners = [lev["id"] for lev in cat.leveranciers if lev["_dienstverlener"]]
        rows = []
        total = round(m["diensten_per_applicatie"] * len(cat.apps))
        for i in range(total):
            if dienstverleners and rng.random() < 0.35:
                lev = rng.choice(dienstverleners)
            else:
                lev = lev_ids[bisect.bisect_left(lev_cum, rng.random() * lev_cum[-1])]
            dtype = rng.choices(types, type_weights)[0]
            if own[lev] and rng.random() < 0.7:
                apps = rng.sample(own[lev], min(len(own[lev]), rng.randint(1, 3)))
            else:
                apps = rng.sample(popular, rng.randint(1, 4))
            did = suffix(f"dst-{i + 1:05d}", cat.copy)
            first = cat.apps[apps[0]].naam
            rows.append(
                {
                    "id": did,
                    "naam": f"{type_label[dtype].capitalize()} {first}" + (" e.a." if len(apps) > 1 else ""),
                    "type": dtype,
                    "beschrijving": f"{type_label[dtype].capitalize()} voor {len(apps)} applicatie(s)",
                    "_leverancier": lev,
                    "_apps": sorted(apps),
                }
            )
            for app_id in apps:
                cat.apps[app_id].diensten.append(did)
        return rows

    def _catalogue_batches(self, cat: _Catalogue) -> Iterator[Batch]:
        m = self.settings.markt
        rng = self._rng("aanbod", cat.copy)
        leveranciers = [_public(lev) for lev in cat.leveranciers]
        yield Batch("aanbod", "seed/leveranciers", leveranciers)
        realiseert: list[dict[str, str]] = []
        apps, versies, ondersteunt, modules = [], [], [], []
        for app in cat.apps.values():
            technisch = any(c in self.technisch for c in app.componenten)
            open_source = rng.random() < m["open_source_aandeel"]
            parent_name = cat.apps[app.parent].naam if app.parent else None
            apps.append(
                {
                    "leverancier": app.leverancier,
                    "eigenschappen": {
                        "id": app.id,
                        "naam": app.naam,
                        "beschrijving": (
                            f"Module van {parent_name} voor " if parent_name else "Toepassing voor "
                        )
                        + ", ".join(self.component_naam[c].lower() for c in app.componenten),
                        "type": "SYSTEEMSOFTWARE" if technisch else "APPLICATIE",
                        "licentietype": "OPEN_SOURCE" if open_source else "CLOSED_SOURCE",
                        "licentie": rng.choice(["EUPL-1.2", "AGPL-3.0", "MIT"])
                        if open_source
                        else "Commercieel",
                        "cloudModellen": app.cloud,
                        "hostingLocatie": rng.choices(["Nederland", "EU", "VS"], [70, 25, 5])[0],
                        "jurisdictie": rng.choices(["NL", "EU", "VS"], [75, 20, 5])[0],
                        "status": "CONCEPT" if rng.random() < 0.02 else "ACTIEF",
                    },
                }
            )
            realiseert.extend({"van": app.id, "naar": comp} for comp in app.componenten)
            for row in app.versie_rows:
                versies.append({"applicatie": app.id, "eigenschappen": row})
            for vid in app.versies:
                for sv in sorted(app.ondersteunt[vid]):
                    bewijs = f"https://compliancy.example.nl/{app.id}/{sv}" if rng.random() < 0.5 else None
                    ondersteunt.append({"van": vid, "naar": sv, "bewijs": bewijs})
            if app.parent:
                modules.append({"van": app.id, "naar": app.parent})
        yield Batch("aanbod", "seed/applicaties", apps)
        yield Batch("aanbod", "seed/onderdeel_van", modules)
        yield Batch("aanbod", "seed/applicatie_realiseert", realiseert)
        yield Batch("aanbod", "seed/versies", versies)
        yield Batch("aanbod", "seed/ondersteunt", ondersteunt)
        diensten = [{"leverancier": d["_leverancier"], "eigenschappen": _public(d)} for d in cat.diensten]
        yield Batch("aanbod", "seed/diensten", diensten)
        yield Batch(
            "aanbod",
            "seed/dienst_bij",
            [{"van": d["id"], "naar": app} for d in cat.diensten for app in d["_apps"]],
        )

    # -- organisations --------------------------------------------------------------------

    def _gemeente_row(self, g: GemeenteRecord, copy: int) -> dict:
        rng = self._rng("gemeente", g.cbs_code, copy)
        slug = re.sub(r"[^a-z0-9]+", "", g.naam.lower())
        return {
            "id": suffix(g.cbs_code, copy),
            "cbsCode": suffix(g.cbs_code, copy),
            "naam": g.naam if copy == 0 else f"{g.naam} ({copy + 1})",
            "status": "ACTIEF",
            "provincie": g.provincie,
            "inwoners": g.inwoners,
            "oppervlakteKm2": g.oppervlakte_km2,
            "website": f"https://www.{slug}.nl",
            "beschrijving": f"Gemeente {g.naam} in {g.provincie}",
            "aangemaakt": _instant(rng, 2014, 2016),
        }

    def _organisation_batches(self, copy: int) -> Iterator[Batch]:
        yield Batch("organisaties", "seed/gemeenten", self.gemeenten(copy))
        pairs = sorted(
            {
                tuple(sorted((suffix(g.cbs_code, copy), suffix(buur, copy))))
                for g in self.ref.gemeenten
                for buur in g.buren
            }
        )
        yield Batch("organisaties", "seed/grenst_aan", [{"van": a, "naar": b} for a, b in pairs])
        rng = self._rng("communities", copy)
        communities = [
            {
                "id": suffix(f"com-{i + 1:02d}", copy),
                "naam": naam if copy == 0 else f"{naam} ({copy + 1})",
                "status": "ACTIEF",
                "beschrijving": f"{naam}: kennisdeling tussen gemeenten en leveranciers",
            }
            for i, naam in enumerate(self.settings.communities["namen"])
        ]
        yield Batch("organisaties", "seed/communities", communities)
        kans = self.settings.communities["deelname_kans"]
        deelname = [
            {"van": suffix(g.cbs_code, copy), "naar": c["id"], "sinds": _day(rng, 2016, 2026)}
            for g in self.ref.gemeenten
            for c in communities
            if rng.random() < kans
        ]
        yield Batch("organisaties", "seed/deelnemer_van", deelname)

    def _samenwerkingen(self, cat: _Catalogue) -> None:
        """Neighbouring gemeenten grouped into samenwerkingen; some register shared usage."""
        s, copy = self.settings.samenwerkingen, cat.copy
        rng = self._rng("samenwerkingen", copy)
        by_code = {g.cbs_code: g for g in self.ref.gemeenten}
        # Samenwerkingen share the systems everyone has, never a niche one.
        common = [
            c
            for c in self.componenten
            if self.profiel[c].klasse == "kern" or self.profiel[c].aandeel[0] >= 0.45
        ]
        for i in range(s["aantal"]):
            start = rng.choice(self.ref.gemeenten)
            size = rng.randint(s["leden_min"], s["leden_max"])
            members, frontier = [start.cbs_code], list(start.buren)
            while frontier and len(members) < size:
                code = frontier.pop(rng.randrange(len(frontier)))
                if code not in members:
                    members.append(code)
                    frontier.extend(b for b in by_code[code].buren if b not in members)
            sid = suffix(f"sam-{i + 1:02d}", copy)
            naam = "Samenwerking " + "-".join(by_code[c].naam for c in members[:2])
            if len(members) > 2:
                naam += " e.o."
            if copy:
                naam += f" ({copy + 1})"
            cat.samenwerkingen.append(
                {
                    "id": sid,
                    "naam": naam,
                    "status": "ACTIEF",
                    "grondslag": rng.choice(
                        [
                            "Gemeenschappelijke regeling",
                            "Centrumgemeenteconstructie",
                            "Bedrijfsvoeringsorganisatie",
                        ]
                    ),
                    "beschrijving": f"Samenwerking van {len(members)} gemeenten",
                    "aangemaakt": _instant(rng, 2012, 2024),
                }
            )
            cat.leden.extend(
                {"van": suffix(c, copy), "naar": sid, "sinds": _day(rng, 2012, 2025)} for c in sorted(members)
            )
            shared: frozenset[str] = frozenset()
            if rng.random() < s["registreert_kans"]:
                shared = frozenset(rng.sample(common, rng.randint(*s["gedeelde_componenten"])))
            cat.groups.append((sid, [suffix(c, copy) for c in members], shared))

    def _samenwerking_batches(self, cat: _Catalogue) -> Iterator[Batch]:
        yield Batch("organisaties", "seed/samenwerkingen", cat.samenwerkingen)
        yield Batch("organisaties", "seed/deelnemer_van", cat.leden)

    # -- landscapes -----------------------------------------------------------------------

    def landscape_batches(self, cat: _Catalogue, gemeenten: Sequence[dict]) -> Iterator[Batch]:
        out: dict[str, list[dict]] = defaultdict(list)
        for gemeente in gemeenten:
            self._landscape(cat, gemeente, out)
        for query in (
            "seed/gebruik",
            "seed/gebruik_versie",
            "seed/gebruik_voor",
            "seed/gebruik_neemt_af",
            "seed/registreert",
            "seed/koppelingen",
            "seed/koppelingen_voorziening",
            "seed/koppeling_volgens",
            "seed/koppeling_via",
        ):
            yield Batch("landschappen", query, out[query])
        koppelingen = out["seed/koppelingen"] + out["seed/koppelingen_voorziening"]
        yield Batch(
            "landschappen", "koppeling/standaarden", [{"id": k["eigenschappen"]["id"]} for k in koppelingen]
        )

    def _target_size(self, rng: random.Random, cbs_code: str) -> int:
        """How many applications a gemeente runs: growing with the logarithm of its inhabitants,
        with the log-normal spread of real landscapes (history, ambition, shared services)."""
        g = self.settings.gebruik
        size = self.size[cbs_code]
        target = g["min_applicaties"] + (g["max_applicaties"] - g["min_applicaties"]) * size**1.6
        target *= rng.lognormvariate(0, g["spreiding"])
        return max(g["min_applicaties"], min(g["max_applicaties"], round(target)))

    def _landscape(self, cat: _Catalogue, gemeente: dict, out: dict[str, list[dict]]) -> None:
        gid = gemeente["id"]
        cbs_code = gid.split("-")[0]
        rng = self._rng("landschap", gid)
        target = self._target_size(rng, cbs_code)
        usages: dict[str, _Usage] = {}  # app id → usage
        by_component: dict[str, list[_Usage]] = defaultdict(list)
        counter = itertools.count(1)
        statuses = self.settings.gebruik["status_gewichten"]
        running = {status: statuses[status] for status in ("IN_PRODUCTIE", "UIT_TE_FASEREN")}
        migrating = {status: statuses[status] for status in ("GEPLAND", "VERWERVING")}

        def draw(weights: dict[str, int]) -> str:
            return rng.choices(list(weights), list(weights.values()))[0]

        def use(app_id: str, comp: str, status: str, registered_by: str | None = None) -> _Usage:
            usage = usages.get(app_id)
            if usage is None:
                current = cat.apps[app_id].in_gebruik
                usage = _Usage(
                    id=f"geb-{gid}-{next(counter):04d}",
                    app=app_id,
                    componenten=[],
                    status=status,
                    versie=rng.choice(current) if current and rng.random() < 0.9 else None,
                    registered_by=registered_by,
                )
                usages[app_id] = usage
            if comp not in usage.componenten:
                usage.componenten.append(comp)
                by_component[comp].append(usage)
            return usage

        def pick(comp: str) -> str | None:
            apps, cum = cat.market[comp]
            for _ in range(8):
                app = apps[bisect.bisect_left(cum, rng.random() * cum[-1])]
                if app not in usages:
                    return app
            return None

        # The primary systems: running, and a kern component's the only one it has.
        registered = cat.registrations.get(gid, {})
        for comp, app in cat.primary[gid].items():
            kern = self.profiel[comp].klasse == "kern"
            use(app, comp, "IN_PRODUCTIE" if kern else draw(running), registered.get(comp))
        # Migrations: a kern component's successor acquired or planned beside the one phased out.
        for comp, app in cat.primary[gid].items():
            if rng.random() < cat.migratie[comp] and (successor := pick(comp)):
                usages[app].status = "UIT_TE_FASEREN"
                use(successor, comp, draw(migrating))
        # Modules of the products in use, for what they already serve; and more applications
        # where the market is fragmented (departments with their own tools), never for a kern
        # component and only for components the gemeente uses at all.
        module_kans = self.settings.gebruik["module_kans"]
        for app_id in list(usages):
            for module in cat.apps[app_id].modules:
                comp = cat.apps[module].componenten[0]
                if (
                    self.profiel[comp].klasse != "kern"
                    and by_component.get(comp)
                    and (
                        self.profiel[comp].markt.naam == "gefragmenteerd"
                        or any(
                            cat.apps[u.app].leverancier == cat.apps[module].leverancier
                            for u in by_component[comp]
                        )
                    )
                    and rng.random() < module_kans
                ):
                    use(module, comp, draw(statuses))
        open_markets = [
            comp
            for comp in cat.primary[gid]
            if self.profiel[comp].klasse != "kern" and self.profiel[comp].markt.naam == "gefragmenteerd"
        ]
        per_component = 3 + round(self.settings.gebruik["extra_per_component"] * self.size[cbs_code])
        attempts = 0
        while open_markets and len(usages) < target and attempts < target * 20:
            attempts += 1
            comp = rng.choice(open_markets)
            if len(by_component[comp]) >= per_component:
                continue
            if extra := pick(comp):
                use(extra, comp, draw(statuses))

        self._usage_rows(cat, gid, usages.values(), rng, out)
        self._koppelingen(cat, gid, usages, by_component, rng, out)

    def _usage_rows(
        self, cat: _Catalogue, gid: str, usages, rng: random.Random, out: dict[str, list[dict]]
    ) -> None:
        for usage in usages:
            app = cat.apps[usage.app]
            start = PEILDATUM - timedelta(days=rng.randint(30, 3650))
            props = {
                "id": usage.id,
                "status": usage.status,
                "startDatum": start.isoformat(),
                "hosting": rng.choice(app.cloud),
            }
            if usage.status == "UITGEFASEERD":
                props["eindDatum"] = (start + timedelta(days=rng.randint(200, 2000))).isoformat()
            if rng.random() < 0.6:
                props["contractEinde"] = (PEILDATUM + timedelta(days=rng.randint(-200, 1800))).isoformat()
            if rng.random() < 0.15:
                props["notities"] = rng.choice(
                    [
                        "Aanbesteding voorbereiden voor vervanging",
                        "Koppeling met zaaksysteem in test",
                        "Licenties uitgebreid na herindeling",
                        "Contractverlenging besproken met leverancier",
                        "Migratie naar SaaS gepland",
                    ]
                )
            out["seed/gebruik"].append({"organisatie": gid, "applicatie": usage.app, "eigenschappen": props})
            if usage.versie:
                out["seed/gebruik_versie"].append({"van": usage.id, "naar": usage.versie})
            out["seed/gebruik_voor"].extend({"van": usage.id, "naar": c} for c in usage.componenten)
            if app.diensten and rng.random() < self.settings.gebruik["dienst_kans"]:
                out["seed/gebruik_neemt_af"].append({"van": usage.id, "naar": rng.choice(app.diensten)})
            if usage.registered_by:
                out["seed/registreert"].append({"van": usage.registered_by, "naar": usage.id})

    def _koppelingen(self, cat, gid, usages, by_component, rng: random.Random, out) -> None:
        k = self.settings.koppelingen
        counter = itertools.count(1)
        seen: set[tuple[str, str]] = set()
        hub_usage = next((by_component[h][0] for h in self.hubs if by_component.get(h)), None)

        # A koppeling's lifecycle follows its ends': built while one is being acquired,
        # unsupported once one is being phased out, withdrawn when one is gone.
        def status(*ends: _Usage) -> str:
            states = {u.status for u in ends}
            if "UITGEFASEERD" in states:
                return "TERUGGETROKKEN"
            if "UIT_TE_FASEREN" in states:
                return "EINDE_ONDERSTEUNING"
            if states & {"GEPLAND", "VERWERVING"}:
                return "IN_ONTWIKKELING"
            return "IN_GEBRUIK"

        # Whether a koppeling follows a standard GEMMA requires depends on the habits of its
        # components' markets and on how strictly this gemeente asks for them.
        strictness = rng.uniform(*k["standaard_gemeente"])

        def standards(comps: list[str], apps: list[_Usage]) -> list[str]:
            required = sorted(
                {
                    s
                    for c in comps
                    for s, rol in self.standaarden_van.get(c, {}).items()
                    if rol == "VERPLICHT" and self.versies_van.get(s)
                }
            )
            other = sorted(
                {s for c in comps for s in self.standaarden_van.get(c, {}) if self.versies_van.get(s)}
                - set(required)
            )
            habits = [cat.discipline[c] for c in comps if c in cat.discipline]
            follows = rng.random() < strictness * (sum(habits) / len(habits) if habits else 0.5)
            if required and follows:
                chosen = [rng.choice(required)]
                rest = [s for s in required + other if s != chosen[0]]
                if rest and rng.random() < k["tweede_standaard_kans"]:
                    chosen.append(rng.choice(rest))
            elif other and rng.random() < k["andere_standaard_kans"]:
                chosen = [rng.choice(other)]
            else:
                return []
            supported = [cat.apps[u.app].ondersteunt.get(u.versie or "", set()) for u in apps]
            result = []
            for std in chosen:
                versions = self.versies_van[std]
                both = [v for v in versions if all(v in s for s in supported)]
                either = [v for v in versions if any(v in s for s in supported)]
                result.append((both or either or versions)[-1])
            return result

        def add(
            van: _Usage,
            naar: _Usage | str,
            comps: list[str],
            richting: str | None = None,
            via: _Usage | None = None,
        ) -> None:
            naar_id = naar if isinstance(naar, str) else naar.id
            if van.id == naar_id or (van.id, naar_id) in seen:
                return
            seen.add((van.id, naar_id))
            kid = f"kop-{gid}-{next(counter):04d}"
            intern = not isinstance(naar, str)
            types = k["types_intern"] if intern else k["types_voorziening"]
            ends = [van] if isinstance(naar, str) else [van, naar]
            props = {
                "id": kid,
                "type": rng.choices(list(types), list(types.values()))[0],
                "richting": richting
                or rng.choices(list(k["richting_gewichten"]), list(k["richting_gewichten"].values()))[0],
                "status": status(*ends),
            }
            query = "seed/koppelingen" if intern else "seed/koppelingen_voorziening"
            out[query].append({"van": van.id, "naar": naar_id, "eigenschappen": props})
            for sv in standards(comps, ends):
                out["seed/koppeling_volgens"].append({"van": kid, "naar": sv})
            if via is not None:
                out["seed/koppeling_via"].append({"van": kid, "naar": via.id})

        for van_comp, naar_comp in self.flows:
            sources, targets = by_component.get(van_comp, []), by_component.get(naar_comp, [])
            pairs = [(a, b) for a in sources for b in targets if a is not b]
            for i, (a, b) in enumerate(pairs[:3]):
                if rng.random() < (k["flow_kans"] if i == 0 else k["flow_extra_kans"]):
                    via = None
                    if hub_usage and hub_usage not in (a, b) and rng.random() < k["via_hub_kans"]:
                        via = hub_usage
                    add(a, b, [van_comp, naar_comp], "HEEN" if rng.random() < 0.7 else None, via)
        if hub_usage is not None:
            hub_comp = hub_usage.componenten[0]
            for usage in list(usages.values()):
                if usage is not hub_usage and rng.random() < k["hub_kans"]:
                    add(usage, hub_usage, [usage.componenten[0], hub_comp])
        for comp, voorziening, richting in self.voorziening_flows:
            for usage in by_component.get(comp, [])[:1]:
                add(usage, voorziening, [comp, voorziening], richting)
        for comp, voorzieningen in sorted(self.voorzieningen_van.items()):
            for usage in by_component.get(comp, [])[:2]:
                for voorziening in voorzieningen:
                    if rng.random() < k["voorziening_kans"]:
                        add(usage, voorziening, [comp, voorziening])


def _hhi(values: Sequence[float], owners: Sequence[str]) -> float:
    """Herfindahl-Hirschman index (0-10,000) of the owners' summed values."""
    per_owner: dict[str, float] = defaultdict(float)
    for value, owner in zip(values, owners, strict=True):
        per_owner[owner] += value
    total = sum(per_owner.values())
    return sum((100 * v / total) ** 2 for v in per_owner.values()) if total else 0.0


def _shares(
    rng: random.Random, hhi: tuple[float, float], products: int, tail: int, owners: Sequence[str]
) -> list[float]:
    """Market shares, largest first, for `products` contenders and a tail of small ones, whose
    HHI over their owners lies in the middle 70% of the range: a Zipf-like curve whose
    steepness is drawn until it does."""
    low, high = hhi
    margin = 0.15 * (high - low)
    shares: list[float] = []
    for _ in range(200):
        steepness = rng.uniform(0.2, 3.0)
        main = sorted((rng.uniform(0.7, 1.0) / (i + 1) ** steepness for i in range(products)), reverse=True)
        tail_share = rng.uniform(0.02, 0.06) if tail else 0.0
        harmonic = sum(1 / (i + 1) for i in range(tail))
        shares = [w / sum(main) * (1 - tail_share) for w in main]
        shares += [tail_share / (i + 1) / harmonic for i in range(tail)]
        if low + margin <= _hhi(shares, owners) <= high - margin:
            break
    return shares


def _quotas(shares: list[float], users: int, hhi: tuple[float, float], owners: Sequence[str]) -> list[int]:
    """How many of `users` each product gets: its share, rounded by largest remainder, then
    nudged one user at a time until the concentration of these few over the owners lies in
    the range too."""
    exact = [share * users / sum(shares) for share in shares]
    counts = [math.floor(x) for x in exact]
    by_remainder = sorted(range(len(shares)), key=lambda i: (counts[i] - exact[i], i))
    for i in by_remainder[: users - sum(counts)]:
        counts[i] += 1
    low, high = hhi
    for _ in range(4 * users):
        value = _hhi(counts, owners)
        if low <= value <= high or users < 2:
            break
        per_owner: dict[str, int] = defaultdict(int)
        for count, owner in zip(counts, owners, strict=True):
            per_owner[owner] += count
        leader = max(sorted(per_owner), key=lambda o: per_owner[o])
        theirs = [i for i in range(len(counts)) if owners[i] == leader]
        others = [i for i in range(len(counts)) if owners[i] != leader]
        largest = max(theirs, key=lambda i: (counts[i], -i))
        if value > high and others:
            counts[largest] -= 1
            counts[min(others, key=lambda i: (counts[i], i))] += 1
        elif value < low and (smaller := [i for i in others if counts[i] > 0]):
            counts[min(smaller, key=lambda i: (counts[i], -i))] -= 1
            counts[largest] += 1
        else:
            break
    return counts


def _public(row: dict) -> dict:
    """The row without the generator's own bookkeeping (keys starting with `_`)."""
    return {key: value for key, value in row.items() if not key.startswith("_")}


def _short(naam: str) -> str:
    """The component's name without the word component: "Zaakregistratie", "JUBES (voorheen CORV)"."""
    return re.sub(r"\s+", " ", re.sub(r"-?\s*component\b", " ", naam)).strip(" -") or naam


def _natural(label: str) -> tuple:
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", label))


def _instant(rng: random.Random, first_year: int, last_year: int) -> str:
    day = date(first_year, 1, 1) + timedelta(days=rng.randrange((last_year - first_year + 1) * 365))
    return f"{day.isoformat()}T{rng.randrange(7, 18):02d}:{rng.randrange(60):02d}:00Z"


def _day(rng: random.Random, first_year: int, last_year: int) -> str:
    return (
        date(first_year, 1, 1) + timedelta(days=rng.randrange((last_year - first_year + 1) * 365))
    ).isoformat()
