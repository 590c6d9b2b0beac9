"""Joining and leaving samenwerkingen and communities (F010, issue 18) through HTTP, in a graph
of the test's own on each engine: the membership as the raw graph holds it after each write, its
change records, what it gives a samenwerking's gebruik-beheerder (registering Gebruik for the
member) and takes away on leaving, every refusal of the role matrix, invalid input, and that a
refused write leaves the whole graph as it was.

The samenwerkingen, communities and the concept leverancier the tests use are made with the
seeder's own statements (seed/samenwerkingen, seed/communities, seed/leveranciers), as
`graph-api seed` would, so that no seeded membership decides what is expected.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from graph_api.store import Store
from tests.backends import Backend
from tests.graafdump import stand, verschil
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_gebruik_mutaties import REGISTREER, WIJZIG, data, fout, serve, tokens, wijzigingen

GEMEENTE = "GM0014"
ANDERE = "GM0034"
SAMENWERKING = "sam-test"
COMMUNITY = "com-test"
OPGEHEVEN = "com-opgeheven"  # a community no longer active
CONCEPT = "lev-concept-test"  # a leverancier awaiting approval

TOE = """
mutation($input: TreedToeInput!) {
  treedToe(input: $input) { organisatie { identificatie } samenwerkingOfCommunity { identificatie } sinds }
}"""
UIT = """
mutation($input: TreedUitInput!) {
  treedUit(input: $input) { organisatie { identificatie } samenwerkingOfCommunity { identificatie } sinds }
}"""
LEDEN = """
query($id: String!) { organisatie(identificatie: $id) {
  ... on Samenwerking { leden { identificatie } } ... on Community { leden { identificatie } } } }"""
DEELNAMES = "query($id: String!) { organisatie(identificatie: $id) { deelnames { identificatie } } }"


async def rij(store: Store, text: str, **params: Any) -> list[dict[str, Any]]:
    return await store.read_text("test/deelnames", text, params)


async def deelnames(store: Store, organisatie: str) -> dict[str, str | None]:
    """The organisation's memberships as the graph holds them: the other end's id and `sinds`."""
    rows = await rij(
        store,
        "MATCH (:Organisatie {id: $o})-[d:DEELNEMER_VAN]->(s) RETURN s.id AS s, d.sinds AS sinds",
        o=organisatie,
    )
    return {r["s"]: r["sinds"] for r in rows}


async def opzet(store: Store) -> dict[str, Any]:
    """Two samenwerkingen and communities of the test's own, a concept leverancier, a leverancier,
    and an application GEMEENTE does not use yet."""
    await store.write(
        "seed/samenwerkingen",
        {"rows": [{"id": SAMENWERKING, "naam": "Samenwerking Test", "status": "ACTIEF"}]},
    )
    await store.write(
        "seed/communities",
        {
            "rows": [
                {"id": COMMUNITY, "naam": "Community Test", "status": "ACTIEF"},
                {"id": OPGEHEVEN, "naam": "Community Opgeheven", "status": "GEDEACTIVEERD"},
            ]
        },
    )
    await store.write(
        "seed/leveranciers", {"rows": [{"id": CONCEPT, "naam": "Nieuw B.V.", "status": "CONCEPT"}]}
    )
    [lev] = await rij(store, "MATCH (l:Leverancier {status: 'ACTIEF'}) RETURN l.id AS id ORDER BY id LIMIT 1")
    gebruikt = {
        r["a"]
        for r in await rij(
            store, "MATCH (:Gemeente {id: $o})-[:GEBRUIKT]->()-[:VAN]->(a) RETURN a.id AS a", o=GEMEENTE
        )
    }
    apps = [r["id"] for r in await rij(store, "MATCH (a:Applicatie) RETURN a.id AS id ORDER BY id")]
    vrij = [a for a in apps if a not in gebruikt]
    return {"leverancier": lev["id"], "app": vrij[0], "app2": vrij[1]}


async def test_an_organisation_joins_and_leaves_at_once(own_graph: Backend) -> None:
    store = own_graph.store
    f = await opzet(store)
    seeded = await deelnames(store, GEMEENTE)
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (GEMEENTE, "ORGANISATIE_BEHEERDER"),
            (SAMENWERKING, "GEBRUIK_BEHEERDER"),
            (SAMENWERKING, "ORGANISATIE_BEHEERDER"),
            (f["leverancier"], "ORGANISATIE_BEHEERDER"),
            (VNG, "FUNCTIONEEL_BEHEERDER"),
        )
        eigen, samenwerking, samenwerking_beheer, leverancier, beheer = (
            Api(client, t) for t in minted.values()
        )
        vandaag = datetime.now(UTC).date().isoformat()

        # Before joining, the samenwerking may not register Gebruik for the gemeente.
        registratie = {"organisatie": GEMEENTE, "applicatie": f["app"]}
        assert fout(samenwerking.post(REGISTREER, {"input": registratie}))["code"] == "FORBIDDEN"

        # Joined at once, since today; the samenwerking's beheerder sees its members change.
        invoer = {"organisatie": GEMEENTE, "samenwerkingOfCommunity": SAMENWERKING, "idempotencyKey": "toe-1"}
        antwoord = data(eigen.post(TOE, {"input": invoer}))["treedToe"]
        assert antwoord == {
            "organisatie": {"identificatie": GEMEENTE},
            "samenwerkingOfCommunity": {"identificatie": SAMENWERKING},
            "sinds": vandaag,
        }
        assert await deelnames(store, GEMEENTE) == {**seeded, SAMENWERKING: vandaag}
        [record] = [r["w"] for r in await wijzigingen(store, GEMEENTE)]
        assert (record["operatie"], record["objectLabel"], record["organisatie"]) == (
            "AANGEMAAKT",
            "Deelname",
            GEMEENTE,
        )
        assert json.loads(record["na"]) == {"samenwerkingOfCommunity": SAMENWERKING, "sinds": vandaag}
        assert data(samenwerking_beheer.post(LEDEN, {"id": SAMENWERKING}))["organisatie"]["leden"] == [
            {"identificatie": GEMEENTE}
        ]
        assert {"identificatie": SAMENWERKING} in data(eigen.post(DEELNAMES, {"id": GEMEENTE}))[
            "organisatie"
        ]["deelnames"]

        # The same key and input again: the same answer, nothing written; other input: refused.
        assert data(eigen.post(TOE, {"input": invoer}))["treedToe"] == antwoord
        assert len(await wijzigingen(store, GEMEENTE)) == 1
        hergebruikt = fout(eigen.post(TOE, {"input": {**invoer, "samenwerkingOfCommunity": COMMUNITY}}))
        assert hergebruikt["code"] == "IDEMPOTENCY_KEY_REUSED"

        # A member now: the samenwerking's gebruik-beheerder registers Gebruik for it (part 1's rule).
        gebruik = data(samenwerking.post(REGISTREER, {"input": registratie}))["registreerGebruik"]["gebruik"]
        assert gebruik["organisatie"]["id"] and gebruik["versienummer"] == 1
        assert await rij(
            store,
            "MATCH (s:Samenwerking)-[:REGISTREERT]->(g:Gebruik {id: $g})<-[:GEBRUIKT]-(o) RETURN s.id AS s, o.id AS o",
            g=gebruik["identificatie"],
        ) == [{"s": SAMENWERKING, "o": GEMEENTE}]

        # Left at once: the membership is gone, its record keeps since when it was.
        weg = data(
            eigen.post(UIT, {"input": {"organisatie": GEMEENTE, "samenwerkingOfCommunity": SAMENWERKING}})
        )
        assert weg["treedUit"]["sinds"] == vandaag
        assert await deelnames(store, GEMEENTE) == seeded
        records = [r["w"] for r in await wijzigingen(store, GEMEENTE)]
        assert [r["operatie"] for r in records] == ["AANGEMAAKT", "VERWIJDERD"]
        assert json.loads(records[1]["voor"]) == {"samenwerkingOfCommunity": SAMENWERKING, "sinds": vandaag}
        assert json.loads(records[1]["na"]) == {"samenwerkingOfCommunity": SAMENWERKING, "tot": vandaag}
        assert data(samenwerking_beheer.post(LEDEN, {"id": SAMENWERKING}))["organisatie"]["leden"] == []

        # No longer a member: the samenwerking registers nothing more there, nor changes what it did.
        verboden = fout(samenwerking.post(REGISTREER, {"input": {**registratie, "applicatie": f["app2"]}}))
        assert (verboden["code"], verboden["argument"]) == ("FORBIDDEN", "input.organisatie")
        gewijzigd = fout(samenwerking.post(WIJZIG, {"input": {
            "gebruik": gebruik["identificatie"], "verwachteVersie": 1, "notities": "x",
        }}))  # fmt: skip
        assert gewijzigd["code"] == "FORBIDDEN"

        # A community: a leverancier joins too, since a date before today; functioneel beheer
        # makes another gemeente join, recorded as acting for VNG.
        data(leverancier.post(TOE, {"input": {
            "organisatie": f["leverancier"], "samenwerkingOfCommunity": COMMUNITY, "sinds": "2021-03-01",
        }}))  # fmt: skip
        data(beheer.post(TOE, {"input": {"organisatie": ANDERE, "samenwerkingOfCommunity": COMMUNITY}}))
        assert (await deelnames(store, f["leverancier"]))[COMMUNITY] == "2021-03-01"
        assert (await deelnames(store, ANDERE))[COMMUNITY] == vandaag
        leden = data(Api(client).post(LEDEN, {"id": COMMUNITY}))["organisatie"]["leden"]
        assert sorted(lid["identificatie"] for lid in leden) == sorted([f["leverancier"], ANDERE])
        [record] = [r["w"] for r in await wijzigingen(store, ANDERE)]
        assert record["actorOrganisatie"] == VNG

        # Joining again after leaving is a new membership.
        opnieuw = data(eigen.post(TOE, {"input": {
            "organisatie": GEMEENTE, "samenwerkingOfCommunity": SAMENWERKING, "sinds": "2026-01-01",
        }}))["treedToe"]  # fmt: skip
        assert opnieuw["sinds"] == "2026-01-01"
        assert (await deelnames(store, GEMEENTE))[SAMENWERKING] == "2026-01-01"


async def test_every_refused_membership_write_leaves_the_graph_as_it_was(own_graph: Backend) -> None:
    store = own_graph.store
    f = await opzet(store)
    lev = f["leverancier"]
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (GEMEENTE, "ORGANISATIE_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_RAADPLEGER"),
            (lev, "AANBOD_BEHEERDER"),
            (lev, "ORGANISATIE_BEHEERDER"),
            (VNG, "VNG_RAADPLEGER"),
            (VNG, "FUNCTIONEEL_BEHEERDER"),
            (ANDERE, "ORGANISATIE_BEHEERDER"),
            (SAMENWERKING, "ORGANISATIE_BEHEERDER"),
            (COMMUNITY, "ORGANISATIE_BEHEERDER"),
            (CONCEPT, "ORGANISATIE_BEHEERDER"),
        )
        wie = {key: Api(client, token) for key, token in minted.items()}
        eigen = wie[(GEMEENTE, "ORGANISATIE_BEHEERDER")]
        beheer = wie[(VNG, "FUNCTIONEEL_BEHEERDER")]
        # GEMEENTE is a member of COMMUNITY already: leaving is what the refusals try.
        data(eigen.post(TOE, {"input": {"organisatie": GEMEENTE, "samenwerkingOfCommunity": COMMUNITY}}))
        before = await stand(store)
        toe = {"organisatie": GEMEENTE, "samenwerkingOfCommunity": SAMENWERKING}
        uit = {"organisatie": GEMEENTE, "samenwerkingOfCommunity": COMMUNITY}

        def refused(
            api: Api, query: str, input: dict[str, Any], code: str, argument: str | None = None
        ) -> None:
            extensions = fout(api.post(query, {"input": input}))
            assert extensions["code"] == code, (input, extensions)
            if argument is not None:
                assert extensions.get("argument") == argument, (input, extensions)

        # The role matrix: sign in; only the organisation's own organisatie-beheerder (or
        # functioneel beheer), not the samenwerking's or another gemeente's.
        for query, input in ((TOE, toe), (UIT, uit)):
            refused(Api(client), query, input, "UNAUTHENTICATED")
            for rol in (
                (GEMEENTE, "GEBRUIK_BEHEERDER"),
                (GEMEENTE, "GEBRUIK_RAADPLEGER"),
                (lev, "AANBOD_BEHEERDER"),
                (VNG, "VNG_RAADPLEGER"),
            ):
                refused(wie[rol], query, input, "FORBIDDEN")
            for rol in (
                (ANDERE, "ORGANISATIE_BEHEERDER"),
                (SAMENWERKING, "ORGANISATIE_BEHEERDER"),
                (COMMUNITY, "ORGANISATIE_BEHEERDER"),
                (lev, "ORGANISATIE_BEHEERDER"),
            ):
                refused(wie[rol], query, input, "FORBIDDEN", "input.organisatie")

        # Who joins what: only gemeenten a samenwerking, no community a community, both active.
        refused(wie[(lev, "ORGANISATIE_BEHEERDER")], TOE, {"organisatie": lev, "samenwerkingOfCommunity": SAMENWERKING},
                "MEMBERSHIP_NOT_ALLOWED", "input.organisatie")  # fmt: skip
        refused(beheer, TOE, {"organisatie": SAMENWERKING, "samenwerkingOfCommunity": SAMENWERKING},
                "MEMBERSHIP_NOT_ALLOWED", "input.organisatie")  # fmt: skip
        refused(wie[(COMMUNITY, "ORGANISATIE_BEHEERDER")], TOE, {"organisatie": COMMUNITY,
                "samenwerkingOfCommunity": COMMUNITY}, "MEMBERSHIP_NOT_ALLOWED", "input.organisatie")  # fmt: skip
        refused(eigen, TOE, {**toe, "samenwerkingOfCommunity": ANDERE}, "MEMBERSHIP_NOT_ALLOWED",
                "input.samenwerkingOfCommunity")  # fmt: skip
        refused(eigen, TOE, {**toe, "samenwerkingOfCommunity": VNG}, "MEMBERSHIP_NOT_ALLOWED",
                "input.samenwerkingOfCommunity")  # fmt: skip
        refused(eigen, TOE, {**toe, "samenwerkingOfCommunity": OPGEHEVEN}, "MEMBERSHIP_NOT_ALLOWED",
                "input.samenwerkingOfCommunity")  # fmt: skip
        refused(wie[(CONCEPT, "ORGANISATIE_BEHEERDER")], TOE, {"organisatie": CONCEPT,
                "samenwerkingOfCommunity": COMMUNITY}, "MEMBERSHIP_NOT_ALLOWED", "input.organisatie")  # fmt: skip

        # What exists and what does not.
        refused(eigen, TOE, uit, "DUPLICATE", "input.samenwerkingOfCommunity")
        refused(eigen, UIT, toe, "NOT_FOUND", "input.samenwerkingOfCommunity")
        refused(eigen, TOE, {**toe, "samenwerkingOfCommunity": "sam-bestaat-niet"}, "NOT_FOUND",
                "input.samenwerkingOfCommunity")  # fmt: skip
        refused(beheer, TOE, {**toe, "organisatie": "GM9999"}, "NOT_FOUND", "input.organisatie")
        refused(beheer, UIT, {**uit, "organisatie": "GM9999"}, "NOT_FOUND", "input.organisatie")

        # Invalid input, naming its field.
        for sinds in ("2026-13-01", "01-03-2021", "gisteren", "2999-01-01"):
            refused(eigen, TOE, {**toe, "sinds": sinds}, "INVALID_INPUT", "input.sinds")

        assert not await verschil(store, before)
