package io.tickflow.adapters.gateway.hub;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;

/** Hub methods for the tests: each shows one way a method can answer, and every call is recorded. */
final class TestMethods implements HubMethods {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<HubSession> connected = new CopyOnWriteArrayList<>();
    final List<HubSession> disconnected = new CopyOnWriteArrayList<>();

    @Override
    public List<String> methodNames() {
        return List.of("Echo", "Void", "Fail", "Boom", "Push");
    }

    @Override
    public Object invoke(HubSession session, String method, List<JsonNode> arguments) throws HubMethodException {
        calls.add(method + arguments);
        switch (method) {
            case "Echo":
                return arguments.get(0).asText();
            case "Void":
                return null;
            case "Fail":
                throw new HubMethodException("Refused: " + arguments.get(0).asText());
            case "Boom":
                throw new IllegalStateException("a bug in a hub method");
            case "Push":
                session.send("Event", arguments.get(0).asText());
                return null;
            default:
                throw new AssertionError("The hub dispatched an unknown method: " + method);
        }
    }

    @Override
    public void onConnected(HubSession session) {
        connected.add(session);
    }

    @Override
    public void onDisconnected(HubSession session) {
        disconnected.add(session);
    }
}
