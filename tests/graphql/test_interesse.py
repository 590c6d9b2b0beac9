"""Interest (issue 19, item 5) through HTTP, in a graph of the test's own on each engine: who may
show and withdraw it (every role of the matrix), who sees who showed it (the leverancier's
aanbod- and organisatie-beheerders and functioneel beheer; nobody else), the melding to exactly
the leverancier's people, and the whole graph unchanged after every refused or invalid write.

Expected answers come from raw rows of the graph (names, the leverancier's members and roles),
not from the code's output. One test function: a Neo4j graph of a test's own costs seconds.
"""

from __future__ import annotations

from typing import Any

from graph_api.auth.dev import key_path, mint_token, signing_key
from graph_api.domain.gebruikers import registreer_dev
from graph_api.store import Store
from tests.backends import Backend
from tests.graafdump import stand, verschil
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_applicatie_mutaties import raw, refused
from tests.graphql.test_gebruik_mutaties import _global, data, fout, serve

GEMEENTE = "GM0014"

TOON = """
mutation($input: ToonInteresseInput!) {
  toonInteresse(input: $input) {
    interesse { identificatie versienummer bericht door aangemaakt
                applicatie { identificatie } gemeente { identificatie } }
  }
}"""
TREK_IN = """
mutation($input: TrekInteresseInInput!) { trekInteresseIn(input: $input) { ingetrokkenId } }"""
OVERZICHT = """
query($l: ID!) { leveranciersoverzicht(leverancier: $l) {
  interesse { identificatie bericht door aangemaakt versienummer
              applicatie { identificatie } gemeente { identificatie naam } }
} }"""
NODE = "query($id: ID!) { node(id: $id) { ... on Interesse { identificatie bericht door } } }"
MELDINGEN = "{ meldingen(first: 50) { nodes { soort tekst organisatie { identificatie } } } }"


async def _feiten(store: Store) -> dict[str, Any]:
    """A published leverancier with a published application in use (its name), another
    leverancier, a gemeente other than GM0014, a concept application and a retired one."""
    [eigen] = await raw(store, "int_lev", """
        MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie)
        WHERE l.gemeldDoor IS NULL AND a.gemeldDoor IS NULL AND a.status <> 'TERUGGETROKKEN'
        WITH l, a ORDER BY l.id, a.id
        WITH l, collect(a)[0] AS a
        RETURN l.id AS l, a.id AS a, a.naam AS naam ORDER BY l LIMIT 1""")  # fmt: skip
    [ander] = await raw(store, "int_ander", """
        MATCH (l:Leverancier) WHERE l.id <> $l AND l.gemeldDoor IS NULL
        RETURN l.id AS l ORDER BY l.id LIMIT 1""", {"l": eigen["l"]})  # fmt: skip
    gemeenten = await raw(store, "int_gem", """
        MATCH (g:Gemeente) WHERE g.id = $g OR g.id <> $g
        RETURN g.id AS id, g.naam AS naam ORDER BY g.id <> $g, g.id LIMIT 2""", {"g": GEMEENTE})  # fmt: skip
    concepten = await raw(store, "int_concept", """
        MATCH (a:Applicatie) WHERE a.gemeldDoor IS NOT NULL AND a.gemeldDoor <> $g
        RETURN a.id AS id ORDER BY a.id LIMIT 1""", {"g": GEMEENTE})  # fmt: skip
    namen = {g["id"]: g["naam"] for g in gemeenten}
    andere = next(g for g in namen if g != GEMEENTE)
    concept = concepten[0]["id"] if concepten else None
    return {**eigen, "ander": ander["l"], "andere": andere, "namen": namen, "concept": concept}


async def _personen(backend: Backend, *rollen: tuple[str, str]) -> dict[tuple[str, str], tuple[str, str]]:
    """A development token and the person's name for each (organisation, role), each a person
    of its own registered in the test's graph (as `graph-api dev-token` does)."""
    key = signing_key(key_path(backend.settings))
    result = {}
    for organisatie, rol in rollen:
        r = await registreer_dev(backend.store, organisatie_sleutel=organisatie, rol_waarde=rol)
        token = mint_token(key, subject=r.subject, audience=backend.settings.identity.audience)
        result[(organisatie, rol)] = (token, r.naam)
    return result


async def _mensen(store: Store, leverancier: str) -> dict[str, set[str]]:
    """The leverancier's persons with the roles that see interest, and all its persons."""
    rows = await raw(store, "int_mensen", """
        MATCH (p:Gebruiker)-[m:LID_VAN]->(:Leverancier {id: $l})
        RETURN p.id AS p, m.rollen AS rollen""", {"l": leverancier})  # fmt: skip
    zien = {r["p"] for r in rows if {"AANBOD_BEHEERDER", "ORGANISATIE_BEHEERDER"} & set(r["rollen"])}
    return {"zien": zien, "alle": {r["p"] for r in rows}}


async def _meldingen(store: Store) -> list[dict[str, Any]]:
    return await raw(store, "int_meldingen", """
        MATCH (m:Melding {soort: 'INTERESSE_GETOOND'})
        RETURN m.ontvanger AS ontvanger, m.organisatie AS organisatie, m.tekst AS tekst, m.object AS object""")  # fmt: skip


async def test_interest_through_every_role(own_graph: Backend) -> None:
    store = own_graph.store
    f = await _feiten(store)
    lev, app, andere = f["l"], f["a"], f["andere"]
    rollen = [
        (GEMEENTE, "GEBRUIK_RAADPLEGER"), (GEMEENTE, "GEBRUIK_BEHEERDER"), (GEMEENTE, "ORGANISATIE_BEHEERDER"),
        (andere, "GEBRUIK_BEHEERDER"), (lev, "AANBOD_BEHEERDER"), (lev, "ORGANISATIE_BEHEERDER"),
        (lev, "GEBRUIK_RAADPLEGER"), (f["ander"], "AANBOD_BEHEERDER"), (VNG, "VNG_RAADPLEGER"),
        (VNG, "FUNCTIONEEL_BEHEERDER"),
    ]  # fmt: skip
    personen = await _personen(own_graph, *rollen)
    namen = {key: naam for key, (_, naam) in personen.items()}
    mensen = await _mensen(store, lev)
    with serve(own_graph) as client:
        api = {key: Api(client, token) for key, (token, _) in personen.items()}
        bezoeker = Api(client)
        raadpleger = api[(GEMEENTE, "GEBRUIK_RAADPLEGER")]
        gem_beheerder = api[(GEMEENTE, "GEBRUIK_BEHEERDER")]
        gem_orgbeheer = api[(GEMEENTE, "ORGANISATIE_BEHEERDER")]
        andere_gem = api[(andere, "GEBRUIK_BEHEERDER")]
        aanbod = api[(lev, "AANBOD_BEHEERDER")]
        lev_orgbeheer = api[(lev, "ORGANISATIE_BEHEERDER")]
        lev_raadpleger = api[(lev, "GEBRUIK_RAADPLEGER")]
        concurrent = api[(f["ander"], "AANBOD_BEHEERDER")]
        vng = api[(VNG, "VNG_RAADPLEGER")]
        beheer = api[(VNG, "FUNCTIONEEL_BEHEERDER")]

        # Refused before anything is written, and invalid input: the graph as it was.
        voor = await stand(store)
        invoer = {"applicatie": app, "bericht": "Graag een demo"}
        refused(bezoeker, TOON, invoer, "UNAUTHENTICATED")
        for wie in (aanbod, lev_orgbeheer, lev_raadpleger, concurrent, vng, beheer):
            refused(wie, TOON, invoer, "FORBIDDEN")
        refused(raadpleger, TOON, {**invoer, "gemeente": andere}, "FORBIDDEN", "input.gemeente")
        refused(
            raadpleger, TOON, {**invoer, "applicatie": "app-bestaat-niet"}, "NOT_FOUND", "input.applicatie"
        )
        if f["concept"] is not None:  # a concept the gemeente does not see is not there
            refused(raadpleger, TOON, {**invoer, "applicatie": f["concept"]}, "NOT_FOUND", "input.applicatie")
        refused(raadpleger, TOON, {**invoer, "bericht": "x" * 10_001}, "INVALID_INPUT", "input.bericht")
        refused(raadpleger, TOON, {**invoer, "bericht": "a\x00b"}, "INVALID_TEXT")
        refused(raadpleger, TOON, {**invoer, "applicatie": _global("Leverancier", lev)}, "INVALID_ID",
                "input.applicatie")  # fmt: skip
        assert not await verschil(store, voor)

        # Shown: by a gebruik-raadpleger of GM0014 with a message, by another gemeente without.
        eerste = data(raadpleger.post(TOON, {"input": {**invoer, "idempotencyKey": "int-1"}}))
        eerste = eerste["toonInteresse"]["interesse"]
        assert {k: eerste[k] for k in ("versienummer", "bericht", "door", "applicatie", "gemeente")} == {
            "versienummer": 1, "bericht": "Graag een demo", "door": namen[(GEMEENTE, "GEBRUIK_RAADPLEGER")],
            "applicatie": {"identificatie": app}, "gemeente": {"identificatie": GEMEENTE},
        }  # fmt: skip
        tweede = data(andere_gem.post(TOON, {"input": {"applicatie": app, "bericht": "  "}}))
        tweede = tweede["toonInteresse"]["interesse"]
        assert tweede["bericht"] is None and tweede["door"] == namen[(andere, "GEBRUIK_BEHEERDER")]
        # Sent again with its key: the same answer, nothing written.
        na_tonen = await stand(store)
        opnieuw = data(raadpleger.post(TOON, {"input": {**invoer, "idempotencyKey": "int-1"}}))
        assert opnieuw["toonInteresse"]["interesse"]["identificatie"] == eerste["identificatie"]
        # Once per gemeente and application, whoever of the gemeente asks.
        refused(gem_beheerder, TOON, {"applicatie": app}, "DUPLICATE", "input.applicatie")
        refused(raadpleger, TOON, {**invoer, "idempotencyKey": "int-1", "bericht": "anders"},
                "IDEMPOTENCY_KEY_REUSED", "input.idempotencyKey")  # fmt: skip
        # Withdrawn only by the gemeente's own people, at the versie read.
        trek = {"interesse": eerste["identificatie"], "verwachteVersie": 1}
        refused(bezoeker, TREK_IN, trek, "UNAUTHENTICATED")
        for wie in (aanbod, lev_orgbeheer, beheer, concurrent, vng, lev_raadpleger):
            assert refused(wie, TREK_IN, trek, "FORBIDDEN").get("argument") is None  # before any statement
        refused(andere_gem, TREK_IN, trek, "NOT_FOUND", "input.interesse")
        refused(
            gem_orgbeheer,
            TREK_IN,
            {**trek, "verwachteVersie": 2},
            "VERSION_CONFLICT",
            "input.verwachteVersie",
        )
        assert not await verschil(store, na_tonen)

        # The change records: one per interest, in the gemeente's landscape, by the person.
        records = await raw(store, "int_records", """
            MATCH (w:Wijziging {objectLabel: 'Interesse'})
            RETURN w.object AS object, w.organisatie AS organisatie, w.operatie AS operatie""")  # fmt: skip
        assert sorted((r["object"], r["organisatie"], r["operatie"]) for r in records) == sorted(
            [
                (eerste["identificatie"], GEMEENTE, "AANGEMAAKT"),
                (tweede["identificatie"], andere, "AANGEMAAKT"),
            ]
        )

        # Who sees who showed it: the leverancier's aanbod- and organisatie-beheerders and
        # functioneel beheer, newest first; the view is refused as a whole to everyone else.
        verwacht = [
            (tweede["identificatie"], andere, f["namen"][andere], None, namen[(andere, "GEBRUIK_BEHEERDER")]),
            (eerste["identificatie"], GEMEENTE, f["namen"][GEMEENTE], "Graag een demo",
             namen[(GEMEENTE, "GEBRUIK_RAADPLEGER")]),
        ]  # fmt: skip
        for wie in (aanbod, lev_orgbeheer, beheer):
            rijen = data(wie.post(OVERZICHT, {"l": lev}))["leveranciersoverzicht"]["interesse"]
            assert [
                (
                    r["identificatie"],
                    r["gemeente"]["identificatie"],
                    r["gemeente"]["naam"],
                    r["bericht"],
                    r["door"],
                )
                for r in rijen
            ] == verwacht
        assert fout(bezoeker.post(OVERZICHT, {"l": lev}))["code"] == "UNAUTHENTICATED"
        for wie in (lev_raadpleger, concurrent, raadpleger, andere_gem, vng):
            assert fout(wie.post(OVERZICHT, {"l": lev}))["code"] == "FORBIDDEN"
        # By id: the gemeente's own people and the leverancier's see it, nobody else.
        node_id = _global("Interesse", eerste["identificatie"])
        for wie in (raadpleger, gem_orgbeheer, aanbod, lev_orgbeheer, beheer):
            assert data(wie.post(NODE, {"id": node_id}))["node"]["identificatie"] == eerste["identificatie"]
        for wie in (bezoeker, andere_gem, concurrent, lev_raadpleger, vng):
            assert data(wie.post(NODE, {"id": node_id}))["node"] is None

        # The melding: to exactly the leverancier's people who see interest, once per interest.
        gezonden = await _meldingen(store)
        tekst = f"Gemeente {{}} heeft interesse getoond in uw applicatie {f['naam']}"
        assert sorted(
            (m["ontvanger"], m["organisatie"], m["object"], m["tekst"]) for m in gezonden
        ) == sorted(
            (p, lev, interesse, tekst.format(f["namen"][gemeente]))
            for p in mensen["zien"]
            for interesse, gemeente in (
                (eerste["identificatie"], GEMEENTE),
                (tweede["identificatie"], andere),
            )
        )
        assert mensen["zien"] < mensen["alle"]  # the leverancier's gebruik-raadpleger hears nothing
        eigen = data(aanbod.post(MELDINGEN))["meldingen"]["nodes"]
        assert sorted(m["tekst"] for m in eigen if m["soort"] == "INTERESSE_GETOOND") == sorted(
            tekst.format(f["namen"][g]) for g in (GEMEENTE, andere)
        )
        for wie in (raadpleger, andere_gem, concurrent, lev_raadpleger):
            assert all(
                m["soort"] != "INTERESSE_GETOOND" for m in data(wie.post(MELDINGEN))["meldingen"]["nodes"]
            )

        # Withdrawn by one of the gemeente's people (another than who showed it).
        ingetrokken = data(gem_orgbeheer.post(TREK_IN, {"input": trek}))["trekInteresseIn"]
        assert ingetrokken == {"ingetrokkenId": eerste["identificatie"]}
        rijen = data(aanbod.post(OVERZICHT, {"l": lev}))["leveranciersoverzicht"]["interesse"]
        assert [r["identificatie"] for r in rijen] == [tweede["identificatie"]]
        [record] = await raw(store, "int_weg", """
            MATCH (w:Wijziging {object: $i, operatie: 'VERWIJDERD'}) RETURN w.organisatie AS o, w.voor AS voor""",
            {"i": eerste["identificatie"]})  # fmt: skip
        assert record["o"] == GEMEENTE and "Graag een demo" in record["voor"]
        # Shown again afterwards: a new interest, and the leverancier hears it again.
        data(gem_beheerder.post(TOON, {"input": {"applicatie": app, "bericht": "Nu echt"}}))
        assert len(await _meldingen(store)) == 3 * len(mensen["zien"])
