package io.tickflow.engine.market.bar;

import io.tickflow.engine.model.BarSpec;

/**
 * Turns a stream of price observations into bars of one {@link BarSpec}, emitting each
 * completed bar to its sink. Each implementation's class comment states its closing rule.
 *
 * <p>Engine thread only. No allocation per observation.
 */
public interface BarAggregator {
    BarSpec spec();

    /**
     * One observation: a trade print with its size, or a quote's bid or ask with volume 0.
     * A timestamp slightly earlier than the previous one is treated as belonging to the bar
     * being formed.
     */
    void onPrice(long tsNanos, long priceTicks, long volume);

    /** Time passed without an observation: a time bar whose end has passed completes now. */
    void onTime(long tsNanos);
}
