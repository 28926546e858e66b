package io.tickflow.engine.sim;

/**
 * How the simulated exchange fills orders. Immutable.
 *
 * @param slippageTicks      ticks added against the trader to every market order and triggered stop
 * @param fillAtTouch        true: a resting limit fills when the market trades or quotes at its price;
 *                           false (the conservative default): only when the market trades through it
 * @param improveWhenThrough true: a resting limit the market jumps through fills at the market's price
 *                           (the bar model's "at the open if it gapped through"); false: at its own price
 * @param partialFills       true: an order takes no more than the liquidity the market shows — the
 *                           displayed opposite size for market orders, triggered stops and marketable
 *                           limits, the printed size for a resting limit a trade reaches — and the rest
 *                           keeps working; false: every fill is for the whole remaining size
 * @param queuePosition      true: a limit resting at the touch waits behind the size displayed at its
 *                           price when it joined (shrunk when the displayed size shrinks); trades at its
 *                           price eat that queue first and fill the order only once it is gone. A trade
 *                           through the price fills it regardless. Implies fills at the touch.
 */
public record FillModel(long slippageTicks, boolean fillAtTouch, boolean improveWhenThrough, boolean partialFills,
                        boolean queuePosition) {
    public FillModel {
        if (slippageTicks < 0) {
            throw new IllegalArgumentException("slippage must not be negative, was " + slippageTicks);
        }
    }

    /** Whole fills, no queue: the model for bar data and most tick backtests. */
    public FillModel(long slippageTicks, boolean fillAtTouch, boolean improveWhenThrough) {
        this(slippageTicks, fillAtTouch, improveWhenThrough, false, false);
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

    /**
     * The model for tick data with sizes: orders take only displayed liquidity (partial fills)
     * and resting limits wait their turn in the queue at their price.
     */
    public static FillModel depthAware(long slippageTicks) {
        return new FillModel(slippageTicks, false, false, true, true);
    }

    /** This model with partial fills and the queue estimate switched on or off. */
    public FillModel withLiquidity(boolean partial, boolean queue) {
        return new FillModel(slippageTicks, fillAtTouch, improveWhenThrough, partial, queue);
    }
}
