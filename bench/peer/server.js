// The peer of graph_api for bench/peer.py: @neo4j/graphql on Apollo Server, on the same Neo4j.
//
//   NEO4J_URI=bolt://127.0.0.1:7697 PORT=4100 node server.js
//
// Every answer carries `extensions.queryStats` as graph_api's do: `storeCalls`, the Cypher
// statements this request ran, and `storeMs`, the time from sending each until its last record,
// counted on a per-request wrapper of the driver (@neo4j/graphql runs each statement through
// `session.executeRead(tx => tx.run(...))`).

import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const typeDefs = readFileSync(new URL("./schema.graphql", import.meta.url), "utf8");
const driver = neo4j.driver(
  process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687",
  neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""),
);

function counting(stats) {
  const counted = (work) => (tx) =>
    work({
      run(query, parameters) {
        stats.storeCalls += 1;
        const started = performance.now();
        const result = tx.run(query, parameters);
        // The driver keeps one promise per result: awaiting it here as well changes nothing.
        result.then(
          () => (stats.storeMs += performance.now() - started),
          () => {},
        );
        return result;
      },
    });
  return {
    executeQueryBookmarkManager: driver.executeQueryBookmarkManager,
    session(config) {
      const session = driver.session(config);
      return {
        executeRead: (work, config) => session.executeRead(counted(work), config),
        executeWrite: (work, config) => session.executeWrite(counted(work), config),
        close: () => session.close(),
      };
    },
  };
}

const queryStats = {
  async requestDidStart({ contextValue }) {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind === "single") {
          const result = response.body.singleResult;
          const { storeCalls, storeMs } = contextValue.stats;
          result.extensions = {
            ...result.extensions,
            queryStats: { storeCalls, storeMs: Math.round(storeMs * 100) / 100 },
          };
        }
      },
    };
  },
};

const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const server = new ApolloServer({ schema, plugins: [queryStats] });
const { url } = await startStandaloneServer(server, {
  listen: { host: "127.0.0.1", port: Number(process.env.PORT ?? 4100) },
  context: async () => {
    const stats = { storeCalls: 0, storeMs: 0 };
    return { stats, executionContext: counting(stats) };
  },
});
console.log(url);
