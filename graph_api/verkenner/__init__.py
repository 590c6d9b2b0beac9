"""The verkenner: a landscape explorer page, served by the API at /verkenner.

The page draws an organisation's landscape as a graph (Cytoscape.js with the fCoSE layout) and
answers questions by clicking: details, dependencies, the shortest path, what a replacement
breaks. It only talks to /graphql, with the token of whoever uses it, so it shows exactly what
that person may see. Its scripts are its own (static/) and the npm packages of BUNDLE, installed
by `graph-api install-assets` like GraphiQL's; nothing comes from a CDN and nothing is inline, so
the API's content security policy holds for it too.
"""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from graph_api.identiteit import Identiteit
from graph_api.npm import Bundle, NpmPackage
from graph_api.settings import Settings
from graph_api.settings.identity import IdentitySettings
from graph_api.verkenner import rapport

STATIC = Path(__file__).with_name("static")

BUNDLE = Bundle(
    "verkenner",
    (
        NpmPackage(
            "cytoscape",
            "3.35.0",
            "sha512-sMvBIXiGMnhkCaWz2R06FwF/27MNlS+Tqvi17foO9UhnUg3XGZccKjxsvEqQFAQYMSSZmN5SxYzUYlQ0DOJJ3g==",
            {"package/dist/cytoscape.min.js": "cytoscape.min.js"},
        ),
        # fCoSE lays out compound nodes (the referentiecomponenten) fast; it needs cose-base,
        # which needs layout-base, each as the global its UMD build looks for.
        NpmPackage(
            "layout-base",
            "2.0.1",
            "sha512-dp3s92+uNI1hWIpPGH3jK2kxE2lMjdXdr+DH8ynZHpd6PUlH6x6cbuXnoMmiNumznqaNO31xu9e79F0uuZ0JFg==",
            {"package/layout-base.js": "layout-base.js"},
        ),
        NpmPackage(
            "cose-base",
            "2.2.0",
            "sha512-AzlgcsCbUMymkADOJtQm3wO9S3ltPfYOFD5033keQn9NJzIbtnZj+UdBJe7DYml/8TdbtHJW3j58SOnKhWY/5g==",
            {"package/cose-base.js": "cose-base.js"},
        ),
        NpmPackage(
            "cytoscape-fcose",
            "2.2.0",
            "sha512-ki1/VuRIHFCzxWNrsshHYPs6L7TvLu3DL+TyIGEsRcvVERmxokbf5Gdk7mFxZnTdiGtnA4cfSmjZJMviqSuZrQ==",
            {"package/cytoscape-fcose.js": "cytoscape-fcose.js"},
        ),
        # The comparison's chart.
        NpmPackage(
            "chart.js",
            "4.6.1",
            "sha512-hJyniucsFmq//EvXYvJ6c6mahPoI3kaxdjVH8awTaJ/fDNWeSqqqArixMJWkWNN6fcYvPU3HneSANFNYtRi61g==",
            {"package/dist/chart.umd.min.js": "chart.umd.min.js"},
        ),
        NpmPackage(
            "cytoscape-svg",
            "0.4.0",
            "sha512-omqIzfPd1Vy9mk6lHTiR2wTbjxELxb9GXSQ2pE6W+GwAe/6/yvOUQ2h5ApFf2QhCBnpMwLkCTq5DZXxBCgUpDw==",
            {"package/cytoscape-svg.js": "cytoscape-svg.js"},
        ),
    ),
    "GRAPH_API_VERKENNER_DIR",
)
# In the order the page loads them: each one's globals are there before the next needs them.
SCRIPTS = (
    "cytoscape.min.js",
    "layout-base.js",
    "cose-base.js",
    "cytoscape-fcose.js",
    "cytoscape-svg.js",
    "chart.umd.min.js",
)


def page(identity: IdentitySettings, endpoint: str = "/graphql") -> str:
    """The page: its texts, controls and where its scripts are; everything else is verkenner.js.
    With an issuer configured it carries the issuer and the client id, to sign in with PKCE."""
    if not BUNDLE.is_installed():
        return _MISSING.format(dir=html.escape(str(BUNDLE.directory())))
    scripts = "\n".join(f'  <script src="/verkenner/assets/{name}"></script>' for name in SCRIPTS)
    oidc = ""
    if identity.issuer is not None:
        oidc = (
            f' data-issuer="{html.escape(identity.issuer, quote=True)}"'
            f' data-client-id="{html.escape(identity.client_id, quote=True)}"'
        )
    return _PAGE.format(endpoint=html.escape(endpoint, quote=True), oidc=oidc, scripts=scripts)


def routes(settings: Settings, authenticate: Callable[[Request], Awaitable[Identiteit]]) -> list[BaseRoute]:
    """The page, its files, and the report it opens (graph_api/verkenner/rapport.py)."""

    async def serve_page(request: Request) -> HTMLResponse:
        return HTMLResponse(page(settings.identity))

    return [
        Route("/verkenner", serve_page, methods=["GET"]),
        *rapport.routes(settings, authenticate),
        Mount("/verkenner/static", StaticFiles(directory=STATIC), name="verkenner-static"),
        Mount("/verkenner/assets", StaticFiles(directory=BUNDLE.directory(), check_dir=False)),
    ]


_PAGE = """<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <title>graph_api · Verkenner</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <!-- The id is the one Cytoscape.js looks for before it adds a style element of its own, which the
       content security policy would refuse; verkenner.css holds that rule. -->
  <link rel="stylesheet" id="__________cytoscape_stylesheet" href="/verkenner/static/verkenner.css">
</head>
<body data-endpoint="{endpoint}"{oidc}>
  <header>
    <h1>Verkenner <span>het applicatielandschap als graaf</span></h1>
    <nav aria-label="Weergaven">
      <a href="#" id="naar-landschap">Landschap</a>
      <a href="#weergave=analyse" id="naar-analyse">Analyse (VNG)</a>
    </nav>
    <form id="aanmelden" class="aanmelden">
      <label for="token">Token</label>
      <input id="token" name="token" type="password" autocomplete="off"
             placeholder="graph-api dev-token …" aria-describedby="wie">
      <button type="submit" id="aanmelden-knop">Aanmelden</button>
      <button type="button" id="afmelden" hidden>Afmelden</button>
      <button type="button" id="oidc" hidden>Aanmelden bij uw organisatie</button>
      <span id="wie" class="wie">Niet aangemeld: u ziet de catalogus, geen landschappen.</span>
    </form>
  </header>
  <main>
    <section class="kiezen" aria-labelledby="kiezen-kop">
      <h2 id="kiezen-kop">Organisatie</h2>
      <form id="zoeken" role="search">
        <label for="zoekterm">Zoek op naam</label>
        <input id="zoekterm" name="zoekterm" type="search" autocomplete="off"
               placeholder="bijvoorbeeld Amsterdam">
        <button type="submit">Zoeken</button>
      </form>
      <ul id="gevonden" class="gevonden" aria-label="Gevonden organisaties"></ul>
      <label for="diepte">Diepte van afhankelijkheden</label>
      <select id="diepte" name="diepte">
        <option value="1">1 koppeling</option>
        <option value="2">2 koppelingen</option>
        <option value="3" selected>3 koppelingen</option>
        <option value="4">4 koppelingen</option>
        <option value="5">5 koppelingen</option>
        <option value="6">6 koppelingen</option>
      </select>
      <label for="opmaak">Opmaak van de graaf</label>
      <select id="opmaak" name="opmaak">
        <option value="kaart" selected>Kaart per referentiecomponent</option>
        <option value="krachten">Gekoppelde applicaties bij elkaar</option>
      </select>
      <h2>Legenda</h2>
      <ul class="legenda">
        <li><span class="kleur VERWERVING"></span>Verwerving</li>
        <li><span class="kleur GEPLAND"></span>Gepland</li>
        <li><span class="kleur IN_PRODUCTIE"></span>In productie</li>
        <li><span class="kleur UIT_TE_FASEREN"></span>Uit te faseren</li>
        <li><span class="kleur UITGEFASEERD"></span>Uitgefaseerd</li>
        <li><span class="kleur voorziening"></span>Landelijke voorziening</li>
      </ul>
    </section>
    <section id="graaf-sectie" class="graaf" aria-labelledby="graaf-kop">
      <h2 id="graaf-kop">Landschap <span id="organisatie-naam"></span></h2>
      <p id="melding" class="melding" role="status" aria-live="polite">Kies een organisatie.</p>
      <div id="graaf" role="img"
           aria-label="Het landschap als graaf; dezelfde gegevens staan in de tabel eronder"></div>
      <div class="knoppen">
        <button type="button" id="png" disabled>Download PNG</button>
        <button type="button" id="svg" disabled>Download SVG</button>
        <button type="button" id="excel" disabled>Gegevens (Excel)</button>
        <button type="button" id="rapport" disabled>Rapport voor het management</button>
      </div>
      <details id="tabel-blok">
        <summary>Het landschap als tabel</summary>
        <table id="tabel">
          <caption>Applicaties in gebruik, per referentiecomponent</caption>
          <thead><tr><th scope="col">Applicatie</th><th scope="col">Referentiecomponent</th>
            <th scope="col">Status</th><th scope="col">Koppelingen</th></tr></thead>
          <tbody></tbody>
        </table>
      </details>
    </section>
    <aside id="selectie-sectie" class="details" aria-labelledby="details-kop">
      <h2 id="details-kop">Selectie</h2>
      <div id="details"><p>Klik op een applicatie in de graaf of de tabel.</p></div>
      <div id="acties" class="acties" hidden>
        <button type="button" id="afhankelijkheden">Afhankelijkheden tonen</button>
        <button type="button" id="vervangen">Wat als we dit vervangen?</button>
        <label for="pad-naar">Kortste pad naar</label>
        <select id="pad-naar"></select>
        <button type="button" id="pad">Pad tonen</button>
      </div>
      <div id="uitkomst" aria-live="polite"></div>
    </aside>
    <section id="vergelijken" class="vergelijken" aria-labelledby="vergelijken-kop" hidden>
      <h2 id="vergelijken-kop">Vergelijken met een buurgemeente of een vergelijkbare gemeente</h2>
      <form id="vergelijk-form" class="vergelijk-form">
        <label for="vergelijk-met">Vergelijk met</label>
        <select id="vergelijk-met" name="vergelijk-met"></select>
        <button type="submit">Vergelijken</button>
      </form>
      <p id="vergelijking-melding" role="status" aria-live="polite"></p>
      <div class="vergelijking">
        <div class="grafiek-vak">
          <canvas id="vergelijking-grafiek" role="img"
                  aria-label="Gedeelde en eigen applicaties per component, als in de tabel"></canvas>
        </div>
        <table id="vergelijking-tabel">
          <caption>Applicaties per referentiecomponent (niet uitgefaseerd)</caption>
          <thead><tr><th scope="col">Referentiecomponent</th><th scope="col">Gedeeld</th>
            <th scope="col">Alleen hier</th><th scope="col">Alleen daar</th></tr></thead>
          <tbody></tbody>
        </table>
      </div>
      <h3>Aanbevelingen: wat vergelijkbare gemeenten gebruiken en deze niet</h3>
      <ol id="aanbevelingen" class="aanbevelingen"></ol>
    </section>
    <section id="leverancier" class="breed" aria-labelledby="leverancier-kop" hidden>
      <h2 id="leverancier-kop">Aanbod van <span id="leverancier-naam"></span> en waar het in gebruik is</h2>
      <p id="leverancier-melding" role="status" aria-live="polite"></p>
      <div class="naast">
        <div class="grafiek-vak">
          <canvas id="leverancier-grafiek" role="img"
                  aria-label="Organisaties per applicatie, als in de tabel"></canvas>
        </div>
        <table id="leverancier-tabel">
          <caption>Applicaties en de organisaties die ze gebruiken</caption>
          <thead><tr><th scope="col">Applicatie</th><th scope="col">Organisaties</th></tr></thead>
          <tbody></tbody>
        </table>
      </div>
      <table id="marktaandelen">
        <caption>Marktaandeel per referentiecomponent (onder de groepsdrempel verborgen)</caption>
        <thead><tr><th scope="col">Referentiecomponent</th><th scope="col">Gemeenten</th>
          <th scope="col">Klanten</th><th scope="col">Aandeel</th></tr></thead>
        <tbody></tbody>
      </table>
    </section>
    <section id="analyse" class="breed" aria-labelledby="analyse-kop" hidden>
      <h2 id="analyse-kop">Analyse: adoptie en marktconcentratie per referentiecomponent</h2>
      <form id="analyse-form" class="vergelijk-form">
        <label for="analyse-component">Referentiecomponent</label>
        <select id="analyse-component" name="component"></select>
        <label for="analyse-per">Per</label>
        <select id="analyse-per" name="per">
          <option value="APPLICATIE">applicatie</option>
          <option value="LEVERANCIER">leverancier</option>
        </select>
        <label for="analyse-splitsing">Verdeeld naar</label>
        <select id="analyse-splitsing" name="splitsing">
          <option value="PROVINCIE">provincie</option>
          <option value="GROOTTEKLASSE">grootteklasse</option>
          <option value="GEEN">heel Nederland</option>
        </select>
        <button type="submit">Tonen</button>
      </form>
      <p id="analyse-melding" role="status" aria-live="polite"></p>
      <p id="concentratie"></p>
      <div class="naast">
        <div class="grafiek-vak">
          <canvas id="analyse-grafiek" role="img" aria-label="Aandelen per groep, als in de tabel"></canvas>
        </div>
        <table id="analyse-tabel">
          <caption>Adoptie per groep</caption>
          <thead><tr><th scope="col">Groep</th><th scope="col">Gemeenten</th>
            <th scope="col">Met de component</th><th scope="col">Aandelen</th>
            <th scope="col">Verborgen</th></tr></thead>
          <tbody></tbody>
        </table>
      </div>
    </section>
  </main>
{scripts}
  <script src="/verkenner/static/verkenner.js"></script>
</body>
</html>
"""

_MISSING = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>graph_api · Verkenner</title></head>
<body><h1>De verkenner is niet geïnstalleerd</h1>
<p>Zijn bestanden ontbreken in <code>{dir}</code>. Voer <code>graph-api install-assets</code> uit
(<code>make run</code> doet dat) en laad de pagina opnieuw.</p>
</body></html>
"""
