// Signing in to the verkenner at the organisation's identity provider, in headless Chromium: the
// authorization-code flow with PKCE against tests/auth/issuer.py's LocalIssuer. Only the API and
// that issuer may be reached. Prints what the page showed as JSON, for test_aanmelden.py.
//
// node aanmelden.mjs '{"base": ..., "issuer": ..., "organisatie": ..., "naam": ..., "chromium": ...,
//                      "screenshots": ...}'
import path from "node:path";
import { chromium } from "playwright-core";

const opdracht = JSON.parse(process.argv[2]);
const { base, issuer, organisatie, naam, screenshots } = opdracht;
const verslag = { buiten: [], fouten: [] };

const browser = await chromium.launch({ executablePath: opdracht.chromium, args: ["--no-sandbox"] });
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith(issuer)) return route.continue();
    verslag.buiten.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.setDefaultTimeout(90_000);
  page.on("pageerror", (error) => verslag.fouten.push(String(error)));
  page.on("console", (message) => { if (message.type() === "error") verslag.fouten.push(message.text()); });

  // 1. An answer that no sign-in of this tab asked for is refused, and leaves the address.
  await page.goto(`${base}/verkenner?code=nep&state=nep`);
  await page.waitForFunction(() => document.getElementById("wie").textContent.startsWith("Aanmelden mislukt"));
  verslag.vreemd = {
    wie: await page.textContent("#wie"),
    adres: await page.evaluate(() => location.search + location.hash),
    token: await page.evaluate(() => sessionStorage.getItem("graph-api-verkenner-token")),
  };

  // 2. Signed out at an organisation's address; then signing in at the provider and back.
  const adres = `${base}/verkenner#organisatie=${encodeURIComponent(organisatie)}&naam=${encodeURIComponent(naam)}`;
  await page.goto(adres);
  await page.waitForFunction(() => document.body.dataset.getekendMs);
  verslag.voor = { melding: await page.textContent("#melding"), knop: await page.isVisible("#oidc") };
  await page.evaluate(() => { document.body.removeAttribute("data-getekend-ms"); });
  await Promise.all([page.waitForURL((url) => url.searchParams.has("code")), page.click("#oidc")]);
  await page.waitForFunction(() => document.getElementById("wie").textContent.startsWith("Aangemeld"));
  await page.waitForFunction(() => document.body.dataset.getekendMs && window.verkenner.cy);
  verslag.na = {
    wie: await page.textContent("#wie"),
    adres: await page.evaluate(() => location.search + location.hash),
    gebruik: await page.evaluate(() => window.verkenner.cy.nodes(".gebruik").length),
    pkce: await page.evaluate(() => sessionStorage.getItem("graph-api-verkenner-pkce")),
    knop: await page.isVisible("#oidc"),
  };
  await page.screenshot({ path: path.join(screenshots, "8-aangemeld-bij-de-provider.png") });
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(verslag));
