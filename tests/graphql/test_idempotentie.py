"""Idempotency keys (issue 17, item 1) through HTTP on both engines: a write sent again with the
same key and input answers as the first time and writes nothing; the same key with other input
is refused and writes nothing; keys are each asker's own; two requests with one key at the same
moment write once; a refused write keeps no key."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from tests.backends import Backend
from tests.graafdump import stand, verschil
from tests.graphql import test_concepten as concepten
from tests.graphql import test_koppeling_mutaties as koppelingen
from tests.graphql import test_voorstellen as voorstellen
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_gebruik_mutaties import (
    GEMEENTE,
    REGISTREER,
    STATUS,
    VERWIJDER,
    WIJZIG,
    data,
    feiten,
    fout,
    serve,
    tokens,
)

RECORDS = "MATCH (w:Wijziging) WHERE w.sleutel IS NOT NULL RETURN w.sleutel AS sleutel, w.object AS object"


async def sizes(store: Any) -> tuple[int, int]:
    nodes = await store.read_text("test/nodes", "MATCH (n) RETURN count(n) AS n")
    rels = await store.read_text("test/rels", "MATCH ()-[r]->() RETURN count(r) AS n")
    return nodes[0]["n"], rels[0]["n"]


async def records(backend: Backend) -> list[dict[str, Any]]:
    return await backend.store.read_text("test/sleutels", RECORDS)


async def test_a_write_sent_again_with_its_key_writes_once(own_graph: Backend) -> None:
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (VNG, "FUNCTIONEEL_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_RAADPLEGER"),
        )
        beheer = Api(client, minted[(VNG, "FUNCTIONEEL_BEHEERDER")])
        eigen = Api(client, minted[(GEMEENTE, "GEBRUIK_BEHEERDER")])
        f = await feiten(beheer)
        registratie = {"organisatie": GEMEENTE, "applicatie": f["app"], "idempotencyKey": "reg-1"}

        def post(api: Api, query: str, input: dict[str, Any]) -> Any:
            return api.post(query, {"input": input})

        # A refused write keeps no key: the same key works once the asker may write.
        before = await stand(own_graph.store)
        raadpleger = Api(client, minted[(GEMEENTE, "GEBRUIK_RAADPLEGER")])
        assert fout(post(raadpleger, REGISTREER, registratie))["code"] == "FORBIDDEN"
        assert not await verschil(own_graph.store, before)

        first = data(post(eigen, REGISTREER, registratie))["registreerGebruik"]["gebruik"]
        after_first = await stand(own_graph.store)
        again = data(post(eigen, REGISTREER, registratie))["registreerGebruik"]["gebruik"]
        assert again == first  # and nothing written: the dump below, after the refusals, says so
        assert [r["object"] for r in await records(own_graph)] == [first["identificatie"]]

        # The same key with other input: refused, naming the key, nothing written.
        extensions = fout(post(eigen, REGISTREER, {**registratie, "notities": "anders"}))
        assert (extensions["code"], extensions["argument"]) == ("IDEMPOTENCY_KEY_REUSED", "input.idempotencyKey")
        extensions = fout(post(eigen, VERWIJDER, {"gebruik": first["identificatie"], "verwachteVersie": 1,
                                                  "idempotencyKey": "reg-1"}))  # fmt: skip
        assert extensions["code"] == "IDEMPOTENCY_KEY_REUSED"
        assert not await verschil(own_graph.store, after_first)

        # Keys are the asker's own: the functioneel beheerder's "reg-1" is another key.
        wijzig = {"gebruik": first["identificatie"], "verwachteVersie": 1, "notities": "door VNG",
                  "idempotencyKey": "reg-1"}  # fmt: skip
        changed = data(post(beheer, WIJZIG, wijzig))["wijzigGebruik"]["gebruik"]
        assert (changed["versienummer"], changed["notities"]) == (2, "door VNG")
        # Sent again, it answers as the first time rather than with VERSION_CONFLICT, and the
        # versie stays where that one write put it.
        assert data(post(beheer, WIJZIG, wijzig))["wijzigGebruik"]["gebruik"]["versienummer"] == 2

        status = {"gebruik": first["identificatie"], "verwachteVersie": 2, "status": "GEPLAND",
                  "idempotencyKey": "status-1"}  # fmt: skip
        assert data(post(eigen, STATUS, status))["zetGebruikStatus"]["gebruik"]["versienummer"] == 3
        assert data(post(eigen, STATUS, status))["zetGebruikStatus"]["gebruik"]["status"] == "GEPLAND"

        # A delete sent again answers with what it deleted, not NOT_FOUND.
        weg = {"gebruik": first["identificatie"], "verwachteVersie": 3, "idempotencyKey": "weg-1"}
        deleted = data(post(eigen, VERWIJDER, weg))["verwijderGebruik"]
        assert deleted == {"verwijderdId": first["identificatie"], "verwijderdeKoppelingen": 0}
        after_delete = await stand(own_graph.store)
        assert data(post(eigen, VERWIJDER, weg))["verwijderGebruik"] == deleted  # the last dump covers it
        assert len(await records(own_graph)) == 4  # reg-1 twice (two askers), status-1, weg-1

        # Bad keys name the field.
        for key, code in (("", "INVALID_INPUT"), ("x" * 201, "INVALID_INPUT")):
            extensions = fout(post(eigen, REGISTREER, {**registratie, "idempotencyKey": key}))
            assert (extensions["code"], extensions["argument"]) == (code, "input.idempotencyKey")
        assert not await verschil(own_graph.store, after_delete)


async def test_one_key_sent_twice_at_the_same_moment_writes_once(own_graph: Backend) -> None:
    with serve(own_graph) as client:
        minted = await tokens(own_graph, (VNG, "FUNCTIONEEL_BEHEERDER"), (GEMEENTE, "GEBRUIK_BEHEERDER"))
        f = await feiten(Api(client, minted[(VNG, "FUNCTIONEEL_BEHEERDER")]))
        eigen = Api(client, minted[(GEMEENTE, "GEBRUIK_BEHEERDER")])
        input = {"organisatie": GEMEENTE, "applicatie": f["app"], "idempotencyKey": "samen"}
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(lambda _: eigen.post(REGISTREER, {"input": input}).json(), range(8)))
        assert all("errors" not in a for a in answers), [a["errors"] for a in answers if "errors" in a]
        ids = {a["data"]["registreerGebruik"]["gebruik"]["identificatie"] for a in answers}
        assert len(ids) == 1
        count = await own_graph.store.read_text(
            "test/gebruik_van",
            "MATCH (:Organisatie {id: $o})-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(:Applicatie {id: $a}) "
            "RETURN count(g) AS n",
            {"o": GEMEENTE, "a": f["app"]},
        )
        assert count[0]["n"] == 1
        assert [r["object"] for r in await records(own_graph)] == list(ids)


async def test_every_kind_of_write_sent_again_answers_as_the_first_time(own_graph: Backend) -> None:
    """Koppelingen, proposals and concepts take keys as Gebruik do; a write that records several
    changes (a Gebruik deleted with its koppelingen, a proposal accepted, a concept merged) keeps
    its key once, and its repeat answers what the first write answered."""
    store = own_graph.store
    v = await voorstellen.feiten(store)
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (VNG, "FUNCTIONEEL_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (v["lev"], "AANBOD_BEHEERDER"),
        )
        beheer = Api(client, minted[(VNG, "FUNCTIONEEL_BEHEERDER")])
        eigen = Api(client, minted[(GEMEENTE, "GEBRUIK_BEHEERDER")])
        aanbod = Api(client, minted[(v["lev"], "AANBOD_BEHEERDER")])
        f = await feiten(beheer)
        keys: list[str] = []

        async def twice(api: Api, query: str, input: dict[str, Any]) -> dict[str, Any]:
            """Send a write twice; the second answers the same and writes nothing: as many nodes
            and relationships (a change record or an object written again would add one; a
            change of what exists would show in the answer's versienummer). The test above
            compares whole dumps; here, counts keep the Neo4j run short."""
            keys.append(input["idempotencyKey"])
            first = data(api.post(query, {"input": input}))
            written = await sizes(store)
            assert data(api.post(query, {"input": input})) == first
            assert await sizes(store) == written
            return first

        gebruik = (await twice(eigen, REGISTREER, {"organisatie": GEMEENTE, "applicatie": f["app"],
                                                   "idempotencyKey": "g"}))["registreerGebruik"]["gebruik"]  # fmt: skip
        kop = (await twice(eigen, koppelingen.REGISTREER, {
            "van": gebruik["identificatie"], "naar": f["bestaand"], "type": "API", "richting": "HEEN",
            "idempotencyKey": "k",
        }))["registreerKoppeling"]["koppeling"]  # fmt: skip
        assert kop["van"] == {"identificatie": gebruik["identificatie"]} and kop["versienummer"] == 1
        status = await twice(eigen, koppelingen.STATUS, {"koppeling": kop["identificatie"], "verwachteVersie": 1,
                                                         "status": "IN_GEBRUIK", "idempotencyKey": "ks"})  # fmt: skip
        assert status["zetKoppelingStatus"]["koppeling"]["versienummer"] == 2
        weg = await twice(eigen, VERWIJDER, {"gebruik": gebruik["identificatie"], "verwachteVersie": 1,
                                             "ookKoppelingen": True, "idempotencyKey": "weg"})  # fmt: skip
        assert weg["verwijderGebruik"] == {"verwijderdId": gebruik["identificatie"], "verwijderdeKoppelingen": 1}

        voorstel = (await twice(aanbod, voorstellen.STEL_VOOR, {"gemeente": GEMEENTE, "applicatie": v["a"],
                                                                "idempotencyKey": "v"}))["stelGebruikVoor"]  # fmt: skip
        aanvaard = (await twice(eigen, voorstellen.AANVAARD, {
            "voorstel": voorstel["voorstel"]["identificatie"], "verwachteVersie": 1, "idempotencyKey": "a",
        }))["aanvaardGebruiksvoorstel"]  # fmt: skip
        assert aanvaard["voorstel"]["status"] == "AANVAARD"
        assert aanvaard["gebruik"]["applicatie"] == {"identificatie": v["a"]}

        gemeld = (await twice(eigen, concepten.MELD, {"organisatie": GEMEENTE, "naam": concepten.NAAM,
                                                      "idempotencyKey": "m"}))["meldOntbrekendeSoftware"]  # fmt: skip
        samen = (await twice(beheer, concepten.SAMENVOEGEN, {
            "concept": gemeld["applicatie"]["identificatie"], "doel": v["b"], "idempotencyKey": "s",
        }))["voegConceptSamen"]  # fmt: skip
        assert samen == {"applicatie": {"identificatie": v["b"], "status": "ACTIEF"}, "verplaatsteGebruik": 1}

        # Each key is on exactly one change record, of the object its write is about.
        kept = await records(own_graph)
        assert sorted(r["sleutel"].rsplit("/", 1)[1] for r in kept) == sorted(keys)
        objecten = {r["sleutel"].rsplit("/", 1)[1]: r["object"] for r in kept}
        assert objecten["weg"] == gebruik["identificatie"] and objecten["k"] == kop["identificatie"]
        assert objecten["a"] == voorstel["voorstel"]["identificatie"]
        assert objecten["m"] == gemeld["gebruik"]["identificatie"]
        assert objecten["s"] == gemeld["applicatie"]["identificatie"]
