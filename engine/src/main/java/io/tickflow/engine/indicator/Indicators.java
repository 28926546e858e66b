package io.tickflow.engine.indicator;

/** Argument checks shared by the indicators. */
final class Indicators {
    private Indicators() {
    }

    static int requirePeriod(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("indicator period must be at least 1, got " + period);
        }
        return period;
    }
}
