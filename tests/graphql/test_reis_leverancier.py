"""The supplier's journey (issue 18, "How it is checked") through HTTP, in a graph of the test's
own on each engine: a person the graph does not know registers a leverancier, VNG approves it,
its beheerder invites a colleague who signs in for the first time and accepts, the colleague
publishes an application with a module and two versions (two referentiecomponenten realised, a
standard supported with evidence), a concept until functioneel beheer publishes it, offers
hosting on another leverancier's application, proposes usage to a gemeente which accepts, and
the gemeente then is among the leverancier's customers.

Each step is also tried by someone who may not (a bezoeker, the wrong role, another leverancier
or gemeente, the person before approval, a wrong e-mail) and refused with the code of
docs/access.md. Three groups of refusals (registering, publishing the concept, accepting the
proposal) are shown to leave the whole graph as it was (tests/graafdump.py); that the others
change nothing either, each area's own module proves with its dumps (a whole graph is seconds).
What the journey writes about (two referentiecomponenten, a standard version, another
leverancier's application, two gemeenten) is read raw from the graph, not through the API; the
customers expected at the end are raw rows of the graph and what the test sent.
"""

from __future__ import annotations

from typing import Any

from tests.backends import Backend
from tests.graafdump import stand, verschil
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_applicatie_mutaties import PUBLICEER
from tests.graphql.test_applicatie_mutaties import REGISTREER as REGISTREER_APPLICATIE
from tests.graphql.test_dienst_mutaties import BIED
from tests.graphql.test_gebruik_mutaties import data, fout, serve, tokens
from tests.graphql.test_leveranciersoverzicht import OVERZICHT
from tests.graphql.test_registraties import GOED, MIJN, persoon
from tests.graphql.test_registraties import REGISTREER as REGISTREER_LEVERANCIER
from tests.graphql.test_uitnodigingen import AANVAARD as AANVAARD_UITNODIGING
from tests.graphql.test_uitnodigingen import IK, NODIG_UIT
from tests.graphql.test_versie_mutaties import REGISTREER as REGISTREER_VERSIE
from tests.graphql.test_versie_mutaties import TOEVOEGEN
from tests.graphql.test_voorstellen import AANVAARD as AANVAARD_VOORSTEL
from tests.graphql.test_voorstellen import STEL_VOOR

NAAM = "Vqzjrx Hosting BV"  # a word no seeded name holds
KVK = "31415926"
COLLEGA = "collega@vqzjrx.nl"
BEWIJS = "https://www.vqzjrx.nl/conformiteit/stuf-zkn.pdf"

ZICHT = """query($l: String!, $a: String!, $m: String!) {
  organisatie(identificatie: $l) { identificatie }
  applicatie(identificatie: $a) { identificatie status }
  module: applicatie(identificatie: $m) { identificatie status }
}"""
KLANTEN = """query($a: String!) { applicatie(identificatie: $a) {
  gebruik(first: 50) { totalCount nodes { identificatie status organisatie { identificatie } } } } }"""


async def raw(backend: Backend, name: str, cypher: str, params: dict[str, Any] | None = None) -> list[dict]:
    return await backend.store.read_text(f"test/{name}", cypher, params or {}, timeout_ms=120_000)


def refused(api: Api, query: str, input: dict[str, Any], code: str, argument: str | None = None) -> None:
    extensions = fout(api.post(query, {"input": input}))
    assert extensions["code"] == code, (input, extensions)
    if argument is not None:
        assert extensions.get("argument") == argument, (input, extensions)


async def test_a_new_leverancier_registers_publishes_and_gains_a_customer(own_graph: Backend) -> None:
    store = own_graph.store
    # What the journey is about, read raw: two referentiecomponenten, a standard version,
    # another leverancier with a published application of its own, and two gemeenten.
    rc = [r["id"] for r in await raw(own_graph, "rl_rc",
        "MATCH (r:Referentiecomponent) RETURN r.id AS id ORDER BY r.id LIMIT 2")]  # fmt: skip
    [sv] = await raw(own_graph, "rl_sv", "MATCH (s:Standaardversie) RETURN s.id AS id ORDER BY s.id LIMIT 1")
    [ander] = await raw(own_graph, "rl_ander", """
        MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie)
        WHERE l.gemeldDoor IS NULL AND a.gemeldDoor IS NULL AND NOT (a)-[:ONDERDEEL_VAN]->()
          AND coalesce(a.status, 'ACTIEF') <> 'TERUGGETROKKEN'
        RETURN l.id AS leverancier, min(a.id) AS app ORDER BY l.id LIMIT 1""")  # fmt: skip
    gemeente, andere_gemeente = [r["id"] for r in await raw(own_graph, "rl_gemeenten",
        "MATCH (g:Gemeente) RETURN g.id AS id ORDER BY g.id LIMIT 2")]  # fmt: skip
    assert len(rc) == 2

    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (VNG, "FUNCTIONEEL_BEHEERDER"),
            (gemeente, "GEBRUIK_BEHEERDER"),
            (andere_gemeente, "GEBRUIK_BEHEERDER"),
            (ander["leverancier"], "AANBOD_BEHEERDER"),
            (ander["leverancier"], "ORGANISATIE_BEHEERDER"),
        )
        bezoeker = Api(client)
        beheer = Api(client, minted[(VNG, "FUNCTIONEEL_BEHEERDER")])
        gem = Api(client, minted[(gemeente, "GEBRUIK_BEHEERDER")])
        andere_gem = Api(client, minted[(andere_gemeente, "GEBRUIK_BEHEERDER")])
        concurrent = Api(client, minted[(ander["leverancier"], "AANBOD_BEHEERDER")])
        concurrent_ob = Api(client, minted[(ander["leverancier"], "ORGANISATIE_BEHEERDER")])
        oprichter = Api(client, persoon(own_graph, "reis-oprichter", "Olga Oprichter", "olga@vqzjrx.nl"))

        # 1. Registering. Refused: a bezoeker, a person already known, an e-mail not verified.
        aanvraag = {"naam": NAAM, "kvkNummer": KVK, "website": "https://www.vqzjrx.nl",
                    "email": "info@vqzjrx.nl", "telefoon": "+31 30 765 43 21"}  # fmt: skip
        voor = await stand(store)
        refused(bezoeker, REGISTREER_LEVERANCIER, aanvraag, "UNAUTHENTICATED")
        refused(gem, REGISTREER_LEVERANCIER, aanvraag, "ALREADY_REGISTERED")
        onbevestigd = Api(client, persoon(own_graph, "reis-onbevestigd", "Niet Bevestigd", "nb@vqzjrx.nl",
                                          geverifieerd=False))  # fmt: skip
        refused(onbevestigd, REGISTREER_LEVERANCIER, aanvraag, "EMAIL_NOT_VERIFIED")
        assert not await verschil(store, voor)

        registratie = data(oprichter.post(REGISTREER_LEVERANCIER, {"input": aanvraag}))
        registratie = registratie["registreerLeverancier"]["registratie"]
        lev = registratie["leverancier"]["identificatie"]
        assert (registratie["status"], registratie["leverancier"]["status"], registratie["leverancier"]["naam"]) == (
            "INGEDIEND", "CONCEPT", NAAM)  # fmt: skip
        # The person is its Gebruiker now, with both beheer roles, read raw.
        [lid] = await raw(own_graph, "rl_oprichter", """
            MATCH (p:Gebruiker {subject: 'reis-oprichter'})-[m:LID_VAN]->(o:Leverancier {id: $l})
            RETURN p.email AS email, m.rollen AS rollen, o.status AS status""", {"l": lev})  # fmt: skip
        assert (lid["email"], sorted(lid["rollen"]), lid["status"]) == (
            "olga@vqzjrx.nl", ["AANBOD_BEHEERDER", "ORGANISATIE_BEHEERDER"], "CONCEPT")  # fmt: skip
        assert data(oprichter.post(MIJN))["mijnRegistraties"] == [
            {"identificatie": registratie["identificatie"], "status": "INGEDIEND", "reden": None,
             "versienummer": registratie["versienummer"], "leverancier": {"identificatie": lev}}
        ]  # fmt: skip
        # Hidden from a gemeente until approved; registering again is refused.
        assert data(gem.post(ZICHT, {"l": lev, "a": "-", "m": "-"}))["organisatie"] is None
        refused(
            oprichter, REGISTREER_LEVERANCIER, {**aanvraag, "kvkNummer": "27182818"}, "ALREADY_REGISTERED"
        )

        # 2. Approval. Refused: a bezoeker, the registrant itself, a gemeente, another leverancier;
        # before approval the person offers no dienst yet.
        goed = {"registratie": registratie["identificatie"], "verwachteVersie": registratie["versienummer"]}
        refused(bezoeker, GOED, goed, "UNAUTHENTICATED")
        refused(oprichter, GOED, goed, "FORBIDDEN")
        refused(gem, GOED, goed, "FORBIDDEN")
        refused(concurrent_ob, GOED, goed, "FORBIDDEN")
        hosting = {"leverancier": lev, "naam": "Vqzjrx Hosting", "type": "HOSTING",
                   "beschrijving": "Hosting in een Nederlands datacentrum", "applicaties": [ander["app"]]}  # fmt: skip
        refused(oprichter, BIED, hosting, "INVALID_ARGUMENT", "input.leverancier")

        goedgekeurd = data(beheer.post(GOED, {"input": goed}))["keurRegistratieGoed"]["registratie"]
        assert (goedgekeurd["status"], goedgekeurd["leverancier"]) == (
            "GOEDGEKEURD", {"identificatie": lev, "status": "ACTIEF"})  # fmt: skip
        assert data(gem.post(ZICHT, {"l": lev, "a": "-", "m": "-"}))["organisatie"] == {"identificatie": lev}
        assert [r["status"] for r in data(oprichter.post(MIJN))["mijnRegistraties"]] == ["GOEDGEKEURD"]

        # 3. The beheerder invites a colleague. Refused: a bezoeker, a gemeente, another
        # leverancier's organisatie-beheerder, and the wrong e-mail or none at all accepting.
        uitnodiging = {"organisatie": lev, "email": COLLEGA, "rollen": ["AANBOD_BEHEERDER"]}
        refused(bezoeker, NODIG_UIT, uitnodiging, "UNAUTHENTICATED")
        refused(gem, NODIG_UIT, uitnodiging, "FORBIDDEN")
        refused(concurrent_ob, NODIG_UIT, uitnodiging, "FORBIDDEN", "input.organisatie")

        uitgenodigd = data(oprichter.post(NODIG_UIT, {"input": uitnodiging}))["nodigUit"]
        code = uitgenodigd["code"]
        assert (uitgenodigd["uitnodiging"]["status"], uitgenodigd["uitnodiging"]["organisatie"]) == (
            "OPEN", {"identificatie": lev})  # fmt: skip
        elders = Api(client, persoon(own_graph, "reis-elders", "Eva Elders", "eva@elders.nl"))
        refused(bezoeker, AANVAARD_UITNODIGING, {"code": code}, "UNAUTHENTICATED")
        refused(elders, AANVAARD_UITNODIGING, {"code": code}, "EMAIL_MISMATCH")
        ongeverifieerd = Api(
            client, persoon(own_graph, "reis-collega", "Cor Collega", COLLEGA, geverifieerd=False)
        )
        refused(ongeverifieerd, AANVAARD_UITNODIGING, {"code": code}, "EMAIL_NOT_VERIFIED")

        collega = Api(client, persoon(own_graph, "reis-collega", "Cor Collega", COLLEGA))
        aanvaard = data(collega.post(AANVAARD_UITNODIGING, {"input": {"code": code}}))["aanvaardUitnodiging"]
        assert (aanvaard["rollen"], aanvaard["organisatie"]) == (["AANBOD_BEHEERDER"], {"identificatie": lev})
        ik = data(collega.post(IK))["ik"]
        assert (ik["naam"], ik["lidmaatschappen"]) == (
            "Cor Collega", [{"identificatie": lev, "rollen": ["AANBOD_BEHEERDER"]}])  # fmt: skip
        # Used once: nobody accepts it again.
        refused(collega, AANVAARD_UITNODIGING, {"code": code}, "INVITATION_USED")

        # 4. The colleague registers a product realising two referentiecomponenten, a module of it,
        # two versions, and a standard supported with evidence. Refused: a bezoeker, a gemeente,
        # another leverancier (the product: FORBIDDEN; its concept versions: NOT_FOUND).
        product = {"leverancier": lev, "naam": "Vqzjrx Zaakregie", "beschrijving": "Zaakgericht werken",
                   "website": "https://www.vqzjrx.nl/zaakregie", "type": "APPLICATIE",
                   "licentietype": "CLOSED_SOURCE", "cloudModellen": ["SAAS"], "hostingLocatie": "NL",
                   "jurisdictie": "NL", "referentiecomponenten": rc}  # fmt: skip
        refused(bezoeker, REGISTREER_APPLICATIE, product, "UNAUTHENTICATED")
        refused(gem, REGISTREER_APPLICATIE, product, "FORBIDDEN")
        refused(concurrent, REGISTREER_APPLICATIE, product, "FORBIDDEN")
        refused(
            oprichter, REGISTREER_APPLICATIE, {**product, "leverancier": ander["leverancier"]}, "FORBIDDEN"
        )

        app = data(collega.post(REGISTREER_APPLICATIE, {"input": product}))["registreerApplicatie"][
            "applicatie"
        ]
        a = app["identificatie"]
        # No track record yet: a concept, realising both components.
        assert (app["status"], app["leverancier"], sorted(r["identificatie"] for r in app["referentiecomponenten"])) == (
            "CONCEPT", {"identificatie": lev}, sorted(rc))  # fmt: skip
        module = data(collega.post(REGISTREER_APPLICATIE, {"input": {
            "leverancier": lev, "naam": "Vqzjrx Zaakregie Archief", "licentietype": "CLOSED_SOURCE", "onderdeelVan": a,
        }}))["registreerApplicatie"]["applicatie"]  # fmt: skip
        m = module["identificatie"]
        assert (module["status"], module["onderdeelVan"]) == ("CONCEPT", {"identificatie": a})

        versie_in = {"applicatie": a, "nummer": "1.0", "status": "IN_GEBRUIK", "releaseDatum": "2026-01-15"}
        refused(bezoeker, REGISTREER_VERSIE, versie_in, "UNAUTHENTICATED")
        refused(gem, REGISTREER_VERSIE, versie_in, "FORBIDDEN")
        refused(concurrent, REGISTREER_VERSIE, versie_in, "NOT_FOUND")
        v1 = data(collega.post(REGISTREER_VERSIE, {"input": versie_in}))["registreerVersie"]["versie"]
        v2 = data(collega.post(REGISTREER_VERSIE, {"input": {"applicatie": a, "nummer": "2.0",
                                                              "status": "IN_ONTWIKKELING"}}))["registreerVersie"]["versie"]  # fmt: skip
        assert [(v["versie"], v["status"]) for v in (v1, v2)] == [
            ("1.0", "IN_GEBRUIK"),
            ("2.0", "IN_ONTWIKKELING"),
        ]

        claim = {"versie": v1["identificatie"], "verwachteVersie": v1["versienummer"], "standaardversie": sv["id"],
                 "bewijs": BEWIJS}  # fmt: skip
        refused(bezoeker, TOEVOEGEN, claim, "UNAUTHENTICATED")
        refused(gem, TOEVOEGEN, claim, "FORBIDDEN")
        refused(concurrent, TOEVOEGEN, claim, "NOT_FOUND")
        ondersteund = data(collega.post(TOEVOEGEN, {"input": claim}))["voegOndersteuningToe"]["versie"]
        assert ondersteund["ondersteunt"] == [
            {"bewijs": BEWIJS, "standaardversie": {"identificatie": sv["id"]}}
        ]

        # What was written, raw: the product, its module, components, versions and the claim.
        [rij] = await raw(own_graph, "rl_product", """
            MATCH (l:Leverancier {id: $l})-[:BIEDT_AAN]->(a:Applicatie {id: $a})
            RETURN a.status AS status, a.gemeldDoor AS gemeldDoor,
                   [(a)-[:REALISEERT]->(r) | r.id] AS rc,
                   [(m)-[:ONDERDEEL_VAN]->(a) | m.id] AS modules,
                   [(a)-[:HEEFT_VERSIE]->(v) | v.versie] AS versies""", {"l": lev, "a": a})  # fmt: skip
        rij["claims"] = [[c["v"], c["s"], c["bewijs"]] for c in await raw(own_graph, "rl_claims", """
            MATCH (:Applicatie {id: $a})-[:HEEFT_VERSIE]->(v:Versie)-[o:ONDERSTEUNT]->(s:Standaardversie)
            RETURN v.id AS v, s.id AS s, o.bewijs AS bewijs""", {"a": a})]  # fmt: skip
        assert (rij["status"], rij["gemeldDoor"], sorted(rij["rc"]), rij["modules"], sorted(rij["versies"]),
                rij["claims"]) == ("CONCEPT", lev, sorted(rc), [m], ["1.0", "2.0"],
                                   [[v1["identificatie"], sv["id"], BEWIJS]])  # fmt: skip

        # 5. A concept until functioneel beheer publishes it: a gemeente sees neither the product
        # nor its module before. Refused: a bezoeker, the leverancier's own colleague, a gemeente.
        assert data(gem.post(ZICHT, {"l": lev, "a": a, "m": m})) == {
            "organisatie": {"identificatie": lev}, "applicatie": None, "module": None}  # fmt: skip
        assert data(bezoeker.post(ZICHT, {"l": lev, "a": a, "m": m}))["applicatie"] is None
        voor = await stand(store)
        refused(bezoeker, PUBLICEER, {"concept": a}, "UNAUTHENTICATED")
        refused(collega, PUBLICEER, {"concept": a}, "FORBIDDEN")
        refused(oprichter, PUBLICEER, {"concept": a}, "FORBIDDEN")
        refused(gem, PUBLICEER, {"concept": a}, "FORBIDDEN")
        refused(beheer, PUBLICEER, {"concept": m}, "INVALID_ARGUMENT", "input.concept")  # publish the product
        # While a concept no dienst is offered on it, nor is it proposed to a gemeente.
        refused(collega, BIED, {**hosting, "applicaties": [a]}, "INVALID_ARGUMENT", "input.applicaties")
        concept_voorstel = {"gemeente": gemeente, "applicatie": a}
        refused(collega, STEL_VOOR, concept_voorstel, "INVALID_ARGUMENT", "input.applicatie")
        # Another leverancier does not see the concept: it is unknown to it.
        refused(concurrent, STEL_VOOR, concept_voorstel, "NOT_FOUND", "input.applicatie")
        assert not await verschil(store, voor)

        gepubliceerd = data(beheer.post(PUBLICEER, {"input": {"concept": a}}))["publiceerConcept"][
            "applicatie"
        ]
        assert gepubliceerd == {"identificatie": a, "status": "ACTIEF",
                                "modules": [{"identificatie": m, "status": "ACTIEF"}]}  # fmt: skip
        assert data(gem.post(ZICHT, {"l": lev, "a": a, "m": m})) == {
            "organisatie": {"identificatie": lev}, "applicatie": {"identificatie": a, "status": "ACTIEF"},
            "module": {"identificatie": m, "status": "ACTIEF"}}  # fmt: skip

        # 6. Hosting on another leverancier's application. Refused: a bezoeker, a gemeente,
        # another leverancier offering it in this one's name, this one's organisatie-beheerder alone.
        refused(bezoeker, BIED, hosting, "UNAUTHENTICATED")
        refused(gem, BIED, hosting, "FORBIDDEN")
        refused(concurrent, BIED, hosting, "FORBIDDEN", "input.leverancier")
        dienst = data(collega.post(BIED, {"input": hosting}))["biedDienstAan"]["dienst"]
        assert (dienst["type"], dienst["status"], dienst["leverancier"], dienst["applicaties"]) == (
            "HOSTING", "AANGEBODEN", {"identificatie": lev}, [{"identificatie": ander["app"]}])  # fmt: skip
        assert [r["l"] for r in await raw(own_graph, "rl_dienst", """
            MATCH (l:Leverancier)-[:LEVERT]->(d:Dienst {id: $d})-[:BIJ]->(:Applicatie {id: $a}) RETURN l.id AS l""",
            {"d": dienst["identificatie"], "a": ander["app"]})] == [lev]  # fmt: skip

        # 7. Proposing usage to the gemeente. Refused: a bezoeker, the gemeente itself, another
        # leverancier (this one's application: FORBIDDEN).
        voorstel_in = {"gemeente": gemeente, "applicatie": a, "toelichting": "Zaakregie als dienst"}
        refused(bezoeker, STEL_VOOR, voorstel_in, "UNAUTHENTICATED")
        refused(gem, STEL_VOOR, voorstel_in, "FORBIDDEN")
        refused(concurrent, STEL_VOOR, voorstel_in, "FORBIDDEN")
        voorstel = data(collega.post(STEL_VOOR, {"input": voorstel_in}))["stelGebruikVoor"]["voorstel"]
        assert (voorstel["status"], voorstel["gemeente"], voorstel["leverancier"], voorstel["applicatie"]) == (
            "VOORGESTELD", {"identificatie": gemeente}, {"identificatie": lev}, {"identificatie": a})  # fmt: skip

        # 8. The gemeente's gebruik-beheerder accepts. Refused: a bezoeker, the leverancier (it sees
        # the proposal, has not the role), another gemeente (it does not see it).
        besluit = {"voorstel": voorstel["identificatie"], "verwachteVersie": voorstel["versienummer"]}
        voor = await stand(store)
        refused(bezoeker, AANVAARD_VOORSTEL, besluit, "UNAUTHENTICATED")
        refused(collega, AANVAARD_VOORSTEL, besluit, "FORBIDDEN")
        refused(andere_gem, AANVAARD_VOORSTEL, besluit, "NOT_FOUND")
        assert not await verschil(store, voor)
        aanvaard = data(gem.post(AANVAARD_VOORSTEL, {"input": besluit}))["aanvaardGebruiksvoorstel"]
        gebruik = aanvaard["gebruik"]
        assert (aanvaard["voorstel"]["status"], gebruik["organisatie"], gebruik["applicatie"]) == (
            "AANVAARD", {"identificatie": gemeente}, {"identificatie": a})  # fmt: skip

        # 9. The leverancier's customers now include the gemeente: raw rows of the graph against its
        # own view and the application's Gebruik. Refused: a bezoeker, a gemeente, another leverancier.
        klanten = await raw(own_graph, "rl_klanten", """
            MATCH (:Leverancier {id: $l})-[:BIEDT_AAN]->(a:Applicatie)<-[:VAN]-(g:Gebruik)<-[:GEBRUIKT]-(o)
            RETURN a.id AS a, g.id AS g, g.status AS status, o.id AS o""", {"l": lev})  # fmt: skip
        assert klanten == [
            {"a": a, "g": gebruik["identificatie"], "status": gebruik["status"], "o": gemeente}
        ]
        for wie, code in ((bezoeker, "UNAUTHENTICATED"), (gem, "FORBIDDEN"), (concurrent, "FORBIDDEN")):
            assert fout(wie.post(OVERZICHT, {"l": lev}))["code"] == code
        overzicht = data(collega.post(OVERZICHT, {"l": lev}))["leveranciersoverzicht"]
        assert {p["applicatie"]["identificatie"]: p["gebruik"] for p in overzicht["gebruik"]} == {
            a: [{"identificatie": k["g"], "status": k["status"]} for k in klanten], m: []}  # fmt: skip
        assert overzicht["voorstellen"] == [
            {"identificatie": voorstel["identificatie"], "status": "AANVAARD"}
        ]
        assert overzicht["concepten"] == []
        assert overzicht["diensten"] == [
            {"dienst": {"identificatie": dienst["identificatie"], "status": "AANGEBODEN"}, "afnemers": 0}
        ]
        lijst = data(collega.post(KLANTEN, {"a": a}))["applicatie"]["gebruik"]
        assert (lijst["totalCount"], lijst["nodes"]) == (
            1, [{"identificatie": k["g"], "status": k["status"], "organisatie": {"identificatie": k["o"]}} for k in klanten])  # fmt: skip
