package io.tickflow.adapters.projectx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The client-side token buckets on a fake clock: a greedy caller that sends the moment a
 * token is there never exceeds the documented limit in any window, yet keeps 3/4 of it.
 */
class RequestLimiterTest {
    private static final long SECOND = 1_000_000_000L;

    /** The times (fake nanos) at which a greedy caller gets {@code requests} tokens. */
    private static List<Long> greedy(java.util.function.Function<java.util.function.LongSupplier, RequestLimiter> make,
                                     int requests) {
        long[] now = {7 * SECOND};
        RequestLimiter limiter = make.apply(() -> now[0]);
        List<Long> sent = new ArrayList<>();
        while (sent.size() < requests) {
            long wait = limiter.tryAcquire();
            if (wait == 0) {
                sent.add(now[0]);
            } else {
                now[0] += wait;
            }
        }
        return sent;
    }

    /** The most requests in any half-open window of this length. */
    private static int busiestWindow(List<Long> sent, long window) {
        int most = 0;
        int start = 0;
        for (int end = 0; end < sent.size(); end++) {
            while (sent.get(end) - sent.get(start) >= window) {
                start++;
            }
            most = Math.max(most, end - start + 1);
        }
        return most;
    }

    @Test
    void barsNeverExceedFiftyInAnyThirtySeconds() {
        List<Long> sent = greedy(RequestLimiter::history, 1_000);
        assertThat(busiestWindow(sent, 30 * SECOND)).isLessThanOrEqualTo(50).isGreaterThanOrEqualTo(37);
        assertThat(sent.subList(0, 12)).as("a burst of a quarter at once").allMatch(t -> t == 7 * SECOND);
        assertThat(sent.get(12)).isGreaterThan(7 * SECOND);
    }

    @Test
    void everythingElseNeverExceedsTwoHundredInAnySixtySeconds() {
        List<Long> sent = greedy(RequestLimiter::general, 3_000);
        assertThat(busiestWindow(sent, 60 * SECOND)).isLessThanOrEqualTo(200).isGreaterThanOrEqualTo(150);
        long span = sent.get(sent.size() - 1) - sent.get(0);
        assertThat((sent.size() - 50) * 60 * SECOND / span).as("sustained per minute").isEqualTo(150);
    }

    @Test
    void anIdleBucketRefillsOnlyToItsBurst() {
        long[] now = {0};
        RequestLimiter limiter = RequestLimiter.general(() -> now[0]);
        now[0] += 3_600 * SECOND;
        int immediate = 0;
        while (limiter.tryAcquire() == 0) {
            immediate++;
        }
        assertThat(immediate).isEqualTo(50);
    }
}
