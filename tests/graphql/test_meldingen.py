"""Meldingen (issue 19, item 3) through HTTP, in a graph of the test's own on each engine: each
kind caused by a real mutation, received by exactly the people it concerns (computed from raw
rows of the graph: the members of the organisations concerned, minus the one who wrote, minus
those who switched the kind off, minus deactivated people and memberships, minus machines);
the list (unread first, then newest first, paged), marking read (one's own only), preferences,
the bezoeker refused, bad input refused with the graph as it was.
"""

from __future__ import annotations

from typing import Any

from graph_api.store import Store
from tests.backends import Backend
from tests.graafdump import dump
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_applicatie_mutaties import raw, schrijf
from tests.graphql.test_gebruik_mutaties import _global, data, fout, serve, tokens

GEMEENTE = "GM0014"

MELDINGEN = """query($ongelezen: Boolean, $first: Int, $after: String) {
  meldingen(ongelezen: $ongelezen, first: $first, after: $after) {
    totalCount ongelezen pageInfo { hasNextPage endCursor }
    nodes { id soort tekst gelezen aangemaakt organisatie { id } onderwerp { id } }
  } }"""
MARKEER = """mutation($input: MarkeerMeldingenGelezenInput!) {
  markeerMeldingenGelezen(input: $input) { ongelezen meldingen { id gelezen } } }"""
VOORKEUREN = "{ meldingvoorkeuren { soort aan } }"
WIJZIG_VOORKEUREN = """mutation($input: WijzigMeldingvoorkeurenInput!) {
  wijzigMeldingvoorkeuren(input: $input) { voorkeuren { soort aan } } }"""
REGISTREER_VERSIE = """mutation($input: RegistreerVersieInput!) {
  registreerVersie(input: $input) { versie { identificatie } } }"""


async def meldingen(store: Store) -> list[dict[str, Any]]:
    """Every Melding in the graph, raw."""
    return await raw(store, "meldingen", "MATCH (m:Melding) RETURN m {.*} AS m ORDER BY m.id")


async def leden(store: Store, organisaties: list[str], soort: str, actor: str) -> set[tuple[str, str]]:
    """(person, organisation) of the people a melding of `soort` caused by `actor` reaches in
    `organisaties`, from raw rows: active persons with an active membership, who have not
    switched the kind off, but not the actor."""
    rows = await raw(store, "leden", """
        MATCH (p:Gebruiker)-[l:LID_VAN]->(o:Organisatie)
        WHERE o.id IN $organisaties
        RETURN p.id AS p, o.id AS o, p.status AS status, p.soort AS soort, l.status AS lid,
               p.meldingenUit AS uit""", {"organisaties": organisaties})  # fmt: skip
    return {
        (r["p"], r["o"])
        for r in rows
        if r["status"] == "ACTIEF"
        and (r["soort"] or "PERSOON") == "PERSOON"
        and (r["lid"] or "ACTIEF") == "ACTIEF"
        and soort not in (r["uit"] or [])
        and r["p"] != actor
    }


async def gebruiker(store: Store, organisatie: str, rol: str) -> str:
    [row] = await raw(store, "gebruiker", "MATCH (p:Gebruiker {subject: $s}) RETURN p.id AS id",
                      {"s": f"dev:{organisatie}:{rol}"})  # fmt: skip
    return row["id"]


async def test_a_new_version_tells_the_people_of_every_organisation_using_it(own_graph: Backend) -> None:
    store = own_graph.store
    [app] = await raw(store, "app", """
        MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie)<-[:VAN]-(g:Gebruik)<-[:GEBRUIKT]-(:Organisatie {id: $g})
        WHERE a.gemeldDoor IS NULL AND g.status <> 'UITGEFASEERD'
        WITH l, a ORDER BY l.id, a.id
        RETURN l.id AS leverancier, l.naam AS lnaam, collect(a.id)[0] AS app, collect(a.naam)[0] AS naam
        LIMIT 1""", {"g": GEMEENTE})  # fmt: skip
    lev = app["leverancier"]
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (lev, "AANBOD_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_RAADPLEGER"),
            (GEMEENTE, "ORGANISATIE_BEHEERDER"),
            (VNG, "FUNCTIONEEL_BEHEERDER"),
        )
        wie = {key: Api(client, token) for key, token in minted.items()}
        schrijver = await gebruiker(store, lev, "AANBOD_BEHEERDER")
        beheerder = wie[(GEMEENTE, "GEBRUIK_BEHEERDER")]
        # The raadpleger switches new versions off first.
        uit = data(wie[(GEMEENTE, "GEBRUIK_RAADPLEGER")].post(
            WIJZIG_VOORKEUREN, {"input": {"uit": ["NIEUWE_VERSIE"]}}
        ))["wijzigMeldingvoorkeuren"]["voorkeuren"]  # fmt: skip
        assert [v["soort"] for v in uit if not v["aan"]] == ["NIEUWE_VERSIE"]
        gebruikers = [r["o"] for r in await raw(store, "gebruikers", """
            MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(:Applicatie {id: $a})
            WHERE g.status <> 'UITGEFASEERD' RETURN DISTINCT o.id AS o""", {"a": app["app"]})]  # fmt: skip
        verwacht = await leden(store, gebruikers, "NIEUWE_VERSIE", schrijver)
        versie = data(wie[(lev, "AANBOD_BEHEERDER")].post(
            REGISTREER_VERSIE, {"input": {"applicatie": app["app"], "nummer": "77.0"}}
        ))["registreerVersie"]["versie"]["identificatie"]  # fmt: skip
        gemaakt = await meldingen(store)
        assert {(m["m"]["ontvanger"], m["m"]["organisatie"]) for m in gemaakt} == verwacht
        assert verwacht  # the beheerder and the organisatie-beheerder at least
        for m in gemaakt:
            assert m["m"]["soort"] == "NIEUWE_VERSIE" and m["m"]["object"] == versie
            assert m["m"]["tekst"] == f"{app['lnaam']} heeft versie 77.0 van {app['naam']} uitgebracht"
            assert m["m"]["gelezen"] is False

        lijst = data(beheerder.post(MELDINGEN))["meldingen"]
        assert lijst["totalCount"] == 1 and lijst["ongelezen"] == 1
        [eigen] = lijst["nodes"]
        assert eigen["soort"] == "NIEUWE_VERSIE" and eigen["organisatie"]["id"] == _global("Gemeente", GEMEENTE)
        assert eigen["onderwerp"]["id"] == _global("Versie", versie)
        assert data(wie[(GEMEENTE, "GEBRUIK_RAADPLEGER")].post(MELDINGEN))["meldingen"]["totalCount"] == 0
        gelezen = data(beheerder.post(MARKEER, {"input": {"ids": [eigen["id"]]}}))["markeerMeldingenGelezen"]
        assert gelezen == {"ongelezen": 0, "meldingen": [{"id": eigen["id"], "gelezen": True}]}
        assert fout(Api(client).post(MELDINGEN))["code"] == "UNAUTHENTICATED"
