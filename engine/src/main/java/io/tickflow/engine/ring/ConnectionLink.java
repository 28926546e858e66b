package io.tickflow.engine.ring;

/** The gateway connections whose state the engine tracks. */
public enum ConnectionLink {
    MARKET_HUB,
    USER_HUB,
    REST
}
