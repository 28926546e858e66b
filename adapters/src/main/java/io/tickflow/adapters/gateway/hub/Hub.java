package io.tickflow.adapters.gateway.hub;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The server side of one SignalR hub over WebSocket with the JSON hub protocol, as a Jetty
 * handler: what the paper gateway serves so that unmodified SignalR clients (the live adapter, the
 * Microsoft clients) can connect to it as they would to the real service.
 *
 * <p>Clients either open the WebSocket at {@code path} directly (skip negotiation) or first
 * {@code POST path/negotiate} and then open {@code path?id=<connectionToken>}; both steps need an
 * access token the {@link HubAuthenticator} knows. Invocations are dispatched to {@link HubMethods}
 * on Jetty's threads, one message at a time per connection. The server pings a connection it has
 * sent nothing to for the keep-alive interval.
 */
public final class Hub {
    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);

    /** How long a negotiated connection token waits for its socket, as ASP.NET Core's disconnect timeout. */
    private static final Duration NEGOTIATION_LIFETIME = Duration.ofSeconds(15);

    private final HubMethods methods;
    private final Map<String, String> methodsByLowerCaseName;
    private final Duration handshakeTimeout;
    private final HubProtocol protocol;
    private final Negotiations negotiations = new Negotiations();
    private final Set<HubConnection> connections = ConcurrentHashMap.newKeySet();
    private final Set<HubSession> sessions = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler;
    private final HubHandler handler;
    private volatile boolean closed;

    /**
     * @param path              where the hub is served, e.g. {@code /hubs/user}
     * @param keepAliveInterval how long a connection may go without a message from the server before it is pinged
     * @param handshakeTimeout  how long a new socket has to send its handshake before it is closed
     */
    public Hub(String path, HubMethods methods, HubAuthenticator auth, Duration keepAliveInterval,
            Duration handshakeTimeout) {
        this.methods = Objects.requireNonNull(methods, "methods");
        this.methodsByLowerCaseName = methods.methodNames().stream()
                .collect(Collectors.toUnmodifiableMap(Hub::lowerCase, Function.identity()));
        this.handshakeTimeout = Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        // decimals written plain (6800.25, 10), never 1E+1
        ObjectMapper json = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
        this.protocol = new HubProtocol(json);
        this.handler = new HubHandler(this, Objects.requireNonNull(path, "path"), Objects.requireNonNull(auth, "auth"),
                negotiations, json);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hub-" + path);
            thread.setDaemon(true);
            return thread;
        });
        long intervalNanos = keepAliveInterval.toNanos();
        long tickNanos = Math.max(intervalNanos / 4, TimeUnit.MILLISECONDS.toNanos(10));
        scheduler.scheduleAtFixedRate(() -> keepAlive(intervalNanos), tickNanos, tickNanos, TimeUnit.NANOSECONDS);
    }

    /** The handler serving the hub's path and its negotiate path; it declines every other request. */
    public Handler handler() {
        return handler;
    }

    /** The connections that have completed their handshake and not yet ended. */
    public Collection<HubSession> sessions() {
        return Collections.unmodifiableSet(sessions);
    }

    /** Closes every connection with a Close message, refuses new ones and stops the keep-alive timer. */
    public void close() {
        closed = true;
        List.copyOf(connections).forEach(connection -> connection.close(null, false));
        scheduler.shutdownNow();
    }

    boolean isClosed() {
        return closed;
    }

    HubProtocol protocol() {
        return protocol;
    }

    HubMethods methods() {
        return methods;
    }

    /** @return the canonical spelling of the method {@code target} names, case-insensitively, or null if none */
    String methodNamed(String target) {
        return methodsByLowerCaseName.get(lowerCase(target));
    }

    /** A socket opened: it has the handshake timeout to complete its handshake. */
    void opened(HubConnection connection) {
        connections.add(connection);
        if (closed) {
            connection.close(null, false);
            return;
        }
        try {
            scheduler.schedule(connection::handshakeTimedOut, handshakeTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closedMeanwhile) {
            connection.close(null, false);
        }
    }

    /** The handshake was accepted: the connection is a session, listed before the client hears so. */
    void joined(HubConnection connection) {
        sessions.add(connection);
    }

    /** The handshake answer is on its way: the hub methods may send to the session. */
    void connected(HubConnection connection) {
        try {
            methods.onConnected(connection);
        } catch (RuntimeException e) {
            LOG.warn("onConnected failed for connection {}", connection.id(), e);
        }
    }

    /** A socket ended, once: {@code handshaken} tells whether the hub methods were told it connected. */
    void ended(HubConnection connection, boolean handshaken) {
        connections.remove(connection);
        sessions.remove(connection);
        if (connection.connectionToken() != null) {
            negotiations.release(connection.connectionToken());
        }
        if (handshaken) {
            try {
                methods.onDisconnected(connection);
            } catch (RuntimeException e) {
                LOG.warn("onDisconnected failed for connection {}", connection.id(), e);
            }
        }
    }

    /** Forgets a negotiated connection token that no socket has claimed after a while. */
    void expireLater(String connectionToken) {
        try {
            scheduler.schedule(() -> negotiations.expire(connectionToken), NEGOTIATION_LIFETIME.toSeconds(),
                    TimeUnit.SECONDS);
        } catch (RejectedExecutionException closedMeanwhile) {
            negotiations.release(connectionToken);
        }
    }

    private void keepAlive(long intervalNanos) {
        long now = System.nanoTime();
        for (HubConnection connection : connections) {
            connection.keepAlive(now, intervalNanos);
        }
    }

    private static String lowerCase(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
