"""A leverancier's applications and modules (issue 18, F004) through HTTP, in a graph of the
test's own on each engine: what registering, changing, retiring and deleting write, read back
through the catalogue; every refusal of the role matrix and every invalid input, with the whole
graph as it was; concept products of a leverancier without a track record, hidden from
everyone but its own beheerders and functioneel beheer until published.

Expected answers come from raw reads of the graph. Two leveranciers no mutation can make yet
are set up by raw writes: one without any application (no track record) and one whose own
registration waits (`gemeldDoor` its own id, as registreerLeverancier, F001, will make it).
"""

from __future__ import annotations

import json
from typing import Any

from graph_api.store import Store
from tests.backends import Backend
from tests.graafdump import stand, verschil
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_gebruik_mutaties import _global, data, fout, serve, tokens, wijzigingen

GEMEENTE = "GM0014"
NIEUW = "lev-zonder-trackrecord"  # raw: a leverancier offering nothing yet
WACHTEND = "lev-wacht-op-goedkeuring"  # raw: a leverancier whose registration waits

VELDEN = """identificatie naam beschrijving website type licentietype licentie cloudModellen
  hostingLocatie jurisdictie status versienummer afwijzingsreden
  leverancier { identificatie } onderdeelVan { identificatie } modules { identificatie }
  referentiecomponenten { identificatie }"""
REGISTREER = f"""mutation($input: RegistreerApplicatieInput!) {{
  registreerApplicatie(input: $input) {{ applicatie {{ {VELDEN} }} }} }}"""
WIJZIG = f"""mutation($input: WijzigApplicatieInput!) {{
  wijzigApplicatie(input: $input) {{ applicatie {{ {VELDEN} }} }} }}"""
TERUG = """mutation($input: TrekApplicatieTerugInput!) {
  trekApplicatieTerug(input: $input) { applicatie { identificatie status versienummer } } }"""
VERWIJDER = (
    """mutation($input: VerwijderApplicatieInput!) { verwijderApplicatie(input: $input) { verwijderdId } }"""
)
PUBLICEER = """mutation($input: PubliceerConceptInput!) { publiceerConcept(input: $input) {
  applicatie { identificatie status modules { identificatie status } } } }"""
WIJS_AF = """mutation($input: WijsConceptAfInput!) { wijsConceptAf(input: $input) {
  applicatie { identificatie status afwijzingsreden versienummer } } }"""
SAMENVOEGEN = """mutation($input: VoegConceptSamenInput!) { voegConceptSamen(input: $input) {
  applicatie { identificatie } verplaatsteGebruik } }"""
LEES = f"query($id: String!) {{ applicatie(identificatie: $id) {{ {VELDEN} }} }}"


async def raw(store: Store, name: str, cypher: str, params: dict[str, Any] | None = None) -> list[dict]:
    return await store.read_text(f"test/{name}", cypher, params or {})


async def schrijf(store: Store, name: str, cypher: str, params: dict[str, Any]) -> list[dict]:
    """A raw write of the test's own setup (the module's docstring says which and why)."""
    return await store._run(f"test/{name}", cypher, params, write=True, timeout_ms=60_000, unit=None)


async def feiten(store: Store) -> dict[str, Any]:
    """What the tests write about, from raw reads: a leverancier with published applications, one
    of them used by the landscape (and one with a module), another leverancier, and two
    referentiecomponenten; then the two raw leveranciers of the module's docstring."""
    [eigen] = await raw(store, "eigen", """
        MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie)<-[:VAN]-(:Gebruik)<-[:GEBRUIKT]-(:Organisatie {id: $g})
        WHERE a.gemeldDoor IS NULL AND NOT (a)-[:ONDERDEEL_VAN]->()
        WITH l, a ORDER BY l.id, a.id
        RETURN l.id AS leverancier, collect(a.id)[0] AS gebruikt LIMIT 1""", {"g": GEMEENTE})  # fmt: skip
    [ander] = await raw(store, "ander", """
        MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie)
        WHERE l.id <> $l AND a.gemeldDoor IS NULL AND NOT (a)-[:ONDERDEEL_VAN]->()
        WITH l, a ORDER BY l.id, a.id
        RETURN l.id AS leverancier, collect(a.id)[0] AS product LIMIT 1""", {"l": eigen["leverancier"]})  # fmt: skip
    modules = await raw(store, "module", """
        MATCH (l:Leverancier {id: $l})-[:BIEDT_AAN]->(m:Applicatie)-[:ONDERDEEL_VAN]->(:Applicatie)
        RETURN m.id AS module ORDER BY m.id LIMIT 1""", {"l": eigen["leverancier"]})  # fmt: skip
    rc = await raw(store, "rc", "MATCH (r:Referentiecomponent) RETURN r.id AS id ORDER BY r.id LIMIT 3")
    await schrijf(store, "leveranciers", """
        CREATE (:Organisatie:Leverancier {id: $nieuw, naam: 'Nieuwkomer BV', status: 'ACTIEF'})
        CREATE (:Organisatie:Leverancier {id: $wachtend, naam: 'Wachtend BV', status: 'CONCEPT', gemeldDoor: $wachtend})
        """, {"nieuw": NIEUW, "wachtend": WACHTEND})  # fmt: skip
    return {
        **eigen,
        "ander": ander["leverancier"],
        "ander_product": ander["product"],
        "module": modules[0]["module"] if modules else None,
        "rc": [r["id"] for r in rc],
    }


def refused(api: Api, query: str, input: dict[str, Any], code: str, argument: str | None = None) -> dict:
    extensions = fout(api.post(query, {"input": input}))
    assert extensions["code"] == code, (input, extensions)
    if argument is not None:
        assert extensions.get("argument") == argument, (input, extensions)
    return extensions


def product(leverancier: str, **velden: Any) -> dict[str, Any]:
    return {"leverancier": leverancier, "naam": "Zaakwijzer", "licentietype": "OPEN_SOURCE", **velden}


async def test_every_refused_write_leaves_the_graph_as_it_was(own_graph: Backend) -> None:
    store = own_graph.store
    f = await feiten(store)
    lev = f["leverancier"]
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (lev, "AANBOD_BEHEERDER"),
            (lev, "ORGANISATIE_BEHEERDER"),
            (f["ander"], "AANBOD_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_RAADPLEGER"),
            (VNG, "VNG_RAADPLEGER"),
            (VNG, "FUNCTIONEEL_BEHEERDER"),
            (WACHTEND, "AANBOD_BEHEERDER"),
        )
        wie = {key: Api(client, token) for key, token in minted.items()}
        eigen, beheer = wie[(lev, "AANBOD_BEHEERDER")], wie[(VNG, "FUNCTIONEEL_BEHEERDER")]
        # A concept of the waiting leverancier, for the refusals of concepts below.
        concept = data(wie[(WACHTEND, "AANBOD_BEHEERDER")].post(REGISTREER, {"input": product(WACHTEND)}))
        concept_id = concept["registreerApplicatie"]["applicatie"]["identificatie"]
        before = await stand(store)

        gebruikt = {"applicatie": f["gebruikt"], "verwachteVersie": 1}
        nieuw = product(lev)
        # The role matrix: no write without signing in; none without the role aanbod-beheerder
        # (gemeente roles, the leverancier's organisatie-beheerder, VNG's raadpleger); an
        # aanbod-beheerder of another leverancier sees the published application, so is told
        # FORBIDDEN, and NOT_FOUND for a concept it may not see.
        for query, input in (
            (REGISTREER, nieuw),
            (WIJZIG, {**gebruikt, "naam": "x"}),
            (TERUG, gebruikt),
            (VERWIJDER, gebruikt),
        ):
            refused(Api(client), query, input, "UNAUTHENTICATED")
            for rol in (
                (GEMEENTE, "GEBRUIK_BEHEERDER"),
                (GEMEENTE, "GEBRUIK_RAADPLEGER"),
                (VNG, "VNG_RAADPLEGER"),
                (lev, "ORGANISATIE_BEHEERDER"),
            ):
                refused(wie[rol], query, input, "FORBIDDEN")
            refused(wie[(f["ander"], "AANBOD_BEHEERDER")], query, input, "FORBIDDEN")
        for query, input in (
            (WIJZIG, {"applicatie": concept_id, "verwachteVersie": 1, "naam": "x"}),
            (VERWIJDER, {"applicatie": concept_id, "verwachteVersie": 1}),
        ):
            refused(eigen, query, input, "NOT_FOUND", "input.applicatie")
            refused(wie[(GEMEENTE, "GEBRUIK_BEHEERDER")], query, input, "FORBIDDEN")

        # Invalid input, each naming its field.
        for input, code, argument in (
            ({**nieuw, "naam": "  "}, "INVALID_INPUT", "input.naam"),
            ({**nieuw, "website": "ftp://zaakwijzer.nl"}, "INVALID_INPUT", "input.website"),
            ({**nieuw, "website": "zaakwijzer.nl"}, "INVALID_INPUT", "input.website"),
            ({**nieuw, "cloudModellen": ["SAAS", "SAAS"]}, "INVALID_INPUT", "input.cloudModellen"),
            ({**nieuw, "jurisdictie": "N" * 201}, "INVALID_INPUT", "input.jurisdictie"),
            ({**nieuw, "referentiecomponenten": ["rc-onbekend"]}, "NOT_FOUND", "input.referentiecomponenten"),
            ({**nieuw, "onderdeelVan": "app-onbekend"}, "NOT_FOUND", "input.onderdeelVan"),
            ({**nieuw, "onderdeelVan": f["ander_product"]}, "INVALID_ARGUMENT", "input.onderdeelVan"),
            ({**nieuw, "onderdeelVan": _global("Versie", "x")}, "INVALID_ID", "input.onderdeelVan"),
            ({**nieuw, "leverancier": f["ander"]}, "FORBIDDEN", "input.leverancier"),
        ):
            refused(eigen, REGISTREER, input, code, argument)
        if f["module"] is not None:
            refused(eigen, REGISTREER, {**nieuw, "onderdeelVan": f["module"]}, "INVALID_ARGUMENT",
                    "input.onderdeelVan")  # fmt: skip
        refused(
            beheer, REGISTREER, {**nieuw, "leverancier": "lev-onbekend"}, "NOT_FOUND", "input.leverancier"
        )
        assert (
            fout(eigen.post(REGISTREER, {"input": {"leverancier": lev, "naam": "x"}}))["code"]
            == "BAD_USER_INPUT"
        )
        refused(eigen, WIJZIG, {**gebruikt, "naam": None}, "INVALID_INPUT", "input.naam")
        refused(eigen, WIJZIG, {**gebruikt, "website": "mailto:a@b.nl"}, "INVALID_INPUT", "input.website")
        refused(eigen, WIJZIG, {**gebruikt, "licentietype": None}, "INVALID_INPUT", "input.licentietype")
        refused(eigen, WIJZIG, {**gebruikt, "referentiecomponenten": ["rc-x"]}, "NOT_FOUND",
                "input.referentiecomponenten")  # fmt: skip
        refused(eigen, WIJZIG, {**gebruikt, "applicatie": "app-onbekend"}, "NOT_FOUND", "input.applicatie")
        conflict = refused(eigen, WIJZIG, {**gebruikt, "verwachteVersie": 4, "naam": "x"}, "VERSION_CONFLICT",
                           "input.verwachteVersie")  # fmt: skip
        assert conflict["huidigeVersie"] == 1
        # In use: a Gebruik of it answers IN_USE, naming it; retire it instead.
        refused(eigen, VERWIJDER, gebruikt, "IN_USE", "input.applicatie")
        assert "Gebruik" in eigen.post(VERWIJDER, {"input": gebruikt}).json()["errors"][0]["message"]
        # A concept is not retired (it is deleted); publishing it waits for its leverancier's approval.
        refused(wie[(WACHTEND, "AANBOD_BEHEERDER")], TERUG, {"applicatie": concept_id, "verwachteVersie": 1},
                "TRANSITION_NOT_ALLOWED", "input.applicatie")  # fmt: skip
        refused(beheer, PUBLICEER, {"concept": concept_id}, "INVALID_ARGUMENT", "input.concept")
        for api in (eigen, wie[(WACHTEND, "AANBOD_BEHEERDER")], wie[(GEMEENTE, "GEBRUIK_BEHEERDER")]):
            refused(api, WIJS_AF, {"concept": concept_id, "reden": "x"}, "FORBIDDEN")
            refused(api, PUBLICEER, {"concept": concept_id}, "FORBIDDEN")
        refused(beheer, WIJS_AF, {"concept": concept_id, "reden": " "}, "INVALID_INPUT", "input.reden")
        refused(beheer, WIJS_AF, {"concept": f["gebruikt"], "reden": "x"}, "NOT_FOUND", "input.concept")

        assert not await verschil(store, before)


async def test_an_aanbod_beheerder_registers_changes_retires_and_deletes(own_graph: Backend) -> None:
    store = own_graph.store
    f = await feiten(store)
    lev = f["leverancier"]
    with serve(own_graph) as client:
        minted = await tokens(own_graph, (lev, "AANBOD_BEHEERDER"), (VNG, "FUNCTIONEEL_BEHEERDER"))
        eigen, beheer = (
            Api(client, minted[(lev, "AANBOD_BEHEERDER")]),
            Api(client, minted[(VNG, "FUNCTIONEEL_BEHEERDER")]),
        )
        bezoeker = Api(client)

        # Register a product: an established leverancier's is published at once, for everyone.
        input = product(
            lev, beschrijving="Zaakgericht werken", website="https://zaakwijzer.example.nl", type="APPLICATIE",
            licentie="EUPL-1.2", cloudModellen=["SAAS", "ON_PREMISES"], hostingLocatie="Nederland",
            jurisdictie="NL", referentiecomponenten=f["rc"][:2], idempotencyKey="registreer-zaakwijzer",
        )  # fmt: skip
        antwoord = data(eigen.post(REGISTREER, {"input": input}))["registreerApplicatie"]["applicatie"]
        key = antwoord["identificatie"]
        verwacht = {
            "identificatie": key, "naam": "Zaakwijzer", "beschrijving": "Zaakgericht werken",
            "website": "https://zaakwijzer.example.nl", "type": "APPLICATIE", "licentietype": "OPEN_SOURCE",
            "licentie": "EUPL-1.2", "cloudModellen": ["SAAS", "ON_PREMISES"], "hostingLocatie": "Nederland",
            "jurisdictie": "NL", "status": "ACTIEF", "versienummer": 1, "afwijzingsreden": None,
            "leverancier": {"identificatie": lev}, "onderdeelVan": None, "modules": [],
            "referentiecomponenten": [{"identificatie": r} for r in sorted(f["rc"][:2])],
        }  # fmt: skip
        antwoord["referentiecomponenten"].sort(key=lambda r: r["identificatie"])
        assert antwoord == verwacht
        gelezen = data(bezoeker.post(LEES, {"id": key}))["applicatie"]
        gelezen["referentiecomponenten"].sort(key=lambda r: r["identificatie"])
        assert gelezen == verwacht
        [rij] = await raw(store, "nieuw", """
            MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie {id: $id})
            RETURN l.id AS l, a.gemeldDoor AS gemeld, [(a)-[:REALISEERT]->(r) | r.id] AS rc""", {"id": key})  # fmt: skip
        assert rij["l"] == lev and rij["gemeld"] is None and sorted(rij["rc"]) == sorted(f["rc"][:2])
        [aangemaakt] = await wijzigingen(store, key)
        assert aangemaakt["w"]["operatie"] == "AANGEMAAKT" and aangemaakt["w"]["organisatie"] == lev
        assert json.loads(aangemaakt["w"]["na"])["referentiecomponenten"] == f["rc"][:2]
        # Sent again with its key: the same answer, nothing written twice.
        herhaald = data(eigen.post(REGISTREER, {"input": input}))["registreerApplicatie"]["applicatie"]
        assert herhaald["identificatie"] == key
        assert (
            len(await raw(store, "naam", "MATCH (a:Applicatie {naam: 'Zaakwijzer'}) RETURN a.id AS id")) == 1
        )
        lijst = data(
            bezoeker.post(
                '{ applicaties(filter: {tekst: "zaakwijzer"}) { totalCount nodes { identificatie } } }'
            )
        )
        assert lijst["applicaties"]["nodes"] == [{"identificatie": key}]

        # A module of it: part of the product, read both ways.
        module = data(
            eigen.post(REGISTREER, {"input": product(lev, naam="Zaakwijzer Archief", onderdeelVan=key)})
        )
        module_id = module["registreerApplicatie"]["applicatie"]["identificatie"]
        assert module["registreerApplicatie"]["applicatie"]["onderdeelVan"] == {"identificatie": key}
        assert module["registreerApplicatie"]["applicatie"]["status"] == "ACTIEF"
        assert data(bezoeker.post(LEES, {"id": key}))["applicatie"]["modules"] == [
            {"identificatie": module_id}
        ]
        # A module of a module is refused: a module names its product.
        refused(eigen, REGISTREER, product(lev, naam="Onder", onderdeelVan=module_id), "INVALID_ARGUMENT",
                "input.onderdeelVan")  # fmt: skip
        # The product has a module now: not deleted, IN_USE names it.
        in_use = eigen.post(VERWIJDER, {"input": {"applicatie": key, "verwachteVersie": 1}}).json()["errors"][
            0
        ]
        assert in_use["extensions"]["code"] == "IN_USE" and "1 modules" in in_use["message"]

        # Change: only what is given, null removes, the components replaced; versie 2.
        gewijzigd = data(eigen.post(WIJZIG, {"input": {
            "applicatie": key, "verwachteVersie": 1, "naam": "Zaakwijzer Pro", "beschrijving": None,
            "cloudModellen": ["PAAS"], "referentiecomponenten": f["rc"][2:3],
        }}))["wijzigApplicatie"]["applicatie"]  # fmt: skip
        assert gewijzigd == {
            **verwacht, "naam": "Zaakwijzer Pro", "beschrijving": None, "cloudModellen": ["PAAS"],
            "versienummer": 2, "modules": [{"identificatie": module_id}],
            "referentiecomponenten": [{"identificatie": f["rc"][2]}],
        }  # fmt: skip
        record = (await wijzigingen(store, key))[-1]["w"]
        voor, na = json.loads(record["voor"]), json.loads(record["na"])
        assert record["operatie"] == "GEWIJZIGD"
        voor["referentiecomponenten"].sort()
        assert voor == {
            "naam": "Zaakwijzer",
            "beschrijving": "Zaakgericht werken",
            "cloudModellen": ["SAAS", "ON_PREMISES"],
            "referentiecomponenten": sorted(f["rc"][:2]),
        }
        assert na["naam"] == "Zaakwijzer Pro" and na["beschrijving"] is None and "licentie" not in na
        refused(eigen, WIJZIG, {"applicatie": key, "verwachteVersie": 1, "naam": "x"}, "VERSION_CONFLICT")

        # Delete the module (nothing uses it), then retire the product: it stays, status TERUGGETROKKEN.
        weg = data(eigen.post(VERWIJDER, {"input": {"applicatie": module_id, "verwachteVersie": 1}}))
        assert weg["verwijderApplicatie"]["verwijderdId"] == module_id
        assert data(bezoeker.post(LEES, {"id": module_id}))["applicatie"] is None
        assert (
            await raw(store, "weg", "MATCH (a:Applicatie {id: $id}) RETURN a.id AS id", {"id": module_id})
            == []
        )
        assert data(bezoeker.post(LEES, {"id": key}))["applicatie"]["modules"] == []
        teruggetrokken = data(eigen.post(TERUG, {"input": {"applicatie": key, "verwachteVersie": 2}}))
        assert teruggetrokken["trekApplicatieTerug"]["applicatie"] == {
            "identificatie": key,
            "status": "TERUGGETROKKEN",
            "versienummer": 3,
        }
        refused(
            eigen,
            TERUG,
            {"applicatie": key, "verwachteVersie": 3},
            "TRANSITION_NOT_ALLOWED",
            "input.applicatie",
        )
        refused(
            eigen,
            REGISTREER,
            product(lev, naam="Laat", onderdeelVan=key),
            "INVALID_ARGUMENT",
            "input.onderdeelVan",
        )
        retired = data(
            bezoeker.post(
                "{ applicaties(filter: {status: TERUGGETROKKEN}, first: 100) { nodes { identificatie } } }"
            )
        )
        assert {"identificatie": key} in retired["applicaties"]["nodes"]

        # An application in use is retired, keeping its Gebruik.
        voor_gebruik = await raw(store, "gebruik", "MATCH (g:Gebruik)-[:VAN]->(:Applicatie {id: $id}) RETURN g.id AS id",
                                 {"id": f["gebruikt"]})  # fmt: skip
        assert voor_gebruik
        data(eigen.post(TERUG, {"input": {"applicatie": f["gebruikt"], "verwachteVersie": 1}}))
        na_gebruik = await raw(store, "gebruik", "MATCH (g:Gebruik)-[:VAN]->(:Applicatie {id: $id}) RETURN g.id AS id",
                               {"id": f["gebruikt"]})  # fmt: skip
        assert sorted(map(str, na_gebruik)) == sorted(map(str, voor_gebruik))
        assert data(bezoeker.post(LEES, {"id": f["gebruikt"]}))["applicatie"]["status"] == "TERUGGETROKKEN"

        # Functioneel beheer writes any leverancier's aanbod, recorded as acting for VNG.
        door_vng = data(beheer.post(REGISTREER, {"input": product(f["ander"], naam="Vergunningwijzer")}))
        vng_key = door_vng["registreerApplicatie"]["applicatie"]["identificatie"]
        assert door_vng["registreerApplicatie"]["applicatie"]["status"] == "ACTIEF"
        [record] = await wijzigingen(store, vng_key)
        assert record["w"]["actorOrganisatie"] == VNG and record["w"]["organisatie"] == f["ander"]
        data(beheer.post(VERWIJDER, {"input": {"applicatie": vng_key, "verwachteVersie": 1}}))
        assert [r["w"]["operatie"] for r in await wijzigingen(store, vng_key)] == ["AANGEMAAKT", "VERWIJDERD"]


async def test_a_leverancier_without_a_track_record_offers_concepts(own_graph: Backend) -> None:
    store = own_graph.store
    f = await feiten(store)
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (NIEUW, "AANBOD_BEHEERDER"),
            (NIEUW, "ORGANISATIE_BEHEERDER"),
            (f["leverancier"], "AANBOD_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (VNG, "VNG_RAADPLEGER"),
            (VNG, "FUNCTIONEEL_BEHEERDER"),
            (WACHTEND, "AANBOD_BEHEERDER"),
        )
        wie = {key: Api(client, token) for key, token in minted.items()}
        eigen, beheer = wie[(NIEUW, "AANBOD_BEHEERDER")], wie[(VNG, "FUNCTIONEEL_BEHEERDER")]
        anderen = [
            Api(client),
            wie[(f["leverancier"], "AANBOD_BEHEERDER")],
            wie[(GEMEENTE, "GEBRUIK_BEHEERDER")],
            wie[(VNG, "VNG_RAADPLEGER")],
        ]
        eigenen = [eigen, wie[(NIEUW, "ORGANISATIE_BEHEERDER")], beheer]

        def ziet(api: Api, key: str) -> bool:
            by_id = data(api.post("query($id: String!, $n: ID!) { applicatie(identificatie: $id) { identificatie }"
                                  " node(id: $n) { id } }", {"id": key, "n": _global("Applicatie", key)}))  # fmt: skip
            lijst = data(
                api.post('{ applicaties(filter: {tekst: "qwzrt"}) { totalCount nodes { identificatie } } }')
            )
            in_lijst = {"identificatie": key} in lijst["applicaties"]["nodes"]
            assert (by_id["applicatie"] is not None) == (by_id["node"] is not None) == in_lijst
            return in_lijst

        # No published application yet: the product and its module are concepts, marked by the leverancier.
        concept = data(eigen.post(REGISTREER, {"input": product(NIEUW, naam="Qwzrt Zaak")}))
        key = concept["registreerApplicatie"]["applicatie"]["identificatie"]
        assert concept["registreerApplicatie"]["applicatie"]["status"] == "CONCEPT"
        module = data(
            eigen.post(REGISTREER, {"input": product(NIEUW, naam="Qwzrt Module", onderdeelVan=key)})
        )
        module_key = module["registreerApplicatie"]["applicatie"]["identificatie"]
        assert module["registreerApplicatie"]["applicatie"]["status"] == "CONCEPT"
        gemeld = await raw(store, "gemeld", "MATCH (a:Applicatie) WHERE a.id IN $ids RETURN a.gemeldDoor AS g",
                           {"ids": [key, module_key]})  # fmt: skip
        assert [r["g"] for r in gemeld] == [NIEUW, NIEUW]
        for api in eigenen:
            assert ziet(api, key) and ziet(api, module_key)
        for api in anderen:
            assert not ziet(api, key) and not ziet(api, module_key)
        concepten = data(beheer.post("{ concepten(first: 100) { nodes { identificatie } } }"))["concepten"][
            "nodes"
        ]
        assert {"identificatie": key} in concepten and {"identificatie": module_key} in concepten

        # A concept with modules is not merged: they would lose their product.
        refused(beheer, SAMENVOEGEN, {"concept": key, "doel": f["gebruikt"]}, "IN_USE", "input.concept")
        # A concept of a leverancier whose registration waits merges into a published application;
        # the leverancier stays (approving or rejecting it is its registration's business).
        wachtend = data(wie[(WACHTEND, "AANBOD_BEHEERDER")].post(REGISTREER, {"input": product(WACHTEND)}))
        wachtend_key = wachtend["registreerApplicatie"]["applicatie"]["identificatie"]
        data(beheer.post(SAMENVOEGEN, {"input": {"concept": wachtend_key, "doel": f["gebruikt"]}}))
        assert await raw(store, "wachtend", "MATCH (l:Leverancier {id: $id}) RETURN l.gemeldDoor AS g",
                         {"id": WACHTEND}) == [{"g": WACHTEND}]  # fmt: skip
        assert (
            await raw(
                store,
                "samengevoegd",
                "MATCH (a:Applicatie {id: $id}) RETURN a.id AS id",
                {"id": wachtend_key},
            )
            == []
        )

        # Sent back with a reason: still hidden; its leverancier reads why; a change offers it again.
        refused(beheer, PUBLICEER, {"concept": module_key}, "INVALID_ARGUMENT", "input.concept")
        terug = data(beheer.post(WIJS_AF, {"input": {"concept": key, "reden": "Beschrijving ontbreekt"}}))
        assert terug["wijsConceptAf"]["applicatie"] == {
            "identificatie": key,
            "status": "CONCEPT",
            "afwijzingsreden": "Beschrijving ontbreekt",
            "versienummer": 2,
        }
        assert (
            data(eigen.post(LEES, {"id": key}))["applicatie"]["afwijzingsreden"] == "Beschrijving ontbreekt"
        )
        for api in anderen:
            assert not ziet(api, key)
        opnieuw = data(eigen.post(WIJZIG, {"input": {"applicatie": key, "verwachteVersie": 2,
                                                      "beschrijving": "Zaken, qwzrt"}}))  # fmt: skip
        assert opnieuw["wijzigApplicatie"]["applicatie"]["afwijzingsreden"] is None

        # Published: the product and its module, for everyone; the leverancier has a track record now.
        gepubliceerd = data(beheer.post(PUBLICEER, {"input": {"concept": key}}))["publiceerConcept"][
            "applicatie"
        ]
        assert gepubliceerd == {"identificatie": key, "status": "ACTIEF",
                                "modules": [{"identificatie": module_key, "status": "ACTIEF"}]}  # fmt: skip
        for api in anderen:
            assert ziet(api, key) and ziet(api, module_key)
        volgende = data(eigen.post(REGISTREER, {"input": product(NIEUW, naam="Qwzrt Burgerzaken")}))
        assert volgende["registreerApplicatie"]["applicatie"]["status"] == "ACTIEF"
        assert ziet(anderen[0], volgende["registreerApplicatie"]["applicatie"]["identificatie"])
        records = [r["w"]["operatie"] for r in await wijzigingen(store, key)]
        assert records == ["AANGEMAAKT", "GEWIJZIGD", "GEWIJZIGD", "STATUS_GEWIJZIGD"]
