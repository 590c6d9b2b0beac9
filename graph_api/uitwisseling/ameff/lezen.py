"""An AMEFF file read back as a landscape: the elements and relationships schrijven.py writes,
and those an architect adds or changes in Archi (docs/exchange.md, "ArchiMate (AMEFF)").

- Hostile XML is refused before anything is read: a file over `MAX_BYTES`, a DTD, entities,
  external references (defusedxml), so an XML bomb is a clear error rather than a hang.
- Properties are resolved by their definition's name, never by `propid-N`.
- An ApplicationComponent with an `Object ID` is a GEMMA element (a referentiecomponent or a
  national facility, matched in the graph by that id); any other ApplicationComponent is a
  Gebruik, keyed by its `Gebruik ID` or else its identifier, its application by `Pakket ID` or
  else by its name and leverancier (the BusinessActor associated with it).
- A Specialization (or Realization) to a GEMMA element links the Gebruik to a
  referentiecomponent; a Flow from a Gebruik is a koppeling.

Every problem is reported with the element or relationship it concerns; the file is read to
its end so one pass reports them all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from graph_api.uitwisseling import landschap as ls
from graph_api.uitwisseling.ameff import eigenschappen as e
from graph_api.uitwisseling.landschap import GebruikRegel, Gemma, KoppelingRegel, Landschap

# The largest landscape's file is about 2 MB; a file eight times that is not a landscape.
MAX_BYTES = 16 * 1024 * 1024

FILE_TOO_LARGE = "FILE_TOO_LARGE"
XML_FORBIDDEN = "XML_FORBIDDEN"
XML_INVALID = "XML_INVALID"
NOT_AMEFF = "NOT_AMEFF"
MISSING_VALUE = "MISSING_VALUE"
INVALID_VALUE = "INVALID_VALUE"
DUPLICATE_ID = "DUPLICATE_ID"
UNKNOWN_REFERENCE = "UNKNOWN_REFERENCE"

_SPECIALISATIE = ("Specialization", "Realization")


@dataclass(frozen=True)
class Fout:
    """A problem with the file (`plaats` "bestand", or a line) or one of its concepts (its
    identifier and name), with the field it concerns."""

    code: str
    plaats: str
    reden: str
    veld: str | None = None


@dataclass(frozen=True)
class Gelezen:
    landschap: Landschap
    fouten: tuple[Fout, ...] = ()


@dataclass
class _Concept:
    identifier: str
    type: str
    naam: str
    documentatie: str | None
    eigenschappen: dict[str, str] = field(default_factory=dict)
    bron: str = ""
    doel: str = ""

    @property
    def plaats(self) -> str:
        return f"{self.identifier} ({self.naam})" if self.naam else self.identifier


def lees(data: bytes) -> Gelezen:
    """The landscape an AMEFF file holds, and every problem found in it."""
    leeg = Landschap(organisatie_id="", organisatie_naam="")
    if len(data) > MAX_BYTES:
        reden = f"the file has {len(data)} bytes; an AMEFF import takes at most {MAX_BYTES}"
        return Gelezen(leeg, (Fout(FILE_TOO_LARGE, "bestand", reden),))
    try:
        model = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as fout:
        reden = f"the file declares a DTD, entities or external references, which are refused ({fout})"
        return Gelezen(leeg, (Fout(XML_FORBIDDEN, "bestand", reden),))
    except ParseError as fout:
        regel, _kolom = fout.position
        return Gelezen(leeg, (Fout(XML_INVALID, f"regel {regel}", f"not well-formed XML: {fout}"),))
    if model.tag != _q("model"):
        reden = f"the root element is {model.tag}, not an ArchiMate exchange model ({e.NS})"
        return Gelezen(leeg, (Fout(NOT_AMEFF, "bestand", reden),))
    return _Lezer(model).lees()


class _Lezer:
    def __init__(self, model: Element) -> None:
        self.model = model
        self.fouten: list[Fout] = []
        definities = {
            d.get("identifier", ""): _naam(d)
            for d in model.iterfind(f"{_q('propertyDefinitions')}/{_q('propertyDefinition')}")
        }
        self.elementen = [
            self.concept(x, definities) for x in model.iterfind(f"{_q('elements')}/{_q('element')}")
        ]
        self.relaties = [
            self.concept(x, definities) for x in model.iterfind(f"{_q('relationships')}/{_q('relationship')}")
        ]

    def concept(self, x: Element, definities: Mapping[str, str]) -> _Concept:
        c = _Concept(
            identifier=x.get("identifier", ""),
            type=x.get(f"{{{e.XSI}}}type", ""),
            naam=_naam(x),
            documentatie=_tekst(x, "documentation"),
            bron=x.get("source", ""),
            doel=x.get("target", ""),
        )
        for p in x.iterfind(f"{_q('properties')}/{_q('property')}"):
            ref = p.get("propertyDefinitionRef", "")
            if ref not in definities:
                self.fout(
                    UNKNOWN_REFERENCE,
                    c,
                    f"property definition {ref!r} is not defined",
                    "propertyDefinitionRef",
                )
                continue
            c.eigenschappen[definities[ref]] = (_tekst(p, "value") or "").strip()
        return c

    def fout(self, code: str, c: _Concept, reden: str, veld: str | None = None) -> None:
        self.fouten.append(Fout(code, c.plaats, reden, veld))

    def lees(self) -> Gelezen:
        gemma = {c.identifier: c for c in self.elementen if c.eigenschappen.get(e.OBJECT_ID)}
        organisaties = [
            c
            for c in self.elementen
            if c.type == "BusinessActor" and c.eigenschappen.get(e.SWC_TYPE) == e.SWC_ORGANISATIE
        ]
        leveranciers = {
            c.identifier: c for c in self.elementen if c.type == "BusinessActor" and c not in organisaties
        }
        applicaties = {
            c.identifier: c
            for c in self.elementen
            if c.type == "ApplicationComponent" and c.identifier not in gemma
        }
        standaard_namen = {c.eigenschappen[e.OBJECT_ID]: c.naam for c in gemma.values()}

        gebruik_ids: dict[str, str] = {}  # element identifier → gebruik_id
        for c in applicaties.values():
            gebruik_id = c.eigenschappen.get(e.GEBRUIK_ID) or c.identifier
            if gebruik_id in gebruik_ids.values():
                self.fout(
                    DUPLICATE_ID, c, f"Gebruik ID {gebruik_id!r} is used by two applications", e.GEBRUIK_ID
                )
            gebruik_ids[c.identifier] = gebruik_id

        leverancier_van: dict[str, _Concept] = {}
        componenten: dict[str, list[Gemma]] = {a: [] for a in applicaties}
        koppelingen: list[KoppelingRegel] = []
        for r in self.relaties:
            if (
                r.type == "Association"
                and {r.bron, r.doel} & leveranciers.keys()
                and {r.bron, r.doel} & applicaties.keys()
            ):
                app, lev = (r.doel, r.bron) if r.bron in leveranciers else (r.bron, r.doel)
                if app in leverancier_van and leverancier_van[app].identifier != lev:
                    self.fout(
                        INVALID_VALUE,
                        applicaties[app],
                        "the application is associated with two leveranciers",
                        "leverancier",
                    )
                leverancier_van[app] = leveranciers[lev]
            elif r.type in _SPECIALISATIE and r.bron in applicaties and r.doel in gemma:
                g = gemma[r.doel]
                componenten[r.bron].append(Gemma(g.eigenschappen[e.OBJECT_ID], g.naam))
            elif r.type == "Flow":
                koppeling = self.koppeling(r, applicaties, gemma, gebruik_ids, standaard_namen)
                if koppeling is not None:
                    koppelingen.append(koppeling)

        gebruik = [
            self.gebruik(
                c, gebruik_ids[c.identifier], leverancier_van.get(c.identifier), componenten[c.identifier]
            )
            for c in applicaties.values()
        ]
        organisatie = organisaties[0] if organisaties else None
        landschap = Landschap(
            organisatie_id=organisatie.eigenschappen.get(e.ORGANISATIE_ID, "") if organisatie else "",
            organisatie_naam=organisatie.naam if organisatie else (_naam(self.model) or ""),
            cbs_code=organisatie.eigenschappen.get(e.CBS_CODE) if organisatie else None,
            gebruik=tuple(g for g in gebruik if g is not None),
            koppelingen=tuple(koppelingen),
        )
        return Gelezen(landschap, tuple(self.fouten))

    def gebruik(
        self, c: _Concept, gebruik_id: str, leverancier: _Concept | None, componenten: list[Gemma]
    ) -> GebruikRegel | None:
        p = c.eigenschappen
        status = self.keuze(c, e.GEBRUIK_STATUS, ls.GEBRUIK_STATUS, verplicht=True)
        if status is None:
            return None
        return GebruikRegel(
            gebruik_id=gebruik_id,
            applicatie_naam=c.naam,
            status=status,
            applicatie_id=p.get(e.PAKKET_ID) or None,
            leverancier_id=(leverancier.eigenschappen.get(e.LEVERANCIER_ID) or None) if leverancier else None,
            leverancier_naam=leverancier.naam if leverancier else None,
            versie=p.get(e.VERSIE) or None,
            verwerving_datum=self.datum(c, e.VERWERVING_DATUM),
            gepland_datum=self.datum(c, e.GEPLAND_DATUM),
            start_datum=self.datum(c, e.START_DATUM),
            uit_te_faseren_datum=self.datum(c, e.UIT_TE_FASEREN_DATUM),
            eind_datum=self.datum(c, e.EIND_DATUM),
            hosting=self.keuze(c, e.HOSTING, ls.HOSTING),
            contract_einde=self.datum(c, e.CONTRACT_EINDE),
            referentiecomponenten=tuple(sorted(set(componenten), key=lambda g: (g.naam, g.object_id))),
            notities=p.get(e.NOTITIES) or None,
        )

    def koppeling(
        self,
        r: _Concept,
        applicaties: Mapping[str, _Concept],
        gemma: Mapping[str, _Concept],
        gebruik_ids: Mapping[str, str],
        standaard_namen: Mapping[str, str],
    ) -> KoppelingRegel | None:
        if r.bron not in applicaties:
            self.fout(UNKNOWN_REFERENCE, r, "a koppeling starts at an application of the landscape", "source")
            return None
        naar, voorziening = None, None
        if r.doel in applicaties:
            naar = gebruik_ids[r.doel]
        elif r.doel in gemma:
            voorziening = Gemma(gemma[r.doel].eigenschappen[e.OBJECT_ID], gemma[r.doel].naam)
        else:
            self.fout(
                UNKNOWN_REFERENCE, r, "a koppeling ends at an application or a national facility", "target"
            )
            return None
        via = r.eigenschappen.get(e.VIA) or None
        if via is not None and via not in gebruik_ids.values():
            if via in gebruik_ids:
                via = gebruik_ids[via]
            else:
                self.fout(UNKNOWN_REFERENCE, r, f"no application of the file has Gebruik ID {via!r}", e.VIA)
        type_ = self.keuze(r, e.TYPE, ls.KOPPELING_TYPE, verplicht=True)
        richting = self.keuze(r, e.RICHTING, ls.KOPPELING_RICHTING, verplicht=True)
        status = self.keuze(r, e.STATUS, ls.KOPPELING_STATUS, verplicht=True)
        if type_ is None or richting is None or status is None:
            return None
        standaarden = [s.strip() for s in r.eigenschappen.get(e.STANDAARDEN, "").split(",") if s.strip()]
        return KoppelingRegel(
            van=gebruik_ids[r.bron],
            naar=naar,
            naar_voorziening=voorziening,
            type=type_,
            richting=richting,
            status=status,
            koppeling_id=r.eigenschappen.get(e.KOPPELING_ID) or None,
            standaarden=tuple(Gemma(s, standaard_namen.get(s, "")) for s in standaarden),
            via=via,
            beschrijving=r.documentatie,
        )

    def keuze(
        self, c: _Concept, naam: str, waarden: Mapping[str, str], *, verplicht: bool = False
    ) -> str | None:
        tekst = c.eigenschappen.get(naam, "")
        if not tekst:
            if verplicht:
                self.fout(MISSING_VALUE, c, f"property {naam!r} is required", naam)
            return None
        gevonden = ls.sleutel(waarden, tekst)
        if gevonden is None:
            toegestaan = ", ".join(waarden.values())
            self.fout(INVALID_VALUE, c, f"{naam} {tekst!r} is not one of: {toegestaan}", naam)
        return gevonden

    def datum(self, c: _Concept, naam: str) -> date | None:
        tekst = c.eigenschappen.get(naam, "")
        if not tekst:
            return None
        try:
            return date.fromisoformat(tekst)
        except ValueError:
            self.fout(INVALID_VALUE, c, f"{naam} {tekst!r} is not a date (YYYY-MM-DD)", naam)
            return None


def _q(tag: str) -> str:
    return f"{{{e.NS}}}{tag}"


def _tekst(x: Element, tag: str) -> str | None:
    gevonden = x.find(_q(tag))
    return gevonden.text if gevonden is not None else None


def _naam(x: Element) -> str:
    return (_tekst(x, "name") or "").strip()
