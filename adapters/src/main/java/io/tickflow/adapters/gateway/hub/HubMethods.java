package io.tickflow.adapters.gateway.hub;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a hub does with its clients: the server side of one SignalR hub, written by the paper
 * gateway (the market hub, the user hub) and called by {@link Hub} on a network thread.
 */
public interface HubMethods {
    /**
     * What {@link #invoke} returns to send no completion at all (a test's unanswered
     * invocation), not even for an invocation that asked for one.
     */
    Object NO_COMPLETION = new Object();

    /** The hub's method names (matched case-insensitively, as ASP.NET Core does); any other name is answered "Method does not exist.". */
    List<String> methodNames();

    /**
     * A client invoked {@code method} (one of {@link #methodNames()}, in its canonical
     * spelling) with these arguments.
     *
     * @return the completion's result, null for a void completion, or {@link #NO_COMPLETION}
     * @throws HubMethodException to answer with a completion error carrying its message
     */
    Object invoke(HubSession session, String method, List<JsonNode> arguments) throws HubMethodException;

    /** The handshake completed: the session can be sent to. */
    default void onConnected(HubSession session) {
    }

    /** The connection ended, whoever ended it; the session can no longer be sent to. */
    default void onDisconnected(HubSession session) {
    }
}
