package io.tickflow.engine.market.bar;

import static io.tickflow.engine.market.bar.BarCollector.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.strategy.BarView;
import io.tickflow.engine.testing.TestContracts;
import io.tickflow.engine.time.SessionCalendar;

/**
 * Properties over seeded random input (the seed is in every failure message): completed bars
 * plus the forming bar partition the observations, in arrival order, and each bar obeys its
 * closing rule and none closes early. The bars are checked against the observation slices they
 * cover, not against a second aggregator.
 */
class BarPartitionPropertyTest {
    private static final int SEEDS = 40;
    private static final int N = 2_000;

    /** Observations in arrival order; a few are stamped slightly earlier than the one before. */
    private static final class Input {
        final long[] ts = new long[N];
        final long[] price = new long[N];
        final long[] volume = new long[N];
        long totalVolume;

        Input(long seed, long jump, boolean outOfOrder) {
            Random random = new Random(seed);
            long t = 1_000;
            long p = 10_000;
            for (int i = 0; i < N; i++) {
                t += random.nextInt(4);
                ts[i] = outOfOrder && random.nextInt(30) == 0 ? t - 1 - random.nextInt(3) : t;
                p += random.nextInt(30) == 0 ? (random.nextBoolean() ? 1 : -1) * (jump + random.nextInt(3 * (int) jump))
                        : random.nextInt(5) - 2;
                price[i] = p;
                volume[i] = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(12);
                totalVolume += volume[i];
            }
        }
    }

    private static List<long[]> run(String spec, Input in) {
        BarCollector out = new BarCollector();
        BarAggregator bars = BarAggregators.create(TestContracts.ES, BarSpec.parse(spec), SessionCalendar.cme(), out);
        for (int i = 0; i < N; i++) {
            bars.onPrice(in.ts[i], in.price[i], in.volume[i]);
        }
        return out.raw;
    }

    /** Checks bar {@code b} is exactly the slice [from, from + count) of the input; returns the slice's end. */
    private static int checkSlice(long[] b, Input in, int from, String where) {
        int count = (int) b[7];
        assertThat(count).as(where).isPositive();
        assertThat(from + count).as(where).isLessThanOrEqualTo(N);
        long high = Long.MIN_VALUE;
        long low = Long.MAX_VALUE;
        long volume = 0;
        long lastTs = Long.MIN_VALUE;
        for (int i = from; i < from + count; i++) {
            high = Math.max(high, in.price[i]);
            low = Math.min(low, in.price[i]);
            volume += in.volume[i];
            lastTs = Math.max(lastTs, in.ts[i]);
        }
        assertThat(b).as(where).containsExactly(in.ts[from], lastTs, in.price[from], high, low,
                in.price[from + count - 1], volume, count);
        return from + count;
    }

    private static long sum(List<long[]> bars, int field) {
        long s = 0;
        for (long[] b : bars) {
            s += b[field];
        }
        return s;
    }

    @Test
    void tickBarsAreConsecutiveSlicesOfExactlyNObservations() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Input in = new Input(seed, 10, true);
            List<long[]> bars = run("7t", in);
            int next = 0;
            for (int k = 0; k < bars.size(); k++) {
                String where = "7t seed " + seed + " bar " + k;
                next = checkSlice(bars.get(k), in, next, where);
                assertThat(bars.get(k)[7]).as(where).isEqualTo(7);
            }
            assertThat(N - next).as("7t seed %d: forming bar", seed).isLessThan(7);
            assertThat(sum(bars, 7) + (N - next)).as("7t seed %d", seed).isEqualTo(N);
        }
    }

    @Test
    void volumeBarsAreSlicesClosedByTheFirstObservationThatReachesTheVolume() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Input in = new Input(seed, 10, true);
            List<long[]> bars = run("40v", in);
            int next = 0;
            for (int k = 0; k < bars.size(); k++) {
                String where = "40v seed " + seed + " bar " + k;
                next = checkSlice(bars.get(k), in, next, where);
                long last = in.volume[next - 1];
                assertThat(bars.get(k)[6]).as(where).isGreaterThanOrEqualTo(40);
                assertThat(bars.get(k)[6] - last).as(where + ": volume before its last print").isLessThan(40);
                assertThat(last).as(where + ": a quote closed it").isPositive();
            }
            long formingVolume = 0;
            for (int i = next; i < N; i++) {
                formingVolume += in.volume[i];
            }
            assertThat(formingVolume).as("40v seed %d: forming bar", seed).isLessThan(40);
            assertThat(sum(bars, 7) + (N - next)).as("40v seed %d", seed).isEqualTo(N);
            assertThat(sum(bars, 6) + formingVolume).as("40v seed %d", seed).isEqualTo(in.totalVolume);
        }
    }

    @Test
    void rangeBarsAreSlicesWithinTheRangeEachClosedByAPriceThatWouldExceedIt() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Input in = new Input(seed, 6, true);
            List<long[]> bars = run("6r", in);
            int next = 0;
            for (int k = 0; k < bars.size(); k++) {
                String where = "6r seed " + seed + " bar " + k;
                long[] b = bars.get(k);
                next = checkSlice(b, in, next, where);
                assertThat(b[3] - b[4]).as(where).isLessThanOrEqualTo(6);
                assertThat(next).as(where + ": closed without a following price").isLessThan(N);
                long p = in.price[next];
                assertThat(Math.max(b[3], p) - Math.min(b[4], p)).as(where + ": the price that closed it").isGreaterThan(6);
            }
            long high = Long.MIN_VALUE;
            long low = Long.MAX_VALUE;
            long formingVolume = 0;
            for (int i = next; i < N; i++) {
                high = Math.max(high, in.price[i]);
                low = Math.min(low, in.price[i]);
                formingVolume += in.volume[i];
            }
            assertThat(high - low).as("6r seed %d: forming bar", seed).isLessThanOrEqualTo(6);
            assertThat(sum(bars, 7) + (N - next)).as("6r seed %d", seed).isEqualTo(N);
            assertThat(sum(bars, 6) + formingVolume).as("6r seed %d", seed).isEqualTo(in.totalVolume);
        }
    }

    /** The classic Renko rule: continue one brick beyond the last close, or reverse two. */
    private static boolean formsBrick(int direction, long lastClose, long price, long brick) {
        return direction >= 0 && price >= lastClose + brick
                || direction <= 0 && price <= lastClose - brick
                || direction > 0 && price <= lastClose - 2 * brick
                || direction < 0 && price >= lastClose + 2 * brick;
    }

    @Test
    void renkoBricksSitOnTheGridFormAsSoonAsPriceAllowsAndCarryEveryObservationOnce() {
        long brick = 4;
        for (long seed = 1; seed <= SEEDS; seed++) {
            Input in = new Input(seed, 12, false);
            List<long[]> bricks = run("4renko", in);
            long anchor = in.price[0];
            int direction = 0;
            long lastOpen = anchor;
            long lastClose = anchor;
            int next = 0;
            int k = 0;
            while (k < bricks.size()) {
                String where = "renko seed " + seed + " brick " + k;
                long[] first = bricks.get(k);
                int last = next + (int) first[7] - 1;
                assertThat(first[7]).as(where + ": first brick of a move carries its observations").isPositive();
                for (int i = next; i < last; i++) {
                    assertThat(formsBrick(direction, lastClose, in.price[i], brick)).as(where + ": missed at " + i).isFalse();
                }
                long volume = 0;
                for (int i = next; i <= last; i++) {
                    volume += in.volume[i];
                }
                assertThat(new long[] {first[0], first[1], first[6]}).as(where).containsExactly(in.ts[next], in.ts[last], volume);
                long price = in.price[last];
                do {
                    long[] b = bricks.get(k);
                    where = "renko seed " + seed + " brick " + k;
                    int up = b[5] > b[2] ? 1 : -1;
                    assertThat(Math.abs(b[5] - b[2])).as(where).isEqualTo(brick);
                    assertThat(Math.floorMod(b[2] - anchor, brick)).as(where + ": off the grid").isZero();
                    assertThat(new long[] {b[3], b[4]}).as(where).containsExactly(Math.max(b[2], b[5]), Math.min(b[2], b[5]));
                    assertThat(b[2]).as(where + ": open").isEqualTo(direction == 0 || up == direction ? lastClose : lastOpen);
                    assertThat(up * (price - b[5])).as(where + ": past the price").isGreaterThanOrEqualTo(0);
                    if (b != first) {
                        assertThat(b).as(where).containsExactly(in.ts[last], in.ts[last], b[2], b[3], b[4], b[5], 0, 0);
                    }
                    direction = up;
                    lastOpen = b[2];
                    lastClose = b[5];
                    k++;
                } while (k < bricks.size() && bricks.get(k)[7] == 0);
                assertThat(formsBrick(direction, lastClose, price, brick)).as(where + ": a brick left out").isFalse();
                next = last + 1;
            }
            long pendingVolume = 0;
            for (int i = next; i < N; i++) {
                assertThat(formsBrick(direction, lastClose, in.price[i], brick)).as("renko seed %d: missed at %d", seed, i)
                        .isFalse();
                pendingVolume += in.volume[i];
            }
            assertThat(sum(bricks, 7) + (N - next)).as("renko seed %d", seed).isEqualTo(N);
            assertThat(sum(bricks, 6) + pendingVolume).as("renko seed %d", seed).isEqualTo(in.totalVolume);
        }
    }

    /** Records each bar with the index of the event during which it was emitted. */
    private static final class EmissionRecorder implements BarSink {
        final List<long[]> bars = new ArrayList<>();
        int event;

        @Override
        public void onBar(BarView b) {
            bars.add(new long[] {b.tsOpen(), b.tsClose(), b.open(), b.high(), b.low(), b.close(), b.volume(), b.count(),
                event});
        }
    }

    @Test
    void timeBarsSitOnTheSessionGridHoldTheirObservationsAndCloseAtTheFirstEventAfterTheirEnd() {
        // Thursday 2023-03-09 to Tuesday 2023-03-14: four session closes, the breaks and the spring-forward session
        long start = at("2023-03-09T18:00:00Z");
        SessionCalendar grid = SessionCalendar.cme();
        for (String spec : new String[] {"1m", "7m", "1h", "90m", "1d"}) {
            BarSpec barSpec = BarSpec.parse(spec);
            long period = barSpec.size();
            for (long seed = 1; seed <= 10; seed++) {
                Random random = new Random(seed);
                int events = 4_000;
                long[] eventTs = new long[events + 1];
                boolean[] isPrice = new boolean[events + 1];
                List<long[]> observations = new ArrayList<>();
                EmissionRecorder out = new EmissionRecorder();
                BarAggregator bars = BarAggregators.create(TestContracts.ES, barSpec, SessionCalendar.cme(), out);
                long t = start;
                for (int e = 0; e < events; e++) {
                    t += random.nextInt(50) == 0 ? (long) random.nextInt(3 * 3_600) * 1_000_000_000L
                            : random.nextInt(90_000) * 1_000_000L;
                    eventTs[e] = t;
                    out.event = e;
                    if (random.nextInt(4) == 0) {
                        bars.onTime(t);
                    } else {
                        isPrice[e] = true;
                        long price = 100 + random.nextInt(20);
                        long volume = random.nextInt(5);
                        observations.add(new long[] {t, price, volume});
                        bars.onPrice(t, price, volume);
                    }
                }
                eventTs[events] = at("2023-03-20T00:00:00Z");
                out.event = events;
                bars.onTime(eventTs[events]);

                int next = 0;
                long previousClose = Long.MIN_VALUE;
                for (int k = 0; k < out.bars.size(); k++) {
                    long[] b = out.bars.get(k);
                    String where = spec + " seed " + seed + " bar " + k + " [" + BarCollector.text(b[0]) + ", "
                            + BarCollector.text(b[1]) + ")";
                    long anchor;
                    long limit;
                    if (grid.inSession(b[0])) {
                        anchor = grid.sessionOpen(b[0]);
                        limit = grid.sessionClose(b[0]);
                    } else {
                        anchor = grid.sessionClose(b[0]);
                        limit = grid.nextSessionOpen(b[0]);
                    }
                    if (barSpec.isSessionBar()) {
                        assertThat(new long[] {b[0], b[1]}).as(where).containsExactly(anchor, limit);
                    } else {
                        assertThat((b[0] - anchor) % period).as(where + ": off the grid").isZero();
                        assertThat(b[1]).as(where).isEqualTo(Math.min(b[0] + period, limit));
                    }
                    assertThat(b[0]).as(where + ": overlaps the previous bar").isGreaterThanOrEqualTo(previousClose);
                    previousClose = b[1];

                    int count = (int) b[7];
                    long high = Long.MIN_VALUE;
                    long low = Long.MAX_VALUE;
                    long volume = 0;
                    for (int i = next; i < next + count; i++) {
                        long[] o = observations.get(i);
                        assertThat(o[0]).as(where + ": observation " + i).isGreaterThanOrEqualTo(b[0]).isLessThan(b[1]);
                        high = Math.max(high, o[1]);
                        low = Math.min(low, o[1]);
                        volume += o[2];
                    }
                    assertThat(new long[] {b[2], b[3], b[4], b[5], b[6]}).as(where).containsExactly(
                            observations.get(next)[1], high, low, observations.get(next + count - 1)[1], volume);
                    next += count;

                    int emittedAt = (int) b[8];
                    assertThat(eventTs[emittedAt]).as(where + ": emitted before its end").isGreaterThanOrEqualTo(b[1]);
                    assertThat(eventTs[emittedAt - 1]).as(where + ": emitted late").isLessThan(b[1]);
                }
                assertThat(next).as("%s seed %d: every observation in exactly one bar", spec, seed)
                        .isEqualTo(observations.size());
            }
        }
    }
}
