// Starts GraphiQL against this API; kept out of the page so the page needs no inline script.
(function () {
  var endpoint = document.body.dataset.endpoint || "/graphql";
  var fetcher = GraphiQL.createFetcher({ url: endpoint });
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
        "# The Docs tab lists every type; docs/graphql.md has example queries.\n" +
        "# Signed in? Put {\"Authorization\": \"Bearer <token>\"} in the Headers tab below;\n" +
        "# `{ ik { subject lidmaatschappen { soort rollen } } }` shows who the API takes you to be.\n\n" +
        "{\n  gemeente(cbsCode: \"GM0363\") {\n    naam\n    inwoners\n" +
        "    gebruik(first: 10) {\n      totalCount\n      nodes {\n        status\n" +
        "        applicatie { naam leverancier { naam } }\n      }\n    }\n  }\n}\n",
    })
  );
})();
