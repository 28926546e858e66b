package io.tickflow.engine.time;

import static io.tickflow.engine.testing.TestTimes.at;
import static io.tickflow.engine.testing.TestTimes.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Session windows at daylight-saving switches and at their half-open edges, worked out by hand:
 * CME sessions 17:00–16:00 America/Chicago are 23:00Z–22:00Z in winter (CST, UTC−6) and
 * 22:00Z–21:00Z in summer (CDT, UTC−5).
 */
class SessionCalendarBoundariesTest {
    private static final long HOUR = 3_600_000_000_000L;

    private final SessionCalendar cme = SessionCalendar.cme();

    @Test
    void theSessionAcrossTheMarch2023SpringForwardIs22HoursAndTheNextIs23() {
        // opens Sat 2023-03-11 17:00 CST, clocks jump 02:00 CST -> 03:00 CDT at 08:00Z, closes Sun 16:00 CDT
        long duringSwitchDay = at("2023-03-12T08:00:00Z");
        assertThat(text(cme.sessionOpen(duringSwitchDay))).isEqualTo("2023-03-11T23:00:00Z");
        assertThat(text(cme.sessionClose(duringSwitchDay))).isEqualTo("2023-03-12T21:00:00Z");
        assertThat(text(cme.nextSessionOpen(duringSwitchDay))).isEqualTo("2023-03-12T22:00:00Z");
        assertThat(cme.tradeDate(duringSwitchDay)).isEqualTo(LocalDate.of(2023, 3, 12));

        long nextSession = at("2023-03-12T22:00:00Z");
        assertThat(text(cme.sessionOpen(nextSession))).isEqualTo("2023-03-12T22:00:00Z");
        assertThat(text(cme.sessionClose(nextSession))).isEqualTo("2023-03-13T21:00:00Z");
        assertThat(cme.sessionClose(nextSession) - cme.sessionOpen(nextSession)).isEqualTo(23 * HOUR);
        assertThat(cme.tradeDate(nextSession)).isEqualTo(LocalDate.of(2023, 3, 13));
    }

    @Test
    void theSessionAcrossTheNovember2023FallBackIs24HoursAndBothPassesOfTheRepeatedHourAreInIt() {
        // opens Sat 2023-11-04 17:00 CDT (22:00Z); 01:30 local happens at 06:30Z (CDT) and again at 07:30Z (CST)
        for (String ts : new String[] {"2023-11-05T06:30:00Z", "2023-11-05T07:30:00Z"}) {
            long t = at(ts);
            assertThat(text(cme.sessionOpen(t))).as(ts).isEqualTo("2023-11-04T22:00:00Z");
            assertThat(text(cme.sessionClose(t))).as(ts).isEqualTo("2023-11-05T22:00:00Z");
            assertThat(text(cme.nextSessionOpen(t))).as(ts).isEqualTo("2023-11-05T23:00:00Z");
            assertThat(cme.inSession(t)).as(ts).isTrue();
        }
    }

    @Test
    void theCloseStartsThePostCloseWindowAndTheNextOpenStartsTheNextSession() {
        long close = at("2023-11-06T22:00:00Z");
        assertThat(cme.inSession(close - 1)).isTrue();
        assertThat(cme.inSession(close)).isFalse();
        assertThat(text(cme.sessionOpen(close))).isEqualTo("2023-11-05T23:00:00Z");
        assertThat(cme.tradeDate(close)).isEqualTo(LocalDate.of(2023, 11, 6));

        long lastBreakNano = at("2023-11-06T22:59:59.999999999Z");
        assertThat(cme.inSession(lastBreakNano)).isFalse();
        assertThat(text(cme.sessionClose(lastBreakNano))).isEqualTo("2023-11-06T22:00:00Z");
        assertThat(text(cme.nextSessionOpen(lastBreakNano))).isEqualTo("2023-11-06T23:00:00Z");
        assertThat(cme.tradeDate(lastBreakNano)).isEqualTo(LocalDate.of(2023, 11, 6));

        long open = at("2023-11-06T23:00:00Z");
        assertThat(cme.inSession(open)).isTrue();
        assertThat(cme.sessionOpen(open)).isEqualTo(open);
        assertThat(cme.tradeDate(open)).isEqualTo(LocalDate.of(2023, 11, 7));
    }

    @Test
    void weekendsAreOrdinarySessionsThatSimplyCarryNoData() {
        // Friday 2023-11-10 17:00 CST opens a "session" ending Saturday 16:00: the calendar knows no weekends
        long saturday = at("2023-11-11T12:00:00Z");
        assertThat(text(cme.sessionOpen(saturday))).isEqualTo("2023-11-10T23:00:00Z");
        assertThat(text(cme.sessionClose(saturday))).isEqualTo("2023-11-11T22:00:00Z");
        assertThat(cme.tradeDate(saturday)).isEqualTo(LocalDate.of(2023, 11, 11));
    }

    @Test
    void aCalendarInAnotherZoneShiftsItsSessionsAndBreakAtThatZonesSwitch() {
        // 08:00-22:00 Europe/Berlin; Berlin springs forward on 2023-03-26, two weeks after Chicago
        SessionCalendar berlin = new SessionCalendar(ZoneId.of("Europe/Berlin"), LocalTime.of(8, 0), LocalTime.of(22, 0));
        long saturdayNight = at("2023-03-25T23:00:00Z");
        assertThat(berlin.inSession(saturdayNight)).isFalse();
        assertThat(text(berlin.sessionOpen(saturdayNight))).isEqualTo("2023-03-25T07:00:00Z");
        assertThat(text(berlin.sessionClose(saturdayNight))).isEqualTo("2023-03-25T21:00:00Z");
        // the break is an hour short: 21:00Z to 06:00Z
        assertThat(text(berlin.nextSessionOpen(saturdayNight))).isEqualTo("2023-03-26T06:00:00Z");
        assertThat(berlin.tradeDate(saturdayNight)).isEqualTo(LocalDate.of(2023, 3, 25));
        assertThat(berlin.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void sessionWindowsTileTimeWithoutGapsOrOverlapsForThreeYears() {
        long from = at("2022-01-01T00:00:00Z");
        long to = at("2025-01-01T00:00:00Z");
        long windowOpen = cme.sessionOpen(from);
        int sessions = 0;
        while (windowOpen < to) {
            long close = cme.sessionClose(windowOpen);
            long next = cme.nextSessionOpen(windowOpen);
            String where = text(windowOpen);
            assertThat(cme.sessionOpen(windowOpen)).as(where).isEqualTo(windowOpen);
            assertThat(close - windowOpen).as(where).isIn(22 * HOUR, 23 * HOUR, 24 * HOUR);
            assertThat(next - close).as(where).isEqualTo(HOUR);
            assertThat(cme.sessionOpen(next - 1)).as(where).isEqualTo(windowOpen);
            assertThat(cme.sessionOpen(next)).as(where).isEqualTo(next);
            windowOpen = next;
            sessions++;
        }
        // opens on every date from 2021-12-31 (the window holding 2022-01-01 00:00Z) to 2024-12-31: 1,096 days + 1
        assertThat(sessions).isEqualTo(1_097);

        long seed = 20_230_312L;
        Random random = new Random(seed);
        for (int i = 0; i < 5_000; i++) {
            long ts = from + (long) (random.nextDouble() * (to - from));
            long open = cme.sessionOpen(ts);
            assertThat(ts).as("seed %d, ts %s", seed, text(ts)).isGreaterThanOrEqualTo(open)
                    .isLessThan(cme.nextSessionOpen(ts));
            assertThat(cme.inSession(ts)).as("seed %d, ts %s", seed, text(ts)).isEqualTo(ts < cme.sessionClose(ts));
        }
    }
}
