package io.tickflow.engine.model;

/**
 * Conventions for prices held as {@code long} ticks.
 */
public final class PriceTicks {
    /** Marks a price that is absent (no bid, no last trade yet). No real price has this value. */
    public static final long NONE = Long.MIN_VALUE;

    /**
     * Average prices (of a position, of an order's fills) are rarely on the tick grid, so they
     * are held as millionths of a tick: {@code avgPriceMicroTicks / MICROS_PER_TICK} ticks.
     */
    public static final long MICROS_PER_TICK = 1_000_000L;

    private PriceTicks() {
    }

    public static boolean isPresent(long priceTicks) {
        return priceTicks != NONE;
    }
}
