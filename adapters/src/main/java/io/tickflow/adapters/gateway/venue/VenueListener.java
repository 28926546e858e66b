package io.tickflow.adapters.gateway.venue;

import java.util.List;

import io.tickflow.adapters.projectx.wire.ApiObjects;

/**
 * What the venue tells the hubs, on the venue thread, as the live service's events: market
 * data per contract id, and user events per account with their action (0 created,
 * 1 updated, 2 deleted).
 */
public interface VenueListener {
    void onQuote(String contractId, ApiObjects.Quote quote);

    void onMarketTrade(String contractId, ApiObjects.MarketTrade trade);

    void onDepth(String contractId, List<ApiObjects.DepthEntry> entries);

    void onAccount(ApiObjects.Account account, int action);

    void onOrder(ApiObjects.Order order, int action);

    void onPosition(ApiObjects.Position position, int action);

    void onTrade(ApiObjects.Trade trade, int action);
}
