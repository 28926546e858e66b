package io.tickflow.engine.ring;

/**
 * Lifecycle of a gateway connection. After {@link #CONNECTED} or {@link #RECONNECTED} the
 * adapter delivers the gateway's open orders, positions and recent trades as ordinary events,
 * then {@link #SYNCHRONIZED}: the engine reconciles its state with that snapshot.
 * {@link #LOGGED_OUT} (the session was ended because the same user logged in elsewhere) is
 * final: nothing reconnects automatically.
 */
public enum ConnectionState {
    CONNECTED,
    LOST,
    RECONNECTED,
    /** The snapshot after a (re)connect has been delivered: reconcile now. */
    SYNCHRONIZED,
    LOGGED_OUT
}
