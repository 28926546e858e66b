package io.tickflow.adapters.gateway.venue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tickflow.engine.backtest.MarketReplay;
import io.tickflow.engine.backtest.ReplayTarget;
import io.tickflow.engine.model.Side;

/**
 * Plays market data into the paper venue at the pace it was recorded or generated, or
 * {@code speed} times faster (speed 0: as fast as the venue takes it). One thread per
 * source; every source is timed from the same start, so their events interleave as they
 * would have. Events reach the venue through its thread's bounded queue, so a fast source
 * waits rather than drops.
 */
public final class MarketFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MarketFeed.class);

    /** Thrown through a replay to stop it when the feed closes. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }

    private final List<Thread> threads = new ArrayList<>();
    private final double speed;
    private final PaperVenue venue;
    private final VenueThread venueThread;
    private volatile boolean closed;
    private volatile long originWall;
    private volatile long originData = Long.MIN_VALUE;

    public MarketFeed(List<MarketReplay> sources, double speed, PaperVenue venue, VenueThread venueThread) {
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("market data speed must be 0 (unpaced) or a positive factor, was "
                    + speed);
        }
        this.speed = speed;
        this.venue = venue;
        this.venueThread = venueThread;
        for (int i = 0; i < sources.size(); i++) {
            MarketReplay source = sources.get(i);
            Thread t = new Thread(() -> run(source), "paper-feed-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
    }

    public void start() {
        threads.forEach(Thread::start);
    }

    private void run(MarketReplay source) {
        try {
            source.replay(new ReplayTarget() {
                @Override
                public void quote(int contract, long ts, long bid, long bidSize, long ask, long askSize) {
                    pace(ts);
                    venueThread.execute(() -> venue.onQuote(contract, bid, bidSize, ask, askSize));
                }

                @Override
                public void trade(int contract, long ts, long price, long size, Side aggressor) {
                    pace(ts);
                    venueThread.execute(() -> venue.onTrade(contract, price, size, aggressor));
                }
            });
            LOG.info("market data source {} ended", Thread.currentThread().getName());
        } catch (Stopped e) {
            // closed
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.error("market data source {} failed", Thread.currentThread().getName(), e);
            }
        }
    }

    /** Waits until the event at data time {@code ts} is due. */
    private void pace(long ts) {
        if (closed) {
            throw new Stopped();
        }
        if (speed == 0) {
            return;
        }
        synchronized (this) {
            if (originData == Long.MIN_VALUE) {
                originData = ts;
                originWall = System.nanoTime();
            }
        }
        long due = originWall + (long) ((ts - originData) / speed);
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            if (closed) {
                throw new Stopped();
            }
            LockSupport.parkNanos(Math.min(wait, 50_000_000L));
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : threads) {
            t.interrupt();
        }
    }
}
