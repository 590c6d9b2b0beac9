"""GraphiQL, served by the API itself from assets installed out of the npm registry (graph_api/npm.py)."""

from __future__ import annotations

import html
from pathlib import Path

from graph_api.npm import Bundle, NpmPackage

INIT_SCRIPT = Path(__file__).with_name("init.js")

PACKAGES = (
    NpmPackage(
        "graphiql",
        "3.8.3",
        "sha512-cuPDYtXVKV86Pu5PHBX642Odi/uVEE2y1Jxq5rGO/Qy1G2lRp7ZZ7a/T30RzxhuLSWo9zUbzq0P3U49//H0Ugw==",
        {"package/graphiql.min.js": "graphiql.min.js", "package/graphiql.min.css": "graphiql.min.css"},
    ),
    NpmPackage(
        "react",
        "18.3.1",
        "sha512-wS+hAgJShR0KhEvPJArfuPVN1+Hz1t0Y6n5jLrGQbkb4urgPE/0Rve+1kMB1v/oWgHgm4WIcV+i7F2pTVj+2iQ==",
        {"package/umd/react.production.min.js": "react.production.min.js"},
    ),
    NpmPackage(
        "react-dom",
        "18.3.1",
        "sha512-5m4nQKp+rZRb09LNH59GM4BxTh9251/ylbKIbpe7TpGxfJ+9kv6BLkLBXIjjspbgbnIBNqlI23tRnTWT0snUIw==",
        {"package/umd/react-dom.production.min.js": "react-dom.production.min.js"},
    ),
)
BUNDLE = Bundle("graphiql", PACKAGES, "GRAPH_API_GRAPHIQL_DIR")


def page(endpoint: str = "/graphql", assets: str = "/graphql/assets") -> str:
    """The GraphiQL page: no inline script, so a strict content security policy still allows it."""
    if not BUNDLE.is_installed():
        return _MISSING.format(dir=html.escape(str(BUNDLE.directory())))
    return _PAGE.format(endpoint=html.escape(endpoint, quote=True), assets=html.escape(assets, quote=True))


_PAGE = """<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <title>graph_api · GraphiQL</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="{assets}/graphiql.min.css">
  <link rel="stylesheet" href="{assets}/graphiql.css">
</head>
<body data-endpoint="{endpoint}">
  <div id="graphiql">GraphiQL is loading…</div>
  <script src="{assets}/react.production.min.js"></script>
  <script src="{assets}/react-dom.production.min.js"></script>
  <script src="{assets}/graphiql.min.js"></script>
  <script src="{assets}/init.js"></script>
</body>
</html>
"""

_MISSING = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>graph_api · GraphiQL</title></head>
<body><h1>GraphiQL is not installed</h1>
<p>Its assets are missing from <code>{dir}</code>. Run <code>graph-api install-assets</code>
(<code>make run</code> does this) and reload. The API itself works: POST queries to this address.</p>
</body></html>
"""
