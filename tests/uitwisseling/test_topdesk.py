"""A TOPdesk CMDB export imported (issue 20, point 3) through POST /import/topdesk/{gemeente} and
`graph-api cmdb topdesk` as a real process, in a graph of the test's own on FalkorDB.

The workbook is written here with openpyxl: both sheets, every status of the mapping, an
unknown vendor, a row without APPID, a status outside the mapping. The expected per-row report
is worked out from those rows and the catalogue read raw from the graph; importing twice
changes nothing the second time; hostile and refused files leave the graph as it was.
"""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]

from graph_api.auth.dev import dev_subject
from graph_api.uitwisseling.cmdb.topdesk import STATUS
from tests.backends import Backend
from tests.conftest import run_cli
from tests.graafdump import stand, verschil
from tests.graphql.test_concepten import raw
from tests.graphql.test_gebruik_mutaties import serve, tokens

GEMEENTE = "GM0014"
KOLOMMEN = ["APPID", "Applicatie Naam", "Applicatie Code", "Vendor", "Applicatie Status", "Applicatiesoort",
            "Cluster"]  # fmt: skip


def werkboek(bladen: dict[str, list[list[Any]]]) -> bytes:
    boek = Workbook()
    boek.remove(boek.active)
    for naam, rijen in bladen.items():
        blad = boek.create_sheet(naam)
        for rij in rijen:
            blad.append(rij)
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def importeer(
    client: Any, token: str | None, data: bytes, proefrun: bool = False
) -> tuple[int, dict[str, Any]]:
    headers = {} if token is None else {"authorization": f"Bearer {token}"}
    response = client.post(f"/import/topdesk/{GEMEENTE}?proefrun={str(proefrun).lower()}", content=data,
                           headers=headers)  # fmt: skip
    return response.status_code, response.json()


async def test_a_topdesk_export_imports_once(own_graph: Backend) -> None:
    backend = own_graph
    gebruikt = {r["a"] for r in await raw(backend.store, "td_gebruik",
        "MATCH (:Organisatie {id: $o})-[:GEBRUIKT]->(:Gebruik)-[:VAN]->(a) RETURN a.id AS a", {"o": GEMEENTE})}  # fmt: skip
    apps = await raw(backend.store, "td_apps",
        "MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie) WHERE a.gemeldDoor IS NULL "
        "AND coalesce(a.status, 'ACTIEF') <> 'TERUGGETROKKEN' RETURN a.id AS id, a.naam AS naam, "
        "l.naam AS leverancier ORDER BY a.id")  # fmt: skip
    namen = [a["naam"].casefold() for a in apps]
    vrij = [a for a in apps if a["id"] not in gebruikt and namen.count(a["naam"].casefold()) == 1]
    statussen = list(STATUS)
    rijen = [[f"APP-{i}", a["naam"], f"C{i}", a["leverancier"], status.capitalize(), "Webapplicatie SaaS", "X"]
             for i, (a, status) in enumerate(zip(vrij, statussen, strict=False))]  # fmt: skip
    beheerd, onbeheerd = rijen[:6], rijen[6:]
    vreemd = vrij[len(statussen)]
    beheerd.append(["APP-90", vreemd["naam"], "", "Leverancier Die Niet Bestaat", "In productie", "", ""])
    onbeheerd.append(["", vrij[len(statussen) + 1]["naam"], "", "", "In productie", "", ""])
    onbeheerd.append(["APP-91", vrij[len(statussen) + 2]["naam"], "", "", "Gesloopt", "", ""])
    data = werkboek({"Beheerde Applicaties CMDB": [KOLOMMEN, *beheerd],
                     "Onbeh Applicaties CMDB": [KOLOMMEN, *onbeheerd]})  # fmt: skip

    # What each row must come to, from the rows and the catalogue alone.
    verwacht = []
    for blad, lijst in (("Beheerde Applicaties CMDB", beheerd), ("Onbeh Applicaties CMDB", onbeheerd)):
        for regel, (appid, naam, _, vendor, status, _soort, _) in enumerate(lijst, start=2):
            if not appid:
                verwacht.append((blad, regel, "", "skipped", None, "NO_APPID"))
            elif status.casefold() not in STATUS:
                verwacht.append((blad, regel, appid, "failed", None, "UNKNOWN_STATUS"))
            elif vendor == "Leverancier Die Niet Bestaat":
                verwacht.append((blad, regel, appid, "skipped", None, "NOT_IN_CATALOGUE"))
            else:
                app = next(a["id"] for a in apps if a["naam"] == naam)
                verwacht.append((blad, regel, appid, "created", app, None))

    def kort(verslag: dict[str, Any], uitkomst: str | None = None) -> list[tuple[Any, ...]]:
        return [(r["blad"], r["regel"], r["appid"], uitkomst or r["uitkomst"], r["applicatie"], r["code"])
                for r in verslag["regels"]]  # fmt: skip

    with serve(backend) as client:
        minted = await tokens(backend, (GEMEENTE, "GEBRUIK_BEHEERDER"), (GEMEENTE, "GEBRUIK_RAADPLEGER"))
        beheerder, raadpleger = minted.values()
        before = await stand(backend.store)
        # Refused: who may not write the landscape, and hostile or foreign files.
        assert importeer(client, None, data)[0] == 401
        assert importeer(client, raadpleger, data)[0] == 403
        bom = io.BytesIO()
        with zipfile.ZipFile(bom, "w", zipfile.ZIP_DEFLATED) as archief:
            archief.writestr("xl/worksheets/sheet1.xml", b"\0" * (4 * 1024 * 1024))
        status, body = importeer(client, beheerder, bom.getvalue())
        assert (status, body["errors"][0]["extensions"]["code"]) == (413, "WORKBOOK_TOO_LARGE")
        status, body = importeer(client, beheerder, b"APPID;Applicatie Naam\n1;x\n")
        assert (status, body["errors"][0]["extensions"]["code"]) == (400, "NOT_A_WORKBOOK")
        zonder = werkboek({"Onbeh Applicaties CMDB": [["APPID", "Naam"], ["1", "x"]]})
        status, body = importeer(client, beheerder, zonder)
        extensions = body["errors"][0]["extensions"]
        assert (extensions["code"], extensions["argument"]) == (
            "WORKBOOK_MISSING_COLUMNS",
            "Onbeh Applicaties CMDB.Applicatie Naam",
        )
        # A dry run reports what the import will do, and writes nothing.
        status, droog = importeer(client, beheerder, data, proefrun=True)
        assert status == 200 and kort(droog["data"]["topdeskImport"]) == verwacht
        assert not await verschil(backend.store, before)

        status, eerste = importeer(client, beheerder, data)
        assert status == 200 and kort(eerste["data"]["topdeskImport"]) == verwacht
        na = await raw(backend.store, "td_na",
            "MATCH (:Organisatie {id: $o})-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a) WHERE g.bron = 'topdesk' "
            "RETURN g.bronSleutel AS sleutel, a.id AS a, g.status AS status, g.hosting AS hosting", {"o": GEMEENTE})  # fmt: skip
        assert sorted((r["sleutel"], r["a"], r["status"], r["hosting"]) for r in na) == sorted(
            (f"topdesk:{GEMEENTE}:{rij[0]}", next(a["id"] for a in apps if a["naam"] == rij[1]),
             STATUS[rij[4].casefold()], "SAAS") for rij in rijen)  # fmt: skip

        # The same export again: every row that was created is unchanged, nothing written.
        before = await stand(backend.store)
        status, tweede = importeer(client, beheerder, data)
        opnieuw = [(b, r, a, "unchanged" if u == "created" else u, app, c) for b, r, a, u, app, c in verwacht]
        assert kort(tweede["data"]["topdeskImport"]) == opnieuw
        assert not await verschil(backend.store, before)

    # The command, as a real process: a dry run with the gebruik-beheerder's rights.
    result = run_cli("cmdb", "topdesk", GEMEENTE, str(_bestand(backend, data)), "--als",
                     dev_subject(GEMEENTE, "GEBRUIK_BEHEERDER"), "--proefrun", "--json", env=backend.cli_env())  # fmt: skip
    assert result.returncode == 1, result.stderr  # the row with an unknown status failed
    assert kort(json.loads(result.stdout)) == opnieuw
    assert not await verschil(backend.store, before)


def _bestand(backend: Backend, data: bytes) -> Any:
    pad = backend.settings.data_dir / "topdesk-test.xlsx"
    pad.write_bytes(data)
    return pad
