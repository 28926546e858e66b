package io.tickflow.adapters.gateway.hubs;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.tickflow.adapters.gateway.hub.HubMethodException;
import io.tickflow.adapters.gateway.hub.HubMethods;
import io.tickflow.adapters.gateway.hub.HubSession;
import io.tickflow.adapters.gateway.venue.PaperVenue;
import io.tickflow.adapters.gateway.venue.VenueThread;
import io.tickflow.adapters.projectx.wire.ApiObjects;

/**
 * The market hub ({@code /hubs/market}): subscribe and unsubscribe to a contract's quotes,
 * trades and depth. A quote subscription is answered at once with the last quote, so a
 * client has a market before the next change.
 */
public final class MarketHubMethods implements HubMethods {
    private static final Logger LOG = LoggerFactory.getLogger(MarketHubMethods.class);
    private final PaperVenue venue;
    private final VenueThread venueThread;
    private final HubBroadcaster broadcaster;

    public MarketHubMethods(PaperVenue venue, VenueThread venueThread, HubBroadcaster broadcaster) {
        this.venue = venue;
        this.venueThread = venueThread;
        this.broadcaster = broadcaster;
    }

    @Override
    public List<String> methodNames() {
        return List.of("SubscribeContractQuotes", "UnsubscribeContractQuotes", "SubscribeContractTrades",
                "UnsubscribeContractTrades", "SubscribeContractMarketDepth", "UnsubscribeContractMarketDepth");
    }

    @Override
    public Object invoke(HubSession session, String method, List<JsonNode> arguments) throws HubMethodException {
        String contractId = HubArguments.contractId(venue, method, arguments);
        HubBroadcaster.Subscriptions subs = broadcaster.of(session);
        String key = HubBroadcaster.key(contractId);
        boolean subscribe = method.startsWith("Subscribe");
        Set<String> set = method.endsWith("Quotes") ? subs.quotes : method.endsWith("Trades") ? subs.trades : subs.depth;
        if (!subscribe) {
            set.remove(key);
            return null;
        }
        set.add(key);
        // the subscriber is answered on this network thread: a swamped venue skips the
        // immediate quote (the next change is sent anyway) rather than hold the thread
        if (set == subs.quotes && !venueThread.tryExecute(() -> {
            ApiObjects.Quote last = venue.lastQuote(contractId);
            if (last != null) {
                broadcaster.send(session, "GatewayQuote", venue.contract(contractId).id(), last);
            }
        })) {
            LOG.warn("the paper venue is swamped: no immediate quote of {} for connection {}", contractId,
                    session.id());
        }
        return null;
    }

    @Override
    public void onDisconnected(HubSession session) {
        broadcaster.forget(session);
    }
}
