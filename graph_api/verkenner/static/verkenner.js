// The verkenner: an organisation's landscape as a graph, and questions answered by clicking.
// Everything it shows comes from /graphql with the signed-in person's token; the role matrix is
// the API's, never the page's. The view (organisation, selection, depth) lives in the address's
// fragment, so a link shows the same view to whoever may see it, and the fragment never reaches
// a server's logs.
(function () {
  "use strict";

  var ENDPOINT = document.body.dataset.endpoint || "/graphql";
  var TOKEN_KEY = "graph-api-verkenner-token";
  var PAGE_SIZE = 500; // landschapsgraaf's largest page
  var STATUS_LABEL = {
    VERWERVING: "Verwerving",
    GEPLAND: "Gepland",
    IN_PRODUCTIE: "In productie",
    UIT_TE_FASEREN: "Uit te faseren",
    UITGEFASEERD: "Uitgefaseerd",
  };
  var VOORZIENINGEN = "groep:voorzieningen";

  // cytoscape-fcose and cytoscape-svg register themselves with the global cytoscape on loading.

  var $ = function (id) { return document.getElementById(id); };
  var state = { organisatie: null, naam: "", selectie: null, diepte: 3, opmaak: "kaart", vergelijk: null, weergave: "", component: null, per: "APPLICATIE", splitsing: "PROVINCIE" };
  var cy = null;
  var kaartPosities = {}; // node id -> position on the map, for switching back to it
  var gebruikNamen = {}; // id -> label, for the table and the path's choice

  // --- GraphQL -------------------------------------------------------------------------------

  function token() { return sessionStorage.getItem(TOKEN_KEY) || ""; }

  // The whole answer: its data, and in extensions.beperkingen what the role matrix left out.
  function antwoord(query, variables) {
    var headers = { "content-type": "application/json", accept: "application/json" };
    if (token()) headers.authorization = "Bearer " + token();
    return fetch(ENDPOINT, { method: "POST", headers: headers, body: JSON.stringify({ query: query, variables: variables || {} }) })
      .then(function (response) {
        return response.json().catch(function () { return { errors: [{ message: "HTTP " + response.status }] }; });
      })
      .then(function (body) {
        if (body.errors && body.errors.length) {
          var error = new Error(body.errors[0].message);
          error.code = (body.errors[0].extensions || {}).code;
          throw error;
        }
        return body;
      });
  }

  function vraag(query, variables) {
    return antwoord(query, variables).then(function (body) { return body.data; });
  }

  function foutmelding(error) {
    var uitleg = {
      UNAUTHENTICATED: "Meld u aan om landschappen te zien.",
      INVALID_TOKEN: "Dit token is ongeldig of verlopen; meld u opnieuw aan.",
      FORBIDDEN: "Uw rol mag dit landschap niet zien.",
      NOT_FOUND: "Niet gevonden.",
      RATE_LIMITED: "Te veel verzoeken; probeer het zo opnieuw.",
      ENGINE_UNAVAILABLE: "De graafdatabase is even niet bereikbaar; probeer het zo opnieuw.",
    };
    return uitleg[error.code] || "Er ging iets mis: " + error.message;
  }

  function melding(tekst) { $("melding").textContent = tekst; }

  // --- The address holds the view --------------------------------------------------------------

  function leesAdres() {
    var params = new URLSearchParams(location.hash.slice(1));
    state.organisatie = params.get("organisatie");
    state.naam = params.get("naam") || "";
    state.selectie = params.get("selectie");
    state.vergelijk = params.get("vergelijk");
    state.weergave = params.get("weergave") || "";
    state.component = params.get("component");
    state.per = params.get("per") === "LEVERANCIER" ? "LEVERANCIER" : "APPLICATIE";
    state.splitsing = ["PROVINCIE", "GROOTTEKLASSE", "GEEN"].indexOf(params.get("splitsing")) >= 0 ? params.get("splitsing") : "PROVINCIE";
    var diepte = parseInt(params.get("diepte") || "3", 10);
    state.diepte = diepte >= 1 && diepte <= 6 ? diepte : 3;
    $("diepte").value = String(state.diepte);
    state.opmaak = params.get("opmaak") === "krachten" ? "krachten" : "kaart";
    $("opmaak").value = state.opmaak;
  }

  function schrijfAdres() {
    var params = new URLSearchParams();
    if (state.organisatie) params.set("organisatie", state.organisatie);
    if (state.naam) params.set("naam", state.naam);
    if (state.selectie) params.set("selectie", state.selectie);
    params.set("diepte", String(state.diepte));
    if (state.opmaak !== "kaart") params.set("opmaak", state.opmaak);
    if (state.vergelijk) params.set("vergelijk", state.vergelijk);
    if (state.weergave) {
      params.set("weergave", state.weergave);
      if (state.component) params.set("component", state.component);
      params.set("per", state.per);
      params.set("splitsing", state.splitsing);
    }
    history.replaceState(null, "", "#" + params.toString());
  }

  // --- Signing in ------------------------------------------------------------------------------

  var WIE = "{ ik { anoniem naam lidmaatschappen { rollen organisatie { naam } } } }";

  function toonAanmelding() {
    var aangemeld = !!token();
    $("afmelden").hidden = !aangemeld;
    $("oidc").hidden = !ISSUER || aangemeld;
    $("token").value = "";
    if (!aangemeld) {
      $("wie").textContent = aanmeldFout || "Niet aangemeld: u ziet de catalogus, geen landschappen.";
      return Promise.resolve();
    }
    return vraag(WIE).then(function (data) {
      var ik = data.ik;
      var waar = ik.lidmaatschappen.map(function (l) {
        return (l.organisatie ? l.organisatie.naam : "?") + " (" + l.rollen.join(", ").toLowerCase().replace(/_/g, "-") + ")";
      });
      $("wie").textContent = "Aangemeld" + (ik.naam ? " als " + ik.naam : "") + (waar.length ? ": " + waar.join("; ") : "") + ".";
    }, function (error) {
      $("wie").textContent = foutmelding(error);
    });
  }

  $("aanmelden").addEventListener("submit", function (event) {
    event.preventDefault();
    var waarde = $("token").value.trim().replace(/^Bearer\s+/i, "");
    if (!waarde) return;
    sessionStorage.setItem(TOKEN_KEY, waarde);
    toonAanmelding().then(herlaad);
  });

  $("afmelden").addEventListener("click", function () {
    sessionStorage.removeItem(TOKEN_KEY);
    toonAanmelding().then(herlaad);
  });

  // --- Signing in at the organisation's identity provider: authorization code with PKCE ----------
  // A public client (no secret): the code is worth nothing without the verifier that stayed in
  // this tab. The view travels in sessionStorage across the round trip, and code and state
  // leave the address as soon as they are read.

  var ISSUER = document.body.dataset.issuer || "";
  var CLIENT_ID = document.body.dataset.clientId || "";
  var PKCE_KEY = "graph-api-verkenner-pkce";
  var aanmeldFout = null; // why the last sign-in failed, shown until the next one

  function base64url(bytes) {
    return btoa(String.fromCharCode.apply(null, new Uint8Array(bytes))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function willekeurig(aantal) {
    var bytes = new Uint8Array(aantal);
    crypto.getRandomValues(bytes);
    return base64url(bytes);
  }

  function redirectUri() { return location.origin + location.pathname; }

  function ontdek() {
    return fetch(ISSUER.replace(/\/$/, "") + "/.well-known/openid-configuration").then(function (response) {
      if (!response.ok) throw new Error("de identiteitsprovider antwoordt " + response.status);
      return response.json();
    });
  }

  function aanmeldenBijIssuer() {
    var verifier = willekeurig(32), staat = willekeurig(16);
    return Promise.all([ontdek(), crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))]).then(function (beide) {
      var config = beide[0];
      sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier: verifier, staat: staat, terug: location.hash, tokenEndpoint: config.token_endpoint }));
      var params = new URLSearchParams({
        response_type: "code", client_id: CLIENT_ID, redirect_uri: redirectUri(), scope: "openid",
        state: staat, code_challenge: base64url(beide[1]), code_challenge_method: "S256",
      });
      location.assign(config.authorization_endpoint + "?" + params.toString());
    }).catch(function (error) { $("wie").textContent = "Aanmelden lukt niet: " + error.message; });
  }

  function terugVanIssuer() {
    var params = new URLSearchParams(location.search);
    if (!params.has("code") && !params.has("error")) return Promise.resolve();
    var bewaard = JSON.parse(sessionStorage.getItem(PKCE_KEY) || "null");
    sessionStorage.removeItem(PKCE_KEY);
    history.replaceState(null, "", location.pathname + (bewaard ? bewaard.terug : ""));
    function mislukt(reden) { aanmeldFout = $("wie").textContent = "Aanmelden mislukt: " + reden; }
    if (params.has("error")) { mislukt(params.get("error_description") || params.get("error")); return Promise.resolve(); }
    if (!bewaard || params.get("state") !== bewaard.staat) { mislukt("dit antwoord hoort niet bij een aanmelding uit dit venster."); return Promise.resolve(); }
    var body = new URLSearchParams({
      grant_type: "authorization_code", code: params.get("code"), redirect_uri: redirectUri(),
      client_id: CLIENT_ID, code_verifier: bewaard.verifier,
    });
    return fetch(bewaard.tokenEndpoint, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: body })
      .then(function (response) { return response.json().then(function (antwoord) { return { ok: response.ok, antwoord: antwoord }; }); })
      .then(function (uitkomst) {
        if (!uitkomst.ok || !uitkomst.antwoord.access_token) {
          mislukt(uitkomst.antwoord.error_description || uitkomst.antwoord.error || "geen token");
          return;
        }
        aanmeldFout = null;
        sessionStorage.setItem(TOKEN_KEY, uitkomst.antwoord.access_token);
      }, function (error) { mislukt(error.message); });
  }

  if (ISSUER) {
    $("oidc").hidden = false;
    $("oidc").addEventListener("click", aanmeldenBijIssuer);
  }

  // --- Choosing an organisation ----------------------------------------------------------------

  var ZOEK = "query($tekst: String!) { organisaties(first: 10, filter: {tekst: $tekst}) {" +
    " nodes { id naam __typename ... on Gemeente { cbsCode } } } }";

  $("zoeken").addEventListener("submit", function (event) {
    event.preventDefault();
    var tekst = $("zoekterm").value.trim();
    if (!tekst) return;
    vraag(ZOEK, { tekst: tekst }).then(function (data) {
      var lijst = $("gevonden");
      lijst.replaceChildren();
      data.organisaties.nodes.forEach(function (org) {
        var knop = document.createElement("button");
        knop.type = "button";
        knop.textContent = org.naam + (org.cbsCode ? " (" + org.cbsCode + ")" : "");
        knop.dataset.organisatie = org.id;
        knop.addEventListener("click", function () { kies(org.id, org.naam); });
        var item = document.createElement("li");
        item.appendChild(knop);
        lijst.appendChild(item);
      });
      if (!data.organisaties.nodes.length) melding("Geen organisatie gevonden voor “" + tekst + "”.");
      else lijst.querySelector("button").focus();
    }, function (error) { melding(foutmelding(error)); });
  });

  $("diepte").addEventListener("change", function () {
    state.diepte = parseInt($("diepte").value, 10);
    schrijfAdres();
    if (state.selectie) toonAfhankelijkheden();
  });

  $("opmaak").addEventListener("change", function () {
    state.opmaak = $("opmaak").value;
    schrijfAdres();
    if (cy) maakOp(performance.now(), false);
  });

  function kies(id, naam) {
    state.organisatie = id;
    state.naam = naam;
    state.selectie = null;
    state.vergelijk = null;
    state.weergave = "";
    schrijfAdres();
    herlaad();
  }

  // --- The landscape as a graph ------------------------------------------------------------------

  // The graph and what colours and groups it come in two paged queries side by side: asking
  // landschapsgraaf for each node's object resolves them one by one, where the organisation's
  // gebruik list reads status and referentiecomponenten in one statement (about 5x faster for
  // Amsterdam's 600).
  var GRAAF = "query($organisatie: ID!, $first: Int!, $after: String) {" +
    " landschapsgraaf(organisatie: $organisatie, first: $first, after: $after) {" +
    "  totalCount pageInfo { hasNextPage endCursor }" +
    "  nodes { id type label } edges { id source target type label koppeling { standaardversies { naam } } } } }";
  var GEBRUIK = "query($organisatie: ID!, $first: Int!, $after: String) { node(id: $organisatie) { ... on Organisatie {" +
    " gebruik(first: $first, after: $after) { pageInfo { hasNextPage endCursor }" +
    "  nodes { id status referentiecomponenten { id naam } } } } } }";

  var ladingen = 0; // landscape loads started

  function allePaginas(query, organisatie, lees) {
    function pagina(after) {
      return antwoord(query, { organisatie: organisatie, first: PAGE_SIZE, after: after }).then(function (body) {
        var pageInfo = lees(body.data, (body.extensions || {}).beperkingen || []);
        return pageInfo.hasNextPage ? pagina(pageInfo.endCursor) : null;
      });
    }
    return pagina(null);
  }

  function laadLandschap() {
    var gekozen = performance.now();
    document.body.removeAttribute("data-getekend-ms");
    $("organisatie-naam").textContent = state.naam ? "van " + state.naam : "";
    melding("Landschap laden…");
    var nodes = {}, edges = {}, gebruik = {}, totaal = 0, beperkingen = [];
    var organisatie = state.organisatie;
    // Only the last load draws: signing in reloads the organisation of the address, and a choice
    // may come while that load is on its way.
    var deze = ++ladingen;
    document.body.dataset.laden = "ja";
    var graaf = allePaginas(GRAAF, organisatie, function (data, beperkt) {
      beperkingen = beperkingen.concat(beperkt);
      var pagina = data.landschapsgraaf;
      totaal = pagina.totalCount;
      pagina.nodes.forEach(function (n) { nodes[n.id] = n; });
      pagina.edges.forEach(function (e) { edges[e.id] = e; });
      return pagina.pageInfo;
    });
    var kenmerken = allePaginas(GEBRUIK, organisatie, function (data) {
      var lijst = data.node.gebruik;
      lijst.nodes.forEach(function (g) { gebruik[g.id] = g; });
      return lijst.pageInfo;
    });
    return Promise.all([graaf, kenmerken]).then(function () {
      if (deze !== ladingen) return; // another load came meanwhile
      delete document.body.dataset.laden;
      document.body.dataset.geladenMs = String(Math.round(performance.now() - gekozen));
      Object.values(nodes).forEach(function (n) { n.object = gebruik[n.id] || null; });
      if (!totaal) {
        leeg();
        document.body.dataset.getekendMs = String(Math.round(performance.now() - gekozen));
        // The API says why a landscape stays empty for this person (extensions.beperkingen).
        melding(beperkingen.length ? "U ziet dit landschap niet. " + (token() ? "Uw rol mag het niet zien." : "Meld u aan met een rol die het mag zien.") +
          " (" + beperkingen[0].reden + ")" : "Dit landschap heeft nog geen applicaties.");
        return;
      }
      teken(Object.values(nodes), Object.values(edges), totaal, gekozen);
    }, function (error) {
      if (deze !== ladingen) return;
      delete document.body.dataset.laden;
      leeg();
      melding(foutmelding(error));
    });
  }

  function leeg() {
    // What the tests and the bench wait for belongs to the graph drawn: gone with it.
    ["afhankelijk", "geraakt", "vergeleken"].forEach(function (naam) { delete document.body.dataset[naam]; });
    $("vergelijken").hidden = true;
    $("vergelijking-tabel").tBodies[0].replaceChildren();
    if (grafiek) grafiek.destroy();
    grafiek = null;
    if (cy) cy.destroy();
    cy = null;
    gebruikNamen = {};
    $("tabel").tBodies[0].replaceChildren();
    $("png").disabled = $("svg").disabled = $("excel").disabled = $("rapport").disabled = true;
    toonSelectie(null);
  }

  function groepVan(node) {
    if (node.type !== "Gebruik") return VOORZIENINGEN;
    var componenten = (node.object && node.object.referentiecomponenten) || [];
    if (!componenten.length) return "groep:geen";
    var eerste = componenten.slice().sort(function (a, b) { return a.naam.localeCompare(b.naam, "nl"); })[0];
    return "groep:" + eerste.id;
  }

  function teken(nodes, edges, totaal, gekozen) {
    leeg();
    var groepen = {}, elementen = [];
    nodes.forEach(function (n) {
      var groep = groepVan(n);
      if (!groepen[groep]) {
        var naam = groep === VOORZIENINGEN ? "Landelijke voorzieningen" : groep === "groep:geen" ? "Zonder referentiecomponent" :
          n.object.referentiecomponenten.slice().sort(function (a, b) { return a.naam.localeCompare(b.naam, "nl"); })[0].naam;
        groepen[groep] = { id: groep, naam: naam, leden: [] };
      }
      groepen[groep].leden.push(n);
      if (n.type === "Gebruik") gebruikNamen[n.id] = n.label;
    });
    kaartPosities = kaart(Object.values(groepen));
    Object.values(groepen).forEach(function (groep) {
      elementen.push({ group: "nodes", data: { id: groep.id, label: groep.naam, soort: "groep" }, classes: groep.id === VOORZIENINGEN ? "groep voorzieningen" : "groep" });
      groep.leden.forEach(function (n) {
        var status = n.object && n.object.status;
        elementen.push({
          group: "nodes",
          data: { id: n.id, label: n.label, soort: n.type, status: status || "", parent: groep.id },
          position: Object.assign({}, kaartPosities[n.id]),
          classes: n.type === "Gebruik" ? "gebruik " + status : "voorziening",
        });
      });
    });
    edges.forEach(function (e) {
      var standaarden = ((e.koppeling && e.koppeling.standaardversies) || []).map(function (s) { return s.naam; });
      elementen.push({
        group: "edges",
        data: { id: e.id, source: e.source, target: e.target, label: e.type + (standaarden.length ? " · " + standaarden.join(", ") : ""), type: e.type },
      });
    });
    var bouwen = performance.now();
    cy = cytoscape({
      container: $("graaf"),
      elements: elementen,
      layout: { name: "preset", fit: false },
      style: STIJL,
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
    });
    window.verkenner.cy = cy;
    cy.on("tap", "node.gebruik, node.voorziening", function (event) { selecteer(event.target.id()); });
    cy.on("tap", function (event) { if (event.target === cy) selecteer(null); });
    document.body.dataset.gebouwdMs = String(Math.round(performance.now() - bouwen));
    maakOp(gekozen, true, function (ms) {
      var gebruik = cy.nodes(".gebruik").length;
      melding(gebruik + " van " + totaal + " applicaties in gebruik, " + cy.edges().length + " koppelingen; getekend in " + ms + " ms.");
      $("png").disabled = $("svg").disabled = $("excel").disabled = $("rapport").disabled = false;
      vulTabel();
      vulPadKeuze();
      laadVergelijken();
      if (state.selectie && cy.getElementById(state.selectie).nonempty()) selecteer(state.selectie);
    });
  }

  // Lays the graph out as state.opmaak says; `klaar` gets the milliseconds since `sinds`. A graph
  // just built stands on the map already (its elements' positions): it is only fitted.
  function maakOp(sinds, nieuw, klaar) {
    var opmaken = performance.now();
    delete document.body.dataset.opgemaakt;
    // Measured to the frame drawn after the layout: Cytoscape.js draws in the next animation frame.
    function opgemaakt() {
      requestAnimationFrame(function () {
        requestAnimationFrame(function () {
          var ms = Math.round(performance.now() - sinds);
          document.body.dataset.opmaakMs = String(Math.round(performance.now() - opmaken));
          document.body.dataset.getekendMs = String(ms);
          document.body.dataset.opgemaakt = state.opmaak;
          if (klaar) klaar(ms);
        });
      });
    }
    if (state.opmaak === "kaart" && nieuw) {
      // Fitted by the map's own extent: asking Cytoscape.js to fit measures every label first.
      cy.viewport(beeld(kaartPosities));
      opgemaakt();
      return;
    }
    var layout = cy.layout(state.opmaak === "krachten" ? KRACHTEN : {
      name: "preset", fit: true, padding: 24, animate: false,
      positions: function (node) { return kaartPosities[node.id()]; },
    });
    layout.one("layoutstop", opgemaakt);
    layout.run();
  }

  // The zoom and pan that show the whole map, as cy.fit would.
  function beeld(posities) {
    var x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
    Object.values(posities).forEach(function (p) {
      x1 = Math.min(x1, p.x); x2 = Math.max(x2, p.x); y1 = Math.min(y1, p.y); y2 = Math.max(y2, p.y);
    });
    x1 -= CEL.breedte / 2; x2 += CEL.breedte / 2; y1 -= CEL.hoogte / 2 + KOP; y2 += CEL.hoogte / 2;
    var rand = 24, breedte = cy.width() - 2 * rand, hoogte = cy.height() - 2 * rand;
    var zoom = Math.min(Math.max(Math.min(breedte / (x2 - x1), hoogte / (y2 - y1)), cy.minZoom()), cy.maxZoom());
    return { zoom: zoom, pan: { x: rand + (breedte - (x2 - x1) * zoom) / 2 - x1 * zoom, y: rand + (hoogte - (y2 - y1) * zoom) / 2 - y1 * zoom } };
  }

  // The landscape as a map, as GEMMA's landscape maps are drawn: a tile per referentiecomponent
  // with its applications in a grid by name, the tiles in rows by name, the national facilities
  // in a column at the right edge. Computed in one pass: for Amsterdam's 600 applications fCoSE
  // took most of the two seconds to a drawn graph, and the tiles read better than a cloud.
  var CEL = { breedte: 104, hoogte: 38 }, MARGE = 30, KOP = 18;

  function kaart(groepen) {
    var posities = {}, naam = function (a, b) { return a.naam.localeCompare(b.naam, "nl"); };
    var volgorde = function (a, b) { return a.label.localeCompare(b.label, "nl"); };
    function tegel(groep, kolommen) {
      kolommen = kolommen || Math.max(1, Math.ceil(Math.sqrt(groep.leden.length * 1.6)));
      return { groep: groep, kolommen: kolommen, breedte: kolommen * CEL.breedte,
        hoogte: Math.ceil(groep.leden.length / kolommen) * CEL.hoogte + KOP };
    }
    function plaats(t, x, y) {
      t.groep.leden.slice().sort(volgorde).forEach(function (n, i) {
        posities[n.id] = { x: x + (i % t.kolommen + 0.5) * CEL.breedte, y: y + KOP + (Math.floor(i / t.kolommen) + 0.5) * CEL.hoogte };
      });
    }
    var componenten = groepen.filter(function (g) { return g.id !== VOORZIENINGEN; }).sort(function (a, b) {
      return (a.id === "groep:geen") - (b.id === "groep:geen") || naam(a, b);
    }).map(function (g) { return tegel(g); });
    var oppervlak = componenten.reduce(function (som, t) { return som + (t.breedte + MARGE) * (t.hoogte + MARGE); }, 0);
    var breedste = componenten.reduce(function (max, t) { return Math.max(max, t.breedte); }, 0);
    var rijBreedte = Math.max(breedste, Math.sqrt(oppervlak * 1.6)); // about the graph's own proportions
    var x = 0, y = 0, rijHoogte = 0;
    componenten.forEach(function (t) {
      if (x > 0 && x + t.breedte > rijBreedte) { x = 0; y += rijHoogte + MARGE; rijHoogte = 0; }
      plaats(t, x, y);
      x += t.breedte + MARGE;
      rijHoogte = Math.max(rijHoogte, t.hoogte);
    });
    var voorzieningen = groepen.filter(function (g) { return g.id === VOORZIENINGEN; })[0];
    if (voorzieningen) {
      var hoogte = Math.max(y + rijHoogte, CEL.hoogte);
      plaats(tegel(voorzieningen, Math.ceil(voorzieningen.leden.length / Math.max(1, Math.floor(hoogte / CEL.hoogte)))), rijBreedte + 3 * MARGE, 0);
    }
    return posities;
  }

  // fCoSE keeps a referentiecomponent's applications together (the compound gravity) while the
  // koppelingen pull connected ones closer; the figures were tried on Amsterdam's 600.
  var KRACHTEN = {
    name: "fcose", quality: "default", randomize: true, animate: false, packComponents: true,
    nodeRepulsion: 6000, idealEdgeLength: 60, nestingFactor: 0.2, gravityCompound: 4, gravityRangeCompound: 0.6,
    tile: true, tilingPaddingVertical: 6, tilingPaddingHorizontal: 6, numIter: 1000,
  };

  var STIJL = [
    { selector: "node", style: { label: "data(label)", "font-size": 9, "text-valign": "bottom", "text-margin-y": 2, width: 14, height: 14, "background-color": "#6b7280", color: "#111827", "text-max-width": 90, "text-wrap": "ellipsis", "min-zoomed-font-size": 7 } },
    { selector: "node.groep", style: { "background-color": "#f3f4f6", "background-opacity": 0.6, "border-width": 1, "border-color": "#d1d5db", "text-valign": "top", "font-size": 10, "font-weight": "bold", color: "#374151", shape: "round-rectangle", padding: 6 } },
    { selector: "node.groep.voorzieningen", style: { "background-color": "#ede9fe", "border-color": "#8b5cf6" } },
    { selector: "node.VERWERVING", style: { "background-color": "#0ea5e9" } },
    { selector: "node.GEPLAND", style: { "background-color": "#a855f7" } },
    { selector: "node.IN_PRODUCTIE", style: { "background-color": "#16a34a" } },
    { selector: "node.UIT_TE_FASEREN", style: { "background-color": "#f59e0b" } },
    { selector: "node.UITGEFASEERD", style: { "background-color": "#9ca3af" } },
    { selector: "node.voorziening", style: { shape: "diamond", "background-color": "#7c3aed", width: 18, height: 18 } },
    { selector: "edge", style: { width: 1, "line-color": "#9ca3af", "target-arrow-color": "#9ca3af", "target-arrow-shape": "triangle", "arrow-scale": 0.6, "curve-style": "haystack", label: "", "font-size": 7 } },
    { selector: "edge.afhankelijk, edge.pad, edge.geraakt", style: { "curve-style": "bezier", width: 2 } },
    { selector: "edge.benoemd", style: { label: "data(label)", "text-rotation": "autorotate", "text-background-color": "#ffffff", "text-background-opacity": 0.8 } },
    { selector: "edge.afhankelijk", style: { "line-color": "#2563eb", "target-arrow-color": "#2563eb" } },
    { selector: "node.afhankelijk", style: { "border-width": 3, "border-color": "#2563eb" } },
    { selector: "edge.pad", style: { "line-color": "#db2777", "target-arrow-color": "#db2777", width: 3 } },
    { selector: "node.pad", style: { "border-width": 3, "border-color": "#db2777" } },
    { selector: "edge.geraakt", style: { "line-color": "#dc2626", "target-arrow-color": "#dc2626", "line-style": "dashed", width: 3 } },
    { selector: "node.geraakt", style: { "border-width": 3, "border-color": "#dc2626" } },
    { selector: "node.gekozen", style: { "border-width": 4, "border-color": "#111827", width: 22, height: 22, "z-index": 10 } },
    { selector: ".gedimd", style: { opacity: 0.15 } },
  ];

  function vulTabel() {
    var rijen = cy.nodes(".gebruik").map(function (n) {
      var groep = n.parent();
      return { id: n.id(), naam: n.data("label"), groep: groep.nonempty() ? groep.data("label") : "", status: n.data("status"), koppelingen: n.connectedEdges().length };
    });
    rijen.sort(function (a, b) { return a.groep.localeCompare(b.groep, "nl") || a.naam.localeCompare(b.naam, "nl"); });
    var body = $("tabel").tBodies[0];
    rijen.forEach(function (rij) {
      var tr = document.createElement("tr");
      tr.dataset.gebruik = rij.id;
      var knop = document.createElement("button");
      knop.type = "button";
      knop.className = "link";
      knop.textContent = rij.naam;
      knop.addEventListener("click", function () { selecteer(rij.id); });
      var cel = document.createElement("td");
      cel.appendChild(knop);
      tr.appendChild(cel);
      [rij.groep, STATUS_LABEL[rij.status] || rij.status, String(rij.koppelingen)].forEach(function (tekst) {
        var td = document.createElement("td");
        td.textContent = tekst;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  function vulPadKeuze() {
    var keuze = $("pad-naar");
    keuze.replaceChildren();
    Object.keys(gebruikNamen).sort(function (a, b) { return gebruikNamen[a].localeCompare(gebruikNamen[b], "nl"); }).forEach(function (id) {
      var optie = document.createElement("option");
      optie.value = id;
      optie.textContent = gebruikNamen[id];
      keuze.appendChild(optie);
    });
  }

  // --- Questions by clicking ---------------------------------------------------------------------

  var DETAILS = "query($id: ID!) { node(id: $id) { id __typename" +
    " ... on Gebruik { status startDatum contractEinde hosting" +
    "   applicatie { naam leverancier { naam } } versie { versie eindeOndersteuning }" +
    "   diensten { naam type } referentiecomponenten { naam } }" +
    " ... on BuitengemeentelijkeVoorziening { naam beschrijving: gemmaId } } }";

  function wisMarkering() {
    if (cy) cy.elements().removeClass("afhankelijk pad geraakt benoemd gekozen gedimd");
    $("uitkomst").replaceChildren();
  }

  function selecteer(id) {
    state.selectie = id;
    schrijfAdres();
    wisMarkering();
    toonSelectie(id);
    if (!id || !cy) return;
    var node = cy.getElementById(id);
    node.addClass("gekozen");
    if (node.hasClass("gebruik")) {
      $("pad-naar").value = Object.keys(gebruikNamen).find(function (other) { return other !== id; }) || "";
      toonAfhankelijkheden();
    }
  }

  function toonSelectie(id) {
    var details = $("details");
    $("acties").hidden = true;
    if (!id) {
      details.replaceChildren(tekstBlok("p", "Klik op een applicatie in de graaf of de tabel."));
      return;
    }
    details.replaceChildren(tekstBlok("p", "Laden…"));
    vraag(DETAILS, { id: id }).then(function (data) {
      var n = data.node;
      if (!n) { details.replaceChildren(tekstBlok("p", "Niet (meer) te zien.")); return; }
      var lijst = document.createElement("dl");
      function regel(term, waarde) {
        if (waarde === null || waarde === undefined || waarde === "") return;
        lijst.appendChild(tekstBlok("dt", term));
        lijst.appendChild(tekstBlok("dd", waarde));
      }
      if (n.__typename === "Gebruik") {
        regel("Applicatie", n.applicatie && n.applicatie.naam);
        regel("Leverancier", n.applicatie && n.applicatie.leverancier && n.applicatie.leverancier.naam);
        regel("Versie", n.versie && n.versie.versie);
        regel("Einde ondersteuning", n.versie && n.versie.eindeOndersteuning);
        regel("Status", STATUS_LABEL[n.status] || n.status);
        regel("In gebruik sinds", n.startDatum);
        regel("Contract loopt af", n.contractEinde);
        regel("Hosting", n.hosting);
        regel("Referentiecomponenten", n.referentiecomponenten.map(function (r) { return r.naam; }).join(", "));
        regel("Diensten", n.diensten.map(function (d) { return d.naam; }).join(", ") || "geen");
        $("acties").hidden = false;
      } else {
        regel("Landelijke voorziening", n.naam);
      }
      details.replaceChildren(lijst);
    }, function (error) { details.replaceChildren(tekstBlok("p", foutmelding(error))); });
  }

  var AFHANKELIJK = "query($gebruik: ID!, $diepte: Int!) { afhankelijkheden(gebruik: $gebruik, richting: BEIDE, diepte: $diepte) {" +
    " graaf { nodes { id diepte } edges { id } } } }";

  function toonAfhankelijkheden() {
    var id = state.selectie;
    if (!id || !cy) return;
    vraag(AFHANKELIJK, { gebruik: id, diepte: state.diepte }).then(function (data) {
      if (state.selectie !== id) return;
      var graaf = data.afhankelijkheden.graaf;
      markeer(graaf.nodes.map(function (n) { return n.id; }), graaf.edges.map(function (e) { return e.id; }), "afhankelijk");
      cy.getElementById(id).addClass("gekozen");
      document.body.dataset.afhankelijk = String(graaf.nodes.length);
      $("uitkomst").replaceChildren(tekstBlok("p", (graaf.nodes.length - 1) + " applicaties en voorzieningen binnen " + state.diepte +
        " koppeling(en), in beide richtingen; " + graaf.edges.length + " koppelingen gemarkeerd."));
    }, function (error) { $("uitkomst").replaceChildren(tekstBlok("p", foutmelding(error))); });
  }

  // Highlights the answer, dims the rest and brings the answer into view; koppelingen are
  // labelled (type and standard) when there are few enough to read.
  function markeer(nodeIds, edgeIds, klasse) {
    cy.batch(function () {
      cy.elements().removeClass("afhankelijk pad geraakt benoemd gedimd");
      var gezien = cy.collection();
      nodeIds.forEach(function (id) { gezien = gezien.union(cy.getElementById(id)); });
      edgeIds.forEach(function (id) { gezien = gezien.union(cy.getElementById(id)); });
      gezien.addClass(klasse);
      if (gezien.edges().length <= 30) gezien.edges().addClass("benoemd");
      cy.elements().not(gezien).not(gezien.ancestors()).addClass("gedimd");
      cy.fit(gezien.nodes(), 40);
    });
  }

  $("afhankelijkheden").addEventListener("click", toonAfhankelijkheden);

  var IMPACT = "query($gebruik: ID!) { impactanalyse(gebruik: $gebruik) {" +
    " koppelingen { gevolg stroom koppeling { id type } anderEind { __typename ... on Gebruik { id applicatie { naam } } ... on BuitengemeentelijkeVoorziening { id naam } } }" +
    " onbediendeReferentiecomponenten { naam } vervallendeDiensten { naam } } }";

  $("vervangen").addEventListener("click", function () {
    var id = state.selectie;
    vraag(IMPACT, { gebruik: id }).then(function (data) {
      if (state.selectie !== id) return;
      var impact = data.impactanalyse;
      var nodeIds = [id], edgeIds = [];
      var lijst = document.createElement("ul");
      lijst.className = "impact";
      impact.koppelingen.forEach(function (k) {
        if (k.koppeling) edgeIds.push(k.koppeling.id);
        var ander = k.anderEind || {};
        if (ander.id) nodeIds.push(ander.id);
        var naam = ander.__typename === "Gebruik" ? (ander.applicatie || {}).naam : ander.naam;
        var item = tekstBlok("li", (k.gevolg === "BREEKT" ? "Breekt: " : "Opnieuw bouwen: ") + (k.koppeling ? k.koppeling.type : "") + " met " + (naam || "?"));
        item.dataset.koppeling = k.koppeling ? k.koppeling.id : "";
        lijst.appendChild(item);
      });
      markeer(nodeIds, edgeIds, "geraakt");
      cy.getElementById(id).addClass("gekozen");
      var blok = document.createElement("div");
      blok.appendChild(tekstBlok("h3", "Wat breekt als dit verdwijnt"));
      blok.appendChild(tekstBlok("p", impact.koppelingen.length + " koppelingen geraakt."));
      blok.appendChild(lijst);
      var onbediend = impact.onbediendeReferentiecomponenten.map(function (r) { return r.naam; });
      blok.appendChild(tekstBlok("p", onbediend.length ? "Zonder applicatie: " + onbediend.join(", ") + "." : "Elke referentiecomponent blijft bediend."));
      var diensten = impact.vervallendeDiensten.map(function (d) { return d.naam; });
      blok.appendChild(tekstBlok("p", diensten.length ? "Diensten die vervallen: " + diensten.join(", ") + "." : "Geen diensten vervallen."));
      $("uitkomst").replaceChildren(blok);
      document.body.dataset.geraakt = String(impact.koppelingen.length);
    }, function (error) { $("uitkomst").replaceChildren(tekstBlok("p", foutmelding(error))); });
  });

  var PAD = "query($van: ID!, $naar: ID!) { kortstePad(van: $van, naar: $naar, richting: BEIDE) { nodes edges } }";

  $("pad").addEventListener("click", function () {
    var van = state.selectie, naar = $("pad-naar").value;
    if (!van || !naar) return;
    vraag(PAD, { van: van, naar: naar }).then(function (data) {
      var pad = data.kortstePad;
      if (!pad) {
        cy.elements().removeClass("afhankelijk pad geraakt benoemd gedimd");
        $("uitkomst").replaceChildren(tekstBlok("p", "Geen pad van koppelingen naar " + gebruikNamen[naar] + " (binnen 6 stappen)."));
        return;
      }
      markeer(pad.nodes, pad.edges, "pad");
      cy.getElementById(van).addClass("gekozen");
      var namen = pad.nodes.map(function (id) { return gebruikNamen[id] || cy.getElementById(id).data("label") || id; });
      $("uitkomst").replaceChildren(tekstBlok("p", "Kortste pad (" + pad.edges.length + " koppelingen): " + namen.join(" → ")));
    }, function (error) { $("uitkomst").replaceChildren(tekstBlok("p", foutmelding(error))); });
  });

  // --- Compare: beside a neighbour or a similar gemeente -------------------------------------------

  var KEUZES = "query($g: ID!) { node(id: $g) { ... on Gemeente { buren { id naam } } }" +
    " vergelijkbareGemeenten(gemeente: $g, aantal: 10) { jaccard gemeente { id naam } }" +
    " aanbevelingen(gemeente: $g, aantal: 10) { aantal applicatie { naam leverancier { naam } } gebruiktDoor { naam } } }";
  var TOEPASSINGEN = "query($organisatie: ID!, $first: Int!, $after: String) { node(id: $organisatie) { ... on Organisatie {" +
    " gebruik(first: $first, after: $after) { pageInfo { hasNextPage endCursor }" +
    "  nodes { status applicatie { id naam } referentiecomponenten { id naam } } } } } }";
  var grafiek = null;

  function isGemeente(id) {
    try { return atob(id).indexOf("Gemeente:") === 0; } catch (e) { return false; }
  }

  function laadVergelijken() {
    var sectie = $("vergelijken");
    var gemeente = state.organisatie;
    if (!gemeente || !isGemeente(gemeente) || !token()) { sectie.hidden = true; return; }
    vraag(KEUZES, { g: gemeente }).then(function (data) {
      if (gemeente !== state.organisatie) return;
      var keuze = $("vergelijk-met");
      keuze.replaceChildren();
      function groep(label, items, tekst) {
        if (!items.length) return;
        var optgroup = document.createElement("optgroup");
        optgroup.label = label;
        items.forEach(function (item) {
          var optie = document.createElement("option");
          optie.value = item.id;
          optie.textContent = tekst(item);
          optgroup.appendChild(optie);
        });
        keuze.appendChild(optgroup);
      }
      groep("Buurgemeenten", (data.node && data.node.buren) || [], function (b) { return b.naam; });
      groep("Vergelijkbare gemeenten", data.vergelijkbareGemeenten.map(function (v) {
        return { id: v.gemeente.id, naam: v.gemeente.naam, jaccard: v.jaccard };
      }), function (v) { return v.naam + " (" + Math.round(v.jaccard * 100) + "% overlap)"; });
      var lijst = $("aanbevelingen");
      lijst.replaceChildren();
      data.aanbevelingen.forEach(function (a) {
        lijst.appendChild(tekstBlok("li", a.applicatie.naam + (a.applicatie.leverancier ? " (" + a.applicatie.leverancier.naam + ")" : "") +
          ": in gebruik bij " + a.aantal + " vergelijkbare gemeenten (" + a.gebruiktDoor.map(function (g) { return g.naam; }).join(", ") + ")"));
      });
      if (!data.aanbevelingen.length) lijst.appendChild(tekstBlok("li", "Geen aanbevelingen."));
      sectie.hidden = !keuze.options.length;
      if (state.vergelijk && keuze.querySelector('option[value="' + CSS.escape(state.vergelijk) + '"]')) {
        keuze.value = state.vergelijk;
        vergelijk();
      }
    }, function (error) { $("vergelijking-melding").textContent = foutmelding(error); });
  }

  function toepassingen(organisatie) {
    var perComponent = {};
    return allePaginas(TOEPASSINGEN, organisatie, function (data) {
      var lijst = data.node.gebruik;
      lijst.nodes.forEach(function (g) {
        // As vergelijkbareGemeenten counts: what is in use, not what was phased out.
        if (g.status === "UITGEFASEERD" || !g.applicatie) return;
        g.referentiecomponenten.forEach(function (r) {
          var vak = perComponent[r.id] || (perComponent[r.id] = { naam: r.naam, applicaties: {} });
          vak.applicaties[g.applicatie.id] = g.applicatie.naam;
        });
      });
      return lijst.pageInfo;
    }).then(function () { return perComponent; });
  }

  function vergelijk() {
    var hier = state.organisatie, daar = $("vergelijk-met").value;
    if (!hier || !daar) return;
    state.vergelijk = daar;
    schrijfAdres();
    $("vergelijking-melding").textContent = "Vergelijken…";
    Promise.all([toepassingen(hier), toepassingen(daar)]).then(function (beide) {
      if (hier !== state.organisatie || daar !== state.vergelijk) return;
      var ids = Object.keys(beide[0]).concat(Object.keys(beide[1])).filter(function (id, i, alle) { return alle.indexOf(id) === i; });
      var rijen = ids.map(function (id) {
        var a = (beide[0][id] || {}).applicaties || {}, b = (beide[1][id] || {}).applicaties || {};
        var naam = (beide[0][id] || beide[1][id]).naam;
        function namen(bron, filter) { return Object.keys(bron).filter(filter).map(function (k) { return bron[k]; }).sort(); }
        return {
          id: id, naam: naam,
          gedeeld: namen(a, function (k) { return k in b; }),
          hier: namen(a, function (k) { return !(k in b); }),
          daar: namen(b, function (k) { return !(k in a); }),
        };
      });
      rijen.sort(function (x, y) { return x.naam.localeCompare(y.naam, "nl"); });
      var body = $("vergelijking-tabel").tBodies[0];
      body.replaceChildren();
      rijen.forEach(function (rij) {
        var tr = document.createElement("tr");
        tr.dataset.referentiecomponent = rij.id;
        tr.appendChild(tekstBlok("th", rij.naam)).scope = "row";
        [rij.gedeeld, rij.hier, rij.daar].forEach(function (namen) {
          tr.appendChild(tekstBlok("td", namen.length ? namen.length + ": " + namen.join(", ") : "–"));
        });
        body.appendChild(tr);
      });
      var naamDaar = $("vergelijk-met").selectedOptions[0].textContent.replace(/ \(.*\)$/, "");
      var gedeeld = rijen.reduce(function (n, r) { return n + r.gedeeld.length; }, 0);
      $("vergelijking-melding").textContent = rijen.length + " referentiecomponenten; " + gedeeld + " keer dezelfde applicatie voor dezelfde component als " + naamDaar + ".";
      tekenGrafiek(rijen, naamDaar);
      document.body.dataset.vergeleken = daar;
    }, function (error) { $("vergelijking-melding").textContent = foutmelding(error); });
  }

  function tekenGrafiek(rijen, naamDaar) {
    // The components where the two differ most, at most 20: a chart of 170 bars says nothing.
    var getoond = rijen.slice().sort(function (x, y) {
      return (y.hier.length + y.daar.length) - (x.hier.length + x.daar.length) || x.naam.localeCompare(y.naam, "nl");
    }).slice(0, 20);
    if (grafiek) grafiek.destroy();
    grafiek = new Chart($("vergelijking-grafiek"), {
      type: "bar",
      data: {
        labels: getoond.map(function (r) { return r.naam; }),
        datasets: [
          { label: "Gedeeld", data: getoond.map(function (r) { return r.gedeeld.length; }), backgroundColor: "#16a34a" },
          { label: "Alleen " + (state.naam || "hier"), data: getoond.map(function (r) { return r.hier.length; }), backgroundColor: "#2563eb" },
          { label: "Alleen " + naamDaar, data: getoond.map(function (r) { return r.daar.length; }), backgroundColor: "#f59e0b" },
        ],
      },
      options: {
        indexAxis: "y", animation: false, responsive: true, maintainAspectRatio: false,
        scales: { x: { stacked: true, ticks: { precision: 0 } }, y: { stacked: true } },
        plugins: { title: { display: true, text: "Waar de twee het meest verschillen (applicaties per referentiecomponent)" } },
      },
    });
  }

  $("vergelijk-form").addEventListener("submit", function (event) {
    event.preventDefault();
    vergelijk();
  });

  // --- Views: a landscape, a leverancier's aanbod, the analyst's benchmarks ----------------------

  function soortVan(id) {
    try { return atob(id).split(":")[0]; } catch (e) { return ""; }
  }

  // The key within a global id (R2VtZWVudGU6R00wMzYz → GM0363): what the file routes take.
  function sleutelVan(id) {
    try { return atob(id).split(":").slice(1).join(":"); } catch (e) { return id; }
  }

  function toonWeergave(weergave) {
    $("graaf-sectie").hidden = $("selectie-sectie").hidden = weergave !== "landschap";
    $("leverancier").hidden = weergave !== "leverancier";
    $("analyse").hidden = weergave !== "analyse";
    if (weergave !== "landschap") $("vergelijken").hidden = true;
    $("naar-landschap").setAttribute("aria-current", weergave === "analyse" ? "false" : "page");
    $("naar-analyse").setAttribute("aria-current", weergave === "analyse" ? "page" : "false");
  }

  $("naar-landschap").addEventListener("click", function (event) {
    event.preventDefault();
    state.weergave = "";
    schrijfAdres();
    herlaad();
  });
  $("naar-analyse").addEventListener("click", function (event) {
    event.preventDefault();
    state.weergave = "analyse";
    schrijfAdres();
    herlaad();
  });

  var PROFIEL = "query($l: ID!) { node(id: $l) { ... on Leverancier { naam aanbod(first: 500) { totalCount nodes { id naam } } } }" +
    " leveranciersprofiel(leverancier: $l) { klanten { organisatie { id naam } applicaties { id } }" +
    "  marktaandelen { gemeenten klanten aandeel referentiecomponent { id naam } } } }";
  var leverancierGrafiek = null;

  function laadLeverancier() {
    var id = state.organisatie;
    $("leverancier-melding").textContent = "Aanbod laden…";
    document.body.removeAttribute("data-leverancier");
    return antwoord(PROFIEL, { l: id }).then(function (body) {
      if (id !== state.organisatie) return;
      var leverancier = body.data.node || { naam: state.naam, aanbod: { totalCount: 0, nodes: [] } };
      var profiel = body.data.leveranciersprofiel;
      $("leverancier-naam").textContent = leverancier.naam;
      var klantenPer = {};
      profiel.klanten.forEach(function (klant) {
        klant.applicaties.forEach(function (a) { (klantenPer[a.id] = klantenPer[a.id] || []).push(klant.organisatie.naam); });
      });
      var rijen = leverancier.aanbod.nodes.map(function (a) {
        return { id: a.id, naam: a.naam, klanten: (klantenPer[a.id] || []).slice().sort(function (x, y) { return x.localeCompare(y, "nl"); }) };
      });
      rijen.sort(function (x, y) { return y.klanten.length - x.klanten.length || x.naam.localeCompare(y.naam, "nl"); });
      var body1 = $("leverancier-tabel").tBodies[0];
      body1.replaceChildren();
      rijen.forEach(function (rij) {
        var tr = document.createElement("tr");
        tr.dataset.applicatie = rij.id;
        tr.appendChild(tekstBlok("th", rij.naam)).scope = "row";
        tr.appendChild(tekstBlok("td", rij.klanten.length ? rij.klanten.length + ": " + rij.klanten.join(", ") : "–"));
        body1.appendChild(tr);
      });
      var body2 = $("marktaandelen").tBodies[0];
      body2.replaceChildren();
      profiel.marktaandelen.forEach(function (m) {
        var tr = document.createElement("tr");
        tr.dataset.referentiecomponent = m.referentiecomponent.id;
        tr.appendChild(tekstBlok("th", m.referentiecomponent.naam)).scope = "row";
        tr.appendChild(tekstBlok("td", String(m.gemeenten)));
        tr.appendChild(tekstBlok("td", m.klanten === null ? "verborgen" : String(m.klanten)));
        tr.appendChild(tekstBlok("td", m.aandeel === null ? "verborgen" : Math.round(m.aandeel * 100) + "%"));
        body2.appendChild(tr);
      });
      var beperkt = ((body.extensions || {}).beperkingen || []).map(function (b) { return b.reden; });
      $("leverancier-melding").textContent = leverancier.aanbod.totalCount + " applicaties; " + profiel.klanten.length +
        " organisaties die u ziet gebruiken er een of meer." + (beperkt.length ? " Niet alles is voor u zichtbaar: " + beperkt[0] : "");
      var getoond = rijen.filter(function (r) { return r.klanten.length; }).slice(0, 20);
      if (leverancierGrafiek) leverancierGrafiek.destroy();
      leverancierGrafiek = new Chart($("leverancier-grafiek"), {
        type: "bar",
        data: { labels: getoond.map(function (r) { return r.naam; }), datasets: [{ label: "Organisaties", data: getoond.map(function (r) { return r.klanten.length; }), backgroundColor: "#2563eb" }] },
        options: { indexAxis: "y", animation: false, responsive: true, maintainAspectRatio: false, scales: { x: { ticks: { precision: 0 } } },
          plugins: { title: { display: true, text: "Organisaties per applicatie (de 20 meest gebruikte)" } } },
      });
      document.body.dataset.leverancier = id;
    }, function (error) { $("leverancier-melding").textContent = foutmelding(error); });
  }

  var COMPONENTEN = "{ referentiecomponenten(first: 500, orderBy: {direction: ASC}) { nodes { id naam } } }";
  var ANALYSE = "query($c: ID!, $per: Marktpartij!, $splitsing: Splitsing!) {" +
    " adoptie(referentiecomponent: $c, per: $per, splitsing: $splitsing) { minimaleGroep groepen { groep gemeenten gemeentenMetComponent onderdrukt" +
    "  aandelen { gemeenten aandeel applicatie { naam } leverancier { naam } } } }" +
    " marktconcentratie(referentiecomponent: $c, per: $per, first: 1) { hhi aanbieders gemeenten grootsteAandeel grootste { applicatie { naam } leverancier { naam } } } }";
  var analyseGrafiek = null;

  function laadAnalyse() {
    var keuze = $("analyse-component");
    var klaar = keuze.options.length ? Promise.resolve() : vraag(COMPONENTEN).then(function (data) {
      data.referentiecomponenten.nodes.forEach(function (c) {
        var optie = document.createElement("option");
        optie.value = c.id;
        optie.textContent = c.naam;
        keuze.appendChild(optie);
      });
    });
    return klaar.then(function () {
      if (state.component) keuze.value = state.component;
      $("analyse-per").value = state.per;
      $("analyse-splitsing").value = state.splitsing;
      if (state.component) return toonAnalyse();
      $("analyse-melding").textContent = "Kies een referentiecomponent.";
    }, function (error) { $("analyse-melding").textContent = foutmelding(error); });
  }

  function naamVan(aandeel) {
    return (aandeel.applicatie || aandeel.leverancier || {}).naam || "?";
  }

  function toonAnalyse() {
    var vraagde = { c: state.component, per: state.per, splitsing: state.splitsing };
    $("analyse-melding").textContent = "Laden…";
    document.body.removeAttribute("data-analyse");
    return vraag(ANALYSE, vraagde).then(function (data) {
      var adoptie = data.adoptie, markt = data.marktconcentratie[0];
      var body = $("analyse-tabel").tBodies[0];
      body.replaceChildren();
      adoptie.groepen.forEach(function (g) {
        var tr = document.createElement("tr");
        tr.dataset.groep = g.groep;
        tr.appendChild(tekstBlok("th", g.groep)).scope = "row";
        tr.appendChild(tekstBlok("td", String(g.gemeenten)));
        tr.appendChild(tekstBlok("td", g.gemeentenMetComponent === null ? "verborgen" : String(g.gemeentenMetComponent)));
        tr.appendChild(tekstBlok("td", g.aandelen.map(function (a) { return naamVan(a) + " " + a.gemeenten + " (" + Math.round(a.aandeel * 100) + "%)"; }).join(", ") || "–"));
        tr.appendChild(tekstBlok("td", g.onderdrukt ? g.onderdrukt + " onder de drempel" : "–"));
        body.appendChild(tr);
      });
      $("concentratie").textContent = markt ? "Marktconcentratie (heel Nederland): HHI " + (markt.hhi === null ? "verborgen" : Math.round(markt.hhi)) +
        ", " + markt.aanbieders + " aanbieders in " + markt.gemeenten + " gemeenten" +
        (markt.grootste ? "; de grootste is " + naamVan(markt.grootste) + " (" + Math.round(markt.grootsteAandeel * 100) + "%)" : "") + "." : "";
      $("analyse-melding").textContent = "Groepsdrempel: " + adoptie.minimaleGroep + " gemeenten. Cijfers die op minder gemeenten rusten, " +
        "en cijfers waaruit die af te leiden zijn, zijn verborgen; de kolom Verborgen telt ze per groep.";
      // The providers with the most gemeenten over all groups, as stacked shares per group.
      var totaal = {};
      adoptie.groepen.forEach(function (g) { g.aandelen.forEach(function (a) { totaal[naamVan(a)] = (totaal[naamVan(a)] || 0) + a.gemeenten; }); });
      var grootste = Object.keys(totaal).sort(function (x, y) { return totaal[y] - totaal[x] || x.localeCompare(y, "nl"); }).slice(0, 6);
      var kleuren = ["#2563eb", "#16a34a", "#f59e0b", "#db2777", "#7c3aed", "#0ea5e9"];
      var datasets = grootste.map(function (naam, i) {
        return { label: naam, backgroundColor: kleuren[i], data: adoptie.groepen.map(function (g) {
          var a = g.aandelen.find(function (x) { return naamVan(x) === naam; });
          return a ? Math.round(a.aandeel * 1000) / 10 : 0;
        }) };
      });
      datasets.push({ label: "Verborgen (aantal aanbieders)", backgroundColor: "#9ca3af", data: adoptie.groepen.map(function (g) { return g.onderdrukt; }), stack: "verborgen" });
      if (analyseGrafiek) analyseGrafiek.destroy();
      analyseGrafiek = new Chart($("analyse-grafiek"), {
        type: "bar",
        data: { labels: adoptie.groepen.map(function (g) { return g.groep; }), datasets: datasets },
        options: { indexAxis: "y", animation: false, responsive: true, maintainAspectRatio: false,
          scales: { x: { stacked: true }, y: { stacked: true } },
          plugins: { title: { display: true, text: "Aandeel van de gemeenten per groep (%), de zes grootste aanbieders; grijs: verborgen onder de drempel van " + adoptie.minimaleGroep } } },
      });
      document.body.dataset.analyse = state.component;
    }, function (error) { $("analyse-melding").textContent = foutmelding(error); });
  }

  $("analyse-form").addEventListener("submit", function (event) {
    event.preventDefault();
    state.component = $("analyse-component").value;
    state.per = $("analyse-per").value;
    state.splitsing = $("analyse-splitsing").value;
    schrijfAdres();
    toonAnalyse();
  });

  // --- Downloads ---------------------------------------------------------------------------------

  function download(blob, naam) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = naam;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  }

  function bestandsnaam(extensie) {
    return "landschap-" + (state.naam || "organisatie").toLowerCase().replace(/[^a-z0-9]+/g, "-") + "." + extensie;
  }

  $("png").addEventListener("click", function () {
    download(cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff" }), bestandsnaam("png"));
  });
  $("svg").addEventListener("click", function () {
    download(new Blob([cy.svg({ full: true, bg: "#ffffff" })], { type: "image/svg+xml" }), bestandsnaam("svg"));
  });

  // The landscape's data: the API's export (docs/exchange.md), fetched with the token.
  $("excel").addEventListener("click", function () {
    var headers = {};
    if (token()) headers.authorization = "Bearer " + token();
    fetch("/export/landschap/" + encodeURIComponent(sleutelVan(state.organisatie)) + "?formaat=xlsx", { headers: headers })
      .then(function (response) {
        if (!response.ok) {
          return response.json().then(function (body) {
            var error = new Error(body.errors[0].message);
            error.code = body.errors[0].extensions.code;
            throw error;
          });
        }
        var naam = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") || "");
        return response.blob().then(function (blob) { download(blob, naam ? naam[1] : bestandsnaam("xlsx")); });
      })
      .catch(function (error) { melding(foutmelding(error)); });
  });

  // The report is the API's (GET /verkenner/rapport/…, with the token); the page adds the graph as
  // drawn and opens it for printing. The window opens at the click, where no popup blocker minds.
  $("rapport").addEventListener("click", function () {
    var venster = window.open("", "_blank");
    var headers = { accept: "text/html" };
    if (token()) headers.authorization = "Bearer " + token();
    fetch("/verkenner/rapport/" + encodeURIComponent(sleutelVan(state.organisatie)), { headers: headers })
      .then(function (response) {
        return response.text().then(function (tekst) {
          if (response.ok) return tekst;
          var fout = (JSON.parse(tekst).errors || [{}])[0];
          var error = new Error(fout.message || "HTTP " + response.status);
          error.code = (fout.extensions || {}).code;
          throw error;
        });
      })
      .then(function (tekst) {
        // The whole landscape, not dimmed around a selection.
        var gedimd = cy.elements(".gedimd").removeClass("gedimd");
        var plaat = '<img alt="Het landschap als graaf, zoals de verkenner het tekende" src="' +
          cy.png({ full: true, scale: 1.5, bg: "#ffffff", maxWidth: 2400 }) + '">';
        gedimd.addClass("gedimd");
        var blob = new Blob([tekst.replace("<!-- graaf-plaat -->", plaat)], { type: "text/html" });
        venster.location.href = URL.createObjectURL(blob);
      })
      .catch(function (error) {
        venster.close();
        melding(foutmelding(error));
      });
  });

  function tekstBlok(tag, tekst) {
    var element = document.createElement(tag);
    element.textContent = tekst;
    return element;
  }

  // --- Start ---------------------------------------------------------------------------------------

  function herlaad() {
    if (state.weergave === "analyse") {
      toonWeergave("analyse");
      return laadAnalyse();
    }
    if (!state.organisatie) {
      toonWeergave("landschap");
      return Promise.resolve();
    }
    if (soortVan(state.organisatie) === "Leverancier") {
      toonWeergave("leverancier");
      return laadLeverancier();
    }
    toonWeergave("landschap");
    return laadLandschap();
  }

  window.verkenner = { cy: null };
  terugVanIssuer().then(function () {
    leesAdres();
    window.addEventListener("hashchange", function () {
      var voor = [state.organisatie, state.weergave, state.component, state.per, state.splitsing].join("|");
      leesAdres();
      if ([state.organisatie, state.weergave, state.component, state.per, state.splitsing].join("|") !== voor) herlaad();
    });
    return toonAanmelding();
  }).then(herlaad);
})();
