"""A landscape's report for the management: one HTML page that prints as an A4 report.

    GET /verkenner/rapport/{organisatie}   (id or CBS code; the bearer token as for /graphql)

Key figures, a picture of the landscape (applications per referentiecomponent by status, drawn
here as SVG; the verkenner adds its drawn graph when it opens the report), lifecycle and
contract ends ahead, standards coverage and, for a gemeente, the most similar gemeenten. It is
read with the asker's visibility by the exports' rules (graph_api/uitwisseling/lezen.py): who
may export a landscape may have its report, and it holds what an export would.
"""

from __future__ import annotations

import asyncio
import html
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from graph_api.domain.analyse import standaarden, vergelijking
from graph_api.errors import GraphApiError, RequestError
from graph_api.graphql.context import Context
from graph_api.http.refusals import refused
from graph_api.identiteit import Identiteit
from graph_api.runtime import Runtime
from graph_api.settings import Settings
from graph_api.toegang import zicht_voor
from graph_api.uitwisseling import lezen
from graph_api.uitwisseling.landschap import GebruikRegel, Landschap

STATUS = {
    "VERWERVING": ("Verwerving", "#0ea5e9"),
    "GEPLAND": ("Gepland", "#a855f7"),
    "IN_PRODUCTIE": ("In productie", "#16a34a"),
    "UIT_TE_FASEREN": ("Uit te faseren", "#f59e0b"),
    "UITGEFASEERD": ("Uitgefaseerd", "#9ca3af"),
}
LEVENSCYCLUS_MAANDEN = 24  # planned phase-outs and ends this far ahead
CONTRACT_MAANDEN = 12  # contract ends this far ahead
PLAAT_COMPONENTEN = 25  # the picture's bars: the components with the most applications
VERGELIJKBAAR = 5


def routes(settings: Settings, authenticate: Callable[[Request], Awaitable[Identiteit]]) -> list[Route]:
    timeout_s = settings.hardening.request_timeout_s

    async def rapport(request: Request) -> Response:
        deadline = asyncio.timeout(timeout_s)
        try:
            async with deadline:
                runtime: Runtime = request.app.state.runtime
                identiteit = await authenticate(request)
                ctx = Context(runtime, identiteit, await zicht_voor(identiteit, runtime.store))
                inhoud = await lees(ctx, request.path_params["organisatie"])
        except TimeoutError:
            if not deadline.expired():
                raise
            return refused(
                RequestError("REQUEST_TIMEOUT", f"the report took longer than {timeout_s:g} s"), "report"
            )
        except GraphApiError as exc:
            return refused(exc, "report")
        stylesheet = str(request.url_for("verkenner-static", path="rapport.css"))
        return HTMLResponse(
            pagina(inhoud, stylesheet, date.today()),
            # A landscape is the asker's to see, not a shared cache's.
            headers={"Cache-Control": "private, no-store"},
        )

    return [Route("/verkenner/rapport/{organisatie}", rapport, methods=["GET"])]


@dataclass(frozen=True)
class Inhoud:
    """What the report shows, read with the asker's visibility."""

    landschap: Landschap
    wie: str | None  # the asker's name
    dekking: standaarden.Dekking | None  # a gemeente's standards coverage
    vergelijkbaar: list[dict[str, Any]]  # a gemeente's most similar gemeenten


async def lees(ctx: Context, organisatie: str) -> Inhoud:
    landschap = await lezen.lees_landschap(
        ctx.store, ctx.zicht, organisatie, ingelogd=ctx.identiteit.gebruiker is not None
    )
    dekking: standaarden.Dekking | None = None
    vergelijkbaar: list[dict[str, Any]] = []
    if landschap.cbs_code is not None:
        dekking = await standaarden.standaardendekking(ctx.store, landschap.organisatie_id)
        vergelijkbaar = await vergelijking.vergelijkbaar(ctx.store, landschap.organisatie_id, VERGELIJKBAAR)
    return Inhoud(landschap, ctx.identiteit.naam, dekking, vergelijkbaar)


def _binnen(dag: date | None, vandaag: date, maanden: int) -> bool:
    return dag is not None and vandaag <= dag <= vandaag + timedelta(days=round(maanden * 30.44))


def _component(g: GebruikRegel) -> str:
    return min((r.naam for r in g.referentiecomponenten), default="Zonder referentiecomponent")


def pagina(inhoud: Inhoud, stylesheet: str, vandaag: date) -> str:
    """The report as one HTML document; every text from the graph is escaped."""
    e = html.escape
    landschap = inhoud.landschap
    gebruik = landschap.gebruik
    in_gebruik = [g for g in gebruik if g.status != "UITGEFASEERD"]
    per_status = Counter(g.status for g in gebruik)
    leveranciers = {g.leverancier_id for g in in_gebruik if g.leverancier_id}
    componenten = {r.naam for g in in_gebruik for r in g.referentiecomponenten}
    delen = [
        f'<header><h1>Applicatielandschap van {e(landschap.organisatie_naam)}</h1><p class="sub">'
        f"Rapport van {vandaag.isoformat()}"
        f"{' voor ' + e(inhoud.wie) if inhoud.wie else ''}, "
        "met wat uw rol van dit landschap ziet.</p></header>",
        '<section><h2>Kerncijfers</h2><dl class="kerncijfers">',
        f'<dt>Applicaties in gebruik</dt><dd data-cijfer="in-gebruik">{len(in_gebruik)}</dd>',
        f'<dt>Leveranciers</dt><dd data-cijfer="leveranciers">{len(leveranciers)}</dd>',
        f'<dt>Referentiecomponenten bediend</dt><dd data-cijfer="componenten">{len(componenten)}</dd>',
        f'<dt>Koppelingen</dt><dd data-cijfer="koppelingen">{len(landschap.koppelingen)}</dd>',
        *(
            f'<dt>{label}</dt><dd data-status="{status}">{per_status.get(status, 0)}</dd>'
            for status, (label, _) in STATUS.items()
        ),
        "</dl></section>",
        '<section class="plaat"><h2>Het landschap</h2>',
        '<figure id="graaf-plaat"><!-- graaf-plaat --></figure>',
        _plaat(in_gebruik),
        "</section>",
        _levenscyclus(gebruik, vandaag),
        _contracten(gebruik, vandaag),
        _standaarden(inhoud),
        _vergelijkbaar(inhoud),
    ]
    return (
        '<!doctype html>\n<html lang="nl"><head><meta charset="utf-8">'
        f"<title>Applicatielandschap van {e(landschap.organisatie_naam)}</title>"
        f'<link rel="stylesheet" href="{e(stylesheet, quote=True)}"></head>'
        f'<body class="rapport">{"".join(delen)}</body></html>\n'
    )


def _plaat(in_gebruik: list[GebruikRegel]) -> str:
    """Applications per referentiecomponent, a bar per component coloured by status, as SVG."""
    per: dict[str, Counter[str]] = {}
    for g in in_gebruik:
        per.setdefault(_component(g), Counter())[g.status] += 1
    getoond = sorted(per.items(), key=lambda item: (-sum(item[1].values()), item[0]))[:PLAAT_COMPONENTEN]
    if not getoond:
        return "<p>Geen applicaties in gebruik te zien.</p>"
    grootste = max(sum(c.values()) for _, c in getoond)
    regel, links, breed = 18, 260, 420
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="plaat-svg" role="img" aria-labelledby="plaat-titel" '
        f'viewBox="0 0 {links + breed + 40} {regel * len(getoond) + 30}">',
        f'<title id="plaat-titel">Applicaties per referentiecomponent (de {len(getoond)} grootste), '
        "naar status</title>",
    ]
    for i, (naam, telling) in enumerate(getoond):
        y = i * regel
        delen.append(
            f'<text x="{links - 6}" y="{y + 12}" text-anchor="end" font-size="10">'
            f"{html.escape(naam[:45])}</text>"
        )
        x = float(links)
        for status, (_, kleur) in STATUS.items():
            if telling[status]:
                w = breed * telling[status] / grootste
                delen.append(
                    f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{regel - 6}" fill="{kleur}"/>'
                )
                x += w
        delen.append(f'<text x="{x + 4:.1f}" y="{y + 12}" font-size="10">{sum(telling.values())}</text>')
    legenda_y = regel * len(getoond) + 18
    x = float(links)
    for status, (label, kleur) in STATUS.items():
        if status == "UITGEFASEERD":
            continue
        delen.append(f'<rect x="{x:.0f}" y="{legenda_y - 9}" width="10" height="10" fill="{kleur}"/>')
        delen.append(f'<text x="{x + 14:.0f}" y="{legenda_y}" font-size="10">{label}</text>')
        x += 100
    delen.append("</svg>")
    return "".join(delen)


def _tabel(
    kop: str, uitleg: str, kolommen: tuple[str, ...], rijen: Sequence[tuple[str, ...]], soort: str
) -> str:
    e = html.escape
    if not rijen:
        return f"<section><h2>{kop}</h2><p>{uitleg} Geen.</p></section>"
    head = "".join(f'<th scope="col">{e(k)}</th>' for k in kolommen)
    body = "".join(f"<tr data-{soort}>" + "".join(f"<td>{e(c)}</td>" for c in rij) + "</tr>" for rij in rijen)
    return (
        f"<section><h2>{kop}</h2><p>{uitleg}</p>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></section>"
    )


def _levenscyclus(gebruik: tuple[GebruikRegel, ...], vandaag: date) -> str:
    rijen = []
    for g in gebruik:
        for wat, dag in (("uitfaseren", g.uit_te_faseren_datum), ("einde", g.eind_datum)):
            if _binnen(dag, vandaag, LEVENSCYCLUS_MAANDEN):
                assert dag is not None
                rijen.append(
                    (dag.isoformat(), wat, g.applicatie_naam, g.leverancier_naam or "", _component(g))
                )
    rijen.sort()
    return _tabel(
        "Levenscyclus",
        f"Geplande uitfasering en einde van gebruik in de komende {LEVENSCYCLUS_MAANDEN} maanden.",
        ("Datum", "Wat", "Applicatie", "Leverancier", "Referentiecomponent"),
        rijen,
        "levenscyclus",
    )


def _contracten(gebruik: tuple[GebruikRegel, ...], vandaag: date) -> str:
    rijen = sorted(
        (g.contract_einde.isoformat(), g.applicatie_naam, g.leverancier_naam or "", STATUS[g.status][0])
        for g in gebruik
        if g.status != "UITGEFASEERD"
        and _binnen(g.contract_einde, vandaag, CONTRACT_MAANDEN)
        and g.contract_einde
    )
    return _tabel(
        "Contracten die aflopen",
        f"Contracten van applicaties in gebruik die in de komende {CONTRACT_MAANDEN} maanden eindigen.",
        ("Contract einde", "Applicatie", "Leverancier", "Status"),
        rijen,
        "contract",
    )


def _standaarden(inhoud: Inhoud) -> str:
    koppelingen = inhoud.landschap.koppelingen
    met = [k for k in koppelingen if k.standaarden]
    gebruikt = Counter(s.naam for k in koppelingen for s in k.standaarden)
    delen = ["<section><h2>Standaarden</h2>"]
    if not koppelingen:
        delen.append(
            "<p>Geen koppelingen te zien: uw rol ziet de koppelingen van dit landschap niet, "
            "of het heeft er geen.</p>"
        )
    else:
        delen.append(
            f'<p><span data-cijfer="met-standaard">{len(met)}</span> van de {len(koppelingen)} koppelingen '
            f"({round(100 * len(met) / len(koppelingen))}%) volgen ten minste één standaard.</p>"
        )
    if inhoud.dekking is not None and inhoud.dekking.koppelingen:
        d = inhoud.dekking
        delen.append(
            f"<p>Van de {int(d.koppelingen)} koppelingen hebben er {int(d.met_verplichte_standaard)} "
            f"een eind waarvoor GEMMA een standaard verplicht; {int(d.volgens_verplichte_standaard)} "
            "daarvan volgen die standaard.</p>"
        )
    if gebruikt:
        items = "".join(
            f"<li>{html.escape(naam)}: {aantal}</li>"
            for naam, aantal in sorted(gebruikt.items(), key=lambda i: (-i[1], i[0]))[:10]
        )
        delen.append(f"<h3>Meest gebruikte standaarden (koppelingen)</h3><ol>{items}</ol>")
    delen.append("</section>")
    return "".join(delen)


def _vergelijkbaar(inhoud: Inhoud) -> str:
    if inhoud.landschap.cbs_code is None:
        return ""
    rijen = [
        (
            row["gemeente"]["naam"],
            f"{round(100 * row['jaccard'])}%",
            str(row["gedeeld"]),
            str(row["alleenHier"]),
            str(row["alleenDaar"]),
        )
        for row in inhoud.vergelijkbaar
    ]
    return _tabel(
        "Vergelijkbare gemeenten",
        "De gemeenten waarvan de applicaties het meest overlappen met die van deze gemeente (Jaccard).",
        ("Gemeente", "Overlap", "Gedeeld", "Alleen hier", "Alleen daar"),
        rijen,
        "vergelijkbaar",
    )
