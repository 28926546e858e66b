package io.tickflow.engine.model;

/**
 * The kinds of bar the engine aggregates. Each aggregator's Javadoc states its closing rule.
 */
public enum BarType {
    /** Fixed time intervals aligned to the trading session; size in nanoseconds. */
    TIME("time"),
    /** A fixed number of trade prints (or quote updates); size = count. */
    TICK("t"),
    /** A fixed traded volume; size = contracts. */
    VOLUME("v"),
    /** A maximum high-low range; size in ticks. */
    RANGE("r"),
    /** Renko bricks; size = brick height in ticks. */
    RENKO("renko"),
    /** Heikin-Ashi bars smoothing a base bar series; size unused. */
    HEIKIN_ASHI("ha");

    private final String suffix;

    BarType(String suffix) {
        this.suffix = suffix;
    }

    /** The unit suffix of this type in the spec syntax of {@link BarSpec#parse(String)}. */
    public String suffix() {
        return suffix;
    }
}
