package io.tickflow.strategies;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.strategy.BarSeries;
import io.tickflow.engine.strategy.BarView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;
import io.tickflow.engine.strategy.StrategyParams;
import io.tickflow.engine.time.SessionCalendar;

/**
 * Opening-range breakout with a trailing stop: a model of a session-aware strategy that lets
 * the engine manage its exit.
 *
 * <p><b>Range.</b> The high and low of the one-minute bars that open in the first
 * {@code rangeMinutes} (default 15) of each CME session (17:00 America/Chicago; the engine's
 * {@link SessionCalendar} says when a session opens).
 *
 * <p><b>Entry.</b> After the range is complete, the first bar that closes above the range high
 * buys {@code size} (default 1) at market; the first that closes below the range low sells. One
 * entry per session at most, and only while flat.
 *
 * <p><b>Exit.</b> With the entry, a trailing stop of {@code trailTicks} (default 8) on the
 * other side is placed: the engine (or the gateway, for a native trailing stop) keeps it that
 * many ticks behind the best price since and closes the position when the market turns. The
 * risk gate's trading window flattens whatever is left before the session close.
 *
 * <p>Parameters: {@code rangeMinutes}, {@code trailTicks}, {@code size}. Engine thread only.
 */
public final class OpeningRangeBreakout implements Strategy {
    private final SessionCalendar calendar = SessionCalendar.cme();
    private StrategyContext ctx;
    private Contract contract;
    private BarSeries minutes;
    private long rangeNanos;
    private long trailTicks;
    private long size;
    private long session = Long.MIN_VALUE;
    private long high = PriceTicks.NONE;
    private long low = PriceTicks.NONE;
    private boolean traded;
    private long entries;

    @Override
    public void configure(StrategyParams params) {
        long rangeMinutes = params.longValue("rangeMinutes", 15, 1);
        this.trailTicks = params.longValue("trailTicks", 8, 1);
        this.size = params.longValue("size", 1, 1);
        this.rangeNanos = rangeMinutes * 60_000_000_000L;
    }

    @Override
    public void onStart(StrategyContext context) {
        this.ctx = context;
        this.contract = context.contracts().get(0);
        this.minutes = context.bars(contract, "1m");
    }

    @Override
    public void onBar(BarView bar) {
        if (!bar.contract().equals(contract) || !bar.spec().equals(minutes.spec())) {
            return;
        }
        long open = calendar.sessionOpen(bar.tsOpen());
        if (open != session) {
            session = open;
            high = PriceTicks.NONE;
            low = PriceTicks.NONE;
            traded = false;
        }
        if (bar.tsOpen() < open + rangeNanos) {
            high = high == PriceTicks.NONE ? bar.high() : Math.max(high, bar.high());
            low = low == PriceTicks.NONE ? bar.low() : Math.min(low, bar.low());
            return;
        }
        if (traded || high == PriceTicks.NONE || ctx.orders().position(contract) != 0) {
            return;
        }
        if (bar.close() > high) {
            enter(Side.BUY);
        } else if (bar.close() < low) {
            enter(Side.SELL);
        }
    }

    private void enter(Side side) {
        traded = true;
        entries++;
        ctx.orders().market(contract, side, size);
        ctx.orders().trailingStop(contract, side.opposite(), size, trailTicks);
        ctx.log().info("{} breakout {} of the opening range {} - {}", contract.symbol(), side,
                contract.toPrice(low), contract.toPrice(high));
    }

    /** Entries so far (one per session at most). */
    public long entries() {
        return entries;
    }

    /** The current session's range high, or {@code PriceTicks.NONE} before its first bar. */
    public long rangeHigh() {
        return high;
    }

    /** The current session's range low, or {@code PriceTicks.NONE} before its first bar. */
    public long rangeLow() {
        return low;
    }
}
