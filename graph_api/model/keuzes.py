"""The value lists (keuzes) of the graph's enumerated properties: stored value → Dutch label."""

ORGANISATIE_STATUS = {
    "CONCEPT": "concept",
    "ACTIEF": "actief",
    "GEDEACTIVEERD": "gedeactiveerd",
}

GEBRUIKER_STATUS = {"ACTIEF": "actief", "GEDEACTIVEERD": "gedeactiveerd"}

# As stored; an OPEN invitation past its expiry reads as VERLOPEN (graph_api/model/organisaties.py).
UITNODIGING_STATUS = {"OPEN": "open", "AANVAARD": "aanvaard", "INGETROKKEN": "ingetrokken"}

# A person signs in; a machine client (F008) holds client credentials of one organisation.
GEBRUIKER_SOORT = {"PERSOON": "persoon", "MACHINE": "machine"}

ROLLEN = {
    "GEBRUIK_RAADPLEGER": "gebruik-raadpleger",
    "GEBRUIK_BEHEERDER": "gebruik-beheerder",
    "AANBOD_BEHEERDER": "aanbod-beheerder",
    "ORGANISATIE_BEHEERDER": "organisatie-beheerder",
    "VNG_RAADPLEGER": "vng-raadpleger",
    "FUNCTIONEEL_BEHEERDER": "functioneel-beheerder",
}

# GEMMA's own lifecycle words, as published for components, standards and facilities.
GEMMA_STATUS = {
    "IN_GEBRUIK": "In gebruik",
    "IN_ONTWIKKELING": "In ontwikkeling",
    "EINDE_ONDERSTEUNING": "Einde ondersteuning",
}

VERBINDINGSROL = {"VERPLICHT": "Verplicht", "AANBEVOLEN": "Aanbevolen"}

APPLICATIESERVICE_SOORT = {"GEMEENTELIJK": "gemeentelijk", "BUITENGEMEENTELIJK": "buitengemeentelijk"}

APPLICATIE_TYPE = {"APPLICATIE": "applicatie", "SYSTEEMSOFTWARE": "systeemsoftware"}

LICENTIETYPE = {"OPEN_SOURCE": "open source", "CLOSED_SOURCE": "closed source"}

HOSTINGMODEL = {
    "ON_PREMISES": "on-premises",
    "IAAS": "IaaS",
    "PAAS": "PaaS",
    "SAAS": "SaaS",
}

# An application in the catalogue: a concept until functioneel beheer has checked it (when its
# leverancier has no track record yet, docs/access.md "The aanbod"), then active; retired
# (`trekApplicatieTerug`) it stays, with its Gebruik and history, but is offered no more.
APPLICATIE_STATUS = {
    "CONCEPT": "concept",
    "ACTIEF": "actief",
    "TERUGGETROKKEN": "teruggetrokken",
}

# A version's lifecycle, in order: forward only, steps may be skipped (graph_api/domain/levensloop.py).
VERSIE_STATUS = {
    "IN_ONTWIKKELING": "in ontwikkeling",
    "IN_GEBRUIK": "in gebruik",
    "EINDE_ONDERSTEUNING": "einde ondersteuning",
    "TERUGGETROKKEN": "teruggetrokken",
}

DIENST_TYPE = {
    "FUNCTIONEEL_BEHEER": "functioneel beheer",
    "APPLICATIEBEHEER": "applicatiebeheer",
    "TECHNISCH_BEHEER": "technisch beheer",
    "HOSTING": "hosting",
    "IMPLEMENTATIE": "implementatie",
    "OPLEIDING": "opleiding",
    "LICENTIE_RESELLER": "licentie-reseller",
}

# A dienst on offer, or retired by its leverancier (F005): a retired one is offered to no new
# Gebruik, and those that take it still see it, marked (docs/access.md, "Diensten").
DIENST_STATUS = {"AANGEBODEN": "aangeboden", "INGETROKKEN": "ingetrokken"}

GEBRUIK_STATUS = {
    "VERWERVING": "verwerving",
    "GEPLAND": "gepland",
    "IN_PRODUCTIE": "in productie",
    "UIT_TE_FASEREN": "uit te faseren",
    "UITGEFASEERD": "uitgefaseerd",
}

# A Gebruik proposed by a leverancier to a gemeente (Gebruiksvoorstel): open while VOORGESTELD,
# closed by the gemeente (AANVAARD: it became a Gebruik, or AFGEWEZEN) or by the proposer.
VOORSTEL_STATUS = {
    "VOORGESTELD": "voorgesteld",
    "AANVAARD": "aanvaard",
    "AFGEWEZEN": "afgewezen",
    "INGETROKKEN": "ingetrokken",
}

# A review (F006): written by an organisation (again: back to INGEDIEND), then approved (public)
# or rejected with a reason by functioneel beheer.
BEOORDELING_STATUS = {"INGEDIEND": "ingediend", "GOEDGEKEURD": "goedgekeurd", "AFGEWEZEN": "afgewezen"}

# A leverancier's registration (F001): submitted by the person who registers it, then approved
# (the leverancier becomes ACTIEF) or rejected with a reason by functioneel beheer.
REGISTRATIE_STATUS = {"INGEDIEND": "ingediend", "GOEDGEKEURD": "goedgekeurd", "AFGEWEZEN": "afgewezen"}

# A person's request for access to an organisation (F001): open while INGEDIEND, then granted
# (the person became a Gebruiker with roles there) or refused with a reason.
TOEGANGSVERZOEK_STATUS = {"INGEDIEND": "ingediend", "TOEGEKEND": "toegekend", "GEWEIGERD": "geweigerd"}

# What a recorded change (Wijziging) did to its object.
# The roles an organisation may delegate to another (docs/access.md, "Delegation"): its landscape
# kept or read, its aanbod kept. Organisatie-beheer is not delegated: who may delegate stays home.
DELEGATIE_ROL = {
    "GEBRUIK_BEHEERDER": "gebruik-beheerder",
    "GEBRUIK_RAADPLEGER": "gebruik-raadpleger",
    "AANBOD_BEHEERDER": "aanbod-beheerder",
}

WIJZIGING_OPERATIE = {
    "AANGEMAAKT": "aangemaakt",
    "GEWIJZIGD": "gewijzigd",
    "STATUS_GEWIJZIGD": "status gewijzigd",
    "VERWIJDERD": "verwijderd",
    "SAMENGEVOEGD": "samengevoegd",  # a concept merged into the application kept
    "HERINGEDEELD": "heringedeeld",  # a gemeente dissolved into, or joined by, others (F014)
}

# What a sync (synchroniseerLandschap, a TOPdesk import) did with one item of its batch
# (graph_api/domain/landschap/synchronisatie.py).
SYNCHRONISATIE_UITKOMST = {
    "AANGEMAAKT": "aangemaakt",
    "GEWIJZIGD": "gewijzigd",
    "ONGEWIJZIGD": "ongewijzigd",
    "OVERGESLAGEN": "overgeslagen",
    "MISLUKT": "mislukt",
    "UITGEFASEERD": "uitgefaseerd",  # a Gebruik of the source the batch no longer holds
    "TERUGGETROKKEN": "teruggetrokken",  # a koppeling of the source the batch no longer holds
}

# What a Melding (graph_api/model/melding.py) tells its recipient; a person switches kinds off
# (Gebruiker.meldingenUit). Each kind follows change records by a rule in its area's module
# (graph_api/domain/meldingen/soorten.py lists them).
MELDING_SOORT = {
    "NIEUWE_VERSIE": "nieuwe versie van een applicatie in gebruik",
    "EINDE_ONDERSTEUNING": "einde ondersteuning van een versie in gebruik",
    "APPLICATIE_TERUGGETROKKEN": "applicatie in gebruik teruggetrokken",
    "DIENST_INGETROKKEN": "afgenomen dienst ingetrokken",
    "VOORSTEL_ONTVANGEN": "gebruiksvoorstel ontvangen",
    "VOORSTEL_BESLIST": "gebruiksvoorstel aanvaard of afgewezen",
    "REGISTRATIE_BESLIST": "registratie beoordeeld",
    "CONCEPT_BESLIST": "conceptproduct beoordeeld",
    "REGISTRATIE_WACHT": "registratie wacht op beoordeling",
    "CONCEPT_WACHT": "concept wacht op beoordeling",
    "BEOORDELING_BESLIST": "beoordeling goedgekeurd of afgewezen",
    "BEOORDELING_BEANTWOORD": "beoordeling beantwoord door de leverancier",
    "BEOORDELING_GEPUBLICEERD": "beoordeling van een eigen product gepubliceerd",
    "BEOORDELING_WACHT": "beoordeling wacht op moderatie",
    "INTERESSE_GETOOND": "een gemeente toonde interesse in een applicatie",
}

# What an item of an application's etalage is: a file (a screenshot is an image, a case study
# an image or a PDF) or a link (a demo, or a case study published elsewhere).
ETALAGE_SOORT = {"SCREENSHOT": "screenshot", "DEMO": "demo", "CASE_STUDY": "case study"}

# The types of file the etalage keeps, each checked by its content (graph_api/etalage/bestand.py).
ETALAGE_BESTANDSTYPE = {
    "image/png": "PNG",
    "image/jpeg": "JPEG",
    "image/webp": "WebP",
    "application/pdf": "PDF",
}

KOPPELING_TYPE = {
    "API": "api",
    "WEBSERVICE": "webservice",
    "DIGIKOPPELING": "digikoppeling",
    "BESTANDSOVERDRACHT": "bestandsoverdracht",
    "MESSAGE_QUEUE": "message queue",
    "UPLOAD_NAAR_PORTAAL": "upload naar portaal",
}

# Which way the data goes, seen from the koppeling's VAN end.
KOPPELING_RICHTING = {"HEEN": "heen", "TERUG": "terug", "BEIDE": "heen en terug"}

KOPPELING_STATUS = {
    "IN_ONTWIKKELING": "in ontwikkeling",
    "IN_GEBRUIK": "in gebruik",
    "EINDE_ONDERSTEUNING": "einde ondersteuning",
    "TERUGGETROKKEN": "teruggetrokken",
}

# The twelve provinces, as the gemeenten list names them (CBS).
PROVINCIES = (
    "Drenthe",
    "Flevoland",
    "Friesland",
    "Gelderland",
    "Groningen",
    "Limburg",
    "Noord-Brabant",
    "Noord-Holland",
    "Overijssel",
    "Utrecht",
    "Zeeland",
    "Zuid-Holland",
)

# Size classes of a gemeente: label, lower bound (inclusive), upper bound (exclusive). The one
# place they are written: the GraphQL enum, the generator and the benchmark and search queries
# (as `$grenzen`, the upper bounds in order) all read them from here.
GROOTTEKLASSEN: dict[str, tuple[str, int | None, int | None]] = {
    "KLEIN": ("minder dan 20.000 inwoners", None, 20_000),
    "MIDDEL": ("20.000 tot 50.000 inwoners", 20_000, 50_000),
    "GROOT": ("50.000 tot 100.000 inwoners", 50_000, 100_000),
    "ZEER_GROOT": ("100.000 inwoners of meer", 100_000, None),
}
GROOTTEKLASSE_GRENZEN = [high for _, _, high in GROOTTEKLASSEN.values() if high is not None]


def grootteklasse(inwoners: int) -> str:
    """The size class of a gemeente of this many inhabitants."""
    for code, (_, low, high) in GROOTTEKLASSEN.items():
        if (low is None or inwoners >= low) and (high is None or inwoners < high):
            return code
    raise ValueError(inwoners)
