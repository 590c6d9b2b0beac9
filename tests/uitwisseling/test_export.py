"""Exports (issue 20, point 1) through HTTP and the CLI, in a graph of the test's own (GM0014).

The expected files are recomputed here in plain Python from raw rows read from the graph (every
property and relationship of the landscape's Gebruik and koppelingen, the catalogue's
applications and versions), never from the export code; each format's file is parsed back
(csv, openpyxl, xml.etree, json) and compared with them. What each role of the matrix sees is
the GraphQL read of the same person (`gebruik`, `koppelingen` of the organisation).
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from graph_api.model import keuzes
from graph_api.uitwisseling.formaten import csv as csv_formaat
from graph_api.uitwisseling.tabel import Tabel
from tests.backends import Backend
from tests.conftest import run_cli
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_gebruik_mutaties import WIJZIG, data, serve, tokens

GEMEENTE = "GM0014"
ANDERE = "GM0363"
NOTITIE = '=HYPERLINK("https://x") intern'  # a note a spreadsheet would run as a formula
CONTRACT = "2027-12-31"
GML = "{http://graphml.graphdrawing.org/xmlns}"

PAKKETOVERZICHT = (
    "Gebruik ID", "Pakket ID", "Pakket Naam", "Leverancier ID", "Leverancier Naam", "Pakketversie Naam",
    "Gebruik status", "Verwerving datum", "Gepland datum", "Start datum", "Uit te faseren datum",
    "Eind datum", "Hosting", "Contract einde", "Referentiecomponenten", "Referentiecomponent namen", "Notities",
)  # fmt: skip
KOPPELINGEN = (
    "Koppeling ID", "Van Gebruik ID", "Van Pakket Naam", "Naar Gebruik ID", "Naar Pakket Naam",
    "Naar voorziening", "Naar voorziening naam", "Type", "Richting", "Status", "Standaarden",
    "Standaard namen", "Via Gebruik ID", "Beschrijving",
)  # fmt: skip
ALLE_PAKKETTEN = (
    "Leverancier ID", "Leverancier Naam", "Pakket ID", "Pakket Naam", "Pakket Beschrijving",
    "Pakket URL productpagina", "Pakketversie Naam", "Pakketversie Status", "Mutatiedatum pakketversie",
    "Pakketversie Ondersteunde technologieën", "Referentiecomponenten leverancier UUID",
)  # fmt: skip

GEBRUIK_LIJST = """query($o: ID!, $na: String) { gebruik(organisatie: $o, first: 500, after: $na) {
  pageInfo { hasNextPage endCursor } nodes { identificatie notities contractEinde } } }"""
KOPPELING_LIJST = """query($o: ID!, $na: String) { koppelingen(organisatie: $o, first: 500, after: $na) {
  pageInfo { hasNextPage endCursor } nodes { identificatie } } }"""


# --- what the graph holds, read raw, and the files recomputed from it ---


async def _rauw(backend: Backend, naam: str, tekst: str, **params: Any) -> list[dict[str, Any]]:
    return await backend.store.read_text(f"test/export_{naam}", tekst, params)


async def graaf(backend: Backend) -> dict[str, Any]:
    """Every property and relationship the exports read, as raw rows."""
    o = {"o": GEMEENTE}
    gebruik = await _rauw(
        backend,
        "gebruik",
        "MATCH (:Organisatie {id: $o})-[:GEBRUIKT]->(g:Gebruik) RETURN properties(g) AS g",
        **o,
    )
    rond_gebruik = await _rauw(
        backend,
        "rond_gebruik",
        "MATCH (:Organisatie {id: $o})-[:GEBRUIKT]->(g:Gebruik)-[r]->(x) "
        "RETURN g.id AS g, type(r) AS t, properties(x) AS x",
        **o,
    )
    koppelingen = await _rauw(
        backend,
        "koppelingen",
        # Two MATCHes: within one, Neo4j would not match the VAN relationship again as `r`.
        "MATCH (:Organisatie {id: $o})-[:GEBRUIKT]->(:Gebruik)<-[:VAN]-(k:Koppeling) MATCH (k)-[r]->(x) "
        "RETURN properties(k) AS k, type(r) AS t, labels(x) AS l, properties(x) AS x",
        **o,
    )
    aanbod = await _rauw(
        backend,
        "aanbod",
        "MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie) RETURN properties(l) AS l, properties(a) AS a",
    )
    rond_applicatie = await _rauw(
        backend,
        "rond_applicatie",
        "MATCH (:Leverancier)-[:BIEDT_AAN]->(a:Applicatie)-[r]->(x) WHERE type(r) IN ['HEEFT_VERSIE', 'REALISEERT'] "
        "RETURN a.id AS a, type(r) AS t, properties(x) AS x",
    )
    ondersteunt = await _rauw(
        backend,
        "ondersteunt",
        "MATCH (v:Versie)-[:ONDERSTEUNT]->(s:Standaardversie) RETURN v.id AS v, s.naam AS s",
    )
    return {
        "gebruik": [r["g"] for r in gebruik],
        "rond_gebruik": rond_gebruik,
        "koppelingen": koppelingen,
        "aanbod": aanbod,
        "rond_applicatie": rond_applicatie,
        "ondersteunt": ondersteunt,
    }


def _lijst(waarden: list[str]) -> str:
    return ", ".join(waarden)


def _csv_cel(tekst: str) -> str:
    return "'" + tekst if tekst.startswith(("=", "+", "-", "@")) else tekst


def verwacht_landschap(g: dict[str, Any], *, heel: bool, gebruik_ids: set[str]) -> dict[str, Any]:
    """The pakketoverzicht and koppelingen rows (text, before CSV's formula guard), by id, of
    the Gebruik in `gebruik_ids`; contract ends, notes and koppelingen only when `heel`."""
    apps = {r["a"]["id"]: (r["a"], r["l"]) for r in g["aanbod"]}
    rond: dict[str, dict[str, list[dict]]] = {}
    for r in g["rond_gebruik"]:
        rond.setdefault(r["g"], {}).setdefault(r["t"], []).append(r["x"])
    rijen = {}
    for p in g["gebruik"]:
        if p["id"] not in gebruik_ids:
            continue
        bij = rond.get(p["id"], {})
        [app] = bij["VAN"]
        lev = apps[app["id"]][1]
        versies = bij.get("VERSIE", [])
        refs = sorted(bij.get("VOOR", []), key=lambda c: (c["naam"], c["gemmaId"]))
        datum = lambda k, p=p: (p.get(k) or "")[:10]  # noqa: E731
        rijen[p["id"]] = (
            p["id"], app["id"], app["naam"], lev["id"], lev["naam"], versies[0]["versie"] if versies else "",
            keuzes.GEBRUIK_STATUS[p["status"]], datum("verwervingDatum"), datum("geplandDatum"),
            datum("startDatum"), datum("uitTeFaserenDatum"), datum("eindDatum"),
            keuzes.HOSTINGMODEL.get(p.get("hosting") or "", ""), datum("contractEinde") if heel else "",
            _lijst([c["gemmaId"] for c in refs]), _lijst([c["naam"] for c in refs]),
            (p.get("notities") or "") if heel else "",
        )  # fmt: skip
    koppelingen: dict[str, dict[str, Any]] = {}
    for r in g["koppelingen"] if heel else []:
        k = koppelingen.setdefault(r["k"]["id"], {"k": r["k"], "VOLGENS": []})
        if r["t"] == "VOLGENS":
            k["VOLGENS"].append(r["x"])
        else:
            k[r["t"]] = (r["l"], r["x"])
    namen = {i: rij[2] for i, rij in rijen.items()}
    kop = {}
    for i, k in koppelingen.items():
        (_, van), (labels, naar) = k["VAN"], k["NAAR"]
        is_gebruik = "Gebruik" in labels
        standaarden = sorted(k["VOLGENS"], key=lambda s: (s["naam"], s["gemmaId"]))
        kop[i] = (
            i, van["id"], namen[van["id"]], naar["id"] if is_gebruik else "",
            namen[naar["id"]] if is_gebruik else "", "" if is_gebruik else naar["gemmaId"],
            "" if is_gebruik else naar["naam"], keuzes.KOPPELING_TYPE[k["k"]["type"]],
            keuzes.KOPPELING_RICHTING[k["k"]["richting"]], keuzes.KOPPELING_STATUS[k["k"]["status"]],
            _lijst([s["gemmaId"] for s in standaarden]), _lijst([s["naam"] for s in standaarden]),
            k["VIA"][1]["id"] if "VIA" in k else "", k["k"].get("beschrijving") or "",
        )  # fmt: skip
    return {"pakketoverzicht": rijen, "koppelingen": kop}


def verwacht_pakketten(g: dict[str, Any], leverancier: str | None = None) -> list[tuple[str, ...]]:
    """The rows of "Alle pakketten", one per version, as a sorted list."""
    versies: dict[str, list[dict]] = {}
    refs: dict[str, list[str]] = {}
    for r in g["rond_applicatie"]:
        if r["t"] == "HEEFT_VERSIE":
            versies.setdefault(r["a"], []).append(r["x"])
        else:
            refs.setdefault(r["a"], []).append(r["x"]["gemmaId"])
    standaarden: dict[str, list[str]] = {}
    for r in g["ondersteunt"]:
        standaarden.setdefault(r["v"], []).append(r["s"])
    rijen = []
    for r in g["aanbod"]:
        lev, app = r["l"], r["a"]
        if (leverancier is not None and lev["id"] != leverancier) or app.get("gemeldDoor"):
            continue
        for v in versies.get(app["id"]) or [{}]:
            rijen.append((
                lev["id"], lev["naam"], app["id"], app["naam"], app.get("beschrijving") or "",
                app.get("website") or "", v.get("versie") or "", keuzes.VERSIE_STATUS.get(v.get("status") or "", ""),
                (v.get("gewijzigdOp") or v.get("releaseDatum") or "")[:10],
                _lijst(sorted(standaarden.get(v.get("id", ""), []))), _lijst(sorted(refs.get(app["id"], []))),
            ))  # fmt: skip
    return sorted(rijen)


# --- the files, parsed back ---


def csv_tabel(inhoud: bytes) -> list[tuple[str, ...]]:
    assert inhoud.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte order mark"
    return [
        tuple(rij)
        for rij in csv.reader(io.StringIO(inhoud.decode("utf-8-sig")), delimiter=";", quotechar='"')
    ]


def csv_landschap(inhoud: bytes) -> dict[str, list[tuple[str, ...]]]:
    with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
        assert sorted(archief.namelist()) == ["koppelingen.csv", "pakketoverzicht.csv"]
        return {naam[:-4]: csv_tabel(archief.read(naam)) for naam in archief.namelist()}


def _excel_cel(waarde: Any) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, datetime):
        assert waarde.time() == datetime.min.time()
        return waarde.date().isoformat()
    return str(waarde)


def excel_bladen(inhoud: bytes) -> dict[str, list[tuple[str, ...]]]:
    werkmap = openpyxl.load_workbook(io.BytesIO(inhoud))
    bladen = {}
    for blad in werkmap.worksheets:
        assert blad.freeze_panes == "A2", "the header row is frozen"
        assert blad.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(blad.max_column)}{blad.max_row}"
        for rij in blad.iter_rows(min_row=2):
            for cel in rij:
                assert cel.data_type != "f", f"{cel.coordinate} is a formula"
                if isinstance(cel.value, datetime):
                    assert cel.number_format == "yyyy-mm-dd"
        bladen[blad.title] = [tuple(_excel_cel(w) for w in rij) for rij in blad.iter_rows(values_only=True)]
    return bladen


def per_id(rijen: list[tuple[str, ...]], kolommen: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    assert rijen[0] == kolommen
    gevonden = {rij[0]: rij for rij in rijen[1:]}
    assert len(gevonden) == len(rijen) - 1, "one row per id"
    return gevonden


def als_csv(rijen: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    return {i: tuple(_csv_cel(c) for c in rij) for i, rij in rijen.items()}


def graphml_graaf(inhoud: bytes) -> tuple[dict[str, dict], dict[str, dict]]:
    root = ET.fromstring(inhoud)
    keys = {k.get("id"): (k.get("for"), k.get("attr.name")) for k in root.iter(f"{GML}key")}

    def velden(element: ET.Element, soort: str) -> dict[str, str]:
        uit = {}
        for d in element.findall(f"{GML}data"):
            voor, naam = keys[d.get("key")]  # every key used is declared, for this kind
            assert voor == soort
            uit[naam] = d.text or ""
        return uit

    [g] = root.findall(f"{GML}graph")
    knopen = {n.get("id"): velden(n, "node") for n in g.findall(f"{GML}node")}
    kanten = {
        e.get("id"): {"source": e.get("source"), "target": e.get("target"), **velden(e, "edge")}
        for e in g.findall(f"{GML}edge")
    }
    assert all(k["source"] in knopen and k["target"] in knopen for k in kanten.values())
    return knopen, kanten


def cytoscape_graaf(inhoud: bytes) -> tuple[dict[str, dict], dict[str, dict]]:
    document = json.loads(inhoud)
    knopen = {n["data"]["id"]: n["data"] for n in document["elements"]["nodes"]}
    kanten = {e["data"]["id"]: e["data"] for e in document["elements"]["edges"]}
    assert all(k["source"] in knopen and k["target"] in knopen for k in kanten.values())
    return knopen, kanten


def graaf_klopt(knopen: dict[str, dict], kanten: dict[str, dict], verwacht: dict[str, Any]) -> None:
    """Nodes and edges hold what the rows of the landscape hold."""
    for i, rij in verwacht["pakketoverzicht"].items():
        knoop = knopen[i]
        assert (knoop["soort"], knoop["naam"], knoop["applicatieId"], knoop.get("leverancier", "")) == (
            "gebruik",
            rij[2],
            rij[1],
            rij[4],
        )
        assert (knoop["status"], knoop.get("referentiecomponenten", "")) == (rij[6], rij[14])
    assert {i for i, k in knopen.items() if k["soort"] == "gebruik"} == set(verwacht["pakketoverzicht"])
    assert set(kanten) == set(verwacht["koppelingen"])
    for i, rij in verwacht["koppelingen"].items():
        kant = kanten[i]
        doel = rij[3] or f"voorziening-{rij[5]}"
        assert (kant["source"], kant["target"], kant["type"], kant["richting"], kant["status"]) == (
            rij[1],
            doel,
            rij[7],
            rij[8],
            rij[9],
        )
        assert kant.get("standaarden", "") == rij[10]
        if not rij[3]:
            assert (knopen[doel]["soort"], knopen[doel]["objectId"], knopen[doel]["naam"]) == (
                "voorziening",
                rij[5],
                rij[6],
            )


# --- HTTP ---


def download(api: Api, pad: str, formaat: str) -> Any:
    headers = {} if api.token is None else {"authorization": f"Bearer {api.token}"}
    return api.client.get(pad, params={"formaat": formaat}, headers=headers)


def fout(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    [error] = response.json()["errors"]
    return error["extensions"]


def pagina_voor_pagina(api: Api, query: str, veld: str) -> list[dict]:
    nodes, na = [], None
    while True:
        pagina = data(api.post(query, {"o": GEMEENTE, "na": na}))[veld]
        nodes += pagina["nodes"]
        if not pagina["pageInfo"]["hasNextPage"]:
            return nodes
        na = pagina["pageInfo"]["endCursor"]


async def schrijf_notitie(api: Api, backend: Backend, gebruik: dict[str, Any]) -> None:
    """A note and a contract end on one Gebruik, through the mutation."""
    rows = await _rauw(
        backend, "versie", "MATCH (g:Gebruik {id: $g}) RETURN coalesce(g.versie, 1) AS v", g=gebruik["id"]
    )
    invoer = {
        "gebruik": gebruik["id"],
        "verwachteVersie": rows[0]["v"],
        "notities": NOTITIE,
        "contractEinde": CONTRACT,
    }
    data(api.post(WIJZIG, {"input": invoer}))
    gebruik.update(notities=NOTITIE, contractEinde=CONTRACT)


async def test_exports_read_what_the_graph_holds_for_each_role(own_graph: Backend, tmp_path: Path) -> None:
    g = await graaf(own_graph)
    apps = {r["a"]["id"]: r["l"]["id"] for r in g["aanbod"]}
    eerste = min(g["gebruik"], key=lambda p: p["id"])
    leverancier = apps[
        next(r["x"]["id"] for r in g["rond_gebruik"] if r["g"] == eerste["id"] and r["t"] == "VAN")
    ]
    rollen = [
        (GEMEENTE, "GEBRUIK_BEHEERDER"),
        (GEMEENTE, "GEBRUIK_RAADPLEGER"),
        (ANDERE, "GEBRUIK_RAADPLEGER"),
        (leverancier, "AANBOD_BEHEERDER"),
        (VNG, "VNG_RAADPLEGER"),
        (VNG, "FUNCTIONEEL_BEHEERDER"),
    ]
    minted = await tokens(own_graph, *rollen)
    with serve(own_graph) as client:
        als = {rol: Api(client, minted[rol]) for rol in rollen}
        beheer = als[(VNG, "FUNCTIONEEL_BEHEERDER")]
        await schrijf_notitie(als[(GEMEENTE, "GEBRUIK_BEHEERDER")], own_graph, eerste)
        g = await graaf(own_graph)
        alle = {p["id"] for p in g["gebruik"]}
        verwacht = verwacht_landschap(g, heel=True, gebruik_ids=alle)
        assert verwacht["koppelingen"], "the landscape has koppelingen to compare"
        assert any(r[5] for r in verwacht["koppelingen"].values()), "and one to a national facility"

        # Every format, as functioneel beheer: the file parsed back is the recomputed landscape.
        response = download(beheer, f"/export/landschap/{GEMEENTE}", "csv")
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "application/zip"
        assert response.headers["content-disposition"].startswith(
            f'attachment; filename="landschap-{GEMEENTE}-'
        )
        assert response.headers["content-disposition"].endswith('.zip"')
        tabellen = csv_landschap(response.content)
        gebruik = per_id(tabellen["pakketoverzicht"], PAKKETOVERZICHT)
        assert gebruik == als_csv(verwacht["pakketoverzicht"])
        assert gebruik[eerste["id"]][-1] == "'" + NOTITIE, "a formula is quoted against injection"
        assert gebruik[eerste["id"]][13] == CONTRACT
        assert per_id(tabellen["koppelingen"], KOPPELINGEN) == als_csv(verwacht["koppelingen"])

        response = download(beheer, f"/export/landschap/{GEMEENTE.lower()}", "xlsx")  # a CBS code, any case
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
        bladen = excel_bladen(response.content)
        assert list(bladen) == ["pakketoverzicht", "koppelingen"]
        assert per_id(bladen["pakketoverzicht"], PAKKETOVERZICHT) == verwacht["pakketoverzicht"]
        assert per_id(bladen["koppelingen"], KOPPELINGEN) == verwacht["koppelingen"]

        response = download(beheer, f"/export/landschap/{GEMEENTE}", "graphml")
        assert response.status_code == 200 and response.headers["content-type"] == "application/graphml+xml"
        graaf_klopt(*graphml_graaf(response.content), verwacht)
        response = download(beheer, f"/export/landschap/{GEMEENTE}", "cytoscape")
        assert response.status_code == 200 and response.headers["content-type"] == "application/json"
        graaf_klopt(*cytoscape_graaf(response.content), verwacht)
        cytoscape = response.content

        # The role matrix: each sees in the file what the GraphQL reads show the same person.
        for rol in rollen:
            api = als[rol]
            response = download(api, f"/export/landschap/{GEMEENTE}", "csv")
            if rol == (VNG, "VNG_RAADPLEGER"):  # aggregates only: no landscape
                assert fout(response, 403)["code"] == "FORBIDDEN"
                continue
            assert response.status_code == 200, (rol, response.text)
            tabellen = csv_landschap(response.content)
            gezien = {n["identificatie"]: n for n in pagina_voor_pagina(api, GEBRUIK_LIJST, "gebruik")}
            koppelingen = {
                n["identificatie"] for n in pagina_voor_pagina(api, KOPPELING_LIJST, "koppelingen")
            }
            heel = rol[0] in (GEMEENTE, VNG)
            # The first Gebruik is of the leverancier's product: every role here sees it.
            assert gezien[eerste["id"]]["notities"] == (NOTITIE if heel else None)
            assert bool(koppelingen) is heel
            verwacht_rol = verwacht_landschap(g, heel=heel, gebruik_ids=set(gezien))
            assert per_id(tabellen["pakketoverzicht"], PAKKETOVERZICHT) == als_csv(
                verwacht_rol["pakketoverzicht"]
            )
            assert set(per_id(tabellen["koppelingen"], KOPPELINGEN)) == koppelingen
            if rol[1] == "AANBOD_BEHEERDER":  # the Gebruik of its own products only
                assert set(gezien) == {p for p in alle if apps[gebruik[p][1]] == leverancier} != alle
            else:
                assert set(gezien) == alle

        # Refused and bad input: as JSON errors naming the argument.
        anoniem = download(Api(client), f"/export/landschap/{GEMEENTE}", "csv")
        assert fout(anoniem, 401)["code"] == "UNAUTHENTICATED"
        assert anoniem.headers["www-authenticate"] == 'Bearer realm="graph_api"'  # RFC 6750, 3.1
        assert fout(download(beheer, "/export/landschap/GM9999", "csv"), 404) == {
            "code": "NOT_FOUND",
            "argument": "organisatie",
        }
        assert fout(download(beheer, f"/export/landschap/{GEMEENTE}", "pdf"), 400) == {
            "code": "BAD_REQUEST",
            "argument": "formaat",
        }
        assert (
            fout(download(beheer, f"/export/aanbod/{leverancier}", "graphml"), 400)["argument"] == "formaat"
        )
        assert fout(download(beheer, f"/export/aanbod/{GEMEENTE}", "csv"), 404)["argument"] == "leverancier"

        # A leverancier's aanbod and the whole catalogue, as anyone reads the catalogue.
        response = download(Api(client), f"/export/aanbod/{leverancier}", "csv")
        assert response.status_code == 200 and response.headers["content-type"] == "text/csv; charset=utf-8"
        rijen = csv_tabel(response.content)
        assert rijen[0] == ALLE_PAKKETTEN
        assert sorted(rijen[1:]) == [tuple(map(_csv_cel, r)) for r in verwacht_pakketten(g, leverancier)]
        response = download(Api(client), "/export/catalogus", "xlsx")
        assert response.status_code == 200, response.text
        [(naam, rijen)] = excel_bladen(response.content).items()
        assert naam == "alle_pakketten" and rijen[0] == ALLE_PAKKETTEN
        assert sorted(rijen[1:]) == verwacht_pakketten(g)

    # The CLI, as an operator on the engine: functioneel beheer's view, the same file.
    uit = tmp_path / "landschap.json"
    result = run_cli(
        "export", "landschap", GEMEENTE, "--formaat", "cytoscape", "--uit", str(uit), env=own_graph.cli_env()
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(uit.read_bytes()) == json.loads(cytoscape)
    result = run_cli("export", "catalogus", "--formaat", "graphml", env=own_graph.cli_env())
    assert result.returncode == 2 and "BAD_REQUEST" in result.stderr and "--formaat" in result.stderr


@pytest.mark.parametrize("engine_name", ["neo4j"], indirect=True)
async def test_the_export_statements_answer_the_same_on_neo4j(own_graph: Backend) -> None:
    """The landscape and the catalogue on Neo4j: the same recomputation, CSV only."""
    g = await graaf(own_graph)
    verwacht = verwacht_landschap(g, heel=True, gebruik_ids={p["id"] for p in g["gebruik"]})
    [beheer] = (await tokens(own_graph, (VNG, "FUNCTIONEEL_BEHEERDER"))).values()
    with serve(own_graph) as client:
        api = Api(client, beheer)
        tabellen = csv_landschap(download(api, f"/export/landschap/{GEMEENTE}", "csv").content)
        assert per_id(tabellen["pakketoverzicht"], PAKKETOVERZICHT) == als_csv(verwacht["pakketoverzicht"])
        assert per_id(tabellen["koppelingen"], KOPPELINGEN) == als_csv(verwacht["koppelingen"])
        rijen = csv_tabel(download(api, "/export/catalogus", "csv").content)
        assert sorted(rijen[1:]) == [tuple(map(_csv_cel, r)) for r in verwacht_pakketten(g)]


def test_dates_are_iso_in_csv() -> None:
    """A date cell is ISO in CSV whatever the locale (no engine)."""
    bestand = csv_formaat.tabellen([Tabel("t", ("a", "b"), ((date(2026, 6, 30), "+31 20"),))])
    assert csv_tabel(bestand.inhoud) == [("a", "b"), ("2026-06-30", "'+31 20")]
