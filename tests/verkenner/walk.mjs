// One walk through the verkenner in headless Chromium (Debian's, driven by playwright-core), as
// a person would: with the network cut off to anything but the API, signed out first, then signed
// in through the token field, choosing Amsterdam, clicking an application, asking what replacing
// it breaks, using the keyboard, reloading its address, downloading the picture. It prints what
// the page showed at each step as JSON; tests/verkenner/test_verkenner.py judges it against the
// API's own answers. Screenshots of each step go to the given directory.
//
// node walk.mjs '{"base": ..., "token": ..., "organisatie": ..., "zoekterm": ..., "gebruik": ...,
//                 "naar": ..., "buur": ..., "leverancier": ..., "analist": ..., "component": ...,
//                 "chromium": ..., "screenshots": ...}'
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const opdracht = JSON.parse(process.argv[2]);
const { base, token, organisatie, zoekterm, gebruik, screenshots } = opdracht;
const TIMEOUT = 90_000; // a slow, shared machine: a wait that ends in time is not a timing test
const verslag = { buiten: [], fouten: [] };

const browser = await chromium.launch({ executablePath: opdracht.chromium, args: ["--no-sandbox"] });
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  // Nothing but the API: a page that needs a CDN or any other address fails here.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(base)) return route.continue();
    verslag.buiten.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on("pageerror", (error) => verslag.fouten.push(String(error)));
  page.on("console", (message) => { if (message.type() === "error") verslag.fouten.push(message.text()); });
  const shot = (naam) => page.screenshot({ path: path.join(screenshots, naam) });
  // Drawn, and no other load on its way (signing in reloads the address's organisation too).
  const getekend = () => page.waitForFunction(() => document.body.dataset.getekendMs && !document.body.dataset.laden);
  const watIsGetekend = () => page.evaluate(() => {
    const cy = window.verkenner.cy;
    return {
      gebruik: cy ? cy.nodes(".gebruik").map((n) => n.id()) : [],
      voorzieningen: cy ? cy.nodes(".voorziening").map((n) => n.id()) : [],
      koppelingen: cy ? cy.edges().map((e) => e.id()) : [],
      tabel: [...document.querySelectorAll("#tabel tbody tr")].map((tr) => tr.dataset.gebruik),
      getekendMs: Number(document.body.dataset.getekendMs),
      adres: location.hash,
    };
  });
  // How the graph is laid out: its groups' boxes and members, and where each node is.
  const opmaak = () => page.evaluate(() => {
    const cy = window.verkenner.cy;
    return {
      opgemaakt: document.body.dataset.opgemaakt,
      groepen: cy.nodes(".groep").map((g) => ({
        id: g.id(), label: g.data("label"), doos: g.boundingBox({ includeLabels: false }),
        leden: g.children().map((n) => n.id()),
      })),
      posities: Object.fromEntries(cy.nodes(".gebruik, .voorziening").map((n) => [n.id(), n.position()])),
    };
  });
  const gemarkeerd = (klasse) => page.evaluate((klasse) => {
    const cy = window.verkenner.cy;
    return { nodes: cy.nodes("." + klasse).map((n) => n.id()), edges: cy.edges("." + klasse).map((e) => e.id()) };
  }, klasse);

  // 1. Signed out: the organisation's address shows no landscape, and says why.
  await page.goto(`${base}/verkenner#organisatie=${encodeURIComponent(organisatie)}&naam=${encodeURIComponent(zoekterm)}`);
  await page.waitForFunction(() => document.getElementById("melding").textContent !== "Landschap laden…"
    && document.getElementById("melding").textContent !== "Kies een organisatie.");
  verslag.anoniem = { melding: await page.textContent("#melding"), ...(await watIsGetekend()) };
  await shot("1-niet-aangemeld.png");

  // 2. Signed in through the token field; Amsterdam found by name and chosen.
  await page.fill("#token", token);
  await page.press("#token", "Enter");
  await page.waitForFunction(() => document.getElementById("wie").textContent.startsWith("Aangemeld"));
  verslag.wie = await page.textContent("#wie");
  await page.evaluate(() => { document.body.removeAttribute("data-getekend-ms"); });
  await page.fill("#zoekterm", zoekterm);
  await page.press("#zoekterm", "Enter");
  await page.waitForSelector(`#gevonden button[data-organisatie="${organisatie}"]`);
  await page.click(`#gevonden button[data-organisatie="${organisatie}"]`);
  await getekend();
  verslag.landschap = { melding: await page.textContent("#melding"), ...(await watIsGetekend()), ...(await opmaak()) };
  await shot("2-landschap.png");

  // 2b. The other layout, chosen in the page (fCoSE: koppelingen pull applications together), and
  // the map again.
  await page.selectOption("#opmaak", "krachten");
  await page.waitForFunction(() => document.body.dataset.opgemaakt === "krachten");
  verslag.krachten = { ...(await watIsGetekend()), ...(await opmaak()) };
  await shot("2b-krachten.png");
  await page.selectOption("#opmaak", "kaart");
  await page.waitForFunction(() => document.body.dataset.opgemaakt === "kaart");
  verslag.kaartWeer = { ...(await watIsGetekend()), ...(await opmaak()) };

  // 3. A click on the application: its details, and its dependencies highlighted. The view is
  // centred on it first, as a person zooms in before clicking one of 600.
  const punt = await page.evaluate((id) => {
    const cy = window.verkenner.cy;
    const node = cy.getElementById(id);
    cy.zoom(2.5);
    cy.center(node);
    const doos = document.getElementById("graaf").getBoundingClientRect();
    const plek = node.renderedPosition();
    return { x: doos.left + plek.x, y: doos.top + plek.y };
  }, gebruik);
  await page.mouse.click(punt.x, punt.y);
  await page.waitForFunction(() => document.body.dataset.afhankelijk && window.verkenner.cy.nodes(".afhankelijk").length);
  await page.waitForSelector("#details dl");
  verslag.klik = {
    details: await page.textContent("#details"),
    afhankelijk: await gemarkeerd("afhankelijk"),
    adres: await page.evaluate(() => location.hash),
  };
  await shot("3-afhankelijkheden.png");

  // 3b. The shortest path from it to another application, chosen in the list.
  await page.selectOption("#pad-naar", opdracht.naar);
  await page.click("#pad");
  await page.waitForFunction(() => window.verkenner.cy.edges(".pad").length > 0);
  verslag.pad = { gemarkeerd: await gemarkeerd("pad"), tekst: await page.textContent("#uitkomst") };

  // 4. What replacing it breaks.
  await page.click("#vervangen");
  await page.waitForFunction(() => document.body.dataset.geraakt && window.verkenner.cy.edges(".geraakt").length);
  verslag.vervangen = {
    geraakt: await gemarkeerd("geraakt"),
    lijst: await page.$$eval("#uitkomst li", (items) => items.map((li) => li.dataset.koppeling)),
    tekst: await page.textContent("#uitkomst"),
  };
  await shot("4-vervangen.png");

  // 5. Beside a neighbour: the buurgemeente given chosen, compared per referentiecomponent.
  await page.waitForSelector("#vergelijken:not([hidden])");
  verslag.vergelijkKeuzes = await page.$$eval("#vergelijk-met optgroup", (groepen) => groepen.map((g) => ({
    label: g.label, opties: [...g.querySelectorAll("option")].map((o) => o.value),
  })));
  verslag.aanbevelingen = await page.$$eval("#aanbevelingen li", (items) => items.map((li) => li.textContent));
  await page.selectOption("#vergelijk-met", opdracht.buur);
  await page.click("#vergelijk-form button");
  await page.waitForFunction((buur) => document.body.dataset.vergeleken === buur, opdracht.buur);
  verslag.vergelijking = {
    rijen: await page.$$eval("#vergelijking-tabel tbody tr", (rijen) => rijen.map((tr) => ({
      referentiecomponent: tr.dataset.referentiecomponent,
      cellen: [...tr.querySelectorAll("td")].map((td) => td.textContent),
    }))),
    grafiek: await page.evaluate(() => {
      const chart = Chart.getChart("vergelijking-grafiek");
      return chart ? chart.data.datasets.map((d) => d.data.reduce((a, b) => a + b, 0)) : null;
    }),
    adres: await page.evaluate(() => location.hash),
  };
  await page.locator("#vergelijken").screenshot({ path: path.join(screenshots, "5-vergelijken.png") });

  // 6. Every control has a name a screen reader can say.
  verslag.naamloos = await page.evaluate(() => [...document.querySelectorAll("input, select, button, summary")]
    .filter((el) => !el.hidden && !(el.labels && el.labels.length) && !el.getAttribute("aria-label") && !el.textContent.trim())
    .map((el) => el.outerHTML.slice(0, 80)));

  // 7. The keyboard alone: the table opened and its first application chosen.
  await page.focus("#tabel-blok summary");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  const gekozenRij = await page.evaluate(() => document.activeElement.closest("tr")?.dataset.gebruik ?? null);
  await page.keyboard.press("Enter");
  await page.waitForFunction((id) => new URLSearchParams(location.hash.slice(1)).get("selectie") === id, gekozenRij);
  verslag.toetsenbord = { rij: gekozenRij, adres: await page.evaluate(() => location.hash) };
  await shot("6-toetsenbord.png");

  // 8. The address holds the view: opened again, the same organisation and selection.
  const adres = page.url();
  await page.evaluate(() => { document.body.removeAttribute("data-getekend-ms"); });
  await page.goto("about:blank");
  await page.goto(adres);
  await getekend();
  await page.waitForSelector("#details dl");
  await page.waitForFunction((buur) => document.body.dataset.vergeleken === buur, opdracht.buur);
  verslag.opnieuw = {
    ...(await watIsGetekend()),
    gekozen: await gemarkeerd("gekozen"),
    diepte: await page.inputValue("#diepte"),
    vergelijkMet: await page.inputValue("#vergelijk-met"),
  };
  await shot("7-opnieuw-geopend.png");

  // 10. A leverancier's page: its applications and the organisations that use them.
  await page.goto("about:blank");
  await page.goto(`${base}/verkenner#organisatie=${encodeURIComponent(opdracht.leverancier)}&naam=leverancier`);
  await page.waitForFunction((id) => document.body.dataset.leverancier === id, opdracht.leverancier);
  verslag.leverancier = {
    rijen: await page.$$eval("#leverancier-tabel tbody tr", (rijen) => rijen.map((tr) => ({
      applicatie: tr.dataset.applicatie, cel: tr.querySelector("td").textContent,
    }))),
    landschapZichtbaar: await page.isVisible("#graaf"),
  };
  await shot("8-leverancier.png");

  // 11. The analyst's page, signed in as a vng-raadpleger: adoption by province, with the floor.
  await page.evaluate((t) => sessionStorage.setItem("graph-api-verkenner-token", t), opdracht.analist);
  await page.goto("about:blank");
  await page.goto(`${base}/verkenner#weergave=analyse&component=${encodeURIComponent(opdracht.component)}&per=APPLICATIE&splitsing=PROVINCIE`);
  await page.waitForFunction((c) => document.body.dataset.analyse === c, opdracht.component);
  verslag.analyse = {
    rijen: await page.$$eval("#analyse-tabel tbody tr", (rijen) => rijen.map((tr) => ({
      groep: tr.dataset.groep, cellen: [...tr.querySelectorAll("td")].map((td) => td.textContent),
    }))),
    melding: await page.textContent("#analyse-melding"),
    concentratie: await page.textContent("#concentratie"),
    grafiekGroepen: await page.evaluate(() => Chart.getChart("analyse-grafiek").data.labels),
  };
  await shot("9-analyse.png");

  // 12. The picture as PNG and SVG (of the landscape, back at its address).
  await page.evaluate((t) => sessionStorage.setItem("graph-api-verkenner-token", t), token);
  await page.goto("about:blank");
  await page.goto(adres);
  await getekend();
  // 13. The report for the management: the API's page, with the graph as drawn added.
  const [rapport] = await Promise.all([context.waitForEvent("page"), page.click("#rapport")]);
  await rapport.waitForURL((url) => url.protocol === "blob:");
  await rapport.waitForSelector("#graaf-plaat img");
  verslag.rapport = {
    titel: await rapport.title(),
    plaat: await rapport.$eval("#graaf-plaat img", (img) => img.src.slice(0, 22) + (img.naturalWidth > 100 ? ":breed" : ":smal")),
    cijfers: await rapport.$$eval("[data-cijfer]", (els) => Object.fromEntries(els.map((el) => [el.dataset.cijfer, el.textContent]))),
    contracten: await rapport.$$eval("tr[data-contract]", (rijen) => rijen.length),
  };
  await rapport.screenshot({ path: path.join(screenshots, "10-rapport.png"), fullPage: true });
  await rapport.close();

  for (const soort of ["png", "svg", "excel"]) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(`#${soort}`)]);
    const bestand = path.join(screenshots, `landschap.${soort === "excel" ? "xlsx" : soort}`);
    await download.saveAs(bestand);
    verslag[soort] = { naam: download.suggestedFilename(), begin: fs.readFileSync(bestand).subarray(0, 64).toString("latin1"), bytes: fs.statSync(bestand).size };
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(verslag));
