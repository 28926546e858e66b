package io.tickflow.strategies;

import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.strategy.BarSeries;
import io.tickflow.engine.strategy.BarView;
import io.tickflow.engine.strategy.Orders;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;
import io.tickflow.engine.strategy.StrategyParams;

/**
 * Moving-average crossover signals on one contract: the smallest complete example of the
 * strategy SPI.
 *
 * <p><b>Signal.</b> At the close of each bar of {@code bars} (default {@code 1m}), the simple
 * moving averages of the last {@code fast} (default 10) and {@code slow} (default 30) bar
 * closes are computed. When the fast average moves from at-or-below the slow one to strictly
 * above it, the signal turns LONG; from at-or-above to strictly below, SHORT. No signal is
 * given until {@code slow} bars have closed, nor on the bar that completes the warm-up.
 * Averages are compared exactly: both are sums of whole ticks, so {@code fastSum × slow} is
 * compared with {@code slowSum × fast} in integers and no rounding can flip a signal.
 *
 * <p><b>Orders.</b> With {@code size} above 0 (default 1) it trades the signal: on LONG it
 * sends one market order that takes the account's position in the contract to
 * {@code +size}, on SHORT to {@code -size} (so a reversal is one order of {@code 2 × size}).
 * The order is sent at the bar's close, on the engine thread, before the next event: on tick
 * data the simulated exchange fills it at the then-current opposite best price plus its
 * slippage. With {@code size = 0} it only records signals.
 *
 * <p><b>Fills when backtesting bars</b> ({@code BarReplay} with {@code FillModel.bars}, the
 * bar fill model): the signal is taken at the bar's close, and the market order fills at the
 * <i>next</i> bar's open plus slippage against the trader (a buy at open + slippage ticks, a
 * sell at open − slippage ticks), never at the signal bar's close. This holds for time bars
 * ({@code bars} the input's length or a multiple of it): such a bar is completed by the next
 * input bar's opening quote, which the simulated exchange has already seen. Other bar kinds
 * built from the replay's walk through each bar complete inside an input bar and fill at the
 * walk's price there, plus slippage.
 *
 * <p><b>Bracket exits</b> (optional). With {@code stopTicks} and {@code targetTicks} above 0,
 * each signal instead flattens whatever is open (cancelling the previous bracket's legs) and
 * enters {@code size} at market in an engine-emulated bracket: a stop-loss {@code stopTicks}
 * and a take-profit {@code targetTicks} from the entry's fill. A position closed by its stop
 * or target stays flat until the next signal.
 *
 * <p>Parameters: {@code fast}, {@code slow} (bar counts, {@code 1 <= fast < slow}),
 * {@code bars} (a {@link BarSpec} such as {@code 5m} or {@code 500t}), {@code size}
 * (contracts, default 1), {@code stopTicks} and {@code targetTicks} (default 0: no bracket).
 * Runs on the engine thread; allocates only in {@link #onStart}
 * and when it places an order.
 */
public final class SmaCrossover implements Strategy {
    /** The direction the averages point to. */
    public enum Signal {
        NONE,
        LONG,
        SHORT
    }

    private StrategyContext context;
    private Contract contract;
    private BarSeries series;
    private BarSpec bars;
    private int fast;
    private int slow;
    private long size;
    private long stopTicks;
    private long targetTicks;
    private long[] closes;
    private long barsSeen;
    private long fastSum;
    private long slowSum;
    private int previousComparison;
    private Signal lastSignal = Signal.NONE;
    private long signals;

    @Override
    public void configure(StrategyParams params) {
        this.fast = params.intValue("fast", 10, 1);
        this.slow = params.intValue("slow", 30);
        if (slow <= fast) {
            throw params.invalid("slow", "expected more than fast (" + fast + "), found " + slow);
        }
        this.size = params.longValue("size", 1, 0);
        this.stopTicks = params.longValue("stopTicks", 0, 0);
        this.targetTicks = params.longValue("targetTicks", 0, 0);
        if ((stopTicks == 0) != (targetTicks == 0)) {
            throw params.invalid(stopTicks == 0 ? "stopTicks" : "targetTicks", "stopTicks and targetTicks are both "
                    + "positive (a bracket) or both 0, were " + stopTicks + " and " + targetTicks);
        }
        this.bars = params.barSpec("bars", "1m");
    }

    @Override
    public void onStart(StrategyContext ctx) {
        this.context = ctx;
        this.contract = ctx.contracts().get(0);
        this.series = ctx.bars(contract, bars);
        this.closes = new long[slow];
    }

    @Override
    public void onBar(BarView bar) {
        if (!bar.spec().equals(series.spec()) || !bar.contract().equals(contract)) {
            return;
        }
        long close = bar.close();
        int slot = (int) (barsSeen % slow);
        long leavingSlow = closes[slot];
        long leavingFast = closes[(int) ((barsSeen - fast + slow) % slow)];
        closes[slot] = close;
        barsSeen++;
        slowSum += close - (barsSeen > slow ? leavingSlow : 0);
        fastSum += close - (barsSeen > fast ? leavingFast : 0);
        if (barsSeen < slow) {
            return;
        }
        int comparison = Long.compare(fastSum * slow, slowSum * fast);
        if (barsSeen > slow) {
            if (comparison > 0 && previousComparison <= 0) {
                signal(Signal.LONG, bar);
            } else if (comparison < 0 && previousComparison >= 0) {
                signal(Signal.SHORT, bar);
            }
        }
        previousComparison = comparison;
    }

    private void signal(Signal signal, BarView bar) {
        lastSignal = signal;
        signals++;
        if (size > 0 && stopTicks > 0) {
            Orders orders = context.orders();
            if (orders.position(contract) != 0) {
                orders.flatten(contract);
            }
            orders.bracket(contract, signal == Signal.LONG ? Side.BUY : Side.SELL, size, PriceTicks.NONE, stopTicks,
                    targetTicks);
        } else if (size > 0) {
            Orders orders = context.orders();
            long target = signal == Signal.LONG ? size : -size;
            long change = target - orders.position(contract);
            if (change != 0) {
                orders.market(contract, change > 0 ? Side.BUY : Side.SELL, Math.abs(change));
            }
        }
        if (context.log().isDebugEnabled()) {
            context.log().debug("{} {} at bar close {} ({})", contract.symbol(), signal, contract.toPrice(bar.close()),
                    bar.tsClose());
        }
    }

    /** Signals given so far. */
    public long signals() {
        return signals;
    }

    public Signal lastSignal() {
        return lastSignal;
    }

    /** Bars of the configured series seen so far. */
    public long barsSeen() {
        return barsSeen;
    }
}
