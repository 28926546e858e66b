package io.tickflow.adapters.gateway.hub;

import java.time.Duration;
import java.util.Map;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A Jetty server on a free local port serving one hub at {@value #PATH} with {@link TestMethods}. */
final class HubServer implements AutoCloseable {
    static final String PATH = "/hubs/user";
    static final String ALICE_TOKEN = "alice-token";
    static final String BOB_TOKEN = "bob-token";

    final TestMethods methods = new TestMethods();
    final Hub hub;
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    HubServer(Duration keepAliveInterval, Duration handshakeTimeout) throws Exception {
        Map<String, String> users = Map.of(ALICE_TOKEN, "alice", BOB_TOKEN, "bob");
        hub = new Hub(PATH, methods, users::get, keepAliveInterval, handshakeTimeout);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(hub.handler());
        server.start();
    }

    HubServer() throws Exception {
        this(Duration.ofSeconds(15), Duration.ofSeconds(15));
    }

    /** The hub's URL with the given scheme ({@code http} or {@code ws}). */
    String url(String scheme) {
        return scheme + "://127.0.0.1:" + connector.getLocalPort() + PATH;
    }

    @Override
    public void close() throws Exception {
        hub.close();
        server.stop();
    }
}
