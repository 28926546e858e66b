package io.tickflow.engine.market.bar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.time.SessionCalendar;

/** Tick, volume, range, Renko and Heikin-Ashi bars against hand-computed examples (timestamps are small integers). */
class ActivityBarAggregatorTest {
    private static final Contract ES = Contract.of("CON.F.US.EP.Z25", "ESZ5", "0.25", "12.50", "USD");
    private final BarCollector out = new BarCollector();

    private BarAggregator aggregator(String spec) {
        return BarAggregators.create(ES, BarSpec.parse(spec), SessionCalendar.cme(), out);
    }

    private static void feed(BarAggregator bars, long[][] observations) {
        for (long[] o : observations) {
            bars.onPrice(o[0], o[1], o[2]);
        }
    }

    @Test
    void tickBarClosesOnItsNthPrintIncludingIt() {
        BarAggregator bars = aggregator("3t");
        feed(bars, new long[][] {{1, 10, 1}, {2, 12, 2}, {3, 9, 1}, {4, 11, 5}, {5, 11, 1}});
        bars.onTime(1_000);

        assertThat(out.bars).containsExactly("[1, 3) 10 12 9 9 v4 n3");
    }

    @Test
    void volumeBarIncludesThePrintThatReachesTheTargetWithoutSplittingIt() {
        BarAggregator bars = aggregator("10v");
        feed(bars, new long[][] {{1, 100, 4}, {2, 101, 5}, {3, 99, 3}, {4, 100, 10}, {5, 98, 0}, {6, 97, 9}, {7, 97, 1}});

        assertThat(out.bars).containsExactly(
                "[1, 3) 100 101 99 99 v12 n3",
                "[4, 4) 100 100 100 100 v10 n1",
                "[5, 7) 98 98 97 97 v10 n3");
    }

    @Test
    void rangeBarClosesBeforeThePriceThatWouldExceedTheRange() {
        BarAggregator bars = aggregator("4r");
        feed(bars, new long[][] {{1, 100, 1}, {2, 102, 1}, {3, 104, 1}, {4, 101, 1}, {5, 105, 1}, {6, 101, 1},
            {7, 100, 1}, {8, 120, 1}, {9, 121, 1}});

        assertThat(out.bars).containsExactly(
                "[1, 4) 100 104 100 101 v4 n4",
                "[5, 6) 105 105 101 101 v2 n2",
                "[7, 7) 100 100 100 100 v1 n1");
    }

    @Test
    void renkoNeedsOneBrickToContinueTwoToReverseAndEmitsSeveralBricksForAJump() {
        BarAggregator bars = aggregator("4renko");
        feed(bars, new long[][] {{1, 100, 1}, {2, 103, 1}, {3, 104, 2}, {4, 106, 1}, {5, 101, 1}, {6, 96, 3},
            {7, 85, 1}, {8, 95, 1}, {9, 97, 1}});

        assertThat(out.bars).containsExactly(
                "[1, 3) 100 104 100 104 v4 n3",
                "[4, 6) 100 100 96 96 v5 n3",
                "[7, 7) 96 96 92 92 v1 n1",
                "[7, 7) 92 92 88 88 v0 n0",
                "[8, 9) 92 96 92 96 v2 n2");
    }

    @Test
    void aRenkoBrickCompletedByAnEarlierStampedPrintNeverEndsBeforeItStarts() {
        BarAggregator bars = aggregator("4renko");
        feed(bars, new long[][] {{10, 100, 1}, {12, 101, 1}, {11, 104, 1}});

        assertThat(out.bars).containsExactly("[10, 12) 100 104 100 104 v3 n3");
    }

    @Test
    void heikinAshiSmoothsEachBaseBarAndRoundsHalvesUp() {
        BarAggregator bars = aggregator("ha:2t");
        // base bars: (10,14,10,14) (15,15,13,13) (13,14,13,14)
        feed(bars, new long[][] {{1, 10, 1}, {2, 14, 1}, {3, 15, 1}, {4, 13, 1}, {5, 13, 1}, {6, 14, 1}});

        assertThat(out.bars).containsExactly(
                "[1, 2) 12 14 10 12 v2 n2",
                "[3, 4) 12 15 12 14 v2 n2",
                "[5, 6) 13 14 13 14 v2 n2");
    }

    @Test
    void roundedDivisionGoesToTheNearestTickWithHalvesTowardPlusInfinity() {
        assertThat(HeikinAshiAggregator.roundedDivide(5, 2)).isEqualTo(3);
        assertThat(HeikinAshiAggregator.roundedDivide(-5, 2)).isEqualTo(-2);
        assertThat(HeikinAshiAggregator.roundedDivide(53, 4)).isEqualTo(13);
        assertThat(HeikinAshiAggregator.roundedDivide(55, 4)).isEqualTo(14);
        assertThat(HeikinAshiAggregator.roundedDivide(-55, 4)).isEqualTo(-14);
    }

    @Test
    void activityBarsPartitionTheirInputSoEveryObservationIsCountedOnce() {
        long seed = 1_234_567L;
        java.util.Random random = new java.util.Random(seed);
        int n = 10_003;
        for (String spec : new String[] {"7t", "25v", "6r"}) {
            BarCollector collector = new BarCollector();
            BarAggregator bars = BarAggregators.create(ES, BarSpec.parse(spec), SessionCalendar.cme(), collector);
            long price = 1_000;
            long volume = 0;
            for (int i = 0; i < n; i++) {
                price += random.nextInt(5) - 2;
                long size = 1 + random.nextInt(9);
                volume += size;
                bars.onPrice(i, price, size);
            }
            // 10,003 = 7 x 1,429 closes the last tick bar; a 25-lot print closes the forming volume bar with it;
            // a far price closes the forming range bar without itself
            long flushCount = spec.equals("25v") ? 1 : 0;
            long flushVolume = spec.equals("25v") ? 25 : 0;
            if (!spec.equals("7t")) {
                bars.onPrice(n, price + 1_000, flushVolume);
            }

            assertThat(collector.raw.stream().mapToLong(b -> b[7]).sum()).as("%s seed %d", spec, seed)
                    .isEqualTo(n + flushCount);
            assertThat(collector.raw.stream().mapToLong(b -> b[6]).sum()).as("%s seed %d", spec, seed)
                    .isEqualTo(volume + flushVolume);
            for (long[] b : collector.raw) {
                assertThat(b[3]).isGreaterThanOrEqualTo(Math.max(b[2], b[5]));
                assertThat(b[4]).isLessThanOrEqualTo(Math.min(b[2], b[5]));
                if (spec.equals("6r")) {
                    assertThat(b[3] - b[4]).isLessThanOrEqualTo(6);
                }
                if (spec.equals("7t")) {
                    assertThat(b[7]).isEqualTo(7);
                }
            }
        }
    }

    @Test
    void barSeriesKeepsTheNewestBarsAndRejectsIndexesItDoesNotHold() {
        BarSeriesBuffer series = new BarSeriesBuffer(ES, BarSpec.parse("1t"), 3);
        BarAggregator bars = BarAggregators.create(ES, BarSpec.parse("1t"), SessionCalendar.cme(), series);
        for (int i = 1; i <= 5; i++) {
            bars.onPrice(i, 100 + i, i);
        }

        assertThat(series.total()).isEqualTo(5);
        assertThat(series.size()).isEqualTo(3);
        assertThat(series.close(0)).isEqualTo(105);
        assertThat(series.close(2)).isEqualTo(103);
        assertThat(series.volume(1)).isEqualTo(4);
        assertThat(series.tsOpen(0)).isEqualTo(5);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> series.close(3))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("holds 3 completed bars");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> series.close(-1))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
