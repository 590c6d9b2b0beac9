"""The AMEFF writer and reader as functions over a Landschap, without an engine: the file is
valid against The Open Group's schemas, reads back as the landscape written, lays its view out
without overlaps, and refuses hostile or broken files clearly and quickly."""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from graph_api.errors import InvoerGeweigerd
from graph_api.uitwisseling.ameff import eigenschappen as e
from graph_api.uitwisseling.ameff.lezen import lees
from graph_api.uitwisseling.ameff.schrijven import schrijf
from graph_api.uitwisseling.invoer.grenzen import GRENZEN
from graph_api.uitwisseling.landschap import GebruikRegel, Gemma, KoppelingRegel, Landschap
from tests.uitwisseling.ameff_xsd import fouten

NS = {"a": e.NS}
XSI_TYPE = f"{{{e.XSI}}}type"

ZAAK = Gemma("3a6ad0b4-0000-4000-8000-000000000001", "Zaakregistratiecomponent", "id-3a6ad0b4-zaak")
DMS = Gemma("3a6ad0b4-0000-4000-8000-000000000002", "Documentregistratiecomponent")
BRP = Gemma("3a6ad0b4-0000-4000-8000-000000000003", "BRP & <GBA-V>", "0bd7f0de-brp")  # no xs:ID
STUF = Gemma("3a6ad0b4-0000-4000-8000-000000000004", "StUF-ZKN 3.10")
ZGW = Gemma("3a6ad0b4-0000-4000-8000-000000000005", "ZGW API's 1.0")


def landschap() -> Landschap:
    """Every field in use, names with XML's special characters, a facility and standards."""
    gebruik = (
        GebruikRegel(
            gebruik_id="geb-1", applicatie_naam='Zaken & "Documenten" <Suite>', status="IN_PRODUCTIE",
            applicatie_id="app-1", leverancier_id="lev-1", leverancier_naam="O'Brien & Zn.",
            versie="4.2", verwerving_datum=date(2019, 1, 2), gepland_datum=date(2019, 3, 1),
            start_datum=date(2019, 6, 1), uit_te_faseren_datum=date(2027, 1, 1),
            eind_datum=date(2028, 1, 1), hosting="SAAS", contract_einde=date(2027, 12, 31),
            referentiecomponenten=(DMS, ZAAK), notities="let op: <contract> loopt af",
        ),
        GebruikRegel(
            gebruik_id="geb-2", applicatie_naam="Burgerzaken", status="UIT_TE_FASEREN",
            applicatie_id="app-2", leverancier_id="lev-2", leverancier_naam="Centric",
            referentiecomponenten=(ZAAK,),
        ),
        GebruikRegel(gebruik_id="geb-3", applicatie_naam="Eigen Excel", status="GEPLAND"),
    )  # fmt: skip
    koppelingen = (
        KoppelingRegel(
            van="geb-1", naar="geb-2", type="API", richting="BEIDE", status="IN_GEBRUIK",
            koppeling_id="k-1", standaarden=(STUF, ZGW), via="geb-3", beschrijving="zaken & status",
        ),
        KoppelingRegel(
            van="geb-2", naar_voorziening=BRP, type="DIGIKOPPELING", richting="HEEN",
            status="IN_ONTWIKKELING", koppeling_id="k-2",
        ),
    )  # fmt: skip
    return Landschap(
        organisatie_id="gm-0363", organisatie_naam="Gemeente Amsterdam", cbs_code="0363",
        gebruik=gebruik, koppelingen=koppelingen,
    )  # fmt: skip


def genormaliseerd(lb: Landschap) -> tuple[list[GebruikRegel], list[KoppelingRegel]]:
    """A landscape's content in a fixed order, GEMMA names aside (a file read back names
    a standard by its element, the graph by its version)."""
    gebruik = sorted(
        (
            GebruikRegel(
                **{
                    **g.__dict__,
                    "referentiecomponenten": tuple(sorted(c.object_id for c in g.referentiecomponenten)),
                }
            )
            for g in lb.gebruik
        ),
        key=lambda g: g.gebruik_id,
    )
    koppelingen = sorted(
        (
            KoppelingRegel(
                **{
                    **k.__dict__,
                    "standaarden": tuple(sorted(s.object_id for s in k.standaarden)),
                    "naar_voorziening": k.naar_voorziening.object_id if k.naar_voorziening else None,
                }
            )
            for k in lb.koppelingen
        ),
        key=lambda k: (k.van, k.koppeling_id or ""),
    )
    return gebruik, koppelingen


def test_a_landscape_written_is_valid_reads_back_and_lines_up_with_gemma():
    lb = landschap()
    data = schrijf(lb)
    assert fouten(data) == []
    assert schrijf(lb) == data
    # The schemas catch what Archi would refuse (exchange.md's traps): the validation can fail.
    assert fouten(data.replace(b'"Specialization"', b'"SpecializationRelationship"', 1))
    assert fouten(data.replace(b'elementRef="', b'elementRef="id-nergens', 1))

    gelezen = lees(data)
    assert gelezen.fouten == []
    assert genormaliseerd(gelezen.landschap) == genormaliseerd(lb)
    assert (gelezen.landschap.organisatie_id, gelezen.landschap.organisatie_naam) == (
        "gm-0363",
        "Gemeente Amsterdam",
    )

    model = ET.fromstring(data)
    # The model's children in the schema's order, GEMMA's identifiers kept (made xs:IDs).
    kinderen = [x.tag.split("}")[1] for x in model]
    assert kinderen == ["name", "elements", "relationships", "organizations", "propertyDefinitions", "views"]
    soorten = {x.get("identifier"): x.get(XSI_TYPE) for x in model.iterfind("a:elements/a:element", NS)}
    assert soorten["id-3a6ad0b4-zaak"] == soorten["id-" + DMS.object_id] == "ApplicationComponent"
    assert soorten["id-0bd7f0de-brp"] == "ApplicationComponent"
    assert sorted(soorten.values()).count("BusinessActor") == 3  # the organisation, two leveranciers
    assert sorted(soorten.values()).count("Constraint") == 2
    relaties = [x.get(XSI_TYPE) for x in model.iterfind("a:relationships/a:relationship", NS)]
    assert sorted(relaties) == ["Association"] * 2 + ["Flow"] * 2 + ["Specialization"] * 3
    mappen = [x.findtext("a:label", namespaces=NS) for x in model.iterfind("a:organizations/a:item", NS)]
    assert mappen == ["Business", "Application", "Motivation", "Relations", "Views"]
    namen = [
        x.findtext("a:name", namespaces=NS)
        for x in model.iterfind("a:propertyDefinitions/a:propertyDefinition", NS)
    ]
    for naam in (e.OBJECT_ID, e.SWC_TYPE, e.BRON, e.GEBRUIK_STATUS, e.VERSIE, e.TYPE, e.STANDAARDEN):
        assert naam in namen

    # Properties resolve by their definitions' names: renumbering the definitions changes nothing.
    nummers = sorted(set(re.findall(rb"propid-(\d+)", data)), key=int)
    omgenummerd = re.sub(rb"propid-(\d+)", lambda m: b"propid-" + str(1000 - int(m.group(1))).encode(), data)
    assert nummers and omgenummerd != data
    assert genormaliseerd(lees(omgenummerd).landschap) == genormaliseerd(lb)


def test_the_view_groups_by_referentiecomponent_without_overlaps():
    lb = landschap()
    model = ET.fromstring(schrijf(lb))
    view = model.find("a:views/a:diagrams/a:view", NS)
    assert view is not None
    kinderen = [x.tag.split("}")[1] for x in view]
    assert kinderen.index("connection") > max(i for i, t in enumerate(kinderen) if t == "node")

    def rechthoek(x: ET.Element) -> tuple[int, int, int, int]:
        return int(x.get("x", -1)), int(x.get("y", -1)), int(x.get("w", 0)), int(x.get("h", 0))

    def overlappen(a, b) -> bool:
        return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]

    groepen = view.findall("a:node", NS)
    for i, a in enumerate(groepen):
        for b in groepen[i + 1 :]:
            assert not overlappen(rechthoek(a), rechthoek(b))
        buiten = rechthoek(a)
        assert min(buiten) >= 0
        leden = a.findall("a:node", NS)
        for j, kind in enumerate(leden):
            k = rechthoek(kind)  # absolute: inside the group's own rectangle
            assert buiten[0] <= k[0] and k[0] + k[2] <= buiten[0] + buiten[2]
            assert buiten[1] <= k[1] and k[1] + k[3] <= buiten[1] + buiten[3]
            for ander in leden[j + 1 :]:
                assert not overlappen(k, rechthoek(ander))

    # A group per referentiecomponent holding its applications, a labelled group for the rest,
    # the facility at the right edge.
    elementen = {
        x.get("identifier"): x.findtext("a:name", namespaces=NS)
        for x in model.iterfind("a:elements/a:element", NS)
    }
    inhoud = {
        elementen.get(g.get("elementRef", "")) or g.findtext("a:label", namespaces=NS): sorted(
            elementen[k.get("elementRef", "")] for k in g.findall("a:node", NS)
        )
        for g in groepen
        if g.findall("a:node", NS)
    }
    assert inhoud == {
        ZAAK.naam: sorted(["Burgerzaken", lb.gebruik[0].applicatie_naam]),
        DMS.naam: [lb.gebruik[0].applicatie_naam],
        "Zonder referentiecomponent": ["Eigen Excel"],
    }
    rand = [g for g in groepen if elementen.get(g.get("elementRef", "")) == BRP.naam]
    assert len(rand) == 1 and int(rand[0].get("x", 0)) > max(
        int(g.get("x", 0)) + int(g.get("w", 0)) for g in groepen if g is not rand[0]
    )
    assert len(view.findall("a:connection", NS)) == 2


def test_an_empty_landscape_is_a_valid_file():
    data = schrijf(Landschap(organisatie_id="gm-0001", organisatie_naam="Leeg"))
    assert fouten(data) == []
    gelezen = lees(data)
    assert gelezen.fouten == [] and gelezen.landschap.gebruik == ()


def test_hostile_and_broken_files_are_refused_clearly_and_quickly():
    bom = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
            for i in range(1, 10)
        )
        + b']><model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"><name>&lol9;</name></model>'
    )
    extern = (
        b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"><name>&x;</name></model>'
    )
    begin = time.monotonic()
    for data, code in (
        (bom, "XML_FORBIDDEN"),
        (extern, "XML_FORBIDDEN"),
        (b" " * (GRENZEN.max_bytes + 1), "IMPORT_TOO_LARGE"),
        (b"<model>\n<name>open", "UNREADABLE_FILE"),
        (b"<html><body/></html>", "UNREADABLE_FILE"),
    ):
        with pytest.raises(InvoerGeweigerd) as geweigerd:
            lees(data)
        assert (geweigerd.value.code, geweigerd.value.argument) == (code, "bestand")
    assert time.monotonic() - begin < 2

    # A hand-changed file: an unknown status and a date that is not one, each named.
    data = schrijf(landschap())
    kapot = data.replace(b">Uit te faseren<", b">Misschien<").replace(b">2019-01-02<", b">2 januari<")
    gelezen = lees(kapot)
    burgerzaken = next(g for g in landschap().gebruik if g.gebruik_id == "geb-2")
    assert sorted((f.tabel, f.kolom, f.code) for f in gelezen.fouten) == [
        ("Pakketoverzicht", e.GEBRUIK_STATUS, "UNKNOWN_VALUE"),
        ("Pakketoverzicht", "Verwerving datum", "INVALID_DATE"),
    ]
    assert all(isinstance(f.plaats, str) and f.plaats.startswith("id-") for f in gelezen.fouten)
    # The rows in error are left out of the landscape, and named so their koppelingen are not
    # reported again.
    assert gelezen.onleesbaar == {"geb-1", burgerzaken.gebruik_id}
    assert [g.gebruik_id for g in gelezen.landschap.gebruik] == ["geb-3"]
