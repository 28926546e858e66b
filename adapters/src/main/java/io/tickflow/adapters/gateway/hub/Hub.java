package io.tickflow.adapters.gateway.hub;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SignalR hub served over WebSockets with the JSON hub protocol, as the ProjectX service
 * serves its market and user hubs: clients may negotiate first ({@code POST <path>/negotiate},
 * then {@code <path>?id=<connectionToken>}) or skip negotiation and open the WebSocket at
 * {@code <path>}. The access token comes as the {@code access_token} query parameter or an
 * {@code Authorization: Bearer} header; a bad one is a 401, an unknown connection id a 404,
 * a second socket for one id a 409. The server pings a connection it has sent nothing to
 * for the keep-alive interval; a connection with no handshake within the handshake timeout
 * is closed.
 */
public final class Hub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);
    private static final long NEGOTIATION_LIFETIME_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** A negotiated connection not yet opened: its user and when it was negotiated. */
    private record Negotiated(String connectionId, String user, long atNanos) {
    }

    private final String path;
    private final HubMethods methods;
    private final HubAuthenticator auth;
    private final Map<String, String> methodsByLowerName;
    private final long keepAliveNanos;
    private final long handshakeTimeoutNanos;
    private final Map<String, Negotiated> negotiated = new ConcurrentHashMap<>();
    private final Map<String, Boolean> usedTokens = new ConcurrentHashMap<>();
    private final Map<HubConnection, Boolean> connections = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    public Hub(String path, HubMethods methods, HubAuthenticator auth, Duration keepAlive, Duration handshakeTimeout) {
        if (!path.startsWith("/") || path.endsWith("/")) {
            throw new IllegalArgumentException("a hub path starts with / and does not end with one: " + path);
        }
        this.path = path.toLowerCase(Locale.ROOT);
        this.methods = methods;
        this.auth = auth;
        this.methodsByLowerName = methods.methodNames().stream()
                .collect(Collectors.toUnmodifiableMap(m -> m.toLowerCase(Locale.ROOT), Function.identity()));
        this.keepAliveNanos = keepAlive.toNanos();
        this.handshakeTimeoutNanos = handshakeTimeout.toNanos();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hub-keepalive" + path.replace('/', '-'));
            t.setDaemon(true);
            return t;
        });
        long tick = Math.max(10, keepAlive.toMillis() / 4);
        timer.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    HubMethods methods() {
        return methods;
    }

    /** The open connections that completed their handshake. */
    public Collection<HubSession> sessions() {
        return connections.keySet().stream().filter(HubConnection::handshaken).collect(Collectors.toList());
    }

    /**
     * The HTTP handler for this hub on {@code server}: it answers the hub's path and its
     * negotiate path and declines everything else, so it can sit in a sequence of handlers.
     */
    public Handler handler(Server server) {
        ServerWebSocketContainer container = ServerWebSocketContainer.ensure(server);
        container.setIdleTimeout(Duration.ofNanos(Math.max(keepAliveNanos * 4, TimeUnit.SECONDS.toNanos(30))));
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String requestPath = Request.getPathInContext(request).toLowerCase(Locale.ROOT);
                if (requestPath.equals(path + "/negotiate")) {
                    return negotiate(request, response, callback);
                }
                if (requestPath.equals(path)) {
                    return connect(container, request, response, callback);
                }
                return false;
            }
        };
    }

    private String userOf(Request request, Fields query) {
        String token = token(request, query);
        return token == null || token.isEmpty() ? null : auth.userOf(token);
    }

    private static String token(Request request, Fields query) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        return query.getValue("access_token");
    }

    private boolean negotiate(Request request, Response response, Callback callback) {
        if (!"POST".equals(request.getMethod())) {
            return status(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
        }
        Fields query = Request.extractQueryParameters(request);
        String user = userOf(request, query);
        if (user == null) {
            return status(response, callback, HttpStatus.UNAUTHORIZED_401);
        }
        String connectionId = UUID.randomUUID().toString();
        int version = parseVersion(query.getValue("negotiateVersion"));
        String connectionToken = version >= 1 ? UUID.randomUUID().toString() : connectionId;
        negotiated.put(connectionToken, new Negotiated(connectionId, user, System.nanoTime()));
        String body = "{\"connectionId\":\"" + connectionId + "\","
                + (version >= 1 ? "\"connectionToken\":\"" + connectionToken + "\"," : "")
                + "\"negotiateVersion\":" + Math.min(version, 1) + ","
                + "\"availableTransports\":[{\"transport\":\"WebSockets\",\"transferFormats\":[\"Text\",\"Binary\"]}]}";
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        Content.Sink.write(response, true, body, callback);
        return true;
    }

    private static int parseVersion(String text) {
        try {
            return text == null ? 0 : Math.max(0, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private boolean connect(ServerWebSocketContainer container, Request request, Response response,
                            Callback callback) {
        Fields query = Request.extractQueryParameters(request);
        String user = userOf(request, query);
        String id = query.getValue("id");
        String connectionId;
        if (id != null) {
            Negotiated n = negotiated.get(id);
            if (n == null) {
                return status(response, callback, usedTokens.containsKey(id) ? HttpStatus.CONFLICT_409
                        : HttpStatus.NOT_FOUND_404);
            }
            if (user == null || !user.equals(n.user)) {
                return status(response, callback, HttpStatus.UNAUTHORIZED_401);
            }
            if (negotiated.remove(id) == null) {
                return status(response, callback, HttpStatus.CONFLICT_409);
            }
            usedTokens.put(id, Boolean.TRUE);
            connectionId = n.connectionId;
        } else {
            if (user == null) {
                return status(response, callback, HttpStatus.UNAUTHORIZED_401);
            }
            connectionId = UUID.randomUUID().toString();
        }
        String owner = user;
        boolean upgraded = container.upgrade((upgradeRequest, upgradeResponse, cb) -> {
            HubConnection c = new HubConnection(this, connectionId, owner, methodsByLowerName);
            connections.put(c, Boolean.TRUE);
            return c;
        }, request, response, callback);
        if (!upgraded) {
            response.setStatus(HttpStatus.BAD_REQUEST_400);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
            Content.Sink.write(response, true, "The hub accepts WebSocket connections only.", callback);
        }
        return true;
    }

    private static boolean status(Response response, Callback callback, int status) {
        response.setStatus(status);
        Content.Sink.write(response, true, HttpStatus.getMessage(status), callback);
        return true;
    }

    void onHandshake(HubConnection connection) {
        try {
            methods.onConnected(connection);
        } catch (RuntimeException e) {
            LOG.error("hub {}: onConnected failed", path, e);
        }
    }

    void onEnded(HubConnection connection) {
        if (connections.remove(connection) != null && connection.handshaken()) {
            try {
                methods.onDisconnected(connection);
            } catch (RuntimeException e) {
                LOG.error("hub {}: onDisconnected failed", path, e);
            }
        }
    }

    private void tick() {
        long now = System.nanoTime();
        for (HubConnection c : connections.keySet()) {
            if (!c.handshaken() && now - c.openedNanos() > handshakeTimeoutNanos) {
                c.close("Handshake was not completed in time.", false);
            } else {
                c.keepAlive(now, keepAliveNanos);
            }
        }
        negotiated.values().removeIf(n -> now - n.atNanos > NEGOTIATION_LIFETIME_NANOS);
    }

    /** Closes every connection with a Close message and stops the keep-alive timer. */
    @Override
    public void close() {
        for (HubConnection c : List.copyOf(connections.keySet())) {
            c.close("The server is shutting down.", true);
        }
        timer.shutdownNow();
    }
}
