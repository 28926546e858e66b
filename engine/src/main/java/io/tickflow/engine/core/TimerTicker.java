package io.tickflow.engine.core;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tickflow.engine.ring.InboundPublisher;
import io.tickflow.engine.ring.TimerTranslator;
import io.tickflow.engine.time.Clock;

/**
 * Publishes a TIMER event at a fixed period so that, live, strategy timers fire and time bars
 * close on time in a quiet market. A producer like any other: one daemon thread, its own
 * translator. Not used in event time (backtests), where events carry the time.
 */
final class TimerTicker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TimerTicker.class);

    private final ScheduledExecutorService executor;

    TimerTicker(InboundPublisher publisher, Clock clock, long periodNanos) {
        TimerTranslator translator = new TimerTranslator();
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "tickflow-timer");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleAtFixedRate(() -> {
            try {
                publisher.publish(translator.set(clock.nanos()));
            } catch (IllegalStateException closed) {
                executor.shutdown();
            } catch (RuntimeException e) {
                LOG.error("timer tick failed", e);
            }
        }, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
