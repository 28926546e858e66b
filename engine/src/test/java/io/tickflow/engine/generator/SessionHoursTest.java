package io.tickflow.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.model.Side;

/** Generated sessions follow CME hours in Chicago time, whatever the UTC offset. */
class SessionHoursTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    /** Records the session boundaries and every event time outside a session. */
    private static final class Hours implements MarketDataSink {
        final List<Instant> opens = new ArrayList<>();
        final List<Instant> closes = new ArrayList<>();
        final List<String> outside = new ArrayList<>();
        long open = Long.MIN_VALUE;
        long close = Long.MIN_VALUE;
        long events;

        private void at(long ts) {
            ZonedDateTime local = Instant.ofEpochSecond(0, ts).atZone(CHICAGO);
            boolean inBreak = !local.toLocalTime().isBefore(LocalTime.of(16, 0))
                    && local.toLocalTime().isBefore(LocalTime.of(17, 0));
            if (ts < open || close >= open || local.getDayOfWeek() == DayOfWeek.SATURDAY || inBreak) {
                outside.add(local.toString());
            }
            events++;
        }

        @Override
        public void onQuote(long ts, long bid, long bidSize, long ask, long askSize) {
            at(ts);
        }

        @Override
        public void onTrade(long ts, long price, long size, Side aggressor) {
            at(ts);
        }

        @Override
        public void onSessionOpen(long ts) {
            open = ts;
            opens.add(Instant.ofEpochSecond(0, ts));
        }

        @Override
        public void onSessionClose(long ts) {
            close = ts;
            closes.add(Instant.ofEpochSecond(0, ts));
        }
    }

    private static Hours run(GeneratorConfig config) {
        Hours sink = new Hours();
        MarketDataGenerator generator = new MarketDataGenerator(config);
        while (generator.next(sink)) {
            // the sink records the hours
        }
        return sink;
    }

    private static GeneratorConfig sessionsFrom(String start, int sessions) {
        return GeneratorConfig.defaults(3).withStart(Instant.parse(start)).withQuotesPerSecond(0.05).withSessions(sessions);
    }

    @Test
    void sessionsKeepChicagoHoursAcrossTheSpringDaylightSavingSwitch() {
        Hours sink = run(sessionsFrom("2025-03-02T23:00:00Z", 10));

        assertThat(sink.opens).map(Instant::toString).containsExactly(
                "2025-03-02T23:00:00Z", "2025-03-03T23:00:00Z", "2025-03-04T23:00:00Z", "2025-03-05T23:00:00Z",
                "2025-03-06T23:00:00Z",
                "2025-03-09T22:00:00Z", "2025-03-10T22:00:00Z", "2025-03-11T22:00:00Z", "2025-03-12T22:00:00Z",
                "2025-03-13T22:00:00Z");
        assertThat(sink.closes).map(Instant::toString).startsWith("2025-03-03T22:00:00Z").endsWith("2025-03-14T21:00:00Z");
        assertThat(sink.events).isPositive();
        assertThat(sink.outside).isEmpty();
    }

    @Test
    void sessionsKeepChicagoHoursAcrossTheAutumnDaylightSavingSwitch() {
        Hours sink = run(sessionsFrom("2025-10-26T22:00:00Z", 6));

        assertThat(sink.opens).map(Instant::toString).containsExactly(
                "2025-10-26T22:00:00Z", "2025-10-27T22:00:00Z", "2025-10-28T22:00:00Z", "2025-10-29T22:00:00Z",
                "2025-10-30T22:00:00Z", "2025-11-02T23:00:00Z");
        assertThat(sink.closes).map(Instant::toString).startsWith("2025-10-27T21:00:00Z").endsWith("2025-11-03T22:00:00Z");
        assertThat(sink.outside).isEmpty();
    }

    @Test
    void aStartInsideASessionOrAtTheWeekendWaitsForTheNextOpen() {
        // Tuesday 10:00 CT, inside Monday evening's session: the first open is Tuesday 17:00 CT
        assertThat(run(sessionsFrom("2025-11-25T16:00:00Z", 1)).opens).map(Instant::toString)
                .containsExactly("2025-11-25T23:00:00Z");
        // Friday 18:00 CT: no session opens on Friday or Saturday, so Sunday 17:00 CT
        assertThat(run(sessionsFrom("2025-11-29T00:00:00Z", 1)).opens).map(Instant::toString)
                .containsExactly("2025-11-30T23:00:00Z");
        // exactly at an open: that session
        assertThat(run(sessionsFrom("2025-11-23T23:00:00Z", 1)).opens).map(Instant::toString)
                .containsExactly("2025-11-23T23:00:00Z");
    }
}
