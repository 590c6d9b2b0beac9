"""Herindeling (herindelingsplan, voerHerindelingUit, F014) through HTTP, in a graph of the
test's own on each engine.

Three seeded gemeenten: GM0014 with its seeded landscape, and two neighbours in a samenwerking
that the test's setup gives part of that landscape (raw: no mutation copies a landscape), so
that applications overlap, koppelingen duplicate each other and one joins two Gebruik of one
application. The plan and its result are checked against a recomputation here, from raw rows
read before, by the rules of docs/access.md ("Herindeling"), not from the code.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from graph_api.auth.identify import identiteit_voor
from graph_api.domain.gebruikers import registreer_dev
from graph_api.domain.organisaties import herindeling
from graph_api.domain.wijzigen import Schrijver
from graph_api.errors import Duplicate
from graph_api.store import Store
from graph_api.toegang import Zicht, zicht_voor
from tests.backends import Backend
from tests.graafdump import stand, verschil
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_gebruik_mutaties import data, fout, serve, tokens
from tests.graphql.test_samenvoegen import raw, schrijf

GEMEENTE = "GM0014"
NIEUW = "GM9901"
VOORRANG = ["IN_PRODUCTIE", "UIT_TE_FASEREN", "GEPLAND", "VERWERVING", "UITGEFASEERD"]

PLAN = """query($input: HerindelingInput!) { herindelingsplan(input: $input) {
  gemeente nieuw naam inwoners opgeheven
  verplaatstGebruik { gebruik van applicatie }
  gecombineerdGebruik { applicatie behouden status samengevoegd }
  koppelingen { koppeling uitkomst behouden }
  deelnames { organisatie sinds }
  medewerkers { gebruiker rollen status uit }
  buren
} }"""
UITVOEREN = """mutation($input: HerindelingInput!) { voerHerindelingUit(input: $input) {
  plan { gemeente verplaatstGebruik { gebruik } }
  gemeente { identificatie cbsCode inwoners voorgangers { identificatie opgeheven } }
} }"""

# Two neighbours of GM0014 in no samenwerking with it yet: the setup makes them and GM0014
# members of one, and gives them Gebruik of GM0014's applications.
BUREN = """
MATCH (g:Gemeente {id: $g})-[:GRENST_AAN]-(b:Gemeente)
WHERE NOT (b)-[:GEBRUIKT]->()
WITH b ORDER BY b.id LIMIT 2
RETURN collect(b.id) AS ids
"""
SAMENWERKING = "MATCH (s:Samenwerking) RETURN s.id AS id ORDER BY s.id LIMIT 1"
# The copy: the first Gebruik (by id) of GM0014 for each of the others ($n of them, statuses
# rotated), and every koppeling of GM0014 between two Gebruik copied (a duplicate after the
# merge); one koppeling from the copy of the first to GM0014's own Gebruik of that application
# (it joins two Gebruik that become one).
KOPIE = """
MATCH (o:Gemeente {id: $o}), (g:Gemeente {id: $g}), (s:Samenwerking {id: $s})
MERGE (o)-[:DEELNEMER_VAN {sinds: '2020-01-01'}]->(s)
WITH o, g
MATCH (g)-[:GEBRUIKT]->(x:Gebruik)-[:VAN]->(a:Applicatie)
WITH o, x, a ORDER BY x.id LIMIT $n
WITH o, collect([x, a]) AS paren
UNWIND range(0, size(paren) - 1) AS i
WITH o, paren[i][0] AS x, paren[i][1] AS a, i
CREATE (o)-[:GEBRUIKT]->(c:Gebruik {id: x.id + '-' + $o, status: $statussen[i % size($statussen)],
                                    verwervingDatum: '2019-0' + toString(1 + i % 9) + '-01'})
CREATE (c)-[:VAN]->(a)
RETURN count(c) AS kopieen
"""
KOPPELINGEN = """
MATCH (g:Gemeente {id: $g})-[:GEBRUIKT]->(x:Gebruik)<-[:VAN]-(k:Koppeling)-[:NAAR]->(y:Gebruik)
MATCH (cx:Gebruik {id: x.id + '-' + $o}), (cy:Gebruik {id: y.id + '-' + $o})
CREATE (n:Koppeling {id: k.id + '-' + $o, type: k.type, richting: k.richting, status: k.status})
CREATE (n)-[:VAN]->(cx)
CREATE (n)-[:NAAR]->(cy)
FOREACH (z IN CASE WHEN k.richting IN ['HEEN', 'BEIDE'] THEN [1] ELSE [] END |
  CREATE (cx)-[:KOPPELT {koppelingId: n.id}]->(cy))
FOREACH (z IN CASE WHEN k.richting IN ['TERUG', 'BEIDE'] THEN [1] ELSE [] END |
  CREATE (cy)-[:KOPPELT {koppelingId: n.id}]->(cx))
RETURN count(n) AS kopieen
"""
INTERN = """
MATCH (g:Gemeente {id: $g})-[:GEBRUIKT]->(x:Gebruik)
WITH x ORDER BY x.id LIMIT 1
MATCH (c:Gebruik {id: x.id + '-' + $o})
CREATE (n:Koppeling {id: 'kop-intern-test', type: 'API', richting: 'HEEN', status: 'IN_GEBRUIK'})
CREATE (n)-[:VAN]->(c)
CREATE (n)-[:NAAR]->(x)
CREATE (c)-[:KOPPELT {koppelingId: n.id}]->(x)
RETURN n.id AS id
"""
# A person of two of the three, with other roles in each.
TWEE_LIDMAATSCHAPPEN = """
MATCH (a:Gemeente {id: $a}), (b:Gemeente {id: $b})
CREATE (u:Gebruiker {id: 'geb-test-twee', email: 'twee@example.nl', naam: 'Twee Petten',
                     status: 'ACTIEF'})
CREATE (u)-[:LID_VAN {rollen: ['GEBRUIK_RAADPLEGER']}]->(a)
CREATE (u)-[:LID_VAN {rollen: ['GEBRUIK_BEHEERDER', 'ORGANISATIE_BEHEERDER']}]->(b)
RETURN u.id AS id
"""

GEBRUIK = """
MATCH (o:Gemeente)-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a:Applicatie)
WHERE o.id IN $ids
RETURN o.id AS o, g.id AS id, g.status AS status, a.id AS app, [(g)-[:VOOR]->(c) | c.id] AS voor
"""
KOPPELING = """
MATCH (o:Organisatie)-[:GEBRUIKT]->(:Gebruik)<-[:VAN|NAAR]-(k:Koppeling)
WHERE o.id IN $ids
WITH DISTINCT k
MATCH (k)-[:VAN]->(v:Gebruik)-[:VAN]->(va:Applicatie)
MATCH (k)-[:NAAR]->(n)
OPTIONAL MATCH (n)-[:VAN]->(na:Applicatie)
RETURN k.id AS id, v.id AS van, n.id AS naar, va.id AS vanApp, coalesce(na.id, n.id) AS naarApp,
       k.type AS type, k.richting AS richting
"""
LEDEN = """
MATCH (u:Gebruiker)-[l:LID_VAN]->(o:Organisatie)
WHERE o.id IN $ids
RETURN u.id AS u, o.id AS o, l.rollen AS rollen
"""
DEELNAMES = "MATCH (o:Organisatie)-[:DEELNEMER_VAN]->(s) WHERE o.id IN $ids RETURN o.id AS o, s.id AS s"
INWONERS = "MATCH (o:Gemeente) WHERE o.id IN $ids RETURN sum(o.inwoners) AS som"
KOPPELT = "MATCH ()-[r:KOPPELT]->() WHERE r.koppelingId IN $ids RETURN r.koppelingId AS id"
GEMEENTEN = "{ gemeenten(first: 1) { totalCount } }"
ADOPTIE = """query($rc: ID!) { adoptie(referentiecomponent: $rc, minimaleGroep: 1) {
  groepen { groep gemeenten gemeentenMetComponent } } }"""
# The gemeenten using anything not phased out for a component, from raw rows.
MET_COMPONENT = """
MATCH (o:Gemeente)-[:GEBRUIKT]->(g:Gebruik)-[:VOOR]->(:Referentiecomponent {id: $rc})
WHERE g.status <> 'UITGEFASEERD'
RETURN DISTINCT o.id AS o
"""
ALLE_GEMEENTEN = "MATCH (o:Gemeente) RETURN count(o) AS n"


def _sleutel(r: dict[str, Any], app: dict[str, str]) -> tuple[str, str, str, str] | None:
    """A koppeling by the applications at its ends (the Gebruik kept is the one of its
    application), the same way round whichever end was entered first; None when both ends
    are the same application (it joins two Gebruik that become one)."""
    van, naar = app.get(r["van"], r["vanApp"]), app.get(r["naar"], r["naarApp"])
    if van == naar:
        return None
    omgekeerd = {"HEEN": "TERUG", "TERUG": "HEEN", "BEIDE": "BEIDE"}
    if naar < van:
        return (naar, van, r["type"], omgekeerd[r["richting"]])
    return (van, naar, r["type"], r["richting"])


async def test_three_gemeenten_merged_into_a_new_one(own_graph: Backend) -> None:
    store = own_graph.store
    [b] = await raw(store, "buren", BUREN, {"g": GEMEENTE})
    b1, b2 = b["ids"]
    [s] = await raw(store, "samenwerking", SAMENWERKING)
    for o, n, statussen in ((b1, 40, ["IN_PRODUCTIE", "UITGEFASEERD"]), (b2, 5, ["GEPLAND"])):
        await schrijf(
            store, "kopie", KOPIE, {"o": o, "g": GEMEENTE, "s": s["id"], "n": n, "statussen": statussen}
        )
        await schrijf(store, "koppelingen", KOPPELINGEN, {"o": o, "g": GEMEENTE})
    await schrijf(
        store,
        "deelname",
        "MATCH (o:Gemeente {id: $g}), (s:Samenwerking {id: $s}) "
        "MERGE (o)-[:DEELNEMER_VAN {sinds: '2018-05-01'}]->(s) RETURN 1 AS x",
        {"g": GEMEENTE, "s": s["id"]},
    )
    await schrijf(store, "intern", INTERN, {"g": GEMEENTE, "o": b1})
    await schrijf(store, "twee", TWEE_LIDMAATSCHAPPEN, {"a": GEMEENTE, "b": b1})
    drie = [GEMEENTE, b1, b2]
    rollen = [(VNG, "FUNCTIONEEL_BEHEERDER"), (VNG, "VNG_RAADPLEGER"), (GEMEENTE, "GEBRUIK_BEHEERDER"),
              (GEMEENTE, "ORGANISATIE_BEHEERDER"), (b1, "GEBRUIK_RAADPLEGER")]  # fmt: skip
    minted = await tokens(own_graph, *rollen)

    # Raw rows before.
    gebruik = await raw(store, "gebruik", GEBRUIK, {"ids": drie})
    koppelingen = await raw(store, "koppeling", KOPPELING, {"ids": drie})
    leden = await raw(store, "leden", LEDEN, {"ids": drie})
    deelnames = await raw(store, "deelnames", DEELNAMES, {"ids": drie})
    [inwoners] = await raw(store, "inwoners", INWONERS, {"ids": drie})
    [alle] = await raw(store, "alle", ALLE_GEMEENTEN)
    rc0 = next(c for g in gebruik if g["o"] == GEMEENTE for c in g["voor"])
    met_component = await raw(store, "met", MET_COMPONENT, {"rc": rc0})
    invoer = {"gemeenten": drie, "nieuweGemeente": {"naam": "Groot Test", "cbsCode": NIEUW,
              "provincie": "Groningen"}, "datum": "2027-01-01", "idempotencyKey": "herindeling-1"}  # fmt: skip

    with serve(own_graph) as client:
        beheer = Api(client, minted[(VNG, "FUNCTIONEEL_BEHEERDER")])
        voor = await stand(store)
        # Refused: nobody but functioneel beheer, before anything is read.
        assert fout(Api(client).post(UITVOEREN, {"input": invoer}))["code"] == "UNAUTHENTICATED"
        assert fout(Api(client).post(PLAN, {"input": invoer}))["code"] == "UNAUTHENTICATED"
        for rol in rollen[1:]:
            api = Api(client, minted[rol])
            assert fout(api.post(UITVOEREN, {"input": invoer}))["code"] == "FORBIDDEN", rol
            assert fout(api.post(PLAN, {"input": invoer}))["code"] == "FORBIDDEN", rol
        # Bad input: code and field.
        nieuw = invoer["nieuweGemeente"]
        slecht = [
            ({"gemeenten": [GEMEENTE]}, "INVALID_ARGUMENT", "input.gemeenten"),
            ({"gemeenten": [GEMEENTE, b1, GEMEENTE]}, "INVALID_ARGUMENT", "input.gemeenten.2"),
            ({"gemeenten": [GEMEENTE, "GM9998"]}, "NOT_FOUND", "input.gemeenten.1"),
            ({"gemeenten": [GEMEENTE, VNG]}, "INVALID_ARGUMENT", "input.gemeenten.1"),
            ({"naar": b2, "nieuweGemeente": None, "gemeenten": [GEMEENTE, b2]}, "INVALID_ARGUMENT", "input.naar"),
            ({"naar": b2}, "INVALID_ARGUMENT", "input.naar"),
            ({"nieuweGemeente": {**nieuw, "cbsCode": "GM12"}}, "INVALID_INPUT", "input.nieuweGemeente.cbsCode"),
            ({"nieuweGemeente": {**nieuw, "cbsCode": b2}}, "DUPLICATE", "input.nieuweGemeente.cbsCode"),
            ({"nieuweGemeente": {**nieuw, "provincie": "Holland"}}, "INVALID_INPUT",
             "input.nieuweGemeente.provincie"),
            ({"datum": "2027-02-30"}, "INVALID_INPUT", "input.datum"),
        ]  # fmt: skip
        for wijziging, code, veld in slecht:
            fouten = fout(beheer.post(UITVOEREN, {"input": {**invoer, **wijziging, "idempotencyKey": None}}))
            assert (fouten["code"], fouten.get("argument") or fouten["problems"][0]["field"]) == (
                code,
                veld,
            ), wijziging
        assert not await verschil(store, voor)

        # The plan, recomputed from the raw rows.
        plan = data(beheer.post(PLAN, {"input": invoer}))["herindelingsplan"]
        per_app: dict[str, list[dict]] = {}
        for g in gebruik:
            per_app.setdefault(g["app"], []).append(g)
        orde = {o: i for i, o in enumerate(drie)}
        kept = {
            app: min(gs, key=lambda g: (VOORRANG.index(g["status"]), orde[g["o"]], g["id"]))
            for app, gs in per_app.items()
        }
        assert {g["behouden"] for g in plan["gecombineerdGebruik"]} == {
            kept[a]["id"] for a, gs in per_app.items() if len(gs) > 1
        }
        assert {(c["behouden"], c["status"], tuple(sorted(c["samengevoegd"]))) for c in plan["gecombineerdGebruik"]} == {
            (kept[a]["id"], kept[a]["status"], tuple(sorted(g["id"] for g in gs if g["id"] != kept[a]["id"])))
            for a, gs in per_app.items() if len(gs) > 1
        }  # fmt: skip
        assert sorted(v["gebruik"] for v in plan["verplaatstGebruik"]) == sorted(
            g["id"] for g in kept.values()
        )
        app = {g["id"]: g["app"] for g in gebruik}
        sleutels = [_sleutel(k, app) for k in koppelingen]
        uitkomst = {k["koppeling"]: k["uitkomst"] for k in plan["koppelingen"]}
        assert (
            sorted(k for k, v in uitkomst.items() if v == "INTERN")
            == sorted(k["id"] for k, s in zip(koppelingen, sleutels, strict=True) if s is None)
            == ["kop-intern-test"]
        )
        blijvend = [k["id"] for k in koppelingen if uitkomst.get(k["id"]) not in {"INTERN", "DUBBEL"}]
        assert len(blijvend) == len({s for s in sleutels if s is not None})
        assert any(v == "DUBBEL" for v in uitkomst.values())
        personen: dict[str, set[str]] = {}
        for lid in leden:
            personen.setdefault(lid["u"], set()).update(lid["rollen"])
        assert {m["gebruiker"]: set(m["rollen"]) for m in plan["medewerkers"]} == personen
        assert set(personen["geb-test-twee"]) == {
            "GEBRUIK_RAADPLEGER",
            "GEBRUIK_BEHEERDER",
            "ORGANISATIE_BEHEERDER",
        }
        assert {d["organisatie"]: d["sinds"] for d in plan["deelnames"]}[s["id"]] == "2018-05-01"
        assert {d["organisatie"] for d in plan["deelnames"]} == {d["s"] for d in deelnames}
        assert plan["inwoners"] == inwoners["som"]
        assert not await verschil(store, voor)  # the dry run wrote nothing

        # Applied, and once only.
        uit = data(beheer.post(UITVOEREN, {"input": invoer}))["voerHerindelingUit"]
        assert uit["gemeente"]["cbsCode"] == NIEUW and uit["gemeente"]["inwoners"] == inwoners["som"]
        assert sorted(v["identificatie"] for v in uit["gemeente"]["voorgangers"]) == sorted(drie)
        assert {v["opgeheven"] for v in uit["gemeente"]["voorgangers"]} == {"2027-01-01"}
        na = await stand(store)
        nogmaals = data(beheer.post(UITVOEREN, {"input": invoer}))["voerHerindelingUit"]
        assert nogmaals["gemeente"]["identificatie"] == NIEUW and nogmaals["plan"] is None
        assert not await verschil(store, na)

        # The result, from raw rows: nothing lost, no application twice, every koppeling kept.
        gebruik_na = await raw(store, "gebruik", GEBRUIK, {"ids": [NIEUW, *drie]})
        assert {g["o"] for g in gebruik_na} == {NIEUW}
        assert Counter(g["app"] for g in gebruik_na) == Counter(set(per_app))
        assert {g["app"]: (g["id"], g["status"]) for g in gebruik_na} == {
            a: (k["id"], k["status"]) for a, k in kept.items()
        }
        koppelingen_na = await raw(store, "koppeling", KOPPELING, {"ids": [NIEUW]})
        assert sorted(k["id"] for k in koppelingen_na) == sorted(blijvend)
        app_na = {g["id"]: g["app"] for g in gebruik_na}
        assert {_sleutel(k, app_na) for k in koppelingen_na} == {s for s in sleutels if s is not None}
        assert await raw(store, "koppelt", KOPPELT, {"ids": sorted(set(uitkomst) - set(blijvend))}) == []
        leden_na = await raw(store, "leden", LEDEN, {"ids": [NIEUW, *drie]})
        assert {lid["o"] for lid in leden_na} == {NIEUW}
        assert {lid["u"]: set(lid["rollen"]) for lid in leden_na} == personen
        assert {d["s"] for d in await raw(store, "deelnames", DEELNAMES, {"ids": [NIEUW, *drie]})} == {
            d["s"] for d in deelnames
        }

        # Adoption for a component of the merged landscape: the three count as one, when the
        # Gebruik kept of an application one of them used for it is not phased out.
        rc = next(c for g in gebruik if g["o"] == GEMEENTE for c in g["voor"])
        met = {r["o"] for r in met_component} - set(drie)
        if any(
            rc in {c for g in gs for c in g["voor"]} and kept[a]["status"] != "UITGEFASEERD"
            for a, gs in per_app.items()
        ):
            met.add(NIEUW)  # fmt: skip
        [nl] = [
            g
            for g in data(beheer.post(ADOPTIE, {"rc": rc}))["adoptie"]["groepen"]
            if g["groep"] == "NEDERLAND"
        ]
        assert (nl["gemeenten"], nl["gemeentenMetComponent"]) == (alle["n"] - 2, len(met))

        # Counts and lookups: the dissolved are no gemeente, their old code leads to the new one.
        [alle_na] = await raw(store, "alle", ALLE_GEMEENTEN)
        assert alle_na["n"] == alle["n"] - 2
        assert data(beheer.post(GEMEENTEN))["gemeenten"]["totalCount"] == alle["n"] - 2
        oud = data(Api(client).post(f'{{ gemeente(cbsCode: "{b1}") {{ identificatie inwoners }} }}'))
        assert oud["gemeente"] == {"identificatie": NIEUW, "inwoners": inwoners["som"]}
        # With a field only its resolver answers, the lookup is no compiled read (organisatie/per_cbs_code).
        oud = data(
            Api(client).post(
                f'{{ gemeente(cbsCode: "{b2}") {{ identificatie voorgangers {{ identificatie }} }} }}'
            )
        )
        assert oud["gemeente"]["identificatie"] == NIEUW
        assert sorted(v["identificatie"] for v in oud["gemeente"]["voorgangers"]) == sorted(drie)
        opgeheven = data(Api(client).post(
            f'{{ organisatie(identificatie: "{b2}") {{ ... on Gemeente {{ opgeheven opgegaanIn {{ identificatie }} }} }} }}'
        ))["organisatie"]  # fmt: skip
        assert opgeheven == {"opgeheven": "2027-01-01", "opgegaanIn": {"identificatie": NIEUW}}
        records = await raw(
            store, "records",
            "MATCH (w:Wijziging {objectLabel: 'Gemeente', operatie: 'HERINGEDEELD'}) RETURN w.object AS o",
        )  # fmt: skip
        assert sorted(r["o"] for r in records) == sorted([NIEUW, *drie])
        # Applied again: each of them is dissolved now.
        again = fout(beheer.post(UITVOEREN, {"input": {**invoer, "idempotencyKey": None}}))
        assert again["code"] == "DISSOLVED"


class Tussendoor:
    """The store, with another writer's change landing between the plan's reads and its write."""

    def __init__(self, store: Store, zicht: Zicht, gebruik: str):
        self.store, self.zicht, self.gebruik = store, zicht.params(), gebruik

    async def read(self, name: str, params: dict[str, Any] | None = None) -> list[dict]:
        return await self.store.read(name, {**(params or {}), **self.zicht})

    async def write(self, name: str, params: dict[str, Any] | None = None) -> list[dict]:
        await schrijf(
            self.store, "tussendoor", TUSSENDOOR, {"id": self.gebruik, "notities": "tussendoor", "versie": 2}
        )
        return await self.store.write(name, {**(params or {}), **self.zicht})


# As a write of a Gebruik does: its versie one up (a copy made here has none: 1).
TUSSENDOOR = "MATCH (g:Gebruik {id: $id}) SET g.notities = $notities, g.versie = $versie RETURN g.id AS id"


async def test_into_an_existing_gemeente_all_or_nothing(own_graph: Backend) -> None:
    store = own_graph.store
    [b] = await raw(store, "buren", BUREN, {"g": GEMEENTE})
    b1 = b["ids"][0]
    [s] = await raw(store, "samenwerking", SAMENWERKING)
    await schrijf(
        store, "kopie", KOPIE, {"o": b1, "g": GEMEENTE, "s": s["id"], "n": 3, "statussen": ["GEPLAND"]}
    )
    [kopie] = await raw(store, "kopie", "MATCH (:Gemeente {id: $o})-[:GEBRUIKT]->(g) RETURN g.id AS id LIMIT 1",
                        {"o": b1})  # fmt: skip
    [inwoners] = await raw(store, "inwoners", INWONERS, {"ids": [GEMEENTE, b1]})
    gebruik = await raw(store, "gebruik", GEBRUIK, {"ids": [GEMEENTE, b1]})

    # Another writer changes a Gebruik of b1 after the plan read it: nothing is written.
    registratie = await registreer_dev(store, organisatie_sleutel=VNG, rol_waarde="FUNCTIONEEL_BEHEERDER")
    identiteit = await identiteit_voor(store, registratie.subject)
    zicht = await zicht_voor(identiteit, store)
    wie = Schrijver(identiteit, zicht)
    voor = await stand(store)
    try:
        await herindeling.voer_uit(Tussendoor(store, zicht, kopie["id"]), wie, gemeenten=[b1], naar=GEMEENTE, nieuw=None,
                                   datum="2027-01-01")  # fmt: skip
    except Duplicate as e:
        assert e.argument == "input.gemeenten"
    else:
        raise AssertionError("applied over another writer's change")
    await schrijf(store, "terug", TUSSENDOOR, {"id": kopie["id"], "notities": None, "versie": None})
    assert not await verschil(store, voor)

    with serve(own_graph) as client:
        beheer = Api(
            client, (await tokens(own_graph, (VNG, "FUNCTIONEEL_BEHEERDER")))[(VNG, "FUNCTIONEEL_BEHEERDER")]
        )
        invoer = {"gemeenten": [b1], "naar": GEMEENTE, "datum": "2027-01-01"}
        plan = data(beheer.post(PLAN, {"input": invoer}))["herindelingsplan"]
        assert (plan["gemeente"], plan["nieuw"], plan["inwoners"]) == (GEMEENTE, False, inwoners["som"])
        apps = Counter(g["app"] for g in gebruik)
        assert sorted(c["applicatie"] for c in plan["gecombineerdGebruik"]) == sorted(
            a for a, n in apps.items() if n > 1
        )
        uit = data(beheer.post(UITVOEREN, {"input": invoer}))["voerHerindelingUit"]
        assert uit["gemeente"]["identificatie"] == GEMEENTE and uit["gemeente"]["inwoners"] == inwoners["som"]
        assert [v["identificatie"] for v in uit["gemeente"]["voorgangers"]] == [b1]
        gebruik_na = await raw(store, "gebruik", GEBRUIK, {"ids": [GEMEENTE, b1]})
        assert Counter(g["app"] for g in gebruik_na) == Counter(set(apps))
        assert {g["o"] for g in gebruik_na} == {GEMEENTE}
        oud = data(Api(client).post(f'{{ gemeente(cbsCode: "{b1}") {{ identificatie }} }}'))
        assert oud["gemeente"] == {"identificatie": GEMEENTE}
        # The gemeente kept may not be dissolved into another afterwards by its old partner.
        fouten = fout(
            beheer.post(UITVOEREN, {"input": {"gemeenten": [GEMEENTE], "naar": b1, "datum": "2027-01-01"}})
        )
        assert (fouten["code"], fouten["argument"]) == ("DISSOLVED", "input.naar")
