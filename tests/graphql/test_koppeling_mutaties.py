"""The koppeling mutations (issue 17, item 3) through HTTP, in a graph of the test's own on each
engine: what they write, that KOPPELT and the standard flags stay as seeding derives them (worked
out here in plain Python from the raw koppeling rows, not from the statements' Cypher), that every
read sees a write at once, every refusal the role matrix implies, invalid input, and that a
refused write leaves the whole graph as it was.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from graph_api.store import Store
from tests.backends import Backend
from tests.graafdump import stand, verschil
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_gebruik_mutaties import (
    GEMEENTE,
    _global,
    data,
    fout,
    serve,
    tokens,
    wijzigingen,
)
from tests.graphql.test_gebruik_mutaties import (
    REGISTREER as REGISTREER_GEBRUIK,
)
from tests.graphql.test_gebruik_mutaties import (
    VERWIJDER as VERWIJDER_GEBRUIK,
)
from tests.graphql.test_gebruik_mutaties import (
    WIJZIG as WIJZIG_GEBRUIK,
)

KOPPELING = """identificatie versienummer type richting status beschrijving
  van { identificatie } via { identificatie } standaardversies { identificatie }
  naar { ... on Gebruik { identificatie } ... on BuitengemeentelijkeVoorziening { identificatie } }"""
REGISTREER = f"""
mutation($input: RegistreerKoppelingInput!) {{ registreerKoppeling(input: $input) {{ koppeling {{ {KOPPELING} }} }} }}"""
WIJZIG = f"""
mutation($input: WijzigKoppelingInput!) {{ wijzigKoppeling(input: $input) {{ koppeling {{ {KOPPELING} }} }} }}"""
STATUS = """
mutation($input: ZetKoppelingStatusInput!) {
  zetKoppelingStatus(input: $input) { koppeling { identificatie versienummer status } }
}"""
VERWIJDER = """
mutation($input: VerwijderKoppelingInput!) { verwijderKoppeling(input: $input) { verwijderdId } }"""
AANTAL = "query($o: ID!) { koppelingen(organisatie: $o, first: 1) { totalCount } }"
LEVENSLOOP = ["IN_ONTWIKKELING", "IN_GEBRUIK", "EINDE_ONDERSTEUNING", "TERUGGETROKKEN"]


async def _rows(store: Store, name: str, text: str) -> list[dict[str, Any]]:
    return await store.read_text(f"test/{name}", text)


async def ruw(store: Store) -> dict[str, Any]:
    """The raw rows the derived data is worked out from, and the derived data as the graph has it."""
    return {
        "koppelingen": await _rows(store, "kop", (
            "MATCH (u)<-[:VAN]-(k:Koppeling)-[:NAAR]->(n) RETURN k.id AS id, u.id AS van, n.id AS naar, "
            "k.richting AS richting, k.heeftVereisteStandaard AS heeft, k.volgtVereisteStandaard AS volgt")),
        "volgens": await _rows(store, "volgens", (
            "MATCH (k:Koppeling)-[:VOLGENS]->(sv)-[:VERSIE_VAN]->(s) RETURN k.id AS k, s.id AS s")),
        "voor": await _rows(store, "voor", "MATCH (g:Gebruik)-[:VOOR]->(c) RETURN g.id AS g, c.id AS c"),
        "vereist": await _rows(store, "vereist", (
            "MATCH (x)-[v:VEREIST]->(s) WHERE v.rol = 'VERPLICHT' RETURN x.id AS x, s.id AS s")),
        "koppelt": await _rows(store, "koppelt", (
            "MATCH (a)-[r:KOPPELT]->(b) RETURN a.id AS van, b.id AS naar, r.koppelingId AS k")),
        "gebruik": await _rows(store, "geb", (
            "MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a) RETURN g.id AS id, o.id AS o, a.id AS a")),
        "versies": await _rows(store, "sv", (
            "MATCH (sv:Standaardversie)-[:VERSIE_VAN]->(s) RETURN sv.id AS sv, s.id AS s")),
        "voorzieningen": await _rows(store, "bgv", (
            "MATCH (v:BuitengemeentelijkeVoorziening) RETURN v.id AS id ORDER BY id")),
    }  # fmt: skip


def afgeleid(rows: dict[str, Any]) -> tuple[set, dict[str, tuple[bool, bool]]]:
    """KOPPELT and the flags as seeding derives them (seed/koppelingen, koppeling/standaarden):
    KOPPELT the way the data flows; a required standard at an end (a component of a Gebruik, or
    the facility itself), and whether a standard the koppeling follows is one of those."""
    voor, vereist, gevolgd = defaultdict(set), defaultdict(set), defaultdict(set)
    for r in rows["voor"]:
        voor[r["g"]].add(r["c"])
    for r in rows["vereist"]:
        vereist[r["x"]].add(r["s"])
    for r in rows["volgens"]:
        gevolgd[r["k"]].add(r["s"])
    koppelt, flags = set(), {}
    for k in rows["koppelingen"]:
        if k["richting"] in ("HEEN", "BEIDE"):
            koppelt.add((k["van"], k["naar"], k["id"]))
        if k["richting"] in ("TERUG", "BEIDE"):
            koppelt.add((k["naar"], k["van"], k["id"]))
        nodig = {s for end in (k["van"], k["naar"]) for c in voor[end] for s in vereist[c]} | vereist[k["naar"]]
        flags[k["id"]] = (bool(nodig), bool(nodig & gevolgd[k["id"]]))
    return koppelt, flags


async def klopt(store: Store) -> dict[str, Any]:
    """Assert that KOPPELT and every koppeling's flags are what seeding would derive; the rows."""
    rows = await ruw(store)
    koppelt, flags = afgeleid(rows)
    assert {(r["van"], r["naar"], r["k"]) for r in rows["koppelt"]} == koppelt
    assert len(rows["koppelt"]) == len(koppelt)  # no KOPPELT twice
    assert {k["id"]: (k["heeft"], k["volgt"]) for k in rows["koppelingen"]} == flags
    return rows


async def test_every_refused_koppeling_write_leaves_the_graph_as_it_was(own_graph: Backend) -> None:
    with serve(own_graph) as client:
        leverancier = (await own_graph.store.read_text(
            "test/lev", "MATCH (l:Leverancier) RETURN l.id AS id ORDER BY id LIMIT 1"))[0]["id"]  # fmt: skip
        ander = next(
            r["id"]
            for r in await own_graph.store.read_text("test/gem", "MATCH (g:Gemeente) RETURN g.id AS id ORDER BY id")
            if r["id"] != GEMEENTE
        )
        minted = await tokens(
            own_graph,
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_RAADPLEGER"),
            (VNG, "FUNCTIONEEL_BEHEERDER"),
            (VNG, "VNG_RAADPLEGER"),
            (ander, "GEBRUIK_BEHEERDER"),
            (leverancier, "AANBOD_BEHEERDER"),
        )
        wie = {key: Api(client, token) for key, token in minted.items()}
        eigen, beheer, anders = wie[(GEMEENTE, "GEBRUIK_BEHEERDER")], wie[(VNG, "FUNCTIONEEL_BEHEERDER")], wie[(ander, "GEBRUIK_BEHEERDER")]
        rows = await ruw(own_graph.store)
        mijn = sorted(r["id"] for r in rows["gebruik"] if r["o"] == GEMEENTE)
        # A Gebruik of another gemeente, for koppelingen across landscapes (the graph holds one).
        app = next(r["a"] for r in rows["gebruik"])
        elders = data(beheer.post(REGISTREER_GEBRUIK, {"input": {"organisatie": ander, "applicatie": app}}))[
            "registreerGebruik"]["gebruik"]["identificatie"]  # fmt: skip
        bestaand = next(k for k in rows["koppelingen"] if k["van"] in mijn)
        status = (await own_graph.store.read_text(
            "test/status", "MATCH (k:Koppeling {id: $id}) RETURN k.status AS s", {"id": bestaand["id"]}))[0]["s"]  # fmt: skip
        registratie = {"van": mijn[0], "naar": mijn[1], "type": "API", "richting": "HEEN"}
        kop = {"koppeling": bestaand["id"], "verwachteVersie": 1}
        before = await stand(own_graph.store)

        def refused(api: Api, query: str, input: dict[str, Any], code: str, argument: str | None = None) -> dict:
            extensions = fout(api.post(query, {"input": input}))
            assert extensions["code"] == code, (input, extensions)
            if argument is not None:
                assert extensions.get("argument") == argument, (input, extensions)
            return extensions

        # The role matrix: no write without signing in, none without the role gebruik-beheerder.
        # A beheerder of another gemeente may see the Gebruik (FORBIDDEN) but not the koppelingen
        # of this landscape (NOT_FOUND, as an unknown id).
        for query, input in (
            (REGISTREER, registratie),
            (WIJZIG, {**kop, "beschrijving": "x"}),
            (STATUS, {**kop, "status": "TERUGGETROKKEN"}),
            (VERWIJDER, kop),
        ):
            refused(Api(client), query, input, "UNAUTHENTICATED")
            for rol in ((GEMEENTE, "GEBRUIK_RAADPLEGER"), (VNG, "VNG_RAADPLEGER"), (leverancier, "AANBOD_BEHEERDER")):
                refused(wie[rol], query, input, "FORBIDDEN")
            if query == REGISTREER:
                refused(anders, query, input, "FORBIDDEN", "input.van")
            else:
                refused(anders, query, input, "NOT_FOUND", "input.koppeling")

        # What only the graph knows: ends in two landscapes, unknown ids, a stale versie.
        refused(eigen, REGISTREER, {**registratie, "naar": elders}, "NOT_SAME_LANDSCAPE", "input.naar")
        refused(beheer, REGISTREER, {**registratie, "naar": elders}, "NOT_SAME_LANDSCAPE", "input.naar")
        refused(eigen, REGISTREER, {**registratie, "via": elders}, "NOT_SAME_LANDSCAPE", "input.via")
        refused(eigen, WIJZIG, {**kop, "via": elders}, "NOT_SAME_LANDSCAPE", "input.via")
        refused(eigen, REGISTREER, {**registratie, "van": elders}, "FORBIDDEN", "input.van")
        refused(eigen, REGISTREER, {**registratie, "van": "geb-bestaat-niet"}, "NOT_FOUND", "input.van")
        refused(eigen, REGISTREER, {**registratie, "naar": "geb-bestaat-niet"}, "NOT_FOUND", "input.naar")
        refused(eigen, REGISTREER, {**registratie, "via": "geb-bestaat-niet"}, "NOT_FOUND", "input.via")
        for query in (REGISTREER, WIJZIG):
            input = registratie if query == REGISTREER else kop
            refused(eigen, query, {**input, "standaardversies": ["sv-onbekend"]}, "NOT_FOUND",
                    "input.standaardversies")  # fmt: skip
        refused(eigen, REGISTREER, {**registratie, "naar": mijn[0]}, "INVALID_ARGUMENT", "input.naar")
        refused(eigen, REGISTREER, {**registratie, "via": mijn[0]}, "INVALID_ARGUMENT", "input.via")
        refused(eigen, WIJZIG, {**kop, "via": bestaand["van"]}, "INVALID_ARGUMENT", "input.via")
        refused(eigen, REGISTREER, {**registratie, "van": _global("Applicatie", app)}, "INVALID_ID", "input.van")
        refused(eigen, WIJZIG, {**kop, "koppeling": "kop-bestaat-niet"}, "NOT_FOUND", "input.koppeling")
        refused(eigen, VERWIJDER, {**kop, "koppeling": "kop-bestaat-niet"}, "NOT_FOUND", "input.koppeling")
        for query, input in ((WIJZIG, {**kop, "beschrijving": "x"}), (STATUS, {**kop, "status": "TERUGGETROKKEN"}),
                             (VERWIJDER, kop)):  # fmt: skip
            conflict = refused(eigen, query, {**input, "verwachteVersie": 4}, "VERSION_CONFLICT", "input.verwachteVersie")
            assert conflict["huidigeVersie"] == 1
        # The lifecycle goes forward only: every step back, or staying, is refused with what is allowed.
        for doel in LEVENSLOOP[: LEVENSLOOP.index(status) + 1]:
            extensions = refused(eigen, STATUS, {**kop, "status": doel}, "TRANSITION_NOT_ALLOWED", "input.status")
            assert extensions["toegestaan"] == LEVENSLOOP[LEVENSLOOP.index(status) + 1 :]

        # Invalid input, each naming its field.
        refused(eigen, REGISTREER, {**registratie, "beschrijving": "x" * 10_001}, "INVALID_INPUT", "input.beschrijving")
        refused(eigen, WIJZIG, {**kop, "beschrijving": "x" * 10_001}, "INVALID_INPUT", "input.beschrijving")
        refused(eigen, REGISTREER, {**registratie, "naar": "x" * 301}, "INVALID_INPUT", "input.naar")
        refused(eigen, WIJZIG, {**kop, "type": None}, "INVALID_INPUT", "input.type")
        refused(eigen, WIJZIG, {**kop, "richting": None}, "INVALID_INPUT", "input.richting")
        refused(eigen, REGISTREER, {**registratie, "beschrijving": "met\x00nul"}, "INVALID_TEXT")
        for kapot in ({"van": mijn[0], "naar": mijn[1], "type": "API"}, {**registratie, "type": "KAPOT"},
                      {**registratie, "status": "IN_PRODUCTIE"}):  # fmt: skip
            assert fout(eigen.post(REGISTREER, {"input": kapot}))["code"] == "BAD_USER_INPUT"
        assert fout(eigen.post(STATUS, {"input": kop}))["code"] == "BAD_USER_INPUT"
        # A Gebruik koppelingen use goes only when asked to take them along.
        refused(eigen, VERWIJDER_GEBRUIK, {"gebruik": bestaand["van"], "verwachteVersie": 1}, "IN_USE",
                "input.ookKoppelingen")  # fmt: skip

        assert not await verschil(own_graph.store, before)


async def test_koppelingen_written_keep_koppelt_and_the_standard_flags_as_seeding_would(
    own_graph: Backend,
) -> None:
    store = own_graph.store
    with serve(own_graph) as client:
        minted = await tokens(own_graph, (GEMEENTE, "GEBRUIK_BEHEERDER"), (VNG, "FUNCTIONEEL_BEHEERDER"))
        eigen, beheer = (Api(client, minted[key]) for key in minted)
        # Seeding derived them right to begin with.
        rows = await klopt(store)
        mijn = sorted(r["id"] for r in rows["gebruik"] if r["o"] == GEMEENTE)
        app_van = {r["id"]: r["a"] for r in rows["gebruik"]}
        voor, vereist, versies_van = defaultdict(set), defaultdict(set), defaultdict(list)
        for r in rows["voor"]:
            voor[r["g"]].add(r["c"])
        for r in rows["vereist"]:
            vereist[r["x"]].add(r["s"])
        for r in rows["versies"]:
            versies_van[r["s"]].append(r["sv"])
        # Ends with a standard GEMMA requires at the VAN end, and no koppeling between them yet.
        gekoppeld = {frozenset((k["van"], k["naar"])) for k in rows["koppelingen"]}
        u, s = next(
            (g, s) for g in mijn for c in sorted(voor[g]) for s in sorted(vereist[c]) if versies_van[s]
        )
        n, via = [g for g in mijn if g != u and frozenset((u, g)) not in gekoppeld][:2]
        sv = sorted(versies_van[s])[0]
        voorziening = next(
            v["id"] for v in rows["voorzieningen"]
            if not any(k["van"] in mijn and app_van[k["van"]] == app_van[u] and k["naar"] == v["id"]
                       for k in rows["koppelingen"])
        )  # fmt: skip
        totaal = data(eigen.post(AANTAL, {"o": GEMEENTE}))["koppelingen"]["totalCount"]
        assert totaal == sum(k["van"] in mijn for k in rows["koppelingen"])

        def stroomafwaarts(start: str, richting: str = "STROOMAFWAARTS") -> set[str]:
            found = data(eigen.post(
                "query($g: ID!, $r: Afhankelijkheidsrichting!) { afhankelijkheden(gebruik: $g, richting: $r, diepte: 1)"
                " { graaf { nodes { id } } } }", {"g": _global("Gebruik", start), "r": richting}
            ))["afhankelijkheden"]["graaf"]["nodes"]  # fmt: skip
            return {n["id"] for n in found}

        # Register: the answer is what was asked, at versie 1, derived as seeding would, and seen at once.
        input = {"van": u, "naar": n, "via": via, "type": "DIGIKOPPELING", "richting": "HEEN",
                 "standaardversies": [sv], "beschrijving": "StUF-ZKN naar het zaaksysteem"}  # fmt: skip
        nieuw = data(eigen.post(REGISTREER, {"input": input}))["registreerKoppeling"]["koppeling"]
        key = nieuw["identificatie"]
        assert key.startswith(f"kop-{GEMEENTE}-")
        assert nieuw == {
            "identificatie": key, "versienummer": 1, "type": "DIGIKOPPELING", "richting": "HEEN", "status": "IN_ONTWIKKELING",
            "beschrijving": "StUF-ZKN naar het zaaksysteem", "van": {"identificatie": u}, "via": {"identificatie": via},
            "standaardversies": [{"identificatie": sv}], "naar": {"identificatie": n},
        }  # fmt: skip
        rows = await klopt(store)
        assert {(k["heeft"], k["volgt"]) for k in rows["koppelingen"] if k["id"] == key} == {(True, True)}
        assert data(eigen.post(AANTAL, {"o": GEMEENTE}))["koppelingen"]["totalCount"] == totaal + 1
        uit = data(eigen.post("query($id: ID!) { node(id: $id) { ... on Gebruik { uitgaandeKoppelingen { identificatie } } } }",
                              {"id": _global("Gebruik", u)}))["node"]["uitgaandeKoppelingen"]  # fmt: skip
        assert {"identificatie": key} in uit
        assert _global("Gebruik", n) in stroomafwaarts(u)
        [aangemaakt] = await wijzigingen(store, key)
        assert aangemaakt["w"]["operatie"] == "AANGEMAAKT" and aangemaakt["w"]["organisatie"] == GEMEENTE
        assert json.loads(aangemaakt["w"]["na"])["standaardversies"] == [sv]

        # Change: the data flows back now, without standard or intermediary: derived again.
        gewijzigd = data(eigen.post(WIJZIG, {"input": {
            "koppeling": key, "verwachteVersie": 1, "richting": "TERUG", "standaardversies": [], "via": None,
            "beschrijving": None,
        }}))["wijzigKoppeling"]["koppeling"]  # fmt: skip
        assert gewijzigd == {**nieuw, "versienummer": 2, "richting": "TERUG", "via": None, "standaardversies": [],
                             "beschrijving": None}  # fmt: skip
        rows = await klopt(store)
        assert {(k["heeft"], k["volgt"]) for k in rows["koppelingen"] if k["id"] == key} == {(True, False)}
        assert _global("Gebruik", n) not in stroomafwaarts(u)
        assert _global("Gebruik", n) in stroomafwaarts(u, "STROOMOPWAARTS")
        record = (await wijzigingen(store, key))[-1]["w"]
        voor_, na_ = json.loads(record["voor"]), json.loads(record["na"])
        assert record["operatie"] == "GEWIJZIGD" and voor_["richting"] == "HEEN" and na_["richting"] == "TERUG"
        assert voor_["via"] == via and na_["via"] is None and "type" not in voor_
        stale = fout(eigen.post(WIJZIG, {"input": {"koppeling": key, "verwachteVersie": 1, "beschrijving": "x"}}))
        assert stale["code"] == "VERSION_CONFLICT" and stale["huidigeVersie"] == 2
        # The standard once more, both ways: the flag follows it back.
        data(eigen.post(WIJZIG, {"input": {"koppeling": key, "verwachteVersie": 2, "richting": "BEIDE",
                                           "standaardversies": [sv, sv]}}))  # fmt: skip
        rows = await klopt(store)
        assert {(k["heeft"], k["volgt"]) for k in rows["koppelingen"] if k["id"] == key} == {(True, True)}

        # The flags follow the components of a Gebruik at either end: without them, and back.
        geb = data(eigen.post("query($id: ID!) { node(id: $id) { ... on Gebruik { versienummer } } }",
                              {"id": _global("Gebruik", u)}))["node"]["versienummer"]  # fmt: skip
        _, eerst = afgeleid(rows)
        for stap_, componenten in enumerate(([], sorted(voor[u]))):
            data(eigen.post(WIJZIG_GEBRUIK, {"input": {"gebruik": u, "verwachteVersie": geb + stap_,
                                                       "referentiecomponenten": componenten}}))  # fmt: skip
            rows = await klopt(store)
            if not componenten:
                _, zonder = afgeleid(rows)
                assert zonder != eerst  # the graph's flags changed, and as worked out here
        assert afgeleid(rows)[1] == eerst

        # The lifecycle: forward; back is refused with what is allowed.
        stap = data(eigen.post(STATUS, {"input": {"koppeling": key, "verwachteVersie": 3, "status": "IN_GEBRUIK"}}))
        assert stap["zetKoppelingStatus"]["koppeling"] == {"identificatie": key, "versienummer": 4, "status": "IN_GEBRUIK"}
        terug = fout(eigen.post(STATUS, {"input": {"koppeling": key, "verwachteVersie": 4, "status": "IN_ONTWIKKELING"}}))
        assert terug["code"] == "TRANSITION_NOT_ALLOWED" and terug["toegestaan"] == ["EINDE_ONDERSTEUNING", "TERUGGETROKKEN"]

        # To a national facility, both ways; a functioneel beheerder registers it for VNG.
        extern = data(beheer.post(REGISTREER, {"input": {"van": u, "naar": voorziening, "type": "API",
                                                         "richting": "BEIDE"}}))["registreerKoppeling"]["koppeling"]  # fmt: skip
        assert extern["naar"] == {"identificatie": voorziening} and extern["status"] == "IN_ONTWIKKELING"
        rows = await klopt(store)
        assert {(r["van"], r["naar"]) for r in rows["koppelt"] if r["k"] == extern["identificatie"]} == {
            (u, voorziening), (voorziening, u)
        }
        record = (await wijzigingen(store, extern["identificatie"]))[-1]["w"]
        assert record["actorOrganisatie"] == VNG and record["organisatie"] == GEMEENTE
        netwerk = data(eigen.post("{ koppelingsnetwerk(first: 500) { edges { id aantal } } }"))["koppelingsnetwerk"]
        rand = f"{_global('Applicatie', app_van[u])}>{_global('BuitengemeentelijkeVoorziening', voorziening)}"
        assert rand in {e["id"] for e in netwerk["edges"]}
        dekking = data(eigen.post("query($g: ID!) { standaardendekking(gemeente: $g) { koppelingen "
                                  "metVerplichteStandaard volgensVerplichteStandaard } }", {"g": GEMEENTE}))  # fmt: skip
        _, flags = afgeleid(rows)
        eigen_k = [k["id"] for k in rows["koppelingen"] if k["van"] in mijn]
        assert dekking["standaardendekking"] == {
            "koppelingen": len(eigen_k),
            "metVerplichteStandaard": sum(flags[k][0] for k in eigen_k),
            "volgensVerplichteStandaard": sum(flags[k][1] for k in eigen_k),
        }

        # Delete: gone from every read, with its KOPPELT; recorded.
        weg = data(eigen.post(VERWIJDER, {"input": {"koppeling": key, "verwachteVersie": 4}}))
        assert weg == {"verwijderKoppeling": {"verwijderdId": key}}
        rows = await klopt(store)
        assert not any(r["k"] == key for r in rows["koppelt"])
        assert data(eigen.post(AANTAL, {"o": GEMEENTE}))["koppelingen"]["totalCount"] == totaal + 1
        assert data(eigen.post("query($id: ID!) { node(id: $id) { id } }", {"id": _global("Koppeling", key)}))["node"] is None
        assert [r["w"]["operatie"] for r in await wijzigingen(store, key)] == [
            "AANGEMAAKT", "GEWIJZIGD", "GEWIJZIGD", "STATUS_GEWIJZIGD", "VERWIJDERD",
        ]  # fmt: skip

        # A Gebruik deleted with its koppelingen: each recorded, KOPPELT and flags still right;
        # also one it is only the intermediary of, whose KOPPELT joins two other Gebruik.
        doorgaand = data(eigen.post(REGISTREER, {"input": {"van": n, "naar": via, "via": u, "type": "API",
                                                           "richting": "BEIDE"}}))["registreerKoppeling"]  # fmt: skip
        assert doorgaand["koppeling"]["via"] == {"identificatie": u}
        rows = await klopt(store)
        mee = sorted({k["id"] for k in rows["koppelingen"] if u in (k["van"], k["naar"])} | {
            r["id"] for r in await store.read_text(
                "test/via", "MATCH (k:Koppeling)-[:VIA]->(:Gebruik {id: $u}) RETURN k.id AS id", {"u": u})
        })  # fmt: skip
        versie = (await store.read_text("test/v", "MATCH (g:Gebruik {id: $u}) RETURN g.versie AS v", {"u": u}))[0]["v"]
        weg = data(eigen.post(VERWIJDER_GEBRUIK, {"input": {"gebruik": u, "verwachteVersie": versie or 1,
                                                            "ookKoppelingen": True}}))["verwijderGebruik"]  # fmt: skip
        assert weg["verwijderdeKoppelingen"] == len(mee)
        for k in mee:
            laatste = (await wijzigingen(store, k))[-1]["w"]
            assert laatste["operatie"] == "VERWIJDERD" and laatste["objectLabel"] == "Koppeling"
            assert json.loads(laatste["voor"])["van"] in mijn
        rows = await klopt(store)
        assert not any(u in (k["van"], k["naar"]) for k in rows["koppelingen"])
        assert data(eigen.post(AANTAL, {"o": GEMEENTE}))["koppelingen"]["totalCount"] == sum(
            k["van"] in mijn for k in rows["koppelingen"]
        )
