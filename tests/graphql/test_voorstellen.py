"""Gebruiksvoorstellen (issue 17, item 5) through HTTP, in a graph of the test's own on each
engine: a leverancier proposes, the gemeente accepts or rejects, the leverancier withdraws;
who sees which proposal; every refusal the role matrix implies and invalid input, each leaving
the whole graph as it was (a dump of every node and relationship).

The applications and organisations used are found by raw reads of the graph, not through the
API under test; so are the expected lists and counts.
"""

from __future__ import annotations

import json
from typing import Any

from graph_api.store import Store
from tests.backends import Backend
from tests.graafdump import stand, verschil
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_gebruik_mutaties import REGISTREER, data, fout, serve, tokens, wijzigingen

GEMEENTE = "GM0014"

VOORSTEL = """
  voorstel { identificatie status toelichting reden versienummer voorgesteldOp gewijzigdOp
             applicatie { identificatie } gemeente { identificatie } leverancier { identificatie }
             gebruik { identificatie status } }
  gebruik { identificatie status versienummer organisatie { identificatie } applicatie { identificatie } }
"""
STEL_VOOR = "mutation($input: StelGebruikVoorInput!) { stelGebruikVoor(input: $input) {" + VOORSTEL + "} }"
AANVAARD = (
    "mutation($input: AanvaardGebruiksvoorstelInput!) { aanvaardGebruiksvoorstel(input: $input) {"
    + VOORSTEL
    + "} }"
)
WIJS_AF = (
    "mutation($input: WijsGebruiksvoorstelAfInput!) { wijsGebruiksvoorstelAf(input: $input) {"
    + VOORSTEL
    + "} }"
)
TREK_IN = (
    "mutation($input: TrekGebruiksvoorstelInInput!) { trekGebruiksvoorstelIn(input: $input) {"
    + VOORSTEL
    + "} }"
)
LIJST = """
query($g: ID, $s: VoorstelStatus, $after: String) {
  gebruiksvoorstellen(gemeente: $g, status: $s, first: 2, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { identificatie status reden leverancier { identificatie } gemeente { identificatie } }
  }
}"""



async def raw(store: Store, name: str, cypher: str, params: dict[str, Any] | None = None) -> list[dict]:
    return await store.read_text(f"test/{name}", cypher, params or {})


async def feiten(store: Store) -> dict[str, Any]:
    """A leverancier with three applications GM0014 does not use, another leverancier with one,
    and another gemeente: read from the graph itself."""
    rows = await raw(
        store,
        "voorstel_aanbod",
        "MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie) "
        "OPTIONAL MATCH (o:Gemeente {id: $g})-[:GEBRUIKT]->(x:Gebruik)-[:VAN]->(a) "
        "WITH l, a, count(x) AS n WHERE n = 0 "
        "RETURN l.id AS leverancier, collect(a.id) AS apps ORDER BY size(apps) DESC, leverancier",
        {"g": GEMEENTE},
    )
    eigen, ander = rows[0], rows[1]
    assert len(eigen["apps"]) >= 3
    gemeenten = await raw(
        store, "voorstel_gemeente", "MATCH (o:Gemeente) WHERE o.id <> $g RETURN o.id AS id ORDER BY id LIMIT 1",
        {"g": GEMEENTE},
    )  # fmt: skip
    apps = sorted(eigen["apps"])
    return {
        "lev": eigen["leverancier"],
        "a": apps[0],
        "b": apps[1],
        "c": apps[2],
        "andere_lev": ander["leverancier"],
        "andere_app": sorted(ander["apps"])[0],
        "andere_gemeente": gemeenten[0]["id"],
    }


async def voorstellen(store: Store, gemeente: str | None = None, leverancier: str | None = None,
                      status: str | None = None) -> list[str]:  # fmt: skip
    rows = await raw(
        store,
        "voorstel_lijst",
        "MATCH (o:Gemeente)<-[:AAN]-(v:Gebruiksvoorstel)-[:DOOR]->(l:Leverancier) "
        "WHERE ($g IS NULL OR o.id = $g) AND ($l IS NULL OR l.id = $l) AND ($s IS NULL OR v.status = $s) "
        "RETURN v.id AS id ORDER BY v.voorgesteldOp, v.id",
        {"g": gemeente, "l": leverancier, "s": status},
    )
    return [row["id"] for row in rows]


def alle(api: Api, variables: dict[str, Any]) -> tuple[list[dict], int]:
    """Every proposal of the list, page by page (two a page), and its totalCount."""
    nodes: list[dict] = []
    after = None
    while True:
        page = data(api.post(LIJST, {**variables, "after": after}))["gebruiksvoorstellen"]
        nodes += page["nodes"]
        if not page["pageInfo"]["hasNextPage"]:
            return nodes, page["totalCount"]
        after = page["pageInfo"]["endCursor"]


def refused(api: Api, query: str, input: dict[str, Any], code: str, argument: str | None = None) -> dict:
    extensions = fout(api.post(query, {"input": input}))
    assert extensions["code"] == code, (input, extensions)
    if argument is not None:
        assert extensions.get("argument") == argument, (input, extensions)
    return extensions


async def test_every_refused_proposal_or_decision_leaves_the_graph_as_it_was(own_graph: Backend) -> None:
    store = own_graph.store
    f = await feiten(store)
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_RAADPLEGER"),
            (f["andere_gemeente"], "GEBRUIK_BEHEERDER"),
            (f["lev"], "AANBOD_BEHEERDER"),
            (f["andere_lev"], "AANBOD_BEHEERDER"),
            (VNG, "VNG_RAADPLEGER"),
        )
        wie = {key: Api(client, token) for key, token in minted.items()}
        gemeente = wie[(GEMEENTE, "GEBRUIK_BEHEERDER")]
        raadpleger = wie[(GEMEENTE, "GEBRUIK_RAADPLEGER")]
        anders = wie[(f["andere_gemeente"], "GEBRUIK_BEHEERDER")]
        lev = wie[(f["lev"], "AANBOD_BEHEERDER")]
        andere_lev = wie[(f["andere_lev"], "AANBOD_BEHEERDER")]
        vng = wie[(VNG, "VNG_RAADPLEGER")]
        bezoeker = Api(client)

        # What the refusals are about: an open proposal of a, a withdrawn one of c, and b in use.
        open_ = data(lev.post(STEL_VOOR, {"input": {"gemeente": GEMEENTE, "applicatie": f["a"]}}))
        p = open_["stelGebruikVoor"]["voorstel"]["identificatie"]
        q = data(lev.post(STEL_VOOR, {"input": {"gemeente": GEMEENTE, "applicatie": f["c"]}}))
        q_id = q["stelGebruikVoor"]["voorstel"]["identificatie"]
        data(lev.post(TREK_IN, {"input": {"voorstel": q_id, "verwachteVersie": 1}}))
        data(gemeente.post(REGISTREER, {"input": {"organisatie": GEMEENTE, "applicatie": f["b"]}}))
        before = await stand(store)

        # Proposing: only the aanbod-beheerder of the application's own leverancier.
        nieuw = {"gemeente": GEMEENTE, "applicatie": f["c"]}
        refused(bezoeker, STEL_VOOR, nieuw, "UNAUTHENTICATED")
        for api in (gemeente, raadpleger, anders, vng):
            refused(api, STEL_VOOR, nieuw, "FORBIDDEN")
        refused(andere_lev, STEL_VOOR, nieuw, "FORBIDDEN", "input.applicatie")
        refused(lev, STEL_VOOR, {**nieuw, "applicatie": f["andere_app"]}, "FORBIDDEN", "input.applicatie")
        # Bad input, each naming its field.
        refused(lev, STEL_VOOR, {**nieuw, "applicatie": "app-bestaat-niet"}, "NOT_FOUND", "input.applicatie")
        refused(lev, STEL_VOOR, {**nieuw, "gemeente": "GM9999"}, "NOT_FOUND", "input.gemeente")
        refused(lev, STEL_VOOR, {**nieuw, "gemeente": f["lev"]}, "NOT_FOUND", "input.gemeente")
        refused(lev, STEL_VOOR, {**nieuw, "toelichting": "x" * 10_001}, "INVALID_INPUT", "input.toelichting")
        refused(lev, STEL_VOOR, {**nieuw, "applicatie": "a" * 301}, "INVALID_INPUT", "input.applicatie")
        refused(lev, STEL_VOOR, {**nieuw, "toelichting": "met\x00nul"}, "INVALID_TEXT")
        assert fout(lev.post(STEL_VOOR, {"input": {"gemeente": GEMEENTE}}))["code"] == "BAD_USER_INPUT"
        refused(lev, STEL_VOOR, {**nieuw, "gemeente": _global("Leverancier", f["lev"])}, "INVALID_ID",
                "input.gemeente")  # fmt: skip
        # Duplicates: the gemeente uses b already; a is proposed and still open.
        refused(lev, STEL_VOOR, {**nieuw, "applicatie": f["b"]}, "DUPLICATE", "input.applicatie")
        refused(lev, STEL_VOOR, {**nieuw, "applicatie": f["a"]}, "DUPLICATE", "input.applicatie")

        # Deciding: only a gebruik-beheerder of the gemeente; one of another gemeente does not
        # see the proposal at all.
        beslis = {"voorstel": p, "verwachteVersie": 1}
        for query, input in ((AANVAARD, beslis), (WIJS_AF, {**beslis, "reden": "Nee"})):
            refused(bezoeker, query, input, "UNAUTHENTICATED")
            for api in (raadpleger, lev, vng):
                refused(api, query, input, "FORBIDDEN")
            refused(anders, query, input, "NOT_FOUND", "input.voorstel")
            refused(gemeente, query, {**input, "voorstel": "gvs-bestaat-niet"}, "NOT_FOUND", "input.voorstel")
            conflict = refused(gemeente, query, {**input, "verwachteVersie": 2}, "VERSION_CONFLICT")
            assert conflict["huidigeVersie"] == 1
            gesloten = refused(gemeente, query, {**input, "voorstel": q_id, "verwachteVersie": 2},
                               "TRANSITION_NOT_ALLOWED", "input.voorstel")  # fmt: skip
            assert gesloten["toegestaan"] == []
        for reden in ("", "   "):
            refused(gemeente, WIJS_AF, {**beslis, "reden": reden}, "INVALID_INPUT", "input.reden")
        refused(gemeente, WIJS_AF, {**beslis, "reden": "x" * 10_001}, "INVALID_INPUT", "input.reden")
        assert fout(gemeente.post(WIJS_AF, {"input": beslis}))["code"] == "BAD_USER_INPUT"
        assert (
            fout(gemeente.post(AANVAARD, {"input": {**beslis, "status": "KAPOT"}}))["code"]
            == "BAD_USER_INPUT"
        )

        # Withdrawing: only the proposer's aanbod-beheerder; another leverancier sees nothing.
        refused(bezoeker, TREK_IN, beslis, "UNAUTHENTICATED")
        for api in (gemeente, raadpleger, anders, vng):
            refused(api, TREK_IN, beslis, "FORBIDDEN")
        refused(andere_lev, TREK_IN, beslis, "NOT_FOUND", "input.voorstel")
        refused(lev, TREK_IN, {**beslis, "verwachteVersie": 0}, "VERSION_CONFLICT")
        refused(lev, TREK_IN, {"voorstel": q_id, "verwachteVersie": 2}, "TRANSITION_NOT_ALLOWED")

        # Who sees which proposal: the refused reads are empty lists, not errors.
        assert alle(gemeente, {"g": GEMEENTE, "s": "VOORGESTELD"})[0][0]["identificatie"] == p
        for api in (bezoeker, anders, andere_lev, vng):
            assert alle(api, {}) == ([], 0)
            assert alle(api, {"g": GEMEENTE}) == ([], 0)

        assert not await verschil(store, before)


def _global(kind: str, key: str) -> str:
    import base64

    return base64.b64encode(f"{kind}:{key}".encode()).decode()


async def test_a_leverancier_proposes_and_the_gemeente_accepts_or_rejects(own_graph: Backend) -> None:
    store = own_graph.store
    f = await feiten(store)
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_RAADPLEGER"),
            (f["lev"], "AANBOD_BEHEERDER"),
            (VNG, "FUNCTIONEEL_BEHEERDER"),
        )
        gemeente, raadpleger, lev, beheer = (Api(client, token) for token in minted.values())
        gebruik_voor = (await raw(store, "voorstel_telling", "MATCH (:Gemeente {id: $g})-[:GEBRUIKT]->(x) "
                                  "RETURN count(x) AS n", {"g": GEMEENTE}))[0]["n"]  # fmt: skip

        # Proposed: open at versie 1, by the leverancier, recorded as its change.
        voorgesteld = data(lev.post(STEL_VOOR, {"input": {
            "gemeente": GEMEENTE, "applicatie": f["a"], "toelichting": "U gebruikt dit al sinds 2019",
        }}))["stelGebruikVoor"]  # fmt: skip
        v = voorgesteld["voorstel"]
        p = v["identificatie"]
        assert v == {
            "identificatie": p, "status": "VOORGESTELD", "toelichting": "U gebruikt dit al sinds 2019",
            "reden": None, "versienummer": 1, "voorgesteldOp": v["voorgesteldOp"],
            "gewijzigdOp": v["voorgesteldOp"], "applicatie": {"identificatie": f["a"]},
            "gemeente": {"identificatie": GEMEENTE}, "leverancier": {"identificatie": f["lev"]},
            "gebruik": None,
        }  # fmt: skip
        assert voorgesteld["gebruik"] is None and p.startswith("gvs-")
        [record] = await wijzigingen(store, p)
        assert record["w"]["operatie"] == "AANGEMAAKT" and record["w"]["objectLabel"] == "Gebruiksvoorstel"
        assert record["w"]["actorOrganisatie"] == f["lev"] and record["w"]["organisatie"] == GEMEENTE

        # The gemeente's raadpleger sees what waits for it; the leverancier its own proposals.
        wachtend = await voorstellen(store, gemeente=GEMEENTE, status="VOORGESTELD")
        for api in (raadpleger, gemeente):
            nodes, totaal = alle(api, {"g": GEMEENTE, "s": "VOORGESTELD"})
            assert [n["identificatie"] for n in nodes] == wachtend == [p] and totaal == 1
        eigen, totaal = alle(lev, {})
        assert [n["identificatie"] for n in eigen] == await voorstellen(store, leverancier=f["lev"])
        assert totaal == len(eigen) and {n["leverancier"]["identificatie"] for n in eigen} == {f["lev"]}

        # Accepted: the gemeente's ordinary Gebruik, both changes recorded, in one write.
        aanvaard = data(gemeente.post(AANVAARD, {"input": {"voorstel": p, "verwachteVersie": 1,
                                                           "status": "GEPLAND"}}))["aanvaardGebruiksvoorstel"]  # fmt: skip
        g = aanvaard["gebruik"]
        assert g["status"] == "GEPLAND" and g["versienummer"] == 1
        assert g["organisatie"] == {"identificatie": GEMEENTE} and g["applicatie"] == {
            "identificatie": f["a"]
        }
        assert aanvaard["voorstel"]["status"] == "AANVAARD" and aanvaard["voorstel"]["versienummer"] == 2
        assert aanvaard["voorstel"]["gebruik"] == {"identificatie": g["identificatie"], "status": "GEPLAND"}
        na = (await raw(store, "voorstel_telling2", "MATCH (:Gemeente {id: $g})-[:GEBRUIKT]->(x) "
                        "RETURN count(x) AS n", {"g": GEMEENTE}))[0]["n"]  # fmt: skip
        assert na == gebruik_voor + 1
        [gemaakt] = await wijzigingen(store, g["identificatie"])
        assert gemaakt["w"]["operatie"] == "AANGEMAAKT" and gemaakt["w"]["actorOrganisatie"] == GEMEENTE
        assert json.loads(gemaakt["w"]["na"])["voorstel"] == p
        assert [r["w"]["operatie"] for r in await wijzigingen(store, p)] == ["AANGEMAAKT", "STATUS_GEWIJZIGD"]
        assert await voorstellen(store, gemeente=GEMEENTE, status="VOORGESTELD") == []
        assert alle(gemeente, {"g": GEMEENTE, "s": "VOORGESTELD"}) == ([], 0)
        # Now in use: proposing it again is a duplicate.
        refused(lev, STEL_VOOR, {"gemeente": GEMEENTE, "applicatie": f["a"]}, "DUPLICATE", "input.applicatie")

        # Rejected with a reason the leverancier reads; then proposed again, and withdrawn.
        b = data(lev.post(STEL_VOOR, {"input": {"gemeente": GEMEENTE, "applicatie": f["b"]}}))
        b_id = b["stelGebruikVoor"]["voorstel"]["identificatie"]
        afgewezen = data(gemeente.post(WIJS_AF, {"input": {"voorstel": b_id, "verwachteVersie": 1,
                                                           "reden": "Wij gebruiken dit niet"}}))  # fmt: skip
        assert afgewezen["wijsGebruiksvoorstelAf"]["voorstel"]["status"] == "AFGEWEZEN"
        gezien = {n["identificatie"]: n for n in alle(lev, {})[0]}
        assert gezien[b_id]["status"] == "AFGEWEZEN" and gezien[b_id]["reden"] == "Wij gebruiken dit niet"
        opnieuw = data(lev.post(STEL_VOOR, {"input": {"gemeente": GEMEENTE, "applicatie": f["b"]}}))
        b2 = opnieuw["stelGebruikVoor"]["voorstel"]["identificatie"]
        assert b2 != b_id
        ingetrokken = data(lev.post(TREK_IN, {"input": {"voorstel": b2, "verwachteVersie": 1}}))
        assert ingetrokken["trekGebruiksvoorstelIn"]["voorstel"]["status"] == "INGETROKKEN"
        record = (await wijzigingen(store, b2))[-1]["w"]
        assert (
            json.loads(record["na"]) == {"status": "INGETROKKEN"} and record["actorOrganisatie"] == f["lev"]
        )

        # Accepting what the gemeente registered meanwhile: DUPLICATE, and nothing written.
        c = data(lev.post(STEL_VOOR, {"input": {"gemeente": GEMEENTE, "applicatie": f["c"]}}))
        c_id = c["stelGebruikVoor"]["voorstel"]["identificatie"]
        data(gemeente.post(REGISTREER, {"input": {"organisatie": GEMEENTE, "applicatie": f["c"]}}))
        before = await stand(store)
        refused(gemeente, AANVAARD, {"voorstel": c_id, "verwachteVersie": 1}, "DUPLICATE", "input.voorstel")
        assert not await verschil(store, before)
        # It can still be rejected, by functioneel beheer too (recorded as made for VNG).
        data(
            beheer.post(
                WIJS_AF, {"input": {"voorstel": c_id, "verwachteVersie": 1, "reden": "Al geregistreerd"}}
            )
        )
        assert (await wijzigingen(store, c_id))[-1]["w"]["actorOrganisatie"] == VNG
        alles = alle(beheer, {"g": GEMEENTE})[0]
        assert [n["identificatie"] for n in alles] == await voorstellen(store, gemeente=GEMEENTE)
        statussen = {n["identificatie"]: n["status"] for n in alles}
        assert statussen == {p: "AANVAARD", b_id: "AFGEWEZEN", b2: "INGETROKKEN", c_id: "AFGEWEZEN"}


async def test_a_retired_application_or_a_concept_takes_no_new_gebruik(own_graph: Backend) -> None:
    """A retired application (trekApplicatieTerug) is neither registered nor proposed anew, nor
    is a proposal of it made before accepted (RETIRED), while the Gebruik it had stays and still
    changes; a leverancier's concept product
    is not proposed (INVALID_ARGUMENT for who sees it, NOT_FOUND for who does not). Every refusal
    leaves the graph as it was."""
    from tests.graphql.test_applicatie_mutaties import NIEUW, TERUG, product, schrijf
    from tests.graphql.test_applicatie_mutaties import REGISTREER as REGISTREER_APPLICATIE
    from tests.graphql.test_gebruik_mutaties import WIJZIG

    store = own_graph.store
    # An active application GM0014 uses, and another gemeente that does not: from raw reads.
    [r] = await raw(store, "teruggetrokken", """
        MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie)<-[:VAN]-(x:Gebruik)<-[:GEBRUIKT]-(:Gemeente {id: $g})
        WHERE a.status = 'ACTIEF' AND a.gemeldDoor IS NULL
        RETURN l.id AS lev, a.id AS app, coalesce(a.versie, 1) AS versie, x.id AS gebruik,
               coalesce(x.versie, 1) AS gebruikVersie ORDER BY app LIMIT 1""", {"g": GEMEENTE})  # fmt: skip
    [ander] = await raw(store, "ander", """
        MATCH (o:Gemeente) WHERE o.id <> $g
        OPTIONAL MATCH (o)-[:GEBRUIKT]->(x:Gebruik)-[:VAN]->(:Applicatie {id: $a})
        WITH o, count(x) AS n WHERE n = 0
        RETURN o.id AS id ORDER BY id LIMIT 1""", {"g": GEMEENTE, "a": r["app"]})  # fmt: skip
    andere = ander["id"]
    await schrijf(store, "nieuw", "CREATE (:Organisatie:Leverancier {id: $id, naam: 'Nieuwkomer BV', status: 'ACTIEF'})",
                  {"id": NIEUW})  # fmt: skip
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (andere, "GEBRUIK_BEHEERDER"),
            (r["lev"], "AANBOD_BEHEERDER"),
            (NIEUW, "AANBOD_BEHEERDER"),
            (VNG, "FUNCTIONEEL_BEHEERDER"),
        )
        gebruiker, gemeente, lev, nieuw, beheer = (Api(client, token) for token in minted.values())
        # Proposed while active, retired before the gemeente decides.
        open_ = data(lev.post(STEL_VOOR, {"input": {"gemeente": andere, "applicatie": r["app"]}}))
        voorstel = open_["stelGebruikVoor"]["voorstel"]["identificatie"]
        teruggetrokken = data(lev.post(TERUG, {"input": {"applicatie": r["app"], "verwachteVersie": r["versie"]}}))
        assert teruggetrokken["trekApplicatieTerug"]["applicatie"]["status"] == "TERUGGETROKKEN"
        # No published application yet: what the new leverancier registers is a concept.
        concept = data(nieuw.post(REGISTREER_APPLICATIE, {"input": product(NIEUW)}))["registreerApplicatie"]
        assert concept["applicatie"]["status"] == "CONCEPT"
        concept_id = concept["applicatie"]["identificatie"]
        before = await stand(store)

        for api in (gemeente, beheer):
            refused(api, REGISTREER, {"organisatie": andere, "applicatie": r["app"]}, "RETIRED", "input.applicatie")
        for api in (lev, beheer):
            refused(api, STEL_VOOR, {"gemeente": andere, "applicatie": r["app"]}, "RETIRED", "input.applicatie")
        for api in (nieuw, beheer):
            refused(api, STEL_VOOR, {"gemeente": andere, "applicatie": concept_id}, "INVALID_ARGUMENT",
                    "input.applicatie")  # fmt: skip
        refused(gemeente, AANVAARD, {"voorstel": voorstel, "verwachteVersie": 1}, "RETIRED", "input.voorstel")
        # Another leverancier's aanbod-beheerder does not see the concept at all.
        refused(lev, STEL_VOOR, {"gemeente": andere, "applicatie": concept_id}, "NOT_FOUND", "input.applicatie")
        assert not await verschil(store, before)
        # The open proposal is still rejected.
        afgewezen = data(gemeente.post(WIJS_AF, {"input": {"voorstel": voorstel, "verwachteVersie": 1,
                                                            "reden": "Teruggetrokken"}}))  # fmt: skip
        assert afgewezen["wijsGebruiksvoorstelAf"]["voorstel"]["status"] == "AFGEWEZEN"

        # The Gebruik it had stays, and its organisation still changes it.
        gewijzigd = data(gebruiker.post(WIJZIG, {"input": {
            "gebruik": r["gebruik"], "verwachteVersie": r["gebruikVersie"], "notities": "Loopt nog tot 2027",
        }}))["wijzigGebruik"]["gebruik"]  # fmt: skip
        assert gewijzigd["identificatie"] == r["gebruik"] and gewijzigd["notities"] == "Loopt nog tot 2027"
