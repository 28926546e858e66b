package io.tickflow.engine.market.bar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.testing.TestContracts;
import io.tickflow.engine.time.SessionCalendar;

/** Edges of the tick, volume, range, Renko and Heikin-Ashi closing rules, worked out by hand (timestamps are small integers). */
class ActivityBarEdgesTest {
    private final BarCollector out = new BarCollector();

    private BarAggregator aggregator(String spec) {
        return BarAggregators.create(TestContracts.ES, BarSpec.parse(spec), SessionCalendar.cme(), out);
    }

    @Test
    void barsThatCloseOnActivityIgnoreTimePassing() {
        for (String spec : new String[] {"2t", "5v", "3r", "4renko", "ha:2t"}) {
            BarAggregator bars = aggregator(spec);
            bars.onPrice(1, 100, 1);
            bars.onTime(Long.MAX_VALUE);
        }

        assertThat(out.bars).isEmpty();
    }

    @Test
    void tickBarsCountQuoteObservationsOfVolumeZero() {
        BarAggregator bars = aggregator("2t");
        bars.onPrice(1, 100, 0);
        bars.onPrice(2, 101, 0);

        assertThat(out.bars).containsExactly("[1, 2) 100 101 100 101 v0 n2");
    }

    @Test
    void aVolumeBarNeverClosesOnQuotesAlone() {
        BarAggregator bars = aggregator("5v");
        for (int t = 1; t <= 20; t++) {
            bars.onPrice(t, 100 + t % 3, 0); // 101, 102, 100, 101, ...
        }
        assertThat(out.bars).isEmpty();

        bars.onPrice(21, 99, 5);

        assertThat(out.bars).containsExactly("[1, 21) 101 102 99 99 v5 n21");
    }

    @Test
    void aRangeBarThatHasReachedExactlyItsRangeStaysOpenForPricesInsideIt() {
        BarAggregator bars = aggregator("3r");
        bars.onPrice(1, 100, 1);
        bars.onPrice(2, 103, 1);
        bars.onPrice(3, 101, 1);
        bars.onPrice(4, 100, 1);
        assertThat(out.bars).isEmpty();

        bars.onPrice(5, 99, 1);

        assertThat(out.bars).containsExactly("[1, 4) 100 103 100 100 v4 n4");
    }

    @Test
    void aSlightlyEarlierTimestampJoinsTheFormingActivityBarWithoutMovingItsTimesBack() {
        for (String spec : new String[] {"3t", "3v"}) {
            BarAggregator bars = aggregator(spec);
            bars.onPrice(10, 100, 1);
            bars.onPrice(12, 101, 1);
            bars.onPrice(11, 102, 1);
        }

        assertThat(out.bars).containsExactly("[10, 12) 100 102 100 102 v3 n3", "[10, 12) 100 102 100 102 v3 n3");
    }

    @Test
    void theFirstRenkoBrickMayGoDownAndAReversalUpStartsAtThePreviousBricksOpen() {
        BarAggregator bars = aggregator("5renko");
        bars.onPrice(1, 200, 1);
        bars.onPrice(2, 196, 1);
        bars.onPrice(3, 195, 2);
        bars.onPrice(4, 190, 1);
        // after the 195->190 brick a reversal needs 190 + 2 x 5 = 200
        bars.onPrice(5, 199, 1);
        bars.onPrice(6, 200, 3);
        // two bricks up at once: 200->205->210; 211 is short of 215
        bars.onPrice(7, 211, 1);

        assertThat(out.bars).containsExactly(
                "[1, 3) 200 200 195 195 v4 n3",
                "[4, 4) 195 195 190 190 v1 n1",
                "[5, 6) 195 200 195 200 v4 n2",
                "[7, 7) 200 205 200 205 v1 n1",
                "[7, 7) 205 210 205 210 v0 n0");
    }

    @Test
    void aRenkoMoveThatReversesByThreeBricksEmitsTheReversalBrickThenTwoMore() {
        BarAggregator bars = aggregator("2renko");
        bars.onPrice(1, 10, 1);
        bars.onPrice(2, 12, 1);
        // from the 10->12 up brick, 4 reverses (10->8) and continues to 6 and 4
        bars.onPrice(3, 4, 7);

        assertThat(out.bars).containsExactly(
                "[1, 2) 10 12 10 12 v2 n2",
                "[3, 3) 10 10 8 8 v7 n1",
                "[3, 3) 8 8 6 6 v0 n0",
                "[3, 3) 6 6 4 4 v0 n0");
    }

    @Test
    void heikinAshiRoundsNegativeHalvesTowardPlusInfinity() {
        // base (-1,-1,-2,-2): close -6/4=-1.5 -> -1, open -3/2=-1.5 -> -1;
        // base (-3,-3,-4,-4): close -14/4=-3.5 -> -3, open (-1 + -1)/2 = -1
        BarAggregator bars = aggregator("ha:2t");
        bars.onPrice(1, -1, 1);
        bars.onPrice(2, -2, 1);
        bars.onPrice(3, -3, 1);
        bars.onPrice(4, -4, 1);

        assertThat(out.bars).containsExactly("[1, 2) -1 -1 -2 -1 v2 n2", "[3, 4) -1 -1 -4 -3 v2 n2");
    }
}
