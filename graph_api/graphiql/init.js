// Starts GraphiQL against this API; kept out of the page so the page needs no inline script.
(function () {
  var endpoint = document.body.dataset.endpoint || "/graphql";
  // Subscriptions go over WebSocket to the same address (graphql-transport-ws, the client
  // GraphiQL bundles); the Headers tab's Authorization goes in connection_init's payload.
  var subscriptions = new URL(endpoint, window.location.href);
  subscriptions.protocol = subscriptions.protocol === "https:" ? "wss:" : "ws:";
  var fetcher = GraphiQL.createFetcher({ url: endpoint, subscriptionUrl: subscriptions.href });
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      // Signing in is a header: {"Authorization": "Bearer <token>"} in the Headers tab below.
      isHeadersEditorEnabled: true,
      // Headers hold bearer tokens: keep them out of localStorage, where they would outlive
      // the session and be readable by any script on this origin.
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: true,
      defaultQuery:
        "# graph_api: the application landscape of the Dutch gemeenten.\n" +
        "# The Docs tab lists every type; docs/graphql.md has example queries per user.\n" +
        "# Signed out you see the catalogue, GEMMA and the organisations. Who uses what (a\n" +
        "# landscape) needs a token: `graph-api dev-token --organisatie GM0363 --rol\n" +
        "# GEBRUIK_RAADPLEGER` on a laptop, then {\"Authorization\": \"Bearer <token>\"} in the\n" +
        "# Headers tab below. extensions.beperkingen says what your role left out of an answer.\n\n" +
        "{\n  gemeente(cbsCode: \"GM0363\") {\n    naam\n    inwoners\n    provincie\n  }\n" +
        "  applicaties(first: 5, filter: {tekst: \"zaak\"}) {\n    totalCount\n" +
        "    nodes {\n      naam\n      leverancier { naam }\n" +
        "      referentiecomponenten { naam }\n    }\n  }\n}\n",
    })
  );
})();
