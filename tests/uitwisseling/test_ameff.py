"""ArchiMate exchange files (AMEFF, issue 20) through HTTP, in a graph of the test's own.

GM0014's landscape is exported as AMEFF and parsed here with xml.etree alone: its applications,
GEMMA elements, Specializations and Flows are compared with raw rows of the graph, and the file
with The Open Group's schemas. It is imported into a gemeente without a landscape (dry run,
apply, the same file again), that gemeente's landscape is compared with the raw rows (as
tests/uitwisseling/test_import.py recomputes it) and exported again: the two files say the same
but for the organisation's identity. A hand-changed file imports as exactly that change; broken
and hostile files are refused, the graph unchanged (tests/graafdump.py). And the largest
landscape of the seeded graph is written valid.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from typing import Any

import pytest

from graph_api.model import keuzes
from graph_api.uitwisseling.ameff import eigenschappen as e
from tests.backends import Backend
from tests.conftest import run_cli
from tests.graafdump import stand, verschil
from tests.graphql.conftest import VNG
from tests.graphql.test_gebruik_mutaties import serve, tokens
from tests.graphql.test_samenvoegen import schrijf
from tests.uitwisseling.ameff_xsd import fouten
from tests.uitwisseling.test_import import (
    BRON,
    DOEL,
    GEBRUIK_RUW,
    KOPPELING_RUW,
    code,
    importeer,
    landschap,
    rapport,
    ruw,
    uitkomsten,
    verwacht,
)

XML = "application/xml"
A = f"{{{e.NS}}}"
XSI_TYPE = f"{{{e.XSI}}}type"
# What another gemeente cannot take over: Gebruik of a retired application or of a concept it
# does not see. The setup removes them from GM0014, so its whole landscape makes the round trip.
NIET_OVERDRAAGBAAR = """
MATCH (o:Organisatie {id: $o})-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a:Applicatie)
WHERE a.status = 'TERUGGETROKKEN' OR a.gemeldDoor IS NOT NULL
MATCH (k:Koppeling)-[]->(g)
DETACH DELETE k
"""
NIET_OVERDRAAGBAAR_GEBRUIK = """
MATCH (o:Organisatie {id: $o})-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a:Applicatie)
WHERE a.status = 'TERUGGETROKKEN' OR a.gemeldDoor IS NOT NULL
DETACH DELETE g
"""


def exporteer(client: Any, token: str | None, organisatie: str) -> Any:
    headers = {} if token is None else {"authorization": f"Bearer {token}"}
    return client.get(f"/export/landschap/{organisatie}", params={"formaat": "ameff"}, headers=headers)


def bestand(client: Any, token: str, organisatie: str) -> bytes:
    response = exporteer(client, token, organisatie)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(XML)
    assert response.headers["content-disposition"].endswith('.xml"')
    assert fouten(response.content) == []
    return response.content


class Model:
    """A file parsed with xml.etree alone: concepts by identifier, properties by their names."""

    def __init__(self, data: bytes):
        self.root = ET.fromstring(data)
        namen = {
            d.get("identifier"): d.findtext(f"{A}name") for d in self.root.iter(f"{A}propertyDefinition")
        }
        self.concepten: dict[str, dict[str, Any]] = {}
        for tag in ("element", "relationship"):
            for x in self.root.iter(f"{A}{tag}"):
                self.concepten[x.get("identifier", "")] = {
                    "tag": tag,
                    "type": x.get(XSI_TYPE),
                    "naam": x.findtext(f"{A}name"),
                    "doc": x.findtext(f"{A}documentation"),
                    "bron": x.get("source"),
                    "doel": x.get("target"),
                    "p": {
                        namen[p.get("propertyDefinitionRef")]: p.findtext(f"{A}value")
                        for p in x.iter(f"{A}property")
                    },
                }

    def soort(self, type_: str, **p: str) -> dict[str, dict[str, Any]]:
        return {
            i: c for i, c in self.concepten.items()
            if c["type"] == type_ and all(c["p"].get(k.replace("_", " ")) == v for k, v in p.items())
        }  # fmt: skip

    def applicaties(self) -> dict[str, dict[str, Any]]:
        return {i: c for i, c in self.soort("ApplicationComponent").items() if e.OBJECT_ID not in c["p"]}

    def knopen(self) -> list[ET.Element]:
        return list(self.root.iter(f"{A}node"))

    def verbindingen(self) -> list[ET.Element]:
        return list(self.root.iter(f"{A}connection"))

    def kanoniek(self) -> tuple[Counter, Counter, list, list]:
        """What the file says with the organisation's own identity left out: a Gebruik is known by
        its application (one Gebruik per application in a landscape), a koppeling by its ends."""
        apps = self.applicaties()
        sleutel = {i: ("app", c["p"][e.PAKKET_ID]) for i, c in apps.items()}
        gebruik_sleutel = {c["p"][e.GEBRUIK_ID]: sleutel[i] for i, c in apps.items()}
        for i, c in self.concepten.items():
            if e.OBJECT_ID in c["p"]:
                sleutel[i] = ("gemma", c["p"][e.OBJECT_ID])
            elif c["type"] == "BusinessActor":
                sleutel[i] = ("actor", c["p"].get(e.LEVERANCIER_ID) or c["p"][e.SWC_TYPE])

        def eigenschappen(c: dict[str, Any]) -> tuple:
            weg = {e.GEBRUIK_ID, e.KOPPELING_ID, e.ORGANISATIE_ID, e.CBS_CODE}
            p = {k: v for k, v in c["p"].items() if k not in weg}
            if e.VIA in p:
                p[e.VIA] = gebruik_sleutel[p[e.VIA]]
            return tuple(sorted(p.items()))

        elementen = Counter(
            (c["type"], c["naam"] if c["p"].get(e.SWC_TYPE) != e.SWC_ORGANISATIE else None, eigenschappen(c))
            for c in self.concepten.values()
            if c["tag"] == "element"
        )
        relaties = Counter(
            (c["type"], sleutel[c["bron"]], sleutel[c["doel"]], c["doc"], eigenschappen(c))
            for c in self.concepten.values()
            if c["tag"] == "relationship"
        )
        # Nodes by what they show, and the layout's rectangles: applications of one name may
        # change places when their ids sort differently.
        knopen = sorted(
            str(sleutel.get(k.get("elementRef", ""), k.findtext(f"{A}label"))) for k in self.knopen()
        )
        plekken = sorted(tuple(int(k.get(a, 0)) for a in "xywh") for k in self.knopen())
        return elementen, relaties, knopen, plekken


def gemma_identifier(node_id: str) -> str:
    # An xs:ID starts with a letter: GEMMA's identifiers that start with a digit get `id-`.
    return node_id if node_id[0].isalpha() else f"id-{node_id}"


async def klopt_met_graaf(store: Any, model: Model, organisatie: str) -> None:
    """The file against raw rows of the landscape: every Gebruik with its application, status,
    version and referentiecomponenten (GEMMA's identifiers), every koppeling with its ends."""
    gebruik = await ruw(store, GEBRUIK_RUW, organisatie)
    koppelingen = await ruw(store, KOPPELING_RUW, organisatie)
    apps = model.applicaties()
    per_gebruik = {c["p"][e.GEBRUIK_ID]: (i, c) for i, c in apps.items()}
    assert set(per_gebruik) == {r["g"]["id"] for r in gebruik}
    specialisaties = {
        (c["bron"], c["doel"]) for c in model.concepten.values() if c["type"] == "Specialization"
    }
    for r in gebruik:
        i, c = per_gebruik[r["g"]["id"]]
        assert c["naam"] == r["naam"] and c["p"][e.PAKKET_ID] == r["app"]
        assert c["p"][e.GEBRUIK_STATUS].lower() == keuzes.GEBRUIK_STATUS[r["g"]["status"]]
        assert c["p"].get(e.VERSIE) == (r["versies"] or [None])[0]
        for gemma_id, node_id in zip(r["comps"], r["compIds"], strict=True):
            element = model.concepten[gemma_identifier(node_id)]
            assert element["type"] == "ApplicationComponent" and element["p"][e.OBJECT_ID] == gemma_id
            assert (i, gemma_identifier(node_id)) in specialisaties
    assert len(specialisaties) == sum(len(r["compIds"]) for r in gebruik)
    flows = {c["p"][e.KOPPELING_ID]: c for c in model.soort("Flow").values()}
    assert set(flows) == {r["k"]["id"] for r in koppelingen}
    for r in koppelingen:
        flow = flows[r["k"]["id"]]
        assert flow["bron"] == per_gebruik[r["van"]][0]
        doel = per_gebruik[r["naar"]][0] if r["naarGebruik"] else gemma_identifier(r["naar"])
        assert flow["doel"] == doel
        assert flow["p"][e.TYPE] == keuzes.KOPPELING_TYPE[r["k"]["type"]]
        assert sorted(filter(None, flow["p"].get(e.STANDAARDEN, "").split(", "))) == sorted(r["std"])
    # The view: every application in it, every koppeling drawn, connections after the nodes.
    getekend = {k.get("elementRef") for k in model.knopen()}
    assert set(apps) <= getekend
    assert len(model.verbindingen()) == len(flows)


async def stroom(backend: Backend, *, alles: bool) -> None:
    store = backend.store
    await schrijf(store, "ameff_koppelingen_weg", NIET_OVERDRAAGBAAR, {"o": BRON})
    await schrijf(store, "ameff_gebruik_weg", NIET_OVERDRAAGBAAR_GEBRUIK, {"o": BRON})
    rollen = [(BRON, "GEBRUIK_BEHEERDER"), (DOEL, "GEBRUIK_BEHEERDER"), (DOEL, "GEBRUIK_RAADPLEGER"),
              (VNG, "VNG_RAADPLEGER")]  # fmt: skip
    minted = await tokens(backend, *rollen)
    bron, beheerder = minted[(BRON, "GEBRUIK_BEHEERDER")], minted[(DOEL, "GEBRUIK_BEHEERDER")]
    bron_gebruik = await ruw(store, GEBRUIK_RUW, BRON)
    bron_koppelingen = await ruw(store, KOPPELING_RUW, BRON)
    with serve(backend) as client:
        data = bestand(client, bron, BRON)
        eerst = Model(data)
        await klopt_met_graaf(store, eerst, BRON)
        assert any(c["type"] == "BusinessActor" for c in eerst.concepten.values())
        assert eerst.soort("ApplicationComponent", GEMMA_type=e.GEMMA_VOORZIENING), "a national facility"
        # The same landscape, the same file: but for the moment of export in the model's documentation.
        moment = re.compile(rb"geexporteerd: [^<\n]*")
        assert moment.sub(b"", exporteer(client, bron, BRON).content) == moment.sub(b"", data)

        # Into a gemeente without a landscape: planned, applied, then nothing more to do.
        voor = await stand(store)
        proef = rapport(importeer(client, beheerder, data, XML, proefrun="true"))
        assert proef["fouten"] == [] and not proef["toegepast"]
        assert proef["aantallen"]["gebruik"]["AANMAKEN"] == len(bron_gebruik)
        assert proef["aantallen"]["koppelingen"]["AANMAKEN"] == len(bron_koppelingen)
        assert {r["plaats"] for r in proef["gebruik"]} == set(eerst.applicaties())
        assert not await verschil(store, voor), "a dry run writes nothing"
        gedaan = rapport(importeer(client, beheerder, data, XML))
        assert gedaan["toegepast"] and set(uitkomsten(gedaan)) == {"AANMAKEN"}
        assert await landschap(store, DOEL) == verwacht(bron_gebruik, bron_koppelingen)
        na = await stand(store)
        opnieuw = rapport(importeer(client, beheerder, data, XML))
        assert set(uitkomsten(opnieuw)) == {"ONGEWIJZIGD"} and opnieuw["wijzigingen"] == 0
        assert not await verschil(store, na), "the same file again changes nothing"

        # The round trip: exported again, the file says what the first said.
        terug = bestand(client, beheerder, DOEL)
        tweede = Model(terug)
        await klopt_met_graaf(store, tweede, DOEL)
        assert tweede.kanoniek() == eerst.kanoniek()
        if not alles:
            return

        # Changed by hand in Archi: one application moves on; the dry run names exactly that.
        statussen = list(keuzes.GEBRUIK_STATUS)
        element_id, app = next(
            (i, c) for i, c in sorted(tweede.applicaties().items())
            if c["p"][e.GEBRUIK_STATUS].lower() in ("verwerving", "gepland", "in productie")
        )  # fmt: skip
        oud = next(k for k, v in keuzes.GEBRUIK_STATUS.items() if v == app["p"][e.GEBRUIK_STATUS].lower())
        nieuw = statussen[statussen.index(oud) + 1]
        gewijzigd = hand(terug, element_id, e.GEBRUIK_STATUS, keuzes.GEBRUIK_STATUS[nieuw])
        plan = rapport(importeer(client, beheerder, gewijzigd, XML, proefrun="true"))
        [regel] = [r for r in plan["gebruik"] if r["uitkomst"] == "WIJZIGEN"]
        assert regel["plaats"] == element_id
        assert {v["veld"]: v["naar"] for v in regel["velden"]} == {"status": nieuw}
        assert set(uitkomsten(plan)) == {"WIJZIGEN", "ONGEWIJZIGD"}
        rapport(importeer(client, beheerder, gewijzigd, XML))
        statussen_nu = {r["g"]["id"]: r["g"]["status"] for r in await ruw(store, GEBRUIK_RUW, DOEL)}
        assert statussen_nu[app["p"][e.GEBRUIK_ID]] == nieuw

        # Who may: export as the other formats (route and reads are the export's own), import
        # only as the landscape's writers; both refused before anything is read or written.
        assert code(exporteer(client, None, BRON), 401) == "UNAUTHENTICATED"
        assert code(exporteer(client, minted[(VNG, "VNG_RAADPLEGER")], BRON), 403) == "FORBIDDEN"
        stil = await stand(store)
        assert code(importeer(client, None, data, XML), 401) == "UNAUTHENTICATED"
        assert code(importeer(client, minted[(DOEL, "GEBRUIK_RAADPLEGER")], data, XML), 403) == "FORBIDDEN"

        # Broken and hostile files: a clear code each, nothing written.
        assert code(importeer(client, beheerder, data[: len(data) // 2], XML), 400) == "UNREADABLE_FILE"
        assert code(importeer(client, beheerder, b"<html><body/></html>", XML), 400) == "UNREADABLE_FILE"
        assert code(importeer(client, beheerder, bom(), XML), 400) == "XML_FORBIDDEN"
        groot = b"<model>" + b" " * (50 * 1024 * 1024) + b"</model>"
        assert code(importeer(client, beheerder, groot, XML), 413) == "IMPORT_TOO_LARGE"
        # A referentiecomponent GEMMA does not know: each application specialising it is named.
        component_id, component = next(
            iter(sorted(eerst.soort("ApplicationComponent", GEMMA_type="Referentiecomponent").items()))
        )
        onbekend = hand(data, component_id, e.OBJECT_ID, "00000000-0000-4000-8000-000000000000")
        response = importeer(client, beheerder, onbekend, XML)
        assert code(response, 422) == "IMPORT_INVALID"
        gemeld = {(f["plaats"], f["kolom"], f["code"]) for f in response.json()["data"]["import"]["fouten"]}
        specialiserend = {
            c["bron"] for c in eerst.concepten.values()
            if c["type"] == "Specialization" and c["doel"] == component_id
        }  # fmt: skip
        # (The file is GM0014's, so the gemeente's hand-changed status is a refused transition too.)
        assert {g for g in gemeld if g[2] == "UNKNOWN_REFERENTIECOMPONENT"} == {
            (i, "Referentiecomponenten", "UNKNOWN_REFERENTIECOMPONENT") for i in specialiserend
        }, component
        assert not await verschil(store, stil), "no refused import writes anything"


def hand(data: bytes, identifier: str, eigenschap: str, waarde: str) -> bytes:
    """The file with one property of one concept changed, as an architect does in Archi."""
    root = ET.fromstring(data)
    [definitie] = [
        d.get("identifier")
        for d in root.iter(f"{A}propertyDefinition")
        if d.findtext(f"{A}name") == eigenschap
    ]
    [concept] = [x for x in root.iter() if x.get("identifier") == identifier]
    [property_] = [p for p in concept.iter(f"{A}property") if p.get("propertyDefinitionRef") == definitie]
    value = property_.find(f"{A}value")
    assert value is not None
    value.text = waarde
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def bom() -> bytes:
    """A billion laughs: ten entities of ten references each, nine deep."""
    entiteiten = "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    return (
        f'<?xml version="1.0"?><!DOCTYPE model [<!ENTITY l0 "ha">{entiteiten}]>'
        f'<model xmlns="{e.NS}"><name>&l9;</name></model>'
    ).encode()


async def test_ameff_export_import_round_trip_and_refusals(own_graph: Backend) -> None:
    await stroom(own_graph, alles=True)


@pytest.mark.parametrize("engine_name", ["neo4j"], indirect=True, scope="session")
async def test_ameff_round_trip_on_neo4j(own_graph: Backend) -> None:
    await stroom(own_graph, alles=False)


async def test_the_largest_landscape_is_a_valid_file(backend: Backend) -> None:
    """The largest landscape of the seeded graph, as functioneel beheer exports it."""
    [grootste] = await backend.store.read_text(
        "test/ameff_grootste",
        "MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik) WITH o, count(g) AS n "
        "RETURN o.id AS o, n ORDER BY n DESC, o LIMIT 1",
    )
    result = run_cli(
        "dev-token", "--organisatie", VNG, "--rol", "FUNCTIONEEL_BEHEERDER", env=backend.cli_env()
    )
    assert result.returncode == 0, result.stderr
    with serve(backend) as client:
        data = bestand(client, result.stdout.strip(), grootste["o"])
    model = Model(data)
    assert len(model.applicaties()) == grootste["n"]
    assert len(model.verbindingen()) == len(model.soort("Flow"))
