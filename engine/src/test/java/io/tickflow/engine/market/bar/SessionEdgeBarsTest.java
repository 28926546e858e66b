package io.tickflow.engine.market.bar;

import static io.tickflow.engine.market.bar.BarCollector.at;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.testing.TestContracts;
import io.tickflow.engine.time.SessionCalendar;

/**
 * Time and Heikin-Ashi bars at session edges, daylight-saving switches and the maintenance
 * break, worked out by hand. CME sessions 17:00–16:00 America/Chicago: 2023-03-11 23:00Z to
 * 2023-03-12 21:00Z is 22 hours (spring forward), 2023-11-04 22:00Z to 2023-11-05 22:00Z is 24
 * hours (fall back); the break is the hour after each close.
 */
class SessionEdgeBarsTest {
    private final BarCollector out = new BarCollector();

    private BarAggregator aggregator(String spec) {
        return BarAggregators.create(TestContracts.ES, BarSpec.parse(spec), SessionCalendar.cme(), out);
    }

    @Test
    void sevenMinuteBarsEndTheSpringForwardSessionWithAFourMinuteBar() {
        // 22 h = 1,320 min = 188 x 7 + 4: bar 188 starts 21:56 after the open (20:56Z) and is cut at 21:00Z
        BarAggregator bars = aggregator("7m");
        bars.onPrice(at("2023-03-12T20:55:30Z"), 100, 1);
        bars.onPrice(at("2023-03-12T20:58:00Z"), 102, 2);
        bars.onPrice(at("2023-03-12T20:59:59.999999999Z"), 101, 3);
        bars.onPrice(at("2023-03-12T22:00:00Z"), 105, 1);
        bars.onTime(at("2023-03-12T22:07:00Z"));

        assertThat(out.bars).containsExactly(
                "[2023-03-12T20:49:00Z, 2023-03-12T20:56:00Z) 100 100 100 100 v1 n1",
                "[2023-03-12T20:56:00Z, 2023-03-12T21:00:00Z) 102 102 101 101 v5 n2",
                "[2023-03-12T22:00:00Z, 2023-03-12T22:07:00Z) 105 105 105 105 v1 n1");
    }

    @Test
    void sevenMinuteBarsStayOnTheSessionGridThroughTheRepeatedFallBackHourAndEndWithAFiveMinuteBar() {
        // 01:40 local happens twice: 06:40Z is 520 min after the open (bar 74 at 518 min),
        // 07:40Z is 580 min after it (bar 82 at 574 min); 24 h = 205 x 7 + 5
        BarAggregator bars = aggregator("7m");
        bars.onPrice(at("2023-11-05T06:40:00Z"), 200, 1);
        bars.onPrice(at("2023-11-05T07:40:00Z"), 201, 1);
        bars.onPrice(at("2023-11-05T21:56:00Z"), 202, 1);
        bars.onTime(at("2023-11-05T22:00:00Z"));

        assertThat(out.bars).containsExactly(
                "[2023-11-05T06:38:00Z, 2023-11-05T06:45:00Z) 200 200 200 200 v1 n1",
                "[2023-11-05T07:34:00Z, 2023-11-05T07:41:00Z) 201 201 201 201 v1 n1",
                "[2023-11-05T21:55:00Z, 2023-11-05T22:00:00Z) 202 202 202 202 v1 n1");
    }

    @Test
    void hourBarsAcrossTheSpringForwardAreConsecutiveThoughLocalTimeSkipsAnHour() {
        // 01:30 CST and 03:30 CDT are an hour apart
        BarAggregator bars = aggregator("1h");
        bars.onPrice(at("2023-03-12T07:30:00Z"), 100, 1);
        bars.onPrice(at("2023-03-12T08:30:00Z"), 101, 1);
        bars.onTime(at("2023-03-12T09:00:00Z"));

        assertThat(out.bars).containsExactly(
                "[2023-03-12T07:00:00Z, 2023-03-12T08:00:00Z) 100 100 100 100 v1 n1",
                "[2023-03-12T08:00:00Z, 2023-03-12T09:00:00Z) 101 101 101 101 v1 n1");
    }

    @Test
    void aDayBarCoversTheWholeTwentyFourHourFallBackSessionAndTheNextSessionGetsItsOwn() {
        BarAggregator bars = aggregator("1d");
        bars.onPrice(at("2023-11-04T22:00:00Z"), 300, 1);
        bars.onPrice(at("2023-11-05T12:00:00Z"), 310, 2);
        bars.onPrice(at("2023-11-05T21:59:59Z"), 295, 1);
        bars.onPrice(at("2023-11-05T23:00:05Z"), 299, 4);
        bars.onTime(at("2023-11-06T22:00:00Z"));

        assertThat(out.bars).containsExactly(
                "[2023-11-04T22:00:00Z, 2023-11-05T22:00:00Z) 300 310 295 295 v4 n3",
                "[2023-11-05T23:00:00Z, 2023-11-06T22:00:00Z) 299 299 299 299 v4 n1");
    }

    @Test
    void printsInTheMaintenanceBreakFormBarsAnchoredAtTheCloseAndCutAtTheNextOpen() {
        // 2025-11-24: close 22:00Z, next open 23:00Z; the break's 60 min = 8 x 7 + 4
        BarAggregator bars = aggregator("7m");
        bars.onPrice(at("2025-11-24T21:59:30Z"), 100, 1);
        bars.onPrice(at("2025-11-24T22:00:00Z"), 101, 1);
        bars.onPrice(at("2025-11-24T22:58:00Z"), 102, 1);
        bars.onPrice(at("2025-11-24T23:00:00Z"), 103, 1);
        bars.onTime(at("2025-11-24T23:07:00Z"));

        assertThat(out.bars).containsExactly(
                "[2025-11-24T21:59:00Z, 2025-11-24T22:00:00Z) 100 100 100 100 v1 n1",
                "[2025-11-24T22:00:00Z, 2025-11-24T22:07:00Z) 101 101 101 101 v1 n1",
                "[2025-11-24T22:56:00Z, 2025-11-24T23:00:00Z) 102 102 102 102 v1 n1",
                "[2025-11-24T23:00:00Z, 2025-11-24T23:07:00Z) 103 103 103 103 v1 n1");
    }

    @Test
    void theLastBarBeforeAQuietCloseIsEmittedByTimeAtTheCloseNotBefore() {
        BarAggregator bars = aggregator("1h");
        bars.onPrice(at("2025-11-24T21:30:00Z"), 100, 1);
        bars.onTime(at("2025-11-24T21:59:59.999999999Z"));
        assertThat(out.bars).isEmpty();

        bars.onTime(at("2025-11-24T22:00:00Z"));
        bars.onTime(at("2025-11-26T12:00:00Z"));

        assertThat(out.bars).containsExactly("[2025-11-24T21:00:00Z, 2025-11-24T22:00:00Z) 100 100 100 100 v1 n1");
    }

    @Test
    void timeAloneBeforeAnyObservationMakesNoBar() {
        BarAggregator bars = aggregator("1m");
        bars.onTime(at("2025-11-24T15:00:00Z"));
        bars.onTime(at("2025-11-24T16:00:00Z"));

        assertThat(out.bars).isEmpty();
    }

    @Test
    void heikinAshiOverMinuteBarsFollowsItsBaseThroughAGapAndClosesOnTime() {
        // base bars: (10,13,9,11) (11,12,11,12), no prints 23:02-23:05, then (9,9,9,9)
        // HA: close 43/4=10.75->11, open (10+11)/2=10.5->11; close 46/4=11.5->12, open (11+11)/2=11;
        //     close 9, open (11+12)/2=11.5->12
        BarAggregator bars = aggregator("ha:1m");
        bars.onPrice(at("2025-11-23T23:00:01Z"), 10, 1);
        bars.onPrice(at("2025-11-23T23:00:02Z"), 13, 1);
        bars.onPrice(at("2025-11-23T23:00:03Z"), 9, 1);
        bars.onPrice(at("2025-11-23T23:00:04Z"), 11, 1);
        bars.onPrice(at("2025-11-23T23:01:30Z"), 11, 1);
        bars.onPrice(at("2025-11-23T23:01:40Z"), 12, 1);
        bars.onPrice(at("2025-11-23T23:05:10Z"), 9, 1);
        bars.onTime(at("2025-11-23T23:06:00Z"));

        assertThat(out.bars).containsExactly(
                "[2025-11-23T23:00:00Z, 2025-11-23T23:01:00Z) 11 13 9 11 v4 n4",
                "[2025-11-23T23:01:00Z, 2025-11-23T23:02:00Z) 11 12 11 12 v2 n2",
                "[2025-11-23T23:05:00Z, 2025-11-23T23:06:00Z) 12 12 9 9 v1 n1");
    }
}
