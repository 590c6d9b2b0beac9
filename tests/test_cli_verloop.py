"""`graph-api landschap verschil`: the difference in a landscape as the CLI reports it, run as its
own process against a graph of the test's own (FalkorDB, as the other CLI tests), after writes
made through the API. The expected lines are what the test itself wrote."""

from __future__ import annotations

import json
from typing import Any

from tests.backends import Backend
from tests.conftest import run_cli
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_gebruik_mutaties import REGISTREER, VERWIJDER, WIJZIG, serve, tokens
from tests.graphql.test_koppeling_mutaties import REGISTREER as REGISTREER_KOPPELING
from tests.graphql.test_koppeling_mutaties import VERWIJDER as VERWIJDER_KOPPELING
from tests.graphql.test_verloop import moment, post

GEMEENTE = "GM0014"


def verschil(backend: Backend, *args: str) -> Any:
    return run_cli("landschap", "verschil", *args, env=backend.cli_env(), timeout=120)


def regel(oid: str, soort: str, namen: dict[str, Any], velden: dict[str, tuple[Any, Any]]) -> dict[str, Any]:
    return {
        "id": oid,
        "soort": soort,
        **namen,
        "velden": [{"veld": veld, "van": van, "tot": tot} for veld, (van, tot) in sorted(velden.items())],
    }


def gewoon(report: dict[str, Any]) -> dict[str, Any]:
    """The report, each line's fields by name (their order is not part of it)."""
    for key in ("gebruik", "koppelingen"):
        for line in report[key]:
            line["velden"].sort(key=lambda v: v["veld"])
    return report


async def test_the_report_and_its_json(own_graph: Backend) -> None:
    with serve(own_graph) as client:
        minted = await tokens(own_graph, (GEMEENTE, "GEBRUIK_BEHEERDER"), (VNG, "FUNCTIONEEL_BEHEERDER"))
        eigen = Api(client, minted[(GEMEENTE, "GEBRUIK_BEHEERDER")])
        beheer = Api(client, minted[(VNG, "FUNCTIONEEL_BEHEERDER")])
        gebruikt = {
            g["applicatie"]["identificatie"]
            for g in beheer.query(
                "query($o: ID!) { gebruik(organisatie: $o, first: 100) { nodes { applicatie { identificatie } } } }",
                {"o": GEMEENTE},
            )["gebruik"]["nodes"]
        }
        apps = beheer.query("{ applicaties(first: 100) { nodes { identificatie naam status } } }")
        a, b = [
            x
            for x in apps["applicaties"]["nodes"]
            if x["status"] == "ACTIEF" and x["identificatie"] not in gebruikt
        ][:2]
        naam = beheer.query("query($o: String!) { organisatie(identificatie: $o) { naam } }", {"o": GEMEENTE})

        t0 = moment()
        g_a = post(eigen, REGISTREER, organisatie=GEMEENTE, applicatie=a["identificatie"], notities="x")
        g_a = g_a["registreerGebruik"]["gebruik"]["identificatie"]
        g_b = post(eigen, REGISTREER, organisatie=GEMEENTE, applicatie=b["identificatie"])
        g_b = g_b["registreerGebruik"]["gebruik"]["identificatie"]
        k = post(eigen, REGISTREER_KOPPELING, van=g_a, naar=g_b, type="API", richting="HEEN")
        k = k["registreerKoppeling"]["koppeling"]["identificatie"]
        t1 = moment()
        post(eigen, WIJZIG, gebruik=g_a, verwachteVersie=1, notities="y")
        post(eigen, VERWIJDER_KOPPELING, koppeling=k, verwachteVersie=1)
        post(eigen, VERWIJDER, gebruik=g_b, verwachteVersie=1)

    vandaag = t0[:10]
    app_a = {"applicatie": {"id": a["identificatie"], "naam": a["naam"]}}
    app_b = {"applicatie": {"id": b["identificatie"], "naam": b["naam"]}}
    einden = {"van": {"id": g_a, "naam": a["naam"]}, "naar": {"id": g_b, "naam": b["naam"]}}
    gebruik_b = {"status": "VERWERVING", "verwervingDatum": vandaag, "applicatie": b["identificatie"]}
    koppeling = {"type": "API", "richting": "HEEN", "status": "IN_ONTWIKKELING", "van": g_a, "naar": g_b}

    # From t0 to t1: all three added, as they were at t1 (the CBS code in any case).
    result = verschil(own_graph, GEMEENTE.lower(), "--van", t0, "--tot", t1, "--json")
    assert result.returncode == 0, result.stderr
    gebruik_a = {
        "status": "VERWERVING",
        "verwervingDatum": vandaag,
        "notities": "x",
        "applicatie": a["identificatie"],
    }
    assert gewoon(json.loads(result.stdout)) == {
        "organisatie": {"id": GEMEENTE, "naam": naam["organisatie"]["naam"]},
        "van": t0,
        "tot": t1,
        "aantallen": {
            "gebruik": {"TOEGEVOEGD": 2, "GEWIJZIGD": 0, "VERWIJDERD": 0},
            "koppelingen": {"TOEGEVOEGD": 1, "GEWIJZIGD": 0, "VERWIJDERD": 0},
        },
        "gebruik": sorted(
            [
                regel(g_a, "TOEGEVOEGD", app_a, {f: (None, v) for f, v in gebruik_a.items()}),
                regel(g_b, "TOEGEVOEGD", app_b, {f: (None, v) for f, v in gebruik_b.items()}),
            ],
            key=lambda r: r["applicatie"]["naam"],
        ),
        "koppelingen": [regel(k, "TOEGEVOEGD", einden, {f: (None, v) for f, v in koppeling.items()})],
    }

    # From t1 until now: one changed, two removed; printed for a person.
    result = verschil(own_graph, GEMEENTE, "--van", t1)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1:3] == [
        "Gebruik: 0 toegevoegd, 1 gewijzigd, 1 verwijderd",
        "Koppelingen: 0 toegevoegd, 0 gewijzigd, 1 verwijderd",
    ]
    assert f'~ Gebruik {g_a} {a["naam"]}: notities "x" → "y"' in lines
    assert f"- Gebruik {g_b} {b['naam']}: " in "\n".join(lines)
    assert f"- Koppeling {k} {a['naam']} → {b['naam']}: " in "\n".join(lines)
    assert len(lines) == 6

    # Refused as the API refuses: a bad instant (before the engine is started), an unknown organisation.
    result = verschil(own_graph, GEMEENTE, "--van", "gisteren")
    assert result.returncode == 2 and "error INVALID_ARGUMENT:" in result.stderr, result.stderr
    result = verschil(own_graph, "GM9999", "--van", t0)
    assert result.returncode == 2 and "error UNKNOWN_ORGANISATION:" in result.stderr, result.stderr
