package io.tickflow.engine.model;

/**
 * Conventions for prices held as {@code long} ticks.
 */
public final class PriceTicks {
    /** Marks a price that is absent (no bid, no last trade yet). No real price has this value. */
    public static final long NONE = Long.MIN_VALUE;

    private PriceTicks() {
    }

    public static boolean isPresent(long priceTicks) {
        return priceTicks != NONE;
    }
}
