package io.tickflow.adapters.gateway.hubs;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.tickflow.adapters.gateway.hub.HubMethodException;
import io.tickflow.adapters.gateway.hub.HubMethods;
import io.tickflow.adapters.gateway.hub.HubSession;
import io.tickflow.adapters.gateway.venue.PaperVenue;

/**
 * The user hub ({@code /hubs/user}): subscribe and unsubscribe to the user's accounts, and to
 * one account's orders, positions and trades. An account that is not the user's is refused.
 */
public final class UserHubMethods implements HubMethods {
    private final PaperVenue venue;
    private final HubBroadcaster broadcaster;

    public UserHubMethods(PaperVenue venue, HubBroadcaster broadcaster) {
        this.venue = venue;
        this.broadcaster = broadcaster;
    }

    @Override
    public List<String> methodNames() {
        return List.of("SubscribeAccounts", "UnsubscribeAccounts", "SubscribeOrders", "UnsubscribeOrders",
                "SubscribePositions", "UnsubscribePositions", "SubscribeTrades", "UnsubscribeTrades");
    }

    @Override
    public Object invoke(HubSession session, String method, List<JsonNode> arguments) throws HubMethodException {
        HubBroadcaster.Subscriptions subs = broadcaster.of(session);
        boolean subscribe = method.startsWith("Subscribe");
        if (method.endsWith("Accounts")) {
            HubArguments.none(method, arguments);
            subs.accounts = subscribe;
            return null;
        }
        long accountId = HubArguments.accountId(method, arguments);
        if (!session.userName().equals(venue.ownerOf(accountId))) {
            throw new HubMethodException("Account " + accountId + " not found");
        }
        Set<Long> set = method.endsWith("Orders") ? subs.orders : method.endsWith("Positions") ? subs.positions
                : subs.userTrades;
        if (subscribe) {
            set.add(accountId);
        } else {
            set.remove(accountId);
        }
        return null;
    }

    @Override
    public void onDisconnected(HubSession session) {
        broadcaster.forget(session);
    }
}
