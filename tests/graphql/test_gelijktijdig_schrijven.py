"""Writes at the same moment (issue 17, "Writes, part 1") through HTTP, in a graph of the test's
own on each engine: 50 writers at once on one landscape, 30 registering Gebruik of their own and
20 changing the same three Gebruik with the versie each read. Every acknowledged write is in the
graph and in the change record, every refused one got VERSION_CONFLICT and left no record, and no
update is lost: the change records of a contested Gebruik form one unbroken chain.

What is expected is worked out here from what the writers sent and from raw rows of the store,
never from the API's answers to reads.
"""

from __future__ import annotations

import json
import threading
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from tests.backends import Backend
from tests.graphql.conftest import Api
from tests.graphql.test_gebruik_mutaties import GEMEENTE, REGISTREER, WIJZIG, _global, data, serve, tokens

REGISTRERENDEN = 30
WIJZIGENDEN = 20
BETWIST = 3  # the Gebruik the 20 changers share
POGINGEN = 3  # how often a changer tries
VERSIE = "query($id: ID!) { node(id: $id) { ... on Gebruik { versienummer } } }"


async def raw(backend: Backend, name: str, cypher: str, params: dict[str, Any] | None = None) -> list[dict]:
    return await backend.store.read_text(f"test/{name}", cypher, params or {}, timeout_ms=120_000)


async def test_fifty_writers_at_once_lose_no_update(own_graph: Backend) -> None:
    # Applications GEMEENTE does not use yet, read raw: one for each Gebruik registered here.
    vrij = [r["id"] for r in await raw(own_graph, "vrij", (
        "MATCH (a:Applicatie) OPTIONAL MATCH (:Organisatie {id: $o})-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a) "
        "WITH a, count(g) AS n WHERE n = 0 RETURN a.id AS id ORDER BY id"), {"o": GEMEENTE})]  # fmt: skip
    assert len(vrij) >= REGISTRERENDEN + BETWIST
    betwist_apps, nieuw_apps = vrij[:BETWIST], vrij[BETWIST : BETWIST + REGISTRERENDEN]
    voor = (await raw(own_graph, "aantal", "MATCH (:Organisatie {id: $o})-[:GEBRUIKT]->(g:Gebruik) "
                      "RETURN count(g) AS n", {"o": GEMEENTE}))[0]["n"]  # fmt: skip

    with serve(own_graph) as client:
        eigen = Api(
            client,
            (await tokens(own_graph, (GEMEENTE, "GEBRUIK_BEHEERDER")))[(GEMEENTE, "GEBRUIK_BEHEERDER")],
        )
        # The contested Gebruik, registered one by one beforehand, at versie 1 with a known note.
        betwist = [
            data(eigen.post(REGISTREER, {"input": {"organisatie": GEMEENTE, "applicatie": app,
                                                   "notities": f"begin-{i}"}}))["registreerGebruik"]["gebruik"]["identificatie"]
            for i, app in enumerate(betwist_apps)
        ]  # fmt: skip

        # Every writer waits for all the others before it writes: the 50 writes leave together.
        start = threading.Barrier(REGISTRERENDEN + WIJZIGENDEN, timeout=120)

        def registreer(i: int) -> dict[str, Any]:
            input = {"organisatie": GEMEENTE, "applicatie": nieuw_apps[i], "notities": f"reg-{i}"}
            start.wait()
            return eigen.post(REGISTREER, {"input": input}).json()

        def wijzig(i: int) -> list[tuple[int, str, dict[str, Any]]]:
            """Read the versie, wait for the others, write; on VERSION_CONFLICT try again (at most
            POGINGEN times) at the versie the refusal names, as a client would."""
            gebruik = betwist[i % BETWIST]
            gelezen = data(eigen.post(VERSIE, {"id": _global("Gebruik", gebruik)}))["node"]["versienummer"]
            start.wait()
            pogingen = []
            for poging in range(POGINGEN):
                notities = f"wijz-{i}-{poging}"
                input = {"gebruik": gebruik, "verwachteVersie": gelezen, "notities": notities}
                antwoord = eigen.post(WIJZIG, {"input": input}).json()
                pogingen.append((gelezen, notities, antwoord))
                if (
                    "errors" not in antwoord
                    or antwoord["errors"][0]["extensions"].get("code") != "VERSION_CONFLICT"
                ):
                    break
                gelezen = antwoord["errors"][0]["extensions"]["huidigeVersie"]
            return pogingen

        with ThreadPoolExecutor(REGISTRERENDEN + WIJZIGENDEN) as pool:
            registraties = [pool.submit(registreer, i) for i in range(REGISTRERENDEN)]
            wijzigingen = [pool.submit(wijzig, i) for i in range(WIJZIGENDEN)]
            registraties = [f.result() for f in registraties]
            wijzigingen = [f.result() for f in wijzigingen]

    # Every registration was acknowledged (each its own application: nothing to conflict over).
    assert all("errors" not in a for a in registraties), [a["errors"] for a in registraties if "errors" in a]
    geregistreerd = {
        a["data"]["registreerGebruik"]["gebruik"]["identificatie"]: i for i, a in enumerate(registraties)
    }
    assert len(geregistreerd) == REGISTRERENDEN

    # Every change either acknowledged or refused with VERSION_CONFLICT (no 500, no time-out).
    # gebruik: (the versie its writer read, notities sent, the answer's versienummer and notities)
    erkend: dict[str, list[tuple[int, str, int, str]]] = defaultdict(list)
    geweigerd: dict[str, list[str]] = defaultdict(list)
    for i, pogingen in enumerate(wijzigingen):
        gebruik = betwist[i % BETWIST]
        for gelezen, notities, antwoord in pogingen:
            if "errors" in antwoord:
                assert [e["extensions"]["code"] for e in antwoord["errors"]] == ["VERSION_CONFLICT"], antwoord
                assert antwoord["errors"][0]["extensions"]["huidigeVersie"] > gelezen, antwoord
                geweigerd[gebruik].append(notities)
            else:
                g = antwoord["data"]["wijzigGebruik"]["gebruik"]
                assert g["identificatie"] == gebruik
                # The answer is the Gebruik read again after the write: a later write may show.
                assert g["versienummer"] >= gelezen + 1, (gelezen, g)
                erkend[gebruik].append((gelezen, notities, g["versienummer"], g["notities"]))
    # They all read versie 1 before any of them wrote: each contested Gebruik had a conflict.
    assert all(geweigerd[gebruik] for gebruik in betwist), geweigerd
    assert all(erkend[gebruik] for gebruik in betwist), erkend

    # The graph, raw: the registered Gebruik, with what was sent.
    rijen = await raw(own_graph, "gebruik", (
        "MATCH (:Organisatie {id: $o})-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a:Applicatie) "
        "RETURN g.id AS id, a.id AS app, g.notities AS notities, g.versie AS versie"), {"o": GEMEENTE})  # fmt: skip
    per_id = {r["id"]: r for r in rijen}
    assert len(rijen) == voor + BETWIST + REGISTRERENDEN
    for gebruik, i in geregistreerd.items():
        assert (per_id[gebruik]["app"], per_id[gebruik]["notities"], per_id[gebruik]["versie"]) == (
            nieuw_apps[i], f"reg-{i}", 1,
        )  # fmt: skip

    # The change record, raw.
    records: dict[str, list[dict]] = defaultdict(list)
    for r in await raw(own_graph, "wijzigingen", (
        "MATCH (w:Wijziging) WHERE w.object IN $ids RETURN w.object AS object, w.operatie AS operatie, "
        "w.voor AS voor, w.na AS na"), {"ids": [*geregistreerd, *betwist]}):  # fmt: skip
        records[r["object"]].append(r)
    for gebruik, i in geregistreerd.items():
        [record] = records[gebruik]
        assert record["operatie"] == "AANGEMAAKT" and json.loads(record["na"])["notities"] == f"reg-{i}"

    for n, gebruik in enumerate(betwist):
        acks = erkend[gebruik]
        # One record per acknowledged write, none for a refused one.
        gewijzigd = [r for r in records[gebruik] if r["operatie"] == "GEWIJZIGD"]
        assert [r["operatie"] for r in records[gebruik]].count("AANGEMAAKT") == 1
        assert len(records[gebruik]) == 1 + len(acks)
        na = sorted(json.loads(r["na"])["notities"] for r in gewijzigd)
        assert na == sorted(notities for _, notities, _, _ in acks)
        assert not set(na) & set(geweigerd[gebruik])
        # No update lost: each change started from what the one before it left, one chain from
        # the registered note to the final one, each write at the versie its writer read.
        stappen = {json.loads(r["voor"])["notities"]: json.loads(r["na"])["notities"] for r in gewijzigd}
        assert len(stappen) == len(gewijzigd), gewijzigd  # two changes of the same state: one lost
        keten, huidig = [f"begin-{n}"], f"begin-{n}"  # keten[v - 1]: the notities at versie v
        while huidig in stappen:
            huidig = stappen[huidig]
            keten.append(huidig)
        assert len(keten) == 1 + len(acks), (keten, acks)
        for gelezen, notities, versie, gezien in acks:
            assert keten[gelezen] == notities, (keten, gelezen, notities)
            # The answer is read after the write, its notities by a statement of their own
            # (gebruik/vertrouwelijk, behind the notes' access rule): a later write may show in
            # them, never an earlier one.
            assert gezien in keten[versie - 1 :], (keten, versie, gezien)
        # The graph: the versie counts every acknowledged write; the note is the last one's.
        assert per_id[gebruik]["versie"] == 1 + len(acks)
        assert per_id[gebruik]["notities"] == keten[-1]
