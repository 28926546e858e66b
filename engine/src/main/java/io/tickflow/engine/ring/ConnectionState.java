package io.tickflow.engine.ring;

/**
 * Lifecycle of a gateway connection. {@link #RECONNECTED} triggers reconciliation;
 * {@link #LOGGED_OUT} (the session was ended because the same user logged in elsewhere) is
 * final: nothing reconnects automatically.
 */
public enum ConnectionState {
    CONNECTED,
    LOST,
    RECONNECTED,
    LOGGED_OUT
}
