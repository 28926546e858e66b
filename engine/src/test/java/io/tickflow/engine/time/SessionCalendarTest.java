package io.tickflow.engine.time;

import static io.tickflow.engine.testing.TestTimes.at;
import static io.tickflow.engine.testing.TestTimes.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SessionCalendarTest {
    private final SessionCalendar cme = SessionCalendar.cme();

    @Test
    void aWinterSessionRunsFrom17To16CentralTime() {
        long ts = at("2025-11-24T15:00:00Z");
        assertThat(text(cme.sessionOpen(ts))).isEqualTo("2025-11-23T23:00:00Z");
        assertThat(text(cme.sessionClose(ts))).isEqualTo("2025-11-24T22:00:00Z");
        assertThat(text(cme.nextSessionOpen(ts))).isEqualTo("2025-11-24T23:00:00Z");
        assertThat(cme.tradeDate(ts)).isEqualTo(LocalDate.of(2025, 11, 24));
        assertThat(cme.inSession(ts)).isTrue();
    }

    @Test
    void anEarlyCloseEndsItsTradeDatesSessionThenAndNoOther() {
        // the day after Thanksgiving 2025: CME equity index futures close at 12:15 CT (18:15Z)
        SessionCalendar halfDay = SessionCalendar.cme()
                .withEarlyCloses(Map.of(LocalDate.of(2025, 11, 28), LocalTime.of(12, 15)));
        long friday = at("2025-11-28T15:00:00Z");
        assertThat(text(halfDay.sessionClose(friday))).isEqualTo("2025-11-28T18:15:00Z");
        assertThat(halfDay.inSession(at("2025-11-28T18:14:59Z"))).isTrue();
        assertThat(halfDay.inSession(at("2025-11-28T18:15:00Z"))).isFalse();
        assertThat(text(halfDay.nextSessionOpen(friday))).isEqualTo("2025-11-28T23:00:00Z");
        assertThat(text(halfDay.copy().sessionClose(at("2025-11-26T15:00:00Z")))).isEqualTo("2025-11-26T22:00:00Z");
        assertThatThrownBy(() -> SessionCalendar.cme().withEarlyCloses(Map.of(LocalDate.of(2025, 11, 28),
                LocalTime.of(16, 30)))).hasMessageContaining("is not before the session's usual close 16:00");
    }

    @Test
    void theMaintenanceBreakBelongsToTheWindowOfTheSessionThatJustClosed() {
        long ts = at("2025-11-24T22:30:00Z");
        assertThat(cme.inSession(ts)).isFalse();
        assertThat(text(cme.sessionOpen(ts))).isEqualTo("2025-11-23T23:00:00Z");
        assertThat(text(cme.nextSessionOpen(ts))).isEqualTo("2025-11-24T23:00:00Z");
        assertThat(cme.inSession(at("2025-11-24T23:00:00Z"))).isTrue();
        assertThat(cme.tradeDate(at("2025-11-24T23:00:00Z"))).isEqualTo(LocalDate.of(2025, 11, 25));
    }

    @Test
    void sessionsAcrossDaylightSavingSwitchesAre22Or24HoursLong() {
        long spring = at("2026-03-08T12:00:00Z");
        assertThat(cme.sessionClose(spring) - cme.sessionOpen(spring)).isEqualTo(22 * 3_600_000_000_000L);
        long autumn = at("2026-11-01T12:00:00Z");
        assertThat(cme.sessionClose(autumn) - cme.sessionOpen(autumn)).isEqualTo(24 * 3_600_000_000_000L);
        long summer = at("2026-07-15T12:00:00Z");
        assertThat(text(cme.sessionOpen(summer))).isEqualTo("2026-07-14T22:00:00Z");
        assertThat(text(cme.sessionClose(summer))).isEqualTo("2026-07-15T21:00:00Z");
    }

    @Test
    void anOpenInTheRepeatedFallBackHourIsItsFirstPassAndTheSecondPassIsInsideThatSession() {
        // 01:30-01:00 America/Chicago: on 2023-11-05 01:30 CDT is 06:30Z; 01:15 CST (07:15Z) comes 45 minutes later
        SessionCalendar calendar = new SessionCalendar(java.time.ZoneId.of("America/Chicago"), java.time.LocalTime.of(1, 30),
                java.time.LocalTime.of(1, 0));
        long ts = at("2023-11-05T07:15:00Z");
        assertThat(text(calendar.sessionOpen(ts))).isEqualTo("2023-11-05T06:30:00Z");
        assertThat(text(calendar.sessionClose(ts))).isEqualTo("2023-11-06T07:00:00Z");
        assertThat(text(calendar.nextSessionOpen(ts))).isEqualTo("2023-11-06T07:30:00Z");
        assertThat(calendar.inSession(ts)).isTrue();
    }

    @Test
    void aDaySessionThatClosesTheSameDayIsSupported() {
        SessionCalendar rth = new SessionCalendar(java.time.ZoneId.of("America/Chicago"), java.time.LocalTime.of(8, 30),
                java.time.LocalTime.of(15, 0));
        long ts = at("2025-11-24T16:00:00Z");
        assertThat(text(rth.sessionOpen(ts))).isEqualTo("2025-11-24T14:30:00Z");
        assertThat(text(rth.sessionClose(ts))).isEqualTo("2025-11-24T21:00:00Z");
        assertThat(rth.tradeDate(ts)).isEqualTo(LocalDate.of(2025, 11, 24));
    }
}
