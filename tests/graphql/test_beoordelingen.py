"""Reviews (F006, issue 19 item 4) through HTTP, in a graph of the test's own on each engine: an
organisation that uses an application or takes a dienst reviews it, functioneel beheer moderates,
the leverancier answers once; every role of the matrix writes only what it may, sees approved
reviews named only where it may see the organisation's use and anonymous elsewhere (and those
only from the group floor up), and hears of them by melding. Every refused or invalid write
leaves the whole graph as it was. Expected answers come from raw rows of the graph.

One setup is a raw write (the module's `schrijf`): retiring an application the gemeente uses,
which no mutation of this part does, to see that a retired application takes no review.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from graph_api.store import Store
from tests.backends import Backend
from tests.graafdump import stand, verschil
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_dienst_mutaties import raw, refused, schrijf
from tests.graphql.test_gebruik_mutaties import GEMEENTE, REGISTREER, data, serve, tokens

BEOORDELING = "identificatie score tekst status reden antwoord versienummer organisatie { identificatie }"
SCHRIJF = f"""
mutation($input: SchrijfBeoordelingInput!) {{ schrijfBeoordeling(input: $input) {{ beoordeling {{ {BEOORDELING} }} }} }}"""
KEUR = f"""
mutation($input: KeurBeoordelingGoedInput!) {{ keurBeoordelingGoed(input: $input) {{ beoordeling {{ {BEOORDELING} }} }} }}"""
WIJS = f"""
mutation($input: WijsBeoordelingAfInput!) {{ wijsBeoordelingAf(input: $input) {{ beoordeling {{ {BEOORDELING} }} }} }}"""
ANTWOORD = f"""
mutation($input: BeantwoordBeoordelingInput!) {{ beantwoordBeoordeling(input: $input) {{
  beoordeling {{ {BEOORDELING} }} }} }}"""
OPENBAAR = """
query($id: ID!) { node(id: $id) { ... on Applicatie { ...b } ... on Dienst { ...b } } }
fragment b on Node { ... on Applicatie { beoordelingen(first: 50) { totalCount edges { cursor node {
  identificatie score tekst antwoord organisatie { identificatie naam } } } }
  beoordelingsoverzicht { aantal gemiddelde verborgen verdeling { score aantal } } }
  ... on Dienst { beoordelingen(first: 50) { totalCount edges { cursor node {
  identificatie score tekst antwoord organisatie { identificatie naam } } } }
  beoordelingsoverzicht { aantal gemiddelde verborgen verdeling { score aantal } } } }"""
LIJST = f"""
query($status: BeoordelingStatus) {{ beoordelingen(status: $status, first: 100) {{
  totalCount nodes {{ {BEOORDELING} }} }} }}"""


def _global(kind: str, key: str) -> str:
    return base64.b64encode(f"{kind}:{key}".encode()).decode()


async def feiten(store: Store) -> dict[str, Any]:
    """From raw rows: an application GM0014 (the own graph's one landscape) uses, published and
    not UITGEFASEERD, and its leverancier; a second one it uses; a dienst on offer its Gebruik
    take, and that dienst's leverancier; five other gemeenten; another leverancier."""
    [app] = await raw(store, "bdl_app", """
        MATCH (l:Leverancier)-[:BIEDT_AAN]->(x:Applicatie)<-[:VAN]-(u:Gebruik)<-[:GEBRUIKT]-(o:Gemeente {id: $g})
        WHERE x.gemeldDoor IS NULL AND coalesce(x.status, 'ACTIEF') = 'ACTIEF' AND u.status <> 'UITGEFASEERD'
        RETURN x.id AS x, x.naam AS naam, l.id AS l ORDER BY x.id LIMIT 1""", {"g": GEMEENTE})  # fmt: skip
    [tweede] = await raw(store, "bdl_tweede", """
        MATCH (o:Gemeente {id: $g})-[:GEBRUIKT]->(u:Gebruik)-[:VAN]->(y:Applicatie)
        WHERE y.id > $x AND y.gemeldDoor IS NULL AND u.status <> 'UITGEFASEERD'
        RETURN y.id AS id ORDER BY y.id LIMIT 1""", {"g": GEMEENTE, "x": app["x"]})  # fmt: skip
    [dienst] = await raw(store, "bdl_dienst", """
        MATCH (ld:Leverancier)-[:LEVERT]->(d:Dienst)<-[:NEEMT_AF]-(u:Gebruik)<-[:GEBRUIKT]-(:Gemeente {id: $g})
        WHERE coalesce(d.status, 'AANGEBODEN') = 'AANGEBODEN' AND u.status <> 'UITGEFASEERD'
        RETURN d.id AS d, d.naam AS dnaam, ld.id AS ld ORDER BY d.id LIMIT 1""", {"g": GEMEENTE})  # fmt: skip
    andere = await raw(store, "bdl_andere", """
        MATCH (o:Gemeente) WHERE o.id <> $g AND o.gemeldDoor IS NULL
        RETURN o.id AS id ORDER BY o.id LIMIT 5""", {"g": GEMEENTE})  # fmt: skip
    [l2] = await raw(store, "bdl_l2", """
        MATCH (l:Leverancier) WHERE NOT l.id IN [$l, $ld] AND l.gemeldDoor IS NULL
        RETURN l.id AS id ORDER BY l.id LIMIT 1""", {"l": app["l"], "ld": dienst["ld"]})  # fmt: skip
    return {**app, **dienst, "g": GEMEENTE, "tweede": tweede["id"], "andere": [o["id"] for o in andere],
            "ander": andere[0]["id"], "l2": l2["id"]}  # fmt: skip


async def beoordeling_rauw(store: Store, beoordeling: str) -> dict[str, Any]:
    [row] = await raw(store, "bdl_rauw", """
        MATCH (o:Organisatie)-[:SCHREEF]->(b:Beoordeling {id: $b})-[:OVER]->(x)
        RETURN b {.*} AS b, o.id AS organisatie, x.id AS object""", {"b": beoordeling})  # fmt: skip
    return row


async def records(store: Store, object_id: str) -> list[dict[str, Any]]:
    rows = await raw(store, "bdl_records",
                     "MATCH (w:Wijziging) WHERE w.object = $id RETURN w {.*} AS w ORDER BY w.tijdstip, w.id",
                     {"id": object_id})  # fmt: skip
    return [row["w"] for row in rows]


async def goedgekeurd(store: Store, object_id: str) -> list[dict[str, Any]]:
    """The approved reviews of an object, from raw rows: score and organisation."""
    return await raw(store, "bdl_goedgekeurd", """
        MATCH (o:Organisatie)-[:SCHREEF]->(b:Beoordeling)-[:OVER]->(x {id: $x})
        WHERE b.status = 'GOEDGEKEURD' RETURN b.id AS id, b.score AS score, o.id AS organisatie, o.naam AS naam""",
        {"x": object_id})  # fmt: skip


async def leden(store: Store, organisatie: str, rol: str | None = None) -> set[str]:
    """The active persons of an organisation's active memberships (with `rol`, when given)."""
    rows = await raw(store, "bdl_leden", """
        MATCH (p:Gebruiker)-[r:LID_VAN]->(o:Organisatie {id: $o})
        WHERE p.status = 'ACTIEF' AND coalesce(p.soort, 'PERSOON') = 'PERSOON'
          AND coalesce(r.status, 'ACTIEF') = 'ACTIEF' AND ($rol IS NULL OR $rol IN r.rollen)
        RETURN p.id AS id""", {"o": organisatie, "rol": rol})  # fmt: skip
    return {row["id"] for row in rows}


async def meldingen(store: Store, soort: str, wijziging: str) -> dict[str, str]:
    """Each recipient's text of the meldingen of a kind that follow a change record, from raw rows."""
    rows = await raw(store, "bdl_meldingen", """
        MATCH (m:Melding) WHERE m.soort = $soort AND m.wijziging = $w
        RETURN m.ontvanger AS ontvanger, m.tekst AS tekst""", {"soort": soort, "w": wijziging})  # fmt: skip
    return {row["ontvanger"]: row["tekst"] for row in rows}


async def laatste(store: Store, beoordeling: str) -> dict[str, Any]:
    """The latest change record of a review."""
    return (await records(store, beoordeling))[-1]


def openbaar(api: Api, kind: str, object_id: str) -> dict[str, Any]:
    return data(api.post(OPENBAAR, {"id": _global(kind, object_id)}))["node"]


async def test_who_may_write_and_moderate_and_every_refusal_leaves_the_graph_as_it_was(
    own_graph: Backend,
) -> None:
    store = own_graph.store
    f = await feiten(store)
    g, x = f["g"], f["x"]
    minted = await tokens(
        own_graph,
        (g, "GEBRUIK_BEHEERDER"),
        (g, "GEBRUIK_RAADPLEGER"),
        (g, "ORGANISATIE_BEHEERDER"),
        (f["ander"], "GEBRUIK_BEHEERDER"),
        (f["l"], "AANBOD_BEHEERDER"),
        (f["l2"], "AANBOD_BEHEERDER"),
        (VNG, "VNG_RAADPLEGER"),
        (VNG, "FUNCTIONEEL_BEHEERDER"),
    )
    await schrijf(store, "bdl_teruggetrokken", "MATCH (y:Applicatie {id: $y}) SET y.status = 'TERUGGETROKKEN'",
                  {"y": f["tweede"]})  # fmt: skip
    with serve(own_graph) as client:
        wie = {key: Api(client, token) for key, token in minted.items()}
        eigen, beheer = wie[(g, "GEBRUIK_BEHEERDER")], wie[(VNG, "FUNCTIONEEL_BEHEERDER")]
        leverancier, ander = wie[(f["l"], "AANBOD_BEHEERDER")], wie[(f["ander"], "GEBRUIK_BEHEERDER")]
        review = {"organisatie": g, "object": x, "score": 4, "toelichting": "Werkt goed."}

        # Written: INGEDIEND at versie 1, recorded in the gemeente's landscape.
        geschreven = data(eigen.post(SCHRIJF, {"input": {**review, "idempotencyKey": "b-1"}}))
        b = geschreven["schrijfBeoordeling"]["beoordeling"]
        bid = b["identificatie"]
        rauw = await beoordeling_rauw(store, bid)
        assert (rauw["organisatie"], rauw["object"]) == (g, x)
        assert (rauw["b"]["score"], rauw["b"]["tekst"], rauw["b"]["status"], rauw["b"]["versie"]) == (
            4, "Werkt goed.", "INGEDIEND", 1)  # fmt: skip
        assert b == {"identificatie": bid, "score": 4, "tekst": "Werkt goed.", "status": "INGEDIEND",
                     "reden": None, "antwoord": None, "versienummer": 1, "organisatie": {"identificatie": g}}  # fmt: skip
        [record] = await records(store, bid)
        na = json.loads(record["na"])
        assert (record["organisatie"], record["operatie"], na["object"], na["score"]) == (
            g,
            "AANGEMAAKT",
            x,
            4,
        )
        # Sent again with its key: the same review, nothing written.
        assert data(eigen.post(SCHRIJF, {"input": {**review, "idempotencyKey": "b-1"}})) == geschreven
        assert len(await records(store, bid)) == 1
        before = await stand(store)

        # Who writes: the organisation's gebruik-beheerder only. Its other roles, a leverancier,
        # VNG's raadpleger: FORBIDDEN before any statement; functioneel beheer and another
        # gemeente's gebruik-beheerder write no opinion of this gemeente (FORBIDDEN, the field).
        nieuw = {**review, "object": f["d"]}  # a dienst it takes, not reviewed yet
        refused(Api(client), SCHRIJF, nieuw, "UNAUTHENTICATED")
        for rol in ((g, "GEBRUIK_RAADPLEGER"), (g, "ORGANISATIE_BEHEERDER"), (f["l"], "AANBOD_BEHEERDER"),
                    (VNG, "VNG_RAADPLEGER")):  # fmt: skip
            refused(wie[rol], SCHRIJF, nieuw, "FORBIDDEN")
        refused(beheer, SCHRIJF, nieuw, "FORBIDDEN", "input.organisatie")
        refused(ander, SCHRIJF, nieuw, "FORBIDDEN", "input.organisatie")
        # A gemeente that does not use the application or take the dienst: NOT_A_USER; a retired
        # application its own gemeente uses: RETIRED.
        for object_id in (x, f["d"]):
            refused(ander, SCHRIJF, {**review, "organisatie": f["ander"], "object": object_id}, "NOT_A_USER",
                    "input.object")  # fmt: skip
        refused(eigen, SCHRIJF, {**review, "object": f["tweede"]}, "RETIRED", "input.object")
        # Bad input, each naming its field; one review per organisation per object, so the one
        # written is written again at its versie only.
        for input, code, argument in (
            ({**nieuw, "score": 0}, "INVALID_INPUT", "input.score"),
            ({**nieuw, "score": 6}, "INVALID_INPUT", "input.score"),
            ({**nieuw, "toelichting": ""}, "INVALID_INPUT", "input.toelichting"),
            ({**nieuw, "toelichting": "   "}, "INVALID_INPUT", "input.toelichting"),
            ({**nieuw, "toelichting": "x" * 2_001}, "INVALID_INPUT", "input.toelichting"),
            ({**nieuw, "object": "app-bestaat-niet"}, "NOT_FOUND", "input.object"),
            ({**nieuw, "object": _global("Gemeente", g)}, "INVALID_ID", "input.object"),
            ({**nieuw, "verwachteVersie": 1}, "VERSION_CONFLICT", "input.verwachteVersie"),
            (review, "VERSION_CONFLICT", "input.verwachteVersie"),
            ({**review, "verwachteVersie": 2}, "VERSION_CONFLICT", "input.verwachteVersie"),
        ):
            refused(eigen, SCHRIJF, input, code, argument)
        # Moderation: functioneel beheer only, a reason to reject, at the versie.
        moderatie = {"beoordeling": bid, "verwachteVersie": 1}
        for query, input in ((KEUR, moderatie), (WIJS, {**moderatie, "reden": "Reclame"})):
            refused(Api(client), query, input, "UNAUTHENTICATED")
            for rol in ((g, "GEBRUIK_BEHEERDER"), (f["l"], "AANBOD_BEHEERDER"), (VNG, "VNG_RAADPLEGER"),
                        (g, "ORGANISATIE_BEHEERDER")):  # fmt: skip
                refused(wie[rol], query, input, "FORBIDDEN")
            refused(
                beheer, query, {**input, "verwachteVersie": 2}, "VERSION_CONFLICT", "input.verwachteVersie"
            )
            refused(
                beheer, query, {**input, "beoordeling": "bdl-bestaat-niet"}, "NOT_FOUND", "input.beoordeling"
            )
        refused(beheer, WIJS, {**moderatie, "reden": " "}, "INVALID_INPUT", "input.reden")
        # Not approved: no answer; the leverancier does not see it at all, functioneel beheer
        # sees it waiting; the gemeente has no aanbod role.
        antwoord = {"beoordeling": bid, "verwachteVersie": 1, "antwoord": "Dank u."}
        refused(Api(client), ANTWOORD, antwoord, "UNAUTHENTICATED")
        refused(eigen, ANTWOORD, antwoord, "FORBIDDEN")
        refused(leverancier, ANTWOORD, antwoord, "NOT_FOUND", "input.beoordeling")
        refused(beheer, ANTWOORD, antwoord, "TRANSITION_NOT_ALLOWED", "input.beoordeling")
        assert not await verschil(store, before)

        # Approved and answered, then: moderated once only, answered once, by its own leverancier.
        assert data(beheer.post(KEUR, {"input": moderatie}))["keurBeoordelingGoed"]["beoordeling"]["status"] == (
            "GOEDGEKEURD")  # fmt: skip
        refused(wie[(f["l2"], "AANBOD_BEHEERDER")], ANTWOORD, {**antwoord, "verwachteVersie": 2}, "FORBIDDEN",
                "input.beoordeling")  # fmt: skip
        beantwoord = data(leverancier.post(ANTWOORD, {"input": {**antwoord, "verwachteVersie": 2}}))
        assert beantwoord["beantwoordBeoordeling"]["beoordeling"]["antwoord"] == "Dank u."
        assert (await beoordeling_rauw(store, bid))["b"]["antwoord"] == "Dank u."
        before = await stand(store)
        refused(beheer, WIJS, {**moderatie, "verwachteVersie": 3, "reden": "x"}, "TRANSITION_NOT_ALLOWED",
                "input.beoordeling")  # fmt: skip
        refused(
            leverancier, ANTWOORD, {**antwoord, "verwachteVersie": 2}, "ALREADY_ANSWERED", "input.beoordeling"
        )
        refused(leverancier, ANTWOORD, {**antwoord, "verwachteVersie": 3, "antwoord": ""}, "INVALID_INPUT",
                "input.antwoord")  # fmt: skip
        refused(beheer, ANTWOORD, {**antwoord, "verwachteVersie": 3}, "ALREADY_ANSWERED", "input.beoordeling")
        assert not await verschil(store, before)


async def test_a_review_is_moderated_answered_and_shown_to_each_role_as_the_matrix_says(
    own_graph: Backend,
) -> None:
    store = own_graph.store
    f = await feiten(store)
    g, x, lev = f["g"], f["x"], f["l"]
    reviewers = f["andere"][:4]
    minted = await tokens(
        own_graph,
        (g, "GEBRUIK_BEHEERDER"),
        (g, "GEBRUIK_RAADPLEGER"),
        *((o, "GEBRUIK_BEHEERDER") for o in reviewers),
        (lev, "AANBOD_BEHEERDER"),
        (f["l2"], "AANBOD_BEHEERDER"),
        (VNG, "VNG_RAADPLEGER"),
        (VNG, "FUNCTIONEEL_BEHEERDER"),
    )
    with serve(own_graph) as client:
        wie = {key: Api(client, token) for key, token in minted.items()}
        eigen, raadpleger = wie[(g, "GEBRUIK_BEHEERDER")], wie[(g, "GEBRUIK_RAADPLEGER")]
        beheer, leverancier = wie[(VNG, "FUNCTIONEEL_BEHEERDER")], wie[(lev, "AANBOD_BEHEERDER")]
        anoniem = {"bezoeker": Api(client), "vng-raadpleger": wie[(VNG, "VNG_RAADPLEGER")],
                   "andere leverancier": wie[(f["l2"], "AANBOD_BEHEERDER")]}  # fmt: skip
        functioneel_beheer = await leden(store, VNG, "FUNCTIONEEL_BEHEERDER")

        # Written, and waiting: functioneel beheer hears it, named (it may see who wrote it).
        b = data(
            eigen.post(
                SCHRIJF, {"input": {"organisatie": g, "object": x, "score": 2, "toelichting": "Traag."}}
            )
        )
        bid = b["schrijfBeoordeling"]["beoordeling"]["identificatie"]
        [gnaam] = [r["naam"] for r in await raw(store, "bdl_naam", "MATCH (o:Organisatie {id: $o}) RETURN o.naam AS naam",
                                                {"o": g})]  # fmt: skip
        record = await laatste(store, bid)
        assert await meldingen(store, "BEOORDELING_WACHT", record["id"]) == {
            p: f"{gnaam} heeft {f['naam']} beoordeeld; de beoordeling wacht op moderatie"
            for p in functioneel_beheer - {record["actor"]}
        }
        assert functioneel_beheer - {record["actor"]}
        wachtend = data(beheer.post(LIJST, {"status": "INGEDIEND"}))["beoordelingen"]
        assert [n["identificatie"] for n in wachtend["nodes"]] == [bid] and wachtend["totalCount"] == 1

        # Rejected with a reason: its organisation reads it (list and melding), nobody else sees it.
        data(
            beheer.post(
                WIJS, {"input": {"beoordeling": bid, "verwachteVersie": 1, "reden": "Geen onderbouwing"}}
            )
        )
        record = await laatste(store, bid)
        gemeente = await leden(store, g)
        assert await meldingen(store, "BEOORDELING_BESLIST", record["id"]) == {
            p: f"Uw beoordeling van {f['naam']} is afgewezen: Geen onderbouwing"
            for p in gemeente - {record["actor"]}
        }
        eigen_lijst = data(raadpleger.post(LIJST, {}))["beoordelingen"]["nodes"]
        assert [(n["identificatie"], n["status"], n["reden"]) for n in eigen_lijst] == [
            (bid, "AFGEWEZEN", "Geen onderbouwing")]  # fmt: skip
        for api in anoniem.values():
            assert data(api.post(LIJST, {}))["beoordelingen"] == {"totalCount": 0, "nodes": []}
        # Written again: waiting anew, the reason gone.
        opnieuw = data(
            eigen.post(
                SCHRIJF,
                {
                    "input": {
                        "organisatie": g,
                        "object": x,
                        "score": 3,
                        "toelichting": "Traag, maar stabiel.",
                        "verwachteVersie": 2,
                    }
                },
            )
        )
        assert opnieuw["schrijfBeoordeling"]["beoordeling"]["status"] == "INGEDIEND"
        rauw = (await beoordeling_rauw(store, bid))["b"]
        assert (rauw["versie"], rauw["score"], rauw.get("reden")) == (3, 3, None)
        assert await meldingen(store, "BEOORDELING_WACHT", (await laatste(store, bid))["id"])

        # Approved: public; the leverancier hears it without the reviewer's name.
        data(beheer.post(KEUR, {"input": {"beoordeling": bid, "verwachteVersie": 3}}))
        record = await laatste(store, bid)
        assert set(await meldingen(store, "BEOORDELING_BESLIST", record["id"])) == gemeente - {
            record["actor"]
        }
        gepubliceerd = await meldingen(store, "BEOORDELING_GEPUBLICEERD", record["id"])
        assert gepubliceerd == {
            p: f"Er is een beoordeling van {f['naam']} gepubliceerd (score 3 van 5)"
            for p in await leden(store, lev)
        }

        # One approved review, under the group floor: named to who sees who uses the application
        # (every gebruik role, its leverancier), hidden from the others, figures and all.
        for api in (raadpleger, leverancier, beheer):
            node = openbaar(api, "Applicatie", x)
            assert [e["node"]["organisatie"]["identificatie"] for e in node["beoordelingen"]["edges"]] == [g]
            assert (
                node["beoordelingsoverzicht"]["aantal"] == 1
                and node["beoordelingsoverzicht"]["gemiddelde"] == 3
            )
        for api in anoniem.values():
            node = openbaar(api, "Applicatie", x)
            assert node["beoordelingen"] == {"totalCount": 0, "edges": []}
            assert node["beoordelingsoverzicht"] == {"aantal": None, "gemiddelde": None, "verborgen": True,
                                                     "verdeling": None}  # fmt: skip

        # Four more users review it (their use registered first) and are approved: five, the floor.
        for organisatie, score in zip(reviewers, (5, 4, 1, 5), strict=True):
            api = wie[(organisatie, "GEBRUIK_BEHEERDER")]
            data(
                api.post(
                    REGISTREER,
                    {"input": {"organisatie": organisatie, "applicatie": x, "status": "IN_PRODUCTIE"}},
                )
            )
            nieuw = data(api.post(SCHRIJF, {"input": {"organisatie": organisatie, "object": x, "score": score,
                                                     "toelichting": f"Oordeel {score}"}}))  # fmt: skip
            data(
                beheer.post(
                    KEUR,
                    {
                        "input": {
                            "beoordeling": nieuw["schrijfBeoordeling"]["beoordeling"]["identificatie"],
                            "verwachteVersie": 1,
                        }
                    },
                )
            )
        rijen = await goedgekeurd(store, x)
        scores = [r["score"] for r in rijen]
        assert sorted(scores) == [1, 3, 4, 5, 5]
        volgorde = await raw(store, "bdl_volgorde", """
            MATCH (b:Beoordeling)-[:OVER]->(x {id: $x}) WHERE b.status = 'GOEDGEKEURD'
            RETURN b.id AS id ORDER BY b.goedgekeurdOp DESC, b.id DESC""", {"x": x})  # fmt: skip
        verraders = {r["organisatie"] for r in rijen} | {r["naam"] for r in rijen}
        verraders |= {p for r in rijen for p in await leden(store, r["organisatie"])}
        for naam, api in anoniem.items():
            response = api.post(OPENBAAR, {"id": _global("Applicatie", x)})
            node = data(response)["node"]
            assert node["beoordelingen"]["totalCount"] == 5, naam
            edges = node["beoordelingen"]["edges"]
            assert [e["node"]["identificatie"] for e in edges] == [r["id"] for r in volgorde], naam
            assert all(e["node"]["organisatie"] is None for e in edges), naam
            assert node["beoordelingsoverzicht"] == {
                "aantal": 5, "gemiddelde": sum(scores) / 5, "verborgen": False,
                "verdeling": [{"score": s, "aantal": scores.count(s)} for s in range(1, 6)],
            }, naam  # fmt: skip
            # Nothing in the answer names a reviewer: not an id, a name, a person, a cursor.
            tekst = response.text + "".join(
                base64.urlsafe_b64decode(e["cursor"] + "==").decode() for e in edges
            )
            assert not [v for v in verraders if v in tekst], naam

        # The leverancier answers once; its answer is shown with the review, to everyone.
        data(
            leverancier.post(
                ANTWOORD,
                {"input": {"beoordeling": bid, "verwachteVersie": 4, "antwoord": "Versie 2 is sneller."}},
            )
        )
        record = await laatste(store, bid)
        [lnaam] = [r["naam"] for r in await raw(store, "bdl_lnaam", "MATCH (o:Organisatie {id: $o}) RETURN o.naam AS naam",
                                                {"o": lev})]  # fmt: skip
        assert await meldingen(store, "BEOORDELING_BEANTWOORD", record["id"]) == {
            p: f"{lnaam} heeft uw beoordeling van {f['naam']} beantwoord" for p in gemeente
        }
        edges = openbaar(anoniem["bezoeker"], "Applicatie", x)["beoordelingen"]["edges"]
        assert {e["node"]["identificatie"]: e["node"]["antwoord"] for e in edges}[
            bid
        ] == "Versie 2 is sneller."

        # Written again: back to moderation, the answer gone with the text it answered; four
        # approved reviews are under the floor again for the anonymous roles.
        data(eigen.post(SCHRIJF, {"input": {"organisatie": g, "object": x, "score": 4, "toelichting": "Beter.",
                                           "verwachteVersie": 5}}))  # fmt: skip
        rauw = (await beoordeling_rauw(store, bid))["b"]
        assert (rauw["status"], rauw.get("antwoord"), rauw["versie"]) == ("INGEDIEND", None, 6)
        assert openbaar(anoniem["bezoeker"], "Applicatie", x)["beoordelingsoverzicht"]["verborgen"] is True
        assert openbaar(raadpleger, "Applicatie", x)["beoordelingsoverzicht"]["aantal"] == 4


async def test_a_dienst_review_names_its_organisation_only_to_its_own_landscape(own_graph: Backend) -> None:
    store = own_graph.store
    f = await feiten(store)
    g, d, ld = f["g"], f["d"], f["ld"]
    minted = await tokens(
        own_graph,
        (g, "GEBRUIK_BEHEERDER"),
        (g, "GEBRUIK_RAADPLEGER"),
        (f["ander"], "GEBRUIK_RAADPLEGER"),
        (ld, "AANBOD_BEHEERDER"),
        (VNG, "FUNCTIONEEL_BEHEERDER"),
    )
    with serve(own_graph) as client:
        eigen, raadpleger, ander, leverancier, beheer = (Api(client, token) for token in minted.values())
        b = data(
            eigen.post(
                SCHRIJF, {"input": {"organisatie": g, "object": d, "score": 5, "toelichting": "Snel."}}
            )
        )
        bid = b["schrijfBeoordeling"]["beoordeling"]["identificatie"]
        data(beheer.post(KEUR, {"input": {"beoordeling": bid, "verwachteVersie": 1}}))
        assert [(r["organisatie"], r["score"]) for r in await goedgekeurd(store, d)] == [(g, 5)]

        # Which gemeente takes a dienst is its own landscape's: named there and to functioneel
        # beheer; another gemeente's gebruik role (which sees every Gebruik, not their diensten)
        # and a bezoeker see one anonymous review under the floor: nothing.
        for api in (raadpleger, beheer):
            node = openbaar(api, "Dienst", d)
            assert [e["node"]["organisatie"]["identificatie"] for e in node["beoordelingen"]["edges"]] == [g]
        for api in (ander, Api(client)):
            node = openbaar(api, "Dienst", d)
            assert node["beoordelingen"]["totalCount"] == 0 and node["beoordelingsoverzicht"]["verborgen"]
            assert data(api.post(LIJST, {}))["beoordelingen"]["totalCount"] == 0
        # Its leverancier sees the reviews of its own dienst to answer them, anonymous.
        node = openbaar(leverancier, "Dienst", d)
        assert [e["node"]["organisatie"] for e in node["beoordelingen"]["edges"]] == [None]
        assert node["beoordelingsoverzicht"] == {
            "aantal": 1, "gemiddelde": 5.0, "verborgen": False,
            "verdeling": [{"score": s, "aantal": int(s == 5)} for s in range(1, 6)],
        }  # fmt: skip
        record = (await records(store, bid))[-1]
        assert await meldingen(store, "BEOORDELING_GEPUBLICEERD", record["id"]) == {
            p: f"Er is een beoordeling van {f['dnaam']} gepubliceerd (score 5 van 5)"
            for p in await leden(store, ld)
        }
        beantwoord = data(leverancier.post(ANTWOORD, {"input": {"beoordeling": bid, "verwachteVersie": 2,
                                                               "antwoord": "Dank!"}}))  # fmt: skip
        assert beantwoord["beantwoordBeoordeling"]["beoordeling"]["organisatie"] is None
        assert beantwoord["beantwoordBeoordeling"]["beoordeling"]["antwoord"] == "Dank!"
        # The reviewing organisation reads it in its own list, the answer with it.
        [eigen_review] = data(raadpleger.post(LIJST, {}))["beoordelingen"]["nodes"]
        assert (eigen_review["identificatie"], eigen_review["antwoord"]) == (bid, "Dank!")
