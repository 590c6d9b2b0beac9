// A Neo4j 5 Community server for the test suite, run by tests/neo4j/server.py as
// `java -cp <neo4j-harness classpath> Neo4jTestServer.java WORKDIR [PORT]`.
//
// Bolt listens on a free loopback port and is advertised under that same port, so the routing
// driver (neo4j://) gets a routing table it can use. Given a PORT, it listens on that one and keeps
// its databases in WORKDIR/data: started again with the same arguments after being killed, it
// recovers the same graph at the same address (tests/test_faults.py kills one under load). The first line on stdout is the Bolt
// address; the server then runs until its standard input closes, which happens when the test
// run ends however it ends (a killed pytest closes the pipe too), or until SIGTERM.
//
// WORKDIR/commits holds the number of transactions that changed the default database, rewritten
// after each one: tests/graafdump.py reads it to know that a graph is as it was without reading
// the whole graph again (Community edition reports no last committed transaction id).
// WORKDIR/touched gets, before that, the element ids of the nodes each of them touched (created,
// deleted, given or stripped of a property or label, or at either end of a relationship created,
// deleted or changed), one per line: tests/herstel.py puts back only those.

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.event.LabelEntry;
import org.neo4j.graphdb.event.PropertyEntry;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListenerAdapter;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;

public class Neo4jTestServer {
    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: Neo4jTestServer WORKDIR [PORT]");
            System.exit(2);
        }
        Path workDir = Path.of(args[0]);
        Neo4j neo4j = args.length == 2 ? start(workDir, Integer.parseInt(args[1])) : start(workDir);
        Runtime.getRuntime().addShutdownHook(new Thread(neo4j::close));
        countCommits(neo4j, workDir.resolve("commits"), workDir.resolve("touched"));
        System.out.println("bolt://127.0.0.1:" + neo4j.boltURI().getPort());
        System.out.flush();
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // nothing is sent; the stream only tells that the test run still holds it
        }
        System.exit(0); // runs the shutdown hook
    }

    private static Neo4j start(Path workDir) throws IOException {
        IOException last = null;
        // The port is chosen before Neo4j binds it; another process may take it in between.
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = freePort();
            try {
                return builder(workDir.resolve("attempt-" + attempt), port).build();
            } catch (RuntimeException e) {
                last = new IOException("Neo4j did not start on port " + port, e);
            }
        }
        throw last;
    }

    private static Neo4j start(Path workDir, int port) {
        return builder(workDir.resolve("server"), port)
                .withConfig(GraphDatabaseSettings.data_directory, workDir.resolve("data").toAbsolutePath())
                .build();
    }

    private static Neo4jBuilder builder(Path directory, int port) {
        SocketAddress address = new SocketAddress("127.0.0.1", port);
        return Neo4jBuilders.newInProcessBuilder(directory)
                .withDisabledServer()
                .withConfig(HttpConnector.enabled, false)
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, address)
                .withConfig(BoltConnector.advertised_address, address)
                .withConfig(GraphDatabaseSettings.auth_enabled, false)
                .withConfig(GraphDatabaseSettings.pagecache_memory, 512L * 1024 * 1024)
                .withConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .withConfig(GraphDatabaseInternalSettings.udc_network_enabled, false);
    }

    private static void countCommits(Neo4j neo4j, Path file, Path touchedFile) throws IOException {
        AtomicLong commits = new AtomicLong();
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.writeString(file, "0");
        Files.writeString(touchedFile, "");
        neo4j.databaseManagementService().registerTransactionEventListener(
                GraphDatabaseSettings.DEFAULT_DATABASE_NAME,
                new TransactionEventListenerAdapter<Object>() {
                    // Called only for transactions that changed something, before the client's
                    // commit returns: a test that has its answer sees the count that includes it.
                    @Override
                    public void afterCommit(TransactionData data, Object state, GraphDatabaseService db) {
                        String lines = String.join("\n", touched(data)) + "\n";
                        synchronized (commits) {
                            try {
                                Files.writeString(touchedFile, lines, StandardOpenOption.APPEND);
                                Files.writeString(partial, Long.toString(commits.incrementAndGet()));
                                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    }
                });
    }

    private static Set<String> touched(TransactionData data) {
        Set<String> nodes = new LinkedHashSet<>();
        data.createdNodes().forEach(node -> nodes.add(node.getElementId()));
        data.deletedNodes().forEach(node -> nodes.add(node.getElementId()));
        for (PropertyEntry<Node> entry : data.assignedNodeProperties()) {
            nodes.add(entry.entity().getElementId());
        }
        for (PropertyEntry<Node> entry : data.removedNodeProperties()) {
            nodes.add(entry.entity().getElementId());
        }
        for (LabelEntry entry : data.assignedLabels()) {
            nodes.add(entry.node().getElementId());
        }
        for (LabelEntry entry : data.removedLabels()) {
            nodes.add(entry.node().getElementId());
        }
        data.createdRelationships().forEach(relationship -> ends(relationship, nodes));
        data.deletedRelationships().forEach(relationship -> ends(relationship, nodes));
        for (PropertyEntry<Relationship> entry : data.assignedRelationshipProperties()) {
            ends(entry.entity(), nodes);
        }
        for (PropertyEntry<Relationship> entry : data.removedRelationshipProperties()) {
            ends(entry.entity(), nodes);
        }
        return nodes;
    }

    private static void ends(Relationship relationship, Set<String> nodes) {
        nodes.add(relationship.getStartNode().getElementId());
        nodes.add(relationship.getEndNode().getElementId());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
