package io.tickflow.engine.market.bar;

import static io.tickflow.engine.market.bar.BarCollector.at;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.time.SessionCalendar;

/** Expected bars are worked out by hand from the CME session 17:00–16:00 America/Chicago. */
class TimeBarAggregatorTest {
    private static final Contract ES = Contract.of("CON.F.US.EP.Z25", "ESZ5", "0.25", "12.50", "USD");
    private final BarCollector out = new BarCollector();

    private BarAggregator aggregator(String spec) {
        return BarAggregators.create(ES, BarSpec.parse(spec), SessionCalendar.cme(), out);
    }

    @Test
    void minuteBarsAlignToTheSessionOpenAndSkipMinutesWithoutPrints() {
        // Sunday 2025-11-23 17:00 CST = 23:00Z is the session open.
        BarAggregator bars = aggregator("1m");
        bars.onPrice(at("2025-11-23T23:00:10Z"), 100, 2);
        bars.onPrice(at("2025-11-23T23:00:50Z"), 102, 1);
        bars.onPrice(at("2025-11-23T23:00:55Z"), 99, 3);
        bars.onPrice(at("2025-11-23T23:01:05Z"), 101, 1);
        bars.onPrice(at("2025-11-23T23:04:00Z"), 103, 4);

        assertThat(out.bars).containsExactly(
                "[2025-11-23T23:00:00Z, 2025-11-23T23:01:00Z) 100 102 99 99 v6 n3",
                "[2025-11-23T23:01:00Z, 2025-11-23T23:02:00Z) 101 101 101 101 v1 n1");
    }

    @Test
    void aPrintExactlyOnABoundaryOpensTheNextBar() {
        BarAggregator bars = aggregator("1m");
        bars.onPrice(at("2025-11-23T23:00:59.999999999Z"), 100, 1);
        bars.onPrice(at("2025-11-23T23:01:00Z"), 101, 1);
        bars.onTime(at("2025-11-23T23:02:00Z"));

        assertThat(out.bars).containsExactly(
                "[2025-11-23T23:00:00Z, 2025-11-23T23:01:00Z) 100 100 100 100 v1 n1",
                "[2025-11-23T23:01:00Z, 2025-11-23T23:02:00Z) 101 101 101 101 v1 n1");
    }

    @Test
    void timePassingClosesABarWithoutAFurtherPrint() {
        BarAggregator bars = aggregator("5m");
        bars.onPrice(at("2025-11-24T15:02:00Z"), 100, 1);
        bars.onTime(at("2025-11-24T15:04:59Z"));
        assertThat(out.bars).isEmpty();

        bars.onTime(at("2025-11-24T15:05:00Z"));
        bars.onTime(at("2025-11-24T15:06:00Z"));

        assertThat(out.bars).containsExactly("[2025-11-24T15:00:00Z, 2025-11-24T15:05:00Z) 100 100 100 100 v1 n1");
    }

    @Test
    void theLastBarOfASessionIsCutAtTheCloseAndTheNextSessionStartsAtItsOpen() {
        // 7-minute bars: the session is 1380 minutes; bar 197 starts 23:00Z + 1379 min = 21:59Z and is cut at 22:00Z.
        BarAggregator bars = aggregator("7m");
        bars.onPrice(at("2025-11-24T21:58:00Z"), 100, 1);
        bars.onPrice(at("2025-11-24T21:59:30Z"), 104, 2);
        bars.onPrice(at("2025-11-24T23:00:01Z"), 90, 1);
        bars.onPrice(at("2025-11-24T23:06:59Z"), 91, 1);
        bars.onPrice(at("2025-11-24T23:07:00Z"), 92, 1);

        assertThat(out.bars).containsExactly(
                "[2025-11-24T21:52:00Z, 2025-11-24T21:59:00Z) 100 100 100 100 v1 n1",
                "[2025-11-24T21:59:00Z, 2025-11-24T22:00:00Z) 104 104 104 104 v2 n1",
                "[2025-11-24T23:00:00Z, 2025-11-24T23:07:00Z) 90 91 90 91 v2 n2");
    }

    @Test
    void aDayBarSpansOneSessionAndAcrossTheDaylightSavingSwitchItIs22HoursLong() {
        // The session opening Saturday 2026-03-07 17:00 CST (23:00Z) closes Sunday 2026-03-08 16:00 CDT (21:00Z).
        BarAggregator bars = aggregator("1d");
        bars.onPrice(at("2026-03-07T23:30:00Z"), 100, 1);
        bars.onPrice(at("2026-03-08T20:59:59Z"), 110, 1);
        // a late print in the break between close and next open forms a bar of its own
        bars.onPrice(at("2026-03-08T21:30:00Z"), 111, 1);
        // next session opens 17:00 CDT = 22:00Z
        bars.onPrice(at("2026-03-08T22:00:00Z"), 112, 1);
        bars.onTime(at("2026-03-09T21:00:00Z"));

        assertThat(out.bars).containsExactly(
                "[2026-03-07T23:00:00Z, 2026-03-08T21:00:00Z) 100 110 100 110 v2 n2",
                "[2026-03-08T21:00:00Z, 2026-03-08T22:00:00Z) 111 111 111 111 v1 n1",
                "[2026-03-08T22:00:00Z, 2026-03-09T21:00:00Z) 112 112 112 112 v1 n1");
    }

    @Test
    void hourBarsAroundTheDaylightSavingSwitchStayOnTheHour() {
        // 2026-11-01 02:00 CDT falls back to 01:00 CST: the session opening Saturday 17:00 CDT (22:00Z) is 24 hours long.
        BarAggregator bars = aggregator("1h");
        bars.onPrice(at("2026-11-01T06:30:00Z"), 100, 1);
        bars.onPrice(at("2026-11-01T07:10:00Z"), 101, 1);
        bars.onPrice(at("2026-11-01T21:59:00Z"), 102, 1);
        bars.onTime(at("2026-11-01T22:00:00Z"));

        assertThat(out.bars).containsExactly(
                "[2026-11-01T06:00:00Z, 2026-11-01T07:00:00Z) 100 100 100 100 v1 n1",
                "[2026-11-01T07:00:00Z, 2026-11-01T08:00:00Z) 101 101 101 101 v1 n1",
                "[2026-11-01T21:00:00Z, 2026-11-01T22:00:00Z) 102 102 102 102 v1 n1");
    }

    @Test
    void aSlightlyEarlierTimestampStaysInTheBarBeingFormed() {
        BarAggregator bars = aggregator("1m");
        bars.onPrice(at("2025-11-23T23:00:30Z"), 100, 1);
        bars.onPrice(at("2025-11-23T23:00:20Z"), 98, 1);
        bars.onPrice(at("2025-11-23T23:01:00Z"), 101, 1);

        assertThat(out.bars).containsExactly("[2025-11-23T23:00:00Z, 2025-11-23T23:01:00Z) 100 100 98 98 v2 n2");
    }

    @Test
    void aPrintStampedInsideABarThatTimeAlreadyClosedJoinsTheNextBarInsteadOfReopeningIt() {
        BarAggregator bars = aggregator("1m");
        bars.onPrice(at("2025-11-23T23:00:10Z"), 100, 1);
        bars.onTime(at("2025-11-23T23:01:00.001Z"));
        bars.onPrice(at("2025-11-23T23:00:59.999Z"), 101, 1);
        bars.onPrice(at("2025-11-23T23:01:02Z"), 102, 1);
        bars.onTime(at("2025-11-23T23:02:00Z"));

        assertThat(out.bars).containsExactly(
                "[2025-11-23T23:00:00Z, 2025-11-23T23:01:00Z) 100 100 100 100 v1 n1",
                "[2025-11-23T23:01:00Z, 2025-11-23T23:02:00Z) 101 102 101 102 v2 n2");
    }

    @Test
    void aDayBarIsOneBarEvenForASessionLongerThan24Hours() {
        // midnight to midnight America/Chicago: 2023-11-05 00:00 CDT (05:00Z) to 2023-11-06 00:00 CST (06:00Z) is 25 hours
        SessionCalendar midnight = new SessionCalendar(java.time.ZoneId.of("America/Chicago"), java.time.LocalTime.MIDNIGHT,
                java.time.LocalTime.MIDNIGHT);
        BarAggregator bars = BarAggregators.create(ES, BarSpec.parse("1d"), midnight, out);
        bars.onPrice(at("2023-11-05T06:00:00Z"), 100, 1);
        bars.onPrice(at("2023-11-06T05:30:00Z"), 101, 1);
        bars.onTime(at("2023-11-06T06:00:00Z"));

        assertThat(out.bars).containsExactly("[2023-11-05T05:00:00Z, 2023-11-06T06:00:00Z) 100 101 100 101 v2 n2");
    }
}
