package io.tickflow.engine.model;

/**
 * Which observations feed a bar. Mid prices are not offered: with an odd spread the mid is
 * off the tick grid, and bars hold prices as whole ticks.
 */
public enum PriceSource {
    /** Trade prints: price and size of each print. */
    TRADE("trade"),
    /** The best bid of each quote update, volume 0. */
    BID("bid"),
    /** The best ask of each quote update, volume 0. */
    ASK("ask");

    private final String label;

    PriceSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
