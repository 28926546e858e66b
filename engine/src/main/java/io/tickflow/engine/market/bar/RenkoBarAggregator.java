package io.tickflow.engine.market.bar;

import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.model.Contract;

/**
 * Renko bricks of B ticks on a grid anchored at the first observation's price.
 *
 * <p><b>Closing rule.</b> With the last brick closing at C: a brick in the trend's direction
 * forms when price reaches C + B (up trend) or C − B (down trend); a reversal brick needs
 * two bricks' distance, C − 2B after an up brick (the new brick runs C − B → C − 2B) or
 * C + 2B after a down brick. Before the first brick either direction needs B. One
 * observation that moves several bricks emits all of them at once, in order.
 *
 * <p><b>Brick fields.</b> open and close are on the grid; high and low are the brick's own
 * bounds (no wicks). The first brick an observation emits carries the volume and count of
 * every observation since the previous brick and spans from the first of them
 * ({@code tsOpen}) to the latest of their timestamps ({@code tsClose}: the completing
 * observation's, unless it was stamped slightly early); further bricks from the same observation
 * carry volume 0 and count 0, with {@code tsOpen = tsClose}. Time alone never makes a brick.
 *
 * <p>Engine thread only. No allocation.
 */
public final class RenkoBarAggregator implements BarAggregator {
    private final BarSpec spec;
    private final long brick;
    private final BarSink sink;
    private final Bar bar;
    private boolean started;
    private long lastClose;
    private int direction;
    private long pendingFirstTs;
    private long pendingLastTs;
    private long pendingVolume;
    private long pendingCount;

    public RenkoBarAggregator(Contract contract, BarSpec spec, BarSink sink) {
        this.spec = spec;
        this.brick = spec.size();
        this.sink = sink;
        this.bar = new Bar(contract, spec);
    }

    @Override
    public BarSpec spec() {
        return spec;
    }

    @Override
    public void onPrice(long tsNanos, long priceTicks, long volume) {
        if (!started) {
            started = true;
            lastClose = priceTicks;
        }
        if (pendingCount == 0) {
            pendingFirstTs = tsNanos;
            pendingLastTs = tsNanos;
        } else if (tsNanos > pendingLastTs) {
            pendingLastTs = tsNanos;
        }
        pendingVolume += volume;
        pendingCount++;
        long ts = pendingLastTs;
        while (true) {
            if (direction >= 0 && priceTicks >= lastClose + brick) {
                emit(ts, lastClose, lastClose + brick, 1);
            } else if (direction <= 0 && priceTicks <= lastClose - brick) {
                emit(ts, lastClose, lastClose - brick, -1);
            } else if (direction > 0 && priceTicks <= lastClose - 2 * brick) {
                emit(ts, lastClose - brick, lastClose - 2 * brick, -1);
            } else if (direction < 0 && priceTicks >= lastClose + 2 * brick) {
                emit(ts, lastClose + brick, lastClose + 2 * brick, 1);
            } else {
                return;
            }
        }
    }

    private void emit(long ts, long open, long close, int newDirection) {
        long first = pendingCount == 0 ? ts : pendingFirstTs;
        sink.onBar(bar.set(first, ts, open, Math.max(open, close), Math.min(open, close), close, pendingVolume,
                pendingCount));
        pendingVolume = 0;
        pendingCount = 0;
        lastClose = close;
        direction = newDirection;
    }

    @Override
    public void onTime(long tsNanos) {
        // bricks form on price only
    }
}
