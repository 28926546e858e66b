package io.tickflow.engine.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Objects;

/**
 * The trading-session calendar bars align to: a session opens every day at {@code open} and
 * closes at {@code close} (the next day when {@code close <= open}, as CME's 17:00–16:00
 * America/Chicago). Time is partitioned into windows [open, next open); each window is the
 * session [open, close) followed by the break [close, next open). Weekends and holidays are
 * not special: they simply carry no data, so no bars.
 *
 * <p>A session across a daylight-saving switch is 22 or 24 hours long: boundaries are wall-clock
 * times in the zone. An open or close time that a spring-forward skips happens when the clocks
 * resume (02:30 becomes 03:30); one that a fall-back repeats happens at its first pass. The
 * trade date of a session is the date (in the zone) on which it closes.
 *
 * <p>Early closes ({@link #withEarlyCloses}): the session of a given trade date closes at
 * another time that day (CME's half days, such as 12:15 CT the day after Thanksgiving for
 * equity index futures), so bars, the trading window and its flatten follow the real close.
 *
 * <p>Engine thread only (it caches the current window). Queries inside the cached window are
 * allocation-free; crossing into another window recomputes with {@code java.time} (a few
 * objects, once per session).
 */
public final class SessionCalendar {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final ZoneId zone;
    private final LocalTime open;
    private final LocalTime close;
    /** Trade date → its session's close, where it is not {@code close}. */
    private final Map<LocalDate, LocalTime> earlyCloses;
    private long windowOpen = Long.MAX_VALUE;
    private long windowClose;
    private long windowNextOpen = Long.MIN_VALUE;
    private LocalDate windowTradeDate;

    public SessionCalendar(ZoneId zone, LocalTime open, LocalTime close) {
        this(zone, open, close, Map.of());
    }

    private SessionCalendar(ZoneId zone, LocalTime open, LocalTime close, Map<LocalDate, LocalTime> earlyCloses) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.open = Objects.requireNonNull(open, "open");
        this.close = Objects.requireNonNull(close, "close");
        this.earlyCloses = Map.copyOf(earlyCloses);
    }

    /**
     * The same calendar with these sessions closing early: trade date → the time (in the zone)
     * its session closes that day.
     *
     * @throws IllegalArgumentException for a close that is not before the usual one, or that
     *         does not fall inside its session
     */
    public SessionCalendar withEarlyCloses(Map<LocalDate, LocalTime> closes) {
        for (Map.Entry<LocalDate, LocalTime> e : closes.entrySet()) {
            LocalTime at = e.getValue();
            boolean overnight = !close.isAfter(open);
            boolean inside = overnight ? at.isBefore(close) : at.isAfter(open) && at.isBefore(close);
            if (!inside) {
                throw new IllegalArgumentException("the early close " + at + " of " + e.getKey()
                        + " is not before the session's usual close " + close + (overnight ? "" : " and after its open "
                        + open));
            }
        }
        return new SessionCalendar(zone, open, close, closes);
    }

    /** CME Globex: 17:00 to 16:00 the next day, America/Chicago. */
    public static SessionCalendar cme() {
        return new SessionCalendar(ZoneId.of("America/Chicago"), LocalTime.of(17, 0), LocalTime.of(16, 0));
    }

    /** A new calendar with the same rules and its own cache (one per engine thread). */
    public SessionCalendar copy() {
        return new SessionCalendar(zone, open, close, earlyCloses);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The open of the session whose window contains {@code tsNanos}. */
    public long sessionOpen(long tsNanos) {
        locate(tsNanos);
        return windowOpen;
    }

    /** The close of the session whose window contains {@code tsNanos}; at or before it the break starts. */
    public long sessionClose(long tsNanos) {
        locate(tsNanos);
        return windowClose;
    }

    /** The open of the next session after the window containing {@code tsNanos}. */
    public long nextSessionOpen(long tsNanos) {
        locate(tsNanos);
        return windowNextOpen;
    }

    /** True if {@code tsNanos} is inside a session, false if in the break between close and next open. */
    public boolean inSession(long tsNanos) {
        locate(tsNanos);
        return tsNanos < windowClose;
    }

    /** The trade date of the session whose window contains {@code tsNanos}: the date it closes. */
    public LocalDate tradeDate(long tsNanos) {
        locate(tsNanos);
        return windowTradeDate;
    }

    private void locate(long ts) {
        if (ts >= windowOpen && ts < windowNextOpen) {
            return;
        }
        ZonedDateTime at = Instant.ofEpochSecond(Math.floorDiv(ts, NANOS_PER_SECOND), Math.floorMod(ts, NANOS_PER_SECOND))
                .atZone(zone);
        LocalDate openDate = at.toLocalDate();
        ZonedDateTime openAt = ZonedDateTime.of(openDate, open, zone);
        // compare instants, not wall-clock times: an open in a DST gap moves later, an open in the
        // repeated fall-back hour is its first pass, and ts may be in either pass of that hour
        if (openAt.toInstant().isAfter(at.toInstant())) {
            openDate = openDate.minusDays(1);
            openAt = ZonedDateTime.of(openDate, open, zone);
        }
        LocalDate closeDate = close.isAfter(open) ? openDate : openDate.plusDays(1);
        windowOpen = nanos(openAt);
        windowNextOpen = nanos(ZonedDateTime.of(openDate.plusDays(1), open, zone));
        LocalTime closesAt = earlyCloses.getOrDefault(closeDate, close);
        windowClose = Math.min(nanos(ZonedDateTime.of(closeDate, closesAt, zone)), windowNextOpen);
        windowTradeDate = closeDate;
    }

    private static long nanos(ZonedDateTime t) {
        Instant i = t.toInstant();
        return i.getEpochSecond() * NANOS_PER_SECOND + i.getNano();
    }

    @Override
    public String toString() {
        return "sessions " + open + "–" + close + " " + zone + (earlyCloses.isEmpty() ? "" : ", early closes "
                + new java.util.TreeMap<>(earlyCloses));
    }
}
