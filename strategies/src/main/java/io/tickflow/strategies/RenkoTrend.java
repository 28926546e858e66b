package io.tickflow.strategies;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.strategy.BarSeries;
import io.tickflow.engine.strategy.BarView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;
import io.tickflow.engine.strategy.StrategyParams;

/**
 * Renko trend follower: a model of trading on price-only bars. A Renko brick closes only when
 * price has moved {@code brick} ticks from the last brick, whatever the time, so quiet markets
 * make no bars and trends make many.
 *
 * <p><b>Signal.</b> After {@code confirm} (default 2) consecutive bricks in one direction the
 * trend is that direction: long after up bricks, short after down bricks.
 *
 * <p><b>Orders.</b> One market order takes the position to {@code +size} or {@code -size}
 * (a reversal is one order of twice the size). No stop: the opposite trend is the exit.
 *
 * <p>Parameters: {@code brick} (ticks, default 8; the bar spec {@code <brick>renko}),
 * {@code confirm}, {@code size} (default 1). Engine thread only.
 */
public final class RenkoTrend implements Strategy {
    private StrategyContext ctx;
    private Contract contract;
    private BarSeries bricks;
    private long brick;
    private int confirm;
    private long size;
    private int run;
    private long reversals;

    @Override
    public void configure(StrategyParams params) {
        this.brick = params.longValue("brick", 8, 1);
        this.confirm = params.intValue("confirm", 2, 1);
        this.size = params.longValue("size", 1, 1);
    }

    @Override
    public void onStart(StrategyContext context) {
        this.ctx = context;
        this.contract = context.contracts().get(0);
        this.bricks = context.bars(contract, brick + "renko");
    }

    @Override
    public void onBar(BarView bar) {
        if (!bar.contract().equals(contract) || !bar.spec().equals(bricks.spec())) {
            return;
        }
        int direction = Long.compare(bar.close(), bar.open());
        if (direction == 0) {
            return;
        }
        run = Integer.signum(run) == direction ? run + direction : direction;
        if (Math.abs(run) < confirm) {
            return;
        }
        long target = direction > 0 ? size : -size;
        long change = target - ctx.orders().position(contract);
        if (change != 0) {
            reversals++;
            ctx.orders().market(contract, change > 0 ? Side.BUY : Side.SELL, Math.abs(change));
        }
    }

    /** Orders sent so far (entries and reversals). */
    public long reversals() {
        return reversals;
    }
}
