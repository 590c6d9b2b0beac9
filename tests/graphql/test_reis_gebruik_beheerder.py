"""A gebruik-beheerder's journey (issue 17, "Writes, part 1") through HTTP, in a graph of the
test's own on each engine: five applications recorded, koppelingen between them and to BRP
(GBA-V) and LV-BAG, one application and one koppeling taken through their whole lifecycle, a
dienst taken, one proposal of a leverancier accepted and another rejected; some writes with an
idempotencyKey, one of them sent again.

After every step the landscape is read back through GraphQL (the gebruik list and its counts per
status, the koppelingen list and its counts per status, `landschapsgraaf`, `afhankelijkheden`,
`standaardendekking`, `aantallen`) and compared with what this test works out itself: the raw
rows of the store read before it started plus what it wrote (its own model below), and for the
standard flags the raw koppeling rows (test_koppeling_mutaties.afgeleid). Never from the API's
answers to reads.
"""

from __future__ import annotations

import json
from collections import deque
from typing import Any

from tests.backends import Backend
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_gebruik_mutaties import (
    GEMEENTE,
    REGISTREER,
    STATUS,
    _global,
    data,
    serve,
    tokens,
)
from tests.graphql.test_koppeling_mutaties import REGISTREER as REGISTREER_KOPPELING
from tests.graphql.test_koppeling_mutaties import STATUS as STATUS_KOPPELING
from tests.graphql.test_koppeling_mutaties import klopt
from tests.graphql.test_voorstellen import AANVAARD, STEL_VOOR, WIJS_AF

# The national facilities, by their GEMMA ids (seeds/gemma/buitengemeentelijke_voorzieningen.csv).
BRP = "id-58fbf781-8861-11e3-67ab-0050568a6153"  # GBA-V (Verstrekkingsvoorziening), the BRP's
LV_BAG = "id-91d776a2-7fb2-11e3-67ab-0050568a6153"  # LV-BAG - Basisregistratie Adressen en Gebouwen
GEBRUIK_LEVENSLOOP = ["VERWERVING", "GEPLAND", "IN_PRODUCTIE", "UIT_TE_FASEREN", "UITGEFASEERD"]
KOPPELING_LEVENSLOOP = ["IN_ONTWIKKELING", "IN_GEBRUIK", "EINDE_ONDERSTEUNING", "TERUGGETROKKEN"]

LANDSCHAP = """
query($o: ID!, $s: GebruikStatus, $after: String) {
  gebruik(organisatie: $o, first: 500, after: $after, filter: {status: $s}) {
    totalCount pageInfo { hasNextPage endCursor } nodes { identificatie status versienummer }
  }
}"""
KOPPELINGEN = """
query($o: ID!, $s: KoppelingStatus, $after: String) {
  koppelingen(organisatie: $o, first: 500, after: $after, filter: {status: $s}) {
    totalCount pageInfo { hasNextPage endCursor } nodes { identificatie status }
  }
}"""


def every_page(client: Api, query: str, variables: dict[str, Any], field: str) -> dict[str, Any]:
    """A list read whole, page by page (a large gemeente's landscape is more than one page):
    its totalCount and all its nodes."""
    nodes: list[dict] = []
    after = None
    while True:
        page = data(client.post(query, {**variables, "after": after}))[field]
        nodes += page["nodes"]
        if not page["pageInfo"]["hasNextPage"]:
            return {"totalCount": page["totalCount"], "nodes": nodes}
        after = page["pageInfo"]["endCursor"]


GRAAF = """
query($o: ID!, $after: String) {
  landschapsgraaf(organisatie: $o, first: 40, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id type } edges { id source target label }
  }
}"""
AFHANKELIJK = """
query($g: ID!, $r: Afhankelijkheidsrichting!) {
  afhankelijkheden(gebruik: $g, richting: $r, diepte: 3) { graaf { nodes { id diepte } edges { id } } }
}"""
DEKKING = """
query($g: ID!) { standaardendekking(gemeente: $g) { koppelingen metVerplichteStandaard volgensVerplichteStandaard } }"""
AANTALLEN = "{ aantallen { naam aantal } }"
VOORSTELLEN = """
query($g: ID, $s: VoorstelStatus) {
  gebruiksvoorstellen(gemeente: $g, status: $s, first: 100) { totalCount nodes { identificatie status reden } }
}"""


async def raw(backend: Backend, name: str, cypher: str, params: dict[str, Any] | None = None) -> list[dict]:
    return await backend.store.read_text(f"test/{name}", cypher, params or {}, timeout_ms=120_000)


# Every national facility's id, read raw at the start: a koppeling's far end is one or a Gebruik.
FACILITEITEN: set[str] = set()


def soort(node: str) -> str:
    return "BuitengemeentelijkeVoorziening" if node in FACILITEITEN else "Gebruik"


class Landschap:
    """What the landscape should be: the raw rows read before the journey, plus what it wrote."""

    def __init__(self, gebruik: list[dict], koppelingen: list[dict], labels: dict[str, int]):
        self.gebruik = {r["id"]: r["status"] for r in gebruik}  # id: status
        self.koppelingen = {r["id"]: dict(r) for r in koppelingen}  # id: van, naar, richting, status
        self.labels = {label: labels.get(label, 0) for label in ("Gebruik", "Koppeling", "Gebruiksvoorstel")}

    def gebruik_erbij(self, key: str, status: str) -> None:
        assert key not in self.gebruik
        self.gebruik[key] = status
        self.labels["Gebruik"] += 1

    def koppeling_erbij(self, key: str, van: str, naar: str, type_: str, richting: str) -> None:
        assert key not in self.koppelingen
        self.koppelingen[key] = {"id": key, "van": van, "naar": naar, "type": type_, "richting": richting,
                                 "status": "IN_ONTWIKKELING"}  # fmt: skip
        self.labels["Koppeling"] += 1

    def stroom(self) -> dict[str, set[str]]:
        """Where data flows from each end, by each koppeling's richting."""
        uit: dict[str, set[str]] = {}
        for k in self.koppelingen.values():
            if k["richting"] in ("HEEN", "BEIDE"):
                uit.setdefault(k["van"], set()).add(k["naar"])
            if k["richting"] in ("TERUG", "BEIDE"):
                uit.setdefault(k["naar"], set()).add(k["van"])
        return uit

    def wandeling(self, start: str, richting: str, diepte: int = 3) -> dict[str, int]:
        """Breadth-first along the flow (or against it), national facilities ending the walk."""
        uit = self.stroom()
        if richting == "STROOMOPWAARTS":
            terug: dict[str, set[str]] = {}
            for a, bs in uit.items():
                for b in bs:
                    terug.setdefault(b, set()).add(a)
            uit = terug
        gevonden, rij = {start: 0}, deque([start])
        while rij:
            node = rij.popleft()
            if gevonden[node] == diepte or soort(node) != "Gebruik":
                continue
            for volgende in sorted(uit.get(node, ())):
                if volgende not in gevonden:
                    gevonden[volgende] = gevonden[node] + 1
                    rij.append(volgende)
        return gevonden


async def test_a_gebruik_beheerder_records_a_landscape_and_takes_it_through_its_life(
    own_graph: Backend,
) -> None:
    store = own_graph.store
    # What the journey is about, read raw: applications GEMEENTE does not use (the first one
    # with at least one dienst offered on it), a leverancier with two more, the facilities.
    vrij = await raw(own_graph, "reis_vrij", (
        "MATCH (a:Applicatie) OPTIONAL MATCH (:Organisatie {id: $o})-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a) "
        "WITH a, count(g) AS n WHERE n = 0 OPTIONAL MATCH (d:Dienst)-[:BIJ]->(a) "
        "OPTIONAL MATCH (l:Leverancier)-[:BIEDT_AAN]->(a) "
        "RETURN a.id AS id, collect(DISTINCT d.id) AS diensten, collect(DISTINCT l.id) AS leveranciers ORDER BY id"),
        {"o": GEMEENTE})  # fmt: skip
    per_lev: dict[str, list[str]] = {}
    for r in vrij:
        for lev in r["leveranciers"]:
            per_lev.setdefault(lev, []).append(r["id"])
    leverancier = min(per_lev, key=lambda lev: (-len(per_lev[lev]), lev))
    voorgesteld = sorted(per_lev[leverancier])[:2]
    assert len(voorgesteld) == 2
    rest = [r for r in vrij if r["id"] not in voorgesteld]
    met_dienst = next(r for r in rest if r["diensten"])
    apps = [met_dienst["id"], *[r["id"] for r in rest if r["id"] != met_dienst["id"]][:4]]
    dienst = sorted(met_dienst["diensten"])[0]
    voorzieningen = {r["id"]: r["naam"] for r in await raw(own_graph, "reis_bgv", (
        "MATCH (v:BuitengemeentelijkeVoorziening) WHERE v.id IN $ids RETURN v.id AS id, v.naam AS naam"),
        {"ids": [BRP, LV_BAG]})}  # fmt: skip
    FACILITEITEN.clear()
    FACILITEITEN.update(r["id"] for r in await raw(
        own_graph, "reis_faciliteiten", "MATCH (v:BuitengemeentelijkeVoorziening) RETURN v.id AS id"))  # fmt: skip
    assert voorzieningen[BRP].startswith("GBA-V") and voorzieningen[LV_BAG].startswith("LV-BAG")
    # A standard GEMMA requires at LV-BAG, if any: the koppeling to it follows one of its versions.
    bag_standaard = [r["sv"] for r in await raw(own_graph, "reis_bag_std", (
        "MATCH (:BuitengemeentelijkeVoorziening {id: $v})-[r:VEREIST]->(s)<-[:VERSIE_VAN]-(sv) "
        "WHERE r.rol = 'VERPLICHT' RETURN sv.id AS sv ORDER BY sv LIMIT 1"), {"v": LV_BAG})]  # fmt: skip

    # The landscape before, raw.
    landschap = Landschap(
        await raw(own_graph, "reis_gebruik", (
            "MATCH (:Organisatie {id: $o})-[:GEBRUIKT]->(g:Gebruik) RETURN g.id AS id, g.status AS status"),
            {"o": GEMEENTE}),
        await raw(own_graph, "reis_koppelingen", (
            "MATCH (:Organisatie {id: $o})-[:GEBRUIKT]->(u:Gebruik)<-[:VAN]-(k:Koppeling)-[:NAAR]->(n) "
            "RETURN k.id AS id, u.id AS van, n.id AS naar, k.type AS type, k.richting AS richting, k.status AS status"),
            {"o": GEMEENTE}),
        {r["label"]: r["n"] for label in ("Gebruik", "Koppeling", "Gebruiksvoorstel") for r in await raw(
            own_graph, f"reis_aantal_{label}", f"MATCH (n:{label}) RETURN '{label}' AS label, count(n) AS n")},
    )  # fmt: skip

    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (leverancier, "AANBOD_BEHEERDER"),
            (VNG, "FUNCTIONEEL_BEHEERDER"),
        )
        eigen = Api(client, minted[(GEMEENTE, "GEBRUIK_BEHEERDER")])
        lev = Api(client, minted[(leverancier, "AANBOD_BEHEERDER")])
        beheer = Api(client, minted[(VNG, "FUNCTIONEEL_BEHEERDER")])

        async def vergelijk(stap: str) -> None:
            """Every read of the landscape against what the test worked out."""
            # The gebruik list, whole and per status, with its totalCount and each versie.
            lijst = every_page(eigen, LANDSCHAP, {"o": GEMEENTE}, "gebruik")
            assert lijst["totalCount"] == len(landschap.gebruik), stap
            assert {n["identificatie"]: n["status"] for n in lijst["nodes"]} == landschap.gebruik, stap
            for status in GEBRUIK_LEVENSLOOP:
                per = every_page(eigen, LANDSCHAP, {"o": GEMEENTE, "s": status}, "gebruik")
                verwacht = sorted(g for g, s in landschap.gebruik.items() if s == status)
                assert per["totalCount"] == len(verwacht), (stap, status)
                assert sorted(n["identificatie"] for n in per["nodes"]) == verwacht, (stap, status)
            # The koppelingen list, whole and per status.
            kop = every_page(eigen, KOPPELINGEN, {"o": GEMEENTE}, "koppelingen")
            assert kop["totalCount"] == len(landschap.koppelingen), stap
            assert {n["identificatie"]: n["status"] for n in kop["nodes"]} == {
                k: v["status"] for k, v in landschap.koppelingen.items()
            }, stap
            for status in KOPPELING_LEVENSLOOP:
                per = every_page(eigen, KOPPELINGEN, {"o": GEMEENTE, "s": status}, "koppelingen")
                assert per["totalCount"] == sum(
                    v["status"] == status for v in landschap.koppelingen.values()
                ), stap
            # The landscape as a graph, page by page.
            nodes, edges, after = {}, {}, None
            while True:
                page = data(eigen.post(GRAAF, {"o": GEMEENTE, "after": after}))["landschapsgraaf"]
                assert page["totalCount"] == len(landschap.gebruik), stap
                nodes.update({n["id"]: n["type"] for n in page["nodes"]})
                edges.update({e["id"]: (e["source"], e["target"], e["label"]) for e in page["edges"]})
                if not page["pageInfo"]["hasNextPage"]:
                    break
                after = page["pageInfo"]["endCursor"]
            ends = set(landschap.gebruik) | {k["naar"] for k in landschap.koppelingen.values()}
            assert nodes == {_global(soort(n), n): soort(n) for n in ends}, stap
            assert edges == {
                _global("Koppeling", k): (_global("Gebruik", v["van"]), _global(soort(v["naar"]), v["naar"]),
                                          f"{v['type'].lower().replace('_', ' ')} ({v['status'].lower().replace('_', ' ')})")
                for k, v in landschap.koppelingen.items()
            }, stap  # fmt: skip
            # The dependencies of the first application downstream, and of the third upstream.
            for start, richting in ((mijn[0], "STROOMAFWAARTS"), (mijn[2], "STROOMOPWAARTS")) if mijn else ():
                graaf = data(eigen.post(AFHANKELIJK, {"g": _global("Gebruik", start), "r": richting}))
                graaf = graaf["afhankelijkheden"]["graaf"]
                verwacht = landschap.wandeling(start, richting)
                assert {n["id"]: n["diepte"] for n in graaf["nodes"]} == {
                    _global(soort(n), n): d for n, d in verwacht.items()
                }, (stap, richting)
                assert {e["id"] for e in graaf["edges"]} == {
                    _global("Koppeling", k) for k, v in landschap.koppelingen.items()
                    if v["van"] in verwacht and v["naar"] in verwacht
                }, (stap, richting)  # fmt: skip
            # Standards coverage: from the raw koppeling rows, KOPPELT and flags checked as derived.
            rows = await klopt(store)
            van_mij = [k for k in rows["koppelingen"] if k["van"] in landschap.gebruik]
            assert {k["id"] for k in van_mij} == set(landschap.koppelingen), stap
            assert data(eigen.post(DEKKING, {"g": GEMEENTE}))["standaardendekking"] == {
                "koppelingen": len(van_mij),
                "metVerplichteStandaard": sum(bool(k["heeft"]) for k in van_mij),
                "volgensVerplichteStandaard": sum(bool(k["volgt"]) for k in van_mij),
            }, stap
            # Counts per label, as functioneel beheer sees them.
            aantallen = {r["naam"]: r["aantal"] for r in data(beheer.post(AANTALLEN))["aantallen"]}
            assert {label: aantallen.get(label, 0) for label in landschap.labels} == landschap.labels, stap

        mijn: list[str] = []
        await vergelijk("before")

        # Five applications recorded; the first two with an idempotencyKey, the second sent twice.
        for i, app in enumerate(apps):
            input = {"organisatie": GEMEENTE, "applicatie": app, "notities": f"reis {i}"}
            if i < 2:
                input["idempotencyKey"] = f"reis-gebruik-{i}"
            g = data(eigen.post(REGISTREER, {"input": input}))["registreerGebruik"]["gebruik"]
            assert (g["versienummer"], g["status"], g["applicatie"]) == (
                1,
                "VERWERVING",
                {"identificatie": app},
            )
            if i == 1:
                again = data(eigen.post(REGISTREER, {"input": input}))["registreerGebruik"]["gebruik"]
                assert again == g
            mijn.append(g["identificatie"])
            landschap.gebruik_erbij(g["identificatie"], "VERWERVING")
        assert len(set(mijn)) == 5
        # The retry wrote nothing: one Gebruik of that application, one change record with its key.
        assert (await raw(own_graph, "reis_dubbel", (
            "MATCH (:Organisatie {id: $o})-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(:Applicatie {id: $a}) "
            "RETURN count(g) AS n"), {"o": GEMEENTE, "a": apps[1]}))[0]["n"] == 1  # fmt: skip
        assert [r["object"] for r in await raw(own_graph, "reis_sleutels", (
            "MATCH (w:Wijziging) WHERE w.sleutel ENDS WITH '/reis-gebruik-1' RETURN w.object AS object"))] == [mijn[1]]  # fmt: skip
        await vergelijk("five recorded")

        # Koppelingen between them and to BRP and LV-BAG (to the facilities with a key, sent twice).
        a, b, c, d, e = mijn
        plan = [
            (a, b, "API", "HEEN", {}),
            (b, c, "DIGIKOPPELING", "BEIDE", {}),
            (d, c, "API", "TERUG", {}),
            (c, e, "BESTANDSOVERDRACHT", "HEEN", {}),
            (a, BRP, "DIGIKOPPELING", "TERUG", {"idempotencyKey": "reis-brp"}),
            (b, LV_BAG, "API", "HEEN", {"idempotencyKey": "reis-bag", "standaardversies": bag_standaard}),
            (e, BRP, "WEBSERVICE", "BEIDE", {}),
        ]
        koppelingen = []
        for van, naar, type_, richting, extra in plan:
            input = {"van": van, "naar": naar, "type": type_, "richting": richting, **extra}
            k = data(eigen.post(REGISTREER_KOPPELING, {"input": input}))["registreerKoppeling"]["koppeling"]
            assert (k["van"], k["naar"], k["status"], k["versienummer"]) == (
                {"identificatie": van}, {"identificatie": naar}, "IN_ONTWIKKELING", 1,
            )  # fmt: skip
            if "idempotencyKey" in extra:
                again = data(eigen.post(REGISTREER_KOPPELING, {"input": input}))["registreerKoppeling"][
                    "koppeling"
                ]
                assert again == k
            koppelingen.append(k["identificatie"])
            landschap.koppeling_erbij(k["identificatie"], van, naar, type_, richting)
        await vergelijk("koppelingen recorded")

        # The first koppeling through its lifecycle, each step compared.
        k1 = koppelingen[0]
        for versie, status in enumerate(KOPPELING_LEVENSLOOP[1:], start=1):
            stap = data(eigen.post(STATUS_KOPPELING, {"input": {"koppeling": k1, "verwachteVersie": versie,
                                                                "status": status}}))["zetKoppelingStatus"]["koppeling"]  # fmt: skip
            assert stap == {"identificatie": k1, "versienummer": versie + 1, "status": status}
            landschap.koppelingen[k1]["status"] = status
            await vergelijk(f"koppeling {status}")

        # A dienst taken on the first application: only one offered on it.
        genomen = data(eigen.post(
            "mutation($input: WijzigGebruikInput!) { wijzigGebruik(input: $input) { gebruik { versienummer "
            "diensten { identificatie } } } }",
            {"input": {"gebruik": a, "verwachteVersie": 1, "diensten": [dienst], "idempotencyKey": "reis-dienst"}},
        ))["wijzigGebruik"]["gebruik"]  # fmt: skip
        assert genomen == {"versienummer": 2, "diensten": [{"identificatie": dienst}]}
        assert [r["d"] for r in await raw(own_graph, "reis_neemt_af", (
            "MATCH (:Gebruik {id: $g})-[:NEEMT_AF]->(d:Dienst) RETURN d.id AS d"), {"g": a})] == [dienst]  # fmt: skip

        # The first application through its lifecycle, each step dated and compared.
        datums = {"GEPLAND": "2026-02-01", "IN_PRODUCTIE": "2026-03-01", "UIT_TE_FASEREN": "2027-06-01",
                  "UITGEFASEERD": "2027-12-31"}  # fmt: skip
        for versie, status in enumerate(GEBRUIK_LEVENSLOOP[1:], start=2):
            input = {"gebruik": a, "verwachteVersie": versie, "status": status, "datum": datums[status]}
            if status == "IN_PRODUCTIE":
                input["idempotencyKey"] = "reis-in-productie"
            stap = data(eigen.post(STATUS, {"input": input}))["zetGebruikStatus"]["gebruik"]
            assert (stap["versienummer"], stap["status"]) == (versie + 1, status)
            if status == "IN_PRODUCTIE":  # sent again: the same answer, not VERSION_CONFLICT
                assert data(eigen.post(STATUS, {"input": input}))["zetGebruikStatus"]["gebruik"] == stap
            landschap.gebruik[a] = status
            await vergelijk(f"gebruik {status}")
        historie = data(eigen.post(
            "query($id: ID!) { node(id: $id) { ... on Gebruik { versienummer startDatum eindDatum "
            "statusHistorie { status datum } diensten { identificatie } } } }", {"id": _global("Gebruik", a)}
        ))["node"]  # fmt: skip
        assert historie["versienummer"] == 2 + len(datums)
        assert (historie["startDatum"], historie["eindDatum"]) == (
            datums["IN_PRODUCTIE"],
            datums["UITGEFASEERD"],
        )
        assert [h["status"] for h in historie["statusHistorie"]] == GEBRUIK_LEVENSLOOP
        assert {h["status"]: h["datum"] for h in historie["statusHistorie"][1:]} == datums
        assert historie["diensten"] == [{"identificatie": dienst}]

        # Proposals: the leverancier proposes two; the gemeente sees both, accepts one (its key sent
        # twice) and rejects the other with a reason.
        voorstellen = []
        for app in voorgesteld:
            v = data(lev.post(STEL_VOOR, {"input": {"gemeente": GEMEENTE, "applicatie": app}}))
            voorstellen.append(v["stelGebruikVoor"]["voorstel"]["identificatie"])
            landschap.labels["Gebruiksvoorstel"] += 1
        open_ = data(eigen.post(VOORSTELLEN, {"g": GEMEENTE, "s": "VOORGESTELD"}))["gebruiksvoorstellen"]
        rauw_open = [r["id"] for r in await raw(own_graph, "reis_open", (
            "MATCH (:Gemeente {id: $g})<-[:AAN]-(v:Gebruiksvoorstel) WHERE v.status = 'VOORGESTELD' RETURN v.id AS id"),
            {"g": GEMEENTE})]  # fmt: skip
        assert sorted(rauw_open) == sorted(voorstellen)
        assert open_["totalCount"] == 2 and sorted(n["identificatie"] for n in open_["nodes"]) == sorted(
            voorstellen
        )
        aanvaard = {"voorstel": voorstellen[0], "verwachteVersie": 1, "idempotencyKey": "reis-aanvaard"}
        eerst = data(eigen.post(AANVAARD, {"input": aanvaard}))["aanvaardGebruiksvoorstel"]
        assert data(eigen.post(AANVAARD, {"input": aanvaard}))["aanvaardGebruiksvoorstel"] == eerst
        nieuw = eerst["gebruik"]
        assert (nieuw["applicatie"], nieuw["status"]) == ({"identificatie": voorgesteld[0]}, "IN_PRODUCTIE")
        landschap.gebruik_erbij(nieuw["identificatie"], "IN_PRODUCTIE")
        afgewezen = data(eigen.post(WIJS_AF, {"input": {"voorstel": voorstellen[1], "verwachteVersie": 1,
                                                        "reden": "Wij kiezen een ander pakket"}}))  # fmt: skip
        assert afgewezen["wijsGebruiksvoorstelAf"]["gebruik"] is None
        gelezen = {n["identificatie"]: (n["status"], n["reden"])
                   for n in data(eigen.post(VOORSTELLEN, {"g": GEMEENTE}))["gebruiksvoorstellen"]["nodes"]}  # fmt: skip
        assert gelezen == {
            voorstellen[0]: ("AANVAARD", None),
            voorstellen[1]: ("AFGEWEZEN", "Wij kiezen een ander pakket"),
        }
        assert (
            data(eigen.post(VOORSTELLEN, {"g": GEMEENTE, "s": "VOORGESTELD"}))["gebruiksvoorstellen"][
                "totalCount"
            ]
            == 0
        )
        rauw = await raw(own_graph, "reis_voorstellen", (
            "MATCH (v:Gebruiksvoorstel) WHERE v.id IN $ids OPTIONAL MATCH (v)-[:WERD]->(g:Gebruik) "
            "RETURN v.id AS id, v.status AS status, v.reden AS reden, g.id AS gebruik"), {"ids": voorstellen})  # fmt: skip
        assert {r["id"]: (r["status"], r["reden"], r["gebruik"]) for r in rauw} == {
            voorstellen[0]: ("AANVAARD", None, nieuw["identificatie"]),
            voorstellen[1]: ("AFGEWEZEN", "Wij kiezen een ander pakket", None),
        }
        await vergelijk("proposals decided")

        # The change record, raw: one record per write, none for a retry.
        records = await raw(own_graph, "reis_records", (
            "MATCH (w:Wijziging) WHERE w.object IN $ids RETURN w.object AS object, w.operatie AS operatie, w.na AS na"),
            {"ids": [*mijn, *koppelingen, *voorstellen, nieuw["identificatie"]]})  # fmt: skip
        per: dict[str, list[str]] = {}
        for r in records:
            per.setdefault(r["object"], []).append(r["operatie"])
        verwacht = {g: ["AANGEMAAKT"] for g in mijn} | {k: ["AANGEMAAKT"] for k in koppelingen}
        verwacht[a] = ["AANGEMAAKT", "GEWIJZIGD"] + ["STATUS_GEWIJZIGD"] * 4
        verwacht[k1] = ["AANGEMAAKT"] + ["STATUS_GEWIJZIGD"] * 3
        verwacht |= {voorstellen[0]: ["AANGEMAAKT", "STATUS_GEWIJZIGD"], voorstellen[1]: ["AANGEMAAKT", "STATUS_GEWIJZIGD"],
                     nieuw["identificatie"]: ["AANGEMAAKT"]}  # fmt: skip
        assert {o: sorted(ops) for o, ops in per.items()} == {o: sorted(ops) for o, ops in verwacht.items()}
        na_dienst = [
            json.loads(r["na"]) for r in records if r["object"] == a and r["operatie"] == "GEWIJZIGD"
        ]
        assert [n["diensten"] for n in na_dienst] == [[dienst]]
