package io.tickflow.engine.sim;

/**
 * How the simulated exchange fills orders. Immutable.
 *
 * @param slippageTicks      ticks added against the trader to every market order and triggered stop
 * @param fillAtTouch        true: a resting limit fills when the market trades or quotes at its price;
 *                           false (the conservative default): only when the market trades through it
 * @param improveWhenThrough true: a resting limit the market jumps through fills at the market's price
 *                           (the bar model's "at the open if it gapped through"); false: at its own price
 */
public record FillModel(long slippageTicks, boolean fillAtTouch, boolean improveWhenThrough) {
    public FillModel {
        if (slippageTicks < 0) {
            throw new IllegalArgumentException("slippage must not be negative, was " + slippageTicks);
        }
    }

    /** No slippage; limits fill only when traded through, at their price. */
    public static FillModel conservative() {
        return new FillModel(0, false, false);
    }

    /**
     * The bar fill model, for bar data replayed as a tick-by-tick walk through each bar
     * ({@link io.tickflow.engine.backtest.BarReplay}): limits fill when the bar's range reaches
     * them, at their price, or at the open when it gapped through; stops trigger when the range
     * reaches them and fill at the stop (or at the open on a gap) plus slippage.
     */
    public static FillModel bars(long slippageTicks) {
        return new FillModel(slippageTicks, true, true);
    }
}
