package io.tickflow.adapters.gateway.hubs;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.tickflow.adapters.gateway.GatewayFaults;
import io.tickflow.adapters.gateway.hub.HubMethodException;
import io.tickflow.adapters.gateway.hub.HubMethods;
import io.tickflow.adapters.gateway.hub.HubSession;

/**
 * A hub's methods with the injected subscription faults in front: a {@code Subscribe…}
 * invocation may be refused, left unanswered or cut off by a dropped socket (see
 * {@link GatewayFaults#subscribeFaults}), and is then not carried out. Everything else goes
 * straight through. Called on Jetty's threads, as the methods it wraps.
 */
public final class SubscribeFaults implements HubMethods {
    private final HubMethods methods;
    private final GatewayFaults faults;

    public SubscribeFaults(HubMethods methods, GatewayFaults faults) {
        this.methods = methods;
        this.faults = faults;
    }

    @Override
    public List<String> methodNames() {
        return methods.methodNames();
    }

    @Override
    public Object invoke(HubSession session, String method, List<JsonNode> arguments) throws HubMethodException {
        GatewayFaults.SubscribeFault fault = method.startsWith("Subscribe") ? faults.takeSubscribeFault() : null;
        if (fault == null) {
            return methods.invoke(session, method, arguments);
        }
        switch (fault) {
            case REFUSE -> throw new HubMethodException("Subscription refused (an injected fault)");
            case DROP -> session.abort();
            case IGNORE -> { }
        }
        return NO_COMPLETION;
    }

    @Override
    public void onConnected(HubSession session) {
        methods.onConnected(session);
    }

    @Override
    public void onDisconnected(HubSession session) {
        methods.onDisconnected(session);
    }
}
