package io.tickflow.adapters.gateway.hub;

/**
 * One client connection to a hub, after its handshake. Thread-safe: sends from any thread
 * are queued and written in order.
 */
public interface HubSession {
    /** The connection id (the negotiate response's connectionId, or one made up for skip-negotiation clients). */
    String id();

    /** The user the connection's access token belongs to. */
    String userName();

    /** Sends a server-to-client invocation (type 1, no invocationId) of {@code target} with these arguments, serialized by Jackson. */
    void send(String target, Object... arguments);

    /** Sends a Close message (type 7) with {@code error} (may be null) and {@code allowReconnect}, then closes the socket. */
    void close(String error, boolean allowReconnect);

    /** Drops the socket with no Close message, as a network failure would (fault injection). */
    void abort();

    boolean isOpen();
}
