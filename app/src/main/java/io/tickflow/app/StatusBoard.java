package io.tickflow.app;

import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

import io.tickflow.engine.core.Engine;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;
import io.tickflow.engine.strategy.TradeView;

/**
 * A strategy that never trades: it watches every contract of a run so the command line can
 * show the last price and mark positions, and every {@value #REFRESH_MILLIS} ms copies each
 * account's realized PnL and the risk gate's loss room — state only the engine thread may
 * read — for the status printer. Written on the engine thread, read by the printer's thread
 * (volatile / atomic: a slightly stale value is fine for display). Allocation-free once
 * started.
 */
final class StatusBoard implements Strategy {
    static final long REFRESH_MILLIS = 250;
    private static final long TIMER = 1;

    private final List<Contract> contracts;
    private final long[] last;
    private final long[] accounts;
    private final AtomicLongArray realized;
    private final AtomicLongArray lossRoom;
    private volatile long updates;
    private Engine engine;
    private StrategyContext context;

    /** @param accounts the run's accounts, in the order {@link #realizedCents} and {@link #lossRoomCents} index them */
    StatusBoard(List<Contract> contracts, List<Long> accounts) {
        this.contracts = List.copyOf(contracts);
        this.last = new long[contracts.size()];
        java.util.Arrays.fill(last, PriceTicks.NONE);
        this.accounts = accounts.stream().mapToLong(Long::longValue).toArray();
        this.realized = new AtomicLongArray(this.accounts.length);
        this.lossRoom = new AtomicLongArray(this.accounts.length);
        for (int i = 0; i < this.accounts.length; i++) {
            lossRoom.set(i, -1);
        }
    }

    /** The engine whose risk state and positions are copied; set before the engine starts. */
    void watch(Engine watched) {
        this.engine = watched;
    }

    @Override
    public void onStart(StrategyContext ctx) {
        this.context = ctx;
        refresh();
    }

    @Override
    public void onTimer(long timerId, long nowNanos) {
        refresh();
    }

    private void refresh() {
        if (engine != null) {
            for (int i = 0; i < accounts.length; i++) {
                realized.set(i, engine.positions().realizedCents(accounts[i]));
                lossRoom.set(i, engine.lossRoomCents(accounts[i]));
            }
        }
        context.scheduleTimer(TIMER, context.clock().nanos() + REFRESH_MILLIS * 1_000_000L);
    }

    @Override
    public void onQuote(QuoteView q) {
        int c = contracts.indexOf(q.contract());
        long price = q.lastTicks() != PriceTicks.NONE ? q.lastTicks()
                : q.bidTicks() != PriceTicks.NONE && q.askTicks() != PriceTicks.NONE
                ? Math.floorDiv(q.bidTicks() + q.askTicks(), 2) : PriceTicks.NONE;
        if (c >= 0 && price != PriceTicks.NONE) {
            last[c] = price;
            updates++;
        }
    }

    @Override
    public void onTrade(TradeView t) {
        int c = contracts.indexOf(t.contract());
        if (c >= 0) {
            last[c] = t.priceTicks();
            updates++;
        }
    }

    /** The last price of each contract (ticks, {@code PriceTicks.NONE} before any). */
    long[] lastPrices() {
        return last.clone();
    }

    long updates() {
        return updates;
    }

    /** Account {@code i}'s realized PnL before commissions (as the summary's realized column), cents. */
    long realizedCents(int i) {
        return realized.get(i);
    }

    /**
     * How much more account {@code i} may lose before the risk gate's daily loss limit or
     * trailing drawdown trips, cents: 0 while a breach halts it, -1 if it has neither rule.
     */
    long lossRoomCents(int i) {
        return lossRoom.get(i);
    }
}
