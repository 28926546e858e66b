package io.tickflow.engine.market.bar;

import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.time.SessionCalendar;

/**
 * Time bars of a fixed length P aligned to the trading session.
 *
 * <p><b>Intervals.</b> Bar k of a session covers {@code [open + k·P, min(open + (k+1)·P, close))}:
 * bars start at the session open, and the last bar of a session is cut short at the close
 * (a 7-minute bar series ends the CME session with a shorter bar at 16:00 CT). A {@code 1d}
 * spec is one bar per session, {@code [open, close)}, however long the session (22 to 25 hours
 * across daylight-saving switches). Observations in the break between close
 * and the next open (rare: a late print) form bars aligned the same way to the close and cut at
 * the next open. Timestamps are exchange time ({@code tsEvent}).
 *
 * <p><b>Closing rule.</b> A bar completes when an observation or {@link #onTime} arrives at or
 * after its end: the bar is emitted first, and that observation opens the next bar. An
 * interval with no observation produces no bar (gaps stay gaps, as in exchange data).
 * {@code tsOpen}/{@code tsClose} of a time bar are its interval's boundaries, not the times of
 * its first and last observation.
 *
 * <p><b>Late timestamps.</b> An observation stamped earlier than the latest time this aggregator
 * has seen (from {@code onPrice} or {@code onTime}) is taken as arriving at that latest time: it
 * joins the bar being formed, or opens the bar containing that latest time. A completed bar is
 * never reopened, so a print stamped 59.998 s that arrives after {@code onTime(60.001 s)} closed
 * the first minute goes into the second minute's bar rather than making a second bar for the
 * first.
 *
 * <p>Engine thread only. No allocation per observation; entering a new session makes the
 * calendar recompute its window (a few {@code java.time} objects).
 */
public final class TimeBarAggregator implements BarAggregator {
    private final BarSpec spec;
    private final long period;
    private final SessionCalendar calendar;
    private final BarSink sink;
    private final Bar bar;
    private final FormingBar forming = new FormingBar();
    private long barStart;
    private long barEnd;
    private long latest = Long.MIN_VALUE;

    public TimeBarAggregator(Contract contract, BarSpec spec, SessionCalendar calendar, BarSink sink) {
        this.spec = spec;
        this.period = spec.size();
        this.calendar = calendar;
        this.sink = sink;
        this.bar = new Bar(contract, spec);
    }

    @Override
    public BarSpec spec() {
        return spec;
    }

    @Override
    public void onPrice(long tsNanos, long priceTicks, long volume) {
        long now = Math.max(tsNanos, latest);
        onTime(now);
        if (forming.active) {
            forming.add(tsNanos, priceTicks, volume);
            return;
        }
        locateInterval(now);
        forming.start(tsNanos, priceTicks, volume);
    }

    @Override
    public void onTime(long tsNanos) {
        if (tsNanos > latest) {
            latest = tsNanos;
        }
        if (forming.active && tsNanos >= barEnd) {
            forming.emit(bar, sink, barStart, barEnd);
        }
    }

    private void locateInterval(long ts) {
        long open = calendar.sessionOpen(ts);
        long close = calendar.sessionClose(ts);
        long anchor;
        long limit;
        if (ts < close) {
            anchor = open;
            limit = close;
        } else {
            anchor = close;
            limit = calendar.nextSessionOpen(ts);
        }
        if (spec.isSessionBar()) {
            barStart = anchor;
            barEnd = limit;
            return;
        }
        barStart = anchor + (ts - anchor) / period * period;
        barEnd = Math.min(barStart + period, limit);
    }
}
