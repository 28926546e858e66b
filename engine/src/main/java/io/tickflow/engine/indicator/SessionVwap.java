package io.tickflow.engine.indicator;

import java.util.Objects;

import io.tickflow.engine.strategy.BarSeries;
import io.tickflow.engine.strategy.BarView;
import io.tickflow.engine.time.SessionCalendar;

/**
 * Volume-weighted average price anchored to the trading session: {@code Σ p·v / Σ v} since the
 * open of the current session, reset when an update falls in another session window of the
 * {@link SessionCalendar} (for CME, 17:00 America/Chicago). Bars contribute their typical
 * price {@code (high + low + close) / 3} weighted by their volume, timed at {@code tsOpen};
 * prints contribute their own price and size.
 *
 * <p>Warm-up: ready once the session has some volume; NaN before (and right after a reset).
 * Unit: ticks. Engine thread only, not thread-safe (so is the calendar: give it its own
 * {@link SessionCalendar#copy()}); O(1) per update and no allocation inside a session (the
 * calendar allocates a few objects once per session when it moves to the next window).
 */
public final class SessionVwap {
    private final SessionCalendar calendar;
    private long sessionOpen = Long.MIN_VALUE;
    private double priceVolume;
    private double volume;
    private long count;

    public SessionVwap(SessionCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    public void update(BarView bar) {
        update(bar.tsOpen(), (bar.high() + bar.low() + bar.close()) / 3.0, bar.volume());
    }

    /** Adds the newest completed bar of {@code series}. */
    public void update(BarSeries series) {
        update(series.tsOpen(0), (series.high(0) + series.low(0) + series.close(0)) / 3.0, series.volume(0));
    }

    /** A trade print (or any priced volume) at {@code tsNanos}. */
    public void update(long tsNanos, double priceTicks, long size) {
        long open = calendar.sessionOpen(tsNanos);
        if (open != sessionOpen) {
            sessionOpen = open;
            priceVolume = 0;
            volume = 0;
            count = 0;
        }
        priceVolume += priceTicks * size;
        volume += size;
        count++;
    }

    public double value() {
        return isReady() ? priceVolume / volume : Double.NaN;
    }

    public boolean isReady() {
        return volume > 0;
    }

    /** Updates in the current session. */
    public long count() {
        return count;
    }

    /** Volume in the current session. */
    public double volume() {
        return volume;
    }

    /** The open (epoch nanos) of the session the value is anchored to; {@code Long.MIN_VALUE} before the first update. */
    public long sessionOpen() {
        return sessionOpen;
    }
}
