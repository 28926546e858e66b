package io.tickflow.strategies;

import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.strategy.BarSeries;
import io.tickflow.engine.strategy.BarView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;
import io.tickflow.engine.strategy.StrategyParams;

/**
 * Relative strength between two contracts (e.g. ES and NQ): a model of a strategy that trades
 * several contracts and keeps them in step.
 *
 * <p><b>Signal.</b> When both contracts have closed a bar of {@code bars} (default {@code 5m})
 * opening at the same time, each one's return over the last {@code lookback} (default 12) such
 * bars is compared. If the first beat the second by more than {@code thresholdBps} (default
 * 10 basis points) the pair goes long the first and short the second; if it lagged by more,
 * the other way round; in between, the positions stay as they are.
 *
 * <p><b>Orders.</b> Market orders that take the first contract to ±{@code size} and the second
 * to ∓{@code size}, always together, so the pair is either flat or one long, one short.
 *
 * <p>Parameters: {@code bars}, {@code lookback}, {@code thresholdBps}, {@code size}; the
 * strategy's first two contracts. Engine thread only.
 */
public final class RelativeStrengthPair implements Strategy {
    private StrategyContext ctx;
    private final Contract[] pair = new Contract[2];
    private BarSeries series;
    private BarSpec bars;
    private int lookback;
    private long thresholdBps;
    private long size;
    private final long[][] closes = new long[2][];
    private final long[] barsSeen = new long[2];
    private final long[] lastOpen = {Long.MIN_VALUE, Long.MIN_VALUE};
    private final long[] bps = new long[2];
    private long switches;

    @Override
    public void configure(StrategyParams params) {
        this.lookback = params.intValue("lookback", 12, 1);
        this.thresholdBps = params.longValue("thresholdBps", 10, 0);
        this.size = params.longValue("size", 1, 1);
        this.bars = params.barSpec("bars", "5m");
    }

    @Override
    public void onStart(StrategyContext context) {
        this.ctx = context;
        if (context.contracts().size() < 2) {
            throw new IllegalArgumentException("strategy '" + context.name() + "' needs two contracts");
        }
        for (int i = 0; i < 2; i++) {
            pair[i] = context.contracts().get(i);
            closes[i] = new long[lookback + 1];
            series = context.bars(pair[i], bars);
        }
    }

    @Override
    public void onBar(BarView bar) {
        int i = bar.contract().equals(pair[0]) ? 0 : bar.contract().equals(pair[1]) ? 1 : -1;
        if (i < 0 || !bar.spec().equals(series.spec())) {
            return;
        }
        closes[i][(int) (barsSeen[i] % (lookback + 1))] = bar.close();
        barsSeen[i]++;
        lastOpen[i] = bar.tsOpen();
        if (lastOpen[0] != lastOpen[1] || barsSeen[0] <= lookback || barsSeen[1] <= lookback) {
            return;
        }
        // returns in basis points, compared as exact integer ratios: r = (now - then) * 10000 / then
        long[] bps = this.bps;
        for (int k = 0; k < 2; k++) {
            long now = closes[k][(int) ((barsSeen[k] - 1) % (lookback + 1))];
            long then = closes[k][(int) (barsSeen[k] % (lookback + 1))];
            bps[k] = Math.floorDiv((now - then) * 10_000, then);
        }
        long edge = bps[0] - bps[1];
        if (edge > thresholdBps) {
            target(size);
        } else if (edge < -thresholdBps) {
            target(-size);
        }
    }

    /** Takes the first contract to {@code first} and the second to its opposite. */
    private void target(long first) {
        long change0 = first - ctx.orders().position(pair[0]);
        if (change0 == 0) {
            return;
        }
        switches++;
        ctx.orders().market(pair[0], change0 > 0 ? Side.BUY : Side.SELL, Math.abs(change0));
        long change1 = -first - ctx.orders().position(pair[1]);
        if (change1 != 0) {
            ctx.orders().market(pair[1], change1 > 0 ? Side.BUY : Side.SELL, Math.abs(change1));
        }
    }

    /** Times the pair was put on or turned around. */
    public long switches() {
        return switches;
    }
}
