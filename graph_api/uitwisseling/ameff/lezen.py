"""An AMEFF file read back as a landscape: the elements and relationships schrijven.py writes,
and those an architect adds or changes in Archi (docs/exchange.md, "ArchiMate (AMEFF)").

- Hostile XML is refused before anything is read: a file over the import's size limit, a DTD, entities,
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

from graph_api.errors import InvoerGeweigerd
from graph_api.uitwisseling import landschap as ls
from graph_api.uitwisseling.ameff import eigenschappen as e
from graph_api.uitwisseling.invoer.gelezen import (
    DUPLICATE_ID,
    INVALID_DATE,
    KOPPELINGEN,
    PAKKETOVERZICHT,
    REQUIRED,
    UNKNOWN_VALUE,
    Fout,
    Gelezen,
)
from graph_api.uitwisseling.invoer.grenzen import GRENZEN, Grenzen, controleer_grootte
from graph_api.uitwisseling.landschap import GebruikRegel, Gemma, KoppelingRegel, Landschap

# Codes of the plan's (graph_api/uitwisseling/invoer/plan.py), which this module cannot import.
INVALID_VALUE = "INVALID_VALUE"
UNKNOWN_GEBRUIK = "UNKNOWN_GEBRUIK"
_SPECIALISATIE = ("Specialization", "Realization")

# The fields a file may leave out, by the property that states them and the column the plan
# knows them by: a property the file does not define leaves the field as the graph has it, a
# defined one missing on an element clears it (as an absent column and an empty cell do).
_WEGLAATBAAR = {
    PAKKETOVERZICHT: {
        e.VERSIE: "Pakketversie Naam",
        **{naam: naam for naam in (
            e.VERWERVING_DATUM, e.GEPLAND_DATUM, e.START_DATUM, e.UIT_TE_FASEREN_DATUM, e.EIND_DATUM,
            e.HOSTING, e.CONTRACT_EINDE, e.NOTITIES,
        )},
    },
    KOPPELINGEN: {e.STANDAARDEN: "Standaarden", e.VIA: "Via Gebruik ID"},
}  # fmt: skip
_KOLOMMEN = {PAKKETOVERZICHT: ls.PAKKETOVERZICHT, KOPPELINGEN: ls.KOPPELINGEN}


@dataclass
class _Concept:
    identifier: str
    type: str
    naam: str
    documentatie: str | None
    eigenschappen: dict[str, str] = field(default_factory=dict)
    bron: str = ""
    doel: str = ""


def lees(inhoud: bytes, grenzen: Grenzen = GRENZEN) -> Gelezen:
    """The landscape an AMEFF file holds, and every problem found in it; a file that cannot be
    read safely, or is no ArchiMate model, is refused whole (InvoerGeweigerd)."""
    controleer_grootte(inhoud, grenzen)
    try:
        model = fromstring(inhoud, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as fout:
        raise InvoerGeweigerd(
            "XML_FORBIDDEN",
            f"the file declares a DTD, entities or an external reference ({type(fout).__name__}): "
            "an ArchiMate exchange file needs none, and they are refused unread",
        ) from None
    except ParseError as fout:
        regel, kolom = fout.position
        raise InvoerGeweigerd(
            "UNREADABLE_FILE", f"the file is not well-formed XML (line {regel}, column {kolom}): {fout}"
        ) from None
    if model.tag != _q("model"):
        raise InvoerGeweigerd(
            "UNREADABLE_FILE",
            f"the file is XML but not an ArchiMate exchange file: its root is {model.tag[:120]!r}, "
            f"not {{{e.NS}}}model",
        )
    return _Lezer(model, grenzen).lees()


class _Lezer:
    def __init__(self, model: Element, grenzen: Grenzen) -> None:
        self.model = model
        self.fouten: list[Fout] = []
        self.slecht: set[str] = set()  # identifiers of concepts with a Fout
        self.definities = {
            d.get("identifier", ""): _naam(d)
            for d in model.iterfind(_pad("propertyDefinitions", "propertyDefinition"))
        }
        elementen = model.findall(_pad("elements", "element"))
        relaties = model.findall(_pad("relationships", "relationship"))
        if max(len(elementen), len(relaties)) > grenzen.max_rijen:
            raise InvoerGeweigerd(
                "TOO_MANY_ROWS", f"the file holds more than {grenzen.max_rijen} elements or relationships"
            )
        self.elementen = [self.concept(x, PAKKETOVERZICHT) for x in elementen]
        self.relaties = [self.concept(x, KOPPELINGEN) for x in relaties]

    def concept(self, x: Element, tabel: str) -> _Concept:
        c = _Concept(
            identifier=x.get("identifier", ""),
            type=x.get(f"{{{e.XSI}}}type", ""),
            naam=_naam(x),
            documentatie=_tekst(x, "documentation"),
            bron=x.get("source", ""),
            doel=x.get("target", ""),
        )
        for p in x.iterfind(_pad("properties", "property")):
            ref = p.get("propertyDefinitionRef", "")
            if ref not in self.definities:
                self.fout(
                    tabel,
                    c,
                    "propertyDefinitionRef",
                    UNKNOWN_VALUE,
                    f"property definition {ref!r} is not defined",
                )
                continue
            c.eigenschappen[self.definities[ref]] = (_tekst(p, "value") or "").strip()
        return c

    def fout(self, tabel: str, c: _Concept, kolom: str | None, code: str, melding: str) -> None:
        self.slecht.add(c.identifier)
        genoemd = f"{c.type} {c.naam!r}: " if c.naam else f"{c.type}: "
        self.fouten.append(Fout(tabel, c.identifier, kolom, code, genoemd + melding))

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
        gemma_namen = {c.eigenschappen[e.OBJECT_ID]: c.naam for c in gemma.values()}

        gebruik_ids: dict[str, str] = {}  # element identifier → gebruik_id
        gezien: set[str] = set()
        for c in applicaties.values():
            gebruik_id = c.eigenschappen.get(e.GEBRUIK_ID) or c.identifier
            if gebruik_id in gezien:
                self.fout(
                    PAKKETOVERZICHT,
                    c,
                    e.GEBRUIK_ID,
                    DUPLICATE_ID,
                    f"Gebruik ID {gebruik_id!r} is in the file twice",
                )
            gezien.add(gebruik_id)
            gebruik_ids[c.identifier] = gebruik_id

        leverancier_van: dict[str, _Concept] = {}
        componenten: dict[str, list[Gemma]] = {a: [] for a in applicaties}
        flows: list[_Concept] = []
        for r in self.relaties:
            einden = {r.bron, r.doel}
            if r.type == "Association" and einden & leveranciers.keys() and einden & applicaties.keys():
                app, lev = (r.doel, r.bron) if r.bron in leveranciers else (r.bron, r.doel)
                if app in leverancier_van and leverancier_van[app].identifier != lev:
                    self.fout(
                        PAKKETOVERZICHT, applicaties[app], "Leverancier Naam", INVALID_VALUE,
                        "the application is associated with two leveranciers: keep one",
                    )  # fmt: skip
                leverancier_van[app] = leveranciers[lev]
            elif r.type in _SPECIALISATIE and r.bron in applicaties and r.doel in gemma:
                g = gemma[r.doel]
                componenten[r.bron].append(Gemma(g.eigenschappen[e.OBJECT_ID], g.naam))
            elif r.type == "Flow":
                flows.append(r)

        gebruik: list[GebruikRegel] = []
        plaatsen_g: list[int | str] = []
        for c in applicaties.values():
            regel = self.gebruik(
                c, gebruik_ids[c.identifier], leverancier_van.get(c.identifier), componenten[c.identifier]
            )
            if regel is not None and c.identifier not in self.slecht:
                gebruik.append(regel)
                plaatsen_g.append(c.identifier)
        onleesbaar = frozenset(gebruik_ids[a] for a in applicaties if a in self.slecht)

        koppelingen: list[KoppelingRegel] = []
        plaatsen_k: list[int | str] = []
        for r in flows:
            koppeling = self.koppeling(r, applicaties, gemma, gebruik_ids, gemma_namen)
            if koppeling is not None and r.identifier not in self.slecht:
                koppelingen.append(koppeling)
                plaatsen_k.append(r.identifier)

        organisatie = organisaties[0] if organisaties else None
        landschap = Landschap(
            organisatie_id=organisatie.eigenschappen.get(e.ORGANISATIE_ID, "") if organisatie else "",
            organisatie_naam=organisatie.naam if organisatie else _naam(self.model),
            cbs_code=(organisatie.eigenschappen.get(e.CBS_CODE) or None) if organisatie else None,
            gebruik=tuple(gebruik),
            koppelingen=tuple(koppelingen),
        )
        gedefinieerd = set(self.definities.values())
        kolommen = {
            tabel: frozenset(_KOLOMMEN[tabel])
            - {kolom for eigenschap, kolom in _WEGLAATBAAR[tabel].items() if eigenschap not in gedefinieerd}
            for tabel in (PAKKETOVERZICHT, KOPPELINGEN)
        }
        return Gelezen(
            landschap=landschap,
            fouten=self.fouten,
            plaatsen_gebruik=tuple(plaatsen_g),
            plaatsen_koppelingen=tuple(plaatsen_k),
            kolommen=kolommen,
            onleesbaar=onleesbaar,
        )

    def gebruik(
        self, c: _Concept, gebruik_id: str, leverancier: _Concept | None, componenten: list[Gemma]
    ) -> GebruikRegel | None:
        p = c.eigenschappen
        status = self.keuze(PAKKETOVERZICHT, c, e.GEBRUIK_STATUS, ls.GEBRUIK_STATUS, verplicht=True)
        regel = GebruikRegel(
            gebruik_id=gebruik_id,
            applicatie_naam=c.naam,
            status=status or "",
            applicatie_id=p.get(e.PAKKET_ID) or None,
            leverancier_id=(leverancier.eigenschappen.get(e.LEVERANCIER_ID) or None) if leverancier else None,
            leverancier_naam=leverancier.naam if leverancier else None,
            versie=p.get(e.VERSIE) or None,
            verwerving_datum=self.datum(c, e.VERWERVING_DATUM),
            gepland_datum=self.datum(c, e.GEPLAND_DATUM),
            start_datum=self.datum(c, e.START_DATUM),
            uit_te_faseren_datum=self.datum(c, e.UIT_TE_FASEREN_DATUM),
            eind_datum=self.datum(c, e.EIND_DATUM),
            hosting=self.keuze(PAKKETOVERZICHT, c, e.HOSTING, ls.HOSTING),
            contract_einde=self.datum(c, e.CONTRACT_EINDE),
            referentiecomponenten=tuple(sorted(set(componenten), key=lambda g: (g.naam, g.object_id))),
            notities=p.get(e.NOTITIES) or None,
        )
        if not c.naam:
            self.fout(PAKKETOVERZICHT, c, "Pakket Naam", REQUIRED, "an application needs a name")
        return regel if status is not None else None

    def koppeling(
        self,
        r: _Concept,
        applicaties: Mapping[str, _Concept],
        gemma: Mapping[str, _Concept],
        gebruik_ids: Mapping[str, str],
        gemma_namen: Mapping[str, str],
    ) -> KoppelingRegel | None:
        if r.bron not in applicaties:
            self.fout(
                KOPPELINGEN, r, "Van Gebruik ID", UNKNOWN_GEBRUIK,
                f"the Flow starts at {r.bron!r}, which is no application of the landscape",
            )  # fmt: skip
            return None
        naar, voorziening = None, None
        if r.doel in applicaties:
            naar = gebruik_ids[r.doel]
        elif r.doel in gemma:
            voorziening = Gemma(gemma[r.doel].eigenschappen[e.OBJECT_ID], gemma[r.doel].naam)
        else:
            self.fout(
                KOPPELINGEN, r, "Naar Gebruik ID", UNKNOWN_GEBRUIK,
                f"the Flow ends at {r.doel!r}, which is no application or national facility of the file",
            )  # fmt: skip
            return None
        via = r.eigenschappen.get(e.VIA) or None
        if via is not None and via not in gebruik_ids.values():
            if via in gebruik_ids:
                via = gebruik_ids[via]
            else:
                self.fout(
                    KOPPELINGEN,
                    r,
                    e.VIA,
                    UNKNOWN_GEBRUIK,
                    f"no application of the file has Gebruik ID {via!r}",
                )
        type_ = self.keuze(KOPPELINGEN, r, e.TYPE, ls.KOPPELING_TYPE, verplicht=True)
        richting = self.keuze(KOPPELINGEN, r, e.RICHTING, ls.KOPPELING_RICHTING, verplicht=True)
        status = self.keuze(KOPPELINGEN, r, e.STATUS, ls.KOPPELING_STATUS, verplicht=True)
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
            standaarden=tuple(Gemma(s, gemma_namen.get(s, "")) for s in standaarden),
            via=via,
            beschrijving=r.documentatie or None,
        )

    def keuze(
        self, tabel: str, c: _Concept, naam: str, waarden: Mapping[str, str], *, verplicht: bool = False
    ) -> str | None:
        tekst = c.eigenschappen.get(naam, "")
        if not tekst:
            if verplicht:
                self.fout(tabel, c, naam, REQUIRED, f"the property {naam!r} is required")
            return None
        gevonden = ls.sleutel(waarden, tekst)
        if gevonden is None:
            toegestaan = ", ".join(waarden.values())
            self.fout(tabel, c, naam, UNKNOWN_VALUE, f"{naam} {tekst!r} is not one of: {toegestaan}")
        return gevonden

    def datum(self, c: _Concept, naam: str) -> date | None:
        tekst = c.eigenschappen.get(naam, "")
        if not tekst:
            return None
        try:
            return date.fromisoformat(tekst)
        except ValueError:
            self.fout(PAKKETOVERZICHT, c, naam, INVALID_DATE, f"{naam} {tekst!r} is not a date (YYYY-MM-DD)")
            return None


def _q(tag: str) -> str:
    return f"{{{e.NS}}}{tag}"


def _pad(*tags: str) -> str:
    return "/".join(map(_q, tags))


def _tekst(x: Element, tag: str) -> str | None:
    gevonden = x.find(_q(tag))
    return gevonden.text if gevonden is not None else None


def _naam(x: Element) -> str:
    return (_tekst(x, "name") or "").strip()
