package io.tickflow.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TimerQueueTest {
    @Test
    void popsInDeadlineOrderWithTiesInSchedulingOrder() {
        TimerQueue q = new TimerQueue(2);
        q.schedule(0, 1, 50);
        q.schedule(0, 2, 10);
        q.schedule(1, 3, 50);
        q.schedule(1, 4, 30);
        q.schedule(0, 5, 10);
        List<Long> order = new ArrayList<>();
        while (q.size() > 0) {
            order.add(q.peekId());
            q.pop();
        }
        assertThat(order).containsExactly(2L, 5L, 4L, 1L, 3L);
    }

    @Test
    void reschedulingReplacesAndCancelRemoves() {
        TimerQueue q = new TimerQueue(4);
        q.schedule(0, 1, 50);
        q.schedule(0, 1, 20);
        q.schedule(0, 2, 30);
        assertThat(q.size()).isEqualTo(2);
        assertThat(q.cancel(0, 2)).isTrue();
        assertThat(q.cancel(0, 2)).isFalse();
        assertThat(q.nextDeadline()).isEqualTo(20);
        q.schedule(1, 1, 5);
        q.cancelAll(0);
        assertThat(q.size()).isEqualTo(1);
        assertThat(q.peekOwner()).isEqualTo(1);
    }

    @Test
    void randomOperationsKeepTheHeapOrdered() {
        long seed = 20261124L;
        Random random = new Random(seed);
        TimerQueue q = new TimerQueue(1);
        for (int i = 0; i < 5_000; i++) {
            if (random.nextInt(4) == 0) {
                q.cancel(random.nextInt(3), random.nextInt(50));
            } else {
                q.schedule(random.nextInt(3), random.nextInt(50), random.nextInt(1_000));
            }
        }
        long last = Long.MIN_VALUE;
        while (q.size() > 0) {
            long deadline = q.nextDeadline();
            assertThat(deadline).as("seed %d", seed).isGreaterThanOrEqualTo(last);
            last = deadline;
            q.pop();
        }
    }
}
