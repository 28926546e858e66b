package io.tickflow.engine.backtest;

import java.util.List;
import java.util.Objects;

import io.tickflow.engine.model.Side;

/**
 * Replays OHLCV bars as a price walk through each bar, one tick at a time, so that strategies,
 * bar aggregators and the simulated exchange see bar data the way they see ticks.
 *
 * <p><b>The walk</b> of a bar is open → low → high → close when it closed at or above its
 * open, open → high → low → close otherwise (the usual assumption about the order of the
 * extremes), every tick of the way a locked quote (bid = ask = the price) followed by a trade
 * print of size 0; the bar's whole volume is on its closing print. Its steps are spread evenly
 * over the first 99 % of the bar's time, the close on the bar's last nanosecond-ish instant
 * before its end, so time bars built from the walk reproduce the input bars.
 *
 * <p>With {@link io.tickflow.engine.sim.FillModel#bars} this is the documented bar fill
 * model: an order decided at a bar's close fills no earlier than the next bar's open — a
 * market order at that open plus slippage; a limit when the walk reaches it, at its price, or
 * at the open if the open gapped through it; a stop when the walk reaches it, at the stop, or
 * at the open on a gap, plus slippage.
 */
public final class BarReplay implements MarketReplay {
    /** One input bar: prices in ticks, {@code tsOpen} and length in nanoseconds. */
    public record InputBar(long tsOpen, long lengthNanos, long open, long high, long low, long close, long volume) {
        public InputBar {
            if (high < Math.max(open, close) || low > Math.min(open, close) || lengthNanos <= 0 || volume < 0) {
                throw new IllegalArgumentException("inconsistent bar at " + tsOpen + ": o=" + open + " h=" + high
                        + " l=" + low + " c=" + close + " length=" + lengthNanos + " v=" + volume);
            }
        }
    }

    private final List<InputBar> bars;
    private final int contract;

    public BarReplay(List<InputBar> bars, int contract) {
        this.bars = List.copyOf(Objects.requireNonNull(bars, "bars"));
        this.contract = contract;
    }

    @Override
    public void replay(ReplayTarget target) {
        for (InputBar bar : bars) {
            boolean upBar = bar.close() >= bar.open();
            long first = upBar ? bar.low() : bar.high();
            long second = upBar ? bar.high() : bar.low();
            long steps = Math.abs(first - bar.open()) + Math.abs(second - first) + Math.abs(bar.close() - second) + 1;
            long spacing = Math.max(1, bar.lengthNanos() * 99 / 100 / steps);
            long[] step = {0};
            walk(target, bar, bar.open(), bar.open(), step, spacing);
            walk(target, bar, bar.open(), first, step, spacing);
            walk(target, bar, first, second, step, spacing);
            walk(target, bar, second, bar.close(), step, spacing);
            long closeTs = bar.tsOpen() + bar.lengthNanos() - 1;
            target.quote(contract, closeTs, bar.close(), 1, bar.close(), 1);
            target.trade(contract, closeTs, bar.close(), bar.volume(), null);
        }
    }

    /** Prints every tick after {@code from} up to and including {@code to} (just {@code to} when equal and first). */
    private void walk(ReplayTarget target, InputBar bar, long from, long to, long[] step, long spacing) {
        if (from == to) {
            if (step[0] == 0) {
                print(target, bar, to, step, spacing);
            }
            return;
        }
        long direction = Long.signum(to - from);
        for (long price = from + direction; price != to + direction; price += direction) {
            print(target, bar, price, step, spacing);
        }
    }

    private void print(ReplayTarget target, InputBar bar, long price, long[] step, long spacing) {
        long ts = bar.tsOpen() + step[0]++ * spacing;
        target.quote(contract, ts, price, 1, price, 1);
        target.trade(contract, ts, price, 0, (Side) null);
    }
}
