"""A landscape as an ArchiMate Model Exchange File (AMEFF 3.1) that lines up with GEMMA's own
model in Archi (docs/exchange.md, "ArchiMate (AMEFF)").

- The organisation and each leverancier are a BusinessActor; a leverancier is associated with
  the applications of its that the organisation uses.
- Each Gebruik is one ApplicationComponent (so two versions of one application in use are two
  elements), named after the application and carrying the Gebruik's fields as properties.
- GEMMA referentiecomponenten and national facilities are ApplicationComponent with GEMMA's
  identifier and `Object ID`; standard versions are Constraint. An application specialises
  its referentiecomponenten (Specialization, as the new catalogue draws them).
- A koppeling is a Flow from one application to another or to a facility, with its type,
  direction, status and standards as properties.
- One view: the referentiecomponenten as groups with their applications nested inside,
  national facilities at the right edge, the koppelingen drawn between them.

Everything is sorted, and identifiers are derived from keys, so one landscape gives one file.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from graph_api.uitwisseling import landschap as ls
from graph_api.uitwisseling.ameff import eigenschappen as e
from graph_api.uitwisseling.ameff.plaatsing import Groep, Knoop, plaats
from graph_api.uitwisseling.landschap import GebruikRegel, Gemma, KoppelingRegel, Landschap

ZONDER_REFERENTIECOMPONENT = "Zonder referentiecomponent"

# The file's default namespace is ArchiMate's, as Archi writes it.
ET.register_namespace("", e.NS)
ET.register_namespace("xsi", e.XSI)

Waarde = str | date | None


@dataclass
class _Concept:
    """An element or relationship before it is written: what it is and its properties."""

    identifier: str
    type: str
    naam: str | None = None
    documentatie: str | None = None
    eigenschappen: list[tuple[str, str]] = field(default_factory=list)
    bron: str | None = None  # a relationship's ends
    doel: str | None = None

    def met(self, *paren: tuple[str, Waarde]) -> _Concept:
        for naam, waarde in paren:
            if waarde is not None and waarde != "":
                tekst = waarde.isoformat() if isinstance(waarde, date) else waarde
                self.eigenschappen.append((naam, tekst))
        return self


def schrijf(landschap: Landschap) -> bytes:
    """The AMEFF file of `landschap`; its GEMMA elements keep GEMMA's identifiers where the
    landscape has them (`Gemma.identifier`), so they line up with GEMMA's model."""
    return _Model(landschap).xml()


class _Model:
    def __init__(self, landschap: Landschap) -> None:
        self.landschap = landschap
        self.gebruik = sorted(
            landschap.gebruik, key=lambda g: (g.applicatie_naam, g.versie or "", g.gebruik_id)
        )
        self.gebruik_ids = {g.gebruik_id: e.identifier("gebruik", g.gebruik_id) for g in self.gebruik}
        self.referentiecomponenten = _gemma(c for g in self.gebruik for c in g.referentiecomponenten)
        self.voorzieningen = _gemma(
            k.naar_voorziening for k in landschap.koppelingen if k.naar_voorziening is not None
        )
        self.standaarden = _gemma(s for k in landschap.koppelingen for s in k.standaarden)

    # -- the concepts --------------------------------------------------------------------------

    def organisatie(self) -> _Concept:
        lb = self.landschap
        return _Concept(
            e.identifier("organisatie", lb.organisatie_id), "BusinessActor", lb.organisatie_naam
        ).met(
            (e.SWC_TYPE, e.SWC_ORGANISATIE),
            (e.ORGANISATIE_ID, lb.organisatie_id),
            (e.CBS_CODE, lb.cbs_code),
        )

    def leveranciers(self) -> dict[str, _Concept]:
        """The leveranciers by the key of `_leverancier`."""
        gevonden: dict[str, _Concept] = {}
        for g in self.gebruik:
            sleutel = _leverancier(g)
            if sleutel is None or sleutel in gevonden:
                continue
            gevonden[sleutel] = _Concept(
                e.identifier("leverancier", sleutel),
                "BusinessActor",
                g.leverancier_naam or g.leverancier_id,
            ).met(
                (e.SWC_TYPE, e.SWC_LEVERANCIER),
                (e.BRON, e.SOFTWARECATALOGUS),
                (e.LEVERANCIER_ID, g.leverancier_id),
            )
        return dict(sorted(gevonden.items(), key=lambda kv: (kv[1].naam or "", kv[0])))

    def applicatie(self, g: GebruikRegel) -> _Concept:
        return _Concept(self.gebruik_ids[g.gebruik_id], "ApplicationComponent", g.applicatie_naam).met(
            (e.SWC_TYPE, e.SWC_PAKKETVERSIE if g.versie else e.SWC_PAKKET),
            (e.BRON, e.SOFTWARECATALOGUS),
            (e.GEBRUIK_ID, g.gebruik_id),
            (e.PAKKET_ID, g.applicatie_id),
            (e.VERSIE, g.versie),
            (e.GEBRUIK_STATUS, _hoofdletter(ls.label(ls.GEBRUIK_STATUS, g.status))),
            (e.VERWERVING_DATUM, g.verwerving_datum),
            (e.GEPLAND_DATUM, g.gepland_datum),
            (e.START_DATUM, g.start_datum),
            (e.UIT_TE_FASEREN_DATUM, g.uit_te_faseren_datum),
            (e.EIND_DATUM, g.eind_datum),
            (e.HOSTING, ls.label(ls.HOSTING, g.hosting)),
            (e.CONTRACT_EINDE, g.contract_einde),
            (e.NOTITIES, g.notities),
        )

    def gemma_element(self, gemma: Gemma, type_: str, gemma_type: str) -> _Concept:
        return _Concept(self.gemma_identifier(gemma), type_, gemma.naam or gemma.object_id).met(
            (e.OBJECT_ID, gemma.object_id),
            (e.GEMMA_TYPE, gemma_type),
            (e.GEMMA_URL, e.gemma_url(gemma.object_id)),
        )

    def gemma_identifier(self, gemma: Gemma) -> str:
        return e.gemma_identifier(gemma.identifier, gemma.object_id)

    def koppeling(self, k: KoppelingRegel, volgnummer: int) -> _Concept | None:
        if k.naar is not None and k.naar in self.gebruik_ids:
            doel = self.gebruik_ids[k.naar]
        elif k.naar_voorziening is not None:
            doel = self.gemma_identifier(k.naar_voorziening)
        else:
            return None
        if k.van not in self.gebruik_ids:
            return None
        sleutel = k.koppeling_id or f"{k.van}>{k.naar or ''}>{volgnummer}"
        return _Concept(
            e.identifier("koppeling", sleutel),
            "Flow",
            documentatie=k.beschrijving,
            bron=self.gebruik_ids[k.van],
            doel=doel,
        ).met(
            (e.SWC_TYPE, e.SWC_KOPPELING),
            (e.BRON, e.SOFTWARECATALOGUS),
            (e.KOPPELING_ID, k.koppeling_id),
            (e.TYPE, ls.label(ls.KOPPELING_TYPE, k.type)),
            (e.RICHTING, ls.label(ls.KOPPELING_RICHTING, k.richting)),
            (e.STATUS, ls.label(ls.KOPPELING_STATUS, k.status)),
            (e.STANDAARDEN, ", ".join(s.object_id for s in k.standaarden)),
            (e.VIA, k.via),
        )

    def koppelingen(self) -> list[_Concept]:
        namen = {g.gebruik_id: g.applicatie_naam for g in self.gebruik}

        def volgorde(k: KoppelingRegel) -> tuple[str, ...]:
            naar = namen.get(k.naar or "", "") or (k.naar_voorziening.naam if k.naar_voorziening else "")
            return (namen.get(k.van, ""), naar, k.van, k.naar or "", k.koppeling_id or "", k.type)

        flows = (self.koppeling(k, i) for i, k in enumerate(sorted(self.landschap.koppelingen, key=volgorde)))
        return [f for f in flows if f is not None]

    # -- the file ------------------------------------------------------------------------------

    def xml(self) -> bytes:
        organisatie = self.organisatie()
        leveranciers = self.leveranciers()
        applicaties = [self.applicatie(g) for g in self.gebruik]
        componenten = [
            self.gemma_element(c, "ApplicationComponent", e.GEMMA_REFERENTIECOMPONENT)
            for c in self.referentiecomponenten
        ]
        voorzieningen = [
            self.gemma_element(v, "ApplicationComponent", e.GEMMA_VOORZIENING) for v in self.voorzieningen
        ]
        standaarden = [self.gemma_element(s, "Constraint", e.GEMMA_STANDAARDVERSIE) for s in self.standaarden]

        relaties: list[_Concept] = []
        for g in self.gebruik:
            sleutel = _leverancier(g)
            if sleutel is not None:
                relaties.append(
                    _Concept(
                        e.identifier("levert", sleutel, g.gebruik_id),
                        "Association",
                        bron=leveranciers[sleutel].identifier,
                        doel=self.gebruik_ids[g.gebruik_id],
                    )
                )
        for g in self.gebruik:
            for c in sorted({c.object_id: c for c in g.referentiecomponenten}.values(), key=_gemma_volgorde):
                relaties.append(
                    _Concept(
                        e.identifier("specialisatie", g.gebruik_id, c.object_id),
                        "Specialization",
                        bron=self.gebruik_ids[g.gebruik_id],
                        doel=self.gemma_identifier(c),
                    )
                )
        flows = self.koppelingen()
        relaties.extend(flows)

        elementen = [
            organisatie,
            *leveranciers.values(),
            *applicaties,
            *componenten,
            *voorzieningen,
            *standaarden,
        ]
        gebruikt = {naam for c in (*elementen, *relaties) for naam, _ in c.eigenschappen}
        definities = {naam: f"propid-{i}" for i, naam in enumerate((n for n in e.NAMEN if n in gebruikt), 1)}
        weergave_id = e.identifier("weergave", self.landschap.organisatie_id)

        model = ET.Element(
            _q("model"),
            {
                "identifier": e.identifier("model", self.landschap.organisatie_id),
                f"{{{e.XSI}}}schemaLocation": e.SCHEMA_LOCATION,
            },
        )
        _tekst(model, "name", f"Landschap {self.landschap.organisatie_naam}")
        if self.landschap.bron:
            _tekst(
                model, "documentation", "\n".join(f"{k}: {v}" for k, v in sorted(self.landschap.bron.items()))
            )
        lijst = ET.SubElement(model, _q("elements"))
        for concept in elementen:
            _concept(lijst, "element", concept, definities)
        if relaties:
            lijst = ET.SubElement(model, _q("relationships"))
            for concept in relaties:
                _concept(lijst, "relationship", concept, definities)
        organisaties = ET.SubElement(model, _q("organizations"))
        _map(organisaties, "Business", [organisatie, *leveranciers.values()])
        _map(organisaties, "Application", [*applicaties, *componenten, *voorzieningen])
        _map(organisaties, "Motivation", standaarden)
        _map(organisaties, "Relations", relaties)
        views = ET.SubElement(organisaties, _q("item"))
        _tekst(views, "label", "Views")
        ET.SubElement(views, _q("item"), {"identifierRef": weergave_id})
        if definities:
            lijst = ET.SubElement(model, _q("propertyDefinitions"))
            for naam, propid in definities.items():
                definitie = ET.SubElement(
                    lijst, _q("propertyDefinition"), {"identifier": propid, "type": "string"}
                )
                _tekst(definitie, "name", naam)
        diagrams = ET.SubElement(ET.SubElement(model, _q("views")), _q("diagrams"))
        view = ET.SubElement(diagrams, _q("view"), {"identifier": weergave_id, f"{{{e.XSI}}}type": "Diagram"})
        _tekst(view, "name", f"Applicatielandschap {self.landschap.organisatie_naam}")
        self.weergave(view, flows)

        ET.indent(model)
        return ET.tostring(model, encoding="utf-8", xml_declaration=True) + b"\n"

    def weergave(self, view: ET.Element, flows: list[_Concept]) -> None:
        per_component: dict[str, list[str]] = {c.object_id: [] for c in self.referentiecomponenten}
        zonder: list[str] = []
        for g in self.gebruik:
            ids = {c.object_id for c in g.referentiecomponenten}
            for oid in ids:
                per_component[oid].append(self.gebruik_ids[g.gebruik_id])
            if not ids:
                zonder.append(self.gebruik_ids[g.gebruik_id])
        groepen = [
            Groep(
                sleutel=c.object_id, leden=tuple(per_component[c.object_id]), element=self.gemma_identifier(c)
            )
            for c in self.referentiecomponenten
        ]
        if zonder:
            groepen.append(Groep(sleutel="", leden=tuple(zonder), label=ZONDER_REFERENTIECOMPONENT))
        knopen = plaats(groepen, [self.gemma_identifier(v) for v in self.voorzieningen])

        # An application nested in several groups is connected from its first node.
        eerste: dict[str, str] = {}
        for knoop in _alle(knopen):
            if knoop.element is not None:
                eerste.setdefault(knoop.element, knoop.identifier)
        for knoop in knopen:
            _knoop(view, knoop)
        for flow in flows:
            assert flow.bron is not None and flow.doel is not None
            ET.SubElement(
                view,
                _q("connection"),
                {
                    "identifier": e.identifier("verbinding", flow.identifier),
                    "relationshipRef": flow.identifier,
                    f"{{{e.XSI}}}type": "Relationship",
                    "source": eerste[flow.bron],
                    "target": eerste[flow.doel],
                },
            )


def _leverancier(g: GebruikRegel) -> str | None:
    if g.leverancier_id:
        return g.leverancier_id
    return f"naam:{g.leverancier_naam}" if g.leverancier_naam else None


def _gemma_volgorde(g: Gemma) -> tuple[str, str]:
    return (g.naam, g.object_id)


def _gemma(gemma: Iterable[Gemma]) -> list[Gemma]:
    """One per Object ID (the first with a name and identifier), sorted by name."""
    gevonden: dict[str, Gemma] = {}
    for g in gemma:
        eerder = gevonden.get(g.object_id)
        if eerder is None or (g.naam, g.identifier or "") > (eerder.naam, eerder.identifier or ""):
            gevonden[g.object_id] = g
    return sorted(gevonden.values(), key=_gemma_volgorde)


def _hoofdletter(tekst: str) -> str:
    # The catalogue shows a Gebruik's status capitalised (`In productie`, exchange.md).
    return tekst[:1].upper() + tekst[1:]


def _q(tag: str) -> str:
    return f"{{{e.NS}}}{tag}"


def _tekst(ouder: ET.Element, tag: str, tekst: str) -> None:
    ET.SubElement(ouder, _q(tag), {f"{{{e.XML}}}lang": e.TAAL}).text = tekst


def _concept(ouder: ET.Element, tag: str, c: _Concept, definities: Mapping[str, str]) -> None:
    attributen = {"identifier": c.identifier}
    if c.bron is not None and c.doel is not None:
        attributen |= {"source": c.bron, "target": c.doel}
    attributen[f"{{{e.XSI}}}type"] = c.type
    knoop = ET.SubElement(ouder, _q(tag), attributen)
    if c.naam is not None:
        _tekst(knoop, "name", c.naam)
    if c.documentatie:
        _tekst(knoop, "documentation", c.documentatie)
    if c.eigenschappen:
        lijst = ET.SubElement(knoop, _q("properties"))
        for naam, waarde in c.eigenschappen:
            eigenschap = ET.SubElement(lijst, _q("property"), {"propertyDefinitionRef": definities[naam]})
            _tekst(eigenschap, "value", waarde)


def _map(organisaties: ET.Element, label: str, concepten: list[_Concept]) -> None:
    if not concepten:
        return
    item = ET.SubElement(organisaties, _q("item"))
    _tekst(item, "label", label)
    for c in concepten:
        ET.SubElement(item, _q("item"), {"identifierRef": c.identifier})


def _alle(knopen: Iterable[Knoop]) -> Iterable[Knoop]:
    for knoop in knopen:
        yield knoop
        yield from _alle(knoop.kinderen)


def _knoop(ouder: ET.Element, knoop: Knoop) -> None:
    attributen = {"identifier": knoop.identifier}
    if knoop.element is not None:
        attributen["elementRef"] = knoop.element
    attributen |= {
        f"{{{e.XSI}}}type": "Element" if knoop.element is not None else "Container",
        "x": str(knoop.x),
        "y": str(knoop.y),
        "w": str(knoop.w),
        "h": str(knoop.h),
    }
    node = ET.SubElement(ouder, _q("node"), attributen)
    if knoop.label is not None:
        _tekst(node, "label", knoop.label)
    for kind in knoop.kinderen:
        _knoop(node, kind)
