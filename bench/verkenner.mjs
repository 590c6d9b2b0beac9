// The verkenner's time from choosing an organisation to a drawn graph, in Debian's chromium
// (playwright-core of tests/verkenner). Each round opens a fresh page at the organisation's
// address, as a chosen organisation or a shared link does; the page itself measures from the
// choice to the first frame drawn after the layout (data-getekend-ms) and to its data (data-geladen-ms), in each of the
// page's layouts (the map, the default, and fCoSE's "krachten").
//
// node bench/verkenner.mjs '{"base": ..., "token": ..., "organisaties": [{"id": ..., "naam": ...}],
//                            "opmaken": ["kaart", "krachten"], "rounds": N, "chromium": ...}'
import { createRequire } from "node:module";

const require = createRequire(new URL("../tests/verkenner/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const opdracht = JSON.parse(process.argv[2]);
const browser = await chromium.launch({ executablePath: opdracht.chromium, args: ["--no-sandbox"] });
const uitkomst = [];
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript((token) => sessionStorage.setItem("graph-api-verkenner-token", token), opdracht.token);
  for (const organisatie of opdracht.organisaties) for (const opmaak of opdracht.opmaken) {
    // One unmeasured round first: the browser's cache of the page's scripts, as a person has
    // after the first visit.
    for (let ronde = 0; ronde <= opdracht.rounds; ronde++) {
      const page = await context.newPage();
      const adres = `${opdracht.base}/verkenner#organisatie=${encodeURIComponent(organisatie.id)}&naam=${encodeURIComponent(organisatie.naam)}&opmaak=${opmaak}`;
      await page.goto(adres);
      await page.waitForFunction(() => document.body.dataset.opgemaakt, null, { timeout: 120_000 });
      const meting = await page.evaluate(() => ({
        getekendMs: Number(document.body.dataset.getekendMs),
        geladenMs: Number(document.body.dataset.geladenMs),
        gebouwdMs: Number(document.body.dataset.gebouwdMs),
        opmaakMs: Number(document.body.dataset.opmaakMs),
        opmaak: document.body.dataset.opgemaakt,
        gebruik: window.verkenner.cy.nodes(".gebruik").length,
        koppelingen: window.verkenner.cy.edges().length,
      }));
      if (meting.opmaak !== opmaak) throw new Error(`drawn as ${meting.opmaak}, asked for ${opmaak}`);
      if (ronde > 0) uitkomst.push({ organisatie: organisatie.naam, ...meting });
      await page.close();
    }
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(uitkomst));
