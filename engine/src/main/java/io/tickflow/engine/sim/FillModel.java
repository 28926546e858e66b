package io.tickflow.engine.sim;

/**
 * How the simulated exchange fills orders. Immutable.
 *
 * @param slippageTicks ticks added against the trader to every market order and triggered stop
 * @param fillAtTouch   true: a resting limit fills when the market trades or quotes at its price;
 *                      false (the conservative default): only when the market trades through it
 */
public record FillModel(long slippageTicks, boolean fillAtTouch) {
    public FillModel {
        if (slippageTicks < 0) {
            throw new IllegalArgumentException("slippage must not be negative, was " + slippageTicks);
        }
    }

    /** No slippage; limits fill only when traded through. */
    public static FillModel conservative() {
        return new FillModel(0, false);
    }
}
